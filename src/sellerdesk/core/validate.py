"""Check an address record and report problems by stable code (the UI translates codes).

Used by the editor, the importer and the CLI.  Field names follow DESIGN.md:
``recipient`` (or ``name``), ``phone``, ``province``, ``city``, ``district``, ``detail``,
``postal_code``, ``adcode``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
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

    phone = normalize_phone(get("phone"))
    if phone.kind == "empty":
        add(Problem("phone", "missing_phone", "The phone number is missing."))
    elif not phone.valid:
        add(Problem("phone", "invalid_phone", f"'{phone.value}' is not a mainland mobile or landline number."))

    problems += _region_problems(get("province"), get("city"), get("district"), get("adcode"))

    detail = get("detail")
    if not detail:
        add(Problem("detail", "missing_detail", "The street address is missing."))
    elif len(detail) < MIN_DETAIL_CHARS:
        add(Problem("detail", "detail_too_short", f"The street address '{detail}' looks too short."))

    postcode = get("postal_code")
    if postcode and not _POSTCODE.fullmatch(postcode):
        add(Problem("postal_code", "invalid_postal_code", f"'{postcode}' is not a 6-digit postal code."))
    return problems


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
