"""待核对: the addresses due for a re-check, most valuable customer first (issue 18).

The list is read in a worker (``store.recheck.due_addresses``: about 0.6 s for 55k due
addresses at 100k customers) and shown by a plain table model. From it the seller

* marks an address verified (``store.recheck.mark_verified``: one transaction, a history row
  and an audit entry), and the row leaves the list;
* copies the check-your-address message (the ``recheck`` template with the address in it);
* walks the list one address at a time (:class:`WalkPanel`): the message is copied as the
  customer comes up, then 已核对 (verified, next), 修改地址 (the customer opens in the editor;
  saving the edit confirms the address), or 跳过 (next).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.address import format_one_line
from sellerdesk.core.money import format_yuan
from sellerdesk.jobs import runner
from sellerdesk.jobs.worker import Job
from sellerdesk.store import recheck
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.errors import StoreError
from sellerdesk.store.recheck import DueAddress
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, with_error_text
from sellerdesk.ui.widgets.icons import icon
from sellerdesk.ui.widgets.undo_note import UndoNote

COLUMNS = ("name", "tier", "spent", "address", "confirmed", "due_on")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class DueModel(QAbstractTableModel):
    """The due addresses, as the store ordered them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DueAddress] = []
        self.masked = False
        self.tier_names = store_tiers.tier_rules()

    def show(self, rows: list[DueAddress]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.tier_names = store_tiers.tier_rules()
        self.endResetModel()

    def remove(self, address_id: int) -> int | None:
        """Take the row of ``address_id`` out; returns the row it was at."""
        for row, due in enumerate(self.rows):
            if due.address_id == address_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
                return row
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "name": self.tr("Customer"),
            "tier": self.tr("Tier"),
            "spent": self.tr("Total spent"),
            "address": self.tr("Address"),
            "confirmed": self.tr("Last confirmed"),
            "due_on": self.tr("Due since"),
        }[COLUMNS[section]]

    def address_text(self, due: DueAddress) -> str:
        values = due.values()
        if self.masked and values["phone"]:
            from sellerdesk.core.phones import mask_phone

            values["phone"] = mask_phone(values["phone"])
        return format_one_line(values)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        due = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return due.name
            if column == "tier":
                return self.tier_names.display(due.tier)
            if column == "spent":
                return format_yuan(due.total_spent_fen)
            if column == "address":
                return self.address_text(due)
            if column == "confirmed":
                return due.confirmed.isoformat()
            return due.due_on.isoformat()
        if role == Qt.ItemDataRole.ToolTipRole and column == "address":
            return self.address_text(due)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "spent":
            return _RIGHT
        return None


