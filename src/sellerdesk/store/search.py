"""Text search over customers, behind one small interface.

``matches(query)`` returns a peewee expression selecting the customers whose name, phone
digits, WeChat ID, pinyin (initials or full) or any address fragment contain every
whitespace-separated term of the query.

Two implementations sit behind it:

* **FTS5** (SQLite/SQLCipher): the ``customer_fts`` table (trigram tokenizer, so any
  substring of Chinese text is found) holds one row per customer — rowid = customer id —
  with its name, pinyin, WeChat ID, phones (customer's and addresses') and every live
  address. Triggers on ``customer`` and ``address`` keep it in sync (schema step 3, SQL
  below), so every writer — UI, CLI, importer, demo — updates it without knowing.
  Trigram needs three characters; shorter terms (张, 南山, 56, zs) use the ``customer_grams``
  table of schema step 4: the same text cut into overlapping two-character tokens (one
  FTS5 token per position, contentless, no positions), so a two-character term is one
  token lookup and a one-character term one lookup in its 1-character prefix index.
  Pinyin initials are a range on the indexed ``name_initials`` column.
* **pg_trgm** (a team server, PostgreSQL): a plain ``customer_fts`` table of the same rows, kept
  by PL/pgSQL triggers, with GIN indexes (trigram, and an array of one- and two-character
  pieces for short terms); the same answers and ranking (:mod:`sellerdesk.store.search_pg`).
* **LIKE** (any database Peewee speaks to): the portable fallback.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import operator
import re
import weakref
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

import peewee as pw

from sellerdesk.store import bulk, index_builds, search_pg
from sellerdesk.store.errors import StoreError
from sellerdesk.store.models import DB, Address, Customer
from sellerdesk.store.postgres import is_postgres, native, to_postgres

FTS_TABLE = "customer_fts"

_ASCII_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^\d+$")
_PHONE_LIKE = re.compile(r"^\d+(?:-\d+)+$")

# --- the FTS5 index -----------------------------------------------------------------------------------------------

# The indexed text of one customer ``{cid}`` (an SQL expression for the customer id).
_PINYIN_SQL = (
    "replace(CASE WHEN instr(c.name_pinyin, char(0)) > 0 "
    "THEN substr(c.name_pinyin, 1, instr(c.name_pinyin, char(0)) - 1) ELSE c.name_pinyin END, ' ', '')"
)
# Schema steps 3 and 4 (frozen): every address phone and recipient, even when they repeat
# the customer's own phone and name.
_ROW_SQL_V3 = (
    "SELECT c.id, c.name, " + _PINYIN_SQL + " || ' ' || c.name_initials, c.wechat, "
    "replace(c.phone, '-', '') || ' ' || coalesce((SELECT group_concat(replace(a.phone, '-', ''), ' ') "
    "FROM address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND a.phone != ''), ''), "
    "coalesce((SELECT group_concat(a.province || CASE WHEN a.city = a.province THEN '' ELSE a.city END "
    "|| a.district || a.detail || ' ' || a.recipient, ' | ') "
    "FROM address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL), '') "
    "FROM customer c WHERE c.id = {cid}"
)
# Schema step 7: an address phone equal to the customer's phone and a recipient equal to the
# customer's name are left out (they match nothing the customer's own columns do not): ~15%
# fewer tokens per customer, so every write and a 100k-row import index less.
_ROW_SQL = (
    "SELECT c.id, c.name, " + _PINYIN_SQL + " || ' ' || c.name_initials, c.wechat, "
    "replace(c.phone, '-', '') || ' ' || coalesce((SELECT group_concat(replace(a.phone, '-', ''), ' ') "
    "FROM address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND a.phone != '' "
    "AND a.phone != c.phone), ''), "
    "coalesce((SELECT group_concat(a.province || CASE WHEN a.city = a.province THEN '' ELSE a.city END "
    "|| a.district || a.detail || CASE WHEN a.recipient = c.name THEN '' ELSE ' ' || a.recipient END, ' | ') "
    "FROM address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL), '') "
    "FROM customer c WHERE c.id = {cid}"
)
_COLUMNS = "rowid, name, pinyin, wechat, phones, address"


GRAMS_TABLE = "customer_grams"
_END = "\ue000"  # closes each field, so its last character still starts a two-character token
# The text cut into two-character tokens, from a customer_fts row ``x`` (name, wechat, phones, address).
_GRAM_SOURCE = (
    f"x.name || char({ord(_END)}) || ' ' || x.wechat || char({ord(_END)}) || ' ' || x.phones || char({ord(_END)}) "
    f"|| ' ' || x.address || char({ord(_END)})"
)
_GRAMS_SQL = (
    "SELECT y.rowid, (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < length(y.t)) "
    "SELECT group_concat(substr(y.t, i, 2), ' ') FROM s) "
    f"FROM (SELECT x.rowid AS rowid, {_GRAM_SOURCE} AS t FROM {FTS_TABLE} x WHERE x.rowid = {{cid}}) y"
)


def gram_text(name: str, wechat: str, phones: str, address: str) -> str:
    """The tokens the triggers' SQL (``_GRAMS_SQL``) makes of one row, in Python for bulk loads."""
    text = f"{name}{_END} {wechat}{_END} {phones}{_END} {address}{_END}"
    # every pair of neighbours, then the last character alone (as substr(t, length(t), 2) is);
    # repeats kept, as the SQL keeps them: the table has no positions (detail=none), and
    # FTS5 drops them for less than removing them here costs (100k rows: 0.9 s vs 0.2 s)
    return " ".join(map(operator.add, text, text[1:])) + " " + text[-1]


def _refresh(cid: str, grams: bool = False, row_sql: str = _ROW_SQL) -> str:
    sql = (
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {cid}; "
        f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + row_sql.format(cid=cid) + ";"
    )
    if grams:
        sql += (
            f" DELETE FROM {GRAMS_TABLE} WHERE rowid = {cid}; "
            f"INSERT INTO {GRAMS_TABLE} (rowid, t) " + _GRAMS_SQL.format(cid=cid) + ";"
        )
    return sql


