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

Rows of the one plain shape spreadsheet programs write (``<row r="…"><c r="…" s="…" t="…"><v>…</v>
</c>…</row>``, or an inline string's ``<is><t>…</t></is>``) are read by regular expressions
(``rows``' ``plain_row``, the shared strings' :func:`_plain_strings`, both through
:meth:`XlsxRows._read_part`): expat calling Python for each element, value and end was ~4 s of a
100k-row file (6 million calls), half an import's reading. A row of any other shape (a formula,
rich text, a comment, a prefix, an unusual attribute), and every row after it, goes to expat as
before; everything else of the part is parsed by expat too, so a damaged file is refused as
before. What the regular expressions accept is checked as strictly as expat would (characters,
references, UTF-8), and tests compare the two ways on every shape.

The parts are read through :func:`guards.xml_chunks` (sizes and CRC checked, a DTD refused,
so no entity expansion), and the sheet found as :func:`guards.sheet_parts` finds it.
"""

from __future__ import annotations

import datetime as _dt
import re
import zipfile
from array import array
from collections.abc import Callable, Iterable, Iterator
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


# --- the plain rows, read without expat (see the module's docstring) ------------------------------------------------
#
# The expressions read the part's text decoded (one decode a chunk, no decode a value). XML's white
# space is written out ([ \t\r\n]): a pattern's \s would take U+3000 and the like for it.

PLAIN_ROWS = True  # (tests turn it off to compare with expat's rows)
_S = r"[ \t\r\n]"
_NCNAME = r"[A-Za-z_][A-Za-z0-9_.-]*"  # (ASCII: a pattern's \w would take ² or ٣, which no XML name holds)
_NAME = rf"{_NCNAME}(?::{_NCNAME})?"
_OTHER_VALUE = r"""(?:"[^"<&]*"|'[^'<&]*')"""


def _other_attribute(excluded: str) -> str:
    """An attribute this reader does not read (any but ``excluded``'s names): a name and a plain value."""
    return rf"(?!(?:{excluded}){_S}*=)" + _NAME + rf"{_S}*={_S}*" + _OTHER_VALUE


_ROW_START = re.compile(rf'<row(?:{_S}+(?:r{_S}*={_S}*"([0-9]*)"|{_other_attribute("r")}))*{_S}*(/?)>')
_T_START = rf"<t(?:{_S}+{_NAME}{_S}*={_S}*{_OTHER_VALUE})*{_S}*"
# any cell without a formula, rich text, phonetic runs or an attribute value with a reference
_CELL = re.compile(
    rf'{_S}*<c(?:{_S}+(?:r{_S}*={_S}*"([A-Za-z]{{0,3}}[0-9]{{0,7}})"|s{_S}*={_S}*"([0-9]{{0,9}})"'
    rf'|t{_S}*={_S}*"([A-Za-z]{{1,9}})"|{_other_attribute("r|s|t")}))*{_S}*'
    rf"(?:/>|>{_S}*(?:(<v>([^<]*)</v>|<v/>)|(<is>{_S}*(?:{_T_START}>([^<]*)</t>|{_T_START}/>)?{_S}*</is>|<is/>))?{_S}*</c>)"
)
# the cells spreadsheet programs write (Excel, WPS, openpyxl, this app): attributes r, s, t in that
# order, a value that is not empty (an empty one is _CELL's to tell apart: t="b" reads it as False).
# A row is read by them when every "<" in it is one of its cells' (so no other markup hides in it;
# what is left between the cells is text, which expat's reading ignores too): a cell's "<"s are
# 1 (<c …/>), 2 (<c …></c>), 4 (a <v>) or 6 (an <is><t>).
_SIMPLE_CELL = re.compile(
    rf'<c r="([A-Z]{{1,3}})[0-9]{{1,7}}"(?: s="([0-9]{{1,9}})")?(?: t="([a-zA-Z]{{1,9}})")?{_S}*'
    r'(?:(/)>|>(?:<v>([^<]+)</v>|<is><t(?: xml:space="preserve")?>([^<]+)</t></is>)?</c>)'
)
_ROW = re.compile(rf"(?:{_CELL.pattern})*{_S}*")
_SPACE = re.compile(rf"{_S}*")


