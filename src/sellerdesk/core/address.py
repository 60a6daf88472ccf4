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

from sellerdesk.core import noise, regions
from sellerdesk.core.fields import place_text
from sellerdesk.core.person import COMPOUND_SURNAMES, looks_like_name, split_tail_name
from sellerdesk.core.phones import normalize_phone
from sellerdesk.core.region_matcher import RegionMatcher
from sellerdesk.core.text import normalize, to_simplified

__all__ = ["FIELDS", "ParseResult", "format_one_line", "parse", "parse_to_json_dict"]

FIELDS = ("name", "phone", "province", "city", "district", "detail", "postal_code", "adcode")
MAX_INPUT = 2000
"""Longer pastes are cut: no address needs more, and parsing stays fast."""

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SIX_DIGITS = re.compile(r"\d{6}")
_NINE_DIGITS = re.compile(r"\d{9}")
_EDGE_PUNCT = noise.EDGE_PUNCT


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
    invalid_phone, region_filled_from_code, input_truncated, former_name (an old or everyday
    region name read as the current unit, see notes), region_typo (a one-character slip in a
    region name), phone_extension (see notes), buried_mobile (a mobile inside a longer digit
    run, left alone), traditional_converted, region_mismatch (a named region that does not
    belong with the others: 广东省 with 杭州市; see notes and as_typed), delivery_remark (see
    remarks), order_text (goods, prices, amount or 已转账 left out of the address, see notes),
    foreign_phone (a +852/+853/+886 or other non-mainland number was taken as the phone)."""
    candidates: list[dict[str, str]] = field(default_factory=list)
    """Other readings when the region is ambiguous: dicts of province, city, district, adcode."""
    notes: list[str] = field(default_factory=list)
    """What the parser read differently from the text: '江干区 → 上城区' (an old name), a
    phone's extension ('分机 8888'), a region that contradicts the others ('广东省 ≠ 浙江省杭州市'),
    and every piece taken out of the address: the remarks below and order talk ('一共99元')."""
    remarks: list[str] = field(default_factory=list)
    """The customer's delivery remarks, taken out of the address (备注：不要放门口 → '不要放门口',
    '放门口就行', '公司地址 工作日收'): for a notes field; also in ``notes``."""
    as_typed: dict[str, str] = field(default_factory=dict)
    """The region levels the text named differently from the reading (广东省杭州市西湖区 →
    ``{'province': '广东省'}``, warning region_mismatch): what "saved as typed" stores."""
    aside: list[str] = field(default_factory=list)
    """The order talk taken out of the address (goods, prices, 已转账: warning order_text); also
    in ``notes``."""

    def address_fields(self) -> dict[str, str]:
        """This reading as the fields of a stored address (the one mapping from a parse result:
        the editor, the CLI and the importer all take it): the name is the recipient."""
        return {
            "recipient": self.name,
            "phone": self.phone,
            "province": self.province,
            "city": self.city,
            "district": self.district,
            "detail": self.detail,
            "postal_code": self.postal_code,
            "adcode": self.adcode,
        }

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict: the string fields plus confidence, warnings, candidates."""
        out: dict[str, Any] = {name: getattr(self, name) for name in FIELDS}
        out["confidence"] = dict(self.confidence)
        out["warnings"] = list(self.warnings)
        out["candidates"] = [dict(c) for c in self.candidates]
        out["notes"] = list(self.notes)
        out["remarks"] = list(self.remarks)
        out["as_typed"] = dict(self.as_typed)
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
    warnings: list[str] = []
    notes: list[str] = []
    if len(raw) > MAX_INPUT:
        raw = raw[:MAX_INPUT]
        warnings.append("input_truncated")
    text = normalize(raw)
    typed = read = ""
    if not text.isascii():
        simplified = to_simplified(text)
        if simplified != text:
            # Read in simplified characters; the name and detail keep what was typed.
            if len(simplified) == len(text):
                typed, read = text, simplified
            text = simplified
            warnings.append("traditional_converted")
    if ":" in text and _CLOCK.search(text) is not None:  # a chat header copied with the message
        if "\n" in text:  # on a line of its own (小雨 12-05 20:31)
            text = noise.CHAT_HEADER_RE.sub("", text)
        text = noise.CHAT_HEADER_INLINE_RE.sub("", text)  # the message after it (小雨 20:31 张三 …)
    if not text.isascii() and noise.EMOJI_RE.search(text):
        text = noise.EMOJI_RE.sub(" ", text)
    remarks: list[str] = []
    if noise.REMARK_HINT_RE.search(text) is not None:
        text = _take_remarks(text, remarks)
        if remarks:
            warnings.append("delivery_remark")
    aside: list[str] = []
    if noise.ORDER_TALK_HINT_RE.search(text) is not None:
        text = _take_order_talk(text, aside)
        if aside:
            warnings.append("order_text")
    if ":" in text and ("寄" in text or "发" in text or "送到" in text or "邮到" in text):
        text = noise.REQUEST_LABEL_RE.sub("\n", text)  # 麻烦寄到：江西省… (no name)
    text = noise.CHATTER_FAST_RE.sub(" ", text)
    if "市辖" in text:
        text = noise.MUNICIPAL_NOISE_RE.sub("", text)
    if "【" in text or "[" in text:
        text = noise.BRACKET_LABEL_RE.sub(r"\1：", text)
    text = noise.LABEL_FAST_RE.sub(_mark_label, text)
    text, phone = _take_phones(text, warnings, notes)
    if "*" in text and noise.MASKED_MOBILE_RE.search(text) is not None:
        # 158********, 138****5678 (a shop's copy hides the number): no address; kept in the notes
        notes += noise.MASKED_MOBILE_RE.findall(text)
        text = noise.MASKED_MOBILE_RE.sub("\n", text)
    postcode = None
    if _SIX_DIGITS.search(text):  # a postcode has 6 digits in a row, a long number 9+
        if noise.PLACEHOLDER_POSTCODE_RE.search(text) is not None:  # 000000: no postcode
            text = noise.PLACEHOLDER_POSTCODE_RE.sub("\n", text)
        match = noise.POSTCODE_FAST_RE.search(text)
        if match is not None:
            text = text[: match.start()] + "\n" + text[match.end() :]
            postcode = match.group(0)
        if _NINE_DIGITS.search(text):
            if noise.BURIED_MOBILE_RE.search(text) is not None:  # the phones are out already
                warnings.append("buried_mobile")
            text = noise.sub_from(noise.LONG_NUMBER_RE, noise.LONG_NUMBER_STARTS, " ", text)

    chat = noise.CHAT_HINT_RE.search(text) is not None and noise.CHAT_PIECE_RE.search(text) is not None
    if chat or "。" in text or "!" in text or "?" in text:
        text = _take_chat(text, remarks, aside)
    if remarks:
        if "delivery_remark" not in warnings:
            warnings.append("delivery_remark")
        remarks = [_remark_as_typed(remark, raw) for remark in remarks]
    if aside and "order_text" not in warnings:
        warnings.append("order_text")

    if "、" in text:  # 1号、2号: a list of house numbers is one piece of the detail
        text = _HOUSE_LIST.sub(_LIST_MARK, text)
    reading, start, end = _matcher().locate(text)
    warnings += reading[4]
    name, name_confidence, detail = _split_name_and_detail(text, start, end)
    if reading[2] and detail.startswith(reading[2]):  # 桂东县桂东县清泉镇: typed twice
        detail = detail[len(reading[2]) :].lstrip(_EDGE_PUNCT)
    if not name:
        warnings.append("no_name")
    if typed:
        name, detail = _as_typed(name, read, typed), _as_typed(detail, read, typed)
    if _LIST_MARK in detail:
        detail = detail.replace(_LIST_MARK, "、")
    if "(" in detail or ")" in detail:  # （四川新津工业园）: the brackets as typed
        detail = _brackets_as_typed(detail, raw)
    adcode = reading[3]
    province, city, district, adcode_confidence = reading[6]
    if start > 0 and text[start - 1] in "市省" and reading[1]:
        slip = _slipped_name(text, start, reading[0], reading[1])
        if slip:  # 郑洲市金水区: read as 郑州市 (the district settles it), but say so
            warnings.append("region_typo")
            notes.append(slip)
            province, city = min(province, 0.6), min(city, 0.6)
    confidence = {
        "province": province,
        "city": city,
        "district": district,
        "adcode": adcode_confidence,
        # Phones in the result are normalised already: 11 digits means a mobile.
        "phone": 0.0 if not phone else (1.0 if len(phone) == 11 else 0.9),
        "name": name_confidence,
        "detail": 0.0 if not detail else (0.9 if adcode else 0.4),
        "postal_code": 0.9 if postcode else 0.0,
    }
    if reading[9]:
        notes += reading[9]
    as_typed: dict[str, str] = {}
    if reading.conflicts:
        as_typed = _typed_levels(reading.conflicts)
        if as_typed:
            warnings.append("region_mismatch")
            chosen = "".join(dict.fromkeys(n for n in reading[:3] if n))
            notes.append(f"{'、'.join(reading.conflicts)} ≠ {chosen}")
            for level in as_typed:
                confidence[level] = min(confidence[level], 0.3)
    notes += remarks + aside
    return ParseResult(
        name,
        phone,
        reading[0],
        reading[1],
        reading[2],
        detail,
        postcode or "",
        adcode,
        confidence,
        warnings,
        [dict(zip(_CANDIDATE_KEYS, c)) for c in reading[5]] if reading[5] else [],
        notes,
        remarks,
        as_typed,
        aside,
    )


