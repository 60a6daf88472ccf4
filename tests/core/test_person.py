"""Names among the leftover pieces: the compiled pattern against the rules written out."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.core import person
from sellerdesk.core.person import COMPOUND_SURNAMES, SINGLE_SURNAMES, TITLES, looks_like_name, split_tail_name

_CJK = re.compile(r"[\u4e00-\u9fff]{2,6}")
_TITLE_BY_LAST = {title[-1]: title for title in TITLES}


def _rules(token: str) -> bool:
    """looks_like_name step by step (the form the pattern was compiled from)."""
    assert len(_TITLE_BY_LAST) == len(TITLES), "titles must end in different characters"
    if not 2 <= len(token) <= 6 or not _CJK.fullmatch(token):
        return False
    base = token
    title = _TITLE_BY_LAST.get(token[-1])  # at most one title ends in each character
    if title is not None and len(token) > len(title) and token.endswith(title):
        base = token[: -len(title)]
        if len(base) <= 2 and person.has_surname(base):
            return True
    if not 2 <= len(base) <= 4:
        return False
    if base[:2] in COMPOUND_SURNAMES:
        body = base[2:]
    elif base[0] in SINGLE_SURNAMES:
        body = base[1:]
    else:
        return False
    return person._ADDRESS_CHARS.isdisjoint(body)


_PIECES = st.one_of(
    st.sampled_from(sorted(SINGLE_SURNAMES)),
    st.sampled_from(sorted(COMPOUND_SURNAMES)),
    st.sampled_from(sorted(COMPOUND_SURNAMES)).map(lambda s: s[0]),
    st.sampled_from(sorted(person._ADDRESS_CHARS)),
    st.sampled_from(TITLES),
    st.sampled_from(TITLES).map(lambda s: s[0]),
    st.sampled_from(list("小明娜亮满丰一\u4e00\u9fff\u4dff丂a1 \n·")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=6).map("".join))
def test_pattern_follows_the_rules(token: str) -> None:
    assert looks_like_name(token) == _rules(token)


def test_names_and_not_names() -> None:
    for name in ("张三", "欧阳娜娜", "陈先生", "李女士", "王总", "诸葛亮", "张三丰先生", "欧阳娜娜小姐", "南宫雪"):
        assert looks_like_name(name), name
    for other in ("科技园", "3栋", "南山区", "张", "王路", "建国路88号", "张三丰李四王五", "先生", "欧阳路"):
        assert not looks_like_name(other), other


def test_tail_name() -> None:
    assert split_tail_name("建国路88号林小满") == ("建国路88号", "林小满")
    assert split_tail_name("3栋欧阳娜娜\n") == ("3栋", "欧阳娜娜")
    assert split_tail_name("建国路88号") == ("建国路88号", "")
