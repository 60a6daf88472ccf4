"""The importer on a team server: rows through COPY, ids from the sequences."""

from __future__ import annotations

from sellerdesk.exchange import importer
from sellerdesk.store import bulk, customers
from sellerdesk.store.models import DB, Address, AddressChange, Customer
from sellerdesk.store.postgres import native


def test_imported_rows_take_ids_from_the_sequences_and_saving_goes_on_after_them(team_store, sheets):
    first = customers.save_customer(None, {"name": "先来的"}, [])
    # another user's id taken meanwhile: the import must not collide with it
    taken = bulk.Numbers("customer").take()
    rows = [["姓名", "手机", "省份", "城市", "区县", "详细地址"]]
    rows += [[f"客户{i}", f"1380000{i:04d}", "广东", "深圳", "南山", f"科技园{i}号"] for i in range(30)]
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": rows}))
    assert result.counts["new"] == 30
    ids = [c.id for c in Customer.select().where(Customer.id != first.id)]
    assert taken not in ids and len(set(ids)) == 30
    later = customers.save_customer(None, {"name": "后来的"}, [])
    assert later.id > max(ids)
    # each added address has its history row and its customer its address key (written with the row)
    assert AddressChange.select().where(AddressChange.action == "create").count() == Address.select().count() == 30
    keyed = Customer.select().where(Customer.address_key.startswith("广东省\x01深圳市\x01南山区\x01科技园"))
    assert keyed.count() == 30


def test_fix_sequences_goes_past_rows_written_with_their_own_ids(team_store):
    DB.execute_sql(
        "INSERT INTO customer (id, name, name_pinyin, name_initials, phone, wechat, tags, tier, gender, source, "
        "notes, flags, marketing_consent, order_count, total_spent_fen, tier_manual, points, created_at, updated_at, "
        "consent_via) VALUES (500, '甲', 'jia', 'j', '', '', '', '', '', '', '', '', 0, 0, 0, 0, 0, "
        "'2024-01-01 00:00:00', '2024-01-01 00:00:00', '')"
    )
    bulk.fix_sequences(["customer"])
    assert customers.save_customer(None, {"name": "乙"}, []).id == 501


def _rows(count: int, start: int = 0) -> list[list[str]]:
    rows = [["姓名", "手机", "省份", "城市", "区县", "详细地址"]]
    rows += [
        [f"客户{i}", f"1380000{i:04d}", "广东", "深圳", "南山", f"科技园{i}号"] for i in range(start, start + count)
    ]
    return rows


def _gin_indexes() -> set[str]:
    sql = "SELECT indexname FROM pg_indexes WHERE tablename = 'customer_fts' AND indexdef LIKE '%USING gin%'"
    return {row[0] for row in DB.execute_sql(sql).fetchall()}


def _indexes(table: str) -> dict[str, str]:
    sql = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s"
    return dict(native(DB, sql, (table,)).fetchall())


def _pending() -> list[str]:
    return [row[0] for row in native(DB, "SELECT key FROM meta WHERE key LIKE 'pending%%' ORDER BY key").fetchall()]


def test_a_big_import_builds_the_search_indexes_after_its_rows_and_finds_the_same(team_store, sheets, monkeypatch):
    from sellerdesk.store import index_builds, search, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    built: list[int] = []
    build = index_builds.build_pending
    monkeypatch.setattr(index_builds, "build_pending", lambda db, jobs=3: built.append(build(db, jobs)) or built[-1])
    before = _gin_indexes()  # its own two and the masked copies' two (store.masking_pg)
    assert len(before) == 4
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    # the four dropped at the start, recorded with the rows, built after the commit
    assert result.counts["new"] == 20 and built == [4]
    assert _gin_indexes() == before and _pending() == []
    assert len(search.matching_ids("客户1")) == 11 and len(search.matching_ids("科技")) == 20
    # a smaller import into the table that now holds 20 rows keeps the indexes row by row
    importer.import_file(sheets.xlsx("b.xlsx", {"S": _rows(10, start=100)}))
    assert built == [4, 0] and len(search.matching_ids("科技")) == 30


def test_a_big_first_import_builds_customers_sort_indexes_after_its_commit_as_they_were(
    team_store, sheets, monkeypatch
):
    from sellerdesk.store import search, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    customer, address, fts = _indexes("customer"), _indexes("address"), _indexes("customer_fts")
    assert len(customer) > 10  # (the sort indexes, the primary key)
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20
    assert (_indexes("customer"), _indexes("address"), _indexes("customer_fts")) == (customer, address, fts)
    assert _pending() == []
    assert [c.name for c in Customer.select().order_by(Customer.name_pinyin).limit(2)] == ["客户0", "客户1"]
    assert len(search.matching_ids("13800000019")) == 1


