"""A restore killed at any instant is finished or undone by the next command.

``kill -9`` leaves the files exactly as they are at that instant, and the OS drops the dead
process's locks. So instead of killing at random, the data folder is copied just before
every file-system change a real restore makes (every create, rename and delete): each copy
is the folder a kill at that instant leaves behind. Each one must then

1. come back consistent through whatever command runs first — ``restore`` or ``list`` —:
   the key file belongs to the database in place, nothing a restore stages is left, and no
   raw SQLCipher line or internal error reaches stderr;
2. take a restore of yet another backup (another key) and open it.

(The real SIGKILL loop is in ``test_restore_kill_loop.py``.)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from folders import Folder, customer_count, leftovers, make_folder

from sellerdesk.backup import restore_into
from sellerdesk.backup.snapshot import open_raw
from sellerdesk.cli import main
from sellerdesk.store import files as store_files
from sellerdesk.store.errors import StoreError
from sellerdesk.store.keys import KeyFile, key_id
from sellerdesk.store.session import DataDir


class Freezer:
    """Copies ``home`` before each file-system change (one copy per distinct set of names)."""

    def __init__(self, home: Path, out: Path) -> None:
        self.home, self.out = home, out
        self.states: list[Path] = []
        self.seen: set[tuple[str, ...]] = set()
        self.armed = False
        self.busy = False
        self.changes = 0

    def freeze(self) -> None:
        if not self.armed or self.busy or not self.home.exists():
            return
        self.busy = True
        try:
            self.changes += 1
            names = tuple(sorted(n for n in os.listdir(self.home) if n not in ("logs", "before-restore")))
            if names in self.seen:
                return
            self.seen.add(names)
            target = self.out / f"{len(self.states):03d}"
            shutil.copytree(self.home, target, ignore=shutil.ignore_patterns("logs"))
            self.states.append(target)
        finally:
            self.busy = False

    def install(self, patch: pytest.MonkeyPatch) -> None:
        real_replace, real_unlink, real_open, real_builtin_open = os.replace, os.unlink, os.open, open

        def replace(*args, **kwargs):
            self.freeze()
            return real_replace(*args, **kwargs)

        def unlink(*args, **kwargs):
            self.freeze()
            return real_unlink(*args, **kwargs)

        def os_open(path, flags, *args, **kwargs):
            if flags & os.O_CREAT:
                self.freeze()
            return real_open(path, flags, *args, **kwargs)

        def builtin_open(file, mode="r", *args, **kwargs):
            if any(ch in mode for ch in "wax+"):
                self.freeze()
            return real_builtin_open(file, mode, *args, **kwargs)

        patch.setattr(os, "replace", replace)
        patch.setattr(os, "unlink", unlink)
        patch.setattr(os, "open", os_open)
        patch.setattr(store_files, "open", builtin_open, raising=False)  # write_atomic's temporary file


def frozen_restore(tmp_path: Path, home: Path, source: Folder, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Restore ``source``'s backup into ``home``; every state a kill could leave, in order."""
    freezer = Freezer(home, tmp_path / f"frozen-{home.name}")
    with monkeypatch.context() as patch:
        freezer.install(patch)
        freezer.armed = True
        restore_into(source.backup, source.key, DataDir(home, None))
        freezer.armed = False
    assert freezer.changes > 20  # the restore really went through its steps
    return freezer.states


def database_in_place(home: Path, candidates: list[Folder]) -> tuple[Folder | None, int]:
    """Which folder's key opens the database there now (None: no database), and its customers.
    Probed on a copy: opening it in place would add a -wal and so change the state under test."""
    if not (home / "sellerdesk.db").exists():
        return None, 0
    probe = home.with_name(home.name + "-probe")
    probe.mkdir()
    try:
        for name in ("sellerdesk.db", "sellerdesk.db-wal"):
            if (home / name).exists():
                shutil.copy2(home / name, probe / name)
        for folder in candidates:
            try:
                open_raw(probe / "sellerdesk.db", folder.key).close()
            except StoreError:
                continue
            return folder, customer_count(probe / "sellerdesk.db", folder.key)
    finally:
        shutil.rmtree(probe)
    raise AssertionError(f"the database in {home} opens with none of the keys")


