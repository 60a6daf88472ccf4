"""The seller's numbers (the 概览 page, ``sellerdesk-cli stats``): every figure one SQL aggregate.

Each figure is a plain function of ``today`` (the local date the months count back from) and is
listed in :data:`FIGURES` under its key, the key ``sellerdesk-cli stats --json`` prints it under.
Live customers only (the Trash and erased tombstones are left out, as the customer table does);
orders that are deleted are left out, and sales count only the statuses that count as spend
(:data:`sellerdesk.core.orders.COUNTING`, the rule of the customer's maintained totals).

Timings at 100k customers / 300k orders: ``benchmarks/bench_dashboard.py``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sellerdesk.core import orders as orders_core
from sellerdesk.core.big_regions import big_region, big_regions
from sellerdesk.core.names import short_name
from sellerdesk.core.tiers import LEVELS
from sellerdesk.store import queries
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.models import DB
from sellerdesk.store.postgres import is_postgres

MONTHS = 24
TOP_CUSTOMERS = 20
TOP_PRODUCTS = 10
UNKNOWN = ""  # the label of customers without a (known) province or 大区

_COUNTING_SQL = ", ".join(f"'{s}'" for s in sorted(orders_core.COUNTING))
_NOT_COUNTING_SQL = ", ".join(f"'{s}'" for s in sorted(orders_core.NOT_COUNTING))
_LIVE_CUSTOMER = '"deleted_at" IS NULL'  # (an erased customer's tombstone has deleted_at set)


def _rows(sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
    return list(DB.obj.execute_sql(sql, tuple(params)).fetchall())


def month_keys(today: _dt.date, months: int = MONTHS) -> list[str]:
    """``YYYY-MM`` of the ``months`` months ending with today's, oldest first."""
    year, month = today.year, today.month
    keys = []
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return keys[::-1]


def _first_day(key: str) -> _dt.date:
    return _dt.date(int(key[:4]), int(key[5:7]), 1)


# --- the figures ------------------------------------------------------------------------------------------------


def customers_by_province(today: _dt.date | None = None) -> dict[str, int]:
    """Live customers per province of their default address (full names, 广东省), most first;
    those without one under ``""``. The region tree's count (:func:`queries.region_counts`)."""
    out: dict[str, int] = {}
    for (province, _city), n in queries.region_counts().items():
        out[province or UNKNOWN] = out.get(province or UNKNOWN, 0) + n
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], kv[0])))


def sales_by_province(today: _dt.date | None = None) -> dict[str, int]:
    """All-time spend (分, the customers' maintained totals) per province of their default
    address, most first; customers without one under ``""`` (the map's "by sales")."""
    sql = (
        'SELECT coalesce(a."province", \'\'), sum(c."total_spent_fen") FROM "customer" c '
        'LEFT JOIN "address" a ON a."customer_id" = c."id" AND a."is_default" = 1 AND a."deleted_at" IS NULL '
        'WHERE c."deleted_at" IS NULL AND c."total_spent_fen" > 0 GROUP BY 1'
    )
    out = {province or UNKNOWN: int(fen or 0) for province, fen in _rows(sql)}
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], kv[0])))


def customers_by_region(today: _dt.date | None = None, by_province: Mapping[str, int] | None = None) -> dict[str, int]:
    """Live customers per 大区 (华东, 华南 …, in the mapping's order); unknown places under ``""``
    (from ``by_province`` when given: :func:`customers_by_province`'s answer)."""
    counts: dict[str, int] = dict.fromkeys(big_regions(), 0)
    for province, n in (by_province if by_province is not None else customers_by_province()).items():
        key = big_region(province) if province else UNKNOWN
        counts[key or UNKNOWN] = counts.get(key or UNKNOWN, 0) + n
    return {k: v for k, v in counts.items() if v or k != UNKNOWN}


def customers_by_tier(today: _dt.date | None = None) -> dict[str, int]:
    """Live customers per tier, by the name people see (普通, 银卡 …; hand-typed tiers as typed),
    levels lowest first."""
    rules = store_tiers.tier_rules()
    out: dict[str, int] = {rules.name(level): 0 for level in LEVELS}
    for value, n in store_tiers.tier_counts().items():
        name = rules.display(value)
        out[name] = out.get(name, 0) + n
    return out


