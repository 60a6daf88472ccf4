"""The privacy workflows in the window, offscreen: erase for good, export one person, masking mode
in the editor and exports, the audit log, retention and the privacy notice."""

import json

import openpyxl
from PySide6.QtCore import QDate, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QStyle

from sellerdesk.store import audit, customers, orders, privacy, queries
from sellerdesk.store.models import Customer
from sellerdesk.ui.audit.audit_dialog import AuditDialog
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.exchange.export_dialog import ExportDialog
from sellerdesk.ui.privacy.erase_dialog import EraseDialog
from sellerdesk.ui.privacy.notice_dialog import NoticeDialog
from sellerdesk.ui.privacy.retention_dialog import RetentionDialog

NAME, PHONE, MASKED = "欧阳娜娜", "13912345678", "139****5678"


def _person():
    c = customers.create_customer(
        {"name": NAME, "phone": PHONE},
        [
            {
                "recipient": NAME,
                "phone": PHONE,
                "province": "广东省",
                "city": "深圳市",
                "district": "南山区",
                "detail": "科兴科学园B栋1201",
            }
        ],
    )
    orders.add_order(c.id, amount_fen=12850, items="面膜")
    return c.id


def _select(window, cid):
    window.on_customers_changed()
    window.select_customer(cid)
    assert window.selected_ids() == [cid]


def test_erase_needs_the_name_typed(qtbot):
    dialog = EraseDialog([(7, NAME, PHONE)])
    qtbot.addWidget(dialog)
    assert NAME in dialog.head.text()
    dialog.typed.setText("欧阳")
    assert not dialog.confirmed()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.error.text()
    dialog.typed.setText(NAME)
    assert dialog.confirmed()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    nameless = EraseDialog([(7, "", PHONE)])
    qtbot.addWidget(nameless)
    assert MASKED in nameless.head.text() and PHONE not in nameless.head.text()
    assert nameless.expected == "7"
    several = EraseDialog([(1, "a", ""), (2, "b", "")])
    qtbot.addWidget(several)
    assert several.expected == "2"


def test_erase_from_the_table_menu(laptop_window, modals):
    window = laptop_window
    cid = _person()
    keep = customers.create_customer({"name": "李四", "phone": "13700000000"}).id
    _select(window, cid)
    menu = window.table_menu()
    assert window.privacy.erase_action in menu.actions() and window.privacy.export_person_action in menu.actions()

    modals.on(EraseDialog, lambda d: d.reject())  # cancelled: nothing happens
    assert not window.privacy.erase_selected()
    assert Customer.get_by_id(cid).name == NAME

    def confirm(dialog):
        dialog.typed.setText(NAME)
        dialog.accept()

    modals.on(EraseDialog, confirm)
    assert window.privacy.erase_selected()
    assert Customer.get_by_id(cid).name == "" and Customer.get_by_id(keep).name == "李四"
    assert queries.ordered_ids() == [keep]
    assert window.model.rowCount() == 1
    assert "backup" in modals[-1].text()
    # in the Trash view too: the tombstone is not there
    window.trash_view_action.trigger()
    assert window.model.rowCount() == 0


def test_export_person_from_the_window(laptop_window, modals, tmp_path):
    window = laptop_window
    cid = _person()
    _select(window, cid)
    written = window.privacy.export_selected(str(tmp_path / "p.json"))
    assert json.loads(written.read_text(encoding="utf-8"))["customer"]["phone"] == PHONE
    written = window.privacy.export_selected(str(tmp_path / "p.xlsx"))
    assert written.exists()
    assert window.privacy.export_selected(str(tmp_path / "p.txt")) is None
    assert not (tmp_path / "p.txt").exists()
    assert [e.action for e in audit.entries(actions=["export_person"])] == ["export_person"] * 2


