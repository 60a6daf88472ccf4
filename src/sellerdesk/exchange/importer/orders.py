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
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sellerdesk.core import orders as core
from sellerdesk.core.fields import ADDRESS_FIELDS
from sellerdesk.core.money import MoneyError, parse_fen
from sellerdesk.core.orders import OrderError, OrderLine
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer.keys import KeyIndex, Scratch
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
        return items_text(self.lines)

    def take(self, index: int, part: OrderPart, rejected: bool) -> None:
        """One row of the order (its first or a further line): the line, the amounts, the blanks
        of the first row filled from a later one."""
        if index != self.head:
            head = self.part  # a later line fills what the first left blank
            for name in _FILLED:
                if not getattr(head, name) and getattr(part, name):
                    setattr(head, name, getattr(part, name))
        self.rows.append(index)
        if part.line is not None:
            self.lines.append(part.line)
        if self.lines_fen is not None:
            self.lines_fen = None if part.line_fen is None else self.lines_fen + part.line_fen
        if self.amount_fen is None and part.amount_fen is not None:
            self.amount_fen = part.amount_fen
        if rejected:
            self.rejected = True


_FILLED = ("order_date", "status", "courier", "tracking_no", "shipped_on", "notes")


def items_text(lines: list[OrderLine]) -> str:
    """An order's items as stored (cut to the column's length)."""
    text = core.format_items(lines) if lines else ""
    return text[:MAX_ITEMS_TEXT]


def unfinished(dated: bool, amount: int | None, lines: int) -> str | None:
    """Why an order whose rows are all read (none of them with a problem) is not added: an
    order issue of its first row, or None."""
    if not dated:
        return "no_order_date"
    if amount is None:
        return "no_amount"
    if lines > core.MAX_LINES:
        return "too_many_lines"
    return None


class _Repeats:
    """Orders without 订单号 already there: the same customer, date, amount and items as a
    stored order, or as an earlier order of the file (compact: importer/keys.py)."""

    def __init__(self, scratch: Scratch | None = None) -> None:
        self.file_keys = KeyIndex(scratch=scratch)
        self.stored_keys: set[tuple[int, str, int, str]] | None = None

    def close(self) -> None:
        self.file_keys.close()

    def seen(self, owner: Match | None, day: _dt.date | None, amount: int | None, items: str) -> bool:
        key = _owner_key(owner)
        if key is None or amount is None or day is None:
            return False
        text = f"{key[0]}\x1f{key[1]}\x1f{day.isoformat()}\x1f{amount}\x1f{items}"
        if text in self.file_keys:
            return True
        self.file_keys[text] = 0
        if key[0] == "db":
            if self.stored_keys is None:
                self.stored_keys = stored_order_keys()
            return (key[1], day.isoformat(), amount, items) in self.stored_keys
        return False


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
        self.repeats = _Repeats()
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
        order.take(index, part, rec.order_rejected)

    def mark_existing(self, index: int) -> None:
        self.row_state[index] = EXISTING

    def finish(self) -> dict[str, int]:
        """Decide the orders (amount, repeats, rejected lines); returns the counts."""
        records = self.records
        added = rejected = 0
        for order in self.orders:
            if not order.rejected:
                code = unfinished(order.part.order_date is not None, order.amount(), len(order.lines))
                if code is not None:
                    records[order.head].add_order_issue(code)
                    order.rejected = True
            if order.rejected:
                for position in order.rows:
                    rec = records[position]
                    if not rec.order_rejected:
                        rec.add_order_issue("order_line_problem")
                    self.row_state[position] = PROBLEM
                rejected += 1
                continue
            if not order.part.order_no and self.repeats.seen(
                order.owner, order.part.order_date, order.amount(), order.items_text()
            ):
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

    def to_add(self) -> list[PlannedOrder]:
        return [o for o in self.orders if not o.rejected]


# OrderLedger: each order's state (flags) and what was decided for it (outcome)
_REJECTED, _DATED, _PAID, _UNSUMMED = 1, 2, 4, 8  # flags: a row's problem; a date; an amount; a line without one
_OPEN, _ADDED, _BY_ROW, _REPEATED = 0, 1, 2, 3  # outcomes; then _UNFINISHED + i: rejected for _LATE_ISSUES[i]
_UNFINISHED = 4
_LATE_ISSUES = ("no_order_date", "no_amount", "too_many_lines")  # (what unfinished() gives)
_NO_OWNER = -(2**63)
_NONE = array("i", (-1,))


