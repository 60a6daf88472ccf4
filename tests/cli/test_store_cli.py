import json

import pytest

from sellerdesk.store.keys import normalize_recovery_code


def test_init_add_list_roundtrip(initialized_cli, isolated_environment):
    cli = initialized_cli
    assert normalize_recovery_code(cli.recovery_code) == cli.recovery_code
    cli(
        "add",
        "--name",
        "张三",
        "--phone",
        "+86 138-1234-5678",
        "--wechat",
        "zs_wx",
        "--tags",
        "VIP,老客户",
        "--province",
        "广东",
        "--city",
        "深圳",
        "--district",
        "南山区",
        "--detail",
        "科技园南区1栋101",
    )
    (row,) = cli.json_lines("list", "--json")
    assert {"id", "name", "phone", "wechat", "tags", "flags", "addresses"} <= set(row)
    assert row["name"] == "张三"
    assert row["phone"] == "13812345678"
    assert row["wechat"] == "zs_wx"
    assert row["tags"] == ["VIP", "老客户"]
    (address,) = row["addresses"]
    assert {
        k: address[k]
        for k in ("recipient", "phone", "province", "city", "district", "detail", "postal_code", "is_default")
    } == {
        "recipient": "张三",
        "phone": "13812345678",
        "province": "广东省",
        "city": "深圳市",
        "district": "南山区",
        "detail": "科技园南区1栋101",
        "postal_code": "",
        "is_default": True,
    }
    assert not (isolated_environment / "sellerdesk.db").read_bytes().startswith(b"SQLite format 3")
    table = cli("list").stdout
    assert "张三" in table and table.rstrip().endswith("\n1 customer")


def test_add_with_smart_paste(initialized_cli):
    cli = initialized_cli
    cli("add", "--address", "李四 13987654321 浙江省杭州市西湖区文三路90号")
    (row,) = cli.json_lines("list", "--json")
    assert row["name"] == "李四" and row["phone"] == "13987654321"
    assert row["addresses"][0]["district"] == "西湖区"


def test_wrong_passphrase_is_one_line(initialized_cli, isolated_environment):
    before = (isolated_environment / "sellerdesk.db").read_bytes()
    proc = initialized_cli("list", "--json", check=False, env={"SELLERDESK_PASSPHRASE": "wrong password!"})
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr and "Wrong" in proc.stderr
    assert (isolated_environment / "sellerdesk.db").read_bytes() == before


def test_recovery_code_unlocks(initialized_cli):
    cli = initialized_cli
    cli("add", "--name", "王五")
    rows = cli.json_lines("list", "--json", env={"SELLERDESK_PASSPHRASE": cli.recovery_code.lower()})
    assert [r["name"] for r in rows] == ["王五"]
    assert cli("recovery-code").stdout.strip() == cli.recovery_code


def test_trash_and_untrash(initialized_cli):
    cli = initialized_cli
    cid = json.loads(cli("add", "--name", "王五", "--json").stdout)["id"]
    cli("trash", str(cid))
    assert cli.json_lines("list", "--json") == []
    assert [r["id"] for r in cli.json_lines("list", "--json", "--trash")] == [cid]
    cli("untrash", str(cid))
    assert [r["id"] for r in cli.json_lines("list", "--json")] == [cid]


def test_errors_without_traceback(cli, isolated_environment):
    proc = cli("list", check=False)
    assert proc.returncode != 0 and "init" in proc.stderr and "Traceback" not in proc.stderr
    cli("init")
    proc = cli("init", check=False)
    assert proc.returncode != 0 and "already exists" in proc.stderr
    proc = cli("add", check=False)
    assert proc.returncode != 0 and "--name" in proc.stderr
    proc = cli("show", "4242", check=False)
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1


def test_init_without_keyring_or_passphrase(cli):
    env = dict(cli.env)
    env.pop("SELLERDESK_PASSPHRASE")
    cli.env = env
    proc = cli("init", check=False)
    assert proc.returncode != 0
    assert "SELLERDESK_PASSPHRASE" in proc.stderr and "Traceback" not in proc.stderr


def test_version_and_help(cli):
    from sellerdesk import __version__

    assert __version__ in cli("--version").stdout
    out = cli("--help").stdout
    for command in ("init", "add", "list", "parse-address"):
        assert command in out


def test_unusable_home(cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = cli("init", check=False, env={"SELLERDESK_HOME": str(blocker / "inner")})
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_add_with_a_name_keeps_a_rare_ideograph_after_the_street(initialized_cli):
    cli = initialized_cli
    out = cli("add", "--name", "李四", "--phone", "13912345678", "--address", "北京市朝阳区建国路88号 𠮷野家", "--json")
    cid = json.loads(out.stdout)["id"]
    shown = json.loads(cli("show", str(cid), "--json").stdout)
    address = shown["addresses"][0]
    assert address["detail"] == "建国路88号𠮷野家" and address["recipient"] == "李四"


def test_an_unknown_id_trashes_none_of_them_and_is_named(initialized_cli, isolated_environment):
    """README: an unknown id exits with 1 and writes nothing (customer 1 was trashed before)."""
    cli = initialized_cli
    first = json.loads(cli("add", "--name", "张三", "--json").stdout)["id"]
    second = json.loads(cli("add", "--name", "李四", "--json").stdout)["id"]
    proc = cli("trash", str(first), "99999", str(second), check=False)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr.strip() == (
        "sellerdesk-cli: error: customer 99999 not found or already in the Trash; nothing was changed"
    )
    assert cli.json_lines("list", "--json", "--trash") == []
    cli("trash", str(first))
    proc = cli("untrash", str(first), str(second), check=False)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert "customer 2 not in the Trash; nothing was changed" in proc.stderr
    assert [r["id"] for r in cli.json_lines("list", "--json", "--trash")] == [first]
    many = [str(i) for i in range(1000, 1012)]
    proc = cli("trash", *many, check=False, env={"SELLERDESK_LANG": "zh_CN"})
    assert proc.stderr.strip() == (
        "sellerdesk-cli：错误：客户 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009 等另外 2 位"
        " 不存在或已在回收站；没有做任何更改"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["show", "99999999999999999999"],
        ["trash", "1", "99999999999999999999"],
        ["untrash", "0"],
        ["merge", "1", "99999999999999999999"],
        ["unmerge", "99999999999999999999"],
        ["followup", "add", "99999999999999999999", "--note", "x"],
    ],
)
def test_an_id_too_big_for_the_database_is_a_usage_error(initialized_cli, args):
    proc = initialized_cli(*args, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    last = proc.stderr.strip().splitlines()[-1]
    assert last.endswith(("is too big to be an id", "is not an id (a positive whole number)"))
    assert "OverflowError" not in proc.stderr


def test_an_order_or_customer_id_too_big_is_one_line(initialized_cli):
    proc = initialized_cli("order", "delete", "99999999999999999999", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "sellerdesk-cli: error: not a valid order id: '99999999999999999999' (a positive whole number)"
    )
