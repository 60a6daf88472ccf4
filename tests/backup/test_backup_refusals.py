"""Every way a backup or restore can go wrong gets a clear error and changes nothing."""

import errno
import os

import pytest
from backup_data import snapshot_dir

from sellerdesk.backup import (
    BackupDamagedError,
    BackupNeedsSecretError,
    BackupTooNewError,
    DestinationError,
    NotABackupError,
    WrongBackupSecretError,
    check_integrity,
    create_backup,
    fileformat,
    prepare_restore,
    read_info,
    safewrite,
    unlock_backup,
    verify_backup,
)
from sellerdesk.backup.errors import BackupError
from sellerdesk.progress import Cancelled, CancelToken
from sellerdesk.store.errors import StoreError
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir


@pytest.fixture
def backup_file(filled, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    return create_backup(filled.db_path, filled.key, filled.vault.load(), [folder]).path


def _flip(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_backup_errors_are_store_errors():
    assert issubclass(BackupError, StoreError)  # so the CLI prints them as one line


def test_wrong_password_changes_nothing(filled, backup_file):
    info = read_info(backup_file)
    before = snapshot_dir(filled.home)
    with pytest.raises(WrongBackupSecretError, match="does not unlock this backup"):
        unlock_backup(info, secret="not the code")
    with pytest.raises(WrongBackupSecretError):
        unlock_backup(info, secret="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")  # well-formed, wrong
    with pytest.raises(BackupNeedsSecretError, match="recovery code"):
        unlock_backup(info, secret_store=MemorySecretStore())
    assert snapshot_dir(filled.home) == before


@pytest.mark.parametrize("where", ["payload", "header", "trailer", "length"])
def test_one_flipped_byte_is_refused_and_changes_nothing(filled, backup_file, where):
    info = read_info(backup_file)
    offsets = {
        "payload": info.data_offset + 4 + 1000,  # inside the first encrypted chunk
        "header": info.data_offset - 20,  # inside the JSON header
        "trailer": info.file_size - 1,
        "length": info.data_offset + 2,  # the first chunk's length field
    }
    _flip(backup_file, offsets[where])
    before = snapshot_dir(filled.home)
    with pytest.raises(BackupError):
        check_integrity(backup_file)  # found without the password
    if where != "trailer":
        with pytest.raises(BackupError):
            prepare_restore(backup_file, filled.key, filled, current_key=filled.key)
    with pytest.raises(BackupError):
        verify_backup(backup_file, filled.key)
    assert snapshot_dir(filled.home) == before


def test_tampering_with_a_recomputed_trailer_is_still_caught(filled, backup_file):
    """Someone who edits the payload and fixes the checksum cannot forge the AES-GCM tags."""
    import hashlib

    info = read_info(backup_file)
    data = bytearray(backup_file.read_bytes())
    data[info.data_offset + 4 + 5000] ^= 0xFF
    body = bytes(data[:-32])
    backup_file.write_bytes(body + hashlib.sha256(body).digest())
    check_integrity(backup_file)  # the keyless check cannot tell …
    with pytest.raises(BackupDamagedError, match="authentication failed"):
        verify_backup(backup_file, filled.key)  # … the key can


def test_counts_edited_in_the_header_are_caught(filled, backup_file):
    data = backup_file.read_bytes()
    edited = data.replace(b'"customers": 5', b'"customers": 9', 1)
    assert edited != data
    backup_file.write_bytes(edited)
    with pytest.raises(BackupError):
        verify_backup(backup_file, filled.key)


@pytest.mark.parametrize("keep", [0, 11, 100, -40, -1])
def test_truncated_file_is_refused(filled, backup_file, keep):
    data = backup_file.read_bytes()
    backup_file.write_bytes(data[:keep] if keep >= 0 else data[:keep])
    before = snapshot_dir(filled.home)
    with pytest.raises((BackupDamagedError, NotABackupError)):
        read_info(backup_file)
    with pytest.raises(BackupError):
        prepare_restore(backup_file, filled.key, filled)
    assert snapshot_dir(filled.home) == before


def test_not_a_backup(tmp_path, filled):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(NotABackupError):
        read_info(other)
    with pytest.raises(NotABackupError):
        read_info(filled.db_path)


def test_newer_schema_is_refused(filled, tmp_path, monkeypatch):
    from sellerdesk.backup import snapshot

    real = snapshot.read_facts
    monkeypatch.setattr(snapshot, "read_facts", lambda conn: (99, real(conn)[1]))
    path = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path]).path
    with pytest.raises(BackupTooNewError, match="newer SellerDesk"):
        read_info(path).check_schema()
    with pytest.raises(BackupTooNewError):
        prepare_restore(path, filled.key, filled)


def _older_backup(filled, folder):
    older = create_backup(filled.db_path, filled.key, filled.vault.load(), [folder]).path
    return older, older.read_bytes()


