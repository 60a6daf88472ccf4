"""The parser against the hand-written case table (tests/core/parse_cases.py)."""

from __future__ import annotations

import pytest
from parse_cases import ADDRESSES, CASES

from sellerdesk.core import regions
from sellerdesk.core.address import parse

REQUIRED_ACCURACY = 0.98


def _misses() -> list[str]:
    misses = []
    for text, expected in CASES:
        got = parse(text).to_dict()
        wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
        if wrong:
            misses.append(f"{text!r}: {wrong}")
    return misses


def test_table_is_large_and_covers_every_province() -> None:
    assert len(CASES) >= 300
    covered = {province for _, province, *_ in ADDRESSES}
    assert covered == {p.name for p in regions.provinces()}


def test_accuracy_on_case_table() -> None:
    misses = _misses()
    accuracy = 1 - len(misses) / len(CASES)
    assert accuracy >= REQUIRED_ACCURACY, "\n".join(misses)


@pytest.mark.parametrize(("text", "expected"), CASES[-40:], ids=[f"pattern{i}" for i in range(40)])
def test_pattern_cases(text: str, expected: dict[str, str]) -> None:
    got = parse(text).to_dict()
    assert {k: got[k] for k in expected} == expected
