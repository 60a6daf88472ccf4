"""A team member under the row-level security policies searches through the indexes (schema 21,
``sd_search``, store.search_pg): the same rows as the policies showed before, for every way of
matching — checked connected AS each role, in the store and with psql."""

from __future__ import annotations

import psycopg
import pytest

# terms for every way of matching: trigram (3+ characters), pairs, punctuation scans, initials
TERMS = ("客户", "广东客户", "138", "5678", "13812345678", "广", "东客", "深圳", "1号", "kh", "gd", "-", "号", "无地址")


def _store(team, who):
    from sellerdesk.store.database import open_team

    return open_team(team.url if who == "admin" else team.url_of(who))


def _old_answer(db, sql: str, params: list[str]) -> set[int]:
    """What the user's plain search SQL reads under the policies (before schema 21)."""
    from sellerdesk.store import search_pg

    return search_pg.read_ids(db, sql, params)


@pytest.fixture
def searched(team):
    """The team, and a customer the 华南 helper made without an address (theirs: created_by)."""
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store

    _store(team, "south")
    try:
        own = customers.save_customer(None, {"name": "南方无址客户", "phone": "13700001111"})
        team.customers["south's own"] = own.id
    finally:
        close_store()
    return team


def test_each_role_finds_through_the_function_exactly_what_the_policies_show(searched):
    """For every term and way: the ids sd_search gives the user are the ids the plain SQL read
    as that user (under the policies, or the masked view) — and an owner keeps the plain SQL."""
    from sellerdesk.store import search, search_pg
    from sellerdesk.store.database import close_store

    team = searched
    visible = {
        "south": {team.customers["广东"], team.customers["south's own"]},
        "east": {team.customers["浙江"]},
        "viewer": set(team.customers.values()),
        "boss": set(team.customers.values()),
    }
    for who, rows in visible.items():
        db = _store(team, who)
        try:
            ways = search_pg.ways(db)
            assert ways.through_function is (who != "boss")
            plain = search_pg.Ways(through_function=False)
            for term in TERMS:
                for (sql, params), (old_sql, old_params) in zip(
                    _ways_of(term, ways), _ways_of(term, plain), strict=True
                ):
                    assert (sql == old_sql) is (who == "boss")
                    new = search_pg.read_ids(db, sql, params)
                    assert new == _old_answer(db, old_sql, old_params), (who, term, sql)
                    assert new <= rows
            assert search.matching_ids("客户") == {cid for cid in rows if cid != team.customers[""]}
            assert search.matching_ids("无地址") == rows & {team.customers[""]}
        finally:
            close_store()


def _ways_of(term: str, ways) -> list[tuple[str, list[str]]]:
    """Every way a term can be looked up (store.search picks one by its length and characters)."""
    from sellerdesk.store.search import _escape_like

    contains = f"%{_escape_like(term)}%"
    return [
        ways.trigram(term, contains),
        ways.grams(term.lower()),
        ways.scan(term, contains, phones=True),
        ways.scan(term, contains, phones=False),
        (ways.pinyin_sql, ways.trigram(term, contains)[1]),
    ]


