"""Owner locks: how another process tells a running backup or restore from a dead one.

A backup or restore that leaves temporary files in a folder (a database snapshot, a staged
database, a ``.part`` file) holds an OS lock on a small lock file for as long as they exist.
A process killed with -9 loses its locks at once, so a later cleaner that *can* take the
lock knows the files belong to nobody and may delete them; one that cannot leaves them
alone. No pid files (pids are reused) and no ages (a slow USB drive is not a dead one).

POSIX uses ``flock``: it belongs to the open file, so a second open in the *same* process
conflicts too (``fcntl`` record locks would not) and our own running job is never mistaken
for a dead one. Windows uses ``msvcrt.locking`` on byte 0 of the (empty) lock file.

A lock file is deleted by its owner when it is done. Whoever takes a lock re-checks that the
path still names the file it locked, so a lock taken on a file its owner just unlinked is
never trusted.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


POLL_SECONDS = 0.05


class HeldLock:
    """A lock this process holds (``fd`` None: the lock file was already gone, nothing to hold)."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self.fd = fd

    @property
    def held(self) -> bool:
        return self.fd is not None

    def release(self, *, remove: bool = True) -> None:
        """Let go; with ``remove`` the lock file is deleted (only while we still hold it on POSIX)."""
        fd, self.fd = self.fd, None
        if fd is None:
            return
        if os.name == "nt":  # pragma: no cover - an open file cannot be deleted there: close first
            _unlock(fd)
            os.close(fd)
            if remove:
                with contextlib.suppress(OSError):  # someone opened it meanwhile: theirs now
                    os.unlink(self.path)
            return
        try:
            if remove:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path)
        finally:
            os.close(fd)  # closing releases the flock

    def __enter__(self) -> HeldLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _still_ours(path: Path, fd: int) -> bool:
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


def create_locked(path: Path) -> HeldLock | None:
    """Make the new lock file ``path`` and lock it; None if it exists or was taken meanwhile
    (a cleaner that locked it in the instant before us deletes it)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        return None
    if not _try_lock(fd):
        os.close(fd)
        return None
    if not _still_ours(path, fd):
        _unlock(fd)
        os.close(fd)
        return None
    return HeldLock(path, fd)


def try_acquire(path: Path) -> HeldLock | None:
    """Lock the fixed-name lock file ``path`` (made if missing); None while another holder has it."""
    for _ in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return None
        if _still_ours(path, fd):
            return HeldLock(path, fd)
        _unlock(fd)  # its holder removed it as we opened it: open the one there now
        os.close(fd)
    return None


def acquire(path: Path, timeout: float) -> HeldLock | None:
    """:func:`try_acquire`, waiting up to ``timeout`` seconds for the holder to finish."""
    deadline = time.monotonic() + timeout
    while True:
        held = try_acquire(path)
        if held is not None or time.monotonic() >= deadline:
            return held
        time.sleep(POLL_SECONDS)


def claim_abandoned(path: Path) -> HeldLock | None:
    """The lock of a lock file whose owner is gone, or None while its owner lives.

    A missing lock file counts as abandoned: the result then holds nothing (``held`` False).
    The caller deletes the dead owner's files, then releases (which removes the lock file).
    """
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return HeldLock(path, None)
    if not _try_lock(fd):
        os.close(fd)
        return None
    if not _still_ours(path, fd):  # its owner finished and removed it as we opened it
        _unlock(fd)
        os.close(fd)
        return HeldLock(path, None)
    return HeldLock(path, fd)


def is_held(path: Path) -> bool:
    """True while a live process holds the lock file ``path`` (this one included)."""
    claim = claim_abandoned(path)
    if claim is None:
        return True
    claim.release(remove=False)
    return False
