"""Writing: a plan (or rows as they are planned) into the database in ONE transaction."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sellerdesk.core.fields import ADDRESS_FIELDS, place_key
from sellerdesk.exchange.importer.orders import OrderPlanner, PlannedOrder, order_values
from sellerdesk.exchange.importer.plan import Plan
from sellerdesk.exchange.importer.record import CHUNK, Action, Existing, InFile, Record
from sellerdesk.progress import CancelToken, ProgressCallback
from sellerdesk.store.bulk_import import BulkImport, bulk_import
from sellerdesk.store.customers import join_list, split_list

_MERGE_SKIP = ("name_pinyin", "name_initials")
_NEW, _MERGE, _UPDATE = Action.NEW, Action.MERGE, Action.UPDATE  # (an Enum member lookup costs ~0.15 µs a row)


def _merged_values(current: dict[str, Any], incoming: dict[str, Any], overwrite: bool) -> dict[str, Any]:
    """Changes to apply to ``current``: blanks filled (merge) or values replaced (update);
    tags and flags united; notes appended, never replaced."""
    changes: dict[str, Any] = {}
    for key, value in incoming.items():
        if key in _MERGE_SKIP:
            continue
        old = current.get(key)
        if key in ("tags", "flags"):
            united = join_list(split_list(old or "") + split_list(value or ""))
            if united != (old or ""):
                changes[key] = united
        elif key == "notes":
            if value and value not in (old or ""):
                changes[key] = f"{old}\n{value}" if old else value
        elif value in ("", None):
            continue
        elif key == "marketing_consent" and not overwrite:
            if value and not old:  # consent recorded by the file; a 否 never withdraws it in a merge
                changes[key] = value
        elif overwrite and old != value or not overwrite and old in ("", None):
            changes[key] = value
    if "name" in changes:
        changes["name_pinyin"] = incoming.get("name_pinyin", "")
        changes["name_initials"] = incoming.get("name_initials", "")
    return changes


class _Pending:
    """A customer the import creates: its fields and addresses, built from one or more rows,
    and (once written) its id and the values it was written with."""

    __slots__ = ("data", "addresses", "keys", "cid", "written_data", "written")

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data  # the leading row's dict; copied before a merge changes it
        self.addresses: list[dict[str, Any]] = []
        self.keys: set[tuple[str, ...]] | None = None  # made when a second address comes
        self.cid: int | None = None
        self.written_data: dict[str, Any] = {}
        self.written: list[tuple[int, dict[str, Any]]] = []  # (address id, the address dict written)

    def add_address(self, address: dict[str, Any] | None, overwrite: bool) -> None:
        if not address:
            return
        if not self.addresses:
            self.addresses.append(address)
            return
        if self.keys is None:
            self.keys = {place_key(a) for a in self.addresses}
        key = place_key(address)
        if key in self.keys:
            return
        if overwrite and self.addresses:
            self.keys.discard(place_key(self.addresses[0]))
            self.addresses[0] = address
        else:
            self.addresses.append(address)
        self.keys.add(key)


BATCH = 2000  # rows per batch handed to the writer thread (issue 21: 5,000 held ~13 MB more, ~2% less CPU)

# what a row merging into a customer brings: (overwrite (update) or fill blanks (merge), its
# customer fields, its address)
_Change = tuple[bool, dict[str, Any], dict[str, Any] | None]


def _push(changes: list[_Change], change: _Change) -> None:
    """Queue a row's change for a customer; a row that repeats the one queued before it (a
    repeat buyer's next order on the same address) is kept once: applied again right after
    itself it changes nothing (blanks are filled, values equal, tags and notes already there,
    the address already held), so a big sheet of repeat buyers holds one change a run."""
    if changes and changes[-1] == change:
        return
    changes.append(change)


def _merge_into(item: _Pending, overwrite: bool, customer: dict[str, Any], address: dict[str, Any] | None) -> bool:
    """A row's fields and address merged into customer ``item`` of the file; whether it changed."""
    changes = _merged_values(item.data, customer, overwrite)
    if changes:
        item.data = {**item.data, **changes}
    count, first = len(item.addresses), item.addresses[0] if item.addresses else None
    item.add_address(address, overwrite)
    return bool(changes) or len(item.addresses) != count or (first is not None and item.addresses[0] is not first)


