"""The CLI in Chinese when the locale (or --lang, $SELLERDESK_LANG, the app's setting) says so,
from the same zh_CN .tsv tables as the app, without Qt; English otherwise; JSON unchanged."""

import importlib.util
import json
from pathlib import Path

import pytest

from sellerdesk.cli import messages, store_errors
from sellerdesk.store.errors import STORAGE_MESSAGES, DiskFullError, StorageError

ROOT = Path(__file__).resolve().parents[2]
ZH = {"LANG": "zh_CN.UTF-8", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}
C = {"LANG": "C", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}
NO_LOCALE = {"LANG": None, "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None}


def add_zhang(cli, env):
    return cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号", env=env)


def test_chinese_locale_gives_chinese_summaries_plurals_and_errors(initialized_cli):
    cli = initialized_cli
    assert add_zhang(cli, ZH).stdout.strip() == "已添加客户 1：张三"
    assert cli("list", env=ZH).stdout.rstrip().endswith("\n共 1 位客户")
    proc = cli("trash", "999999", env=ZH, check=False)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip() == "sellerdesk-cli：错误：客户 999999 不存在或已在回收站；没有做任何更改"
    moved = cli("trash", "1", env=ZH).stdout
    assert moved.startswith("已把 1 位客户移到回收站")


def test_c_locale_gives_english_with_real_plurals(initialized_cli):
    cli = initialized_cli
    assert add_zhang(cli, C).stdout.strip() == "Added customer 1: 张三"
    assert cli("list", env=C).stdout.rstrip().endswith("\n1 customer")
    cli("add", "--name", "李四", "--phone", "13912345678", env=C)
    assert cli("list", env=C).stdout.rstrip().endswith("\n2 customers")
    proc = cli("trash", "999999", env=C, check=False)
    assert proc.stderr.strip() == (
        "sellerdesk-cli: error: customer 999999 not found or already in the Trash; nothing was changed"
    )


def test_json_keys_and_values_stay_english(initialized_cli):
    cli = initialized_cli
    english = json.loads(cli("add", "--name", "王五", "--json", env=C).stdout)
    chinese = json.loads(cli("add", "--name", "赵六", "--json", env=ZH).stdout)
    assert sorted(chinese) == sorted(english) and chinese["name"] == "赵六"


def test_a_refused_file_and_a_store_error_in_chinese(initialized_cli, tmp_path):
    cli = initialized_cli
    proc = cli("import", str(tmp_path / "没有.xlsx"), env=ZH, check=False)
    assert proc.returncode == 1 and proc.stderr.strip() == "sellerdesk-cli：错误：找不到文件：没有.xlsx"
    proc = cli("list", env={**ZH, "SELLERDESK_PASSPHRASE": "wrong wrong wrong 123"}, check=False)
    assert proc.returncode == 1
    assert (
        proc.stderr.strip() == "sellerdesk-cli：错误：密码或恢复码不对：打不开这个客户地址管家数据库。没有做任何更改。"
    )


@pytest.mark.parametrize(
    ("env", "argv", "expected"),
    [
        (C, ["--lang", "zh_CN"], "zh"),  # --lang first
        ({**ZH, "SELLERDESK_LANG": "en"}, [], "en"),  # then $SELLERDESK_LANG
        ({**C, "SELLERDESK_LANG": "zh_CN"}, [], "zh"),
        ({**NO_LOCALE, "LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, [], "zh"),  # LC_ALL over LANG
        ({**NO_LOCALE, "LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, [], "zh"),  # LANGUAGE as gettext reads it
        ({**C, "LANGUAGE": "zh_CN"}, [], "en"),  # ...but not under the C locale
        ({**NO_LOCALE, "LANG": "zh"}, [], "zh"),
        (NO_LOCALE, [], "en"),  # nothing says anything (no settings.ini)
    ],
)
def test_which_language(cli, env, argv, expected):
    proc = cli(*argv, "parse-address", "x", "--batch", env=env, check=False)
    assert proc.returncode == 1
    assert ("请给出 TEXT 或 --batch" in proc.stderr) == (expected == "zh"), proc.stderr


def test_the_apps_language_setting_counts_when_no_locale_is_set(cli, isolated_environment):
    home = Path(cli.env["SELLERDESK_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.ini").write_text("[ui]\nlanguage=zh_CN\n", "utf-8")
    assert "请给出" in cli("parse-address", "x", "--batch", env=NO_LOCALE, check=False).stderr
    assert "give either" in cli("parse-address", "x", "--batch", env=C, check=False).stderr  # an env says otherwise


def test_help_lists_the_commands_in_chinese(cli):
    out = cli("--help", env=ZH).stdout
    assert out.startswith("用法：sellerdesk-cli") and "从回收站找回客户" in out and "显示帮助并退出" in out
    assert "bring customers back from the Trash" in cli("--help", env=C).stdout
    assert "从回收站找回客户" in cli("untrash", "--help", env=ZH).stdout  # a command's own --help


def test_version_reads_no_translation(cli):
    messages._zh_tables.cache_clear()
    cli("--version", env=ZH)
    assert messages._zh_tables.cache_info().currsize == 0


@pytest.mark.parametrize("reason", sorted(STORAGE_MESSAGES))
def test_every_storage_line_uses_the_apps_translation(monkeypatch, reason):
    """The store's English line and the app's StorageError row are the same text: a change
    of one without the other would leave the CLI English."""
    error = next(cls for cls in StorageError.__subclasses__() if cls.reason == reason)("/data/x.db")
    monkeypatch.setattr(messages, "_chosen", "zh_CN")
    text = store_errors.translated(error)
    assert text and text != str(error)
    assert ("/data/x.db" in text) == ("{where}" in STORAGE_MESSAGES[reason])
    monkeypatch.setattr(messages, "_chosen", "en")
    assert store_errors.translated(error) == str(error)


def test_storage_line_in_chinese(monkeypatch):
    monkeypatch.setattr(messages, "_chosen", "zh_CN")
    assert store_errors.translated(DiskFullError()) == (
        "SellerDesk 数据文件夹 所在的磁盘已满，SellerDesk 无法保存。请在该磁盘上腾出空间后重试；数据没有任何改动。"
    )


def load_i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_check_catches_a_cli_message_without_translation():
    tool = load_i18n_tool()
    table = tool.load_tables()
    assert tool.cli_problems(table) == ([], [], [])
    key = ("cli", "{n} customer(s)")
    broken = {k: v for k, v in table.items() if k != key}
    broken[("cli", "a text no code prints")] = "没人用"
    broken[("cli", "Added customer {id}: {name}")] = "已添加客户 {编号}：{name}"
    missing, unused, fields = tool.cli_problems(broken)
    assert missing == [key]
    assert unused == [("cli", "a text no code prints")]
    assert len(fields) == 1 and "Added customer" in fields[0]


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("en", 1, "All 1 customer restored."),
        ("en", 3, "All 3 customers restored."),
        ("zh_CN", 1, "1 位客户已全部恢复。"),
    ],
)
def test_the_restore_count_has_its_plural(monkeypatch, language, n, expected):
    monkeypatch.setattr(messages, "_chosen", language)
    assert messages._("All {n} customer(s) restored.", n=n) == expected


def test_a_broken_translation_prints_english_not_a_crash(monkeypatch):
    monkeypatch.setattr(messages, "_chosen", "zh_CN")
    monkeypatch.setitem(messages._zh_tables(False), ("cli", "Added customer {id}: {name}"), "已添加客户 {编号}")
    assert messages._("Added customer {id}: {name}", id=1, name="张三") == "Added customer 1: 张三"