def new_customers_by_month(today: _dt.date) -> dict[str, int]:
    """Customers added per month (local time) over the last :data:`MONTHS` months; every month
    present. Customers still live (a customer moved to the Trash is not counted). Counted by
    UTC hour in SQL (``created_at`` is UTC), each hour then put in its local month here:
    SQLite's ``'localtime'`` per row was 4x slower."""
    keys = month_keys(today)
    start = _dt.datetime.combine(_first_day(keys[0]), _dt.time()) - _dt.timedelta(days=1)
    out = dict.fromkeys(keys, 0)
    # the hour of SQLite's text timestamp is its first 13 characters; PostgreSQL's timestamp is
    # truncated to the hour (and written the same way below)
    hour_of = "date_trunc('hour', \"created_at\")" if is_postgres(DB) else 'substr("created_at", 1, 13)'
    sql = f'SELECT {hour_of} AS h, count(*) FROM "customer" WHERE {_LIVE_CUSTOMER} AND "created_at" >= ? GROUP BY h'
    # each local month's first hour, in UTC as the column's text: an hour belongs to the last one not after it
    starts = [_utc_hour(_first_day(k)) for k in keys]
    for hour, n in _rows(sql, [start.strftime("%Y-%m-%d %H:%M:%S")]):
        text = hour.strftime("%Y-%m-%d %H") if isinstance(hour, _dt.datetime) else str(hour)
        index = bisect.bisect_right(starts, text) - 1
        if index >= 0:
            out[keys[index]] += n
    return out


def _utc_hour(day: _dt.date) -> str:
    """Local midnight of ``day`` as UTC ``YYYY-MM-DD HH``."""
    local = _dt.datetime.combine(day, _dt.time()).astimezone()
    return local.astimezone(_dt.UTC).strftime("%Y-%m-%d %H")


def sales_by_month(today: _dt.date) -> dict[str, int]:
    """Amount paid (分) per month of order date over the last :data:`MONTHS` months; orders that
    count (not cancelled, refunded or deleted); every month present."""
    keys = month_keys(today)
    out = dict.fromkeys(keys, 0)
    # YYYY-MM: the first 7 characters of SQLite's text date; PostgreSQL's date truncated to its month
    month_of = 'substr("order_date", 1, 7)'
    if is_postgres(DB):
        month_of = "date_trunc('month', CAST(\"order_date\" AS TIMESTAMP))"
    sql = (
        f'SELECT {month_of} AS m, sum("amount_fen") FROM "orders" '
        f'WHERE "order_date" >= ? AND "deleted_at" IS NULL AND "status" IN ({_COUNTING_SQL}) GROUP BY m'
    )
    for month, fen in _rows(sql, [_first_day(keys[0]).isoformat()]):
        key = month.strftime("%Y-%m") if isinstance(month, _dt.date) else month
        if key in out:
            out[key] = int(fen or 0)
    return out


def orders_by_status(today: _dt.date | None = None) -> dict[str, int]:
    """Orders (not deleted) per status key (pending, shipped …), every status present."""
    out = dict.fromkeys(orders_core.STATUSES, 0)
    for status, n in _rows('SELECT "status", count(*) FROM "orders" WHERE "deleted_at" IS NULL GROUP BY "status"'):
        out[status] = out.get(status, 0) + n
    return out


@dataclass(frozen=True)
class TopCustomer:
    id: int
    name: str
    spent_fen: int
    orders: int


def top_customers(today: _dt.date | None = None, limit: int = TOP_CUSTOMERS) -> list[TopCustomer]:
    """The live customers who spent most (all time, the maintained totals), most first."""
    sql = (
        'SELECT "id", "name", "total_spent_fen", "order_count" FROM "customer" '
        f'WHERE {_LIVE_CUSTOMER} AND "total_spent_fen" > 0 ORDER BY "total_spent_fen" DESC, "id" LIMIT ?'
    )
    return [TopCustomer(int(i), name or "", int(fen), int(n)) for i, name, fen, n in _rows(sql, [limit])]


@dataclass(frozen=True)
class TopProduct:
    product: str
    orders: int  # orders that count with this product on a line


