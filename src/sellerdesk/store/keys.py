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

An envelope carries its own scrypt parameters, so older envelopes stay readable after the
cost is raised; a password envelope weaker than today's is re-wrapped at the next unlock
with that password. The same envelopes travel, unauthenticated, in every backup's header:
:func:`parse_envelope` bounds every field before scrypt runs, so a crafted file is refused
as damaged instead of making an unlock take minutes or gigabytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from sellerdesk.core.passwords import ADVICE, MIN_LENGTH, Strength, estimate
from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.files import fsync_dir, write_atomic
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore

KEY_BYTES = 32
KEYFILE_VERSION = 1
MODE_KEYRING = "keyring"
MODE_PASSWORD = "password"
MIN_PASSWORD_LENGTH = MIN_LENGTH

log = logging.getLogger(__name__)

# scrypt cost of new envelopes: OWASP's minimum for scrypt (N=2**17, r=8, p=1), i.e.
# 128 × N × r = 128 MiB of memory and ~0.35 s on one core here (benchmarks/bench_kdf.py);
# it was 2**15 (32 MiB, ~0.1 s) before. Stored with each envelope, so raising it later
# keeps old files readable (and a weaker password envelope is re-wrapped at unlock).
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
# Like BORG_TESTONLY_WEAKEN_KDF: the test suite sets it so that the CLI it runs as
# subprocesses (where the fast_kdf fixture cannot reach) makes cheap envelopes. It never
# weakens an existing envelope (a re-wrap only ever raises the cost), and it says so.
WEAKEN_KDF_ENV = "SELLERDESK_TESTONLY_WEAKEN_KDF"

# What an envelope read from a file may ask for. The header of a backup is read before
# anything is authenticated, so these bound what a crafted file can cost: at most twice
# today's memory and time (enough for a later SellerDesk that doubles N).
SCRYPT_MIN_N = 2**10  # the tests' fast_kdf; nothing we ever wrote is cheaper
SCRYPT_MAX_N = 2**20
SCRYPT_MAX_R = 32
SCRYPT_MAX_P = 16
SCRYPT_MAX_BYTES = 256 * 2**20  # 128·n·r·p (memory, and time with p): twice N=2**17, r=8, p=1
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
MAX_SEALED_BYTES = 1024
ENVELOPE_NAMES = ("recovery", "password")

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_FIX = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


class KeyFileError(StoreError):
    pass


class EnvelopeError(KeyFileError, ValueError):
    """A wrapped key (in the key file or a backup header) is malformed or asks for an
    absurd scrypt cost: damaged or crafted. Raised before any key derivation."""


class WeakPasswordError(StoreError):
    """A new master password is too easy to guess (:mod:`sellerdesk.core.passwords`)."""

    def __init__(self, strength: Strength) -> None:
        super().__init__(f"The master password is {strength.english()}. {ADVICE}")
        self.strength = strength


def check_new_password(password: str | None) -> None:
    """The one rule for a new master password; raises :class:`WeakPasswordError`."""
    strength = estimate(password or "")
    if not strength.acceptable:
        raise WeakPasswordError(strength)


class KeyModeError(StoreError):
    """The change asked for does not fit the key's mode; ``reason`` is one of the three below."""

    NO_PASSWORD = "no_password"  # change the password, in keyring mode
    ALREADY_KEYRING = "already_keyring"
    ALREADY_PASSWORD = "already_password"

    def __init__(self, reason: str) -> None:
        text = {
            self.NO_PASSWORD: "This database's key is kept in the OS keyring: there is no master password to change.",
            self.ALREADY_KEYRING: "This database's key is already kept in the OS keyring. Nothing was changed.",
            self.ALREADY_PASSWORD: "This database already uses a master password. Nothing was changed.",
        }[reason]
        super().__init__(text)
        self.reason = reason


class SameSecretError(StoreError):
    """The new master password is a secret that opens the database already; ``reason`` says which."""

    SAME_PASSWORD = "same_password"  # the master password in use now
    RECOVERY_CODE = "recovery_code"  # the recovery code

    def __init__(self, reason: str) -> None:
        text = {
            self.SAME_PASSWORD: "The new master password is the one in use now. Nothing was changed.",
            self.RECOVERY_CODE: (
                "The new master password is the recovery code; choose a password of your own. Nothing was changed."
            ),
        }[reason]
        super().__init__(text)
        self.reason = reason


