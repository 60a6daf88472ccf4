"""Translated texts the order dialog, the orders view and the status changes share.

Status names, the one-line refusals of money and of the store's order rules, and the
line that reports a status change of many orders. The store and ``core.money`` raise
English messages (what the CLI prints); here each known refusal gets its translated line,
and an unknown one falls back to the message itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from sellerdesk.core import labels
from sellerdesk.core import orders as core
from sellerdesk.core.phones import mask_phone
from sellerdesk.store.errors import ConflictError, NotFoundError, StoreError
from sellerdesk.store.orders import StatusResult
from sellerdesk.ui.widgets.errors import storage_text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # called as translate("OrderText", "…") at each use: lupdate reads the literals there
    return QCoreApplication.translate(context, text, disambiguation, n)


def status_name(status: str) -> str:
    """The name people see for a status key (待发货 … in Chinese; ``core.labels``, shared with the CLI)."""
    return labels.ORDER_STATUSES.name(status, QCoreApplication.translate)


STATUS_COLOURS: Mapping[str, str] = {
    core.PENDING: "#b45309",  # amber: waiting for the seller
    core.SHIPPED: "#1d4ed8",
    core.DELIVERED: "#15803d",
    core.CANCELLED: "#6b7280",
    core.REFUNDED: "#6b7280",
}


def shown_phone(phone: str, masked: bool) -> str:
    return mask_phone(phone) if masked and phone else phone


def money_error(text: str, message: str) -> str:
    """The translated line for a :class:`core.money.MoneyError` (``message``) on ``text``."""
    shown = text.strip()
    if message.startswith("The amount is empty"):
        return translate("OrderText", "Enter the amount paid, e.g. 128.50.")
    if message.startswith("The amount cannot be negative"):
        return translate("OrderText", "An amount cannot be negative: %1").replace("%1", shown)
    if message.startswith("The amount is too large"):
        return translate("OrderText", "The amount %1 is too large (at most ¥99,999,999.99).").replace("%1", shown)
    if message.startswith("An amount has at most two decimals"):
        return translate("OrderText", "An amount has at most two decimals (分): %1").replace("%1", shown)
    return translate("OrderText", "%1 is not an amount (e.g. 128.50 or ¥1,234.50).").replace("%1", shown)


_ORDER_NO_USED = re.compile(
    r"Order number '(?P<no>.*)' is already used by order (?P<id>\d+)(?P<deleted> \(in the deleted)?"
)


def store_error(exc: StoreError) -> str:
    """The translated line for a store refusal of an order write."""
    storage = storage_text(exc)
    if storage:
        return storage
    message = str(exc)
    if isinstance(exc, ConflictError):
        return translate(
            "OrderText",
            "Someone else changed this order meanwhile (another window, a helper's computer or an import), "
            "so your changes were not saved. Load the latest version and make them again.",
        )
    if isinstance(exc, NotFoundError):
        return translate("OrderText", "This order or customer no longer exists (deleted for good meanwhile).")
    match = _ORDER_NO_USED.match(message)
    if match:
        text = (
            translate("OrderText", "Order number %1 is already used by a deleted order (#%2).")
            if match.group("deleted")
            else translate("OrderText", "Order number %1 is already used by order #%2.")
        )
        return text.replace("%1", match.group("no")).replace("%2", match.group("id"))
    if message == "An order cannot be shipped before it was ordered.":
        return translate("OrderText", "The ship date is before the order date.")
    if re.fullmatch(r"Customer \d+ is in the Trash; restore them first\.", message):
        return translate("OrderText", "This customer is in the Trash: restore them first.")
    if re.fullmatch(r"Address \d+ is deleted; restore it or choose another\.", message):
        return translate("OrderText", "That address was deleted meanwhile: choose another ship-to address.")
    if re.fullmatch(r"Order \d+ is deleted; restore it first\.", message):
        return translate("OrderText", "This order was deleted meanwhile: restore it first.")
    return message


def status_result_line(result: StatusResult, status: str) -> str:
    """One line for a status change of many orders: moved, already there, refused (by their status)."""
    parts: list[str] = []
    target = status_name(status)
    if result.changed:
        parts.append(translate("OrderText", "%n order(s) marked %1", "", len(result.changed)).replace("%1", target))
    if result.unchanged:
        parts.append(translate("OrderText", "%n already %1", "", len(result.unchanged)).replace("%1", target))
    for old, count in sorted(Counter(result.refused.values()).items(), key=lambda kv: core.STATUSES.index(kv[0])):
        if core.can_move(old, status):  # the move is allowed: refused for its dates (shipped before ordered)
            text = translate("OrderText", "%n not changed: the ship date would be before the order date", "", count)
        else:
            text = (
                translate("OrderText", "%n cannot go from %1 to %2", "", count)
                .replace("%1", status_name(old))
                .replace("%2", target)
            )
        parts.append(text)
    if not parts:
        return translate("OrderText", "No order selected.")
    return translate("OrderText", "; ").join(parts) + translate("OrderText", ".")


__all__ = [
    "STATUS_COLOURS",
    "money_error",
    "shown_phone",
    "status_name",
    "status_result_line",
    "store_error",
    "translate",
]
