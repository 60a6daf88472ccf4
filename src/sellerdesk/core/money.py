"""Money: what people type into an amount, as integer 分, and 分 shown back to them.

Every amount SellerDesk keeps is a whole number of 分 (1/100 yuan); floats never touch it.
:func:`parse_fen` reads what a user types or a sheet holds (``128.50``, ``¥1,234.5``, ``128``,
``128元``, ``RMB 99``, full-width ``１２８``) exactly, with :class:`decimal.Decimal`, and refuses
anything it cannot read exactly: a negative amount, more than two decimals, NaN or
infinity, an amount beyond :data:`MAX_FEN`, empty text, anything else. The two ways of
showing an amount are here too: ``¥1,234.50`` for people (:func:`format_yuan`) and
``1234.50`` for the CLI and JSON (:func:`format_plain`), so parse → format → parse is exact.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# ¥99,999,999.99: beyond any order a small seller records; a typo such as 12899000000 is refused.
MAX_FEN = 9_999_999_999

_PREFIXES = ("RMB", "CNY", "¥")  # after NFKC the full-width ￥ is ¥
_SUFFIXES = ("元", "块", "RMB", "CNY")
_NUMBER = re.compile(r"(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?")
# the common cell (128, 128.5, 128.50) read without Decimal: same result, ~10x faster
_PLAIN = re.compile(r"(\d{1,8})(?:\.(\d{1,2}))?")


class MoneyError(ValueError):
    """An amount that cannot be read exactly; the message says why, in one line."""


def parse_fen(text: object) -> int:
    """The amount in ``text`` as integer 分.

    ``text`` may be a string, an int (yuan) or a :class:`Decimal` (yuan); never a float
    (a float is already inexact: convert it with ``Decimal(str(x))`` knowingly).
    """
    if isinstance(text, (bool, float)):
        raise MoneyError(f"Not an amount: {text!r} (give the amount as text, e.g. '128.50').")
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, Decimal):
        value = text
    elif isinstance(text, str):
        plain = _PLAIN.fullmatch(text)
        if plain is not None:
            cents = plain.group(2) or ""
            return int(plain.group(1)) * 100 + (int(cents.ljust(2, "0")) if cents else 0)
        value = _read_text(text)
    else:
        raise MoneyError(f"Not an amount: {text!r}.")
    return _to_fen(value, text)


def _read_text(text: str) -> Decimal:
    original = text
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise MoneyError("The amount is empty.")
    upper = cleaned.upper()
    for prefix in _PREFIXES:
        if upper.startswith(prefix):
            cleaned = cleaned[len(prefix) :].strip()
            break
    upper = cleaned.upper()
    for suffix in _SUFFIXES:
        if upper.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].strip()
            break
    if cleaned.startswith(("-", "−")):
        raise MoneyError(f"The amount cannot be negative: {original.strip()!r}.")
    if not cleaned or cleaned == "." or not _NUMBER.fullmatch(cleaned):
        raise MoneyError(f"Not an amount: {original.strip()!r} (e.g. 128.50 or ¥1,234.50).")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation as exc:  # the pattern admits only digits: kept as a guard
        raise MoneyError(f"Not an amount: {original.strip()!r}.") from exc


def _to_fen(value: Decimal, original: object) -> int:
    shown = original.strip() if isinstance(original, str) else str(original)
    if not value.is_finite():
        raise MoneyError(f"Not an amount: {shown!r}.")
    if value < 0:
        raise MoneyError(f"The amount cannot be negative: {shown!r}.")
    if value > Decimal(MAX_FEN) / 100:
        raise MoneyError(f"The amount is too large: {shown!r} (at most {format_yuan(MAX_FEN)}).")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise MoneyError(f"An amount has at most two decimals (分): {shown!r}.")
    return int(fen)


def format_plain(fen: int) -> str:
    """``1234.50``: the CLI and JSON form (no symbol, no grouping; ``-12.00`` below zero)."""
    _check(fen)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan}.{cents:02d}"


def format_yuan(fen: int) -> str:
    """``¥1,234.50``: how people see an amount (``-¥12.00`` below zero)."""
    _check(fen)
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def _check(fen: int) -> None:
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"amounts are integer 分, not {type(fen).__name__}")


__all__ = ["MAX_FEN", "MoneyError", "format_plain", "format_yuan", "parse_fen"]
