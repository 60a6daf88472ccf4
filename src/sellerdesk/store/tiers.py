"""Tiers in the store: the rules and names as saved settings, and the customers' tiers.

``customer.tier`` holds a level key of :mod:`sellerdesk.core.tiers` (``normal``,
``silver``, ``gold``, ``diamond``). It is computed from the last 12 months of counting
orders unless ``tier_manual`` is set (a tier chosen by hand wins until it is cleared).
Text written by an older path (``add --tier 银卡``, a sheet's 等级 column) is a tier set by
hand: :func:`adopt_hand_set` turns it into a manual level (or keeps unknown text such as
``VIP`` as it is, manual) before any computation, so no hand-set tier is ever overwritten.

Every computation is one SQL statement built from the rules (:func:`_tier_case`), for one
customer inside an order write (``store.orders``) or for everyone (:func:`recompute_tiers`,
after a rules change and once a day for the rolling window, :func:`recompute_if_stale`).
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import peewee as pw

from sellerdesk.core import clock
from sellerdesk.core import orders as core_orders
from sellerdesk.core import tiers as core_tiers
from sellerdesk.core.points import PointsRule
from sellerdesk.core.tiers import LEVELS, NORMAL, TierRules, TierRulesError
from sellerdesk.store import settings
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB, Customer

log = logging.getLogger(__name__)

_COUNTING_SQL = ", ".join(f"'{s}'" for s in sorted(core_orders.COUNTING))
# What an order write or the daily recompute may replace: nothing typed by hand.
_COMPUTED_SQL = ", ".join(["''", *(f"'{k}'" for k in LEVELS)])


def tier_rules(db: pw.Database | None = None) -> TierRules:
    """The saved rules and names (the defaults until someone saves others)."""
    doc = settings.read(settings.TIER_RULES, db)
    if doc is None:
        return TierRules()
    try:
        return TierRules.from_json(doc)
    except TierRulesError:
        log.warning("the stored tier rules are damaged; using the defaults")
        return TierRules()


def save_tier_rules(rules: TierRules, *, today: _dt.date | None = None) -> int:
    """Validate and save ``rules`` and recompute every computed tier with them (one
    transaction); returns how many customers changed tier."""
    try:
        rules.validate()
    except TierRulesError as exc:
        raise ValidationError(str(exc)) from exc
    with DB.atomic():
        settings.write(settings.TIER_RULES, rules.to_json())
        changed = _recompute(DB.obj, rules, today or clock.today(), None)
        settings.write(settings.TIERS_RECOMPUTED_ON, (today or clock.today()).isoformat())
        _audit("tier_rules", None, changed=changed)
    return changed


def save_tier_and_points_rules(rules: TierRules, points: PointsRule, *, today: _dt.date | None = None) -> int:
    """The 等级与积分 settings: both rules saved and every computed tier recomputed, in one
    transaction (nothing is written when either is refused); returns how many changed tier."""
    from sellerdesk.store import points as store_points

    with DB.atomic():
        store_points.save_points_rule(points)
        return save_tier_rules(rules, today=today)


def display_name(value: str, rules: TierRules | None = None) -> str:
    """What people see for a stored ``customer.tier`` ('' reads as the lowest level)."""
    return (rules or tier_rules()).display(value)


def level_of(text: str, rules: TierRules | None = None) -> str | None:
    """The level key ``text`` names (key, current or default name, English name), or None."""
    return (rules or tier_rules()).level_of(text)


@dataclass(frozen=True)
class TierInfo:
    """A customer's tier as shown: the stored value, its key (None for hand-typed text such
    as ``VIP``), its display name and whether it was set by hand."""

    value: str
    level: str | None
    name: str
    manual: bool


def tier_info(customer: Customer, rules: TierRules | None = None) -> TierInfo:
    """Text not adopted yet (see :func:`adopt_hand_set`) reads as it will be adopted."""
    return tier_info_of(customer.tier, bool(customer.tier_manual), rules)


def tier_info_of(tier: str | None, tier_manual: bool, rules: TierRules | None = None) -> TierInfo:
    """:func:`tier_info` of a stored ``tier`` and ``tier_manual`` (a table row holds both)."""
    rules = rules or tier_rules()
    value = tier or ""
    if value in LEVELS or value == "":
        level: str | None = value or NORMAL
        manual = bool(tier_manual)
    else:
        level = rules.level_of(value)
        manual = bool(tier_manual) or level != NORMAL
    return TierInfo(value, level, rules.name(level) if level else value, manual)


def set_manual_tier(customer_id: int, level: str | None, *, today: _dt.date | None = None) -> Customer:
    """Set a customer's tier by hand (``level``: a key or a name), or with None clear the
    hand-set tier so it is computed again. One transaction."""
    from sellerdesk.store.customers import get_customer

    with DB.atomic():
        customer = get_customer(customer_id)
        rules = tier_rules()
        if level is None:
            Customer.update(tier_manual=False, tier=NORMAL).where(Customer.id == customer.id).execute()
            _recompute(DB.obj, rules, today or clock.today(), [customer.id])
            _audit("tier_clear", customer.id)
        else:
            key = rules.level_of(level)
            if key is None:
                names = ", ".join(rules.names[k] for k in LEVELS)
                raise ValidationError(f"Unknown tier {level!r}; one of: {names} (or {', '.join(LEVELS)}).")
            Customer.update(tier_manual=True, tier=key).where(Customer.id == customer.id).execute()
            _audit("tier_set", customer.id, level=key)
    return get_customer(customer_id)


def recompute_tiers(
    today: _dt.date | None = None, *, db: pw.Database | None = None, rules: TierRules | None = None
) -> int:
    """Recompute the tier of every customer whose tier is not set by hand, from the 12
    months up to ``today`` (local date); one transaction. Returns how many changed."""
    database = db if db is not None else DB.obj
    day = today or clock.today()
    with database.atomic():
        changed = _recompute(database, rules or tier_rules(database), day, None)
        settings.write(settings.TIERS_RECOMPUTED_ON, day.isoformat(), database)
    return changed


def last_recomputed(db: pw.Database | None = None) -> _dt.date | None:
    value = settings.read(settings.TIERS_RECOMPUTED_ON, db)
    try:
        return _dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def recompute_if_stale(today: _dt.date | None = None, *, db: pw.Database | None = None) -> bool:
    """Recompute unless it was done already today: the rolling window moves a day at a time.

    Cheap when fresh (one meta row read), so the app can call it at every start (in a
    worker: at 100k customers the recompute itself takes about a second).
    """
    return refresh_rolling_window(today, db=db) is not None


def refresh_rolling_window(today: _dt.date | None = None, *, db: pw.Database | None = None) -> int | None:
    """:func:`recompute_if_stale`, saying how many customers changed tier (None: it was
    done already today), so the app redraws its table only when something moved."""
    day = today or clock.today()
    if last_recomputed(db) == day:
        return None
    return recompute_tiers(day, db=db)


def refresh_tiers(db: pw.Database, customer_ids: Sequence[int], today: _dt.date) -> int:
    """Recompute the tiers of ``customer_ids`` (inside the caller's transaction)."""
    if not customer_ids:
        return 0
    return _recompute(db, tier_rules(db), today, list(customer_ids))


def tier_counts(db: pw.Database | None = None) -> dict[str, int]:
    """Live customers per stored tier value ('' counted as the lowest level)."""
    database = db if db is not None else DB.obj
    rows = database.execute_sql(
        'SELECT "tier", count(*) FROM "customer" WHERE "deleted_at" IS NULL GROUP BY "tier"'
    ).fetchall()
    out: dict[str, int] = {}
    for value, n in rows:
        key = value or NORMAL
        out[key] = out.get(key, 0) + n
    return out


# --- the computation ------------------------------------------------------------------------------------------------


def _tier_case(rules: TierRules, spend: str, count: str) -> tuple[str, list[int]]:
    """``CASE … END``: the level key for the SQL expressions ``spend`` and ``count``, exactly
    as :meth:`TierRules.tier_for` decides (tested equal)."""
    parts: list[str] = []
    params: list[int] = []
    for key, threshold in rules.levels_high_to_low():
        tests = []
        if threshold.spend_fen is not None:
            tests.append(f"{spend} >= ?")
            params.append(threshold.spend_fen)
        if threshold.orders is not None:
            tests.append(f"{count} >= ?")
            params.append(threshold.orders)
        parts.append(f"WHEN {' OR '.join(tests)} THEN '{key}'")
    return f"CASE {' '.join(parts)} ELSE '{NORMAL}' END", params


def _in_list(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def adopt_hand_set(db: pw.Database, rules: TierRules, customer_ids: Sequence[int] | None = None) -> int:
    """Turn tier text written by a path that does not know about levels into a hand-set tier:
    a level's name (银卡, 'gold') becomes that level, set by hand; other text (VIP) stays as it
    is, set by hand; the lowest level's name (普通) means "nothing special": computed."""
    where = f'"tier_manual" = 0 AND "tier" NOT IN ({_COMPUTED_SQL})'
    if customer_ids is not None:
        where += f' AND "id" IN ({_in_list(customer_ids)})'
    rows = db.execute_sql(f'SELECT DISTINCT "tier" FROM "customer" WHERE {where}').fetchall()
    changed = 0
    for (text,) in rows:
        key = rules.level_of(text)
        if key == NORMAL:
            cursor = db.execute_sql(f'UPDATE "customer" SET "tier" = ? WHERE {where} AND "tier" = ?', (NORMAL, text))
        else:
            cursor = db.execute_sql(
                f'UPDATE "customer" SET "tier" = ?, "tier_manual" = 1 WHERE {where} AND "tier" = ?',
                (key or text, text),
            )
        changed += cursor.rowcount
    return changed


def _recompute(db: pw.Database, rules: TierRules, today: _dt.date, customer_ids: Sequence[int] | None) -> int:
    """Set the computed tier of every customer (or of ``customer_ids``) not set by hand; only
    rows whose tier changes are written. Returns how many changed."""
    if customer_ids is not None and not customer_ids:
        return 0
    adopt_hand_set(db, rules, customer_ids)
    case, params = _tier_case(rules, "coalesce(w.spend, 0)", "coalesce(w.n, 0)")
    only_orders = only_customers = ""
    if customer_ids is not None:
        only_orders = f'AND "customer_id" IN ({_in_list(customer_ids)})'
        only_customers = f"AND c.id IN ({_in_list(customer_ids)})"
    since = core_tiers.window_start(today).isoformat()
    sql = (
        f'WITH w(cid, spend, n) AS (SELECT "customer_id", sum("amount_fen"), count(*) '
        f'FROM "orders" INDEXED BY "orders_customer" '
        f'WHERE "order_date" >= ? AND "deleted_at" IS NULL AND "status" IN ({_COUNTING_SQL}) {only_orders} '
        f'GROUP BY "customer_id"), '
        f"t(cid, level) AS (SELECT c.id, {case} FROM customer AS c LEFT JOIN w ON w.cid = c.id "
        f"WHERE c.tier_manual = 0 {only_customers}) "
        f'UPDATE "customer" SET "tier" = t.level FROM t WHERE "customer"."id" = t.cid AND "customer"."tier" <> t.level'
    )
    cursor = db.execute_sql(sql, [since, *params])
    return cursor.rowcount


def _audit(action: str, customer_id: int | None, **detail: object) -> None:
    from sellerdesk.store.customers import audit

    audit(action, "customer" if customer_id is not None else "tiers", customer_id, **detail)


__all__ = [
    "TierInfo",
    "adopt_hand_set",
    "display_name",
    "last_recomputed",
    "level_of",
    "recompute_if_stale",
    "recompute_tiers",
    "refresh_rolling_window",
    "refresh_tiers",
    "save_tier_and_points_rules",
    "save_tier_rules",
    "set_manual_tier",
    "tier_counts",
    "tier_info",
    "tier_info_of",
    "tier_rules",
]
