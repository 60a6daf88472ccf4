"""An order from a pasted chat message: who it is for (no Qt here; the dialog shows it).

:func:`look_up` reads the message (:func:`core.order_paste.split` for the WeChat ID, goods,
amount and 订单号; :func:`core.address.parse` for the rest) and finds the customer by phone,
else by WeChat ID, as the importer matches duplicates
(:func:`store.queries.find_by_phone_or_wechat`). It also says whether the pasted address
is one the customer already has. :func:`create_customer` and :func:`add_pasted_address`
write through ``store.customers.save_customer`` (one transaction each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sellerdesk.core.address import parse
from sellerdesk.core.fields import ADDRESS_FIELDS, has_place
from sellerdesk.core.order_paste import split
from sellerdesk.store import customers as store_customers
from sellerdesk.store import queries
from sellerdesk.store.customers import SAME_PLACE_FIELDS, AddressEdit, phone_of, resolved_place, same_place
from sellerdesk.store.models import Address, Customer

REGION_LEVELS = ("province", "city", "district")


@dataclass
class PasteLookup:
    """What a pasted message says about the customer and the order."""

    name: str = ""
    phone: str = ""  # normalised
    wechat: str = ""
    address: dict[str, Any] = field(default_factory=dict)  # resolved address fields (official names, adcode)
    items: str = ""
    amount_fen: int | None = None
    remarks: list[str] = field(default_factory=list)  # the customer's delivery remarks (备注：不要放门口)
    order_no: str = ""
    customer: Customer | None = None
    found_by: str = ""  # "phone" or "wechat"
    known_address_id: int | None = None  # the customer's live address equal to the pasted one

    @property
    def has_place(self) -> bool:
        return has_place(self.address)

    @property
    def can_create(self) -> bool:
        return bool(self.name or self.phone or self.wechat)

    @property
    def adds_wechat(self) -> bool:
        """The customer was found by phone, has no WeChat ID yet, and the message gives one."""
        return self.customer is not None and bool(self.wechat) and not self.customer.wechat


def _same_place(address: Address, values: dict[str, Any]) -> bool:
    """The same place (:func:`store.customers.same_place`)."""
    return same_place({name: getattr(address, name) for name in SAME_PLACE_FIELDS}, values)


def look_up(text: str) -> PasteLookup:
    """Read ``text`` and find its customer (see the module text)."""
    parts = split(text)
    fields: dict[str, Any] = {}
    remarks: list[str] = []
    if parts.address_text.strip():
        parsed = parse(parts.address_text)
        fields, remarks = parsed.address_fields(), list(parsed.remarks)
    phone = str(fields.get("phone") or "")
    number = phone_of(phone).value if phone else ""
    address = {k: v for k, v in fields.items() if k in ADDRESS_FIELDS}
    if number:
        address["phone"] = number
    # an address names a region: text with none read (面膜两盒 198元 after the name and phone,
    # goods without a label the split leaves in the address text) is no place to ship to, and
    # was offered as the ship-to and as a new address of the customer (QA)
    pasted_place = has_place(address) and any(address.get(level) for level in REGION_LEVELS)
    if pasted_place:
        address = resolved_place(address)
    lookup = PasteLookup(
        name=str(fields.get("recipient") or ""),
        phone=number,
        wechat=parts.wechat,
        address=address if pasted_place else {},
        items=parts.items,
        amount_fen=parts.amount_fen,
        order_no=parts.order_no,
        remarks=remarks,
    )
    customer = queries.find_by_phone_or_wechat(number, parts.wechat)
    if customer is not None:
        lookup.customer = customer
        lookup.found_by = "phone" if number and customer.phone == number else "wechat"
        if lookup.has_place:
            for stored in store_customers.live_addresses(customer.id):
                if _same_place(stored, lookup.address):
                    lookup.known_address_id = stored.id
                    break
    return lookup


def create_customer(lookup: PasteLookup) -> tuple[int, int | None]:
    """A new customer from the message, with the pasted address as their default; returns
    (customer id, address id or None)."""
    data = {"name": lookup.name, "phone": lookup.phone, "wechat": lookup.wechat}
    edits = [AddressEdit(dict(lookup.address), is_default=True)] if lookup.has_place else []
    customer = store_customers.save_customer(None, data, edits, reason="order paste")
    live = store_customers.live_addresses(customer.id)
    return customer.id, (live[0].id if live else None)


def add_pasted_address(lookup: PasteLookup, *, with_address: bool = True) -> int | None:
    """Give the customer found the pasted address (as a new, not default, address) and the
    WeChat ID they lacked; returns the new address's id (None when none was added)."""
    customer = lookup.customer
    assert customer is not None
    before = {a.id for a in store_customers.live_addresses(customer.id)}
    data = {"wechat": lookup.wechat} if lookup.adds_wechat else {}
    # an address the customer has already (the same after normalisation) is never added twice
    new_place = with_address and lookup.has_place and lookup.known_address_id is None
    edits = [AddressEdit(dict(lookup.address))] if new_place else []
    store_customers.save_customer(customer.id, data, edits, reason="order paste")
    added = [a.id for a in store_customers.live_addresses(customer.id) if a.id not in before]
    return added[0] if added else None


__all__ = ["PasteLookup", "add_pasted_address", "create_customer", "look_up"]
