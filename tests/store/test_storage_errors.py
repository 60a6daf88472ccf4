"""A full disk, a read-only folder or file, a folder SQLite cannot use: one clear line each.

The real conditions are made in a mount namespace of the test's own (a small tmpfs, a
read-only bind mount): that works as root, where file modes stop nothing, and leaves the
machine's mounts alone. Where no namespace can be made the same paths are still covered by
the tests that make SQLite itself refuse (a page limit, ``query_only``, a folder in the
WAL file's place).
"""

from __future__ import annotations

import errno
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import peewee as pw
import pytest

from sellerdesk.cli import main
from sellerdesk.store import customers, database
from sellerdesk.store.errors import (
    CannotOpenError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    ReadOnlyError,
    storage_error,
)
from sellerdesk.store.models import DB, Customer
from sellerdesk.store.session import DataDir

PASSPHRASE = "test passphrase 123"


@pytest.fixture
def home(isolated_environment, fast_kdf, monkeypatch, capsys):
    """An initialised data folder (master password from the environment) with one customer."""
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["init"]) == 0
    assert main(["add", "--name", "张三", "--phone", "13812345678"]) == 0
    capsys.readouterr()
    return isolated_environment


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "internal error" not in err
    return lines[0]


def names(capsys) -> list[str]:
    code, out, err = run(capsys, "list", "--json")
    assert code == 0, err
    return [json.loads(line)["name"] for line in out.splitlines()]


# ----------------------------------------------------------------- SQLite refuses, anywhere


def test_a_full_database_is_one_line_and_keeps_the_data(home, capsys, monkeypatch):
    """SQLite's 'database or disk is full' (here its page limit) rolls the write back by
    itself; the ROLLBACK after it must not hide the real cause behind "cannot rollback"."""
    datadir = DataDir.default()
    datadir.open(datadir.unlock_headless())
    DB.execute_sql("VACUUM")  # no free pages left for the note to fill
    datadir.close()
    monkeypatch.setitem(database.PRAGMAS, "max_page_count", 1)  # no growth beyond the file's size
    code, _out, err = run(capsys, "add", "--name", "李四", "--notes", "长" * 10_000)
    assert code == 1
    line = one_line(err)
    assert "is full" in line and "Free some space" in line and "nothing was changed" in line
    assert str(home) in line
    monkeypatch.delitem(database.PRAGMAS, "max_page_count")
    assert names(capsys) == ["张三"]


def test_a_full_disk_that_ends_the_transaction_raises_the_real_cause(store):
    """A one-row write without a statement journal that runs out of space makes SQLite roll
    back the whole transaction. The ROLLBACK TO SAVEPOINT and ROLLBACK peewee sends after it
    must not replace the error ("no such savepoint", "cannot rollback")."""
    customers.create_customer({"name": "张三"})
    DB.execute_sql("PRAGMA max_page_count = 1")
    with pytest.raises(DiskFullError), DB.atomic():
        customers.create_customer({"name": "李四"})
        with DB.atomic():
            DB.execute_sql("INSERT INTO meta (key, value) VALUES ('big', ?)", ("长" * 100_000,))
    assert not DB.obj.sqlite_in_transaction()
    assert [c.name for c in Customer.select()] == ["张三"]


def test_a_read_only_database_is_one_line(home, capsys, monkeypatch):
    """``query_only``: SQLite's own 'attempt to write a readonly database'."""
    monkeypatch.setitem(database.PRAGMAS, "query_only", 1)
    code, _out, err = run(capsys, "add", "--name", "李四")
    assert code == 1
    line = one_line(err)
    assert "cannot write to" in line and "sellerdesk.db" in line and "Make it writable" in line
    assert names(capsys) == ["张三"]  # reading still works


def test_a_data_folder_sqlite_cannot_use_is_one_line_naming_the_folder(home, capsys):
    """SQLite cannot open its WAL file (a folder stands in its place): the folder is named,
    not "not a SellerDesk database, or damaged"."""
    for suffix in ("-wal", "-shm"):
        (home / f"sellerdesk.db{suffix}").unlink(missing_ok=True)
    (home / "sellerdesk.db-wal").mkdir()
    for command in (["list"], ["add", "--name", "李四"]):
        code, _out, err = run(capsys, *command)
        assert code == 1
        line = one_line(err)
        assert f"cannot open {home}:" in line and "writable" in line
        assert "not a SellerDesk database" not in line
    (home / "sellerdesk.db-wal").rmdir()
    assert names(capsys) == ["张三"]


