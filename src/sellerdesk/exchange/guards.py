"""Refusing a spreadsheet that would exhaust memory, before python-calamine reads it.

python-calamine builds a sheet as one dense grid of rows × columns cells, from the first
to the last cell that holds a value, wherever they are: a 5 KB .xlsx with a value at A1
and one at XFD1048576 asks for 512 GiB (Rust then aborts the whole process), one at
AZ400000 takes 750 MB. A .ods is worse: repeated cells (``number-columns-repeated``) are
expanded, every sheet at once, with a second grid for formulas (~120 bytes a cell,
measured). Neither reader bounds what it unpacks from the zip.

So before calamine sees a file:

* :func:`check_zip` refuses a zip whose parts claim more than :data:`MAX_PART_BYTES` each
  (:data:`MAX_TOTAL_BYTES` together), or unpack at more than :data:`MAX_RATIO` times their
  packed size (zip bombs); the parts calamine reads when it opens the file are unpacked
  here first (Python's zipfile stops at the size a part claims and checks its CRC, so a
  part that lies about its size is refused), and any of them that declares a DTD
  (``<!DOCTYPE``: entity tricks; no spreadsheet needs one) is refused;
* :func:`check_xlsx_sheet` reads a worksheet's XML (streamed) for the real extent of its
  cells, the way calamine places them (a cell's ``r`` reference, or the one after the cell
  before it), and :func:`check_ods` does the same for every table of a .ods with its
  repeat counts; a sheet whose grid would exceed :data:`MAX_CELLS` cells (or
  :data:`MAX_COLUMNS` columns) is refused with one line naming its size.

Speed: the 100,000-row sheet of benchmarks/bench_exchange.py (48 MB of XML) is checked
by a fast path of C-speed passes (unpacking, counting, and regular expressions with a
literal prefix) that holds for files as Excel, WPS, LibreOffice and openpyxl write them
(every cell and row with an ``r="…"`` reference first); anything else takes an exact
tag-by-tag pass.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sellerdesk.exchange.errors import ExchangeError

# What a sheet may span. Bytes a cell, measured with python-calamine 0.9 (peak RSS over the
# grid): .xlsx ~32, .ods ~120; either limit keeps the grid near 600 MB.
MAX_CELLS = {"xlsx": 20_000_000, "ods": 5_000_000}
MAX_COLUMNS = 16_384  # Excel's XFD
MAX_ROWS = 1_048_576  # Excel's last row
MAX_PART_BYTES = 512 * 1024 * 1024  # one part of the zip, unpacked
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # every part together, as they claim
MAX_RATIO = 200  # unpacked / packed, for parts over RATIO_FROM bytes (zip bombs go past 1000; a sheet
RATIO_FROM = 64 * 1024 * 1024  # of one repeated value reaches ~1000 too, so only big parts are judged by it)
MAX_MEMBERS = 10_000
_CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True)
class Extent:
    """The grid calamine would build for a sheet: its rows and columns (0 when empty)."""

    rows: int
    cols: int

    @property
    def cells(self) -> int:
        return self.rows * self.cols


def _too_big(extent: Extent, kind: str) -> bool:
    return extent.cells > MAX_CELLS[kind] or extent.cols > MAX_COLUMNS or extent.rows > MAX_ROWS


def _refuse_extent(extent: Extent, name: str, sheet: str, kind: str) -> None:
    limit = MAX_CELLS[kind]
    if _too_big(extent, kind):
        raise ExchangeError("sheet_too_big", name=name, sheet=sheet, rows=extent.rows, cols=extent.cols, limit=limit)


# ------------------------------------------------------------------------------------------ the zip


def check_zip(path: Path, kind: str) -> None:
    """Refuse ``path`` (a .xlsx or .ods zip) if it unpacks to too much or declares a DTD."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ExchangeError("corrupt", name=path.name, reason=f"{len(infos)} parts in the zip")
            total = 0
            for info in infos:
                total += info.file_size
                packed = max(info.compress_size, 1)
                if (
                    info.file_size > MAX_PART_BYTES
                    or total > MAX_TOTAL_BYTES
                    or (info.file_size > RATIO_FROM and info.file_size / packed > MAX_RATIO)
                ):
                    raise ExchangeError("unpacks_too_big", name=path.name, limit=MAX_PART_BYTES // (1024 * 1024))
            if kind == "xlsx" and any(i.filename.lower().endswith(".bin") for i in infos if "sheet" in i.filename):
                # an .xlsb (binary sheets): calamine would read it too, but nothing here can guard it
                raise ExchangeError("not_spreadsheet", name=path.name)
            for info in infos:
                if _read_at_open(info.filename, kind):
                    for _ in _xml_chunks(zf, info, path.name):
                        pass  # unpacked (to its claimed size, CRC checked) and its prolog looked at
    except zipfile.BadZipFile as exc:
        raise ExchangeError("corrupt", name=path.name, reason=str(exc)[:160]) from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        # (zlib errors are OSError/zlib.error, an encrypted part raises RuntimeError)
        raise ExchangeError("corrupt", name=path.name, reason=str(exc)[:160] or type(exc).__name__) from exc


def _read_at_open(name: str, kind: str) -> bool:
    """The XML parts calamine reads when it opens a workbook (the sheets are checked on their own)."""
    lower = name.lower()
    if not lower.endswith((".xml", ".rels")):
        return False
    if kind == "ods":
        return lower != "content.xml"  # check_ods reads it
    return not lower.startswith(("xl/worksheets/", "xl/chartsheets/", "xl/drawings/", "xl/charts/", "xl/media/"))


def _xml_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The unpacked text of one XML part in chunks that end after a '>' (so no tag is cut), its
    prolog checked for a DTD. Python stops at the size the part claims and checks its CRC."""
    with zf.open(info) as fh:
        carry = b""
        first = True
        while True:
            try:
                block = fh.read(_CHUNK)
            except zlib.error as exc:  # (not an OSError: the callers' excepts did not see it)
                raise ExchangeError("corrupt", name=name, reason=f"{info.filename}: {exc}") from exc
            data = carry + block
            if not block:
                if data:
                    yield data
                return
            cut = data.rfind(b">") + 1
            if cut == 0 and len(data) > 64 * _CHUNK:
                raise ExchangeError("corrupt", name=name, reason=f"{info.filename}: no markup")
            chunk, carry = data[:cut], data[cut:]
            if first and chunk:
                _check_prolog(chunk, info.filename, name)
                first = False
            if chunk:
                yield chunk


_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)


def _check_prolog(data: bytes, part: str, name: str) -> None:
    """Refuse a DTD (``<!DOCTYPE``, where entities are declared) before the root element."""
    pos = 0
    if data.startswith(b"\xef\xbb\xbf"):
        pos = 3
    while True:
        match = _PROLOG_ITEM.match(data, pos)
        if match is None:
            break
        pos = match.end()
    rest = data[pos : pos + 16].lstrip()
    if rest.startswith(b"<!"):
        raise ExchangeError(
            "corrupt", name=name, reason=f"{part} declares a DTD (<!DOCTYPE), which no spreadsheet needs"
        )


# ------------------------------------------------------------------------------------------ .xlsx


def check_xlsx_sheet(path: Path, sheet: str) -> None:
    """Refuse ``sheet`` of the .xlsx ``path`` if its grid would be too big (see module doc)."""
    try:
        with zipfile.ZipFile(path) as zf:
            limit = MAX_CELLS["xlsx"]
            for info in _sheet_parts(zf, sheet, path.name):
                extent = xlsx_extent(zf, info, path.name, limit)
                if _too_big(extent, "xlsx"):  # a bound: the exact count decides (far cells may hold no value)
                    extent = xlsx_extent_exact(zf, info, path.name)
                _refuse_extent(extent, path.name, sheet, "xlsx")
    except zipfile.BadZipFile as exc:
        raise ExchangeError("corrupt", name=path.name, reason=str(exc)[:160]) from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise ExchangeError("corrupt", name=path.name, reason=str(exc)[:160] or type(exc).__name__) from exc


_SHEET_TAG = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>")
_REL_TAG = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(text: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(text)}


def _unescape(value: bytes) -> str:
    import html

    return html.unescape(value.decode("utf-8", "replace"))


def _sheet_parts(zf: zipfile.ZipFile, sheet: str, name: str) -> list[zipfile.ZipInfo]:
    """The worksheet part of ``sheet`` (workbook.xml → its relationship → the part); every
    worksheet part when that chain cannot be followed."""
    every = [
        i for i in zf.infolist() if i.filename.lower().startswith("xl/worksheets/") and i.filename.endswith(".xml")
    ]
    try:
        workbook = b"".join(_xml_chunks(zf, zf.getinfo("xl/workbook.xml"), name))
        rels = b"".join(_xml_chunks(zf, zf.getinfo("xl/_rels/workbook.xml.rels"), name))
    except KeyError:
        return every
    rel_id = None
    for match in _SHEET_TAG.finditer(workbook):
        attrs = _attrs(match.group(1))
        if _unescape(attrs.get(b"name", b"")) == sheet:
            rel_id = next((v for k, v in attrs.items() if k.endswith(b":id") or k == b"id"), None)
            break
    for match in _REL_TAG.finditer(rels):
        attrs = _attrs(match.group(1))
        if rel_id is not None and attrs.get(b"Id") == rel_id:
            target = _unescape(attrs.get(b"Target", b""))
            full = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            try:
                return [zf.getinfo(full)]
            except KeyError:
                return every
    return every


# The fast path, for cells as Excel, WPS, LibreOffice and openpyxl write them: each with its
# reference first (<c r="B7" …>), so placed by it alone. One pass finds the columns used and
# that no row number has more than six digits; the rows are then at most 999,999, or (for a
# wide sheet) at most the last row tag's number, once a second pass finds no cell below it.
_CELL_REF = re.compile(rb'<c (?:r="([A-Z]{1,3})(?=[0-9]{1,6}")|)')  # b"": another form
_PREFIXED_CELL = re.compile(rb":c[\s/>]")  # a namespace prefix (or text such as "备注:c ": only slower)
_SIX_DIGIT_ROWS = 999_999


def _other_cell(max_col: int) -> re.Pattern[bytes]:
    """A cell not of the fast path's form (no reference, another form, a seventh row digit),
    or one in a column past ``max_col``: one search a chunk, instead of a list of every cell."""
    letters = _letters_beyond(max_col)
    beyond = f'| r="{letters}' if letters else ""
    return re.compile(rb'<c(?:[>/\t\r\n]| (?!r="[A-Z]{1,3}[0-9]{1,6}")' + beyond.encode() + rb")")


def _letters_beyond(n: int) -> str:
    """A regular expression for the column letters after column ``n`` (A = 1)."""
    if n >= _col_number(b"ZZZ"):
        return ""
    name = ""
    k = n
    while k:
        k, rest = divmod(k - 1, 26)
        name = chr(65 + rest) + name
    options = [f"[A-Z]{{{len(name) + 1},3}}"] if len(name) < 3 else []
    for i, ch in enumerate(name):
        if ch != "Z":
            options.append(f"{name[:i]}[{chr(ord(ch) + 1)}-Z][A-Z]{{{len(name) - i - 1}}}")
    return "(?:" + "|".join(options) + ")(?=[0-9])" if options else ""


def xlsx_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> Extent:
    """The grid of one worksheet part, or a bound on it within ``limit`` cells when there is
    one: the fast path (above), else :func:`xlsx_extent_exact`."""
    max_col = last_row = 0
    other: re.Pattern[bytes] | None = None
    for chunk in _xml_chunks(zf, info, name):
        if _PREFIXED_CELL.search(chunk) is not None:
            return xlsx_extent_exact(zf, info, name)
        if other is None or other.search(chunk) is not None:  # the first chunk, or a wider row
            letters = set(_CELL_REF.findall(chunk))
            if b"" in letters:
                return xlsx_extent_exact(zf, info, name)
            if letters:
                max_col = max(max_col, max(map(_col_number, letters)))
            other = _other_cell(max_col)
            if other.search(chunk) is not None:  # (a cell with no reference)
                return xlsx_extent_exact(zf, info, name)
        at = chunk.rfind(b'<row r="')
        if at >= 0:
            digits = re.match(rb"[0-9]{1,7}", chunk[at + 8 : at + 16])
            last_row = max(last_row, int(digits.group()) if digits else _SIX_DIGIT_ROWS)
    if _SIX_DIGIT_ROWS * max_col <= limit:
        return Extent(_SIX_DIGIT_ROWS if max_col else 0, max_col)
    beyond = re.compile(rb'<c r="[A-Z]{1,3}0*' + _greater_than(last_row).encode() + rb'"')
    for chunk in _xml_chunks(zf, info, name):
        if beyond.search(chunk) is not None:
            return xlsx_extent_exact(zf, info, name)
    return Extent(last_row, max_col)


def _col_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def _greater_than(n: int) -> str:
    """A regular expression for the decimal numbers (without leading zeros) above ``n``."""
    digits = str(n)
    longer = f"[1-9][0-9]{{{len(digits)},}}"
    options = [longer]
    for i, d in enumerate(digits):
        if d == "9":
            continue
        low = "1" if i == 0 and d == "0" else str(int(d) + 1)
        rest = len(digits) - i - 1
        options.append(f"{digits[:i]}[{low}-9][0-9]{{{rest}}}")
    return "(?:" + "|".join(options) + ")"


_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*?)(/?)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]*)([0-9]+)")


def xlsx_extent_exact(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Extent:
    """Every row and cell tag, placed as calamine places them: a cell at its ``r`` reference
    or after the cell before it; a row at its ``r`` or after the row before it. Counted
    generously: a cell with any content is taken as holding a value."""
    row = 0  # calamine's row_index (0-based)
    col = 0
    min_row = min_col = None
    max_row = max_col = -1
    for chunk in _xml_chunks(zf, info, name):
        for match in _TAG.finditer(chunk):
            closing, tag, attrs, empty = match.groups()
            if tag == b"row":
                if closing:
                    row, col = row + 1, 0
                    continue
                ref = _R_ATTR.search(attrs)
                if ref is not None:
                    found = _REF.fullmatch(ref.group(1) or ref.group(2) or b"")
                    if found is not None:
                        row = int(found.group(2)) - 1
                if empty:
                    row, col = row + 1, 0
                continue
            if closing:
                continue
            ref = _R_ATTR.search(attrs)
            position = (row, col)
            if ref is not None:
                found = _REF.fullmatch(ref.group(1) or ref.group(2) or b"")
                if found is not None and found.group(1):
                    position = (int(found.group(2)) - 1, _col_number(found.group(1)) - 1)
            col = position[1] + 1
            if empty:
                continue  # <c/>: no value
            r, c = position
            min_row = r if min_row is None else min(min_row, r)
            min_col = c if min_col is None else min(min_col, c)
            max_row, max_col = max(max_row, r), max(max_col, c)
    if min_row is None or min_col is None:
        return Extent(0, 0)
    return Extent(max_row - min_row + 1, max_col - min_col + 1)


# ------------------------------------------------------------------------------------------ .ods


_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>"
    rb"|<(?:text:p|text:span)\b"
)
_COLS_REPEATED = re.compile(rb"""table:number-columns-repeated\s*=\s*["']\s*([0-9]+)""")
_ROWS_REPEATED = re.compile(rb"""table:number-rows-repeated\s*=\s*["']\s*([0-9]+)""")
_VALUE_TYPE = re.compile(rb"office:value-type\s*=")


def check_ods(path: Path) -> None:
    """Refuse a .ods whose tables together would make too big a grid (calamine reads every
    table when it opens the file)."""
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                info = zf.getinfo("content.xml")
            except KeyError:
                return  # calamine says what is missing
            total = 0
            for sheet, extent in ods_extents(zf, info, path.name):
                _refuse_extent(extent, path.name, sheet, "ods")
                total += extent.cells
                if total > MAX_CELLS["ods"]:
                    raise ExchangeError("book_too_big", name=path.name, limit=MAX_CELLS["ods"])
    except zipfile.BadZipFile as exc:
        raise ExchangeError("corrupt", name=path.name, reason=str(exc)[:160]) from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise ExchangeError("corrupt", name=path.name, reason=str(exc)[:160] or type(exc).__name__) from exc


def ods_extents(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[tuple[str, Extent]]:
    """(table name, grid) of every table in content.xml: rows and cells with their repeat
    counts, a cell holding a value when it has a value type or text, as calamine counts them."""
    sheet = ""
    rows = 0  # rows so far in this table
    last_row = 0  # rows up to the last one holding a value
    max_col = 0
    row_repeat = 1
    col = 0  # cells so far in this row
    row_width = 0  # cells up to the last one holding a value, in this row
    cell_repeat = 0  # the open cell's repeat count (0: none open)
    cell_start = 0
    in_table = False
    for chunk in _xml_chunks(zf, info, name):
        for match in _ODS_TAG.finditer(chunk):
            closing, tag, attrs, empty = match.groups()
            if tag is None:  # text inside the open cell: it holds a value
                if cell_repeat:
                    row_width = max(row_width, cell_start + cell_repeat)
                continue
            if tag == b"table":
                if closing:
                    if in_table:
                        yield sheet, Extent(last_row, max_col)
                    in_table = False
                elif not empty:
                    in_table = True
                    found = re.search(rb"""table:name\s*=\s*(?:"([^"]*)"|'([^']*)')""", attrs)
                    sheet = _unescape((found.group(1) or found.group(2) or b"") if found else b"")
                    rows = last_row = max_col = 0
                continue
            if tag == b"table-row":
                if closing or empty:
                    if empty:
                        found = _ROWS_REPEATED.search(attrs)
                        row_repeat, col, row_width = (int(found.group(1)) if found else 1), 0, 0
                    rows = min(rows + row_repeat, MAX_ROWS)
                    if row_width:
                        last_row = rows
                        max_col = max(max_col, row_width)
                    row_repeat, col, row_width, cell_repeat = 1, 0, 0, 0
                else:
                    found = _ROWS_REPEATED.search(attrs)
                    row_repeat, col, row_width, cell_repeat = (int(found.group(1)) if found else 1), 0, 0, 0
                continue
            # a cell
            if closing:
                cell_repeat = 0
                continue
            found = _COLS_REPEATED.search(attrs)
            repeat = min(int(found.group(1)) if found else 1, MAX_COLUMNS)
            cell_start, col = col, min(col + repeat, MAX_COLUMNS)
            if _VALUE_TYPE.search(attrs) is not None:
                row_width = max(row_width, col)
            cell_repeat = 0 if empty else col - cell_start
    if in_table:
        yield sheet, Extent(last_row, max_col)


# for the streaming .xlsx reader (exchange/xlsx_rows.py): the same checked way into a package
xml_chunks = _xml_chunks
sheet_parts = _sheet_parts
