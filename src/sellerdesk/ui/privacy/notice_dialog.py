"""隐私告知: the text a seller sends customers about what is kept and why; edited, saved in the
database settings (so backups and the other computers have it), copied to the clipboard."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from sellerdesk.store import privacy
from sellerdesk.store.errors import StoreError
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import error_label


class NoticeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Privacy notice"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Send this to customers who ask what you keep about them. Edit it to fit your shop; "
                "Copy puts it on the clipboard for WeChat."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setPlainText(privacy.notice())
        layout.addWidget(self.text, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.default_button = QPushButton(self.tr("Default text"))
        self.buttons.addButton(self.default_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.default_button.clicked.connect(lambda: self.text.setPlainText(privacy.default_notice()))
        layout.addWidget(self.buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.error.setText("")
        self.setWindowTitle(self.tr("Privacy notice (copied)"))

    def save(self) -> bool:
        try:
            privacy.save_notice(self.text.toPlainText())
        except StoreError as exc:
            self.error.setText(error_text(exc))
            return False
        self.accept()
        return True