def _opening(name: bytes) -> re.Pattern[bytes]:
    """The start tag ``<name …>`` (not ``<name/>``) whose plain text follows: the rows' ``<sheetData>``,
    the shared strings' ``<sst>``."""
    return re.compile(
        b"<" + name + rb"(?:[ \t\r\n]+[A-Za-z_][\w.:-]*[ \t\r\n]*=[ \t\r\n]*(?:\"[^\"<&]*\"|'[^'<&]*'))*[ \t\r\n]*>"
    )


_SHEET_DATA = _opening(b"sheetData")
_SST = _opening(b"sst")
# a shared string of one plain run: 4 "<"s (3 for an empty <t/>); as for the rows, a stretch of the
# table is read by it when every "<" in the stretch is one of its strings'
_SIMPLE_STRING = re.compile(r'<si>(?:<t(?: xml:space="preserve")?>([^<]*)</t>|(<t/>))</si>')
_DECLARATION = re.compile(rb"<\?xml[ \t\r\n][^>]*?\?>")
_ENCODING = re.compile(rb"""encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']*)["']""")
_REFERENCE = re.compile(r"&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));|&")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_NOT_XML_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_WAIT_AT_MOST = 8 << 20  # a row not ended within 8 MB goes to expat (the memory of one row stays bounded)


def _xml_text(data: bytes) -> bool:
    """False when ``data`` holds what expat refuses that the expressions above would let through:
    characters XML does not allow (C0 controls but tab, CR and LF; U+FFFE, U+FFFF) or "]]>" in
    text. (A chunk ends after a '>', so none of them is cut in two.)"""
    return (
        len(data.translate(None, _NOT_XML_BYTES)) == len(data)
        and b"\xef\xbf\xbe" not in data
        and b"\xef\xbf\xbf" not in data
        and b"]]>" not in data
    )


_ROOT = re.compile(
    rb"[ \t\r\n]*<[A-Za-z_][^ \t\r\n/>]*"
    rb"(?:[ \t\r\n]+[^ \t\r\n=/>]+[ \t\r\n]*=[ \t\r\n]*(?:\"[^\"]*\"|'[^']*'))*[ \t\r\n]*>"
)
# a tag's attributes one by one, each with its value (so nothing inside a value is taken for a name)
_ATTRIBUTE = re.compile(r"""[ \t\r\n]+([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*')""")
_TAG = re.compile(r"""<[A-Za-z_][^ \t\r\n/>]*((?:[ \t\r\n]+[^ \t\r\n=/>]+[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*'))*)""")
# an attribute's prefix (a false find in a value or text only sends the row to expat)
_PREFIX = re.compile(r"[ \t\r\n]([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_][A-Za-z0-9_.-]*[ \t\r\n]*=")


def _attributes_unique(tags: str) -> bool:
    """Whether no tag in ``tags`` repeats an attribute (expat refuses a file that does)."""
    for attributes in _TAG.findall(tags):
        names = _ATTRIBUTE.findall(attributes)
        if len(names) != len(set(names)):
            return False
    return True


def _prefixes_known(tags: str, declared: frozenset[str]) -> bool:
    """Whether every attribute prefix in ``tags`` is one the rows' ancestors declare (expat refuses
    an unbound one; "xmlns:" itself is left to expat)."""
    return ":" not in tags or all(prefix in declared for prefix in _PREFIX.findall(tags))


