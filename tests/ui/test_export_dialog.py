"""The export dialog on a real temp store (jobs synchronous, then once on the thread pool)."""

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk.store import customers, queries
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.exchange.actions import ExchangeController
from sellerdesk.ui.exchange.export_dialog import ExportDialog
from sellerdesk.ui.widgets import dialogs


@pytest.fixture
def launched(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "launch", lambda d: shown.append(d) or 0)
    return shown


def fill():
    customers.create_customer(
        {"name": "张三🌸", "phone": "13812345678", "notes": "=1+1"},
        [
            {"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园1号"},
            {"province": "浙江省", "city": "杭州市", "district": "西湖区", "detail": "文三路90号"},
        ],
    )
    customers.create_customer(
        {"name": "李四", "phone": "13987654321"},
        [{"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "建国路1号"}],
    )


def rows(path):
    return [list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]


def test_export_current_view_with_chosen_columns(qtbot, data_dir, launched, tmp_path, sync_jobs):
    fill()
    dialog = ExportDialog(queries.CustomerFilter(provinces=("广东省",)))
    qtbot.addWidget(dialog)
    assert "1 customers" in dialog.view_radio.text() and "2 customers" in dialog.all_radio.text()
    dialog.path_edit.setText(str(tmp_path / "广东"))
    assert dialog.per_address.isChecked()  # every address by default: the file re-imports as the same data
    for i in range(dialog.columns.count()):
        item = dialog.columns.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("name", "phone", "province", "notes")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    assert rows(tmp_path / "广东.xlsx") == [
        ["姓名", "手机", "省", "备注"],
        ["张三🌸", "13812345678", "广东省", "'=1+1"],
        ["张三🌸", "13812345678", "浙江省", "'=1+1"],
    ]
    assert isinstance(launched[-1], QMessageBox) and "2 rows" in launched[-1].text()


def test_everyone_with_the_courier_template_flags_emoji(qtbot, data_dir, launched, tmp_path, sync_jobs):
    fill()
    dialog = ExportDialog(queries.CustomerFilter(provinces=("广东省",)))
    qtbot.addWidget(dialog)
    dialog.all_radio.setChecked(True)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("generic"))
    assert not dialog.columns.isEnabled() and not dialog.per_address.isChecked()  # one waybill per customer
    dialog.path_edit.setText(str(tmp_path / "kd.xlsx"))
    dialog.start_export()
    out = rows(tmp_path / "kd.xlsx")
    assert out[0][0] == "收件人姓名" and len(out) == 3
    assert "courier may reject" in launched[-1].text()


def test_empty_view_is_refused_with_a_message(qtbot, data_dir, launched, tmp_path, sync_jobs):
    dialog = ExportDialog(queries.CustomerFilter(search="nobody"))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "x.xlsx"))
    dialog.start_export()
    assert isinstance(launched[-1], QMessageBox)
    assert "Nothing to export" in launched[-1].text()
    assert not (tmp_path / "x.xlsx").exists()


def test_controller_export_runs_on_the_thread_pool(qtbot, data_dir, launched, tmp_path):
    fill()
    window = QWidget()
    qtbot.addWidget(window)
    context = AppContext(data_dir, data_dir.key)
    controller = ExchangeController(context, window, lambda: queries.CustomerFilter(search="李四"))
    dialog = controller.start_export()
    assert launched[0] is dialog
    dialog.path_edit.setText(str(tmp_path / "li.xlsx"))
    with qtbot.waitSignal(controller.exported, timeout=30000):
        dialog.start_export()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert rows(tmp_path / "li.xlsx")[1][1] == "李四"
    assert context.settings.value("exchange/export_folder") == str(tmp_path)


def test_export_summary_says_how_many_are_in_a_remote_area(qtbot, data_dir, launched, tmp_path, sync_jobs):
    fill()
    customers.create_customer(
        {"name": "阿依", "phone": "13911112222"},
        [{"province": "新疆维吾尔自治区", "city": "乌鲁木齐市", "district": "天山区", "detail": "人民路1号"}],
    )
    dialog = ExportDialog(queries.CustomerFilter())
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "all"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    assert dialog.remote_customers == 1
    assert "1 customer(s) in a remote area (偏远地区)" in launched[-1].text()
    dialog = ExportDialog(queries.CustomerFilter(provinces=("广东省",)))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "gd"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    assert dialog.remote_customers == 0 and "remote" not in launched[-1].text()


def test_remote_summary_text_of_orders(chinese):
    from sellerdesk.ui.shipping.remote_text import remote_summary

    assert remote_summary(orders=3) == "3 个订单发往偏远地区"
    assert remote_summary(customers=2) == "2 位客户在偏远地区"
    assert remote_summary() == ""
