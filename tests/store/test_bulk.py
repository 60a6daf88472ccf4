"""store.bulk.deferred_indexes: indexes gone during a big load, identical after, restored by a rollback."""

import pytest

from sellerdesk.store import bulk, customers
from sellerdesk.store.models import DB


def _indexes():
    return {t: bulk.index_sql(DB.obj, t) for t in ("customer", "address", "address_change")}


def test_indexes_are_rebuilt_identically(store):
    before = _indexes()
    assert before["customer"] and before["address"]
    with DB.atomic():
        with bulk.deferred_indexes(("customer", "address"), incoming=10) as deferred:
            assert deferred.tables == ["customer", "address"]
            assert bulk.index_sql(DB.obj, "customer") == [] and bulk.index_sql(DB.obj, "address") == []
            customers.create_customer({"name": "张三", "phone": "13812345678"})
    assert _indexes() == before
    plan = DB.obj.execute_sql("EXPLAIN QUERY PLAN SELECT id FROM customer WHERE deleted_at IS NULL AND phone = ?",
                              ("13812345678",)).fetchall()
    assert "INDEX" in " ".join(str(step) for step in plan)


def test_small_loads_into_big_tables_keep_their_indexes(store):
    for i in range(3):
        customers.create_customer({"name": f"客户{i}"})
    before = _indexes()
    with DB.atomic():
        with bulk.deferred_indexes(("customer",), incoming=2) as deferred:
            assert deferred.tables == []
            assert _indexes() == before


def test_an_error_rolls_the_indexes_back(store):
    before = _indexes()
    with pytest.raises(RuntimeError, match="boom"):
        with DB.atomic():
            with bulk.deferred_indexes(("customer", "address", "address_change"), incoming=1000):
                customers.create_customer({"name": "回滚"})
                raise RuntimeError("boom")
    assert _indexes() == before
    assert DB.obj.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0


def test_refuses_to_run_outside_a_transaction(store):
    with pytest.raises(RuntimeError, match="transaction"):
        with bulk.deferred_indexes(("customer",), incoming=10):
            pass


def test_background_rebuild_gives_the_same_indexes(store):
    before = _indexes()
    with DB.atomic():
        with bulk.deferred_indexes(("customer", "address"), incoming=10) as deferred:
            customers.create_customer({"name": "张三"}, [{"province": "广东省", "city": "深圳市", "detail": "1号"}])
            deferred.rebuild_in_background()
            deferred.join()
            assert bulk.index_sql(DB.obj, "customer") == before["customer"]
    assert _indexes() == before


def test_background_rebuild_errors_reach_the_caller_and_roll_back(store):
    import peewee as pw

    before = _indexes()
    with pytest.raises(pw.OperationalError):
        with DB.atomic():
            with bulk.deferred_indexes(("customer",), incoming=10) as deferred:
                customers.create_customer({"name": "回滚"})
                deferred._statements.append('CREATE INDEX "broken" ON "no_such_table" ("x")')
                deferred.rebuild_in_background()
    assert _indexes() == before
    assert DB.obj.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0


def test_an_error_while_the_rebuild_runs_waits_for_it_then_rolls_back(store):
    before = _indexes()
    with pytest.raises(RuntimeError, match="boom"):
        with DB.atomic():
            with bulk.deferred_indexes(("customer", "address"), incoming=10) as deferred:
                customers.create_customer({"name": "回滚"})
                deferred.rebuild_in_background()
                raise RuntimeError("boom")
    assert _indexes() == before
