"""Parser behaviour beyond the case table: ambiguity, warnings, properties, formatting."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.core import regions
from sellerdesk.core import text as core_text
from sellerdesk.core.address import FIELDS, format_one_line, parse, parse_to_json_dict


def test_ambiguous_district_alone_lists_candidates() -> None:
    result = parse("朝阳区建国路88号")
    assert "ambiguous_region" in result.warnings
    cities = {(c["province"], c["city"]) for c in result.candidates}
    assert {("北京市", "北京市"), ("吉林省", "长春市")} <= cities
    assert result.confidence["district"] < 1.0
    assert result.detail == "建国路88号"


def test_missing_levels_filled_from_code() -> None:
    result = parse("萧山区建设一路66号")
    assert (result.province, result.city, result.district) == ("浙江省", "杭州市", "萧山区")
    assert result.adcode == "330109"
    assert "region_filled_from_code" in result.warnings


def test_phone_buried_in_digit_run_is_not_taken() -> None:
    result = parse("单号9913812345678123 广东省深圳市南山区科技园1号")
    assert result.phone == ""
    assert "no_phone" in result.warnings


def test_postcode_not_taken_for_phone() -> None:
    result = parse("张三 518000 广东省深圳市南山区科技园1号")
    assert result.phone == "" and result.postal_code == "518000"


def test_empty_and_garbage() -> None:
    for text in ("", "   ", "？？？", "12345", "hello world"):
        result = parse(text)
        assert result.province == "" and isinstance(result.to_dict()["warnings"], list)


def test_empty_name_label_after_the_address() -> None:
    # A form pasted with its name left blank: the bare label after the address once made
    # parse() fail (parse_error, every field empty).
    for text in (
        "地址：广东省深圳市南山区科技园1号\n收货人：\n电话：13812345678",
        "广东省深圳市南山区科技园1号 收货人 13812345678",
        "广东省深圳市南山区科技园1号 姓名:\x01 13812345678",
    ):
        result = parse(text)
        assert "parse_error" not in result.warnings
        assert (result.district, result.detail, result.phone) == ("南山区", "科技园1号", "13812345678")
        assert result.name == "" and "no_name" in result.warnings


def test_json_dict_has_cli_keys() -> None:
    out = parse_to_json_dict("张三 13812345678 广东省深圳市南山区科技园1号")
    assert {"name", "phone", "province", "city", "district", "detail"} <= set(out)
    assert all(isinstance(out[k], str) for k in FIELDS)
    assert out["name"] == "张三" and out["district"] == "南山区"


def test_format_one_line() -> None:
    result = parse("张三 13812345678 广东省深圳市南山区科技园1号")
    assert format_one_line(result) == "张三 13812345678 广东省深圳市南山区科技园1号"
    assert (
        format_one_line(
            {
                "recipient": "李四",
                "phone": "13912345678",
                "province": "北京市",
                "city": "北京市",
                "district": "朝阳区",
                "detail": "建国路1号",
            }
        )
        == "李四 13912345678 北京市朝阳区建国路1号"
    )


def _assert_consistent(result_dict: dict[str, object]) -> None:
    province, city, district = (str(result_dict[k]) for k in ("province", "city", "district"))
    adcode = str(result_dict["adcode"])
    if not (province or city or district):
        assert adcode == ""
        return
    if district and not (province or city):
        # A lone district named in several cities (西湖区): no guess, the candidates instead.
        assert adcode == ""
        assert "ambiguous_region" in result_dict["warnings"]  # type: ignore[operator]
        candidates = result_dict["candidates"]
        assert len(candidates) > 1 and all(c["district"] == district for c in candidates)  # type: ignore[arg-type, index]
        return
    region = regions.get(adcode)
    assert region is not None
    p, c, d = regions.path(adcode)
    assert (p.name if p else "", c.name if c else "", d.name if d else "") == (province, city, district)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_parse_never_raises_and_regions_are_consistent(text: str) -> None:
    result = parse(text)
    assert "parse_error" not in result.warnings
    _assert_consistent(result.to_dict())


region_words = st.sampled_from(
    [
        "广东",
        "深圳市",
        "南山区",
        "北京",
        "朝阳区",
        "鼓楼区",
        "江苏省",
        "市中区",
        "中山",
        "路",
        "花园",
        "内蒙古",
        "吉林",
        "大理州",
        "13812345678",
        " ",
        "，",
        "张三",
        "1号",
        "市辖区",
        "襄樊",
        "⻄",
        "（放快递柜）",
        "收货人：",
        "姓名",
        "电话：",
        "\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(region_words, max_size=10).map("".join))
def test_region_fragments_give_consistent_regions(text: str) -> None:
    result = parse(text)
    assert "parse_error" not in result.warnings
    _assert_consistent(result.to_dict())


def test_normalize_fast_path_covers_every_mapped_character() -> None:
    from sellerdesk.core import text

    # normalize() skips the translate table when _NEEDS_WORK finds nothing: every
    # character the table maps must therefore be found.
    assert all(text._NEEDS_WORK.match(ch) for ch in text._TRANSLATE_KEYS)
    assert text.normalize("北京市⻄城区１号\u3000") == "北京市西城区1号 "
    # normalize() replaces the mapped characters one after another and runs NFKC only when
    # a character it found is unmapped: no replacement may hold a mapped character or one
    # that needs NFKC, and then the replacements do exactly what the translate table does.
    for replacement in text._CHAR_MAP.values():
        assert not any(ch in text._CHAR_MAP for ch in replacement)
        assert not text._NEEDS_NFKC.search(replacement)
    every = "北京" + "".join(sorted(text._TRANSLATE_KEYS)) + "市·"
    assert text.normalize(every) == every.translate(text._TRANSLATE)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(sorted(core_text._CHAR_MAP) + list("⾃①⑴ﬁ㈠豈ｱ\u00a0\u3000北京a1 ，：·")), max_size=20
    )
)
def test_normalize_equals_nfkc_then_table(value: str) -> None:
    # The specification: the table, then NFKC (and the table again) when compatibility
    # characters remain.
    expected = value.translate(core_text._TRANSLATE)
    if core_text._NEEDS_NFKC.search(expected):
        expected = unicodedata.normalize("NFKC", expected).translate(core_text._TRANSLATE)
    assert core_text.normalize(value) == expected
