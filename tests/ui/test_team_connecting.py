"""Connecting to the team server at start happens in a worker (ui/startup/team.py): the window
keeps running while a server does not answer, 正在连接团队服务器 … offers Cancel, and Cancel leads
to 重试 / 打开本机数据 / 退出 with nothing bound, even when the connect ends later."""

from __future__ import annotations

import contextlib
import socket
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sellerdesk.store import team_server
from sellerdesk.store.postgres import parse_url
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.team_server import TeamServer
from sellerdesk.ui.startup import team as startup_team
from sellerdesk.ui.startup.team import ConnectingDialog, ServerUnreachableDialog, open_team_database


class Blackhole:
    """A TCP port that accepts connections and never answers: libpq waits there for the server's
    first byte until its connect timeout (a server hung, or a firewall that swallows the packets)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                self.held.append(conn)  # never read, never answered
                self.accepted.set()

    def close(self) -> None:
        """Hang up: the client's connect ends at once (with an error)."""
        for conn in self.held:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()


@pytest.fixture
def blackhole():
    hole = Blackhole()
    yield hole
    hole.close()


def _visible_connecting() -> ConnectingDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ConnectingDialog) and widget.isVisible():
            return widget
    return None


def test_a_server_that_does_not_answer_leaves_the_ui_live_and_cancel_offers_the_choice(
    isolated_environment, qtbot, modals, blackhole, chinese
):
    from sellerdesk.store.models import DB

    server = TeamServer(host="127.0.0.1", port=blackhole.port, user="ann")
    keyring = MemorySecretStore()
    team_server.save_password(server, "kept", keyring)
    ticks: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(0)  # runs whenever the UI thread's event loop does
    seen: dict[str, object] = {}

    def drive() -> None:
        qtbot.waitUntil(lambda: _visible_connecting() is not None)
        dialog = _visible_connecting()
        assert dialog is not None
        seen["dialog"] = dialog
        seen["label"] = dialog.label.text()
        # the worker is inside the connect, waiting for a server that never answers …
        qtbot.waitUntil(blackhole.accepted.is_set)
        before = len(ticks)
        # … while the UI thread keeps handling events (a frozen window would stop the ticker)
        qtbot.waitUntil(lambda: len(ticks) > before + 5)
        seen["connecting_meanwhile"] = dialog.thread is not None and dialog.thread.is_alive()
        seen["cancel_text"] = dialog.cancel_button.text()
        dialog.cancel_button.click()

    choices: list[str] = []

    def answer(dialog: ServerUnreachableDialog) -> None:
        choices.append(dialog.label.text())
        dialog.buttons[startup_team.LOCAL].click()

    modals.on(ServerUnreachableDialog, answer)
    QTimer.singleShot(0, drive)
    assert open_team_database(server, keyring) == startup_team.LOCAL
    ticker.stop()

    assert seen["label"] == f"正在连接团队服务器 {server.where()} …"
    assert seen["cancel_text"] == "取消"
    assert seen["connecting_meanwhile"] is True  # Cancel answered before the connect ended
    assert len(choices) == 1
    assert f"已取消连接团队服务器 {server.where()}。" in choices[0]
    assert DB.obj is None

    # the connect still under way ends (the server hangs up) in its worker; nothing of it is used
    dialog = seen["dialog"]
    assert isinstance(dialog, ConnectingDialog) and dialog.thread is not None
    blackhole.close()
    qtbot.waitUntil(lambda: not dialog.thread.is_alive())
    QApplication.processEvents()
    assert dialog.outcome == startup_team.CANCELLED
    assert DB.obj is None


def test_retry_after_cancel_connects_again(isolated_environment, qtbot, modals, blackhole):
    server = TeamServer(host="127.0.0.1", port=blackhole.port, user="ann")
    keyring = MemorySecretStore()
    team_server.save_password(server, "kept", keyring)
    dialogs_seen: list[ConnectingDialog] = []

    def cancel_when_shown() -> None:
        qtbot.waitUntil(lambda: _visible_connecting() is not None)
        dialog = _visible_connecting()
        assert dialog is not None
        dialogs_seen.append(dialog)
        dialog.cancel_button.click()

    asked: list[int] = []

    def answer(dialog: ServerUnreachableDialog) -> None:
        asked.append(1)
        if len(asked) == 1:
            QTimer.singleShot(0, cancel_when_shown)
            dialog.buttons[startup_team.RETRY].click()
        else:
            dialog.buttons[startup_team.QUIT].click()

    modals.on(ServerUnreachableDialog, answer)
    QTimer.singleShot(0, cancel_when_shown)
    assert open_team_database(server, keyring) == startup_team.QUIT
    assert len(asked) == 2 and len(dialogs_seen) == 2  # Retry connected again, with its own Cancel
    blackhole.close()
    for dialog in dialogs_seen:
        assert dialog.thread is not None
        qtbot.waitUntil(lambda d=dialog: not d.thread.is_alive())


def test_the_worker_s_connection_and_role_are_the_window_s(isolated_environment, qtbot, pg_database):
    """Opened in the worker, used on the UI thread: one login, the role read once there."""
    from sellerdesk.store import team as team_store
    from sellerdesk.store.database import close_store
    from sellerdesk.store.models import DB

    params = parse_url(pg_database)
    server = TeamServer(host=params["host"], port=int(params["port"]), database=params["dbname"], user=params["user"])
    keyring = MemorySecretStore()
    team_server.save_password(server, params["password"], keyring)
    try:
        assert open_team_database(server, keyring) == startup_team.OPENED
        db = DB.obj
        assert db.standing == team_store.Standing(team_store.current_role(), team_store.may_see_phones())
        assert len(db.backend_pids) == 1  # the UI thread's reads went over the worker's connection
    finally:
        close_store()


def test_a_server_too_old_is_named_with_its_version(isolated_environment, qtbot, modals, pg_database, monkeypatch):
    """An older PostgreSQL than the schema needs: the choice names the server's version, not only
    'could not be used' (the test server is made to look old)."""
    from sellerdesk.store import postgres
    from sellerdesk.store.models import DB

    params = parse_url(pg_database)
    server = TeamServer(host=params["host"], port=int(params["port"]), database=params["dbname"], user=params["user"])
    keyring = MemorySecretStore()
    team_server.save_password(server, params["password"], keyring)
    monkeypatch.setattr(postgres, "MIN_SERVER_VERSION", 10**7)
    said: list[str] = []

    def answer(dialog: ServerUnreachableDialog) -> None:
        said.append(dialog.label.text())
        dialog.buttons[startup_team.QUIT].click()

    modals.on(ServerUnreachableDialog, answer)
    assert open_team_database(server, keyring) == startup_team.QUIT
    assert "needs PostgreSQL 14" in said[0]
    assert DB.obj is None or not postgres.is_postgres(DB.obj)  # nothing bound
