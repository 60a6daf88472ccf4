"""The import wizard and the ExchangeController, driven with pytest-qt on a real temp store."""

import ast
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from sellerdesk.exchange import importer
from sellerdesk.exchange.importer import run
from sellerdesk.paths import resource
from sellerdesk.store import customers, queries
from sellerdesk.store.models import Address, AuditEntry, Customer
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.exchange import import_wizard
from sellerdesk.ui.exchange.actions import ExchangeController
from sellerdesk.ui.exchange.import_wizard import ImportWizard, RecordModel
from sellerdesk.ui.widgets import dialogs

HEADER = ["姓名", "手机", "微信", "省份", "城市", "区县", "详细地址"]
XLS_FIXTURE = Path(__file__).resolve().parents[1] / "exchange" / "fixtures" / "legacy_customers.xls"


@pytest.fixture
def launched(monkeypatch):
    shown = []

    def fake_launch(dialog):
        shown.append(dialog)
        return 0

    monkeypatch.setattr(dialogs, "launch", fake_launch)
    return shown


@pytest.fixture
def context(data_dir, qtbot):
    return AppContext(data_dir, data_dir.key)


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def messy_file(tmp_path, extra_rows=()):
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "旧表"
    hidden.append(HEADER)
    hidden.append(["不该导入", "13100000000", "", "", "", "", ""])
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("客户")
    sheet["A1"] = "2024 客户名单"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["张三", 13812345678, "zs", "广东", "深圳", "南山", "科技园1号"])
    sheet.append(["张三", 13812345678.0, "", "浙江", "杭州", "西湖", "文三路90号"])  # within-file duplicate
    sheet.append([None, None, None, "上海", "", "", "某路1号"])  # rejected
    sheet.append(["老王", "139 0000 0001", "", "北京", "", "朝阳区", "建国路1号"])  # duplicate of the DB
    sheet.append(["赵六", "12345", "", "广东", "深圳", "南山", "后海1号"])  # flagged
    for row in extra_rows:
        sheet.append(row)
    path = tmp_path / "客户名单.xlsx"
    book.save(path)
    return path


