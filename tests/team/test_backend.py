"""Team mode's backend: the store's SQL on PostgreSQL, the same schema chain, and the first writes."""

from __future__ import annotations

import pytest

from sellerdesk.store import migrations
from sellerdesk.store.postgres import BadServerUrlError, ServerUnreachableError, parse_url, redact, to_postgres


def test_placeholders_and_percent_signs_are_translated_outside_literals():
    sql = "SELECT * FROM t WHERE a = ? AND b LIKE '50%' AND c = '?' AND d = 7 % 2"
    assert to_postgres(sql) == "SELECT * FROM t WHERE a = %s AND b ILIKE '50%%' AND c = '?' AND d = 7 %% 2"


def test_sqlite_only_hints_are_dropped():
    sql = 'SELECT count(*) FROM "orders" AS o INDEXED BY "orders_customer" WHERE +"deleted_at" IS NULL'
    assert to_postgres(sql) == 'SELECT count(*) FROM "orders" AS o WHERE "deleted_at" IS NULL'


def test_insert_or_replace_becomes_an_upsert_on_the_first_column():
    sql = 'INSERT OR REPLACE INTO "meta" ("key", "value") VALUES (?, ?)'
    assert to_postgres(sql) == (
        'INSERT INTO "meta" ("key", "value") VALUES (%s, %s) '
        'ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"'
    )
    assert (
        to_postgres("INSERT OR IGNORE INTO x (a) VALUES (?)") == "INSERT INTO x (a) VALUES (%s) ON CONFLICT DO NOTHING"
    )


def test_a_join_order_hint_is_an_inner_join():
    sql = 'SELECT count(*) FROM "follow_up" f CROSS JOIN "customer" c ON c."id" = f."customer_id"'
    assert to_postgres(sql) == 'SELECT count(*) FROM "follow_up" f JOIN "customer" c ON c."id" = f."customer_id"'
    assert to_postgres("SELECT 1 FROM a CROSS JOIN b") == "SELECT 1 FROM a CROSS JOIN b"  # a true cross join


def test_the_last_character_and_a_dates_month_day():
    assert to_postgres('substr("address_key", -1) = char(1)') == 'right("address_key", 1) = chr(1)'
    assert 'EXTRACT(MONTH FROM "birthday")' in to_postgres(migrations.BIRTHDAY_KEY_SQL)


def test_native_sql_is_left_alone():
    sql = "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename"
    assert to_postgres(sql) == sql


@pytest.mark.parametrize("url", ["mysql://x@y/z", "sellerdesk.db", "postgresql://host:notaport/db"])
def test_a_wrong_url_is_refused_by_name(url):
    with pytest.raises(BadServerUrlError):
        parse_url(url)


def test_the_password_never_shows_in_messages():
    assert redact("postgresql://ann:s3cret@db.example:5432/shop") == "postgresql://ann:***@db.example:5432/shop"


def test_an_unreachable_server_is_one_clear_error_and_nothing_local_opens(isolated_environment):
    from sellerdesk.store.database import open_team
    from sellerdesk.store.models import DB

    with pytest.raises(ServerUnreachableError) as caught:
        open_team("postgresql://nobody@127.0.0.1:9/shop?connect_timeout=2")
    assert "127.0.0.1:9" in str(caught.value)
    assert DB.obj is None
    assert not any(isolated_environment.parent.rglob("*.db"))


def test_the_whole_chain_runs_on_postgresql(team_store):
    assert migrations.current_version(team_store) == migrations.SCHEMA_VERSION
    tables = set(team_store.get_tables())
    assert {"customer", "address", "orders", "order_item", "follow_up", "audit_entry", "meta"} <= tables


def test_saving_a_customer_keeps_the_same_rules_on_both_backends(backend_store):
    from sellerdesk.store import customers
    from sellerdesk.store.models import Address, Customer

    saved = customers.save_customer(
        None,
        {"name": "张三", "phone": "138 1234 5678"},
        [customers.AddressEdit({"province": "广东", "city": "深圳", "district": "南山", "detail": "科技园1号"})],
    )
    cid = saved.id
    customer = Customer.get_by_id(cid)
    assert (customer.phone, customer.name_initials) == ("13812345678", "zs")
    address = Address.get(Address.customer == cid)
    assert (address.province, address.city, address.district, address.is_default) == (
        "广东省",
        "深圳市",
        "南山区",
        True,
    )
    assert customer.address_key == "广东省\x01深圳市\x01南山区\x01科技园1号"  # the trigger's key on both backends


