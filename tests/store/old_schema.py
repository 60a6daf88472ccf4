"""Rows written into a database at an older schema version, with the columns that version
has (the models describe the current schema, so the ORM cannot write there)."""

from sellerdesk.core.pinyin import name_keys

_STAMP = "2024-01-01 00:00:00"


def insert_customer(db, fields: dict, addresses=()) -> int:
    """A customer (schema 2 or later: with its pinyin columns) and its addresses, the first one default."""
    pinyin, initials = name_keys(fields.get("name", ""))
    cursor = db.execute_sql(
        "INSERT INTO customer (name, name_pinyin, name_initials, phone, wechat, tags, tier, gender, source, notes, "
        "flags, marketing_consent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, '', '', '', ?, 0, ?, ?)",
        (
            fields.get("name", ""),
            pinyin,
            initials,
            fields.get("phone", ""),
            fields.get("wechat", ""),
            fields.get("tier", ""),
            fields.get("flags", ""),
            _STAMP,
            _STAMP,
        ),
    )
    cid = cursor.lastrowid
    for index, address in enumerate(addresses):
        db.execute_sql(
            "INSERT INTO address (customer_id, recipient, phone, province, city, district, detail, postal_code, "
            "adcode, label, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', '', ?, ?, ?)",
            (
                cid,
                address.get("recipient", ""),
                address.get("phone", ""),
                address.get("province", ""),
                address.get("city", ""),
                address.get("district", ""),
                address.get("detail", ""),
                int(index == 0),
                _STAMP,
                _STAMP,
            ),
        )
    return cid
