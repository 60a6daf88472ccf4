"""Phones masked by the team server (schema 18, store.masking_pg): a helper without the phones
permission reads no more with psql than the app shows them — checked connected AS them."""

from __future__ import annotations

import os
import random
import shutil
import subprocess

import psycopg
import pytest

# the 广东 customer's raw phones (the team fixture's helper "south" sees only that customer)
MOBILE, LANDLINE = "13912345601", "021-64641234"
SHOWN_MOBILE, SHOWN_LANDLINE = "139****5601", "021-64****34"
# what of them the mask hides: none of these may reach a masked helper
HIDDEN = ("12345601", "1234560", "9123456", "64641234", "6464123", "4641234")


def _snapshot(phone: str) -> str:
    import json

    return json.dumps({"recipient": "王五", "phone": phone, "province": "广东省", "detail": "1号"}, ensure_ascii=False)


@pytest.fixture
def masked(team):
    """The team, with the 广东 customer's phone, its address's (a landline) and its order's
    snapshot set to raw values only the owners and helpers with phones may read."""
    cid = team.customers["广东"]
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute("UPDATE customer SET phone = %s WHERE id = %s", (MOBILE, cid))
        conn.execute("UPDATE address SET phone = %s WHERE customer_id = %s", (LANDLINE, cid))
        address_id = conn.execute("SELECT id FROM address WHERE customer_id = %s", (cid,)).fetchone()[0]
        conn.execute(
            "UPDATE orders SET address_snapshot = %s, address_id = %s WHERE customer_id = %s",
            (_snapshot(MOBILE), address_id, cid),
        )
        conn.execute("ANALYZE")  # the statistics must not tell either
    return team


def _raw(team, sql: str, params=()):
    with psycopg.connect(team.url, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


# --------------------------------------------------------------------------------- one mask


def _corpus() -> list[str]:
    from sellerdesk.core.phones import mask_phone, normalize_phone

    typed = [
        "",
        " ",
        "13812345678",
        "+86 138-1234-5678",
        "0086 13812345678",
        "86-138 1234 5678",
        "(021) 6464 1234",
        "021-64641234",
        "0755-86001234",
        "07558600123",
        "+86 21 6464 1234",
        "021-64641234转88",
        "021 6464 1234 ext. 12",
        "0571-8888888#3",
        "400-820-8820",
        "4008208820",
        "800 820 8820",
        "1.3812345678E10",
        "13812345678.0",
        "+13812345678.0",
        "１３８１２３４５６７８",
        "０２１－６４６４１２３４",
        "+85291234567",
        "+1 (415) 555-0100",
        "12345",
        "1234",
        "abc",
        "微信同号",
        "微信同号13812345678",
        "138-1234-567",
        "138 1234 56789",
        "021-0464123",
        "tel: 555",
        "  13812345678  ",
        "(0)21/6464.1234",
    ]
    alphabet = "0123456789" * 4 + "+-() .·/#x转分机（）０１ 　abcE微"
    rng = random.Random(20)
    typed += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 18))) for _ in range(1500)]
    typed += [
        "1" + "".join(rng.choice("3456789")) + "".join(rng.choice("0123456789") for _ in range(9)) for _ in range(50)
    ]
    values = typed + [normalize_phone(t).value for t in typed]
    return values + [mask_phone(v) for v in values] + ["*12#", "1*3", "ab*cd", "12****34**", "**12"]


def test_the_server_masks_a_phone_exactly_as_the_app_does(pg_database):
    """One mask: ``sd_mask_phone`` gives core.phones.mask_phone's very string, for stored
    (normalised) phones and for anything else a phone column may hold."""
    from sellerdesk.core.phones import mask_phone
    from sellerdesk.store.database import close_store, open_team

    open_team(pg_database)
    close_store()
    values = _corpus()
    with psycopg.connect(pg_database, autocommit=True) as conn:
        got = [r[0] for r in conn.execute("SELECT sd_mask_phone(v) FROM unnest(%s::text[]) AS v", (values,))]
    wrong = [(v, g, mask_phone(v)) for v, g in zip(values, got, strict=True) if g != mask_phone(v)]
    assert wrong == []


