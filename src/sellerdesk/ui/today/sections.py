"""The sections of 今日待办, declared in one place.

Each :class:`TodaySection` has a title and a hint (English, translated when shown), a
``count(db) -> int`` that runs in a worker (plain store code: no Qt), and ``open(window)``,
the click-through: what the main window shows for it. A feature adds its section here
(as 关怀 adds birthdays, follow-ups due and open feedback); the page lays out whatever this list holds, in
this order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee as pw
from PySide6.QtCore import QCoreApplication

from sellerdesk.core import clock

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TodaySection:
    """``title()`` and ``hint()`` give the translated texts (a lambda around
    ``QCoreApplication.translate("TodaySection", "…")``, so lupdate sees the literal)."""

    key: str
    title: Callable[[], str]
    hint: Callable[[], str]
    count: Callable[[pw.Database], int]
    open: Callable[[Any], None]  # the main window → None
    icon: str = ""


def _orders_to_ship(db: pw.Database) -> int:
    from sellerdesk.store.today import orders_to_ship

    return orders_to_ship(db)


def _addresses_due(db: pw.Database) -> int:
    from sellerdesk.store.recheck import count_due

    return count_due(db)


def _birthdays_week(db: pw.Database) -> int:
    from sellerdesk.store import care

    return care.birthday_count(*care.range_of(clock.today(), "week"), db=db)


def _follow_ups_due(db: pw.Database) -> int:
    from sellerdesk.store import followups

    return followups.due_count(clock.today(), db)


def _open_feedback(db: pw.Database) -> int:
    from sellerdesk.store import followups

    return followups.open_feedback_count(db)


SECTIONS: list[TodaySection] = [
    TodaySection(
        "to_ship",
        lambda: QCoreApplication.translate("TodaySection", "Orders to ship"),
        lambda: QCoreApplication.translate("TodaySection", "Waiting to be packed and sent"),
        _orders_to_ship,
        lambda window: window.show_to_ship(),
        "ship",
    ),
    TodaySection(
        "recheck",
        lambda: QCoreApplication.translate("TodaySection", "Addresses to re-check"),
        lambda: QCoreApplication.translate("TodaySection", "Not confirmed within their tier's cycle"),
        _addresses_due,
        lambda window: window.show_recheck(),
        "recheck",
    ),
    TodaySection(
        "birthdays",
        lambda: QCoreApplication.translate("TodaySection", "Birthdays this week"),
        lambda: QCoreApplication.translate("TodaySection", "Customers who agreed to hear from you"),
        _birthdays_week,
        lambda window: window.show_care("birthdays", "week"),
        "gift",
    ),
    TodaySection(
        "follow_ups",
        lambda: QCoreApplication.translate("TodaySection", "Follow-ups due"),
        lambda: QCoreApplication.translate("TodaySection", "Calls and messages you planned for today or before"),
        _follow_ups_due,
        lambda window: window.show_care("follow_ups"),
        "message",
    ),
    TodaySection(
        "feedback",
        lambda: QCoreApplication.translate("TodaySection", "Open feedback"),
        lambda: QCoreApplication.translate("TodaySection", "Complaints and wishes not solved yet"),
        _open_feedback,
        lambda window: window.show_care("follow_ups"),
        "warning",
    ),
]


def count_all(sections: list[TodaySection], db: pw.Database) -> dict[str, int | None]:
    """Each section's count (None where its count failed: the others still show)."""
    out: dict[str, int | None] = {}
    for section in sections:
        try:
            out[section.key] = int(section.count(db))
        except Exception:
            log.exception("today: counting %s failed", section.key)
            out[section.key] = None
    return out