def _triggers(grams: bool, row_sql: str = _ROW_SQL) -> list[str]:
    gone = f" DELETE FROM {GRAMS_TABLE} WHERE rowid = old.id;" if grams else ""

    def refresh(cid: str) -> str:
        return _refresh(cid, grams, row_sql)

    return [
        f"CREATE TRIGGER IF NOT EXISTS customer_fts_ai AFTER INSERT ON customer BEGIN {refresh('new.id')} END",
        "CREATE TRIGGER IF NOT EXISTS customer_fts_au AFTER UPDATE OF name, name_pinyin, name_initials, wechat, phone "
        f"ON customer BEGIN {refresh('new.id')} END",
        f"CREATE TRIGGER IF NOT EXISTS customer_fts_ad AFTER DELETE ON customer BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id;{gone} END",
        f"CREATE TRIGGER IF NOT EXISTS address_fts_ai AFTER INSERT ON address BEGIN {refresh('new.customer_id')} END",
        "CREATE TRIGGER IF NOT EXISTS address_fts_au AFTER UPDATE OF recipient, phone, province, city, district, "
        f"detail, deleted_at, customer_id ON address BEGIN {refresh('old.customer_id')} "
        f"{refresh('new.customer_id')} END",
        f"CREATE TRIGGER IF NOT EXISTS address_fts_ad AFTER DELETE ON address BEGIN {refresh('old.customer_id')} END",
    ]


_TRIGGER_NAMES = (
    "customer_fts_ai",
    "customer_fts_au",
    "customer_fts_ad",
    "address_fts_ai",
    "address_fts_au",
    "address_fts_ad",
)

# Schema step 3 (frozen): the trigram table and triggers that keep it alone in sync.
FTS_SCHEMA_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "name, pinyin, wechat, phones, address, tokenize = 'trigram')",
] + _triggers(grams=False, row_sql=_ROW_SQL_V3)

# Schema step 4: the two-character token table; the triggers then refresh both tables.
GRAMS_SCHEMA_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {GRAMS_TABLE} USING fts5(t, tokenize = 'unicode61 remove_diacritics 0', "
    "content = '', contentless_delete = 1, detail = none, prefix = '1')",
]


def create_index(db: pw.Database) -> bool:
    """Create the FTS table and its triggers and fill it (schema step 3); False when not SQLite."""
    if not supports_fts(db):
        return False
    for sql in FTS_SCHEMA_SQL:
        db.execute_sql(sql)
    rebuild(db, _ROW_SQL_V3)
    return True


def create_grams_index(db: pw.Database) -> bool:
    """Schema step 4: the two-character token table, triggers that keep both tables in sync, and
    the table filled from the trigram table's text; False when there is no FTS index."""
    if not _has_table(db, FTS_TABLE):
        return False
    for sql in GRAMS_SCHEMA_SQL:
        db.execute_sql(sql)
    for name in _TRIGGER_NAMES:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    for sql in _triggers(grams=True, row_sql=_ROW_SQL_V3):
        db.execute_sql(sql)
    _fill_grams(db, None)
    return True


def leaner_index_rows(db: pw.Database) -> bool:
    """Schema step 7: triggers that write the step-7 row (no repeated phone or recipient).

    Rows already in the index keep their repeats, which find exactly what the lean rows
    find, so nothing is rebuilt. False when there is no FTS index.
    """
    if not _has_table(db, FTS_TABLE):
        return False
    grams = _has_table(db, GRAMS_TABLE)
    for name in _TRIGGER_NAMES:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    for sql in _triggers(grams):
        db.execute_sql(sql)
    return True


def create_pg_index(db: pw.Database) -> bool:
    """Schema step 16 on a team server: the search table, its trigram and short-term GIN indexes and
    the triggers that keep it (the step-7 row), filled; False on SQLite (FTS5 there, steps 3-7)."""
    if not is_postgres(db):
        return False
    for sql in search_pg.schema_sql(to_postgres(_ROW_SQL)):  # (with the scope from schema 27: pg_row_sql)
        native(db, sql)
    db.execute_sql(f"DELETE FROM {FTS_TABLE}")
    db.execute_sql(f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + _ROW_SQL.replace(" WHERE c.id = {cid}", ""))
    forget(db)
    return True


def pg_row_sql(cid: str) -> str:
    """A team server's search row of customer ``cid`` (an SQL expression), PostgreSQL's dialect."""
    return to_postgres(_ROW_SQL).format(cid=cid)


def _insert_rows(db: pw.Database, row_sql: str) -> str:
    """INSERT of the index rows ``row_sql`` (SQLite's dialect) makes; on a team server with each
    row's scope (schema 27, search_pg.with_scope: a helper's search reads their scopes only)."""
    if is_postgres(db):
        return f"INSERT INTO {FTS_TABLE} ({_COLUMNS}, {search_pg.SCOPE_COLUMN}) " + search_pg.with_scope(row_sql)
    return f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + row_sql


def _has_table(db: pw.Database, name: str) -> bool:
    if not isinstance(db, pw.SqliteDatabase):
        return False  # PostgreSQL has no FTS5 tables (store.postgres: pg_trgm)
    return db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def _fill_grams(db: pw.Database, ids: Sequence[int] | None, fresh: bool = False) -> None:
    """Write the token rows of ``ids`` (None: every customer) from their trigram-table rows, made in
    Python: the recursive SQL of the triggers is quadratic in the text and too slow for 100k rows."""
    select = f"SELECT rowid, name, wechat, phones, address FROM {FTS_TABLE}"
    insert = f"INSERT INTO {GRAMS_TABLE} (rowid, t) VALUES (?, ?)"
    cursor = db.cursor()
    if ids is None:
        db.execute_sql(f"DELETE FROM {GRAMS_TABLE}")
        rows = db.execute_sql(select).fetchall()
        cursor.executemany(insert, [(r[0], gram_text(*r[1:])) for r in rows])
        return
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        if not fresh:  # ``fresh``: rows known to be absent (new customers of a bulk load)
            db.execute_sql(f"DELETE FROM {GRAMS_TABLE} WHERE rowid IN ({marks})", chunk)
        rows = db.execute_sql(select + f" WHERE rowid IN ({marks})", chunk).fetchall()
        cursor.executemany(insert, [(r[0], gram_text(*r[1:])) for r in rows])


def rebuild(db: pw.Database, row_sql: str = _ROW_SQL) -> None:
    """Refill the index from the tables (migration, repair, bulk loads)."""
    db.execute_sql(f"DELETE FROM {FTS_TABLE}")
    db.execute_sql(_insert_rows(db, row_sql.replace(" WHERE c.id = {cid}", "")))
    if _has_table(db, GRAMS_TABLE):
        _fill_grams(db, None)