def test_wizard_imports_a_messy_file_end_to_end(qtbot, context, window, launched, tmp_path):
    customers.create_customer(
        {"name": "老王", "phone": "13900000001"},
        [{"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "建国路1号"}],
    )
    path = messy_file(tmp_path)
    controller = ExchangeController(context, window, lambda: queries.CustomerFilter())
    wizard = controller.start_import(path)
    qtbot.addWidget(wizard)
    assert launched == [wizard]
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    assert wizard.sheet == "客户" and wizard.header_row == 3
    page = wizard.sheet_page
    assert [page.sheet_combo.itemData(i) for i in range(page.sheet_combo.count())] == ["旧表", "客户"]
    assert "(hidden)" in page.sheet_combo.itemText(0)

    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.current_mapping() == ["name", "phone", "wechat", "province", "city", "district", "detail"]

    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert "2 new, 2 merged, 0 updated, 0 skipped, 1 rejected (1 to check)" in preview.summary.text()
    model = preview.view.model()
    assert isinstance(model, RecordModel) and model.rowCount() == 5
    rejected = [r for r in range(5) if model.index(r, 1).data() == "Rejected"]
    assert rejected == [2]
    assert model.index(2, 0).data(8) is not None  # BackgroundRole highlights the problem row
    assert "no name, phone or WeChat ID" in model.index(2, 2).data()
    assert preview.isComplete()

    with qtbot.waitSignal(context.customers_changed, timeout=30000):
        wizard.next()
    run = wizard.import_page
    assert run.state == "done"
    assert Customer.select().count() == 3  # 老王 + 张三 + 赵六
    zs = queries.find_by_phone("13812345678")[0]
    assert len(queries.addresses_of([zs.id])[zs.id]) == 2
    assert wizard.result.report_path.exists()
    assert run.report_button.isVisibleTo(wizard)
    assert "2 new customers" in run.summary.text()
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 1


def test_mapping_can_be_changed_by_hand(qtbot, context, launched, tmp_path, sync_jobs):
    book = openpyxl.Workbook()
    book.active.append(["甲", "乙", "丙"])
    book.active.append(["张三", "13812345678", "广东省深圳市南山区科技园1号"])
    path = tmp_path / "plain.xlsx"
    book.save(path)
    wizard = ImportWizard(context, path)
    qtbot.addWidget(wizard)
    wizard.restart()
    wizard.next()
    assert wizard.currentId() == ImportWizard.PAGE_SHEET
    wizard.sheet_page.header_spin.setValue(1)
    wizard.next()
    page = wizard.mapping_page
    assert page.current_mapping() == [None, None, None]
    wizard.next()  # nothing identifies a customer: refused with a message
    assert wizard.currentId() == ImportWizard.PAGE_MAPPING
    assert isinstance(launched[-1], QMessageBox)
    page.set_field(0, "name")
    page.set_field(1, "name")
    wizard.next()  # the same field twice: refused
    assert wizard.currentId() == ImportWizard.PAGE_MAPPING
    page.set_field(1, "phone")
    page.set_field(2, "address")
    wizard.next()
    assert wizard.plan is not None and wizard.plan.counts["new"] == 1
    wizard.preview_page.duplicate_combo.setCurrentIndex(wizard.preview_page.duplicate_combo.findData("skip"))
    assert wizard.plan.on_duplicate == "skip"
    wizard.next()
    assert wizard.import_page.state == "done"
    (row,) = [queries.customer_to_dict(c, a) for c, a in queries.iter_customers()]
    assert row["name"] == "张三" and row["addresses"][0]["district"] == "南山区"


@pytest.mark.parametrize("content", [b"", b"not a spreadsheet at all", b"PK\x03\x04 truncated"])
def test_bad_files_are_refused_on_the_first_page(qtbot, context, window, launched, tmp_path, content, sync_jobs):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(content)
    controller = ExchangeController(context, window, queries.CustomerFilter)
    wizard = controller.start_import(path)
    qtbot.addWidget(wizard)
    assert wizard.currentId() == ImportWizard.PAGE_FILE
    (box,) = [d for d in launched if isinstance(d, QMessageBox)]
    assert "坏文件.xlsx" in box.text()
    assert Customer.select().count() == 0


def test_cancel_rolls_back_and_leaves_the_wizard_open(qtbot, context, launched, tmp_path):
    customers.create_customer({"name": "老王", "phone": "13900000001"}, [])
    extra = [[f"客户{i}", f"1370000{i:04d}", "", "广东", "深圳", "南山", f"路{i}号"] for i in range(3000)]
    path = messy_file(tmp_path, extra)
    wizard = ImportWizard(context, path)
    qtbot.addWidget(wizard)
    wizard.restart()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=60000)
    before = (Customer.select().count(), Address.select().count(), AuditEntry.select().count())
    wizard.next()
    wizard.reject()  # Cancel while the import runs stops it instead of closing
    qtbot.waitUntil(lambda: wizard.import_page.state != "running", timeout=60000)
    assert wizard.import_page.state == "cancelled"
    assert "Nothing was changed" in wizard.import_page.summary.text()
    assert wizard.result is None
    assert (Customer.select().count(), Address.select().count(), AuditEntry.select().count()) == before


def test_controller_actions(qtbot, context, window, launched):
    controller = ExchangeController(context, window, queries.CustomerFilter)
    assert controller.import_action.shortcut().toString() == "Ctrl+I"
    assert controller.export_action.shortcut().toString() == "Ctrl+E"
    controller.import_action.trigger()
    assert isinstance(launched[-1], QWizard)
    assert launched[-1].startId() == ImportWizard.PAGE_FILE and not launched[-1].file_page.path_edit.text()
    assert ExchangeController.accepts("a.XLSX") and ExchangeController.accepts("b.csv")
    assert not ExchangeController.accepts("c.pdf")


# ---------------------------------------------------------------------------- the sample is read in a job


class Gate:
    """Wraps read_sample: records the thread and the request, and holds chosen requests
    until released, so a test sees the wizard while a sample is being read."""

    def __init__(self, monkeypatch, hold=()):
        self.real = import_wizard.read_sample
        self.hold = {key: threading.Event() for key in hold}
        self.calls = []
        monkeypatch.setattr(import_wizard, "read_sample", self)

    def __call__(self, path, sheet, header_row, progress=None, token=None):
        self.calls.append((sheet, header_row, threading.current_thread()))
        event = self.hold.get(sheet)
        if event is not None:
            assert event.wait(30), "the test never released the read"
        return self.real(path, sheet, header_row, progress, token)

    def release(self, key):
        self.hold[key].set()

    def wait_for_calls(self, count):
        """Until ``count`` reads have reached the worker threads (they arrive in any order)."""
        deadline = time.monotonic() + 30
        while len(self.calls) < count:
            assert time.monotonic() < deadline, "the read never reached the worker"
            time.sleep(0.005)


def next_enabled(wizard):
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def started(qtbot, context, path):
    """A shown wizard for ``path`` whose Next on the file page has been pressed."""
    wizard = ImportWizard(context, path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    wizard.next()
    return wizard


def on_sheet_page(qtbot, context, path):
    """A shown wizard for ``path``, moved on to the sheet page once the sample is read."""
    wizard = started(qtbot, context, path)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    return wizard


def two_sheet_file(tmp_path):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "甲表"
    first.append(HEADER)
    first.append(["张三", 13812345678, "", "广东", "深圳", "南山", "科技园1号"])
    second = book.create_sheet("乙表")
    second.append(["乙表名单"])
    second.append(["收货人", "联系电话", "收货地址"])
    second.append(["李四", "13912345678", "浙江省杭州市西湖区文三路90号"])
    path = tmp_path / "两张表.xlsx"
    book.save(path)
    return path


@pytest.fixture
def gate(monkeypatch):
    """Gate(hold=[...]); on teardown every held read is released and the pool drained."""
    made = []

    def make(hold=()):
        made.append(Gate(monkeypatch, hold))
        return made[-1]

    yield make
    for g in made:
        for event in g.hold.values():
            event.set()
    QThreadPool.globalInstance().waitForDone(30000)


def test_choosing_a_file_reads_it_in_a_job_with_next_disabled(qtbot, context, launched, tmp_path, gate):
    gate = gate(hold=[None])
    wizard = started(qtbot, context, messy_file(tmp_path))  # returns at once: read in the thread pool
    page = wizard.file_page
    assert wizard.currentId() == ImportWizard.PAGE_FILE
    assert wizard.loading_sample() and not next_enabled(wizard)
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: page.phase.text() == "Reading the file…")
    first = wizard.job
    wizard.next()  # a second Next while reading starts nothing new
    assert wizard.job is first and not first.token.cancelled
    gate.release(None)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    assert len(gate.calls) == 1 and gate.calls[0][2] is not threading.main_thread()
    assert wizard.sheet == "客户" and wizard.header_row == 3 and wizard.mapping[:2] == ["name", "phone"]
    assert not wizard.loading_sample() and next_enabled(wizard)
    assert not wizard.sheet_page.progress.isVisible()
    table = wizard.sheet_page.table
    assert table.verticalHeaderItem(1).text() == "3" and table.item(1, 0).text() == "姓名"
    assert [d for d in launched if isinstance(d, QMessageBox)] == []


def test_another_path_while_reading_forgets_the_first_file(qtbot, context, launched, tmp_path, gate):
    gate = gate(hold=[None])
    wizard = started(qtbot, context, tmp_path / "missing.xlsx")
    first = wizard.job
    wizard.file_page.path_edit.setText(str(messy_file(tmp_path)))
    assert not wizard.loading_sample() and next_enabled(wizard)
    assert not wizard.file_page.progress.isVisible()
    with qtbot.waitSignal(first.finished, timeout=30000):
        gate.release(None)  # the first file is missing: its error must not show
    assert wizard.currentId() == ImportWizard.PAGE_FILE and launched == []
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    assert wizard.sheet == "客户"


@pytest.mark.parametrize("content", [b"not a spreadsheet at all", b"PK\x03\x04 truncated"])
def test_bad_file_read_in_a_job_shows_the_message_and_stays(qtbot, context, launched, tmp_path, content):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(content)
    wizard = started(qtbot, context, path)
    qtbot.waitUntil(lambda: any(isinstance(d, QMessageBox) for d in launched), timeout=30000)
    (box,) = [d for d in launched if isinstance(d, QMessageBox)]
    assert "坏文件.xlsx" in box.text() and "Traceback" not in box.text()
    assert wizard.currentId() == ImportWizard.PAGE_FILE
    assert not wizard.loading_sample() and next_enabled(wizard)
    assert not wizard.file_page.progress.isVisible()
    assert wizard.sheets == [] and wizard.sample == []


def test_truncated_xls_read_in_a_job_shows_the_message(qtbot, context, launched, tmp_path):
    # cut where calamine panics (a BaseException from Rust): the job must still end with the message
    data = XLS_FIXTURE.read_bytes()
    path = tmp_path / "旧表格.xls"
    path.write_bytes(data[:4616])
    wizard = started(qtbot, context, path)
    qtbot.waitUntil(lambda: any(isinstance(d, QMessageBox) for d in launched), timeout=30000)
    (box,) = [d for d in launched if isinstance(d, QMessageBox)]
    assert "旧表格.xls" in box.text() and "damaged" in box.text() and "panic" not in box.text().lower()
    assert wizard.currentId() == ImportWizard.PAGE_FILE and not wizard.busy() and next_enabled(wizard)
    assert Customer.select().count() == 0


def test_cancel_while_reading_closes_the_wizard(qtbot, context, launched, tmp_path, gate):
    gate = gate(hold=[None])
    wizard = started(qtbot, context, messy_file(tmp_path))
    job = wizard.job
    wizard.reject()  # Cancel: nothing to roll back, so the wizard closes at once
    assert not wizard.isVisible() and QDialog.result(wizard) == QDialog.DialogCode.Rejected
    assert wizard.job is None and job.token.cancelled
    with qtbot.waitSignal(job.finished, timeout=30000):
        gate.release(None)
    assert wizard.sample == [] and wizard.sheets == [] and not wizard.isVisible()
    assert launched == []


def test_latest_sheet_choice_wins(qtbot, context, launched, tmp_path, gate):
    wizard = on_sheet_page(qtbot, context, two_sheet_file(tmp_path))
    page = wizard.sheet_page
    assert wizard.sheet == "甲表" and page.sheet_combo.currentData() == "甲表"
    gate = gate(hold=["乙表"])
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("乙表"))  # held in the worker
    slow = wizard.job
    gate.wait_for_calls(1)  # the held read has reached the worker before the next request
    assert wizard.loading_sample() and not next_enabled(wizard) and page.progress.isVisible()
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("甲表"))  # changed again quickly
    qtbot.waitUntil(lambda: not wizard.loading_sample(), timeout=30000)
    assert slow.token.cancelled
    with qtbot.waitSignal(slow.finished, timeout=30000):
        gate.release("乙表")  # the superseded read ends after the latest one: ignored
    assert wizard.sheet == "甲表" and page.sheet_combo.currentData() == "甲表"
    assert wizard.headers[0] == "姓名" and wizard.header_row == 1 and page.header_spin.value() == 1
    assert next_enabled(wizard) and not page.progress.isVisible()
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("乙表"))
    qtbot.waitUntil(lambda: wizard.sheet == "乙表" and not wizard.loading_sample(), timeout=30000)
    assert wizard.header_row == 2 and page.header_spin.value() == 2
    assert wizard.mapping == ["name", "phone", "address"]
    assert [call[:2] for call in gate.calls] == [("乙表", None), ("甲表", None), ("乙表", None)]
    assert all(call[2] is not threading.main_thread() for call in gate.calls)
    page.header_spin.setValue(3)  # another header row of the rows on screen: no reading
    assert not wizard.busy() and len(gate.calls) == 3
    assert wizard.header_row == 3 and wizard.headers[0] == "李四" and wizard.mapping == [None, None, None]
    assert page.table.item(2, 0).font().bold() and not page.table.item(1, 0).font().bold()
    page.header_spin.setValue(2)
    assert wizard.headers == ["收货人", "联系电话", "收货地址"] and wizard.mapping == ["name", "phone", "address"]
    assert launched == []


