"""erase, export-person, inactive, audit and --mask, end to end in-process."""

import json

import openpyxl

from sellerdesk.cli import privacy_cmds

PHONE = "13912345678"


def _add(cli, name="欧阳娜娜", phone=PHONE):
    out = cli(
        "add", "--name", name, "--phone", phone, "--address", "广东省深圳市南山区粤海街道科兴科学园B栋1201", "--json"
    )
    cid = json.loads(out.stdout)["id"]
    cli("order", "add", str(cid), "--amount", "128.50", "--items", "面膜 x2")
    return cid


def test_erase_refuses_without_yes_when_not_a_terminal(initialized_cli):
    cli = initialized_cli
    cid = _add(cli)
    proc = cli("erase", str(cid), check=False)
    assert proc.returncode == 1 and "--yes" in proc.stderr
    assert cli.json_lines("list", "--json")[0]["name"] == "欧阳娜娜"


def test_erase_asks_in_a_terminal(initialized_cli, monkeypatch):
    cli = initialized_cli
    cid = _add(cli)
    monkeypatch.setattr(privacy_cmds, "interactive", lambda: True)
    proc = cli("--lang", "en", "erase", str(cid), input="no\n", check=False)
    assert proc.returncode == 1 and "nothing was changed" in proc.stderr
    assert "欧阳娜娜" in proc.stdout
    proc = cli("--lang", "en", "erase", str(cid), input="ERASE\n")
    assert "Erased 1 customer; 1 order kept" in proc.stdout
    assert cli.json_lines("list", "--json") == []


def test_erase_yes_keeps_orders_and_writes_the_audit(initialized_cli):
    cli = initialized_cli
    cid = _add(cli)
    other = _add(cli, "李四", "13700000000")
    cli("erase", str(cid), "--yes")
    assert [r["id"] for r in cli.json_lines("list", "--json")] == [other]
    orders = cli.json_lines("orders", "--json")
    assert sorted(o["amount"] for o in orders) == ["128.50", "128.50"]
    assert not any(PHONE in json.dumps(o) or "欧阳" in json.dumps(o, ensure_ascii=False) for o in orders)
    entries = cli.json_lines("audit", "--json", "--action", "erase")
    assert [(e["entity_id"], e["detail"]) for e in entries] == [(cid, None)]
    proc = cli("--lang", "en", "erase", "999", "--yes", check=False)
    assert proc.returncode == 1 and "999" in proc.stderr
    proc = cli("erase", "abc", "--yes", check=False)
    assert proc.returncode == 1


def test_export_person_json_and_xlsx(initialized_cli, tmp_path):
    cli = initialized_cli
    cid = _add(cli)
    _add(cli, "李四", "13700000000")
    cli("export-person", str(cid), str(tmp_path / "p.json"))
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "欧阳娜娜" and data["orders"][0]["amount"] == "128.50"
    assert "李四" not in (tmp_path / "p.json").read_text(encoding="utf-8")
    cli("export-person", str(cid), str(tmp_path / "p.xlsx"))
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx", read_only=True)
    assert {"客户", "地址", "地址历史", "订单", "订单明细", "积分", "操作记录"} <= set(wb.sheetnames)
    assert ("姓名", "欧阳娜娜") in [tuple(r) for r in wb["客户"].iter_rows(values_only=True)]
    wb.close()
    proc = cli("--lang", "en", "export-person", str(cid), str(tmp_path / "p.csv"), check=False)
    assert proc.returncode == 1 and ".json or .xlsx" in proc.stderr and not (tmp_path / "p.csv").exists()
    actions = [e["action"] for e in cli.json_lines("audit", "--json")]
    assert actions.count("export_person") == 2


def test_audit_filters_and_text(initialized_cli, tmp_path):
    cli = initialized_cli
    _add(cli)
    cli("export", str(tmp_path / "all.xlsx"))
    cli("backup", "--to", str(tmp_path))
    actions = {e["action"] for e in cli.json_lines("audit", "--json")}
    assert {"create", "add_order", "export", "backup"} <= actions
    assert cli.json_lines("audit", "--json", "--since", "2999-01-01") == []
    assert [e["action"] for e in cli.json_lines("audit", "--json", "--action", "backup")] == ["backup"]
    out = cli("--lang", "en", "audit").stdout
    assert "Backup" in out and "record" in out and PHONE not in out
    proc = cli("audit", "--since", "yesterday", check=False)
    assert proc.returncode == 1


def test_mask_everywhere_in_the_cli(initialized_cli, tmp_path):
    cli = initialized_cli
    cid = _add(cli)
    masked = "139****5678"
    assert PHONE in cli("list").stdout
    for argv in (["--mask", "list"], ["list", "--mask"]):
        out = cli(*argv).stdout
        assert masked in out and PHONE not in out
    for argv in (
        ["--mask", "list", "--json"],
        ["show", str(cid), "--mask"],
        ["show", str(cid), "--json", "--mask"],
        ["orders", "--json", "--mask"],
        ["order", "show", "1", "--json", "--mask"],
    ):
        out = cli(*argv).stdout
        assert PHONE not in out, argv
    assert masked in cli("show", str(cid), "--mask").stdout
    cli("export", str(tmp_path / "m.xlsx"), "--mask")
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx", read_only=True)
    cells = [str(c) for row in wb.active.iter_rows(values_only=True) for c in row if c]
    wb.close()
    assert masked in cells and PHONE not in " ".join(cells)
    entry = cli.json_lines("audit", "--json", "--action", "export")[0]
    assert entry["detail"]["masked"] is True


def test_inactive_lists_nobody_recent(initialized_cli):
    cli = initialized_cli
    _add(cli)
    assert json.loads(cli("inactive", "--years", "1", "--json").stdout) == {"years": 1, "ids": []}
    assert cli("inactive", "--years", "0", check=False).returncode == 1
