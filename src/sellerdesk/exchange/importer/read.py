"""Reading: the workbook's best sheet, its header row under title rows, its data rows as text.

:func:`read_table` reads a whole sheet for an import; :func:`read_sample` reads its first
rows for the wizard's sheet and mapping steps (run in a job: opening a sheet with
python-calamine loads all of it, ~1.4 s for 100,000 rows).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.readers import SheetInfo, Workbook, open_workbook
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress

HEADER_SCAN_ROWS = 30
SAMPLE_ROWS = 50


Row = tuple[int, list[str]]  # (1-based row number in the sheet, the cells as text)


@dataclass
class Table:
    """The data of one sheet: header cells and the data rows below the header, as text."""

    path: Path
    kind: str
    sheet: str
    sheets: list[SheetInfo]
    header_row: int  # 1-based row number in the sheet
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    encoding: str = ""


def choose_sheet(book: Workbook, sheet: str | None = None) -> str:
    """``sheet`` if given; else the visible sheet whose top rows look most like a header."""
    names = book.sheet_names()
    if sheet is not None:
        if sheet not in names:
            raise ExchangeError("no_sheet", name=book.path.name, sheet=sheet)
        return sheet
    visible = [s.name for s in book.sheets if not s.hidden]
    if not visible:
        raise ExchangeError("no_visible_sheet", name=book.path.name)
    if len(visible) == 1:
        return visible[0]
    best, best_score = None, -1
    for name in visible:
        top = sample_rows(book, name, HEADER_SCAN_ROWS)
        score = max((hdr.header_score(cells) for _, cells in top), default=-1)
        if top and score > best_score:
            best, best_score = name, score
    if best is None:
        raise ExchangeError("no_visible_sheet", name=book.path.name)
    return best


@dataclass
class Sample:
    """The first rows of one sheet, with the header row and column mapping guessed from them."""

    sheets: list[SheetInfo]
    sheet: str
    rows: list[Row]
    header_row: int
    headers: list[str]
    mapping: list[str | None]

    def with_header(self, header_row: int | None) -> Sample:
        """This sample with ``header_row`` (guessed when None) and the headers and mapping it gives."""
        rows = self.rows
        if header_row is None:
            header_row = find_header_row(rows) or (rows[0][0] if rows else 1)
        headers = next((cells for n, cells in rows if n == header_row), [])
        width = max([len(c) for _, c in rows] + [0])
        headers = list(headers) + [""] * (width - len(headers))
        return Sample(self.sheets, self.sheet, rows, header_row, headers, hdr.guess_mapping(headers))


def _normalized(text: str) -> str:
    """:func:`~sellerdesk.exchange.headers.normalize_header`, with a shortcut for the common
    cell (a name, a phone): letters and digits only, no capitals, NFKC-stable, so unchanged."""
    if text.isalnum() and text == text.lower() and unicodedata.is_normalized("NFKC", text):
        return text
    return hdr.normalize_header(text)


def read_sample(
    path: str | Path,
    sheet: str | None,
    header_row: int | None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Sample:
    """Read the first rows of ``sheet`` (the best visible sheet when None) and guess the header
    row (when None) and the mapping. Raises :class:`ExchangeError` for a refused file."""
    progress(0, 0, "reading")
    with open_workbook(path) as book:
        if token is not None:
            token.check()
        sheets = list(book.sheets)
        name = choose_sheet(book, sheet)
        rows = sample_rows(book, name, SAMPLE_ROWS)
    if token is not None:
        token.check()
    return Sample(sheets, name, rows, 0, [], []).with_header(header_row)


def sample_rows(book: Workbook, sheet: str, count: int = SAMPLE_ROWS) -> list[Row]:
    out: list[Row] = []
    for item in book.rows(sheet):
        out.append(item)
        if len(out) >= count:
            break
    return out


def find_header_row(rows: Sequence[Row]) -> int | None:
    """The row number of the header among the first rows: the best score of at least 2
    (two partial or one exact match), earliest on ties; None when nothing looks like one."""
    best_row, best_score = None, 1
    for number, cells in list(rows)[:HEADER_SCAN_ROWS]:
        score = hdr.header_score(cells)
        if score > best_score:
            best_row, best_score = number, score
    return best_row


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Table:
    """Read the data rows of ``path`` (raises :class:`ExchangeError` for bad files)."""
    token = token or CancelToken()
    path = Path(path)
    with open_workbook(path) as book:
        name = choose_sheet(book, sheet)
        total = book.row_count_hint(name)
        progress(0, total, "reading")
        header_cells: list[str] | None = None
        rows: list[Row] = []
        pending: list[Row] = []  # rows seen before the header is known
        for number, cells in book.rows(name):
            if header_cells is None:
                if header_row is not None:
                    if number == header_row:
                        header_cells = cells
                    elif number > header_row:
                        raise ExchangeError("bad_header_row", row=header_row, sheet=name)
                    continue
                pending.append((number, cells))
                if len(pending) < HEADER_SCAN_ROWS:
                    continue
                found = find_header_row(pending)
                if found is None:
                    raise ExchangeError("no_header", name=path.name, sheet=name)
                header_row, header_cells = found, dict(pending)[found]
                rows.extend((n, c) for n, c in pending if n > found)
                continue
            rows.append((number, cells))
            if len(rows) % 2000 == 0:
                token.check()
                progress(number, total, "reading")
        if header_cells is None:
            if header_row is not None and not pending:
                raise ExchangeError("bad_header_row", row=header_row, sheet=name)
            if not pending:
                raise ExchangeError("no_data", name=path.name)
            found = find_header_row(pending)
            if found is None:
                raise ExchangeError("no_header", name=path.name, sheet=name)
            header_row, header_cells = found, dict(pending)[found]
            rows.extend((n, c) for n, c in pending if n > found)
        encoding = getattr(book, "encoding", "")
        sheets = list(book.sheets)
        kind = book.kind
    width = max([len(header_cells)] + [len(c) for _, c in rows])
    headers = list(header_cells) + [""] * (width - len(header_cells))
    header_key = [hdr.normalize_header(h) for h in headers]
    # a repeated header (printed pages, pasted blocks) is told by its first titled cell
    # before the whole row is compared: normalising every cell of 100k rows costs seconds
    first = next((i for i, key in enumerate(header_key) if key), 0)
    data: list[Row] = []
    for number, cells in rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if (
            _normalized(cells[first]) == header_key[first]
            and [hdr.normalize_header(c) for c in cells[: len(header_key)]] == header_key
        ):
            continue
        data.append((number, cells))
    if not data:
        raise ExchangeError("no_data", name=path.name)
    progress(total, total, "reading")
    assert header_row is not None  # given, or found above
    return Table(path, kind, name, sheets, header_row, headers, data, encoding)
