"""Merging duplicates into one customer, and undoing it to the byte."""

import datetime as dt

import pytest

from sellerdesk.core import clock
from sellerdesk.core.points import PointsRule
from sellerdesk.store import customers, merges, orders, points, queries, search, tiers
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB, AuditEntry, CustomerMerge


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


TODAY = clock.today()
SZ = {
    "recipient": "王一",
    "phone": "13800001234",
    "province": "广东省",
    "city": "深圳市",
    "district": "南山区",
    "detail": "科技园南区1栋101",
}
BJ = {
    "recipient": "王依",
    "phone": "13900002222",
    "province": "北京市",
    "city": "北京市",
    "district": "朝阳区",
    "detail": "建国路88号",
}
TABLES = ("customer", "address", "address_change", "orders", "order_item", "points_entry")


# a customer's version only counts up (schema 15): undoing a merge is one more write, not a way back
NOT_RESTORED = {"version"}


def snapshot():
    """Every row of the customer tables, column by column (updated_at included; not the version)."""
    db = DB.obj
    out = {}
    for table in TABLES:
        columns = [c.name for c in db.get_columns(table) if c.name not in NOT_RESTORED]
        names = ", ".join(f'"{c}"' for c in columns)
        out[table] = db.execute_sql(f'SELECT {names} FROM "{table}" ORDER BY "id"').fetchall()
    return out


def searches():
    return {term: search.matching_ids(term) for term in ("王一", "王依", "建国路", "13900002222", "wy")}


@pytest.fixture
def pair(store):
    points.save_points_rule(PointsRule(True, 100))
    keep = customers.create_customer(
        {"name": "王一", "phone": "13800001234", "tags": "VIP", "notes": "只收顺丰"}, [SZ]
    ).id
    other = customers.create_customer(
        {
            "name": "王依",
            "phone": "13800001234",
            "wechat": "wangyi88",
            "tags": "回头客,VIP",
            "notes": "对芒果过敏",
            "birthday": "1990-05-01",
        },
        [BJ, {**BJ, "detail": "三里屯1号"}],
    ).id
    orders.add_order(keep, amount_fen=10000, order_date=TODAY)
    orders.add_order(other, amount_fen=500000, order_date=TODAY - dt.timedelta(days=3), items="面膜 x2")
    orders.add_order(other, amount_fen=20000, order_date=TODAY - dt.timedelta(days=400))
    points.redeem(other, 100, "换小礼物")
    customers.update_address(customers.live_addresses(other)[0].id, {"detail": "建国路99号"})
    return keep, other


def test_merge_moves_everything_and_recomputes(pair):
    keep, other = pair
    merge_id = merges.merge(keep, [other])
    survivor = customers.get_customer(keep)
    gone = customers.get_customer(other)
    assert gone.deleted_at is not None
    assert merges.merged_into(other) == keep
    # defaults: the survivor's own values, the other's where it had none, tags united, notes joined
    assert (survivor.name, survivor.phone, survivor.wechat) == ("王一", "13800001234", "wangyi88")
    assert survivor.tags == "VIP,回头客"
    assert survivor.notes == "只收顺丰\n对芒果过敏"
    assert survivor.birthday == dt.date(1990, 5, 1)
    # addresses (the survivor's default stays), history, orders, points
    live = customers.live_addresses(keep)
    assert len(live) == 3 and [a.is_default for a in live].count(True) == 1 and live[0].detail == SZ["detail"]
    assert {c.customer_id for c in customers.address_history(keep)} == {keep}
    assert len(customers.address_history(keep)) == 4
    assert survivor.order_count == 3 and survivor.total_spent_fen == 530000
    assert survivor.points == 100 + 5000 + 200 - 100
    assert gone.order_count == 0 and gone.points == 0
    assert survivor.tier == tiers.tier_rules().tier_for(510000, 2)
    assert search.matching_ids("建国路") == {keep}
    entry = AuditEntry.select().where(AuditEntry.action == "merge").get()
    assert entry.entity_id == keep and entry.detail["merge"] == merge_id
    assert "王" not in str(entry.detail) and "138" not in str(entry.detail)


def test_field_choices(pair):
    keep, other = pair
    merges.merge(keep, [other], {"name": other, "tags": keep, "notes": other, "phone": keep})
    survivor = customers.get_customer(keep)
    assert survivor.name == "王依" and survivor.name_initials == "wy"
    assert survivor.tags == "VIP" and survivor.notes == "对芒果过敏"


