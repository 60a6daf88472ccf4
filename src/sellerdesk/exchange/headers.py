"""Header synonyms: which spreadsheet column means which field, declared once as data.

``FIELDS`` lists every field the importer understands, in the order the mapping combo
shows them, each with the header texts sellers use for it. The first synonym is the
header our own export writes, so an exported file maps back by itself.

Matching (:func:`match_header`) compares a normalised header (NFKC, lower case, without
spaces, punctuation and bracketed hints like ``(必填)``) with the normalised synonyms:
an exact match first, then the longest synonym the header contains.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# field -> synonyms (first one is what our export writes)
FIELDS: dict[str, tuple[str, ...]] = {
    "name": (
        "姓名",
        "客户姓名",
        "收货人",
        "收件人",
        "收件人姓名",
        "收货人姓名",
        "联系人",
        "客户",
        "客户名称",
        "名字",
        "称呼",
        "name",
        "customer",
        "customer name",
        "full name",
    ),
    "phone": (
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "电话号码",
        "联系电话",
        "联系方式",
        "收件人手机",
        "收货人手机",
        "收货电话",
        "收件电话",
        "客户电话",
        "联系手机",
        "phone",
        "mobile",
        "mobile phone",
        "cellphone",
        "tel",
        "telephone",
    ),
    "phone2": (
        "备用电话",
        "电话2",
        "手机2",
        "座机",
        "固话",
        "固定电话",
        "收件人电话",
        "其他电话",
        "phone2",
        "other phone",
        "landline",
    ),
    "wechat": ("微信", "微信号", "微信id", "微信账号", "wechat", "wechat id", "weixin", "wx"),
    "address": (
        "地址",
        "收货地址",
        "收件地址",
        "完整地址",
        "通讯地址",
        "联系地址",
        "家庭地址",
        "寄送地址",
        "address",
        "full address",
        "shipping address",
    ),
    "province": ("省", "省份", "收件省", "所在省", "省/直辖市", "province", "state"),
    "city": ("市", "城市", "收件市", "所在市", "地级市", "city"),
    "district": ("区", "区县", "县区", "区/县", "收件区", "所在区", "县", "district", "county"),
    "detail": (
        "详细地址",
        "街道地址",
        "收件详细地址",
        "收货详细地址",
        "街道",
        "门牌",
        "detail",
        "street",
        "street address",
    ),
    "postal_code": ("邮编", "邮政编码", "postal code", "postcode", "zip", "zip code"),
    "recipient": ("地址收件人", "recipient"),
    "address_phone": ("地址电话", "recipient phone"),
    "label": ("地址类型", "地址标签", "address type", "address label"),  # 地址标签: the old header, still read
    "tags": ("标签", "客户标签", "分组", "tags", "tag"),
    "tier": ("等级", "会员等级", "客户等级", "级别", "tier", "level"),
    "birthday": ("生日", "出生日期", "birthday", "date of birth"),
    "gender": ("性别", "gender", "sex"),
    "source": ("来源", "渠道", "客户来源", "source", "channel"),
    "notes": ("备注", "说明", "备注信息", "客户备注", "notes", "note", "remark", "remarks", "comment"),
    "flags": ("标记", "flags"),
    "ref": ("客户编号", "客户id", "编号", "id", "customer id"),
}

CUSTOMER_KEYS = ("name", "phone", "wechat", "tags", "tier", "birthday", "gender", "source", "notes", "flags")
ADDRESS_KEYS = ("recipient", "address_phone", "province", "city", "district", "detail", "postal_code", "label")
REGION_KEYS = ("province", "city", "district")

# a bracketed hint, up to 64 characters: unbounded, a cell of 30,000 "(" took 20 s (quadratic)
_HINT = re.compile(r"[(（\[【<《].{0,64}?[)）\]】>》]")
_PUNCT = re.compile(r"[\s*＊:：_\-—.·,，;；'\"“”#№]+")


def normalize_header(text: object) -> str:
    """'  收货人（必填）* ' → '收货人'; 'Phone No.' → 'phoneno'."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip().lower()
    stripped = _HINT.sub("", value)
    if stripped.strip():
        value = stripped
    return _PUNCT.sub("", value)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    for field, synonyms in FIELDS.items():
        for synonym in synonyms:
            exact.setdefault(normalize_header(synonym), field)
    by_length = sorted(exact.items(), key=lambda item: -len(item[0]))
    return exact, by_length


def match_header(text: object) -> tuple[str | None, bool]:
    """(field, exact) for a header cell; (None, False) when nothing fits."""
    key = normalize_header(text)
    if not key:
        return None, False
    exact, by_length = _index()
    if key in exact:
        return exact[key], True
    for synonym, field in by_length:
        # one-character synonyms (省, 市, 区) only match exactly: 小区 is not a district column;
        # a synonym inside a long text (a title row: 2024年客户名单) is not a header either
        if len(synonym) >= 2 and synonym in key and len(key) - len(synonym) <= 4:
            return field, False
    return None, False


def header_score(cells: list[str]) -> int:
    """How much a row looks like the header: 2 per exact match, 1 per partial, distinct fields."""
    seen: dict[str, int] = {}
    for cell in cells:
        field, exact = match_header(cell)
        if field:
            seen[field] = max(seen.get(field, 0), 2 if exact else 1)
    return sum(seen.values())


def guess_mapping(headers: list[str]) -> list[str | None]:
    """The field of each column (None: ignored); a field is used once, exact matches first."""
    matches = [match_header(h) for h in headers]
    mapping: list[str | None] = [None] * len(headers)
    used: set[str] = set()
    for want_exact in (True, False):
        for i, (field, exact) in enumerate(matches):
            if field is None or exact != want_exact or mapping[i] is not None:
                continue
            if field in used and field == "phone" and "phone2" not in used:
                field = "phone2"
            if field in used:
                continue
            mapping[i] = field
            used.add(field)
    # 详细地址 alone (no province/city/district columns) is the whole address
    if "detail" in used and "address" not in used and not used & set(REGION_KEYS):
        mapping = ["address" if f == "detail" else f for f in mapping]
    return mapping


def export_header(field: str) -> str:
    """The header our export writes for ``field`` (maps back to it on import)."""
    return FIELDS[field][0]