def test_the_function_answers_about_the_caller_only_whatever_the_term(searched):
    """Asked about someone else, it refuses before looking anything up: a term found in another
    region and one found nowhere get the same refusal (no oracle of what exists elsewhere)."""
    team = searched
    with team.connect("south") as conn:
        for other in (team.names["east"], team.names["boss"], team.names["viewer"], "no_such_user"):
            for term in ("浙江客户", "北京", "zzzz-nowhere"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute("SELECT * FROM sd_search(%s, 'trigram', %s)", (other, term))
        ids = {r[0] for r in conn.execute("SELECT * FROM sd_search(current_user, 'trigram', '客户')")}
        assert ids == {team.customers["广东"], team.customers["south's own"]}
        # the role they may become (their group) sees no more than they do
        group = conn.execute(
            "SELECT rolname FROM pg_roles WHERE pg_has_role(session_user, oid, 'MEMBER') AND rolname <> session_user"
        ).fetchone()[0]
        assert not conn.execute("SELECT * FROM sd_search(%s, 'trigram', '客户')", (group,)).fetchall()
        # the term is a term: no wildcard, no pattern error on another region's row
        for term in ("%", "_", "客户\\", "\\", "%客%户"):
            assert not conn.execute("SELECT * FROM sd_search(current_user, 'trigram', %s)", (term,)).fetchall()
        # at most so many (search.is_big asks whether a term finds that many, at the first keystroke)
        assert len(conn.execute("SELECT * FROM sd_search(current_user, 'trigram', '客户', 1)").fetchall()) == 1
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT * FROM sd_search(current_user, 'nothing', '客户')")
    for who in ("viewer", "boss"):  # (the store calls it for viewers; an owner may too, in psql)
        with team.connect(who) as conn:
            ids = {r[0] for r in conn.execute("SELECT * FROM sd_search(current_user, 'grams', '客户')")}
            assert ids == {team.customers[p] for p in ("广东", "浙江", "北京")} | {team.customers["south's own"]}


def test_only_the_team_may_call_it(searched):
    from pg_roles import user_url

    team = searched
    stranger = "stranger_" + team.names["south"].split("_", 1)[1]
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD 'pw-stranger'")
    try:
        with psycopg.connect(user_url(team.url, stranger, "pw-stranger"), autocommit=True) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT * FROM sd_search(current_user, 'trigram', '客户')")
    finally:
        with psycopg.connect(team.url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{stranger}"')
            conn.execute(f'DROP ROLE "{stranger}"')


def test_a_temporary_table_named_like_ours_changes_nothing(searched):
    """PostgreSQL searches the session's pg_temp first for tables unless told otherwise: a helper's
    temporary team_user saying they are an owner made every policy show them every customer."""
    team = searched
    with team.connect("south") as conn:
        seen = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
        conn.execute("CREATE TEMP TABLE team_user (name text, role text)")
        conn.execute("INSERT INTO team_user VALUES (current_user, 'owner')")
        conn.execute("CREATE TEMP TABLE team_grant (user_name text, province text)")
        conn.execute("INSERT INTO team_grant VALUES (current_user, '北京市'), (current_user, '浙江省')")
        conn.execute("CREATE TEMP TABLE customer (id int, address_key text, created_by text)")
        conn.execute("INSERT INTO customer SELECT id, '', current_user FROM generate_series(1, 100) AS id")
        conn.execute("GRANT SELECT ON team_user, team_grant, customer TO PUBLIC")
        assert conn.execute("SELECT count(*) FROM public.customer").fetchone()[0] == seen == 2
        assert conn.execute("SELECT sd_team_sees_all(current_user)").fetchone()[0] is False
        ids = {r[0] for r in conn.execute("SELECT * FROM sd_search(current_user, 'grams', '客户')")}
        assert ids == {team.customers["广东"], team.customers["south's own"]}


def test_an_owner_without_superuser_migrates_a_team_to_it(searched):
    """A team of schema 20 (no function yet, the old search paths), migrated by an owner who is no
    superuser: the function is made, the owners' group's, callable by the team's groups."""
    from sellerdesk.store import migrations, search_pg
    from sellerdesk.store.database import close_store

    team = searched
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute(f"DROP FUNCTION {search_pg.SIGNATURE}")
        conn.execute("ALTER FUNCTION sd_team_sees_all(text) SET search_path = public, pg_catalog")
        conn.execute("UPDATE meta SET value = '20' WHERE key = 'schema_version'")
    db = _store(team, "boss")
    try:
        assert migrations.current_version(db) == migrations.SCHEMA_VERSION
    finally:
        close_store()
    with team.connect("boss") as conn:
        owner, config = conn.execute(
            "SELECT pg_get_userbyid(proowner), proconfig FROM pg_proc WHERE oid = %s::regprocedure",
            (search_pg.SIGNATURE,),
        ).fetchone()
        assert owner.endswith("_owner") and config == [f"search_path={migrations.DEFINER_SEARCH_PATH}"]
        path = conn.execute("SELECT proconfig FROM pg_proc WHERE proname = 'sd_team_sees_all'").fetchone()[0]
        assert path == [f"search_path={migrations.DEFINER_SEARCH_PATH}"]
    test_the_function_answers_about_the_caller_only_whatever_the_term(team)


def test_the_functions_lookups_read_the_indexes(searched):
    """Each way's query (raw and masked phones) is served by its GIN index: the expressions match."""
    from sellerdesk.store import search_pg

    visible = "(SELECT sd_team_sees_all($3)) OR true"  # (the policy part is not what this checks)
    indexes = {"trigram": "trgm", "grams": "grams"}
    with psycopg.connect(searched.url, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")
        for way, index in indexes.items():
            for raw in (True, False):
                query = search_pg.function_query(way, raw, visible)
                conn.execute(f"PREPARE q{way}{raw}(text, text, text, integer) AS {query}")
                plan = " ".join(r[0] for r in conn.execute(f"EXPLAIN EXECUTE q{way}{raw}('%客户%', '客户', 'x', NULL)"))
                expected = f"customer_fts_{'' if raw else 'masked_'}{index}"
                assert expected in plan, plan


# --- schema 27: a helper's lookup restricted to their scopes (the timing side channel) -----------------------------

# what the customers of other regions below are called: each term of TERMS finds them too
_HIDDEN = (("北京", "北京", "朝阳"), ("浙江", "杭州", "西湖"), ("江苏", "南京", "玄武"), ("上海", "上海", "浦东"))


def _stale_scopes(conn) -> list[tuple[int, str | None]]:
    """Search rows whose scope is not their customer's (none, ever)."""
    return conn.execute(
        "SELECT f.rowid, f.scope FROM customer_fts f LEFT JOIN customer c ON c.id = f.rowid "
        "WHERE f.scope IS DISTINCT FROM sd_search_scope(c.address_key, c.created_by)"
    ).fetchall()


@pytest.fixture
def crowded(searched):
    """The team, and many customers outside 华南 that every term finds (广东客户 of other provinces,
    with the same phones), one the 华东 helper made without an address, one the owner made without."""
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store

    team = searched
    _store(team, "admin")
    try:
        for n, (province, city, district) in enumerate(_HIDDEN * 3):
            saved = customers.save_customer(
                None,
                {"name": f"广东客户{n}", "phone": "13812345678", "wechat": f"kh-{n}"},
                [customers.AddressEdit({"province": province, "city": city, "district": district, "detail": "1号"})],
            )
            team.customers[f"hidden {n}"] = saved.id
        team.customers["owner's own"] = customers.save_customer(None, {"name": "无地址客户", "phone": "138"}).id
    finally:
        close_store()
    _store(team, "east")
    try:
        team.customers["east's own"] = customers.save_customer(
            None, {"name": "华东无址客户", "phone": "13812345678"}
        ).id
    finally:
        close_store()
    return team


def _answers_as_the_policies(team, who: str) -> set[int]:
    """For every term and way, sd_search's answer to ``who`` is the plain SQL's under the policies
    (the reference); returns every id found."""
    from sellerdesk.store import search_pg
    from sellerdesk.store.database import close_store

    found: set[int] = set()
    db = _store(team, who)
    try:
        ways = search_pg.ways(db)
        plain = search_pg.Ways(through_function=False)
        for term in (*TERMS, "客户1", "kh-", "1234", "****", "无址"):
            for (sql, params), (old_sql, old_params) in zip(_ways_of(term, ways), _ways_of(term, plain), strict=True):
                new = search_pg.read_ids(db, sql, params)
                assert new == _old_answer(db, old_sql, old_params), (who, term, sql)
                found |= new
    finally:
        close_store()
    return found


def test_hidden_matches_change_no_helpers_answer(crowded):
    """With many customers of other regions matching every term (1-2 characters, trigrams, pinyin
    initials, phone digits, masked phones), each helper still finds exactly what the policies show."""
    from sellerdesk.store import search
    from sellerdesk.store.database import close_store

    team = crowded
    south = _answers_as_the_policies(team, "south")
    assert south == {team.customers["广东"], team.customers["south's own"]}
    east = _answers_as_the_policies(team, "east")
    hidden_east = {
        team.customers[f"hidden {n}"] for n, place in enumerate(_HIDDEN * 3) if place[0] in ("浙江", "江苏", "上海")
    }
    assert east == {team.customers["浙江"], team.customers["east's own"]} | hidden_east
    viewer = _answers_as_the_policies(team, "viewer")
    assert viewer == set(team.customers.values()) - {team.customers[""]} or viewer == set(team.customers.values())
    _store(team, "south")
    try:
        assert search.matching_ids("客户") == {team.customers["广东"], team.customers["south's own"]}
        assert search.matching_ids("5678") == {team.customers["广东"]}  # the masked digits
        assert search.matching_ids("1234") == set()  # hidden by the mask
        assert search.matching_ids("gdkh") == search.matching_ids("gd") == {team.customers["广东"]}  # initials
    finally:
        close_store()
    _store(team, "east")
    try:
        assert search.matching_ids("1234") == {team.customers["浙江"], team.customers["east's own"]} | hidden_east
        assert search.matching_ids("无址") == {team.customers["east's own"]}
    finally:
        close_store()
    with psycopg.connect(team.url, autocommit=True) as conn:
        assert _stale_scopes(conn) == []


def test_the_scope_follows_the_customer(crowded):
    """A customer's search row keeps its scope whatever changes it: an address moved to another
    province (the helper finds the customer then, and no longer after), the default address
    deleted (its maker's then), the Trash and back, a bulk rebuild of the index."""
    from sellerdesk.store import customers, search
    from sellerdesk.store.database import close_store
    from sellerdesk.store.models import Address

    team = crowded
    moved = team.customers["hidden 0"]  # a 北京 customer
    db = _store(team, "admin")
    try:
        address = Address.get(Address.customer == moved)
        customers.save_customer(
            moved, {}, [customers.AddressEdit({"province": "广东"}, id=address.id, is_default=True)]
        )
    finally:
        close_store()
    with psycopg.connect(team.url, autocommit=True) as conn:
        assert _stale_scopes(conn) == []
        assert (
            conn.execute("SELECT scope FROM customer_fts WHERE rowid = %s", (moved,)).fetchone()[0].startswith("广东")
        )
    _store(team, "south")
    try:
        assert moved in search.matching_ids("客户0")
        assert moved in search.matching_ids("广东客户0")
    finally:
        close_store()
    db = _store(team, "admin")
    try:
        customers.delete_address(Address.get(Address.customer == moved).id)
        with psycopg.connect(team.url, autocommit=True) as conn:
            assert _stale_scopes(conn) == []
        customers.save_customer(moved, {}, [customers.AddressEdit({"province": "北京"}, is_default=True)])
        trashed = team.customers["广东"]
        customers.trash_customers([trashed])
        customers.restore_customers([trashed])
        search.rebuild(db)
    finally:
        close_store()
    with psycopg.connect(team.url, autocommit=True) as conn:
        assert _stale_scopes(conn) == []
        assert conn.execute("SELECT count(*) FROM customer_fts WHERE scope IS NULL").fetchone()[0] == 0
    _store(team, "south")
    try:
        assert moved not in search.matching_ids("客户0")
        assert search.matching_ids("客户") == {team.customers["广东"], team.customers["south's own"]}
    finally:
        close_store()


def _plan(conn, query: str, scopes: str = "{p1,p2}") -> list[str]:
    """EXPLAIN of a restricted lookup (one of search_pg.function_query's) over a search table of
    6,000 more rows in 30 scopes, every one holding 客户 (a test table of five rows would be read
    whole whatever the indexes); in the caller's transaction, which rolls them back."""
    conn.execute(
        "INSERT INTO customer_fts (rowid, name, pinyin, wechat, phones, address, scope) "
        "SELECT 100000 + i, '客户' || i, 'kehu', '', '138', '某路', 'p' || (i % 30) FROM generate_series(1, 6000) i"
    )
    conn.execute("ANALYZE customer_fts")
    conn.execute("SET LOCAL enable_seqscan = off")  # (which index conditions, is what is asked)
    conn.execute(f"PREPARE s(text, text, text, integer, text[]) AS {query}")
    plan = [r[0] for r in conn.execute(f"EXPLAIN EXECUTE s('%客户%', '客户', 'x', NULL, '{scopes}')")]
    conn.execute("DEALLOCATE s")
    return plan


def test_a_helpers_lookup_is_restricted_in_the_index_scan(searched):
    """The helper's query is restricted to their scopes inside the index scan (the plan says so; no
    time is measured), for each way served by an index, raw and masked phones; the function a
    helper calls runs it; the unrestricted queries (viewers) name no scope."""
    from sellerdesk.store import search_pg

    visible = "(SELECT sd_team_sees_all($3)) OR true"  # (the policy part is not what this checks)
    with psycopg.connect(searched.url) as conn:
        for way in ("trigram", "grams", "scan"):
            for raw in (True, False):
                plan = _plan(conn, search_pg.function_query(way, raw, visible, scoped=True))
                conn.rollback()
                conds = [line for line in plan if "Index Cond" in line]
                assert any("scope = ANY" in line for line in conds), plan
                assert "scope" not in search_pg.function_query(way, raw, visible)
        source = conn.execute(
            "SELECT prosrc FROM pg_proc WHERE oid = %s::regprocedure", (search_pg.SIGNATURE,)
        ).fetchone()[0]
        assert source.count("f.scope = ANY ($5)") == 2 * len(search_pg.WAYS)


def test_without_btree_gin_a_btree_index_restricts_it(crowded, monkeypatch):
    """A server where btree_gin may not be created (the migrating owner may not, or it is not
    installed): the GIN indexes stay as they were, a btree index on the scope serves the
    restriction, the answers are the same; making it again changes nothing (idempotent)."""
    import peewee as pw

    from sellerdesk.store import masking_pg, postgres, search, search_pg
    from sellerdesk.store.database import close_store

    team = crowded
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute("DROP EXTENSION btree_gin CASCADE")  # (its scoped GIN indexes with it)
        for _name, sql in search_pg.GIN_INDEXES:
            conn.execute(sql)
        for sql in masking_pg.SEARCH_SQL[2:]:
            conn.execute(sql)
    real = postgres.native

    def refusing(db, sql, *args):
        if "EXTENSION" in sql and "btree_gin" in sql:
            raise pw.ProgrammingError('permission denied to create extension "btree_gin"')
        return real(db, sql, *args)

    monkeypatch.setattr(postgres, "native", refusing)
    db = _store(team, "admin")
    try:
        assert search_pg.create_scope(db, search.pg_row_sql("cid")) is False
        assert search_pg.create_scope(db, search.pg_row_sql("cid")) is False
    finally:
        close_store()
    monkeypatch.setattr(postgres, "native", real)
    with psycopg.connect(team.url, autocommit=True) as conn:
        indexes = dict(
            conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customer_fts'").fetchall()
        )
        assert search_pg.SCOPE_INDEX in indexes
        assert not any("(scope, " in d for d in indexes.values()), indexes
        assert _stale_scopes(conn) == []
    with psycopg.connect(team.url) as conn:
        plan = " ".join(_plan(conn, search_pg.function_query("grams", True, "true", scoped=True)))
        conn.rollback()
        assert search_pg.SCOPE_INDEX in plan, plan
    assert _answers_as_the_policies(team, "south") == {team.customers["广东"], team.customers["south's own"]}
    db = _store(team, "admin")  # and with btree_gin back: led by the scope, once
    try:
        assert search_pg.create_scope(db, search.pg_row_sql("cid")) is True
        assert search_pg.create_scope(db, search.pg_row_sql("cid")) is True
    finally:
        close_store()
    with psycopg.connect(team.url, autocommit=True) as conn:
        gins = [
            d
            for (d,) in conn.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'customer_fts' AND indexdef LIKE '%%USING gin%%'"
            )
        ]
        assert len(gins) == 4 and all("gin (scope, " in d and "(scope, scope" not in d for d in gins), gins
        assert search_pg.SCOPE_INDEX not in " ".join(gins)
    assert _answers_as_the_policies(team, "east") >= {team.customers["浙江"], team.customers["east's own"]}
