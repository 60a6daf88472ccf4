"""Key-file envelopes: bounded scrypt parameters, old envelopes readable, re-wrapped at unlock."""

import json
import shutil
from pathlib import Path

import pytest

from sellerdesk.store import keys
from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.keys import EnvelopeError, KeyFileError, Vault, WeakPasswordError
from sellerdesk.store.session import DataDir

DATA = Path(__file__).parent / "data"
# Written by SellerDesk before the cost was raised (scrypt N=2**15, r=8, p=1).
OLD_KEYFILE = DATA / "keys_v1_scrypt_2_15.json"
OLD_PASSWORD = "old kettle morning river"
OLD_CODE = "J59QB-N52PS-8XGWY-YWQ8J-AA6X2"
OLD_KEY = bytes.fromhex("f7d3dfb0d33a0805cc540e330d32c38f75ca8f14207a3439fc2881bf5e98b1f2")


@pytest.fixture
def real_kdf(monkeypatch):
    """Today's cost rules, not the suite's test-only cheap scrypt (tests/conftest.py)."""
    monkeypatch.delenv(keys.WEAKEN_KDF_ENV)


def test_new_envelopes_cost_at_least_owasps_minimum(real_kdf, monkeypatch):
    assert keys.SCRYPT_N >= 2**17 and keys.SCRYPT_R >= 8 and keys.SCRYPT_P >= 1
    assert keys.current_scrypt_params() == (keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P)
    keys.check_scrypt_params(*keys.current_scrypt_params())  # and we can read what we write
    monkeypatch.setenv(keys.WEAKEN_KDF_ENV, "1")
    assert keys.current_scrypt_params() == (2**10, 8, 1)


@pytest.fixture
def no_scrypt(monkeypatch):
    """Fail the test if any key derivation runs (a crafted envelope must be refused before)."""

    def refuse(*args, **kwargs):
        raise AssertionError("scrypt ran on a crafted envelope")

    monkeypatch.setattr(keys, "_derive", refuse)


CRAFTED = {
    "huge n": {"n": 2**30},
    "n above the bound": {"n": 2**21},
    "n below the bound": {"n": 2**9},
    "n not a power of two": {"n": 3 * 2**14},
    "n zero": {"n": 0},
    "n negative": {"n": -(2**15)},
    "p = 64": {"p": 64},
    "p zero": {"p": 0},
    "p negative": {"p": -1},
    "r = 0": {"r": 0},
    "r huge": {"r": 1024},
    "memory over the cap": {"n": 2**18, "r": 16},
    "n as text": {"n": "32768"},
    "n as a float": {"n": 32768.0},
    "p as true": {"p": True},
    "r as null": {"r": None},
    "n as a list": {"n": [32768]},
    "unknown kdf": {"kdf": "argon2"},
    "salt too short": {"salt": "AAAA"},
    "salt not base64": {"salt": "!!!!not base64!!!!!!!!"},
    "salt a number": {"salt": 12},
    "nonce too long": {"nonce": "A" * 24},
    "ciphertext cut": {"ct": "A" * 40},
    "extra field": {"note": "hi"},
}


def _crafted_keyfile(tmp_path, envelope_name, change):
    doc = json.loads(OLD_KEYFILE.read_text())
    doc["envelopes"][envelope_name].update(change)
    path = tmp_path / "sellerdesk.keys.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize("envelope_name", ["password", "recovery"])
@pytest.mark.parametrize("change", CRAFTED.values(), ids=CRAFTED.keys())
def test_crafted_envelope_in_the_key_file_is_refused_before_scrypt(tmp_path, no_scrypt, envelope_name, change):
    path = _crafted_keyfile(tmp_path, envelope_name, change)
    before = path.read_bytes()
    vault = Vault(path, None)
    with pytest.raises(KeyFileError) as info:
        vault.unlock_with_secret(OLD_PASSWORD)
    message = str(info.value)
    assert "damaged" in message and "\n" not in message and envelope_name in message
    with pytest.raises(KeyFileError):
        vault.load()
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "change",
    [
        {"envelopes": []},
        {"envelopes": {"password": {}}},  # no recovery envelope
        {"envelopes": "x"},
        {"mode": "plaintext"},
        {"key_id": "nothex!"},
        {"key_id": 12},
        {"recovery_sealed": {"nonce": "AAAA"}},
        {"version": "1"},
        {"version": 2},
    ],
)
def test_malformed_key_file_is_refused_as_damaged(tmp_path, no_scrypt, change):
    doc = json.loads(OLD_KEYFILE.read_text())
    doc.update(change)
    path = tmp_path / "k.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError, match="damaged"):
        Vault(path, None).unlock_with_secret(OLD_PASSWORD)


def test_deeply_nested_key_file_is_damaged_not_a_crash(tmp_path):
    path = tmp_path / "k.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(KeyFileError, match="damaged"):
        Vault(path, None).load()


