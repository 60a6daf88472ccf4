"""Writing customers and addresses (orders: store.orders). Every function here is one transaction.

Callers (UI, CLI, importer) pass plain dicts; this module normalises phones, keeps one
default address per customer, writes an :class:`AddressChange` row for every address edit
and an :class:`AuditEntry` (ids only, no personal data) for every change. Nothing is
deleted outright except by :func:`purge_customers`, which only takes customers already in
the Trash.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sellerdesk.core import clock, regions
from sellerdesk.core.care import consent_way
from sellerdesk.core.fields import ADDRESS_FIELDS, CUSTOMER_FIELDS, has_place
from sellerdesk.core.lunar import LunarDay, parse_lunar
from sellerdesk.core.phones import MOBILE_RE, PhoneResult, normalize_phone
from sellerdesk.core.pinyin import name_keys
from sellerdesk.core.text import FieldTooLong, clean_field
from sellerdesk.core.validate import Problem, wrong_values
from sellerdesk.store.errors import ConflictError, NotFoundError, TooLongError, ValidationError
from sellerdesk.store.models import DB, Address, AddressChange, AuditEntry, Customer, utcnow
from sellerdesk.store.postgres import is_postgres

FLAG_NEEDS_CHECK = "needs_check"
# An erased customer's tombstone (store.privacy): the row keeps their orders' owner, in no list.
FLAG_ERASED = "erased"
FLAG_DEMO = "demo"

_CUSTOMER_FIELD_SET = frozenset(CUSTOMER_FIELDS)
_SPECIAL_CUSTOMER_FIELDS = frozenset(
    ("tags", "flags", "birthday", "marketing_consent", "birthday_lunar", "consent_date", "consent_via")
)
_ADDRESS_FIELD_SET = frozenset(ADDRESS_FIELDS) | {"is_default"}


# Bulk writers normalise the same phone several times per row (customer, address, duplicate
# key): results are immutable, and the recent ones are all that repeat.
@lru_cache(maxsize=4096)
def phone_of(text: object) -> PhoneResult:
    """:func:`normalize_phone`, cached; a plain 11-digit mobile (most cells of a sheet) is
    answered without the general path (tested equal to it)."""
    if type(text) is str and len(text) == 11 and text.isascii() and MOBILE_RE.fullmatch(text):
        return PhoneResult(text, "mobile", True)
    return normalize_phone(text)


def split_list(value: str | Iterable[object] | None) -> list[str]:
    """Tags/flags given as a list or as text separated by , ， ; ； | / or spaces."""
    if value is None:
        return []
    items: Sequence[object]
    if isinstance(value, str):
        for sep in "，;；|/、\t\n":
            value = value.replace(sep, ",")
        items = value.split(",")
    else:
        items = list(value)
    seen: list[str] = []
    for item in items:
        item = str(item).strip()
        if item and item not in seen:
            seen.append(item)
    return seen


def join_list(items: Iterable[str]) -> str:
    return ",".join(split_list(list(items)))


@lru_cache(maxsize=1024)
def _clean_list_text(value: str) -> str:
    return join_list(split_list(value))  # a sheet's tag cells repeat: 'VIP', 'VIP,老客户' …


def clean_list(value: str | Iterable[object] | None) -> str:
    """Tags/flags as stored: split, stripped, de-duplicated, joined with ','."""
    return _clean_list_text(value) if isinstance(value, str) else join_list(split_list(value))


def audit(action: str, entity: str = "", entity_id: int | None = None, **detail: object) -> None:
    AuditEntry.create(action=action, entity=entity, entity_id=entity_id, detail=detail or None)


# Field values by name, as callers give them (text, lists of tags, dates, None…) and as the
# models take them once cleaned: of several types, hence Any.
_Fields = Mapping[str, Any]


def _field_errors(clean: Callable[[_Fields], dict[str, Any]]) -> Callable[[_Fields], dict[str, Any]]:
    """A value over its field's limit (core.text.clean_field) is the store's TooLongError."""

    @functools.wraps(clean)
    def run(data: _Fields) -> dict[str, Any]:
        try:
            return clean(data)
        except FieldTooLong as exc:
            raise TooLongError(exc.field, exc.length, exc.limit) from exc

    return run


@_field_errors
def _clean_customer(data: _Fields) -> dict[str, Any]:
    if not _CUSTOMER_FIELD_SET.issuperset(data):
        unknown = set(data) - _CUSTOMER_FIELD_SET
        raise ValidationError("Unknown customer fields: " + ", ".join(sorted(unknown)))
    out: dict[str, Any] = {}
    for field, value in data.items():
        if type(value) is str and field not in _SPECIAL_CUSTOMER_FIELDS:
            out[field] = clean_field(field, value)
        elif field in ("tags", "flags"):
            out[field] = clean_field(field, clean_list(value))
        elif field == "birthday":
            out[field] = _as_date(value)
        elif field == "marketing_consent":
            out[field] = bool(value)
        elif field == "birthday_lunar":
            out[field] = lunar_code(value)
        elif field == "consent_date":
            out[field] = _as_date(value)
        elif field == "consent_via":
            out[field] = _consent_via(value)
        else:
            out[field] = clean_field(field, "" if value is None else str(value))
    if "phone" in out and out["phone"]:
        result = phone_of(out["phone"])
        out["phone"] = result.value
        if not result.valid:
            flags = split_list(data.get("flags")) if "flags" in data else []
            if FLAG_NEEDS_CHECK not in flags:
                flags.append(FLAG_NEEDS_CHECK)
            out["flags"] = join_list(flags)
    if "name" in out:
        out["name_pinyin"], out["name_initials"] = name_keys(out["name"])
    return out


def _as_date(value: object) -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    for fmt in ("%Y-%m-%d", "%Y%m%d", "%m-%d"):
        try:
            parsed = _dt.datetime.strptime(text, fmt).date()
            return parsed.replace(year=1900) if fmt == "%m-%d" else parsed
        except ValueError:
            continue
    raise ValidationError(f"Not a date: {value!r}")


def lunar_code(value: object) -> int | None:
    """A lunar birthday as stored (:attr:`core.lunar.LunarDay.code`) from a code, a
    :class:`~sellerdesk.core.lunar.LunarDay` or text (农历8月15, 闰四月初八); ValidationError else."""
    if value in (None, ""):
        return None
    try:
        if isinstance(value, LunarDay):
            return value.code
        if isinstance(value, int) and not isinstance(value, bool):
            return LunarDay.from_code(value).code
        return parse_lunar(str(value)).code
    except ValueError as exc:
        raise ValidationError(f"Not a lunar date: {value!r}", field="birthday_lunar") from exc


def _consent_via(value: object) -> str:
    code = consent_way("" if value is None else str(value))
    if code is None:
        raise ValidationError(f"Unknown way of consent: {value!r}", field="consent_via")
    return code


def _consent_entry(customer: Customer) -> None:
    """The audit log keeps the history of a customer's consent: one entry per change."""
    audit(
        "consent",
        "customer",
        customer.id,
        given=bool(customer.marketing_consent),
        date=customer.consent_date.isoformat() if customer.consent_date else None,
        via=customer.consent_via,
    )


