"""A private scratch database: per-row facts a big job must look up while it runs (an import's
match keys and names), in a file instead of this process's memory.

A table in an in-memory SQLite database grows with its rows (~100 bytes of RSS a row for an
import's keys and names, measured at 300,000 rows); here the rows live in a temporary file and
only :data:`CACHE_KIB` of its pages in memory, so the job's memory stays flat in rows. The file
holds phone numbers and names, so it is a SQLCipher database under a random key that only this
connection ever has (never written anywhere), in a folder only this user can open; it is
deleted at :meth:`ScratchDb.close` (POSIX: as soon as it is open, the open handle keeping it),
and whatever a crash leaves of it cannot be read. No journal, one transaction never
committed: nothing of it needs to survive.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

# POSIX: the file is removed as soon as it is open (its open handle keeps it); elsewhere at close
REMOVE_WHEN_OPEN = os.name == "posix"
CACHE_KIB = 4096  # page cache of one scratch database (2 MB: twice the CPU a lookup, measured)


class ScratchDb:
    """One private scratch database (see the module); ``execute`` as a sqlite3 connection's."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="sellerdesk-scratch-"))  # (0700)
        path = self._folder / "scratch.db"
        self._conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            self._conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = MEMORY"):
                self._conn.execute(f"PRAGMA {pragma}")
            self._conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
            self._conn.execute("CREATE TABLE _made (x)")  # (the file exists from here on)
            # one transaction for its life, never committed: a statement in autocommit wrote
            # its pages out each time (~1 ms); beyond the cache, pages spill to the file
            self._conn.execute("BEGIN")
        except BaseException:
            self.close()
            raise
        if REMOVE_WHEN_OPEN:
            self._remove()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        return self._conn.executemany(sql, rows)

    def _remove(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)

    def close(self) -> None:
        with contextlib.suppress(sqlcipher.Error):
            self._conn.close()
        self._remove()
