"""Bring a courier's own blank template: the header row found, a proposed value per column,
a combo per column to adjust it, a preview of the first orders as they would be written, and
a name; saved to the user's templates folder (``exchange.template_mapping``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.template_mapping import Proposal, propose
from sellerdesk.exchange.templates import ESSENTIALS, save_user_template
from sellerdesk.exchange.waybills import GETTERS, MAPPABLE, WaybillOrder, iter_orders
from sellerdesk.store import senders as store_senders
from sellerdesk.store import shipping
from sellerdesk.ui.shipping import texts
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.forms import error_label, ok_cancel
from sellerdesk.ui.widgets.header_row import HeaderRowSpin

PREVIEW_ORDERS = 2
EXAMPLE = WaybillOrder(
    id=1,
    order_no="WX-0001",
    order_date="2026-01-01",
    amount_fen=12800,
    items_text="面膜 x2",
    order_notes="",
    ship_to={"recipient": "张三", "phone": "13812345678", "province": "广东省", "city": "深圳市", "district": "南山区",
             "detail": "科技园1栋101"},
    customer_name="张三",
    customer_phone="13812345678",
    customer_notes="",
    wechat="",
    lines=(),
)  # fmt: skip


class TemplateMappingDialog(QDialog):
    """Emits ``saved(Template)``. Raises :class:`ExchangeError` from the constructor when the file is refused."""

    saved = Signal(object)
    COL_HEADER, COL_VALUE = 0, 1

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateMappingDialog")
        self.setWindowTitle(self.tr("Add a courier template"))
        self.path = Path(path)
        self.proposal: Proposal = propose(self.path)
        self.labels = texts.value_labels()
        self.samples = self._samples()
        self.sender = store_senders.default_sender()
        self.template = None

        intro = QLabel(
            self.tr(
                "SellerDesk found the header row of %1 and proposed what goes in each column. Check each column; "
                "columns left empty stay empty in the export. A customer's private notes go on a waybill only if "
                "you choose them here."
            ).replace("%1", self.path.name)
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self.path.stem[:40])
        self.name_edit.setObjectName("templateName")
        self.courier_edit = QComboBox()
        self.courier_edit.setEditable(True)
        self.courier_edit.addItems(["", "中通", "圆通", "韵达", "申通", "极兔", "EMS", "京东", "顺丰", "德邦"])
        self.courier_edit.setCurrentText(_courier_in(self.path.stem))
        self.header_spin = HeaderRowSpin(self.proposal.header_row)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.sheet_label = QLabel(self.proposal.sheet)

        self.table = QTableWidget(0, 2 + len(self.samples))
        self.table.setObjectName("mappingTable")
        heads = [self.tr("Column in the template"), self.tr("Fill with")]
        heads += [self.tr("Example %1").replace("%1", str(i + 1)) for i in range(len(self.samples))]
        self.table.setHorizontalHeaderLabels(heads)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(self.COL_HEADER, 170)
        self.table.setColumnWidth(self.COL_VALUE, 260)
        for i in range(len(self.samples)):
            self.table.setColumnWidth(2 + i, 220)
        self.error = error_label()
        self.buttons = ok_cancel(self.save, self.reject, ok_text=self.tr("Save template"))

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Courier:"), self.courier_edit)
        form.addRow(self.tr("Sheet:"), self.sheet_label)
        form.addRow(self.tr("Header row:"), self.header_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)
        self._fill()

    def _samples(self) -> list[WaybillOrder]:
        ids = shipping.order_ids_for("pending")[:PREVIEW_ORDERS]
        found = list(iter_orders(ids)) if ids else []
        return found or [EXAMPLE]

    def _fill(self) -> None:
        self.table.setRowCount(len(self.proposal.headers))
        for row, (header, value) in enumerate(zip(self.proposal.headers, self.proposal.mapping)):
            item = QTableWidgetItem(header or self.tr("(no header)"))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, self.COL_HEADER, item)
            combo = QComboBox()
            combo.addItem(self.tr("(leave empty)"), "")
            for key in MAPPABLE:
                combo.addItem(self.labels.get(key, key), key)
            combo.setCurrentIndex(max(combo.findData(value or ""), 0))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._preview_row(r))
            self.table.setCellWidget(row, self.COL_VALUE, combo)
            self._preview_row(row)

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, self.COL_VALUE)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> list[str | None]:
        return [self.combo(r).currentData() or None for r in range(self.table.rowCount())]

    def set_value(self, header: str, value: str) -> None:
        """Choose ``value`` for the column headed ``header`` (tests, keyboard users)."""
        row = self.proposal.headers.index(header)
        self.combo(row).setCurrentIndex(self.combo(row).findData(value))

    def _preview_row(self, row: int) -> None:
        value = self.combo(row).currentData()
        for i, order in enumerate(self.samples):
            text = GETTERS[value](order, self.sender) if value else ""
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if value == "notes" and text:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, 2 + i, item)

    def _header_changed(self, row: int) -> None:
        try:
            self.proposal = propose(self.path, self.proposal.sheet, row)
        except ExchangeError as exc:
            self.error.setText(texts.error(exc))
            return
        self.error.setText("")
        self._fill()

    def save(self) -> None:
        mapping = self.mapping()
        mapped = {v for v in mapping if v}
        if any(not mapped.intersection(group) for group in ESSENTIALS):  # (the store refuses it too)
            self.error.setText(texts.error(ExchangeError("empty_mapping", template=self.name_edit.text())))
            return
        if "notes" in mapping and not dialogs.confirm(
            self,
            self.tr("Add a courier template"),
            self.tr("Customers' private notes will be printed on every waybill of this template. Continue?"),
        ):
            return
        try:
            self.template = save_user_template(
                self.name_edit.text(),
                self.path,
                sheet=self.proposal.sheet,
                header_row=self.proposal.header_row,
                columns=self.proposal.columns(mapping),
                courier=self.courier_edit.currentText().strip(),
            )
        except ExchangeError as exc:
            self.error.setText(texts.error(exc))
            return
        self.saved.emit(self.template)
        self.accept()


def _courier_in(name: str) -> str:
    for courier in ("中通", "圆通", "韵达", "申通", "极兔", "EMS", "京东", "顺丰", "德邦"):
        if courier.lower() in name.lower():
            return courier
    return ""
