"""Follow-ups (回访) and feedback (反馈) on a customer. Every write is one transaction with an
audit entry (ids only: what was said is personal and stays out of the log).

* A follow-up is dated, has a channel (``core.care.CHANNELS``), what was said, the outcome and an
  optional next date. The next date is **due** from that day on until it is done: marked done, or
  a later follow-up of the same customer is recorded (recording one closes the earlier next
  dates that are due by its date — the call happened).
* Feedback is a follow-up of kind ``feedback`` with a status, ``open`` until solved (and may be
  opened again).
* Nothing is deleted outright: :func:`delete_follow_up` sets ``deleted_at`` and
  :func:`restore_follow_up` undoes it. Erase-for-good (``store.privacy``) deletes a customer's
  follow-ups; a merge moves them with the customer's other rows (``store.merges`` finds the
  foreign key); deleting a customer for good from the Trash takes them along (ON DELETE CASCADE).
* Customers in the Trash have no follow-ups due and no open feedback in the lists.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import peewee as pw

from sellerdesk.core import clock
from sellerdesk.core.care import CHANNELS
from sellerdesk.core.text import FieldTooLong, clean_field
from sellerdesk.store.customers import FLAG_ERASED, audit, get_customer, split_list
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.models import DB, Customer, FollowUp, utcnow

MAX_NOTE = 2000

# Every refusal, in English with its fields; the CLI words them through cli/store_errors.
MESSAGES = {
    "empty": "A follow-up needs a note: what was said.",
    "too_long": "A follow-up note has at most {limit} characters.",
    "channel": "Unknown channel {channel!r}; one of: {channels}.",
    "kind": "Unknown kind of follow-up {kind!r}.",
    "customer_gone": "Customer {id} is in the Trash; restore them first.",
    "missing": "No follow-up with id {id}.",
    "not_feedback": "Follow-up {id} is not feedback: only feedback is solved.",
    "next_before": "The next follow-up ({next}) cannot be before this one ({on}).",
}


class FollowUpRefused(ValidationError):
    """A follow-up write refused; nothing changed. ``code`` a key of :data:`MESSAGES`."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(MESSAGES[code].format(**params), code=code)
        self.params = params


def _check_next(on: _dt.date | None, next_date: _dt.date | None) -> None:
    """A next date before the follow-up itself is a slip (it would be due at once); refused."""
    if on is not None and next_date is not None and next_date < on:
        raise FollowUpRefused("next_before", next=next_date.isoformat(), on=on.isoformat())


def _text(value: object) -> str:
    try:
        text = clean_field("notes", "" if value is None else str(value))  # (multi-line, invisible characters out)
    except FieldTooLong as exc:
        raise FollowUpRefused("too_long", limit=MAX_NOTE) from exc
    if len(text) > MAX_NOTE:
        raise FollowUpRefused("too_long", limit=MAX_NOTE)
    return text


def _channel(value: object) -> str:
    channel = "" if value is None else str(value).strip()
    if channel and channel not in CHANNELS:
        by_word = {word: code for code, word in CHANNELS.items()}
        if channel in by_word:
            return by_word[channel]
        raise FollowUpRefused("channel", channel=channel, channels=", ".join(CHANNELS))
    return channel


def _date(value: object) -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ValidationError(f"Not a date: {value!r}", code="bad_date") from exc


def _live_customer(customer_id: int) -> Customer:
    customer = get_customer(customer_id)
    if customer.deleted_at is not None or FLAG_ERASED in split_list(customer.flags):
        raise FollowUpRefused("customer_gone", id=customer_id)
    return customer


def _get(follow_up_id: int) -> FollowUp:
    row = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if row is None:
        raise FollowUpRefused("missing", id=follow_up_id)
    return row


