"""定期核对 in the store: the cycles, each kind of confirmation, a tier change, the message."""

import datetime as dt

import pytest

from sellerdesk.core import clock
from sellerdesk.store import customers, orders, recheck, tiers
from sellerdesk.store import messages as store_messages
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.models import DB, Address, AuditEntry

TODAY = clock.today()
ADDRESS = {"recipient": "张三", "phone": "13812345678", "province": "广东省", "city": "深圳市", "district": "南山区"}


def new_customer(name="张三", detail="科技园1号", age_days=400, **fields):
    customer = customers.save_customer(
        None,
        {"name": name, **fields},
        [customers.AddressEdit({**ADDRESS, "recipient": name, "detail": detail}, is_default=True)],
    )
    address = customers.live_addresses(customer.id)[0]
    backdate(address.id, age_days)
    return customer.id, address.id


def backdate(address_id, days):
    stamp = f"{(TODAY - dt.timedelta(days=days)).isoformat()} 08:00:00"
    DB.obj.execute_sql(
        'UPDATE "address" SET "created_at" = ?, "updated_at" = ? WHERE "id" = ?', (stamp, stamp, address_id)
    )


def due_ids(today=None):
    return [d.address_id for d in recheck.due_addresses(today=today)]


def test_cycles_default_saved_and_refused(backend_store):
    assert recheck.cycles() == {"diamond": 1, "gold": 2, "silver": 3, "normal": 6}
    recheck.save_cycles({"diamond": 2, "gold": 3, "silver": 4, "normal": 12})
    assert recheck.cycles()["normal"] == 12
    assert AuditEntry.select().where(AuditEntry.action == "recheck_cycles").count() == 1
    with pytest.raises(ValidationError):
        recheck.save_cycles({"diamond": 0, "gold": 3, "silver": 4, "normal": 12})
    assert recheck.cycles()["diamond"] == 2  # nothing written


def test_creation_counts_as_a_confirmation(backend_store):
    _cid, fresh = new_customer("李四", age_days=10)
    _cid, old = new_customer("王五", age_days=200)  # 普通: 6 months
    assert due_ids() == [old]
    assert recheck.count_due() == 1
    # six months on, the fresh one is due too
    assert set(due_ids(TODAY + dt.timedelta(days=190))) == {fresh, old}


def test_an_edit_confirms(backend_store):
    _cid, aid = new_customer(age_days=400)
    assert due_ids() == [aid]
    customers.update_address(aid, {**ADDRESS, "detail": "科技园2号"})
    assert due_ids() == []


def test_a_verified_stamp_confirms_and_is_audited(backend_store):
    _cid, aid = new_customer(age_days=400)
    recheck.mark_verified(aid)
    assert due_ids() == []
    assert AuditEntry.select().where(AuditEntry.action == "verify_address").count() == 1
    fresh = recheck.freshness(Address.get_by_id(aid).customer_id)[aid]
    assert fresh.verified_on is not None and not fresh.due


def test_a_delivered_order_confirms_unless_refunded_or_elsewhere(backend_store):
    cid, aid = new_customer(age_days=400)
    day = TODAY - dt.timedelta(days=20)
    order = orders.add_order(cid, amount_fen=100, order_date=day, status="shipped", address_id=aid)
    assert due_ids() == [aid]  # shipped, not delivered yet
    assert recheck.freshness(cid)[aid].last_shipped == day
    orders.update_order(order.id, {"status": "delivered"})
    assert due_ids() == []
    assert recheck.freshness(cid)[aid].confirmed == day
    orders.update_order(order.id, {"status": "refunded"})  # the money went back: no confirmation
    assert due_ids() == [aid]
    # a delivered order to another address of the customer confirms that one only
    second = customers.add_address(cid, {**ADDRESS, "detail": "别处9号"})
    backdate(second.id, 400)
    orders.add_order(cid, amount_fen=100, order_date=day, status="delivered", address_id=second.id)
    assert due_ids() == [aid]
    # a deleted delivered order does not count either
    other = orders.add_order(cid, amount_fen=100, order_date=day, status="delivered", address_id=aid)
    assert due_ids() == []
    orders.delete_orders([other.id])
    assert due_ids() == [aid]


