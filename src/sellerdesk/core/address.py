"""Smart paste: turn what a customer typed in WeChat into address fields.

``parse(text)`` steps:

1. normalise (NFKC, radical look-alikes), drop emoji, chatter (麻烦快点发货, （放快递柜）),
   order numbers and 市辖区 noise; mark labels (收货人：, 电话：, 详细地址：);
2. take phones (mobile, then landline with area code) and the postcode out of the text;
3. find the regions with :class:`~sellerdesk.core.region_matcher.RegionMatcher` and fill
   the higher levels from the code;
4. the text after the regions is the detail; the name is a labelled value, a name-like
   piece before or after the address, or a name glued after the house number.

``parse`` never raises: unreadable input gives empty fields and warnings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sellerdesk.core import noise
from sellerdesk.core.person import looks_like_name, split_tail_name
from sellerdesk.core.phones import normalize_phone
from sellerdesk.core.region_matcher import Choice, RegionMatcher
from sellerdesk.core.regions import Region
from sellerdesk.core.text import normalize

__all__ = ["FIELDS", "ParseResult", "format_one_line", "parse", "parse_to_json_dict"]

FIELDS = ("name", "phone", "province", "city", "district", "detail", "postal_code", "adcode")
MAX_INPUT = 2000
"""Longer pastes are cut: no address needs more, and parsing stays fast."""

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_DIGIT = re.compile(r"\D")
_SIX_DIGITS = re.compile(r"\d{6}")
_NINE_DIGITS = re.compile(r"\d{9}")
_EDGE_PUNCT = " -:：.,·_*#>=+\"'"


@dataclass(slots=True)
class ParseResult:
    """Fields found in a pasted address; every field is '' when unknown."""

    name: str = ""
    phone: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    detail: str = ""
    postal_code: str = ""
    adcode: str = ""
    confidence: dict[str, float] = field(default_factory=dict)
    """Field → 0..1; 0 for empty fields."""
    warnings: list[str] = field(default_factory=list)
    """Stable codes: ambiguous_region, no_region, no_phone, multiple_phones, no_name,
    invalid_phone, region_filled_from_code, input_truncated."""
    candidates: list[dict[str, str]] = field(default_factory=list)
    """Other readings when the region is ambiguous: dicts of province, city, district, adcode."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict: the string fields plus confidence, warnings, candidates."""
        out: dict[str, Any] = {name: getattr(self, name) for name in FIELDS}
        out["confidence"] = dict(self.confidence)
        out["warnings"] = list(self.warnings)
        out["candidates"] = [dict(c) for c in self.candidates]
        return out


@lru_cache(maxsize=1)
def _matcher() -> RegionMatcher:
    return RegionMatcher()


def parse(text: object) -> ParseResult:
    """Parse one pasted address (name, phone and address in any order)."""
    try:
        return _parse("" if text is None else str(text))
    except Exception:  # noqa: BLE001 - the contract is "never raises"; report instead
        result = ParseResult()
        result.warnings.append("parse_error")
        return result


def parse_to_json_dict(text: str) -> dict[str, Any]:
    """For ``sellerdesk-cli parse-address``: name, phone, province, city, district, detail …"""
    return parse(text).to_dict()


def _parse(raw: str) -> ParseResult:
    result = ParseResult()
    if len(raw) > MAX_INPUT:
        raw = raw[:MAX_INPUT]
        result.warnings.append("input_truncated")
    text = normalize(raw)
    if not text.isascii() and noise.EMOJI_RE.search(text):
        text = noise.EMOJI_RE.sub(" ", text)
    text = noise.sub_from(noise.CHATTER_RE, noise.CHATTER_STARTS, " ", text)
    if "市辖" in text:
        text = noise.MUNICIPAL_NOISE_RE.sub("", text)
    text = noise.sub_from(noise.LABEL_RE, noise.LABEL_STARTS, _mark_label, text)
    text = _take_phones(text, result)
    text = _take_postcode(text, result)
    if _NINE_DIGITS.search(text):  # LONG_NUMBER_RE needs 9+ digits in a row
        text = noise.sub_from(noise.LONG_NUMBER_RE, noise.LONG_NUMBER_STARTS, " ", text)

    matcher = _matcher()
    choice = matcher.choose(matcher.scan(text))
    _fill_regions(choice, result)
    name_confidence = _split_name_and_detail(text, choice, result)
    _score(choice, result, name_confidence)
    return result


