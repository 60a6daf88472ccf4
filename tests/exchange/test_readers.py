import pytest
from messy_sheets import HEADER, add_cached_values

from sellerdesk.exchange import headers
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import read_table
from sellerdesk.exchange.readers import CalamineBook, cell_text, decode_text, open_workbook


@pytest.fixture(autouse=True, params=["calamine", "streamed"])
def xlsx_reader(request, monkeypatch):
    """Every test twice: .xlsx sheets read by python-calamine, and streamed (exchange/xlsx_rows.py),
    as sheets past CalamineBook.STREAM_FROM are."""
    if request.param == "streamed":
        monkeypatch.setattr(CalamineBook, "STREAM_FROM", -1)
    return request.param


def test_header_found_under_title_rows_and_merged_cells(sheets):
    path = sheets.xlsx(
        "客户.xlsx",
        {"客户": [HEADER, ["张三", 13812345678, "zs", "广东", "深圳", "南山", "科技园1号", ""]]},
        title="2024年 客户名单（内部）",
    )
    table = read_table(path)
    assert table.header_row == 3
    assert table.headers[:3] == ["姓名", "手机号", "微信号"]
    assert [n for n, _ in table.rows] == [4]
    assert headers.guess_mapping(table.headers) == [
        "name",
        "phone",
        "wechat",
        "province",
        "city",
        "district",
        "detail",
        "notes",
    ]


def test_numeric_phones_become_text(sheets):
    rows = [
        ["姓名", "电话"],
        ["a", 13812345678],
        ["b", 13812345678.0],
        ["c", 1.38e10],
        ["d", "1.3812345678E10"],
        ["e", "+86 138-1234-5678"],
    ]
    table = read_table(sheets.xlsx("p.xlsx", {"S": rows}))
    assert [c[1] for _, c in table.rows] == [
        "13812345678",
        "13812345678",
        "13800000000",
        "1.3812345678E10",
        "+86 138-1234-5678",
    ]
    assert cell_text(2.5) == "2.5" and cell_text(None) == "" and cell_text(True) == "TRUE"


def test_hidden_sheets_are_skipped_and_the_customer_sheet_is_chosen(sheets):
    path = sheets.xlsx(
        "h.xlsx",
        {
            "旧数据": [HEADER, ["隐藏人", "13900000000", "", "", "", "", "", ""]],
            "说明": [["这个表格是客户名单"], ["请勿修改"]],
            "客户": [HEADER, ["张三", "13812345678", "", "", "", "", "", ""]],
        },
        hidden=("旧数据",),
    )
    table = read_table(path)
    assert table.sheet == "客户"
    assert [s.name for s in table.sheets if s.hidden] == ["旧数据"]
    assert table.rows[0][1][0] == "张三"
    # an explicit choice may still read the hidden sheet
    assert read_table(path, sheet="旧数据").rows[0][1][0] == "隐藏人"
    with pytest.raises(ExchangeError) as info:
        read_table(path, sheet="没有这个")
    assert info.value.code == "no_sheet"


def test_ten_thousand_trailing_formatted_rows_are_ignored(sheets):
    rows = [HEADER] + [[f"客户{i}", f"138000000{i:02d}", "", "", "", "", "", ""] for i in range(5)]
    path = sheets.xlsx("t.xlsx", {"S": rows}, trailing_formatted=10_000)
    table = read_table(path)
    assert len(table.rows) == 5


def test_formulas_are_read_as_their_values(sheets):
    path = sheets.xlsx("f.xlsx", {"S": [["姓名", "手机"], ["张三", '="138"&"12345678"']]})
    add_cached_values(path, {"B2": "13812345678"})
    table = read_table(path)
    assert table.rows[0][1] == ["张三", "13812345678"]


