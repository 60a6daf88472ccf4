"""Patterns for what surrounds an address in a chat message: labels, chatter, numbers.

Declared once here as data (compiled regular expressions) and used by
:mod:`sellerdesk.core.address`.  The readable patterns (LABEL_RE, CHATTER_RE,
MOBILE_IN_TEXT_RE, LANDLINE_IN_TEXT_RE, POSTCODE_RE) say what is matched; the parser runs
their equivalent fast forms (LABEL_FAST_RE, CHATTER_FAST_RE, MOBILE_SPLIT_RE,
LANDLINE_FAST_RE, POSTCODE_FAST_RE), which tests/core/test_noise.py checks against them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

NAME_MARK = "\x01"
"""Placed before the value of a name label (收货人：) so the parser knows it is a name."""

_NAME_LABELS = ("收货人姓名", "收件人姓名", "收货人", "收件人", "联系人", "姓名", "名字", "收货名")
_OTHER_LABELS = (
    "手机号码",
    "联系电话",
    "电话号码",
    "联系方式",
    "手机号",
    "电话",
    "手机",
    "tel",
    "Tel",
    "TEL",
    "收货信息",
    "收件信息",
    "地址信息",
    "所在地区",
    "详细地址",
    "收货地址",
    "收件地址",
    "邮寄地址",
    "地址",
    "所在地",
    "地区",
    "邮政编码",
    "邮编",
)
_EN_NAME_LABELS = ("Name", "name", "NAME", "Receiver", "receiver", "Recipient", "recipient", "Consignee", "consignee")
_EN_OTHER_LABELS = (
    "Phone",
    "phone",
    "PHONE",
    "Mobile",
    "mobile",
    "Address",
    "address",
    "ADDRESS",
    "Addr",
    "addr",
    "Postcode",
    "postcode",
    "Zipcode",
    "Zip",
    "zip",
    "ZIP",
)
"""English labels (Name: 张三 Phone: 138… Address: …): read only with their colon."""
_PHONE_LABELS = ("电话", "手机", "tel", "Tel", "TEL")
_POSTCODE_LABELS = ("邮政编码", "邮编")
"""Postcode labels that stand without a colon right before the number (邮编430000)."""
"""Phone labels that stand without a colon right before the number (电话13812345678)."""
LABEL_RE = re.compile(
    r"(?P<name>" + "|".join(_NAME_LABELS) + r")\s*[:：]?\s*"
    r"|(?P<name_en>" + "|".join(_EN_NAME_LABELS) + r")\s*[:：]\s*"
    r"|(?:" + "|".join(_OTHER_LABELS + _EN_OTHER_LABELS) + r")\s*[:：]\s*"
    r"|(?:" + "|".join(label for label in _OTHER_LABELS if len(label) >= 3) + r")\s*"
    r"|(?:" + "|".join(_PHONE_LABELS) + r")(?=\s*[+(\d])"
    r"|(?:" + "|".join(_POSTCODE_LABELS) + r")(?=\s*\d)"
)

_COURIERS = "顺丰|邮政|EMS|ems|京东|中通|圆通|韵达|申通|百世|极兔|德邦|天天|快递"
_IN_BRACKETS = (
    r"[^()\[\]【】{}<>]{0,30}?"
    r"(?:快递|发货|谢谢|麻烦|邮政|顺丰|驿站|快递柜|门卫|代收|送货|电话|周末|工作日|放|备注|尽快)"
    r"[^()\[\]【】{}<>]{0,30}?[)\]】}>]"
)
_SEND_IT = "(?:发货|发出|寄出|发一下)"
_PARTICLES = "(?:哦|哈|啊|呀|吧|了|,|!|~)*"
_SOON = "(?:尽快|快点|早点|赶紧|今天|马上)"
_DROP_AT = "(?:快递柜|丰巢|菜鸟驿站|驿站|门卫|门口|前台|物业)"
CHATTER_RE = re.compile(
    r"[(\[【{<]"
    + _IN_BRACKETS
    + r"|(?:麻烦|拜托|请|求)?(?:您|你|亲)?"
    + _SOON
    + "?"
    + _SEND_IT
    + _PARTICLES
    + r"|(?:不要|别|勿|不发|不走)发?(?:"
    + _COURIERS
    + r")(?:快递)?"
    r"|(?:只|要|请)?发(?:" + _COURIERS + r")(?:快递|到付)?"
    r"|(?:请|麻烦)?放" + _DROP_AT + r"|(?:到了|到付|送到前)?(?:先)?打(?:我)?电话"
    r"|(?:谢谢|多谢|感谢)(?:亲|啦|了|你|您)?"
    r"|送货上门|工作日送货|周末送货|(?:节假日|周末)不收"
    r"|(?:订单号|订单编号|单号)\s*[:：]?\s*[A-Za-z0-9-]+"
    r"|复制(?:整段|这段)?(?:话|信息)?"
    r"|(?:我家的|我的|收货)?地址(?:是|为)\s*[:：]?"
)


def _each(words: Iterable[str], rest: str = "") -> list[str]:
    return [re.escape(word) + rest for word in words]


# LABEL_RE and CHATTER_RE with every alternative starting with a literal character, so
# that ``re`` skips in C to the places one may start (a pattern starting with a group or
# an optional part is tried at every position: 3x slower than sub_from, which is 2x
# slower than these).  Same alternatives in the same order, groups of leading words and
# optional leading words spelt out; an optional word and what may follow it never start
# with the same character, so at any position only the spelt-out form the original
# would take can match.  tests/core/test_noise.py checks them against the readable ones.
LABEL_FAST_RE = re.compile(
    "|".join(
        _each(_NAME_LABELS, r"\s*[:：]?\s*")
        + _each(_EN_NAME_LABELS, r"\s*[:：]\s*")
        + _each(_OTHER_LABELS + _EN_OTHER_LABELS, r"\s*[:：]\s*")
        + _each([label for label in _OTHER_LABELS if len(label) >= 3], r"\s*")
        + _each(_PHONE_LABELS, r"(?=\s*[+(\d])")
        + _each(_POSTCODE_LABELS, r"(?=\s*\d)")
    )
)
"""A match is a name label (LABEL_RE's group "name" or "name_en") when it starts with one of
NAME_LABELS (no other label starts with one)."""
NAME_LABELS = _NAME_LABELS + _EN_NAME_LABELS
assert not any(label.startswith(NAME_LABELS) for label in _OTHER_LABELS + _EN_OTHER_LABELS)

# A chat app's message header copied along with the message, on a line of its own: the sender and
# the time (WeChat: 小雨 12-05 20:31; 【微信】小雨 20:31; 昨天 下午8:31; a bare 20:31). No address,
# name or phone is on it, and its name and time were read into the detail. Not a line that says
# when to deliver (时间, 送, 收, 到, 前, 后, 点…: 送货时间 18:00 stays for the remarks).
CHAT_HEADER_RE = re.compile(
    r"^[ \t]*(?:[【\[][^】\]\n]{1,8}[】\]][ \t]*)?"
    r"(?![^\n]*(?:时|送|收|到|前|后|点|号|路|街|楼|室|之|再|晚于|早于))"
    r"(?:[^\s\d:：]{1,12}[ \t]+)?"
    r"(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?[ \t]*"
    r"|(?:昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天])[ \t]*)?"
    r"(?:上午|下午|晚上|凌晨|中午|早上)?[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]*$",
    re.MULTILINE,
)

CHATTER_FAST_RE = re.compile(
    "|".join(
        _each("([【{<", _IN_BRACKETS)
        + _each(["麻烦", "拜托", "请", "求"], "(?:您|你|亲)?" + _SOON + "?" + _SEND_IT + _PARTICLES)
        + _each(["您", "你", "亲"], _SOON + "?" + _SEND_IT + _PARTICLES)
        + _each(["尽快", "快点", "早点", "赶紧", "今天", "马上"], _SEND_IT + _PARTICLES)
        + _each(["发货", "发出", "寄出", "发一下"], _PARTICLES)
        + _each(["不要", "别", "勿", "不发", "不走"], "发?(?:" + _COURIERS + ")(?:快递)?")
        + _each(["只发", "要发", "请发", "发"], "(?:" + _COURIERS + ")(?:快递|到付)?")
        + _each(["请放", "麻烦放", "放"], _DROP_AT)
        + _each(["到了", "到付", "送到前"], "(?:先)?打(?:我)?电话")
        + _each(["先打", "打"], "(?:我)?电话")
        + _each(["谢谢", "多谢", "感谢"], "(?:亲|啦|了|你|您)?")
        + ["送货上门", "工作日送货", "周末送货", "节假日不收", "周末不收"]
        + _each(["订单号", "订单编号", "单号"], r"\s*[:：]?\s*[A-Za-z0-9-]+")
        + ["复制(?:整段|这段)?(?:话|信息)?"]
        + _each([a + "地址" + b for a in ("我家的", "我的", "收货", "") for b in "是为"], r"\s*[:：]?")
    )
)

_PLEASE = ("麻烦", "请", "帮我", "帮忙", "劳驾", "拜托")
_SEND_TO = ("寄到", "发到", "寄往", "发往", "送到", "邮到", "寄给", "发给", "快递到", "邮寄到")
_TO_HERE = "(?:您|你|亲)?(?:帮我|帮忙|给我)?"
_HERE = r"(?:这里|这儿|这个地址|以下地址|下面的地址|下面地址|下面|这)?\s*:"
REQUEST_LABEL_RE = re.compile(
    "|".join(
        _each(_PLEASE, _TO_HERE + "(?:" + "|".join(_SEND_TO + ("寄", "发", "邮寄")) + ")" + _HERE)
        + _each(["您", "你", "亲"], "(?:帮我|帮忙|给我)?(?:" + "|".join(_SEND_TO) + ")" + _HERE)
        + _each(_SEND_TO, _HERE)
    )
)
"""A request with a colon before the address (麻烦寄到：, 发到：, 请寄：, 帮我寄到这里：): a label
(run on the normalised text, whose colons are ASCII), never the name."""

BRACKET_LABEL_RE = re.compile(r"[【\[(（]\s*(" + "|".join(_NAME_LABELS + _OTHER_LABELS) + r")\s*[】\])）]\s*[:：]?")
"""【收货人】张三, [电话] …: a label in brackets, replaced by the label and a colon."""

GREETINGS = frozenset(
    [
        "亲",
        "亲亲",
        "你好",
        "您好",
        "哈喽",
        "在吗",
        "老板",
        "老板好",
        "hello",
        "Hello",
        "hi",
        "Hi",
        "嗯",
        "好的",
        "地址",
        "收货信息",
    ]
)
"""Pieces of chat that stand alone before an address and are not the recipient's name."""

COUNTRY_WORDS = frozenset(["中国", "中华人民共和国", "China", "china", "CHINA", "PRC", "P.R.China", "P.R.C"])
"""The country written before the address (中国北京市…): never the name."""

EMOJI_RE = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")

MUNICIPAL_NOISE_RE = re.compile(r"市辖区|市辖县")

# Phones inside text.  A phone must not be part of a longer digit run (order numbers).
MOBILE_IN_TEXT_RE = re.compile(r"(?<![\d])(?:(?:\+|00)?86[\s-]*|\(\+?86\)\s*)?(1[3-9]\d(?:[\s-]?\d){8})(?![\d])")
LANDLINE_IN_TEXT_RE = re.compile(
    r"(?<![\d])(?:\(0\d{2,3}\)\s*|0\d{2,3}[\s-]?)[2-9]\d{2,3}[\s-]?\d{4}(?:\s*(?:转|-)\s*\d{1,5})?(?![\d])"
)
SERVICE_IN_TEXT_RE = re.compile(r"(?<![\d])[48]00[\s-]?\d{3}[\s-]?\d{4}(?![\d])")
"""400 / 800 service numbers (400-820-8820): phones without an area code."""
EXTENSION_AFTER_RE = re.compile(r"\s*(?:-|转|分机|ext\.?|#)\s*(\d{1,6})(?!\d)", re.IGNORECASE)
"""An extension right after a mobile (13812345678-8888, …转123): group 1 is its digits."""
MASKED_MOBILE_RE = re.compile(r"(?<![\d*])1[3-9](?=\d{0,6}\*\*\*)[\d*]{9}(?![\d*])")
"""A mobile with digits hidden by a shop's copy (158********, 138****5678): 11 characters, three
stars or more."""
BURIED_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
"""Once the phones are out, a mobile's pattern left in the text is inside a longer digit run."""
POSTCODE_RE = re.compile(r"(?<![\d#])(?:[1-8]\d|0[12])\d{4}(?![\d号室栋楼层座弄幢单户])")
PLACEHOLDER_POSTCODE_RE = re.compile(r"(?<![\w-])(?:(\d)\1{5}|123456|654321|012345)(?![\w-])")
"""A postcode a form made the customer type (000000, 999999, 123456): six digits standing alone
that no post office uses; refused as the postcode and dropped (no house number is written so)."""
LONG_NUMBER_RE = re.compile(r"(?<![\w-])[A-Za-z]{0,3}\d{9,}(?![\w-])")

# The same patterns written so that ``re`` can skip in C to where a match may start: every
# alternative begins with a literal character and the "no digit before" look-behind
# follows it ((?<!\d)X is X(?<!\d[\s\S])); a leading look-behind is tried at every
# position, 3-4 times slower on a typical paste.  tests/core/test_noise.py checks each
# against the readable pattern above it, which is the specification.
MOBILE_SPLIT_RE = re.compile(
    r"(?:\+(?<!\d\+)86[\s-]*|0(?<!\d0)086[\s-]*|8(?<!\d8)6[\s-]*|\((?<!\d\()\+?86\)\s*)(1[3-9]\d(?:[\s-]?\d){8})(?!\d)"
    r"|1(?<!\d1)([3-9]\d(?:[\s-]?\d){8})(?!\d)"
)
"""MOBILE_IN_TEXT_RE for ``split``: group 1 is the number after a prefix, group 2 the
number without its leading 1 when there is no prefix."""
LANDLINE_FAST_RE = re.compile(
    r"(?:\((?<!\d\()0\d{2,3}\)\s*|0(?<!\d0)\d{2,3}[\s-]?)[2-9]\d{2,3}[\s-]?\d{4}(?:\s*(?:转|-)\s*\d{1,5})?(?![\d])"
)
SERVICE_FAST_RE = re.compile(r"[48](?<!\d[48])00[\s-]?\d{3}[\s-]?\d{4}(?![\d])")
POSTCODE_FAST_RE = re.compile(r"(?:[1-8](?<![\d#][1-8])\d|0(?<![\d#]0)[12])\d{4}(?![\d号室栋楼层座弄幢单户])")

SEPARATOR_RE = re.compile(r"[\s,;|/，；、。!！?？~\n\t]+")
TOKEN_RE = re.compile(r"[^\s,;|/，；、。!！?？~\n\t]+")
"""The non-empty pieces between separators (same class as SEPARATOR_RE, negated)."""
EDGE_PUNCT = " -:：.,·_#>=+\"'"
"""Stripped from both ends of every piece of a paste (and of the detail)."""
_NOT_SEP = r"[^\s,;|/，；、。!！?？~\n\t"
_NOT_SEP_OR_EDGE = _NOT_SEP + "".join(re.escape(ch) for ch in EDGE_PUNCT)
STRIPPED_TOKEN_RE = re.compile(_NOT_SEP_OR_EDGE + "](?:" + _NOT_SEP + "]*" + _NOT_SEP_OR_EDGE + "])?")
"""Each TOKEN_RE piece stripped of EDGE_PUNCT, the empty ones left out, in one findall:
a match starts at a piece's first character that is not edge punctuation and ends at
its last."""

# Characters a match of LONG_NUMBER_RE can start with, written after the first character
# ((?<![\w-])X is X(?<![\w-][\s\S])) so that ``re`` skips in C to them; :func:`sub_from`
# only tries LONG_NUMBER_RE there (a plain ``sub`` tries it at every position).
# (tests/core/test_noise.py checks sub_from against Pattern.sub.)
LONG_NUMBER_STARTS = re.compile(r"[A-Za-z\d](?<![\w-][\s\S])")


def sub_from(
    pattern: re.Pattern[str], starts: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], text: str
) -> str:
    """``pattern.sub(repl, text)`` trying ``pattern`` only where ``starts`` matches.

    ``starts`` must match every character a (non-empty) match of ``pattern`` can begin
    with; ``repl`` is a plain string (no escapes) or a function, as for ``re.sub``.
    """
    find, match = starts.search, pattern.match
    hit = find(text)
    if hit is None:
        return text
    parts: list[str] = []
    done = 0
    while hit is not None:
        pos = hit.start()
        found = match(text, pos)
        if found is None:
            hit = find(text, pos + 1)
            continue
        parts.append(text[done:pos])
        parts.append(repl(found) if callable(repl) else repl)
        done = found.end()
        hit = find(text, max(done, pos + 1))
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


