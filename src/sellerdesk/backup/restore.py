"""Verifying a backup, and restoring it into a data directory.

A restore happens in two steps so the app can keep running during the slow part:

1. :func:`prepare_restore` (in a worker): authenticate and decrypt the backup into a staged
   file beside the database, check its checksum, schema version and counts, migrate it if
   it comes from an older schema (the backup file itself is the pre-migration copy), and
   back up the current database first.
2. :func:`commit_restore` (after the caller closed every connection): put the key in the
   keyring when the backup is in keyring mode, swap the staged file in with an atomic
   rename, and write the backup's key file when the restored database has another key
   than the one it replaces (a new machine, or an older key); then check that the
   database opens with the key file now in place. The caller then reopens.

Every refusal (wrong password or code, a changed, damaged or cut-off file, a newer schema)
happens in step 1, before anything in the data directory is touched. Step 1 starts with
the same file check as ``verify`` (:func:`check_file`), so the two always agree.

The restore holds the data directory's restore lock from the start of step 1 to the end
of step 2, and step 2 is journaled (:mod:`sellerdesk.store.restore_journal`): a restore
killed at any moment is finished or undone by the next command or start, and what it
staged is recognised and removed — the database and its key file never stay apart.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sellerdesk import private_files
from sellerdesk.backup.create import create_backup
from sellerdesk.backup.errors import BackupDamagedError, BackupError, RestoreNotInPlaceError
from sellerdesk.backup.fileformat import BackupInfo, check_integrity, decrypt_payload
from sellerdesk.backup.leftovers import SAFETY_FOLDER, clean_leftovers
from sellerdesk.backup.snapshot import read_facts
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store import migrations, restore_journal
from sellerdesk.store.database import open_raw
from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.filelocks import HeldLock
from sellerdesk.store.files import fsync_dir, remove_database_file
from sellerdesk.store.keys import MODE_KEYRING, KeyFile, KeyFileError, key_id
from sellerdesk.store.secrets import KeyringUnavailable

if TYPE_CHECKING:
    from sellerdesk.store.session import DataDir

log = logging.getLogger(__name__)

MSG_MIGRATE = "Updating the restored data to this version…"
MSG_SAFETY = "Backing up the current data first…"


def _extract(
    info: BackupInfo, key: bytes, target: Path, progress: ProgressCallback, token: CancelToken | None
) -> tuple[int, dict[str, int]]:
    """Decrypt ``info`` into ``target`` (a new file) and check it against the header."""
    if key_id(key) != info.key_id:
        raise WrongKeyError()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        decrypt_payload(info, key, out, progress, token)
        out.flush()
        os.fsync(out.fileno())
    try:
        conn = open_raw(target, key)
    except StoreError as exc:
        raise BackupDamagedError(info.path, "the database inside does not open") from exc
    try:
        version, counts = read_facts(conn)
    finally:
        conn.close()
    if version != info.schema_version or counts != info.counts:
        raise BackupDamagedError(info.path, "the contents do not match the header")
    return version, counts


def check_file(
    path: Path | str, progress: ProgressCallback = no_progress, token: CancelToken | None = None
) -> BackupInfo:
    """The check ``verify`` and ``restore`` share, before any key: the header (strictly),
    the size, the checksum trailer over every byte, and a schema this version understands."""
    info = check_integrity(path, progress, token)
    info.check_schema()
    return info


def verify_backup(
    path: Path | str, key: bytes, progress: ProgressCallback = no_progress, token: CancelToken | None = None
) -> BackupInfo:
    """Full check: :func:`check_file`, then authentication of every byte, payload checksum,
    the database inside opening with the key, counts as in the header."""
    info = check_file(path, progress, token)
    with tempfile.TemporaryDirectory(prefix="sellerdesk-verify-") as tmp:
        target = Path(tmp) / "verify.db"
        try:
            _extract(info, key, target, progress, token)
        finally:
            remove_database_file(target)
    return info


@dataclass
class StagedRestore:
    info: BackupInfo
    key: bytes
    staged_path: Path
    counts: dict[str, int]
    migrated_from: int | None = None
    safety_backup: Path | None = None
    lock: HeldLock | None = None  # the data directory's restore lock, held until commit or discard

    def discard(self) -> None:
        """Drop the staged file (if it was not swapped in) and end the restore. Idempotent."""
        try:
            remove_database_file(self.staged_path)
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None


@dataclass
class RestoreResult:
    info: BackupInfo
    key: bytes
    counts: dict[str, int]
    migrated_from: int | None
    safety_backup: Path | None
    keyfile_replaced: bool
    key_in_keyring: bool
    # False when the key file could not be moved into place (it stays parked and journaled:
    # the next command finishes it); call finish_restore() before saying it all worked.
    complete: bool = True


def _current_keyfile(datadir: DataDir) -> KeyFile | None:
    try:
        return datadir.vault.load()
    except (FileNotFoundError, KeyFileError):
        return None


def _safety_backup(
    datadir: DataDir, keys: list[bytes | None], progress: ProgressCallback, token: CancelToken | None
) -> Path | None:
    """Back up the database about to be replaced into ``<data dir>/before-restore``.

    With its key at hand this is an ordinary ``.sdbackup`` (restorable with the same dialog);
    without it (the CLI unlocking only the backup) the encrypted files are copied as they are.
    """
    if not datadir.db_path.exists():
        return None
    folder = Path(datadir.home) / SAFETY_FOLDER
    private_files.make_dir(folder)
    keyfile = _current_keyfile(datadir)
    current_key = None
    if keyfile is not None:
        current_key = next((k for k in keys if k and key_id(k) == keyfile.key_id), None)
        if current_key is None:
            try:
                current_key = datadir.unlock_headless()
            except (StoreError, KeyringUnavailable):
                current_key = None
    progress(0, 0, MSG_SAFETY)
    if keyfile is not None and current_key is not None:
        result = create_backup(
            datadir.db_path, current_key, keyfile, [folder], keep_last=10, keep_months=0, progress=progress, token=token
        )
        return result.path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"files-{stamp}-{secrets.token_hex(3)}"
    private_files.make_dir(target)
    for source in (datadir.db_path, Path(str(datadir.db_path) + "-wal"), datadir.keyfile_path):
        if source.exists():
            shutil.copy2(source, target / source.name)
    log.info("copied the encrypted database files to %s before restoring", target)
    return target


def prepare_restore(
    path: Path | str,
    key: bytes,
    datadir: DataDir,
    *,
    current_key: bytes | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> StagedRestore:
    """Step 1 of a restore (see the module doc). Changes nothing but adding the staged file
    and the safety backup (after finishing or undoing a restore that was interrupted); raises
    before that on any problem with the backup."""
    info = check_file(path, progress, token)
    if key_id(key) != info.key_id:
        raise WrongKeyError()
    home = Path(datadir.home)
    private_files.make_dir(home)
    lock = restore_journal.lock_restore(home)
    staged_path = home / restore_journal.new_staged_name()
    try:
        restore_journal.recover_locked(datadir)  # an interrupted restore first: its key file, its leftovers
        clean_leftovers(home)  # and what killed backups left
        version, counts = _extract(info, key, staged_path, progress, token)
        migrated_from = None
        if version < migrations.SCHEMA_VERSION:
            from sellerdesk.store.database import connect

            progress(0, 0, MSG_MIGRATE)
            db = connect(staged_path, key)
            try:
                migrations.migrate(db)
                db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                db.execute_sql("PRAGMA journal_mode = DELETE")
            finally:
                db.close()
            migrated_from = version
        if token is not None:
            token.check()
        safety = _safety_backup(datadir, [current_key, key], progress, token)
    except BaseException:
        try:
            remove_database_file(staged_path)
        finally:
            lock.release()
        raise
    return StagedRestore(info, key, staged_path, counts, migrated_from, safety, lock)


def verify_in_place(datadir: DataDir, key: bytes) -> None:
    """The restored database opens with the key file now beside it: RestoreNotInPlaceError otherwise."""
    home = Path(datadir.home)
    try:
        keyfile = datadir.vault.load()
    except (OSError, KeyFileError) as exc:
        raise RestoreNotInPlaceError(home, "the key file is missing or unreadable") from exc
    if keyfile.key_id != key_id(key):
        raise RestoreNotInPlaceError(home, "the key file of the backup is not in place")
    try:
        open_raw(datadir.db_path, key).close()
    except StoreError as exc:
        raise RestoreNotInPlaceError(home, str(exc)) from exc


def _swap(
    staged: StagedRestore, datadir: DataDir, journal: restore_journal.Journal, new_keyfile: KeyFile | None
) -> None:
    """The journaled swap, up to and including the rename of the database."""
    home = Path(datadir.home)
    restore_journal.write_journal(home, journal)
    if new_keyfile is not None:
        datadir.stage_keyfile(new_keyfile.to_json())
    for suffix, name in journal.aside.items():
        leftover = Path(str(datadir.db_path) + suffix)
        if leftover.exists():  # the old database's: must not be applied to the new one
            os.replace(leftover, home / name)
    os.replace(staged.staged_path, datadir.db_path)
    fsync_dir(home)


def commit_restore(staged: StagedRestore, datadir: DataDir) -> RestoreResult:
    """Step 2: swap the staged database in. Every connection to the old one must be closed.

    Ends the restore either way (the lock is released). On failure before the database was
    replaced, everything is as before and BackupError is raised.
    """
    try:
        return _commit(staged, datadir)
    finally:
        staged.discard()


def _commit(staged: StagedRestore, datadir: DataDir) -> RestoreResult:
    current = _current_keyfile(datadir)
    new_keyfile = None if current is not None and current.key_id == staged.info.key_id else staged.info.header.keyfile
    base = new_keyfile or current
    mode = base.mode if base is not None else staged.info.header.keyfile.mode
    in_keyring = False
    if mode == MODE_KEYRING and datadir.secret_store is not None:
        try:
            datadir.secret_store.set("database-key:" + staged.info.key_id, staged.key.hex())
            in_keyring = True
        except KeyringUnavailable as exc:
            log.warning("could not put the restored key into the keyring: %s", exc)
    journal = restore_journal.Journal.for_staged(
        staged.staged_path.name,
        staged.info.key_id,
        new_keyfile.to_json().decode("utf-8") if new_keyfile is not None else None,
    )
    try:
        _swap(staged, datadir, journal, new_keyfile)
    except OSError as exc:
        if not staged.staged_path.exists():
            log.warning("after the database swap: %s", exc)  # it is in place: go on and finish
        else:
            try:
                restore_journal.roll_back(datadir, journal)
            except OSError as undo:
                log.warning("the interrupted restore will be undone at the next start: %s", undo)
            raise BackupError(f"The restored database could not be put in place: {exc.strerror or exc}") from exc
    # The new database is in place: its key file must follow. If this fails, the journal
    # stays and the next command finishes it (DataDir.is_initialized → recover).
    complete = True
    try:
        restore_journal.roll_forward(datadir, journal)
    except OSError as exc:
        complete = False
        log.warning("the restored key file will be put in place at the next start: %s", exc)
    if complete:
        verify_in_place(datadir, staged.key)
    log.info("restored a backup of %s (%s customers)", staged.info.created_at.isoformat(), staged.counts["customers"])
    return RestoreResult(
        staged.info,
        staged.key,
        staged.counts,
        staged.migrated_from,
        staged.safety_backup,
        new_keyfile is not None,
        in_keyring,
        complete,
    )


def finish_restore(datadir: DataDir, result: RestoreResult) -> None:
    """Before telling the user it worked: finish the swap if step 2 could not, and check the
    restored database opens with the key file in place (RestoreNotInPlaceError if not)."""
    if not result.complete:
        try:
            datadir.recover_interrupted_restore()
        except OSError as exc:
            detail = f"its key file could not be moved into place: {exc.strerror or exc}"
            raise RestoreNotInPlaceError(Path(datadir.home), detail) from exc
    verify_in_place(datadir, result.key)
    from sellerdesk.backup.create import note_in_log

    made = result.info.created_at.isoformat()
    note_in_log(
        datadir.db_path, result.key, "restore_backup", backup_made=made, count=result.counts.get("customers", 0)
    )


def restore_into(
    path: Path | str,
    key: bytes,
    datadir: DataDir,
    *,
    current_key: bytes | None = None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> RestoreResult:
    """Both steps, for callers with no open connection (the CLI)."""
    staged = prepare_restore(path, key, datadir, current_key=current_key, progress=progress, token=token)
    try:
        return commit_restore(staged, datadir)
    finally:
        staged.discard()