def add_follow_up(
    customer_id: int,
    note: str,
    *,
    channel: str = "",
    on_date: _dt.date | str | None = None,
    outcome: str = "",
    next_date: _dt.date | str | None = None,
    feedback: bool = False,
    today: _dt.date | None = None,
) -> FollowUp:
    """Record a follow-up (or, ``feedback``, open feedback) on a live customer."""
    text = _text(note)
    if not text:
        raise FollowUpRefused("empty")
    day, next_day = _date(on_date) or today or clock.today(), _date(next_date)
    _check_next(day, next_day)
    values = {"channel": _channel(channel), "on_date": day, "outcome": _text(outcome), "next_date": next_day}
    with DB.atomic():
        customer = _live_customer(customer_id)
        now = utcnow()
        closed = (
            0
            if feedback
            else (
                FollowUp.update(next_done_at=now, updated_at=now)
                .where(
                    (FollowUp.customer == customer.id)
                    & FollowUp.next_date.is_null(False)
                    & FollowUp.next_done_at.is_null()
                    & (FollowUp.next_date <= values["on_date"])
                    & FollowUp.deleted_at.is_null()
                )
                .execute()
            )
        )
        row = FollowUp.create(
            customer=customer.id,
            kind="feedback" if feedback else "followup",
            note=text,
            status="open" if feedback else "",
            created_at=now,
            updated_at=now,
            **values,
        )
        audit("add_follow_up", "follow_up", row.id, customer=customer.id, kind=row.kind, closed=closed)
    return row


_EDITABLE = ("note", "channel", "on_date", "outcome", "next_date")


def update_follow_up(follow_up_id: int, changes: Mapping[str, Any]) -> FollowUp:
    """Change what a follow-up says (note, channel, date, outcome, next date); a new next date is due again."""
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise ValidationError("Unknown follow-up fields: " + ", ".join(sorted(unknown)))
    cleaned: dict[str, Any] = {}
    for field, value in changes.items():
        if field in ("note", "outcome"):
            cleaned[field] = _text(value)
        elif field == "channel":
            cleaned[field] = _channel(value)
        else:
            cleaned[field] = _date(value)
    if "note" in cleaned and not cleaned["note"]:
        raise FollowUpRefused("empty")
    if cleaned.get("on_date", 1) is None:
        raise ValidationError("A follow-up needs a date.", code="bad_date")
    with DB.atomic():
        row = _get(follow_up_id)
        _check_next(cleaned.get("on_date", row.on_date), cleaned.get("next_date", row.next_date))
        changed = [f for f, v in cleaned.items() if getattr(row, f) != v]
        if changed:
            for field in changed:
                setattr(row, field, cleaned[field])
            if "next_date" in changed:
                row.next_done_at = None
            row.updated_at = utcnow()
            row.save()
            audit("update_follow_up", "follow_up", row.id, customer=row.customer_id, fields=sorted(changed))
    return row


def set_solved(follow_up_id: int, solved: bool = True) -> FollowUp:
    """Feedback solved (or opened again)."""
    with DB.atomic():
        row = _get(follow_up_id)
        if row.kind != "feedback":
            raise FollowUpRefused("not_feedback", id=follow_up_id)
        status = "solved" if solved else "open"
        if row.status != status:
            now = utcnow()
            row.status, row.solved_at, row.updated_at = status, now if solved else None, now
            row.save()
            audit("solve_feedback" if solved else "reopen_feedback", "follow_up", row.id, customer=row.customer_id)
    return row


def set_next_done(follow_up_id: int, done: bool = True) -> FollowUp:
    """The next date of a follow-up done (taken off the 待回访 list) or due again."""
    with DB.atomic():
        row = _get(follow_up_id)
        if (row.next_done_at is not None) != done:
            now = utcnow()
            row.next_done_at, row.updated_at = (now if done else None), now
            row.save()
            audit("follow_up_done" if done else "follow_up_due", "follow_up", row.id, customer=row.customer_id)
    return row


def delete_follow_up(follow_up_id: int) -> None:
    """To the deleted follow-ups (``deleted_at``); :func:`restore_follow_up` brings it back."""
    with DB.atomic():
        row = _get(follow_up_id)
        if row.deleted_at is None:
            FollowUp.update(deleted_at=utcnow()).where(FollowUp.id == row.id).execute()
            audit("delete_follow_up", "follow_up", row.id, customer=row.customer_id)


def restore_follow_up(follow_up_id: int) -> None:
    with DB.atomic():
        row = _get(follow_up_id)
        if row.deleted_at is not None:
            FollowUp.update(deleted_at=None, updated_at=utcnow()).where(FollowUp.id == row.id).execute()
            audit("restore_follow_up", "follow_up", row.id, customer=row.customer_id)


# --- reading ---------------------------------------------------------------------------------------------------


