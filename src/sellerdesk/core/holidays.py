"""The holidays a seller greets customers on, and their solar dates in a given year.

Declared once as data: a key, the English name (the app words it through ``tr()``, the Chinese
is in ``resources/translations/zh_CN/care.tsv``) and the rule: a fixed solar date, a lunar date
(from ``core.lunar``), a weekday of a month (母亲节, 父亲节), a solar term (冬至), or the last day
of the lunar year (除夕).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

from sellerdesk.core import lunar


@dataclass(frozen=True)
class Holiday:
    key: str
    name: str  # English; the app and the CLI translate it
    rule: str  # solar, lunar, weekday, winter_solstice, new_year_eve
    month: int = 0
    day: int = 0  # for "weekday": which Sunday of the month (2 = the second)


HOLIDAYS: tuple[Holiday, ...] = (
    Holiday("new_year", "New Year's Day", "solar", 1, 1),
    Holiday("valentine", "Valentine's Day", "solar", 2, 14),
    Holiday("new_year_eve", "New Year's Eve (lunar)", "new_year_eve"),
    Holiday("spring", "Spring Festival", "lunar", 1, 1),
    Holiday("lantern", "Lantern Festival", "lunar", 1, 15),
    Holiday("women", "Women's Day", "solar", 3, 8),
    Holiday("labour", "Labour Day", "solar", 5, 1),
    Holiday("mother", "Mother's Day", "weekday", 5, 2),
    Holiday("520", "520", "solar", 5, 20),
    Holiday("dragon_boat", "Dragon Boat Festival", "lunar", 5, 5),
    Holiday("father", "Father's Day", "weekday", 6, 3),
    Holiday("qixi", "Qixi Festival", "lunar", 7, 7),
    Holiday("mid_autumn", "Mid-Autumn Festival", "lunar", 8, 15),
    Holiday("national", "National Day", "solar", 10, 1),
    Holiday("double_ninth", "Double Ninth Festival", "lunar", 9, 9),
    Holiday("singles", "Double 11", "solar", 11, 11),
    Holiday("winter_solstice", "Winter Solstice", "winter_solstice"),
    Holiday("laba", "Laba Festival", "lunar", 12, 8),
    Holiday("christmas", "Christmas", "solar", 12, 25),
)
BY_KEY = {h.key: h for h in HOLIDAYS}


def _winter_solstice(year: int) -> _dt.date:
    from lunar_python import Solar  # noqa: PLC0415

    table = Solar.fromYmd(year, 12, 1).getLunar().getJieQiTable()
    for name in ("冬至", "DONG_ZHI"):
        solar = table.get(name)
        if solar is not None and solar.getYear() == year:
            return _dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
    raise ValueError(f"no winter solstice in {year}")  # pragma: no cover


def date_in(holiday: Holiday, year: int) -> _dt.date:
    """The solar date of ``holiday`` in solar ``year``."""
    if holiday.rule == "solar":
        return _dt.date(year, holiday.month, holiday.day)
    if holiday.rule == "lunar":
        # a lunar holiday of 正月–腊月 lands in this solar year from the lunar year of the same
        # number (腊八 may fall in January: then it belongs to the lunar year before)
        for lunar_year in (year, year - 1):
            when = lunar.to_solar(lunar_year, holiday.month, holiday.day)
            if when.year == year:
                return when
        return lunar.to_solar(year, holiday.month, holiday.day)
    if holiday.rule == "weekday":
        first = _dt.date(year, holiday.month, 1)
        sunday = first + _dt.timedelta(days=(6 - first.weekday()) % 7)
        return sunday + _dt.timedelta(weeks=holiday.day - 1)
    if holiday.rule == "winter_solstice":
        return _winter_solstice(year)
    if holiday.rule == "new_year_eve":
        return lunar.to_solar(year, 1, 1) - _dt.timedelta(days=1)
    raise ValueError(f"unknown holiday rule {holiday.rule!r}")


@lru_cache(maxsize=64)
def holidays_in(year: int) -> tuple[tuple[Holiday, _dt.date], ...]:
    """Every holiday of solar ``year`` with its date, in date order."""
    return tuple(sorted(((h, date_in(h, year)) for h in HOLIDAYS), key=lambda pair: pair[1]))


def upcoming(today: _dt.date, days: int = 366) -> list[tuple[Holiday, _dt.date]]:
    """The holidays from ``today`` on, for ``days`` days, each once (its next date)."""
    end = today + _dt.timedelta(days=days)
    seen: set[str] = set()
    out: list[tuple[Holiday, _dt.date]] = []
    for year in (today.year, today.year + 1):
        for holiday, when in holidays_in(year):
            if today <= when <= end and holiday.key not in seen:
                seen.add(holiday.key)
                out.append((holiday, when))
    return out
