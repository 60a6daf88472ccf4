"""The question asked when a customer is saved with a phone or WeChat ID another customer has:
"这个电话属于 王一：打开 / 合并 / 仍然新建" (issue 15)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from sellerdesk.store.models import Customer

OPEN = "open"
MERGE = "merge"
SAVE = "save"


class ExistingCustomerDialog(QDialog):
    """``choice`` after it closes: :data:`OPEN`, :data:`MERGE`, :data:`SAVE` or None (cancelled).

    ``how``: "phone" or "wechat"; ``new``: True for a new customer (仍然新建), False for an
    edit of a stored one (仍然保存)."""

    def __init__(self, how: str, value: str, other: Customer, *, new: bool, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("existingCustomerDialog")
        self.setWindowTitle(self.tr("Already a customer"))
        self.choice: str | None = None
        who = html.escape(other.name or other.phone or other.wechat or f"#{other.id}")
        if how == "phone":
            text = self.tr("This phone belongs to %1:").replace("%1", f"<b>{who}</b>")
        else:
            text = self.tr("This WeChat ID belongs to %1:").replace("%1", f"<b>{who}</b>")
        layout = QVBoxLayout(self)
        self.label = QLabel(text + f" <span style='color:#666'>{html.escape(value)}</span>")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        if new:
            hint = self.tr(
                "Open them, add this address to them (merge), or create a new customer anyway (a family "
                "or a shop may share one phone)."
            )
        else:
            hint = self.tr("Open them, merge the two customers, or save anyway.")
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        box = QDialogButtonBox()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            (OPEN, self.tr("Open")),
            (MERGE, self.tr("Merge")),
            (SAVE, self.tr("Create anyway") if new else self.tr("Save anyway")),
        ):
            button = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            self.buttons[key] = button
        self.buttons[OPEN].setDefault(True)
        box.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(box)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
