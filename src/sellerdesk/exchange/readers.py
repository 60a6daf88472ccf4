"""Reading spreadsheets into rows of text: .xlsx/.xlsm/.ods/.xls (python-calamine) and CSV.

The format is told by the file's first bytes, not its name (a .xls that is really .xlsx
is common; a text file renamed .xlsx is refused). CSV text is UTF-8 (with or without BOM),
UTF-16 with BOM (Excel's "Unicode text") or GBK/GB18030, detected by strict decoding.

Why calamine and not openpyxl: reading a 100,000-row sheet took 1.7 s with
python-calamine and 37 s with openpyxl's read-only mode on the same machine (see
benchmarks/bench_exchange.py --compare-readers); calamine also reads .xls and .ods, so no
second reader (xlrd) is needed. Formula cells come back as their cached values; an .xlsx formula
without one (never calculated: written by a program, not Excel) as ``cells.FORMULA_WITHOUT_VALUE``
and the formula, which the import refuses naming the column.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import io
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sellerdesk.core.fields import MAX_CELL_CHARS
from sellerdesk.exchange import guards
from sellerdesk.exchange.errors import ExchangeError

if TYPE_CHECKING:
    from python_calamine import CalamineSheet  # imported when a sheet is opened (start-up time)

    from sellerdesk.exchange.xlsx_rows import XlsxRows

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
MAX_CSV_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool


def cell_text(value: object) -> str:
    """A cell as the text a person would read: 13812345678.0 → '13812345678', dates ISO;
    at most :data:`~sellerdesk.core.fields.MAX_CELL_CHARS` characters."""
    if type(value) is float:  # (phones kept as numbers: a column of them in most sheets)
        if value.is_integer() and -1e17 < value < 1e17:
            return str(int(value))
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return repr(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()[:MAX_CELL_CHARS]
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return cell_text(float(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return str(value)
    return str(value).strip()[:MAX_CELL_CHARS]


class Workbook:
    """An opened spreadsheet: its sheets (with visibility) and their rows as text."""

    kind: str = ""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sheets: list[SheetInfo] = []

    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets]

    def rows(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        """(1-based sheet row number, cells as text) for every row that has any text."""
        raise NotImplementedError

    def row_count_hint(self, sheet: str) -> int:
        return 0

    def width_hint(self, sheet: str) -> int:
        """The most cells a row with text has (0: unknown); what a streamed read pads rows to."""
        return 0

    def close(self) -> None:
        pass

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def _panic_text_dropped() -> Iterator[None]:
    """Around a calamine call: Rust's panic hook writes its message straight to file
    descriptor 2 before the panic reaches Python as an exception (a damaged file, reported
    in one line). What is written there meanwhile is held, dropped after a panic and passed
    on otherwise. Without a usable descriptor 2 (a windowed app), the call just runs."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (AttributeError, OSError, ValueError):
        yield
        return
    held = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below, after fd 2 is back
    panicked = False
    try:
        os.dup2(held.fileno(), 2)
        yield
    except BaseException as exc:
        panicked = _is_panic(exc)
        raise
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        held.seek(0)
        text = held.read()
        held.close()
        if text and not panicked:
            os.write(2, text)


