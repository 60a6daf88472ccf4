"""The customer table's columns: default widths, which show on a narrow screen, the address
column that takes the room left, and the header's right-click menu to show or hide columns.

At a first start (no saved header) on a narrow table — a 1366×768 laptop, or the default
1400-px window with the editor beside it — 微信号 (shown in the editor), 大区 (the region tree
says it) and 更新时间 start hidden, so 等级, 订单数, 累计消费 and 最近下单 are on screen without
scrolling sideways; they come back when the table grows wide (the window maximised on a
bigger screen) and go again when it narrows, until the user shows or hides a column from the
header's menu. The address column then fills what is left (never less than
``ADDRESS_MIN``) as the window or the splitter moves, until the user drags its width: from
then on it keeps theirs. The header state (order, widths, hidden columns) and that choice are
saved with the window's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView

from sellerdesk.ui.customers.table_model import COLUMNS

DEFAULT_WIDTHS = {
    "name": 76,
    "phone": 104,
    "wechat": 110,
    "address": 300,
    "region": 48,
    "tags": 90,
    "tier": 60,
    "order_count": 56,
    "total_spent": 88,
    "last_order": 92,
    "updated": 124,
}
NARROW_HIDDEN = ("wechat", "region", "updated")
NARROW_BELOW = 1000  # px of table: below it the columns above start hidden
ADDRESS_MIN = 160
ADDRESS = COLUMNS.index("address")


class ColumnLayout(QObject):
    """Owns the column layout of ``table`` (a view on the customer model)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.header = table.horizontalHeader()
        self.fit_address = True  # the address column follows the room left, until the user sizes it
        # the less needed columns come and go with the room (a window maximised after a first
        # start at 1400 px), until the user shows or hides a column
        self.auto_columns = True
        self._fitting = False
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self.show_menu)
        self.header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit(event.size().width())
        return False

    def reset(self, room: int | None = None) -> None:
        """Default order and widths; on a table narrower than ``NARROW_BELOW`` (``room`` px,
        the table's width when not given) the less needed columns are hidden."""
        room = self.table.viewport().width() if room is None else room
        narrow = room < NARROW_BELOW
        self._fitting = True
        try:
            for column, key in enumerate(COLUMNS):
                self.header.moveSection(self.header.visualIndex(column), column)
                self.header.setSectionHidden(column, narrow and key in NARROW_HIDDEN)
                self.header.resizeSection(column, DEFAULT_WIDTHS[key])
        finally:
            self._fitting = False
        self.fit_address = True
        self.auto_columns = True
        self.fit(room)

    def fit(self, room: int | None = None) -> None:
        """Give the address column the width the other visible columns leave (``room`` px);
        while :attr:`auto_columns`, show the less needed columns on a wide table, hide them on
        a narrow one."""
        room = self.table.viewport().width() if room is None else room
        if self.auto_columns and room > 0:
            self._fitting = True
            try:
                for key in NARROW_HIDDEN:
                    column = COLUMNS.index(key)
                    hide = room < NARROW_BELOW
                    if self.header.isSectionHidden(column) != hide:
                        self.header.setSectionHidden(column, hide)
                        if not hide and self.header.sectionSize(column) < 20:
                            self.header.resizeSection(column, DEFAULT_WIDTHS[key])
            finally:
                self._fitting = False
        if not self.fit_address or self.header.isSectionHidden(ADDRESS):
            return
        others = sum(
            self.header.sectionSize(c)
            for c in range(len(COLUMNS))
            if c != ADDRESS and not self.header.isSectionHidden(c)
        )
        self._fitting = True
        try:
            self.header.resizeSection(ADDRESS, max(ADDRESS_MIN, room - others))
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column == ADDRESS and not self._fitting:
            self.fit_address = False  # the user chose a width

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.mapToGlobal(pos))
        menu.deleteLater()

    def menu(self) -> QMenu:
        """A check per column; the last visible one cannot be hidden."""
        menu = QMenu(self.header)
        model = self.table.model()
        visible = [c for c in range(len(COLUMNS)) if not self.header.isSectionHidden(c)]
        for column in range(len(COLUMNS)):
            action = menu.addAction(str(model.headerData(column, self.header.orientation())))
            action.setCheckable(True)
            action.setChecked(column in visible)
            action.setEnabled(not (column in visible and len(visible) == 1))
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
        return menu

    def set_shown(self, column: int, shown: bool) -> None:
        self.auto_columns = False  # the user's choice of columns stays, whatever the width
        self.header.setSectionHidden(column, not shown)
        if shown and self.header.sectionSize(column) < 20:
            self.header.resizeSection(column, DEFAULT_WIDTHS[COLUMNS[column]])
        self.fit()


__all__ = ["DEFAULT_WIDTHS", "NARROW_HIDDEN", "ColumnLayout"]
