"""A restore's file swap as a journaled operation, and recovery from one that was interrupted.

A restore replaces ``sellerdesk.db`` with a staged file and, when the backup has another
key, ``sellerdesk.keys.json`` with the backup's key file. No rename moves two files, so:

1. the restore holds :data:`LOCK_NAME` locked (see :mod:`sellerdesk.store.filelocks`) from
   before it stages anything until it is done — its staged ``.restore-<12 hex>.db`` is
   then recognisably alive;
2. before it touches the database it writes :data:`JOURNAL_NAME` (atomically), naming the
   one staged file of this swap, the key id the new database opens with, the key file to
   put in place (none when the key stays) and the names the old ``-wal``/``-shm`` get
   moved to;
3. it parks the key file (``sellerdesk.keys.json.pending``), moves the old ``-wal``/``-shm``
   aside, renames the staged file over the database, moves the parked key file into
   place, deletes what it moved aside, and last the journal.

Whoever finds a journal with nobody holding the lock (the restore was killed) finishes or
undoes it (:func:`recover`): the staged file still there means the database was not
replaced → roll back (delete the staged and parked files, move the ``-wal``/``-shm``
back); otherwise roll forward (put the key file in place, delete what was set aside).
Then any other ``.restore-<12 hex>…`` file is left from a restore killed before it
journaled (while decrypting) and is deleted. Nothing is touched while a restore runs, and
nothing that is not named exactly as we name things is ever deleted.

Every command calls :func:`recover` through ``DataDir.is_initialized`` before it opens
anything, and a restore calls it before it starts; it costs one directory listing when
there is nothing to do.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sellerdesk.store.errors import StoreError
from sellerdesk.store.filelocks import HeldLock, acquire, try_acquire
from sellerdesk.store.files import fsync_dir, write_atomic

log = logging.getLogger(__name__)

LOCK_NAME = ".sellerdesk-restore.lock"
JOURNAL_NAME = ".sellerdesk-restore.journal"
JOURNAL_FORMAT = "sellerdesk-restore-journal"
STAGED_PREFIX = ".restore-"
# Our staged database (and its SQLite companions), and the old -wal/-shm set aside by a swap.
STAGED_RE = re.compile(r"\.restore-([0-9a-f]{12})\.(?:db(?:-wal|-shm|-journal)?|replaced-(?:wal|shm))\Z")
SIDE_SUFFIXES = ("-wal", "-shm")
WAIT_SECONDS = 30.0  # how long a command waits for a restore that is swapping files right now

ROLLED_BACK = "rolled back"
ROLLED_FORWARD = "rolled forward"


class DataFiles(Protocol):
    """What recovery needs of a data directory (``sellerdesk.store.session.DataDir``)."""

    home: Path

    @property
    def db_path(self) -> Path: ...

    @property
    def keyfile_path(self) -> Path: ...

    @property
    def pending_keyfile_path(self) -> Path: ...

    def settle_pending_keyfile(self) -> bool: ...


class RestoreBusyError(StoreError):
    def __init__(self, home: Path) -> None:
        super().__init__(f"A restore into {home} is under way in another SellerDesk; try again when it has finished.")
        self.home = home


class JournalDamagedError(ValueError):
    pass


def new_staged_name() -> str:
    return f"{STAGED_PREFIX}{secrets.token_hex(6)}.db"


def token_of(staged_name: str) -> str:
    match = STAGED_RE.match(staged_name)
    if match is None:
        raise ValueError(f"not a staged database name: {staged_name}")
    return match.group(1)


@dataclass
class Journal:
    staged: str  # ".restore-<12 hex>.db", in the data directory
    key_id: str  # of the database being put in place
    keyfile: str | None = None  # the key file that comes with it (JSON text); None: the key stays
    aside: dict[str, str] = field(default_factory=dict)  # "-wal"/"-shm" → where the old one is set aside

    @classmethod
    def for_staged(cls, staged: str, key_id: str, keyfile: str | None) -> Journal:
        token = token_of(staged)
        aside = {suffix: f"{STAGED_PREFIX}{token}.replaced{suffix}" for suffix in SIDE_SUFFIXES}
        return cls(staged, key_id, keyfile, aside)

    def to_bytes(self) -> bytes:
        doc = {
            "format": JOURNAL_FORMAT,
            "version": 1,
            "staged": self.staged,
            "key_id": self.key_id,
            "keyfile": self.keyfile,
            "aside": self.aside,
        }
        return json.dumps(doc, indent=2).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Journal:
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != JOURNAL_FORMAT or doc.get("version") != 1:
                raise ValueError("unknown journal format")
            staged, key, keyfile, aside = doc["staged"], doc["key_id"], doc["keyfile"], doc["aside"]
            if not isinstance(staged, str) or not isinstance(key, str) or not isinstance(aside, dict):
                raise ValueError("wrong types")
            if keyfile is not None and not isinstance(keyfile, str):
                raise ValueError("wrong key file")
            token = token_of(staged)
            expected = {suffix: f"{STAGED_PREFIX}{token}.replaced{suffix}" for suffix in SIDE_SUFFIXES}
            if aside != expected:
                raise ValueError("unexpected names")
        except (ValueError, KeyError, UnicodeDecodeError) as exc:
            raise JournalDamagedError(str(exc)) from exc
        return cls(staged, key, keyfile, expected)


def journal_path(home: Path) -> Path:
    return Path(home) / JOURNAL_NAME


def read_journal(home: Path) -> Journal | None:
    """The journal of a swap under way or interrupted, None when there is none."""
    try:
        data = journal_path(home).read_bytes()
    except FileNotFoundError:
        return None
    return Journal.from_bytes(data)


def write_journal(home: Path, journal: Journal) -> None:
    write_atomic(journal_path(home), journal.to_bytes())


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")  # what write_atomic leaves if it dies mid-way


def remove_staged(path: Path) -> None:
    """Delete a staged database and its SQLite companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(str(path) + suffix)


