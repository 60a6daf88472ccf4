"""The orders view's model: 300,000 orders without loading them.

As the customer table does: the ids of the view in display order are integers only (the
store's index-only :func:`store.orders.ordered_order_ids`, kept per sort until the data
changes, filtered by :func:`store.orders.allowed_order_ids`), and rows are read a page
at a time (:func:`store.orders.rows_for_ids`) when the view paints them, kept in a small
LRU cache. Computing the ids of a view (tens of ms at 300k) is :func:`compute_view`, which
the view runs through the job runner; the model only shows the list it is given
(:meth:`OrderTableModel.show`). Sorting by a header asks the view for a new list.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from sellerdesk.core.address import format_one_line
from sellerdesk.core.fields import region_text
from sellerdesk.core.money import format_yuan
from sellerdesk.core.orders import OrderError, parse_items
from sellerdesk.core.remote import Place
from sellerdesk.store import orders as store_orders
from sellerdesk.store import remote_areas
from sellerdesk.store.orders import OrderFilter, OrderRow
from sellerdesk.store.queries import apply_allowed
from sellerdesk.ui.orders.texts import STATUS_COLOURS, shown_phone, status_name
from sellerdesk.ui.widgets.icons import icon
from sellerdesk.ui.widgets.paged_ids import PagedIds

COLUMNS: tuple[str, ...] = (
    "order_no",
    "date",
    "customer",
    "items",
    "amount",
    "status",
    "courier",
    "tracking",
    "region",
)
# The store's sort key of each sortable column (ordered_order_ids); the others do not sort.
SORT_FOR_COLUMN: Mapping[str, str] = {
    "order_no": "id",
    "date": "date",
    "customer": "customer",
    "amount": "amount",
    "status": "status",
    "courier": "courier",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SERVED_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        ID_ROLE,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class ViewRequest:
    """What the view shows: a filter and a sort."""

    flt: OrderFilter = OrderFilter()
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class ViewResult:
    """A view's ids in display order, and (when asked) the counts of its status tabs."""

    request: ViewRequest
    ids: list[int]
    status_counts: Mapping[str, int] | None = None
    deleted_count: int | None = None


def counts_filter(flt: OrderFilter) -> OrderFilter:
    """The part of a filter the tab counts depend on (not the status, not the deleted state)."""
    return replace(flt, statuses=(), deleted=False)


def compute_view(
    request: ViewRequest, sort_orders: MutableMapping[tuple[str, bool], list[int]], with_counts: bool
) -> ViewResult:
    """The ids of ``request`` (and the tab counts): plain store reads, run off the UI thread.

    ``sort_orders`` keeps each (sort, deleted) order ascending until the data changes; a
    filter change then costs only its index lookups.
    """
    flt = request.flt
    key = (request.sort, flt.deleted)
    order = sort_orders.get(key)
    if order is None:
        order = store_orders.ordered_order_ids(request.sort, False, flt.deleted)
        sort_orders[key] = order
    ids = apply_allowed(order, store_orders.allowed_order_ids(flt))
    if request.descending:
        ids.reverse()
    counts = deleted = None
    if with_counts:
        tabs = compute_counts(flt)
        counts, deleted = tabs.status_counts, tabs.deleted_count
    return ViewResult(request, ids, counts, deleted)


@dataclass(frozen=True)
class TabCounts:
    """The status tabs' numbers for the filters other than the status, and the couriers used."""

    flt: OrderFilter  # counts_filter of the view's filter
    status_counts: Mapping[str, int]
    deleted_count: int
    couriers: list[str]


def compute_counts(flt: OrderFilter) -> TabCounts:
    """The tab counts of ``flt`` (its status and deleted state aside): store reads, off the UI thread."""
    base = counts_filter(flt)
    return TabCounts(
        base,
        store_orders.status_counts(base),
        store_orders.count_orders(replace(base, deleted=True)),
        store_orders.couriers(),
    )


def local_date(value: _dt.date | None) -> str:
    return value.isoformat() if value else ""


def items_text(text: str) -> str:
    """The items as the table shows them: products and quantities (``面膜 ×2、护手霜``), no prices."""
    try:
        lines = parse_items(text)
    except OrderError:
        return text
    return "、".join(f"{line.product} ×{line.quantity}" if line.quantity != 1 else line.product for line in lines)


