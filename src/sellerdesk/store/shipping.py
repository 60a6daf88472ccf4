"""Shipping day in the store: which orders a waybill export takes, the preferred courier per
大区 or province (物流合作), and tracking numbers written back (回填运单号).

The preferred couriers live in the ``meta`` table (``preferred_couriers``: area → template
name, where an area is a 大区 (华南), a province (广东省) or ``*`` for everywhere else), so a
backup carries them. A province rule wins over its 大区's, which wins over ``*``.

:func:`record_tracking` matches a courier's result rows to orders and writes them in ONE
transaction: a row's 订单号 finds the order; without one its phone finds the single 待发货
order shipping to that phone (two such orders: listed as ambiguous, never guessed). A
tracking number already on an order is "already there" — importing the same sheet again
changes nothing.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import peewee as pw

from sellerdesk.core import clock
from sellerdesk.core import orders as core
from sellerdesk.core.big_regions import big_region, big_regions
from sellerdesk.core.phones import normalize_phone
from sellerdesk.core.text import normalize
from sellerdesk.store import settings
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB, Order, utcnow

PREFERRED = "preferred_couriers"
ELSEWHERE = "*"
MAX_RULES = 100
SOURCES = ("pending", "ids", "filter")


# ------------------------------------------------------------------------------------------ which orders


def order_ids_for(source: str, ids: Sequence[int] = (), flt: object = None) -> list[int]:
    """The orders a waybill export takes: ``pending`` (every 待发货 order, oldest first), ``ids``
    (those, in that order) or ``filter`` (the orders view's :class:`OrderFilter`, date order)."""
    from sellerdesk.store.orders import OrderFilter, order_ids

    if source == "pending":
        return order_ids(OrderFilter(statuses=(core.PENDING,)), "date")
    if source == "ids":
        return list(dict.fromkeys(int(i) for i in ids))
    if source == "filter":
        return order_ids(flt if isinstance(flt, OrderFilter) else OrderFilter(), "date")
    raise ValueError(f"unknown source {source!r}")


# ------------------------------------------------------------------------------------------ preferred couriers


def preferred_couriers(db: pw.Database | None = None) -> dict[str, str]:
    """Area (大区, province or ``*``) → template name; an unreadable stored value reads as none."""
    stored = settings.read(PREFERRED, db)
    if not isinstance(stored, dict):
        return {}
    return {str(k): str(v) for k, v in stored.items() if isinstance(v, str) and v}


def _check_area(area: str) -> str:
    area = " ".join(normalize(area).split())
    if area == ELSEWHERE or area in big_regions() or big_region(area):
        return area
    raise ValidationError(f"Unknown region or province: {area}.", code="unknown_area", field="area")


def save_preferred_couriers(rules: Mapping[str, str], db: pw.Database | None = None) -> dict[str, str]:
    """Replace the rules in one transaction (an empty template drops the rule)."""
    clean: dict[str, str] = {}
    for area, template in rules.items():
        name = str(template or "").strip()
        if not name:
            continue
        if len(name) > 40:
            raise ValidationError("A template name has at most 40 characters.", code="too_long", field="template")
        clean[_check_area(str(area))] = name
    if len(clean) > MAX_RULES:
        raise ValidationError(f"At most {MAX_RULES} rules.", code="too_many", field="area")
    database = db if db is not None else DB.obj
    with database.atomic():
        settings.write(PREFERRED, clean, database)
    return clean


def template_for(province: str, rules: Mapping[str, str]) -> str:
    """The preferred template for an order going to ``province`` ('' when no rule applies)."""
    if province:
        for area, name in rules.items():
            if area not in (ELSEWHERE,) and area not in big_regions() and big_region(area) and _same(area, province):
                return name
        region = big_region(province)
        if region and region in rules:
            return rules[region]
    return rules.get(ELSEWHERE, "")


def _same(a: str, b: str) -> bool:
    from sellerdesk.core.names import short_name

    return short_name(a, 1) == short_name(b, 1)


def split_by_courier(order_ids: Sequence[int], rules: Mapping[str, str], fallback: str) -> dict[str, list[int]]:
    """``order_ids`` grouped by their preferred template (``fallback`` where no rule applies),
    each group in the given order; groups in the order their first order appears."""
    provinces: dict[int, str] = {}
    ids = list(order_ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        sql = (
            'SELECT "id", json_extract("address_snapshot", \'$.province\') FROM "orders" WHERE "id" IN ('
            + ", ".join("?" * len(chunk))
            + ")"
        )
        provinces.update({r[0]: r[1] or "" for r in DB.obj.execute_sql(sql, chunk)})
    groups: dict[str, list[int]] = {}
    cache: dict[str, str] = {}
    for oid in ids:
        province = provinces.get(oid, "")
        if province not in cache:
            cache[province] = template_for(province, rules) or fallback
        groups.setdefault(cache[province], []).append(oid)
    return groups


# ------------------------------------------------------------------------------------------ tracking numbers back


@dataclass(frozen=True)
class TrackingRow:
    """One row of a courier's result sheet."""

    row: int  # the sheet's row number
    tracking_no: str
    order_no: str = ""
    phone: str = ""
    courier: str = ""


# Why a row was not applied (codes; the CLI and the dialog word them).
NO_TRACKING = "no_tracking"
NO_ORDER = "no_order"  # no order has that 订单号 / no 待发货 order ships to that phone
AMBIGUOUS = "ambiguous"  # several 待发货 orders ship to that phone
OTHER_TRACKING = "other_tracking"  # the order already has another tracking number
NOT_PENDING = "not_pending"  # the order is cancelled / refunded / delivered
TWICE = "twice"  # a second row for an order this sheet already matched
NO_COURIER = "no_courier"  # no courier in the sheet, none chosen, none in the number, none on the order
TOO_LONG = "too_long"  # a tracking number longer than any courier's (cut, it would be wrong)
SAME_NUMBER = "same_number"  # this sheet gave the number to another order already
REASONS = (NO_TRACKING, NO_ORDER, AMBIGUOUS, OTHER_TRACKING, NOT_PENDING, TWICE, NO_COURIER, TOO_LONG, SAME_NUMBER)


@dataclass(frozen=True)
class Unmatched:
    row: TrackingRow
    reason: str
    order_ids: tuple[int, ...] = ()


@dataclass
class TrackingResult:
    shipped: list[int] = field(default_factory=list)  # orders now 已发货 with their number
    filled: list[int] = field(default_factory=list)  # already 已发货: the number filled in
    already: list[int] = field(default_factory=list)  # that number was already on the order
    unmatched: list[Unmatched] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> int:
        return len(self.shipped) + len(self.filled)

    def to_dict(self) -> dict[str, object]:
        return {
            "shipped": self.shipped,
            "filled": self.filled,
            "already": self.already,
            "dry_run": self.dry_run,
            "unmatched": [
                {
                    "row": u.row.row,
                    "tracking": u.row.tracking_no,
                    "order_no": u.row.order_no,
                    "reason": u.reason,
                    "orders": list(u.order_ids),
                }
                for u in self.unmatched
            ],
        }


def _lookups(rows: Sequence[TrackingRow]) -> tuple[dict[str, int], dict[str, int], dict[str, list[int]]]:
    """(tracking number → order, 订单号 → order, phone → 待发货 orders shipping to it), each read
    once: a per-row query scanned the orders table for every row (10,000 rows: minutes)."""
    db = DB.obj
    tracking = {
        r[1]: r[0]
        for r in db.execute_sql(
            'SELECT "id", "tracking_no" FROM "orders" WHERE "deleted_at" IS NULL AND "tracking_no" <> \'\''
        )
    }
    numbers = list({r.order_no.strip() for r in rows if r.order_no.strip()})
    by_no: dict[str, int] = {}
    for start in range(0, len(numbers), 900):
        chunk = numbers[start : start + 900]
        sql = (
            'SELECT "id", "order_no" FROM "orders" WHERE "deleted_at" IS NULL AND "order_no" IN ('
            + ", ".join("?" * len(chunk))
            + ")"
        )
        by_no.update({r[1]: r[0] for r in db.execute_sql(sql, chunk)})
    # an order without a 订单号 was exported as SD<id> (exchange.waybills.ID_PREFIX)
    own = {n: int(n[2:]) for n in numbers if n not in by_no and n[:2].upper() == "SD" and n[2:].isdigit()}
    if own:
        ids = list(own.values())
        live: set[int] = set()
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            sql = (
                'SELECT "id" FROM "orders" WHERE "deleted_at" IS NULL AND "order_no" = \'\' AND "id" IN ('
                + ", ".join("?" * len(part))
                + ")"
            )
            live.update(r[0] for r in db.execute_sql(sql, part))
        by_no.update({n: i for n, i in own.items() if i in live})
    by_phone: dict[str, list[int]] = {}
    if any(not r.order_no.strip() for r in rows):
        sql = (
            'SELECT "id", json_extract("address_snapshot", \'$.phone\') FROM "orders" '
            'WHERE "deleted_at" IS NULL AND "status" = ? ORDER BY "id"'
        )
        for oid, phone in db.execute_sql(sql, (core.PENDING,)):
            if phone:
                by_phone.setdefault(str(phone), []).append(oid)
    return tracking, by_no, by_phone


_COURIER_SUFFIXES = ("快递", "速递", "速运", "快运", "物流")


def courier_name(text: str) -> str:
    """A courier as the orders keep it: 中通快递, 顺丰速运, 京东物流 → 中通, 顺丰, 京东 (one name a courier,
    so the orders view's courier filter does not split them)."""
    name = " ".join(str(text or "").split())
    for suffix in _COURIER_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def record_tracking(
    rows: Sequence[TrackingRow],
    *,
    courier: str = "",
    dry_run: bool = False,
    today: _dt.date | None = None,
) -> TrackingResult:
    """Match ``rows`` to orders and write courier, tracking number and 已发货 in one transaction
    (nothing with ``dry_run``). ``courier`` is used for rows without one of their own."""
    from sellerdesk.store import points as store_points
    from sellerdesk.store.orders import MAX_COURIER, MAX_TRACKING, _counts, audit, refresh_customers

    day = today or clock.today()
    result = TrackingResult(dry_run=dry_run)
    with DB.atomic():
        known, by_no, by_phone = _lookups(rows)
        seen: dict[int, str] = {}  # order id → the tracking number this sheet gave it
        plan: list[tuple[int, str, str, TrackingRow]] = []  # (order id, tracking, courier, row)
        given: dict[str, int] = {}  # tracking number → the order this sheet gave it to
        for row in rows:
            tracking = normalize(row.tracking_no).strip().replace(" ", "")
            if not tracking:
                result.unmatched.append(Unmatched(row, NO_TRACKING))
                continue
            if len(tracking) > MAX_TRACKING:
                result.unmatched.append(Unmatched(row, TOO_LONG))
                continue
            if tracking in known:
                result.already.append(known[tracking])
                continue
            if row.order_no.strip():
                oid = by_no.get(row.order_no.strip())
                if oid is None:
                    result.unmatched.append(Unmatched(row, NO_ORDER))
                    continue
            else:
                phone = normalize_phone(row.phone).value
                found = [i for i in by_phone.get(phone, []) if i not in seen] if phone else []
                if len(found) > 1:
                    result.unmatched.append(Unmatched(row, AMBIGUOUS, tuple(found)))
                    continue
                if not found:
                    result.unmatched.append(Unmatched(row, NO_ORDER))
                    continue
                oid = found[0]
            if oid in seen:
                result.unmatched.append(Unmatched(row, TWICE, (oid,)))
                continue
            if tracking in given:
                result.unmatched.append(Unmatched(row, SAME_NUMBER, (given[tracking], oid)))
                continue
            given[tracking] = oid
            seen[oid] = tracking
            plan.append((oid, tracking, courier_name(row.courier or courier)[:MAX_COURIER], row))
        orders: dict[int, Order] = {}
        ids = [item[0] for item in plan]
        for start in range(0, len(ids), 900):
            orders.update({o.id: o for o in Order.select().where(Order.id.in_(ids[start : start + 900]))})
        touched: set[int] = set()
        now = utcnow()
        for oid, tracking, name, row in plan:
            order = orders[oid]
            if order.tracking_no and order.tracking_no != tracking:
                result.unmatched.append(Unmatched(row, OTHER_TRACKING, (oid,)))
                continue
            if order.status not in (core.PENDING, core.SHIPPED):
                result.unmatched.append(Unmatched(row, NOT_PENDING, (oid,)))
                continue
            if not name and not (order.courier or "").strip():
                result.unmatched.append(Unmatched(row, NO_COURIER, (oid,)))  # (a 发货通知 would say 快递：，)
                continue
            was_counting = _counts(order)
            order.tracking_no = tracking
            if name:
                order.courier = name
            if order.status == core.PENDING:
                order.status = core.SHIPPED
                order.shipped_on = max(day, order.order_date)
                result.shipped.append(oid)
            else:
                result.filled.append(oid)
            order.version += 1
            order.updated_at = now
            if not dry_run:
                order.save()
                store_points.sync_order(
                    order, was_counting=was_counting, old_amount_fen=order.amount_fen, now_counting=_counts(order)
                )
                touched.add(order.customer_id)
        result.unmatched.sort(key=lambda u: u.row.row)
        if not dry_run:
            refresh_customers(touched, day)
            if result.changed:
                changed = result.shipped + result.filled
                audit("tracking_import", "order", None, count=len(changed), ids=changed[:1000])
    return result
