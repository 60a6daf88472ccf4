"""The in-file facts an import's planner keeps of every row, kept compact so a big file's
import stays flat in memory: the match index (phone, WeChat ID or 客户编号 → the customer rows
with that key join, :class:`KeyIndex`) and each customer's name and 客户编号
(:class:`OwnerText`).

A plain dict of str → int costs ~130 bytes an entry (the key string, the int, the slot):
40 MB for the phones and WeChat IDs of 300,000 rows; a dict of row → name ~150 bytes a row
(45 MB at 300,000, measured: the biggest share of what a customer import grew by). Each
class starts as that dict (a small file pays nothing) and past :data:`SPILL_FROM` entries
moves them into a table of a private scratch database (:class:`~sellerdesk.store.scratch.ScratchDb`:
an encrypted temporary file under a random key, 4 MB of its pages in memory), looked up by
its primary key. An in-memory SQLite table, as before, was ~35 bytes a key and ~20 a name,
still ~100 bytes of RSS a row at 300,000 (its pages, the heap they left): the file keeps the
import flat in rows.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from sellerdesk.exchange.importer.record import Existing
from sellerdesk.store.scratch import ScratchDb

SPILL_FROM = 20_000
K = TypeVar("K")
V = TypeVar("V")

Target = int | Existing  # a row's position in the plan, or a database customer


def _encode(value: Target) -> int:
    return -1 - value.customer_id if isinstance(value, Existing) else value


def _decode(stored: int) -> Target:
    return Existing(-1 - stored) if stored < 0 else stored


class _Spilling(Generic[K, V]):
    """What both compact maps share: a dict until :data:`SPILL_FROM` entries, then the table
    ``_TABLE`` (made by ``_SCHEMA``) of a private scratch database."""

    _TABLE = ""
    _SCHEMA = ""

    def __init__(self, spill_from: int | None = None) -> None:
        self._small: dict[K, V] = {}
        self._spill_from = SPILL_FROM if spill_from is None else spill_from
        self._db: ScratchDb | None = None

    def _stored(self) -> list[tuple[object, object]]:
        """The dict's entries as the table's rows."""
        return list(self._small.items())

    def _spill(self) -> None:
        db = ScratchDb()
        db.execute(self._SCHEMA)
        db.executemany(f"INSERT INTO {self._TABLE} VALUES (?, ?)", self._stored())
        self._db = db
        self._small = {}

    def __len__(self) -> int:
        if self._db is None:
            return len(self._small)
        (count,) = self._db.execute(f"SELECT count(*) FROM {self._TABLE}").fetchone()
        return int(count)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self._small = {}


class KeyIndex(_Spilling[str, Target]):
    """The subset of a ``dict[str, Target]`` the planner uses: ``in``, ``[]``, ``[] =``, ``get``, ``setdefault``."""

    _TABLE = "k"
    _SCHEMA = "CREATE TABLE k (key TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID"

    def _stored(self) -> list[tuple[object, object]]:
        return [(k, _encode(v)) for k, v in self._small.items()]

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


class OwnerText(_Spilling[int, str]):
    """A customer's text the planner looks up by customer (a row position or a database
    customer): the subset of a ``dict[Target, str]`` it uses, ``get`` (default ''),
    ``[] =`` and ``setdefault``. An empty text is not stored (it reads back as '')."""

    _TABLE = "t"
    _SCHEMA = "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"

    def get(self, owner: Target, default: str = "") -> str:
        if self._db is None:
            return self._small.get(_encode(owner), default)
        row = self._db.execute("SELECT v FROM t WHERE k = ?", (_encode(owner),)).fetchone()
        return str(row[0]) if row is not None else default

    def __setitem__(self, owner: Target, text: str) -> None:
        key = _encode(owner)
        if self._db is None:
            if text:
                self._small[key] = text
                if len(self._small) > self._spill_from:
                    self._spill()
            else:
                self._small.pop(key, None)
            return
        if text:
            self._db.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (key, text))
        else:
            self._db.execute("DELETE FROM t WHERE k = ?", (key,))

    def setdefault(self, owner: Target, text: str) -> str:
        found = self.get(owner)
        if found:
            return found
        self[owner] = text
        return text


__all__ = ["KeyIndex", "OwnerText", "SPILL_FROM"]
