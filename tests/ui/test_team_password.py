"""Team mode at start without a usable keyring (issue 20): 每次启动时询问密码 in the settings,
the password asked for at start (a wrong one asked again, a cancelled one → 重试 / 打开本机数据 /
退出), and SELLERDESK_DATABASE_URL / SELLERDESK_USER / SELLERDESK_PASSWORD honoured as by the CLI."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from sellerdesk.store import team_env, team_server
from sellerdesk.store.postgres import parse_url
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.team_server import TeamServer
from sellerdesk.ui.startup import team as startup_team
from sellerdesk.ui.startup.team import ServerUnreachableDialog, TeamPasswordDialog, open_team_database
from sellerdesk.ui.team import settings as team_settings
from sellerdesk.ui.team.settings_dialog import TeamServerDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _server_of(url: str) -> tuple[TeamServer, str]:
    params = parse_url(url)
    server = TeamServer(host=params["host"], port=int(params["port"]), database=params["dbname"], user=params["user"])
    return server, params["password"]


def _fill(dialog: TeamServerDialog, server: TeamServer, password: str = "") -> None:
    dialog.host.setText(server.host)
    dialog.port.setValue(server.port)
    dialog.database.setText(server.database)
    dialog.user.setText(server.user)
    dialog.tls.setChecked(server.tls)
    dialog.password.setText(password)


def _answers(modals, *passwords: str | None, remember: bool = False) -> list[TeamPasswordDialog]:
    """Answer the password dialogs in turn (None: cancel); the dialogs shown."""
    shown: list[TeamPasswordDialog] = []

    def answer(dialog: TeamPasswordDialog) -> None:
        typed = passwords[len(shown)]
        shown.append(dialog)
        if typed is None:
            dialog.reject()
            return
        dialog.field.setText(typed)
        dialog.remember_box.setChecked(remember)
        dialog.accept()

    modals.on(TeamPasswordDialog, answer)
    return shown


# ------------------------------------------------------------------------------ the settings dialog


def test_without_a_keyring_the_settings_say_so_and_ask_at_each_start(qtbot, settings, tmp_path, chinese):
    dialog = TeamServerDialog(settings, MemorySecretStore(locked=True))
    qtbot.addWidget(dialog)
    note = dialog.keyring_note.text()
    assert not dialog.keyring_note.isHidden()
    locked = "系统钥匙串已锁定。请登录桌面会话后重新启动客户地址管家"
    assert note == f"系统钥匙串无法保存密码（{locked}），每次启动时会询问密码。"
    assert "。）" not in note and "\n" not in note
    assert dialog.ask_password.isChecked() and not dialog.ask_password.isEnabled()
    assert dialog.ask_password.text() == "每次启动时询问密码"
    assert "钥匙串" not in dialog.note.text()  # not "kept in the system keyring" below the line saying it cannot be
    server = TeamServer(host="db.example.com", user="ann", database="shop", port=5433, tls=True)
    _fill(dialog, server, "typed-for-the-test")
    dialog.open_at_start.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert team_settings.team_at_start(settings) == server  # host, port, database, user, TLS
    assert team_settings.asks_password(settings)
    assert "typed-for-the-test" not in (tmp_path / "settings.ini").read_text()


def test_the_tests_fail_keyring_is_no_keyring_too(qtbot, settings):
    dialog = TeamServerDialog(settings, None)  # the OS keyring: the `fail` backend under pytest
    qtbot.addWidget(dialog)
    assert "No system keyring was found" in dialog.keyring_note.text()
    assert dialog.ask_password.isChecked() and not dialog.ask_password.isEnabled()


def test_with_a_keyring_asking_is_a_choice_and_keeps_no_password(qtbot, settings):
    keyring = MemorySecretStore()
    server = TeamServer(host="db.example.com", user="ann")
    team_server.save_password(server, "old", keyring)
    dialog = TeamServerDialog(settings, keyring)
    qtbot.addWidget(dialog)
    assert dialog.keyring_note.isHidden() and dialog.ask_password.isEnabled()
    assert not dialog.ask_password.isChecked()
    _fill(dialog, server, "new")
    dialog.ask_password.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert team_settings.asks_password(settings)
    assert team_server.load_password(server, keyring) is None  # asked from now on: none kept


def test_a_keyring_that_fails_on_save_says_so_once_in_chinese(qtbot, settings, chinese):
    keyring = MemorySecretStore()
    dialog = TeamServerDialog(settings, keyring)
    qtbot.addWidget(dialog)
    _fill(dialog, TeamServer(host="db.example.com", user="ann"), "pw")
    keyring.locked = True  # locked while the dialog was open
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    text = dialog.error.text()
    assert text == "系统钥匙串无法保存密码（系统钥匙串已锁定。请登录桌面会话后重新启动客户地址管家）。什么都没有保存。"
    assert "。）。" not in text
    assert team_settings.read_server(settings) is None


# -------------------------------------------------------------------------- the password at start


def test_no_keyring_at_start_asks_for_the_password(isolated_environment, pg_database, modals, chinese):
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import is_postgres

    server, password = _server_of(pg_database)
    shown = _answers(modals, password)
    assert open_team_database(server, None) == startup_team.OPENED  # the `fail` keyring
    (dialog,) = shown
    assert server.where() in dialog.label.text() and server.user in dialog.label.text()
    assert server.database in dialog.label.text()
    assert not dialog.remember_box.isEnabled() and not dialog.remember_box.isChecked()
    assert dialog.keyring_note.text() == "这台电脑上没有可用的系统钥匙串。"
    assert dialog.error.text() == ""
    assert is_postgres(DB)


def test_a_wrong_password_is_asked_again_then_the_right_one_opens(isolated_environment, pg_database, modals):
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import is_postgres

    server, password = _server_of(pg_database)
    keyring = MemorySecretStore()
    team_server.save_password(server, "stale", keyring)  # a kept password that no longer works
    shown = _answers(modals, "wrong", password, remember=True)
    assert open_team_database(server, keyring) == startup_team.OPENED
    assert len(shown) == 2 and not modals.of(ServerUnreachableDialog)
    assert "wrong user name or password" in shown[0].error.text()  # the stale one, refused
    assert "wrong user name or password" in shown[1].error.text()
    assert shown[1].remember_box.isEnabled() and not TeamPasswordDialog(server).remember_box.isChecked()
    assert team_server.load_password(server, keyring) == password  # 记住: kept for the next start
    assert is_postgres(DB)


def test_ask_at_each_start_never_reads_the_keyring(isolated_environment, pg_database, modals, settings):
    server, password = _server_of(pg_database)
    keyring = MemorySecretStore()
    team_server.save_password(server, password, keyring)
    team_settings.write_server(settings, server, open_at_start=True, ask_password=True)
    shown = _answers(modals, password, remember=True)
    assert open_team_database(server, keyring, ask_always=True, settings=settings) == startup_team.OPENED
    assert len(shown) == 1
    assert not team_settings.asks_password(settings)  # 记住 ticked: the keyring from now on


@pytest.mark.parametrize("choice", [startup_team.LOCAL, startup_team.QUIT])
def test_cancelling_the_password_gives_the_choice_never_local_data_silently(isolated_environment, modals, choice):
    from sellerdesk.store.models import DB

    server = TeamServer(host="db.example.com", user="ann", database="shop")
    shown = _answers(modals, None, None)
    choices: list[ServerUnreachableDialog] = []

    def answer(dialog: ServerUnreachableDialog) -> None:
        choices.append(dialog)
        assert "No password was given for ann on the team server db.example.com" in dialog.label.text()
        assert "Retry to type the password" in dialog.note.text()
        dialog.buttons[startup_team.RETRY if len(choices) == 1 else choice].click()

    modals.on(ServerUnreachableDialog, answer)
    assert open_team_database(server, MemorySecretStore(locked=True)) == choice
    assert len(shown) == 2 and len(choices) == 2  # 重试 asked again
    assert DB.obj is None


def test_an_empty_password_is_refused_in_the_dialog(qtbot):
    dialog = TeamPasswordDialog(TeamServer(host="db.example.com", user="ann"))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.text() == "Please type the password."


# --------------------------------------------------------------------------------- the environment


def test_the_environment_and_the_settings_name_one_keyring_entry():
    url = "postgresql://ann:secret@db.example.com:5433/shop?sslmode=verify-full"
    login = team_env.from_environment({team_env.URL_ENV: url})
    assert login is not None and login.user == "ann" and login.password == "secret"
    other = team_env.from_environment({team_env.URL_ENV: url, team_env.USER_ENV: "bob"})
    assert other is not None and other.user == "bob" and other.password is None  # ann's is not bob's
    server = login.server()
    assert server == TeamServer(host="db.example.com", user="ann", port=5433, database="shop", tls=True)
    kept_by_the_dialog = TeamServer(host="db.example.com", user="ann", port=5433, database="shop")
    assert server.secret_name() == kept_by_the_dialog.secret_name()
    assert "secret" not in server.url()
    environment = {team_env.URL_ENV: "postgresql://ann@db/shop", team_env.PASSWORD_ENV: "env-pw"}
    assert team_env.from_environment(environment).password == "env-pw"  # type: ignore[union-attr]
    assert team_env.from_environment({}) is None


def _start(qapp, data_dir, qtbot):
    from sellerdesk import app

    window = app.start(qapp, data_dir)
    if window is not None:
        qtbot.addWidget(window)
        # the app's window freezes its start-up objects; the class stays as tests need it (a class
        # flag left every later test's window freezing the collector)
        assert window.FREEZE_GC and not type(window).FREEZE_GC
    return window


def test_the_app_opens_the_environments_server_over_its_settings(
    data_dir, qapp, qtbot, modals, pg_database, monkeypatch
):
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import is_postgres
    from sellerdesk.ui.context import settings_for

    server, password = _server_of(pg_database)
    elsewhere = TeamServer(host="127.0.0.1", port=9, user="ann")  # the settings' server: not used
    team_settings.write_server(settings_for(data_dir), elsewhere, open_at_start=True)
    monkeypatch.setenv(team_env.URL_ENV, server.url())  # no password in the URL
    monkeypatch.setenv(team_env.PASSWORD_ENV, password)
    window = _start(qapp, data_dir, qtbot)
    assert window is not None
    try:
        assert modals == []  # no password asked, no choice offered
        assert is_postgres(DB)
        assert window.context.team.where() == server.where()
        assert f"Team: {server.user} @ {server.where()}" in window.windowTitle()
    finally:
        window.team.stop()


def test_the_app_asks_when_the_environment_gives_no_password(data_dir, qapp, qtbot, modals, pg_database, monkeypatch):
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import is_postgres

    server, password = _server_of(pg_database)
    monkeypatch.setenv(team_env.URL_ENV, server.url())
    data_dir.secret_store = MemorySecretStore(locked=True)
    shown = _answers(modals, "wrong", password)
    window = _start(qapp, data_dir, qtbot)
    assert window is not None
    try:
        assert len(shown) == 2 and "wrong user name or password" in shown[1].error.text()
        assert is_postgres(DB)
    finally:
        window.team.stop()


def test_the_settings_dialog_says_the_environment_wins(qtbot, settings, monkeypatch):
    dialog = TeamServerDialog(settings, MemorySecretStore())
    qtbot.addWidget(dialog)
    assert dialog.env_note.isHidden()
    monkeypatch.setenv(team_env.URL_ENV, "postgresql://ann:secret@db.example.com/shop")
    dialog = TeamServerDialog(settings, MemorySecretStore())
    qtbot.addWidget(dialog)
    assert not dialog.env_note.isHidden()
    text = dialog.env_note.text()
    assert text.startswith("SELLERDESK_DATABASE_URL is set: SellerDesk opens postgresql://ann:***@db.example.com/shop")
    assert "secret" not in text


def test_a_bad_environment_url_is_said_and_quits(data_dir, qapp, qtbot, modals, monkeypatch):
    monkeypatch.setenv(team_env.URL_ENV, "mysql://ann@db.example.com/shop")
    seen: list[ServerUnreachableDialog] = []

    def answer(dialog: ServerUnreachableDialog) -> None:
        seen.append(dialog)
        assert dialog.buttons[startup_team.RETRY].isHidden()
        dialog.buttons[startup_team.QUIT].click()

    modals.on(ServerUnreachableDialog, answer)
    assert _start(qapp, data_dir, qtbot) is None
    assert len(seen) == 1 and "SELLERDESK_DATABASE_URL" in seen[0].label.text()
