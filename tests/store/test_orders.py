import datetime as dt
from dataclasses import replace

import pytest

from sellerdesk.core import clock
from sellerdesk.core.orders import OrderLine
from sellerdesk.core.points import PointsRule
from sellerdesk.store import customers, orders, points
from sellerdesk.store.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.store.models import AuditEntry, Customer, Order, OrderItem, PointsEntry
from sellerdesk.store.orders import OrderFilter

TODAY = clock.today()
SZ = {
    "recipient": "张三",
    "phone": "13812345678",
    "province": "广东省",
    "city": "深圳市",
    "district": "南山区",
    "detail": "科技园南区1栋101",
    "label": "家",
}
BJ = {
    "recipient": "张三公司",
    "phone": "13912345678",
    "province": "北京市",
    "city": "北京市",
    "district": "朝阳区",
    "detail": "建国路88号",
    "label": "公司",
}


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


def customer(name="张三", addresses=(SZ,)):
    return customers.create_customer({"name": name, "phone": "13812345678"}, list(addresses)).id


def fresh(cid):
    return Customer.get_by_id(cid)


def test_add_order_snapshot_lines_and_maintained_columns(backend_store):
    cid = customer(addresses=(SZ, BJ))
    order = orders.add_order(
        cid, amount_fen=12850, order_date=days_ago(2), items="面膜 x2 @39.9, 护手霜", order_no="WX1"
    )
    stored = Order.get_by_id(order.id)
    assert stored.address_snapshot["district"] == "南山区"  # the default address
    assert stored.address_id == customers.live_addresses(cid)[0].id
    assert stored.status == "pending" and stored.version == 1 and stored.shipped_on is None
    assert stored.items == "面膜 x2 @39.9, 护手霜"
    assert orders.order_lines(order.id) == [OrderLine("面膜", 2, 3990), OrderLine("护手霜", 1, None)]
    c = fresh(cid)
    assert (c.order_count, c.total_spent_fen) == (1, 12850)
    assert c.first_order_at == c.last_order_at == dt.datetime.combine(days_ago(2), dt.time())
    assert AuditEntry.select().where(AuditEntry.action == "add_order", AuditEntry.entity_id == order.id).count() == 1
    audit = AuditEntry.get(AuditEntry.action == "add_order")
    assert audit.detail == {"customer": cid}  # ids only

    second_address = customers.live_addresses(cid)[1].id
    other = orders.add_order(cid, amount_fen=500, order_date=days_ago(10), address_id=second_address)
    assert Order.get_by_id(other.id).address_snapshot["city"] == "北京市"
    c = fresh(cid)
    assert (c.order_count, c.total_spent_fen) == (2, 13350)
    assert c.first_order_at.date() == days_ago(10) and c.last_order_at.date() == days_ago(2)


def test_add_order_with_lines_or_given_ship_to_and_without_address(backend_store):
    cid = customer(addresses=())
    order = orders.add_order(cid, amount_fen=100, items=[OrderLine("茶叶", 2, 50)])
    assert Order.get_by_id(order.id).address_snapshot is None
    assert Order.get_by_id(order.id).items == "茶叶 x2 @0.50"
    given = orders.add_order(cid, amount_fen=100, ship_to={"recipient": "王五", "phone": "+86 139-1234-5678"})
    snapshot = Order.get_by_id(given.id).address_snapshot
    assert snapshot["recipient"] == "王五" and snapshot["phone"] == "13912345678" and snapshot["province"] == ""
    assert order.order_date == TODAY


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"amount_fen": -1}, "negative"),
        ({"amount_fen": 12.5}, "whole 分"),
        ({"amount_fen": True}, "whole 分"),
        ({"amount_fen": 10**11}, "too large"),
        ({"amount_fen": 100, "order_date": TODAY + dt.timedelta(days=5)}, "future"),
        ({"amount_fen": 100, "order_date": dt.date(1999, 12, 31)}, "too early"),
        ({"amount_fen": 100, "order_date": "2026-01-01"}, "must be a date"),
        ({"amount_fen": 100, "status": "returned"}, "Unknown order status"),
        ({"amount_fen": 100, "items": "面膜 x0"}, "quantity"),
        ({"amount_fen": 100, "order_no": "x" * 65}, "at most 64"),
        ({"amount_fen": 100, "status": "shipped", "order_date": days_ago(1), "shipped_on": days_ago(3)}, "before"),
        ({"amount_fen": 100, "ship_to": {"bogus": "x"}}, "Unknown address fields"),
    ],
)
def test_add_order_refuses_bad_values_and_writes_nothing(backend_store, kwargs, error):
    cid = customer()
    with pytest.raises(ValidationError, match=error):
        orders.add_order(cid, **kwargs)
    assert Order.select().count() == 0 and OrderItem.select().count() == 0
    assert fresh(cid).order_count == 0
    assert AuditEntry.select().where(AuditEntry.entity == "order").count() == 0


