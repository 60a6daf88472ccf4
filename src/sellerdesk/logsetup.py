"""Logging to the data dir, rotated, with phones and long digit runs masked."""

from __future__ import annotations

import io
import logging
import logging.handlers
import re
from pathlib import Path
from typing import cast

from sellerdesk import private_files

_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_LONG_DIGITS = re.compile(r"(?<!\d)(\d{3})\d{4,}(\d{2})(?!\d)")


def mask_text(text: str) -> str:
    """Mask mobile numbers (138****5678) and other long digit runs in a log line."""
    text = _PHONE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    return _LONG_DIGITS.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The rotated log files: readable by their user only (0600; the rotated ones are renamed,
    so they keep it), and quiet when they cannot be written."""

    _sellerdesk: bool = False  # set on the handler setup_logging installs (a later call replaces it)

    def _open(self) -> io.TextIOWrapper:
        name, mode, encoding, errors = self.baseFilename, self.mode, self.encoding, self.errors
        # The handler's mode is a text mode ("a"), so open() gives a TextIOWrapper; typeshed
        # cannot tell from a str variable.
        return cast(io.TextIOWrapper, open(name, mode, encoding=encoding, errors=errors, opener=private_files.opener))

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log line that cannot be written (a full disk) is dropped: never a traceback on
        stderr beside the one clear line the user is shown."""


class MaskingFormatter(logging.Formatter):
    """Masks the whole formatted record: the message and any traceback text with it."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_text(super().format(record))


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send SellerDesk's logs to ``log_dir/sellerdesk.log`` (1 MB × 5 files)."""
    private_files.make_dir(log_dir)
    path = log_dir / "sellerdesk.log"
    root = logging.getLogger("sellerdesk")
    for handler in list(root.handlers):
        if getattr(handler, "_sellerdesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = LogFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler._sellerdesk = True
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
