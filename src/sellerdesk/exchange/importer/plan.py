"""Planning: each row matched against the database and the rows before it, and its action decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sellerdesk.core.same_person import names_compatible
from sellerdesk.exchange.importer.keys import KeyIndex, OwnerText, Scratch
from sellerdesk.exchange.importer.orders import OrderLedger, OrderPlanner
from sellerdesk.exchange.importer.record import CHUNK, Action, Existing, InFile, Record
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.bulk_import import duplicate_keys, phone_names

ON_DUPLICATE = ("merge", "skip", "update", "new")  # what a row matching a known customer does
# what a row does whose phone belongs to a customer with another, incompatible name
# (core.same_person.names_compatible): a customer of its own, listed as a possible duplicate
# (可能重复), or merged all the same (also listed)
SAME_PHONE_DIFFERENT_NAME = ("separate", "merge")
_REPLANNED = frozenset({"skipped_duplicate", "possible_duplicate", "merged_other_name"})  # issues the plan adds
Owner = int | Existing  # the customer a row joins: the file row that creates it (its position) or a stored one
_NEW, _SKIP, _REJECT = Action.NEW, Action.SKIP, Action.REJECT  # (an Enum member lookup costs ~0.15 µs a row)


@dataclass
class Plan:
    records: list[Record]
    on_duplicate: str
    counts: dict[str, int]
    ref_column: bool = False
    orders: OrderPlanner | OrderLedger | None = None  # the file's orders (None: a customer-only import)
    same_phone: str = "separate"  # see SAME_PHONE_DIFFERENT_NAME

    def summary(self) -> str:
        c = self.counts
        text = (
            f"{c['new']} new, {c['merged']} merged, {c['updated']} updated, {c['skipped']} skipped, "
            f"{c['rejected']} rejected ({c['flagged']} flagged); "
            f"{c.get('possible_duplicates', 0)} possible duplicates (same phone, different name: {self.same_phone})"
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
    A row joins the customer (of the database, else of the rows before it) with its phone,
    else its WeChat ID, else (in the file) its 客户编号; the customer it joins or creates may
    be a database customer (a 客户编号 shared with a row that matched one).

    A phone joins only a customer whose name is compatible with the row's
    (:func:`~sellerdesk.core.same_person.names_compatible`: equal, one empty, 张先生/张三, the
    same pinyin); when every customer with the phone has another name, ``same_phone``
    "separate" makes the row a customer of its own and "merge" joins the first of them: either
    way the row is a possible duplicate (issue ``possible_duplicate`` / ``merged_other_name``,
    count ``possible_duplicates``). With ``distinct_refs`` (a 客户编号 column, as a SellerDesk
    export has) rows with different 客户编号 are different customers: a phone or WeChat ID
    never joins them, and a 客户编号 seen before is followed first.
    """

    def __init__(
        self,
        on_duplicate: str = "merge",
        *,
        keep: bool = True,
        same_phone: str = "separate",
        distinct_refs: bool = False,
        orders: OrderLedger | None = None,
    ) -> None:
        if on_duplicate not in ON_DUPLICATE:
            raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
        if same_phone not in SAME_PHONE_DIFFERENT_NAME:
            raise ValueError(f"same_phone must be one of {SAME_PHONE_DIFFERENT_NAME}")
        self.on_duplicate = on_duplicate
        self.same_phone = same_phone
        self.distinct_refs = distinct_refs
        self.duplicate_action = Action(on_duplicate)  # what a row matching a customer does
        self.db_phone, self.db_wechat = duplicate_keys() if on_duplicate != "new" else ({}, {})
        # the names a phone is checked against: stored customers' (id → name), the file's new
        # customers' (row position → name), and the further customers of a phone several share
        self.db_names, shared = phone_names() if on_duplicate != "new" else ({}, {})
        self.more_phone: dict[str, list[Owner]] = {p: [Existing(c) for c in ids] for p, ids in shared.items()}
        # (compact past 20,000 rows, as the keys below: importer/keys.py; a dict of every new
        # customer's name was ~150 bytes a row, the most a customer import grew by)
        # (one scratch database for all five maps: one page cache, importer/keys.Scratch)
        scratch = Scratch()
        self.file_names = OwnerText(scratch=scratch)
        self.owner_refs = OwnerText(scratch=scratch)  # (distinct_refs) customer → the 客户编号 the file gives it
        # key → the customer rows with that key join: the position of the row that creates
        # it (a plain int: one per new row, the common case) or a database customer
        # (compact past 20,000 keys, so a big file's import stays flat in memory: importer/keys.py)
        self.file_phone = KeyIndex(scratch=scratch)
        self.file_wechat = KeyIndex(scratch=scratch)
        self.file_ref = KeyIndex(scratch=scratch)
        self.counts = dict.fromkeys(
            (
                "new",
                "merged",
                "updated",
                "skipped",
                "rejected",
                "flagged",
                "rows",
                "masked_phones",
                "masked_names",
                "possible_duplicates",
            ),
            0,
        )
        # the rows added, for the plan (the wizard shows it) and the orders (their rows are
        # decided at the end); a streamed import keeps none (``keep`` False): with orders, it
        # gives ``orders``, an OrderLedger, which decides them without the rows
        self.keep = keep
        self.records: list[Record] = []
        self.added = 0
        self.orders: OrderPlanner | OrderLedger | None = orders  # else made at the first row with an order
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
        rec.twin = None
        if rec.order is not None:
            if self.orders is None:
                if not self.keep:
                    raise ValueError("a streamed plan with orders needs an OrderLedger (Planner(orders=…))")
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

    def _name_of(self, owner: Owner) -> str:
        if isinstance(owner, Existing):
            return self.db_names.get(owner.customer_id, "")
        return self.file_names.get(owner)

    def _other_customer(self, owner: Owner, ref: str) -> bool:
        """Whether the file's 客户编号 says ``owner`` is another customer than a row with ``ref``."""
        if not ref or not self.distinct_refs:
            return False
        theirs = self.owner_refs.get(owner)
        return bool(theirs) and theirs != ref

    def _first_with_phone(self, phone: str) -> Owner | None:
        primary = self.db_phone.get(phone)
        return Existing(primary) if primary is not None else self.file_phone.get(phone)

    def _by_phone(self, phone: str, name: str, ref: str) -> tuple[Owner | None, Owner | None]:
        """(the customer a row with ``phone``, ``name`` and 客户编号 ``ref`` joins, or None; the
        first customer with that phone whose name is not compatible, or None)."""
        first = self._first_with_phone(phone)
        if first is None:
            return None, None
        more = self.more_phone.get(phone)
        suspect: Owner | None = None
        for owner in (first, *more) if more else (first,):
            if self._other_customer(owner, ref):
                continue
            if names_compatible(name, self._name_of(owner)):
                return owner, None
            if suspect is None:
                suspect = owner
        if suspect is not None and self.same_phone == "merge":
            return suspect, suspect
        return None, suspect

    def _by_wechat(self, wechat: str, ref: str) -> Owner | None:
        target = self.db_wechat.get(wechat)
        if target is not None and not self._other_customer(Existing(target), ref):
            return Existing(target)
        joined = self.file_wechat.get(wechat)
        return joined if joined is not None and not self._other_customer(joined, ref) else None

    def _register_phone(self, phone: str, owner: Owner) -> None:
        """Later rows with ``phone`` may join ``owner`` (its first customer, else one of the others)."""
        first = self._first_with_phone(phone)
        if first is None:
            if isinstance(owner, Existing):
                self.db_phone[phone] = owner.customer_id
            else:
                self.file_phone[phone] = owner
        elif first != owner:
            more = self.more_phone.setdefault(phone, [])
            if owner not in more:
                more.append(owner)

    def _plan_customer(self, index: int, rec: Record, ref: str) -> None:
        counts = self.counts
        on_duplicate = self.on_duplicate
        if rec.issues:  # (most rows have none)
            rec.issues = [c for c in rec.issues if c not in _REPLANNED]
            if rec.rejected:
                rec.action = _REJECT
                counts["rejected"] += 1
                return
            if rec.flagged:
                counts["flagged"] += 1
        rec.twin_name = ""
        if on_duplicate == "new":
            rec.action = _NEW
            rec.owner = InFile(index)
            counts["new"] += 1
            return
        customer = rec.customer
        wechat = customer.get("wechat", "")
        phone = rec.phone_key
        name = "" if "name" in rec.masked else customer.get("name", "")
        owner: Owner | None = None
        suspect: Owner | None = None
        if self.distinct_refs and ref and ref in self.file_ref:
            owner = self.file_ref[ref]  # the file's own 客户编号 names the customer
        else:
            if phone:
                owner, suspect = self._by_phone(phone, name, ref)
            if owner is None and wechat:
                owner = self._by_wechat(wechat, ref)
            if owner is None and ref and not self.distinct_refs:
                owner = self.file_ref.get(ref)
        if owner is None:
            rec.action = _NEW
            counts["new"] += 1
            owner = index
            rec.owner = InFile(index)
            if name:
                self.file_names[index] = name
        else:
            rec.owner = InFile(owner) if isinstance(owner, int) else owner
            if on_duplicate == "skip":
                rec.action = _SKIP
                rec.issues.append("skipped_duplicate")
                counts["skipped"] += 1
            else:
                rec.action = self.duplicate_action
                counts["merged" if on_duplicate == "merge" else "updated"] += 1
                rec.match = rec.owner
                if name and (on_duplicate == "update" or not self._name_of(owner)):
                    if isinstance(owner, Existing):
                        self.db_names[owner.customer_id] = name
                    else:
                        self.file_names[owner] = name
        if suspect is not None:
            counts["possible_duplicates"] += 1
            rec.twin = InFile(suspect) if isinstance(suspect, int) else suspect
            rec.twin_name = self._name_of(suspect)
            rec.issues.append("merged_other_name" if owner == suspect else "possible_duplicate")
        # later rows with any of this row's keys join the same customer
        if phone:
            self._register_phone(phone, owner)
        if wechat:
            if isinstance(owner, Existing):
                self.db_wechat.setdefault(wechat, owner.customer_id)
            elif wechat not in self.db_wechat:
                self.file_wechat.setdefault(wechat, owner)
        if ref:
            self.file_ref.setdefault(ref, owner)
            if self.distinct_refs:
                self.owner_refs.setdefault(owner, ref)

    def plan(self, ref_column: bool = False) -> Plan:
        """The plan of the rows added; the file's orders decided (call once, after the last row)."""
        if self.orders is not None:
            self.counts.update(self.orders.finish())
            self.counts["order_rows_skipped"] = self.order_rows
        return Plan(self.records, self.on_duplicate, self.counts, ref_column, self.orders, self.same_phone)

    def release(self) -> None:
        """Let go of what matched the rows (the in-file keys and names, the database's keys):
        a streamed import calls it once the last row is planned, so the writing that follows
        (indexes built, late merges, the orders) runs without them."""
        for index in (self.file_phone, self.file_wechat, self.file_ref, self.file_names, self.owner_refs):
            index.close()
        self.db_phone, self.db_wechat, self.db_names = {}, {}, {}
        self.more_phone = {}


def make_plan(
    records: list[Record],
    on_duplicate: str = "merge",
    *,
    refs: Sequence[str] | None = None,
    same_phone: str = "separate",
    distinct_refs: bool = False,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Plan:
    """Decide each row's action. Needs the store bound (duplicates are looked up in it).

    ``refs`` are the rows' 客户编号 (same length as ``records``): rows sharing one belong to
    one customer within the file (never matched against the database); with
    ``distinct_refs`` rows with different ones are different customers (see :class:`Planner`).
    ``same_phone``: what a row does whose phone belongs to a customer with another name.
    """
    token = token or CancelToken()
    planner = Planner(on_duplicate, same_phone=same_phone, distinct_refs=distinct_refs)
    total = len(records)
    for index, rec in enumerate(records):
        if index % CHUNK == 0:
            token.check()
            progress(index, total, "planning")
        planner.add(rec, refs[index] if refs else "")
    progress(total, total, "planning")
    return planner.plan(bool(refs))