def for_customer(customer_id: int, *, include_deleted: bool = False) -> list[FollowUp]:
    """A customer's follow-ups, newest first."""
    query = FollowUp.select().where(FollowUp.customer == customer_id)
    if not include_deleted:
        query = query.where(FollowUp.deleted_at.is_null())
    return list(query.order_by(FollowUp.on_date.desc(), FollowUp.id.desc()))


def get_follow_up(follow_up_id: int) -> FollowUp:
    try:
        return _get(follow_up_id)
    except FollowUpRefused as exc:
        raise NotFoundError(str(exc)) from exc


@dataclass(frozen=True)
class DueRow:
    """A line of the 待回访 list: a next date due, or open feedback."""

    follow_up_id: int
    customer_id: int
    name: str
    phone: str
    kind: str  # followup (a next date due) or feedback (open)
    when: _dt.date  # the next date, or the day feedback was given
    on_date: _dt.date
    channel: str
    note: str
    outcome: str
    reason: str = "recent"  # due (a next date), open (feedback), recent (the latest follow-ups)


def _db(db: pw.Database | None) -> pw.Database:
    return db if db is not None else DB.obj


_DUE_WHERE = (
    'f."next_date" IS NOT NULL AND f."next_done_at" IS NULL AND f."deleted_at" IS NULL AND f."next_date" <= ? '
    'AND c."deleted_at" IS NULL'
)
_OPEN_WHERE = 'f."status" = \'open\' AND f."deleted_at" IS NULL AND c."deleted_at" IS NULL'
# CROSS JOIN: SQLite reads the follow-ups first (their partial indexes: the few due or open), then
# each one's customer by id — not every live customer through the deleted_at index (25 ms at 100k).
_JOIN = 'FROM "follow_up" f CROSS JOIN "customer" c ON c."id" = f."customer_id"'


def due_count(today: _dt.date | None = None, db: pw.Database | None = None) -> int:
    """How many follow-ups have a next date due (on or before ``today``)."""
    day = (today or clock.today()).isoformat()
    return int(_db(db).execute_sql(f"SELECT count(*) {_JOIN} WHERE {_DUE_WHERE}", [day]).fetchone()[0])


def open_feedback_count(db: pw.Database | None = None) -> int:
    """How many pieces of feedback are open."""
    return int(_db(db).execute_sql(f"SELECT count(*) {_JOIN} WHERE {_OPEN_WHERE}").fetchone()[0])


_ROW = 'f."id", c."id", c."name", c."phone", f."kind", {when}, f."on_date", f."channel", f."note", f."outcome"'


def _rows(sql: str, params: list[object], db: pw.Database | None, reason: str) -> list[DueRow]:
    out = []
    for fid, cid, name, phone, kind, when, on_date, channel, note, outcome in _db(db).execute_sql(sql, params):
        out.append(
            DueRow(
                fid,
                cid,
                name,
                phone,
                kind,
                _dt.date.fromisoformat(str(when)),
                _dt.date.fromisoformat(str(on_date)),
                channel,
                note,
                outcome,
                reason,
            )
        )
    return out


def due(today: _dt.date | None = None, *, limit: int = 5000, db: pw.Database | None = None) -> list[DueRow]:
    """Follow-ups whose next date is due, oldest first."""
    day = (today or clock.today()).isoformat()
    sql = f'SELECT {_ROW.format(when="f.next_date")} {_JOIN} WHERE {_DUE_WHERE} ORDER BY f."next_date", f."id" LIMIT ?'
    return _rows(sql, [day, limit], db, "due")


def open_feedback(*, limit: int = 5000, db: pw.Database | None = None) -> list[DueRow]:
    """Open feedback, oldest first."""
    sql = f'SELECT {_ROW.format(when="f.on_date")} {_JOIN} WHERE {_OPEN_WHERE} ORDER BY f."on_date", f."id" LIMIT ?'
    return _rows(sql, [limit], db, "open")


def recent(*, limit: int = 200, db: pw.Database | None = None) -> list[DueRow]:
    """The latest follow-ups of live customers, newest first (``followups`` without ``--due``)."""
    sql = (
        f'SELECT {_ROW.format(when="f.on_date")} {_JOIN} WHERE f."deleted_at" IS NULL AND c."deleted_at" IS NULL '
        'ORDER BY f."on_date" DESC, f."id" DESC LIMIT ?'
    )
    return _rows(sql, [limit], db, "recent")
