"""今日待办: a card per section of :mod:`sellerdesk.ui.today.sections`, each with its count and
a click-through. The counts are read in a worker (one job for all sections, on the job's own
connection): at 100k customers the re-check count alone takes about 0.1 s.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock
from sellerdesk.jobs import runner
from sellerdesk.jobs.worker import Job
from sellerdesk.ui.today.sections import SECTIONS, TodaySection, count_all
from sellerdesk.ui.widgets.icons import icon

COLUMNS = 3


class SectionCard(QPushButton):
    """One section: its count, big, with its title and hint; a click opens what it counts."""

    def __init__(self, section: TodaySection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"today_{section.key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(118)
        self.setStyleSheet(
            "SectionCard { text-align: left; border: 1px solid palette(mid); border-radius: 8px;"
            " background: palette(base); padding: 0; }"
            "SectionCard:hover { border-color: #2563eb; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        badge = QLabel()
        badge.setPixmap(icon(section.icon or "today").pixmap(QSize(34, 34)))
        badge.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(badge)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.count_label = QLabel("…")
        self.count_label.setObjectName("count")
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.count_label.setFont(font)
        self.title_label = QLabel(section.title())
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.hint_label = QLabel(section.hint())
        self.hint_label.setStyleSheet("color: palette(placeholder-text)")
        self.hint_label.setWordWrap(True)
        for label in (self.count_label, self.title_label, self.hint_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            texts.addWidget(label)
        texts.addStretch(1)
        layout.addLayout(texts, 1)
        badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.count: int | None = None

    def show_count(self, count: int | None) -> None:
        self.count = count
        if count is None:
            self.count_label.setText("—")
            self.setToolTip(self.tr("This count could not be read; see the log."))
            return
        self.count_label.setText(f"{count:,}")
        colour = "#b45309" if count else "#16a34a"
        self.count_label.setStyleSheet(f"color: {colour}")
        self.setToolTip("")


class TodayPage(QWidget):
    """The start page. ``open_section`` carries the key of a card clicked (the window acts on it)."""

    open_section = Signal(str)
    summary_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, sections: list[TodaySection] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.sections = list(SECTIONS if sections is None else sections)
        self.job: Job | None = None
        self.stale = True  # counts to read when next shown
        self.counts: dict[str, int | None] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Today"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        head.addWidget(self.title)
        self.date_label = QLabel()
        self.date_label.setStyleSheet("color: palette(placeholder-text)")
        head.addWidget(self.date_label)
        head.addStretch(1)
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        outer.addLayout(head)
        self.status = QLabel()
        self.status.setObjectName("todayStatus")
        outer.addWidget(self.status)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        self.cards: dict[str, SectionCard] = {}
        for position, section in enumerate(self.sections):
            card = SectionCard(section)
            card.clicked.connect(lambda _c=False, key=section.key: self.open_section.emit(key))
            grid.addWidget(card, position // COLUMNS, position % COLUMNS)
            self.cards[section.key] = card
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        outer.addLayout(grid)
        outer.addStretch(1)

    def section(self, key: str) -> TodaySection:
        return next(s for s in self.sections if s.key == key)

    def data_changed(self) -> None:
        """The data changed: counted again now when showing, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Count every section again, in a worker (a count running already is let finish)."""
        self.stale = False
        today = clock.today()
        day = QDate(today.year, today.month, today.day)
        self.date_label.setText(QLocale().toString(day, QLocale.FormatType.LongFormat))  # 2026年12月4日星期五
        if self.job is not None and self.job.running:
            self.stale = True  # counted again when that one reports
            return
        sections = list(self.sections)

        def count(_progress, _token) -> dict[str, int | None]:
            from sellerdesk.store.models import DB

            return count_all(sections, DB.obj)

        self.status.setText(self.tr("Counting…"))
        if self.job is not None:
            self.job.deleteLater()
        job = Job(count, "today-counts", self)
        job.succeeded.connect(self._counted)
        job.failed.connect(self._failed)
        self.job = job
        runner.start(job)

    def _counted(self, counts: dict[str, int | None]) -> None:
        self.counts = counts
        for key, card in self.cards.items():
            card.show_count(counts.get(key))
        total = sum(n for n in counts.values() if n)
        self.status.setText(
            self.tr("Nothing needs doing today.") if total == 0 else self.tr("Click a card to work through it.")
        )
        self.summary_changed.emit(self.summary_text())
        if self.stale and self.isVisible():
            self.refresh()

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The counts could not be read: %1").replace("%1", message))

    def summary_text(self) -> str:
        parts = [f"{s.title()} {self.counts[s.key]:,}" for s in self.sections if self.counts.get(s.key) is not None]
        return " · ".join(parts)
