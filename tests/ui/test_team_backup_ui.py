"""Team mode's 文件 › 立即备份 in the app (stranger QA): an owner writes a team backup in a job and is
told where; that file restores into an empty team database by the CLI's path to the same counts;
a helper does not get the actions; an owner restores a backup into the EMPTY team database after a
warning naming the server and database (one with data is refused unchanged)."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from PySide6.QtWidgets import QMessageBox
from team_windows import team_window

from sellerdesk.backup import settings as backup_settings
from sellerdesk.backup import team as team_backup
from sellerdesk.backup.fileformat import read_info
from sellerdesk.store.keys import key_id
from sellerdesk.store.team_server import TeamServer
from sellerdesk.ui.backup.team_actions import TeamBackupController


def _seed() -> None:
    from sellerdesk.store import customers

    for province, city in (("广东", "深圳"), ("浙江", "杭州"), ("北京", "北京")):
        cid = customers.save_customer(
            None,
            {"name": f"{province}客户", "phone": "13812345678"},
            [customers.AddressEdit({"province": province, "city": city, "detail": "1号"})],
        )
    assert cid


@pytest.fixture
def owner_window(qtbot, data_dir, pg_database, modals, sync_jobs, chinese):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(pg_database)
    store_team.setup()
    _seed()
    win = team_window(qtbot, data_dir, "sd_admin")
    yield win
    win.team.stop()
    win.close()
    close_store()


def _file_menu_texts(win) -> list[str]:
    menu = win.menuBar().actions()[0].menu()
    return [a.text() for a in menu.actions() if a.isVisible()]


def test_an_owner_backs_up_the_team_from_the_file_menu_and_the_cli_path_restores_it(
    owner_window, data_dir, tmp_path, modals, pg_admin_url, pg_template
):
    from pg_roles import pg_database_url
    from sellerdesk.store.database import close_store
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import connect

    win = owner_window
    assert win.team_role == "owner"
    assert isinstance(win.backup, TeamBackupController)
    assert "立即备份(&B)" in _file_menu_texts(win)
    assert win.backup.backup_action.isEnabled()
    assert win.backup.settings_action.text() == "备份设置(&G)…"  # the inherited texts are translated too
    folder = tmp_path / "backups"
    folder.mkdir()
    settings = backup_settings.load(data_dir.home)
    settings.destinations = [str(folder)]
    backup_settings.save(data_dir.home, settings)
    before = {t: DB.obj.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("customer", "address")}

    win.backup.backup_action.trigger()

    (written,) = sorted((folder / team_backup.TEAM_FOLDER).glob("*.sdbackup"))
    assert win.backup.restore_folders()[0] == folder / team_backup.TEAM_FOLDER  # listed by 从备份恢复
    boxes = [d for d in modals if isinstance(d, QMessageBox)]
    assert boxes[-1].windowTitle() == "团队备份完成"
    assert str(written) in boxes[-1].text() and "3 位客户" in boxes[-1].text()
    assert win.backup.backup_action.isEnabled()  # not busy any more

    # the CLI's team restore (backup.team.restore_to_team) takes it into an empty team database
    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    target = connect(pg_database_url(pg_admin_url, name))
    try:
        result = team_backup.restore_to_team(written, data_dir.key, target, work_dir=tmp_path)
        assert result.customers == before["customer"] == 3
        after = {t: target.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in before}
        assert after == before
    finally:
        target.close()
        close_store()
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _answer_restore(modals, *, restore: bool) -> list:
    """Answer the restore dialog with ``path`` (set by the caller) and the team warning."""
    asked = []

    def answer(box):
        if box.windowTitle() == "恢复到团队数据库？":
            asked.append(box.text())
            wanted = "为全团队恢复" if restore else "取消"
            for button in box.buttons():
                if button.text().replace("&", "") == wanted:
                    button.click()

    modals.on(QMessageBox, answer)
    return asked


def _restore_file(modals, path):
    from sellerdesk.ui.backup.restore_dialog import RestoreDialog

    def fill(dialog):
        dialog.set_file(path)
        dialog.accept()

    modals.on(RestoreDialog, fill)


@pytest.fixture
def local_backup(data_dir, tmp_path):
    """A backup of this computer's data (4 customers), as any .sdbackup the team may restore."""
    from sellerdesk.backup import create_backup
    from sellerdesk.store import customers

    for n in range(4):
        customers.save_customer(None, {"name": f"客户{n}", "phone": "13812345678"}, [])
    made = create_backup(data_dir.db_path, data_dir.key, data_dir.vault.load(), [tmp_path])
    return made.path


