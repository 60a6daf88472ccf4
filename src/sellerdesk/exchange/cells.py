"""Cell text helpers shared by export, import and the error report."""

from __future__ import annotations

from typing import TypeVar

_V = TypeVar("_V")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell(value: _V) -> _V | str:
    """Text that a spreadsheet would run as a formula gets a leading ' (formula injection).

    Numbers and dates are left alone; only strings are escaped.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return ESCAPE + value
    return value


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell` on import ('=SUM → =SUM), so an export round-trips."""
    if len(text) > 1 and text[0] == ESCAPE and text[1] in FORMULA_STARTS:
        return text[1:]
    return text
