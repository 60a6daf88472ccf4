"""Bulk writes: secondary indexes built once at the end, and statements run in a helper thread.

Inserting 100k customers into a table with its dozen indexes costs ~3 s of B-tree
updates at random places (pinyin, phone, WeChat keys); building the same indexes from
the finished table takes about a third of that. Worth it only when the load is at least
as big as what the table already holds, since rebuilding reads every row.

SQLite does its work without Python's GIL, so a bulk writer with Python work left
(checking rows, making search tokens) can hand the database work to a helper thread
(:class:`Writer`) and use the second core. Each statement must be one long call into
SQLite: rows go in as one JSON text per batch (``INSERT … SELECT … FROM jsonb_each(?)``),
not ``executemany``, whose per-row return to Python would wait for the busy main thread.

On a team server (PostgreSQL) the same :class:`Writer` sends each batch as one ``COPY … FROM
STDIN`` (psycopg's ``cursor.copy()``) from its helper thread, in the caller's transaction; the
server stores it in its own process while the importer checks the next rows. Indexes are not
dropped there (:func:`deferred_indexes`: DROP INDEX would lock every other user of the team out of
the table for the whole load), and rows a bulk writer numbers itself take their ids from the
table's sequence (:class:`Numbers`), since other users may add rows meanwhile.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import queue
import sys
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

import peewee as pw

from sellerdesk.store import index_builds
from sellerdesk.store.errors import StoreError
from sellerdesk.store.models import DB
from sellerdesk.store.postgres import NoPermissionError, big_first_load, is_postgres, lock_if_free, native, to_postgres

if TYPE_CHECKING:
    from sqlcipher3 import dbapi2 as sqlcipher

# The column order of the raw order and order-line rows that bulk writers (the importer, demo
# data) build as tuples; the names are store/models.py's Order and OrderItem columns.
ORDER_COLUMNS = (
    "id",
    "customer_id",
    "order_date",
    "amount_fen",
    "items",
    "courier",
    "tracking_no",
    "address_snapshot",
    "status",
    "created_at",
    "updated_at",
    "order_no",
    "notes",
    "shipped_on",
    "address_id",
    "deleted_at",
    "version",
)
ORDER_ITEM_COLUMNS = ("order_id", "position", "product", "quantity", "unit_price_fen")

# Turns a driver's exception into peewee's own, as execute_sql does; peewee's stubs leave it out.
_PEEWEE_ERRORS: pw.ExceptionWrapper = pw.__exception_wrapper__  # type: ignore[attr-defined]


def index_sql(db: pw.Database, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of ``table``'s own indexes (not the automatic ones; on a team
    server every index, its primary key's too)."""
    if is_postgres(db):
        from sellerdesk.store.postgres import native

        sql = (
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s "
            "ORDER BY indexname"
        )
        return [tuple(row) for row in native(db, sql, (table,)).fetchall()]
    return [
        tuple(row)
        for row in db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
            "ORDER BY name",
            (table,),
        ).fetchall()
    ]


class Copy:
    """A queued ``COPY table (columns) FROM STDIN`` (PostgreSQL): its rows are the params."""

    __slots__ = ("table", "columns")

    def __init__(self, table: str, columns: Sequence[str]) -> None:
        self.table, self.columns = table, tuple(columns)

    def sql(self) -> str:
        names = ", ".join(f'"{c}"' for c in self.columns)
        return f'COPY "{self.table}" ({names}) FROM STDIN'


# connection → table → whether row-level security applies to it there (asked once per connection
# and table: the user of a connection does not change, and a bulk load COPYs a batch at a time)
_POLICED: weakref.WeakKeyDictionary[Any, dict[str, bool]] = weakref.WeakKeyDictionary()


def row_security_active(conn: Any, table: str) -> bool:
    """Whether ``table``'s row-level security applies to ``conn``'s user (PostgreSQL), asked once;
    also true when ``table`` is a view for this user (a helper whose phones are masked reads and
    writes the phone-bearing tables through the ``sd_masked`` views, store.masking_pg): COPY
    cannot go into either, INSERTs can."""
    known = _POLICED.setdefault(conn, {})
    if table not in known:
        with conn.cursor() as cursor:
            row = cursor.execute(
                "SELECT c.relkind <> 'r' OR row_security_active(c.oid) FROM pg_class c WHERE c.oid = to_regclass(%s)",
                (f'"{table}"',),
            ).fetchone()
            known[table] = row is None or bool(row[0])
    return known[table]


