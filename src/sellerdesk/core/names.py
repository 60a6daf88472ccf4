"""Naming rules for administrative divisions: short forms and matching aliases.

Used both by ``tools/gen_regions.py`` (to store each region's short name) and at run time
(to generate the aliases the address parser and :func:`sellerdesk.core.regions.find`
accept, e.g. 大理州 for 大理白族自治州).  A suffix is only stripped when at least two
characters remain, so 城区 or 东区 stay whole.
"""

from __future__ import annotations

PROVINCE_SUFFIXES: tuple[str, ...] = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
)
AUTONOMOUS_SUFFIXES: tuple[str, ...] = ("自治州", "自治县", "自治旗")
PLAIN_SUFFIXES: tuple[str, ...] = (
    "地区",
    "新区",
    "林区",
    "特区",
    "矿区",
    "市",
    "区",
    "县",
    "旗",
    "盟",
)
_ETHNIC_STEMS = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
]  # noqa: E501 (one table)
# Longest first so that 哈萨克族 is removed before 哈萨克.
ETHNIC_GROUPS: tuple[str, ...] = tuple(
    sorted({g + s for g in _ETHNIC_STEMS for s in ("族", "")}, key=len, reverse=True)
)


def short_name(name: str, level: int) -> str:
    """Return the everyday short form: 广西, 内蒙古, 大理, 石柱, 深圳, 南山, 神农架."""
    if level == 1:
        for suffix in PROVINCE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)]
        return name
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix):
            stem = _strip_ethnic(name[: -len(suffix)])
            return stem if len(stem) >= 2 else name
    for suffix in PLAIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _strip_ethnic(stem: str) -> str:
    """Remove trailing ethnic-group names (白族, 土家族苗族, 锡伯 …) from ``stem``."""
    stripped = True
    while stripped:
        stripped = False
        for group in ETHNIC_GROUPS:
            if stem.endswith(group) and len(stem) - len(group) >= 2:
                stem = stem[: -len(group)]
                stripped = True
                break
    if stem.endswith("族") and len(stem) >= 3:
        stem = stem[:-1]  # 鄂温克族自治旗 -> 鄂温克, 东乡族自治县 -> 东乡
    return stem


def aliases(name: str, short: str, level: int) -> list[str]:
    """Every spelling that should find this region, full name first.

    Besides the full and short names: 大理州 / 恩施州 for 自治州, 石柱县 for 自治县,
    莫力达瓦旗 for 自治旗, 新疆自治区-style partial suffixes are not generated.
    """
    out = [name]
    if short != name and len(short) >= 2:
        out.append(short)
        for suffix, abbrev in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                out.append(short + abbrev)
    return out