# What a customer writes beside the address that is not part of it: delivery remarks and
# order talk.  The parser takes them out before anything else (so that 备注：不要放门口 is not
# half eaten by the chatter above) and reports them (ParseResult.remarks / notes): nothing
# a customer asked for is silently dropped.
_SHIP_BY = "顺丰|中通|圆通|韵达|申通|极兔|邮政|EMS|ems|京东快递|京东物流|德邦|百世|宅急送"
"""Couriers a customer asks for (发顺丰, 顺丰到付): a delivery remark; 京东 alone only after 发/寄/走/用
(南京东路 holds it). REMARK_HINT_RE holds each, so that every REMARK_RE match holds a hint."""
_REMARK_WORDS = (
    "快递柜|丰巢|驿站|门卫|代收|送货|派送|电话|周末|工作日|节假日|双休|备注|留言|门口|前台|物业"
    "|勿|不要|别放|公司地址|单位地址|家庭地址|放|到付|寄付|包邮|" + _SHIP_BY
)
REMARK_LABELS = ("备注信息", "买家留言", "订单备注", "特别说明", "备注", "留言", "附言")
REMARK_RE = re.compile(
    # (公司地址 工作日收), 【备注：尽快】: a bracket holding a remark word
    r"[(\[【{<]\s*(?P<bracket>[^()\[\]【】{}<>\n]{0,30}?(?:"
    + _REMARK_WORDS
    + r")[^()\[\]【】{}<>\n]{0,30}?)\s*[)\]】}>]"
    # 备注：不要放门口 — to the end of the line (cut at the next label or phone by the parser)
    r"|(?:" + "|".join(REMARK_LABELS) + r")\s*[:：]?\s*(?P<label>[^\n]*)"
    # 放门口就行, 不要放门口, 勿敲门, 工作日收, 周末送, 电话联系, 送货前打电话: set phrases, so that
    # nothing glued after them (a name, a region) goes with them
    r"|(?P<phrase>(?:请|麻烦)?(?:放在?|不要放|别放|不要送|勿放)(?:家门口|快递柜|丰巢|菜鸟驿站|驿站|门卫|门口|前台|物业|楼下|车库)"
    r"(?:就行|就好|就可以|即可|也行|也可以)?"
    r"|请?勿(?:敲门|按门铃|打电话|放门口|扔|压|摔|折|倒置)"
    r"|(?:只|仅)?(?:工作日|周末|双休日|节假日|周一至周五|晚上|白天|下午|上午)(?:才|也|都)?(?:可以|能|再|不)?(?:收货|收件|收|送货|送|派送|在家|有人)"
    r"|(?:送货|派送|送到)前(?:请|先)*(?:打电话|电话联系|电话|联系)(?:我)?"
    r"|(?:请|麻烦)?(?:提前|先)?(?:打)?电话联系(?!人|电话|方式|[:：]?\s*[+(\d])"
    # 周末前发货, 明天之前寄出: when to send it (each alternative starts with a word: this
    # pattern is tried at every position)
    r"|(?:周[末一二三四五六日天]|星期[一二三四五六日天]|[今明后]天|月底)(?:之前|以前|前)(?:发货|发出|寄出|发)"
    # 到了打电话, 到楼下先打我电话, 到时联系我: when to call, glued after the house number as often
    r"|(?:到了|到时|到楼下|到门口)(?:请|先|就)*(?:给我)?(?:打电话|打我电话|电话联系|联系我)"
    # 顺丰到付, 发顺丰, 寄中通快递, 不要发圆通, 货到付款, 包邮: how to send it and who pays, never
    # the detail; a courier's name alone (顺丰, 京东快递) only as a piece of its own (…731号中通快递2栋:
    # a place; 北京东路: a street)
    r"|(?:(?:请|麻烦)?(?:不要|别|勿|不发|不走|只|要|请)?(?:发|寄|走|用)(?:" + _SHIP_BY + r"|京东)"
    r"|(?:" + _SHIP_BY + r"|快递|运费|邮费))(?:快递|物流|速运)?(?:到付|寄付)"
    r"|(?:请|麻烦)?(?:不要|别|勿|不发|不走|只|要|请)?(?:发|寄|走|用)(?:" + _SHIP_BY + r"|京东)(?:快递|物流|速运)?"
    r"|(?:不要|别|勿|不发|不走)(?:" + _SHIP_BY + r")(?:快递|物流|速运)?"
    r"|到付|寄付|货到付款|包邮"
    r"|(?<![^\s,;，；、。:：!?])(?:" + _SHIP_BY + r")(?:快递|物流|速运)?(?![^\s,;，；、。!?])"
    r")"
)
"""A delivery remark: group ``bracket``, ``label`` or ``phrase`` holds its words."""

