"""Row-level security and privileges, checked as psql would see them: connected AS each role."""

from __future__ import annotations

import psycopg
import pytest


def count(conn, table: str) -> int:
    return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def test_a_helper_sees_only_the_customers_of_their_regions_and_what_follows_them(team):
    with team.connect("south") as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM customer")}
        assert names == {"广东客户"}
        assert {r[0] for r in conn.execute("SELECT province FROM address")} == {"广东省"}
        assert [r[0] for r in conn.execute("SELECT customer_id FROM orders")] == [team.customers["广东"]]
        assert count(conn, "order_item") == 1
        assert count(conn, "address_change") == 1
    with team.connect("east") as conn:
        assert {r[0] for r in conn.execute("SELECT name FROM customer")} == {"浙江客户"}


def test_the_search_table_shows_a_helper_only_their_customers(team):
    """customer_fts holds every customer's name and phones: a helper with psql reads only the
    rows of their own customers, and their writes still keep it up to date."""
    with team.connect("south") as conn:
        assert {r[0] for r in conn.execute("SELECT name FROM customer_fts")} == {"广东客户"}
        conn.execute("UPDATE customer SET name = %s WHERE id = %s", ("广东新名", team.customers["广东"]))
        assert {r[0] for r in conn.execute("SELECT name FROM customer_fts")} == {"广东新名"}
    with team.connect("boss") as conn:
        assert count(conn, "customer_fts") == 4


def test_owners_and_viewers_see_everything(team):
    for who in ("boss", "viewer"):
        with team.connect(who) as conn:
            assert count(conn, "customer") == 4
            assert count(conn, "orders") == 3
            assert count(conn, "order_item") == 3


def test_a_viewer_cannot_write(team):
    with team.connect("viewer") as conn:
        for sql in (
            "UPDATE customer SET name = 'x'",
            "INSERT INTO follow_up (customer_id, kind, on_date, channel, note, outcome, status, created_at, "
            "updated_at) VALUES (1, 'followup', '2026-01-01', '', '', '', '', now(), now())",
            "DELETE FROM orders",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)


