"""偏远地区 in the GUI: the settings dialog, the region tree node, the table flags, the order filter."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from sellerdesk.core.remote import DEFAULT_ENTRIES
from sellerdesk.store import customers, orders, remote_areas
from sellerdesk.store.customers import AddressEdit
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.shipping import remote_dialog
from sellerdesk.ui.shipping.remote_dialog import RemoteAreasDialog
from sellerdesk.ui.widgets import dialogs


def _add(name, province, city, district):
    values = {"province": province, "city": city, "district": district, "detail": "某路1号"}
    return customers.save_customer(None, {"name": name}, [AddressEdit(values, is_default=True)]).id


@pytest.fixture
def window(store, qtbot, monkeypatch, sync_jobs):
    monkeypatch.setattr(dialogs, "launch", lambda dialog: QDialog.DialogCode.Accepted)
    context = AppContext(store, store.key, QSettings(str(store.home / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(context)
    win.reminded = True
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.backup is not None:
        win.backup.on_close = lambda: True
    win.close()


def test_dialog_shows_the_defaults_checked(qtbot, store):
    dialog = RemoteAreasDialog(remote_areas.entries())
    qtbot.addWidget(dialog)
    checked = [entry for entry, box in dialog.options.items() if box.isChecked()]
    assert checked == list(DEFAULT_ENTRIES)
    assert not dialog.options["海南省"].isChecked() and not dialog.options["港澳台"].isChecked()
    assert dialog.free.toPlainText() == ""


def test_dialog_refuses_an_unknown_place_and_keeps_the_list(qtbot, store):
    dialog = RemoteAreasDialog(remote_areas.entries())
    qtbot.addWidget(dialog)
    dialog.free.setPlainText("甘孜州\n火星")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.entries is None
    assert "火星" in dialog.error.text()
    dialog.free.setPlainText("朝阳区")
    dialog.accept()
    assert "朝阳区" in dialog.error.text() and "several" in dialog.error.text()
    assert remote_areas.entries() == list(DEFAULT_ENTRIES)


def test_saving_through_the_menu_recounts_the_tree(window, monkeypatch):
    far = _add("甘孜客户", "四川省", "甘孜藏族自治州", "理塘县")
    xj = _add("新疆客户", "新疆维吾尔自治区", "乌鲁木齐市", "天山区")
    _add("深圳客户", "广东省", "深圳市", "南山区")
    window.on_customers_changed()
    texts = [window.regions.model_.item(r).text() for r in range(window.regions.model_.rowCount())]
    assert "Remote areas  (1)" in texts

    def answer(dialog):
        dialog.options["新疆维吾尔自治区"].setChecked(False)
        dialog.options["港澳台"].setChecked(True)
        dialog.free.setPlainText("四川省甘孜藏族自治州")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "launch", answer)
    assert remote_dialog.edit_remote_areas(window, window.context)
    assert "新疆维吾尔自治区" not in remote_areas.entries() and "港澳台" in remote_areas.entries()
    texts = [window.regions.model_.item(r).text() for r in range(window.regions.model_.rowCount())]
    assert "Remote areas  (1)" in texts
    window.regions.select_keys([("remote", None)])
    assert window.model.ids() == [far]
    column = COLUMNS.index("address")
    row = window.model.ids().index(far)
    assert not window.model.data(window.model.index(row, column), Qt.ItemDataRole.DecorationRole).isNull()
    window.regions.select_keys([("all", None)])
    xj_row = window.model.ids().index(xj)
    assert window.model.data(window.model.index(xj_row, column), Qt.ItemDataRole.DecorationRole) is None


def test_order_view_filter_and_flag(window, qtbot):
    far = _add("新疆客户", "新疆维吾尔自治区", "乌鲁木齐市", "天山区")
    near = _add("深圳客户", "广东省", "深圳市", "南山区")
    o_far = orders.add_order(far, amount_fen=100).id
    orders.add_order(near, amount_fen=100)
    view = window.orders_view
    view._fill_regions()
    view.reload(data_changed=True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.region.setCurrentIndex(view.region.findData("remote"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.ids() == [o_far]
    from sellerdesk.ui.orders.table_model import COLUMNS as ORDER_COLUMNS

    index = view.model.index(0, ORDER_COLUMNS.index("region"))
    assert not view.model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    assert "Remote area" in view.model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_labels_from_the_customer_table_and_the_order_view(window, monkeypatch):
    from sellerdesk.ui.shipping.labels_dialog import LabelsDialog

    a = _add("甘孜客户", "四川省", "甘孜藏族自治州", "理塘县")
    order = orders.add_order(a, amount_fen=100).id
    window.on_customers_changed()
    seen = []
    monkeypatch.setattr(dialogs, "launch", lambda dialog: seen.append(dialog) or QDialog.DialogCode.Rejected)
    window.table.selectRow(0)
    assert window.labels_action in window.table_menu().actions()
    window.labels_action.trigger()
    assert isinstance(seen[-1], LabelsDialog) and seen[-1].kind == "customers" and seen[-1].ids == [a]
    view = window.orders_view
    assert view.labels_action in window.orders_menu.actions()
    monkeypatch.setattr(view, "selected_ids", lambda: [order])
    view.labels_action.trigger()
    assert isinstance(seen[-1], LabelsDialog) and seen[-1].kind == "orders" and seen[-1].ids == [order]
    # no sender saved: the dialog offers the shipping settings, where senders are set
    from sellerdesk.ui.shipping.settings_dialog import ShippingSettingsDialog

    labels = seen[-1]
    assert labels.senders_button.isVisibleTo(labels)
    labels.senders_button.click()
    assert isinstance(seen[-1], ShippingSettingsDialog)
