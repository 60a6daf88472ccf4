"""Backup → restore gives back every row of every table; also across machines and schema versions."""

import datetime as dt

import pytest
from backup_data import dump_tables, populate

from sellerdesk.backup import (
    backup_datadir,
    create_backup,
    prepare_restore,
    read_info,
    restore_into,
    unlock_backup,
    verify_backup,
)
from sellerdesk.backup.restore import commit_restore
from sellerdesk.store import customers, migrations
from sellerdesk.store.database import connect
from sellerdesk.store.models import Customer
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir


def test_round_trip_into_the_same_data_dir(filled, tmp_path):
    before = dump_tables(filled.db_path, filled.key)
    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    assert result.header.counts == {"customers": 5, "addresses": 7, "orders": 5}
    # change everything after the backup
    customers.create_customer({"name": "后来的客户"})
    customers.purge_customers([5])
    changed = dump_tables(filled.db_path, filled.key)
    assert changed != before

    staged = prepare_restore(result.path, filled.key, filled, current_key=filled.key)
    filled.close()
    restored = commit_restore(staged, filled)
    assert not restored.keyfile_replaced  # same key: the current key file stays
    assert dump_tables(filled.db_path, filled.key) == before
    # the data it replaced was backed up first, as an ordinary restorable backup
    assert restored.safety_backup is not None and restored.safety_backup.parent.name == "before-restore"
    safety = read_info(restored.safety_backup)
    assert safety.counts["customers"] == 5  # 5 + 1 new - 1 purged
    filled.open(filled.key)
    assert Customer.select().where(Customer.name == "后来的客户").count() == 0


def test_restore_on_a_new_machine_with_only_the_file_and_the_recovery_code(filled, tmp_path, monkeypatch):
    before = dump_tables(filled.db_path, filled.key)
    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    filled.close()

    new_home = tmp_path / "new-machine"
    keyring = MemorySecretStore()  # an empty keyring on the new machine
    new = DataDir(new_home, keyring)
    info = read_info(result.path)
    key = unlock_backup(info, secret=filled.code.lower().replace("-", " "), secret_store=keyring)
    restored = restore_into(result.path, key, new)
    assert restored.keyfile_replaced and restored.safety_backup is None
    assert restored.key_in_keyring  # keyring mode, and this machine's keyring works: remembered from now on
    assert dump_tables(new.db_path, key) == before
    assert new.unlock_headless() == key
    assert new.vault.recovery_code(key) == filled.code  # the key file came along (sealed code included)


def test_password_mode_backup_opens_with_password_or_code(isolated_environment, fast_kdf, tmp_path):
    home = tmp_path / "pw"
    datadir = DataDir(home, None)
    key, code = datadir.initialize("password", "correct horse 1")
    populate(3)
    before = dump_tables(datadir.db_path, key)
    result = backup_datadir(datadir, key, [tmp_path])
    datadir.close()
    info = read_info(result.path)
    assert info.needs_password
    for secret in ("correct horse 1", code):
        target = DataDir(tmp_path / f"restore-{len(secret)}", None)
        k = unlock_backup(info, secret=secret)
        restore_into(result.path, k, target)
        assert dump_tables(target.db_path, k) == before
        assert target.unlock_with_secret("correct horse 1") == key


def test_verify_accepts_a_good_backup(filled, tmp_path):
    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    info = verify_backup(result.path, filled.key)
    assert info.counts["customers"] == 5
    assert info.header.app_version
    assert info.created_at.tzinfo is dt.UTC


