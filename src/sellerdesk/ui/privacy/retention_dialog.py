"""Retention: customers with no order for N years (a setting; 0 is off), offered for erasure.
The list is read in a job; the erasure runs in a job with progress and Cancel (one transaction:
Cancel leaves everyone as they were)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.phones import mask_phone
from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.store import privacy
from sellerdesk.store.errors import StoreError
from sellerdesk.store.models import Customer
from sellerdesk.ui.privacy.erase_dialog import EraseDialog
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, with_error_text
from sellerdesk.ui.widgets.forms import error_label
from sellerdesk.ui.widgets.progress import run_job

SHOWN = 2000  # rows listed; the erasure takes them all


def _inactive(years: int) -> list[tuple[int, str, str, _dt.datetime | None]]:
    ids = privacy.inactive_customers(years)
    rows: list[tuple[int, str, str, _dt.datetime | None]] = []
    for start_at in range(0, len(ids), 500):
        chunk = ids[start_at : start_at + 500]
        query = Customer.select(Customer.id, Customer.name, Customer.phone, Customer.last_order_at).where(
            Customer.id.in_(chunk)
        )
        rows.extend((c.id, c.name, c.phone, c.last_order_at) for c in query)
    return sorted(rows, key=lambda r: (r[3] or _dt.datetime.min, r[0]))


class RetentionDialog(QDialog):
    def __init__(self, context=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Customers with no recent order"))
        self.resize(620, 480)
        self.rows: list[tuple[int, str, str, _dt.datetime | None]] = []
        self.erased: list[int] = []
        layout = QVBoxLayout(self)
        line = QHBoxLayout()
        line.addWidget(QLabel(self.tr("Offer customers with no order for")))
        self.years = QSpinBox()
        self.years.setRange(0, 50)
        self.years.setSpecialValueText(self.tr("off"))
        self.years.setSuffix(self.tr(" year(s)"))
        self.years.setValue(privacy.retention_years())
        self.years.setMinimumWidth(self.fontMetrics().horizontalAdvance("888 years") + 40)
        line.addWidget(self.years)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.clicked.connect(self.find)
        line.addWidget(self.find_button)
        line.addStretch(1)
        layout.addLayout(line)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Name"), self.tr("Last order")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.erase_button = QPushButton(self.tr("Erase them for good…"))
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._job: Job | None = None
        self.searched = False
        self._show()
        if self.years.value():
            self.find()  # the list at once (read in a job)

    def _masked(self) -> bool:
        return bool(getattr(self.context, "mask_phones", False))

    def find(self) -> None:
        years = self.years.value()
        self.error.setText("")
        try:
            if years != privacy.retention_years():
                privacy.save_retention_years(years)
        except StoreError as exc:
            self.error.setText(error_text(exc))
            return
        if years == 0:
            self.rows = []
            self._show()
            return
        job = Job(with_error_text(lambda progress, token: _inactive(years)), "retention")
        job.succeeded.connect(self._found)
        job.failed.connect(self.error.setText)
        self._job = job
        self.find_button.setEnabled(False)
        job.finished.connect(lambda: self.find_button.setEnabled(True))
        start(job)

    def _found(self, rows) -> None:
        self.rows = list(rows)
        self.searched = True
        self._show()

    def _show(self) -> None:
        years = self.years.value()
        if years == 0:
            self.summary.setText(self.tr("Retention is off: set a number of years and press Find."))
        elif not self.searched:
            self.summary.setText("")
        else:
            self.summary.setText(
                self.tr(
                    "%n customer(s) with no order for %1 year(s) (or never, and added before that).", "", len(self.rows)
                ).replace("%1", str(years))
            )
        shown = self.rows[:SHOWN]
        self.table.setRowCount(len(shown))
        for row, (cid, name, phone, last) in enumerate(shown):
            who = name or (mask_phone(phone) if self._masked() else phone)
            when = last.date().isoformat() if last else self.tr("never")
            for column, text in enumerate((str(cid), who, when)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.erase_button.setEnabled(bool(self.rows))

    def erase(self) -> None:
        people = [(cid, name, phone) for cid, name, phone, _last in self.rows]
        if not people or dialogs.launch(EraseDialog(people, self)) != QDialog.DialogCode.Accepted:
            return
        ids = [p[0] for p in people]
        job = Job(
            with_error_text(lambda progress, token: privacy.erase_customers(ids, progress=progress, token=token)),
            "erase",
        )
        job.succeeded.connect(self._erased)
        job.failed.connect(lambda message: dialogs.error(self, self.tr("Erase for good"), message))
        self._job = job
        run_job(job, self.tr("Erasing customers…"), self)

    def _erased(self, result) -> None:
        self.erased.extend(result.erased)
        done = set(result.erased)
        self.rows = [r for r in self.rows if r[0] not in done]
        self._show()
        if self.context is not None:
            self.context.customers_changed.emit()
            self.context.orders_changed.emit()
        dialogs.information(
            self,
            self.tr("Erase for good"),
            self.tr(
                "Erased %n customer(s). Make a new backup now: only backups made from now on are free of them.",
                "",
                len(result.erased),
            ),
        )
