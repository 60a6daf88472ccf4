"""Writing a file so that it is either complete or absent: temp name, fsync, atomic rename.

The temporary ``.part`` file is locked by its writer (see :mod:`sellerdesk.store.filelocks`)
until it is renamed or deleted, so the next backup can tell a ``.part`` left by a killed
backup (deleted at once) from one another process is writing right now (left alone).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sellerdesk.backup.errors import DestinationError
from sellerdesk.store.filelocks import HeldLock, claim_abandoned, create_locked
from sellerdesk.store.files import fsync_dir

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"
PART_PREFIX = ".sellerdesk-"
# Exactly the names write_safely gives (``.sellerdesk-<8 hex>-<backup name>.part``): nothing else is ever deleted.
PART_RE = re.compile(r"\.sellerdesk-[0-9a-f]{8}-sellerdesk-\d{8}-\d{6}(?:-\d+)?\.sdbackup\.part\Z")


def _new_part(folder: Path, name: str) -> tuple[Path, HeldLock | None, int]:
    """Create a new ``.part`` for ``name``: (path, its lock, a descriptor to write with)."""
    for _ in range(5):
        tmp = folder / f"{PART_PREFIX}{secrets.token_hex(4)}-{name}{PART_SUFFIX}"
        if os.name == "nt":  # pragma: no cover - Windows refuses to delete a file that is open: no lock needed
            return tmp, None, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        lock = create_locked(tmp)
        if lock is not None and lock.fd is not None:
            return tmp, lock, os.dup(lock.fd)  # same open file: closing the copy keeps the lock
    raise FileExistsError(f"no free temporary name in {folder}")


def write_safely(folder: Path, name: str, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(fh)`` on a temporary file in ``folder``, then rename it to ``name``.

    Any failure — the folder is missing or read-only, the disk fills up, the drive goes away —
    raises :class:`DestinationError` with a clear reason, removes the temporary file, and leaves
    every other file in the folder as it was. ``name`` must not exist yet.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DestinationError(folder, DestinationError.MISSING)
    final = folder / name
    tmp: Path | None = None
    lock: HeldLock | None = None
    try:
        tmp, lock, fd = _new_part(folder, name)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if final.exists():
            raise FileExistsError(final)
        os.replace(tmp, final)
        tmp = None
    except OSError as exc:
        if isinstance(exc, FileExistsError) and exc.args and exc.args[0] == final:
            raise
        raise DestinationError.from_os_error(folder, exc) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            except OSError:
                log.warning("could not remove the partial file %s", tmp)
        if lock is not None:
            lock.release(remove=False)  # renamed or deleted above
    fsync_dir(folder)
    return final


def remove_stale_parts(folder: Path) -> int:
    """Delete the ``.part`` files of backups that died while writing into ``folder``; return how many.

    Only our exact names, and only when no live process holds the file's lock: a backup
    writing into the same folder right now (the app and a scheduled one) keeps its file.
    """
    removed = 0
    try:
        entries = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return 0
    for name in entries:
        if not PART_RE.match(name):
            continue
        path = Path(folder) / name
        try:
            if os.name == "nt":  # pragma: no cover - a file being written cannot be deleted there
                os.unlink(path)
                removed += 1
                continue
            claim = claim_abandoned(path)
            if claim is None:
                continue  # being written right now
            try:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
                    removed += 1
            finally:
                claim.release(remove=False)
        except OSError:
            log.warning("could not remove the partial file %s", path)
    if removed:
        log.info("removed %d partial backup file(s) left by an interrupted backup in %s", removed, folder)
    return removed