# ------------------------------------------------------------------------------ what is read


def test_a_masked_helper_reads_only_masks_from_every_table_and_view(masked):
    cid = masked.customers["广东"]
    with masked.connect("south") as conn:
        assert conn.execute("SELECT id, phone FROM customer").fetchall() == [(cid, SHOWN_MOBILE)]
        assert conn.execute("SELECT phone FROM address").fetchall() == [(SHOWN_LANDLINE,)]
        snapshot = conn.execute("SELECT address_snapshot FROM orders").fetchone()[0]
        assert '"phone": "139****5601"' in snapshot and MOBILE not in snapshot
        phones = conn.execute("SELECT phones FROM customer_fts").fetchone()[0]
        assert phones.split() == [SHOWN_MOBILE, SHOWN_LANDLINE]
        # the tables named in full: every column but the phones
        for sql in (
            "SELECT phone FROM public.customer",
            "SELECT * FROM public.customer",
            "SELECT c FROM public.customer AS c",
            "SELECT id FROM public.customer WHERE phone LIKE '139%'",
            "SELECT phone FROM public.address",
            "SELECT address_snapshot FROM public.orders",
            "SELECT phones FROM public.customer_fts",
            "SELECT grams FROM public.customer_fts",
            "SELECT new_values FROM public.address_change",
            "UPDATE public.customer SET name = phone",
            "UPDATE public.customer SET name = name RETURNING phone",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        assert conn.execute("SELECT name FROM public.customer").fetchall() == [("广东客户",)]


def _every_readable_value(conn) -> list[str]:
    """Every value of every column the connected user may read, in our schemas, and the planner's
    statistics they may see, as text."""
    columns = conn.execute(
        "SELECT n.nspname, c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE n.nspname IN ('public', 'sd_masked') AND c.relkind IN ('r', 'v', 'm', 'p') "
        "AND has_column_privilege(c.oid, a.attnum, 'SELECT')"
    ).fetchall()
    assert len(columns) > 100
    out = []
    for schema, table, column in columns:
        sql = f'SELECT "{column}"::text FROM "{schema}"."{table}"'
        out += [r[0] for r in conn.execute(sql) if r[0] is not None]
    out += [str(r) for r in conn.execute("SELECT * FROM pg_stats WHERE schemaname IN ('public', 'sd_masked')")]
    return out


def test_no_raw_phone_is_readable_by_a_masked_helper_by_any_route_we_know(masked):
    with masked.connect("south") as conn:
        values = _every_readable_value(conn)
        assert SHOWN_MOBILE in values and SHOWN_LANDLINE in values
        assert [v for v in values if any(h in v.replace("-", "") for h in HIDDEN)] == []
        # the functions that read tables as their owner give nothing back
        conn.execute("SELECT sd_search_refresh(%s)", (masked.customers["广东"],))
        for signature in ("sd_keep_snapshot_phone()", "sd_keep_change_phone()"):
            assert not conn.execute("SELECT has_function_privilege(%s, 'EXECUTE')", (signature,)).fetchone()[0]
    with masked.connect("boss") as conn:  # (the check can fail: an owner reads them)
        values = _every_readable_value(conn)
        assert any(MOBILE in v for v in values) and any(LANDLINE in v for v in values)


def test_owners_viewers_and_helpers_with_phones_read_raw_phones(masked):
    for who in ("boss", "viewer"):
        with masked.connect(who) as conn:
            assert (MOBILE,) in conn.execute("SELECT phone FROM customer").fetchall()
            assert (LANDLINE,) in conn.execute("SELECT phone FROM public.address").fetchall()
    _raw(masked, "UPDATE customer SET phone = %s WHERE id = %s", (MOBILE, masked.customers["浙江"]))
    with masked.connect("east") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(MOBILE,)]
        assert conn.execute("SHOW search_path").fetchone()[0] == '"$user", public'


