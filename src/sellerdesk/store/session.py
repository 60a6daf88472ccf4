"""One data directory: is it set up, how is it unlocked, open it.

Shared by the app, the CLI and the backup/restore code so that every entry point unlocks
the same way:

* ``SELLERDESK_PASSPHRASE`` set → no keyring and no dialog: it is the master password or
  the recovery code;
* otherwise, in keyring mode, the key comes from the OS keyring;
* otherwise the caller asks the user (GUI dialog) and calls :meth:`DataDir.unlock_with_secret`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sellerdesk import paths
from sellerdesk.store import restore_journal
from sellerdesk.store.database import StoreDatabase, close_store, open_store
from sellerdesk.store.errors import StoreError
from sellerdesk.store.files import remove_database_file, write_atomic
from sellerdesk.store.keys import MODE_KEYRING, MODE_PASSWORD, KeyMissingError, Vault, check_new_password, key_id
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore, SystemKeyring

log = logging.getLogger(__name__)


class NeedsSecretError(StoreError):
    """No way to unlock without asking: the caller must supply a password or recovery code."""

    def __init__(self, reason: str, mode: str) -> None:
        super().__init__(reason)
        self.mode = mode


def passphrase_from_env() -> str | None:
    value = os.environ.get(paths.PASSPHRASE_ENV)
    return value if value else None


def default_secret_store() -> SecretStore | None:
    """The OS keyring, or None when ``SELLERDESK_PASSPHRASE`` says to do without it."""
    if passphrase_from_env() is not None:
        return None
    return SystemKeyring()


@dataclass
class DataDir:
    home: Path
    secret_store: SecretStore | None

    @classmethod
    def default(cls, secret_store: SecretStore | None = None, *, use_env: bool = True) -> DataDir:
        store = secret_store if secret_store is not None else (default_secret_store() if use_env else SystemKeyring())
        return cls(paths.data_dir(), store)

    @property
    def db_path(self) -> Path:
        return self.home / "sellerdesk.db"

    @property
    def keyfile_path(self) -> Path:
        return self.home / "sellerdesk.keys.json"

    @property
    def vault(self) -> Vault:
        return Vault(self.keyfile_path, self.secret_store)

    @property
    def pending_keyfile_path(self) -> Path:
        return self.home / "sellerdesk.keys.json.pending"

    def stage_keyfile(self, data: bytes) -> None:
        """First half of swapping in a database with another key (restore): park its key file.

        The caller (holding the restore lock, with the swap journaled: see
        :mod:`sellerdesk.store.restore_journal`) then replaces the database file and calls
        :meth:`settle_pending_keyfile`. If the process dies between the two, the next start
        finishes the swap, so the database and its key file never stay apart.
        """
        write_atomic(self.pending_keyfile_path, data)

    def settle_pending_keyfile(self) -> bool:
        """Move a parked key file into place once its database is in place; True if it did.

        The journal of the swap names the one staged database it belongs to: while that file
        is still there the swap has not happened, so the current key file still belongs to
        the current database. Without a journal (a swap by an older version) any staged
        ``.restore-*.db`` counts; :meth:`recover_interrupted_restore` first removes those of
        restores that died.
        """
        if not self.pending_keyfile_path.exists():
            return False
        try:
            journal = restore_journal.read_journal(self.home)
        except restore_journal.JournalDamagedError:
            journal = None
        if journal is not None:
            if (self.home / journal.staged).exists():
                return False
        elif any(self.home.glob(".restore-*.db")):
            return False
        try:
            os.replace(self.pending_keyfile_path, self.keyfile_path)
        except FileNotFoundError:
            return False  # another process settled it first
        return True

    def recover_interrupted_restore(self) -> str | None:
        """Finish (or undo) a restore that was killed, and remove what it left; see
        :func:`sellerdesk.store.restore_journal.recover`. Every entry point calls this
        (through :meth:`is_initialized`) before it opens anything."""
        return restore_journal.recover(self)

    def is_initialized(self) -> bool:
        self.recover_interrupted_restore()
        return self.keyfile_path.exists() and self.db_path.exists()

    def mode(self) -> str:
        return self.vault.load().mode

    def keyring_usable(self) -> KeyringUnavailable | None:
        """None when the keyring can be used, else the reason it cannot."""
        if self.secret_store is None:
            return KeyringUnavailable(KeyringUnavailable.NO_BACKEND, "SELLERDESK_PASSPHRASE is set.")
        try:
            self.secret_store.check()
        except KeyringUnavailable as exc:
            return exc
        return None

    def initialize(self, mode: str, password: str | None = None, *, bind: bool = True) -> tuple[bytes, str]:
        """Create the key and an empty, migrated database; return (key, recovery code).

        ``bind=False`` leaves the models bound where they are: a team owner's window makes this
        computer's key to encrypt a team backup with, and stays on the team database."""
        self.recover_interrupted_restore()  # a restore into this empty folder may have been cut off
        if self.db_path.exists() or self.keyfile_path.exists():
            from sellerdesk.store.errors import DatabaseExistsError

            raise DatabaseExistsError(self.db_path)
        if mode == MODE_PASSWORD:
            check_new_password(password)  # WeakPasswordError before anything is made
        self.home.mkdir(parents=True, exist_ok=True)
        key, code = self.vault.create(mode, password)
        try:
            if bind:
                open_store(self.db_path, key, create=True)
            else:
                _make_store(self.db_path, key)
        except BaseException:
            # nothing of this try left to block the next one (neither folder had them before)
            self.keyfile_path.unlink(missing_ok=True)
            remove_database_file(self.db_path)
            if mode == MODE_KEYRING and self.secret_store is not None:
                try:
                    self.secret_store.delete("database-key:" + key_id(key))
                except Exception as exc:  # noqa: BLE001 - the first failure is the one to report
                    log.warning("could not remove the new key from the keyring: %s", exc)
            raise
        return key, code

    def unlock_headless(self) -> bytes:
        """Unlock without asking: env passphrase, else keyring; NeedsSecretError otherwise."""
        vault = self.vault
        keyfile = vault.load()
        env = passphrase_from_env()
        if env is not None:
            return vault.unlock_with_secret(env)
        if keyfile.mode == MODE_PASSWORD:
            raise NeedsSecretError("This database is protected by a master password.", MODE_PASSWORD)
        try:
            return vault.unlock_with_keyring()
        except (KeyringUnavailable, KeyMissingError) as exc:
            raise NeedsSecretError(str(exc), MODE_KEYRING) from exc

    def unlock_with_secret(self, text: str) -> bytes:
        return self.vault.unlock_with_secret(text)

    def open(self, key: bytes) -> StoreDatabase:
        return open_store(self.db_path, key)

    @staticmethod
    def close() -> None:
        close_store()


def _make_store(path: Path, key: bytes) -> None:
    """The new, migrated SQLCipher file at ``path``, closed and bound to nothing."""
    from sellerdesk.store import database, migrations

    db = database.connect(path, key, create=True)
    try:
        migrations.migrate(db)
    finally:
        db.close()
