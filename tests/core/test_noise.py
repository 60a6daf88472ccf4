"""noise.sub_from must behave exactly like Pattern.sub for every pattern it is used with."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.core import noise

PAIRS = [
    (noise.CHATTER_RE, noise.CHATTER_STARTS),
    (noise.LABEL_RE, noise.LABEL_STARTS),
    (noise.MOBILE_IN_TEXT_RE, noise.MOBILE_STARTS),
    (noise.LANDLINE_IN_TEXT_RE, noise.LANDLINE_STARTS),
    (noise.POSTCODE_RE, noise.POSTCODE_STARTS),
    (noise.LONG_NUMBER_RE, noise.LONG_NUMBER_STARTS),
]

# Every literal character of the patterns plus digits, separators and a few others, so
# that generated text often contains (near-)matches.
_ALPHABET = sorted(
    {ch for rx, _ in PAIRS for ch in rx.pattern if not ch.isascii() or ch.isalnum()}
    | set("0123456789+-() :：#\n\t,号室") | set("ab张三北京路")
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
    text = "收货人：张三 电话:138 1234 5678 麻烦快点发货（放快递柜）订单号:A123 不要发邮政 518000"
    for pattern, starts in PAIRS:
        assert noise.sub_from(pattern, starts, _mark, text) == pattern.sub(_mark, text)
    assert noise.sub_from(noise.MOBILE_IN_TEXT_RE, noise.MOBILE_STARTS, "", "x9913812345678") == "x9913812345678"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" ,;|/，；、。!！?？~\n\t\r\u3000ab张三-:", max_size=30))
def test_token_re_gives_the_non_empty_pieces_between_separators(text: str) -> None:
    assert noise.TOKEN_RE.findall(text) == [t for t in noise.SEPARATOR_RE.split(text) if t]
