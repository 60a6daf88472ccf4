"""The orders CLI contract of issue 14, end to end in-process through ``sellerdesk.cli.main``."""

import datetime as dt
import json
import subprocess
import sys

import pytest

from sellerdesk.cli import main
from sellerdesk.core import clock

TODAY = clock.today()
ORDER_KEYS = {
    "id", "customer_id", "order_no", "date", "amount", "status", "items", "courier", "tracking", "ship_to", "remote"
}  # fmt: skip
SHIP_TO_KEYS = {"recipient", "phone", "province", "city", "district", "detail"}


class Cli:
    def __init__(self, capsys):
        self.capsys = capsys

    def run(self, *args):
        """(exit code, stdout, stderr) of one command."""
        self.capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def __call__(self, *args):
        code, out, err = self.run(*args)
        assert code == 0, f"exit {code}\nstdout: {out}\nstderr: {err}"
        return out

    def json_lines(self, *args):
        return [json.loads(line) for line in self(*args).splitlines() if line.strip()]

    def customer(self, *args):
        return json.loads(self("add", *args, "--json"))["id"]

    def dump(self):
        """Every row of every table: to prove a refused command wrote nothing."""
        from sellerdesk.store.database import open_raw
        from sellerdesk.store.session import DataDir

        datadir = DataDir.default()
        conn = open_raw(datadir.db_path, datadir.unlock_headless())
        try:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
        finally:
            conn.close()


@pytest.fixture
def cli(isolated_environment, monkeypatch, capsys, fast_kdf):
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", "test passphrase 123")
    runner = Cli(capsys)
    runner("init")
    return runner


@pytest.fixture
def zs(cli):
    """A customer with two addresses (the second one default) and their address ids."""
    cid = cli.customer(
        "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号", "--label", "公司"
    )
    doc = json.loads(cli("show", cid, "--json"))
    return cid, doc["addresses"][0]["id"]


def test_order_add_prints_the_new_id_alone(cli, zs):
    cid, _ = zs
    out = cli("order", "add", cid, "--amount", "128.50")
    assert out == "1\n"
    out = cli(
        "order", "add", cid, "--amount", "¥1,234.5", "--date", "2025-06-01", "--items", "面膜 x2 @39.9, 护手霜",
        "--order-no", "WX-1", "--status", "shipped", "--courier", "顺丰", "--tracking", "SF100",
    )  # fmt: skip
    assert out == "2\n"


def test_orders_json_is_the_contract(cli, zs):
    cid, first_address = zs
    second = json.loads(cli("show", cid, "--json"))
    cli("order", "add", cid, "--amount", "128.50", "--date", "2025-03-01", "--items", "面膜 x2 @39.9, 护手霜",
        "--order-no", "TB-9", "--courier", "顺丰", "--tracking", "SF1", "--status", "shipped")  # fmt: skip
    (row,) = cli.json_lines("orders", "--json")
    assert set(row) == ORDER_KEYS and set(row["ship_to"]) == SHIP_TO_KEYS
    assert row == {
        "id": 1,
        "customer_id": cid,
        "order_no": "TB-9",
        "date": "2025-03-01",
        "amount": "128.50",
        "status": "shipped",
        "items": "面膜 x2 @39.9, 护手霜",
        "courier": "顺丰",
        "tracking": "SF1",
        "ship_to": {
            "recipient": "张三",
            "phone": "13812345678",
            "province": "广东省",
            "city": "深圳市",
            "district": "南山区",
            "detail": "科技园1号",
        },
        "remote": False,
    }
    assert second["addresses"][0]["id"] == first_address


def test_default_ship_to_and_another_address(cli):
    cid = cli.customer("--name", "李四", "--phone", "13987654321", "--address", "浙江省杭州市西湖区文三路90号")
    from sellerdesk.store import customers
    from sellerdesk.store.session import DataDir

    datadir = DataDir.default()
    datadir.open(datadir.unlock_headless())
    try:
        place = {"province": "四川省", "city": "成都市", "district": "武侯区", "detail": "x路1号"}
        other = customers.add_address(cid, {"recipient": "李四妈妈", **place}).id
        customers.set_default_address(other)
        old_default = [a.id for a in customers.live_addresses(cid) if a.id != other][0]
    finally:
        datadir.close()
    cli("order", "add", cid, "--amount", "10")
    cli("order", "add", cid, "--amount", "10", "--address", old_default)
    first, second = cli.json_lines("orders", "--json")
    assert first["ship_to"]["recipient"] == "李四妈妈" and first["ship_to"]["city"] == "成都市"  # the default
    assert second["ship_to"]["city"] == "杭州市"


