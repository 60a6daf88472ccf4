"""The 客户关怀 page: birthdays and holidays (customers who consented to marketing only) and the
待回访 list (next dates due and open feedback), each row with its message to copy for WeChat.

Lists are read when the page (or its tab) is shown and after a change made here; every read is
an index lookup of a few hundred to a few thousand rows (``benchmarks/bench_care.py``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock, holidays
from sellerdesk.core.phones import mask_phone
from sellerdesk.core.tiers import LEVELS
from sellerdesk.store import care, followups
from sellerdesk.store import messages as store_messages
from sellerdesk.store.errors import StoreError
from sellerdesk.store.tiers import tier_rules
from sellerdesk.ui.care import texts
from sellerdesk.ui.care.followup_dialog import FollowUpDialog
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.icons import icon
from sellerdesk.ui.widgets.undo_note import UndoNote

HOLIDAY_ROWS = 1000  # a holiday list shows the best customers first, this many


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(110)  # names and dates read at a glance, not squeezed to their text
    header.setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[int]) -> None:
    table.setUpdatesEnabled(False)
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, (values, key) in enumerate(zip(rows, ids)):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)
    table.setUpdatesEnabled(True)
    if rows:
        table.selectRow(0)


def _chosen(table: QTableWidget) -> int | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


def _copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


class _Page(QWidget):
    """A tab: a row of controls, a count line, the table (or an empty line), a row of actions."""

    def __init__(self, headers: list[str], empty: str) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.controls = QHBoxLayout()
        self.layout_.addLayout(self.controls)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.layout_.addWidget(self.count)
        self.table = _table(headers)
        self.layout_.addWidget(self.table, 1)
        self.empty = QLabel(empty)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.layout_.addWidget(self.empty, 1)
        self.actions = QHBoxLayout()
        self.layout_.addLayout(self.actions)

    def show_rows(self, rows: list[list[str]], ids: list[int]) -> None:
        _fill(self.table, rows, ids)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)


class CareView(QWidget):
    """Emits ``open_customer(customer_id)`` for 打开客户 and ``status(text)`` after a copy or a write."""

    open_customer = Signal(int)
    status = Signal(str)
    follow_ups_changed = Signal(int)  # a follow-up of this customer was recorded, done or solved here

    def __init__(self, context=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careView")
        self.context = context
        self._today: dt.date | None = None
        self._undo_customer = 0  # whose follow-up the undo line would bring back
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel(self.tr("Keeping in touch"))
        title.setObjectName("careTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("careTabs")
        layout.addWidget(self.tabs, 1)
        self._build_birthdays()
        self._build_holidays()
        self._build_follow_ups()
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    # --- birthdays -------------------------------------------------------------------------------------------

    def _build_birthdays(self) -> None:
        page = _Page(
            [self.tr("Date"), self.tr("Birthday"), self.tr("Name"), self.tr("Phone"), self.tr("Tier")],
            self.tr(
                "No birthdays in these days among the customers who agreed to marketing.\n"
                "Add a birthday (solar or lunar) and the consent in the customer's details."
            ),
        )
        page.setObjectName("careBirthdays")
        self.span = QComboBox()
        self.span.setObjectName("birthdaySpan")
        for label, span in (
            (self.tr("Today"), "today"),
            (self.tr("This week"), "week"),
            (self.tr("This month"), "month"),
            (self.tr("Next 30 days"), 30),
        ):
            self.span.addItem(label, span)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(lambda _i: self.refresh_birthdays())
        page.controls.addWidget(QLabel(self.tr("Birthdays")))
        page.controls.addWidget(self.span)
        page.controls.addStretch(1)
        self.birthday_copy = QPushButton(icon("copy"), self.tr("Copy greeting"))
        self.birthday_copy.setObjectName("copyBirthday")
        self.birthday_copy.setToolTip(self.tr("Copy the birthday message for this customer, ready for WeChat"))
        self.birthday_copy.clicked.connect(self.copy_birthday)
        self.birthday_open = QPushButton(self.tr("Open customer"))
        self.birthday_open.clicked.connect(lambda: self._open(self.birthdays))
        page.actions.addWidget(self.birthday_copy)
        page.actions.addWidget(self.birthday_open)
        page.actions.addStretch(1)
        page.table.itemDoubleClicked.connect(lambda *_a: self._open(self.birthdays))
        self.birthdays = page
        self._birthday_rows: dict[int, care.BirthdayRow] = {}
        self.tabs.addTab(page, icon("gift"), self.tr("Birthdays"))

    def refresh_birthdays(self) -> None:
        today = self._today or clock.today()
        start, end = care.range_of(today, self.span.currentData())
        rows = care.birthdays(start, end)
        names = tier_rules()
        self._birthday_rows = {r.customer_id: r for r in rows}
        self.birthdays.show_rows(
            [
                [
                    texts.date_text(r.when.month, r.when.day) + (self.tr(" (today)") if r.when == today else ""),
                    texts.lunar_text(r.lunar)
                    if r.lunar is not None
                    else texts.date_text(r.solar.month, r.solar.day)
                    if r.solar is not None
                    else "",
                    r.name,
                    self._phone(r.phone),
                    names.display(r.tier),
                ]
                for r in rows
            ],
            [r.customer_id for r in rows],
        )
        self.birthdays.count.setText(
            self.tr("%n birthday(s) from %1 to %2 — only customers who agreed to marketing.", "", len(rows))
            .replace("%1", start.isoformat())
            .replace("%2", end.isoformat())
        )
        for button in (self.birthday_copy, self.birthday_open):
            button.setEnabled(bool(rows))

    def copy_birthday(self) -> None:
        cid = _chosen(self.birthdays.table)
        row = self._birthday_rows.get(cid) if cid is not None else None
        if row is None:
            return
        _copy(store_messages.render("birthday", {"name": row.name, "phone": self._copied_phone(row.phone)}))
        self.status.emit(self.tr("Birthday greeting for %1 copied.").replace("%1", row.name))

    # --- holidays --------------------------------------------------------------------------------------------

    def _build_holidays(self) -> None:
        page = _Page(
            [self.tr("Name"), self.tr("Phone"), self.tr("WeChat ID"), self.tr("Tier")],
            self.tr("No customer of this tier agreed to marketing yet."),
        )
        page.setObjectName("careHolidays")
        self.holiday = QComboBox()
        self.holiday.setObjectName("holidayChoice")
        self.tier = QComboBox()
        self.tier.setObjectName("holidayTier")
        page.controls.addWidget(QLabel(self.tr("Holiday")))
        page.controls.addWidget(self.holiday)
        page.controls.addWidget(QLabel(self.tr("Tier")))
        page.controls.addWidget(self.tier)
        page.controls.addStretch(1)
        self.holiday.currentIndexChanged.connect(lambda _i: self.refresh_holidays())
        self.tier.currentIndexChanged.connect(lambda _i: self.refresh_holidays())
        self.holiday_copy = QPushButton(icon("copy"), self.tr("Copy greeting"))
        self.holiday_copy.setObjectName("copyHoliday")
        self.holiday_copy.clicked.connect(self.copy_holiday)
        self.holiday_open = QPushButton(self.tr("Open customer"))
        self.holiday_open.clicked.connect(lambda: self._open(self.holidays_page))
        page.actions.addWidget(self.holiday_copy)
        page.actions.addWidget(self.holiday_open)
        page.actions.addStretch(1)
        page.table.itemDoubleClicked.connect(lambda *_a: self._open(self.holidays_page))
        self.holidays_page = page
        self._holiday_names: dict[int, str] = {}
        self.tabs.addTab(page, self.tr("Holidays"))

    def _fill_holiday_choices(self) -> None:
        today = self._today or clock.today()
        current = self.holiday.currentData()
        self.holiday.blockSignals(True)
        self.tier.blockSignals(True)
        try:
            self.holiday.clear()
            for holiday, when in holidays.upcoming(today):
                label = texts.holiday_name(holiday.key, holiday.name) + "  " + texts.date_text(when.month, when.day)
                self.holiday.addItem(
                    label, (holiday.key, when.isoformat(), texts.holiday_name(holiday.key, holiday.name))
                )
            index = self.holiday.findData(current) if current is not None else 0
            self.holiday.setCurrentIndex(max(index, 0))
            tier = self.tier.currentData()
            self.tier.clear()
            self.tier.addItem(self.tr("All tiers"), None)
            names = tier_rules()
            for level in reversed(LEVELS):
                self.tier.addItem(names.display(level), level)
            self.tier.setCurrentIndex(max(self.tier.findData(tier), 0))
        finally:
            self.holiday.blockSignals(False)
            self.tier.blockSignals(False)

    def refresh_holidays(self) -> None:
        if self.holiday.count() == 0:
            self._fill_holiday_choices()
        tier = self.tier.currentData()
        total = care.holiday_count(tier)
        rows = care.holiday_customers(tier, limit=HOLIDAY_ROWS)
        names = tier_rules()
        self._holiday_names = {r.customer_id: r.name for r in rows}
        self.holidays_page.show_rows(
            [[r.name, self._phone(r.phone), r.wechat, names.display(r.tier)] for r in rows],
            [r.customer_id for r in rows],
        )
        text = self.tr("%n customer(s) agreed to marketing.", "", total)
        if total > len(rows):
            text += " " + self.tr("The %1 who spent most are shown.").replace("%1", f"{len(rows):,}")
        self.holidays_page.count.setText(text)
        for button in (self.holiday_copy, self.holiday_open):
            button.setEnabled(bool(rows))

    def copy_holiday(self) -> None:
        cid = _chosen(self.holidays_page.table)
        if cid is None:
            return
        data = self.holiday.currentData()
        when, holiday = (data[1], data[2]) if data else ("", "")
        name = self._holiday_names.get(cid, "")
        _copy(store_messages.render("holiday", {"name": name, "date": when, "holiday": holiday}))
        self.status.emit(self.tr("Holiday greeting for %1 copied.").replace("%1", name))

    # --- follow-ups due --------------------------------------------------------------------------------------

    def _build_follow_ups(self) -> None:
        page = _Page(
            [self.tr("Due"), self.tr("Kind"), self.tr("Name"), self.tr("Channel"), self.tr("What was said")],
            self.tr("Nothing to follow up today.\nRecord follow-ups in the customer's 回访 tab, with a next date."),
        )
        page.setObjectName("careFollowUps")
        self.due_summary = QLabel()
        page.controls.addWidget(self.due_summary, 1)
        self.record_button = QPushButton(self.tr("Record follow-up…"))
        self.record_button.setObjectName("recordFollowUp")
        self.record_button.setToolTip(self.tr("Record what was said; its next date is then done"))
        self.record_button.clicked.connect(self.record_follow_up)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("followUpDone")
        self.done_button.setToolTip(self.tr("Take it off the list without recording anything"))
        self.done_button.clicked.connect(self.mark_done)
        self.followup_copy = QPushButton(icon("copy"), self.tr("Copy message"))
        self.followup_copy.setObjectName("copyFollowUp")
        self.followup_copy.clicked.connect(self.copy_follow_up)
        self.followup_open = QPushButton(self.tr("Open customer"))
        self.followup_open.clicked.connect(lambda: self._open(self.follow_ups, customer=True))
        for button in (self.record_button, self.done_button, self.followup_copy, self.followup_open):
            page.actions.addWidget(button)
        page.actions.addStretch(1)
        self.followup_undo = UndoNote("followUpDoneUndo")
        self.followup_undo.undone.connect(self._follow_up_undone)
        page.layout_.addWidget(self.followup_undo)
        page.table.currentCellChanged.connect(lambda *_a: self._enable_follow_ups())
        self.follow_ups = page
        self._due_rows: dict[int, followups.DueRow] = {}  # by row position (a feedback may be due and open)
        self.tabs.addTab(page, self.tr("Follow-ups due"))

    def refresh_follow_ups(self) -> None:
        today = self._today or clock.today()
        due = followups.due(today)
        feedback = followups.open_feedback()
        rows = due + feedback
        kinds, channels = texts.kind_names(), texts.channel_names()
        self._due_rows = dict(enumerate(rows))
        self.follow_ups.show_rows(
            [
                [
                    r.when.isoformat(),
                    kinds.get(r.kind, r.kind),
                    r.name,
                    channels.get(r.channel, r.channel),
                    r.note.replace("\n", " ") + (f" → {r.outcome}" if r.outcome else ""),
                ]
                for r in rows
            ],
            list(range(len(rows))),
        )
        self.follow_ups.count.setText(
            self.tr("%1 follow-up(s) due, %2 open feedback.")
            .replace("%1", str(len(due)))
            .replace("%2", str(len(feedback)))
        )
        self._enable_follow_ups()

    def _current_due(self) -> followups.DueRow | None:
        fid = _chosen(self.follow_ups.table)
        return self._due_rows.get(fid) if fid is not None else None

    def _enable_follow_ups(self) -> None:
        row = self._current_due()
        for button in (self.record_button, self.followup_copy, self.followup_open):
            button.setEnabled(row is not None)
        self.done_button.setEnabled(row is not None)
        is_feedback = row is not None and row.reason == "open"
        self.done_button.setText(self.tr("Solved") if is_feedback else self.tr("Done"))

    def record_follow_up(self) -> None:
        row = self._current_due()
        if row is None:
            return
        dialog = FollowUpDialog(row.customer_id, row.name, self)
        if dialogs.launch(dialog) and dialog.saved is not None:
            self.status.emit(self.tr("Follow-up with %1 recorded.").replace("%1", row.name))
            self.refresh_follow_ups()
            self.follow_ups_changed.emit(row.customer_id)

    def mark_done(self) -> None:
        row = self._current_due()
        if row is None:
            return
        fid, feedback = row.follow_up_id, row.reason == "open"
        try:
            if feedback:
                followups.set_solved(fid)
            else:
                followups.set_next_done(fid)
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return
        self._undo_customer = row.customer_id
        if feedback:
            self.followup_undo.offer(
                self.tr("Feedback from %1 solved.").replace("%1", row.name), lambda: followups.set_solved(fid, False)
            )
        else:
            self.followup_undo.offer(
                self.tr("Follow-up with %1 done.").replace("%1", row.name), lambda: followups.set_next_done(fid, False)
            )
        self.refresh_follow_ups()
        self.follow_ups_changed.emit(row.customer_id)

    def _follow_up_undone(self) -> None:
        self.refresh_follow_ups()
        self.follow_ups_changed.emit(self._undo_customer)

    def copy_follow_up(self) -> None:
        row = self._current_due()
        if row is None:
            return
        _copy(store_messages.render("followup", {"name": row.name, "phone": self._copied_phone(row.phone)}))
        self.status.emit(self.tr("Follow-up message for %1 copied.").replace("%1", row.name))

    # --- shared ----------------------------------------------------------------------------------------------

    def _open(self, page: _Page, *, customer: bool = False) -> None:
        key = _chosen(page.table)
        if key is None:
            return
        if customer:
            row = self._due_rows.get(key)
            if row is None:
                return
            key = row.customer_id
        self.open_customer.emit(key)

    def show_tab(self, name: str, span: str | int | None = None) -> None:
        """Bring a tab to the front: ``birthdays`` (``span``: today, week, month or 30), ``holidays``
        or ``follow_ups`` — the click-throughs of 今日待办's birthday, follow-up and feedback counts."""
        page = {"birthdays": self.birthdays, "holidays": self.holidays_page, "follow_ups": self.follow_ups}[name]
        if span is not None and page is self.birthdays:
            index = self.span.findData(span)
            if index >= 0:
                self.span.blockSignals(True)
                self.span.setCurrentIndex(index)
                self.span.blockSignals(False)
        if self.tabs.currentWidget() is page:
            self.refresh()
        else:
            self.tabs.setCurrentWidget(page)  # (read by currentChanged)

    def _phone(self, phone: str) -> str:
        """As the screen shows it: masked in masking mode (Ctrl+M); a copied greeting keeps the real one."""
        return mask_phone(phone) if getattr(self.context, "mask_phones", False) else phone

    def _copied_phone(self, phone: str) -> str:
        """A phone for the clipboard: masked when the team role masks phones (AppContext.mask_forced)."""
        return mask_phone(phone) if getattr(self.context, "mask_forced", False) and phone else phone

    def set_mask_phones(self, on: bool) -> None:
        """Ctrl+M: the lists show phones masked (read again at once)."""
        self.refresh()

    def refresh(self) -> None:
        """Read the tab in front again (the others when they are shown)."""
        page = self.tabs.currentWidget()
        if page is self.birthdays:
            self.refresh_birthdays()
        elif page is self.holidays_page:
            self._fill_holiday_choices()
            self.refresh_holidays()
        else:
            self.refresh_follow_ups()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()
