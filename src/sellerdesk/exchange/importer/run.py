"""A whole import in one call: :func:`import_file` (the CLI's, streamed row by row) or :func:`write_plan`
(the wizard's last step: the plan it showed, then written). Both give the same database."""

from __future__ import annotations

import contextlib
import hashlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer.orders import OrderLedger, PlannedOrder
from sellerdesk.exchange.importer.plan import Plan, Planner
from sellerdesk.exchange.importer.prepare import (
    Columns,
    mapped_columns,
    mapped_fields,
    prepare_row,
    ref_key,
    refs_are_distinct,
)
from sellerdesk.exchange.importer.read import Row, Table, stream_table
from sellerdesk.exchange.importer.record import CHUNK, Existing, InFile, Record
from sellerdesk.exchange.importer.report import ImportResult, ProblemReport, default_report_path, import_result
from sellerdesk.exchange.importer.write import OrderIn, write_records
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress


class _Columns(NamedTuple):
    mapping: list[str | None]
    columns: Columns
    mapped: frozenset[str]
    ref_col: int


def _columns(table: Table, mapping: Sequence[str | None] | None, customers_only: bool = False) -> _Columns:
    """What every streamed pass needs of the mapping: the mapping (guessed when None), the
    mapped columns and fields, and the 客户编号 column (-1: none)."""
    chosen = list(mapping) if mapping is not None else hdr.guess_mapping(table.headers)
    if customers_only:
        chosen = hdr.customers_only(chosen)
    columns = mapped_columns(chosen, table.path.name, table.headers)
    key = ref_key(chosen)
    return _Columns(chosen, columns, mapped_fields(columns), chosen.index(key) if key else -1)


def _planned(rows: Iterable[tuple[int, list[str]]], cols: _Columns, planner: Planner) -> Iterator[Record]:
    """Each row read, checked and planned, as it comes."""
    ref_col = cols.ref_col
    for number, cells in rows:
        rec = prepare_row(number, cells, cols.columns, cols.mapped)
        planner.add(rec, cells[ref_col].strip() if 0 <= ref_col < len(cells) else "")
        yield rec


def import_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Sequence[str | None] | None = None,
    on_duplicate: str = "merge",
    same_phone: str = "separate",
    dry_run: bool = False,
    customers_only: bool = False,
    report_path: Path | None = None,
    write_report_file: bool = True,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> ImportResult:
    """Read, check, plan and (unless ``dry_run``) write ``path``; the CLI's one call.

    A file with order columns adds its orders too (``customers_only`` ignores them).
    ``same_phone``: what a row does whose phone belongs to a customer with another name
    ("separate" or "merge", see :class:`~sellerdesk.exchange.importer.plan.Planner`).

    Streamed: each row is read, checked, planned, put in the problem report (when it has a
    problem) and handed on as it comes; SQLite stores one batch in a helper thread while
    the next rows are checked. A customer import keeps only a small index of the rows
    (their keys for matching, each new customer's id), so its memory stays flat in rows
    beyond what the reader holds. An import with orders reads the file three times
    (:class:`_OrderPasses`), inside its transaction: the orders are decided from all their
    rows, then the rows are written as in a customer import, then the orders. (The wizard,
    which shows the plan first, writes it with :func:`write_plan`; the result is the same.)
    """
    token = token or CancelToken()
    first = contextlib.ExitStack()
    with first:
        table, rows, total = first.enter_context(
            stream_table(path, sheet=sheet, header_row=header_row, progress=progress, token=token)
        )
        cols = _columns(table, mapping, customers_only)
        mapping, ref_col = cols.mapping, cols.ref_col
        problems = None
        if write_report_file:
            problems = ProblemReport(
                report_path if report_path is not None else lambda: default_report_path(table.path), table.headers
            )
        orders = None
        if hdr.has_orders(cols.mapped):
            orders = _OrderPasses(table, cols, first, rows, total, progress, token)
            rows = orders.rows()
        planners: list[Planner] = []

        def planner() -> Planner:
            # made inside the transaction: the duplicate keys it reads are the ones written against
            if not planners:
                planners.append(
                    Planner(
                        on_duplicate,
                        keep=False,
                        same_phone=same_phone,
                        distinct_refs=refs_are_distinct(mapping),
                        orders=orders.plan(planner_of) if orders is not None else None,
                    )
                )
            return planners[0]

        def planner_of(ledger: OrderLedger | None) -> Planner:
            return Planner(
                on_duplicate, keep=False, same_phone=same_phone, distinct_refs=refs_are_distinct(mapping), orders=ledger
            )

        def planned() -> Plan:
            # the last row is planned: the planner's keys and names are let go before the writing ends
            done = planner()
            plan = done.plan(ref_col >= 0)
            done.release()
            return plan

        def checked() -> Iterator[Record]:
            for rec in _planned(rows, cols, planner()):
                if problems is not None:
                    problems.add(rec)
                yield rec

        try:
            if dry_run:
                with _snapshot() if orders is not None else contextlib.nullcontext():
                    if orders is not None and problems is None:
                        plan = orders.first_plan(planner_of)  # (no report: one pass is enough)
                    else:
                        for index, _ in enumerate(checked()):
                            if index % CHUNK == 0:
                                token.check()
                                progress(min(index, total), total, "checking")
                        plan = planned()
                counts = dict(plan.counts)
            else:
                plan, counts = write_records(
                    checked(),
                    total,
                    planned,
                    source=table.path.name,
                    progress=progress,
                    token=token,
                    keep=False,
                    orders_of=orders.orders if orders is not None else None,
                )
        except BaseException:
            if problems is not None:
                problems.discard()
            raise
        finally:
            if orders is not None:
                orders.close()
    return import_result(
        table,
        mapping,
        plan,
        counts,
        dry_run=dry_run,
        report_path=report_path,
        write_report_file=write_report_file,
        problems=problems,
    )