def test_simulated_full_disk_leaves_no_partial_file(filled, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    older, older_bytes = _older_backup(filled, folder)
    real_write = fileformat._HashingWriter.write
    written = {"n": 0}

    def write(self, data):
        written["n"] += len(data)
        if written["n"] > 3 << 10:  # the disk fills up a few kilobytes in
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, data)

    monkeypatch.setattr(fileformat._HashingWriter, "write", write)
    with pytest.raises(DestinationError, match="not enough free space") as caught:
        create_backup(filled.db_path, filled.key, filled.vault.load(), [folder])
    assert caught.value.reason == DestinationError.NO_SPACE
    assert sorted(p.name for p in folder.iterdir()) == [older.name]  # no partial file
    assert older.read_bytes() == older_bytes  # the earlier backup is untouched
    assert not [p for p in filled.home.iterdir() if p.name.startswith(".backup-snapshot")]


def test_drive_pulled_out_during_fsync(filled, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    older, older_bytes = _older_backup(filled, folder)

    def gone(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(safewrite.os, "fsync", gone)
    with pytest.raises(DestinationError, match="drive was removed") as caught:
        create_backup(filled.db_path, filled.key, filled.vault.load(), [folder])
    assert caught.value.reason == DestinationError.DEVICE_GONE
    assert sorted(p.name for p in folder.iterdir()) == [older.name]
    assert older.read_bytes() == older_bytes


def test_missing_folder(filled, tmp_path):
    with pytest.raises(DestinationError, match="does not exist") as caught:
        create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path / "unplugged-usb" / "Backups"])
    assert caught.value.reason == DestinationError.MISSING
    assert not (tmp_path / "unplugged-usb").exists()  # never created on the internal disk


def test_folder_under_a_regular_file_is_refused(filled, tmp_path):
    """Root ignores chmod, so 'unwritable' is simulated by a path whose parent is a regular file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DestinationError):
        create_backup(filled.db_path, filled.key, filled.vault.load(), [blocker / "Backups"])
    with pytest.raises(DestinationError):
        create_backup(filled.db_path, filled.key, filled.vault.load(), [blocker])


def test_read_only_folder(filled, tmp_path, monkeypatch):
    """Read-only simulated by making os.open refuse files in that folder with PermissionError
    (tests run as root, which chmod does not stop)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise PermissionError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(safewrite.os, "open", refusing_open)
    with pytest.raises(DestinationError, match="cannot be written") as caught:
        create_backup(filled.db_path, filled.key, filled.vault.load(), [folder])
    assert caught.value.reason == DestinationError.READ_ONLY
    assert list(folder.iterdir()) == []


def test_rename_refused_leaves_no_part_file(filled, tmp_path, monkeypatch):
    """The rename step refused (PermissionError from os.replace, simulated)."""
    folder = tmp_path / "ro2"
    folder.mkdir()

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(safewrite.os, "replace", refuse)
    with pytest.raises(DestinationError) as caught:
        create_backup(filled.db_path, filled.key, filled.vault.load(), [folder])
    assert caught.value.reason == DestinationError.READ_ONLY
    assert list(folder.iterdir()) == []


def test_one_failing_destination_does_not_stop_the_others(filled, tmp_path):
    good = tmp_path / "cloud"
    good.mkdir()
    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path / "gone", good])
    assert [p.parent for p in result.written] == [good]
    assert len(result.failures) == 1 and result.failures[0].reason == DestinationError.MISSING


def test_two_destinations_get_identical_files(filled, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    result = create_backup(filled.db_path, filled.key, filled.vault.load(), [a, b])
    assert len(result.written) == 2
    assert result.written[0].read_bytes() == result.written[1].read_bytes()
    assert result.written[0].name.startswith("sellerdesk-") and result.written[0].suffix == ".sdbackup"


def test_same_second_gets_a_new_name(filled, tmp_path):
    import datetime as dt

    now = dt.datetime(2026, 11, 22, 15, 30, tzinfo=dt.UTC)
    first = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path], now=now).path
    second = create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path], now=now).path
    assert first != second and first.exists() and second.exists()


@pytest.mark.parametrize("cancel_after", [1, 2])  # in the snapshot, while encrypting
def test_cancel_leaves_nothing(filled, tmp_path, cancel_after):
    token = CancelToken()
    calls = {"n": 0}

    def progress(done, total, message=""):
        calls["n"] += 1
        if calls["n"] >= cancel_after:
            token.cancel()

    with pytest.raises(Cancelled):
        create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path], progress=progress, token=token)
    assert list(tmp_path.iterdir()) == []
    assert not [p for p in filled.home.iterdir() if p.name.startswith(".backup-snapshot")]


def test_cancelled_restore_changes_nothing(filled, backup_file):
    before = snapshot_dir(filled.home)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        prepare_restore(backup_file, filled.key, filled, token=token)
    assert snapshot_dir(filled.home) == before


def test_restore_into_an_empty_dir_with_a_wrong_key_creates_nothing(backup_file, tmp_path):
    target = DataDir(tmp_path / "empty", None)
    info = read_info(backup_file)
    with pytest.raises(WrongBackupSecretError):
        unlock_backup(info, secret="wrong password")
    assert not target.home.exists()
