"""An order pasted from a chat: the address part, and what else a seller's message carries.

A customer's WeChat message for an order is an address (``core.address.parse`` reads it)
plus, often, lines the address parser must not see: the WeChat ID (``微信：zs_8899``), the
goods (``面膜 x2 @39.9``), the amount paid (``实付 128``) and a shop's 订单号. :func:`split`
takes those out by their labels and shapes and hands back the rest as the address text:

* ``微信[号]`` / ``vx`` / ``wx`` / ``WeChat [ID]`` + an ID (a letter then 5–19 letters, digits,
  ``_`` or ``-``; or a mobile number, which WeChat also accepts);
* ``商品`` / ``货品`` / ``宝贝`` / ``产品`` / ``下单`` / ``购买`` + ``:`` + item text; or a line of
  items each priced with ``@`` (never part of an address), also at the end of the line that
  holds the name, phone and address (``张三 138… 北京市…1号 蜂蜜 x2 @68``);
* ``实付`` / ``金额`` / ``付款`` / ``合计`` / ``总计`` + an amount (not a count: ``合计3件``) (read exactly by
  :func:`core.money.parse_fen`);
* ``订单号`` / ``单号`` + a number (not a courier's 运单号).

Text that is a lone WeChat ID (``zs_8899``) is read as one. Nothing here guesses beyond
those labels and shapes: what is not recognised stays in the address text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sellerdesk.core.money import MoneyError, parse_fen
from sellerdesk.core.orders import OrderError, OrderLine, parse_items

WECHAT_ID = r"[A-Za-z][-_A-Za-z0-9]{5,19}|1[3-9]\d{9}"
_WECHAT = re.compile(
    rf"(?<![A-Za-z])(?:微信号?|威信|vx|wx|weixin|wechat)(?:\s*id)?\s*[:：]?\s*(?P<id>{WECHAT_ID})(?![-_A-Za-z0-9])",
    re.IGNORECASE,
)
_LONE_WECHAT = re.compile(rf"(?:{WECHAT_ID})")
_ITEMS = re.compile(
    r"^\s*(?:(?:亲亲?|你好|您好|老板|在吗)[\s,，!！~]*)?(?:商品|货品|宝贝|产品|下单|购买|订购|我要买|要买)(?:名称|内容)?"
    r"\s*[:：]\s*(?P<items>.+)$"
)
_UNITS = "件|个|盒|瓶|包|袋|支|罐|份|套|箱|斤|片|双|条"
# How a chat says a line of goods: 面膜2盒 每盒39.9, 护手霜1支, 精华x2瓶 单价128元
_CHAT_ITEM = re.compile(
    r"^(?P<product>[^\d@]+?)\s*[x×*]?\s*(?P<qty>\d{1,4})\s*(?:" + _UNITS + r")"
    r"(?:\s*(?:(?:每|一)(?:" + _UNITS + r")|单价|各)\s*[:：]?\s*¥?\s*(?P<price>\d+(?:\.\d{1,2})?)\s*(?:元|块)?)?$"
)
_PAID = re.compile(r"已(?:经)?(?:转账|付款|支付|付|转)了?|(?:微信|支付宝)(?:已)?(?:转账|付款|支付)了?")
"""已转账: the customer says they paid; no address, no amount."""
_AMOUNT = re.compile(
    r"(?:实付(?:金额|款)?|金额|付款|合计|总计|一共|总共|共计|总价)\s*[:：]?\s*"
    r"(?P<amount>(?:¥|RMB\s*)?\d[\d,]*(?:\.\d+)?(?:\s*(?:元|块))?)(?![\d.件个盒瓶包袋支罐份套箱])",
    re.IGNORECASE,
)
# A one-line message puts the goods after the name, phone and address: they start at the first
# space after the mobile number from which the rest reads as priced items whose first name
# holds no address word (a district, road, house number …) and does not start with a number.
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ADDRESS_WORD = re.compile(r"[省市区县旗镇乡村路街道巷弄号栋幢座室楼层]|^\d+(?:\s|$)")
_ORDER_NO = re.compile(r"(?:订单号|订单编号|(?<![运递快])单号)\s*[:：]?\s*(?P<no>[A-Za-z0-9][-_A-Za-z0-9]{3,63})")


@dataclass(frozen=True)
class OrderPaste:
    """What :func:`split` found; every field is '' when absent (``amount_fen`` None)."""

    address_text: str = ""
    wechat: str = ""
    items: str = ""
    amount_fen: int | None = None
    order_no: str = ""


def split(text: str) -> OrderPaste:
    """The parts of a pasted order message (see the module text)."""
    if not isinstance(text, str):
        return OrderPaste()
    normalized = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    stripped = normalized.strip()
    lone = "\n" not in stripped and " " not in stripped and not stripped.isdigit()
    if lone and _LONE_WECHAT.fullmatch(stripped):
        return OrderPaste(wechat=stripped)
    wechat = ""
    items: list[str] = []
    amount: int | None = None
    order_no = ""
    rest: list[str] = []
    for line in normalized.split("\n"):
        if not wechat:
            match = _WECHAT.search(line)
            if match:
                wechat = match.group("id")
                line = _cut(line, match)
        if not order_no:
            match = _ORDER_NO.search(line)
            if match:
                order_no = match.group("no")
                line = _cut(line, match)
        if amount is None:
            match = _AMOUNT.search(line)
            if match:
                try:
                    amount = parse_fen(match.group("amount"))
                except MoneyError:
                    pass
                else:
                    line = _cut(line, match)
        if _PAID.search(line):
            line = _PAID.sub(" ", line).strip(" ,，;；")
        match = _ITEMS.match(line)
        if match:
            goods = _as_item_text(match.group("items"))
            if _reads_as_items(goods, priced=False):
                items.append(goods.strip())
                continue
        if "@" in line:
            tail = _items_after_address(line)
            if tail is not None:
                line, goods = tail
                items.append(goods)
            elif _reads_as_items(line, priced=True):
                items.append(line.strip())
                continue
        rest.append(line)
    address = "\n".join(part for part in (r.strip() for r in rest) if part)
    return OrderPaste(address, wechat, ", ".join(items), amount, order_no)


def _as_item_text(text: str) -> str:
    """Goods as a chat says them (面膜2盒 每盒39.9，护手霜1支) in the form ``parse_items`` reads
    (面膜 x2 @39.9, 护手霜 x1); pieces in another form are left as they are."""
    pieces = re.split(r"\s*[,，;；、]\s*", unicodedata.normalize("NFKC", text).strip())
    out = []
    for piece in pieces:
        match = _CHAT_ITEM.match(piece)
        if match is None:
            out.append(piece)
            continue
        line = f"{match.group('product').strip()} x{match.group('qty')}"
        if match.group("price"):
            line += f" @{match.group('price')}"
        out.append(line)
    if out == pieces:
        return text
    return ", ".join(p for p in out if p)


def _items_after_address(line: str) -> tuple[str, str] | None:
    """(address part, goods) of a line that has both, or None (see ``_ADDRESS_WORD``)."""
    phone = _MOBILE.search(line, 0, line.find("@"))
    if phone is None:
        return None
    for space in re.finditer(r"\s+", line[phone.end() :]):
        start = phone.end() + space.end()
        goods = line[start:].strip()
        lines = _priced_items(goods)
        if lines and not _ADDRESS_WORD.search(lines[0].product):
            return line[:start].strip(), goods
    return None


def _cut(line: str, match: re.Match[str]) -> str:
    return (line[: match.start()] + " " + line[match.end() :]).strip(" ,，;；")


def _reads_as_items(text: str, *, priced: bool) -> bool:
    if priced:
        return bool(_priced_items(text))
    try:
        return bool(parse_items(text))
    except OrderError:
        return False


def _priced_items(text: str) -> list[OrderLine]:
    """The lines of ``text`` when it reads as items that each have a price, else []."""
    try:
        lines = parse_items(text)
    except OrderError:
        return []
    return lines if all(line.unit_price_fen is not None for line in lines) else []


__all__ = ["OrderPaste", "WECHAT_ID", "split"]