ORDER_BATCH = 2000  # orders a batch (pass 3 of an import with orders; issue 21: a batch of 5,000 held ~15 MB of orders)


def _snapshot() -> contextlib.AbstractContextManager[None]:
    from sellerdesk.store.bulk_import import snapshot

    return snapshot()


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


class _OrderPasses:
    """The three reads of a file with orders, in flat memory (issue 21).

    1. :meth:`plan`: every row checked and planned with an
       :class:`~sellerdesk.exchange.importer.orders.OrderLedger` (no row kept): the orders are
       decided, then the file is let go.
    2. :meth:`rows`: the rows read again and planned again (against the same database: the
       transaction is held), the ledger giving each row the issues the end of pass 1 gave it;
       written as a customer import writes them, and to the problem report, as they come.
    3. :meth:`orders`: at the end, the rows of the orders to add read a third time, each
       order put together from its rows and handed on, in batches, with its customer's id.

    The file must not change between the passes: its size and time are checked before each
    read, and a digest of every row's cells of each read must equal the first's (checked at
    the end of the read, inside the transaction); else ``ExchangeError("file_changed")`` and
    nothing is written.
    """

    def __init__(
        self,
        table: Table,
        cols: _Columns,
        first: contextlib.ExitStack,
        rows: Iterator[Row],
        total: int,
        progress: ProgressCallback,
        token: CancelToken,
    ) -> None:
        self.table, self.cols, self.total, self.progress, self.token = table, cols, total, progress, token
        self._first, self._first_rows = first, rows
        self.stamp = _stamp(table.path)
        self.ledger: OrderLedger | None = None
        self._plan: Plan | None = None
        self.digest = b""

    def changed(self) -> ExchangeError:
        return ExchangeError("file_changed", name=self.table.path.name)

    def plan(self, planner_of: Callable[[OrderLedger | None], Planner]) -> OrderLedger:
        """Pass 1 (once): the ledger of the file's orders, every order decided. ``planner_of``
        makes a planner with the ledger given."""
        if self.ledger is not None:
            return self.ledger
        ledger = OrderLedger(self.table.path.name)
        planner = planner_of(ledger)
        digest = hashlib.blake2b(digest_size=16)
        total, progress, token = self.total, self.progress, self.token
        for index, _ in enumerate(_planned(_digested(self._first_rows, digest), self.cols, planner)):
            if index % CHUNK == 0:
                token.check()
                progress(min(index, total), total, "checking")
        self._plan = planner.plan(self.cols.ref_col >= 0)  # (ends the ledger)
        planner.release()
        self._first.close()  # (the reader's copy of the sheet let go before the next read)
        self.digest = digest.digest()
        self.ledger = ledger
        ledger.replay()
        return ledger

    def first_plan(self, planner_of: Callable[[OrderLedger | None], Planner]) -> Plan:
        """The plan pass 1 made (its counts are the file's; it keeps no row)."""
        self.plan(planner_of)
        assert self._plan is not None
        return self._plan

    @contextlib.contextmanager
    def _again(self) -> Iterator[tuple[Iterator[Row], hashlib.blake2b]]:
        table = self.table
        try:
            same = _stamp(table.path) == self.stamp
        except OSError:
            same = False
        if not same:
            raise self.changed()
        digest = hashlib.blake2b(digest_size=16)
        with stream_table(table.path, sheet=table.sheet, header_row=table.header_row, token=self.token) as (
            again,
            rows,
            _,
        ):
            if again.headers != table.headers:
                raise self.changed()
            yield _digested(rows, digest), digest
        if digest.digest() != self.digest:
            raise self.changed()

    def rows(self) -> Iterator[Row]:
        """Pass 2: the rows again (after pass 1, which the first row asked for starts: the
        planner is made then, inside the transaction)."""
        with self._again() as (rows, _):
            yield from rows

    def orders(self, ids: array[int]) -> Iterator[list[OrderIn]]:
        """Pass 3: the orders to add, in batches, in file order (their first rows'); ``ids``:
        each written row's customer id (record index → id)."""
        ledger = self.ledger
        assert ledger is not None
        cols, token = self.cols, self.token
        count = len(ledger.outcome)
        building: dict[int, tuple[PlannedOrder, dict[str, Any] | None]] = {}  # started, not complete
        batch: list[OrderIn] = []
        following = 0  # the next order to hand on
        with self._again() as (rows, _):
            for index, (number, cells) in enumerate(rows):
                if index % CHUNK == 0:
                    token.check()
                order_number = ledger.order_of(index)
                if order_number < 0 or not ledger.added(order_number):
                    continue
                rec = prepare_row(number, cells, cols.columns, cols.mapped)
                part = rec.order
                if part is None:
                    raise self.changed()
                if index == ledger.heads[order_number]:
                    owner = ledger.owner(order_number)
                    building[order_number] = (PlannedOrder(index, owner, part), rec.address)
                elif order_number not in building:
                    raise self.changed()
                building[order_number][0].take(index, part, False)
                while following < count:
                    if ledger.added(following):
                        if following not in building or ledger.lasts[following] > index:
                            break
                        order, address = building.pop(following)
                        owner = order.owner
                        cid = 0
                        if isinstance(owner, Existing):
                            cid = owner.customer_id
                        elif isinstance(owner, InFile) and owner.index < len(ids):
                            cid = ids[owner.index]
                        if cid:
                            batch.append((order, cid, address, isinstance(owner, InFile)))
                            if len(batch) >= ORDER_BATCH:
                                yield batch
                                batch = []
                    following += 1
        while following < count and not ledger.added(following):
            following += 1
        if building or following < count:
            raise self.changed()
        if batch:
            yield batch

    def close(self) -> None:
        self._first.close()
        if self.ledger is not None:
            self.ledger.close()


