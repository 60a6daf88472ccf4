"""Orders: every write, and the reads the order views, the customer pane and the CLI use.

Each write function is one transaction that also

* brings the customer's maintained columns up to date (``order_count``,
  ``total_spent_fen``, ``first_order_at``, ``last_order_at``: one SQL aggregate over that
  customer's orders, so they are right whatever happened before),
* recomputes the customer's tier (unless set by hand; ``store.tiers``),
* keeps the points ledger and balance in line (when points are on; ``store.points``),
* writes an :class:`AuditEntry` with ids only.

An order's ship-to is a snapshot of an address taken when the order is written (or given
as fields); editing or deleting the customer's address later never changes it. Orders are
soft-deleted (:func:`delete_orders`) and come back with :func:`restore_orders`. Statuses
move as :mod:`sellerdesk.core.orders` allows. ``version`` counts writes: pass
``expected_version`` to :func:`update_order` and a concurrent edit is refused, not overwritten.

Reads follow the customer table's pattern: :func:`order_ids` gives the ordered ids of a view
(one indexed query), :func:`rows_for_ids` the few rows on screen, :func:`list_orders` both.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sellerdesk.core import clock
from sellerdesk.core import orders as core
from sellerdesk.core.fields import ADDRESS_FIELDS
from sellerdesk.core.money import MAX_FEN
from sellerdesk.core.orders import COUNTING, OrderError, OrderLine
from sellerdesk.core.tiers import window_start
from sellerdesk.store import points as store_points
from sellerdesk.store import search as customer_search
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.customers import address_values, audit, clean_address_fields, get_customer
from sellerdesk.store.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.store.models import DB, Address, Customer, Order, OrderItem, utcnow
from sellerdesk.store.postgres import is_postgres

MAX_ORDER_NO = 64
MAX_COURIER = 40
MAX_TRACKING = 60
MAX_NOTES = 2000
MAX_ITEMS_TEXT = 4000
EARLIEST_DATE = _dt.date(2000, 1, 1)
# Fields of a ship-to the CLI and JSON show (the snapshot keeps every address field).
SHIP_TO_FIELDS = ("recipient", "phone", "province", "city", "district", "detail")
_COUNTING_SQL = ", ".join(f"'{s}'" for s in sorted(COUNTING))

# What update_order accepts.
ORDER_FIELDS = frozenset(
    (
        "customer_id",
        "order_date",
        "amount_fen",
        "items",
        "order_no",
        "notes",
        "status",
        "courier",
        "tracking_no",
        "shipped_on",
        "address_id",
        "ship_to",
    )
)


# --- checking values ------------------------------------------------------------------------------------------------


def _today(today: _dt.date | None) -> _dt.date:
    return today or clock.today()


def _check_amount(amount_fen: object) -> int:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise ValidationError("Order amounts are whole 分 (integers).")
    if amount_fen < 0:
        raise ValidationError("An order amount cannot be negative.")
    if amount_fen > MAX_FEN:
        raise ValidationError("The order amount is too large.")
    return amount_fen


def _check_date(value: object, what: str, today: _dt.date) -> _dt.date:
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise ValidationError(f"The {what} must be a date.")
    if value < EARLIEST_DATE:
        raise ValidationError(f"The {what} {value.isoformat()} is too early.")
    if value > today + _dt.timedelta(days=1):
        raise ValidationError(f"The {what} {value.isoformat()} is in the future.")
    return value


def _check_text(value: object, what: str, limit: int) -> str:
    text = "" if value is None else value
    if not isinstance(text, str):
        raise ValidationError(f"The {what} must be text.")
    text = text.strip()
    if len(text) > limit:
        raise ValidationError(f"The {what} has at most {limit} characters.")
    return text


def _check_status(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("An order status must be text.")
    try:
        return core.status_of(value)
    except OrderError as exc:
        raise ValidationError(str(exc)) from exc


def _items(value: str | Sequence[OrderLine]) -> tuple[str, list[OrderLine]]:
    """(items text as stored, lines) from the seller's text or from lines."""
    try:
        if isinstance(value, str):
            text = _check_text(value, "items text", MAX_ITEMS_TEXT)
            return text, core.parse_items(text)
        lines = list(value)
        if not all(isinstance(line, OrderLine) for line in lines):
            raise ValidationError("Order lines must be OrderLine values.")
        if len(lines) > core.MAX_LINES:
            raise ValidationError(f"An order has at most {core.MAX_LINES} lines.")
        return _check_text(core.format_items(lines), "items text", MAX_ITEMS_TEXT), lines
    except OrderError as exc:
        raise ValidationError(str(exc)) from exc


def _check_order_no(order_no: str, own_id: int | None) -> None:
    if not order_no:
        return
    query = Order.select(Order.id, Order.deleted_at).where(Order.order_no == order_no)
    if own_id is not None:
        query = query.where(Order.id != own_id)
    other = query.first()
    if other is not None:
        where = " (in the deleted orders)" if other.deleted_at is not None else ""
        raise ValidationError(f"Order number {order_no!r} is already used by order {other.id}{where}.")


def _live_customer(customer_id: object) -> Customer:
    if isinstance(customer_id, bool) or not isinstance(customer_id, int):
        raise ValidationError("A customer id is a whole number.")
    customer = get_customer(customer_id)
    if customer.deleted_at is not None:
        raise ValidationError(f"Customer {customer_id} is in the Trash; restore them first.")
    return customer


