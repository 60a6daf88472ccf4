"""Planning: each row matched against the database and the rows before it, and its action decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sellerdesk.exchange.importer.keys import KeyIndex
from sellerdesk.exchange.importer.orders import OrderPlanner
from sellerdesk.exchange.importer.record import CHUNK, Action, Existing, InFile, Record
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.bulk_import import duplicate_keys

ON_DUPLICATE = ("merge", "skip", "update", "new")  # what a row matching a known customer does
_NEW, _SKIP, _REJECT = Action.NEW, Action.SKIP, Action.REJECT  # (an Enum member lookup costs ~0.15 µs a row)


@dataclass
class Plan:
    records: list[Record]
    on_duplicate: str
    counts: dict[str, int]
    ref_column: bool = False
    orders: OrderPlanner | None = None  # the file's orders (None: a customer-only import)

    def summary(self) -> str:
        c = self.counts
        text = (
            f"{c['new']} new, {c['merged']} merged, {c['updated']} updated, {c['skipped']} skipped, "
            f"{c['rejected']} rejected ({c['flagged']} flagged)"
        )
        if self.orders is not None:
            text += (
                f"; orders: {c['orders_new']} new, {c['orders_existing']} already there, "
                f"{c['orders_rejected']} with problems"
            )
        return text

    @property
    def has_work(self) -> bool:
        """Whether writing this plan would change anything."""
        c = self.counts
        return c["new"] + c["merged"] + c["updated"] + c.get("orders_new", 0) > 0


class Planner:
    """Decides each row's action as the rows come, in file order (what :func:`make_plan` runs).

    Needs the store bound: the duplicate keys of the database are read when it is made.
    A row that matches a database customer (by phone or WeChat ID) joins it; else a row that
    shares a key with an earlier row (phone, WeChat ID or 客户编号) joins the customer that
    row joins or creates, which may be a database customer too (a 客户编号 shared with a row
    that matched one).
    """

    def __init__(self, on_duplicate: str = "merge", *, keep: bool = True) -> None:
        if on_duplicate not in ON_DUPLICATE:
            raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
        self.on_duplicate = on_duplicate
        self.duplicate_action = Action(on_duplicate)  # what a row matching a customer does
        self.db_phone, self.db_wechat = duplicate_keys() if on_duplicate != "new" else ({}, {})
        # key → the customer rows with that key join: the position of the row that creates
        # it (a plain int: one per new row, the common case) or a database customer
        # (compact past 20,000 keys, so a big file's import stays flat in memory: importer/keys.py)
        self.file_phone = KeyIndex()
        self.file_wechat = KeyIndex()
        self.file_ref = KeyIndex()
        self.counts = dict.fromkeys(
            ("new", "merged", "updated", "skipped", "rejected", "flagged", "rows", "masked_phones", "masked_names"), 0
        )
        # the rows added, for the plan (the wizard shows it) and the orders (their rows are
        # decided at the end); a streamed customer import keeps none (``keep`` False)
        self.keep = keep
        self.records: list[Record] = []
        self.added = 0
        self.orders: OrderPlanner | None = None  # made at the first row with an order
        self.order_rows = 0  # rows of orders already stored, or further lines of an order

    def add(self, rec: Record, ref: str = "") -> None:
        index = self.added
        self.added += 1
        if self.keep:
            self.records.append(rec)
        counts = self.counts
        counts["rows"] += 1
        if rec.masked:
            if "phone" in rec.masked:
                counts["masked_phones"] += 1
            if "name" in rec.masked:
                counts["masked_names"] += 1
        rec.match = None
        rec.owner = None
        if rec.order is not None:
            if self.orders is None:
                if not self.keep:
                    raise ValueError("a plan with orders keeps its rows (Planner(keep=True))")
                self.orders = OrderPlanner()
            self.orders.reset(rec)
            if self.orders.existing_number(rec) or self.orders.follows(rec):
                # an order stored already changes nothing; a further line of an order leaves
                # the customer to the order's first row (a masked phone could not match it)
                rec.action = _SKIP
                # (nothing of the row's customer part is used: its notes would only be noise)
                rec.issues = [c for c in rec.issues if c not in ("skipped_duplicate", "masked_phone")]
                if self.orders.existing_number(rec):
                    self.orders.mark_existing(index)
                else:
                    self.orders.add(index, rec, self.records)
                self.order_rows += 1
                return
        self._plan_customer(index, rec, ref)
        if rec.order is not None and self.orders is not None:
            self.orders.add(index, rec, self.records)

    def _plan_customer(self, index: int, rec: Record, ref: str) -> None:
        counts = self.counts
        on_duplicate = self.on_duplicate
        if rec.issues:  # (most rows have none)
            rec.issues = [c for c in rec.issues if c != "skipped_duplicate"]
            if rec.rejected:
                rec.action = _REJECT
                counts["rejected"] += 1
                return
            if rec.flagged:
                counts["flagged"] += 1
        if on_duplicate == "new":
            rec.action = _NEW
            rec.owner = InFile(index)
            counts["new"] += 1
            return
        wechat = rec.customer.get("wechat", "")
        target = self.db_phone.get(rec.phone_key) if rec.phone_key else None
        if target is None and wechat:
            target = self.db_wechat.get(wechat)
        joined: int | Existing | None = None  # (only looked up without a database match)
        if target is None:
            for key, table in ((rec.phone_key, self.file_phone), (wechat, self.file_wechat), (ref, self.file_ref)):
                if key and key in table:
                    joined = table[key]
                    break
        if target is None and joined is None:
            rec.action = _NEW
            counts["new"] += 1
            joined = index
            rec.owner = InFile(index)
        elif on_duplicate == "skip":
            rec.action = _SKIP
            rec.issues.append("skipped_duplicate")
            counts["skipped"] += 1
            rec.owner = (
                Existing(target) if target is not None else InFile(joined) if isinstance(joined, int) else joined
            )
        else:
            rec.action = self.duplicate_action
            counts["merged" if on_duplicate == "merge" else "updated"] += 1
            if target is not None:
                rec.match = Existing(target)
            elif isinstance(joined, int):
                rec.match = InFile(joined)
            else:
                rec.match = joined
            rec.owner = rec.match
        # later rows with any of this row's keys join the same customer
        for key, file_table, db_table in (
            (rec.phone_key, self.file_phone, self.db_phone),
            (wechat, self.file_wechat, self.db_wechat),
            (ref, self.file_ref, None),
        ):
            if not key:
                continue
            if target is not None:
                if db_table is not None:
                    db_table.setdefault(key, target)
                else:
                    self.file_ref.setdefault(key, Existing(target))
            elif joined is not None:  # (always, without a target)
                file_table.setdefault(key, joined)

    def plan(self, ref_column: bool = False) -> Plan:
        """The plan of the rows added; the file's orders decided (call once, after the last row)."""
        if self.orders is not None:
            self.counts.update(self.orders.finish())
            self.counts["order_rows_skipped"] = self.order_rows
        return Plan(self.records, self.on_duplicate, self.counts, ref_column, self.orders)


def make_plan(
    records: list[Record],
    on_duplicate: str = "merge",
    *,
    refs: Sequence[str] | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Plan:
    """Decide each row's action. Needs the store bound (duplicates are looked up in it).

    ``refs`` are the rows' 客户编号 (same length as ``records``): rows sharing one belong to
    one customer within the file (never matched against the database).
    """
    token = token or CancelToken()
    planner = Planner(on_duplicate)
    total = len(records)
    for index, rec in enumerate(records):
        if index % CHUNK == 0:
            token.check()
            progress(index, total, "planning")
        planner.add(rec, refs[index] if refs else "")
    progress(total, total, "planning")
    return planner.plan(bool(refs))
