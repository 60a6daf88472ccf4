"""A line saying what was just done, with an 撤销 (Undo) link right there: nothing a click
changes is without a way back. The caller hands :meth:`UndoNote.offer` the text and the undo
(a call of one store function that reverses the change in one transaction); the link runs it
once and the line goes. A refusal of the store is shown as the caller's other refusals are."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from sellerdesk.store.errors import StoreError
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text


class UndoNote(QLabel):
    """Hidden until :meth:`offer`; emits ``undone`` after the undo ran without a refusal."""

    undone = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.linkActivated.connect(lambda _href: self.undo())
        self._undo: Callable[[], object] | None = None
        self.setVisible(False)

    def offer(self, text: str, undo: Callable[[], object]) -> None:
        """Show ``text`` (plain) with the link; a second offer replaces the first."""
        self._undo = undo
        link = self.tr("Undo")
        self.setText(f'{html.escape(text)} <a href="undo">{html.escape(link)}</a>')
        self.setVisible(True)

    def withdraw(self) -> None:
        """The change can no longer be undone from here (another customer shown, the list reloaded)."""
        self._undo = None
        self.setVisible(False)

    @property
    def offered(self) -> bool:
        return self._undo is not None

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        if undo is None:
            return
        try:
            undo()
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            self.setVisible(False)
            return
        self.setVisible(False)
        self.undone.emit()