def _snapshot(
    customer_id: int, address_id: int | None, ship_to: Mapping[str, Any] | None
) -> tuple[dict[str, Any] | None, int | None]:
    """(snapshot, address id) for an order of ``customer_id``: given fields, the given
    address, or the customer's default address (None, None when they have none)."""
    if ship_to is not None:
        if not isinstance(ship_to, Mapping):
            raise ValidationError("A ship-to is a set of address fields.")
        values = clean_address_fields(ship_to)
        snapshot = {f: values.get(f, "") for f in ADDRESS_FIELDS}
        if address_id is not None:
            _address_of(customer_id, address_id)
        return snapshot, address_id
    if address_id is not None:
        address = _address_of(customer_id, address_id)
        return address_values(address), address.id
    address = (
        Address.select()
        .where((Address.customer == customer_id) & Address.deleted_at.is_null())
        .order_by(Address.is_default.desc(), Address.id)
        .first()
    )
    if address is None:
        return None, None
    return address_values(address), address.id


def _address_of(customer_id: int, address_id: object) -> Address:
    if isinstance(address_id, bool) or not isinstance(address_id, int):
        raise ValidationError("An address id is a whole number.")
    address = Address.get_or_none(Address.id == address_id)
    if address is None:
        raise NotFoundError(f"No address with id {address_id}.")
    if address.customer_id != customer_id:
        raise ValidationError(f"Address {address_id} is not an address of customer {customer_id}.")
    if address.deleted_at is not None:
        raise ValidationError(f"Address {address_id} is deleted; restore it or choose another.")
    return address


def _write_lines(order_id: int, lines: Sequence[OrderLine]) -> None:
    OrderItem.delete().where(OrderItem.order == order_id).execute()
    if lines:
        OrderItem.insert_many(
            [
                {
                    "order": order_id,
                    "position": position,
                    "product": line.product,
                    "quantity": line.quantity,
                    "unit_price_fen": line.unit_price_fen,
                }
                for position, line in enumerate(lines)
            ]
        ).execute()


def _counts(order: Order) -> bool:
    return order.deleted_at is None and order.status in COUNTING


# --- keeping the customer in line ------------------------------------------------------------------------------------


def refresh_customers(customer_ids: Iterable[int], today: _dt.date | None = None) -> None:
    """Recompute the maintained columns, tier and points balance of ``customer_ids`` from
    their orders (inside the caller's transaction; every order write calls it)."""
    ids = sorted({int(i) for i in customer_ids})
    if not ids:
        return
    db = DB.obj
    # the dates are midnight of the order date: SQLite's text dates get the time appended, a
    # PostgreSQL date is cast (text is not assigned to a timestamp column there)
    midnight = "CAST({} AS TIMESTAMP)" if is_postgres(db) else "{} || ' 00:00:00'"
    first, last = midnight.format('min(o."order_date")'), midnight.format('max(o."order_date")')
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute_sql(
            'UPDATE "customer" SET ("order_count", "total_spent_fen", "first_order_at", "last_order_at") = '
            f'(SELECT count(*), coalesce(sum(o."amount_fen"), 0), {first}, {last} '
            'FROM "orders" AS o INDEXED BY "orders_customer" '
            'WHERE o."customer_id" = "customer"."id" '
            f'AND o."deleted_at" IS NULL AND o."status" IN ({_COUNTING_SQL})) WHERE "id" IN ({marks})',
            chunk,
        )
        store_tiers.refresh_tiers(db, chunk, _today(today))
        store_points.refresh_balances(chunk)


# --- writes ---------------------------------------------------------------------------------------------------------


def add_order(
    customer_id: int,
    *,
    amount_fen: int,
    order_date: _dt.date | None = None,
    items: str | Sequence[OrderLine] = "",
    order_no: str = "",
    notes: str = "",
    status: str = core.PENDING,
    courier: str = "",
    tracking_no: str = "",
    shipped_on: _dt.date | None = None,
    address_id: int | None = None,
    ship_to: Mapping[str, Any] | None = None,
    today: _dt.date | None = None,
) -> Order:
    """Record an order of a live customer; returns it.

    ``amount_fen`` is what was paid (分). ``items``: the seller's text (``面膜 x2 @39.9,
    护手霜``) or :class:`OrderLine` s. Ship-to: ``ship_to`` fields, else the customer's
    address ``address_id``, else their default address (a snapshot either way). An order
    recorded as shipped or delivered gets ``shipped_on`` (default: the order date).
    """
    day = _today(today)
    amount = _check_amount(amount_fen)
    when = _check_date(order_date if order_date is not None else day, "order date", day)
    state = _check_status(status)
    text, lines = _items(items)
    number = _check_text(order_no, "order number", MAX_ORDER_NO)
    values = {
        "notes": _check_text(notes, "notes", MAX_NOTES),
        "courier": _check_text(courier, "courier", MAX_COURIER),
        "tracking_no": _check_text(tracking_no, "tracking number", MAX_TRACKING),
    }
    shipped = None
    if shipped_on is not None:
        shipped = _check_date(shipped_on, "ship date", day)
    if state in (core.SHIPPED, core.DELIVERED) and shipped is None:
        shipped = when
    if shipped is not None and shipped < when:
        raise ValidationError("An order cannot be shipped before it was ordered.")
    with DB.atomic():
        customer = _live_customer(customer_id)
        _check_order_no(number, None)
        snapshot, source = _snapshot(customer.id, address_id, ship_to)
        now = utcnow()
        order = Order.create(
            customer=customer.id,
            order_date=when,
            amount_fen=amount,
            items=text,
            order_no=number,
            status=state,
            shipped_on=shipped,
            address=source,
            address_snapshot=snapshot,
            created_at=now,
            updated_at=now,
            version=1,
            **values,
        )
        _write_lines(order.id, lines)
        store_points.sync_order(order, was_counting=False, old_amount_fen=0, now_counting=_counts(order))
        refresh_customers([customer.id], day)
        audit("add_order", "order", order.id, customer=customer.id)
    return order


