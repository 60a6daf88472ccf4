"""今日待办's counts that have no room of their own (each takes the database, for a worker).

The Today page's sections (``ui/today/sections.py``) each count with a function
``count(db) -> int``; the re-check count is :func:`sellerdesk.store.recheck.count_due`.
"""

from __future__ import annotations

import peewee as pw

from sellerdesk.core.orders import PENDING


def orders_to_ship(db: pw.Database) -> int:
    """Live 待发货 orders (one read of the index "orders_live_status")."""
    row = db.execute_sql(
        'SELECT count(*) FROM "orders" INDEXED BY "orders_live_status" WHERE "deleted_at" IS NULL AND "status" = ?',
        (PENDING,),
    ).fetchone()
    return int(row[0])
