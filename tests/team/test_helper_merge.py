"""A helper merges customers that someone else made, in the helper's own region, and undoes the
merge (schema 23): the merged-away customer keeps its province key in the Trash, so the policy
still shows it to the helper. Customers outside the helper's regions stay out of reach."""

from __future__ import annotations

import psycopg
import pytest

PHONE = "13912345601"
# the columns an undo gives back exactly (the survivor's and the others'); the totals are computed again
_COMPARED = "id, name, phone, tags, notes, flags, deleted_at, address_key, created_by"


def _raw(team, sql: str, params=()):
    with psycopg.connect(team.url, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _state(team, ids):
    customers = _raw(team, f"SELECT {_COMPARED} FROM customer WHERE id = ANY(%s) ORDER BY id", (list(ids),))
    addresses = _raw(
        team,
        "SELECT id, customer_id, is_default, deleted_at, province, detail FROM address "
        "WHERE customer_id = ANY(%s) ORDER BY id",
        (list(ids),),
    )
    orders = _raw(team, "SELECT id, customer_id FROM orders WHERE customer_id = ANY(%s) ORDER BY id", (list(ids),))
    return customers, addresses, orders


@pytest.fixture
def two_in_guangdong_by_owner(team):
    """A second 广东 customer (with an order) the owner (not the helper) added, with the first one's phone."""
    import datetime as dt

    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Order

    a = team.customers["广东"]
    open_team(team.url)
    try:
        b = customers.save_customer(
            None,
            {"name": "广东客户二", "phone": PHONE},
            [customers.AddressEdit({"province": "广东", "city": "广州", "district": "天河", "detail": "2号"})],
        ).id
        Order.create(customer=b, order_date=dt.date(2026, 2, 1), amount_fen=500, items="茶叶 x1")
    finally:
        close_store()
    _raw(team, "UPDATE customer SET phone = %s WHERE id = %s", (PHONE, a))
    return a, b


@pytest.mark.parametrize("undone_by", ["south", "owner"])
def test_a_helper_merges_customers_of_their_region_made_by_another_and_undoes_it(
    team, two_in_guangdong_by_owner, undone_by
):
    from sellerdesk.store import merges
    from sellerdesk.store.database import close_store, open_team

    a, b = two_in_guangdong_by_owner
    before = _state(team, (a, b))
    assert {r[-1] for r in before[0]} == {_raw(team, "SELECT current_user")[0][0]}  # the owner made both

    open_team(team.url_of("south"))
    try:
        merge_id = merges.merge(a, [b])
        assert merges.merged_into(b) == a  # the helper still sees the merged-away customer (in the Trash)
        assert merges.get_merge(merge_id).problem is None  # and may undo it
    finally:
        close_store()
    (key_b,) = _raw(team, "SELECT address_key, deleted_at IS NOT NULL FROM customer WHERE id = %s", (b,))
    assert key_b[0] == before[0][1][7] and key_b[1]  # in the Trash, its key (province) as it was
    # its address and order went to the survivor
    assert _raw(team, "SELECT customer_id FROM address WHERE id = %s", (before[1][1][0],)) == [(a,)]
    assert {r[1] for r in _state(team, (a, b))[2]} == {a} and len(before[2]) == 2

    open_team(team.url if undone_by == "owner" else team.url_of("south"))
    try:
        merges.unmerge(merge_id)
    finally:
        close_store()
    assert _state(team, (a, b)) == before


def test_a_helper_cannot_merge_a_customer_outside_their_regions(team):
    from sellerdesk.store import merges
    from sellerdesk.store.database import close_store, open_team

    south, east = team.customers["广东"], team.customers["浙江"]
    before = _state(team, (south, east))
    merges_before = _raw(team, "SELECT count(*) FROM customer_merge")
    open_team(team.url_of("south"))
    try:
        for keep, other in ((south, east), (east, south)):
            with pytest.raises(merges.MergeRefused) as refused:
                merges.merge(keep, [other])
            assert refused.value.code == "missing" and refused.value.params == {"id": east}
    finally:
        close_store()
    assert _state(team, (south, east)) == before
    assert _raw(team, "SELECT count(*) FROM customer_merge") == merges_before


def test_a_merged_customer_restored_without_the_undo_has_no_province_left(team, two_in_guangdong_by_owner):
    """Its key is read again as it leaves the Trash: its addresses are with the survivor."""
    from sellerdesk.store import customers, merges
    from sellerdesk.store.database import close_store, open_team

    a, b = two_in_guangdong_by_owner
    open_team(team.url_of("south"))
    try:
        merges.merge(a, [b])
    finally:
        close_store()
    assert _raw(team, "SELECT address_key IS NOT NULL FROM customer WHERE id = %s", (b,)) == [(True,)]
    open_team(team.url)
    try:
        assert customers.restore_customers([b]) == [b]
    finally:
        close_store()
    assert _raw(team, "SELECT address_key, deleted_at FROM customer WHERE id = %s", (b,)) == [(None, None)]
