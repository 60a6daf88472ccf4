"""Merging duplicate customers into one, and undoing it (issue 15). Each write is one transaction.

:func:`merge` keeps one customer (the survivor) and folds the others into it:

* the survivor's fields take the values chosen per field (:class:`FieldChoices`: a customer's
  value, or for tags their union and for notes the notes joined — the defaults);
* every child row of the others moves to the survivor: addresses (not as default: the
  survivor keeps its own), their history, orders, points entries and the rows of any table
  with a foreign key to ``customer`` (found from the schema, so a table added later moves too);
* a moved address whose place the survivor already has is put away (soft-deleted,
  :func:`_hide_repeated_addresses`), so one address is not listed twice;
* the others go to the Trash, flagged ``merged`` (:data:`FLAG_MERGED`); :func:`merged_into`
  says into whom;
* the order totals, tiers and points balances of everyone involved are computed again
  (``store.orders.refresh_customers``);
* a :class:`~sellerdesk.store.models.CustomerMerge` row keeps what undoing needs, and an
  audit entry says what happened with ids only.

:func:`unmerge` puts everything back: the moved rows go home (those still with the
survivor), the others' rows are written back as they were, and each survivor field the
merge set goes back to its old value unless it was edited since. It is refused once one of
the customers was deleted for good (the snapshots are dropped then: :func:`forget_purged`),
after a later merge that involves them (undo that one first), or twice.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sellerdesk.core.fields import place_key
from sellerdesk.core.tiers import NORMAL
from sellerdesk.store import orders as store_orders
from sellerdesk.store.customers import (
    address_values,
    audit,
    clean_customer_fields,
    join_list,
    live_addresses,
    split_list,
)
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB, CustomerMerge, utcnow
from sellerdesk.store.postgres import is_postgres, native

# The survivor's fields a merge chooses, in the order the merge dialog shows them.
MERGE_FIELDS = ("name", "phone", "wechat", "tags", "notes", "tier", "birthday", "gender", "source", "marketing_consent")
FLAG_MERGED = "merged"  # a customer merged into another (in the Trash until the merge is undone)
UNION = "union"  # tags: every customer's tags
JOIN = "join"  # notes: every customer's notes, one after the other
_COMBINED = {"tags": UNION, "notes": JOIN}
# Columns that go with a field's choice: the lunar birthday with the birthday (one of them is
# the one celebrated), when and how consent was given with the consent.
_COMPANIONS = {"birthday": ("birthday_lunar",), "marketing_consent": ("consent_date", "consent_via")}
# Columns never written back by an undo: kept by triggers (address_key) or computed again.
_NOT_RESTORED = ("id", "address_key", "order_count", "total_spent_fen", "first_order_at", "last_order_at", "points")

# Every refusal, in English with its fields; the CLI prints them translated (cli.tsv), the
# app words the ones it can meet itself.
MESSAGES = {
    "whole_number": "A customer or merge id is a whole number.",
    "none": "Name at least one customer to merge into the one kept.",
    "self": "Customer {id} cannot be merged into themselves.",
    "missing": "No customer with id {id}.",
    "trashed": "Customer {id} is in the Trash; restore them first.",
    "unknown_field": "Unknown field {field!r}; one of: {fields}.",
    "bad_choice": "{choice!r} is not a choice for {field}.",
    "not_merged": "Customer {id} is not one of the customers merged.",
    "no_merge": "No merge with id {merge}.",
    "undone": "Merge {merge} was undone already.",
    "purged": "Merge {merge} can no longer be undone: customer {id} was deleted for good.",
    "later": "Undo merge {later} first: it came later and involves the same customers.",
}


class MergeRefused(ValidationError):
    """A merge or an undo refused; nothing was changed. ``code``: a key of :data:`MESSAGES`,
    ``params``: its fields."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(MESSAGES[code].format(**params), code=code)
        self.params = params


FieldChoices = Mapping[str, "int | str"]
"""Field name → the id of the customer whose value the survivor takes, or :data:`UNION`
(tags) / :data:`JOIN` (notes). Fields not named take the default (:func:`default_choices`)."""


@dataclass(frozen=True)
class MergeInfo:
    """A merge as the lists show it."""

    id: int
    at: _dt.datetime
    keep_id: int
    other_ids: tuple[int, ...]
    undone: bool
    problem: MergeRefused | None  # why it cannot be undone (None when it can)


