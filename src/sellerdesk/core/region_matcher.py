"""Find the province / city / county named in free text.

1. :meth:`RegionMatcher.locate` finds the alias hits (full name, short name, 大理州-style,
   former name) left to right: the longest alias starting at the leftmost position, then
   the same again after its end.  That walk runs in an Aho-Corasick automaton with
   leftmost-longest semantics (``ahocorasick_rs``, Rust), so Python only sees the hits.
   Hits followed by a street word (北京路, 中山花园, 宜宾南区) are place names, not regions;
   a county named in full closes the region part.
2. It then scores every region named by a usable hit: each level of its chain (province,
   city, county) that some hit names adds 3 (full name) or 2 (alias); hits before the
   chosen ones that contradict it cost 1.  Higher score wins, then the deeper region,
   then the one starting earlier; equal best regions are the candidates.  The decision
   depends only on the spellings of the hits in order, so it is cached (bounded,
   :data:`DECISION_CACHE_SIZE`) as a :class:`Reading`: everything the parse result takes
   from the regions (names, code, warnings, candidates, confidences), computed once per
   spelling sequence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, MatchKind

from sellerdesk.core import regions as _regions
from sellerdesk.core.regions import Region

_STREET_CHARS = frozenset("路街巷弄")
_SHORT_STREET_CHARS = frozenset("路街巷弄道里村桥")
_STREET_WORDS = frozenset(
    [
        "花园",
        "小区",
        "大道",
        "大街",
        "大厦",
        "公寓",
        "广场",
        "新村",
        "家园",
        "中学",
        "小学",
        "大学",
        "医院",
        "公园",
        "商城",
        "商场",
        "市场",
        "花苑",
        "名苑",
        "雅苑",
        "山庄",
        "胡同",
        "饭店",
        "酒店",
        "宾馆",
        "银行",
        "公馆",
        "府邸",
        "名城",
        "名都",
        "佳园",
        "华府",
        "超市",
        "商厦",
        "站前",
    ]  # noqa: E501 (one table)
)
_DIRECTIONS = frozenset("东南西北中")
_DIRECTION_FOLLOWERS = frozenset("路街区门站环桥巷")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OWN_LEVELS = ("71", "81", "82")
_SCAN_LIMIT = 12  # hits considered; an address names its regions early
_UNIT_ENDS = frozenset("省市区县旗州盟")
"""How a region's full name ends: 大港区 typed again is no detail, 大港 (大港油田) is."""
_RUN_GAP = 4
"""Characters between two region names of one reading beyond which the gap is looked at
(``_far_apart``): a later name past a house number is in the detail, however it agrees."""
_MAX_GAP = 8
"""Characters between two region names beyond which the later one is part of the detail."""
DECISION_CACHE_SIZE = 8192
"""Region-sequence decisions kept by :meth:`RegionMatcher.locate` (a few MB at most)."""
# After a hit, the characters that may start a street word (see _is_place_after_alias):
# any other next character settles it at once.
_PLACE_STARTS = _SHORT_STREET_CHARS | {w[0] for w in _STREET_WORDS} | _DIRECTIONS
_PLACE_AFTER_FULL = _STREET_CHARS
_PLACE_AFTER_FULL_SHI = _STREET_CHARS | {"场"}

_Path = tuple[Region | None, Region | None, Region | None]
_Record = tuple[str, bool, bool, bool, frozenset[str]]
"""(alias, is a full name, is a county's full name, may hide 市中区-style county, next
characters that can make it a place name)."""


class Reading(NamedTuple):
    """What a parse result takes from its regions; a pure function of the hit spellings."""

    province: str
    city: str
    district: str
    adcode: str
    """Code of the most precise level ('' when no region was found)."""
    warnings: tuple[str, ...]
    """no_region, or ambiguous_region and/or region_filled_from_code, in that order."""
    candidates: tuple[tuple[str, str, str, str], ...]
    """Other equally good readings (朝阳区 alone: 北京 and 长春) as (province, city,
    district, adcode)."""
    confidence: tuple[float, float, float, float]
    """(province, city, district, adcode) confidences."""
    first: int
    """Index (among the usable hits) of the first hit naming the chosen chain."""
    last: int
    """Index of the last one."""
    notes: tuple[str, ...] = ()
    """Old or everyday names read as the current unit: '江干区 → 上城区'."""
    conflicts: tuple[str, ...] = ()
    """Region names among (or before) the chosen ones that name none of its levels (广东省 in
    广东省杭州市西湖区): the text contradicts itself; the parser warns (region_mismatch)."""


