"""文件 › 团队服务器…: where the team's PostgreSQL server is, who logs in, TLS, 测试连接, and
whether the app opens the team database instead of the local one at the next start.

The password goes to the OS keyring (``store.team_server.save_password``), never to the settings
file; an empty password field keeps the one already kept. With 每次启动时询问密码 nothing is kept
and the app asks at each start (``ui/startup/team.py``); when the keyring cannot be used (none,
locked, insecure) the dialog says so in one line and that choice is the only one. 测试连接 runs
in a job and answers "已连接：N 位客户" or one line naming the cause (``ui.team.texts.reason_text``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.jobs import runner
from sellerdesk.jobs.worker import Job
from sellerdesk.sentences import clause
from sellerdesk.store import team_env, team_server
from sellerdesk.store.errors import StoreError
from sellerdesk.store.postgres import redact
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore
from sellerdesk.store.team_server import DEFAULT_DATABASE, DEFAULT_PORT, TeamServer
from sellerdesk.ui.startup import keyring_text
from sellerdesk.ui.team import settings as team_settings
from sellerdesk.ui.team.texts import reason_text
from sellerdesk.ui.widgets.forms import error_label, ok_button, ok_cancel


def _test(server: TeamServer, password: str | None):
    """The job of 测试连接: ("ok", count or None) or ("failed", reason code)."""

    def work(_progress, _token):
        try:
            return ("ok", team_server.check_connection(server, password))
        except StoreError as exc:
            return ("failed", team_server.reason_of(exc))

    return work


class TeamServerDialog(QDialog):
    def __init__(self, settings, secret_store: SecretStore | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("teamServerDialog")
        self.setWindowTitle(self.tr("Team server"))
        self.settings = settings
        self.secret_store = secret_store
        self.job: Job | None = None
        self.keyring_problem = team_server.keyring_problem(secret_store)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Several people on several computers can share one customer list on a PostgreSQL server. "
                "Ask the owner of the server for its address, your user name and your password."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.env_note = QLabel()
        self.env_note.setObjectName("teamEnvNote")
        self.env_note.setWordWrap(True)
        self.env_note.setStyleSheet("color: #b45309;")
        layout.addWidget(self.env_note)
        url = team_env.team_url()
        if url:  # the environment wins over these settings (app.start), as for sellerdesk-cli
            self.env_note.setText(
                self.tr("%1 is set: SellerDesk opens %2 at start, not the server below.")
                .replace("%1", team_env.URL_ENV)
                .replace("%2", redact(url))
            )
        else:
            self.env_note.hide()
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20 or db.example.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(DEFAULT_DATABASE)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QCheckBox(self.tr("Encrypt the connection and check the server's certificate (TLS, verify-full)"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("CA certificate (.pem); empty: the system's"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._pick_ca_file)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file, 1)
        ca_layout.addWidget(browse)
        self.tls.toggled.connect(ca_row.setEnabled)
        ca_row.setEnabled(False)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.tls)
        form.addRow(self.tr("CA file"), ca_row)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("teamTestResult")
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        self.open_at_start = QCheckBox(self.tr("Open the team database instead of the data on this computer at start"))
        layout.addWidget(self.open_at_start)
        self.note = QLabel()  # where the password goes (_show_password_place)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.ask_password = QCheckBox(self.tr("Ask for the password at each start"))
        self.ask_password.setObjectName("teamAskPassword")
        self.ask_password.toggled.connect(self._show_password_place)
        layout.addWidget(self.ask_password)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("teamKeyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: #b45309;")
        layout.addWidget(self.keyring_note)
        if self.keyring_problem is not None:
            self.keyring_note.setText(self.no_keyring_text(self.keyring_problem))
            self.ask_password.setChecked(True)
            self.ask_password.setEnabled(False)  # nowhere to keep it: asking is the only way
        else:
            self.keyring_note.hide()
        layout.addWidget(self.note)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self.accept, self.reject, ok_text=self.tr("Save"))
        layout.addWidget(self.buttons)
        self._load()
        self._show_password_place()
        self.resize(560, self.sizeHint().height())

    def no_keyring_text(self, problem: KeyringUnavailable) -> str:
        """The one line saying the password cannot be kept here, and why."""
        text = self.tr("The system keyring cannot keep the password (%1): SellerDesk asks for it at each start.")
        return text.replace("%1", clause(keyring_text.describe(problem)))

    def _show_password_place(self) -> None:
        """The password field's placeholder: where the password goes (or already is)."""
        if self.ask_password.isChecked():
            self.password.setPlaceholderText(self.tr("(only for Test connection; asked at each start)"))
            self.note.setText(
                self.tr(
                    "The password is never written to the settings file. The change takes effect at the next start "
                    "of SellerDesk."
                )
            )
            return
        self.note.setText(
            self.tr(
                "The password is kept in the system keyring, not in the settings file. The change takes effect "
                "at the next start of SellerDesk."
            )
        )
        server = team_settings.read_server(self.settings)
        kept = server is not None and self._kept_password(server) is not None
        self.password.setPlaceholderText(self.tr("(kept in the system keyring)") if kept else "")

    def _load(self) -> None:
        server = team_settings.read_server(self.settings)
        if server is None:
            return
        self.host.setText(server.host)
        self.port.setValue(server.port)
        self.database.setText(server.database)
        self.user.setText(server.user)
        self.tls.setChecked(server.tls)
        self.ca_file.setText(server.ca_file)
        self.open_at_start.setChecked(team_settings.opens_at_start(self.settings))
        if self.keyring_problem is None:
            self.ask_password.setChecked(team_settings.asks_password(self.settings))

    def _kept_password(self, server: TeamServer) -> str | None:
        if self.keyring_problem is not None:
            return None
        try:
            return team_server.load_password(server, self.secret_store)
        except KeyringUnavailable:
            return None

    def _pick_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt);;All files (*)")
        )
        if path:
            self.ca_file.setText(path)

    def server(self) -> TeamServer | None:
        """The form as a server; None (and the reason under the form) when it is incomplete."""
        host, user = self.host.text().strip(), self.user.text().strip()
        if not host or not user:
            self.error.setText(self.tr("Please fill in the server and the user name."))
            return None
        if self.tls.isChecked() and self.ca_file.text().strip():
            from pathlib import Path

            if not Path(self.ca_file.text().strip()).is_file():
                self.error.setText(self.tr("The CA file %1 does not exist.").replace("%1", self.ca_file.text().strip()))
                return None
        self.error.setText("")
        return TeamServer(
            host=host,
            user=user,
            port=self.port.value(),
            database=self.database.text().strip() or DEFAULT_DATABASE,
            tls=self.tls.isChecked(),
            ca_file=self.ca_file.text().strip() if self.tls.isChecked() else "",
        )

    def _password(self, server: TeamServer) -> str | None:
        return self.password.text() or self._kept_password(server)

    def test_connection(self) -> None:
        server = self.server()
        if server is None:
            return
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Connecting…"))
        password = self._password(server)
        self.job = Job(_test(server, password), "team-test", self)
        self.job.succeeded.connect(lambda outcome: self._tested(server, outcome, asked=password is not None))
        self.job.failed.connect(lambda message: self._tested(server, ("failed", team_server.OTHER)))
        self.job.finished.connect(lambda: self.test_button.setEnabled(True))
        runner.start(self.job)

    def _tested(self, server: TeamServer, outcome, *, asked: bool = True) -> None:
        kind, value = outcome
        if kind != "ok" and value == team_server.LOGIN and not asked:
            # no password typed and none kept: not a wrong one (QA: it said 用户名或密码错误)
            self.test_result.setStyleSheet("color: #b3261e;")
            self.test_result.setText(
                self.tr("The server %1 wants a password for %2: type it above and test again.")
                .replace("%1", server.where())
                .replace("%2", server.user)
            )
            return
        if kind == "ok":
            self.test_result.setStyleSheet("color: #15803d;")
            if value is None:
                self.test_result.setText(
                    self.tr("Connected: the database is empty; SellerDesk sets it up when it opens it.")
                )
            else:
                self.test_result.setText(self.tr("Connected: %n customer(s).", "", value))
        else:
            self.test_result.setStyleSheet("color: #b3261e;")
            self.test_result.setText(reason_text(value, server))

    def accept(self) -> None:
        server = self.server()
        if server is None:
            return
        ask = self.ask_password.isChecked()
        try:
            if ask and self.keyring_problem is None:
                team_server.forget_password(server, self.secret_store)  # asked from now on: none kept
            elif not ask and self.password.text():
                team_server.save_password(server, self.password.text(), self.secret_store)
        except KeyringUnavailable as exc:
            self.error.setText(
                self.tr("The system keyring cannot keep the password (%1). Nothing was saved.").replace(
                    "%1", clause(keyring_text.describe(exc))
                )
            )
            return
        nothing_kept = not ask and not self.password.text() and self._kept_password(server) is None
        if nothing_kept and self.open_at_start.isChecked():
            self.error.setText(self.tr("Please type the password: none is kept for this user and server."))
            return
        team_settings.write_server(
            self.settings, server, open_at_start=self.open_at_start.isChecked(), ask_password=ask
        )
        super().accept()

    def save_button(self):
        return ok_button(self.buttons)