def _remark_as_typed(remark: str, raw: str) -> str:
    """``remark`` (read from the normalised text: full-width punctuation made ASCII) in the
    characters the customer typed — 放快递柜，别打电话, not 放快递柜,别打电话 — when the
    normalised text lines up with what was typed character by character; else as read."""
    typed = normalize(raw)
    if len(typed) != len(raw):
        return remark
    at = typed.find(remark)
    return raw[at : at + len(remark)] if at >= 0 else remark


def _cut_at_next_field(value: str) -> tuple[str, str]:
    """A remark or goods line running to the end of the line, cut where the next field
    starts (a label such as 收货人：, a phone, a region): (its own words, the rest)."""
    ends = [m.start() for m in (noise.LABEL_FAST_RE.search(value), noise.MOBILE_SPLIT_RE.search(value)) if m]
    region_start = _matcher().locate(value)[1]
    if region_start >= 0:  # 备注：不要放门口 北京市朝阳区…: the address goes on
        ends.append(region_start)
    if not ends:
        return value, ""
    end = min(ends)
    return value[:end], value[end:]


_HOLDS_A_FIELD = re.compile("|".join(noise.NAME_LABELS) + r"|\d{7}")


def _take_remarks(text: str, remarks: list[str]) -> str:
    """Take the delivery remarks out of ``text`` (see noise.REMARK_RE) into ``remarks``."""

    def take(match: re.Match[str]) -> str:
        words, rest = match.group(0), ""
        if match.group("label") is not None:
            own, rest = _cut_at_next_field(match.group("label"))
            words = own
        elif match.group("bracket") is not None:
            words = match.group("bracket")
            if _HOLDS_A_FIELD.search(words):
                # (电话：138… 工作日收): the brackets go (the chatter would drop them whole, phone
                # and all); the fields stay, a remark inside is still taken
                return " " + noise.REMARK_RE.sub(take, words) + " "
        words = words.strip(_EDGE_PUNCT + "()[]【】{}<>")
        if words:
            remarks.append(words)
        return "\n" + rest

    return noise.REMARK_RE.sub(take, text)