def get_order(order_id: int, *, include_deleted: bool = True, lock: bool = False) -> Order:
    """The order ``order_id``; ``lock`` (inside a transaction that will write it): on a team
    server the row is locked until the transaction ends, so another user's write of it waits and
    is read, never overwritten with this one's stale copy (SQLite's write transaction holds the
    whole file already)."""
    if isinstance(order_id, bool) or not isinstance(order_id, int):
        raise ValidationError("An order id is a whole number.")
    query = Order.select().where(Order.id == order_id)
    if lock and is_postgres(DB):
        query = query.for_update()
    if not include_deleted:
        query = query.where(Order.deleted_at.is_null())
    order = query.first()
    if order is None:
        raise NotFoundError(f"No order with id {order_id}.")
    return order


def update_order(
    order_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    today: _dt.date | None = None,
) -> Order:
    """Change an order: any of :data:`ORDER_FIELDS`; returns it (unchanged when nothing differs).

    A status change must be a move :mod:`core.orders` allows. Marking it shipped sets
    ``shipped_on`` (given, else today) and takes ``courier``/``tracking_no`` if given; moving
    back to pending clears ``shipped_on``. ``address_id`` or ``ship_to`` take a new
    snapshot; ``customer_id`` moves the order to another customer (both are refreshed).
    With ``expected_version``, a version that moved on meanwhile raises :class:`ConflictError`.
    """
    unknown = set(changes) - ORDER_FIELDS
    if unknown:
        raise ValidationError("Unknown order fields: " + ", ".join(sorted(unknown)))
    day = _today(today)
    with DB.atomic():
        order = get_order(order_id, lock=True)
        if order.deleted_at is not None:
            raise ValidationError(f"Order {order.id} is deleted; restore it first.")
        if expected_version is not None and order.version != expected_version:
            raise ConflictError(
                f"Order {order.id} was changed by someone else meanwhile (version {order.version}, "
                f"expected {expected_version}); nothing was written. Reload it and try again."
            )
        was_counting, old_amount, old_customer = _counts(order), order.amount_fen, order.customer_id
        new: dict[str, Any] = {}
        lines: list[OrderLine] | None = None
        if "customer_id" in changes:
            new["customer"] = _live_customer(changes["customer_id"]).id
        customer_id = new.get("customer", order.customer_id)
        if "amount_fen" in changes:
            new["amount_fen"] = _check_amount(changes["amount_fen"])
        if "order_date" in changes:
            new["order_date"] = _check_date(changes["order_date"], "order date", day)
        if "items" in changes:
            new["items"], lines = _items(changes["items"])
        if "order_no" in changes:
            new["order_no"] = _check_text(changes["order_no"], "order number", MAX_ORDER_NO)
            _check_order_no(new["order_no"], order.id)
        for name, what, limit in (
            ("notes", "notes", MAX_NOTES),
            ("courier", "courier", MAX_COURIER),
            ("tracking_no", "tracking number", MAX_TRACKING),
        ):
            if name in changes:
                new[name] = _check_text(changes[name], what, limit)
        if "ship_to" in changes or "address_id" in changes:
            snapshot, source = _snapshot(customer_id, changes.get("address_id"), changes.get("ship_to"))
            new["address_snapshot"], new["address"] = snapshot, source
        elif "customer" in new and new["customer"] != order.customer_id:
            new["address"] = None  # the old customer's address: the snapshot stays, the link goes
        if "shipped_on" in changes and changes["shipped_on"] is not None:
            new["shipped_on"] = _check_date(changes["shipped_on"], "ship date", day)
        elif "shipped_on" in changes:
            new["shipped_on"] = None
        if "status" in changes:
            status = _check_status(changes["status"])
            try:
                core.check_move(order.status, status)
            except OrderError as exc:
                raise ValidationError(f"Order {order.id}: {exc}") from exc
            new["status"] = status
            new.update(_shipping_fields(order, status, new, day))
        effective_date = new.get("order_date", order.order_date)
        effective_shipped = new.get("shipped_on", order.shipped_on)
        if effective_shipped is not None and effective_shipped < effective_date:
            raise ValidationError("An order cannot be shipped before it was ordered.")
        changed = {k: v for k, v in new.items() if _stored(order, k) != v}
        if not changed and lines is None:
            return order
        if lines is not None and "items" not in changed and _lines_of([order.id]).get(order.id, []) == lines:
            lines = None
            if not changed:
                return order
        for name, value in changed.items():
            setattr(order, name, value)
        order.version = order.version + 1
        order.updated_at = utcnow()
        # only what changed (and the version): never another writer's columns from this copy
        order.save(only=[getattr(Order, name) for name in (*changed, "version", "updated_at")])
        if lines is not None:
            _write_lines(order.id, lines)
        counts = _counts(order)
        if old_customer != order.customer_id:
            # what the order earned is taken back from the old customer and earned anew
            store_points.sync_order(
                order,
                was_counting=was_counting,
                old_amount_fen=old_amount,
                now_counting=False,
                customer_id=old_customer,
            )
            store_points.sync_order(order, was_counting=False, old_amount_fen=0, now_counting=counts)
        else:
            store_points.sync_order(order, was_counting=was_counting, old_amount_fen=old_amount, now_counting=counts)
        refresh_customers({old_customer, order.customer_id}, day)
        fields = set(changed) | ({"items"} if lines is not None else set())
        audit("update_order", "order", order.id, fields=sorted(fields))
    return order


