"""Phone numbers: normalise what people type (or what Excel stored) and mask for logs.

Conventions (shared/DESIGN.md): a mainland mobile is its 11 digits (``13812345678``); a
landline is ``AREA-NUMBER`` (``021-64641234``, extension appended as ``-EXT``); a service
number is ``400-820-8820`` (400 / 800, nationwide, no area code); anything
else is kept as typed (stripped) and flagged ``valid=False`` unless it is a valid
international number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from sellerdesk.core.text import normalize

PhoneKind = Literal["mobile", "landline", "service", "other", "empty"]

MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-()（）.·/]+")
_EXTENSION = re.compile(r"^(.*?\d)\s*(?:转|分机|ext\.?|x|#|-)\s*(\d{1,6})$", re.IGNORECASE)
_EXCEL_FLOAT = re.compile(r"^\+?\d+\.0+$|^\+?\d(?:\.\d+)?[eE]\+?\d{1,2}$")
_THREE_DIGIT_AREAS = ("010", "020", "021", "022", "023", "024", "025", "027", "028", "029")


@dataclass(frozen=True, slots=True)
class PhoneResult:
    """A normalised phone: ``value`` to store, its ``kind`` and whether it looks dialable."""

    value: str
    kind: PhoneKind
    valid: bool


def normalize_phone(text: object) -> PhoneResult:
    """Normalise ``+86 138-1234-5678``, ``(021) 6464 1234``, ``1.3812345678E10`` …

    Idempotent: ``normalize_phone(r.value).value == r.value``.
    """
    typed = "" if text is None else str(text).strip()
    if not typed:
        return PhoneResult("", "empty", False)
    clean = normalize(typed).strip()
    if _EXCEL_FLOAT.match(clean):
        clean = _from_excel_number(clean)

    compact = _SEPARATORS.sub("", clean)
    mobile = _as_mobile(compact)
    if mobile:
        return PhoneResult(mobile, "mobile", True)
    landline = _as_landline(compact)
    if landline:
        return PhoneResult(landline, "landline", True)
    service = _as_service(compact)
    if service:
        return PhoneResult(service, "service", True)
    ext = _EXTENSION.match(clean)
    if ext:
        landline = _as_landline(_SEPARATORS.sub("", ext.group(1)))
        if landline:
            return PhoneResult(f"{landline}-{ext.group(2)}", "landline", True)
    return PhoneResult(typed, "other", _valid_international(clean))


def _from_excel_number(text: str) -> str:
    """'13812345678.0' and '1.3812345678E10' → '13812345678' (only whole numbers)."""
    try:
        number = Decimal(text.lstrip("+"))
    except InvalidOperation:
        return text
    if number != number.to_integral_value():
        return text
    return ("+" if text.startswith("+") else "") + str(int(number))


def _as_mobile(compact: str) -> str:
    """The 11 mobile digits when ``compact`` is a mainland mobile with optional 86 prefix."""
    for prefix in ("+86", "0086", "86", "+"):
        if compact.startswith(prefix) and len(compact) - len(prefix) == 11:
            compact = compact[len(prefix) :]
            break
    return compact if len(compact) == 11 and MOBILE_RE.fullmatch(compact) else ""


def _as_landline(compact: str) -> str:
    """'AREA-NUMBER' when ``compact`` is a mainland landline with area code."""
    for prefix in ("+86", "0086", "86"):
        if compact.startswith(prefix) and len(compact) > len(prefix) + 8:
            compact = "0" + compact[len(prefix) :].lstrip("0")
            break
    if not compact.isdigit() or not compact.startswith("0") or compact.startswith("00"):
        return ""
    area_len = 3 if compact[:3] in _THREE_DIGIT_AREAS else 4
    area, number = compact[:area_len], compact[area_len:]
    if len(number) not in (7, 8) or number[0] in "01":
        return ""
    return f"{area}-{number}"


def _as_service(compact: str) -> str:
    """'400-820-8820' when ``compact`` is a nationwide service number (400 / 800 and 7 digits)."""
    if len(compact) == 10 and compact[:3] in ("400", "800") and compact.isdigit():
        return f"{compact[:3]}-{compact[3:6]}-{compact[6:]}"
    return ""


def _valid_international(text: str) -> bool:
    """True for a valid non-mainland number written with + (香港 +852 …)."""
    if not text.startswith("+"):
        return False
    import phonenumbers  # imported lazily: only foreign numbers need it

    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return False
    return parsed.country_code != 86 and phonenumbers.is_valid_number(parsed)


# What mask_phone makes, masked again as it is (a team server hands a helper masked phones): a
# mobile's or a landline's mask, or any text with a star and at most four letters or digits,
# which is all the other masks show (and all such a text can show).
_MASKED_MOBILE = re.compile(r"1[3-9][0-9]\*{4}[0-9]{4}")
_MASKED_LANDLINE = re.compile(r"0[0-9]{2,3}-[0-9]{2}\*{3,4}[0-9]{2}")


def is_mask(text: str) -> bool:
    """Whether ``text`` is a phone's mask (what :func:`mask_phone` makes; a team server hands a
    helper without the phones permission only those)."""
    if "*" not in text:
        return False
    if _MASKED_MOBILE.fullmatch(text) or _MASKED_LANDLINE.fullmatch(text):
        return True
    return sum(ch.isalnum() for ch in text) <= 4


def mask_phone(value: str) -> str:
    """Mask for logs and screens: ``138****5678``, ``021-64****34``; never the full number.

    A mask is its own mask. store/masking_pg.py says the same in PL/pgSQL (``sd_mask_phone``):
    change both (tests/team/test_masking.py holds them to the same string)."""
    shown = value.strip() if isinstance(value, str) else ""
    if is_mask(shown):
        return shown
    result = normalize_phone(value)
    if result.kind == "mobile":
        return result.value[:3] + "****" + result.value[7:]
    if result.kind == "landline":
        area, number = result.value.split("-")[:2]
        return f"{area}-{number[:2]}{'*' * (len(number) - 4)}{number[-2:]}"
    text = result.value
    if not text:
        return ""
    digits = [i for i, ch in enumerate(text) if ch.isalnum()]
    if len(digits) <= 4:
        return "*" * len(text)
    keep = set(digits[:2] + digits[-2:])
    return "".join(ch if (i in keep or not ch.isalnum()) else "*" for i, ch in enumerate(text))