def test_unwrap_itself_refuses_out_of_bounds_parameters(no_scrypt):
    envelope = json.loads(OLD_KEYFILE.read_text())["envelopes"]["password"]
    envelope["p"] = 64
    with pytest.raises(EnvelopeError, match="p=64"):
        keys.unwrap(envelope, OLD_PASSWORD)
    assert issubclass(EnvelopeError, StoreError)  # the CLI prints it as one line


def test_key_file_of_the_previous_version_opens_and_is_rewrapped(tmp_path, monkeypatch, real_kdf):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**16)  # "today's" cost, above the file's 2**15, cheap for a test
    path = tmp_path / "sellerdesk.keys.json"
    shutil.copy(OLD_KEYFILE, path)
    vault = Vault(path, None)
    assert vault.unlock_with_secret(OLD_CODE) == OLD_KEY
    assert path.read_bytes() == OLD_KEYFILE.read_bytes()  # the recovery code re-wraps nothing
    assert vault.unlock_with_secret(OLD_PASSWORD) == OLD_KEY
    doc = json.loads(path.read_text())
    assert doc["envelopes"]["password"]["n"] == 2**16
    assert doc["envelopes"]["recovery"] == json.loads(OLD_KEYFILE.read_text())["envelopes"]["recovery"]
    assert doc["key_id"] == "f33602ff28bf184e" and doc["mode"] == "password"
    upgraded = path.read_bytes()
    assert vault.unlock_with_secret(OLD_PASSWORD) == OLD_KEY
    assert vault.unlock_with_secret(OLD_CODE) == OLD_KEY
    assert path.read_bytes() == upgraded  # already at today's cost: not written again
    with pytest.raises(WrongKeyError):
        vault.unlock_with_secret("old kettle morning rivers")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sellerdesk.keys.json"]  # no staging file left


@pytest.mark.parametrize("cheap", ["fast_kdf", "weaken_env"])
def test_a_stronger_envelope_is_never_downgraded(tmp_path, monkeypatch, cheap):
    if cheap == "fast_kdf":
        monkeypatch.delenv(keys.WEAKEN_KDF_ENV)
        monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    else:
        monkeypatch.setenv(keys.WEAKEN_KDF_ENV, "1")
    path = tmp_path / "sellerdesk.keys.json"
    shutil.copy(OLD_KEYFILE, path)  # 2**15 is above the cheap 2**10
    assert Vault(path, None).unlock_with_secret(OLD_PASSWORD) == OLD_KEY
    assert path.read_bytes() == OLD_KEYFILE.read_bytes()


def _weak_vault(tmp_path, monkeypatch):
    monkeypatch.delenv(keys.WEAKEN_KDF_ENV)
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    vault = Vault(tmp_path / "sellerdesk.keys.json", None)
    key, _code = vault.create("password", "hidden kettle morning river")
    monkeypatch.setattr(keys, "SCRYPT_N", 2**11)  # the cost was raised since
    return vault, key


def test_rewrap_failure_never_blocks_the_unlock(tmp_path, monkeypatch):
    vault, key = _weak_vault(tmp_path, monkeypatch)
    before = vault.path.read_bytes()

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keys, "write_atomic", full_disk)
    assert vault.unlock_with_secret("hidden kettle morning river") == key
    assert vault.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sellerdesk.keys.json"]


def test_crash_before_the_rename_leaves_the_old_valid_key_file(tmp_path, monkeypatch):
    vault, key = _weak_vault(tmp_path, monkeypatch)
    before = vault.path.read_bytes()

    def crash(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(keys.os, "replace", crash)
    assert vault.unlock_with_secret("hidden kettle morning river") == key
    monkeypatch.undo()
    assert vault.path.read_bytes() == before
    assert Vault(vault.path, None).unlock_with_secret("hidden kettle morning river") == key


def test_a_key_file_changed_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    """A restore (or another process) replaced the key file while this unlock re-wrapped."""
    vault, key = _weak_vault(tmp_path, monkeypatch)
    replaced = b'{"format": "sellerdesk-keys", "replaced": "by a restore"}'
    real_write = keys.write_atomic

    def write_then_race(path, data):
        real_write(path, data)
        vault.path.write_bytes(replaced)

    monkeypatch.setattr(keys, "write_atomic", write_then_race)
    assert vault.unlock_with_secret("hidden kettle morning river") == key
    assert vault.path.read_bytes() == replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sellerdesk.keys.json"]


@pytest.mark.parametrize("password", ["woaini1314", "zhangsan1990", "13812345678", "correct horse"])
def test_initialize_refuses_a_weak_master_password_and_creates_nothing(isolated_environment, password):
    datadir = DataDir(isolated_environment, None)
    with pytest.raises(WeakPasswordError, match="master password is") as info:
        datadir.initialize("password", password)
    assert "\n" not in str(info.value)
    assert not datadir.keyfile_path.exists() and not datadir.db_path.exists()