class KeyFileChangedError(StoreError):
    """Another process (a restore, another SellerDesk) replaced the key file meanwhile."""

    def __init__(self) -> None:
        super().__init__("The key file was changed by another program meanwhile. Nothing was changed; try again.")


class KeyMissingError(StoreError):
    """The keyring no longer holds this database's key (new machine, wiped keyring)."""

    def __init__(self) -> None:
        super().__init__("The OS keyring does not hold the key of this database. Unlock it with your recovery code.")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


@dataclass(frozen=True)
class Envelope:
    """A parsed, bounded wrapped key: safe to hand to scrypt."""

    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    ct: bytes

    def weaker_than_current(self) -> bool:
        n, r, p = current_scrypt_params()
        return self.n * self.r * self.p < n * r * p


def _strict_int(doc: dict[str, Any], name: str) -> int:
    value = doc.get(name)
    if type(value) is not int:  # not bool, float, str or None
        raise EnvelopeError(f"scrypt {name} is not a whole number")
    return value


def _bytes_field(doc: dict[str, Any], name: str, low: int, high: int) -> bytes:
    value = doc.get(name)
    if not isinstance(value, str) or len(value) > 4 * high:
        raise EnvelopeError(f"{name} is not base64 text")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error) as exc:
        raise EnvelopeError(f"{name} is not base64 text") from exc
    if not low <= len(data) <= high:
        raise EnvelopeError(f"{name} has {len(data)} bytes, not {low if low == high else f'{low}–{high}'}")
    return data


def current_scrypt_params() -> tuple[int, int, int]:
    """(n, r, p) for new envelopes: SCRYPT_N/R/P, or the cheapest allowed for tests."""
    if os.environ.get(WEAKEN_KDF_ENV) == "1":
        log.warning("%s is set: this new key envelope has a test-only weak scrypt cost", WEAKEN_KDF_ENV)
        return SCRYPT_MIN_N, SCRYPT_R, SCRYPT_P
    return SCRYPT_N, SCRYPT_R, SCRYPT_P


def check_scrypt_params(n: int, r: int, p: int) -> None:
    """Refuse scrypt parameters no SellerDesk writes: EnvelopeError, before any derivation."""
    if not SCRYPT_MIN_N <= n <= SCRYPT_MAX_N or n & (n - 1):
        raise EnvelopeError(f"scrypt n={n} is not a power of two from 2^10 to 2^20")
    if not 1 <= r <= SCRYPT_MAX_R:
        raise EnvelopeError(f"scrypt r={r} is outside 1–{SCRYPT_MAX_R}")
    if not 1 <= p <= SCRYPT_MAX_P:
        raise EnvelopeError(f"scrypt p={p} is outside 1–{SCRYPT_MAX_P}")
    if 128 * n * r * p > SCRYPT_MAX_BYTES:
        raise EnvelopeError(f"scrypt n={n}, r={r}, p={p} would need more than {SCRYPT_MAX_BYTES >> 20} MiB")


def parse_envelope(doc: object) -> Envelope:
    """A password or recovery envelope as stored in JSON, every field checked."""
    if not isinstance(doc, dict):
        raise EnvelopeError("not a JSON object")
    fields = {"kdf", "n", "r", "p", "salt", "nonce", "ct"}
    if set(doc) != fields:
        raise EnvelopeError("unexpected fields " + ", ".join(sorted(map(str, set(doc) ^ fields))))
    if doc["kdf"] != "scrypt":
        raise EnvelopeError("unknown key derivation")
    n, r, p = _strict_int(doc, "n"), _strict_int(doc, "r"), _strict_int(doc, "p")
    check_scrypt_params(n, r, p)
    return Envelope(
        n,
        r,
        p,
        _bytes_field(doc, "salt", SALT_BYTES, SALT_BYTES),
        _bytes_field(doc, "nonce", NONCE_BYTES, NONCE_BYTES),
        _bytes_field(doc, "ct", KEY_BYTES + TAG_BYTES, KEY_BYTES + TAG_BYTES),
    )


def _check_sealed(doc: object) -> dict[str, Any]:
    if not isinstance(doc, dict) or set(doc) != {"nonce", "ct"}:
        raise EnvelopeError("the sealed recovery code is not a nonce and a ciphertext")
    _bytes_field(doc, "nonce", NONCE_BYTES, NONCE_BYTES)
    _bytes_field(doc, "ct", TAG_BYTES + 1, MAX_SEALED_BYTES)
    return dict(doc)


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


