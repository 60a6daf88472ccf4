"""The customer pane's 订单 tab (客户画像 and orders), the tier controls and the 积分 tab."""

import datetime as dt
import sys
import types

import pytest
import test_main_window
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog

from sellerdesk.core import clock
from sellerdesk.core.points import PointsRule
from sellerdesk.store import customers, orders
from sellerdesk.store import points as store_points
from sellerdesk.store.models import Customer
from sellerdesk.ui.customers.editor import CustomerEditor
from sellerdesk.ui.customers.orders_tab import ORDER_DIALOG
from sellerdesk.ui.customers.points_tab import RedeemDialog
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.widgets import dialogs

TODAY = clock.today()
launched = test_main_window.launched  # the main window's fixtures
window = test_main_window.window


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def order_dialog(monkeypatch):
    """A stand-in for the orders feature's dialog module (another branch writes it): records
    its calls and writes through the store as the real dialog would."""
    module = types.ModuleType(ORDER_DIALOG)
    module.calls = []

    def record_order(context, parent, customer_id=None, paste_text=""):
        module.calls.append(("record", context, parent, customer_id))
        return orders.add_order(customer_id, amount_fen=12_800, items="护手霜 x3").id

    def edit_order(context, parent, order_id):
        module.calls.append(("edit", context, parent, order_id))
        orders.update_order(order_id, {"status": "refunded"})
        return True

    module.record_order = record_order
    module.edit_order = edit_order
    monkeypatch.setitem(sys.modules, ORDER_DIALOG, module)
    return module


def _buyer():
    cid = customers.create_customer({"name": "张三", "phone": "13812345678"}).id
    orders.add_order(cid, amount_fen=7_980, order_date=days_ago(40), items="面膜 x2 @39.9", order_no="WD001")
    orders.add_order(cid, amount_fen=20_000, order_date=days_ago(10), items="面膜 x3, 护手霜", status="delivered")
    refunded = orders.add_order(cid, amount_fen=99_900, order_date=days_ago(5), items="精华液")
    orders.update_order(refunded.id, {"status": "refunded"})
    return cid, refunded.id


def _open(window, cid, tab):
    window.on_customers_changed()
    window.select_customer(cid)
    editor = window.editor
    editor.tabs.setCurrentWidget(getattr(editor, tab))
    return editor


def _rows(tab):
    return [[tab.list.topLevelItem(r).text(c) for c in range(5)] for r in range(tab.list.topLevelItemCount())]


def test_orders_tab_shows_the_profile_and_the_orders(window):
    cid, refunded = _buyer()
    tab = _open(window, cid, "orders_tab").orders_tab
    values = {key: label.text() for key, label in tab.values.items()}
    # 客户画像: how often (30 days from the first counted order to the second), last contact
    assert values["count"] == "2" and values["often"] == "about every 30 day(s)"
    assert values["total"] == "¥279.80" and values["average"] == "¥139.90"
    assert values["first"] == days_ago(40).isoformat()
    # the record was made just now: the newest contact, on the local day of its timestamp (a real
    # clock's, which a run crossing midnight puts on the day after the run's pinned today)
    made = Customer.get_by_id(cid).updated_at.replace(tzinfo=dt.UTC).astimezone().date().isoformat()
    assert values["last"] == f"{made} edited"
    assert tab.values["last"].toolTip() == f"{made} edited\n{days_ago(10).isoformat()} ordered"
    assert values["window"] == "¥279.80 in 2 order(s)"  # (no English catalogue in tests)
    assert values["statuses"] == "Pending 1 · Delivered 1 · Refunded 1"
    assert values["products"] == "面膜 ×5、护手霜 ×1"  # the refunded 精华液 is not what they buy
    assert _rows(tab) == [
        [days_ago(5).isoformat(), "", "精华液", "¥999.00", "Refunded"],
        [days_ago(10).isoformat(), "", "面膜 x3, 护手霜", "¥200.00", "Delivered"],
        [days_ago(40).isoformat(), "WD001", "面膜 x2 @39.9", "¥79.80", "Pending"],  # the items as typed
    ]
    muted = tab.palette().color(QPalette.ColorRole.PlaceholderText)
    assert tab.list.topLevelItem(0).foreground(3).color() == muted  # not counted: greyed
    assert tab.list.topLevelItem(1).foreground(3).color() != muted
    assert not tab.note.isVisibleTo(tab)


