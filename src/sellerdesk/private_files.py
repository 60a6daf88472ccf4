"""Private files: what SellerDesk writes is readable by its user only.

The data folder is 0700 and everything SellerDesk creates in it — the database and its
``-wal``/``-shm``, the key file, settings, logs, pre-migration and before-restore copies —
is 0600, whatever the umask. So are the files it writes elsewhere with personal data in
them: exports, import problem reports and backups. A file is created with its final mode
(never world-readable for a moment), and :func:`secure_data_dir` tightens an existing data
folder made by an older version.

On Windows the modes mean little (the user's profile folder is already private); the
calls are harmless there.
"""

from __future__ import annotations

import errno
import fnmatch
import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700
_BINARY = getattr(os, "O_BINARY", 0)


def _tighten(fd_or_path: int | Path, mode: int) -> None:
    """chmod to ``mode`` where the platform supports it; a file we may not change is logged."""
    try:
        os.chmod(fd_or_path, mode)
    except (NotImplementedError, OSError) as exc:
        log.debug("could not set mode %o on %s: %s", mode, fd_or_path, exc)


def opener(path: str | os.PathLike[str], flags: int) -> int:
    """For ``open(..., opener=opener)``: a new file gets mode 0600; an existing one is made
    0600 before anything is written to it."""
    fd = os.open(path, flags, FILE_MODE)
    if hasattr(os, "fchmod"):
        try:
            if stat.S_IMODE(os.fstat(fd).st_mode) != FILE_MODE:
                os.fchmod(fd, FILE_MODE)
        except OSError as exc:
            log.debug("could not make %s private: %s", path, exc)
    return fd


def create_file(path: Path | str, *, exclusive: bool = False) -> int:
    """Create (or truncate) ``path`` with mode 0600 and return its file descriptor, for writing."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC) | _BINARY
    return opener(path, flags)


def touch(path: Path | str) -> None:
    """An empty private file at ``path`` (left as it is, but made private, if it exists),
    for a writer that opens the file by name (SQLite, openpyxl, zipfile) to fill in."""
    os.close(opener(path, os.O_WRONLY | os.O_CREAT | _BINARY))


def make_dir(path: Path | str) -> Path:
    """``path`` as a folder only its user can enter (0700), created with parents if missing."""
    path = Path(path)
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file of that name (SELLERDESK_HOME set to a file): say so
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from exc
    try:
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
            _tighten(path, DIR_MODE)
    except OSError as exc:
        log.debug("could not check the mode of %s: %s", path, exc)
    return path


def _secure(path: Path, mode: int, me: int) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    is_dir = stat.S_ISDIR(info.st_mode)
    if stat.S_ISLNK(info.st_mode) or info.st_uid != me or is_dir != (mode == DIR_MODE):
        return False
    if stat.S_IMODE(info.st_mode) == mode:
        return False
    _tighten(path, mode)
    return True


# What SellerDesk keeps in a data folder: only these are touched by secure_data_dir (the
# folder may be one the user chose with SELLERDESK_HOME, with other things in it).
OUR_FILES = (
    "sellerdesk.*",  # the database, -wal, -shm, the key file (and .pending/.tmp), the app's lock
    "settings.ini",
    "backup-settings.json*",
    ".restore-*",
    ".backup-snapshot-*",
)
OUR_FOLDERS = ("logs", "pre-migration", "before-restore", "reports")


def _secure_all(folder: Path, me: int) -> int:
    changed = int(_secure(folder, DIR_MODE, me))
    for root, dirs, names in os.walk(folder):
        changed += sum(_secure(Path(root, d), DIR_MODE, me) for d in dirs)
        changed += sum(_secure(Path(root, n), FILE_MODE, me) for n in names)
    return changed


def secure_data_dir(home: Path | str) -> int:
    """Make the data folder 0700 and SellerDesk's files and folders in it private (0600 /
    0700); return how many were changed. Tightens a data folder made by an older version
    with the umask's modes. Symbolic links, other users' files and files that are not
    SellerDesk's are left alone."""
    if os.name != "posix":
        return 0
    home = Path(home)
    me = os.geteuid()
    changed = int(_secure(home, DIR_MODE, me))
    try:
        entries = list(home.iterdir())
    except OSError:
        return changed
    for entry in entries:
        if entry.name in OUR_FOLDERS:
            changed += _secure_all(entry, me)
        elif any(fnmatch.fnmatchcase(entry.name, pattern) for pattern in OUR_FILES):
            changed += _secure(entry, FILE_MODE, me)
    if changed:
        log.info("made %d file(s) and folder(s) in %s private", changed, home)
    return changed
