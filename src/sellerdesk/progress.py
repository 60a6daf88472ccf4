"""Progress reporting and cancellation for long work, with no Qt.

Long functions below ``jobs/`` (import, export, backup, restore, demo data) take a
``progress(done, total, message)`` callback and a :class:`CancelToken`; they call
``token.check()`` between steps, which raises :class:`Cancelled` once cancel was asked,
so the surrounding transaction rolls back. ``jobs/`` turns both into Qt signals; the CLI
prints them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):
    """The user cancelled; whatever was half-done has been rolled back."""

    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was changed.")


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


def no_progress(done: int, total: int, message: str = "") -> None:
    """The default callback: report nothing."""


ProgressCallback = Callable[[int, int, str], None]