def test_add_order_needs_a_live_customer_and_their_address(backend_store):
    cid = customer()
    other = customer("李四", addresses=(BJ,))
    with pytest.raises(NotFoundError):
        orders.add_order(9999, amount_fen=100)
    with pytest.raises(ValidationError, match="not an address of customer"):
        orders.add_order(cid, amount_fen=100, address_id=customers.live_addresses(other)[0].id)
    with pytest.raises(NotFoundError):
        orders.add_order(cid, amount_fen=100, address_id=4242)
    address = customers.add_address(cid, BJ)
    customers.delete_address(address.id)
    with pytest.raises(ValidationError, match="deleted"):
        orders.add_order(cid, amount_fen=100, address_id=address.id)
    customers.trash_customers([other])
    with pytest.raises(ValidationError, match="Trash"):
        orders.add_order(other, amount_fen=100)
    assert Order.select().count() == 0


def test_editing_or_deleting_the_address_never_changes_the_snapshot(backend_store):
    cid = customer()
    address = customers.live_addresses(cid)[0]
    order = orders.add_order(cid, amount_fen=100)
    before = Order.get_by_id(order.id).address_snapshot
    assert before["detail"] == "科技园南区1栋101"
    customers.update_address(address.id, {"detail": "新地址1号", "recipient": "张三三", "phone": "13700000000"})
    customers.delete_address(address.id)
    customers.update_customer(cid, {"name": "张叁"})
    after = Order.get_by_id(order.id)
    assert after.address_snapshot == before
    assert orders.rows_for_ids([order.id])[order.id].ship_to == before
    # a later order takes the address as it is now; the old one still keeps its own
    customers.restore_address(address.id)
    later = orders.add_order(cid, amount_fen=100)
    assert Order.get_by_id(later.id).address_snapshot["detail"] == "新地址1号"
    assert Order.get_by_id(order.id).address_snapshot == before


def test_order_numbers_are_unique_when_given(backend_store):
    cid = customer()
    first = orders.add_order(cid, amount_fen=100, order_no="TB123")
    orders.add_order(cid, amount_fen=100)  # empty numbers never clash
    orders.add_order(cid, amount_fen=100)
    with pytest.raises(ValidationError, match="already used by order"):
        orders.add_order(cid, amount_fen=100, order_no=" TB123 ")
    orders.delete_orders([first.id])
    with pytest.raises(ValidationError, match="deleted orders"):
        orders.add_order(cid, amount_fen=100, order_no="TB123")
    second = orders.add_order(cid, amount_fen=100, order_no="TB124")
    with pytest.raises(ValidationError, match="already used"):
        orders.update_order(second.id, {"order_no": "TB123"})
    assert Order.select().count() == 4


def test_status_moves_and_shipping(backend_store):
    cid = customer()
    order = orders.add_order(cid, amount_fen=100, order_date=days_ago(3))
    shipped = orders.update_order(order.id, {"status": "shipped", "courier": "顺丰", "tracking_no": "SF100"})
    assert (shipped.status, shipped.courier, shipped.tracking_no) == ("shipped", "顺丰", "SF100")
    assert shipped.shipped_on == TODAY
    assert shipped.version == 2
    back = orders.update_order(order.id, {"status": "pending"})  # not shipped after all
    assert back.shipped_on is None and back.courier == "顺丰"
    orders.update_order(order.id, {"status": "shipped", "shipped_on": days_ago(1)})
    delivered = orders.update_order(order.id, {"status": "delivered"})
    assert delivered.shipped_on == days_ago(1)
    with pytest.raises(ValidationError, match="cannot go from delivered to cancelled"):
        orders.update_order(order.id, {"status": "cancelled"})
    assert Order.get_by_id(order.id).status == "delivered"
    assert orders.update_order(order.id, {"status": "refunded"}).status == "refunded"
    assert orders.update_order(order.id, {"status": "pending"}).status == "pending"  # reopened
    version = Order.get_by_id(order.id).version
    same = orders.update_order(order.id, {"status": "pending", "courier": "顺丰"})  # nothing differs
    assert same.version == version
    with pytest.raises(ValidationError, match="Unknown order fields"):
        orders.update_order(order.id, {"amount": 5})
    with pytest.raises(NotFoundError):
        orders.update_order(4242, {"status": "shipped"})


