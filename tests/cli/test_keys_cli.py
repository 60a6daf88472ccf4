"""``sellerdesk-cli keys …`` in-process: each change works, each refusal is one line and changes nothing."""

from __future__ import annotations

import hashlib
import json

import pytest

from cli_runner import PASSPHRASE
from sellerdesk.store.secrets import MemorySecretStore

NEW = "quiet walnut ferry lantern"


@pytest.fixture
def keyring(monkeypatch):
    """The OS keyring the commands see (SystemKeyring is what DataDir.default builds)."""
    from sellerdesk.store import session

    ring = MemorySecretStore()
    monkeypatch.setattr(session, "SystemKeyring", lambda: ring)
    return ring


@pytest.fixture
def home(initialized_cli, isolated_environment):
    initialized_cli("add", "--name", "张三", "--phone", "13812345678")
    return isolated_environment


def files(home):
    return {name: hashlib.sha256((home / name).read_bytes()).hexdigest() for name in ("sellerdesk.db",)}, (
        home / "sellerdesk.keys.json"
    ).read_bytes()


def one_error_line(proc) -> str:
    assert proc.returncode == 1, proc
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("sellerdesk-cli: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stderr


def test_change_password(initialized_cli, home):
    cli = initialized_cli
    db_before, _ = files(home)
    out = cli("keys", "change-password", input=NEW + "\n").stdout
    assert "password was changed" in out and "new backup" in out
    assert files(home)[0] == db_before, "the database file is byte-identical"
    assert "张三" in cli("list", env={"SELLERDESK_PASSPHRASE": NEW}).stdout
    proc = cli("list", check=False)  # the old password
    assert "Wrong password or recovery code" in one_error_line(proc)
    assert "张三" in cli("list", env={"SELLERDESK_PASSPHRASE": cli.recovery_code}).stdout


@pytest.mark.parametrize(
    ("env", "stdin", "says"),
    [
        ({"SELLERDESK_PASSPHRASE": "not the password at all"}, NEW + "\n", "Wrong password or recovery code"),
        ({}, "woaini1314\n", "most common passwords"),
        ({}, "short\n", "too short"),
        ({}, "", "no new master password"),
        ({"SELLERDESK_PASSPHRASE": None}, NEW + "\n", "set SELLERDESK_PASSPHRASE"),
    ],
)
def test_change_password_refusals(initialized_cli, home, env, stdin, says):
    before = files(home)
    proc = initialized_cli("keys", "change-password", input=stdin, env=env, check=False)
    assert says in one_error_line(proc)
    assert "nothing was changed" in proc.stderr.lower()
    assert files(home) == before
    assert sorted(p.name for p in home.glob("sellerdesk.keys.json*")) == ["sellerdesk.keys.json"]


def test_change_password_refuses_a_secret_that_opens_the_database_already(initialized_cli, home):
    """It said 主密码已更改 for the password in use, and took the recovery code as a password."""
    cli = initialized_cli
    before = files(home)
    proc = cli("keys", "change-password", input=PASSPHRASE + "\n", check=False)
    assert one_error_line(proc).strip() == (
        "sellerdesk-cli: error: The new master password is the one in use now. Nothing was changed."
    )
    by_code = {"SELLERDESK_PASSPHRASE": cli.recovery_code}  # proved with the code: the password envelope is tried
    proc = cli("keys", "change-password", input=PASSPHRASE + "\n", env=by_code, check=False)
    assert "is the one in use now" in one_error_line(proc)
    proc = cli("keys", "change-password", input=cli.recovery_code.lower() + "\n", check=False)
    assert "is the recovery code; choose a password of your own" in one_error_line(proc)
    zh = cli("keys", "change-password", input=PASSPHRASE + "\n", env={"SELLERDESK_LANG": "zh_CN"}, check=False)
    assert zh.stderr.strip() == "sellerdesk-cli：错误：新的主密码和当前主密码相同。没有做任何更改。"
    assert files(home) == before


def test_password_to_keyring_and_back(initialized_cli, home, keyring):
    cli = initialized_cli
    db_before, _ = files(home)
    out = cli("keys", "use-keyring").stdout
    assert "OS keyring" in out
    assert keyring.data, "the key is in the keyring"
    assert "张三" in cli("list", env={"SELLERDESK_PASSPHRASE": None}).stdout  # no password asked
    proc = cli("keys", "use-keyring", check=False, env={"SELLERDESK_PASSPHRASE": None})
    assert "already kept in the OS keyring" in one_error_line(proc)

    out = cli("keys", "use-password", input=NEW + "\n", env={"SELLERDESK_PASSPHRASE": None}).stdout
    assert "master password" in out
    assert keyring.data == {}, "the keyring copy is removed"
    assert "张三" in cli("list", env={"SELLERDESK_PASSPHRASE": NEW}).stdout
    proc = cli("list", check=False, env={"SELLERDESK_PASSPHRASE": None})
    assert "SELLERDESK_PASSPHRASE" in one_error_line(proc)
    assert files(home)[0] == db_before


def test_use_keyring_refused_when_the_keyring_is_locked(initialized_cli, home, keyring):
    keyring.locked = True
    before = files(home)
    proc = initialized_cli("keys", "use-keyring", check=False)
    line = one_error_line(proc)
    assert "locked" in line and "Nothing was changed" in line
    assert files(home) == before
    assert "张三" in initialized_cli("list").stdout  # the password still opens it


def test_use_keyring_refused_without_a_keyring(initialized_cli, home):
    """The test environment's keyring is keyring's `fail` backend: no usable keyring."""
    before = files(home)
    proc = initialized_cli("keys", "use-keyring", check=False)
    assert one_error_line(proc).strip() == (
        "sellerdesk-cli: error: No usable OS keyring was found on this system. "
        "Nothing was changed: the master password still opens the database."
    )  # (not keyring.backends.fail.Keyring, the backend's class)
    zh = initialized_cli("keys", "use-keyring", check=False, env={"SELLERDESK_LANG": "zh_CN"})
    assert (zh.returncode, zh.stderr.strip()) == (
        1,
        "sellerdesk-cli：错误：这台电脑上没有可用的系统钥匙串。没有做任何更改：主密码仍然能打开数据库。",
    )
    assert files(home) == before


def test_no_password_in_the_environment_is_one_chinese_line_without_a_stray_space(initialized_cli, home):
    proc = initialized_cli("list", check=False, env={"SELLERDESK_PASSPHRASE": None, "SELLERDESK_LANG": "zh_CN"})
    assert (proc.returncode, proc.stderr.strip()) == (
        1,
        "sellerdesk-cli：错误：这个数据库由主密码保护。请把 SELLERDESK_PASSPHRASE 设为主密码或恢复码。",
    )


def test_use_keyring_with_a_wrong_password(initialized_cli, home, keyring):
    before = files(home)
    proc = initialized_cli("keys", "use-keyring", check=False, env={"SELLERDESK_PASSPHRASE": "wrong one entirely"})
    assert "Wrong password" in one_error_line(proc)
    assert files(home) == before and keyring.data == {}


def test_use_password_when_already_password(initialized_cli, home):
    proc = initialized_cli("keys", "use-password", input=NEW + "\n", check=False)
    assert "already uses a master password" in one_error_line(proc)


def test_new_recovery_code(initialized_cli, home):
    cli = initialized_cli
    db_before, _ = files(home)
    out = json.loads(cli("keys", "new-recovery-code", "--json").stdout)
    code = out["recovery_code"]
    assert code != cli.recovery_code
    assert cli("recovery-code").stdout.strip() == code
    proc = cli("list", check=False, env={"SELLERDESK_PASSPHRASE": cli.recovery_code})
    assert "Wrong password or recovery code" in one_error_line(proc)
    assert "张三" in cli("list", env={"SELLERDESK_PASSPHRASE": code}).stdout
    assert "张三" in cli("list", env={"SELLERDESK_PASSPHRASE": PASSPHRASE}).stdout
    assert files(home)[0] == db_before
    text = cli("keys", "new-recovery-code").stdout
    assert "old recovery code no longer opens" in text and "new backup" in text


def test_new_password_from_a_prompt(monkeypatch):
    """On a terminal the new password is typed twice; two different ones are refused."""
    import io

    from sellerdesk.cli import CliError, keys_cmds

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Tty())
    answers = iter([NEW, NEW, NEW, NEW + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert keys_cmds.read_new_password() == NEW
    with pytest.raises(CliError, match="differ"):
        keys_cmds.read_new_password()


def test_keys_without_an_action_prints_help(initialized_cli):
    proc = initialized_cli("keys", check=False)
    assert proc.returncode == 2 and "change-password" in proc.stdout


# --- the two CLI bugs of issue #21 ----------------------------------------------------------------------


def test_trash_of_a_missing_id_is_one_error_line(initialized_cli, home):
    proc = initialized_cli("trash", "999999", check=False)
    line = one_error_line(proc)
    assert "999999" in line and "nothing was changed" in line and "Moved" not in proc.stdout + proc.stderr
    proc = initialized_cli("untrash", "999999", check=False)
    assert "999999" in one_error_line(proc)


def test_trash_of_some_missing_ids_moves_none_and_names_the_missing(initialized_cli, home):
    """README: an unknown id exits with 1 and writes nothing (the others moved before)."""
    before = files(home)
    proc = initialized_cli("trash", "1", "999999", check=False)
    assert "customer 999999 not found or already in the Trash; nothing was changed" in one_error_line(proc)
    assert files(home) == before


def test_export_to_a_missing_folder_names_the_folder(initialized_cli, home, tmp_path):
    target = tmp_path / "没有这个文件夹" / "客户.xlsx"
    proc = initialized_cli("export", str(target), check=False)
    line = one_error_line(proc)
    assert f"the folder {target.parent} does not exist" in line and ".part" not in line
    assert not target.parent.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ("keys", "change-password"),
        ("keys", "use-keyring"),
        ("keys", "use-password"),
        ("keys", "new-recovery-code"),
        ("recovery-code",),
    ],
)
def test_team_mode_refuses_the_keys_in_one_translated_line(cli, isolated_environment, argv):
    """QA (M7, H4): in team mode the keys commands said there was no database here (run init) or
    crashed on a missing sellerdesk.keys.json. The team database has no key file: one line says the
    server's login password is what applies, before any connection, and nothing is written."""
    env = {
        "SELLERDESK_DATABASE_URL": "postgresql://ann:secret@127.0.0.1:1/shop",
        "SELLERDESK_LANG": "zh_CN",
    }
    proc = cli(*argv, input=NEW + "\n", check=False, env=env)
    assert proc.returncode == 1 and proc.stdout == "", proc
    line = proc.stderr
    assert line.count("\n") == 1 and line.startswith("sellerdesk-cli：错误：") and "Traceback" not in line
    assert "团队数据库的密码由服务器管理" in line and "文件 › 团队服务器…" in line
    assert "secret" not in line and "init" not in line
    assert not (isolated_environment / "sellerdesk.keys.json").exists()
