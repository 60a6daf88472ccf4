"""Ids on the command line: the argparse type of an id argument, and a list of ids in a message.

An id is a whole number from 1 to :data:`MAX_ID` (what SQLite's INTEGER holds): a bigger one is
refused as a usage error before anything is opened, never handed to the database (which would
fail with Python's ``OverflowError``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sellerdesk.cli.messages import _

MAX_ID = 2**63 - 1


def valid_id(text: str) -> int | None:
    """``text`` as an id, or None when it is not one (not digits, 0, or beyond :data:`MAX_ID`)."""
    value = str(text).strip()
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def record_id(text: str) -> int:
    """The argparse ``type=`` of an id argument (a usage error naming the value otherwise)."""
    number = valid_id(text)
    if number is None:
        value = str(text).strip()
        too_big = value.isascii() and value.isdigit() and int(value) > MAX_ID
        message = (
            _("{value!r} is too big to be an id", value=text)
            if too_big
            else _("{value!r} is not an id (a positive whole number)", value=text)
        )
        raise argparse.ArgumentTypeError(message)
    return number


def id_list(ids: Sequence[int], more: str, limit: int = 10) -> str:
    """``3, 5, 9`` — the first ``limit`` of ``ids``; ``more`` (a message with ``{ids}`` and ``{n}``)
    says how many were left out."""
    shown = ", ".join(map(str, ids[:limit]))
    return _(more, ids=shown, n=len(ids) - limit) if len(ids) > limit else shown
