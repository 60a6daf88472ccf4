"""Backups: a consistent snapshot, encrypted and authenticated, written safely and rotated;
verification and restore. No Qt here — ``ui.backup_actions`` and ``cli.backup_cmds`` wrap it.

See ``fileformat`` for the file layout, ``create`` for making one, ``restore`` for the way back.
"""

from sellerdesk.backup.create import BackupResult, backup_datadir, create_backup
from sellerdesk.backup.errors import (
    AllDestinationsFailedError,
    BackupDamagedError,
    BackupError,
    BackupTooNewError,
    DestinationError,
    NoDestinationError,
    NotABackupError,
    RestoreNotInPlaceError,
)
from sellerdesk.backup.fileformat import BackupInfo, check_integrity, read_info
from sellerdesk.backup.leftovers import clean_leftovers
from sellerdesk.backup.restore import (
    RestoreResult,
    StagedRestore,
    check_file,
    commit_restore,
    finish_restore,
    prepare_restore,
    restore_into,
    verify_backup,
    verify_in_place,
)
from sellerdesk.backup.unlock import BackupNeedsSecretError, WrongBackupSecretError, unlock_backup

__all__ = [
    "BackupDamagedError",
    "BackupError",
    "BackupInfo",
    "BackupNeedsSecretError",
    "BackupResult",
    "BackupTooNewError",
    "AllDestinationsFailedError",
    "DestinationError",
    "NoDestinationError",
    "NotABackupError",
    "RestoreNotInPlaceError",
    "RestoreResult",
    "StagedRestore",
    "WrongBackupSecretError",
    "backup_datadir",
    "check_file",
    "clean_leftovers",
    "check_integrity",
    "commit_restore",
    "create_backup",
    "finish_restore",
    "prepare_restore",
    "read_info",
    "restore_into",
    "unlock_backup",
    "verify_backup",
    "verify_in_place",
]
