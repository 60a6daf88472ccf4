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


def has_place(values: Mapping[str, object]) -> bool:
    """True when an address names any level of a place (a form with only a label is empty)."""
    return any(values.get(k) for k in PLACE_FIELDS)