def test_indexes_left_unbuilt_by_a_stopped_import_are_built_at_the_next_connection(
    team_store, pg_database, sheets, monkeypatch
):
    from sellerdesk.store import index_builds, search, search_pg
    from sellerdesk.store.database import connect_team

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    customer, fts, address = _indexes("customer"), _indexes("customer_fts"), _indexes("address")
    build = index_builds.build_pending
    # the process stops right after the import's commit (kill -9): nothing built
    monkeypatch.setattr(index_builds, "build_pending", lambda db, jobs=3: 0)
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20
    waiting = _pending()
    assert "pending_index:customer_fts_grams" in waiting and "pending_index:address_default_place" in waiting
    assert len(waiting) == len(fts) - 1 + len(customer) - 1 + 1  # (and address's by region)
    assert len(_indexes("customer_fts")) == 1  # (its primary key)
    # the rows are all there and found meanwhile (the table read instead of its indexes)
    assert len(search.matching_ids("科技")) == 20 and Customer.select().count() == 20
    monkeypatch.setattr(index_builds, "build_pending", build)
    other = connect_team(pg_database)  # the next start
    try:
        assert index_builds.pending(other) == 0
    finally:
        other.close()
    assert (_indexes("customer"), _indexes("customer_fts"), _indexes("address")) == (customer, fts, address)
    assert _pending() == []


def test_an_import_that_fails_leaves_every_index_and_no_record(team_store, sheets, monkeypatch):
    import pytest

    from sellerdesk.store import search_pg
    from sellerdesk.store.bulk_import import BulkImport

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    customer, fts = _indexes("customer"), _indexes("customer_fts")

    def broken(self: BulkImport) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(BulkImport, "build_indexes", broken)
    with pytest.raises(Exception, match="disk gone"):
        importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert Customer.select().count() == 0
    assert (_indexes("customer"), _indexes("customer_fts")) == (customer, fts) and _pending() == []


def _foreign_keys() -> dict[str, str]:
    sql = (
        "SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = 'public'::regnamespace"
    )
    return dict(native(DB, sql).fetchall())


def test_a_big_first_import_checks_its_foreign_keys_at_once_and_keeps_every_one(team_store, sheets, monkeypatch):
    """Address's and the history's foreign keys are dropped for a big first load (COPY checked each
    row, with a row lock on the customer it names) and added again before the commit, which checks
    every row at once; the history's indexes too."""
    import pytest

    from sellerdesk.store import bulk_import, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    keys, history = _foreign_keys(), _indexes("address_change")
    assert "address.address_customer_id_fkey" in keys and "address_change.address_change_address_id_fkey" in keys
    during: list[dict[str, str]] = []
    real = bulk_import.BulkImport.build_indexes

    def build_indexes(self: bulk_import.BulkImport) -> None:
        during.append(_foreign_keys())
        real(self)

    monkeypatch.setattr(bulk_import.BulkImport, "build_indexes", build_indexes)
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20 and AddressChange.select().count() == 20
    assert not any(name.startswith(("address.", "address_change.")) for name in during[0])  # (dropped for the load)
    assert _foreign_keys() == keys and _indexes("address_change") == history
    # an address naming no customer is refused when the keys are added again: nothing lands
    monkeypatch.setattr(bulk_import.BulkImport, "build_indexes", real)
    native(DB, "DELETE FROM address_change")
    native(DB, "DELETE FROM address")
    native(DB, "DELETE FROM customer")
    real_add = bulk_import.BulkImport.add_customer

    def orphan(self: bulk_import.BulkImport, *args, **kwargs):  # type: ignore[no-untyped-def]
        cid = real_add(self, *args, **kwargs)
        self.address_rows = [(row[0], row[1] + 10_000, *row[2:]) for row in self.address_rows]
        return cid

    monkeypatch.setattr(bulk_import.BulkImport, "add_customer", orphan)
    with pytest.raises(Exception, match="address_customer_id_fkey"):
        importer.import_file(sheets.xlsx("b.xlsx", {"S": _rows(20, 100)}))
    assert Customer.select().count() == 0 and Address.select().count() == 0
    assert _foreign_keys() == keys and _indexes("address_change") == history


