"""The CLI in team mode: SELLERDESK_DATABASE_URL / SELLERDESK_USER / SELLERDESK_PASSWORD, the team commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from pg_roles import drop_roles, pg_database_url
from sellerdesk.store.postgres import parse_url


def as_user(team, who: str) -> dict[str, str]:
    """The environment of ``who`` (the URL without a user; the user and password beside it)."""
    return {
        "SELLERDESK_DATABASE_URL": team.url,
        "SELLERDESK_USER": team.names[who],
        "SELLERDESK_PASSWORD": team.passwords[who],
    }


def test_team_init_user_add_list_and_assign(cli, pg_database):
    name = f"ann_{uuid.uuid4().hex[:8]}"
    env = {"SELLERDESK_DATABASE_URL": pg_database}
    try:
        out = cli("team", "init", "--url", pg_database, "--json", env=env).stdout
        owner = json.loads(out)["owner"]
        added = cli("team", "user", "add", name, "--role", "helper", "--regions", "华南,浙江", "--json", env=env)
        password = json.loads(added.stdout)["password"]
        assert len(password) >= 20
        cli("team", "region", "assign", "华南", name, env=env)
        users = {u["name"]: u for u in cli.json_lines("team", "user", "list", "--json", env=env)}
        assert users[owner]["role"] == "owner"
        assert users[name]["regions"] == ["华南", "浙江省"] and users[name]["phones"] is False
        assert users[name]["responsible_for"] == ["华南"]
        # the helper logs in with that password, through the environment
        helper = {**env, "SELLERDESK_USER": name, "SELLERDESK_PASSWORD": password}
        who = cli("team", "user", "list", env=helper, check=False)
        assert who.returncode == 1 and who.stderr.strip().endswith(": Only an owner of the team may do this.")
        wrong = cli("list", env={**env, "SELLERDESK_USER": name, "SELLERDESK_PASSWORD": "nope"}, check=False)
        assert wrong.returncode == 1 and "refused the login" in wrong.stderr and "nope" not in wrong.stderr
    finally:
        drop_roles(pg_database, [name])


def test_the_cli_logs_in_with_the_password_the_app_kept(cli, team, monkeypatch):
    """文件 › 团队服务器… and sellerdesk-cli use one keyring entry per user and server."""
    from sellerdesk.store import team_server
    from sellerdesk.store.secrets import MemorySecretStore
    from sellerdesk.store.team_server import TeamServer

    keyring = MemorySecretStore()
    monkeypatch.setattr(team_server, "SystemKeyring", lambda: keyring)
    env = {"SELLERDESK_DATABASE_URL": team.url, "SELLERDESK_USER": team.names["boss"]}  # the URL's password: not boss's
    refused = cli("list", env=env, check=False)
    assert refused.returncode == 1 and "refused the login" in refused.stderr
    params = parse_url(team.url)
    kept_by_the_app = TeamServer(
        host=params["host"], port=int(params["port"]), database=params["dbname"], user=team.names["boss"]
    )
    team_server.save_password(kept_by_the_app, team.passwords["boss"], keyring)
    assert cli("list", "--json", env=env).returncode == 0


def test_bad_team_requests_are_one_translated_line(cli, pg_database):
    out = cli("--lang", "zh_CN", "team", "user", "add", "bob", "--role", "helper", "--regions", "月球", check=False)
    assert out.returncode == 1 and out.stderr.strip().endswith("'月球' 既不是大区也不是省份。")
    out = cli("--lang", "zh_CN", "team", "user", "list", check=False)
    assert out.returncode == 1 and "SELLERDESK_DATABASE_URL" in out.stderr
    nowhere = {"SELLERDESK_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/shop?connect_timeout=2"}
    out = cli("list", env=nowhere, check=False)
    assert out.returncode == 1 and "cannot be reached" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_every_command_honours_the_team_server_owner_and_helper(cli, team):
    owner = cli.json_lines("list", "--json", env=as_user(team, "boss"))
    assert {c["name"] for c in owner} == {"广东客户", "浙江客户", "北京客户", "无地址"}
    helper = cli.json_lines("list", "--json", env=as_user(team, "south"))
    assert [c["name"] for c in helper] == ["广东客户"]
    assert helper[0]["phone"] == "138****5678"  # a helper without the phones flag: masked
    east = cli.json_lines("list", "--json", env=as_user(team, "east"))
    assert [c["phone"] for c in east] == ["13812345678"]
    shown = cli("show", str(team.customers["广东"]), "--json", env=as_user(team, "south"))
    assert json.loads(shown.stdout)["name"] == "广东客户"
    hidden = cli("show", str(team.customers["北京"]), env=as_user(team, "south"), check=False)
    assert hidden.returncode == 1 and f"No customer with id {team.customers['北京']}" in hidden.stderr
    from pathlib import Path

    assert not list(Path(os.environ["SELLERDESK_HOME"]).rglob("*.db"))  # no local database made or opened


@pytest.mark.parametrize(
    "command",
    [
        ["export", "out.xlsx"],
        ["export-person", "1", "p.json"],
        ["erase", "1", "--yes"],
        ["backup"],
        ["restore", "x.sdbackup"],
    ],
)
def test_a_helper_is_refused_export_erase_backup_restore(cli, team, command, tmp_path):
    out = cli("--lang", "zh_CN", *command, env=as_user(team, "south"), check=False)
    assert out.returncode == 1
    assert out.stderr.strip().endswith(f"团队中的助手不能运行 '{command[0]}'；请联系团队所有者。")
    assert len(out.stderr.strip().splitlines()) == 1


def test_two_users_in_two_processes_against_one_database(cli, team):
    add = ["add", "--name", "两广新客", "--phone", "13600000000", "--address", "广西南宁市青秀区民族大道1号"]
    with ThreadPoolExecutor(2) as pool:
        helper = pool.submit(cli.process, *add, env=as_user(team, "south"))
        owner = pool.submit(cli.process, "list", "--json", env=as_user(team, "boss"))
        helper.result(), owner.result()
    lines = cli.process("list", "--json", env=as_user(team, "south")).stdout.splitlines()
    south = [json.loads(line)["name"] for line in lines]
    assert sorted(south) == sorted(["广东客户", "两广新客"])
    boss = cli.process("list", "--json", env=as_user(team, "boss")).stdout.splitlines()
    assert len(boss) == 5
    outside = cli.process(
        "add",
        "--name",
        "京城客",
        "--phone",
        "13600000001",
        "--address",
        "北京市朝阳区建国路1号",
        env=as_user(team, "south"),
        check=False,
    )
    assert outside.returncode == 1 and "is not in the regions of" in outside.stderr  # not a generic refusal
    assert len(cli.process("list", "--json", env=as_user(team, "boss")).stdout.splitlines()) == 5


def test_psql_as_the_helper_counts_only_their_rows(team):
    psql = shutil.which("psql")
    if psql is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs the psql test: psql is not on PATH")
        pytest.skip("psql is not on PATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}

    def count(who: str, table: str) -> int:
        out = subprocess.run(
            [psql, team.url_of(who), "-X", "-tA", "-c", f"SELECT count(*) FROM {table}"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        return int(out.stdout.strip())

    assert [count("south", t) for t in ("customer", "address", "orders", "order_item")] == [1, 1, 1, 1]
    assert [count("boss", t) for t in ("customer", "address", "orders", "order_item")] == [4, 3, 3, 3]
    denied = subprocess.run(
        [psql, team.url_of("south"), "-X", "-tA", "-c", "DELETE FROM customer"], capture_output=True, text=True, env=env
    )
    assert denied.returncode != 0 and "permission denied" in denied.stderr


def test_an_owner_backs_up_the_team_database_and_restores_it_into_an_empty_one(cli, team, tmp_path, pg_admin_url):
    """`backup` in team mode: a .sdbackup of the server's rows, encrypted with this computer's key,
    in a team folder of the backup folder; `restore` puts it into an empty team database whole,
    and refuses one that holds data."""
    cli("init")  # this computer's data folder: its key encrypts the backup
    folder = tmp_path / "backups"
    folder.mkdir()
    made = cli("backup", "--to", str(folder), env=as_user(team, "boss")).stdout.strip().splitlines()
    (path,) = made
    assert path.startswith(str(folder / "team")) and path.endswith(".sdbackup")
    assert "OK" in cli("verify", path).stdout
    name = f"sd_restore_{uuid.uuid4().hex[:8]}"
    import psycopg

    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        empty = {"SELLERDESK_DATABASE_URL": pg_database_url(pg_admin_url, name)}
        out = cli("--lang", "zh_CN", "restore", path, env=empty).stdout
        assert "已把" in out and "恢复到团队数据库" in out and "4 位客户已全部恢复" in out
        names = {c["name"] for c in cli.json_lines("list", "--json", env=empty)}
        assert names == {"广东客户", "浙江客户", "北京客户", "无地址"}
        again = cli("--lang", "zh_CN", "restore", path, env=empty, check=False)
        assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
        assert "团队数据库不是空的" in again.stderr
        assert len(cli.json_lines("list", "--json", env=empty)) == 4  # refused: nothing added
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_that_is_not_a_teams_is_refused_and_left_alone(cli, pg_admin_url):
    """Pointing a command at some other PostgreSQL database gives one line and creates nothing
    there (QA: `list` against the server's `postgres` database made 14 tables in it)."""
    import psycopg

    name = f"sd_other_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_database_url(pg_admin_url, name)
    try:
        out = cli("--lang", "zh_CN", "list", env={"SELLERDESK_DATABASE_URL": url}, check=False)
        assert out.returncode == 1 and "还不是客户地址管家的团队数据库" in out.stderr and "team init" in out.stderr
        with psycopg.connect(url) as conn:
            tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
        assert tables == 0
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_audit_lists_the_team_user_who_did_it(cli, team):
    cli(
        "add",
        "--name",
        "两广新客",
        "--phone",
        "13600000000",
        "--address",
        "广西南宁市青秀区民族大道1号",
        env=as_user(team, "south"),
    )
    text = cli("--lang", "zh_CN", "audit", env=as_user(team, "boss")).stdout
    assert "操作人" in text and team.names["south"] in text


def test_a_helper_imports_customers_of_their_regions(cli, team, tmp_path):
    """A helper's import goes in (row-level security refuses COPY, so their rows are INSERTs the
    policies check); a file with a customer outside their regions is refused whole."""
    mine = tmp_path / "mine.csv"
    mine.write_text("姓名,手机,地址\n周一,13700000001,广东省广州市天河区体育西路1号\n", encoding="utf-8")
    cli("import", str(mine), env=as_user(team, "south"))
    names = {c["name"] for c in cli.json_lines("list", "--json", env=as_user(team, "south"))}
    assert names == {"广东客户", "周一"}
    other = tmp_path / "other.csv"
    other.write_text(
        "姓名,手机,地址\n周二,13700000002,广东省广州市天河区体育西路2号\n吴三,13700000003,北京市朝阳区建国路3号\n",
        encoding="utf-8",
    )
    out = cli("import", str(other), env=as_user(team, "south"), check=False)
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    names = {c["name"] for c in cli.json_lines("list", "--json", env=as_user(team, "boss"))}
    assert "周二" not in names and "吴三" not in names  # all or nothing


def test_a_server_older_than_postgresql_14_is_one_line_and_nothing_is_made(cli, pg_admin_url, monkeypatch):
    """The migrations use CREATE OR REPLACE TRIGGER (14): an older server is named with its version
    before any of them runs, in the CLI and in the app's words (the test server is made to look old)."""
    import psycopg

    from sellerdesk.store import postgres
    from sellerdesk.ui.widgets.errors import server_text

    name = f"sd_old_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        real = conn.info.server_version
    url = pg_database_url(pg_admin_url, name)
    monkeypatch.setattr(postgres, "MIN_SERVER_VERSION", real + 1)
    try:
        out = cli("--lang", "zh_CN", "team", "init", "--url", url, check=False)
        assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
        assert f"PostgreSQL {real // 10000}." in out.stderr and "需要 PostgreSQL 14" in out.stderr
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
        with pytest.raises(postgres.ServerTooOldError) as caught:
            postgres.connect(url)
        assert "14" in (server_text(caught.value) or "")
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
