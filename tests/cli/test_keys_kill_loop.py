"""``sellerdesk-cli keys change-password`` killed with SIGKILL at random moments.

Each round starts a real process that changes the master password from the current one to
the other of two, and kills it somewhere between its start and its end (its scrypt runs at
the real cost, so most kills land while it works). Afterwards exactly one of the two
passwords must open the key file — the old or the new wrapping — and the database, which
must be byte-identical. The exact instant-by-instant cover is in
``tests/store/test_key_changes.py``; this is the real kill.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sellerdesk.store.errors import WrongKeyError
from sellerdesk.store.keys import WEAKEN_KDF_ENV
from sellerdesk.store.session import DataDir

ROUNDS = 4  # each round runs scrypt at the real cost, ~1 s here, several times
PASSWORDS = ("amber kettle orbit seventy", "quiet walnut ferry lantern")


def change(home: Path, current: str, new: str) -> subprocess.Popen:
    env = dict(os.environ, SELLERDESK_HOME=str(home), SELLERDESK_PASSPHRASE=current)
    env.pop(WEAKEN_KDF_ENV, None)  # the real cost: a window worth killing in
    answer = home.parent / "new-password.txt"
    answer.write_text(new + "\n", encoding="utf-8")
    with answer.open("rb") as stdin:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "sellerdesk.cli", "keys", "change-password"],
            env=env,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


def which_opens(home: Path, key: bytes) -> str | None:
    """The one of the two passwords that opens the key file (one envelope: never both)."""
    datadir = DataDir(home, None)
    for password in PASSWORDS:
        try:
            if datadir.unlock_with_secret(password) == key:
                return password
        except WrongKeyError:
            pass
    return None


@pytest.mark.slow
def test_password_changes_killed_at_random_moments(isolated_environment, fast_kdf):
    home = isolated_environment
    datadir = DataDir(home, None)
    key, code = datadir.initialize("password", PASSWORDS[0])
    datadir.close()
    db = hashlib.sha256(datadir.db_path.read_bytes()).hexdigest()

    start = time.monotonic()
    proc = change(home, PASSWORDS[0], PASSWORDS[1])
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    total = time.monotonic() - start
    current = PASSWORDS[1]
    assert which_opens(home, key) == current

    rng = random.Random(21)
    outcomes: Counter[str] = Counter()
    for _round in range(ROUNDS):
        new = PASSWORDS[0] if current == PASSWORDS[1] else PASSWORDS[1]
        proc = change(home, current, new)
        time.sleep(rng.uniform(total * 0.3, total * 1.05))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            outcomes["killed"] += 1
        else:
            outcomes["finished first"] += 1
        proc.communicate(timeout=120)
        opened = which_opens(home, key)
        assert opened is not None, f"round {_round}: neither password opens the key file"
        outcomes["new" if opened == new else "old"] += 1
        current = opened
        assert DataDir(home, None).unlock_with_secret(code) == key  # the recovery code, always
        assert hashlib.sha256(datadir.db_path.read_bytes()).hexdigest() == db
    print(dict(outcomes))  # how many kills landed depends on the machine's timing: not asserted
