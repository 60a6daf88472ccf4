"""Region table: data currency, naming conventions and lookups."""

from __future__ import annotations

import pytest

from sellerdesk.core import regions
from sellerdesk.core.validate import wrong_values


def names(codes: list[regions.Region]) -> list[str]:
    return [r.name for r in codes]


def test_34_province_level_units() -> None:
    provs = regions.provinces()
    assert len(provs) == 34
    assert {"广西壮族自治区", "新疆维吾尔自治区", "香港特别行政区", "台湾省"} <= set(names(provs))


@pytest.mark.parametrize(
    ("adcode", "name", "parent"),
    [
        ("360113", "红谷滩区", "360100"),
        ("330383", "龙港市", "330300"),
        ("140213", "平城区", "140200"),
        ("140214", "云冈区", "140200"),
        ("140215", "云州区", "140200"),
        ("330102", "上城区", "330100"),
        ("330105", "拱墅区", "330100"),
        ("330113", "临平区", "330100"),
        ("330114", "钱塘区", "330100"),
        ("370116", "莱芜区", "370100"),
        ("370117", "钢城区", "370100"),
        ("120116", "滨海新区", "120100"),
        ("420600", "襄阳市", "420000"),
    ],
)
def test_recent_changes_present(adcode: str, name: str, parent: str) -> None:
    region = regions.get(adcode)
    assert region is not None and region.name == name and region.parent == parent


@pytest.mark.parametrize("gone", ["江干区", "下城区", "大港区", "塘沽区", "莱芜市", "襄樊市", "港闸区"])
def test_abolished_names_are_not_current(gone: str) -> None:
    assert not any(r.name == gone for r in regions.all_regions())


@pytest.mark.parametrize(
    ("former", "current"),
    [
        ("襄樊", "襄阳市"),
        ("襄樊市", "襄阳市"),
        ("江干区", "上城区"),
        ("下城区", "拱墅区"),
        ("大港区", "滨海新区"),
        ("莱芜市", "莱芜区"),
        ("思茅市", "普洱市"),
    ],
)
def test_former_names_resolve(former: str, current: str) -> None:
    assert names(regions.find(former))[:1] == [current]


def test_former_generic_name_needs_context() -> None:
    assert regions.find("矿区", parent="140200")[0].name == "云冈区"
    assert "云冈区" not in names(regions.find("矿区"))


@pytest.mark.parametrize(
    ("typed", "full", "level"),
    [
        ("广东", "广东省", 1),
        ("广东省", "广东省", 1),
        ("深圳", "深圳市", 2),
        ("深圳市", "深圳市", 2),
        ("内蒙古", "内蒙古自治区", 1),
        ("广西", "广西壮族自治区", 1),
        ("新疆", "新疆维吾尔自治区", 1),
        ("大理州", "大理白族自治州", 2),
        ("大理", "大理白族自治州", 2),
        ("恩施州", "恩施土家族苗族自治州", 2),
        ("石柱县", "石柱土家族自治县", 3),
        ("香港", "香港特别行政区", 1),
    ],
)
def test_find_full_and_short(typed: str, full: str, level: int) -> None:
    assert names(regions.find(typed, level=level))[:1] == [full]


def test_find_ranks_exact_full_name_first() -> None:
    assert names(regions.find("吉林市")) == ["吉林市"]
    assert names(regions.find("吉林"))[0] == "吉林省"


def test_municipality_repeats_province_as_city() -> None:
    city = regions.children("110000")
    assert [(c.adcode, c.name) for c in city] == [("110100", "北京市")]
    prov, cty, dist = regions.path("110105")
    assert (prov.name, cty.name, dist.name) == ("北京市", "北京市", "朝阳区")  # type: ignore[union-attr]
    assert regions.get("500240").parent == "500100"  # type: ignore[union-attr]  # 石柱 under 重庆市


@pytest.mark.parametrize("code", ["429004", "419001", "469002", "659001"])
def test_province_direct_county_cities_are_city_level(code: str) -> None:
    region = regions.get(code)
    assert region is not None and region.level == 2 and region.parent == code[:2] + "0000"


@pytest.mark.parametrize("code", ["441900", "442000", "460400", "620200"])
def test_cities_without_counties(code: str) -> None:
    assert regions.get(code) is not None and regions.children(code) == []


def test_no_development_zones() -> None:
    assert not [r for r in regions.all_regions() if "开发区" in r.name or r.name == "苏州工业园区"]


def test_parent_child_consistency() -> None:
    for region in regions.all_regions():
        if region.parent is None:
            assert region.level == 1
        else:
            parent = regions.get(region.parent)
            assert parent is not None and parent.level == region.level - 1
            assert region in regions.children(parent.adcode)


def test_resolve_split_columns() -> None:
    r = regions.resolve("广东", "深圳", "南山")
    assert (r.province, r.city, r.district, r.adcode) == ("广东省", "深圳市", "南山区", "440305")
    r = regions.resolve("北京", "", "朝阳区")
    assert (r.province, r.city, r.district) == ("北京市", "北京市", "朝阳区")
    r = regions.resolve("北京市", "朝阳区", "")
    assert (r.city, r.district, r.adcode) == ("北京市", "朝阳区", "110105")
    r = regions.resolve("", "", "萧山区")
    assert (r.province, r.city) == ("浙江省", "杭州市")
    r = regions.resolve("", "", "朝阳区")
    assert r.ambiguous == ("district",) and r.adcode == ""
    r = regions.resolve("火星", "", "")
    assert r.unknown == ("province",) and r.province == "火星"


def test_big_regions_default_and_override() -> None:
    assert list(regions.BIG_REGIONS)[0] == "华东"
    assert regions.big_region("广东省") == "华南"
    assert regions.big_region("内蒙古") == "华北"
    assert regions.big_region("110105") == "华北"
    assert regions.big_region("火星") == ""
    assert regions.big_region("广东", {"南方": ["广东省"]}) == "南方"
    try:
        regions.set_big_regions({"一区": ["广东省", "广西"]})
        assert regions.big_region("广西壮族自治区") == "一区"
        assert regions.big_region("北京") == ""
    finally:
        regions.set_big_regions(None)
    assert regions.big_region("北京") == "华北"


def test_every_province_has_a_big_region() -> None:
    assert all(regions.big_region(p.name) for p in regions.provinces())


def test_pinyin_and_data_source() -> None:
    assert regions.get("440000").pinyin == "guangdongsheng"  # type: ignore[union-attr]
    info = regions.data_source()
    assert {"source", "version", "date", "license"} <= set(info)


@pytest.mark.parametrize(
    "province,city,district,expected",
    [
        ("澳门特别行政区", "澳门特别行政区", "", ("澳门特别行政区", "", "", "820000")),
        ("澳门", "澳门", "花地玛堂区", ("澳门特别行政区", "澳门半岛", "花地玛堂区", "820104")),
        ("香港特别行政区", "香港特别行政区", "", ("香港特别行政区", "", "", "810000")),
        ("台湾省", "台湾", "", ("台湾省", "", "", "710000")),
    ],
)
def test_a_sar_or_taiwan_city_repeating_the_province_is_no_city(province, city, district, expected) -> None:
    """How addresses were stored before 港澳台 had cities in the table (issue 15: they re-import)."""
    found = regions.resolve(province, city, district)
    assert (found.province, found.city, found.district, found.adcode) == expected
    assert found.unknown == ()
    assert wrong_values({"province": province, "city": city, "district": district}) == []


def test_another_province_repeated_as_its_city_is_still_unknown() -> None:
    assert regions.resolve("广东省", "广东省", "").unknown == ("city",)
