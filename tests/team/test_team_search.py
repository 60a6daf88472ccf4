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
