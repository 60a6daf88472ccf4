"""核对周期: how many months each tier's addresses go before they are checked again.

Saved with :func:`store.recheck.save_cycles` (one transaction, audited); nothing is
recomputed: the due list reads the cycles each time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from sellerdesk.core.recheck import DEFAULT_CYCLES, MAX_CYCLE_MONTHS
from sellerdesk.core.tiers import LEVELS
from sellerdesk.store import recheck
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.errors import StoreError
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel


class CycleSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-check cycles"))
        self.setMinimumWidth(460)
        self.saved = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An address is due for a re-check when it was not confirmed within its customer's cycle. "
                "A confirmation is a verified stamp, an order delivered to it, or adding or editing it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        rules = store_tiers.tier_rules()
        current = recheck.cycles()
        self.spins: dict[str, QSpinBox] = {}
        for row, level in enumerate(reversed(LEVELS)):
            spin = QSpinBox()
            spin.setObjectName(f"cycle_{level}")
            spin.setRange(1, MAX_CYCLE_MONTHS)
            spin.setValue(current[level])
            spin.setSuffix(self.tr(" month(s)"))
            spin.setToolTip(
                self.tr("Default: %1; from 1 to %2 months")
                .replace("%1", str(DEFAULT_CYCLES[level]))
                .replace("%2", str(MAX_CYCLE_MONTHS))
            )
            grid.addWidget(QLabel(rules.name(level)), row, 0)
            grid.addWidget(spin, row, 1)
            self.spins[level] = spin
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        hint = QLabel(self.tr("Each cycle is 1 to %1 months.").replace("%1", str(MAX_CYCLE_MONTHS)))
        hint.setStyleSheet("color: #6b7280;")
        layout.addWidget(hint)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject))

    def values(self) -> dict[str, int]:
        return {level: spin.value() for level, spin in self.spins.items()}

    def accept(self) -> None:
        try:
            recheck.save_cycles(self.values())
        except StoreError as exc:
            self.error.setText(error_text(exc))
            return
        self.saved = True
        super().accept()


def edit_cycles(parent: QWidget) -> bool:
    """Show the dialog; True when new cycles were saved."""
    dialog = CycleSettingsDialog(parent)
    dialogs.launch(dialog)
    return dialog.saved
