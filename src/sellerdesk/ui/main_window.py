"""The main window: its pages on the left rail — 今日待办 (Ctrl+0), customers (region filter |
customer table | customer editor, Ctrl+1), orders (:class:`~sellerdesk.ui.orders.view.OrdersView`,
Ctrl+2), 待核对 (Ctrl+4), 关怀 (Ctrl+5) and the 概览 overview
(:class:`~sellerdesk.ui.dashboard.view.DashboardView`, Ctrl+6).

The table model is lazy (:mod:`sellerdesk.ui.customers.table_model`), search runs 150 ms
after the last keystroke; a big answer's first screen is all the UI thread reads, its whole list
comes from a worker once typing pauses (:meth:`MainWindow.request_rest`), and a newer keystroke
cancels that read. At start-up the window shows the first page before anything else:
the region tree counts and the tag/tier lists (:func:`sellerdesk.store.queries.view_counts`,
~0.2 s at 100k) are read in a worker (:class:`~sellerdesk.jobs.latest.Latest`: one at a time,
only the newest request kept) just after the first paint, again whenever customers change, and
for the numbers of the matching customers whenever the search, tag or tier filter changes.
After a change of the data (a save, trash, restore, import, merge…) the table's id list is read
in a worker too (:func:`~sellerdesk.ui.customers.table_model.read_view` through another
``Latest``, 0.5-1 s at 300k): the table keeps its rows meanwhile, their data read again (a
saved customer shows its new data at once; trashed rows leave, a new customer shows on top),
and :meth:`MainWindow._view_arrived` swaps the new list in, keeping the selection, the
editor's customer and the scroll position. Answers that come after the window closed are dropped.
Worker jobs read through their own connection; the sqlcipher3 reference leak that once made two
reading threads abort is neutralised by :mod:`sellerdesk.store.sqlcipher_guard`. Import/export
and backup/restore come from their controllers (:mod:`sellerdesk.ui.exchange.actions`,
:mod:`sellerdesk.ui.backup.actions`).
Geometry, splitter sizes, the page and the column layouts are kept in ``context.settings``.
Every order write emits ``context.orders_changed``: the orders view reloads and the customer
table reads its counts again (when it is next shown, if the orders page is in front).
"""

from __future__ import annotations

import gc
import html
import logging
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QSize, Qt, QThread, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sellerdesk import APP_NAME, __version__
from sellerdesk.core import regions
from sellerdesk.core.tiers import LEVELS
from sellerdesk.i18n import LANGUAGES
from sellerdesk.jobs.latest import Latest
from sellerdesk.jobs.worker import Job
from sellerdesk.store import customers, demo, queries
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.errors import StoreError
from sellerdesk.store.queries import CustomerFilter
from sellerdesk.ui.care.view import CareView
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.customers.columns import ColumnLayout
from sellerdesk.ui.customers.editor import CustomerEditor
from sellerdesk.ui.customers.region_tree import RegionSelection, RegionTree
from sellerdesk.ui.customers.table_model import (
    COLUMNS,
    DESCENDING_FIRST,
    CustomerTableModel,
    RestAnswer,
    ViewAnswer,
    prepare_order,
    read_rest,
    read_view,
)
from sellerdesk.ui.customers.tier_settings import check_rolling_window, edit_tier_settings
from sellerdesk.ui.orders.view import OrdersView
from sellerdesk.ui.recheck.view import RecheckView
from sellerdesk.ui.shipping.remote_dialog import edit_remote_areas
from sellerdesk.ui.today.page import TodayPage
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, with_error_text
from sellerdesk.ui.widgets.event_hook import EventHook
from sellerdesk.ui.widgets.icons import icon

log = logging.getLogger(__name__)
T = TypeVar("T")

SEARCH_DELAY_MS = 150
_MNEMONIC = re.compile(r"\s*[(（]&\w[)）]|&(?=\S)")


def button_text(text: str) -> str:
    """A menu text as a toolbar button says it: without its mnemonic (移到回收站(&T) → 移到回收站;
    &Trash → Trash) and the dots of a menu entry that opens a dialog. A toolbar button has no
    Alt+letter of its own, so its (T) only showed two buttons (移到回收站, 回收站) with one letter."""
    text = _MNEMONIC.sub("", text.replace("&&", "\0")).replace("\0", "&")
    return text.removesuffix("…").removesuffix("...")  # as Qt's own button text: no dots


def _plain_button_text(action: QAction) -> None:
    """The toolbar button of ``action`` (which keeps its mnemonic in the menus) without it, also
    after the action's text changes."""

    def follow() -> None:
        action.setIconText(button_text(action.text()))

    follow()
    action.changed.connect(follow)


REGION_PANE = 160  # px: the region tree's default width
EDITOR_PANE = (370, 440)  # px: the editor's default width below / from WIDE_WINDOW
WIDE_WINDOW = 1600
DEFAULT_SIZE = (1400, 860)
COUNTS_DELAY_MS = 400  # region counts of a new search start once typing pauses this long
PREPARE_DELAY_MS = 1000  # a new sort order's positions are made once the window is idle this long
COMPLETE_DELAY_MS = 300  # a big search's whole answer replaces its first screen once typing pauses this long
DEMO_SIZE = 1000


