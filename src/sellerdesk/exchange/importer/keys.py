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

Once spilled, a lookup asks the table only when the key may be there (:class:`_Seen`, a Bloom
filter of fixed size: a new row's keys are mostly new) and new entries wait in a small dict
(:data:`FLUSH_AT`) to go in together. A statement per lookup and per insert was 2.6 s of a
100k-row import's 15-19 s of CPU (~4.5 µs each, six a row); see :class:`_Seen` for the numbers.
"""

from __future__ import annotations

from itertools import count
from typing import Any, Generic, TypeVar

from sellerdesk.exchange.importer.record import Existing
from sellerdesk.store.scratch import ScratchDb

SPILL_FROM = 20_000
FLUSH_AT = 4_096  # new entries of a spilled map held in a dict before they go in together (~0.5 MB at most)
SEEN_BITS = 1 << 22  # the Bloom filter of a spilled map: 512 KB, whatever the rows
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


_MIX = 0x9E3779B97F4A7C15  # (Fibonacci hashing: spreads the sequential ints of row positions too)
_M64 = (1 << 64) - 1


class _Seen:
    """Whether a key may have been put in a spilled map: a Bloom filter of :data:`SEEN_BITS` bits
    and three probes, never a false "no". Fixed in size, so flat in rows; at 300,000 keys of one
    map one lookup in ~150 of a key never put asks the table for nothing (false positives:
    (1 - e^(-3n/m))^3 = 0.7%). Keys hash as Python hashes them (this process's own seed)."""

    __slots__ = ("_bits",)

    def __init__(self) -> None:
        self._bits = bytearray(SEEN_BITS // 8)

    def add(self, key: object) -> None:
        h = (hash(key) * _MIX) & _M64
        bits, mask = self._bits, SEEN_BITS - 1
        p = h & mask
        bits[p >> 3] |= 1 << (p & 7)
        p = (h >> 21) & mask
        bits[p >> 3] |= 1 << (p & 7)
        p = (h >> 42) & mask
        bits[p >> 3] |= 1 << (p & 7)

    def __contains__(self, key: object) -> bool:
        h = (hash(key) * _MIX) & _M64
        bits, mask = self._bits, SEEN_BITS - 1
        p = h & mask
        if not bits[p >> 3] & (1 << (p & 7)):
            return False
        p = (h >> 21) & mask
        if not bits[p >> 3] & (1 << (p & 7)):
            return False
        p = (h >> 42) & mask
        return bool(bits[p >> 3] & (1 << (p & 7)))


class _Spilling(Generic[K, V]):
    """What both compact maps share: a dict until :data:`SPILL_FROM` entries, then a table
    (made by ``_SCHEMA``, ``{t}`` its name, ``_KEY`` its key column) of a private scratch database:
    ``scratch``'s when given (shared with the other maps of its owner), else one of its own. Once
    spilled, entries are kept as the table's rows (``_stored`` form); new ones wait in
    ``_pending`` (at most :data:`FLUSH_AT`), and ``_seen`` tells which keys may be in the table."""

    _PREFIX = ""
    _SCHEMA = ""
    _KEY = "k"

    def __init__(self, spill_from: int | None = None, scratch: Scratch | None = None) -> None:
        self._small: dict[K, V] = {}
        self._spill_from = SPILL_FROM if spill_from is None else spill_from
        self._scratch = scratch
        self._db: ScratchDb | None = None
        self._t = ""  # the table's name, once spilled
        self._pending: dict[object, object] = {}
        self._seen: _Seen | None = None

    def _stored(self) -> list[tuple[object, object]]:
        """The dict's entries as the table's rows."""
        return list(self._small.items())

    def _spill(self) -> None:
        if self._scratch is None:
            self._scratch = Scratch()
        db, self._t = self._scratch.take(self._PREFIX)
        db.execute(self._SCHEMA.format(t=self._t))
        rows = self._stored()
        db.executemany(f"INSERT INTO {self._t} VALUES (?, ?)", rows)
        self._seen = seen = _Seen()
        for key, _value in rows:
            seen.add(key)
        self._db = db
        self._small = {}

    # --- once spilled: the rows, keys and values in the table's form -------------------------------------------

    def _lookup(self, key: object) -> Any:
        """The stored value of ``key``, None when it has none."""
        found = self._pending.get(key)
        if found is not None:
            return found
        assert self._db is not None and self._seen is not None
        if key not in self._seen:
            return None
        row = self._db.execute(f"SELECT v FROM {self._t} WHERE {self._KEY} = ?", (key,)).fetchone()
        return row[0] if row is not None else None

    def _put(self, key: object, value: object) -> None:
        assert self._seen is not None
        self._pending[key] = value
        self._seen.add(key)
        if len(self._pending) >= FLUSH_AT:
            self._flush()

    def _flush(self) -> None:
        if self._pending and self._db is not None:
            self._db.executemany(f"INSERT OR REPLACE INTO {self._t} VALUES (?, ?)", self._pending.items())
        self._pending = {}

    def _remove(self, key: object) -> None:
        self._pending.pop(key, None)
        assert self._db is not None and self._seen is not None
        if key in self._seen:
            self._db.execute(f"DELETE FROM {self._t} WHERE {self._KEY} = ?", (key,))

    def __len__(self) -> int:
        if self._db is None:
            return len(self._small)
        self._flush()
        (rows,) = self._db.execute(f"SELECT count(*) FROM {self._t}").fetchone()
        return int(rows)

    def close(self) -> None:
        if self._db is not None and self._scratch is not None:
            self._db = None
            self._scratch.give_back()
        self._small = {}
        self._pending = {}
        self._seen = None


class KeyIndex(_Spilling[str, Target]):
    """The subset of a ``dict[str, Target]`` the planner uses: ``in``, ``[]``, ``[] =``, ``get``, ``setdefault``."""

    _PREFIX = "k"
    _SCHEMA = "CREATE TABLE {t} (key TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID"
    _KEY = "key"

    def _stored(self) -> list[tuple[object, object]]:
        return [(k, _encode(v)) for k, v in self._small.items()]

    def get(self, key: str, default: Target | None = None) -> Target | None:
        if self._db is None:
            return self._small.get(key, default)
        found = self._lookup(key)
        return _decode(int(found)) if found is not None else default

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
        self._put(key, _encode(value))

    def setdefault(self, key: str, value: Target) -> Target:
        if self._db is None:
            found = self._small.setdefault(key, value)
            if len(self._small) > self._spill_from:
                self._spill()
            return found
        stored = self._lookup(key)
        if stored is not None:
            return _decode(int(stored))
        self._put(key, _encode(value))
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
        found = self._lookup(_encode(owner))
        return str(found) if found is not None else default

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
            self._put(key, text)
        else:
            self._remove(key)

    def setdefault(self, owner: Target, text: str) -> str:
        found = self.get(owner)
        if found:
            return found
        self[owner] = text
        return text


__all__ = ["KeyIndex", "OwnerText", "SPILL_FROM", "Scratch"]
