"""Opening the encrypted database: connect with the key, refuse what is wrong, migrate.

Every failure here leaves the file as it was: a wrong key is detected by the first read,
before any pragma that writes; a missing file is never created unless asked; a database
from newer code is refused before any step runs; and the file is copied before the first
migration step.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import peewee as pw
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from sellerdesk.store import migrations
from sellerdesk.store.errors import (
    DatabaseExistsError,
    DatabaseMissingError,
    NotADatabaseError,
    WrongKeyError,
)
from sellerdesk.store.keys import sqlcipher_passphrase
from sellerdesk.store.models import DB, utcnow

log = logging.getLogger(__name__)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10000,
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


def open_raw(path: Path, key: bytes) -> sqlcipher.Connection:
    """A plain sqlcipher3 connection to an existing file, checked to open with ``key``."""
    if not Path(path).exists():
        raise NotADatabaseError(path)
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not as raw lines on stderr
        conn.execute("PRAGMA key='{}'".format(sqlcipher_passphrase(key).replace("'", "''")))
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise WrongKeyError() from exc
        raise NotADatabaseError(path) from exc
    return conn


def connect(path: Path | str, key: bytes, *, create: bool = False) -> SqlCipherDatabase:
    """Open (or with ``create`` make) the SQLCipher file at ``path`` with the raw ``key``."""
    path = Path(path)
    if create and path.exists() and path.stat().st_size > 0:
        raise DatabaseExistsError(path)
    if not create and not path.exists():
        raise DatabaseMissingError(path)
    if not create and _is_plain_sqlite(path):
        raise NotADatabaseError(path)
    # Check the key on a bare connection first: the first read tells whether it is right,
    # and nothing (not even the WAL switch) has been written by then.
    if not create:
        open_raw(path, key).close()
    # check_same_thread off: peewee already keeps one connection per thread; a bulk write
    # hands its connection to a helper thread that runs its statements (store.bulk.Writer)
    # while it does Python work, never using it at the same time
    db = SqlCipherDatabase(str(path), passphrase=sqlcipher_passphrase(key), pragmas=PRAGMAS, check_same_thread=False)
    db.connect()
    return db


def pre_migration_copy(db: pw.Database, path: Path, old_version: int) -> Path:
    """Copy the (still encrypted) database file aside before a migration changes it."""
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    target_dir = path.parent / "pre-migration"
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{path.stem}-schema{old_version}-{stamp}{path.suffix}"
    shutil.copy2(path, target)
    log.info("copied the database to %s before migrating from schema %s", target, old_version)
    return target


def open_store(path: Path | str, key: bytes, *, create: bool = False) -> SqlCipherDatabase:
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
    if not db.is_closed():
        try:
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except pw.DatabaseError:
            pass
        db.close()
    DB.initialize(None)
