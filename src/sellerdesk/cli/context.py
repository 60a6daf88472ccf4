"""Opening the data directory for a CLI command, without any dialog."""

from __future__ import annotations

import contextlib
import getpass
import sys

from sellerdesk.cli import CliError
from sellerdesk.store.session import DataDir, NeedsSecretError


def data_dir() -> DataDir:
    return DataDir.default()


def unlock(datadir: DataDir) -> bytes:
    if not datadir.is_initialized():
        raise CliError(
            f"no SellerDesk database in {datadir.home}; run 'sellerdesk-cli init' (or start the app) first"
        )
    try:
        return datadir.unlock_headless()
    except NeedsSecretError as exc:
        if sys.stdin is not None and sys.stdin.isatty():
            secret = getpass.getpass("Master password or recovery code: ")
            return datadir.unlock_with_secret(secret)
        raise CliError(f"{exc} Set SELLERDESK_PASSPHRASE to the master password or the recovery code.") from exc


@contextlib.contextmanager
def open_store():
    """``with open_store() as datadir:`` — unlocked, migrated, bound; closed afterwards."""
    datadir = data_dir()
    key = unlock(datadir)
    datadir.open(key)
    try:
        yield datadir
    finally:
        datadir.close()
