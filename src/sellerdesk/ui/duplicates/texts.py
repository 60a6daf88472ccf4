"""The translated texts of the duplicate reasons and of the merge refusals the app can meet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sellerdesk.store.merges import MergeRefused


def reason_text(code: str) -> str:
    return {
        "name_address": QCoreApplication.translate("Duplicates", "Same name at the same address"),
        "similar_name_phone": QCoreApplication.translate("Duplicates", "Similar names, same phone"),
        "similar_name_address": QCoreApplication.translate("Duplicates", "Similar names, same address"),
        "wechat": QCoreApplication.translate("Duplicates", "Same WeChat ID"),
        "phone": QCoreApplication.translate("Duplicates", "Same phone"),
    }.get(code, code)


def refusal_text(exc: MergeRefused) -> str:
    """A merge refusal in the user's language (the store's English line for the rare rest)."""
    params = {k: str(v) for k, v in exc.params.items()}
    text = {
        "undone": QCoreApplication.translate("Duplicates", "This merge was undone already."),
        "purged": QCoreApplication.translate(
            "Duplicates", "This merge can no longer be undone: customer %1 was deleted for good."
        ).replace("%1", params.get("id", "")),
        "later": QCoreApplication.translate(
            "Duplicates", "Undo merge %1 first: it came later and involves the same customers."
        ).replace("%1", params.get("later", "")),
        "trashed": QCoreApplication.translate("Duplicates", "Customer %1 is in the Trash; restore them first.").replace(
            "%1", params.get("id", "")
        ),
        "missing": QCoreApplication.translate("Duplicates", "Customer %1 no longer exists.").replace(
            "%1", params.get("id", "")
        ),
    }.get(exc.code)
    return text or str(exc)
