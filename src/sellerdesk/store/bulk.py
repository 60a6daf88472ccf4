"""Bulk writes: secondary indexes built once at the end instead of updated row by row.

Inserting 100k customers into a table with its dozen indexes costs ~3 s of B-tree
updates at random places (pinyin, phone, WeChat keys); building the same indexes from
the finished table takes about a third of that. Worth it only when the load is at least
as big as what the table already holds, since rebuilding reads every row.

The rebuild is SQLite's own work, done without Python's GIL, so a caller with pure-Python
work left (history rows, search tokens) can run it in a helper thread meanwhile
(:meth:`Deferred.rebuild_in_background`) and use the second core.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Iterator, Sequence

import peewee as pw

from sellerdesk.store.models import DB


def index_sql(db: pw.Database, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of ``table``'s own indexes (not the automatic ones)."""
    return [tuple(row) for row in db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "ORDER BY name", (table,)).fetchall()]


class Deferred:
    """The tables whose indexes :func:`deferred_indexes` dropped, and their rebuild."""

    def __init__(self, db: pw.Database, dropped: list[tuple[str, list[tuple[str, str]]]]) -> None:
        self.db = db
        self.tables = [table for table, _ in dropped]
        self._statements = [sql for _, indexes in dropped for _, sql in indexes]
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._done = False

    def rebuild_in_background(self) -> None:
        """Start building the indexes in a helper thread on this thread's connection.

        Until :meth:`join`, the caller must not touch the database (pure-Python work only).
        """
        if self._done or self._thread is not None or not self._statements:
            return
        conn = self.db.connection()

        def run() -> None:
            try:
                for sql in self._statements:
                    with pw.__exception_wrapper__:  # driver errors as peewee's, as execute_sql gives them
                        conn.execute(sql)
            except BaseException as exc:  # noqa: BLE001 - handed to join()
                self._error = exc

        self._thread = threading.Thread(target=run, name="sellerdesk-index-build", daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait for a background rebuild (re-raising its error), or rebuild here."""
        if self._done:
            return
        if self._thread is not None:
            self._thread.join()
            self._thread = None
            self._done = True
            if self._error is not None:
                raise self._error
            return
        for sql in self._statements:
            self.db.execute_sql(sql)
        self._done = True


@contextlib.contextmanager
def deferred_indexes(tables: Sequence[str], incoming: int, db: pw.Database | None = None) -> Iterator[Deferred]:
    """Drop the secondary indexes of each of ``tables`` holding at most ``incoming`` rows,
    and build them again when the block ends without an error (or earlier, see :class:`Deferred`).

    Must run inside a transaction: on an error the indexes are not rebuilt here, the
    caller's rollback brings them back with everything else (DDL is transactional in
    SQLite), and ``kill -9`` leaves the last committed state, indexes included.
    """
    db = db if db is not None else DB.obj
    if not db.in_transaction():
        raise RuntimeError("deferred_indexes needs a transaction")
    dropped: list[tuple[str, list[tuple[str, str]]]] = []
    if isinstance(db, pw.SqliteDatabase) and incoming > 0:
        for table in tables:
            count = db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if count <= incoming:
                indexes = index_sql(db, table)
                for name, _sql in indexes:
                    db.execute_sql(f'DROP INDEX "{name}"')
                dropped.append((table, indexes))
    deferred = Deferred(db, dropped)
    try:
        yield deferred
    except BaseException:
        if deferred._thread is not None:  # the connection must be idle before the rollback
            deferred._thread.join()
        raise
    deferred.join()
