"""A restore that brings another key must never leave the database and its key file apart."""

from backup_data import dump_tables

from sellerdesk.backup import create_backup, read_info, restore_into, unlock_backup
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir


def _other_machine(tmp_path):
    other = DataDir(tmp_path / "other", MemorySecretStore())
    other.initialize("keyring")
    other.close()
    return other


def test_crash_between_database_and_key_file_is_finished_at_next_start(filled, tmp_path, monkeypatch):
    before = dump_tables(filled.db_path, filled.key)
    backup = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path]).path
    filled.close()
    other = _other_machine(tmp_path)
    key = unlock_backup(read_info(backup), secret=filled.code)

    def power_cut(self):
        raise OSError(5, "power cut")

    with monkeypatch.context() as patch:
        patch.setattr(DataDir, "settle_pending_keyfile", power_cut)
        restore_into(backup, key, other)
    assert other.pending_keyfile_path.exists()  # the database is new, its key file still parked

    restarted = DataDir(other.home, MemorySecretStore())
    assert restarted.is_initialized()
    assert not restarted.pending_keyfile_path.exists()
    assert restarted.unlock_with_secret(filled.code) == key
    assert dump_tables(restarted.db_path, key) == before


def test_parked_key_file_waits_while_a_database_is_staged(filled, tmp_path):
    other = _other_machine(tmp_path)
    old_keyfile = other.keyfile_path.read_bytes()
    other.stage_keyfile(filled.keyfile_path.read_bytes())
    staged = other.home / ".restore-abc123.db"
    staged.write_bytes(b"staged database")
    assert not other.settle_pending_keyfile()
    assert other.keyfile_path.read_bytes() == old_keyfile
    staged.unlink()
    assert other.settle_pending_keyfile()
    assert other.keyfile_path.read_bytes() == filled.keyfile_path.read_bytes()
