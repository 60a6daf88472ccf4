"""Writing: a plan (or rows as they are planned) into the database in ONE transaction."""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable, Iterable

from sellerdesk.exchange.importer.plan import Plan
from sellerdesk.exchange.importer.record import CHUNK, Record
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store import bulk, search
from sellerdesk.store.customers import join_list, split_list
from sellerdesk.store.models import DB, Address, AddressChange, AuditEntry, Customer, utcnow

REASON = "import"


_CUSTOMER_COLUMNS = (
    "name",
    "name_pinyin",
    "name_initials",
    "phone",
    "wechat",
    "tags",
    "tier",
    "birthday",
    "gender",
    "source",
    "notes",
    "flags",
)
_BIRTHDAY = _CUSTOMER_COLUMNS.index("birthday")
_CUSTOMER_COLUMNS_BEFORE_BIRTHDAY = _CUSTOMER_COLUMNS[:_BIRTHDAY]
_CUSTOMER_COLUMNS_AFTER_BIRTHDAY = _CUSTOMER_COLUMNS[_BIRTHDAY + 1 :]
_MERGE_SKIP = ("name_pinyin", "name_initials")
_ADDRESS_COLUMNS = ("recipient", "phone", "province", "city", "district", "detail", "postal_code", "adcode", "label")


def _address_key(values: dict) -> tuple[str, ...]:
    return tuple("".join(str(values.get(f) or "").split()) for f in ("province", "city", "district", "detail"))


def _merged_values(current: dict, incoming: dict, overwrite: bool) -> dict:
    """Changes to apply to ``current``: blanks filled (merge) or values replaced (update);
    tags and flags united; notes appended, never replaced."""
    changes: dict = {}
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

    def __init__(self, data: dict) -> None:
        self.data = data  # the leading row's dict; copied before a merge changes it
        self.addresses: list[dict] = []
        self.keys: set[tuple[str, ...]] | None = None  # made when a second address comes
        self.cid: int | None = None
        self.written_data: dict = {}
        self.written: list[tuple[int, dict]] = []  # (address id, the address dict written)

    def add_address(self, address: dict | None, overwrite: bool) -> None:
        if not address:
            return
        if not self.addresses:
            self.addresses.append(address)
            return
        if self.keys is None:
            self.keys = {_address_key(a) for a in self.addresses}
        key = _address_key(address)
        if key in self.keys:
            return
        if overwrite and self.addresses:
            self.keys.discard(_address_key(self.addresses[0]))
            self.addresses[0] = address
        else:
            self.addresses.append(address)
        self.keys.add(key)


BATCH = 5000  # rows per batch handed to the writer thread
_FIELDS_C = ("id", *_CUSTOMER_COLUMNS, "marketing_consent", "created_at", "updated_at")
_FIELDS_A = ("id", "customer_id", *_ADDRESS_COLUMNS, "is_default", "created_at", "updated_at")
# the history row of every address an import adds, made by SQLite from the row just written
# (an id range: the import numbers its addresses itself); keys sorted, as dump_json writes them
_SNAPSHOT_SQL = "json_object(" + ", ".join(f"'{c}', a.\"{c}\"" for c in sorted(_ADDRESS_COLUMNS)) + ")"
_HISTORY_SQL = (
    'INSERT INTO "address_change" ("address_id", "customer_id", "action", "new_values", "reason", "changed_at") '
    f"SELECT a.id, a.customer_id, 'create', {_SNAPSHOT_SQL}, ?, ? FROM address a WHERE a.id BETWEEN ? AND ?"
)


def _stored_customer(cid: int, data: dict, stamp: str) -> tuple:
    """The customer row as stored (text timestamps, 0/1, the birthday as text or NULL)."""
    birthday = data.get("birthday")
    return (
        cid,
        *[data.get(c, "") for c in _CUSTOMER_COLUMNS_BEFORE_BIRTHDAY],
        None if birthday is None else str(birthday),
        *[data.get(c, "") for c in _CUSTOMER_COLUMNS_AFTER_BIRTHDAY],
        0,
        stamp,
        stamp,
    )


