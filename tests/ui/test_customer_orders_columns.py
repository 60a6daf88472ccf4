"""The customer table's order columns (订单数, 累计消费, 最近下单), the tier column and the tier filter."""

import datetime as dt
import time

import pytest
import test_main_window
from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from sellerdesk.core import clock
from sellerdesk.store import customers, orders, tiers
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.customers.table_model import COLUMNS, ID_ROLE, CustomerTableModel
from sellerdesk.ui.main_window import MainWindow

TODAY = clock.today()
launched = test_main_window.launched  # the main window's fixtures
window = test_main_window.window


def _customer(name, *amounts_fen, days_ago=1, **fields):
    cid = customers.create_customer({"name": name, **fields}).id
    for amount in amounts_fen:
        orders.add_order(cid, amount_fen=amount, order_date=TODAY - dt.timedelta(days=days_ago))
    return cid


def _shown(model, key):
    column = COLUMNS.index(key)
    return {model.data(model.index(r, 0), ID_ROLE): model.data(model.index(r, column)) for r in range(model.rowCount())}


@pytest.fixture
def model(store, qapp):
    return CustomerTableModel()


def test_order_columns_show_count_money_and_date(model):
    buyer = _customer("甲", 100_000, 23_450, days_ago=3)  # ¥1,234.50 in two orders
    cancelled = _customer("乙")
    order = orders.add_order(cancelled, amount_fen=5_000)
    orders.update_order(order.id, {"status": "cancelled"})
    nobody = _customer("丙")
    model.reload()
    assert _shown(model, "order_count") == {buyer: "2", cancelled: "", nobody: ""}
    assert _shown(model, "total_spent") == {buyer: "¥1,234.50", cancelled: "", nobody: ""}
    assert _shown(model, "last_order")[buyer] == (TODAY - dt.timedelta(days=3)).isoformat()
    assert model.headerData(COLUMNS.index("order_count"), Qt.Orientation.Horizontal) == "Orders"
    assert model.headerData(COLUMNS.index("total_spent"), Qt.Orientation.Horizontal) == "Total spent"
    money = model.index(model.row_of(buyer), COLUMNS.index("total_spent"))
    assert model.data(money, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    name = model.index(model.row_of(buyer), COLUMNS.index("name"))
    assert model.data(name, Qt.ItemDataRole.TextAlignmentRole) is None


@pytest.fixture
def west_of_utc(monkeypatch):
    """The process's local time zone is Los Angeles (UTC-8/-7) for the test."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_last_order_is_the_orders_own_day_west_of_utc(model, west_of_utc):
    """An order date is a local calendar day: stored as that day at 00:00, it was read as
    UTC midnight and shown as the day before in Los Angeles."""
    day = dt.date(2025, 3, 5)
    cid = customers.create_customer({"name": "甲"}).id
    orders.add_order(cid, amount_fen=1_000, order_date=day)
    model.reload()
    assert _shown(model, "last_order") == {cid: "2025-03-05"}


def test_tier_column_marks_a_tier_set_by_hand(model):
    computed = _customer("甲", 60_000)
    by_hand = _customer("乙")
    tiers.set_manual_tier(by_hand, "gold")
    model.reload()
    column = COLUMNS.index("tier")
    assert _shown(model, "tier") == {computed: "银卡", by_hand: "金卡"}
    hand = model.index(model.row_of(by_hand), column)
    auto = model.index(model.row_of(computed), column)
    assert not model.data(hand, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(auto, Qt.ItemDataRole.DecorationRole) is None
    assert "Set by hand" in model.data(hand, Qt.ItemDataRole.ToolTipRole)
    assert model.data(auto, Qt.ItemDataRole.ToolTipRole) is None


def test_sorting_by_tier_goes_by_level(model):
    diamond = _customer("甲")
    tiers.set_manual_tier(diamond, "diamond")
    silver = _customer("乙", 60_000)
    normal = _customer("丙")
    model.sort(COLUMNS.index("tier"))
    assert model.ids() == [normal, silver, diamond]


# --- in the window ---------------------------------------------------------------------------------------------------


def _click_header(qtbot, table: QTableView, key: str) -> None:
    header = table.horizontalHeader()
    column = COLUMNS.index(key)
    table.horizontalScrollBar().setValue(header.sectionPosition(column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_a_click_on_total_spent_sorts_the_best_customers_first(window, qtbot):
    small = _customer("甲", 9_900)
    big = _customer("乙", 500_000, 1, 1)
    middle = _customer("丙", 30_000, 30_000)
    none = _customer("丁")
    window.on_customers_changed()
    _click_header(qtbot, window.table, "total_spent")
    assert window.model.sort_key == ("total_spent", True)
    assert window.model.ids() == [big, middle, small, none]
    _click_header(qtbot, window.table, "total_spent")
    assert window.model.ids() == [none, small, middle, big]
    _click_header(qtbot, window.table, "name")  # names still start A → Z
    assert window.model.sort_key == ("name", False)
    _click_header(qtbot, window.table, "order_count")
    assert window.model.ids()[0] == big


def test_tier_filter_offers_every_level_by_name(window):
    gold = _customer("甲")
    tiers.set_manual_tier(gold, "gold")
    typed = _customer("乙", tier="金卡")  # written by an older path: not adopted yet, still 金卡
    vip = _customer("丙", tier="VIP")
    plain = _customer("丁")
    window.on_customers_changed()
    combo = window.tier_filter
    items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    assert items[1:] == [("普通", "normal"), ("银卡", "silver"), ("金卡", "gold"), ("钻石", "diamond"), ("VIP", "VIP")]
    combo.setCurrentIndex(combo.findData("gold"))
    assert set(window.model.ids()) == {gold, typed}
    combo.setCurrentIndex(combo.findData("normal"))
    assert window.model.ids() == [plain]
    combo.setCurrentIndex(combo.findData("VIP"))
    assert window.model.ids() == [vip]


def test_a_column_layout_saved_with_other_columns_is_not_applied(store, qtbot, launched, sync_jobs):
    """A header state from before these columns would give 最近下单's width and sort to 订单数."""
    settings = QSettings(str(store.home / "settings.ini"), QSettings.Format.IniFormat)
    old = QTableView()
    from PySide6.QtGui import QStandardItemModel

    old.setModel(QStandardItemModel(0, 9))
    old.horizontalHeader().resizeSection(7, 333)
    settings.setValue("table/header", old.horizontalHeader().saveState())
    win = MainWindow(AppContext(store, store.key, settings))
    qtbot.addWidget(win)
    header: QHeaderView = win.table.horizontalHeader()
    assert header.sectionSize(COLUMNS.index("order_count")) == 56  # the default, not the old 7th width
    header.resizeSection(COLUMNS.index("total_spent"), 150)
    win.save_state()
    assert isinstance(settings.value("table/header"), QByteArray)
    again = MainWindow(AppContext(store, store.key, settings))
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(COLUMNS.index("total_spent")) == 150
