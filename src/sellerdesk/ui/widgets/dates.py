"""Python dates and Qt's QDate, one way round and the other."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate

from sellerdesk.core import clock


def qdate(value: _dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


def qtoday() -> QDate:
    """Today as a QDate, from the same clock as the store, not Qt's own idea of the day."""
    return qdate(clock.today())
