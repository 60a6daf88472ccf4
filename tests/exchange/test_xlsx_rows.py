"""The streaming .xlsx reader gives the rows python-calamine gives (exchange/xlsx_rows.py)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from crafted import customer_rows, sheet_xml, xlsx
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.readers import CalamineBook, open_workbook
from sellerdesk.exchange.xlsx_rows import SharedStrings, XlsxRows


def _rows(path, sheet, streamed, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(CalamineBook, "STREAM_FROM", -1 if streamed else 1 << 40)
        with open_workbook(path) as book:
            rows = list(book.rows(sheet))
            return rows, book.row_count_hint(sheet), book.width_hint(sheet)


def _trimmed(rows):
    out = []
    for number, cells in rows:
        while cells and cells[-1] == "":
            cells = cells[:-1]
        out.append((number, cells))
    return out


def test_the_same_rows_as_calamine_for_every_kind_of_cell(tmp_path, monkeypatch):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet["C3"] = "姓名"  # data that starts in column C, under blank rows
    sheet["D3"] = "手机"
    sheet["E3"] = "生日"
    sheet["F3"] = "金额"
    sheet["G3"] = "时间"
    sheet["H3"] = "是否"
    sheet["I3"] = "公式"
    sheet["J3"] = "时长"
    for r in range(4, 40):
        sheet.cell(r, 3, f"张三{r} & <李四> “引号”")
        sheet.cell(r, 4, 13800000000 + r)
        sheet.cell(r, 5, dt.date(2024, 1, r % 28 + 1))
        sheet.cell(r, 6, r * 1.25)
        sheet.cell(r, 7, dt.datetime(2024, 2, 3, r % 24, 5, 6))
        sheet.cell(r, 8, r % 2 == 0)
        sheet.cell(r, 9, f"=D{r}*2")
        sheet.cell(r, 10, dt.time(r % 24, 30))
    sheet["C41"] = CellRichText([TextBlock(InlineFont(b=True), "王"), "五"])
    sheet["K41"] = "  留白  "
    sheet["E42"] = dt.datetime(2024, 5, 6, 0, 0)
    sheet["E43"] = 45000
    sheet["E43"].number_format = "yyyy/mm/dd"
    sheet["E44"] = 1.5
    sheet["E44"].number_format = "[h]:mm"
    sheet["E45"] = 0.1
    sheet["E45"].number_format = '0.0"天"'
    hidden = book.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "x"
    path = tmp_path / "cells.xlsx"
    book.save(path)
    calamine, c_height, _ = _rows(path, "客户", False, monkeypatch)
    streamed, s_height, _ = _rows(path, "客户", True, monkeypatch)
    assert _trimmed(streamed) == _trimmed(calamine)
    assert streamed[0] == (3, ["", "", "姓名", "手机", "生日", "金额", "时间", "是否", "公式", "时长"])
    first = ["张三4 & <李四> “引号”", "13800000004", "2024-01-05", "5", "2024-02-03 04:05:06", "TRUE"]
    assert streamed[1][1][2:8] == first
    assert s_height >= 45 and c_height >= 43
    with open_workbook(path) as book:
        assert [(s.name, s.hidden) for s in book.sheets] == [("客户", False), ("隐藏", True)]


def test_shared_strings_with_phonetic_runs_and_a_prefixed_namespace(tmp_path, monkeypatch):
    # as Excel in Japanese or Chinese locales writes them: <rPh> runs are not the cell's text
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<x:si><x:t>姓名</x:t></x:si>"
        "<x:si><x:r><x:t>张</x:t></x:r><x:r><x:t>三</x:t></x:r><x:rPh sb='0' eb='1'><x:t>チョウ</x:t></x:rPh></x:si>"
        "<x:si><x:t>a&amp;b</x:t></x:si></x:sst>"
    )
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>'
    )
    path = xlsx(tmp_path / "shared.xlsx", sheet_xml(rows), extra={"xl/sharedStrings.xml": strings})
    calamine, _, _ = _rows(path, "客户", False, monkeypatch)
    streamed, _, _ = _rows(path, "客户", True, monkeypatch)
    assert _trimmed(streamed) == _trimmed(calamine) == [(1, ["姓名"]), (2, ["张三", "a&b"])]


def test_a_damaged_sheet_is_refused_in_one_line(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "ok.xlsx", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'))
    with XlsxRows(path) as rows:
        assert list(rows.rows("客户")) == [(1, ["x"])]
        assert rows.dimension("客户") == (0, 0)  # (no <dimension>)
    monkeypatch.setattr(CalamineBook, "STREAM_FROM", -1)
    bad = xlsx(tmp_path / "bad.xlsx", sheet_xml('<row r="1"><c r="A1"><v>1</v></row>'))  # </c> missing
    far = xlsx(tmp_path / "far.xlsx", sheet_xml('<row r="1"><c r="ZZZZ1"><v>1</v></c></row>'))
    for path in (bad, far):
        with pytest.raises(ExchangeError) as info, open_workbook(path) as book:
            list(book.rows("客户"))
        assert info.value.code == "corrupt"


def test_the_dimension_gives_the_hints(tmp_path):
    path = xlsx(tmp_path / "dim.xlsx", sheet_xml(customer_rows(3), dimension="A1:I300003"))
    with XlsxRows(path) as rows:
        assert rows.dimension("客户") == (300003, 9)


def test_shared_strings_are_kept_compact():
    strings = SharedStrings()
    for text in ["", "张三", "a", "深圳市南山区科技园"]:
        strings.append(text)
    assert [strings[i] for i in range(len(strings))] == ["", "张三", "a", "深圳市南山区科技园"]
    with pytest.raises(IndexError):
        strings[4]


def _is(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


FORMULA_ROWS = (
    f'<row r="1">{_is("A1", "姓名")}{_is("B1", "地址")}{_is("C1", "备注")}</row>'
    # never calculated (openpyxl writes <v/>, other programs no <v>): no value to read
    f'<row r="2">{_is("A2", "张三")}<c r="B2"><f>CONCAT("浙江省","杭州市")</f><v/></c><c r="C2"><f>1+1</f></c></row>'
    # calculated: the cached value is read, an empty text result included
    f'<row r="3">{_is("A3", "李四")}<c r="B3" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>'
    '<c r="C3" t="str"><f>""</f><v></v></c></row>'
    f'<row r="4">{_is("A4", "王五")}<c r="C4"><f>1+1</f><v>2</v></c></row>'
)


@pytest.mark.parametrize("streamed", [False, True], ids=["calamine", "streamed"])
def test_a_formula_without_a_calculated_value_is_marked_not_read_as_empty(tmp_path, monkeypatch, streamed):
    from sellerdesk.exchange.cells import FORMULA_WITHOUT_VALUE as NO_VALUE

    path = xlsx(tmp_path / "f.xlsx", sheet_xml(FORMULA_ROWS))
    rows, _, _ = _rows(path, "客户", streamed, monkeypatch)
    assert _trimmed(rows) == [
        (1, ["姓名", "地址", "备注"]),
        (2, ["张三", NO_VALUE + '=CONCAT("浙江省","杭州市")', NO_VALUE + "=1+1"]),
        (3, ["李四", "ab"]),
        (4, ["王五", "", "2"]),
    ]
    with XlsxRows(path) as book:
        assert set(book.formulas_without_value("客户")) == {(2, 1), (2, 2)}


def test_a_sheet_without_formulas_is_not_parsed_for_them(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "plain.xlsx", sheet_xml(customer_rows(3)))
    with XlsxRows(path) as book:
        monkeypatch.setattr(XlsxRows, "rows", lambda *a: pytest.fail("parsed a sheet without formulas"))
        assert book.formulas_without_value("客户") == {}


def test_a_formula_without_a_value_is_shown_and_reported_as_its_formula():
    from sellerdesk.exchange.cells import FORMULA_WITHOUT_VALUE, escape_cell, shown_text

    cell = FORMULA_WITHOUT_VALUE + "=1+1"
    assert shown_text(cell) == "=1+1" and shown_text("张三") == "张三"
    assert escape_cell(cell) == "'=1+1"  # the problem report: the formula as text, not run


def test_a_number_too_big_for_a_duration_or_date_format_reads_as_the_number(tmp_path, monkeypatch):
    """A phone typed in a [h]:mm column: calamine raised OverflowError out of the reader (the import
    stopped with no line of its own), the streaming reader too; both give the number now."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["姓名", "手机", "时长"])
    sheet.append(["张三", 13800000000, 1.5])
    sheet.append(["李四", 13900000000, 13900000000])
    for row in (2, 3):
        sheet.cell(row, 2).number_format = "[h]:mm"
        sheet.cell(row, 3).number_format = "[h]:mm"
    path = tmp_path / "d.xlsx"
    book.save(path)
    with open_workbook(path) as opened:
        plain = list(opened.rows("客户"))
    monkeypatch.setattr(CalamineBook, "STREAM_FROM", -1)
    with open_workbook(path) as opened:
        streamed = list(opened.rows("客户"))
    assert plain == streamed
    assert plain[1][1][:2] == ["张三", "13800000000"] and plain[2][1] == ["李四", "13900000000", "13900000000"]
