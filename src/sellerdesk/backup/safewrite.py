"""Writing a file so that it is either complete or absent: temp name, fsync, atomic rename."""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sellerdesk import private_files
from sellerdesk.backup.errors import DestinationError
from sellerdesk.store.files import fsync_dir

log = logging.getLogger(__name__)

PART_SUFFIX = ".part"
PART_PREFIX = ".sellerdesk-"
STALE_PART_SECONDS = 3600


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
    tmp = folder / f"{PART_PREFIX}{secrets.token_hex(4)}-{name}{PART_SUFFIX}"
    created = False
    try:
        fd = private_files.create_file(tmp, exclusive=True)
        created = True
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if final.exists():
            raise FileExistsError(final)
        os.replace(tmp, final)
        created = False
    except OSError as exc:
        if isinstance(exc, FileExistsError) and exc.args and exc.args[0] == final:
            raise
        raise DestinationError.from_os_error(folder, exc) from exc
    finally:
        if created:
            try:
                os.unlink(tmp)
            except OSError:
                log.warning("could not remove the partial file %s", tmp)
    fsync_dir(folder)
    return final


def remove_stale_parts(folder: Path, now: float | None = None) -> int:
    """Delete our own temporary files left by a crash (older than an hour); return how many."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(PART_PREFIX) and entry.name.endswith(PART_SUFFIX):
            try:
                if now - entry.stat().st_mtime > STALE_PART_SECONDS:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                pass
    return removed
