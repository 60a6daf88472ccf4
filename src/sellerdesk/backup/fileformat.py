"""The ``.sdbackup`` file: a readable header, an AES-GCM encrypted snapshot, a checksum trailer.

Layout (all integers big-endian)::

    MAGIC (12 bytes)  format version (u16)  header length (u32)  header (UTF-8 JSON)
    chunk 0 … chunk n-1      each: ciphertext length (u32), AES-256-GCM ciphertext + 16-byte tag
    trailer                  SHA-256 of every byte before it (32 bytes)

The header carries what a restore needs before unlocking — format and app version, schema
version, customer/address/order counts, creation time (UTC), payload size and SHA-256 — and
the database key *wrapped* exactly as in ``sellerdesk.keys.json`` (recovery-code envelope,
and in master-password mode the password envelope), so the file plus the password or the
recovery code is enough on a new machine. Counts and dates are therefore readable without
the password; customer data is not.

The payload is the snapshot file (a SQLCipher database, itself encrypted with the data key
K). It is encrypted in 1 MiB chunks with a key derived from K by HKDF with a random
per-file salt; chunk ``i`` uses the nonce ``i`` (11 bytes) + a final-chunk flag (1 byte),
and every chunk's associated data is the SHA-256 of the magic, version and header bytes.
So changing any header byte, reordering, dropping or cutting chunks fails authentication.
The trailer lets ``verify`` find accidental damage (a flipped bit, a cut-off copy) even
without the password; authenticity always needs the key.

The header is read before anything is authenticated, so it is parsed as hostile input
(:func:`parse_header`): bounded size and nesting, no NaN/Infinity, no fractions, no
over-long numbers, no repeated fields, and every field of the expected type and range.
Whatever fails is :class:`BackupDamagedError` — never an internal error.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sellerdesk.backup.errors import BackupDamagedError, BackupTooNewError, NotABackupError
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.keys import KeyFile, b64

MAGIC = b"\x89SDBACKUP\r\n\x1a\n"
FORMAT_VERSION = 1
EXTENSION = ".sdbackup"
CHUNK_SIZE = 1 << 20
TAG_BYTES = 16
TRAILER_BYTES = 32
MAX_HEADER_BYTES = 64 << 10  # a real header is about 1.5 KB
MAX_HEADER_DEPTH = 8  # a real header nests 4 deep (key → envelopes → recovery → fields)
MAX_NUMBER_DIGITS = 18  # every number in a header fits in 63 bits
MAX_TEXT_CHARS = 4096
MIN_CHUNK_SIZE = 4 << 10
MAX_CHUNK_SIZE = 64 << 20  # one chunk is held in memory while it is checked
MAX_PAYLOAD_SIZE = 1 << 46
MAX_COUNT = 10**12
MAX_SCHEMA_VERSION = 1 << 31
_PREFIX = struct.Struct(">HI")
_LENGTH = struct.Struct(">I")
_HKDF_INFO = b"sellerdesk-backup-payload-v1"

MSG_ENCRYPT = "Encrypting and writing the backup…"
MSG_CHECK = "Checking the backup file…"
MSG_DECRYPT = "Decrypting and verifying the backup…"


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_HEX16 = re.compile(r"[0-9a-f]{16}\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_UTC_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} where a number belongs")


def _reject_fraction(text: str) -> Any:
    raise ValueError(f"the fraction {text[:20]} where a whole number belongs")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError("a number with too many digits")
    return int(text)


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for name, value in pairs:
        if name in doc:
            raise ValueError(f"the field {name[:40]!r} appears twice")
        doc[name] = value
    return doc


def parse_header(data: bytes) -> dict[str, Any]:
    """The header's JSON object, parsed strictly; ValueError on anything a writer of ours never writes."""
    if len(data) > MAX_HEADER_BYTES:
        raise ValueError("the header is too long")
    text = data.decode("utf-8")
    depth = 0
    for token in _JSON_TOKENS.finditer(text):  # strings skipped whole: brackets inside them do not count
        mark = token.group()
        if mark in ("[", "{"):
            depth += 1
            if depth > MAX_HEADER_DEPTH:
                raise ValueError("the header is nested too deeply")
        elif mark in ("]", "}"):
            depth -= 1
    doc = json.loads(
        text,
        parse_constant=_reject_constant,
        parse_float=_reject_fraction,
        parse_int=_bounded_int,
        object_pairs_hook=_no_repeats,
    )
    if not isinstance(doc, dict):
        raise ValueError("the header is not a JSON object")
    return doc