@pytest.fixture
def empty_team_window(qtbot, data_dir, local_backup, pg_database, modals, sync_jobs, chinese):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    close_store()
    open_team(pg_database)
    store_team.setup()
    win = team_window(qtbot, data_dir, "sd_admin")
    win.context.team = TeamServer(host="127.0.0.1", port=5432, database="shop", user="sd_admin")
    yield win
    win.team.stop()
    win.close()
    close_store()


def test_an_owner_restores_a_backup_into_the_empty_team_database(empty_team_window, local_backup, modals):
    from sellerdesk.store.models import DB

    win = empty_team_window
    assert win.backup.restore_action.isVisible() and win.backup.restore_action.isEnabled()
    _restore_file(modals, local_backup)
    asked = _answer_restore(modals, restore=True)
    win.backup.restore_action.trigger()
    assert asked, [(d.windowTitle(), d.text()) for d in modals if isinstance(d, QMessageBox)]
    (question,) = asked
    assert "shop" in question and "127.0.0.1:5432" in question and "全团队" in question and "4 位客户" in question
    assert DB.obj.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 4
    done = [d for d in modals if isinstance(d, QMessageBox)][-1]
    assert done.windowTitle() == "恢复完成" and "4 位客户" in done.text()
    assert win.model.rowCount() == 4  # the window shows the restored customers
    assert win.backup.restore_action.isEnabled()


def test_cancel_at_the_warning_restores_nothing(empty_team_window, local_backup, modals):
    from sellerdesk.store.models import DB

    _restore_file(modals, local_backup)
    asked = _answer_restore(modals, restore=False)
    empty_team_window.backup.restore_action.trigger()
    assert asked
    assert DB.obj.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0


def test_a_team_database_with_customers_is_refused_unchanged(empty_team_window, local_backup, modals):
    from sellerdesk.store import customers
    from sellerdesk.store.models import DB

    customers.save_customer(None, {"name": "已有客户"}, [])
    _restore_file(modals, local_backup)
    _answer_restore(modals, restore=True)
    empty_team_window.backup.restore_action.trigger()
    box = [d for d in modals if isinstance(d, QMessageBox)][-1]
    assert box.windowTitle() == "恢复失败"
    assert "空的团队数据库" in box.text() and "没有改动" in box.text()
    assert [r[0] for r in DB.obj.execute_sql("SELECT name FROM customer").fetchall()] == ["已有客户"]


@pytest.fixture
def keyless_owner_window(
    qtbot, isolated_environment, memory_keyring, fast_kdf, pg_database, modals, sync_jobs, chinese
):
    """An owner's team window on a computer that never had local SellerDesk data (no key)."""
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.session import DataDir

    datadir = DataDir(isolated_environment, memory_keyring)
    open_team(pg_database)
    store_team.setup()
    _seed()
    win = team_window(qtbot, datadir, "sd_admin")
    yield win, datadir
    win.team.stop()
    win.close()
    close_store()


