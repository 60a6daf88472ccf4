"""The duplicate finder: groups of live customers who are likely one person (issue 15).

Four SQL groupings over live (not trashed) customers, each one statement that SQLite answers
by sorting or from an index (100k customers: well under a second, ``benchmarks/bench_duplicates.py``):

* the same phone: the customer's phone or any live address phone (phones are stored
  normalised, so ``+86 138-0000-1234`` and ``13800001234`` are one key; masked ``138****1234``
  phones from shop exports are left out);
* the same WeChat ID;
* the same address (province, city, district and street address, spaces ignored), where
  the names are then compared in Python for the few customers sharing one: the same name
  (``name_address``) or a similar one (:func:`sellerdesk.core.same_person.names_similar`,
  ``similar_name_address``); different people at one address (a family, an office) are not
  a duplicate;
* a phone group whose names are all similar is marked ``similar_name_phone`` too (the
  strongest sign; a family sharing a phone keeps only ``phone``).

A group with the same members found by several keys is one group with several reasons.
Groups come strongest first. Reading only: nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sellerdesk.core.fields import place_text
from sellerdesk.core.same_person import clean_name, names_similar
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.models import DB

# Reason codes, strongest first (the UI and the CLI translate them; --json gives the codes).
NAME_ADDRESS = "name_address"
SIMILAR_NAME_PHONE = "similar_name_phone"
SIMILAR_NAME_ADDRESS = "similar_name_address"
WECHAT = "wechat"
PHONE = "phone"
REASONS = (NAME_ADDRESS, SIMILAR_NAME_PHONE, SIMILAR_NAME_ADDRESS, WECHAT, PHONE)

# (The ids are concatenated as text: PostgreSQL's group_concat, store.postgres.COMPAT_SQL, takes text.)
# Customers' and live addresses' phones, one group per phone with more than one customer. Trashed
# customers are taken out afterwards (few; a join to ``customer`` for every address row and a
# DISTINCT over the union cost 2.5x as much at 100k).
_PHONE_SQL = (
    "SELECT k, group_concat(DISTINCT CAST(cid AS TEXT)) FROM ("
    'SELECT "phone" AS k, "id" AS cid FROM "customer" WHERE "deleted_at" IS NULL AND "phone" <> \'\' '
    'UNION ALL SELECT "phone", "customer_id" FROM "address" WHERE "deleted_at" IS NULL AND "phone" <> \'\') AS p '
    "WHERE instr(k, '*') = 0 GROUP BY k HAVING count(DISTINCT cid) > 1"
)
_WECHAT_SQL = (
    'SELECT "wechat", group_concat(CAST("id" AS TEXT)) FROM "customer" INDEXED BY "customer_live_wechat" '
    'WHERE "deleted_at" IS NULL AND "wechat" <> \'\' GROUP BY "wechat" HAVING count(*) > 1'
)
# One key per address: the place and the street address without spaces; only addresses with a
# street address (a bare 广东省深圳市 says nothing about who lives there).
_ADDRESS_KEY = (
    '"province" || char(1) || "city" || char(1) || "district" || char(1) || '
    "replace(replace(\"detail\", ' ', ''), char(12288), '')"
)
_ADDRESS_SQL = (
    f'SELECT k, group_concat(DISTINCT CAST(cid AS TEXT)) FROM (SELECT {_ADDRESS_KEY} AS k, "customer_id" AS cid '
    'FROM "address" WHERE "deleted_at" IS NULL AND "detail" <> \'\') AS a '
    "GROUP BY k HAVING count(DISTINCT cid) > 1"
)
_TRASHED_SQL = 'SELECT "id" FROM "customer" WHERE "deleted_at" IS NOT NULL'


@dataclass
class DuplicateGroup:
    """Customers who are likely one person, and why (``reasons``: codes of :data:`REASONS`;
    ``keys``: the phone, WeChat ID or address text each reason found them by)."""

    ids: tuple[int, ...]
    reasons: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def strength(self) -> int:
        """The index of the strongest reason (0 strongest)."""
        return min(REASONS.index(r) for r in self.reasons)

    def to_dict(self) -> dict[str, object]:
        return {"ids": list(self.ids), "reasons": list(self.reasons), "keys": dict(self.keys)}


def _rows(sql: str, trashed: set[int]) -> list[tuple[str, list[int]]]:
    """(key, live customer ids) of each group ``sql`` finds that still has two live customers."""
    out = []
    for key, text in DB.obj.execute_sql(sql).fetchall():
        ids = sorted({int(i) for i in text.split(",")} - trashed)
        if len(ids) > 1:
            out.append((key, ids))
    return out


def _names(ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        rows = DB.obj.execute_sql(f'SELECT "id", "name" FROM "customer" WHERE "id" IN ({marks})', chunk).fetchall()
        out.update((cid, name or "") for cid, name in rows)
    return out


def _clusters(ids: Sequence[int], names: dict[int, str]) -> list[list[int]]:
    """``ids`` split into groups of similar names (linked one pair at a time); groups of one dropped."""
    parent = {i: i for i in ids}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for position, first in enumerate(ids):
        for second in ids[position + 1 :]:
            if root(first) != root(second) and names_similar(names[first], names[second]):
                parent[root(second)] = root(first)
    groups: dict[int, list[int]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def _all_similar(ids: Sequence[int], names: dict[int, str]) -> bool:
    clusters = _clusters(ids, names)
    return len(clusters) == 1 and len(clusters[0]) == len(ids)


def _address_text(key: str) -> str:
    province, city, district, detail = (key.split("\x01") + ["", "", "", ""])[:4]
    return place_text(province, city, district, detail)


def find_duplicates(
    progress: ProgressCallback = no_progress, token: CancelToken | None = None, *, limit: int = 0
) -> list[DuplicateGroup]:
    """Every group of likely duplicates among live customers, strongest first (then by the
    lowest id). ``limit``: stop after this many groups (0: all). Stops on cancel."""
    db = DB.obj
    found: dict[tuple[int, ...], DuplicateGroup] = {}

    def add(ids: Sequence[int], reason: str, key: str) -> None:
        members = tuple(sorted(ids))
        group = found.setdefault(members, DuplicateGroup(members))
        if reason not in group.reasons:
            group.reasons.append(reason)
            group.keys[reason] = key

    def check() -> None:
        if token is not None:
            token.check()

    # progress in hundredths: the three SQL groupings, then the name comparisons (at 100k demo
    # customers, ~20k phone groups: the longer part)
    progress(0, 100, "")
    trashed = {i for (i,) in db.execute_sql(_TRASHED_SQL).fetchall()}
    phone_rows = _rows(_PHONE_SQL, trashed)
    check()
    progress(10, 100, "")
    wechat_rows = _rows(_WECHAT_SQL, set())
    check()
    progress(15, 100, "")
    address_rows = _rows(_ADDRESS_SQL, trashed)
    check()
    progress(25, 100, "")
    names = _names(i for _k, ids in (*phone_rows, *address_rows) for i in ids)
    for key, ids in wechat_rows:
        add(ids, WECHAT, key)
    work = len(phone_rows) + len(address_rows) or 1
    for index, (key, ids) in enumerate(phone_rows):
        if index % 1000 == 999:
            check()
            progress(30 + 70 * index // work, 100, "")
        add(ids, PHONE, key)
        if _all_similar(ids, names):
            add(ids, SIMILAR_NAME_PHONE, key)
    for index, (key, ids) in enumerate(address_rows, len(phone_rows)):
        if index % 1000 == 999:
            check()
            progress(30 + 70 * index // work, 100, "")
        text = _address_text(key)
        by_name: dict[str, list[int]] = {}
        for i in ids:
            if clean_name(names[i]):
                by_name.setdefault(clean_name(names[i]), []).append(i)
        for same in by_name.values():
            if len(same) > 1:
                add(same, NAME_ADDRESS, text)
        for cluster in _clusters(ids, names):
            if not any(set(cluster) == set(same) for same in by_name.values()):
                add(cluster, SIMILAR_NAME_ADDRESS, text)
    progress(100, 100, "")
    groups = sorted(found.values(), key=lambda g: (g.strength, g.ids))
    for group in groups:
        group.reasons.sort(key=REASONS.index)
    return groups[:limit] if limit else groups


def duplicates_of(customer_id: int) -> list[DuplicateGroup]:
    """The groups ``customer_id`` is in (after a merge: is anything left?)."""
    return [g for g in find_duplicates() if customer_id in g.ids]


__all__ = [
    "NAME_ADDRESS",
    "PHONE",
    "REASONS",
    "SIMILAR_NAME_ADDRESS",
    "SIMILAR_NAME_PHONE",
    "WECHAT",
    "DuplicateGroup",
    "duplicates_of",
    "find_duplicates",
]
