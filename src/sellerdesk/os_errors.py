"""The OS's words for the file failures a user meets most, by errno (Python gives them in English).

The CLI prints them through its ``cli`` table (:data:`sellerdesk.cli.messages.ENGLISH_TABLES`);
the app through Qt (``ui.widgets.errors.os_reason``, which words the same errnos: a test holds
the two to the same keys).
"""

from __future__ import annotations

import errno

OS_ERRORS = {
    errno.ENOENT: "No such file or directory",
    errno.EACCES: "Permission denied",
    errno.EPERM: "Operation not permitted",
    errno.EISDIR: "Is a directory",
    errno.ENOTDIR: "Not a directory",
    errno.EEXIST: "File exists",
    errno.ENOSPC: "No space left on device",
    errno.EROFS: "Read-only file system",
}