def _object(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc[name]
    if not isinstance(value, dict):
        raise ValueError(f"{name} is not an object")
    return value


def _whole(doc: dict[str, Any], name: str, low: int, high: int) -> int:
    value = doc[name]
    if type(value) is not int:  # bool is an int to Python, not to us
        raise ValueError(f"{name} is not a whole number")
    if not low <= value <= high:
        raise ValueError(f"{name} is out of range")
    return value


def _text(doc: dict[str, Any], name: str, pattern: re.Pattern[str] | None = None, max_chars: int = 64) -> str:
    value = doc[name]
    if not isinstance(value, str) or len(value) > max_chars:
        raise ValueError(f"{name} is not a short text")
    if pattern is not None and not pattern.match(value):
        raise ValueError(f"{name} is malformed")
    return value


def _keyfile(doc: dict[str, Any]) -> KeyFile:
    key = _object(doc, "key")
    if "format" in key and key["format"] != "sellerdesk-keys":
        raise ValueError("key.format is unknown")
    if "version" in key:
        _whole(key, "version", 1, 1000)
    return KeyFile.from_doc(key)  # every envelope bounded before scrypt sees it (EnvelopeError is a ValueError)


def _salt(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("payload.salt is not base64") from exc


@dataclass
class BackupHeader:
    app_version: str
    schema_version: int
    created_at: dt.datetime  # aware, UTC
    counts: dict[str, int]  # customers, addresses, orders
    payload_size: int
    payload_sha256: str
    keyfile: KeyFile
    salt: bytes = field(default_factory=lambda: os.urandom(16))
    chunk_size: int = CHUNK_SIZE

    @property
    def chunks(self) -> int:
        return max(1, -(-self.payload_size // self.chunk_size))

    @property
    def key_id(self) -> str:
        return self.keyfile.key_id

    def to_bytes(self) -> bytes:
        doc = {
            "format": "sellerdesk-backup",
            "format_version": FORMAT_VERSION,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "created_at": _utc_text(self.created_at),
            "counts": dict(self.counts),
            "payload": {
                "cipher": "AES-256-GCM",
                "kdf": "HKDF-SHA256",
                "salt": b64(self.salt),
                "chunk_size": self.chunk_size,
                "size": self.payload_size,
                "sha256": self.payload_sha256,
            },
            "key": json.loads(self.keyfile.to_json()),
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | str) -> BackupHeader:
        """Parse and check every field (see :func:`parse_header`); BackupDamagedError otherwise."""
        try:
            doc = parse_header(data)
            if doc["format"] != "sellerdesk-backup":
                raise ValueError("unknown format")
            _whole(doc, "format_version", 1, FORMAT_VERSION)
            payload = _object(doc, "payload")
            if payload["cipher"] != "AES-256-GCM" or payload["kdf"] != "HKDF-SHA256":
                raise ValueError("unknown cipher")
            created_text = _text(doc, "created_at", _UTC_TEXT)
            created = dt.datetime.strptime(created_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
            counts_doc = _object(doc, "counts")
            for name in counts_doc:
                _whole(counts_doc, name, 0, MAX_COUNT)
            counts = {name: _whole(counts_doc, name, 0, MAX_COUNT) for name in ("customers", "addresses", "orders")}
            salt = _salt(_text(payload, "salt"))
            if len(salt) != 16:
                raise ValueError("payload.salt has the wrong length")
            header = cls(
                app_version=_text(doc, "app_version"),
                schema_version=_whole(doc, "schema_version", 0, MAX_SCHEMA_VERSION),
                created_at=created,
                counts=counts,
                payload_size=_whole(payload, "size", 1, MAX_PAYLOAD_SIZE),
                payload_sha256=_text(payload, "sha256", _HEX64),
                keyfile=_keyfile(doc),
                salt=salt,
                chunk_size=_whole(payload, "chunk_size", MIN_CHUNK_SIZE, MAX_CHUNK_SIZE),
            )
        except (ValueError, KeyError, TypeError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            detail = f"{exc.args[0]} is missing" if isinstance(exc, KeyError) else str(exc)
            raise BackupDamagedError(path, f"unreadable header: {detail[:200]}") from exc
        return header


@dataclass
class BackupInfo:
    """A backup file's header, read without the password (not yet authenticated)."""

    path: Path
    header: BackupHeader
    header_digest: bytes
    data_offset: int
    file_size: int

    @property
    def created_at(self) -> dt.datetime:
        return self.header.created_at

    @property
    def counts(self) -> dict[str, int]:
        return self.header.counts

    @property
    def schema_version(self) -> int:
        return self.header.schema_version

    @property
    def key_id(self) -> str:
        return self.header.key_id

    @property
    def needs_password(self) -> bool:
        """True if a master-password envelope is present (else only the recovery code opens it)."""
        return "password" in self.header.keyfile.envelopes

    def check_schema(self) -> None:
        from sellerdesk.store.migrations import SCHEMA_VERSION

        if self.header.schema_version > SCHEMA_VERSION:
            raise BackupTooNewError(
                self.path, f"schema {self.header.schema_version}; this version understands up to {SCHEMA_VERSION}"
            )


def expected_file_size(data_offset: int, header: BackupHeader) -> int:
    return data_offset + header.chunks * (_LENGTH.size + TAG_BYTES) + header.payload_size + TRAILER_BYTES


def payload_key(data_key: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(data_key)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _prefix(header_bytes: bytes) -> bytes:
    return MAGIC + _PREFIX.pack(FORMAT_VERSION, len(header_bytes)) + header_bytes


class _HashingWriter:
    """Writes through to ``fh`` while hashing everything (for the trailer)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.sha.update(data)
        self.fh.write(data)


def write_backup(
    out: BinaryIO,
    header: BackupHeader,
    snapshot: BinaryIO,
    data_key: bytes,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> None:
    """Write the whole ``.sdbackup`` stream for ``snapshot`` (a readable file) to ``out``."""
    header_bytes = header.to_bytes()
    prefix = _prefix(header_bytes)
    aad = hashlib.sha256(prefix).digest()
    aead = AESGCM(payload_key(data_key, header.salt))
    writer = _HashingWriter(out)
    writer.write(prefix)
    total = header.chunks
    written = 0
    for index in range(total):
        if token is not None:
            token.check()
        plain = snapshot.read(header.chunk_size)
        last = index == total - 1
        expected = header.payload_size - written if last else header.chunk_size
        if len(plain) != expected:
            raise OSError(f"the snapshot changed size while it was being written ({len(plain)} != {expected})")
        written += len(plain)
        sealed = aead.encrypt(_nonce(index, last), plain, aad)
        writer.write(_LENGTH.pack(len(sealed)))
        writer.write(sealed)
        progress(index + 1, total, MSG_ENCRYPT)
    if snapshot.read(1):
        raise OSError("the snapshot grew while it was being written")
    if token is not None:
        token.check()  # last chance: after this the file is complete and will be kept
    out.write(writer.sha.digest())


def read_info(path: Path | str) -> BackupInfo:
    """Parse the header and check the file's size against it (no password needed)."""
    path = Path(path)
    with open(path, "rb") as fh:
        magic = fh.read(len(MAGIC))
        if magic != MAGIC:
            raise NotABackupError(path)
        prefix = fh.read(_PREFIX.size)
        if len(prefix) != _PREFIX.size:
            raise BackupDamagedError(path, "the file is cut short")
        version, header_len = _PREFIX.unpack(prefix)
        if version > FORMAT_VERSION:
            raise BackupTooNewError(path, f"backup format {version}")
        if version < 1 or header_len > MAX_HEADER_BYTES:
            raise BackupDamagedError(path, "bad header length")
        header_bytes = fh.read(header_len)
        if len(header_bytes) != header_len:
            raise BackupDamagedError(path, "the file is cut short")
        file_size = os.fstat(fh.fileno()).st_size
    header = BackupHeader.from_bytes(header_bytes, path)
    data_offset = len(MAGIC) + _PREFIX.size + header_len
    info = BackupInfo(path, header, hashlib.sha256(magic + prefix + header_bytes).digest(), data_offset, file_size)
    expected = expected_file_size(data_offset, header)
    if file_size < expected:
        raise BackupDamagedError(path, "the file is cut short")
    if file_size > expected:
        raise BackupDamagedError(path, "unexpected bytes at the end")
    return info


def check_integrity(
    path: Path | str, progress: ProgressCallback = no_progress, token: CancelToken | None = None
) -> BackupInfo:
    """Header, size and trailer checksum: finds damage without the password (not tampering)."""
    info = read_info(path)
    sha = hashlib.sha256()
    remaining = info.file_size - TRAILER_BYTES
    total = max(1, remaining)
    done = 0
    with open(info.path, "rb") as fh:
        while remaining > 0:
            if token is not None:
                token.check()
            block = fh.read(min(CHUNK_SIZE * 4, remaining))
            if not block:
                raise BackupDamagedError(info.path, "the file is cut short")
            sha.update(block)
            remaining -= len(block)
            done += len(block)
            progress(done, total, MSG_CHECK)
        trailer = fh.read(TRAILER_BYTES)
    if trailer != sha.digest():
        raise BackupDamagedError(info.path, "checksum mismatch")
    return info


def decrypt_payload(
    info: BackupInfo,
    data_key: bytes,
    out: BinaryIO | None,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> None:
    """Authenticate every chunk and the payload checksum, writing the snapshot to ``out``.

    ``data_key`` must already match the header's key id (see :mod:`sellerdesk.backup.unlock`),
    so a failed tag here always means the file was changed.
    """
    header = info.header
    aead = AESGCM(payload_key(data_key, header.salt))
    sha = hashlib.sha256()
    total = header.chunks
    written = 0
    with open(info.path, "rb") as fh:
        fh.seek(info.data_offset)
        for index in range(total):
            if token is not None:
                token.check()
            last = index == total - 1
            plain_len = header.payload_size - written if last else header.chunk_size
            raw_len = fh.read(_LENGTH.size)
            if len(raw_len) != _LENGTH.size:
                raise BackupDamagedError(info.path, "the file is cut short")
            (length,) = _LENGTH.unpack(raw_len)
            if length != plain_len + TAG_BYTES:
                raise BackupDamagedError(info.path, f"bad length of part {index + 1}")
            sealed = fh.read(length)
            if len(sealed) != length:
                raise BackupDamagedError(info.path, "the file is cut short")
            try:
                plain = aead.decrypt(_nonce(index, last), sealed, info.header_digest)
            except InvalidTag as exc:
                raise BackupDamagedError(info.path, f"authentication failed in part {index + 1}") from exc
            sha.update(plain)
            written += len(plain)
            if out is not None:
                out.write(plain)
            progress(index + 1, total, MSG_DECRYPT)
    if sha.hexdigest() != header.payload_sha256:
        raise BackupDamagedError(info.path, "checksum mismatch")
