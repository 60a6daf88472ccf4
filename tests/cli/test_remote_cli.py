"""``list --json`` and ``orders --json`` say whether the customer / order is in a 偏远地区."""

import json

import pytest

from sellerdesk.cli import main


@pytest.fixture
def run(isolated_environment, monkeypatch, capsys, fast_kdf):
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", "test passphrase 123")

    def call(*args):
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    call("init")
    return call


def _lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_list_and_orders_json_carry_the_remote_flag(run):
    far = json.loads(
        run("add", "--name", "阿依", "--phone", "13912345678", "--address", "新疆乌鲁木齐市天山区某路1号", "--json")
    )
    near = json.loads(
        run("add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号", "--json")
    )
    nowhere = json.loads(run("add", "--name", "无地址", "--phone", "13700000000", "--json"))
    flags = {doc["id"]: doc["remote"] for doc in _lines(run("list", "--json"))}
    assert flags == {far["id"]: True, near["id"]: False, nowhere["id"]: False}
    run("order", "add", far["id"], "--amount", "10")
    run("order", "add", near["id"], "--amount", "10")
    assert {doc["customer_id"]: doc["remote"] for doc in _lines(run("orders", "--json"))} == {
        far["id"]: True,
        near["id"]: False,
    }
    from sellerdesk.cli.context import open_store
    from sellerdesk.store import remote_areas

    with open_store():
        remote_areas.save_entries(["广东深圳"])
    flags = {doc["id"]: doc["remote"] for doc in _lines(run("list", "--json"))}
    assert flags == {far["id"]: False, near["id"]: True, nowhere["id"]: False}


def test_remote_areas_command(run):
    assert run("remote-areas").splitlines()[:2] == ["新疆维吾尔自治区", "西藏自治区"]
    assert run("remote-areas", "set", "新疆", "甘孜州", "港澳台").splitlines() == [
        "新疆维吾尔自治区",
        "四川省甘孜藏族自治州",
        "港澳台",
    ]
    assert json.loads(run("remote-areas", "--json")) == {
        "entries": ["新疆维吾尔自治区", "四川省甘孜藏族自治州", "港澳台"]
    }
    assert len(run("remote-areas", "reset").splitlines()) == 6


def test_remote_areas_refuses_a_bad_entry_and_keeps_the_list(isolated_environment, monkeypatch, capsys, fast_kdf):
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", "test passphrase 123")
    assert main(["init"]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "remote-areas", "set", "西藏", "火星"]) == 1
    assert "'火星' is not a province, city or county" in capsys.readouterr().err
    assert main(["--lang", "en", "remote-areas", "set", "朝阳区"]) == 1
    assert "names several places" in capsys.readouterr().err
    assert main(["--lang", "en", "remote-areas", "set", ""]) == 1  # ("$UNSET" in a script)
    assert "an empty entry" in capsys.readouterr().err
    assert main(["remote-areas", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["entries"]) == 6
