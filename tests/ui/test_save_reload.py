"""After a change of the data the customer table's id list is read in a worker (issue 21: 0.5-1 s
on the UI thread at 300k customers): the table keeps its rows meanwhile, a saved customer's row
shows the new data at once, the selection and the editor's customer survive the swap, and an
answer that arrives after the window closed is dropped."""

import threading
import time

import peewee
import pytest
from PySide6.QtCore import Qt

from sellerdesk.jobs import runner
from sellerdesk.store import customers, queries
from sellerdesk.store.queries import CustomerFilter
from sellerdesk.ui.customers.table_model import COLUMNS

UI_THREAD = threading.get_ident()


@pytest.fixture
def window(laptop_window):
    """The window with four customers in pinyin order (阿一, 白二, 陈三, 杜四), started on the
    calling thread; the test switches to real worker threads with ``slow_list``."""
    for name in ("阿一", "白二", "陈三", "杜四"):
        customers.create_customer({"name": name})
    laptop_window.on_customers_changed()
    return laptop_window


@pytest.fixture
def slow_list(monkeypatch):
    """Real worker threads, and a spy on the store call that reads the sort order: the thread
    of each call, and a gate that holds a worker's call until the test opens it."""
    real = queries.ordered_ids

    class Spy:
        threads: list[int] = []
        gate = threading.Event()
        entered = threading.Event()  # a worker came to the read

        def open(self) -> None:
            self.gate.set()

    spy = Spy()
    spy.threads = []

    def ordered_ids(*args, **kwargs):
        spy.threads.append(threading.get_ident())
        if threading.get_ident() != UI_THREAD:  # (never hold the UI thread: the test would hang)
            spy.entered.set()
            spy.gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "ordered_ids", ordered_ids)
    monkeypatch.setattr(runner, "synchronous", False)
    yield spy
    spy.gate.set()  # (a job still waiting ends before the window closes)


def _ids(window, *names):
    by_name = {customers.get_customer(cid).name: cid for cid in window.model.ids()}
    return [by_name[n] for n in names]


def _names(window):
    model = window.model
    return [model.data(model.index(row, COLUMNS.index("name"))) for row in range(model.rowCount())]


def _wait_for_the_worker(window, qtbot, spy):
    qtbot.waitUntil(spy.entered.is_set, timeout=5000)  # the worker is reading the list
    spy.entered.clear()


def _swapped(window, qtbot, spy):
    spy.open()
    qtbot.waitUntil(lambda: not window.view_reader.busy, timeout=10000)
    spy.entered.clear()


def test_a_save_reads_the_list_off_the_ui_thread_and_keeps_the_selection(window, qtbot, slow_list):
    (bai,) = _ids(window, "白二")
    window.select_customer(bai)
    editor = window.editor
    assert editor.customer_id == bai
    editor.name.setText("赵二")  # sorts last now
    editor._customer_edited()
    window.save_action.trigger()
    _wait_for_the_worker(window, qtbot, slow_list)
    # meanwhile: the old order, the saved row showing its new name, the same selection and editor
    assert _names(window) == ["阿一", "赵二", "陈三", "杜四"]
    assert window.selected_ids() == [bai] and editor.customer_id == bai and not editor.dirty
    _swapped(window, qtbot, slow_list)
    assert _names(window) == ["阿一", "陈三", "杜四", "赵二"]
    assert window.selected_ids() == [bai] and window.table.currentIndex().row() == 3
    assert editor.customer_id == bai and editor.name.text() == "赵二"
    assert slow_list.threads and UI_THREAD not in slow_list.threads


def test_a_new_customer_shows_on_top_until_the_new_list_places_it(window, qtbot, slow_list):
    window.new_action.trigger()
    editor = window.editor
    editor.name.setText("马五")
    editor._customer_edited()
    window.save_action.trigger()
    new = editor.customer_id
    assert new is not None
    _wait_for_the_worker(window, qtbot, slow_list)
    assert _names(window) == ["马五", "阿一", "白二", "陈三", "杜四"]
    assert window.selected_ids() == [new]
    _swapped(window, qtbot, slow_list)
    assert _names(window) == ["阿一", "白二", "陈三", "杜四", "马五"]
    assert window.selected_ids() == [new] and editor.customer_id == new
    assert UI_THREAD not in slow_list.threads


def test_an_edit_begun_while_the_list_is_read_is_left_alone(window, qtbot, slow_list):
    chen, du = _ids(window, "陈三", "杜四")
    window.select_customer(du)
    window.editor.notes.setPlainText("要发顺丰")
    window.save_action.trigger()
    _wait_for_the_worker(window, qtbot, slow_list)
    window.select_customer(chen)  # the seller moves on and starts typing
    window.editor.notes.setPlainText("改地址")
    assert window.editor.dirty
    _swapped(window, qtbot, slow_list)
    assert window.selected_ids() == [chen]
    assert window.editor.customer_id == chen and window.editor.dirty  # no question, no reload
    assert window.editor.notes.toPlainText() == "改地址"


