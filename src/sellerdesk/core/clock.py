"""What day it is: the one place SellerDesk asks.

Everything that needs "today" (order dates, tier recomputes, birthdays, follow-ups, file
names) reads it here. The test suite pins the day for a whole run through
``SELLERDESK_TESTONLY_TODAY`` (like ``SELLERDESK_TESTONLY_WEAKEN_KDF``, it also reaches the
CLI run as a subprocess): a run that crosses midnight otherwise compares the day a module
was imported with the day a later test ran, and fails for no reason of the code's.
"""

from __future__ import annotations

import datetime as _dt
import functools
import logging
import os

PIN_ENV = "SELLERDESK_TESTONLY_TODAY"

log = logging.getLogger(__name__)


def today() -> _dt.date:
    """The local calendar day (or the test run's pinned one)."""
    pinned = os.environ.get(PIN_ENV)
    return (_parse(pinned) if pinned else None) or _dt.date.today()


@functools.lru_cache(maxsize=4)
def _parse(text: str) -> _dt.date | None:
    """The pinned day, said once in the log (it is for tests); a value that is no date is ignored."""
    try:
        day = _dt.date.fromisoformat(text.strip())
    except ValueError:
        log.warning("%s=%r is no date (YYYY-MM-DD): ignored, today is the computer's", PIN_ENV, text)
        return None
    log.warning("%s is set: today is %s, not the computer's day", PIN_ENV, day.isoformat())
    return day
