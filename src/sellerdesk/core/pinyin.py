"""Pinyin helpers for sorting customer names and searching by initials (张三 → zs).

The reading is pypinyin's (its segmentation, so dictionary phrases keep their context
reading: 重庆 → chong qing), computed from cached per-character and per-phrase readings
instead of a full ``lazy_pinyin`` call per name (~7x faster for 100k distinct names,
which almost never repeat but are made of a few thousand characters).

Names are read as names: a polyphonic surname at the start takes its surname reading
(曾 zeng, 单 shan, 解 xie, 尉迟 yu chi …, :data:`SURNAMES`), which pypinyin's general
dictionary reads as ordinary words (曾 ceng, 单 dan, 解 jie). A reduplicated start
(乐乐, 单单: a nickname, not a surname) is read as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from operator import add
from typing import Any

# Surname readings where pypinyin's default reading of the character (or its phrase
# dictionary) differs or depends on what follows. Compound surnames first (longest match).
SURNAMES: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "区": ("ou",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "覃": ("qin",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "种": ("chong",),
    "员": ("yun",),
    "秘": ("bi",),
    "黑": ("he",),
    "召": ("shao",),
    "阚": ("kan",),
    "薄": ("bo",),
    "都": ("du",),
    "隗": ("wei",),
    "繁": ("po",),
    "句": ("gou",),
    "乜": ("nie",),
    "佴": ("nai",),
    "炅": ("gui",),
    "粘": ("nian",),
    "蕃": ("pi",),
    "祭": ("zhai",),
    "折": ("she",),
    "适": ("kuo",),
}
_SURNAME_LENGTHS = sorted({len(k) for k in SURNAMES}, reverse=True)


@dataclass(frozen=True)
class _Pypinyin:
    """What this module uses of pypinyin."""

    convert: Callable[[str], tuple[str, ...]]
    phrases: Mapping[str, Any]
    hans: re.Pattern[str]
    segment: Callable[[str], Any]


@cache
def _pypinyin() -> _Pypinyin:
    """pypinyin, imported on first use: its dictionaries take ~0.4 s to load, and most of
    the processes that import this module never read a name (``sellerdesk-cli list``)."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, RE_HANS
    from pypinyin.converter import DefaultConverter
    from pypinyin.seg.simpleseg import seg

    converter = DefaultConverter()

    def convert(word: str) -> tuple[str, ...]:
        items = converter.convert(word, Style.NORMAL, False, "default", strict=True)
        return tuple(s.lower() for item in items for s in item if s.strip())

    return _Pypinyin(convert, PHRASES_DICT, RE_HANS, seg)


def _convert(word: str) -> tuple[str, ...]:
    """pypinyin's toneless reading of one segment; non-Chinese runs come through lower-cased."""
    return _pypinyin().convert(word)


@cache
def _char(ch: str) -> tuple[str, ...]:
    # bounded by the number of distinct characters (a few thousand in practice, ~42k at most)
    return _convert(ch)


@lru_cache(maxsize=16384)
def _word(word: str) -> tuple[str, ...]:
    """A segment as pypinyin reads it: a dictionary phrase as a whole, anything else one
    character at a time (what its converter does), so single characters come from the cache."""
    lib = _pypinyin()
    if len(word) > 1 and word not in lib.phrases and lib.hans.match(word):
        return tuple(s for ch in word for s in _char(ch))
    return _convert(word)


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """The first two characters of every dictionary phrase (~36k pairs, built in ~15 ms)."""
    return frozenset(phrase[:2] for phrase in _pypinyin().phrases if len(phrase) >= 2)


def _plain(text: str) -> tuple[str, ...]:
    # Chinese text with no dictionary phrase in it (no neighbour pair starts one, as for most
    # names) reads one character at a time whatever the segmenter does: skip it (~3x faster).
    if _pypinyin().hans.match(text) and _phrase_starts().isdisjoint(map(add, text, text[1:])):
        return tuple(chain.from_iterable(map(_char, text)))
    return _segmented(text)


def _segmented(text: str) -> tuple[str, ...]:
    return tuple(s for word in _pypinyin().segment(text) for s in _word(word))


# (bounded at 16,384, ~4 MB: a big import's names are mostly distinct, so the 65,536 it was grew
# with the import's rows to ~16 MB for few hits; an import's repeat buyers come close together)
@lru_cache(maxsize=16384)
def _syllables(text: str) -> tuple[str, ...]:
    """Toneless syllables of a name; non-Chinese runs come through unchanged (lower-cased)."""
    for length in _SURNAME_LENGTHS:
        head = text[:length]
        if len(head) == length and head in SURNAMES and text[length : length + 1] != head[-1]:
            return SURNAMES[head] + (_plain(text[length:]) if len(text) > length else ())
    return _plain(text)


def full(text: str) -> str:
    """Toneless pinyin without separators: 张三 → zhangsan, 重庆 → chongqing."""
    return "".join(_syllables((text or "").strip()))


def initials(text: str) -> str:
    """First letter of each syllable: 张三 → zs, 欧阳娜娜 → oynn; Latin words keep their first letter."""
    return "".join([s[0] for s in _syllables((text or "").strip()) if s])


def name_keys(text: str) -> tuple[str, str]:
    """(:func:`sort_key`, :func:`initials`) of a name in one reading: what every customer
    write stores (bulk imports: 100k names)."""
    clean = (text or "").strip()
    syllables = _syllables(clean)
    return " ".join(syllables) + "\x00" + clean, "".join([s[0] for s in syllables if s])


def sort_key(text: str) -> str:
    """Key that sorts Chinese names by pinyin (then by the text itself for ties).

    Syllables are separated by a space so that 'xi an' (西安) sorts before 'xian' (先).
    """
    clean = (text or "").strip()
    return " ".join(_syllables(clean)) + "\x00" + clean
