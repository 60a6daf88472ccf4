"""Making a backup: snapshot, encrypt, write safely to each destination, rotate."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sellerdesk import __version__, private_files
from sellerdesk.backup import settings as backup_settings
from sellerdesk.backup.errors import AllDestinationsFailedError, DestinationError, NoDestinationError
from sellerdesk.backup.fileformat import BackupHeader, write_backup
from sellerdesk.backup.rotation import DEFAULT_KEEP_LAST, DEFAULT_KEEP_MONTHS, backup_name, rotate
from sellerdesk.backup.safewrite import remove_stale_parts, write_safely
from sellerdesk.backup.snapshot import (
    Snapshot,
    new_snapshot_path,
    remove_abandoned_snapshots,
    take_snapshot,
)
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.errors import WrongKeyError
from sellerdesk.store.files import remove_database_file
from sellerdesk.store.keys import KeyFile, key_id

if TYPE_CHECKING:
    from sellerdesk.store.session import DataDir

log = logging.getLogger(__name__)


@dataclass
class BackupResult:
    header: BackupHeader
    written: list[Path] = field(default_factory=list)
    failures: list[DestinationError] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)

    @property
    def path(self) -> Path:
        """The first file written."""
        return self.written[0]


def _local_naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().replace(tzinfo=None)


def _free_name(folder: Path, local_time: dt.datetime) -> str:
    serial = 0
    while (folder / backup_name(local_time, serial)).exists():
        serial += 1
    return backup_name(local_time, serial)


def create_backup(
    db_path: Path,
    key: bytes,
    keyfile: KeyFile,
    destinations: list[Path],
    *,
    keep_last: int = DEFAULT_KEEP_LAST,
    keep_months: int = DEFAULT_KEEP_MONTHS,
    work_dir: Path | None = None,
    now: dt.datetime | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
    refused: list[DestinationError] | None = None,
) -> BackupResult:
    """Back up the database at ``db_path`` into every folder of ``destinations``.

    Each folder gets the same encrypted file under a time-stamped name and is then rotated;
    files left there (and in ``work_dir``) by a backup that was killed are removed.
    A folder that fails is reported in ``failures`` and the others still get their copy;
    if none could be written a :class:`BackupError` is raised. Cancelling leaves no file.
    ``refused``: folders not to write to (in the data folder, :func:`split_destinations`), reported as
    failures beside the others.
    """
    db_path = Path(db_path)
    return write_backups(
        lambda target: take_snapshot(db_path, key, target, progress, token),
        key,
        keyfile,
        destinations,
        work_dir=Path(work_dir) if work_dir is not None else db_path.parent,
        keep_last=keep_last,
        keep_months=keep_months,
        now=now,
        progress=progress,
        token=token,
        refused=refused,
    )


def write_backups(
    snapshot: Callable[[Path], Snapshot],
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
    """What :func:`create_backup` does once ``snapshot(path)`` has written the SQLCipher file at
    ``path`` (a copy of the local file, or of a team database: ``backup/team.py``)."""
    refusals = list(refused or [])
    if not destinations:
        if len(refusals) == 1:
            raise refusals[0]
        if refusals:
            raise AllDestinationsFailedError(refusals)
        raise NoDestinationError()
    if key_id(key) != keyfile.key_id:
        raise WrongKeyError()
    now = now or dt.datetime.now(dt.UTC)
    remove_abandoned_snapshots(work_dir)  # left by a backup that was killed
    snapshot_path, snapshot_lock = new_snapshot_path(work_dir)
    try:
        snap = snapshot(snapshot_path)
        header = BackupHeader(
            app_version=__version__,
            schema_version=snap.schema_version,
            created_at=now.astimezone(dt.UTC),
            counts=snap.counts,
            payload_size=snap.size,
            payload_sha256=snap.sha256,
            keyfile=keyfile,
        )
        result = BackupResult(header, failures=list(refusals))
        local_time = _local_naive(now)
        for folder in destinations:
            folder = Path(folder)
            if token is not None:
                token.check()
            try:
                if not folder.is_dir():
                    raise DestinationError(folder, DestinationError.MISSING)
                remove_stale_parts(folder)  # of a backup killed while writing here
                name = _free_name(folder, local_time)

                def write(fh: BinaryIO) -> None:
                    with open(snap.path, "rb") as source:
                        write_backup(fh, header, source, key, progress, token)

                written = write_safely(folder, name, write)
            except DestinationError as exc:
                log.warning("backup to %s failed: %s", folder, exc.reason)
                result.failures.append(exc)
                continue
            result.written.append(written)
            log.info("wrote backup %s (%s customers)", written, snap.counts["customers"])
            result.deleted.extend(rotate(folder, local_time, keep_last, keep_months))
    finally:
        try:
            remove_database_file(snapshot_path)
        finally:
            snapshot_lock.release()
    if not result.written:
        if len(result.failures) == 1:
            raise result.failures[0]
        raise AllDestinationsFailedError(result.failures)
    return result


def split_destinations(
    folders: list[Path], home: Path, *, explicit: bool = False
) -> tuple[list[Path], list[DestinationError]]:
    """``folders`` into those to write to and the refusals of those in the data folder ``home``
    (:func:`backup_settings.refused_destinations`: a saved backup folder inside the data folder, or
    ``--to`` the data folder itself). Every backup — the button, on exit, the reminder's, the CLI's
    and the team's — goes through here, so a folder the settings dialog would refuse is never used."""
    refused = backup_settings.refused_destinations(folders, home, explicit=explicit)
    return (
        [folder for folder in folders if folder not in refused],
        [DestinationError(folder, DestinationError.IN_DATA_FOLDER, str(home)) for folder in refused],
    )