@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("utf-8", True), ("gbk", False), ("gb18030", False)])
def test_csv_encodings_are_detected(sheets, encoding, bom):
    path = sheets.csv(
        "c.csv",
        [
            ["姓名", "手机", "地址"],
            ["张三", "13812345678", "广东省深圳市南山区科技园1号"],
            ["李㛃", "13900000000", "北京市朝阳区"],
        ]
        if encoding == "gb18030"
        else [["姓名", "手机", "地址"], ["张三", "13812345678", "广东省深圳市南山区科技园1号"]],
        encoding=encoding,
        bom=bom,
    )
    table = read_table(path)
    assert table.headers == ["姓名", "手机", "地址"]
    assert table.rows[0][1][0] == "张三"
    assert table.rows[0][1][2] == "广东省深圳市南山区科技园1号"
    if encoding == "gb18030":
        assert table.rows[1][1][0] == "李㛃"


def test_tab_separated_and_semicolon_csv(sheets, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("姓名;手机\n张三;13812345678\n", encoding="utf-8")
    assert read_table(path).rows[0][1] == ["张三", "13812345678"]


def test_decode_text_refuses_binary():
    with pytest.raises(ExchangeError):
        decode_text(b"\xff\x00\x81\x00" * 10, "x.csv")


@pytest.mark.parametrize(
    "maker,code",
    [
        (lambda p: p.write_bytes(b""), "empty_file"),
        (lambda p: p.write_text("这不是表格，只是文字", encoding="utf-8"), "not_spreadsheet"),
        (lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "not_spreadsheet"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 200), "corrupt"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "corrupt"),
    ],
)
def test_bad_files_are_refused_with_a_code(tmp_path, maker, code):
    path = tmp_path / "bad.xlsx"
    maker(path)
    with pytest.raises(ExchangeError) as info:
        read_table(path)
    assert info.value.code == code
    assert "bad.xlsx" in str(info.value)


def test_truncated_xlsx_is_refused(sheets):
    rows = [HEADER] + [[f"客户{i}", f"1380000{i:04d}", "", "广东", "深圳", "南山", f"路{i}号", ""] for i in range(2000)]
    path = sheets.xlsx("full.xlsx", {"S": rows})
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 100):
        broken = sheets.folder / f"cut{cut}.xlsx"
        broken.write_bytes(data[:cut])
        with pytest.raises(ExchangeError) as info:
            read_table(broken)
        assert info.value.code == "corrupt"


def test_empty_sheet_and_headerless_sheet_and_missing_file(sheets, tmp_path):
    with pytest.raises(ExchangeError) as info:
        read_table(sheets.xlsx("e.xlsx", {"S": [[None]]}))
    assert info.value.code == "no_data"
    with pytest.raises(ExchangeError) as info:
        read_table(sheets.xlsx("hdr.xlsx", {"S": [HEADER]}))
    assert info.value.code == "no_data"
    with pytest.raises(ExchangeError) as info:
        read_table(sheets.xlsx("n.xlsx", {"S": [["a", "b"], ["c", "d"]]}))
    assert info.value.code == "no_header"
    with pytest.raises(ExchangeError) as info:
        read_table(tmp_path / "missing.xlsx")
    assert info.value.code == "not_found"


def test_explicit_header_row(sheets):
    path = sheets.xlsx("x.xlsx", {"S": [["甲", "乙"], ["张三", "13812345678"]]})
    table = read_table(path, header_row=1)
    assert table.headers == ["甲", "乙"] and table.rows[0][1] == ["张三", "13812345678"]
    with pytest.raises(ExchangeError) as info:
        read_table(path, header_row=9)
    assert info.value.code == "bad_header_row"


def test_repeated_header_rows_are_dropped(sheets):
    rows = [["姓名", "手机"], ["张三", "13812345678"], ["姓名", "手机"], ["李四", "13900000000"]]
    table = read_table(sheets.xlsx("r.xlsx", {"S": rows}))
    assert [c[0] for _, c in table.rows] == ["张三", "李四"]


