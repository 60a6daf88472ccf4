import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.core import recheck
from sellerdesk.core.tiers import LEVELS


def test_default_cycles_per_tier():
    assert recheck.DEFAULT_CYCLES == {"diamond": 1, "gold": 2, "silver": 3, "normal": 6}
    assert recheck.validate(dict(recheck.DEFAULT_CYCLES)) == dict(recheck.DEFAULT_CYCLES)


@pytest.mark.parametrize(
    "cycles",
    [
        {"diamond": 1, "gold": 2, "silver": 3},  # one missing
        {"diamond": 0, "gold": 2, "silver": 3, "normal": 6},
        {"diamond": 1, "gold": 2, "silver": 3, "normal": 37},
        {"diamond": 1.5, "gold": 2, "silver": 3, "normal": 6},
        {"diamond": True, "gold": 2, "silver": 3, "normal": 6},
        {"diamond": 1, "gold": 2, "silver": 3, "normal": 6, "vip": 1},
    ],
)
def test_bad_cycles_are_refused(cycles):
    with pytest.raises(recheck.CycleError):
        recheck.validate(cycles)


def test_add_months_keeps_the_month_end():
    assert recheck.add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
    assert recheck.add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
    assert recheck.add_months(dt.date(2026, 1, 15), -6) == dt.date(2025, 7, 15)
    assert recheck.add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)


def test_due_after_the_cycle():
    confirmed = dt.date(2026, 1, 10)
    assert recheck.due_on(confirmed, 1) == dt.date(2026, 2, 10)
    assert not recheck.is_due(confirmed, 1, dt.date(2026, 2, 9))
    assert recheck.is_due(confirmed, 1, dt.date(2026, 2, 10))
    assert not recheck.is_due(confirmed, 6, dt.date(2026, 7, 9))
    assert recheck.is_due(confirmed, 6, dt.date(2026, 7, 10))


def test_latest_confirmation_wins():
    edited = dt.date(2025, 1, 1)
    assert recheck.last_confirmed(edited) == edited
    assert recheck.last_confirmed(edited, dt.date(2025, 5, 1), None) == dt.date(2025, 5, 1)
    assert recheck.last_confirmed(edited, dt.date(2025, 5, 1), dt.date(2025, 6, 1)) == dt.date(2025, 6, 1)


def test_hand_typed_tiers_follow_the_lowest_cycle():
    assert recheck.level_of_tier("VIP") == "normal"
    assert recheck.level_of_tier("") == "normal"
    assert all(recheck.level_of_tier(k) == k for k in LEVELS)


@given(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.integers(1, 36),
)
def test_the_sql_cutoff_agrees_with_is_due(confirmed, today, months):
    """The store compares ``confirmed < cutoff`` in SQL; it must say what is_due says."""
    assert (confirmed < recheck.cutoff(today, months)) == recheck.is_due(confirmed, months, today)