def test_backup_while_a_write_transaction_is_open(filled, tmp_path, monkeypatch):
    """The quiet copy cannot get the write lock, so the online backup API copies the committed state."""
    from sellerdesk.backup import snapshot

    monkeypatch.setattr(snapshot, "QUIET_WAIT_MS", 50)
    used = []
    real = snapshot.take_snapshot
    monkeypatch.setattr(
        "sellerdesk.backup.create.take_snapshot", lambda *a, **kw: used.append(real(*a, **kw)) or used[-1]
    )
    committed = dump_tables(filled.db_path, filled.key)
    writer = connect(filled.db_path, filled.key)
    try:
        writer.execute_sql("BEGIN IMMEDIATE")
        writer.execute_sql(
            "INSERT INTO customer (name, name_pinyin, name_initials, phone, wechat, tags, tier, "
            "gender, source, notes, flags, marketing_consent, created_at, updated_at) VALUES "
            "('未提交', '', '', '', '', '', '', '', '', '', '', 0, '2025-01-01', '2025-01-01')"
        )
        writer.execute_sql("UPDATE address SET detail = 'half-done' WHERE id = 1")
        result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    finally:
        writer.execute_sql("ROLLBACK")
        writer.close()
    assert result.header.counts["customers"] == 5
    assert [s.method for s in used] == [snapshot.METHOD_BACKUP_API]
    target = DataDir(tmp_path / "restored", MemorySecretStore())
    restore_into(result.path, filled.key, target)
    assert dump_tables(target.db_path, filled.key) == committed


def test_version_1_backup_is_migrated_on_restore(data_dir, tmp_path):
    key = data_dir.key
    v1 = tmp_path / "v1.db"
    db = connect(v1, key, create=True)
    migrations.migrate(db, target=1)
    db.execute_sql(
        "INSERT INTO customer (id, name, phone, wechat, tags, tier, gender, source, notes, flags, marketing_consent,"
        " created_at, updated_at) VALUES (1, '欧阳娜娜', '13812345678', '', '', '', '', '', '', '', 0,"
        " '2020-01-01 00:00:00', '2020-01-01 00:00:00')"
    )
    db.execute_sql(
        "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, status, created_at,"
        " updated_at) VALUES (1, '2021-06-01', 9900, '', '', '', 'shipped', '2021-06-01', '2021-06-01')"
    )
    db.close()
    result = create_backup(v1, key, data_dir.vault.load(), [tmp_path])
    assert result.header.schema_version == 1

    staged = prepare_restore(result.path, key, data_dir, current_key=key)
    assert staged.migrated_from == 1
    data_dir.close()
    commit_restore(staged, data_dir)
    data_dir.open(key)
    assert migrations.current_version(Customer._meta.database) == migrations.SCHEMA_VERSION
    customer = Customer.get_by_id(1)
    assert customer.name_initials == "oynn"
    assert customer.last_order_at.date().isoformat() == "2021-06-01"
    assert not (data_dir.home / "pre-migration").exists()  # the backup file itself is the pre-migration copy
    assert read_info(result.path).schema_version == 1  # and it was not touched


def test_restore_does_not_leave_staged_files(filled, tmp_path):
    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    target = DataDir(tmp_path / "t", MemorySecretStore())
    restore_into(result.path, filled.key, target)
    leftovers = [p.name for p in target.home.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert not [p for p in filled.home.iterdir() if p.name.startswith(".backup-snapshot")]


def test_wrong_key_is_refused_before_anything(filled, tmp_path):
    from sellerdesk.store.errors import WrongKeyError

    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    with pytest.raises(WrongKeyError):
        prepare_restore(result.path, bytes(32), filled)


def test_quiet_copy_is_used_when_no_one_writes(filled, tmp_path):
    """The usual fast path: an open reader (the app) does not stop it, and the copy is exact."""
    from sellerdesk.backup import snapshot

    customers.create_customer({"name": "最后一笔"})  # committed into the WAL, not yet checkpointed
    snap = snapshot.take_snapshot(filled.db_path, filled.key, tmp_path / "snap.db")
    assert snap.method == snapshot.METHOD_COPY
    assert snap.counts["customers"] == 6
    assert snap.sha256 == snapshot.file_sha256(snap.path)
    assert dump_tables(snap.path, filled.key) == dump_tables(filled.db_path, filled.key)
    Customer.select().count()  # the app's own connection still works afterwards