def test_an_owner_without_a_local_key_makes_one_there_and_backs_up(keyless_owner_window, modals, tmp_path):
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import is_postgres
    from sellerdesk.ui.startup.first_run import FirstRunWizard

    win, datadir = keyless_owner_window
    (tmp_path / "out").mkdir()
    backup_settings.save(datadir.home, backup_settings.BackupSettings(destinations=[str(tmp_path / "out")]))
    codes, texts = [], []

    def run_wizard(wizard):
        wizard.show()
        wizard.next()  # keyring mode makes the key and the empty local database
        codes.append(wizard.recovery_code)
        # the team window hides 帮助 › 显示恢复码: the page says where the code shows again
        texts.append(wizard.recovery_page.explain.text())
        wizard.recovery_page.confirm.setChecked(True)
        wizard.next()
        wizard.accept()

    modals.on(FirstRunWizard, run_wizard)
    win.backup.backup_action.trigger()
    question = [d for d in modals if isinstance(d, QMessageBox)][0]
    assert "还没有" in question.text() and str(datadir.home) in question.text()
    assert datadir.is_initialized() and codes[0]
    assert "团队窗口里没有" in texts[0] and "打开本机数据" in texts[0]
    assert is_postgres(DB.obj)  # the window stayed on the team database
    (made,) = (tmp_path / "out" / "team").glob("*.sdbackup")
    assert read_info(made).key_id == key_id(datadir.unlock_headless())  # this computer's new key opens it


def test_declining_to_make_a_local_key_makes_nothing(keyless_owner_window, modals):
    from sellerdesk.ui.startup.first_run import FirstRunWizard

    win, datadir = keyless_owner_window
    modals.confirm = False
    win.backup.backup_action.trigger()
    assert not modals.of(FirstRunWizard) and not datadir.is_initialized()
    assert not datadir.home.exists() or not any(datadir.home.iterdir())


@pytest.mark.parametrize(("role", "regions"), [("helper", "华南"), ("viewer", "")])
def test_a_helper_or_viewer_has_no_team_backup_action(
    qtbot, data_dir, pg_database, modals, sync_jobs, chinese, role, regions
):
    from pg_roles import drop_roles, user_url
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    close_store()
    open_team(pg_database)
    store_team.setup()
    name = f"{role}_{uuid.uuid4().hex[:8]}"
    password = store_team.add_user(name, role, regions, phones=False)
    close_store()
    try:
        open_team(user_url(pg_database, name, password))
        win = team_window(qtbot, data_dir, name)
        assert win.team_role == role
        for action in (win.backup.backup_action, win.backup.restore_action, win.backup.settings_action):
            assert not action.isVisible() and not action.isEnabled()
        assert "立即备份(&B)" not in _file_menu_texts(win)
        win.team.stop()
        win.close()
    finally:
        close_store()
        drop_roles(pg_database, [name])


def test_a_missing_backup_folder_is_named_and_nothing_is_written(owner_window, data_dir, tmp_path, modals):
    gone = tmp_path / "usb-stick"  # the drive is not plugged in
    settings = backup_settings.load(data_dir.home)
    settings.destinations = [str(gone)]
    backup_settings.save(data_dir.home, settings)
    owner_window.backup.backup_action.trigger()
    box = [d for d in modals if isinstance(d, QMessageBox)][-1]
    assert box.windowTitle() in {"备份失败", "部分备份文件夹失败"}
    assert str(gone / team_backup.TEAM_FOLDER) in box.text() and "文件夹不存在" in box.text()
    assert not gone.exists()  # a missing drive's folder is never made
    assert owner_window.backup.backup_action.isEnabled()


def test_cancel_leaves_no_backup_and_no_snapshot(owner_window, data_dir, tmp_path, modals, monkeypatch):
    from sellerdesk.ui.widgets.progress import run_job

    folder = tmp_path / "backups"
    folder.mkdir()
    settings = backup_settings.load(data_dir.home)
    settings.destinations = [str(folder)]
    backup_settings.save(data_dir.home, settings)
    before = set(data_dir.home.rglob("*"))
    cancelled = []

    def cancel_at_first_report(job, title, parent=None):
        job.progress.connect(lambda *_a: cancelled.append(job.cancel()))
        run_job(job, title, parent or owner_window)

    monkeypatch.setattr(owner_window.backup, "run_progress", cancel_at_first_report)
    owner_window.backup.backup_action.trigger()
    assert cancelled
    assert not list(folder.rglob("*.sdbackup"))
    assert set(data_dir.home.rglob("*")) - before <= {data_dir.home / "backup-settings.json"}
    assert not any(isinstance(d, QMessageBox) and d.windowTitle() == "备份失败" for d in modals)
    assert owner_window.backup.backup_action.isEnabled()
