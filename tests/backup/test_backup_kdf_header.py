"""A backup header's key envelopes are read before anything is authenticated: a crafted scrypt
cost is refused as damage (never a multi-second or out-of-memory unlock), and the envelopes a
backup was written with stay readable after the cost is raised."""

import hashlib
import json
import struct

import pytest
from backup_data import populate, snapshot_dir

from sellerdesk.backup import (
    BackupDamagedError,
    backup_datadir,
    create_backup,
    fileformat,
    prepare_restore,
    read_info,
    unlock_backup,
    verify_backup,
)
from sellerdesk.cli import main
from sellerdesk.store import keys
from sellerdesk.store.session import DataDir

PASSWORD = "hidden kettle morning river"


def _rewrite_header(path, edit):
    """Change the JSON header as an attacker would, and recompute the (unkeyed) trailer so
    that only the content is wrong, not the checksum."""
    data = path.read_bytes()
    start = len(fileformat.MAGIC)
    version, length = struct.unpack(">HI", data[start : start + 6])
    header = json.loads(data[start + 6 : start + 6 + length])
    edit(header)
    new_header = json.dumps(header, sort_keys=True).encode("utf-8")
    body = data[start + 6 + length : -fileformat.TRAILER_BYTES]
    out = fileformat.MAGIC + struct.pack(">HI", version, len(new_header)) + new_header + body
    path.write_bytes(out + hashlib.sha256(out).digest())


@pytest.fixture
def password_backup(isolated_environment, fast_kdf, tmp_path):
    datadir = DataDir(tmp_path / "home", None)
    key, code = datadir.initialize("password", PASSWORD)
    populate(2)
    (tmp_path / "backups").mkdir()
    result = backup_datadir(datadir, key, [tmp_path / "backups"])
    datadir.close()
    return datadir, key, code, result.path


@pytest.fixture
def no_scrypt(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("scrypt ran on a crafted header")

    monkeypatch.setattr(keys, "_derive", refuse)


CRAFTED = {
    "p = 64": {"p": 64},
    "huge n": {"n": 2**31},
    "r = 0": {"r": 0},
    "n not a power of two": {"n": 100_000},
    "n negative": {"n": -32768},
    "n as text": {"n": "32768"},
    "memory over the cap": {"n": 2**20, "r": 8},
    "salt of 200 bytes": {"salt": "QUFB" * 67},
    "p as a float": {"p": 1.0},
}


@pytest.mark.parametrize("envelope_name", ["password", "recovery"])
@pytest.mark.parametrize("change", CRAFTED.values(), ids=CRAFTED.keys())
def test_crafted_scrypt_cost_in_a_backup_header_is_damage(password_backup, no_scrypt, envelope_name, change):
    datadir, key, code, path = password_backup
    _rewrite_header(path, lambda header: header["key"]["envelopes"][envelope_name].update(change))
    with pytest.raises(BackupDamagedError) as info:
        read_info(path)
    # a fraction is refused by the header's own JSON reading, before the envelope is looked at
    where = "whole number" if isinstance(next(iter(change.values())), float) else f"{envelope_name} envelope"
    assert where in str(info.value) and "\n" not in str(info.value)
    before = snapshot_dir(datadir.home)
    with pytest.raises(BackupDamagedError):
        verify_backup(path, key)
    with pytest.raises(BackupDamagedError):
        prepare_restore(path, key, datadir, current_key=key)
    assert snapshot_dir(datadir.home) == before


def test_cli_verify_of_a_crafted_header_is_one_line_exit_1(password_backup, no_scrypt, monkeypatch, capsys):
    datadir, _key, code, path = password_backup
    _rewrite_header(path, lambda header: header["key"]["envelopes"]["password"].update(p=64))
    monkeypatch.setenv("SELLERDESK_HOME", str(datadir.home))
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", PASSWORD)
    for argv in (["verify", str(path)], ["verify", "--no-key", str(path)], ["restore", str(path)]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "damaged" in err and "scrypt p=64" in err, err


def test_wrong_types_in_the_key_part_of_a_header_are_damage(password_backup, no_scrypt):
    _datadir, _key, _code, path = password_backup
    _rewrite_header(path, lambda header: header["key"].update(envelopes=[1, 2, 3]))
    with pytest.raises(BackupDamagedError, match="recovery envelope"):
        read_info(path)


def test_backups_keep_their_envelopes_and_new_ones_get_the_rewrapped_one(isolated_environment, tmp_path, monkeypatch):
    monkeypatch.delenv(keys.WEAKEN_KDF_ENV)
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)  # the cost an older SellerDesk used
    datadir = DataDir(tmp_path / "home", None)
    key, code = datadir.initialize("password", PASSWORD)
    populate(1)
    old_backup = create_backup(datadir.db_path, key, datadir.vault.load(), [tmp_path]).path
    datadir.close()

    monkeypatch.setattr(keys, "SCRYPT_N", 2**11)  # this version's cost is higher
    assert datadir.unlock_with_secret(PASSWORD) == key  # the unlock re-wraps the key file
    assert datadir.vault.load().envelopes["password"]["n"] == 2**11
    datadir.open(key)
    (tmp_path / "later").mkdir()
    new_backup = create_backup(datadir.db_path, key, datadir.vault.load(), [tmp_path / "later"]).path
    datadir.close()

    old_info, new_info = read_info(old_backup), read_info(new_backup)
    assert old_info.header.keyfile.envelopes["password"]["n"] == 2**10  # as it was written
    assert new_info.header.keyfile.envelopes["password"]["n"] == 2**11
    for info in (old_info, new_info):
        assert unlock_backup(info, secret=PASSWORD) == key
        assert unlock_backup(info, secret=code) == key
        verify_backup(info.path, key)
