"""An import with orders in flat memory (issue 21): the file read three times inside one
transaction (orders decided, rows written, orders added); the same database, counts and
report as the wizard's plan-then-write; a file that changes between the reads is refused."""

import contextlib
import datetime as dt
import gc
import os
import tracemalloc

import openpyxl
import pytest
from test_order_import import TAOBAO, taobao_row

from sellerdesk.exchange import importer
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import read, run, write
from sellerdesk.exchange.importer.record import Record
from sellerdesk.progress import Cancelled, CancelToken
from sellerdesk.store import bulk_import, search
from sellerdesk.store import orders as store_orders
from sellerdesk.store.models import DB, Address, Customer, Order, OrderItem

ADDRESS = "广东省深圳市南山区科技园1栋"
OTHER = "浙江省杭州市西湖区文三路90号"


def mixed_rows():
    """Every way an order row can go: lines apart, a bad later line, a date on the second line
    only, no amount, repeats without 订单号, a stored 订单号, a row without a customer,
    masked phones, a repeat buyer shipping elsewhere."""
    return [
        TAOBAO,
        taobao_row("T1", "a", "30", "交易成功", "张三", ADDRESS, "13812345678", "2024-03-05", "面膜", 1),
        taobao_row("T2", "b", "20", "交易成功", "李四", OTHER, "13900000000", "2024-03-06", "口红", 1),
        taobao_row("T3", "c", "15", "交易成功", "王五", ADDRESS, "13700000000", "2024-03-07", "眼霜", 1),
        taobao_row("T3", "c", "abc", "交易成功", "王五", ADDRESS, "13700000000", "2024-03-07", "眼霜", 1),
        taobao_row("T1", "a", "30", "交易成功", "张三", ADDRESS, "13812345678", "", "护手霜", 2),  # T1 again, apart
        taobao_row("T4", "d", "12", "交易成功", "赵六", OTHER, "13600000000", "", "口红", 1),
        taobao_row("T4", "d", "", "交易成功", "赵六", OTHER, "13600000000", "2024-03-08", "口红", 1),
        taobao_row("T5", "e", "", "交易成功", "孙七", OTHER, "13500000000", "2024-03-09", "面膜", 1),
        taobao_row("", "f", "9", "交易成功", "周八", ADDRESS, "13400000000", "2024-03-10", "面膜", 1),
        taobao_row("", "f", "9", "交易成功", "周八", ADDRESS, "13400000000", "2024-03-10", "面膜", 1),  # repeated
        taobao_row("OLD1", "g", "5", "交易成功", "吴九", ADDRESS, "13300000000", "2024-03-11", "面膜", 1),
        taobao_row("T6", "", "8", "交易成功", "", "", "", "2024-03-12", "面膜", 1),  # no customer
        taobao_row("T7", "h", "7", "交易成功", "郑十", ADDRESS, "138****1234", "2024-03-13", "面膜", 1),
        taobao_row("T8", "a", "6", "交易成功", "张三", OTHER, "13812345678", "2024-03-14", "精华液", 1),
        taobao_row("T9", "i", "5", "等待买家付款", "冯一", ADDRESS, "13200000000", "2024-03-15", "面膜", 1),
        taobao_row("T10", "j", "4", "交易成功", "陈二", OTHER, "13100000000", "2099-03-15", "面膜", 1),
        taobao_row("T11", "b", "3", "交易成功", "李四", ADDRESS, "13900000000", "2024-03-16", "口红", 1),
    ]


def stored_old_order():
    cid = Customer.create(name="吴九", phone="13300000000").id
    store_orders.add_order(cid, amount_fen=500, order_date=dt.date(2024, 3, 11), items="面膜", order_no="OLD1")


def content():
    """The database, without ids: customers, addresses, orders (in id order) with their lines."""
    people = sorted(
        (c.name, c.phone, c.order_count, c.total_spent_fen, c.tier, sorted(a.detail for a in c.addresses))
        for c in Customer.select()
    )
    orders = []
    for order in Order.select().order_by(Order.id):
        linked = Address.get_by_id(order.address_id).detail if order.address_id else None
        lines = [(i.product, i.quantity, i.unit_price_fen) for i in order.lines.order_by(OrderItem.position)]
        orders.append(
            (
                order.order_no,
                order.customer.name,
                str(order.order_date),
                order.amount_fen,
                order.items,
                order.status,
                order.address_snapshot,
                linked,
                order.shipped_on and str(order.shipped_on),
                lines,
            )
        )
    return people, orders