def test_the_orders_tab_reads_only_while_it_shows(window, monkeypatch):
    cid, _ = _buyer()
    reads = []
    original = orders.customer_summary
    monkeypatch.setattr(orders, "customer_summary", lambda *a, **k: reads.append(a) or original(*a, **k))
    editor = _open(window, cid, "details")
    other = customers.create_customer({"name": "李四"}).id
    window.on_customers_changed()
    window.select_customer(other)
    window.select_customer(cid)
    assert reads == []  # moving through customers on the 资料 tab reads no orders
    editor.tabs.setCurrentWidget(editor.orders_tab)
    assert [a[0] for a in reads] == [cid]


def test_new_order_and_double_click_go_to_the_order_dialog(window, qtbot, order_dialog):
    cid, refunded = _buyer()
    editor = _open(window, cid, "orders_tab")
    tab = editor.orders_tab
    assert tab.new_button.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    ((what, context, parent, customer_id),) = order_dialog.calls
    assert (what, context, parent, customer_id) == ("record", window.context, tab, cid)
    assert tab.list.topLevelItemCount() == 4 and tab.values["count"].text() == "3"  # the pane follows
    row = window.model.row_of(cid)
    assert window.model.data(window.model.index(row, COLUMNS.index("order_count"))) == "3"  # and the table
    assert window.model.data(window.model.index(row, COLUMNS.index("total_spent"))) == "¥407.80"
    # double-click the oldest order: the dialog gets its id; what it changed shows
    item = tab.list.topLevelItem(3)
    order_id = orders.list_orders(orders.OrderFilter(customer_id=cid), "date")[0].id
    center = tab.list.visualItemRect(item).center()
    # what a double-click sends: QTest's mouseDClick alone is only its second half (Qt 6)
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert order_dialog.calls[-1] == ("edit", window.context, tab, order_id)
    assert tab.list.topLevelItem(3).text(4) == "Refunded"
    assert window.model.data(window.model.index(row, COLUMNS.index("order_count"))) == "2"


def test_orders_changed_elsewhere_refresh_the_pane_but_keep_unsaved_edits(window):
    cid, _ = _buyer()
    editor = _open(window, cid, "orders_tab")
    editor.name.setText("张三丰")
    editor._customer_edited()
    orders.add_order(cid, amount_fen=1_000, items="试用装")
    window.context.orders_changed.emit()  # e.g. the orders view recorded one
    assert editor.orders_tab.list.topLevelItemCount() == 4
    assert editor.dirty and editor.name.text() == "张三丰"


def test_without_the_apps_context_orders_are_shown_but_not_recorded(store, qtbot):
    cid, _ = _buyer()
    editor = CustomerEditor()
    qtbot.addWidget(editor)
    editor.load(cid)
    assert not editor.orders_tab.new_button.isEnabled()
    assert editor.orders_tab.new_order() is None


def test_no_new_order_for_a_customer_in_the_trash_or_not_saved(window, order_dialog):
    cid, _ = _buyer()
    customers.trash_customers([cid])
    window.editor.load(cid)
    assert not window.editor.orders_tab.new_button.isEnabled()
    window.editor.new_customer()
    window.editor.tabs.setCurrentWidget(window.editor.orders_tab)
    assert not window.editor.orders_tab.new_button.isEnabled()
    assert "Save the customer first" in window.editor.orders_tab.note.text()
    assert order_dialog.calls == []


# --- tiers ------------------------------------------------------------------------------------------------------------


