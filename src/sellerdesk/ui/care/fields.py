"""The customer editor's 生日 and 营销同意 rows.

:class:`BirthdayField`: none, a solar date (the year may be left unknown: stored as 1900), or a
lunar month and day with 闰月, shown as 农历八月十五 with this year's solar date beside it.
:class:`ConsentField`: consent given or not, since when, and how (微信聊天/口头/纸质/导入/其他).
Both emit ``changed`` on a user edit; ``values()`` gives the store's fields
(``store.customers.save_customer``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock, lunar
from sellerdesk.core.care import CONSENT_WAYS
from sellerdesk.core.lunar import LunarDay
from sellerdesk.ui.care import texts
from sellerdesk.ui.widgets.dates import pydate, qdate, qtoday
from sellerdesk.ui.widgets.event_hook import EventHook

UNKNOWN_YEAR = 1900  # a solar birthday whose year is not known (store.customers reads 3-5 as 1900-03-05)
NOT_CHOSEN = QDate(UNKNOWN_YEAR - 1, 12, 31)  # the date edit's "no date chosen yet" (shown as its special text)
FIRST_PAGE = (1990, 1)  # where the calendar opens when no date is chosen yet


class BirthdayField(QWidget):
    changed = Signal()

    NONE, SOLAR, LUNAR = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("birthdayField")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        rows.addLayout(row)
        self.kind = QComboBox()
        self.kind.setObjectName("birthdayKind")
        self.kind.addItems([self.tr("None"), self.tr("Solar"), self.tr("Lunar")])
        self.kind.setToolTip(self.tr("Many customers celebrate a lunar (农历) birthday"))
        row.addWidget(self.kind)
        self.solar = QDateEdit()
        self.solar.setObjectName("birthdaySolar")
        self.solar.setDisplayFormat("yyyy-MM-dd")
        self.solar.setCalendarPopup(True)
        self.solar.setDateRange(NOT_CHOSEN, QDate(2100, 12, 31))
        self.solar.setSpecialValueText(self.tr("Choose a date"))  # empty until the seller picks one
        self.solar.setDate(NOT_CHOSEN)
        calendar = self.solar.calendarWidget()
        EventHook(calendar, lambda event: self._calendar_event(calendar, event))
        self.solar.setMinimumWidth(80)
        row.addWidget(self.solar)
        self.leap = QCheckBox(self.tr("Leap"))
        self.leap.setObjectName("birthdayLeap")
        self.leap.setToolTip(self.tr("Born in a leap month (闰月)"))
        self.month = QComboBox()
        self.month.setObjectName("birthdayMonth")
        self.month.addItems([lunar.month_name(m) for m in range(1, 13)])
        self.day = QComboBox()
        self.day.setObjectName("birthdayDay")
        self.day.addItems([lunar.day_name(d) for d in range(1, 31)])
        for combo in (self.kind, self.month, self.day):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(2)
            combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            combo.setMinimumWidth(44)  # may be squeezed below its hint: the pane is ~370 px at 1366×768
        row.addWidget(self.month)
        row.addWidget(self.day)
        row.addWidget(self.leap)
        self.note = QLabel()
        self.note.setObjectName("birthdayNote")
        # the pane is narrow (370 px at 1366×768): the note gives way, elided, rather than widen the form
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note.setMinimumWidth(0)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        row.addWidget(self.note, 1)
        # a solar birthday stored beside the lunar one (an import may give both): said, not hidden
        self.other = QLabel()
        self.other.setObjectName("birthdayOther")
        self.other.setWordWrap(True)
        self.other.setStyleSheet("color: palette(placeholder-text);")
        self.other.hide()
        rows.addWidget(self.other)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.solar.dateChanged.connect(self._edited)
        for combo in (self.month, self.day):
            combo.currentIndexChanged.connect(self._edited)
        self.leap.toggled.connect(self._edited)
        self._loading = False
        self._stored_solar: dt.date | None = None
        self._show_kind()

    def set_values(self, solar: dt.date | None, lunar_code: int | None) -> None:
        self._stored_solar = solar  # kept beside a lunar one (an import may give both): never lost by an edit
        self._loading = True
        try:
            if lunar_code is not None:
                day = LunarDay.from_code(lunar_code)
                self.kind.setCurrentIndex(self.LUNAR)
                self.month.setCurrentIndex(day.month - 1)
                self.day.setCurrentIndex(day.day - 1)
                self.leap.setChecked(day.leap)
            else:
                self.month.setCurrentIndex(0)
                self.day.setCurrentIndex(0)
                self.leap.setChecked(False)
                self.kind.setCurrentIndex(self.SOLAR if solar is not None else self.NONE)
            self.solar.setDate(qdate(solar) if solar is not None else NOT_CHOSEN)
            self._show_kind()
        finally:
            self._loading = False

    def lunar_day(self) -> LunarDay | None:
        if self.kind.currentIndex() != self.LUNAR:
            return None
        return LunarDay(self.month.currentIndex() + 1, self.day.currentIndex() + 1, self.leap.isChecked())

    def _calendar_event(self, calendar: QCalendarWidget, event: QEvent) -> bool:
        """The calendar opens at :data:`FIRST_PAGE` when no date is chosen (not December 1899)."""
        if event.type() == QEvent.Type.Show and self.solar.date() == NOT_CHOSEN:
            calendar.setCurrentPage(*FIRST_PAGE)
        return False

    def solar_day(self) -> dt.date | None:
        """The solar date chosen (None: 公历 not chosen, or no date picked yet)."""
        if self.kind.currentIndex() != self.SOLAR or self.solar.date() == NOT_CHOSEN:
            return None
        return pydate(self.solar.date())

    def values(self) -> dict[str, object]:
        """The store's fields: one kind of birthday, the other cleared (a solar one stored beside
        a lunar one is kept while the lunar one is)."""
        day = self.lunar_day()
        return {
            "birthday": self._stored_solar if day is not None else self.solar_day(),
            "birthday_lunar": day.code if day is not None else None,
        }

    def text(self) -> str:
        """What the field says: 农历八月十五, 1990-03-05, or ''."""
        day = self.lunar_day()
        if day is not None:
            return texts.lunar_text(day)
        solar = self.solar_day()
        return solar.isoformat() if solar is not None else ""

    def _kind_changed(self, _index: int) -> None:
        self._show_kind()
        self._edited()

    def _show_kind(self) -> None:
        kind = self.kind.currentIndex()
        self.solar.setVisible(kind == self.SOLAR)
        for widget in (self.leap, self.month, self.day):
            widget.setVisible(kind == self.LUNAR)
        stored = self._stored_solar
        if kind == self.LUNAR and stored is not None:
            shown = stored.strftime("%m-%d") if stored.year == UNKNOWN_YEAR else stored.isoformat()
            self.other.setText(
                self.tr("A solar birthday is on file too: %1. Greetings use the lunar one.").replace("%1", shown)
            )
        self.other.setVisible(kind == self.LUNAR and stored is not None)
        self._show_note()

    def _show_note(self) -> None:
        """This year's (or next) solar date of the birthday."""
        today = clock.today()
        values = self.values()
        day = self.lunar_day()
        solar = values["birthday"] if isinstance(values["birthday"], dt.date) and day is None else None
        when = lunar.next_birthday(today, solar=solar, lunar=day)
        if when is None:
            self.note.setText("")
            for widget in (self.month, self.day, self.solar):
                widget.setToolTip("")
            return
        text = texts.date_text(when.month, when.day)
        # the next birthday is within a year: the note says the day only (下次：11月2日 fits the
        # 1366-px pane, 下次：2027年11月2日 was cut), the tooltips give the year when it is not this one
        self.note.setText(self.tr("next: %1").replace("%1", text))
        if when.year != today.year:
            text = self.tr("%1, %2").replace("%1", str(when.year)).replace("%2", text)
        for widget in (self.note, self.month, self.day, self.solar):
            widget.setToolTip(self.tr("next: %1").replace("%1", text))

    def _edited(self, *_args: object) -> None:
        self._show_note()
        if not self._loading:
            self.changed.emit()


