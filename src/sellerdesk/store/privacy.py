"""A person's rights over their data (个人信息保护法): everything held about one customer, and
erasing them for good.

* :func:`person_data` — everything held about one customer as plain values (the export of
  ``sellerdesk-cli export-person`` and the GUI's 导出个人信息; files are written by
  ``exchange.person``).
* :func:`erase_customer` — one transaction: the customer's personal fields, addresses,
  address history and search-index rows are gone; their orders stay for sales totals with
  the personal fields removed (recipient, phone, street address, notes, tracking No.); the
  customer row stays as an empty tombstone (id, totals, flag ``erased``, in no list) so the
  orders keep their owner; audit entries about them lose their details and one entry
  ``erase`` (id and time only) says it happened. SQLite's ``secure_delete`` overwrites the
  freed bytes, the FTS5 tables are merged (``optimize``) so no old segment keeps the tokens,
  and a ``wal_checkpoint(TRUNCATE)`` empties the -wal: a backup taken afterwards holds no
  trace of them (older backups still do: they are the way back).
* :func:`inactive_customers` — the retention list: customers with no order for N years.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import peewee as pw

from sellerdesk.core import clock
from sellerdesk.core.lunar import LunarDay
from sellerdesk.core.money import format_plain
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store import merges, search, search_pg, settings
from sellerdesk.store.customers import FLAG_ERASED, audit, split_list
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.models import (
    DB,
    Address,
    AddressChange,
    AuditEntry,
    Customer,
    CustomerMerge,
    FollowUp,
    Order,
    OrderItem,
    PointsEntry,
    utcnow,
)

log = logging.getLogger(__name__)

ERASED_FLAG = FLAG_ERASED
# What an erased customer's orders keep of their ship-to snapshot: the region, for sales by region.
KEPT_SNAPSHOT_FIELDS = ("province", "city")
_PERSONAL_CUSTOMER_FIELDS: dict[str, Any] = {
    "name": "",
    "name_pinyin": "",
    "name_initials": "",
    "phone": "",
    "wechat": "",
    "tags": "",
    "birthday": None,
    "gender": "",
    "source": "",
    "notes": "",
    "marketing_consent": False,
    "birthday_lunar": None,
    "consent_date": None,
    "consent_via": "",
}


def is_erased(customer: Customer) -> bool:
    return ERASED_FLAG in split_list(customer.flags)


def _stamp(value: _dt.datetime | _dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


# --- export ------------------------------------------------------------------------------------------------------


def _customer_dict(c: Customer) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "phone": c.phone,
        "wechat": c.wechat,
        "tags": split_list(c.tags),
        "tier": c.tier,
        "tier_manual": bool(c.tier_manual),
        "birthday": _stamp(c.birthday),
        "gender": c.gender,
        "source": c.source,
        "notes": c.notes,
        "flags": split_list(c.flags),
        "marketing_consent": bool(c.marketing_consent),
        "consent_date": _stamp(c.consent_date),
        "consent_via": c.consent_via,
        "birthday_lunar": LunarDay.from_code(c.birthday_lunar).text() if c.birthday_lunar is not None else None,
        "points": c.points,
        "order_count": c.order_count,
        "total_spent": format_plain(c.total_spent_fen),
        "first_order_at": _stamp(c.first_order_at),
        "last_order_at": _stamp(c.last_order_at),
        "created_at": _stamp(c.created_at),
        "updated_at": _stamp(c.updated_at),
        "deleted_at": _stamp(c.deleted_at),
    }


_ADDRESS_KEYS = ("recipient", "phone", "province", "city", "district", "detail", "postal_code", "adcode", "label")


def _address_dict(a: Address, changes: list[AddressChange]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": a.id, **{k: getattr(a, k) for k in _ADDRESS_KEYS}}
    out |= {
        "is_default": bool(a.is_default),
        "verified_at": _stamp(a.verified_at),
        "created_at": _stamp(a.created_at),
        "updated_at": _stamp(a.updated_at),
        "deleted_at": _stamp(a.deleted_at),
        "history": [
            {
                "action": ch.action,
                "old": ch.old_values,
                "new": ch.new_values,
                "reason": ch.reason,
                "at": _stamp(ch.changed_at),
            }
            for ch in changes
        ],
    }
    return out


def _order_dict(o: Order, lines: list[OrderItem]) -> dict[str, Any]:
    return {
        "id": o.id,
        "order_no": o.order_no,
        "order_date": _stamp(o.order_date),
        "amount": format_plain(o.amount_fen),
        "status": o.status,
        "items": o.items,
        "lines": [
            {
                "product": line.product,
                "quantity": line.quantity,
                "unit_price": None if line.unit_price_fen is None else format_plain(line.unit_price_fen),
            }
            for line in lines
        ],
        "courier": o.courier,
        "tracking_no": o.tracking_no,
        "shipped_on": _stamp(o.shipped_on),
        "ship_to": o.address_snapshot,
        "notes": o.notes,
        "created_at": _stamp(o.created_at),
        "updated_at": _stamp(o.updated_at),
        "deleted_at": _stamp(o.deleted_at),
    }


def _about(
    customer_id: int, address_ids: Sequence[int], order_ids: Sequence[int], follow_up_ids: Sequence[int] = ()
) -> Any:
    """The audit entries about one customer: on them, their addresses, orders or follow-ups."""
    cond = (AuditEntry.entity == "customer") & (AuditEntry.entity_id == customer_id)
    if follow_up_ids:
        cond |= (AuditEntry.entity == "follow_up") & AuditEntry.entity_id.in_(list(follow_up_ids))
    if address_ids:
        cond |= (AuditEntry.entity == "address") & AuditEntry.entity_id.in_(list(address_ids))
    if order_ids:
        cond |= (AuditEntry.entity == "order") & AuditEntry.entity_id.in_(list(order_ids))
    return cond


def audit_dict(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": _stamp(e.at),
        "action": e.action,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "detail": e.detail,
    }


def person_data(customer_id: int) -> dict[str, Any]:
    """Everything SellerDesk holds about customer ``customer_id`` (in the Trash too), as JSON-ready
    values; amounts are strings ("128.50"), times ISO text in UTC. NotFoundError when unknown."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFoundError(f"No customer with id {customer_id}.")
    addresses = list(Address.select().where(Address.customer == customer_id).order_by(Address.id))
    changes: dict[int, list[AddressChange]] = {a.id: [] for a in addresses}
    for ch in AddressChange.select().where(AddressChange.customer == customer_id).order_by(AddressChange.id):
        changes.setdefault(ch.address_id, []).append(ch)
    orders = list(Order.select().where(Order.customer == customer_id).order_by(Order.order_date, Order.id))
    lines: dict[int, list[OrderItem]] = {o.id: [] for o in orders}
    if orders:
        for line in OrderItem.select().where(OrderItem.order.in_(list(lines))).order_by(OrderItem.position):
            lines[line.order_id].append(line)
    points = PointsEntry.select().where(PointsEntry.customer == customer_id).order_by(PointsEntry.at, PointsEntry.id)
    follow_ups = list(FollowUp.select().where(FollowUp.customer == customer_id).order_by(FollowUp.on_date, FollowUp.id))
    entries = AuditEntry.select().where(
        _about(customer_id, [a.id for a in addresses], [o.id for o in orders], [f.id for f in follow_ups])
    )
    return {
        "exported_at": _stamp(utcnow()),
        "customer": _customer_dict(customer),
        "addresses": [_address_dict(a, changes.get(a.id, [])) for a in addresses],
        "orders": [_order_dict(o, lines[o.id]) for o in orders],
        "points": [{"delta": p.delta, "note": p.note, "order_id": p.order_id, "at": _stamp(p.at)} for p in points],
        "follow_ups": [_follow_up_dict(f) for f in follow_ups],
        "audit": [audit_dict(e) for e in entries.order_by(AuditEntry.at, AuditEntry.id)],
    }


