import json

import pytest

from sellerdesk.store import keys
from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.keys import Vault, normalize_recovery_code
from sellerdesk.store.secrets import KeyringUnavailable, MemorySecretStore, SystemKeyring


def test_password_mode_never_writes_key(tmp_path, fast_kdf):
    vault = Vault(tmp_path / "k.json", None)
    key, code = vault.create("password", "correct horse")
    text = (tmp_path / "k.json").read_text()
    assert key.hex() not in text and code not in text and "correct horse" not in text
    assert json.loads(text)["mode"] == "password"
    assert vault.unlock_with_secret("correct horse") == key
    assert vault.unlock_with_secret(code) == key
    with pytest.raises(WrongKeyError):
        vault.unlock_with_secret("correct horsE")


def test_short_password_refused(tmp_path):
    with pytest.raises(StoreError):
        Vault(tmp_path / "k.json", None).create("password", "short")
    assert not (tmp_path / "k.json").exists()


def test_keyring_mode_puts_key_in_keyring(tmp_path, fast_kdf):
    ring = MemorySecretStore()
    vault = Vault(tmp_path / "k.json", ring)
    key, _ = vault.create("keyring")
    assert list(ring.data.values()) == [key.hex()]
    assert key.hex() not in (tmp_path / "k.json").read_text()
    assert vault.unlock_with_keyring() == key


def test_locked_keyring_is_reported(tmp_path):
    vault = Vault(tmp_path / "k.json", MemorySecretStore(locked=True))
    with pytest.raises(KeyringUnavailable) as info:
        vault.create("keyring")
    assert info.value.reason == KeyringUnavailable.LOCKED
    assert not (tmp_path / "k.json").exists()


def test_switch_to_password_removes_keyring_copy(tmp_path, fast_kdf):
    ring = MemorySecretStore()
    vault = Vault(tmp_path / "k.json", ring)
    key, code = vault.create("keyring")
    vault.set_password(key, "a long password")
    assert ring.data == {}
    assert vault.unlock_with_secret("a long password") == key
    assert vault.unlock_with_secret(code) == key


def test_recovery_code_format():
    code = keys.new_recovery_code()
    assert len(code) == 29 and code.count("-") == 4
    assert normalize_recovery_code(code.lower()) == code
    assert normalize_recovery_code("too short") is None


def test_damaged_keyfile(tmp_path):
    (tmp_path / "k.json").write_text("{not json")
    with pytest.raises(keys.KeyFileError):
        Vault(tmp_path / "k.json", None).load()


def test_fail_backend_detected():
    from keyring.backends.fail import Keyring as FailKeyring

    store = SystemKeyring(backend=FailKeyring())
    with pytest.raises(KeyringUnavailable) as info:
        store.check()
    assert info.value.reason == KeyringUnavailable.NO_BACKEND


def test_plaintext_backend_refused():
    class PlaintextKeyring:  # stands in for keyrings.alt.file.PlaintextKeyring
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    with pytest.raises(KeyringUnavailable) as info:
        SystemKeyring(backend=PlaintextKeyring()).check()
    assert info.value.reason == KeyringUnavailable.INSECURE


def test_locked_secret_service_maps_to_locked():
    from keyring.backend import KeyringBackend
    from keyring.errors import KeyringLocked

    class LockedBackend(KeyringBackend):
        priority = 5

        def get_password(self, service, username):
            raise KeyringLocked("Failed to unlock the collection!")

        def set_password(self, service, username, password):
            raise KeyringLocked("Failed to unlock the collection!")

        def delete_password(self, service, username):
            raise KeyringLocked("Failed to unlock the collection!")

    with pytest.raises(KeyringUnavailable) as info:
        SystemKeyring(backend=LockedBackend()).get("x")
    assert info.value.reason == KeyringUnavailable.LOCKED


@pytest.mark.parametrize("bind", [True, False])
def test_a_failed_first_start_leaves_nothing_to_block_the_next(tmp_path, fast_kdf, monkeypatch, bind):
    """The database could not be made (a full disk while migrating): the key file, the half-made
    database and the keyring's new key all go, and the next try works."""
    from sellerdesk.store import migrations
    from sellerdesk.store.database import close_store
    from sellerdesk.store.session import DataDir

    store = MemorySecretStore()
    datadir = DataDir(tmp_path / "home", store)
    real = migrations.migrate

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "migrate", full_disk)
    with pytest.raises(OSError):
        datadir.initialize("keyring", bind=bind)
    assert sorted(p.name for p in (tmp_path / "home").iterdir() if p.name != "logs") == []
    assert store.data == {} and not datadir.is_initialized()
    monkeypatch.setattr(migrations, "migrate", real)
    key, _code = datadir.initialize("keyring", bind=bind)
    assert datadir.is_initialized() and store.data
    if bind:
        close_store()
