"""Team mode's moves and backups: the local file to a team server (with the way back), a team
database into the same ``.sdbackup`` as the local file's, and any ``.sdbackup`` into a team database.

The rows are copied by :func:`sellerdesk.store.team_move.copy_database` (one transaction,
checked, rolled back on any difference); this module adds the files around it:

* :func:`move_local`: first an ordinary encrypted backup of the local file into
  ``<data dir>/before-team-move/`` (the way back: restore it like any backup), then every row
  into the EMPTY team database. The local file is only read.
* :func:`team_snapshot` / :func:`create_team_backup`: a team database's rows written into a
  fresh SQLCipher file with the same schema and the local data key, so the existing pipeline
  (encrypt, write safely, rotate: ``create.write_backups``), ``verify`` and the local restore
  take it as they are. The key and its envelopes (header) are those of the local data folder.
* :func:`restore_to_team`: a backup's database (decrypted and checked as a restore does,
  migrated when older) copied into an EMPTY team database: the move path again.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from sellerdesk import private_files
from sellerdesk.backup.create import BackupResult, create_backup, write_backups
from sellerdesk.backup.errors import DestinationError
from sellerdesk.backup.rotation import DEFAULT_KEEP_LAST, DEFAULT_KEEP_MONTHS
from sellerdesk.backup.snapshot import (
    METHOD_BACKUP_API,
    Snapshot,
    file_sha256,
    read_facts,
)
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.errors import WrongKeyError
from sellerdesk.store.files import remove_database_file
from sellerdesk.store.keys import KeyFile, key_id
from sellerdesk.store.team_move import MoveResult, copy_database, plan_tables

if TYPE_CHECKING:
    from sellerdesk.store.session import DataDir

log = logging.getLogger(__name__)

MOVE_FOLDER = "before-team-move"  # in the data folder: the local file's backup taken before a move
METHOD_TEAM_COPY = "team-copy"
TEAM_FOLDER = "team"  # team backups beside the local ones, rotated apart from them
MSG_LOCAL_COPY = "Backing up the local data first…"


@dataclass
class MoveOutcome:
    result: MoveResult
    local_copy: Path  # the encrypted backup of the local file (restore it to go back)


def _check_empty(local: pw.Database, team_db: pw.Database) -> None:
    """Refuse a team database with rows before anything is written (the copy checks again)."""
    from sellerdesk.store.team_move import _require_empty

    _require_empty(team_db, plan_tables(local, team_db))


def move_local(
    datadir: DataDir,
    key: bytes,
    local: pw.Database,
    team_db: pw.Database,
    *,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> MoveOutcome:
    """Move the unlocked local store ``local`` (the data folder ``datadir``, key ``key``) into the
    empty team database ``team_db``: the local backup first, then the copy (see the module doc).
    A refusal or a failed copy leaves the team database as it was; the local file is never changed."""
    _check_empty(local, team_db)
    folder = Path(datadir.home) / MOVE_FOLDER
    private_files.make_dir(folder)
    progress(0, 0, MSG_LOCAL_COPY)
    backup = create_backup(
        datadir.db_path,
        key,
        datadir.vault.load(),
        [folder],
        keep_last=1000,
        keep_months=0,
        progress=progress,
        token=token,
    )
    log.info("kept an encrypted copy of the local data in %s before the move", backup.path)
    result = copy_database(local, team_db, progress=progress, token=token, note="move_local")
    return MoveOutcome(result, backup.path)


def team_snapshot(
    team_db: pw.Database,
    key: bytes,
    target: Path,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Snapshot:
    """The team database's rows in the new SQLCipher file ``target`` (key ``key``), described."""
    from sellerdesk.store import database, migrations
    from sellerdesk.store.database import open_raw

    target = Path(target)
    if target.exists():
        raise FileExistsError(target)
    try:
        db = database.connect(target, key, create=True)
        try:
            migrations.migrate(db)
            copy_database(team_db, db, progress=progress, token=token)
            # a self-contained file: no WAL flag in the header, nothing beside it
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute_sql("PRAGMA journal_mode = DELETE")
        finally:
            db.close()
        conn = open_raw(target, key)
        try:
            version, counts = read_facts(conn)
        finally:
            conn.close()
        return Snapshot(target, target.stat().st_size, file_sha256(target), version, counts, METHOD_TEAM_COPY)
    except BaseException:
        remove_database_file(target)
        raise


def create_team_backup(
    team_db: pw.Database,
    key: bytes,
    keyfile: KeyFile,
    destinations: list[Path],
    *,
    work_dir: Path,
    keep_last: int = DEFAULT_KEEP_LAST,
    keep_months: int = DEFAULT_KEEP_MONTHS,
    now: dt.datetime | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
    refused: list[DestinationError] | None = None,
) -> BackupResult:
    """A ``.sdbackup`` of the team database in every folder of ``destinations``, encrypted with
    ``key`` (``keyfile``: its envelopes, the local data folder's), as :func:`create_backup` makes
    of the local file. ``work_dir`` holds the snapshot while it is encrypted (the data folder);
    ``refused``: the backup folders in the data folder (``create.split_destinations``)."""
    return write_backups(
        lambda path: team_snapshot(team_db, key, path, progress, token),
        key,
        keyfile,
        destinations,
        work_dir=Path(work_dir),
        keep_last=keep_last,
        keep_months=keep_months,
        now=now,
        progress=progress,
        token=token,
        refused=refused,
    )


def team_destinations(folders: list[Path]) -> list[Path]:
    """The ``team`` folder of each backup folder, made where the backup folder exists (the default
    folder under Documents is made too); a missing drive's folder is left to the writer to report,
    never created. Shared by ``sellerdesk-cli backup`` and the app's 立即备份 in team mode."""
    from sellerdesk.backup import settings as backup_settings

    default = backup_settings.default_destination()
    destinations = []
    for folder in folders:
        if folder == default and not folder.is_dir():
            private_files.make_dir(folder)
        if folder.is_dir():
            destinations.append(private_files.make_dir(folder / TEAM_FOLDER))
        else:
            destinations.append(folder / TEAM_FOLDER)
    return destinations


def restore_to_team(
    path: Path | str,
    key: bytes,
    team_db: pw.Database,
    *,
    work_dir: Path | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> MoveResult:
    """Restore the backup at ``path`` (data key ``key``: ``unlock_backup``) into the EMPTY team
    database ``team_db``: checked and decrypted as a local restore does, migrated when older, then
    every row copied in one transaction (:func:`copy_database`). The backup file is only read."""
    from sellerdesk.backup.restore import _extract, check_file
    from sellerdesk.store import database, migrations

    info = check_file(path, progress, token)
    if key_id(key) != info.key_id:
        raise WrongKeyError()
    with tempfile.TemporaryDirectory(prefix="sellerdesk-restore-", dir=work_dir) as tmp:
        staged = Path(tmp) / "restore.db"
        try:
            _extract(info, key, staged, progress, token)
            db = database.connect(staged, key)
            try:
                migrations.migrate(db)
                return copy_database(db, team_db, progress=progress, token=token, note="restore_backup")
            finally:
                db.close()
        finally:
            remove_database_file(staged)


__all__ = [
    "METHOD_BACKUP_API",
    "MOVE_FOLDER",
    "TEAM_FOLDER",
    "MoveOutcome",
    "create_team_backup",
    "move_local",
    "restore_to_team",
    "team_destinations",
    "team_snapshot",
]
