"""Issue #12, item 1: a restore never reports success over a database that will not open;
what a dead restore staged is recognised and removed; a live restore's files are left alone;
``restore``, every other command and the app's start recover an interrupted restore."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from folders import customer_count, leftovers, make_folder

from sellerdesk.backup import (
    RestoreNotInPlaceError,
    clean_leftovers,
    commit_restore,
    prepare_restore,
    restore_into,
)
from sellerdesk.cli import main
from sellerdesk.store import restore_journal
from sellerdesk.store.keys import KeyFile, key_id
from sellerdesk.store.restore_journal import RestoreBusyError
from sellerdesk.store.session import DataDir

STALE = ".restore-0123456789ab.db"


@pytest.fixture
def pair(tmp_path, isolated_environment, fast_kdf):
    """Data folders A (2 customers) and B (3 customers) with different master passwords."""
    backups = tmp_path / "backups"
    a = make_folder(tmp_path / "A", "amber orbit kettle of A 1", 2, backups)
    b = make_folder(tmp_path / "B", "velvet canyon drum of B 2", 3, backups)
    return a, b


def cli(capfd, monkeypatch, home, password, *argv):
    monkeypatch.setenv("SELLERDESK_HOME", str(home))
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", password)
    capfd.readouterr()  # only what the command itself writes
    code = main(list(argv))
    out, err = capfd.readouterr()
    assert "ERROR CORE" not in err and "internal error" not in err, err
    return code, out, err


def test_stale_staged_file_no_longer_blocks_the_key_file(pair, capfd, monkeypatch):
    """The issue's reproduction: a stale .restore-*.db in A, restore B's backup into A, list."""
    a, b = pair
    (a.home / STALE).write_bytes(b"")
    code, out, err = cli(capfd, monkeypatch, a.home, b.password, "restore", str(b.backup))
    assert code == 0 and err == "" and "Restored the backup of" in out
    code, out, err = cli(capfd, monkeypatch, a.home, b.password, "list", "--json")
    assert code == 0, err
    assert len(out.splitlines()) == 2  # B's 3, one of them in the Trash
    assert KeyFile.load(a.home / "sellerdesk.keys.json").key_id == key_id(b.key)
    assert leftovers(a.home) == []


def test_stale_staged_file_is_removed_by_any_command(pair, capfd, monkeypatch):
    a, _b = pair
    for suffix in ("", "-wal", "-journal"):
        (a.home / (STALE + suffix)).write_bytes(b"half a database")
    code, _out, err = cli(capfd, monkeypatch, a.home, a.password, "list")
    assert code == 0, err
    assert leftovers(a.home) == []


def test_restore_finishes_an_interrupted_key_file_move_itself(pair, capfd, monkeypatch):
    """The issue's second case: killed between the database swap and the key-file move (as
    an older version left it: no journal), then `restore` is the next command."""
    a, b = pair
    a_database = (a.home / "sellerdesk.db").read_bytes()
    (a.home / "sellerdesk.db").write_bytes((b.home / "sellerdesk.db").read_bytes())
    (a.home / "sellerdesk.keys.json.pending").write_bytes((b.home / "sellerdesk.keys.json").read_bytes())
    code, out, err = cli(capfd, monkeypatch, a.home, a.password, "restore", str(a.backup))
    assert (code, err) == (0, "")  # no "Wrong key", no raw SQLCipher lines
    assert KeyFile.load(a.home / "sellerdesk.keys.json").key_id == key_id(a.key)
    assert customer_count(a.home / "sellerdesk.db", a.key) == 2
    assert a_database  # (A's own database was replaced by B's before the 'crash')
    # the data the restore replaced (B's, with B's key file) was saved first
    saved = sorted((a.home / "before-restore").iterdir())
    assert (
        len(saved) == 1
        and (saved[0] / "sellerdesk.keys.json").read_bytes() == (b.home / "sellerdesk.keys.json").read_bytes()
    )


def test_no_success_without_the_key_file_in_place(pair, capfd, monkeypatch):
    """The key file cannot be moved (a fault that persists): restore says so, exit 1, and the
    next command after the fault is gone finishes the move."""
    a, b = pair

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(DataDir, "settle_pending_keyfile", refuse)
        code, out, err = cli(capfd, monkeypatch, a.home, b.password, "restore", str(b.backup))
    assert code == 1 and "are back" not in out
    assert err.count("\n") == 1 and "does not open with the key file" in err
    code, out, err = cli(capfd, monkeypatch, a.home, b.password, "list", "--json")
    assert code == 0, err
    assert len(out.splitlines()) == 2
    assert leftovers(a.home) == []


def test_verify_in_place_catches_a_key_file_that_did_not_follow(pair):
    a, b = pair
    target = DataDir(a.home, None)
    (a.home / "sellerdesk.db").write_bytes((b.home / "sellerdesk.db").read_bytes())
    with pytest.raises(RestoreNotInPlaceError):
        from sellerdesk.backup import verify_in_place

        verify_in_place(target, b.key)


def test_a_running_restore_keeps_its_staged_file(pair, capfd, monkeypatch):
    """While a restore is prepared (in this process), other commands — in another process
    too — use the old data and leave the staged file alone; a second restore is refused."""
    a, b = pair
    target = DataDir(a.home, None)
    staged = prepare_restore(b.backup, b.key, target)
    try:
        assert staged.staged_path.exists()
        assert target.is_initialized() and staged.staged_path.exists()
        env = dict(os.environ, SELLERDESK_HOME=str(a.home), SELLERDESK_PASSPHRASE=a.password)
        proc = subprocess.run(
            [sys.executable, "-m", "sellerdesk.cli", "list", "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 0, proc.stderr
        assert len(proc.stdout.splitlines()) == 1  # A's data: 2 customers, one in the Trash
        assert staged.staged_path.exists()
        clean_leftovers(a.home)
        assert staged.staged_path.exists()
        with pytest.raises(RestoreBusyError):
            prepare_restore(b.backup, b.key, target)
        code, _out, err = cli(capfd, monkeypatch, a.home, b.password, "restore", str(b.backup))
        assert code == 1 and "under way" in err and err.count("\n") == 1
        assert staged.staged_path.exists()
        result = commit_restore(staged, target)
    finally:
        staged.discard()
    assert result.complete and leftovers(a.home) == []
    assert customer_count(a.home / "sellerdesk.db", b.key) == 3


def test_a_command_waits_for_a_swap_under_way_then_refuses(pair):
    a, _b = pair
    target = DataDir(a.home, None)
    lock = restore_journal.lock_restore(a.home)
    try:
        journal = restore_journal.Journal.for_staged(restore_journal.new_staged_name(), "0" * 16, None)
        restore_journal.write_journal(a.home, journal)
        (a.home / journal.staged).write_bytes(b"staged")
        with pytest.raises(RestoreBusyError, match="under way"):
            restore_journal.recover(target, wait=0.2)
        assert (a.home / journal.staged).exists()  # untouched while its restore lives
    finally:
        lock.release()
    assert restore_journal.recover(target) == restore_journal.ROLLED_BACK  # its owner died: undone
    assert leftovers(a.home) == []
    assert target.is_initialized()


def test_unreadable_journal_is_decided_by_the_files(pair):
    a, b = pair
    target = DataDir(a.home, None)
    (a.home / restore_journal.JOURNAL_NAME).write_bytes(b"{not json")
    (a.home / STALE).write_bytes(b"staged")
    (a.home / "sellerdesk.keys.json.pending").write_bytes((b.home / "sellerdesk.keys.json").read_bytes())
    assert target.is_initialized()
    assert KeyFile.load(target.keyfile_path).key_id == key_id(a.key)  # not swapped: A's key file stays
    assert leftovers(a.home) == []


def test_files_that_are_not_ours_are_never_deleted(pair, capfd, monkeypatch):
    a, b = pair
    foreign = [
        ".restore-abc123.db",  # not 12 hex digits
        ".restore-0123456789AB.db",  # upper case: not a name we make
        ".restore-0123456789ab.db.bak",
        ".restore-0123456789ab.txt",
        "restore-0123456789ab.db",
        ".backup-snapshot-notours.db",
        ".backup-snapshot-0123456789ab.db.old",
        ".sellerdesk-restore.journal.old",
        "sellerdesk.keys.json.pending.bak",
        "my notes.txt",
    ]
    for name in foreign:
        (a.home / name).write_bytes(b"keep me")
    (a.home / STALE).write_bytes(b"")  # ours, stale
    assert cli(capfd, monkeypatch, a.home, a.password, "list")[0] == 0
    clean_leftovers(a.home)
    restore_into(b.backup, b.key, DataDir(a.home, None))
    assert cli(capfd, monkeypatch, a.home, b.password, "backup", "--to", str(a.home.parent / "backups"))[0] == 0
    for name in foreign:
        assert (a.home / name).read_bytes() == b"keep me", name
    assert not (a.home / STALE).exists()


def test_app_start_recovers_an_interrupted_restore(pair, qapp, qtbot, monkeypatch):
    """Killed after the swap, before the key file moved (journaled), plus a backup's
    abandoned snapshot: the app starts on the restored data and removes the snapshot."""
    from sellerdesk import app as app_module

    a, b = pair
    journal = restore_journal.Journal.for_staged(
        restore_journal.new_staged_name(), b.key and key_id(b.key), (b.home / "sellerdesk.keys.json").read_text()
    )
    restore_journal.write_journal(a.home, journal)
    (a.home / "sellerdesk.keys.json.pending").write_bytes((b.home / "sellerdesk.keys.json").read_bytes())
    (a.home / "sellerdesk.db").write_bytes((b.home / "sellerdesk.db").read_bytes())
    (a.home / ".backup-snapshot-0123456789ab.db").write_bytes(b"a full copy")
    (a.home / ".backup-snapshot-0123456789ab.lock").write_bytes(b"")
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", b.password)
    datadir = DataDir(a.home, None)
    window = app_module.start(qapp, datadir)
    try:
        assert window is not None
        qtbot.addWidget(window)
        assert window.context.key == b.key
        assert leftovers(a.home) == []
    finally:
        datadir.close()


def test_a_wrong_key_prints_no_raw_sqlcipher_lines(pair, capfd):
    """SQLCipher logs a failed page decryption on stderr by default; none of it reaches the user."""
    from sellerdesk.store.database import open_raw
    from sellerdesk.store.errors import WrongKeyError

    a, b = pair
    capfd.readouterr()
    with pytest.raises(WrongKeyError):
        open_raw(a.home / "sellerdesk.db", b.key)
    assert capfd.readouterr().err == ""