def wipe():
    for table in ("points_entry", "order_item", "orders", "address_change", "address", "audit_entry", "customer"):
        DB.execute_sql(f'DELETE FROM "{table}"')
    for table in (search.FTS_TABLE, search.GRAMS_TABLE):
        DB.execute_sql(f'DELETE FROM "{table}"')


def report_lines(path):
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


@pytest.mark.parametrize("batch", [2, 5000])
def test_the_streamed_order_import_is_the_wizards(store, sheets, tmp_path, monkeypatch, key_index, batch):
    """Same counts, database and problem report as reading the whole file, planning it and
    writing the plan (the wizard), with batches of 2 (rows let go, orders handed on in many
    batches) and of 5,000."""
    monkeypatch.setattr(write, "BATCH", batch)
    monkeypatch.setattr(run, "ORDER_BATCH", batch)
    path = sheets.xlsx("mixed.xlsx", {"S": mixed_rows()})
    stored_old_order()
    dry = importer.import_file(path, dry_run=True, report_path=tmp_path / "dry.xlsx")
    streamed = importer.import_file(path, report_path=tmp_path / "streamed.xlsx")
    after_streaming = content()
    wipe()
    stored_old_order()
    table = importer.read_table(path)
    plan = importer.make_plan(importer.prepare(table))
    whole = importer.write_plan(table, None, plan, report_path=tmp_path / "whole.xlsx")
    assert content() == after_streaming
    assert streamed.counts == whole.counts
    assert {k: v for k, v in dry.counts.items()} == plan.counts
    expected = report_lines(whole.report_path)
    assert report_lines(streamed.report_path) == expected == report_lines(dry.report_path)
    reasons = {row[0]: row[1] for row in expected[1:]}
    assert "同一订单号的另一行有问题" in reasons[4] and "金额无法识别" in reasons[5]  # T3: its first line too
    assert "没有实付金额" in reasons[9] and "这一行没有可导入的客户" in reasons[13]
    c = streamed.counts
    # T1 (2 lines), T2, T4 (date from its second line), T8, T11, the first 周八 and 郑十's T7
    assert (c["orders_added"], c["orders_existing"], c["orders_rejected"]) == (7, 2, 5)
    again = importer.import_file(path, write_report_file=False)
    assert again.counts["orders_added"] == 0 and again.counts["orders_existing"] == 9
    assert Order.select().count() == 8  # (7 and the stored OLD1)


def test_a_dry_run_without_report_reads_the_file_once(store, sheets, monkeypatch):
    path = sheets.xlsx("mixed.xlsx", {"S": mixed_rows()})
    reads = []
    original = run.stream_table

    def counted(*args, **kwargs):
        reads.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(run, "stream_table", counted)
    result = importer.import_file(path, dry_run=True, write_report_file=False)
    assert len(reads) == 1 and result.counts["orders_new"] == 8 and result.report_path is None
    assert Order.select().count() == 0


def test_every_read_sees_the_rows_of_the_first(store, sheets, monkeypatch):
    """Three reads (decide, write the rows, add the orders), each of every row, in order."""
    path = sheets.xlsx("mixed.xlsx", {"S": mixed_rows()})
    seen: list[list] = []
    original = run.stream_table

    def recorded(*args, **kwargs):
        rows: list = []
        seen.append(rows)
        with original(*args, **kwargs) as (table, source, total):

            def passing():
                for row in source:
                    rows.append(row)
                    yield row

            yield table, passing(), total

    monkeypatch.setattr(run, "stream_table", contextlib.contextmanager(recorded))
    importer.import_file(path, write_report_file=False)
    assert len(seen) == 3
    assert seen[0] == seen[1] == seen[2] == importer.read_table(path).rows


def _changing_after_the_first_read(monkeypatch, change):
    original = run._OrderPasses.plan

    def plan_then_change(self, planner_of):
        done = self.ledger is not None
        ledger = original(self, planner_of)
        if not done:
            change(self.table.path)
        return ledger

    monkeypatch.setattr(run._OrderPasses, "plan", plan_then_change)


def _nothing_written(path):
    assert Order.select().count() == 0 and Customer.select().count() == 0
    assert [p.name for p in path.parent.iterdir() if "导入问题" in p.name] == []


def test_a_file_saved_again_between_the_reads_is_refused(store, sheets, monkeypatch):
    path = sheets.xlsx("mixed.xlsx", {"S": mixed_rows()})
    rows = mixed_rows()
    rows[1][2] = "3000"  # T1's amount, saved again from Excel

    _changing_after_the_first_read(monkeypatch, lambda p: sheets.xlsx(p.name, {"S": rows}))
    with pytest.raises(ExchangeError) as caught:
        importer.import_file(path)
    assert caught.value.code == "file_changed" and "mixed.xlsx" in str(caught.value)
    _nothing_written(path)