_UNITS = "盒|支|件|瓶|包|袋|罐|套|箱|份|斤|片|双|条"
ORDER_TALK_RE = re.compile(
    # 下单：面膜2盒 每盒39.9，护手霜1支 — to the end of the line (cut at a label or phone)
    r"(?:下单|订购|购买|我要买|要买)\s*[:：]\s*(?P<line>[^\n]*)"
    # 一共99元, 合计：¥128, 实付 36.5
    r"|(?:一共|总共|共计|合计|总计|总价|实付(?:款|金额)?|付款金额|金额)\s*[:：]?\s*¥?\s*\d+(?:\.\d{1,2})?\s*(?:元|块钱|块)?"
    # 已转账, 已付款, 微信转账了
    r"|已(?:经)?(?:转账|付款|支付|付|转)了?|(?:微信|支付宝)(?:已)?(?:转账|付款|支付)了?"
    # 每盒39.9
    r"|每(?:" + _UNITS + r"|个)\s*¥?\s*\d+(?:\.\d{1,2})?\s*(?:元|块)?"
    # ¥39.9, 99元, 20块钱
    r"|¥\s*\d+(?:\.\d{1,2})?|(?<![\d.])\d+(?:\.\d{1,2})?\s*(?:元|块钱)(?![\u4e00-\u9fff])"
    # 面膜2盒, 护手霜x1支: a whole piece that is a product and a count
    r"|(?:^|(?<=[\s,;，；、。:：]))[^\d\s,;，；、。:：()\[\]【】]{1,12}?\s*[x×*]?\s*\d{1,4}\s*(?:" + _UNITS + r")"
    r"(?=$|[\s,;，；、。])",
    re.MULTILINE,
)
"""Order talk in an address message: the goods, their prices, the amount and 已转账; the
order dialog reads them (core.order_paste), the address parser leaves them out."""
ORDER_TALK_HINT_RE = re.compile(
    r"下单|订购|购买|要买|一共|总共|共计|合计|总计|总价|实付|金额|已|转账|付款|每|¥|"
    # \d\s*(?:元|块|…) with the digit spelt out: every alternative starts with a literal
    # character, so that ``re`` skips in C to where one may start
    + "|".join(digit + r"\s*(?:元|块|" + _UNITS + ")" for digit in "0123456789")
)
"""A cheap test whether ORDER_TALK_RE can match at all (most addresses have none of these)."""
REMARK_HINT_RE = re.compile(
    r"\(|\[|【|\{|<|"  # not a class: every alternative starts with a literal (see ORDER_TALK_HINT_RE)
    + "|".join(REMARK_LABELS)
    + r"|放|勿|不要|工作日|周末|双休|节假日|晚上|白天|下午|上午|电话联系|前(?:请|先)*(?:打|电话|联系)"
    + r"|到(?:了|时|楼下|门口)|前(?:发|寄)"
    + r"|到付|寄付|包邮|发京东|寄京东|走京东|用京东|"
    + _SHIP_BY
)
"""A cheap test whether REMARK_RE can match at all."""

