"""The export dialog: current view or everyone, spreadsheet or courier template, per
customer or per address, split or one-line 省市区, chosen columns; runs as a Job."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.fields import PLACE_FIELDS
from sellerdesk.exchange import export as exp
from sellerdesk.exchange.templates import list_templates
from sellerdesk.jobs.worker import Job
from sellerdesk.store import queries, remote_areas
from sellerdesk.store.queries import CustomerFilter
from sellerdesk.ui.exchange.import_wizard import ExchangeText, translated
from sellerdesk.ui.shipping.remote_text import remote_summary
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.forms import ok_button, ok_cancel
from sellerdesk.ui.widgets.job_dialog import JobDialog


class ExportDialog(JobDialog):
    """Emits ``exported(result)`` when the file is written."""

    exported = Signal(object)

    def __init__(
        self,
        current_filter: CustomerFilter | None = None,
        parent: QWidget | None = None,
        *,
        default_folder: Path | None = None,
        mask: bool = False,
    ) -> None:
        super().__init__(parent)
        self.current_filter = current_filter or CustomerFilter()
        self.result: exp.ExportResult | None = None
        self.setWindowTitle(self.tr("Export customers"))
        language = ExchangeText.language()

        view_count = queries.count_customers(self.current_filter)
        all_count = queries.count_customers(CustomerFilter())
        self.view_radio = QRadioButton(self.tr("The current view (%1 customers)").replace("%1", str(view_count)))
        self.all_radio = QRadioButton(self.tr("Everyone (%1 customers)").replace("%1", str(all_count)))
        self.view_radio.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.view_radio)
        scope.addButton(self.all_radio)

        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Spreadsheet (choose the columns)"), None)
        for tpl in list_templates():
            self.format_combo.addItem(
                self.tr("Courier template: %1").replace("%1", tpl.display_title(language)), tpl.name
            )
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.per_address = QCheckBox(self.tr("One row per address (otherwise the default address only)"))
        self.per_address.setChecked(True)  # every address kept: the file re-imports as the same data
        self.per_address.setToolTip(self.tr("Untick for a list to read: one row per customer, default address only"))
        self.split_region = QCheckBox(self.tr("Province, city and district in separate columns"))
        self.split_region.setChecked(True)
        self.mask = QCheckBox(self.tr("Mask phone numbers (138****5678)"))
        self.mask.setToolTip(self.tr("For a file shown to others; a courier needs the full numbers"))
        self.mask.setChecked(mask)  # masking mode (Ctrl+M) ticks it
        self.per_address.toggled.connect(self._fill_columns)
        self.split_region.toggled.connect(self._fill_columns)
        self.columns = QListWidget()
        self.labels = ExchangeText.field_labels()
        self.labels["address"] = self.tr("Address (one line)")

        self.path_edit = QLineEdit()
        folder = default_folder or Path.home()
        self.path_edit.setText(str(folder / (self.tr("customers") + ".xlsx")))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.progress = QProgressBar()
        self.progress.hide()
        self.phase = QLabel()
        self.buttons = ok_cancel(self.start_export, self.reject, ok_text=self.tr("Export"))

        form = QFormLayout()
        form.addRow(self.tr("Customers:"), self.view_radio)
        form.addRow("", self.all_radio)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow("", self.per_address)
        form.addRow("", self.split_region)
        form.addRow("", self.mask)
        form.addRow(self.tr("Columns:"), self.columns)
        form.addRow(self.tr("Save as:"), path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._fill_columns()

    def _fill_columns(self) -> None:
        chosen = set(exp.default_columns(self.per_address.isChecked(), self.split_region.isChecked()))
        self.columns.clear()
        for key in exp.ALL_COLUMNS:
            if self.split_region.isChecked() and key == "address":
                continue
            if not self.split_region.isChecked() and key in PLACE_FIELDS:
                continue
            item = QListWidgetItem(self.labels.get(key, key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.columns.addItem(item)

    def _format_changed(self) -> None:
        spreadsheet = self.format_combo.currentData() is None
        self.columns.setEnabled(spreadsheet)
        self.split_region.setEnabled(spreadsheet)
        self.per_address.setChecked(spreadsheet)  # a waybill per customer; a spreadsheet keeps every address

    def chosen_columns(self) -> list[str]:
        out = []
        for i in range(self.columns.count()):
            item = self.columns.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export customers"), self.path_edit.text(), self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.path_edit.setText(path)

    def start_export(self) -> None:
        if self.job is not None:
            return
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        columns = self.chosen_columns()
        template = self.format_combo.currentData()
        if template is None and not columns:
            dialogs.error(self, self.tr("Export"), self.tr("Choose at least one column."))
            return
        flt = self.current_filter if self.view_radio.isChecked() else CustomerFilter()
        per_address, split = self.per_address.isChecked(), self.split_region.isChecked()
        mask = self.mask.isChecked()

        self.remote_customers = 0

        def work(progress, token):
            result = exp.export_customers(
                path,
                flt,
                per_address=per_address,
                split_region=split,
                columns=None if template else columns,
                template=template,
                mask=mask,
                progress=progress,
                token=token,
            )
            self.remote_customers = remote_areas.count_in_view(flt)  # read on this thread; shown by _done
            return result

        self.run_job(
            Job(translated(work), "export"),
            bar=self.progress,
            buttons=[ok_button(self.buttons)],
            progress=self._progress,
            succeeded=self._done,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.phase.setText(ExchangeText.phase(message))

    def _done(self, result: exp.ExportResult) -> None:
        self.result = result
        text = self.tr("Exported %1 rows to %2.").replace("%1", str(result.rows)).replace("%2", str(result.path))
        if result.warnings:
            text += "\n\n" + ExchangeText.courier_warnings(result.warnings, 20)
        if self.remote_customers:
            text += "\n" + remote_summary(customers=self.remote_customers)
        self.exported.emit(result)
        dialogs.information(self, self.tr("Export"), text)
        self.accept()
