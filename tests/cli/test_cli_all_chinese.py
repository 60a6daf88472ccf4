"""Under a Chinese locale no English sentence is left in the CLI's --help or usage errors.

The parser is walked, not listed: a command added later (by any module in
``COMMAND_MODULES``) is checked the day it is registered. What may stay Latin is what the
user types or reads as a name: option strings, command names, choices, placeholders
(``ID``, ``YYYY-MM-DD``), quoted examples, ``$VARIABLES``, file suffixes and a few
proper names (:data:`NAMES`).
"""

from __future__ import annotations

import argparse
import re

import pytest

from sellerdesk.cli import build_parser

ZH = {"LANG": "zh_CN.UTF-8", "LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "SELLERDESK_LANG": None}

NAMES = ("JSON Lines", "JSON", "SellerDesk Backups", "SellerDesk", "sellerdesk-cli", "PostgreSQL")
"""Names that are the same in Chinese text (a format, the backup folder, the product, the program, the server)."""

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}|\[[^\]]*\]")  # examples, choices, usage brackets
_TOKEN = re.compile(r"[\x21-\x7e]+")  # a run of Latin letters, digits and signs
_CODE_LIKE = re.compile(r"[-|/,._=@$<>:0-9]")  # --option, a|b, a/b, a,b, .xlsx, $HOME, 2024…
_WORD = re.compile(r"[A-Za-z]{2,}")


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, parser) of the program and of every command and sub-command under it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from walk(sub, (*path, name))


def typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """Everything the user may type: command names, option strings, choices, dests."""
    words: set[str] = set()
    for _path, p in walk(parser):
        for action in p._actions:
            words.update(action.option_strings)
            words.add(action.dest)
            if action.metavar:
                words.add(str(action.metavar))
            if action.choices:
                words.update(map(str, action.choices))
    return words


def english_lines(text: str, allowed: set[str]) -> list[str]:
    """The lines of ``text`` that still hold an English word besides what is allowed."""
    found = []
    for line in text.splitlines():
        rest = _QUOTED.sub(" ", line)
        for name in NAMES:
            rest = rest.replace(name, " ")
        words = []
        for token in _TOKEN.findall(rest):
            bare = token.strip("():;,").rstrip(".")  # a leading dot: a suffix (.xlsx)
            if not bare or bare in allowed or _CODE_LIKE.search(bare) or bare.isupper():
                continue
            words += _WORD.findall(bare)
        if words:
            found.append(line)
    return found


