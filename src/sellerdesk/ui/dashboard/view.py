"""The 概览 page: number tiles (:mod:`.figures`), the province map and the charts.

Every figure is read in one job (:class:`~sellerdesk.jobs.latest.Latest`, off the UI thread)
when the page is shown after the data changed; the page paints what arrives. A click on the
map or on a bar of 大区 / province / tier asks the window to show those customers
(``filter_requested(kind, value)``: ``("province", "广东省")``, ``("big", "华南")``,
``("tier", "gold")``). 保存 writes the page as PNG or PDF (:mod:`.save`).
"""

from __future__ import annotations

import datetime as _dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock
from sellerdesk.core.money import format_yuan
from sellerdesk.core.orders import STATUS_NAMES
from sellerdesk.jobs.latest import Latest
from sellerdesk.store.stats import province_short
from sellerdesk.ui.dashboard import figures
from sellerdesk.ui.dashboard.charts import Bar, BarChart, Card, MonthChart, NumberTile
from sellerdesk.ui.dashboard.china_map import ChinaMapWidget

log = logging.getLogger(__name__)

TOP_PROVINCES = 12


class DashboardView(QWidget):
    filter_requested = Signal(str, object)  # kind ("province", "big", "tier"), value
    loaded = Signal()  # the figures arrived and are shown

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.context = context
        self.result: dict[str, Any] | None = None
        self.stale = True
        self.job = Latest(figures.compute_all, "dashboard", self)
        self.job.ready.connect(self._arrived)
        self.job.failed.connect(self._failed)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        title = QLabel(self.tr("Overview"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        bar.addWidget(title)
        self.status = QLabel("")
        self.status.setObjectName("dashboardStatus")
        self.status.setStyleSheet("color: #6b7280;")
        bar.addWidget(self.status, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.save_button = QPushButton(self.tr("Save as PNG or PDF…"))
        self.save_button.setObjectName("dashboardSave")
        self.save_button.clicked.connect(lambda: self.save())  # (clicked passes "checked": not a path)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName("dashboardContent")
        self.content.setAutoFillBackground(True)
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll, 1)
        grid = QGridLayout(self.content)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setSpacing(8)

        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, NumberTile] = {}
        for spec in figures.TILES:
            tile = NumberTile(figures.tr_(spec.title))
            tile.setObjectName(f"tile_{spec.key}")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.tiles[spec.key] = tile
            tiles.addWidget(tile)
        grid.addLayout(tiles, 0, 0, 1, 2)

        no_customers = self.tr("No customers yet")
        no_orders = self.tr("No orders yet")
        self.map = ChinaMapWidget(no_customers)
        self.map.setObjectName("provinceMap")
        self.map.activated.connect(lambda name: self.filter_requested.emit("province", name))
        map_body = QWidget()
        map_layout = QVBoxLayout(map_body)
        map_layout.setContentsMargins(0, 0, 0, 0)
        switch = QHBoxLayout()
        self.by_customers = QRadioButton(self.tr("Customers"))
        self.by_sales = QRadioButton(self.tr("Sales"))
        self.by_customers.setChecked(True)
        self.map_metric = QButtonGroup(self)
        for button in (self.by_customers, self.by_sales):
            self.map_metric.addButton(button)
            switch.addWidget(button)
        switch.addStretch(1)
        hint = QLabel(self.tr("Click a province to see its customers"))
        hint.setStyleSheet("color: #6b7280;")
        switch.addWidget(hint)
        self.by_customers.toggled.connect(lambda _on: self._fill_map())
        map_layout.addLayout(switch)
        map_layout.addWidget(self.map, 1)
        self.map.setMinimumHeight(330)
        grid.addWidget(Card(self.tr("Where customers are"), map_body), 1, 0, 2, 1)

        self.regions_chart = self._bars("regionsChart", no_customers, clickable=True)
        self.regions_chart.activated.connect(lambda big: self.filter_requested.emit("big", big))
        grid.addWidget(Card(self.tr("Customers by region"), self.regions_chart), 1, 1)
        self.tiers_chart = self._bars("tiersChart", no_customers, clickable=True)
        self.tiers_chart.activated.connect(lambda level: self.filter_requested.emit("tier", level))
        grid.addWidget(Card(self.tr("Tiers"), self.tiers_chart), 2, 1)

        self.provinces_chart = self._bars("provincesChart", no_customers, clickable=True)
        self.provinces_chart.activated.connect(lambda name: self.filter_requested.emit("province", name))
        grid.addWidget(
            Card(self.tr("Customers by province (top %1)").replace("%1", str(TOP_PROVINCES)), self.provinces_chart),
            3,
            0,
        )
        self.status_chart = self._bars("statusChart", no_orders)
        grid.addWidget(Card(self.tr("Orders by status"), self.status_chart), 3, 1)

        self.new_chart = MonthChart(no_customers)
        self.new_chart.setObjectName("newCustomersChart")
        grid.addWidget(Card(self.tr("New customers per month (24 months)"), self.new_chart), 4, 0)
        self.sales_chart = MonthChart(no_orders)
        self.sales_chart.setObjectName("salesChart")
        grid.addWidget(Card(self.tr("Sales per month (24 months)"), self.sales_chart), 4, 1)

        self.top_customers_chart = self._bars("topCustomersChart", no_orders, clickable=True)
        self.top_customers_chart.activated.connect(lambda cid: self.filter_requested.emit("customer", cid))
        grid.addWidget(Card(self.tr("Top 20 customers by spend"), self.top_customers_chart), 5, 0)
        self.top_products_chart = self._bars("topProductsChart", no_orders)
        grid.addWidget(Card(self.tr("Top products (orders)"), self.top_products_chart), 5, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(6, 1)

    def _bars(self, name: str, empty: str, clickable: bool = False) -> BarChart:
        chart = BarChart(empty)
        chart.setObjectName(name)
        chart.clickable = clickable
        if clickable:
            chart.setToolTip("")
        return chart

    # --- loading ------------------------------------------------------------------------------------------------

    def mark_stale(self) -> None:
        """The data changed: read again now if the page is in front, else when it is shown."""
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        self.status.setText(self.tr("Reading the figures…"))
        now = _dt.datetime.now(_dt.UTC)
        sales_map = self.by_sales.isChecked()
        self.job.request(figures.FigureContext(clock.today(), self.context.datadir.home, now, sales_map))

    def _failed(self, message: str) -> None:
        log.warning("dashboard figures failed: %s", message)
        self.status.setText(self.tr("The figures could not be read: %1").replace("%1", message))

    def _arrived(self, result: dict[str, Any]) -> None:
        self.result = result
        self.context_now = _dt.datetime.now(_dt.UTC)
        ctx = figures.FigureContext(clock.today(), self.context.datadir.home, self.context_now)
        for spec in figures.TILES:
            big, note = spec.show(result[spec.key], ctx)
            self.tiles[spec.key].show_value(big, note)
        unknown = self.tr("(unknown)")
        count = self._count_text

        regions = result["customers_by_region"]
        self.regions_chart.set_bars([Bar(k or None, k or unknown, v, count(v)) for k, v in regions.items() if v or k])
        tiers = result["customers_by_tier"]
        levels = result["tier_levels"]
        self.tiers_chart.set_bars([Bar(levels.get(k) or None, k, v, count(v)) for k, v in tiers.items()])
        provinces = result["customers_by_province"]
        known = [(k, v) for k, v in provinces.items() if k][:TOP_PROVINCES]
        self.provinces_chart.set_bars([Bar(k, province_short(k), v, count(v)) for k, v in known])
        self.status_chart.set_bars(
            [Bar(None, STATUS_NAMES.get(k, k), v, count(v)) for k, v in result["orders_by_status"].items()]
        )
        self.new_chart.set_bars([Bar(None, k, v, count(v)) for k, v in result["new_customers_by_month"].items()])
        self.sales_chart.set_bars([Bar(None, k, v, format_yuan(v)) for k, v in result["sales_by_month"].items()])
        self.top_customers_chart.set_bars(
            [
                Bar(
                    c.id,
                    c.name or f"#{c.id}",
                    c.spent_fen,
                    f"{format_yuan(c.spent_fen)} · {self._orders_text(c.orders)}",
                )
                for c in result["top_customers"]
            ]
        )
        self.top_products_chart.set_bars(
            [Bar(None, p.product, p.orders, count(p.orders)) for p in result["top_products"]]
        )
        self._fill_map()
        self.status.setText(self.tr("As of %1").replace("%1", _dt.datetime.now().strftime("%Y-%m-%d %H:%M")))
        self.loaded.emit()

    def _orders_text(self, n: int) -> str:
        return self.tr("%n order(s)", "", n).replace(str(n), f"{n:,}", 1)

    @staticmethod
    def _count_text(n: int) -> str:
        return f"{n:,}"

    def _fill_map(self) -> None:
        if self.result is None:
            return
        if self.by_sales.isChecked():
            if "sales_by_province" not in self.result:  # read only when asked for: the costliest figure
                self.reload()
                return
            values = {k: v for k, v in self.result["sales_by_province"].items() if k}
            texts = {k: format_yuan(v) for k, v in values.items()}
            self.map.empty_text = self.tr("No orders yet")
        else:
            values = {k: v for k, v in self.result["customers_by_province"].items() if k}
            texts = {k: self.tr("%n customer(s)", "", v).replace(str(v), f"{v:,}", 1) for k, v in values.items()}
            self.map.empty_text = self.tr("No customers yet")
        self.map.set_values(values, texts)

    # --- saving ---------------------------------------------------------------------------------------------------

    def save(self, path: str | None = None) -> Path | None:
        """Ask where (PNG or PDF), write the page's content, say where it went."""
        from sellerdesk.ui.dashboard.save import save_widget
        from sellerdesk.ui.widgets import dialogs
        from sellerdesk.ui.widgets.errors import os_reason

        if path is None:
            path, chosen = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the overview"),
                self.tr("overview.png"),
                self.tr("PNG image (*.png);;PDF document (*.pdf)"),
            )
            if not path:
                return None
            if chosen.endswith("(*.pdf)") and not path.lower().endswith(".pdf"):
                path += ".pdf"
        try:
            written = save_widget(self.content, path, self.tr("Overview"))
        except OSError as exc:  # the OS's reason in the app's language and the file (not "[Errno 28] …")
            text = self.tr("Could not save %1: %2").replace("%1", str(path)).replace("%2", os_reason(exc))
            dialogs.error(self, self.tr("Save the overview"), text)
            return None
        self.status.setText(self.tr("Saved to %1").replace("%1", str(written)))
        return written
