"""Team mode's move (with its way back) and backups both ways: local → team, team → .sdbackup → local."""

from __future__ import annotations

import pytest

from sellerdesk.backup import restore_into, verify_backup
from sellerdesk.backup import team as team_backup
from sellerdesk.store import customers, demo, team_move
from sellerdesk.store.models import DB


def rows(db, table, columns="*"):
    order = "key" if table == "meta" else "id"
    return [tuple(r) for r in db.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY "{order}"').fetchall()]


@pytest.fixture
def local(store):
    demo.generate(40, seed=3)
    customers.save_customer(None, {"name": "张三", "phone": "13812345678"}, [])
    return store


@pytest.fixture
def team_db(pg_database):
    from sellerdesk.store import migrations, postgres

    db = postgres.connect(pg_database)
    migrations.migrate(db)
    yield db
    db.close()


def test_move_keeps_an_encrypted_local_copy_first_and_leaves_the_local_data_alone(local, team_db):
    tables = ("customer", "address", "orders", "audit_entry", "meta")
    before = {t: rows(DB.obj, t) for t in tables}
    outcome = team_backup.move_local(local, local.key, DB.obj, team_db)
    assert outcome.local_copy.parent == local.home / team_backup.MOVE_FOLDER
    assert verify_backup(outcome.local_copy, local.key).counts["customers"] == 41
    assert outcome.result.customers == 41
    assert rows(team_db, "customer", "id, name") == rows(DB.obj, "customer", "id, name")
    (entry,) = rows(team_db, "audit_entry", "action, detail")[-1:]
    assert entry[0] == "move_local" and '"customer": 41' in entry[1]
    assert {t: rows(DB.obj, t) for t in tables} == before


def test_move_refuses_a_team_database_with_data_before_any_copy(local, team_db):
    team_move.copy_database(DB.obj, team_db)  # the team database holds the rows already
    with pytest.raises(team_move.TargetNotEmptyError):
        team_backup.move_local(local, local.key, DB.obj, team_db)
    assert not (local.home / team_backup.MOVE_FOLDER).exists()


def test_a_local_backup_restores_into_an_empty_team_database(local, team_db, tmp_path):
    from sellerdesk.backup import create_backup

    made = create_backup(local.db_path, local.key, local.vault.load(), [tmp_path])
    result = team_backup.restore_to_team(made.path, local.key, team_db, work_dir=tmp_path)
    assert result.customers == 41
    for table in ("customer", "address", "orders", "order_item", "points_entry"):
        assert rows(team_db, table, "id") == rows(DB.obj, table, "id"), table
    assert rows(team_db, "audit_entry", "action")[-1] == ("restore_backup",)
    # a second restore into the same (no longer empty) database is refused and changes nothing
    with pytest.raises(team_move.TargetNotEmptyError):
        team_backup.restore_to_team(made.path, local.key, team_db, work_dir=tmp_path)
    assert len(rows(team_db, "customer")) == 41


def test_a_team_backup_is_an_ordinary_sdbackup_that_restores_locally(local, team_db, tmp_path, data_dir):
    team_move.copy_database(DB.obj, team_db)
    expected = {t: rows(DB.obj, t) for t in ("customer", "address", "orders", "order_item", "address_change")}
    made = team_backup.create_team_backup(team_db, local.key, local.vault.load(), [tmp_path], work_dir=tmp_path)
    info = verify_backup(made.path, local.key)  # the same check as `sellerdesk-cli verify`
    assert info.counts["customers"] == 41
    assert not list(tmp_path.glob(".backup-snapshot-*"))  # the plain snapshot is gone
    # restore it over the local data (the existing local restore, unchanged)
    local.close()
    restore_into(made.path, local.key, local)
    db = local.open(local.key)
    try:
        for table, before in expected.items():
            assert rows(db, table) == before, table
    finally:
        local.close()
