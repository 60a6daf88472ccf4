"""The app through a team server restart (QA): a save while the server is away says so in one line
and keeps the edit; once the server is back the next save writes it and the views read again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

ADDRESS = {"recipient": "张三", "province": "广东省", "city": "深圳市", "district": "南山区", "detail": "1号"}


@pytest.fixture
def team_window(isolated_environment, pg_database, data_dir, qtbot, modals, sync_jobs):
    """The main window on a fresh team database, as its owner."""
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.team_server import TeamServer
    from sellerdesk.ui.context import AppContext
    from sellerdesk.ui.main_window import MainWindow

    close_store()
    open_team(pg_database)
    settings = QSettings(str(data_dir.home / "team.ini"), QSettings.Format.IniFormat)
    context = AppContext(data_dir, data_dir.key, settings)
    context.team = TeamServer(host="127.0.0.1", user="sd_admin")
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.reminded = True
    yield win
    win.team.stop()
    win.editor._set_dirty(False)
    win.close()
    close_store()


class Server:
    """The team database made unreachable and back, from an admin connection: new logins refused
    (ALLOW_CONNECTIONS false) and this app's sessions terminated, as a stopped server would."""

    def __init__(self, admin_url: str, name: str) -> None:
        self.admin_url, self.name = admin_url, name

    def _run(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(sql)

    def stop(self) -> None:
        self._run(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
        self._run(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{self.name}' "
            "AND pid <> pg_backend_pid()"
        )

    def start(self) -> None:
        self._run(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')


@pytest.fixture
def server(pg_admin_url, pg_database):
    from sellerdesk.store.postgres import parse_url

    handle = Server(pg_admin_url, parse_url(pg_database)["dbname"])
    yield handle
    handle.start()


def test_a_save_while_the_server_is_away_keeps_the_edit_and_the_next_one_writes_it(
    team_window, server, chinese, modals
):
    from sellerdesk.store import customers
    from sellerdesk.store.models import Customer

    saved = customers.save_customer(None, {"name": "张三", "phone": "13812345678"}, [customers.AddressEdit(ADDRESS)])
    win = team_window
    editor = win.editor
    editor.load(saved.id)
    server.stop()
    editor.notes.setPlainText("断线时写的备注")
    assert editor.dirty
    assert editor.save() is None  # twice, as the QA did: neither raises into Qt's event loop
    assert win.save_action.isEnabled()
    win.save_action.trigger()
    text = editor.status.text()
    assert text.startswith("未保存：无法连接团队服务器") and "\n" not in text, text
    assert "127.0.0.1" in text and "您的修改仍在这里" in text
    assert editor.notes.toPlainText() == "断线时写的备注" and editor.dirty  # nothing lost
    assert modals == []  # one line in the form, no dialog
    server.start()
    win.save_action.trigger()  # Ctrl+S / 保存 work again
    assert not editor.dirty and editor.status.text() == "已保存。"
    assert Customer.get_by_id(saved.id).notes == "断线时写的备注"


def test_back_after_a_loss_every_view_reads_again(team_window, server, qtbot):
    """The listener's reconnect re-reads the views (others' writes were not heard meanwhile),
    and the orders page fills its rows on a new connection (QA: blank rows for over 70 s)."""
    import datetime as dt

    from sellerdesk.store import customers, orders

    saved = customers.save_customer(None, {"name": "李四"}, [customers.AddressEdit(ADDRESS)])
    orders.add_order(saved.id, amount_fen=100, items="面膜", order_date=dt.date(2026, 3, 1))
    win = team_window
    win.apply_filter(reload=True)
    server.stop()
    win.model._pages.clear()  # a page not read yet while the server is away: a blank row, no exception
    assert win.model.customer_row(0) is None
    win.team._connection_state(False)
    assert "连接中断" in win.team.status_label.text() or "reconnecting" in win.team.status_label.text()
    server.start()
    with qtbot.waitSignals([win.context.customers_changed, win.context.orders_changed], timeout=5000):
        win.team._connection_state(True)
    win.show_orders()
    view = win.orders_view
    view.reload()
    model = view.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) is not None
    assert model.order_row(0).customer_name == "李四"
    assert win.model.customer_row(0).name == "李四"  # read again once the server is back
