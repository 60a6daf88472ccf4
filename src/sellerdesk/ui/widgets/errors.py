"""The translated line for a failure of the store: a full disk, a read-only folder…

The store raises a :class:`~sellerdesk.store.errors.StorageError` subclass naming the file
or folder (its English line, in ``store.errors.STORAGE_MESSAGES``, is what the CLI
prints); here is the same text through Qt's translation, chosen by the error's class.
A driver error or OSError that reached the UI unconverted (a bulk write's helper thread)
is recognised the same way.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from sellerdesk.store.errors import (
    CannotOpenError,
    DatabaseBusyError,
    DiskFullError,
    NoPermissionError,
    ReadOnlyError,
    ServerLoginError,
    ServerTooOldError,
    ServerUnreachableError,
    storage_error,
)


def translate(context: str, text: str) -> str:
    # called as translate("StorageError", "…") at each use: lupdate reads the literals there
    return QCoreApplication.translate(context, text)


def unreachable_server(exc: BaseException) -> str | None:
    """The team server's name when ``exc`` is that server gone (stopped, restarted, network
    lost) in the middle of the work, else None."""
    from sellerdesk.store.postgres import lost_connection

    gone = lost_connection(exc)
    return gone.where if gone is not None else None


def server_text(exc: BaseException) -> str | None:
    """The translated line when ``exc`` is the team server's refusal or absence, else None."""
    from sellerdesk.store.postgres import lost_connection

    exc = lost_connection(exc) or exc
    if isinstance(exc, ServerUnreachableError):
        return translate(
            "StorageError",
            "The team server %1 cannot be reached, so nothing was saved (and nothing was saved on this "
            "computer instead). Check the network and try again.",
        ).replace("%1", exc.where)
    if isinstance(exc, ServerLoginError):
        text = translate("StorageError", "The team server %1 refused the login of %2: wrong user name or password.")
        return text.replace("%1", exc.where).replace("%2", exc.user)
    if isinstance(exc, ServerTooOldError):
        text = translate(
            "StorageError",
            "The team server %1 runs PostgreSQL %2; SellerDesk needs PostgreSQL 14 or newer. Nothing was changed.",
        )
        return text.replace("%1", exc.where).replace("%2", exc.version)
    if isinstance(exc, NoPermissionError) and exc.outside_regions:
        return translate(
            "StorageError",
            "This customer is not in your regions (%1), so it cannot be saved this way; nothing was changed. "
            "The team's owner gives each helper their regions.",
        ).replace("%1", exc.user or "?")
    if isinstance(exc, NoPermissionError):
        return translate(
            "StorageError",
            "Your team role does not allow this (%1); nothing was changed. The team's owner decides who may do what.",
        ).replace("%1", exc.user or "?")
    return None


def storage_text(exc: BaseException) -> str | None:
    """The translated one-line message when ``exc`` is about the disk or the team server, else None."""
    team = server_text(exc)
    if team is not None:
        return team
    problem = storage_error(exc)
    if problem is None:
        return None
    where = str(problem.where) if problem.where is not None else translate("StorageError", "the SellerDesk data folder")
    if isinstance(problem, DiskFullError):
        text = translate(
            "StorageError",
            "The disk holding %1 is full, so SellerDesk could not save. "
            "Free some space on that disk and try again; nothing was changed.",
        )
    elif isinstance(problem, ReadOnlyError):
        text = translate(
            "StorageError",
            "SellerDesk cannot write to %1: it is read-only or belongs to another user. "
            "Make it writable for you (or run SellerDesk as its owner) and try again; nothing was changed.",
        )
    elif isinstance(problem, CannotOpenError):
        text = translate(
            "StorageError",
            "SellerDesk cannot open %1: the folder is missing, read-only or belongs to another user. "
            "Make the data folder writable for you and try again; nothing was changed.",
        )
    elif isinstance(problem, DatabaseBusyError):
        text = translate(
            "StorageError",
            "Another SellerDesk program (an import or a backup) kept the database busy for too long. "
            "Try again when it has finished; nothing was changed.",
        )
    else:  # DiskIOError
        text = translate(
            "StorageError",
            "The disk reported an error reading or writing %1 (a failing or unplugged drive?). "
            "Check the drive and try again; nothing was changed.",
        )
    return text.replace("%1", where)


def os_reason(exc: OSError) -> str:
    """The OS's reason for ``exc`` in the app's language (Python's ``strerror`` is English):
    the errnos of :data:`sellerdesk.os_errors.OS_ERRORS`, else the OS's own words."""
    words = {
        errno.ENOENT: lambda: translate("OsError", "No such file or directory"),
        errno.EACCES: lambda: translate("OsError", "Permission denied"),
        errno.EPERM: lambda: translate("OsError", "Operation not permitted"),
        errno.EISDIR: lambda: translate("OsError", "Is a directory"),
        errno.ENOTDIR: lambda: translate("OsError", "Not a directory"),
        errno.EEXIST: lambda: translate("OsError", "File exists"),
        errno.ENOSPC: lambda: translate("OsError", "No space left on device"),
        errno.EROFS: lambda: translate("OsError", "Read-only file system"),
    }.get(exc.errno or 0)
    return words() if words else (exc.strerror or str(exc) or type(exc).__name__)


def error_text(exc: BaseException) -> str:
    """What to tell the user about ``exc``: the translated storage line, else its own message."""
    return storage_text(exc) or str(exc) or type(exc).__name__


class ErrorText(Exception):
    """A failure already turned into the translated line the user sees (a job's ``failed``
    signal carries ``str(exc)``)."""


def with_error_text(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Wrap a job function ``fn(progress, token)`` so that a storage failure fails the job
    with its translated line; anything else passes through as it is."""

    def run(progress, token):
        try:
            return fn(progress, token)
        except Exception as exc:
            text = storage_text(exc)
            if text is None:
                raise
            raise ErrorText(text) from exc

    return run
