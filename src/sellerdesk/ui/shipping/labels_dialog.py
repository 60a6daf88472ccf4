"""打印标签: print or save as PDF the labels of the selected orders or customers.

The user picks the layout (an A4 sheet of 2 × 7, or 100 × 150 mm thermal), the sender (the
saved senders, the default preselected; without any, a line says so and offers the sender
settings when the window has them), and whether phones are masked (the window's Ctrl+M
mode is the default). Reading the labels and painting them run in one job with progress and
Cancel (:mod:`label_painter`); the PDF is written beside its name and renamed at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.phones import mask_phone
from sellerdesk.exchange import labels as label_data
from sellerdesk.exchange.labels import LAYOUTS
from sellerdesk.jobs.worker import Job
from sellerdesk.store import senders as store_senders
from sellerdesk.ui.shipping.label_painter import PaintReport, page_layout, paint_labels, write_pdf
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import ErrorText, os_reason, with_error_text
from sellerdesk.ui.widgets.forms import error_label
from sellerdesk.ui.widgets.job_dialog import JobDialog

ORDERS, CUSTOMERS = "orders", "customers"


def ask_pdf_path(parent: QWidget, suggested: str, title: str, filter_text: str) -> str:
    """The file dialog (tests replace this one name)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return path


class LabelsDialog(JobDialog):
    """Labels for ``ids`` (order ids or customer ids, per ``kind``)."""

    open_senders = Signal()  # the user asked for the sender settings

    def __init__(
        self,
        kind: str,
        ids: Sequence[int],
        *,
        mask: bool = False,
        mask_locked: bool = False,
        can_open_senders: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("labelsDialog")
        self.kind = kind
        self.ids = list(ids)
        self.report: PaintReport | None = None
        self.setWindowTitle(self.tr("Print labels"))
        layout = QVBoxLayout(self)
        what = (
            self.tr("%n order(s) selected", "", len(self.ids))
            if kind == ORDERS
            else self.tr("%n customer(s) selected: their default address, no items", "", len(self.ids))
        )
        self.what = QLabel(what)
        layout.addWidget(self.what)
        form = QFormLayout()
        layouts = QVBoxLayout()
        self.a4 = QRadioButton(self.tr("A4 sheet, 2 × 7 labels (99 × 38 mm)"))
        self.a4.setObjectName("layoutA4")
        self.thermal = QRadioButton(self.tr("Thermal label 100 × 150 mm, one a page"))
        self.thermal.setObjectName("layoutThermal")
        group = QButtonGroup(self)
        for button in (self.a4, self.thermal):
            group.addButton(button)
            layouts.addWidget(button)
        self.a4.setChecked(True)
        form.addRow(self.tr("Layout:"), layouts)
        self.sender = QComboBox()
        self.sender.setObjectName("senderCombo")
        saved = store_senders.senders()
        for s in saved:
            phone = mask_phone(s.phone) if mask else s.phone  # (masking mode: no number on screen)
            self.sender.addItem(f"{s.title} · {s.name} {phone}", s)
        self.sender.addItem(self.tr("(no sender)"), None)
        form.addRow(self.tr("Sender:"), self.sender)
        layout.addLayout(form)
        self.no_sender = QWidget()
        self.no_sender.setObjectName("noSender")
        row = QHBoxLayout(self.no_sender)
        row.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("No sender is saved yet: the labels will have none."))
        note.setWordWrap(True)
        row.addWidget(note, 1)
        self.senders_button = QPushButton(self.tr("Sender settings…"))
        self.senders_button.setObjectName("senderSettings")
        self.senders_button.clicked.connect(self._ask_senders)
        self.senders_button.setVisible(can_open_senders)
        row.addWidget(self.senders_button)
        self.no_sender.setVisible(not saved)
        layout.addWidget(self.no_sender)
        self.mask = QCheckBox(self.tr("Mask phone numbers (138****5678)"))
        self.mask.setObjectName("maskPhones")
        self.mask.setChecked(mask or mask_locked)
        if mask_locked:  # the team role masks phones (AppContext.mask_forced): not on paper either
            self.mask.setEnabled(False)
            self.mask.setToolTip(self.tr("Your team role shows phones masked"))
        layout.addWidget(self.mask)
        self.count = QLabel()
        self.count.setObjectName("labelCount")
        layout.addWidget(self.count)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pdf_button = self.buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("savePdf")
        self.print_button = self.buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printLabels")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_labels)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for button in (self.a4, self.thermal):
            button.toggled.connect(lambda _on: self._update_count())
        self._update_count()
        self.resize(520, self.sizeHint().height())

    # --- choices ------------------------------------------------------------------------------------------------

    def layout_name(self) -> str:
        return "thermal" if self.thermal.isChecked() else "a4"

    def chosen_sender(self) -> store_senders.Sender | None:
        return self.sender.currentData()

    def captions(self) -> dict[str, str]:
        """The words printed on each label."""
        return {"to": self.tr("To"), "from": self.tr("From"), "items": self.tr("Items")}

    def _update_count(self) -> None:
        per_page = LAYOUTS[self.layout_name()].per_page
        pages = -(-len(self.ids) // per_page)
        self.count.setText(self.tr("%n label(s)", "", len(self.ids)) + " · " + self.tr("%n page(s)", "", pages))

    def _ask_senders(self) -> None:
        self.open_senders.emit()
        self.reject()

    # --- the work -----------------------------------------------------------------------------------------------

    def _reader(self) -> Callable[[], list[label_data.LabelData]]:
        kind, ids, mask, sender = self.kind, list(self.ids), self.mask.isChecked(), self.chosen_sender()

        def read() -> list[label_data.LabelData]:
            if kind == CUSTOMERS:
                return label_data.customer_labels(ids, mask=mask, sender=sender)
            return label_data.order_labels(ids, mask=mask, sender=sender)

        return read

    def save_pdf(self) -> None:
        if self.job is not None:
            return
        name = self.tr("labels") + f"-{self.layout_name()}.pdf"
        path = ask_pdf_path(self, str(Path.home() / name), self.tr("Save labels as PDF"), self.tr("PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        read, layout, captions = self._reader(), self.layout_name(), self.captions()

        cannot = self.tr("Could not write %1: is the folder writable and the file not open elsewhere?").replace(
            "%1", path
        )
        because = self.tr("Could not write %1: %2. Nothing was saved.").replace("%1", path)

        def work(progress, token):
            try:
                return write_pdf(path, read(), layout, captions, progress, token)
            except OSError as exc:  # the OS's reason when it gave one (a full disk, a read-only folder)
                raise ErrorText(because.replace("%2", os_reason(exc)) if exc.errno else cannot) from exc

        self._run(work, path)

    def print_labels(self) -> None:
        if self.job is not None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        layout = LAYOUTS[self.layout_name()]
        printer.setPageLayout(page_layout(layout))
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self)
        if dialogs.launch(dialog) != QDialog.DialogCode.Accepted:
            return
        read, captions = self._reader(), self.captions()

        cannot = self.tr("The printer could not be opened.")

        def work(progress, token):
            try:
                return paint_labels(printer, read(), layout, captions, progress, token)
            except OSError as exc:
                raise ErrorText(cannot) from exc

        self._printer = printer  # kept alive until the job ends
        self._run(work, "")

    def _run(self, work, path: str) -> None:
        self.error.clear()
        self.run_job(
            Job(with_error_text(work), "labels"),
            bar=self.progress,
            buttons=[self.pdf_button, self.print_button],
            succeeded=lambda report: self._done(report, path),
        )

    def _done(self, report: PaintReport, path: str) -> None:
        self.report = report
        text = (
            self.tr("Saved %1 to %2.").replace("%1", self.tr("%n label(s)", "", report.labels)).replace("%2", path)
            if path
            else self.tr("Sent %1 to the printer.").replace("%1", self.tr("%n label(s)", "", report.labels))
        )
        if report.no_address:
            text += "\n\n" + self.tr(
                "%n label(s) have no address (write it by hand, or fix the order):", "", len(report.no_address)
            )
            text += "\n" + "、".join(report.no_address[:20])
        if report.cut:
            text += "\n\n" + self.tr(
                "%n address(es) were too long for the label and end with “…”; the thermal layout has more room:",
                "",
                len(report.cut),
            )
            text += "\n" + "、".join(report.cut[:20])
        dialogs.information(self, self.windowTitle(), text)
        self.accept()

    def job_failed(self, message: str | None) -> None:
        if message is None:
            self.error.setText(self.tr("Cancelled: no file was written."))
            return
        self.error.setText(message)


def show_labels_dialog(
    parent: QWidget,
    kind: str,
    ids: Sequence[int],
    *,
    mask: bool,
    open_senders: Callable[[], object] | None = None,
    mask_locked: bool = False,
) -> LabelsDialog | None:
    """The dialog for the selection (nothing selected: a short message instead)."""
    if not ids:
        dialogs.information(
            parent,
            QCoreApplication.translate("LabelsDialog", "Print labels"),
            QCoreApplication.translate("LabelsDialog", "Select the orders or customers to print labels for first."),
        )
        return None
    if kind == ORDERS:
        from sellerdesk.store.errors import NotFoundError
        from sellerdesk.store.orders import NotShippedError, check_shippable
        from sellerdesk.ui.shipping import texts

        title = QCoreApplication.translate("LabelsDialog", "Print labels")
        try:
            check_shippable(ids)
        except NotShippedError as exc:
            dialogs.error(parent, title, texts.not_shipped(exc.refused))
            return None
        except NotFoundError:
            dialogs.error(
                parent, title, QCoreApplication.translate("LabelsDialog", "A selected order was deleted meanwhile.")
            )
            return None
    dialog = LabelsDialog(
        kind, ids, mask=mask, mask_locked=mask_locked, can_open_senders=open_senders is not None, parent=parent
    )
    if open_senders is not None:
        dialog.open_senders.connect(open_senders)
    dialogs.launch(dialog)
    return dialog