def _assignments(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}" = ?' for c in columns)


def _full_address(values: dict) -> dict:
    # the importer's cleaned addresses already hold every column, in this order
    return values if tuple(values) == _ADDRESS_COLUMNS else {c: values.get(c, "") for c in _ADDRESS_COLUMNS}


class _Loader:
    """Writes planned records as they come, in one transaction (see :func:`_loading`).

    New customers go to the database in batches through a :class:`~sellerdesk.store.bulk.Writer`,
    so SQLite stores one batch in a helper thread while this thread checks the next rows.
    A later row merging into a customer of the file already written changes it at the end
    (:meth:`_fix_written`): the result is what writing after the last row would give. Rows
    merging into database customers are applied at the end too.
    """

    def __init__(
        self, writer: bulk.Writer, search_rows: search.BulkIndex, deferred: bulk.Deferred, token: CancelToken
    ) -> None:
        self.writer, self.search_rows, self.deferred, self.token = writer, search_rows, deferred, token
        self.now = utcnow()
        self.stamp = str(self.now)
        self.counts = dict(addresses_added=0, addresses_updated=0, customers_changed=0)
        self.next_customer = (Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1
        self.next_address = (Address.select(Address.id).order_by(Address.id.desc()).scalar() or 0) + 1
        self.history_from = self.next_address  # first address id without its history row
        self.pending: dict[int, _Pending] = {}  # record index → the customer it creates
        self.fresh: list[_Pending] = []  # not written yet
        self.changed: dict[int, _Pending] = {}  # written, then merged into: id → customer
        self.by_target: dict[int, list[Record]] = {}  # database customer id → its rows
        self.address_rows: list[tuple] = []

    def add(self, index: int, rec: Record) -> None:
        """One planned record (``index``: its position in the plan, as ``leader`` counts)."""
        if rec.action == "new":
            item = _Pending(rec.customer)
            item.add_address(rec.address, False)
            self.pending[index] = item
            self.fresh.append(item)
            return
        if rec.action not in ("merge", "update"):
            return
        leader, target = rec.leader, rec.target
        if leader is not None and leader < 0:  # see Planner
            leader, target = None, -leader - 1
        if leader is not None:
            item = self.pending[leader]
            overwrite = rec.action == "update"
            changes = _merged_values(item.data, rec.customer, overwrite)
            if changes:
                item.data = {**item.data, **changes}
            count, first = len(item.addresses), item.addresses[0] if item.addresses else None
            item.add_address(rec.address, overwrite)
            if item.cid is not None and (
                changes or len(item.addresses) != count or (first is not None and item.addresses[0] is not first)
            ):
                self.changed[item.cid] = item
        elif target is not None:
            self.by_target.setdefault(target, []).append(rec)

    def write_fresh(self) -> None:
        """Hand the customers made since the last call to the writer, with their addresses,
        history and search rows."""
        if not self.fresh:
            return
        customer_rows = []
        for item in self.fresh:
            cid = item.cid = self.next_customer
            self.next_customer += 1
            data = item.written_data = item.data
            customer_rows.append(_stored_customer(cid, data, self.stamp))
            item.written = [
                (self._address_row(cid, address, position == 0), address)
                for position, address in enumerate(item.addresses)
            ]
            self.search_rows.add(
                cid,
                data.get("name", ""),
                data.get("name_pinyin", ""),
                data.get("name_initials", ""),
                data.get("wechat", ""),
                data.get("phone", ""),
                item.addresses,
            )
        self.fresh = []
        self.writer.insert("customer", _FIELDS_C, customer_rows)
        self._write_addresses()
        self.search_rows.flush()

    def _address_row(self, customer_id: int, values: dict, is_default: bool) -> int:
        aid = self.next_address
        self.next_address += 1
        self.address_rows.append(
            (aid, customer_id, *_full_address(values).values(), int(is_default), self.stamp, self.stamp)
        )
        self.counts["addresses_added"] += 1
        return aid

    def _write_addresses(self) -> None:
        rows, self.address_rows = self.address_rows, []
        self.writer.insert("address", _FIELDS_A, rows)
        if self.history_from < self.next_address:
            self.writer.run(_HISTORY_SQL, (REASON, self.stamp, self.history_from, self.next_address - 1))
            self.history_from = self.next_address

    def finish(
        self, plan_counts: dict[str, int], source: str, on_duplicate: str, progress: Callable[[float], None]
    ) -> dict[str, int]:
        """Write what is left, build the indexes, apply the late merges; returns all the counts."""
        self.write_fresh()
        self.pending.clear()
        progress(0.1)
        # the indexes are built (by SQLite, in the writer's thread) before anything reads
        # the tables by customer again: the late merges below, the search rows at the end
        self.deferred.rebuild_in_background(self.writer)
        self.writer.wait()  # from here on this thread uses the connection itself
        self.deferred.join()
        progress(0.6)
        self._fix_written()
        progress(0.7)
        self._apply_targets(lambda share: progress(0.7 + 0.3 * share))
        counts = {**plan_counts, **self.counts}
        AuditEntry.create(
            action="import",
            entity="customer",
            entity_id=None,
            detail={
                "file": source,
                "on_duplicate": on_duplicate,
                **counts,
            },
        )
        return counts

    def _fix_written(self) -> None:
        """Customers of the file written before a later row merged into them."""
        if not self.changed:
            return
        cursor = DB.cursor()
        replaced: list[int] = []
        for cid, item in self.changed.items():
            before = _stored_customer(cid, item.written_data, self.stamp)
            after = _stored_customer(cid, item.data, self.stamp)
            changes = [(column, new) for column, old, new in zip(_FIELDS_C, before, after) if old != new]
            if changes:
                cursor.execute(
                    f'UPDATE "customer" SET {_assignments(c for c, _ in changes)} WHERE id = ?',
                    [v for _, v in changes] + [cid],
                )
            for position, address in enumerate(item.addresses):
                if position >= len(item.written):  # (position 0: it was written without an address)
                    self._address_row(cid, address, position == 0)
                    continue
                aid, written = item.written[position]
                if address is not written:  # the first address, overwritten by an update row
                    full = _full_address(address)
                    cursor.execute(f'UPDATE "address" SET {_assignments(full)} WHERE id = ?', [*full.values(), aid])
                    replaced.append(aid)
        for start in range(0, len(replaced), 500):
            chunk = replaced[start : start + 500]
            cursor.execute(
                f'UPDATE "address_change" SET "new_values" = (SELECT {_SNAPSHOT_SQL} FROM address a '
                f"WHERE a.id = address_change.address_id) WHERE \"action\" = 'create' "
                f'AND "address_id" IN ({", ".join("?" * len(chunk))})',
                chunk,
            )
        self.search_rows.refresh(list(self.changed))
        self.changed.clear()
        self._write_addresses()
        self.writer.wait()

    def _apply_targets(self, progress: Callable[[float], None]) -> None:
        target_ids = list(self.by_target)
        self.search_rows.refresh(target_ids)
        for start in range(0, len(target_ids), 500):
            self.token.check()
            chunk = target_ids[start : start + 500]
            current = {c.id: c for c in Customer.select().where(Customer.id.in_(chunk))}
            live: dict[int, list[Address]] = {cid: [] for cid in chunk}
            for address in (
                Address.select()
                .where(Address.customer.in_(chunk) & Address.deleted_at.is_null())
                .order_by(Address.is_default.desc(), Address.id)
            ):
                live[address.customer_id].append(address)
            for cid in chunk:
                customer = current.get(cid)
                if customer is None:
                    continue
                _apply_to_existing(customer, live[cid], self.by_target[cid], self.now, self.counts, self._address_row)
            self._write_addresses()
            self.writer.wait()
            progress(min(start + 500, len(target_ids)) / max(len(target_ids), 1))
        self.by_target.clear()


@contextlib.contextmanager
def _loading(incoming: int, token: CancelToken):
    """One transaction for a whole import, yielding its :class:`_Loader`.

    Inside it (an error, Cancel or ``kill -9`` rolls back everything, index included): a
    writer thread for the database work; the search index's insert triggers suspended
    and the new customers' index rows made from the values in hand
    (:func:`sellerdesk.store.search.bulk_load`): per row, the triggers cost a delete and
    re-insert of the customer's index row for every customer and every address; and, for
    a load at least as big as the tables, their indexes dropped and built once at the end.
    """
    with (
        DB.atomic(lock_type="IMMEDIATE"),
        bulk.Writer() as writer,
        search.bulk_load(writer=writer) as search_rows,
        bulk.deferred_indexes(("customer", "address"), incoming) as deferred,
    ):
        yield _Loader(writer, search_rows, deferred, token)


def execute(
    plan: Plan, *, source: str = "", progress: ProgressCallback = no_progress, token: CancelToken | None = None
) -> dict[str, int]:
    """Write ``plan`` in one transaction; returns the counts (with addresses added/updated)."""
    return _load_records(
        plan.records, len(plan.records), lambda: plan, source=source, progress=progress, token=token or CancelToken()
    )[1]


def _load_records(
    records: Iterable[Record],
    total: int,
    plan_of: Callable[[], Plan],
    *,
    source: str,
    progress: ProgressCallback,
    token: CancelToken,
) -> tuple[Plan, dict[str, int]]:
    """Write planned ``records`` (``total`` of them) as they come; ``plan_of`` gives the plan
    once they have all come. Progress: the records are the first half, finishing the second."""
    with _loading(total, token) as loader:
        for index, rec in enumerate(records):
            if index % CHUNK == 0:
                token.check()
                progress(index, total * 2, "writing")
            loader.add(index, rec)
            if len(loader.fresh) >= BATCH:
                loader.write_fresh()
        plan = plan_of()
        counts = loader.finish(
            plan.counts,
            source,
            plan.on_duplicate,
            lambda share: progress(total + int(total * share), total * 2, "writing"),
        )
        token.check()
    progress(total * 2, total * 2, "writing")
    return plan, counts


def _apply_to_existing(
    customer: Customer, live: list[Address], recs: list[Record], now: _dt.datetime, counts: dict, add_address_rows
) -> None:
    current = {c: getattr(customer, c) for c in _CUSTOMER_COLUMNS}
    changes: dict = {}
    keys = {_address_key({f: getattr(a, f) for f in _ADDRESS_COLUMNS}) for a in live}
    has_default = any(a.is_default for a in live)
    for rec in recs:
        overwrite = rec.action == "update"
        step = _merged_values({**current, **changes}, rec.customer, overwrite)
        changes.update(step)
        if not rec.address:
            continue
        key = _address_key(rec.address)
        if key in keys:
            continue
        if overwrite and live:
            target = next((a for a in live if a.is_default), live[0])
            old = {f: getattr(target, f) for f in _ADDRESS_COLUMNS}
            new = {f: rec.address.get(f, "") for f in _ADDRESS_COLUMNS}
            changed = {f: v for f, v in new.items() if old[f] != v and (v or f in ("district", "adcode"))}
            if changed:
                keys.discard(_address_key(old))
                Address.update(**changed, updated_at=now, verified_at=None).where(Address.id == target.id).execute()
                AddressChange.create(
                    address=target.id,
                    customer=customer.id,
                    action="update",
                    old_values={f: old[f] for f in changed},
                    new_values=changed,
                    reason=REASON,
                    changed_at=now,
                )
                for f, v in changed.items():
                    setattr(target, f, v)
                counts["addresses_updated"] += 1
                keys.add(_address_key({**old, **changed}))
            continue
        add_address_rows(customer.id, rec.address, not has_default)
        has_default = True
        keys.add(key)
    if changes:
        Customer.update(**changes, updated_at=now).where(Customer.id == customer.id).execute()
    if changes or recs:
        counts["customers_changed"] += 1