def test_a_write_that_cannot_get_the_lock_is_one_line(home, capsys, monkeypatch):
    from sellerdesk.store.database import open_raw
    from sellerdesk.store.session import DataDir

    datadir = DataDir.default()
    holder = open_raw(datadir.db_path, datadir.unlock_headless())
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(database.StoreDatabase, "write_wait", 0.2)
    monkeypatch.setitem(database.PRAGMAS, "busy_timeout", 20)
    try:
        code, _out, err = run(capsys, "add", "--name", "李四")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert "kept the database busy" in one_line(err)


# ----------------------------------------------------------------- what the errors mean


def test_os_errors_are_mapped_by_errno(tmp_path):
    target = tmp_path / "out.xlsx"
    assert isinstance(storage_error(OSError(errno.ENOSPC, "No space left on device", str(target))), DiskFullError)
    assert isinstance(storage_error(OSError(errno.EDQUOT, "Disk quota exceeded", str(target))), DiskFullError)
    assert isinstance(storage_error(PermissionError(errno.EACCES, "Permission denied", str(target))), ReadOnlyError)
    assert isinstance(storage_error(OSError(errno.EROFS, "Read-only file system", str(target))), ReadOnlyError)
    assert isinstance(storage_error(OSError(errno.EIO, "Input/output error", str(target))), DiskIOError)
    assert storage_error(FileNotFoundError(errno.ENOENT, "No such file", str(target))) is None
    assert storage_error(ValueError("no")) is None
    assert str(target) in str(storage_error(OSError(errno.ENOSPC, "No space left on device", str(target))))


def test_an_io_error_on_a_disk_without_space_is_a_full_disk(tmp_path, monkeypatch):
    """SQLite says 'disk I/O error' when it cannot grow its -shm file on a full disk."""
    error = pw.OperationalError(_sqlite_error("disk I/O error", 10))
    assert isinstance(storage_error(error, tmp_path / "x.db"), DiskIOError)
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10**9, 10**9, 4096))
    assert isinstance(storage_error(error, tmp_path / "x.db"), DiskFullError)


def _sqlite_error(message: str, code: int) -> Exception:
    from sqlcipher3 import dbapi2 as sqlcipher

    exc = sqlcipher.OperationalError(message)
    exc.sqlite_errorcode = code
    return exc


def test_sqlite_results_are_mapped_by_code_and_others_are_not():
    assert isinstance(storage_error(_sqlite_error("database or disk is full", 13)), DiskFullError)
    assert isinstance(storage_error(_sqlite_error("attempt to write a readonly database", 8)), ReadOnlyError)
    assert isinstance(storage_error(_sqlite_error("unable to open database file", 14)), CannotOpenError)
    assert isinstance(storage_error(_sqlite_error("database is locked", 5)), DatabaseBusyError)
    assert isinstance(storage_error(_sqlite_error("database is locked", 517)), DatabaseBusyError)  # BUSY_SNAPSHOT
    assert storage_error(_sqlite_error("no such table: x", 1)) is None
    assert storage_error(pw.IntegrityError(_sqlite_error("UNIQUE constraint failed", 2067))) is None


# ----------------------------------------------------------------- the real thing, in a namespace


