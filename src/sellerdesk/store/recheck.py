"""定期核对 in the database: the cycles per tier (a ``meta`` row, so a backup carries them), which
addresses are due (one SQL query; the rule is :mod:`sellerdesk.core.recheck`'s), how fresh each
address of a customer is, and the check-your-address message.

Marking an address verified is :func:`sellerdesk.store.customers.mark_verified` (one
transaction, a history row and an audit entry), re-exported here as :func:`mark_verified`.

Dates: the stored timestamps (``updated_at``, ``verified_at``) are UTC; the comparison is on
their date (the first ten characters), against cut-offs computed from the local ``today``,
so an address may turn due a few hours early or late around midnight: a day's precision is
what a cycle of months needs.
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import peewee as pw

from sellerdesk.core import clock
from sellerdesk.core import recheck as core
from sellerdesk.core.address import format_one_line
from sellerdesk.core.orders import DELIVERED, SHIPPED
from sellerdesk.core.tiers import LEVELS, NORMAL, RANK
from sellerdesk.store import messages, settings
from sellerdesk.store.customers import Verified as Verified
from sellerdesk.store.customers import audit
from sellerdesk.store.customers import mark_verified as mark_verified
from sellerdesk.store.customers import undo_verified as undo_verified
from sellerdesk.store.customers import verify_addresses as verify_addresses
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB
from sellerdesk.store.postgres import is_postgres

RECHECK_CYCLES = "recheck_cycles"

# A delivered order confirms the address it was taken from (``orders.address_id``): read from
# the partial index "orders_delivered_to" of schema step 12 alone (the terms below are its).
_DELIVERED_TO = (
    f'o."address_id" = a."id" AND o."address_id" IS NOT NULL '
    f'AND o."status" = \'{DELIVERED}\' AND o."deleted_at" IS NULL'
)
_ORDER_DAY = 'coalesce(o."shipped_on", o."order_date")'
_LIVE = 'a."deleted_at" IS NULL AND c."deleted_at" IS NULL'
_RANK_SQL = 'CASE c."tier" ' + " ".join(f"WHEN '{k}' THEN {RANK[k]}" for k in LEVELS) + " ELSE 0 END"


@dataclass(frozen=True)
class _Dialect:
    """The date expressions of the due rule on one backend. SQLite keeps dates as text: a
    timestamp's date is its first ten characters, a missing one '' (below every date), the
    latest of several its multi-argument ``max``. PostgreSQL has real dates: a cast, NULL
    (which ``greatest`` passes over) and ``greatest``; its parameters are dates, not text."""

    edited: str
    verified: str
    latest: str
    missing: str
    postgres: bool

    def param(self, day: _dt.date) -> Any:
        return day if self.postgres else day.isoformat()


_SQLITE = _Dialect(
    edited='substr(a."updated_at", 1, 10)',
    verified="coalesce(substr(a.\"verified_at\", 1, 10), '')",
    latest="max",
    missing="''",
    postgres=False,
)
_POSTGRES = _Dialect(
    edited='CAST(a."updated_at" AS DATE)',
    verified='CAST(a."verified_at" AS DATE)',
    latest="greatest",
    missing="NULL",
    postgres=True,
)


def _dialect(db: pw.Database) -> _Dialect:
    return _POSTGRES if is_postgres(db) else _SQLITE


def _as_date(value: Any) -> _dt.date:
    """A date read back: SQLite's text, or PostgreSQL's date."""
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])


def cycles(db: pw.Database | None = None) -> dict[str, int]:
    """The saved cycle of each tier level in months (the defaults until someone saves others)."""
    stored = settings.read(RECHECK_CYCLES, db)
    if isinstance(stored, dict):
        try:
            return core.validate({**core.DEFAULT_CYCLES, **stored})
        except core.CycleError:
            pass
    return dict(core.DEFAULT_CYCLES)


def save_cycles(new: Mapping[str, int]) -> None:
    """Validate and store the cycles (one transaction, audited)."""
    try:
        valid = core.validate(new)
    except core.CycleError as exc:
        raise ValidationError(str(exc), code="recheck_cycle", field=exc.level or "") from exc
    with DB.atomic():
        settings.write(RECHECK_CYCLES, valid)
        audit("recheck_cycles", "settings", None, **valid)


def _where_due(cut: Mapping[str, _dt.date], sql: _Dialect) -> tuple[str, list[Any]]:
    """The SQL condition "this address is due" (on ``a`` and ``c``) and its parameters."""
    case = 'CASE c."tier" ' + " ".join(f"WHEN '{k}' THEN ?" for k in LEVELS if k != NORMAL)
    case += " ELSE ? END"
    params = [sql.param(cut[k]) for k in LEVELS if k != NORMAL] + [sql.param(cut[NORMAL])]
    where = (
        f"{_LIVE} AND {sql.latest}({sql.edited}, {sql.verified}) < ({case}) "
        f'AND NOT EXISTS (SELECT 1 FROM "orders" AS o WHERE {_DELIVERED_TO} AND {_ORDER_DAY} >= ({case}))'
    )
    return where, params + params


def _cutoffs(today: _dt.date | None, db: pw.Database | None) -> dict[str, _dt.date]:
    return core.cutoffs(cycles(db), today or clock.today())


def count_due(db: pw.Database | None = None, *, today: _dt.date | None = None) -> int:
    """How many live addresses of live customers are due for a re-check."""
    database = db if db is not None else DB.obj
    where, params = _where_due(_cutoffs(today, database), _dialect(database))
    sql = f'SELECT count(*) FROM "address" AS a JOIN "customer" AS c ON c."id" = a."customer_id" WHERE {where}'
    return int(database.execute_sql(sql, params).fetchone()[0])


@dataclass(frozen=True, slots=True)
class DueAddress:
    """One address due for a re-check, with what the list shows and the message needs."""

    address_id: int
    customer_id: int
    name: str
    tier: str  # the stored tier (a level key, '' or hand-typed text)
    total_spent_fen: int
    recipient: str
    phone: str
    province: str
    city: str
    district: str
    detail: str
    confirmed: _dt.date  # the last confirmation
    due_on: _dt.date

    def values(self) -> dict[str, str]:
        """The address fields (recipient, phone, province, city, district, detail)."""
        return {
            "recipient": self.recipient,
            "phone": self.phone,
            "province": self.province,
            "city": self.city,
            "district": self.district,
            "detail": self.detail,
        }

    def one_line(self) -> str:
        return format_one_line(self.values())

    def message(self, db: pw.Database | None = None) -> str:
        """The check-your-address message for this address, in the seller's wording."""
        return message_for(self.name, self.values(), db)


