"""After an erase, a backup restored into a new data folder holds no trace of the person: not in
any table, not in search, not in the decrypted bytes of the database file (free space included)."""

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from sellerdesk.backup import backup_datadir, finish_restore, read_info, restore_into, unlock_backup
from sellerdesk.store import customers, orders, privacy, search
from sellerdesk.store.models import DB
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir

NAME, PHONE, DETAIL = "欧阳娜娜", "13912345678", "粤海街道科兴科学园B栋1201"
PAGE, RESERVE = 4096, 80  # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC at each page's end


def decrypted_pages(path, key: bytes) -> bytes:
    """The database file decrypted page by page (a raw key: SQLCipher uses it as the AES key)."""
    data = path.read_bytes()
    out = []
    for start in range(0, len(data), PAGE):
        page = data[start : start + PAGE]
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        body = page[16 if start == 0 else 0 : PAGE - RESERVE]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(out)


def traces(blob: bytes) -> list[str]:
    return [t for t in (NAME, PHONE, DETAIL) if t.encode() in blob]


def _restored(backup, source: DataDir, tmp_path, name: str) -> DataDir:
    other = DataDir(tmp_path / name, MemorySecretStore())
    other.initialize("keyring")
    other.close()
    key = unlock_backup(read_info(backup), secret=source.code)
    result = restore_into(backup, key, other)
    finish_restore(other, result)
    other.key = key
    return other


def test_backup_after_erase_has_no_trace(data_dir, tmp_path):
    c = customers.create_customer(
        {"name": NAME, "phone": PHONE, "notes": "老客户"},
        [
            {
                "recipient": NAME,
                "phone": PHONE,
                "province": "广东省",
                "city": "深圳市",
                "district": "南山区",
                "detail": DETAIL,
            }
        ],
    )
    address = customers.live_addresses(c.id)[0]
    customers.update_address(address.id, {"detail": DETAIL + "室"})
    orders.add_order(c.id, amount_fen=9900, items="面膜", address_id=address.id, notes=f"给{NAME}")
    for i in range(30):  # neighbours on the same pages
        customers.create_customer({"name": f"客户{i}", "phone": f"1380000{i:04d}"})
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    before = backup_datadir(data_dir, data_dir.key, [tmp_path / "before"]).path

    privacy.erase_customer(c.id)
    after = backup_datadir(data_dir, data_dir.key, [tmp_path / "after"]).path
    data_dir.close()

    # the check can fail: the backup taken before holds them, in the clear once decrypted
    old = _restored(before, data_dir, tmp_path, "old")
    assert traces(decrypted_pages(old.db_path, old.key)) == [NAME, PHONE, DETAIL]

    new = _restored(after, data_dir, tmp_path, "new")
    new.open(new.key)
    try:
        assert search.matching_ids(NAME[:2]) == set() and search.matching_ids(PHONE) == set()
        rows = []
        for (table,) in DB.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            rows.extend(repr(r) for r in DB.execute_sql(f'SELECT * FROM "{table}"').fetchall())
        assert not traces("\n".join(rows).encode())
        totals = DB.execute_sql("SELECT sum(amount_fen) FROM orders").fetchone()[0]
        assert totals == 9900  # the order is kept for sales totals
        actions = [r[0] for r in DB.execute_sql("SELECT action FROM audit_entry ORDER BY id").fetchall()]
        assert "backup" in actions  # the first backup's entry, made before the second one
        assert actions.count("erase") == 1 and actions[-1] == "restore_backup"
    finally:
        new.close()
    assert not traces(decrypted_pages(new.db_path, new.key))
