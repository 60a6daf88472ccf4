"""What a helper could write with psql beyond what the app does (issue 20, schema step 20): order
lines deleted for good, references to other regions' rows, the search's bulk setting, the audit
log. Connected AS the helper of 华南 (广东) with psycopg; 浙江 and 北京 are outside her rows."""

from __future__ import annotations

import datetime as dt
import json

import psycopg
import pytest


def _clone(conn, table: str, row_id: int, **changes) -> int:
    """A copy of row ``row_id`` of ``table`` with ``changes``, inserted by ``conn``; its id."""
    cols = [
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s "
            "AND column_name <> 'id' AND is_generated = 'NEVER' ORDER BY ordinal_position",
            (table,),
        )
    ]
    names = ", ".join(f'"{c}"' for c in cols)
    values = ", ".join("%s" if c in changes else f'"{c}"' for c in cols)
    params = [changes[c] for c in cols if c in changes]
    sql = f'INSERT INTO "{table}" ({names}) SELECT {values} FROM "{table}" WHERE "id" = %s RETURNING "id"'
    return conn.execute(sql, [*params, row_id]).fetchone()[0]


def _ids(team) -> dict[str, dict[str, int]]:
    """province → {"customer", "order", "address"} ids, read as the superuser."""
    out = {}
    with psycopg.connect(team.url, autocommit=True) as conn:
        for province in ("广东", "浙江", "北京"):
            cid = team.customers[province]
            order = conn.execute("SELECT id FROM orders WHERE customer_id = %s", (cid,)).fetchone()[0]
            address = conn.execute("SELECT id FROM address WHERE customer_id = %s", (cid,)).fetchone()[0]
            out[province] = {"customer": cid, "order": order, "address": address}
    return out


def _as_owner(team, sql: str, params=()) -> list[tuple]:
    with team.connect("boss") as conn:
        return conn.execute(sql, params).fetchall()


def test_order_lines_a_helper_deletes_are_kept_in_the_audit_log(team):
    ids = _ids(team)
    with team.connect("south") as conn:
        assert conn.execute("DELETE FROM order_item").rowcount == 1  # her region's line only
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE order_item SET product = 'x'")
    kept = _as_owner(
        team,
        "SELECT entity, entity_id, detail, actor, at FROM audit_entry WHERE action = 'delete_order_lines'",
    )
    assert len(kept) == 1
    entity, entity_id, detail, actor, at = kept[0]
    assert (entity, entity_id, actor) == ("order", ids["广东"]["order"], team.names["south"])
    assert json.loads(detail) == {"count": 1, "lines": [[1, "茶叶", 1, None]]}  # what it takes to put it back
    assert abs(at - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(hours=1)
    # the other regions' lines are where they were
    assert _as_owner(team, "SELECT count(*) FROM order_item")[0][0] == 2


def test_a_cascade_of_an_order_removed_for_good_is_not_an_entry(team):
    ids = _ids(team)
    with team.connect("boss") as conn:
        conn.execute("DELETE FROM orders WHERE id = %s", (ids["北京"]["order"],))
        assert not conn.execute("SELECT count(*) FROM audit_entry WHERE action = 'delete_order_lines'").fetchone()[0]


def test_a_helper_edits_an_order_s_lines_in_the_app_and_the_old_lines_are_kept(team):
    from sellerdesk.store import orders
    from sellerdesk.store.database import close_store, open_team

    ids = _ids(team)
    open_team(team.url_of("south"))
    try:
        orders.update_order(ids["广东"]["order"], {"items": "红茶 x2"})
        assert [line.product for line in orders.order_lines(ids["广东"]["order"])] == ["红茶"]
    finally:
        close_store()
    kept = _as_owner(team, "SELECT detail FROM audit_entry WHERE action = 'delete_order_lines'")
    assert [json.loads(d)["lines"] for (d,) in kept] == [[[1, "茶叶", 1, None]]]


def test_a_helper_s_order_takes_an_address_of_its_own_customer_only(team):
    ids = _ids(team)
    mine, theirs = ids["广东"], ids["浙江"]
    with team.connect("south") as conn:
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            _clone(conn, "orders", mine["order"], address_id=theirs["address"])
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("UPDATE orders SET address_id = %s WHERE id = %s", (theirs["address"], mine["order"]))
        # an address of another customer of hers is not her order's customer's either
        other = _clone(conn, "customer", mine["customer"], name="另一位")
        other_address = _clone(conn, "address", mine["address"], customer_id=other)
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("UPDATE orders SET address_id = %s WHERE id = %s", (other_address, mine["order"]))
        # her customer's own address: fine
        conn.execute("UPDATE orders SET address_id = %s WHERE id = %s", (mine["address"], mine["order"]))
        made = _clone(conn, "orders", mine["order"], order_no="H-1")
        assert conn.execute("SELECT address_id FROM orders WHERE id = %s", (made,)).fetchone()[0] == mine["address"]


def test_a_helper_refers_only_to_rows_she_sees(team):
    ids = _ids(team)
    mine, theirs = ids["广东"], ids["浙江"]
    with team.connect("south") as conn:
        points = "INSERT INTO points_entry (customer_id, order_id, delta, note, at) VALUES (%s, %s, 1, '', now())"
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute(points, (mine["customer"], theirs["order"]))
        conn.execute(points, (mine["customer"], mine["order"]))
        change = (
            "INSERT INTO address_change (address_id, customer_id, action, reason, changed_at) "
            "VALUES (%s, %s, 'update', '', now())"
        )
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute(change, (theirs["address"], mine["customer"]))
        conn.execute(change, (mine["address"], mine["customer"]))
        # what the policies refuse already: a row of hers under another region's parent
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO order_item (order_id, position, product, quantity) VALUES (%s, 9, 'x', 1)",
                (theirs["order"],),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _clone(conn, "address", mine["address"], customer_id=theirs["customer"])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO follow_up (customer_id, kind, on_date, channel, note, outcome, status, created_at, "
                "updated_at) VALUES (%s, 'followup', current_date, '', '', '', '', now(), now())",
                (theirs["customer"],),
            )


def test_a_helper_moves_no_order_or_address_out_of_her_rows(team):
    ids = _ids(team)
    mine, theirs = ids["广东"], ids["浙江"]
    with team.connect("south") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE orders SET customer_id = %s WHERE id = %s", (theirs["customer"], mine["order"]))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE address SET customer_id = %s WHERE id = %s", (theirs["customer"], mine["address"]))
        conn.execute(
            "INSERT INTO points_entry (customer_id, order_id, delta, note, at) VALUES (%s, %s, 1, '', now())",
            (mine["customer"], mine["order"]),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE points_entry SET customer_id = %s WHERE customer_id = %s",
                (theirs["customer"], mine["customer"]),
            )
    rows = _as_owner(team, "SELECT customer_id FROM orders WHERE id = %s", (mine["order"],))
    assert rows == [(mine["customer"],)]


