"""Where a :class:`~sellerdesk.jobs.worker.Job` runs: Qt's thread pool, or the calling thread.

Every window and dialog starts its jobs with :func:`start`. A job normally runs on the global
``QThreadPool`` and its signals reach the GUI thread later. Tests switch this module to run
jobs on the calling thread instead (the ``sync_jobs`` fixture for a whole test, or
:func:`on_calling_thread` around one step), so that a job has finished and delivered its
signals when :func:`start` returns. The switch lives here, once, as Picard's tests swap in
a synchronous thread pool; no window takes a parameter for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QRunnable, QThreadPool

from sellerdesk.jobs.worker import Job

synchronous = False
"""True: :func:`start` runs each job on the calling thread (tests only)."""


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        from sellerdesk.store.bulk import give_back_memory
        from sellerdesk.store.models import DB

        try:
            self.job.run_here()
        finally:
            db = DB.obj
            if db is not None and not db.is_closed():
                db.close()  # this worker thread's own connection
            # what the job and its connection freed (page cache, a whole answer's sets and JSON
            # text) goes back to the system: else it stayed in this thread's malloc arena, and
            # the window's memory grew by each worker's peak (300k customers: +70 MB after a
            # few broad searches and their region counts)
            give_back_memory()


def start(job: Job, pool: QThreadPool | None = None) -> Job:
    """Start ``job`` on the thread pool (on the calling thread when :data:`synchronous`) and return it."""
    if synchronous:
        job.run_here()  # on this thread's connection, which stays open
    else:
        (pool or QThreadPool.globalInstance()).start(_Runner(job))
    return job


@contextlib.contextmanager
def on_calling_thread() -> Iterator[None]:
    """Run the jobs started inside this block on the calling thread (tests)."""
    global synchronous
    previous, synchronous = synchronous, True
    try:
        yield
    finally:
        synchronous = previous
