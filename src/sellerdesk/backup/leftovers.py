"""What killed backups leave in the data folder, removed at the next start.

A backup killed while it ran leaves its snapshot (a full encrypted copy of the database)
beside the database, and a ``.part`` in the folder it was writing to. The next backup
removes those of its own folders; :func:`clean_leftovers` does the data folder's at start
(the app calls it before it opens the database). Files a restore left are the store's
business (``DataDir.is_initialized`` recovers them). Only exact names of ours are deleted,
and never while the backup that made them is still running (see ``store.filelocks``).
"""

from __future__ import annotations

from pathlib import Path

from sellerdesk.backup.safewrite import remove_stale_parts
from sellerdesk.backup.snapshot import remove_abandoned_snapshots

SAFETY_FOLDER = "before-restore"  # where a restore backs up the data it replaces


def clean_leftovers(home: Path) -> int:
    """Remove abandoned snapshots in ``home`` and ``.part`` files in its safety-backup folder; how many."""
    home = Path(home)
    return remove_abandoned_snapshots(home) + remove_stale_parts(home / SAFETY_FOLDER)
