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

The maps of one owner (a planner's five, an order ledger's three) share one scratch database
(:class:`Scratch`), each in a table of its own: one page cache for all of them. With one
database each, a 300,000-row import held three of them, each cache filling to its 4 MB as its
table grew: 12 MB more than at 30,000 rows (issue 21).
"""

from __future__ import annotations

from itertools import count
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


class Scratch:
    """One private scratch database shared by several compact maps (each in a table of its
    own), so they share one page cache: opened when the first of them spills, closed when the
    last of those is closed."""

    def __init__(self) -> None:
        self._db: ScratchDb | None = None
        self._users = 0
        self._names = count(1)

    def take(self, prefix: str) -> tuple[ScratchDb, str]:
        """The database and the name of a new table of its own for one more map."""
        if self._db is None:
            self._db = ScratchDb()
        self._users += 1
        return self._db, f"{prefix}{next(self._names)}"

    def give_back(self) -> None:
        """A map that took a table is done with it; the last one closes the database."""
        self._users -= 1
        if self._users <= 0 and self._db is not None:
            self._db.close()
            self._db = None
            self._users = 0


class _Spilling(Generic[K, V]):
    """What both compact maps share: a dict until :data:`SPILL_FROM` entries, then a table
    (made by ``_SCHEMA``, ``{t}`` its name) of a private scratch database: ``scratch``'s when
    given (shared with the other maps of its owner), else one of its own."""

    _PREFIX = ""
    _SCHEMA = ""

    def __init__(self, spill_from: int | None = None, scratch: Scratch | None = None) -> None:
        self._small: dict[K, V] = {}
        self._spill_from = SPILL_FROM if spill_from is None else spill_from
        self._scratch = scratch
        self._db: ScratchDb | None = None
        self._t = ""  # the table's name, once spilled

    def _stored(self) -> list[tuple[object, object]]:
        """The dict's entries as the table's rows."""
        return list(self._small.items())

    def _spill(self) -> None:
        if self._scratch is None:
            self._scratch = Scratch()
        db, self._t = self._scratch.take(self._PREFIX)
        db.execute(self._SCHEMA.format(t=self._t))
        db.executemany(f"INSERT INTO {self._t} VALUES (?, ?)", self._stored())
        self._db = db
        self._small = {}

    def __len__(self) -> int:
        if self._db is None:
            return len(self._small)
        (rows,) = self._db.execute(f"SELECT count(*) FROM {self._t}").fetchone()
        return int(rows)

    def close(self) -> None:
        if self._db is not None and self._scratch is not None:
            self._db = None
            self._scratch.give_back()
        self._small = {}


class KeyIndex(_Spilling[str, Target]):
    """The subset of a ``dict[str, Target]`` the planner uses: ``in``, ``[]``, ``[] =``, ``get``, ``setdefault``."""

    _PREFIX = "k"
    _SCHEMA = "CREATE TABLE {t} (key TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID"

    def _stored(self) -> list[tuple[object, object]]:
        return [(k, _encode(v)) for k, v in self._small.items()]

    def get(self, key: str, default: Target | None = None) -> Target | None:
        if self._db is None:
            return self._small.get(key, default)
        row = self._db.execute(f"SELECT v FROM {self._t} WHERE key = ?", (key,)).fetchone()
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
        self._db.execute(f"INSERT OR REPLACE INTO {self._t} VALUES (?, ?)", (key, _encode(value)))

    def setdefault(self, key: str, value: Target) -> Target:
        if self._db is None:
            found = self._small.setdefault(key, value)
            if len(self._small) > self._spill_from:
                self._spill()
            return found
        db = self._db
        row = db.execute(f"SELECT v FROM {self._t} WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return _decode(row[0])
        db.execute(f"INSERT INTO {self._t} VALUES (?, ?)", (key, _encode(value)))
        return value


class OwnerText(_Spilling[int, str]):
    """A customer's text the planner looks up by customer (a row position or a database
    customer): the subset of a ``dict[Target, str]`` it uses, ``get`` (default ''),
    ``[] =`` and ``setdefault``. An empty text is not stored (it reads back as '')."""

    _PREFIX = "t"
    _SCHEMA = "CREATE TABLE {t} (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"

    def get(self, owner: Target, default: str = "") -> str:
        if self._db is None:
            return self._small.get(_encode(owner), default)
        row = self._db.execute(f"SELECT v FROM {self._t} WHERE k = ?", (_encode(owner),)).fetchone()
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
            self._db.execute(f"INSERT OR REPLACE INTO {self._t} VALUES (?, ?)", (key, text))
        else:
            self._db.execute(f"DELETE FROM {self._t} WHERE k = ?", (key,))

    def setdefault(self, owner: Target, text: str) -> str:
        found = self.get(owner)
        if found:
            return found
        self[owner] = text
        return text


__all__ = ["KeyIndex", "OwnerText", "SPILL_FROM", "Scratch"]
