"""Legacy .xls (BIFF8, Excel 97-2003) read through python-calamine, from a committed fixture.

No maintained library writes .xls, so fixtures/legacy_customers.xls was made once with
xlwt by fixtures/make_xls.py (see there; xlwt is not a SellerDesk dependency).
"""

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from sellerdesk.exchange import headers, importer
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.readers import OLE_MAGIC, open_workbook
from sellerdesk.store import customers, queries
from sellerdesk.store.models import Address, AddressChange, AuditEntry, Customer

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "legacy_customers.xls"


@pytest.fixture
def xls(tmp_path):
    """A copy in tmp_path: an import writes its problem report beside the file."""
    path = tmp_path / "老客户名单.xls"
    shutil.copyfile(FIXTURE, path)
    return path


def by_phone(phone):
    (customer,) = queries.find_by_phone(phone)
    return queries.customer_to_dict(customer, queries.addresses_of([customer.id])[customer.id])


def state():
    return (
        Customer.select().count(),
        Address.select().count(),
        AddressChange.select().count(),
        AuditEntry.select().count(),
    )


def test_fixture_is_a_legacy_ole_workbook_with_a_hidden_sheet():
    assert FIXTURE.read_bytes()[:8] == OLE_MAGIC  # a compound document, not a renamed .xlsx
    with open_workbook(FIXTURE) as book:
        assert book.kind == "xls"
        assert [(s.name, s.hidden) for s in book.sheets] == [("客户", False), ("旧表", True)]


def test_xls_is_read_under_its_title_row_with_numbers_and_dates_as_text():
    table = importer.read_table(FIXTURE)
    assert table.kind == "xls" and table.sheet == "客户"  # the hidden sheet is skipped
    assert table.header_row == 3  # under the merged title row and an empty row
    assert table.headers == ["姓名", "手机", "微信号", "省份", "城市", "区县", "详细地址", "生日", "备注"]
    assert headers.guess_mapping(table.headers) == [
        "name",
        "phone",
        "wechat",
        "province",
        "city",
        "district",
        "detail",
        "birthday",
        "notes",
    ]
    assert [n for n, _ in table.rows] == [4, 5, 6]
    zs, ls, ww = (cells for _, cells in table.rows)
    assert zs == [
        "张三",
        "13812345678",
        "zhangsan_wx",
        "广东",
        "深圳",
        "南山",
        "科技园科苑路1号",
        "1990-05-17",
        "老客户",
    ]
    assert ls[1] == "13912345678" and ls[7] == ""  # a number cell, not "13912345678.0"
    assert ww[1] == "+86 137-0000-1234"
    hidden = importer.read_table(FIXTURE, sheet="旧表")  # chosen by hand it is read
    assert hidden.rows[0][1][:2] == ["不该导入", "13100000000"]


def test_xls_import_lands_right(store, xls):
    result = importer.import_file(xls)
    c = result.counts
    assert (c["new"], c["merged"], c["rejected"], c["flagged"]) == (3, 0, 0, 0)
    assert result.sheet == "客户" and result.header_row == 3 and result.report_path is None
    zs = by_phone("13812345678")
    assert (zs["name"], zs["wechat"], zs["birthday"], zs["notes"]) == ("张三", "zhangsan_wx", "1990-05-17", "老客户")
    (a,) = zs["addresses"]
    assert (a["province"], a["city"], a["district"], a["detail"]) == ("广东省", "深圳市", "南山区", "科技园科苑路1号")
    ls = by_phone("13912345678")
    assert ls["name"] == "李四" and not ls["birthday"] and ls["flags"] == []
    ww = by_phone("13700001234")  # +86 and dashes normalised
    assert ww["name"] == "王五" and ww["notes"] == "要发票"
    assert [ww["addresses"][0][k] for k in ("province", "city", "district")] == ["北京市", "北京市", "朝阳区"]
    assert queries.find_by_phone("13100000000") == []  # the hidden sheet's row is not imported
    assert Customer.select().count() == 3
    # the same file again merges instead of duplicating
    again = importer.import_file(xls)
    assert again.counts["new"] == 0 and again.counts["merged"] == 3 and Customer.select().count() == 3


def test_truncated_xls_is_refused_cleanly_and_changes_nothing(store, tmp_path):
    customers.create_customer(
        {"name": "老王", "phone": "13900000001"},
        [{"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "建国路1号"}],
    )
    before = state()
    data = FIXTURE.read_bytes()
    # every cut from inside the header to the last sector: some make calamine fail, some make
    # it panic (a BaseException from Rust); both must be the same clean "corrupt" error
    cuts = list(range(8, len(data) - 512, 96)) + [len(data) - 512]
    for cut in cuts:
        path = tmp_path / f"客户-{cut}.xls"
        path.write_bytes(data[:cut])
        with pytest.raises(ExchangeError) as info:
            importer.import_file(path)
        assert info.value.code == "corrupt", cut
        message = str(info.value)
        assert path.name in message and "\n" not in message
        assert state() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"客户-{cut}.xls" for cut in cuts)  # no report


def test_xls_with_impossible_dimensions_is_refused_not_fatal(tmp_path):
    data = bytearray(FIXTURE.read_bytes())
    record = data.index(b"\x00\x02\x0e\x00")  # the first sheet's DIMENSIONS record (type 0x0200, 14 bytes)
    struct.pack_into("<IIHH", data, record + 4, 0, 0x7FFFFFFF, 0, 0xFF)
    path = tmp_path / "坏尺寸.xls"
    path.write_bytes(bytes(data))
    code = (
        "import sys\nfrom sellerdesk.exchange import importer\nfrom sellerdesk.exchange.errors import ExchangeError\n"
        "try:\n    importer.read_table(sys.argv[1])\nexcept ExchangeError as exc:\n    print(exc.code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, RUST_BACKTRACE="0"),
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "corrupt", proc.stderr[-300:]


def test_a_panic_inside_the_xls_reader_leaves_one_line_on_stderr(tmp_path):
    """One byte of this fixture changed makes calamine panic (a Rust slice out of range) while
    it loads the sheet; Rust prints the panic on stderr before Python sees it. The CLI must
    still say one line, and text written to stderr around a call that does not panic stays."""
    data = bytearray(FIXTURE.read_bytes())
    data[1512] = 243
    path = tmp_path / "坏表.xls"
    path.write_bytes(bytes(data))
    code = (
        "import os, sys\nfrom sellerdesk.exchange import importer, readers\n"
        "from sellerdesk.exchange.errors import ExchangeError\n"
        "with readers._panic_text_dropped():\n    os.write(2, b'kept\\n')\n"
        "try:\n    importer.read_table(sys.argv[1])\nexcept ExchangeError as exc:\n    print(exc.code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, RUST_BACKTRACE="1"),
        timeout=120,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "corrupt", proc.stderr[-300:]
    assert proc.stderr == "kept\n"
