"""A progress dialog with Cancel bound to a :class:`~sellerdesk.jobs.worker.Job`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job


class JobProgressDialog(QProgressDialog):
    """Shows a running job's progress; Cancel asks the job to stop (it rolls back)."""

    def __init__(self, job: Job, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.setMinimumWidth(420)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        self.canceled.connect(self._on_cancel)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        if message:
            self.setLabelText(message)

    def _on_cancel(self) -> None:
        self.job.cancel()
        self.setLabelText(self.tr("Cancelling…"))

    def _on_finished(self) -> None:
        self.close()
        self.deleteLater()


def run_job(job: Job, title: str, parent: QWidget | None = None) -> JobProgressDialog:
    """Start ``job`` (:func:`sellerdesk.jobs.runner.start`) behind a progress dialog."""
    dialog = JobProgressDialog(job, title, parent)
    start(job)
    return dialog


def start_in_dialog(
    job: Job,
    *,
    bar: QProgressBar,
    buttons: Sequence[QWidget],
    progress: Callable[[int, int, str], object],
    succeeded: Callable[..., object],
    failed: Callable[[object], object],
    finished: Callable[[], object],
) -> None:
    """Start ``job`` inside a dialog of its own (an export, labels): the dialog's ``bar`` shown
    (busy until the first report), its ``buttons`` disabled until the dialog's ``finished``
    enables them again; Cancel ends in ``failed(None)``."""
    job.progress.connect(progress)
    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.cancelled.connect(lambda: failed(None))
    job.finished.connect(finished)
    for button in buttons:
        button.setEnabled(False)
    bar.setRange(0, 0)
    bar.show()
    start(job)
