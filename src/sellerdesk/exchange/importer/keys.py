"""The in-file match index of an import: phone, WeChat ID or 客户编号 → the customer rows with
that key join, kept compact so a big file's import stays flat in memory.

A plain dict of str → int costs ~130 bytes an entry (the key string, the int, the slot):
40 MB for the phones and WeChat IDs of 300,000 rows. :class:`KeyIndex` starts as that dict
(a small file pays nothing) and past :data:`SPILL_FROM` keys moves them into a table of a
private in-memory SQLite database (stdlib ``sqlite3``, never a file: the keys are phone
numbers), ~35 bytes an entry, looked up by its primary key (~2 µs).
"""

from __future__ import annotations

import sqlite3

from sellerdesk.exchange.importer.record import Existing

SPILL_FROM = 20_000

Target = int | Existing  # a row's position in the plan, or a database customer


def _encode(value: Target) -> int:
    return -1 - value.customer_id if isinstance(value, Existing) else value


def _decode(stored: int) -> Target:
    return Existing(-1 - stored) if stored < 0 else stored


class KeyIndex:
    """The subset of a ``dict[str, Target]`` the planner uses: ``in``, ``[]``, ``[] =``, ``get``, ``setdefault``."""

    def __init__(self, spill_from: int | None = None) -> None:
        self._small: dict[str, Target] = {}
        self._spill_from = SPILL_FROM if spill_from is None else spill_from
        self._db: sqlite3.Connection | None = None

    def _spill(self) -> None:
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db.execute("CREATE TABLE k (key TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO k VALUES (?, ?)", [(k, _encode(v)) for k, v in self._small.items()])
        self._db = db
        self._small = {}

    def get(self, key: str, default: Target | None = None) -> Target | None:
        if self._db is None:
            return self._small.get(key, default)
        row = self._db.execute("SELECT v FROM k WHERE key = ?", (key,)).fetchone()
        return _decode(row[0]) if row is not None else default

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str) -> Target:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: Target) -> None:
        if self._db is None:
            self._small[key] = value
            if len(self._small) > self._spill_from:
                self._spill()
            return
        self._db.execute("INSERT OR REPLACE INTO k VALUES (?, ?)", (key, _encode(value)))

    def setdefault(self, key: str, value: Target) -> Target:
        if self._db is None:
            found = self._small.setdefault(key, value)
            if len(self._small) > self._spill_from:
                self._spill()
            return found
        db = self._db
        row = db.execute("SELECT v FROM k WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return _decode(row[0])
        db.execute("INSERT INTO k VALUES (?, ?)", (key, _encode(value)))
        return value

    def __len__(self) -> int:
        if self._db is None:
            return len(self._small)
        (count,) = self._db.execute("SELECT count(*) FROM k").fetchone()
        return int(count)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self._small = {}


__all__ = ["KeyIndex", "SPILL_FROM"]
