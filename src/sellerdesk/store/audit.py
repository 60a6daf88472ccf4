"""The audit log, read and written: who did what and when, never personal details.

Every write of the store adds its own :class:`AuditEntry` in its transaction
(``store.customers.audit``). :func:`record` is for what happens outside the database —
an export, a backup, a restore — and writes one entry in a transaction of its own.
:func:`entries` is what the audit view and ``sellerdesk-cli audit`` show.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from sellerdesk.store.customers import audit
from sellerdesk.store.models import DB, AuditEntry

# The entries a person's details could be read from are never written with any: the detail
# holds ids, counts, field names and the kind of file, nothing typed by or about a customer.
_SAFE_DETAIL = (str, int, float, bool, type(None))


def who() -> str:
    """The operating-system user doing it (the app has no accounts of its own yet)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


def record(action: str, entity: str = "", entity_id: int | None = None, **detail: object) -> None:
    """One entry for something done outside the store's own writes (export, backup, restore)."""
    for value in detail.values():
        if not isinstance(value, _SAFE_DETAIL) and not isinstance(value, list | tuple):
            raise TypeError(f"audit detail must be plain values, not {type(value).__name__}")
    with DB.atomic():
        audit(action, entity, entity_id, by=who(), **detail)


def record_file(
    tmp: Path, path: Path, action: str, entity: str = "", entity_id: int | None = None, **detail: object
) -> None:
    """Put the finished file ``tmp`` in place as ``path`` inside the transaction of its audit
    entry (:func:`record`): an export leaves only with its entry. An entry refused (a team user
    without the right, the server gone) leaves no file behind, and no entry is kept for a file
    that could not be put in place (the caller removes ``tmp``)."""
    renamed = False
    try:
        with DB.atomic():
            record(action, entity, entity_id, **detail)
            os.replace(tmp, path)
            renamed = True
    except BaseException:
        if renamed:  # the commit failed after the rename
            Path(path).unlink(missing_ok=True)
        raise


def record_in(db: pw.Database, action: str, **detail: object) -> None:
    """:func:`record` on a database that is not the bound one (a backup's source, a restored file)."""
    from sellerdesk.store.models import dump_json, utcnow

    with db.atomic():
        db.execute_sql(
            'INSERT INTO "audit_entry" ("at", "action", "entity", "entity_id", "detail") VALUES (?, ?, ?, ?, ?)',
            (utcnow(), action, "", None, dump_json({"by": who(), **detail})),
        )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: _dt.datetime  # UTC, naive
    action: str
    entity: str
    entity_id: int | None
    detail: dict[str, Any] | None
    actor: str = ""  # the team user who did it (team mode); '' in a local database

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
            "actor": self.actor,
        }


def entries(
    *,
    since: _dt.datetime | None = None,
    until: _dt.datetime | None = None,
    actions: Sequence[str] = (),
    limit: int = 0,
) -> list[AuditRow]:
    """Entries, newest first: at or after ``since``, before ``until`` (UTC), of ``actions`` (all when empty)."""
    query = AuditEntry.select().order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    if actions:
        query = query.where(AuditEntry.action.in_(list(actions)))
    if limit:
        query = query.limit(limit)
    return [AuditRow(e.id, e.at, e.action, e.entity, e.entity_id, e.detail, e.actor) for e in query]


def action_names() -> list[str]:
    """Every action the log holds, for the view's filter."""
    return [r[0] for r in DB.execute_sql('SELECT DISTINCT "action" FROM "audit_entry" ORDER BY "action"')]


def put_back(entry_id: int) -> list[str]:
    """The way back from a helper's update of a customer or an address on a team server (schema
    21: the server keeps the old values in the audit log, ``migrations.HELPER_UPDATE_ACTION``):
    the columns of audit entry ``entry_id`` that still hold the value the helper wrote get their
    old value again (a column changed since is left alone: nothing newer is overwritten). One
    transaction with an entry of its own; returns the columns put back. The audit view shows such
    entries; no CLI command or button yet."""
    from sellerdesk.store.errors import NotFoundError
    from sellerdesk.store.migrations import HELPER_UPDATE_ACTION
    from sellerdesk.store.models import Address, Customer
    from sellerdesk.store.postgres import is_postgres, native

    tables = {"customer": Customer, "address": Address}
    with DB.atomic():
        entry = AuditEntry.get_or_none((AuditEntry.id == entry_id) & (AuditEntry.action == HELPER_UPDATE_ACTION))
        detail = entry.detail if entry is not None else None
        if (
            entry is None
            or not is_postgres(DB)
            or entry.entity not in tables
            or entry.entity_id is None
            or not isinstance(detail, dict)
            or not isinstance(detail.get("old"), dict)
            or not isinstance(detail.get("new"), dict)
        ):
            raise NotFoundError(f"No helper's update to put back in audit entry {entry_id}.")
        model = tables[entry.entity]
        known = {f.column_name for f in model._meta.sorted_fields} - {"id"}
        table = entry.entity  # one of two known names; the columns below are the model's own
        row = native(DB, f'SELECT to_jsonb(t) FROM "{table}" AS t WHERE id = %s', (entry.entity_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"No helper's update to put back in audit entry {entry_id}.")
        current = row[0] if isinstance(row[0], dict) else json.loads(row[0])
        columns = sorted(
            c for c, v in detail["new"].items() if c in known and c in detail["old"] and current.get(c) == v
        )
        if columns:
            names = ", ".join(f'"{c}"' for c in columns)
            native(
                DB,
                f'UPDATE "{table}" SET ({names}) = (SELECT {names} FROM jsonb_populate_record(NULL::"{table}", '
                "%s::jsonb)) WHERE id = %s",
                (json.dumps({c: detail["old"][c] for c in columns}, ensure_ascii=False), entry.entity_id),
            )
        audit("put_back", entry.entity, entry.entity_id, entry=entry_id, fields=columns)
    return columns
