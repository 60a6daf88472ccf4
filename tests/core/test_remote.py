import pytest

from sellerdesk.core.remote import DEFAULT_ENTRIES, Place, UnknownEntry, canonical, is_remote, parse_entry, places_of


def test_defaults_cover_the_six_provinces_by_official_name():
    found = places_of(DEFAULT_ENTRIES)
    assert {p.province for p in found} == {
        "新疆维吾尔自治区",
        "西藏自治区",
        "青海省",
        "内蒙古自治区",
        "甘肃省",
        "宁夏回族自治区",
    }
    assert is_remote("新疆维吾尔自治区", "乌鲁木齐市", "天山区", found)
    assert not is_remote("广东省", "深圳市", "南山区", found)
    assert not is_remote("", "", "", found)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("新疆", "新疆维吾尔自治区"),
        ("海南", "海南省"),
        ("四川省甘孜藏族自治州", "四川省甘孜藏族自治州"),
        ("甘孜州", "四川省甘孜藏族自治州"),
        ("四川甘孜理塘县", "四川省甘孜藏族自治州理塘县"),
        ("港澳台", "港澳台"),
    ],
)
def test_entries_are_stored_by_official_name(entry, expected):
    assert canonical(entry) == expected


def test_a_city_entry_covers_that_city_only():
    found = places_of(["四川省甘孜藏族自治州"])
    assert is_remote("四川省", "甘孜藏族自治州", "理塘县", found)
    assert is_remote("四川省", "甘孜藏族自治州", "", found)
    assert not is_remote("四川省", "成都市", "武侯区", found)


def test_a_county_entry_covers_that_county_only():
    found = places_of(["理塘县"])
    assert found == (Place("四川省", "甘孜藏族自治州", "理塘县"),)
    assert is_remote("四川省", "甘孜藏族自治州", "理塘县", found)
    assert not is_remote("四川省", "甘孜藏族自治州", "康定市", found)


def test_hong_kong_macao_taiwan_option():
    found = places_of(["港澳台"])
    assert len(parse_entry("港澳台")) == 3
    assert is_remote("香港特别行政区", "", "", found)
    assert is_remote("台湾省", "台北市", "", found)
    assert is_remote("澳门特别行政区", "澳门特别行政区", "", found)
    assert not is_remote("广东省", "珠海市", "香洲区", found)


@pytest.mark.parametrize(("entry", "ambiguous"), [("火星", False), ("朝阳区", True), ("", False)])
def test_unknown_or_ambiguous_entries_are_refused(entry, ambiguous):
    with pytest.raises(UnknownEntry) as info:
        parse_entry(entry)
    assert info.value.ambiguous is ambiguous


def test_a_stored_list_with_a_bad_entry_still_reads():
    assert places_of(["火星", "西藏"]) == (Place("西藏自治区"),)
