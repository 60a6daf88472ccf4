"""``birthdays``, ``followups``, ``followup add`` end to end: birthdays and consent from an import."""

import datetime as dt

from sellerdesk.core import clock, lunar


def _sheet(tmp_path, today):
    lunar_year, born = lunar.lunar_of(today + dt.timedelta(days=2))
    rows = [
        "姓名,手机,生日,农历生日,同意营销,同意营销方式",
        f"张三,13800000001,1992-{today:%m-%d},,是,微信聊天",  # (1992: a leap year, 2月29 too)
        f"李四,13800000002,{born.text()},,是,",  # a lunar birthday in the 生日 column
        f"王五,13800000003,1992-{today:%m-%d},,否,",  # no consent: never listed
        "赵六,13800000004,,农历13月1,是,",  # a bad lunar birthday: noted, flagged
    ]
    path = tmp_path / "customers.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_birthdays_lists_consenting_customers(initialized_cli, tmp_path):
    cli = initialized_cli
    today = clock.today()
    cli("import", str(_sheet(tmp_path, today)))
    people = {r["name"]: r for r in cli.json_lines("list", "--json")}
    assert people["李四"]["birthday_lunar"]["text"].startswith("农历")
    assert people["赵六"]["birthday_lunar"] is None and "农历13月1" in people["赵六"]["notes"]
    shown = cli("show", str(people["张三"]["id"]), "--json").stdout
    assert '"consent_via": "wechat"' in shown
    rows = cli.json_lines("birthdays", "--json", "--days", "3")
    assert [r["name"] for r in rows] == ["张三", "李四"]
    assert rows[0]["date"] == today.isoformat() and rows[1]["lunar"] is True
    assert cli.json_lines("birthdays", "--json", "--days", "1")[0]["name"] == "张三"
    text = cli("--lang", "zh_CN", "birthdays", "--days", "3").stdout
    assert "同意营销的客户" in text and "张三" in text
    phone = rows[0]["phone"]
    assert phone and phone not in cli("--mask", "birthdays", "--days", "3").stdout  # a helper's masking too
    assert "****" in cli.json_lines("--mask", "birthdays", "--json", "--days", "3")[0]["phone"]
    out = cli("--lang", "zh_CN", "birthdays", "--days", "0", check=False)
    assert out.returncode == 2 and "--days" in out.stderr


def test_followup_add_and_lists(initialized_cli):
    cli = initialized_cli
    cli("add", "--name", "张三", "--phone", "13800000001")
    (cid,) = [r["id"] for r in cli.json_lines("list", "--json")]
    today = clock.today().isoformat()
    fid = int(cli("followup", "add", str(cid), "--note", "问用得怎么样", "--channel", "wechat", "--next", today).stdout)
    fb = int(cli("followup", "add", str(cid), "--note", "快递太慢", "--feedback").stdout)
    assert fb != fid
    due = cli.json_lines("followups", "--due", "--json")
    assert {(r["id"], r["kind"]) for r in due} == {(fid, "followup"), (fb, "feedback")}
    assert len(cli.json_lines("followups", "--json")) == 2
    text = cli("--lang", "zh_CN", "followups", "--due").stdout
    assert "反馈" in text and "微信" in text and "2 条到期回访或未解决反馈" in text


def test_followup_refusals_change_nothing(initialized_cli):
    cli = initialized_cli
    cli("add", "--name", "张三", "--phone", "13800000001")
    (cid,) = [r["id"] for r in cli.json_lines("list", "--json")]
    out = cli("--lang", "zh_CN", "followup", "add", str(cid), "--note", "x", "--next", "2026-13-01", check=False)
    assert out.returncode == 1 and "不是日期" in out.stderr
    out = cli("--lang", "zh_CN", "followup", "add", "999", "--note", "x", check=False)
    assert out.returncode == 1 and "没有编号为 999 的客户" in out.stderr
    out = cli("--lang", "zh_CN", "followup", "add", str(cid), "--note", "  ", check=False)
    assert out.returncode == 1 and "回访需要备注" in out.stderr
    out = cli("--lang", "zh_CN", "followup", "add", str(cid), "--note", "x", "--next", "2020-01-01", check=False)
    assert out.returncode == 1 and "不能早于这次回访" in out.stderr and out.stderr.count("\n") == 1
    cli("trash", str(cid))
    out = cli("--lang", "zh_CN", "followup", "add", str(cid), "--note", "x", check=False)
    assert out.returncode == 1 and "回收站" in out.stderr
    assert cli.json_lines("followups", "--json") == []


def test_birthdays_default_to_the_apps_this_week(initialized_cli, tmp_path):
    """The CLI's default range is the app's 本周 (today to Sunday), so both give the same count."""
    cli = initialized_cli
    wednesday = dt.date(2030, 5, 8)
    cli.env[clock.PIN_ENV] = wednesday.isoformat()  # (each command gets exactly the Cli's environment)
    rows = ["姓名,手机,生日,同意营销"] + [
        f"客户{n},1380000010{n},1990-{wednesday + dt.timedelta(days=n):%m-%d},是" for n in range(7)
    ]
    (tmp_path / "b.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    cli("import", str(tmp_path / "b.csv"))
    week = [r["name"] for r in cli.json_lines("birthdays", "--json")]
    assert week == ["客户0", "客户1", "客户2", "客户3", "客户4"]  # Wednesday to Sunday
    assert week == [r["name"] for r in cli.json_lines("birthdays", "--week", "--json")]
    assert [r["name"] for r in cli.json_lines("birthdays", "--today", "--json")] == ["客户0"]
    assert len(cli.json_lines("birthdays", "--days", "7", "--json")) == 7
    assert len(cli.json_lines("birthdays", "--month", "--json")) == 7  # 8 to 14 May
    text = cli("--lang", "zh_CN", "birthdays").stdout
    assert "2030-05-08" in text and "2030-05-12" in text
    both = cli("birthdays", "--week", "--days", "3", check=False)
    assert both.returncode == 2
