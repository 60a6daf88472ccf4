"""A small event filter that lives and dies with the widget it watches.

A window that filters its own children's events (``child.installEventFilter(window)``) can be
called by Qt while it is itself being destroyed: the children's last events reach the window's
``eventFilter`` override through a half-deleted Python wrapper, and the process crashes
(seen: a segfault in ``MainWindow.eventFilter`` when a test's window was collected). An
:class:`EventHook` is a child of the watched widget instead, so it is never called after that
widget is gone, and it calls a plain Python function, not a virtual override of the window.

Its ``eventFilter`` does no attribute lookup on itself either: PySide's attribute lookup on a
QObject consults the C++ object, which crashed once (CI, a segfault on the line reading the
handler) while widgets of a closed window were being torn down. The handler sits in a module
table keyed by the hook's ``id()``, and it is dropped as soon as the hook is destroyed or the
watched widget is hidden for good (see :func:`_drop`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

_HANDLERS: dict[int, Callable[[QEvent], bool]] = {}


def _drop(key: int) -> None:
    _HANDLERS.pop(key, None)


class EventHook(QObject):
    """Calls ``handler(event)`` for every event of ``watched``; True from it eats the event."""

    def __init__(self, watched: QObject, handler: Callable[[QEvent], bool]) -> None:
        super().__init__(watched)
        key = id(self)
        _HANDLERS[key] = handler
        # (a lambda that holds the key, not the hook: it runs while the hook is destroyed)
        self.destroyed.connect(lambda *_: _drop(key))
        watched.destroyed.connect(lambda *_: _drop(key))
        watched.installEventFilter(self)

    def detach(self) -> None:
        """Stop calling the handler now (a window that is closing: its widgets die later)."""
        _drop(id(self))
        parent = self.parent()
        if parent is not None:
            parent.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        handler = _HANDLERS.get(id(self))
        if handler is None:
            return False
        try:
            return handler(event)
        except RuntimeError:  # the object behind the handler is already deleted (shutting down)
            return False


__all__ = ["EventHook"]