def test_merge_then_unmerge_gives_equal_data(pair):
    keep, other = pair
    before, found = snapshot(), searches()
    merge_id = merges.merge(keep, [other], {"name": other, "tier": other})
    assert snapshot() != before
    info = merges.unmerge(merge_id)
    assert info.undone
    after = snapshot()
    for table in TABLES:
        assert after[table] == before[table], table
    assert searches() == found
    assert merges.merged_into(other) is None
    assert AuditEntry.select().where(AuditEntry.action == "unmerge").count() == 1
    with pytest.raises(ValidationError, match="undone already"):
        merges.unmerge(merge_id)


def test_unmerge_keeps_what_was_done_since(pair):
    keep, other = pair
    merge_id = merges.merge(keep, [other])
    customers.update_customer(keep, {"notes": "改过了"})
    new_order = orders.add_order(keep, amount_fen=100, order_date=TODAY)
    merges.unmerge(merge_id)
    survivor = customers.get_customer(keep)
    assert survivor.notes == "改过了"  # edited after the merge: kept
    assert survivor.wechat == ""  # set by the merge and untouched: back
    assert orders.get_order(new_order.id).customer_id == keep
    assert customers.get_customer(other).order_count == 2


def test_refusals_change_nothing(pair):
    keep, other = pair
    before = snapshot()
    with pytest.raises(ValidationError):
        merges.merge(keep, [keep])
    with pytest.raises(ValidationError):
        merges.merge(keep, [])
    with pytest.raises(merges.MergeRefused, match="No customer with id 9999"):
        merges.merge(keep, [other, 9999])
    with pytest.raises(ValidationError, match="not one of"):
        merges.merge(keep, [other], {"name": 9999})
    with pytest.raises(ValidationError, match="Unknown field"):
        merges.merge(keep, [other], {"colour": keep})
    customers.trash_customers([other])
    with pytest.raises(ValidationError, match="Trash"):
        merges.merge(keep, [other])
    customers.restore_customers([other])
    with pytest.raises(merges.MergeRefused, match="No merge with id 42"):
        merges.unmerge(42)
    assert {t: r for t, r in snapshot().items() if t != "customer"} == {
        t: r for t, r in before.items() if t != "customer"
    }
    assert CustomerMerge.select().count() == 0


def test_purging_the_merged_customer_ends_the_undo(pair):
    keep, other = pair
    merge_id = merges.merge(keep, [other])
    customers.purge_customers([other])
    record = CustomerMerge.get_by_id(merge_id)
    assert record.before is None and record.purged_at is not None  # their data went with them
    assert merges.get_merge(merge_id).problem.code == "purged"
    with pytest.raises(ValidationError, match="deleted for good"):
        merges.unmerge(merge_id)


def test_erasing_a_merged_customer_drops_the_merge_snapshot(pair):
    """Erase for good (store.privacy) leaves no copy of them in a merge record either."""
    from sellerdesk.store import privacy

    keep, other = pair
    merge_id = merges.merge(keep, [other])
    privacy.erase_customers([other])
    record = CustomerMerge.get_by_id(merge_id)
    assert record.before is None and record.moved is None and record.purged_at is not None
    assert "对芒果过敏" not in str(DB.obj.execute_sql("SELECT * FROM customer_merge").fetchall())
    with pytest.raises(ValidationError):
        merges.unmerge(merge_id)


def test_a_later_merge_is_undone_first(pair):
    keep, other = pair
    third = customers.create_customer({"name": "王一", "phone": "13700000000"}).id
    first = merges.merge(keep, [other])
    second = merges.merge(third, [keep])
    with pytest.raises(merges.MergeRefused, match=f"Undo merge {second} first"):
        merges.unmerge(first)
    merges.unmerge(second)
    merges.unmerge(first)
    assert customers.get_customer(other).order_count == 2
    assert [m.id for m in merges.list_merges(include_undone=True)] == [second, first]
    assert merges.list_merges() == []


def test_a_survivor_without_an_address_takes_the_others_default(store):
    keep = customers.create_customer({"name": "王一", "phone": "13800001234"}).id
    other = customers.create_customer({"name": "王一", "wechat": "w1"}, [SZ, BJ]).id
    before = snapshot()
    merge_id = merges.merge(keep, [other])
    live = customers.live_addresses(keep)
    assert [(a.detail, a.is_default) for a in live] == [(SZ["detail"], True), (BJ["detail"], False)]
    assert customers.get_customer(keep).address_key.endswith(SZ["detail"])
    merges.unmerge(merge_id)
    assert snapshot() == before


