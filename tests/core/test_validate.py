"""validate(): stable problem codes."""

from __future__ import annotations

from sellerdesk.core.validate import WRONG_VALUE_CODES, validate, wrong_values

GOOD = {
    "recipient": "张三",
    "phone": "13812345678",
    "province": "广东省",
    "city": "深圳市",
    "district": "南山区",
    "detail": "科技园科发路1号",
    "postal_code": "518057",
    "adcode": "440305",
}


def codes(address: dict[str, str]) -> set[str]:
    return {p.code for p in validate(address)}


def test_good_address_has_no_problems() -> None:
    assert validate(GOOD) == []
    assert validate({**GOOD, "province": "北京市", "city": "北京市", "district": "朝阳区", "adcode": ""}) == []
    assert validate({**GOOD, "province": "广东省", "city": "东莞市", "district": "", "adcode": ""}) == []


def test_codes() -> None:
    assert codes({**GOOD, "city": "杭州市", "district": ""}) == {"city_not_in_province"}
    assert codes({**GOOD, "district": "西湖区", "adcode": ""}) == {"district_not_in_city"}
    assert codes({**GOOD, "phone": "12345"}) == {"invalid_phone"}
    assert codes({**GOOD, "phone": ""}) == {"missing_phone"}
    assert codes({**GOOD, "detail": "1号"}) == {"detail_too_short"}
    assert codes({**GOOD, "detail": ""}) == {"missing_detail"}
    assert codes({**GOOD, "province": ""}) == {"missing_province"}
    assert codes({**GOOD, "province": "火星"}) == {"unknown_province"}
    assert codes({**GOOD, "city": "", "district": "", "adcode": ""}) == {"missing_city"}
    assert codes({**GOOD, "district": "", "adcode": ""}) == {"missing_district"}
    assert codes({**GOOD, "adcode": "110105"}) == {"adcode_mismatch"}
    assert codes({**GOOD, "postal_code": "51805"}) == {"invalid_postal_code"}
    assert codes({**GOOD, "recipient": ""}) == {"missing_recipient"}
    assert codes({**GOOD, "province": "广东"}) == {"not_official_name"}


def test_problem_has_english_message_and_severity() -> None:
    (problem,) = validate({**GOOD, "district": "", "adcode": ""})
    assert problem.field == "district" and problem.severity == "warning" and problem.message


def wrong(fields: dict[str, str]) -> set[str]:
    return {p.code for p in wrong_values(fields)}


def test_wrong_values_are_the_wrong_ones_only() -> None:
    assert wrong(GOOD) == set()
    assert wrong({"phone": "1234"}) == {"invalid_phone"}  # a customer's phone, no address
    assert wrong({"recipient": "", "phone": "", "detail": ""}) == set()  # missing is not wrong
    assert wrong({**GOOD, "province": "广东省", "city": "杭州市", "district": ""}) == {"city_not_in_province"}
    assert wrong({**GOOD, "district": "西湖区"}) == {"district_not_in_city"}
    assert wrong({**GOOD, "postal_code": "12"}) == {"invalid_postal_code"}
    assert wrong({**GOOD, "phone": "1234", "postal_code": "12", "city": "杭州市", "district": ""}) == {
        "invalid_phone",
        "invalid_postal_code",
        "city_not_in_province",
    }
    assert wrong({"province": "火星"}) == {"unknown_province"}
    assert wrong({"province": "广东", "city": "深圳", "district": "外星区"}) == {"unknown_district"}


def test_wrong_values_read_the_region_as_it_is_stored() -> None:
    # short, old and everyday names resolve to today's region; a missing level is not wrong
    assert wrong({"province": "广东", "city": "深圳", "district": "南山"}) == set()
    assert wrong({"province": "浙江省", "city": "杭州市", "district": "下城区"}) == set()
    assert wrong({"city": "杭州市"}) == set()
    assert wrong({"district": "西湖区"}) == set()  # (several cities have one: left to the user, not wrong)
    assert wrong({"province": "北京市", "city": "朝阳区"}) == set()  # a municipality sheet's city column
    assert wrong({"province": "香港", "city": "九龙", "district": "油尖旺区"}) == set()
    # the province filled from the city still finds a district of another city
    assert wrong({"city": "杭州市", "district": "南山区"}) == {"district_not_in_city"}


def test_wrong_values_see_what_the_resolver_would_replace() -> None:
    # resolved, 广东省/杭州市/南山区 is 广东省深圳市南山区 and 火星/深圳市 is 广东省深圳市: the
    # levels as typed contradict each other, and that is what the user must hear
    assert wrong({"province": "广东省", "city": "杭州市", "district": "南山区"}) == {"city_not_in_province"}
    assert wrong({"province": "火星", "city": "深圳市"}) == {"unknown_province"}


def test_wrong_values_name_each_problem_once() -> None:
    problems = wrong_values({"province": "广东省", "city": "杭州市"})
    assert [p.code for p in problems] == ["city_not_in_province"]
    assert problems[0].message == "杭州市 is not in 广东省." and problems[0].field == "city"
    assert all(p.code in WRONG_VALUE_CODES for p in wrong_values({**GOOD, "phone": "1", "district": "x"}))