def test_psql_as_a_masked_helper(masked):
    psql = shutil.which("psql")
    if psql is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs the psql test: psql is not on PATH")
        pytest.skip("psql is not on PATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}

    def run(who: str, sql: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [psql, masked.url_of(who), "-X", "-tA", "-c", sql], capture_output=True, text=True, env=env, timeout=60
        )

    assert run("south", "SELECT phone FROM customer").stdout.split() == [SHOWN_MOBILE]
    assert run("south", "SELECT phone FROM address").stdout.split() == [SHOWN_LANDLINE]
    assert run("south", "SELECT phones FROM customer_fts").stdout.split() == [SHOWN_MOBILE, SHOWN_LANDLINE]
    assert MOBILE not in run("south", "SELECT address_snapshot FROM orders").stdout
    for sql in ("SELECT phone FROM public.customer", "TABLE public.address", "SELECT phones FROM public.customer_fts"):
        denied = run("south", sql)
        assert denied.returncode != 0 and "permission denied" in denied.stderr
    assert MOBILE in run("boss", "SELECT phone FROM customer").stdout.split()


# ----------------------------------------------------------------------------------- writes


def test_a_masked_helper_edits_through_the_app_and_the_stored_phones_stay(masked):
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Address, Customer, Order

    cid = masked.customers["广东"]
    open_team(masked.url_of("south"))
    try:
        shown = Customer.get_by_id(cid)
        assert shown.phone == SHOWN_MOBILE
        address = Address.get(Address.customer == cid)
        assert address.phone == SHOWN_LANDLINE
        edit = customers.AddressEdit({**_values(address), "detail": "2号"}, id=address.id, is_default=True)
        # as the editor saves: with the version it loaded (the row held FOR UPDATE through the view)
        customers.save_customer(cid, {"name": "广东新名", "phone": shown.phone}, [edit], expected_version=shown.version)
        shown = Customer.get_by_id(cid)
        shown.notes = "老客户"
        shown.save()  # peewee's whole-row save writes the masked phone back
        order = Order.get(Order.customer == cid)
        order.items = "茶叶 x2"
        order.save()
        new_order = Order.create(
            customer=cid,
            address=address.id,
            order_date="2026-02-01",
            amount_fen=500,
            items="茶叶 x1",
            address_snapshot={"recipient": "王五", "phone": SHOWN_LANDLINE},
        )
        assert new_order.id and Order.get_by_id(new_order.id).address_snapshot["phone"] == SHOWN_LANDLINE
    finally:
        close_store()
    assert _raw(masked, "SELECT name, phone, notes FROM customer WHERE id = %s", (cid,)) == [
        ("广东新名", MOBILE, "老客户")
    ]
    assert _raw(masked, "SELECT detail, phone FROM address WHERE customer_id = %s", (cid,)) == [("2号", LANDLINE)]
    snapshots = dict(
        _raw(masked, "SELECT items, address_snapshot::jsonb ->> 'phone' FROM orders WHERE customer_id = %s", (cid,))
    )
    assert snapshots == {"茶叶 x2": MOBILE, "茶叶 x1": LANDLINE}
    history = _raw(masked, "SELECT new_values FROM address_change WHERE customer_id = %s ORDER BY id", (cid,))
    assert all("****" not in (r[0] or "") for r in history)


def _values(address) -> dict:
    from sellerdesk.core.fields import ADDRESS_FIELDS

    return {f: getattr(address, f) for f in ADDRESS_FIELDS if hasattr(address, f)}


def test_a_masked_helper_types_new_phones_and_adds_customers(masked):
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Customer

    cid = masked.customers["广东"]
    open_team(masked.url_of("south"))
    try:
        customers.save_customer(cid, {"phone": "13700001111"})
        new = customers.save_customer(
            None,
            {"name": "新客户", "phone": "13600002222"},
            [customers.AddressEdit({"province": "广东", "city": "广州", "district": "天河", "phone": "020-87654321"})],
        )
        assert new.id and Customer.get_by_id(new.id).phone == "136****2222"
    finally:
        close_store()
    assert _raw(masked, "SELECT phone FROM customer WHERE id = %s", (cid,)) == [("13700001111",)]
    assert _raw(masked, "SELECT phone FROM customer WHERE id = %s", (new.id,)) == [("13600002222",)]
    assert _raw(masked, "SELECT phone FROM address WHERE customer_id = %s", (new.id,)) == [("020-87654321",)]


def test_a_masked_helper_cannot_test_guesses_of_the_hidden_digits(masked):
    """A phone with the stored one's mask keeps the stored phone, right guess or wrong: the
    customer's version (which counts changes) says nothing either way."""
    cid = masked.customers["广东"]
    with masked.connect("south") as conn:
        version = conn.execute("SELECT version FROM customer").fetchone()[0]
        for guess in ("13900005601", MOBILE):
            for table in ("customer", "public.customer"):
                conn.execute(f"UPDATE {table} SET phone = %s WHERE id = %s", (guess, cid))
                assert conn.execute("SELECT version, phone FROM customer").fetchone() == (version, SHOWN_MOBILE)
    assert _raw(masked, "SELECT phone FROM customer WHERE id = %s", (cid,)) == [(MOBILE,)]


def test_a_masked_helper_searches_by_the_digits_the_mask_shows(masked):
    from sellerdesk.store import search
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Customer

    def found(text: str) -> list[int]:
        return [c.id for c in Customer.select(Customer.id).where(search.matches(text))]

    cid = masked.customers["广东"]
    open_team(masked.url_of("south"))
    try:
        assert found("5601") == [cid] and found("139") == [cid] and found("广东") == [cid]
        assert found("1234") == [] and found(MOBILE) == [] and found("64641234") == []
        assert found("01") == [cid] and found("12") == []  # the pairs of the mask only
    finally:
        close_store()
    open_team(masked.url_of("boss"))
    try:
        assert cid in found("1234")
    finally:
        close_store()


def test_the_search_function_matches_a_masked_helper_only_by_the_digits_shown(masked):
    """sd_search (schema 21) runs as the table's owner, who reads raw phones: called with psql by
    a masked helper, every way matches the masks, never the hidden digits."""
    cid = masked.customers["广东"]
    call = "SELECT * FROM sd_search(current_user, %s, %s)"
    with masked.connect("south") as conn:
        for way in ("trigram", "scan_phones"):
            for hidden in (*HIDDEN, MOBILE, LANDLINE, "6464"):
                assert conn.execute(call, (way, hidden)).fetchall() == [], (way, hidden)
            assert conn.execute(call, (way, "5601")).fetchall() == [(cid,)]
        assert conn.execute(call, ("grams", "12")).fetchall() == []
        assert conn.execute(call, ("grams", "01")).fetchall() == [(cid,)]
    with masked.connect("east") as conn:  # phones allowed: the raw digits, of their own region only
        zj = masked.customers["浙江"]
        assert conn.execute(call, ("trigram", "12345678")).fetchall() == [(zj,)]
        assert conn.execute(call, ("trigram", "12345601")).fetchall() == []


# ------------------------------------------------------------------------------ switching


def test_giving_and_taking_the_phones_permission_switches_the_role(masked):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(masked.url)
    try:
        store_team.set_phones(masked.names["south"], True)
    finally:
        close_store()
    with masked.connect("south") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(MOBILE,)]
        assert conn.execute("SELECT phone FROM public.address").fetchall() == [(LANDLINE,)]
    open_team(masked.url)
    try:
        store_team.set_phones(masked.names["south"], False)
        store_team.set_phones(masked.names["east"], False)
        with pytest.raises(store_team.TeamError):
            store_team.set_phones(masked.names["viewer"], False)
    finally:
        close_store()
    with masked.connect("south") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(SHOWN_MOBILE,)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT phone FROM public.customer")
    _raw(masked, "UPDATE customer SET phone = %s WHERE id = %s", (MOBILE, masked.customers["浙江"]))
    with masked.connect("east") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(SHOWN_MOBILE,)]


