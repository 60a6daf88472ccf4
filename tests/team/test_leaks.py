"""What a helper can learn outside their regions with psql (issue 20, schema 17): connected AS the
helper, every function and table they can reach, and what each answers."""

from __future__ import annotations

import psycopg
import pytest

# The SECURITY DEFINER functions a helper may call (the policies call the first four for them,
# with current_user) and what else of ours they can execute.
HELPER_DEFINER_FUNCTIONS = {
    "sd_team_sees_all(text)",
    "sd_team_provinces(text)",
    "sd_team_role(text)",
    "sd_team_phones(text)",
    "sd_team_taken_provinces()",
    "sd_search_refresh(integer)",  # remakes a search row from the tables (a masked helper's search writes)
    "sd_search(text,text,text,integer)",  # the index search, answering the caller's rows only (schema 21)
    # trigger functions: a trigger calls them, nobody can call them directly
    "sd_customer_search()",
    "sd_address_search()",
}
# What a helper may read whole (every other table they read has row-level security): the shop's
# own settings (senders, tier rules, message templates, courier rules, the schema version).
HELPER_READS_WHOLE = {"meta"}


def test_a_helper_asks_the_team_functions_about_themselves_only(team):
    south, east = team.names["south"], team.names["east"]
    with team.connect("south") as conn:
        own = conn.execute("SELECT sd_team_provinces(%s)", (south,)).fetchone()[0]
        assert set(own) == {"广东省", "广西壮族自治区", "海南省"}
        for function in ("sd_team_provinces", "sd_team_role", "sd_team_phones", "sd_team_sees_all"):
            for other in (east, team.names["boss"], "no_such_user"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(f"SELECT {function}(%s)", (other,))
    with team.connect("viewer") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT sd_team_provinces(%s)", (south,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a viewer writes nothing, not even this
            conn.execute("SELECT sd_search_refresh(%s)", (team.customers["北京"],))
    with team.connect("boss") as conn:  # an owner reads team_grant anyway
        assert set(conn.execute("SELECT sd_team_provinces(%s)", (east,)).fetchone()[0]) >= {"浙江省"}


def test_what_a_helper_can_reach_is_what_the_docs_list(team):
    """The audit of ARCHITECTURE's "Team mode: what a helper can still learn": the SECURITY
    DEFINER functions of ours they may execute, and the tables they may read whole."""
    with team.connect("south") as conn:
        definers = {
            r[0]
            for r in conn.execute(
                "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND p.prosecdef AND has_function_privilege(p.oid, 'EXECUTE')"
            )
        }
        assert definers == HELPER_DEFINER_FUNCTIONS
        readable = {
            r[0]
            for r in conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind = 'r' AND has_table_privilege(c.oid, 'SELECT') "
                "AND NOT c.relrowsecurity"
            )
        }
        assert readable == HELPER_READS_WHOLE
        assert not conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'SELECT') END"
        ).fetchone()[0]


def test_a_helper_reads_no_sequence_but_still_adds_customers(team):
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team

    with team.connect("south") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT last_value FROM customer_id_seq")
    open_team(team.url_of("south"))
    try:
        made = customers.save_customer(
            None,
            {"name": "新客户", "phone": "13700000000"},
            [customers.AddressEdit({"province": "广东", "city": "广州", "district": "天河", "detail": "5号"})],
        )
    finally:
        close_store()
    assert made.id > team.customers["北京"]


def test_a_helper_sees_only_their_own_region_assignments(team):
    """专人负责: a helper reads their own rows of team_region_owner; a province of their 大区 given
    to someone else still leaves their 我负责的 without telling them to whom."""
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(team.url)
    try:
        store_team.assign_region("华南", team.names["south"])
        store_team.assign_region("海南", team.names["east"])
        store_team.assign_region("华东", team.names["east"])
    finally:
        close_store()
    with team.connect("south") as conn:
        rows = conn.execute("SELECT region, user_name FROM team_region_owner").fetchall()
        assert rows == [("华南", team.names["south"])]
        taken = set(conn.execute("SELECT sd_team_taken_provinces()").fetchone()[0])
        assert taken == {"海南省", "华东"}  # which regions are someone else's, not whose
    open_team(team.url_of("south"))
    try:
        assert store_team.responsible_provinces() == ["广东省", "广西壮族自治区"]
    finally:
        close_store()


