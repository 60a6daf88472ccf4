"""Points (积分) in the store: the rule as a saved setting, the ledger, the balance.

Off by default. When on, an order that counts (not cancelled, refunded or deleted) earns
``PointsRule.points_for(amount)``; when it stops counting, what it earned is taken back
(whatever the rule says by then); when its amount changes while it counts, the difference.
Every change is a :class:`PointsEntry` row; ``customer.points`` is the sum of a customer's
rows, refreshed in the same transaction. Redeeming needs a note and cannot take the
balance below zero (a reversal after redeeming can: the ledger says why).
"""

from __future__ import annotations

from collections.abc import Sequence

import peewee as pw

from sellerdesk.core.points import MAX_NOTE_LENGTH, MAX_REDEEM, PointsError, PointsRule
from sellerdesk.store import settings
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB, Customer, Order, PointsEntry, utcnow

NOTE_EARNED = "order"
NOTE_REVERSED = "order no longer counts"
NOTE_CHANGED = "order amount changed"


def points_rule(db: pw.Database | None = None) -> PointsRule:
    doc = settings.read(settings.POINTS_RULE, db)
    if doc is None:
        return PointsRule()
    try:
        return PointsRule.from_json(doc)
    except PointsError:
        return PointsRule()


def save_points_rule(rule: PointsRule) -> None:
    """Save the rule (it applies to orders written from now on; nothing is re-earned)."""
    try:
        rule.validate()
    except PointsError as exc:
        raise ValidationError(str(exc)) from exc
    from sellerdesk.store.customers import audit

    with DB.atomic():
        settings.write(settings.POINTS_RULE, rule.to_json())
        audit("points_rule", "points", None, enabled=rule.enabled, per_yuan_hundredths=rule.per_yuan_hundredths)


def sync_order(
    order: Order, *, was_counting: bool, old_amount_fen: int, now_counting: bool, customer_id: int | None = None
) -> int:
    """Bring ``order``'s ledger rows of its customer (or of ``customer_id``, the one it was
    moved away from) in line with its state, inside the caller's transaction.

    Returns the delta written (0 for none). The caller refreshes the balance.
    """
    owner = order.customer_id if customer_id is None else customer_id
    earned = (
        PointsEntry.select(pw.fn.COALESCE(pw.fn.SUM(PointsEntry.delta), 0))
        .where((PointsEntry.order == order.id) & (PointsEntry.customer == owner))
        .scalar()
    )
    if not now_counting:
        delta, note = -earned, NOTE_REVERSED
    elif not was_counting or order.amount_fen != old_amount_fen:
        rule = points_rule()
        if not rule.enabled:
            return 0
        delta = rule.points_for(order.amount_fen) - earned
        note = NOTE_EARNED if not was_counting else NOTE_CHANGED
    else:
        return 0
    if delta:
        PointsEntry.create(customer=owner, order=order.id, delta=delta, note=note, at=utcnow())
    return delta


def refresh_balances(customer_ids: Sequence[int]) -> None:
    """``customer.points`` = the sum of the ledger, for ``customer_ids`` (in a transaction)."""
    if not customer_ids:
        return
    marks = ", ".join("?" * len(customer_ids))
    DB.obj.execute_sql(
        f'UPDATE "customer" SET "points" = (SELECT coalesce(sum("delta"), 0) FROM "points_entry" '
        f'WHERE "customer_id" = "customer"."id") WHERE "id" IN ({marks})',
        list(customer_ids),
    )


def _clean_note(note: str) -> str:
    text = (note or "").strip()
    if not text:
        raise ValidationError("Redeeming points needs a note (what they were exchanged for).")
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(f"A points note has at most {MAX_NOTE_LENGTH} characters.")
    return text


def _check_amount(points: int) -> None:
    if isinstance(points, bool) or not isinstance(points, int) or not 0 < points <= MAX_REDEEM:
        raise ValidationError(f"Points must be a whole number from 1 to {MAX_REDEEM}.")


def redeem(customer_id: int, points: int, note: str) -> PointsEntry:
    """Take ``points`` off the balance (a gift, a discount…); the note says what for."""
    from sellerdesk.store.customers import audit, get_customer

    _check_amount(points)
    text = _clean_note(note)
    with DB.atomic():
        customer = get_customer(customer_id)
        balance = _balance(customer.id)
        if points > balance:
            raise ValidationError(f"Customer {customer.id} has {balance} points; cannot redeem {points}.")
        entry = PointsEntry.create(customer=customer.id, order=None, delta=-points, note=text, at=utcnow())
        refresh_balances([customer.id])
        audit("points_redeem", "customer", customer.id, points=points, entry=entry.id)
    return entry


def award(customer_id: int, points: int, note: str) -> PointsEntry:
    """Give ``points`` by hand (a birthday gift, a correction); the note says why."""
    from sellerdesk.store.customers import audit, get_customer

    _check_amount(points)
    text = _clean_note(note)
    with DB.atomic():
        customer = get_customer(customer_id)
        entry = PointsEntry.create(customer=customer.id, order=None, delta=points, note=text, at=utcnow())
        refresh_balances([customer.id])
        audit("points_award", "customer", customer.id, points=points, entry=entry.id)
    return entry


def _balance(customer_id: int) -> int:
    return (
        PointsEntry.select(pw.fn.COALESCE(pw.fn.SUM(PointsEntry.delta), 0))
        .where(PointsEntry.customer == customer_id)
        .scalar()
    )


def history(customer_id: int) -> list[PointsEntry]:
    """The ledger of one customer, newest first."""
    return list(
        PointsEntry.select()
        .where(PointsEntry.customer == customer_id)
        .order_by(PointsEntry.at.desc(), PointsEntry.id.desc())
    )


def balance(customer_id: int) -> int:
    value = Customer.select(Customer.points).where(Customer.id == customer_id).scalar()
    return int(value or 0)


__all__ = [
    "award",
    "balance",
    "history",
    "points_rule",
    "redeem",
    "refresh_balances",
    "save_points_rule",
    "sync_order",
]