def test_recorded_as_shipped_gets_a_ship_date(backend_store):
    cid = customer()
    order = orders.add_order(cid, amount_fen=100, order_date=days_ago(4), status="shipped", courier="中通")
    assert order.shipped_on == days_ago(4)


def test_cancelled_refunded_and_deleted_orders_do_not_count(backend_store):
    cid = customer()
    a = orders.add_order(cid, amount_fen=10000, order_date=days_ago(30))
    b = orders.add_order(cid, amount_fen=20000, order_date=days_ago(20))
    c = orders.add_order(cid, amount_fen=40000, order_date=days_ago(10))
    assert (fresh(cid).order_count, fresh(cid).total_spent_fen) == (3, 70000)
    orders.update_order(c.id, {"status": "cancelled"})
    assert (fresh(cid).order_count, fresh(cid).total_spent_fen) == (2, 30000)
    assert fresh(cid).last_order_at.date() == days_ago(20)
    orders.set_status([b.id], "refunded")
    assert (fresh(cid).order_count, fresh(cid).total_spent_fen) == (1, 10000)
    assert orders.delete_orders([a.id, 4242]) == [a.id]
    customer_row = fresh(cid)
    assert (customer_row.order_count, customer_row.total_spent_fen) == (0, 0)
    assert customer_row.first_order_at is None and customer_row.last_order_at is None
    assert orders.list_orders(OrderFilter(customer_id=cid)) and len(orders.list_orders(OrderFilter(deleted=True))) == 1
    with pytest.raises(ValidationError, match="deleted; restore it first"):
        orders.update_order(a.id, {"status": "shipped"})
    assert orders.restore_orders([a.id]) == [a.id]
    assert (fresh(cid).order_count, fresh(cid).total_spent_fen) == (1, 10000)
    assert orders.restore_orders([a.id]) == []  # already back


def test_set_status_many(backend_store):
    cid = customer()
    ids = [orders.add_order(cid, amount_fen=100, order_date=days_ago(2)).id for _ in range(3)]
    done = orders.add_order(cid, amount_fen=100, order_date=days_ago(2), status="refunded").id
    cancelled = orders.add_order(cid, amount_fen=100, order_date=days_ago(2), status="cancelled").id
    orders.update_order(ids[2], {"status": "shipped"})
    result = orders.set_status([*ids, done, cancelled], "shipped", courier="韵达")
    assert result.changed == tuple(ids[:2])
    assert result.unchanged == (ids[2],)
    assert dict(result.refused) == {done: "refunded", cancelled: "cancelled"}
    assert [Order.get_by_id(i).courier for i in ids[:2]] == ["韵达", "韵达"]
    assert Order.get_by_id(ids[0]).shipped_on == TODAY
    audit = AuditEntry.get(AuditEntry.action == "order_status")
    assert audit.detail == {"status": "shipped", "count": 2, "ids": list(ids[:2])}
    # an unknown id refuses the whole call
    with pytest.raises(NotFoundError, match="4242"):
        orders.set_status([ids[0], 4242], "delivered")
    assert Order.get_by_id(ids[0]).status == "shipped"


def test_optimistic_locking(backend_store):
    cid = customer()
    order = orders.add_order(cid, amount_fen=100)
    seen = order.version
    orders.update_order(order.id, {"notes": "加急"}, expected_version=seen)  # someone else
    with pytest.raises(ConflictError):
        orders.update_order(order.id, {"notes": "送礼"}, expected_version=seen)
    assert Order.get_by_id(order.id).notes == "加急"


