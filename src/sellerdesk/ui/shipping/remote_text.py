"""The 偏远地区 summary line an export shows ("3 个订单发往偏远地区"), in the GUI's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def remote_summary(*, orders: int = 0, customers: int = 0) -> str:
    """Of orders when given ("3 orders ship to a remote area"), else of customers; "" for none."""
    if orders:
        return QCoreApplication.translate("RemoteSummary", "%n order(s) ship to a remote area (偏远地区)", "", orders)
    if customers:
        return QCoreApplication.translate("RemoteSummary", "%n customer(s) in a remote area (偏远地区)", "", customers)
    return ""