def _take_order_talk(text: str, aside: list[str]) -> str:
    """Take goods, prices, the amount and 已转账 out of ``text`` (noise.ORDER_TALK_RE) into
    ``aside``: the order dialog reads them, the address never holds them."""

    def take(match: re.Match[str]) -> str:
        words, rest = match.group(0), ""
        if match.group("line") is not None:
            own, rest = _cut_at_next_field(match.group("line"))
            words = words[: match.start("line") - match.start()] + own
        words = words.strip(_EDGE_PUNCT + ",，;；")
        if words:
            aside.append(words)
        return "\n" + rest

    return noise.ORDER_TALK_RE.sub(take, text)


_HOUSE_LIST = re.compile(r"(?<=[号室栋幢楼层座])、(?=\d)")
_LIST_MARK = "\x02"
"""Stands for the 、 of a list of house numbers (1号、2号) while the text is cut into pieces."""
_CLOCK = re.compile(r":(?<=\d:)\d\d")
"""A clock time's colon (20:31), written to start with the colon so that ``re`` skips to it."""
_CLAUSE_SPLIT = re.compile(r"([\n,;|/，；、。!！?？~]+)")
_I_AM = re.compile(r"(?:我是|我叫|本人)(\S{1,6})")


def _take_chat(text: str, remarks: list[str], aside: list[str]) -> str:
    """Take the chat beside the address out of ``text``: each run of pieces side by side on a
    line (between separators; pieces are split at spaces) that are chat (noise.CHAT_PIECE_RE)
    with no address content and no region.  A run about the goods (我要两盒面膜) goes to
    ``aside``, one about the delivery (到了告诉我, 送货时间 18:00, 周六18:00前送到) to ``remarks``;
    a time stamp alone (20:31) and other chat (好的呀) are dropped.  我是张三 leaves 张三."""
    clauses = _CLAUSE_SPLIT.split(text)
    changed = False
    for c in range(0, len(clauses), 2):
        clause = clauses[c]
        if c and _SENTENCE_END.search(clauses[c - 1]) is not None and _is_aside_sentence(clause):
            remarks.append(clause.strip())  # 吉泰路1号。后面的文本是用于结尾断字测试: no address
            clauses[c] = ""
            changed = True
            continue
        if noise.CHAT_PIECE_RE.search(clause) is None and "我是" not in clause and "我叫" not in clause:
            continue
        pieces = clause.split()
        kept: list[str] = []
        run: list[str] = []
        for piece in pieces:
            if _is_chat(piece):
                run.append(piece)
                continue
            if run:
                _file_chat(" ".join(run), remarks, aside)
                run = []
                kept.append("\n")
            i_am = _I_AM.fullmatch(piece)
            kept.append(i_am.group(1) if i_am is not None else piece)
        if run:
            words = " ".join(run)
            if kept and noise.CLOCK_ONLY_RE.fullmatch(words) is not None and _name_slot(kept[-1], True):
                kept.pop()  # 建国路88号 小雨 20:31: a chat header's sender and time, the newline lost
            _file_chat(words, remarks, aside)
        new = " ".join(kept)
        if new != " ".join(pieces):
            clauses[c] = new
            changed = True
    return "".join(clauses) if changed else text


