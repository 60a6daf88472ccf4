"""Settings that belong to the data, not to one computer: rows of the ``meta`` table.

The tier rules and the points rule live here, so the app, the CLI (and later a team
server) all read the same ones, and a backup carries them. Values are JSON text.
Per-computer preferences (window sizes, backup folders) stay in files of the data folder.
"""

from __future__ import annotations

import json
from typing import Any

import peewee as pw

from sellerdesk.store.models import DB

TIER_RULES = "tier_rules"
POINTS_RULE = "points_rule"
TIERS_RECOMPUTED_ON = "tiers_recomputed_on"


def read(key: str, db: pw.Database | None = None) -> Any:
    """The stored value of ``key`` (decoded JSON), or None when there is none or it is unreadable."""
    database = db if db is not None else DB.obj
    row = database.execute_sql('SELECT "value" FROM "meta" WHERE "key" = ?', (key,)).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0])
    except ValueError:
        return None


def write(key: str, value: Any, db: pw.Database | None = None) -> None:
    """Store ``value`` (JSON-able) under ``key``. Callers write inside their transaction."""
    database = db if db is not None else DB.obj
    database.execute_sql(
        'INSERT OR REPLACE INTO "meta" ("key", "value") VALUES (?, ?)',
        (key, json.dumps(value, ensure_ascii=False, sort_keys=True)),
    )
