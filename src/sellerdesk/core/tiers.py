"""Tiers (会员等级): the levels, their editable names, and the rules that assign them.

A customer's tier comes from what they paid and how many orders they placed in the last 12
months (:data:`WINDOW_MONTHS`), counting only orders that count (not cancelled, refunded or
deleted; see :mod:`sellerdesk.core.orders`). Each level above 普通 has a threshold: a spend
in 分 *or* an order count, either of which may be switched off (None). A customer reaches
the highest level whose spend or count threshold they meet. A tier set by hand wins until
it is cleared (the store keeps that flag).

Levels are stored by key (:data:`LEVELS`); the names people see are data
(:attr:`TierRules.names`, editable), so renaming 银卡 never rewrites a customer.

This module is pure: the store keeps the rules in the database (``store.tiers``) and builds
its one-statement recompute from :meth:`TierRules.levels_high_to_low`; both agree with
:meth:`TierRules.tier_for` (tested).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

NORMAL = "normal"
SILVER = "silver"
GOLD = "gold"
DIAMOND = "diamond"
LEVELS: tuple[str, ...] = (NORMAL, SILVER, GOLD, DIAMOND)  # lowest first
RANK: Mapping[str, int] = MappingProxyType({key: rank for rank, key in enumerate(LEVELS)})

DEFAULT_NAMES: Mapping[str, str] = MappingProxyType({NORMAL: "普通", SILVER: "银卡", GOLD: "金卡", DIAMOND: "钻石"})
ENGLISH_NAMES: Mapping[str, str] = MappingProxyType(
    {NORMAL: "Normal", SILVER: "Silver", GOLD: "Gold", DIAMOND: "Diamond"}
)

WINDOW_MONTHS = 12
MAX_NAME_LENGTH = 20
MAX_ORDERS_THRESHOLD = 1_000_000


class TierRulesError(ValueError):
    """Rules that cannot be used (the message says which threshold or name, in one line).

    ``code`` names the rule broken, so a GUI can say it in its own language: ``incomplete``,
    ``name_empty``, ``name_form``, ``name_twice``, ``no_threshold``, ``not_positive``,
    ``too_large`` or ``not_higher``. ``level`` is the level at fault, ``criterion``
    (``spend`` or ``orders``) its threshold, ``lower`` the level it must be above.
    """

    def __init__(
        self,
        message: str,
        code: str = "",
        *,
        level: str | None = None,
        criterion: str | None = None,
        lower: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.level = level
        self.criterion = criterion
        self.lower = lower


@dataclass(frozen=True)
class Threshold:
    """What reaches a level: a spend in 分 or an order count (None: that criterion is off)."""

    spend_fen: int | None
    orders: int | None

    def met(self, spend_fen: int, count: int) -> bool:
        return (self.spend_fen is not None and spend_fen >= self.spend_fen) or (
            self.orders is not None and count >= self.orders
        )


DEFAULT_THRESHOLDS: Mapping[str, Threshold] = MappingProxyType(
    {
        SILVER: Threshold(spend_fen=50_000, orders=3),
        GOLD: Threshold(spend_fen=200_000, orders=8),
        DIAMOND: Threshold(spend_fen=500_000, orders=15),
    }
)


@dataclass(frozen=True)
class TierRules:
    """Thresholds for 银卡, 金卡 and 钻石 (普通 needs none) and the display name of each level."""

    thresholds: Mapping[str, Threshold] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    names: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_NAMES))

    def __post_init__(self) -> None:
        # frozen in content too: a rules object is shared (cached) by the store
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    def tier_for(self, spend_fen: int, count: int) -> str:
        """The level key for a 12-month spend (分) and order count."""
        for key, threshold in self.levels_high_to_low():
            if threshold.met(spend_fen, count):
                return key
        return NORMAL

    def levels_high_to_low(self) -> list[tuple[str, Threshold]]:
        """(key, threshold) of the levels above 普通, highest first: the order tiers are tried in."""
        return [(key, self.thresholds[key]) for key in reversed(LEVELS[1:])]

    def name(self, key: str) -> str:
        """The display name of a level key; any other stored text (a hand-typed tier) as it is."""
        return self.names.get(key, key) if key else self.names[NORMAL]

    def display(self, value: str) -> str:
        """What people see for a stored tier: a level's current name (also for text naming a
        level, such as a former name 银卡 after a rename); other text as typed."""
        return self.name(self.level_of(value) or value) if value not in LEVELS else self.name(value)

    def level_of(self, text: str) -> str | None:
        """The level key ``text`` names: a key, a current or default name, or an English name."""
        wanted = text.strip()
        if not wanted:
            return None
        folded = wanted.casefold()
        for key in LEVELS:
            candidates = (key, self.names[key], DEFAULT_NAMES[key], ENGLISH_NAMES[key])
            if any(folded == c.casefold() for c in candidates):
                return key
        return None

    def validate(self) -> None:
        """Raise :class:`TierRulesError` unless the rules can be used as they are."""
        if set(self.thresholds) != set(LEVELS[1:]):
            raise TierRulesError(
                "Thresholds are needed for exactly 银卡, 金卡 and 钻石 (silver, gold, diamond).", "incomplete"
            )
        if set(self.names) != set(LEVELS):
            raise TierRulesError("Every level needs a name.", "incomplete")
        seen: dict[str, str] = {}
        for key in LEVELS:
            name = self.names[key]
            if not isinstance(name, str) or not name.strip():
                raise TierRulesError(f"The name of level {key!r} is empty.", "name_empty", level=key)
            if name != name.strip() or len(name) > MAX_NAME_LENGTH:
                raise TierRulesError(
                    f"The name {name!r} must be 1 to {MAX_NAME_LENGTH} characters, without spaces at the ends.",
                    "name_form",
                    level=key,
                )
            if name.casefold() in seen:
                raise TierRulesError(
                    f"Two levels are both called {name!r}.", "name_twice", level=key, lower=seen[name.casefold()]
                )
            seen[name.casefold()] = key
        previous: dict[str, tuple[str, int]] = {}
        for key in LEVELS[1:]:
            threshold = self.thresholds[key]
            if threshold.spend_fen is None and threshold.orders is None:
                raise TierRulesError(
                    f"{self.names[key]} needs a spend or an order-count threshold.", "no_threshold", level=key
                )
            for criterion, value, limit in (
                ("spend", threshold.spend_fen, None),
                ("orders", threshold.orders, MAX_ORDERS_THRESHOLD),
            ):
                if value is None:
                    continue
                if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                    raise TierRulesError(
                        f"The {criterion} threshold of {self.names[key]} must be a positive whole number.",
                        "not_positive",
                        level=key,
                        criterion=criterion,
                    )
                if limit is not None and value > limit:
                    raise TierRulesError(
                        f"The {criterion} threshold of {self.names[key]} is too large.",
                        "too_large",
                        level=key,
                        criterion=criterion,
                    )
                if criterion in previous and value <= previous[criterion][1]:
                    lower_key = previous[criterion][0]
                    raise TierRulesError(
                        f"The {criterion} threshold of {self.names[key]} must be higher than that of "
                        f"{self.names[lower_key]}.",
                        "not_higher",
                        level=key,
                        criterion=criterion,
                        lower=lower_key,
                    )
                previous[criterion] = (key, value)

    def to_json(self) -> dict[str, Any]:
        return {
            "thresholds": {k: {"spend_fen": t.spend_fen, "orders": t.orders} for k, t in self.thresholds.items()},
            "names": dict(self.names),
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> TierRules:
        """Rules from their stored form; missing parts take the defaults. Validated."""
        try:
            thresholds = dict(DEFAULT_THRESHOLDS)
            for key, value in dict(doc.get("thresholds") or {}).items():
                thresholds[str(key)] = Threshold(spend_fen=value.get("spend_fen"), orders=value.get("orders"))
            names = dict(DEFAULT_NAMES) | {str(k): v for k, v in dict(doc.get("names") or {}).items()}
        except (AttributeError, TypeError, ValueError) as exc:
            raise TierRulesError("The stored tier rules are damaged.") from exc
        rules = cls(thresholds, names)
        rules.validate()
        return rules


def window_start(today: _dt.date, months: int = WINDOW_MONTHS) -> _dt.date:
    """The first day inside the window ending ``today``: orders dated on or after it count.

    12 months back and a day on (2026-05-10 → 2025-05-11), so the window holds exactly one
    year of days; 29 February falls back to the 28th.
    """
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = today.day
    while True:
        try:
            same_day = _dt.date(year, month + 1, day)
            break
        except ValueError:
            day -= 1
    return same_day + _dt.timedelta(days=1)


__all__ = [
    "DEFAULT_NAMES",
    "DEFAULT_THRESHOLDS",
    "DIAMOND",
    "GOLD",
    "LEVELS",
    "NORMAL",
    "RANK",
    "SILVER",
    "Threshold",
    "TierRules",
    "TierRulesError",
    "WINDOW_MONTHS",
    "window_start",
]
