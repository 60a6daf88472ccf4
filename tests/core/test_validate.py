"""validate(): stable problem codes."""

from __future__ import annotations

from sellerdesk.core.validate import validate

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
