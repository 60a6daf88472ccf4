"""Bulk writes: secondary indexes built once at the end instead of updated row by row.

Inserting 100k customers into a table with its dozen indexes costs ~3 s of B-tree
updates at random places (pinyin, phone, WeChat keys); building the same indexes from
the finished table takes about a third of that. Worth it only when the load is at least
as big as what the table already holds, since rebuilding reads every row.
"""

from __future__ import annotations

import contextlib
from typing import Iterator, Sequence

import peewee as pw

from sellerdesk.store.models import DB


def index_sql(db: pw.Database, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of ``table``'s own indexes (not the automatic ones)."""
    return [tuple(row) for row in db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "ORDER BY name", (table,)).fetchall()]


@contextlib.contextmanager
def deferred_indexes(tables: Sequence[str], incoming: int, db: pw.Database | None = None) -> Iterator[list[str]]:
    """Drop the secondary indexes of each of ``tables`` holding at most ``incoming`` rows,
    and build them again when the block ends without an error; yields the tables deferred.

    Must run inside a transaction: on an error the indexes are not rebuilt here, the
    caller's rollback brings them back with everything else (DDL is transactional in
    SQLite), and ``kill -9`` leaves the last committed state, indexes included.
    """
    db = db if db is not None else DB.obj
    if not db.in_transaction():
        raise RuntimeError("deferred_indexes needs a transaction")
    deferred: list[tuple[str, list[tuple[str, str]]]] = []
    if isinstance(db, pw.SqliteDatabase) and incoming > 0:
        for table in tables:
            count = db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if count <= incoming:
                indexes = index_sql(db, table)
                for name, _sql in indexes:
                    db.execute_sql(f'DROP INDEX "{name}"')
                deferred.append((table, indexes))
    yield [table for table, _ in deferred]
    for _table, indexes in deferred:
        for _name, sql in indexes:
            db.execute_sql(sql)