_SENTENCE_END = re.compile(r"[。!?]")
_TITLE = re.compile("先生|女士|小姐|老师|师傅|同学|收$")


def _is_aside_sentence(clause: str) -> bool:
    """A sentence after a full stop that holds no address: six Chinese characters or more, no
    digit, no place word (noise.PLACE_HINT_RE), no region, no label."""
    if len(_CJK.findall(clause)) < 6 or noise.NAME_MARK in clause or any(map(str.isdigit, clause)):
        return False
    if noise.PLACE_HINT_RE.search(clause) is not None or _TITLE.search(clause) is not None:
        return False
    if any(looks_like_name(piece) for piece in clause.split()):
        return False  # 。张三丰先生收, 。扈先生 申屠小姐: the name
    return _matcher().locate(clause)[1] < 0


_WEEKDAY = re.compile("(?:周|星期|礼拜)[一二三四五六日天末]")
"""A weekday alone (周六 18:00前送到): chat beside other chat on its line."""


def _is_chat(piece: str) -> bool:
    if noise.NAME_MARK in piece:
        return False
    if noise.CHAT_PIECE_RE.search(piece) is None and _WEEKDAY.fullmatch(piece) is None:
        return False
    if noise.ADDRESS_CONTENT_RE.search(piece) is not None or _I_AM.fullmatch(piece) is not None:
        return False
    return _matcher().locate(piece)[1] < 0


_LEFT_OF_A_REMARK = frozenset(["到了", "到时", "到时候", "麻烦", "请", "快递"])
"""What a remark taken out leaves beside it (到了|放门卫, 快递|放门口就行): no remark of its own."""


