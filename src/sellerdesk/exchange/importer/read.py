"""Reading: the workbook's best sheet, its header row under title rows, its data rows as text.

:func:`read_table` reads a whole sheet for an import; :func:`read_sample` reads its first
rows for the wizard's sheet and mapping steps (run in a job: opening a sheet with
python-calamine loads all of it, ~1.4 s for 100,000 rows).
"""

from __future__ import annotations

import contextlib
import itertools
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
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
    sample = Sample(sheets, name, rows, 0, [], []).with_header(header_row)
    hdr.check_header_lengths(sample.headers, name=Path(path).name, row=sample.header_row)
    return sample


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


def _find_header(
    source: Iterator[Row], header_row: int | None, sheet: str, name: str
) -> tuple[int, list[str], list[Row]]:
    """Read ``source`` up to the header row (``header_row``, else the best of the first
    rows): (its number, its cells, the rows read after it)."""
    pending: list[Row] = []  # rows seen before the header is known
    for number, cells in source:
        if header_row is not None:
            if number == header_row:
                hdr.check_header_lengths(cells, name=name, row=number)
                return header_row, cells, []
            if number > header_row:
                raise ExchangeError("bad_header_row", row=header_row, sheet=sheet)
            continue
        pending.append((number, cells))
        if len(pending) >= HEADER_SCAN_ROWS:
            break
    if header_row is not None:
        raise ExchangeError("bad_header_row", row=header_row, sheet=sheet)
    if not pending:
        raise ExchangeError("no_data", name=name)
    found = find_header_row(pending)
    if found is None:
        raise ExchangeError("no_header", name=name, sheet=sheet)
    cells = dict(pending)[found]
    hdr.check_header_lengths(cells, name=name, row=found)
    return found, cells, [(n, c) for n, c in pending if n > found]


def _data_rows(rows: Iterable[Row], headers: list[str]) -> Iterator[Row]:
    """``rows`` padded to the headers' width, without repeated header rows."""
    width = len(headers)
    header_key = [hdr.normalize_header(h) for h in headers]
    # a repeated header (printed pages, pasted blocks) is told by its first titled cell
    # before the whole row is compared: normalising every cell of 100k rows costs seconds
    first = next((i for i, key in enumerate(header_key) if key), 0)
    for number, cells in rows:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if (
            _normalized(cells[first]) == header_key[first]
            and [hdr.normalize_header(c) for c in cells[: len(header_key)]] == header_key
        ):
            continue
        yield number, cells


@contextlib.contextmanager
def stream_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Iterator[tuple[Table, Iterator[Row], int]]:
    """Open ``path`` and yield (its :class:`Table` without rows, its data rows as they are
    read, about how many rows the sheet has): an import that checks and writes each row as
    it comes keeps no more of the file than the reader does (python-calamine holds the
    sheet's cells, ~0.5 KB a row; a CSV its text). Raises :class:`ExchangeError` for a bad
    file, before yielding or while the rows are read (``no_data`` at their end)."""
    token = token or CancelToken()
    path = Path(path)
    with open_workbook(path) as book:
        name = choose_sheet(book, sheet)
        total = book.row_count_hint(name)
        progress(0, total, "reading")
        source = book.rows(name)
        header_row, header_cells, first = _find_header(source, header_row, name, path.name)
        width = max([len(header_cells), book.width_hint(name)] + [len(c) for _, c in first])
        headers = list(header_cells) + [""] * (width - len(header_cells))
        table = Table(path, book.kind, name, list(book.sheets), header_row, headers, [], getattr(book, "encoding", ""))

        def rows() -> Iterator[Row]:
            count = 0
            for count, row in enumerate(_data_rows(itertools.chain(first, source), headers), 1):
                if count % 2000 == 0:
                    token.check()
                yield row
            if not count:
                raise ExchangeError("no_data", name=path.name)

        yield table, rows(), total


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Table:
    """Read the data rows of ``path`` (raises :class:`ExchangeError` for bad files); the
    wizard's whole-file read (an import streams them: :func:`stream_table`)."""
    token = token or CancelToken()
    path = Path(path)
    with open_workbook(path) as book:
        name = choose_sheet(book, sheet)
        total = book.row_count_hint(name)
        progress(0, total, "reading")
        source = book.rows(name)
        header_row, header_cells, rows = _find_header(source, header_row, name, path.name)
        for number, cells in source:
            rows.append((number, cells))
            if len(rows) % 2000 == 0:
                token.check()
                progress(number, total, "reading")
        encoding = getattr(book, "encoding", "")
        sheets = list(book.sheets)
        kind = book.kind
    width = max([len(header_cells)] + [len(c) for _, c in rows])
    headers = list(header_cells) + [""] * (width - len(header_cells))
    data = list(_data_rows(rows, headers))
    if not data:
        raise ExchangeError("no_data", name=path.name)
    progress(total, total, "reading")
    return Table(path, kind, name, sheets, header_row, headers, data, encoding)
