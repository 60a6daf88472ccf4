"""Message texts a seller copies into WeChat: templates with placeholders, kept as data.

The default wording lives in ``resources/messages/defaults.json``; a seller's edited wording is
stored in the database by ``store/messages.py`` and wins over the default. Rendering never fails:
a placeholder with no value becomes empty, an unknown one is left as typed so the seller sees it,
and stray braces are kept as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache

from sellerdesk.core.resources import resources_dir

#: Every placeholder a template may use, in the order the editor offers them.
PLACEHOLDERS: tuple[str, ...] = ("name", "address", "courier", "tracking", "phone", "items", "date", "holiday")

#: The kinds of message the app copies. Features add a kind here and a default text in the JSON file.
KINDS: tuple[str, ...] = ("shipped", "recheck", "birthday", "holiday", "followup")

MAX_TEMPLATE_CHARS = 2000

_FIELD = re.compile(r"\{([A-Za-z_]+)\}")


@lru_cache(maxsize=1)
def default_templates() -> dict[str, str]:
    """The bundled default wording for each kind."""
    path = resources_dir() / "messages" / "defaults.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {kind: str(data[kind]) for kind in KINDS}


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders in ``template`` that no message fills (shown to the seller as a warning)."""
    return sorted({m.group(1) for m in _FIELD.finditer(template) if m.group(1) not in PLACEHOLDERS})


def render(template: str, values: Mapping[str, object]) -> str:
    """Fill ``template``'s placeholders from ``values``; missing values become empty text."""

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in PLACEHOLDERS:
            return match.group(0)
        value = values.get(key)
        return "" if value is None else str(value)

    return _FIELD.sub(fill, template).strip()
