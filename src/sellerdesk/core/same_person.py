"""Could two names on the same phone, WeChat ID or address belong to one person?

One place for the rules that the importer (same phone, different name), the duplicate finder
and the "this phone belongs to …" warning share:

* :func:`names_compatible`: safe to treat as one person without asking: equal names, one of
  them empty, the same surname with a title on one side (张先生 / 张三, 老王 / 王五), the same
  full name with and without a title (张三先生 / 张三), or the same toneless pinyin (张三 / 章三,
  张三 / Zhang San). Traditional characters count as their simplified forms (張三 / 张三).
* :func:`names_similar`: worth showing the user as a possible duplicate: compatible, or one
  edit apart (王小明 / 王小民, 张三 / 张三丰).

Two different titles on one surname (张先生 / 张女士) are a couple more often than one person:
neither compatible nor, by itself, similar beyond the one-edit rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sellerdesk.core import pinyin
from sellerdesk.core.person import COMPOUND_SURNAMES, SINGLE_SURNAMES, TITLES
from sellerdesk.core.text import to_simplified

# What sellers write after a surname instead of a given name (longest first when matching).
NAME_TITLES: tuple[str, ...] = tuple(
    sorted(
        {*TITLES, "太太", "夫人", "大哥", "大姐", "小哥", "小姐姐", "姐", "哥", "妹", "叔", "姨", "美女", "帅哥"},
        key=len,
        reverse=True,
    )
)
# The last characters of the titles: a name ending otherwise has none (most names; the duplicate
# finder splits tens of thousands of them).
_TITLE_ENDS = frozenset(title[-1] for title in NAME_TITLES)
# ... and before it: 老王, 小张, 阿陈.
NAME_PREFIXES: tuple[str, ...] = ("老", "小", "阿")

_SPACES = re.compile(r"[\s·•・.\-_]+")


@lru_cache(maxsize=4096)
def clean_name(name: str) -> str:
    """The form names are compared in: simplified, case-folded, without spaces or dots."""
    text = _SPACES.sub("", (name or "").strip())
    return to_simplified(text).casefold() if text else ""


def _surname(text: str) -> str:
    if text[:2] in COMPOUND_SURNAMES:
        return text[:2]
    return text[:1] if text[:1] in SINGLE_SURNAMES else ""


@lru_cache(maxsize=4096)
def split_title(name: str) -> tuple[str, str]:
    """(name without its title, the title): 张先生 → (张, 先生), 张三先生 → (张三, 先生),
    老王 → (王, 老), 张三 → (张三, ""). Only a name that starts with a surname has a title."""
    text = clean_name(name)
    for prefix in NAME_PREFIXES:
        rest = text[len(prefix) :]
        if text.startswith(prefix) and rest and _surname(rest) == rest:
            return rest, prefix
    surname = _surname(text)
    if surname and text[-1] in _TITLE_ENDS:
        for title in NAME_TITLES:
            base = text[: -len(title)]
            if text.endswith(title) and base.startswith(surname) and len(base) <= len(surname) + 2:
                return base, title
    return text, ""


def _reading(text: str) -> str:
    return pinyin.full(text) if text else ""


def names_compatible(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` can be merged without asking (see the module's rules)."""
    first, second = clean_name(a), clean_name(b)
    if not first or not second or first == second:
        return True
    base_a, title_a = split_title(first)
    base_b, title_b = split_title(second)
    if title_a and title_b and title_a != title_b:
        return False  # 张先生 / 张女士
    if base_a == base_b:
        return True  # 张三先生 / 张三
    if bool(title_a) != bool(title_b):
        titled, other = (base_a, base_b) if title_a else (base_b, base_a)
        if titled == _surname(titled) and _surname(other) == titled:
            return True  # 张先生 / 张三
    return _reading(base_a) == _reading(base_b)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit`` (returns ``limit + 1``)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ch in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def names_similar(a: str, b: str) -> bool:
    """True when the user should be asked whether ``a`` and ``b`` are one person: compatible,
    or one edit apart (two-character names included: 张三 / 张珊 share a phone more often as
    one person misspelt than as two). Two empty names are not similar: nothing says so."""
    first, second = clean_name(a), clean_name(b)
    if not first and not second:
        return False
    if names_compatible(first, second):
        return True
    base_a, _ = split_title(first)
    base_b, _ = split_title(second)
    return min(len(base_a), len(base_b)) >= 2 and edit_distance(base_a, base_b, 1) <= 1
