"""Text normalisation shared by the phone and address parsers."""

from __future__ import annotations

import re
import unicodedata

# CJK radicals and compatibility forms that NFKC leaves alone but people paste
# (often from PDF or OCR) instead of the ordinary character.
_RADICALS = {
    "⻄": "西", "⻅": "见", "⻓": "长", "⻔": "门", "⻋": "车", "⻢": "马", "⻜": "飞",
    "⻛": "风", "⻚": "页", "⻘": "青", "⻝": "食", "⻥": "鱼", "⻩": "黄", "⻬": "齐",
    "⻰": "龙", "⻤": "鬼", "⻨": "麦", "⻉": "贝", "⻈": "讠", "⻆": "角", "⻙": "韦",
    "⻌": "辶", "⻏": "阝", "⻖": "阝", "⺠": "民", "⺟": "母", "⺢": "水", "⺮": "竹",
    "⺶": "羊", "⺻": "聿", "⻁": "虎", "⻣": "骨", "⻮": "齿", "⻯": "龙", "⻧": "卤",
    "⺁": "厂", "⺇": "几", "⺈": "刀", "⺌": "小", "⺓": "幺", "⺝": "月", "⺩": "王",
    "⺪": "疋", "⺫": "目", "⺬": "示", "⺯": "糸", "⺰": "纟", "⺸": "羊", "⺹": "老",
    "⺼": "肉", "⻊": "足", "⻑": "長", "⻗": "雨", "⻢": "马",
    "\u3000": " ", "\u00a0": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    "－": "-", "—": "-", "–": "-", "―": "-", "─": "-",
}
_TRANSLATE = str.maketrans(_RADICALS)
_NEEDS_NFKC = re.compile(r"[^\u0000-\u007f\u4e00-\u9fff]")


def normalize(text: str) -> str:
    """NFKC (full-width → ASCII, ⽇ → 日) plus the radical map (⻄ → 西).

    NFKC is skipped when the text holds only ASCII and common CJK ideographs, which is
    most input and keeps this cheap.
    """
    if _NEEDS_NFKC.search(text):
        text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE))
    return text.translate(_TRANSLATE)
