"""Backups: a consistent snapshot, encrypted and authenticated, written safely and rotated;
verification and restore. No Qt here — ``ui.backup_actions`` and ``cli.backup_cmds`` wrap it.

See ``fileformat`` for the file layout, ``create`` for making one, ``restore`` for the way back.
"""

from sellerdesk.backup.create import BackupResult, backup_datadir, create_backup
from sellerdesk.backup.errors import (
    BackupDamagedError,
    BackupError,
    BackupTooNewError,
    DestinationError,
    NoDestinationError,
    NotABackupError,
)
from sellerdesk.backup.fileformat import BackupInfo, check_integrity, read_info
from sellerdesk.backup.leftovers import clean_leftovers
from sellerdesk.backup.restore import (
    RestoreResult,
    StagedRestore,
    check_file,
    commit_restore,
    prepare_restore,
    restore_into,
    verify_backup,
)
from sellerdesk.backup.unlock import BackupNeedsSecretError, WrongBackupSecretError, unlock_backup

__all__ = [
    "BackupDamagedError",
    "BackupError",
    "BackupInfo",
    "BackupNeedsSecretError",
    "BackupResult",
    "BackupTooNewError",
    "DestinationError",
    "NoDestinationError",
    "NotABackupError",
    "RestoreResult",
    "StagedRestore",
    "WrongBackupSecretError",
    "backup_datadir",
    "check_file",
    "check_integrity",
    "clean_leftovers",
    "commit_restore",
    "create_backup",
    "prepare_restore",
    "read_info",
    "restore_into",
    "unlock_backup",
    "verify_backup",
]