def top_products(today: _dt.date | None = None, limit: int = TOP_PRODUCTS) -> list[TopProduct]:
    """The products in most orders that count, most first. Counted as every order line by
    product (the ``order_item_product`` index alone) less the lines of orders that do not
    count (cancelled, refunded, deleted: few): reading each line's order is 5x slower."""
    counts = dict(_rows('SELECT "product", count(*) FROM "order_item" GROUP BY "product"'))
    not_counting = (
        'SELECT i."product", count(*) FROM "order_item" i WHERE i."order_id" IN ('
        f'SELECT "id" FROM "orders" WHERE "deleted_at" IS NULL AND "status" IN ({_NOT_COUNTING_SQL}) '
        'UNION ALL SELECT "id" FROM "orders" WHERE "deleted_at" IS NOT NULL) GROUP BY i."product"'
    )
    for product, n in _rows(not_counting):
        counts[product] = counts.get(product, 0) - n
    best = sorted(((n, p) for p, n in counts.items() if n > 0), key=lambda x: (-x[0], x[1]))[:limit]
    return [TopProduct(p, int(n)) for n, p in best]


def favourite_items(customer_id: int, limit: int = 3) -> list[tuple[str, int]]:
    """One customer's most bought products: (product, quantity) over their orders that count."""
    sql = (
        'SELECT i."product", sum(i."quantity") AS q FROM "orders" o JOIN "order_item" i ON i."order_id" = o."id" '
        f'WHERE o."customer_id" = ? AND o."deleted_at" IS NULL AND o."status" IN ({_COUNTING_SQL}) '
        'GROUP BY i."product" ORDER BY q DESC, i."product" LIMIT ?'
    )
    return [(p, int(q)) for p, q in _rows(sql, [customer_id, limit])]


@dataclass(frozen=True)
class RepeatRate:
    buyers: int  # live customers with at least one order that counts
    repeat: int  # … with two or more

    @property
    def share(self) -> float | None:
        return self.repeat / self.buyers if self.buyers else None


def repeat_rate(today: _dt.date | None = None) -> RepeatRate:
    sql = (
        'SELECT count(*), coalesce(sum(CASE WHEN "order_count" >= 2 THEN 1 ELSE 0 END), 0) FROM "customer" '
        f'WHERE {_LIVE_CUSTOMER} AND "order_count" >= 1'
    )
    buyers, repeat = _rows(sql)[0]
    return RepeatRate(int(buyers), int(repeat))


def customer_count(today: _dt.date | None = None) -> int:
    return int(_rows(f'SELECT count(*) FROM "customer" WHERE {_LIVE_CUSTOMER}')[0][0])


FIGURES: Mapping[str, Callable[[_dt.date], Any]] = {
    "customers": customer_count,
    "customers_by_province": customers_by_province,
    "customers_by_region": customers_by_region,
    "sales_by_province": sales_by_province,
    "customers_by_tier": customers_by_tier,
    "new_customers_by_month": new_customers_by_month,
    "sales_by_month": sales_by_month,
    "orders_by_status": orders_by_status,
    "top_customers": top_customers,
    "top_products": top_products,
    "repeat_rate": repeat_rate,
}
"""Every figure of the store, by key; each one SQL aggregate (or a few)."""

CLI_FIGURES: tuple[str, ...] = (
    "customers_by_province",
    "customers_by_region",
    "customers_by_tier",
    "new_customers_by_month",
    "sales_by_month",
    "orders_by_status",
)
"""The figures ``sellerdesk-cli stats`` prints, each an object label → number."""


def collect(
    today: _dt.date, keys: Iterable[str] | None = None, timings: dict[str, float] | None = None
) -> dict[str, Any]:
    """The figures ``keys`` (all by default) by key; ``timings`` gets each one's seconds."""
    out: dict[str, Any] = {}
    for key in keys if keys is not None else FIGURES:
        started = time.perf_counter()
        if key == "customers_by_region" and "customers_by_province" in out:
            out[key] = customers_by_region(today, out["customers_by_province"])
        else:
            out[key] = FIGURES[key](today)
        if timings is not None:
            timings[key] = time.perf_counter() - started
    return out


def province_short(name: str) -> str:
    """广东省 → 广东 (the map's names)."""
    return short_name(name, 1) if name else name


__all__ = [
    "CLI_FIGURES",
    "FIGURES",
    "MONTHS",
    "RepeatRate",
    "TopCustomer",
    "TopProduct",
    "collect",
    "month_keys",
    "province_short",
]
