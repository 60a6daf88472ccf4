"""Birthdays on the solar or the lunar (农历) calendar, and when they fall in a given year.

The lunar calendar comes from ``lunar_python`` (6tail's lunar, MIT): its month table agreed with
borax's on every day from 1901 to 2088 and with both of them where lunardate (GPL) has months of
the wrong length (1933, 1954, 1978, 2057); see CHANGELOG / the care issue's report.

A lunar birthday is a month, a day and whether the month is a leap month (闰月); the year of
birth is not needed to celebrate it. Stored as one whole number, :meth:`LunarDay.code`.

The rules, for a year that lacks the day (tested in ``tests/core/test_lunar.py``):

* born in a leap month (闰四月): celebrated in the leap month in a year that has one, else in
  the ordinary month of the same number (四月) — the way families count it;
* born on the 30th: a month of 29 days celebrates on its 29th (its last day);
* born on 2月29 (solar): 2月28 in a year that is not a leap year.

A lunar year's 腊月 (its twelfth month) falls in January or February of the next solar year, so a
range of solar dates looks at the lunar years that begin before it too.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_JD_TO_ORDINAL = 1721425  # a lunar_python Julian day number minus a Python date ordinal (noon-based JD)

MONTH_NAMES = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DIGITS = "零一二三四五六七八九十"
LEAP_CODE = 5000  # added to month * 100 + day for a leap month


@dataclass(frozen=True, order=True)
class LunarDay:
    """A day of the lunar calendar without its year: month 1–12, day 1–30, leap month or not."""

    month: int
    day: int
    leap: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"lunar month {self.month} is not 1 to 12")
        if not 1 <= self.day <= 30:
            raise ValueError(f"lunar day {self.day} is not 1 to 30")

    @property
    def code(self) -> int:
        """The stored form: 815 for 八月十五, 5408 for 闰四月初八."""
        return self.month * 100 + self.day + (LEAP_CODE if self.leap else 0)

    @classmethod
    def from_code(cls, code: int) -> LunarDay:
        leap = code >= LEAP_CODE
        rest = code - LEAP_CODE if leap else code
        return cls(rest // 100, rest % 100, leap)

    def text(self) -> str:
        """农历八月十五, 农历闰四月初八, 农历腊月廿三."""
        return "农历" + month_name(self.month, self.leap) + day_name(self.day)


def month_name(month: int, leap: bool = False) -> str:
    return ("闰" if leap else "") + MONTH_NAMES[month - 1] + "月"


def day_name(day: int) -> str:
    if day <= 10:
        return "初" + _DIGITS[day]
    if day < 20:
        return "十" + _DIGITS[day - 10]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + _DIGITS[day - 20]
    return "三十"


_LUNAR_PREFIX = re.compile(r"^\s*(农历|阴历|旧历|lunar)\s*", re.IGNORECASE)
_NUMERIC = re.compile(r"^(?:\d{2,4}\s*[年/.\-]\s*)?(闰)?\s*(\d{1,2})\s*(?:月|[/.\-])\s*(\d{1,2})\s*[日号]?$")
_CHINESE = re.compile(
    r"^(?:[\d零〇一二三四五六七八九]{2,4}年)?(闰)?([正一二三四五六七八九十冬腊]{1,2})月"
    r"([初十廿卅二三][一二三四五六七八九十]?|[一二三四五六七八九十]{1,3})[日号]?$"
)
_MONTH_WORDS = {n + "月": i + 1 for i, n in enumerate(MONTH_NAMES)} | {
    "一月": 1,
    "十一月": 11,
    "十二月": 12,
}


def is_lunar_text(text: str) -> bool:
    """True when a birthday as typed says it is lunar (农历8月15, 阴历八月十五)."""
    return bool(_LUNAR_PREFIX.match(text))


def parse_lunar(text: str) -> LunarDay:
    """A lunar day as people write it: ``农历8月15``, ``农历八月十五``, ``闰4月8``, ``农历1990年腊月廿三``,
    ``8-15`` (the prefix is optional here: the caller knows the column is lunar). A year is read
    past and dropped. Raises ValueError naming what is wrong."""
    body = _LUNAR_PREFIX.sub("", text.strip()).replace(" ", "")
    numeric = _NUMERIC.match(body)
    if numeric:
        return LunarDay(int(numeric.group(2)), int(numeric.group(3)), bool(numeric.group(1)))
    words = _CHINESE.match(body)
    if words:
        month = _MONTH_WORDS.get(words.group(2) + "月")
        day = _chinese_day(words.group(3))
        if month is not None and day is not None:
            return LunarDay(month, day, bool(words.group(1)))
    raise ValueError(f"not a lunar date: {text!r}")


def _chinese_day(text: str) -> int | None:
    for day in range(1, 31):
        if day_name(day) == text:
            return day
    small = {d: i for i, d in enumerate(_DIGITS)}
    if text.startswith("初"):
        return None
    if text == "十":
        return 10
    if text.startswith("十") and len(text) == 2:
        return 10 + small.get(text[1], 99)
    if text.startswith("二十") and len(text) == 3:
        return 20 + small.get(text[2], 99)
    if text == "三十" or text == "卅":
        return 30
    return None


@lru_cache(maxsize=256)
def _months(lunar_year: int) -> dict[tuple[int, bool], tuple[_dt.date, int]]:
    """(month, leap) → (its first solar date, its number of days) for one lunar year."""
    from lunar_python import LunarYear  # noqa: PLC0415  (1 MB of tables: loaded when a birthday is first placed)

    table: dict[tuple[int, bool], tuple[_dt.date, int]] = {}
    for month in LunarYear.fromYear(lunar_year).getMonthsInYear():
        number = month.getMonth()
        first = _dt.date.fromordinal(int(month.getFirstJulianDay()) - _JD_TO_ORDINAL)
        table[(abs(number), number < 0)] = (first, month.getDayCount())
    return table


def leap_month(lunar_year: int) -> int:
    """The leap month of a lunar year (0: none)."""
    return next((m for m, leap in _months(lunar_year) if leap), 0)


def occurrence(birthday: LunarDay, lunar_year: int) -> _dt.date:
    """The solar date of ``birthday`` in ``lunar_year`` (leap month and 30th rules above)."""
    months = _months(lunar_year)
    first, days = months.get((birthday.month, birthday.leap)) or months[(birthday.month, False)]
    return first + _dt.timedelta(days=min(birthday.day, days) - 1)


def to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> _dt.date:
    """The exact solar date of a lunar date; ValueError when that day does not exist."""
    months = _months(lunar_year)
    if (month, leap) not in months:
        raise ValueError(f"lunar year {lunar_year} has no {'leap ' if leap else ''}month {month}")
    first, days = months[(month, leap)]
    if not 1 <= day <= days:
        raise ValueError(f"lunar month {month} of {lunar_year} has {days} days")
    return first + _dt.timedelta(days=day - 1)


def lunar_of(day: _dt.date) -> tuple[int, LunarDay]:
    """(lunar year, lunar day) of a solar date."""
    for year in (day.year, day.year - 1):
        for (month, leap), (first, days) in _months(year).items():
            if first <= day < first + _dt.timedelta(days=days):
                return year, LunarDay(month, day.toordinal() - first.toordinal() + 1, leap)
    raise ValueError(f"no lunar date for {day}")  # pragma: no cover - every date has one


def solar_occurrence(month: int, day: int, year: int) -> _dt.date:
    """A solar birthday (month, day) in ``year``; 2月29 is 2月28 in a year that is not a leap year."""
    try:
        return _dt.date(year, month, day)
    except ValueError:
        if (month, day) == (2, 29):
            return _dt.date(year, 2, 28)
        raise


# --- keys: one whole number per recurring birthday, the store's index (store/migrations.py) ------------------

LUNAR_KEY = 10000  # solar birthdays key as month * 100 + day (101–1231); lunar ones as LUNAR_KEY + code


def solar_key(month: int, day: int) -> int:
    return month * 100 + day


def lunar_key(birthday: LunarDay) -> int:
    return LUNAR_KEY + birthday.code


_EVERY_LUNAR_DAY = tuple(LunarDay(m, d, leap) for m in range(1, 13) for d in range(1, 31) for leap in (False, True))


def _days(start: _dt.date, end: _dt.date) -> Iterator[_dt.date]:
    for n in range((end - start).days + 1):
        yield start + _dt.timedelta(days=n)


def keys_between(start: _dt.date, end: _dt.date) -> dict[int, _dt.date]:
    """Every birthday key whose celebration falls between ``start`` and ``end`` (inclusive),
    with that date (the first, should a key fall twice in a range over a year long)."""
    found: dict[int, _dt.date] = {}
    for day in _days(start, end):
        found.setdefault(solar_key(day.month, day.day), day)
        if (day.month, day.day) == (2, 28) and solar_occurrence(2, 29, day.year) == day:
            found.setdefault(solar_key(2, 29), day)
    lunar: dict[int, _dt.date] = {}
    for year in range(start.year - 1, end.year + 1):
        for birthday in _EVERY_LUNAR_DAY:
            when = occurrence(birthday, year)
            if start <= when <= end:
                key = lunar_key(birthday)
                if key not in lunar or when < lunar[key]:
                    lunar[key] = when
    found.update(lunar)
    return found


def next_birthday(today: _dt.date, *, solar: _dt.date | None = None, lunar: LunarDay | None = None) -> _dt.date | None:
    """The next celebration on or after ``today`` (lunar wins when both are known)."""
    if lunar is not None:
        for year in range(today.year - 1, today.year + 2):
            when = occurrence(lunar, year)
            if when >= today:
                return when
        return None  # pragma: no cover
    if solar is not None:
        when = solar_occurrence(solar.month, solar.day, today.year)
        return when if when >= today else solar_occurrence(solar.month, solar.day, today.year + 1)
    return None
