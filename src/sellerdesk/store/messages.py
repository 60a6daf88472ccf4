"""The seller's own wording of the copied messages, stored with the data (a backup carries it)."""

from __future__ import annotations

from collections.abc import Mapping

import peewee as pw

from sellerdesk.core import messages
from sellerdesk.store import settings
from sellerdesk.store.errors import TooLongError, ValidationError
from sellerdesk.store.models import DB

MESSAGE_TEMPLATES = "message_templates"


def templates(db: pw.Database | None = None) -> dict[str, str]:
    """Every kind's current wording: the seller's edit where there is one, else the default."""
    stored = settings.read(MESSAGE_TEMPLATES, db)
    result = dict(messages.default_templates())
    if isinstance(stored, dict):
        for kind, text in stored.items():
            if kind in result and isinstance(text, str) and text.strip():
                result[kind] = text
    return result


def template(kind: str, db: pw.Database | None = None) -> str:
    return templates(db)[kind]


def save_templates(edited: Mapping[str, str], db: pw.Database | None = None) -> None:
    """Store edited wording in one transaction; an empty text (or the default) means "use the default"."""
    database = db if db is not None else DB.obj
    defaults = messages.default_templates()
    for kind, text in edited.items():
        if kind not in defaults:
            raise ValidationError(f"Unknown message kind: {kind}.", code="unknown_kind", field="message")
        if len(text) > messages.MAX_TEMPLATE_CHARS:
            raise TooLongError("message", len(text), messages.MAX_TEMPLATE_CHARS)
    with database.atomic():
        current = settings.read(MESSAGE_TEMPLATES, database)
        stored = dict(current) if isinstance(current, dict) else {}
        for kind, text in edited.items():
            if not text.strip() or text == defaults[kind]:
                stored.pop(kind, None)
            else:
                stored[kind] = text
        settings.write(MESSAGE_TEMPLATES, stored, database)


def render(kind: str, values: Mapping[str, object], db: pw.Database | None = None) -> str:
    """The message of ``kind`` filled with ``values``, in the seller's wording."""
    return messages.render(template(kind, db), values)