def test_an_outside_write_names_the_regions(team):
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.postgres import NoPermissionError

    open_team(team.url_of("south"))
    try:
        with pytest.raises(NoPermissionError) as refused:
            customers.save_customer(
                None,
                {"name": "外地客户", "phone": "13700000002"},
                [customers.AddressEdit({"province": "北京", "city": "北京", "district": "朝阳", "detail": "3号"})],
            )
    finally:
        close_store()
    assert refused.value.outside_regions
    assert "not in the regions of" in str(refused.value)
    from sellerdesk.ui.widgets.errors import server_text  # the app's line (translated by Qt)

    assert server_text(refused.value).startswith("This customer is not in your regions")


def test_an_existing_team_is_closed_by_the_migration(team):
    """A team made before schema 17 (its functions, notifications and grants as they were): its
    first owner opens it, the migration closes the leaks, and from then on any owner may migrate
    (a later step run again by an owner without superuser or CREATEROLE)."""
    from sellerdesk.store import migrations
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.migrations import PG_NOTIFY_TRIGGERS, PG_TEAM_SQL

    helper_g = f"sd_{psycopg.conninfo.conninfo_to_dict(team.url)['dbname']}_helper"
    with psycopg.connect(team.url, autocommit=True) as conn:
        old_functions = [s for s in PG_TEAM_SQL if s.startswith("CREATE OR REPLACE FUNCTION sd_team_")]
        for sql in (*old_functions, PG_NOTIFY_TRIGGERS[0]):
            conn.execute(sql)
        conn.execute(f'GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO "{helper_g}"')
        conn.execute("GRANT EXECUTE ON FUNCTION sd_search_refresh(integer) TO PUBLIC")
        conn.execute("ALTER TABLE team_region_owner DISABLE ROW LEVEL SECURITY")
        conn.execute("DROP FUNCTION sd_team_taken_provinces()")
        conn.execute(f'REVOKE CREATE ON SCHEMA public FROM "{helper_g.replace("_helper", "_owner")}"')
        conn.execute("UPDATE meta SET value = '16' WHERE key = 'schema_version'")
    with team.connect("south") as conn:  # the leak, as it was
        assert conn.execute("SELECT sd_team_provinces(%s)", (team.names["east"],)).fetchone()[0]
        assert conn.execute("SELECT last_value FROM customer_id_seq").fetchone()[0] > 0
    for who in (None, "boss"):  # the first owner; then an owner added later (no superuser, no CREATEROLE)
        if who == "boss":
            with psycopg.connect(team.url, autocommit=True) as conn:
                conn.execute(
                    "UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(migrations.SCHEMA_VERSION - 1),)
                )
        db = open_team(team.url if who is None else team.url_of(who))
        try:
            assert migrations.current_version(db) == migrations.SCHEMA_VERSION
        finally:
            close_store()
    with team.connect("south") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT sd_team_provinces(%s)", (team.names["east"],))
    with team.connect("south") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT last_value FROM customer_id_seq")
    with team.connect("viewer") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT sd_search_refresh(1)")
    with team.connect("south") as conn:
        conn.execute("LISTEN sellerdesk_changes")
        with team.connect("boss") as boss:
            boss.execute("UPDATE customer SET notes = 'z' WHERE id = %s", (team.customers["北京"],))
        (note,) = list(conn.notifies(timeout=5, stop_after=1))
        assert note.payload == '{"table" : "customer"}'
    with team.connect("boss") as conn:
        owner = conn.execute("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'sd_team_taken_provinces'")
        assert owner.fetchone()[0] == helper_g.replace("_helper", "_owner")


def test_row_security_is_asked_once_per_connection_and_table(team):
    """store.bulk asks whether the policies apply (COPY or INSERTs) once, not per batch."""
    from sellerdesk.store import bulk

    with team.connect("east") as helper:
        assert bulk.row_security_active(helper, "customer") is True
        with team.connect("boss") as boss:
            boss.execute("ALTER TABLE customer DISABLE ROW LEVEL SECURITY")
        assert bulk.row_security_active(helper, "customer") is True  # not asked again
    with team.connect("east") as fresh:
        assert bulk.row_security_active(fresh, "customer") is False
