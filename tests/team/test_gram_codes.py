"""The search table's 1-2 character pieces as integer codes (schema 28, store.search_pg.make_gram_codes):
the server's codes are search_pg.gram_code's, every kind of character keeps its own code, and a team
made at schema 27 (text grams, led by the scope or not, a masked helper, an import stopped before
its index builds) migrates to the same answers."""

from __future__ import annotations

import functools
import uuid

import psycopg
import pytest

from pg_roles import drop_roles, pg_database_url, user_url

PIECES = ["a", "z", "A", "0", "9", "_", "-", " ", "张", "南山", "ab", "Ab", "a_", "9-", "😀", "𠀋", "𠀋一", "一𠀋"]
PIECES += ["😀😀", "\U0010ffff", "\U0010ffff\U0010ffff", "\x01", "\x01\x01"]


def _raw(url: str, sql: str, params=()):
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _python_grams(*parts: str) -> list[int]:
    from sellerdesk.store.search_pg import gram_code

    text = " ".join(parts).lower()
    out = [gram_code(c) for c in text]
    out += [gram_code(a + b) for a, b in zip(text, text[1:]) if a != " " and b != " "]
    return sorted(c for c in out if c is not None)


def test_the_servers_codes_are_the_pythons_and_no_two_pieces_share_one(team_store):
    from sellerdesk.store import search_pg
    from sellerdesk.store.postgres import native

    codes = {p: native(team_store, "SELECT sd_gram_code(%s)", (p,)).fetchone()[0] for p in PIECES}
    assert codes == {p: search_pg.gram_code(p) for p in PIECES}
    assert len(set(codes.values())) == len(PIECES)  # (exact: no collision)
    assert all(0 < c < 2**42 for c in codes.values())
    assert native(team_store, "SELECT sd_gram_code(''), sd_gram_code('abc'), sd_gram_code(NULL)").fetchone() == (
        None,
        None,
        None,
    )
    for parts in (("AbC 9", "𠀋😀家", "138 1234", "x-y_z"), ("", "", "", ""), ("一",)):
        made = native(team_store, "SELECT sd_grams(VARIADIC %s::text[])", (list(parts),)).fetchone()[0]
        assert sorted(made) == _python_grams(*parts)
    column = native(
        team_store,
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'customer_fts'::regclass "
        "AND attname IN ('grams', 'masked_grams') ORDER BY attname",
    ).fetchall()
    assert column == [("bigint[]",), ("bigint[]",)]


# --- a team made at schema 27: its grams were text ---------------------------------------------------------------

# sd_grams as schema 16-27 made it (text pieces)
OLD_GRAMS_FUNCTION = (
    "CREATE FUNCTION sd_grams(VARIADIC parts text[]) RETURNS text[] LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$\n"
    "DECLARE\n"
    "  t text := lower(array_to_string(parts, ' '));\n"
    "  a text[] := regexp_split_to_array(t, '');\n"
    "  out text[] := a;\n"
    "BEGIN\n"
    "  FOR i IN 1 .. cardinality(a) - 1 LOOP\n"
    "    IF a[i] <> ' ' AND a[i + 1] <> ' ' THEN out := out || (a[i] || a[i + 1]); END IF;\n"
    "  END LOOP;\n"
    "  RETURN out;\n"
    "END$$"
)


def _back_to_schema_27(db, scoped: bool) -> None:
    """The team's search table as schema 27 left it: text grams in collation "C", their GIN indexes
    led by the scope (btree_gin) or not (a btree index on the scope), sd_search asking text."""
    from sellerdesk.store import masking_pg, migrations, search_pg, team
    from sellerdesk.store.postgres import native

    native(db, "DROP VIEW sd_masked.customer_fts")
    native(db, "DROP INDEX customer_fts_grams, customer_fts_masked_grams")
    native(db, "ALTER TABLE customer_fts DROP COLUMN grams")
    native(db, "DROP FUNCTION sd_grams(text[]), sd_gram_code(text)")
    native(db, OLD_GRAMS_FUNCTION)
    native(db, f'ALTER FUNCTION sd_grams(text[]) OWNER TO "{team.group_role(team.OWNER, db)}"')  # (team init's)
    native(
        db,
        "ALTER TABLE customer_fts ADD COLUMN grams TEXT[] "
        "GENERATED ALWAYS AS (sd_grams(name, wechat, phones, address)) STORED, "
        "ALTER COLUMN masked_grams TYPE text[] USING (CASE WHEN masked_grams IS NULL THEN NULL ELSE "
        " sd_grams(name, wechat, masked_phones, address) END)",
    )
    lead = "scope, " if scoped else ""
    for name, column in (("customer_fts_grams", "grams"), ("customer_fts_masked_grams", "masked_grams")):
        native(db, f'CREATE INDEX {name} ON customer_fts USING gin ({lead}({column} COLLATE "C"))')
    if not scoped:
        native(db, "DROP INDEX customer_fts_trgm, customer_fts_masked_trgm")
        native(db, search_pg.GIN_INDEXES[0][1])
        native(db, masking_pg.SEARCH_SQL[2])
        native(db, f"CREATE INDEX {search_pg.SCOPE_INDEX} ON customer_fts ({search_pg.SCOPE_COLUMN})")
    function = search_pg.function_sql(migrations.team_customer_visible)
    old = function.replace("@> ARRAY[public.sd_gram_code($2)]", "@> ARRAY[$2]")
    old = old.replace("(f.grams)", '(f.grams COLLATE "C")').replace("(f.masked_grams)", '(f.masked_grams COLLATE "C")')
    assert old != function
    native(db, old)
    native(db, "UPDATE meta SET value = '27' WHERE key = 'schema_version'")
    masking_pg.create_views(db)
    team.apply_phones(db)  # (the view's owner and grants, as team init left them)


