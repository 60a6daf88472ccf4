"""The customer table's model: 100,000 rows without loading them.

The ids of the current view are the whole sort order (:func:`queries.ordered_ids`, read
from an index once and kept: 100k ints are under 1 MB) filtered by the set of ids the
filter allows (:func:`queries.allowed_ids`: FTS and index lookups, region sets cached until
the data changes), so a keystroke costs its index lookups, never a sort; rows are read a page at a time
(:func:`queries.rows_for_ids`) when the view asks for them and kept in a small LRU
cache of pages. ``rowCount`` is the whole view at once, so the scroll bar is right and
jumping to the bottom reads only the last page. Sorting asks the store for a new id list
(names sort by pinyin there); there is no proxy model.

What is kept between views while the data does not change (the sort orders, their gathers, the
region sets, the last search's answers) is a :class:`ViewState`, plain Python. After a change
of the data the window does not read the new order on the UI thread (0.5-1 s at 300k under
load): :meth:`CustomerTableModel.data_changed` forgets the cached rows (the visible ones are
read again when painted, so a saved customer shows its new data in its row at once) and keeps
the shown ids; :func:`read_view` reads a fresh :class:`ViewState` and the view's ids in a
worker (``jobs.latest.Latest``), and :meth:`CustomerTableModel.adopt` swaps them in.

A big search or region shows its first screen (``partial``); its whole answer is read in a worker
too (:func:`read_rest` from :meth:`CustomerTableModel.rest_request`), and
:meth:`CustomerTableModel.adopt_rest` takes it only for the ``generation`` it was asked in. A small
answer is sorted by the order's positions, which :func:`prepare_order` makes in a worker.
"""

from __future__ import annotations

import datetime as _dt
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from sellerdesk.core.money import format_yuan
from sellerdesk.core.phones import is_mask, mask_phone, normalize_phone
from sellerdesk.core.regions import big_region
from sellerdesk.core.remote import Place, is_remote
from sellerdesk.core.tiers import TierRules
from sellerdesk.progress import CancelToken
from sellerdesk.store import queries, remote_areas, search
from sellerdesk.store.customers import FLAG_NEEDS_CHECK, split_list
from sellerdesk.store.merges import FLAG_MERGED
from sellerdesk.store.queries import CustomerFilter, CustomerRow
from sellerdesk.store.tiers import TierInfo, tier_info_of, tier_rules
from sellerdesk.ui.widgets.icons import icon
from sellerdesk.ui.widgets.paged_ids import PagedIds

# (key, store sort key); header texts come from CustomerTableModel.header_text.
COLUMNS: tuple[str, ...] = (
    "name",
    "phone",
    "wechat",
    "address",
    "region",
    "tags",
    "tier",
    "order_count",
    "total_spent",
    "last_order",
    "updated",
)
SORT_FOR_COLUMN = {
    "name": "name",
    "phone": "phone",
    "wechat": "wechat",
    "address": "address",
    "region": "region",
    "tags": "tags",
    "tier": "tier",
    "order_count": "order_count",  # 订单数
    "total_spent": "total_spent",  # 累计消费
    "last_order": "last_order",  # 最近下单
    "updated": "updated",
}
# Columns a seller reads top spenders from: a first click on their header sorts high to low.
DESCENDING_FIRST = frozenset(("order_count", "total_spent", "last_order"))
# Sort orders read ahead in a worker once the window is idle (:func:`prepare_order`), so that a
# click on their header shows the order without reading 300k ids on the UI thread: the address
# (its index holds the whole address: the slowest read, 453 ms at 300k on a busy machine) and the
# two a seller sorts by to find top customers. Kept as arrays, 1.2 MB each at 300k.
READ_AHEAD = ("address", "total_spent", "order_count")
READ_AHEAD_FROM = 20_000  # … for views of at least this many customers (below, a read is quick)
_NUMBERS = frozenset(COLUMNS.index(k) for k in ("order_count", "total_spent"))  # right-aligned
_TIER = COLUMNS.index("tier")
_ADDRESS = COLUMNS.index("address")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SERVED_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        ID_ROLE,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_BIG_REGION: dict[str, str] = {}  # province → 大区, asked for every painted row


