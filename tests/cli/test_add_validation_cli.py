"""``sellerdesk-cli add`` applies the editor's rule (core.validate): a wrong phone, postal
code or region is refused in one line (exit 1, nothing written), or saved marked 需核对
(needs_check) with --force."""

from __future__ import annotations

import pytest

GOOD = ["--name", "张三", "--phone", "13812345678", "--detail", "科技园南区1栋101"]
WRONG = [
    (["--province", "广东省", "--city", "杭州市"], "杭州市 is not in 广东省"),
    (["--province", "广东省", "--city", "深圳市", "--district", "西湖区"], "西湖区 is not in 深圳市"),
    (["--province", "火星"], "'火星' is not a known province"),
    (["--province", "广东省", "--city", "深圳市", "--postal-code", "12"], "'12' is not a 6-digit postal code"),
    (["--province", "广东省", "--city", "深圳市", "--address-phone", "1234"], "'1234' is not a mainland"),
]


def _add(cli, *args: str, check: bool = False):
    return cli("add", *GOOD, *args, check=check)


@pytest.mark.parametrize(("args", "cause"), WRONG)
def test_wrong_value_is_refused_in_one_line(initialized_cli, isolated_environment, args, cause):
    before = (isolated_environment / "sellerdesk.db").read_bytes()
    proc = _add(initialized_cli, *args)
    assert proc.returncode == 1
    assert proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert cause in line and "--force" in line and "Nothing was saved" in line
    assert (isolated_environment / "sellerdesk.db").read_bytes() == before
    assert initialized_cli.json_lines("list", "--json") == []


def test_customer_phone_alone_is_checked(initialized_cli):
    proc = initialized_cli("add", "--name", "张三", "--phone", "1234", check=False)
    assert proc.returncode == 1 and "'1234' is not a mainland" in proc.stderr
    assert initialized_cli.json_lines("list", "--json") == []


def test_every_wrong_value_is_named_in_the_one_line(initialized_cli):
    proc = initialized_cli(
        "add", "--name", "张三", "--phone", "1234", "--province", "广东省", "--city", "杭州市", "--postal-code", "12",
        check=False,
    )  # fmt: skip
    (line,) = proc.stderr.strip().splitlines()
    assert "'1234'" in line and "杭州市 is not in 广东省" in line and "'12'" in line
    assert line.count("'1234'") == 1  # the customer's phone is also the address's: said once


@pytest.mark.parametrize(("args", "cause"), WRONG)
def test_force_saves_as_typed_marked_needs_check(initialized_cli, args, cause):
    proc = _add(initialized_cli, *args, "--force", check=True)
    assert proc.stdout.startswith("Added customer")
    assert cause in proc.stderr and "需核对" in proc.stderr  # said, not silent
    (row,) = initialized_cli.json_lines("list", "--json")
    assert "needs_check" in row["flags"]
    (address,) = row["addresses"]
    typed = dict(zip(args[::2], args[1::2], strict=True))
    assert address["province"] == typed["--province"]
    assert address["city"] == typed.get("--city", "")
    if "--postal-code" in typed:
        assert address["postal_code"] == typed["--postal-code"]
    if "--address-phone" in typed:
        assert address["phone"] == typed["--address-phone"]


def test_right_values_are_not_flagged(initialized_cli):
    # old and short names resolve to today's region: not unknown, not 需核对
    proc = _add(
        initialized_cli, "--province", "浙江", "--city", "杭州", "--district", "下城区", "--postal-code", "310006"
    )
    assert proc.returncode == 0 and proc.stderr == ""
    (row,) = initialized_cli.json_lines("list", "--json")
    assert "needs_check" not in row["flags"]
    assert row["addresses"][0]["district"] == "拱墅区"


def test_force_keeps_right_values_unflagged(initialized_cli):
    initialized_cli("add", *GOOD, "--province", "广东省", "--city", "深圳市", "--force")
    (row,) = initialized_cli.json_lines("list", "--json")
    assert "needs_check" not in row["flags"]


def test_missing_is_not_wrong(initialized_cli):
    # a customer may be recorded before the address is known; a lone district is left as typed
    initialized_cli("add", "--name", "李四")
    initialized_cli("add", "--name", "王五", "--district", "西湖区", "--detail", "文三路90号")
    rows = initialized_cli.json_lines("list", "--json")
    assert len(rows) == 2 and all("needs_check" not in r["flags"] for r in rows)


def test_smart_paste_is_checked_too(initialized_cli):
    # the split flags win over the paste: 广东省 … with --city 杭州市 is what would be stored
    proc = initialized_cli(
        "add", "--address", "张三 13812345678 广东省深圳市南山区科技园1号", "--city", "杭州市", check=False
    )
    assert proc.returncode == 1 and "杭州市 is not in 广东省" in proc.stderr
    assert initialized_cli.json_lines("list", "--json") == []


# QA2 H3: a whole --address whose province contradicts its city is refused like the split flags
# (smart paste reads 浙江省杭州市 and warns; add checks what was typed).
MISMATCH = ["--name", "钱七", "--phone", "13600004444", "--address", "广东省杭州市西湖区文三路1号"]


def test_a_pasted_address_contradicting_itself_is_refused(initialized_cli, isolated_environment):
    before = (isolated_environment / "sellerdesk.db").read_bytes()
    proc = initialized_cli("add", *MISMATCH, check=False)
    assert proc.returncode == 1 and proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert "杭州市 is not in 广东省" in line and "Nothing was saved" in line
    assert (isolated_environment / "sellerdesk.db").read_bytes() == before


def test_a_pasted_contradiction_with_force_is_saved_as_typed(initialized_cli):
    proc = initialized_cli("add", *MISMATCH, "--force", check=True)
    assert "杭州市 is not in 广东省" in proc.stderr and "需核对" in proc.stderr
    (row,) = initialized_cli.json_lines("list", "--json")
    assert "needs_check" in row["flags"]
    (address,) = row["addresses"]
    assert (address["province"], address["city"], address["district"]) == ("广东省", "杭州市", "西湖区")
    assert address["detail"] == "文三路1号"


def test_a_bad_phone_and_a_contradiction_are_both_named(initialized_cli):
    proc = initialized_cli(
        "add", "--name", "钱七", "--phone", "1234", "--address", "广东省杭州市西湖区文三路1号", check=False
    )
    (line,) = proc.stderr.strip().splitlines()
    assert "'1234'" in line and "杭州市 is not in 广东省" in line


def test_a_pasted_remark_goes_to_the_notes_not_the_address(initialized_cli):
    initialized_cli("add", "--address", "韩梅梅 13700001234 河北省石家庄市长安区中山东路1号 备注：不要放门口")
    (row,) = initialized_cli.json_lines("list", "--json")
    assert row["addresses"][0]["detail"] == "中山东路1号"
    assert row["notes"] == "不要放门口"
    assert "needs_check" not in row["flags"]


def test_a_name_that_starts_with_a_dash_is_taken_written_with_equals(initialized_cli):
    """QA (L5): `add --name '-李'` said only "参数 --name：需要一个值"; the line now says to write
    --name=-李, which saves the name."""
    cli = initialized_cli
    proc = cli("--lang", "zh_CN", "add", "--name", "-李", "--phone", "13812345678", check=False)
    assert proc.returncode == 2 and "--name=-李" in proc.stderr, proc.stderr
    assert cli.json_lines("list", "--json") == []
    cli("add", "--name=-李", "--phone", "13812345678")
    assert [c["name"] for c in cli.json_lines("list", "--json")] == ["-李"]