def _ids(keep_id: object, other_ids: Iterable[object]) -> tuple[int, list[int]]:
    def whole(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise MergeRefused("whole_number")
        return value

    keep = whole(keep_id)
    others = list(dict.fromkeys(whole(i) for i in other_ids))
    if not others:
        raise MergeRefused("none")
    if keep in others:
        raise MergeRefused("self", id=keep)
    return keep, others


def _rows(ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The stored rows of ``ids`` (column → value as SQLite holds it: PostgreSQL's dates and
    times as the same text, so the merge record is the same JSON on both backends)."""
    marks = ", ".join("?" * len(ids))
    cursor = DB.obj.execute_sql(f'SELECT * FROM "customer" WHERE "id" IN ({marks})', list(ids))
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, map(_as_stored, row))) for row in cursor.fetchall()}


def _as_stored(value: Any) -> Any:
    """A value as SQLite's column holds it (peewee writes a datetime as ``str()``, a date ISO)."""
    if isinstance(value, _dt.datetime):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _live_rows(keep: int, others: Sequence[int]) -> dict[int, dict[str, Any]]:
    rows = _rows([keep, *others])
    for cid in (keep, *others):
        if cid not in rows:
            raise MergeRefused("missing", id=cid)
        if rows[cid]["deleted_at"] is not None:
            raise MergeRefused("trashed", id=cid)
    return rows


def default_choices(keep: Mapping[str, Any], others: Sequence[Mapping[str, Any]]) -> dict[str, int | str]:
    """The choice of each field when the user makes none: tags united, notes joined, the
    survivor's value where it has one, else the first other customer's that has one. Consent
    to marketing is never taken from another customer by default (it was not given to us
    under the survivor's name)."""
    choices: dict[str, int | str] = {}
    for name in MERGE_FIELDS:
        if name in _COMBINED:
            choices[name] = _COMBINED[name]
            continue
        choice = keep["id"]
        if name not in ("marketing_consent", "tier") and _empty_field(keep, name):
            choice = next((o["id"] for o in others if not _empty_field(o, name)), keep["id"])
        if name == "tier" and not keep.get("tier_manual"):
            choice = next((o["id"] for o in others if o.get("tier_manual")), keep["id"])
        choices[name] = choice
    return choices


def _empty(value: object) -> bool:
    return value is None or value == ""


def _empty_field(row: Mapping[str, Any], name: str) -> bool:
    return all(_empty(row.get(n)) for n in (name, *_COMPANIONS.get(name, ())))


def _survivor_values(
    rows: Mapping[int, Mapping[str, Any]], keep: int, others: Sequence[int], choices: FieldChoices
) -> dict[str, Any]:
    """The survivor's columns after the merge (only those that change)."""
    chosen = default_choices(rows[keep], [rows[o] for o in others])
    for name, choice in (choices or {}).items():
        if name not in MERGE_FIELDS:
            raise MergeRefused("unknown_field", field=name, fields=", ".join(MERGE_FIELDS))
        if choice in (UNION, JOIN):
            if _COMBINED.get(name) != choice:
                raise MergeRefused("bad_choice", choice=choice, field=name)
        elif isinstance(choice, bool) or not isinstance(choice, int) or choice not in rows:
            raise MergeRefused("not_merged", id=choice)
        chosen[name] = choice
    order = [keep, *others]
    values: dict[str, Any] = {}
    for name in MERGE_FIELDS:
        choice = chosen[name]
        if choice == UNION:
            values[name] = join_list(t for cid in order for t in split_list(rows[cid]["tags"]))
        elif choice == JOIN:
            notes = [str(rows[cid]["notes"] or "").strip() for cid in order]
            values[name] = "\n".join(dict.fromkeys(n for n in notes if n))
        else:
            values[name] = rows[int(choice)][name]
            for companion in _COMPANIONS.get(name, ()):
                values[companion] = rows[int(choice)][companion]
            if name == "tier":
                values["tier_manual"] = rows[int(choice)]["tier_manual"]
    text = {k: v for k, v in values.items() if k in ("name", "phone", "wechat", "tags", "notes", "gender", "source")}
    cleaned = clean_customer_fields(text)  # the limits (a long union of tags) and the pinyin keys
    cleaned.pop("flags", None)  # (a phone that is not a number is flagged already, where it came from)
    values.update(cleaned)
    return {k: v for k, v in values.items() if rows[keep].get(k) != v}


def _child_columns() -> list[tuple[str, str]]:
    """(table, column) of every foreign key to ``customer`` in the schema."""
    db = DB.obj
    if is_postgres(db):
        # the system catalogue, which every user reads: information_schema (peewee's
        # get_foreign_keys) lists a key only to the owner of the table it points to, so a
        # helper's merge found none and moved no address, order or history at all
        return sorted(
            native(
                db,
                "SELECT t.relname::text, a.attname::text FROM pg_constraint AS k "
                "JOIN pg_class AS t ON t.oid = k.conrelid "
                "JOIN pg_attribute AS a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) "
                "WHERE k.contype = 'f' AND k.confrelid = 'public.customer'::regclass "
                "AND t.relnamespace = 'public'::regnamespace",
            ).fetchall()
        )
    found = []
    for table in db.get_tables():
        for key in db.get_foreign_keys(table):  # (peewee reads either backend's catalogue)
            if key.dest_table == "customer":
                found.append((table, key.column))
    return sorted(found)


def merge(
    keep_id: int, other_ids: Iterable[int], choices: FieldChoices | None = None, *, today: _dt.date | None = None
) -> int:
    """Merge ``other_ids`` into ``keep_id`` (all live customers); returns the merge's id."""
    keep, others = _ids(keep_id, other_ids)
    with DB.atomic():
        db = DB.obj
        rows = _live_rows(keep, others)
        values = _survivor_values(rows, keep, others, choices or {})
        now = utcnow()
        # the record first, before any customer changes: on a team server a masked helper's
        # snapshot is given the stored phones there (schema 22, migrations.PG_STEP22_SQL)
        record = CustomerMerge.create(
            at=now, keep_id=keep, other_ids=others, before={str(cid): row for cid, row in rows.items()}
        )
        # the others to the Trash, flagged merged (the Trash shows it; the undo writes the old flags
        # back) — before their addresses leave: on a team server a customer in the Trash keeps its
        # address key, hence its province, so the policy still shows a helper the customer they
        # merge away (and undo), whoever made it (schema 23, migrations.PG_STEP23_SQL)
        for cid in others:
            flags = join_list([*split_list(rows[cid]["flags"]), FLAG_MERGED])
            db.execute_sql(
                'UPDATE "customer" SET "deleted_at" = ?, "updated_at" = ?, "flags" = ? WHERE "id" = ?',
                [now, now, flags, cid],
            )
        marks = ", ".join("?" * len(others))
        # addresses come as extra addresses: the survivor keeps its default (or takes the
        # first default of the others when it has none)
        defaults = db.execute_sql(
            f'SELECT "id", "is_default" FROM "address" WHERE "customer_id" IN ({marks}) ORDER BY "id"', others
        ).fetchall()
        keep_has_default = db.execute_sql(
            'SELECT 1 FROM "address" WHERE "customer_id" = ? AND "is_default" = 1 AND "deleted_at" IS NULL', [keep]
        ).fetchone()
        db.execute_sql(f'UPDATE "address" SET "is_default" = 0 WHERE "customer_id" IN ({marks})', others)
        moved: dict[str, dict[str, list[list[int]]]] = {}
        for table, column in _child_columns():
            found = db.execute_sql(
                f'SELECT "id", "{column}" FROM "{table}" WHERE "{column}" IN ({marks}) ORDER BY "id"', others
            ).fetchall()
            if found:
                moved.setdefault(table, {})[column] = [[r, c] for r, c in found]
                db.execute_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" IN ({marks})', [keep, *others])
        if not keep_has_default:
            their_defaults = ", ".join(str(int(i)) for i, d in defaults if d) or "0"
            live_default = db.execute_sql(
                f'SELECT "id" FROM "address" WHERE "id" IN ({their_defaults}) AND "deleted_at" IS NULL '
                'ORDER BY "id" LIMIT 1'
            ).fetchone()
            if live_default:
                db.execute_sql('UPDATE "address" SET "is_default" = 1 WHERE "id" = ?', [live_default[0]])
        hidden = _hide_repeated_addresses(keep, [r for r, _c in moved.get("address", {}).get("customer_id", [])], now)
        if values:
            values["updated_at"] = now
            _write_columns(keep, values)
        store_orders.refresh_customers([keep, *others], today)
        after = {k: v for k, v in _rows([keep])[keep].items() if k in values}
        CustomerMerge.update(
            moved={"rows": moved, "defaults": [[i, d] for i, d in defaults], "hidden": hidden}, after=after
        ).where(CustomerMerge.id == record.id).execute()
        counts = {table: sum(len(v) for v in columns.values()) for table, columns in moved.items()}
        audit("merge", "customer", keep, merge=record.id, others=others, moved=counts, fields=sorted(values))
    return record.id


def _hide_repeated_addresses(keep: int, moved_ids: Sequence[int], now: Any) -> list[int]:
    """Put away (soft-delete) each moved address whose place the survivor already has: merging
    two customers with one address left two identical ones (QA). The survivor's own and default
    addresses come first. No history row: :func:`unmerge` takes them out again and the data is
    as before, row for row (the merge's record says which)."""
    moved_set = set(moved_ids)
    seen: set[tuple[str, ...]] = set()
    hidden: list[int] = []
    for address in live_addresses(keep):  # the default first, then by id
        key = place_key(address_values(address))
        if address.id in moved_set and key in seen and any(key):
            hidden.append(address.id)
        seen.add(key)
    if hidden:
        DB.obj.execute_sql(
            f'UPDATE "address" SET "deleted_at" = ? WHERE "id" IN ({", ".join("?" * len(hidden))})', [now, *hidden]
        )
    return hidden


def _write_columns(customer_id: int, values: Mapping[str, Any]) -> None:
    names = list(values)
    sets = ", ".join(f'"{n}" = ?' for n in names)
    DB.obj.execute_sql(
        f'UPDATE "customer" SET {sets} WHERE "id" = ?', [_db_value(values[n]) for n in names] + [customer_id]
    )


def _db_value(value: object) -> object:
    """A value as SQLite stores it (peewee's text forms of dates, 0/1 for flags)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return str(value)
    return value


def _record(merge_id: object) -> CustomerMerge:
    if isinstance(merge_id, bool) or not isinstance(merge_id, int):
        raise MergeRefused("whole_number")
    record = CustomerMerge.get_or_none(CustomerMerge.id == merge_id)
    if record is None:
        raise MergeRefused("no_merge", merge=merge_id)
    return record


def _problem(record: CustomerMerge) -> MergeRefused | None:
    """Why ``record`` cannot be undone; None when it can."""
    if record.undone_at is not None:
        return MergeRefused("undone", merge=record.id)
    ids = [record.keep_id, *record.other_ids]
    present = set(_rows(ids)) if record.before is not None else set()
    for cid in ids:
        if cid not in present:
            return MergeRefused("purged", merge=record.id, id=cid)
    involved = set(ids)
    for later in CustomerMerge.select().where((CustomerMerge.id > record.id) & CustomerMerge.undone_at.is_null()):
        if involved & {later.keep_id, *later.other_ids}:
            return MergeRefused("later", merge=record.id, later=later.id)
    return None


def unmerge(merge_id: int, *, today: _dt.date | None = None) -> MergeInfo:
    """Undo merge ``merge_id``: the data as it was before it (see the module)."""
    with DB.atomic():
        db = DB.obj
        record = _record(merge_id)
        problem = _problem(record)
        if problem is not None:
            raise problem
        keep, others = record.keep_id, list(record.other_ids)
        moved = record.moved or {}
        for table, columns in (moved.get("rows") or {}).items():
            if table not in db.get_tables():
                continue
            for column, pairs in columns.items():
                for row_id, owner in pairs:
                    db.execute_sql(
                        f'UPDATE "{table}" SET "{column}" = ? WHERE "id" = ? AND "{column}" = ?', [owner, row_id, keep]
                    )
        _follow_home(moved.get("rows") or {}, keep)
        hidden = [int(i) for i in moved.get("hidden") or []]  # the repeated addresses the merge put away
        if hidden:
            db.execute_sql(
                f'UPDATE "address" SET "deleted_at" = NULL WHERE "id" IN ({", ".join("?" * len(hidden))})', hidden
            )
        was_default = [i for i, d in moved.get("defaults") or [] if d]
        if was_default:
            db.execute_sql(
                f'UPDATE "address" SET "is_default" = 0 WHERE "id" IN ({", ".join("?" * len(was_default))}) '
                'AND "customer_id" = ?',
                [*was_default, keep],
            )
            for address_id in was_default:
                db.execute_sql(
                    'UPDATE "address" SET "is_default" = 1 WHERE "id" = ? AND "customer_id" <> ?', [address_id, keep]
                )
        before = {int(k): v for k, v in (record.before or {}).items()}
        for cid in others:
            _write_columns(cid, {k: v for k, v in before[cid].items() if k not in _NOT_RESTORED})
        current = _rows([keep])[keep]
        restore = {k: before[keep][k] for k, v in (record.after or {}).items() if current.get(k) == v}
        if "tier" in restore and "tier_manual" in before[keep]:
            restore["tier_manual"] = before[keep]["tier_manual"]
        if restore:
            _write_columns(keep, restore)
        _one_default(keep)
        store_orders.refresh_customers([keep, *others], today)
        # a tier never computed ('' before their first order write) reads as the lowest level;
        # the refresh wrote it out: put back the '' it was
        never = [cid for cid in (keep, *others) if before[cid].get("tier") == "" and not before[cid]["tier_manual"]]
        if never:
            db.execute_sql(
                f'UPDATE "customer" SET "tier" = \'\' WHERE "id" IN ({", ".join("?" * len(never))}) '
                'AND "tier" = ? AND "tier_manual" = 0',
                [*never, NORMAL],
            )
        record.undone_at = utcnow()
        record.save()
        audit("unmerge", "customer", keep, merge=record.id, others=others)
    return _info(record)


# Rows written for the survivor after the merge about a row that goes home: an address's history
# (an edit of a moved address) and an order's points (a moved order cancelled) follow it.
_FOLLOWERS = (("address_change", "address_id", "address"), ("points_entry", "order_id", "orders"))


def _follow_home(rows: Mapping[str, Mapping[str, list[list[int]]]], keep: int) -> None:
    db = DB.obj
    for table, column, parent in _FOLLOWERS:
        ids = [row_id for row_id, _owner in (rows.get(parent) or {}).get("customer_id", [])]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            db.execute_sql(
                f'UPDATE "{table}" SET "customer_id" = (SELECT p."customer_id" FROM "{parent}" AS p '
                f'WHERE p."id" = "{table}"."{column}") WHERE "{column}" IN ({", ".join("?" * len(chunk))}) '
                'AND "customer_id" = ?',
                [*chunk, keep],
            )


def _one_default(customer_id: int) -> None:
    """A survivor that kept no default address (its own were added after the merge) gets one."""
    db = DB.obj
    live = db.execute_sql(
        'SELECT "id", "is_default" FROM "address" WHERE "customer_id" = ? AND "deleted_at" IS NULL ORDER BY "id"',
        [customer_id],
    ).fetchall()
    if live and not any(d for _i, d in live):
        db.execute_sql('UPDATE "address" SET "is_default" = 1 WHERE "id" = ?', [live[0][0]])


def forget_purged(customer_ids: Iterable[int]) -> int:
    """Drop the snapshots of the merges that involve customers deleted for good (inside the
    purge's transaction): their personal data goes with them, and those merges can no longer
    be undone. Returns how many merges were affected."""
    gone = {int(i) for i in customer_ids}
    changed = 0
    query = CustomerMerge.select().where(CustomerMerge.purged_at.is_null())
    for record in query:
        if gone & {record.keep_id, *record.other_ids}:
            CustomerMerge.update(before=None, after=None, moved=None, purged_at=utcnow()).where(
                CustomerMerge.id == record.id
            ).execute()
            changed += 1
    return changed


def _info(record: CustomerMerge) -> MergeInfo:
    return MergeInfo(
        id=record.id,
        at=record.at,
        keep_id=record.keep_id,
        other_ids=tuple(record.other_ids),
        undone=record.undone_at is not None,
        problem=_problem(record) if record.undone_at is None else None,
    )


def list_merges(*, include_undone: bool = False, keep_id: int | None = None) -> list[MergeInfo]:
    """The merges, newest first (only those not undone unless ``include_undone``; only those
    into ``keep_id`` when given)."""
    query = CustomerMerge.select().order_by(CustomerMerge.id.desc())
    if not include_undone:
        query = query.where(CustomerMerge.undone_at.is_null())
    if keep_id is not None:
        query = query.where(CustomerMerge.keep_id == keep_id)
    return [_info(r) for r in query]


def get_merge(merge_id: int) -> MergeInfo:
    return _info(_record(merge_id))


def merged_into(customer_id: int) -> int | None:
    """The survivor a trashed customer was merged into (a merge not undone), else None."""
    for record in CustomerMerge.select().where(CustomerMerge.undone_at.is_null()).order_by(CustomerMerge.id.desc()):
        if customer_id in record.other_ids:
            return int(record.keep_id)
    return None


def names_before(merge_id: int) -> dict[int, str]:
    """The names of a merge's customers as they were (for lists; '' once purged)."""
    record = _record(merge_id)
    return {int(k): str(v.get("name") or "") for k, v in (record.before or {}).items()}


__all__ = [
    "JOIN",
    "MERGE_FIELDS",
    "MESSAGES",
    "UNION",
    "FLAG_MERGED",
    "FieldChoices",
    "MergeInfo",
    "MergeRefused",
    "default_choices",
    "forget_purged",
    "get_merge",
    "list_merges",
    "merge",
    "merged_into",
    "names_before",
    "unmerge",
]