def test_orders_filters(cli, zs):
    cid, _ = zs
    other = cli.customer("--name", "王五")
    cli("order", "add", cid, "--amount", "1", "--date", "2025-01-10")
    cli("order", "add", cid, "--amount", "2", "--date", "2025-02-10", "--status", "delivered")
    cli("order", "add", other, "--amount", "3", "--date", "2025-03-10", "--status", "cancelled")

    def ids(*args):
        return [r["id"] for r in cli.json_lines("orders", "--json", *args)]

    assert ids() == [1, 2, 3]
    assert ids("--customer", cid) == [1, 2] and ids("--customer", other) == [3]
    assert ids("--status", "delivered") == [2] and ids("--status", "已取消") == [3]
    assert ids("--status", "pending", "--status", "cancelled") == [1, 3]
    assert ids("--since", "2025-02-10") == [2, 3] and ids("--until", "2025-02-10") == [1, 2]
    assert ids("--since", "2025-01-11", "--until", "2025-03-09") == [2]
    assert ids("--province", "广东") == [1, 2] and ids("--region", "华南") == [1, 2]
    table = cli("orders", "--customer", cid)
    assert "已签收" in table and "¥2.00" in table and table.rstrip().endswith("2 orders")
    assert ids("--limit", "1") == [1]


def test_show_json_gains_orders_totals_tier_and_points(cli, zs):
    cid, _ = zs
    doc = json.loads(cli("show", cid, "--json"))
    assert doc["orders"] == [] and doc["order_count"] == 0 and doc["total_spent"] == "0.00"
    assert doc["last_order_date"] == "" and doc["tier"] == "普通" and doc["tier_manual"] is False and doc["points"] == 0
    recent = (TODAY - dt.timedelta(days=3)).isoformat()
    cli("order", "add", cid, "--amount", "300", "--date", recent)
    cli("order", "add", cid, "--amount", "934.50", "--date", (TODAY - dt.timedelta(days=40)).isoformat())
    refunded = cli("order", "add", cid, "--amount", "5000", "--date", recent).strip()
    cli("order", "update", refunded, "--status", "refunded")
    cancelled = cli("order", "add", cid, "--amount", "9000", "--date", recent).strip()
    cli("order", "update", cancelled, "--status", "cancelled")
    doc = json.loads(cli("show", cid, "--json"))
    assert [o["id"] for o in doc["orders"]] == [2, 1, 3, 4]  # oldest first, every live order
    assert all(set(o) == ORDER_KEYS for o in doc["orders"])
    assert doc["order_count"] == 2 and doc["total_spent"] == "1234.50"  # refunds and cancellations excluded
    assert doc["last_order_date"] == recent
    assert doc["tier"] == "银卡" and doc["tier_manual"] is False  # ¥1,234.50 in 12 months
    assert doc["points"] == 0
    text = cli("show", cid)
    assert "Spent: ¥1,234.50" in text and "已退款" in text and "Tier: 银卡" in text


def test_order_update_contract(cli, zs):
    cid, _ = zs
    oid = cli("order", "add", cid, "--amount", "50").strip()
    assert cli("order", "update", oid, "--status", "shipped", "--courier", "中通", "--tracking", "ZT123") == ""
    (row,) = cli.json_lines("orders", "--json")
    assert (row["status"], row["courier"], row["tracking"]) == ("shipped", "中通", "ZT123")
    shown = json.loads(cli("order", "show", oid, "--json"))
    assert shown["shipped_on"] == TODAY.isoformat() and shown["version"] == 2
    cli("order", "update", oid, "--status", "delivered")
    before = cli.dump()
    code, out, err = cli.run("order", "update", oid, "--status", "cancelled")  # delivered cannot be cancelled
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "delivered" in err
    assert cli.dump() == before
    cli("order", "update", oid, "--status", "refunded")
    assert cli.json_lines("orders", "--json")[0]["status"] == "refunded"