@pytest.fixture(scope="session")
def namespace() -> list[str]:
    """A command prefix running its command in a mount namespace of its own (as root, or as
    a user where user namespaces are allowed); skips where neither works."""
    unshare = shutil.which("unshare")
    if unshare is not None and sys.platform == "linux":
        for prefix in ([unshare, "-rm", "--"], [unshare, "-m", "--"]):
            probe = subprocess.run([*prefix, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
            if probe.returncode == 0:
                return prefix
    pytest.skip("no mount namespace here (the simulated tests above cover the same paths)")


def in_namespace(namespace, script: str, home: Path, tmp_path: Path) -> dict[str, tuple[int, str, str]]:
    """Run ``script`` (sh) in a mount namespace; ``cli NAME ARGS…`` runs sellerdesk-cli and
    records its exit code, stdout and stderr under NAME."""
    out = tmp_path / "results"
    out.mkdir()
    prelude = f"""
set -e
PY={shlex.quote(sys.executable)}
OUT={shlex.quote(str(out))}
HOME_DIR={shlex.quote(str(home))}
cli() {{
    name=$1; shift; set +e
    "$PY" -m sellerdesk.cli "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.code"
    set -e
}}
"""
    proc = subprocess.run(
        [*namespace, "sh", "-c", prelude + script], capture_output=True, text=True, env=dict(os.environ), timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = {}
    for code_file in out.glob("*.code"):
        name = code_file.stem
        results[name] = (
            int(code_file.read_text()),
            (out / f"{name}.out").read_text(),
            (out / f"{name}.err").read_text(),
        )
    return results


def test_a_really_full_disk_is_one_line_and_keeps_the_data(
    namespace, isolated_environment, tmp_path, monkeypatch, fast_kdf
):
    """A 4 MB tmpfs as the data folder. With 32 KB left, the commit itself runs out of space
    and SQLite rolls the transaction back on its own (this gave "internal error: cannot
    rollback - no transaction is active"); with none left, even opening fails. Each time:
    one line saying the disk is full, and nothing half-written."""
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", PASSPHRASE)
    mount = tmp_path / "disk"
    mount.mkdir()
    home = mount / "home"
    monkeypatch.setenv("SELLERDESK_HOME", str(home))
    init = "from sellerdesk.store import keys; keys.SCRYPT_N = 2**10; from sellerdesk.cli import main; main(['init'])"
    disk = shlex.quote(str(mount))
    script = f"""
mount -t tmpfs -o size=4m tmpfs {disk}
"$PY" -c {shlex.quote(init)} >/dev/null
cli first add --name 张三
dd if=/dev/zero of={disk}/spare bs=16k count=2 2>/dev/null
dd if=/dev/zero of={disk}/filler bs=16k 2>/dev/null || true
rm {disk}/spare
cli nearly_full add --name 李四 --notes {"长" * 10_000}
dd if=/dev/zero of={disk}/filler2 bs=4k 2>/dev/null || true
cli full_add add --name 王五
cli full_export export {disk}/all.xlsx
rm {disk}/filler {disk}/filler2
cli after list --json
"""
    results = in_namespace(namespace, script, home, tmp_path)
    assert results["first"][0] == 0, results["first"]
    for name in ("nearly_full", "full_add", "full_export"):
        code, _out, err = results[name]
        assert code == 1, results[name]
        line = one_line(err)
        assert "is full" in line and "Free some space" in line, line
    code, out, err = results["after"]
    assert code == 0, err
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["张三"]
    assert not (mount / "all.xlsx").exists()


def test_a_read_only_data_folder_is_one_line_naming_it(namespace, home, tmp_path):
    for suffix in ("-wal", "-shm"):
        assert not (home / f"sellerdesk.db{suffix}").exists()  # closed cleanly: SQLite must make them
    script = """
mount --bind "$HOME_DIR" "$HOME_DIR"
mount -o remount,bind,ro "$HOME_DIR"
cli list list
cli add add --name 李四
"""
    results = in_namespace(namespace, script, home, tmp_path)
    for name in ("list", "add"):
        code, _out, err = results[name]
        assert code == 1, results[name]
        line = one_line(err)
        assert f"cannot open {home}:" in line, line
        assert "not a SellerDesk database" not in line


def test_a_read_only_database_file_is_one_line_and_still_readable(namespace, home, tmp_path):
    db = shlex.quote(str(home / "sellerdesk.db"))
    script = f"""
mount --bind {db} {db}
mount -o remount,bind,ro {db}
cli add add --name 李四
cli list list --json
"""
    results = in_namespace(namespace, script, home, tmp_path)
    code, _out, err = results["add"]
    assert code == 1, results["add"]
    line = one_line(err)
    assert f"cannot write to {home / 'sellerdesk.db'}:" in line and "Make it writable" in line, line
    code, out, err = results["list"]
    assert code == 0, err
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["张三"]
