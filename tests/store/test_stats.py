"""store.stats: the dashboard's aggregates on a small hand-made store, counted another way."""

import datetime as dt

from sellerdesk.core import clock
from sellerdesk.store import customers, orders, stats


def test_a_new_database_has_empty_figures(backend_store):
    today = dt.date(2026, 12, 4)
    figures = stats.collect(today)
    assert figures["customers"] == 0
    assert figures["customers_by_province"] == {} and figures["sales_by_province"] == {}
    assert set(figures["customers_by_region"].values()) == {0}
    assert list(figures["new_customers_by_month"]) == stats.month_keys(today)
    assert list(figures["sales_by_month"])[0] == "2025-01" and list(figures["sales_by_month"])[-1] == "2026-12"
    assert set(figures["sales_by_month"].values()) == {0}
    assert figures["top_customers"] == [] and figures["top_products"] == []
    assert figures["repeat_rate"].share is None


def test_figures_leave_out_what_does_not_count(backend_store):
    today = clock.today()
    gd = {"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园1号"}
    xz = {"province": "西藏自治区", "city": "拉萨市", "district": "城关区", "detail": "北京中路1号"}
    a = customers.create_customer({"name": "甲", "phone": "13800000001"}, [gd]).id
    b = customers.create_customer({"name": "乙", "phone": "13800000002"}, [gd]).id
    c = customers.create_customer({"name": "丙", "phone": "13800000003"}, [xz]).id
    d = customers.create_customer({"name": "丁", "phone": "13800000004"}).id
    gone = customers.create_customer({"name": "戊", "phone": "13800000005"}, [xz]).id
    customers.trash_customers([gone])
    orders.add_order(a, amount_fen=10_000, order_date=today, items="面膜 x2")
    orders.add_order(a, amount_fen=5_000, order_date=today, items="面膜, 护手霜")
    orders.add_order(b, amount_fen=3_000, order_date=today, items="护手霜")
    refunded = orders.add_order(c, amount_fen=99_900, order_date=today, items="精华液")
    orders.update_order(refunded.id, {"status": "refunded"})
    deleted = orders.add_order(d, amount_fen=7_700, order_date=today, items="精华液, 精华液套装")
    orders.delete_orders([deleted.id])

    assert stats.customers_by_province() == {"广东省": 2, "西藏自治区": 1, "": 1}
    by_region = stats.customers_by_region()
    assert by_region["华南"] == 2 and by_region["西南"] == 1 and by_region[""] == 1
    assert stats.sales_by_province() == {"广东省": 18_000}
    month = today.strftime("%Y-%m")
    assert stats.sales_by_month(today)[month] == 18_000
    assert stats.orders_by_status() == {"pending": 3, "shipped": 0, "delivered": 0, "cancelled": 0, "refunded": 1}
    assert stats.new_customers_by_month(today)[month] == 4  # the one in the Trash is not counted
    assert [(p.product, p.orders) for p in stats.top_products()] == [("护手霜", 2), ("面膜", 2)]
    assert [(t.name, t.spent_fen, t.orders) for t in stats.top_customers()] == [("甲", 15_000, 2), ("乙", 3_000, 1)]
    rate = stats.repeat_rate()
    assert (rate.buyers, rate.repeat, rate.share) == (2, 1, 0.5)
    assert sum(stats.customers_by_tier().values()) == 4
