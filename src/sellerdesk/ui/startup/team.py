"""Opening the team database at start (team mode, issue 20), when the settings say so.

The password comes from the OS keyring (``store.team_server.load_password``); the database is
opened by ``store.database.open_team`` (migrated to this version's schema). When the server
cannot be used the app says so plainly — one line naming the cause — and offers 重试, 打开本机数据
(this session only, said in the title) or 退出: it never works on the local data silently.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from sellerdesk.store import team_server
from sellerdesk.store.errors import StoreError
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore
from sellerdesk.store.team_server import TeamServer
from sellerdesk.ui.startup import keyring_text
from sellerdesk.ui.team.texts import reason_text
from sellerdesk.ui.widgets import dialogs

log = logging.getLogger(__name__)

OPENED = "team"
RETRY = "retry"
LOCAL = "local"
QUIT = "quit"


class ServerUnreachableDialog(QDialog):
    """``choice`` after it closes: :data:`RETRY`, :data:`LOCAL` or :data:`QUIT` (closed: quit)."""

    def __init__(self, server: TeamServer, reason: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("serverUnreachableDialog")
        self.setWindowTitle(self.tr("Team server"))
        self.choice = QUIT
        layout = QVBoxLayout(self)
        title = self.tr("SellerDesk cannot open the team database.")
        self.label = QLabel(f"<b>{title}</b><br>{reason}")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        note = QLabel(
            self.tr(
                "Nothing was changed. Retry when the server is back, or open the data on this computer for now "
                "(what you change there does not reach the team)."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        box = QDialogButtonBox()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            (RETRY, self.tr("Retry")),
            (LOCAL, self.tr("Open the data on this computer")),
            (QUIT, self.tr("Quit")),
        ):
            button = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            self.buttons[key] = button
        self.buttons[RETRY].setDefault(True)
        layout.addWidget(box)
        self.resize(520, self.sizeHint().height())

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()


def open_team_database(server: TeamServer, secret_store: SecretStore | None = None) -> str:
    """Open ``server``'s database (bound as the store); :data:`OPENED`, or the user's choice after
    a failure: :data:`LOCAL` or :data:`QUIT`."""
    from sellerdesk.store.database import open_team

    while True:
        try:
            password = team_server.load_password(server, secret_store)
            open_team(server.url(), password=password, create=False)
            return OPENED
        except KeyringUnavailable as exc:
            log.warning("team server: the keyring cannot give the password: %s", exc)
            text = keyring_text.describe(exc)
        except StoreError as exc:
            log.warning("team server %s cannot be used: %s", server.where(), exc)
            text = reason_text(team_server.reason_of(exc), server)
        dialog = ServerUnreachableDialog(server, text)
        dialogs.launch(dialog)
        if dialog.choice != RETRY:
            return dialog.choice
