"""Writers wait their turn: several processes and connections writing one database lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from sellerdesk.store import customers, database
from sellerdesk.store.database import BUSY_TIMEOUT_MS, open_raw
from sellerdesk.store.errors import DatabaseBusyError
from sellerdesk.store.models import DB, Customer

PASSPHRASE = "test passphrase 123"
PROCESSES = 4
ADDS = 200

# One writer process: ADDS customers through the real CLI entry point, each a whole command
# (unlock, open, migrate check, write, close with checkpoint) as a shell loop would run it.
# The cheap scrypt of tests/conftest.py's fast_kdf, as the key file was made with it.
WORKER = r"""
import contextlib, io, sys
from sellerdesk.store import keys
keys.SCRYPT_N = 2**10
from sellerdesk.cli import main
worker, count = int(sys.argv[1]), int(sys.argv[2])
failures = 0
for i in range(count):
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["add", "--name", f"客户{worker}-{i}", "--phone", f"139{worker:04d}{i:04d}",
                     "--address", f"广东省深圳市南山区科技园{i}号"])
    if code:
        failures += 1
        sys.stderr.write(f"exit {code}: {err.getvalue()}")
print(failures)
"""


@pytest.mark.slow
def test_four_processes_adding_at_once_all_succeed(isolated_environment, fast_kdf, monkeypatch, capsys):
    from sellerdesk.cli import main
    from sellerdesk.store.session import DataDir

    monkeypatch.setenv("SELLERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["init"]) == 0
    capsys.readouterr()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(worker), str(ADDS)],
            env=dict(os.environ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(PROCESSES)
    ]
    results = [proc.communicate(timeout=900) for proc in procs]
    errors = "".join(err for _out, err in results)
    assert [proc.returncode for proc in procs] == [0] * PROCESSES, errors
    assert sum(int(out) for out, _err in results) == 0, errors
    assert errors == ""
    datadir = DataDir.default()
    datadir.open(datadir.unlock_headless())
    try:
        names = [c.name for c in Customer.select(Customer.name)]
    finally:
        datadir.close()
    expected = {f"客户{w}-{i}" for w in range(PROCESSES) for i in range(ADDS)}
    assert len(names) == PROCESSES * ADDS
    assert set(names) == expected


def _hold_write_lock(store):
    """Another connection (another process, as far as SQLite can tell) in a write transaction."""
    holder = open_raw(store.db_path, store.key)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta (key, value) VALUES ('holder', 'x')")
    return holder


def _in_thread(fn, *, busy_timeout_ms: int | None = None):
    """Run ``fn`` on a thread of its own (so on a fresh connection, as a new process has)."""
    outcome: dict = {}

    def run() -> None:
        try:
            if busy_timeout_ms is not None:
                DB.execute_sql(f"PRAGMA busy_timeout = {busy_timeout_ms}")
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc
        finally:
            DB.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _add():
    return customers.create_customer({"name": "等一等", "phone": "13812345678"}, [{"detail": "科技园1号"}]).id


def test_a_blocked_writer_waits_for_the_lock_then_succeeds(store):
    holder = _hold_write_lock(store)
    try:
        thread, outcome = _in_thread(_add)
        thread.join(timeout=1.0)
        assert thread.is_alive(), f"the writer did not wait for its turn: {outcome.get('error')!r}"
        holder.execute("COMMIT")
    finally:
        holder.close()
    thread.join(timeout=60)
    assert "error" not in outcome, outcome.get("error")
    assert Customer.get_by_id(outcome["value"]).name == "等一等"


def test_begin_is_tried_again_after_sqlites_own_wait(store):
    """SQLite's busy timeout (here 50 ms) runs out while the lock is still held: BEGIN IMMEDIATE,
    having done nothing yet, is simply tried again until the lock is free."""
    holder = _hold_write_lock(store)
    try:
        thread, outcome = _in_thread(_add, busy_timeout_ms=50)
        thread.join(timeout=1.0)
        assert thread.is_alive(), f"the writer gave up: {outcome.get('error')!r}"
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    thread.join(timeout=60)
    assert "error" not in outcome, outcome.get("error")
    assert Customer.select().count() == 1


def test_a_writer_that_waited_too_long_says_so_and_changes_nothing(store, monkeypatch):
    monkeypatch.setattr(DB.obj, "write_wait", 0.3)
    holder = _hold_write_lock(store)
    try:
        thread, outcome = _in_thread(_add, busy_timeout_ms=20)
        thread.join(timeout=60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    error = outcome.get("error")
    assert isinstance(error, DatabaseBusyError), error
    assert "Try again when it has finished" in str(error)
    assert Customer.select().count() == 0


def test_every_connection_waits_for_locks(store):
    """peewee's connection of each thread and the raw ones all have the busy timeout."""
    assert DB.execute_sql("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    thread, outcome = _in_thread(lambda: DB.execute_sql("PRAGMA busy_timeout").fetchone()[0])
    thread.join(timeout=60)
    assert outcome == {"value": BUSY_TIMEOUT_MS}
    raw = open_raw(store.db_path, store.key)
    try:
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    finally:
        raw.close()


def test_transactions_begin_immediate(store):
    """A transaction holds the write lock from its first statement, reads included."""
    other = open_raw(store.db_path, store.key)
    other.execute("PRAGMA busy_timeout = 0")
    try:
        with DB.atomic():
            Customer.select().count()
            with pytest.raises(sqlcipher.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_backup_snapshot_reads_one_state_while_writers_commit(store, tmp_path, monkeypatch):
    """The online-backup fallback copies inside one read transaction: a writer committing
    meanwhile neither waits nor fails, and the copy is the state when it began."""
    from sellerdesk.backup import snapshot

    for i in range(30):
        customers.create_customer({"name": f"客户{i}", "notes": "备注" * 200})
    monkeypatch.setattr(snapshot, "_copy_when_quiet", lambda *a, **k: None)
    monkeypatch.setattr(snapshot, "PAGES_PER_STEP", 1)
    committed: list[int] = []

    def progress(done: int, total: int, _message: str) -> None:
        if done and not committed:
            thread, outcome = _in_thread(_add)
            thread.join(timeout=60)
            assert "error" not in outcome, outcome.get("error")
            committed.append(outcome["value"])

    snap = snapshot.take_snapshot(store.db_path, store.key, tmp_path / "snap.db", progress)
    assert committed, "the copy took one step: nothing was written during it"
    assert snap.method == snapshot.METHOD_BACKUP_API
    assert snap.counts["customers"] == 30
    assert Customer.select().count() == 31


def test_close_does_not_hold_up_other_writers(store, monkeypatch):
    """Closing checkpoints with a short wait only: a checkpoint waiting for a reader holds the
    write lock, and other writers would queue behind it."""
    seen: list[str] = []
    real = database.StoreDatabase.execute_sql

    def spy(self, sql, *args, **kwargs):
        seen.append(sql)
        return real(self, sql, *args, **kwargs)

    monkeypatch.setattr(database.StoreDatabase, "execute_sql", spy)
    database.close_store()
    assert seen[:2] == [
        f"PRAGMA busy_timeout = {database.CLOSE_CHECKPOINT_WAIT_MS}",
        "PRAGMA wal_checkpoint(TRUNCATE)",
    ]
