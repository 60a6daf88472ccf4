"""Reading the live database file's bytes without costing this process its SQLite locks.

SQLite's locks on Linux and macOS are POSIX advisory locks, which belong to the process and the
file: closing ANY descriptor of ``sellerdesk.db`` in this process — not only SQLite's — drops
every lock the process holds on it. A WAL-mode connection holds a shared lock on the database
file for as long as it is open; that lock is how another program's SQLite knows it is not the
last one. With it gone, the next ``sellerdesk-cli`` command (a scheduled backup or import)
takes the file's exclusive lock at its close, believes itself the last user, and deletes the
WAL and shared memory under the running app (whose later saves are then lost). SQLite itself
never closes a descriptor of a file it holds locks on (it keeps it until its last connection
there closes); Python's ``open()`` … ``close()`` does.

So the backup's quiet copy and the copy made before a migration read the database through
:func:`descriptor`: one read-only descriptor per file (device and inode), opened once and never
closed while the process lives. A file replaced later (a restore) is a new inode with a
descriptor of its own; the old one stays open, a few bytes of kernel memory.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

POSIX_LOCKS = os.name == "posix" and hasattr(os, "pread")
_HELD: dict[tuple[int, int], int] = {}
_LOCK = threading.Lock()


def descriptor(path: Path | str) -> int:
    """A read-only descriptor of ``path`` that this process never closes (see the module text)."""
    with _LOCK:
        st = os.stat(path)  # (no descriptor: a second one, closed again, is what must not happen)
        held = _HELD.get((st.st_dev, st.st_ino))
        if held is not None:
            return held
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        opened = os.fstat(fd)
        # (replaced between the stat and the open: keep the descriptor under the file it is of)
        return _HELD.setdefault((opened.st_dev, opened.st_ino), fd)


def blocks(path: Path | str, size: int) -> Iterator[bytes]:
    """The file's bytes from the start, ``size`` at a time, through :func:`descriptor` — on a
    system with POSIX locks. Elsewhere (Windows: ``LockFileEx`` locks, which another handle's close
    leaves alone, and no ``os.pread``; a handle kept open there would also keep a restore from
    replacing the file) a plain read, closed at the end."""
    if not POSIX_LOCKS:
        with open(path, "rb") as fh:
            yield from iter(lambda: fh.read(size), b"")
        return
    fd = descriptor(path)
    offset = 0
    while True:
        block = os.pread(fd, size, offset)
        if not block:
            return
        offset += len(block)
        yield block
