"""Cell text helpers shared by export, import and the error report."""

from __future__ import annotations

from typing import TypeVar

_V = TypeVar("_V")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

FORMULA_WITHOUT_VALUE = "\ufdd0"
"""The first character of a cell read from an .xlsx that is a formula without a calculated value
(openpyxl and other programs write formulas Excel has never calculated), followed by ``=`` and
the formula (``exchange.xlsx_rows``): the import refuses the row naming the column
(``formula_no_value``) rather than read it as empty. A noncharacter: no file's text holds it."""


def shown_text(value: str) -> str:
    """A cell as a preview shows it: a formula without a value as its formula (``=1+1``)."""
    return value[1:] if value.startswith(FORMULA_WITHOUT_VALUE) else value


def escape_cell(value: _V) -> _V | str:
    """Text that a spreadsheet would run as a formula gets a leading ' (formula injection).

    Numbers and dates are left alone; only strings are escaped.
    """
    if isinstance(value, str) and value.startswith(FORMULA_WITHOUT_VALUE):
        value = value[1:]  # type: ignore[assignment]  # (the formula, shown as text)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return ESCAPE + value
    return value


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell` on import ('=SUM → =SUM), so an export round-trips."""
    if len(text) > 1 and text[0] == ESCAPE and text[1] in FORMULA_STARTS:
        return text[1:]
    return text