_CONSENT_FIELDS = ("marketing_consent", "consent_date", "consent_via")


def _consent_rule(cleaned: dict[str, Any], before: Customer | None) -> None:
    """Consent given without a date is given today; consent withdrawn keeps no date or way."""
    given = cleaned.get("marketing_consent", before.marketing_consent if before is not None else False)
    if not given:
        if "marketing_consent" in cleaned:
            cleaned["consent_date"], cleaned["consent_via"] = None, ""
        return
    date = cleaned.get("consent_date", before.consent_date if before is not None else None)
    if date is None:
        cleaned["consent_date"] = clock.today()


@_field_errors
def _clean_address(data: _Fields) -> dict[str, Any]:
    if not _ADDRESS_FIELD_SET.issuperset(data):
        unknown = set(data) - _ADDRESS_FIELD_SET
        raise ValidationError("Unknown address fields: " + ", ".join(sorted(unknown)))
    out: dict[str, Any] = {}
    for field in ADDRESS_FIELDS:
        if field in data:
            value = data[field]
            out[field] = clean_field(field, value if type(value) is str else "" if value is None else str(value))
    if out.get("phone"):
        out["phone"] = phone_of(out["phone"]).value
    return out


def clean_customer_fields(data: _Fields) -> dict[str, Any]:
    """The normalisation create/update apply, for bulk writers (the importer) — one owner."""
    return _clean_customer(data)


