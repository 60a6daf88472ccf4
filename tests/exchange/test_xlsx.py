"""The streamed sheet writer: what openpyxl and python-calamine read back."""

import openpyxl
import pytest
from openpyxl.utils.exceptions import IllegalCharacterError
from python_calamine import CalamineWorkbook

from sellerdesk.exchange.xlsx import MAX_TEXT, SheetWriter

ROWS = [
    ["张三", "a & b <c> \"d\" 'e'", None, " 前后空格 ", "#N/A"],
    [None, None, None, None, None],
    ["'=SUM(A1)", "   ", "多行\n文本", "x" * (MAX_TEXT + 10), "😀 emoji"],
] + [[f"客户{i}", str(i), None, "广东省", "深圳市"] for i in range(3000)]


def written(tmp_path):
    path = tmp_path / "s.xlsx"
    sheet = SheetWriter(path, "客户", ["姓名", "备注", "空", "地址", "代码"])
    for row in ROWS:
        sheet.append(row)
    sheet.save()
    return path


def test_openpyxl_reads_back_the_text(tmp_path):
    path = written(tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["客户"]
    rows = list(book["客户"].iter_rows(values_only=True))
    assert rows[0] == ("姓名", "备注", "空", "地址", "代码")
    assert list(rows[1]) == ["张三", "a & b <c> \"d\" 'e'", None, " 前后空格 ", "#N/A"]  # #N/A stays text
    assert list(rows[2]) == [None] * 5
    assert list(rows[3]) == ["'=SUM(A1)", "   ", "多行\n文本", "x" * MAX_TEXT, "😀 emoji"]
    assert len(rows) == 1 + len(ROWS) and list(rows[-1]) == ["客户2999", "2999", None, "广东省", "深圳市"]
    assert all(c.data_type == "s" for row in book["客户"].iter_rows(min_row=2) for c in row if c.value is not None)


def test_calamine_reads_the_same(tmp_path):
    path = written(tmp_path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("客户").to_python()
    assert rows[1] == ["张三", "a & b <c> \"d\" 'e'", "", " 前后空格 ", "#N/A"]
    assert rows[3][0] == "'=SUM(A1)" and rows[-1] == ["客户2999", "2999", "", "广东省", "深圳市"]


def test_control_characters_are_refused_like_openpyxl(tmp_path):
    sheet = SheetWriter(tmp_path / "bad.xlsx", "S", ["a"])
    with pytest.raises(IllegalCharacterError):
        sheet.append(["bell\x07"])
    sheet.close()