def test_sorted_columns_compare_by_code_point_whatever_the_servers_collation(team_store):
    """A server's default collation (en_US.UTF-8 …) would sort 'zhang san' as 'zhangsan' and ignore
    U+0001: the columns the table sorts by are "C" as on SQLite."""
    from sellerdesk.store.migrations import PG_SORTED_COLUMNS
    from sellerdesk.store.postgres import native

    rows = native(
        team_store,
        "SELECT a.attname, c.collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation "
        "WHERE a.attrelid = 'customer'::regclass AND a.attname = ANY (%s)",
        (list(PG_SORTED_COLUMNS),),
    ).fetchall()
    assert dict(rows) == dict.fromkeys(PG_SORTED_COLUMNS, "C")


def test_like_ignores_case_as_sqlites_does():
    assert to_postgres("SELECT 1 FROM t WHERE a LIKE ? ESCAPE '\\'") == "SELECT 1 FROM t WHERE a ILIKE %s ESCAPE '\\'"
    assert to_postgres("SELECT 'LIKE' FROM t WHERE a NOT LIKE ?") == "SELECT 'LIKE' FROM t WHERE a NOT ILIKE %s"


def test_a_server_that_goes_away_mid_work_is_named_not_an_internal_error(team_store, pg_admin_url):
    """The server stopped (here: our session terminated) between two statements: the error the
    next statement raises is the one clear line, whatever layer catches it."""
    import psycopg

    from sellerdesk.store.models import Customer
    from sellerdesk.store.postgres import lost_connection, native

    pid = native(team_store, "SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(Exception) as caught:  # noqa: PT011 (whatever the driver raises: see below)
        Customer.update(notes="x").execute()  # a write is never repeated on a new connection
    gone = lost_connection(caught.value)
    assert isinstance(gone, ServerUnreachableError) and gone.where == team_store.where
    assert lost_connection(ValueError("x")) is None


def _terminate(db, admin_url: str) -> int:
    import psycopg

    from sellerdesk.store.postgres import native

    pid = native(db, "SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    return pid


def test_the_store_connects_again_after_the_server_dropped_its_connection(team_store, pg_admin_url):
    """QA: after the team server restarted, every save and every page of the orders table failed
    until the app was restarted (peewee kept the dead connection). Now a read, a transaction's
    BEGIN and any statement after a failed one run on a new connection; a write that met the dead
    connection is not repeated, it fails with the clear line."""
    from sellerdesk.store import customers
    from sellerdesk.store.models import Customer
    from sellerdesk.store.postgres import lost_connection, native

    saved = customers.save_customer(None, {"name": "张三", "phone": "13812345678"})
    old = _terminate(team_store, pg_admin_url)
    assert Customer.select().count() == 1  # a read: once more on a new connection
    assert native(team_store, "SELECT pg_backend_pid()").fetchone()[0] != old
    _terminate(team_store, pg_admin_url)
    customers.save_customer(saved.id, {"notes": "重启之后"})  # the BEGIN found it dead: nothing ran yet
    assert Customer.get_by_id(saved.id).notes == "重启之后"
    # dropped inside a transaction: the error reaches the caller, nothing half-written, then it works again
    with pytest.raises(Exception) as caught, team_store.atomic():  # noqa: PT011, PT012
        Customer.update(notes="丢失").where(Customer.id == saved.id).execute()
        _terminate(team_store, pg_admin_url)
        Customer.update(tags="x").where(Customer.id == saved.id).execute()
    assert lost_connection(caught.value) is not None
    assert not team_store.in_transaction()
    assert Customer.get_by_id(saved.id).notes == "重启之后"
    customers.save_customer(saved.id, {"notes": "又好了"})
    assert Customer.get_by_id(saved.id).notes == "又好了"
