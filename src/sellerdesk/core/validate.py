"""Check an address record and report problems by stable code (the UI translates codes).

Field names follow DESIGN.md: ``recipient`` (or ``name``), ``phone``, ``province``, ``city``,
``district``, ``detail``, ``postal_code``, ``adcode``.

Two questions, one rule:

- :func:`validate` — everything the editor shows under the form while typing: what is
  missing, what is wrong, what should be written officially.
- :func:`wrong_values` — only the values that are *wrong* (:data:`WRONG_VALUE_CODES`: a
  phone or postal code that cannot be one, a region that is unknown or does not belong
  to the level above). The store applies it on the CLI's save path
  (``store.customers.check_values``: refused, or kept marked 需核对 with ``--force``) and
  the importer on every row (kept as typed, marked 需核对 in the report). Something missing is not
  wrong: a customer may be recorded before their address is known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sellerdesk.core import regions
from sellerdesk.core.phones import normalize_phone

MIN_DETAIL_CHARS = 4
_POSTCODE = re.compile(r"\d{6}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: which field, a stable machine code and an English message."""

    field: str
    code: str
    message: str
    severity: Literal["error", "warning"] = "error"


WRONG_VALUE_CODES = frozenset(
    {
        "invalid_phone",
        "invalid_postal_code",
        "unknown_province",
        "unknown_city",
        "city_not_in_province",
        "unknown_district",
        "district_not_in_city",
    }
)
"""The codes of :func:`validate` that say a given value is wrong (refused by the CLI, 需核对
everywhere it is kept); the other codes say a value is missing or not written officially
(the adcode is not among them: every writer derives it from the names)."""

_CONTRADICTIONS = frozenset({"unknown_province", "city_not_in_province", "district_not_in_city"})
"""Codes that count on the levels as typed, too: the resolver would otherwise hide them
(广东省/杭州市/南山区 resolves to 广东省深圳市南山区, 火星/深圳市 to 广东省深圳市)."""


def wrong_values(fields: Mapping[str, object]) -> list[Problem]:
    """The problems of :func:`validate` in :data:`WRONG_VALUE_CODES`, for the values that
    ``fields`` has: a phone alone (a customer's) is checked as a phone; a region only when
    one of its levels is given.

    The region is checked as every writer stores it — resolved (:func:`regions.resolve`:
    广东/深圳 → 广东省/深圳市, 下城区 → 拱墅区, a missing province filled from the city) — and
    as typed, for a level the resolver would replace by another (:data:`_CONTRADICTIONS`).
    """

    def get(key: str) -> str:
        return str(fields.get(key) or "").strip()

    out: list[Problem] = []
    phone = get("phone")
    if phone:
        out += _phone_problems(phone)
    typed = (get("province"), get("city"), get("district"))
    if typed != ("", "", ""):
        out += _place_problems(*typed)
    postcode = get("postal_code")
    if postcode:
        out += _postcode_problems(postcode)
    return [p for p in out if p.code in WRONG_VALUE_CODES]


@lru_cache(maxsize=8192)
def _place_problems(province: str, city: str, district: str) -> tuple[Problem, ...]:
    """The wrong-value problems of a region as typed and as resolved, each (field, code) once;
    remembered: an import sees the same few thousand places again and again."""
    resolved = regions.resolve_cached(province, city, district)
    found = [p for p in _region_problems(province, city, district, "") if p.code in _CONTRADICTIONS]
    found += _region_problems(resolved.province, resolved.city, resolved.district, "")
    unique: dict[tuple[str, str], Problem] = {}
    for problem in found:
        if problem.code in WRONG_VALUE_CODES:
            unique.setdefault((problem.field, problem.code), problem)
    return tuple(unique.values())


def validate(address: Mapping[str, object]) -> list[Problem]:
    """All problems of ``address``; an empty list means it can be shipped to.

    Codes: missing_recipient, missing_phone, invalid_phone, missing_province,
    unknown_province, missing_city, unknown_city, city_not_in_province, unknown_district,
    district_not_in_city, missing_district (warning), missing_detail, detail_too_short,
    invalid_postal_code, adcode_mismatch, not_official_name (warning).
    """

    def get(key: str) -> str:
        return str(address.get(key) or "").strip()

    problems: list[Problem] = []
    add = problems.append

    if not (get("recipient") or get("name")):
        add(Problem("recipient", "missing_recipient", "The recipient's name is missing."))

    problems += _phone_problems(get("phone"))
    problems += _region_problems(get("province"), get("city"), get("district"), get("adcode"))

    detail = get("detail")
    if not detail:
        add(Problem("detail", "missing_detail", "The street address is missing."))
    elif len(detail) < MIN_DETAIL_CHARS:
        add(Problem("detail", "detail_too_short", f"The street address '{detail}' looks too short."))

    problems += _postcode_problems(get("postal_code"))
    return problems


def _phone_problems(text: str) -> list[Problem]:
    phone = normalize_phone(text)
    if phone.kind == "empty":
        return [Problem("phone", "missing_phone", "The phone number is missing.")]
    if not phone.valid:
        return [Problem("phone", "invalid_phone", f"'{phone.value}' is not a mainland mobile or landline number.")]
    return []


def _postcode_problems(postcode: str) -> list[Problem]:
    if postcode and not _POSTCODE.fullmatch(postcode):
        return [Problem("postal_code", "invalid_postal_code", f"'{postcode}' is not a 6-digit postal code.")]
    return []


def _region_problems(province: str, city: str, district: str, adcode: str) -> list[Problem]:
    out: list[Problem] = []
    if not province:
        out.append(Problem("province", "missing_province", "The province is missing."))
        return out
    prov_hits = regions.find(province, level=regions.PROVINCE)
    if not prov_hits:
        out.append(Problem("province", "unknown_province", f"'{province}' is not a known province."))
        return out
    prov = prov_hits[0]
    _official(out, "province", province, prov)

    if not city:
        if regions.children(prov.adcode):
            out.append(Problem("city", "missing_city", "The city is missing."))
        return out
    cty_hits = regions.find(city, level=regions.CITY, parent=prov.adcode)
    if not cty_hits:
        elsewhere = regions.find(city, level=regions.CITY)
        if elsewhere:
            out.append(Problem("city", "city_not_in_province", f"{city} is not in {prov.name}."))
        else:
            out.append(Problem("city", "unknown_city", f"'{city}' is not a known city."))
        return out
    cty = cty_hits[0]
    _official(out, "city", city, cty)

    if not district:
        if regions.children(cty.adcode):
            out.append(Problem("district", "missing_district", "The district/county is missing.", "warning"))
        best = cty
    else:
        dist_hits = regions.find(district, level=regions.DISTRICT, parent=cty.adcode)
        if not dist_hits:
            if regions.find(district, level=regions.DISTRICT):
                out.append(Problem("district", "district_not_in_city", f"{district} is not in {cty.name}."))
            else:
                out.append(Problem("district", "unknown_district", f"'{district}' is not a known district."))
            return out
        best = dist_hits[0]
        _official(out, "district", district, best)

    if adcode and adcode != best.adcode:
        out.append(Problem("adcode", "adcode_mismatch", f"Code {adcode} does not match {best.name} ({best.adcode})."))
    return out


def _official(out: list[Problem], field: str, typed: str, region: regions.Region) -> None:
    if typed != region.name:
        out.append(Problem(field, "not_official_name", f"'{typed}' should be written '{region.name}'.", "warning"))
