"""Cell text helpers shared by export, import and the error report."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell(value: object) -> object:
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
