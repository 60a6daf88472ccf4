"""The app says a full disk or a read-only database in one translated line, and keeps going.

SQLite itself refuses here (``query_only``, a page limit, a folder where the WAL file goes),
so the errors come up through the real store as they would from a real disk.
"""

from pathlib import Path

import peewee as pw
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from sellerdesk.jobs.worker import Job
from sellerdesk.store import customers, queries
from sellerdesk.store.models import DB
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import storage_text, with_error_text


@pytest.fixture
def errors_shown(monkeypatch):
    """The texts of the error boxes shown (every modal goes through dialogs.launch)."""
    shown: list[tuple[str, str]] = []

    def fake_launch(dialog):
        if isinstance(dialog, QMessageBox):
            if dialog.icon() == QMessageBox.Icon.Question:
                return QMessageBox.StandardButton.Yes
            if dialog.icon() == QMessageBox.Icon.Critical:
                shown.append((dialog.windowTitle(), dialog.text()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "launch", fake_launch)
    return shown


@pytest.fixture
def window(store, qtbot, errors_shown):
    context = AppContext(store, store.key, QSettings(str(store.home / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(context)
    win.synchronous_jobs = True
    win.reminded = True
    qtbot.addWidget(win)
    win.show()
    yield win
    DB.execute_sql("PRAGMA query_only = 0")
    if win.backup is not None:
        win.backup.on_close = lambda: True
    win.editor._set_dirty(False)
    win.close()


def _changed(window, qtbot):
    """The data changed: the window reads its customer list again (in a worker, as in the app)."""
    window.on_customers_changed()
    qtbot.waitUntil(lambda: not window.view_reader.busy)


def _select_all(window, qtbot, *names):
    for name in names:
        customers.create_customer({"name": name})
    _changed(window, qtbot)
    window.table.selectAll()


def test_trash_on_a_read_only_database_is_one_line_and_changes_nothing(window, qtbot, errors_shown, store):
    _select_all(window, qtbot, "甲一", "乙二")
    DB.execute_sql("PRAGMA query_only = 1")
    window.delete_action.trigger()
    ((title, text),) = errors_shown
    assert title == "Not saved"
    assert text.startswith(f"SellerDesk cannot write to {store.db_path}:") and "\n" not in text
    assert queries.count_customers() == 2 and not window.undo_action.isEnabled()


def test_the_line_is_translated(window, qtbot, errors_shown, store, chinese):
    _select_all(window, qtbot, "甲一")
    DB.execute_sql("PRAGMA query_only = 1")
    window.delete_action.trigger()
    ((title, text),) = errors_shown
    assert title == "未保存"
    assert text.startswith(f"SellerDesk 无法写入 {store.db_path}：")


def test_undo_that_cannot_be_written_can_be_tried_again(window, qtbot, errors_shown):
    _select_all(window, qtbot, "甲一", "乙二")
    window.delete_action.trigger()
    assert queries.count_customers() == 0
    DB.execute_sql("PRAGMA query_only = 1")
    window.undo_action.trigger()
    assert len(errors_shown) == 1 and window.undo_action.isEnabled()
    DB.execute_sql("PRAGMA query_only = 0")
    window.undo_action.trigger()
    assert queries.count_customers() == 2 and not window.undo_action.isEnabled()


def test_saving_on_a_full_disk_keeps_the_edit(window, qtbot, errors_shown, store):
    customer_id = customers.create_customer({"name": "张三"}).id
    _changed(window, qtbot)
    window.select_customer(customer_id)
    editor = window.editor
    DB.execute_sql("VACUUM")  # no free pages left for the note to fill
    DB.execute_sql("PRAGMA max_page_count = 1")
    editor.notes.setPlainText("长" * 10_000)
    assert editor.save() is None
    ((title, text),) = errors_shown
    assert "is full" in text and "Free some space" in text and str(store.db_path) in text
    assert editor._dirty  # the typing is still there to save once there is room
    assert customers.get_customer(customer_id).notes == ""


def test_a_job_failing_on_the_disk_reports_the_translated_line(qapp, chinese):
    def work(_progress, _token):
        raise pw.OperationalError("database or disk is full")

    messages: list[str] = []
    job = Job(with_error_text(work), "demo")
    job.failed.connect(messages.append)
    job.run_here()
    assert messages == [storage_text(pw.OperationalError("database or disk is full"))]
    assert messages[0].startswith("SellerDesk 数据文件夹 所在的磁盘已满")


def test_start_up_in_a_folder_sqlite_cannot_use_says_so(data_dir, qapp, errors_shown):
    from sellerdesk import app

    data_dir.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{data_dir.db_path}{suffix}").unlink(missing_ok=True)
    Path(f"{data_dir.db_path}-wal").mkdir()
    try:
        assert app.start(qapp, data_dir) is None
    finally:
        Path(f"{data_dir.db_path}-wal").rmdir()
    ((title, text),) = errors_shown
    assert title == "SellerDesk cannot start"
    assert text.startswith(f"SellerDesk cannot open {data_dir.home}:")
