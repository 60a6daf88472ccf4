"""Exporting customers to .xlsx (openpyxl write-only): the current view or everything,
one row per customer (default address) or per address, split or one-line 省市区, chosen
columns, or a courier template.

Text that a spreadsheet would run as a formula (= + - @) is escaped with a leading ' and
the importer removes it again, so export → import round-trips. The file is written to a
temporary name and renamed, so a cancelled or failed export leaves no half file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from sellerdesk.core.phones import normalize_phone
from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.cells import escape_cell
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.templates import Template, load_template
from sellerdesk.progress import CancelToken, no_progress
from sellerdesk.store import queries
from sellerdesk.store.customers import split_list
from sellerdesk.store.models import Address, Customer
from sellerdesk.store.queries import CustomerFilter

ProgressFn = Callable[[int, int, str], None]

# Column keys in their default order; headers come from exchange.headers (one place).
ALL_COLUMNS = ("ref", "name", "phone", "wechat", "address", "province", "city", "district", "detail",
               "postal_code", "recipient", "address_phone", "label", "tags", "tier", "birthday", "gender",
               "source", "notes", "flags")
DEFAULT_COLUMNS = ("ref", "name", "phone", "wechat", "province", "city", "district", "detail", "postal_code",
                   "tags", "tier", "birthday", "gender", "source", "notes", "flags")
PER_ADDRESS_EXTRA = ("recipient", "address_phone", "label")
_GENDER_TEXT = {"F": "女", "M": "男"}


def default_columns(per_address: bool = False, split_region: bool = True) -> list[str]:
    columns = list(DEFAULT_COLUMNS)
    if per_address:
        at = columns.index("postal_code") + 1
        columns[at:at] = PER_ADDRESS_EXTRA
    if not split_region:
        at = columns.index("province")
        columns = [c for c in columns if c not in ("province", "city", "district", "detail")]
        columns.insert(at, "address")
    return columns


def one_line(address: Address | None) -> str:
    if address is None:
        return ""
    city = "" if address.city == address.province else address.city
    return f"{address.province}{city}{address.district}{address.detail}"


def value_of(key: str, customer: Customer, address: Address | None, *, raw: bool = False) -> str:
    """The text of column/template value ``key`` for one customer (and one of its addresses).

    ``raw`` (spreadsheet export) gives the stored recipient as it is; couriers get the
    customer's name when the address has no recipient of its own.
    """
    a = address
    if raw and key == "recipient":
        return a.recipient if a is not None else ""
    if key in ("ref", "id"):
        return str(customer.id)
    if key == "name":
        return customer.name
    if key == "phone":
        return customer.phone
    if key == "mobile":
        phone = (a.phone if a is not None and a.phone else customer.phone)
        return phone if normalize_phone(phone).kind == "mobile" else ""
    if key == "landline":
        phone = (a.phone if a is not None and a.phone else customer.phone)
        return phone if phone and normalize_phone(phone).kind != "mobile" else ""
    if key == "wechat":
        return customer.wechat
    if key == "recipient":
        return (a.recipient if a is not None and a.recipient else customer.name)
    if key == "address_phone":
        return a.phone if a is not None else ""
    if key in ("province", "city", "district", "detail", "postal_code", "label"):
        return getattr(a, key) if a is not None else ""
    if key == "address":
        return one_line(a)
    if key == "region":
        if a is None:
            return ""
        return a.province + ("" if a.city == a.province else a.city) + a.district
    if key == "tags":
        return ",".join(split_list(customer.tags))
    if key == "flags":
        return ",".join(split_list(customer.flags))
    if key == "tier":
        return customer.tier
    if key == "birthday":
        value = customer.birthday
        return "" if not value else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    if key == "gender":
        return _GENDER_TEXT.get(customer.gender, customer.gender)
    if key == "source":
        return customer.source
    if key == "notes":
        return customer.notes
    raise KeyError(key)


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

    def to_dict(self) -> dict:
        return {"path": str(self.path), "rows": self.rows, "customers": self.customers,
                "warnings": [w.__dict__ for w in self.warnings]}


WARNING_TEXT = {
    "emoji": ("含表情符号，快递系统可能不接受", "contains emoji the courier may reject"),
    "rare_char": ("含生僻字或特殊字符，快递系统可能不接受", "contains rare characters the courier may reject"),
    "too_long": ("超过长度限制", "longer than the courier allows"),
    "missing": ("必填项为空", "required but empty"),
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


_CUSTOMER_READ = ("id", "name", "phone", "wechat", "tags", "flags", "tier", "birthday", "gender", "source", "notes")
_ADDRESS_READ = ("customer", "recipient", "phone", "province", "city", "district", "detail", "postal_code", "label")


def iter_rows(flt: CustomerFilter, batch: int = 900):
    """``(customer, [addresses])`` for the view in display order, as light named tuples.

    The same view and order as :func:`sellerdesk.store.queries.iter_customers` (its
    ``customer_ids`` does the filtering) without building a model object per row, which
    is most of an export's time at 100k customers.
    """
    ids = queries.customer_ids(flt, "name")
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        people = {row.id: row for row in Customer.select(*(getattr(Customer, f) for f in _CUSTOMER_READ))
                  .where(Customer.id.in_(chunk)).namedtuples()}
        places: dict[int, list] = {cid: [] for cid in chunk}
        query = (Address.select(*(getattr(Address, f) for f in _ADDRESS_READ))
                 .where(Address.customer.in_(chunk) & Address.deleted_at.is_null())
                 .order_by(Address.customer, Address.is_default.desc(), Address.id).namedtuples())
        for row in query:
            places[row.customer].append(row)
        for cid in chunk:
            if cid in people:
                yield people[cid], places[cid]


def export_customers(path: str | Path, flt: CustomerFilter | None = None, *, per_address: bool = False,
                     split_region: bool = True, columns: Sequence[str] | None = None, template: str | Template | None = None,
                     progress: ProgressFn = no_progress, token: CancelToken | None = None) -> ExportResult:
    """Write the customers of ``flt`` (None: everyone not in the Trash) to ``path``."""
    from openpyxl import Workbook

    token = token or CancelToken()
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExchangeError("bad_target", name=path.name)
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
    total = queries.count_customers(flt)
    if total == 0:
        raise ExchangeError("nothing_to_export")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    saved = False
    try:
        sheet.append(header_row)
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
                    sheet.append([escape_cell(value_of(k, customer, address, raw=True)) or None for k in keys])
                    continue
                out = []
                for col in tpl.columns:
                    text = col.const if col.const is not None else value_of(col.value, customer, address)
                    for code in check_cell(text, tpl.charset, col.max_length, col.required):
                        warnings.append(ExportWarning(rows + 1, col.header, code))
                    out.append(escape_cell(text) or None)
                sheet.append(out)
        token.check()
        tmp = path.with_name(path.name + ".part")
        try:
            book.save(tmp)
            saved = True
            token.check()
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        if not saved:
            try:
                sheet.close()  # release openpyxl's temp file of the unsaved sheet
            except Exception:  # noqa: BLE001 - already failing; the first error is the one to report
                pass
    progress(total, total, "exporting")
    return ExportResult(path, rows, customers, warnings)
