import pytest
from old_schema import insert_customer

from sellerdesk.core import clock
from sellerdesk.core.pinyin import sort_key
from sellerdesk.store import migrations, queries
from sellerdesk.store.database import close_store, connect, open_store
from sellerdesk.store.models import Customer

KEY = bytes(range(32))


def _make_v1_file(path):
    db = connect(path, KEY, create=True)
    assert migrations.migrate(db, target=1) == 1
    db.execute_sql(
        "INSERT INTO customer (id, name, phone, wechat, tags, tier, gender, source, notes, flags, "
        "marketing_consent, created_at, updated_at) VALUES "
        "(1, '欧阳娜娜', '13812345678', '', '', '', '', '', '', '', 0, '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
    )
    db.execute_sql(
        "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, status, created_at,"
        " updated_at) VALUES (1, '2021-06-01', 9900, '', '', '', 'shipped', '2021-06-01', '2021-06-01')"
    )
    db.close()


def test_version_1_file_is_migrated_with_a_copy_first(tmp_path):
    path = tmp_path / "sellerdesk.db"
    _make_v1_file(path)
    v1_bytes = path.read_bytes()
    open_store(path, KEY)
    try:
        assert migrations.current_version(Customer._meta.database) == migrations.SCHEMA_VERSION
        customer = Customer.get_by_id(1)
        assert customer.name_pinyin.startswith("ou yang na na")
        assert customer.name_initials == "oynn"
        assert customer.last_order_at.date().isoformat() == "2021-06-01"
    finally:
        close_store()
    copies = list((tmp_path / "pre-migration").iterdir())
    assert len(copies) == 1 and "schema1" in copies[0].name
    assert copies[0].read_bytes() == v1_bytes
    # the copy is still a working version-1 database
    db = connect(copies[0], KEY)
    assert migrations.current_version(db) == 1
    db.close()


def test_fresh_database_runs_every_step(tmp_path):
    db = connect(tmp_path / "new.db", KEY, create=True)
    assert migrations.migrate(db) == migrations.SCHEMA_VERSION
    columns = {c.name for c in db.get_columns("customer")}
    assert {"name_pinyin", "name_initials", "last_order_at"} <= columns
    db.close()
    assert not (tmp_path / "pre-migration").exists()  # nothing to copy for an empty file


