"""Points (积分): optional, off by default. N points per ¥1 paid, rounded down.

N may have two decimals (0.1 point per ¥1 is "a point per ¥10"); it is kept in hundredths
so points are integer arithmetic: ``floor(amount_fen × N×100 / 10000)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sellerdesk.core.money import MoneyError, parse_fen

MAX_RATE_HUNDREDTHS = 100_000  # 1000 points per ¥1
MAX_REDEEM = 1_000_000_000
MAX_NOTE_LENGTH = 200


class PointsError(ValueError):
    """A points rule or amount that cannot be used (one line)."""


@dataclass(frozen=True)
class PointsRule:
    enabled: bool = False
    per_yuan_hundredths: int = 100  # N × 100: 100 is one point per ¥1

    def validate(self) -> None:
        n = self.per_yuan_hundredths
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_RATE_HUNDREDTHS:
            raise PointsError("Points per ¥1 must be from 0.01 to 1000.")

    def points_for(self, amount_fen: int) -> int:
        """Points an order paying ``amount_fen`` earns (0 when points are off)."""
        if not self.enabled or amount_fen <= 0:
            return 0
        return amount_fen * self.per_yuan_hundredths // 10_000

    @property
    def per_yuan_text(self) -> str:
        whole, part = divmod(self.per_yuan_hundredths, 100)
        return f"{whole}" if not part else f"{whole}.{part:02d}".rstrip("0")

    def to_json(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "per_yuan_hundredths": self.per_yuan_hundredths}

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> PointsRule:
        try:
            rule = cls(bool(doc.get("enabled", False)), int(doc.get("per_yuan_hundredths", 100)))
        except (AttributeError, TypeError, ValueError) as exc:
            raise PointsError("The stored points rule is damaged.") from exc
        rule.validate()
        return rule


def parse_rate(text: str) -> int:
    """``"1"``, ``"0.5"``, ``"2.25"`` points per ¥1 → hundredths (100, 50, 225)."""
    try:
        hundredths = parse_fen(text)  # the same exact two-decimal reading as money
    except MoneyError as exc:
        raise PointsError(f"Not a number of points per ¥1: {text!r}.") from exc
    PointsRule(True, hundredths).validate()
    return hundredths


__all__ = ["PointsError", "PointsRule", "parse_rate"]