def test_trash_undo_restore_and_purge_read_the_list_in_the_worker(window, qtbot, slow_list, modals):
    """Every change of customers goes through one path (on_customers_changed → reload_customers):
    rows that left go at once, rows that came back show on top and selected."""
    a, b, c, d = _ids(window, "阿一", "白二", "陈三", "杜四")
    window.select_customer(b)
    window.delete_action.trigger()
    _wait_for_the_worker(window, qtbot, slow_list)
    assert window.model.ids() == [a, c, d] and window.selected_ids() == [c]  # the next one
    _swapped(window, qtbot, slow_list)
    assert window.model.ids() == [a, c, d] and window.selected_ids() == [c]
    assert window.editor.customer_id == c

    slow_list.gate.clear()
    window.undo_action.trigger()
    assert window.model.ids()[0] == b and window.selected_ids() == [b]
    _swapped(window, qtbot, slow_list)
    assert window.model.ids() == [a, b, c, d] and window.selected_ids() == [b]

    window.delete_action.trigger()  # b to the Trash again, then restored from the Trash view
    _swapped(window, qtbot, slow_list)
    window.trash_view_action.trigger()
    slow_list.threads.clear()
    slow_list.gate.clear()
    window.table.selectRow(0)
    window.restore_action.trigger()
    assert window.model.rowCount() == 0  # gone from the Trash view at once
    _swapped(window, qtbot, slow_list)
    assert window.model.rowCount() == 0 and queries.count_customers() == 4
    window.trash_view_action.trigger()

    window.select_customer(d)
    window.delete_action.trigger()
    _swapped(window, qtbot, slow_list)
    window.trash_view_action.trigger()
    slow_list.threads.clear()
    slow_list.gate.clear()
    window.table.selectRow(0)
    window.purge_action.trigger()
    assert window.model.rowCount() == 0
    _swapped(window, qtbot, slow_list)
    assert queries.count_customers(CustomerFilter(trashed=True)) == 0
    assert slow_list.threads and UI_THREAD not in slow_list.threads


def test_an_import_or_merge_elsewhere_reads_the_list_in_the_worker(window, qtbot, slow_list):
    """Import, merge, restore from a backup… emit ``customers_changed``: the same path."""
    (chen,) = _ids(window, "陈三")
    window.select_customer(chen)
    added = customers.create_customer({"name": "阿〇"}).id  # what an import adds (sorts first)
    window.context.customers_changed.emit()
    _wait_for_the_worker(window, qtbot, slow_list)
    assert "阿〇" not in _names(window) and window.selected_ids() == [chen]
    _swapped(window, qtbot, slow_list)
    assert window.model.ids()[0] == added and window.selected_ids() == [chen]
    assert window.editor.customer_id == chen
    assert UI_THREAD not in slow_list.threads


def test_the_rows_shown_keep_their_place_when_the_list_changes_above_them(laptop_window, qtbot, slow_list):
    window = laptop_window
    for i in range(300):
        customers.create_customer({"name": f"客户{i:03d}"})
    with runner.on_calling_thread():
        window.on_customers_changed()
    window.table.scrollTo(window.model.index(200, 0), window.table.ScrollHint.PositionAtTop)
    top = window.model.id_at(window.table.rowAt(0))
    customers.create_customer({"name": "阿一"})  # sorts first: every row moves down by one
    window.context.customers_changed.emit()
    _swapped(window, qtbot, slow_list)
    assert window.model.id_at(window.table.rowAt(0)) == top


def test_a_late_answer_after_the_window_closed_is_dropped(window, qtbot, monkeypatch):
    """The region counts (and the customer list) of a job that ended while the window closed
    reach the GUI thread after it: they are dropped (the store closes next: nothing may read it)."""
    monkeypatch.setattr(runner, "synchronous", False)
    gate, entered = threading.Event(), threading.Event()
    real_counts = window.counter.fn

    def counts(request):
        entered.set()
        gate.wait(10)
        return real_counts(request)

    window.counter.fn = counts
    delivered = []
    window.counter.ready.connect(delivered.append)
    window.view_reader.ready.connect(delivered.append)
    window.refresh_counts()
    window.on_customers_changed()  # (a list read too)
    assert entered.wait(5)
    gate.set()
    for latest in (window.counter, window.view_reader):
        while latest.job is not None and latest.job.running:  # the answer is queued, not yet delivered
            time.sleep(0.005)
    window.editor._set_dirty(False)
    window.close()
    qtbot.wait(50)  # the queued answers arrive now
    assert delivered == []
    assert window.counter.stopped and window.view_reader.stopped
    window.on_customers_changed()  # a late signal of another job: no request, no read
    assert not window.view_reader.busy


def test_a_list_that_cannot_be_read_keeps_the_rows_shown(window, qtbot, monkeypatch, caplog):
    monkeypatch.setattr(runner, "synchronous", True)
    before = window.model.ids()

    def broken(*_args, **_kwargs):
        raise peewee.OperationalError("disk I/O error")

    monkeypatch.setattr(queries, "ordered_ids", broken)
    window.on_customers_changed()
    assert window.model.ids() == before and "customer list failed" in caplog.text
    assert window.table.model().data(window.model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "阿一"