_INSERT_TRIGGERS = ("customer_fts_ai", "address_fts_ai")

IndexRow = tuple[int, str, str, str, str, str]
"""A ``customer_fts`` row: id, name, pinyin, wechat, phones, address text."""


def index_row(
    cid: int,
    name: str,
    name_pinyin: str,
    name_initials: str,
    wechat: str,
    phone: str,
    addresses: Sequence[Mapping[str, str]],
) -> IndexRow:
    """The ``customer_fts`` row ``_ROW_SQL`` makes of a customer, from values already in hand.

    ``addresses`` are the customer's live addresses in id order (dicts with recipient,
    phone, province, city, district, detail). Bulk writers use it so the index is not
    read back from the tables it was just written to (tested equal to the SQL).
    """
    # (the reading ends at NUL; a team server holds it as U+0001, store.postgres)
    pinyin = name_pinyin.split("\x00", 1)[0].split("\x01", 1)[0].replace(" ", "") + " " + name_initials
    phones = (
        phone.replace("-", "")
        + " "
        + " ".join([a["phone"].replace("-", "") for a in addresses if a["phone"] and a["phone"] != phone])
    )
    text = " | ".join(
        [
            a["province"]
            + ("" if a["city"] == a["province"] else a["city"])
            + a["district"]
            + a["detail"]
            + ("" if a["recipient"] == name else " " + a["recipient"])
            for a in addresses
        ]
    )
    return cid, name, pinyin, wechat, phones, text


class BulkIndex:
    """What :func:`bulk_load` hands its block: :meth:`add` index rows computed by the caller."""

    def __init__(
        self, grams: bool = False, writer: bulk.Writer | None = None, enabled: bool = True, scoped: bool = False
    ) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.grams = grams
        self.writer = writer
        self.enabled = enabled  # False without a search index (LIKE search): rows are not kept
        self.stale: list[int] = []
        # (a team server, schema 27) each row with its scope when the customer's address names a
        # province: the province (search_pg.SCOPE_COLUMN), as the insert trigger would read it from the
        # address key the row's customer is written with; else NULL, which that trigger fills
        self.scoped = scoped
        self._columns = _COLUMN_LIST + ((search_pg.SCOPE_COLUMN,) if scoped else ())

    def add(
        self,
        cid: int,
        name: str,
        name_pinyin: str,
        name_initials: str,
        wechat: str,
        phone: str,
        addresses: Sequence[Mapping[str, str]],
    ) -> None:
        """The index row of new customer ``cid`` (see :func:`index_row`), from the values it was
        written with; :meth:`refresh` it if they change before the load ends."""
        if self.enabled:
            row = index_row(cid, name, name_pinyin, name_initials, wechat, phone, addresses)
            if self.scoped:
                province = str(addresses[0].get("province") or "") if addresses else ""  # (bulk_import._address_key)
                self.rows.append((*row, province or None))
            else:
                self.rows.append(row)

    def refresh(self, ids: Sequence[int]) -> None:
        """Customers whose rows were given but changed since: read again from the tables at the end."""
        self.stale.extend(ids)

    def flush(self) -> None:
        """Hand the rows added so far to the writer (with a writer; else they wait for the end).

        The two-character tokens are made here, in the calling thread, while the writer
        indexes earlier batches."""
        if self.writer is None or not self.rows:
            return
        rows, self.rows = self.rows, []
        self.writer.insert(FTS_TABLE, self._columns, rows)
        if self.grams:
            self.writer.insert(GRAMS_TABLE, ("rowid", "t"), [(r[0], gram_text(r[1], r[3], r[4], r[5])) for r in rows])


_COLUMN_LIST = tuple(c.strip() for c in _COLUMNS.split(","))


@contextlib.contextmanager
def bulk_load(
    db: pw.Database | None = None,
    refresh_ids: Sequence[int] = (),
    writer: bulk.Writer | None = None,
    incoming: int = 0,
) -> Iterator[BulkIndex]:
    """For loading many rows at once (demo data, big imports), inside the caller's transaction.

    Row-by-row index upkeep costs a delete and re-insert of the customer's index row for
    every address; instead the insert triggers are suspended for the block and the index
    rows of new customers are written in bulk: the rows the block gave to the yielded
    :class:`BulkIndex` as they are (no read-back; with a ``writer``, batch by batch as the
    block flushes them, else at the end), any other new customer's from the tables in one
    statement at the end. ``refresh_ids`` (existing customers that changed) and rows the
    block marked stale are re-read. Updates and deletes keep their triggers. The trigger
    DDL is part of the caller's transaction, so a rollback restores it too. When the block
    fails, ``writer`` is stopped (its queue dropped) before anything else runs. ``incoming``: how
    many customers the block is about to add, if known (a team server's big first load drops the
    search table's GIN indexes from the start: :func:`_bulk_load_pg`).
    """
    db = db if db is not None else DB.obj
    if is_postgres(db) and fts_enabled(db):
        yield from _bulk_load_pg(db, refresh_ids, writer, incoming)
        return
    if not fts_enabled(db):
        yield BulkIndex(enabled=False)
        return
    grams = _has_table(db, GRAMS_TABLE)
    given = BulkIndex(grams, writer)
    tables = (FTS_TABLE, GRAMS_TABLE) if grams else (FTS_TABLE,)
    for name in _INSERT_TRIGGERS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    # FTS5 merges its index segments while rows go in; for a big load that is ~40% of the
    # insert time (100k customers: 5.5 s → 3.6 s without). The load leaves more segments,
    # which later writes merge step by step (automerge is back to its default at the end);
    # searches stay in milliseconds meanwhile (benchmarks/bench_exchange.py).
    for table in tables:
        db.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")
        db.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('crisismerge', {_BULK_CRISISMERGE})")
    failed = False
    try:
        yield given
        _load(db, given, grams, list(refresh_ids) + given.stale)
    except BaseException:
        failed = True
        if writer is not None:
            writer.close(discard=True)  # the connection idle before anything else uses it
        raise
    finally:
        # after a failure the caller's rollback restores all this anyway; an error here
        # (the transaction may already be gone) must not hide the first one
        with contextlib.suppress(pw.DatabaseError, StoreError) if failed else contextlib.nullcontext():
            for sql in _triggers(grams):
                if any(f" {name} " in sql for name in _INSERT_TRIGGERS):
                    db.execute_sql(sql)
            for table in tables:
                db.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', {_AUTOMERGE})")
                db.execute_sql(f"INSERT INTO {table} ({table}, rank) VALUES ('crisismerge', {_CRISISMERGE})")


