"""Orders, as the domain sees them: statuses and their moves, and the lines of an order.

Statuses (stored by key; the Chinese names are what people see):

    pending 待发货 → shipped 已发货 → delivered 已签收
    pending / shipped → cancelled 已取消      (stopped before it arrived)
    pending / shipped / delivered → refunded 已退款   (money given back)

and the corrections a seller needs after a slip of the mouse: shipped → pending (not
shipped after all), delivered → shipped, and cancelled / refunded → pending (reopened).
Anything else (delivered → cancelled, refunded → shipped …) is refused: walk it through
pending. A status to itself is no move and always allowed.

Cancelled and refunded orders do not count toward a customer's spend, order count, tier or
points (:data:`COUNTING`).

Lines: :func:`parse_items` reads the forgiving text a seller types or pastes —
``面膜 x2 @39.9, 护手霜`` — into :class:`OrderLine` s (product, quantity, unit price in 分
or None), and :func:`format_items` writes lines back as such text.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from sellerdesk.core.money import MoneyError, format_plain, parse_fen

PENDING = "pending"
SHIPPED = "shipped"
DELIVERED = "delivered"
CANCELLED = "cancelled"
REFUNDED = "refunded"
STATUSES: tuple[str, ...] = (PENDING, SHIPPED, DELIVERED, CANCELLED, REFUNDED)
STATUS_NAMES: Mapping[str, str] = MappingProxyType(
    {PENDING: "待发货", SHIPPED: "已发货", DELIVERED: "已签收", CANCELLED: "已取消", REFUNDED: "已退款"}
)
COUNTING: frozenset[str] = frozenset((PENDING, SHIPPED, DELIVERED))
NOT_COUNTING: frozenset[str] = frozenset((CANCELLED, REFUNDED))
# Orders that get no waybill and no label, even when asked for by number.
NOT_SHIPPED: frozenset[str] = frozenset((CANCELLED, REFUNDED))

TRANSITIONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        PENDING: frozenset((SHIPPED, CANCELLED, REFUNDED)),
        SHIPPED: frozenset((DELIVERED, CANCELLED, REFUNDED, PENDING)),
        DELIVERED: frozenset((REFUNDED, SHIPPED)),
        CANCELLED: frozenset((PENDING,)),
        REFUNDED: frozenset((PENDING,)),
    }
)

MAX_LINES = 100
MAX_PRODUCT_LENGTH = 200
MAX_QUANTITY = 100_000


class OrderError(ValueError):
    """An order value that cannot be used (one line saying which)."""


def status_of(text: str) -> str:
    """The status key ``text`` names (a key or its Chinese name); :class:`OrderError` otherwise."""
    wanted = text.strip()
    for key in STATUSES:
        if wanted.casefold() == key or wanted == STATUS_NAMES[key]:
            return key
    raise OrderError(f"Unknown order status {text!r}; one of: {', '.join(STATUSES)}.")


# How the shops word a status in their exports (淘宝/千牛, 拼多多, 抖店, 有赞, 微店; see
# resources/templates/SHOP_EXPORTS.md), compared without spaces: the status it is here.
SHOP_STATUSES: Mapping[str, str] = MappingProxyType(
    {
        **{
            text: DELIVERED
            for text in ("交易成功", "已签收", "已完成", "交易完成", "订单完成", "已收货", "买家已确认收货", "确认收货")
        },
        **{
            text: SHIPPED
            for text in (
                "已发货",
                "卖家已发货",
                "卖家已发货，等待买家确认",
                "等待买家确认收货",
                "卖家已发货，待买家确认",
                "待收货",
                "已发货，待收货",
                "已发货待签收",
                "部分发货",
                "运输中",
            )
        },
        **{
            text: PENDING
            for text in (
                "待发货",
                "已付款",
                "买家已付款",
                "等待卖家发货",
                "买家已付款，等待卖家发货",
                "已支付",
                "待出库",
                "备货中",
                "待配货",
            )
        },
        **{
            text: CANCELLED for text in ("交易关闭", "已取消", "订单关闭", "交易已关闭", "已关闭", "订单已取消", "取消")
        },
        **{text: REFUNDED for text in ("退款成功", "已退款", "退款完成", "售后完成", "全额退款")},
    }
)
# Orders never paid: not sales; an import leaves them out (and says so).
UNPAID_STATUSES: frozenset[str] = frozenset(("等待买家付款", "待付款", "未付款", "待支付", "买家未付款"))


def _status_key(text: str) -> str:
    return re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", text)).casefold()


_SHOP_KEYS: Mapping[str, str] = MappingProxyType({_status_key(name): status for name, status in SHOP_STATUSES.items()})


@lru_cache(maxsize=1024)
def shop_status(text: str) -> str | None:
    """The status a shop's status text means (our keys and names too); None when unknown.
    Unpaid orders are unknown here: see :data:`UNPAID_STATUSES`."""
    found = _SHOP_KEYS.get(_status_key(text))
    if found is not None:
        return found
    try:
        return status_of(text)
    except OrderError:
        return None


def is_unpaid(text: str) -> bool:
    return re.sub(r"\s", "", text) in UNPAID_STATUSES


_DATE_PATTERNS = (
    # 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, each maybe followed by a time
    re.compile(
        r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    ),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\s*\d{2}:?\d{2}(?::?\d{2})?)?"),  # 20240305
    # 3/5/2024 (a month-first English sheet)
    re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"),
)


_TIME_OF_DAY = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def date_of(text: str) -> _dt.date:
    """The local calendar date a sheet's date or time cell names: ``2024-03-05 14:22:10``,
    ``2024/3/5``, ``2024年3月5日``, ``2024.03.05``, ``20240305``, ``3/5/2024``, full-width digits.
    The time of day, if any, is dropped: shops export local (Beijing) times, so the date
    written is the date of the order. :class:`OrderError` for anything else."""
    # most cells of a column share their day: the time of day is cut before the (cached) parse
    try:
        return _date_of(_TIME_OF_DAY.sub("", text.strip()))
    except OrderError:
        raise OrderError(f"Not a date: {text.strip()!r} (e.g. 2024-03-05).") from None


@lru_cache(maxsize=4096)
def _date_of(text: str) -> _dt.date:
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            try:
                return _dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise OrderError(f"Not a date: {text.strip()!r} (e.g. 2024-03-05).")


def can_move(old: str, new: str) -> bool:
    """Whether an order may go from status ``old`` to ``new``."""
    return old == new or new in TRANSITIONS.get(old, frozenset())


def check_move(old: str, new: str) -> None:
    if new not in STATUSES:
        raise OrderError(f"Unknown order status {new!r}; one of: {', '.join(STATUSES)}.")
    if not can_move(old, new):
        allowed = ", ".join(sorted(TRANSITIONS.get(old, ()))) or "nothing"
        raise OrderError(f"An order cannot go from {old} to {new} (from {old}: {allowed}).")


@dataclass(frozen=True)
class OrderLine:
    """One line of an order: a product, how many, and the unit price in 分 when known."""

    product: str
    quantity: int = 1
    unit_price_fen: int | None = None

    def __post_init__(self) -> None:
        product = self.product.strip() if isinstance(self.product, str) else ""
        if not product:
            raise OrderError("An order line needs a product name.")
        if len(product) > MAX_PRODUCT_LENGTH:
            raise OrderError(f"A product name has at most {MAX_PRODUCT_LENGTH} characters.")
        object.__setattr__(self, "product", product)
        q = self.quantity
        if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= MAX_QUANTITY:
            raise OrderError(f"The quantity of {product!r} must be a whole number from 1 to {MAX_QUANTITY}.")
        p = self.unit_price_fen
        if p is not None and (isinstance(p, bool) or not isinstance(p, int) or p < 0):
            raise OrderError(f"The unit price of {product!r} must be whole 分, not negative.")

    @property
    def total_fen(self) -> int | None:
        return None if self.unit_price_fen is None else self.unit_price_fen * self.quantity


_SPLIT = re.compile(r"[,;\n、]+")
# "面膜 x2 @39.9", "面膜×2", "面膜*2件", "面膜 ×2 @¥39.90", "面膜 @39.9 x2"
_PRICE = re.compile(r"\s*[@＠]\s*(?P<price>[^@＠]*?)\s*$")
_QUANTITY = re.compile(r"\s*(?P<mark>[x×*X])\s*(?P<qty>\d+)\s*(?:件|个|盒|瓶|包|袋|支|罐|份|套|箱)?\s*$")


def parse_items(text: str) -> list[OrderLine]:
    """The lines in ``text``: pieces separated by , ; 、 or new lines, each
    ``PRODUCT [x|×|* N[件…]] [@ PRICE]`` (price and quantity in either order).

    Without a quantity a line is one piece; without a price its price is unknown (the
    order's amount paid is what counts). Empty pieces are skipped.
    """
    if not isinstance(text, str):
        raise OrderError("Items must be text.")
    normalized = unicodedata.normalize("NFKC", text).replace("，", ",").replace("；", ";")
    # NFKC turns ￥ into ¥ and full-width digits into ASCII, but keeps × and ＠ apart
    normalized = normalized.replace("＠", "@")
    lines: list[OrderLine] = []
    for piece in _SPLIT.split(_protect_grouping(normalized)):
        piece = piece.replace("\x00", ",").strip()
        if not piece:
            continue
        lines.append(_parse_line(piece))
        if len(lines) > MAX_LINES:
            raise OrderError(f"An order has at most {MAX_LINES} lines.")
    return lines


def _protect_grouping(text: str) -> str:
    """Keep the thousands comma of a price (``@1,280``) from splitting the line."""
    return re.sub(r"(@\s*[¥]?\s*\d{1,3}),(?=\d{3}\b)", "\\1\x00", text)


def _parse_line(piece: str) -> OrderLine:
    quantity = 1
    price: int | None = None
    rest = piece
    for _ in range(2):  # quantity and price, in either order
        match = _QUANTITY.search(rest)
        if match and quantity == 1 and match.start() > 0 and not _glued_letter(rest, match):
            quantity = int(match.group("qty"))
            rest = rest[: match.start()]
            continue
        match = _PRICE.search(rest)
        if match and price is None:
            try:
                price = parse_fen(match.group("price").replace("\x00", ","))
            except MoneyError as exc:
                raise OrderError(f"{piece!r}: {exc}") from exc
            rest = rest[: match.start()]
            continue
        break
    if "@" in rest:
        raise OrderError(f"{piece!r}: put the price last, after @ (e.g. 面膜 x2 @39.90).")
    return OrderLine(rest.strip(), quantity, price)


def _glued_letter(text: str, match: re.Match[str]) -> bool:
    """An ASCII x stuck to a Latin letter or digit is part of a name (Mix3, 4x4), not a quantity."""
    before = text[match.start() - 1]
    glued = match.start("mark") == match.start()
    return match.group("mark") in "xX" and glued and before.isascii() and before.isalnum()


def format_items(lines: Iterable[OrderLine]) -> str:
    """``面膜 x2 @39.90, 护手霜``: lines as the text :func:`parse_items` reads back."""
    parts = []
    for line in lines:
        text = line.product
        if line.quantity != 1:
            text += f" x{line.quantity}"
        if line.unit_price_fen is not None:
            text += f" @{format_plain(line.unit_price_fen)}"
        parts.append(text)
    return ", ".join(parts)


def lines_total(lines: Sequence[OrderLine]) -> int | None:
    """The sum of the lines in 分, when every line has a price."""
    totals = [line.total_fen for line in lines]
    if not totals or any(t is None for t in totals):
        return None
    return sum(t for t in totals if t is not None)


__all__ = [
    "CANCELLED",
    "NOT_SHIPPED",
    "COUNTING",
    "DELIVERED",
    "NOT_COUNTING",
    "OrderError",
    "OrderLine",
    "PENDING",
    "REFUNDED",
    "SHIPPED",
    "STATUSES",
    "STATUS_NAMES",
    "SHOP_STATUSES",
    "TRANSITIONS",
    "UNPAID_STATUSES",
    "can_move",
    "check_move",
    "date_of",
    "is_unpaid",
    "shop_status",
    "format_items",
    "lines_total",
    "parse_items",
    "status_of",
]
