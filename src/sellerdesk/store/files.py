"""Durable small writes: a file is either the old one or the complete new one after a crash."""

from __future__ import annotations

import os
from pathlib import Path

from sellerdesk import private_files


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, suffix: str = ".tmp") -> None:
    """Write via a temporary file (``path`` + ``suffix``), fsync, then rename: a crash leaves the old
    or the new file. The file is private (0600): key files, settings and label PDFs are written this
    way. A failed write (a full disk) leaves the old file as it was and no temporary file beside it."""
    tmp = path.with_name(path.name + suffix)
    try:
        with os.fdopen(private_files.create_file(tmp), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        # a full disk or a refused rename leaves the old file and no half-written .tmp beside it
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def remove_database_file(path: Path) -> None:
    """Delete a database file and its -wal/-shm/-journal companions, if any."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(str(path) + suffix)
        except FileNotFoundError:
            pass