TERMS = ["广", "广东", "客户", "56", "78", "13", "34", "a", "ab", "B", "𠀋", "𠀋一", "9", "z", "12"]


def _owner_answers(url: str, text_grams: bool) -> dict[str, set[int]]:
    if text_grams:
        sql = 'SELECT rowid FROM customer_fts WHERE (grams COLLATE "C") @> CAST(ARRAY[%s] AS TEXT[])'
    else:
        from sellerdesk.store import search_pg

        sql = search_pg.GRAMS_SQL.replace("?", "%s")
    return {t: {r[0] for r in _raw(url, sql, (t.lower(),))} for t in TERMS}


def _helper_answers(url: str) -> dict[str, set[int]]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {
            t: {r[0] for r in conn.execute("SELECT * FROM sd_search(current_user, 'grams', %s)", (t.lower(),))}
            for t in TERMS
        }


def _found(url: str, text: str) -> list[int]:
    """What the store's search finds for ``text``, bound as the URL's user."""
    from sellerdesk.store import search
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Customer

    open_team(url)
    try:
        return sorted(c.id for c in Customer.select(Customer.id).where(search.matches(text)))
    finally:
        close_store()


@pytest.fixture
def team_at_27(pg_admin_url, monkeypatch):
    """``make(scoped)``: a team database migrated to schema 27 (its grams text again), its first
    owner the superuser, a second owner, a masked helper and a helper with phones of 华南,
    customers in 广东 (one with a WeChat ID of ASCII letters and a name beyond the BMP), 浙江 and
    北京; returns (url, the others' urls: masked, south, boss)."""
    made: list[tuple[str, list[str]]] = []

    def make(scoped: bool = True):
        from sellerdesk.store import customers, migrations
        from sellerdesk.store import team as store_team
        from sellerdesk.store.database import close_store, open_team
        from sellerdesk.store.models import DB
        from team.conftest import seed_customers

        suffix = uuid.uuid4().hex[:8]
        name = f"sd_v27_{suffix}"
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = pg_database_url(pg_admin_url, name)
        helpers = {"masked": f"m_{suffix}", "south": f"s_{suffix}"}
        boss = f"b_{suffix}"  # an owner added later: not the tables' maker, not a superuser
        made.append((url, [*helpers.values(), boss]))
        with monkeypatch.context() as patched:
            patched.setattr(migrations, "migrate", functools.partial(migrations.migrate, target=27))
            open_team(url, create=True)
            store_team.setup()
            urls = {
                who: user_url(url, role, store_team.add_user(role, "helper", "华南", phones=who == "south"))
                for who, role in helpers.items()
            }
            urls["boss"] = user_url(url, boss, store_team.add_user(boss, "owner"))
            seed_customers()
            customers.save_customer(
                None,
                {"name": "𠀋一", "wechat": "AbZ_9", "phone": "13700005678"},
                [customers.AddressEdit({"province": "广东", "city": "广州", "detail": "天河路2号"})],
            )
            with DB.atomic():
                _back_to_schema_27(DB.obj, scoped)
            close_store()
        return url, urls

    yield make
    from sellerdesk.store.database import close_store

    close_store()
    for url, users in made:
        drop_roles(url, users)
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[-1]}" WITH (FORCE)')


def _grams_indexes(url: str) -> dict[str, str]:
    return dict(_raw(url, "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'customer_fts%%grams'"))


