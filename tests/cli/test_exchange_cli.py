import json
import os
import signal
import subprocess
import sys

import openpyxl
import pytest

HEADER = ["姓名", "手机", "微信", "省", "市", "区", "详细地址"]


def xlsx(path, rows, title=None):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    if title:
        sheet.append([title])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_with_rejected_rows_exits_0_and_reports(initialized_cli, tmp_path):
    cli = initialized_cli
    path = xlsx(
        tmp_path / "客户.xlsx",
        [
            HEADER,
            ["张三", 13812345678, "zs", "广东", "深圳", "南山", "科技园1号"],
            [None, None, None, "上海", None, None, "某路"],
            ["李四", "1.3987654321E10", "", "北京", "", "朝阳区", "建国路1号"],
        ],
        title="客户名单",
    )
    dry = json.loads(cli("import", str(path), "--dry-run", "--json").stdout)
    assert dry["dry_run"] and dry["counts"]["new"] == 2 and dry["counts"]["rejected"] == 1
    assert cli.json_lines("list", "--json") == []
    report = tmp_path / "客户-导入问题.xlsx"
    assert not report.exists() and dry["report"] is None  # QA (L2): a dry run writes nothing
    out = cli("--lang", "zh_CN", "import", str(path), "--dry-run").stdout
    assert "没有写入任何内容" in out and str(report) in out and not report.exists()
    out = cli("import", str(path))
    assert "2 new" in out.stdout and "1 rejected" in out.stdout and "Problem report" in out.stdout
    rows = cli.json_lines("list", "--json")
    assert sorted(r["phone"] for r in rows) == ["13812345678", "13987654321"]
    report = tmp_path / "客户-导入问题.xlsx"
    assert report.exists()
    again = json.loads(cli("import", str(path), "--json", "--on-duplicate", "skip").stdout)
    assert again["counts"]["skipped"] == 2 and again["counts"]["new"] == 0


@pytest.mark.parametrize(
    "content,expect",
    [
        (b"", "empty"),
        (b"hello, I am not a spreadsheet", "not a spreadsheet"),
        (b"PK\x03\x04broken", "damaged"),
    ],
)
def test_refused_files_are_one_line_without_traceback(initialized_cli, tmp_path, content, expect):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    proc = initialized_cli("import", str(path), check=False)
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and expect in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_file_and_bad_sheet(initialized_cli, tmp_path):
    proc = initialized_cli("import", str(tmp_path / "nope.xlsx"), check=False)
    assert proc.returncode == 1 and "not found" in proc.stderr
    path = xlsx(tmp_path / "a.xlsx", [HEADER, ["张三", "13812345678", "", "", "", "", ""]])
    proc = initialized_cli("import", str(path), "--sheet", "Sheet9", check=False)
    assert proc.returncode == 1 and "Sheet9" in proc.stderr and "Traceback" not in proc.stderr


