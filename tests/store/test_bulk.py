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
    plan = DB.obj.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM customer WHERE deleted_at IS NULL AND phone = ?", ("13812345678",)
    ).fetchall()
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


ROWS = [(1, "zhang san\x00张三", 'a"b\\c\n😀', None, 0), (2, "", "", 12345678901234, 1)]


def _rows():
    return DB.obj.execute_sql("SELECT id, a, b, c, d FROM t ORDER BY id").fetchall()


@pytest.fixture
def table_t(store):
    DB.obj.execute_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c, d INTEGER)")
    yield
    DB.obj.execute_sql("DROP TABLE t")


@pytest.mark.parametrize("threaded", [True, False])
def test_writer_stores_rows_as_given_in_order(table_t, monkeypatch, threaded):
    if not threaded:  # an SQLite without JSON rows: everything at once, in the calling thread
        monkeypatch.setattr(bulk, "_json_rows_supported", lambda conn: False)
    with DB.atomic():
        with bulk.Writer(depth=1) as writer:
            assert writer.threaded is threaded
            writer.insert("t", ("id", "a", "b", "c", "d"), ROWS)
            writer.run("UPDATE t SET d = d + 10 WHERE id = ?", (2,))
            writer.insert("t", ("id", "a", "b", "c", "d"), [(3, "后来", "", None, 5)])
            writer.wait()
            assert _rows() == [*ROWS[:1], (2, "", "", 12345678901234, 11), (3, "后来", "", None, 5)]
    assert [type(v) for v in _rows()[1]] == [int, str, str, int, int]


def test_a_writer_error_stops_what_follows_and_reaches_the_caller(table_t):
    import peewee as pw

    with pytest.raises(pw.IntegrityError):
        with DB.atomic():
            with bulk.Writer() as writer:
                writer.insert("t", ("id", "a"), [(1, "x")])
                writer.insert("t", ("id", "a"), [(1, "again")])  # the same id: refused
                writer.insert("t", ("id", "a"), [(2, "never")])
                with pytest.raises(pw.IntegrityError):
                    writer.wait()
                assert _rows() == [(1, "x", None, None, None)]
                writer.wait()  # reported once
                with pytest.raises(RuntimeError, match="stopped"):
                    writer.run("DELETE FROM t")  # and nothing more runs
                raise pw.IntegrityError("rolled back")
    assert _rows() == []


def test_leaving_a_writer_with_an_error_drops_its_queue(table_t):
    with pytest.raises(RuntimeError, match="cancel"):
        with DB.atomic():
            with bulk.Writer(depth=8) as writer:
                for i in range(20):
                    writer.insert("t", ("id", "a"), [(i, "x" * 100_000)])
                raise RuntimeError("cancel")
    assert writer._thread is None
    assert _rows() == []


def test_a_second_interrupt_while_stopping_still_waits_for_the_writer(table_t, monkeypatch):
    """Ctrl-C, then Ctrl-C again while the writer is finishing a long statement: the caller may
    only go on (to its rollback) once the writer thread is gone."""
    import signal
    import threading
    import time

    real = bulk.Writer._execute
    running, finished = threading.Event(), threading.Event()

    def slow(self, sql, params):  # stands for a long batch or CREATE INDEX
        running.set()
        time.sleep(1.0)
        real(self, sql, params)
        finished.set()

    monkeypatch.setattr(bulk.Writer, "_execute", slow)
    shots = []

    def interrupt(signum, frame):
        shots.append(running.is_set())
        if len(shots) == 2:
            signal.setitimer(signal.ITIMER_REAL, 0)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            with DB.atomic():
                with bulk.Writer() as writer:
                    writer.insert("t", ("id", "a"), [(1, "x")])
                    running.wait(5)
                    signal.setitimer(signal.ITIMER_REAL, 0.2, 0.2)
                    time.sleep(5)  # the first Ctrl-C lands here, the second while the writer stops
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert shots == [True, True]
    assert finished.is_set()  # the statement ended before the rollback ran
    assert _rows() == []


def test_bulk_order_rows_name_every_column_of_the_order_tables():
    # A column added to Order or OrderItem must be added to the rows the importer and the demo
    # data write in bulk (or it would be left to its default there, silently).
    from sellerdesk.store.bulk import ORDER_COLUMNS, ORDER_ITEM_COLUMNS
    from sellerdesk.store.models import Order, OrderItem

    assert sorted(ORDER_COLUMNS) == sorted(f.column_name for f in Order._meta.sorted_fields)
    item_columns = sorted(f.column_name for f in OrderItem._meta.sorted_fields if f.column_name != "id")
    assert sorted(ORDER_ITEM_COLUMNS) == item_columns


def _cache_kib():
    return -int(DB.obj.execute_sql("PRAGMA cache_size").fetchone()[0])


def test_a_load_that_appends_runs_in_a_small_page_cache_then_the_usual_one(store):
    from sellerdesk.store.bulk_import import bulk_import

    usual = _cache_kib()
    assert usual > bulk.APPEND_CACHE_KIB
    with bulk_import(10) as load:
        assert load.deferred.tables == ["customer", "address", "address_change"]
        assert _cache_kib() == bulk.APPEND_CACHE_KIB  # (rows appended, indexes built from sorted keys)
        load.add_customer({"name": "张三", "phone": "13812345678"}, [])
        load.flush()
        load.build_indexes()
        assert _cache_kib() == usual  # (read by customer from here on)
    assert _cache_kib() == usual and customers.get_customer(1).name == "张三"


def test_the_usual_page_cache_comes_back_after_an_error_and_a_small_load_keeps_it(store):
    from sellerdesk.store.bulk_import import bulk_import

    usual = _cache_kib()
    with pytest.raises(RuntimeError, match="boom"), bulk_import(10):
        assert _cache_kib() == bulk.APPEND_CACHE_KIB
        raise RuntimeError("boom")
    assert _cache_kib() == usual
    for i in range(3):
        customers.create_customer({"name": f"客户{i}"})
    with bulk_import(2) as load:  # (into a bigger table: its indexes kept, random inserts want the cache)
        assert "customer" not in load.deferred.tables and _cache_kib() == usual
    assert _cache_kib() == usual


def test_the_writer_runs_calls_in_its_thread_in_order(store):
    import threading

    seen = []
    with DB.atomic(), bulk.Writer() as writer:
        writer.run("CREATE TEMP TABLE t_calls (x)")
        writer.run("INSERT INTO t_calls VALUES (1)")
        writer.call(lambda: seen.append(threading.current_thread().name))
        writer.wait()
    assert seen == (["sellerdesk-bulk-writer"] if writer.threaded else [threading.current_thread().name])