def _follow_up_dict(f: FollowUp) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "on_date": _stamp(f.on_date),
        "channel": f.channel,
        "note": f.note,
        "outcome": f.outcome,
        "next_date": _stamp(f.next_date),
        "status": f.status,
        "deleted_at": _stamp(f.deleted_at),
    }


# --- erasure -----------------------------------------------------------------------------------------------------


@dataclass
class ErasureResult:
    erased: list[int]
    orders_kept: int
    checkpointed: bool  # False: a reader kept the -wal from being emptied (it is on the next close)


def _erase_one(customer: Customer, now: _dt.datetime) -> int:
    cid = customer.id
    address_ids = [a.id for a in Address.select(Address.id).where(Address.customer == cid)]
    order_ids = [o.id for o in Order.select(Order.id).where(Order.customer == cid)]
    follow_up_ids = [f.id for f in FollowUp.select(FollowUp.id).where(FollowUp.customer == cid)]
    # older audit entries about them keep what happened and when, nothing else
    AuditEntry.update(detail=None).where(_about(cid, address_ids, order_ids, follow_up_ids)).execute()
    FollowUp.delete().where(FollowUp.customer == cid).execute()  # what was said: personal, gone for good
    AddressChange.delete().where(AddressChange.customer == cid).execute()
    Address.delete().where(Address.customer == cid).execute()
    for order in Order.select(Order.id, Order.address_snapshot, Order.version).where(Order.customer == cid):
        snap = order.address_snapshot or {}
        kept = {k: snap.get(k, "") for k in KEPT_SNAPSHOT_FIELDS} if snap else None
        Order.update(
            address_snapshot=kept,
            notes="",
            tracking_no="",
            address=None,
            updated_at=now,
            version=order.version + 1,
        ).where(Order.id == order.id).execute()
    PointsEntry.update(note="").where(PointsEntry.customer == cid).execute()
    Customer.update(
        **_PERSONAL_CUSTOMER_FIELDS,
        flags=ERASED_FLAG,
        # its address key held the street address; a customer already in the Trash keeps its key
        # when its addresses go (schema 23/26), so it is cleared here
        address_key=None,
        deleted_at=customer.deleted_at or now,
        updated_at=now,
    ).where(Customer.id == cid).execute()
    merges.forget_purged([cid])  # a merge's snapshot of them (their old fields) goes too
    audit("erase", "customer", cid)
    return len(order_ids)


