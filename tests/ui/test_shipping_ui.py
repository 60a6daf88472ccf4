"""Shipping day's dialogs, offscreen on a real temp store: the template mapping dialog, shipping
settings (senders, preferred couriers), the waybill export dialog's choices, tracking import,
and Copy shipping message in the orders view."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from sellerdesk.exchange.templates import list_templates, load_template
from sellerdesk.store import senders as store_senders
from sellerdesk.store import shipping
from sellerdesk.store.models import Order
from sellerdesk.store.orders import OrderFilter
from sellerdesk.store.senders import Sender
from sellerdesk.ui.shipping.export_dialog import WaybillExportDialog
from sellerdesk.ui.shipping.settings_dialog import ShippingSettingsDialog
from sellerdesk.ui.shipping.template_dialog import TemplateMappingDialog
from sellerdesk.ui.shipping.tracking_dialog import TrackingImportDialog
from shipping_data import blank_template, make_orders


def test_mapping_dialog_proposes_lets_adjust_previews_and_saves(qtbot, store, modals, tmp_path):
    ids = make_orders()
    dialog = TemplateMappingDialog(blank_template(tmp_path / "中通模板.xlsx"))
    qtbot.addWidget(dialog)
    assert dialog.proposal.header_row == 2 and dialog.header_spin.value() == 2
    assert dialog.courier_edit.currentText() == "中通"  # from the file name
    mapping = dict(zip(dialog.proposal.headers, dialog.mapping()))
    assert mapping["收件人姓名(必填)"] == "recipient" and mapping["备注"] is None
    row = dialog.proposal.headers.index("物品名称")
    assert dialog.table.item(row, 2).text() == "面膜×2, 护手霜"  # preview of the first order to ship
    dialog.set_value("备注", "order_notes")
    dialog.set_value("付款方式", "")
    dialog.name_edit.setText("中通")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    tpl = load_template("中通")
    assert tpl.courier == "中通" and {c.header: c.value for c in tpl.columns}["备注"] == "order_notes"
    assert ids  # (the orders the preview read)


def test_mapping_dialog_private_notes_ask_first_and_bad_name_is_one_line(qtbot, store, modals, tmp_path):
    dialog = TemplateMappingDialog(blank_template(tmp_path / "b.xlsx"))
    qtbot.addWidget(dialog)
    dialog.set_value("备注", "notes")
    dialog.name_edit.setText("x")
    modals.confirm = False
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted and "x" not in [t.name for t in list_templates()]
    assert "private notes" in modals[-1].text()
    modals.confirm = True
    dialog.name_edit.setText("sf")  # a shipped layout's name
    dialog.save()
    assert "already exists" in dialog.error.text()
    dialog.name_edit.setText("ok")
    dialog.save()
    assert {c.header: c.value for c in load_template("ok").columns}["备注"] == "notes"


def test_mapping_dialog_header_row_can_be_chosen(qtbot, store, modals, tmp_path):
    dialog = TemplateMappingDialog(blank_template(tmp_path / "b.xlsx"))
    qtbot.addWidget(dialog)
    dialog.header_spin.setValue(1)  # the title row: nothing maps
    assert not any(dialog.mapping())
    dialog.header_spin.setValue(2)
    assert dialog.mapping()[1] == "recipient"


def test_senders_settings_add_default_and_refuse_without_phone(qtbot, store, modals):
    dialog = ShippingSettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.empty_senders.isVisibleTo(dialog)
    dialog.add_sender()
    for name, text in (("label", "一号仓"), ("name", "小美"), ("province", "广东省"), ("detail", "体育西路1号")):
        dialog.sender_edits[name].setText(text)
        dialog.sender_edits[name].textEdited.emit(text)
    dialog.save()
    assert "phone" in dialog.error.text() and store_senders.senders() == []
    dialog.sender_edits["phone"].setText("136 0000 0000")
    dialog.sender_edits["phone"].textEdited.emit("136 0000 0000")
    dialog.add_sender()
    dialog.sender_edits["name"].setText("二仓")
    dialog.sender_edits["name"].textEdited.emit("二仓")
    dialog.sender_edits["phone"].setText("13700000000")
    dialog.sender_edits["phone"].textEdited.emit("13700000000")
    dialog.default_box.setChecked(True)
    dialog.tabs.setCurrentIndex(1)
    dialog.add_rule("华南", "sf")
    dialog.add_rule("*", "split_region")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = store_senders.senders()
    assert [(s.title, s.phone, s.is_default) for s in saved] == [
        ("二仓", "13700000000", True),
        ("一号仓", "13600000000", False),
    ]
    assert shipping.preferred_couriers() == {"华南": "sf", "*": "split_region"}
    again = ShippingSettingsDialog()
    qtbot.addWidget(again)
    assert again.sender_list.count() == 2 and again.rules() == {"华南": "sf", "*": "split_region"}


def test_export_dialog_sources_sender_and_csv(qtbot, store, modals, sync_jobs, tmp_path):
    ids = make_orders()
    store_senders.save_senders([Sender(name="小美", phone="13600000000"), Sender(name="二仓", phone="13700000000")])
    dialog = WaybillExportDialog([ids["bj"], ids["old"]], OrderFilter(provinces=("浙江省",)))
    qtbot.addWidget(dialog)
    assert "4" in dialog.pending_radio.text() and dialog.pending_radio.isChecked()
    assert "2" in dialog.selected_radio.text() and "2" in dialog.filter_radio.text()
    assert dialog.template_combo.currentData() == "split_region"  # no preferred couriers yet
    assert dialog.sender_combo.currentData().name == "小美"  # the default sender preselected
    assert "4 orders" in dialog.split_label.text() and "remote" not in dialog.split_label.text()
    from sellerdesk.store import remote_areas

    remote_areas.save_entries(["浙江省"])  # (a seller's own 偏远地区: the two 杭州 orders)
    dialog._update_split()
    assert "2 order(s) ship to a remote area" in dialog.split_label.text()  # (no English .qm in tests)
    dialog.selected_radio.setChecked(True)
    assert dialog.order_ids() == [ids["bj"], ids["old"]]
    dialog.filter_radio.setChecked(True)
    assert dialog.order_ids() == [ids["hz1"], ids["hz2"]]
    dialog.pending_radio.setChecked(True)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("full_address"))
    dialog.sender_combo.setCurrentIndex(1)
    dialog.format_combo.setCurrentIndex(2)  # CSV UTF-8 with BOM
    dialog.path_edit.setText(str(tmp_path / "today.csv"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    data = (tmp_path / "today.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig").count("\n") == 5
    assert isinstance(modals[-1], QMessageBox) and "4 orders" in modals[-1].text()
    assert "2 order(s) ship to a remote area" in modals[-1].text()


def test_export_dialog_splits_by_preferred_courier(qtbot, store, modals, sync_jobs, tmp_path):
    make_orders()
    shipping.save_preferred_couriers({"华南": "sf", "*": "split_region"})
    dialog = WaybillExportDialog()
    qtbot.addWidget(dialog)
    assert dialog.template_combo.currentData() is None
    assert "one file per courier" in dialog.split_label.text()
    dialog.path_edit.setText(str(tmp_path / "w.xlsx"))
    dialog.start_export()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 2 and all(name.startswith("w-") for name in files)
    sf = next(p for p in tmp_path.iterdir() if "顺丰" in p.name)
    assert openpyxl.load_workbook(sf).active.max_column == 44


def test_export_dialog_cancel_during_a_job_cancels_it(qtbot, store, modals, tmp_path):
    make_orders()
    dialog = WaybillExportDialog()
    qtbot.addWidget(dialog)

    class FakeJob:
        cancelled = False

        def cancel(self):
            self.cancelled = True

    dialog.show()
    dialog.job = FakeJob()
    dialog.reject()  # Cancel while writing: the job is told to stop, the dialog stays to say so
    assert dialog.job.cancelled and dialog.isVisible()
    dialog.job_failed(None)
    assert "cancelled" in dialog.phase.text()


def _result_sheet(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["运单号", "订单号", "收件人手机"])
    ws.append(["SF2001", "A001", ""])
    ws.append(["7300003", "", "13712345678"])  # two pending orders on this phone
    book.save(path)
    return path


def test_tracking_import_dialog_lists_unmatched_rows(qtbot, store, modals, sync_jobs, tmp_path):
    ids = make_orders()
    dialog = TrackingImportDialog(_result_sheet(tmp_path / "r.xlsx"))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert "1 orders marked" in dialog.summary.text() and "1 rows not matched" in dialog.summary.text()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "7300003"
    assert "not guessed" in dialog.table.item(0, 3).text()
    assert Order.get_by_id(ids["sz"]).status == "shipped"
    dialog.start_import()  # the same sheet again: nothing changes
    assert "0 orders marked" in dialog.summary.text() and "1 tracking" not in dialog.summary.text()


def test_tracking_import_dialog_bad_file_is_one_line(qtbot, store, modals, sync_jobs, tmp_path):
    make_orders()
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机"])
    book.save(tmp_path / "x.xlsx")
    dialog = TrackingImportDialog(tmp_path / "x.xlsx")
    qtbot.addWidget(dialog)
    dialog.start_import()
    assert "tracking-number column" in dialog.summary.text() and "\n" not in dialog.summary.text()


@pytest.fixture
def orders_view(app_context, qtbot, sync_jobs, modals):
    from sellerdesk.ui.orders.view import OrdersView

    widget = OrdersView(app_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def test_copy_shipping_message(qtbot, orders_view, store):
    ids = make_orders()
    orders_view.reload(data_changed=True)
    qtbot.waitUntil(lambda: orders_view.model.rowCount() > 0)
    orders_view.select_ids([ids["old"]])
    assert orders_view.copy_message_action.isEnabled()
    orders_view.copy_message_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert "顺丰" in text and "SF1000" in text and "张三" in text


def test_export_to_a_name_that_is_a_folder_says_so_in_one_line(qtbot, store, modals, sync_jobs, tmp_path):
    make_orders()
    dialog = WaybillExportDialog()
    qtbot.addWidget(dialog)
    (tmp_path / "dir.xlsx").mkdir()
    dialog.path_edit.setText(str(tmp_path / "dir.xlsx"))
    dialog.start_export()
    shown = dialog.phase.text() + " ".join(getattr(m, "text", lambda: "")() for m in modals if hasattr(m, "text"))
    assert "a folder has that name" in shown and str(tmp_path / "dir.xlsx") in shown and ".part" not in shown
    assert "Errno" not in shown and "Is a directory" not in shown


def test_export_dialog_refuses_selected_orders_that_are_cancelled(qtbot, store, modals, sync_jobs, tmp_path):
    from sellerdesk.store import orders

    ids = make_orders()
    orders.set_status([ids["bj"]], "cancelled")
    dialog = WaybillExportDialog([ids["sz"], ids["bj"]])
    qtbot.addWidget(dialog)
    dialog.selected_radio.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "sel.xlsx"))
    dialog.start_export()
    assert dialog.job is None and not (tmp_path / "sel.xlsx").exists()
    message = modals[-1]
    assert isinstance(message, QMessageBox) and f"#{ids['bj']} (Cancelled)" in message.text()
    assert f"#{ids['sz']}" not in message.text() and "\n" not in message.text()


def test_export_dialog_counts_the_remote_orders_once(qtbot, store, modals, sync_jobs, tmp_path, monkeypatch):
    from sellerdesk.store import remote_areas

    make_orders()
    remote_areas.save_entries(["浙江省"])
    counted = []
    real = remote_areas.count_orders

    def count_orders(ids):
        counted.append(True)
        return real(ids)

    monkeypatch.setattr(remote_areas, "count_orders", count_orders)
    dialog = WaybillExportDialog()
    qtbot.addWidget(dialog)
    assert len(counted) == 1 and "2 order(s) ship to a remote area" in dialog.split_label.text()
    dialog.path_edit.setText(str(tmp_path / "today.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    assert "2 order(s) ship to a remote area" in modals[-1].text()
    assert len(counted) == 1  # the split line's count, not read again for the final message


def test_tracking_import_dialog_header_row_can_be_chosen(qtbot, store, modals, sync_jobs, tmp_path):
    ids = make_orders()
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机", "地址"])  # a block above the result rows looks like a header too
    book.active.append(["张三", "13812345678", "深圳"])
    book.active.append(["运单号", "订单号", "收件人手机"])
    book.active.append(["SF2001", "A001", ""])
    book.save(tmp_path / "r.xlsx")
    dialog = TrackingImportDialog(tmp_path / "r.xlsx")
    qtbot.addWidget(dialog)
    assert dialog.header_spin.row() is None and dialog.header_spin.text() == "Found by itself"
    dialog.start_import()
    assert "tracking-number column" in dialog.summary.text() and Order.get_by_id(ids["sz"]).status == "pending"
    dialog.header_spin.setValue(3)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert "1 orders marked" in dialog.summary.text() and Order.get_by_id(ids["sz"]).status == "shipped"
    dialog.header_spin.setValue(50)
    dialog.start_import()
    assert "outside" in dialog.summary.text()
