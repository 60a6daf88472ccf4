"""Orders in an import: each row's order cells read (:func:`prepare_order`), the rows grouped
into orders and told apart from the orders already stored (:class:`OrderPlanner`), and the
orders made ready for the store (:func:`order_values`).

A file holds orders when its mapping has an order column (``headers.has_orders``). Each
row is then one order, or one line of an order: rows sharing a 订单号 are the lines of one
order, in file order. The order's amount is the order-level 实付 when a row has it (a
line-per-row export repeats it on every line: the first one is taken), else the sum of its
lines (line amount, else quantity x unit price). Its customer is the customer its first
row is planned into, exactly as a customer-only import plans it; the following lines of an
order leave the customer part to the first row.

Never twice: an order whose 订单号 is stored already (live or deleted) is not added again,
and its rows change no customer. An order without a 订单号 is the same order as a stored
one of the same customer with the same date, amount and items, or as an earlier row of
the file with the same customer, date, amount and items; such rows are counted as already
there.

A problem with an order (an unreadable amount or date, an unknown status …) drops that
order, every line of it, with the row and column in the report; it never drops the
customer of the row.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sellerdesk.core import orders as core
from sellerdesk.core.fields import ADDRESS_FIELDS
from sellerdesk.core.money import MoneyError, parse_fen
from sellerdesk.core.orders import OrderError, OrderLine
from sellerdesk.exchange.importer.record import Existing, InFile, Match, OrderPart, Record
from sellerdesk.store.bulk_import import stored_order_keys, stored_order_numbers
from sellerdesk.store.orders import EARLIEST_DATE, MAX_COURIER, MAX_ITEMS_TEXT, MAX_NOTES, MAX_ORDER_NO, MAX_TRACKING

# the longest cell each order column may give; longer identifiers are refused, not cut
ORDER_LIMITS: dict[str, int] = {
    "order_no": MAX_ORDER_NO,
    "order_date": 100,
    "amount": 100,
    "product": MAX_ITEMS_TEXT,
    "quantity": 100,
    "unit_price": 100,
    "line_amount": 100,
    "status": 100,
    "courier": MAX_COURIER,
    "tracking_no": MAX_TRACKING,
    "shipped_on": 100,
    "order_notes": MAX_NOTES,
}
ORDER_IDENTIFIERS = frozenset(("order_no", "courier", "tracking_no"))


def is_masked(text: str) -> bool:
    """A value a shop masked for privacy: ``138****1234``, ``张**``, ``*明``."""
    return "*" in text or "＊" in text


@lru_cache(maxsize=65536)
def _fen(text: str) -> int:
    return parse_fen(text)  # (amounts repeat across a sheet: cached; a refusal is not)


def _money(rec: Record, raw: Mapping[str, str], key: str, headers: Mapping[str, str]) -> int | None:
    text = raw.get(key, "").strip()
    if not text:
        return None
    try:
        return _fen(text)
    except MoneyError:
        rec.add_order_issue("bad_amount", headers.get(key, key))
        return None


def _date(
    rec: Record, raw: Mapping[str, str], key: str, headers: Mapping[str, str], today: _dt.date
) -> _dt.date | None:
    text = raw.get(key, "").strip()
    if not text:
        return None
    try:
        day = core.date_of(text)
    except OrderError:
        rec.add_order_issue("bad_order_date", headers.get(key, key))
        return None
    if day < EARLIEST_DATE or day > today + _dt.timedelta(days=1):
        rec.add_order_issue("date_out_of_range", headers.get(key, key))
        return None
    return day


def prepare_order(
    rec: Record, raw: Mapping[str, str], headers: Mapping[str, str], mapped: frozenset[str], today: _dt.date
) -> None:
    """Read the order cells of one row (``raw``: field → cell text, ``headers``: field →
    column header) into ``rec.order``; problems become order issues naming the column."""
    part = OrderPart()
    rec.order = part
    part.order_no = raw.get("order_no", "").strip()
    # ids exported as numbers come back as text without ".0" (cell_text); an apostrophe-led id stays text
    part.order_date = _date(rec, raw, "order_date", headers, today)  # (a missing one: see OrderPlanner.finish)
    part.amount_fen = _money(rec, raw, "amount", headers)
    unit = _money(rec, raw, "unit_price", headers)
    line_total = _money(rec, raw, "line_amount", headers)
    quantity = 1
    text = raw.get("quantity", "").strip()
    if text:
        try:
            number = float(text.replace(",", ""))  # (a count, never money: 2.0 from a number cell)
            if number != int(number):
                raise ValueError(text)
            quantity = int(number)
            if not 1 <= quantity <= core.MAX_QUANTITY:
                raise ValueError(text)
        except ValueError:
            rec.add_order_issue("bad_quantity", headers.get("quantity", "quantity"))
    product = raw.get("product", "").strip()
    if product:
        try:
            if len(product) > core.MAX_PRODUCT_LENGTH:
                product = product[: core.MAX_PRODUCT_LENGTH].rstrip()
            part.line = OrderLine(product, quantity, unit)
        except OrderError:
            rec.add_order_issue("bad_product", headers.get("product", "product"))
    if line_total is not None:
        part.line_fen = line_total
    elif unit is not None:
        part.line_fen = unit * quantity
    status = raw.get("status", "").strip()
    if status:
        key = core.shop_status(status)
        if key is None:
            rec.add_order_issue(
                "unpaid_order" if core.is_unpaid(status) else "unknown_status", headers.get("status", "status")
            )
        else:
            part.status = key
    part.courier = raw.get("courier", "").strip()
    part.tracking_no = raw.get("tracking_no", "").strip()
    part.shipped_on = _date(rec, raw, "shipped_on", headers, today)
    part.notes = raw.get("order_notes", "").strip()


@dataclass
class PlannedOrder:
    """One order the import adds: its rows (positions in the plan), customer and values."""

    head: int  # the position of its first row
    owner: Match | None
    part: OrderPart  # the first row's
    rows: list[int] = field(default_factory=list)
    lines: list[OrderLine] = field(default_factory=list)
    lines_fen: int | None = 0  # the sum of the lines' amounts; None once a line has none
    amount_fen: int | None = None  # the order-level amount, from the first row that has one
    rejected: bool = False

    def amount(self) -> int | None:
        return self.amount_fen if self.amount_fen is not None else self.lines_fen

    def items_text(self) -> str:
        text = core.format_items(self.lines) if self.lines else ""
        return text[:MAX_ITEMS_TEXT]


# what happens to a row's order (the wizard's preview shows it)
NEW, LINE, EXISTING, PROBLEM = "new", "line", "existing", "problem"

# the order issues planning adds (made again when a plan is made again)
PLANNED_ISSUES = frozenset(("no_customer", "order_line_problem", "no_order_date", "no_amount", "too_many_lines"))


def _owner_key(owner: Match | None) -> tuple[str, int] | None:
    if isinstance(owner, Existing):
        return ("db", owner.customer_id)
    if isinstance(owner, InFile):
        return ("file", owner.index)
    return None


class OrderPlanner:
    """Groups order rows into orders and tells new ones from those already there.

    Fed by :class:`~sellerdesk.exchange.importer.plan.Planner` as rows are planned; needs
    the store bound (the stored order numbers are read at the first order row).
    """

    def __init__(self) -> None:
        self.orders: list[PlannedOrder] = []
        self.by_no: dict[str, PlannedOrder] = {}
        self.stored: set[str] | None = None
        self.stored_keys: set[tuple[int, str, int, str]] | None = None
        self.file_keys: set[tuple[tuple[str, int], str, int, str]] = set()
        self.existing_numbers: set[str] = set()
        self.repeated = 0  # orders without 订单号 already stored or repeated in the file
        self.records: list[Record] = []
        # what happens to each order row's order (plan position → one of ROW_STATES), for the preview
        self.row_state: dict[int, str] = {}

    @staticmethod
    def reset(rec: Record) -> None:
        """Forget what an earlier plan found about the row's order."""
        if rec.issues and any(code in PLANNED_ISSUES for code in rec.issues):
            rec.issues = [c for c in rec.issues if c not in PLANNED_ISSUES]

    def existing_number(self, rec: Record) -> bool:
        """Whether the row's 订单号 is stored already (its rows then change nothing)."""
        part = rec.order
        if part is None or not part.order_no:
            return False
        if self.stored is None:
            self.stored = stored_order_numbers()
        if part.order_no in self.stored:
            self.existing_numbers.add(part.order_no)
            return True
        return False

    def follows(self, rec: Record) -> bool:
        """Whether the row is a further line of an order the file started earlier."""
        part = rec.order
        return part is not None and bool(part.order_no) and part.order_no in self.by_no

    def add(self, index: int, rec: Record, records: list[Record]) -> None:
        """A planned row with an order (after its customer part is planned)."""
        part = rec.order
        assert part is not None
        self.records = records
        order = self.by_no.get(part.order_no) if part.order_no else None
        if order is None:
            order = PlannedOrder(index, rec.owner, part)
            self.orders.append(order)
            if part.order_no:
                self.by_no[part.order_no] = order
            if rec.owner is None:
                rec.add_order_issue("no_customer")
        else:
            rec.owner = order.owner
            head = order.part  # a later line fills what the first left blank
            for name in ("order_date", "status", "courier", "tracking_no", "shipped_on", "notes"):
                if not getattr(head, name) and getattr(part, name):
                    setattr(head, name, getattr(part, name))
        order.rows.append(index)
        if part.line is not None:
            order.lines.append(part.line)
        if order.lines_fen is not None:
            order.lines_fen = None if part.line_fen is None else order.lines_fen + part.line_fen
        if order.amount_fen is None and part.amount_fen is not None:
            order.amount_fen = part.amount_fen
        if rec.order_rejected:
            order.rejected = True

    def mark_existing(self, index: int) -> None:
        self.row_state[index] = EXISTING

    def finish(self) -> dict[str, int]:
        """Decide the orders (amount, repeats, rejected lines); returns the counts."""
        records = self.records
        added = rejected = 0
        for order in self.orders:
            if not order.rejected and order.part.order_date is None:
                records[order.head].add_order_issue("no_order_date")
                order.rejected = True
            if not order.rejected and order.amount() is None:
                records[order.head].add_order_issue("no_amount")
                order.rejected = True
            if not order.rejected and len(order.lines) > core.MAX_LINES:
                records[order.head].add_order_issue("too_many_lines")
                order.rejected = True
            if order.rejected:
                for position in order.rows:
                    rec = records[position]
                    if not rec.order_rejected:
                        rec.add_order_issue("order_line_problem")
                    self.row_state[position] = PROBLEM
                rejected += 1
                continue
            if not order.part.order_no and self._repeated(order):
                order.rejected = True  # (not added: counted as already there)
                self.repeated += 1
                self.row_state[order.head] = EXISTING
                continue
            added += 1
            for position in order.rows:
                self.row_state[position] = NEW if position == order.head else LINE
        return {
            "orders_new": added,
            "orders_existing": len(self.existing_numbers) + self.repeated,
            "orders_rejected": rejected,
        }

    def _repeated(self, order: PlannedOrder) -> bool:
        owner = _owner_key(order.owner)
        amount, day = order.amount(), order.part.order_date
        if owner is None or amount is None or day is None:
            return False
        items = order.items_text()
        key = (owner, day.isoformat(), amount, items)
        if key in self.file_keys:
            return True
        self.file_keys.add(key)
        if owner[0] == "db":
            if self.stored_keys is None:
                self.stored_keys = stored_order_keys()
            return (owner[1], day.isoformat(), amount, items) in self.stored_keys
        return False

    def to_add(self) -> list[PlannedOrder]:
        return [o for o in self.orders if not o.rejected]


