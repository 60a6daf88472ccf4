"""Mark orders shipped: the courier, tracking number and ship date, asked once for all of them."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from sellerdesk.core import clock
from sellerdesk.ui.orders.order_dialog import FIRST_DATE, courier_and_tracking_fields
from sellerdesk.ui.widgets.dates import pydate, qdate
from sellerdesk.ui.widgets.forms import ok_cancel


class ShipDialog(QDialog):
    """Asks how ``count`` orders went out; :meth:`values` are ``set_status`` arguments."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shipDialog")
        self.setWindowTitle(self.tr("Mark as shipped"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Mark %n order(s) as shipped.", "", count))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.courier, self.tracking = courier_and_tracking_fields()
        courier_edit = self.courier.lineEdit()
        assert courier_edit is not None  # (editable)
        courier_edit.setPlaceholderText(self.tr("e.g. 顺丰"))
        self.tracking.setPlaceholderText(
            self.tr("Leave empty to keep each order's own") if count > 1 else self.tr("e.g. SF1234567890")
        )
        today = clock.today()
        self.ship_date = QDateEdit(qdate(today))
        self.ship_date.setObjectName("shipDate")
        self.ship_date.setCalendarPopup(True)
        self.ship_date.setDisplayFormat("yyyy-MM-dd")
        self.ship_date.setDateRange(FIRST_DATE, qdate(today + _dt.timedelta(days=1)))
        form.addRow(self.tr("Courier"), self.courier)
        form.addRow(self.tr("Tracking no."), self.tracking)
        form.addRow(self.tr("Ship date"), self.ship_date)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self.accept, self.reject, ok_text=self.tr("Mark shipped")))
        self.setMinimumWidth(380)

    def values(self) -> dict[str, Any]:
        """Courier and tracking number when given (empty: each order keeps its own), the ship date."""
        courier = self.courier.currentText().strip()
        tracking = self.tracking.text().strip()
        return {
            "courier": courier or None,
            "tracking_no": tracking or None,
            "shipped_on": pydate(self.ship_date.date()),
        }


__all__ = ["ShipDialog"]