def _digested(rows: Iterable[Row], digest: hashlib.blake2b) -> Iterator[Row]:
    """``rows``, each one's number and cells added to ``digest`` as it goes by."""
    update = digest.update
    for row in rows:
        number, cells = row
        update(f"{number}\x1e{chr(31).join(cells)}\x1e".encode())
        yield row


PREVIEW_ROWS = 1000


def preview_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Sequence[str | None] | None = None,
    on_duplicate: str = "merge",
    same_phone: str = "separate",
    rows: int | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> tuple[Table, Plan]:
    """The wizard's preview of a big customer file, in flat memory: every row read, checked and
    planned as :func:`import_file` does (the plan's counts are the whole file's), the first
    ``rows`` (:data:`PREVIEW_ROWS`) of them kept (the plan's records), nothing written, no report. The wizard then
    imports the file with :func:`import_file`, which plans it again against the database as
    it is then. A file with order columns raises ``ValueError``: its orders are decided from
    all its rows (the wizard keeps them: :func:`read_table` and :func:`write_plan`)."""
    token = token or CancelToken()
    with stream_table(path, sheet=sheet, header_row=header_row, progress=progress, token=token) as (
        table,
        source,
        total,
    ):
        cols = _columns(table, mapping)
        if hdr.has_orders(cols.mapped):
            raise ValueError("a file with orders is planned whole")
        planner = Planner(
            on_duplicate, keep=False, same_phone=same_phone, distinct_refs=refs_are_distinct(cols.mapping)
        )
        keep_rows = PREVIEW_ROWS if rows is None else rows
        kept: list[Record] = []
        for index, rec in enumerate(_planned(source, cols, planner)):
            if index % CHUNK == 0:
                token.check()
                progress(min(index, total), total, "checking")
            if index < keep_rows:
                kept.append(rec)
        plan = planner.plan(cols.ref_col >= 0)
        planner.release()
    plan.records = kept
    return table, plan


def write_plan(
    table: Table,
    mapping: Sequence[str | None] | None,
    plan: Plan,
    *,
    report_path: Path | None = None,
    write_report_file: bool = True,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> ImportResult:
    """Write ``plan`` (made from ``table`` with ``mapping``; None: the guessed one) in one
    transaction, then its problem report; what the wizard's last step runs."""
    mapping = list(mapping) if mapping is not None else hdr.guess_mapping(table.headers)
    _, counts = write_records(
        plan.records,
        len(plan.records),
        lambda: plan,
        source=table.path.name,
        progress=progress,
        token=token or CancelToken(),
    )
    return import_result(
        table, mapping, plan, counts, dry_run=False, report_path=report_path, write_report_file=write_report_file
    )
