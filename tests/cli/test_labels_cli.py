"""``sellerdesk-cli labels``: the PDF (painted in a child process: the CLI itself loads no Qt)."""

import json

from pdf_text import pdf_text


def _shop(cli):
    zs = json.loads(
        cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东深圳南山区科技园1号", "--json").stdout
    )
    ly = json.loads(
        cli("add", "--name", "阿依", "--phone", "13987654321", "--address", "新疆乌鲁木齐天山区1号", "--json").stdout
    )
    orders = [
        cli("order", "add", str(zs["id"]), "--amount", "10", "--items", "面膜 x2", "--order-no", "WX-1").stdout.strip(),
        cli("order", "add", str(ly["id"]), "--amount", "10", "--items", "枸杞", "--order-no", "WX-2").stdout.strip(),
        cli(
            "order", "add", str(ly["id"]), "--amount", "10", "--order-no", "WX-3", "--status", "shipped"
        ).stdout.strip(),
    ]
    return zs["id"], ly["id"], orders


def test_pending_orders_by_default_without_a_sender(initialized_cli, tmp_path):
    cli = initialized_cli
    _shop(cli)
    out = tmp_path / "a4.pdf"
    proc = cli("--lang", "en", "labels", str(out))
    assert "Wrote 2 labels on 1 page" in proc.stdout and "No sender is saved" in proc.stderr
    (page,) = pdf_text(out)
    assert "WX-1" in page and "WX-2" in page and "WX-3" not in page and "13812345678" in page


def test_thermal_masked_with_a_named_sender(initialized_cli, tmp_path, monkeypatch):
    cli = initialized_cli
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", cli.env["SELLERDESK_PASSPHRASE"])
    _zs, _ly, orders = _shop(cli)
    from sellerdesk.cli.context import open_store
    from sellerdesk.store import senders

    with open_store():
        senders.save_senders(
            [
                {"label": "杭州仓", "name": "王小二", "phone": "13700001111", "is_default": True},
                {"label": "广州仓", "name": "李姐", "phone": "13600002222"},
            ]
        )
    out = tmp_path / "t.pdf"
    cli("labels", str(out), "--layout", "thermal", "--orders", ",".join(orders), "--mask", "--sender", "广州仓")
    pages = pdf_text(out)
    assert len(pages) == 3 and "李姐" in pages[0] and "王小二" not in "".join(pages)
    assert "136****2222" in pages[0] and "138****5678" in pages[0] and "13812345678" not in pages[0]


def test_customers_and_refusals(initialized_cli, tmp_path):
    cli = initialized_cli
    zs, ly, _orders = _shop(cli)
    out = tmp_path / "c.pdf"
    cli("labels", str(out), "--customers", f"{zs},{ly}")
    assert len(pdf_text(out)) == 1
    bad = cli("--lang", "en", "labels", str(tmp_path / "x.pdf"), "--sender", "nobody", check=False)
    assert bad.returncode == 1 and "no sender called 'nobody'" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
    bad = cli("--lang", "en", "labels", str(tmp_path / "x.txt"), check=False)
    assert bad.returncode == 1 and ".pdf" in bad.stderr
    bad = cli("--lang", "en", "labels", str(tmp_path / "x.pdf"), "--orders", "999", check=False)
    assert bad.returncode == 1 and "No order with id 999." in bad.stderr
    bad = cli("labels", str(tmp_path / "x.pdf"), "--orders", "1", "--customers", "1", check=False)
    assert bad.returncode == 2
    bad = cli("--lang", "en", "labels", str(tmp_path / "nofolder" / "x.pdf"), check=False)
    assert bad.returncode == 1 and "the folder" in bad.stderr and "does not exist" in bad.stderr
    bad = cli("--lang", "zh_CN", "labels", str(tmp_path / "nofolder" / "x.pdf"), check=False)
    assert bad.returncode == 1 and "文件夹" in bad.stderr and "not" not in bad.stderr  # one Chinese line


def test_export_summary_counts_remote_customers(initialized_cli, tmp_path):
    cli = initialized_cli
    _shop(cli)
    proc = cli("--lang", "zh_CN", "export", str(tmp_path / "e.xlsx"))
    assert "1 位客户在偏远地区" in proc.stdout
    doc = json.loads(cli("export", str(tmp_path / "f.xlsx"), "--json").stdout)
    assert doc["remote_customers"] == 1


