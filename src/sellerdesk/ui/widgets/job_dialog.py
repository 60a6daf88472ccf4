"""A dialog that runs one job of its own — the customer and waybill exports, labels, the
tracking import — in one piece: the job started inside it (:func:`progress.start_in_dialog`:
its bar shown, its buttons disabled), the bar hidden and the buttons enabled again when the
job ends, Cancel / Esc / the close box cancelling a running job instead of closing, and a
cancelled or failed job said in the dialog (:meth:`JobDialog.job_failed`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QWidget

from sellerdesk.jobs.worker import Job
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.progress import start_in_dialog


class JobDialog(QDialog):
    """Subclasses call :meth:`run_job`; they may override :meth:`job_failed` (the default is the
    exports': their ``phase`` line says a cancel, an error is a message box titled as the dialog)."""

    phase: QLabel | None = None  # the line under the form that says what the job does (the exports')

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self._bar: QProgressBar | None = None
        self._job_buttons: list[QWidget] = []

    def run_job(
        self,
        job: Job,
        *,
        bar: QProgressBar,
        buttons: Sequence[QWidget],
        succeeded: Callable[..., object],
        progress: Callable[[int, int, str], object] | None = None,
    ) -> None:
        """Start ``job``; each report moves ``bar`` and is handed on to ``progress`` (a phase line)."""
        self.job = job
        self._bar, self._job_buttons = bar, list(buttons)

        def report(done: int, total: int, message: str) -> None:
            bar.setRange(0, max(total, 0))
            bar.setValue(min(done, total) if total > 0 else 0)
            if progress is not None:
                progress(done, total, message)

        start_in_dialog(
            job,
            bar=bar,
            buttons=self._job_buttons,
            progress=report,
            succeeded=succeeded,
            failed=self.job_failed,
            finished=self._job_finished,
        )

    def _job_finished(self) -> None:
        self.job = None
        if self._bar is not None:
            self._bar.hide()
        for button in self._job_buttons:
            button.setEnabled(True)

    def job_failed(self, message: str | None) -> None:
        """``message`` None: cancelled."""
        if self.phase is not None:
            self.phase.setText("")
        if message is None:
            if self.phase is not None:
                self.phase.setText(self.tr("The export was cancelled; no file was written."))
            return
        dialogs.error(self, self.windowTitle(), message)

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()
