"""What a helper's writes keep for an owner (schema 22): a masked helper's merge snapshot holds
the stored phones (its undo puts them back), and a helper's updates of customers and addresses —
the app's or psql's — keep the old values in the audit log, from where an owner puts them back."""

from __future__ import annotations

import json

import psycopg
import pytest

A_PHONE, B_PHONE = "13912345601", "13987651118"


def _raw(team, sql: str, params=()):
    with psycopg.connect(team.url, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


@pytest.fixture
def two_in_guangdong(team):
    """The 广东 customer with phone A_PHONE and a second 广东 customer with B_PHONE that helper
    "south" (phones masked, sees both) added. (Merging away one someone else made:
    test_helper_merge.py.)"""
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team

    a = team.customers["广东"]
    open_team(team.url_of("south"))
    try:
        b = customers.save_customer(
            None,
            {"name": "广东客户二", "phone": B_PHONE},
            [customers.AddressEdit({"province": "广东", "city": "广州", "district": "天河", "detail": "2号"})],
        ).id
    finally:
        close_store()
    _raw(team, "UPDATE customer SET phone = %s WHERE id = %s", (A_PHONE, a))
    return a, b


@pytest.mark.parametrize("undone_by", ["south", "owner"])
def test_a_masked_helpers_merge_keeps_the_stored_phones_and_its_undo_restores_them(team, two_in_guangdong, undone_by):
    from sellerdesk.store import merges
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Customer

    a, b = two_in_guangdong
    open_team(team.url_of("south"))
    try:
        assert Customer.get_by_id(a).phone == "139****5601"  # masked for them
        merge_id = merges.merge(a, [b], {"phone": b})  # the survivor takes the other's phone
    finally:
        close_store()
    # read as the owner: the snapshot holds the real phones, the survivor the other's real phone
    before, after = _raw(team, "SELECT before, after FROM customer_merge WHERE id = %s", (merge_id,))[0]
    before, after = json.loads(before), json.loads(after)
    assert before[str(a)]["phone"] == A_PHONE and before[str(b)]["phone"] == B_PHONE
    assert after["phone"] == B_PHONE
    assert _raw(team, "SELECT phone FROM customer WHERE id = %s", (a,)) == [(B_PHONE,)]
    # the helper still reads only masks of them
    with team.connect("south") as conn:
        shown = conn.execute("SELECT before FROM customer_merge WHERE id = %s", (merge_id,)).fetchone()[0]
    assert A_PHONE not in shown and B_PHONE not in shown and "139****5601" in shown

    open_team(team.url if undone_by == "owner" else team.url_of("south"))
    try:
        merges.unmerge(merge_id)
    finally:
        close_store()
    phones = dict(_raw(team, "SELECT id, phone FROM customer WHERE id IN (%s, %s)", (a, b)))
    assert phones == {a: A_PHONE, b: B_PHONE}


def test_a_helpers_psql_updates_keep_the_old_values_and_an_owner_puts_them_back(team, two_in_guangdong):
    from sellerdesk.store import audit
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.migrations import HELPER_UPDATE_ACTION

    a, _b = two_in_guangdong
    _raw(team, "UPDATE customer SET name = '王五', notes = '老客户' WHERE id = %s", (a,))
    address_id, old_detail, old_address_phone = _raw(
        team, "SELECT id, detail, phone FROM address WHERE customer_id = %s", (a,)
    )[0]
    # as the helper, with psql: the phone too (one with other visible digits is written)
    with team.connect("south") as conn:
        conn.execute("UPDATE customer SET name = '改掉', notes = '', phone = '13700000000' WHERE id = %s", (a,))
        conn.execute("UPDATE public.address SET detail = '别处' WHERE id = %s", (address_id,))
        shown = [
            r[0] for r in conn.execute("SELECT detail FROM audit_entry WHERE action = %s", (HELPER_UPDATE_ACTION,))
        ]
    assert _raw(team, "SELECT name, phone FROM customer WHERE id = %s", (a,)) == [("改掉", "13700000000")]
    assert shown and all(A_PHONE not in d for d in shown)  # their own entries, the old phone masked
    assert any("139****5601" in d for d in shown)

    rows = _raw(
        team,
        "SELECT id, entity, entity_id, detail, actor FROM audit_entry WHERE action = %s ORDER BY id",
        (HELPER_UPDATE_ACTION,),
    )
    assert [(r[1], r[2], r[4]) for r in rows] == [
        ("customer", a, team.names["south"]),
        ("address", address_id, team.names["south"]),
    ]
    customer_detail = json.loads(rows[0][3])
    assert customer_detail["old"] == {"name": "王五", "notes": "老客户", "phone": A_PHONE}
    assert customer_detail["new"] == {"name": "改掉", "notes": "", "phone": "13700000000"}
    assert json.loads(rows[1][3])["old"] == {"detail": old_detail} and json.loads(rows[1][3])["customer"] == a
    from sellerdesk.exchange.audit_file import detail_text

    shown_in_log = detail_text(customer_detail)  # the audit view and file: the columns, not the values
    assert "name,notes,phone" in shown_in_log and "王五" not in shown_in_log and A_PHONE not in shown_in_log

    open_team(team.url)  # the owner puts it back
    try:
        assert audit.put_back(rows[0][0]) == ["name", "notes", "phone"]
        assert audit.put_back(rows[1][0]) == ["detail"]
        assert audit.put_back(rows[1][0]) == []  # already back: nothing newer is overwritten
    finally:
        close_store()
    assert _raw(team, "SELECT name, notes, phone FROM customer WHERE id = %s", (a,)) == [("王五", "老客户", A_PHONE)]
    assert _raw(team, "SELECT detail, phone FROM address WHERE id = %s", (address_id,)) == [
        (old_detail, old_address_phone)
    ]
    # an owner's own updates are theirs to make: no entry
    assert len(_raw(team, "SELECT 1 FROM audit_entry WHERE action = %s", (HELPER_UPDATE_ACTION,))) == 2
