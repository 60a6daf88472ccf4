"""The editor's 等级 row: the customer's tier, whether it was set by hand, and the controls.

A tier is computed from the last 12 months of orders (``store.tiers``); picking a level in
the combo sets it by hand at once (:func:`store.tiers.set_manual_tier`, one transaction, like
"mark verified": it is a fact, not a form edit), and "Back to automatic" clears that. The
customer form's Save never writes the tier, so a hand-set tier survives any other edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from sellerdesk.core.tiers import LEVELS, TierRules
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.errors import StoreError
from sellerdesk.store.models import Customer
from sellerdesk.ui.widgets.icons import icon


class _LevelCombo(QComboBox):
    """A combo the mouse wheel passes over: scrolling the form must never set a tier."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class TierField(QWidget):
    """Emits ``changed(customer_id)`` after it wrote a tier, ``failed(text)`` when the store refused."""

    changed = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_id: int | None = None
        self.manual = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = _LevelCombo()
        self.combo.setObjectName("tierCombo")
        self.combo.setToolTip(self.tr("Pick a level to set it by hand; it then stays until set back to automatic."))
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(self._picked)
        layout.addWidget(self.combo)
        self.pin = QLabel()
        self.pin.setPixmap(icon("pin").pixmap(16, 16))
        layout.addWidget(self.pin)
        self.state = QLabel()
        self.state.setObjectName("tierState")
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.state, 1)
        self.automatic_button = QToolButton()
        self.automatic_button.setObjectName("tierAutomatic")
        self.automatic_button.setText(self.tr("Back to automatic"))
        self.automatic_button.setToolTip(self.tr("Clear the hand-set tier: compute it from the orders again"))
        self.automatic_button.clicked.connect(self.clear_manual)
        layout.addWidget(self.automatic_button)
        self.show_customer(None)

    def show_customer(self, customer: Customer | None) -> None:
        """Show ``customer``'s tier (None: a new customer, whose tier comes once saved)."""
        self.customer_id = customer.id if customer is not None else None
        rules = store_tiers.tier_rules()
        if customer is None:
            self._fill(rules, None, "")
            self.manual = False
            self.combo.setEnabled(False)
            self.pin.setVisible(False)
            # one word, as for a saved customer: the sentence was cut to 保存后自 at 1366 px
            self.state.setText(self.tr("Automatic"))
            self.state.setToolTip(self.tr("computed once saved"))
            self.state.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.automatic_button.setVisible(False)
            return
        info = store_tiers.tier_info(customer, rules)
        self._fill(rules, info.level, info.value)
        self.manual = info.manual
        self.combo.setEnabled(True)
        self.pin.setVisible(info.manual)
        self.automatic_button.setVisible(info.manual)
        if info.manual:
            computed = self._computed(customer.id)
            text = self.tr("Set by hand")
            if computed is not None and computed != info.level:
                text = self.tr("Set by hand; automatic would be %1").replace("%1", rules.name(computed))
            self.state.setText(text)
            self.state.setToolTip(text)
        else:
            self.state.setText(self.tr("Automatic"))
            self.state.setToolTip(
                self.tr("From the spend and order count of the last 12 months (Edit ▸ Tiers and points…)")
            )
        role = QPalette.ColorRole.WindowText if info.manual else QPalette.ColorRole.PlaceholderText
        self.state.setForegroundRole(role)

    def _fill(self, rules: TierRules, level: str | None, value: str) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for key in LEVELS:
            self.combo.addItem(rules.name(key), key)
        if level is None and value:  # a hand-typed tier such as VIP: shown, not offered
            self.combo.addItem(value, None)
            self.combo.setCurrentIndex(self.combo.count() - 1)
        else:
            self.combo.setCurrentIndex(max(0, self.combo.findData(level or LEVELS[0])))
        self.combo.blockSignals(False)

    @staticmethod
    def _computed(customer_id: int) -> str | None:
        from sellerdesk.store.orders import customer_summary

        try:
            return str(customer_summary(customer_id, top=0).computed_tier)
        except StoreError:
            return None

    def current_level(self) -> str | None:
        level = self.combo.currentData()
        return level if isinstance(level, str) else None

    def _picked(self, index: int) -> None:
        key = self.combo.itemData(index)
        if key is None or self.customer_id is None:
            return
        self.set_manual(key)

    def set_manual(self, level: str) -> bool:
        """Set the tier by hand (written at once); False when the store refused."""
        return self._write(level)

    def clear_manual(self) -> bool:
        """Back to automatic: the tier is computed from the orders again."""
        return self._write(None)

    def _write(self, level: str | None) -> bool:
        if self.customer_id is None:
            return False
        customer_id = self.customer_id
        try:
            customer = store_tiers.set_manual_tier(customer_id, level)
        except StoreError as exc:
            from sellerdesk.ui.widgets.errors import error_text

            self.show_customer(Customer.get_or_none(Customer.id == customer_id))
            self.failed.emit(error_text(exc))
            return False
        self.show_customer(customer)
        self.changed.emit(customer_id)
        return True


__all__ = ["TierField"]