def test_a_tier_set_by_hand_survives_a_save_and_clears_back_to_automatic(window):
    cid = customers.create_customer({"name": "张三"}).id
    orders.add_order(cid, amount_fen=60_000, order_date=days_ago(3))  # 银卡 by its spend
    editor = _open(window, cid, "details")
    field = editor.tier_field
    assert field.combo.currentText() == "银卡" and field.state.text() == "Automatic"
    assert not field.automatic_button.isVisibleTo(editor)
    assert "tier" not in editor.customer_values()  # Save never writes the tier
    field.combo.activated.emit(field.combo.findData("gold"))  # the user picks 金卡
    stored = Customer.get_by_id(cid)
    assert (stored.tier, stored.tier_manual) == ("gold", True)
    assert field.state.text() == "Set by hand; automatic would be 银卡"
    assert field.automatic_button.isVisibleTo(editor) and field.pin.isVisibleTo(editor)
    tier_column = COLUMNS.index("tier")
    row = window.model.row_of(cid)
    assert window.model.data(window.model.index(row, tier_column)) == "金卡"  # the table follows
    # an edit of other fields, saved: the hand-set tier stays
    editor.name.setText("张三丰")
    editor._customer_edited()
    assert editor.save() == cid
    stored = Customer.get_by_id(cid)
    assert (stored.name, stored.tier, stored.tier_manual) == ("张三丰", "gold", True)
    # an order that would move it: still 金卡 by hand
    orders.add_order(cid, amount_fen=1_000, order_date=days_ago(1))
    assert Customer.get_by_id(cid).tier == "gold"
    editor.tier_field.automatic_button.click()
    stored = Customer.get_by_id(cid)
    assert (stored.tier, stored.tier_manual) == ("silver", False)
    assert editor.tier_field.combo.currentText() == "银卡" and editor.tier_field.state.text() == "Automatic"


def test_a_tier_set_while_the_form_has_edits_keeps_them(window):
    cid = customers.create_customer({"name": "张三"}).id
    editor = _open(window, cid, "details")
    editor.notes.setPlainText("老客户")
    assert editor.dirty
    editor.tier_field.set_manual("diamond")
    assert editor.dirty and editor.notes.toPlainText() == "老客户"
    assert editor.status.text() == "Tier saved."
    editor.save()
    stored = Customer.get_by_id(cid)
    assert (stored.notes, stored.tier, stored.tier_manual) == ("老客户", "diamond", True)
    window.new_customer()
    assert editor.status.text() == ""  # the line was about the customer before


