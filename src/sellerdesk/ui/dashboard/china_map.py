"""The province map: China's 34 provincial units coloured by a number (customers or sales).

Outlines from :func:`sellerdesk.core.china_map.china_map` (bundled, Apache-2.0 source), drawn as
one ``QPainterPath`` a province, projected with longitude scaled by cos(35°) so the country keeps
its familiar shape, the 南海诸岛 inset in the lower right. Colour: five shades of blue by the
square root of the value over the largest (a value of 0 is grey), so 广东 reads darker than 西藏.
Hovering shows name and value; a click emits ``activated`` with the full province name (广东省).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from sellerdesk.core.china_map import china_map

SHADES = [QColor(c) for c in ("#dbeafe", "#93c5fd", "#60a5fa", "#2563eb", "#1e3a8a")]
NONE = QColor("#f3f4f6")
HOVER = QColor("#f59e0b")
SCALE_X = math.cos(math.radians(35))


def shade(value: float, top: float) -> QColor:
    """The fill of a province with ``value`` when the largest is ``top``."""
    if value <= 0 or top <= 0:
        return NONE
    level = math.sqrt(value / top)
    return SHADES[min(len(SHADES) - 1, int(level * len(SHADES)))]


class ChinaMapWidget(QWidget):
    activated = Signal(str)  # the province's full name

    def __init__(self, empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.values: dict[str, float] = {}  # full province name → value
        self.texts: dict[str, str] = {}  # … → the value as shown
        self.hover = ""
        data = china_map()
        self.names = [p.name for p in data.provinces]
        self.shorts = {p.name: p.short for p in data.provinces}
        self.paths: dict[str, QPainterPath] = {}
        for province in data.provinces:
            path = QPainterPath()
            for ring in province.rings:
                path.addPolygon(_polygon(ring))
                path.closeSubpath()
            self.paths[province.name] = path
        self.nanhai = QPainterPath()
        for ring in data.nanhai:
            self.nanhai.addPolygon(_polygon(ring))
            self.nanhai.closeSubpath()
        bounds = QRectF()
        for path in self.paths.values():
            bounds = bounds.united(path.boundingRect())
        self.bounds = bounds.united(self.nanhai.boundingRect())
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(520, 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 240)

    def set_values(self, values: dict[str, float], texts: dict[str, str]) -> None:
        self.values = dict(values)
        self.texts = dict(texts)
        self.update()

    def is_empty(self) -> bool:
        return not any(v > 0 for v in self.values.values())

    def _transform(self) -> QTransform:
        legend = 22
        room = QRectF(4, 4, max(10, self.width() - 8), max(10, self.height() - 8 - legend))
        scale = min(room.width() / self.bounds.width(), room.height() / self.bounds.height())
        dx = room.left() + (room.width() - self.bounds.width() * scale) / 2 - self.bounds.left() * scale
        dy = room.top() + (room.height() - self.bounds.height() * scale) / 2 - self.bounds.top() * scale
        return QTransform(scale, 0, 0, scale, dx, dy)

    def province_at(self, pos: QPointF) -> str:
        inverted, ok = self._transform().inverted()
        if not ok:
            return ""
        point = inverted.map(pos)
        # small ones first: 澳门 and 香港 lie within 广东's bounding box
        for name in sorted(self.paths, key=lambda n: self.paths[n].boundingRect().width()):
            if self.paths[name].contains(point):
                return name
        return ""

    def center_of(self, name: str) -> QPointF:
        """Where the province's largest piece is on screen (tests click there)."""
        path = self.paths[name]
        biggest = max(path.toSubpathPolygons(), key=lambda p: p.boundingRect().width() * p.boundingRect().height())
        inside = _inner_point(biggest, path)
        return self._transform().map(inside)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self._transform()
        top = max(self.values.values(), default=0)
        border = QPen(QColor("#ffffff"), 0.8)
        for name, path in self.paths.items():
            painter.setPen(border)
            color = HOVER if name == self.hover else shade(self.values.get(name, 0), top)
            painter.setBrush(color)
            painter.drawPath(transform.map(path))
        painter.setPen(QPen(QColor("#6b7280"), 0.8))
        painter.setBrush(QColor("#6b7280"))
        painter.drawPath(transform.map(self.nanhai))
        # legend: the five shades, 0 → the largest value
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        y = self.height() - 18
        x = 8.0
        painter.setPen(text_color)
        painter.drawText(QRectF(x, y, 30, 16), Qt.AlignmentFlag.AlignVCenter, "0")
        x += painter.fontMetrics().horizontalAdvance("0") + 6
        for color in [NONE, *SHADES]:
            painter.setPen(QPen(QColor("#d1d5db"), 0.5))
            painter.setBrush(color)
            painter.drawRect(QRectF(x, y + 3, 18, 10))
            x += 20
        painter.setPen(text_color)
        if self.is_empty():
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
            return
        best = max(self.values, key=lambda n: self.values[n])
        top_text = f"{self.texts.get(best, '')}（{self.shorts.get(best, best)}）"
        painter.drawText(QRectF(x + 6, y, 400, 16), Qt.AlignmentFlag.AlignVCenter, top_text)

    def mouseMoveEvent(self, event) -> None:
        name = self.province_at(event.position())
        if name != self.hover:
            self.hover = name
            self.update()
        if name:
            text = f"{self.shorts.get(name, name)}  {self.texts.get(name, '0')}"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.unsetCursor()

    def leaveEvent(self, event) -> None:
        self.hover = ""
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            name = self.province_at(event.position())
            if name:
                self.activated.emit(name)


def _polygon(ring):
    from PySide6.QtGui import QPolygonF

    return QPolygonF([QPointF(lon * SCALE_X, -lat) for lon, lat in ring])


def _inner_point(polygon, path: QPainterPath) -> QPointF:
    """A point inside ``polygon`` (and ``path``): the centre of its bounds if inside, else the
    middle of the widest inside run of the horizontal line through that centre."""
    box = polygon.boundingRect()
    center = box.center()
    if path.contains(center):
        return center
    steps = 200
    best: tuple[float, float] = (0.0, center.x())
    run_start = None
    for i in range(steps + 1):
        x = box.left() + box.width() * i / steps
        inside = path.contains(QPointF(x, center.y()))
        if inside and run_start is None:
            run_start = x
        if (not inside or i == steps) and run_start is not None:
            if x - run_start > best[0]:
                best = (x - run_start, (x + run_start) / 2)
            run_start = None
    return QPointF(best[1], center.y())
