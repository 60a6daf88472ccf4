"""Issue #12, item 6: ``restore`` and ``verify`` run one and the same file check, so a file
one refuses the other refuses too (the trailer's checksum included), with the same reason."""

from __future__ import annotations

import pytest
from backup_data import snapshot_dir

from sellerdesk.backup import BackupDamagedError, check_file, create_backup, prepare_restore, read_info, verify_backup
from sellerdesk.cli import main


@pytest.fixture
def backup_file(filled, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    return create_backup(filled.db_path, filled.key, filled.vault.load(), [folder]).path


def _flip(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_flipped_trailer_byte_is_refused_by_restore_as_by_verify(filled, backup_file):
    _flip(backup_file, backup_file.stat().st_size - 1)
    before = snapshot_dir(filled.home)
    with pytest.raises(BackupDamagedError, match="checksum mismatch"):
        check_file(backup_file)
    with pytest.raises(BackupDamagedError, match="checksum mismatch"):
        verify_backup(backup_file, filled.key)
    with pytest.raises(BackupDamagedError, match="checksum mismatch"):
        prepare_restore(backup_file, filled.key, filled, current_key=filled.key)
    assert snapshot_dir(filled.home) == before


@pytest.mark.parametrize("where", ["payload", "header", "trailer", "length", "last"])
def test_cli_verify_and_restore_agree(filled, backup_file, where, capfd, monkeypatch):
    info = read_info(backup_file)
    offsets = {
        "payload": info.data_offset + 4 + 1000,
        "header": info.data_offset - 20,
        "trailer": info.file_size - 1,
        "length": info.data_offset + 2,
        "last": info.file_size - 33,  # the last byte before the trailer
    }
    _flip(backup_file, offsets[where])
    filled.close()
    monkeypatch.setenv("SELLERDESK_HOME", str(filled.home))
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", filled.code)
    before = snapshot_dir(filled.home)
    reasons = []
    for argv in (["verify", str(backup_file)], ["verify", "--no-key", str(backup_file)], ["restore", str(backup_file)]):
        assert main(argv) == 1, argv
        out, err = capfd.readouterr()
        assert out == "" and err.count("\n") == 1 and "damaged" in err, (argv, err)
        reasons.append(err.split("(", 1)[1].split(")", 1)[0])
    assert len(set(reasons)) == 1, reasons  # the same reason from both
    assert snapshot_dir(filled.home) == before
