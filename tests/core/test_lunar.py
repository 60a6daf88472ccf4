"""Lunar birthdays: parsing, the text shown, and when they fall (year boundary, leap months, 2月29)."""

import datetime as dt

import pytest

from sellerdesk.core import holidays, lunar
from sellerdesk.core.lunar import LunarDay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("农历8月15", LunarDay(8, 15)),
        ("农历八月十五", LunarDay(8, 15)),
        ("阴历 08-15", LunarDay(8, 15)),
        ("农历闰4月8日", LunarDay(4, 8, True)),
        ("闰四月初八", LunarDay(4, 8, True)),
        ("农历1990年腊月廿三", LunarDay(12, 23)),
        ("农历冬月初一", LunarDay(11, 1)),
        ("农历十一月二十", LunarDay(11, 20)),
        ("农历正月三十", LunarDay(1, 30)),
        ("农历二月二十九", LunarDay(2, 29)),
        ("lunar 12/30", LunarDay(12, 30)),
    ],
)
def test_parse_lunar(text, expected):
    assert lunar.parse_lunar(text) == expected


@pytest.mark.parametrize("text", ["农历13月1", "农历8月31", "农历八月", "明天", "农历0月5", ""])
def test_parse_lunar_refuses(text):
    with pytest.raises(ValueError):
        lunar.parse_lunar(text)


def test_text_and_code_round_trip():
    assert LunarDay(8, 15).text() == "农历八月十五"
    assert LunarDay(4, 8, True).text() == "农历闰四月初八"
    assert LunarDay(12, 23).text() == "农历腊月廿三"
    assert LunarDay(1, 10).text() == "农历正月初十"
    for day in (LunarDay(1, 1), LunarDay(12, 30), LunarDay(6, 29, True)):
        assert LunarDay.from_code(day.code) == day
        assert lunar.parse_lunar(day.text()) == day


def test_known_conversions():
    assert lunar.to_solar(2026, 1, 1) == dt.date(2026, 2, 17)  # 春节 2026
    assert lunar.to_solar(2025, 8, 15) == dt.date(2025, 10, 6)  # 中秋 2025
    assert lunar.to_solar(2025, 6, 1, leap=True) == dt.date(2025, 7, 25)  # 闰六月 2025
    assert lunar.to_solar(2033, 11, 1, leap=True) == dt.date(2033, 12, 22)  # the 2033 problem: 闰十一月
    assert lunar.leap_month(2025) == 6 and lunar.leap_month(2026) == 0 and lunar.leap_month(2023) == 2


def test_la_yue_birthday_falls_in_january_of_the_next_solar_year():
    # 腊月初八 of lunar 2025 is 2026-01-26: a list of January 2026 finds it
    keys = lunar.keys_between(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert keys[lunar.lunar_key(LunarDay(12, 8))] == dt.date(2026, 1, 26)
    # and a list across the new year too
    keys = lunar.keys_between(dt.date(2025, 12, 25), dt.date(2026, 1, 7))
    assert keys[lunar.lunar_key(LunarDay(11, 13))] == dt.date(2026, 1, 1)
    assert lunar.next_birthday(dt.date(2025, 12, 1), lunar=LunarDay(12, 8)) == dt.date(2026, 1, 26)


def test_leap_month_birthday_in_a_year_without_that_leap_month():
    born = LunarDay(6, 10, leap=True)  # 闰六月初十 (2025 has 闰六月)
    assert lunar.occurrence(born, 2025) == lunar.to_solar(2025, 6, 10, leap=True)
    # 2026 has no leap month: celebrated in the ordinary 六月
    assert lunar.occurrence(born, 2026) == lunar.to_solar(2026, 6, 10)
    keys = lunar.keys_between(dt.date(2026, 7, 1), dt.date(2026, 8, 31))
    assert keys[lunar.lunar_key(born)] == keys[lunar.lunar_key(LunarDay(6, 10))]
    # in 2025 the ordinary-month birthday and the leap-month one are a month apart
    keys = lunar.keys_between(dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    assert keys[lunar.lunar_key(born)] - keys[lunar.lunar_key(LunarDay(6, 10))] == dt.timedelta(days=30)


def test_thirtieth_in_a_short_month_is_its_last_day():
    # 2025's 腊月 has 29 days: 腊月三十 is celebrated on 腊月廿九 (除夕 2026-02-16)
    assert lunar.occurrence(LunarDay(12, 30), 2025) == dt.date(2026, 2, 16)
    keys = lunar.keys_between(dt.date(2026, 2, 16), dt.date(2026, 2, 16))
    assert lunar.lunar_key(LunarDay(12, 30)) in keys and lunar.lunar_key(LunarDay(12, 29)) in keys


def test_february_29_in_a_year_that_is_not_a_leap_year():
    assert lunar.solar_occurrence(2, 29, 2026) == dt.date(2026, 2, 28)
    assert lunar.solar_occurrence(2, 29, 2028) == dt.date(2028, 2, 29)
    assert lunar.solar_key(2, 29) in lunar.keys_between(dt.date(2026, 2, 28), dt.date(2026, 2, 28))
    assert lunar.solar_key(2, 29) not in lunar.keys_between(dt.date(2028, 2, 28), dt.date(2028, 2, 28))
    assert lunar.next_birthday(dt.date(2026, 3, 1), solar=dt.date(1992, 2, 29)) == dt.date(2027, 2, 28)


def test_every_key_of_a_year_falls_once():
    keys = lunar.keys_between(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    solar_keys = {k for k in keys if k < lunar.LUNAR_KEY}
    assert len(solar_keys) == 366  # 365 days and 2月29 (on 2月28)
    # each of the 720 lunar keys falls in a whole solar year
    assert len([k for k in keys if k >= lunar.LUNAR_KEY]) == 720


def test_holidays_of_2026():
    dates = {h.key: when for h, when in holidays.holidays_in(2026)}
    assert dates["spring"] == dt.date(2026, 2, 17)
    assert dates["new_year_eve"] == dt.date(2026, 2, 16)
    assert dates["lantern"] == dt.date(2026, 3, 3)
    assert dates["dragon_boat"] == dt.date(2026, 6, 19)
    assert dates["qixi"] == dt.date(2026, 8, 19)
    assert dates["mid_autumn"] == dt.date(2026, 9, 25)
    assert dates["national"] == dt.date(2026, 10, 1)
    assert dates["mother"] == dt.date(2026, 5, 10)
    assert dates["winter_solstice"] == dt.date(2026, 12, 22)
    assert [h.key for h, _ in holidays.upcoming(dt.date(2026, 12, 26), 40)] == ["new_year", "laba"]
