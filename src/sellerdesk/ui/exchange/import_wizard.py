"""The import wizard: file → sheet and header row → column mapping → preview → import → summary.

Everything that touches the file runs as a :class:`Job` in the thread pool (progress +
Cancel), so the UI thread never waits on it: the sample of the first rows that the sheet
and mapping steps show (opening a sheet with python-calamine loads all of it, ~1.4 s for
100,000 rows), reading, checking and planning the whole file, and writing it. Everything
the wizard does is in :mod:`sellerdesk.exchange`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange import importer
from sellerdesk.exchange.cells import shown_text
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import Action, Sample, read_sample
from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import with_error_text

log = logging.getLogger(__name__)

FILE_FILTER_EXTS = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv"
SAMPLE_JOB = "import-sample"  # Job.name of a sample read: Cancel closes the wizard instead of waiting


def translate(context: str, text: str) -> str:
    # called as translate("ExchangeText", "…") at each use: lupdate only reads string
    # literals in translate-like calls, finds every text (a one-argument helper hid them all)
    return QCoreApplication.translate(context, text)


class ExchangeText:
    """Translated texts shared by the wizard, the export dialog and the controller."""

    @staticmethod
    def error(exc: ExchangeError) -> str:
        p = exc.params
        texts = {
            "not_found": translate("ExchangeText", "The file %1 was not found."),
            "not_a_file": translate(
                "ExchangeText", "%1 is not a file (it is a folder or a device): choose a spreadsheet file."
            ),
            "unreadable": translate("ExchangeText", "The file %1 cannot be read."),
            "empty_file": translate("ExchangeText", "The file %1 is empty."),
            "not_spreadsheet": translate(
                "ExchangeText", "%1 is not a spreadsheet. SellerDesk reads .xlsx, .xls, .ods and .csv files."
            ),
            "corrupt": translate(
                "ExchangeText",
                "%1 is damaged or incomplete and cannot be read. Open it in Excel or WPS and save it again.",
            ),
            "encrypted": translate(
                "ExchangeText", "%1 is protected by a password. Save it without the password and try again."
            ),
            "encoding": translate(
                "ExchangeText", '%1 is not UTF-8 or GBK text. Save it from Excel as "CSV UTF-8" and try again.'
            ),
            "binary": translate(
                "ExchangeText",
                "%1 holds binary data (NUL bytes or broken UTF-16), not text: it is not a CSV file, or it is damaged.",
            ),
            "file_changed": translate(
                "ExchangeText",
                "%1 changed while it was being imported: nothing was imported. Close the program that writes "
                "it, then import it again.",
            ),
            "no_sheet": translate("ExchangeText", "%1 has no sheet with that name."),
            "no_visible_sheet": translate("ExchangeText", "%1 has no visible sheet with data."),
            "no_data": translate("ExchangeText", "%1 has no rows of customer data."),
            "no_header": translate("ExchangeText", "No header row was found in %1. Choose the header row by hand."),
            "no_identity_column": translate(
                "ExchangeText", "Map at least one column to name, phone, WeChat ID or address."
            ),
            "bad_header_row": translate("ExchangeText", "That header row is outside the sheet."),
            "header_too_long": translate(
                "ExchangeText",
                "A header cell of %1 is %2 characters long, more than a header has (at most 255): "
                "choose the header row by hand, or shorten that cell, and try again.",
            ),
            "sheet_too_big": translate(
                "ExchangeText",
                "A sheet of %1 spans %2 rows × %3 columns, more than SellerDesk can read. Delete the cells "
                "outside your data (or copy the data to a new sheet) and try again.",
            ),
            "book_too_big": translate(
                "ExchangeText", "The sheets of %1 together are too big to read. Split it into smaller files."
            ),
            "unpacks_too_big": translate(
                "ExchangeText", "%1 unpacks to far more data than a spreadsheet holds: it is damaged or crafted."
            ),
            "foreign_encoding": translate(
                "ExchangeText", '%1 looks like %2 text, not Chinese. Save it from Excel as "CSV UTF-8" and try again.'
            ),
            "csv_quote": translate(
                "ExchangeText",
                'Row %2 of %1 opens a quote (") that is not closed where its cell ends, so the rows after it '
                "would run together. Fix that quote (or save the file again from Excel) and try again.",
            ),
            "nothing_to_export": translate("ExchangeText", "Nothing to export: no customer is in this view."),
            "unknown_template": translate("ExchangeText", "That courier template does not exist."),
            "bad_template": translate("ExchangeText", "The courier template is damaged."),
            "bad_target": translate("ExchangeText", "Exports are written as .xlsx files."),
            "bad_person_target": translate("ExchangeText", "A customer's data is written as .xlsx or .json files."),
            "bad_audit_target": translate("ExchangeText", "The audit log is written as .xlsx or .csv files."),
            "no_folder": translate("ExchangeText", "The folder %2 does not exist. Choose another place for %1."),
            "cannot_write": translate("ExchangeText", "%1 cannot be written here (%2). Choose another folder."),
        }
        text = texts.get(exc.code)
        if text is None:
            return str(exc)
        second = {
            "sheet_too_big": "rows",
            "foreign_encoding": "encoding",
            "csv_quote": "row",
            "no_folder": "folder",
            "cannot_write": "reason",
            "header_too_long": "length",
        }.get(exc.code, "")
        detail = str(p.get(second, ""))
        reasons = {
            "a folder has that name": translate("ExchangeText", "a folder has that name"),
            "part of the path is a file, not a folder": translate(
                "ExchangeText", "part of the path is a file, not a folder"
            ),
            "the folder is read-only or belongs to another user": translate(
                "ExchangeText", "the folder is read-only or belongs to another user"
            ),
            "the folder does not exist": translate("ExchangeText", "the folder does not exist"),
            "the folder exists but no file can be made in it": translate(
                "ExchangeText", "the folder exists but no file can be made in it"
            ),
        }
        if second == "reason":
            detail = reasons.get(detail, detail)
        return text.replace("%1", p.get("name", "")).replace("%2", detail).replace("%3", str(p.get("cols", "")))

    @staticmethod
    def field_labels() -> dict[str, str]:
        return {
            "name": translate("ExchangeText", "Name"),
            "phone": translate("ExchangeText", "Phone"),
            "phone2": translate("ExchangeText", "Second phone"),
            "wechat": translate("ExchangeText", "WeChat ID"),
            "address": translate("ExchangeText", "Whole address"),
            "province": translate("ExchangeText", "Province"),
            "city": translate("ExchangeText", "City"),
            "district": translate("ExchangeText", "District/county"),
            "detail": translate("ExchangeText", "Street address"),
            "postal_code": translate("ExchangeText", "Postal code"),
            "recipient": translate("ExchangeText", "Recipient"),
            "address_phone": translate("ExchangeText", "Recipient phone"),
            "label": translate("ExchangeText", "Address type"),
            "tags": translate("ExchangeText", "Tags"),
            "tier": translate("ExchangeText", "Tier"),
            "birthday": translate("ExchangeText", "Birthday"),
            "birthday_lunar": translate("ExchangeText", "Lunar birthday"),
            "marketing_consent": translate("ExchangeText", "Marketing consent"),
            "consent_date": translate("ExchangeText", "Consent date"),
            "consent_via": translate("ExchangeText", "How consent was given"),
            "gender": translate("ExchangeText", "Gender"),
            "source": translate("ExchangeText", "Source"),
            "notes": translate("ExchangeText", "Notes"),
            "flags": translate("ExchangeText", "Marks"),
            "ref": translate("ExchangeText", "Customer No."),
            "buyer": translate("ExchangeText", "Buyer account"),
            "order_no": translate("ExchangeText", "Order: order No."),
            "order_date": translate("ExchangeText", "Order: date"),
            "amount": translate("ExchangeText", "Order: amount paid"),
            "product": translate("ExchangeText", "Order: product"),
            "quantity": translate("ExchangeText", "Order: quantity"),
            "unit_price": translate("ExchangeText", "Order: unit price"),
            "line_amount": translate("ExchangeText", "Order: line amount"),
            "status": translate("ExchangeText", "Order: status"),
            "courier": translate("ExchangeText", "Order: courier"),
            "tracking_no": translate("ExchangeText", "Order: tracking No."),
            "shipped_on": translate("ExchangeText", "Order: ship date"),
            "order_notes": translate("ExchangeText", "Order: notes"),
        }

    @staticmethod
    def order_summary(counts: dict, done: bool) -> str:
        """The order counts of a plan or an import, one line (empty for a customer-only file)."""
        if "orders_existing" not in counts:
            return ""
        added = counts.get("orders_added", counts.get("orders_new", 0)) if done else counts.get("orders_new", 0)
        text = (
            translate("ExchangeText", "Orders: %1 added, %2 already there (not added again), %3 with problems.")
            if done
            else translate("ExchangeText", "Orders: %1 new, %2 already there (not added again), %3 with problems.")
        )
        text = (
            text.replace("%1", str(added))
            .replace("%2", str(counts["orders_existing"]))
            .replace("%3", str(counts.get("orders_rejected", 0)))
        )
        if counts.get("masked_phones"):
            text += " " + translate(
                "ExchangeText",
                "Masked phones (138****1234) in %1 rows: kept on the order's ship-to only, "
                "not used to find the customer.",
            ).replace("%1", str(counts["masked_phones"]))
        return text

    @staticmethod
    def phase(message: str) -> str:
        return {
            "reading": translate("ExchangeText", "Reading the file…"),
            "checking": translate("ExchangeText", "Checking rows…"),
            "planning": translate("ExchangeText", "Looking for duplicates…"),
            "writing": translate("ExchangeText", "Saving customers…"),
            "exporting": translate("ExchangeText", "Writing the spreadsheet…"),
        }.get(message, message)

    @staticmethod
    def language() -> str:
        return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"

    @staticmethod
    def courier_warnings(warnings: Sequence[Any], shown: int) -> str:
        """The cells a courier may reject (an export's ``warnings``): a count, then one line each
        for the first ``shown`` (the customer export and the waybill export say it alike)."""
        from sellerdesk.exchange.export import WARNING_TEXT

        zh = ExchangeText.language().startswith("zh")
        lines = [
            translate("ExchangeText", "Row %1, %2: %3")
            .replace("%1", str(w.row))
            .replace("%2", " ".join(w.column.split()))  # (a header cell of two lines: one line each still)
            .replace("%3", WARNING_TEXT[w.code][0 if zh else 1])
            for w in warnings[:shown]
        ]
        if len(warnings) > shown:  # the count above and the lines agree
            lines.append(translate("ExchangeText", "… and %1 more").replace("%1", str(len(warnings) - shown)))
        head = translate("ExchangeText", "%1 fields the courier may reject:").replace("%1", str(len(warnings)))
        return head + "\n" + "\n".join(lines)


class FileProblem(Exception):
    """An :class:`ExchangeError` turned into the translated text the user sees."""


def translated(fn):
    """Wrap a job function so a refused file, or a full disk or read-only folder, fails with
    the translated message."""

    def run(progress, token):
        try:
            return fn(progress, token)
        except ExchangeError as exc:
            raise FileProblem(ExchangeText.error(exc)) from exc

    return with_error_text(run)


# ---------------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """Emits ``imported(result)`` once the import is in the database."""

    imported = Signal(object)

    PAGE_FILE, PAGE_SHEET, PAGE_MAPPING, PAGE_PREVIEW, PAGE_IMPORT = range(5)

    def __init__(self, context=None, path: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import customers"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.path: Path | None = None
        self.sheets: list = []
        self.sample: list[tuple[int, list[str]]] = []
        self.sheet = ""
        self.header_row = 0
        self.headers: list[str] = []
        self.mapping: list[str | None] = []
        self.table: importer.Table | None = None
        self.plan: importer.Plan | None = None
        # a big customer file: the plan shown holds its counts and first rows only
        # (importer.preview_file), and the import streams the file (importer.import_file)
        self.streamed = False
        self.result: importer.ImportResult | None = None
        self.job: Job | None = None
        self.file_page = ImportFilePage(self)
        self.sheet_page = ImportSheetPage(self)
        self.mapping_page = ImportMappingPage(self)
        self.preview_page = ImportPreviewPage(self)
        self.import_page = ImportRunPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.sheet_page, self.mapping_page, self.preview_page, self.import_page)
        ):
            self.setPage(page_id, page)
        if path:
            self.file_page.path_edit.setText(str(path))
        self.resize(900, 620)

    # jobs -----------------------------------------------------------------
    def run(self, fn, on_success, on_failure, progress_bar: QProgressBar, label: QLabel, name: str = "import") -> Job:
        """Run ``fn(progress, token)`` in the pool. One job at a time: a new request cancels the
        running one and only the latest reports back (a superseded or dropped job's progress
        and result are ignored)."""
        if self.job is not None:
            self.job.cancel()
        job = Job(translated(fn), name)
        self.job = job

        def show(done: int, total: int, message: str) -> None:
            if self.job is not job:
                return
            progress_bar.setRange(0, max(total, 0))
            progress_bar.setValue(min(done, total) if total else 0)
            label.setText(ExchangeText.phase(message))

        def done(handler, value) -> None:
            if self.job is not job:  # superseded by a newer request, or dropped
                return
            self.job = None  # not busy any more before the page reacts
            handler(value)

        job.progress.connect(show)
        job.succeeded.connect(lambda value: done(on_success, value))
        job.failed.connect(lambda message: done(on_failure, message))
        job.cancelled.connect(lambda: done(on_failure, None))
        progress_bar.setRange(0, 0)
        start(job)
        return job

    def busy(self) -> bool:
        return self.job is not None

    def loading_sample(self) -> bool:
        return self.job is not None and self.job.name == SAMPLE_JOB

    def drop_job(self) -> None:
        """Stop the running job and ignore whatever it still reports."""
        job, self.job = self.job, None
        if job is not None:
            job.cancel()

    def reject(self) -> None:
        if self.loading_sample():  # only reading a few rows: nothing to wait for, close now
            self.drop_job()
        elif self.job is not None:  # Cancel while working stops the job; it rolls back
            self.job.cancel()
            return
        super().reject()

    def show_error(self, text: str) -> None:
        dialogs.error(self, self.tr("Import"), text)

    # reading ------------------------------------------------------------------
    def load_sample(
        self, sheet: str | None, header_row: int | None, on_loaded, on_failed, progress_bar: QProgressBar, label: QLabel
    ) -> Job:
        """Read the first rows of ``sheet`` in a job and guess the header and mapping.

        When it succeeds the wizard's sheets/sheet/sample/header_row/headers/mapping are set
        together and ``on_loaded()`` runs; a refused file shows its translated message and
        ``on_failed()`` runs with the wizard's state untouched. A newer request (or Cancel,
        or Back) replaces this one and it reports nothing."""
        assert self.path is not None
        path = self.path

        def loaded(sample: Sample) -> None:
            self.use_sample(sample)
            on_loaded()

        def failed(message: str | None) -> None:
            on_failed()
            if message is not None:
                self.show_error(message)

        label.setText(ExchangeText.phase("reading"))
        return self.run(
            lambda progress, token: read_sample(path, sheet, header_row, progress, token),
            loaded,
            failed,
            progress_bar,
            label,
            name=SAMPLE_JOB,
        )

    def use_sample(self, sample: Sample) -> None:
        self.sheets, self.sheet, self.sample = sample.sheets, sample.sheet, sample.rows
        self.header_row, self.headers, self.mapping = sample.header_row, sample.headers, sample.mapping

    def set_header_row(self, header_row: int) -> None:
        """Another header row of the sample on screen: no reading, the rows do not change."""
        self.use_sample(Sample(self.sheets, self.sheet, self.sample, 0, [], []).with_header(header_row))


def _show_loading(page: ImportFilePage | ImportSheetPage, loading: bool) -> None:
    """A page's phase text and progress bar, shown while its sample is read."""
    page.phase.setVisible(loading)
    page.progress.setVisible(loading)
    if not loading:
        page.phase.setText("")


class ImportFilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("An Excel (.xlsx, .xls), WPS (.ods) or CSV file with one customer per row."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("File to import"))
        self.path_edit.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        hint = QLabel(self.tr("Nothing is saved until the last step; the import is all or nothing."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.phase = QLabel()
        self.progress = QProgressBar()
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        _show_loading(self, False)
        self._validating = False
        self._loaded_for: str | None = None  # the path whose sample has just been read

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import customers"), "", self.tr("Spreadsheets (%1)").replace("%1", FILE_FILTER_EXTS)
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self) -> None:
        if self.wiz.loading_sample():  # another file was chosen: forget the one being read
            self.wiz.drop_job()
            _show_loading(self, False)
        self._loaded_for = None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and not self.wiz.loading_sample()

    def validatePage(self) -> bool:
        """Next reads the sample in a job and stays here; when it is read, Next goes on."""
        text = self.path_edit.text().strip()
        if self._loaded_for == text:
            self._loaded_for = None
            return True
        if self.wiz.loading_sample():  # already reading it
            return False
        self.wiz.path = Path(text)
        _show_loading(self, True)
        self._validating = True
        try:
            self.wiz.load_sample(None, None, lambda: self._loaded(text), self._failed, self.progress, self.phase)
        finally:
            self._validating = False
        self.completeChanged.emit()
        if self._loaded_for == text:  # a job run on the calling thread (tests) is done already
            self._loaded_for = None
            return True
        return False

    def _loaded(self, text: str) -> None:
        _show_loading(self, False)
        self._loaded_for = text
        self.completeChanged.emit()
        if not self._validating and self.wiz.currentId() == ImportWizard.PAGE_FILE:
            self.wiz.next()

    def _failed(self) -> None:
        _show_loading(self, False)
        self.completeChanged.emit()


class ImportSheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Sheet and header row"))
        self.setSubTitle(
            self.tr(
                "Hidden sheets are skipped unless you choose one. The header row holds the "
                "column names (姓名, 手机, 地址…)."
            )
        )
        self.sheet_combo = QComboBox()
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 1_048_576)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Header row:"), self.header_spin)
        self.phase = QLabel()
        self.progress = QProgressBar()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        self._loading = False
        _show_loading(self, False)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.header_spin.valueChanged.connect(self._header_changed)

    def initializePage(self) -> None:
        self._loading = True
        self.sheet_combo.clear()
        for info in self.wiz.sheets:
            label = info.name + ("  " + self.tr("(hidden)") if info.hidden else "")
            self.sheet_combo.addItem(label, info.name)
        self._loading = False
        self._show_loaded()

    def cleanupPage(self) -> None:
        if self.wiz.loading_sample():  # Back while a sheet is read: forget it
            self.wiz.drop_job()
        _show_loading(self, False)
        super().cleanupPage()

    def _show_loaded(self) -> None:
        """Put the sheet and header row of the sample read last back in the controls."""
        self._loading = True
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(self.wiz.sheet)))
        self.header_spin.setValue(self.wiz.header_row)
        self._loading = False
        self._fill()

    def _sheet_changed(self) -> None:
        if not self._loading:
            self._request(self.sheet_combo.currentData(), None)

    def _header_changed(self, value: int) -> None:
        if self._loading:
            return
        if self.wiz.loading_sample():  # the sheet on screen is still being read: read it with this row
            self._request(self.sheet_combo.currentData(), value)
        else:
            self.wiz.set_header_row(value)
            self._fill()

    def _request(self, sheet: str, header_row: int | None) -> None:
        """Read the sample for the sheet and header row on screen; the latest request wins."""
        _show_loading(self, True)
        self.wiz.load_sample(sheet, header_row, self._loaded, self._failed, self.progress, self.phase)
        self.completeChanged.emit()

    def _loaded(self) -> None:
        _show_loading(self, False)
        self._show_loaded()
        self.completeChanged.emit()

    def _failed(self) -> None:
        _show_loading(self, False)
        self._show_loaded()  # the controls go back to the sample that is shown
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.wiz.loading_sample()

    def _fill(self) -> None:
        sample = self.wiz.sample
        width = max([len(c) for _, c in sample] + [1])
        self.table.clear()
        self.table.setRowCount(len(sample))
        self.table.setColumnCount(width)
        self.table.setVerticalHeaderLabels([str(n) for n, _ in sample])
        bold = self.font()
        bold.setBold(True)
        for r, (number, cells) in enumerate(sample):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(shown_text(value))
                if number == self.wiz.header_row:
                    item.setFont(bold)
                    item.setBackground(QBrush(QColor(220, 235, 255)))
                self.table.setItem(r, c, item)

    def validatePage(self) -> bool:
        if not any(n > self.wiz.header_row for n, _ in self.wiz.sample):
            self.wiz.show_error(self.tr("There are no data rows below the header row."))
            return False
        return True


class ImportMappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Columns"))
        # the subtitle is one line: QWizard's header cut a second one in half
        self.setSubTitle(self.tr("Check what each column holds."))
        self.explanation = QLabel(
            self.tr(
                "A whole-address column is split into province, city, district and street automatically. "
                "Order columns (order No., date, amount paid…) add the orders too; set them to “do not import” "
                "to add customers only."
            )
        )
        self.explanation.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("First values"), self.tr("Import as")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # the field names (订单：实付金额 …) shown whole
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        labels = ExchangeText.field_labels()
        data_rows = [cells for n, cells in self.wiz.sample if n > self.wiz.header_row][:3]
        self.table.setRowCount(len(self.wiz.headers))
        self.combos = []
        for i, header in enumerate(self.wiz.headers):
            self.table.setItem(i, 0, QTableWidgetItem(header or self.tr("(column %1)").replace("%1", str(i + 1))))
            values = " | ".join(shown_text(r[i]) for r in data_rows if i < len(r) and r[i])
            self.table.setItem(i, 1, QTableWidgetItem(values))
            combo = QComboBox()
            combo.addItem(self.tr("— do not import —"), None)
            for field in hdr.FIELDS:
                combo.addItem(labels.get(field, field), field)
            combo.setCurrentIndex(max(0, combo.findData(self.wiz.mapping[i] if i < len(self.wiz.mapping) else None)))
            self.table.setCellWidget(i, 2, combo)
            self.combos.append(combo)

    def current_mapping(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]

    def set_field(self, column: int, field: str | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field))

    def validatePage(self) -> bool:
        mapping = self.current_mapping()
        used = [f for f in mapping if f]
        if len(used) != len(set(used)):
            self.wiz.show_error(self.tr("Each kind of information can come from one column only."))
            return False
        try:
            importer.validate_mapping(mapping)
        except ExchangeError as exc:
            self.wiz.show_error(ExchangeText.error(exc))
            return False
        self.wiz.mapping = mapping
        return True


