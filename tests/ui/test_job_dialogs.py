"""The dialogs that run a job of their own share one piece (ui/widgets/job_dialog.JobDialog):
Cancel while the job runs cancels it and keeps the dialog, a cancel is said in the dialog, and
the job's end hides the bar and gives the buttons back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from sellerdesk.jobs.worker import Job
from sellerdesk.ui.exchange.export_dialog import ExportDialog
from sellerdesk.ui.shipping.export_dialog import WaybillExportDialog
from sellerdesk.ui.shipping.labels_dialog import ORDERS, LabelsDialog
from sellerdesk.ui.shipping.tracking_dialog import TrackingImportDialog
from sellerdesk.ui.widgets.job_dialog import JobDialog


def _dialogs():
    return {
        "customers": (lambda: ExportDialog(), lambda d: d.phase.text()),
        "waybills": (lambda: WaybillExportDialog(), lambda d: d.phase.text()),
        "labels": (lambda: LabelsDialog(ORDERS, [1]), lambda d: d.error.text()),
        "tracking": (lambda: TrackingImportDialog(None), lambda d: d.summary.text()),
    }


@pytest.mark.parametrize("kind", sorted(_dialogs()))
def test_every_job_dialog_cancels_says_so_and_gives_the_buttons_back(kind, qtbot, store, modals):
    make, said = _dialogs()[kind]
    dialog = make()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, JobDialog)
    dialog.show()
    job = Job(lambda _p, _t: None, "test")
    chosen = [b for b in dialog.findChildren(QPushButton) if b.isEnabled()][:1]
    dialog.job = job
    dialog._bar, dialog._job_buttons = dialog.progress, chosen
    for button in chosen:
        button.setEnabled(False)
    dialog.progress.show()
    cancelled = []
    job.cancel = lambda: cancelled.append(True)  # (not started: only the request is recorded)
    dialog.reject()
    assert cancelled == [True] and dialog.isVisible()
    dialog.job_failed(None)
    assert "ancel" in said(dialog)
    dialog._job_finished()
    assert dialog.job is None and not dialog.progress.isVisible() and all(b.isEnabled() for b in chosen)
    dialog.reject()
    assert not dialog.isVisible()
