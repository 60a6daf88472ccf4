"""Backup and restore in the app: actions, status-bar age, reminders, backup on exit.

The main window builds one ``BackupController(context, window)`` and places its actions
(``backup_action`` Ctrl+B, ``restore_action``, ``settings_action``) in the toolbar and menu
and ``status_widget`` in the status bar; it calls ``maybe_remind()`` once after the window
shows, and in ``closeEvent``: ``if not controller.on_close(): event.ignore()``. When a
backup on exit is running, ``on_close()`` returns False and closes the window itself once
the backup is done.

Settings live in ``<data dir>/backup-settings.json`` (``sellerdesk.backup.settings``),
shared with ``sellerdesk-cli backup`` so a scheduled backup shows here too.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QStyle, QWidget

from sellerdesk.backup import (
    AllDestinationsFailedError,
    BackupDamagedError,
    BackupNeedsSecretError,
    BackupTooNewError,
    DestinationError,
    NoDestinationError,
    NotABackupError,
    RestoreNotInPlaceError,
    WrongBackupSecretError,
    backup_datadir,
    commit_restore,
    finish_restore,
    prepare_restore,
)
from sellerdesk.backup import settings as backup_settings
from sellerdesk.backup.create import BackupResult
from sellerdesk.backup.fileformat import MSG_CHECK, MSG_DECRYPT, MSG_ENCRYPT
from sellerdesk.backup.restore import MSG_MIGRATE, MSG_SAFETY, StagedRestore
from sellerdesk.backup.snapshot import MSG_SNAPSHOT
from sellerdesk.jobs.worker import Job
from sellerdesk.progress import Cancelled
from sellerdesk.store.errors import StorageError, StoreError, WrongKeyError
from sellerdesk.store.restore_journal import RestoreBusyError
from sellerdesk.store.secrets import KeyringUnavailable
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import os_reason, storage_text
from sellerdesk.ui.widgets.progress import run_job

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 60_000


class UserMessage(Exception):
    """An error already turned into the text the user sees (translated)."""


class BackupController(QObject):
    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self._job: Job | None = None
        self._exit_state: str | None = None  # None, "running", "done"
        self._in_on_close = False
        self._phases = {
            MSG_SNAPSHOT: self.tr("Copying the database…"),
            MSG_ENCRYPT: self.tr("Encrypting and writing the backup…"),
            MSG_CHECK: self.tr("Checking the backup file…"),
            MSG_DECRYPT: self.tr("Decrypting and verifying the backup…"),
            MSG_MIGRATE: self.tr("Updating the restored data to this version…"),
            MSG_SAFETY: self.tr("Backing up the current data first…"),
        }
        style = parent_widget.style()
        self.backup_action = QAction(
            QIcon.fromTheme("document-save", style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)),
            self.tr("&Back up now"),
            parent_widget,
        )
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.setToolTip(self.tr("Write an encrypted backup to your backup folders (Ctrl+B)"))
        self.backup_action.setStatusTip(self.backup_action.toolTip())
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = QAction(
            QIcon.fromTheme("document-revert", style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload)),
            self.tr("&Restore from backup…"),
            parent_widget,
        )
        self.restore_action.setToolTip(
            self.tr("Replace your data with a backup (your current data is backed up first)")
        )
        self.restore_action.triggered.connect(self.restore)
        self.settings_action = QAction(self.tr("Backup settin&gs…"), parent_widget)
        self.settings_action.setToolTip(self.tr("Backup folders, how many to keep, reminders"))
        self.settings_action.triggered.connect(self.edit_settings)
        self.status_widget = QLabel()
        self.status_widget.setMargin(2)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start()
        context.backup_finished.connect(lambda _path: self.refresh_status())
        self.refresh_status()

    # ----- helpers -------------------------------------------------------------------------------------------

    def settings(self) -> backup_settings.BackupSettings:
        return backup_settings.load(self.context.datadir.home)

    def restore_folders(self) -> list[Path]:
        """Where the restore dialog lists recent backups (besides the safety copies)."""
        return list(self.settings().destination_paths())

    @property
    def busy(self) -> bool:
        return self._job is not None

    @staticmethod
    def local_text(moment: dt.datetime) -> str:
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")

    def describe_error(self, exc: BaseException) -> str:
        """The translated message for a failure of the backup layer."""
        if isinstance(exc, UserMessage):
            return str(exc)
        if isinstance(exc, StorageError) or (isinstance(exc, OSError) and storage_text(exc)):
            return storage_text(exc) or str(exc)  # the data folder's disk: full, read-only…
        if isinstance(exc, AllDestinationsFailedError):
            return "\n".join(self.describe_error(f) for f in exc.failures)
        if isinstance(exc, DestinationError) and exc.reason == DestinationError.IN_DATA_FOLDER:
            return (
                self.tr(
                    "Not backed up to %1: it is in the data folder %2, where a backup is lost with the data. "
                    "Choose another folder in File › Backup settings…."
                )
                .replace("%1", str(exc.folder))
                .replace("%2", exc.detail)
            )
        if isinstance(exc, DestinationError):
            reasons = {
                DestinationError.MISSING: self.tr("the folder does not exist (is the drive plugged in?)"),
                DestinationError.NO_SPACE: self.tr("there is not enough free space"),
                DestinationError.READ_ONLY: self.tr("the folder cannot be written (read-only or no permission)"),
                DestinationError.DEVICE_GONE: self.tr("the drive was removed or failed while writing"),
                DestinationError.OTHER: self.tr("the file could not be written"),
            }
            return (
                self.tr("Backup to %1 failed: %2. No partial file was left and older backups are untouched.")
                .replace("%1", str(exc.folder))
                .replace("%2", reasons[exc.reason])
            )
        if isinstance(exc, NoDestinationError):
            return self.tr("No backup folder is set. Choose one in the backup settings.")
        if isinstance(exc, NotABackupError):
            return self.tr("This is not a SellerDesk backup file.")
        if isinstance(exc, BackupDamagedError):
            return self.tr("This backup file is damaged or was modified, so it cannot be used. Nothing was changed.")
        if isinstance(exc, BackupTooNewError):
            return self.tr("This backup was made by a newer SellerDesk. Please update SellerDesk; nothing was changed.")
        if isinstance(exc, (WrongBackupSecretError, WrongKeyError)):
            return self.tr("Wrong password or recovery code for this backup. Nothing was changed.")
        if isinstance(exc, RestoreBusyError):
            return self.tr(
                "Another SellerDesk is restoring a backup into this data folder. Try again when it has finished."
            )
        if isinstance(exc, RestoreNotInPlaceError):
            return self.tr(
                "The backup was restored, but it does not open with its key file yet. SellerDesk finishes this "
                "at its next start; if this message comes back, restore the backup again."
            )
        if isinstance(exc, BackupNeedsSecretError):
            return self.tr("This backup needs the master password or the recovery code it was made with.")
        if isinstance(exc, OSError):
            return self.tr("The file could not be read or written: %1").replace("%1", os_reason(exc))
        return str(exc)

    def make_job(self, fn: Callable, name: str) -> Job:
        """A Job running ``fn(progress, token)`` with translated phase texts and error messages."""
        phases = self._phases

        def work(progress, token):
            def report(done: int, total: int, message: str = "") -> None:
                progress(done, total, phases.get(message, message))

            try:
                return fn(report, token)
            except Cancelled:
                raise
            except (StoreError, KeyringUnavailable, OSError) as exc:
                log.warning("%s failed: %s", name, type(exc).__name__)
                raise UserMessage(self.describe_error(exc)) from exc
            except Exception as exc:  # a driver error of the snapshot's own connection (a full disk…)
                text = storage_text(exc)
                if text is None:
                    raise
                log.warning("%s failed: %s", name, exc)
                raise UserMessage(text) from exc

        return Job(work, name)

    def run_progress(self, job: Job, title: str, parent: QWidget | None = None) -> None:
        run_job(job, title, parent or self.parent_widget)

    def _set_busy(self, job: Job | None) -> None:
        self._job = job
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(job is None)

    # ----- status and reminders ------------------------------------------------------------------------------

    def age_text(self, last: dt.datetime | None, now: dt.datetime | None = None) -> str:
        if last is None:
            return self.tr("No backup yet")
        now = now or dt.datetime.now(dt.UTC)
        seconds = max(0, int((now - last).total_seconds()))
        if seconds < 120:
            return self.tr("Backed up just now")
        if seconds < 3600:
            return self.tr("Last backup %n minute(s) ago", "", seconds // 60)
        if seconds < 2 * 86400:
            return self.tr("Last backup %n hour(s) ago", "", seconds // 3600)
        return self.tr("Last backup %n day(s) ago", "", seconds // 86400)

    def is_overdue(
        self, settings: backup_settings.BackupSettings | None = None, now: dt.datetime | None = None
    ) -> bool:
        settings = settings or self.settings()
        if settings.remind_days <= 0:
            return False
        last = settings.last_backup_time()
        if last is None:
            return True
        now = now or dt.datetime.now(dt.UTC)
        return now - last > dt.timedelta(days=settings.remind_days)

    def refresh_status(self) -> None:
        settings = self.settings()
        last = settings.last_backup_time()
        self.status_widget.setText(self.age_text(last))
        overdue = self.is_overdue(settings)
        self.status_widget.setStyleSheet("color: #b3261e" if overdue else "")
        if last is not None:
            self.status_widget.setToolTip(
                self.tr("Last backup: %1\n%2")
                .replace("%1", self.local_text(last))
                .replace("%2", settings.last_backup_path)
            )
        else:
            self.status_widget.setToolTip(self.tr("Press Ctrl+B to write your first backup."))

    def _has_customers(self) -> bool:
        from sellerdesk.store.models import Customer

        try:
            return Customer.select().limit(1).count() > 0
        except Exception:  # noqa: BLE001 - no bound store: nothing to remind about
            return False

    def maybe_remind(self) -> bool:
        """Once after start: a gentle prompt when the last backup is older than the setting.
        Returns True if the prompt was shown."""
        settings = self.settings()
        if not self.is_overdue(settings) or not self._has_customers():
            return False
        last = settings.last_backup_time()
        if last is None:
            text = self.tr(
                "You have not made a backup yet. A backup keeps your customers safe if this computer is lost or broken."
            )
        else:
            days = max(1, int((dt.datetime.now(dt.UTC) - last).total_seconds() // 86400))
            text = self.tr("Your last backup was %n day(s) ago.", "", days)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Time for a backup"),
            text,
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        now_button = box.addButton(self.tr("Back up now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now_button)
        dialogs.launch(box)
        if box.clickedButton() is now_button:
            self.backup_now()
        return True

    # ----- backup --------------------------------------------------------------------------------------------

    def backup_now(self, *, on_finished: Callable[[bool], None] | None = None) -> Job | None:
        """Start a backup to the configured folders; ``on_finished(ok)`` is called at the end."""
        if self.busy:
            return None
        datadir, key = self.context.datadir, self.context.key
        job = self.make_job(
            lambda progress, token: backup_datadir(datadir, key, progress=progress, token=token), "backup"
        )
        outcome = {"ok": False}

        def succeeded(result: BackupResult) -> None:
            outcome["ok"] = not result.failures
            self.context.backup_finished.emit(str(result.path))
            self.say_failed_folders(result)

        return self.start_backup_job(job, succeeded, self.tr("Backing up…"), outcome, on_finished)

    def say_failed_folders(self, result: BackupResult) -> bool:
        """The folders a backup could not be written to, if any, in one message; True if there were."""
        if not result.failures:
            return False
        lines = "\n".join(self.describe_error(f) for f in result.failures)
        dialogs.error(
            self.parent_widget,
            self.tr("Some backup folders failed"),
            self.tr("The backup was written to:\n%1\n\nbut:\n%2")
            .replace("%1", "\n".join(str(p) for p in result.written))
            .replace("%2", lines),
        )
        return True

    def start_backup_job(
        self,
        job: Job,
        succeeded: Callable[[BackupResult], None],
        title: str,
        outcome: dict[str, bool],
        on_finished: Callable[[bool], None] | None,
    ) -> Job:
        """Run a backup ``job`` (a local or a team one): its failure said in one message, this
        controller busy until it ends, then ``on_finished(outcome["ok"])``."""

        def failed(message: str) -> None:
            dialogs.error(self.parent_widget, self.tr("Backup failed"), message)

        def finished() -> None:
            self._set_busy(None)
            self.refresh_status()
            if on_finished is not None:
                on_finished(outcome["ok"])

        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.finished.connect(finished)
        self._set_busy(job)
        self.run_progress(job, title)
        return job

    def refused_while_busy(self) -> bool:
        """True (and said) when a backup or restore is still running: the window waits for it."""
        if not self.busy:
            return False
        dialogs.information(
            self.parent_widget,
            self.tr("Please wait"),
            self.tr("A backup or restore is still running. SellerDesk closes when it is done."),
        )
        return True

    def on_close(self) -> bool:
        """Call from the main window's closeEvent; True when the window may close now."""
        if self._exit_state == "done":
            return True
        if self.refused_while_busy():
            return False
        if not self.settings().backup_on_exit:
            return True
        self._exit_state = "running"
        self._in_on_close = True
        try:
            self.backup_now(on_finished=self._exit_backup_finished)
        finally:
            self._in_on_close = False
        return self._exit_state == "done"

    def _exit_backup_finished(self, ok: bool) -> None:
        if not ok and not dialogs.confirm(
            self.parent_widget,
            self.tr("Close without a backup?"),
            self.tr("The backup on exit did not complete. Close SellerDesk anyway?"),
        ):
            self._exit_state = None
            return
        self._exit_state = "done"
        if not self._in_on_close:
            QTimer.singleShot(0, self.parent_widget.close)

    # ----- restore -------------------------------------------------------------------------------------------

    def restore(self) -> None:
        """Pick, check, unlock (the dialog), then back up the current data and swap (a job), then reload."""
        if self.busy:
            return
        from sellerdesk.ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self, self.parent_widget)
        if dialogs.launch(dialog) != QDialog.DialogCode.Accepted or dialog.info is None or dialog.key is None:
            return
        path, key = dialog.info.path, dialog.key
        datadir, current_key = self.context.datadir, self.context.key
        job = self.make_job(
            lambda progress, token: prepare_restore(
                path, key, datadir, current_key=current_key, progress=progress, token=token
            ),
            "restore",
        )
        job.succeeded.connect(self._commit_restore)
        job.failed.connect(lambda message: dialogs.error(self.parent_widget, self.tr("Restore failed"), message))
        job.finished.connect(lambda: self._set_busy(None))
        self._set_busy(job)
        self.run_progress(job, self.tr("Restoring…"))

    def _reopen(self, *keys: bytes) -> bytes | None:
        """Open the store with the first key that opens it (None if none does)."""
        for key in keys:
            try:
                self.context.datadir.open(key)
            except StoreError:
                continue
            return key
        return None

    def _commit_restore(self, staged: StagedRestore) -> None:
        """On the UI thread: close the store, swap the files, reopen, tell every view."""
        datadir = self.context.datadir
        datadir.close()
        try:
            result = commit_restore(staged, datadir)
        except StoreError as exc:
            log.error("the restore could not be completed: %s", type(exc).__name__)
            # before the swap the old data is still there; after it (a failed check) the new one is
            opened = self._reopen(self.context.key, staged.key)
            if opened is not None and opened != self.context.key:
                self.context.key = opened
                self.context.customers_changed.emit()
            dialogs.error(self.parent_widget, self.tr("Restore failed"), self.describe_error(exc))
            return
        try:
            finish_restore(datadir, result)  # the key file is in place and opens the database
            datadir.open(result.key)
        except StoreError as exc:
            log.error("the restored database does not open: %s", type(exc).__name__)
            if self._reopen(result.key) is not None:
                self.context.key = result.key
                self.context.customers_changed.emit()
            dialogs.error(self.parent_widget, self.tr("Restore failed"), self.describe_error(exc))
            return
        self.context.key = result.key
        self.context.customers_changed.emit()
        self.refresh_status()
        counts = result.counts
        text = (
            self.tr("Restored the backup of %1: %2 customers, %3 addresses, %4 orders.")
            .replace("%1", self.local_text(result.info.created_at))
            .replace("%2", str(counts["customers"]))
            .replace("%3", str(counts["addresses"]))
            .replace("%4", str(counts["orders"]))
        )
        if result.safety_backup is not None:
            text += "\n\n" + self.tr("The data it replaced was saved to:\n%1").replace("%1", str(result.safety_backup))
        if result.keyfile_replaced:
            text += "\n\n" + self.tr("The restored data opens with the password or recovery code of the backup.")
        dialogs.information(self.parent_widget, self.tr("Restore complete"), text)

    # ----- settings ------------------------------------------------------------------------------------------

    def edit_settings(self) -> None:
        from sellerdesk.ui.backup.settings_dialog import BackupSettingsDialog

        dialog = BackupSettingsDialog(self.context.datadir.home, self.parent_widget)
        if dialogs.launch(dialog) == QDialog.DialogCode.Accepted:
            self.refresh_status()