def note_in_log(db_path: Path, key: bytes, action: str, **detail: object) -> None:
    """An audit entry (``backup``, ``restore``) in the database at ``db_path``, on a connection of
    its own (the app may have it open; the CLI has not). The work is done by then: a failure to
    note it is logged, not raised."""
    from sellerdesk.store.audit import record_in
    from sellerdesk.store.database import connect
    from sellerdesk.store.errors import StoreError

    try:
        db = connect(db_path, key)
    except StoreError as exc:
        log.warning("could not note the %s in the audit log: %s", action, type(exc).__name__)
        return
    try:
        record_in(db, action, **detail)
    except Exception as exc:  # noqa: BLE001 (the backup or restore itself succeeded)
        log.warning("could not note the %s in the audit log: %s", action, type(exc).__name__)
    finally:
        db.close()


def backup_datadir(
    datadir: DataDir,
    key: bytes,
    destinations: list[Path] | None = None,
    *,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> BackupResult:
    """The Backup button and ``sellerdesk-cli backup``: back up to the configured folders
    (or ``destinations``), rotate by the settings, and remember when it was done."""
    home = Path(datadir.home)
    settings = backup_settings.load(home)
    explicit = destinations is not None
    destinations, refused = split_destinations(
        list(destinations) if destinations is not None else settings.destination_paths(), home, explicit=explicit
    )
    if not explicit:
        default = backup_settings.default_destination()
        for folder in destinations:
            if folder == default:
                private_files.make_dir(folder)  # only ours: never create a missing drive's path
    result = create_backup(
        datadir.db_path,
        key,
        datadir.vault.load(),
        destinations,
        keep_last=settings.keep_last,
        keep_months=settings.keep_months,
        progress=progress,
        token=token,
        refused=refused,
    )
    note_in_log(
        datadir.db_path, key, "backup", count=result.header.counts.get("customers", 0), files=len(result.written)
    )
    latest = backup_settings.load(home)  # re-read: the app or the CLI may have changed it meanwhile
    latest.mark_backup(result.header.created_at, result.path)
    try:
        backup_settings.save(home, latest)
    except OSError as exc:
        log.warning("could not record the backup time: %s", exc)
    return result
