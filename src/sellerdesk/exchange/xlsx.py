"""Writing one big sheet of text cells into an .xlsx, fast.

openpyxl (write-only) lays out the package — workbook, styles, relationships, content
types and the sheet with its header row — and this module streams the data rows into
that sheet's ``<sheetData>`` as the same inline-string cells openpyxl writes
(``<c r="B7" t="inlineStr"><is><t>…</t></is></c>``), skipping openpyxl's per-cell
objects and XML serialiser: ~30 µs a cell there, ~1 µs here, which is most of an
export's time at 100k customers (bench_exchange.py).

Cells hold text only (the exporter's values are all text). The checks are openpyxl's:
text is cut at 32,767 characters, control characters Excel refuses raise
:class:`openpyxl.utils.exceptions.IllegalCharacterError`, and leading or trailing spaces
are kept with ``xml:space="preserve"``. Unlike openpyxl, text that looks like an error
code (``#N/A``) stays text rather than becoming an error cell, so it round-trips.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

from sellerdesk import private_files

MAX_TEXT = 32767
_FLUSH_ROWS = 1000


def _text(value: str) -> str:
    """The escaped ``<t>`` element of one cell (openpyxl's checks, ElementTree's escaping)."""
    value = value[:MAX_TEXT]
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    stripped = value.strip()
    if stripped and stripped != value:
        return f'<t xml:space="preserve">{value}</t>'
    return f"<t>{value}</t>"


class SheetWriter:
    """One sheet named ``title`` with ``header`` as row 1, then :meth:`append` rows, then
    :meth:`save`. Memory stays flat: rows go straight into the compressed zip member."""

    def __init__(self, path: str | Path, title: str, header: Sequence[object]) -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        base = io.BytesIO()
        book.save(base)
        self._base = zipfile.ZipFile(base)
        names = self._base.namelist()
        sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if len(sheets) != 1:
            raise RuntimeError(f"expected one worksheet in openpyxl's package, found {sheets}")
        self._sheet_name = sheets[0]
        xml = self._base.read(self._sheet_name).decode("utf-8")
        end = xml.rindex("</sheetData>")
        self._prefix, self._suffix = xml[:end], xml[end:]
        self._after = names[names.index(self._sheet_name) + 1 :]
        private_files.touch(path)  # personal data: readable by its user only (0600)
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self._out: IO[bytes] | None = None
        try:
            for name in names[: names.index(self._sheet_name)]:
                self._copy(name)
            info = zipfile.ZipInfo(self._sheet_name, date_time=self._base.getinfo(self._sheet_name).date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            self._out = self._zip.open(info, "w")
            self._out.write(self._prefix.encode("utf-8"))
        except BaseException:
            self.close()
            raise
        self._letters: list[str] = []
        self._row = 1  # the header
        self._pending: list[str] = []

    def _copy(self, name: str) -> None:
        self._zip.writestr(self._base.getinfo(name), self._base.read(name))

    def _refs(self, width: int) -> list[str]:
        while len(self._letters) < width:
            self._letters.append(get_column_letter(len(self._letters) + 1))
        return self._letters

    def append(self, values: Sequence[str | None]) -> None:
        """One row of text cells; None (or empty text) leaves a cell out."""
        self._row += 1
        row = self._row
        letters = self._refs(len(values))
        cells = [f'<c r="{letters[i]}{row}" t="inlineStr"><is>{_text(v)}</is></c>' for i, v in enumerate(values) if v]
        self._pending.append(f'<row r="{row}">{"".join(cells)}</row>')
        if len(self._pending) >= _FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._pending and self._out is not None:
            self._out.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    def save(self) -> None:
        """Finish the sheet and the package (the file is complete after this returns)."""
        assert self._out is not None
        self._flush()
        self._out.write(self._suffix.encode("utf-8"))
        self._out.close()
        self._out = None
        for name in self._after:
            self._copy(name)
        self._zip.close()
        self._base.close()

    def close(self) -> None:
        """Release the file without finishing it (after an error or a cancel)."""
        try:
            if self._out is not None:
                self._out.close()
                self._out = None
        finally:
            self._zip.close()
            self._base.close()