def test_masking_mode_reaches_the_editor(laptop_window):
    window = laptop_window
    cid = _person()
    _select(window, cid)
    editor = window.editor
    editor.load(cid)
    assert editor.phone.displayText() == PHONE and not editor.phone.isReadOnly()
    window.mask_action.trigger()
    assert window.model.data(window.model.index(0, COLUMNS.index("phone"))) == MASKED
    for field in (editor.phone, editor.address_phone):
        assert field.displayText() == MASKED and field.isReadOnly()
        assert field.text() == PHONE  # what a save reads
        # the whole masked number is in sight beside the eye button (it lost its last digit at 1366)
        button = field.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        right_edge = QPoint(field.width() - button - 2, field.height() // 2)
        assert field.cursorPositionAt(right_edge) == len(MASKED), field.objectName()
    listed = editor.address_list.item(0).text()
    assert MASKED in listed and PHONE not in listed
    history = [editor.history.topLevelItem(i).text(2) for i in range(editor.history.topLevelItemCount())]
    assert history and all(PHONE not in h for h in history)
    assert not editor.dirty
    # a save while masked keeps the real number
    editor.name.setText("欧阳娜")
    editor.name.textEdited.emit("欧阳娜")
    editor.save()
    assert Customer.get_by_id(cid).phone == PHONE
    # the eye button unmasks that field only; the next load masks it again
    editor.phone.reveal_action.trigger()
    assert editor.phone.displayText() == PHONE and not editor.phone.isReadOnly()
    assert editor.address_phone.displayText() == MASKED
    editor.load(cid)
    assert editor.phone.displayText() == MASKED
    # a new customer's numbers are typed in the clear
    editor.new_customer()
    assert not editor.phone.isReadOnly()
    editor.load(cid)
    window.mask_action.trigger()
    assert editor.phone.displayText() == PHONE and editor.address_phone.displayText() == PHONE
    assert PHONE in editor.address_list.item(0).text()


def test_masking_forced_by_the_role_leaves_no_way_to_unmask(laptop_window, modals):
    """A team helper without the phones permission (TeamController.apply_role sets mask_forced):
    no eye button on either phone field, triggering it anyway shows nothing, the line edits never
    hold the number, the clipboard copies (address, an order's ship-to) and labels are masked, and a
    save still keeps the stored number."""
    from PySide6.QtWidgets import QLineEdit

    window = laptop_window
    cid = _person()
    _select(window, cid)
    editor = window.editor
    window.context.mask_forced = True  # what apply_role does for such a helper
    window.mask_action.setChecked(True)
    window.mask_action.setEnabled(False)
    window.toggle_mask()
    editor.load(cid)
    for field in (editor.phone, editor.address_phone):
        assert field.locked() and field.isReadOnly()
        assert not field.reveal_action.isVisible() and not field.reveal_action.isEnabled()
        field.reveal_action.trigger()  # the QA's one click
        field.set_masked(False)  # and any code path that would unmask it
        assert field.displayText() == MASKED and QLineEdit.text(field) == MASKED
        assert field.isReadOnly()
    editor.copy_address()
    assert PHONE not in QGuiApplication.clipboard().text() and MASKED in QGuiApplication.clipboard().text()
    editor.name.setText("欧阳娜")
    editor.name.textEdited.emit("欧阳娜")
    editor.save()
    assert Customer.get_by_id(cid).phone == PHONE
    assert editor.phone.displayText() == MASKED and not editor.phone.reveal_action.isVisible()
    # labels: the mask box is ticked and cannot be unticked; an order's copied ship-to is masked
    from sellerdesk.ui.shipping.labels_dialog import LabelsDialog

    window.print_customer_labels()
    [labels] = modals.of(LabelsDialog)
    assert labels.mask.isChecked() and not labels.mask.isEnabled()
    window.show_orders()
    view = window.orders_view
    view.reload()
    view.select_ids([view.model.ids()[0]])
    view.copy_address()
    assert MASKED in QGuiApplication.clipboard().text() and PHONE not in QGuiApplication.clipboard().text()
    window.show_customers()
    # a new customer's number is typed by the helper: an empty field may be unmasked to type it
    editor.new_customer()
    assert editor.phone.displayText() == "" and not editor.phone.isReadOnly()
    editor.load(cid)
    assert editor.phone.displayText() == MASKED and editor.phone.isReadOnly()


def test_export_dialog_masks_when_asked(qtbot, data_dir, modals, tmp_path, sync_jobs):
    _person()
    dialog = ExportDialog(queries.CustomerFilter(), mask=True)
    qtbot.addWidget(dialog)
    assert dialog.mask.isChecked()
    dialog.path_edit.setText(str(tmp_path / "m.xlsx"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export()
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx", read_only=True)
    cells = [str(c) for row in wb.active.iter_rows(values_only=True) for c in row if c]
    wb.close()
    assert MASKED in cells and PHONE not in " ".join(cells)
    assert audit.entries(actions=["export"])[0].detail["masked"] is True
    plain = ExportDialog(queries.CustomerFilter())
    qtbot.addWidget(plain)
    assert not plain.mask.isChecked()


def test_audit_dialog_filters_and_exports(qtbot, data_dir, modals, tmp_path, sync_jobs):
    cid = _person()
    customers.trash_customers([cid])
    privacy.erase_customer(cid)
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"Customer added", "Moved to the Trash", "Erased for good (personal data)"} <= shown
    everything = " ".join(
        dialog.table.item(r, c).text()
        for r in range(dialog.table.rowCount())
        for c in range(dialog.table.columnCount())
    )
    assert NAME not in everything and PHONE not in everything
    dialog.action.setCurrentIndex(dialog.action.findData("erase"))
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == str(cid)
    dialog.export(str(tmp_path / "log.csv"))
    text = (tmp_path / "log.csv").read_text(encoding="utf-8-sig")
    assert "erase" in text and NAME not in text
    dialog.export(str(tmp_path / "log.xlsx"))
    assert (tmp_path / "log.xlsx").exists()
    dialog.export(str(tmp_path / "log.txt"))
    assert not (tmp_path / "log.txt").exists() and modals[-1].icon() == modals[-1].Icon.Critical
    dialog.action.setCurrentIndex(0)
    dialog.since.setDate(QDate(2999, 1, 1))
    dialog.until.setDate(QDate(2999, 1, 2))
    assert dialog.table.rowCount() == 0 and not dialog.export_button.isEnabled()


def test_retention_offers_and_erases(qtbot, app_context, modals, sync_jobs):
    old = _person()
    Customer.update(last_order_at="2015-01-01 00:00:00").where(Customer.id == old).execute()
    recent = customers.create_customer({"name": "李四"}).id
    dialog = RetentionDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.years.value() == 3
    dialog.find()
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [str(old)]
    dialog.years.setValue(0)
    dialog.find()
    assert privacy.retention_years() == 0 and dialog.table.rowCount() == 0 and not dialog.erase_button.isEnabled()
    dialog.years.setValue(5)
    dialog.find()

    def confirm(d):
        d.typed.setText(d.expected)
        d.accept()

    modals.on(EraseDialog, confirm)
    dialog.erase()
    assert dialog.erased == [old] and dialog.table.rowCount() == 0
    assert Customer.get_by_id(old).name == "" and Customer.get_by_id(recent).name == "李四"


def test_notice_edit_save_copy(qtbot, data_dir):
    dialog = NoticeDialog()
    qtbot.addWidget(dialog)
    assert "隐私告知" in dialog.text.toPlainText()
    dialog.text.setPlainText("我的隐私告知")
    dialog.copy()
    assert QGuiApplication.clipboard().text() == "我的隐私告知"
    assert dialog.save() and privacy.notice() == "我的隐私告知"
    again = NoticeDialog()
    qtbot.addWidget(again)
    assert again.text.toPlainText() == "我的隐私告知"
    again.default_button.click()
    assert "隐私告知" in again.text.toPlainText() and again.text.toPlainText() != "我的隐私告知"


def test_privacy_menu_opens_each_dialog(laptop_window, modals):
    window = laptop_window
    for action in (window.privacy.notice_action, window.privacy.audit_action, window.privacy.retention_action):
        action.trigger()
    kinds = {type(d) for d in modals}
    assert {NoticeDialog, AuditDialog, RetentionDialog} <= kinds
    assert window.privacy.menu.menuAction() in window.menuBar().actions()


def test_a_masked_helper_s_editor_does_not_call_the_server_s_mask_a_wrong_number(laptop_window):
    """A team server hands a helper without phones the masks of stored numbers (store.masking_pg):
    the editor shows them without the red "not a mainland number" (the save keeps the stored one)."""
    from sellerdesk.store.models import Address

    window = laptop_window
    cid = _person()
    Address.update(phone=MASKED).where(Address.customer == cid).execute()  # what the server's view shows
    _select(window, cid)
    editor = window.editor
    editor.load(cid)
    assert "invalid_phone" in {p.code for p in editor.current_problems()}  # (the owner's file: a wrong number)
    window.context.mask_forced = True
    editor.load(cid)
    assert "invalid_phone" not in {p.code for p in editor.current_problems()}