FOREIGN_PHONE_RE = re.compile(
    r"(?<![\d+])(?:\(\s*)?(?:\+|00)\s*(?P<cc>852|853|886)\s*\)?[\s-]*\(?(?P<number>0?\d(?:[\s-]?\d){6,9})\)?(?!\d)"
)
"""A Hong Kong (+852), Macau (+853) or Taiwan (+886) number written with its country code
(+852 9123 4567, 00886-912-345-678, (+853)66123456): group ``cc`` and ``number``."""

TAIWAN_MOBILE_RE = re.compile(
    r"(?<![\d+A-Za-z])(?<!\d[\s-])(?<![号码编单])09\d{2}(?:[\s-]?\d{3}[\s-]?\d{3}|[\s-]?\d{6})(?![\s-]?\d)"
)
"""A Taiwan mobile as Taiwan writes it, without +886 (0912345678, 0912-345-678): ten digits
starting 09, which no mainland number is (a mainland landline's 4-digit area code 091x is
followed by 7 digits, never 6). Not part of a longer run of digit groups (a spaced tracking
number SF 0912 345 678 901), nor right after a label's 号/码/编/单 (工号0912345678)."""

# A piece of chat beside the address that is no part of it (issue: 「我要两盒面膜」, 「到了告诉我」,
# 「送货时间 18:00」, 「周六18:00前送到」 were glued into the detail).  The parser looks at each piece
# (between separators and spaces) that holds one of these marks — a person speaking, a clock time,
# a time to deliver, an order — and no address content (ADDRESS_CONTENT_RE) and no region name: it
# is taken out; pieces of it side by side on a line go together.  See CHAT_WHAT_RE for where.
_CHAT_UNITS = "盒|支|件|瓶|袋|罐|套|箱|份|斤|双"
"""Units of goods a chat piece counts (not 条 or 片: 东四十条, 片区 are places; not 包: 包头)."""
CHAT_PIECE_RE = re.compile(
    r"[我你您]|^亲|亲$|谢谢|多谢|感谢|麻烦|拜托|辛苦|告诉|通知|帮忙|在吗|好的|收到|期待|宝贝|亲爱的|在家|不在|没人"
    r"|[哦呢吧啊呀嘛吗啦噢哟]$"
    r"|(?<!\d)\d{1,2}:\d{2}(?!\d)|\d{1,2}点(?:[前后半钟]|以[前后]|之[前后])|[上下]午|晚上|早上|中午|星期"
    r"|时间|送到|送达|送货|到货|到了|派送|配送|发货|快递|尽快|早点|快点"
    r"|[\d一二两三四五六七八九十几]\s*(?:" + _CHAT_UNITS + r")"
)
"""What makes a piece of a paste chat (see above); a piece must also lack ADDRESS_CONTENT_RE."""
CHAT_HINT_RE = re.compile(
    "[我你您亲谢麻拜辛告通帮在没好期贝哦呢吧啊呀嘛吗啦噢哟点午晚早时送到派配货快尽盒支件瓶袋罐套箱份斤双:]"
)
"""A cheap test whether CHAT_PIECE_RE can match (each of its alternatives holds one of these
characters; tests/core/test_address_chat.py checks it): a paste without any is searched no further."""
ADDRESS_CONTENT_RE = re.compile(
    r"\d\s*[号栋幢楼室层座弄巷排组户门]|[路街巷弄村镇乡屯区县市省]|单元|小区|大厦|花园|公寓|广场|大楼|中心|学校|大学|医院"
)
"""A piece naming a place or a house number: part of an address whatever else it says."""
PLACE_HINT_RE = re.compile(
    ADDRESS_CONTENT_RE.pattern
    + r"|[园苑府城湾庭居舍寓厦馆场站店铺院所局厂校队旁侧楼栋室层座号]|对面|附近|门口|楼下|隔壁"
)
"""ADDRESS_CONTENT_RE and the words a landmark ends with (天府软件园, 万达对面): a sentence
holding one is address."""
CLOCK_ONLY_RE = re.compile(
    r"(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?|昨天|前天|今天)?\s*(?:上午|下午|晚上|凌晨|中午|早上)?\s*"
    r"\d{1,2}:\d{2}(?::\d{2})?"
)
"""A message's time stamp alone (20:31, 12-05 20:31, 下午8:31): dropped, no remark."""
ORDER_PIECE_RE = re.compile(
    r"要买|我要|想要|再要|再来|来[\d一二两三四五六七八九十几]|拍了|买了|下单"
    r"|[\d一二两三四五六七八九十几]\s*(?:" + _CHAT_UNITS + r")"
)
"""A chat piece about the goods (我要两盒面膜): order talk, for the notes."""
REMARK_PIECE_RE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)|\d{1,2}点|[上下]午|晚上|早上|中午|周[一二三四五六日天末]|星期|时间|送|到|派|配送|收|快递"
    r"|告诉|通知|联系|电话|打我|门口|放|在家|不在|没人"
)
"""A chat piece about the delivery (到了告诉我, 送货时间 18:00): a remark; other chat (谢谢亲) is dropped."""
CHAT_HEADER_INLINE_RE = re.compile(
    r"^[ \t]*(?:[【\[][^】\]\n]{1,8}[】\]][ \t]*)?"
    r"(?:(?![^\s]*(?:时|送|收|到|前|后|点|号|路|街|楼|室))[^\s\d:：]{1,12}[ \t]+)?"
    r"(?:(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?[ \t]*"
    r"|(?:昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天])[ \t]*)?"
    r"(?:上午|下午|晚上|凌晨|中午|早上)?[ \t]*\d{1,2}:\d{2}(?::\d{2})?"
    r"(?![ \t]*(?:\d|前|后|以|之|到|送|左右|点|收))[ \t]*[:：]?[ \t]+(?=\S)",
    re.MULTILINE,
)
"""A chat app's header at the start of a line with the message after it on the same line
(小雨 20:31 张三 138…): the header goes, the message stays."""
