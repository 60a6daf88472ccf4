"""The customer pane's 积分 tab (shown while points are on): the balance, the ledger, redeeming.

Points are earned by orders (``store.points``, kept by every order write); redeeming takes a
note and cannot take the balance below zero. Each redemption is one store call, written at
once like an order (not part of the customer form's Save).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import labels
from sellerdesk.core.points import MAX_NOTE_LENGTH, MAX_REDEEM
from sellerdesk.store import points as store_points
from sellerdesk.store.errors import StoreError, ValidationError
from sellerdesk.store.models import PointsEntry
from sellerdesk.ui.customers.table_model import local_time
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel
from sellerdesk.ui.widgets.icons import icon


class RedeemDialog(QDialog):
    """How many points and what for; OK redeems them (``store.points.redeem``) or says in one
    red line why not (no note, more than the balance, the disk)."""

    def __init__(self, customer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("Redeem points"))
        layout = QVBoxLayout(self)
        self.balance_label = QLabel()
        self.balance_label.setWordWrap(True)
        layout.addWidget(self.balance_label)
        form = QFormLayout()
        self.points = QSpinBox()
        self.points.setRange(1, MAX_REDEEM)
        self.points.setGroupSeparatorShown(True)
        form.addRow(self.tr("Points"), self.points)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.note.setPlaceholderText(self.tr("What they were exchanged for, e.g. 护手霜 gift"))
        form.addRow(self.tr("For"), self.note)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self.accept, self.reject, ok_text=self.tr("Redeem"))
        layout.addWidget(self.buttons)
        self.balance = store_points.balance(customer_id)
        self.balance_label.setText(self.tr("%1 has %2 points.").replace("%1", name).replace("%2", f"{self.balance:,}"))
        self.points.setValue(max(1, min(self.balance, 100)))
        self.note.textChanged.connect(lambda _t: self.error.setText(""))
        self.points.valueChanged.connect(lambda _v: self.error.setText(""))
        self.entry: PointsEntry | None = None
        self.resize(380, self.sizeHint().height())

    def accept(self) -> None:
        wanted = self.points.value()
        note = self.note.text().strip()
        if not note:
            self.error.setText(self.tr("Write what the points were exchanged for."))
            self.note.setFocus()
            return
        try:
            self.entry = store_points.redeem(self.customer_id, wanted, note)
        except ValidationError as exc:
            self.balance = store_points.balance(self.customer_id)
            if wanted > self.balance:
                self.error.setText(
                    self.tr("Only %1 points are left: %2 cannot be redeemed. Nothing was changed.")
                    .replace("%1", f"{self.balance:,}")
                    .replace("%2", f"{wanted:,}")
                )
            else:
                self.error.setText(str(exc))
            return
        except StoreError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class CustomerPointsTab(QWidget):
    """Emits ``points_changed(customer_id)`` after a redemption."""

    points_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPoints")
        self.customer_id: int | None = None
        self.name = ""
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.balance_label = QLabel()
        self.balance_label.setObjectName("pointsBalance")
        font = self.balance_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.balance_label.setFont(font)
        top.addWidget(self.balance_label, 1)
        self.redeem_button = QPushButton(icon("gift"), self.tr("Redeem…"))
        self.redeem_button.setObjectName("redeemPoints")
        self.redeem_button.setToolTip(self.tr("Take points off the balance for a gift or a discount"))
        self.redeem_button.clicked.connect(self.redeem)
        top.addWidget(self.redeem_button)
        layout.addLayout(top)
        self.rule_label = QLabel()
        self.rule_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.rule_label.setWordWrap(True)
        layout.addWidget(self.rule_label)
        self.history = QTreeWidget()
        self.history.setObjectName("pointsHistory")
        self.history.setRootIsDecorated(False)
        self.history.setUniformRowHeights(True)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Points"), self.tr("What for")])
        self.history.headerItem().setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.history.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.history, 1)
        self.show_customer(None)

    def show_customer(self, customer_id: int | None, name: str = "") -> None:
        self.customer_id = customer_id
        self.name = name
        self._stale = True
        self.redeem_button.setEnabled(customer_id is not None)
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def note_text(self, note: str) -> str:
        """The ledger's own notes in the user's language; a redemption's note as written."""
        return labels.POINTS_NOTES.name(note, QCoreApplication.translate)

    def refresh(self) -> None:
        self._stale = False
        self.history.clear()
        rule = store_points.points_rule()
        self.rule_label.setText(
            self.tr("%1 point(s) per ¥1 paid (Edit ▸ Tiers and points…)").replace("%1", rule.per_yuan_text)
        )
        if self.customer_id is None:
            self.balance_label.setText("")
            return
        balance = store_points.balance(self.customer_id)
        self.balance_label.setText(self.tr("Balance: %1 points").replace("%1", f"{balance:,}"))
        items = []
        for entry in store_points.history(self.customer_id):
            when = local_time(entry.at)
            what = self.note_text(entry.note)
            order_id = entry.order_id  # type: ignore[attr-defined]  # peewee adds <fk>_id
            if order_id is not None:
                what = self.tr("%1 (order %2)").replace("%1", what).replace("%2", str(order_id))
            item = QTreeWidgetItem([when.strftime("%Y-%m-%d %H:%M") if when else "", f"{entry.delta:+,}", what])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(2, what)
            items.append(item)
        self.history.addTopLevelItems(items)

    def redeem(self) -> bool:
        """The redeem dialog; True when points were redeemed."""
        if self.customer_id is None:
            return False
        dialog = RedeemDialog(self.customer_id, self.name, self)
        dialogs.launch(dialog)
        if dialog.entry is None:
            return False
        self.refresh()
        self.points_changed.emit(self.customer_id)
        return True


__all__ = ["CustomerPointsTab", "RedeemDialog"]