def test_update_fields_items_and_move_to_another_customer(backend_store):
    zs = customer()
    ls = customer("李四", addresses=(BJ,))
    order = orders.add_order(zs, amount_fen=5000, items="面膜 x2", order_date=days_ago(5))
    orders.update_order(order.id, {"items": "茶叶 @88, 香皂 x3", "amount_fen": 9800, "notes": " 送礼 "})
    stored = Order.get_by_id(order.id)
    assert (stored.amount_fen, stored.notes, stored.items) == (9800, "送礼", "茶叶 @88, 香皂 x3")
    assert orders.order_lines(order.id) == [OrderLine("茶叶", 1, 8800), OrderLine("香皂", 3)]
    assert fresh(zs).total_spent_fen == 9800
    moved = orders.update_order(order.id, {"customer_id": ls})
    assert moved.customer_id == ls and moved.address_id is None
    assert Order.get_by_id(order.id).address_snapshot["city"] == "深圳市"  # the snapshot stays
    assert (fresh(zs).order_count, fresh(ls).order_count, fresh(ls).total_spent_fen) == (0, 1, 9800)
    reshipped = orders.update_order(order.id, {"address_id": customers.live_addresses(ls)[0].id})
    assert reshipped.address_snapshot["city"] == "北京市"


def test_write_is_one_transaction(backend_store, monkeypatch):
    cid = customer()

    def broken(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(orders, "refresh_customers", broken)
    with pytest.raises(RuntimeError):
        orders.add_order(cid, amount_fen=100, items="面膜 x2")
    assert Order.select().count() == 0 and OrderItem.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.entity == "order").count() == 0


def test_summary(backend_store):
    cid = customer()
    orders.add_order(cid, amount_fen=10000, order_date=days_ago(500), items="面膜 x2, 护手霜")
    orders.add_order(cid, amount_fen=5000, order_date=days_ago(100), items="面膜 x3 @10, 茶叶")
    orders.add_order(cid, amount_fen=3333, order_date=days_ago(10), items="茶叶")
    cancelled = orders.add_order(cid, amount_fen=99999, order_date=days_ago(5), items="面膜 x50")
    orders.update_order(cancelled.id, {"status": "cancelled"})
    summary = orders.customer_summary(cid)
    assert (summary.order_count, summary.total_spent_fen) == (3, 18333)
    assert summary.average_fen == 6111
    assert (summary.first_order, summary.last_order) == (days_ago(500), days_ago(10))
    assert (summary.window_count, summary.window_spent_fen) == (2, 8333)  # the last 12 months
    assert summary.status_counts == {"pending": 3, "cancelled": 1}
    assert [(p.product, p.quantity, p.orders) for p in summary.top_products] == [
        ("面膜", 5, 2),
        ("茶叶", 2, 2),
        ("护手霜", 1, 1),
    ]
    assert summary.top_products[1].last_date == days_ago(10)
    assert summary.tier == "normal" and summary.tier_name == "普通" and not summary.tier_manual
    empty = orders.customer_summary(customer("王五"))
    assert empty.order_count == 0 and empty.average_fen is None and empty.top_products == ()
    with pytest.raises(NotFoundError):
        orders.customer_summary(4242)


def _four_orders():
    """Orders a (pending), b (shipped), c (shipped, another customer), d (deleted), oldest first."""
    zs = customer()
    ls = customer("李四", addresses=(BJ,))
    a = orders.add_order(zs, amount_fen=300, order_date=days_ago(30), items="面膜", order_no="TB-1")
    b = orders.add_order(
        zs, amount_fen=100, order_date=days_ago(20), status="shipped", courier="顺丰", tracking_no="SF9"
    )
    c = orders.add_order(
        ls, amount_fen=200, order_date=days_ago(10), items="茶叶礼盒", courier="中通", status="shipped"
    )
    d = orders.add_order(ls, amount_fen=50, order_date=days_ago(5))
    orders.delete_orders([d.id])
    return a, b, c, d, ls


def _ids(**kw):
    sort = kw.pop("sort", "date")
    descending = kw.pop("descending", False)
    return orders.order_ids(OrderFilter(**kw), sort, descending)


