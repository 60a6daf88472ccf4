"""The team commands' gaps closed (issue 20): team user remove, a new user's password's minimum,
waybills for a helper who ships, the owner's backup without a local key, the server's reasons
translated, one connection per command."""

from __future__ import annotations

import json

import psycopg
import pytest
from test_cli import as_user


def _first_owner(team) -> dict[str, str]:
    """The team's first owner (``team init``'s user, who has CREATEROLE: users are theirs to add and remove)."""
    return {"SELLERDESK_DATABASE_URL": team.url}


def _roles(team) -> dict[str, bool]:
    with psycopg.connect(team.url, autocommit=True) as conn:
        names = list(team.names.values())
        rows = conn.execute("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(%s)", (names,))
        return dict(rows.fetchall())


def test_team_user_remove_disables_the_login_and_keeps_the_data(cli, team):
    south = team.names["south"]
    made = cli(
        "add",
        "--name",
        "助手的客户",
        "--phone",
        "13600000000",
        "--address",
        "广东省广州市天河区1号",
        env=as_user(team, "south"),
    )
    assert made.returncode == 0
    cli("team", "region", "assign", "华南", south, env=as_user(team, "boss"))
    # an owner whose CREATEROLE the server's admin took away: refused in one line, nothing changed
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute(f'ALTER ROLE "{team.names["boss"]}" NOCREATEROLE')
    refused = cli("team", "user", "remove", south, env=as_user(team, "boss"), check=False)
    assert refused.returncode == 1 and "CREATEROLE" in refused.stderr and _roles(team)[south] is True
    assert cli.json_lines("team", "region", "list", "--json", env=as_user(team, "boss")) == [{"华南": south}]
    out = cli("--lang", "zh_CN", "team", "user", "remove", south, env=_first_owner(team)).stdout
    assert "已将" in out and south in out and "华南" in out
    assert _roles(team)[south] is False  # the login is disabled, not dropped
    refused = cli("list", env=as_user(team, "south"), check=False)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    users = {u["name"] for u in cli.json_lines("team", "user", "list", "--json", env=as_user(team, "boss"))}
    assert south not in users
    assert cli.json_lines("team", "region", "list", "--json", env=as_user(team, "boss")) == [{}]
    customers = {c["name"] for c in cli.json_lines("list", "--json", env=as_user(team, "boss"))}
    assert "助手的客户" in customers  # nothing of the data is lost
    with psycopg.connect(team.url, autocommit=True) as conn:
        assert conn.execute("SELECT created_by FROM customer WHERE name = '助手的客户'").fetchone()[0] == south
    # the way back: the same name added again logs in with its new password
    added = cli("team", "user", "add", south, "--role", "helper", "--regions", "华南", "--json", env=_first_owner(team))
    team.passwords["south"] = json.loads(added.stdout)["password"]
    assert {c["name"] for c in cli.json_lines("list", "--json", env=as_user(team, "south"))} >= {"助手的客户"}


def test_team_user_remove_refuses_oneself_the_last_owner_and_a_stranger(cli, team):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import TeamUser

    boss = team.names["boss"]
    out = cli("--lang", "zh_CN", "team", "user", "remove", boss, env=as_user(team, "boss"), check=False)
    assert out.returncode == 1 and out.stderr.strip().endswith(f"不能移除你自己（{boss}），请让另一位所有者来做。")
    out = cli("team", "user", "remove", "nobody_here", env=as_user(team, "boss"), check=False)
    assert out.returncode == 1 and "No team user 'nobody_here'" in out.stderr
    out = cli("team", "user", "remove", boss, env=as_user(team, "east"), check=False)
    assert out.returncode == 1 and "Only an owner" in out.stderr
    open_team(team.url)  # the superuser, once the team's first owner, is no team user any more
    try:
        me = store_team.current_user()
        TeamUser.delete().where(TeamUser.name == me).execute()
        with pytest.raises(store_team.TeamError) as refused:
            store_team.remove_user(boss)
        assert refused.value.code == "last_owner"
        assert TeamUser.select().where(TeamUser.name == boss).exists()
    finally:
        close_store()
    assert _roles(team)[boss] is True