def restore_deleted_lines(entry_id: int, *, today: _dt.date | None = None) -> Order:
    """The way back from a deletion of order lines on a team server (schema step 20: the server
    keeps every deleted line in the audit log, ``migrations.ORDER_LINES_ACTION``): the order's
    lines become the ones of audit entry ``entry_id`` again, through :func:`update_order` — its
    items text with them, and the lines it replaces kept in turn."""
    from sellerdesk.store.migrations import ORDER_LINES_ACTION
    from sellerdesk.store.models import AuditEntry

    entry = AuditEntry.get_or_none((AuditEntry.id == entry_id) & (AuditEntry.action == ORDER_LINES_ACTION))
    if entry is None or entry.entity_id is None or not isinstance(entry.detail, dict):
        raise NotFoundError(f"No deleted order lines in audit entry {entry_id}.")
    try:
        lines = [
            OrderLine(str(product), int(quantity), None if price is None else int(price))
            for _position, product, quantity, price in entry.detail.get("lines") or []
        ]
    except (TypeError, ValueError, OrderError) as exc:
        raise ValidationError(f"Audit entry {entry_id} does not hold order lines: {exc}") from exc
    return update_order(entry.entity_id, {"items": lines}, today=today)


def _stored(order: Order, name: str) -> Any:
    if name in ("customer", "address"):
        return getattr(order, f"{name}_id")
    return getattr(order, name)


def _shipping_fields(order: Order, status: str, new: Mapping[str, Any], day: _dt.date) -> dict[str, Any]:
    """What a move to ``status`` sets besides the status: the ship date."""
    if status == order.status:
        return {}
    if status == core.SHIPPED and order.status == core.PENDING:
        return {"shipped_on": new.get("shipped_on") or day}
    if status == core.DELIVERED and order.shipped_on is None and "shipped_on" not in new:
        return {"shipped_on": day}
    if status == core.PENDING and order.status == core.SHIPPED and "shipped_on" not in new:
        return {"shipped_on": None}
    return {}


@dataclass(frozen=True)
class StatusResult:
    """What :func:`set_status` did: the orders it moved, those already there, and those the
    move is not allowed for (id → their status)."""

    changed: tuple[int, ...]
    unchanged: tuple[int, ...]
    refused: Mapping[int, str] = field(default_factory=dict)


def set_status(
    order_ids: Iterable[int],
    status: str,
    *,
    courier: str | None = None,
    tracking_no: str | None = None,
    shipped_on: _dt.date | None = None,
    today: _dt.date | None = None,
) -> StatusResult:
    """Move many orders to ``status`` at once (the orders view's multi-select), one transaction.

    Orders whose status may not move there are left as they are and listed in ``refused``;
    an unknown or deleted id refuses the whole call (:class:`NotFoundError`, nothing written).
    ``courier``/``tracking_no``/``shipped_on`` go to every order that moves.
    """
    day = _today(today)
    wanted = _check_status(status)
    ids = list(dict.fromkeys(int(i) for i in order_ids))
    extra: dict[str, Any] = {}
    if courier is not None:
        extra["courier"] = _check_text(courier, "courier", MAX_COURIER)
    if tracking_no is not None:
        extra["tracking_no"] = _check_text(tracking_no, "tracking number", MAX_TRACKING)
    if shipped_on is not None:
        extra["shipped_on"] = _check_date(shipped_on, "ship date", day)
    changed: list[int] = []
    unchanged: list[int] = []
    refused: dict[int, str] = {}
    with DB.atomic():
        found: dict[int, Order] = {}
        for chunk in _chunks(ids):
            found.update({o.id: o for o in Order.select().where(Order.id.in_(chunk) & Order.deleted_at.is_null())})
        missing = [i for i in ids if i not in found]
        if missing:
            raise _not_found(missing)
        touched: set[int] = set()
        now = utcnow()
        for oid in ids:
            order = found[oid]
            if order.status == wanted:
                unchanged.append(oid)
                continue
            if not core.can_move(order.status, wanted):
                refused[oid] = order.status
                continue
            was_counting = _counts(order)
            values = dict(extra)
            values.update(_shipping_fields(order, wanted, extra, day))
            shipped = values.get("shipped_on", order.shipped_on)
            if shipped is not None and shipped < order.order_date:
                refused[oid] = order.status
                continue
            values["status"] = wanted
            for name, value in values.items():
                setattr(order, name, value)
            order.version += 1
            order.updated_at = now
            order.save()
            store_points.sync_order(
                order, was_counting=was_counting, old_amount_fen=order.amount_fen, now_counting=_counts(order)
            )
            changed.append(oid)
            touched.add(order.customer_id)
        refresh_customers(touched, day)
        if changed:
            audit("order_status", "order", None, status=wanted, count=len(changed), ids=changed[:1000])
    return StatusResult(tuple(changed), tuple(unchanged), refused)