def _rows_start(data: bytes, opening: re.Pattern[bytes] | None = None) -> tuple[int, frozenset[str]] | int | None:
    """Where the rows of a worksheet part starting with ``data`` begin: after its ``<sheetData>``
    (or ``opening``'s match: the shared strings' ``<sst>``) when nothing before it could hide
    markup (a comment, CDATA, a processing instruction) and the text is UTF-8, with the prefixes
    its root and that tag declare; -1 when ``data`` does not reach it yet; None when the rows are
    expat's."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    begin = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    declared = _DECLARATION.match(data, begin)
    if declared is not None:
        encoding = _ENCODING.search(declared.group())
        if encoding is not None and encoding.group(1).lower().replace(b"-", b"") != b"utf8":
            return None
        begin = declared.end()
    found = (opening or _SHEET_DATA).search(data, begin)
    if found is None:
        return -1 if len(data) < _WAIT_AT_MOST else None
    head = data[begin : found.start()]
    if b"<!" in head or b"<?" in head:
        return None
    root = _ROOT.match(head)
    tags = ((root.group() if root is not None else b"") + found.group()).decode("utf-8", "replace")
    prefixes = [name[6:] for name in _ATTRIBUTE.findall(tags) if name.startswith("xmlns:")]
    return found.end(), frozenset(["xml", *prefixes])


def _plain_strings(stretch: str) -> list[str] | None:
    """The shared strings of ``stretch`` when all of it is plain strings (and text between them,
    which expat's reading ignores too); None when it holds any other markup."""
    values: list[str] = []
    marks = amps = 0
    for raw, empty in _SIMPLE_STRING.findall(stretch):
        if empty:
            marks += 3
            values.append("")
            continue
        marks += 4
        if "&" in raw:
            amps += raw.count("&")
            try:
                raw = _text(raw)
            except _NotPlain:
                return None
        elif "\r" in raw:
            raw = _text(raw)
        values.append(raw)
    if marks != stretch.count("<") or amps != stretch.count("&"):
        return None
    return values


_PIECE = 512 * 1024  # the text decoded at once (a chunk of the guards' is 4 MB: ~8 MB more as a str)


def _pieces(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The guards' chunks in pieces of about :data:`_PIECE` bytes, each ending after a '>' as they do
    (so no tag and no character is cut)."""
    for chunk in chunks:
        start, end = 0, len(chunk)
        while end - start > _PIECE:
            cut = chunk.find(b">", start + _PIECE) + 1
            if cut <= 0:
                break
            yield chunk[start:cut]
            start = cut
        yield chunk[start:] if start else chunk


def _put(cells: list[object], at: int, value: object) -> None:
    """``value`` as the cell of column ``at`` of a row's ``cells`` (the columns before it empty)."""
    if at >= len(cells):
        cells.extend([""] * (at - len(cells) + 1))
    cells[at] = value


class _NotPlain(Exception):
    """The row is not of the plain shape: expat reads it, and everything after it."""


def _xml_char(code: int) -> str:
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    raise _NotPlain  # (expat refuses it: the file's error, told by expat)


def _text(raw: str) -> str:
    """A value's text as expat gives it: line ends made LF, references replaced."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in raw:
        raw = _REFERENCE.sub(_reference, raw)
    return raw


def _reference(match: re.Match[str]) -> str:
    hexa, decimal, name = match.groups()
    if name:
        return _ENTITIES[name]
    if hexa:
        return _xml_char(int(hexa, 16))
    if decimal:
        return _xml_char(int(decimal))
    raise _NotPlain  # a bare "&" or another entity: expat's to refuse


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
            self._parse_strings(info, parser, strings)
        self._strings = strings
        return strings

    def _parse_strings(self, info: zipfile.ZipInfo, parser: expat.XMLParserType, strings: SharedStrings) -> None:
        """The shared-string table into ``strings``: its stretches of plain strings (what Excel and
        WPS write for text typed in a cell) by :data:`_SIMPLE_STRING`, anything else (rich text,
        phonetic runs, a prefix), and everything after it, by ``parser`` (expat), as the rows are."""

        def take(text: str, _declared: frozenset[str]) -> tuple[str, bool]:
            cut = text.rfind("</si>") + 5
            stretch, rest = (text[:cut], text[cut:]) if cut > 4 else ("", text)
            values = _plain_strings(stretch)
            if values is None or len(rest) > _WAIT_AT_MOST:
                return text, False
            for value in values:
                strings.append(value)
            return rest, True

        for _ in self._read_part(info, parser, take, _SST):
            pass

    def _read_part(
        self,
        info: zipfile.ZipInfo,
        parser: expat.XMLParserType,
        take: Callable[[str, frozenset[str]], tuple[str, bool]],
        opening: re.Pattern[bytes] | None = None,
    ) -> Iterator[None]:
        """Read part ``info``: from its ``<sheetData>`` (or ``opening``'s tag) on, its text to ``take``
        (with the prefixes declared above it), which reads what is plain at its start and answers
        (what is left, whether what follows may still be plain); everything else, and all of it from
        the first text ``take`` leaves to it, to ``parser`` (expat). Yields after each piece of text."""
        head: bytes | None = b""  # the part's start, until the opening tag (expat's)
        held = ""  # what ``take`` left: text not yet whole (a row, a string)
        declared: frozenset[str] = frozenset()
        plain = PLAIN_ROWS
        try:
            for chunk in _pieces(guards.xml_chunks(self._zip, info, self.path.name)):
                if plain and head is not None:  # before the opening tag: does the part start plainly?
                    head += chunk
                    found = _rows_start(head, opening)
                    if found == -1:
                        continue
                    if isinstance(found, tuple):
                        start, declared = found
                        parser.Parse(head[:start], False)
                        chunk = head[start:]
                    else:
                        plain, chunk = False, head
                    head = None
                if plain:
                    try:
                        text = chunk.decode("utf-8") if _xml_text(chunk) else None
                    except UnicodeDecodeError:
                        text = None
                    if text is None:
                        plain, chunk = False, held.encode("utf-8") + chunk
                    else:
                        held, plain = take(held + text, declared)
                        if not plain:
                            chunk, held = held.encode("utf-8"), ""
                if not plain:
                    parser.Parse(chunk, False)
                yield
            parser.Parse((head or b"") + held.encode("utf-8"), True)
        except expat.ExpatError as exc:
            raise ExchangeError("corrupt", name=self.path.name, reason=f"{info.filename}: {exc}") from exc

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

        def column_of(ref: str | None, row: list[object]) -> int:
            """The 0-based column of a cell of ``row`` whose reference is ``ref``."""
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
            return col

        def number_of(ref: str | None) -> int:
            """The number of a row whose reference is ``ref`` (a row without one follows the one before)."""
            nonlocal next_row
            number = int(ref) if ref and ref.isascii() and ref.isdigit() else next_row
            next_row = number + 1
            return number

        by_letters: dict[str, int] = {}  # (plain rows) a simple reference's letters → its column

        def plain_row(text: str, start: int, end: int) -> list[object]:
            """The values of a plain row's cells, ``text[start:end]`` (:class:`_NotPlain` if it is not one)."""
            cells: list[object] = []
            simple = _SIMPLE_CELL.findall(text, start, end)
            marks = 0  # the "<"s of the cells found
            amps = 0  # the "&"s of their values (each one checked by _text)
            for letters, style, kind, closed, v_text, t_text in simple:
                at = by_letters.get(letters)
                if at is None:
                    if _column(letters) >= MAX_COLUMNS:
                        raise _NotPlain  # (expat's to refuse: unless it is no cell, in a comment)
                    at = by_letters[letters] = column_of(letters, cells)
                raw = v_text or t_text
                if not raw:
                    marks += 1 if closed else 2
                    continue  # (no value: <c …/>)
                marks += 4 if v_text else 6
                if "&" in raw:
                    amps += raw.count("&")
                    raw = _text(raw)
                elif "\r" in raw:
                    raw = _text(raw)
                if kind == "inlineStr" or kind == "str":
                    cell: object = raw
                else:
                    at_style = int(style) if style else 0
                    if (not kind or kind == "n") and not (kinds[at_style] if at_style < len(kinds) else ""):
                        try:  # (a plain number: _value's own way, without the call)
                            cell = float(raw)
                        except ValueError:
                            cell = raw
                    else:
                        cell = self._value(kind or "n", raw, at_style, kinds, strings, epoch)
                        if cell is None or cell == "":
                            continue
                n = len(cells)
                if at == n:
                    cells.append(cell)
                elif at > n:
                    cells.extend([""] * (at - n))
                    cells.append(cell)
                else:
                    cells[at] = cell
            if marks == text.count("<", start, end) and amps == text.count("&", start, end):
                return cells
            cells = []
            if (
                _ROW.fullmatch(text, start, end) is None
                or not _prefixes_known(text[start:end], declared)
                or not _attributes_unique(text[start:end])
            ):
                raise _NotPlain
            for ref, style, kind, v, v_text, inline_string, t_text in _CELL.findall(text, start, end):
                at = column_of(ref or None, cells)
                if not v and not inline_string:
                    continue  # (no value: <c …/>)
                cell = self._value(
                    kind or "n", _text(v_text or t_text), int(style) if style else 0, kinds, strings, epoch
                )
                if cell is not None and cell != "":
                    _put(cells, at, cell)
            return cells

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal row, row_no, col, cell_type, cell_style, in_value, skip, inline, has_value
            nonlocal formula, in_formula
            local = names.get(name)
            if local is None:
                local = names[name] = _local(name)
            if local == "c":
                col = column_of(attrs.get("r"), row)
                cell_type = attrs.get("t", "n")
                s = attrs.get("s")
                cell_style = int(s) if s and s.isascii() and s.isdigit() else 0
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
                row_no = number_of(attrs.get("r"))
                row = []

        def end(name: str) -> None:
            nonlocal in_value, skip, in_formula
            local = names.get(name)
            if local is None:
                local = names[name] = _local(name)
            if local == "c":
                if formula is not None and not (has_value and (value or cell_type == "str")):
                    # a formula never calculated (written by a program, not Excel): no value to read
                    _put(row, col, FORMULA_WITHOUT_VALUE + "=" + "".join(formula))
                elif has_value:
                    cell = self._value(cell_type, "".join(value), cell_style, kinds, strings, epoch)
                    if cell is not None and cell != "":
                        _put(row, col, cell)
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

        declared: frozenset[str] = frozenset()  # the prefixes the rows' ancestors declare

        tag_checked: dict[str, bool] = {}

        def read_plain(text: str, ancestors: frozenset[str]) -> tuple[str, bool]:
            """The plain rows at the start of ``text`` read into ``out``: (what is left of ``text``,
            whether the rows are still plain: False when the next one is not, or is not a row)."""
            nonlocal declared
            declared = ancestors
            pos, end = 0, len(text)
            while True:
                pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
                if pos >= end:
                    return "", True
                m = _ROW_START.match(text, pos)
                if m is None:
                    return text[pos:], False
                ref, closed = m.groups()
                tag = m.group()
                # (the check of a row's tag, remembered for the tags that differ only in their number)
                shape = tag if ref is None else tag[: m.start(1) - pos] + tag[m.end(1) - pos :]
                plain_tag = tag_checked.get(shape)
                if plain_tag is None:
                    plain_tag = _prefixes_known(tag, declared) and _attributes_unique(tag)
                    if len(tag_checked) < 1024:
                        tag_checked[shape] = plain_tag
                if not plain_tag:
                    return text[pos:], False
                if closed:  # <row …/>
                    number_of(ref)
                    pos = m.end()
                    continue
                close = text.find("</row>", m.end())
                if close < 0:
                    return text[pos:], end - pos <= _WAIT_AT_MOST  # (the row ends in a later chunk)
                try:
                    cells = plain_row(text, m.end(), close)
                except _NotPlain:
                    return text[pos:], False
                number = number_of(ref)
                if cells:
                    out.append((number, cells))
                pos = close + 6

        for _ in self._read_part(info, parser, read_plain):
            if out:
                yield from out
                out.clear()
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
            try:
                return _dt.timedelta(days=number)
            except OverflowError:  # (a phone number in a [h]:mm cell: the number, as a date's)
                return number
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
