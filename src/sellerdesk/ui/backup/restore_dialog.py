"""Restore, step by step: pick a file → check it → show its date and counts → unlock → confirm.

The dialog only decides *what* to restore and with which key; the controller
(``ui.backup_actions``) then backs up the current data, swaps the database and reloads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from sellerdesk.backup import (
    BackupNeedsSecretError,
    WrongBackupSecretError,
    check_integrity,
    read_info,
    unlock_backup,
)
from sellerdesk.backup.fileformat import EXTENSION, BackupInfo
from sellerdesk.backup.leftovers import SAFETY_FOLDER
from sellerdesk.backup.rotation import list_backups
from sellerdesk.jobs.worker import Job
from sellerdesk.store.errors import StoreError
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.forms import error_label, ok_button, ok_cancel

RECENT_SHOWN = 20


class RestoreDialog(QDialog):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.context = controller.context
        self.info: BackupInfo | None = None
        self.verified = False
        self.key: bytes | None = None
        self.asks_to_replace = True  # the local question; team mode asks its own (ui/backup/team_actions.py)
        self._known_key: bytes | None = None
        self._job: Job | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a SellerDesk backup file (.sdbackup). It is checked before anything "
                "changes, and your current data is backed up first."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Recent backups (newest first):")))
        self.recent = QListWidget()
        self.recent.setMaximumHeight(self.fontMetrics().height() * 7)
        self.recent.currentItemChanged.connect(self._recent_chosen)
        layout.addWidget(self.recent)
        self._fill_recent()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.clicked.connect(self.choose_file)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.details = QLabel()
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.secret_label = QLabel()
        self.secret_label.setWordWrap(True)
        layout.addWidget(self.secret_label)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.secret)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self.accept, self.reject, ok_text=self.tr("Restore"))
        self.restore_button = ok_button(self.buttons)
        layout.addWidget(self.buttons)
        self._show_secret(False)
        self.restore_button.setEnabled(False)
        self.resize(560, self.sizeHint().height())

    def _fill_recent(self) -> None:
        """The backups SellerDesk made in the backup folders and before earlier restores (file
        names only: a folder listing, no file is opened until one is chosen)."""
        folders = self.controller.restore_folders()
        folders.append(Path(self.context.datadir.home) / SAFETY_FOLDER)
        found = []
        for folder in dict.fromkeys(folders):
            found += [(f.taken_at, f.serial, folder / f.name, folder) for f in list_backups(folder)]
        found.sort(reverse=True)
        for taken_at, _serial, path, folder in found[:RECENT_SHOWN]:
            where = (
                self.tr("saved before a restore")
                if folder.name == SAFETY_FOLDER
                else self.tr("in %1").replace("%1", str(folder))
            )
            item = QListWidgetItem(f"{taken_at:%Y-%m-%d %H:%M}  ·  {where}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("No backup found in the backup folder; choose a file below."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _recent_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if path:
            self.set_file(path)

    def _show_secret(self, visible: bool) -> None:
        self.secret_label.setVisible(visible)
        self.secret.setVisible(visible)

    def choose_file(self) -> None:
        picker = QFileDialog(self, self.tr("Choose a backup file"))
        picker.setFileMode(QFileDialog.FileMode.ExistingFile)
        picker.setNameFilter(self.tr("SellerDesk backups (*%1)").replace("%1", EXTENSION))
        if dialogs.launch(picker) == QDialog.DialogCode.Accepted and picker.selectedFiles():
            self.set_file(picker.selectedFiles()[0])

    def set_file(self, path: str | Path) -> None:
        """Read the header, then check the whole file's checksum in a worker."""
        self.info = None
        self.verified = False
        self.key = None
        self._known_key = None
        self.restore_button.setEnabled(False)
        self.error.clear()
        self.details.clear()
        self._show_secret(False)
        self.path_edit.setText(str(path))
        try:
            info = read_info(path)
            info.check_schema()
        except (StoreError, OSError) as exc:
            self.error.setText(self.controller.describe_error(exc))
            return
        self.info = info
        self.details.setText(self._describe(info))
        job = self.controller.make_job(lambda progress, token: check_integrity(path, progress, token), "check backup")
        job.succeeded.connect(self._checked)
        job.failed.connect(self._check_failed)
        job.finished.connect(self._job_done)
        self._job = job
        self.controller.run_progress(job, self.tr("Checking the backup…"), self)

    def _job_done(self) -> None:
        self._job = None

    def _describe(self, info: BackupInfo) -> str:
        when = self.controller.local_text(info.created_at)
        counts = info.counts
        return (
            self.tr("Backup of %1: %2 customers, %3 addresses, %4 orders (SellerDesk %5).")
            .replace("%1", when)
            .replace("%2", str(counts["customers"]))
            .replace("%3", str(counts["addresses"]))
            .replace("%4", str(counts["orders"]))
            .replace("%5", info.header.app_version)
        )

    def _check_failed(self, message: str) -> None:
        if self.info is None:
            return
        self.error.setText(message)
        self.info = None

    def _checked(self, info: BackupInfo) -> None:
        if self.info is None or Path(info.path) != Path(self.info.path):
            return
        self.verified = True
        self.details.setText(self._describe(info) + "\n" + self.tr("The file is intact."))
        try:
            self._known_key = unlock_backup(
                info, keys=[self.context.key], secret_store=self.context.datadir.secret_store
            )
        except BackupNeedsSecretError:
            self._known_key = None
        if self._known_key is None:
            if info.needs_password:
                self.secret_label.setText(
                    self.tr(
                        "This backup has another key. Enter the master password or the recovery code it was made with."
                    )
                )
            else:
                self.secret_label.setText(
                    self.tr("This backup has another key. Enter the recovery code it was made with.")
                )
            self._show_secret(True)
            self.secret.setFocus()
        self.restore_button.setEnabled(True)

    def accept(self) -> None:
        if self.info is None or not self.verified:
            return
        key = self._known_key
        if key is None:
            text = self.secret.text()
            if not text:
                self.error.setText(self.tr("Please type the password or recovery code of this backup."))
                return
            try:
                key = unlock_backup(self.info, secret=text)
            except WrongBackupSecretError:
                self.error.setText(
                    self.tr("Wrong password or recovery code for this backup. Nothing was changed; please try again.")
                )
                self.secret.selectAll()
                return
        question = self.tr(
            "Replace the customers you have now with this backup?\n\nYour current data is backed "
            "up first, so you can go back to it."
        )
        if self.asks_to_replace and not dialogs.confirm(self, self.tr("Restore this backup?"), question):
            return
        self.key = key
        super().accept()