def local_time(value) -> _dt.datetime | None:
    """A stored naive-UTC timestamp in the local time zone."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return _dt.datetime.combine(value, _dt.time())
    return value.replace(tzinfo=_dt.UTC).astimezone()


def order_day(value: object) -> _dt.date | None:
    """An order date as stored on a customer (``last_order_at``: the local calendar day at
    00:00, no time zone): that day, never converted through UTC (west of UTC that turned
    the 5th into the 4th)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(value, _dt.datetime):
        return value.date()
    return value if isinstance(value, _dt.date) else None


def _doubtful_phone(row: CustomerRow) -> bool:
    """The phone is amber when the customer is flagged to check AND the phone itself is not a
    number (QA: a valid phone was amber because the import cut the customer's note)."""
    if FLAG_NEEDS_CHECK not in split_list(row.flags) or not row.phone or is_mask(row.phone):
        return False
    return not normalize_phone(row.phone).valid


class ViewState:
    """What the model keeps between views while the data does not change: the ascending id order
    of each (sort, Trash state) read (:func:`queries.ordered_ids`, at most two), their gathers
    (made when a big filter needs one), the region sets and the last search's answers. No Qt:
    a worker builds a fresh one after a change of the data (:func:`read_view`)."""

    GATHER_FROM = 1000  # views longer than this filter big answers through queries.OrderGather

    def __init__(self) -> None:
        self.orders: dict[tuple[str, bool], list[int]] = {}  # (sort, trashed) → ascending ids
        # … of the READ_AHEAD sorts, read in a worker before they are asked for (prepare_order);
        # compact, and kept when ``orders`` lets one go. ``epoch``: bumped whenever they are
        # dropped (ids left the orders, the data changed), so a read begun before is not taken.
        self.ahead: dict[tuple[str, bool], array[int]] = {}
        self.epoch = 0
        self.gathers: dict[tuple[str, bool], queries.OrderGather] = {}  # … → for big filters
        self.region_cache: dict = {}
        self.answers = search.Answers()  # the last search's id sets, narrowed by the next keystroke
        self.last_view: tuple[object, ...] | None = None  # what the shown ids were made of

    def forget_filters(self) -> None:
        """The data changed: the region sets and search answers go; the sort orders stay (only
        a fresh state read in a worker replaces them)."""
        self.region_cache.clear()
        self.answers.clear()
        self.last_view = None
        self.forget_ahead()

    def forget_ahead(self) -> None:
        """The orders read ahead no longer hold (ids left them, or the data changed): dropped,
        and a read ahead still running is not taken (``epoch``)."""
        self.ahead.clear()
        self.epoch += 1

    def ordered_ids(self, sort: str, trashed: bool) -> list[int]:
        key = (sort, trashed)
        order = self.orders.get(key)
        if order is None:
            ahead = self.ahead.get(key)
            order = ahead.tolist() if ahead is not None else queries.ordered_ids(sort, False, trashed)
            if len(self.orders) >= 2:
                self.orders.clear()
                self.gathers.clear()
            self.orders[key] = order
        return order

    def gather(self, sort: str, trashed: bool, order: list[int]) -> queries.OrderGather:
        key = (sort, trashed)
        gather = self.gathers.get(key)
        if gather is None:
            gather = self.gathers[key] = queries.OrderGather(order, queries.max_customer_id())
        return gather

    def drop(self, gone: set[int]) -> None:
        """``gone`` left every kept order (trashed, restored, deleted for good), until a fresh
        state replaces this one; a list pass per order (a few ms at 300k), no I/O."""
        for key, order in self.orders.items():
            self.orders[key] = [cid for cid in order if cid not in gone]
        self.gathers.clear()
        self.last_view = None
        self.forget_ahead()

    def view_ids(
        self,
        flt: CustomerFilter,
        sort: str,
        descending: bool,
        shown: list[int],
        check: Callable[[], None] = lambda: None,
    ) -> list[int]:
        """The ids of the view of ``flt`` in the order of ``sort``; ``shown``: the ids shown now
        (handed back when the view is made of the very same sets as last time); ``check``: called
        between the steps (a worker's cancel token: a superseded read stops there)."""
        order = self.ordered_ids(sort, flt.trashed)
        check()
        allowed = queries.allowed_ids(flt, self.region_cache, order, self.answers)
        check()
        # a search puts its exact, then prefix matches of name/phone/WeChat first
        tiers = search.rank_tiers(flt.search, flt.trashed) if flt.search else []
        check()
        # the same allowed set as last time (a longer term that drops nobody: demo → demo_), ranked
        # alike, in the same order: the same ids, without filtering 300k again
        made_of = (order, descending, allowed, tiers)
        last = self.last_view
        same = last is not None and allowed is not None and all(a is b for a, b in zip(last[:3], made_of[:3]))
        if same and last is not None and last[3] == tiers:
            return list(shown)
        self.last_view = made_of
        # (every answer of a long view goes through the gather, a small one too: a 300k-entry
        # {id: position} map cost 20 MB and 110-200 ms to build at the first small answer)
        if allowed and len(order) > self.GATHER_FROM:  # filter, rank and turn in one pass
            return self.gather(sort, flt.trashed, order).keep(allowed, tiers, descending)
        ids = queries.apply_allowed(order, allowed)
        if descending:
            ids.reverse()
        return queries.apply_rank(ids, tiers) if tiers else ids


