"""The backup controller and its dialogs, with pytest-qt (modals faked through dialogs.launch)."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from sellerdesk.backup import backup_datadir, read_info
from sellerdesk.backup import settings as backup_settings
from sellerdesk.jobs import runner
from sellerdesk.store import customers
from sellerdesk.store.models import Customer
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir
from sellerdesk.ui.backup.actions import BackupController
from sellerdesk.ui.backup.restore_dialog import RestoreDialog
from sellerdesk.ui.backup.settings_dialog import BackupSettingsDialog
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.widgets import dialogs


class FakeModals:
    """Stands in for dialogs.launch: records every modal and answers by type."""

    def __init__(self):
        self.seen = []
        self.confirm = True
        self.restore_file = None
        self.restore_secrets = []
        self.folder = None
        self.remind_choice = "Later"
        self.settings_edit = None

    def __call__(self, dialog):
        self.seen.append(dialog)
        if isinstance(dialog, RestoreDialog):
            if self.restore_file is None:
                return QDialog.DialogCode.Rejected
            dialog.set_file(self.restore_file)
            for secret in self.restore_secrets:
                dialog.secret.setText(secret)
                dialog.accept()
                if dialog.result() == QDialog.DialogCode.Accepted:
                    break
            else:
                dialog.accept()
            return dialog.result()
        if isinstance(dialog, BackupSettingsDialog):
            if self.settings_edit:
                self.settings_edit(dialog)
            dialog.accept()
            return dialog.result()
        if isinstance(dialog, QFileDialog):
            if self.folder is None:
                return QDialog.DialogCode.Rejected
            dialog.selectFile(str(self.folder))
            return QDialog.DialogCode.Accepted
        if isinstance(dialog, QMessageBox):
            if dialog.icon() == QMessageBox.Icon.Question:
                return QMessageBox.StandardButton.Yes if self.confirm else QMessageBox.StandardButton.No
            for button in dialog.buttons():
                if button.text() == self.remind_choice:
                    button.click()
            return 0
        raise AssertionError(f"unexpected modal {dialog!r}")

    def texts(self, kind=QMessageBox):
        return [d.text() for d in self.seen if isinstance(d, kind)]


@pytest.fixture
def modals(monkeypatch):
    fake = FakeModals()
    monkeypatch.setattr(dialogs, "launch", fake)
    return fake


@pytest.fixture
def setup(qtbot, data_dir, tmp_path, modals, sync_jobs):
    for i in range(3):
        customers.create_customer(
            {"name": f"客户{i}", "phone": f"1381234567{i}"},
            [{"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园1号"}],
        )
    folder = tmp_path / "usb"
    folder.mkdir()
    backup_settings.save(data_dir.home, backup_settings.BackupSettings(destinations=[str(folder)]))
    parent = QWidget()
    qtbot.addWidget(parent)
    context = AppContext(data_dir, data_dir.key)
    controller = BackupController(context, parent)
    return controller, context, folder


def test_actions_are_ready_for_the_main_window(setup):
    controller, _context, _folder = setup
    assert controller.backup_action.shortcut().toString() == "Ctrl+B"
    assert not controller.backup_action.icon().isNull()
    assert controller.backup_action.toolTip()
    assert controller.restore_action.text() and controller.settings_action.text()
    assert controller.status_widget.text() == "No backup yet"


def test_backup_button_writes_a_file_and_tells_the_app(qtbot, setup, modals):
    controller, context, folder = setup
    with qtbot.waitSignal(context.backup_finished) as signal:
        controller.backup_action.trigger()
    (written,) = folder.glob("sellerdesk-*.sdbackup")
    assert signal.args == [str(written)]
    assert read_info(written).counts["customers"] == 3
    assert controller.status_widget.text() == "Backed up just now"
    assert str(written) in controller.status_widget.toolTip()
    assert modals.seen == []  # one click, no questions
    assert controller.backup_action.isEnabled()


def test_backup_to_a_missing_folder_says_so(setup, modals, tmp_path, data_dir):
    controller, _context, folder = setup
    backup_settings.save(data_dir.home, backup_settings.BackupSettings(destinations=[str(tmp_path / "gone")]))
    controller.backup_now()
    (message,) = modals.texts()
    assert "does not exist" in message and "older backups are untouched" in message
    assert list(folder.iterdir()) == []
    assert controller.status_widget.text() == "No backup yet"


def test_partial_failure_is_reported(setup, modals, tmp_path, data_dir):
    controller, _context, folder = setup
    backup_settings.save(data_dir.home, backup_settings.BackupSettings(destinations=[str(folder), str(tmp_path / "x")]))
    controller.backup_now()
    (message,) = modals.texts()
    assert str(folder) in message and "does not exist" in message
    assert len(list(folder.glob("*.sdbackup"))) == 1


def test_restore_brings_back_the_backed_up_data(qtbot, setup, modals, data_dir):
    controller, context, folder = setup
    controller.backup_now()
    (backup,) = folder.glob("*.sdbackup")
    customers.create_customer({"name": "备份之后"})
    assert Customer.select().count() == 4
    modals.restore_file = backup
    with qtbot.waitSignal(context.customers_changed):
        controller.restore_action.trigger()
    assert Customer.select().count() == 3
    assert not Customer.select().where(Customer.name == "备份之后").exists()
    done = modals.texts()[-1]
    assert "Restored the backup" in done and "before-restore" in done
    safety = list((data_dir.home / "before-restore").glob("*.sdbackup"))
    assert len(safety) == 1 and read_info(safety[0]).counts["customers"] == 4
    dialog = next(d for d in modals.seen if isinstance(d, RestoreDialog))
    assert dialog.verified and not dialog.secret.isVisibleTo(dialog)  # same key: nothing to type
    assert "3 customers" in dialog.details.text() and "intact" in dialog.details.text()


def test_restore_lists_recent_backups_newest_first_and_picks_one(qtbot, setup, monkeypatch):
    controller, _context, folder = setup
    empty = RestoreDialog(controller)
    qtbot.addWidget(empty)
    assert empty.recent.count() == 1 and not empty.recent.item(0).data(Qt.ItemDataRole.UserRole)  # says none
    controller.backup_now()
    customers.create_customer({"name": "第二次之前"})
    (first,) = folder.glob("sellerdesk-*.sdbackup")
    newer = folder / "sellerdesk-29991231-235900.sdbackup"  # as a later day's backup would be named
    newer.write_bytes(first.read_bytes())
    (folder / "notes.sdbackup").write_text("not one of ours")
    dialog = RestoreDialog(controller)
    qtbot.addWidget(dialog)
    paths = [dialog.recent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.recent.count())]
    assert paths == [str(newer), str(first)]
    assert dialog.recent.item(0).text().startswith("2999-12-31 23:59")
    dialog.recent.setCurrentRow(1)
    assert dialog.path_edit.text() == str(first)
    assert dialog.verified and "3 customers" in dialog.details.text()
    assert dialog.restore_button.isEnabled()


def test_restore_declined_changes_nothing(setup, modals):
    controller, _context, folder = setup
    controller.backup_now()
    customers.create_customer({"name": "留下"})
    modals.restore_file = next(folder.glob("*.sdbackup"))
    modals.confirm = False
    controller.restore()
    assert Customer.select().count() == 4


def _other_machine_backup(tmp_path, data_dir):
    other = DataDir(tmp_path / "other", MemorySecretStore())
    key2, code2 = other.initialize("password", "other password 1")
    customers.create_customer({"name": "另一台电脑"})
    result = backup_datadir(other, key2, [tmp_path])
    other.close()
    data_dir.open(data_dir.key)
    return result.path, key2, code2


def test_restore_from_another_machine_asks_for_its_password(qtbot, setup, modals, tmp_path, data_dir):
    controller, context, _folder = setup
    path, key2, _code2 = _other_machine_backup(tmp_path, data_dir)
    modals.restore_file = path
    modals.restore_secrets = ["wrong password", "other password 1"]
    with qtbot.waitSignal(context.customers_changed):
        controller.restore()
    dialog = next(d for d in modals.seen if isinstance(d, RestoreDialog))
    assert dialog.secret.isVisibleTo(dialog)
    assert [c.name for c in Customer.select()] == ["另一台电脑"]
    assert context.key == key2
    assert data_dir.vault.load().mode == "password"
    assert data_dir.unlock_with_secret("other password 1") == key2
    assert "password or recovery code of the backup" in modals.texts()[-1]


def test_wrong_password_only_shows_an_error(setup, modals, tmp_path, data_dir):
    controller, context, _folder = setup
    path, _key2, _code2 = _other_machine_backup(tmp_path, data_dir)
    modals.restore_file = path
    modals.restore_secrets = ["wrong password"]
    before = data_dir.db_path.read_bytes()
    controller.restore()
    dialog = next(d for d in modals.seen if isinstance(d, RestoreDialog))
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Wrong password" in dialog.error.text()
    assert Customer.select().count() == 3 and context.key == data_dir.key
    assert not (data_dir.home / "before-restore").exists()
    assert data_dir.db_path.read_bytes() == before


def test_tampered_file_is_refused_in_the_dialog(qtbot, setup, modals):
    controller, _context, folder = setup
    controller.backup_now()
    backup = next(folder.glob("*.sdbackup"))
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x40
    backup.write_bytes(bytes(data))
    dialog = RestoreDialog(controller, None)
    qtbot.addWidget(dialog)
    dialog.set_file(backup)
    assert "damaged" in dialog.error.text()
    assert not dialog.restore_button.isEnabled()
    not_a_backup = folder / "notes.sdbackup"
    not_a_backup.write_text("hello")
    dialog.set_file(not_a_backup)
    assert "not a SellerDesk backup" in dialog.error.text()


def test_settings_dialog_saves_every_setting(setup, modals, tmp_path, data_dir):
    controller, _context, folder = setup
    cloud = tmp_path / "云盘"
    cloud.mkdir()
    modals.folder = cloud

    def edit(dialog):
        dialog.choose_folder()
        dialog.keep_last.setValue(4)
        dialog.keep_monthly.setChecked(False)
        dialog.remind_days.setValue(3)
        dialog.backup_on_exit.setChecked(True)

    modals.settings_edit = edit
    controller.settings_action.trigger()
    saved = json.loads((data_dir.home / "backup-settings.json").read_text(encoding="utf-8"))
    assert saved["destinations"] == [str(folder), str(cloud)]
    assert (saved["keep_last"], saved["keep_monthly"], saved["remind_days"], saved["backup_on_exit"]) == (
        4,
        False,
        3,
        True,
    )


def test_reminder_when_overdue(setup, modals, data_dir):
    controller, _context, folder = setup
    assert controller.maybe_remind()  # never backed up, and there are customers
    assert "not made a backup yet" in modals.texts()[-1]
    assert list(folder.iterdir()) == []  # "Later"
    modals.remind_choice = "Back up now"
    s = backup_settings.load(data_dir.home)
    s.mark_backup(dt.datetime.now(dt.UTC) - dt.timedelta(days=9), folder / "old.sdbackup")
    backup_settings.save(data_dir.home, s)
    assert controller.maybe_remind()
    assert "9 day(s) ago" in modals.texts()[-1]
    assert len(list(folder.glob("*.sdbackup"))) == 1
    assert not controller.maybe_remind()  # just backed up: no prompt
    s = backup_settings.load(data_dir.home)
    s.remind_days = 0
    s.last_backup_at = ""
    backup_settings.save(data_dir.home, s)
    assert not controller.maybe_remind()  # reminders off


def test_status_text_by_age(setup):
    controller, _context, _folder = setup
    now = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    assert controller.age_text(None, now) == "No backup yet"
    assert controller.age_text(now - dt.timedelta(seconds=30), now) == "Backed up just now"
    assert controller.age_text(now - dt.timedelta(minutes=5), now) == "Last backup 5 minute(s) ago"
    assert controller.age_text(now - dt.timedelta(hours=30), now) == "Last backup 30 hour(s) ago"
    assert controller.age_text(now - dt.timedelta(days=12), now) == "Last backup 12 day(s) ago"


def test_backup_on_exit(setup, modals, data_dir, tmp_path):
    controller, _context, folder = setup
    assert controller.on_close()  # off by default: close at once
    assert list(folder.iterdir()) == []
    s = backup_settings.load(data_dir.home)
    s.backup_on_exit = True
    backup_settings.save(data_dir.home, s)
    assert controller.on_close()
    assert len(list(folder.glob("*.sdbackup"))) == 1


def test_failed_backup_on_exit_asks_before_closing(setup, modals, data_dir, tmp_path):
    controller, _context, _folder = setup
    backup_settings.save(
        data_dir.home, backup_settings.BackupSettings(destinations=[str(tmp_path / "gone")], backup_on_exit=True)
    )
    modals.confirm = False
    assert not controller.on_close()
    modals.confirm = True
    assert controller.on_close()


def test_backup_and_restore_in_the_thread_pool(qtbot, data_dir, tmp_path, modals, monkeypatch):
    """The real path: jobs on the QThreadPool, results back on the GUI thread."""
    customers.create_customer({"name": "线程池"})
    folder = tmp_path / "pool"
    folder.mkdir()
    backup_settings.save(data_dir.home, backup_settings.BackupSettings(destinations=[str(folder)]))
    parent = QWidget()
    qtbot.addWidget(parent)
    context = AppContext(data_dir, data_dir.key)
    controller = BackupController(context, parent)
    with qtbot.waitSignal(context.backup_finished, timeout=30000):
        controller.backup_now()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30000)
    customers.create_customer({"name": "之后"})
    modals.restore_file = next(folder.glob("*.sdbackup"))
    original = RestoreDialog.set_file

    def check_here(self, path):
        with runner.on_calling_thread():  # the file check inside the faked modal
            original(self, path)

    monkeypatch.setattr(RestoreDialog, "set_file", check_here)
    with qtbot.waitSignal(context.customers_changed, timeout=30000):
        controller.restore()
    qtbot.waitUntil(lambda: not controller.busy, timeout=30000)
    assert [c.name for c in Customer.select()] == ["线程池"]


def test_restore_whose_key_file_cannot_follow_says_so(qtbot, setup, modals, tmp_path, data_dir, monkeypatch):
    """Issue #12: never "Restore complete" over data that the key file in place does not open.
    The app keeps working on the restored data; the next start puts the key file in place."""
    controller, context, _folder = setup
    path, key2, _code2 = _other_machine_backup(tmp_path, data_dir)
    modals.restore_file = path
    modals.restore_secrets = ["other password 1"]

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(DataDir, "settle_pending_keyfile", refuse)
        with qtbot.waitSignal(context.customers_changed):
            controller.restore()
    message = modals.texts()[-1]
    assert "does not open with its key file yet" in message and "Restored the backup" not in message
    assert context.key == key2 and [c.name for c in Customer.select()] == ["另一台电脑"]
    data_dir.close()
    restarted = DataDir(data_dir.home, MemorySecretStore())
    assert restarted.is_initialized()
    assert restarted.unlock_with_secret("other password 1") == key2


def test_the_reminder_waits_while_another_dialog_is_open(laptop_window, qtbot, monkeypatch):
    """QA: 该备份了 popped up stacked under another dialog at start; it now asks once that one is closed."""
    from PySide6.QtWidgets import QDialog

    assert laptop_window.backup is not None
    asked = []
    monkeypatch.setattr(laptop_window.backup, "maybe_remind", lambda: asked.append(1) or True)
    other = QDialog(laptop_window)
    other.setModal(True)
    other.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is other)
    laptop_window._remind_backup()
    assert asked == [] and laptop_window.remind_timer.isActive()
    other.close()
    qtbot.waitUntil(lambda: asked == [1], timeout=5000)


def test_the_data_folder_is_refused_as_a_backup_folder(data_dir, qtbot, monkeypatch, tmp_path):
    """Stranger QA: 添加文件夹… took the data folder itself; a backup there goes with it."""
    from sellerdesk.ui.widgets import dialogs

    chosen = [data_dir.home, data_dir.home / "logs", tmp_path / "usb"]
    (tmp_path / "usb").mkdir()

    def pick(dialog):
        dialog.selectFile(str(chosen.pop(0)))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "launch", pick)
    dialog = BackupSettingsDialog(data_dir.home)
    qtbot.addWidget(dialog)
    before = dialog.destinations()
    for _ in range(2):
        dialog.choose_folder()
        assert dialog.destinations() == before and str(data_dir.home) in dialog.error.text()
    dialog.choose_folder()
    assert dialog.destinations() == [*before, str(tmp_path / "usb")] and dialog.error.text() == ""


def test_a_saved_backup_folder_in_the_data_folder_is_skipped_and_said(setup, modals, data_dir, tmp_path, qtbot):
    """A backup folder saved before the picker refused the data folder (or put in the settings file
    by hand) is never written to by 立即备份 / on exit; one line names the cause and the fix, and the
    settings dialog flags it as it opens."""
    controller, _context, folder = setup
    inside = data_dir.home / "backups"
    inside.mkdir()
    backup_settings.save(data_dir.home, backup_settings.BackupSettings(destinations=[str(inside)]))
    controller.backup_now()
    (message,) = modals.texts()
    assert f"Not backed up to {inside}" in message and str(data_dir.home) in message
    assert "Backup settings" in message and "\n" not in message
    assert list(inside.iterdir()) == []
    # beside a good folder: the good one gets its copy, the other is reported
    backup_settings.save(data_dir.home, backup_settings.BackupSettings(destinations=[str(inside), str(folder)]))
    controller.backup_now()
    assert len(list(folder.glob("*.sdbackup"))) == 1 and list(inside.iterdir()) == []
    assert f"Not backed up to {inside}" in modals.texts()[-1]
    dialog = BackupSettingsDialog(data_dir.home)
    qtbot.addWidget(dialog)
    assert str(inside) in dialog.error.text() and "data folder" in dialog.error.text()
    assert dialog.folders.item(0).toolTip() and not dialog.folders.item(1).toolTip()
    dialog.folders.item(0).setSelected(True)
    dialog.remove_selected()
    assert dialog.error.text() == "" and dialog.destinations() == [str(folder)]


def test_every_backup_folder_failing_is_said_folder_by_folder_in_chinese(setup, modals, data_dir, tmp_path, chinese):
    """Two folders that both fail: each reason translated on its own line (it was the layer's
    English sentences joined)."""
    controller, _context, _folder = setup
    inside = data_dir.home / "backups"
    inside.mkdir()
    backup_settings.save(
        data_dir.home, backup_settings.BackupSettings(destinations=[str(tmp_path / "gone"), str(inside)])
    )
    controller.backup_now()
    (message,) = modals.texts()
    lines = message.splitlines()
    assert any(str(tmp_path / "gone") in line and "失败" in line for line in lines)
    assert any(line.startswith(f"没有备份到 {inside}") for line in lines)
    assert "failed" not in message and "Not backed up" not in message
