"""Importing customers from a spreadsheet: read → map → check → plan → write, all or nothing.

Steps, each usable alone (the wizard shows them one by one; the CLI runs them in a row):

* :func:`read_table` opens the file, picks the sheet (visible sheets first, the one that
  looks most like customer data), finds the header row under title rows, and returns the
  data rows as text;
* :func:`prepare` turns each row into cleaned customer and address fields with the column
  mapping (:func:`~sellerdesk.exchange.headers.guess_mapping` or the user's), normalising
  phones, splitting a whole-address column with the smart-paste parser and normalising
  split 省/市/区 columns to official names;
* :func:`make_plan` matches every row by normalised phone, then WeChat ID (then the file's
  客户编号) against the database and the rows before it, and decides per row: new, merge,
  update, skip or reject;
* :func:`execute` writes the plan in ONE transaction with bulk inserts; cancel, an error or
  ``kill -9`` leave the database as it was;
* :func:`write_report` writes the rejected, flagged and skipped rows with the reason.

Normalisation of stored values is owned by :mod:`sellerdesk.store.customers`
(``clean_customer_fields`` / ``clean_address_fields``); history and audit semantics are
the same as for edits: each added address gets an AddressChange ``create`` row with reason
``import``, each address changed by ``--on-duplicate update`` an ``update`` row with old →
new, and the import one AuditEntry with counts only.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sellerdesk import private_files
from sellerdesk.core import regions
from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.cells import escape_cell, unescape_cell
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.readers import SheetInfo, Workbook, open_workbook
from sellerdesk.progress import CancelToken, no_progress
from sellerdesk.store import bulk, search
from sellerdesk.store.customers import (
    FLAG_NEEDS_CHECK,
    clean_address_fields,
    clean_customer_fields,
    join_list,
    phone_of,
    split_list,
)
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import DB, Address, AddressChange, AuditEntry, Customer, utcnow

log = logging.getLogger(__name__)

ON_DUPLICATE = ("merge", "skip", "update", "new")
HEADER_SCAN_ROWS = 30
SAMPLE_ROWS = 50
CHUNK = 500
REASON = "import"

# Problem codes found in rows: (中文, English, severity). "reject" rows are not imported;
# "flag" rows are imported with the customer marked needs_check; "info" rows are reported.
ISSUES: dict[str, tuple[str, str, str]] = {
    "no_identity": (
        "没有姓名、手机或微信号，无法识别客户，未导入",
        "no name, phone or WeChat ID: not imported",
        "reject",
    ),
    "invalid_phone": (
        "手机号无法识别，已按原样保存并标记需核对",
        "phone not recognised: kept as typed, marked needs check",
        "flag",
    ),
    "unknown_region": (
        "省/市/区无法识别，已按原样保存并标记需核对",
        "province/city/district not recognised: kept as typed, marked needs check",
        "flag",
    ),
    "ambiguous_region": ("省/市/区有多种可能，请核对", "province/city/district is ambiguous: please check", "flag"),
    "address_unparsed": (
        "地址中没有找到省市区，整段保存为详细地址并标记需核对",
        "no province/city found in the address: kept as detail, marked needs check",
        "flag",
    ),
    "bad_date": ("生日不是日期，已原样写入备注", "birthday is not a date: kept in the notes", "flag"),
    "skipped_duplicate": ("与已有客户重复，按设置跳过", "duplicate of an existing customer: skipped as chosen", "info"),
}

ProgressFn = Callable[[int, int, str], None]


def issue_text(code: str, language: str = "zh_CN") -> str:
    zh, en, _ = ISSUES.get(code, (code, code, "flag"))
    return zh if language.startswith("zh") else en


# ---------------------------------------------------------------------------- reading


@dataclass
class Table:
    """The data of one sheet: header cells and the data rows below the header, as text."""

    path: Path
    kind: str
    sheet: str
    sheets: list[SheetInfo]
    header_row: int  # 1-based row number in the sheet
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str = ""


def choose_sheet(book: Workbook, sheet: str | None = None) -> str:
    """``sheet`` if given; else the visible sheet whose top rows look most like a header."""
    names = book.sheet_names()
    if sheet is not None:
        if sheet not in names:
            raise ExchangeError("no_sheet", name=book.path.name, sheet=sheet)
        return sheet
    visible = [s.name for s in book.sheets if not s.hidden]
    if not visible:
        raise ExchangeError("no_visible_sheet", name=book.path.name)
    if len(visible) == 1:
        return visible[0]
    best, best_score = None, -1
    for name in visible:
        top = sample_rows(book, name, HEADER_SCAN_ROWS)
        score = max((hdr.header_score(cells) for _, cells in top), default=-1)
        if top and score > best_score:
            best, best_score = name, score
    if best is None:
        raise ExchangeError("no_visible_sheet", name=book.path.name)
    return best


def sample_rows(book: Workbook, sheet: str, count: int = SAMPLE_ROWS) -> list[tuple[int, list[str]]]:
    out = []
    for item in book.rows(sheet):
        out.append(item)
        if len(out) >= count:
            break
    return out


def find_header_row(rows: Sequence[tuple[int, list[str]]]) -> int | None:
    """The row number of the header among the first rows: the best score of at least 2
    (two partial or one exact match), earliest on ties; None when nothing looks like one."""
    best_row, best_score = None, 1
    for number, cells in list(rows)[:HEADER_SCAN_ROWS]:
        score = hdr.header_score(cells)
        if score > best_score:
            best_row, best_score = number, score
    return best_row


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> Table:
    """Read the data rows of ``path`` (raises :class:`ExchangeError` for bad files)."""
    token = token or CancelToken()
    path = Path(path)
    with open_workbook(path) as book:
        name = choose_sheet(book, sheet)
        total = book.row_count_hint(name)
        progress(0, total, "reading")
        header_cells: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        pending: list[tuple[int, list[str]]] = []  # rows seen before the header is known
        for number, cells in book.rows(name):
            if header_cells is None:
                if header_row is not None:
                    if number == header_row:
                        header_cells = cells
                    elif number > header_row:
                        raise ExchangeError("bad_header_row", row=header_row, sheet=name)
                    continue
                pending.append((number, cells))
                if len(pending) < HEADER_SCAN_ROWS:
                    continue
                found = find_header_row(pending)
                if found is None:
                    raise ExchangeError("no_header", name=path.name, sheet=name)
                header_row, header_cells = found, dict(pending)[found]
                rows.extend((n, c) for n, c in pending if n > found)
                continue
            rows.append((number, cells))
            if len(rows) % 2000 == 0:
                token.check()
                progress(number, total, "reading")
        if header_cells is None:
            if header_row is not None and not pending:
                raise ExchangeError("bad_header_row", row=header_row, sheet=name)
            if not pending:
                raise ExchangeError("no_data", name=path.name)
            found = find_header_row(pending)
            if found is None:
                raise ExchangeError("no_header", name=path.name, sheet=name)
            header_row, header_cells = found, dict(pending)[found]
            rows.extend((n, c) for n, c in pending if n > found)
        encoding = getattr(book, "encoding", "")
        sheets = list(book.sheets)
        kind = book.kind
    width = max([len(header_cells)] + [len(c) for _, c in rows])
    headers = list(header_cells) + [""] * (width - len(header_cells))
    header_key = [hdr.normalize_header(h) for h in headers]
    # a repeated header (printed pages, pasted blocks) is told by its first titled cell
    # before the whole row is compared: normalising every cell of 100k rows costs seconds
    first = next((i for i, key in enumerate(header_key) if key), 0)
    data = []
    for number, cells in rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if (
            hdr.normalize_header(cells[first]) == header_key[first]
            and [hdr.normalize_header(c) for c in cells[: len(header_key)]] == header_key
        ):
            continue
        data.append((number, cells))
    if not data:
        raise ExchangeError("no_data", name=path.name)
    progress(total, total, "reading")
    return Table(path, kind, name, sheets, int(header_row), headers, data, encoding)


# ---------------------------------------------------------------------------- preparing rows


class Record:
    """One data row: what it says (cleaned) and what the plan does with it."""

    __slots__ = ("row", "values", "customer", "address", "issues", "action", "target", "leader", "phone_key")

    def __init__(self, row: int, values: list[str]) -> None:
        self.row = row
        self.values = values
        self.customer: dict = {}
        self.address: dict | None = None
        self.issues: list[str] = []
        self.action = ""  # new, merge, update, skip, reject
        self.target: int | None = None  # existing customer id
        self.leader: int | None = None  # index of the record that creates the customer
        self.phone_key = ""

    @property
    def rejected(self) -> bool:
        return any(ISSUES.get(code, ("", "", ""))[2] == "reject" for code in self.issues)

    @property
    def flagged(self) -> bool:
        return any(ISSUES.get(code, ("", "", ""))[2] == "flag" for code in self.issues)

    def reason(self, language: str = "zh_CN") -> str:
        return "；".join(issue_text(code, language) for code in self.issues)


@lru_cache(maxsize=8192)
def _resolve(province: str, city: str, district: str) -> regions.Resolution:
    return regions.resolve(province, city, district)


_GENDERS = {"女": "F", "f": "F", "female": "F", "女士": "F", "男": "M", "m": "M", "male": "M", "先生": "M"}


def validate_mapping(mapping: Sequence[str | None], name: str = "") -> None:
    if not {"name", "phone", "wechat", "address", "phone2"} & set(f for f in mapping if f):
        raise ExchangeError("no_identity_column", name=name)


def _columns(mapping: Sequence[str | None], name: str) -> tuple[tuple[int, str], ...]:
    """(column index, field) of the mapped columns, once the mapping is checked to identify customers."""
    validate_mapping(mapping, name)
    return tuple((i, f) for i, f in enumerate(mapping) if f)


def prepare(
    table: Table,
    mapping: Sequence[str | None] | None = None,
    *,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> list[Record]:
    """Clean every row with ``mapping`` (column → field; None ignores a column)."""
    token = token or CancelToken()
    mapping = list(mapping) if mapping is not None else hdr.guess_mapping(table.headers)
    columns = _columns(mapping, table.path.name)
    records = []
    total = len(table.rows)
    for index, (number, cells) in enumerate(table.rows):
        if index % CHUNK == 0:
            token.check()
            progress(index, total, "checking")
        records.append(prepare_row(number, cells, columns))
    progress(total, total, "checking")
    return records


@lru_cache(maxsize=16)
def _mapped(columns: tuple[tuple[int, str], ...]) -> frozenset[str]:
    return frozenset(f for _, f in columns)


def prepare_row(number: int, cells: list[str], columns: Iterable[tuple[int, str]]) -> Record:
    rec = Record(number, cells)
    raw: dict[str, str] = {}
    width = len(cells)
    for i, name in columns:
        if i < width:
            value = cells[i]
            if value:
                if value[0] == "'":
                    value = unescape_cell(value)
                raw[name] = f"{raw[name]} {value}" if name in raw else value
    notes: list[str] = [raw["notes"]] if raw.get("notes") else []
    name = raw.get("name", "")
    phone, phone2 = raw.get("phone", ""), raw.get("phone2", "")
    if not phone and phone2:
        phone, phone2 = phone2, ""

    # the address: a whole-address column, split columns, or both (split columns win)
    place = {"province": "", "city": "", "district": "", "detail": "", "postal_code": "", "adcode": ""}
    if raw.get("address"):
        from sellerdesk.core.address import parse

        parsed = parse(raw["address"])
        place = {
            "province": parsed.province,
            "city": parsed.city,
            "district": parsed.district,
            "detail": parsed.detail,
            "postal_code": parsed.postal_code,
            "adcode": parsed.adcode,
        }
        if not name and parsed.name:
            name = parsed.name
        if not phone and parsed.phone:
            phone = parsed.phone
        elif parsed.phone and parsed.phone != phone_of(phone).value and parsed.phone != phone2:
            phone2 = phone2 or parsed.phone
        if not parsed.adcode:
            place["detail"] = raw["address"]
            rec.issues.append("address_unparsed")
        elif "ambiguous_region" in parsed.warnings:
            rec.issues.append("ambiguous_region")
    if "province" in raw or "city" in raw or "district" in raw:  # (raw holds no empty values)
        resolved = _resolve(
            raw.get("province") or place["province"],
            raw.get("city") or place["city"],
            raw.get("district") or place["district"],
        )
        place.update(province=resolved.province, city=resolved.city, district=resolved.district, adcode=resolved.adcode)
        if resolved.unknown:
            rec.issues.append("unknown_region")
        elif resolved.ambiguous and "ambiguous_region" not in rec.issues:
            rec.issues.append("ambiguous_region")
    if raw.get("detail"):
        place["detail"] = raw["detail"]
    if raw.get("postal_code"):
        place["postal_code"] = raw["postal_code"]
    if phone2 and phone_of(phone2).value != phone_of(phone).value:
        notes.append(f"备用电话: {phone2}")

    data = {"name": name, "phone": phone}
    for key in ("wechat", "tags", "tier", "source", "flags"):
        if raw.get(key):
            data[key] = raw[key]
    gender = raw.get("gender", "")
    if gender:
        code = _GENDERS.get(gender.strip().lower())
        if code:
            data["gender"] = code
        else:
            notes.append(f"性别: {gender}")
    if raw.get("birthday"):
        data["birthday"] = raw["birthday"]
    if notes:
        data["notes"] = "\n".join(notes)
    try:
        customer = clean_customer_fields(data)
    except ValidationError:
        data.pop("birthday", None)
        data["notes"] = "\n".join(notes + [f"生日: {raw['birthday']}"])
        rec.issues.append("bad_date")
        customer = clean_customer_fields(data)
    if (raw.get("phone") or phone) and customer.get("phone") and not phone_of(customer["phone"]).valid:
        rec.issues.append("invalid_phone")
    if rec.issues and any(code in rec.issues for code in ("unknown_region", "ambiguous_region", "address_unparsed")):
        customer["flags"] = join_list(split_list(customer.get("flags", "")) + [FLAG_NEEDS_CHECK])
    rec.customer = customer
    if not (customer.get("name") or customer.get("phone") or customer.get("wechat")):
        rec.issues.insert(0, "no_identity")
        rec.action = "reject"
        return rec
    kind = phone_of(customer.get("phone", "")).kind
    rec.phone_key = customer["phone"] if kind in ("mobile", "landline") else ""
    if place["province"] or place["city"] or place["district"] or place["detail"]:
        # a recipient/address-phone column (our per-address export) is taken as it is, even
        # empty; without one the customer's name and phone are the recipient's
        mapped = _mapped(tuple(columns))
        rec.address = clean_address_fields(
            {
                "recipient": raw.get("recipient", "") if "recipient" in mapped else customer.get("name", ""),
                "phone": raw.get("address_phone", "") if "address_phone" in mapped else customer.get("phone", ""),
                "label": raw.get("label", ""),
                **place,
            }
        )
    return rec


# ---------------------------------------------------------------------------- planning


@dataclass
class Plan:
    records: list[Record]
    on_duplicate: str
    counts: dict[str, int]
    ref_column: bool = False

    def summary(self) -> str:
        c = self.counts
        return (
            f"{c['new']} new, {c['merged']} merged, {c['updated']} updated, {c['skipped']} skipped, "
            f"{c['rejected']} rejected ({c['flagged']} flagged)"
        )


def _existing_keys() -> tuple[dict[str, int], dict[str, int]]:
    phones: dict[str, int] = {}
    wechats: dict[str, int] = {}
    query = (
        Customer.select(Customer.id, Customer.phone, Customer.wechat)
        .where(Customer.deleted_at.is_null())
        .order_by(Customer.id)
        .tuples()
    )
    for cid, phone, wechat in query.iterator():
        if phone:
            phones.setdefault(phone, cid)
        if wechat:
            wechats.setdefault(wechat, cid)
    return phones, wechats


class Planner:
    """Decides each row's action as the rows come, in file order (what :func:`make_plan` runs).

    Needs the store bound: the duplicate keys of the database are read when it is made.
    A row's ``leader`` may come out negative (a 客户编号 shared with a row that matched a
    database customer): ``-leader - 1`` is then that customer's id; :meth:`plan` resolves it.
    """

    def __init__(self, on_duplicate: str = "merge") -> None:
        if on_duplicate not in ON_DUPLICATE:
            raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
        self.on_duplicate = on_duplicate
        self.db_phone, self.db_wechat = _existing_keys() if on_duplicate != "new" else ({}, {})
        self.file_phone: dict[str, int] = {}
        self.file_wechat: dict[str, int] = {}
        self.file_ref: dict[str, int] = {}
        self.counts = dict.fromkeys(("new", "merged", "updated", "skipped", "rejected", "flagged", "rows"), 0)
        self.records: list[Record] = []

    def add(self, rec: Record, ref: str = "") -> None:
        index = len(self.records)
        self.records.append(rec)
        counts = self.counts
        on_duplicate = self.on_duplicate
        counts["rows"] += 1
        rec.target = rec.leader = None
        if rec.issues:  # (most rows have none)
            rec.issues = [c for c in rec.issues if c != "skipped_duplicate"]
            if rec.rejected:
                rec.action = "reject"
                counts["rejected"] += 1
                return
            if rec.flagged:
                counts["flagged"] += 1
        if on_duplicate == "new":
            rec.action = "new"
            counts["new"] += 1
            return
        wechat = rec.customer.get("wechat", "")
        target = self.db_phone.get(rec.phone_key) if rec.phone_key else None
        if target is None and wechat:
            target = self.db_wechat.get(wechat)
        leader = None
        if target is None:
            for key, table in ((rec.phone_key, self.file_phone), (wechat, self.file_wechat), (ref, self.file_ref)):
                if key and key in table:
                    leader = table[key]
                    break
        if target is None and leader is None:
            rec.action = "new"
            counts["new"] += 1
            leader = index
        elif on_duplicate == "skip":
            rec.action = "skip"
            rec.issues.append("skipped_duplicate")
            counts["skipped"] += 1
        else:
            rec.action = on_duplicate
            counts["merged" if on_duplicate == "merge" else "updated"] += 1
            rec.target = target
            rec.leader = leader if target is None else None
        # later rows with any of this row's keys join the same customer
        for key, file_table, db_table in (
            (rec.phone_key, self.file_phone, self.db_phone),
            (wechat, self.file_wechat, self.db_wechat),
            (ref, self.file_ref, None),
        ):
            if not key:
                continue
            if target is not None:
                if db_table is not None:
                    db_table.setdefault(key, target)
                else:
                    self.file_ref.setdefault(key, -target - 1)  # negative: a database customer
            else:
                file_table.setdefault(key, leader)

    def plan(self, ref_column: bool = False) -> Plan:
        # a ref pointing at a database customer (encoded negative) becomes a target
        for rec in self.records:
            if rec.leader is not None and rec.leader < 0:
                rec.target, rec.leader = -rec.leader - 1, None
        return Plan(self.records, self.on_duplicate, self.counts, ref_column)


def make_plan(
    records: list[Record],
    on_duplicate: str = "merge",
    *,
    refs: Sequence[str] | None = None,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> Plan:
    """Decide each row's action. Needs the store bound (duplicates are looked up in it).

    ``refs`` are the rows' 客户编号 (same length as ``records``): rows sharing one belong to
    one customer within the file (never matched against the database).
    """
    token = token or CancelToken()
    planner = Planner(on_duplicate)
    total = len(records)
    for index, rec in enumerate(records):
        if index % CHUNK == 0:
            token.check()
            progress(index, total, "planning")
        planner.add(rec, refs[index] if refs else "")
    progress(total, total, "planning")
    return planner.plan(bool(refs))


def refs_of(table: Table, mapping: Sequence[str | None]) -> list[str] | None:
    if "ref" not in mapping:
        return None
    col = list(mapping).index("ref")
    return [cells[col].strip() if col < len(cells) else "" for _, cells in table.rows]


# ---------------------------------------------------------------------------- writing


@dataclass
class ImportResult:
    counts: dict[str, int]
    report_path: Path | None = None
    dry_run: bool = False
    sheet: str = ""
    header_row: int = 0
    mapping: list[str | None] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "counts": dict(self.counts),
            "report": str(self.report_path) if self.report_path else None,
            "dry_run": self.dry_run,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "mapping": {h or f"#{i + 1}": f for i, (h, f) in enumerate(zip(self.headers, self.mapping)) if f},
        }


_CUSTOMER_COLUMNS = (
    "name",
    "name_pinyin",
    "name_initials",
    "phone",
    "wechat",
    "tags",
    "tier",
    "birthday",
    "gender",
    "source",
    "notes",
    "flags",
)
_BIRTHDAY = _CUSTOMER_COLUMNS.index("birthday")
_CUSTOMER_COLUMNS_BEFORE_BIRTHDAY = _CUSTOMER_COLUMNS[:_BIRTHDAY]
_CUSTOMER_COLUMNS_AFTER_BIRTHDAY = _CUSTOMER_COLUMNS[_BIRTHDAY + 1 :]
_MERGE_SKIP = ("name_pinyin", "name_initials")
_ADDRESS_COLUMNS = ("recipient", "phone", "province", "city", "district", "detail", "postal_code", "adcode", "label")


def _address_key(values: dict) -> tuple[str, ...]:
    return tuple("".join(str(values.get(f) or "").split()) for f in ("province", "city", "district", "detail"))


def _merged_values(current: dict, incoming: dict, overwrite: bool) -> dict:
    """Changes to apply to ``current``: blanks filled (merge) or values replaced (update);
    tags and flags united; notes appended, never replaced."""
    changes: dict = {}
    for key, value in incoming.items():
        if key in _MERGE_SKIP:
            continue
        old = current.get(key)
        if key in ("tags", "flags"):
            united = join_list(split_list(old or "") + split_list(value or ""))
            if united != (old or ""):
                changes[key] = united
        elif key == "notes":
            if value and value not in (old or ""):
                changes[key] = f"{old}\n{value}" if old else value
        elif value in ("", None):
            continue
        elif overwrite and old != value or not overwrite and old in ("", None):
            changes[key] = value
    if "name" in changes:
        changes["name_pinyin"] = incoming.get("name_pinyin", "")
        changes["name_initials"] = incoming.get("name_initials", "")
    return changes


class _Pending:
    """A customer the import creates: its fields and addresses, built from one or more rows,
    and (once written) its id and the values it was written with."""

    __slots__ = ("data", "addresses", "keys", "cid", "written_data", "written")

    def __init__(self, data: dict) -> None:
        self.data = data  # the leading row's dict; copied before a merge changes it
        self.addresses: list[dict] = []
        self.keys: set[tuple[str, ...]] | None = None  # made when a second address comes
        self.cid: int | None = None
        self.written_data: dict = {}
        self.written: list[tuple[int, dict]] = []  # (address id, the address dict written)

    def add_address(self, address: dict | None, overwrite: bool) -> None:
        if not address:
            return
        if not self.addresses:
            self.addresses.append(address)
            return
        if self.keys is None:
            self.keys = {_address_key(a) for a in self.addresses}
        key = _address_key(address)
        if key in self.keys:
            return
        if overwrite and self.addresses:
            self.keys.discard(_address_key(self.addresses[0]))
            self.addresses[0] = address
        else:
            self.addresses.append(address)
        self.keys.add(key)


BATCH = 5000  # rows per batch handed to the writer thread
_FIELDS_C = ("id", *_CUSTOMER_COLUMNS, "marketing_consent", "created_at", "updated_at")
_FIELDS_A = ("id", "customer_id", *_ADDRESS_COLUMNS, "is_default", "created_at", "updated_at")
# the history row of every address an import adds, made by SQLite from the row just written
# (an id range: the import numbers its addresses itself); keys sorted, as dump_json writes them
_SNAPSHOT_SQL = "json_object(" + ", ".join(f"'{c}', a.\"{c}\"" for c in sorted(_ADDRESS_COLUMNS)) + ")"
_HISTORY_SQL = (
    'INSERT INTO "address_change" ("address_id", "customer_id", "action", "new_values", "reason", "changed_at") '
    f"SELECT a.id, a.customer_id, 'create', {_SNAPSHOT_SQL}, ?, ? FROM address a WHERE a.id BETWEEN ? AND ?"
)


def _stored_customer(cid: int, data: dict, stamp: str) -> tuple:
    """The customer row as stored (text timestamps, 0/1, the birthday as text or NULL)."""
    birthday = data.get("birthday")
    return (
        cid,
        *[data.get(c, "") for c in _CUSTOMER_COLUMNS_BEFORE_BIRTHDAY],
        None if birthday is None else str(birthday),
        *[data.get(c, "") for c in _CUSTOMER_COLUMNS_AFTER_BIRTHDAY],
        0,
        stamp,
        stamp,
    )


def _assignments(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}" = ?' for c in columns)


def _full_address(values: dict) -> dict:
    # the importer's cleaned addresses already hold every column, in this order
    return values if tuple(values) == _ADDRESS_COLUMNS else {c: values.get(c, "") for c in _ADDRESS_COLUMNS}


class _Loader:
    """Writes planned records as they come, in one transaction (see :func:`_loading`).

    New customers go to the database in batches through a :class:`~sellerdesk.store.bulk.Writer`,
    so SQLite stores one batch in a helper thread while this thread checks the next rows.
    A later row merging into a customer of the file already written changes it at the end
    (:meth:`_fix_written`): the result is what writing after the last row would give. Rows
    merging into database customers are applied at the end too.
    """

    def __init__(
        self, writer: bulk.Writer, search_rows: search.BulkIndex, deferred: bulk.Deferred, token: CancelToken
    ) -> None:
        self.writer, self.search_rows, self.deferred, self.token = writer, search_rows, deferred, token
        self.now = utcnow()
        self.stamp = str(self.now)
        self.counts = dict(addresses_added=0, addresses_updated=0, customers_changed=0)
        self.next_customer = (Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1
        self.next_address = (Address.select(Address.id).order_by(Address.id.desc()).scalar() or 0) + 1
        self.history_from = self.next_address  # first address id without its history row
        self.pending: dict[int, _Pending] = {}  # record index → the customer it creates
        self.fresh: list[_Pending] = []  # not written yet
        self.changed: dict[int, _Pending] = {}  # written, then merged into: id → customer
        self.by_target: dict[int, list[Record]] = {}  # database customer id → its rows
        self.address_rows: list[tuple] = []

    def add(self, index: int, rec: Record) -> None:
        """One planned record (``index``: its position in the plan, as ``leader`` counts)."""
        if rec.action == "new":
            item = _Pending(rec.customer)
            item.add_address(rec.address, False)
            self.pending[index] = item
            self.fresh.append(item)
            return
        if rec.action not in ("merge", "update"):
            return
        leader, target = rec.leader, rec.target
        if leader is not None and leader < 0:  # see Planner
            leader, target = None, -leader - 1
        if leader is not None:
            item = self.pending[leader]
            overwrite = rec.action == "update"
            changes = _merged_values(item.data, rec.customer, overwrite)
            if changes:
                item.data = {**item.data, **changes}
            count, first = len(item.addresses), item.addresses[0] if item.addresses else None
            item.add_address(rec.address, overwrite)
            if item.cid is not None and (
                changes or len(item.addresses) != count or (first is not None and item.addresses[0] is not first)
            ):
                self.changed[item.cid] = item
        elif target is not None:
            self.by_target.setdefault(target, []).append(rec)

    def write_fresh(self) -> None:
        """Hand the customers made since the last call to the writer, with their addresses,
        history and search rows."""
        if not self.fresh:
            return
        customer_rows = []
        for item in self.fresh:
            cid = item.cid = self.next_customer
            self.next_customer += 1
            data = item.written_data = item.data
            customer_rows.append(_stored_customer(cid, data, self.stamp))
            item.written = [
                (self._address_row(cid, address, position == 0), address)
                for position, address in enumerate(item.addresses)
            ]
            self.search_rows.add(
                cid,
                data.get("name", ""),
                data.get("name_pinyin", ""),
                data.get("name_initials", ""),
                data.get("wechat", ""),
                data.get("phone", ""),
                item.addresses,
            )
        self.fresh = []
        self.writer.insert("customer", _FIELDS_C, customer_rows)
        self._write_addresses()
        self.search_rows.flush()

    def _address_row(self, customer_id: int, values: dict, is_default: bool) -> int:
        aid = self.next_address
        self.next_address += 1
        self.address_rows.append(
            (aid, customer_id, *_full_address(values).values(), int(is_default), self.stamp, self.stamp)
        )
        self.counts["addresses_added"] += 1
        return aid

    def _write_addresses(self) -> None:
        rows, self.address_rows = self.address_rows, []
        self.writer.insert("address", _FIELDS_A, rows)
        if self.history_from < self.next_address:
            self.writer.run(_HISTORY_SQL, (REASON, self.stamp, self.history_from, self.next_address - 1))
            self.history_from = self.next_address

    def finish(
        self, plan_counts: dict[str, int], source: str, on_duplicate: str, progress: Callable[[float], None]
    ) -> dict[str, int]:
        """Write what is left, build the indexes, apply the late merges; returns all the counts."""
        self.write_fresh()
        self.pending.clear()
        progress(0.1)
        # the indexes are built (by SQLite, in the writer's thread) before anything reads
        # the tables by customer again: the late merges below, the search rows at the end
        self.deferred.rebuild_in_background(self.writer)
        self.writer.wait()  # from here on this thread uses the connection itself
        self.deferred.join()
        progress(0.6)
        self._fix_written()
        progress(0.7)
        self._apply_targets(lambda share: progress(0.7 + 0.3 * share))
        counts = {**plan_counts, **self.counts}
        AuditEntry.create(
            action="import",
            entity="customer",
            entity_id=None,
            detail={
                "file": source,
                "on_duplicate": on_duplicate,
                **counts,
            },
        )
        return counts

    def _fix_written(self) -> None:
        """Customers of the file written before a later row merged into them."""
        if not self.changed:
            return
        cursor = DB.cursor()
        replaced: list[int] = []
        for cid, item in self.changed.items():
            before = _stored_customer(cid, item.written_data, self.stamp)
            after = _stored_customer(cid, item.data, self.stamp)
            changes = [(column, new) for column, old, new in zip(_FIELDS_C, before, after) if old != new]
            if changes:
                cursor.execute(
                    f'UPDATE "customer" SET {_assignments(c for c, _ in changes)} WHERE id = ?',
                    [v for _, v in changes] + [cid],
                )
            for position, address in enumerate(item.addresses):
                if position >= len(item.written):  # (position 0: it was written without an address)
                    self._address_row(cid, address, position == 0)
                    continue
                aid, written = item.written[position]
                if address is not written:  # the first address, overwritten by an update row
                    full = _full_address(address)
                    cursor.execute(f'UPDATE "address" SET {_assignments(full)} WHERE id = ?', [*full.values(), aid])
                    replaced.append(aid)
        for start in range(0, len(replaced), 500):
            chunk = replaced[start : start + 500]
            cursor.execute(
                f'UPDATE "address_change" SET "new_values" = (SELECT {_SNAPSHOT_SQL} FROM address a '
                f"WHERE a.id = address_change.address_id) WHERE \"action\" = 'create' "
                f'AND "address_id" IN ({", ".join("?" * len(chunk))})',
                chunk,
            )
        self.search_rows.refresh(list(self.changed))
        self.changed.clear()
        self._write_addresses()
        self.writer.wait()

    def _apply_targets(self, progress: Callable[[float], None]) -> None:
        target_ids = list(self.by_target)
        self.search_rows.refresh(target_ids)
        for start in range(0, len(target_ids), 500):
            self.token.check()
            chunk = target_ids[start : start + 500]
            current = {c.id: c for c in Customer.select().where(Customer.id.in_(chunk))}
            live: dict[int, list[Address]] = {cid: [] for cid in chunk}
            for address in (
                Address.select()
                .where(Address.customer.in_(chunk) & Address.deleted_at.is_null())
                .order_by(Address.is_default.desc(), Address.id)
            ):
                live[address.customer_id].append(address)
            for cid in chunk:
                customer = current.get(cid)
                if customer is None:
                    continue
                _apply_to_existing(customer, live[cid], self.by_target[cid], self.now, self.counts, self._address_row)
            self._write_addresses()
            self.writer.wait()
            progress(min(start + 500, len(target_ids)) / max(len(target_ids), 1))
        self.by_target.clear()


@contextlib.contextmanager
def _loading(incoming: int, token: CancelToken):
    """One transaction for a whole import, yielding its :class:`_Loader`.

    Inside it (an error, Cancel or ``kill -9`` rolls back everything, index included): a
    writer thread for the database work; the search index's insert triggers suspended
    and the new customers' index rows made from the values in hand
    (:func:`sellerdesk.store.search.bulk_load`): per row, the triggers cost a delete and
    re-insert of the customer's index row for every customer and every address; and, for
    a load at least as big as the tables, their indexes dropped and built once at the end.
    """
    with (
        DB.atomic(lock_type="IMMEDIATE"),
        bulk.Writer() as writer,
        search.bulk_load(writer=writer) as search_rows,
        bulk.deferred_indexes(("customer", "address"), incoming) as deferred,
    ):
        yield _Loader(writer, search_rows, deferred, token)


def execute(
    plan: Plan, *, source: str = "", progress: ProgressFn = no_progress, token: CancelToken | None = None
) -> dict[str, int]:
    """Write ``plan`` in one transaction; returns the counts (with addresses added/updated)."""
    return _load_records(
        plan.records, len(plan.records), lambda: plan, source=source, progress=progress, token=token or CancelToken()
    )[1]


def _load_records(
    records: Iterable[Record],
    total: int,
    plan_of: Callable[[], Plan],
    *,
    source: str,
    progress: ProgressFn,
    token: CancelToken,
) -> tuple[Plan, dict[str, int]]:
    """Write planned ``records`` (``total`` of them) as they come; ``plan_of`` gives the plan
    once they have all come. Progress: the records are the first half, finishing the second."""
    with _loading(total, token) as loader:
        for index, rec in enumerate(records):
            if index % CHUNK == 0:
                token.check()
                progress(index, total * 2, "writing")
            loader.add(index, rec)
            if len(loader.fresh) >= BATCH:
                loader.write_fresh()
        plan = plan_of()
        counts = loader.finish(
            plan.counts,
            source,
            plan.on_duplicate,
            lambda share: progress(total + int(total * share), total * 2, "writing"),
        )
        token.check()
    progress(total * 2, total * 2, "writing")
    return plan, counts


def _apply_to_existing(
    customer: Customer, live: list[Address], recs: list[Record], now: _dt.datetime, counts: dict, add_address_rows
) -> None:
    current = {c: getattr(customer, c) for c in _CUSTOMER_COLUMNS}
    changes: dict = {}
    keys = {_address_key({f: getattr(a, f) for f in _ADDRESS_COLUMNS}) for a in live}
    has_default = any(a.is_default for a in live)
    for rec in recs:
        overwrite = rec.action == "update"
        step = _merged_values({**current, **changes}, rec.customer, overwrite)
        changes.update(step)
        if not rec.address:
            continue
        key = _address_key(rec.address)
        if key in keys:
            continue
        if overwrite and live:
            target = next((a for a in live if a.is_default), live[0])
            old = {f: getattr(target, f) for f in _ADDRESS_COLUMNS}
            new = {f: rec.address.get(f, "") for f in _ADDRESS_COLUMNS}
            changed = {f: v for f, v in new.items() if old[f] != v and (v or f in ("district", "adcode"))}
            if changed:
                keys.discard(_address_key(old))
                Address.update(**changed, updated_at=now, verified_at=None).where(Address.id == target.id).execute()
                AddressChange.create(
                    address=target.id,
                    customer=customer.id,
                    action="update",
                    old_values={f: old[f] for f in changed},
                    new_values=changed,
                    reason=REASON,
                    changed_at=now,
                )
                for f, v in changed.items():
                    setattr(target, f, v)
                counts["addresses_updated"] += 1
                keys.add(_address_key({**old, **changed}))
            continue
        add_address_rows(customer.id, rec.address, not has_default)
        has_default = True
        keys.add(key)
    if changes:
        Customer.update(**changes, updated_at=now).where(Customer.id == customer.id).execute()
    if changes or recs:
        counts["customers_changed"] += 1


# ---------------------------------------------------------------------------- the report


def default_report_path(source: Path) -> Path:
    """Beside the imported file (``客户表-导入问题.xlsx``), else in the data dir's reports/."""
    target = source.with_name(f"{source.stem}-导入问题.xlsx")
    if os.access(source.parent, os.W_OK):
        return target
    from sellerdesk import paths

    folder = private_files.make_dir(paths.data_dir() / "reports")
    return folder / target.name


