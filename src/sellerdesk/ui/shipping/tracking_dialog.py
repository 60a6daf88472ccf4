"""Tracking numbers back (回填运单号): choose the courier's result sheet and the courier, import
in a job, then see what happened and the rows not matched (to fill in by hand)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.jobs.worker import Job
from sellerdesk.store.orders import couriers
from sellerdesk.ui.shipping import texts
from sellerdesk.ui.widgets.errors import with_error_text
from sellerdesk.ui.widgets.header_row import HeaderRowSpin
from sellerdesk.ui.widgets.job_dialog import JobDialog

COURIERS = ("中通", "圆通", "韵达", "申通", "极兔", "顺丰", "EMS", "京东", "德邦")


class TrackingImportDialog(JobDialog):
    """Emits ``imported(TrackingResult)`` once the numbers are written."""

    imported = Signal(object)

    def __init__(self, path: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackingImportDialog")
        self.setWindowTitle(self.tr("Import tracking numbers"))
        self.result = None
        intro = QLabel(
            self.tr(
                "Choose the result sheet the courier gave back (运单号 with 订单号 or 收件人手机). Matched orders "
                "get the courier and tracking number and become 已发货. Importing the same sheet again changes nothing."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(str(path or ""))
        self.path_edit.setObjectName("trackingPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.courier = QComboBox()
        self.courier.setEditable(True)
        self.courier.addItems(["", *dict.fromkeys([*couriers(), *COURIERS])])
        self.courier.setToolTip(self.tr("For rows that do not name their courier; SF… numbers are 顺丰 by themselves"))
        self.header_spin = HeaderRowSpin(automatic=True)
        form = QFormLayout()
        form.addRow(self.tr("Result sheet:"), row)
        form.addRow(self.tr("Header row:"), self.header_spin)
        form.addRow(self.tr("Courier:"), self.courier)
        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setObjectName("trackingSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("unmatchedTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Tracking no."), self.tr("Order No. / phone"), self.tr("Why not matched")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 60)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(2, 160)
        self.table.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import tracking numbers"),
            self.path_edit.text(),
            self.tr("Spreadsheets (*.xlsx *.xls *.csv)"),
        )
        if path:
            self.path_edit.setText(path)

    def start_import(self) -> None:
        if self.job is not None:
            return
        path = Path(self.path_edit.text().strip())
        courier = self.courier.currentText().strip()
        header_row = self.header_spin.row()

        def work(progress, token):
            from sellerdesk.exchange.tracking import import_tracking

            try:
                return import_tracking(path, courier=courier, header_row=header_row, progress=progress, token=token)
            except ExchangeError as exc:
                raise RuntimeError(texts.error(exc)) from exc

        self.run_job(
            Job(with_error_text(work), "tracking"),
            bar=self.progress,
            buttons=[self.import_button],
            succeeded=self._done,
        )

    def job_failed(self, message: str | None) -> None:
        self.summary.setStyleSheet("color: #b00020")
        self.summary.setText(message if message is not None else self.tr("Cancelled; nothing was changed."))

    def _done(self, result) -> None:
        self.result = result
        self.summary.setStyleSheet("")
        text = (
            self.tr("%1 orders marked 已发货, %2 tracking numbers filled in, %3 already there.")
            .replace("%1", str(len(result.shipped)))
            .replace("%2", str(len(result.filled)))
            .replace("%3", str(len(result.already)))
        )
        if result.unmatched:
            text += " " + self.tr("%1 rows not matched: fill them in by hand.").replace(
                "%1", str(len(result.unmatched))
            )
        self.summary.setText(text)
        self.table.setRowCount(len(result.unmatched))
        for i, u in enumerate(result.unmatched):
            cells = [
                str(u.row.row),
                u.row.tracking_no,
                u.row.order_no or u.row.phone,
                texts.reason(u.reason, u.order_ids),
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(value)
                self.table.setItem(i, c, item)
        self.table.setVisible(bool(result.unmatched))
        self.import_button.setText(self.tr("Import again"))
        if result.changed:
            self.imported.emit(result)