class WalkPanel(QFrame):
    """One customer at a time: who, the address, the message (copied as it comes up), and
    what to do: 已核对 (then the next), 修改地址, 跳过."""

    verified = Signal()
    edit = Signal()
    skip = Signal()
    copy = Signal()
    stop = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        inner = QWidget()
        inner.setMaximumWidth(860)
        outer.addWidget(inner, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.position = QLabel()
        self.position.setObjectName("walkPosition")
        self.position.setStyleSheet("color: palette(placeholder-text)")
        layout.addWidget(self.position)
        self.who = QLabel()
        self.who.setObjectName("walkWho")
        font = self.who.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.who.setFont(font)
        layout.addWidget(self.who)
        self.address = QLabel()
        self.address.setObjectName("walkAddress")
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.address.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.address.setFont(font)
        layout.addWidget(self.address)
        self.when = QLabel()
        self.when.setObjectName("walkWhen")
        layout.addWidget(self.when)
        self.message_title = QLabel(self.tr("Message (copied — paste it into WeChat):"))
        layout.addWidget(self.message_title)
        self.message = QPlainTextEdit()
        self.message.setObjectName("walkMessage")
        self.message.setReadOnly(True)
        self.message.setMaximumHeight(self.fontMetrics().height() * 5 + 16)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.verified_button = QPushButton(icon("verified"), self.tr("Verified — next"))
        self.verified_button.setObjectName("walkVerified")
        self.verified_button.setDefault(True)
        self.verified_button.setToolTip(self.tr("The customer confirmed the address: stamp it verified (Ctrl+Enter)"))
        self.verified_button.setShortcut("Ctrl+Return")
        self.edit_button = QPushButton(self.tr("Change address…"))
        self.edit_button.setObjectName("walkEdit")
        self.edit_button.setToolTip(self.tr("Open the customer in the editor; saving the change confirms it"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setObjectName("walkSkip")
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy again"))
        self.stop_button = QPushButton(self.tr("End the walk"))
        for button, signal in (
            (self.verified_button, self.verified),
            (self.edit_button, self.edit),
            (self.skip_button, self.skip),
            (self.copy_button, self.copy),
            (self.stop_button, self.stop),
        ):
            button.clicked.connect(signal.emit)
        buttons.addWidget(self.verified_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        self.done = QLabel()
        self.done.setObjectName("walkDone")
        self.done.setWordWrap(True)
        layout.addWidget(self.done)
        layout.addStretch(1)

    def show_due(self, due: DueAddress | None, position: int, total: int, address: str, tier: str, text: str) -> None:
        has = due is not None
        for widget in (self.who, self.address, self.when, self.message_title, self.message):
            widget.setVisible(has)
        for button in (self.verified_button, self.edit_button, self.skip_button, self.copy_button):
            button.setEnabled(has)
        self.done.setVisible(not has)
        if due is None:
            self.position.setText("")
            self.done.setText(self.tr("That was the last one: every address in the list has been through."))
            return
        self.position.setText(self.tr("%1 of %2").replace("%1", f"{position:,}").replace("%2", f"{total:,}"))
        self.who.setText(f"{due.name}  ·  {tier}  ·  {format_yuan(due.total_spent_fen)}")
        self.address.setText(address)
        self.when.setText(
            self.tr("Last confirmed %1; due since %2.")
            .replace("%1", due.confirmed.isoformat())
            .replace("%2", due.due_on.isoformat())
        )
        self.message.setPlainText(text)


class RecheckView(QWidget):
    """The 待核对 page. ``edit_address(customer id, address id)`` asks the window to open a
    customer in the editor at that address."""

    edit_address = Signal(int, int)
    summary_changed = Signal(str)
    cycles_requested = Signal()

    def __init__(self, context=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recheckView")
        self.context = context
        self.job: Job | None = None
        self.stale = True
        self.walk_index = -1  # the row the walk is at (-1: no walk)
        self._walk_resume = False  # back from 修改地址: show (and copy) the next one when shown
        self._writing = False  # our own write: the list already shows it
        self.model = DueModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Addresses to re-check"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        head.addWidget(self.title)
        self.cycles_label = QLabel()
        self.cycles_label.setObjectName("cyclesLabel")
        self.cycles_label.setStyleSheet("color: palette(placeholder-text)")
        head.addWidget(self.cycles_label, 1)
        self.cycles_button = QPushButton(self.tr("Cycles…"))
        self.cycles_button.setToolTip(self.tr("How often each tier's addresses are checked"))
        self.cycles_button.clicked.connect(self.cycles_requested.emit)
        head.addWidget(self.cycles_button)
        layout.addLayout(head)

        bar = QHBoxLayout()
        self.walk_button = QPushButton(icon("recheck"), self.tr("Walk through the list"))
        self.walk_button.setObjectName("walkButton")
        self.walk_button.setToolTip(self.tr("One customer at a time: the message copied, then verified or changed"))
        self.walk_button.clicked.connect(self.start_walk)
        self.verify_button = QPushButton(icon("verified"), self.tr("Mark verified"))
        self.verify_button.clicked.connect(self.verify_selected)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy message"))
        self.copy_button.setToolTip(self.tr("Copy a polite check-your-address message for WeChat"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.open_button = QPushButton(self.tr("Open customer"))
        self.open_button.clicked.connect(self.open_selected)
        for button in (self.walk_button, self.verify_button, self.copy_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("recheckStatus")
        bar.addWidget(self.status)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("recheckTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in zip(COLUMNS, (110, 64, 96, 0, 96, 96), strict=True):
            if width:
                header.resizeSection(COLUMNS.index(column), width)
        header.setSectionResizeMode(COLUMNS.index("address"), QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.empty = QLabel(self.tr("No address is due for a re-check. 🎉"))
        self.empty.setObjectName("recheckEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.walk = WalkPanel()
        self.walk.verified.connect(self.walk_verified)
        self.walk.edit.connect(self.walk_edit)
        self.walk.skip.connect(self.walk_next)
        self.walk.copy.connect(self.walk_copy)
        self.walk.stop.connect(self.stop_walk)
        self.stack = QStackedWidget()
        for widget in (self.table, self.empty, self.walk):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.undo_note = UndoNote("recheckUndo")
        layout.addWidget(self.undo_note)
        self._update_buttons()

    # --- loading ------------------------------------------------------------------------------------------------

    def data_changed(self) -> None:
        """The data changed: read again now when showing (not during a walk: its list stays), else when shown."""
        if self._writing:
            return
        self.stale = True
        if self.isVisible() and self.walk_index < 0:
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._walk_resume:
            self._walk_resume = False
            self._show_walk()
        elif self.stale and self.walk_index < 0:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        months = recheck.cycles()
        rules = store_tiers.tier_rules()
        self.cycles_label.setText(
            self.tr("Cycles: %1").replace(
                "%1",
                " · ".join(
                    self.tr("%1 %2 mo.").replace("%1", rules.name(level)).replace("%2", str(months[level]))
                    for level in ("diamond", "gold", "silver", "normal")
                ),
            )
        )
        if self.job is not None and self.job.running:
            self.stale = True
            return
        self.status.setText(self.tr("Reading…"))
        if self.job is not None:
            self.job.deleteLater()
        job = Job(with_error_text(lambda _p, _t: recheck.due_addresses()), "recheck-list", self)
        job.succeeded.connect(self._loaded)
        job.failed.connect(lambda message: self.status.setText(message))
        self.job = job
        runner.start(job)

    def _loaded(self, rows: list[DueAddress]) -> None:
        self.model.masked = bool(getattr(self.context, "mask_phones", False))
        self.model.show(rows)
        self._show_list()
        if self.stale and self.isVisible():
            self.reload()

    def _show_list(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.rows else self.empty)
        self._update_buttons()

    def summary_text(self) -> str:
        return self.tr("Addresses to re-check: %1").replace("%1", f"{len(self.model.rows):,}")

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_rows())
        walking = self.walk_index >= 0
        for button in (self.verify_button, self.copy_button, self.open_button):
            button.setEnabled(chosen and not walking)
        self.walk_button.setEnabled(bool(self.model.rows) and not walking)
        self.status.setText(self.summary_text())
        self.summary_changed.emit(self.summary_text())  # the status bar, when this page is in front

    # --- the list's actions -------------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _current(self) -> DueAddress | None:
        rows = self.selected_rows()
        return self.model.rows[rows[0]] if rows else None

    def _verify(self, chosen: list[DueAddress]) -> bool:
        """Mark ``chosen`` verified (one transaction) and offer 撤销 right under the list."""
        before = list(self.model.rows)
        try:
            done = recheck.verify_addresses([due.address_id for due in chosen])
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return False
        for due in chosen:
            self.model.remove(due.address_id)
        text = (
            self.tr("%1 marked verified.").replace("%1", chosen[0].name)
            if len(chosen) == 1
            else self.tr("%n addresses marked verified.", "", len(chosen))
        )
        self.undo_note.offer(text, lambda: self._unverify(done, before))
        self._customers_changed()
        return True

    def _unverify(self, done: list[recheck.Verified], before: list[DueAddress]) -> None:
        recheck.undo_verified(done)
        if self.walk_index >= 0:  # the walk's list stays: the addresses go back where they were
            first = min((i for i, due in enumerate(before) if due.address_id == done[0].address_id), default=0)
            self.model.show(before)
            self.walk_index = first
            self._show_walk(copy=False)
        else:
            self.reload()
        self._customers_changed()

    def _customers_changed(self) -> None:
        if self.context is not None:
            self._writing = True
            try:
                self.context.customers_changed.emit()
            finally:
                self._writing = False

    def verify_selected(self) -> None:
        rows = self.selected_rows()
        chosen = [self.model.rows[r] for r in rows]
        if chosen:
            self._verify(chosen)
        if rows and self.model.rows:
            self.table.selectRow(min(rows[0], len(self.model.rows) - 1))
        self._show_list()

    def message(self, due: DueAddress) -> str:
        return due.message()

    def copy_selected(self) -> None:
        due = self._current()
        if due is None:
            return
        QGuiApplication.clipboard().setText(self.message(due))
        self.status.setText(self.tr("Message copied for %1.").replace("%1", due.name))

    def open_selected(self) -> None:
        due = self._current()
        if due is not None:
            self.edit_address.emit(due.customer_id, due.address_id)

    # --- the walk -----------------------------------------------------------------------------------------------

    def start_walk(self) -> None:
        if not self.model.rows:
            return
        rows = self.selected_rows()
        self.walk_index = rows[0] if rows else 0
        self.stack.setCurrentWidget(self.walk)
        self._show_walk()

    def _walk_due(self) -> DueAddress | None:
        return self.model.rows[self.walk_index] if 0 <= self.walk_index < len(self.model.rows) else None

    def set_mask_phones(self, on: bool) -> None:
        """Ctrl+M: phones masked on screen (the copied message keeps the real one: it goes to the customer)."""
        self.model.masked = on
        if self.model.rows:
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(len(self.model.rows) - 1, len(COLUMNS) - 1)
            )
        if self.walk_index >= 0:
            self._show_walk(copy=False)

    def _shown_message(self, due: DueAddress, text: str) -> str:
        if not self.model.masked or not due.phone:
            return text
        from sellerdesk.core.phones import mask_phone

        return text.replace(due.phone, mask_phone(due.phone))

    def _show_walk(self, copy: bool = True) -> None:
        due = self._walk_due()
        text = self.message(due) if due is not None else ""
        if due is not None:
            if copy:
                QGuiApplication.clipboard().setText(text)
            self.table.selectRow(self.walk_index)
            text = self._shown_message(due, text)
        self.walk.show_due(
            due,
            self.walk_index + 1,
            len(self.model.rows),
            self.model.address_text(due) if due is not None else "",
            self.model.tier_names.display(due.tier) if due is not None else "",
            text,
        )
        self._update_buttons()

    def walk_verified(self) -> None:
        due = self._walk_due()
        if due is not None and self._verify([due]):
            self._show_walk()  # the next one moved up into this row

    def walk_next(self) -> None:
        if self._walk_due() is not None:
            self.walk_index += 1
        self._show_walk()

    def walk_copy(self) -> None:
        due = self._walk_due()
        if due is not None:
            QGuiApplication.clipboard().setText(self.message(due))

    def walk_edit(self) -> None:
        """The customer opens in the editor; the walk moves on to the next for when the seller comes back."""
        due = self._walk_due()
        if due is None:
            return
        self.walk_index += 1
        self._walk_resume = True
        self.edit_address.emit(due.customer_id, due.address_id)

    def stop_walk(self) -> None:
        self.walk_index = -1
        self._show_list()
        if self.stale:
            self.reload()