def clean_address_fields(data: _Fields) -> dict[str, Any]:
    """The address normalisation add/update apply, for bulk writers (the importer)."""
    return _clean_address(data)


def address_values(address: Address) -> dict[str, str]:
    """The user-visible fields of an address, as stored in history rows and snapshots."""
    return {f: getattr(address, f) for f in ADDRESS_FIELDS}


def validate_identifying(data: _Fields) -> None:
    if not any(str(data.get(f) or "").strip() for f in ("name", "phone", "wechat")):
        raise ValidationError("A customer needs at least a name, a phone or a WeChat ID.", code="no_identity")


def create_customer(data: _Fields, addresses: Sequence[_Fields] = (), *, reason: str = "created") -> Customer:
    """Add a customer with its addresses; the first address (or one marked) becomes default."""
    edits = [
        AddressEdit({k: v for k, v in a.items() if k != "is_default"}, is_default=bool(a.get("is_default")))
        for a in addresses
    ]
    return save_customer(None, data, edits, reason=reason)


@dataclass
class AddressEdit:
    """One address as a form hands it to :func:`save_customer`.

    ``id`` None is a new address (skipped when it names no place); ``deleted`` moves a stored
    one to the address history's deleted state; ``is_default`` marks the one default.
    """

    values: Mapping[str, object] | None
    """The address's fields; None for a stored address that is unchanged (only its flags count)."""
    id: int | None = None
    is_default: bool = False
    deleted: bool = False


def resolved_place(values: Mapping[str, object]) -> dict[str, object]:
    """``values`` with the region levels as official names and the adcode of the most precise
    one (广东/深圳/南山 → 广东省/深圳市/南山区, 440305); unknown names are kept as typed."""
    out = dict(values)
    levels = [str(out.get(k) or "").strip() for k in ("province", "city", "district")]
    if any(levels):
        resolution = regions.resolve_cached(*levels)
        out.update(province=resolution.province, city=resolution.city, district=resolution.district)
        out["adcode"] = resolution.adcode
    return out


SAME_PLACE_FIELDS = ("recipient", "phone", "province", "city", "district", "detail")


def same_place(stored: Mapping[str, object], given: Mapping[str, object]) -> bool:
    """``given`` (a pasted address, its region levels as :func:`resolved_place` gives them) is
    the address ``stored`` after normalisation (spaces, punctuation, full-width and traditional
    characters, letter case: :func:`core.text.comparable`); a recipient or phone ``given``
    lacks does not make it another address. The order paste and the editor's paste ask this."""
    from sellerdesk.core.text import comparable

    for name in SAME_PLACE_FIELDS:
        kept = str(stored.get(name) or "").strip()
        new = str(given.get(name) or "").strip()
        if name in ("recipient", "phone") and not new:
            continue
        if name == "phone":
            kept, new = (phone_of(v).value if v else "" for v in (kept, new))
        elif name in ("recipient", "detail"):
            kept, new = comparable(kept), comparable(new)
        if kept != new:
            return False
    return True


WrongValues = Literal["keep", "flag", "refuse"]
"""What :func:`save_customer` does with a wrong value (:func:`check_values`): keep it as
typed (the editor, which shows every problem under the form while typing), keep it and mark
the customer 需核对 (``needs_check``; ``sellerdesk-cli add --force``), or refuse the whole
save with a :class:`ValidationError` (``sellerdesk-cli add``)."""


