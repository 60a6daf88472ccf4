"""Translated texts of the shipping room: refusals of its files, the values a template column
takes, why a tracking row was not matched."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sellerdesk.exchange.errors import ExchangeError


def translate(text: str) -> str:
    return QCoreApplication.translate("ShippingText", text)


def error(exc: ExchangeError) -> str:
    """The app's line for a refused template, export or result sheet."""
    from sellerdesk.ui.exchange.import_wizard import ExchangeText

    texts = {
        "bad_template_name": translate("A template name has up to 40 characters, without slashes or : * ? < > |."),
        "template_exists": translate("A courier template with this name already exists. Choose another name."),
        "bad_blank": translate("%1 is not an .xlsx workbook. Save the courier's template as .xlsx and try again."),
        "empty_mapping": translate("Map at least the recipient, phone and address columns."),
        "shipped_template": translate("Layouts shipped with SellerDesk cannot be removed."),
        "bad_waybill_target": translate("Waybills are written as .xlsx or .csv files."),
        "no_orders": translate("No orders to export."),
        "no_tracking_column": translate("%1 has no tracking-number column (运单号)."),
        "no_match_column": translate(
            "%1 has no order-number (订单号) or phone (收件人手机) column, so no row can be matched to an order."
        ),
        "bad_template": translate("The courier template is damaged: %2"),
    }
    text = texts.get(exc.code)
    if text is None:
        return ExchangeText.error(exc)
    return text.replace("%1", exc.params.get("name", "")).replace("%2", str(exc.params.get("reason", "")))


def value_labels() -> dict[str, str]:
    """What each template value is called in the mapping dialog."""
    return {
        "order_no": translate("Order No."),
        "recipient": translate("Recipient"),
        "mobile": translate("Recipient mobile"),
        "landline": translate("Recipient landline"),
        "phone": translate("Recipient phone (mobile or landline)"),
        "province": translate("Province"),
        "city": translate("City"),
        "district": translate("District"),
        "detail": translate("Street address (without province/city/district)"),
        "address": translate("Full address (province + city + district + street)"),
        "region": translate("Province, city and district"),
        "postal_code": translate("Postal code"),
        "items": translate("Items (from the order)"),
        "quantity": translate("Quantity (items added up)"),
        "parcels": translate("Parcels (1)"),
        "order_notes": translate("Order notes"),
        "order_date": translate("Order date"),
        "amount": translate("Order amount"),
        "name": translate("Customer name"),
        "wechat": translate("WeChat ID"),
        "notes": translate("Customer notes (private: only if you mean it)"),
        "id": translate("Order id"),
        "sender_name": translate("Sender"),
        "sender_phone": translate("Sender phone"),
        "sender_company": translate("Sender company"),
        "sender_address": translate("Sender address (one line)"),
        "sender_province": translate("Sender province"),
        "sender_city": translate("Sender city"),
        "sender_district": translate("Sender district"),
        "sender_detail": translate("Sender street address"),
    }


def reason(code: str, orders: tuple[int, ...]) -> str:
    texts = {
        "no_tracking": translate("No tracking number"),
        "no_order": translate("No matching order"),
        "ambiguous": translate("Several orders to ship go to this phone: not guessed (orders %1)"),
        "other_tracking": translate("The order already has another tracking number (order %1)"),
        "not_pending": translate("The order is not waiting to ship (order %1)"),
        "twice": translate("A second row for the same order (order %1)"),
    }
    return texts.get(code, code).replace("%1", ", ".join(str(i) for i in orders))
