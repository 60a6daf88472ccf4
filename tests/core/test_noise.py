"""noise: sub_from behaves exactly like Pattern.sub; each fast pattern finds what its readable
specification finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.core import noise

PAIRS = [(noise.LONG_NUMBER_RE, noise.LONG_NUMBER_STARTS)]
"""The patterns the parser runs through sub_from."""
SPECS = [
    noise.CHATTER_RE,
    noise.LABEL_RE,
    noise.MOBILE_IN_TEXT_RE,
    noise.LANDLINE_IN_TEXT_RE,
    noise.POSTCODE_RE,
    noise.LONG_NUMBER_RE,
]

# Every literal character of the patterns plus digits, separators and a few others, so
# that generated text often contains (near-)matches.
_ALPHABET = sorted(
    {ch for rx in SPECS for ch in rx.pattern if not ch.isascii() or ch.isalnum()}
    | set("0123456789+-() :：#\n\t,号室")
    | set("ab张三北京路")
)


def _mark(match: re.Match[str]) -> str:
    return "<" + match.group(0) + ">"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_sub_from_equals_sub(text: str) -> None:
    for pattern, starts in PAIRS:
        assert noise.sub_from(pattern, starts, " ", text) == pattern.sub(" ", text)
        assert noise.sub_from(pattern, starts, _mark, text) == pattern.sub(_mark, text)


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_sub_from_equals_sub_around_real_matches(data: st.DataObject) -> None:
    # Texts that surely contain matches (generated from each pattern itself), in context:
    # a missing start character would leave a match unreplaced here.
    context = st.text(alphabet=_ALPHABET, max_size=8)
    for pattern, starts in PAIRS:
        parts = data.draw(st.lists(st.tuples(context, st.from_regex(pattern, fullmatch=True)), min_size=1, max_size=3))
        text = "".join(a + b for a, b in parts) + data.draw(context)
        assert noise.sub_from(pattern, starts, _mark, text) == pattern.sub(_mark, text)


def test_sub_from_examples() -> None:
    text = "收货人：张三 单号 123456789012 AB123456789 x-1234567890 abcd123456789 电话:138 1234 5678 518000"
    for pattern, starts in PAIRS:
        assert noise.sub_from(pattern, starts, _mark, text) == pattern.sub(_mark, text)
    assert noise.sub_from(noise.LONG_NUMBER_RE, noise.LONG_NUMBER_STARTS, " ", "a 123456789 b") == "a   b"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" ,;|/，；、。!！?？~\n\t\r\u3000ab张三-:", max_size=30))
def test_token_re_gives_the_non_empty_pieces_between_separators(text: str) -> None:
    assert noise.TOKEN_RE.findall(text) == [t for t in noise.SEPARATOR_RE.split(text) if t]


# The fast forms of the number patterns (every alternative starts with a literal, the
# look-behind after it) must find exactly what the readable patterns find.
FAST_PAIRS = [
    (noise.LANDLINE_IN_TEXT_RE, noise.LANDLINE_FAST_RE),
    (noise.POSTCODE_RE, noise.POSTCODE_FAST_RE),
]


def _mobiles(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    if pattern is noise.MOBILE_SPLIT_RE:
        return [(m.span(), m.group(1) or "1" + m.group(2)) for m in pattern.finditer(text)]
    return [(m.span(), m.group(1)) for m in pattern.finditer(text)]


def _assert_fast_forms_agree(text: str) -> None:
    for readable, fast in FAST_PAIRS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in readable.finditer(text)]
    assert _mobiles(noise.MOBILE_SPLIT_RE, text) == _mobiles(noise.MOBILE_IN_TEXT_RE, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_fast_number_patterns_equal_the_readable_ones(text: str) -> None:
    _assert_fast_forms_agree(text)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_fast_number_patterns_around_real_matches(data: st.DataObject) -> None:
    context = st.text(alphabet=_ALPHABET, max_size=8)
    for readable in (noise.MOBILE_IN_TEXT_RE, noise.LANDLINE_IN_TEXT_RE, noise.POSTCODE_RE):
        parts = data.draw(st.lists(st.tuples(context, st.from_regex(readable, fullmatch=True)), min_size=1, max_size=3))
        _assert_fast_forms_agree("".join(a + b for a, b in parts) + data.draw(context))


def test_fast_number_patterns_examples() -> None:
    for text in (
        "+86 138-1234-5678",
        "(+86)13812345678",
        "008613812345678",
        "86-13812345678",
        "9913812345678",
        "13812345678(021)64641234",
        "021-64641234转8",
        "(0755) 2345 6789",
        "#518000 518000号 518000",
        "电话138 1234 5678和0086 139 1234 5678",
    ):
        _assert_fast_forms_agree(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=" ,;|/，；、。!！?？~\n\t\r\u3000\x0b" + noise.EDGE_PUNCT + "ab张三1号\x01", max_size=30),
    st.data(),
)
def test_stripped_tokens_are_the_stripped_non_empty_tokens(text: str, data: st.DataObject) -> None:
    def expected(piece: str) -> list[str]:
        return [t for t in (t.strip(noise.EDGE_PUNCT) for t in noise.TOKEN_RE.findall(piece)) if t]

    assert noise.STRIPPED_TOKEN_RE.findall(text) == expected(text)
    # findall(text, pos, endpos) is used for the pieces before and after the regions.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert noise.STRIPPED_TOKEN_RE.findall(text, start, end) == expected(text[start:end])


def _mark_name(match: re.Match[str]) -> str:
    """LABEL_RE's way: its group "name" (or "name_en") says a name label."""
    return "<N>" if match.group("name") or match.group("name_en") else "<L>"


def _mark_name_fast(match: re.Match[str]) -> str:
    """LABEL_FAST_RE's way: the match starts with a name label."""
    return "<N>" if match.group().startswith(noise.NAME_LABELS) else "<L>"


def _assert_fast_text_patterns_agree(text: str) -> None:
    assert noise.CHATTER_FAST_RE.sub(_mark, text) == noise.CHATTER_RE.sub(_mark, text)
    assert noise.LABEL_FAST_RE.sub(_mark_name_fast, text) == noise.LABEL_RE.sub(_mark_name, text)


_WORDS_ALPHABET = sorted(
    {ch for rx in (noise.CHATTER_RE, noise.LABEL_RE) for ch in rx.pattern if not ch.isascii() or ch.isalnum()}
    | set(" :：,!~-()[]{}<>（")
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_WORDS_ALPHABET, max_size=40))
def test_fast_chatter_and_label_patterns_equal_the_readable_ones(text: str) -> None:
    _assert_fast_text_patterns_agree(text)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_fast_chatter_and_label_patterns_around_real_matches(data: st.DataObject) -> None:
    context = st.text(alphabet=_WORDS_ALPHABET, max_size=6)
    for readable in (noise.CHATTER_RE, noise.LABEL_RE):
        parts = data.draw(st.lists(st.tuples(context, st.from_regex(readable, fullmatch=True)), min_size=1, max_size=3))
        _assert_fast_text_patterns_agree("".join(a + b for a, b in parts) + data.draw(context))


def test_fast_chatter_and_label_examples() -> None:
    for text in (
        "收货人：张三 电话:138 1234 5678 麻烦快点发货（放快递柜）订单号:A123 不要发邮政 518000",
        "麻烦放快递柜 请发顺丰快递 请放门口 不发顺丰 先打我电话 周末不收 周末送货 复制整段话",
        "收货地址 收货人姓名: 联系电话:  手机号 tel: Tel 所在地区 邮编 地区:",
    ):
        _assert_fast_text_patterns_agree(text)