def check_values(data: _Fields, addresses: Sequence[AddressEdit] = ()) -> list[Problem]:
    """The wrong values (:func:`core.validate.wrong_values`) of the customer's phone and of
    each new or changed address, each named once. Writes nothing."""
    found: list[Problem] = wrong_values({"phone": data.get("phone")}) if data.get("phone") else []
    for edit in addresses:
        if edit.deleted or edit.values is None or (edit.id is None and not has_place(edit.values)):
            continue
        found += wrong_values(edit.values)
    unique: list[Problem] = []
    for problem in found:
        if all(problem.message != p.message for p in unique):
            unique.append(problem)
    return unique


def refuse_wrong_values(problems: Sequence[Problem]) -> None:
    """Raise the :class:`ValidationError` naming every wrong value in one line (none: return)."""
    if problems:
        first = problems[0]
        raise ValidationError(" ".join(p.message for p in problems), code=first.code, field=first.field)


def save_customer(
    customer_id: int | None,
    data: _Fields,
    addresses: Sequence[AddressEdit] = (),
    *,
    reason: str = "",
    wrong: WrongValues = "keep",
    expected_version: int | None = None,
) -> Customer:
    """Create (``customer_id`` None) or update a customer with its addresses, in one transaction.

    The one save path of the editor, the CLI and the importer's single-row writes: the identity
    rule (a name, phone or WeChat ID), the cleaning of every field, region names resolved to
    the official ones with their adcode, history rows for every address change, exactly one
    default among the live addresses (the one marked, else the current one, else the first).
    ``wrong`` says what a wrong phone, postal code or region does (:data:`WrongValues`).

    ``expected_version`` (the customer's ``version`` when the caller read it): if another write
    changed the customer or one of their addresses since, :class:`ConflictError` (who, when)
    and nothing is written. The check and the write are one transaction holding the row (the
    write lock of the file; ``FOR UPDATE`` on a team server), so two saves cannot both pass it.
    """
    problems = check_values(data, addresses) if wrong != "keep" else []
    if wrong == "refuse":
        refuse_wrong_values(problems)
    with DB.atomic():
        if problems:  # (wrong == "flag")
            data = _with_needs_check(customer_id, data)
        if customer_id is None:
            validate_identifying(data)
            now = utcnow()
            cleaned = _clean_customer(data)
            _consent_rule(cleaned, None)
            customer = Customer.create(created_at=now, updated_at=now, **cleaned)
            audit("create", "customer", customer.id, addresses=sum(1 for a in addresses if has_place(a.values or {})))
            if customer.marketing_consent:
                _consent_entry(customer)
            why = reason or "created"
        else:
            if expected_version is not None:
                check_version(customer_id, expected_version)
            customer = update_customer(customer_id, data, reason=reason or "edited")
            why = reason or "edited"
        default_id: int | None = None
        first_new: int | None = None
        # a new customer's addresses go in with their default already set (no second write)
        marked = any(e.is_default and not e.deleted for e in addresses)
        for edit in addresses:
            if edit.deleted:
                if edit.id is not None:
                    delete_address(edit.id, reason=why)
                continue
            if edit.id is None:
                if edit.values is None or not has_place(_clean_address(edit.values)):
                    continue  # an empty form row (unknown fields are still refused)
                as_default = customer_id is None and (edit.is_default or (not marked and first_new is None))
                address = _insert_address(customer, resolved_place(edit.values), as_default, why)
                first_new = first_new if first_new is not None else address.id
                if customer_id is not None:
                    audit("add_address", "address", address.id, customer=customer.id)
                address_id = address.id
            else:
                _owned_address(edit.id, customer.id)
                if edit.values is not None:
                    update_address(edit.id, resolved_place(edit.values), reason=why)
                address_id = edit.id
            if edit.is_default:
                default_id = address_id
        live = live_addresses(customer.id)
        if default_id is None and live and not any(a.is_default for a in live):
            default_id = first_new if first_new is not None else live[0].id
        if default_id is not None and not any(a.id == default_id and a.is_default for a in live):
            Address.update(is_default=False).where(Address.customer == customer.id).execute()
            Address.update(is_default=True).where(Address.id == default_id).execute()
            if customer_id is not None:
                audit("set_default_address", "address", default_id)
        if customer_id is not None and addresses:
            _touch(customer)
    return customer


