"""The main window with orders: pages, new order actions, counts refreshed on orders_changed."""

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolButton

from sellerdesk.core import clock
from sellerdesk.store import customers
from sellerdesk.store import orders as store_orders
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.orders.order_dialog import OrderDialog


@pytest.fixture
def window(laptop_window):
    return laptop_window


def _customer(name="张三", phone="13812345678"):
    address = {"recipient": name, "phone": phone, "province": "广东省", "city": "深圳市", "district": "南山区"}
    return customers.create_customer({"name": name, "phone": phone}, [address | {"detail": "1号"}]).id


def _record(modals, amount="10"):
    def fill(dialog):
        dialog.amount.setText(amount)
        dialog.accept()

    modals.on(OrderDialog, fill)


def _overflows(window):
    button = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    return button is not None and button.isVisible()


def test_pages_switch_and_the_toolbar_follows(window):
    assert window.pages.currentWidget() is window.splitter and window.customers_page_action.isChecked()
    shown = lambda twins: [t.isVisible() for t in twins]  # noqa: E731
    assert all(shown(window.customer_buttons)) and not any(shown(window.order_buttons))
    assert not _overflows(window)
    window.orders_page_action.trigger()
    assert window.orders_page_shown() and window.orders_view.loaded
    assert not any(shown(window.customer_buttons)) and all(shown(window.order_buttons))
    assert not _overflows(window)
    assert window.summary.text().startswith("Orders: 0")
    assert not window.delete_action.isVisible() and not window.edit_action.isVisible()
    assert window.undo_action.text() == "&Undo delete orders"
    window.customers_page_action.trigger()
    assert window.pages.currentWidget() is window.splitter
    assert window.summary.text().startswith("Customers: 0")
    assert window.delete_action.isVisible() and window.undo_action.text() == "&Undo move to Trash"
    window.to_ship_action.trigger()
    assert window.orders_page_shown() and window.orders_view.current_filter().statuses == ("pending",)


def test_new_order_for_the_selected_customer_refreshes_the_table(window, modals):
    cid = _customer()
    window.on_customers_changed()
    window.select_customer(cid)
    _record(modals)
    window.new_order_action.trigger()
    dialog = modals.of(OrderDialog)[0]
    assert dialog.customer_id == cid
    assert store_orders.count_orders() == 1
    column = COLUMNS.index("last_order")
    row = window.model.row_of(cid)
    assert window.model.data(window.model.index(row, column)) == clock.today().isoformat()
    assert window.statusBar().currentMessage() == "Order recorded."


def test_orders_written_behind_the_customer_page_refresh_it_when_shown(window, modals):
    cid = _customer()
    window.on_customers_changed()
    window.show_orders()
    store_orders.add_order(cid, amount_fen=100)
    window.context.orders_changed.emit()
    assert window.customers_stale
    assert window.orders_view.model.rowCount() == 1  # the view in front reloaded at once
    window.show_customers()
    assert not window.customers_stale
    row = window.model.row_of(cid)
    assert window.model.data(window.model.index(row, COLUMNS.index("last_order")))


def test_new_order_from_the_clipboard_selects_it_on_the_orders_page(window, modals):
    cid = _customer()
    window.show_orders()
    QGuiApplication.clipboard().setText("张三 13812345678")
    _record(modals, "25")
    window.paste_order_action.trigger()
    order_id = store_orders.order_ids()[0]
    assert store_orders.get_order(order_id).customer_id == cid
    assert window.orders_view.selected_ids() == [order_id]


def test_no_customer_selected_opens_the_paste_box(window, modals):
    window.new_order_action.trigger()  # cancelled by the modals fixture
    dialog = modals.of(OrderDialog)[0]
    assert dialog.customer_id is None and dialog.paste_edit.isVisibleTo(dialog)


def test_undo_follows_the_page(window):
    cid = _customer()
    order = store_orders.add_order(cid, amount_fen=100)
    window.show_orders()
    window.orders_view.select_ids([order.id])
    window.orders_view.delete_selected()
    assert store_orders.count_orders() == 0 and window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert store_orders.count_orders() == 1 and not window.undo_action.isEnabled()


def test_mask_and_page_are_kept(window, app_context, qtbot):
    window.mask_action.trigger()
    assert app_context.mask_phones and window.orders_view.model.mask_phones
    window.show_orders()
    window.save_state()
    again = MainWindow(app_context)
    qtbot.addWidget(again)
    assert again.orders_page_shown() and again.orders_view.model.mask_phones
    again.editor._set_dirty(False)


def test_shortcuts(window):
    keys = {a.shortcut().toString() for a in (window.customers_page_action, window.orders_page_action)}
    assert keys == {"Ctrl+1", "Ctrl+2"}
    assert window.new_order_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.paste_order_action.shortcut().toString() == "Ctrl+Shift+V"