def test_open_workbook_lists_sheets(sheets):
    path = sheets.xlsx("s.xlsx", {"A": [["x"]], "B": [["y"]]}, hidden=("B",))
    with open_workbook(path) as book:
        assert book.kind == "xlsx"
        assert [(s.name, s.hidden) for s in book.sheets] == [("A", False), ("B", True)]


@pytest.mark.parametrize(
    "header,field",
    [
        ("收货人", "name"),
        ("客户姓名", "name"),
        ("联系人", "name"),
        ("Name", "name"),
        ("手机号码", "phone"),
        ("联系电话", "phone"),
        ("Mobile", "phone"),
        ("微信", "wechat"),
        ("微信号", "wechat"),
        ("收货地址", "address"),
        ("省", "province"),
        ("省份", "province"),
        ("市", "city"),
        ("城市", "city"),
        ("区", "district"),
        ("区县", "district"),
        ("备注", "notes"),
        ("生日", "birthday"),
        ("标签", "tags"),
        ("等级", "tier"),
        ("收件人手机", "phone"),
        ("收件详细地址", "detail"),
        ("收件人姓名", "name"),
        ("客户编号", "ref"),
        ("手机号（必填）", "phone"),
        (" 姓 名 *", "name"),
        ("小区", None),
        ("2024年客户名单（内部资料请勿外传）", None),
    ],
)
def test_header_synonyms(header, field):
    assert headers.match_header(header)[0] == field


def test_detail_alone_is_a_whole_address_and_two_phone_columns():
    assert headers.guess_mapping(["姓名", "详细地址"]) == ["name", "address"]
    assert headers.guess_mapping(["姓名", "省", "详细地址"]) == ["name", "province", "detail"]
    assert headers.guess_mapping(["姓名", "手机", "电话"]) == ["name", "phone", "phone2"]
    # every export header maps back to its own field
    for field in headers.FIELDS:
        assert headers.match_header(headers.export_header(field)) == (field, True)


def test_the_address_type_header_and_its_old_name():
    """The address label is 地址类型 (not a second 标签): the export writes that, and a sheet
    with the old 地址标签 header still maps to it; 标签 stays the customer's tags."""
    assert headers.export_header("label") == "地址类型"
    assert headers.match_header("地址类型") == ("label", True)
    assert headers.match_header("地址标签") == ("label", True)
    assert headers.match_header("标签") == ("tags", True)
    assert headers.guess_mapping(["姓名", "标签", "地址标签"]) == ["name", "tags", "label"]


def test_a_header_in_two_languages_is_recognised_by_its_parts():
    assert headers.match_header("Phone/收件电话") == ("phone", False)
    assert headers.match_header("收件人 Name")[0] == "name"
    assert headers.match_header("Address（详细地址）")[0] in ("detail", "address")
    assert headers.match_header("Province-省") == ("province", False)
    assert headers.match_header("Name/Phone") == (None, False)  # parts naming two fields: not guessed
    assert headers.match_header("2024年 客户名单") == (None, False)  # a title row stays a title
    mapping = headers.guess_mapping(["Name(收件人)", "Phone/收件电话", "Address/收件地址"])
    assert mapping == ["name", "phone", "address"]


def test_a_header_cell_over_255_characters_is_refused_in_one_line(sheets):
    long = "姓" * 40_000  # (cells are cut at 32,767 characters on reading)
    path = sheets.xlsx("long.xlsx", {"S": [["手机", long, "地址"], ["13812345678", "张三", "北京市朝阳区建国路1号"]]})
    for header_row in (None, 1):
        with pytest.raises(ExchangeError) as info:
            read_table(path, header_row=header_row)
        assert info.value.code == "header_too_long"
        message = str(info.value)
        assert "\n" not in message and "Column 2" in message and "32767" in message and "long.xlsx" in message
    ok = sheets.xlsx("ok.xlsx", {"S": [["手机", "姓" * 255], ["13812345678", "张三"]]})
    assert read_table(ok).headers[1] == "姓" * 255