# an order to add: the order, its customer's id, its ship-to (the first row's address), and
# whether this import made that customer (the order then says which of its addresses it ships to)
OrderIn = tuple[PlannedOrder, int, dict[str, Any] | None, bool]
# a streamed import's orders, read again from the file: given each written row's customer id
# (record index → id), the orders to add, in batches
OrdersOf = Callable[["array[int]"], Iterator[list[OrderIn]]]


def add_orders(store: BulkImport, batches: Iterator[list[OrderIn]], token: CancelToken, count: int) -> int:
    """Add the orders of ``batches`` (each batch's orders numbered in turn), then refresh their
    customers' totals, tiers and points once; returns how many were added. An order of a
    customer this import made ships to that customer's address with the same place (its
    addresses as they are now, after every merge), when the order has a ship-to. ``count``:
    how many orders there are (a big load: the order tables' indexes built at the end, or a
    bigger page cache, :meth:`BulkImport.orders_load`)."""
    added = 0
    first = store.next_order_id()
    with store.orders_load(count):
        added = _add_batches(store, batches, token)
    if added:  # (after the indexes are built: the refresh reads the orders by customer)
        store.refresh_orders_from(first)
    return added


def _add_batches(store: BulkImport, batches: Iterator[list[OrderIn]], token: CancelToken) -> int:
    added = 0
    for batch in batches:
        token.check()
        owners = sorted({cid for _, cid, address, ours in batch if ours and address})
        live = store.live_addresses(owners) if owners else {}
        values = []
        for order, cid, address, ours in batch:
            stored = order_values(order, address, cid)
            if address and ours:
                key = place_key(address)
                stored["address_id"] = next((aid for aid, w in live.get(cid, ()) if place_key(w) == key), None)
            values.append(stored)
        store.add_orders(values, refresh=False)
        added += len(values)
    return added


