"""Small building blocks every dialog uses: the red error line and the OK/Cancel row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLabel

ERROR_COLOUR = "#b3261e"


def error_label(*, wrap: bool = True) -> QLabel:
    """The line under a form that says, in red, why OK is refused (empty until then)."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.setWordWrap(wrap)
    return label


def ok_cancel(
    accept: Callable[[], object],
    reject: Callable[[], object],
    *,
    ok_text: str | None = None,
    cancel_text: str | None = None,
) -> QDialogButtonBox:
    """An OK/Cancel button row wired to ``accept``/``reject``; the buttons may be renamed."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    if cancel_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(reject)
    return buttons


def ok_button(buttons: QDialogButtonBox):
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


WORD_JOINER = "\u2060"


def unbroken_path(path: object) -> str:
    """``path`` for a word-wrapped label: it wraps whole onto the next line instead of
    breaking after a slash (…保存到 / ⏎ root/Documents/…) or at a space in a folder name."""
    return str(path).replace(" ", "\u00a0").replace("/", "/" + WORD_JOINER).replace("\\", "\\" + WORD_JOINER)