class RecordModel(QAbstractTableModel):
    """The planned rows: row number, what happens, problems, then the original cells."""

    FIXED = 3

    def __init__(
        self,
        headers: list[str],
        records: list,
        parent: QObject | None = None,
        mapping: list | None = None,
        order_states: dict | None = None,
    ) -> None:
        super().__init__(parent)
        labels = ExchangeText.field_labels()
        mapping = list(mapping or [])
        # a mapped column shows what it is imported as under its header
        self.headers = [
            f"{h}\n→ {labels.get(mapping[i], mapping[i])}" if i < len(mapping) and mapping[i] else h
            for i, h in enumerate(headers)
        ]
        self.records = records
        self.order_states = order_states  # None: a customer-only file
        if order_states is not None:
            self.FIXED = 4
        self.order_texts = {
            "new": translate("ExchangeText", "New order"),
            "line": translate("ExchangeText", "Line of the order above"),
            "existing": translate("ExchangeText", "Already there"),
            "problem": translate("ExchangeText", "Not imported"),
        }
        self.language = ExchangeText.language()
        self.actions = {
            Action.NEW: translate("ExchangeText", "New"),
            Action.MERGE: translate("ExchangeText", "Merge"),
            Action.UPDATE: translate("ExchangeText", "Update"),
            Action.SKIP: translate("ExchangeText", "Skip"),
            Action.REJECT: translate("ExchangeText", "Rejected"),
        }
        self.titles = [
            translate("ExchangeText", "Row"),
            translate("ExchangeText", "Action"),
            translate("ExchangeText", "Problems"),
            translate("ExchangeText", "Order"),
        ]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def _order_state(self, row: int) -> str | None:
        return self.order_states.get(row) if self.order_states is not None else None

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.FIXED + len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return None
        return self.titles[section] if section < self.FIXED else self.headers[section - self.FIXED]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self.records[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return rec.row
            if col == 1:
                if rec.action is Action.SKIP and self._order_state(index.row()) in ("line", "existing"):
                    return ""  # (the customer part is left to the order's first row: see Order)
                return self.actions.get(rec.action, rec.action)
            if col == 2:
                return rec.reason(self.language)
            if col == 3 and self.order_states is not None:
                state = self._order_state(index.row())
                return self.order_texts.get(state, "") if state else ""
            values = rec.values
            return values[col - self.FIXED] if col - self.FIXED < len(values) else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return rec.reason(self.language) or None  # (the column is narrow: the whole reason)
        if role == Qt.ItemDataRole.BackgroundRole:
            if rec.action is Action.REJECT or rec.order_rejected:
                return QBrush(QColor(255, 215, 215))
            if rec.flagged:
                return QBrush(QColor(255, 243, 200))
            if rec.twin is not None:
                return QBrush(QColor(220, 235, 255))  # a possible duplicate: for the user to decide
            if rec.action is Action.SKIP and self._order_state(index.row()) != "line":
                return QBrush(QColor(230, 230, 230))
        return None


class ImportPreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr(
                "Red rows are not imported, yellow rows are imported and marked 需核对, blue rows are possible "
                "duplicates. Nothing has been saved yet."
            )
        )
        self.duplicate_combo = QComboBox()
        for key, text in (
            ("merge", self.tr("Merge: add a new address to the existing customer")),
            ("skip", self.tr("Skip the row")),
            ("update", self.tr("Update the existing customer")),
            ("new", self.tr("Always add a new customer")),
        ):
            self.duplicate_combo.addItem(text, key)
        self.duplicate_combo.currentIndexChanged.connect(self._replan)
        self.same_phone_combo = QComboBox()
        for key, text in (
            ("separate", self.tr("Keep them apart and list them as possible duplicates")),
            ("merge", self.tr("Merge them all the same (listed too)")),
        ):
            self.same_phone_combo.addItem(text, key)
        self.same_phone_combo.currentIndexChanged.connect(self._replan)
        self.duplicates_title = QLabel()
        self.duplicates = QListWidget()
        self.duplicates.setMaximumHeight(110)
        self.duplicates.currentRowChanged.connect(self._show_duplicate)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.phase = QLabel()
        self.view = QTableView()
        self.view.verticalHeader().setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("When a customer is already known:"), self.duplicate_combo)
        form.addRow(self.tr("Same phone, different name:"), self.same_phone_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.duplicates_title)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        self.records: list = []
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

    STREAM_FROM_BYTES = 2_000_000
    """A customer file bigger than this (~30,000 rows) is previewed by its counts and first rows
    (:func:`importer.preview_file`) and imported as a stream: its rows are never all in memory."""

    def initializePage(self) -> None:
        self.wiz.plan = None
        self.wiz.table = None
        self.view.setModel(None)
        self.summary.setText("")
        self._list_duplicates([])
        self.completeChanged.emit()
        wiz = self.wiz
        path, sheet, header_row, mapping = wiz.path, wiz.sheet, wiz.header_row, list(wiz.mapping)
        on_duplicate = self.duplicate_combo.currentData()
        same_phone = self.same_phone_combo.currentData()
        try:
            big = path is not None and Path(path).stat().st_size > self.STREAM_FROM_BYTES
        except OSError:
            big = False  # (the read below says what is wrong with the file)
        wiz.streamed = big and not hdr.has_orders(mapping)
        if wiz.streamed:

            def preview(progress, token):
                return importer.preview_file(
                    path,
                    sheet=sheet,
                    header_row=header_row,
                    mapping=mapping,
                    on_duplicate=on_duplicate,
                    same_phone=same_phone,
                    progress=progress,
                    token=token,
                )

            self.progress.show()
            wiz.run(preview, self._planned, self._failed, self.progress, self.phase)
            return

        def work(progress, token):
            table = importer.read_table(path, sheet=sheet, header_row=header_row, progress=progress, token=token)
            records = importer.prepare(table, mapping, progress=progress, token=token)
            plan = importer.make_plan(
                records,
                on_duplicate,
                refs=importer.refs_of(table, mapping),
                same_phone=same_phone,
                distinct_refs=importer.refs_are_distinct(mapping),
                progress=progress,
                token=token,
            )
            return table, plan

        self.progress.show()
        wiz.run(work, self._planned, self._failed, self.progress, self.phase)

    def _planned(self, value) -> None:
        self.wiz.table, self.wiz.plan = value
        self._show_plan()

    def _replan(self) -> None:
        if self.wiz.table is None or self.wiz.busy():
            return
        if self.wiz.streamed:  # (its rows are not kept: read and planned again)
            self.initializePage()
            return
        records, on_duplicate = self.wiz.plan.records, self.duplicate_combo.currentData()
        same_phone = self.same_phone_combo.currentData()
        refs = importer.refs_of(self.wiz.table, self.wiz.mapping)
        distinct_refs = importer.refs_are_distinct(self.wiz.mapping)
        self.wiz.plan = None
        self.completeChanged.emit()
        self.wiz.run(
            lambda progress, token: importer.make_plan(
                records,
                on_duplicate,
                refs=refs,
                same_phone=same_phone,
                distinct_refs=distinct_refs,
                progress=progress,
                token=token,
            ),
            self._replanned,
            self._failed,
            self.progress,
            self.phase,
        )

    def _replanned(self, plan) -> None:
        self.wiz.plan = plan
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.wiz.plan
        c = plan.counts
        text = (
            self.tr("%1 new, %2 merged, %3 updated, %4 skipped, %5 rejected (%6 to check)")
            .replace("%1", str(c["new"]))
            .replace("%2", str(c["merged"]))
            .replace("%3", str(c["updated"]))
            .replace("%4", str(c["skipped"]))
            .replace("%5", str(c["rejected"]))
            .replace("%6", str(c["flagged"]))
        )
        if c.get("possible_duplicates"):
            text += "\n" + (
                self.tr("%1 possible duplicates (same phone, different name): kept apart, listed below.")
                if plan.same_phone == "separate"
                else self.tr("%1 possible duplicates (same phone, different name): merged as chosen, listed below.")
            ).replace("%1", str(c["possible_duplicates"]))
        orders = ExchangeText.order_summary(c, done=False)
        text = f"{text}\n{orders}" if orders else text
        if self.wiz.streamed and c["rows"] > len(plan.records):
            text += "\n" + self.tr("The list shows the first %1 of %2 rows; the counts are the whole file's.").replace(
                "%1", f"{len(plan.records):,}"
            ).replace("%2", f"{c['rows']:,}")
        self.summary.setText(text)
        self._list_duplicates(plan.records)
        self.view.setModel(
            RecordModel(
                self.wiz.table.headers,
                plan.records,
                self.view,
                mapping=self.wiz.mapping,
                order_states=plan.orders.row_state if plan.orders is not None else None,
            )
        )
        self.progress.hide()
        self.phase.setText("")
        self.completeChanged.emit()

    def _list_duplicates(self, records: list) -> None:
        """The possible duplicates (可能重复) above the table: a row chosen there is shown in it."""
        self.duplicates.clear()
        self.duplicate_rows: list[int] = []
        for position, rec in enumerate(records):
            if rec.twin is None:
                continue
            other = (
                self.tr("customer %1 in the database").replace("%1", rec.twin_name or "?")
                if isinstance(rec.twin, importer.Existing)
                else self.tr("%1 on row %2 of the file")
                .replace("%1", rec.twin_name or "?")
                .replace("%2", str(records[rec.twin.index].row))
            )
            text = (
                self.tr("Row %1: %2, phone %3, same phone as %4: %5")
                .replace("%1", str(rec.row))
                .replace("%2", rec.customer.get("name", "") or "?")
                .replace("%3", rec.customer.get("phone", ""))
                .replace("%4", other)
                .replace("%5", self.tr("a new customer") if rec.action is Action.NEW else self.tr("merged"))
            )
            QListWidgetItem(text, self.duplicates)
            self.duplicate_rows.append(position)
        count = len(self.duplicate_rows)
        self.duplicates_title.setText(
            self.tr("Possible duplicates (可能重复): %1. Choose one to see its row.").replace("%1", str(count))
        )
        self.duplicates_title.setVisible(bool(count))
        self.duplicates.setVisible(bool(count))

    def _show_duplicate(self, index: int) -> None:
        if 0 <= index < len(self.duplicate_rows) and self.view.model() is not None:
            row = self.duplicate_rows[index]
            self.view.selectRow(row)
            self.view.scrollTo(self.view.model().index(row, 0))

    def _failed(self, message) -> None:
        self.progress.hide()
        if message is None:
            self.phase.setText(self.tr("Stopped."))
            return
        self.phase.setText(self.tr("The file could not be read."))
        self.wiz.show_error(message)

    def isComplete(self) -> bool:
        return self.wiz.plan is not None and not self.wiz.busy() and self.wiz.plan.has_work


class ImportRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.phase = QLabel()
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.report_button = QPushButton(self.tr("Open the problem report"))
        self.report_button.clicked.connect(self.open_report)
        self.report_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.report_button)
        layout.addStretch(1)
        self.state = ""  # running, done, cancelled, failed

    def initializePage(self) -> None:
        wiz = self.wiz
        table, mapping, plan = wiz.table, list(wiz.mapping), wiz.plan
        self.state = "running"
        self.summary.setText("")
        self.cancel_button.show()
        self.progress.show()
        self.completeChanged.emit()
        if wiz.streamed:
            assert plan is not None and table is not None
            on_duplicate, path, sheet, header_row = plan.on_duplicate, wiz.path, table.sheet, table.header_row
            same_phone = plan.same_phone  # (the preview's choice, as the non-streamed write keeps it in its plan)

            def work(progress, token):
                return importer.import_file(
                    path,
                    sheet=sheet,
                    header_row=header_row,
                    mapping=mapping,
                    on_duplicate=on_duplicate,
                    same_phone=same_phone,
                    progress=progress,
                    token=token,
                )

        else:

            def work(progress, token):
                return importer.write_plan(table, mapping, plan, progress=progress, token=token)

        wiz.run(
            work,
            self._done,
            self._failed,
            self.progress,
            self.phase,
        )

    def cancel(self) -> None:
        if self.wiz.job is not None:
            self.wiz.job.cancel()
            self.phase.setText(self.tr("Cancelling…"))

    def _done(self, result: importer.ImportResult) -> None:
        self.wiz.result = result
        self.state = "done"
        c = result.counts
        text = (
            self.tr("Imported: %1 new customers, %2 merged, %3 updated, %4 skipped, %5 rejected. %6 addresses added.")
            .replace("%1", str(c["new"]))
            .replace("%2", str(c["merged"]))
            .replace("%3", str(c["updated"]))
            .replace("%4", str(c["skipped"]))
            .replace("%5", str(c["rejected"]))
            .replace("%6", str(c["addresses_added"]))
        )
        orders = ExchangeText.order_summary(c, done=True)
        if orders:
            text += "\n" + orders
        if c.get("possible_duplicates"):
            text += "\n" + self.tr(
                "%1 possible duplicates (same phone, different name) are listed in the problem report."
            ).replace("%1", str(c["possible_duplicates"]))
        if result.report_path:
            text += "\n" + self.tr("Rows with problems are listed in %1.").replace("%1", str(result.report_path))
            self.report_button.show()
        self.summary.setText(text)
        self.phase.setText(self.tr("Done."))
        self._finish_ui()
        self.wiz.imported.emit(result)

    def _failed(self, message) -> None:
        if message is None:
            self.state = "cancelled"
            self.summary.setText(self.tr("The import was cancelled. Nothing was changed."))
        else:
            self.state = "failed"
            self.summary.setText(self.tr("The import failed and nothing was changed: %1").replace("%1", message))
        self.phase.setText("")
        self._finish_ui()

    def _finish_ui(self) -> None:
        self.cancel_button.hide()
        self.progress.hide()
        self.completeChanged.emit()

    def open_report(self) -> None:
        if self.wiz.result and self.wiz.result.report_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.wiz.result.report_path)))

    def isComplete(self) -> bool:
        return self.state in ("done", "cancelled", "failed")
