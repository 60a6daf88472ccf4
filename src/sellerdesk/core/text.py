"""Text normalisation shared by the phone and address parsers."""

from __future__ import annotations

import re
import unicodedata

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