def test_what_happened_to_moved_rows_after_the_merge_goes_home_with_them(pair):
    keep, other = pair
    order_id = DB.obj.execute_sql(
        'SELECT "id" FROM "orders" WHERE "customer_id" = ? ORDER BY "id"', [other]
    ).fetchone()[0]
    address_id = customers.live_addresses(other)[0].id
    merge_id = merges.merge(keep, [other])
    orders.set_status([order_id], "cancelled")  # its points are taken back, written for the survivor
    customers.update_address(address_id, {"detail": "建国路100号"})  # history written for the survivor
    merges.unmerge(merge_id)
    back = customers.get_customer(other)
    assert back.points == points.balance(other) == 200 - 100  # the cancelled order's 5000 went with it
    assert customers.get_customer(keep).points == 100
    assert {c.customer_id for c in customers.address_history(other)} == {other}
    assert all(c.address_id != address_id for c in customers.address_history(keep))


def test_a_failed_merge_leaves_nothing_behind(pair, monkeypatch):
    keep, other = pair
    before = snapshot()

    def broken(*_args, **_kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(orders, "refresh_customers", broken)
    with pytest.raises(RuntimeError):
        merges.merge(keep, [other])
    assert snapshot() == before and CustomerMerge.select().count() == 0


def test_an_address_both_had_is_kept_once_and_undo_brings_both_back(store):
    """QA: merging 张三丰 and 章三丰, who had the same address, left the survivor with that address
    twice. The moved copy is put away (the survivor's stays, default included); undo restores it."""
    same = {**SZ, "detail": " 科技园南区 1栋101 "}  # the same place, typed with spaces
    keep = customers.create_customer({"name": "张三丰", "phone": "13800001234"}, [SZ]).id
    other = customers.create_customer({"name": "章三丰", "phone": "13800001234"}, [same, BJ]).id
    before = snapshot()
    merge_id = merges.merge(keep, [other])
    live = customers.live_addresses(keep)
    assert [(a.detail, a.is_default) for a in live] == [(SZ["detail"], True), (BJ["detail"], False)]
    merges.unmerge(merge_id)
    assert snapshot() == before
    assert [a.detail for a in customers.live_addresses(other)] == ["科技园南区 1栋101", BJ["detail"]]
    assert customers.live_addresses(other)[0].is_default


def _key(cid: int):
    return DB.obj.execute_sql('SELECT "address_key" FROM "customer" WHERE "id" = ?', [cid]).fetchone()[0]


def test_a_merged_away_customer_keeps_its_address_key_in_the_trash_on_both_backends(pair):
    """PostgreSQL keeps it since schema 23 (the helpers' policy needs the province); SQLite did
    empty it. Both now keep it while the customer is in the Trash (sorted by address where it was,
    not "address incomplete") and read it again when it leaves the Trash."""
    keep, other = pair
    before = _key(other)
    assert before is not None and before.startswith("北京市")
    merge_id = merges.merge(keep, [other])
    assert _key(other) == before
    # the Trash sorts it by its address where it was, and its address does not count as missing
    assert other not in queries.incomplete_ids(trashed=True)
    merges.unmerge(merge_id)
    assert _key(other) == before
    merges.merge(keep, [other])
    assert customers.restore_customers([other]) == [other]
    assert _key(other) is None  # its addresses are with the survivor: no province it has no address in


def test_an_erased_customer_keeps_no_address_key_on_both_backends(pair):
    """The key holds the street address: an erase of a customer already in the Trash (which keeps
    its key, above) must not leave it behind."""
    from sellerdesk.store import privacy

    keep, other = pair
    customers.trash_customers([keep])
    assert _key(keep) is not None
    privacy.erase_customers([keep])
    assert _key(keep) is None
    merges.merge(customers.create_customer({"name": "王依", "phone": "13800001234"}).id, [other])
    privacy.erase_customers([other])
    assert _key(other) is None
    dump = str(DB.obj.execute_sql('SELECT * FROM "customer" WHERE "id" IN (?, ?)', [keep, other]).fetchall())
    assert "建国路" not in dump and "科技园" not in dump