class _Loader:
    """Writes planned records as they come, in one transaction (see :func:`~sellerdesk.store.bulk_import.bulk_import`).

    New customers go to the database in batches through the store's bulk writer, so SQLite
    stores one batch in a helper thread while this thread checks the next rows. A later row
    merging into a customer of the file already written changes it at the end
    (:meth:`_fix_written`): the result is what writing after the last row would give. Rows
    merging into database customers are applied at the end too.
    """

    def __init__(self, store: BulkImport, token: CancelToken, keep: bool = True) -> None:
        self.store, self.token = store, token
        self.counts = dict(addresses_added=0, addresses_updated=0, customers_changed=0)
        self.pending: dict[int, _Pending] = {}  # record index → the customer it creates
        self.fresh: list[_Pending] = []  # not written yet
        self.changed: dict[int, _Pending] = {}  # written, then merged into: id → customer
        # database customer id → what its rows bring: (overwrite, customer fields, address)
        self.by_target: dict[int, list[_Change]] = {}
        # Not ``keep`` (a streamed import without orders): a written customer is let go, its id
        # kept (record index → id, 8 bytes a row); rows merging into it later wait in ``late``
        # and are applied at the end to the customer read back from the database.
        self.keep = keep
        self.ids = array("q")
        self.late: dict[int, list[_Change]] = {}

    def add(self, index: int, rec: Record) -> None:
        """One planned record (``index``: its position in the plan, as :class:`InFile` counts)."""
        action = rec.action
        if action is _NEW:
            item = _Pending(rec.customer)
            item.add_address(rec.address, False)
            self.pending[index] = item
            self.fresh.append(item)
            return
        if action is not _MERGE and action is not _UPDATE:
            return
        match = rec.match
        overwrite = action is _UPDATE
        if isinstance(match, InFile):
            joined = self.pending.get(match.index)
            if joined is None:  # written and let go (not kept): merged at the end, from the database
                _push(self.late.setdefault(self.ids[match.index], []), (overwrite, rec.customer, rec.address))
                return
            if _merge_into(joined, overwrite, rec.customer, rec.address) and joined.cid is not None:
                self.changed[joined.cid] = joined
        elif isinstance(match, Existing):
            _push(self.by_target.setdefault(match.customer_id, []), (overwrite, rec.customer, rec.address))

    def write_fresh(self) -> None:
        """Hand the customers made since the last call to the writer, with their addresses,
        history and search rows."""
        if not self.fresh:
            return
        store = self.store
        for item in self.fresh:
            item.written_data = item.data
            item.cid, address_ids = store.add_customer(item.data, item.addresses)
            item.written = list(zip(address_ids, item.addresses))
            self.counts["addresses_added"] += len(address_ids)
        self.fresh = []
        store.flush()
        if not self.keep:  # each written customer's id only, until the end
            ids = self.ids
            for index, item in self.pending.items():
                if index >= len(ids):
                    ids.frombytes(bytes(8 * (index + 1 - len(ids))))
                ids[index] = item.cid or 0
            self.pending.clear()

    def _add_address(self, customer_id: int, values: dict[str, Any], is_default: bool) -> None:
        self.store.add_address(customer_id, values, is_default)
        self.counts["addresses_added"] += 1

    def complete(
        self, plan: Plan, source: str, progress: Callable[[float], None], orders_of: OrdersOf | None = None
    ) -> dict[str, int]:
        """Write what is left, build the indexes, apply the late merges, add the orders (the
        plan's, or those ``orders_of`` gives: a streamed import reads them again from the file);
        returns all the counts."""
        self.write_fresh()
        progress(0.1)
        # the indexes are built (by SQLite, in the writer's thread) before anything reads
        # the tables by customer again: the late merges below, the search rows at the end
        self.store.build_indexes()
        progress(0.6)
        self._load_late()
        self._fix_written()
        progress(0.7)
        self._apply_targets(lambda share: progress(0.7 + 0.2 * share))
        added = 0
        if plan.orders is not None:
            self.token.check()
            if orders_of is not None:
                count = plan.counts.get("orders_new", 0)
                added = add_orders(self.store, orders_of(self.ids), self.token, count)
            else:
                orders = self._order_values(plan)
                added = add_orders(self.store, iter([orders]), self.token, len(orders))
        self.pending.clear()
        progress(1.0)
        counts = {**plan.counts, **self.counts}
        if plan.orders is not None:
            counts["orders_added"] = added
        self.store.record({"file": source, "on_duplicate": plan.on_duplicate, **counts})
        return counts

    def _order_values(self, plan: Plan) -> list[OrderIn]:
        """The plan's new orders, each with its customer's id (every customer of the file is
        written by now) and its ship-to address."""
        if not isinstance(plan.orders, OrderPlanner):
            return []
        values: list[OrderIn] = []
        for order in plan.orders.to_add():
            owner = order.owner
            if isinstance(owner, Existing):
                cid = owner.customer_id
            elif isinstance(owner, InFile) and owner.index in self.pending:
                item = self.pending[owner.index]
                if item.cid is None:
                    continue
                cid = item.cid
            else:
                continue
            values.append((order, cid, plan.records[order.head].address, isinstance(owner, InFile)))
        return values

    def _load_late(self) -> None:
        """The customers of the file that rows merged into after they were written and let go:
        read back (as written), the rows' changes applied in file order, then rewritten by
        :meth:`_fix_written` as if they had been kept."""
        cids = list(self.late)
        store = self.store
        for start in range(0, len(cids), 500):
            self.token.check()
            existing = store.existing(cids[start : start + 500])
            for cid, (current, live) in existing.items():
                item = _Pending(current)
                item.cid, item.written_data = cid, current
                item.addresses = list(live)
                item.written = [(address["id"], address) for address in live]
                changed = False
                for overwrite, customer, address in self.late[cid]:
                    changed = _merge_into(item, overwrite, customer, address) or changed
                if changed:
                    self.changed[cid] = item
        self.late.clear()

    def _fix_written(self) -> None:
        """Customers of the file written before a later row merged into them."""
        if not self.changed:
            return
        store = self.store
        replaced: list[int] = []
        for cid, item in self.changed.items():
            store.rewrite_customer(cid, item.written_data, item.data)
            for position, address in enumerate(item.addresses):
                if position >= len(item.written):  # (position 0: it was written without an address)
                    self._add_address(cid, address, position == 0)
                    continue
                aid, written = item.written[position]
                if address is not written:  # the first address, overwritten by an update row
                    store.rewrite_address(aid, address)
                    replaced.append(aid)
        store.refresh_history(replaced)
        store.reindex(list(self.changed))
        self.changed.clear()
        store.flush()
        store.wait()

    def _apply_targets(self, progress: Callable[[float], None]) -> None:
        target_ids = list(self.by_target)
        store = self.store
        store.reindex(target_ids)
        for start in range(0, len(target_ids), 500):
            self.token.check()
            chunk = target_ids[start : start + 500]
            existing = store.existing(chunk)
            for cid in chunk:
                if cid in existing:
                    current, live = existing[cid]
                    self._apply_to_existing(cid, current, live, self.by_target[cid])
            store.flush()
            store.wait()
            progress(min(start + 500, len(target_ids)) / max(len(target_ids), 1))
        self.by_target.clear()

    def _apply_to_existing(
        self, cid: int, current: dict[str, Any], live: list[dict[str, Any]], recs: list[_Change]
    ) -> None:
        """Rows merging into (or updating) database customer ``cid``: its columns ``current``
        and its live addresses ``live`` (default first)."""
        changes: dict[str, Any] = {}
        keys = {place_key(a) for a in live}
        has_default = any(a["is_default"] for a in live)
        for overwrite, customer, incoming in recs:
            step = _merged_values({**current, **changes}, customer, overwrite)
            changes.update(step)
            if not incoming:
                continue
            key = place_key(incoming)
            if key in keys:
                continue
            if overwrite and live:
                target = next((a for a in live if a["is_default"]), live[0])
                old = {f: target[f] for f in ADDRESS_FIELDS}
                new = {f: incoming.get(f, "") for f in ADDRESS_FIELDS}
                changed = {f: v for f, v in new.items() if old[f] != v and (v or f in ("district", "adcode"))}
                if changed:
                    keys.discard(place_key(old))
                    self.store.update_address(cid, target["id"], old, changed)
                    target.update(changed)
                    self.counts["addresses_updated"] += 1
                    keys.add(place_key({**old, **changed}))
                continue
            self._add_address(cid, incoming, not has_default)
            has_default = True
            keys.add(key)
        if changes:
            self.store.update_customer(cid, changes)
        if changes or recs:
            self.counts["customers_changed"] += 1


