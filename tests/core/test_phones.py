"""Phone normalisation and masking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.core.phones import mask_phone, normalize_phone


@pytest.mark.parametrize(
    ("typed", "value", "kind"),
    [
        ("13812345678", "13812345678", "mobile"),
        ("+86 138-1234-5678", "13812345678", "mobile"),
        ("86-13812345678", "13812345678", "mobile"),
        ("0086 138 1234 5678", "13812345678", "mobile"),
        ("(+86)13812345678", "13812345678", "mobile"),
        ("138 1234 5678", "13812345678", "mobile"),
        ("１３８１２３４５６７８", "13812345678", "mobile"),
        ("13812345678.0", "13812345678", "mobile"),
        ("1.3812345678E10", "13812345678", "mobile"),
        ("1.3812345678e+10", "13812345678", "mobile"),
        ("021-64641234", "021-64641234", "landline"),
        ("(021)64641234", "021-64641234", "landline"),
        ("021 6464 1234", "021-64641234", "landline"),
        ("0755-8888123", "0755-8888123", "landline"),
        ("075588881234", "0755-88881234", "landline"),
        ("0755-88881234转8001", "0755-88881234-8001", "landline"),
        ("", "", "empty"),
        ("   ", "", "empty"),
        ("400-820-8820", "400-820-8820", "service"),
        ("4008208820", "400-820-8820", "service"),
        ("800 810 8888", "800-810-8888", "service"),
        ("12345", "12345", "other"),
        ("1381234567", "1381234567", "other"),
    ],
)
def test_normalize(typed: str, value: str, kind: str) -> None:
    result = normalize_phone(typed)
    assert (result.value, result.kind) == (value, kind)
    assert result.valid == (kind in ("mobile", "landline", "service"))


def test_foreign_number_kept_and_valid() -> None:
    result = normalize_phone("+852 9123 4567")
    assert result.kind == "other" and result.valid and result.value == "+852 9123 4567"


def test_mask() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138 1234 5678") == "138****5678"
    assert mask_phone("021-64641234") == "021-64****34"
    assert mask_phone("") == ""
    masked = mask_phone("400-820-8820")
    assert masked != "400-820-8820" and "*" in masked


phone_like = st.text(alphabet="0123456789+-() .eE转#x 　１３８", max_size=24)


@settings(max_examples=300, deadline=None)
@given(st.one_of(phone_like, st.text(max_size=20)))
def test_normalize_is_idempotent(text: str) -> None:
    first = normalize_phone(text)
    assert normalize_phone(first.value) == first


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_mask_never_reveals_full_mobile(number: str) -> None:
    masked = mask_phone(number)
    assert number not in masked and len(masked) == 11


def test_a_mask_is_its_own_mask() -> None:
    """A team server hands a masked helper masked phones: masking them again changes nothing."""
    for shown in ("138****5678", "021-64****34", "40*-***-**20", "****", "+85*******67"):
        assert mask_phone(shown) == shown


@settings(max_examples=300, deadline=None)
@given(st.one_of(phone_like, st.text(max_size=20)))
def test_masking_twice_is_masking_once(text: str) -> None:
    assert mask_phone(mask_phone(text)) == mask_phone(text)
