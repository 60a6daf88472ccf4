"""Preparing: each row's cells → cleaned customer and address fields, with the problems found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sellerdesk.core import clock, regions
from sellerdesk.core.care import consent_answer, consent_way
from sellerdesk.core.fields import MAX_ADDRESS_TEXT, MAX_LENGTH
from sellerdesk.core.lunar import is_lunar_text
from sellerdesk.core.text import cut_field, strip_invisible
from sellerdesk.core.validate import wrong_values
from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.cells import FORMULA_WITHOUT_VALUE, unescape_cell
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer.orders import ORDER_IDENTIFIERS, ORDER_LIMITS, is_masked, prepare_order
from sellerdesk.exchange.importer.read import Table
from sellerdesk.exchange.importer.record import CHUNK, Action, Record
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.customers import (
    FLAG_NEEDS_CHECK,
    clean_address_fields,
    clean_customer_fields,
    join_list,
    phone_of,
    split_list,
)
from sellerdesk.store.errors import TooLongError, ValidationError

_GENDERS = {"女": "F", "f": "F", "female": "F", "女士": "F", "男": "M", "m": "M", "male": "M", "先生": "M"}


def validate_mapping(mapping: Sequence[str | None], name: str = "") -> None:
    if not {"name", "phone", "wechat", "address", "phone2"} & set(f for f in mapping if f):
        raise ExchangeError("no_identity_column", name=name)


class Columns(tuple[tuple[int, str], ...]):
    """(column index, field) of the mapped columns, with each field's header (order problems
    name the column they come from)."""

    headers: dict[str, str]

    def __new__(cls, items: Iterable[tuple[int, str]], headers: Sequence[str] = ()) -> Columns:
        made = super().__new__(cls, tuple(items))
        made.headers = {f: (headers[i] if i < len(headers) and headers[i] else f"#{i + 1}") for i, f in made}
        return made


def mapped_columns(mapping: Sequence[str | None], name: str, headers: Sequence[str] = ()) -> Columns:
    """(column index, field) of the mapped columns, once the mapping is checked to identify customers."""
    validate_mapping(mapping, name)
    return Columns(((i, f) for i, f in enumerate(mapping) if f), headers)


def prepare(
    table: Table,
    mapping: Sequence[str | None] | None = None,
    *,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> list[Record]:
    """Clean every row with ``mapping`` (column → field; None ignores a column)."""
    token = token or CancelToken()
    mapping = list(mapping) if mapping is not None else hdr.guess_mapping(table.headers)
    columns = mapped_columns(mapping, table.path.name, table.headers)
    mapped = mapped_fields(columns)
    records = []
    total = len(table.rows)
    for index, (number, cells) in enumerate(table.rows):
        if index % CHUNK == 0:
            token.check()
            progress(index, total, "checking")
        records.append(prepare_row(number, cells, columns, mapped))
    progress(total, total, "checking")
    return records


def mapped_fields(columns: Iterable[tuple[int, str]]) -> frozenset[str]:
    return frozenset(f for _, f in columns)


# The longest cell each mapped column may give (core.fields.MAX_LENGTH, and the columns
# that are no stored field); a longer one is cut (the row flagged) before anything parses it,
# except where a cut value would be another value: those rows are rejected.
_LIMITS: dict[str, int] = {
    **MAX_LENGTH,
    "address": MAX_ADDRESS_TEXT,
    "phone2": MAX_LENGTH["phone"],
    "address_phone": MAX_LENGTH["phone"],
    "ref": MAX_LENGTH["name"],
    "buyer": MAX_LENGTH["name"],
    **ORDER_LIMITS,
}
_IDENTIFIERS = frozenset({"phone", "phone2", "address_phone", "wechat", "ref", "buyer"})


def _fit(rec: Record, field: str, value: str, limit: int) -> str | None:
    """``value`` cut to ``limit`` with the row flagged, or None with the row rejected (an identifier)."""
    if field in _IDENTIFIERS or field in ORDER_IDENTIFIERS:
        if len(strip_invisible(value).strip()) <= limit:
            return value  # only its invisible characters or spaces made it long
        if field in ORDER_IDENTIFIERS:  # (the order is dropped, not the customer)
            rec.add_order_issue("too_long_order")
            return ""
        rec.issues.insert(0, "too_long_id")
        rec.action = Action.REJECT
        return None
    value, cut = cut_field(field, value, limit)
    if cut and "too_long" not in rec.issues:
        rec.issues.append("too_long")
    return value


def _formula_without_value(rec: Record, cells: list[str], columns: Iterable[tuple[int, str]]) -> Record:
    """The row refused: a mapped cell is a formula never calculated (its value is not in the file),
    the columns named (their headers) so the report says where."""
    headers = columns.headers if isinstance(columns, Columns) else {}
    named = [
        headers.get(field) or f"#{i + 1}"
        for i, field in columns
        if i < len(cells) and cells[i].startswith(FORMULA_WITHOUT_VALUE)
    ]
    rec.add_order_issue("formula_no_value", ", ".join(dict.fromkeys(named)))
    rec.action = Action.REJECT
    return rec


def prepare_row(
    number: int, cells: list[str], columns: Iterable[tuple[int, str]], mapped: frozenset[str] | None = None
) -> Record:
    """One row's Record; ``mapped`` (the fields ``columns`` map, see :func:`mapped_fields`)
    saves working it out again for every row."""
    rec = Record(number, cells)
    raw: dict[str, str] = {}
    width = len(cells)
    for i, name in columns:
        if i < width:
            value = cells[i]
            if value:
                if value[0] == "'":
                    value = unescape_cell(value)
                elif value[0] == FORMULA_WITHOUT_VALUE:
                    return _formula_without_value(rec, cells, columns)
                if name in raw:
                    value = f"{raw[name]} {value}"
                if len(value) > _LIMITS[name]:
                    fitted = _fit(rec, name, value, _LIMITS[name])
                    if fitted is None:
                        return rec
                    value = fitted
                raw[name] = value
    notes: list[str] = [raw["notes"]] if raw.get("notes") else []
    name = raw.get("name", "")
    phone, phone2 = raw.get("phone", ""), raw.get("phone2", "")
    masked_phone = ""
    if phone and is_masked(phone):  # 138****1234 from a shop export: not a phone to match on
        masked_phone, phone = phone, ""
        rec.masked = "phone"
        rec.issues.append("masked_phone")
    if phone2 and is_masked(phone2):
        phone2 = ""
    if not phone and phone2:
        phone, phone2 = phone2, ""
    if name and is_masked(name):  # 张** : kept (it is all the shop gives), counted
        rec.masked = f"{rec.masked},name" if rec.masked else "name"

    # the address: a whole-address column, split columns, or both (split columns win)
    place = {"province": "", "city": "", "district": "", "detail": "", "postal_code": "", "adcode": ""}
    named: dict[str, str] = {}  # levels the whole address named against the reading (广东省杭州市)
    if raw.get("address"):
        from sellerdesk.core.address import parse

        parsed = parse(raw["address"])
        fields = parsed.address_fields()  # (the one mapping from a parse result)
        place = {key: fields[key] for key in place}
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
        named = parsed.as_typed
        notes += [f"备注: {remark}" for remark in parsed.remarks]  # (备注：不要放门口: the customer's, not the address)
    typed = {**place, **named} if named else place
    if "province" in raw or "city" in raw or "district" in raw:  # (raw holds no empty values)
        typed = {
            "province": raw.get("province") or place["province"],
            "city": raw.get("city") or place["city"],
            "district": raw.get("district") or place["district"],
        }
        resolved = regions.resolve_cached(typed["province"], typed["city"], typed["district"])
        place.update(province=resolved.province, city=resolved.city, district=resolved.district, adcode=resolved.adcode)
        if resolved.unknown:
            rec.issues.append("unknown_region")
        elif resolved.ambiguous and "ambiguous_region" not in rec.issues:
            rec.issues.append("ambiguous_region")
    if raw.get("detail"):
        place["detail"] = raw["detail"]
    if raw.get("postal_code"):
        place["postal_code"] = raw["postal_code"]
    if typed["province"] or typed["city"] or typed["district"] or place["postal_code"]:
        _check_place(rec, typed, place["postal_code"])
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
    birthday = raw.get("birthday")
    if birthday:
        if is_lunar_text(birthday) and not raw.get("birthday_lunar"):
            data["birthday_lunar"] = birthday  # 生日: 农历8月15
        else:
            data["birthday"] = birthday
    if raw.get("birthday_lunar"):
        data["birthday_lunar"] = raw["birthday_lunar"]
    if _CARE_KEYS.intersection(raw):
        _care_fields(rec, raw, data, notes)
    if notes:
        data["notes"] = _notes(rec, notes)
    if len(name) > MAX_LENGTH["name"]:  # (a name the address parser found)
        data["name"] = _fit(rec, "name", name, MAX_LENGTH["name"]) or ""
    try:
        customer = clean_customer_fields(data)
    except TooLongError:
        raise  # (every value was cut to its limit above: this would be a bug, not a date)
    except ValidationError:
        for key, label, code in _DATES:
            if key in data and not _clean_one(key, data[key]):
                notes.append(f"{label}: {data.pop(key)}")
                rec.issues.append(code)
        data["notes"] = _notes(rec, notes)
        customer = clean_customer_fields(data)
    if (raw.get("phone") or phone) and customer.get("phone") and not phone_of(customer["phone"]).valid:
        rec.issues.append("invalid_phone")
    if rec.issues and any(code in rec.issues for code in _NEEDS_CHECK):
        customer["flags"] = join_list(split_list(customer.get("flags", "")) + [FLAG_NEEDS_CHECK])
    rec.customer = customer
    if mapped is None:
        mapped = mapped_fields(tuple(columns))
    if _has_orders(mapped):
        headers = columns.headers if isinstance(columns, Columns) else {}
        prepare_order(rec, raw, headers, mapped, clock.today())
        if rec.order is not None:
            rec.order.ship_phone = masked_phone
    if not (customer.get("name") or customer.get("phone") or customer.get("wechat")):
        rec.issues.insert(0, "no_identity")
        rec.action = Action.REJECT
        return rec
    kind = phone_of(customer.get("phone", "")).kind
    rec.phone_key = customer["phone"] if kind in ("mobile", "landline") else ""
    if place["province"] or place["city"] or place["district"] or place["detail"]:  # has_place(), inline: per row
        # a recipient/address-phone column (our per-address export) is taken as it is, even
        # empty; without one the customer's name and phone are the recipient's
        if mapped is None:
            mapped = mapped_fields(tuple(columns))
        if len(place["detail"]) > MAX_LENGTH["detail"]:  # (a whole address the parser could not split)
            place["detail"] = _fit(rec, "detail", place["detail"], MAX_LENGTH["detail"]) or ""
        rec.address = clean_address_fields(
            {
                "recipient": raw.get("recipient", "") if "recipient" in mapped else customer.get("name", ""),
                "phone": raw.get("address_phone", "") if "address_phone" in mapped else customer.get("phone", ""),
                "label": raw.get("label", ""),
                **place,
            }
        )
    return rec


_NEEDS_CHECK = (
    "unknown_region",
    "region_mismatch",
    "ambiguous_region",
    "address_unparsed",
    "invalid_postal_code",
    "too_long",
)


def _check_place(rec: Record, typed: dict[str, str], postal_code: str) -> None:
    """The editor's and the CLI's rule (core.validate.wrong_values) on the row's region as
    typed and its postal code: a wrong one is an issue that marks the row 需核对 (kept as
    typed, as the other region problems are). The phone has its own issue (invalid_phone)."""
    for problem in wrong_values({**typed, "postal_code": postal_code}):
        if problem.code in ("city_not_in_province", "district_not_in_city"):
            code = "region_mismatch"  # (says more than the resolver's unknown_region: replaces it)
            if "unknown_region" in rec.issues:
                rec.issues.remove("unknown_region")
        elif problem.code == "invalid_postal_code":
            code = "invalid_postal_code"
        elif "address_unparsed" not in rec.issues:
            code = "unknown_region"
        else:
            continue
        if code not in rec.issues:
            rec.issues.append(code)


@lru_cache(maxsize=64)
def _has_orders(mapped: frozenset[str]) -> bool:
    return hdr.has_orders(mapped)


def _notes(rec: Record, parts: list[str]) -> str:
    text = "\n".join(parts)
    if len(text) > MAX_LENGTH["notes"]:
        text = _fit(rec, "notes", text, MAX_LENGTH["notes"]) or ""
    return text


def ref_key(mapping: Sequence[str | None]) -> str | None:
    """The column that names a row's customer: 客户编号 (``ref``), else the buyer account (``buyer``)."""
    return "ref" if "ref" in mapping else "buyer" if "buyer" in mapping else None