def lock_restore(home: Path) -> HeldLock:
    """The restore lock of ``home``, held by a restore from start to end; RestoreBusyError if taken."""
    lock = try_acquire(Path(home) / LOCK_NAME)
    if lock is None:
        raise RestoreBusyError(Path(home))
    return lock


def roll_back(files: DataFiles, journal: Journal) -> None:
    """Undo a swap that did not replace the database: the old database and key file stay."""
    home = Path(files.home)
    remove_staged(home / journal.staged)
    files.pending_keyfile_path.unlink(missing_ok=True)
    _tmp(files.pending_keyfile_path).unlink(missing_ok=True)
    for suffix, name in journal.aside.items():
        moved = home / name
        if not moved.exists():
            continue
        original = Path(str(files.db_path) + suffix)
        if original.exists():  # the old database was opened again meanwhile and has new ones
            log.warning("dropping the set-aside %s of the database: a newer one exists", suffix)
            moved.unlink()
        else:
            os.replace(moved, original)
    fsync_dir(home)
    journal_path(home).unlink(missing_ok=True)
    fsync_dir(home)


def roll_forward(files: DataFiles, journal: Journal) -> None:
    """Finish a swap whose database is in place: its key file follows, the set-aside files go."""
    home = Path(files.home)
    if files.pending_keyfile_path.exists():
        files.settle_pending_keyfile()
    elif journal.keyfile is not None and _current_key_id(files.keyfile_path) != journal.key_id:
        write_atomic(files.keyfile_path, journal.keyfile.encode("utf-8"))  # the parked copy was lost
    _tmp(files.pending_keyfile_path).unlink(missing_ok=True)
    for name in journal.aside.values():
        (home / name).unlink(missing_ok=True)
    fsync_dir(home)
    journal_path(home).unlink(missing_ok=True)
    fsync_dir(home)


def _current_key_id(keyfile_path: Path) -> str | None:
    try:
        doc = json.loads(keyfile_path.read_bytes())
    except (OSError, ValueError):
        return None
    return doc.get("key_id") if isinstance(doc, dict) else None


def _needs_attention(home: Path) -> bool:
    """Anything a restore may have left behind (one listing; False for a missing folder)."""
    try:
        names = os.listdir(home)
    except (FileNotFoundError, NotADirectoryError):
        return False
    watched = {
        JOURNAL_NAME,
        JOURNAL_NAME + ".tmp",
        LOCK_NAME,
        "sellerdesk.keys.json.pending",
        "sellerdesk.keys.json.pending.tmp",
    }
    return any(name in watched or STAGED_RE.match(name) for name in names)


def recover_locked(files: DataFiles) -> str | None:
    """:func:`recover` for a caller that holds the restore lock; what it did, or None."""
    home = Path(files.home)
    done: str | None = None
    try:
        journal = read_journal(home)
    except JournalDamagedError as exc:
        # Written atomically, so only outside damage gets here. Decide as before journals:
        # a staged database still there means it never replaced the current one.
        log.error("the restore journal is unreadable (%s); deciding by the files present", exc)
        journal = None
        staged = [p for p in home.iterdir() if STAGED_RE.match(p.name) and p.name.endswith(".db")]
        if staged:
            files.pending_keyfile_path.unlink(missing_ok=True)
        journal_path(home).unlink(missing_ok=True)
    if journal is not None:
        if (home / journal.staged).exists():
            roll_back(files, journal)
            done = ROLLED_BACK
        else:
            roll_forward(files, journal)
            done = ROLLED_FORWARD
        log.warning("an interrupted restore was %s", done)
    _tmp(journal_path(home)).unlink(missing_ok=True)
    # Anything else of ours was staged by a restore killed before it journaled: no swap began.
    removed = 0
    for entry in list(os.scandir(home)):
        if STAGED_RE.match(entry.name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed += 1
    if removed:
        log.info("removed %d file(s) staged by an interrupted restore", removed)
    # A parked key file with no journal comes from before journals: its database is in
    # place once no staged database is left (the stale ones were just removed).
    if journal is None and files.pending_keyfile_path.exists():
        _tmp(files.pending_keyfile_path).unlink(missing_ok=True)
        if files.settle_pending_keyfile():
            done = done or ROLLED_FORWARD
    elif journal is None:
        _tmp(files.pending_keyfile_path).unlink(missing_ok=True)
    return done


def recover(files: DataFiles, *, wait: float = WAIT_SECONDS) -> str | None:
    """Finish or undo an interrupted restore and remove what a dead one staged.

    Returns :data:`ROLLED_BACK`, :data:`ROLLED_FORWARD` or None (nothing to do). While a
    restore runs in another process this changes nothing; if that restore is swapping
    files right now (its journal exists) it waits up to ``wait`` seconds for it, then
    raises :class:`RestoreBusyError`.
    """
    home = Path(files.home)
    if not _needs_attention(home):
        return None
    try:
        lock = try_acquire(home / LOCK_NAME)
    except OSError:
        if journal_path(home).exists() or files.pending_keyfile_path.exists():
            raise  # a swap to finish, in a folder we cannot write: say so
        log.warning("cannot remove what an interrupted restore left in %s (read-only?)", home)
        return None  # only leftovers: the database and its key file are consistent
    if lock is None:
        if not journal_path(home).exists():
            return None  # a restore is still preparing: the current files are consistent
        lock = acquire(home / LOCK_NAME, wait)
        if lock is None:
            raise RestoreBusyError(home)
    try:
        return recover_locked(files)
    finally:
        lock.release()