PARSER = build_parser()
PATHS = [path for path, _parser in walk(PARSER)]
ALLOWED = typed_words(PARSER)


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "sellerdesk-cli")
def test_help_has_no_english_in_chinese(cli, path):
    out = cli(*path, "--help", env=ZH).stdout
    assert out.startswith("用法：")
    assert english_lines(out, ALLOWED) == []
    # headings end like 用法： (argparse wrote 位置参数: and 选项: with an ASCII colon)
    assert [line for line in out.splitlines() if re.fullmatch(r"\S.*[^\x00-\x7f]:", line)] == []
    assert "选项：" in out


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "sellerdesk-cli")
def test_a_usage_error_is_chinese(cli, path):
    proc = cli(*path, "--no-such-option", env=ZH, check=False)
    assert proc.returncode == 2
    assert "：错误：" in proc.stderr.splitlines()[-1], proc.stderr  # unrecognized, or a required argument first
    assert english_lines(proc.stderr, ALLOWED) == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show"], "sellerdesk-cli show：错误：缺少必需的参数：ID"),
        (["show", "abc"], "参数 ID：'abc' 不是编号（应为正整数）"),
        (["frobnicate"], "参数 COMMAND：无效的选项 'frobnicate'（可选："),
        (["import", "--on-duplicate", "x", "f.xlsx"], "无效的选项 'x'（可选：'merge', 'skip', 'update', 'new'）"),
        (["list", "--limit"], "参数 --limit：需要一个值"),
        (["points", "settings", "--on", "--off"], "参数 --off：不能和 --on 一起使用"),
        (["order", "add", "1"], "缺少必需的参数：--amount"),
        (["--lang", "xx", "list"], "参数 --lang：无效的选项 'xx'"),  # a wrong --lang: the locale's language
    ],
)
def test_argparse_errors_in_chinese(cli, argv, expected):
    proc = cli(*argv, env=ZH, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("用法：sellerdesk-cli")
    assert expected in proc.stderr, proc.stderr
    assert english_lines(proc.stderr, ALLOWED) == []


def test_argparse_errors_stay_english_in_english(cli):
    proc = cli("show", env={**ZH, "SELLERDESK_LANG": "en"}, check=False)
    assert proc.stderr.splitlines() == [
        "usage: sellerdesk-cli show [-h] [--json] [--mask] ID",
        "sellerdesk-cli show: error: the following arguments are required: ID",
    ]


def test_the_checker_finds_english():
    allowed = {"--json", "show"}
    assert english_lines("  --json      以 JSON 输出结果", allowed) == []
    assert english_lines("  --json      print the result as JSON", allowed) == [
        "  --json      print the result as JSON"
    ]
    assert english_lines("用法：sellerdesk-cli show [-h] [--json] ID", allowed) == []
    assert english_lines("例如 '广东省 with 杭州市' 或 pending|shipped", allowed) == []
    assert english_lines("需要 shipped 状态", allowed) == ["需要 shipped 状态"]


# --- refusals of the store and of core, passed on by the commands ----------------------------------------------------

REFUSALS = [
    (["add", "--name", "张三", "--phone", "123"], "'123' 不是中国大陆的手机或座机号码。"),
    (["add", "--name", "张三", "--province", "广东省", "--city", "杭州市"], "杭州市 不在 广东省。没有保存；加 --force"),
    (
        ["add", "--name", "张三", "--phone", "12", "--postal-code", "1", "--province", "广东省"],
        "号码。'1' 不是 6 位邮政编码。",
    ),
    (["add", "--name", "张三", "--province", "火星", "--detail", "科技园1号"], "'火星' 不是已知的省份。"),
    (["add", "--name", "x" * 300], "姓名太长：300 个字，最多 100 个。"),
    (["show", "999"], "没有编号为 999 的客户。"),
    (["orders", "--customer", "999"], "没有编号为 999 的客户。"),
    (["order", "add", "1", "--amount", "abc"], "--amount：不是金额：'abc'（例如 128.50 或 ¥1,234.50）。"),
    (["order", "add", "1", "--amount", "-5"], "--amount：金额不能是负数：'-5'。"),
    (["order", "add", "1", "--amount", "10", "--date", "2099-01-01"], "下单日期 2099-01-01 是将来的日子。"),
    (["order", "add", "1", "--amount", "10", "--date", "2024-02-30"], "--date '2024-02-30' 不是日历上存在的日期"),
    (["order", "add", "1", "--amount", "10", "--status", "foo"], "未知的订单状态 'foo'"),
    (["order", "add", "1", "--amount", "10", "--items", "面膜 x0"], "--items：'面膜' 的数量必须是 1 到"),
    (["order", "add", "1", "--amount", "10", "--address", "999"], "没有编号为 999 的地址。"),
    (["order", "show", "999"], "没有编号为 999 的订单。"),
    (["order", "update", "1", "--status", "delivered"], "订单 1：订单不能从 待发货 改为 已签收"),
    (["tier", "set", "1", "foo"], "未知的等级 'foo'；可选：普通, 银卡, 金卡, 钻石"),
    (["tiers", "rule", "silver", "--spend", "100000"], "金卡 的消费门槛必须高于 银卡 的。"),
    (["points", "redeem", "1", "5", "--note", "x"], "客户 1 只有 0 积分，不能兑换 5 积分。"),
    (["points", "settings", "--per-yuan", "5000"], "--per-yuan：每 ¥1 积分数必须在 0.01 到 1000 之间。"),
    (["verify", "没有.sdbackup"], "文件或文件夹不存在：没有.sdbackup"),
]


# the keys a refusal lists as what may be typed (besides 待发货 / 银卡 …)
VALUE_KEYS = {"pending", "shipped", "delivered", "cancelled", "refunded", "normal", "silver", "gold", "diamond"}


@pytest.fixture
def customer_with_order(initialized_cli):
    initialized_cli("add", "--name", "李四", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号")
    initialized_cli("order", "add", "1", "--amount", "10")
    return initialized_cli


@pytest.mark.parametrize(("argv", "expected"), REFUSALS, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_refusals_are_chinese(customer_with_order, argv, expected):
    proc = customer_with_order(*argv, env=ZH, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("sellerdesk-cli：错误：") and expected in proc.stderr, proc.stderr
    assert english_lines(proc.stderr, ALLOWED | VALUE_KEYS) == []


def test_a_kept_wrong_value_warns_in_chinese(initialized_cli):
    proc = initialized_cli("add", "--name", "张三", "--phone", "12345", "--force", env=ZH)
    assert (
        proc.stderr.strip() == "sellerdesk-cli：警告：'12345' 不是中国大陆的手机或座机号码。已保存，并标记为 需核对。"
    )


def test_refusals_stay_english_in_english(customer_with_order):
    proc = customer_with_order(
        "order", "add", "1", "--amount", "10", "--date", "2099-01-01", env={"LANG": "C"}, check=False
    )
    assert proc.stderr.strip() == "sellerdesk-cli: error: The order date 2099-01-01 is in the future."


def test_a_weak_passphrase_is_refused_in_chinese(cli):
    proc = cli("init", env={**ZH, "SELLERDESK_PASSPHRASE": "abc"}, check=False)
    assert proc.stderr.strip() == (
        "sellerdesk-cli：错误：SELLERDESK_PASSPHRASE 太短：至少需要 8 个字符；没有创建数据库。"
        "请用三四个和你本人、你的店铺都无关的词。"
    )


def test_an_unknown_english_refusal_is_printed_as_it_is(monkeypatch):
    from sellerdesk.cli import messages
    from sellerdesk.cli.store_errors import english_text

    monkeypatch.setattr(messages, "_chosen", "zh_CN")
    assert english_text("Something nobody wrote a template for.") == "Something nobody wrote a template for."
    assert english_text("The ship date 2099-01-01 is in the future.") == "发货日期 2099-01-01 是将来的日子。"


@pytest.mark.parametrize(
    "argv",
    [["list"], ["orders"], ["show", "1"], ["order", "show", "1"], ["tiers"], ["points", "show", "1"]],
    ids=" ".join,
)
def test_tables_and_summaries_are_chinese(customer_with_order, argv):
    out = customer_with_order(*argv, env=ZH).stdout
    if argv == ["show", "1"]:
        out = out[out.index("\n}\n") + 3 :]  # after the customer's JSON (keys stay English)
    assert english_lines(out, ALLOWED | VALUE_KEYS | {"UTC"}) == [], out


def test_courier_templates_are_listed_without_a_file(cli):
    assert "\ngeneric\t" in cli("export", "--list-templates", env=ZH).stdout
    proc = cli("export", env=ZH, check=False)
    assert (
        proc.returncode == 2
        and proc.stderr.strip() == "sellerdesk-cli：错误：请给出要写入的 .xlsx 文件（或用 --list-templates）"
    )


def test_import_progress_and_summary_are_chinese(initialized_cli, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "手机", "地址"])
    book.active.append(["张三", "13812345678", "广东省深圳市南山区科技园1号"])
    path = tmp_path / "客户.xlsx"
    book.save(path)
    proc = initialized_cli("import", str(path), "--dry-run", "--progress", env=ZH)
    assert "读取：" in proc.stderr and "检查各行：" in proc.stderr
    assert english_lines(proc.stderr + proc.stdout, ALLOWED) == [], proc.stderr + proc.stdout
