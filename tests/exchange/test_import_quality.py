"""Imports that went silently wrong or never ended: a huge cell, an unclosed CSV quote, Big5 or
Shift-JIS text read as GBK, invisible characters kept in names."""

from __future__ import annotations

import json

import openpyxl
import pytest
from crafted import cell, sheet_xml, xlsx
from messy_sheets import HEADER

from sellerdesk.cli import main
from sellerdesk.core.fields import MAX_LENGTH
from sellerdesk.exchange import importer
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.store import queries
from sellerdesk.store.models import Customer


def report_rows(path):
    return list(openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True))


@pytest.fixture
def cli_home(monkeypatch, fast_kdf, capsys):
    """An initialised data folder for sellerdesk.cli.main, in this process."""
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", "test passphrase 123")
    assert main(["init", "--json"]) == 0
    capsys.readouterr()


def listed(capsys):
    assert main(["list", "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_a_cell_of_3_5_million_characters_is_cut_and_the_import_completes(cli_home, tmp_path, capsys):
    # the name was segmented for pinyin, which grows faster than linearly: minutes for this cell
    huge = "张" * 3_500_000
    rows = f'<row r="1">{cell("A1", "姓名")}{cell("B1", "手机")}{cell("C1", "地址")}</row>'
    rows += f'<row r="2">{cell("A2", huge)}{cell("B2", "13812345678")}{cell("C2", "广东省深圳市南山区科技园1号")}</row>'
    rows += f'<row r="3">{cell("A3", "李四")}{cell("B3", "13912345678")}{cell("C3", huge)}</row>'
    path = xlsx(tmp_path / "巨大.xlsx", sheet_xml(rows))
    report = tmp_path / "report.xlsx"
    assert main(["import", str(path), "--report", str(report), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["counts"]["new"] == 2 and result["counts"]["flagged"] == 2
    lines = report_rows(report)
    assert [line[0] for line in lines] == [2, 3]  # the report names the rows
    assert all("内容过长" in line[1] for line in lines)
    assert all(len(v) <= 32_767 for line in lines for v in line[2:] if isinstance(v, str))  # Excel's cell limit
    people = {p["phone"]: p for p in listed(capsys)}
    assert people["13812345678"]["name"] == "张" * MAX_LENGTH["name"]
    assert "needs_check" in people["13812345678"]["flags"]
    (address,) = people["13912345678"]["addresses"]
    assert 0 < len(address["detail"]) <= MAX_LENGTH["detail"]


def test_a_huge_csv_field_is_cut_too(backend_store, sheets):
    path = sheets.csv("huge.csv", [["姓名", "手机", "备注"], ["张三", "13812345678", "备" * 3_500_000]])
    result = importer.import_file(path)
    assert result.counts["new"] == 1 and result.counts["flagged"] == 1
    (customer,) = Customer.select()
    assert len(customer.notes) == MAX_LENGTH["notes"]


def test_a_phone_or_wechat_too_long_to_be_one_rejects_its_row(backend_store, sheets):
    rows = [
        ["姓名", "手机", "微信"],
        ["张三", "138" * 20, ""],
        ["李四", "13912345678", "w" * 101],
        ["王五", "13712345678", "ww"],
    ]
    result = importer.import_file(sheets.xlsx("ids.xlsx", {"S": rows}))
    assert (result.counts["new"], result.counts["rejected"]) == (1, 2)
    reasons = {line[0]: line[1] for line in report_rows(result.report_path)}
    assert set(reasons) == {2, 3} and all("过长" in r and "未导入" in r for r in reasons.values())
    assert [c.name for c in Customer.select()] == ["王五"]


def test_over_long_values_are_flagged_in_the_preview(backend_store, sheets):
    rows = [HEADER, ["张" * 150, "13812345678", "", "广东", "深圳", "南山", "路" * 600, ""]]
    table = importer.read_table(sheets.xlsx("p.xlsx", {"S": rows}))
    (rec,) = importer.make_plan(importer.prepare(table)).records
    assert rec.flagged and "too_long" in rec.issues and "内容过长" in rec.reason()
    assert len(rec.customer["name"]) == 100 and len(rec.address["detail"]) == 500


def test_invisible_characters_are_stripped_from_imported_fields(backend_store, sheets):
    rows = [
        ["姓名", "手机", "微信", "省", "市", "区", "详细地址", "标签", "备注"],
        ["张三\u202e", "\u200b13812345678", "\ufeffzs_wx", "广东\u200b", "深圳", "南山", "科技园\u20661号\u2069"]
        + ["VIP\u200d", "备\u202e注"],
    ]
    importer.import_file(sheets.xlsx("rlo.xlsx", {"S": rows}))
    (customer,) = Customer.select()
    assert (customer.name, customer.phone, customer.wechat, customer.tags, customer.notes) == (
        "张三",
        "13812345678",
        "zs_wx",
        "VIP",
        "备注",
    )
    (address,) = queries.addresses_of([customer.id])[customer.id]
    assert (address.province, address.detail, address.recipient) == ("广东省", "科技园1号", "张三")


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ('姓名,手机\n"张三,13912345678\n李四,13800000000\n', 2),  # a quote open to the end of the file
        ('姓名,手机,备注\n"张三,13912345678,x\n李四,13800000000",y\n王五,13700000000,z\n', 2),  # closed later
        ('姓名,手机,备注\n"张三",13912345678,"x\n李四",13800000000,y\n', 2),  # more cells than the header
        ('姓名,手机\n张三,13912345678\n王五,"13700000000', 3),  # open at the very end
        ('姓名,手机\n张三,"139"12345678\n王五,13700000000\n', 2),  # text after a closing quote
    ],
)
def test_an_unclosed_csv_quote_is_refused_naming_its_row(backend_store, tmp_path, text, row):
    path = tmp_path / "quote.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExchangeError) as info:
        importer.import_file(path)
    assert info.value.code == "csv_quote" and info.value.params["row"] == row
    assert f"Row {row} of quote.csv" in str(info.value) and "\n" not in str(info.value)
    assert Customer.select().count() == 0


def test_a_cell_with_line_breaks_is_still_read(backend_store, tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text('姓名,手机,备注\n张三,13912345678,"第一行\n第二行, 有逗号"\n王五,13700000000,z\n', encoding="utf-8")
    assert importer.import_file(path).counts["new"] == 2
    assert Customer.get(Customer.name == "张三").notes == "第一行\n第二行, 有逗号"


def test_big5_text_is_read_as_big5(backend_store, tmp_path):
    path = tmp_path / "big5.csv"
    path.write_bytes("name,phone,address\n陳大文,13812345678,廣東省深圳市南山區科技園1號\n".encode("big5"))
    table = importer.read_table(path)
    assert table.encoding == "big5hkscs"
    importer.import_file(path)
    (customer,) = Customer.select()
    assert customer.name == "陳大文"
    (address,) = queries.addresses_of([customer.id])[customer.id]
    assert address.province == "广东省" and "科技園" in address.detail


@pytest.mark.parametrize(("codec", "named"), [("shift_jis", "Shift_JIS"), ("euc_kr", "EUC-KR")])
def test_other_legacy_encodings_are_refused_naming_them(backend_store, tmp_path, codec, named):
    text = "name,phone\n山田太郎,090-1234-5678\n" if codec == "shift_jis" else "name,phone\n김민수,010-1234-5678\n"
    path = tmp_path / "x.csv"
    path.write_bytes(text.encode(codec))
    with pytest.raises(ExchangeError) as info:
        importer.import_file(path)
    assert info.value.code == "foreign_encoding" and named in str(info.value)
    assert Customer.select().count() == 0


def test_gbk_is_still_gbk(backend_store, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("姓名,电话\n王五,13700001111\n".encode("gbk"))  # short: a detector's hardest case
    assert importer.read_table(path).encoding == "gb18030"


def test_a_sheet_of_brackets_does_not_hang_the_header_search(backend_store, tmp_path):
    # a bracketed hint was matched with an unbounded pattern: quadratic, 20 s for one cell of 30,000 "("
    path = tmp_path / "brackets.csv"
    rows = ["姓名,手机,备注"] + [f"张{i},1380000{i:04d},{'(' * 10_000}" for i in range(35)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert importer.import_file(path).counts["new"] == 35