def _mark_label(match: re.Match[str]) -> str:
    return "\n" + noise.NAME_MARK if match.group("name") else "\n"


def _take_phones(text: str, result: ParseResult) -> str:
    """Remove every phone from ``text``; keep the first mobile (else landline)."""
    found: list[str] = []
    # Mobiles: the pattern admits only [+(]86 / 0086 prefixes and 11 digits with spaces
    # or dashes, all of which normalize_phone accepts as that mobile: keep the digits.
    find, match_at = noise.MOBILE_STARTS.search, noise.MOBILE_IN_TEXT_RE.match
    hit = find(text)
    parts: list[str] = []
    done = 0
    while hit is not None:  # Pattern.sub, as in noise.sub_from, without a callback
        pos = hit.start()
        match = match_at(text, pos)
        if match is None:
            hit = find(text, pos + 1)
            continue
        found.append(_NOT_DIGIT.sub("", match.group(1)))
        parts.append(text[done:pos])
        done = match.end()
        hit = find(text, done)
    if parts:
        parts.append(text[done:])
        text = "\n".join(parts)

    if noise.LANDLINE_STARTS.search(text):

        def take(match: re.Match[str]) -> str:
            phone = normalize_phone(match.group(0))
            if phone.valid:
                found.append(phone.value)
                return "\n"
            return match.group(0)

        text = noise.sub_from(noise.LANDLINE_IN_TEXT_RE, noise.LANDLINE_STARTS, take, text)
    if found:  # mobiles were collected first, so a mobile beats a landline
        result.phone = found[0]
        if len(set(found)) > 1:
            result.warnings.append("multiple_phones")
    else:
        result.warnings.append("no_phone")
    return text


def _take_postcode(text: str, result: ParseResult) -> str:
    if not _SIX_DIGITS.search(text):  # a postcode is 6 digits in a row
        return text
    match = None
    for start in noise.POSTCODE_STARTS.finditer(text):
        match = noise.POSTCODE_RE.match(text, start.start())
        if match is not None:
            break
    if match is None:
        return text
    result.postal_code = match.group(0)
    return text[: match.start()] + "\n" + text[match.end() :]


def _fill_regions(choice: Choice, result: ParseResult) -> None:
    best = choice.district or choice.city or choice.province
    if best is None:
        result.warnings.append("no_region")
        return
    result.province = choice.province.name if choice.province else ""
    result.city = choice.city.name if choice.city else ""
    result.district = choice.district.name if choice.district else ""
    result.adcode = best.adcode
    if choice.candidates:
        result.warnings.append("ambiguous_region")
        result.candidates = [_candidate(*c) for c in choice.candidates]
    explicit = choice.explicit
    for level in range(1, best.level + 1):
        if level not in explicit:
            result.warnings.append("region_filled_from_code")
            break


def _candidate(p: Region | None, c: Region | None, d: Region | None) -> dict[str, str]:
    best = d or c or p
    return {
        "province": p.name if p else "",
        "city": c.name if c else "",
        "district": d.name if d else "",
        "adcode": best.adcode if best else "",
    }


