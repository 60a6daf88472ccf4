"""Refusals that used to end as an internal error (exit 70, a Python exception's English) or name
the wrong cause: each is one line naming the real one, exit 1, nothing written."""

import sys
from pathlib import Path

import pytest

ZH = {"SELLERDESK_LANG": "zh_CN"}
LINUX_PROC = sys.platform.startswith("linux") and Path("/proc/self").is_dir()


def one_line(proc, code=1):
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "internal error" not in lines[0] and "内部错误" not in lines[0] and "Error:" not in lines[0]
    return lines[0]


def test_a_team_url_with_a_broken_ipv6_host_is_refused_without_its_password(initialized_cli):
    proc = initialized_cli("list", check=False, env={"SELLERDESK_DATABASE_URL": "postgresql://bob:secret@[::1/db"})
    line = one_line(proc)
    assert line == (
        "sellerdesk-cli: error: 'postgresql://bob:***@[::1/db' is not a PostgreSQL address; "
        "it looks like postgresql://user@host:5432/database."
    )


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage\x80\x81\n", "姓名,手机\n张\x00三,13812345678\n".encode()],
    ids=["broken-utf16", "nul-in-utf8"],
)
def test_a_csv_of_binary_data_says_so(initialized_cli, tmp_path, content):
    path = tmp_path / "binary.csv"
    path.write_bytes(content)
    line = one_line(initialized_cli("import", str(path), check=False))
    assert line == (
        "sellerdesk-cli: error: binary.csv holds binary data (NUL bytes or broken UTF-16), not text: "
        "it is not a CSV file, or it is damaged."
    )
    assert initialized_cli.json_lines("list", "--json") == []
    zh = one_line(initialized_cli("import", str(path), check=False, env=ZH))
    assert zh.endswith(
        "binary.csv 含有二进制数据（NUL 字节或损坏的 UTF-16），不是文本：它不是 CSV 文件，或者已经损坏。"
    )  # noqa: E501


def test_a_utf8_mark_before_gbk_text_is_an_encoding_refusal(initialized_cli, tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "姓名\n张三\n".encode("gbk"))
    line = one_line(initialized_cli("import", str(path), check=False))
    assert line == "sellerdesk-cli: error: bom.csv is not UTF-8, GBK/GB18030 or Big5 text."


def test_export_person_into_a_missing_folder_is_one_translated_line(initialized_cli, tmp_path):
    initialized_cli("add", "--name", "张三")
    target = tmp_path / "nodir" / "p.json"
    line = one_line(initialized_cli("export-person", "1", str(target), check=False, env=ZH))
    assert line == f"sellerdesk-cli：错误：无法写入 {target}：文件夹 {target.parent} 不存在。"
    assert not target.parent.exists()


@pytest.mark.skipif(not LINUX_PROC, reason="/proc: a folder that exists and makes no new file")
@pytest.mark.parametrize("args", [["export-person", "1", "/proc/p.json"], ["export", "/proc/x.xlsx"]])
def test_a_folder_that_exists_but_takes_no_file_is_not_called_missing(initialized_cli, args):
    initialized_cli("add", "--name", "张三")
    line = one_line(initialized_cli(*args, check=False))
    assert line == f"sellerdesk-cli: error: Cannot write {args[-1]}: the folder exists but no file can be made in it."


@pytest.mark.skipif(not LINUX_PROC, reason="/proc: a folder that exists and makes no new file")
def test_a_backup_into_an_unwritable_folder_says_it_cannot_be_written(initialized_cli):
    line = one_line(initialized_cli("backup", "--to", "/proc", check=False))
    assert "the folder cannot be written (read-only or no permission)" in line
    assert "does not exist" not in line


def test_importing_a_device_or_a_folder_says_it_is_not_a_file(initialized_cli, tmp_path):
    for path in (tmp_path, Path("/dev/null")):
        if not path.exists():
            continue
        line = one_line(initialized_cli("tracking", "import", str(path), check=False))
        assert line == (
            f"sellerdesk-cli: error: {path} is not a file (it is a folder or a device): choose a spreadsheet file."
        )
    line = one_line(initialized_cli("import", str(tmp_path), check=False, env=ZH))
    assert line == f"sellerdesk-cli：错误：{tmp_path} 不是文件（它是文件夹或设备）：请选择一个表格文件。"


def _damaged(tmp_path, how):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机"])
    book.active.append(["张三", "13812345678"])
    good = tmp_path / "good.xlsx"
    book.save(good)
    data = bytearray(good.read_bytes())
    if how == "cut":
        data = data[: len(data) // 2]
    else:  # a flipped byte in the sheet's compressed data
        import zipfile

        with zipfile.ZipFile(good) as z:
            info = z.getinfo("xl/worksheets/sheet1.xml")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        data[start + 20] ^= 0xFF
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("how", "english", "chinese"),
    [
        (
            "cut",
            "it is not a whole .xlsx (zip) file: it was cut short, or it is another kind of file",
            "它不是完整的 .xlsx（zip）文件：可能只下载或复制了一部分，或者根本是别的文件",
        ),
        ("flipped", "its compressed data is damaged", "其中压缩的数据已损坏"),  # (was an internal zlib.error)
    ],
)
def test_a_damaged_xlsx_says_why_in_words(initialized_cli, tmp_path, how, english, chinese):
    path = _damaged(tmp_path, how)
    line = one_line(initialized_cli("import", str(path), check=False))
    assert line == f"sellerdesk-cli: error: damaged.xlsx is damaged or truncated and cannot be read ({english})."
    zh = one_line(initialized_cli("import", str(path), check=False, env=ZH))
    assert zh == f"sellerdesk-cli：错误：damaged.xlsx 已损坏或不完整，无法读取（{chinese}）。"
    assert "zip file" not in zh and "decompress" not in zh


@pytest.mark.parametrize("ids", ["99999999999999999999", "1,x", "0"])
def test_waybill_order_ids_out_of_range_are_a_usage_error(initialized_cli, tmp_path, ids):
    proc = initialized_cli("export", str(tmp_path / "w.xlsx"), "--orders", ids, check=False)
    assert one_line(proc, code=2) == (
        f"sellerdesk-cli: error: --orders takes pending or order ids like 12,15,20, not {ids!r}"
    )
    assert not list(tmp_path.iterdir())
