"""The search table's masked copies kept only while the team has a helper whose phones are masked
(schema 24, store.masking_pg.keep_copies): a team without one imports without them; adding one,
or masking a helper's phones, makes them for every row in the same transaction, and that helper
then finds customers by the digits the mask shows only."""

from __future__ import annotations

import functools
import uuid

import psycopg
import pytest

from pg_roles import drop_roles

PHONE = "13812345678"  # seed_customers' phone of every customer; shown as 138****5678


def _raw(url: str, sql: str, params=()):
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _copies(url: str) -> list[tuple]:
    return _raw(url, "SELECT rowid, masked_phones, masked_grams IS NULL FROM customer_fts ORDER BY rowid")


def _kept(url: str) -> bool | None:
    from sellerdesk.store import masking_pg

    with psycopg.connect(url, autocommit=True) as conn:
        return masking_pg.copies_kept(conn)


def _right(url: str) -> bool:
    """Every row's copies are what its own columns make (as schema 18's generated columns were)."""
    wrong = _raw(
        url,
        "SELECT count(*) FROM customer_fts WHERE masked_phones IS DISTINCT FROM sd_mask_phones(phones) "
        "OR masked_grams IS DISTINCT FROM sd_grams(name, wechat, sd_mask_phones(phones), address)",
    )
    return wrong == [(0,)]


@pytest.fixture
def plain_team(pg_database):
    """A team with its first owner, a second owner and a helper of 华南 who sees phones (no masked
    helper); customers in 广东, 浙江, 北京 and one without an address."""
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team
    from team.conftest import Team, seed_customers

    open_team(pg_database)
    store_team.setup()
    suffix = uuid.uuid4().hex[:8]
    result = Team(url=pg_database)
    result.names["south"] = f"south_{suffix}"
    result.passwords["south"] = store_team.add_user(result.names["south"], "helper", "华南", phones=True)
    result.names["boss"] = f"boss_{suffix}"  # an owner added later: not the tables' creator
    result.passwords["boss"] = store_team.add_user(result.names["boss"], "owner")
    result.customers = seed_customers()
    close_store()
    yield result
    close_store()
    drop_roles(pg_database, result.names.values())


def _found_by(team, who: str, text: str) -> list[int]:
    from sellerdesk.store import search
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Customer

    open_team(team.url_of(who))
    try:
        return sorted(c.id for c in Customer.select(Customer.id).where(search.matches(text)))
    finally:
        close_store()


def test_a_team_without_a_masked_helper_keeps_no_masked_copies(plain_team):
    assert _kept(plain_team.url) is False
    # the grams indexes hold integer codes (schema 28, search_pg.grams_sql; a short-term search is served by
    # them: test_search), no collation
    defs = _raw(plain_team.url, "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'customer_fts%%grams'")
    assert len(defs) == 2 and all("COLLATE" not in d for (d,) in defs)
    # the trigger's function has no SET clause (a pinned search path cost ~175 µs a row: masking_pg.UNPINNED)
    assert _raw(plain_team.url, "SELECT proconfig FROM pg_proc WHERE proname = 'sd_masked_copies'") == [(None,)]
    copies = _copies(plain_team.url)
    assert len(copies) == 4 and all(phones is None and grams_null for _id, phones, grams_null in copies)


def test_adding_a_masked_helper_makes_every_rows_copies_and_they_find_only_the_digits_shown(plain_team):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    name = f"masked_{uuid.uuid4().hex[:8]}"
    plain_team.names["masked"] = name
    open_team(plain_team.url)
    try:
        plain_team.passwords["masked"] = store_team.add_user(name, "helper", "华南", phones=False)
    finally:
        close_store()
    assert _kept(plain_team.url) is True
    assert _right(plain_team.url)
    assert {phones.strip() for _id, phones, _null in _copies(plain_team.url)} == {"138****5678", "139****0000"}
    gd = plain_team.customers["广东"]
    assert _found_by(plain_team, "masked", "5678") == [gd]
    assert _found_by(plain_team, "masked", "56") == [gd]  # a pair the mask shows (grams)
    for hidden in ("1234", "2345", PHONE, "34"):
        assert _found_by(plain_team, "masked", hidden) == [], hidden
    assert _found_by(plain_team, "south", "1234") == [gd]  # phones allowed: the raw digits
    # kept afterwards: a new customer's row, and a changed phone
    open_team(plain_team.url)
    try:
        from sellerdesk.store import customers

        added = customers.save_customer(
            None, {"name": "新客户", "phone": "13987654321"}, [customers.AddressEdit({"province": "广东"})]
        ).id
    finally:
        close_store()
    _raw(plain_team.url, "UPDATE customer SET phone = '13711112222' WHERE id = %s", (gd,))
    assert _right(plain_team.url)
    assert _found_by(plain_team, "masked", "4321") == [added]
    assert _found_by(plain_team, "masked", "2222") == [gd]
    assert _found_by(plain_team, "masked", "5678") == []


