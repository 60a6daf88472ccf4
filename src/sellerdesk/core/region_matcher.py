"""Find the province / city / county named in free text.

1. :meth:`RegionMatcher.scan` walks the text once, left to right, looking up the longest
   alias (full name, short name, 大理州-style, former name) starting at each position in
   a dict keyed by alias, with the candidate lengths per first character precomputed.
   Hits followed by a street word (北京路, 中山花园, 宜宾南区) are marked as place names.
2. :meth:`RegionMatcher.choose` scores every region named by a hit: each level of its
   chain (province, city, county) that some hit names adds 3 (full name) or 2 (alias);
   hits before the chosen ones that contradict it cost 1.  Higher score wins, then the
   deeper region, then the one starting earlier; equal best regions are the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellerdesk.core import regions as _regions
from sellerdesk.core.regions import Region

_STREET_CHARS = frozenset("路街巷弄")
_SHORT_STREET_CHARS = frozenset("路街巷弄道里村桥")
_STREET_WORDS = frozenset(
    "花园 小区 大道 大街 大厦 公寓 广场 新村 家园 中学 小学 大学 医院 公园 商城 商场 市场 "
    "花苑 名苑 雅苑 山庄 胡同 饭店 酒店 宾馆 银行 公馆 府邸 名城 名都 佳园 华府 "
    "超市 商厦 站前".split()
)
_DIRECTIONS = frozenset("东南西北中")
_DIRECTION_FOLLOWERS = frozenset("路街区门站环桥巷")
_SCAN_LIMIT = 12  # hits considered; an address names its regions early


@dataclass(frozen=True, slots=True)
class Hit:
    """One alias found in the text."""

    start: int
    end: int
    regions: tuple[Region, ...]
    full: bool
    """The text is a region's full official name (not a short form)."""
    place_word: bool
    """Followed by a street word: part of a road or estate name, not the address's region."""


@dataclass(slots=True)
class Choice:
    """The regions chosen for an address and where they sit in the text."""

    province: Region | None = None
    city: Region | None = None
    district: Region | None = None
    start: int = -1
    end: int = -1
    explicit: set[int] = field(default_factory=set)
    """Levels (1–3) named in the text; the others were filled in from the code."""
    full_levels: set[int] = field(default_factory=set)
    """Levels named by their full official name."""
    candidates: list[tuple[Region | None, Region | None, Region | None]] = field(default_factory=list)
    """Other equally good readings (朝阳区 alone: 北京 and 长春)."""