def reported(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if r.issues]


def write_report(path: Path, table: Table, records: Iterable[Record], language: str = "zh_CN") -> int:
    """Rejected, flagged and skipped rows: row number, reason, then the original cells.

    Written to a temp file and renamed, so a failure never leaves half a report. Returns
    the number of rows written.
    """
    from openpyxl import Workbook as XlsxWorkbook

    rows = reported(records)
    book = XlsxWorkbook(write_only=True)
    sheet = book.create_sheet("导入问题" if language.startswith("zh") else "Problems")
    first = ["行号", "原因"] if language.startswith("zh") else ["Row", "Reason"]
    sheet.append(first + [escape_cell(h) for h in table.headers])
    for rec in rows:
        sheet.append([rec.row, rec.reason(language)] + [escape_cell(v) for v in rec.values])
    tmp = path.with_name(path.name + ".part")
    try:
        private_files.touch(tmp)  # personal data: readable by its user only (0600)
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(rows)


# ---------------------------------------------------------------------------- all in one


def import_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Sequence[str | None] | None = None,
    on_duplicate: str = "merge",
    dry_run: bool = False,
    report_path: Path | None = None,
    write_report_file: bool = True,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> ImportResult:
    """Read, check, plan and (unless ``dry_run``) write ``path``; the CLI's one call.

    Writing, each row is checked, planned and handed on as it comes: SQLite stores one
    batch in a helper thread while the next rows are checked. (The wizard, which shows the
    plan first, writes it with :func:`execute`; the result is the same.)
    """
    token = token or CancelToken()
    path = Path(path)
    table = read_table(path, sheet=sheet, header_row=header_row, progress=progress, token=token)
    mapping = list(mapping) if mapping is not None else hdr.guess_mapping(table.headers)
    if dry_run:
        records = prepare(table, mapping, progress=progress, token=token)
        plan = make_plan(records, on_duplicate, refs=refs_of(table, mapping), progress=progress, token=token)
        return finish(
            table,
            mapping,
            plan,
            dry_run=True,
            report_path=report_path,
            write_report_file=write_report_file,
            progress=progress,
            token=token,
        )
    columns = _columns(mapping, table.path.name)
    refs = refs_of(table, mapping)
    planners: list[Planner] = []

    def planner() -> Planner:
        # made inside the transaction: the duplicate keys it reads are the ones written against
        if not planners:
            planners.append(Planner(on_duplicate))
        return planners[0]

    def checked() -> Iterator[Record]:
        plan = planner()
        for index, (number, cells) in enumerate(table.rows):
            rec = prepare_row(number, cells, columns)
            plan.add(rec, refs[index] if refs else "")
            yield rec

    plan, counts = _load_records(
        checked(),
        len(table.rows),
        lambda: planner().plan(bool(refs)),
        source=table.path.name,
        progress=progress,
        token=token,
    )
    return _result(table, mapping, plan, counts, False, report_path, write_report_file)


def finish(
    table: Table,
    mapping: Sequence[str | None],
    plan: Plan,
    *,
    dry_run: bool = False,
    report_path: Path | None = None,
    write_report_file: bool = True,
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> ImportResult:
    """Write ``plan`` (unless ``dry_run``) and the report; what the wizard's last step runs."""
    counts = dict(plan.counts)
    if not dry_run:
        counts = execute(plan, source=table.path.name, progress=progress, token=token)
    return _result(table, mapping, plan, counts, dry_run, report_path, write_report_file)


def _result(
    table: Table,
    mapping: Sequence[str | None],
    plan: Plan,
    counts: dict[str, int],
    dry_run: bool,
    report_path: Path | None,
    write_report_file: bool,
) -> ImportResult:
    report = None
    if write_report_file and reported(plan.records):
        report = report_path or default_report_path(table.path)
        write_report(report, table, plan.records)
    log.info(
        "import of %s (%s): %s", table.path.name, "dry run" if dry_run else "written", {k: v for k, v in counts.items()}
    )
    return ImportResult(counts, report, dry_run, table.sheet, table.header_row, list(mapping), list(table.headers))
