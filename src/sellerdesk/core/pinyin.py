"""Pinyin for Chinese names: a sort key (张三 sorts under Z) and initials (zs → 张三)."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    # errors="default" keeps non-Chinese runs (latin letters, digits) as they are.
    return tuple(s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="default") if s.strip())


def full(text: str) -> str:
    """``张三`` → ``zhangsan``."""
    return "".join(_syllables(text or ""))


def sort_key(text: str) -> str:
    """A key that orders names by pinyin, syllable by syllable (``张三`` → ``zhang san``)."""
    return " ".join(_syllables(text or ""))


def initials(text: str) -> str:
    """``张三`` → ``zs``; latin words contribute their first letter (``Amy王`` → ``aw``)."""
    return "".join(s[0] for s in _syllables(text or "") if s)
