"""The dashboard's charts, painted with QPainter (no QtCharts: see docs/ARCHITECTURE.md › Dashboard).

* :class:`BarChart`: labelled horizontal bars, most first; a click on a bar emits ``activated``
  with its key (when the chart is ``clickable``); hovering shows the label and value.
* :class:`MonthChart`: one column a month (24 months), hover shows month and value.
* :class:`Card`: a framed box with a title, holding one chart.

Each chart shows its ``empty_text`` when it has nothing to draw (a new database).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

BAR = QColor("#3b82f6")
BAR_HOVER = QColor("#1d4ed8")
GRID = QColor("#e5e7eb")


@dataclass(frozen=True)
class Bar:
    key: object  # what a click hands on (a province, a tier …); None: not clickable
    label: str
    value: float
    text: str  # the value as shown (1,234 / ¥1,234.50)


class _Chart(QWidget):
    activated = Signal(object)

    def __init__(self, empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.bars: list[Bar] = []
        self.hover = -1
        self.clickable = False
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.hover = -1
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not any(b.value for b in self.bars)

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)

    def _index_at(self, pos: QPointF) -> int:
        return -1

    def mouseMoveEvent(self, event) -> None:
        index = self._index_at(event.position())
        if index != self.hover:
            self.hover = index
            self.update()
        if index >= 0:
            bar = self.bars[index]
            QToolTip.showText(event.globalPosition().toPoint(), f"{bar.label}: {bar.text}", self)
            clickable = self.clickable and bar.key is not None
            self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        else:
            QToolTip.hideText()
            self.unsetCursor()

    def leaveEvent(self, event) -> None:
        self.hover = -1
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        index = self._index_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and self.clickable and index >= 0:
            key = self.bars[index].key
            if key is not None:
                self.activated.emit(key)


class BarChart(_Chart):
    """Horizontal bars: label | bar | value, one row each, in the order given."""

    ROW = 20

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 3) if not self.is_empty() else 3
        return QSize(320, rows * self.ROW + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _label_width(self, metrics: QFontMetrics) -> int:
        widest = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
        return min(widest + 8, max(60, self.width() // 3))

    def _text_width(self, metrics: QFontMetrics) -> int:
        return max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 8

    def _index_at(self, pos: QPointF) -> int:
        if self.is_empty():
            return -1
        index = int((pos.y() - 4) // self.ROW)
        return index if 0 <= index < len(self.bars) and pos.y() >= 4 else -1

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            self._paint_empty(painter)
            return
        metrics = painter.fontMetrics()
        label_w = self._label_width(metrics)
        text_w = self._text_width(metrics)
        room = max(10, self.width() - label_w - text_w - 8)
        top = max((b.value for b in self.bars), default=0) or 1
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        for i, bar in enumerate(self.bars):
            y = 4 + i * self.ROW
            painter.setPen(text_color)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 6)
            painter.drawText(
                QRectF(0, y, label_w - 6, self.ROW), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
            length = room * bar.value / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_HOVER if i == self.hover else BAR)
            painter.drawRoundedRect(QRectF(label_w, y + 3, max(length, 1.5), self.ROW - 6), 2, 2)
            painter.setPen(text_color)
            painter.drawText(
                QRectF(label_w + length + 4, y, text_w, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )


class MonthChart(_Chart):
    """One column a month; every third month labelled (``YY-MM``, the newest always), the top value on the axis."""

    def __init__(self, empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(empty_text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 180)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)

    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(self.axis_text()) + 10
        return QRectF(left, 8, max(10, self.width() - left - 6), max(10, self.height() - 8 - metrics.height() - 8))

    def axis_text(self) -> str:
        top = max((b for b in self.bars), key=lambda b: b.value, default=None)
        return top.text if top is not None else ""

    def _index_at(self, pos: QPointF) -> int:
        if self.is_empty() or not self.bars:
            return -1
        plot = self._plot()
        if not plot.left() <= pos.x() < plot.right():
            return -1
        return min(len(self.bars) - 1, int((pos.x() - plot.left()) / (plot.width() / len(self.bars))))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            self._paint_empty(painter)
            return
        metrics = painter.fontMetrics()
        plot = self._plot()
        top = max(b.value for b in self.bars) or 1
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        painter.setPen(text_color)
        painter.drawText(
            QRectF(0, plot.top() - metrics.height() / 2, plot.left() - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.axis_text(),
        )
        painter.drawText(
            QRectF(0, plot.bottom() - metrics.height() / 2, plot.left() - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "0",
        )
        step = plot.width() / len(self.bars)
        for i, bar in enumerate(self.bars):
            height = plot.height() * bar.value / top
            x = plot.left() + i * step
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_HOVER if i == self.hover else BAR)
            painter.drawRect(QRectF(x + step * 0.15, plot.bottom() - height, step * 0.7, height))
            if (len(self.bars) - 1 - i) % 3 == 0:  # every third month, counted back from the newest
                painter.setPen(text_color)
                label = bar.label[2:] if len(bar.label) == 7 else bar.label  # 2026-05 → 26-05
                painter.drawText(
                    QRectF(x - step, plot.bottom() + 4, step * 3, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    label,
                )


class Card(QFrame):
    """A framed box: a bold title over one chart (or any widget)."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#dashboardCard { background: palette(base); border: 1px solid #d1d5db; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(body, 1 if body.sizePolicy().verticalPolicy() != QSizePolicy.Policy.Fixed else 0)
        layout.addStretch(0 if body.sizePolicy().verticalPolicy() != QSizePolicy.Policy.Fixed else 1)
        self.body = body


class NumberTile(QFrame):
    """One number: a title, the value in large type, and a line under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTile")
        self.setStyleSheet("QFrame#dashboardTile { background: palette(base); border: 1px solid #d1d5db; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(title)
        self.value = QLabel("…")
        self.value.setObjectName("tileValue")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b7280;")
        for widget in (self.title, self.value, self.note):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_value(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
