"""Run long work off the UI thread, with progress and Cancel, as Qt signals.

A :class:`Job` wraps a plain function ``fn(progress, token)`` from the layers below
(``exchange``, ``backup``, ``store``); :func:`sellerdesk.jobs.runner.start` runs it on the
global ``QThreadPool`` (or, in tests, on the calling thread). Signals
arrive on the GUI thread (queued connections): ``progress(done, total, message)``, then
exactly one of ``succeeded(result)``, ``failed(message)`` or ``cancelled()``, and finally
``finished()``.

The database connection is per thread (peewee), so a job's writes run in its own
connection; SQLite's WAL lets the UI keep reading meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from sellerdesk.progress import Cancelled, CancelToken

log = logging.getLogger(__name__)

JobFunction = Callable[[Callable[[int, int, str], None], CancelToken], Any]


class Job(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: JobFunction, name: str = "job", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.name = name
        self.token = CancelToken()
        self.running = False

    def cancel(self) -> None:
        self.token.cancel()

    def _report(self, done: int, total: int, message: str = "") -> None:
        self.token.check()
        self.progress.emit(int(done), int(total), str(message))

    def run_here(self) -> None:
        """Run on the calling thread (what the pool's worker thread calls; see jobs.runner)."""
        self.running = True
        try:
            result = self.fn(self._report, self.token)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the user as a message, logged in full
            log.exception("job %s failed", self.name)
            self.failed.emit(str(exc) or type(exc).__name__)
        except BaseException as exc:  # e.g. a panic in a Rust extension (pyo3's PanicException)
            log.exception("job %s failed", self.name)
            self.failed.emit(type(exc).__name__)  # the waiting window is told; it never hangs
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
        else:
            self.succeeded.emit(result)
        finally:
            self.running = False
            self.finished.emit()
