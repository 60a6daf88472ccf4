"""China's 34 provincial units as outlines, for the dashboard's map (no Qt).

The data is ``resources/map/china_provinces.json``, made by ``tools/gen_china_map.py`` from the
Apache-2.0 ``echarts`` 4.9.0 npm package (source, license and simplification:
``resources/map/SOURCE.md``). Coordinates are longitude/latitude in degrees; each province is
matched to the region table by its adcode, so names are the region table's (广东省, 广东).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from sellerdesk.core import regions
from sellerdesk.core.resources import resources_dir

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class ProvinceShape:
    adcode: str  # 440000
    name: str  # 广东省 (the region table's full name)
    short: str  # 广东
    rings: tuple[Ring, ...]  # outer rings of its polygons (islands included)


@dataclass(frozen=True)
class ChinaMap:
    provinces: tuple[ProvinceShape, ...]
    nanhai: tuple[Ring, ...]  # the 南海诸岛 inset: its frame and the dashes of the boundary line


def _ring(flat: list[float]) -> Ring:
    return tuple((float(flat[i]), float(flat[i + 1])) for i in range(0, len(flat) - 1, 2))


@functools.cache
def china_map() -> ChinaMap:
    doc = json.loads((resources_dir() / "map" / "china_provinces.json").read_text("utf-8"))
    shapes = []
    for item in doc["provinces"]:
        region = regions.get(str(item["adcode"]))
        name = region.name if region else str(item["name"])
        short = region.short if region else str(item["name"])
        shapes.append(ProvinceShape(str(item["adcode"]), name, short, tuple(_ring(r) for r in item["rings"])))
    return ChinaMap(tuple(shapes), tuple(_ring(r) for r in doc["nanhai"]))


def province_code(name: str) -> str:
    """The adcode of a province by full or short name (广东省, 广东); '' when unknown."""
    for region in regions.provinces():
        if name in (region.name, region.short):
            return region.adcode
    return ""