class OrderTableModel(PagedIds, QAbstractTableModel):
    """Lazy table of orders; :meth:`show` a list of ids from :func:`compute_view`."""

    reloaded = Signal()
    sort_requested = Signal(str, bool)  # a header was clicked: (store sort key, descending)
    sort_refused = Signal()  # … on a column that does not sort

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._init_pages()
        self._items: dict[int, str] = {}
        self.request = ViewRequest()
        self._mask_phones = False
        self._remote_places: tuple[Place, ...] | None = None  # 偏远地区, read again with each shown list

    # --- what is shown ----------------------------------------------------------------------------------------

    def show(self, request: ViewRequest, ids: list[int]) -> None:
        """Show ``ids`` (the display order of ``request``), forgetting every cached row."""
        self.beginResetModel()
        self.request = request
        self._ids = ids
        self._row_of = None
        self._pages.clear()
        self._items.clear()
        self._remote_places = None
        self.endResetModel()
        self.reloaded.emit()

    def refresh_rows(self) -> None:
        """The rows changed but not the list (a status change): read them again when painted."""
        self._pages.clear()
        self._items.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: A003
        """A header click: the view computes the new order (the store sorts, off the UI thread)."""
        key = COLUMNS[column] if 0 <= column < len(COLUMNS) else ""
        if key in SORT_FOR_COLUMN:
            self.sort_requested.emit(SORT_FOR_COLUMN[key], order == Qt.SortOrder.DescendingOrder)
        else:
            self.sort_refused.emit()

    def column_of_sort(self, sort: str) -> int:
        for key, value in SORT_FOR_COLUMN.items():
            if value == sort:
                return COLUMNS.index(key)
        return -1

    @property
    def mask_phones(self) -> bool:
        return self._mask_phones

    def set_mask_phones(self, on: bool) -> None:
        if on != self._mask_phones:
            self._mask_phones = on
            if self._ids:
                col = COLUMNS.index("region")
                self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    # --- ids and rows -----------------------------------------------------------------------------------------

    def order_row(self, row: int) -> OrderRow | None:
        """The row's data, reading its page from the store on first use."""
        row_data: OrderRow | None = self._paged_row(row, store_orders.rows_for_ids)
        return row_data

    # --- Qt model API -----------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def header_text(self, key: str) -> str:
        return {
            "order_no": self.tr("Order no."),
            "date": self.tr("Order date"),
            "customer": self.tr("Customer"),
            "items": self.tr("Items"),
            "amount": self.tr("Amount"),
            "status": self.tr("Status"),
            "courier": self.tr("Courier"),
            "tracking": self.tr("Tracking no."),
            "region": self.tr("Ship to"),
        }[key]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(key)
        if role == Qt.ItemDataRole.ToolTipRole and key not in SORT_FOR_COLUMN:
            return self.tr("This column does not sort")
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "amount":
            return _RIGHT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key == "amount" else None
        if role == Qt.ItemDataRole.DecorationRole and key != "region":
            return None
        row = self.order_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("remote") if self.is_remote(row) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return QBrush(QColor(STATUS_COLOURS.get(row.status, "#000000")))
            if key == "amount" and not row.counts:
                return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            if key in ("date", "region"):
                return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, key)
        return self.display_text(row, key)

    def display_text(self, row: OrderRow, key: str) -> str:
        if key == "order_no":
            return row.order_no
        if key == "date":
            return local_date(row.order_date)
        if key == "customer":
            return row.customer_name
        if key == "items":
            text = self._items.get(row.id)
            if text is None:
                text = self._items[row.id] = items_text(row.items)
            return text
        if key == "amount":
            return format_yuan(row.amount_fen)
        if key == "status":
            return status_name(row.status)
        if key == "courier":
            return row.courier
        if key == "tracking":
            return row.tracking_no
        if key == "region":
            ship = row.ship_to or {}
            return region_text(*(str(ship.get(k) or "") for k in ("province", "city", "district")))
        return ""

    def ship_to_text(self, row: OrderRow) -> str:
        """The whole ship-to in one line, the phone masked when the mask is on."""
        ship = dict(row.ship_to or {})
        if not ship:
            return ""
        ship["phone"] = shown_phone(str(ship.get("phone") or ""), self._mask_phones)
        return format_one_line(ship)

    def is_remote(self, row: OrderRow) -> bool:
        """Whether the order ships to the seller's 偏远地区 (``core.remote``)."""
        if self._remote_places is None:
            self._remote_places = remote_areas.places()
        return remote_areas.is_remote_address(row.ship_to, self._remote_places)

    def tooltip(self, row: OrderRow, key: str) -> str | None:
        if key == "region":
            text = self.ship_to_text(row) or self.tr("No ship-to address")
            return self.tr("Remote area (偏远地区)") + "\n" + text if self.is_remote(row) else text
        if key == "items":
            return row.items or None
        if key == "status" and row.shipped_on is not None:
            return self.tr("Shipped on %1").replace("%1", local_date(row.shipped_on))
        if key == "amount" and not row.counts:
            return self.tr("Cancelled and refunded orders do not count toward spend")
        if key == "order_no" and not row.order_no:
            return self.tr("No order number (order #%1 in SellerDesk)").replace("%1", str(row.id))
        return None


__all__ = [
    "COLUMNS",
    "ID_ROLE",
    "SORT_FOR_COLUMN",
    "OrderTableModel",
    "ViewRequest",
    "TabCounts",
    "ViewResult",
    "compute_counts",
    "compute_view",
    "counts_filter",
    "items_text",
]