class CustomerTable(QTableView):
    """The table; Ctrl+V with an address on the clipboard asks the window for a new customer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self._window.paste_new_customer()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._window.edit_current()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = context.settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SellerDesk — Customer Address Manager"))
        self.setAcceptDrops(True)
        self.undo_stack: list[list[int]] = []
        self._total: tuple[bool, int] | None = None
        self.region = RegionSelection()
        self.backup = None
        self.exchange = None
        self.counts_ready = False  # region counts and tag/tier lists filled in (see refresh_counts)
        self.gc_frozen = False  # the start-up objects moved out of the garbage collector's way (_freeze_start)
        self.customers_stale = False  # orders changed while the orders page was in front
        # region counts in a worker: the whole view's (after data changes: _totals_stale) and
        # the matching customers' (after filter changes); see _request_counts
        self.counter = Latest(_count_view, "region-counts", self)
        self.counter.ready.connect(self._counts_arrived)
        self.counter.failed.connect(self._counts_failed)
        self._totals_stale = True
        self._totals: tuple[bool, dict[tuple[str, str], int], int, int | None] | None = (
            None  # (trashed, counts, incomplete, remote)
        )
        self._counts_asked: CustomerFilter | None = None
        self._counts_pending = False
        self.counts_timer = QTimer(self)
        self.counts_timer.setSingleShot(True)
        self.counts_timer.setInterval(COUNTS_DELAY_MS)
        self.counts_timer.timeout.connect(self._counts_paused)
        self._counts_after_rest = False  # the matching customers' counts wait for a whole answer being read

        self.model = CustomerTableModel(self)
        # the table's id list after a change of the data, in a worker (see reload_customers)
        self.view_reader = Latest(read_view, "customer-view", self)
        self.view_reader.ready.connect(self._view_arrived)
        self.view_reader.failed.connect(self._view_failed)
        # a big search's or region's whole answer, once typing pauses on its first screen, in a
        # worker too (see request_rest); a newer keystroke or click cancels it
        self.rest_reader = Latest(read_rest, "customer-rest", self, cancellable=True)
        self.rest_reader.ready.connect(self._rest_arrived)
        self.rest_reader.failed.connect(self._rest_failed)
        # the kept sort order's gather with its positions, made in a worker (see _prepare_order)
        self.order_preparer = Latest(prepare_order, "customer-order", self, cancellable=True)
        self.order_preparer.ready.connect(self._order_prepared)
        self.prepare_timer = QTimer(self)  # … once the window has been idle a moment (see _prepare_order)
        self.prepare_timer.setSingleShot(True)
        self.prepare_timer.setInterval(PREPARE_DELAY_MS)
        self.prepare_timer.timeout.connect(self._request_prepare)
        self._select_after_view: list[int] = []  # customers to select once the new list is shown
        self.closed = False  # closing: answers of jobs still on their way are dropped
        self._build_widgets()
        self._build_actions()
        self._build_controllers()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.setWindowTitle(self.team.window_title(self.windowTitle()))
        self._page_changed()
        self._restore_state()
        self._apply_team_role()
        self._sort_section = self.table.horizontalHeader().sortIndicatorSection()
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator)  # after the restore

        self.reminded = False  # the backup reminder, once, shortly after the window shows
        self.remind_timer = QTimer(self)
        self.remind_timer.setSingleShot(True)
        self.remind_timer.setInterval(1500)
        if self.backup is not None:
            self.remind_timer.timeout.connect(self._remind_backup)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        # a big search's first screen (model.partial) makes way for its whole answer once typing
        # pauses: while a word is typed, each keystroke costs only its screen
        self.complete_timer = QTimer(self)
        self.complete_timer.setSingleShot(True)
        self.complete_timer.setInterval(COMPLETE_DELAY_MS)
        self.complete_timer.timeout.connect(self.request_rest)
        self._pending_selection: list[int] = []  # selected before a first screen that lacks them
        self.search.textChanged.connect(lambda _t: self._stop_rest())
        context.customers_changed.connect(self.on_customers_changed)
        context.orders_changed.connect(self.on_orders_changed)
        for signal in (context.customers_changed, context.orders_changed):
            signal.connect(self.today_page.data_changed)
            signal.connect(self.recheck_view.data_changed)
        self.tier_job: Job | None = None  # the start-up check of the 12-month window (after the first counts)
        self._tier_settings_job: Job | None = None
        self.apply_filter()
        # counts start once the first rows are painted
        self._hooks.append(EventHook(self.table.viewport(), self._viewport_event))

    # --- widgets ------------------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.regions = RegionTree(counted=False)
        self.regions.setMinimumWidth(130)
        self.regions.selection_changed.connect(self._on_region)

        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setPlaceholderText(self.tr("Search name, phone, WeChat ID, address or pinyin (zs) — Ctrl+F"))
        self._hooks: list[EventHook] = [EventHook(self.search, self._search_event)]
        bar.addWidget(self.search, 1)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_filter.setToolTip(self.tr("Show only customers with this tag"))
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("tierFilter")
        self.tier_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tier_filter.setToolTip(self.tr("Show only customers of this tier"))
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.tier_filter)
        # 我负责的 (team mode): the customers of the regions the user is in charge of (专人负责);
        # hidden on a local file, where nobody is given a region
        self.mine_filter = QCheckBox(self.tr("Mine"))
        self.mine_filter.setObjectName("mineFilter")
        self.mine_filter.setToolTip(self.tr("Show only the customers of the 大区 and provinces you are in charge of"))
        self.mine_filter.setVisible(getattr(self.context, "team", None) is not None)
        self.mine_filter.toggled.connect(lambda _checked: self.apply_filter())
        bar.addWidget(self.mine_filter)
        self._fill_tag_tier([], [])
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.tier_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        layout.addLayout(bar)

        self.view_banner = QLabel()
        self.view_banner.setObjectName("trashBanner")
        self.view_banner.setStyleSheet("QLabel { background: #fef3c7; color: #92400e; padding: 6px; }")
        self.view_banner.setVisible(False)
        layout.addWidget(self.view_banner)

        self.table = CustomerTable(self)
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self.columns = ColumnLayout(self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.model.modelReset.connect(self._update_status)

        self.empty = QWidget()
        self.empty.setObjectName("emptyState")
        # its row of buttons (hidden ones included, before the first show) must not widen the window
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty_label.setFont(font)
        empty_layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.empty_new = QPushButton(icon("customer-new"), self.tr("New customer"))
        self.empty_new.clicked.connect(self.new_customer)
        self.empty_paste = QPushButton(icon("paste-address"), self.tr("Paste an address"))
        self.empty_paste.clicked.connect(self.paste_new_customer)
        self.empty_import = QPushButton(icon("import"), self.tr("Import Excel…"))
        self.empty_clear = QPushButton(self.tr("Clear search and filters"))
        self.empty_clear.clicked.connect(self.clear_filters)
        self.empty_demo = QPushButton(self.tr("Try with demo customers"))
        self.empty_demo.clicked.connect(self.add_demo)
        for button in (self.empty_new, self.empty_paste, self.empty_import, self.empty_demo, self.empty_clear):
            buttons.addWidget(button)
        buttons.addStretch(1)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self.editor = CustomerEditor(context=self.context)
        self.editor.setMinimumWidth(320)
        self.editor.open_customer.connect(self.open_customer)
        self.editor.saved.connect(self._on_saved)
        self.editor.data_changed.connect(lambda _id: self.on_orders_changed())
        self.editor.cancelled.connect(lambda: self.table.setFocus())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.regions)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self.columns.fit())

        self.orders_view = OrdersView(self.context)
        self.orders_view.summary_changed.connect(self._orders_summary)
        self.orders_view.undo_changed.connect(lambda _on: self._page_changed())
        self.orders_view.empty_new.clicked.connect(self.new_order)
        self.orders_view.empty_paste.clicked.connect(self.paste_new_order)
        self.orders_view.table.paste_requested.connect(self.paste_new_order)
        self.today_page = TodayPage()
        self.today_page.open_section.connect(self.open_today_section)
        self.today_page.summary_changed.connect(lambda text: self._page_summary(self.today_page, text))
        self.recheck_view = RecheckView(self.context)
        self.recheck_view.edit_address.connect(self.open_address)
        self.recheck_view.cycles_requested.connect(self.edit_recheck_cycles)
        self.recheck_view.summary_changed.connect(lambda text: self._page_summary(self.recheck_view, text))
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.orders_view)
        from sellerdesk.ui.dashboard.view import DashboardView

        self.dashboard = DashboardView(self.context)
        self.dashboard.filter_requested.connect(self.show_filtered)
        self.pages.addWidget(self.dashboard)
        self.pages.addWidget(self.today_page)
        self.pages.addWidget(self.recheck_view)
        self.care_view = CareView(self.context)
        self.care_view.open_customer.connect(self.open_customer)
        self.care_view.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.care_view.follow_ups_changed.connect(self._follow_ups_changed)
        self.editor.followups_tab.follow_ups_changed.connect(self._follow_ups_changed)
        self.pages.addWidget(self.care_view)
        self.setCentralWidget(self.pages)

    def _fill_tag_tier(self, tags: list[str], tiers: list[str]) -> None:
        """The tag list, and the tier list: every level by its name (普通 included), then
        hand-typed tiers (VIP) as typed. A level also finds text naming it that the store
        has not adopted yet (an imported 金卡 column)."""
        rules = store_tiers.tier_rules()
        values: dict[str, list[str]] = {key: [key] for key in LEVELS}
        for value in tiers:
            key = value if value in LEVELS else rules.level_of(value)
            if key is None:
                values[value] = [value]
            elif value != key:
                values[key].append(value)
        self._tier_values = {key: tuple(v) for key, v in values.items()}
        for combo, everything, items in (
            (self.tag_filter, self.tr("All tags"), [(tag, tag) for tag in tags]),
            (self.tier_filter, self.tr("All tiers"), [(rules.name(key), key) for key in values]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    # --- actions ------------------------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New customer"), self.new_customer, "Ctrl+N", "customer-new", self.tr("Add a customer (Ctrl+N)")
        )
        self.paste_action = self._action(
            self.tr("New from &pasted address"),
            self.paste_new_customer,
            None,
            "paste-address",
            self.tr("New customer filled in from the address on the clipboard"),
        )
        self.save_action = self._action(
            self.tr("&Save"), self.save, "Ctrl+S", "save", self.tr("Save the customer being edited (Ctrl+S)")
        )
        self.cancel_action = self._action(self.tr("Cancel editing"), self.cancel_edit, "Esc")
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editor.addAction(self.cancel_action)
        self.edit_action = self._action(self.tr("&Edit customer"), self.edit_current, None)
        self.delete_action = self._action(
            self.tr("Move to &Trash"),
            self.trash_selected,
            "Del",
            "trash",
            self.tr("Move the selected customers to the Trash (Delete)"),
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.undo_action = self._action(
            self.tr("&Undo move to Trash"),
            self.undo,
            "Ctrl+Z",
            "undo",
            self.tr("Bring back the customers just moved to the Trash (Ctrl+Z)"),
        )
        self.undo_action.setEnabled(False)
        self.find_action = self._action(self.tr("&Find…"), self.focus_search, "Ctrl+F", "search")
        self.select_all_action = self._action(self.tr("Select &all"), self.select_all, None)
        self.trash_view_action = self._action(
            self.tr("&Trash"), self.toggle_trash_view, None, "trash", self.tr("Show the customers in the Trash")
        )
        self.trash_view_action.setCheckable(True)
        self.restore_action = self._action(
            self.tr("&Restore from Trash"),
            self.restore_selected,
            None,
            "restore",
            self.tr("Bring the selected customers back"),
        )
        self.purge_action = self._action(
            self.tr("&Delete for good…"),
            self.purge_selected,
            None,
            "remove",
            self.tr("Delete the selected customers from the Trash for good"),
        )
        self.mask_action = self._action(
            self.tr("&Mask phone numbers"),
            self.toggle_mask,
            "Ctrl+M",
            "mask",
            self.tr("Show 138****5678, for screenshots sent in WeChat (Ctrl+M)"),
        )
        self.mask_action.setCheckable(True)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, "F5")
        self.reset_columns_action = self._action(self.tr("Reset &columns"), self.reset_columns, None)
        self.tier_settings_action = self._action(
            self.tr("T&iers and points…"),
            self.edit_tier_settings,
            None,
            tip=self.tr("Tier names and thresholds, and the points rule"),
        )
        self.labels_action = self._action(
            self.tr("Print &labels…"),
            self.print_customer_labels,
            None,
            "ship",
            self.tr("Shipping labels for the selected customers (their default address)"),
        )
        self.remote_areas_action = self._action(
            self.tr("&Remote areas…"),
            lambda: edit_remote_areas(self, self.context),
            None,
            "remote",
            self.tr("The places you treat as 偏远地区 (extra freight, no free shipping)"),
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About SellerDesk"), self.show_about, None, "help")
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1", "keyboard")
        self.demo_action = self._action(
            self.tr("Add %1 &demo customers").replace("%1", f"{DEMO_SIZE:,}"), self.add_demo, None
        )
        self.remove_demo_action = self._action(self.tr("Remove demo customers…"), self.remove_demo, None)

        self.customers_page_action = self._action(
            self.tr("Customers"), self.show_customers, "Ctrl+1", "people", self.tr("Show the customers (Ctrl+1)")
        )
        self.orders_page_action = self._action(
            self.tr("Orders"), self.show_orders, "Ctrl+2", "orders", self.tr("Show the orders (Ctrl+2)")
        )
        self.dashboard_page_action = self._action(
            self.tr("Overview"),
            self.show_dashboard,
            "Ctrl+6",
            "dashboard",
            self.tr("Show the overview: where customers are, who buys (Ctrl+6)"),
        )
        self.today_page_action = self._action(
            self.tr("Today"), self.show_today, "Ctrl+0", "today", self.tr("What needs doing today (Ctrl+0)")
        )
        self.recheck_page_action = self._action(
            self.tr("Re-check"),
            self.show_recheck,
            "Ctrl+4",
            "recheck",
            self.tr("Addresses due for a re-check with the customer (Ctrl+4)"),
        )
        self.recheck_cycles_action = self._action(
            self.tr("Re-check &cycles…"),
            self.edit_recheck_cycles,
            None,
            tip=self.tr("How often each tier's addresses are checked"),
        )
        self.templates_action = self._action(
            self.tr("&Message templates…"),
            self.edit_message_templates,
            None,
            "message",
            self.tr("The wording of the messages copied for WeChat"),
        )
        self.care_page_action = self._action(
            self.tr("Care"),
            lambda: self.show_care(),  # (triggered passes "checked": not a tab)
            "Ctrl+5",
            "gift",
            self.tr("Birthdays, holidays and follow-ups due (Ctrl+5)"),
        )
        pages = QActionGroup(self)
        for action in (
            self.today_page_action,
            self.customers_page_action,
            self.orders_page_action,
            self.recheck_page_action,
            self.care_page_action,
            self.dashboard_page_action,
        ):
            action.setCheckable(True)
            pages.addAction(action)
        self.customers_page_action.setChecked(True)
        self.to_ship_action = self._action(
            self.tr("Orders &to ship"), self.show_to_ship, "Ctrl+3", None, self.tr("The orders to ship today (Ctrl+3)")
        )
        self.new_order_action = self._action(
            self.tr("New &order…"),
            self.new_order,
            "Ctrl+Shift+N",
            "order-new",
            self.tr("Record an order; of the selected customer, if one is selected (Ctrl+Shift+N)"),
        )
        self.paste_order_action = self._action(
            self.tr("New order from pasted te&xt…"),
            self.paste_new_order,
            "Ctrl+Shift+V",
            "paste-order",
            self.tr("Record an order from the customer's message on the clipboard (Ctrl+Shift+V)"),
        )
        for action in (
            self.new_action,
            self.paste_action,
            self.save_action,
            self.undo_action,
            self.find_action,
            self.mask_action,
            self.refresh_action,
            self.quit_action,
            self.shortcuts_action,
            self.customers_page_action,
            self.orders_page_action,
            self.dashboard_page_action,
            self.today_page_action,
            self.recheck_page_action,
            self.care_page_action,
            self.to_ship_action,
            self.new_order_action,
            self.paste_order_action,
        ):
            self.addAction(action)

    def _build_controllers(self) -> None:
        """Import/export, backup and the keys come from their own modules (their issues)."""
        from sellerdesk.ui.duplicates.actions import DuplicatesController
        from sellerdesk.ui.keys.actions import KeysController
        from sellerdesk.ui.privacy.actions import PrivacyController

        self.privacy = PrivacyController(self.context, self, self.selected_ids)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_table_menu)

        from sellerdesk.ui.elsewhere import LocalChanges
        from sellerdesk.ui.team.actions import TeamController

        self.keys = KeysController(self.context, self)
        self.recovery_action = self.keys.show_code_action
        self.duplicates = DuplicatesController(self.context, self)
        self.team = TeamController(self.context, self)
        self.team.live.touched.connect(self._touched_by_others)
        team_mode = getattr(self.context, "team", None) is not None
        self.elsewhere: LocalChanges | None = None
        if not team_mode:  # (a team server tells its changes itself: ui/team/live.py)
            self.elsewhere = LocalChanges(self.context, self)
            self.elsewhere.touched.connect(self._touched_by_others)
            self.elsewhere.start()
        # the local file's backups are not the team database's (team backups: the server's); the keys
        # hide themselves (KeysController.update_actions)
        try:
            from sellerdesk.ui.exchange.actions import ExchangeController
        except ImportError:  # packaged without the exchange feature
            ExchangeController = None  # noqa: N806
        try:
            from sellerdesk.ui.backup.actions import BackupController
        except ImportError:
            BackupController = None  # noqa: N806
        if ExchangeController is not None:
            self.exchange = ExchangeController(self.context, self, self.current_filter)
            self.exchange.import_action.setIcon(icon("import"))
            self.exchange.export_action.setIcon(icon("export"))
            self.empty_import.clicked.connect(lambda: self.exchange.start_import())
        else:
            self.empty_import.setVisible(False)
        if BackupController is not None:
            if team_mode:  # 立即备份: a team backup, for an owner (apply_team_role hides it from others)
                from sellerdesk.ui.backup.team_actions import TeamBackupController

                self.backup = TeamBackupController(self.context, self)
            else:
                self.backup = BackupController(self.context, self)
            self.backup.backup_action.setIcon(icon("backup"))
            self.backup.restore_action.setIcon(icon("restore"))
            self.context.backup_finished.connect(lambda _msg: None)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.new_action)
        menu.addAction(self.paste_action)
        menu.addAction(self.new_order_action)
        menu.addAction(self.paste_order_action)
        menu.addAction(self.save_action)
        menu.addSeparator()
        if self.exchange is not None:
            menu.addAction(self.exchange.import_action)
            menu.addAction(self.exchange.export_action)
            menu.addSeparator()
        if self.backup is not None:
            menu.addAction(self.backup.backup_action)
            menu.addAction(self.backup.restore_action)
            menu.addAction(self.backup.settings_action)
            menu.addSeparator()
        menu.addMenu(self.keys.menu)
        menu.addAction(self.team.settings_action)
        menu.addAction(self.team.users_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self.undo_action)
        menu.addSeparator()
        menu.addAction(self.edit_action)
        menu.addAction(self.delete_action)
        menu.addAction(self.restore_action)
        menu.addAction(self.purge_action)
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        menu.addAction(self.find_action)
        menu.addAction(self.duplicates.find_action)
        menu.addAction(self.labels_action)
        menu.addSeparator()
        menu.addAction(self.tier_settings_action)
        menu.addAction(self.remote_areas_action)
        menu.addAction(self.recheck_cycles_action)
        menu.addAction(self.templates_action)

        view = self.orders_view
        menu = self.menuBar().addMenu(self.tr("&Orders"))
        menu.addAction(self.new_order_action)
        menu.addAction(self.paste_order_action)
        menu.addSeparator()
        menu.addAction(self.to_ship_action)
        from sellerdesk.ui.shipping.actions import ShippingController

        self.shipping = ShippingController(self.context, self, view)
        for action in self.shipping.actions:
            menu.addAction(action)
        menu.addSeparator()
        for action in (view.edit_action, view.copy_action, view.copy_message_action, view.labels_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (view.ship_action, view.deliver_action, view.cancel_action, view.refund_action):
            menu.addAction(action)
        menu.addAction(view.reopen_action)
        menu.addSeparator()
        menu.addAction(view.delete_action)
        menu.addAction(view.restore_action)
        self.orders_menu = menu

        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self.today_page_action)
        menu.addAction(self.customers_page_action)
        menu.addAction(self.orders_page_action)
        menu.addAction(self.recheck_page_action)
        menu.addAction(self.care_page_action)
        menu.addAction(self.dashboard_page_action)
        menu.addSeparator()
        menu.addAction(self.trash_view_action)
        menu.addAction(self.mask_action)
        menu.addSeparator()
        menu.addAction(self.refresh_action)
        menu.addAction(self.reset_columns_action)
        language = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(self.settings.value("ui/language", "auto"))
        self.language_actions: dict[str, QAction] = {}
        for code, label in [("auto", self.tr("Automatic (system)"))] + list(LANGUAGES.items()):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            group.addAction(action)
            language.addAction(action)
            self.language_actions[code] = action

        self.menuBar().addMenu(self.privacy.menu)

        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.shortcuts_action)
        menu.addSeparator()
        menu.addAction(self.demo_action)
        menu.addAction(self.remove_demo_action)
        menu.addSeparator()
        menu.addAction(self.recovery_action)
        menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # the page's own buttons: twins of the actions (hiding an action would also take its
        # shortcut and menu entry away on the other page)
        self.customer_buttons = [
            self._twin(a) for a in (self.new_action, self.paste_action, self.new_order_action, self.delete_action)
        ]
        self.order_buttons = [
            self._twin(self.new_order_action),
            self._twin(self.paste_order_action, self.tr("Paste order")),
        ]
        for action in self.customer_buttons + self.order_buttons:
            bar.addAction(action)
        self.undo_button = self._twin(self.undo_action, self.tr("Undo"))  # what it undoes: in its tooltip
        bar.addAction(self.undo_button)
        bar.addSeparator()
        if self.exchange is not None:
            bar.addAction(self.exchange.import_action)
            bar.addAction(self.exchange.export_action)
        if self.backup is not None:
            bar.addAction(self.backup.backup_action)
        bar.addSeparator()
        bar.addAction(self.trash_view_action)
        bar.addAction(self.mask_action)
        for action in bar.actions():
            if not action.isSeparator():
                _plain_button_text(action)
        self.addToolBar(bar)
        self.toolbar = bar
        # the pages, as a rail on the left (room for the pages to come: shipping, care, dashboard)
        rail = QToolBar(self.tr("Pages"))
        rail.setObjectName("pagesRail")
        rail.setMovable(False)
        rail.setFloatable(False)
        rail.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        rail.setIconSize(QSize(26, 26))
        rail.addAction(self.today_page_action)
        rail.addAction(self.customers_page_action)
        rail.addAction(self.orders_page_action)
        rail.addAction(self.recheck_page_action)
        rail.addAction(self.care_page_action)
        rail.addAction(self.dashboard_page_action)
        for action in rail.actions():
            rail.widgetForAction(action).setMinimumWidth(56)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, rail)
        self.pages_rail = rail

    def _twin(self, action: QAction, text: str = "") -> QAction:
        """A toolbar button for ``action`` without its shortcut, that can be hidden alone
        (``text``: a shorter label than the action's)."""
        twin = QAction(action.icon(), text or action.text(), self)
        twin.setToolTip(action.toolTip())
        twin.setStatusTip(action.statusTip())
        twin.triggered.connect(lambda _checked=False: action.trigger())
        twin.setData(True)  # shown on the page in front

        def follow() -> None:
            twin.setEnabled(action.isEnabled())
            twin.setText(text or action.text())
            twin.setToolTip(action.toolTip())
            twin.setVisible(action.isVisible() and bool(twin.data()))

        action.changed.connect(follow)
        twin.changed.connect(lambda: twin.setVisible(action.isVisible() and bool(twin.data())))
        follow()
        return twin

    def _build_status_bar(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.statusBar().addWidget(self.summary, 1)
        if self.backup is not None:
            self.statusBar().addPermanentWidget(self.backup.status_widget)
        self.statusBar().addPermanentWidget(self.team.status_label)

    # --- state ------------------------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            if str(self.settings.value("window/filled_screen", "false")).lower() == "true" and self._screen_has_room():
                self._default_geometry()  # it filled a laptop's screen: on a bigger one, the usual size
        else:
            self._default_geometry()
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self._default_panes()
        columns = self.settings.value("table/header")
        # Qt restores a header by column number: a layout saved with other columns (an older
        # version) would give 最近下单's width and sort to 订单数, so it is left out then.
        same = str(self.settings.value("table/columns", "")) == ",".join(COLUMNS)
        if same and isinstance(columns, QByteArray) and not columns.isEmpty():
            self.table.horizontalHeader().restoreState(columns)
            header = self.table.horizontalHeader()
            column = header.sortIndicatorSection()
            if 0 <= column < len(COLUMNS):
                self.model.sort(column, header.sortIndicatorOrder())
            self.columns.fit_address = str(self.settings.value("table/fit_address", "true")).lower() == "true"
            self.columns.auto_columns = str(self.settings.value("table/auto_columns", "false")).lower() == "true"
        else:
            self.columns.reset(self._table_room())
        self.mask_action.setChecked(str(self.settings.value("table/mask_phones", "false")).lower() == "true")
        self.toggle_mask()
        orders_columns = self.settings.value("orders/header")
        if isinstance(orders_columns, QByteArray) and not orders_columns.isEmpty():
            header = self.orders_view.table.horizontalHeader()
            header.restoreState(orders_columns)
            self.orders_view.restore_sort()
        page = str(self.settings.value("window/page", "customers"))
        if page == "orders":
            self.show_orders()
        elif page == "dashboard":
            self.show_dashboard()

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/filled_screen", self._fills_screen())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("table/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("table/columns", ",".join(COLUMNS))
        self.settings.setValue("table/fit_address", self.columns.fit_address)
        self.settings.setValue("table/auto_columns", self.columns.auto_columns)
        self.settings.setValue("table/mask_phones", self.mask_action.isChecked())
        self.settings.setValue("orders/header", self.orders_view.table.horizontalHeader().saveState())
        page = "orders" if self.orders_page_shown() else "customers"
        self.settings.setValue("window/page", "dashboard" if self.dashboard_page_shown() else page)
        self.settings.sync()

    def reset_columns(self) -> None:
        if self.orders_page_shown():
            self.orders_view.reset_columns()
            return
        self.columns.reset()

    def _default_geometry(self) -> None:
        """A first start: 1400×860, or the whole screen when it is smaller (a 1366×768 laptop)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = DEFAULT_SIZE
        if screen is not None and (screen.width() < width or screen.height() < height):
            self.resize(min(width, screen.width()), min(height, screen.height()))
        else:
            self.resize(width, height)

    def _fills_screen(self) -> bool:
        """The window (not maximized, which Qt restores itself) as big as its screen allows, as the
        first start makes it on a 1366×768 laptop."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or self.isMaximized():
            return False
        return self.width() >= screen.width() * 0.95 and self.height() >= screen.height() * 0.9

    def _screen_has_room(self) -> bool:
        """The screen now holds the usual size and the window is smaller than it: a window that
        filled a laptop's screen opened on a bigger one (QA: 1920×1080 showed it at laptop size,
        its English labels cut off)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or self.isMaximized():
            return False
        width, height = DEFAULT_SIZE
        fits = screen.width() >= width and screen.height() >= height
        return fits and (self.width() < width or self.height() < height)

    def _default_panes(self) -> None:
        """Region tree, table, editor: the table gets what the tree and a compact editor leave."""
        editor = EDITOR_PANE[1] if self.width() >= WIDE_WINDOW else EDITOR_PANE[0]
        self.splitter.setSizes([REGION_PANE, max(400, self._page_width() - REGION_PANE - editor), editor])

    def _page_width(self) -> int:
        """The width the customer page gets in this window (the window less its side toolbar)."""
        rail = sum(
            bar.sizeHint().width()
            for bar in self.findChildren(QToolBar)
            if self.toolBarArea(bar) in (Qt.ToolBarArea.LeftToolBarArea, Qt.ToolBarArea.RightToolBarArea)
        )
        return self.width() - rail

    def _table_room(self) -> int:
        """The width of the table's rows once laid out (before the window is shown: from the panes)."""
        if self.isVisible():
            return self.table.viewport().width()
        sizes = self.splitter.sizes()
        scroll = self.table.verticalScrollBar().sizeHint().width()
        return (sizes[1] if len(sizes) > 1 and sizes[1] > 0 else self._page_width() // 2) - scroll - 4

    def open_customer(self, customer_id: int) -> None:
        """The editor's link to another customer (a pasted phone is theirs): ask about unsaved
        changes once, show them even when the search or the Trash view hides them."""
        if self.editor.dirty:
            if not dialogs.confirm(
                self, self.tr("Unsaved changes"), self.tr("Discard the changes to the customer being edited?")
            ):
                return
            self.editor.cancel()
        self.show_customers()
        if self.model.row_of(customer_id) is None:
            if self.trash_view_action.isChecked():
                self.trash_view_action.setChecked(False)
                self.toggle_trash_view()
            self.clear_filters()
        self.select_customer(customer_id)

    def open_address(self, customer_id: int, address_id: int) -> None:
        """The customer in the editor, at one of their addresses (待核对's 修改地址)."""
        self.open_customer(customer_id)
        if self.editor.customer_id == customer_id:
            self.editor.select_address(address_id)
            self.editor.detail.setFocus()

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        """A first click on 订单数, 累计消费 or 最近下单 sorts high to low (the best customers
        first); clicking again flips it as usual."""
        previous, self._sort_section = self._sort_section, section
        if section == previous or not 0 <= section < len(COLUMNS) or COLUMNS[section] not in DESCENDING_FIRST:
            return
        if order == Qt.SortOrder.AscendingOrder:
            self.table.horizontalHeader().setSortIndicator(section, Qt.SortOrder.DescendingOrder)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.editor.dirty and not dialogs.confirm(
            self, self.tr("Unsaved changes"), self.tr("The customer being edited has unsaved changes. Quit anyway?")
        ):
            event.ignore()
            return
        if self.backup is not None and not self.backup.on_close():
            event.ignore()
            return
        self.closed = True
        self.remind_timer.stop()
        self.counts_timer.stop()
        self.counter.stop()
        self.view_reader.stop()
        self.rest_reader.stop()
        self.prepare_timer.stop()
        self.order_preparer.stop()
        self.dashboard.job.stop()
        self.complete_timer.stop()
        self.team.stop()
        if self.elsewhere is not None:
            self.elsewhere.stop()
        self._finish_tier_check()
        self.save_state()
        for hook in self._hooks:  # the widgets die later (deleteLater): no handler call meanwhile
            hook.detach()
        self._hooks = []
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stack.currentWidget() is not self.table or not self.customers_page_shown():
            self._schedule_counts()  # no table to paint first (empty state, or another page in front)
        if self.backup is not None and not self.reminded:
            self.reminded = True
            self.remind_timer.start()

    def _remind_backup(self) -> None:
        """The backup reminder waits while another dialog is open (it stacked under one at
        start: QA) and asks once that one is closed."""
        if self.closed or self.backup is None:
            return
        if QApplication.activeModalWidget() is not None:
            self.remind_timer.start()
            return
        self.backup.maybe_remind()

    def _tiers_moved(self, changed: int) -> None:
        if self.closed:
            return
        log.info("start-up tier check: %d customer(s) changed tier", changed)
        self.on_orders_changed()

    def _tier_check_failed(self, message: str) -> None:
        log.warning("start-up tier check failed: %s", message)
        self.statusBar().showMessage(self.tr("The tiers could not be brought up to date: %1").replace("%1", message))

    def _finish_tier_check(self) -> None:
        """Closing: a check not started yet is called off; one running is waited for (a
        second or so at 100k customers) so the database closes after it."""
        job = self.tier_job
        if job is None:
            return
        job.cancel()
        while job.running:
            QThread.msleep(10)

    def edit_tier_settings(self) -> None:
        """Edit ▸ Tiers and points…: after OK the tiers are recomputed in a worker."""
        self._tier_settings_job = edit_tier_settings(self, self._tier_settings_saved)

    def _tier_settings_saved(self, changed: int) -> None:
        self.on_customers_changed()  # the tier names in the table and the filter list too
        self.statusBar().showMessage(self.tr("Tiers recomputed: %n customer(s) changed tier.", "", changed), 8000)

    # --- filtering ----------------------------------------------------------------------------------------------

    def _apply_team_role(self) -> None:
        """On a team server: the 我负责的 box in the filter bar, and the menus of what the user's
        role may not do hidden (store.team decides; the database enforces it anyway)."""
        from sellerdesk.store import team as team_store

        exchange = getattr(self, "exchange", None)
        forbidden = {
            team_store.EXPORT: [
                a
                for a in (
                    getattr(exchange, "export_action", None),
                    self.privacy.export_person_action,
                )
                if a is not None
            ],
            team_store.WAYBILLS: [self.shipping.export_action],
            team_store.ERASE: [self.privacy.erase_action],
        }
        backup = getattr(self, "backup", None)
        if backup is not None:
            forbidden[team_store.BACKUP] = [backup.backup_action, backup.settings_action]
            forbidden[team_store.RESTORE] = [backup.restore_action]
        self.team_role = self.team.apply_role(forbidden, self.mask_action)
        self.toggle_mask()

    def current_filter(self) -> CustomerFilter:
        tag = self.tag_filter.currentData()
        tier = self.tier_filter.currentData()
        return CustomerFilter(
            search=self.search.text().strip(),
            provinces=self.region.provinces,
            cities=self.region.cities,
            incomplete_address=self.region.incomplete,
            remote=self.region.remote,
            tags=(tag,) if tag else (),
            tiers=self._tier_values.get(tier, (tier,)) if tier else (),
            trashed=self.trash_view_action.isChecked(),
            mine=self.mine_filter.isChecked(),
        )

    def apply_filter(self, reload: bool = False) -> None:
        """Show the current search/region/tag/tier; ``reload``: the data changed, the view is
        read again (in a worker: :meth:`reload_customers`)."""
        if reload:
            self.reload_customers()
            return
        self.search_timer.stop()
        selected = self.selected_ids()
        flt = self.current_filter()
        if flt != self.model.filter:
            self._stop_rest()  # (a whole answer being read for the filter shown: no longer wanted)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            # a big search answer or region may show its first screen first (no edit at stake); the
            # rest is read in a worker once typing pauses (request_rest)
            self.model.set_filter(flt, lazy=not self.editor.dirty)
        finally:
            QApplication.restoreOverrideCursor()
        if self.model.partial:
            # the worker reads the whole answer once typing pauses; at once when the first screen
            # is short (the hits of a big answer sort far from the top: z, l), after the paint
            short = self.model.rowCount() < self.model.LAZY_ROWS
            self.complete_timer.start(0 if short else COMPLETE_DELAY_MS)
            self._pending_selection = selected  # (selected again with the whole answer)
        if selected or self.editor.customer_id is not None:
            self._select_ids(selected)  # (nothing selected before: nothing to restore or to clear)
        self._update_view()
        if self.counts_ready or self._counts_pending:
            # (before the first paint the start-up count comes later) once typing pauses: a
            # count per keystroke would compete with the next keystroke for the CPU
            self.counts_timer.start()

    def _on_region(self, selection: RegionSelection) -> None:
        self.region = selection
        if hasattr(self, "search_timer"):
            self.apply_filter()

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.tag_filter.setCurrentIndex(0)
        self.tier_filter.setCurrentIndex(0)
        self.regions.clearSelection()
        self.apply_filter()

    def focus_search(self) -> None:
        if self.orders_page_shown():
            self.orders_view.focus_search()
            return
        self.show_customers()
        self.search.setFocus()
        self.search.selectAll()

    def select_all(self) -> None:
        if self.pages.currentWidget() is self.recheck_view:
            self.recheck_view.table.selectAll()
        elif self.orders_page_shown() or self.customers_page_shown():
            if self.customers_page_shown():
                self.complete_search()  # every customer of the view, not a search's first screen
            (self.orders_view.table if self.orders_page_shown() else self.table).selectAll()

    def refresh(self) -> None:
        """F5: read the page in front again."""
        if self.orders_page_shown():
            self.orders_view.reload(data_changed=True)
        elif self.dashboard_page_shown():
            self.dashboard.reload()
        elif self.pages.currentWidget() is self.today_page:
            self.today_page.refresh()
        elif self.pages.currentWidget() is self.recheck_view:
            self.recheck_view.data_changed()
        else:
            self.on_customers_changed()

    # --- pages ----------------------------------------------------------------------------------------------------

    def orders_page_shown(self) -> bool:
        return self.pages.currentWidget() is self.orders_view

    def customers_page_shown(self) -> bool:
        return self.pages.currentWidget() is self.splitter

    def _show_page(self, page: QWidget, action: QAction) -> None:
        action.setChecked(True)
        if self.pages.currentWidget() is not page:
            self.pages.setCurrentWidget(page)
            self._page_changed()
            page.setFocus()

    def show_today(self) -> None:
        """Ctrl+0: 今日待办, what needs doing today (the start page)."""
        self._show_page(self.today_page, self.today_page_action)

    def show_recheck(self) -> None:
        """Ctrl+4: the addresses due for a re-check."""
        self._show_page(self.recheck_view, self.recheck_page_action)
        self.recheck_view.table.setFocus()

    def show_start_page(self) -> None:
        """At start: 今日待办 in front (the customer table's counts start when the window shows)."""
        self.show_today()

    def open_today_section(self, key: str) -> None:
        """A card of 今日待办 clicked: what it counts, shown."""
        self.today_page.section(key).open(self)

    def edit_recheck_cycles(self) -> None:
        from sellerdesk.ui.recheck.cycle_settings import edit_cycles

        if edit_cycles(self):
            self.recheck_view.data_changed()
            self.today_page.data_changed()
            self.statusBar().showMessage(self.tr("Re-check cycles saved."), 5000)

    def edit_message_templates(self) -> None:
        from sellerdesk.ui.messages.template_dialog import edit_templates

        if edit_templates(self):
            self.statusBar().showMessage(self.tr("Message templates saved."), 5000)

    def _page_summary(self, page: QWidget, text: str) -> None:
        if self.pages.currentWidget() is page:
            self.summary.setText(text)

    def show_customers(self) -> None:
        self.customers_page_action.setChecked(True)
        if self.pages.currentWidget() is not self.splitter:
            self.pages.setCurrentWidget(self.splitter)
            self._page_changed()
            if self.customers_stale:
                self.customers_stale = False
                self.on_customers_changed()
            self.table.setFocus()

    def show_orders(self) -> None:
        self.orders_page_action.setChecked(True)
        if not self.orders_page_shown():
            self.pages.setCurrentWidget(self.orders_view)
            self._page_changed()
            self.orders_view.table.setFocus()

    def dashboard_page_shown(self) -> bool:
        return self.pages.currentWidget() is self.dashboard

    def show_dashboard(self) -> None:
        self.dashboard_page_action.setChecked(True)
        if not self.dashboard_page_shown():
            self.pages.setCurrentWidget(self.dashboard)
            self._page_changed()

    def show_filtered(self, kind: str, value) -> None:
        """A click on the overview: the customers of a province (``"province"``, 广东省), a 大区
        (``"big"``), a tier level (``"tier"``), or one customer (``"customer"``, an id)."""
        if kind == "customer":
            self.open_customer(int(value))
            return
        self.show_customers()
        if self.trash_view_action.isChecked():
            self.trash_view_action.setChecked(False)
            self.toggle_trash_view()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.tag_filter.blockSignals(True)
        self.tag_filter.setCurrentIndex(0)
        self.tag_filter.blockSignals(False)
        self.tier_filter.blockSignals(True)
        index = self.tier_filter.findData(value) if kind == "tier" else 0
        self.tier_filter.setCurrentIndex(max(0, index))
        self.tier_filter.blockSignals(False)
        if kind in ("province", "big"):
            self.regions.select_keys([(kind, value)])  # emits: the filter is applied
            self.regions.reveal((kind, value))
            if self.regions.current_selection().empty:
                # the tree's counts are not in yet (the customer page was never shown): the same filter
                names = (value,) if kind == "province" else self._big_region_provinces(value)
                self.region = RegionSelection(provinces=names)
        else:
            self.regions.select_keys([])
        self.apply_filter()

    @staticmethod
    def _big_region_provinces(big: str) -> tuple[str, ...]:
        from sellerdesk.core import regions

        return tuple(p.name for p in regions.provinces() if regions.big_region(p.name) == big)

    def _follow_ups_changed(self, customer_id: int) -> None:
        """A follow-up was written on one page: the others that show follow-ups read them again
        (the open customer's 回访 tab, 关怀's 待回访 list when in front, 今日待办's counts)."""
        if self.editor.customer_id == customer_id:
            self.editor.followups_tab.refresh()
        if self.pages.currentWidget() is self.care_view:
            self.care_view.refresh()
        self.today_page.data_changed()

    def show_care(self, tab: str | None = None, span: str | int | None = None) -> None:
        """Ctrl+5: birthdays, holidays and the 待回访 list (ui/care); ``tab``/``span`` as
        :meth:`CareView.show_tab` (今日待办's click-throughs)."""
        self.care_page_action.setChecked(True)
        if tab is not None:
            self.care_view.show_tab(tab, span)
        if self.pages.currentWidget() is not self.care_view:
            self.pages.setCurrentWidget(self.care_view)
            self._page_changed()

    def show_to_ship(self) -> None:
        """Ctrl+3: the 待发货 list, what the seller ships today."""
        self.show_orders()
        self.orders_view.show_to_ship()

    def _page_changed(self) -> None:
        """Toolbar, menus, Undo and the status bar follow the page in front."""
        orders = self.orders_page_shown()
        customers_shown = self.customers_page_shown()
        for twins, shown in ((self.customer_buttons, customers_shown), (self.order_buttons, orders)):
            for twin in twins:
                twin.setData(shown)
        if not orders and not customers_shown:  # 今日待办, 待核对: nothing of the two tables applies
            for action in (self.edit_action, self.delete_action, self.restore_action, self.purge_action):
                action.setVisible(False)
            self.undo_action.setEnabled(False)
            page = self.pages.currentWidget()
            self.summary.setText(page.summary_text() if hasattr(page, "summary_text") else "")
            return
        if orders:
            for action in (self.edit_action, self.delete_action, self.restore_action, self.purge_action):
                action.setVisible(False)
            self.undo_action.setText(self.tr("&Undo delete orders"))
            self.undo_action.setToolTip(self.tr("Bring back the orders just deleted (Ctrl+Z)"))
            self.undo_action.setEnabled(self.orders_view.can_undo())
            self.summary.setText(self.orders_view.summary_text())
        else:
            self.edit_action.setVisible(True)
            self.undo_action.setText(self.tr("&Undo move to Trash"))
            self.undo_action.setToolTip(self.tr("Bring back the customers just moved to the Trash (Ctrl+Z)"))
            self.undo_action.setEnabled(bool(self.undo_stack))
            self._update_view()

    def _orders_summary(self, text: str) -> None:
        if self.orders_page_shown():
            self.summary.setText(text)

    def on_orders_changed(self) -> None:
        """An order, a tier or points changed: the customer table's 订单/消费 columns and tiers
        are read again (the region counts and tag lists stay: they did not change), at once
        when the table is in front, else when it is next shown."""
        if self.closed:
            return
        self.dashboard.mark_stale()
        if not self.customers_page_shown():
            self.customers_stale = True
        else:
            self.customers_stale = False
            self.reload_customers()

    def new_order(self) -> None:
        """Ctrl+Shift+N: a new order, of the customer selected in the customer table if one is."""
        customer_id = None
        if not self.orders_page_shown() and not self.trash_view_action.isChecked():
            ids = self.selected_ids()
            customer_id = ids[0] if len(ids) == 1 else None
        from sellerdesk.ui.orders.order_dialog import record_order  # (imported when first used: launch time)

        self._order_recorded(record_order(self.context, self, customer_id))

    def paste_new_order(self) -> None:
        """Ctrl+Shift+V: a new order from the message on the clipboard (the customer found or made)."""
        text = QGuiApplication.clipboard().text().strip()
        from sellerdesk.ui.orders.order_dialog import record_order

        self._order_recorded(record_order(self.context, self, None, text))

    def _order_recorded(self, order_id: int | None) -> None:
        if order_id is None:
            return
        self.statusBar().showMessage(self.tr("Order recorded."), 5000)
        if self.orders_page_shown():
            self.orders_view.select_when_shown([order_id])

    def _schedule_counts(self) -> None:
        if not self.counts_ready and not self._counts_pending:
            self._counts_pending = True
            QTimer.singleShot(0, self.refresh_counts)

    def _viewport_event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.counts_ready:
            self._schedule_counts()  # runs after this paint
        return False

    def _search_event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]  # (a QKeyEvent)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
            self.apply_filter()
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False

    # --- views ----------------------------------------------------------------------------------------------------

    def _update_view(self) -> None:
        if not self.customers_page_shown():
            return
        trash = self.trash_view_action.isChecked()
        flt = self.model.filter
        filtered = bool(
            flt.search or flt.tags or flt.tiers or flt.provinces or flt.cities or flt.incomplete_address or flt.remote
        )
        for action in (self.restore_action, self.purge_action):
            action.setVisible(trash)
        self.delete_action.setVisible(not trash)
        self.new_action.setEnabled(not trash)
        self.paste_action.setEnabled(not trash)
        if trash:
            self.view_banner.setText(
                self.tr("Trash — restore customers or delete them for good. Use View ▸ Trash to go back.")
            )
        self.view_banner.setVisible(trash)
        if self.model.rowCount() or self.model.partial:  # (a short first screen: the rest is coming)
            self.stack.setCurrentWidget(self.table)
        else:
            if trash:
                text = self.tr("The Trash is empty.")
            elif filtered:
                text = self.tr("No customer matches this search or filter.")
            else:
                text = self.tr("No customers yet — add one, paste an address, or import Excel.")
            self.empty_label.setText(text)
            for button in (self.empty_new, self.empty_paste, self.empty_demo):
                button.setVisible(not trash and not filtered)
            self.empty_import.setVisible(not trash and not filtered and self.exchange is not None)
            self.empty_clear.setVisible(filtered)
            self.stack.setCurrentWidget(self.empty)
        self._update_status()

    def _prepare_order(self) -> None:
        """Once the first counts are in (not to compete with the first paint), and whenever a new
        sort order is kept: its gather and positions are made in a worker, so that a keystroke's
        small answer is sorted by position (k log k), not filtered through a pass over every id,
        and the orders of ``table_model.READ_AHEAD`` (address, 累计消费, 订单数) are read there
        too, so that a click on their header reads nothing on the UI thread. After a second
        without another call (clicking through the sort columns: no worker beside each new
        order's read)."""
        if self.counts_ready and not self.closed and self.model.order_request() is not None:
            self.prepare_timer.start()

    def _request_prepare(self) -> None:
        request = self.model.order_request()
        if request is not None and not self.closed and not self.order_preparer.busy:
            self.order_preparer.request(request)

    def _order_prepared(self, answer) -> None:
        if not self.closed:
            self.model.adopt_order(answer)
            self._prepare_order()  # (the sort changed meanwhile: that order's turn)

    def _update_status(self) -> None:
        self._prepare_order()
        if not self.customers_page_shown():
            return  # the other pages write their own summary (_orders_summary, _page_summary)
        trash = self.trash_view_action.isChecked()
        if self._total is None or self._total[0] != trash:  # recounted only when the data or view changes
            if self.model.filter.trashed == trash:  # the model's kept sort order: no COUNT(*) here
                self._total = (trash, len(self.model.ordered_ids()))
            else:
                self._total = (trash, queries.count_customers(CustomerFilter(trashed=trash)))
        total = self._total[1]
        # (a big search's first screen: its count comes when typing pauses)
        shown = self.tr("counting…") if self.model.partial else f"{self.model.rowCount():,}"
        selected = len(self.selected_rows())
        where = self.tr("In the Trash: %1") if self.trash_view_action.isChecked() else self.tr("Customers: %1")
        self.summary.setText(
            "    ".join(
                [
                    where.replace("%1", f"{total:,}"),
                    self.tr("Shown: %1").replace("%1", shown),
                    self.tr("Selected: %1").replace("%1", f"{selected:,}"),
                ]
            )
        )

    def table_menu(self) -> QMenu:
        """The customer table's context menu (right click): what applies to the selection."""
        menu = QMenu(self)
        trash = self.trash_view_action.isChecked()
        if not trash:
            menu.addAction(self.edit_action)
            menu.addAction(self.new_order_action)
            menu.addAction(self.labels_action)
            menu.addAction(self.delete_action)
        else:
            menu.addAction(self.restore_action)
            menu.addAction(self.purge_action)
        menu.addSeparator()
        menu.addAction(self.privacy.export_person_action)
        menu.addAction(self.privacy.erase_action)
        return menu

    def print_customer_labels(self) -> None:
        from sellerdesk.ui.shipping.labels_dialog import CUSTOMERS, show_labels_dialog

        show_labels_dialog(
            self,
            CUSTOMERS,
            self.selected_ids(),
            mask=self.context.mask_phones,
            open_senders=self.open_sender_settings,
            mask_locked=self.context.mask_forced,
        )

    def open_sender_settings(self) -> None:
        """发货设置 (senders, preferred couriers): where a labels dialog without a sender sends the seller."""
        self.shipping.open_settings()

    def _show_table_menu(self, pos) -> None:
        if not self.selected_ids():
            return
        menu = self.table_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def toggle_trash_view(self) -> None:
        self.show_customers()
        self.editor.clear()
        self.apply_filter()

    def toggle_mask(self) -> None:
        on = self.mask_action.isChecked()
        self.context.mask_phones = on
        self.model.set_mask_phones(on)
        self.orders_view.set_mask_phones(on)
        self.recheck_view.set_mask_phones(on)
        self.care_view.set_mask_phones(on)
        self.editor.set_masking(on)

    def _touched_by_others(self, ids) -> None:
        """Someone else changed customers (a team member, another program): the customer in the editor is shown anew
        unless it holds unsaved edits (a save of those meets the conflict question)."""
        shown = self.editor.customer_id
        if shown is None or self.editor.dirty or (ids is not None and shown not in ids):
            return
        self.editor.load(shown)

    def on_customers_changed(self) -> None:
        """Something changed the data (edit, trash, restore, import, merge…): recount and reload
        (both in a worker), keeping the selection."""
        if self.closed:
            return
        self._total = None
        self.dashboard.mark_stale()
        self.refresh_counts()
        self.reload_customers()

    def reload_customers(self, select: Sequence[int] = ()) -> None:
        """The data changed: the table's id list is read again in a worker
        (:func:`~sellerdesk.ui.customers.table_model.read_view`; 0.5-1 s at 300k, never on the UI
        thread). Meanwhile the table keeps its rows and reads the ones on screen again (a saved
        customer's row shows its new data); :meth:`_view_arrived` swaps the new list in and
        selects ``select`` too (a new or restored customer)."""
        self.search_timer.stop()
        self._stop_rest()  # (read from the data before the change: the new view comes whole)
        self._select_after_view.extend(select)
        self.model.data_changed()
        # (the worker finds the rows the swap will look for: no pass over the ids here)
        locate = [*self.selected_ids()[:2000], *self._select_after_view, *self._anchor_ids()]
        self.view_reader.request(self.model.view_request(self.current_filter(), locate))
        self._update_view()
        if self.counts_ready or self._counts_pending:
            self.counts_timer.start()  # the matching customers' counts, once typing pauses

    def _view_arrived(self, answer: ViewAnswer) -> None:
        """The id list read after a change of the data: swapped in, with the same customers
        selected (and ``_select_after_view``), the current one kept in sight or else the same
        customer at the top; the editor is left alone unless the selection changed (a selected
        customer left the view)."""
        if self.closed:
            return
        wanted, self._select_after_view = self._select_after_view, []
        before = self.selected_ids()
        dirty = self.editor.dirty
        keep = before + [cid for cid in wanted if cid not in before and (not dirty or cid == self.editor.customer_id)]
        current, current_seen, top = self._anchors()
        self._total = None  # (the count of the view's Trash state comes with the new order)
        self.model.adopt(answer, self.current_filter())
        if keep:
            self._select_ids(keep, follow=False)
        if set(self.selected_ids()) != set(before):
            self._on_table_selection()  # (a selected customer left the view: the editor follows)
        self._scroll_to_anchor(current if current_seen else top, current_seen)
        self._update_view()

    def _scroll_to_anchor(self, anchor: int | None, current_seen: bool, from_row: int = 0) -> None:
        """Keep the current customer in view (it was seen), else put the former top row's customer
        at the top again; rows before ``from_row`` are where the view already is."""
        row = self.model.row_of(anchor) if anchor is not None else None
        if row is not None and row >= from_row:
            hint = (
                QAbstractItemView.ScrollHint.EnsureVisible
                if current_seen
                else QAbstractItemView.ScrollHint.PositionAtTop
            )
            self.table.scrollTo(self.model.index(row, 0), hint)

    def _anchors(self) -> tuple[int | None, bool, int | None]:
        """What keeps the table's place across a new id list: the current customer, whether
        their row is on screen, and the customer in the top row."""
        index = self.table.currentIndex()
        current = self.model.id_at(index.row())
        seen = current is not None and self.table.visualRect(index).intersects(self.table.viewport().rect())
        return current, seen, self.model.id_at(self.table.rowAt(0))

    def _anchor_ids(self) -> list[int]:
        current, _seen, top = self._anchors()
        return [cid for cid in (current, top) if cid is not None]

    def _view_failed(self, message: str) -> None:
        """The id list could not be read: the table keeps the rows it shows (the next change reads again)."""
        self._select_after_view = []
        log.warning("customer list failed: %s", message)

    def refresh_counts(self) -> None:
        """The data changed (or the window just showed): region counts and the tag/tier lists
        are read again, in a worker; :meth:`_counts_arrived` shows them."""
        self._totals_stale = True
        self._counts_pending = True
        self.counts_timer.stop()
        self._request_counts()

    def _counts_paused(self) -> None:
        """Typing paused: the matching customers' counts, unless a first screen's whole answer is
        being read (or about to be): then after it (two workers at once, each with its sets and its
        connection's page cache, cost the window ~50 MB of peak memory at 300k customers, and the
        UI thread the CPU of a 2-core machine)."""
        if self.rest_reader.busy or self.complete_timer.isActive():
            self._counts_after_rest = True
            return
        self._request_counts()

    def _rest_done(self) -> None:
        """A whole answer was swapped in (or read here): counts held back for it are asked for now."""
        if self._counts_after_rest:
            self._counts_after_rest = False
            self._request_counts()

    def _request_counts(self) -> None:
        """Ask for the counts the tree lacks: the whole view's when the data or the Trash view
        changed, the matching customers' when the search, tag or tier filter changed."""
        self._counts_after_rest = False
        flt = queries.counts_filter(self.current_filter())
        totals = self._totals_stale or self._totals is None or self._totals[0] != flt.trashed
        if not totals and flt == self._counts_asked:
            return
        self._counts_asked = flt
        self.counter.request((flt, totals))

    FREEZE_GC = False
    """Set by the app (``app.py``), never in tests: see :meth:`_freeze_start`."""

    def _freeze_start(self) -> None:
        """Once, when the window is complete (rows painted, first counts in): every object made so
        far (Qt wrappers, modules, the sort order of 300k ids) goes to the garbage collector's
        permanent generation (``gc.freeze``), so its full collections stop walking them. At 300k
        customers a full collection cost 100-170 ms on a busy machine and landed on whichever
        keystroke allocated past its threshold (issue 21: one in ~40 keystrokes, the p95). Objects
        freed later by their reference count still are; only a cycle among these start-up objects
        that becomes garbage is never collected (they live as long as the window). Not in tests:
        a frozen test process would keep every later test's cycles (``FREEZE_GC``)."""
        if self.gc_frozen or not self.FREEZE_GC:
            return
        self.gc_frozen = True
        gc.freeze()

    def _counts_failed(self, message: str) -> None:
        if self.closed:
            return
        self._counts_pending = False
        self._counts_asked = None  # asked again with the next change
        log.warning("region counts failed: %s", message)

    def _counts_arrived(self, counts: queries.ViewCounts) -> None:
        """A count from the worker (the newest asked for): the tree, and the tag/tier lists."""
        if self.closed:
            return  # (arrived after the window closed: its store may be closed too)
        if counts.totals is not None and counts.incomplete is not None:
            self._totals = (counts.flt.trashed, counts.totals, counts.incomplete, counts.remote)
            self._totals_stale = False
            if counts.tags is not None and counts.tiers is not None:
                self._fill_tag_tier(counts.tags, counts.tiers)
        if self._totals is None:
            return
        _trashed, totals, incomplete, remote = self._totals
        self.regions.apply_counts(
            totals, incomplete, False, counts.shown, counts.shown_incomplete, remote, counts.shown_remote
        )
        self.counts_ready = True
        self._freeze_start()
        self._prepare_order()
        self._counts_pending = False
        region = self.regions.current_selection()
        if region != self.region:  # a selected place disappeared (its last customer left)
            self.region = region
            self.apply_filter()
        if self.tier_job is None and self.isVisible():
            # Once, when the first screen is complete (rows painted, then these counts): the
            # tiers of today's 12-month window, in a worker, so it does not compete with them.
            self.tier_job = check_rolling_window(self._tiers_moved, self._tier_check_failed)

    # --- selection ----------------------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        return self.model.ids_for_rows(self.selected_rows())

    def complete_search(self) -> None:
        """A big search's first screen makes way for its whole answer at once, read here: every row
        is needed now (select all). What was selected on it meanwhile stays selected."""
        self._stop_rest()
        if not self.model.partial:
            return
        kept = self.selected_ids() or self._pending_selection
        self._pending_selection = []
        self.model.complete_now()
        if kept:
            self._select_ids(kept)
        self._update_status()
        self._rest_done()

    def _stop_rest(self) -> None:
        """A whole answer waited for or being read is not wanted any more (a keystroke, a click,
        a change of the data): the pause starts again, a running read stops at its next step."""
        self.complete_timer.stop()
        self.rest_reader.cancel()

    def request_rest(self) -> None:
        """Typing paused on a first screen (``model.partial``): its whole answer is read in a worker
        (:func:`~sellerdesk.ui.customers.table_model.read_rest`), never on the UI thread, which only
        ever read the bounded first screen; :meth:`_rest_arrived` swaps it in."""
        self.complete_timer.stop()
        locate = [*self.selected_ids()[:2000], *self._pending_selection[:2000], *self._anchor_ids()]
        request = self.model.rest_request(locate)
        if request is not None:
            self.rest_reader.request(request)

    def _rest_arrived(self, answer: RestAnswer) -> None:
        """The whole answer of the first screen shown: swapped in (unless something changed since it
        was asked: then dropped), with what was selected on the first screen or before it selected
        again, and the current customer kept in sight (else the top row's customer at the top)."""
        if self.closed:
            return
        kept = self.selected_ids() or self._pending_selection
        current, current_seen, top = self._anchors()
        if not self.model.adopt_rest(answer):
            return
        self._rest_done()
        self._pending_selection = []
        if kept:
            self._select_ids(kept)
        self._scroll_to_anchor(current if current_seen else top, current_seen, from_row=1)
        self._update_view()

    def _rest_failed(self, message: str) -> None:
        """The worker could not read the whole answer: read here, so the view is never left short."""
        if self.closed:
            return
        log.warning("customer list (whole answer) failed: %s", message)
        self.complete_search()

    def _select_ids(self, ids: list[int], follow: bool = True) -> None:
        """Select the rows of ``ids``; ``follow``: the editor follows the new selection."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        first = None
        partial = self.model.partial
        for cid in ids[:2000]:
            # (a search's first screen is not read whole for a row below it: complete_search selects it)
            row = self.model.row_of(cid, complete=not partial)
            if row is None:
                continue
            first = row if first is None else first
            selection.select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        if first is not None:
            selection.setCurrentIndex(self.model.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(False)
        if not follow or (partial and first is None and ids):
            self._update_status()
            return  # the editor keeps its customer until the whole answer selects them
        self._on_table_selection()

    def select_customer(self, customer_id: int) -> None:
        self._select_ids([customer_id])
        row = self.model.row_of(customer_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))

    def _on_table_selection(self, *_args) -> None:
        ids = self.selected_ids()
        self._update_status()
        if self.editor.dirty and self.editor.customer_id not in ids[:1]:
            if self.editor.customer_id is None and not ids:
                return  # a new customer being typed: keep it
            if not dialogs.confirm(
                self, self.tr("Unsaved changes"), self.tr("Discard the changes to the customer being edited?")
            ):
                return
        if len(ids) == 1:
            if ids[0] != self.editor.customer_id or not self.editor.dirty:
                self.editor.load(ids[0])
        else:
            self.editor.clear()

    # --- commands -------------------------------------------------------------------------------------------------

    def new_customer(self) -> None:
        self.show_customers()
        if self.trash_view_action.isChecked():
            self.trash_view_action.setChecked(False)
            self.toggle_trash_view()
        self.table.clearSelection()
        self.editor.new_customer()

    def paste_new_customer(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        if not text:
            self.statusBar().showMessage(self.tr("The clipboard is empty: copy an address from WeChat first."), 5000)
            return
        self.show_customers()
        self.table.clearSelection()
        self.editor.new_customer(paste_text=text)

    def edit_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.editor.load(ids[0])
            self.editor.name.setFocus()
            self.editor.name.selectAll()

    def save(self) -> None:
        self.editor.save()

    def cancel_edit(self) -> None:
        self.editor.cancel()

    def _on_saved(self, customer_id: int) -> None:
        """A customer saved: their row shows the new data at once (a new customer on top of an
        unfiltered view); the id list and the counts are read in workers."""
        # an edit or a verified stamp confirms addresses: 今日待办 and 待核对 count again
        self.today_page.data_changed()
        self.recheck_view.data_changed()
        self._total = None
        self.refresh_counts()  # in a worker
        if _shows_everyone(self.model.filter):
            self.model.show_first([customer_id])  # (new: on top until the new list places them)
        self.reload_customers(select=[customer_id])
        self.select_customer(customer_id)
        self._update_view()

    def _write(self, fn: Callable[..., T], *args) -> T | None:
        """One store write; when the store refuses (a full disk, a read-only folder, another
        program holding the database too long…) its one translated line, and None."""
        try:
            return fn(*args)
        except StoreError as exc:
            log.warning("%s failed: %s", fn.__name__, type(exc).__name__)
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return None

    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.trash_view_action.isChecked():
            return
        moved = self._write(customers.trash_customers, ids)
        if moved:
            self.undo_stack.append(moved)
            self.undo_action.setEnabled(True)
            next_row = min(self.selected_rows()[0], self.model.rowCount() - len(moved) - 1)
            self.editor.clear()
            self.model.drop_ids(moved)  # (at once: the new list follows from a worker)
            self.context.customers_changed.emit()
            if next_row >= 0:
                self.table.selectRow(next_row)
            self.statusBar().showMessage(
                self.tr("Moved %n customer(s) to the Trash. Ctrl+Z brings them back.", "", len(moved)), 8000
            )

    def undo(self) -> None:
        if self.orders_page_shown():
            self.orders_view.undo()
            return
        if not self.undo_stack:
            return
        restored = self._write(customers.restore_customers, self.undo_stack[-1])
        if restored is None:
            return  # still on the stack: Ctrl+Z again once the cause is fixed
        self.undo_stack.pop()
        self.undo_action.setEnabled(bool(self.undo_stack))
        if _shows_everyone(self.model.filter):
            self.model.show_first(restored)  # (on top until the new list places them)
        self._select_after_view.extend(restored)
        self.context.customers_changed.emit()
        self._select_ids(restored)
        self.statusBar().showMessage(self.tr("Brought back %n customer(s).", "", len(restored)), 5000)

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.trash_view_action.isChecked():
            restored = self._write(customers.restore_customers, ids)
            if restored is None:
                return
            self.model.drop_ids(restored)  # (they left the Trash)
            self.context.customers_changed.emit()
            self.statusBar().showMessage(self.tr("Restored %n customer(s).", "", len(restored)), 5000)

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.trash_view_action.isChecked():
            return
        if not dialogs.confirm(
            self,
            self.tr("Delete for good"),
            self.tr(
                "Delete %n customer(s) for good? Their addresses and orders go too. Only a backup can bring them back.",
                "",
                len(ids),
            ),
        ):
            return
        purged = self._write(customers.purge_customers, ids)
        if purged is None:
            return
        self.editor.clear()
        self.model.drop_ids(ids)
        self.context.customers_changed.emit()
        self.statusBar().showMessage(self.tr("Deleted %n customer(s) for good.", "", purged), 5000)

    def add_demo(self) -> None:
        from sellerdesk.jobs.worker import Job
        from sellerdesk.ui.widgets.progress import run_job

        def generate(progress, token) -> int:
            return demo.generate(DEMO_SIZE, progress=progress, token=token)

        job = Job(with_error_text(generate), "demo")
        job.succeeded.connect(lambda _n: self.context.customers_changed.emit())
        job.failed.connect(lambda message: dialogs.error(self, self.tr("Demo customers"), message))
        self._demo_job = job
        run_job(job, self.tr("Adding demo customers…"), self)

    def remove_demo(self) -> None:
        count = demo.count_demo()
        if not count:
            dialogs.information(self, self.tr("Demo customers"), self.tr("There are no demo customers."))
            return
        if dialogs.confirm(
            self,
            self.tr("Remove demo customers"),
            self.tr("Remove the %n demo customer(s)? Your own customers stay.", "", count),
        ):
            if self._write(demo.remove_demo) is None:
                return
            self.editor.clear()
            self.context.customers_changed.emit()

    def set_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        self.settings.sync()
        dialogs.information(
            self, self.tr("Language"), self.tr("The new language is used from the next start of SellerDesk.")
        )

    # --- drag and drop ----------------------------------------------------------------------------------------------

    def _dropped_file(self, event) -> str | None:
        if self.exchange is None or not event.mimeData().hasUrls():
            return None
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path and self.exchange.accepts(path):
                return path
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path:
            event.acceptProposedAction()
            self.exchange.start_import(path)

    # --- help -----------------------------------------------------------------------------------------------------

    def show_recovery_code(self) -> None:
        self.keys.show_recovery_code()

    def show_about(self) -> None:
        dialogs.launch(AboutDialog(self.context, self))

    def show_shortcuts(self) -> None:
        dialogs.launch(ShortcutsDialog(self))


class AboutDialog(QDialog):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SellerDesk"))
        layout = QVBoxLayout(self)
        source = regions.data_source()
        subtitle = self.tr("Customer Address Manager")
        title = QLabel(f"<h2>{APP_NAME} {__version__}</h2><p>{subtitle}</p>")
        layout.addWidget(title)
        region_text = (
            self.tr(
                "Division codes of the National Bureau of Statistics (as of %1), from the open-source package "
                "%2 %3, with SellerDesk's additions (Hong Kong, Macao, Taiwan and recent changes)"
            )
            .replace("%1", source.get("date", ""))
            .replace("%2", source.get("package", ""))
            .replace("%3", source.get("version", ""))
        )
        rows = [
            (self.tr("Data folder"), html.escape(str(context.datadir.home))),
            (self.tr("License"), "GPL-3.0-or-later"),
            (self.tr("Region data"), region_text),
            (
                self.tr("Region data license"),
                self.tr("%1 (both allow passing the data on)").replace("%1", source.get("licenses", "")),
            ),
        ]
        text = "".join(f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        info = QLabel(f"<table>{text}</table>")
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.setWordWrap(True)
        layout.addWidget(info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.info = info


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            ("Ctrl+0", self.tr("Today: what needs doing")),
            ("Ctrl+1 / Ctrl+2", self.tr("Show the customers / the orders")),
            ("Ctrl+3", self.tr("Orders to ship")),
            ("Ctrl+4", self.tr("Addresses to re-check")),
            ("Ctrl+5", self.tr("Birthdays, holidays and follow-ups")),
            ("Ctrl+6", self.tr("Overview: where customers are, who buys")),
            ("Ctrl+N", self.tr("New customer")),
            ("Ctrl+Shift+N", self.tr("New order (of the selected customer)")),
            ("Ctrl+Shift+V", self.tr("New order from the message on the clipboard")),
            ("Enter", self.tr("Edit the selected customer")),
            ("Ctrl+S", self.tr("Save")),
            ("Esc", self.tr("Cancel editing")),
            ("Ctrl+F", self.tr("Search")),
            ("Ctrl+Shift+D", self.tr("Find duplicate customers")),
            ("Delete", self.tr("Move to Trash")),
            ("Ctrl+Z", self.tr("Undo move to Trash")),
            ("Ctrl+Z", self.tr("On the orders page: undo delete orders")),
            ("Ctrl+V", self.tr("In the table: new customer from the address on the clipboard")),
            ("Ctrl+M", self.tr("Mask phone numbers")),
            ("Ctrl+I / Ctrl+E", self.tr("Import / export Excel")),
            ("Ctrl+B", self.tr("Back up now")),
            ("F5", self.tr("Refresh")),
        ]
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if "/" not in keys else keys
            table.setItem(row, 0, QTableWidgetItem(shown or keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.setColumnWidth(0, table.columnWidth(0) + 16)
        table.horizontalHeader().setStretchLastSection(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # every row shown: the table asks for its whole height (a scroll area's own size hint
        # stops at 24 lines), unless the screen is smaller than that
        frame = 2 * table.frameWidth()
        needed = table.horizontalHeader().sizeHint().height() + table.verticalHeader().length() + frame
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 120 if screen is not None else needed
        table.setMinimumHeight(min(needed, room))
        table.setMinimumWidth(table.horizontalHeader().length() + frame + table.verticalScrollBar().sizeHint().width())
        self.needed_height = needed
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)


__all__ = ["AboutDialog", "MainWindow", "ShortcutsDialog"]


def _shows_everyone(flt: CustomerFilter) -> bool:
    """Whether the view of ``flt`` is every live customer (a new one belongs in it)."""
    return not (
        flt.search
        or flt.provinces
        or flt.cities
        or flt.tags
        or flt.tiers
        or flt.flags
        or flt.incomplete_address
        or flt.remote
        or flt.trashed
        or flt.mine
        or flt.ids is not None
    )


def _count_view(request: tuple[CustomerFilter, bool]) -> queries.ViewCounts:
    """The region counts job (in a worker): ``request`` is (the filter, whether the whole
    view's counts and the tag/tier lists are wanted too)."""
    flt, totals = request
    if totals:
        return queries.view_counts(flt, totals)
    # (the matching customers' counts alone: a one-off pass, whose 32 MiB of pages beside the UI
    # thread's raised the window's peak memory; read through a small page cache, as read_rest is)
    with queries.small_page_cache():
        return queries.view_counts(flt, totals)
