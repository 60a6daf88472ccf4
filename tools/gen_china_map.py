"""Generate resources/map/china_provinces.json: China's 34 provincial units as small outlines.

Source: the npm package ``echarts`` 4.9.0 (Apache-2.0), ``map/json/china.json`` (34 features:
every province, autonomous region, municipality and SAR, 台湾/香港/澳门 included; coordinates
WGS-84-ish lon/lat, encoded as ECharts' zig-zag character deltas), and the 南海诸岛 inset with its
dashes from ``src/coord/geo/fix/nanhai.js`` of the same package. See resources/map/SOURCE.md.

    npm pack echarts@4.9.0 && python tools/gen_china_map.py echarts-4.9.0.tgz

Reshaping:
- decoded as ECharts' ``parseGeoJson.decodePolygon`` does (scale 1024);
- each ring simplified with Douglas-Peucker at TOLERANCE degrees, rings whose bounding box is
  smaller than MIN_RING degrees dropped (specks of islands), but never a province's largest ring
  (澳门 stays);
- coordinates rounded to 0.01 degree and written as flat [lon, lat, lon, lat, …] lists.
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "map" / "china_provinces.json"
TOLERANCE = 0.04
MIN_RING = 0.12

# nanhai.js: the inset's frame and dashes, in its units; placed as ECharts places it.
NANHAI_ORIGIN = (126.0, 25.0)
NANHAI_POINTS = [
    [[0, 3.5], [7, 11.2], [15, 11.9], [30, 7], [42, 0.7], [52, 0.7], [56, 7.7], [59, 0.7], [64, 0.7], [64, 0], [5, 0],
     [0, 3.5]],
    [[13, 16.1], [19, 14.7], [16, 21.7], [11, 23.1], [13, 16.1]],
    [[12, 32.2], [14, 38.5], [15, 38.5], [13, 32.2], [12, 32.2]],
    [[16, 47.6], [12, 53.2], [13, 53.2], [18, 47.6], [16, 47.6]],
    [[6, 64.4], [8, 70], [9, 70], [8, 64.4], [6, 64.4]],
    [[23, 82.6], [29, 79.8], [30, 79.8], [25, 82.6], [23, 82.6]],
    [[37, 70.7], [43, 62.3], [44, 62.3], [39, 70.7], [37, 70.7]],
    [[48, 51.1], [51, 45.5], [53, 45.5], [50, 51.1], [48, 51.1]],
    [[51, 35], [51, 28.7], [53, 28.7], [53, 35], [51, 35]],
    [[52, 22.4], [55, 17.5], [56, 17.5], [53, 22.4], [52, 22.4]],
    [[58, 12.6], [62, 7], [63, 7], [60, 12.6], [58, 12.6]],
    [[0, 3.5], [0, 93.1], [64, 93.1], [64, 0], [63, 0], [63, 92.4], [1, 92.4], [1, 3.5], [0, 3.5]],
]  # fmt: skip


def decode_ring(text: str, offsets: list[int], scale: float = 1024) -> list[tuple[float, float]]:
    out = []
    px, py = offsets
    for i in range(0, len(text), 2):
        x = ord(text[i]) - 64
        y = ord(text[i + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        px += x
        py += y
        out.append((px / scale, py / scale))
    return out


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return float(((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker (iterative)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        best, index = 0.0, -1
        for i in range(start + 1, end):
            d = _distance(points[i], points[start], points[end])
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack.extend(((start, index), (index, end)))
    return [p for p, k in zip(points, keep) if k]


def _extent(ring: list[tuple[float, float]]) -> float:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _flat(ring: list[tuple[float, float]]) -> list[float]:
    return [round(v, 2) for p in ring for v in p]


def main(tgz: str) -> None:
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/map/json/china.json")
        assert member is not None
        data = json.load(member)
    provinces = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        rings_in: list[tuple[str, list[int]]] = []
        if geometry["type"] == "Polygon":
            rings_in = list(zip(geometry["coordinates"], geometry["encodeOffsets"]))
        else:
            for polygon, offsets in zip(geometry["coordinates"], geometry["encodeOffsets"]):
                rings_in.extend(zip(polygon, offsets))
        rings = [decode_ring(text, offsets) for text, offsets in rings_in]
        largest = max(rings, key=_extent)
        kept = []
        for ring in rings:
            if ring is not largest and _extent(ring) < MIN_RING:
                continue
            small = simplify(ring, TOLERANCE if _extent(ring) > 1 else TOLERANCE / 4)
            if len(small) >= 3:
                kept.append(_flat(small))
        props = feature["properties"]
        provinces.append({"adcode": props["id"], "name": props["name"], "rings": kept})
    provinces.sort(key=lambda p: p["adcode"])
    nanhai = [
        _flat([(NANHAI_ORIGIN[0] + x / 10.5, NANHAI_ORIGIN[1] - y / (10.5 / 0.75)) for x, y in ring])
        for ring in NANHAI_POINTS
    ]
    doc = {
        "source": "echarts 4.9.0 (npm, Apache-2.0): map/json/china.json, src/coord/geo/fix/nanhai.js",
        "provinces": provinces,
        "nanhai": nanhai,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for p in provinces for r in p["rings"])
    print(f"{OUT}: {len(provinces)} provinces, {points} points, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