def _file_chat(words: str, remarks: list[str], aside: list[str]) -> None:
    if words in _LEFT_OF_A_REMARK or noise.CLOCK_ONLY_RE.fullmatch(words) is not None:
        return
    if noise.ORDER_PIECE_RE.search(words) is not None:
        aside.append(words)
    elif noise.REMARK_PIECE_RE.search(words) is not None:
        remarks.append(words)


def _typed_levels(conflicts: tuple[str, ...]) -> dict[str, str]:
    """The levels named by region hits that contradict the reading: {'province': '广东省'}
    (a hit naming regions of several levels, or several regions of one level, says nothing
    sure and is left out)."""
    out: dict[str, str] = {}
    for alias in conflicts:
        found = regions.find(alias)
        names = {(r.level, r.name) for r in found}
        if len(names) == 1:
            level, name = names.pop()
            out.setdefault(_LEVEL_FIELDS[level], name)
    return out


_LEVEL_FIELDS = {1: "province", 2: "city", 3: "district"}
_EXTENSION_STARTS = frozenset("-转分eE#")
"""What an extension right after a mobile starts with (a space before it: not read as one)."""
_CANDIDATE_KEYS = ("province", "city", "district", "adcode")


_NAME_LABEL_MARK = "\n" + noise.NAME_MARK


def _mark_label(match: re.Match[str]) -> str:
    return _NAME_LABEL_MARK if match.group().startswith(noise.NAME_LABELS) else "\n"


def _take_phones(text: str, warnings: list[str], notes: list[str]) -> tuple[str, str]:
    """Remove every phone from ``text``; return it and the first mobile (else landline,
    else service number).  An extension after a mobile goes to ``notes``."""
    found: list[str] = []
    # Mobiles: the pattern admits only [+(]86 / 0086 prefixes and 11 digits with spaces
    # or dashes, all of which normalize_phone accepts as that mobile: keep the digits.
    # split() gives the text between mobiles and, per mobile, its two groups (the
    # number after a prefix, or the number without its leading 1).
    pieces = noise.MOBILE_SPLIT_RE.split(text)
    if len(pieces) > 1:
        for i in range(1, len(pieces), 3):
            digits = pieces[i]
            if digits is None:
                digits = "1" + pieces[i + 1]
            if len(digits) != 11:  # digits with whitespace or dashes between them
                digits = "".join(digits.replace("-", " ").split())
            found.append(digits)
            after = pieces[i + 2]
            if after and after[0] in _EXTENSION_STARTS:
                ext = noise.EXTENSION_AFTER_RE.match(after)
                if ext is not None:
                    pieces[i + 2] = after[ext.end() :]
                    if "phone_extension" not in warnings:
                        warnings.append("phone_extension")
                    notes.append(f"{digits} 分机 {ext.group(1)}")
        text = "\n".join(pieces[::3])
    if noise.LANDLINE_FAST_RE.search(text) is not None:
        text = _take_landlines(text, found)
    if ("852" in text or "853" in text or "886" in text) and noise.FOREIGN_PHONE_RE.search(text) is not None:
        text = _take_foreign_phones(text, found, warnings)
    if "09" in text and noise.TAIWAN_MOBILE_RE.search(text) is not None:
        text = _take_taiwan_mobiles(text, found, warnings)
    if ("400" in text or "800" in text) and noise.SERVICE_FAST_RE.search(text) is not None:
        text = _take_landlines(text, found, noise.SERVICE_FAST_RE)
    if found:  # mobiles were collected first, so a mobile beats a landline
        if len(found) > 1 and len(set(found)) > 1:
            warnings.append("multiple_phones")
        return text, found[0]
    warnings.append("no_phone")
    return text, ""