def test_the_cli_switches_a_helpers_phones(cli, masked):
    owner = {"SELLERDESK_DATABASE_URL": masked.url}
    boss = {**owner, "SELLERDESK_USER": masked.names["boss"], "SELLERDESK_PASSWORD": masked.passwords["boss"]}
    done = cli.process("team", "user", "phones", masked.names["south"], "on", env=owner)
    assert done.returncode == 0, done.stderr
    with masked.connect("south") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(MOBILE,)]
    refused = cli.process("team", "user", "phones", masked.names["viewer"], "off", env=owner, check=False)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    # (an owner who may not manage roles: refused in one line, nothing changed)
    with psycopg.connect(masked.url, autocommit=True) as conn:
        conn.execute(f'ALTER ROLE "{masked.names["boss"]}" NOCREATEROLE')
    refused = cli.process("team", "user", "phones", masked.names["south"], "off", env=boss, check=False)
    assert refused.returncode == 1 and "privilege CREATEROLE" in refused.stderr, refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    with masked.connect("south") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(MOBILE,)]
    assert cli.process("team", "user", "phones", masked.names["south"], "off", env=owner).returncode == 0
    with masked.connect("south") as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [(SHOWN_MOBILE,)]


def test_the_app_lists_and_takes_orders_for_a_masked_helper(masked):
    from sellerdesk.store import orders, queries
    from sellerdesk.store.database import close_store, open_team

    cid = masked.customers["广东"]
    open_team(masked.url_of("south"))
    try:
        assert queries.ordered_ids("name") == [cid] and queries.ordered_ids("phone", descending=True) == [cid]
        assert queries.rows_for_ids([cid])[cid].phone == SHOWN_MOBILE
        order = orders.add_order(cid, amount_fen=1200, items="茶叶 x3")
        assert order.address_snapshot["phone"] == SHOWN_LANDLINE
        orders.update_order(order.id, {"notes": "急", "ship_to": {**order.address_snapshot, "detail": "3号"}})
        assert orders.get_order(order.id).address_snapshot["phone"] == SHOWN_LANDLINE
    finally:
        close_store()
    snapshot = _raw(masked, "SELECT address_snapshot::jsonb FROM orders WHERE id = %s", (order.id,))[0][0]
    assert (snapshot["phone"], snapshot["detail"]) == (LANDLINE, "3号")


