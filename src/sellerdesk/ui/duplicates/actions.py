"""The main window's duplicate actions: 查找重复客户 (Ctrl+Shift+D), the merge dialog, 撤销合并,
and the editor's requests (merge with the customer who has this phone; undo a merge)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from sellerdesk.ui.duplicates.finder import DuplicatesDialog, unmerge
from sellerdesk.ui.duplicates.merge_dialog import MergeDialog
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.icons import icon

SHORTCUT = "Ctrl+Shift+D"


class DuplicatesController(QObject):
    def __init__(self, context, window) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.finder: DuplicatesDialog | None = None
        self.find_action = QAction(icon("people"), self.tr("Find &duplicate customers…"), window)
        self.find_action.setShortcut(QKeySequence(SHORTCUT))
        tip = self.tr("Customers who may be one person: same phone, WeChat ID or address; merge them (Ctrl+Shift+D)")
        self.find_action.setToolTip(tip)
        self.find_action.setStatusTip(tip)
        self.find_action.triggered.connect(self.show_finder)
        window.addAction(self.find_action)
        window.editor.merge_requested.connect(self.merge)
        window.editor.unmerge_requested.connect(self.unmerge)

    def show_finder(self) -> DuplicatesDialog:
        """Open (or bring forward) the finder and look for duplicates."""
        if self.finder is None:
            self.finder = DuplicatesDialog(self.window, merge_launcher=self.merge)
            self.finder.open_customer.connect(self.window.open_customer)
        if self.finder.isVisible():
            self.finder.raise_()  # already open behind the window: brought forward
            self.finder.activateWindow()
        self.finder.show()
        self.finder.load_merges()
        self.finder.find()
        return self.finder

    def merge(self, customer_ids: Sequence[int]) -> int | None:
        """The merge dialog for ``customer_ids`` (the first kept by default); the merge's id, or None."""
        dialog = MergeDialog(list(customer_ids), customer_ids[0], self.window)
        dialogs.launch(dialog)
        if dialog.merge_id is None:
            return None
        keep = dialog.keep_id()
        self.context.customers_changed.emit()
        self.context.orders_changed.emit()
        self.window.open_customer(keep)
        self.window.statusBar().showMessage(
            self.tr(
                "Merged %n customer(s). Undo merge is in the customer's pane and under Find duplicate customers.",
                "",
                len(customer_ids) - 1,
            ),
            8000,
        )
        return dialog.merge_id

    def unmerge(self, merge_id: int) -> bool:
        if not unmerge(self.window, merge_id):
            return False
        self.context.customers_changed.emit()
        self.context.orders_changed.emit()
        if self.window.editor.customer_id is not None:
            self.window.editor.load(self.window.editor.customer_id)
        if self.finder is not None and self.finder.isVisible():
            self.finder.load_merges()
        self.window.statusBar().showMessage(self.tr("The merge was undone."), 5000)
        return True
