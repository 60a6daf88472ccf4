"""Opening the team database at start (team mode, issue 20), when the settings or
``SELLERDESK_DATABASE_URL`` (``store.team_env``, read in ``app.start``) say so.

The password: the environment's (``SELLERDESK_PASSWORD`` or the URL's), else the OS keyring's
(``store.team_server.load_password``; not with 每次启动时询问密码), else asked in
:class:`TeamPasswordDialog` — the server named, 记住密码 offered only when the keyring can keep it.
A wrong password asks again with the server's refusal in one line. The database is opened by
``store.database.connect_team`` (migrated to this version's schema) in a worker thread, with the
role and phones permission read there too (``store.team.standing``), while :class:`ConnectingDialog`
says 正在连接团队服务器… with a Cancel: the window never freezes for the connect timeout
(``postgres.CONNECT_TIMEOUT_S``). The UI thread then binds the database and takes over the worker's
connection (``TeamDatabase.adopt_connection``), so it does not log in a second time. Cancel is the
same as a server that cannot be used: when the server cannot be used, the connecting is cancelled,
or the password dialog is cancelled, the app says so plainly — one line naming the cause — and
offers 重试, 打开本机数据 (this session only, said in the title) or 退出: it never works on the local
data silently. A connect still under way when cancelled ends in its worker, which closes what it
opened; nothing of it is bound.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from sellerdesk.store import team_server
from sellerdesk.store.errors import ServerLoginError, StoreError
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore
from sellerdesk.store.team import Standing
from sellerdesk.store.team_server import TeamServer
from sellerdesk.ui.startup import keyring_text
from sellerdesk.ui.team.texts import reason_text
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import server_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel

log = logging.getLogger(__name__)

OPENED = "team"
RETRY = "retry"
LOCAL = "local"
QUIT = "quit"
CANCELLED = "cancelled"
POLL_MS = 50  # how often the connecting dialog looks for the worker's outcome


@dataclass
class Connected:
    """What the connecting worker hands the UI thread: the migrated database (not bound), its
    connection (released by the worker) and the user's :class:`~sellerdesk.store.team.Standing`."""

    db: Any
    conn: Any
    standing: Standing

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()


def _connect(url: str, user: str | None, password: str | None) -> Connected:
    """The worker's part: connect, migrate, read the user's standing, let go of the connection."""
    from sellerdesk.store import team as team_store
    from sellerdesk.store.database import connect_team

    db = connect_team(url, user=user, password=password, create=False)
    try:
        standing = team_store.standing(db)
    except Exception:
        db.close()
        raise
    return Connected(db, db.release_connection(), standing)


class ConnectingDialog(QDialog):
    """正在连接团队服务器 %1 … with a busy bar and Cancel, while a worker thread connects
    (:func:`_connect`). :meth:`run` returns the :class:`Connected`, raises what the connect raised,
    or returns :data:`CANCELLED`; a connect that finishes after Cancel is closed, never used."""

    def __init__(self, server: TeamServer, password: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("teamConnectingDialog")
        self.setWindowTitle(self.tr("Team server"))
        self.server = server
        self.password = password
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Connecting to the team server %1 …").replace("%1", server.where()))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: a connect has no steps to count
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.outcome: object = None  # Connected, an exception, or CANCELLED
        self.thread: threading.Thread | None = None
        # The worker hands its outcome over through a plain queue the dialog polls: no Qt call from a
        # thread Qt does not know (a signal emitted from it crashed the test run now and then), and a
        # late outcome after Cancel is closed under the lock, by whichever side comes second.
        self._box: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._abandoned = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._take)
        self.resize(420, self.sizeHint().height())

    def run(self) -> Connected | str:
        """Connect in a worker while this dialog is shown (modal); the outcome."""
        box, lock = self._box, self._lock
        url, user, password = self.server.url(), self.server.user or None, self.password

        def work() -> None:
            try:
                result: object = _connect(url, user, password)
            except Exception as exc:  # noqa: BLE001 (handed to the UI thread, raised there)
                result = exc
            with lock:
                if not self._abandoned:
                    box.put(result)
                    return
            if isinstance(result, Connected):  # cancelled meanwhile: nobody takes it
                result.close()

        self.thread = threading.Thread(target=work, name="team-connect", daemon=True)
        self.thread.start()
        self._poll.start()
        if self.outcome is None:
            self.exec()  # not dialogs.launch: nothing to answer; it closes itself when the worker is done
        self._poll.stop()
        outcome = self.outcome
        if isinstance(outcome, Exception):
            raise outcome
        assert isinstance(outcome, (Connected, str))
        return outcome

    def _take(self) -> None:
        """The worker's outcome, once it is there (polled every :data:`POLL_MS` on the UI thread)."""
        try:
            result = self._box.get_nowait()
        except queue.Empty:
            return
        self._poll.stop()
        self.outcome = result
        self.accept()

    def reject(self) -> None:
        """Cancel: the worker is left to finish on its own (a connect cannot be interrupted)."""
        if self.outcome is None:
            self.outcome = CANCELLED
            log.info("connecting to the team server %s cancelled", self.server.where())
            self._poll.stop()
            with self._lock:  # from here the worker closes what it gets; what it gave already is closed here
                self._abandoned = True
                while not self._box.empty():
                    late = self._box.get_nowait()
                    if isinstance(late, Connected):
                        late.close()
        super().reject()


