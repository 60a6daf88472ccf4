"""With the usual umask 022, what SellerDesk writes is readable by its user only.

The data folder is 0700 and its files 0600 (database, -wal, -shm, key file, settings, logs,
pre-migration copies…); exports, import problem reports and backups are 0600 too. An older
install's folder is tightened when it is opened, and nothing that is not SellerDesk's is
touched.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from sellerdesk import paths, private_files
from sellerdesk.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

PASSPHRASE = "test passphrase 123"


@pytest.fixture(autouse=True)
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes(folder: Path) -> dict[str, int]:
    """The mode of everything under ``folder`` (itself as '.')."""
    found = {".": mode(folder)}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(root, name)
            found[str(path.relative_to(folder))] = mode(path)
    return found


def assert_private(folder: Path) -> None:
    wrong = {
        name: oct(m)
        for name, m in modes(folder).items()
        if m != (private_files.DIR_MODE if (folder / name).is_dir() else private_files.FILE_MODE)
    }
    assert wrong == {}


@pytest.fixture
def cli_home(isolated_environment, fast_kdf, monkeypatch, capsys):
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["init"]) == 0
    capsys.readouterr()
    return isolated_environment


def test_init_makes_a_private_folder(cli_home):
    found = modes(cli_home)
    assert {"sellerdesk.db", "sellerdesk.keys.json", "logs", "logs/sellerdesk.log"} <= set(found)
    assert_private(cli_home)


def test_an_add_keeps_the_database_and_its_wal_private(cli_home, capsys):
    from sellerdesk.store import customers
    from sellerdesk.store.session import DataDir

    assert main(["add", "--name", "张三", "--phone", "13812345678"]) == 0
    assert_private(cli_home)
    datadir = DataDir.default()
    datadir.open(datadir.unlock_headless())
    try:
        customers.create_customer({"name": "李四"})
        assert (cli_home / "sellerdesk.db-wal").exists() and (cli_home / "sellerdesk.db-shm").exists()
        assert_private(cli_home)
    finally:
        datadir.close()


def test_export_and_the_import_report_are_private(cli_home, tmp_path, capsys):
    assert main(["add", "--name", "张三", "--phone", "13812345678"]) == 0
    export = tmp_path / "客户.xlsx"
    assert main(["export", str(export)]) == 0
    assert mode(export) == 0o600
    sheet = tmp_path / "导入.csv"
    sheet.write_text("姓名,手机,地址\n李四,13900001111,北京市朝阳区建国路1号\n,,\n王五,12345,火星\n", encoding="utf-8")
    assert main(["import", str(sheet), "--json"]) == 0
    reports = list(tmp_path.glob("*导入问题*.xlsx"))
    assert len(reports) == 1 and mode(reports[0]) == 0o600
    assert not list(tmp_path.glob("*.part"))
    assert_private(cli_home)


def test_an_export_replacing_a_shared_file_is_private(cli_home, tmp_path, capsys):
    assert main(["add", "--name", "张三"]) == 0
    export = tmp_path / "客户.xlsx"
    export.write_bytes(b"old")
    export.chmod(0o644)
    assert main(["export", str(export)]) == 0
    assert mode(export) == 0o600


def test_backups_and_the_backup_settings_are_private(cli_home, tmp_path, capsys):
    assert main(["add", "--name", "张三"]) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "--to", str(usb)]) == 0
    (backup,) = usb.glob("*.sdbackup")
    assert mode(backup) == 0o600
    assert main(["backup"]) == 0  # the default folder under Documents, which it creates
    (default,) = (Path(os.environ["HOME"]) / "Documents" / "SellerDesk Backups").glob("*.sdbackup")
    assert mode(default.parent) == 0o700 and mode(default) == 0o600
    assert (cli_home / "backup-settings.json").exists()
    assert_private(cli_home)


def test_backup_snapshot_by_the_backup_api_is_private(store, tmp_path, monkeypatch):
    from sellerdesk.backup import snapshot

    monkeypatch.setattr(snapshot, "_copy_when_quiet", lambda *a, **k: None)
    target = tmp_path / "snap.db"
    snapshot.take_snapshot(store.db_path, store.key, target)
    assert mode(target) == 0o600


def test_logs_stay_private_when_they_rotate(tmp_path):
    from sellerdesk.logsetup import LogFileHandler

    folder = private_files.make_dir(tmp_path / "logs")
    handler = LogFileHandler(folder / "sellerdesk.log", maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("sellerdesk.test-rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(50):
            logger.warning("line %d of the log, long enough to rotate the file now and then", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["sellerdesk.log", "sellerdesk.log.1", "sellerdesk.log.2"]
    assert_private(folder)


def test_app_settings_file_is_private(store):
    from sellerdesk.ui.context import settings_for

    settings = settings_for(store)
    settings.setValue("ui/language", "zh_CN")
    settings.sync()
    assert mode(store.home / "settings.ini") == 0o600


def test_pre_migration_copy_is_private(tmp_path):
    from sellerdesk.store import migrations
    from sellerdesk.store.database import close_store, connect, open_store

    key = bytes(range(32))
    path = tmp_path / "data" / "sellerdesk.db"
    path.parent.mkdir()
    db = connect(path, key, create=True)
    migrations.migrate(db, target=1)
    db.close()
    path.chmod(0o644)  # as an older version left it
    open_store(path, key)
    close_store()
    (copy,) = (path.parent / "pre-migration").iterdir()
    assert_private(path.parent)
    assert mode(copy) == 0o600


def test_an_older_install_is_made_private_on_open_and_nothing_else_is_touched(cli_home, tmp_path, capsys):
    assert main(["add", "--name", "张三"]) == 0
    for folder in ("logs", "pre-migration", "before-restore", "reports"):
        (cli_home / folder).mkdir(exist_ok=True)
    for name in (
        "settings.ini",
        "backup-settings.json",
        "pre-migration/sellerdesk-schema6.db",
        "before-restore/files-1/sellerdesk.db",
        "reports/客户-导入问题.xlsx",
        "sellerdesk.lock",
    ):
        (cli_home / name).parent.mkdir(parents=True, exist_ok=True)
        (cli_home / name).write_text("x")
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    outside.chmod(0o644)
    (cli_home / "sellerdesk.link").symlink_to(outside)
    (cli_home / "my notes.txt").write_text("the user's own")
    (cli_home / "photos").mkdir()
    for path in [cli_home, *cli_home.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert main(["list"]) == 0
    found = modes(cli_home)
    assert found.pop("my notes.txt") == 0o644
    assert found.pop("photos") == 0o755
    found.pop("sellerdesk.link")
    assert mode(outside) == 0o644  # a link is not followed
    assert {name: oct(m) for name, m in found.items() if m not in (0o600, 0o700)} == {}


def test_data_dir_is_created_private(isolated_environment):
    assert not isolated_environment.exists()
    assert paths.data_dir() == isolated_environment
    assert mode(isolated_environment) == 0o700
    assert mode(paths.log_dir()) == 0o700


def test_write_atomic_is_private_even_over_a_shared_file(tmp_path):
    from sellerdesk.store.files import write_atomic

    target = tmp_path / "sellerdesk.keys.json"
    target.write_text("{}")
    target.chmod(0o644)
    (tmp_path / "sellerdesk.keys.json.tmp").write_text("stale")
    (tmp_path / "sellerdesk.keys.json.tmp").chmod(0o644)
    write_atomic(target, b'{"new": true}')
    assert mode(target) == 0o600 and target.read_bytes() == b'{"new": true}'


def test_write_atomic_on_a_full_disk_leaves_the_old_file_and_no_tmp(tmp_path, monkeypatch):
    """Stranger QA: saving the recovery code on a full USB stick said 磁盘空间已满 but left an
    empty 客户地址管家恢复码.txt.tmp there."""
    import errno
    import os

    from sellerdesk.store import files

    target = tmp_path / "code.txt"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError) as caught:
        files.write_atomic(target, b"new")
    assert caught.value.errno == errno.ENOSPC
    assert sorted(os.listdir(tmp_path)) == ["code.txt"] and target.read_bytes() == b"old"


def test_a_data_folder_that_is_a_file_is_said_so(cli, tmp_path):
    """Stranger QA: SELLERDESK_HOME set to a file said 文件已存在：… (as if something were in the way)."""
    afile = tmp_path / "客户.xlsx"
    afile.write_bytes(b"not a folder")
    proc = cli("--lang", "zh_CN", "list", env={"SELLERDESK_HOME": str(afile)}, check=False)
    assert proc.returncode == 1 and f"不是文件夹：{afile}" in proc.stderr
    assert afile.read_bytes() == b"not a folder"
