"""Errors the store raises. Each carries a plain message; the UI and CLI translate by type."""

from __future__ import annotations

import datetime as _dt
import errno
import shutil
from pathlib import Path


class StoreError(Exception):
    """Base class for every failure the user should see as a clear one-line message."""


class DatabaseMissingError(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"No SellerDesk database at {path}. Run 'sellerdesk-cli init' or start the app to create one.")
        self.path = path


class DatabaseExistsError(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"A SellerDesk database already exists at {path}.")
        self.path = path


class WrongKeyError(StoreError):
    """The key, password or recovery code does not open this database."""

    def __init__(self, what: str = "key") -> None:
        super().__init__(f"Wrong {what}: it does not unlock this SellerDesk database. Nothing was changed.")
        self.what = what


class NotADatabaseError(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{path} is not a SellerDesk database, or it is damaged.")
        self.path = path


class SchemaTooNewError(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This database was written by a newer SellerDesk (schema {found}; this version understands up to "
            f"{supported}). Please update SellerDesk; the file was not changed."
        )
        self.found = found
        self.supported = supported


class NotFoundError(StoreError):
    pass


class ValidationError(StoreError):
    """Refused input. ``code`` names the rule for callers that show their own translated text
    (e.g. ``no_identity``); ``field`` names the field at fault when there is one."""

    def __init__(self, message: str, code: str = "", field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


# ------------------------------------------------------------------- team mode's server (store/postgres.py)


class ServerUnreachableError(StoreError):
    """The team server cannot be reached (down, wrong address, no network, TLS refused)."""

    def __init__(self, where: str, reason: str = "") -> None:
        super().__init__(
            f"The team server {where} cannot be reached{': ' + reason if reason else ''}. "
            "Check the network and the server address; nothing was changed, and nothing was saved locally instead."
        )
        self.where = where
        self.reason = reason


class ServerLoginError(StoreError):
    """The server refused the user name or password."""

    def __init__(self, user: str, where: str) -> None:
        super().__init__(f"The team server {where} refused the login of {user!r}: wrong user name or password.")
        self.user = user
        self.where = where


class BadServerUrlError(StoreError):
    def __init__(self, url: str) -> None:
        super().__init__(f"{url!r} is not a PostgreSQL address; it looks like postgresql://user@host:5432/database.")
        self.url = url


class NotATeamDatabaseError(StoreError):
    """A PostgreSQL database without SellerDesk's tables, opened by a command other than team init."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} is not a SellerDesk team database yet; nothing was changed. "
            "Make it one with 'sellerdesk-cli team init --url URL' (or move your data there with 'team move-local')."
        )
        self.where = where


class ServerTooOldError(StoreError):
    """The team server's PostgreSQL is older than SellerDesk's schema needs (14: CREATE OR REPLACE TRIGGER)."""

    def __init__(self, where: str, version: str) -> None:
        super().__init__(
            f"The team server {where} runs PostgreSQL {version}; SellerDesk needs PostgreSQL 14 or newer. "
            "Nothing was changed."
        )
        self.where = where
        self.version = version


class NoPermissionError(StoreError):
    """The database refused an action to this user (row-level security or a missing privilege)."""

    def __init__(self, user: str, detail: str = "") -> None:
        # a row-level policy's refusal ("new row violates row-level security policy for table …"):
        # a helper wrote a customer outside their regions (or moved one out of them)
        self.outside_regions = "row-level security" in detail
        if self.outside_regions:
            super().__init__(f"This customer is not in the regions of {user or 'this user'}; nothing was changed.")
        else:
            super().__init__(f"{user or 'This user'} is not allowed to do this on the team server.")
        self.user = user
        self.detail = detail


class MissingPrivilegeError(StoreError):
    """Setting up or changing the team needs a PostgreSQL privilege this user lacks; ``privilege``
    names it as PostgreSQL does (``CREATEROLE``, ``CREATE ON SCHEMA public`` …)."""

    def __init__(self, user: str, privilege: str) -> None:
        super().__init__(
            f"{user or 'This user'} lacks the PostgreSQL privilege {privilege} on the team server; "
            "ask the server's administrator to grant it. Nothing was changed."
        )
        self.user = user
        self.privilege = privilege


# ------------------------------------------------------------------- the disk and the file system

# The English line for each storage problem, in one place: the CLI prints it; the app shows its
# own translation of the same text (sellerdesk.ui.widgets.errors), chosen by the error's class.
STORAGE_MESSAGES = {
    "full": "The disk holding {where} is full, so SellerDesk could not save. "
    "Free some space on that disk and try again; nothing was changed.",
    "read_only": "SellerDesk cannot write to {where}: it is read-only or belongs to another user. "
    "Make it writable for you (or run SellerDesk as its owner) and try again; nothing was changed.",
    "cannot_open": "SellerDesk cannot open {where}: the folder is missing, read-only or belongs to another user. "
    "Make the data folder writable for you and try again; nothing was changed.",
    "io": "The disk reported an error reading or writing {where} (a failing or unplugged drive?). "
    "Check the drive and try again; nothing was changed.",
    "busy": "Another SellerDesk program (an import or a backup) kept the database busy for too long. "
    "Try again when it has finished; nothing was changed.",
}
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 5, 6, 8, 10, 13, 14


class StorageError(StoreError):
    """The disk or the file system refused: full, read-only, unopenable, failing, or busy.

    ``where`` is the file or folder concerned (None: the data folder). Subclasses say which.
    """

    reason = "io"

    def __init__(self, where: Path | str | None = None) -> None:
        self.where = None if where is None else Path(where)
        text = "the SellerDesk data folder" if where is None else str(where)
        super().__init__(STORAGE_MESSAGES[self.reason].format(where=text))


class DiskFullError(StorageError):
    reason = "full"


class ReadOnlyError(StorageError):
    reason = "read_only"


class CannotOpenError(StorageError):
    reason = "cannot_open"


class DiskIOError(StorageError):
    reason = "io"


class DatabaseBusyError(StorageError):
    """Another connection held the write lock for longer than a writer waits."""

    reason = "busy"


_BY_SQLITE_CODE = {
    SQLITE_FULL: DiskFullError,
    SQLITE_READONLY: ReadOnlyError,
    SQLITE_CANTOPEN: CannotOpenError,
    SQLITE_IOERR: DiskIOError,
    SQLITE_BUSY: DatabaseBusyError,
    SQLITE_LOCKED: DatabaseBusyError,
}
# Drivers without error codes: SQLite's own texts for the same results.
_BY_SQLITE_TEXT = (
    ("database or disk is full", DiskFullError),
    ("readonly database", ReadOnlyError),
    ("unable to open database file", CannotOpenError),
    ("disk i/o error", DiskIOError),
    ("database is locked", DatabaseBusyError),
    ("database table is locked", DatabaseBusyError),
)
_BY_ERRNO = {
    errno.ENOSPC: DiskFullError,
    getattr(errno, "EDQUOT", errno.ENOSPC): DiskFullError,
    errno.EFBIG: DiskFullError,
    errno.EROFS: ReadOnlyError,
    errno.EACCES: ReadOnlyError,
    errno.EPERM: ReadOnlyError,
    errno.EIO: DiskIOError,
}


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's exception inside a peewee one (peewee keeps it as ``orig``)."""
    return getattr(exc, "orig", None) or exc


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver (or peewee-wrapped) error, if it carries one."""
    code = getattr(_driver_error(exc), "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's 'database is locked' (another connection holds the lock)."""
    return _storage_class(exc) is DatabaseBusyError


def _storage_class(exc: BaseException) -> type[StorageError] | None:
    if isinstance(exc, StorageError):
        return type(exc)
    if isinstance(exc, OSError):
        return _BY_ERRNO.get(exc.errno) if exc.errno is not None else None
    inner = _driver_error(exc)
    if type(inner).__name__ not in ("OperationalError", "DatabaseError", "IntegrityError", "InternalError"):
        return None
    code = sqlite_code(inner)
    if code is not None:
        return _BY_SQLITE_CODE.get(code)
    text = str(inner).lower()
    for fragment, cls in _BY_SQLITE_TEXT:
        if fragment in text:
            return cls
    return None


FULL_BELOW_BYTES = 1 << 20


def disk_nearly_full(where: Path | str | None) -> bool:
    """Whether the file system holding ``where`` has (almost) no space left for its user.

    SQLite reports some writes on a full disk as a plain I/O error (growing the ``-shm``
    file, for one); this tells the two apart."""
    if where is None:
        return False
    path = Path(where)
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        return shutil.disk_usage(path).free < FULL_BELOW_BYTES
    except OSError:
        return False


def storage_error(exc: BaseException, where: Path | str | None = None) -> StorageError | None:
    """``exc`` as the :class:`StorageError` it means, or None when it is not about storage.

    Understands SQLite's result codes (from sqlcipher3, sqlite3 or wrapped by peewee) and
    OSError's errno; an OSError names its own file, else ``where`` is used. An I/O error on
    a disk with no space left is a full disk.
    """
    if isinstance(exc, StorageError):
        return exc
    cls = _storage_class(exc)
    if cls is None:
        return None
    if isinstance(exc, OSError) and exc.filename:
        where = exc.filename
    if cls is DiskIOError and disk_nearly_full(where):
        cls = DiskFullError
    return cls(where)


class TooLongError(ValidationError):
    """A value longer than its field allows (core.fields.MAX_LENGTH): code ``too_long``, with the
    field, its length and the limit (for a caller's own translated text)."""

    def __init__(self, field: str, length: int, limit: int) -> None:
        super().__init__(
            f"The {field.replace('_', ' ')} is too long: {length} characters; at most {limit} are kept.",
            code="too_long",
            field=field,
        )
        self.length, self.limit = length, limit


class ConflictError(StoreError):
    """Someone else changed the record since it was read (optimistic locking); nothing was written.

    ``by`` is who made the last change ('' when unknown: another program on this computer, or a
    record without the column), ``at`` when (naive UTC, None when unknown), ``version`` the
    record's version now and ``expected`` the one the caller read. ``entity``/``entity_id`` name
    the record."""

    def __init__(
        self,
        message: str = "",
        *,
        entity: str = "",
        entity_id: int | None = None,
        by: str = "",
        at: _dt.datetime | None = None,
        version: int | None = None,
        expected: int | None = None,
    ) -> None:
        if not message:
            who = by or "another program"
            when = f" at {at:%Y-%m-%d %H:%M} UTC" if at is not None else ""
            message = (
                f"{entity.capitalize() or 'The record'} {entity_id} was changed by {who}{when} since it was read "
                f"(version {version}, expected {expected}); nothing was written. Reload it and try again."
            )
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.by = by
        self.at = at
        self.version = version
        self.expected = expected