def test_a_change_that_keeps_size_and_time_is_found_by_the_rows(store, sheets, monkeypatch):
    """A cell changed under the same size and time (or a reader giving other rows): the digest
    of the rows read differs from the first read's, at the end of the read, before the commit."""
    path = sheets.xlsx("mixed.xlsx", {"S": mixed_rows()})
    original = read.stream_table
    reads = []

    @contextlib.contextmanager
    def third_read_differs(*args, **kwargs):
        reads.append(1)
        with original(*args, **kwargs) as (table, source, total):
            if len(reads) < 3:
                yield table, source, total
                return

            def altered():
                for number, cells in source:
                    if number == 3:  # T2's amount
                        cells = [*cells[:2], "21", *cells[3:]]
                    yield number, cells

            yield table, altered(), total

    monkeypatch.setattr(run, "stream_table", third_read_differs)
    with pytest.raises(ExchangeError) as caught:
        importer.import_file(path)
    assert caught.value.code == "file_changed" and len(reads) == 3
    _nothing_written(path)


def test_a_row_moved_between_the_reads_is_refused(store, sheets, monkeypatch):
    rows = mixed_rows()
    path = sheets.xlsx("mixed.xlsx", {"S": rows})
    moved = [rows[0], rows[2], rows[1], *rows[3:]]

    def same_size_and_time(p):
        stat = p.stat()
        sheets.xlsx(p.name, {"S": moved})
        os.utime(p, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # (the size may differ too: refused either way)

    _changing_after_the_first_read(monkeypatch, same_size_and_time)
    with pytest.raises(ExchangeError) as caught:
        importer.import_file(path)
    assert caught.value.code == "file_changed"
    _nothing_written(path)


def test_cancel_while_the_orders_go_in_changes_nothing(store, sheets, monkeypatch):
    monkeypatch.setattr(run, "ORDER_BATCH", 2)
    path = sheets.xlsx("mixed.xlsx", {"S": mixed_rows()})
    token = CancelToken()
    original = bulk_import.BulkImport.add_orders

    def then_cancel(self, orders, **options):
        ids = original(self, orders, **options)
        token.cancel()  # after the first batch of orders
        return ids

    monkeypatch.setattr(bulk_import.BulkImport, "add_orders", then_cancel)
    with pytest.raises(Cancelled):
        importer.import_file(path, token=token)
    _nothing_written(path)


def _held_by_an_order_import(sheets, monkeypatch, orders, digit):
    """Python memory held when the orders have gone in (traced by tracemalloc)."""
    data = [TAOBAO] + [
        taobao_row(
            f"N{digit}{i}",
            f"nick{i % 400}",
            "10",
            "交易成功",
            f"客户{i % 400}",
            ADDRESS,
            f"13{digit}{i % 400:08d}",
            "2024-03-05",
            "面膜",
            1,
        )
        for i in range(orders)
    ]
    path = sheets.xlsx(f"o{orders}.xlsx", {"S": data})
    held, records = [], []
    original = bulk_import.BulkImport.refresh_orders_from

    def measured(self, first_id):
        held.append(tracemalloc.get_traced_memory()[0])
        records.append(sum(1 for o in gc.get_objects() if isinstance(o, Record)))
        return original(self, first_id)

    monkeypatch.setattr(bulk_import.BulkImport, "refresh_orders_from", measured)
    gc.collect()
    tracemalloc.start()
    try:
        result = importer.import_file(path, write_report_file=False)
    finally:
        tracemalloc.stop()
    assert result.counts["orders_added"] == orders
    return held[0], records[0]


def test_an_order_import_does_not_keep_its_rows(store, sheets, monkeypatch):
    """3,000 more orders may add their few integers and 订单号 keys (~0.3 KB an order), not
    their rows (kept until the end before: ~5 KB an order)."""
    monkeypatch.setattr(write, "BATCH", 500)
    monkeypatch.setattr(run, "ORDER_BATCH", 500)
    _held_by_an_order_import(sheets, monkeypatch, 11, 5)  # (what the first import loads once)
    small, _ = _held_by_an_order_import(sheets, monkeypatch, 1_000, 6)
    big, records = _held_by_an_order_import(sheets, monkeypatch, 4_000, 7)
    assert (big - small) / 3_000 < 700, f"{(big - small) / 3_000:.0f} bytes an order"
    assert records <= 500, f"{records} rows held when the orders went in"