def test_header_row_chosen_while_the_sheet_is_read_applies_to_it(qtbot, context, launched, tmp_path, gate):
    wizard = on_sheet_page(qtbot, context, two_sheet_file(tmp_path))
    page = wizard.sheet_page
    gate = gate(hold=["乙表"])
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("乙表"))
    slow = wizard.job
    gate.wait_for_calls(1)  # the held read has reached the worker before the next request
    page.header_spin.setValue(3)  # typed before 乙表 is read: a new read of 乙表 with row 3
    assert slow.token.cancelled and wizard.loading_sample() and wizard.job is not slow
    gate.release("乙表")
    qtbot.waitUntil(lambda: not wizard.loading_sample(), timeout=30000)
    assert [call[:2] for call in gate.calls][-1] == ("乙表", 3)
    assert wizard.sheet == "乙表" and wizard.header_row == 3 and page.header_spin.value() == 3
    assert wizard.headers[0] == "李四" and next_enabled(wizard)


def test_back_while_reading_a_sheet_forgets_it(qtbot, context, launched, tmp_path, gate):
    wizard = on_sheet_page(qtbot, context, two_sheet_file(tmp_path))
    gate = gate(hold=["乙表"])
    page = wizard.sheet_page
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("乙表"))
    slow = wizard.job
    wizard.back()
    assert wizard.currentId() == ImportWizard.PAGE_FILE and not wizard.busy() and next_enabled(wizard)
    with qtbot.waitSignal(slow.finished, timeout=30000):
        gate.release("乙表")
    assert wizard.sheet == "甲表"
    wizard.next()  # the file is read again, as before
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    assert wizard.sheet == "甲表" and page.sheet_combo.currentData() == "甲表"