def _bulk_load_pg(
    db: pw.Database, refresh_ids: Sequence[int], writer: bulk.Writer | None = None, incoming: int = 0
) -> Iterator[BulkIndex]:
    """:func:`bulk_load` on a team server: the insert triggers stand aside for the transaction
    (search_pg.BULK_SETTING). With a ``writer``, the rows given to the yielded index go in batch by
    batch as the block flushes them (a COPY each, which the server stores while the importer checks
    the next rows: not one statement after the importer is done); then any other new customer's
    row is made from the tables, and ``refresh_ids`` (and rows marked stale) made again.

    Only someone who may have the triggers stand aside writes the search table itself (its owners:
    search_pg.may_bulk_load_sql); for anyone else the triggers keep it, row by row.

    A big first load (``incoming`` customers, search_pg.rebuild_worth_it) drops the table's GIN
    indexes at its start and leaves them to be built after its commit, several at once
    (store.index_builds); a big load not announced by its ``incoming`` (the rows made at the end)
    drops them just before that statement and builds them after it."""
    native(db, search_pg.SET_BULK_SQL, ("on",))
    may = bool(native(db, f"SELECT {search_pg.may_bulk_load_sql()}").fetchone()[0])
    later: list[tuple[str, str]] | None = None
    if may and writer is not None and incoming and search_pg.rebuild_worth_it(db, incoming):
        later = search_pg.drop_gin_indexes(db)
    dropped: list[tuple[str, str]] | None = None
    given = BulkIndex(writer=writer, enabled=may and writer is not None, scoped=True)
    yield given  # (after a failure the caller's rollback ends the setting with everything else)
    given.flush()
    if writer is not None:
        writer.wait()  # (the last batches' rows)
    native(db, search_pg.SET_BULK_SQL, ("off",))
    all_rows = _ROW_SQL.replace(" WHERE c.id = {cid}", "")
    if later is None and search_pg.rebuild_worth_it(db):
        # a big load into a small table: its GIN indexes built once after the rows (search_pg.REBUILD_MIN_ROWS)
        dropped = search_pg.drop_gin_indexes(db)
    db.execute_sql(
        _insert_rows(db, all_rows) + f" WHERE NOT EXISTS (SELECT 1 FROM {FTS_TABLE} AS f WHERE f.rowid = c.id)"
    )
    if dropped:
        search_pg.create_gin_indexes(db, dropped)
    if later:
        index_builds.defer(db, later)
    ids = sorted(set(refresh_ids) | set(given.stale))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        db.execute_sql(_insert_rows(db, all_rows) + f" WHERE c.id IN ({marks})", chunk)


_AUTOMERGE, _CRISISMERGE = 4, 16  # FTS5's defaults
_BULK_CRISISMERGE = 64


