"""Text normalisation shared by the phone and address parsers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from sellerdesk.core.fields import MAX_LENGTH, MULTILINE_FIELDS

# CJK radicals and compatibility forms that NFKC leaves alone but people paste
# (often from PDF or OCR) instead of the ordinary character.
_RADICALS = {
    "⻄": "西",
    "⻅": "见",
    "⻓": "长",
    "⻔": "门",
    "⻋": "车",
    "⻢": "马",
    "⻜": "飞",
    "⻛": "风",
    "⻚": "页",
    "⻘": "青",
    "⻝": "食",
    "⻥": "鱼",
    "⻩": "黄",
    "⻬": "齐",
    "⻰": "龙",
    "⻤": "鬼",
    "⻨": "麦",
    "⻉": "贝",
    "⻈": "讠",
    "⻆": "角",
    "⻙": "韦",
    "⻌": "辶",
    "⻏": "阝",
    "⻖": "阝",
    "⺠": "民",
    "⺟": "母",
    "⺢": "水",
    "⺮": "竹",
    "⺶": "羊",
    "⺻": "聿",
    "⻁": "虎",
    "⻣": "骨",
    "⻮": "齿",
    "⻯": "龙",
    "⻧": "卤",
    "⺁": "厂",
    "⺇": "几",
    "⺈": "刀",
    "⺌": "小",
    "⺓": "幺",
    "⺝": "月",
    "⺩": "王",
    "⺪": "疋",
    "⺫": "目",
    "⺬": "示",
    "⺯": "糸",
    "⺰": "纟",
    "⺸": "羊",
    "⺹": "老",
    "⺼": "肉",
    "⻊": "足",
    "⻑": "長",
    "⻗": "雨",
    "\u3000": " ",
    "\u00a0": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "－": "-",
    "—": "-",
    "–": "-",
    "―": "-",
    "─": "-",
}
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_TRANSLATE_KEYS = frozenset({**_FULLWIDTH, **_RADICALS})
_TRANSLATE = str.maketrans({**_FULLWIDTH, **_RADICALS})
_CHAR_MAP = {**_FULLWIDTH, **_RADICALS}

# Compatibility characters still left after the table above (Kangxi radicals ⾃, circled
# digits, CJK compatibility ideographs, ligatures …): only then is full NFKC needed.
_NEEDS_NFKC = re.compile(r"[\u00a0-\u024f\u2000-\u2bff\u2e80-\u2fff\u3200-\u33ff\uf900-\ufaff\ufb00-\ufffd]")


# Every key of the translate table lies in _NEEDS_NFKC's ranges except U+3000, so text
# without a match here is returned unchanged (str.translate with a dict costs ~0.5 µs per
# character on CJK text even when nothing changes).
_NEEDS_WORK = re.compile(_NEEDS_NFKC.pattern.replace("[", "[\u3000", 1))


def normalize(text: str) -> str:
    """NFKC (full-width → ASCII, ⽇ → 日) plus the radical map (⻄ → 西).

    Full-width ASCII and the radicals go through the replacement table; the (slower)
    NFKC pass only runs when other compatibility characters remain.  Plain text (ASCII,
    ordinary CJK) is returned as is after one regex check.
    """
    if text.isascii():
        return text
    found = _NEEDS_WORK.findall(text)
    if not found:
        return text
    # Only the few distinct characters present (，：（）in most pastes) are replaced, each
    # with one str.replace; no replacement holds a mapped character, so the order does not
    # matter.  A character found that the table does not map needs NFKC.
    needs_nfkc = False
    for ch in set(found):
        replacement = _CHAR_MAP.get(ch)
        if replacement is None:
            needs_nfkc = True
        else:
            text = text.replace(ch, replacement)
    if needs_nfkc:
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return text


# --- stored fields -----------------------------------------------------------------------------------------------
#
# Every text field of a customer or address goes through clean_field() when it is stored
# (store.customers, for the editor, the CLI and the importer alike): characters nobody can
# see are removed, and the field's length limit (core.fields.MAX_LENGTH) is enforced.

# Control, format and surrogate characters (Unicode categories Cc, Cf, Cs; Unicode 15.1),
# except white space (a tab stays; line breaks, below) and ZWJ (kept inside emoji, see strip_invisible):
# bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069: a name that shows
# reversed), zero-width spaces and joiners, the BOM, soft hyphens, C0/C1 controls.
# tests/core/test_text_fields.py checks the class against unicodedata.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_LINE_BREAK = re.compile("\r\n?|[\n\x0b\x0c\x85\u2028\u2029]")
_ZWJ = "\u200d"


class FieldTooLong(ValueError):
    """A value longer than its field's limit (:data:`sellerdesk.core.fields.MAX_LENGTH`)."""

    def __init__(self, field: str, length: int, limit: int) -> None:
        super().__init__(f"{field} is too long: {length} characters, at most {limit}.")
        self.field, self.length, self.limit = field, length, limit


