"""Qt's file dialogs never open the database's files (stranger QA, a seller's first week).

SQLite's locks on Linux and macOS are POSIX advisory locks, which belong to the process: when
the process closes ANY descriptor of ``sellerdesk.db`` or its ``-shm`` — not only SQLite's —
all of its locks on that file are gone. Qt's own file dialog, shown on a folder, asks
``QMimeDatabase`` each file's type for its 类型 column and icon, and for a name no pattern
knows (``sellerdesk.db``, ``sellerdesk.db-wal``, ``sellerdesk.db-shm``) it opens the file to
read its first bytes. After a seller had merely looked into the data folder from any 保存/打开
dialog, the next ``sellerdesk-cli`` command (a scheduled backup or import) found no other
reader, checkpointed and DELETED the WAL and shared-memory files under the running app: the
window then saw none of the CLI's changes ("database disk image is malformed" in the log) and
what the app saved went into a deleted WAL, lost when it closed.

:func:`guard` puts a shared-mime-info package of ours (``resources/mime/packages``) first in
``XDG_DATA_DIRS``: those names then match a pattern, and Qt names their type without opening
them. Qt reads the variable whenever it (re)loads its database, so this runs at the very start
of ``app.main``. (Qt reads ``XDG_DATA_DIRS`` on Linux and the other XDG systems only: a native
dialog of another toolkit in the same process is not covered.)
"""

from __future__ import annotations

import os

from sellerdesk.core.resources import resources_dir

MIME_TYPE = "application/x-sellerdesk-data"
XDG_DEFAULT = "/usr/local/share:/usr/share"  # the specification's value when the variable is unset


def guard() -> None:
    """Make the database's files known to Qt's MIME database by name (see the module text)."""
    ours = str(resources_dir())
    current = os.environ.get("XDG_DATA_DIRS") or XDG_DEFAULT
    if ours not in current.split(os.pathsep):
        os.environ["XDG_DATA_DIRS"] = os.pathsep.join([ours, current])
