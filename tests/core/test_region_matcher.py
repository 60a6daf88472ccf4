"""The region scan: leftmost-longest alias hits (Aho-Corasick), place names, odd input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.core.address import _matcher, parse
from sellerdesk.core.region_matcher import NO_REGION


def _leftmost_longest(text: str, aliases: set[str]) -> list[tuple[str, int, int]]:
    """The walk the automaton must reproduce, written plainly: at each position the longest
    alias starting there; after a hit go on at its end, else one character further."""
    longest = max(map(len, aliases))
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 1, -1):
            if text[i : i + size] in aliases:
                out.append((text[i : i + size], i, i + size))
                i += size
                break
        else:
            i += 1
    return out


_WORDS = st.sampled_from(
    [
        "广东",
        "广东省",
        "深圳",
        "深圳市",
        "南山区",
        "南山",
        "北京",
        "北京市",
        "朝阳区",
        "朝阳",
        "济南市",
        "市中区",
        "市",
        "区",
        "中山",
        "中山市",
        "路",
        "花园",
        "内蒙古",
        "内蒙古自治区",
        "大理州",
        "大理白族自治州",
        "襄樊",
        "江北区",
        "重庆",
        "吉林",
        "吉林市",
        "长春",
        "省",
        "县",
        "东",
        "1号",
        " ",
        "，",
        "张三",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12).map("".join))
def test_automaton_hits_are_the_leftmost_longest_walk(text: str) -> None:
    matcher = _matcher()
    aliases = matcher._aliases
    got = [(aliases[number], start, end) for number, start, end in matcher._matches(text)]
    assert got == _leftmost_longest(text, set(aliases))


def test_hits_from_an_offset() -> None:
    matcher = _matcher()
    text = "山东济南市中区经四路1号"
    tail = [(matcher._aliases[n], s, e) for n, s, e in matcher._matches(text, 4)]
    assert tail[0] == ("市中区", 4, 7)


def test_lone_surrogates_do_not_stop_the_scan() -> None:
    # JSON input can carry them ("\ud800"); UTF-8 cannot, so the automaton sees a stand-in.
    result = parse("张三 13812345678 北京市\ud800朝阳区建国路1号\udfff")
    assert "parse_error" not in result.warnings
    assert (result.province, result.district) == ("北京市", "朝阳区")
    matcher = _matcher()
    assert [e - s for _, s, e in matcher._matches("\ud800北京\udfff")] == [2]


def test_place_names_and_split_county() -> None:
    matcher = _matcher()
    assert matcher.locate("中山路1号")[0] is NO_REGION  # a road, not 中山市
    reading, start, end = matcher.locate("山东济南市中区经四路1号")
    assert (reading.city, reading.district, start, end) == ("济南市", "市中区", 0, 7)
    reading, start, end = matcher.locate("浙江省宁波市江北区中山花园3栋")
    assert (reading.district, end) == ("江北区", 9)


def test_a_region_named_before_a_municipality_counts_against_it() -> None:
    # 重庆 names both the province and the city row of the municipality with one hit
    # (2 + 2 for a short name); 庆阳市 named in full before it costs it 1, and the tie
    # (3 against 3, both cities) goes to the earlier hit.  Decided afresh, not cached.
    matcher = _matcher()
    for text in ("庆阳市重庆", "铜仁市 上海"):
        matcher.cache_clear()
        reading = matcher.locate(text)[0]
        assert reading.city == text[:3] and not reading.candidates, text