class ServerUnreachableDialog(QDialog):
    """``choice`` after it closes: :data:`RETRY`, :data:`LOCAL` or :data:`QUIT` (closed: quit)."""

    def __init__(
        self, server: TeamServer | None, reason: str, parent=None, *, can_retry: bool = True, asked: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverUnreachableDialog")
        self.setWindowTitle(self.tr("Team server"))
        self.choice = QUIT
        layout = QVBoxLayout(self)
        title = self.tr("SellerDesk cannot open the team database.")
        self.label = QLabel(f"<b>{escape(title)}</b><br>{escape(reason)}")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        if asked:  # the password dialog was cancelled: the server is not the trouble
            text = self.tr(
                "Nothing was changed. Retry to type the password, or open the data on this computer for now "
                "(what you change there does not reach the team)."
            )
        else:
            text = self.tr(
                "Nothing was changed. Retry when the server is back, or open the data on this computer for now "
                "(what you change there does not reach the team)."
            )
        self.note = QLabel(text)
        note = self.note
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
        self.buttons[RETRY].setVisible(can_retry)
        layout.addWidget(box)
        self.resize(520, self.sizeHint().height())

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()


class TeamPasswordDialog(QDialog):
    """Asks for the team password at start: the user and server named, the password, 记住密码
    (unchecked; disabled, with the reason, when the keyring cannot keep it) and the red line of a
    refused login. :meth:`password` and :meth:`remember` after it is accepted."""

    def __init__(
        self,
        server: TeamServer,
        keyring_problem: KeyringUnavailable | None = None,
        refused: str = "",
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamPasswordDialog")
        self.setWindowTitle(self.tr("Team server"))
        layout = QVBoxLayout(self)
        self.label = QLabel(
            self.tr("Password of %1 on the team server %2 (database %3):")
            .replace("%1", f"<b>{escape(server.user)}</b>")
            .replace("%2", f"<b>{escape(server.where())}</b>")
            .replace("%3", escape(server.database))
        )
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.field = QLineEdit()
        self.field.setObjectName("teamPassword")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.field)
        self.remember_box = QCheckBox(self.tr("Remember the password (system keyring)"))
        self.remember_box.setChecked(False)
        layout.addWidget(self.remember_box)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #555;")
        layout.addWidget(self.keyring_note)
        if keyring_problem is not None:
            self.remember_box.setEnabled(False)
            self.keyring_note.setText(keyring_text.describe(keyring_problem))
        else:
            self.keyring_note.hide()
        self.error = error_label()
        self.error.setText(refused)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject, ok_text=self.tr("Connect")))
        self.field.setFocus()
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        if not self.field.text():
            self.error.setText(self.tr("Please type the password."))
            return
        super().accept()

    def password(self) -> str:
        return self.field.text()

    def remember(self) -> bool:
        return self.remember_box.isEnabled() and self.remember_box.isChecked()


