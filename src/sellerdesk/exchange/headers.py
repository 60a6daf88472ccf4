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
from collections.abc import Iterable
from functools import lru_cache

# field -> synonyms (first one is what our export writes)
FIELDS: dict[str, tuple[str, ...]] = {
    "name": (
        "姓名",
        "客户姓名",
        "收货人",
        "收货人/提货人",
        "收件人",
        "收件人姓名",
        "收方姓名",
        "买家姓名",
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
        "收件人手机号",
        "收货人手机号",
        "收货人手机号/提货人手机号",
        "收货人联系方式",
        "收方联系方式",
        "买家手机号码",
        "收件手机",
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
        "收货人地址",
        "详细收货地址/提货地址",
        "收方地址",
        "买家收货地址",
        "address",
        "full address",
        "shipping address",
    ),
    "province": (
        "省",
        "省份",
        "收件省",
        "收货省",
        "买家收货省",
        "收件人省份",
        "所在省",
        "省/直辖市",
        "收货省份",
        "收货人省份",
        "province",
        "state",
    ),
    "city": (
        "市",
        "城市",
        "收件市",
        "收货市",
        "买家收货市",
        "收件人城市",
        "所在市",
        "地级市",
        "收货城市",
        "收货人城市",
        "city",
    ),
    "district": (
        "区",
        "区县",
        "县区",
        "区/县",
        "收件区",
        "收件区县",
        "收货区",
        "买家收货区",
        "所在区",
        "县",
        "收货区县",
        "收货人地区",
        "district",
        "county",
    ),
    "detail": (
        "详细地址",
        "街道地址",
        "收件详细地址",
        "收货详细地址",
        "收货人详细地址",
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
    "birthday": ("生日", "出生日期", "公历生日", "阳历生日", "新历生日", "birthday", "date of birth"),
    "birthday_lunar": ("农历生日", "阴历生日", "旧历生日", "lunar birthday"),
    "marketing_consent": ("同意营销", "营销同意", "是否同意营销", "接受营销", "marketing consent"),
    "consent_date": ("同意营销日期", "营销同意日期", "同意日期", "consent date"),
    "consent_via": ("同意营销方式", "营销同意方式", "同意方式", "consent via"),
    "gender": ("性别", "gender", "sex"),
    "source": ("来源", "渠道", "客户来源", "source", "channel"),
    "notes": ("备注", "说明", "备注信息", "客户备注", "notes", "note", "remark", "remarks", "comment"),
    "flags": ("标记", "flags"),
    "ref": ("客户编号", "客户id", "编号", "id", "customer id"),
    # the buyer's shop account (淘宝 买家会员名, 拼多多/抖店 昵称): rows sharing one are one
    # customer within the file, like 客户编号; never matched against the database
    "buyer": ("买家会员名", "买家昵称", "买家账号", "买家id", "用户昵称", "会员名", "buyer", "buyer id"),
    # --- orders (see ORDER_KEYS; a file with an order column adds orders too) -----------------------
    "order_no": (
        "订单号",
        "订单编号",
        "主订单编号",
        "订单id",
        "交易号",
        "平台订单号",
        "业务订单号",
        "用户订单号",
        "物流订单号",
        "商家订单号",
        "客户订单号",
        "order no",
        "order number",
        "order id",
    ),
    "order_date": (
        "下单时间",
        "付款时间",
        "订单付款时间",
        "支付完成时间",
        "支付时间",
        "订单创建时间",
        "订单提交时间",
        "创建时间",
        "下单日期",
        "成交时间",
        "订单日期",
        "日期",
        "order date",
        "date",
    ),
    # what the whole order was paid (a line-per-row export repeats it on each line)
    "amount": (
        "实付金额",
        "实收款",
        "买家实际支付金额",
        "订单实付金额",
        "用户实付金额",
        "订单应付金额",
        "实付款",
        "实收金额",
        "商家实收金额",
        "支付金额",
        "付款金额",
        "订单金额",
        "应付金额",
        "总金额",
        "订单总价",
        "金额",
        "amount",
        "amount paid",
        "total",
    ),
    "product": (
        "商品名称",
        "宝贝标题",
        "商品标题",
        "选购商品",
        "商品",
        "商品名",
        "商品信息",
        "宝贝名称",
        "产品",
        "产品名称",
        "品名",
        "托寄物内容",
        "物品名称",
        "内件名称",
        "货物名称",
        "product",
        "item",
        "items",
    ),
    "quantity": ("数量", "托寄物数量", "购买数量", "商品数量", "宝贝总数量", "件数", "quantity", "qty"),
    "unit_price": ("单价", "商品单价", "商品价格", "价格", "售价", "商品金额", "unit price", "price"),
    # what one line was paid (summed when the order has no order-level amount)
    "line_amount": ("商品实付金额", "商品实际成交金额", "商品总价", "小计", "商品小计", "line total", "subtotal"),
    "status": ("订单状态", "交易状态", "状态", "order status", "status"),
    "courier": ("快递公司", "物流公司", "快递", "承运公司", "配送方式", "courier", "carrier"),
    "tracking_no": (
        "快递单号",
        "运单号",
        "运单号码",
        "物流单号",
        "面单号",
        "单号",
        "tracking number",
        "tracking no",
        "waybill",
    ),
    "shipped_on": ("发货时间", "发货日期", "ship date", "shipped on"),
    "order_notes": (
        "订单备注",
        "买家留言",
        "买家备注",
        "卖家备注",
        "商家备注",
        "订单留言",
        "留言",
        "order notes",
        "buyer message",
    ),
}

CUSTOMER_KEYS = (
    "name",
    "phone",
    "wechat",
    "tags",
    "tier",
    "birthday",
    "birthday_lunar",
    "gender",
    "source",
    "notes",
    "flags",
    "marketing_consent",
    "consent_date",
    "consent_via",
)
ADDRESS_KEYS = ("recipient", "address_phone", "province", "city", "district", "detail", "postal_code", "label")
REGION_KEYS = ("province", "city", "district")
# the order columns: a file whose mapping has_orders() adds orders (customers are still
# made or matched from the same row, exactly as without them)
ORDER_KEYS = (
    "order_no",
    "order_date",
    "amount",
    "product",
    "quantity",
    "unit_price",
    "line_amount",
    "status",
    "courier",
    "tracking_no",
    "shipped_on",
    "order_notes",
)
ORDER_MONEY = frozenset(("amount", "line_amount", "unit_price"))
# fields whose columns compete by synonym rank (an export with 订单创建时间 and 订单付款时间,
# or 总金额 and 买家实际支付金额, takes the earlier synonym), not by column order
_RANKED = frozenset(ORDER_KEYS)


def has_orders(mapping: Iterable[str | None]) -> bool:
    """Whether a mapping holds orders: an order-number column, or a date column with an
    amount or price column (a customer sheet with only 日期 or only 金额 stays a customer sheet)."""
    fields = set(mapping)
    return "order_no" in fields or ("order_date" in fields and bool(fields & ORDER_MONEY))


def customers_only(mapping: list[str | None]) -> list[str | None]:
    """``mapping`` with its order columns ignored (``import --customers-only``)."""
    return [None if f in ORDER_KEYS else f for f in mapping]


# a bracketed hint, up to 64 characters: unbounded, a cell of 30,000 "(" took 20 s (quadratic)
_HINT = re.compile(r"[(（\[【<《].{0,64}?[)）\]】>》]")
_PUNCT = re.compile(r"[\s*＊:：_\-—.·,，;；'\"“”#№]+")


# Traditional characters of header words (a 香港/台湾 sheet, a Big5 CSV: 姓名,電話,地址) folded to the
# simplified ones the synonyms are written in, so each synonym has its traditional alias too.
_TRADITIONAL = str.maketrans(
    "電話機碼號備註郵編聯繫係貨詳細縣區鄉鎮標籤簽門類單價額數實訂買賣務戶顧來稱會員級國時間運費計發戶線隊寫顏號碼對應"
    "轉賬與錢條貨載幣匯總額產品規格張網購務寶閒東鄰樓層棟廣場縣園處點賬號稅資歷紀錄憑證",
    "电话机码号备注邮编联系系货详细县区乡镇标签签门类单价额数实订买卖务户顾来称会员级国时间运费计发户线队写颜号码对应"
    "转账与钱条货载币汇总额产品规格张网购务宝闲东邻楼层栋广场县园处点账号税资历纪录凭证",
)


def normalize_header(text: object) -> str:
    """'  收货人（必填）* ' → '收货人'; 'Phone No.' → 'phoneno'; '電話' → '电话'."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip().lower().translate(_TRADITIONAL)
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


# the parts of a header written in two languages or with a note: Phone/收件电话, 收件人 Name,
# Name（收件人）, Address-详细地址, mobile_手机
_PARTS = re.compile(r"[/()（）\s\-_]+")
MAX_HEADER_LENGTH = 255
"""A header cell longer than this is not a column's name (a note, a pasted text, a crafted
file): the file is refused (:func:`check_header_lengths`)."""


def header_parts(text: object) -> list[str]:
    """The parts of a header split on / ( ) （ ） spaces, - and _ (none when it has one part)."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip().lower().translate(_TRADITIONAL)
    parts = [p for p in _PARTS.split(value) if p]
    return parts if len(parts) > 1 else []


