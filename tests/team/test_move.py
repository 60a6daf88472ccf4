"""Moving the local store to a team server and back (store.team_move): every row, one transaction, checked."""

from __future__ import annotations

import pytest

from sellerdesk.store import customers, demo, search, team_move
from sellerdesk.store.models import DB, Customer
from sellerdesk.store.postgres import native


def table_rows(db, table, columns="*"):
    order = "id" if table != "meta" else "key"
    return [tuple(r) for r in db.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY "{order}"').fetchall()]


def indexes(db):
    """The team database's indexes and constraints (foreign keys too): the copy drops and remakes some."""
    sql = "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2"
    constraints = (
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2"
    )
    return native(db, sql).fetchall(), native(db, constraints).fetchall()


@pytest.fixture
def local_with_data(store):
    demo.generate(60, seed=7)
    customers.save_customer(
        None,
        {"name": "张三", "phone": "13812345678", "notes": "100% 满意"},
        [customers.AddressEdit({"province": "广东", "city": "深圳", "district": "南山", "detail": "科技园1号"})],
    )
    DB.execute_sql("INSERT INTO meta (key, value) VALUES ('tier_rules', '{\"x\": 1}')")
    return store


@pytest.fixture
def team_db(pg_database):
    from sellerdesk.store import migrations, postgres

    db = postgres.connect(pg_database)
    migrations.migrate(db)
    yield db
    db.close()


def test_every_row_arrives_with_its_ids_and_the_sequences_go_on_after_them(local_with_data, team_db):
    local = DB.obj
    before = indexes(team_db)
    result = team_move.copy_database(local, team_db)
    assert result.customers == 61
    assert indexes(team_db) == before  # dropped for the copy, built again
    for table in ("customer", "address", "orders", "order_item", "address_change", "points_entry"):
        mine = table_rows(local, table, "id")
        assert mine == table_rows(team_db, table, "id"), table
    columns = '"id", "name", "phone", "notes", "address_key", "total_spent_fen", "created_at"'
    here = [(*r[:6], str(r[6])) for r in table_rows(local, "customer", columns)]
    there = [(*r[:6], str(r[6])) for r in table_rows(team_db, "customer", columns)]
    assert here == there
    assert ("tier_rules", '{"x": 1}') in table_rows(team_db, "meta")
    # the next customer saved on the server gets a fresh id
    DB.initialize(team_db)
    try:
        from sellerdesk.store import search

        # the server's search table is made from the copied rows (QA: a move searched nothing)
        first = table_rows(local, "customer", '"id", "name", "phone"')[0]
        assert first[0] in search.matching_ids(first[1]) and first[0] in search.matching_ids(first[2][-5:])
        saved = customers.save_customer(None, {"name": "李四", "phone": "13900000000"}, [])
        assert saved.id == max(r[0] for r in table_rows(local, "customer", "id")) + 1
    finally:
        DB.initialize(local)


def test_a_target_with_data_is_refused_and_left_as_it_was(local_with_data, team_db):
    local = DB.obj
    DB.initialize(team_db)
    try:
        customers.save_customer(None, {"name": "王五"}, [])
    finally:
        DB.initialize(local)
    with pytest.raises(team_move.TargetNotEmptyError) as caught:
        team_move.copy_database(DB.obj, team_db)
    assert caught.value.rows >= 1
    assert table_rows(team_db, "customer", "name") == [("王五",)]
    assert table_rows(team_db, "address") == []


def test_a_copy_that_does_not_match_rolls_back_whole(local_with_data, team_db, monkeypatch):
    real = team_move._facts

    def off_by_one(db, table):
        facts = real(db, table)
        if table.name == "orders" and db is team_db:
            facts[0] += 1
        return facts

    monkeypatch.setattr(team_move, "_facts", off_by_one)
    before = indexes(team_db)
    with pytest.raises(team_move.MoveCheckError) as caught:
        team_move.copy_database(DB.obj, team_db)
    assert caught.value.table == "orders"
    for table in ("customer", "address", "orders"):
        assert table_rows(team_db, table) == []
    assert ("tier_rules", '{"x": 1}') not in table_rows(team_db, "meta")
    assert indexes(team_db) == before


def test_a_team_database_copies_into_a_fresh_local_file_and_searches_there(local_with_data, team_db, tmp_path):
    from sellerdesk.store import database, migrations

    team_move.copy_database(DB.obj, team_db)
    fresh = database.connect(tmp_path / "copy.db", local_with_data.key, create=True)
    migrations.migrate(fresh)
    try:
        result = team_move.copy_database(team_db, fresh)
        assert result.customers == 61
        for table in ("customer", "address", "orders", "order_item", "follow_up", "customer_merge"):
            assert table_rows(fresh, table) == table_rows(DB.obj, table), table
        assert table_rows(fresh, "meta") == table_rows(DB.obj, "meta")
        # the search index is built from the rows
        local = DB.obj
        DB.initialize(fresh)
        try:
            (zs,) = Customer.select().where(Customer.phone == "13812345678")
            assert search.matching_ids("科技园1号") == {zs.id}
        finally:
            DB.initialize(local)
    finally:
        fresh.close()