def test_an_unknown_id_is_one_line_without_the_sender_warning_first(initialized_cli, tmp_path):
    cli = initialized_cli
    zs, _ly, _orders = _shop(cli)  # (no sender saved)
    for args, line in (
        (("--orders", "999"), "没有编号为 999 的订单。"),
        (("--customers", f"{zs},998"), "998"),
    ):
        bad = cli("--lang", "zh_CN", "labels", str(tmp_path / "x.pdf"), *args, check=False)
        assert bad.returncode == 1
        lines = bad.stderr.strip().splitlines()
        assert len(lines) == 1 and line in lines[0], bad.stderr
        assert "寄件人" not in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_label_a_courier_would_refuse_is_named_and_exits_3(initialized_cli, tmp_path):
    """QA (M2): a customer with phone abc and no province got a label without a word. Each such
    label is named on stderr with what it lacks; the others print; the exit says "done, with warnings"."""
    cli = initialized_cli
    good = json.loads(
        cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东深圳南山区科技园1号", "--json").stdout
    )["id"]
    bad = json.loads(
        cli("add", "--name", "火星人", "--phone", "abc", "--address", "火星市不知道区", "--force", "--json").stdout
    )["id"]
    out = tmp_path / "c.pdf"
    proc = cli("labels", str(out), "--customers", f"{good},{bad}", check=False, env={"SELLERDESK_LANG": "zh_CN"})
    assert proc.returncode == 3, proc
    lines = [line for line in proc.stderr.splitlines() if "火星人" in line]
    assert len(lines) == 1 and "收件省" in lines[0] and "收件市" in lines[0] and "有效的电话" in lines[0], proc.stderr
    assert "张三" not in proc.stderr
    (page,) = pdf_text(out)
    assert "13812345678" in page


def test_a_sender_asked_for_when_none_is_saved_says_how_to_add_one(initialized_cli, tmp_path):
    """QA (L4): `labels --sender 不存在` said 已保存的寄件人：- ."""
    cli = initialized_cli
    _shop(cli)
    for argv in (
        ("labels", str(tmp_path / "a.pdf"), "--sender", "不存在"),
        ("export", str(tmp_path / "w.xlsx"), "--orders", "pending", "--sender", "不存在"),
    ):
        proc = cli(*argv, check=False, env={"SELLERDESK_LANG": "zh_CN"})
        assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc
        assert "还没有保存任何寄件人" in proc.stderr and "senders --add" in proc.stderr and "：-" not in proc.stderr


def test_waybills_with_empty_required_cells_exit_3(initialized_cli, tmp_path):
    """QA (M2, L4): a waybill sheet without a sender or a 收件省/市 was written with exit 0."""
    cli = initialized_cli
    _shop(cli)
    proc = cli("export", str(tmp_path / "w.xlsx"), "--orders", "pending", "--template", "sf", check=False)
    assert proc.returncode == 3 and (tmp_path / "w.xlsx").exists(), proc


def test_a_full_disk_is_named_and_no_file_is_left(initialized_cli, tmp_path, monkeypatch):
    """Stranger QA: on a full disk `labels` said 已将 1 个标签写入 … (exit 0) and left an empty PDF."""
    import sys

    from sellerdesk.cli import labels_cmds

    cli = initialized_cli
    _shop(cli)
    full_disk = (  # the real painter, on a disk that fills when the file is flushed
        "import errno, os, runpy\n"
        "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = full\n"
        "runpy.run_module('sellerdesk.ui.shipping.render_pdf', run_name='__main__')\n"
    )
    monkeypatch.setattr(labels_cmds, "painter_command", lambda: [sys.executable, "-c", full_disk])
    out = tmp_path / "a4.pdf"
    proc = cli("--lang", "zh_CN", "labels", str(out), check=False)
    assert proc.returncode == 1
    assert f"无法写入 {out}：磁盘空间已满" in proc.stderr and "已将" not in proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1  # the cause alone: no sender note before it (QA L9)
    assert list(tmp_path.iterdir()) == []
