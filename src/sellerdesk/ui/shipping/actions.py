"""Shipping day's actions in the main window's 订单 menu: export waybills, import tracking
numbers, add a courier template, shipping settings (senders, preferred couriers)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from sellerdesk.ui.widgets import dialogs


class ShippingController(QObject):
    def __init__(self, context, parent_widget: QWidget, orders_view) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.orders_view = orders_view
        self.dialog = None

        def action(text: str, slot, tip: str) -> QAction:
            act = QAction(text, parent_widget)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.triggered.connect(lambda: slot())
            return act

        self.export_action = action(
            self.tr("Export &waybills…"),
            self.export_waybills,
            self.tr("Write the orders to ship into a courier's bulk-order sheet"),
        )
        self.tracking_action = action(
            self.tr("&Import tracking numbers…"),
            self.import_tracking,
            self.tr("Read a courier's result sheet: matched orders become 已发货"),
        )
        self.template_action = action(
            self.tr("Add a courier tem&plate…"),
            self.add_template,
            self.tr("Bring the blank .xlsx template downloaded from your courier"),
        )
        self.settings_action = action(
            self.tr("Shipping setti&ngs…"),
            self.open_settings,
            self.tr("Senders (寄件人) and the preferred courier per region"),
        )
        self.actions = [self.export_action, self.tracking_action, self.template_action, self.settings_action]

    def _folder(self) -> Path | None:
        if self.context is None:
            return None
        saved = self.context.settings.value("shipping/folder", "")
        return Path(saved) if saved and Path(saved).is_dir() else None

    def _remember(self, path: Path) -> None:
        if self.context is not None:
            self.context.settings.setValue("shipping/folder", str(path.parent))

    def export_waybills(self):
        from sellerdesk.ui.shipping.export_dialog import WaybillExportDialog

        view = self.orders_view
        dialog = WaybillExportDialog(
            view.selected_ids() if view is not None else [],
            view.current_filter() if view is not None else None,
            self.parent_widget,
            default_folder=self._folder(),
        )
        dialog.exported.connect(lambda results: results and self._remember(Path(results[0].path)))
        self.dialog = dialog
        dialogs.launch(dialog)
        return dialog

    def import_tracking(self, path: str | Path | None = None):
        from sellerdesk.ui.shipping.tracking_dialog import TrackingImportDialog

        dialog = TrackingImportDialog(path, self.parent_widget)
        dialog.imported.connect(self._orders_changed)
        self.dialog = dialog
        dialogs.launch(dialog)
        return dialog

    def _orders_changed(self, _result) -> None:
        if self.context is not None:
            self.context.orders_changed.emit()

    def add_template(self, path: str | Path | None = None):
        from sellerdesk.exchange.errors import ExchangeError
        from sellerdesk.ui.shipping import texts
        from sellerdesk.ui.shipping.template_dialog import TemplateMappingDialog

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Add a courier template"),
                str(self._folder() or Path.home()),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not path:
                return None
        try:
            dialog = TemplateMappingDialog(path, self.parent_widget)
        except ExchangeError as exc:
            dialogs.error(self.parent_widget, self.tr("Add a courier template"), texts.error(exc))
            return None
        self.dialog = dialog
        dialogs.launch(dialog)
        return dialog

    def open_settings(self):
        from sellerdesk.ui.shipping.settings_dialog import ShippingSettingsDialog

        dialog = ShippingSettingsDialog(self.parent_widget)
        self.dialog = dialog
        dialogs.launch(dialog)
        return dialog