def test_a_team_made_before_schema_18_is_masked_by_its_migration(pg_admin_url, monkeypatch):
    """Schema step 18 on a team database that has helpers already: the one without phones reads
    masks from then on, the one with phones the phones, with no `team init` again."""
    import functools
    import uuid

    from pg_roles import drop_roles, pg_database_url, user_url
    from sellerdesk.store import customers, migrations
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    suffix = uuid.uuid4().hex[:8]
    names = {"masked": f"m_{suffix}", "phones": f"p_{suffix}"}
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:  # (the template is at the newest schema)
        conn.execute(f'CREATE DATABASE "sd_v16_{suffix}"')
    pg_database = pg_database_url(pg_admin_url, f"sd_v16_{suffix}")
    try:
        with monkeypatch.context() as patched:
            patched.setattr(migrations, "migrate", functools.partial(migrations.migrate, target=16))
            open_team(pg_database, create=True)
            store_team.setup()
            passwords = {k: store_team.add_user(n, "helper", "华南", phones=k == "phones") for k, n in names.items()}
            customers.save_customer(
                None,
                {"name": "广东客户", "phone": MOBILE},
                [customers.AddressEdit({"province": "广东", "city": "深圳"})],
            )
            close_store()
        with psycopg.connect(user_url(pg_database, names["masked"], passwords["masked"]), autocommit=True) as conn:
            assert conn.execute("SELECT phone FROM customer").fetchall() == [(MOBILE,)]  # schema 16: raw
        open_team(pg_database)
        close_store()
        with psycopg.connect(user_url(pg_database, names["masked"], passwords["masked"]), autocommit=True) as conn:
            assert conn.execute("SELECT phone FROM customer").fetchall() == [(SHOWN_MOBILE,)]
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT phone FROM public.customer")
        with psycopg.connect(user_url(pg_database, names["phones"], passwords["phones"]), autocommit=True) as conn:
            assert conn.execute("SELECT phone FROM customer").fetchall() == [(MOBILE,)]
        owner = _raw_url(pg_database, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'sd_masked'")
        assert owner == store_team.group_role("owner", _Named(pg_database))
    finally:
        close_store()
        drop_roles(pg_database, names.values())
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "sd_v16_{suffix}" WITH (FORCE)')


def _raw_url(url: str, sql: str):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql).fetchone()[0]


