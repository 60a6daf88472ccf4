"""The header-row picker of the dialogs that read a sheet a seller brings (a courier's blank
template, a courier's result sheet): the sheet row that holds the column names, rows above
it being titles. With ``automatic`` its lowest value, 0, reads "found by itself" (the row the
reader finds under the title rows)."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

MAX_ROW = 100  # (the reader looks for a header among the first rows; a blank template's is near the top)


class HeaderRowSpin(QSpinBox):
    def __init__(self, row: int | None = None, *, automatic: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerRow")
        self.setRange(0 if automatic else 1, MAX_ROW)
        if automatic:
            self.setSpecialValueText(self.tr("Found by itself"))
        self.setToolTip(self.tr("The row of the sheet with the column names; the rows above it are titles"))
        self.setValue(row if row is not None else self.minimum())
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 16) + 40)  # a number, not a line

    def row(self) -> int | None:
        """The chosen row; None: found by itself."""
        value = self.value()
        return None if value == 0 else value