def refs_are_distinct(mapping: Sequence[str | None]) -> bool:
    """True when rows with different 客户编号 are different customers (a SellerDesk export: a phone
    or WeChat ID never joins two numbers); a shop's buyer account is no such promise."""
    return ref_key(mapping) == "ref"


def refs_of(table: Table, mapping: Sequence[str | None]) -> list[str] | None:
    """The rows' 客户编号 (else their buyer account, 买家会员名): rows sharing one are one customer."""
    key = ref_key(mapping)
    if key is None:
        return None
    col = list(mapping).index(key)
    return [cells[col].strip() if col < len(cells) else "" for _, cells in table.rows]


# --- birthdays and marketing consent (issue 18) ------------------------------------------------------------

_CARE_KEYS = frozenset(("marketing_consent", "consent_date", "consent_via"))
# the cells a row may hold that clean only as dates: (key, the note's label, the issue)
_DATES = (
    ("birthday", "生日", "bad_date"),
    ("birthday_lunar", "农历生日", "bad_lunar_date"),
    ("consent_date", "同意营销日期", "bad_consent"),
)


def _clean_one(key: str, value: object) -> bool:
    try:
        clean_customer_fields({key: value})
    except ValidationError:
        return False
    return True


def _care_fields(rec: Record, raw: dict[str, str], data: dict[str, Any], notes: list[str]) -> None:
    """同意营销 (是/否), its date and way. Consent is recorded only when the cell says yes; a
    cell that says neither is noted, flagged, and not taken as consent."""
    answer = raw.get("marketing_consent", "")
    given = consent_answer(answer) if answer else None
    if answer and given is None:
        notes.append(f"同意营销: {answer}")
        rec.issues.append("bad_consent")
    if given is None and (raw.get("consent_date") or raw.get("consent_via")) and not answer:
        given = True  # a date or a way of consent says it was given
    if given is None:
        return
    data["marketing_consent"] = given
    if not given:
        return
    via = raw.get("consent_via", "")
    code = consent_way(via) if via else ""  # (no way given: unknown, as an export of one writes it)
    if code is None:
        notes.append(f"同意营销方式: {via}")
        if "bad_consent" not in rec.issues:
            rec.issues.append("bad_consent")
        code = ""
    data["consent_via"] = code
    data["consent_date"] = raw.get("consent_date") or clock.today()  # (no date: given as of the import)
