"""Data builders and comparisons shared by the backup tests (a module of its own, so test
files import it by a unique name instead of ``conftest``)."""

import datetime as dt
import os

from sellerdesk.backup.snapshot import open_raw
from sellerdesk.store import customers, orders

SZ = {
    "recipient": "张三",
    "phone": "13812345678",
    "province": "广东省",
    "city": "深圳市",
    "district": "南山区",
    "detail": "科技园南区1栋101",
    "label": "家",
}
BJ = {
    "recipient": "李四",
    "phone": "13912345678",
    "province": "北京市",
    "city": "北京市",
    "district": "朝阳区",
    "detail": "建国路88号",
    "label": "公司",
}


def populate(n: int = 5) -> None:
    """Customers with addresses, an address edit (history row), orders, a trashed customer, audit rows."""
    made = []
    for i in range(n):
        c = customers.create_customer(
            {"name": f"客户{i}号", "phone": f"1381234{i:04d}", "tags": "VIP,老客户", "notes": "备注 notes"},
            [SZ, BJ] if i % 2 else [SZ],
        )
        made.append(c)
        orders.add_order(c.id, order_date=dt.date(2025, 1, 1 + i), amount_fen=9900 + i, items="面膜 x2")
    address = customers.live_addresses(made[0].id)[0]
    customers.update_address(address.id, {"detail": "科技园北区2栋"})
    customers.trash_customers([made[-1].id])


def dump_tables(db_path, key) -> dict:
    """Every row of every table (and the schema), for exact comparisons."""
    conn = open_raw(db_path, key)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        out = {"__schema__": sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=repr)}
        for table in tables:
            out[table] = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def snapshot_dir(path) -> dict:
    """{relative name: bytes} of every file under ``path`` (to prove nothing changed)."""
    result = {}
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if "logs" in os.path.relpath(full, path).split(os.sep):
                continue
            with open(full, "rb") as fh:
                result[os.path.relpath(full, path)] = fh.read()
    return result