def test_filters_and_sorts(backend_store):
    a, b, c, d, ls = _four_orders()
    ids = _ids
    assert ids() == [a.id, b.id, c.id]
    assert ids(descending=True) == [c.id, b.id, a.id]
    assert ids(sort="amount") == [b.id, c.id, a.id]
    assert ids(customer_id=ls) == [c.id]
    assert ids(statuses=["shipped"]) == [b.id, c.id]
    assert ids(statuses=["pending"]) == [a.id]
    assert ids(since=days_ago(25)) == [b.id, c.id] and ids(until=days_ago(20)) == [a.id, b.id]
    assert ids(couriers=["中通"]) == [c.id]
    assert ids(provinces=["北京市"]) == [c.id]
    assert ids(deleted=True) == [d.id]
    assert ids(ids=[a.id, c.id, 4242]) == [a.id, c.id]
    assert orders.count_orders(OrderFilter(statuses=["shipped"])) == 2
    assert orders.status_counts(OrderFilter(statuses=["shipped"])) == {"pending": 1, "shipped": 2}
    assert orders.couriers() == ["中通", "顺丰"]
    page = orders.list_orders(sort="date", descending=True, limit=2, offset=1)
    assert [r.id for r in page] == [b.id, a.id]
    assert page[0].customer_name == "张三" and page[0].status_name == "已发货"


def test_search(backend_store):
    a, b, c, _d, _ls = _four_orders()
    ids = _ids
    assert ids(search="TB-1") == [a.id] and ids(search="sf9") == [b.id]
    assert ids(search="礼盒") == [c.id]
    assert ids(search="李四") == [c.id]  # the customer's name
    assert ids(search="朝阳区") == [c.id]  # the ship-to
    assert ids(search="100%") == [] and ids(search="city") == []  # no match on the snapshot's keys


def test_json_form(backend_store):
    cid = customer()
    order = orders.add_order(cid, amount_fen=123450, order_date=dt.date(2025, 3, 1), items="面膜 x2", order_no="A1")
    (row,) = orders.list_orders()
    assert orders.order_to_dict(row) == {
        "id": order.id,
        "customer_id": cid,
        "order_no": "A1",
        "date": "2025-03-01",
        "amount": "1234.50",
        "status": "pending",
        "items": "面膜 x2",
        "courier": "",
        "tracking": "",
        "ship_to": {
            "recipient": "张三",
            "phone": "13812345678",
            "province": "广东省",
            "city": "深圳市",
            "district": "南山区",
            "detail": "科技园南区1栋101",
        },
    }


def test_points_follow_orders(backend_store):
    cid = customer()
    no_points = orders.add_order(cid, amount_fen=12850)
    assert fresh(cid).points == 0 and PointsEntry.select().count() == 0  # off by default
    points.save_points_rule(PointsRule(True, 100))
    order = orders.add_order(cid, amount_fen=12850, order_date=days_ago(1))
    assert fresh(cid).points == 128
    orders.update_order(order.id, {"amount_fen": 20000})
    assert fresh(cid).points == 200
    with pytest.raises(ValidationError, match="note"):
        points.redeem(cid, 50, " ")
    with pytest.raises(ValidationError, match="has 200 points"):
        points.redeem(cid, 201, "礼品")
    points.redeem(cid, 150, "兑换护手霜")
    assert fresh(cid).points == 50
    orders.update_order(order.id, {"status": "refunded"})  # takes back what it earned
    assert fresh(cid).points == -150
    orders.update_order(order.id, {"status": "pending"})  # reopened: earns again
    assert fresh(cid).points == 50
    orders.delete_orders([order.id])
    assert fresh(cid).points == -150
    orders.restore_orders([order.id])
    assert fresh(cid).points == 50
    other = customer("李四")
    orders.update_order(order.id, {"customer_id": other})  # the points move with the order
    assert (fresh(cid).points, fresh(other).points) == (-150, 200)
    assert orders.update_order(no_points.id, {"notes": "x"}).notes == "x"  # unchanged amount: nothing earned
    assert fresh(cid).points == -150
    notes = [e.note for e in points.history(cid)]
    assert "兑换护手霜" in notes and "order" in notes
    assert sum(e.delta for e in points.history(cid)) == fresh(cid).points
    points.award(cid, 150, "生日")
    assert points.balance(cid) == 0
    with pytest.raises(ValidationError):
        points.redeem(cid, 0, "x")
    with pytest.raises(NotFoundError):
        points.redeem(4242, 1, "x")


