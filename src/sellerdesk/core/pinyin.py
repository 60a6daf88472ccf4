"""Pinyin helpers for sorting customer names and searching by initials (张三 → zs)."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    """Toneless syllables; non-Chinese runs come through unchanged (lower-cased)."""
    return tuple(s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="default") if s.strip())


def full(text: str) -> str:
    """Toneless pinyin without separators: 张三 → zhangsan, 重庆 → chongqing."""
    return "".join(_syllables((text or "").strip()))


def initials(text: str) -> str:
    """First letter of each syllable: 张三 → zs, 欧阳娜娜 → oynn; Latin words keep their first letter."""
    return "".join(s[0] for s in _syllables((text or "").strip()) if s)


def sort_key(text: str) -> str:
    """Key that sorts Chinese names by pinyin (then by the text itself for ties).

    Syllables are separated by a space so that 'xi an' (西安) sorts before 'xian' (先).
    """
    clean = (text or "").strip()
    return " ".join(_syllables(clean)) + "\x00" + clean
