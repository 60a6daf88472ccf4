"""The parser against the second case table (issue 17): other parsers' cases and chat-style text."""

from __future__ import annotations

from parse_cases import PUBLIC_CASES

from sellerdesk.core.address import parse

REQUIRED_ACCURACY = 0.98


def test_table_is_large_and_every_case_cites_its_source() -> None:
    assert len(PUBLIC_CASES) >= 300
    assert all(source.strip() for _, _, source in PUBLIC_CASES)
    assert len({text for text, _, _ in PUBLIC_CASES}) == len(PUBLIC_CASES), "duplicate cases"


def test_accuracy_on_public_table() -> None:
    misses = []
    for text, expected, source in PUBLIC_CASES:
        got = parse(text).to_dict()
        wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
        if wrong:
            misses.append(f"{text!r} ({source}): {wrong}")
    accuracy = 1 - len(misses) / len(PUBLIC_CASES)
    assert accuracy >= REQUIRED_ACCURACY, f"{accuracy:.1%}\n" + "\n".join(misses)
