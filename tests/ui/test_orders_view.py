"""The 订单 view: a lazy model, filters and status tabs with counts, status changes, delete/undo."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from sellerdesk.core import clock
from sellerdesk.jobs import runner
from sellerdesk.store import customers, demo
from sellerdesk.store import orders as store_orders
from sellerdesk.store.orders import OrderFilter
from sellerdesk.ui.orders.order_dialog import OrderDialog
from sellerdesk.ui.orders.ship_dialog import ShipDialog
from sellerdesk.ui.orders.table_model import COLUMNS, ID_ROLE, OrderTableModel, ViewRequest, compute_view
from sellerdesk.ui.orders.view import TABS, OrdersView

TODAY = clock.today()


def _customer(name, phone, province="广东省", city="深圳市", district="南山区"):
    address = {"recipient": name, "phone": phone, "province": province, "city": city, "district": district}
    return customers.create_customer({"name": name, "phone": phone}, [address | {"detail": "1号"}]).id


@pytest.fixture
def shop(store):
    """Three customers, six orders in every status."""
    a = _customer("张三", "13812345678")
    b = _customer("李四", "13900001111", "浙江省", "杭州市", "西湖区")
    c = _customer("王五", "13700002222", "北京市", "北京市", "朝阳区")
    day = TODAY - dt.timedelta(days=40)
    ids = {
        "old": store_orders.add_order(a, amount_fen=1000, order_date=day, items="面膜 x2 @5", order_no="N-1").id,
        "p1": store_orders.add_order(a, amount_fen=2000, items="护手霜").id,
        "p2": store_orders.add_order(b, amount_fen=3000, items="面膜 @30").id,
        "s": store_orders.add_order(b, amount_fen=4000, status="shipped", courier="顺丰", tracking_no="SF9").id,
        "d": store_orders.add_order(c, amount_fen=5000, status="delivered", courier="中通").id,
        "r": store_orders.add_order(c, amount_fen=6000, status="refunded").id,
    }
    return ids


@pytest.fixture
def view(app_context, qtbot, sync_jobs, modals):
    widget = OrdersView(app_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def _shown(view):
    return view.model.ids()


def _tab(view, key):
    return view.tabs.tabText(TABS.index(key))


def test_rows_are_read_a_page_at_a_time(store, qapp):
    demo.generate(120, seed=3)
    model = OrderTableModel()
    total = store_orders.count_orders()
    assert total > 2 * model.PAGE_SIZE
    result = compute_view(ViewRequest(), {}, with_counts=True)
    model.show(result.request, result.ids)
    assert model.rowCount() == total and model.columnCount() == len(COLUMNS)
    assert model.pages_loaded == 0
    assert model.data(model.index(0, 0), ID_ROLE) == result.ids[0]
    assert model.pages_loaded == 0  # the id needs no row
    assert model.data(model.index(0, COLUMNS.index("amount"))).startswith("¥")
    assert model.pages_loaded == 1
    model.data(model.index(total - 1, 2))
    assert model.pages_loaded == 2 and model.cached_pages == 2
    assert sum(result.status_counts.values()) == total


def test_the_view_shows_the_orders_newest_first_with_tab_counts(shop, view):
    assert view.loaded and _shown(view)[-1] == shop["old"]
    assert _tab(view, "") == "All (6)" and _tab(view, "pending") == "To ship (3)"
    assert _tab(view, "shipped") == "Shipped (1)" and _tab(view, "deleted") == "Deleted (0)"
    row = view.model.row_of(shop["old"])
    text = [view.model.data(view.model.index(row, c)) for c in range(len(COLUMNS))]
    assert text == ["N-1", (TODAY - dt.timedelta(days=40)).isoformat(), "张三", "面膜 ×2", "¥10.00", "To ship", "", "",
                    "广东省深圳市南山区"]  # fmt: skip
    refunded = view.model.row_of(shop["r"])
    assert view.model.data(view.model.index(refunded, COLUMNS.index("amount")), Qt.ItemDataRole.ToolTipRole)
    tip = view.model.data(view.model.index(row, COLUMNS.index("region")), Qt.ItemDataRole.ToolTipRole)
    assert tip == "张三 13812345678 广东省深圳市南山区1号"
    view.set_mask_phones(True)
    tip = view.model.data(view.model.index(row, COLUMNS.index("region")), Qt.ItemDataRole.ToolTipRole)
    assert "138****5678" in tip and "13812345678" not in tip
    assert "Orders: 6" in view.summary_text() and "Shown: 6" in view.summary_text()


def test_one_click_to_ship_and_the_other_filters(shop, view):
    view.show_to_ship()
    assert set(_shown(view)) == {shop["old"], shop["p1"], shop["p2"]}
    view.region.setCurrentIndex(view.region.findText("华东"))  # 大区: 浙江 is in it
    assert _shown(view) == [shop["p2"]]
    assert _tab(view, "pending") == "To ship (1)" and _tab(view, "") == "All (2)"  # counts follow the filters
    view.region.setCurrentIndex(view.region.findText("\u3000广东省"))
    assert set(_shown(view)) == {shop["p1"], shop["old"]}
    view.clear_filters()
    view.show_status("")
    view.courier.setCurrentIndex(view.courier.findText("顺丰"))
    assert _shown(view) == [shop["s"]]
    view.courier.setCurrentIndex(view.courier.findText("No courier yet"))
    assert set(_shown(view)) == {shop["old"], shop["p1"], shop["p2"], shop["r"]}
    view.clear_filters()
    view.dates.setCurrentIndex(view.dates.findData("30"))
    assert shop["old"] not in _shown(view) and len(_shown(view)) == 5
    view.dates.setCurrentIndex(view.dates.findData("range"))
    assert view.since.isVisibleTo(view)
    view.since.setDate(view.since.date().addDays(-30))  # 60 days back
    assert len(_shown(view)) == 6
    view.clear_filters()
    view.search.setText("SF9")
    view.reload()  # (the search otherwise starts 150 ms after the last key)
    assert _shown(view) == [shop["s"]]
    view.search.setText("王五")
    view.reload()
    assert set(_shown(view)) == {shop["d"], shop["r"]}
    view.search.setText("nothing-like-this")
    view.reload()
    assert view.stack.currentWidget() is view.empty
    assert view.empty_label.text() == "No order matches these filters." and view.empty_clear.isVisibleTo(view)


def test_sorting_by_a_header_asks_the_store(shop, view):
    amount = COLUMNS.index("amount")
    view.table.horizontalHeader().setSortIndicator(amount, Qt.SortOrder.AscendingOrder)
    assert view.sort == ("amount", False)
    assert _shown(view) == [shop[k] for k in ("old", "p1", "p2", "s", "d", "r")]
    view.table.horizontalHeader().setSortIndicator(amount, Qt.SortOrder.DescendingOrder)
    assert _shown(view)[0] == shop["r"]
    view.table.horizontalHeader().setSortIndicator(COLUMNS.index("items"), Qt.SortOrder.AscendingOrder)
    assert view.sort == ("amount", True)  # items do not sort: the order stays


def _select(view, *ids):
    view.select_ids(list(ids))
    assert view.selected_ids() == sorted(ids, key=view.model.row_of)


def test_mark_shipped_asks_once_for_all(shop, view, modals, app_context):
    changed = []
    app_context.orders_changed.connect(lambda: changed.append(1))

    def ship(dialog):
        assert dialog.intro.text() == "Mark 3 order(s) as shipped."
        dialog.courier.setCurrentText("韵达")
        dialog.tracking.setText("")
        dialog.accept()

    modals.on(ShipDialog, ship)
    _select(view, shop["p1"], shop["p2"], shop["r"])
    view.change_status("shipped")
    assert view.message.text() == "2 order(s) marked Shipped; 1 cannot go from Refunded to Shipped."
    for key in ("p1", "p2"):
        order = store_orders.get_order(shop[key])
        assert (order.status, order.courier, order.tracking_no, order.shipped_on) == ("shipped", "韵达", "", TODAY)
    assert store_orders.get_order(shop["r"]).status == "refunded"
    assert changed == [1]
    assert _tab(view, "pending") == "To ship (1)" and _tab(view, "shipped") == "Shipped (3)"
    assert set(view.selected_ids()) == {shop["p1"], shop["p2"], shop["r"]}  # the selection stays


def test_cancelling_the_ship_dialog_changes_nothing(shop, view, modals):
    modals.on(ShipDialog, lambda d: d.reject())
    _select(view, shop["p1"])
    view.change_status("shipped")
    assert store_orders.get_order(shop["p1"]).status == "pending"
    assert view.message.text() == ""


def test_other_status_moves_and_their_refusals(shop, view):
    _select(view, shop["d"], shop["s"], shop["p1"])
    view.cancel_action.trigger()
    assert view.message.text() == "2 order(s) marked Cancelled; 1 cannot go from Delivered to Cancelled."
    assert store_orders.get_order(shop["s"]).status == "cancelled"
    _select(view, shop["s"], shop["p2"], shop["r"])
    view.reopen_action.trigger()
    assert view.message.text() == "2 order(s) marked To ship; 1 already To ship."
    _select(view, shop["d"])
    view.deliver_action.trigger()
    assert view.message.text() == "1 already Delivered."
    _select(view, shop["d"])
    view.refund_action.trigger()
    assert store_orders.get_order(shop["d"]).status == "refunded"


def test_a_ship_date_before_the_order_date_is_refused_in_the_line(shop, view, modals):
    def ship(dialog):
        dialog.ship_date.setDate(dialog.ship_date.date().addDays(-20))
        dialog.accept()

    modals.on(ShipDialog, ship)
    _select(view, shop["p1"], shop["old"])
    view.change_status("shipped")
    assert view.message.text() == (
        "1 order(s) marked Shipped; 1 not changed: the ship date would be before the order date."
    )


def test_delete_and_undo(shop, view, app_context):
    undo_states = []
    view.undo_changed.connect(undo_states.append)
    _select(view, shop["p1"], shop["p2"])
    view.delete_action.trigger()
    assert view.message.text() == "Deleted 2 order(s). Ctrl+Z brings them back."
    assert store_orders.count_orders() == 4 and _tab(view, "deleted") == "Deleted (2)"
    assert shop["p1"] not in _shown(view) and view.can_undo()
    assert customers.get_customer(store_orders.get_order(shop["p1"]).customer_id).order_count == 1
    view.undo()
    assert store_orders.count_orders() == 6 and not view.can_undo()
    assert view.message.text() == "Brought back 2 order(s)."
    assert set(view.selected_ids()) == {shop["p1"], shop["p2"]}
    assert undo_states == [True, False]


def test_deleted_orders_tab_restores(shop, view):
    store_orders.delete_orders([shop["d"]])
    view.on_orders_changed()
    view.show_status("deleted")
    assert _shown(view) == [shop["d"]]
    assert view.restore_button.isVisibleTo(view) and not view.delete_button.isVisibleTo(view)
    _select(view, shop["d"])
    view.delete_selected()  # (not from the deleted tab)
    view.restore_selected()
    assert view.message.text() == "Restored 1 order(s)."
    assert store_orders.count_orders() == 6 and _shown(view) == []
    assert view.empty_label.text() == "No deleted orders."


def test_restoring_an_order_of_a_trashed_customer_says_why(shop, view):
    store_orders.delete_orders([shop["d"]])
    customers.trash_customers([store_orders.get_order(shop["d"]).customer_id])
    view.on_orders_changed()
    view.show_status("deleted")
    _select(view, shop["d"])
    view.restore_selected()
    assert view.message.text() == "An order's customer is in the Trash: restore the customer first."
    assert store_orders.get_order(shop["d"]).deleted_at is not None


def test_double_click_edits(shop, view, modals):
    def edit(dialog):
        assert dialog.order_id == shop["p2"]
        dialog.notes.setPlainText("加急")
        dialog.accept()

    modals.on(OrderDialog, edit)
    _select(view, shop["p2"])  # (a double-click selects its row first)
    view.table.doubleClicked.emit(view.model.index(view.model.row_of(shop["p2"]), 0))
    assert len(modals.of(OrderDialog)) == 1
    assert store_orders.get_order(shop["p2"]).notes == "加急"
    assert view.model.data(view.model.index(view.model.row_of(shop["p2"]), 0), ID_ROLE) == shop["p2"]


def test_a_reply_overtaken_by_a_newer_filter_is_dropped(shop, view, monkeypatch):
    started = []
    monkeypatch.setattr(runner, "synchronous", False)
    monkeypatch.setattr("sellerdesk.ui.orders.view.start", started.append)  # hold the jobs
    view.show_to_ship()
    view.show_status("shipped")
    assert len(started) == 2
    with runner.on_calling_thread():
        started[1].run_here()  # the newer one first …
        assert _shown(view) == [shop["s"]]
        started[0].run_here()  # … then the older one arrives late
    assert _shown(view) == [shop["s"]]


def test_a_change_of_the_data_while_reading_drops_the_reply(shop, view, monkeypatch):
    started = []
    monkeypatch.setattr(runner, "synchronous", False)
    monkeypatch.setattr("sellerdesk.ui.orders.view.start", started.append)
    view.reload()
    store_orders.delete_orders([shop["p1"]])
    view.on_orders_changed()
    with runner.on_calling_thread():
        started[1].run_here()
        started[0].run_here()  # computed before the change: not shown
    assert shop["p1"] not in _shown(view)


def test_filter_cost_is_kept_off_the_ui_thread(shop, view, monkeypatch):
    """Every id list and count comes from a job: none is read by a filter change itself."""
    calls = []
    monkeypatch.setattr(runner, "synchronous", False)
    monkeypatch.setattr("sellerdesk.ui.orders.view.start", calls.append)
    for name in ("ordered_order_ids", "allowed_order_ids", "status_counts", "count_orders", "order_ids"):
        monkeypatch.setattr(store_orders, name, lambda *a, **k: pytest.fail("read on the UI thread"))
    view.show_to_ship()
    view.courier.setCurrentIndex(1)
    view.table.horizontalHeader().setSortIndicator(COLUMNS.index("amount"), Qt.SortOrder.AscendingOrder)
    assert [job.name for job in calls] == ["orders-view", "orders-view", "orders-counts", "orders-view"]


def test_nothing_is_read_before_the_view_is_shown(app_context, qtbot, sync_jobs, shop):
    widget = OrdersView(app_context)
    qtbot.addWidget(widget)
    assert not widget.loaded and widget.model.rowCount() == 0
    app_context.orders_changed.emit()
    assert not widget.loaded
    widget.show()
    assert widget.loaded and widget.model.rowCount() == 6


def test_empty_state(view):
    assert view.stack.currentWidget() is view.empty
    assert view.empty_label.text().startswith("No orders yet")
    assert view.empty_new.isVisibleTo(view) and view.empty_paste.isVisibleTo(view)
    view.show_to_ship()
    assert view.empty_label.text() == "Nothing to ship: every order has gone out."


def test_order_filter_of_the_controls(shop, view):
    view.show_to_ship()
    view.courier.setCurrentIndex(view.courier.findText("顺丰"))
    assert view.current_filter() == OrderFilter(statuses=("pending",), couriers=("顺丰",))
    view.show_status("deleted")
    assert view.current_filter().deleted and not view.current_filter().statuses
    assert view.tabs.count() == len(TABS)
    assert QDialog  # (imported for the handlers' result codes)
