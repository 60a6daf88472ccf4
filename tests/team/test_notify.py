"""Others' changes reach a listener (team mode, issue 20): two connections to one server."""

from __future__ import annotations

import psycopg
import pytest

from sellerdesk.progress import CancelToken
from sellerdesk.store import customers, notify
from sellerdesk.store.notify import Change, ChangeListener, listener_for, parse_payload
from sellerdesk.store.postgres import parse_url


def _other(team_store, pg_admin_url):
    """A second team member's connection to the same database."""
    params = parse_url(pg_admin_url)
    params["dbname"] = team_store.database
    return psycopg.connect(**params, autocommit=True)


def _listener(team_store, got):
    listener = ChangeListener(team_store, got.extend, timeout=5)
    conn = listener._connect()
    return listener, conn


def test_anothers_writes_are_heard_by_table_without_ids(team_store, pg_admin_url):
    customer = customers.create_customer({"name": "张三"}, [{"province": "广东省", "detail": "x"}])
    got: list[Change] = []
    listener, conn = _listener(team_store, got)
    try:
        with _other(team_store, pg_admin_url) as other:
            other.execute('UPDATE "customer" SET "notes" = %s WHERE "id" = %s', ("她改的", customer.id))
            with other.transaction():
                other.execute('UPDATE "address" SET "detail" = %s WHERE "customer_id" = %s', ("y", customer.id))
                other.execute('UPDATE "address" SET "detail" = %s WHERE "customer_id" = %s', ("z", customer.id))
        changes = listener.wait(conn)
        while len(changes) < 3:  # the address's write also counts up the customer's version
            more = listener.wait(conn)
            assert more, changes
            changes += more
    finally:
        conn.close()
    tables = {c.table for c in changes}
    assert tables == {"customer", "address"}
    assert all(c.ids is None for c in changes)  # no ids (schema 17): the listener re-reads what it sees


def test_a_rolled_back_write_and_our_own_writes_are_not_heard(team_store, pg_admin_url):
    mine = customers.create_customer({"name": "我自己"})
    got: list[Change] = []
    listener, conn = _listener(team_store, got)
    try:
        customers.save_customer(mine.id, {"notes": "我改的"})  # this program's connection: left out
        with _other(team_store, pg_admin_url) as other:
            with pytest.raises(RuntimeError), other.transaction():
                other.execute('UPDATE "customer" SET "notes" = %s WHERE "id" = %s', ("撤销的", mine.id))
                raise RuntimeError("rolled back")
            other.execute('UPDATE "customer" SET "wechat" = %s WHERE "id" = %s', ("her_wx", mine.id))
        changes = listener.wait(conn)
    finally:
        conn.close()
    assert changes == [Change("customer", None)]  # only the other connection's committed write


def test_a_helper_listening_learns_no_customer_of_other_regions(team):
    """Anyone may LISTEN on the channel: what a helper of 华南 hears when the 北京 customer changes
    is the table's name, no id, no count."""
    import json

    beijing = team.customers["北京"]
    with team.connect("south") as helper:
        helper.execute("LISTEN sellerdesk_changes")
        with team.connect("boss") as boss:
            boss.execute("UPDATE customer SET notes = 'x' WHERE id = %s", (beijing,))
            boss.execute("UPDATE address SET detail = '2号' WHERE customer_id = %s", (beijing,))
            boss.execute("UPDATE customer SET notes = 'y' WHERE id > 0")  # every row at once
        notes = list(helper.notifies(timeout=5, stop_after=4))
    payloads = [json.loads(n.payload) for n in notes]
    assert payloads and all(set(p) == {"table"} for p in payloads), payloads
    assert {p["table"] for p in payloads} == {"customer", "address"}


def test_run_hands_batches_to_the_callback_until_cancelled(team_store, pg_admin_url):
    import threading

    got: list[Change] = []
    token = CancelToken()
    heard = threading.Event()

    def callback(changes):
        got.extend(changes)
        heard.set()

    states: list[bool] = []
    listener = listener_for(team_store, callback, on_state=states.append)
    assert listener is not None
    listener.timeout = 0.2
    thread = threading.Thread(target=listener.run, args=(token,))
    thread.start()
    try:
        while not states:  # listening (LISTEN done) before the other writes
            heard.wait(0.05)
        with _other(team_store, pg_admin_url) as other:
            other.execute('UPDATE "customer" SET "notes" = %s', ("x",))  # no rows: nothing sent
            other.execute('NOTIFY sellerdesk_changes, \'{"table": "orders"}\'')
        assert heard.wait(30)
    finally:
        token.cancel()
        thread.join(30)
    assert not thread.is_alive()
    assert got == [Change("orders", None)] and states == [True]


def test_a_local_file_has_no_listener(store):
    from sellerdesk.store.models import DB

    assert listener_for(DB, lambda _changes: None) is None


def test_payloads_that_are_not_ours_are_ignored():
    assert parse_payload("hello") is None
    assert parse_payload('{"table": "orders"}') == Change("orders", None)
    assert parse_payload('{"table": "orders", "ids": [7]}') == Change("orders", (7,))  # a server before schema 17


assert notify.RETRY_SECONDS > 0