@dataclass(frozen=True)
class ViewRequest:
    """A view to read in a worker: its filter and sort; ``locate``: customers whose rows the
    swap will look for (the selection, the customer at the top), found in the worker."""

    flt: CustomerFilter
    sort: str
    descending: bool
    locate: tuple[int, ...] = field(default=(), compare=False)


@dataclass
class ViewAnswer:
    """A view read in a worker: the fresh state it was read from, its ids, and the rows of the
    customers it was asked to locate (those in the view)."""

    request: ViewRequest
    state: ViewState
    ids: list[int]
    located: dict[int, int]


def read_view(request: ViewRequest) -> ViewAnswer:
    """In a worker, after a change of the data: the sort order, the filter's sets and the view's
    ids read afresh (the whole answer, never a first screen), and the rows of ``locate`` (so the
    swap finds the selection without a pass over 300k ids, or a 300k-entry map, on the UI thread)."""
    state = ViewState()
    ids = state.view_ids(request.flt, request.sort, request.descending, [])
    wanted = set(request.locate)
    located = {cid: row for row, cid in enumerate(ids) if cid in wanted} if wanted else {}
    return ViewAnswer(request, state, ids, located)


@dataclass(frozen=True)
class RestRequest:
    """The whole answer of a view whose first screen is shown (``partial``), to read in a worker
    (:func:`read_rest`): the view's filter and sort, the model's ``generation`` when asked (the
    answer counts only if nothing changed since), and what the worker reads with, handed over and
    never changed by either thread: the kept sort order, its gather if made, a copy of the search
    answers (so the worker narrows the last search's sets, as the UI thread would have)."""

    flt: CustomerFilter
    sort: str
    descending: bool
    generation: int
    state: ViewState = field(compare=False)
    order: list[int] = field(compare=False)
    gather: queries.OrderGather | None = field(compare=False)
    answers: search.Answers = field(compare=False)
    locate: tuple[int, ...] = field(default=(), compare=False)


@dataclass
class RestAnswer:
    """A view's whole answer read in a worker: its ids, the rows of the customers it was asked to
    locate, and the worker's own state (its region set, search answers and gather, which the
    model keeps so that the next click or keystroke narrows them)."""

    request: RestRequest
    ids: list[int]
    state: ViewState
    located: dict[int, int]


def read_rest(request: RestRequest, token: CancelToken | None = None) -> RestAnswer:
    """In a worker, once typing pauses on a first screen: the view's whole answer (the search's or
    region's id set, filtered through the kept order), stopping at the next step when ``token``
    is cancelled (a newer keystroke or click). Reads through the worker's own connection and its
    own :class:`ViewState`, so the UI thread's keeps serving keystrokes meanwhile."""
    state = ViewState()
    key = (request.sort, request.flt.trashed)
    state.orders[key] = request.order
    if request.gather is not None:
        state.gathers[key] = request.gather
    state.answers = request.answers
    check = token.check if token is not None else (lambda: None)
    with queries.small_page_cache():
        ids = state.view_ids(request.flt, request.sort, request.descending, [], check)
    check()
    wanted = set(request.locate)
    located = {cid: row for row, cid in enumerate(ids) if cid in wanted} if wanted else {}
    return RestAnswer(request, ids, state, located)