def test_file_broken_after_choosing_keeps_the_shown_sheet(qtbot, context, launched, tmp_path):
    path = two_sheet_file(tmp_path)
    wizard = started(qtbot, context, path)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    page = wizard.sheet_page
    path.write_bytes(b"PK\x03\x04 cut short")  # saved over by another program meanwhile
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("乙表"))
    qtbot.waitUntil(lambda: any(isinstance(d, QMessageBox) for d in launched), timeout=30000)
    (box,) = [d for d in launched if isinstance(d, QMessageBox)]
    assert "两张表.xlsx" in box.text() and "damaged" in box.text()
    assert wizard.currentId() == ImportWizard.PAGE_SHEET and not wizard.busy() and next_enabled(wizard)
    assert wizard.sheet == "甲表" and page.sheet_combo.currentData() == "甲表"  # controls match the table
    assert page.table.item(0, 0).text() == "姓名"


UI = Path(__file__).resolve().parents[2] / "src" / "sellerdesk" / "ui"


def _tr_strings():
    found = set()
    for name in ("exchange/import_wizard.py", "exchange/export_dialog.py", "exchange/actions.py"):
        tree = ast.parse((UI / name).read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(("ExchangeText", node.args[0].value))
    return {(c, t.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")) for c, t in found}


def test_every_exchange_string_is_translated():
    rows = {}
    for line in resource("translations", "zh_CN", "exchange.tsv").read_text(encoding="utf-8").splitlines():
        context, source, translation = line.split("\t")
        assert translation.strip(), line
        for mark in ("%1", "%2", "%3", "%4", "%5", "%6", "%n"):
            assert source.count(mark) == translation.count(mark), line
        rows[(context, source)] = translation
    strings = _tr_strings()
    assert len(strings) > 60
    assert sorted(strings - set(rows)) == []


def test_preview_lists_possible_duplicates_and_the_choice_replans(qtbot, context, window, launched, tmp_path):
    """Same phone, different name (issue 15): listed as 可能重复 above the table, kept apart by default,
    merged when chosen; the import keeps both and says so."""
    customers.create_customer({"name": "老王", "phone": "13900000001"})
    path = messy_file(tmp_path, extra_rows=[["李四", "139 0000 0001", "", "北京", "", "朝阳区", "建国路2号"]])
    controller = ExchangeController(context, window, lambda: queries.CustomerFilter())
    wizard = controller.start_import(path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert preview.same_phone_combo.currentData() == "separate"
    assert "3 new, 2 merged" in preview.summary.text()
    assert "1 possible duplicates (same phone, different name): kept apart" in preview.summary.text()
    assert preview.duplicates.isVisibleTo(wizard) and preview.duplicates.count() == 1
    line = preview.duplicates.item(0).text()
    assert line == "Row 9: 李四, phone 13900000001, same phone as customer 老王 in the database: a new customer"
    model = preview.view.model()
    assert model.index(5, 1).data() == "New" and "possible duplicate" in model.index(5, 2).data()
    assert model.index(5, 0).data(8) is not None  # (blue)
    preview.duplicates.setCurrentRow(0)
    assert [i.row() for i in preview.view.selectionModel().selectedRows()] == [5]

    preview.same_phone_combo.setCurrentIndex(preview.same_phone_combo.findData("merge"))
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert "2 new, 3 merged" in preview.summary.text() and "merged as chosen" in preview.summary.text()
    assert preview.duplicates.item(0).text().endswith(": merged")
    preview.same_phone_combo.setCurrentIndex(preview.same_phone_combo.findData("separate"))
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)

    with qtbot.waitSignal(context.customers_changed, timeout=30000):
        wizard.next()
    assert sorted(c.name for c in queries.find_by_phone("13900000001")) == ["李四", "老王"]
    assert "1 possible duplicates (same phone, different name) are listed" in wizard.import_page.summary.text()


def test_preview_without_possible_duplicates_hides_the_list(qtbot, context, window, launched, tmp_path):
    path = messy_file(tmp_path)
    wizard = ExchangeController(context, window, lambda: queries.CustomerFilter()).start_import(path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert not wizard.preview_page.duplicates.isVisibleTo(wizard)
    assert "possible duplicates" not in wizard.preview_page.summary.text()


def test_a_big_customer_file_is_previewed_by_its_counts_and_first_rows_then_streamed(
    qtbot, context, window, launched, tmp_path, monkeypatch
):
    # (every file counts as big here; the preview keeps 3 of the 5 rows)
    monkeypatch.setattr(import_wizard.ImportPreviewPage, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(run, "PREVIEW_ROWS", 3)
    read_whole = []
    monkeypatch.setattr(importer, "write_plan", lambda *a, **k: read_whole.append(a))
    monkeypatch.setattr(importer, "read_table", lambda *a, **k: read_whole.append(a))
    customers.create_customer(
        {"name": "老王", "phone": "13900000001"},
        [{"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "建国路1号"}],
    )
    path = messy_file(tmp_path)
    controller = ExchangeController(context, window, lambda: queries.CustomerFilter())
    wizard = controller.start_import(path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert wizard.streamed
    # the whole file's counts, as the full plan gives them; the first three rows listed
    assert "2 new, 2 merged, 0 updated, 0 skipped, 1 rejected (1 to check)" in preview.summary.text()
    assert "first 3 of 5 rows" in preview.summary.text()
    model = preview.view.model()
    assert isinstance(model, RecordModel) and model.rowCount() == 3
    assert model.index(2, 1).data() == "Rejected"

    preview.duplicate_combo.setCurrentIndex(preview.duplicate_combo.findData("skip"))  # planned again
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert "2 new, 0 merged, 0 updated, 2 skipped, 1 rejected" in preview.summary.text()
    preview.duplicate_combo.setCurrentIndex(preview.duplicate_combo.findData("merge"))
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)

    with qtbot.waitSignal(context.customers_changed, timeout=30000):
        wizard.next()
    assert wizard.import_page.state == "done"
    assert read_whole == []  # neither read whole nor written from a kept plan
    assert Customer.select().count() == 3  # 老王 + 张三 + 赵六, as the full plan writes it
    zs = queries.find_by_phone("13812345678")[0]
    assert len(queries.addresses_of([zs.id])[zs.id]) == 2
    assert wizard.result.counts["new"] == 2 and wizard.result.report_path.exists()
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 1


def test_a_streamed_import_keeps_the_same_phone_choice_of_its_preview(
    qtbot, context, window, launched, tmp_path, monkeypatch
):
    """A big file is planned again when imported: with the preview's 仍然合并, not the default."""
    monkeypatch.setattr(import_wizard.ImportPreviewPage, "STREAM_FROM_BYTES", 0)
    customers.create_customer({"name": "老王", "phone": "13900000001"})
    path = messy_file(tmp_path, extra_rows=[["李四", "139 0000 0001", "", "北京", "", "朝阳区", "建国路2号"]])
    wizard = ExchangeController(context, window, lambda: queries.CustomerFilter()).start_import(path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.PAGE_SHEET, timeout=30000)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert wizard.streamed
    preview.same_phone_combo.setCurrentIndex(preview.same_phone_combo.findData("merge"))
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard.busy(), timeout=30000)
    assert wizard.plan.same_phone == "merge"

    with qtbot.waitSignal(context.customers_changed, timeout=30000):
        wizard.next()
    assert [c.name for c in queries.find_by_phone("13900000001")] == ["老王"]  # 李四's row merged, as chosen


def test_courier_warnings_count_and_lines_agree(qapp):
    from sellerdesk.exchange.export import ExportWarning
    from sellerdesk.ui.exchange.import_wizard import ExchangeText

    warnings = [ExportWarning(3, "收件人手机\n（必填）", "missing"), ExportWarning(4, "收件地址", "missing")]
    text = ExchangeText.courier_warnings(warnings, 15)
    assert len(text.splitlines()) == 1 + len(warnings)
    assert "Row 3, 收件人手机 （必填）: " in text
    text = ExchangeText.courier_warnings(warnings * 10, 15)
    assert text.splitlines()[0].startswith("20 ") and text.splitlines()[-1] == "… and 5 more"
    assert len(text.splitlines()) == 1 + 15 + 1
