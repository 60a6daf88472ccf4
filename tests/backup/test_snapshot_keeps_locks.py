"""A backup taken by the running app, and the copy made before a migration, never cost the app
its database locks. Both read the database file with open() … close(), and closing any
descriptor of a file drops every POSIX lock the process holds on it — SQLite's shared lock on
the database too, which a WAL-mode connection holds for as long as it is open and which tells
another program's SQLite that it is not the last one (store.live_file). Real processes: a lock
is seen from another process, as SQLite in a sellerdesk-cli job would see it."""

import json
import os
import subprocess
import sys

import pytest

PENDING_BYTE = 0x40000000  # SQLite's lock bytes: a shared lock is a read lock on SHARED_FIRST.. +510
SHARED_FIRST, SHARED_SIZE = PENDING_BYTE + 2, 510

APP_SIDE = r"""
import json, os, subprocess, sys
from pathlib import Path
from sellerdesk.backup.snapshot import METHOD_COPY, take_snapshot
from sellerdesk.store.database import connect, pre_migration_copy

home, key, how = Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), sys.argv[3]
path = home / "sellerdesk.db"
db = connect(path, key, create=True)
db.execute_sql("CREATE TABLE t (x INTEGER)")
db.execute_sql("INSERT INTO t VALUES (1)")
probe = [sys.executable, sys.argv[4], str(path)]
before = subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()
if how == "backup":  # what 立即备份 does while the window has the database open
    assert take_snapshot(path, key, home / "snap.db").method == METHOD_COPY
else:  # the copy made before a migration, the database open
    pre_migration_copy(db, path, 1)
after = subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()
db.execute_sql("INSERT INTO t VALUES (2)")
print(json.dumps({"before": before, "after": after, "seen": db.execute_sql("SELECT count(*) FROM t").fetchone()[0]}))
"""

PROBE = f"""
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, {SHARED_SIZE}, {SHARED_FIRST})
    print("free")
except OSError:
    print("held")
"""


@pytest.mark.parametrize("how", ["backup", "migration"])
def test_the_app_keeps_its_shared_lock_on_the_database(tmp_path, how):
    home = tmp_path / how
    home.mkdir()
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE)
    proc = subprocess.run(
        [sys.executable, "-c", APP_SIDE, str(home), os.urandom(32).hex(), how, str(probe)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["before"] == "held"  # (the probe sees SQLite's lock at all)
    assert result["after"] == "held"  # the copy did not drop it
    assert result["seen"] == 2


def test_without_posix_locks_the_copy_reads_plainly(tmp_path, monkeypatch):
    """Windows: no os.pread, and SQLite's LockFileEx locks survive another handle's close; a handle
    kept open would keep a restore from replacing the file, so none is kept."""
    from sellerdesk.store import live_file

    monkeypatch.setattr(live_file, "POSIX_LOCKS", False)
    monkeypatch.delattr(os, "pread")
    path = tmp_path / "f.db"
    path.write_bytes(b"x" * 10_000)
    assert b"".join(live_file.blocks(path, 4096)) == b"x" * 10_000
    assert not live_file._HELD or all(os.fstat(fd).st_ino != path.stat().st_ino for fd in live_file._HELD.values())
