"""寄件人: the sender(s) printed on waybills and labels, set once and stored with the data.

A seller may ship from several places (two warehouses, home and a 代发 partner). Each sender is a
name, a phone and an address, with an optional company and a short label to pick it by; one of
them is the default. They live in the ``meta`` table (``senders``), so a backup carries them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

import peewee as pw

from sellerdesk.core.fields import MAX_LENGTH
from sellerdesk.core.phones import normalize_phone
from sellerdesk.core.text import normalize
from sellerdesk.store import settings
from sellerdesk.store.errors import TooLongError, ValidationError
from sellerdesk.store.models import DB

SENDERS = "senders"
MAX_SENDERS = 50

_LIMITS = {
    "label": MAX_LENGTH["label"],
    "name": MAX_LENGTH["name"],
    "phone": MAX_LENGTH["phone"],
    "company": MAX_LENGTH["name"],
    "province": MAX_LENGTH["province"],
    "city": MAX_LENGTH["city"],
    "district": MAX_LENGTH["district"],
    "detail": MAX_LENGTH["detail"],
}


@dataclass(frozen=True, slots=True)
class Sender:
    name: str
    phone: str
    province: str = ""
    city: str = ""
    district: str = ""
    detail: str = ""
    company: str = ""
    label: str = ""
    is_default: bool = False

    @property
    def address(self) -> str:
        """The whole address on one line, as a waybill's 寄件详细地址 wants it."""
        return "".join(part for part in (self.province, self.city, self.district, self.detail) if part)

    @property
    def title(self) -> str:
        """How a list names this sender: its label, else its name."""
        return self.label or self.name


def senders(db: pw.Database | None = None) -> list[Sender]:
    """Every saved sender, the default first; an unreadable stored value reads as none."""
    stored = settings.read(SENDERS, db)
    result: list[Sender] = []
    if isinstance(stored, list):
        for item in stored:
            if isinstance(item, dict):
                try:
                    result.append(_clean(item, strict=False))
                except ValidationError:
                    continue
    result.sort(key=lambda s: not s.is_default)
    return result


def default_sender(db: pw.Database | None = None) -> Sender | None:
    found = senders(db)
    return found[0] if found else None


def save_senders(items: Iterable[Mapping[str, object] | Sender], db: pw.Database | None = None) -> list[Sender]:
    """Replace the list in one transaction. Each needs a name and a phone; exactly one ends up default."""
    cleaned = [_clean(asdict(item) if isinstance(item, Sender) else item) for item in items]
    if len(cleaned) > MAX_SENDERS:
        raise ValidationError(f"At most {MAX_SENDERS} senders can be saved.", code="too_many", field="senders")
    defaults = [i for i, s in enumerate(cleaned) if s.is_default]
    chosen = defaults[0] if defaults else 0
    final = [Sender(**{**asdict(s), "is_default": i == chosen}) for i, s in enumerate(cleaned)]
    database = db if db is not None else DB.obj
    with database.atomic():
        settings.write(SENDERS, [asdict(s) for s in final], database)
    return sorted(final, key=lambda s: not s.is_default)


def _clean(item: Mapping[str, object], strict: bool = True) -> Sender:
    """A sender as stored; ``strict`` (a save) also wants a dialable phone (a courier calls it;
    an export warns about a sender without an address)."""
    values: dict[str, str] = {}
    for key, limit in _LIMITS.items():
        raw = item.get(key)
        text = " ".join(normalize(str(raw)).split()) if raw is not None else ""
        if len(text) > limit:
            raise TooLongError(key, len(text), limit)
        values[key] = text
    if not values["name"]:
        raise ValidationError("A sender needs a name.", code="no_name", field="name")
    phone = normalize_phone(values["phone"])
    if not phone.value:
        raise ValidationError("A sender needs a phone number.", code="no_phone", field="phone")
    if strict and not phone.valid:
        raise ValidationError(
            "A sender's phone must be a mobile or a landline number.", code="bad_phone", field="phone"
        )
    values["phone"] = phone.value
    return Sender(**values, is_default=bool(item.get("is_default")))
