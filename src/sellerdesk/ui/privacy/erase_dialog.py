"""彻底删除: the strong confirmation before a customer is erased for good. The user types the
customer's name (or, for someone without one, their customer number) before the button wakes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from sellerdesk.core.phones import mask_phone
from sellerdesk.ui.widgets.forms import error_label, ok_button, ok_cancel


class EraseDialog(QDialog):
    def __init__(self, people: list[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        """``people``: (id, name, phone) of each customer to erase."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase for good"))
        self.people = people
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if len(people) == 1:
            cid, name, phone = people[0]
            who = name or mask_phone(phone) or self.tr("customer %1").replace("%1", str(cid))
            self.expected = name or str(cid)
            head = self.tr("Erase %1 for good?").replace("%1", who)
            ask = (
                self.tr("Type the customer's name to confirm:")
                if name
                else self.tr("Type the customer number %1 to confirm:").replace("%1", str(cid))
            )
        else:
            self.expected = str(len(people))
            head = self.tr("Erase %n customer(s) for good?", "", len(people))
            ask = self.tr("Type the number of customers (%1) to confirm:").replace("%1", self.expected)
        self.head = QLabel(f"<b>{head}</b>")
        layout.addWidget(self.head)
        self.explain = QLabel(
            self.tr(
                "Their name, phone, WeChat ID, addresses and address history are erased from the database and "
                "the search for good; this cannot be undone, not even from the Trash.\n\n"
                "Their orders stay for your sales totals, without name, phone or address.\n\n"
                "Backups made before still hold them: make a new backup afterwards, and delete older ones "
                "if the customer asked you to."
            )
        )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.ask = QLabel(ask)
        layout.addWidget(self.ask)
        self.typed = QLineEdit()
        self.typed.textChanged.connect(self._check)
        layout.addWidget(self.typed)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self.accept, self.reject, ok_text=self.tr("Erase for good"))
        layout.addWidget(self.buttons)
        self._check()

    def confirmed(self) -> bool:
        return self.typed.text().strip() == self.expected

    def _check(self, *_args) -> None:
        ok_button(self.buttons).setEnabled(self.confirmed())

    def accept(self) -> None:
        if not self.confirmed():
            self.error.setText(self.tr("That is not what was asked for; nothing was erased."))
            return
        super().accept()
