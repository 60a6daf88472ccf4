"""The customer editor's 生日 and 营销同意 rows.

:class:`BirthdayField`: none, a solar date (the year may be left unknown: stored as 1900), or a
lunar month and day with 闰月, shown as 农历八月十五 with this year's solar date beside it.
:class:`ConsentField`: consent given or not, since when, and how (微信聊天/口头/纸质/导入/其他).
Both emit ``changed`` on a user edit; ``values()`` gives the store's fields
(``store.customers.save_customer``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QWidget

from sellerdesk.core import lunar
from sellerdesk.core.care import CONSENT_WAYS
from sellerdesk.core.lunar import LunarDay
from sellerdesk.ui.care import texts

UNKNOWN_YEAR = 1900  # a solar birthday whose year is not known (store.customers reads 3-5 as 1900-03-05)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class BirthdayField(QWidget):
    changed = Signal()

    NONE, SOLAR, LUNAR = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("birthdayField")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.kind = QComboBox()
        self.kind.setObjectName("birthdayKind")
        self.kind.addItems([self.tr("None"), self.tr("Solar"), self.tr("Lunar")])
        self.kind.setToolTip(self.tr("Many customers celebrate a lunar (农历) birthday"))
        row.addWidget(self.kind)
        self.solar = QDateEdit()
        self.solar.setObjectName("birthdaySolar")
        self.solar.setDisplayFormat("yyyy-MM-dd")
        self.solar.setCalendarPopup(True)
        self.solar.setDateRange(QDate(UNKNOWN_YEAR, 1, 1), QDate(2100, 12, 31))
        self.solar.setDate(QDate(1990, 1, 1))
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
            combo.setMinimumWidth(44)  # may be squeezed below its hint: the pane is ~320 px at 1366×768
        row.addWidget(self.month)
        row.addWidget(self.day)
        row.addWidget(self.leap)
        self.note = QLabel()
        self.note.setObjectName("birthdayNote")
        # the pane is narrow (320 px at 1366×768): the note gives way, elided, rather than widen the form
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note.setMinimumWidth(0)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        row.addWidget(self.note, 1)
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
            if solar is not None:
                self.solar.setDate(_qdate(solar))
            self._show_kind()
        finally:
            self._loading = False

    def lunar_day(self) -> LunarDay | None:
        if self.kind.currentIndex() != self.LUNAR:
            return None
        return LunarDay(self.month.currentIndex() + 1, self.day.currentIndex() + 1, self.leap.isChecked())

    def values(self) -> dict[str, object]:
        """The store's fields: one kind of birthday, the other cleared."""
        kind = self.kind.currentIndex()
        day = self.lunar_day()
        return {
            "birthday": _date(self.solar.date()) if kind == self.SOLAR else self._stored_solar if day else None,
            "birthday_lunar": day.code if day is not None else None,
        }

    def text(self) -> str:
        """What the field says: 农历八月十五, 1990-03-05, or ''."""
        day = self.lunar_day()
        if day is not None:
            return texts.lunar_text(day)
        return self.solar.date().toString("yyyy-MM-dd") if self.kind.currentIndex() == self.SOLAR else ""

    def _kind_changed(self, _index: int) -> None:
        self._show_kind()
        self._edited()

    def _show_kind(self) -> None:
        kind = self.kind.currentIndex()
        self.solar.setVisible(kind == self.SOLAR)
        for widget in (self.leap, self.month, self.day):
            widget.setVisible(kind == self.LUNAR)
        self._show_note()

    def _show_note(self) -> None:
        """This year's (or next) solar date of the birthday."""
        today = dt.date.today()
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
        if when.year != today.year:
            text = self.tr("%1, %2").replace("%1", str(when.year)).replace("%2", text)
        self.note.setText(self.tr("next: %1").replace("%1", text))
        for widget in (self.month, self.day, self.solar):
            widget.setToolTip(self.note.text())  # (the note may have no room in a narrow pane)

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
        self.date.setDate(QDate.currentDate())
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
            self.date.setDate(_qdate(date) if date else QDate.currentDate())
            index = self.way.findData(way or "")
            self.way.setCurrentIndex(max(index, 0))
            self._enable()
        finally:
            self._loading = False

    def values(self) -> dict[str, object]:
        given = self.given.isChecked()
        return {
            "marketing_consent": given,
            "consent_date": _date(self.date.date()) if given else None,
            "consent_via": self.way.currentData() if given else "",
        }

    def _enable(self) -> None:
        for widget in (self.date, self.way):
            widget.setEnabled(self.given.isChecked())

    def _toggled(self, on: bool) -> None:
        if on and not self._loading:
            self.date.setDate(QDate.currentDate())  # consent given now, unless the user says when
        self._enable()
        self._edited()

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()
