"""The translated texts of the duplicate reasons and of the merge refusals the app can meet."""

from __future__ import annotations

from collections.abc import Sequence

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


def reasons_text(codes: Sequence[str]) -> str:
    """A group's reasons as one phrase: 姓名相近，电话、地址相同, not the three reasons one after the
    other ("姓名相近、电话相同 · 姓名相近、地址相同 · 电话相同", cut off in the list: QA)."""
    if len(codes) == 1:
        return reason_text(codes[0])
    known = set(codes)
    if "name_address" in known:
        name = QCoreApplication.translate("Duplicates", "Same name")
    elif known & {"similar_name_phone", "similar_name_address"}:
        name = QCoreApplication.translate("Duplicates", "Similar names")
    else:
        name = ""
    shared = []
    if known & {"phone", "similar_name_phone"}:
        shared.append(QCoreApplication.translate("Duplicates", "phone"))
    if known & {"name_address", "similar_name_address"}:
        shared.append(QCoreApplication.translate("Duplicates", "address"))
    if "wechat" in known:
        shared.append(QCoreApplication.translate("Duplicates", "WeChat ID"))
    listed = shared[0] if shared else ""
    for thing in shared[1:]:
        listed = QCoreApplication.translate("Duplicates", "%1, %2").replace("%1", listed).replace("%2", thing)
    if name and listed:
        return QCoreApplication.translate("Duplicates", "%1, same %2").replace("%1", name).replace("%2", listed)
    if listed:
        return QCoreApplication.translate("Duplicates", "Same %1").replace("%1", listed)
    return " · ".join(reason_text(code) for code in codes)


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
