"""The streamed import (issue 21): rows read, checked, planned, reported and written as they
come, memory flat in rows; the same database and report as the wizard's plan-then-write."""

import functools
import gc
import sys
import tracemalloc

import openpyxl
import pytest
from messy_sheets import HEADER

from sellerdesk.exchange import importer
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import keys as importer_keys
from sellerdesk.exchange.importer import read, write
from sellerdesk.progress import Cancelled, CancelToken
from sellerdesk.store import customers
from sellerdesk.store.models import Customer

PROBLEMS = [
    HEADER,
    ["张三", "13812345678", "zs", "广东", "深圳", "南山", "科技园1号", "老客户"],
    ["赵六", "12345", "", "广东省", "深圳市", "南山区", "后海大道1号", ""],
    [None, None, None, "上海", "", "", "人民广场", "没有名字"],
    ["钱七", "13600000000", "", "火星省", "", "", "基地1号", ""],
    ["张三", "13812345678", "", "浙江", "杭州", "西湖区", "文三路90号", ""],
]


def report_lines(path):
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


@pytest.mark.parametrize("on_duplicate", ["merge", "skip"])
def test_the_streamed_report_is_the_plans_report(backend_store, sheets, tmp_path, on_duplicate):
    customers.create_customer({"name": "钱七", "phone": "13600000000"})
    path = sheets.xlsx("p.xlsx", {"S": PROBLEMS})
    table = importer.read_table(path)
    plan = importer.make_plan(importer.prepare(table), on_duplicate)
    expected = tmp_path / "expected.xlsx"
    assert importer.write_report(expected, table, plan.records) >= 3
    dry = importer.import_file(path, on_duplicate=on_duplicate, dry_run=True, report_path=tmp_path / "dry.xlsx")
    assert report_lines(dry.report_path) == report_lines(expected)
    assert dry.counts == plan.counts
    result = importer.import_file(path, on_duplicate=on_duplicate, report_path=tmp_path / "streamed.xlsx")
    assert result.report_path == tmp_path / "streamed.xlsx"
    assert report_lines(result.report_path) == report_lines(expected)
    assert result.counts["rows"] == plan.counts["rows"] == 5


def test_no_problem_no_report(backend_store, sheets):
    path = sheets.xlsx("ok.xlsx", {"S": PROBLEMS[:2]})
    result = importer.import_file(path)
    assert result.report_path is None and result.counts["new"] == 1
    assert [p.name for p in path.parent.iterdir() if "导入问题" in p.name] == []


def test_cancel_leaves_no_report(backend_store, sheets, monkeypatch):
    rows = [HEADER] + [[f"客户{i}", f"1370000{i:04d}", "", "火星省", "", "", f"路{i}号", ""] for i in range(1500)]
    path = sheets.xlsx("big.xlsx", {"S": rows})
    monkeypatch.setattr(write, "BATCH", 400)
    token = CancelToken()

    def progress(done, total, message):
        if message == "writing" and done > total // 2:
            token.cancel()

    with pytest.raises(Cancelled):
        importer.import_file(path, progress=progress, token=token)
    assert [p.name for p in path.parent.iterdir()] == ["big.xlsx"]
    assert Customer.select().count() == 0


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_streamed_rows_are_the_tables_rows(sheets, kind):
    rows = [
        ["客户名单"],
        ["姓名", "手机", "地址"],
        ["张三", "13812345678", "广东深圳南山科技园1号", "", "多出来的一格"],
        ["姓名", "手机", "地址"],  # a repeated header (a second pasted block)
        ["李四", "13900000000"],
    ]
    path = sheets.xlsx("t.xlsx", {"S": rows}) if kind == "xlsx" else sheets.csv("t.csv", rows)
    whole = importer.read_table(path)
    with read.stream_table(path) as (table, streamed, total):
        assert (table.header_row, table.headers, table.sheet) == (whole.header_row, whole.headers, whole.sheet)
        assert list(streamed) == whole.rows
        assert total >= len(whole.rows)


def test_a_sheet_with_a_header_only_is_refused_while_streaming(backend_store, sheets):
    path = sheets.xlsx("h.xlsx", {"S": [HEADER]})
    with pytest.raises(ExchangeError) as info:
        importer.import_file(path)
    assert info.value.code == "no_data"
    assert Customer.select().count() == 0


def _held_after_the_rows(sheets, monkeypatch, rows, digit):
    """Python memory held once every row has been checked, planned and handed to the writer,
    and again once the writing has finished (before the commit): (after the rows, after
    ``_Loader.complete``). Traced by tracemalloc: the reader's cells live in Rust, and the
    compact key tables in SQLite, neither counted; test_import_keys checks those tables."""
    data = [HEADER] + [
        [f"客户{i % 50}", f"13{digit}{i:08d}", f"wx{rows}_{i}", "广东", "深圳", "南山", f"科技园{i}号", "老客户"]
        for i in range(rows)
    ]
    path = sheets.xlsx(f"n{rows}.xlsx", {"S": data})
    held = []
    complete = write._Loader.complete

    def measured(self, *args, **kwargs):
        # the writer's queue first: up to 16 batches wait there (bounded), more or fewer as the
        # writer thread keeps up (a team server's COPY lags more), which is not rows kept
        self.store.wait()
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        counts = complete(self, *args, **kwargs)
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        return counts

    monkeypatch.setattr(write._Loader, "complete", measured)
    gc.collect()
    tracemalloc.start()
    try:
        result = importer.import_file(path)
    finally:
        tracemalloc.stop()
    assert result.counts["new"] == rows  # (all new: nothing matches)
    return held


