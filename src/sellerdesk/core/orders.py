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

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
    "TRANSITIONS",
    "can_move",
    "check_move",
    "format_items",
    "lines_total",
    "parse_items",
    "status_of",
]
