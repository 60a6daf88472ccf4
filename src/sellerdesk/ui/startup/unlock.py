"""The unlock dialog: master password, or the recovery code when the keyring lost the key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout

from sellerdesk.store.errors import StoreError
from sellerdesk.store.keys import MODE_PASSWORD
from sellerdesk.ui.widgets.forms import error_label, ok_cancel

# try_unlock(text) returns the key or raises StoreError (WrongKeyError) with a message.
Unlocker = Callable[[str], bytes]


class UnlockDialog(QDialog):
    def __init__(self, try_unlock: Unlocker, mode: str, reason: str = "", parent=None) -> None:
        super().__init__(parent)
        self._try_unlock = try_unlock
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("SellerDesk — unlock"))
        layout = QVBoxLayout(self)
        if mode == MODE_PASSWORD:
            text = self.tr("Enter your master password (or your recovery code) to open your customers.")
        else:
            text = self.tr(
                "The system keyring could not give SellerDesk its key. Enter your recovery code to open your customers."
            )
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if reason:
            detail = QLabel(reason)
            detail.setWordWrap(True)
            detail.setStyleSheet("color: palette(mid)")
            layout.addWidget(detail)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(
            self.tr("Master password or recovery code")
            if mode == MODE_PASSWORD
            else self.tr("Recovery code, e.g. 7K2QM-…")
        )
        layout.addWidget(self.secret)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject, ok_text=self.tr("Unlock"), cancel_text=self.tr("Quit")))
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        text = self.secret.text()
        if not text:
            self.error.setText(self.tr("Please type your password or recovery code."))
            return
        try:
            self.key = self._try_unlock(text)
        except StoreError:
            self.error.setText(self.tr("Wrong password or recovery code. Nothing was changed; please try again."))
            self.secret.selectAll()
            self.secret.setFocus()
            return
        super().accept()