def check_version(customer_id: int, expected: int) -> None:
    """Inside a transaction: :class:`ConflictError` when the customer's version is no longer
    ``expected``. On a team server the row stays locked until the transaction ends."""
    query = Customer.select(Customer.version, Customer.updated_by, Customer.updated_at).where(
        Customer.id == customer_id
    )
    if is_postgres(DB):
        query = query.for_update()
    row = query.first()
    if row is None:
        raise NotFoundError(f"No customer with id {customer_id}.")
    if row.version != expected:
        raise ConflictError(
            entity="customer",
            entity_id=customer_id,
            by=row.updated_by,
            at=row.updated_at,
            version=row.version,
            expected=expected,
        )


def _with_needs_check(customer_id: int | None, data: _Fields) -> dict[str, Any]:
    """``data`` with the 需核对 flag added to the flags it gives (else to the stored ones)."""
    if "flags" in data or customer_id is None:
        flags = split_list(data.get("flags"))
    else:
        flags = split_list(get_customer(customer_id).flags)
    return {**data, "flags": join_list([*flags, FLAG_NEEDS_CHECK])}


def _owned_address(address_id: int, customer_id: int) -> Address:
    address = _get_address(address_id)
    if address.customer_id != customer_id:
        raise ValidationError(f"Address {address_id} belongs to another customer.")
    return address


def get_customer(customer_id: int, *, include_deleted: bool = True) -> Customer:
    query = Customer.select().where(Customer.id == customer_id)
    if not include_deleted:
        query = query.where(Customer.deleted_at.is_null())
    customer = query.first()
    if customer is None:
        raise NotFoundError(f"No customer with id {customer_id}.")
    return customer


def update_customer(customer_id: int, changes: _Fields, *, reason: str = "edited") -> Customer:
    with DB.atomic():
        customer = get_customer(customer_id)
        cleaned = _clean_customer(changes)
        if any(f in cleaned for f in _CONSENT_FIELDS):
            _consent_rule(cleaned, customer)
        merged = {f: getattr(customer, f) for f in ("name", "phone", "wechat")} | cleaned
        validate_identifying(merged)
        changed = [f for f, v in cleaned.items() if getattr(customer, f) != v]
        if changed:
            for field in changed:
                setattr(customer, field, cleaned[field])
            customer.updated_at = utcnow()
            # only what changed: the version (kept by triggers) and what others wrote meanwhile
            # to other columns (a team server's order totals) are not written back from this copy
            customer.save(only=[Customer._meta.fields[f] for f in (*changed, "updated_at")])
            audit("update", "customer", customer.id, fields=sorted(changed), reason=reason)
            if any(f in changed for f in _CONSENT_FIELDS):
                _consent_entry(customer)
    return customer


def _insert_address(customer: Customer, fields: _Fields, make_default: bool, reason: str) -> Address:
    now = utcnow()
    values = _clean_address(fields)
    if make_default:
        Address.update(is_default=False).where(Address.customer == customer).execute()
    address = Address.create(customer=customer, is_default=make_default, created_at=now, updated_at=now, **values)
    AddressChange.create(
        address=address,
        customer=customer,
        action="create",
        old_values=None,
        new_values=address_values(address),
        reason=reason,
        changed_at=now,
    )
    return address


def live_addresses(customer_id: int) -> list[Address]:
    return list(
        Address.select()
        .where((Address.customer == customer_id) & Address.deleted_at.is_null())
        .order_by(Address.is_default.desc(), Address.id)
    )


