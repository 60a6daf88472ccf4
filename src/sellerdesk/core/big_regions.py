"""大区: the broad regions sellers plan shipments by (华东, 华南 …), user-editable.

The default mapping is DESIGN.md's; the settings layer may install the user's own with
:func:`set_big_regions`.  Provinces are keyed by short name (上海, 内蒙古, 香港).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

BIG_REGIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "华东": ("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东"),
        "华南": ("广东", "广西", "海南"),
        "华北": ("北京", "天津", "河北", "山西", "内蒙古"),
        "华中": ("河南", "湖北", "湖南"),
        "西南": ("重庆", "四川", "贵州", "云南", "西藏"),
        "西北": ("陕西", "甘肃", "青海", "宁夏", "新疆"),
        "东北": ("辽宁", "吉林", "黑龙江"),
        "港澳台": ("香港", "澳门", "台湾"),
    }
)
"""Default mapping, in display order."""

_current: Mapping[str, tuple[str, ...]] = BIG_REGIONS


def set_big_regions(mapping: Mapping[str, Sequence[str]] | None) -> None:
    """Install a user mapping (大区 → province names, full or short); ``None`` restores the default."""
    global _current
    if mapping is None:
        _current = BIG_REGIONS
        return
    _current = MappingProxyType({str(k): tuple(_short(p) for p in v) for k, v in mapping.items()})


def big_regions() -> Mapping[str, tuple[str, ...]]:
    """The mapping in use (the user's if set, else :data:`BIG_REGIONS`), in display order."""
    return _current


def big_region(province: str, mapping: Mapping[str, Sequence[str]] | None = None) -> str:
    """The 大区 of a province given by full name, short name or adcode; '' when unknown."""
    table = _current if mapping is None else mapping
    key = _short(str(province or "").strip())
    if key.isdigit():
        from sellerdesk.core.regions import get  # regions imports this module

        region = get(key[:2] + "0000")
        key = region.short if region else key
    for name, members in table.items():
        if key in members or any(_short(m) == key for m in members):
            return name
    return ""


def _short(name: str) -> str:
    """广东省 → 广东, 内蒙古自治区 → 内蒙古, 北京市 → 北京 (names already short pass through)."""
    from sellerdesk.core.names import short_name

    return short_name(name, 1)