def _take_foreign_phones(text: str, found: list[str], warnings: list[str]) -> str:
    """Replace each +852 / +853 / +886 number by a newline and add it to ``found`` as
    '+852 91234567' (the form ``normalize_phone`` accepts as a valid international number);
    one that is no valid number of its place is taken all the same (it is no address) and
    warned about (invalid_phone)."""

    def take(match: re.Match[str]) -> str:
        digits = "".join(ch for ch in match.group("number") if ch.isdigit())
        value = f"+{match.group('cc')} {digits.lstrip('0')}"
        found.append(value)
        if "foreign_phone" not in warnings:
            warnings.append("foreign_phone")
        if not normalize_phone(value).valid and "invalid_phone" not in warnings:
            warnings.append("invalid_phone")
        return "\n"

    return noise.FOREIGN_PHONE_RE.sub(take, text)


def _take_taiwan_mobiles(text: str, found: list[str], warnings: list[str]) -> str:
    """Replace each Taiwan mobile written without +886 by a newline and add it to ``found`` as
    '+886 912345678', as if typed with the country code (foreign_phone says so)."""

    def take(match: re.Match[str]) -> str:
        digits = "".join(ch for ch in match.group(0) if ch.isdigit())
        found.append(f"+886 {digits[1:]}")
        if "foreign_phone" not in warnings:
            warnings.append("foreign_phone")
        return "\n"

    return noise.TAIWAN_MOBILE_RE.sub(take, text)


def _take_landlines(text: str, found: list[str], pattern: re.Pattern[str] = noise.LANDLINE_FAST_RE) -> str:
    """Replace each valid landline (with area code; or service number, ``pattern``) by a
    newline and add it to ``found``."""

    def take(match: re.Match[str]) -> str:
        phone = normalize_phone(match.group(0))
        if phone.valid:
            found.append(phone.value)
            return "\n"
        return match.group(0)

    return pattern.sub(take, text)


def _split_name_and_detail(text: str, start: int, end: int) -> tuple[str, float, str]:
    """Everything left around the regions at ``start:end``: (name, its confidence, detail).

    The name is labelled, or name-like; the confidence is 0.95 labelled, 0.85 a separate
    name-like piece, 0.7 glued after the house number, 0 when none.
    """
    # The pieces between separators, stripped of edge punctuation, empty ones dropped.
    tokens = noise.STRIPPED_TOKEN_RE.findall
    if start >= 0:
        before_tokens = tokens(text, 0, start) if start else []
        after_tokens = tokens(text, end)
    else:
        before_tokens, after_tokens = [], tokens(text)

    name, confidence = "", 0.0
    marked = noise.NAME_MARK in text
    # 1. A labelled name wins.
    if marked:
        for pieces in (before_tokens, after_tokens):
            for i, tok in enumerate(pieces):
                if tok[0] == noise.NAME_MARK:
                    value = tok.lstrip(noise.NAME_MARK).strip(_EDGE_PUNCT)
                    if 0 < len(value) <= 12:
                        j = i + 1  # Name: Lily Wang — Latin words in a row are one name
                        while value.isascii() and j < i + 3 and j < len(pieces) and _name_word(pieces[j]):
                            j += 1
                        name, confidence = " ".join([value, *pieces[i + 1 : j]]), 0.95
                        del pieces[i:j]
                        break
            if name:
                break
    # 2. A name-like piece before the address, then after it; not the piece glued to the
    # regions (江西省抚州市临川区公安宿舍, 重庆解放碑: the start of the address body).
    if not name:
        for i, tok in enumerate(before_tokens):
            if looks_like_name(tok) and not _is_place_piece(tok) and tok not in noise.COUNTRY_WORDS:
                name, confidence = tok, 0.85
                del before_tokens[i]
                break
        if not name and after_tokens:
            glued = 0 < end < len(text) and text[end] not in _NOT_GLUED
            for i in range(glued, len(after_tokens)):
                tok = after_tokens[i]
                if looks_like_name(tok) and not _is_place_piece(tok) and tok not in noise.COUNTRY_WORDS:
                    name, confidence = tok, 0.85
                    del after_tokens[i]
                    break
            # …and the glued piece when there is no other: a name typed right after the
            # regions (广州市天河区李四, 冷小姐), not a longer word (公安宿舍)
            if not name and glued and _glued_name(after_tokens[0]):
                name, confidence = after_tokens.pop(0), 0.85
    # 3. Structure: a separate piece that is not the phone, not a region and not the body of
    # the address is the name, whatever its characters (小美, Tony, 王**, 扎西, 前台).
    if not name:
        for pieces, first in ((before_tokens, 0), (after_tokens, 1)):
            for i in range(len(pieces) - 1, first - 1, -1):
                if _name_slot(pieces[i], bool(first)):
                    j = i  # Lily Wang: Latin words in a row are one name
                    while j > first and pieces[i].isascii() and pieces[j - 1].isalpha() and pieces[j - 1].isascii():
                        j -= 1
                    name, confidence = " ".join(pieces[j : i + 1]), 0.75
                    del pieces[j : i + 1]
                    break
            if name:
                break

    if marked:
        leftovers = [t for t in before_tokens if t[0] != noise.NAME_MARK]
        # An empty name label after the address (…1号 收货人： 电话：…) leaves a bare mark.
        detail_parts = [part for part in (t.lstrip(noise.NAME_MARK) for t in after_tokens) if part]
    else:
        leftovers, detail_parts = before_tokens, after_tokens
    if detail_parts and not noise.GREETINGS.isdisjoint(detail_parts):
        detail_parts = [part for part in detail_parts if part not in noise.GREETINGS]  # 谢谢老板
    if leftovers:  # before the regions: only pieces that look like part of an address
        detail_parts += [t for t in leftovers if _has_address_content(t)]
    detail = detail_parts[0] if len(detail_parts) == 1 else _join(detail_parts)
    # 4. A name glued after the house number: …88号林小满; not the end of a place's name
    # (…28号南华大学 is no 华大学, …8号光明小区 no 明小区)
    if not name:
        if not detail.rstrip("\n").endswith(_PLACE_TAIL):
            detail, name = split_tail_name(detail)
        confidence = 0.7 if name else 0.0
    if len(name) > 1 and name[-1] == "收":  # 张三收, 李先生收
        name = name[:-1]
    return name, confidence, detail.strip(_EDGE_PUNCT)


