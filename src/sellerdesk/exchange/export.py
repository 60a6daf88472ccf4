"""Exporting customers to .xlsx (openpyxl write-only): the current view or everything,
one row per customer (default address) or per address, split or one-line 省市区, chosen
columns, or a courier template.

Text that a spreadsheet would run as a formula (= + - @) is escaped with a leading ' and
the importer removes it again, so export → import round-trips. The file is written to a
temporary name and renamed, so a cancelled or failed export leaves no half file. openpyxl
lays out the workbook; the data rows are streamed into it by :mod:`.xlsx`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol, cast

import peewee as pw

from sellerdesk.core.care import CONSENT_WAYS
from sellerdesk.core.fields import PLACE_FIELDS, place_text, region_text
from sellerdesk.core.lunar import LunarDay
from sellerdesk.core.phones import mask_phone, normalize_phone
from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.cells import escape_cell
from sellerdesk.exchange.errors import UNWRITABLE, ExchangeError, naming_the_target, os_reason, require_folder
from sellerdesk.exchange.templates import Template, load_template
from sellerdesk.exchange.xlsx import SheetWriter
from sellerdesk.progress import CancelToken, no_progress
from sellerdesk.store import audit, queries
from sellerdesk.store.customers import split_list
from sellerdesk.store.models import DB, Address, Customer
from sellerdesk.store.queries import CustomerFilter
from sellerdesk.store.tiers import tier_rules

ProgressFn = Callable[[int, int, str], None]

# Column keys in their default order; headers come from exchange.headers (one place).
ALL_COLUMNS = (
    "ref",
    "name",
    "phone",
    "wechat",
    "address",
    "province",
    "city",
    "district",
    "detail",
    "postal_code",
    "recipient",
    "address_phone",
    "label",
    "tags",
    "tier",
    "birthday",
    "birthday_lunar",
    "gender",
    "source",
    "notes",
    "flags",
    "marketing_consent",
    "consent_date",
    "consent_via",
)
DEFAULT_COLUMNS = (
    "ref",
    "name",
    "phone",
    "wechat",
    "province",
    "city",
    "district",
    "detail",
    "postal_code",
    "tags",
    "tier",
    "birthday",
    "birthday_lunar",
    "gender",
    "source",
    "notes",
    "flags",
    "marketing_consent",
    "consent_date",
    "consent_via",
)
PER_ADDRESS_EXTRA = ("recipient", "address_phone", "label")
_GENDER_TEXT = {"F": "女", "M": "男"}


class CustomerLike(Protocol):
    """What a column reads of a customer: a :class:`Customer` or an export :class:`CustomerRow`."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def wechat(self) -> str: ...
    @property
    def tags(self) -> str: ...
    @property
    def flags(self) -> str: ...
    @property
    def tier(self) -> str: ...
    @property
    def birthday(self) -> dt.date | str | None: ...  # a date, or (CustomerRow) its ISO text
    @property
    def birthday_lunar(self) -> int | None: ...  # core.lunar.LunarDay.code
    @property
    def marketing_consent(self) -> bool | int: ...
    @property
    def consent_date(self) -> dt.date | str | None: ...
    @property
    def consent_via(self) -> str: ...
    @property
    def gender(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def notes(self) -> str: ...


class AddressLike(Protocol):
    """What a column reads of an address: an :class:`Address` or an export :class:`AddressRow`."""

    @property
    def recipient(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def province(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def district(self) -> str: ...
    @property
    def detail(self) -> str: ...
    @property
    def postal_code(self) -> str: ...
    @property
    def label(self) -> str: ...


Getter = Callable[[CustomerLike, AddressLike | None], str]


def default_columns(per_address: bool = False, split_region: bool = True) -> list[str]:
    columns = list(DEFAULT_COLUMNS)
    if per_address:
        at = columns.index("postal_code") + 1
        columns[at:at] = PER_ADDRESS_EXTRA
    if not split_region:
        at = columns.index("province")
        columns = [c for c in columns if c not in PLACE_FIELDS]
        columns.insert(at, "address")
    return columns


def one_line(address: AddressLike | None) -> str:
    if address is None:
        return ""
    return place_text(address.province, address.city, address.district, address.detail)


def _region(a: AddressLike) -> str:
    return region_text(a.province, a.city, a.district)


def _birthday(value: dt.date | str | None) -> str:
    return "" if not value else (value.isoformat() if hasattr(value, "isoformat") else str(value))


def _lunar(code: int | None) -> str:
    return "" if code is None else LunarDay.from_code(code).text()


def _phone_of(c: CustomerLike, a: AddressLike | None) -> str:
    return a.phone if a is not None and a.phone else c.phone


def _mobile(c: CustomerLike, a: AddressLike | None) -> str:
    phone = _phone_of(c, a)
    return phone if normalize_phone(phone).kind == "mobile" else ""


def _landline(c: CustomerLike, a: AddressLike | None) -> str:
    phone = _phone_of(c, a)
    return phone if phone and normalize_phone(phone).kind != "mobile" else ""


def _address_field(name: str) -> Getter:
    # every field read this way is text (AddressLike); getattr cannot say so
    return lambda c, a: cast(str, getattr(a, name)) if a is not None else ""


# key → (customer, address) → text; looked up once per column, not per cell
_GETTERS: dict[str, Getter] = {
    "ref": lambda c, a: str(c.id),
    "id": lambda c, a: str(c.id),
    "name": lambda c, a: c.name,
    "phone": lambda c, a: c.phone,
    "mobile": _mobile,
    "landline": _landline,
    "wechat": lambda c, a: c.wechat,
    "recipient": lambda c, a: a.recipient if a is not None and a.recipient else c.name,
    "address_phone": lambda c, a: a.phone if a is not None else "",
    **{k: _address_field(k) for k in (*PLACE_FIELDS, "postal_code", "label")},
    "address": lambda c, a: one_line(a),
    "region": lambda c, a: _region(a) if a is not None else "",
    "tags": lambda c, a: ",".join(split_list(c.tags)) if c.tags else "",
    "flags": lambda c, a: ",".join(split_list(c.flags)) if c.flags else "",
    "tier": lambda c, a: c.tier,
    "birthday": lambda c, a: _birthday(c.birthday),
    "birthday_lunar": lambda c, a: _lunar(c.birthday_lunar),
    "marketing_consent": lambda c, a: "是" if c.marketing_consent else "否",
    "consent_date": lambda c, a: _birthday(c.consent_date) if c.marketing_consent else "",
    "consent_via": lambda c, a: CONSENT_WAYS.get(c.consent_via, c.consent_via) if c.marketing_consent else "",
    "gender": lambda c, a: _GENDER_TEXT.get(c.gender, c.gender),
    "source": lambda c, a: c.source,
    "notes": lambda c, a: c.notes,
}
_RAW_GETTERS: dict[str, Getter] = {**_GETTERS, "recipient": lambda c, a: a.recipient if a is not None else ""}


def getter(key: str, *, raw: bool = False) -> Getter:
    """The function ``(customer, address) -> text`` of column/template value ``key``; raises
    KeyError for an unknown key. ``raw`` (spreadsheet export) gives the stored recipient as it
    is; couriers get the customer's name when the address has no recipient of its own."""
    return (_RAW_GETTERS if raw else _GETTERS)[key]


@dataclass(frozen=True)
class ExportWarning:
    row: int  # spreadsheet row number (the header is row 1)
    column: str  # header text
    code: str  # emoji, rare_char, too_long, missing


@dataclass
class ExportResult:
    path: Path
    rows: int
    customers: int
    warnings: list[ExportWarning] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "rows": self.rows,
            "customers": self.customers,
            "warnings": [w.__dict__ for w in self.warnings],
        }


WARNING_TEXT = {
    "emoji": ("含表情符号，快递系统可能不接受", "contains emoji the courier may reject"),
    "rare_char": ("含生僻字或特殊字符，快递系统可能不接受", "contains rare characters the courier may reject"),
    "too_long": ("超过长度限制", "longer than the courier allows"),
    "missing": ("必填项为空", "required but empty"),
    "replaced": ("GBK 无法表示的字符已写成 ?", "characters GBK cannot encode were written as ?"),
}


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0xFE00 <= code <= 0xFE0F or code == 0x200D


def check_cell(text: str, charset: str, max_length: int, required: bool) -> list[str]:
    """Problem codes a courier's system would have with ``text``."""
    codes = []
    if required and not text.strip():
        codes.append("missing")
    if max_length and len(text) > max_length:
        codes.append("too_long")
    if charset and text:
        try:
            text.encode(charset)
        except UnicodeEncodeError:
            bad = [ch for ch in text if not _encodable(ch, charset)]
            if any(_is_emoji(ch) for ch in bad):
                codes.append("emoji")
            if any(not _is_emoji(ch) for ch in bad):
                codes.append("rare_char")
    return codes


def _encodable(ch: str, charset: str) -> bool:
    try:
        ch.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


class CustomerRow(NamedTuple):
    """The columns :func:`iter_rows` reads of a customer, as stored (the tier as its name)."""

    id: int
    name: str
    phone: str
    wechat: str
    tags: str
    flags: str
    tier: str
    birthday: str | None  # ISO text
    gender: str
    source: str
    notes: str
    birthday_lunar: int | None
    marketing_consent: int
    consent_date: str | None  # ISO text
    consent_via: str


class AddressRow(NamedTuple):
    """The columns :func:`iter_rows` reads of an address, as stored."""

    customer: int  # the customer's id
    recipient: str
    phone: str
    province: str
    city: str
    district: str
    detail: str
    postal_code: str
    label: str


_CUSTOMER_READ = CustomerRow._fields
_ADDRESS_READ = AddressRow._fields


def _select(model: type[pw.Model], names: Sequence[str]) -> str:
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    return f'SELECT {columns} FROM "{model._meta.table_name}"'


def iter_rows(flt: CustomerFilter, batch: int = 900) -> Iterator[tuple[CustomerRow, list[AddressRow]]]:
    """``(customer, [addresses])`` for the view in display order, as light named tuples.

    The same view and order as :func:`sellerdesk.store.queries.iter_customers` (its
    ``customer_ids`` does the filtering) without building a model object per row, and
    with plain SQL per batch: peewee spent more time composing the 900-id ``IN`` lists
    and converting values than the database spent reading them. Values are as stored
    (the birthday as its ISO text).
    """
    ids = queries.customer_ids(flt, "name")
    customer_sql = _select(Customer, _CUSTOMER_READ) + ' WHERE "id" IN ({})'
    address_sql = (
        _select(Address, _ADDRESS_READ) + ' WHERE "customer_id" IN ({}) AND "deleted_at" IS NULL '
        'ORDER BY "customer_id", "is_default" DESC, "id"'
    )
    make_address = AddressRow._make
    tier_name = tier_rules().display  # a tier is stored as its level key: the sheet gets the name people see
    tier_at = _CUSTOMER_READ.index("tier")

    def make_customer(row: Sequence[Any]) -> CustomerRow:
        return CustomerRow._make((*row[:tier_at], tier_name(row[tier_at]), *row[tier_at + 1 :]))

    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        marks = ", ".join("?" * len(chunk))
        people = {row[0]: make_customer(row) for row in DB.execute_sql(customer_sql.format(marks), chunk)}
        places: dict[int, list[AddressRow]] = {cid: [] for cid in chunk}
        for row in DB.execute_sql(address_sql.format(marks), chunk):
            places[row[0]].append(make_address(row))
        for cid in chunk:
            if cid in people:
                yield people[cid], places[cid]


MASKED_COLUMNS = frozenset({"phone", "mobile", "landline", "address_phone"})
"""The columns masking mode writes as ``138****5678``."""


def _masked(get: Getter) -> Getter:
    return lambda c, a: mask_phone(get(c, a))


def _constant(text: str) -> Getter:
    """A template column's fixed text (``const``) as a column value."""
    return lambda c, a: text


def export_customers(
    path: str | Path,
    flt: CustomerFilter | None = None,
    *,
    per_address: bool = False,
    split_region: bool = True,
    columns: Sequence[str] | None = None,
    template: str | Template | None = None,
    mask: bool = False,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> ExportResult:
    """Write the customers of ``flt`` (None: everyone not in the Trash) to ``path``; with
    ``mask`` every phone column is written masked (``138****5678``, masking mode)."""
    token = token or CancelToken()
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExchangeError("bad_target", name=path.name)
    require_folder(path)
    flt = flt or CustomerFilter()
    tpl = load_template(template) if isinstance(template, str) else template
    if tpl is not None:
        keys = [c.value for c in tpl.columns]
        header_row = [c.header for c in tpl.columns]
        sheet_name = tpl.sheet
    else:
        keys = list(columns) if columns else default_columns(per_address, split_region)
        unknown = [k for k in keys if k not in ALL_COLUMNS]
        if unknown:
            raise ValueError(f"unknown export columns: {unknown}")
        header_row = [hdr.export_header(k) for k in keys]
        sheet_name = "客户"
    if tpl is not None:
        getters = [
            (getter(c.value) if c.value in _GETTERS else _constant("")) if c.const is None else _constant(c.const)
            for c in tpl.columns
        ]
    else:
        getters = [getter(k, raw=True) for k in keys]
    if mask:
        getters = [_masked(get) if key in MASKED_COLUMNS else get for key, get in zip(keys, getters)]
    total = queries.count_customers(flt)
    if total == 0:
        raise ExchangeError("nothing_to_export")
    tmp = path.with_name(path.name + ".part")
    with naming_the_target(path, tmp):  # a full disk names the file, not the data folder
        try:
            sheet = SheetWriter(tmp, sheet_name, header_row)
        except UNWRITABLE as exc:  # a read-only or odd folder
            tmp.unlink(missing_ok=True)
            raise ExchangeError("cannot_write", name=path, reason=os_reason(exc)) from exc
        except OSError:  # a full disk as the package starts: no empty .part left behind
            tmp.unlink(missing_ok=True)
            raise
        saved = False
        try:
            rows = customers = 0
            warnings: list[ExportWarning] = []
            progress(0, total, "exporting")
            for customer, addresses in iter_rows(flt):
                customers += 1
                if customers % 500 == 0:
                    token.check()
                    progress(customers, total, "exporting")
                chosen = addresses if per_address and addresses else [addresses[0] if addresses else None]
                for address in chosen:
                    rows += 1
                    if tpl is None:
                        # empty cells are written as nothing at all (None): a third of the cells, saved
                        sheet.append([escape_cell(get(customer, address)) or None for get in getters])
                        continue
                    out: list[str | None] = []
                    for col, get in zip(tpl.columns, getters):
                        text = get(customer, address)
                        for code in check_cell(text, tpl.charset, col.max_length, col.required):
                            warnings.append(ExportWarning(rows + 1, col.header, code))
                        out.append(escape_cell(text) or None)
                    sheet.append(out)
            token.check()
            sheet.save()
            saved = True
            token.check()
            audit.record_file(
                tmp,
                path,
                "export",
                "customer",
                None,
                count=customers,
                rows=rows,
                masked=mask,
                template=tpl.name if tpl is not None else "",
            )
        finally:
            try:
                if not saved:
                    with contextlib.suppress(OSError):  # the error being raised is the one to tell
                        sheet.close()
            finally:
                tmp.unlink(missing_ok=True)
    progress(total, total, "exporting")
    return ExportResult(path, rows, customers, warnings)
