"""`sellerdesk-cli init` applies the same master-password rule as the first-run wizard (in-process)."""

import json

import pytest

from sellerdesk.cli import main


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("woaini1314", "most common passwords"),
        ("zhangsan1990", "names in pinyin"),
        ("13812345678", "phone"),
        ("liu xiao ming", "names in pinyin"),
        ("short", "too short"),
    ],
)
def test_init_refuses_a_weak_passphrase(isolated_environment, monkeypatch, capsys, passphrase, reason):
    """One line, exit 1, and neither a key file nor a database."""
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", passphrase)
    assert main(["init"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and reason in captured.err and "nothing was created" in captured.err
    assert "Traceback" not in captured.err
    assert not (isolated_environment / "sellerdesk.keys.json").exists()
    assert not (isolated_environment / "sellerdesk.db").exists()


def test_init_accepts_a_strong_passphrase(isolated_environment, monkeypatch, capsys, fast_kdf):
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", "hidden kettle morning river")
    assert main(["init", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "password"
    assert (isolated_environment / "sellerdesk.keys.json").exists()