def test_an_imports_search_rows_carry_the_scope_the_policy_reads(team_store, sheets, monkeypatch):
    """The importer sends each search row's scope (its default address's province) with it, so the
    insert trigger need not read it; a customer without a province is left to the trigger (its
    maker). Every row's scope is what the table's own function makes of the customer."""
    from sellerdesk.store import search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    rows = _rows(12) + [
        ["无地址", "13900000001", "", "", "", ""],
        ["上海客户", "13900000002", "上海", "", "", "南京路1号"],
    ]
    assert importer.import_file(sheets.xlsx("a.xlsx", {"S": rows})).counts["new"] == 14
    sql = (
        f"SELECT f.{search_pg.SCOPE_COLUMN}, {search_pg.scope_sql('c.address_key', 'c.created_by')} "
        "FROM customer_fts f JOIN customer c ON c.id = f.rowid"
    )
    scopes = native(DB, sql).fetchall()
    assert len(scopes) == 14 and all(row[0] == row[1] for row in scopes)
    assert {row[0] for row in scopes} >= {"广东省", "上海市"} and any(row[0].startswith("\x01") for row in scopes)


def _probe_pending() -> tuple[str, str]:
    """An index of customer made, then dropped and recorded for after the commit as a big import does."""
    from sellerdesk.store import index_builds

    name = "customer_name_pinyin_probe"
    native(DB, f'CREATE INDEX "{name}" ON customer (name_pinyin)')
    definition = _indexes("customer")[name]
    with DB.atomic():
        native(DB, f'DROP INDEX "{name}"')
        index_builds.defer(DB, [(name, definition)])
    return name, definition


def test_pending_index_builds_leave_what_this_user_may_not_build(team_store, pg_database, monkeypatch):
    from sellerdesk.store import index_builds

    name, definition = _probe_pending()
    # a connection that cannot build (here: no connection at all) leaves the record for later
    monkeypatch.setattr(type(DB.obj), "_connect", lambda self: (_ for _ in ()).throw(OSError("no server")))
    assert index_builds.build_pending(DB.obj) == 0
    monkeypatch.undo()
    assert _pending() == [f"pending_index:{name}"]
    assert index_builds.build_pending(DB.obj) == 1
    assert _indexes("customer")[name] == definition and _pending() == []


def test_a_big_import_keeps_the_search_indexes_when_someone_holds_the_table(
    team_store, pg_database, sheets, monkeypatch
):
    import psycopg

    from sellerdesk.store import search, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(search_pg, "REBUILD_LOCK_WAIT", "100ms")
    before = _gin_indexes()
    with psycopg.connect(pg_database) as other:  # another user's search, its transaction still open
        other.execute("SELECT count(*) FROM customer_fts").fetchone()
        result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20
    assert _gin_indexes() == before
    assert len(search.matching_ids("科技")) == 20


def test_a_default_address_an_import_adds_to_a_database_customer_sets_its_address_key(team_store, sheets):
    # the address-key insert trigger stands aside during an import (schema 19); the import sets the key
    plain = customers.save_customer(None, {"name": "老客户", "phone": "13900000001"}, [])
    assert Customer.get_by_id(plain.id).address_key is None
    rows = [
        ["姓名", "手机", "省份", "城市", "区县", "详细地址"],
        ["老客户", "13900000001", "浙江", "杭州", "西湖", "文三路1号"],
    ]
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": rows}))
    assert result.counts["new"] == 0 and result.counts["addresses_added"] == 1
    assert Customer.get_by_id(plain.id).address_key == "浙江省\x01杭州市\x01西湖区\x01文三路1号"


def test_the_insert_triggers_stand_aside_only_while_their_setting_is_on(team_store):
    from sellerdesk.store.migrations import BULK_KEYS_SETTING
    from sellerdesk.store.postgres import native

    cid = customers.save_customer(None, {"name": "甲"}, []).id
    address = (
        "INSERT INTO address (customer_id, recipient, phone, province, city, district, detail, postal_code, adcode, "
        "label, is_default, created_at, updated_at) VALUES (%s, '', '', %s, '', '', '', '', '', '', 1, now(), now())"
    )
    with DB.atomic():
        native(DB, "SELECT set_config(%s, 'on', true)", (BULK_KEYS_SETTING,))
        native(DB, address, (cid, "江苏"))
        assert Customer.get_by_id(cid).address_key is None  # skipped: a bulk import writes it itself
    with DB.atomic():  # the setting ended with its transaction
        native(DB, address, (cid, "安徽"))
    assert Customer.get_by_id(cid).address_key == "安徽\x01\x01\x01"


def test_a_pending_index_whose_table_is_held_by_another_user_waits_for_a_later_try(
    team_store, pg_database, monkeypatch
):
    import psycopg

    from sellerdesk.store import index_builds

    monkeypatch.setattr(index_builds, "LOCK_WAIT", "100ms")
    name, definition = _probe_pending()
    with psycopg.connect(pg_database) as other:  # another user's write, its transaction still open
        other.execute("UPDATE customer SET name = name WHERE false")
        other.execute("LOCK TABLE customer IN ROW EXCLUSIVE MODE")
        assert index_builds.build_pending(DB.obj) == 0
    assert _pending() == [f"pending_index:{name}"]
    assert index_builds.build_pending(DB.obj) == 1 and _indexes("customer")[name] == definition


