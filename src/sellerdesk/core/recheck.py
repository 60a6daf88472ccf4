"""定期核对: how often each tier's addresses are checked with the customer, and when one is due.

A re-check cycle is a whole number of months per tier level (:data:`DEFAULT_CYCLES`: 钻石 1,
金卡 2, 银卡 3, 普通 6). An address is **due** when its last confirmation is older than its
customer's cycle, that is when the confirmation date is before :func:`cutoff` of the cycle
(today less the cycle's months). A confirmation is any of

* the verified stamp (``address.verified_at``);
* an order delivered to it: status 已签收 (delivered; a refunded or cancelled order is not),
  not deleted, taken from this address (``orders.address_id``), dated by its ship date or else
  its order date. (An edit of the address after the order is itself a later confirmation, so
  an order never confirms text the address no longer has. A ship-to typed over the address in
  an order still counts for the address it was taken from: checking the snapshot's text would
  read every order row, 5× the time at 100k customers; see benchmarks/bench_recheck.py.)
* its creation or last edit (``address.updated_at``: set on create and on every edit).

A customer whose tier is text typed by hand (``VIP``) or empty has the 普通 cycle.

This module is pure: the store keeps the cycles in ``meta`` (``store.recheck``) and builds its
SQL from :func:`cutoffs`; both agree with :func:`is_due` (tested).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from sellerdesk.core.tiers import DIAMOND, GOLD, LEVELS, NORMAL, SILVER

DEFAULT_CYCLES: Mapping[str, int] = MappingProxyType({DIAMOND: 1, GOLD: 2, SILVER: 3, NORMAL: 6})
MAX_CYCLE_MONTHS = 36


class CycleError(ValueError):
    """Cycles that cannot be used (one line); ``level`` is the level at fault."""

    def __init__(self, message: str, level: str | None = None) -> None:
        super().__init__(message)
        self.level = level


def validate(cycles: Mapping[str, Any]) -> dict[str, int]:
    """The cycles as ``{level: months}`` for exactly the four levels, each 1 to
    :data:`MAX_CYCLE_MONTHS`; :class:`CycleError` otherwise."""
    if set(cycles) != set(LEVELS):
        raise CycleError("A re-check cycle is needed for exactly 普通, 银卡, 金卡 and 钻石.")
    out: dict[str, int] = {}
    for level in LEVELS:
        months = cycles[level]
        if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_CYCLE_MONTHS:
            raise CycleError(
                f"The re-check cycle of {level} must be a whole number of months from 1 to {MAX_CYCLE_MONTHS}.",
                level,
            )
        out[level] = months
    return out


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` moved by ``months`` calendar months (negative: back); the 31st falls back to the
    month's last day (2026-03-31 − 1 month → 2026-02-28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return _dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def cutoff(today: _dt.date, months: int) -> _dt.date:
    """Confirmed before this day: due ``today`` (about today less ``months`` months).

    Exactly the first day whose :func:`due_on` is after ``today``, so the SQL comparison
    ``confirmed < cutoff`` and :func:`is_due` agree at the ends of months too."""
    day = add_months(today, -months)
    one = _dt.timedelta(days=1)
    while add_months(day - one, months) > today:
        day -= one
    while add_months(day, months) <= today:
        day += one
    return day


def cutoffs(cycles: Mapping[str, int], today: _dt.date) -> dict[str, _dt.date]:
    """:func:`cutoff` of each level's cycle."""
    return {level: cutoff(today, months) for level, months in cycles.items()}


def level_of_tier(tier: str | None) -> str:
    """The level whose cycle a stored ``customer.tier`` follows (hand-typed text: 普通)."""
    return tier if tier in LEVELS else NORMAL


def last_confirmed(
    created_or_edited: _dt.date, verified: _dt.date | None = None, delivered: _dt.date | None = None
) -> _dt.date:
    """The latest of the three kinds of confirmation."""
    return max(d for d in (created_or_edited, verified, delivered) if d is not None)


def due_on(confirmed: _dt.date, months: int) -> _dt.date:
    """The first day the address is due: its confirmation plus the cycle."""
    return add_months(confirmed, months)


def is_due(confirmed: _dt.date, months: int, today: _dt.date) -> bool:
    """Whether an address last confirmed on ``confirmed`` is due ``today`` under a ``months`` cycle."""
    return due_on(confirmed, months) <= today
