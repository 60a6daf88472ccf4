import hashlib
import sqlite3

import pytest

from sellerdesk.store import customers
from sellerdesk.store.database import close_store, connect, open_store
from sellerdesk.store.errors import (
    DatabaseExistsError,
    DatabaseMissingError,
    NotADatabaseError,
    SchemaTooNewError,
    WrongKeyError,
)
from sellerdesk.store.keys import KeyMissingError
from sellerdesk.store.models import Customer


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_is_not_plain_sqlite(data_dir):
    customers.create_customer({"name": "张三", "phone": "13812345678"})
    data_dir.close()
    raw = data_dir.db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "张三".encode() not in raw and b"13812345678" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir.db_path).execute("select * from sqlite_master").fetchall()


def test_wrong_key_is_refused_and_file_untouched(data_dir):
    customers.create_customer({"name": "张三"})
    data_dir.close()
    before = _digest(data_dir.db_path)
    files_before = sorted(p.name for p in data_dir.home.iterdir())
    with pytest.raises(WrongKeyError):
        open_store(data_dir.db_path, b"\x01" * 32)
    assert _digest(data_dir.db_path) == before
    assert sorted(p.name for p in data_dir.home.iterdir()) == files_before
    open_store(data_dir.db_path, data_dir.key)
    assert Customer.select().count() == 1


def test_wrong_password_and_recovery_code(data_dir):
    from sellerdesk.store.errors import WrongKeyError

    with pytest.raises(WrongKeyError):
        data_dir.unlock_with_secret("not the code")
    with pytest.raises(WrongKeyError):
        data_dir.unlock_with_secret("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    assert data_dir.unlock_with_secret(data_dir.code) == data_dir.key
    # typed sloppily: lower case, spaces, O for 0
    sloppy = data_dir.code.lower().replace("-", " ").replace("0", "o")
    assert data_dir.unlock_with_secret(sloppy) == data_dir.key


def test_missing_and_existing_and_plain_files(tmp_path):
    with pytest.raises(DatabaseMissingError):
        connect(tmp_path / "nope.db", b"\x00" * 32)
    assert not (tmp_path / "nope.db").exists()
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("create table t(x)").connection.close()
    with pytest.raises(NotADatabaseError):
        connect(plain, b"\x00" * 32)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a spreadsheet, honest" * 100)
    with pytest.raises((WrongKeyError, NotADatabaseError)):
        connect(junk, b"\x00" * 32)
    with pytest.raises(DatabaseExistsError):
        connect(junk, b"\x00" * 32, create=True)


def test_newer_schema_is_refused(data_dir):
    from sellerdesk.store.migrations import SCHEMA_VERSION

    Customer._meta.database.execute_sql(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
    )
    data_dir.close()
    before = _digest(data_dir.db_path)
    with pytest.raises(SchemaTooNewError):
        open_store(data_dir.db_path, data_dir.key)
    assert _digest(data_dir.db_path) == before
    close_store()


def test_keyring_lost_then_recovery(data_dir, memory_keyring):
    memory_keyring.data.clear()
    with pytest.raises(KeyMissingError):
        data_dir.vault.unlock_with_keyring()
    key = data_dir.unlock_with_secret(data_dir.code)
    data_dir.vault.save_to_keyring(key)
    assert data_dir.vault.unlock_with_keyring() == key


def test_recovery_code_can_be_shown_again(data_dir):
    assert data_dir.vault.recovery_code(data_dir.key) == data_dir.code
