"""偏远地区: which ship-to places the seller treats as remote (extra freight, no 包邮, …).

There is no official national list; each seller keeps their own. An entry is a province
(新疆维吾尔自治区), a city (海西蒙古族藏族自治州) or a county (四川省甘孜藏族自治州理塘县), typed
in full or short, with or without its parents; ``港澳台`` stands for 香港, 澳门 and 台湾.
:func:`parse_entry` turns one into official :class:`Place` s (or refuses it), and
:func:`is_remote` is the one rule: an address is remote when it lies inside any place.
The store keeps the seller's list and mirrors this rule in SQL for fast filtering.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sellerdesk.core import regions
from sellerdesk.core.text import normalize

GROUP_HMT = "港澳台"
"""The ready option standing for 香港特别行政区, 澳门特别行政区 and 台湾省."""
_HMT_CODES = ("810000", "820000", "710000")

DEFAULT_ENTRIES: tuple[str, ...] = (
    "新疆维吾尔自治区",
    "西藏自治区",
    "青海省",
    "内蒙古自治区",
    "甘肃省",
    "宁夏回族自治区",
)
"""The shipped default list (common practice in shop freight texts)."""

READY_OPTIONS: tuple[str, ...] = (*DEFAULT_ENTRIES, "海南省", GROUP_HMT)
"""What a settings page offers as check boxes; the rest are free entries."""

MAX_ENTRIES = 500


@dataclass(frozen=True, slots=True)
class Place:
    """A region by official names; empty lower levels mean 'all of it'."""

    province: str
    city: str = ""
    district: str = ""

    def contains(self, province: str, city: str, district: str) -> bool:
        if province != self.province:
            return False
        if self.city and city != self.city:
            return False
        return not (self.district and district != self.district)

    @property
    def text(self) -> str:
        return self.province + (self.city if self.city != self.province else "") + self.district


class UnknownEntry(ValueError):
    """An entry that names no region (or several): the settings page shows it, nothing is saved."""

    def __init__(self, entry: str, ambiguous: bool = False) -> None:
        self.entry = entry
        self.ambiguous = ambiguous
        what = "names several regions" if ambiguous else "is not a province, city or county"
        super().__init__(f"Remote area {entry!r} {what}.")


def _place_of(region: regions.Region) -> Place:
    prov, city, dist = regions.path(region.adcode)
    return Place(prov.name if prov else "", city.name if city else "", dist.name if dist else "")


def _split(text: str) -> regions.Region | None:
    """The region ``text`` names: whole (甘孜州, 理塘县), or parents first (四川甘孜理塘县)."""
    whole = regions.find(text)
    if len(whole) == 1:
        return whole[0]
    if len(whole) > 1:
        # one name at several levels or places: keep the highest level when it is alone there
        top = min(r.level for r in whole)
        best = [r for r in whole if r.level == top]
        if len(best) == 1:
            return best[0]
        raise UnknownEntry(text, ambiguous=True)
    found: list[regions.Region] = []
    for parent in _prefixed(text, None):
        found.append(parent)
    unique = {r.adcode: r for r in found}
    if len(unique) == 1:
        return next(iter(unique.values()))
    if len(unique) > 1:
        raise UnknownEntry(text, ambiguous=True)
    return None


def _prefixed(text: str, scope: regions.Region | None) -> Iterable[regions.Region]:
    """Regions named by ``text`` = a child name of ``scope`` (or a province) + the rest inside it."""
    options = regions.children(scope.adcode) if scope is not None else regions.provinces()
    for region in options:
        for name in {region.name, region.short}:
            if name and text.startswith(name):
                rest = text[len(name) :]
                if not rest:
                    yield region
                    continue
                hits = regions.find(rest, parent=region)
                if len(hits) == 1:
                    yield hits[0]
                elif not hits:
                    yield from _prefixed(rest, region)


def parse_entry(entry: str) -> tuple[Place, ...]:
    """The places one list entry stands for; :class:`UnknownEntry` when it names none or several."""
    text = normalize(str(entry)).strip().replace(" ", "")
    if not text:
        raise UnknownEntry(str(entry))
    if text == GROUP_HMT:
        return tuple(Place(regions.get(code).name) for code in _HMT_CODES if regions.get(code) is not None)  # type: ignore[union-attr]
    region = _split(text)
    if region is None:
        raise UnknownEntry(text)
    return (_place_of(region),)


def canonical(entry: str) -> str:
    """How an entry is stored: its official name (新疆 → 新疆维吾尔自治区), 港澳台 as is."""
    places = parse_entry(entry)
    return GROUP_HMT if len(places) > 1 else places[0].text


def places_of(entries: Iterable[str]) -> tuple[Place, ...]:
    """Every place of ``entries``; unreadable entries are skipped (a stored list never breaks a view)."""
    out: dict[Place, None] = {}
    for entry in entries:
        try:
            for place in parse_entry(entry):
                out[place] = None
        except UnknownEntry:
            continue
    return tuple(out)


def is_remote(province: str, city: str, district: str, places: Sequence[Place]) -> bool:
    """Whether the address (official names, as stored) lies inside any of ``places``."""
    province = province or ""
    if not province:
        return False
    return any(place.contains(province, city or "", district or "") for place in places)
