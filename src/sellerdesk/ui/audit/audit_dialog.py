"""操作记录: the audit log — who did what and when, with no personal details. Filters by action
and date range; Export writes what is shown to .csv or .xlsx. The entries are read in a job."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate
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

from sellerdesk.exchange.audit_file import Names, detail_text, local_text, write_audit
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.store import audit
from sellerdesk.store.audit import AuditRow
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import with_error_text
from sellerdesk.ui.widgets.forms import error_label

LIMIT = 10_000  # rows shown (newest first); a narrower date range shows older ones


def translate(context: str, text: str) -> str:
    # called as translate("AuditText", "…") at each use, so lupdate finds every text
    return QCoreApplication.translate(context, text)


def action_name(code: str) -> str:
    """The action as the user reads it; an unknown code (a newer feature's) as it is."""
    names = {
        "create": translate("AuditText", "Customer added"),
        "update": translate("AuditText", "Customer changed"),
        "add_address": translate("AuditText", "Address added"),
        "update_address": translate("AuditText", "Address changed"),
        "delete_address": translate("AuditText", "Address deleted"),
        "restore_address": translate("AuditText", "Address restored"),
        "set_default_address": translate("AuditText", "Default address set"),
        "verify_address": translate("AuditText", "Address checked"),
        "unverify_address": translate("AuditText", "Address check undone"),
        "trash": translate("AuditText", "Moved to the Trash"),
        "restore": translate("AuditText", "Restored from the Trash"),
        "purge": translate("AuditText", "Deleted from the Trash for good"),
        "erase": translate("AuditText", "Erased for good (personal data)"),
        "merge": translate("AuditText", "Customers merged"),
        "unmerge": translate("AuditText", "Merge undone"),
        "import": translate("AuditText", "Import"),
        "export": translate("AuditText", "Export"),
        "export_person": translate("AuditText", "Personal data exported"),
        "backup": translate("AuditText", "Backup"),
        "restore_backup": translate("AuditText", "Restored from a backup"),
        "add_order": translate("AuditText", "Order added"),
        "update_order": translate("AuditText", "Order changed"),
        "delete_order_lines": translate("AuditText", "Order lines replaced (old lines kept)"),
        "helper_update": translate("AuditText", "Changed by a helper (old values kept)"),
        "put_back": translate("AuditText", "A helper's change put back"),
        "order_status": translate("AuditText", "Order status changed"),
        "delete_order": translate("AuditText", "Order deleted"),
        "restore_order": translate("AuditText", "Order restored"),
        "tier_rules": translate("AuditText", "Tier rules changed"),
        "tier_set": translate("AuditText", "Tier set by hand"),
        "tier_clear": translate("AuditText", "Tier by hand cleared"),
        "points_rule": translate("AuditText", "Points rule changed"),
        "points_award": translate("AuditText", "Points given"),
        "points_redeem": translate("AuditText", "Points redeemed"),
        "demo_generate": translate("AuditText", "Demo customers added"),
        "demo_remove": translate("AuditText", "Demo customers removed"),
        "privacy_notice": translate("AuditText", "Privacy notice changed"),
        "retention_years": translate("AuditText", "Retention period changed"),
        "consent": translate("AuditText", "Marketing consent changed"),
        "add_follow_up": translate("AuditText", "Follow-up recorded"),
        "update_follow_up": translate("AuditText", "Follow-up changed"),
        "delete_follow_up": translate("AuditText", "Follow-up deleted"),
        "restore_follow_up": translate("AuditText", "Follow-up restored"),
        "follow_up_done": translate("AuditText", "Follow-up done"),
        "follow_up_due": translate("AuditText", "Follow-up due again"),
        "solve_feedback": translate("AuditText", "Feedback solved"),
        "reopen_feedback": translate("AuditText", "Feedback opened again"),
    }
    return names.get(code, code)


def entity_name(code: str) -> str:
    names = {
        "customer": translate("AuditText", "customer"),
        "address": translate("AuditText", "address"),
        "order": translate("AuditText", "order"),
        "settings": translate("AuditText", "settings"),
        "points": translate("AuditText", "points"),
        "tiers": translate("AuditText", "tiers"),
        "follow_up": translate("AuditText", "follow-up"),
    }
    return names.get(code, code)


def key_name(code: str) -> str:
    names = {
        "count": translate("AuditText", "count"),
        "orders": translate("AuditText", "orders"),
        "rows": translate("AuditText", "rows"),
        "masked": translate("AuditText", "masked"),
        "fields": translate("AuditText", "fields"),
        "addresses": translate("AuditText", "addresses"),
        "format": translate("AuditText", "format"),
        "files": translate("AuditText", "files"),
        "template": translate("AuditText", "template"),
        "customer": translate("AuditText", "customer"),
        "reason": translate("AuditText", "reason"),
        "backup_made": translate("AuditText", "backup made"),
        "years": translate("AuditText", "years"),
        "status": translate("AuditText", "status"),
        "given": translate("AuditText", "given"),
        "date": translate("AuditText", "date"),
        "via": translate("AuditText", "via"),
        "kind": translate("AuditText", "kind"),
        "closed": translate("AuditText", "next dates closed"),
        "old": translate("AuditText", "old values kept"),
        "entry": translate("AuditText", "entry"),
    }
    return names.get(code, code)


NAMES = Names(action_name, entity_name, key_name)


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
        today = QDate.currentDate()
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
                detail_text(r.detail, key_name),
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