def test_an_old_delivery_does_not_confirm(backend_store):
    cid, aid = new_customer(age_days=400)
    orders.add_order(cid, amount_fen=100, order_date=TODAY - dt.timedelta(days=300), status="delivered", address_id=aid)
    assert due_ids() == [aid]
    assert recheck.due_addresses()[0].confirmed == TODAY - dt.timedelta(days=300)


def test_a_tier_change_moves_the_due_date(backend_store):
    cid, aid = new_customer(age_days=45)  # 普通: due in about 4.5 months
    before = recheck.freshness(cid)[aid]
    assert not before.due and due_ids() == []
    tiers.set_manual_tier(cid, "钻石")  # 1 month: due already
    after = recheck.freshness(cid)[aid]
    assert after.due and after.due_on < before.due_on
    assert due_ids() == [aid]
    tiers.set_manual_tier(cid, "金卡")  # 2 months: not yet
    assert due_ids() == []
    recheck.save_cycles({"diamond": 1, "gold": 1, "silver": 3, "normal": 6})  # a shorter cycle
    assert due_ids() == [aid]


def test_trash_and_deleted_addresses_are_not_due(backend_store):
    cid, _aid = new_customer(age_days=400)
    cid2, aid2 = new_customer("李四", age_days=400)
    customers.trash_customers([cid])
    assert due_ids() == [aid2]
    customers.delete_address(aid2)
    assert due_ids() == []


def test_most_valuable_first(backend_store):
    low, low_a = new_customer("普通甲", age_days=400)
    rich, rich_a = new_customer("普通乙", age_days=400)
    diamond, diamond_a = new_customer("钻石丙", age_days=400)
    orders.add_order(rich, amount_fen=40_000, order_date=TODAY - dt.timedelta(days=300), ship_to=ADDRESS)
    tiers.set_manual_tier(diamond, "钻石")
    assert due_ids() == [diamond_a, rich_a, low_a]


def test_the_message_has_the_address_in_the_sellers_wording(backend_store):
    cid, aid = new_customer(age_days=400)
    due = recheck.due_addresses()[0]
    text = recheck.message_for(due.name, due.values())
    assert text.startswith("张三您好") and "张三 13812345678 广东省深圳市南山区科技园1号" in text
    store_messages.save_templates({"recheck": "{name}，地址还是 {address} 吗？"})
    assert (
        recheck.message_for(due.name, due.values())
        == "张三，地址还是 张三 13812345678 广东省深圳市南山区科技园1号 吗？"
    )


def test_demo_data_has_addresses_due_and_fresh(backend_store):
    from sellerdesk.store import demo

    demo.generate(400, seed=7)
    addresses = DB.obj.execute_sql('SELECT count(*) FROM "address" WHERE "deleted_at" IS NULL').fetchone()[0]
    due = recheck.count_due()
    assert 0.1 * addresses < due < 0.5 * addresses
    verified = DB.obj.execute_sql('SELECT count(*) FROM "address" WHERE "verified_at" IS NOT NULL').fetchone()[0]
    assert verified > 0.4 * addresses


def test_verified_can_be_undone_in_one_go_unless_verified_again_since(store):
    c1, first = new_customer("张三", age_days=400)
    _c2, second = new_customer("李四", age_days=400)
    done = recheck.verify_addresses([first, second])
    assert due_ids() == [] and [d.previous for d in done] == [None, None]
    assert recheck.undo_verified(done) == 2
    assert sorted(due_ids()) == sorted([first, second])
    assert Address.get_by_id(first).verified_at is None
    assert AuditEntry.select().where(AuditEntry.action == "unverify_address").count() == 2
    assert "unverify" in [c.action for c in customers.address_history(c1)]
    # an address verified again since keeps the newer stamp
    done = recheck.verify_addresses([first])
    Address.update(verified_at=done[0].at + dt.timedelta(days=1)).where(Address.id == first).execute()
    assert recheck.undo_verified(done) == 0 and due_ids() == [second]
    with pytest.raises(NotFoundError):
        recheck.verify_addresses([second, 999999])
    assert due_ids() == [second]  # one transaction: nothing verified
