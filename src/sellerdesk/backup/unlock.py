"""Opening a backup's data key: a key we already hold, the keyring, or a password / recovery code."""

from __future__ import annotations

from collections.abc import Iterable

from sellerdesk.backup.fileformat import BackupInfo
from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.keys import MODE_PASSWORD, key_id, unlock_with_secret
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore


class BackupNeedsSecretError(StoreError):
    """No key at hand opens this backup: ask for the master password or the recovery code."""

    def __init__(self, info: BackupInfo) -> None:
        what = "the master password or the recovery code" if info.needs_password else "the recovery code"
        super().__init__(f"This backup needs {what} it was made with.")
        self.info = info


class WrongBackupSecretError(WrongKeyError):
    def __init__(self, needs_password: bool) -> None:
        what = "password or recovery code" if needs_password else "recovery code"
        StoreError.__init__(self, f"Wrong {what}: it does not unlock this backup. Nothing was changed.")
        self.what = what


def key_from_keyring(info: BackupInfo, secret_store: SecretStore | None) -> bytes | None:
    """The backup's key if this machine's keyring holds it (same key id), else None."""
    if secret_store is None:
        return None
    try:
        stored = secret_store.get("database-key:" + info.key_id)
    except KeyringUnavailable:
        return None
    if not stored:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if key_id(key) == info.key_id else None


def unlock_backup(
    info: BackupInfo,
    *,
    keys: Iterable[bytes | None] = (),
    secret: str | None = None,
    secret_store: SecretStore | None = None,
) -> bytes:
    """The data key of the backup ``info``.

    Tried in order: ``keys`` (e.g. the open database's key: same key id), the keyring,
    then ``secret`` as master password or recovery code through the header's envelopes.
    Raises :class:`WrongBackupSecretError` for a wrong secret and
    :class:`BackupNeedsSecretError` when there is nothing to try.
    """
    for candidate in keys:
        if candidate and key_id(candidate) == info.key_id:
            return candidate
    found = key_from_keyring(info, secret_store)
    if found is not None:
        return found
    if secret:
        try:
            return unlock_with_secret(info.header.keyfile, secret)
        except WrongKeyError as exc:
            raise WrongBackupSecretError(info.header.keyfile.mode == MODE_PASSWORD or info.needs_password) from exc
    raise BackupNeedsSecretError(info)