class _Named:
    """What group_role() reads of a database: its name."""

    def __init__(self, url: str) -> None:
        from urllib.parse import urlsplit

        self.obj = self
        self.database = urlsplit(url).path.lstrip("/")


def test_a_function_of_the_helpers_own_sees_no_row_of_another_region(masked):
    """The views are security barriers: a (leaky) function of the helper's own in a WHERE runs
    after the views' conditions, as it does after the policies on the tables."""
    with masked.connect("south") as conn:
        conn.execute(
            "CREATE FUNCTION pg_temp.peek(text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS "
            "$$BEGIN RAISE NOTICE 'seen: %', $1; RETURN true; END$$"
        )
        seen: list[str] = []
        conn.add_notice_handler(lambda notice: seen.append(notice.message_primary))
        for table, column in (
            ("customer", "name"),
            ("address", "detail"),
            ("customer_fts", "name"),
            ("orders", "items"),
        ):
            conn.execute(f"SELECT count(*) FROM {table} WHERE pg_temp.peek({column}::text)")
        assert seen and all("浙江" not in s and "北京" not in s and "无地址" not in s for s in seen), seen
        assert len(seen) == 4


def test_a_masked_helpers_update_without_phones_goes_to_the_table():
    from sellerdesk.store.postgres import direct_update

    assert direct_update('UPDATE "customer" SET "tags" = %s WHERE ("customer"."id" IN (%s))') == (
        'UPDATE public."customer" SET "tags" = %s WHERE ("customer"."id" IN (%s))'
    )
    for sql in (
        'UPDATE "customer" SET "phone" = %s WHERE ("customer"."id" = %s)',
        "UPDATE customer SET tags = 'x' WHERE phone LIKE %s",
        'UPDATE "orders" SET "address_snapshot" = %s',
        "UPDATE customer_fts SET name = %s",
        "SELECT 1 FROM customer",
    ):
        assert direct_update(sql) == sql


def test_a_masked_helper_tags_many_customers_in_one_statement(masked):
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import DB, Customer

    cid = masked.customers["广东"]
    open_team(masked.url_of("south"))
    try:
        assert DB.obj.masked
        assert Customer.update(tags="老客户").where(Customer.id.in_([cid, masked.customers["浙江"]])).execute() == 1
        shown = Customer.get_by_id(cid)
        shown.tags = "VIP"
        shown.save()  # names the phone: through the view
    finally:
        close_store()
    assert _raw(masked, "SELECT tags, phone FROM customer WHERE id = %s", (cid,)) == [("VIP", MOBILE)]
    assert _raw(masked, "SELECT tags FROM customer WHERE id = %s", (masked.customers["浙江"],)) == [("",)]
