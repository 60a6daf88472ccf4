"""Issue #12, item 5: what a killed backup leaves (a full encrypted snapshot beside the
database, a ``.part`` in the backup folder) is removed at the next start or backup — only
our exact names, and never while the backup that made them still runs in another process."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from folders import leftovers

from sellerdesk.backup import backup_datadir, clean_leftovers, create_backup
from sellerdesk.backup.safewrite import PART_RE, remove_stale_parts
from sellerdesk.backup.snapshot import SNAPSHOT_RE, remove_abandoned_snapshots
from sellerdesk.store import demo
from sellerdesk.store.filelocks import claim_abandoned, create_locked, is_held, try_acquire

HOLDER = Path(__file__).with_name("holder.py")
SNAP = ".backup-snapshot-0123456789ab"
PART = ".sellerdesk-0a1b2c3d-sellerdesk-20261122-153000.sdbackup.part"


class Holder:
    """Another process holding one of our locks (see holder.py)."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HOLDER), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout.readline().strip() == "ready"

    def stop(self) -> None:
        self.proc.communicate("done\n", timeout=60)
        assert self.proc.returncode == 0


def abandoned_snapshot(folder: Path, token: str = "0123456789ab", *, with_lock: bool = True) -> list[Path]:
    made = [folder / f".backup-snapshot-{token}.db", folder / f".backup-snapshot-{token}.db-journal"]
    if with_lock:
        made.append(folder / f".backup-snapshot-{token}.lock")
    for path in made:
        path.write_bytes(b"x" * 100)
    return made


# ----- the lock itself -------------------------------------------------------------------------------------