@pytest.mark.parametrize(
    "args",
    [
        ("order", "add", "4242", "--amount", "1"),  # unknown customer
        ("order", "add", "{cid}", "--amount", "-1"),
        ("order", "add", "{cid}", "--amount", "−5"),
        ("order", "add", "{cid}", "--amount", "12.345"),
        ("order", "add", "{cid}", "--amount", "abc"),
        ("order", "add", "{cid}", "--amount", ""),
        ("order", "add", "{cid}", "--amount", "NaN"),
        ("order", "add", "{cid}", "--amount", "1e9"),
        ("order", "add", "{cid}", "--amount", "1", "--date", "2025/01/01"),
        ("order", "add", "{cid}", "--amount", "1", "--date", "2025-13-01"),
        ("order", "add", "{cid}", "--amount", "1", "--date", "20250101"),
        ("order", "add", "{cid}", "--amount", "1", "--date", "2099-01-01"),
        ("order", "add", "{cid}", "--amount", "1", "--status", "returned"),
        ("order", "add", "{cid}", "--amount", "1", "--items", "面膜 x0"),
        ("order", "add", "{cid}", "--amount", "1", "--address", "4242"),
        ("order", "add", "zhang", "--amount", "1"),
        ("order", "update", "4242", "--status", "shipped"),
        ("order", "update", "{oid}", "--status", "lost"),
        ("order", "update", "{oid}", "--amount", "-3"),
        ("order", "update", "{oid}", "--courier", "顺丰", "--date", "1 May"),
        ("order", "update", "x1", "--status", "shipped"),
        ("orders", "--customer", "4242"),
        ("orders", "--since", "yesterday"),
        ("show", "4242", "--json"),
        ("order", "show", "4242"),
        ("tier", "set", "4242", "gold"),
        ("tier", "set", "{cid}", "VIP"),
        ("points", "redeem", "{cid}", "10", "--note", "礼品"),  # no points to redeem
        ("points", "redeem", "{cid}", "10", "--note", " "),
    ],
)
def test_refusals_are_one_line_exit_1_and_write_nothing(cli, zs, args):
    cid, _ = zs
    oid = cli("order", "add", cid, "--amount", "9.90").strip()
    before = cli.dump()
    code, out, err = cli.run(*[a.format(cid=cid, oid=oid) for a in args])
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("sellerdesk-cli: error: ") and "Traceback" not in err
    assert cli.dump() == before


def test_delete_and_restore(cli, zs):
    cid, _ = zs
    oid = cli("order", "add", cid, "--amount", "88", "--order-no", "X1").strip()
    assert "Deleted 1 order;" in cli("order", "delete", oid)
    assert cli.json_lines("orders", "--json") == []
    assert [r["id"] for r in cli.json_lines("orders", "--json", "--deleted")] == [int(oid)]
    assert json.loads(cli("show", cid, "--json"))["order_count"] == 0
    code, _out, err = cli.run("order", "add", cid, "--amount", "1", "--order-no", "X1")
    assert code == 1 and "already used" in err
    assert "Restored 1" in cli("order", "restore", oid)
    assert json.loads(cli("show", cid, "--json"))["total_spent"] == "88.00"
    code, _out, err = cli.run("order", "restore", oid)
    assert code == 1 and f"order {oid} not found or not deleted; nothing was changed" in err


@pytest.mark.parametrize("action", ["delete", "restore"])
def test_an_unknown_order_id_moves_none_of_them_and_is_named(cli, zs, action):
    """README: an unknown id exits with 1 and writes nothing (the known ones did move before)."""
    cid, _ = zs
    first = cli("order", "add", cid, "--amount", "5").strip()
    second = cli("order", "add", cid, "--amount", "6").strip()
    if action == "restore":
        cli("order", "delete", first, second)
    before = cli.dump()
    code, out, err = cli.run("order", action, first, "9999999", second, "8888888")
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [
        "sellerdesk-cli: error: order 8888888, 9999999 not found or "
        + ("already deleted" if action == "delete" else "not deleted")
        + "; nothing was changed"
    ]
    assert cli.dump() == before


