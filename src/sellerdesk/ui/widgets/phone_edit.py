"""A phone field that follows masking mode (Ctrl+M): it shows ``138****5678`` and is read-only
until the user unmasks it — with Ctrl+M, or the eye button on the field for this field only.

``text()`` always gives the real number (the editor saves it; a masked field must never save
its stars), ``setText()`` takes the real number and shows it as the mode says.

``set_locked(True)``: masking is forced (a team helper without the phones permission,
``AppContext.mask_forced``): no eye button, and ``set_masked(False)`` is refused while the field
holds a number — only an empty field (a new customer's) may be unmasked to type one. The real
number stays in a Python attribute (for the save), never in the line edit's text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle

from sellerdesk.core.phones import mask_phone
from sellerdesk.ui.widgets.icons import icon


class PhoneEdit(QLineEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._masked = False
        self._real = ""
        self._locked = False
        self.reveal_action = self.addAction(icon("mask"), QLineEdit.ActionPosition.TrailingPosition)
        self.reveal_action.setToolTip(self.tr("Show this number (masking mode hides it)"))
        self.reveal_action.triggered.connect(self._reveal)
        self.reveal_action.setVisible(False)
        # room for a whole mobile number beside the eye button, masked or not
        button = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 12
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(mask_phone("13800005678") + "0") + button + 12)

    def masked(self) -> bool:
        return self._masked

    def locked(self) -> bool:
        return self._locked

    def set_locked(self, on: bool) -> None:
        """Masking forced by the user's role: the eye button gone, the number never shown."""
        self._locked = on
        if on and not self._masked and super().text():
            self.set_masked(True)
        self._show_eye()

    def _reveal(self) -> None:
        if not self._locked:
            self.set_masked(False)

    def _show_eye(self) -> None:
        shown = self._masked and bool(self._real) and not self._locked
        self.reveal_action.setVisible(shown)
        self.reveal_action.setEnabled(shown)

    def set_masked(self, on: bool) -> None:
        """Mask (read-only, stars shown) or unmask (the real number, editable again). Locked, a
        field holding a number stays masked."""
        if on == self._masked or (not on and self._locked and self._real):
            return
        blocked = self.blockSignals(True)  # the number does not change: no edit to report
        try:
            if on:
                self._real = super().text()
                self._masked = True
                super().setText(mask_phone(self._real))
                self.setCursorPosition(0)  # a narrow field shows the start, not the end
            else:
                self._masked = False
                super().setText(self._real)
        finally:
            self.blockSignals(blocked)
        self.setReadOnly(on)
        self._show_eye()

    def text(self) -> str:  # type: ignore[override]
        return self._real if self._masked else super().text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if self._masked:
            self._real = text or ""
            super().setText(mask_phone(self._real))
            self.setCursorPosition(0)
            self._show_eye()
        else:
            super().setText(text)

    def clear(self) -> None:
        self.setText("")