def _split_name_and_detail(text: str, choice: Choice, result: ParseResult) -> float:
    """Everything left: the name (labelled, or name-like) and the detail.

    Returns the confidence in the name: 0.95 labelled, 0.85 a separate name-like piece,
    0.7 glued after the house number, 0 when none.
    """
    if choice.start >= 0:
        before, after = text[: choice.start], text[choice.end :]
    else:
        before, after = "", text
    before_tokens = _tokens(before)
    after_tokens = _tokens(after)
    if choice.start < 0:
        before_tokens, after_tokens = [], after_tokens

    name, confidence = "", 0.0
    marked = noise.NAME_MARK in text
    # 1. A labelled name wins.
    for tokens in (before_tokens, after_tokens) if marked else ():
        for i, tok in enumerate(tokens):
            if tok.startswith(noise.NAME_MARK) and not name:
                value = tok.lstrip(noise.NAME_MARK).strip(_EDGE_PUNCT)
                if 0 < len(value) <= 12:
                    name, confidence = value, 0.95
                    tokens[i] = ""
    # 2. A name-like piece before the address, then after it.
    for tokens in (before_tokens, after_tokens):
        if name:
            break
        for i, tok in enumerate(tokens):
            if looks_like_name(tok):
                name, confidence = tok, 0.85
                tokens[i] = ""
                break

    if marked:
        leftovers = [t for t in before_tokens if t and not t.startswith(noise.NAME_MARK)]
        # An empty name label after the address (…1号 收货人： 电话：…) leaves a bare mark.
        detail_parts = [part for part in (t.lstrip(noise.NAME_MARK) for t in after_tokens) if part]
    else:
        leftovers = [t for t in before_tokens if t]
        detail_parts = [t for t in after_tokens if t]
    if choice.start < 0:
        detail_parts = leftovers + detail_parts
    else:
        detail_parts += [t for t in leftovers if _has_address_content(t)]
    detail = _join(detail_parts)
    # 3. A name glued after the house number: …88号林小满
    if not name:
        detail, name = split_tail_name(detail)
        confidence = 0.7 if name else 0.0
    result.name = name
    result.detail = detail.strip(_EDGE_PUNCT)
    if not name:
        result.warnings.append("no_name")
    return confidence


def _tokens(text: str) -> list[str]:
    if not text:
        return []
    return [t for t in [t.strip(_EDGE_PUNCT) for t in noise.TOKEN_RE.findall(text)] if t]


def _has_address_content(token: str) -> bool:
    return any(ch.isdigit() for ch in token) or len(token) > 4


def _join(parts: list[str]) -> str:
    """Join pieces, with a space only where both sides are not Chinese characters."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    out = parts[0]
    for part in parts[1:]:
        if out and not ("\u4e00" <= out[-1] <= "\u9fff" and "\u4e00" <= part[0] <= "\u9fff"):
            out += " "
        out += part
    return out


@lru_cache(maxsize=512)
def _region_confidence(
    full: frozenset[int], explicit: frozenset[int], ambiguous: bool, named: tuple[bool, bool, bool]
) -> tuple[float, float, float, float]:
    """(province, city, district, adcode) confidences; a pure function of a few flags."""
    factor = 0.5 if ambiguous else 1.0
    levels = []
    for level, present in zip((1, 2, 3), named):
        if not present:
            levels.append(0.0)
        elif level in full:
            levels.append(1.0 * factor)
        elif level in explicit:
            levels.append(0.9 * factor)
        else:
            levels.append(0.8 * factor)
    present_levels = [c for c, present in zip(levels, named) if present]
    return levels[0], levels[1], levels[2], (min(present_levels) if present_levels else 0.0)


def _score(choice: Choice, result: ParseResult, name_confidence: float) -> None:
    province, city, district, adcode = _region_confidence(
        frozenset(choice.full_levels), frozenset(choice.explicit), bool(choice.candidates),
        (bool(result.province), bool(result.city), bool(result.district)),
    )
    phone = result.phone
    result.confidence = {
        "province": province,
        "city": city,
        "district": district,
        "adcode": adcode,
        # Phones in the result are normalised already: 11 digits means a mobile.
        "phone": 0.0 if not phone else (1.0 if len(phone) == 11 else 0.9),
        "name": name_confidence,
        "detail": 0.0 if not result.detail else (0.9 if result.adcode else 0.4),
        "postal_code": 0.9 if result.postal_code else 0.0,
    }


def format_one_line(address: Mapping[str, Any] | ParseResult | Any) -> str:
    """'张三 13812345678 广东省深圳市南山区科技园1号' — to paste into a courier's form.

    Accepts a mapping or any object with the fields (``recipient`` or ``name``).
    Municipalities are not doubled (北京市朝阳区…, not 北京市北京市朝阳区…).
    """

    def get(key: str) -> str:
        value = address.get(key) if isinstance(address, Mapping) else getattr(address, key, "")
        return str(value or "").strip()

    name = get("recipient") or get("name")
    province, city, district, detail = get("province"), get("city"), get("district"), get("detail")
    region = province + ("" if city == province else city) + district
    place = region + detail
    return " ".join(part for part in (name, get("phone"), place) if part)