def test_the_mouse_wheel_never_sets_a_tier(window):
    cid = customers.create_customer({"name": "张三"}).id
    editor = _open(window, cid, "details")
    combo = editor.tier_field.combo
    center = QPointF(combo.rect().center())
    event = QWheelEvent(
        center,
        QPointF(combo.mapToGlobal(combo.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, event)
    assert combo.currentText() == "普通"
    assert Customer.get_by_id(cid).tier_manual is False


def test_a_hand_typed_tier_is_shown_and_can_be_replaced(window):
    cid = customers.create_customer({"name": "张三", "tier": "VIP"}).id
    editor = _open(window, cid, "details")
    field = editor.tier_field
    assert field.combo.currentText() == "VIP" and field.state.text().startswith("Set by hand")
    field.combo.activated.emit(field.combo.findData("silver"))
    assert Customer.get_by_id(cid).tier == "silver"


def test_a_new_customer_has_no_tier_controls_until_saved(window):
    window.new_customer()
    field = window.editor.tier_field
    assert not field.combo.isEnabled() and field.customer_id is None
    assert not field.set_manual("gold")


# --- points -----------------------------------------------------------------------------------------------------------


@pytest.fixture
def points_on(store):
    store_points.save_points_rule(PointsRule(True, 100))  # a point per ¥1


def _answer_redeem(monkeypatch, points, note):
    """dialogs.launch as a user filling in the redeem dialog and pressing Redeem."""
    shown = []

    def fake(dialog):
        shown.append(dialog)
        if isinstance(dialog, RedeemDialog):
            dialog.points.setValue(points)
            dialog.note.setText(note)
            dialog.accept()
            return dialog.result()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "launch", fake)
    return shown


def test_points_tab_shows_only_while_points_are_on(window):
    cid = customers.create_customer({"name": "张三"}).id
    editor = _open(window, cid, "details")
    assert not editor.tabs.isTabVisible(editor.tabs.indexOf(editor.points_tab))
    store_points.save_points_rule(PointsRule(True, 100))
    editor.load(cid)
    assert editor.tabs.isTabVisible(editor.tabs.indexOf(editor.points_tab))


def test_redeem_points_with_a_note(window, points_on, monkeypatch):
    cid = customers.create_customer({"name": "张三"}).id
    orders.add_order(cid, amount_fen=12_345)  # 123 points
    editor = _open(window, cid, "points_tab")
    tab = editor.points_tab
    assert tab.balance_label.text() == "Balance: 123 points"
    assert [tab.history.topLevelItem(0).text(c) for c in (1, 2)][0] == "+123"
    assert tab.history.topLevelItem(0).text(2).startswith("Earned by an order")
    shown = _answer_redeem(monkeypatch, 100, "护手霜")
    assert tab.redeem()
    assert store_points.balance(cid) == 23 and tab.balance_label.text() == "Balance: 23 points"
    assert [tab.history.topLevelItem(0).text(c) for c in (1, 2)] == ["-100", "护手霜"]
    assert shown[0].balance_label.text() == "张三 has 123 points."
    assert editor.status.text() == "Points redeemed."


def test_redeeming_more_than_the_balance_is_refused_in_one_line(window, points_on, monkeypatch):
    cid = customers.create_customer({"name": "张三"}).id
    orders.add_order(cid, amount_fen=6_000)  # 60 points
    tab = _open(window, cid, "points_tab").points_tab
    shown = _answer_redeem(monkeypatch, 100, "面膜")
    assert not tab.redeem()
    dialog = shown[0]
    assert dialog.error.text() == "Only 60 points are left: 100 cannot be redeemed. Nothing was changed."
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert store_points.balance(cid) == 60 and len(store_points.history(cid)) == 1
    shown = _answer_redeem(monkeypatch, 10, "   ")
    assert not tab.redeem()
    assert shown[0].error.text() == "Write what the points were exchanged for."
    assert store_points.balance(cid) == 60


def test_the_refusal_is_chinese_in_a_chinese_app(window, points_on, monkeypatch, chinese):
    cid = customers.create_customer({"name": "张三"}).id
    orders.add_order(cid, amount_fen=6_000)
    tab = _open(window, cid, "points_tab").points_tab
    shown = _answer_redeem(monkeypatch, 100, "面膜")
    tab.redeem()
    assert shown[0].error.text() == "积分余额只有 60，不能兑换 100。没有做任何改动。"


def test_tiers_computed_from_orders_recorded_through_the_pane(window, order_dialog, monkeypatch):
    """Three orders in 12 months make 银卡 (default rules): the tier row follows the dialog's writes."""
    cid = customers.create_customer({"name": "张三"}).id
    editor = _open(window, cid, "orders_tab")
    for _ in range(3):
        editor.orders_tab.new_order()
    assert editor.tier_field.combo.currentText() == "银卡"
    assert Customer.get_by_id(cid).tier == "silver"


def test_at_1366_by_768_the_pane_fits_and_shows_the_orders_without_scrolling(window):
    """Issue 21: the editor must not outgrow a 1366×768 laptop screen; the orders are a tab of
    their own, so a customer's orders are on the first screen of that tab."""
    cid = customers.create_customer({"name": "张三"}).id
    for n in range(30):
        orders.add_order(cid, amount_fen=1_000 + n, order_date=days_ago(n), items="面膜 x2, 护手霜, 精华液 30ml")
    window.resize(1366, 740)  # the screen less a task bar
    editor = _open(window, cid, "orders_tab")
    for tab in (editor.details, editor.orders_tab, editor.history):
        editor.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        assert window.minimumSizeHint().height() <= 740 and window.height() <= 740
        assert editor.geometry().bottom() < window.height()
    editor.tabs.setCurrentWidget(editor.orders_tab)
    QApplication.processEvents()
    listed = editor.orders_tab.list
    row = listed.visualItemRect(listed.topLevelItem(0)).height()
    assert listed.viewport().height() >= 10 * row  # at least ten orders in view
