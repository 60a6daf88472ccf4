"""The main window (a first version: the customer table comes with its own issue)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from sellerdesk import APP_NAME, __version__
from sellerdesk.store import queries
from sellerdesk.ui import dialogs
from sellerdesk.ui.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("SellerDesk — Customer Address Manager"))
        self.summary = QLabel()
        self.summary.setMargin(24)
        self.setCentralWidget(self.summary)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.recovery_action = QAction(self.tr("Show &recovery code…"), self)
        self.recovery_action.triggered.connect(self.show_recovery_code)
        help_menu.addAction(self.recovery_action)
        about = QAction(self.tr("&About SellerDesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        context.customers_changed.connect(self.refresh)
        self.refresh()
        self.resize(1100, 700)

    def refresh(self) -> None:
        total = queries.count_customers()
        self.summary.setText(self.tr("%n customer(s)", "", total))

    def show_recovery_code(self) -> None:
        code = self.context.datadir.vault.recovery_code(self.context.key)
        dialogs.information(self, self.tr("Recovery code"),
                            self.tr("Your recovery code is:\n\n%1\n\nKeep it somewhere safe.").replace("%1", code))

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About SellerDesk"))
        box.setText(f"{APP_NAME} {__version__}\n" + self.tr("Data folder: %1").replace(
            "%1", str(self.context.datadir.home)))
        dialogs.launch(box)