def test_a_customer_import_does_not_keep_its_rows(backend_store, sheets, monkeypatch):
    """Three times the rows keep no more than their ids (8 bytes a row, in an array) in Python,
    at the end of the rows and at the end of the writing: not the rows (~2 KB each when kept:
    the Records and the customers written), nor a dict entry a row (~90 bytes at least: the
    planner's names and keys were, ~300 bytes a row). The compact tables hold past 100 keys
    here (20,000 in use), so they are what a big file's import runs with."""
    monkeypatch.setattr(write, "BATCH", 500)
    monkeypatch.setattr(importer_keys, "SPILL_FROM", 100)
    # the recent phones' check results, bounded at 4,096 (~0.6 MB) but filling across these sizes
    small_cache = functools.lru_cache(maxsize=64)(customers.phone_of.__wrapped__)
    monkeypatch.setattr(customers, "phone_of", small_cache)
    monkeypatch.setattr(sys.modules["sellerdesk.exchange.importer.prepare"], "phone_of", small_cache)
    _held_after_the_rows(sheets, monkeypatch, 11, 5)  # (what the first import loads once: regions, caches)
    small = _held_after_the_rows(sheets, monkeypatch, 1_000, 6)
    big = _held_after_the_rows(sheets, monkeypatch, 3_000, 7)
    per_row = [(b - s) / 2_000 for s, b in zip(small, big)]
    assert max(per_row) < 40, f"{per_row[0]:.0f} bytes a row after the rows, {per_row[1]:.0f} after the writing"


def test_the_preview_of_a_big_file_has_the_whole_files_counts_and_its_first_rows(backend_store, sheets):
    customers.create_customer({"name": "钱七", "phone": "13600000000"})
    path = sheets.xlsx("p.xlsx", {"S": PROBLEMS})
    table = importer.read_table(path)
    full = importer.make_plan(importer.prepare(table), "merge")
    shown_table, shown = importer.preview_file(path, rows=2)
    assert shown.counts == full.counts and shown.has_work
    assert [(r.row, r.action, r.issues) for r in shown.records] == [
        (r.row, r.action, r.issues) for r in full.records[:2]
    ]
    assert shown_table.headers == table.headers and shown_table.rows == []
    assert Customer.select().count() == 1  # nothing written
    orders = sheets.xlsx("o.xlsx", {"S": [["姓名", "手机", "订单号", "实付金额"], ["张三", "13812345678", "A1", "10"]]})
    with pytest.raises(ValueError):
        importer.preview_file(orders)


def test_repeat_rows_of_a_customer_let_go_are_queued_once_a_run(backend_store, sheets, monkeypatch):
    """A repeat buyer's rows after their customer was written and let go wait for the end; a row
    that repeats the one before it is queued once (it would change nothing), and the customer
    ends as if every row were applied."""
    monkeypatch.setattr(write, "BATCH", 50)
    first = ["张三", "13812345678", "", "广东", "深圳", "南山", "科技园1号", "老客户"]
    noted = ["张三", "13812345678", "zs_wx", "浙江", "杭州", "西湖区", "文三路90号", "爱喝茶"]
    others = [[f"客户{i}", f"139{i:08d}", "", "广东", "深圳", "南山", f"后海{i}号", ""] for i in range(120)]
    data = [HEADER, first, *others, first, first, first, noted, noted, first]
    queued = []
    load_late = write._Loader._load_late

    def spy(self):
        queued.extend(len(changes) for changes in self.late.values())
        return load_late(self)

    monkeypatch.setattr(write._Loader, "_load_late", spy)
    result = importer.import_file(sheets.xlsx("r.xlsx", {"S": data}))
    assert result.counts["new"] == 121
    assert queued == [3]  # first ×3 → 1, noted ×2 → 1, first → 1
    (zs,) = Customer.select().where(Customer.phone == "13812345678")
    assert zs.wechat == "zs_wx" and "爱喝茶" in zs.notes and zs.notes.count("老客户") == 1
    assert sorted(a.city for a in customers.live_addresses(zs.id)) == ["杭州市", "深圳市"]


def test_a_kept_row_packs_its_cells_and_reads_them_back():
    from sellerdesk.exchange.importer.record import Record

    rec = Record(7, ["张三", "", "广东省深圳市", "x" * 40])
    before = list(rec.values)
    rec.pack()
    assert isinstance(rec._values, str) and rec.values == before
    odd = Record(8, ["a\x1fb", "c"])  # a cell holding the separator stays a list
    odd.pack()
    assert odd.values == ["a\x1fb", "c"] and isinstance(odd._values, list)