def test_a_helper_cannot_delete_nor_read_the_team_tables(team):
    with team.connect("south") as conn:
        for sql in (
            "DELETE FROM customer",
            "DELETE FROM address",
            "DELETE FROM orders",
            "SELECT * FROM team_user",
            "SELECT * FROM team_grant",
            "UPDATE audit_entry SET action = 'x'",
            "INSERT INTO meta (key, value) VALUES ('x', 'y')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)


def test_a_helper_updates_only_their_rows(team):
    with team.connect("south") as conn:
        assert conn.execute("UPDATE customer SET notes = 'seen'").rowcount == 1
    with team.connect("boss") as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM customer WHERE notes = 'seen'")] == ["广东客户"]


def test_a_helper_cannot_move_a_customer_out_of_their_regions(team):
    with team.connect("south") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE address SET province = '北京市'")


def test_the_audit_log_names_who_did_it(team):
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import AuditEntry

    open_team(team.url_of("south"))
    try:
        customers.save_customer(team.customers["广东"], {"name": "广东老客户", "phone": "13812345678"})
        actors = {e.actor for e in AuditEntry.select()}
    finally:
        close_store()
    assert actors == {team.names["south"]}  # a helper reads their own entries only
    with team.connect("boss") as conn:
        actors = {r[0] for r in conn.execute("SELECT actor FROM audit_entry")}
    assert team.names["south"] in actors and len(actors) >= 2


def _as(team, who):
    from sellerdesk.store.database import open_team

    return open_team(team.url_of(who))


def test_a_helper_adds_customers_in_their_regions_only(team):
    from sellerdesk.store import customers
    from sellerdesk.store.database import close_store
    from sellerdesk.store.models import Customer
    from sellerdesk.store.postgres import NoPermissionError

    _as(team, "south")
    try:
        made = customers.save_customer(
            None,
            {"name": "新客户", "phone": "13700000000"},
            [customers.AddressEdit({"province": "广西", "city": "南宁", "district": "青秀", "detail": "2号"})],
        )
        # no address yet: seen by whoever made it, and by nobody else of the helpers
        bare = customers.save_customer(None, {"name": "待补地址", "phone": "13700000001"})
        with pytest.raises(NoPermissionError):
            customers.save_customer(
                None,
                {"name": "外地客户", "phone": "13700000002"},
                [customers.AddressEdit({"province": "北京", "city": "北京", "district": "朝阳", "detail": "3号"})],
            )
        seen = {c.name for c in Customer.select()}
    finally:
        close_store()
    assert seen == {"广东客户", "新客户", "待补地址"}  # the refused one left nothing behind
    with team.connect("boss") as conn:
        rows = dict(conn.execute("SELECT name, created_by FROM customer WHERE id IN (%s, %s)", (made.id, bare.id)))
        assert rows == {"新客户": team.names["south"], "待补地址": team.names["south"]}
        assert conn.execute("SELECT count(*) FROM customer WHERE name = '外地客户'").fetchone()[0] == 0
    with team.connect("east") as conn:
        assert conn.execute("SELECT count(*) FROM customer WHERE name = '待补地址'").fetchone()[0] == 0


def test_who_am_i_and_the_phones_flag(team):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store

    expected = {
        "south": ("helper", False),
        "east": ("helper", True),
        "viewer": ("viewer", True),
        "boss": ("owner", True),
    }
    for who, (role, phones) in expected.items():
        _as(team, who)
        try:
            assert store_team.current_user() == team.names[who]
            assert (store_team.current_role(), store_team.may_see_phones()) == (role, phones)
            assert store_team.may("export") is (role == "owner")  # a viewer may not export (no audit entry)
            waybills = role == "owner" or (role == "helper" and phones)  # a helper's only with phones
            assert store_team.may(store_team.WAYBILLS) is waybills
        finally:
            close_store()


def test_region_owners_and_the_mine_filter(team):
    from sellerdesk.store import queries
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(team.url)
    try:
        assert store_team.assign_region("华东", team.names["east"]) == "华东"
        assert store_team.assign_region("北京", team.names["boss"]) == "北京市"
        assert store_team.assign_region("浙江", team.names["boss"]) == "浙江省"  # a province wins over its 大区
        with pytest.raises(store_team.TeamError):
            store_team.assign_region("火星", team.names["boss"])
        users = {u.name: u for u in store_team.users()}
        assert users[team.names["south"]].provinces == ("广东省", "广西壮族自治区", "海南省")
        assert users[team.names["boss"]].responsible_for == ("北京市", "浙江省")
        assert "浙江省" not in store_team.responsible_provinces(team.names["east"])
    finally:
        close_store()
    _as(team, "boss")
    try:
        mine = queries.customer_ids(queries.CustomerFilter(mine=True))
        assert set(mine) == {team.customers["北京"], team.customers["浙江"]}
        assert queries.count_customers(queries.CustomerFilter(mine=True)) == 2
    finally:
        close_store()
    _as(team, "south")
    try:
        assert queries.customer_ids(queries.CustomerFilter(mine=True)) == []
        with pytest.raises(store_team.TeamError):
            store_team.users()  # owners only
    finally:
        close_store()


def test_the_mine_filter_is_empty_in_a_local_database(store):
    from sellerdesk.store import customers, queries
    from sellerdesk.store import team as store_team

    customers.save_customer(None, {"name": "张三", "phone": "13812345678"})
    assert queries.customer_ids(queries.CustomerFilter(mine=True)) == []
    assert (store_team.current_user(), store_team.current_role(), store_team.may_see_phones()) == ("", "owner", True)
    with pytest.raises(store_team.TeamError):
        store_team.add_user("ann", "helper")


def test_bad_user_requests_are_refused_by_name(team):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(team.url)
    try:
        with pytest.raises(store_team.TeamError, match="not a role"):
            store_team.add_user("x_" + team.names["boss"], "admin")
        with pytest.raises(store_team.TeamError, match="neither"):
            store_team.add_user("x_" + team.names["boss"], "helper", "华东,月球")
        with pytest.raises(store_team.TeamError, match="cannot be a user name"):
            store_team.add_user("pg_monitor2", "helper")
        with pytest.raises(store_team.TeamError, match="already exists"):
            store_team.add_user(team.names["south"], "helper")
        assert len(store_team.users()) == 5  # nothing half-made
    finally:
        close_store()


def test_an_owner_who_is_not_superuser_erases_and_vacuums(team):
    """The owners' group owns the tables, so an owner's erase may VACUUM them: the old row versions
    holding the erased values are gone at once (store.privacy.vacuum_personal_tables). pgstattuple
    reads the pages themselves (the statistics views lag)."""
    import psycopg

    from sellerdesk.store import privacy
    from sellerdesk.store.database import close_store

    _as(team, "boss")
    try:
        result = privacy.erase_customer(team.customers["浙江"])
    finally:
        close_store()
    assert result.erased == [team.customers["浙江"]]
    assert result.checkpointed
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        for table in ("customer", "address", "orders", "customer_fts"):
            dead = conn.execute("SELECT dead_tuple_count FROM pgstattuple(%s)", (table,)).fetchone()
            assert dead == (0,), table
