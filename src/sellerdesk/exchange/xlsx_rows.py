"""Reading the rows of a big .xlsx sheet one at a time, in flat memory.

python-calamine (:mod:`sellerdesk.exchange.readers`) loads a whole sheet before giving its
first row: ~0.5 KB a row, 150 MB at 300,000 customers, which made an import's peak memory
grow with the file. This reader unzips the sheet's XML as a stream and hands each row on
as it is parsed (expat, the C parser in the standard library), so it holds one chunk of
XML and one row. What it cannot stream is the shared-string table (the text cells of
files Excel and WPS write point into it): it is kept as one UTF-8 buffer and an array of
offsets, about 20 bytes a string instead of ~80 for a list of Python strings.

The values are python-calamine's, so :func:`readers.cell_text` makes the same text of
them (tests compare the two readers): numbers as floats, date-formatted numbers as
``datetime``/``date``/``time`` (``timedelta`` for ``[h]:mm`` durations), booleans,
errors as their text (``#DIV/0!``), formula cells as their cached value.

The parts are read through :func:`guards.xml_chunks` (sizes and CRC checked, a DTD refused,
so no entity expansion), and the sheet found as :func:`guards.sheet_parts` finds it.
"""

from __future__ import annotations

import datetime as _dt
import re
import zipfile
from array import array
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from sellerdesk.exchange import guards
from sellerdesk.exchange.cells import FORMULA_WITHOUT_VALUE
from sellerdesk.exchange.errors import ExchangeError

# in every sheet with a formula: <f>, </f>, </x:f> (a shared formula's cells <f … si="0"/> come with
# the one that holds its text); text cannot hold it (a ">" in a cell is written &gt;)
_FORMULA_TAG = b"f>"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_SEP = "\x01"  # namespace separator of the parser: "uri\x01local"

# Built-in number formats that show a date or time (ECMA-376 18.8.30, plus the East Asian ones
# Excel maps to dates: 27–36, 50–58), and the duration one.
_DATE_FORMATS = frozenset([*range(14, 23), *range(27, 37), 45, 47, *range(50, 59)])
_DURATION_FORMATS = frozenset([46])
MAX_COLUMNS = 16_384
_EPOCH_1900 = _dt.datetime(1899, 12, 30)
_EPOCH_1904 = _dt.datetime(1904, 1, 1)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit(_SEP, 1)[-1]


def _format_kind(code: str) -> str:
    """'date', 'duration' or '' for a custom number format code (as calamine tells them)."""
    plain = _QUOTED.sub("", code.split(";", 1)[0])
    lower = plain.lower()
    if re.search(r"\[(h+|m+|s+)\]", lower):
        return "duration"
    if any(ch in lower for ch in "ymdhs") and lower not in ("general",):
        return "date"
    return ""


def _column(ref: str) -> int:
    """0-based column of a cell reference (``B7`` → 1); -1 when it has none."""
    n = 0
    for ch in ref:
        o = ord(ch)
        if 65 <= o <= 90:
            n = n * 26 + o - 64
        elif 97 <= o <= 122:
            n = n * 26 + o - 96
        else:
            break
    return n - 1


def _row_number(ref: str) -> int:
    digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() else 0


