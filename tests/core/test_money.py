from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.core.money import MAX_FEN, MoneyError, format_plain, format_yuan, parse_fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("128.50", 12850),
        ("128.5", 12850),
        ("128", 12800),
        ("128元", 12800),
        ("128 元", 12800),
        ("128块", 12800),
        ("¥1,234.5", 123450),
        ("￥1,234.50", 123450),  # full-width yen
        ("¥ 99", 9900),
        ("RMB 12.30", 1230),
        ("cny12", 1200),
        ("１２８．５", 12850),  # full-width digits and point
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("128.", 12800),
        ("1.230", 123),  # a trailing zero is still exact
        ("  66.6  ", 6660),
        ("99999999.99", MAX_FEN),
        ("1,000,000", 100_000_000),
    ],
)
def test_parse_reads_what_people_type(text, fen):
    assert parse_fen(text) == fen


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("-5", "negative"),
        ("−5", "negative"),  # a minus sign, not a hyphen
        ("¥-5", "negative"),
        ("-¥5", "negative"),
        ("1.234", "two decimals"),
        ("0.001", "two decimals"),
        ("NaN", "Not an amount"),
        ("inf", "Not an amount"),
        ("Infinity", "Not an amount"),
        ("", "empty"),
        ("   ", "empty"),
        ("¥", "Not an amount"),
        ("元", "Not an amount"),
        ("abc", "Not an amount"),
        ("12a", "Not an amount"),
        ("1e3", "Not an amount"),
        ("12,34", "Not an amount"),  # not thousands grouping
        ("1,2345", "Not an amount"),
        ("1..2", "Not an amount"),
        ("1.2.3", "Not an amount"),
        (".", "Not an amount"),
        ("100000000", "too large"),
        ("9" * 400, "too large"),
        ("+5", "Not an amount"),
    ],
)
def test_parse_refuses_with_a_reason(text, why):
    with pytest.raises(MoneyError, match=why):
        parse_fen(text)


def test_parse_takes_exact_numbers_but_never_floats():
    assert parse_fen(12) == 1200
    assert parse_fen(Decimal("12.34")) == 1234
    for value in (12.5, True, None, [1]):
        with pytest.raises(MoneyError):
            parse_fen(value)
    with pytest.raises(MoneyError):
        parse_fen(Decimal("NaN"))
    with pytest.raises(MoneyError):
        parse_fen(Decimal("-1"))


def test_formats():
    assert format_yuan(123450) == "¥1,234.50"
    assert format_yuan(5) == "¥0.05"
    assert format_yuan(0) == "¥0.00"
    assert format_yuan(-1200) == "-¥12.00"
    assert format_plain(123450) == "1234.50"
    assert format_plain(100_000_000) == "1000000.00"
    assert format_plain(-5) == "-0.05"
    with pytest.raises(TypeError):
        format_plain(12.5)
    with pytest.raises(TypeError):
        format_yuan(True)


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_round_trip_plain(fen):
    assert parse_fen(format_plain(fen)) == fen


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_round_trip_yuan(fen):
    assert parse_fen(format_yuan(fen)) == fen


@given(st.decimals(min_value=0, max_value=Decimal(MAX_FEN) / 100, places=2, allow_nan=False, allow_infinity=False))
def test_parse_of_any_two_decimal_text_is_exact(value):
    assert parse_fen(f"{value:.2f}") == int(value * 100)
    assert parse_fen(f"¥{value:,.2f}元") == int(value * 100)


@given(st.text(max_size=30))
def test_any_text_is_an_amount_or_one_clear_error(text):
    try:
        fen = parse_fen(text)
    except MoneyError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(fen, int) and 0 <= fen <= MAX_FEN
