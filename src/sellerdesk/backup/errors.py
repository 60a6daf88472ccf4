"""Errors of backup and restore. Each is a :class:`StoreError`, so the CLI prints one line."""

from __future__ import annotations

import errno
from pathlib import Path

from sellerdesk.store.errors import StoreError


class BackupError(StoreError):
    """A backup or restore could not be done; the message says why and what was (not) changed."""


class NotABackupError(BackupError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{path} is not a SellerDesk backup file.")
        self.path = path


class BackupDamagedError(BackupError):
    """The file was changed, cut short or corrupted after it was written."""

    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            f"The backup {path} is damaged or was modified ({detail}). It was not used; nothing was changed."
        )
        self.path = path
        self.detail = detail


class BackupTooNewError(BackupError):
    def __init__(self, path: Path | str, what: str) -> None:
        super().__init__(
            f"The backup {path} was made by a newer SellerDesk ({what}). Please update SellerDesk; nothing was changed."
        )
        self.path = path


class DestinationError(BackupError):
    """A backup folder could not be written; ``reason`` is one of the class constants."""

    MISSING = "missing"
    NO_SPACE = "no_space"
    READ_ONLY = "read_only"
    DEVICE_GONE = "device_gone"
    OTHER = "other"
    IN_DATA_FOLDER = "in_data_folder"  # detail: the data folder (nothing is written there)

    def __init__(self, folder: Path, reason: str, detail: str = "") -> None:
        self.folder = Path(folder)
        self.reason = reason
        self.detail = detail
        if reason == self.IN_DATA_FOLDER:
            super().__init__(
                f"Not backed up to {folder}: it is in the data folder {detail}, where a backup is lost with the "
                "data. Choose another folder in the backup settings (or pass --to DIR)."
            )
            return
        texts = {
            self.MISSING: "the folder does not exist (is the drive plugged in?)",
            self.NO_SPACE: "there is not enough free space",
            self.READ_ONLY: "the folder cannot be written (read-only or no permission)",
            self.DEVICE_GONE: "the drive was removed or failed while writing",
            self.OTHER: "the file could not be written",
        }
        text = f"Backup to {folder} failed: {texts[reason]}"
        if detail and reason == self.OTHER:
            text += f" ({detail})"
        super().__init__(text + ". No partial file was left and older backups are untouched.")

    @classmethod
    def from_os_error(cls, folder: Path, exc: OSError) -> DestinationError:
        code = exc.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
            reason = cls.NO_SPACE
        elif code in (errno.ENOENT, errno.ENOTDIR):
            # ENOENT from a folder that is there: it makes no new file (/proc), it is not missing
            reason = cls.READ_ONLY if code == errno.ENOENT and Path(folder).is_dir() else cls.MISSING
        elif code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
            reason = cls.READ_ONLY
        elif code in (
            errno.EIO,
            errno.ENODEV,
            errno.ENXIO,
            getattr(errno, "ESTALE", -1),
            getattr(errno, "ENOMEDIUM", -1),
        ):
            reason = cls.DEVICE_GONE
        else:
            reason = cls.OTHER
        return cls(folder, reason, exc.strerror or str(exc))


class AllDestinationsFailedError(BackupError):
    """No backup folder could be written: ``failures`` says why for each (the app and the CLI
    translate each :class:`DestinationError` and put them one a line)."""

    def __init__(self, failures: list[DestinationError]) -> None:
        super().__init__(" ".join(str(f) for f in failures))
        self.failures = list(failures)


class NoDestinationError(BackupError):
    def __init__(self) -> None:
        super().__init__("No backup folder is set. Choose one in the backup settings (or pass --to DIR).")


class RestoreNotInPlaceError(BackupError):
    """After the swap, the restored database did not open with the key file beside it."""

    def __init__(self, home: Path, detail: str) -> None:
        super().__init__(
            f"The backup was restored into {home}, but it does not open with the key file there ({detail}). "
            "SellerDesk finishes an interrupted restore at its next start; if this message comes back, "
            "restore the backup again."
        )
        self.home = Path(home)
        self.detail = detail
