"""Files that would make python-calamine abort or take gigabytes are refused before it reads them.

Each file is built here from a few lines of XML (crafted.py). A read that gets past the guard
could abort the process (Rust's allocation failure), so those run in a child process with
its address space limited: a missing guard fails the test instead of killing pytest.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile

import pytest
from crafted import cell, customer_rows, ods, ods_cell, ods_customer_rows, ods_empty, ods_row, sheet_xml, xlsx

from sellerdesk.exchange import guards
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import import_file, read_table

_CHILD = """
import resource, sys
limit = 1536 * 1024 * 1024  # far more than any guarded read needs; far less than an unguarded one asks
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from sellerdesk.exchange import guards
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import read_table
if len(sys.argv) > 2:
    guards._CHUNK = int(sys.argv[2])  # small chunks: the file is read as a big one would be
try:
    table = read_table(sys.argv[1])
    print("read")
    print(len(table.rows))
except ExchangeError as exc:
    print(exc.code)
    print(exc)
"""


def read_in_child(path, chunk=None):
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), *([str(chunk)] if chunk else [])],
        capture_output=True,
        text=True,
        env=dict(os.environ, RUST_BACKTRACE="0"),
        timeout=300,
    )
    assert proc.returncode == 0, f"the reader died (exit {proc.returncode}): {proc.stderr[-400:]}"
    return proc.stdout.splitlines()


def far_row(ref, row):
    return f'<row r="{row}">{cell(ref, "x")}</row>'


def test_a_5kb_xlsx_claiming_the_whole_grid_is_refused_in_one_line(tmp_path):
    # cells at A1 and XFD1048576: calamine would ask for 512 GiB and abort the process
    path = xlsx(tmp_path / "far.xlsx", sheet_xml(customer_rows() + far_row("XFD1048576", 1048576)))
    assert path.stat().st_size < 5000
    code, message = read_in_child(path)
    assert code == "sheet_too_big"
    assert "1048576 rows × 16384 columns" in message and "far.xlsx" in message


def test_one_far_cell_that_would_take_750_mb_is_refused(tmp_path):
    path = xlsx(tmp_path / "az.xlsx", sheet_xml(customer_rows() + far_row("AZ400000", 400000)))
    code, message = read_in_child(path)
    assert code == "sheet_too_big" and "400000 rows × 52 columns" in message


def test_a_far_cell_hidden_in_an_early_row_is_found(tmp_path):
    # refs out of order (a cell of row 900000 inside row 2) in a sheet of 30 columns
    letters = [chr(65 + i) for i in range(26)] + ["A" + chr(65 + i) for i in range(4)]  # A … AD
    header = [cell("A1", "姓名"), cell("B1", "手机")] + [cell(f"{c}1", f"列{c}") for c in letters[2:]]
    rows = f'<row r="1">{"".join(header)}</row>'
    rows += f'<row r="2">{cell("A2", "张三")}{cell("B900000", "13800000000")}</row>'
    path = xlsx(tmp_path / "hidden.xlsx", sheet_xml(rows))
    code, message = read_in_child(path)
    assert code == "sheet_too_big" and "900000 rows × 30 columns" in message


def test_a_wider_row_in_a_later_chunk_is_seen(tmp_path):
    # read in chunks of 512 bytes: the first holds two columns, a later one a cell at AZ400000
    path = xlsx(tmp_path / "later.xlsx", sheet_xml(customer_rows(60) + far_row("AZ400000", 400000)))
    code, message = read_in_child(path, chunk=512)
    assert code == "sheet_too_big" and "400000 rows × 52 columns" in message
    assert read_in_child(xlsx(tmp_path / "fine.xlsx", sheet_xml(customer_rows(60))), chunk=512) == ["read", "60"]


def test_cells_without_references_are_placed_as_calamine_places_them(tmp_path):
    # no r="…": each cell is the one after the cell before it; 20,000 of them reach past XFD
    implicit = '<row r="5">' + "<c/>" * 20_000 + "<c><v>1</v></c></row>"
    path = xlsx(tmp_path / "implicit.xlsx", sheet_xml(customer_rows() + implicit))
    code, _ = read_in_child(path)
    assert code == "sheet_too_big"
    no_refs = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    small = xlsx(tmp_path / "small.xlsx", sheet_xml(customer_rows() + no_refs))
    assert read_in_child(small) == ["read", "3"]


def test_far_cells_without_a_value_do_not_count(tmp_path):
    # formatting far away (a styled empty cell) is what Excel writes; calamine skips it
    styled = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    path = xlsx(tmp_path / "styled.xlsx", sheet_xml(customer_rows() + styled, dimension="A1:XFD1048576"))
    assert read_in_child(path) == ["read", "2"]


def test_an_ordinary_sheet_passes_on_the_fast_path(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "ok.xlsx", sheet_xml(customer_rows(500)))
    monkeypatch.setattr(guards, "xlsx_extent_exact", lambda *a: pytest.fail("the exact pass ran"))
    assert len(read_table(path).rows) == 500


def test_repeated_ods_cells_are_counted_with_their_repeats(tmp_path):
    # 1,000 rows of 16,000 repeated cells holding a value: calamine expands them (~2 GB)
    path = ods(tmp_path / "repeat.ods", ods_customer_rows() + ods_row(ods_cell("x", 16_000), 1_000))
    assert path.stat().st_size < 5000
    code, message = read_in_child(path)
    assert code == "sheet_too_big" and "1003 rows × 16000 columns" in message


def test_repeated_empty_ods_rows_and_cells_cost_nothing(tmp_path):
    # LibreOffice ends a sheet with empty rows and columns repeated to the edge
    rows = ods_customer_rows(3) + ods_row(ods_empty(16_384), 200_000) + ods_row(ods_empty(1024))
    path = ods(tmp_path / "tail.ods", rows)
    assert read_in_child(path) == ["read", "3"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    # a part that unpacks at 1000:1 (the limits made small so the test file stays small)
    monkeypatch.setattr(guards, "RATIO_FROM", 1024)
    bomb = {"xl/sharedStrings.xml": "<sst>" + " " * 3_000_000 + "</sst>"}
    path = xlsx(tmp_path / "bomb.xlsx", sheet_xml(customer_rows()), extra=bomb, level=9)
    with pytest.raises(ExchangeError) as info:
        read_table(path)
    assert info.value.code == "unpacks_too_big" and "bomb.xlsx" in str(info.value)
    monkeypatch.setattr(guards, "RATIO_FROM", 1 << 40)
    monkeypatch.setattr(guards, "MAX_PART_BYTES", 1_000_000)
    with pytest.raises(ExchangeError) as info:
        read_table(path)
    assert info.value.code == "unpacks_too_big"


def test_a_part_that_lies_about_its_size_is_refused(tmp_path):
    path = xlsx(tmp_path / "liar.xlsx", sheet_xml(customer_rows()), extra={"xl/styles.xml": "<styleSheet/>" * 5000})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/styles.xml")
    # claim 100 bytes unpacked, in the local header and in the central directory
    struct.pack_into("<I", data, info.header_offset + 22, 100)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(b"xl/styles.xml")] != b"xl/styles.xml":
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 100)
    path.write_bytes(bytes(data))
    with pytest.raises(ExchangeError) as info:
        read_table(path)
    assert info.value.code == "corrupt"


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/sharedStrings.xml"])
def test_a_dtd_with_entities_is_refused(tmp_path, part):
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    sheet = sheet_xml(customer_rows(), prolog=laughs if part.endswith("sheet1.xml") else "")
    extra = {}
    if part.endswith("sharedStrings.xml"):
        extra[part] = f'<?xml version="1.0"?>\n{laughs}<sst><si><t>&lol2;</t></si></sst>'
    path = xlsx(tmp_path / "dtd.xlsx", sheet, extra=extra)
    if part.endswith("workbook.xml"):
        with zipfile.ZipFile(path) as zf:
            items = {i.filename: zf.read(i) for i in zf.infolist()}
        items[part] = items[part].replace(b"\n", b"\n" + laughs.encode(), 1)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in items.items():
                zf.writestr(name, data)
    with pytest.raises(ExchangeError) as info:
        read_table(path)
    assert info.value.code == "corrupt" and "DTD" in str(info.value)


def test_a_refused_file_changes_nothing_and_leaves_no_report(store, tmp_path, monkeypatch):
    from sellerdesk.store.models import Customer

    monkeypatch.setattr(guards, "MAX_PART_BYTES", 100_000)  # (in this process: nothing here may abort it)
    path = xlsx(tmp_path / "big.xlsx", sheet_xml(customer_rows(3000)))
    with pytest.raises(ExchangeError) as info:
        import_file(path)
    assert info.value.code == "unpacks_too_big"
    assert Customer.select().count() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.xlsx"]


def test_binary_sheets_are_refused(tmp_path):
    # an .xlsb keeps its cells in binary parts the guard cannot read
    path = xlsx(tmp_path / "book.xlsb", sheet_xml(customer_rows()), extra={"xl/worksheets/sheet2.bin": b"\x00" * 64})
    with pytest.raises(ExchangeError) as info:
        read_table(path)
    assert info.value.code == "not_spreadsheet"


def test_greater_than_pattern():
    import re

    for n in [0, 1, 9, 10, 99, 100, 100003, 999999, 1048576]:
        pattern = re.compile(guards._greater_than(n))
        for m in range(max(0, n - 200), n + 200):
            assert (pattern.fullmatch(str(m)) is not None) == (m > n), (n, m)
        assert pattern.fullmatch(str(n * 10 + 7))
