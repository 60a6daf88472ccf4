"""A whole import in one call: :func:`import_file` (the CLI's, streamed) or :func:`write_plan`
(the wizard's last step: the plan it showed, then written). Both give the same database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.importer.plan import Plan, Planner, make_plan
from sellerdesk.exchange.importer.prepare import mapped_columns, mapped_fields, prepare, prepare_row, refs_of
from sellerdesk.exchange.importer.read import Table, read_table
from sellerdesk.exchange.importer.record import Record
from sellerdesk.exchange.importer.report import ImportResult, import_result
from sellerdesk.exchange.importer.write import write_records
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress


def import_file(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Sequence[str | None] | None = None,
    on_duplicate: str = "merge",
    dry_run: bool = False,
    customers_only: bool = False,
    report_path: Path | None = None,
    write_report_file: bool = True,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> ImportResult:
    """Read, check, plan and (unless ``dry_run``) write ``path``; the CLI's one call.

    A file with order columns adds its orders too (``customers_only`` ignores them).

    Writing, each row is checked, planned and handed on as it comes: SQLite stores one
    batch in a helper thread while the next rows are checked. (The wizard, which shows the
    plan first, writes it with :func:`write_plan`; the result is the same.)
    """
    token = token or CancelToken()
    path = Path(path)
    table = read_table(path, sheet=sheet, header_row=header_row, progress=progress, token=token)
    mapping = list(mapping) if mapping is not None else hdr.guess_mapping(table.headers)
    if customers_only:
        mapping = hdr.customers_only(mapping)
    if dry_run:
        records = prepare(table, mapping, progress=progress, token=token)
        plan = make_plan(records, on_duplicate, refs=refs_of(table, mapping), progress=progress, token=token)
        counts = dict(plan.counts)
        return import_result(
            table, mapping, plan, counts, dry_run=True, report_path=report_path, write_report_file=write_report_file
        )
    columns = mapped_columns(mapping, table.path.name, table.headers)
    mapped = mapped_fields(columns)
    refs = refs_of(table, mapping)
    planners: list[Planner] = []

    def planner() -> Planner:
        # made inside the transaction: the duplicate keys it reads are the ones written against
        if not planners:
            planners.append(Planner(on_duplicate))
        return planners[0]

    def checked() -> Iterator[Record]:
        plan = planner()
        for index, (number, cells) in enumerate(table.rows):
            rec = prepare_row(number, cells, columns, mapped)
            plan.add(rec, refs[index] if refs else "")
            yield rec

    plan, counts = write_records(
        checked(),
        len(table.rows),
        lambda: planner().plan(bool(refs)),
        source=table.path.name,
        progress=progress,
        token=token,
    )
    return import_result(
        table, mapping, plan, counts, dry_run=False, report_path=report_path, write_report_file=write_report_file
    )


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