def no_password_text(server: TeamServer) -> str:
    return (
        QCoreApplication.translate("TeamPasswordDialog", "No password was given for %1 on the team server %2.")
        .replace("%1", server.user)
        .replace("%2", server.where())
    )


def open_team_database(
    server: TeamServer,
    secret_store: SecretStore | None = None,
    *,
    password: str | None = None,
    ask_always: bool = False,
    settings=None,
) -> str:
    """Open ``server``'s database (bound as the store); :data:`OPENED`, or the user's choice after
    a failure: :data:`LOCAL` or :data:`QUIT`. ``password``: the environment's (tried first);
    ``ask_always``: 每次启动时询问密码 (the keyring neither read nor offered unless 记住 is ticked);
    ``settings``: where 记住密码 turns 每次启动时询问密码 off again."""
    refused = ""  # the server's refusal of the last password, shown when asking again
    while True:
        remember = False
        problem: KeyringUnavailable | None = None
        if password is None and not ask_always and not refused:
            try:
                password = team_server.load_password(server, secret_store)
            except KeyringUnavailable as exc:
                log.warning("team server: the keyring cannot give the password: %s", exc)
                problem = exc
        if password is None:
            if problem is None:
                problem = team_server.keyring_problem(secret_store)
            asked = TeamPasswordDialog(server, problem, refused)
            if dialogs.launch(asked) != QDialog.DialogCode.Accepted:
                refused = ""
                choice = choose(server, no_password_text(server), asked=True)
                if choice == RETRY:
                    continue
                return choice
            password, remember = asked.password(), asked.remember()
        try:
            connected = ConnectingDialog(server, password).run()
        except ServerLoginError as exc:
            log.warning("team server %s refused the login of %s: %s", server.where(), server.user, exc)
            refused = reason_text(team_server.LOGIN, server)
            password = None
            continue
        except StoreError as exc:
            log.warning("team server %s cannot be used: %s", server.where(), exc)
            reason = team_server.reason_of(exc)  # (OTHER: the error's own translated line, if it has one)
            choice = choose(server, (reason == team_server.OTHER and server_text(exc)) or reason_text(reason, server))
            if choice == RETRY:
                continue  # the same password again
            return choice
        if connected == CANCELLED:
            choice = choose(server, cancelled_text(server))
            if choice == RETRY:
                continue
            return choice
        assert isinstance(connected, Connected)
        _bind(connected)
        if remember:
            _remember(server, password, secret_store, settings)
        return OPENED


def _bind(connected: Connected) -> None:
    """The connected database as the store, the worker's connection this thread's, the standing kept."""
    from sellerdesk.store.models import DB

    connected.db.adopt_connection(connected.conn)
    connected.db.standing = connected.standing  # TeamController.apply_role reads it instead of the server
    DB.initialize(connected.db)


def cancelled_text(server: TeamServer) -> str:
    return QCoreApplication.translate("ConnectingDialog", "Connecting to the team server %1 was cancelled.").replace(
        "%1", server.where()
    )


def choose(server: TeamServer | None, reason: str, *, can_retry: bool = True, asked: bool = False) -> str:
    """:class:`ServerUnreachableDialog`'s answer: :data:`RETRY`, :data:`LOCAL` or :data:`QUIT`."""
    dialog = ServerUnreachableDialog(server, reason, can_retry=can_retry, asked=asked)
    dialogs.launch(dialog)
    return dialog.choice


def _remember(server: TeamServer, password: str, secret_store: SecretStore | None, settings) -> None:
    """记住密码: into the keyring, and 每次启动时询问密码 off (the database is open: never fatal)."""
    try:
        team_server.save_password(server, password, secret_store)
    except KeyringUnavailable as exc:
        log.warning("team server: the keyring could not keep the password: %s", exc)
        return
    if settings is not None:
        from sellerdesk.ui.team import settings as team_settings

        team_settings.set_asks_password(settings, False)
