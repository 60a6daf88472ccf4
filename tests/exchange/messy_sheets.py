"""Messy spreadsheets, generated: title rows, merged cells, numbers for phones, hidden
sheets, thousands of formatted-but-empty rows, formulas, GBK CSV, broken files."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font, PatternFill


def write_xlsx(
    path: Path,
    sheets: dict[str, list[list]],
    *,
    hidden: tuple[str, ...] = (),
    title: str | None = None,
    trailing_formatted: int = 0,
    merge_title: bool = True,
) -> Path:
    """Sheets of rows; ``title`` puts a merged title row and a blank row above the first sheet's data."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for index, (name, rows) in enumerate(sheets.items()):
        sheet = book.create_sheet(name)
        start = 1
        if title and index == 0:
            sheet.cell(row=1, column=1, value=title)
            if merge_title:
                sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(rows[0]), 2))
            start = 3
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.cell(row=start + r, column=c + 1, value=value)
        if trailing_formatted and index == 0:
            fill = PatternFill("solid", fgColor="FFFF00")
            for r in range(start + len(rows), start + len(rows) + trailing_formatted):
                cell = sheet.cell(row=r, column=1)
                cell.font = Font(bold=True)
                cell.fill = fill
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def add_cached_values(path: Path, values: dict[str, str]) -> None:
    """openpyxl writes formulas without results; Excel stores the last result — add it."""
    with zipfile.ZipFile(path) as zin:
        items = {n: zin.read(n) for n in zin.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = items[name].decode()
    for ref, value in values.items():
        xml, count = re.subn(
            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>', rf'<c r="{ref}" t="str"><f>\2</f><v>{value}</v>', xml
        )
        assert count == 1, ref
    items[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for n, data in items.items():
            zout.writestr(n, data)


HEADER = ["姓名", "手机号", "微信号", "省份", "城市", "区县", "详细地址", "备注"]