def due_addresses(
    db: pw.Database | None = None, *, today: _dt.date | None = None, limit: int | None = None
) -> list[DueAddress]:
    """The due addresses, most valuable customer first: higher tier, then more spent; a
    customer's addresses together (default first)."""
    database = db if db is not None else DB.obj
    months = cycles(database)
    dialect = _dialect(database)
    where, params = _where_due(core.cutoffs(months, today or clock.today()), dialect)
    delivered = f'(SELECT max({_ORDER_DAY}) FROM "orders" AS o WHERE {_DELIVERED_TO})'
    sql = (
        'SELECT a."id", c."id", c."name", c."tier", c."total_spent_fen", a."recipient", a."phone", '
        'a."province", a."city", a."district", a."detail", '
        f"{dialect.latest}({dialect.edited}, {dialect.verified}, coalesce({delivered}, {dialect.missing})) "
        f'FROM "address" AS a JOIN "customer" AS c ON c."id" = a."customer_id" WHERE {where} '
        f'ORDER BY {_RANK_SQL} DESC, c."total_spent_fen" DESC, c."id", a."is_default" DESC, a."id"'
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    out = []
    intern = sys.intern  # tier and place names repeat: one string each (a 55k-row list holds ~20% less)
    for row in database.execute_sql(sql, params):
        confirmed = _as_date(row[11])
        level = core.level_of_tier(row[3])
        out.append(
            DueAddress(
                row[0],
                row[1],
                row[2],
                intern(row[3]),
                row[4],
                row[5],
                row[6],
                intern(row[7]),
                intern(row[8]),
                intern(row[9]),
                row[10],
                confirmed,
                core.due_on(confirmed, months[level]),
            )
        )
    return out


@dataclass(frozen=True)
class Freshness:
    """How fresh one address is: its verified date, its last ship date, its last
    confirmation, when it is (or was) due, and whether it is due today."""

    verified_on: _dt.date | None
    last_shipped: _dt.date | None
    confirmed: _dt.date
    due_on: _dt.date
    due: bool


def freshness(
    customer_id: int, *, today: _dt.date | None = None, db: pw.Database | None = None
) -> dict[int, Freshness]:
    """:class:`Freshness` of each live address of ``customer_id`` (address id → freshness)."""
    database = db if db is not None else DB.obj
    day = today or clock.today()
    dialect = _dialect(database)
    verified = 'CAST(a."verified_at" AS DATE)' if dialect.postgres else 'substr(a."verified_at", 1, 10)'
    sql = (
        f'SELECT a."id", c."tier", {dialect.edited}, {verified}, '
        f'(SELECT max({_ORDER_DAY}) FROM "orders" AS o WHERE {_DELIVERED_TO}), '
        f'(SELECT max(o."shipped_on") FROM "orders" AS o WHERE o."address_id" = a."id" '
        f"AND o.\"deleted_at\" IS NULL AND o.\"status\" IN ('{SHIPPED}', '{DELIVERED}')) "
        'FROM "address" AS a JOIN "customer" AS c ON c."id" = a."customer_id" '
        'WHERE a."customer_id" = ? AND a."deleted_at" IS NULL'
    )
    months = cycles(database)
    out: dict[int, Freshness] = {}
    for aid, tier, edited, verified, delivered, shipped in database.execute_sql(sql, (customer_id,)):
        verified_on = _date(verified)
        confirmed = core.last_confirmed(_as_date(edited), verified_on, _date(delivered))
        cycle = months[core.level_of_tier(tier)]
        out[aid] = Freshness(
            verified_on, _date(shipped), confirmed, core.due_on(confirmed, cycle), core.is_due(confirmed, cycle, day)
        )
    return out


def _date(value: Any) -> _dt.date | None:
    return _as_date(value) if value else None


def message_for(name: str, address: Mapping[str, Any], db: pw.Database | None = None) -> str:
    """The seller's check-your-address message (kind ``recheck``) for ``address`` (its fields)."""
    return messages.render(
        "recheck", {"name": name, "address": format_one_line(address), "phone": address.get("phone", "")}, db
    )


__all__ = [
    "RECHECK_CYCLES",
    "DueAddress",
    "Freshness",
    "count_due",
    "cycles",
    "due_addresses",
    "freshness",
    "mark_verified",
    "Verified",
    "undo_verified",
    "verify_addresses",
    "message_for",
    "save_cycles",
]