def test_failed_step_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "sellerdesk.db"
    _make_v1_file(path)

    def broken(db):
        db.execute_sql("ALTER TABLE customer ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    monkeypatch.setitem(migrations.STEPS, 2, broken)
    db = connect(path, KEY)
    with pytest.raises(RuntimeError):
        migrations.migrate(db)
    assert migrations.current_version(db) == 1
    assert "half_done" not in {c.name for c in db.get_columns("customer")}
    db.close()


def test_step_5_rereads_surnames(tmp_path):
    path = tmp_path / "sellerdesk.db"
    db = connect(path, KEY, create=True)
    migrations.migrate(db, target=4)
    db.execute_sql(
        "INSERT INTO customer (id, name, name_pinyin, name_initials, phone, wechat, tags, tier, gender, source, "
        "notes, flags, marketing_consent, created_at, updated_at) VALUES "
        "(1, '曾伟', 'ceng wei', 'cw', '', '', '', '', '', '', '', '', 0, '2024-01-01', '2024-01-01'),"
        "(2, '张三', ?, 'zs', '', '', '', '', '', '', '', '', 0, '2024-01-01', '2024-01-01')",
        (sort_key("张三"),),
    )
    db.close()
    open_store(path, KEY)
    try:
        rows = {c.id: c for c in Customer.select()}
        assert rows[1].name_pinyin.startswith("zeng wei") and rows[1].name_initials == "zw"
        assert rows[2].name_initials == "zs"
        assert queries.customer_ids(queries.CustomerFilter(search="zw")) == [1]
    finally:
        close_store()


def test_step_6_drops_only_covered_indexes(tmp_path):
    db = connect(tmp_path / "sellerdesk.db", KEY, create=True)
    try:
        migrations.migrate(db, target=5)

        def names():
            sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            return {r[0] for r in db.execute_sql(sql)}

        v5 = names()
        assert set(migrations._V6_REDUNDANT) <= v5
        migrations.migrate(db, target=6)
        assert names() == v5 - set(migrations._V6_REDUNDANT)
        assert {
            "customer_live_name",
            "customer_live_tier",
            "address_customer_id_is_default",
            "address_default_place",
        } <= names()
    finally:
        db.close()


def test_step_7_leaves_repeats_out_of_new_index_rows(tmp_path):
    from sellerdesk.store import customers, search
    from sellerdesk.store.models import DB

    path = tmp_path / "sellerdesk.db"
    db = connect(path, KEY, create=True)
    migrations.migrate(db, target=6)
    DB.initialize(db)
    try:
        old = insert_customer(
            db,
            {"name": "张三", "phone": "13812345678"},
            [
                {
                    "province": "广东省",
                    "city": "深圳市",
                    "district": "南山区",
                    "detail": "桃园路1号",
                    "recipient": "张三",
                    "phone": "13812345678",
                }
            ],
        )
        row = lambda cid: db.execute_sql(  # noqa: E731
            "SELECT phones, address FROM customer_fts WHERE rowid = ?", (cid,)
        ).fetchone()
        assert row(old) == ("13812345678 13812345678", "广东省深圳市南山区桃园路1号 张三")
        migrations.migrate(db)
        assert row(old) == ("13812345678 13812345678", "广东省深圳市南山区桃园路1号 张三")  # not rebuilt
        new = customers.create_customer(
            {"name": "李四", "phone": "13912345678"},
            [
                {
                    "province": "广东省",
                    "city": "深圳市",
                    "district": "南山区",
                    "detail": "桃园路2号",
                    "recipient": "李四",
                    "phone": "13912345678",
                }
            ],
        ).id
        assert row(new) == ("13912345678 ", "广东省深圳市南山区桃园路2号")
        search.forget(db)
        assert search.matching_ids("桃园路") == {old, new} and search.matching_ids("张三") == {old}
    finally:
        DB.initialize(None)
        db.close()


def test_step_8_orders_and_tiers(tmp_path):
    import datetime as dt

    from sellerdesk.store.models import Order

    path = tmp_path / "sellerdesk.db"
    db = connect(path, KEY, create=True)
    migrations.migrate(db, target=7)
    recent = (clock.today() - dt.timedelta(days=10)).isoformat()
    old = (clock.today() - dt.timedelta(days=800)).isoformat()
    silver = insert_customer(db, {"name": "甲", "tier": "银卡"})
    vip = insert_customer(db, {"name": "乙", "tier": "VIP"})
    plain = insert_customer(db, {"name": "丙", "tier": "普通"})
    demo = insert_customer(db, {"name": "丁", "tier": "钻石", "flags": "demo"})
    nobody = insert_customer(db, {"name": "戊"})
    rows = [
        (silver, recent, 10000, "delivered"),
        (plain, recent, 60000, "delivered"),
        (plain, recent, 30000, "returned"),  # the old name of refunded: does not count
        (plain, old, 90000, "delivered"),  # outside the window: counts in totals only
        (demo, recent, 20000, "pending"),
        (demo, recent, 40000, "shipped"),
        (demo, recent, 1000, "cancelled"),
    ]
    for cid, day, amount, status in rows:
        db.execute_sql(
            "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, status, created_at, "
            "updated_at) VALUES (?, ?, ?, '', '', '', ?, '2024-01-01', '2024-01-01')",
            (cid, day, amount, status),
        )
    db.close()
    open_store(path, KEY)
    try:
        assert migrations.current_version(Customer._meta.database) == migrations.SCHEMA_VERSION
        got = {c.id: c for c in Customer.select()}
        assert (got[plain].order_count, got[plain].total_spent_fen) == (2, 150000)
        assert got[plain].first_order_at.date().isoformat() == old
        assert got[plain].last_order_at.date().isoformat() == recent
        assert (got[demo].order_count, got[demo].total_spent_fen) == (2, 60000)
        assert (got[nobody].order_count, got[nobody].last_order_at) == (0, None)
        assert (got[silver].tier, got[silver].tier_manual) == ("silver", True)  # typed by hand: kept
        assert (got[vip].tier, got[vip].tier_manual) == ("VIP", True)
        assert (got[plain].tier, got[plain].tier_manual) == ("silver", False)  # 普通: computed (¥600 in the window)
        assert (got[demo].tier, got[demo].tier_manual) == ("silver", False)  # demo tiers are computed
        assert got[nobody].tier == "normal"
        assert Order.select().where(Order.status == "returned").count() == 0
        assert Order.select().where(Order.status == "refunded").count() == 1
        assert {o.version for o in Order.select()} == {1} and {o.order_no for o in Order.select()} == {""}
    finally:
        close_store()
    assert len(list((tmp_path / "pre-migration").iterdir())) == 1


def test_models_declare_the_migrated_schema(tmp_path):
    from sellerdesk.store.models import ALL_MODELS

    db = connect(tmp_path / "new.db", KEY, create=True)
    try:
        migrations.migrate(db)
        for model in ALL_MODELS:
            table = model._meta.table_name
            declared = {f.column_name: f for f in model._meta.sorted_fields}
            stored = {c.name: c for c in db.get_columns(table)}
            assert set(declared) == set(stored), table
            for name, field in declared.items():
                assert stored[name].null == field.null or field.primary_key, (table, name)
    finally:
        db.close()


def test_step_8_indexes_serve_the_new_queries(tmp_path):
    db = connect(tmp_path / "new.db", KEY, create=True)
    try:
        migrations.migrate(db)

        def plan(sql, params=()):
            return " ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())

        sorts = (("order_count", "customer_live_order_count"), ("total_spent_fen", "customer_live_total_spent"))
        for column, index in sorts:
            text = plan(f'SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY "{column}", id')
            assert index in text and "TEMP B-TREE" not in text
        assert "orders_live_status" in plan(
            "SELECT id FROM orders WHERE deleted_at IS NULL AND status = 'pending' ORDER BY order_date"
        )
        by_courier = "SELECT id FROM orders WHERE deleted_at IS NULL AND courier = ?"
        assert "orders_live_courier" in plan(by_courier, ("顺丰",))
        assert "COVERING INDEX orders_customer" in plan(
            "SELECT count(*), sum(amount_fen) FROM orders WHERE customer_id = 5 AND deleted_at IS NULL "
            "AND status IN ('pending', 'shipped', 'delivered')"
        )
        insert_customer(db, {"name": "甲"})
        with pytest.raises(Exception, match="UNIQUE"):
            for _ in range(2):
                db.execute_sql(
                    "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, status, "
                    "created_at, updated_at, order_no) VALUES (1, '2025-01-01', 1, '', '', '', 'pending', '', '', 'X')"
                )
    finally:
        db.close()


def test_step_9_fills_the_address_key_and_its_indexes_serve_the_queries(tmp_path):
    from sellerdesk.store import customers
    from sellerdesk.store.models import DB

    path = tmp_path / "sellerdesk.db"
    db = connect(path, KEY, create=True)
    migrations.migrate(db, target=8)
    DB.initialize(db)
    try:
        place = {"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "桃园路1号"}
        full = insert_customer(db, {"name": "张三"}, [place])
        no_city = insert_customer(db, {"name": "李四"}, [{**place, "city": ""}])
        no_district = insert_customer(db, {"name": "王五"}, [{**place, "district": ""}])
        none = insert_customer(db, {"name": "赵六"}, [])
        migrations.migrate(db)
        keys = dict(db.execute_sql("SELECT id, address_key FROM customer").fetchall())
        assert keys[full] == "广东省\x01深圳市\x01南山区\x01桃园路1号" and keys[none] is None
        assert queries.incomplete_ids() == {no_city, none}  # an empty district is not incomplete
        assert queries.count_incomplete() == 2
        later = customers.create_customer({"name": "钱七"}, [{**place, "detail": ""}]).id
        assert queries.incomplete_ids() == {no_city, none, later}
        assert no_district not in queries.incomplete_ids()

        def plan(sql, params=()):
            return " ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())

        text = plan('SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY "address_key", id')
        assert "customer_live_address" in text and "TEMP B-TREE" not in text
        assert "customer_live_name_text" in plan(
            "SELECT id FROM customer WHERE deleted_at IS NULL AND name >= ?", ("张",)
        )
        initials = "SELECT id FROM customer WHERE deleted_at IS NULL AND name_initials >= ? AND name_initials < ?"
        assert "customer_live_initials" in plan(initials, ("zs", "zt"))
    finally:
        DB.initialize(None)
        db.close()


def test_step_11_index_answers_the_dashboards_order_figures(tmp_path):
    """Sales per month and orders per status read the index alone (the order rows, with their
    address snapshots, are ~10x slower to read)."""
    db = connect(tmp_path / "new.db", KEY, create=True)
    try:
        migrations.migrate(db)

        def plan(sql):
            return " ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql).fetchall())

        sales = (
            'SELECT substr("order_date", 1, 7) AS m, sum("amount_fen") FROM "orders" WHERE "order_date" >= '
            "'2025-01-01' AND \"deleted_at\" IS NULL AND \"status\" IN ('delivered', 'pending', 'shipped') GROUP BY m"
        )
        assert "COVERING INDEX orders_live_status_amount" in plan(sales)
        by_status = 'SELECT "status", count(*) FROM "orders" WHERE "deleted_at" IS NULL GROUP BY "status"'
        assert "COVERING INDEX orders_live_status" in plan(by_status)  # (step 8's, or this one)
    finally:
        db.close()


def test_step_12_index_answers_the_recheck_probe_alone(tmp_path):
    """The 定期核对 query's "delivered to this address since …" reads the partial index only."""
    db = connect(tmp_path / "new.db", KEY, create=True)
    try:
        migrations.migrate(db)
        from sellerdesk.store import recheck

        where, params = recheck._where_due(
            recheck.core.cutoffs(recheck.core.DEFAULT_CYCLES, recheck.core.add_months(clock.today(), 0)),
            recheck._dialect(db),
        )
        sql = f'SELECT count(*) FROM "address" AS a JOIN "customer" AS c ON c."id" = a."customer_id" WHERE {where}'
        plan = " ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert "USING INDEX orders_delivered_to (address_id=? AND <expr>>?)" in plan
    finally:
        db.close()


def test_step_26_a_trashed_customer_keeps_its_key_and_an_erased_one_loses_it(tmp_path):
    """As PostgreSQL since step 23: the key stays while the customer is in the Trash, is read again
    when it leaves it; an erased customer's key (its street address) is cleared."""
    path = tmp_path / "sellerdesk.db"
    db = connect(path, KEY, create=True)
    migrations.migrate(db, target=24)
    place = {"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "桃园路1号"}
    kept = insert_customer(db, {"name": "张三"}, [place])
    erased = insert_customer(db, {"name": "李四"}, [place])
    db.execute_sql("UPDATE customer SET flags = 'erased', deleted_at = '2026-01-01' WHERE id = ?", (erased,))
    migrations.migrate(db)

    def key(cid):
        return db.execute_sql("SELECT address_key FROM customer WHERE id = ?", (cid,)).fetchone()[0]

    assert key(erased) is None
    full = "广东省\x01深圳市\x01南山区\x01桃园路1号"
    assert key(kept) == full
    db.execute_sql("UPDATE customer SET deleted_at = '2026-01-01' WHERE id = ?", (kept,))
    db.execute_sql("UPDATE address SET customer_id = ? WHERE customer_id = ?", (erased, kept))  # as a merge does
    assert key(kept) == full
    db.execute_sql("UPDATE customer SET deleted_at = NULL WHERE id = ?", (kept,))
    assert key(kept) is None  # out of the Trash: read again from its addresses (none left)
    db.execute_sql("UPDATE address SET customer_id = ? WHERE customer_id = ?", (kept, erased))
    assert key(kept) == full
    db.close()
