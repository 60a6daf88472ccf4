"""The lazy rows of a table model: a list of ids in display order, and their data read from the
store a page at a time, the most recently used pages kept.

Mixed into :class:`~sellerdesk.ui.customers.table_model.CustomerTableModel` and
:class:`~sellerdesk.ui.orders.table_model.OrderTableModel`, which set ``_ids`` (and clear
``_row_of`` and ``_pages`` whenever it changes) and read a row with :meth:`_paged_row`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from sellerdesk.ui.widgets.errors import unreachable_server


class PagedIds:
    PAGE_SIZE = 50  # a screenful or two: a new filter's first paint reads only what it shows
    MAX_PAGES = 160

    _ids: list[int]
    _row_of: dict[int, int] | None
    _pages: OrderedDict[int, dict[int, Any]]
    pages_loaded: int  # how many page reads happened (tests check laziness)

    def _init_pages(self) -> None:
        self._ids = []
        self._row_of = None
        self._pages = OrderedDict()
        self.pages_loaded = 0

    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {iid: row for row, iid in enumerate(self._ids)}
        return self._row_of.get(item_id)

    def ids_for_rows(self, rows: Sequence[int]) -> list[int]:
        return [self._ids[r] for r in rows if 0 <= r < len(self._ids)]

    def _paged_row(self, row: int, read: Callable[[list[int]], dict[int, Any]]) -> Any:
        """The data of display row ``row``; ``read(ids)`` reads a page's rows from the store."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // self.PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * self.PAGE_SIZE
            try:
                rows = read(self._ids[start : start + self.PAGE_SIZE])
            except Exception as exc:
                if unreachable_server(exc) is None:
                    raise
                # the team server is away: blank rows (not an exception out of every paint); the
                # page is read again at the next paint, and the views reload when it is back
                return None
            self.pages_loaded += 1
            self._pages[page] = rows
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    @property
    def cached_pages(self) -> int:
        return len(self._pages)


__all__ = ["PagedIds"]
