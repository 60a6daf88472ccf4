"""Shipping day from the CLI, end to end in-process: templates, waybill export, tracking import."""

from __future__ import annotations

import json

import openpyxl

from shipping_data import blank_template


def exported(cli, *args):
    """A waybill export without a sender: written, exit 3 (its required 寄件人 cells are empty)."""
    proc = cli(*args, check=False)
    assert proc.returncode == 3, proc
    return proc


def _setup(cli):
    cli("init")
    cid = json.loads(
        cli(
            "add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号", "--json"
        ).stdout
    )["id"]
    bj = json.loads(
        cli("add", "--name", "李四", "--phone", "13912345678", "--address", "北京市朝阳区建国路88号", "--json").stdout
    )["id"]
    a = cli(
        "order", "add", str(cid), "--amount", "99", "--items", "面膜 x2, 护手霜", "--order-no", "A001"
    ).stdout.strip()
    b = cli("order", "add", str(bj), "--amount", "50", "--items", "茶叶 x3").stdout.strip()
    return int(a), int(b)


def test_list_templates_works_without_file_and_before_init(cli):
    out = cli("export", "--list-templates").stdout
    assert "sf\t" in out and "split_region\t" in out and "full_address\t" in out


def test_template_add_list_show_remove(cli, tmp_path):
    cli("init")
    blank = blank_template(tmp_path / "zto.xlsx")
    out = cli(
        "template", "add", blank, "--name", "中通", "--courier", "中通", "--map", "付款方式=,备注=order_notes"
    ).stdout
    assert "中通" in out and "header row 2" in out
    shown = json.loads(cli("template", "show", "中通", "--json").stdout)
    values = {c["header"]: c["value"] for c in shown["columns"]}
    assert values["收件人姓名(必填)"] == "recipient" and values["备注"] == "order_notes" and values["付款方式"] == ""
    listed = [json.loads(line) for line in cli("template", "list", "--json").stdout.splitlines()]
    assert [t["name"] for t in listed if t["user"]] == ["中通"]
    bad = cli("template", "add", blank, "--name", "x", "--map", "nope=recipient", check=False)
    assert bad.returncode == 1 and "nope" in bad.stderr and bad.stderr.count("\n") == 1
    again = cli("template", "add", blank, "--name", "中通", check=False)
    assert again.returncode == 1 and "already exists" in again.stderr
    out = cli("template", "remove", "中通").stdout
    assert "removed" in out
    assert "中通" not in cli("template", "list").stdout
    refused = cli("template", "remove", "sf", check=False)
    assert refused.returncode == 1 and "shipped with SellerDesk" in refused.stderr


def test_a_template_without_a_phone_column_is_refused(cli, tmp_path):
    cli("init")
    blank = blank_template(tmp_path / "zto.xlsx", headers=["收件人", "号码?", "收件地址", "物品名称"])
    bad = cli("--lang", "en", "template", "add", blank, "--name", "nophone", check=False)
    assert bad.returncode == 1 and "phone" in bad.stderr and bad.stderr.count("\n") == 1
    assert "nophone" not in cli("template", "list").stdout
    ok = cli("template", "add", blank, "--name", "withphone", "--map", "号码?=mobile")
    assert ok.returncode == 0 and "withphone" in cli("template", "list").stdout