def delete_orders(order_ids: Iterable[int], *, today: _dt.date | None = None) -> list[int]:
    """Move orders to the deleted orders (soft); returns the ids that moved (for undo)."""
    return _set_deleted(order_ids, deleted=True, today=today)


def restore_orders(order_ids: Iterable[int], *, today: _dt.date | None = None) -> list[int]:
    """Bring deleted orders back; returns the ids that came back."""
    return _set_deleted(order_ids, deleted=False, today=today)


def _set_deleted(order_ids: Iterable[int], *, deleted: bool, today: _dt.date | None) -> list[int]:
    ids = list(dict.fromkeys(int(i) for i in order_ids))
    moved: list[int] = []
    touched: set[int] = set()
    with DB.atomic():
        now = utcnow()
        for chunk in _chunks(ids):
            orders = list(Order.select().where(Order.id.in_(chunk) & Order.deleted_at.is_null(deleted)))
            for order in orders:
                if deleted:
                    customer_live = True
                else:
                    customer_live = (
                        Customer.select(Customer.deleted_at).where(Customer.id == order.customer_id).scalar() is None
                    )
                    if not customer_live:
                        raise ValidationError(
                            f"Order {order.id} belongs to customer {order.customer_id}, who is in the Trash; "
                            "restore the customer first."
                        )
                was_counting = _counts(order)
                order.deleted_at = now if deleted else None
                order.version += 1
                order.updated_at = now
                order.save()
                store_points.sync_order(
                    order, was_counting=was_counting, old_amount_fen=order.amount_fen, now_counting=_counts(order)
                )
                moved.append(order.id)
                touched.add(order.customer_id)
        refresh_customers(touched, today)
        if moved:
            audit("delete_order" if deleted else "restore_order", "order", None, count=len(moved), ids=moved[:1000])
    return moved