def strip_invisible(value: str, multiline: bool = False) -> str:
    """``value`` without the characters nobody can see (see ``_INVISIBLE``); a line break
    becomes one space (``multiline``: a newline); tabs stay. A zero-width joiner stays between
    two emoji (👨‍👩‍👧), where it draws one picture."""
    if value.isprintable():  # (C speed: no control, format or separator character but ' ')
        return value
    if multiline:
        value = _LINE_BREAK.sub("\n", value)
    else:
        value = _LINE_BREAK.sub(" ", value)
    value = _INVISIBLE.sub("", value)
    if _ZWJ in value:
        value = _keep_emoji_joiners(value)
    return value


def _keep_emoji_joiners(value: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(value):
        if ch == _ZWJ:
            before = value[i - 1] if i else ""
            after = value[i + 1] if i + 1 < len(value) else ""
            if not (_emoji_part(before) and _emoji_part(after)):
                continue
        out.append(ch)
    return "".join(out)


def _emoji_part(ch: str) -> bool:
    # emoji are symbols (So); a skin tone is a modifier symbol (Sk); VS16 asks for emoji style
    return bool(ch) and (ch == "\ufe0f" or unicodedata.category(ch) in ("So", "Sk"))


def clean_field(name: str, value: str) -> str:
    """``value`` as field ``name`` stores it: invisible characters removed, surrounding white
    space stripped; :class:`FieldTooLong` when it is longer than the field's limit.

    Runs for every field of every customer an import writes: the common case (printable
    text within its limit) is a few C calls."""
    if not value.isprintable():
        value = strip_invisible(value, name in MULTILINE_FIELDS)
    value = value.strip()
    if len(value) > _LIMIT(name, _UNLIMITED):
        raise FieldTooLong(name, len(value), MAX_LENGTH[name])
    return value


_LIMIT = MAX_LENGTH.get
_UNLIMITED = 1 << 62


def cut_field(name: str, value: str, limit: int | None = None) -> tuple[str, bool]:
    """(``value`` cut to field ``name``'s limit (or ``limit``), whether it was cut): what an
    import does with an over-long cell. Invisible characters and white space do not count."""
    limit = MAX_LENGTH.get(name) if limit is None else limit
    if limit is None or len(value) <= limit:
        return value, False
    cleaned = strip_invisible(value, name in MULTILINE_FIELDS).strip()
    if len(cleaned) <= limit:
        return cleaned, False
    return cleaned[:limit].rstrip(), True


# --- traditional characters --------------------------------------------------------------------------------------
#
# Customers in Hong Kong, Taiwan and abroad type traditional characters (廣州市天河區, 臺北).
# OpenCC (the `opencc` package: the project's own Python binding, Apache-2.0) converts them,
# phrase by phrase.  Converting every paste would cost more than the rest of the parse, so
# a character class of the characters OpenCC changes finds the pastes that need it; the
# class is computed from OpenCC itself on first use (no hand-kept table).  Characters that
# are also ordinary simplified text in region names or surnames (乾县, 於) do not trigger it.


@lru_cache(maxsize=1)
def _t2s() -> tuple[Any, re.Pattern[str]]:
    import opencc  # noqa: PLC0415 - loaded on the first paste, not at start-up

    converter = opencc.OpenCC("t2s")
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = converter.convert("\n".join(chars)).split("\n")
    keep = _SIMPLIFIED_IN_USE()
    changed = sorted(a for a, b in zip(chars, converted, strict=True) if a != b and a not in keep)
    return converter, re.compile("[" + "".join(changed) + "]")


def _SIMPLIFIED_IN_USE() -> frozenset[str]:  # noqa: N802 - a constant computed late
    from sellerdesk.core import regions  # noqa: PLC0415 - core.text is imported by regions
    from sellerdesk.core.person import COMPOUND_SURNAMES, SINGLE_SURNAMES  # noqa: PLC0415

    chars = set(SINGLE_SURNAMES) | {ch for s in COMPOUND_SURNAMES for ch in s}
    for region in regions.all_regions():
        chars.update(region.name)
    return frozenset(chars)


def to_simplified(text: str) -> str:
    """``text`` with traditional characters read as simplified (廣州市天河區 → 广州市天河区);
    text without any is returned as is after one regex search."""
    converter, traditional = _t2s()
    if traditional.search(text) is None:
        return text
    return str(converter.convert(text))


_NOT_COMPARED = re.compile(r"[\s\W_]+")


def comparable(text: str) -> str:
    """``text`` as compared when asking whether two addresses are the same: NFKC, simplified
    characters, lower case, without spaces or punctuation (建国路88号 SOHO现代城 A座 and
    建国路88號SOHO現代城a座 compare equal)."""
    plain = normalize(str(text or "")).strip()
    if not plain.isascii():
        plain = to_simplified(plain)
    return _NOT_COMPARED.sub("", plain).lower()
