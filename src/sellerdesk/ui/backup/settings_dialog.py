"""Backup settings: the folders, how many backups to keep, reminders, backup on exit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from sellerdesk.backup import settings as backup_settings
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import os_reason
from sellerdesk.ui.widgets.forms import ERROR_COLOUR, error_label, ok_cancel, unbroken_path


class BackupSettingsDialog(QDialog):
    """Edits ``<data dir>/backup-settings.json`` (shared with ``sellerdesk-cli backup``)."""

    def __init__(self, home: Path, parent=None) -> None:
        super().__init__(parent)
        self.home = Path(home)
        current = backup_settings.load(self.home)
        self.setWindowTitle(self.tr("Backup settings"))
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Backups are written to every folder below — for example a USB drive and a "
                "cloud-synced folder. With no folder chosen they go to %1."
            ).replace("%1", unbroken_path(backup_settings.default_destination()))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.folders = QListWidget()
        self.folders.addItems(current.destinations)
        layout.addWidget(self.folders)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add folder…"))
        self.add_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

        form = QFormLayout()
        self.keep_last = QSpinBox()
        self.keep_last.setRange(1, 999)
        self.keep_last.setValue(current.keep_last)
        form.addRow(self.tr("Keep the newest"), self.keep_last)
        self.keep_monthly = QCheckBox(self.tr("Also keep one backup per month for a year"))
        self.keep_monthly.setChecked(current.keep_monthly)
        form.addRow("", self.keep_monthly)
        self.remind_days = QSpinBox()
        self.remind_days.setRange(0, 365)
        self.remind_days.setSpecialValueText(self.tr("Never"))
        self.remind_days.setSuffix(self.tr(" days"))
        self.remind_days.setValue(current.remind_days)
        form.addRow(self.tr("Remind me when the last backup is older than"), self.remind_days)
        self.backup_on_exit = QCheckBox(self.tr("Back up when SellerDesk closes"))
        self.backup_on_exit.setChecked(current.backup_on_exit)
        form.addRow("", self.backup_on_exit)
        layout.addLayout(form)

        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject))
        self._flagged = False
        self.flag_refused()
        self.resize(520, self.sizeHint().height())

    def flag_refused(self) -> None:
        """A folder saved before the picker refused the data folder (or written into the settings
        file by hand) is said at once, in red: every backup skips it (backup.create.split_destinations)."""
        refused = set(backup_settings.refused_destinations([Path(d) for d in self.destinations()], self.home))
        for i in range(self.folders.count()):
            item = self.folders.item(i)
            bad = Path(item.text()) in refused
            item.setForeground(QColor(ERROR_COLOUR) if bad else self.folders.palette().text().color())
            item.setToolTip(self._data_folder_text() if bad else "")
        if refused:
            self.error.setText(
                self.tr("%1 is in the data folder: backups skip it. Remove it and add another folder.").replace(
                    "%1", str(sorted(refused)[0])
                )
            )
        elif self._flagged:
            self.error.clear()
        self._flagged = bool(refused)

    def _data_folder_text(self) -> str:
        return self.tr(
            "Not in the data folder %1: a backup there is lost with it. Choose a USB drive or a cloud-synced folder."
        ).replace("%1", str(self.home))

    def destinations(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def add_folder(self, folder: str) -> None:
        if folder and folder not in self.destinations():
            self.folders.addItem(folder)

    def choose_folder(self) -> None:
        picker = QFileDialog(self, self.tr("Choose a backup folder"))
        picker.setFileMode(QFileDialog.FileMode.Directory)
        picker.setOption(QFileDialog.Option.ShowDirsOnly, True)
        if dialogs.launch(picker) == QDialog.DialogCode.Accepted and picker.selectedFiles():
            folder = picker.selectedFiles()[0]
            # (stranger QA: the data folder was taken as a backup folder)
            if backup_settings.in_data_folder(Path(folder), self.home):
                self.error.setText(self._data_folder_text())
                return
            self.error.clear()
            self.add_folder(folder)
            self.flag_refused()

    def remove_selected(self) -> None:
        for item in self.folders.selectedItems():
            self.folders.takeItem(self.folders.row(item))
        self.flag_refused()

    def accept(self) -> None:
        latest = backup_settings.load(self.home)  # keep the last-backup time a CLI run may have written
        latest.destinations = self.destinations()
        latest.keep_last = self.keep_last.value()
        latest.keep_monthly = self.keep_monthly.isChecked()
        latest.remind_days = self.remind_days.value()
        latest.backup_on_exit = self.backup_on_exit.isChecked()
        try:
            backup_settings.save(self.home, latest)
        except OSError as exc:
            self.error.setText(self.tr("The settings could not be saved: %1").replace("%1", os_reason(exc)))
            return
        super().accept()
