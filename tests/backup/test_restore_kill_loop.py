"""Issue #12, done-means: ``sellerdesk-cli restore`` killed with SIGKILL at random moments.

Each round kills a real restore process (of a backup with another key than the data in
place), then checks that the folder comes back consistent — through the next command, or
through the next ``restore`` itself — and that ANOTHER backup (of a folder with yet another
key) then restores and opens. Kills are timed from the process start (to hit start-up and
unlocking too) and from the moment the restore takes its lock (to hit decrypting, the
safety copy and the swap). Every step of the swap itself is covered exactly, instant by
instant, in ``test_restore_crash_points.py``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from folders import leftovers

from sellerdesk.backup import clean_leftovers, create_backup, restore_into
from sellerdesk.store import demo, restore_journal
from sellerdesk.store.keys import KeyFile, key_id
from sellerdesk.store.models import Customer
from sellerdesk.store.session import DataDir

ROUNDS = 21


@dataclass
class Source:
    name: str
    password: str
    key: bytes
    backup: Path
    customers: int


def make_source(root: Path, name: str, customers: int) -> Source:
    datadir = DataDir(root / name, None)
    password = f"quiet walnut ferry of {name}"
    key, _code = datadir.initialize("password", password)
    try:
        demo.generate(customers, seed=len(name) + customers)
        backup = create_backup(datadir.db_path, key, datadir.vault.load(), [root / "backups"]).path
    finally:
        datadir.close()
    return Source(name, password, key, backup, customers)


def cli_process(home: Path, source: Source, *argv: str) -> subprocess.Popen:
    env = dict(os.environ, SELLERDESK_HOME=str(home), SELLERDESK_PASSPHRASE=source.password)
    return subprocess.Popen(
        [sys.executable, "-m", "sellerdesk.cli", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def state_of(home: Path, sources: list[Source]) -> Source:
    """After recovery: whose key file is in place; it must open the database it sits beside."""
    keyfile = KeyFile.load(home / "sellerdesk.keys.json")
    (owner,) = [s for s in sources if key_id(s.key) == keyfile.key_id]
    datadir = DataDir(home, None)
    assert datadir.unlock_with_secret(owner.password) == owner.key
    datadir.open(owner.key)
    try:
        assert Customer.select().count() == owner.customers
    finally:
        datadir.close()
    return owner


@pytest.mark.slow
def test_restores_killed_at_random_moments(tmp_path, isolated_environment, fast_kdf):
    (tmp_path / "backups").mkdir()
    sources = [
        make_source(tmp_path, "target", 700),
        make_source(tmp_path, "alpha", 1200),
        make_source(tmp_path, "beta", 1000),
        make_source(tmp_path, "gamma", 500),
    ]
    home = sources[0].backup.parent.parent / "target"
    lock = home / restore_journal.LOCK_NAME

    def staged() -> list[str]:
        return [n for n in os.listdir(home) if restore_journal.STAGED_RE.match(n)]

    # one full run to time it: from the start, from the moment it holds the restore lock, and
    # how long its staged database lives (decrypting, checking, the safety copy)
    start = time.monotonic()
    proc = cli_process(home, sources[1], "restore", str(sources[1].backup))
    while proc.poll() is None and not lock.exists():
        time.sleep(0.001)
    locked = time.monotonic()
    while proc.poll() is None and not staged():
        time.sleep(0.001)
    staged_at = time.monotonic()
    while proc.poll() is None and staged():
        time.sleep(0.001)
    unstaged_at = time.monotonic()
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    end = time.monotonic()
    total, work, window = end - start, max(0.02, end - locked), max(0.005, unstaged_at - staged_at)
    current = state_of(home, sources)
    assert current is sources[1]

    rng = random.Random(12)
    outcomes: Counter[str] = Counter()
    for round_no in range(ROUNDS):
        victim = rng.choice([s for s in sources if s is not current])
        proc = cli_process(home, victim, "restore", str(victim.backup))
        if round_no % 3 == 0:  # anywhere, start-up and unlocking included
            time.sleep(rng.uniform(0, total))
        elif round_no % 3 == 1:  # anywhere once it holds the restore lock
            while proc.poll() is None and not lock.exists():
                time.sleep(0.001)
            time.sleep(rng.uniform(0, work))
        else:  # while its staged database exists, up to the swap
            while proc.poll() is None and not staged():
                time.sleep(0.001)
            time.sleep(rng.uniform(0, window * 1.2))
        if proc.poll() is None:
            seen = sorted(n for n in os.listdir(home) if restore_journal.STAGED_RE.match(n) or "journal" in n)
            proc.send_signal(signal.SIGKILL)
            outcomes["killed while swapping" if any("journal" in n for n in seen) else "killed"] += 1
            if seen:
                outcomes["left staged files"] += 1
        else:
            outcomes["finished first"] += 1
        _out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err and "ERROR CORE" not in err, err

        follow = rng.choice([s for s in sources if s is not victim and s is not current])
        if round_no % 5 == 0:
            # the next command is `restore` itself, in a real process: it recovers first
            proc = cli_process(home, follow, "restore", str(follow.backup))
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0 and err == "", err
            assert "Restored the backup of" in out
        else:
            # any other command (here: what every command calls first) recovers it ...
            assert DataDir(home, None).is_initialized()
            clean_leftovers(home)
            assert leftovers(home) == []
            was = state_of(home, sources)
            assert was in (current, victim)  # the old data, or the whole restore: nothing in between
            outcomes["rolled forward" if was is victim and victim is not current else "rolled back"] += 1
            # ... and ANOTHER backup (yet another key) restores and opens
            restore_into(follow.backup, follow.key, DataDir(home, None))
        current = state_of(home, sources)
        assert current is follow
        assert leftovers(home) == []

    # last: a real `list` opens what the last restore put there
    proc = cli_process(home, current, "list", "--json")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    timing = f"total {total:.2f} s, locked {work:.2f} s, staged {window:.3f} s"
    print(f"\nrestore kill loop: {ROUNDS} rounds ({timing}): {dict(outcomes)}")
    assert outcomes["killed"] + outcomes["killed while swapping"] >= ROUNDS // 2