def copy_rows(conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], user: str = "") -> int:
    """COPY ``rows`` (stored values) into ``table`` on a psycopg connection; returns how many.

    psycopg writes each row in COPY's text format with the connection's dumpers (a NUL in text
    as U+0001, booleans as 1/0: store.postgres), so the server parses them as an INSERT would.

    PostgreSQL refuses COPY FROM into a table whose row-level security applies to this user (a
    helper: the region policies of schema 14); their rows go in as INSERTs, which the policies
    check row by row (slower, the same result)."""
    import psycopg
    from psycopg.types.string import StrDumperUnknown

    count = 0
    try:
        policed = row_security_active(conn, table)
        with conn.cursor() as cursor:
            if policed:
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                batch = list(rows)
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', batch)
                return len(batch)
            # psycopg's own (C) text dumper: the connection's (store.postgres) is Python, called for
            # every value; the NUL it turns into U+0001 is turned here, in the rows holding one. One
            # join of the batch's texts tells whether any does (a third of its repr's time)
            cursor.adapters.register_dumper(str, StrDumperUnknown)
            batch = rows if isinstance(rows, list) else list(rows)
            if "\x00" in "".join([value for row in batch for value in row if isinstance(value, str)]):
                batch = [_without_nul(row) for row in batch]
            with cursor.copy(Copy(table, columns).sql()) as copy:
                for row in batch:
                    copy.write_row(row)
                    count += 1
    except psycopg.errors.InsufficientPrivilege as exc:
        raise NoPermissionError(user, str(exc)) from exc
    return count


def _without_nul(row: Sequence[Any]) -> Sequence[Any]:
    if any(isinstance(value, str) and "\x00" in value for value in row):
        return [value.replace("\x00", "\x01") if isinstance(value, str) else value for value in row]
    return row


