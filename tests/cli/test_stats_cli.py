"""``sellerdesk-cli stats``: the dashboard's aggregates, checked against counts made from
``list --json`` and ``orders --json`` (issue 19)."""

import datetime as dt
import json
from collections import Counter
from decimal import Decimal

from sellerdesk.core import clock
from sellerdesk.core.big_regions import big_region


def test_stats_json_matches_list_and_orders(initialized_cli):
    initialized_cli("demo", "--customers", "60", "--seed", "3")
    doc = json.loads(initialized_cli("stats", "--json").stdout)
    people = initialized_cli.json_lines("list", "--json")
    orders = initialized_cli.json_lines("orders", "--json")

    def province(p):
        default = [a for a in p["addresses"] if a["is_default"]]
        return default[0]["province"] if default else ""

    by_province = Counter(province(p) for p in people)
    assert doc["customers_by_province"] == dict(by_province)
    by_region = Counter(big_region(province(p)) if province(p) else "" for p in people)
    assert {k: v for k, v in doc["customers_by_region"].items() if v} == dict(by_region)
    assert {k: v for k, v in doc["customers_by_tier"].items() if v} == dict(Counter(p["tier"] for p in people))
    assert sum(doc["customers_by_tier"].values()) == len(people)

    assert doc["orders_by_status"] == {s: sum(o["status"] == s for o in orders) for s in doc["orders_by_status"]}
    assert sum(doc["orders_by_status"].values()) == len(orders)
    sales: dict[str, Decimal] = {}
    for o in orders:
        if o["status"] in ("pending", "shipped", "delivered"):
            sales[o["date"][:7]] = sales.get(o["date"][:7], Decimal(0)) + Decimal(o["amount"])
    assert len(doc["sales_by_month"]) == 24
    for month, amount in doc["sales_by_month"].items():
        assert isinstance(amount, str)
        assert Decimal(amount) == sales.get(month, Decimal(0))
    created = Counter(
        dt.datetime.fromisoformat(p["created_at"]).replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m") for p in people
    )
    for month, n in doc["new_customers_by_month"].items():
        assert n == created.get(month, 0)
    assert max(doc["new_customers_by_month"]) == clock.today().strftime("%Y-%m")


def test_stats_of_a_new_database_and_in_chinese(initialized_cli):
    doc = json.loads(initialized_cli("stats", "--json").stdout)
    assert set(doc) == {
        "customers_by_region",
        "customers_by_province",
        "customers_by_tier",
        "new_customers_by_month",
        "sales_by_month",
        "orders_by_status",
    }
    assert doc["customers_by_province"] == {}
    assert set(doc["sales_by_month"].values()) == {"0.00"}
    assert set(doc["orders_by_status"].values()) == {0}
    empty = initialized_cli("stats", env={"LANG": "zh_CN.UTF-8", "SELLERDESK_LANG": "zh_CN"}).stdout
    assert "各省客户数\n  （还没有）" in empty  # (a heading with nothing under it read as cut off)
    initialized_cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号")
    out = initialized_cli("stats", env={"LANG": "zh_CN.UTF-8", "SELLERDESK_LANG": "zh_CN"}).stdout
    assert "各省客户数" in out and "广东省" in out and "每月销售额" in out