def wrap(key: bytes, secret: str, *, aad: bytes = b"sellerdesk-key") -> dict[str, Any]:
    """Encrypt ``key`` under a key derived from ``secret``: a JSON-ready envelope."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    n, r, p = current_scrypt_params()
    kek = _derive(secret, salt, n, r, p)
    return {
        "kdf": "scrypt",
        "n": n,
        "r": r,
        "p": p,
        "salt": b64(salt),
        "nonce": b64(nonce),
        "ct": b64(AESGCM(kek).encrypt(nonce, key, aad)),
    }


def unwrap(envelope: object, secret: str, *, aad: bytes = b"sellerdesk-key") -> bytes | None:
    """The key inside ``envelope`` if ``secret`` opens it, else None.

    A malformed envelope or an out-of-bounds scrypt cost raises :class:`EnvelopeError`
    (before scrypt runs): it is damaged or crafted, not a wrong password.
    """
    env = parse_envelope(envelope)
    kek = _derive(secret, env.salt, env.n, env.r, env.p)
    try:
        return AESGCM(kek).decrypt(env.nonce, env.ct, aad)
    except InvalidTag:
        return None


def seal(key: bytes, plaintext: str) -> dict[str, Any]:
    nonce = os.urandom(12)
    return {"nonce": b64(nonce), "ct": b64(AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), b"sealed"))}


def unseal(key: bytes, sealed: dict[str, Any]) -> str:
    return AESGCM(key).decrypt(unb64(sealed["nonce"]), unb64(sealed["ct"]), b"sealed").decode("utf-8")


@dataclass
class KeyFile:
    """The parsed ``sellerdesk.keys.json``."""

    mode: str
    key_id: str
    envelopes: dict[str, dict[str, Any]]  # "recovery" and, in password mode, "password"
    recovery_sealed: dict[str, Any]

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
    def from_doc(cls, doc: object) -> KeyFile:
        """The key part of a key file or of a backup header, every field checked (EnvelopeError)."""
        if not isinstance(doc, dict):
            raise EnvelopeError("the key description is not a JSON object")
        mode, kid, envelopes = doc.get("mode"), doc.get("key_id"), doc.get("envelopes")
        if mode not in (MODE_KEYRING, MODE_PASSWORD):
            raise EnvelopeError("unknown key mode")
        if not isinstance(kid, str) or len(kid) != 16 or any(ch not in "0123456789abcdef" for ch in kid):
            raise EnvelopeError("the key id is not 16 hex digits")
        if not isinstance(envelopes, dict) or "recovery" not in envelopes:
            raise EnvelopeError("no recovery envelope")
        checked: dict[str, dict[str, Any]] = {}
        for name, envelope in envelopes.items():
            if name not in ENVELOPE_NAMES:
                raise EnvelopeError(f"unknown envelope {str(name)[:20]!r}")
            try:
                parse_envelope(envelope)
            except EnvelopeError as exc:
                raise EnvelopeError(f"{name} envelope: {exc}") from exc
            checked[name] = dict(envelope)
        return cls(mode, kid, checked, _check_sealed(doc.get("recovery_sealed")))

    @classmethod
    def parse(cls, data: bytes, path: Path) -> KeyFile:
        try:
            doc = json.loads(data)
            if not isinstance(doc, dict) or doc.get("format") != "sellerdesk-keys":
                raise ValueError("unknown key file format")
            version = doc.get("version")
            if type(version) is not int or version < 1:
                raise ValueError("unknown key file format")
            if version > KEYFILE_VERSION:
                raise ValueError("written by a newer SellerDesk")
            return cls.from_doc(doc)
        except (ValueError, RecursionError) as exc:
            raise KeyFileError(f"The key file {path} is damaged ({exc}). Restore it from a backup.") from exc

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.parse(path.read_bytes(), path)


def _open_with_secret(keyfile: KeyFile, text: str) -> tuple[bytes, str]:
    """The data key and the name of the envelope that ``text`` opened."""
    candidates = []
    if "password" in keyfile.envelopes and text:
        candidates.append(("password", text))
    code = normalize_recovery_code(text or "")
    if code is not None:
        candidates.append(("recovery", code))
    for name, secret in candidates:
        key = unwrap(keyfile.envelopes[name], secret)
        if key is not None and key_id(key) == keyfile.key_id:
            return key, name
    raise WrongKeyError("password or recovery code" if keyfile.mode == MODE_PASSWORD else "recovery code")


def unlock_with_secret(keyfile: KeyFile, text: str) -> bytes:
    """Open the data key with a master password or a recovery code; WrongKeyError if neither fits."""
    return _open_with_secret(keyfile, text)[0]


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
        keyring = None  # where the key goes in keyring mode
        if mode == MODE_PASSWORD:
            if not password or len(password) < MIN_PASSWORD_LENGTH:
                raise StoreError(f"The master password must have at least {MIN_PASSWORD_LENGTH} characters.")
        elif mode == MODE_KEYRING:
            keyring = self.secret_store
            if keyring is None:
                raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND)
            keyring.check()
        else:
            raise ValueError(mode)
        key = secrets.token_bytes(KEY_BYTES)
        code = new_recovery_code()
        envelopes = {"recovery": wrap(key, code)}
        if password and mode == MODE_PASSWORD:  # (a password mode without one was refused above)
            envelopes["password"] = wrap(key, password)
        keyfile = KeyFile(mode, key_id(key), envelopes, seal(key, code))
        if keyring is not None:
            keyring.set("database-key:" + keyfile.key_id, key.hex())
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
        """Open the key; a password envelope weaker than today's cost is re-wrapped on the way."""
        raw = self.path.read_bytes()
        keyfile = KeyFile.parse(raw, self.path)
        key, opened = _open_with_secret(keyfile, text)
        if opened == "password" and parse_envelope(keyfile.envelopes["password"]).weaker_than_current():
            self._rewrap_password(raw, keyfile, key, text)
        return key

    def _rewrap_password(self, raw: bytes, keyfile: KeyFile, key: bytes, password: str) -> None:
        """Best effort, never in the way of the unlock that triggered it.

        The new file is written completely under a name of its own (two processes that
        unlock at once must not share write_atomic's temporary file), then renamed over
        the key file only if that is still the file we unlocked: a restore, a new
        password or another process's re-wrap in the meantime wins. A crash leaves the old
        or the new key file, both valid for the same key and password.
        """
        keyfile.envelopes["password"] = wrap(key, password)
        staging = self.path.with_name(f"{self.path.name}.{secrets.token_hex(4)}.new")
        try:
            write_atomic(staging, keyfile.to_json())
            if self.path.read_bytes() != raw:
                return
            os.replace(staging, self.path)
            fsync_dir(self.path.parent)
            log.info("re-wrapped the master-password envelope with the current scrypt cost")
        except OSError as exc:
            log.warning("could not re-wrap the key file with the current scrypt cost: %s", exc.strerror or exc)
        finally:
            try:
                staging.unlink(missing_ok=True)
            except OSError:
                pass

    # --- re-wrapping the data key: the database itself is never touched --------------------------

    def _read_for(self, key: bytes) -> tuple[bytes, KeyFile]:
        """The key file as read (its bytes, for :meth:`_commit`) and parsed; WrongKeyError if
        ``key`` is not the data key it wraps."""
        raw = self.path.read_bytes()
        keyfile = KeyFile.parse(raw, self.path)
        if key_id(key) != keyfile.key_id:
            raise WrongKeyError()
        return raw, keyfile

    def _check_current(self, keyfile: KeyFile, key: bytes, current: str | None) -> str:
        """In master-password mode every key change asks for the current password (or the
        recovery code, which opens the database as well); WrongKeyError when it is wrong.
        In keyring mode the keyring that unlocked the app is the proof. Returns the envelope
        ``current`` opened ("password", "recovery"; "" in keyring mode)."""
        if keyfile.mode != MODE_PASSWORD:
            return ""
        if not current:
            raise WrongKeyError("password or recovery code")
        opened, name = _open_with_secret(keyfile, current)
        if opened != key:
            raise WrongKeyError("password or recovery code")
        return name

    @staticmethod
    def _refuse_opening_secret(keyfile: KeyFile, key: bytes, new: str, current_password: str | None) -> None:
        """SameSecretError when ``new`` already opens the key: the password in use (``current_password``
        when the change was proved with it, else tried on the password envelope) or the recovery code.
        The envelope tries cost a key derivation each, and only run when the cheap test cannot tell."""
        if current_password is not None:
            if new == current_password:
                raise SameSecretError(SameSecretError.SAME_PASSWORD)
        elif "password" in keyfile.envelopes and unwrap(keyfile.envelopes["password"], new) == key:
            raise SameSecretError(SameSecretError.SAME_PASSWORD)
        code = normalize_recovery_code(new)
        if code is not None and "recovery" in keyfile.envelopes and unwrap(keyfile.envelopes["recovery"], code) == key:
            raise SameSecretError(SameSecretError.RECOVERY_CODE)

    def _commit(self, raw: bytes, keyfile: KeyFile) -> None:
        """Replace the key file we read as ``raw`` by ``keyfile``, atomically.

        The new file is written completely (0600, fsync) under a name of its own, then
        renamed over the key file if that is still the file we read: a kill at any moment
        leaves the old file or the new one, each a complete, valid wrapping of the same data
        key. If another process changed the key file meanwhile, nothing is replaced."""
        staging = self.path.with_name(f"{self.path.name}.{secrets.token_hex(4)}.new")
        try:
            write_atomic(staging, keyfile.to_json())
            if self.path.read_bytes() != raw:
                raise KeyFileChangedError()
            os.replace(staging, self.path)
            fsync_dir(self.path.parent)
        finally:
            try:
                staging.unlink(missing_ok=True)
            except OSError:
                pass

    def change_password(self, key: bytes, current: str, new: str) -> None:
        """A new master password (master-password mode); the old one stops opening the key file."""
        raw, keyfile = self._read_for(key)
        if keyfile.mode != MODE_PASSWORD:
            raise KeyModeError(KeyModeError.NO_PASSWORD)
        opened_by = self._check_current(keyfile, key, current)
        check_new_password(new)
        self._refuse_opening_secret(keyfile, key, new, current if opened_by == "password" else None)
        keyfile.envelopes["password"] = wrap(key, new)
        self._commit(raw, keyfile)
        log.info("changed the master password")

    def use_password(self, key: bytes, new: str) -> None:
        """Keyring mode → master-password mode. The key file is switched first, then the
        keyring's copy is removed (a kill in between leaves a harmless extra copy there)."""
        raw, keyfile = self._read_for(key)
        if keyfile.mode != MODE_KEYRING:
            raise KeyModeError(KeyModeError.ALREADY_PASSWORD)
        check_new_password(new)
        self._refuse_opening_secret(keyfile, key, new, None)  # (no password in keyring mode: the recovery code)
        keyfile.mode = MODE_PASSWORD
        keyfile.envelopes["password"] = wrap(key, new)
        self._commit(raw, keyfile)
        log.info("switched to a master password")
        if self.secret_store is not None:
            try:
                self.secret_store.delete("database-key:" + keyfile.key_id)
            except KeyringUnavailable as exc:
                log.warning("could not remove the key from the keyring: %s", exc)

    def use_keyring(self, key: bytes, current: str) -> None:
        """Master-password mode → keyring mode. The key goes into the keyring (and is read
        back) before the key file drops its password envelope, so a locked or failing
        keyring changes nothing, and a kill in between leaves the password working."""
        raw, keyfile = self._read_for(key)
        if keyfile.mode != MODE_PASSWORD:
            raise KeyModeError(KeyModeError.ALREADY_KEYRING)
        self._check_current(keyfile, key, current)
        store = self.secret_store
        if store is None:
            raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND)
        store.check()
        entry = "database-key:" + keyfile.key_id
        store.set(entry, key.hex())
        if store.get(entry) != key.hex():
            raise KeyringUnavailable(KeyringUnavailable.ERROR, "It did not keep the key.")
        keyfile.mode = MODE_KEYRING
        keyfile.envelopes.pop("password", None)
        try:
            self._commit(raw, keyfile)
        except BaseException:
            try:
                store.delete(entry)
            except KeyringUnavailable:
                pass
            raise
        log.info("switched to the keyring")

    def replace_recovery_code(self, key: bytes, current: str | None = None) -> str:
        """A new recovery code; the old one stops opening the key file. Returns the new code.
        (Backups made before keep the envelopes of their time: the old code still opens them.)"""
        raw, keyfile = self._read_for(key)
        self._check_current(keyfile, key, current)
        code = new_recovery_code()
        keyfile.envelopes["recovery"] = wrap(key, code)
        keyfile.recovery_sealed = seal(key, code)
        self._commit(raw, keyfile)
        log.info("made a new recovery code")
        return code

    def recovery_code(self, key: bytes) -> str:
        """Show the recovery code again (needs the unlocked key)."""
        return unseal(key, self.load().recovery_sealed)

    def save_to_keyring(self, key: bytes) -> None:
        """After a recovery on a new machine: put the key back into this machine's keyring."""
        keyfile = self.load()
        if self.secret_store is None:  # (SELLERDESK_PASSPHRASE is set: the caller checks keyring_usable first)
            raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND)
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
