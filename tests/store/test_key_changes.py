"""Changing the master password, switching keyring ↔ password, a new recovery code.

Each one re-wraps the data key in the key file and never touches the database: the
database file is byte-identical afterwards, and a refusal (wrong current password, weak new
one, locked keyring, wrong mode) leaves the key file byte-identical too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from sellerdesk.store import customers
from sellerdesk.store.errors import WrongKeyError
from sellerdesk.store.keys import (
    MODE_KEYRING,
    MODE_PASSWORD,
    KeyFileChangedError,
    KeyModeError,
    WeakPasswordError,
)
from sellerdesk.store.secrets import KeyringUnavailable, MemorySecretStore
from sellerdesk.store.session import DataDir, NeedsSecretError

OLD = "amber kettle orbit seventy"
NEW = "quiet walnut ferry lantern"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def password_dir(isolated_environment, fast_kdf):
    keyring = MemorySecretStore()
    datadir = DataDir(isolated_environment, keyring)
    key, code = datadir.initialize(MODE_PASSWORD, OLD)
    customers.save_customer(None, {"name": "张三", "phone": "13812345678"}, [])
    datadir.close()  # checkpointed: the file on disk is the whole database
    datadir.key, datadir.code = key, code  # type: ignore[attr-defined]
    return datadir


@pytest.fixture
def keyring_dir(tmp_path, fast_kdf):
    datadir = DataDir(tmp_path / "keyring-mode", MemorySecretStore())
    key, code = datadir.initialize(MODE_KEYRING)
    datadir.close()
    datadir.key, datadir.code = key, code  # type: ignore[attr-defined]
    return datadir


class Files:
    """The database and key file as they are now, to compare after a change."""

    def __init__(self, datadir: DataDir) -> None:
        self.datadir = datadir
        self.db = digest(datadir.db_path)
        self.keyfile = datadir.keyfile_path.read_bytes()

    def db_untouched(self) -> bool:
        return digest(self.datadir.db_path) == self.db

    def keyfile_untouched(self) -> bool:
        return self.datadir.keyfile_path.read_bytes() == self.keyfile


def opens(datadir: DataDir, secret: str) -> bool:
    try:
        return datadir.unlock_with_secret(secret) == datadir.key  # type: ignore[attr-defined]
    except WrongKeyError:
        return False


def no_leftovers(datadir: DataDir) -> bool:
    return sorted(p.name for p in datadir.home.glob("sellerdesk.keys.json*")) == ["sellerdesk.keys.json"]


def test_change_password(password_dir):
    before = Files(password_dir)
    password_dir.vault.change_password(password_dir.key, OLD, NEW)
    assert before.db_untouched()
    assert not opens(password_dir, OLD)
    assert opens(password_dir, NEW)
    assert opens(password_dir, password_dir.code)  # the recovery code is not affected
    password_dir.open(password_dir.unlock_with_secret(NEW))
    assert customers.get_customer(1).name == "张三"
    assert no_leftovers(password_dir)
    assert password_dir.keyfile_path.stat().st_mode & 0o777 == 0o600


def test_change_password_with_the_recovery_code_as_the_current_secret(password_dir):
    """Forgot the password: unlocked with the recovery code, the code also proves it is you."""
    password_dir.vault.change_password(password_dir.key, password_dir.code, NEW)
    assert opens(password_dir, NEW)


@pytest.mark.parametrize(
    ("current", "new", "error"),
    [
        ("wrong password here", NEW, WrongKeyError),
        ("", NEW, WrongKeyError),
        (OLD, "woaini1314", WeakPasswordError),
        (OLD, "short", WeakPasswordError),
    ],
)
def test_change_password_refusals_change_nothing(password_dir, current, new, error):
    before = Files(password_dir)
    with pytest.raises(error) as info:
        password_dir.vault.change_password(password_dir.key, current, new)
    assert "\n" not in str(info.value)
    assert before.keyfile_untouched() and before.db_untouched()
    assert opens(password_dir, OLD)
    assert no_leftovers(password_dir)


def test_no_password_to_change_in_keyring_mode(keyring_dir):
    before = Files(keyring_dir)
    with pytest.raises(KeyModeError):
        keyring_dir.vault.change_password(keyring_dir.key, "", NEW)
    assert before.keyfile_untouched()


def test_a_key_that_is_not_this_databases_is_refused(password_dir):
    before = Files(password_dir)
    with pytest.raises(WrongKeyError):
        password_dir.vault.change_password(os.urandom(32), OLD, NEW)
    assert before.keyfile_untouched()


def test_keyring_to_password(keyring_dir):
    before = Files(keyring_dir)
    keyring_dir.vault.use_password(keyring_dir.key, NEW)
    assert before.db_untouched()
    assert keyring_dir.mode() == MODE_PASSWORD
    assert keyring_dir.secret_store.data == {}, "the keyring copy is removed"
    with pytest.raises(NeedsSecretError):
        keyring_dir.unlock_headless()
    assert opens(keyring_dir, NEW) and opens(keyring_dir, keyring_dir.code)


def test_keyring_to_weak_password_is_refused(keyring_dir):
    before = Files(keyring_dir)
    with pytest.raises(WeakPasswordError):
        keyring_dir.vault.use_password(keyring_dir.key, "zhangsan1990")
    assert before.keyfile_untouched() and keyring_dir.unlock_headless() == keyring_dir.key


def test_password_to_keyring(password_dir):
    before = Files(password_dir)
    password_dir.vault.use_keyring(password_dir.key, OLD)
    assert before.db_untouched()
    assert password_dir.mode() == MODE_KEYRING
    assert password_dir.unlock_headless() == password_dir.key
    assert not opens(password_dir, OLD), "the password envelope is gone"
    assert opens(password_dir, password_dir.code)
    with pytest.raises(KeyModeError):
        password_dir.vault.use_keyring(password_dir.key, OLD)


@pytest.mark.parametrize("keyring", ["locked", "none"])
def test_password_to_an_unusable_keyring_changes_nothing(password_dir, keyring):
    store = MemorySecretStore(locked=True) if keyring == "locked" else None
    datadir = DataDir(password_dir.home, store)
    before = Files(password_dir)
    with pytest.raises(KeyringUnavailable) as info:
        datadir.vault.use_keyring(password_dir.key, OLD)
    assert "\n" not in str(info.value)
    assert before.keyfile_untouched() and opens(password_dir, OLD)


def test_password_to_keyring_with_a_wrong_password_changes_nothing(password_dir):
    before = Files(password_dir)
    with pytest.raises(WrongKeyError):
        password_dir.vault.use_keyring(password_dir.key, "not the password")
    assert before.keyfile_untouched() and password_dir.secret_store.data == {}


def test_a_keyring_that_drops_the_key_is_not_trusted(password_dir):
    class Forgetful(MemorySecretStore):
        def set(self, name, value):
            pass

    datadir = DataDir(password_dir.home, Forgetful())
    before = Files(password_dir)
    with pytest.raises(KeyringUnavailable):
        datadir.vault.use_keyring(password_dir.key, OLD)
    assert before.keyfile_untouched()


@pytest.mark.parametrize("mode", [MODE_PASSWORD, MODE_KEYRING])
def test_new_recovery_code(request, mode):
    datadir = request.getfixturevalue("password_dir" if mode == MODE_PASSWORD else "keyring_dir")
    before = Files(datadir)
    old_code = datadir.code
    code = datadir.vault.replace_recovery_code(datadir.key, OLD if mode == MODE_PASSWORD else None)
    assert code != old_code
    assert before.db_untouched()
    assert not opens(datadir, old_code), "the old code stops working"
    assert opens(datadir, code)
    assert datadir.vault.recovery_code(datadir.key) == code  # 显示恢复码 shows the new one
    if mode == MODE_PASSWORD:
        assert opens(datadir, OLD)
    else:
        assert datadir.unlock_headless() == datadir.key


def test_new_recovery_code_needs_the_password_in_password_mode(password_dir):
    before = Files(password_dir)
    with pytest.raises(WrongKeyError):
        password_dir.vault.replace_recovery_code(password_dir.key, "not it at all")
    assert before.keyfile_untouched()


def test_a_key_file_changed_meanwhile_is_not_overwritten(password_dir, monkeypatch):
    """A restore (or another SellerDesk) replaced the key file while this change scrypted."""
    from sellerdesk.store import keys

    other = b'{"format": "sellerdesk-keys", "written": "by someone else"}'
    real_wrap = keys.wrap

    def wrap_then_replaced(*args, **kwargs):
        result = real_wrap(*args, **kwargs)
        password_dir.keyfile_path.write_bytes(other)
        return result

    monkeypatch.setattr(keys, "wrap", wrap_then_replaced)
    with pytest.raises(KeyFileChangedError):
        password_dir.vault.change_password(password_dir.key, OLD, NEW)
    assert password_dir.keyfile_path.read_bytes() == other
    assert no_leftovers(password_dir)


# --- crash points: a kill at any instant leaves the old or the new wrapping usable ---------------------


class Freezer:
    """Copies the data folder and the keyring before every file-system or keyring change:
    each copy is what a kill -9 at that instant leaves behind."""

    def __init__(self, datadir: DataDir, out: Path) -> None:
        self.datadir, self.out = datadir, out
        self.states: list[tuple[Path, dict[str, str]]] = []

    def freeze(self) -> None:
        target = self.out / f"{len(self.states):03d}"
        shutil.copytree(self.datadir.home, target, ignore=shutil.ignore_patterns("logs"))
        self.states.append((target, dict(self.datadir.secret_store.data)))


@pytest.fixture
def freezer(monkeypatch, tmp_path):
    holder: dict[str, Freezer] = {}
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if "f" in holder:
            holder["f"].freeze()
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    for name in ("set", "delete"):
        real = getattr(MemorySecretStore, name)

        def patched(self, *args, _real=real):
            if "f" in holder:
                holder["f"].freeze()
            return _real(self, *args)

        monkeypatch.setattr(MemorySecretStore, name, patched)

    def arm(datadir: DataDir) -> Freezer:
        holder["f"] = Freezer(datadir, tmp_path / "states")
        return holder["f"]

    return arm


CHANGES = {
    "change_password": (MODE_PASSWORD, lambda d: d.vault.change_password(d.key, OLD, NEW), (OLD, NEW)),
    "use_keyring": (MODE_PASSWORD, lambda d: d.vault.use_keyring(d.key, OLD), (OLD, "keyring")),
    "use_password": (MODE_KEYRING, lambda d: d.vault.use_password(d.key, NEW), ("keyring", NEW)),
    "new_recovery_code": (MODE_PASSWORD, lambda d: d.vault.replace_recovery_code(d.key, OLD), ("code", "new code")),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_kill_at_any_instant_leaves_a_usable_wrapping(change, freezer, request):
    mode, run, (old_way, new_way) = CHANGES[change]
    datadir = request.getfixturevalue("password_dir" if mode == MODE_PASSWORD else "keyring_dir")
    db = digest(datadir.db_path)
    states = freezer(datadir)
    result = run(datadir)
    states.freeze()  # and the finished state
    assert len(states.states) >= 3, "every step of the change was seen"
    new_code = result if change == "new_recovery_code" else None

    def way_opens(copy: DataDir, way: str) -> bool:
        if way == "keyring":
            try:
                return copy.unlock_headless() == datadir.key
            except NeedsSecretError:
                return False
        secret = {"code": datadir.code, "new code": new_code}.get(way, way)
        try:
            return copy.unlock_with_secret(secret) == datadir.key
        except WrongKeyError:
            return False

    outcomes = []
    for folder, ring in states.states:
        store = MemorySecretStore()
        store.data.update(ring)
        copy = DataDir(folder, store)
        assert copy.is_initialized()
        assert digest(copy.db_path) == db
        old_ok, new_ok = way_opens(copy, old_way), way_opens(copy, new_way)
        assert old_ok or new_ok, f"{folder.name}: neither the old nor the new way opens the key"
        if old_ok != new_ok:
            outcomes.append("new" if new_ok else "old")
        if change != "new_recovery_code":
            assert way_opens(copy, "code"), "the recovery code opens every state"
        copy.open(datadir.key)  # and the database opens with the key it unwraps
        copy.close()
    assert outcomes[0] == "old" and outcomes[-1] == "new"
