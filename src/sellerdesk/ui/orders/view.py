"""The 订单 view: every order, filtered by status, date, region, courier and search.

The status tabs carry their counts (待发货 (12) is what the seller ships today) and filter
with one click. Ids of a view come from :func:`table_model.compute_view` run through the
job runner (tens of ms at 300,000 orders: never on the UI thread), and a reply that a
newer filter has overtaken is dropped; rows are read a page at a time as they are painted.
Multi-select changes status (:func:`store.orders.set_status`; a refused move is said in
one line), deletes (soft, with Undo) and edits (double-click, Enter).
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QPoint, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock, regions
from sellerdesk.core import orders as core
from sellerdesk.core.address import format_one_line
from sellerdesk.core.money import format_yuan
from sellerdesk.core.phones import mask_phone
from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.progress import CancelToken
from sellerdesk.store import orders as store_orders
from sellerdesk.store.orders import OrderFilter, StatusResult
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.orders.table_model import (
    COLUMNS,
    SORT_FOR_COLUMN,
    OrderTableModel,
    TabCounts,
    ViewRequest,
    ViewResult,
    compute_counts,
    compute_view,
    counts_filter,
)
from sellerdesk.ui.orders.texts import status_name, status_result_line, translate
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.dates import qtoday
from sellerdesk.ui.widgets.errors import with_error_text
from sellerdesk.ui.widgets.forms import ERROR_COLOUR
from sellerdesk.ui.widgets.icons import icon

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]

SEARCH_DELAY_MS = 150
ALL, DELETED = "", "deleted"
TABS: tuple[str, ...] = (ALL, *core.STATUSES, DELETED)
DEFAULT_WIDTHS = {
    "order_no": 150,
    "date": 88,
    "customer": 80,
    "items": 210,
    "amount": 90,
    "status": 62,
    "courier": 60,
    "tracking": 130,
    "region": 170,
}
RESELECT_LIMIT = 2000  # a reload keeps up to this many selected orders selected
SELECTED_SUM_LIMIT = 200  # the selection's total is shown for up to this many orders (rows read by page)
NOTE_COLOUR = "#374151"
WARN_COLOUR = "#92400e"


REMOTE = "remote"  # the region filter's 偏远地区 entry


class OrderTable(QTableView):
    """Enter edits the current order; Ctrl+V asks for a new order from the clipboard."""

    paste_requested = Signal()

    def __init__(self, view: OrdersView) -> None:
        super().__init__(view)
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._view.edit_current()
            return
        super().keyPressEvent(event)


class OrdersView(QWidget):
    """``summary_changed(text)`` for the window's status bar; ``undo_changed(bool)``."""

    summary_changed = Signal(str)
    undo_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersView")
        self.context = context
        self.model = OrderTableModel(self)
        self.undo_stack: list[list[int]] = []
        self.loaded = False  # the first view is read when the view is first shown
        self._sort_orders: dict[tuple[str, bool], list[int]] = {}
        self._generation = 0  # +1 whenever the data changes: replies computed before are dropped
        self._wanted: ViewRequest | None = None
        self._counts_for: OrderFilter | None = None  # the filters the tab counts shown are of
        self._counts_asked: OrderFilter | None = None  # … and those a running job counts for
        self._counts: dict[str, int] = {}
        self._deleted_count = 0
        self._reselect: list[int] = []
        self._jobs: set[Job] = set()
        self._busy = False
        self.sort = ("date", True)
        self._build()
        self._build_actions()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        context.orders_changed.connect(self.on_orders_changed)
        context.customers_changed.connect(self.on_customers_changed)
        self._update_actions()

    # --- widgets ------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setPlaceholderText(
            self.tr("Search order or tracking no., product, customer name, phone, WeChat ID")
        )
        bar.addWidget(self.search, 1)
        self.dates = QComboBox()
        self.dates.setObjectName("dateFilter")
        for text, key in (
            (self.tr("All dates"), ""),
            (self.tr("Today"), "today"),
            (self.tr("Last 7 days"), "7"),
            (self.tr("Last 30 days"), "30"),
            (self.tr("This month"), "month"),
            (self.tr("This year"), "year"),
            (self.tr("From … to …"), "range"),
        ):
            self.dates.addItem(text, key)
        self.dates.setToolTip(self.tr("Order date"))
        self.dates.currentIndexChanged.connect(self._dates_changed)
        today = qtoday()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(2000, 1, 1), today.addDays(1))
            edit.setVisible(False)
            edit.dateChanged.connect(lambda _d: self.reload())
        self.since.setObjectName("sinceDate")
        self.until.setObjectName("untilDate")
        self.region = QComboBox()
        self.region.setObjectName("regionFilter")
        self.region.setToolTip(self.tr("Ship-to region (大区 or province)"))
        self.region.setMaxVisibleItems(24)
        self.region.addItem(self.tr("All regions"), ())  # the rest when first shown (the region table loads then)
        self.region.currentIndexChanged.connect(lambda _i: self.reload())
        self.courier = QComboBox()
        self.courier.setObjectName("courierFilter")
        self.courier.setToolTip(self.tr("Courier"))
        self.courier.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_couriers([])
        self.courier.currentIndexChanged.connect(lambda _i: self.reload())
        for widget in (self.dates, self.since, self.until, self.region, self.courier):
            bar.addWidget(widget)
        layout.addLayout(bar)

        self.tabs = QTabBar()
        self.tabs.setObjectName("statusTabs")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(False)
        for key in TABS:
            index = self.tabs.addTab(self._tab_text(key, None))
            self.tabs.setTabData(index, key)
        self.tabs.setTabToolTip(TABS.index(core.PENDING), self.tr("Orders to ship: today's work"))
        self.tabs.setTabToolTip(TABS.index(DELETED), self.tr("Deleted orders: select and restore them"))
        self.tabs.currentChanged.connect(self._tab_changed)
        tabs_row = QHBoxLayout()
        tabs_row.addWidget(self.tabs)
        tabs_row.addStretch(1)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        tabs_row.addWidget(self.clear_button)
        layout.addLayout(tabs_row)

        actions = QHBoxLayout()
        self.ship_button = QPushButton(icon("ship"), self.tr("Mark shipped…"))
        self.ship_button.setObjectName("shipButton")
        self.ship_button.clicked.connect(lambda: self.change_status(core.SHIPPED))
        self.deliver_button = QPushButton(icon("verified"), self.tr("Mark delivered"))
        self.deliver_button.setObjectName("deliverButton")
        self.deliver_button.clicked.connect(lambda: self.change_status(core.DELIVERED))
        self.more_button = QPushButton(self.tr("More status"))
        self.more_button.setObjectName("moreStatus")
        self.delete_button = QPushButton(icon("trash"), self.tr("Delete"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button = QPushButton(icon("restore"), self.tr("Restore"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = (self.ship_button, self.deliver_button, self.more_button, self.delete_button, self.restore_button)
        for button in buttons:
            actions.addWidget(button)
        self.message = QLabel()
        self.message.setObjectName("orderMessage")
        self.message.setWordWrap(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions.addWidget(self.message, 1)
        layout.addLayout(actions)

        self.table = OrderTable(self)
        self.table.setObjectName("orderTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, key in enumerate(COLUMNS):
            header.resizeSection(column, DEFAULT_WIDTHS[key])
        with QSignalBlocker(header):
            header.setSortIndicator(self.model.column_of_sort(self.sort[0]), Qt.SortOrder.DescendingOrder)
        self.model.sort_requested.connect(self._sort_requested)
        self.model.sort_refused.connect(self._show_sort_indicator)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.edit_current())

        self.empty = QWidget()
        self.empty.setObjectName("ordersEmpty")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("ordersEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty_label.setFont(font)
        empty_layout.addWidget(self.empty_label)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        self.empty_new = QPushButton(icon("customer-new"), self.tr("New order"))
        self.empty_paste = QPushButton(icon("paste-address"), self.tr("New order from pasted text"))
        self.empty_clear = QPushButton(self.tr("Clear filters"))
        self.empty_clear.clicked.connect(self.clear_filters)
        for button in (self.empty_new, self.empty_paste, self.empty_clear):
            empty_buttons.addWidget(button)
        empty_buttons.addStretch(1)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

    def _build_actions(self) -> None:
        def action(text: str, slot: Callable[[], Any], shortcut: str | None = None, icon_name: str = "") -> QAction:
            act = QAction(text, self)
            if icon_name:
                act.setIcon(icon(icon_name))
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.edit_action = action(self.tr("&Edit order…"), self.edit_current)
        self.ship_action = action(self.tr("Mark &shipped…"), lambda: self.change_status(core.SHIPPED), None, "ship")
        self.deliver_action = action(self.tr("Mark deli&vered"), lambda: self.change_status(core.DELIVERED))
        self.cancel_action = action(self.tr("Mark c&ancelled"), lambda: self.change_status(core.CANCELLED))
        self.refund_action = action(self.tr("Mark re&funded"), lambda: self.change_status(core.REFUNDED))
        self.reopen_action = action(self.tr("Reopen (&back to to-ship)"), lambda: self.change_status(core.PENDING))
        self.copy_action = action(self.tr("&Copy ship-to address"), self.copy_address, None, "copy")
        self.labels_action = action(self.tr("Print &labels…"), self.print_labels, "Ctrl+P", "ship")
        self.copy_message_action = action(self.tr("Copy shipping &message"), self.copy_shipping_message, None, "copy")
        self.copy_message_action.setToolTip(self.tr("The 发货通知 with the courier and tracking number, for WeChat"))
        self.delete_action = action(self.tr("&Delete orders"), self.delete_selected, "Del", "trash")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.restore_action = action(self.tr("&Restore orders"), self.restore_selected, None, "restore")
        menu = QMenu(self)
        for act in (self.cancel_action, self.refund_action, self.reopen_action):
            menu.addAction(act)
        self.more_button.setMenu(menu)

    def _tab_text(self, key: str, count: int | None) -> str:
        name = {ALL: self.tr("All"), DELETED: self.tr("Deleted")}.get(key) or status_name(key)
        return f"{name} ({count:,})" if count is not None else name

    def _fill_regions(self) -> None:
        if self.region.count() > 1:
            return
        self.region.addItem(icon("remote"), self.tr("Remote areas"), REMOTE)
        self.region.setItemData(1, self.tr("Orders shipping to a remote area (偏远地区)"), Qt.ItemDataRole.ToolTipRole)
        names = [p.name for p in regions.provinces()]
        big_of = {name: regions.big_region(name) for name in names}
        for big in regions.big_regions():
            members = tuple(p for p in names if big_of[p] == big)
            if not members:
                continue
            self.region.addItem(big, members)
            for province in members:
                self.region.addItem("\u3000" + province, (province,))

    def _fill_couriers(self, names: list[str]) -> None:
        current = self.courier.currentData()
        with QSignalBlocker(self.courier):
            self.courier.clear()
            self.courier.addItem(self.tr("All couriers"), None)
            for name in names:
                self.courier.addItem(name, name)
            self.courier.addItem(self.tr("No courier yet"), "")
            index = self.courier.findData(current) if current is not None else 0
            self.courier.setCurrentIndex(max(index, 0))

    # --- the filter ---------------------------------------------------------------------------------------------

    def current_filter(self) -> OrderFilter:
        tab = self.tabs.tabData(self.tabs.currentIndex())
        courier = self.courier.currentData()
        since, until = self._date_range()
        return OrderFilter(
            statuses=(tab,) if tab in core.STATUSES else (),
            deleted=tab == DELETED,
            since=since,
            until=until,
            provinces=() if self.region.currentData() == REMOTE else tuple(self.region.currentData() or ()),
            remote=self.region.currentData() == REMOTE,
            couriers=(courier,) if courier is not None else (),
            search=self.search.text().strip(),
        )

    def _date_range(self) -> tuple[_dt.date | None, _dt.date | None]:
        key = self.dates.currentData()
        today = clock.today()
        if key == "today":
            return today, None
        if key in ("7", "30"):
            return today - _dt.timedelta(days=int(key) - 1), None
        if key == "month":
            return today.replace(day=1), None
        if key == "year":
            return today.replace(month=1, day=1), None
        if key == "range":
            since, until = self.since.date(), self.until.date()
            return (
                _dt.date(since.year(), since.month(), since.day()),
                _dt.date(until.year(), until.month(), until.day()),
            )
        return None, None

    def _dates_changed(self, _index: int) -> None:
        custom = self.dates.currentData() == "range"
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        self.reload()

    def _tab_changed(self, _index: int) -> None:
        self._update_actions()
        self.reload()

    def show_status(self, status: str) -> None:
        """Select a status tab (``""``: all; ``"deleted"``)."""
        self.tabs.setCurrentIndex(TABS.index(status))

    def show_to_ship(self) -> None:
        """The one-click list of orders to ship today."""
        self.show_status(core.PENDING)

    def clear_filters(self) -> None:
        for widget in (self.search, self.dates, self.region, self.courier):
            widget.blockSignals(True)
        self.search.clear()
        self.dates.setCurrentIndex(0)
        self.since.setVisible(False)
        self.until.setVisible(False)
        self.region.setCurrentIndex(0)
        self.courier.setCurrentIndex(0)
        for widget in (self.search, self.dates, self.region, self.courier):
            widget.blockSignals(False)
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- reading the view (off the UI thread) ----------------------------------------------------------------

    def _sort_requested(self, sort: str, descending: bool) -> None:
        self.sort = (sort, descending)
        self.reload()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if self.sort[1] else Qt.SortOrder.AscendingOrder
        QTimer.singleShot(0, lambda: self._set_indicator(header, order))

    def _set_indicator(self, header: QHeaderView, order: Qt.SortOrder) -> None:
        with QSignalBlocker(header):
            header.setSortIndicator(self.model.column_of_sort(self.sort[0]), order)
        header.viewport().update()

    def reload(self, *, data_changed: bool = False) -> None:
        """Read the view's ids (and, when the other filters changed, the tab counts) in a job."""
        self.search_timer.stop()
        if data_changed:
            self._generation += 1
            self._sort_orders = {}  # a job still running fills the old one
            self._counts_for = self._counts_asked = None
        self.loaded = True
        flt = self.current_filter()
        request = ViewRequest(flt, self.sort[0], self.sort[1])
        self._wanted = request
        if not self._reselect:
            self._reselect = self.selected_ids()[:RESELECT_LIMIT]
        generation = self._generation
        sort_orders = self._sort_orders

        def ids(_progress: Progress, _token: CancelToken) -> tuple[int, ViewResult]:
            return generation, compute_view(request, sort_orders, False)

        self._start(ids, self._view_ready, "orders-view")
        base = counts_filter(flt)
        if base != self._counts_for and base != self._counts_asked:
            self._counts_asked = base  # (one job for the tab counts of these filters)

            def counts(_progress: Progress, _token: CancelToken) -> tuple[int, TabCounts]:
                return generation, compute_counts(flt)

            self._start(counts, self._counts_ready, "orders-counts")

    def _start(self, work: Callable[[Any, Any], Any], done: Callable[[Any], None], name: str) -> None:
        job = Job(with_error_text(work), name)
        job.succeeded.connect(done)
        job.failed.connect(self._view_failed)
        job.finished.connect(self._job_finished)
        self._jobs.add(job)
        start(job)

    def _job_finished(self) -> None:
        self._jobs = {job for job in self._jobs if job.running}

    def _view_failed(self, message: str) -> None:
        self._set_message(message, ERROR_COLOUR)

    def _counts_ready(self, reply: tuple[int, TabCounts]) -> None:
        generation, tabs = reply
        if tabs.flt == self._counts_asked:
            self._counts_asked = None
        if generation != self._generation or self._wanted is None or tabs.flt != counts_filter(self._wanted.flt):
            return  # the filters or the data changed meanwhile: a newer count is on its way
        self._counts_for = tabs.flt
        self._counts = dict(tabs.status_counts)
        self._deleted_count = tabs.deleted_count
        self._show_counts()
        self._fill_couriers(tabs.couriers)
        self._emit_summary()

    def _view_ready(self, reply: tuple[int, ViewResult]) -> None:
        generation, result = reply
        if generation != self._generation or result.request != self._wanted:
            return  # overtaken by a newer filter or by a change of the data
        self.model.show(result.request, result.ids)
        reselect, self._reselect = self._reselect, []
        if reselect:
            self.select_ids(reselect)
        self._update_view()

    def _show_counts(self) -> None:
        total = sum(self._counts.values())
        for index, key in enumerate(TABS):
            if key == ALL:
                count = total
            elif key == DELETED:
                count = self._deleted_count
            else:
                count = self._counts.get(key, 0)
            self.tabs.setTabText(index, self._tab_text(key, count))

    def to_ship_count(self) -> int:
        return self._counts.get(core.PENDING, 0)

    def on_orders_changed(self) -> None:
        """An order was written (here, in a dialog, by an import): read everything again,
        now if the view is shown, else when it is next shown."""
        self.model.refresh_rows()
        if self.isVisible():
            self.reload(data_changed=True)
        else:
            self._generation += 1
            self._sort_orders = {}
            self._counts_for = self._counts_asked = None
            self.loaded = False

    def on_customers_changed(self) -> None:
        """Customer names and trashed customers' orders show in this view: read them again."""
        self.on_orders_changed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        with QSignalBlocker(self.region):
            self._fill_regions()
        if not self.loaded:
            self.reload()

    # --- what is shown --------------------------------------------------------------------------------------

    def _update_view(self) -> None:
        flt = self.model.request.flt
        filtered = bool(flt.search or flt.since or flt.until or flt.provinces or flt.couriers or flt.remote)
        self.clear_button.setVisible(filtered)
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
        else:
            if flt.deleted:
                text = self.tr("No deleted orders.")
            elif filtered:
                text = self.tr("No order matches these filters.")
            elif flt.statuses == (core.PENDING,):
                text = self.tr("Nothing to ship: every order has gone out.")
            elif flt.statuses:
                text = self.tr("No orders with this status.")
            else:
                text = self.tr("No orders yet — record one with New order (Ctrl+Shift+N) or from a pasted message.")
            self.empty_label.setText(text)
            none_at_all = not filtered and not flt.statuses and not flt.deleted
            self.empty_new.setVisible(none_at_all)
            self.empty_paste.setVisible(none_at_all)
            self.empty_clear.setVisible(filtered)
            self.stack.setCurrentWidget(self.empty)
        self._update_actions()
        self._emit_summary()

    def _update_actions(self) -> None:
        deleted = self.tabs.tabData(self.tabs.currentIndex()) == DELETED
        selected = bool(self.table.selectionModel().hasSelection()) if self.table.selectionModel() else False
        for widget in (self.ship_button, self.deliver_button, self.more_button, self.delete_button):
            widget.setVisible(not deleted)
            widget.setEnabled(selected and not self._busy)
        self.restore_button.setVisible(deleted)
        self.restore_button.setEnabled(selected and not self._busy)
        for act in (self.ship_action, self.deliver_action, self.cancel_action, self.refund_action, self.reopen_action):
            act.setEnabled(selected and not deleted and not self._busy)
        self.delete_action.setEnabled(selected and not deleted and not self._busy)
        self.restore_action.setEnabled(selected and deleted and not self._busy)
        self.edit_action.setEnabled(len(self.selected_rows()) == 1 and not deleted)
        self.copy_action.setEnabled(len(self.selected_rows()) == 1)
        self.copy_message_action.setEnabled(len(self.selected_rows()) == 1)

    def _selection_changed(self) -> None:
        self._update_actions()
        self._emit_summary()

    def summary_text(self) -> str:
        flt = self.model.request.flt
        total = self._deleted_count if flt.deleted else sum(self._counts.values())
        parts = [
            (self.tr("Deleted orders: %1") if flt.deleted else self.tr("Orders: %1")).replace("%1", f"{total:,}"),
            self.tr("Shown: %1").replace("%1", f"{self.model.rowCount():,}"),
        ]
        rows = self.selected_rows()
        if rows:
            parts.append(self.tr("Selected: %1").replace("%1", f"{len(rows):,}"))
            if len(rows) <= SELECTED_SUM_LIMIT:
                found = [self.model.order_row(r) for r in rows]
                total_fen = sum(r.amount_fen for r in found if r is not None and r.counts)
                parts.append(self.tr("Selected total: %1").replace("%1", format_yuan(total_fen)))
        return "    ".join(parts)

    def _emit_summary(self) -> None:
        self.summary_changed.emit(self.summary_text())

    def _set_message(self, text: str, colour: str = NOTE_COLOUR) -> None:
        self.message.setStyleSheet(f"color: {colour}")
        self.message.setText(text)
        self.message.setToolTip(text)

    def set_mask_phones(self, on: bool) -> None:
        self.model.set_mask_phones(on)

    # --- selection ----------------------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        return self.model.ids_for_rows(self.selected_rows())

    def select_when_shown(self, ids: list[int]) -> None:
        """Select ``ids`` now if they are shown, else once the view being read arrives."""
        if all(self.model.row_of(i) is not None for i in ids):
            self.select_ids(ids)
        else:
            self._reselect = list(ids)

    def restore_sort(self) -> None:
        """Take the sort from the header (after its saved state was restored)."""
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        key = COLUMNS[column] if 0 <= column < len(COLUMNS) else ""
        if key in SORT_FOR_COLUMN:
            self.sort = (SORT_FOR_COLUMN[key], header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        else:
            self._show_sort_indicator()
        if self.loaded:
            self.reload()

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        with QSignalBlocker(selection):
            selection.clearSelection()
            first = None
            for oid in ids[:RESELECT_LIMIT]:
                row = self.model.row_of(oid)
                if row is None:
                    continue
                first = row if first is None else first
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
            if first is not None:
                selection.setCurrentIndex(self.model.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(self.model.index(first, 0))
        self._selection_changed()

    # --- commands -------------------------------------------------------------------------------------------------

    def edit_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.model.request.flt.deleted:
            return
        from sellerdesk.ui.orders.order_dialog import edit_order  # (imported when first used: launch time)

        self._reselect = ids
        edit_order(self.context, self, ids[0])

    def print_labels(self) -> None:
        """Labels for the selected orders (print, or save as PDF)."""
        from sellerdesk.ui.shipping.labels_dialog import ORDERS, show_labels_dialog

        opener = getattr(self.window(), "open_sender_settings", None)
        show_labels_dialog(
            self,
            ORDERS,
            self.selected_ids(),
            mask=self.context.mask_phones,
            open_senders=opener,
            mask_locked=getattr(self.context, "mask_forced", False),
        )

    def _ship_to_for_copy(self, row) -> dict:
        """The order's ship-to for the clipboard: the phone masked when the team role masks phones."""
        ship_to = dict(row.ship_to or {})
        if getattr(self.context, "mask_forced", False) and ship_to.get("phone"):
            ship_to["phone"] = mask_phone(str(ship_to["phone"]))
        return ship_to

    def copy_address(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = self.model.order_row(rows[0])
        if row is None:
            return
        text = format_one_line(self._ship_to_for_copy(row))
        QGuiApplication.clipboard().setText(text)
        self._set_message(self.tr("Copied the ship-to address."))

    def copy_shipping_message(self) -> None:
        """Put the 发货通知 (the seller's wording of message kind ``shipped``) on the clipboard."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = self.model.order_row(rows[0])
        if row is None:
            return
        from sellerdesk.store import messages

        ship_to = self._ship_to_for_copy(row)
        text = messages.render(
            "shipped",
            {
                "name": ship_to.get("recipient") or row.customer_name,
                "courier": row.courier,
                "tracking": row.tracking_no,
                "items": row.items,
                "address": format_one_line(ship_to),
                "date": row.shipped_on.isoformat() if row.shipped_on else "",
            },
        )
        QGuiApplication.clipboard().setText(text)
        if row.tracking_no:
            self._set_message(self.tr("Copied the shipping message."))
        else:
            self._set_message(
                self.tr("Copied the shipping message; this order has no tracking number yet."), WARN_COLOUR
            )

    def change_status(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        extra: dict[str, Any] = {}
        if status == core.SHIPPED:
            from sellerdesk.ui.orders.ship_dialog import ShipDialog

            dialog = ShipDialog(len(ids), self)
            try:
                if dialogs.launch(dialog) != QDialog.DialogCode.Accepted:
                    return
                extra = dialog.values()
            finally:
                dialog.deleteLater()

        def work(_progress: Progress, _token: CancelToken) -> StatusResult:
            return store_orders.set_status(ids, status, **extra)

        self._reselect = ids
        self._run_write(work, lambda result: self._status_done(result, status))

    def _status_done(self, result: StatusResult, status: str) -> None:
        colour = ERROR_COLOUR if result.refused else NOTE_COLOUR
        self._set_message(status_result_line(result, status), colour)
        if result.changed:
            self.context.orders_changed.emit()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.model.request.flt.deleted or self._busy:
            return

        def work(_progress: Progress, _token: CancelToken) -> list[int]:
            return store_orders.delete_orders(ids)

        self._run_write(work, self._deleted)

    def _deleted(self, moved: list[int]) -> None:
        if not moved:
            return
        self.undo_stack.append(moved)
        self.undo_changed.emit(True)
        self._set_message(self.tr("Deleted %n order(s). Ctrl+Z brings them back.", "", len(moved)))
        self.context.orders_changed.emit()

    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    def undo(self) -> None:
        if not self.undo_stack or self._busy:
            return
        ids = self.undo_stack[-1]

        def work(_progress: Progress, _token: CancelToken) -> list[int]:
            return store_orders.restore_orders(ids)

        def done(restored: list[int]) -> None:
            self.undo_stack.pop()
            self.undo_changed.emit(bool(self.undo_stack))
            self._reselect = restored
            self._set_message(self.tr("Brought back %n order(s).", "", len(restored)))
            self.context.orders_changed.emit()

        self._run_write(work, done)

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.model.request.flt.deleted or self._busy:
            return

        def work(_progress: Progress, _token: CancelToken) -> list[int]:
            return store_orders.restore_orders(ids)

        def done(restored: list[int]) -> None:
            self._set_message(self.tr("Restored %n order(s).", "", len(restored)))
            self.context.orders_changed.emit()

        self._run_write(work, done)

    def _run_write(self, work: Callable[[Any, Any], Any], done: Callable[[Any], None]) -> None:
        """One store write in a job (many orders take a while); the buttons wait for it."""
        self._busy = True
        self._update_actions()
        self._set_message(self.tr("Saving…"))
        job = Job(with_error_text(work), "orders-write")
        self._write_done = done
        job.succeeded.connect(self._write_succeeded)
        job.failed.connect(self._write_failed)
        job.finished.connect(self._write_finished)
        self._jobs.add(job)
        start(job)

    def _write_succeeded(self, result: object) -> None:
        self._busy = False
        self._write_done(result)

    def _write_failed(self, message: str) -> None:
        self._busy = False
        self._reselect = []
        text = message
        if message.startswith("No order with id"):
            text = translate("OrderText", "This order or customer no longer exists (deleted for good meanwhile).")
        elif "who is in the Trash; restore the customer first" in message:
            text = translate("OrderText", "An order's customer is in the Trash: restore the customer first.")
        self._set_message(text, ERROR_COLOUR)

    def _write_finished(self) -> None:
        self._busy = False
        self._job_finished()
        self._update_actions()

    def _context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self)
        if self.model.request.flt.deleted:
            menu.addAction(self.restore_action)
        else:
            menu.addAction(self.edit_action)
            menu.addAction(self.copy_action)
            menu.addAction(self.labels_action)
            menu.addAction(self.copy_message_action)
            menu.addSeparator()
            for act in (self.ship_action, self.deliver_action, self.cancel_action, self.refund_action):
                menu.addAction(act)
            menu.addAction(self.reopen_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # --- columns ------------------------------------------------------------------------------------------------

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, key in enumerate(COLUMNS):
            header.moveSection(header.visualIndex(column), column)
            header.showSection(column)
            header.resizeSection(column, DEFAULT_WIDTHS[key])


__all__ = ["OrdersView", "TABS"]