def add_address(
    customer_id: int, fields: _Fields, *, make_default: bool | None = None, reason: str = "added"
) -> Address:
    with DB.atomic():
        customer = get_customer(customer_id)
        if make_default is None:
            make_default = bool(fields.get("is_default")) or not live_addresses(customer_id)
        address = _insert_address(customer, fields, make_default, reason)
        _touch(customer)
        audit("add_address", "address", address.id, customer=customer.id)
    return address


def _touch(customer: Customer) -> None:
    Customer.update(updated_at=utcnow()).where(Customer.id == customer.id).execute()


def _get_address(address_id: int) -> Address:
    address = Address.get_or_none(Address.id == address_id)
    if address is None:
        raise NotFoundError(f"No address with id {address_id}.")
    return address


def update_address(address_id: int, fields: _Fields, *, reason: str = "edited") -> AddressChange | None:
    """Change an address in place and record old → new; None when nothing changed."""
    with DB.atomic():
        address = _get_address(address_id)
        old = address_values(address)
        values = _clean_address(fields)
        changed = {f: v for f, v in values.items() if old.get(f) != v}
        if not changed:
            return None
        for field, value in changed.items():
            setattr(address, field, value)
        address.updated_at = utcnow()
        address.verified_at = None  # an edited address has to be verified again
        address.save()
        change = AddressChange.create(
            address=address,
            customer=address.customer_id,
            action="update",
            old_values={f: old[f] for f in changed},
            new_values=changed,
            reason=reason,
        )
        _touch(address.customer)
        audit("update_address", "address", address.id, fields=sorted(changed), reason=reason)
    return change


def set_default_address(address_id: int) -> None:
    with DB.atomic():
        address = _get_address(address_id)
        Address.update(is_default=False).where(Address.customer == address.customer_id).execute()
        Address.update(is_default=True).where(Address.id == address.id).execute()
        _touch(address.customer)
        audit("set_default_address", "address", address.id)


@dataclass(frozen=True)
class Verified:
    """An address marked verified: the stamp written and the one it replaced (what
    :func:`undo_verified` puts back)."""

    address_id: int
    at: _dt.datetime
    previous: _dt.datetime | None


def _stamp(address: Address, stamp: _dt.datetime | None, action: str, reason: str) -> None:
    """The address's verified stamp set (or cleared), with its history row and audit entry."""
    Address.update(verified_at=stamp).where(Address.id == address.id).execute()
    AddressChange.create(
        address=address,
        customer=address.customer_id,
        action=action,
        old_values=None,
        new_values=None,
        reason=reason,
        changed_at=stamp if action == "verify" else utcnow(),
    )
    audit(f"{action}_address", "address", address.id)


def _verify(address: Address) -> Verified:
    now = utcnow()
    _stamp(address, now, "verify", "verified")
    return Verified(address.id, now, address.verified_at)


def mark_verified(address_id: int) -> _dt.datetime:
    with DB.atomic():
        return _verify(_get_address(address_id)).at


def verify_addresses(address_ids: Sequence[int]) -> list[Verified]:
    """Several addresses marked verified (the 核对 list's selection) in one transaction; an
    unknown id refuses them all (:class:`NotFoundError`)."""
    with DB.atomic():
        return [_verify(_get_address(i)) for i in dict.fromkeys(address_ids)]


def undo_verified(done: Sequence[Verified]) -> int:
    """撤销 of 标记已核对: each address gets back the stamp it had before, in one transaction,
    with a history row (``unverify``) and an audit entry. An address verified again since
    (another stamp) or gone keeps what it has. Returns how many went back."""
    undone = 0
    with DB.atomic():
        for item in done:
            address = Address.get_or_none(Address.id == item.address_id)
            if address is None or address.verified_at != item.at:
                continue
            _stamp(address, item.previous, "unverify", "undone")
            undone += 1
    return undone