def test_a_helper_s_audit_entries_are_hers_and_dated_by_the_server(team):
    with team.connect("south") as conn:
        conn.execute(
            "INSERT INTO audit_entry (at, action, entity, entity_id, detail, actor) "
            "VALUES ('2001-01-01', 'purge', 'customer', 1, NULL, %s)",
            (team.names["boss"],),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE audit_entry SET actor = %s", (team.names["boss"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_entry")
    rows = _as_owner(team, "SELECT actor, at FROM audit_entry WHERE action = 'purge'")
    assert [r[0] for r in rows] == [team.names["south"]]
    assert rows[0][1].year >= 2026
    # an owner's entry keeps the time the app gave it (a backup's, a restore's)
    with team.connect("boss") as conn:
        conn.execute("INSERT INTO audit_entry (at, action, entity) VALUES ('2001-01-01', 'backup', '')")
    assert _as_owner(team, "SELECT at FROM audit_entry WHERE action = 'backup'") == [(dt.datetime(2001, 1, 1),)]


def test_the_search_bulk_setting_is_an_owner_s_only(team):
    ids = _ids(team)
    mine = ids["广东"]
    fts = "SELECT count(*) FROM customer_fts WHERE rowid = %s"
    with team.connect("south") as conn:
        with conn.transaction():
            conn.execute("SELECT set_config('sellerdesk.search_bulk', 'on', true)")
            made = _clone(conn, "customer", mine["customer"], name="批量客户")
            _clone(conn, "address", mine["address"], customer_id=made)
    assert _as_owner(team, fts, (made,)) == [(1,)]
    assert "批量客户" in _as_owner(team, "SELECT name FROM customer_fts WHERE rowid = %s", (made,))[0][0]
    with team.connect("boss") as conn:  # an owner's bulk load still indexes once at its end
        with conn.transaction(force_rollback=True):
            conn.execute("SELECT set_config('sellerdesk.search_bulk', 'on', true)")
            bulk = _clone(conn, "customer", mine["customer"], name="导入客户")
            assert conn.execute(fts, (bulk,)).fetchone()[0] == 0


def test_an_owner_puts_deleted_lines_back_from_the_audit_log(team):
    from sellerdesk.store import orders
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.errors import NotFoundError

    ids = _ids(team)
    order_id = ids["广东"]["order"]
    with team.connect("south") as conn:
        conn.execute("DELETE FROM order_item WHERE order_id = %s", (order_id,))
    (entry_id,) = _as_owner(team, "SELECT id FROM audit_entry WHERE action = 'delete_order_lines'")[0]
    open_team(team.url_of("boss"))
    try:
        assert orders.order_lines(order_id) == []
        with pytest.raises(NotFoundError):
            orders.restore_deleted_lines(entry_id + 1000)
        restored = orders.restore_deleted_lines(entry_id)
        assert [(x.product, x.quantity) for x in orders.order_lines(order_id)] == [("茶叶", 1)]
        assert "茶叶" in restored.items
    finally:
        close_store()


def test_a_helper_still_writes_an_order_whose_old_address_link_went_elsewhere(team):
    """Only a reference the statement changes is checked: an unmerge sends an address home and
    leaves a later order of the survivor linked to it (the snapshot is the truth)."""
    ids = _ids(team)
    mine = ids["广东"]
    with team.connect("south") as conn:
        other = _clone(conn, "customer", mine["customer"], name="另一位")
        other_address = _clone(conn, "address", mine["address"], customer_id=other)
    with team.connect("boss") as conn:  # as an unmerge leaves it
        conn.execute("UPDATE orders SET address_id = %s WHERE id = %s", (other_address, mine["order"]))
    with team.connect("south") as conn:
        conn.execute("UPDATE orders SET notes = 'packed' WHERE id = %s", (mine["order"],))
        assert conn.execute("SELECT notes FROM orders WHERE id = %s", (mine["order"],)).fetchone()[0] == "packed"
        conn.execute("UPDATE orders SET address_id = NULL WHERE id = %s", (mine["order"],))
        with pytest.raises(psycopg.errors.ForeignKeyViolation):  # setting it is checked
            conn.execute("UPDATE orders SET address_id = %s WHERE id = %s", (other_address, mine["order"]))