NO_REGION = Reading("", "", "", "", ("no_region",), (), (0.0, 0.0, 0.0, 0.0), -1, -1)


class RegionMatcher:
    """Alias index over the region table; build once, use from any thread."""

    def __init__(self) -> None:
        index: dict[str, list[Region]] = {}
        full: set[str] = set()
        for region in _regions.all_regions():
            full.add(region.name)
            # Districts of 香港/澳门/台湾 by their full names only: their short names (大同,
            # 文山, 中山, 凤山) are mainland cities and counties too.
            outside = region.level == 3 and region.adcode[:2] in _OWN_LEVELS
            for alias in (region.name,) if outside else _regions.aliases_of(region):
                bucket = index.setdefault(alias, [])
                if region not in bucket:
                    bucket.append(region)
        former: dict[str, Region] = {}
        for alias, region in _regions.former_aliases():
            bucket = index.setdefault(alias, [])
            if region not in bucket:
                bucket.append(region)
            former[alias] = region
        # A 县 that became a 区 (洞头县 → 洞头区, 武鸣县 → 武鸣区): the old spelling, when
        # no region is called so and the 区 is the only one with that stem.
        stems: dict[str, list[Region]] = {}
        for region in _regions.all_regions():
            if region.level == 3 and region.name[-1] == "区" and len(region.name) >= 3:
                stems.setdefault(region.name[:-1], []).append(region)
        for stem, found in stems.items():
            old = stem + "县"
            if len(found) == 1 and old not in index:
                index[old] = [found[0]]
                former[old] = found[0]
        self._former = former
        self._index = {k: tuple(v) for k, v in index.items()}
        # Every alias has at least 2 characters (names.aliases never strips a name below
        # 2): the scan relies on it (a single character is never a region).
        for alias in index:
            if len(alias) < 2:
                raise ValueError(f"region alias shorter than 2 characters: {alias!r}")
        # The scan runs in the Aho-Corasick automaton (Rust, ahocorasick_rs) with
        # leftmost-longest semantics: the longest alias starting at the leftmost position,
        # then the same again after its end, exactly the left-to-right walk this module
        # describes, without a Python step per character.
        self._aliases = tuple(self._index)
        self._automaton = AhoCorasick(list(self._aliases), matchkind=MatchKind.LeftmostLongest)
        self._shi_sizes = tuple(
            size for size in sorted({len(a) for a in index if a[0] == "市"}, reverse=True) if size >= 3
        )
        # 市中区, 市南区 …: only when one of these follows a "…市" can _split_shi split it.
        self._shi_starts = frozenset(a[:2] for a in index if a[0] == "市" and len(a) >= 3)
        self._codes = {alias: frozenset(r.adcode for r in regions) for alias, regions in self._index.items()}
        # Per region: its (province, city, county) chain, the chain as a set, the path()
        # triple, and whether it is a municipality (province row or its city row).
        self._chains: dict[Region, tuple[Region, ...]] = {}
        self._chain_sets: dict[Region, frozenset[Region]] = {}
        self._paths: dict[Region, tuple[Region | None, Region | None, Region | None]] = {}
        for region in _regions.all_regions():
            path = _regions.path(region.adcode)
            chain = tuple(r for r in path if r is not None)
            self._paths[region] = path
            self._chains[region] = chain
            self._chain_sets[region] = frozenset(chain)
        self._municipal = frozenset(r for r in self._chains if r.is_municipality)
        # Per region, its chain county first as (level region, weight when named by a short
        # alias, is a municipality): what _decide_uncached walks for each candidate.
        self._plans = {
            region: tuple(
                (level_region, 2 if level_region.level < 3 else 1.5, level_region in self._municipal)
                for level_region in reversed(chain)
            )
            for region, chain in self._chains.items()
        }
        county_only = frozenset(a for a, rs in self._index.items() if all(r.level == 3 for r in rs))
        self._full = frozenset(full)
        # Per alias number (the automaton's pattern index), everything the walk needs:
        self._records = tuple(self._record(alias, county_only) for alias in self._aliases)
        self._record_of = dict(zip(self._aliases, self._records))
        # The decision depends only on the spellings of the usable hits, in order (positions
        # only matter through their order).  Customers' addresses name the same few
        # thousand region sequences over and over, so the decision is cached, bounded.
        self._decide = lru_cache(maxsize=DECISION_CACHE_SIZE)(self._decide_uncached)

    def cache_clear(self) -> None:
        """Forget cached decisions (benchmarks measure the uncached path with this)."""
        self._decide.cache_clear()

    def _record(self, alias: str, county_only: frozenset[str]) -> _Record:
        full = alias in self._full
        return (
            alias,
            full,
            full and alias in county_only,
            len(alias) >= 3 and alias[-1] == "市",
            (_PLACE_AFTER_FULL_SHI if alias[-1] == "市" else _PLACE_AFTER_FULL) if full else _PLACE_STARTS,
        )

    def _matches(self, text: str, start: int = 0) -> list[tuple[int, int, int]]:
        """(alias number, start, end) of the leftmost-longest alias hits in text[start:]."""
        part = text[start:] if start else text
        try:
            found = self._automaton.find_matches_as_indexes(part)
        except UnicodeEncodeError:
            # Lone surrogates (JSON "\ud800") cannot go to UTF-8: put a character that is
            # in no alias in their place (same positions, same hits).
            found = self._automaton.find_matches_as_indexes(_SURROGATE.sub("\x00", part))
        if start:
            return [(number, s + start, e + start) for number, s, e in found]
        return found

    def locate(self, text: str) -> tuple[Reading, int, int]:
        """The reading of the regions in ``text`` and the span (start, end) they cover.

        The span is (-1, -1) when no region is named.  The reading is shared between
        calls (cached): it is an immutable tuple.
        """
        try:
            matches = self._automaton.find_matches_as_indexes(text)
        except UnicodeEncodeError:
            matches = self._matches(text)
        if not matches:
            return NO_REGION, -1, -1
        records, n = self._records, len(text)
        spellings: list[str] = []
        spans: list[tuple[int, int]] = []
        seen = 0
        while matches:
            rest, matches = matches, []
            for number, start, end in rest:
                alias, full, closes, split_candidate, place_next = records[number]
                split = False
                if split_candidate and text[end - 1 : end + 1] in self._shi_starts:
                    alias, split_end = self._split_shi(text, end, alias)
                    if split_end != end:  # 济南|市中区: go on from the 市
                        split, end = True, split_end
                        alias, full, closes, split_candidate, place_next = self._record_of[alias]
                # Followed by a street word: part of a road or estate name (北京路, 中山花园,
                # 宜宾南区).  A full name only before 路/街/巷/弄 or as 市场: 中山市场 is a
                # market, 南山区科技园 is still 南山区.
                if spans and start - spans[-1][1] > _MAX_GAP:
                    matches = []  # far after the regions, in the detail: …盛乐校区内蒙古师范大学
                    break
                if not (end < n and text[end] in place_next and (full or _is_place_after_alias(text, end))):
                    spellings.append(alias)
                    spans.append((start, end))
                    if closes:  # a county named in full closes the region part; the rest is detail
                        break
                seen += 1
                if seen == _SCAN_LIMIT:
                    break
                if split:  # the hits after it start from the 市 now
                    matches = self._matches(text, end)
                    break
        if not spellings:
            return NO_REGION, -1, -1
        reading = self._decide(tuple(spellings))
        if not reading[3] and not reading[2]:
            return reading, -1, -1  # candidates only: the region text stays in the detail
        first, last = reading[7], reading[8]
        after = last + 1
        if not reading[2] and after < len(spellings) and spans[after][0] == spans[after - 1][1]:
            reading = self._county_after(reading, spellings[after])
        end = spans[last][1]
        if last > first and spans[last][0] - spans[first][1] > _RUN_GAP:  # not typed together
            for k in range(first, last):
                if spans[k + 1][0] - spans[k][1] > _RUN_GAP and _far_apart(text[spans[k][1] : spans[k + 1][0]]):
                    # 成都市新津县金华镇清云北路2号（四川新津工业园）: 四川 far after the county says the
                    # same province, but the regions typed together end at the county (its last
                    # hit of the reading before the gap); the rest is the detail
                    names = {name for name in reading[:3] if name}
                    while k > first and not any(r.name in names for r in self._index.get(spellings[k], ())):
                        k -= 1
                    end = spans[k][1]
                    break
        return reading, spans[first][0], end

    def _county_after(self, reading: Reading, alias: str) -> Reading:
        """广东省深圳市西湖区: a county of another city named in full right after the city
        read is a contradiction (``conflicts``), not the start of the street. Two-character
        county names (城区, 西区) are everyday words after a city (襄阳市城区): not counted."""
        found = self._index.get(alias, ())
        if (
            len(alias) >= 3
            and alias in self._full
            and found
            and all(r.level == 3 and not _regions.is_within(r, reading[3]) for r in found)
        ):
            return reading._replace(conflicts=(*reading.conflicts, alias))
        return reading

    def _split_shi(self, text: str, end: int, alias: str) -> tuple[str, int]:
        """济南市中区 → 济南 + 市中区 when 市中区 is a county of the city just named."""
        shorter_alias = alias[:-1]
        if not self._index.get(shorter_alias):
            return alias, end
        codes = self._codes[shorter_alias]
        index = self._index
        for size in self._shi_sizes:
            child = index.get(text[end - 1 : end - 1 + size])
            if child:
                for c in child:
                    if c.parent in codes:
                        return shorter_alias, end - 1
        return alias, end

    def _decide_uncached(self, aliases: tuple[str, ...]) -> Reading:
        """The chosen chain for the usable hits spelled ``aliases`` (left to right)."""
        index, full_names = self._index, self._full
        usable = [(index[a], a in full_names) for a in aliases]
        # Which hits name each region, in order.  Its keys are the candidate regions, in
        # the order they are first named.
        where: dict[Region, list[int]] = {}
        for idx, (hit_regions, _full) in enumerate(usable):
            for region in hit_regions:
                if region in where:
                    where[region].append(idx)
                else:
                    where[region] = [idx]
        chain_sets, plans = self._chain_sets, self._plans
        # Hits are left to right and do not overlap, so starts and ends both grow with the
        # index: "starts earliest" is "lowest index", "ends before" is "lower index".
        best_key: tuple[float, int, int] | None = None
        best: Region | None = None
        best_used: list[int] = []
        ties: list[Region] = []
        for region in where:
            # Support: each level of the chain (county first) named by the first hit that
            # names it and is not used yet (a municipality's province+city pair may share
            # one hit: 北京).  A short county name (南宫, 朝阳) is weaker evidence than a
            # short city name.
            used: list[int] = []
            score = 0.0
            prev_hit = -1
            for level_region, short_weight, municipal in plans[region]:
                naming = where.get(level_region)
                if naming is None:
                    continue
                for idx in naming:
                    if idx in used and not (prev_hit == idx and municipal):
                        continue
                    score += 3 if usable[idx][1] else short_weight
                    used.append(idx)
                    prev_hit = idx
                    break
            chain_set = chain_sets[region]
            for idx in range(max(used) + 1):
                if idx not in used and chain_set.isdisjoint(usable[idx][0]):
                    score -= 1  # a contradicting region named before/among the chosen ones
            key = (score, region.level, -min(used))
            if best_key is None or key > best_key:
                best_key, best, best_used, ties = key, region, used, [region]
            elif key == best_key:
                ties.append(region)
        assert best is not None

        chain_set = chain_sets[best]
        last = max(best_used)
        while (
            last + 1 < len(usable)
            and (
                aliases[last + 1] in full_names
                or (aliases[last + 1] in self._former and aliases[last + 1][-1] in _UNIT_ENDS)
            )
            and not chain_set.isdisjoint(usable[last + 1][0])
        ):
            last += 1  # 莱芜市莱城区: a second full name of the same place is no detail
        explicit: set[int] = set()
        full_levels: set[int] = set()
        for u in best_used:
            hit_regions, hit_full = usable[u]
            for region in hit_regions:
                if region in chain_set:
                    explicit.add(region.level)
                    if hit_full:
                        full_levels.add(region.level)
        notes = tuple(
            f"{aliases[u]} → {self._former[aliases[u]].name}" for u in sorted(best_used) if aliases[u] in self._former
        )
        conflicts = tuple(
            aliases[idx]
            for idx in range(max(best_used) + 1)
            if idx not in best_used
            and chain_set.isdisjoint(usable[idx][0])
            and all(r.level < 3 for r in usable[idx][0])  # 南宫雪 (a name), 高新西区: a county's short name is no claim
        )
        paths = self._paths
        ties_paths = tuple(paths[r] for r in sorted(ties, key=lambda r: r.adcode)) if len(ties) > 1 else ()
        province, city, district = paths[best]
        adcode = best.adcode
        if ties_paths and best.level == 3 and explicit == {3}:
            # A lone 西湖区 (杭州, 南昌 …): the district is certain, its city is not; a lone
            # 东乡 (东乡区, 东乡族自治县): not even the district.
            province = city = None
            adcode = ""
            if any(path[2] is None or path[2].name != best.name for path in ties_paths):
                district = None
        warnings = ["ambiguous_region"] if ties_paths else []
        if adcode and not explicit.issuperset(range(1, best.level + 1)):
            warnings.append("region_filled_from_code")
        if notes:
            warnings.append("former_name")
        return Reading(
            province.name if province else "",
            city.name if city else "",
            district.name if district else "",
            adcode,
            tuple(warnings),
            tuple([_names(*path) for path in ties_paths]) if ties_paths else (),
            _region_confidence(
                full_levels, explicit, bool(ties_paths), (province is not None, city is not None, district is not None)
            ),
            min(best_used),
            last,
            notes,
            () if ties_paths else conflicts,
        )


