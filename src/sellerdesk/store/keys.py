"""The database key: made once, kept in the OS keyring or unlocked by a master password.

SellerDesk encrypts the database with a random 256-bit key (the *data key*). The data key
is never written to disk in plain text. A small key file beside the database
(``sellerdesk.keys.json``) holds only *wrapped* copies of it:

* ``recovery`` — wrapped with a key derived (scrypt) from the recovery code that the user
  is shown once at first run; it unlocks the database, and every backup, on a new machine;
* ``password`` — in master-password mode, wrapped with a key derived from the password.

In keyring mode the data key itself sits in the OS keyring (service ``sellerdesk``). The
recovery code is also kept sealed with the data key, so it can be shown again on request
once the app is unlocked. Wrapping uses AES-256-GCM, so a wrong password or code fails
authentication and nothing is ever decrypted into garbage.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.files import write_atomic
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore

KEY_BYTES = 32
KEYFILE_VERSION = 1
MODE_KEYRING = "keyring"
MODE_PASSWORD = "password"
MIN_PASSWORD_LENGTH = 8

# scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB and about 0.1 s here. Stored with each
# envelope, so raising it later keeps old files readable.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_FIX = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


class KeyFileError(StoreError):
    pass


class KeyMissingError(StoreError):
    """The keyring no longer holds this database's key (new machine, wiped keyring)."""

    def __init__(self) -> None:
        super().__init__("The OS keyring does not hold the key of this database. Unlock it with your recovery code.")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def key_id(key: bytes) -> str:
    """A short public fingerprint of a data key (tells which key a file needs)."""
    return hashlib.sha256(b"sellerdesk-key-id:" + key).hexdigest()[:16]


def sqlcipher_passphrase(key: bytes) -> str:
    """The raw-key form SQLCipher takes (``x'…'``), which skips SQLCipher's own KDF."""
    return "x'" + key.hex() + "'"


def new_recovery_code() -> str:
    """25 Crockford base-32 characters (125 bits) in five groups: ``7K2QM-…``."""
    chars = "".join(secrets.choice(_CROCKFORD) for _ in range(25))
    return "-".join(chars[i : i + 5] for i in range(0, 25, 5))


def normalize_recovery_code(text: str) -> str | None:
    """The canonical form of a typed recovery code, or None if it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CROCKFORD_FIX)
    if len(cleaned) != 25 or any(ch not in _CROCKFORD for ch in cleaned):
        return None
    return "-".join(cleaned[i : i + 5] for i in range(0, 25, 5))


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(secret.encode("utf-8"))


def wrap(key: bytes, secret: str, *, aad: bytes = b"sellerdesk-key") -> dict:
    """Encrypt ``key`` under a key derived from ``secret``: a JSON-ready envelope."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": b64(salt),
        "nonce": b64(nonce),
        "ct": b64(AESGCM(kek).encrypt(nonce, key, aad)),
    }


def unwrap(envelope: dict, secret: str, *, aad: bytes = b"sellerdesk-key") -> bytes | None:
    """The key inside ``envelope`` if ``secret`` opens it, else None."""
    try:
        kek = _derive(secret, unb64(envelope["salt"]), int(envelope["n"]), int(envelope["r"]), int(envelope["p"]))
        return AESGCM(kek).decrypt(unb64(envelope["nonce"]), unb64(envelope["ct"]), aad)
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


def seal(key: bytes, plaintext: str) -> dict:
    nonce = os.urandom(12)
    return {"nonce": b64(nonce), "ct": b64(AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), b"sealed"))}


def unseal(key: bytes, sealed: dict) -> str:
    return AESGCM(key).decrypt(unb64(sealed["nonce"]), unb64(sealed["ct"]), b"sealed").decode("utf-8")


@dataclass
class KeyFile:
    """The parsed ``sellerdesk.keys.json``."""

    mode: str
    key_id: str
    envelopes: dict  # "recovery" and, in password mode, "password"
    recovery_sealed: dict

    def to_json(self) -> bytes:
        doc = {
            "format": "sellerdesk-keys",
            "version": KEYFILE_VERSION,
            "mode": self.mode,
            "key_id": self.key_id,
            "envelopes": self.envelopes,
            "recovery_sealed": self.recovery_sealed,
        }
        return json.dumps(doc, indent=2).encode("utf-8")

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            doc = json.loads(path.read_bytes())
            if doc.get("format") != "sellerdesk-keys" or int(doc["version"]) > KEYFILE_VERSION:
                raise ValueError("unknown key file format")
            return cls(doc["mode"], doc["key_id"], doc["envelopes"], doc["recovery_sealed"])
        except FileNotFoundError:
            raise
        except (ValueError, KeyError, TypeError) as exc:
            raise KeyFileError(f"The key file {path} is damaged ({exc}). Restore it from a backup.") from exc