class ConsentField(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentField")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.given = QCheckBox(self.tr("Agreed"))
        self.given.setObjectName("consentGiven")
        self.given.setToolTip(
            self.tr("Only customers who agreed to marketing appear in the birthday and holiday lists")
        )
        row.addWidget(self.given)
        self.date = QDateEdit()
        self.date.setObjectName("consentDate")
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.date.setDate(qtoday())
        self.date.setMinimumWidth(80)
        row.addWidget(self.date)
        self.way = QComboBox()
        self.way.setObjectName("consentWay")
        self.way.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.way.setMinimumContentsLength(3)
        self.way.setMinimumWidth(44)
        names = texts.consent_way_names()
        for code in ("", *CONSENT_WAYS):
            self.way.addItem(names[code], code)
        row.addWidget(self.way, 1)
        self._loading = False
        self.given.toggled.connect(self._toggled)
        self.date.dateChanged.connect(self._edited)
        self.way.currentIndexChanged.connect(self._edited)
        self._enable()

    def set_values(self, given: bool, date: dt.date | None, way: str) -> None:
        self._loading = True
        try:
            self.given.setChecked(bool(given))
            self.date.setDate(qdate(date) if date else qtoday())
            index = self.way.findData(way or "")
            self.way.setCurrentIndex(max(index, 0))
            self._enable()
        finally:
            self._loading = False

    def values(self) -> dict[str, object]:
        given = self.given.isChecked()
        return {
            "marketing_consent": given,
            "consent_date": pydate(self.date.date()) if given else None,
            "consent_via": self.way.currentData() if given else "",
        }

    def _enable(self) -> None:
        for widget in (self.date, self.way):
            widget.setEnabled(self.given.isChecked())

    def _toggled(self, on: bool) -> None:
        if on and not self._loading:
            self.date.setDate(qtoday())  # consent given now, unless the user says when
        self._enable()
        self._edited()

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()