@dataclass(frozen=True)
class OrderRequest:
    """A kept sort order whose gather is to be made ready in a worker (:func:`prepare_order`), and
    the sorts (``ahead``: of :data:`READ_AHEAD`, not kept yet) whose orders it reads ahead."""

    state: ViewState
    key: tuple[str, bool]
    order: list[int]
    gather: queries.OrderGather | None
    ahead: tuple[str, ...] = ()
    epoch: int = 0  # the state's ``epoch`` when asked: the orders read ahead count only for it
    prepare: bool = True  # (False: the gather is made already; only the orders ahead to read)


@dataclass
class OrderAnswer:
    """What :func:`prepare_order` made: the gather with its positions (None when it was made
    already) and the orders read ahead, ascending, by (sort, trashed)."""

    request: OrderRequest
    gather: queries.OrderGather | None
    ahead: dict[tuple[str, bool], array[int]]


def _compact(ids: list[int]) -> array[int]:
    """``ids`` as an array of 4-byte ints (8 bytes past 2³¹)."""
    return array("i" if max(ids, default=0) < 2**31 else "q", ids)


def prepare_order(request: OrderRequest, token: CancelToken | None = None) -> OrderAnswer:
    """In a worker: the gather of a sort order with its positions made (:meth:`queries.OrderGather.prepare`),
    so that a small answer is sorted by position on the UI thread, never by a pass over 300k ids,
    and neither is made there; then the orders of ``request.ahead`` read (:func:`queries.ordered_ids`,
    through a small page cache: a one-off read), so that a click on their header does not read them
    on the UI thread. ``token`` is checked between the steps."""
    check = token.check if token is not None else (lambda: None)
    gather = None
    if request.prepare:
        gather = request.gather or queries.OrderGather(request.order, queries.max_customer_id())
        gather.prepare(check)
    ahead: dict[tuple[str, bool], array[int]] = {}
    trashed = request.key[1]
    for sort in request.ahead:
        check()
        with queries.small_page_cache():
            ahead[(sort, trashed)] = _compact(queries.ordered_ids(sort, False, trashed))
    return OrderAnswer(request, gather, ahead)


