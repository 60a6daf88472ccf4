"""Team mode in the app (issue 20): the team server dialog, opening the team database at start,
an unreachable server said plainly, and others' changes refreshing the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from sellerdesk.store import team_server
from sellerdesk.store.notify import Change
from sellerdesk.store.postgres import parse_url
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.team_server import TeamServer
from sellerdesk.ui.backup.team_actions import TeamBackupController
from sellerdesk.ui.startup import team as startup_team
from sellerdesk.ui.startup.team import ServerUnreachableDialog, open_team_database
from sellerdesk.ui.team import settings as team_settings
from sellerdesk.ui.team.settings_dialog import TeamServerDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _server_of(url: str) -> tuple[TeamServer, str]:
    params = parse_url(url)
    server = TeamServer(host=params["host"], port=int(params["port"]), database=params["dbname"], user=params["user"])
    return server, params["password"]


def _fill(dialog: TeamServerDialog, server: TeamServer, password: str) -> None:
    dialog.host.setText(server.host)
    dialog.port.setValue(server.port)
    dialog.database.setText(server.database)
    dialog.user.setText(server.user)
    dialog.password.setText(password)


def test_test_connection_counts_the_customers(qtbot, settings, sync_jobs, team_store, pg_database, chinese):
    from sellerdesk.store import customers

    customers.create_customer({"name": "张三"})
    server, password = _server_of(pg_database)
    dialog = TeamServerDialog(settings, MemorySecretStore())
    qtbot.addWidget(dialog)
    _fill(dialog, server, password)
    dialog.test_button.click()
    assert dialog.test_result.text() == "已连接：1 位客户"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"password": "wrong"}, "wrong user name or password"),
        ({"password": ""}, "wants a password for"),  # none typed, none kept: not "wrong" (QA)
        ({"port": 9}, "cannot be reached"),
        ({"tls": True}, "TLS"),
        ({"database": "no_such_db"}, "no database named no_such_db"),
    ],
)
def test_test_connection_names_the_cause_in_one_line(qtbot, settings, sync_jobs, pg_admin_url, change, expected):
    server, password = _server_of(pg_admin_url)
    dialog = TeamServerDialog(settings, MemorySecretStore())
    qtbot.addWidget(dialog)
    _fill(dialog, server, change.get("password", password))
    if "port" in change:
        dialog.port.setValue(change["port"])
    if "database" in change:
        dialog.database.setText(change["database"])
    dialog.tls.setChecked(change.get("tls", False))
    dialog.test_button.click()
    assert expected in dialog.test_result.text()
    assert "\n" not in dialog.test_result.text()


def test_saving_keeps_the_password_in_the_keyring_never_in_the_settings(qtbot, settings, tmp_path):
    keyring = MemorySecretStore()
    dialog = TeamServerDialog(settings, keyring)
    qtbot.addWidget(dialog)
    server = TeamServer(host="db.example.com", user="ann", database="shop")
    _fill(dialog, server, "s3cret-pass")
    dialog.open_at_start.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert team_settings.team_at_start(settings) == server
    assert team_server.load_password(server, keyring) == "s3cret-pass"
    assert "s3cret-pass" not in (tmp_path / "settings.ini").read_text()
    again = TeamServerDialog(settings, keyring)  # opened again: the form as saved, password kept
    qtbot.addWidget(again)
    assert again.host.text() == "db.example.com" and again.password.text() == ""
    assert again.password.placeholderText()


def test_incomplete_form_and_missing_ca_file_are_refused(qtbot, settings):
    dialog = TeamServerDialog(settings, MemorySecretStore())
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "server and the user name" in dialog.error.text()
    _fill(dialog, TeamServer(host="h", user="u"), "pw")
    dialog.tls.setChecked(True)
    dialog.ca_file.setText("/nonexistent/ca.pem")
    dialog.accept()
    assert "does not exist" in dialog.error.text()
    assert team_settings.read_server(settings) is None


def test_the_url_carries_tls_and_never_the_password():
    server = TeamServer(host="db.example.com", user="ann", tls=True, ca_file="/etc/ca.pem")
    assert server.url() == (
        "postgresql://ann@db.example.com:5432/sellerdesk?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"
    )


def test_start_opens_the_team_database(isolated_environment, pg_database):
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import is_postgres

    server, password = _server_of(pg_database)
    keyring = MemorySecretStore()
    team_server.save_password(server, password, keyring)
    assert open_team_database(server, keyring) == startup_team.OPENED
    assert is_postgres(DB)


@pytest.mark.parametrize("choice", [startup_team.LOCAL, startup_team.QUIT])
def test_an_unreachable_server_at_start_is_said_and_nothing_opens_silently(isolated_environment, modals, choice):
    from sellerdesk.store.models import DB

    server = TeamServer(host="127.0.0.1", port=9, user="ann")
    asked: list[int] = []

    def answer(dialog: ServerUnreachableDialog) -> None:
        asked.append(1)
        assert "cannot be reached" in dialog.label.text()
        dialog.buttons[startup_team.RETRY if len(asked) == 1 else choice].click()

    modals.on(ServerUnreachableDialog, answer)
    keyring = MemorySecretStore()
    team_server.save_password(server, "kept", keyring)
    assert open_team_database(server, keyring) == choice
    assert len(asked) == 2  # retried once, then the user's choice
    assert DB.obj is None


def test_others_changes_are_coalesced_into_one_refresh(app_context, qtbot):
    from sellerdesk.ui.team.live import LiveRefresh

    live = LiveRefresh(app_context)
    seen: list[str] = []
    touched: list[object] = []
    app_context.customers_changed.connect(lambda: seen.append("customers"))
    app_context.orders_changed.connect(lambda: seen.append("orders"))
    live.touched.connect(touched.append)
    live.receive([Change("customer", (1,))])
    live.receive([Change("address", (5,)), Change("customer", (2,))])
    assert live.timer.isActive() and seen == []
    live.flush()
    assert seen == ["customers"] and touched == [{1, 2}]
    live.receive([Change("orders", (9,))])
    live.flush()
    assert seen == ["customers", "orders"]
    assert not live.start()  # a local file: nothing to listen to


def test_the_window_names_the_team_connection(app_context, qtbot, modals, chinese):
    from sellerdesk.ui.main_window import MainWindow

    app_context.team = TeamServer(host="db.example.com", user="ann")
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    assert "团队：ann @ db.example.com" in win.windowTitle()
    assert win.team.status_label.text() == "团队：ann @ db.example.com"
    assert isinstance(win.backup, TeamBackupController)  # 立即备份: a team backup (test_team_backup_ui)
    assert win.team.settings_action.text() == "团队服务器(&T)…"
    win.team.stop()


def test_the_editor_follows_others_changes_unless_it_holds_edits(laptop_window):
    from sellerdesk.store import customers

    window = laptop_window
    customer = customers.create_customer({"name": "张三"})
    window.editor.load(customer.id)
    customers.save_customer(customer.id, {"notes": "别人写的"})
    window._touched_by_others({customer.id})
    assert window.editor.notes.toPlainText() == "别人写的"
    window.editor.notes.setPlainText("我的")
    customers.save_customer(customer.id, {"notes": "又一次"})
    window._touched_by_others(None)
    assert window.editor.notes.toPlainText() == "我的"


def test_a_helpers_window_hides_what_the_role_may_not_do_and_offers_mine(
    isolated_environment, pg_database, data_dir, qtbot, modals, sync_jobs, chinese
):
    """A helper of 华南 without phones: no export, erase or person export in the menus, phones
    masked for good, and 我负责的 narrows the table to the regions they are in charge of."""
    import uuid

    from pg_roles import drop_roles, user_url
    from sellerdesk.store import customers
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.ui.context import AppContext
    from sellerdesk.ui.main_window import MainWindow

    close_store()
    open_team(pg_database)
    store_team.setup()
    name = f"south_{uuid.uuid4().hex[:8]}"
    password = store_team.add_user(name, "helper", "华南,华东", phones=False)
    for province, city in (("广东", "深圳"), ("浙江", "杭州"), ("北京", "北京")):
        customers.save_customer(
            None,
            {"name": f"{province}客户", "phone": "13812345678"},
            [customers.AddressEdit({"province": province, "city": city, "detail": "1号"})],
        )
    store_team.assign_region("广东省", name)
    close_store()
    try:
        open_team(user_url(pg_database, name, password))
        context = AppContext(
            data_dir, data_dir.key, QSettings(str(data_dir.home / "team.ini"), QSettings.Format.IniFormat)
        )
        context.team = TeamServer(host="127.0.0.1", user=name)
        win = MainWindow(context)
        qtbot.addWidget(win)
        win.reminded = True
        assert win.team_role == "helper"
        hidden = (win.exchange.export_action, win.privacy.erase_action, win.privacy.export_person_action)
        for action in (*hidden, win.shipping.export_action):  # waybills: phones masked, so not theirs
            assert not action.isVisible() and not action.isEnabled()
        assert win.mask_action.isChecked() and not win.mask_action.isEnabled()
        assert context.mask_forced
        win.apply_filter(reload=True)
        win.editor.load(win.model.customer_row(0).id)
        for field in (win.editor.phone, win.editor.address_phone):  # no eye to click (QA: 152****6141)
            assert field.locked() and not field.reveal_action.isVisible()
        win.editor.phone.reveal_action.trigger()
        assert win.editor.phone.displayText() == "138****5678"
        assert not win.mine_filter.isHidden() and win.mine_filter.text() == "我负责的"
        win.apply_filter(reload=True)
        names = {win.model.customer_row(row).name for row in range(win.model.rowCount())}
        assert names == {"广东客户", "浙江客户"}  # the database shows a helper their regions only
        win.mine_filter.setChecked(True)
        names = {win.model.customer_row(row).name for row in range(win.model.rowCount())}
        assert names == {"广东客户"}  # 专人负责: 广东省 is theirs
        win.team.stop()
        win.close()
    finally:
        close_store()
        drop_roles(pg_database, [name])


def test_a_local_window_has_no_mine_filter(laptop_window):
    assert laptop_window.mine_filter.isHidden()
    assert laptop_window.team_role == "owner"
    assert laptop_window.privacy.erase_action.isVisible()


def test_the_audit_log_names_the_team_user_who_did_it(isolated_environment, team_store, qtbot, sync_jobs):
    """On a team server the 操作记录's 操作人 is the database's user, not the computer's."""
    from sellerdesk.store import customers
    from sellerdesk.ui.audit.audit_dialog import AuditDialog

    customers.save_customer(None, {"name": "张三", "phone": "13812345678"})
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    by = {dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())}
    assert by == {team_store.user_name}
