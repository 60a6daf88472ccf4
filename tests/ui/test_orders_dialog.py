"""The order dialog: record, edit, money and rule refusals in one line, conflicts, shipping fields."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from sellerdesk.core import clock
from sellerdesk.core.orders import OrderLine
from sellerdesk.store import customers
from sellerdesk.store import orders as store_orders
from sellerdesk.ui.orders.order_dialog import OrderDialog, ShipTo, edit_order, record_order
from sellerdesk.ui.widgets.dates import qtoday

ADDRESS = {"recipient": "张三", "phone": "13812345678", "province": "广东省", "city": "深圳市", "district": "南山区"}


def _customer(name="张三", phone="13812345678", addresses=({"detail": "科技园1号"},)):
    return customers.create_customer({"name": name, "phone": phone}, [ADDRESS | a for a in addresses]).id


@pytest.fixture
def signals(app_context):
    seen = {"orders": 0, "customers": 0}
    app_context.orders_changed.connect(lambda: seen.__setitem__("orders", seen["orders"] + 1))
    app_context.customers_changed.connect(lambda: seen.__setitem__("customers", seen["customers"] + 1))
    return seen


def _fill(dialog, quick="", amount=None):
    if quick:
        dialog.quick_items.setText(quick)
        dialog.add_quick_items()
    if amount is not None:
        dialog.amount.setText(amount)
        dialog.amount.textEdited.emit(amount)


def test_record_an_order_for_a_customer(app_context, modals, signals, qtbot):
    cid = _customer(addresses=({"detail": "科技园1号"}, {"detail": "公司9楼", "label": "公司"}))

    def fill(dialog):
        qtbot.addWidget(dialog)
        assert dialog.ship_to.currentData() == ShipTo("address", customers.live_addresses(cid)[0].id)  # the default
        assert "科技园1号" in dialog.ship_to_detail.text()
        _fill(dialog, "面膜 x2 @39.9, 护手霜 @25")
        assert dialog.amount.text() == "104.80"  # follows the lines' sum until typed over
        assert dialog.items.rowCount() == 2 and dialog.items.item(0, 3).text() == "¥79.80"
        dialog.order_no.setText("WD-1")
        dialog.notes.setPlainText("送朋友")
        dialog.accept()

    modals.on(OrderDialog, fill)
    order_id = record_order(app_context, None, cid)
    assert order_id is not None
    order = store_orders.get_order(order_id)
    assert (order.customer_id, order.amount_fen, order.order_no, order.notes, order.status) == (
        cid,
        10480,
        "WD-1",
        "送朋友",
        "pending",
    )
    assert order.order_date == clock.today()
    assert store_orders.order_lines(order_id) == [OrderLine("面膜", 2, 3990), OrderLine("护手霜", 1, 2500)]
    assert order.address_snapshot["detail"] == "科技园1号"
    assert signals["orders"] == 1 and signals["customers"] == 0
    assert customers.get_customer(cid).order_count == 1


def test_cancel_returns_none_and_writes_nothing(app_context, modals):
    cid = _customer()
    assert record_order(app_context, None, cid) is None  # the modal was cancelled
    assert store_orders.count_orders() == 0


def test_amount_typed_over_stays_and_money_is_read_exactly(app_context, qtbot):
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    _fill(dialog, "面膜 x2 @39.9", amount="¥1,234.5")
    _fill(dialog, "精华 @10")  # more lines do not overwrite a typed amount
    assert dialog.amount.text() == "¥1,234.5"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store_orders.get_order(dialog.order_id).amount_fen == 123450


@pytest.mark.parametrize(
    ("typed", "line"),
    [
        ("12.345", "An amount has at most two decimals (分): 12.345"),
        ("-5", "An amount cannot be negative: -5"),
        ("abc", "abc is not an amount (e.g. 128.50 or ¥1,234.50)."),
        ("100000000", "The amount 100000000 is too large (at most ¥99,999,999.99)."),
        ("", "Enter the amount paid, e.g. 128.50."),
    ],
)
def test_a_bad_amount_is_refused_in_one_line(app_context, qtbot, typed, line):
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    _fill(dialog, "面膜", amount=typed)  # no price: the amount cannot come from the lines
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "Amount paid: " + line
    assert store_orders.count_orders() == 0


def test_a_bad_line_is_refused_in_one_line(app_context, qtbot):
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    _fill(dialog, "面膜 x2 @39.9")
    dialog.items.item(0, 1).setText("0")
    assert dialog.amount.text() == "79.80"  # (the sum stays as it was: the line is unreadable)
    dialog.accept()
    assert dialog.error.text() == "Line 1: the quantity must be a whole number from 1 to 100,000."
    dialog.items.item(0, 1).setText("3")
    dialog.items.item(0, 2).setText("1.999")
    dialog.accept()
    assert dialog.error.text() == "Line 1: An amount has at most two decimals (分): 1.999"
    dialog.quick_items.setText("面膜 @abc")
    dialog.add_quick_items()
    assert dialog.error.text().startswith("Could not read 面膜 @abc")
    assert store_orders.count_orders() == 0


def test_lines_can_be_added_edited_and_removed(app_context, qtbot):
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    dialog.add_empty_line()
    dialog.items.item(0, 0).setText("茶叶")
    dialog.items.item(0, 1).setText("3")
    dialog.items.item(0, 2).setText("10")
    assert dialog.items.item(0, 3).text() == "¥30.00" and dialog.amount.text() == "30.00"
    _fill(dialog, "面膜 @5")
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    dialog.items.selectionModel().select(dialog.items.model().index(1, 0), flags)
    dialog.remove_lines()
    assert dialog.lines() == [OrderLine("茶叶", 3, 1000)]
    assert dialog.amount.text() == "30.00"


def test_shipping_fields_only_for_shipped_and_delivered(app_context, qtbot):
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.courier.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData("shipped"))
    assert dialog.courier.isVisible() and dialog.tracking.isVisible() and dialog.ship_date.isVisible()
    _fill(dialog, "面膜 @39.9")
    dialog.courier.setCurrentText("顺丰")
    dialog.tracking.setText("SF123")
    dialog.order_date.setDate(qtoday())
    dialog.ship_date.setDate(qtoday().addDays(-1))
    dialog.accept()
    assert dialog.error.text() == "The ship date is before the order date."
    dialog.ship_date.setDate(qtoday())
    dialog.accept()
    order = store_orders.get_order(dialog.order_id)
    assert (order.status, order.courier, order.tracking_no, order.shipped_on) == (
        "shipped",
        "顺丰",
        "SF123",
        clock.today(),
    )


def test_couriers_used_before_come_first(app_context, qtbot):
    cid = _customer()
    store_orders.add_order(cid, amount_fen=100, status="shipped", courier="跨越速运")
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    assert [dialog.courier.itemText(i) for i in range(3)] == ["", "跨越速运", "顺丰"]


def test_edit_an_order(app_context, modals, signals, qtbot):
    cid = _customer(addresses=({"detail": "科技园1号"}, {"detail": "公司9楼"}))
    order = store_orders.add_order(cid, amount_fen=7980, items="面膜 x2 @39.9", order_no="A1")
    second = customers.live_addresses(cid)[1].id

    def change(dialog):
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Edit order"
        assert dialog.amount.text() == "79.80" and dialog.order_no.text() == "A1"
        assert dialog.ship_to.currentData() == ShipTo("keep")
        # only the moves core.orders allows from 待发货 are offered
        model = dialog.status.model()
        enabled = {dialog.status.itemData(i): model.item(i).isEnabled() for i in range(dialog.status.count())}
        assert enabled == {"pending": True, "shipped": True, "delivered": False, "cancelled": True, "refunded": True}
        _fill(dialog, "精华 @20")  # the amount was stored: it does not follow the lines
        assert dialog.amount.text() == "79.80"
        dialog.ship_to.setCurrentIndex(dialog.ship_to_index(ShipTo("address", second)))
        dialog.status.setCurrentIndex(dialog.status.findData("shipped"))
        dialog.courier.setCurrentText("中通")
        dialog.accept()

    modals.on(OrderDialog, change)
    assert edit_order(app_context, None, order.id)
    stored = store_orders.get_order(order.id)
    assert stored.version == 2 and stored.status == "shipped" and stored.courier == "中通"
    assert stored.address_snapshot["detail"] == "公司9楼"
    assert [line.product for line in store_orders.order_lines(order.id)] == ["面膜", "精华"]
    assert signals["orders"] == 1


def test_an_edit_that_changes_nothing_writes_nothing(app_context, qtbot):
    cid = _customer()
    order = store_orders.add_order(cid, amount_fen=7980, items="面膜 x2 @39.9, 护手霜")
    dialog = OrderDialog(app_context, order_id=order.id)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store_orders.get_order(order.id).version == 1


def test_a_conflict_is_refused_and_the_latest_can_be_loaded(app_context, signals, qtbot):
    cid = _customer()
    order = store_orders.add_order(cid, amount_fen=7980, items="面膜 x2 @39.9")
    dialog = OrderDialog(app_context, order_id=order.id)
    qtbot.addWidget(dialog)
    dialog.show()
    store_orders.update_order(order.id, {"notes": "改过了"})  # someone else, meanwhile
    dialog.amount.setText("99")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Someone else changed this order meanwhile")
    assert dialog.reload_button.isVisible()
    stored = store_orders.get_order(order.id)
    assert stored.amount_fen == 7980 and stored.notes == "改过了"  # nothing of ours was written
    assert signals["orders"] == 0
    dialog.reload_button.click()
    assert dialog.notes.toPlainText() == "改过了" and dialog.amount.text() == "79.80"
    assert not dialog.reload_button.isVisible() and not dialog.error.text()
    dialog.amount.setText("99")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store_orders.get_order(order.id).amount_fen == 9900


def test_a_taken_order_number_is_said_in_one_line(app_context, qtbot):
    cid = _customer()
    first = store_orders.add_order(cid, amount_fen=100, order_no="WD-7")
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    _fill(dialog, "面膜 @1")
    dialog.order_no.setText("WD-7")
    dialog.accept()
    assert dialog.error.text() == f"Order number WD-7 is already used by order #{first.id}."
    store_orders.delete_orders([first.id])
    dialog.accept()
    assert dialog.error.text() == f"Order number WD-7 is already used by a deleted order (#{first.id})."
    assert store_orders.count_orders() == 0


def test_editing_a_purged_order_says_so(app_context, modals):
    cid = _customer()
    order = store_orders.add_order(cid, amount_fen=100)
    customers.trash_customers([cid])
    customers.purge_customers([cid])
    modals.on(OrderDialog, lambda d: d.accept())
    assert not edit_order(app_context, None, order.id)
    dialog = modals.of(OrderDialog)[0]
    assert dialog.error.text() == "This order or customer no longer exists (deleted for good meanwhile)."


def test_phones_follow_the_mask(app_context, qtbot):
    cid = _customer()
    app_context.mask_phones = True
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    assert "138****5678" in dialog.customer_label.text() and "13812345678" not in dialog.customer_label.text()
    assert "138****5678" in dialog.ship_to.currentText()


def test_an_order_without_ship_to_keeps_none_when_edited(app_context, qtbot):
    cid = _customer(addresses=())  # no address when the order was recorded: no snapshot
    order = store_orders.add_order(cid, amount_fen=100)
    assert order.address_snapshot is None
    customers.add_address(cid, ADDRESS | {"detail": "后来的地址"})
    dialog = OrderDialog(app_context, order_id=order.id)
    qtbot.addWidget(dialog)
    assert dialog.ship_to.currentData() == ShipTo("keep")
    assert dialog.ship_to.currentText() == "As recorded: no ship-to address"
    dialog.notes.setPlainText("自提")
    dialog.accept()
    stored = store_orders.get_order(order.id)
    assert stored.notes == "自提" and stored.address_snapshot is None  # not the address added later


def test_no_ship_to_is_an_empty_snapshot(app_context, qtbot):
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    _fill(dialog, "面膜 @1")
    dialog.ship_to.setCurrentIndex(dialog.ship_to_index(ShipTo("none")))
    dialog.accept()
    snapshot = store_orders.get_order(dialog.order_id).address_snapshot
    assert not any(snapshot.values())


def test_recording_for_a_customer_purged_meanwhile_says_so(app_context, modals):
    from PySide6.QtWidgets import QMessageBox

    assert record_order(app_context, None, 999_999) is None
    (box,) = modals.of(QMessageBox)
    assert box.text() == "This order or customer no longer exists (deleted for good meanwhile)."


def test_enter_in_the_quick_entry_adds_the_items_and_does_not_save(app_context, qtbot):
    # A seller types the goods and presses Enter to add them: that must not also press
    # 保存订单 (the dialog's default button) and record a half-entered order.
    cid = _customer()
    dialog = OrderDialog(app_context, customer_id=cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.quick_items.setFocus()
    dialog.quick_items.setText("面膜 x2 @39.9, 护手霜 @25")  # (QTest types no CJK text)
    qtbot.keyClick(dialog.quick_items, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.lines() == [OrderLine("面膜", 2, 3990), OrderLine("护手霜", 1, 2500)]
    assert dialog.quick_items.text() == ""
    qtbot.keyClick(dialog.quick_items, Qt.Key.Key_Enter)  # the keypad's Enter, on an empty field
    assert dialog.isVisible()
    assert store_orders.count_orders() == 0
