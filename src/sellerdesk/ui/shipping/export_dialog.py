"""The waybill export dialog: which orders (待发货 by default, the selected rows or the
orders view's filter), which template (the preferred courier of each order, or one chosen),
which sender, which format; runs as a Job with progress and Cancel.

With "by preferred courier" and orders going to several couriers, one file is written per
template (the chosen name + the template's title); the dialog shows the split before export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.templates import list_templates
from sellerdesk.jobs.worker import Job
from sellerdesk.store import remote_areas, shipping
from sellerdesk.store import senders as store_senders
from sellerdesk.store.errors import NotFoundError
from sellerdesk.store.orders import NotShippedError, OrderFilter, check_shippable, count_orders
from sellerdesk.ui.exchange.import_wizard import ExchangeText
from sellerdesk.ui.shipping import texts
from sellerdesk.ui.shipping.remote_text import remote_summary
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import with_error_text
from sellerdesk.ui.widgets.forms import ok_button, ok_cancel
from sellerdesk.ui.widgets.job_dialog import JobDialog

FALLBACK_TEMPLATE = "split_region"
FORMATS = (("xlsx", ".xlsx", "gbk"), ("csv-gbk", ".csv", "gbk"), ("csv-utf8", ".csv", "utf-8"))


class FileProblem(Exception):
    pass


class WaybillExportDialog(JobDialog):
    """Emits ``exported(list[WaybillResult])`` when the files are written."""

    exported = Signal(object)

    def __init__(
        self,
        selected_ids: list[int] | None = None,
        current_filter: OrderFilter | None = None,
        parent: QWidget | None = None,
        *,
        default_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("waybillExportDialog")
        self.setWindowTitle(self.tr("Export waybills"))
        self.selected_ids = list(selected_ids or [])
        self.current_filter = current_filter or OrderFilter()
        self.results: list = []
        self._groups: dict[str, list[int]] = {}  # template → order ids, as the split line shows them
        self._remote = 0  # how many of them ship to a remote area
        self.language = ExchangeText.language()
        self.rules = shipping.preferred_couriers()
        self.templates = {t.name: t for t in list_templates()}

        pending = count_orders(OrderFilter(statuses=("pending",)))
        in_view = count_orders(self.current_filter)
        self.pending_radio = QRadioButton(self.tr("Orders to ship (待发货): %1").replace("%1", str(pending)))
        self.selected_radio = QRadioButton(self.tr("Selected orders: %1").replace("%1", str(len(self.selected_ids))))
        self.filter_radio = QRadioButton(self.tr("Orders in the current view: %1").replace("%1", str(in_view)))
        self.selected_radio.setEnabled(bool(self.selected_ids))
        self.filter_radio.setEnabled(in_view > 0)
        self.pending_radio.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.pending_radio, self.selected_radio, self.filter_radio):
            group.addButton(radio)
            radio.toggled.connect(self._update_split)

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        if self.rules:
            self.template_combo.addItem(self.tr("By preferred courier (物流合作 settings)"), None)
        for tpl in self.templates.values():
            mark = self.tr(" (yours)") if tpl.is_user else ""
            self.template_combo.addItem(tpl.display_title(self.language) + mark, tpl.name)
        if not self.rules:
            self.template_combo.setCurrentIndex(max(self.template_combo.findData(FALLBACK_TEMPLATE), 0))
        self.template_combo.currentIndexChanged.connect(self._update_split)

        self.sender_combo = QComboBox()
        self.sender_combo.setObjectName("senderCombo")
        for sender in store_senders.senders():
            self.sender_combo.addItem(f"{sender.title} · {sender.phone}", sender)
        if self.sender_combo.count() == 0:
            self.sender_combo.addItem(self.tr("No sender yet (set one in Shipping settings)"), None)

        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format_combo.addItem(self.tr("CSV, GBK (what most courier systems read)"), "csv-gbk")
        self.format_combo.addItem(self.tr("CSV, UTF-8 with BOM"), "csv-utf8")
        self.format_combo.currentIndexChanged.connect(self._format_changed)

        self.split_label = QLabel()
        self.split_label.setObjectName("splitLabel")
        self.split_label.setWordWrap(True)

        self.path_edit = QLineEdit()
        folder = default_folder or Path.home()
        self.path_edit.setText(str(folder / (self.tr("waybills") + f"-{clock.today():%Y%m%d}.xlsx")))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.progress = QProgressBar()
        self.progress.hide()
        self.phase = QLabel()
        self.phase.setWordWrap(True)
        self.buttons = ok_cancel(self.start_export, self.reject, ok_text=self.tr("Export"))

        form = QFormLayout()
        form.addRow(self.tr("Orders:"), self.pending_radio)
        form.addRow("", self.selected_radio)
        form.addRow("", self.filter_radio)
        form.addRow(self.tr("Template:"), self.template_combo)
        form.addRow("", self.split_label)
        form.addRow(self.tr("Sender:"), self.sender_combo)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Save as:"), path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update_split()

    # --- choices -------------------------------------------------------------------------------------------

    def source(self) -> str:
        if self.selected_radio.isChecked():
            return "ids"
        if self.filter_radio.isChecked():
            return "filter"
        return "pending"

    def order_ids(self) -> list[int]:
        return shipping.order_ids_for(self.source(), self.selected_ids, self.current_filter)

    def groups(self) -> dict[str, list[int]]:
        """Template name → order ids, as the export will write them."""
        ids = self.order_ids()
        chosen = self.template_combo.currentData()
        if chosen is not None:
            return {chosen: ids} if ids else {}
        return shipping.split_by_courier(ids, self.rules, FALLBACK_TEMPLATE)

    def _title(self, name: str) -> str:
        tpl = self.templates.get(name)
        return tpl.display_title(self.language) if tpl is not None else name

    def _update_split(self) -> None:
        """The split line, and what the export will take: the groups and their remote orders are
        read here once, and the export and its final message use them (not read again)."""
        groups = self._groups = self.groups()
        self._remote = 0
        if not groups:
            self.split_label.setText(self.tr("No orders to export."))
            return
        if len(groups) == 1:
            name, ids = next(iter(groups.items()))
            text = self.tr("%1 orders into %2.").replace("%1", str(len(ids))).replace("%2", self._title(name))
        else:
            parts = [
                self.tr("%1: %2 orders").replace("%1", self._title(name)).replace("%2", str(len(ids)))
                for name, ids in groups.items()
            ]
            text = self.tr("These orders go to several couriers; one file per courier: %1").replace(
                "%1", "；".join(parts)
            )
        self._remote = remote_areas.count_orders(i for ids in groups.values() for i in ids)
        far = remote_summary(orders=self._remote)
        self.split_label.setText(text + ("\n" + far if far else ""))

    def _format_changed(self) -> None:
        suffix = FORMATS[self.format_combo.currentIndex()][1]
        path = Path(self.path_edit.text().strip() or "waybills")
        self.path_edit.setText(str(path.with_suffix(suffix)))

    def browse(self) -> None:
        suffix = FORMATS[self.format_combo.currentIndex()][1]
        pattern = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr("CSV file (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export waybills"), self.path_edit.text(), pattern)
        if path:
            self.path_edit.setText(path)

    # --- the job -------------------------------------------------------------------------------------------

    def targets(self) -> list[tuple[Path, str, list[int]]]:
        suffix, encoding = FORMATS[self.format_combo.currentIndex()][1:]
        path = Path(self.path_edit.text().strip())
        if path.suffix.lower() != suffix:
            path = (
                path.with_name(path.name + suffix)
                if path.suffix.lower() not in (".xlsx", ".csv")
                else path.with_suffix(suffix)
            )
        groups = self._groups  # as the split line shows them
        if len(groups) == 1:
            name, ids = next(iter(groups.items()))
            return [(path, name, ids)]
        from sellerdesk.exchange.waybills import file_part

        return [(path.with_name(f"{path.stem}-{file_part(n)}{path.suffix}"), n, ids) for n, ids in groups.items()]

    def start_export(self) -> None:
        if self.job is not None:
            return
        if self.source() == "ids":
            try:
                check_shippable(self.selected_ids)
            except NotShippedError as exc:
                dialogs.error(self, self.tr("Export waybills"), texts.not_shipped(exc.refused))
                return
            except NotFoundError:
                dialogs.error(self, self.tr("Export waybills"), self.tr("A selected order was deleted meanwhile."))
                return
        targets = self.targets()
        if not targets:
            dialogs.error(self, self.tr("Export waybills"), self.tr("No orders to export."))
            return
        sender = self.sender_combo.currentData()
        encoding = FORMATS[self.format_combo.currentIndex()][2]
        total = sum(len(ids) for _p, _n, ids in targets)

        def work(progress, token):
            from sellerdesk.exchange.waybills import export_waybills

            results = []
            done = 0
            for path, name, ids in targets:

                def step(n: int, _t: int, message: str, base: int = done) -> None:
                    progress(base + n, total, message)

                try:
                    results.append(
                        export_waybills(path, ids, name, sender=sender, encoding=encoding, progress=step, token=token)
                    )
                except ExchangeError as exc:
                    raise FileProblem(texts.error(exc)) from exc
                done += len(ids)
            return results

        self.run_job(
            Job(with_error_text(work), "waybills"),
            bar=self.progress,
            buttons=[ok_button(self.buttons)],
            progress=self._progress,
            succeeded=self._done,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.phase.setText(self.tr("Writing waybills: %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _done(self, results: list) -> None:
        self.results = results
        lines = [self.tr("%1 orders → %2").replace("%1", str(r.orders)).replace("%2", str(r.path)) for r in results]
        warnings = [w for r in results for w in r.warnings]
        text = "\n".join(lines)
        far = remote_summary(orders=self._remote)  # counted for the split line, of the same orders
        if far:
            text += "\n" + far
        if warnings:
            text += "\n\n" + ExchangeText.courier_warnings(warnings, 15)
        self.exported.emit(results)
        dialogs.information(self, self.tr("Export waybills"), text)
        self.accept()