def check_header_lengths(headers: Iterable[object], *, name: str, row: int) -> None:
    """Refuse a header row with a cell over :data:`MAX_HEADER_LENGTH` characters (one line
    naming the column, its length and the row): such a cell is not a column's name."""
    for column, header in enumerate(headers, 1):
        length = len(str(header or ""))
        if length > MAX_HEADER_LENGTH:
            from sellerdesk.exchange.errors import ExchangeError

            raise ExchangeError(
                "header_too_long", name=name, row=row, column=column, length=length, limit=MAX_HEADER_LENGTH
            )


def match_header(text: object) -> tuple[str | None, bool]:
    """(field, exact) for a header cell; (None, False) when nothing fits. A header no synonym
    fits whole is recognised when its parts (:func:`header_parts`) that are a synonym all name
    one field (Phone/收件电话), as a partial match."""
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
    fields = {exact.get(normalize_header(part)) for part in header_parts(text)} - {None}
    if len(fields) == 1:
        return fields.pop(), False
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
    ranks = [_rank(h, f) if f in _RANKED and exact else 0 for h, (f, exact) in zip(headers, matches)]
    order = sorted(range(len(headers)), key=lambda i: ranks[i])  # (stable: column order otherwise)
    for want_exact in (True, False):
        for i in order:
            field, exact = matches[i]
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
    # in an order file a plain 备注 is about the order, and 买家会员名 groups one buyer's rows
    # as 客户编号 does (the file's own 客户编号 wins)
    if has_orders(mapping) and "order_notes" not in used:
        mapping = ["order_notes" if f == "notes" else f for f in mapping]
    return mapping


