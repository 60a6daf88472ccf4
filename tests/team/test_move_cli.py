"""``sellerdesk-cli team move-local --url URL``, end to end in-process."""

from __future__ import annotations

import json
from pathlib import Path

from sellerdesk.store import migrations, postgres


def team_count(url, table):
    db = postgres.connect(url)
    try:
        return db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        db.close()


def test_move_local_copies_everything_keeps_a_local_copy_and_refuses_a_second_time(cli, pg_database):
    cli("init", "--json")
    cli("demo", "--customers", "30", "--seed", "2")
    out = json.loads(cli("team", "move-local", "--url", pg_database, "--json").stdout)
    assert out["customers"] == 30 and out["orders"] == team_count(pg_database, "orders") > 0
    copy = Path(out["local_copy"])
    assert copy.parent.name == "before-team-move" and copy.suffix == ".sdbackup"
    assert json.loads(cli("verify", str(copy), "--json").stdout)["counts"]["customers"] == 30
    # the local data is still there, unchanged
    assert len(cli.json_lines("list", "--json")) == 30
    again = cli("--lang", "zh_CN", "team", "move-local", "--url", pg_database, check=False)
    assert again.returncode == 1
    assert "团队数据库里已有数据" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert team_count(pg_database, "customer") == 30


def test_move_local_into_a_new_database_makes_its_schema(cli, pg_admin_url):
    import uuid

    import psycopg

    name = f"sd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        cli("init", "--json")
        cli("add", "--name", "张三", "--phone", "13812345678")
        proc = cli("--lang", "en", "team", "move-local", "--url", url)
        assert "Moved 1 customers" in proc.stdout and "before-team-move" in proc.stdout
        db = postgres.connect(url)
        try:
            assert migrations.current_version(db) == migrations.SCHEMA_VERSION
        finally:
            db.close()
        assert team_count(url, "customer") == 1
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_wrong_url_is_one_line_and_opens_nothing(cli):
    cli("init", "--json")
    proc = cli("team", "move-local", "--url", "mysql://x@y/z", check=False)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert "postgresql://" in proc.stderr
