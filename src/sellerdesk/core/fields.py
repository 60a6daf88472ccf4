"""The fields of a customer and of an address, declared once.

Every layer names these fields the same way (store columns, importer targets, CLI flags,
editor widgets, export columns); they take the tuples from here instead of spelling them out.
"""

from __future__ import annotations

from collections.abc import Mapping

# The fields of a customer a caller may write (store.customers cleans exactly these).
CUSTOMER_FIELDS: tuple[str, ...] = (
    "name",
    "phone",
    "wechat",
    "tags",
    "tier",
    "birthday",
    "gender",
    "source",
    "notes",
    "flags",
    "marketing_consent",
    "birthday_lunar",  # core.lunar.LunarDay.code (issue 18)
    "consent_date",
    "consent_via",  # core.care.CONSENT_WAYS
)

# The four levels of a place, most general first: an address "has a place" when any is set.
PLACE_FIELDS: tuple[str, ...] = ("province", "city", "district", "detail")

# The user-visible fields of an address, as stored, in history rows and in order snapshots.
ADDRESS_FIELDS: tuple[str, ...] = (
    "recipient",
    "phone",
    *PLACE_FIELDS,
    "postal_code",
    "adcode",
    "label",
)


def region_text(province: str, city: str, district: str) -> str:
    """广东省深圳市南山区; a municipality's city is not repeated (北京市朝阳区, not 北京市北京市朝阳区)."""
    return province + ("" if city == province else city) + district


def place_text(province: str, city: str, district: str, detail: str) -> str:
    """The place as one line of text, as a courier or a search reads it."""
    return region_text(province, city, district) + detail


def place_key(values: Mapping[str, object]) -> tuple[str, ...]:
    """What makes two addresses the same place: the four levels, blanks ignored (an import
    adds no second copy of it, a merge keeps one)."""
    return tuple("".join(str(values.get(f) or "").split()) for f in PLACE_FIELDS)


def has_place(values: Mapping[str, object]) -> bool:
    """True when an address names any level of a place (a form with only a label is empty)."""
    return any(values.get(k) for k in PLACE_FIELDS)


# The longest value each field may hold, in characters: short for names, phones, WeChat IDs,
# tags and address parts, long but finite for notes. store/models.py takes its column sizes
# from here; the store refuses longer values (interactive saves) and the importer cuts them,
# flagging the row (or rejects the row for a phone or WeChat ID, where a cut value is wrong).
MAX_LENGTH: dict[str, int] = {
    # customer
    "name": 100,
    "phone": 40,
    "wechat": 100,
    "tags": 500,
    "tier": 40,
    "birthday": 40,  # as typed, before it is read as a date
    "birthday_lunar": 40,  # as typed (农历1990年闰四月初八), before it is read
    "marketing_consent": 40,  # as typed (是/否)
    "consent_date": 40,
    "consent_via": 20,  # as typed (微信聊天…); stored as a code of core.care.CONSENT_WAYS
    "gender": 8,
    "source": 100,
    "notes": 10_000,
    "flags": 500,
    # address (phone as above)
    "recipient": 100,
    "province": 40,
    "city": 40,
    "district": 40,
    "detail": 500,
    "postal_code": 10,
    "adcode": 6,
    "label": 20,
}

# Fields whose text keeps its line breaks (every other field gets one line).
MULTILINE_FIELDS: frozenset[str] = frozenset({"notes"})

# A whole address as pasted or imported in one cell, before it is split into its fields.
MAX_ADDRESS_TEXT = 1_000

# The longest cell read from a file: Excel's own limit. A longer cell (a CSV, a crafted
# .xlsx) is cut here before anything else looks at it.
MAX_CELL_CHARS = 32_767
