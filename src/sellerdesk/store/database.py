"""Opening the encrypted database: connect with the key, refuse what is wrong, migrate.

Every failure here leaves the file as it was: a wrong key is detected by the first read,
before any pragma that writes; a missing file is never created unless asked; a database
from newer code is refused before any step runs; and the file is copied before the first
migration step.

Several processes write to one file (the app, a scheduled ``sellerdesk-cli`` backup or
import): :class:`StoreDatabase` makes every writer wait its turn, and turns a full disk, a
read-only folder or a failing drive into a :class:`~sellerdesk.store.errors.StorageError`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import peewee as pw
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from sellerdesk import private_files
from sellerdesk.store import index_builds, live_file, migrations
from sellerdesk.store.errors import (
    CannotOpenError,
    DatabaseExistsError,
    DatabaseMissingError,
    NotADatabaseError,
    NotATeamDatabaseError,
    ReadOnlyError,
    StorageError,
    StoreError,
    WrongKeyError,
    is_busy,
    storage_error,
)
from sellerdesk.store.keys import sqlcipher_passphrase
from sellerdesk.store.models import DB, utcnow
from sellerdesk.store.postgres import is_postgres

log = logging.getLogger(__name__)

# How long SQLite itself waits for a lock held by another connection, on every connection
# (peewee's per-thread ones, the raw ones of the key check and the backup snapshot).
BUSY_TIMEOUT_MS = 30_000
# How long a writer waits in all for its turn: BEGIN IMMEDIATE is tried again (nothing has
# happened yet, so that is always safe) until this has passed. A scheduled import beside
# the app holds the write lock for seconds, not minutes.
WRITE_WAIT_SECONDS = 120.0
# Closing checkpoints the WAL; a TRUNCATE checkpoint holds the write lock while it waits for
# readers, so at close it waits only briefly (and gives up: the next close does it).
CLOSE_CHECKPOINT_WAIT_MS = 1000

PRAGMAS = {
    "busy_timeout": BUSY_TIMEOUT_MS,  # first: the pragmas after it may wait for a lock
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32000,  # 32 MiB page cache
    "temp_store": "memory",
}

SQLITE_MAGIC = b"SQLite format 3\x00"


def _is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def storage_failure(exc: BaseException, path: Path | str) -> StorageError | None:
    """``exc`` (from the database at ``path``) as a :class:`StorageError`, naming the folder
    when SQLite could not open its files there or the folder is read-only, else the file."""
    mapped = storage_error(exc, path)
    if isinstance(exc, OSError) or not isinstance(mapped, (CannotOpenError, ReadOnlyError)):
        return mapped
    folder = Path(path).parent
    if isinstance(mapped, CannotOpenError) or not os.access(folder, os.W_OK):
        return type(mapped)(folder)
    return mapped


class _Savepoint(pw._savepoint):
    def rollback(self, begin: bool = True) -> None:
        if not self.db.sqlite_in_transaction():
            return  # SQLite already undid the whole transaction (see StoreDatabase.rollback)
        super().rollback(begin)


class StoreDatabase(SqlCipherDatabase):
    """The SQLCipher database as SellerDesk uses it: writers wait their turn, and the disk's
    refusals raise a :class:`~sellerdesk.store.errors.StorageError` naming the file.

    * Every transaction begins IMMEDIATE (``DB.atomic()``, ``DB.transaction()``), taking the
      write lock first. peewee's default, DEFERRED, takes it at the first write; a
      transaction that has read by then cannot wait for it (SQLite answers "database is
      locked" at once, whatever the busy timeout, when another writer got in between).
    * BEGIN IMMEDIATE waits ``busy_timeout`` inside SQLite and is tried again until
      ``write_wait`` seconds have passed; then :class:`DatabaseBusyError`.
    * After a full disk or an I/O error SQLite may already have rolled the transaction
      back; the ROLLBACK that follows is then skipped, so the real error is what the user
      sees (not "cannot rollback - no transaction is active").
    """

    write_wait: float = WRITE_WAIT_SECONDS

    def sqlite_in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is not None and conn.in_transaction

    def _raise_storage(self, exc: BaseException) -> None:
        mapped = storage_failure(exc, self.database)
        if mapped is not None:
            raise mapped from exc

    def _connect(self) -> sqlcipher.Connection:
        try:
            return super()._connect()
        except sqlcipher.DatabaseError as exc:
            self._raise_storage(exc)
            raise

    def execute_sql(self, sql: str, params: Sequence[Any] | None = None, *args: Any, **kwargs: Any) -> sqlcipher.Cursor:
        try:
            return super().execute_sql(sql, params, *args, **kwargs)
        except pw.DatabaseError as exc:
            self._raise_storage(exc)
            raise

    def begin(self, lock_type: str | None = None) -> None:
        deadline = time.monotonic() + self.write_wait
        pause = 0.005
        while True:
            try:
                super().begin(lock_type or "IMMEDIATE")
                return
            except (pw.DatabaseError, StorageError) as exc:
                if not is_busy(exc) or time.monotonic() >= deadline:
                    self._raise_storage(exc)
                    raise
                if pause == 0.005:
                    log.info("another connection holds the write lock; waiting for it")
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def commit(self) -> None:
        try:
            super().commit()
        except pw.DatabaseError as exc:
            self._raise_storage(exc)
            raise

    def rollback(self) -> None:
        if not self.sqlite_in_transaction():
            log.warning("the transaction was already rolled back by SQLite (after a failed write)")
            return
        super().rollback()

    def savepoint(self, sid: str | None = None) -> _Savepoint:
        return _Savepoint(self, sid)


def _raw_connect(path: Path) -> sqlcipher.Connection:
    """A plain sqlcipher3 connection that waits for locks like the peewee ones."""
    return sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)


def open_raw(path: Path, key: bytes) -> sqlcipher.Connection:
    """A plain sqlcipher3 connection to an existing file, checked to open with ``key``."""
    if not Path(path).exists():
        raise NotADatabaseError(path)
    conn = None
    try:
        conn = _raw_connect(path)
        # a wrong key is reported by us, not as raw lines on stderr
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key='{}'".format(sqlcipher_passphrase(key).replace("'", "''")))
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        if conn is not None:
            conn.close()
        mapped = storage_failure(exc, path)
        if mapped is not None:
            raise mapped from exc
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise WrongKeyError() from exc
        raise NotADatabaseError(path) from exc
    return conn


def connect(path: Path | str, key: bytes, *, create: bool = False) -> StoreDatabase:
    """Open (or with ``create`` make) the SQLCipher file at ``path`` with the raw ``key``."""
    path = Path(path)
    if create and path.exists() and path.stat().st_size > 0:
        raise DatabaseExistsError(path)
    if not create and not path.exists():
        raise DatabaseMissingError(path)
    if not create and _is_plain_sqlite(path):
        raise NotADatabaseError(path)
    # the folder and its files private (0700/0600), also when an older version made them
    private_files.secure_data_dir(path.parent)
    # Check the key on a bare connection first: the first read tells whether it is right,
    # and nothing (not even the WAL switch) has been written by then.
    if not create:
        open_raw(path, key).close()
    made = False
    if create and not path.exists():
        private_files.touch(path)  # SQLite gives the -wal and -shm it makes the same mode (0600)
        made = True
    # check_same_thread off: peewee already keeps one connection per thread; a bulk write
    # hands its connection to a helper thread that runs its statements (store.bulk.Writer)
    # while it does Python work, never using it at the same time
    db = StoreDatabase(
        str(path),
        passphrase=sqlcipher_passphrase(key),
        pragmas=PRAGMAS,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        db.connect()
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                if path.stat().st_size == 0:
                    path.unlink()  # no half-made database left to block a second try
        raise
    return db


def pre_migration_copy(db: pw.Database, path: Path, old_version: int) -> Path:
    """Copy the (still encrypted) database file aside before a migration changes it."""
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    target_dir = private_files.make_dir(path.parent / "pre-migration")
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{path.stem}-schema{old_version}-{stamp}{path.suffix}"
    # the database is open (``db``): never open() … close() it here (store.live_file)
    with os.fdopen(private_files.create_file(target), "wb") as copy:
        for block in live_file.blocks(path, 4 << 20):
            copy.write(block)
        copy.flush()
        os.fsync(copy.fileno())
    times = path.stat()
    os.utime(target, ns=(times.st_atime_ns, times.st_mtime_ns))
    log.info("copied the database to %s before migrating from schema %s", target, old_version)
    return target


def open_store(path: Path | str, key: bytes, *, create: bool = False) -> StoreDatabase:
    """Connect, bind the models, and migrate to the current schema (copying the file first)."""
    path = Path(path)
    db = connect(path, key, create=create)
    try:
        migrations.migrate(db, before_first_step=lambda old: pre_migration_copy(db, path, old))
    except Exception:
        db.close()
        raise
    DB.initialize(db)
    return db


def close_store() -> None:
    """Close the bound database (checkpointing the WAL so the file alone is complete)."""
    db = DB.obj
    if db is None:
        return
    if not db.is_closed() and not is_postgres(db):
        try:
            db.execute_sql(f"PRAGMA busy_timeout = {CLOSE_CHECKPOINT_WAIT_MS}")
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (pw.DatabaseError, StoreError) as exc:
            log.info("no checkpoint at close: %s", exc)
        db.close()
    if not db.is_closed():
        db.close()
    DB.initialize(None)


def open_team(url: str, *, user: str | None = None, password: str | None = None, create: bool = True) -> pw.Database:
    """Connect to the team server at ``url``, migrate it to the current schema, bind the models.

    Without ``create`` a database that holds no SellerDesk schema at all is refused
    (:class:`NotATeamDatabaseError`) instead of being given one: everyday commands and the app
    never turn some other database into a team's by being pointed at it (``team init`` does).

    A server that cannot be reached raises :class:`~sellerdesk.store.postgres.ServerUnreachableError`
    and nothing local is opened instead (team mode never works on a local copy behind the user's back).
    """
    db = connect_team(url, user=user, password=password, create=create)
    DB.initialize(db)
    return db


def connect_team(url: str, *, user: str | None = None, password: str | None = None, create: bool = True) -> Any:
    """:func:`open_team` without binding the models: the connected, migrated ``TeamDatabase``, its
    connection this thread's. The app connects in a worker (``ui/startup/team.py``, the window stays
    live for up to ``postgres.CONNECT_TIMEOUT_S``) and binds it on the UI thread, handing the
    connection over (``TeamDatabase.release_connection`` / ``adopt_connection``)."""
    from sellerdesk.store import postgres

    db = postgres.connect(url, user=user, password=password)
    try:
        if not create and migrations.current_version(db) == 0:
            raise NotATeamDatabaseError(db.where)
        migrations.migrate(db)
        # indexes an earlier process's big import left unbuilt (it stopped after its commit)
        index_builds.build_pending(db)
    except Exception:
        db.close()
        raise
    return db
