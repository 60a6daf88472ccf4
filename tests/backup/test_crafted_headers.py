"""Issue #12, item 7: a backup's header is read before anything is authenticated, so a
crafted one (NaN, Infinity, deep nesting, huge numbers, wrong types…) must be refused as
*damaged* — exit 1, one line — by ``verify`` and ``restore`` alike, never exit 70."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import struct
import subprocess
import sys

import pytest
from backup_data import snapshot_dir
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sellerdesk.backup import BackupDamagedError, create_backup, read_info
from sellerdesk.backup.fileformat import MAGIC, BackupHeader
from sellerdesk.cli import main

PREFIX = struct.Struct(">HI")


def split(path):
    data = path.read_bytes()
    _version, length = PREFIX.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + PREFIX.size
    return data[start : start + length], data[start + length : -32]


def rebuild(path, header: bytes, body: bytes, target):
    """A file with ``header`` and a correct checksum trailer: only the header is crafted."""
    data = MAGIC + PREFIX.pack(1, len(header)) + header + body
    target.write_bytes(data + hashlib.sha256(data).digest())
    return target


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """One real backup (module-wide: the cases only change its header)."""
    from sellerdesk.store import keys
    from sellerdesk.store.secrets import MemorySecretStore
    from sellerdesk.store.session import DataDir

    folder = tmp_path_factory.mktemp("crafted")
    saved, keys.SCRYPT_N = keys.SCRYPT_N, 2**10
    try:
        datadir = DataDir(folder / "home", MemorySecretStore())
        key, _code = datadir.initialize("keyring")
        path = create_backup(datadir.db_path, key, datadir.vault.load(), [folder]).path
        datadir.close()
    finally:
        keys.SCRYPT_N = saved
    header, body = split(path)
    return path, json.loads(header), body


def dumps(doc) -> bytes:
    return json.dumps(doc, allow_nan=True).encode("utf-8")


def edited(doc, path: tuple, value):
    doc = copy.deepcopy(doc)
    node = doc
    for step in path[:-1]:
        node = node[step]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


DELETE = object()
INF = float("inf")
NESTED = json.loads("[" * 50 + "]" * 50)

# (name, path in the header, value) — each alone makes the header one no writer of ours makes
FIELD_CASES = [
    ("schema Infinity", ("schema_version",), INF),
    ("schema -Infinity", ("schema_version",), -INF),
    ("schema NaN", ("schema_version",), float("nan")),
    ("schema fraction", ("schema_version",), 7.5),
    ("schema huge", ("schema_version",), 10**40),
    ("schema text", ("schema_version",), "7"),
    ("schema bool", ("schema_version",), True),
    ("schema null", ("schema_version",), None),
    ("schema negative", ("schema_version",), -1),
    ("count Infinity", ("counts", "customers"), INF),
    ("count list", ("counts", "customers"), [5]),
    ("count huge", ("counts", "orders"), 10**19),
    ("counts not object", ("counts",), [1, 2, 3]),
    ("counts missing one", ("counts", "addresses"), DELETE),
    ("size 1e400", ("payload", "size"), INF),
    ("size zero", ("payload", "size"), 0),
    ("size text", ("payload", "size"), "204800"),
    ("chunk zero", ("payload", "chunk_size"), 0),
    ("chunk huge", ("payload", "chunk_size"), 2**40),
    ("chunk NaN", ("payload", "chunk_size"), float("nan")),
    ("salt not base64", ("payload", "salt"), "not base64!!"),
    ("salt short", ("payload", "salt"), "AAAAAAAAAAA="),
    ("salt number", ("payload", "salt"), 16),
    ("sha256 malformed", ("payload", "sha256"), "XYZ"),
    ("payload text", ("payload",), "AES"),
    ("cipher list", ("payload", "cipher"), ["AES-256-GCM"]),
    ("format number", ("format",), 1),
    ("format_version text", ("format_version",), "1"),
    ("format_version 0", ("format_version",), 0),
    ("format_version missing", ("format_version",), DELETE),
    ("created_at number", ("created_at",), 1764800000),
    ("created_at words", ("created_at",), "yesterday"),
    ("created_at impossible", ("created_at",), "2026-13-45T25:61:61Z"),
    ("app_version object", ("app_version",), {"major": 1}),
    ("app_version nested", ("app_version",), NESTED),
    ("app_version huge text", ("app_version",), "9" * 10000),
    ("key null", ("key",), None),
    ("key mode number", ("key", "mode"), 1),
    ("key mode unknown", ("key", "mode"), "plaintext"),
    ("key id wrong", ("key", "key_id"), "zz"),
    ("envelopes list", ("key", "envelopes"), []),
    ("no recovery envelope", ("key", "envelopes", "recovery"), DELETE),
    ("envelope text", ("key", "envelopes", "recovery"), "scrypt"),
    ("envelope n Infinity", ("key", "envelopes", "recovery", "n"), INF),
    ("envelope n nested", ("key", "envelopes", "recovery", "n"), [[2**15]]),
    ("envelope n huge", ("key", "envelopes", "recovery", "p"), 10**30),
    ("envelope n bool", ("key", "envelopes", "recovery", "r"), False),
    ("sealed object", ("key", "recovery_sealed", "ct"), {"a": 1}),
]

RAW_CASES = [
    ("deep nesting", b"[" * 30000 + b"]" * 30000),
    ("too long to be a header", b"[" * 100000 + b"]" * 100000),
    ("deep nesting in a field", None),  # built from the original below
    ("top-level list", b"[1, 2, 3]"),
    ("top-level number", b"1e400"),
    ("top-level Infinity", b"Infinity"),
    ("top-level null", b"null"),
    ("empty", b""),
    ("not UTF-8", b'{"format": "\xff\xfe"}'),
    ("not JSON", b"{format: sellerdesk-backup}"),
    ("unterminated", b'{"format": "sellerdesk-backup"'),
    ("huge integer", b'{"schema_version": ' + b"9" * 5000 + b"}"),
]


def crafted_headers(doc):
    for name, path, value in FIELD_CASES:
        yield name, dumps(edited(doc, path, value))
    for name, raw in RAW_CASES:
        if raw is None:
            text = dumps(doc).decode()
            raw = text.replace('"app_version": "', '"app_version": ' + "[" * 20 + '"', 1)
            raw = raw.replace('", "counts"', '"' + "]" * 20 + ', "counts"', 1).encode()
            assert json.loads(raw)["app_version"]
        yield name, raw
    text = dumps(doc)
    yield "repeated field", text[:-1] + b', "schema_version": 1}'


def test_the_original_header_is_accepted(original):
    path, doc, _body = original
    assert read_info(path).counts == doc["counts"]


@pytest.mark.parametrize("index", range(len(FIELD_CASES) + len(RAW_CASES) + 1))
def test_crafted_header_is_damaged_for_verify_and_restore(original, index, tmp_path, capfd, monkeypatch):
    path, doc, body = original
    name, header = list(crafted_headers(doc))[index]
    crafted = rebuild(path, header, body, tmp_path / "crafted.sdbackup")
    with pytest.raises(BackupDamagedError):
        read_info(crafted)
    home = tmp_path / "home"
    monkeypatch.setenv("SELLERDESK_HOME", str(home))
    monkeypatch.setenv("SELLERDESK_PASSPHRASE", "any password 1")
    before = snapshot_dir(home) if home.exists() else {}
    for argv in (["verify", str(crafted)], ["verify", "--no-key", str(crafted)], ["restore", str(crafted)]):
        assert main(argv) == 1, (name, argv)
        out, err = capfd.readouterr()
        assert out == "" and err.count("\n") == 1, (name, err)
        assert "is damaged" in err and "internal error" not in err, (name, err)
    assert (snapshot_dir(home) if home.exists() else {}) == before


def test_crafted_headers_in_a_real_process(original, tmp_path):
    """Exit 1 and one line from the installed command too (the issue saw exit 70 there)."""
    path, doc, body = original
    cases = {
        "infinity": dumps(edited(doc, ("schema_version",), INF)),
        "nesting": b"[" * 30000 + b"]" * 30000,
    }
    env = dict(os.environ, SELLERDESK_HOME=str(tmp_path / "home"), SELLERDESK_PASSPHRASE="any password 1")
    for name, header in cases.items():
        crafted = rebuild(path, header, body, tmp_path / f"{name}.sdbackup")
        for command in ("verify", "restore"):
            proc = subprocess.run(
                [sys.executable, "-m", "sellerdesk.cli", command, str(crafted)],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
                stdin=subprocess.DEVNULL,
            )
            assert proc.returncode == 1, (name, command, proc.stderr)
            assert proc.stderr.count("\n") == 1 and "damaged" in proc.stderr


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**25), max_value=10**25)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _paths(doc, prefix=()):
    for name, value in doc.items():
        yield (*prefix, name)
        if isinstance(value, dict):
            yield from _paths(value, (*prefix, name))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_headers_parse_or_are_damaged(original, data):
    """Any value at any place of a real header: parsed, or BackupDamagedError — nothing else."""
    _path, doc, _body = original
    paths = sorted(_paths(doc))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        where = data.draw(st.sampled_from(paths))
        try:
            doc = edited(doc, where, data.draw(JSON_VALUES | st.just(DELETE)))
        except (KeyError, TypeError):
            continue  # an earlier edit removed or replaced its parent
    try:
        BackupHeader.from_bytes(dumps(doc), "fuzz.sdbackup")
    except BackupDamagedError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_header_bytes_parse_or_are_damaged(original, data):
    """Random byte edits of a real header's text."""
    _path, doc, _body = original
    header = bytearray(dumps(doc))
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(header) - 1))
        header[at] = data.draw(st.sampled_from(b'{}[]":,0123456789eE+-.INaf \\x\xff'))
    try:
        BackupHeader.from_bytes(bytes(header), "fuzz.sdbackup")
    except BackupDamagedError:
        pass
