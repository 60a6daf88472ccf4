"""The importer's writes: one transaction, new rows in batches through a helper thread.

:func:`bulk_import` opens the transaction of a whole import and yields a :class:`BulkImport`,
which holds every statement the importer needs: the new customers and addresses with their
history and search rows, the changes to customers of the file already written, the changes
to database customers a row merges into, and the import's audit entry. Which rows go where
(merge, update, new) is decided by :mod:`sellerdesk.exchange.importer`; this module only
writes, in stored form.

Speed (issue 5's 100k-row import): new rows go in as one JSON text per batch through
:class:`~sellerdesk.store.bulk.Writer` (SQLite stores one batch in the writer's thread while
the importer checks the next rows); the search index's insert triggers are suspended and its
rows made from the values in hand (:func:`sellerdesk.store.search.bulk_load`); for a load at
least as big as the tables, their indexes are dropped and built once at the end
(:func:`sellerdesk.store.bulk.deferred_indexes`); the ``create`` history row of every added
address is made by SQLite from the row just written, for a range of ids (the import numbers
its rows itself).

On a team server (PostgreSQL) the same calls write through COPY (:class:`~sellerdesk.store.bulk.Writer`
sends each batch as one ``COPY … FROM STDIN``); the new rows' ids come from the tables' sequences
(:class:`~sellerdesk.store.bulk.Numbers`), there is no FTS index to load and no index is dropped.
The importer above does not know which backend it writes to.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import peewee as pw

from sellerdesk.core.fields import ADDRESS_FIELDS, CUSTOMER_FIELDS
from sellerdesk.store import bulk, index_builds, search
from sellerdesk.store.errors import StoreError
from sellerdesk.store.migrations import BULK_KEYS_SETTING
from sellerdesk.store.models import DB, Address, AddressChange, AuditEntry, Customer, Order, dump_json, utcnow
from sellerdesk.store.postgres import is_postgres, native

REASON = "import"  # the reason of the history rows an import writes

# The customer columns an import writes besides id and timestamps: the cleaned fields
# (store.customers) with the name's search keys. The text ones first (a missing one is ''),
# then those that may be NULL (dates as text, the lunar code), then marketing consent (0/1).
_NULLABLE = ("birthday", "birthday_lunar", "consent_date")
_TEXT_COLUMNS: tuple[str, ...] = (
    "name",
    "name_pinyin",
    "name_initials",
    *(f for f in CUSTOMER_FIELDS if f not in ("name", "marketing_consent", *_NULLABLE)),
)
CUSTOMER_COLUMNS: tuple[str, ...] = (*_TEXT_COLUMNS, *_NULLABLE, "marketing_consent")
# address_key: the default address's sort key (migrations.ADDRESS_KEY_SQL) written with the row,
# so the address trigger that keeps it finds it right and (on a team server) writes nothing
_CUSTOMER_ROW = ("id", *CUSTOMER_COLUMNS, "created_at", "updated_at", "address_key")
# the sort key's NUL (core.pinyin.sort_key), written as a team server stores it (store.postgres: U+0001)
# by the importer itself: else every batch of customers was copied again value by value (bulk.copy_rows)
_PINYIN = _CUSTOMER_ROW.index("name_pinyin")
# The tables an import's orders go into (their indexes built at the end of a big first load).
ORDER_TABLES = ("orders", "order_item", "points_entry")
_ADDRESS_ROW = ("id", "customer_id", *ADDRESS_FIELDS, "is_default", "created_at", "updated_at")

# The history row of every address an import adds, made by SQLite from the row just written
# (an id range); keys sorted, as dump_json writes them.
_SNAPSHOT_SQL = "json_object(" + ", ".join(f"'{c}', a.\"{c}\"" for c in sorted(ADDRESS_FIELDS)) + ")"
_HISTORY_SQL = (
    'INSERT INTO "address_change" ("address_id", "customer_id", "action", "new_values", "reason", "changed_at") '
    f"SELECT a.id, a.customer_id, 'create', {_SNAPSHOT_SQL}, ?, ? FROM address a WHERE a.id BETWEEN ? AND ?"
)
# PostgreSQL's twins: json_build_object (the keys in the order given, sorted), and the ids as a
# list (taken from the sequence, so not always one range).
_PG_SNAPSHOT_SQL = "json_build_object(" + ", ".join(f"'{c}', a.\"{c}\"" for c in sorted(ADDRESS_FIELDS)) + ")::text"
# A team server skips the address-key insert trigger during an import (migrations.BULK_KEYS_SETTING):
# new customers come with their key (add_customer), and a default address added to another
# customer sets it here, batch by batch, as the trigger would (the latest address of a customer wins).
_PG_KEYS_SQL = (
    'UPDATE "customer" c SET "address_key" = k.key FROM (SELECT DISTINCT ON (a.customer_id) a.customer_id, '
    "a.province || chr(1) || a.city || chr(1) || a.district || chr(1) || a.detail AS key FROM address a "
    "WHERE a.id = ANY(%s) AND a.is_default = 1 AND a.deleted_at IS NULL ORDER BY a.customer_id, a.id DESC) k "
    'WHERE c.id = k.customer_id AND c."address_key" IS DISTINCT FROM k.key'
)
_PG_HISTORY_SQL = (
    'INSERT INTO "address_change" ("address_id", "customer_id", "action", "new_values", "reason", "changed_at") '
    f"SELECT a.id, a.customer_id, 'create', {_PG_SNAPSHOT_SQL}, %s, %s FROM address a WHERE a.id = ANY(%s)"
)


def duplicate_keys() -> tuple[dict[str, int], dict[str, int]]:
    """(phone → customer id, WeChat ID → customer id) of the customers not in the Trash,
    the oldest customer first when several share a key."""
    phones: dict[str, int] = {}
    wechats: dict[str, int] = {}
    query = (
        Customer.select(Customer.id, Customer.phone, Customer.wechat)
        .where(Customer.deleted_at.is_null())
        .order_by(Customer.id)
        .tuples()
    )
    for cid, phone, wechat in query.iterator():
        if phone:
            phones.setdefault(phone, cid)
        if wechat:
            wechats.setdefault(wechat, cid)
    return phones, wechats


def phone_names() -> tuple[dict[int, str], dict[str, list[int]]]:
    """(customer id → name, phone → the ids of the other customers sharing it) of the
    customers not in the Trash: what the importer's same-phone-different-name rule reads
    (:func:`duplicate_keys` gives each phone's oldest customer; the others, oldest first, are
    here). Customers with neither a phone nor a WeChat ID are left out."""
    names: dict[int, str] = {}
    first: dict[str, int] = {}
    shared: dict[str, list[int]] = {}
    cursor = DB.execute_sql(
        'SELECT "id", "phone", "name" FROM "customer" WHERE "deleted_at" IS NULL '
        'AND ("phone" != \'\' OR "wechat" != \'\') ORDER BY "id"'
    )
    for cid, phone, name in cursor:
        names[cid] = name
        if phone and first.setdefault(phone, cid) != cid:
            shared.setdefault(phone, []).append(cid)
    return names, shared


def stored_order_numbers() -> set[str]:
    """Every 订单号 stored, of live and deleted orders: an import never adds one twice."""
    cursor = DB.execute_sql('SELECT "order_no" FROM "orders" WHERE "order_no" != \'\'')
    return {row[0] for row in cursor}


def stored_order_keys() -> set[tuple[int, str, int, str]]:
    """(customer id, date, amount in 分, items text) of the stored orders without a 订单号:
    what tells an order without a number that is already there."""
    cursor = DB.execute_sql(
        'SELECT "customer_id", "order_date", "amount_fen", "items" FROM "orders" WHERE "order_no" = \'\''
    )
    return {(cid, str(day), amount, items) for cid, day, amount, items in cursor}


def _address_key(address: Mapping[str, Any] | None) -> str | None:
    """migrations.ADDRESS_KEY_SQL of a customer whose default address is ``address``."""
    if not address:
        return None
    return "\x01".join(str(address.get(f) or "") for f in ("province", "city", "district", "detail"))


def _stored_customer(
    cid: int, data: Mapping[str, Any], stamp: str, default: Mapping[str, Any] | None = None
) -> tuple[Any, ...]:
    """The customer row as stored (text timestamps, 0/1, dates as text or NULL), with the
    address key of its ``default`` address."""
    birthday, lunar, consent = data.get("birthday"), data.get("birthday_lunar"), data.get("consent_date")
    return (
        cid,
        *[data.get(c, "") for c in _TEXT_COLUMNS],
        None if birthday is None else str(birthday),
        lunar,
        None if consent is None else str(consent),
        1 if data.get("marketing_consent") else 0,
        stamp,
        stamp,
        _address_key(default),
    )


def _assignments(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}" = ?' for c in columns)


def _full_address(values: Mapping[str, Any]) -> Mapping[str, Any]:
    # the importer's cleaned addresses already hold every field, in this order
    return values if tuple(values) == ADDRESS_FIELDS else {c: values.get(c, "") for c in ADDRESS_FIELDS}


class BulkImport:
    """The writes of one import, inside the transaction of :func:`bulk_import`.

    New customers and addresses are numbered here and queued on the writer thread
    (:meth:`add_customer`, :meth:`add_address`, sent by :meth:`flush`); until
    :meth:`build_indexes` returns, the caller does pure-Python work only. After it, the
    remaining methods run on the caller's thread.
    """

    def __init__(
        self, writer: bulk.Writer, search_rows: search.BulkIndex, deferred: bulk.Deferred, incoming: int = 0
    ) -> None:
        self.writer, self.search_rows, self.deferred = writer, search_rows, deferred
        # a load that appends (the customers' indexes dropped): a small page cache until they are built
        self.page_cache = bulk.set_page_cache(bulk.APPEND_CACHE_KIB) if "customer" in deferred.tables else None
        self.now = utcnow()
        self.stamp = str(self.now)
        self.postgres = is_postgres(DB)
        self.customer_ids = bulk.Numbers("customer", incoming)
        self.address_ids = bulk.Numbers("address", incoming)
        self.history_ids: list[int] = []  # the addresses added without their history row yet
        self.key_ids: list[int] = []  # default addresses added to a customer not written with its key
        self.customer_rows: list[tuple[Any, ...]] = []
        self.address_rows: list[tuple[Any, ...]] = []

    # --- new rows, queued on the writer ----------------------------------------------------------

    def add_customer(self, data: Mapping[str, Any], addresses: Sequence[Mapping[str, Any]]) -> tuple[int, list[int]]:
        """Number a new customer and its addresses (the first one default) and queue them
        with their search row; returns (customer id, address ids). Sent by :meth:`flush`."""
        cid = self.customer_ids.take()
        row = _stored_customer(cid, data, self.stamp, addresses[0] if addresses else None)
        if self.postgres and "\x00" in row[_PINYIN]:
            row = (*row[:_PINYIN], row[_PINYIN].replace("\x00", "\x01"), *row[_PINYIN + 1 :])
        self.customer_rows.append(row)
        address_ids = [
            self._add_address(cid, address, position == 0, keyed=True) for position, address in enumerate(addresses)
        ]
        self.search_rows.add(
            cid,
            data.get("name", ""),
            data.get("name_pinyin", ""),
            data.get("name_initials", ""),
            data.get("wechat", ""),
            data.get("phone", ""),
            addresses,
        )
        return cid, address_ids

    def add_address(self, customer_id: int, values: Mapping[str, Any], is_default: bool) -> int:
        """Number a new address (with its ``create`` history row); sent by :meth:`flush`."""
        return self._add_address(customer_id, values, is_default)

    def _add_address(self, customer_id: int, values: Mapping[str, Any], is_default: bool, keyed: bool = False) -> int:
        aid = self.address_ids.take()
        self.history_ids.append(aid)
        if is_default and not keyed:
            self.key_ids.append(aid)
        self.address_rows.append(
            (aid, customer_id, *_full_address(values).values(), int(is_default), self.stamp, self.stamp)
        )
        return aid

    def flush(self) -> None:
        """Hand the queued customers, addresses, history and search rows to the writer."""
        if self.customer_rows:
            rows, self.customer_rows = self.customer_rows, []
            self.writer.insert("customer", _CUSTOMER_ROW, rows)
        rows, self.address_rows = self.address_rows, []
        self.writer.insert("address", _ADDRESS_ROW, rows)
        if self.key_ids:
            ids, self.key_ids = self.key_ids, []
            if self.postgres:  # (SQLite's insert trigger keeps the key)
                self.writer.run(_PG_KEYS_SQL, (ids,))
        if self.history_ids:
            ids, self.history_ids = self.history_ids, []
            if self.postgres:
                self.writer.run(_PG_HISTORY_SQL, (REASON, self.stamp, ids))
            else:  # SQLite: counted on from the highest id, so one range
                self.writer.run(_HISTORY_SQL, (REASON, self.stamp, ids[0], ids[-1]))
        self.search_rows.flush()

    def build_indexes(self) -> None:
        """Build the dropped indexes (in the writer's thread) and wait for every queued
        statement: from here on the caller's thread uses the connection itself."""
        self.deferred.rebuild_in_background(self.writer)
        self.writer.wait()
        self.deferred.join()
        self.restore_page_cache()

    def restore_page_cache(self) -> None:
        """The usual page cache again (the tables are read by customer from here on)."""
        setting, self.page_cache = self.page_cache, None
        bulk.restore_page_cache(setting)

    def wait(self) -> None:
        """Until the writer has run everything queued (raising its error)."""
        self.writer.wait()

    # --- customers of the file written before a later row merged into them -------------------

    def rewrite_customer(self, cid: int, written: Mapping[str, Any], data: Mapping[str, Any]) -> None:
        """Customer ``cid``, written with ``written``, now holds ``data``."""
        before = _stored_customer(cid, written, self.stamp)
        after = _stored_customer(cid, data, self.stamp)
        changes = [(column, new) for column, old, new in zip(_CUSTOMER_ROW[:-1], before, after) if old != new]
        if changes:
            DB.execute_sql(
                f'UPDATE "customer" SET {_assignments(c for c, _ in changes)} WHERE id = ?',
                [v for _, v in changes] + [cid],
            )

    def rewrite_address(self, aid: int, values: Mapping[str, Any]) -> None:
        """An address this import wrote, replaced by a later row (its history: :meth:`refresh_history`)."""
        full = _full_address(values)
        DB.execute_sql(f'UPDATE "address" SET {_assignments(full)} WHERE id = ?', [*full.values(), aid])

    def refresh_history(self, address_ids: Sequence[int]) -> None:
        """The ``create`` history rows of rewritten addresses, made again from the rows."""
        snapshot = _PG_SNAPSHOT_SQL if self.postgres else _SNAPSHOT_SQL
        for start in range(0, len(address_ids), 500):
            chunk = list(address_ids[start : start + 500])
            DB.execute_sql(
                f'UPDATE "address_change" SET "new_values" = (SELECT {snapshot} FROM address a '
                f"WHERE a.id = address_change.address_id) WHERE \"action\" = 'create' "
                f'AND "address_id" IN ({", ".join("?" * len(chunk))})',
                chunk,
            )

    def reindex(self, customer_ids: Sequence[int]) -> None:
        """Make the search rows of these customers again from the tables (at the end)."""
        self.search_rows.refresh(customer_ids)

    # --- customers already in the database ---------------------------------------------------

    def existing(self, ids: Sequence[int]) -> dict[int, tuple[dict[str, Any], list[dict[str, Any]]]]:
        """Customers ``ids`` (those that exist): their columns and live addresses (default
        first), each address with its ``id`` and ``is_default``."""
        found: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
        for customer in Customer.select().where(Customer.id.in_(list(ids))):
            found[customer.id] = ({c: getattr(customer, c) for c in CUSTOMER_COLUMNS}, [])
        for address in (
            Address.select()
            .where(Address.customer.in_(list(ids)) & Address.deleted_at.is_null())
            .order_by(Address.is_default.desc(), Address.id)
        ):
            if address.customer_id in found:
                values = {f: getattr(address, f) for f in ADDRESS_FIELDS}
                found[address.customer_id][1].append({"id": address.id, "is_default": address.is_default, **values})
        return found

    def update_address(self, customer_id: int, aid: int, old: Mapping[str, Any], changed: Mapping[str, Any]) -> None:
        """Change an address of a database customer in place, with an ``update`` history row."""
        Address.update(**changed, updated_at=self.now, verified_at=None).where(Address.id == aid).execute()
        AddressChange.create(
            address=aid,
            customer=customer_id,
            action="update",
            old_values={f: old[f] for f in changed},
            new_values=dict(changed),
            reason=REASON,
            changed_at=self.now,
        )

    def update_customer(self, customer_id: int, changes: Mapping[str, Any]) -> None:
        Customer.update(**changes, updated_at=self.now).where(Customer.id == customer_id).execute()

    # --- orders -----------------------------------------------------------------------------------

    def add_orders(self, orders: Sequence[Mapping[str, Any]], *, refresh: bool = True) -> list[int]:
        """Write ``orders`` (stored values, each with its ``lines``: core OrderLines) after every
        customer is written (on this thread); then their points (when on), and (``refresh``)
        the customers' totals, tiers and points balances. Returns the ids of the customers
        touched. Called batch after batch (``refresh`` False), :meth:`refresh_orders_from`
        refreshes the customers of them all once."""
        if not orders:
            return []
        touched = self._add_orders(orders, refresh)
        # (the page cache the customers' late merges filled is let go page by page as the orders
        # go in, in the small cache of orders_load: given back batch by batch, not left with the
        # heap, 30 MB of an import with 100k orders at its peak; issue 21)
        bulk.give_back_memory()
        return touched

    @contextlib.contextmanager
    def orders_load(self, orders: int) -> Iterator[None]:
        """While ``orders`` orders go in (on this thread). SQLite, a load at least as big as the
        orders table (a shop's first import of its orders): the indexes of the order tables are
        dropped and built once at the end of the block (:func:`store.bulk.deferred_indexes`), so
        the rows are appended in id order, and both they and the builds run in a small page cache
        (:data:`store.bulk.APPEND_CACHE_KIB`: the builds' sorts take its place); else the rows go into the
        11 indexes of ``orders`` in random order, and a bigger page cache
        (:func:`store.bulk.bigger_cache`) keeps those pages from being written and read back
        over and over. Issue 21: that cache grew with the orders up to its 256 MB (30k orders into
        an empty table: SQLite's memory 38.8 MB at its peak now, the import's peak RSS 261 → 252 MB);
        the index builds' sorts stay in memory (temporary files are not encrypted) and grow with
        the orders, ~40 bytes an order for the widest index."""
        with bulk.deferred_indexes(ORDER_TABLES, orders) as deferred:
            if "orders" in deferred.tables:
                # appended, then built from sorted keys: a small page cache (bulk.APPEND_CACHE_KIB)
                # for both, the builds' sorts in place of the cache
                with bulk.page_cache(bulk.APPEND_CACHE_KIB):
                    yield
                    deferred.join()
            else:
                with bulk.bigger_cache(orders):
                    yield

    def next_order_id(self) -> int:
        """A lower bound of the ids of the orders added next (on a team server the sequence may
        be further on)."""
        return int(Order.select(Order.id).order_by(Order.id.desc()).scalar() or 0) + 1

    def refresh_orders_from(self, first_id: int) -> None:
        """The totals, tiers and points balances of the customers of the orders added from
        ``first_id`` on."""
        from sellerdesk.store.orders import refresh_customers

        cursor = DB.execute_sql('SELECT DISTINCT "customer_id" FROM "orders" WHERE "id" >= ?', (first_id,))
        refresh_customers([row[0] for row in cursor])

    def live_addresses(self, customer_ids: Sequence[int]) -> dict[int, list[tuple[int, dict[str, Any]]]]:
        """customer id → (address id, fields) of each of its live addresses, oldest first."""
        found: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        ids = list(customer_ids)
        for start in range(0, len(ids), 500):
            query = (
                Address.select()
                .where(Address.customer.in_(ids[start : start + 500]) & Address.deleted_at.is_null())
                .order_by(Address.id)
            )
            for address in query:
                found.setdefault(address.customer_id, []).append(
                    (address.id, {f: getattr(address, f) for f in ADDRESS_FIELDS})
                )
        return found

    def _add_orders(self, orders: Sequence[Mapping[str, Any]], refresh: bool = True) -> list[int]:
        from sellerdesk.core.orders import COUNTING
        from sellerdesk.store.orders import refresh_customers
        from sellerdesk.store.points import NOTE_EARNED, points_rule

        defaults = self._default_addresses({v["customer_id"] for v in orders if v["address_snapshot"] is None})
        numbers = bulk.Numbers("orders", len(orders))
        rule = points_rule()
        order_rows: list[tuple[Any, ...]] = []
        item_rows: list[tuple[Any, ...]] = []
        points_rows: list[tuple[Any, ...]] = []
        touched: set[int] = set()
        db = DB.obj
        for values in orders:
            oid = numbers.take()
            snapshot = values["address_snapshot"]
            address_id = values.get("address_id")
            if snapshot is None and values["customer_id"] in defaults:
                # a row without an address ships to the customer's default one, as a new order does
                address_id, snapshot = defaults[values["customer_id"]]
            order_rows.append(
                (
                    oid,
                    values["customer_id"],
                    values["order_date"],
                    values["amount_fen"],
                    values["items"],
                    values["courier"],
                    values["tracking_no"],
                    None if snapshot is None else dump_json(snapshot),
                    values["status"],
                    self.stamp,
                    self.stamp,
                    values["order_no"],
                    values["notes"],
                    values["shipped_on"],
                    address_id,
                    None,
                    1,
                )
            )
            for line_no, line in enumerate(values["lines"]):
                item_rows.append((oid, line_no, line.product, line.quantity, line.unit_price_fen))
            if rule.enabled and values["status"] in COUNTING:
                earned = rule.points_for(values["amount_fen"])
                if earned:
                    points_rows.append((values["customer_id"], oid, earned, NOTE_EARNED, self.stamp))
            touched.add(values["customer_id"])
            if len(order_rows) >= 5000:
                bulk.insert_now(db, "orders", bulk.ORDER_COLUMNS, order_rows)
                bulk.insert_now(db, "order_item", bulk.ORDER_ITEM_COLUMNS, item_rows)
                order_rows, item_rows = [], []
        bulk.insert_now(db, "orders", bulk.ORDER_COLUMNS, order_rows)
        bulk.insert_now(db, "order_item", bulk.ORDER_ITEM_COLUMNS, item_rows)
        bulk.insert_now(db, "points_entry", ("customer_id", "order_id", "delta", "note", "at"), points_rows)
        ids = sorted(touched)
        if refresh:
            refresh_customers(ids)
        return ids

    @staticmethod
    def _default_addresses(customer_ids: set[int]) -> dict[int, tuple[int, dict[str, Any]]]:
        """customer id → (address id, fields) of their default (else first) live address."""
        found: dict[int, tuple[int, dict[str, Any]]] = {}
        ids = sorted(customer_ids)
        for start in range(0, len(ids), 500):
            query = (
                Address.select()
                .where(Address.customer.in_(ids[start : start + 500]) & Address.deleted_at.is_null())
                .order_by(Address.is_default.desc(), Address.id)
            )
            for address in query:
                if address.customer_id not in found:
                    found[address.customer_id] = (address.id, {f: getattr(address, f) for f in ADDRESS_FIELDS})
        return found

    def record(self, detail: Mapping[str, Any]) -> None:
        """The import's audit entry (counts and the file's name: no personal data)."""
        AuditEntry.create(action="import", entity="customer", entity_id=None, detail=dict(detail))


@contextlib.contextmanager
def snapshot() -> Iterator[None]:
    """A read transaction: what is read inside it is one state of the database (an import's
    dry run that reads its file twice plans it against the same database both times)."""
    with DB.atomic():
        yield


@contextlib.contextmanager
def bulk_import(incoming: int) -> Iterator[BulkImport]:
    """One transaction for a whole import of ``incoming`` rows, yielding its :class:`BulkImport`.

    An error, Cancel or ``kill -9`` inside it rolls back everything, indexes included: a
    writer thread for the database work; the search index's insert triggers suspended and the
    new customers' index rows made from the values in hand (per row, the triggers cost a
    delete and re-insert of the customer's index row for every customer and every address);
    and, for a load at least as big as the tables, their indexes dropped and built once at the end.
    """
    bulk.steady_heap()  # (else the batches' texts grow the heap with the rows: store.bulk)
    store: BulkImport | None = None
    try:
        with (
            bulk.quiet_gc(),
            DB.atomic(),  # (SQLite: BEGIN IMMEDIATE, the store's way)
            bulk.Writer() as writer,
            search.bulk_load(writer=writer, incoming=incoming) as search_rows,
            # (a team server builds customer's after the commit, several at once: store.index_builds,
            # and address's by region, which the region tree reads, not the import: ~0.4 s at 100k;
            # address's other ones and the history's are read by customer later in the import; the
            # foreign keys of address and the history, dropped on a team server, are added again
            # before the commit)
            bulk.deferred_indexes(
                ("customer", "address", "address_change"),
                incoming,
                after_commit=("customer", "address_default_place"),
            ) as deferred,
        ):
            if is_postgres(DB):  # the address-key insert trigger stands aside: BulkImport writes the keys
                native(DB, "SELECT set_config(%s, 'on', true)", (BULK_KEYS_SETTING,))
            store = BulkImport(writer, search_rows, deferred, incoming)
            yield store
        index_builds.build_pending(DB.obj)  # (the indexes a big first load left for after its commit)
    finally:
        if store is not None and store.page_cache is not None:
            # (an error before the indexes were built: the writer has stopped by now; a broken
            # connection must not hide the first error)
            with contextlib.suppress(pw.DatabaseError, StoreError):
                store.restore_page_cache()
        bulk.give_back_memory()
