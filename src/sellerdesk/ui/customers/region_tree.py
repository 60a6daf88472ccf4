"""The region filter: 大区 → 省 → 市 with customer counts, plus "address incomplete".

Multi-select (Ctrl/Shift-click). The selection becomes the region part of a
:class:`CustomerFilter` (provinces, (province, city) pairs, incomplete_address); the main
window combines it with search, tag and tier. Counts come from indexed queries
(:func:`queries.view_counts`); the main window counts in a worker whenever customers or the
search, tag and tier filters change and hands the numbers to :meth:`RegionTree.apply_counts`
(whole-view counts give the tree its shape; with a filter the numbers are those of the
matching customers, under "All matching"), so the tree can be built without them
(``counted=False``: labels without numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from sellerdesk.core import regions
from sellerdesk.store import queries
from sellerdesk.ui.widgets.icons import icon

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "all", "big", "province", "city", "remote", "incomplete"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # big-region name, province name, or (province, city)


@dataclass(frozen=True)
class RegionSelection:
    provinces: tuple[str, ...] = ()
    cities: tuple[tuple[str, str], ...] = ()
    incomplete: bool = False
    remote: bool = False  # 偏远地区

    @property
    def empty(self) -> bool:
        return not (self.provinces or self.cities or self.incomplete or self.remote)


def _province_order() -> dict[str, int]:
    return {p.name: i for i, p in enumerate(regions.provinces())}


class RegionTree(QTreeView):
    selection_changed = Signal(object)  # RegionSelection

    def __init__(self, parent=None, counted: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("regionTree")
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAnimated(True)
        self._updating = False
        self._items: dict[tuple, QStandardItem] = {}  # (kind, value) → item, for select_keys
        self.filtered = False  # the numbers are of the customers a search/tag/tier filter lets through
        self._shown: dict[tuple[str, str], int] | None = None
        self.selectionModel().selectionChanged.connect(self._on_selection)
        if counted:
            self.refresh()
        else:
            self.apply_counts(None, None, emit=False)

    # --- building ---------------------------------------------------------------------------------------------

    def refresh(self, emit: bool = True) -> None:
        """Recount (after edits, imports, deletes), keeping what was selected and expanded."""
        self.apply_counts(queries.region_counts(), queries.count_incomplete(), emit, remote=queries.count_remote())

    def apply_counts(
        self,
        counts: dict[tuple[str, str], int] | None,
        incomplete: int | None,
        emit: bool = True,
        shown: dict[tuple[str, str], int] | None = None,
        shown_incomplete: int | None = None,
        remote: int | None = None,
        shown_remote: int | None = None,
    ) -> None:
        """Rebuild from counts per (province, city) (None: not counted yet, no numbers shown).

        ``shown``: the counts of the customers the search, tag and tier filters let through;
        the tree keeps the shape of ``counts`` (no place disappears while typing) and shows
        these numbers instead, places without a match greyed, under "All matching".
        """
        selected = {self._key(i) for i in self.selectionModel().selectedIndexes()}
        expanded = set()
        for row in range(self.model_.rowCount()):
            self._collect_expanded(self.model_.index(row, 0), expanded)
        self.filtered = shown is not None
        self._shown = shown if shown is not None else counts
        self._updating = True
        try:
            self.model_.clear()
            self._items = {}
            root = self.model_.invisibleRootItem()
            numbers = shown if shown is not None else counts
            total = sum(numbers.values()) if numbers is not None else None
            counts = counts or {}
            if shown is not None:
                everyone = self._item(self.tr("All matching"), total, "all", None, "search")
                everyone.setToolTip(self.tr("The numbers count the customers the search and filters let through."))
            else:
                everyone = self._item(self.tr("All customers"), total, "all", None, "people")
            root.appendRow(everyone)
            order = _province_order()
            by_province: dict[str, dict[str, int]] = {}
            for (province, city), n in counts.items():
                if province:
                    by_province.setdefault(province, {})[city] = n
            placed: set[str] = set()
            for big in regions.big_regions():
                provinces = [p for p in by_province if regions.big_region(p) == big]
                if not provinces:
                    continue
                big_item = self._item(big, self._sum(provinces, by_province), "big", big, "map")
                for province in sorted(provinces, key=lambda p: order.get(p, 999)):
                    placed.add(province)
                    big_item.appendRow(self._province_item(province, by_province[province]))
                root.appendRow(big_item)
            others = [p for p in by_province if p not in placed]
            if others:
                other_item = self._item(self.tr("Other"), self._sum(others, by_province), "big", "", "map")
                for province in sorted(others):
                    other_item.appendRow(self._province_item(province, by_province[province]))
                root.appendRow(other_item)
            far = shown_remote if shown is not None else remote
            far_item = self._item(self.tr("Remote areas"), far, "remote", None, "remote")
            far_item.setToolTip(
                self.tr(
                    "Customers whose default address is in a remote area (偏远地区); "
                    "the list is under Edit ▸ Remote areas…"
                )
            )
            root.appendRow(far_item)
            missing = shown_incomplete if shown is not None else incomplete
            root.appendRow(self._item(self.tr("Address incomplete"), missing, "incomplete", None, "warning"))
            for row in range(self.model_.rowCount()):
                self._restore(self.model_.index(row, 0), selected, expanded)
        finally:
            self._updating = False
        if emit:
            self._emit()

    def _sum(self, provinces: list[str], by_province: dict[str, dict[str, int]]) -> int:
        """The number shown for these provinces: all their customers, or those matching."""
        return sum(self._number(p, city, by_province) for p in provinces for city in by_province[p])

    def _number(self, province: str, city: str, by_province: dict[str, dict[str, int]]) -> int:
        if not self.filtered:
            return by_province[province][city]
        return self._shown.get((province, city), 0) if self._shown is not None else 0

    def _province_item(self, province: str, cities: dict[str, int]) -> QStandardItem:
        by_province = {province: cities}
        item = self._item(province, self._sum([province], by_province), "province", province, None)
        if len(cities) > 1 or (cities and next(iter(cities)) not in ("", province)):
            numbers = {city: self._number(province, city, by_province) for city in cities}
            for city in sorted(cities, key=lambda c: (-numbers[c], -cities[c])):
                label = city or self.tr("(city unknown)")
                item.appendRow(self._item(label, numbers[city], "city", (province, city), None))
        return item

    def _item(self, text: str, count: int | None, kind: str, value, icon_name: str | None) -> QStandardItem:
        item = QStandardItem(f"{text}  ({count:,})" if count is not None else text)
        item.setData(kind, KIND_ROLE)
        item.setData(value, VALUE_ROLE)
        self._items.setdefault((kind, tuple(value) if isinstance(value, (list, tuple)) else value), item)
        if count is not None:
            if self.filtered:
                item.setToolTip(self.tr("%n customer(s) matching the search and filters", "", count))
                if count == 0 and kind != "all":
                    item.setForeground(
                        self.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
                    )
            else:
                item.setToolTip(self.tr("%n customer(s)", "", count))
        if icon_name:
            item.setIcon(icon(icon_name))
        return item

    @staticmethod
    def _key(index) -> tuple:
        value = index.data(VALUE_ROLE)
        return (index.data(KIND_ROLE), tuple(value) if isinstance(value, (list, tuple)) else value)

    def _collect_expanded(self, index, out: set) -> None:
        if self.isExpanded(index):
            out.add(self._key(index))
        for row in range(self.model_.rowCount(index)):
            self._collect_expanded(self.model_.index(row, 0, index), out)

    def _restore(self, index, selected: set, expanded: set) -> None:
        key = self._key(index)
        if key in expanded:
            self.setExpanded(index, True)
        if key in selected:
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
        for row in range(self.model_.rowCount(index)):
            self._restore(self.model_.index(row, 0, index), selected, expanded)

    # --- selection --------------------------------------------------------------------------------------------

    def select_keys(self, keys: list[tuple]) -> None:
        """Select items by (kind, value) (tests, restoring state)."""
        self._updating = True
        self.selectionModel().clearSelection()
        wanted = {(k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in keys}
        for key in wanted:
            item = self._items.get(key)
            if item is not None:
                self.selectionModel().select(item.index(), QItemSelectionModel.SelectionFlag.Select)
        self._updating = False
        self._emit()

    def reveal(self, key: tuple) -> None:
        """Expand the way to the item ``(kind, value)`` and scroll it into view (a filter set
        from elsewhere, the overview's map, shows where it is)."""
        item = self._items.get(key)
        if item is None:
            return
        parent = item.parent()
        if parent is not None:
            self.expand(parent.index())
        self.scrollTo(item.index())

    def current_selection(self) -> RegionSelection:
        provinces: list[str] = []
        cities: list[tuple[str, str]] = []
        incomplete = remote = False
        for index in self.selectionModel().selectedIndexes():
            kind, value = index.data(KIND_ROLE), index.data(VALUE_ROLE)
            if kind == "all":
                return RegionSelection()
            if kind == "big":
                for row in range(self.model_.rowCount(index)):
                    provinces.append(self.model_.index(row, 0, index).data(VALUE_ROLE))
            elif kind == "province":
                provinces.append(value)
            elif kind == "city":
                cities.append(tuple(value))
            elif kind == "incomplete":
                incomplete = True
            elif kind == "remote":
                remote = True
        provinces = list(dict.fromkeys(provinces))
        cities = [c for c in dict.fromkeys(cities) if c[0] not in provinces]
        return RegionSelection(tuple(provinces), tuple(cities), incomplete, remote)

    def _on_selection(self, *_args) -> None:
        if not self._updating:
            self._emit()

    def _emit(self) -> None:
        self.selection_changed.emit(self.current_selection())
