"""Opening the data directory for a CLI command, without any dialog.

The store (peewee, SQLCipher, cryptography) is imported when a command opens it, not when
the command modules import this one to build the argument parser: ``--version``, ``--help``
and ``parse-address`` never load it.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from sellerdesk.cli import CliError
from sellerdesk.cli.messages import _
from sellerdesk.cli.store_errors import english_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sellerdesk.store.session import DataDir


def data_dir() -> DataDir:
    from sellerdesk.store.session import DataDir

    return DataDir.default()


def unlock(datadir: DataDir) -> bytes:
    from sellerdesk.store.session import NeedsSecretError

    if not datadir.is_initialized():
        raise CliError(
            _(
                "no SellerDesk database in {home}; run 'sellerdesk-cli init' (or start the app) first",
                home=datadir.home,
            )
        )
    try:
        return datadir.unlock_headless()
    except NeedsSecretError as exc:
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            secret = getpass.getpass(_("Master password or recovery code: "))
            return datadir.unlock_with_secret(secret)
        raise CliError(
            _(
                "{problem} Set SELLERDESK_PASSPHRASE to the master password or the recovery code.",
                problem=english_text(str(exc)),
            )
        ) from exc


@contextlib.contextmanager
def open_store() -> Iterator[DataDir]:
    """``with open_store() as datadir:`` — unlocked, migrated, bound; closed afterwards."""
    datadir = data_dir()
    key = unlock(datadir)
    datadir.open(key)
    try:
        yield datadir
    finally:
        with _ctrl_c_held():
            datadir.close()


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Closing checkpoints the WAL (~1 s after a big import). A Ctrl-C then would report an
    import that is already committed as 'interrupted' (exit 130), and a re-run could add it
    twice: the close finishes first and the key press is dropped (if the command itself was
    interrupted, its KeyboardInterrupt is already on its way)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