_SEPARATORS = re.compile(r"[\s,;|/，；、。:：()（）\[\]【】-]+")


def _far_apart(gap: str) -> bool:
    """Text between two region names that makes the later one part of the detail: a house
    number (金华镇清云北路2号（) or more than four other characters; spaces and punctuation
    between levels (浙江省   宁波市, 北京市 / 朝阳区) and a slip (澳门特别政区氹仔) do not."""
    words = _SEPARATORS.sub("", gap)
    return len(words) > 4 or any(ch.isdigit() for ch in words)


def _is_place_after_alias(text: str, end: int) -> bool:
    """After a short alias (not a full name): 北京路, 中山花园, 宜宾南区, 新村, 桥 …"""
    nxt = text[end]
    return (
        nxt in _SHORT_STREET_CHARS
        or text[end : end + 2] in _STREET_WORDS
        or (nxt in _DIRECTIONS and text[end + 1 : end + 2] in _DIRECTION_FOLLOWERS)
    )


def _names(p: Region | None, c: Region | None, d: Region | None) -> tuple[str, str, str, str]:
    """(province, city, district, adcode) of a candidate reading."""
    best = d or c or p
    return (p.name if p else "", c.name if c else "", d.name if d else "", best.adcode if best else "")


def _region_confidence(
    full: set[int], explicit: set[int], ambiguous: bool, named: tuple[bool, bool, bool]
) -> tuple[float, float, float, float]:
    """(province, city, district, adcode) confidences.

    1.0 for a level named by its full name, 0.9 for one named by an alias, 0.8 for one
    filled in from the code, halved when the reading is ambiguous; the code gets the
    lowest of the levels present.
    """
    factor = 0.5 if ambiguous else 1.0
    confidences = [0.0, 0.0, 0.0]
    lowest = None
    for level in (1, 2, 3):
        if named[level - 1]:
            value = 1.0 * factor if level in full else (0.9 * factor if level in explicit else 0.8 * factor)
            confidences[level - 1] = value
            if lowest is None or value < lowest:
                lowest = value
    return confidences[0], confidences[1], confidences[2], (0.0 if lowest is None else lowest)
