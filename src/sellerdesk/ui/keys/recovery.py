"""The recovery code on screen, on paper and in a text file, with where (not) to keep it.

:class:`RecoveryCodeBox` is the one widget that shows a recovery code: the first-run wizard
and the 显示恢复码 dialog both use it. It copies, prints (any printer, or a PDF through the
print dialog) and saves a text file — never into the data folder, a backup folder or a
cloud-synced folder: whoever gets that folder would then hold the code that opens it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPagedPaintDevice, QPageLayout, QPaintDevice, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk import APP_NAME
from sellerdesk.core import clock
from sellerdesk.store.files import write_atomic
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import os_reason
from sellerdesk.ui.widgets.forms import error_label

# Folders that cloud clients keep in sync, by the names they create (lower case): a copy of
# the code there travels with the backups to the same account.
SYNCED_FOLDER_NAMES = (
    "onedrive",
    "dropbox",
    "icloud drive",
    "iclouddrive",
    "google drive",
    "googledrive",
    "nutstore",
    "我的坚果云",
    "坚果云",
    "baidunetdisk",
    "百度网盘",
    "百度云同步盘",
    "wps云文档",
    "wpsdrive",
    "aliyundrive",
    "阿里云盘",
)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def unsafe_place(path: Path, keep_apart: Iterable[Path]) -> str | None:
    """Why ``path`` is a bad place for the recovery code (translated), or None."""
    for folder in keep_apart:
        if _inside(path, folder):
            return QCoreApplication.translate(
                "RecoveryCode",
                "Not in %1: whoever gets that folder would also get the code that opens it. "
                "Choose another place, such as a USB stick you keep apart.",
            ).replace("%1", str(folder))
    for part in path.resolve().parts[:-1]:
        if part.lower() in SYNCED_FOLDER_NAMES:
            return QCoreApplication.translate(
                "RecoveryCode",
                "Not in the synced folder %1: your backups may travel there too. "
                "Choose another place, such as a USB stick you keep apart.",
            ).replace("%1", part)
    return None


def sheet_lines(code: str, key_id: str) -> list[str]:
    """The text of the printed sheet and of the text file (translated), code on its own line."""
    return [
        QCoreApplication.translate("RecoveryCode", "%1 — recovery code").replace("%1", APP_NAME),
        "",
        code,
        "",
        QCoreApplication.translate(
            "RecoveryCode",
            "This code unlocks your SellerDesk data and every backup of it on any computer, "
            "if the master password is forgotten or the system keyring loses the key.",
        ),
        QCoreApplication.translate(
            "RecoveryCode",
            "Keep it away from the computer: on paper in a drawer, or in a password manager. "
            "Not in the data folder, not in the backup folder, not in a cloud-synced folder or a chat.",
        ),
        "",
        QCoreApplication.translate("RecoveryCode", "Made on %1 for the database with key id %2.")
        .replace("%1", clock.today().isoformat())
        .replace("%2", key_id),
    ]


def save_text(path: Path, code: str, key_id: str) -> None:
    """The code as a UTF-8 text file (private, 0600; written whole or not at all)."""
    write_atomic(path, ("\n".join(sheet_lines(code, key_id)) + "\n").encode("utf-8"))


def paint_sheet(device: QPaintDevice, code: str, key_id: str) -> None:
    """Print the sheet on ``device`` (a QPrinter, a QPdfWriter; or an image, for a preview)."""
    if isinstance(device, QPagedPaintDevice):
        device.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    lines = sheet_lines(code, key_id)
    painter = QPainter(device)
    try:
        page = QRectF(painter.viewport())
        dpi = device.logicalDpiY()
        y = 0.0
        for i, line in enumerate(lines):
            font = QFont()
            if i == 0:
                font.setPointSize(16)
                font.setBold(True)
            elif line == code:
                font = QFont("monospace")
                font.setStyleHint(QFont.StyleHint.Monospace)
                font.setPointSize(20)
                font.setBold(True)
            else:
                font.setPointSize(11)
            painter.setFont(font)
            if not line:
                y += dpi * 0.2
                continue
            flags = Qt.TextFlag.TextWordWrap | (
                Qt.AlignmentFlag.AlignHCenter if line == code else Qt.AlignmentFlag.AlignLeft
            )
            box = painter.boundingRect(QRectF(0, y, page.width(), page.height() - y), flags, line)
            painter.drawText(box, flags, line)
            y = box.bottom() + dpi * 0.08
    finally:
        painter.end()


class RecoveryCodeBox(QWidget):
    """The code, large; Copy, Print…, Save as text file…; where to keep it; a red line for a refusal."""

    def __init__(self, keep_apart: Iterable[Path] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        self.key_id = ""
        self.keep_apart = list(keep_apart)
        self.saved_to: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.code_label = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as text file…"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.ask_save)
        row.addStretch(1)
        for button in (self.copy_button, self.print_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.where = QLabel(
            self.tr(
                "Keep it away from this computer: on paper in a drawer, or in a password manager. "
                "Not in the data folder, not in the backup folder, not in a cloud-synced folder or a chat: "
                "whoever has a backup and this code has all your customers."
            )
        )
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.error = error_label()
        layout.addWidget(self.error)

    def set_code(self, code: str, key_id: str = "") -> None:
        self.code, self.key_id = code, key_id
        self.code_label.setText(code)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.status.setText(self.tr("Copied. Paste it where you keep it, then clear the clipboard."))

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Recovery code"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialogs.launch(dialog) != QDialog.DialogCode.Accepted:
            return
        self.error.setText("")
        target = printer.outputFileName()
        if target:
            problem = unsafe_place(Path(target), self.keep_apart)
            if problem:
                self.error.setText(problem)
                return
        paint_sheet(printer, self.code, self.key_id)
        self.status.setText(
            self.tr("Sent to the printer.") if not target else self.tr("Saved as %1.").replace("%1", target)
        )

    def ask_save(self) -> None:
        start = str(Path.home() / self.tr("SellerDesk recovery code.txt"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery code"), start, self.tr("Text file (*.txt)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save the text file at ``path``; a bad place or a failed write is one red line."""
        self.error.setText("")
        if path.suffix.lower() != ".txt":
            path = path.with_name(path.name + ".txt")
        problem = unsafe_place(path, self.keep_apart)
        if problem:
            self.error.setText(problem)
            return False
        if not path.parent.is_dir():
            self.error.setText(self.tr("The folder %1 does not exist.").replace("%1", str(path.parent)))
            return False
        try:
            save_text(path, self.code, self.key_id)
        except OSError as exc:
            self.error.setText(self.tr("Could not save %1: %2").replace("%1", str(path)).replace("%2", os_reason(exc)))
            return False
        self.saved_to = path
        self.status.setText(
            self.tr("Saved as %1. Move it somewhere safe, away from this computer.").replace("%1", str(path))
        )
        return True


def keep_apart_folders(home: Path) -> list[Path]:
    """Where the code must not be saved: the data folder and the backup folders."""
    from sellerdesk.backup import settings as backup_settings

    folders = [home]
    try:
        folders += backup_settings.load(home).destination_paths()
    except (OSError, ValueError):
        folders.append(backup_settings.default_destination())
    return folders


class RecoveryCodeDialog(QDialog):
    """帮助 → 显示恢复码, and the dialog after a new code is made."""

    def __init__(self, code: str, key_id: str, keep_apart: Iterable[Path], new: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your new recovery code") if new else self.tr("Recovery code"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This is your new recovery code. The old one no longer opens your data; backups made before "
                "still open with the old one, so make a new backup now."
            )
            if new
            else self.tr(
                "This code unlocks your data and every backup on a new computer if the master password is "
                "forgotten or the system keyring loses the key. You can see it here again while SellerDesk is "
                "unlocked."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.box = RecoveryCodeBox(keep_apart, self)
        self.box.set_code(code, key_id)
        layout.addWidget(self.box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())