def unlock_with_secret(keyfile: KeyFile, text: str) -> bytes:
    """Open the data key with a master password or a recovery code; WrongKeyError if neither fits."""
    candidates = []
    if "password" in keyfile.envelopes and text:
        candidates.append(("password", text))
    code = normalize_recovery_code(text or "")
    if code is not None:
        candidates.append(("recovery", code))
    for name, secret in candidates:
        key = unwrap(keyfile.envelopes[name], secret)
        if key is not None and key_id(key) == keyfile.key_id:
            return key
    raise WrongKeyError("password or recovery code" if keyfile.mode == MODE_PASSWORD else "recovery code")


class Vault:
    """Creates, stores and unlocks the data key of one data directory."""

    def __init__(self, keyfile_path: Path, secret_store: SecretStore | None) -> None:
        self.path = Path(keyfile_path)
        self.secret_store = secret_store

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> KeyFile:
        return KeyFile.load(self.path)

    @property
    def keyring_entry(self) -> str:
        return "database-key:" + self.load().key_id

    def create(self, mode: str, password: str | None = None) -> tuple[bytes, str]:
        """Make a new data key; return it and the recovery code to show the user once."""
        if mode == MODE_PASSWORD:
            if not password or len(password) < MIN_PASSWORD_LENGTH:
                raise StoreError(f"The master password must have at least {MIN_PASSWORD_LENGTH} characters.")
        elif mode == MODE_KEYRING:
            if self.secret_store is None:
                raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND)
            self.secret_store.check()
        else:
            raise ValueError(mode)
        key = secrets.token_bytes(KEY_BYTES)
        code = new_recovery_code()
        envelopes = {"recovery": wrap(key, code)}
        if mode == MODE_PASSWORD:
            envelopes["password"] = wrap(key, password)
        keyfile = KeyFile(mode, key_id(key), envelopes, seal(key, code))
        if mode == MODE_KEYRING:
            self.secret_store.set("database-key:" + keyfile.key_id, key.hex())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, keyfile.to_json())
        return key, code

    def unlock_with_keyring(self) -> bytes:
        keyfile = self.load()
        if self.secret_store is None:
            raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND)
        stored = self.secret_store.get("database-key:" + keyfile.key_id)
        if not stored:
            raise KeyMissingError()
        try:
            key = bytes.fromhex(stored)
        except ValueError as exc:
            raise KeyMissingError() from exc
        if key_id(key) != keyfile.key_id:
            raise KeyMissingError()
        return key

    def unlock_with_secret(self, text: str) -> bytes:
        return unlock_with_secret(self.load(), text)

    def recovery_code(self, key: bytes) -> str:
        """Show the recovery code again (needs the unlocked key)."""
        return unseal(key, self.load().recovery_sealed)

    def save_to_keyring(self, key: bytes) -> None:
        """After a recovery on a new machine: put the key back into this machine's keyring."""
        keyfile = self.load()
        self.secret_store.set("database-key:" + keyfile.key_id, key.hex())
        if keyfile.mode != MODE_KEYRING:
            keyfile.mode = MODE_KEYRING
            keyfile.envelopes.pop("password", None)
            write_atomic(self.path, keyfile.to_json())

    def set_password(self, key: bytes, password: str) -> None:
        """Switch to (or change the) master password; the keyring copy is removed."""
        if len(password) < MIN_PASSWORD_LENGTH:
            raise StoreError(f"The master password must have at least {MIN_PASSWORD_LENGTH} characters.")
        keyfile = self.load()
        if key_id(key) != keyfile.key_id:
            raise WrongKeyError()
        keyfile.envelopes["password"] = wrap(key, password)
        old_mode = keyfile.mode
        keyfile.mode = MODE_PASSWORD
        write_atomic(self.path, keyfile.to_json())
        if old_mode == MODE_KEYRING and self.secret_store is not None:
            try:
                self.secret_store.delete("database-key:" + keyfile.key_id)
            except KeyringUnavailable:
                pass