def test_lock_is_seen_held_from_another_process_and_free_once_it_dies(tmp_path):
    path = tmp_path / "job.lock"
    holder = Holder("lock", str(path))
    try:
        assert is_held(path)
        assert claim_abandoned(path) is None
        assert try_acquire(path) is None
    finally:
        holder.stop()
    assert not path.exists()  # its owner removed it
    assert not is_held(path)
    killed = subprocess.Popen(
        [sys.executable, str(HOLDER), "lock", str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert killed.stdout.readline().strip() == "ready"
    killed.send_signal(signal.SIGKILL)
    killed.communicate()
    assert path.exists() and not is_held(path)  # a dead owner's lock file is free
    claim = claim_abandoned(path)
    assert claim is not None and claim.held
    claim.release()
    assert not path.exists()


def test_lock_held_in_this_process_counts_as_held(tmp_path):
    """flock belongs to the open file: our own running backup is never taken for a dead one."""
    lock = create_locked(tmp_path / "mine.lock")
    assert lock is not None
    try:
        assert is_held(tmp_path / "mine.lock")
        assert create_locked(tmp_path / "mine.lock") is None
    finally:
        lock.release()
    assert not (tmp_path / "mine.lock").exists()


def test_a_lock_file_unlinked_by_its_owner_is_not_trusted(tmp_path, monkeypatch):
    """Between our open and our lock its owner finished and removed it: we must not think we hold it."""
    from sellerdesk.store import filelocks

    path = tmp_path / "job.lock"
    path.write_bytes(b"")
    real = filelocks._try_lock

    def owner_finishes_first(fd):
        path.unlink()
        return real(fd)

    monkeypatch.setattr(filelocks, "_try_lock", owner_finishes_first)
    claim = claim_abandoned(path)
    assert claim is not None and not claim.held


# ----- snapshots beside the database ------------------------------------------------------------------------


def test_next_backup_removes_an_abandoned_snapshot(filled, tmp_path):
    made = abandoned_snapshot(filled.home) + abandoned_snapshot(filled.home, "ba9876543210", with_lock=False)
    create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
    assert not any(p.exists() for p in made)
    assert leftovers(filled.home) == []


def test_start_removes_an_abandoned_snapshot(filled):
    made = abandoned_snapshot(filled.home)
    assert clean_leftovers(filled.home) == 1
    assert not any(p.exists() for p in made)


def test_snapshot_of_a_backup_running_in_another_process_is_kept(filled, tmp_path):
    lock_path = filled.home / f"{SNAP}.lock"
    holder = Holder("lock", str(lock_path))
    try:
        (filled.home / f"{SNAP}.db").write_bytes(b"being written")
        create_backup(filled.db_path, filled.key, filled.vault.load(), [tmp_path])
        assert clean_leftovers(filled.home) == 0
        assert (filled.home / f"{SNAP}.db").read_bytes() == b"being written"
    finally:
        holder.stop()
    assert remove_abandoned_snapshots(filled.home) == 1  # once it is gone, its snapshot is not wanted
    assert leftovers(filled.home) == []


def test_only_exact_snapshot_names_are_removed(filled):
    foreign = [
        ".backup-snapshot-0123456789ab.dbx",
        ".backup-snapshot-0123456789AB.db",
        ".backup-snapshot-0123456789ab.db.bak",
        "backup-snapshot-0123456789ab.db",
        ".backup-snapshot-123.db",
        ".backup-snapshot-0123456789ab.lock.old",
    ]
    for name in foreign:
        (filled.home / name).write_bytes(b"keep")
        assert not SNAPSHOT_RE.match(name)
    clean_leftovers(filled.home)
    assert all((filled.home / name).read_bytes() == b"keep" for name in foreign)


# ----- .part files in the backup folder ---------------------------------------------------------------------


def test_next_backup_removes_an_abandoned_part_at_once(filled, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / PART).write_bytes(b"half a backup")  # fresh: an age rule would keep it for an hour
    backup_datadir(filled, filled.key, [folder])
    assert not (folder / PART).exists()
    assert [p.suffix for p in folder.iterdir()] == [".sdbackup"]


def test_part_being_written_by_another_process_is_kept(filled, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    holder = Holder("part", str(folder), "sellerdesk-20261122-153000.sdbackup")
    try:
        (part,) = [p for p in folder.iterdir() if PART_RE.match(p.name)]
        backup_datadir(filled, filled.key, [folder])
        assert remove_stale_parts(folder) == 0
        assert part.read_bytes() == b"half a backup"
    finally:
        holder.stop()
    assert not part.exists() and (folder / "sellerdesk-20261122-153000.sdbackup").exists()


def test_only_exact_part_names_are_removed(filled, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    foreign = [
        ".sellerdesk-zzzzzzzz-sellerdesk-20261122-153000.sdbackup.part",
        ".sellerdesk-0a1b2c3d-holiday-photos.zip.part",
        "download.part",
        ".sellerdesk-0a1b2c3d-sellerdesk-20261122-153000.sdbackup.part.keep",
    ]
    for name in foreign:
        (folder / name).write_bytes(b"keep")
    backup_datadir(filled, filled.key, [folder])
    assert all((folder / name).read_bytes() == b"keep" for name in foreign)


# ----- the real thing: backups killed with SIGKILL ----------------------------------------------------------


@pytest.mark.slow
def test_backups_killed_at_random_moments_leave_nothing_after_the_next_backup(data_dir, tmp_path):
    """Kill ``sellerdesk-cli backup`` while it works; whatever it left is gone after the next backup."""
    demo.generate(3000, seed=7)  # a few MB, so the snapshot and the .part live long enough to be hit
    data_dir.close()
    env = dict(os.environ, SELLERDESK_HOME=str(data_dir.home))
    env.pop("SELLERDESK_PASSPHRASE", None)
    env["SELLERDESK_PASSPHRASE"] = data_dir.code  # the recovery code unlocks it headless
    usb = tmp_path / "usb"
    usb.mkdir()
    argv = [sys.executable, "-m", "sellerdesk.cli", "backup", "--to", str(usb)]

    def snapshot_started() -> bool:
        return any(SNAPSHOT_RE.match(name) for name in os.listdir(data_dir.home))

    # one full run to know how long the work takes once the snapshot lock appears
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None and not snapshot_started():
        time.sleep(0.002)
    began = time.monotonic()
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    work = max(0.05, time.monotonic() - began)

    rng = random.Random(20261203)
    left_behind = kills = 0
    for _ in range(12):
        kills += 1
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and not snapshot_started():
            time.sleep(0.002)
        time.sleep(rng.uniform(0, work * 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        found = [n for n in os.listdir(data_dir.home) if SNAPSHOT_RE.match(n)]
        found += [n for n in os.listdir(usb) if n.endswith(".part")]
        left_behind += bool(found)
        if left_behind >= 4:
            break
    print(f"backup kill loop: {kills} kills, {left_behind} left files behind (work {work:.2f} s)")
    assert left_behind >= 1  # the kills did land while the backup worked

    data_dir.open(data_dir.key)
    result = backup_datadir(data_dir, data_dir.key, [usb])
    assert leftovers(data_dir.home) == []
    assert not [n for n in os.listdir(usb) if n.endswith(".part")]
    assert result.path.exists()
