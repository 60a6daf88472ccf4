"""Reporting: the problem report (.xlsx) and the result of an import."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sellerdesk import private_files
from sellerdesk.exchange.cells import escape_cell
from sellerdesk.exchange.importer.plan import Plan
from sellerdesk.exchange.importer.read import Table
from sellerdesk.exchange.importer.record import Record

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    counts: dict[str, int]
    report_path: Path | None = None
    dry_run: bool = False
    sheet: str = ""
    header_row: int = 0
    mapping: list[str | None] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    same_phone: str = "separate"  # the choice for a phone shared with another name (plan.SAME_PHONE_DIFFERENT_NAME)

    def to_dict(self) -> dict[str, Any]:
        added = self.counts.get("orders_added", self.counts.get("orders_new", 0) if self.dry_run else 0)
        return {
            "counts": dict(self.counts),
            "orders_added": added,  # (a dry run: the orders it would add)
            "orders_existing": self.counts.get("orders_existing", 0),
            "report": str(self.report_path) if self.report_path else None,
            "dry_run": self.dry_run,
            "same_phone_different_name": self.same_phone,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "mapping": {h or f"#{i + 1}": f for i, (h, f) in enumerate(zip(self.headers, self.mapping)) if f},
            "ignored_columns": self.ignored_columns(),
        }

    def ignored_columns(self) -> list[str]:
        """The headers of the columns no field was mapped to (their cells were not imported)."""
        return [str(h) for h, f in zip(self.headers, self.mapping) if str(h or "").strip() and not f]


def default_report_path(source: Path) -> Path:
    """Beside the imported file (``客户表-导入问题.xlsx``), else in the data dir's reports/."""
    target = source.with_name(f"{source.stem}-导入问题.xlsx")
    if os.access(source.parent, os.W_OK):
        return target
    from sellerdesk import paths

    folder = private_files.make_dir(paths.data_dir() / "reports")
    return folder / target.name


def reported(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if r.issues]


class ProblemReport:
    """The problem report (.xlsx), written as the problem rows come: opened at the first one,
    each row appended to a temp file on disk (openpyxl's write-only mode), renamed into place
    by :meth:`finish` and removed by :meth:`discard` (a failed or cancelled import), so a
    failure never leaves half a report. Rows: row number, reason, then the original cells.
    """

    def __init__(self, path: Path | Callable[[], Path], headers: Sequence[str], language: str = "zh_CN") -> None:
        self._path = path
        self.headers = list(headers)
        self.language = language
        self.rows = 0
        self.path: Path | None = None
        self._book: Any = None
        self._sheet: Any = None

    def add(self, rec: Record) -> None:
        """One row with a problem (a row without one is left out)."""
        if not rec.issues:
            return
        if self._book is None:
            self._open()
        self._sheet.append([rec.row, rec.reason(self.language)] + [escape_cell(v) for v in rec.values])
        self.rows += 1

    def _open(self) -> None:
        from openpyxl import Workbook as XlsxWorkbook

        self.path = self._path if isinstance(self._path, Path) else self._path()
        self._book = XlsxWorkbook(write_only=True)
        zh = self.language.startswith("zh")
        self._sheet = self._book.create_sheet("导入问题" if zh else "Problems")
        first = ["行号", "原因"] if zh else ["Row", "Reason"]
        self._sheet.append(first + [escape_cell(h) for h in self.headers])

    def finish(self) -> Path | None:
        """Save the report (None: no row had a problem, no file)."""
        if self._book is None or self.path is None:
            return None
        tmp = self.path.with_name(self.path.name + ".part")
        try:
            private_files.touch(tmp)  # personal data: readable by its user only (0600)
            self._book.save(tmp)
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)
            self._book = self._sheet = None
        return self.path

    def discard(self) -> None:
        """Forget the rows added (an import that failed or was cancelled writes no report)."""
        sheet, self._book, self._sheet = self._sheet, None, None
        if sheet is None:
            return
        try:
            sheet.close()  # ends its row writer, whose rows are in a temp file
        except Exception:  # noqa: BLE001 - only cleaning up after a failed import
            log.debug("closing a discarded problem report failed", exc_info=True)
        spooled = getattr(getattr(sheet, "_writer", None), "out", None)
        if isinstance(spooled, str):  # (personal data: not left in the temp folder)
            Path(spooled).unlink(missing_ok=True)


def write_report(path: Path, table: Table, records: Iterable[Record], language: str = "zh_CN") -> int:
    """Rejected, flagged and skipped rows: row number, reason, then the original cells.

    Written to a temp file and renamed, so a failure never leaves half a report. Returns
    the number of rows written.
    """
    report = ProblemReport(path, table.headers, language)
    for rec in records:
        report.add(rec)
    if not report.rows:  # (an empty report, header only, as before)
        report._open()
    report.finish()
    return report.rows


def import_result(
    table: Table,
    mapping: Sequence[str | None],
    plan: Plan,
    counts: dict[str, int],
    *,
    dry_run: bool,
    report_path: Path | None,
    write_report_file: bool,
    problems: ProblemReport | None = None,
) -> ImportResult:
    """The result of an import (or a dry run) of ``table``, its problem report written when
    a row has a problem and ``write_report_file`` (at ``report_path``, else beside the file).
    ``problems``: the report the rows were written to as they came (a streamed import), the
    plan's rows (when it kept them) added to it now."""
    report = None
    if problems is not None:
        for rec in plan.records:
            problems.add(rec)
        report = problems.finish() if write_report_file else None
    elif write_report_file and reported(plan.records):
        report = report_path or default_report_path(table.path)
        write_report(report, table, plan.records)
    log.info(
        "import of %s (%s): %s", table.path.name, "dry run" if dry_run else "written", {k: v for k, v in counts.items()}
    )
    return ImportResult(
        counts, report, dry_run, table.sheet, table.header_row, list(mapping), list(table.headers), plan.same_phone
    )