class SharedStrings:
    """The shared-string table, compact: the UTF-8 of every string in one buffer."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index: int) -> str:
        end = self._ends[index]  # (IndexError for a bad index, as a list)
        start = self._ends[index - 1] if index else 0
        return self._data[start:end].decode("utf-8")


class XlsxRows:
    """An .xlsx opened for streaming: its sheets (name, hidden) and :meth:`rows` of one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip = zipfile.ZipFile(path)
        self.sheets: list[tuple[str, bool]] = []
        self._date1904 = False
        self._styles: list[str] | None = None  # cell style index → 'date', 'duration' or ''
        self._strings: SharedStrings | None = None
        for attrs in self._elements("xl/workbook.xml", ("sheet", "workbookPr")):
            if attrs[0] == "workbookPr":
                self._date1904 = attrs[1].get("date1904", "") in ("1", "true")
            elif "name" in attrs[1]:
                self.sheets.append((attrs[1]["name"], attrs[1].get("state", "visible") != "visible"))

    def close(self) -> None:
        self._zip.close()
        self._strings = None

    def __enter__(self) -> XlsxRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the small parts ---------------------------------------------------------------------------------------

    def _part(self, name: str) -> zipfile.ZipInfo | None:
        try:
            return self._zip.getinfo(name)
        except KeyError:
            return None

    def _parse(self, info: zipfile.ZipInfo, parser: expat.XMLParserType) -> None:
        try:
            for chunk in guards.xml_chunks(self._zip, info, self.path.name):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise ExchangeError("corrupt", name=self.path.name, reason=f"{info.filename}: {exc}") from exc

    def _elements(self, part: str, wanted: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
        """The attributes of every ``wanted`` element of ``part`` (local names, prefixes dropped)."""
        info = self._part(part)
        if info is None:
            return []
        found: list[tuple[str, dict[str, str]]] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local in wanted:
                found.append((local, {_local(k): v for k, v in attrs.items()}))

        parser = self._parser()
        parser.StartElementHandler = start
        self._parse(info, parser)
        return found

    @staticmethod
    def _parser() -> expat.XMLParserType:
        parser = expat.ParserCreate(namespace_separator=_SEP)
        parser.buffer_text = True
        parser.buffer_size = 1 << 16
        parser.ordered_attributes = False
        return parser

    def _style_kinds(self) -> list[str]:
        if self._styles is not None:
            return self._styles
        custom: dict[int, str] = {}
        kinds: list[str] = []
        in_xfs = False
        info = self._styles_part()
        if info is not None:
            parser = self._parser()

            def start(name: str, attrs: dict[str, str]) -> None:
                nonlocal in_xfs
                local = _local(name)
                if local == "numFmt":
                    try:
                        custom[int(attrs.get("numFmtId", ""))] = _format_kind(attrs.get("formatCode", ""))
                    except ValueError:
                        pass
                elif local == "cellXfs":
                    in_xfs = True
                elif local == "xf" and in_xfs:
                    try:
                        fmt = int(attrs.get("numFmtId", "0"))
                    except ValueError:
                        fmt = 0
                    if fmt in custom:
                        kinds.append(custom[fmt])
                    else:
                        kinds.append("date" if fmt in _DATE_FORMATS else "duration" if fmt in _DURATION_FORMATS else "")

            def end(name: str) -> None:
                nonlocal in_xfs
                if _local(name) == "cellXfs":
                    in_xfs = False

            parser.StartElementHandler = start
            parser.EndElementHandler = end
            self._parse(info, parser)
        self._styles = kinds
        return kinds

    def _related(self, kind: str) -> zipfile.ZipInfo | None:
        """The workbook's part of relationship type ``…/kind`` (styles, sharedStrings)."""
        for _, attrs in self._elements("xl/_rels/workbook.xml.rels", ("Relationship",)):
            if attrs.get("Type", "").endswith("/" + kind):
                target = attrs.get("Target", "")
                full = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
                return self._part(full)
        return self._part(f"xl/{kind}.xml")

    def _styles_part(self) -> zipfile.ZipInfo | None:
        return self._related("styles")

    def _shared(self) -> SharedStrings:
        if self._strings is not None:
            return self._strings
        strings = SharedStrings()
        info = self._related("sharedStrings")
        if info is not None:
            parser = self._parser()
            text: list[str] = []
            depth_skip = 0  # inside <rPh> (phonetic runs: not the cell's text)
            in_t = False

            def start(name: str, attrs: dict[str, str]) -> None:
                nonlocal depth_skip, in_t
                local = _local(name)
                if local == "si":
                    text.clear()
                elif local == "rPh":
                    depth_skip += 1
                elif local == "t" and not depth_skip:
                    in_t = True

            def end(name: str) -> None:
                nonlocal depth_skip, in_t
                local = _local(name)
                if local == "si":
                    strings.append("".join(text))
                elif local == "rPh":
                    depth_skip -= 1
                elif local == "t":
                    in_t = False

            def chars(data: str) -> None:
                if in_t:
                    text.append(data)

            parser.StartElementHandler = start
            parser.EndElementHandler = end
            parser.CharacterDataHandler = chars
            self._parse(info, parser)
        self._strings = strings
        return strings

    # --- the rows ------------------------------------------------------------------------------------------------

    def sheet_part(self, sheet: str) -> zipfile.ZipInfo:
        parts = guards.sheet_parts(self._zip, sheet, self.path.name)
        if len(parts) != 1:
            raise ExchangeError("no_sheet", name=self.path.name, sheet=sheet)
        return parts[0]

    def dimension(self, sheet: str) -> tuple[int, int]:
        """(last row, last column + 1) from the sheet's ``<dimension ref="A1:I300003"/>``; zeros when
        it has none (it is at the top of the sheet, so only the start is read)."""
        info = self.sheet_part(sheet)
        with self._zip.open(info) as fh:
            head = fh.read(4096)
        match = re.search(rb'<(?:\w+:)?dimension\s+ref="([A-Za-z]*)(\d*)(?::([A-Za-z]+)(\d+))?"', head)
        if match is None:
            return 0, 0
        letters = (match.group(3) or match.group(1)).decode()
        digits = (match.group(4) or match.group(2)).decode()
        return (int(digits) if digits else 0), _column(letters) + 1

    def rows(self, sheet: str) -> Iterator[tuple[int, list[object]]]:
        """(1-based row number, the values from column A) of every row with a cell, in order."""
        info = self.sheet_part(sheet)
        kinds = self._style_kinds()
        strings = self._shared() if self._related("sharedStrings") is not None else SharedStrings()
        epoch = _EPOCH_1904 if self._date1904 else _EPOCH_1900
        out: list[tuple[int, list[object]]] = []
        row: list[object] = []
        row_no = 0
        next_row = 1  # a row without r="…" follows the one before
        col = 0
        cell_type = ""
        cell_style = 0
        value: list[str] = []
        in_value = False  # inside <v>, or <t> of an inline string (not its <rPh>)
        skip = 0
        inline = False
        has_value = False
        formula: list[str] | None = None  # the text of the cell's <f>, when it has one
        in_formula = False

        names: dict[str, str] = {}  # qualified name → local name (a dict lookup, not a string search)
        columns: dict[str, int] = {}  # a reference's letters → its column (the sheet's few columns, ~1M cells)

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal row, row_no, next_row, col, cell_type, cell_style, in_value, skip, inline, has_value
            nonlocal formula, in_formula
            local = names.get(name)
            if local is None:
                local = names[name] = _local(name)
            if local == "c":
                ref = attrs.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    c = columns.get(letters)
                    if c is None:
                        c = columns[letters] = _column(letters)
                    col = c if c >= 0 else len(row)
                else:
                    col = len(row)
                if col >= MAX_COLUMNS:  # (Excel's last column is XFD: a reference past it is damage)
                    raise ExchangeError("corrupt", name=self.path.name, reason=f"cell {ref} beyond column XFD")
                cell_type = attrs.get("t", "n")
                s = attrs.get("s")
                cell_style = int(s) if s and s.isdigit() else 0
                value.clear()
                has_value = False
                inline = False
                formula = None
            elif local == "f":
                formula = []
                in_formula = True
            elif local == "v":
                in_value = not skip
                has_value = True
            elif local == "is":
                inline = True
                has_value = True
            elif local == "t":
                in_value = inline and not skip
            elif local == "rPh":
                skip += 1
            elif local == "row":
                ref = attrs.get("r")
                row_no = int(ref) if ref and ref.isdigit() else next_row
                next_row = row_no + 1
                row = []

        def end(name: str) -> None:
            nonlocal in_value, skip, in_formula
            local = names.get(name)
            if local is None:
                local = names[name] = _local(name)
            if local == "c":
                if formula is not None and not (has_value and (value or cell_type == "str")):
                    # a formula never calculated (written by a program, not Excel): no value to read
                    cell: object = FORMULA_WITHOUT_VALUE + "=" + "".join(formula)
                    if col >= len(row):
                        row.extend([""] * (col - len(row) + 1))
                    row[col] = cell
                elif has_value:
                    cell = self._value(cell_type, "".join(value), cell_style, kinds, strings, epoch)
                    if cell is not None and cell != "":
                        if col >= len(row):
                            row.extend([""] * (col - len(row) + 1))
                        row[col] = cell
            elif local in ("v", "t"):
                in_value = False
            elif local == "f":
                in_formula = False
            elif local == "rPh":
                skip -= 1
            elif local == "row" and row:
                out.append((row_no, row))

        def chars(data: str) -> None:
            if in_value:
                value.append(data)
            elif in_formula and formula is not None:
                formula.append(data)

        parser = self._parser()
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = chars
        try:
            for chunk in guards.xml_chunks(self._zip, info, self.path.name):
                parser.Parse(chunk, False)
                if out:
                    yield from out
                    out.clear()
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise ExchangeError("corrupt", name=self.path.name, reason=f"{info.filename}: {exc}") from exc
        yield from out

    def formulas_without_value(self, sheet: str) -> dict[tuple[int, int], str]:
        """(row, column) → the cell's text (see :data:`FORMULA_WITHOUT_VALUE`) of every formula
        of ``sheet`` without a calculated value; a sheet with no formula is not parsed at all."""
        info = self.sheet_part(sheet)
        tail = b""
        for chunk in guards.xml_chunks(self._zip, info, self.path.name):
            if _FORMULA_TAG in tail + chunk[:8] or _FORMULA_TAG in chunk:  # (one find: 4x faster than a regex)
                break
            tail = chunk[-8:]
        else:
            return {}
        found: dict[tuple[int, int], str] = {}
        for number, values in self.rows(sheet):
            for col, cell in enumerate(values):
                if type(cell) is str and cell.startswith(FORMULA_WITHOUT_VALUE):
                    found[number, col] = cell
        return found

    @staticmethod
    def _value(
        cell_type: str, text: str, style: int, kinds: list[str], strings: SharedStrings, epoch: _dt.datetime
    ) -> object:
        if cell_type == "s":
            try:
                return strings[int(text)]
            except (ValueError, IndexError):
                return ""
        if cell_type in ("inlineStr", "str", "e"):
            return text
        if cell_type == "b":
            return text.strip() in ("1", "true")
        if cell_type == "d":
            try:
                return _dt.datetime.fromisoformat(text.strip())
            except ValueError:
                return text
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text
        kind = kinds[style] if style < len(kinds) else ""
        if kind == "date":
            return _serial_date(number, epoch)
        if kind == "duration":
            return _dt.timedelta(days=number)
        return number


def _serial_date(number: float, epoch: _dt.datetime) -> object:
    """A date serial as python-calamine gives it: a time below 1, a date when whole, else a datetime."""
    days = number + 1 if epoch == _EPOCH_1900 and 1 <= number < 60 else number  # (Excel's 1900-02-29)
    try:
        when = epoch + _dt.timedelta(days=days)
    except OverflowError:
        return number
    when = (
        when.replace(microsecond=0)
        if when.microsecond < 500_000
        else (when + _dt.timedelta(seconds=1)).replace(microsecond=0)
    )
    if 0 <= number < 1:
        return when.time()
    if when.time() == _dt.time():
        return when.date()
    return when
