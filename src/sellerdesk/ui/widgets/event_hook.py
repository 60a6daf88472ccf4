"""A small event filter that lives and dies with the widget it watches.

A window that filters its own children's events (``child.installEventFilter(window)``) can be
called by Qt while it is itself being destroyed: the children's last events reach the window's
``eventFilter`` override through a half-deleted Python wrapper, and the process crashes
(seen: a segfault in ``MainWindow.eventFilter`` when a test's window was collected). An
:class:`EventHook` is a child of the watched widget instead, so it is never called after that
widget is gone, and it calls a plain Python function, not a virtual override of the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject


class EventHook(QObject):
    """Calls ``handler(event)`` for every event of ``watched``; True from it eats the event."""

    def __init__(self, watched: QObject, handler: Callable[[QEvent], bool]) -> None:
        super().__init__(watched)
        self._handler = handler
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        try:
            return self._handler(event)
        except RuntimeError:  # the object behind the handler is already deleted (shutting down)
            return False


__all__ = ["EventHook"]