def _load(db: pw.Database, given: BulkIndex, grams: bool, refresh_ids: Sequence[int]) -> None:
    if given.writer is not None:
        given.flush()
        given.writer.wait()
    cursor = db.cursor()
    for start in range(0, len(given.rows), 10000):
        rows = given.rows[start : start + 10000]
        cursor.executemany(f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", rows)
        if grams:  # tokens made chunk by chunk: 100k customers' would hold ~60 MB at once
            cursor.executemany(
                f"INSERT INTO {GRAMS_TABLE} (rowid, t) VALUES (?, ?)",
                [(r[0], gram_text(r[1], r[3], r[4], r[5])) for r in rows],
            )
    given.rows.clear()
    all_rows = _ROW_SQL.replace(" WHERE c.id = {cid}", "")
    new = [r[0] for r in db.execute_sql(f"SELECT id FROM customer WHERE id NOT IN (SELECT rowid FROM {FTS_TABLE})")]
    for start in range(0, len(new), 10000):
        chunk = new[start : start + 10000]
        db.execute_sql(
            f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + all_rows + f" WHERE c.id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
    if grams:
        _fill_grams(db, new, fresh=True)
    ids = sorted(set(refresh_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        db.execute_sql(f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + all_rows + f" WHERE c.id IN ({marks})", chunk)
    if grams and ids:
        _fill_grams(db, ids)


def supports_fts(db: pw.Database) -> bool:
    if not isinstance(db, pw.SqliteDatabase):
        return False
    try:
        options = {row[0] for row in db.execute_sql("PRAGMA compile_options").fetchall()}
    except pw.DatabaseError:
        return False
    return "ENABLE_FTS5" in options


_fts_cache: weakref.WeakKeyDictionary[pw.Database, bool] = weakref.WeakKeyDictionary()


def fts_enabled(db: pw.Database | None = None) -> bool:
    """Whether the bound database has the search index (checked once per database object): the
    FTS5 table, or a team server's pg_trgm table (schema 16)."""
    db = db if db is not None else DB.obj
    if db is not None and is_postgres(db):
        if db not in _fts_cache:
            _fts_cache[db] = search_pg.has_index(db)
        return _fts_cache[db]
    if db is None or not isinstance(db, pw.SqliteDatabase):
        return False
    if db not in _fts_cache:
        row = db.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)).fetchone()
        _fts_cache[db] = row is not None
    return _fts_cache[db]


_grams_cache: weakref.WeakKeyDictionary[pw.Database, bool] = weakref.WeakKeyDictionary()


def grams_enabled(db: pw.Database | None = None) -> bool:
    """Whether the bound database has the two-character token table (schema 4; on a team server
    the search table's ``grams`` column)."""
    db = db if db is not None else DB.obj
    if db is not None and is_postgres(db):
        return fts_enabled(db)
    if db is None or not isinstance(db, pw.SqliteDatabase):
        return False
    if db not in _grams_cache:
        _grams_cache[db] = _has_table(db, GRAMS_TABLE)
    return _grams_cache[db]


def forget(db: pw.Database) -> None:
    """Drop the cached answers of :func:`fts_enabled` (after migrating or closing ``db``)."""
    _fts_cache.pop(db, None)
    _grams_cache.pop(db, None)


# --- query expressions ---------------------------------------------------------------------------------------------


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(field: pw.ColumnBase, pattern: str) -> pw.NodeList:
    # Spelled out: peewee maps its LIKE operator to GLOB on SQLite, which takes no ESCAPE.
    # SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE does the same.
    like = "ILIKE" if is_postgres(DB) else "LIKE"
    return pw.NodeList((field, pw.SQL(like), pw.Value(pattern), pw.SQL("ESCAPE '\\'")))


def _contains(field: pw.ColumnBase, text: str) -> pw.NodeList:
    return _like(field, f"%{_escape_like(text)}%")


def _term_like(term: str) -> pw.ColumnBase:
    """The portable version of one term."""
    lowered = term.lower()
    clauses: list[pw.ColumnBase] = [_contains(Customer.name, term), _contains(Customer.wechat, term)]
    if _DIGITS.match(term):
        clauses.append(_contains(Customer.phone, term))
    if _ASCII_LETTERS.match(lowered):
        clauses.append(_like(Customer.name_initials, f"{_escape_like(lowered)}%"))
        clauses.append(_contains(Customer.name_pinyin, lowered))
    address_hit = Address.select(pw.SQL("1")).where(
        (Address.customer == Customer.id)
        & Address.deleted_at.is_null()
        & (
            _contains(Address.province.concat(Address.city).concat(Address.district).concat(Address.detail), term)
            | _contains(Address.recipient, term)
            | (_contains(Address.phone, term) if _DIGITS.match(term) else pw.SQL("1 = 0"))
        )
    )
    clauses.append(pw.fn.EXISTS(address_hit))
    return _any(clauses)


def _any(clauses: Sequence[pw.ColumnBase]) -> pw.ColumnBase:
    expr = clauses[0]
    for clause in clauses[1:]:
        expr = expr | clause
    return expr


def _term_fts_parts(term: str) -> list[tuple[str, list[str]]]:
    """One term against the FTS indexes: every way it can match, each an id query (SQL, parameters)."""
    if _PHONE_LIKE.match(term):
        term = term.replace("-", "")  # phones are indexed without dashes (021-6464… → 0216464…)
    lowered = term.lower()
    parts: list[tuple[str, list[str]]] = []
    if _ASCII_LETTERS.match(lowered):
        # Initials are matched as a prefix (zs → 张三, 张世杰), as a range on the indexed column.
        parts.append(
            (
                'SELECT "id" FROM "customer" WHERE "name_initials" >= ? AND "name_initials" < ?',
                [lowered, lowered[:-1] + chr(ord(lowered[-1]) + 1)],
            )
        )
    if is_postgres(DB):
        return parts + _term_pg_parts(term)
    if len(term) >= 3:
        parts.append((_TRIGRAM_MATCH_SQL, ['"' + term.replace('"', '""') + '"']))
    elif term.isalnum() and grams_enabled():
        # One or two characters: one token of the two-character table (a 1-character prefix for one).
        parts.append((_GRAMS_MATCH_SQL, [f'"{term}"' + (" *" if len(term) == 1 else "")]))
    else:
        # Punctuation (or a database of schema 3): a scan of the compact index text.
        columns = ("name", "wechat", "address") + (("phones",) if _DIGITS.match(term) else ())
        parts.append(
            (
                f"SELECT rowid FROM {FTS_TABLE} WHERE " + " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in columns),
                [f"%{_escape_like(term)}%"] * len(columns),
            )
        )
    return parts


def _term_pg_parts(term: str) -> list[tuple[str, list[str]]]:
    """A team server's ways (search_pg) for a term of :func:`_term_fts_parts` past the initials:
    the index's SQL, or for a user under the row-level security policies the same lookups
    through the server's ``sd_search`` (search_pg.Ways)."""
    ways = search_pg.ways(DB.obj)
    contains = f"%{_escape_like(term)}%"
    if len(term) >= 3:
        return [ways.trigram(term, contains)]
    if term.isalnum():
        return [ways.grams(term.lower())]
    return [ways.scan(term, contains, phones=bool(_DIGITS.match(term)))]


def _term_fts(term: str) -> pw.Expression:
    """As one ``id IN (…)`` expression: the ways to match joined with UNION (an OR of different
    access paths would make SQLite read every customer row instead)."""
    parts = _term_fts_parts(term)
    sql = " UNION ".join(part for part, _params in parts)
    if is_postgres(DB):
        sql = to_postgres(sql)  # (inside a peewee query, which is not translated)
    return Customer.id.in_(pw.SQL("(" + sql + ")", [p for _sql, params in parts for p in params]))


# --- big id answers in slices ------------------------------------------------------------------------------------

ID_SLICE = 8_192
"""Ids handled per C-level call when a big answer is parsed, united or filtered: json.loads of a
300k-id array, set() of it or a union of two 230k sets each held the GIL for 40-90 ms on a busy
machine (a worker reading the whole answer of ``1`` froze the UI thread for 200-400 ms); a slice
costs 1-3 ms, and the interpreter hands the GIL over between slices."""
_SLICE_CHARS = ID_SLICE * 8  # (ids of up to 7 digits and a comma)


def json_id_slices(text: str | None, chars: int = _SLICE_CHARS) -> Iterator[list[int]]:
    """The integers of a JSON array (``json_group_array``'s answer), a slice of about
    :data:`ID_SLICE` (``chars`` characters) at a time, in order."""
    if not text:
        return
    end = len(text) - 1  # (the closing bracket)
    start = 1
    while start < end:
        stop = text.find(",", start + chars, end)
        if stop < 0:
            stop = end
        yield json.loads(f"[{text[start:stop]}]")
        start = stop + 1


def json_id_set(text: str | None) -> set[int]:
    """The set of the integers of a JSON array, built a slice at a time (see :data:`ID_SLICE`)."""
    out: set[int] = set()
    for part in json_id_slices(text):
        out.update(part)
    return out


def id_slices(ids: Iterable[int], size: int = ID_SLICE) -> Iterator[list[int]]:
    """``ids`` (a set, a list) in lists of at most ``size``."""
    it = iter(ids)
    while part := list(itertools.islice(it, size)):
        yield part


def union_of(parts: Sequence[Collection[int]]) -> set[int]:
    """The union of ``parts``, built a slice at a time (see :data:`ID_SLICE`)."""
    if not parts:
        return set()
    biggest = max(parts, key=len)
    out = set()
    for part in (biggest, *(p for p in parts if p is not biggest)):
        for piece in id_slices(part):
            out.update(piece)
    return out


def _terms(query: str) -> list[str]:
    return [t for t in re.split(r"\s+", query.strip()) if t]


class Answers:
    """The id sets of the last search's ways of matching, kept (by the table model) so the next
    keystroke narrows them instead of reading a big answer again.

    A term that extends the previous one (``de`` after ``d``, ``demo_`` after ``demo``) through
    the same index matches a subset of what it matched: a probe (FTS5 ``old NOT new``, or the
    old initials range minus the new one) tells whether anybody drops out; when nobody does,
    the very same set object is handed back, so the caller can keep its view (``demo`` →
    ``demo_`` at 300k customers: no 225k-id read); else only those who drop out are read, where
    that is cheaper than reading the answer. Valid while the data does not change: :meth:`clear`
    it then.
    """

    NARROW_FROM = 2_000  # smaller answers are read again: a read of a few thousand ids costs nothing

    def __init__(self) -> None:
        self._parts: dict[
            tuple[int, str], tuple[str, list[str], set[int]]
        ] = {}  # (term no., SQL) → (term, params, ids)
        self._next: dict[tuple[int, str], tuple[str, list[str], set[int]]] = {}
        self._unions: dict[int, tuple[list[set[int]], set[int]]] = {}  # term no. → (its parts, their union)
        self._next_unions: dict[int, tuple[list[set[int]], set[int]]] = {}
        self.narrowed = 0  # how many parts were narrowed or reused (tests check it)

    def can_narrow(self, index: int, term: str) -> bool:
        """Whether the last search kept a set for its ``index``-th term that ``term`` extends
        (``de`` after ``d``): :meth:`ids` narrows it instead of reading the answer."""
        key = _normalised(term)
        return any(k[0] == index and key.startswith(kept[0]) for k, kept in self._parts.items())

    def copy(self) -> Answers:
        """Another holder of the same kept sets (the sets themselves are never changed), for a
        worker that narrows them while this one keeps serving keystrokes."""
        other = Answers()
        other._parts = dict(self._parts)
        other._unions = dict(self._unions)
        return other

    def clear(self) -> None:
        self._parts.clear()
        self._next.clear()
        self._unions.clear()
        self._next_unions.clear()

    def union(self, index: int, parts: list[set[int]]) -> set[int]:
        """The union of a term's ways of matching: last time's set object when the parts are
        the same (big ones the same objects, small ones equal), so an unchanged answer stays one."""
        last = self._unions.get(index)
        same = last is not None and len(last[0]) == len(parts)
        if same and last is not None:
            same = all(a is b or (len(b) < self.NARROW_FROM and a == b) for a, b in zip(last[0], parts))
        out = last[1] if same and last is not None else union_of(parts)
        self._next_unions[index] = (parts, out)
        return out

    def ids(self, index: int, term: str, sql: str, params: list[str]) -> set[int] | None:
        """The ids of one way (``sql``) of matching ``term``, the query's ``index``-th term, from the
        kept sets; None when they must be read."""
        trigram_sql, grams_sql = _match_sql()
        kept = self._parts.get((index, sql))
        if kept is None:
            grams = self._parts.get((index, grams_sql)) if sql == trigram_sql else None
            return self._from_grams(term, sql, params, grams) if grams is not None else None
        old_term, old_params, old_ids = kept
        if params == old_params:
            self.narrowed += 1
            return old_ids
        if len(old_ids) < self.NARROW_FROM or not term.startswith(old_term):
            return None
        if sql.startswith(_INITIALS_SQL):
            removed_sql = f"{sql} AND NOT (name_initials >= ? AND name_initials < ?)"
            removed_params = old_params + params
        elif " MATCH ?" in sql:
            removed_sql, removed_params = sql, [f"({old_params[0]}) NOT ({params[0]})"]
        elif search_pg.narrowed_out_sql(sql) is not None:
            removed_sql, removed_params = cast(str, search_pg.narrowed_out_sql(sql)), old_params + params
        else:
            return None
        # first whether anybody drops out at all: stops at the first one (µs when most do), and
        # when nobody does the kept set is the answer (demo → demo_), no id handed over
        db = DB.obj
        if db.execute_sql(f"{removed_sql} LIMIT 1", removed_params).fetchone() is None:
            self.narrowed += 1
            return old_ids
        # a phrase of the trigram table costs as much to test again as to read
        if sql == trigram_sql:
            return None
        # when more than half drop out (1 → 13), reading the answer itself is cheaper
        (count,) = db.execute_sql(f"SELECT count(*) FROM ({sql}) AS q", params).fetchone()
        if count * 2 < len(old_ids):
            return None
        from sellerdesk.store.queries import id_list  # (queries imports this module)

        self.narrowed += 1
        return old_ids.difference(id_list(removed_sql, removed_params))

    def _from_grams(
        self, term: str, sql: str, params: list[str], grams: tuple[str, list[str], set[int]]
    ) -> set[int] | None:
        """A term of three characters or more after its first two (``de`` → ``dem``): the trigram
        answer lies within the two-character one plus the customers whose full pinyin holds the
        term (the token table has no pinyin), so when it counts as many, it is that union."""
        old_term, _old_params, old_ids = grams
        if len(old_ids) < self.NARROW_FROM or not term.startswith(old_term):
            return None
        from sellerdesk.store.queries import id_list  # (queries imports this module)

        db = DB.obj
        pinyin: list[int] = []
        if re.search("[a-z]", term):
            if is_postgres(db):
                pinyin = id_list(f"{search_pg.ways(db).pinyin_sql} LIMIT {_PINYIN_LIMIT + 1}", params)
            else:
                pinyin = id_list(f"{sql} LIMIT {_PINYIN_LIMIT + 1}", [f"pinyin : {params[0]}"])
            if len(pinyin) > _PINYIN_LIMIT:
                return None
        within = old_ids.union(pinyin) if pinyin else old_ids
        (count,) = db.execute_sql(f"SELECT count(*) FROM ({sql}) AS q", params).fetchone()
        if count != len(within):  # (it is never more)
            return None
        self.narrowed += 1
        return within

    def prime(self, index: int, term: str, sql: str, params: list[str], ids: set[int]) -> None:
        """``ids``, the whole answer of one way (``sql``) of matching ``term``, the ``index``-th term
        of the query about to be answered, read already (:func:`is_big`): :meth:`ids` hands it back."""
        self._parts[(index, sql)] = (term, params, ids)

    def keep(self, index: int, term: str, sql: str, params: list[str], ids: set[int]) -> None:
        self._next[(index, sql)] = (term, params, ids)

    def done(self) -> None:
        """The query is answered: what it read replaces what the one before read."""
        self._parts, self._next = self._next, {}
        self._unions, self._next_unions = self._next_unions, {}


_INITIALS_SQL = 'SELECT "id" FROM "customer" WHERE "name_initials" >= ?'
_TRIGRAM_MATCH_SQL = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?"
_GRAMS_MATCH_SQL = f"SELECT rowid FROM {GRAMS_TABLE} WHERE {GRAMS_TABLE} MATCH ?"
_PINYIN_LIMIT = 5_000


def _match_sql() -> tuple[str, str]:
    """The SQL of a trigram match and of a short-term match on the bound database."""
    if is_postgres(DB):
        ways = search_pg.ways(DB.obj)
        return ways.trigram_sql, ways.grams_sql
    return _TRIGRAM_MATCH_SQL, _GRAMS_MATCH_SQL


def _normalised(term: str) -> str:
    """The text a term is looked up as (subset tests of :class:`Answers` compare these)."""
    return (term.replace("-", "") if _PHONE_LIKE.match(term) else term).lower()


def matching_ids(query: str, answers: Answers | None = None) -> set[int] | None:
    """The ids (live or trashed) of customers matching every term of ``query``; None for no terms.

    With FTS each way a term can match is one index lookup returning ids, united and
    intersected here (a UNION in SQL would sort 75k ids for "demo" or "d": 50 ms instead
    of 15): no join, no sort. The caller keeps its own display order and filters it by this set.
    ``answers`` (kept by the caller between keystrokes, cleared when the data changes) narrows
    the previous query's sets instead of reading them again; the set returned may be one of
    them (callers never change it).
    """
    terms = _terms(query)
    if not terms:
        return None
    if not fts_enabled():
        # (peewee's stubs type .tuples() as the query itself)
        rows = cast(Iterable[tuple[int]], Customer.select(Customer.id).where(matches(query)).tuples())
        return {cid for (cid,) in rows}
    db = DB.obj
    found: set[int] | None = None
    try:
        # longest (most selective) first; ``index``: the term's place as typed, which typing keeps
        for index, term in sorted(enumerate(terms), key=lambda it: len(it[1]), reverse=True):
            parts: list[set[int]] = []
            key = _normalised(term)
            for sql, params in _term_fts_parts(term):
                ids = answers.ids(index, key, sql, params) if answers is not None else None
                if ids is None and is_postgres(db):
                    ids = search_pg.read_ids(db, sql, params)
                elif ids is None:
                    # one JSON array instead of a row per id: half the time for big answers ("1" → 100k)
                    # (parsed and gathered in slices: the UI thread gets the GIL between them)
                    row = db.execute_sql(f"WITH q(c) AS ({sql}) SELECT json_group_array(c) FROM q", params).fetchone()
                    ids = json_id_set(row[0] if row else None)
                if answers is not None:
                    answers.keep(index, key, sql, params, ids)
                if ids:
                    parts.append(ids)
            # one way of matching: its set as it is (the same object as last time when unchanged)
            if not parts:
                return set()
            if len(parts) == 1:
                united = parts[0]
            else:
                united = answers.union(index, parts) if answers is not None else union_of(parts)
            found = united if found is None else found & united
            if not found:
                return set()
        return found
    finally:
        if answers is not None:
            answers.done()


def matches(query: str) -> pw.ColumnBase | None:
    """An expression for customers matching every whitespace-separated term of ``query``."""
    terms = _terms(query)
    if not terms:
        return None
    term_expr = _term_fts if fts_enabled() else _term_like
    expr = term_expr(terms[0])
    for term in terms[1:]:
        expr = expr & term_expr(term)
    return expr


# --- a big answer's first screen ----------------------------------------------------------------------------------

FIRST_CHUNK = 200
FIRST_CHUNKS = 3  # the most chunks :func:`first_hits` tests before it gives up (the answer is not big)


def is_big(term: str, at_least: int, answers: Answers | None = None) -> bool:
    """Whether one way of matching ``term`` finds ``at_least`` customers, counted from the
    index up to that many: a few ms, where reading a big answer as ids costs 150-300 ms at
    300k customers. (At 300k, 张 finds 6k, 张伟 300: read whole as usual; d, 1, l, de, 13 find
    20k-300k, so their first screen is within :func:`first_hits`' first chunks.)

    With ``answers`` (the caller's, about to read the answer whole when it is not big) the ways
    are read as ids up to that many instead of counted, and when none is big the sets read are
    kept in ``answers`` for :func:`matching_ids`, which then reads nothing: a phrase just under
    the bar (``demo_z``: 18.5k of 300k) cost its count and then its read, 60-75 ms each on a busy
    machine. (Not on a team server: counted there.)"""
    limit = at_least
    db = DB.obj
    if answers is not None and not is_postgres(db):
        key = _normalised(term)
        read: list[tuple[str, list[str], set[int]]] = []
        for sql, params in _term_fts_parts(term):
            row = db.execute_sql(
                f"WITH q(c) AS ({sql} LIMIT ?) SELECT json_group_array(c) FROM q", [*params, limit]
            ).fetchone()
            ids = json_id_set(row[0] if row else None)
            if len(ids) >= limit:
                return True
            read.append((sql, params, ids))
        for sql, params, ids in read:
            answers.prime(0, key, sql, params, ids)
        return False
    for sql, params in _term_fts_parts(term):
        sql, bounded = search_pg.limited(sql, params, limit)  # (a LIMIT; inside sd_search for its callers)
        (count,) = db.execute_sql(f"SELECT count(*) FROM ({sql}) AS q", bounded).fetchone()
        if count >= limit:
            return True
    return False


def lazy_term(query: str) -> str | None:
    """The term of ``query`` when its first screen can be found by :func:`first_hits`: one term,
    of letters and digits (or three characters or more, without a dash), with the FTS indexes."""
    terms = _terms(query)
    if len(terms) != 1 or not fts_enabled():
        return None
    term = terms[0]
    if "-" in term or not ((term.isalnum() and grams_enabled()) or len(term) >= 3):
        return None
    return term


def first_hits(term: str, order: Sequence[int], want: int, short: bool = False) -> list[int] | None:
    """The first ``want`` ids of ``order`` that ``term`` matches, or None when they are not within
    its first :data:`FIRST_CHUNKS` chunks (an answer that small is read whole, cheaply); with
    ``short`` (the caller knows the answer is big: :func:`is_big`) the hits those chunks hold,
    however few, the first of the answer all the same (``z`` or ``l`` at 300k: 40k-50k hits, but
    张/赵/周 and 李/刘/林 sort far from the top of the name order).

    For the first keystroke of a common letter or digit (``d``, ``1``: 230k–300k of 300k
    customers, 110–150 ms to read as a set) this costs a few ms: ``order`` is tested a chunk
    at a time against the customers' index rows. The test is the FTS lookups' meaning
    spelled as LIKE: the text (name, WeChat ID, phones, addresses; and the pinyin for three
    characters or more) contains the term, or the pinyin initials start with it. (LIKE folds
    the case of ASCII letters only; the caller replaces this screen with the FTS answer.)
    """
    lowered = term.lower()
    columns = ["name", "wechat", "phones", "address"] + (["pinyin"] if len(term) >= 3 else [])
    test = " OR ".join(f"x.{col} LIKE ? ESCAPE '\\'" for col in columns)
    params: list[object] = [f"%{_escape_like(term)}%"] * len(columns)
    if _ASCII_LETTERS.match(lowered):
        test += ' OR (c."name_initials" >= ? AND c."name_initials" < ?)'
        params += [lowered, lowered[:-1] + chr(ord(lowered[-1]) + 1)]
    db = DB.obj

    def found_in(chunk: list[int]) -> set[int]:
        marks = ", ".join("?" * len(chunk))
        sql = (
            f'SELECT c."id" FROM "customer" c JOIN {FTS_TABLE} x ON x.rowid = c."id" '
            f'WHERE c."id" IN ({marks}) AND ({test})'
        )
        return {row[0] for row in db.execute_sql(sql, [*chunk, *params]).fetchall()}

    return first_in_order(order, want, FIRST_CHUNK, FIRST_CHUNKS, found_in, short=short)


def first_in_order(
    order: Sequence[int],
    want: int,
    size: int,
    most: int,
    found_in: Callable[[list[int]], set[int]],
    *,
    thin_gives_up: bool = False,
    short: bool = False,
) -> list[int] | None:
    """The first ``want`` ids of ``order`` that ``found_in(chunk)`` keeps, testing ``order`` a
    chunk of ``size`` ids at a time, at most ``most`` chunks; None when they are not within
    those (the caller reads its whole answer instead, which is then small and cheap).
    ``thin_gives_up``: stop as soon as the hits so far are too thin for the chunks left to hold
    ``want`` of them; ``short``: the hits the chunks hold, however few (see :func:`first_hits`).
    (:func:`first_hits` for a search, ``queries.first_region_hits`` for a region.)"""
    out: list[int] = []
    for start in range(0, min(len(order), size * most), size):
        chunk = list(order[start : start + size])
        found = found_in(chunk)
        out.extend(cid for cid in chunk if cid in found)
        if len(out) >= want:
            return out[:want]
        tested = start // size + 1
        if thin_gives_up and len(order) > size * most and len(out) * most < want * tested:
            return None  # (at this rate the chunks will not hold a screen: a small answer, read whole)
    return out if short or len(order) <= size * most else None  # (all of a short order was tested)


# --- ranking -------------------------------------------------------------------------------------------------------

RANK_PREFIX_LIMIT = 10_000
"""A prefix shared by more customers than this ranks nobody above the rest (``d``, ``1``, ``demo``
begin nearly every WeChat ID or phone): reading all those ids would cost more than it tells."""


def rank_tiers(query: str, trashed: bool = False) -> list[set[int]]:
    """Who comes first among the hits of ``query``: [exact matches, prefix matches].

    Ranked by the first term: an exact match is a name, WeChat ID (as typed, or in lower
    case), phone or the whole of the pinyin initials equal to it (``zs`` → 张三); a prefix
    match is a name, initials, WeChat ID or phone (three digits or more) starting with it
    (``zs`` → 张世杰, ``张`` → 张伟). Everything else the search finds (an address, a
    WeChat ID or initials containing the term: 常振思 for ``zs``) comes after both. Each
    set is one indexed lookup (equality, or a range on the column's index); the sets may
    hold customers the search does not find, callers keep only the hits
    (:func:`sellerdesk.store.queries.apply_rank`). Empty for an empty query.
    """
    terms = _terms(query)
    if not terms:
        return []
    term = terms[0]
    lowered = term.lower()
    live = Customer.deleted_at.is_null(not trashed)
    exact: list[pw.ColumnBase] = [Customer.name == term, Customer.wechat.in_(sorted({term, lowered}))]
    prefix: list[tuple[pw.Field, str]] = [(Customer.name, term), (Customer.wechat, term)]
    if lowered != term:
        prefix.append((Customer.wechat, lowered))
    if _ASCII_LETTERS.match(lowered):
        exact.append(Customer.name_initials == lowered)
        prefix.append((Customer.name_initials, lowered))
    if _DIGITS.match(term) or _PHONE_LIKE.match(term):
        exact.append(Customer.phone == term)
        if len(term) >= 3:
            prefix.append((Customer.phone, term))
    from sellerdesk.store.queries import id_list  # (queries imports this module)

    first: set[int] = set()
    for clause in exact:  # one query per column, so each reads its own index
        first.update(id_list(*Customer.select(Customer.id).where(live & clause).sql()))
    second: set[int] = set()
    db = DB.obj
    for column, text in prefix:
        bounded = (
            Customer.select(Customer.id)
            .where(live & (column >= text) & (column < _after_prefix(text)))
            .limit(RANK_PREFIX_LIMIT + 1)
        )
        sql, params = bounded.sql()
        # counted first from the index (cheap), read only when it ranks anybody
        (count,) = db.execute_sql(f"SELECT count(*) FROM ({sql}) AS q", params).fetchone()
        if count <= RANK_PREFIX_LIMIT:
            second.update(id_list(sql, params))
    return [first, second - first]


def _after_prefix(text: str) -> str:
    """The smallest string greater than every string starting with ``text`` (binary order)."""
    return text + "\U0010ffff"
