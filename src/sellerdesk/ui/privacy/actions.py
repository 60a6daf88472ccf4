"""The 隐私 menu and the customer table's privacy actions: erase for good (彻底删除), export one
person's data, customers with no recent order, the privacy notice, the audit log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from sellerdesk.jobs.worker import Job
from sellerdesk.store import customers, privacy
from sellerdesk.store.errors import StoreError
from sellerdesk.ui.privacy.erase_dialog import EraseDialog
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, with_error_text
from sellerdesk.ui.widgets.icons import icon
from sellerdesk.ui.widgets.progress import run_job

log = logging.getLogger(__name__)


class PrivacyController(QObject):
    def __init__(self, context, parent_widget: QWidget, selected_ids: Callable[[], list[int]]) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.selected_ids = selected_ids
        self._job: Job | None = None
        self.erase_action = QAction(icon("remove"), self.tr("&Erase for good…"), parent_widget)
        self.erase_action.setToolTip(
            self.tr("Erase the selected customers' personal data for good; their orders stay without it")
        )
        self.erase_action.triggered.connect(lambda: self.erase_selected())
        self.export_person_action = QAction(icon("export"), self.tr("E&xport this customer's data…"), parent_widget)
        self.export_person_action.setToolTip(self.tr("Everything kept about the selected customer, as .xlsx or JSON"))
        self.export_person_action.triggered.connect(lambda: self.export_selected())
        self.retention_action = QAction(self.tr("Customers with no recent &order…"), parent_widget)
        self.retention_action.triggered.connect(lambda: self.show_retention())
        self.notice_action = QAction(self.tr("Privacy &notice…"), parent_widget)
        self.notice_action.triggered.connect(lambda: self.show_notice())
        self.audit_action = QAction(self.tr("&Audit log…"), parent_widget)
        self.audit_action.triggered.connect(lambda: self.show_audit())
        self.menu = QMenu(self.tr("&Privacy"), parent_widget)
        for action in (self.export_person_action, self.erase_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.retention_action, self.notice_action, self.audit_action):
            self.menu.addAction(action)

    # --- erase ------------------------------------------------------------------------------------------------------

    def erase_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        people = [(c.id, c.name, c.phone) for c in (customers.get_customer(i) for i in ids)]
        if dialogs.launch(EraseDialog(people, self.parent_widget)) != QDialog.DialogCode.Accepted:
            return False
        job = Job(
            with_error_text(lambda progress, token: privacy.erase_customers(ids, progress=progress, token=token)),
            "erase",
        )
        job.succeeded.connect(self._erased)
        job.failed.connect(lambda message: dialogs.error(self.parent_widget, self.tr("Erase for good"), message))
        self._job = job
        run_job(job, self.tr("Erasing…"), self.parent_widget)
        return True

    def _erased(self, result) -> None:
        self.context.customers_changed.emit()
        self.context.orders_changed.emit()
        text = self.tr(
            "Erased %n customer(s); their orders stay without personal data. "
            "Make a new backup now: only backups made from now on are free of them.",
            "",
            len(result.erased),
        )
        dialogs.information(self.parent_widget, self.tr("Erase for good"), text)

    # --- export one person ------------------------------------------------------------------------------------------

    def export_selected(self, path: str | None = None) -> Path | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            dialogs.information(
                self.parent_widget, self.tr("Export a customer's data"), self.tr("Select one customer first.")
            )
            return None
        if path is None:
            path, _chosen = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Export a customer's data"),
                self.tr("customer-%1.xlsx").replace("%1", str(ids[0])),
                self.tr("Excel (*.xlsx);;JSON (*.json)"),
            )
            if not path:
                return None
        from sellerdesk.exchange.errors import ExchangeError
        from sellerdesk.exchange.person import export_person

        try:
            written = export_person(ids[0], path)
        except ExchangeError as exc:
            from sellerdesk.ui.exchange.import_wizard import ExchangeText

            dialogs.error(self.parent_widget, self.tr("Export a customer's data"), ExchangeText.error(exc))
            return None
        except StoreError as exc:
            dialogs.error(self.parent_widget, self.tr("Export a customer's data"), error_text(exc))
            return None
        dialogs.information(
            self.parent_widget,
            self.tr("Export a customer's data"),
            self.tr("Everything kept about this customer is in %1. Send it to them only.").replace("%1", str(written)),
        )
        return written

    # --- the other dialogs ------------------------------------------------------------------------------------------

    def show_retention(self) -> None:
        from sellerdesk.ui.privacy.retention_dialog import RetentionDialog

        dialogs.launch(RetentionDialog(self.context, self.parent_widget))

    def show_notice(self) -> None:
        from sellerdesk.ui.privacy.notice_dialog import NoticeDialog

        dialogs.launch(NoticeDialog(self.parent_widget))

    def show_audit(self) -> None:
        from sellerdesk.ui.audit.audit_dialog import AuditDialog

        dialogs.launch(AuditDialog(self.parent_widget))