def test_a_new_users_password_has_the_apps_minimum(cli, team):
    env = {**as_user(team, "boss"), "SELLERDESK_NEW_PASSWORD": "ab"}
    out = cli("--lang", "zh_CN", "team", "user", "add", "shorty_x1", "--role", "viewer", env=env, check=False)
    assert out.returncode == 1 and out.stderr.strip().endswith("团队用户的密码至少需要 8 个字符。")
    with psycopg.connect(team.url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'shorty_x1'").fetchone()[0] == 0


def test_waybills_for_a_helper_who_may_see_phones(cli, team, tmp_path):
    """A helper who ships exports the waybills of their regions' orders; one whose phones are
    masked is told why not (couriers need the full number), in one line."""
    target = tmp_path / "east.csv"
    out = cli(
        "export",
        str(target),
        "--orders",
        "pending",
        "--template",
        "split_region",
        env=as_user(team, "east"),
        check=False,
    )
    # written; exit 3 (done with warnings): no sender is saved and the fixture's order has no ship-to snapshot
    assert out.returncode == 3 and target.exists() and "收件省: required but empty" in out.stdout
    text = target.read_bytes().decode("gbk")
    assert "浙江客户,13812345678" in text and "广东客户" not in text  # their region's order only, the full phone
    masked = cli(
        "--lang",
        "zh_CN",
        "export",
        str(tmp_path / "s.csv"),
        "--orders",
        "pending",
        env=as_user(team, "south"),
        check=False,
    )
    assert masked.returncode == 1 and "完整手机号" in masked.stderr
    assert len(masked.stderr.strip().splitlines()) == 1 and not (tmp_path / "s.csv").exists()
    plain = cli("export", str(tmp_path / "c.xlsx"), env=as_user(team, "east"), check=False)  # customers: still no
    assert plain.returncode == 1 and "may not run 'export'" in plain.stderr


def test_the_owners_backup_without_a_local_key_says_what_to_do(cli, team, tmp_path):
    out = cli("--lang", "zh_CN", "backup", "--to", str(tmp_path), env=as_user(team, "boss"), check=False)
    assert out.returncode == 1 and "sellerdesk-cli init" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_the_servers_english_reason_is_translated_and_logged(cli):
    import os
    from pathlib import Path

    nowhere = {"SELLERDESK_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/shop?connect_timeout=2"}
    out = cli("--lang", "zh_CN", "list", env=nowhere, check=False)
    assert out.returncode == 1 and "没有服务应答" in out.stderr
    assert "refused" not in out.stderr.lower() and "connection" not in out.stderr.lower()
    logs = "".join(p.read_text(encoding="utf-8") for p in Path(os.environ["SELLERDESK_HOME"]).rglob("*.log"))
    assert "refused" in logs.lower()  # the driver's own words: in the log only


def test_a_restricted_command_connects_once(cli, team, monkeypatch, tmp_path):
    from sellerdesk.store import database

    opened = []
    real = database.open_team

    def counting(*args, **kwargs):
        opened.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(database, "open_team", counting)
    out = cli("export", str(tmp_path / "x.xlsx"), env=as_user(team, "south"), check=False)
    assert out.returncode == 1 and len(opened) == 1
    opened.clear()
    cli("export-person", str(team.customers["广东"]), str(tmp_path / "p.json"), env=as_user(team, "boss"))
    assert len(opened) == 1


def test_regions_are_a_helper_s_and_a_helper_without_them_is_told(cli, team):
    """QA: `team user regions viewer 华东` said the viewer now saw 7 provinces (they see all), and a
    helper added without regions was accepted without a word (they see nothing)."""
    owner = _first_owner(team)
    refused = cli("--lang", "zh_CN", "team", "user", "regions", team.names["viewer"], "华东", env=owner, check=False)
    assert refused.returncode == 1 and "只有助手才有负责地区" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    name = "lonely_" + team.names["south"].split("_", 1)[1]
    team.names["lonely"] = name
    out = cli("--lang", "zh_CN", "team", "user", "add", name, "--role", "helper", env=owner)
    assert f"{name} 还没有负责地区，看不到任何客户" in out.stdout


def test_a_team_backup_skips_a_saved_folder_in_the_data_folder(cli, team, tmp_path):
    """As the local backup: a backup folder in the data folder (saved before the app refused it)
    is never written to — one translated line names the cause and the fix."""
    import os
    from pathlib import Path

    from sellerdesk.backup import settings as backup_settings

    home = Path(os.environ["SELLERDESK_HOME"])
    cli("init")  # this computer's key, which a team backup is encrypted with
    inside = home / "backups"
    inside.mkdir()
    backup_settings.save(home, backup_settings.BackupSettings(destinations=[str(inside)]))
    out = cli("--lang", "zh_CN", "backup", env=as_user(team, "boss"), check=False)
    assert out.returncode == 1 and "没有备份到" in out.stderr and "数据文件夹" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and list(inside.iterdir()) == []
