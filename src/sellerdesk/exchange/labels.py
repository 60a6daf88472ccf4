"""What goes on a shipping label, and the label sheets' geometry (no Qt: painting is in ui/shipping/).

A :class:`LabelData` is one label: the sender, the recipient and their phone (masked when the
user chooses, with ``core.phones.mask_phone`` as everywhere else), the whole address, the
items of the order, and the text of its code (the 订单号, else SellerDesk's order number
``#12``). :func:`order_labels` reads them for orders (their ship-to snapshot and lines),
:func:`customer_labels` for customers (their default address, no items). The CLI hands
them as JSON to the painter (:func:`to_json` / :func:`from_json`), which runs in its own
process so the CLI never loads Qt.

The layouts are data in millimetres: an A4 sheet of 2 × 7 labels (99.1 × 38.1 mm, the
common 14-up label paper: Avery L7163 and its many compatibles) and a 100 × 150 mm thermal
label (the 一联单 size of 菜鸟/拼多多 electronic waybills), one per page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sellerdesk.core.fields import place_text
from sellerdesk.core.orders import OrderLine
from sellerdesk.core.phones import mask_phone
from sellerdesk.store.senders import Sender


@dataclass(frozen=True)
class LabelLayout:
    """A page of ``columns`` × ``rows`` labels of ``label_w`` × ``label_h`` mm."""

    name: str
    page_w: float
    page_h: float
    columns: int
    rows: int
    label_w: float
    label_h: float
    left: float  # page edge to the first label
    top: float
    gap_x: float  # between labels
    gap_y: float
    padding: float  # inside a label, kept clear of print

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Top-left corner (mm) of label ``slot`` (0-based, across then down)."""
        col, row = slot % self.columns, slot // self.columns
        return self.left + col * (self.label_w + self.gap_x), self.top + row * (self.label_h + self.gap_y)


LAYOUTS: dict[str, LabelLayout] = {
    # 2 × 7 on A4: 99.1 × 38.1 mm labels, 4.65 mm side and 15.15 mm top margins, 2.5 mm column gap.
    "a4": LabelLayout("a4", 210, 297, 2, 7, 99.1, 38.1, 4.65, 15.15, 2.5, 0.0, 2.5),
    "thermal": LabelLayout("thermal", 100, 150, 1, 1, 100, 150, 0, 0, 0, 0, 4.0),
}


@dataclass(frozen=True)
class LabelData:
    """One label's texts, ready to paint."""

    code: str  # what the QR code holds: the 订单号, or "#<order id>"; "" for a customer label
    recipient: str
    phone: str
    address: str
    items: list[str] = field(default_factory=list)
    sender_name: str = ""
    sender_phone: str = ""
    sender_address: str = ""
    sender_company: str = ""
    ref: str = ""  # how a warning names the label: the order number or the customer's name
    # what a courier needs and this label lacks: "province", "city" (empty), "phone" (empty or not a number)
    missing: tuple[str, ...] = ()


def item_texts(lines: Sequence[OrderLine], fallback: str = "") -> list[str]:
    """``面膜 ×2`` per line; the order's items text when it has no lines."""
    if not lines:
        return [fallback] if fallback.strip() else []
    return [f"{line.product} ×{line.quantity}" if line.quantity != 1 else line.product for line in lines]


def _sender_fields(sender: Sender | None, mask: bool) -> dict[str, Any]:
    if sender is None:
        return {}
    return {
        "sender_name": sender.name,
        "sender_phone": mask_phone(sender.phone) if mask else sender.phone,
        "sender_address": sender.address,
        "sender_company": sender.company,
    }


def order_labels(order_ids: Sequence[int], *, mask: bool = False, sender: Sender | None = None) -> list[LabelData]:
    """Labels for the orders ``order_ids`` (in that order; unknown ids are skipped)."""
    from sellerdesk.store import orders

    rows = orders.rows_for_ids(order_ids)
    lines = orders.lines_of(list(rows))
    extra = _sender_fields(sender, mask)
    out: list[LabelData] = []
    for oid in order_ids:
        row = rows.get(oid)
        if row is None:
            continue
        ship = row.ship_to or {}
        phone = str(ship.get("phone") or "")
        out.append(
            LabelData(
                code=row.order_no or f"#{row.id}",
                recipient=str(ship.get("recipient") or "") or row.customer_name,
                phone=mask_phone(phone) if mask else phone,
                address=_address(ship),
                items=item_texts(lines.get(oid, []), row.items),
                ref=row.order_no or f"#{row.id}",
                missing=unshippable(str(ship.get("province") or ""), str(ship.get("city") or ""), phone),
                **extra,
            )
        )
    return out


def customer_labels(
    customer_ids: Sequence[int], *, mask: bool = False, sender: Sender | None = None
) -> list[LabelData]:
    """Labels for customers (their default address; no items, no code)."""
    from sellerdesk.store import queries

    rows = queries.rows_for_ids(customer_ids)
    addresses = queries.addresses_of(list(rows))
    extra = _sender_fields(sender, mask)
    out: list[LabelData] = []
    for cid in customer_ids:
        row = rows.get(cid)
        if row is None:
            continue
        default = next((a for a in addresses.get(cid, []) if a.is_default), None)
        phone = (default.phone if default is not None and default.phone else "") or row.phone
        recipient = (default.recipient if default is not None and default.recipient else "") or row.name
        out.append(
            LabelData(
                code="",
                recipient=recipient,
                phone=mask_phone(phone) if mask else phone,
                address=row.address_text,
                ref=row.name or row.phone or f"#{row.id}",
                missing=unshippable(
                    default.province if default is not None else "", default.city if default is not None else "", phone
                ),
                **extra,
            )
        )
    return out


def unshippable(province: str, city: str, phone: str) -> tuple[str, ...]:
    """What a courier refuses a parcel without (收件省/市, a phone that is one), in that order."""
    from sellerdesk.core.phones import is_mask, normalize_phone

    missing = [name for name, value in (("province", province), ("city", city)) if not value.strip()]
    if not normalize_phone(phone).valid and not is_mask(phone):  # a team helper's phones come masked
        missing.append("phone")
    return tuple(missing)


def _address(ship: dict[str, object] | object) -> str:
    get = ship.get if isinstance(ship, dict) else (lambda _k: "")
    return place_text(*(str(get(k) or "") for k in ("province", "city", "district", "detail")))


def pending_order_ids() -> list[int]:
    """The 待发货 orders, oldest first (``labels --status pending``)."""
    from sellerdesk.core.orders import PENDING
    from sellerdesk.store import orders

    return orders.order_ids(orders.OrderFilter(statuses=(PENDING,)), "date")


def to_json(labels: Iterable[LabelData]) -> str:
    return json.dumps([asdict(label) for label in labels], ensure_ascii=False)


def from_json(text: str) -> list[LabelData]:
    return [LabelData(**item) for item in json.loads(text)]
