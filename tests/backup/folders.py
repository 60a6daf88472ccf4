"""Password-mode data folders with known keys and backups, for the restore-recovery tests
(a module of its own, imported by a unique name like ``backup_data``)."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from backup_data import populate

from sellerdesk.backup import create_backup
from sellerdesk.backup.snapshot import open_raw
from sellerdesk.store import customers
from sellerdesk.store.session import DataDir

# Every name a backup or restore of ours may leave in a data folder while it runs.
OURS_RE = re.compile(
    r"\.sellerdesk-restore\.(lock|journal(\.tmp)?)\Z|sellerdesk\.keys\.json\.pending(\.tmp)?\Z"
    r"|\.restore-[0-9a-f]{12}\.|\.backup-snapshot-[0-9a-f]{12}\."
)


@dataclass
class Folder:
    """A data folder made in master-password mode; ``backup`` holds ``customers`` customers."""

    home: Path
    password: str
    key: bytes
    backup: Path
    customers: int


def make_folder(
    home: Path,
    password: str,
    customers_in_backup: int,
    backups: Path,
    *,
    more_after: int = 0,
    crashed_writer: bool = False,
) -> Folder:
    """A folder with ``customers_in_backup`` customers backed up into ``backups``, then
    ``more_after`` customers added. With ``crashed_writer`` those last ones are only in the
    ``-wal`` file, as a writer killed before it checkpointed leaves them."""
    made = home.with_name(home.name + "-making") if crashed_writer else home
    datadir = DataDir(made, None)
    key, _code = datadir.initialize("password", password)
    try:
        populate(customers_in_backup)
        backups.mkdir(parents=True, exist_ok=True)
        backup = create_backup(datadir.db_path, key, datadir.vault.load(), [backups]).path
        datadir.close()
        datadir.open(key)
        for i in range(more_after):
            customers.create_customer({"name": f"后来{i}"})
        if crashed_writer:
            shutil.copytree(made, home, ignore=shutil.ignore_patterns("logs"))  # while it is open
            assert Path(str(home / "sellerdesk.db") + "-wal").stat().st_size > 0
    finally:
        datadir.close()
    return Folder(home, password, key, backup, customers_in_backup)


def customer_count(db_path: Path, key: bytes) -> int:
    conn = open_raw(db_path, key)
    try:
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


def leftovers(home: Path) -> list[str]:
    """Files of ours that must not outlive the backup or restore that made them."""
    return sorted(name for name in os.listdir(home) if OURS_RE.match(name))