def _rank(header: object, field: str) -> int:
    """The position of ``header`` among ``field``'s synonyms (an exact match)."""
    key = normalize_header(header)
    for position, synonym in enumerate(FIELDS[field]):
        if normalize_header(synonym) == key:
            return position
    return len(FIELDS[field])


# --- waybills (courier bulk-order sheets) -------------------------------------------------------------
# A courier's sheet names the sender's columns with 寄件/发件/寄方 in front; they are read before
# the recipient's synonyms (寄件人手机 is not 收件人手机). (prefixes, sender value by what follows)
SENDER_PREFIXES = ("寄件人", "寄件方", "寄件", "发件人", "发件方", "发件", "寄方", "发货人", "发货方", "发货")
SENDER_PARTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("公司", "单位"), "sender_company"),
    (("手机", "电话", "联系方式", "联系电话"), "sender_phone"),
    (("省",), "sender_province"),
    (("市",), "sender_city"),
    (("区", "县"), "sender_district"),
    (("详细地址",), "sender_detail"),
    (("地址",), "sender_address"),
    (("", "姓名", "名称", "联系人"), "sender_name"),
)
# import field → waybill value (None: never proposed; a seller maps it by hand on purpose).
# 备注 is a customer's private note in our data: no waybill column gets it by a guess.
WAYBILL_VALUE_OF_FIELD: dict[str, str | None] = {
    "name": "recipient",
    "phone": "phone",
    "phone2": "landline",
    "address": "address",
    "province": "province",
    "city": "city",
    "district": "district",
    "detail": "detail",
    "postal_code": "postal_code",
    "product": "items",
    "quantity": "quantity",
    "order_no": "order_no",
    "recipient": "recipient",
    "address_phone": "phone",
}
PARCEL_HEADERS = ("件数", "包裹数", "包裹数量")
_REGION_HINT = re.compile(r"[（(]\s*(省|市|区/县|区县|区|县)\s*[)）]")


def waybill_value(header: object) -> str | None:
    """The waybill value a courier sheet's column header asks for (None: leave it to the user).
    A header no rule fits whole is read by its parts (:func:`header_parts`: Phone/收件电话,
    Name（收件人）) when they agree (a 手机 part beside a phone one: the mobile)."""
    value = _waybill_value(header)
    if value is not None:
        return value
    values = {_waybill_value(part, exact_only=True) for part in header_parts(header)} - {None}
    if values == {"mobile", "phone"}:
        return "mobile"
    return values.pop() if len(values) == 1 else None


def _waybill_value(header: object, *, exact_only: bool = False) -> str | None:
    text = _REGION_HINT.sub(lambda m: m.group(1).replace("/", ""), unicodedata.normalize("NFKC", str(header or "")))
    key = normalize_header(text)
    if not key:
        return None
    for prefix in SENDER_PREFIXES:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            for parts, value in SENDER_PARTS:
                if any(rest == p or (p and p in rest) for p in parts):
                    return value
            return None
    if key in PARCEL_HEADERS:
        return "parcels"
    if "手机" in key and ("收" in key or key in ("手机", "手机号", "手机号码")):
        return "mobile"
    field, exact = match_header(text)
    if field is None or (exact_only and not exact):
        return None
    return WAYBILL_VALUE_OF_FIELD.get(field)


def guess_waybill_mapping(headers: list[str]) -> list[str | None]:
    """Each column's waybill value (None: left empty); a value is used once, first column wins.
    With a 手机 column beside a 电话 one, the 电话 column takes the landline."""
    values = [waybill_value(h) for h in headers]
    if "mobile" in values:
        values = ["landline" if v == "phone" else v for v in values]
    used: set[str] = set()
    out: list[str | None] = []
    for value in values:
        if value is not None and value in used:
            value = None
        if value is not None:
            used.add(value)
        out.append(value)
    # a full-address column with no 省/市/区 beside it: the whole address
    if "detail" in used and not used & {"province", "city", "district", "address"}:
        out = ["address" if v == "detail" else v for v in out]
    if "sender_detail" in used and not used & {"sender_province", "sender_city", "sender_district"}:
        out = ["sender_address" if v == "sender_detail" else v for v in out]
    return out


def export_header(field: str) -> str:
    """The header our export writes for ``field`` (maps back to it on import)."""
    return FIELDS[field][0]