@pytest.mark.parametrize(("scoped", "by"), [(True, "admin"), (False, "admin"), (True, "boss")])
def test_a_team_at_27_migrates_to_the_same_answers(team_at_27, scoped, by):
    """The step run by the superuser who made the team, or by an owner added later."""
    from sellerdesk.store import search_pg
    from sellerdesk.store.database import close_store, open_team

    url, helpers = team_at_27(scoped)
    migrating = helpers.pop("boss") if by == "boss" else url
    helpers.pop("boss", None)
    assert _raw(url, "SELECT value FROM meta WHERE key = 'schema_version'") == [("27",)]
    old_indexes = _grams_indexes(url)
    assert len(old_indexes) == 2 and all('COLLATE "C"' in d for d in old_indexes.values())
    before = _owner_answers(url, text_grams=True)
    before_helpers = {who: _helper_answers(u) for who, u in helpers.items()}
    assert before["𠀋一"] and before["ab"] and before["B"]

    open_team(migrating)  # migrates: step 28
    close_store()
    assert _raw(url, "SELECT value FROM meta WHERE key = 'schema_version'") == [("28",)]
    types = _raw(
        url,
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
        "'customer_fts'::regclass AND attname IN ('grams', 'masked_grams') AND NOT attisdropped ORDER BY attname",
    )
    assert types == [("grams", "bigint[]"), ("masked_grams", "bigint[]")]
    new_indexes = _grams_indexes(url)
    assert new_indexes == {n: search_pg.gram_codes_index_sql(d) for n, d in old_indexes.items()}
    assert all(("(scope, " in d) is scoped and "COLLATE" not in d for d in new_indexes.values()), new_indexes
    assert _raw(url, "SELECT count(*) FROM pg_proc WHERE proname = 'sd_grams' AND prorettype = 'int8[]'::regtype") == [
        (1,)
    ]
    # the masked copies were made again (kept: the team has a masked helper), as the trigger makes them
    wrong = _raw(
        url,
        "SELECT count(*) FROM customer_fts WHERE masked_grams IS DISTINCT FROM "
        "sd_grams(name, wechat, sd_mask_phones(phones), address) OR grams IS DISTINCT FROM "
        "sd_grams(name, wechat, phones, address)",
    )
    assert wrong == [(0,)]
    assert _owner_answers(url, text_grams=False) == before
    assert {who: _helper_answers(u) for who, u in helpers.items()} == before_helpers
    # the masked view made again, its owner and grants as they were: the masked helper searches as before
    found = {t: set(_found(helpers["masked"], t)) for t in ("56", "78", "34", "𠀋", "ab")}
    assert found == {t: before_helpers["masked"][t] for t in found}
    assert found["56"] and not found["34"]  # (the digits the mask shows only)
    with psycopg.connect(helpers["masked"], autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT grams FROM public.customer_fts")
    # the owners' grams way reads its index
    with psycopg.connect(url) as conn:
        conn.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in conn.execute("EXPLAIN " + search_pg.GRAMS_SQL.replace("?", "%s"), ("南山",)))
        assert "customer_fts_grams" in plan, plan
    # nothing left to change: the step again is nothing
    from sellerdesk.store.models import DB

    open_team(url)
    try:
        assert search_pg.make_gram_codes(DB.obj) is False
    finally:
        close_store()


def test_an_import_stopped_before_its_index_builds_builds_the_new_index_after_step_28(team_at_27):
    """A big first import (store.index_builds) recorded the text grams' index definitions and was
    killed before building them: step 28 rewrites the records, and the next owner's connection
    builds the index over the codes (the old statement would fail forever)."""
    from sellerdesk.store import index_builds, search_pg
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import DB

    url, _urls = team_at_27(True)
    old = _grams_indexes(url)
    open_team_27 = functools.partial(_raw, url)
    for name in old:
        open_team_27(f'DROP INDEX "{name}"')
        record = index_builds.records([(name, old[name])])[0]
        open_team_27(*record)
    records = dict(_raw(url, "SELECT key, value FROM meta WHERE key LIKE 'pending%%'"))
    assert len(records) == 2 and all('COLLATE "C"' in v for v in records.values())
    with pytest.raises(psycopg.errors.DatatypeMismatch):  # (what the old record does on int8[] grams)
        _raw(url, 'CREATE TEMP TABLE t (g int8[]); CREATE INDEX ON t USING gin ((g COLLATE "C"))')

    open_team(url)  # step 28, then the pending builds (open_team → index_builds.build_pending)
    try:
        assert index_builds.pending(DB.obj) == 0
    finally:
        close_store()
    assert _grams_indexes(url) == {n: search_pg.gram_codes_index_sql(d) for n, d in old.items()}
    assert _raw(url, "SELECT count(*) FROM meta WHERE key LIKE 'pending%%'") == [(0,)]


def test_a_pending_record_is_rewritten_by_the_step(team_at_27, monkeypatch):
    """The same, the builds held back: the records themselves name the new index."""
    from sellerdesk.store import index_builds, search_pg
    from sellerdesk.store.database import close_store, open_team

    url, _urls = team_at_27(False)
    old = _grams_indexes(url)
    for name, definition in old.items():
        _raw(url, f'DROP INDEX "{name}"')
        _raw(url, *index_builds.records([(name, definition)])[0])
    monkeypatch.setattr(index_builds, "build_pending", lambda db, jobs=index_builds.JOBS: 0)
    open_team(url)
    close_store()
    records = dict(_raw(url, "SELECT key, value FROM meta WHERE key LIKE 'pending%%'"))
    expected = {
        index_builds.PREFIX + n: index_builds._if_not_exists(search_pg.gram_codes_index_sql(d)) for n, d in old.items()
    }
    assert records == expected
    assert all(index_builds._valid(k, v) and "COLLATE" not in v for k, v in records.items())
