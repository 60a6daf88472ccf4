"""The zh_CN CLI names codes as the app does (QA M4): audit actions, entities and details, the
points ledger's own notes and order statuses come from ``core.labels``, the app's rows; ``--json``
keeps the codes."""

from __future__ import annotations

import json

import pytest

from sellerdesk.core import labels

ZH = {"SELLERDESK_LANG": "zh_CN"}


@pytest.fixture
def shop(initialized_cli):
    cli = initialized_cli
    cid = json.loads(cli("add", "--name", "张三", "--phone", "13812345678", "--json").stdout)["id"]
    cli("points", "settings", "--on")
    oid = cli("order", "add", str(cid), "--amount", "100").stdout.strip()
    cli("order", "update", oid, "--status", "cancelled")  # the points are taken back
    cli("followup", "add", str(cid), "--note", "问了尺码")
    cli("tier", "set", str(cid), "金卡")
    return cli, cid, oid


def test_points_notes_are_the_apps_words(shop):
    cli, cid, _oid = shop
    out = cli("points", "show", str(cid), env=ZH).stdout
    assert "订单获得" in out and "扣回：订单已不计入" in out
    assert "order no longer counts" not in out
    notes = [e["note"] for e in json.loads(cli("points", "show", str(cid), "--json").stdout)["history"]]
    assert "order no longer counts" in notes and "order" in notes  # --json: the stored codes


def test_audit_actions_and_details_are_the_apps_words(shop):
    cli, _cid, _oid = shop
    out = cli("audit", env=ZH).stdout
    for word in ("记录回访", "手动设置等级", "修改订单", "字段=状态", "类型=回访", "等级=gold", "积分/¥100=100"):
        assert word in out, out
    for raw in ("add_follow_up", "tier_set", "kind=followup", "closed=0", "['status']", "per_yuan_hundredths"):
        assert raw not in out, (raw, out)
    actions = {e["action"] for e in cli.json_lines("audit", "--json")}
    assert {"add_follow_up", "tier_set", "update_order"} <= actions
    assert actions <= set(labels.AUDIT_ACTIONS.texts)  # every code written here has its words


def test_a_refused_status_move_names_the_statuses_as_the_app_does(initialized_cli):
    cli = initialized_cli
    cid = json.loads(cli("add", "--name", "张三", "--phone", "13812345678", "--json").stdout)["id"]
    oid = cli("order", "add", str(cid), "--amount", "100").stdout.strip()
    proc = cli("order", "update", oid, "--status", "delivered", env=ZH, check=False)
    assert proc.returncode == 1
    assert "订单不能从 待发货 改为 已签收（待发货 只能改为：已取消、已退款、已发货）" in proc.stderr, proc.stderr
    proc = cli("--lang", "en", "order", "update", oid, "--status", "delivered", check=False)
    assert "cannot go from pending to delivered (from pending: cancelled, refunded, shipped)." in proc.stderr


def test_the_labels_cover_every_code_the_store_writes():
    from sellerdesk.core import orders
    from sellerdesk.store import points

    assert set(labels.ORDER_STATUSES.texts) == set(orders.STATUSES)
    assert {points.NOTE_EARNED, points.NOTE_REVERSED, points.NOTE_CHANGED} == set(labels.POINTS_NOTES.texts)
