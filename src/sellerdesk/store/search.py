"""Text search over customers, behind one small interface.

``matches(query)`` returns a peewee expression selecting the customers whose name, phone
digits, WeChat ID, pinyin initials or any address fragment contain the query. This is the
portable version (LIKE, works on any database Peewee speaks to); a faster index can
replace the body without touching callers.
"""

from __future__ import annotations

import re

import peewee as pw

from sellerdesk.store.models import Address, Customer

_ASCII_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^\d+$")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(field, pattern: str):
    # Spelled out: peewee maps its LIKE operator to GLOB on SQLite, which takes no ESCAPE.
    return pw.NodeList((field, pw.SQL("LIKE"), pw.Value(pattern), pw.SQL("ESCAPE '\\'")))


def _contains(field, text: str):
    return _like(field, f"%{_escape_like(text)}%")


def _term(term: str):
    lowered = term.lower()
    clauses = [_contains(Customer.name, term), _contains(Customer.wechat, term)]
    if _DIGITS.match(term):
        clauses.append(_contains(Customer.phone, term))
    if _ASCII_LETTERS.match(lowered):
        clauses.append(_like(Customer.name_initials, f"{_escape_like(lowered)}%"))
        clauses.append(_contains(Customer.name_pinyin, lowered))
    address_hit = (
        Address.select(pw.SQL("1"))
        .where(
            (Address.customer == Customer.id)
            & Address.deleted_at.is_null()
            & (
                _contains(Address.province.concat(Address.city).concat(Address.district).concat(Address.detail), term)
                | _contains(Address.recipient, term)
                | (_contains(Address.phone, term) if _DIGITS.match(term) else pw.SQL("0"))
            )
        )
    )
    clauses.append(pw.fn.EXISTS(address_hit))
    expr = clauses[0]
    for clause in clauses[1:]:
        expr = expr | clause
    return expr


def matches(query: str):
    """An expression for customers matching every whitespace-separated term of ``query``."""
    terms = [t for t in re.split(r"\s+", query.strip()) if t]
    if not terms:
        return None
    expr = _term(terms[0])
    for term in terms[1:]:
        expr = expr & _term(term)
    return expr