def insert_now(db: pw.Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT ``rows`` into ``table`` on this thread (inside the caller's transaction): one COPY on a
    team server, ``executemany`` on SQLite."""
    if not rows:
        return
    if is_postgres(db):
        with _PEEWEE_ERRORS:
            copy_rows(db.connection(), table, columns, rows, getattr(db, "user_name", ""))
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.cursor().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def _json_rows_supported(conn: sqlcipher.Connection) -> bool:
    try:
        conn.execute("SELECT value ->> 0 FROM jsonb_each('[[1]]')").fetchall()
    except Exception:  # noqa: BLE001 - an SQLite before 3.45 (or another engine): rows go in row by row
        return False
    return True


class Writer:
    """Runs statements, in the order given, on the caller's connection in a helper thread.

    For bulk loads inside the caller's transaction. Until :meth:`wait` returns, the caller
    must not use the database itself (pure-Python work only). An error stops every
    statement after it and is raised by the next call. As a context manager: leaving the
    block waits for what is queued (raising its error); leaving it with an exception
    drops what is still queued and waits for the running statement, so the caller's
    rollback finds the connection idle. At most ``depth`` statements wait in the queue
    (their JSON texts are the memory a load holds beyond its rows: the importer queues
    five per batch of 2,000 rows, ~6 MB); :meth:`run` blocks while it is full. Without JSON row
    support (SQLite before 3.45) it runs everything at once in the calling thread.

    On a team server the statements are SQLite's dialect translated (``to_postgres``) and
    :meth:`insert` is one COPY per batch, always in the helper thread.
    """

    def __init__(self, db: pw.Database | None = None, depth: int = 16) -> None:
        self.db = db if db is not None else DB.obj
        self._conn = self.db.connection()
        self.postgres = is_postgres(self.db)
        self.threaded = True if self.postgres else _json_rows_supported(self._conn)
        self._queue: queue.Queue[tuple[str | Copy | Callable[[], None], Any] | None] = queue.Queue(maxsize=depth)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._stop = False
        self._finished = threading.Event()  # set by the helper thread as it ends

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(discard=exc_type is not None)

    def run(self, sql: str, params: Sequence[Any] = (), native: bool = False) -> None:
        """Queue one statement (or run it now, unthreaded); ``native``: PostgreSQL's own SQL, untranslated."""
        self._raise()
        if self._stop:
            raise RuntimeError("the bulk writer has stopped (after an error or when closed)")
        if self.postgres and not native:
            sql = to_postgres(sql)
        if not self.threaded:
            self._execute(sql, params)
            return
        self._put((sql, tuple(params)))

    def call(self, work: Callable[[], None]) -> None:
        """Queue ``work`` (no database use) to run in the helper thread after what is queued
        (or now, unthreaded)."""
        self._raise()
        if not self.threaded:
            work()
            return
        self._put((work, None))

    def _put(self, item: tuple[str | Copy | Callable[[], None], Any]) -> None:
        if self._thread is None:
            self._finished.clear()
            self._thread = threading.Thread(target=self._loop, name="sellerdesk-bulk-writer", daemon=True)
            self._thread.start()
        self._queue.put(item)

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """INSERT ``rows`` (values already in stored form: text, numbers, None) as one statement."""
        if not rows:
            return
        if self.postgres:
            self._raise()
            if self._stop:
                raise RuntimeError("the bulk writer has stopped (after an error or when closed)")
            self._put((Copy(table, columns), rows))
            return
        names = ", ".join(f'"{c}"' for c in columns)
        if not self.threaded:
            marks = ", ".join("?" for _ in columns)
            with _PEEWEE_ERRORS:
                self._conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
            return
        picks = ", ".join(f"value ->> {i}" for i in range(len(columns)))
        self.run(
            f'INSERT INTO "{table}" ({names}) SELECT {picks} FROM jsonb_each(?)',
            (json.dumps(rows, ensure_ascii=False, check_circular=False),),
        )

    def wait(self) -> None:
        """Until every queued statement has run; raises the first error."""
        if self._thread is not None:
            self._queue.join()
        self._raise()

    def close(self, discard: bool = False) -> None:
        """Wait for the queue (or with ``discard`` drop it) and end the helper thread."""
        if self._thread is None:
            if not discard:
                self._raise()
            return
        if discard:
            self._stop = True
        try:
            if not discard:
                self.wait()
        finally:
            self._stop = True
            self._end_thread()

    def _end_thread(self) -> None:
        """Wait until the helper thread is done, even when the wait is interrupted (a second
        Ctrl-C): the caller's next step, a rollback, must find the connection idle. (Its own
        event, not Thread.join: after an interrupted join, is_alive() says False too early.)"""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        interrupted: BaseException | None = None
        sent = False
        while not self._finished.is_set():
            try:
                if not sent:
                    self._queue.put(None)
                    sent = True
                self._finished.wait()
            except BaseException as exc:  # noqa: BLE001 - raised again once the thread is done
                interrupted = interrupted or exc
        thread.join()
        if interrupted is not None:
            raise interrupted

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._stop = True
            raise error

    def _execute(self, sql: str | Copy | Callable[[], None], params: Any) -> None:
        if callable(sql):
            sql()
            return
        with _PEEWEE_ERRORS:  # driver errors as peewee's, as execute_sql gives them
            if isinstance(sql, Copy):
                copy_rows(self._conn, sql.table, sql.columns, params, getattr(self.db, "user_name", ""))
            elif self.postgres:
                self._run_postgres(sql, params)
            else:
                self._conn.execute(sql, params)

    def _run_postgres(self, sql: str, params: Sequence[Any]) -> None:
        import psycopg

        try:
            self._conn.execute(sql, params or None)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise NoPermissionError(getattr(self.db, "user_name", ""), str(exc)) from exc

    def _loop(self) -> None:
        try:
            while True:
                item = self._queue.get()
                try:
                    if item is None:
                        return
                    if self._error is None and not self._stop:
                        self._execute(*item)
                except BaseException as exc:  # noqa: BLE001 - handed to the caller by _raise
                    self._error = exc
                finally:
                    self._queue.task_done()
        finally:
            self._finished.set()


class Deferred:
    """The tables whose indexes :func:`deferred_indexes` dropped, and their rebuild."""

    def __init__(
        self,
        db: pw.Database,
        dropped: list[tuple[str, list[tuple[str, str]]]],
        later: list[tuple[str, list[tuple[str, str]]]] | None = None,
        keys: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.db = db
        self.postgres = is_postgres(db)
        self.tables = list(dict.fromkeys(table for table, _ in dropped + (later or [])))
        # the indexes, then the foreign keys (their checks read the rows by the referenced keys)
        self._statements = [sql for _, indexes in dropped for _, sql in indexes] + [sql for _, sql in keys]
        # (a team server: built after the commit, several at once, by store.index_builds)
        self._later = [index for _, indexes in later or [] for index in indexes]
        self._writer: Writer | None = None
        self._own_writer = False
        self._done = False

    def rebuild_in_background(self, writer: Writer | None = None) -> None:
        """Queue the index builds on ``writer`` (or a helper thread of their own).

        Until :meth:`join`, the caller must not touch the database (pure-Python work, or
        more statements on the same writer).
        """
        if self._later:
            later, self._later = self._later, []
            if writer is not None:  # (the writer's connection, in its turn)
                for sql, params in index_builds.records(later):
                    writer.run(sql, params, native=True)
            else:
                index_builds.defer(self.db, later)
        if self._done or self._writer is not None or not self._statements:
            return
        self._own_writer = writer is None
        self._writer = writer if writer is not None else Writer(self.db)
        for sql in self._statements:
            self._writer.run(sql, native=self.postgres)
            self._writer.call(give_back_memory)  # (the sort's records, freed: see give_back_memory)

    def join(self) -> None:
        """Wait for a background rebuild (re-raising its error), or rebuild here."""
        if self._later:
            later, self._later = self._later, []
            index_builds.defer(self.db, later)
        if self._done:
            return
        if self._writer is not None:
            self._done = True
            try:
                self._writer.wait()
            finally:
                if self._own_writer:
                    self._writer.close(discard=True)
            return
        for sql in self._statements:
            if self.postgres:
                native(self.db, sql)
            else:
                self.db.execute_sql(sql)
            give_back_memory()
        self._done = True

    def _abandon(self) -> None:
        """The block failed: stop a rebuild of our own so the rollback finds the connection idle."""
        if self._writer is not None and self._own_writer:
            self._writer.close(discard=True)


# A team server drops a table's secondary indexes only for a big first load (at least
# PG_REBUILD_MIN_ROWS incoming and no fewer than the table holds), only for the table's owner,
# only while no one else is connected (postgres.alone), and only when its lock is free within
# PG_LOCK_WAIT (search_pg.drop_gin_indexes does the same for the search table): DROP INDEX takes
# the table's ACCESS EXCLUSIVE lock until the load commits, so every other user of the team would
# wait for the load even to read the table.
PG_REBUILD_MIN_ROWS = 10_000
PG_LOCK_WAIT = "2s"


def _pg_droppable(db: pw.Database, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of ``table``'s plain indexes (not unique, backing no constraint),
    what a big first load on a team server drops."""
    sql = (
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND NOT x.indisunique AND NOT x.indisprimary "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY i.relname"
    )
    return [(r[0], r[1]) for r in native(db, sql, (f'public."{table}"',)).fetchall()]


def _pg_foreign_keys(db: pw.Database, table: str) -> list[tuple[str, str]]:
    """(name, ADD statement) of ``table``'s foreign keys. A big first load drops them and adds them
    again before its commit: each added one checks every row at once (one join), where COPY checked
    each row as it went in (a lookup and a row lock of the referenced row: ~2 s of the server's CPU
    for 100k customers' addresses and history rows)."""
    sql = (
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname"
    )
    return [
        (name, f'ALTER TABLE public."{table}" ADD CONSTRAINT "{name}" {definition}')
        for name, definition in native(db, sql, (f'public."{table}"',)).fetchall()
    ]


def _pg_drop_if_free(db: pw.Database, table: str, indexes: list[tuple[str, str]], keys: list[tuple[str, str]]) -> bool:
    """Drop ``indexes`` and foreign ``keys`` of ``table`` if its lock is free within PG_LOCK_WAIT
    (else nothing changes, the transaction goes on with them kept)."""
    if not lock_if_free(db, table, PG_LOCK_WAIT):
        return False
    for name, _sql in indexes:
        native(db, f'DROP INDEX public."{name}"')
    for name, _sql in keys:
        native(db, f'ALTER TABLE public."{table}" DROP CONSTRAINT "{name}"')
    return True


@contextlib.contextmanager
def deferred_indexes(
    tables: Sequence[str], incoming: int, db: pw.Database | None = None, after_commit: Sequence[str] = ()
) -> Iterator[Deferred]:
    """Drop the secondary indexes of each of ``tables`` holding at most ``incoming`` rows,
    and build them again when the block ends without an error (or earlier, see :class:`Deferred`).

    Must run inside a transaction: on an error the indexes are not rebuilt here, the
    caller's rollback brings them back with everything else (DDL is transactional in
    SQLite and PostgreSQL), and ``kill -9`` leaves the last committed state, indexes included.

    On a team server only for a big first load (:data:`PG_REBUILD_MIN_ROWS`), by the table's
    owner, and only the plain indexes (the primary key and unique ones stay, so ids are checked
    as they go in); taken only if the table's lock is free within :data:`PG_LOCK_WAIT`, else the
    indexes stay and COPY keeps them row by row. There the indexes of the tables in ``after_commit``
    (or named there themselves) are not built in the block's transaction but recorded for after its commit
    (store.index_builds: the caller runs ``build_pending`` once it has committed).
    """
    db = db if db is not None else DB.obj
    if not db.in_transaction():
        raise RuntimeError("deferred_indexes needs a transaction")
    dropped: list[tuple[str, list[tuple[str, str]]]] = []
    later: list[tuple[str, list[tuple[str, str]]]] = []
    keys: list[tuple[str, str]] = []  # (a team server) the foreign keys dropped, added again in the block
    if is_postgres(db):
        for table in tables:
            if not big_first_load(db, table, incoming, PG_REBUILD_MIN_ROWS):
                continue
            indexes, its_keys = _pg_droppable(db, table), _pg_foreign_keys(db, table)
            if (indexes or its_keys) and _pg_drop_if_free(db, table, indexes, its_keys):
                now = [index for index in indexes if table not in after_commit and index[0] not in after_commit]
                dropped.append((table, now))
                if len(now) < len(indexes):
                    later.append((table, [index for index in indexes if index not in now]))
                keys += its_keys
    elif isinstance(db, pw.SqliteDatabase) and incoming > 0:
        for table in tables:
            count = db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if count <= incoming:
                indexes = index_sql(db, table)
                for name, _sql in indexes:
                    db.execute_sql(f'DROP INDEX "{name}"')
                dropped.append((table, indexes))
    deferred = Deferred(db, dropped, later, keys)
    try:
        yield deferred
    except BaseException:
        deferred._abandon()  # the connection must be idle before the rollback
        raise
    deferred.join()


# glibc's malloc raises its mmap threshold (from 128 KiB up to 32 MiB) each time a big block it
# mapped is freed; after that the batches' big texts (the JSON of 5,000 rows, ~1-2 MB, several
# queued) come from the heap, whose top is held by the small blocks allocated among them: the
# heap grew with the rows. Measured at 100k customers: heap 106 MB with 71 MB in use; with
# the threshold fixed, RSS at the end of the rows 255 → 219 MB. Fixed (which also ends the
# adjustment) for the rest of the process; Linux with glibc only (elsewhere nothing happens).
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024


def steady_heap() -> None:
    """Big blocks always mapped (and given back when freed) rather than carved from the heap."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def give_back_memory() -> None:
    """Return the heap's free pages to the system (glibc ``malloc_trim``: every arena's, the
    free pages inside them too) after a big load, and after each index build of one.

    An index build sorts every row's key in memory (``temp_store=memory``: SQLCipher would
    write a sort's temporary files unencrypted), one small allocation per row, in the thread
    that runs it; freed, those pages stayed with that thread's arena, and the next build's
    sort and pages went partly beside them: at 300k customers the 14 builds left 58 MB free
    in the arenas, the import's peak RSS (issue 21)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


# Python's cycle collector, while a big load makes a few dozen container objects per row and
# frees nearly all of them by reference counting: with the usual thresholds (700, 10, 10) it ran
# ~10,000 times at 100k customers, the older generations' runs walking what the import keeps (its
# maps of keys) and everything else the process holds.
QUIET_GC_THRESHOLD = (100_000, 50, 100)


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """Fewer cycle collections for the block (the young generation every 100,000 allocations
    instead of 700, the older ones rarer still); the thresholds as they were afterwards. (Not
    ``gc.freeze``: the app's window froze its own objects at start, ``ui.main_window``.)"""
    before = gc.get_threshold()
    gc.set_threshold(*QUIET_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


# A bigger page cache while many rows go into a table's indexes in random order (an import's
# orders, the demo's load): with the usual 32 MiB, pages are evicted (encrypted, spilled) and read
# back over and over. Bounded: the peak memory of a big load is this, not a share of its rows.
BULK_CACHE_KIB = 256 * 1024
BIG_LOAD_ROWS = 10_000


@contextlib.contextmanager
def bigger_cache(rows: int) -> Iterator[None]:
    """:data:`BULK_CACHE_KIB` of page cache while ``rows`` rows (at least :data:`BIG_LOAD_ROWS`) go in."""
    if rows < BIG_LOAD_ROWS:
        yield
        return
    with page_cache(BULK_CACHE_KIB):
        yield


# The page cache of a load that appends (its tables' indexes dropped, :func:`deferred_indexes`,
# then built from sorted keys): its pages are written once, in order, and hardly read back, so
# a small cache costs it little time; the usual 32 MiB filled with the transaction's dirty
# pages all the same, and a 30k-row import had not filled it yet (issue 21: memory flat in rows).
APPEND_CACHE_KIB = 4 * 1024


def set_page_cache(kib: int, db: pw.Database | None = None) -> int | None:
    """SQLite's page cache of ``db``'s connection (on this thread) at ``kib`` KiB; returns the
    setting it had (None on a team server, whose cache is the server's: nothing is changed)."""
    db = db if db is not None else DB.obj
    if is_postgres(db):
        return None
    before = int(db.execute_sql("PRAGMA cache_size").fetchone()[0])
    db.execute_sql(f"PRAGMA cache_size = {-int(kib)}")
    return before


def restore_page_cache(setting: int | None, db: pw.Database | None = None) -> None:
    """The page cache back to ``setting`` (what :func:`set_page_cache` returned)."""
    if setting is not None:
        db = db if db is not None else DB.obj
        db.execute_sql(f"PRAGMA cache_size = {int(setting)}")


@contextlib.contextmanager
def page_cache(kib: int) -> Iterator[None]:
    """SQLite's page cache at ``kib`` KiB for the block (on this thread's connection)."""
    before = set_page_cache(kib)
    try:
        yield
    except BaseException:
        # (the transaction may be gone with a broken connection: that must not hide the error)
        with contextlib.suppress(pw.DatabaseError, StoreError):
            restore_page_cache(before)
        raise
    restore_page_cache(before)


class Numbers:
    """Ids for the rows of ``table`` a bulk writer numbers itself (to refer to them before they
    are written): :meth:`take` one at a time.

    SQLite: counting on from the highest id (the writer holds the database's write lock). A
    team server: from the table's sequence, ``expected`` at a time and then in blocks (other
    users may add rows meanwhile; ids taken and not used are a gap, as after a rollback).
    """

    MAX_BLOCK = 20_000

    def __init__(self, table: str, expected: int = 0, db: pw.Database | None = None) -> None:
        self.db = db if db is not None else DB.obj
        self.table = table
        self.postgres = is_postgres(self.db)
        self._free: deque[int] = deque()
        # the ids still expected, reserved MAX_BLOCK at a time at most (the ids of a whole
        # 300k-row import at once were ~10 MB of Python ints held from its start; a block more
        # is one round trip), then 1,000 at a time
        self._left = expected
        self._next = 0
        self._sequence: str | None = None
        if not self.postgres:
            self._next = (self.db.execute_sql(f'SELECT max("id") FROM "{table}"').fetchone()[0] or 0) + 1

    def take(self) -> int:
        if not self.postgres:
            taken, self._next = self._next, self._next + 1
            return taken
        if not self._free:
            count = min(self._left, self.MAX_BLOCK) if self._left > 1000 else 1000
            self._free.extend(self._reserve(count))
            self._left -= count
        return self._free.popleft()

    def _reserve(self, count: int) -> list[int]:
        from sellerdesk.store.postgres import native

        # the sequence looked up once: pg_get_serial_sequence() in the select list runs per row
        # (100k ids: 0.96 s with it, 0.12 s from the sequence's regclass)
        if self._sequence is None:
            # (in public: a helper whose phones are masked finds views of the same names first)
            sql = "SELECT pg_get_serial_sequence(%s, 'id')"
            self._sequence = native(self.db, sql, (f'public."{self.table}"',)).fetchone()[0]
        sql = "SELECT nextval(%s::regclass) FROM generate_series(1, %s)"
        return [row[0] for row in native(self.db, sql, (self._sequence, count)).fetchall()]


def fix_sequences(tables: Iterable[str], db: pw.Database | None = None) -> None:
    """After rows went in with their own ids (a move, a restore): each table's id sequence on past
    the highest id, so the next row added gets a free one. Nothing to do on SQLite."""
    db = db if db is not None else DB.obj
    if not is_postgres(db):
        return
    from sellerdesk.store.postgres import native

    for table in tables:
        quoted = f'"{table}"'
        seq = native(db, "SELECT pg_get_serial_sequence(%s, 'id')", (f"public.{quoted}",)).fetchone()[0]
        if seq is None:
            continue  # no serial id (meta)
        native(
            db,
            f"SELECT setval(%s, coalesce((SELECT max(id) FROM {quoted}), 0) + 1, false)",
            (seq,),
        )
