"""The customer pane's 回访 tab: the customer's follow-ups and feedback, newest first; add, edit,
mark feedback solved, delete (with 撤销 right there: nothing is deleted without a way back).
Each action is one store call, written at once (not part of the form's Save)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.store import followups
from sellerdesk.store.errors import StoreError
from sellerdesk.store.models import FollowUp
from sellerdesk.ui.care import texts
from sellerdesk.ui.care.followup_dialog import FollowUpDialog
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.undo_note import UndoNote


class CustomerFollowUpsTab(QWidget):
    """Emits ``follow_ups_changed(customer_id)`` after every write."""

    follow_ups_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerFollowUps")
        self.customer_id: int | None = None
        self.name = ""
        self.in_trash = False
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Follow-up…"))
        self.add_button.setObjectName("addFollowUp")
        self.add_button.setToolTip(
            self.tr("Record a follow-up: a call or a chat, what was said, when to follow up again")
        )
        self.add_button.clicked.connect(lambda: self.add(feedback=False))
        self.feedback_button = QPushButton(self.tr("Feedback…"))
        self.feedback_button.setObjectName("addFeedback")
        self.feedback_button.setToolTip(self.tr("Record feedback from the customer: open until solved"))
        self.feedback_button.clicked.connect(lambda: self.add(feedback=True))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.solve_button = QPushButton(self.tr("Solved"))
        self.solve_button.setObjectName("solveFeedback")
        self.solve_button.clicked.connect(self.toggle_solved)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.add_button, self.feedback_button, self.edit_button, self.solve_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.undo_note = UndoNote("followUpUndo")
        self.undo_note.undone.connect(self._written)
        layout.addWidget(self.undo_note)
        self.list = QTreeWidget()
        self.list.setObjectName("followUpList")
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Channel"), self.tr("What was said"), self.tr("Next")]
        )
        header = self.list.header()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.list.currentItemChanged.connect(lambda *_a: self._enable())
        self.list.itemDoubleClicked.connect(lambda *_a: self.edit())
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No follow-ups yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.empty)
        self._enable()

    def show_customer(self, customer_id: int | None, name: str = "", *, in_trash: bool = False) -> None:
        if customer_id != self.customer_id:
            self.undo_note.withdraw()
        self.customer_id, self.name, self.in_trash = customer_id, name, in_trash
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.list.clear()
        rows = followups.for_customer(self.customer_id) if self.customer_id is not None else []
        kinds, channels, statuses = texts.kind_names(), texts.channel_names(), texts.status_names()
        for row in rows:
            kind = kinds.get(row.kind, row.kind)
            if row.kind == "feedback":
                kind = f"{kind}（{statuses.get(row.status, row.status)}）" if row.status else kind
            note = row.note + (f"\n→ {row.outcome}" if row.outcome else "")
            after = row.next_date.isoformat() if row.next_date and row.next_done_at is None else ""
            item = QTreeWidgetItem([row.on_date.isoformat(), kind, channels.get(row.channel, row.channel), note, after])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(3, note)  # (the column is narrow in the pane: the whole text on hover)
            self.list.addTopLevelItem(item)
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._enable()

    def _current(self) -> FollowUp | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            return followups.get_follow_up(int(item.data(0, Qt.ItemDataRole.UserRole)))
        except StoreError:
            return None

    def _enable(self) -> None:
        live = self.customer_id is not None and not self.in_trash
        chosen = self.list.currentItem() is not None
        self.add_button.setEnabled(live)
        self.feedback_button.setEnabled(live)
        self.edit_button.setEnabled(live and chosen)
        self.delete_button.setEnabled(live and chosen)
        row = self._current() if chosen else None
        is_feedback = row is not None and row.kind == "feedback"
        self.solve_button.setEnabled(live and is_feedback)
        self.solve_button.setText(
            self.tr("Open again") if is_feedback and row.status == "solved" else self.tr("Solved")
        )

    def _written(self) -> None:
        self.refresh()
        if self.customer_id is not None:
            self.follow_ups_changed.emit(self.customer_id)

    def add(self, *, feedback: bool = False) -> None:
        if self.customer_id is None:
            return
        dialog = FollowUpDialog(self.customer_id, self.name, self, feedback=feedback)
        if dialogs.launch(dialog) and dialog.saved is not None:
            self._written()

    def edit(self) -> None:
        row = self._current()
        if row is None or self.customer_id is None or self.in_trash:
            return
        dialog = FollowUpDialog(self.customer_id, self.name, self, existing=row)
        if dialogs.launch(dialog) and dialog.saved is not None:
            self._written()

    def toggle_solved(self) -> None:
        row = self._current()
        if row is None or row.kind != "feedback":
            return
        try:
            followups.set_solved(row.id, row.status != "solved")
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return
        self._written()

    def delete(self) -> None:
        row = self._current()
        if row is None:
            return
        try:
            followups.delete_follow_up(row.id)
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return
        self.undo_note.offer(self.tr("Follow-up deleted."), lambda: followups.restore_follow_up(row.id))
        self._written()

    def undo_delete(self) -> None:
        self.undo_note.undo()
