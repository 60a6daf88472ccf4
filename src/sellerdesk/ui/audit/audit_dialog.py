"""操作记录: the audit log — who did what and when, with no personal details. Filters by action
and date range; Export writes what is shown to .csv or .xlsx. The entries are read in a job."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import labels
from sellerdesk.exchange.audit_file import Names, detail_text, local_text, write_audit
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.store import audit
from sellerdesk.store.audit import AuditRow
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.dates import qtoday
from sellerdesk.ui.widgets.errors import with_error_text
from sellerdesk.ui.widgets.forms import error_label

LIMIT = 10_000  # rows shown (newest first); a narrower date range shows older ones


def action_name(code: str) -> str:
    """The action as the user reads it (``core.labels``, shared with the CLI); an unknown code as it is."""
    return labels.AUDIT_ACTIONS.name(code, QCoreApplication.translate)


def entity_name(code: str) -> str:
    return labels.AUDIT_ENTITIES.name(code, QCoreApplication.translate)


def key_name(code: str) -> str:
    return labels.AUDIT_KEYS.name(code, QCoreApplication.translate)


def value_name(key: str, value: str) -> str:
    return labels.detail_value(key, value, QCoreApplication.translate)


NAMES = Names(action_name, entity_name, key_name, value_name)


def _utc(day: _dt.date) -> _dt.datetime:
    """Local midnight of ``day`` as the naive UTC time the log stores."""
    return _dt.datetime.combine(day, _dt.time()).astimezone().astimezone(_dt.UTC).replace(tzinfo=None)


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 560)
        self.rows: list[AuditRow] = []
        self._job: Job | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Who did what and when. The log holds numbers only, never names, phones or addresses."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Action")))
        self.action = QComboBox()
        self.action.addItem(self.tr("All"), "")
        for code in audit.action_names():
            self.action.addItem(action_name(code), code)
        filters.addWidget(self.action)
        filters.addWidget(QLabel(self.tr("From")))
        today = qtoday()
        self.since = QDateEdit(today.addDays(-90))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        self.until = QDateEdit(today)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        filters.addWidget(self.until)
        filters.addStretch(1)
        layout.addLayout(filters)
        headers = [
            self.tr("Time"),
            self.tr("Action"),
            self.tr("Entity"),
            self.tr("No."),
            self.tr("By"),
            self.tr("Detail"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.action.currentIndexChanged.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        self.until.dateChanged.connect(self.reload)
        self.reload()

    def filter(self) -> dict:
        code = self.action.currentData()
        return {
            "since": _utc(self.since.date().toPython()),
            "until": _utc(self.until.date().toPython() + _dt.timedelta(days=1)),
            "actions": [code] if code else [],
        }

    def reload(self, *_args) -> None:
        flt = self.filter()
        job = Job(with_error_text(lambda progress, token: audit.entries(**flt, limit=LIMIT)), "audit")
        job.succeeded.connect(self._show)
        job.failed.connect(self.error.setText)
        self._job = job
        start(job)

    def _show(self, rows) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            # the team user on a team server (set by the database), else the computer's user
            by = r.actor or str((r.detail or {}).get("by", ""))
            values = (
                local_text(r.at),
                action_name(r.action),
                entity_name(r.entity),
                "" if r.entity_id is None else str(r.entity_id),
                by,
                detail_text(r.detail, key_name, value_name),
            )
            for column, text in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        text = self.tr("%n entry(s)", "", len(self.rows))
        if len(self.rows) >= LIMIT:
            text += " " + self.tr("(the newest only: narrow the dates to see older ones)")
        self.summary.setText(text)
        self.export_button.setEnabled(bool(self.rows))

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit log"), "操作记录.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)")
            )
            if not path:
                return
        try:
            written = write_audit(path, self.rows, NAMES)
        except ExchangeError as exc:
            from sellerdesk.ui.exchange.import_wizard import ExchangeText

            dialogs.error(self, self.tr("Export the audit log"), ExchangeText.error(exc))
            return
        self.summary.setText(self.tr("Exported to %1").replace("%1", str(written)))