def run(capfd, monkeypatch, home: Path, password: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("SELLERDESK_HOME", str(home))
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", password)
    capfd.readouterr()  # only what the command itself writes
    code = main(list(argv))
    out, err = capfd.readouterr()
    assert "ERROR CORE" not in err and "internal error" not in err and "Traceback" not in err, err
    assert err.count("\n") <= 1, err
    return code, out, err


def check_recovers(
    state: Path, first: str, old: Folder | None, old_total: int, new: Folder, other: Folder, capfd, monkeypatch
) -> tuple[Folder | None, int]:
    """One frozen state: the first command recovers it; then another backup restores into it.
    Returns whose database was in place and its customers after recovery (``old`` has
    ``old_total``, counting what only its -wal holds; without ``old`` the count found)."""
    candidates = [f for f in (new, old) if f is not None]
    in_place, found = database_in_place(state, candidates)
    expected = old_total if in_place is old and old is not None else found
    if first == "list":
        if in_place is None:
            code, _out, err = run(capfd, monkeypatch, state, new.password, "list")
            assert code == 1 and "no SellerDesk database" in err
            assert not (state / "sellerdesk.keys.json").exists()
        else:
            code, _out, err = run(capfd, monkeypatch, state, in_place.password, "list", "--json")
            assert code == 0, err
            assert KeyFile.load(state / "sellerdesk.keys.json").key_id == key_id(in_place.key)
            assert not [n for n in leftovers(state) if not n.startswith(".backup-snapshot-")]
            assert customer_count(state / "sellerdesk.db", in_place.key) == expected
    code, out, err = run(capfd, monkeypatch, state, other.password, "restore", str(other.backup))
    assert code == 0 and err == "", err
    assert "Restored the backup of" in out
    assert leftovers(state) == []
    assert KeyFile.load(state / "sellerdesk.keys.json").key_id == key_id(other.key)
    assert customer_count(state / "sellerdesk.db", other.key) == other.customers
    code, out, err = run(capfd, monkeypatch, state, other.password, "list", "--json")
    assert code == 0 and len(out.splitlines()) == other.customers - 1  # populate() trashes one
    return in_place, expected


@pytest.fixture
def three(tmp_path, isolated_environment, fast_kdf):
    backups = tmp_path / "backups"
    target = make_folder(tmp_path / "target", "target quartz meadow 1", 2, backups, more_after=2, crashed_writer=True)
    source = make_folder(tmp_path / "source", "source violet harbor 2", 3, backups)
    other = make_folder(tmp_path / "other", "other copper lantern 33", 5, backups)
    return target, source, other


def test_killed_anywhere_in_a_restore_with_another_key(tmp_path, three, capfd, monkeypatch):
    target, source, other = three
    states = frozen_restore(tmp_path, target.home, source, monkeypatch)
    names = [set(os.listdir(state)) for state in states]
    # among them: the old -wal set aside, and the new database in place with its key file still parked
    assert any(any(n.endswith(".replaced-wal") for n in found) for found in names)
    assert any(
        "sellerdesk.keys.json.pending" in found
        and not any(n.endswith(".db") and n.startswith(".restore-") for n in found)
        for found in names
    )
    seen = set()
    for state in states:
        # each state twice: recovered by `restore` itself, and by another command
        twin = state.with_name(state.name + "-twin")
        shutil.copytree(state, twin)
        for first, copy in (("restore", state), ("list", twin)):
            # undone: the old data, including what only its -wal held (4); finished: the backup's (3)
            in_place, count = check_recovers(copy, first, target, 4, source, other, capfd, monkeypatch)
            seen.add((in_place.password, count))
    assert seen == {(target.password, 4), (source.password, 3)}  # states from before and after the swap
    # and the restore itself finished normally
    assert KeyFile.load(target.home / "sellerdesk.keys.json").key_id == key_id(source.key)
    assert leftovers(target.home) == []


def test_killed_anywhere_in_a_restore_with_the_same_key(tmp_path, three, capfd, monkeypatch):
    """The folder's own older backup: no key file moves; the database is the old or the restored one."""
    target, _source, other = three
    older = Folder(target.home, target.password, target.key, target.backup, 2)
    states = frozen_restore(tmp_path, target.home, older, monkeypatch)
    counts = set()
    for index, state in enumerate(states):
        first = ("restore", "list")[index % 2]
        counts.add(check_recovers(state, first, None, 0, older, other, capfd, monkeypatch)[1])
    assert counts == {2, 4}  # before the swap (2 + 2 added later) and after it (the backup's 2)


def test_killed_anywhere_in_a_restore_into_an_empty_folder(tmp_path, three, capfd, monkeypatch):
    _target, source, other = three
    empty = tmp_path / "new-laptop"
    states = frozen_restore(tmp_path, empty, source, monkeypatch)
    for index, state in enumerate(states):
        check_recovers(state, ("list", "restore")[index % 2], None, 0, source, other, capfd, monkeypatch)
