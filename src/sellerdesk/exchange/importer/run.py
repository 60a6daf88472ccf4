"""A whole import in one call: :func:`import_file` (the CLI's, streamed row by row) or :func:`write_plan`
(the wizard's last step: the plan it showed, then written). Both give the same database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.importer.plan import Plan, Planner
from sellerdesk.exchange.importer.prepare import (
    Columns,
    mapped_columns,
    mapped_fields,
    prepare_row,
    ref_key,
    refs_are_distinct,
)
from sellerdesk.exchange.importer.read import Table, stream_table
from sellerdesk.exchange.importer.record import CHUNK, Record
from sellerdesk.exchange.importer.report import ImportResult, ProblemReport, default_report_path, import_result
from sellerdesk.exchange.importer.write import write_records
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
    beyond what the reader holds; an import with orders keeps its rows (the orders are
    decided at the end). (The wizard, which shows the plan first, writes it with
    :func:`write_plan`; the result is the same.)
    """
    token = token or CancelToken()
    with stream_table(path, sheet=sheet, header_row=header_row, progress=progress, token=token) as (
        table,
        rows,
        total,
    ):
        cols = _columns(table, mapping, customers_only)
        mapping, ref_col = cols.mapping, cols.ref_col
        keep = hdr.has_orders(cols.mapped)  # orders are decided at the end, from their rows
        problems = None
        if write_report_file:
            problems = ProblemReport(
                report_path if report_path is not None else lambda: default_report_path(table.path), table.headers
            )
        planners: list[Planner] = []

        def planner() -> Planner:
            # made inside the transaction: the duplicate keys it reads are the ones written against
            if not planners:
                planners.append(
                    Planner(on_duplicate, keep=keep, same_phone=same_phone, distinct_refs=refs_are_distinct(mapping))
                )
            return planners[0]

        def checked() -> Iterator[Record]:
            for rec in _planned(rows, cols, planner()):
                if problems is not None and not keep:
                    problems.add(rec)  # (with orders: at the end, when the orders add theirs)
                elif keep:
                    rec.pack()
                yield rec

        try:
            if dry_run:
                for index, _ in enumerate(checked()):
                    if index % CHUNK == 0:
                        token.check()
                        progress(min(index, total), total, "checking")
                plan = planner().plan(ref_col >= 0)
                counts = dict(plan.counts)
            else:
                plan, counts = write_records(
                    checked(),
                    total,
                    lambda: planner().plan(ref_col >= 0),
                    source=table.path.name,
                    progress=progress,
                    token=token,
                    keep=keep,
                )
        except BaseException:
            if problems is not None:
                problems.discard()
            raise
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
