"""``due`` end to end, in English and in Chinese."""

import datetime as dt

from sellerdesk.core import clock
from sellerdesk.core.recheck import add_months


def test_due_lists_the_old_addresses_most_valuable_first(initialized_cli, monkeypatch):
    cli = initialized_cli
    cli("add", "--name", "王小明", "--phone", "13800001234", "--address", "广东省深圳市南山区科技园1号")
    cli("add", "--name", "李四", "--phone", "13900002222", "--address", "北京市朝阳区建国路5号")
    ids = {row["name"]: row["id"] for row in cli.json_lines("list", "--json")}
    assert cli.json_lines("due", "--json") == []
    out = cli("--lang", "en", "due")
    assert out.stdout.strip() == "Addresses due for a re-check: 0"

    cli("order", "add", str(ids["李四"]), "--amount", "60")  # 李四 spent more
    later = clock.today() + dt.timedelta(days=200)  # past the 普通 cycle of 6 months
    cli.env[clock.PIN_ENV] = later.isoformat()  # (each command gets exactly the Cli's environment)
    rows = cli.json_lines("due", "--json")
    assert [r["name"] for r in rows] == ["李四", "王小明"]
    assert rows[1]["detail"] == "科技园1号" and rows[1]["phone"] == "13800001234"
    assert rows[1]["due_on"] == add_months(dt.date.fromisoformat(rows[1]["confirmed"]), 6).isoformat()
    assert rows[0]["tier"] == "normal" and rows[0]["total_spent"] == "60.00"

    cli("tier", "set", str(ids["王小明"]), "钻石")  # now first, however little they spent
    assert [r["name"] for r in cli.json_lines("due", "--json")] == ["王小明", "李四"]
    assert cli.json_lines("due", "--json", "--mask")[0]["phone"] == "138****1234"
    out = cli("--lang", "zh_CN", "due")
    assert "待核对的地址：2 个" in out.stdout and "上次确认" in out.stdout and "钻石" in out.stdout