class CalamineBook(Workbook):
    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(path)
        import python_calamine as pc

        if kind in ("xlsx", "ods"):
            guards.check_zip(path, kind)  # calamine unpacks what a zip claims, and aborts on a huge grid
        if kind == "ods":
            guards.check_ods(path)  # (calamine reads every table of a .ods when it opens it)

        self.kind = kind
        self._pc = pc
        self._loaded: dict[str, CalamineSheet] = {}  # loading a 100k-row sheet takes ~1.4 s: once per sheet
        self._stream_of: dict[str, XlsxRows | None] = {}  # big .xlsx sheets: read as a stream
        with self._damaged(), _panic_text_dropped():
            try:
                self._book = pc.CalamineWorkbook.from_path(str(path))
                metadata = self._book.sheets_metadata
            except pc.PasswordError as exc:
                raise ExchangeError("encrypted", name=path.name) from exc
        worksheet = getattr(pc.SheetTypeEnum, "WorkSheet", None)
        visible = getattr(pc.SheetVisibleEnum, "Visible", None)
        for meta in metadata:
            if worksheet is not None and meta.typ != worksheet:
                continue  # chart sheets hold no cells
            self.sheets.append(SheetInfo(meta.name, meta.visible != visible))

    @contextlib.contextmanager
    def _damaged(self) -> Iterator[None]:
        """What calamine raises while opening or reading (a Rust panic included) as a damaged file."""
        pc = self._pc
        try:
            yield
        except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError, RuntimeError) as exc:
            raise ExchangeError("corrupt", name=self.path.name, reason=_short(exc)) from exc
        except BaseException as exc:
            if not _is_panic(exc):
                raise
            raise ExchangeError("corrupt", name=self.path.name, reason=_short(exc)) from exc

    STREAM_FROM = 24 * 1024 * 1024
    """An .xlsx sheet whose XML unpacks to more than this (~50,000 rows of a customer list) is
    streamed (:mod:`sellerdesk.exchange.xlsx_rows`): python-calamine would hold all its cells."""

    def _streamed(self, sheet: str) -> XlsxRows | None:
        """The streaming reader for a big .xlsx ``sheet``; None for every other sheet."""
        if self.kind != "xlsx" or sheet not in self.sheet_names():
            return None
        if sheet in self._stream_of:
            return self._stream_of[sheet]
        from sellerdesk.exchange.xlsx_rows import XlsxRows

        stream = None
        try:
            rows = XlsxRows(self.path)
            part = rows.sheet_part(sheet)
            if part.file_size > self.STREAM_FROM:
                stream = rows
            else:
                rows.close()
        except ExchangeError:
            stream = None  # (calamine reports what is wrong with the file, as before)
        self._stream_of[sheet] = stream
        return stream

    def _sheet(self, sheet: str) -> CalamineSheet:
        if sheet in self._loaded:
            return self._loaded[sheet]
        if self.kind == "xlsx" and sheet in self.sheet_names():
            guards.check_xlsx_sheet(self.path, sheet)
        with self._damaged(), _panic_text_dropped():
            try:
                data = self._loaded[sheet] = self._book.get_sheet_by_name(sheet)
            except self._pc.WorksheetNotFound as exc:
                raise ExchangeError("no_sheet", name=self.path.name, sheet=sheet) from exc
        return data

    def rows(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        stream = self._streamed(sheet)
        if stream is not None:
            yield from self._stream_rows(stream, sheet)
            return
        last = 0
        try:
            for number, cells in self._calamine_rows(sheet):
                last = number
                yield number, cells
        except OverflowError as exc:
            # a number calamine cannot make a date or a duration of (a phone in a [h]:mm column):
            # its rows from there on as the streaming reader reads them (the number itself)
            if self.kind != "xlsx":
                raise ExchangeError("corrupt", name=self.path.name, reason=_short(exc)) from exc
            from sellerdesk.exchange.xlsx_rows import XlsxRows

            with XlsxRows(self.path) as rest:
                for number, cells in self._stream_rows(rest, sheet):
                    if number > last:
                        yield number, cells

    @staticmethod
    def _stream_rows(stream: XlsxRows, sheet: str) -> Iterator[tuple[int, list[str]]]:
        for number, values in stream.rows(sheet):
            text = [v.strip() if type(v) is str and len(v) <= MAX_CELL_CHARS else cell_text(v) for v in values]
            if any(text):
                yield number, text

    def _calamine_rows(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        data = self._sheet(sheet)
        start = data.start
        # iter_rows() counts rows from the sheet's first row but columns from the first used one
        first_col = start[1] if start else 0
        unvalued: dict[int, list[tuple[int, str]]] = {}  # calamine reads them as empty cells
        for (number, col), formula in self._formulas_without_value(sheet).items():
            unvalued.setdefault(number, []).append((col, formula[:MAX_CELL_CHARS]))
        with self._damaged():
            for offset, raw in enumerate(data.iter_rows()):
                # text is most cells: stripped inline, the rest (and a huge cell) through cell_text (~2x faster)
                cells = [v.strip() if type(v) is str and len(v) <= MAX_CELL_CHARS else cell_text(v) for v in raw]
                if first_col:
                    cells = [""] * first_col + cells
                if unvalued and offset + 1 in unvalued:
                    for col, formula in unvalued[offset + 1]:
                        cells.extend([""] * (col + 1 - len(cells)))
                        cells[col] = formula
                if any(cells):
                    yield offset + 1, cells
        # read to its end: the sheet's cells (~0.5 KB a row, in calamine) are let go, so an
        # import's finishing steps (indexes, late merges) run without them
        del data
        self._loaded.pop(sheet, None)

    def _formulas_without_value(self, sheet: str) -> dict[tuple[int, int], str]:
        """The formulas of an .xlsx ``sheet`` never calculated (see ``xlsx_rows.FORMULA_WITHOUT_VALUE``)."""
        if self.kind != "xlsx":
            return {}
        from sellerdesk.exchange.xlsx_rows import XlsxRows

        try:
            with XlsxRows(self.path) as book:
                return book.formulas_without_value(sheet)
        except (ExchangeError, OSError, KeyError, ValueError, zipfile.BadZipFile):
            return {}  # (what is wrong with the file is calamine's to say, as before)

    def row_count_hint(self, sheet: str) -> int:
        stream = self._streamed(sheet)
        if stream is not None:
            # the sheet's <dimension>, else a guess from its size (progress only)
            rows, _ = stream.dimension(sheet)
            return rows or stream.sheet_part(sheet).file_size // 400
        return self._sheet(sheet).height

    def width_hint(self, sheet: str) -> int:
        stream = self._streamed(sheet)
        if stream is not None:
            return stream.dimension(sheet)[1]
        data = self._sheet(sheet)  # (a rectangle: every row iter_rows() gives is this wide)
        start = data.start
        return (start[1] if start else 0) + data.width

    def close(self) -> None:
        self._loaded.clear()
        for stream in self._stream_of.values():
            if stream is not None:
                stream.close()
        self._stream_of.clear()
        try:
            self._book.close()
        except Exception:  # noqa: BLE001 - closing twice is harmless
            pass


_MOBILE_IN_TEXT = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


class CsvBook(Workbook):
    kind = "csv"

    def __init__(self, path: Path, data: bytes) -> None:
        super().__init__(path)
        self.encoding, text = decode_text(data, path.name)
        self._text = text
        sample = text[:20000]
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
        except csv.Error:
            pass
        self.delimiter = delimiter
        self.sheets = [SheetInfo(path.stem or "CSV", False)]

    def rows(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        """Rows as Excel writes CSV; a quote left open would make the rest of the file (or the
        rows up to the next quote) one cell: such a file is refused, naming the row (strict
        parsing for a quote open at the end or followed by text, and a look at every record
        that spans lines for rows run together)."""
        if sheet != self.sheets[0].name:
            raise ExchangeError("no_sheet", name=self.path.name, sheet=sheet)
        if csv.field_size_limit() < MAX_CSV_BYTES:  # (the whole text is in memory already; cells are cut below)
            csv.field_size_limit(MAX_CSV_BYTES)
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter, strict=True)
        line = 0  # the last line of the record before
        width = 0  # the most cells a record had so far
        try:
            for cells in reader:
                if reader.line_num > line + 1:  # this record spans lines: a cell holds a line break
                    if width and len(cells) > width:  # and more cells than any record before: rows run together
                        raise ExchangeError("csv_quote", name=self.path.name, row=line + 1)
                    self._check_run_together(cells, line + 1, max(width, len(cells)))
                line = reader.line_num
                width = max(width, len(cells))
                cells = [c.strip() if len(c) <= MAX_CELL_CHARS else c.strip()[:MAX_CELL_CHARS] for c in cells]
                if any(cells):
                    yield reader.line_num, cells
        except csv.Error as exc:
            raise ExchangeError("csv_quote", name=self.path.name, row=line + 1) from exc

    def _check_run_together(self, cells: list[str], row: int, width: int) -> None:
        """Refuse a cell whose later lines look like records of their own: as many delimiters
        as a record has, or a delimiter and a mobile number (the rows after an unclosed quote)."""
        for cell in cells:
            if "\n" not in cell and "\r" not in cell:
                continue
            for part in cell.splitlines()[1:]:
                delimiters = part.count(self.delimiter)
                if delimiters and (delimiters >= max(1, width - 1) or _MOBILE_IN_TEXT.search(part)):
                    raise ExchangeError("csv_quote", name=self.path.name, row=row)

    def row_count_hint(self, sheet: str) -> int:
        return self._text.count("\n") + 1

    def width_hint(self, sheet: str) -> int:
        """One quick pass of the csv reader (errors are raised by :meth:`rows`, not here)."""
        width = 0
        try:
            for cells in csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter):
                if len(cells) > width and any(c.strip() for c in cells):
                    width = len(cells)
        except csv.Error:
            pass
        return width


# What chardetng may call a legacy Chinese text, and the codec that reads it (GB18030 is a
# superset of GBK and GB2312; Big5-HKSCS of Big5, as browsers read "Big5").
_CHINESE_CODECS = {"gbk": "gb18030", "gb18030": "gb18030", "gb2312": "gb18030", "big5": "big5hkscs"}
_DETECT_BYTES = 256 * 1024  # enough text to tell (detection runs ~3 MB/s)


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """(encoding, text): UTF-8 (BOM or not), UTF-16 with BOM, else the legacy encoding
    chardetng (Firefox's detector) finds: GBK/GB18030 or Big5 are read, anything else (Shift_JIS,
    EUC-KR, a Western code page…) is refused naming it. GBK decodes Big5 or Shift_JIS bytes
    without an error, as nonsense, so strict decoding alone cannot tell them apart."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data, "utf-8-sig", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16", name)
    try:
        return _decoded(data, "utf-8", name)
    except UnicodeDecodeError:
        pass
    from chardetng_py import EncodingDetector

    detector = EncodingDetector()
    detector.feed(data[:_DETECT_BYTES], last=len(data) <= _DETECT_BYTES)
    found = detector.guess(tld=None, allow_utf8=False)
    codec = _CHINESE_CODECS.get(found.lower())
    if codec is None:
        raise ExchangeError("foreign_encoding", name=name, encoding=found)
    try:
        return _decoded(data, codec, name)
    except UnicodeDecodeError as exc:
        raise ExchangeError("encoding", name=name) from exc


def _decoded(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    """``data`` as ``encoding``; a file with NUL characters, or that starts with a UTF-16 mark but
    is not UTF-16, is binary data, not text (``binary``), whatever else it might decode as."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":  # the mark promised UTF-16: the rest is not (or is cut short)
            raise ExchangeError("binary", name=name) from exc
        if encoding == "utf-8-sig":  # the mark promised UTF-8: the rest is not
            raise ExchangeError("encoding", name=name) from exc
        raise  # the caller tries the next encoding
    if "\x00" in text:  # binary data that happens to decode
        raise ExchangeError("binary", name=name)
    return encoding, text


def open_workbook(path: str | Path) -> Workbook:
    """Open ``path`` by its content; raises :class:`ExchangeError` for anything unreadable."""
    path = Path(path)
    if not path.is_file():
        if path.exists():  # a folder, a device (/dev/null), a pipe: nothing to read rows from
            raise ExchangeError("not_a_file", name=str(path))
        raise ExchangeError("not_found", name=path.name or str(path))
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
            size = fh.seek(0, io.SEEK_END)
    except OSError as exc:
        raise ExchangeError("unreadable", name=path.name, reason=exc.strerror or str(exc)) from exc
    if size == 0:
        raise ExchangeError("empty_file", name=path.name)
    if head.startswith(ZIP_MAGIC):
        kind = "ods" if path.suffix.lower() == ".ods" else "xlsx"
        return CalamineBook(path, kind)
    if head.startswith(OLE_MAGIC):
        check_xls_dimensions(path)
        return CalamineBook(path, "xls")
    if path.suffix.lower() in TEXT_SUFFIXES:
        if size > MAX_CSV_BYTES:
            raise ExchangeError("unreadable", name=path.name, reason="file too large")
        return CsvBook(path, path.read_bytes())
    raise ExchangeError("not_spreadsheet", name=path.name)


def _is_panic(exc: BaseException) -> bool:
    """A Rust panic inside python-calamine (e.g. on some truncated .xls files) arrives as
    pyo3_runtime.PanicException, which derives from BaseException, not Exception, and has no
    importable name: it is a damaged file, not a reason to crash or leave a worker hanging."""
    return type(exc).__name__ == "PanicException"


_BIFF_BOUNDSHEET, _BIFF_DIMENSIONS, _BIFF_EOF = 0x0085, 0x0200, 0x000A
_XLS_MAX_ROWS, _XLS_MAX_COLUMNS = 65536, 256  # the largest sheet any .xls (BIFF8) can hold


def check_xls_dimensions(path: Path) -> None:
    """Refuse a legacy .xls whose sheet sizes are impossible, before python-calamine reads it.

    python-calamine (0.9, calamine 0.37) allocates rows × columns cells from a sheet's
    DIMENSIONS record before reading a cell: a damaged record (2^31 rows) makes the Rust
    allocation fail, which aborts the whole process instead of raising (upstream
    tafia/calamine#550, #714). Each sheet's record is found from the workbook's sheet list
    (BOUNDSHEET offsets), so only a few records are read, not every cell.
    """
    import struct

    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                raise ExchangeError("corrupt", name=path.name, reason="no workbook stream")
            data = ole.openstream(stream).read()
    except ExchangeError:
        raise
    except Exception as exc:  # noqa: BLE001 - olefile raises many kinds on damaged files
        raise ExchangeError("corrupt", name=path.name, reason=_short(exc)) from exc

    def records(start: int) -> Iterator[tuple[int, int, int]]:
        pos = start
        while pos + 4 <= len(data):
            kind, size = struct.unpack_from("<HH", data, pos)
            yield kind, pos + 4, size
            if kind == _BIFF_EOF:
                return
            pos += 4 + size

    sheets = [
        struct.unpack_from("<I", data, body)[0]
        for kind, body, size in records(0)
        if kind == _BIFF_BOUNDSHEET and size >= 4
    ]
    for offset in sheets:
        for kind, body, size in records(offset):
            if kind != _BIFF_DIMENSIONS:
                continue
            if size >= 14:  # BIFF8: first row, row after the last (32-bit), first column, column after the last
                first_row, end_row, first_col, end_col = struct.unpack_from("<IIHH", data, body)
            elif size >= 10:  # BIFF5/7: 16-bit rows
                first_row, end_row, first_col, end_col = struct.unpack_from("<HHHH", data, body)
            else:
                break
            if end_row > _XLS_MAX_ROWS or end_col > _XLS_MAX_COLUMNS or first_row > end_row or first_col > end_col:
                raise ExchangeError("corrupt", name=path.name, reason="impossible sheet size")
            break


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