def optimize_search_index() -> None:
    """Merge the FTS5 tables' segments: a deleted row's tokens otherwise stay in older segments.
    (Nothing on a team server: its search table is a plain table, whose deleted rows go as the
    customer table's do.)"""
    db = DB.obj
    if not search.supports_fts(db) or not search.fts_enabled(db):
        return
    for table in (search.FTS_TABLE, search.GRAMS_TABLE):
        if db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None:
            db.execute_sql(f"INSERT INTO {table}({table}) VALUES('optimize')")


def _secure_delete(on: bool) -> None:
    DB.execute_sql(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


@contextmanager
def scrubbing() -> Iterator[list[bool]]:
    """Around a transaction that deletes personal data for good (erase, emptying the Trash):
    SQLite overwrites the freed bytes while it runs (``secure_delete``); afterwards the -wal is
    emptied into the file. Yields a one-item list that holds, after the block, whether the
    checkpoint finished (a reader may keep it for the next one). The caller merges the search
    index inside its transaction (:func:`optimize_search_index`)."""
    sqlite = search.supports_fts(DB.obj)
    done = [True]
    if sqlite:
        _secure_delete(True)
    try:
        yield done
        done[0] = checkpoint() if sqlite else vacuum_personal_tables()
    finally:
        if sqlite:
            _secure_delete(False)
    if not done[0]:
        log.info("the freed personal data is not yet scrubbed; it goes at the next checkpoint or vacuum")


# The tables whose rows hold a person's details: on a team server an erased value stays in the old row
# version until VACUUM frees it (the server's write-ahead log and its own backups keep it longer).
_PERSONAL_TABLES = (Customer, Address, AddressChange, Order, FollowUp, PointsEntry, AuditEntry, CustomerMerge)


def vacuum_personal_tables() -> bool:
    """Team server: VACUUM the tables an erase touched, so their dead row versions (the erased values)
    are freed now rather than whenever autovacuum comes by. Outside any transaction (VACUUM cannot run
    in one). False when the server would not (another session's open transaction still sees the old
    rows, or this user may not vacuum): autovacuum frees them later."""
    tables = [m._meta.table_name for m in _PERSONAL_TABLES] + [search_pg.TABLE]
    try:
        DB.execute_sql("VACUUM " + ", ".join(f'"{t}"' for t in tables))
    except pw.DatabaseError as exc:
        log.warning("VACUUM after an erase did not run: %s", exc)
        return False
    return True


def checkpoint() -> bool:
    """Copy the -wal into the database file and empty it; False when a reader kept it from finishing."""
    row = DB.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is None or row[0] == 0


def erase_customers(
    ids: Iterable[int],
    *,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> ErasureResult:
    """Erase customers for good (see the module text). Live or in the Trash; one transaction
    for all of them, so Cancel (``token``) or a kill leaves everyone as they were."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        raise ValidationError("No customer to erase.", code="nothing")
    with scrubbing() as checkpointed:
        now = utcnow()
        erased: list[int] = []
        orders = 0
        with DB.atomic():
            for done, cid in enumerate(wanted):
                if token is not None:
                    token.check()
                progress(done, len(wanted), "erasing")
                customer = Customer.get_or_none(Customer.id == cid)
                if customer is None:
                    raise NotFoundError(f"No customer with id {cid}.")
                if is_erased(customer):
                    continue
                orders += _erase_one(customer, now)
                erased.append(cid)
            if token is not None:
                token.check()
            progress(len(wanted), len(wanted), "erasing")
            if erased:
                optimize_search_index()
    return ErasureResult(erased, orders, checkpointed[0])


def erase_customer(customer_id: int) -> ErasureResult:
    """Erase one customer for good (``sellerdesk-cli erase``, the GUI's 彻底删除)."""
    return erase_customers([customer_id])


# --- retention ---------------------------------------------------------------------------------------------------


def inactive_customers(years: int, today: _dt.date | None = None) -> list[int]:
    """Customers (live or in the Trash, not erased) with no order for ``years`` years: their
    last order, or when they were added if they never ordered, is before the cut-off."""
    if years < 1:
        raise ValidationError("The number of years must be at least 1.", code="years")
    today = today or clock.today()
    try:
        cut = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cut = today.replace(year=today.year - years, day=28)
    cut_at = _dt.datetime.combine(cut, _dt.time())
    last = Customer.last_order_at
    query = (
        Customer.select(Customer.id)
        .where((Customer.flags != ERASED_FLAG) & ((last < cut_at) | (last.is_null() & (Customer.created_at < cut_at))))
        .order_by(Customer.id)
    )
    return [c.id for c in query]


# --- settings: the privacy notice and the retention period ----------------------------------------------------------

NOTICE_KEY = "privacy_notice"
RETENTION_KEY = "retention_years"
DEFAULT_RETENTION_YEARS = 3
MAX_NOTICE = 20_000


def default_notice() -> str:
    """The 隐私告知 a seller starts from (resources/privacy/notice.zh_CN.txt)."""
    from sellerdesk.paths import resource

    return resource("privacy", "notice.zh_CN.txt").read_text(encoding="utf-8").strip() + "\n"


def notice() -> str:
    """The seller's 隐私告知 (the default until they edit it)."""
    text = settings.read(NOTICE_KEY)
    return text if isinstance(text, str) and text.strip() else default_notice()


def save_notice(text: str) -> None:
    """Keep the seller's 隐私告知 (an empty text goes back to the default)."""
    text = text.strip()
    if len(text) > MAX_NOTICE:
        raise ValidationError(f"The notice is longer than {MAX_NOTICE} characters.", code="too_long")
    with DB.atomic():
        settings.write(NOTICE_KEY, text)
        audit("privacy_notice", "settings", None, length=len(text))


def retention_years() -> int:
    """Customers with no order for this many years are offered for erasure; 0: off."""
    value = settings.read(RETENTION_KEY)
    return value if isinstance(value, int) and value >= 0 else DEFAULT_RETENTION_YEARS


def save_retention_years(years: int) -> None:
    if not 0 <= years <= 50:
        raise ValidationError("The number of years must be between 0 (off) and 50.", code="years")
    with DB.atomic():
        settings.write(RETENTION_KEY, int(years))
        audit("retention_years", "settings", None, years=int(years))
