"""A consistent copy of the live database, taken with SQLite's online backup API.

The copy is made through its own connection, so it works while the app has the database
open, from any thread, and even while another connection holds an open write transaction:
in WAL mode the copy sees the last committed state. The copy is still a SQLCipher file
encrypted with the same data key, so no plain-text customer data ever touches the disk.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.errors import NotADatabaseError, WrongKeyError
from sellerdesk.store.keys import sqlcipher_passphrase

PAGES_PER_STEP = 2048
MSG_SNAPSHOT = "Copying the database…"

COUNTED_TABLES = {"customers": "customer", "addresses": "address", "orders": "orders"}


@dataclass
class Snapshot:
    path: Path
    size: int
    sha256: str
    schema_version: int
    counts: dict


def open_raw(path: Path, key: bytes) -> sqlcipher.Connection:
    """A plain sqlcipher3 connection to an existing file, checked to open with ``key``."""
    if not Path(path).exists():
        raise NotADatabaseError(path)
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA key='%s'" % sqlcipher_passphrase(key).replace("'", "''"))
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        text = str(exc).lower()
        if "not a database" in text or "encrypted" in text:
            raise WrongKeyError() from exc
        raise NotADatabaseError(path) from exc
    return conn


def read_facts(conn: sqlcipher.Connection) -> tuple[int, dict]:
    """(schema version, {customers, addresses, orders}) of an open database."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = 0
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
    counts = {}
    for name, table in COUNTED_TABLES.items():
        counts[name] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in tables else 0
    return version, counts


def file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            sha.update(block)
    return sha.hexdigest()


def remove_database_file(path: Path) -> None:
    """Delete a database file and its -wal/-shm/-journal companions, if any."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(str(path) + suffix)
        except FileNotFoundError:
            pass


def take_snapshot(db_path: Path, key: bytes, target: Path, progress: ProgressCallback = no_progress,
                  token: CancelToken | None = None) -> Snapshot:
    """Copy the database at ``db_path`` into the new file ``target`` (same key) and describe it."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(target)
    source = open_raw(db_path, key)
    try:
        dest = sqlcipher.connect(str(target), isolation_level=None, check_same_thread=False)
        try:
            dest.execute("PRAGMA key='%s'" % sqlcipher_passphrase(key).replace("'", "''"))

            def step(_status: int, remaining: int, total: int) -> None:
                if token is not None:
                    token.check()
                progress(total - remaining, total, MSG_SNAPSHOT)

            source.backup(dest, pages=PAGES_PER_STEP, progress=step)
            # A self-contained file: no WAL flag in the header, nothing beside it.
            dest.execute("PRAGMA journal_mode = DELETE").fetchone()
            version, counts = read_facts(dest)
        finally:
            dest.close()
    except BaseException:
        remove_database_file(target)
        raise
    finally:
        source.close()
    return Snapshot(target, target.stat().st_size, file_sha256(target), version, counts)