def test_export_pending_orders_into_sf_and_a_user_template_then_tracking_back(cli, tmp_path):
    a, b = _setup(cli)
    blank = blank_template(tmp_path / "zto.xlsx")
    cli("template", "add", blank, "--name", "zto")
    out = exported(cli, "export", str(tmp_path / "sf.xlsx"), "--orders", "pending", "--template", "sf").stdout
    assert "2 order" in out and "No sender is set" in out
    ws = openpyxl.load_workbook(tmp_path / "sf.xlsx").active
    assert ws.max_column == 44 and ws.cell(2, 1).value == "A001" and ws.cell(2, 11).value == "面膜×2, 护手霜"
    exported(cli, "export", str(tmp_path / "z.xlsx"), "--orders", f"{b}", "--template", "zto")
    book = openpyxl.load_workbook(tmp_path / "z.xlsx")
    assert book.sheetnames == ["批量下单", "填写说明"] and book["批量下单"].cell(3, 2).value == "李四"
    exported(
        cli,
        "export",
        str(tmp_path / "w.csv"),
        "--orders",
        "pending",
        "--template",
        "split_region",
        "--encoding",
        "utf-8",
    )
    assert (tmp_path / "w.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    result = openpyxl.Workbook()
    ws = result.active
    ws.append(["运单号", "订单号", "收件人手机"])
    ws.append(["SF1001", "A001", ""])
    ws.append(["7300001", "", "13912345678"])
    ws.append(["7300002", "", "13000000000"])
    result.save(tmp_path / "result.xlsx")
    out = cli("tracking", "import", str(tmp_path / "result.xlsx"), "--courier", "中通").stdout
    assert "Marked 2 order(s) shipped" in out and "row 4 (7300002): no matching order" in out
    orders = {o["id"]: o for o in (json.loads(x) for x in cli("orders", "--json").stdout.splitlines())}
    assert (orders[a]["status"], orders[a]["courier"], orders[a]["tracking"]) == ("shipped", "顺丰", "SF1001")
    assert (orders[b]["courier"], orders[b]["tracking"]) == ("中通", "7300001")
    again = json.loads(cli("tracking", "import", str(tmp_path / "result.xlsx"), "--json").stdout)
    assert again["shipped"] == [] and sorted(again["already"]) == sorted([a, b])
    nothing = cli("export", str(tmp_path / "none.xlsx"), "--orders", "pending", "--template", "sf", check=False)
    assert nothing.returncode == 1 and "No orders" in nothing.stderr


def test_courier_rules_split_the_export(cli, tmp_path):
    _setup(cli)
    cli("courier-rules", "--set", "华南=sf", "--set", "*=full_address")
    assert json.loads(cli("courier-rules", "--json").stdout) == {"华南": "sf", "*": "full_address"}
    out = exported(cli, "export", str(tmp_path / "today.xlsx"), "--orders", "pending").stdout
    assert (tmp_path / "today-顺丰.xlsx").is_file() and (tmp_path / "today-full_address.xlsx").is_file()
    assert out.count("Wrote 1 order") == 2
    bad = cli("courier-rules", "--set", "火星=sf", check=False)
    assert bad.returncode == 1 and "火星" in bad.stderr
    bad = cli("courier-rules", "--set", "华南=nope", check=False)
    assert bad.returncode == 1 and "nope" in bad.stderr


def test_export_refusals_are_one_line(cli, tmp_path):
    _setup(cli)
    bad = cli("export", str(tmp_path / "x.xlsx"), "--orders", "a,b", check=False)
    assert bad.returncode == 2 and "--orders" in bad.stderr
    bad = cli("export", str(tmp_path / "x.txt"), "--orders", "pending", "--template", "sf", check=False)
    assert bad.returncode == 1 and ".csv" in bad.stderr
    bad = cli("export", str(tmp_path / "x.xlsx"), "--orders", "pending", "--sender", "nobody", check=False)
    assert bad.returncode == 1 and "nobody" in bad.stderr
    bad = cli("tracking", "import", str(tmp_path / "missing.xlsx"), check=False)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_senders_list_add_and_the_default_fills_waybills(cli, tmp_path):
    _setup(cli)
    assert "No sender yet" in cli("senders").stdout
    cli(
        "senders",
        "--add",
        "广东省广州市天河区体育西路1号",
        "--name",
        "小美",
        "--phone",
        "13600000000",
        "--label",
        "一号仓",
    )
    cli("senders", "--add", "浙江省杭州市西湖区文三路2号", "--name", "阿强", "--phone", "13700000000", "--default")
    found = [json.loads(line) for line in cli("senders", "--json").stdout.splitlines()]
    assert [(s["name"], s["is_default"], s["city"]) for s in found] == [
        ("阿强", True, "杭州市"),
        ("小美", False, "广州市"),
    ]
    bad = cli("senders", "--add", "北京市朝阳区1号", "--name", "无电话", check=False)
    assert (
        bad.returncode == 1
        and "phone" in bad.stderr
        and len(json.loads("[" + ",".join(cli("senders", "--json").stdout.splitlines()) + "]")) == 2
    )
    out = cli(
        "export", str(tmp_path / "sf.xlsx"), "--orders", "pending", "--template", "sf", "--sender", "一号仓"
    ).stdout
    assert "No sender is set" not in out
    ws = openpyxl.load_workbook(tmp_path / "sf.xlsx").active
    assert ws.cell(2, 3).value == "小美" and ws.cell(2, 5).value == "广东省广州市天河区体育西路1号"
    cli("export", str(tmp_path / "d.xlsx"), "--orders", "pending", "--template", "sf")
    assert openpyxl.load_workbook(tmp_path / "d.xlsx").active.cell(2, 3).value == "阿强"  # the default sender


def test_the_waybill_export_counts_orders_to_remote_areas(cli, tmp_path):
    _setup(cli)
    far = json.loads(
        cli(
            "add", "--name", "卓玛", "--phone", "13712345678", "--address", "西藏拉萨市城关区北京中路1号", "--json"
        ).stdout
    )["id"]
    cli("order", "add", str(far), "--amount", "30", "--items", "护手霜")
    out = exported(cli, "export", str(tmp_path / "today.xlsx"), "--orders", "pending", "--template", "sf").stdout
    assert "Wrote 3 order" in out and "1 order ship to a remote area" in out
    bad = cli("--lang", "en", "export", str(tmp_path / "x.xlsx"), "--orders", f"{far},99999999", check=False)
    assert bad.returncode == 1 and "No order with id 99999999." in bad.stderr and not (tmp_path / "x.xlsx").exists()
    cli("remote-areas", "set", "新疆")
    out = exported(cli, "export", str(tmp_path / "again.xlsx"), "--orders", "pending", "--template", "sf").stdout
    assert "remote area" not in out


def test_a_cancelled_order_asked_for_by_number_gets_no_waybill_and_no_label(cli, tmp_path):
    a, b = _setup(cli)
    cli("order", "update", str(b), "--status", "cancelled")
    out = tmp_path / "x.xlsx"
    bad = cli("--lang", "en", "export", str(out), "--orders", f"{a},{b}", check=False)
    assert bad.returncode == 1 and not out.exists()
    line = f": Cancelled or refunded orders are not shipped: {b} (cancelled). Nothing was written.\n"
    assert bad.stderr.endswith(line)
    assert bad.stderr.count("\n") == 1
    bad = cli("--lang", "zh_CN", "export", str(out), "--orders", str(b), check=False)
    assert bad.returncode == 1 and f"{b}（已取消）" not in bad.stderr and f"{b} (已取消)" in bad.stderr
    bad = cli("--lang", "en", "labels", str(tmp_path / "x.pdf"), "--orders", f"{b},{a}", check=False)
    assert bad.returncode == 1 and f"{b} (cancelled)" in bad.stderr and not (tmp_path / "x.pdf").exists()
    cli("order", "delete", str(b))
    bad = cli("--lang", "en", "export", str(out), "--orders", str(b), check=False)
    assert bad.returncode == 1 and f"No order with id {b}." in bad.stderr
    assert "Wrote 1 order" in exported(cli, "--lang", "en", "export", str(out), "--orders", str(a)).stdout


def test_a_template_with_headers_in_two_languages_maps_itself(cli, tmp_path):
    cli("init")
    headers = ["Name(收件人)", "Phone/收件电话", "Address/收件地址", "Goods/物品名称"]
    blank = blank_template(tmp_path / "en.xlsx", headers=headers)
    cli("template", "add", blank, "--name", "bilingual")
    shown = json.loads(cli("template", "show", "bilingual", "--json").stdout)
    values = {c["header"]: c["value"] for c in shown["columns"]}
    assert values == {h: v for h, v in zip(headers, ["recipient", "phone", "address", "items"])}


def test_a_header_of_40000_characters_is_refused_in_one_line(cli, tmp_path):
    cli("init")
    blank = blank_template(tmp_path / "long.xlsx", headers=["收件人", "手机", "X" * 40_000, "地址"])
    for lang, word in (("en", "characters long"), ("zh_CN", "个字符")):
        bad = cli("--lang", lang, "template", "add", blank, "--name", "long", check=False)
        assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and word in bad.stderr
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机", "Y" * 40_000])
    book.active.append(["张三", "13812345678", "x"])
    book.save(tmp_path / "people.xlsx")
    bad = cli("--lang", "en", "import", str(tmp_path / "people.xlsx"), check=False)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Column 3" in bad.stderr
    assert "long" not in cli("template", "list").stdout


def test_tracking_import_takes_a_header_row(cli, tmp_path):
    _setup(cli)
    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机", "地址"])
    book.active.append(["运单号", "订单号", "收件人手机"])
    book.active.append(["SF2001", "A001", ""])
    book.save(tmp_path / "r.xlsx")
    bad = cli("--lang", "en", "tracking", "import", str(tmp_path / "r.xlsx"), check=False)
    assert bad.returncode == 1 and "tracking-number column" in bad.stderr
    out = cli("--lang", "en", "tracking", "import", str(tmp_path / "r.xlsx"), "--header-row", "2", "--json").stdout
    assert len(json.loads(out)["shipped"]) == 1