def test_a_big_import_into_a_team_with_a_masked_helper_fills_every_rows_masked_copies(team_store, sheets, monkeypatch):
    from sellerdesk.store import masking_pg, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    with DB.atomic():
        masking_pg.keep_copies(DB.connection(), True)  # (as adding a masked helper does)
    before = _gin_indexes()
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20 and _gin_indexes() == before and _pending() == []
    wrong = native(
        DB,
        "SELECT count(*) FROM customer_fts WHERE masked_phones IS DISTINCT FROM sd_mask_phones(phones) "
        "OR masked_grams IS DISTINCT FROM sd_grams(name, wechat, sd_mask_phones(phones), address)",
    ).fetchone()[0]
    assert wrong == 0
    assert native(DB, "SELECT count(*) FROM customer_fts WHERE masked_grams IS NOT NULL").fetchone()[0] == 20


def test_a_pending_record_that_is_not_one_of_our_indexes_is_never_run(team_store):
    from sellerdesk.store import index_builds

    with DB.atomic():
        for key, value in (
            (
                "pending_index:x",
                "CREATE INDEX IF NOT EXISTS x ON public.customer USING btree (name); CREATE TABLE probe()",
            ),
            ("pending_index:y", "ALTER TABLE customer DISABLE ROW LEVEL SECURITY"),
            ("pending_index:z", "CREATE INDEX IF NOT EXISTS z ON public.team_user USING btree (name)"),
        ):
            native(DB, "INSERT INTO meta (key, value) VALUES (%s, %s)", (key, value))
    assert index_builds.build_pending(DB.obj) == 0
    assert _pending() == []  # (dropped with a warning)
    assert "x" not in _indexes("customer") and "z" not in _indexes("team_user")
    assert native(DB, "SELECT to_regclass('public.probe') IS NULL").fetchone()[0]
    assert native(DB, "SELECT relrowsecurity FROM pg_class WHERE oid = 'public.customer'::regclass").fetchone()[0]


def test_a_big_import_while_another_member_is_connected_drops_no_index(team_store, pg_database, sheets, monkeypatch):
    import psycopg

    from sellerdesk.store import index_builds, search, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(bulk, "PG_REBUILD_MIN_ROWS", 5)
    monkeypatch.setattr(index_builds, "build_pending", lambda db, jobs=3: 0)  # (one dropped would stay so)
    customer, fts = _indexes("customer"), _indexes("customer_fts")
    with psycopg.connect(pg_database) as other:  # another member's app, idle (it would wait for a dropped index)
        other.execute("SELECT 1").fetchone()
        result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20 and _pending() == []
    assert (_indexes("customer"), _indexes("customer_fts")) == (customer, fts)
    assert len(search.matching_ids("科技")) == 20


def test_pending_builds_never_fail_an_import_that_has_committed(team_store, sheets, monkeypatch):
    from sellerdesk.store import index_builds, search_pg

    monkeypatch.setattr(search_pg, "REBUILD_MIN_ROWS", 5)
    fts = _indexes("customer_fts")

    def gone(db):  # type: ignore[no-untyped-def]
        raise OSError("server gone")

    monkeypatch.setattr(index_builds, "pending", gone)
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": _rows(20)}))
    assert result.counts["new"] == 20 and Customer.select().count() == 20
    monkeypatch.undo()
    waiting = len(_pending())
    assert waiting == len(fts) - 1 and index_builds.build_pending(DB.obj) == waiting
    assert _pending() == [] and _indexes("customer_fts") == fts


def test_copy_turns_a_nul_into_u0001_and_leaves_a_typed_backslash_x00_alone(team_store):
    native(DB, "CREATE TABLE copy_probe (a text, b integer, c text)")
    rows = [("zhang san\x00张三", 1, None), ("plain", 2, "c:\\x00dir"), ("a\x00b\x00", 3, "\x00")]
    assert bulk.copy_rows(DB.connection(), "copy_probe", ("a", "b", "c"), rows) == 3
    stored = native(DB, "SELECT a, b, c FROM copy_probe ORDER BY b").fetchall()
    assert stored == [("zhang san\x01张三", 1, None), ("plain", 2, "c:\\x00dir"), ("a\x01b\x01", 3, "\x01")]
    # no NUL anywhere: the rows go as they are
    assert bulk.copy_rows(DB.connection(), "copy_probe", ("a", "b", "c"), [("x", 4, "y")]) == 1