def test_masking_a_helpers_phones_makes_the_copies_in_that_transaction(plain_team, monkeypatch):
    from sellerdesk.store import masking_pg
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(plain_team.url_of("boss"))  # (an owner added later may switch them on)
    try:
        # a failure after the copies were made undoes them with the rest
        with monkeypatch.context() as patched:

            def failing(*args, **kwargs):
                raise RuntimeError("after the copies")

            patched.setattr(store_team, "_audit", failing)
            with pytest.raises(RuntimeError):
                store_team.set_phones(plain_team.names["south"], False)
        assert _kept(plain_team.url) is False and _copies(plain_team.url)[0][1] is None
        store_team.set_phones(plain_team.names["south"], False)
    finally:
        close_store()
    assert _kept(plain_team.url) is True and _right(plain_team.url)
    gd = plain_team.customers["广东"]
    assert _found_by(plain_team, "south", "5678") == [gd] and _found_by(plain_team, "south", "1234") == []
    # the phones given back: the copies stay kept (switching them off again is not worth a write of every row)
    open_team(plain_team.url)
    try:
        store_team.set_phones(plain_team.names["south"], True)
        assert masking_pg.keep_copies(store_team._conn(), True) is False  # already on: nothing to do
    finally:
        close_store()
    assert _kept(plain_team.url) is True


def test_no_writer_puts_its_own_values_in_the_copies(plain_team):
    """A helper may write the search table (under its policy); the copies are the row's own or
    NULL, whatever is written."""
    gd = plain_team.customers["广东"]
    with plain_team.connect("south") as conn:
        conn.execute(
            "UPDATE customer_fts SET masked_phones = %s, masked_grams = ARRAY[12] WHERE rowid = %s", (PHONE, gd)
        )
        assert conn.execute("SELECT count(*) FROM customer_fts").fetchone()[0] == 1  # (their region's row)
    assert _copies(plain_team.url)[0][1:] == (None, True)
    from sellerdesk.store import masking_pg

    with psycopg.connect(plain_team.url) as conn:
        assert masking_pg.keep_copies(conn, True) is True
    with plain_team.connect("south") as conn:
        conn.execute("UPDATE customer_fts SET masked_phones = %s WHERE rowid = %s", (PHONE, gd))
        conn.execute(
            "INSERT INTO customer_fts (rowid, phones, masked_phones) VALUES (%s, '', %s) "
            "ON CONFLICT (rowid) DO UPDATE SET masked_phones = EXCLUDED.masked_phones",
            (gd, PHONE),
        )
    assert _right(plain_team.url)


def test_a_copied_team_with_a_masked_helper_has_its_copies_kept(plain_team):
    """A move or a restore brings the source's team_user rows: a masked helper among them turns
    the copies on before the search table is made from the copied rows (team_move._refill_search)."""
    from sellerdesk.store import team_move
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import DB

    _raw(plain_team.url, "UPDATE team_user SET phones = 0 WHERE name = %s", (plain_team.names["south"],))
    assert _kept(plain_team.url) is False
    open_team(plain_team.url)
    try:
        with DB.atomic():
            team_move._refill_search(DB.obj)
    finally:
        close_store()
    assert _kept(plain_team.url) is True and _right(plain_team.url)
    assert {phones.strip() for _id, phones, _null in _copies(plain_team.url)} == {"138****5678", "139****0000"}


@pytest.mark.parametrize("masked_helper", [False, True])
def test_schema_24_on_a_team_made_before_it(pg_admin_url, monkeypatch, masked_helper):
    """Step 24 on a team at schema 23 (the copies generated columns): kept, with their values, when
    it has a masked helper; else emptied and off — and switched on by the first masked helper."""
    from pg_roles import pg_database_url
    from sellerdesk.store import customers, migrations
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    suffix = uuid.uuid4().hex[:8]
    name = f"sd_v23_{suffix}"
    helper = f"h_{suffix}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_database_url(pg_admin_url, name)
    try:
        with monkeypatch.context() as patched:
            patched.setattr(migrations, "migrate", functools.partial(migrations.migrate, target=23))
            open_team(url, create=True)
            store_team.setup()
            store_team.add_user(helper, "helper", "华南", phones=not masked_helper)
            customers.save_customer(
                None, {"name": "广东客户", "phone": PHONE}, [customers.AddressEdit({"province": "广东"})]
            )
            close_store()
        assert _kept(url) is None and _copies(url)[0][1].strip() == "138****5678"  # schema 23: generated
        # (a team made at 23 had its grams indexes in the database's collation)
        for index, column in (("customer_fts_grams", "grams"), ("customer_fts_masked_grams", "masked_grams")):
            _raw(url, f"DROP INDEX {index}; CREATE INDEX {index} ON customer_fts USING gin ({column})")
        open_team(url)
        close_store()
        generated = _raw(
            url,
            "SELECT count(*) FROM pg_attribute WHERE attrelid = 'customer_fts'::regclass AND attgenerated <> '' "
            "AND attname LIKE 'masked%%'",
        )
        assert generated == [(0,)]
        defs = _raw(url, "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'customer_fts%%grams'")
        assert len(defs) == 2 and all("COLLATE" not in d for (d,) in defs)  # integer codes (schema 28)
        # the owners' group's, as `team init` left every function: not the migrating owner's (review)
        assert _raw(url, "SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'sd_masked_copies'") == [
            (f"sd_{name}_owner",)
        ]
        assert _kept(url) is masked_helper
        assert (_copies(url)[0][1] or "").strip() == ("138****5678" if masked_helper else "")
        if not masked_helper:
            open_team(url)
            try:
                store_team.set_phones(helper, False)
            finally:
                close_store()
            assert _kept(url) is True
        assert _right(url)
    finally:
        close_store()
        drop_roles(url, [helper])
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
