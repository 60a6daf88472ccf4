"""The customer pane's 订单 tab: what this customer bought (客户画像) and their orders.

The summary is :func:`store.orders.customer_summary` (a few indexed aggregates); the list is
the customer's orders, newest first. Recording and editing an order are the order dialog's
(``sellerdesk.ui.orders.order_dialog``: ``record_order`` / ``edit_order``), imported when a
button is pressed so this pane does not depend on it being loaded. The tab reads the store
only while it is showing: moving through the table with another tab open costs nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import orders as core_orders
from sellerdesk.core.money import format_yuan
from sellerdesk.store import orders as store_orders
from sellerdesk.store.errors import NotFoundError, StoreError
from sellerdesk.ui.widgets.event_hook import EventHook
from sellerdesk.ui.widgets.icons import icon

log = logging.getLogger(__name__)

ORDER_DIALOG = "sellerdesk.ui.orders.order_dialog"
MAX_SHOWN = 500  # a customer's newest orders listed here; the orders view has every one
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def order_dialog() -> ModuleType:
    """The order dialog's module, imported on first use (it is another feature's)."""
    return importlib.import_module(ORDER_DIALOG)


class CustomerOrdersTab(QWidget):
    """Emits ``orders_changed(customer_id)`` after the order dialog recorded or changed an order,
    ``failed(text)`` when something could not be read or opened."""

    orders_changed = Signal(int)
    failed = Signal(str)

    def __init__(self, context: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerOrders")
        self.context = context
        self.customer_id: int | None = None
        self.in_trash = False
        self.summary: store_orders.CustomerSummary | None = None
        self._stale = True
        self._build()
        self.show_customer(None)

    # --- layout -----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Customer profile"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading, 1)
        self.new_button = QPushButton(icon("order-new"), self.tr("New order"))
        self.new_button.setObjectName("newOrder")
        self.new_button.setToolTip(self.tr("Record an order of this customer"))
        self.new_button.clicked.connect(self.new_order)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        self.values: dict[str, QLabel] = {}
        # one caption and value a row: in two columns of pairs, half the editor's width cut
        # "4 单，共 ¥779.80" and ¥12,345.60 at 1366 px
        rows = (
            ("count", self.tr("Orders")),
            ("total", self.tr("Total spent")),
            ("average", self.tr("Average order")),
            ("often", self.tr("How often")),
            ("window", self.tr("Last 12 months")),
            ("first", self.tr("First order")),
            ("last", self.tr("Last contact")),
            ("statuses", self.tr("Statuses")),
            ("products", self.tr("Buys most")),
        )
        for row, (key, text) in enumerate(rows):
            grid.addWidget(self._caption(text), row, 0, Qt.AlignmentFlag.AlignTop)
            label = self._value(key)
            label.setWordWrap(key in ("statuses", "products"))
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        self.note = QLabel()
        self.note.setObjectName("ordersNote")
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.note)

        self.list = QTreeWidget()
        self.list.setObjectName("customerOrderList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [self.tr("Date"), self.tr("Order no."), self.tr("Items"), self.tr("Amount"), self.tr("Status")]
        )
        self.list.headerItem().setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )  # shop numbers are long: the items get the room
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("0") * 12)
        self.list.setToolTip(self.tr("Double-click an order to open it"))
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list, 1)
        # in the editor's narrow pane (1366 px) the order No. left the items three characters:
        # below NARROW_LIST px it is hidden, and named in the items' tooltip instead
        EventHook(self.list, self._list_event)

    NARROW_LIST = 420

    def _list_event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.list.setColumnHidden(1, self.list.width() < self.NARROW_LIST)
        return False

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def _value(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"summary_{key}")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.values[key] = label
        return label

    # --- what is shown ----------------------------------------------------------------------------------------

    def status_name(self, status: str) -> str:
        return {
            core_orders.PENDING: self.tr("Pending"),
            core_orders.SHIPPED: self.tr("Shipped"),
            core_orders.DELIVERED: self.tr("Delivered"),
            core_orders.CANCELLED: self.tr("Cancelled"),
            core_orders.REFUNDED: self.tr("Refunded"),
        }.get(status, status)

    def show_customer(self, customer_id: int | None, *, in_trash: bool = False) -> None:
        """Show ``customer_id``'s orders (None: nobody, or a customer not saved yet); read now
        when the tab is showing, else when it is next shown."""
        self.customer_id = customer_id
        self.in_trash = in_trash
        self._stale = True
        self._update_buttons()
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _update_buttons(self) -> None:
        usable = self.context is not None and self.customer_id is not None and not self.in_trash
        self.new_button.setEnabled(usable)
        if self.context is None:
            self.new_button.setToolTip(self.tr("Orders are recorded from the main window"))
        elif self.in_trash:
            self.new_button.setToolTip(self.tr("The customer is in the Trash: restore them to record an order"))
        else:
            self.new_button.setToolTip(self.tr("Record an order of this customer"))

    def refresh(self) -> None:
        """Read the summary and the orders again."""
        self._stale = False
        self.list.clear()
        self.summary = None
        if self.customer_id is None:
            self._show_summary(None)
            self._set_note(self.tr("Save the customer first; then their orders can be recorded here."))
            return
        try:
            self.summary = store_orders.customer_summary(self.customer_id)
            flt = store_orders.OrderFilter(customer_id=self.customer_id)
            ids = store_orders.order_ids(flt, "date", descending=True)
            rows = store_orders.rows_for_ids(ids[:MAX_SHOWN])
        except NotFoundError:  # deleted meanwhile
            self.customer_id = None
            self._show_summary(None)
            self._set_note("")
            self._update_buttons()
            return
        except StoreError as exc:
            from sellerdesk.ui.widgets.errors import error_text

            self._show_summary(None)
            self._set_note("")
            self.failed.emit(error_text(exc))
            return
        self._show_summary(self.summary)
        if not ids:
            self._set_note(self.tr("No orders yet."))
        elif len(ids) > MAX_SHOWN:
            self._set_note(
                self.tr("The newest %1 of %2 orders (the orders view lists them all).")
                .replace("%1", f"{MAX_SHOWN:,}")
                .replace("%2", f"{len(ids):,}")
            )
        else:
            self._set_note("")
        muted = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
        items = []
        for oid in ids[:MAX_SHOWN]:
            row = rows.get(oid)
            if row is None:
                continue
            item = QTreeWidgetItem(
                [
                    row.order_date.isoformat(),  # a local calendar date, as stored
                    row.order_no,
                    row.items.replace("\n", " "),
                    format_yuan(row.amount_fen),
                    self.status_name(row.status),
                ]
            )
            item.setData(0, ORDER_ID_ROLE, row.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tip = row.items
            if row.order_no:
                tip = (tip + "\n" if tip else "") + self.tr("Order no. %1").replace("%1", row.order_no)
            if tip:
                item.setToolTip(2, tip)
            if row.order_no:
                item.setToolTip(1, row.order_no)
            if not row.counts:  # cancelled or refunded: not in the totals
                for column in range(5):
                    item.setForeground(column, muted)
                item.setToolTip(4, self.tr("Not counted in the totals"))
            items.append(item)
        self.list.addTopLevelItems(items)

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _show_summary(self, summary: store_orders.CustomerSummary | None) -> None:
        values = self.values
        if summary is None:
            for label in values.values():
                label.setText("")
            return
        none = "—"
        values["count"].setText(f"{summary.order_count:,}")
        every = summary.days_between_orders
        values["often"].setText(self.tr("about every %n day(s)", "", every) if every is not None else none)
        values["total"].setText(format_yuan(summary.total_spent_fen))
        values["average"].setText(format_yuan(summary.average_fen) if summary.average_fen is not None else none)
        values["window"].setText(
            self.tr("%1 in %n order(s)", "", summary.window_count).replace("%1", format_yuan(summary.window_spent_fen))
        )
        values["first"].setText(summary.first_order.isoformat() if summary.first_order else none)
        contacts = self._last_contacts(summary)
        values["last"].setText(contacts[0] if contacts else none)
        values["last"].setToolTip("\n".join(contacts))
        statuses = [
            f"{self.status_name(status)} {summary.status_counts[status]:,}"
            for status in core_orders.STATUSES
            if summary.status_counts.get(status)
        ]
        values["statuses"].setText(" · ".join(statuses) or none)
        products = [f"{p.product} ×{p.quantity:,}" for p in summary.top_products]
        values["products"].setText("、".join(products) or none)
        values["products"].setToolTip(
            "\n".join(
                self.tr("%1: %2 piece(s) in %3 order(s), last on %4")
                .replace("%1", p.product)
                .replace("%2", f"{p.quantity:,}")
                .replace("%3", f"{p.orders:,}")
                .replace("%4", p.last_date.isoformat())
                for p in summary.top_products
            )
        )

    def _last_contacts(self, summary: store_orders.CustomerSummary) -> list[str]:
        """The last order and the last edit of the record, newest first (an order before an
        edit of the same day): the pane shows the first, its tooltip both."""
        parts: list[tuple[str, str]] = []
        if summary.last_order is not None:
            day = summary.last_order.isoformat()
            parts.append((day + "1", self.tr("%1 ordered").replace("%1", day)))
        if summary.last_edit is not None:
            day = summary.last_edit.replace(tzinfo=dt.UTC).astimezone().date().isoformat()
            parts.append((day + "0", self.tr("%1 edited").replace("%1", day)))
        return [text for _key, text in sorted(parts, reverse=True)]

    # --- actions --------------------------------------------------------------------------------------------------

    def selected_order(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, ORDER_ID_ROLE) if item is not None else None

    def _dialog(self) -> ModuleType | None:
        try:
            return order_dialog()
        except ImportError as exc:  # packaged without the orders feature
            log.warning("the order dialog is not available: %s", exc)
            self.failed.emit(self.tr("Orders cannot be opened in this version of SellerDesk."))
            return None

    def new_order(self) -> int | None:
        """Record an order of this customer (the order dialog); returns its id, None if not."""
        if self.context is None or self.customer_id is None or self.in_trash:
            return None
        module = self._dialog()
        if module is None:
            return None
        customer_id = self.customer_id
        order_id: int | None = module.record_order(self.context, self, customer_id)
        if order_id is not None:
            self.orders_changed.emit(customer_id)
        return order_id

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        order_id = item.data(0, ORDER_ID_ROLE)
        if order_id is not None:
            self.open_order(int(order_id))

    def open_order(self, order_id: int) -> bool:
        """Open one of the orders in the order dialog; True when it changed something."""
        if self.context is None or self.customer_id is None:
            return False
        module = self._dialog()
        if module is None:
            return False
        customer_id = self.customer_id
        changed = bool(module.edit_order(self.context, self, order_id))
        if changed:
            self.orders_changed.emit(customer_id)
        return changed


__all__ = ["MAX_SHOWN", "ORDER_DIALOG", "CustomerOrdersTab", "order_dialog"]