class RegionMatcher:
    """Alias index over the region table; build once, use from any thread."""

    def __init__(self) -> None:
        index: dict[str, list[Region]] = {}
        full: set[str] = set()
        for region in _regions.all_regions():
            full.add(region.name)
            for alias in _regions.aliases_of(region):
                bucket = index.setdefault(alias, [])
                if region not in bucket:
                    bucket.append(region)
        for alias, region in _regions.former_aliases():
            bucket = index.setdefault(alias, [])
            if region not in bucket:
                bucket.append(region)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._chains: dict[str, tuple[Region, ...]] = {}
        self._full = full
        lengths: dict[str, set[int]] = {}
        for alias in index:
            lengths.setdefault(alias[0], set()).add(len(alias))
        self._lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}

    def scan(self, text: str) -> list[Hit]:
        """Longest, non-overlapping alias hits, left to right."""
        hits: list[Hit] = []
        index, lengths, n = self._index, self._lengths, len(text)
        i = 0
        while i < n and len(hits) < _SCAN_LIMIT:
            lens = lengths.get(text[i])
            if lens is None:
                i += 1
                continue
            for size in lens:
                if i + size > n:
                    continue
                alias = text[i : i + size]
                found = index.get(alias)
                if found is None:
                    continue
                end = i + size
                if alias[-1] == "市" and size >= 3:
                    found, alias, end = self._split_shi(text, i, end, found, alias)
                full = alias in self._full
                hit = Hit(i, end, found, full, self._place_word(text, end, full))
                hits.append(hit)
                i = end
                if full and not hit.place_word and all(r.level == 3 for r in found):
                    return hits  # the county closes the region part; the rest is detail
                break
            else:
                i += 1
        return hits

    def _split_shi(
        self, text: str, start: int, end: int, found: tuple[Region, ...], alias: str
    ) -> tuple[tuple[Region, ...], str, int]:
        """济南市中区 → 济南 + 市中区 when 市中区 is a county of the city just named."""
        lens = self._lengths.get("市", ())
        shorter = self._index.get(alias[:-1])
        if not shorter:
            return found, alias, end
        for size in lens:
            child = self._index.get(text[end - 1 : end - 1 + size])
            if size >= 3 and child and any(c.parent in {r.adcode for r in shorter} for c in child):
                return shorter, alias[:-1], end - 1
        return found, alias, end

    @staticmethod
    def _place_word(text: str, end: int, full: bool) -> bool:
        """True when the hit at ``…end`` continues as a road/estate name."""
        nxt = text[end : end + 1]
        if not nxt:
            return False
        if full:  # 中山市场 is a market, 南山区科技园 is still 南山区
            return nxt in _STREET_CHARS or text[end - 1 : end + 1] == "市场"
        if nxt in _SHORT_STREET_CHARS or text[end : end + 2] in _STREET_WORDS:
            return True
        return nxt in _DIRECTIONS and text[end + 1 : end + 2] in _DIRECTION_FOLLOWERS

    def _chain(self, region: Region) -> tuple[Region, ...]:
        """(province, city, county) down to ``region``, cached."""
        chain = self._chains.get(region.adcode)
        if chain is None:
            chain = tuple(r for r in _regions.path(region.adcode) if r is not None)
            self._chains[region.adcode] = chain
        return chain

    def choose(self, hits: list[Hit]) -> Choice:
        """Pick the best-supported region chain among ``hits`` (see module docstring)."""
        usable = [h for h in hits if not h.place_word]
        if not usable:
            return Choice()
        best_key: tuple[float, int, int] | None = None
        best: Region | None = None
        best_used: list[int] = []
        ties: list[Region] = []
        seen: set[str] = set()
        for hit in usable:
            for region in hit.regions:
                if region.adcode in seen:
                    continue
                seen.add(region.adcode)
                chain = self._chain(region)
                score, used = _support(chain, usable)
                key = (score, region.level, -min(usable[u].start for u in used))
                if best_key is None or key > best_key:
                    best_key, best, best_used, ties = key, region, used, [region]
                elif key == best_key:
                    ties.append(region)
        assert best is not None

        choice = Choice()
        chain = self._chain(best)
        choice.province, choice.city, choice.district = _regions.path(best.adcode)
        choice.start = min(usable[u].start for u in best_used)
        choice.end = max(usable[u].end for u in best_used)
        for u in best_used:
            for region in usable[u].regions:
                if region in chain:
                    choice.explicit.add(region.level)
                    if usable[u].full:
                        choice.full_levels.add(region.level)
        if len(ties) > 1:
            choice.candidates = [_regions.path(r.adcode) for r in sorted(ties, key=lambda r: r.adcode)]
        return choice


def _support(chain: tuple[Region, ...], hits: list[Hit]) -> tuple[float, list[int]]:
    """Score of a region chain against ``hits`` and the hit indexes that name it."""
    used: list[int] = []
    score = 0.0
    prev_hit = -1
    for level_region in reversed(chain):  # county first, then city, then province
        for idx, hit in enumerate(hits):
            if level_region not in hit.regions:
                continue
            # One hit names one level, except a municipality's province+city pair (北京).
            if idx in used and not (prev_hit == idx and level_region.is_municipality):
                continue
            # A short county name (南宫, 朝阳) is weaker evidence than a short city name.
            score += 3 if hit.full else (2 if level_region.level < 3 else 1.5)
            used.append(idx)
            prev_hit = idx
            break
    last = max(hits[u].end for u in used)
    for idx, hit in enumerate(hits):
        if hit.end <= last and idx not in used and not any(r in chain for r in hit.regions):
            score -= 1  # a contradicting region named before/among the chosen ones
    return score, used