_NOT_A_NAME_END = frozenset("省市区县州旗镇乡村")
_PLACE_ENDS = frozenset("省市区县州旗镇乡村园苑楼栋座厦城寓舍馆院店场站路街巷弄号室层")
"""How a place's name ends: a piece of four Chinese characters or more ending so is no name."""
_PLACE_WORDS = (
    "公园",
    "中学",
    "小学",
    "大学",
    "学校",
    "医院",
    "广场",
    "大厦",
    "小区",
    "花园",
    "市场",
    "超市",
    "公司",
    "酒店",
    "宾馆",
    "银行",
    "楼下",
    "门口",
    "门卫",
    "对面",
    "旁边",
    "附近",
    "驿站",
    "单元",
    "街道",
    "新区",
)


_PLACE_TAIL = tuple(
    (
        *_PLACE_WORDS,
        "学院",
        "幼儿园",
        "卫生院",
        "中心",
        "商场",
        "大楼",
        "公寓",
        "饭店",
        "药店",
        "药房",
        "诊所",
        "工厂",
        "集团",
        "研究所",
        "研究院",
        "派出所",
        "政府",
        "商行",
        "门市",
        "家园",
        "新村",
        "山庄",
        "写字楼",
        "办公楼",
        "宿舍",
        "食堂",
        "仓库",
        "车间",
        "营业厅",
        "服务区",
    )
)
"""A detail ending in one of these ends in a place's name (南华大学, 光明小区, 国贸大厦): its last
characters are never a name glued after the house number."""


def _name_word(token: str) -> bool:
    """A Latin word that goes on a Latin name (Wang, wang; not SOHO or A)."""
    return len(token) > 1 and token.isascii() and token.isalpha() and not token.isupper()


def _glued_name(token: str) -> bool:
    """A piece glued to the regions that is the name: name-like and short, titled or with a
    compound surname (李四, 冷小姐, 欧阳娜娜); 公安宿舍 is the start of the address."""
    if len(token) > 6 or not token.isalpha() or not looks_like_name(token):  # (names are 2-6 letters)
        return False
    if _is_place_piece(token) or token in noise.COUNTRY_WORDS:
        return False
    return len(token) <= 3 or _TITLE.search(token) is not None or token[:2] in COMPOUND_SURNAMES


