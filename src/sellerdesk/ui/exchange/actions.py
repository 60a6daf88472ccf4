"""Import and export in the app: actions, the wizard, the export dialog.

The main window builds one ``ExchangeController(context, window, current_filter)``
(``current_filter()`` returns the CustomerFilter of the table on screen), puts
``import_action`` (Ctrl+I) and ``export_action`` (Ctrl+E) in its menu/toolbar and calls
``start_import(path)`` when a file is dropped on it. After an import lands the controller
emits ``context.customers_changed`` so every view refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from sellerdesk.exchange.readers import TEXT_SUFFIXES
from sellerdesk.store.queries import CustomerFilter
from sellerdesk.ui.widgets import dialogs

if TYPE_CHECKING:  # imported when used: they load openpyxl (~0.4 s), too slow for start-up
    from sellerdesk.ui.exchange.export_dialog import ExportDialog
    from sellerdesk.ui.exchange.import_wizard import ImportWizard

IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", *TEXT_SUFFIXES)


class ExchangeController(QObject):
    imported = Signal(object)  # ImportResult
    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        context,
        parent_widget: QWidget,
        current_filter: Callable[[], CustomerFilter] | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.current_filter = current_filter or CustomerFilter
        self.wizard: ImportWizard | None = None
        self.export_dialog: ExportDialog | None = None
        self.import_action = QAction(self.tr("&Import from Excel/CSV…"), parent_widget)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(self.tr("Import customers from a spreadsheet (Ctrl+I)"))
        self.import_action.triggered.connect(lambda: self.start_import())
        self.export_action = QAction(self.tr("&Export to Excel…"), parent_widget)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("Export the customers on screen, or a courier template (Ctrl+E)"))
        self.export_action.triggered.connect(lambda: self.start_export())

    @staticmethod
    def accepts(path: str | Path) -> bool:
        """True for files the wizard can try (the main window's drag-and-drop check)."""
        return Path(path).suffix.lower() in IMPORT_SUFFIXES

    def start_import(self, path: str | Path | None = None) -> ImportWizard:
        from sellerdesk.ui.exchange.import_wizard import ImportWizard

        wizard = ImportWizard(self.context, path, self.parent_widget)
        wizard.imported.connect(self._on_imported)
        self.wizard = wizard
        if path:
            wizard.restart()  # the file page is filled: go straight to the sheet step
            wizard.next()
        dialogs.launch(wizard)
        return wizard

    def _on_imported(self, result) -> None:
        self.imported.emit(result)
        if self.context is not None:
            self.context.customers_changed.emit()

    def start_export(self) -> ExportDialog:
        folder = None
        if self.context is not None:
            saved = self.context.settings.value("exchange/export_folder", "")
            folder = Path(saved) if saved and Path(saved).is_dir() else None
        from sellerdesk.ui.exchange.export_dialog import ExportDialog

        masked = bool(getattr(self.context, "mask_phones", False))
        dialog = ExportDialog(self.current_filter(), self.parent_widget, default_folder=folder, mask=masked)
        dialog.exported.connect(self._on_exported)
        self.export_dialog = dialog
        dialogs.launch(dialog)
        return dialog

    def _on_exported(self, result) -> None:
        if self.context is not None:
            self.context.settings.setValue("exchange/export_folder", str(Path(result.path).parent))
        self.exported.emit(result)
