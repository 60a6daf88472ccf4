"""One piece of background work asked for again and again: only the newest request counts.

A window that recounts after every keystroke or save hands :class:`Latest` a plain function
of one argument. :meth:`Latest.request` starts it in a job (:func:`sellerdesk.jobs.runner.start`)
when none is running; while one runs, requests only replace the one waiting (the older
argument is dropped), and it starts when the running one ends. ``ready`` carries the result
of a job only when no newer request came meanwhile, so a slow answer never overwrites a
newer one. After :meth:`Latest.stop` (the window closing, its database about to close) nothing
is delivered any more: an answer that was already on its way to the GUI thread is dropped, and
so are later requests.

A ``cancellable`` one hands ``fn`` the job's :class:`~sellerdesk.progress.CancelToken` too
(``fn(argument, token)``, which calls ``token.check()`` between its steps): a newer request, or
:meth:`Latest.cancel`, cancels the running job instead of letting it finish for nothing (a
superseded read of 300k ids stops at its next step), and its answer is never delivered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from sellerdesk.jobs import runner
from sellerdesk.jobs.worker import Job
from sellerdesk.progress import CancelToken

_NOTHING = object()


class Latest(QObject):
    ready = Signal(object)  # the result of the newest request
    failed = Signal(str)

    def __init__(
        self,
        fn: Callable[..., Any],
        name: str = "latest",
        parent: QObject | None = None,
        cancellable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.fn = fn
        self.name = name
        self.cancellable = cancellable
        self.job: Job | None = None
        self._waiting: Any = _NOTHING
        self._asked = 0  # requests and cancels so far: a job's answer counts when none came after it
        self._running_asked = 0  # … the number the running job was started under
        self.started = 0  # how many jobs ran (tests check the coalescing)
        self.cancelled = 0  # running jobs cancelled because a newer request or cancel() came
        self.stopped = False

    @property
    def busy(self) -> bool:
        return self.job is not None or self._waiting is not _NOTHING

    def request(self, argument: Any) -> None:
        """Run ``fn(argument)`` in a worker, after the running job if there is one (never
        after :meth:`stop`)."""
        if self.stopped:
            return
        self._asked += 1
        self._waiting = argument
        if self.job is None:
            self._start_waiting()
        elif self.cancellable:
            self._cancel_running()

    def cancel(self) -> None:
        """Nothing asked so far is wanted any more: the waiting request is dropped, a running
        job's answer will not be delivered (a cancellable one is told to stop)."""
        self._asked += 1
        self._waiting = _NOTHING
        if self.job is not None and self.cancellable:
            self._cancel_running()

    def _cancel_running(self) -> None:
        if self.job is not None and not self.job.token.cancelled:
            self.job.cancel()
            self.cancelled += 1

    def stop(self) -> None:
        """Closing: the waiting request is dropped and a running job waited for (the database
        closes after it); its answer, and any answer still queued for the GUI thread, is dropped."""
        self.stopped = True
        self._waiting = _NOTHING
        job = self.job
        while job is not None and job.running:
            QThread.msleep(5)

    def _start_waiting(self) -> None:
        argument, self._waiting = self._waiting, _NOTHING
        fn = self.fn
        cancellable = self.cancellable
        self._running_asked = self._asked

        def work(_progress: Callable[[int, int, str], None], token: CancelToken) -> Any:
            return fn(argument, token) if cancellable else fn(argument)

        job = Job(work, self.name, self)
        self.job = job
        self.started += 1
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        runner.start(job)

    def _current(self) -> bool:
        """The running job's answer is still wanted: nothing was asked or cancelled since it started."""
        return self._running_asked == self._asked and not self.stopped

    def _succeeded(self, result: object) -> None:
        if self._current():
            self.ready.emit(result)

    def _failed(self, message: str) -> None:
        if self._current():
            self.failed.emit(message)

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        if self._waiting is not _NOTHING:
            self._start_waiting()