def delete_address(address_id: int, *, reason: str = "deleted") -> None:
    """Soft-delete an address (history keeps it; :func:`restore_address` brings it back)."""
    with DB.atomic():
        address = _get_address(address_id)
        if address.deleted_at is not None:
            return
        now = utcnow()
        Address.update(deleted_at=now, is_default=False).where(Address.id == address.id).execute()
        AddressChange.create(
            address=address,
            customer=address.customer_id,
            action="delete",
            old_values=address_values(address),
            new_values=None,
            reason=reason,
            changed_at=now,
        )
        if address.is_default:
            remaining = live_addresses(address.customer_id)
            if remaining:
                Address.update(is_default=True).where(Address.id == remaining[0].id).execute()
        _touch(address.customer)
        audit("delete_address", "address", address.id)


def restore_address(address_id: int) -> None:
    with DB.atomic():
        address = _get_address(address_id)
        if address.deleted_at is None:
            return
        make_default = not live_addresses(address.customer_id)
        Address.update(deleted_at=None, is_default=make_default).where(Address.id == address.id).execute()
        AddressChange.create(
            address=address,
            customer=address.customer_id,
            action="restore",
            old_values=None,
            new_values=address_values(address),
            reason="restored",
        )
        _touch(address.customer)
        audit("restore_address", "address", address.id)


def address_history(customer_id: int) -> list[AddressChange]:
    return list(
        AddressChange.select()
        .where(AddressChange.customer == customer_id)
        .order_by(AddressChange.changed_at.desc(), AddressChange.id.desc())
    )


def trash_customers(ids: Iterable[int]) -> list[int]:
    """Move customers to the Trash; returns the ids that moved (for undo)."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    moved: list[int] = []
    with DB.atomic():
        now = utcnow()
        for chunk in _chunks(ids):
            found = [
                c.id for c in Customer.select(Customer.id).where(Customer.id.in_(chunk) & Customer.deleted_at.is_null())
            ]
            if found:
                Customer.update(deleted_at=now).where(Customer.id.in_(found)).execute()
                moved.extend(found)
        if moved:
            audit("trash", "customer", None, count=len(moved), ids=moved[:1000])
    return moved


def restore_customers(ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(int(i) for i in ids))
    restored: list[int] = []
    with DB.atomic():
        for chunk in _chunks(ids):
            found = [
                c.id
                for c in Customer.select(Customer.id).where(
                    Customer.id.in_(chunk) & Customer.deleted_at.is_null(False) & (Customer.flags != FLAG_ERASED)
                )
            ]
            if found:
                Customer.update(deleted_at=None, updated_at=utcnow()).where(Customer.id.in_(found)).execute()
                restored.extend(found)
        if restored:
            audit("restore", "customer", None, count=len(restored), ids=restored[:1000])
    return restored


def purge_customers(ids: Iterable[int]) -> int:
    """Delete for good — only customers already in the Trash (the way back is a backup). The
    merges they were in can no longer be undone and forget what they held of them
    (``store.merges.forget_purged``). Like an erase, the freed bytes are overwritten and the
    search index merged, so the purged rows leave no trace in the file (``privacy.scrubbing``)."""
    from sellerdesk.store import merges, privacy

    ids = list(dict.fromkeys(int(i) for i in ids))
    purged = 0
    with privacy.scrubbing(), DB.atomic():
        gone: list[int] = []
        for chunk in _chunks(ids):
            found = [
                c.id
                for c in Customer.select(Customer.id).where(
                    Customer.id.in_(chunk) & Customer.deleted_at.is_null(False) & (Customer.flags != FLAG_ERASED)
                )
            ]
            if found:
                purged += Customer.delete().where(Customer.id.in_(found)).execute()
                gone.extend(found)
        if gone:
            merges.forget_purged(gone)
            privacy.optimize_search_index()
        if purged:
            audit("purge", "customer", None, count=purged)
    return purged


def _chunks(items: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_live(ids: Iterable[int]) -> None:
    """Every one of ``ids`` (asked for by number) names a live customer; else
    :class:`NotFoundError` naming the first that does not."""
    from sellerdesk.store.queries import missing_ids

    missing = missing_ids("customer", ids)
    if missing:
        raise NotFoundError(f"No customer with id {missing[0]}.")
