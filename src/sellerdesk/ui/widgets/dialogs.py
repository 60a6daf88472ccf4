"""Every modal goes through :func:`launch`, so tests patch one name instead of each dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def launch(dialog: QDialog) -> int:
    """Run ``dialog`` modally and return its result code."""
    return dialog.exec()


def error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    launch(box)


def information(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    launch(box)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return launch(box) == QMessageBox.StandardButton.Yes
