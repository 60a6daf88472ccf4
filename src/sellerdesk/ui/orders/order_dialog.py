"""Record or edit one order: the dialog, and the two entry points the rest of the UI calls.

:func:`record_order` (a new order, of a given customer or from a pasted chat message) and
:func:`edit_order`. The dialog writes through ``store.orders`` (``add_order``;
``update_order`` with ``expected_version``, so an order someone else changed meanwhile is
refused, not overwritten) and, for a pasted message, ``store.customers.save_customer``
(a new customer, or a new address of the customer found). After every write it emits
``context.orders_changed`` (and ``customers_changed`` when a customer was written).

A pasted message (:mod:`sellerdesk.ui.orders.paste`) names the customer: found by phone
or WeChat ID and said so, else offered to be created. What else it carries (goods,
amount, 订单号) fills the order.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock
from sellerdesk.core import orders as core
from sellerdesk.core.address import format_one_line
from sellerdesk.core.money import MoneyError, format_plain, format_yuan, parse_fen
from sellerdesk.core.orders import OrderError, OrderLine, lines_total, parse_items
from sellerdesk.sentences import sentences
from sellerdesk.store import customers as store_customers
from sellerdesk.store import orders as store_orders
from sellerdesk.store.errors import ConflictError, NotFoundError, StoreError
from sellerdesk.store.models import Address, Customer
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.orders.paste import PasteLookup, add_pasted_address, create_customer, look_up
from sellerdesk.ui.orders.texts import money_error, shown_phone, status_name, store_error, translate
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.dates import pydate, qdate
from sellerdesk.ui.widgets.forms import ERROR_COLOUR, error_label, ok_button, ok_cancel
from sellerdesk.ui.widgets.icons import icon

log = logging.getLogger(__name__)

PASTE_DELAY_MS = 400
# Offered in the courier box besides those already used (store.orders.couriers()).
COMMON_COURIERS = ("顺丰", "中通", "圆通", "韵达", "申通", "极兔", "邮政", "京东")
FIRST_DATE = QDate(2000, 1, 1)  # store.orders.EARLIEST_DATE
_PRODUCT, _QUANTITY, _PRICE, _SUBTOTAL = range(4)
_SHIPPING = frozenset((core.SHIPPED, core.DELIVERED))
OK_COLOUR = "#15803d"
NOTE_COLOUR = "#92400e"


def courier_names() -> list[str]:
    """The couriers used so far, then the common ones not used yet."""
    used = store_orders.couriers()
    return used + [c for c in COMMON_COURIERS if c not in used]


def courier_and_tracking_fields() -> tuple[QComboBox, QLineEdit]:
    """The courier (editable, couriers used before first) and tracking-number fields of an order
    and of the ship dialog, each limited to what the store keeps."""
    courier = QComboBox()
    courier.setObjectName("courier")
    courier.setEditable(True)
    courier.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    courier.addItem("")
    courier.addItems(courier_names())
    courier_edit = courier.lineEdit()
    assert courier_edit is not None  # (editable)
    courier_edit.setMaxLength(store_orders.MAX_COURIER)
    tracking = QLineEdit()
    tracking.setObjectName("tracking")
    tracking.setMaxLength(store_orders.MAX_TRACKING)
    return courier, tracking


@dataclass(frozen=True)
class ShipTo:
    """One choice of the ship-to box."""

    kind: str  # "keep" (the order's snapshot), "address" (a stored address), "paste", "none"
    address_id: int | None = None


class Refused(Exception):
    """A form value that cannot be saved; the message is the translated red line."""


class OrderDialog(QDialog):
    """New order (``order_id`` None) or edit one. The write happens in :meth:`accept`."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
        order_id: int | None = None,
        paste_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("orderDialog")
        self.customer_id = customer_id
        self.order_id = order_id  # set when a new order was written
        self.editing = order_id is not None
        self.version: int | None = None
        self.stored_status = core.PENDING
        self.stored_lines: list[OrderLine] = []
        self.gone = False  # the order to edit no longer exists
        self.lookup: PasteLookup | None = None
        self._amount_auto = True  # the amount follows the lines' sum until typed over
        self._filling = False
        self._masked = bool(getattr(context, "mask_phones", False))
        self.paste_timer = QTimer(self)
        self.paste_timer.setSingleShot(True)
        self.paste_timer.setInterval(PASTE_DELAY_MS)
        self.paste_timer.timeout.connect(self.recognise)
        self._build()
        if self.editing:
            self.setWindowTitle(self.tr("Edit order"))
            self.load_order()
        else:
            self.setWindowTitle(self.tr("New order"))
            self.status.setCurrentIndex(self.status.findData(core.PENDING))
            if customer_id is not None:
                self._show_customer(customer_id)
            else:
                self.paste_edit.setPlainText(paste_text)
                if paste_text.strip():
                    self.recognise()
        self._update_shipping()
        self._update_total()

    # --- layout -----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        who = QGroupBox(self.tr("Customer"))
        who_layout = QVBoxLayout(who)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("customerLabel")
        self.customer_label.setWordWrap(True)
        font = self.customer_label.font()
        font.setBold(True)
        self.customer_label.setFont(font)
        self.customer_label.setVisible(False)
        who_layout.addWidget(self.customer_label)
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setTabChangesFocus(True)
        self.paste_edit.setObjectName("pasteEdit")
        self.paste_edit.setPlaceholderText(
            self.tr(
                "Paste what the customer sent (name, phone, address; WeChat ID, goods and amount too), "
                "or type a phone number or WeChat ID to find the customer"
            )
        )
        self.paste_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.paste_edit.textChanged.connect(self._paste_changed)
        who_layout.addWidget(self.paste_edit)
        self.paste_result = QLabel()
        self.paste_result.setObjectName("pasteResult")
        self.paste_result.setWordWrap(True)
        self.paste_result.setTextFormat(Qt.TextFormat.PlainText)
        who_layout.addWidget(self.paste_result)
        self.create_check = QCheckBox()
        self.create_check.setObjectName("createCustomer")
        self.create_check.setChecked(True)
        self.create_check.toggled.connect(self._update_paste_choice)
        who_layout.addWidget(self.create_check)
        self.add_address_check = QCheckBox()
        self.add_address_check.setObjectName("addAddress")
        self.add_address_check.setChecked(True)
        who_layout.addWidget(self.add_address_check)
        outer.addWidget(who)

        columns = QHBoxLayout()
        # the goods
        goods = QGroupBox(self.tr("Items"))
        goods_layout = QVBoxLayout(goods)
        quick = QHBoxLayout()
        self.quick_items = QLineEdit()
        self.quick_items.setObjectName("quickItems")
        self.quick_items.setPlaceholderText(self.tr("Quick entry: 面膜 x2 @39.9, 护手霜 @25"))
        self.quick_items.returnPressed.connect(self.add_quick_items)
        self.quick_button = QPushButton(self.tr("Add"))
        self.quick_button.setAutoDefault(False)
        self.quick_button.clicked.connect(self.add_quick_items)
        quick.addWidget(self.quick_items, 1)
        quick.addWidget(self.quick_button)
        goods_layout.addLayout(quick)
        self.items = QTableWidget(0, 4)
        self.items.setObjectName("itemsTable")
        self.items.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Unit price"), self.tr("Subtotal")]
        )
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(_PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((_QUANTITY, 56), (_PRICE, 90), (_SUBTOTAL, 96)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.items.setMinimumWidth(400)
        self.items.itemChanged.connect(self._item_changed)
        goods_layout.addWidget(self.items, 1)
        row_buttons = QHBoxLayout()
        self.add_row_button = QPushButton(icon("address-add"), self.tr("Add line"))
        self.add_row_button.setAutoDefault(False)
        self.add_row_button.clicked.connect(self.add_empty_line)
        self.remove_row_button = QPushButton(icon("remove"), self.tr("Remove line"))
        self.remove_row_button.setAutoDefault(False)
        self.remove_row_button.clicked.connect(self.remove_lines)
        self.total_label = QLabel()
        self.total_label.setObjectName("linesTotal")
        row_buttons.addWidget(self.add_row_button)
        row_buttons.addWidget(self.remove_row_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.total_label)
        goods_layout.addLayout(row_buttons)
        columns.addWidget(goods, 3)

        # the order
        order = QGroupBox(self.tr("Order"))
        order_layout = QVBoxLayout(order)
        form = QFormLayout()
        order_layout.addLayout(form)
        order_layout.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        today = clock.today()
        self.order_date = QDateEdit(qdate(today))
        self.order_date.setObjectName("orderDate")
        self.order_date.setCalendarPopup(True)
        self.order_date.setDisplayFormat("yyyy-MM-dd")
        self.order_date.setDateRange(FIRST_DATE, qdate(today + _dt.timedelta(days=1)))
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("e.g. 128.50"))
        self.amount.textEdited.connect(self._amount_edited)
        self.order_no = QLineEdit()
        self.order_no.setObjectName("orderNo")
        self.order_no.setMaxLength(store_orders.MAX_ORDER_NO)
        self.order_no.setPlaceholderText(self.tr("Optional, e.g. the shop's order number"))
        self.status = QComboBox()
        self.status.setObjectName("status")
        for key in core.STATUSES:
            self.status.addItem(status_name(key), key)
        self.status.currentIndexChanged.connect(lambda _i: self._update_shipping())
        self.ship_to = QComboBox()
        self.ship_to.setObjectName("shipTo")
        self.ship_to.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ship_to.setMinimumContentsLength(20)
        self.ship_to.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.ship_to.currentIndexChanged.connect(lambda _i: self._ship_to_changed())
        self.ship_to_detail = QLabel()
        self.ship_to_detail.setObjectName("shipToDetail")
        self.ship_to_detail.setWordWrap(True)
        self.ship_to_detail.setStyleSheet("color: palette(placeholder-text)")
        ship_box = QVBoxLayout()
        ship_box.setContentsMargins(0, 0, 0, 0)
        ship_box.setSpacing(2)
        ship_box.addWidget(self.ship_to)
        ship_box.addWidget(self.ship_to_detail)
        self.courier, self.tracking = courier_and_tracking_fields()
        self.ship_date = QDateEdit(qdate(today))
        self.ship_date.setObjectName("shipDate")
        self.ship_date.setCalendarPopup(True)
        self.ship_date.setDisplayFormat("yyyy-MM-dd")
        self.ship_date.setDateRange(FIRST_DATE, qdate(today + _dt.timedelta(days=1)))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow(self.tr("Order date"), self.order_date)
        form.addRow(self.tr("Amount paid (¥)"), self.amount)
        form.addRow(self.tr("Order no."), self.order_no)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Ship to"), ship_box)
        form.addRow(self.tr("Courier"), self.courier)
        form.addRow(self.tr("Tracking no."), self.tracking)
        form.addRow(self.tr("Ship date"), self.ship_date)
        form.addRow(self.tr("Notes"), self.notes)
        columns.addWidget(order, 2)
        outer.addLayout(columns, 1)

        self.error = error_label()
        outer.addWidget(self.error)
        bottom = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("Load the latest version"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.load_order)
        self.reload_button.setVisible(False)
        bottom.addWidget(self.reload_button)
        bottom.addStretch(1)
        self.buttons = ok_cancel(self.accept, self.reject, ok_text=self.tr("Save order"))
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)
        self.resize(920, 620)

    # --- the customer -------------------------------------------------------------------------------------------

    def ship_to_index(self, choice: ShipTo) -> int:
        """The row of ``choice`` in the ship-to box, -1 if it is not there."""
        for i in range(self.ship_to.count()):
            if self.ship_to.itemData(i) == choice:
                return i
        return -1

    def _ship_to_changed(self) -> None:
        """The chosen ship-to in full under the box (the box itself is narrow)."""
        text = self.ship_to.currentData(Qt.ItemDataRole.ToolTipRole) or self.ship_to.currentText()
        choice = self.ship_to.currentData()
        # "不填收货地址" said twice (box and line) reads as a value: the line is for an address
        self.ship_to_detail.setText("" if isinstance(choice, ShipTo) and choice.kind == "none" else str(text))
        self._update_paste_choice()

    def _set_customer_label(self, text: str) -> None:
        self.customer_label.setText(text)
        self.customer_label.setVisible(bool(text))

    def _customer_text(self, customer: Customer) -> str:
        parts = [customer.name or self.tr("(no name)")]
        if customer.phone:
            parts.append(shown_phone(customer.phone, self._masked))
        if customer.wechat:
            parts.append(self.tr("WeChat %1").replace("%1", customer.wechat))
        return " · ".join(parts)

    def _show_customer(self, customer_id: int) -> None:
        """A known customer: their name, their addresses in the ship-to box."""
        self.customer_id = customer_id
        customer = store_customers.get_customer(customer_id)
        self._set_customer_label(self._customer_text(customer))
        for widget in (self.paste_edit, self.paste_result, self.create_check, self.add_address_check):
            widget.setVisible(False)
        self._fill_ship_to(store_customers.live_addresses(customer_id))

    def _address_text(self, values: dict[str, Any], label: str = "") -> str:
        shown = dict(values)
        shown["phone"] = shown_phone(str(shown.get("phone") or ""), self._masked)
        line = format_one_line(shown) or self.tr("(empty address)")
        return f"{label}: {line}" if label else line

    def _fill_ship_to(
        self,
        addresses: list[Address],
        *,
        keep: dict[str, Any] | None = None,
        pasted: dict[str, Any] | None = None,
        select: ShipTo | None = None,
    ) -> None:
        """The ship-to choices: the order's own snapshot (editing), a pasted address, the
        customer's live addresses (the default first), or none."""
        with QSignalBlocker(self.ship_to):
            self.ship_to.clear()
            if keep is not None:  # editing: the order's own snapshot (maybe none) stays unless another is chosen
                shown = self._address_text(keep) if any(keep.values()) else self.tr("no ship-to address")
                self.ship_to.addItem(self.tr("As recorded: %1").replace("%1", shown), ShipTo("keep"))
            if pasted is not None:
                self.ship_to.addItem(
                    self.tr("Pasted address: %1").replace("%1", self._address_text(pasted)), ShipTo("paste")
                )
            for address in addresses:
                label = address.label or ""
                if address.is_default:
                    label = self.tr("Default") + (f" · {label}" if label else "")
                values = store_customers.address_values(address)
                self.ship_to.addItem(self._address_text(values, label), ShipTo("address", address.id))
            self.ship_to.addItem(self.tr("No ship-to address"), ShipTo("none"))
            index = self.ship_to_index(select) if select is not None else 0
            self.ship_to.setCurrentIndex(max(index, 0))
            for i in range(self.ship_to.count()):
                self.ship_to.setItemData(i, self.ship_to.itemText(i), Qt.ItemDataRole.ToolTipRole)
        self._ship_to_changed()

    # --- smart paste ----------------------------------------------------------------------------------------------

    def _paste_changed(self) -> None:
        if not self._filling:
            self.paste_timer.start()

    def recognise(self) -> None:
        """Read the pasted text: find the customer (phone, then WeChat ID) or offer a new one;
        fill the goods, amount and 订单号 it carries into empty fields."""
        self.paste_timer.stop()
        text = self.paste_edit.toPlainText()
        if not text.strip():
            self.lookup = None
            self.paste_result.setText("")
            self.create_check.setVisible(False)
            self.add_address_check.setVisible(False)
            self._fill_ship_to([])
            return
        lookup = look_up(text)
        self.lookup = lookup
        customer = lookup.customer
        if customer is not None:
            who = customer.name or self.tr("(no name)")
            if lookup.found_by == "phone":
                key = shown_phone(customer.phone, self._masked)
            else:
                key = self.tr("WeChat %1").replace("%1", customer.wechat)
            message = self.tr("Found customer %1 (%2): the order is recorded for them.").replace("%1", who)
            message = message.replace("%2", key)
            if lookup.adds_wechat:
                message += " " + self.tr("Their WeChat ID %1 is added to their details.").replace("%1", lookup.wechat)
            self._set_paste_result(message, OK_COLOUR)
            self._set_customer_label(self._customer_text(customer))
            self.create_check.setVisible(False)
            addresses = store_customers.live_addresses(customer.id)
            if lookup.known_address_id is not None:
                self._fill_ship_to(addresses, select=ShipTo("address", lookup.known_address_id))
            else:
                self._fill_ship_to(addresses, pasted=lookup.address if lookup.has_place else None)
        elif lookup.can_create:
            if lookup.phone or lookup.wechat:
                keys = [shown_phone(lookup.phone, self._masked)] if lookup.phone else []
                keys += [self.tr("WeChat %1").replace("%1", lookup.wechat)] if lookup.wechat else []
                message = self.tr("No customer has %1 yet.").replace("%1", self.tr(" or ").join(keys))
            else:
                message = self.tr("No phone number or WeChat ID in the text, so no customer could be looked up.")
            self._set_paste_result(message, NOTE_COLOUR)
            self._set_customer_label("")
            summary = " · ".join(
                p
                for p in (
                    lookup.name,
                    shown_phone(lookup.phone, self._masked),
                    self.tr("WeChat %1").replace("%1", lookup.wechat) if lookup.wechat else "",
                )
                if p
            )
            self.create_check.setText(self.tr("Create the customer %1 when saving the order").replace("%1", summary))
            self.create_check.setVisible(True)
            self._fill_ship_to([], pasted=lookup.address if lookup.has_place else None)
        else:
            self._set_paste_result(
                self.tr("No name, phone number or WeChat ID was recognised in the text."), ERROR_COLOUR
            )
            self._set_customer_label("")
            self.create_check.setVisible(False)
            self._fill_ship_to([])
        self._fill_from_paste(lookup)

    def _set_paste_result(self, text: str, colour: str) -> None:
        self.paste_result.setText(text)
        self.paste_result.setStyleSheet(f"color: {colour}")
        self.paste_result.setVisible(True)

    def _fill_from_paste(self, lookup: PasteLookup) -> None:
        filled = []
        if lookup.items and not self.lines_or_none():
            try:
                self.set_lines(parse_items(lookup.items))
                filled.append(self.tr("the items"))
            except OrderError:
                pass
        if lookup.amount_fen is not None and (self._amount_auto or not self.amount.text().strip()):
            self.amount.setText(format_plain(lookup.amount_fen))
            self._amount_auto = False
            filled.append(self.tr("the amount paid"))
        if lookup.order_no and not self.order_no.text().strip():
            self.order_no.setText(lookup.order_no)
            filled.append(self.tr("the order number"))
        if lookup.remarks and not self.notes.toPlainText().strip():
            # the customer's delivery remarks (备注：不要放门口): not part of the address
            self.notes.setPlainText("；".join(lookup.remarks))
            filled.append(self.tr("the notes (the customer's remarks)"))
        if filled:
            more = self.tr("Filled in: %1.").replace("%1", self.tr(", ").join(filled))
            self.paste_result.setText(sentences(self.paste_result.text(), more))
        self._update_total()

    def _update_paste_choice(self) -> None:
        """The 'save the pasted address' box: only for a customer found whose address is new,
        with the pasted address chosen as the ship-to."""
        lookup = self.lookup
        choice = self.ship_to.currentData()
        show = (
            not self.editing
            and lookup is not None
            and lookup.customer is not None
            and isinstance(choice, ShipTo)
            and choice.kind == "paste"
        )
        if show and lookup is not None and lookup.customer is not None:
            self.add_address_check.setText(
                self.tr("Also save the pasted address as a new address of %1").replace(
                    "%1", lookup.customer.name or self.tr("this customer")
                )
            )
        self.add_address_check.setVisible(show)

    # --- the goods ------------------------------------------------------------------------------------------------

    def add_empty_line(self) -> None:
        row = self.items.rowCount()
        self._filling = True
        try:
            self.items.insertRow(row)
            self._set_row(row, "", "1", "")
        finally:
            self._filling = False
        self.items.setCurrentCell(row, _PRODUCT)
        item = self.items.item(row, _PRODUCT)
        if item is not None:
            self.items.editItem(item)

    def remove_lines(self) -> None:
        rows = sorted({index.row() for index in self.items.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.items.currentRow() >= 0:
            rows = [self.items.currentRow()]
        for row in rows:
            self.items.removeRow(row)
        self._update_total()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Enter in the quick entry adds its items (returnPressed); the line edit then passes the
        # key on, and QDialog would press 保存订单 with the order half entered. Stop it here.
        if self.focusWidget() is self.quick_items and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def add_quick_items(self) -> None:
        text = self.quick_items.text().strip()
        if not text:
            return
        try:
            lines = parse_items(text)
        except OrderError:
            self.show_error(
                self.tr("Could not read %1: write each item as 面膜 x2 @39.9, separated by commas.").replace("%1", text)
            )
            return
        self.show_error("")
        self._append_lines(lines)
        self.quick_items.clear()

    def set_lines(self, lines: list[OrderLine]) -> None:
        self.items.setRowCount(0)
        self._append_lines(lines)

    def _append_lines(self, lines: list[OrderLine]) -> None:
        self._filling = True
        try:
            for line in lines:
                row = self.items.rowCount()
                self.items.insertRow(row)
                price = format_plain(line.unit_price_fen) if line.unit_price_fen is not None else ""
                self._set_row(row, line.product, str(line.quantity), price)
        finally:
            self._filling = False
        self._update_total()

    def _set_row(self, row: int, product: str, quantity: str, price: str) -> None:
        self.items.setItem(row, _PRODUCT, QTableWidgetItem(product))
        for column, text in ((_QUANTITY, quantity), (_PRICE, price)):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items.setItem(row, column, item)
        subtotal = QTableWidgetItem("")
        subtotal.setFlags(subtotal.flags() & ~Qt.ItemFlag.ItemIsEditable)
        subtotal.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.items.setItem(row, _SUBTOTAL, subtotal)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() != _SUBTOTAL:
            self._update_total()

    def _cell(self, row: int, column: int) -> str:
        item = self.items.item(row, column)
        return item.text().strip() if item is not None else ""

    def _line(self, row: int) -> OrderLine | None:
        """The line of a table row (None for an empty row); :class:`Refused` when it cannot be read."""
        product, quantity, price = (self._cell(row, c) for c in (_PRODUCT, _QUANTITY, _PRICE))
        if not product and not price and quantity in ("", "1"):
            return None
        where = self.tr("Line %1: ").replace("%1", str(row + 1))
        if not product:
            raise Refused(where + self.tr("the product name is missing."))
        if len(product) > core.MAX_PRODUCT_LENGTH:
            raise Refused(where + self.tr("a product name has at most %1 characters.").replace("%1", "200"))
        number = quantity.translate(str.maketrans("０１２３４５６７８９", "0123456789")) or "1"
        if not number.isdigit() or not 1 <= int(number) <= core.MAX_QUANTITY:
            raise Refused(where + self.tr("the quantity must be a whole number from 1 to 100,000."))
        fen = None
        if price:
            try:
                fen = parse_fen(price)
            except MoneyError as exc:
                raise Refused(where + money_error(price, str(exc))) from exc
        return OrderLine(product, int(number), fen)

    def lines(self) -> list[OrderLine]:
        """Every line of the table; :class:`Refused` for the first that cannot be read."""
        out = []
        for row in range(self.items.rowCount()):
            line = self._line(row)
            if line is not None:
                out.append(line)
        if len(out) > core.MAX_LINES:
            raise Refused(self.tr("An order has at most 100 lines."))
        return out

    def lines_or_none(self) -> list[OrderLine] | None:
        try:
            return self.lines()
        except Refused:
            return None

    def _update_total(self) -> None:
        """Subtotals, the lines' sum, and the amount when it still follows the sum."""
        total: int | None = 0
        self._filling = True
        try:
            for row in range(self.items.rowCount()):
                try:
                    line = self._line(row)
                except Refused:
                    line = None
                    total = None
                subtotal = line.total_fen if line is not None else None
                item = self.items.item(row, _SUBTOTAL)
                if item is not None:
                    item.setText(format_yuan(subtotal) if subtotal is not None else "")
                if line is not None and subtotal is None:
                    total = None
                elif total is not None and subtotal is not None:
                    total += subtotal
        finally:
            self._filling = False
        lines = self.lines_or_none() or []
        known = lines_total(lines) if lines else None
        if known is not None:
            self.total_label.setText(self.tr("Items total: %1").replace("%1", format_yuan(known)))
        elif lines:
            self.total_label.setText(self.tr("Items total: unknown (a line has no price)"))
        else:
            self.total_label.setText("")
        if self._amount_auto and known is not None:
            self.amount.setText(format_plain(known))
        hint = self.tr("= items total %1").replace("%1", format_yuan(known)) if known is not None else ""
        self.amount.setPlaceholderText(hint or self.tr("e.g. 128.50"))

    def _amount_edited(self, text: str) -> None:
        self._amount_auto = not text.strip()  # cleared: follow the lines again
        if self._amount_auto:
            self._update_total()

    def amount_fen(self) -> int:
        text = self.amount.text()
        if not text.strip():
            lines = self.lines()
            known = lines_total(lines) if lines else None
            if known is not None:
                return known
        try:
            return parse_fen(text)
        except MoneyError as exc:
            raise Refused(self.tr("Amount paid: ") + money_error(text, str(exc))) from exc

    # --- status and shipping --------------------------------------------------------------------------------------

    def _update_shipping(self) -> None:
        shipping = self.status.currentData() in _SHIPPING
        for widget in (self.courier, self.tracking, self.ship_date):
            self.form.setRowVisible(widget, shipping)

    def _allow_statuses(self, current: str) -> None:
        """Editing: only the moves core.orders allows from the stored status are enabled."""
        model = self.status.model()
        assert isinstance(model, QStandardItemModel)
        for i in range(self.status.count()):
            item = model.item(i)
            allowed = core.can_move(current, self.status.itemData(i))
            item.setEnabled(allowed)
            item.setToolTip(
                ""
                if allowed
                else self.tr("An order cannot go from %1 to %2; reopen it first.")
                .replace("%1", status_name(current))
                .replace("%2", status_name(self.status.itemData(i)))
            )

    # --- loading an order -----------------------------------------------------------------------------------------

    def load_order(self) -> None:
        """Fill the form from the stored order (again, after a conflict)."""
        assert self.order_id is not None
        rows = store_orders.rows_for_ids([self.order_id])
        row = rows.get(self.order_id)
        if row is None:
            self.gone = True
            self.show_error(store_error(NotFoundError(f"No order with id {self.order_id}.")))
            ok_button(self.buttons).setEnabled(False)
            return
        self.version = row.version
        self.stored_status = row.status
        self.customer_id = row.customer_id
        self._show_customer(row.customer_id)
        self._set_customer_label(
            self.tr("%1 — order #%2").replace("%1", self.customer_label.text()).replace("%2", str(row.id))
        )
        addresses = store_customers.live_addresses(row.customer_id)
        self._fill_ship_to(addresses, keep=dict(row.ship_to or {}))
        self._filling = True
        try:
            self.order_date.setDate(qdate(row.order_date))
            self.order_no.setText(row.order_no)
            self.notes.setPlainText(row.notes)
            self.status.setCurrentIndex(self.status.findData(row.status))
            self.courier.setCurrentText(row.courier)
            self.tracking.setText(row.tracking_no)
            self.ship_date.setDate(qdate(row.shipped_on or clock.today()))
        finally:
            self._filling = False
        self._amount_auto = False
        self.stored_lines = store_orders.order_lines(row.id)
        self.set_lines(self.stored_lines)
        self.amount.setText(format_plain(row.amount_fen))
        self._allow_statuses(row.status)
        self.reload_button.setVisible(False)
        self.show_error("")
        self._update_shipping()

    # --- saving ---------------------------------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def order_values(self) -> dict[str, Any]:
        """The form as store.orders arguments; :class:`Refused` with the translated line."""
        lines = self.lines()
        amount = self.amount_fen()
        notes = self.notes.toPlainText().strip()
        if len(notes) > store_orders.MAX_NOTES:
            raise Refused(self.tr("The notes have at most 2,000 characters."))
        status = self.status.currentData()
        when = pydate(self.order_date.date())
        values: dict[str, Any] = {
            "order_date": when,
            "amount_fen": amount,
            "items": lines,
            "order_no": self.order_no.text().strip(),
            "notes": notes,
            "status": status,
        }
        if status in _SHIPPING:
            shipped = pydate(self.ship_date.date())
            if shipped < when:
                raise Refused(self.tr("The ship date is before the order date."))
            values.update(courier=self.courier.currentText().strip(), tracking_no=self.tracking.text().strip())
            values["shipped_on"] = shipped
        return values

    def accept(self) -> None:
        if self.gone:
            return
        self.show_error("")
        if self.paste_timer.isActive():
            self.recognise()
        try:
            values = self.order_values()
            if self.editing:
                self._save_edit(values)
            else:
                self._save_new(values)
        except Refused as exc:
            self.show_error(str(exc))
            return
        except StoreError as exc:
            log.warning("order not saved: %s", type(exc).__name__)
            self.show_error(store_error(exc))
            if isinstance(exc, ConflictError):
                self.reload_button.setVisible(True)
            return
        super().accept()

    def _ship_to_arguments(self) -> dict[str, Any]:
        choice = self.ship_to.currentData()
        if not isinstance(choice, ShipTo) or choice.kind == "keep":
            return {}
        if choice.kind == "address":
            return {"address_id": choice.address_id}
        if choice.kind == "paste" and self.lookup is not None:
            return {"ship_to": self.lookup.address}
        return {"ship_to": {}}  # none: an order handed over in person

    def _save_new(self, values: dict[str, Any]) -> None:
        ship = self._ship_to_arguments()
        choice = self.ship_to.currentData()
        customer_written = False
        if self.customer_id is None:
            lookup = self.lookup
            if lookup is None:
                raise Refused(self.tr("Paste the customer's message, or a phone number or WeChat ID, first."))
            if lookup.customer is not None:
                self.customer_id = lookup.customer.id
                save_address = (
                    isinstance(choice, ShipTo) and choice.kind == "paste" and self.add_address_check.isChecked()
                )
                if save_address or lookup.adds_wechat:
                    new_id = add_pasted_address(lookup, with_address=save_address)
                    customer_written = True
                    if save_address and new_id is not None:
                        ship = {"address_id": new_id}
                        choice = ShipTo("address", new_id)
                    self._became_known(self.customer_id, choice if isinstance(choice, ShipTo) else None)
            elif lookup.can_create:
                if not self.create_check.isChecked():
                    raise Refused(self.tr("Tick “Create the customer” or paste the message of a customer you have."))
                customer_id, address_id = create_customer(lookup)
                self.customer_id = customer_id
                customer_written = True
                if isinstance(choice, ShipTo) and choice.kind == "paste" and address_id is not None:
                    ship = {"address_id": address_id}
                    choice = ShipTo("address", address_id)
                self._became_known(customer_id, choice if isinstance(choice, ShipTo) else None)
            else:
                raise Refused(self.tr("No name, phone number or WeChat ID was recognised in the text."))
        if customer_written:
            self.context.customers_changed.emit()
        order = store_orders.add_order(self.customer_id, **values, **ship)
        self.order_id = order.id
        self.context.orders_changed.emit()

    def _became_known(self, customer_id: int, choice: ShipTo | None) -> None:
        """The customer was just written (created, or given the pasted address): the dialog now
        records for them, so a failed order write after it does not write them twice."""
        self.lookup = None
        self._show_customer(customer_id)
        self._fill_ship_to(store_customers.live_addresses(customer_id), select=choice)

    def _save_edit(self, values: dict[str, Any]) -> None:
        assert self.order_id is not None
        changes = dict(values)
        if changes["status"] == self.stored_status:
            del changes["status"]
        if changes["items"] == self.stored_lines:
            del changes["items"]  # (kept as the seller wrote them: 39.9 is not rewritten as 39.90)
        changes.update(self._ship_to_arguments())
        store_orders.update_order(self.order_id, changes, expected_version=self.version)
        self.context.orders_changed.emit()


def record_order(
    context: AppContext, parent: QWidget | None, customer_id: int | None = None, paste_text: str = ""
) -> int | None:
    """Record a new order (of ``customer_id``, else of the customer a pasted message names);
    returns the new order's id, or None when cancelled."""
    try:
        if customer_id is not None:
            store_customers.get_customer(customer_id)  # (purged meanwhile: said before a dialog is built)
        dialog = OrderDialog(context, parent, customer_id=customer_id, paste_text=paste_text)
    except StoreError as exc:  # the customer was purged meanwhile, or the disk failed
        dialogs.error(parent, translate("OrderText", "Order"), store_error(exc))
        return None
    try:
        accepted = dialogs.launch(dialog) == QDialog.DialogCode.Accepted
        return dialog.order_id if accepted else None
    finally:
        dialog.deleteLater()  # (its parent, the window, would keep every dialog until quit)


def edit_order(context: AppContext, parent: QWidget | None, order_id: int) -> bool:
    """Edit an order; True when a change was saved."""
    try:
        dialog = OrderDialog(context, parent, order_id=order_id)
    except StoreError as exc:
        dialogs.error(parent, translate("OrderText", "Order"), store_error(exc))
        return False
    try:
        return dialogs.launch(dialog) == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


__all__ = ["COMMON_COURIERS", "OrderDialog", "ShipTo", "edit_order", "record_order"]