def _chunks(items: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- reads ----------------------------------------------------------------------------------------------------------


def order_lines(order_id: int) -> list[OrderLine]:
    return _lines_of([order_id]).get(order_id, [])


def _lines_of(order_ids: Sequence[int]) -> dict[int, list[OrderLine]]:
    out: dict[int, list[OrderLine]] = {}
    for chunk in _chunks(list(order_ids)):
        query = (
            OrderItem.select(OrderItem.order, OrderItem.product, OrderItem.quantity, OrderItem.unit_price_fen)
            .where(OrderItem.order.in_(list(chunk)))
            .order_by(OrderItem.order, OrderItem.position)
            .tuples()
        )
        rows = cast(Iterable[tuple[int, str, int, int | None]], query)  # (peewee's stubs: .tuples() is the query)
        for oid, product, quantity, price in rows:
            out.setdefault(oid, []).append(OrderLine(product, quantity, price))
    return out


lines_of = _lines_of


@dataclass(frozen=True)
class OrderFilter:
    """What an order view shows. Empty sequences and None mean 'no restriction'."""

    customer_id: int | None = None
    statuses: Sequence[str] = ()
    since: _dt.date | None = None  # order date on or after
    until: _dt.date | None = None  # order date on or before
    provinces: Sequence[str] = ()  # of the ship-to snapshot
    couriers: Sequence[str] = ()
    search: str = ""  # every term: in the order or tracking number, a product, or the customer (see _search_ids)
    deleted: bool = False  # the deleted orders instead of the live ones
    ids: Sequence[int] | None = None
    remote: bool = False  # shipping to a 偏远地区 (store.remote_areas)


# The orders view's sort orders, each read from an index alone (the rows are wide: an address
# snapshot and the items text): (index, columns). The id breaks ties; descending is the exact
# reverse. INDEXED BY: without statistics SQLite takes (deleted_at, …) indexes for selective
# and would read 300k rows to check a column another index holds.
_SORTS: Mapping[str, tuple[str, str]] = {
    "date": ("orders_live_date", '"order_date", "id"'),
    "amount": ("orders_live_amount", '"amount_fen", "id"'),
    "status": ("orders_live_status", '"status", "order_date", "id"'),
    "courier": ("orders_live_courier", '"courier", "order_date", "id"'),
    "customer": ("orders_customer", '"customer_id", "order_date", "id"'),
    "id": ("orders_live_date", '"id"'),
}
ORDER_SORTS: tuple[str, ...] = tuple(_SORTS)


def _state(deleted: bool) -> str:
    return '"deleted_at" IS ' + ("NOT NULL" if deleted else "NULL")


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def ordered_order_ids(sort: str = "date", descending: bool = False, deleted: bool = False) -> list[int]:
    """Every live (or deleted) order id in the order of ``sort``: the list a view filters
    (:func:`order_ids`). One index-only query: 300k ids in ~0.1 s; a view keeps it until the data changes."""
    from sellerdesk.store.queries import id_list

    index, keys = _SORTS[sort]
    ids = id_list(f'SELECT "id" FROM "orders" INDEXED BY "{index}" WHERE {_state(deleted)} ORDER BY {keys}')
    if descending:
        ids.reverse()
    return ids


def _ids(sql: str, params: Sequence[Any] = ()) -> set[int]:
    from sellerdesk.store.queries import id_list

    return set(id_list(sql, params))


def _escape_like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_ids(term: str, deleted: bool) -> set[int]:
    """Orders matching one search term: its order or tracking number, a product of its lines,
    or its customer (name, phone, WeChat ID, pinyin, any of their addresses: the customer
    search index). Each part is an index-only query."""
    like = _escape_like(term)
    found = _ids(
        f'SELECT "id" FROM "orders" INDEXED BY "orders_numbers" WHERE {_state(deleted)} '
        "AND (\"order_no\" LIKE ? ESCAPE '\\' OR \"tracking_no\" LIKE ? ESCAPE '\\')",
        (like, like),
    )
    found |= _ids(
        'SELECT "order_id" FROM "order_item" INDEXED BY "order_item_product" WHERE "product" LIKE ? ESCAPE \'\\\'',
        (like,),
    )
    customers = customer_search.matching_ids(term)
    if customers:
        if is_postgres(DB):  # no json_each of an array there: the ids as one array parameter
            found |= _ids('SELECT "id" FROM "orders" WHERE "customer_id" = ANY(?)', (sorted(customers),))
        else:
            found |= _ids(
                'SELECT "id" FROM "orders" INDEXED BY "orders_customer" '
                'WHERE "customer_id" IN (SELECT value FROM json_each(?))',
                (json.dumps(sorted(customers)),),
            )
    return found


def allowed_order_ids(flt: OrderFilter, *, ignore_statuses: bool = False) -> set[int] | None:
    """The ids ``flt`` lets through apart from its deleted state and sort (None: no
    restriction), each condition one index-only query, intersected smallest first. The ids
    may include orders of the other state: callers intersect with :func:`ordered_order_ids`."""
    state = _state(flt.deleted)
    sets: list[set[int]] = []
    if flt.ids is not None:
        sets.append({int(i) for i in flt.ids})
    if flt.customer_id is not None:
        sets.append(
            _ids(
                f'SELECT "id" FROM "orders" INDEXED BY "orders_customer" WHERE "customer_id" = ? AND {state}',
                (int(flt.customer_id),),
            )
        )
    if flt.statuses and not ignore_statuses:
        statuses = list(flt.statuses)
        sets.append(
            _ids(
                f'SELECT "id" FROM "orders" INDEXED BY "orders_live_status" WHERE {state} '
                f'AND "status" IN ({_marks(statuses)})',
                statuses,
            )
        )
    if flt.since is not None or flt.until is not None:
        sql = f'SELECT "id" FROM "orders" INDEXED BY "orders_live_date" WHERE {state}'
        params: list[Any] = []
        if flt.since is not None:
            sql += ' AND "order_date" >= ?'
            params.append(flt.since.isoformat())
        if flt.until is not None:
            sql += ' AND "order_date" <= ?'
            params.append(flt.until.isoformat())
        sets.append(_ids(sql, params))
    if flt.couriers:
        names = list(flt.couriers)
        sets.append(
            _ids(
                f'SELECT "id" FROM "orders" INDEXED BY "orders_live_courier" WHERE {state} '
                f'AND "courier" IN ({_marks(names)})',
                names,
            )
        )
    if flt.provinces:
        names = list(flt.provinces)
        sets.append(
            _ids(
                f'SELECT "id" FROM "orders" INDEXED BY "orders_live_province" WHERE {state} '
                f"AND {SHIP_PROVINCE_SQL} IN ({_marks(names)})",
                names,
            )
        )
    if flt.remote:
        from sellerdesk.store import remote_areas

        sets.append(remote_areas.order_ids(flt.deleted))
    for term in dict.fromkeys(flt.search.split()):
        sets.append(_search_ids(term, flt.deleted))
    if not sets:
        return None
    sets.sort(key=len)
    out = set(sets[0])
    for other in sets[1:]:
        out &= other
    return out


# The ship-to province, as the expression index of schema step 8 holds it (the same text, so
# SQLite matches the index).
SHIP_PROVINCE_SQL = "json_extract(\"address_snapshot\", '$.province')"


def order_ids(flt: OrderFilter = OrderFilter(), sort: str = "date", descending: bool = False) -> list[int]:
    """Ids of the orders in ``flt``, in display order (integers only: cheap at 300k).

    The sort order (:func:`ordered_order_ids`) filtered by the ids the filter allows
    (:func:`allowed_order_ids`), as the customer table does; one customer's orders by date
    come straight from their index.
    """
    from sellerdesk.store.queries import apply_allowed, id_list

    if sort not in _SORTS:
        raise ValueError(f"unknown order sort {sort!r}; one of: {', '.join(_SORTS)}")
    if flt.customer_id is not None and sort in ("date", "id"):
        keys = _SORTS[sort][1]
        ids = id_list(
            f'SELECT "id" FROM "orders" INDEXED BY "orders_customer" WHERE "customer_id" = ? '
            f"AND {_state(flt.deleted)} ORDER BY {keys}",
            (int(flt.customer_id),),
        )
        rest = allowed_order_ids(replace(flt, customer_id=None))
        ids = ids if rest is None else [i for i in ids if i in rest]
        return ids[::-1] if descending else ids
    return apply_allowed(ordered_order_ids(sort, descending, flt.deleted), allowed_order_ids(flt))


def count_orders(flt: OrderFilter = OrderFilter()) -> int:
    if flt == OrderFilter(deleted=flt.deleted):
        row = DB.obj.execute_sql(
            f'SELECT count(*) FROM "orders" INDEXED BY "orders_live_date" WHERE {_state(flt.deleted)}'
        ).fetchone()
        return int(row[0])
    return len(order_ids(flt, "id"))


def status_counts(flt: OrderFilter = OrderFilter()) -> dict[str, int]:
    """Orders per status in ``flt`` (ignoring its status restriction): the view's 待发货 (n)."""
    rows = DB.obj.execute_sql(
        f'SELECT "status", json_group_array("id") FROM "orders" INDEXED BY "orders_live_status" '
        f'WHERE {_state(flt.deleted)} GROUP BY "status"'
    ).fetchall()
    allowed = allowed_order_ids(flt, ignore_statuses=True)
    out: dict[str, int] = {}
    for status, ids in rows:
        found = json.loads(ids)
        n = len(found) if allowed is None else sum(1 for i in found if i in allowed)
        if n:
            out[status] = n
    return out


def couriers() -> list[str]:
    """Couriers used on live orders, for a filter list."""
    rows = DB.obj.execute_sql(
        'SELECT DISTINCT "courier" FROM "orders" WHERE "deleted_at" IS NULL AND "courier" <> \'\' ORDER BY "courier"'
    )
    return [r[0] for r in rows.fetchall()]


@dataclass(frozen=True)
class OrderRow:
    """One order as the views and the CLI show it."""

    id: int
    customer_id: int
    customer_name: str
    order_no: str
    order_date: _dt.date
    amount_fen: int
    status: str
    items: str
    courier: str
    tracking_no: str
    shipped_on: _dt.date | None
    notes: str
    ship_to: Mapping[str, str] | None
    version: int
    created_at: _dt.datetime
    updated_at: _dt.datetime
    deleted_at: _dt.datetime | None

    @property
    def status_name(self) -> str:
        return core.STATUS_NAMES.get(self.status, self.status)

    @property
    def counts(self) -> bool:
        return self.deleted_at is None and self.status in COUNTING


_ROWS_SQL = (
    'SELECT o."id", o."customer_id", c."name", o."order_no", o."order_date", o."amount_fen", o."status", o."items", '
    'o."courier", o."tracking_no", o."shipped_on", o."notes", o."address_snapshot", o."version", o."created_at", '
    'o."updated_at", o."deleted_at" FROM "orders" AS o JOIN "customer" AS c ON c."id" = o."customer_id" '
    'WHERE o."id" IN ({marks})'
)


def rows_for_ids(ids: Sequence[int]) -> dict[int, OrderRow]:
    """The rows for ``ids`` (any order; callers index by id)."""
    out: dict[int, OrderRow] = {}
    date_of: Callable[[object], _dt.date] = Order.order_date.python_value
    stamp_of: Callable[[object], _dt.datetime] = Order.updated_at.python_value
    for chunk in _chunks(list(ids), 900):
        rows = DB.obj.execute_sql(_ROWS_SQL.format(marks=", ".join("?" * len(chunk))), list(chunk)).fetchall()
        for r in rows:
            out[r[0]] = OrderRow(
                id=r[0],
                customer_id=r[1],
                customer_name=r[2],
                order_no=r[3],
                order_date=date_of(r[4]),
                amount_fen=r[5],
                status=r[6],
                items=r[7],
                courier=r[8],
                tracking_no=r[9],
                shipped_on=date_of(r[10]) if r[10] else None,
                notes=r[11],
                ship_to=json.loads(r[12]) if r[12] else None,
                version=r[13],
                created_at=stamp_of(r[14]),
                updated_at=stamp_of(r[15]),
                deleted_at=stamp_of(r[16]) if r[16] else None,
            )
    return out


def list_orders(
    flt: OrderFilter = OrderFilter(),
    sort: str = "date",
    descending: bool = False,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[OrderRow]:
    """The rows of a view, in order (``limit``/``offset`` for a page)."""
    ids = order_ids(flt, sort, descending)
    page = ids[offset : offset + limit] if limit is not None else ids[offset:]
    rows = rows_for_ids(page)
    return [rows[i] for i in page if i in rows]


def order_to_dict(row: OrderRow) -> dict[str, Any]:
    """The JSON form of the CLI contract (``orders --json``, ``show --json``'s orders)."""
    from sellerdesk.core.money import format_plain

    ship_to = row.ship_to or {}
    return {
        "id": row.id,
        "customer_id": row.customer_id,
        "order_no": row.order_no,
        "date": row.order_date.isoformat(),
        "amount": format_plain(row.amount_fen),
        "status": row.status,
        "items": row.items,
        "courier": row.courier,
        "tracking": row.tracking_no,
        "ship_to": {f: str(ship_to.get(f, "") or "") for f in SHIP_TO_FIELDS},
    }


@dataclass(frozen=True)
class ProductTotal:
    """A product a customer bought: how many pieces, in how many orders, when last."""

    product: str
    quantity: int
    orders: int
    last_date: _dt.date


@dataclass(frozen=True)
class CustomerSummary:
    """A customer's purchase history in numbers (orders that count: not cancelled, refunded
    or deleted). ``window_*`` is the last 12 months the tier is computed from."""

    customer_id: int
    order_count: int
    total_spent_fen: int
    average_fen: int | None
    first_order: _dt.date | None
    last_order: _dt.date | None
    window_count: int
    window_spent_fen: int
    tier: str
    tier_name: str
    tier_manual: bool
    computed_tier: str
    points: int
    status_counts: Mapping[str, int]
    top_products: tuple[ProductTotal, ...]
    last_edit: _dt.datetime | None = (
        None  # UTC: the customer's record last changed (last contact beside the last order)
    )

    @property
    def days_between_orders(self) -> int | None:
        """How often they buy: the mean days from one order to the next, at least 1 (None below
        two orders, or when every order is of one day: nothing says how often yet)."""
        if self.order_count < 2 or self.first_order is None or self.last_order is None:
            return None
        span = (self.last_order - self.first_order).days
        return max(1, round(span / (self.order_count - 1))) if span > 0 else None


def customer_summary(customer_id: int, *, top: int = 5, today: _dt.date | None = None) -> CustomerSummary:
    """Count, total, average, first/last date, the 12-month window, tier, points and the
    products bought most (by pieces), from a few indexed aggregates over one customer."""
    day = _today(today)
    customer = get_customer(customer_id)
    db = DB.obj
    counting = f'o."deleted_at" IS NULL AND o."status" IN ({_COUNTING_SQL})'
    count, total, first, last = db.execute_sql(
        f'SELECT count(*), coalesce(sum(o."amount_fen"), 0), min(o."order_date"), max(o."order_date") '
        f'FROM "orders" AS o INDEXED BY "orders_customer" WHERE o."customer_id" = ? AND {counting}',
        (customer.id,),
    ).fetchone()
    window_count, window_spent = db.execute_sql(
        f'SELECT count(*), coalesce(sum(o."amount_fen"), 0) FROM "orders" AS o INDEXED BY "orders_customer" '
        f'WHERE o."customer_id" = ? AND o."order_date" >= ? AND {counting}',
        (customer.id, window_start(day).isoformat()),
    ).fetchone()
    statuses = dict(
        db.execute_sql(
            'SELECT "status", count(*) FROM "orders" INDEXED BY "orders_customer" '
            'WHERE "customer_id" = ? AND "deleted_at" IS NULL '
            'GROUP BY "status"',
            (customer.id,),
        ).fetchall()
    )
    products = db.execute_sql(
        f'SELECT i."product", sum(i."quantity") AS q, count(DISTINCT i."order_id"), max(o."order_date") '
        f'FROM "orders" AS o INDEXED BY "orders_customer" JOIN "order_item" AS i ON i."order_id" = o."id" '
        f'WHERE o."customer_id" = ? AND {counting} GROUP BY i."product" ORDER BY q DESC, 3 DESC, 4 DESC, 1 LIMIT ?',
        (customer.id, max(0, top)),
    ).fetchall()
    rules = store_tiers.tier_rules()
    info = store_tiers.tier_info(customer, rules)
    date_of: Callable[[object], _dt.date] = Order.order_date.python_value
    return CustomerSummary(
        customer_id=customer.id,
        order_count=count,
        total_spent_fen=total,
        average_fen=(2 * total + count) // (2 * count) if count else None,
        first_order=date_of(first) if first else None,
        last_order=date_of(last) if last else None,
        window_count=window_count,
        window_spent_fen=window_spent,
        tier=info.value,
        tier_name=info.name,
        tier_manual=info.manual,
        computed_tier=rules.tier_for(window_spent, window_count),
        points=int(customer.points or 0),
        status_counts=statuses,
        top_products=tuple(ProductTotal(p, q, n, date_of(d)) for p, q, n, d in products),
        last_edit=customer.updated_at,
    )


__all__ = [
    "ORDER_FIELDS",
    "ORDER_SORTS",
    "SHIP_PROVINCE_SQL",
    "allowed_order_ids",
    "ordered_order_ids",
    "CustomerSummary",
    "OrderFilter",
    "OrderRow",
    "ProductTotal",
    "StatusResult",
    "add_order",
    "count_orders",
    "couriers",
    "customer_summary",
    "delete_orders",
    "get_order",
    "lines_of",
    "list_orders",
    "NotShippedError",
    "check_shippable",
    "order_ids",
    "order_lines",
    "order_to_dict",
    "refresh_customers",
    "restore_orders",
    "rows_for_ids",
    "set_status",
    "status_counts",
    "update_order",
]


def _not_found(missing: Sequence[int]) -> NotFoundError:
    more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
    return NotFoundError(f"No order with id {missing[0]}{more}.")


class NotShippedError(ValidationError):
    """Orders asked for by number (a waybill export, labels) that are cancelled or refunded:
    ``refused`` maps each one's id to its status, in the order asked."""

    def __init__(self, refused: Mapping[int, str]) -> None:
        self.refused = dict(refused)
        listed = ", ".join(f"{order_id} ({status})" for order_id, status in self.refused.items())
        super().__init__(f"Cancelled or refunded orders are not shipped: {listed}.", code="not_shipped")


def check_shippable(ids: Iterable[int]) -> None:
    """Every one of ``ids`` names a live order (:func:`check_live`) that may be shipped: a
    cancelled or refunded one gets no waybill and no label (:class:`NotShippedError`)."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    check_live(wanted)
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        query = Order.select(Order.id, Order.status).where(
            Order.id.in_(chunk) & Order.status.in_(sorted(core.NOT_SHIPPED))
        )
        found.update((row.id, row.status) for row in query)
    if found:
        raise NotShippedError({i: found[i] for i in wanted if i in found})


def check_live(ids: Iterable[int]) -> None:
    """Every one of ``ids`` (asked for by number: ``export --orders 3,99``) names a live order;
    else :class:`NotFoundError` naming the first that does not (a typo is not left out quietly)."""
    from sellerdesk.store.queries import missing_ids

    missing = missing_ids("order", ids)
    if missing:
        raise _not_found(missing)