def test_purging_a_customer_takes_their_orders(backend_store):
    cid = customer()
    orders.add_order(cid, amount_fen=100, items="面膜 x2")
    points.save_points_rule(PointsRule(True, 100))
    orders.add_order(cid, amount_fen=1000)
    customers.trash_customers([cid])
    order = Order.get()
    assert orders.delete_orders([order.id]) == [order.id]
    with pytest.raises(ValidationError, match="Trash"):
        orders.restore_orders([order.id])
    customers.purge_customers([cid])
    assert Order.select().count() == 0 and OrderItem.select().count() == 0 and PointsEntry.select().count() == 0


def test_customer_table_sorts_and_rows(backend_store):
    from sellerdesk.store import queries, tiers

    a = customer("甲")
    b = customer("乙")
    c = customer("丙")
    for cid, amounts in ((a, [100, 100, 100]), (b, [60_000]), (c, [])):
        for amount in amounts:
            orders.add_order(cid, amount_fen=amount, order_date=days_ago(1 + amount % 7))
    assert queries.customer_ids(sort="order_count") == [c, b, a]
    assert queries.customer_ids(sort="order_count", descending=True) == [a, b, c]
    assert queries.customer_ids(sort="total_spent") == [c, a, b]
    assert queries.customer_ids(sort="last_order")[0] == c  # no order sorts first
    row = queries.rows_for_ids([b])[b]
    assert (row.order_count, row.total_spent_fen, row.tier) == (1, 60_000, "silver")
    assert (row.tier_manual, row.points) == (False, 0)
    doc = queries.customer_to_dict(Customer.get_by_id(a), [])
    assert doc["tier"] == "银卡" and doc["tier_manual"] is False  # 3 orders
    assert (doc["order_count"], doc["total_spent"], doc["last_order_date"]) == (3, "3.00", days_ago(3).isoformat())
    tiers.set_manual_tier(c, "gold")
    doc = queries.customer_to_dict(Customer.get_by_id(c), [])
    assert (doc["tier"], doc["tier_manual"], doc["total_spent"], doc["last_order_date"]) == ("金卡", True, "0.00", "")


def test_view_queries_read_indexes_only(store, monkeypatch):
    """Order rows are wide (snapshot, items): the view's and the aggregates' queries must be
    answered from indexes, or 300k orders mean reading every row (seconds). (SQLite's plans;
    PostgreSQL's at 300k orders: benchmarks/bench_dashboard.py --postgres.)"""
    from sellerdesk.store import tiers
    from sellerdesk.store.models import DB

    cid = customer()
    orders.add_order(cid, amount_fen=100, items="面膜", order_no="A1", courier="顺丰", status="shipped")
    seen = []
    db = DB.obj
    real = type(db).execute_sql

    def recording(self, sql, params=None, *args, **kwargs):
        seen.append((sql, params))
        return real(self, sql, params, *args, **kwargs)

    monkeypatch.setattr(type(db), "execute_sql", recording)
    flt = OrderFilter(statuses=("shipped",), since=days_ago(5), until=TODAY, couriers=("顺丰",))
    flt = replace(flt, provinces=("广东省",), search="A1 张三")
    for sort in orders.ORDER_SORTS:
        orders.order_ids(flt, sort)
        orders.order_ids(OrderFilter(deleted=True), sort, True)
    orders.order_ids(OrderFilter(customer_id=cid, search="面膜"))
    orders.status_counts(flt)
    orders.customer_summary(cid)
    tiers.recompute_tiers()
    monkeypatch.setattr(type(db), "execute_sql", real)
    checked = 0
    for sql, params in seen:
        if "orders" not in sql or not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        plan = [r[-1] for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params or ()).fetchall()]
        for step in plan:
            if " orders" in step or step.startswith(("SCAN o", "SEARCH o ")):
                assert "COVERING INDEX" in step, (sql, plan)
                checked += 1
    assert checked >= 20