def write_records(
    records: Iterable[Record],
    total: int,
    plan_of: Callable[[], Plan],
    *,
    source: str,
    progress: ProgressCallback,
    token: CancelToken,
    keep: bool = True,
    orders_of: OrdersOf | None = None,
) -> tuple[Plan, dict[str, int]]:
    """Write planned ``records`` (``total`` of them) as they come, in one transaction; ``plan_of``
    gives the plan once they have all come. Returns it with the counts (the plan's, and the
    addresses added and updated). Progress: the records are the first half, finishing the second.
    ``total`` may be a guess (a streamed read: the sheet's row count). Not ``keep``: the
    customers written are let go (their ids kept), so memory does not grow with the rows;
    the orders then come from ``orders_of`` at the end (a streamed import reads their rows again)."""
    with bulk_import(total) as store:
        loader = _Loader(store, token, keep)
        for index, rec in enumerate(records):
            if index % CHUNK == 0:
                token.check()
                progress(min(index, total), total * 2, "writing")
            loader.add(index, rec)
            if len(loader.fresh) >= BATCH:
                loader.write_fresh()
        plan = plan_of()
        counts = loader.complete(
            plan, source, lambda share: progress(total + int(total * share), total * 2, "writing"), orders_of
        )
        token.check()
    progress(total * 2, total * 2, "writing")
    return plan, counts
