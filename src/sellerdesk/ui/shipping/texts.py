"""Translated texts of the shipping room: refusals of its files, the values a template column
takes, why a tracking row was not matched."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sellerdesk.exchange.errors import ExchangeError

translate = QCoreApplication.translate


def error(exc: ExchangeError) -> str:
    """The app's line for a refused template, export or result sheet."""
    from sellerdesk.ui.exchange.import_wizard import ExchangeText

    texts = {
        "bad_template_name": translate(
            "ShippingText", "A template name has up to 40 characters, without slashes or : * ? < > |."
        ),
        "template_exists": translate(
            "ShippingText", "A courier template with this name already exists. Choose another name."
        ),
        "bad_blank": translate(
            "ShippingText", "%1 is not an .xlsx workbook. Save the courier's template as .xlsx and try again."
        ),
        "empty_mapping": translate("ShippingText", "Map at least the recipient, phone and address columns."),
        "shipped_template": translate("ShippingText", "Layouts shipped with SellerDesk cannot be removed."),
        "bad_waybill_target": translate("ShippingText", "Waybills are written as .xlsx or .csv files."),
        "no_orders": translate("ShippingText", "No orders to export."),
        "no_tracking_column": translate("ShippingText", "%1 has no tracking-number column (运单号)."),
        "no_match_column": translate(
            "ShippingText",
            "%1 has no order-number (订单号) or phone (收件人手机) column, so no row can be matched to an order.",
        ),
        "bad_template": translate("ShippingText", "The courier template is damaged: %2"),
    }
    text = texts.get(exc.code)
    if text is None:
        return ExchangeText.error(exc)
    return text.replace("%1", exc.params.get("name", "")).replace("%2", str(exc.params.get("reason", "")))


def not_shipped(refused: dict[int, str]) -> str:
    """The line refusing orders asked for by number that are cancelled or refunded
    (:class:`sellerdesk.store.orders.NotShippedError`), each with its status."""
    from sellerdesk.ui.orders.texts import status_name

    listed = "、".join(f"#{i} ({status_name(s)})" for i, s in refused.items())
    return translate("ShippingText", "Cancelled or refunded orders are not shipped: %1. Nothing was written.").replace(
        "%1", listed
    )


def value_labels() -> dict[str, str]:
    """What each template value is called in the mapping dialog."""
    return {
        "order_no": translate("ShippingText", "Order No."),
        "recipient": translate("ShippingText", "Recipient"),
        "mobile": translate("ShippingText", "Recipient mobile"),
        "landline": translate("ShippingText", "Recipient landline"),
        "phone": translate("ShippingText", "Recipient phone (mobile or landline)"),
        "province": translate("ShippingText", "Province"),
        "city": translate("ShippingText", "City"),
        "district": translate("ShippingText", "District"),
        "detail": translate("ShippingText", "Street address (without province/city/district)"),
        "address": translate("ShippingText", "Full address (province + city + district + street)"),
        "region": translate("ShippingText", "Province, city and district"),
        "postal_code": translate("ShippingText", "Postal code"),
        "items": translate("ShippingText", "Items (from the order)"),
        "quantity": translate("ShippingText", "Quantity (items added up)"),
        "parcels": translate("ShippingText", "Parcels (1)"),
        "order_notes": translate("ShippingText", "Order notes"),
        "order_date": translate("ShippingText", "Order date"),
        "amount": translate("ShippingText", "Order amount"),
        "name": translate("ShippingText", "Customer name"),
        "wechat": translate("ShippingText", "WeChat ID"),
        "notes": translate("ShippingText", "Customer notes (private: only if you mean it)"),
        "id": translate("ShippingText", "Order id"),
        "sender_name": translate("ShippingText", "Sender"),
        "sender_phone": translate("ShippingText", "Sender phone"),
        "sender_company": translate("ShippingText", "Sender company"),
        "sender_address": translate("ShippingText", "Sender address (one line)"),
        "sender_province": translate("ShippingText", "Sender province"),
        "sender_city": translate("ShippingText", "Sender city"),
        "sender_district": translate("ShippingText", "Sender district"),
        "sender_detail": translate("ShippingText", "Sender street address"),
    }


def reason(code: str, orders: tuple[int, ...]) -> str:
    texts = {
        "no_tracking": translate("ShippingText", "No tracking number"),
        "no_order": translate("ShippingText", "No matching order"),
        "ambiguous": translate("ShippingText", "Several orders to ship go to this phone: not guessed (orders %1)"),
        "other_tracking": translate("ShippingText", "The order already has another tracking number (order %1)"),
        "not_pending": translate("ShippingText", "The order is not waiting to ship (order %1)"),
        "twice": translate("ShippingText", "A second row for the same order (order %1)"),
        "no_courier": translate(
            "ShippingText",
            "Which courier? No 快递公司 column: choose one and import again (order %1)",
        ),
        "too_long": translate("ShippingText", "Tracking number too long to be right"),
        "same_number": translate("ShippingText", "Another order in the sheet has this number too (orders %1)"),
    }
    return texts.get(code, code).replace("%1", ", ".join(str(i) for i in orders))