def _encode(owner: Match | None) -> int:
    if isinstance(owner, Existing):
        return -1 - owner.customer_id
    return _NO_OWNER if owner is None else owner.index


def _decode(value: int) -> Match | None:
    if value == _NO_OWNER:
        return None
    return Existing(-1 - value) if value < 0 else InFile(value)


class OrderLedger:
    """The orders of a streamed import (:func:`~sellerdesk.exchange.importer.run.import_file`),
    decided in a first pass over the file and replayed in the next ones, in memory flat in rows.

    Fed by :class:`~sellerdesk.exchange.importer.plan.Planner` as :class:`OrderPlanner` is,
    with the same rules, but it keeps no row and no order: each order is a number (its place
    among the orders, in file order) with a few integers in arrays (~60 bytes: first and
    last row, customer, amounts, line count, flags, outcome), and the 订单号 → number index
    is compact (:class:`~sellerdesk.exchange.importer.keys.KeyIndex`). After the first pass
    (:meth:`finish`) every order is decided; :meth:`replay` then makes the ledger give each
    row of a second plan of the same file the issues the first plan's end gave it (a later
    line's problem, no date, no amount …), so the row is complete when it comes. A row that
    does not fall where the first pass saw it means the file changed between the passes:
    ``ExchangeError("file_changed")``.
    """

    def __init__(self, name: str = "") -> None:
        self.name = name  # the file's (for the error when it changed)
        self.scratch = scratch = Scratch()  # (one scratch database for its compact maps: importer/keys.Scratch)
        self.by_no = KeyIndex(scratch=scratch)  # 订单号 → the order's number
        self.heads, self.lasts, self.owners = array("q"), array("q"), array("q")
        self.amounts, self.sums, self.lines = array("q"), array("q"), array("l")
        self.flags, self.outcome = bytearray(), bytearray()
        self.rows = array("i")  # row position → the number of its order (-1: none), 4 bytes a row
        self.stored: set[str] | None = None
        self.existing_numbers = KeyIndex(scratch=scratch)
        self.repeats = _Repeats(scratch)
        self.repeated = 0
        self.counts: dict[str, int] | None = None
        self.replaying = False
        self.started = 0  # (replay) the orders started so far

    reset = staticmethod(OrderPlanner.reset)

    def existing_number(self, rec: Record) -> bool:
        """Whether the row's 订单号 is stored already (its rows then change nothing)."""
        part = rec.order
        if part is None or not part.order_no:
            return False
        if self.stored is None:
            self.stored = stored_order_numbers()
        if part.order_no in self.stored:
            if not self.replaying:
                self.existing_numbers.setdefault(part.order_no, 0)
            return True
        return False

    def follows(self, rec: Record) -> bool:
        """Whether the row is a further line of an order the file started earlier."""
        part = rec.order
        if part is None or not part.order_no:
            return False
        number = self.by_no.get(part.order_no)
        if self.replaying:
            return isinstance(number, int) and number < self.started
        return number is not None

    def mark_existing(self, index: int) -> None:
        """(The wizard's preview keeps what happens to each row; a streamed import does not.)"""

    def changed(self) -> ExchangeError:
        return ExchangeError("file_changed", name=self.name)

    def add(self, index: int, rec: Record, records: list[Record]) -> None:
        """A planned row with an order (after its customer part is planned)."""
        part = rec.order
        assert part is not None
        if self.replaying:
            self._replay(index, rec)
            return
        found = self.by_no.get(part.order_no) if part.order_no else None
        if found is None:
            number = len(self.heads)
            self.heads.append(index)
            self.lasts.append(index)
            self.owners.append(_encode(rec.owner))
            self.amounts.append(0)
            self.sums.append(0)
            self.lines.append(0)
            self.flags.append(0)
            self.outcome.append(_OPEN)
            if part.order_no:
                self.by_no[part.order_no] = number
            if rec.owner is None:
                rec.add_order_issue("no_customer")
        else:
            assert isinstance(found, int)
            number = found
            rec.owner = _decode(self.owners[number])
            self.lasts[number] = index
        rows = self.rows
        if len(rows) <= index:
            rows.extend(_NONE * (index + 1 - len(rows)))
        rows[index] = number
        flags = self.flags[number]
        if part.order_date is not None:
            flags |= _DATED
        if part.line is not None:
            self.lines[number] += 1
        if not flags & _UNSUMMED:
            if part.line_fen is None:
                flags |= _UNSUMMED
            else:
                self.sums[number] += part.line_fen
        if not flags & _PAID and part.amount_fen is not None:
            self.amounts[number] = part.amount_fen
            flags |= _PAID
        if rec.order_rejected:
            flags |= _REJECTED
        self.flags[number] = flags
        if not part.order_no:  # a row of its own: decided now, in file order (as finish() would)
            self._decide(number, part, items_text([part.line] if part.line is not None else []))

    def amount(self, number: int) -> int | None:
        flags = self.flags[number]
        if flags & _PAID:
            return self.amounts[number]
        return None if flags & _UNSUMMED else self.sums[number]

    def _decide(self, number: int, part: OrderPart | None = None, items: str = "") -> None:
        flags = self.flags[number]
        if flags & _REJECTED:
            self.outcome[number] = _BY_ROW
            return
        code = unfinished(bool(flags & _DATED), self.amount(number), self.lines[number])
        if code is not None:
            self.outcome[number] = _UNFINISHED + _LATE_ISSUES.index(code)
            return
        owner = _decode(self.owners[number])
        if part is not None and self.repeats.seen(owner, part.order_date, self.amount(number), items):
            self.outcome[number] = _REPEATED  # (not added: counted as already there)
            self.repeated += 1
            return
        self.outcome[number] = _ADDED

    def finish(self) -> dict[str, int]:
        """Decide the orders still open (those with a 订单号); returns the counts."""
        if self.counts is None:
            outcome = self.outcome
            for number in range(len(outcome)):
                if outcome[number] == _OPEN:
                    self._decide(number)
            added = outcome.count(_ADDED)
            self.counts = {
                "orders_new": added,
                "orders_existing": len(self.existing_numbers) + self.repeated,
                "orders_rejected": len(outcome) - added - self.repeated,
            }
            self.existing_numbers.close()
            self.repeats.close()
            self.repeats = _Repeats(self.scratch)
        return dict(self.counts)

    def replay(self) -> None:
        """From now on each row added is a row of a second pass over the same file (after
        :meth:`finish`): it gets the issues the first pass gave it at the end."""
        self.finish()
        self.replaying = True
        self.started = 0

    def _replay(self, index: int, rec: Record) -> None:
        part = rec.order
        assert part is not None
        found = self.by_no.get(part.order_no) if part.order_no else None
        if found is None or (isinstance(found, int) and found >= self.started):  # the order's first row
            number = self.started
            if number >= len(self.heads) or self.heads[number] != index or found not in (None, number):
                raise self.changed()
            self.started += 1
            if rec.owner is None:
                rec.add_order_issue("no_customer")
        else:
            assert isinstance(found, int)
            number = found
            if index > self.lasts[number]:
                raise self.changed()
            rec.owner = _decode(self.owners[number])
        outcome = self.outcome[number]
        if outcome == _BY_ROW or outcome >= _UNFINISHED:
            if outcome >= _UNFINISHED and index == self.heads[number]:
                rec.add_order_issue(_LATE_ISSUES[outcome - _UNFINISHED])
            if not rec.order_rejected:
                rec.add_order_issue("order_line_problem")

    def added(self, number: int) -> bool:
        """Whether order ``number`` is added (after :meth:`finish`)."""
        return self.outcome[number] == _ADDED

    def owner(self, number: int) -> Match | None:
        """The customer order ``number`` belongs to (its first row's)."""
        return _decode(self.owners[number])

    def order_of(self, index: int) -> int:
        """The number of the order row ``index`` is a line of (-1: none, or a stored one's)."""
        rows = self.rows
        return rows[index] if index < len(rows) else -1

    def close(self) -> None:
        self.by_no.close()
        self.existing_numbers.close()
        self.repeats.close()


def order_values(order: PlannedOrder, address: Mapping[str, Any] | None, customer_id: int) -> dict[str, Any]:
    """The stored values of ``order`` for customer ``customer_id`` (the store numbers it);
    ``address``: its first row's (the ship-to)."""
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
    "OrderLedger",
    "OrderPlanner",
    "PLANNED_ISSUES",
    "PlannedOrder",
    "is_masked",
    "order_values",
    "prepare_order",
]