def test_tiers_by_hand_and_recompute(cli, zs):
    cid, _ = zs
    for _ in range(3):
        cli("order", "add", cid, "--amount", "1")
    assert json.loads(cli("show", cid, "--json"))["tier"] == "银卡"  # 3 orders
    assert "钻石 (set by hand)" in cli("tier", "set", cid, "钻石")
    doc = json.loads(cli("show", cid, "--json"))
    assert (doc["tier"], doc["tier_manual"]) == ("钻石", True)
    cli("tiers", "recompute")
    assert json.loads(cli("show", cid, "--json"))["tier"] == "钻石"
    cli("tier", "set", cid, "--clear")
    doc = json.loads(cli("show", cid, "--json"))
    assert (doc["tier"], doc["tier_manual"]) == ("银卡", False)
    code, _out, err = cli.run("tier", "set", cid)
    assert code == 1 and "--clear" in err
    rules = json.loads(cli("tiers", "--json"))
    assert rules["levels"]["silver"] == {"name": "银卡", "spend": "500.00", "orders": 3, "customers": 1}
    out = cli("tiers", "rule", "silver", "--orders", "5", "--name", "白银", "--json")
    assert json.loads(out)["changed"] == 1
    assert json.loads(cli("show", cid, "--json"))["tier"] == "普通"
    code, _out, err = cli.run("tiers", "rule", "gold", "--spend", "100")
    assert code == 1 and "higher" in err
    assert json.loads(cli("tiers", "recompute", "--json")) == {"changed": 0}
    levels = json.loads(cli("tiers", "rule", "silver", "--spend", "off", "--json"))["levels"]
    assert (levels["silver"]["spend"], levels["silver"]["orders"]) == (None, 5)
    levels = json.loads(cli("tiers", "rule", "silver", "--spend", "600", "--orders", "4", "--json"))["levels"]
    assert (levels["silver"]["spend"], levels["silver"]["orders"]) == ("600.00", 4)


def test_points(cli, zs):
    cid, _ = zs
    cli("order", "add", cid, "--amount", "100")
    assert json.loads(cli("show", cid, "--json"))["points"] == 0  # off by default
    assert "on: 2 point(s) per ¥1" in cli("points", "settings", "--on", "--per-yuan", "2")
    cli("order", "add", cid, "--amount", "128.50")
    assert json.loads(cli("show", cid, "--json"))["points"] == 257
    assert "57 points" in cli("points", "redeem", cid, "200", "--note", "兑换护手霜")
    history = json.loads(cli("points", "show", cid, "--json"))["history"]
    assert [(e["delta"], e["note"]) for e in history] == [(-200, "兑换护手霜"), (257, "order")]
    code, _out, err = cli.run("points", "redeem", cid, "58", "--note", "x")
    assert code == 1 and "57 points" in err
    assert json.loads(cli("points", "settings", "--off", "--json")) == {"enabled": False, "per_yuan": "2"}


def test_demo_orders_are_listed_and_removed(cli):
    cli("demo", "--customers", "30", "--seed", "2")
    rows = cli.json_lines("orders", "--json")
    assert len(rows) > 30 and all(set(r) == ORDER_KEYS for r in rows)
    people = cli.json_lines("list", "--json")
    counting = sum(r["status"] in ("pending", "shipped", "delivered") for r in rows)
    assert sum(p["order_count"] for p in people) == counting
    cli("demo", "--remove")
    assert cli.json_lines("orders", "--json") == []


def test_help_lists_the_commands():
    from sellerdesk.cli import build_parser

    text = build_parser().format_help()
    for command in ("order", "orders", "tier", "tiers", "points"):
        assert f"    {command}" in text


def test_order_commands_import_no_store_at_start():
    # a fresh interpreter: the point is what importing the module pulls in
    code = (
        "import sys, sellerdesk.cli.order_cmds; "
        "print(sorted(m for m in sys.modules if m == 'peewee' or m.startswith(('sellerdesk.store', 'PySide6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