def test_export_with_filters_and_template(initialized_cli, tmp_path):
    cli = initialized_cli
    path = xlsx(
        tmp_path / "in.xlsx",
        [
            HEADER,
            ["张三", "13812345678", "", "广东", "深圳", "南山", "科技园1号"],
            ["李四", "13987654321", "", "浙江", "杭州", "西湖", "文三路1号"],
        ],
    )
    cli("import", str(path))
    out = json.loads(cli("export", str(tmp_path / "hd.xlsx"), "--region", "华东", "--json").stdout)
    assert out["customers"] == 1
    rows = list(openpyxl.load_workbook(tmp_path / "hd.xlsx").active.iter_rows(values_only=True))
    assert rows[1][1] == "李四"
    cli("export", str(tmp_path / "kd.xlsx"), "--province", "广东省", "--template", "generic")
    rows = list(openpyxl.load_workbook(tmp_path / "kd.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "收件人姓名" and rows[1][:2] == ("张三", "13812345678")
    assert "generic" in cli("export", "--list-templates", "x").stdout
    proc = cli("export", str(tmp_path / "x.xlsx"), "--template", "nope", check=False)
    assert proc.returncode == 1 and "nope" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("export", str(tmp_path / "x.xlsx"), "--search", "无此人", check=False)
    assert proc.returncode == 1 and "Nothing to export" in proc.stderr


def test_kill_during_import_leaves_the_database_unchanged(initialized_cli, tmp_path):
    cli = initialized_cli
    cli("add", "--name", "老客户", "--phone", "13700000001", "--address", "广东省深圳市南山区科技园1号")
    before = cli("list", "--json").stdout
    rows = [HEADER] + [
        [f"客户{i}", f"1390000{i:04d}", f"wx{i}", "广东", "深圳", "南山", f"科技园{i}号"] for i in range(8000)
    ]
    path = xlsx(tmp_path / "big.xlsx", rows)
    killed_at = None
    with subprocess.Popen(
        [sys.executable, "-m", "sellerdesk.cli", "import", str(path), "--progress"],
        env=cli.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        for line in proc.stderr:
            if line.startswith("Writing:"):
                done, total = (int(x) for x in line.split()[1].split("/"))
                if total // 2 < done < total:
                    proc.send_signal(signal.SIGKILL)
                    killed_at = line.strip()
                    break
        proc.wait(timeout=120)
    assert killed_at, "the import finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    assert cli("list", "--json").stdout == before
    # and the store still works afterwards
    assert (
        "new"
        in cli("import", str(xlsx(tmp_path / "s.xlsx", [HEADER, ["王五", "13500000000", "", "", "", "", ""]]))).stdout
    )


def test_ctrl_c_while_closing_the_store_is_held_until_it_is_closed():
    """After a committed import the close checkpoints the WAL; Ctrl-C there must not turn a
    finished import into 'interrupted' (a re-run could add it twice)."""
    import signal

    from sellerdesk.cli.context import _ctrl_c_held

    before = signal.getsignal(signal.SIGINT)
    with _ctrl_c_held():
        os.kill(os.getpid(), signal.SIGINT)  # would raise KeyboardInterrupt here
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is before


def _family_sheet(tmp_path):
    return xlsx(
        tmp_path / "家人.xlsx",
        [
            HEADER,
            ["张三", "13812345678", "", "广东", "深圳", "南山", "科技园1号"],
            ["李四", "13812345678", "", "广东", "深圳", "南山", "科技园1号"],  # same phone, another person
            ["张先生", "138 1234 5678", "", "", "", "", ""],  # same phone, 张三 with a title
        ],
    )


def test_same_phone_different_name_is_kept_apart_and_counted(initialized_cli, tmp_path):
    cli = initialized_cli
    path = _family_sheet(tmp_path)
    out = cli("import", str(path))
    assert "2 new, 1 merged" in out.stdout
    assert "Same phone, different name: kept as separate customers; possible duplicates to check: 1." in out.stdout
    assert sorted(r["name"] for r in cli.json_lines("list", "--json")) == ["张三", "李四"]
    report = list(openpyxl.load_workbook(tmp_path / "家人-导入问题.xlsx").active.iter_rows(values_only=True))
    assert [row[:2] for row in report[1:]] == [(3, "可能重复：与「张三」电话相同、姓名不同，已另建客户，请核对")]


def test_same_phone_different_name_merge_as_chosen(initialized_cli, tmp_path):
    cli = initialized_cli
    path = _family_sheet(tmp_path)
    result = json.loads(cli("import", str(path), "--same-phone-different-name", "merge", "--json").stdout)
    assert (result["counts"]["new"], result["counts"]["merged"], result["counts"]["possible_duplicates"]) == (1, 2, 1)
    assert result["same_phone_different_name"] == "merge"
    assert [r["name"] for r in cli.json_lines("list", "--json")] == ["张三"]


def test_same_phone_different_name_summary_in_chinese(initialized_cli, tmp_path):
    out = initialized_cli("--lang", "zh_CN", "import", str(_family_sheet(tmp_path)), "--dry-run")
    assert "电话相同、姓名不同：已分开保存；可能重复、待核对：1 行。" in out.stdout


def test_same_phone_different_name_refuses_another_choice(initialized_cli, tmp_path):
    out = initialized_cli("import", str(_family_sheet(tmp_path)), "--same-phone-different-name", "ask", check=False)
    assert out.returncode != 0 and "invalid choice" in out.stderr
    assert initialized_cli.json_lines("list", "--json") == []


def test_export_keeps_every_address_by_default(initialized_cli, tmp_path):
    """A plain `export` re-imports as the same data (issue 15): one row per address; `--per-customer`
    gives the list to read, a courier template one waybill per customer."""
    cli = initialized_cli
    path = xlsx(
        tmp_path / "in.xlsx",
        [
            HEADER,
            ["张三", "13812345678", "", "广东", "深圳", "南山", "科技园1号"],
            ["张三", "13812345678", "", "浙江", "杭州", "西湖", "文三路1号"],
        ],
    )
    cli("import", str(path))

    def rows(name, *args):
        cli("export", str(tmp_path / name), *args)
        return list(openpyxl.load_workbook(tmp_path / name).active.iter_rows(values_only=True))[1:]

    assert len(rows("all.xlsx")) == 2
    assert len(rows("all2.xlsx", "--per-address")) == 2
    assert len(rows("list.xlsx", "--per-customer")) == 1
    assert len(rows("kd.xlsx", "--template", "generic")) == 1
    assert len(rows("kd2.xlsx", "--template", "generic", "--per-address")) == 2


def test_an_order_file_that_changes_while_imported_is_one_chinese_line(initialized_cli, tmp_path, monkeypatch):
    """An import with orders reads its file more than once (issue 21: flat memory); a file
    saved again between the reads is refused in one line, nothing imported."""
    from sellerdesk.exchange.importer import run

    header = ["订单号", "下单时间", "实付金额", "姓名", "手机"]
    path = xlsx(tmp_path / "订单.xlsx", [header, ["N1", "2024-03-05", "10", "张三", "13812345678"]])
    original = run._OrderPasses.plan

    def plan_then_save_again(self, planner_of):
        first = self.ledger is None
        ledger = original(self, planner_of)
        if first:
            xlsx(path, [header, ["N1", "2024-03-05", "99", "张三", "13812345678"]])
        return ledger

    monkeypatch.setattr(run._OrderPasses, "plan", plan_then_save_again)
    zh = {"LANG": "zh_CN.UTF-8", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "SELLERDESK_LANG": None}
    proc = initialized_cli("import", str(path), env=zh, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "sellerdesk-cli：错误：导入过程中 订单.xlsx 被改动了（导入时会读它不止一遍）：没有导入任何内容。"
        "请关掉正在写这个文件的程序，再导入一次。"
    )
    assert initialized_cli("orders", "--json").stdout.strip() == ""  # (JSON Lines: no order)


def test_formulas_never_calculated_are_a_reported_problem_not_lost(initialized_cli, tmp_path):
    """openpyxl writes formulas without a cached value: the row was imported without its address
    and notes, and the report listed nothing. Now the row is refused, naming the columns."""

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机", "地址", "备注"])
    sheet.append(["张三", "13812345678", '=CONCAT("浙江省杭州市","西湖区1号")', "=1+1"])
    sheet.append(["李四", "13912345678", "浙江省杭州市西湖区2号", "ok"])
    path = tmp_path / "formula.xlsx"
    book.save(path)
    cli = initialized_cli
    proc = cli("import", str(path), "--json")
    result = json.loads(proc.stdout)
    assert result["counts"]["new"] == 1 and result["counts"]["rejected"] == 1
    assert [r["name"] for r in cli.json_lines("list", "--json")] == ["李四"]
    report = openpyxl.load_workbook(result["report"]).active
    assert list(report.iter_rows(values_only=True))[1] == (
        2,
        "地址, 备注：是公式，但文件里没有它的计算结果（请在 Excel 或 WPS 里打开并保存后再导入），这一行未导入",
        "张三",
        "13812345678",
        '\'=CONCAT("浙江省杭州市","西湖区1号")',
        "'=1+1",
    )


def test_each_courier_warning_is_one_line_under_its_count(capsys):
    """A courier's header cell of two lines (收件人手机 / （必填）) made one warning two lines:
    '2 fields…' then 4 lines."""
    from sellerdesk.cli.exchange_cmds import _print_warnings
    from sellerdesk.exchange.export import ExportWarning

    warnings = [ExportWarning(3, "收件人手机\n（必填）", "missing"), ExportWarning(4, "收件地址\r\n详细", "missing")]
    _print_warnings(warnings)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(warnings)
    assert lines[0].startswith("  row 3, 收件人手机 （必填）: ")
    _print_warnings(warnings * 30, shown=50)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 51 and lines[-1] == "  … and 10 more"


def test_traditional_headers_are_mapped_and_ignored_columns_named(initialized_cli, tmp_path):
    """QA (M1): a Big5 CSV with 姓名,電話,地址 lost its phones without a word. Traditional header words
    map as the simplified ones do, and a column no field takes is named in the summary."""
    cli = initialized_cli
    path = tmp_path / "客戶.csv"
    path.write_bytes(
        "姓名,電話,地址,備註,心情\n陳大文,13812345678,廣東省深圳市南山區科技園1号,老客,好\n".encode("big5", "replace")
    )
    out = cli("--lang", "zh_CN", "import", str(path)).stdout
    assert "未导入的列" in out and "心情" in out and "電話" not in out.split("未导入的列")[1], out
    (row,) = cli.json_lines("list", "--json")
    assert row["phone"] == "13812345678"
    doc = json.loads(cli("import", str(path), "--dry-run", "--json").stdout)
    assert doc["ignored_columns"] == ["心情"] and doc["mapping"]["電話"] == "phone"


def _full_disk(*_args, **_kwargs):
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


def test_export_on_a_full_disk_names_the_file_and_leaves_nothing(initialized_cli, tmp_path, monkeypatch):
    """Stranger QA: an export to a full USB stick said the DATA FOLDER's disk was full, and left
    an empty out.xlsx.part there."""
    from sellerdesk import paths
    from sellerdesk.exchange import export

    cli = initialized_cli
    cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号")
    folder = tmp_path / "stick"
    folder.mkdir()
    out = folder / "out.xlsx"

    class FullDisk:
        def __init__(self, path, *_args):
            open(path, "wb").close()  # the .part is made, then the disk is full
            _full_disk()

    monkeypatch.setattr(export, "SheetWriter", FullDisk)
    proc = cli("--lang", "zh_CN", "export", str(out), check=False)
    assert proc.returncode == 1
    assert f"{out} 所在的磁盘已满" in proc.stderr and str(paths.data_dir()) not in proc.stderr
    assert list(folder.iterdir()) == []


def test_waybills_on_a_full_disk_name_the_file(initialized_cli, tmp_path, monkeypatch):
    from sellerdesk.exchange import waybills

    cli = initialized_cli
    added = cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号", "--json")
    cid = json.loads(added.stdout)["id"]
    cli("order", "add", str(cid), "--amount", "10", "--items", "面膜 x2")
    monkeypatch.setattr(waybills, "_write_new_xlsx", _full_disk)
    out = tmp_path / "waybills.xlsx"
    proc = cli("--lang", "zh_CN", "export", str(out), "--orders", "pending", "--template", "generic", check=False)
    assert proc.returncode == 1 and f"{out} 所在的磁盘已满" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_zip_that_is_no_workbook_is_refused_in_chinese_only(initialized_cli, tmp_path):
    """Stranger QA: a .xlsx that is some other zip was refused with calamine's English words in
    the Chinese line (…无法读取（File not found '_rels/.rels'）)."""
    import zipfile

    path = tmp_path / "notxlsx.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    proc = initialized_cli("--lang", "zh_CN", "import", str(path), check=False)
    assert proc.returncode == 1 and "notxlsx.xlsx 已损坏或不完整" in proc.stderr
    assert "File not found" not in proc.stderr and "rels" not in proc.stderr