_NOT_GLUED = frozenset(" \t\n\r\f\v,;|/，；、。!！?？~" + noise.EDGE_PUNCT)
"""A character right after the regions that is not one of these starts a piece glued to them."""
_UNIT_CHARS = frozenset("座栋幢楼号室层单元门户弄巷排组期区")
"""A piece of one of these alone is a word of the house number (A 座), never a name."""


def _name_slot(token: str, after: bool) -> bool:
    """A separate piece that can only be the name: short, no digit, no character outside the
    Basic Multilingual Plane (rare ideographs such as 𠮷 are a shop's or a building's name: it
    stays in the detail), not a place word.

    After the address body (``after``), a piece ending in 路 or 楼 is still the name
    (张路, 王楼生); before it, one ending like a region (郑洲市) is a slipped region name.
    """
    if len(token) > 12 or token in noise.GREETINGS or any(ch.isdigit() for ch in token):
        return False
    if token in noise.COUNTRY_WORDS or (len(token) == 1 and (token in _UNIT_CHARS or token.isascii())):
        return False  # 中国, A 座: the country, a building's letter
    if any(ord(ch) > 0xFFFF for ch in token):  # 𠮷野家: a shop's sign, not a name typed in a chat
        return False
    cjk = len(_CJK.findall(token))
    if cjk > 6 or (not cjk and not token.isascii()):
        return False
    if not cjk and not any(ch.isalpha() for ch in token):
        return False
    if _is_place_piece(token) or (cjk >= 4 and token[-1] in _PLACE_ENDS):
        return False  # 天府软件园E区: a place's name
    return after or cjk <= 1 or token[-1] not in _NOT_A_NAME_END


_is_place_piece = re.compile("|".join(_PLACE_WORDS)).search
"""A piece naming a place (人民公园, 楼下, 门卫室): never the name."""


def _as_typed(fragment: str, simplified: str, typed: str) -> str:
    """``fragment`` of the simplified reading in the characters the customer typed (陈大文 →
    陳大文), when it is one piece of the text; else as it is."""
    at = simplified.find(fragment) if fragment else -1
    return typed[at : at + len(fragment)] if at >= 0 else fragment


_FULL_WIDTH_BRACKETS = {"(": "（", ")": "）"}


def _brackets_as_typed(detail: str, raw: str) -> str:
    """``detail`` with the full-width brackets the customer typed (read as ASCII by
    ``normalize``), when it is one piece of the text and the text lines up character by
    character with what was typed; else as it is."""
    typed = normalize(raw)
    at = typed.find(detail) if len(typed) == len(raw) else -1
    if at < 0:
        return detail
    return "".join(
        raw[at + i] if ch in _FULL_WIDTH_BRACKETS and raw[at + i] == _FULL_WIDTH_BRACKETS[ch] else ch
        for i, ch in enumerate(detail)
    )


def _slipped_name(text: str, start: int, province: str, city: str) -> str:
    """'郑洲市 → 郑州市' when the text just before the regions is the city's (or province's)
    name with one character wrong; '' otherwise."""
    for name in (city, province):
        typed = text[start - len(name) : start]
        one_slip = len(typed) == len(name) and sum(a != b for a, b in zip(typed, name, strict=True)) == 1
        if one_slip and typed[-1] == name[-1]:
            return f"{typed} → {name}"
    return ""


def _has_address_content(token: str) -> bool:
    """A piece before the regions kept for the detail: long, or with a digit — not a bare
    number of one or two digits (1.北京市…: a list's number)."""
    if token.isdigit():
        return len(token) > 2
    return len(token) > 4 or any(map(str.isdigit, token))


def _han(ch: str) -> bool:
    """A Chinese character: the common block, extension A, or the planes of the rare ones (𠮷)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"


def _join(parts: list[str]) -> str:
    """Join pieces, with a space only where both sides are not Chinese characters."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    out = parts[0]
    for part in parts[1:]:
        if out and not (_han(out[-1]) and _han(part[0])):
            out += " "
        out += part
    return out


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
    place = place_text(province, city, district, detail)
    return " ".join(part for part in (name, get("phone"), place) if part)