class CustomerTableModel(PagedIds, QAbstractTableModel):
    """Lazy, store-sorted table of customers. ``reload()`` after any change of filter or data."""

    LAZY_FROM = 20_000  # a search (or a big region) of this many customers or more may show its first screen first
    LAZY_ROWS = 60  # the rows of that first screen (a 1920×1080 window shows about 35)
    LAZY_SHARE = 15  # … when one way of matching finds a fifteenth of the customers or more (search.is_big)

    reloaded = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = CustomerFilter()
        self._sort = "name"
        self._descending = False
        self._init_pages()
        self._scans = 0  # lookups answered by a scan since the ids last changed (see _row)
        self._located: dict[int, int] = {}  # rows the worker found for the ids shown (see _row)
        self._state = ViewState()
        self._mask_phones = False
        self._tier_rules: TierRules | None = None  # the tier names, read again when the data changes
        self._remote_places: tuple[Place, ...] | None = None  # 偏远地区, read again when the data changes
        # A search whose answer is most customers (the first keystroke "d" or "1" at 300k: 150-300 ms
        # to read whole), or a big region (华东), shows its first screen (search.first_hits,
        # queries.first_region_hits: a few ms); ``partial`` while only
        # that screen is shown, until :meth:`complete_now` (the window calls it when typing pauses,
        # so each keystroke of a word costs only its screen). Only when the caller allows it
        # (set_filter(lazy=True): nothing selected, nothing being edited).
        self._lazy_ok = False
        self.partial = False
        self.lazy_shown = 0  # first screens shown (tests check the lazy path ran)
        # bumped whenever the shown ids or the data change: a worker's whole answer (read_rest)
        # counts only for the generation it was asked in
        self.generation = 0

    # --- what is shown ----------------------------------------------------------------------------------------

    @property
    def filter(self) -> CustomerFilter:
        return self._filter

    def set_filter(self, flt: CustomerFilter, lazy: bool = False) -> None:
        """Show ``flt``; ``lazy``: a big search answer may show its first screen first (the whole
        answer follows at :meth:`complete_now`)."""
        if flt != self._filter:
            self._filter = flt
            self._lazy_ok = lazy
            try:
                self._show(self._view_ids())
            finally:
                self._lazy_ok = False

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_sort(self, sort: str, descending: bool = False) -> None:
        if (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self._show(self._view_ids())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # noqa: A003
        if 0 <= column < len(COLUMNS):
            self.set_sort(SORT_FOR_COLUMN[COLUMNS[column]], order == Qt.SortOrder.DescendingOrder)

    @property
    def mask_phones(self) -> bool:
        return self._mask_phones

    def set_mask_phones(self, on: bool) -> None:
        if on != self._mask_phones:
            self._mask_phones = on
            if self._ids:
                col = COLUMNS.index("phone")
                self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def reload(self) -> None:
        """The data changed: read the sort order and filter sets again, here, and forget every
        cached page (the window reads them in a worker instead: :meth:`data_changed`, :meth:`adopt`)."""
        self.forget()
        self._show(self._view_ids())

    def forget(self) -> None:
        """Drop the kept sort order and region sets (the data changed); :meth:`reload` shows it."""
        self.generation += 1
        self._state.orders.clear()
        self._state.gathers.clear()
        self._state.forget_filters()  # (the orders read ahead too)
        self._tier_rules = None
        self._remote_places = None

    # --- a change of the data, its view read in a worker ------------------------------------------------------

    def data_changed(self) -> None:
        """The data changed and the view's ids are being read in a worker (:func:`read_view`):
        meanwhile the shown ids stay (and the kept sort order, for a filter changed meanwhile);
        every cached row, the region sets and search answers go, so the rows on screen are read
        again as they are painted (a saved customer's new data shows in its row at once)."""
        self._state.forget_filters()
        self.generation += 1
        self._tier_rules = None
        self._remote_places = None
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def drop_ids(self, ids: Iterable[int]) -> None:
        """``ids`` left this view (trashed, restored, deleted for good): their rows go now, before
        the worker's answer; the other rows stay where they are (their selection too)."""
        gone = set(ids)
        if not gone:
            return
        self.generation += 1
        self._state.drop(gone)
        rows = sorted(self._rows_of(gone), reverse=True)
        if not rows:
            return
        self._pages.clear()  # (pages are kept by row number)
        self._row_of = None
        self._scans = 0
        self._located = {}
        if len(rows) > 100:  # many runs of rows: one reset
            self._show([cid for cid in self._ids if cid not in gone])
            return
        runs: list[tuple[int, int]] = []  # (first, last) from the bottom up
        for row in rows:
            if runs and runs[-1][0] == row + 1:
                runs[-1] = (row, runs[-1][1])
            else:
                runs.append((row, row))
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()

    def show_first(self, ids: Iterable[int]) -> None:
        """Customers that joined this view (a new customer saved, a restore undone) shown on top
        until the worker's answer puts them in their place."""
        new = [cid for cid in dict.fromkeys(ids) if not self._rows_of({cid})]
        if not new:
            return
        self.generation += 1
        self._pages.clear()
        self._row_of = None
        self._scans = 0
        self._located = {}
        self._state.last_view = None
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._ids[:0] = new
        self.endInsertRows()

    def _rows_of(self, ids: set[int]) -> list[int]:
        """The rows of ``ids`` without building the id → row map for a few (a 300k-entry dict)."""
        if self._row_of is not None:
            return [r for r in map(self._row_of.get, ids) if r is not None]
        rows = [r for r in map(self._located.get, ids) if r is not None]
        ids = {cid for cid in ids if cid not in self._located}
        if len(ids) > 20:
            return rows + [row for row, cid in enumerate(self._ids) if cid in ids]
        for cid in ids:
            try:
                rows.append(self._ids.index(cid))  # (a C-level scan)
            except ValueError:
                pass
        return rows

    def view_request(self, flt: CustomerFilter | None = None, locate: Iterable[int] = ()) -> ViewRequest:
        """What :func:`read_view` is to read for the view of ``flt`` (the current filter), finding
        the rows of ``locate``."""
        return ViewRequest(self._filter if flt is None else flt, self._sort, self._descending, tuple(locate))

    def adopt(self, answer: ViewAnswer, flt: CustomerFilter | None = None) -> None:
        """Swap in a view read in a worker: its fresh state, and its ids when the view of ``flt``
        (the current filter) in the current sort is what it read; otherwise that view is made
        here from the fresh state (a filter or sort changed meanwhile: a keystroke's work)."""
        self._state = answer.state
        if flt is not None:
            self._filter = flt
        self.partial = False
        if answer.request == self.view_request():
            self._show(answer.ids)
            self._located = answer.located
        else:
            self._show(self._view_ids())

    @property
    def _answers(self) -> search.Answers:
        return self._state.answers

    # --- the view's ids -----------------------------------------------------------------------------------------

    def ordered_ids(self) -> list[int]:
        """Every customer of the current Trash state in ascending sort order (kept until the data changes)."""
        return self._state.ordered_ids(self._sort, self._filter.trashed)

    def _view_ids(self) -> list[int]:
        order = self.ordered_ids()
        self.partial = False
        if self._lazy_ok and len(order) >= self.LAZY_FROM:
            first = self._first_screen(order)
            if first is not None:
                self.partial = True
                self.lazy_shown += 1
                self._state.last_view = None
                return first
        return self._state.view_ids(self._filter, self._sort, self._descending, self._ids)

    def _first_screen(self, order: list[int]) -> list[int] | None:
        """The first rows of a search of one term that matches most customers, ranked, without
        reading its whole answer; None when the answer is read as usual."""
        flt = self._filter
        if self._region_only(flt):
            return self._first_region_screen(flt, order)
        only_search = not (
            flt.provinces or flt.cities or flt.tags or flt.tiers or flt.flags or flt.incomplete_address
        ) and (flt.ids is None)
        term = search.lazy_term(flt.search) if only_search else None
        if term is None or self._answers.can_narrow(0, term):  # (then narrowing is cheap)
            return None
        if not search.is_big(term, max(self.LAZY_ROWS, len(order) // self.LAZY_SHARE), self._answers):
            return None  # (a smaller answer is read whole: cheap enough)
        ids = order[::-1] if self._descending else order
        # (big: the hits of the first chunks are the answer's first, however few; the worker
        # reads the rest, as it does for a full screen: z and l at 300k cost 0.2-0.6 s whole)
        hits = search.first_hits(term, ids, self.LAZY_ROWS, short=True)
        if hits is None:
            return None
        # the exact and prefix matches first (each is a match: an equal or leading name, WeChat
        # ID, phone or initials contains the term), in the view's order
        tiers = [t for t in search.rank_tiers(flt.search, flt.trashed) if t]
        if not tiers:
            return hits
        gather = self._state.gather(self._sort, flt.trashed, order)
        head = gather.keep(set().union(*tiers), tiers, self._descending)[: self.LAZY_ROWS]
        placed = set(head)
        return (head + [c for c in hits if c not in placed])[: self.LAZY_ROWS]

    @staticmethod
    def _region_only(flt: CustomerFilter) -> bool:
        """``flt`` is provinces, cities and/or "address incomplete" of the region tree and nothing else."""
        return (
            bool(flt.provinces or flt.cities or flt.incomplete_address)
            and not (flt.search or flt.tags or flt.tiers or flt.flags or flt.remote or flt.mine)
            and (flt.ids is None)
        )

    def _first_region_screen(self, flt: CustomerFilter, order: list[int]) -> list[int] | None:
        """The first rows of a big region (华东: 86k of 300k customers, ~150 ms to read whole; 地址不完整
        in the demo data: 44k, 100-160 ms) in the view's order, without reading its whole answer;
        None when its set is already read (then filtering is a gather's work) or the region is small
        (read whole, cheaply)."""
        if queries.region_key(flt) in self._state.region_cache:
            return None
        ids = order[::-1] if self._descending else order
        return queries.first_region_hits(flt, ids, self.LAZY_ROWS)

    def complete_now(self) -> None:
        """The whole answer of the search whose first screen is shown, in its place, read here: for
        a caller that needs every id of the view at once (select all, :meth:`ids`, :meth:`row_of`).
        When typing pauses the window reads it in a worker instead (:meth:`rest_request`,
        :func:`read_rest`, :meth:`adopt_rest`)."""
        if self.partial:
            self._show(self._view_ids())

    def rest_request(self, locate: Iterable[int] = ()) -> RestRequest | None:
        """What :func:`read_rest` is to read for the first screen shown (None: the view is whole);
        ``locate``: customers whose rows the swap will look for (the selection, the top row)."""
        if not self.partial:
            return None
        state = self._state
        key = (self._sort, self._filter.trashed)
        order = state.ordered_ids(*key)  # (kept: the first screen was made from it)
        return RestRequest(
            self._filter,
            self._sort,
            self._descending,
            self.generation,
            state,
            order,
            state.gathers.get(key),
            state.answers.copy(),
            tuple(locate),
        )

    def order_request(self) -> OrderRequest | None:
        """What :func:`prepare_order` is to make ready for the current sort, and the orders of
        :data:`READ_AHEAD` to read (None: nothing, or the order is not read yet)."""
        state = self._state
        key = (self._sort, self._filter.trashed)
        order = state.orders.get(key)
        if order is None or len(order) <= ViewState.GATHER_FROM:
            return None
        gather = state.gathers.get(key)
        prepare = gather is None or not gather.prepared
        ahead: tuple[str, ...] = ()
        if len(order) >= READ_AHEAD_FROM:
            ahead = tuple(
                sort for sort in READ_AHEAD if (sort, key[1]) not in state.orders and (sort, key[1]) not in state.ahead
            )
        if not prepare and not ahead:
            return None
        return OrderRequest(state, key, order, gather, ahead, state.epoch, prepare)

    def adopt_order(self, answer: OrderAnswer) -> bool:
        """The prepared gather, kept when its order is still the one kept, and the orders read
        ahead, kept when nothing left the orders and the data did not change since (else dropped);
        whether anything was kept."""
        request, state = answer.request, self._state
        if request.state is not state:
            return False
        kept = False
        if answer.ahead and request.epoch == state.epoch:
            state.ahead.update(answer.ahead)
            kept = True
        if answer.gather is not None and state.orders.get(request.key) is request.order:
            state.gathers[request.key] = answer.gather
            kept = True
        return kept

    def adopt_rest(self, answer: RestAnswer) -> bool:
        """The whole answer read in a worker replaces the first screen, when it is the answer of
        what is shown (nothing changed since it was asked: else False, and it is dropped). The
        worker's region set, search answers and gather are kept, as if read here."""
        request = answer.request
        if not self.partial or request.generation != self.generation or request.state is not self._state:
            return False
        state, read = self._state, answer.state
        key = (request.sort, request.flt.trashed)
        state.region_cache.update(read.region_cache)
        state.answers = read.answers
        gather = read.gathers.get(key)
        if gather is not None and state.orders.get(key) is request.order and key not in state.gathers:
            state.gathers[key] = gather
        state.last_view = read.last_view
        self.partial = False
        self._show(answer.ids)
        self._located = answer.located
        return True

    def ids(self) -> list[int]:
        self.complete_now()
        return self._ids

    def row_of(self, item_id: int, complete: bool = True) -> int | None:
        """The row of ``item_id``; on a first screen that lacks it, the whole answer is read
        first (``complete``) or None is the answer."""
        row = self._row(item_id)
        if row is None and self.partial and complete:
            self.complete_now()
            row = self._row(item_id)
        return row

    SCANS = 8  # lookups of a new id list answered by a scan before the id → row map is built

    def _row(self, item_id: int) -> int | None:
        """The row of ``item_id``: found by the worker that read the list (:func:`read_view`'s
        ``located``), else for the first few lookups of a new id list a scan (a C-level pass, a
        few ms at 300k), then the id → row map built once (20 MB and 70-240 ms at 300k: a
        keystroke or a save that keeps one customer selected never pays it)."""
        if self._row_of is None:
            row = self._located.get(item_id)
            if row is not None:
                return row
            if self._scans < self.SCANS:
                self._scans += 1
                try:
                    return self._ids.index(item_id)
                except ValueError:
                    return None
        return PagedIds.row_of(self, item_id)

    def _show(self, ids: list[int]) -> None:
        self.generation += 1
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._scans = 0
        self._located = {}
        self._pages.clear()
        self.endResetModel()
        self.reloaded.emit()

    # --- ids and rows -----------------------------------------------------------------------------------------

    def customer_row(self, row: int) -> CustomerRow | None:
        """The row's data, reading its page from the store on first use."""
        row_data: CustomerRow | None = self._paged_row(row, queries.rows_for_ids)
        return row_data

    # --- Qt model API -----------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def header_text(self, key: str) -> str:
        return {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "wechat": self.tr("WeChat ID"),
            "address": self.tr("Default address"),
            "region": self.tr("Region"),
            "tags": self.tr("Tags"),
            "tier": self.tr("Tier"),
            "order_count": self.tr("Orders"),
            "total_spent": self.tr("Total spent"),
            "last_order": self.tr("Last order"),
            "updated": self.tr("Deleted") if self._filter.trashed else self.tr("Updated"),
        }[key]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(COLUMNS) and role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Called about seven times per painted cell, mostly for roles not served: leave early.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in _NUMBERS else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() not in (_TIER, _ADDRESS):
            return None
        row = self.customer_row(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "address":
                return icon("remote") if self.is_remote(row) else None
            return icon("pin") if self.tier_of(row).manual else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "address" and not (row.province and row.city and row.detail):
                return QBrush(QColor("#b45309"))  # amber: the address needs attention
            if key == "phone" and _doubtful_phone(row):
                return QBrush(QColor("#b45309"))
            if key in ("region", "last_order", "updated"):
                return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            return None
        text = self.display_text(row, key)
        if key == "address" and not text and self._filter.trashed and FLAG_MERGED in split_list(row.flags):
            # merged into another customer: their addresses went with them (the pane says to whom)
            text = self.tr("(merged into another customer)")
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "address":
                if self.is_remote(row):
                    return self.tr("Remote area (偏远地区)") + "\n" + text
                return text or self.tr("No address yet")
            if key == "phone" and _doubtful_phone(row):
                return self.tr("This phone number does not look right; please check it.")
            if key == "tier" and self.tier_of(row).manual:
                return self.tr("Set by hand: it stays until it is set back to automatic in the customer pane.")
            return None
        return text

    def display_text(self, row: CustomerRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "phone":
            return mask_phone(row.phone) if self._mask_phones else row.phone
        if key == "wechat":
            return row.wechat
        if key == "address":
            return row.address_text
        if key == "region":
            if not row.province:
                return ""
            region = _BIG_REGION.get(row.province)
            if region is None:
                region = _BIG_REGION[row.province] = big_region(row.province)
            return region
        if key == "tags":
            return "、".join(split_list(row.tags))
        if key == "tier":
            return self.tier_of(row).name  # the level's name; hand-typed text as typed
        if key == "order_count":
            return f"{row.order_count:,}" if row.order_count else ""  # no orders yet: blank, like 最近下单
        if key == "total_spent":
            return format_yuan(row.total_spent_fen) if row.order_count or row.total_spent_fen else ""
        if key == "last_order":
            day = order_day(row.last_order_at)
            return day.isoformat() if day else ""
        if key == "updated":
            when = local_time(row.deleted_at if self._filter.trashed else row.updated_at)
            return when.strftime("%Y-%m-%d %H:%M") if when else ""
        return ""

    def is_remote(self, row: CustomerRow) -> bool:
        """Whether the row's default address is in the seller's 偏远地区 list (``core.remote``)."""
        if self._remote_places is None:
            self._remote_places = remote_areas.places()
        return is_remote(row.province, row.city, row.district, self._remote_places)

    def tier_of(self, row: CustomerRow) -> TierInfo:
        """The row's tier as shown: the level's current name and whether it was set by hand."""
        if self._tier_rules is None:
            self._tier_rules = tier_rules()
        return tier_info_of(row.tier, row.tier_manual, self._tier_rules)