def order_values(order: PlannedOrder, records: list[Record], customer_id: int) -> dict[str, Any]:
    """The stored values of ``order`` for customer ``customer_id`` (the store numbers it)."""
    part = order.part
    assert part.order_date is not None
    status = part.status
    if not status:
        # a sheet without a status column: shipped when it has a tracking number, else to ship
        status = core.SHIPPED if part.tracking_no else core.PENDING
    shipped_on = None
    if status in (core.SHIPPED, core.DELIVERED) or (status == core.REFUNDED and part.shipped_on):
        shipped_on = part.shipped_on if part.shipped_on and part.shipped_on >= part.order_date else part.order_date
    snapshot = None
    address = records[order.head].address
    if address:
        snapshot = {f: address.get(f, "") for f in ADDRESS_FIELDS}
        if part.ship_phone and not snapshot.get("phone"):
            snapshot["phone"] = part.ship_phone
    return {
        "customer_id": customer_id,
        "order_date": part.order_date.isoformat(),
        "amount_fen": order.amount(),
        "items": order.items_text(),
        "courier": part.courier,
        "tracking_no": part.tracking_no,
        "address_snapshot": snapshot,
        "status": status,
        "order_no": part.order_no,
        "notes": part.notes,
        "shipped_on": shipped_on.isoformat() if shipped_on else None,
        "lines": order.lines,
    }


__all__ = [
    "ORDER_IDENTIFIERS",
    "ORDER_LIMITS",
    "OrderPlanner",
    "PLANNED_ISSUES",
    "PlannedOrder",
    "is_masked",
    "order_values",
    "prepare_order",
]
