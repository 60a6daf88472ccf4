"""The numbered schema-migration chain.

The ``meta`` table holds a ``schema_version`` row. ``migrate`` runs each missing step in
its own transaction, in order; a fresh database runs them all from step 1. A database
written by newer code (a higher version than ``SCHEMA_VERSION``) is refused, never
touched. The caller copies the file before the first step (see ``store.database``).

Step 1 is frozen SQL: it is what version 1 of SellerDesk created, so a version-1 file
made today is byte-for-byte the schema a real version-1 user has.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import peewee as pw
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations

from sellerdesk.core import clock
from sellerdesk.store.errors import SchemaTooNewError
from sellerdesk.store.postgres import is_postgres

SCHEMA_VERSION = 28

_V1_SQL = [
    'CREATE TABLE IF NOT EXISTS "meta" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "customer" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(100) NOT NULL, '
    '"phone" VARCHAR(40) NOT NULL, "wechat" VARCHAR(100) NOT NULL, "tags" TEXT NOT NULL, '
    '"tier" VARCHAR(40) NOT NULL, "birthday" DATE, "gender" VARCHAR(8) NOT NULL, "source" VARCHAR(100) NOT NULL, '
    '"notes" TEXT NOT NULL, "flags" TEXT NOT NULL, "marketing_consent" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "deleted_at" DATETIME)',
    'CREATE INDEX IF NOT EXISTS "customer_phone" ON "customer" ("phone")',
    'CREATE INDEX IF NOT EXISTS "customer_wechat" ON "customer" ("wechat")',
    'CREATE INDEX IF NOT EXISTS "customer_tier" ON "customer" ("tier")',
    'CREATE INDEX IF NOT EXISTS "customer_updated_at" ON "customer" ("updated_at")',
    'CREATE INDEX IF NOT EXISTS "customer_deleted_at" ON "customer" ("deleted_at")',
    'CREATE TABLE IF NOT EXISTS "address" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, '
    '"recipient" VARCHAR(100) NOT NULL, "phone" VARCHAR(40) NOT NULL, "province" VARCHAR(40) NOT NULL, '
    '"city" VARCHAR(40) NOT NULL, "district" VARCHAR(40) NOT NULL, "detail" TEXT NOT NULL, '
    '"postal_code" VARCHAR(10) NOT NULL, "adcode" VARCHAR(6) NOT NULL, "label" VARCHAR(20) NOT NULL, '
    '"is_default" INTEGER NOT NULL, "verified_at" DATETIME, "created_at" DATETIME NOT NULL, '
    '"updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, '
    'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "address_customer_id" ON "address" ("customer_id")',
    'CREATE INDEX IF NOT EXISTS "address_phone" ON "address" ("phone")',
    'CREATE INDEX IF NOT EXISTS "address_province_city" ON "address" ("province", "city")',
    'CREATE INDEX IF NOT EXISTS "address_customer_id_is_default" ON "address" ("customer_id", "is_default")',
    'CREATE TABLE IF NOT EXISTS "address_change" ("id" INTEGER NOT NULL PRIMARY KEY, "address_id" INTEGER NOT NULL, '
    '"customer_id" INTEGER NOT NULL, "action" VARCHAR(20) NOT NULL, "old_values" TEXT, "new_values" TEXT, '
    '"reason" VARCHAR(200) NOT NULL, "changed_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("address_id") REFERENCES "address" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "address_change_address_id" ON "address_change" ("address_id")',
    'CREATE INDEX IF NOT EXISTS "address_change_customer_id" ON "address_change" ("customer_id")',
    'CREATE TABLE IF NOT EXISTS "orders" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, '
    '"order_date" DATE NOT NULL, "amount_fen" INTEGER NOT NULL, "items" TEXT NOT NULL, '
    '"courier" VARCHAR(40) NOT NULL, "tracking_no" VARCHAR(60) NOT NULL, "address_snapshot" TEXT, '
    '"status" VARCHAR(20) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "orders_customer_id" ON "orders" ("customer_id")',
    'CREATE INDEX IF NOT EXISTS "orders_order_date" ON "orders" ("order_date")',
    'CREATE TABLE IF NOT EXISTS "audit_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, '
    '"action" VARCHAR(40) NOT NULL, "entity" VARCHAR(40) NOT NULL, "entity_id" INTEGER, "detail" TEXT)',
    'CREATE INDEX IF NOT EXISTS "audit_entry_at" ON "audit_entry" ("at")',
]


def _step_1(db: pw.Database) -> None:
    """Version 1: customers, addresses with history, orders, audit log."""
    for sql in _V1_SQL:
        db.execute_sql(sql)


def _step_2(db: pw.Database) -> None:
    """Version 2: pinyin columns (sort and initials search) and a cached last-order date."""
    from sellerdesk.core.pinyin import initials, sort_key

    migrator = SchemaMigrator.from_database(db)
    run_operations(
        migrator.add_column("customer", "name_pinyin", pw.CharField(default="", max_length=400)),
        migrator.add_column("customer", "name_initials", pw.CharField(default="", max_length=100)),
        migrator.add_column("customer", "last_order_at", pw.DateTimeField(null=True)),
        migrator.add_index("customer", ("name_pinyin",), False),
        migrator.add_index("customer", ("name_initials",), False),
        migrator.add_index("customer", ("last_order_at",), False),
    )
    rows = db.execute_sql('SELECT "id", "name" FROM "customer"').fetchall()
    for cid, name in rows:
        db.execute_sql(
            'UPDATE "customer" SET "name_pinyin" = ?, "name_initials" = ? WHERE "id" = ?',
            (sort_key(name), initials(name), cid),
        )
    db.execute_sql(
        'UPDATE "customer" SET "last_order_at" = '
        '(SELECT MAX("order_date") FROM "orders" WHERE "orders"."customer_id" = "customer"."id")'
    )


_V3_INDEXES = [
    # The customer table's sort orders over live customers, answered from the index alone
    # (ids in display order without touching the rows): 100k ids in ~0.1 s instead of ~1 s.
    'CREATE INDEX IF NOT EXISTS "customer_live_name" ON "customer" ("deleted_at", "name_pinyin")',
    'CREATE INDEX IF NOT EXISTS "customer_live_phone" ON "customer" ("deleted_at", "phone")',
    'CREATE INDEX IF NOT EXISTS "customer_live_wechat" ON "customer" ("deleted_at", "wechat")',
    'CREATE INDEX IF NOT EXISTS "customer_live_tier" ON "customer" ("deleted_at", "tier")',
    'CREATE INDEX IF NOT EXISTS "customer_live_last_order" ON "customer" ("deleted_at", "last_order_at")',
    'CREATE INDEX IF NOT EXISTS "customer_live_updated" ON "customer" ("deleted_at", "updated_at")',
    # Region filters and counts: customers by the place of their live default address. Place
    # first: led by is_default the planner would pick it for the customer_id join and scan it.
    'CREATE INDEX IF NOT EXISTS "address_default_place" '
    'ON "address" ("province", "city", "is_default", "deleted_at", "customer_id")',
]


def _step_3(db: pw.Database) -> None:
    """Version 3: indexes for the 100k-customer table, and the FTS5 trigram search index with
    its sync triggers (SQLite only; see store.search)."""
    from sellerdesk.store import search

    for sql in _V3_INDEXES:
        db.execute_sql(sql)
    search.create_index(db)
    search.forget(db)


_V4_INDEXES = [
    # The tag list of the filter box: distinct tag strings of live customers from the index alone.
    'CREATE INDEX IF NOT EXISTS "customer_live_tags" ON "customer" ("deleted_at", "tags")',
    # "Address incomplete" as id sets without reading address rows: the live default
    # addresses, and those of them that lack a level (partial indexes, small).
    'CREATE INDEX IF NOT EXISTS "address_live_default" ON "address" ("customer_id") '
    'WHERE "is_default" = 1 AND "deleted_at" IS NULL',
    'CREATE INDEX IF NOT EXISTS "address_incomplete_default" ON "address" ("customer_id") '
    'WHERE "is_default" = 1 AND "deleted_at" IS NULL AND ("province" = \'\' OR "city" = \'\' OR "detail" = \'\')',
]


def _step_4(db: pw.Database) -> None:
    """Version 4: search terms of one or two characters (张, 南山, 56) through a table of
    two-character tokens kept in sync with the trigram index (backfilled here), partial
    indexes for the "address incomplete" filter, and an index for the tag list (see store.search and store.queries)."""
    from sellerdesk.store import search

    for sql in _V4_INDEXES:
        db.execute_sql(sql)
    search.create_grams_index(db)
    search.forget(db)


def _step_5(db: pw.Database) -> None:
    """Version 5: pinyin keys from the surname-aware reader (曾 zeng, 单 shan, 解 xie …).

    Only rows whose keys change are written, so the search-index triggers fire for the
    few names that start with such a surname, not for every customer.
    """
    from sellerdesk.core.pinyin import initials, sort_key

    rows = db.execute_sql('SELECT "id", "name", "name_pinyin", "name_initials" FROM "customer"').fetchall()
    for cid, name, old_key, old_initials in rows:
        new_key, new_initials = sort_key(name), initials(name)
        if (new_key, new_initials) != (old_key, old_initials):
            db.execute_sql(
                'UPDATE "customer" SET "name_pinyin" = ?, "name_initials" = ? WHERE "id" = ?',
                (new_key, new_initials, cid),
            )


# Indexes no query needs, while every write paid for them (import of 100k customers):
# * covered: the tail or left part of a wider index (the deleted_at-led ones of step 3,
#   address (customer_id, is_default), address_default_place), which queries use instead;
# * customer phone/wechat: lookups are of live customers, (deleted_at, phone|wechat);
# * address phone: only ever searched as a substring (search index / LIKE '%…%').
# customer_deleted_at stays although wider indexes start with its column: it hands out live
# customers in id order, so the default-address join of the address and region sorts reads
# the address index in order (without it, 100k-row address sort 465 -> 684 ms).
_V6_REDUNDANT = (
    "customer_tier",
    "customer_updated_at",
    "customer_name_pinyin",
    "customer_last_order_at",
    "customer_phone",
    "customer_wechat",
    "address_customer_id",
    "address_province_city",
    "address_phone",
)


def _step_6(db: pw.Database) -> None:
    """Version 6: drop indexes that wider indexes cover or no query uses."""
    for name in _V6_REDUNDANT:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')


def _step_7(db: pw.Database) -> None:
    """Version 7: search-index rows without an address phone or recipient that repeats the
    customer's own (store.search.leaner_index_rows; existing rows stay as they are)."""
    from sellerdesk.store import search

    search.leaner_index_rows(db)


_V8_SQL = [
    # orders: 订单号, notes, ship date, the address it was taken from, soft delete, version
    'ALTER TABLE "orders" ADD COLUMN "order_no" VARCHAR(64) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "orders" ADD COLUMN "notes" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "orders" ADD COLUMN "shipped_on" DATE',
    'ALTER TABLE "orders" ADD COLUMN "address_id" INTEGER REFERENCES "address" ("id") ON DELETE SET NULL',
    'ALTER TABLE "orders" ADD COLUMN "deleted_at" DATETIME',
    'ALTER TABLE "orders" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1',
    # customers: the columns store.orders maintains, the hand-set tier flag, the points balance
    'ALTER TABLE "customer" ADD COLUMN "order_count" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "total_spent_fen" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "first_order_at" DATETIME',
    'ALTER TABLE "customer" ADD COLUMN "tier_manual" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "customer" ADD COLUMN "points" INTEGER NOT NULL DEFAULT 0',
    'CREATE TABLE IF NOT EXISTS "order_item" ("id" INTEGER NOT NULL PRIMARY KEY, "order_id" INTEGER NOT NULL, '
    '"position" INTEGER NOT NULL, "product" VARCHAR(200) NOT NULL, "quantity" INTEGER NOT NULL, '
    '"unit_price_fen" INTEGER, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "order_item_order_id_position" ON "order_item" ("order_id", "position")',
    'CREATE TABLE IF NOT EXISTS "points_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, '
    '"order_id" INTEGER, "delta" INTEGER NOT NULL, "note" VARCHAR(200) NOT NULL, "at" DATETIME NOT NULL, '
    'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL)',
    'CREATE INDEX IF NOT EXISTS "points_entry_customer_id_at" ON "points_entry" ("customer_id", "at")',
    'CREATE INDEX IF NOT EXISTS "points_entry_order_id" ON "points_entry" ("order_id")',
    # the status that had no name in the app before: a returned order is a refunded one
    'UPDATE "orders" SET "status" = \'refunded\' WHERE "status" = \'returned\'',
    # Indexes. Order rows are wide (an address snapshot, the items text): every query of the
    # orders view and of the aggregates reads an index alone (store.orders names them with
    # INDEXED BY). A customer's orders: their list by date, the aggregate every order write
    # recomputes and the 12-month tier window of everyone (one scan in customer order, no sort);
    # it covers the old customer_id index.
    'DROP INDEX IF EXISTS "orders_customer_id"',
    'CREATE INDEX IF NOT EXISTS "orders_customer" '
    'ON "orders" ("customer_id", "order_date", "status", "amount_fen", "deleted_at")',
    # The orders view: live (or deleted) orders by date, amount, status (the 待发货 list),
    # courier and ship-to province (the snapshot's, an expression index), and the order and
    # tracking numbers a search scans. orders_live_date covers the old order_date index.
    'DROP INDEX IF EXISTS "orders_order_date"',
    'CREATE INDEX IF NOT EXISTS "orders_live_date" ON "orders" ("deleted_at", "order_date")',
    'CREATE INDEX IF NOT EXISTS "orders_live_amount" ON "orders" ("deleted_at", "amount_fen")',
    'CREATE INDEX IF NOT EXISTS "orders_live_status" ON "orders" ("deleted_at", "status", "order_date")',
    'CREATE INDEX IF NOT EXISTS "orders_live_courier" ON "orders" ("deleted_at", "courier", "order_date")',
    'CREATE INDEX IF NOT EXISTS "orders_live_province" '
    'ON "orders" ("deleted_at", json_extract("address_snapshot", \'$.province\'))',
    'CREATE INDEX IF NOT EXISTS "orders_numbers" ON "orders" ("deleted_at", "order_no", "tracking_no")',
    # 订单号 is unique when given (an import adds an order number once, deleted orders included)
    'CREATE UNIQUE INDEX IF NOT EXISTS "orders_order_no" ON "orders" ("order_no") WHERE "order_no" <> \'\'',
    # ON DELETE SET NULL looks orders up by address when an address row goes (a purge)
    'CREATE INDEX IF NOT EXISTS "orders_address_id" ON "orders" ("address_id")',
    # a search for a product, and later "who bought X"
    'CREATE INDEX IF NOT EXISTS "order_item_product" ON "order_item" ("product", "order_id")',
    # The customer table's new sort orders over live customers (as those of step 3)
    'CREATE INDEX IF NOT EXISTS "customer_live_order_count" ON "customer" ("deleted_at", "order_count")',
    'CREATE INDEX IF NOT EXISTS "customer_live_total_spent" ON "customer" ("deleted_at", "total_spent_fen")',
]


def _step_8(db: pw.Database) -> None:
    """Version 8: orders and tiers (issue 14). Orders gain 订单号, notes, ship date, the source
    address, soft delete and a version; their lines go to ``order_item``; points to
    ``points_entry``; customers gain maintained order columns, ``tier_manual`` and ``points``.

    Existing data: the maintained columns are computed from the orders; a tier typed by hand
    before (银卡, VIP) becomes a tier set by hand (普通 and demo customers' tiers are computed);
    then every other tier is computed with the default rules.
    """

    from sellerdesk.core.tiers import TierRules
    from sellerdesk.store import tiers

    for sql in _V8_SQL:
        db.execute_sql(sql)
    # a date as the datetime column's text (SQLite); PostgreSQL casts the date itself
    at_midnight = "CAST({} AS TIMESTAMP)" if is_postgres(db) else "{} || ' 00:00:00'"
    db.execute_sql(
        'UPDATE "customer" SET ("order_count", "total_spent_fen", "first_order_at", "last_order_at") = '
        '(SELECT count(*), coalesce(sum(o."amount_fen"), 0), '
        + at_midnight.format('min(o."order_date")')
        + ", "
        + at_midnight.format('max(o."order_date")')
        + ' FROM "orders" AS o INDEXED BY "orders_customer" '
        'WHERE o."customer_id" = "customer"."id" '
        "AND o.\"status\" IN ('pending', 'shipped', 'delivered'))"
    )
    # demo customers' random tiers (from before demo made orders) are computed like the rest
    db.execute_sql("UPDATE \"customer\" SET \"tier\" = '' WHERE instr(',' || \"flags\" || ',', ',demo,') > 0")
    tiers.recompute_tiers(clock.today(), db=db, rules=TierRules())


# The address sort key a customer row carries: its live default address's province, city,
# district and detail joined by char(1) (below every character they hold, so the text sorts
# as the four fields would), NULL without one. Triggers keep it (every writer, the importer's
# bulk SQL included); store.queries sorts by it from one index. The triggers fire only for
# the default address's fields and flags, about once per customer written.
ADDRESS_KEY_SQL = (
    "(SELECT a.province || char(1) || a.city || char(1) || a.district || char(1) || a.detail "
    'FROM "address" AS a WHERE a.customer_id = {cid} AND a.is_default = 1 AND a.deleted_at IS NULL '
    "ORDER BY a.id LIMIT 1)"
)


def _address_key_update(cid: str) -> str:
    """Recompute a customer's key from the address table (an address left the default role)."""
    return f'UPDATE "customer" SET "address_key" = {ADDRESS_KEY_SQL.format(cid=cid)} WHERE "id" = {cid};'


# The key of a live default address written from the row itself: no read of the address
# table, so bulk loads (the importer, demo data; address indexes deferred) stay linear.
_KEY_FROM_NEW = (
    'UPDATE "customer" SET "address_key" = new.province || char(1) || new.city || char(1) || new.district '
    '|| char(1) || new.detail WHERE "id" = new.customer_id;'
)

ADDRESS_KEY_TRIGGERS = [
    'CREATE TRIGGER IF NOT EXISTS "address_key_ai" AFTER INSERT ON "address" '
    f"WHEN new.is_default = 1 AND new.deleted_at IS NULL BEGIN {_KEY_FROM_NEW} END",
    # the address is (still or now) the live default: its own values
    'CREATE TRIGGER IF NOT EXISTS "address_key_au" AFTER UPDATE OF "province", "city", "district", "detail", '
    '"is_default", "deleted_at", "customer_id" ON "address" '
    f"WHEN new.is_default = 1 AND new.deleted_at IS NULL BEGIN {_KEY_FROM_NEW} END",
    # it was the live default and is no longer (unset, deleted, moved): its old customer's key
    # is read again from what is left
    'CREATE TRIGGER IF NOT EXISTS "address_key_au_left" AFTER UPDATE OF "is_default", "deleted_at", "customer_id" '
    'ON "address" WHEN old.is_default = 1 AND old.deleted_at IS NULL AND NOT (new.is_default = 1 '
    "AND new.deleted_at IS NULL AND new.customer_id = old.customer_id) "
    f"BEGIN {_address_key_update('old.customer_id')} END",
    'CREATE TRIGGER IF NOT EXISTS "address_key_ad" AFTER DELETE ON "address" '
    f"WHEN old.is_default = 1 AND old.deleted_at IS NULL BEGIN {_address_key_update('old.customer_id')} END",
]

# "Address incomplete" from the key: no live default address, or one without a province,
# a city or a detail (the key starts with char(1), has two after the province, or ends with
# one). The same text in the partial index and in the queries (store.queries), so SQLite
# reads the index: the few customers it holds, not every customer.
INCOMPLETE_SQL = (
    '("address_key" IS NULL OR substr("address_key", 1, 1) = char(1) OR substr("address_key", -1) = char(1) '
    'OR substr("address_key", instr("address_key", char(1)) + 1, 1) = char(1))'
)

_V9_SQL = [
    # Search ranking (store.search.rank_tiers): exact and prefix matches of the name and the
    # pinyin initials among live customers, each an index range (the single-column initials
    # index lost to the deleted_at-led ones and read the table: seconds at 300k).
    'CREATE INDEX IF NOT EXISTS "customer_live_name_text" ON "customer" ("deleted_at", "name")',
    'CREATE INDEX IF NOT EXISTS "customer_live_initials" ON "customer" ("deleted_at", "name_initials")',
    # The address sort from one index over live customers, like the other sorts (a join to
    # the address table and a sort of 300k rows took ~1 s).
    'ALTER TABLE "customer" ADD COLUMN "address_key" TEXT',
    'UPDATE "customer" SET "address_key" = ' + ADDRESS_KEY_SQL.format(cid='"customer"."id"'),
    'CREATE INDEX IF NOT EXISTS "customer_live_address" ON "customer" ("deleted_at", "address_key")',
    *ADDRESS_KEY_TRIGGERS,
    f'CREATE INDEX IF NOT EXISTS "customer_incomplete" ON "customer" ("deleted_at") WHERE {INCOMPLETE_SQL}',
]


# The same triggers on PostgreSQL: one PL/pgSQL function (PostgreSQL triggers run functions).
PG_ADDRESS_KEY_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION sd_address_key() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP <> 'INSERT' AND OLD.is_default = 1 AND OLD.deleted_at IS NULL AND NOT (TG_OP = 'UPDATE' "
    "AND NEW.is_default = 1 AND NEW.deleted_at IS NULL AND NEW.customer_id = OLD.customer_id) THEN\n"
    '    UPDATE "customer" SET "address_key" = '
    + ADDRESS_KEY_SQL.format(cid="OLD.customer_id").replace("char(1)", "chr(1)")
    + ' WHERE "id" = OLD.customer_id;\n'
    "  END IF;\n"
    "  IF TG_OP <> 'DELETE' AND NEW.is_default = 1 AND NEW.deleted_at IS NULL THEN\n"
    # (only when it changes: a bulk load writes the customers with their key, store.bulk_import,
    # and an UPDATE that changes nothing would still write a new row version and its index entries)
    '    UPDATE "customer" SET "address_key" = NEW.province || chr(1) || NEW.city || chr(1) || NEW.district '
    '|| chr(1) || NEW.detail WHERE "id" = NEW.customer_id AND "address_key" IS DISTINCT FROM '
    "(NEW.province || chr(1) || NEW.city || chr(1) || NEW.district || chr(1) || NEW.detail);\n"
    "  END IF;\n"
    "  RETURN NULL;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "address_key" AFTER INSERT OR DELETE OR UPDATE OF "province", "city", "district", '
    '"detail", "is_default", "deleted_at", "customer_id" ON "address" FOR EACH ROW '
    "EXECUTE FUNCTION sd_address_key()",
]


def _step_9(db: pw.Database) -> None:
    """Version 9: indexes for search ranking, and the maintained address sort key with its
    triggers and index (issue 21: 300k customers)."""
    for sql in _V9_SQL:
        if is_postgres(db) and "CREATE TRIGGER" in sql:
            continue
        db.execute_sql(sql)
    if is_postgres(db):
        from sellerdesk.store.postgres import native

        for sql in PG_ADDRESS_KEY_TRIGGERS:
            native(db, sql)


_V10_SQL = [
    'CREATE TABLE IF NOT EXISTS "customer_merge" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, '
    '"keep_id" INTEGER NOT NULL, "other_ids" TEXT NOT NULL, "moved" TEXT, "before" TEXT, "after" TEXT, '
    '"undone_at" DATETIME, "purged_at" DATETIME)',
    'CREATE INDEX IF NOT EXISTS "customer_merge_keep_id" ON "customer_merge" ("keep_id")',
]


def _step_10(db: pw.Database) -> None:
    """Version 10: merges of duplicate customers and what undoing them needs (issue 15, store.merges)."""
    for sql in _V10_SQL:
        db.execute_sql(sql)


_V11_SQL = [
    # The dashboard's order figures (store.stats: sales per month, orders per status) from this
    # index alone: the orders table's rows carry the address snapshot, so reading them is ~10x
    # slower (sales per month at 300k orders: 2.7 s by the order_date index, 0.14 s by this one;
    # benchmarks/bench_dashboard.py). Step 8's orders_live_status, its left part, stays: the
    # orders view names it (INDEXED BY).
    'CREATE INDEX IF NOT EXISTS "orders_live_status_amount" '
    'ON "orders" ("deleted_at", "status", "order_date", "amount_fen")',
]


def _step_11(db: pw.Database) -> None:
    """Version 11: an index for the dashboard's order figures (issue 19, store.stats)."""
    for sql in _V11_SQL:
        db.execute_sql(sql)


# 定期核对 (issue 18, store/recheck.py): "is there a delivered order to this address since the
# cut-off?" for every address, answered from this index alone (no order row read).
_V12_SQL = [
    'CREATE INDEX IF NOT EXISTS "orders_delivered_to" ON "orders" ("address_id", coalesce("shipped_on", "order_date")) '
    'WHERE "status" = \'delivered\' AND "deleted_at" IS NULL AND "address_id" IS NOT NULL',
]


def _step_12(db: pw.Database) -> None:
    """Version 12: the delivered orders of each address by ship date (re-check cycles, issue 18)."""
    for sql in _V12_SQL:
        db.execute_sql(sql)


# The recurring key of a customer's birthday (core.lunar: month * 100 + day for a solar one,
# 10000 + the lunar code for a lunar one, which wins), NULL without one. The birthday lists
# (store/care.py) ask for the keys of a range of days through this expression's index.
BIRTHDAY_KEY_SQL = (
    '(CASE WHEN "birthday_lunar" IS NOT NULL THEN 10000 + "birthday_lunar" '
    "WHEN \"birthday\" IS NOT NULL THEN CAST(replace(substr(\"birthday\", 6, 5), '-', '') AS INTEGER) END)"
)

# Who a marketing list may name: consent given, not in the Trash (erased customers are in it).
# The indexes below hold the consenting customers (CONSENTED_INDEX_WHERE) with deleted_at as a
# column; the unary + keeps SQLite from reading all live customers through the deleted_at index.
CONSENTED_INDEX_WHERE = '"marketing_consent" = 1'
CONSENTED_SQL = CONSENTED_INDEX_WHERE + ' AND +"deleted_at" IS NULL'

_V13_SQL = [
    'ALTER TABLE "customer" ADD COLUMN "birthday_lunar" INTEGER',
    # the holiday lists: consenting customers by tier, best customers first (store.care)
    'CREATE INDEX IF NOT EXISTS "customer_consented_tier" ON "customer" ("tier", "total_spent_fen", "deleted_at") '
    f"WHERE {CONSENTED_INDEX_WHERE}",
    'CREATE INDEX IF NOT EXISTS "customer_consented_spent" ON "customer" ("total_spent_fen", "deleted_at") '
    f"WHERE {CONSENTED_INDEX_WHERE}",
    'ALTER TABLE "customer" ADD COLUMN "consent_date" DATE',
    'ALTER TABLE "customer" ADD COLUMN "consent_via" VARCHAR(20) NOT NULL DEFAULT \'\'',
    # only the customers a marketing list may name (store.care.CONSENTED_SQL, the same text)
    f'CREATE INDEX IF NOT EXISTS "customer_birthday_key" ON "customer" ({BIRTHDAY_KEY_SQL}, "deleted_at") '
    f"WHERE {CONSENTED_INDEX_WHERE}",
    'CREATE TABLE IF NOT EXISTS "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, '
    '"kind" VARCHAR(20) NOT NULL, "on_date" DATE NOT NULL, "channel" VARCHAR(20) NOT NULL, "note" TEXT NOT NULL, '
    '"outcome" TEXT NOT NULL, "next_date" DATE, "next_done_at" DATETIME, "status" VARCHAR(20) NOT NULL, '
    '"solved_at" DATETIME, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, '
    'FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "follow_up_customer_id" ON "follow_up" ("customer_id", "on_date")',
    'CREATE INDEX IF NOT EXISTS "follow_up_next_date" ON "follow_up" ("next_date") '
    'WHERE "next_date" IS NOT NULL AND "next_done_at" IS NULL AND "deleted_at" IS NULL',
    'CREATE INDEX IF NOT EXISTS "follow_up_open" ON "follow_up" ("on_date") '
    'WHERE "status" = \'open\' AND "deleted_at" IS NULL',
]


def _step_13(db: pw.Database) -> None:
    """Version 13 (issue 18): lunar birthdays and their recurring key's index, how and when
    marketing consent was given, and follow-ups / feedback (store.care, store.followups)."""
    for sql in _V13_SQL:
        db.execute_sql(sql)


# Team mode (issue 20, store/team.py): the team's users, the provinces each helper may see, the
# region owners (专人负责), who made each customer and who wrote each audit entry. The tables
# are on both backends (empty locally); the row-level security below is PostgreSQL's only.
_V14_SQL = [
    'CREATE TABLE IF NOT EXISTS "team_user" ("name" VARCHAR(63) NOT NULL PRIMARY KEY, "role" VARCHAR(20) NOT NULL, '
    '"regions" TEXT NOT NULL, "phones" INTEGER NOT NULL, "created_at" DATETIME NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "team_grant" ("id" INTEGER NOT NULL PRIMARY KEY, "user_name" VARCHAR(63) NOT NULL, '
    '"province" VARCHAR(40) NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "team_grant_user_name_province" ON "team_grant" ("user_name", "province")',
    'CREATE TABLE IF NOT EXISTS "team_region_owner" ("region" VARCHAR(40) NOT NULL PRIMARY KEY, '
    '"user_name" VARCHAR(63) NOT NULL)',
    'ALTER TABLE "audit_entry" ADD COLUMN "actor" VARCHAR(63) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "customer" ADD COLUMN "created_by" VARCHAR(63) NOT NULL DEFAULT \'\'',
]

# The province of a customer's live default address: the first part of the maintained key.
_KEY_PROVINCE = "split_part(address_key, chr(1), 1)"


# "May the connected user see this customer?", evaluated per row by the policies. The two
# functions are called through scalar subqueries, so PostgreSQL runs them once per statement
# (an InitPlan), not once per row. A helper sees the customers whose default address is in
# their provinces, and the ones they made themselves while these have no province yet (a new
# customer is written before its address: the address's trigger then writes the key, and the
# policy's WITH CHECK refuses it there if the province is not theirs).
# The one definition of that condition, for any user ``who`` (an SQL expression): the policies
# ask it about current_user; the search function of schema 21 (search_pg.function_sql), which
# runs as the tables' owner, asks it about the user it answers (its argument).
def team_customer_visible(who: str) -> str:
    """SQL: may the user ``who`` see the customer row in scope (its ``address_key``, ``created_by``)?"""
    return (
        f"((SELECT sd_team_sees_all({who})) "
        f"OR {_KEY_PROVINCE} = ANY ((SELECT sd_team_provinces({who}))::text[]) "
        f"OR (created_by = {who} AND coalesce({_KEY_PROVINCE}, '') = ''))"
    )


TEAM_CUSTOMER_VISIBLE = team_customer_visible("current_user::text")
# Rows of the other tables follow their customer (the subquery is itself filtered by the
# customer table's policy).
TEAM_CHILD_TABLES = {
    "address": "EXISTS (SELECT 1 FROM customer c WHERE c.id = address.customer_id)",
    "address_change": "EXISTS (SELECT 1 FROM customer c WHERE c.id = address_change.customer_id)",
    "orders": "EXISTS (SELECT 1 FROM customer c WHERE c.id = orders.customer_id)",
    "order_item": "EXISTS (SELECT 1 FROM orders o WHERE o.id = order_item.order_id)",
    "points_entry": "EXISTS (SELECT 1 FROM customer c WHERE c.id = points_entry.customer_id)",
    "follow_up": "EXISTS (SELECT 1 FROM customer c WHERE c.id = follow_up.customer_id)",
    "customer_merge": "EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_merge.keep_id)",
}

PG_TEAM_SQL = [
    # Owners and viewers see every row: a superuser, the tables' owner (after `team init`, the
    # group role of the team's owners) and its members, or a team_user row saying so. SECURITY
    # DEFINER: a helper has no right to read team_user / team_grant themselves.
    "CREATE OR REPLACE FUNCTION sd_team_sees_all(who text) RETURNS boolean LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$"
    "SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = who), false) "
    "OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'public.customer'::regclass), 'USAGE') "
    "OR EXISTS (SELECT 1 FROM team_user WHERE name = who AND role IN ('owner', 'viewer'))$$",
    "CREATE OR REPLACE FUNCTION sd_team_provinces(who text) RETURNS text[] LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$"
    "SELECT coalesce(array_agg(province::text), '{}') FROM team_grant WHERE user_name = who$$",
    "CREATE OR REPLACE FUNCTION sd_team_role(who text) RETURNS text LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$"
    "SELECT coalesce((SELECT role::text FROM team_user WHERE name = who), "
    "CASE WHEN coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = who), false) "
    "OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'public.customer'::regclass), 'USAGE') "
    "THEN 'owner' ELSE '' END)$$",
    "CREATE OR REPLACE FUNCTION sd_team_phones(who text) RETURNS boolean LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$"
    "SELECT coalesce((SELECT role <> 'helper' OR phones = 1 FROM team_user WHERE name = who), true)$$",
    # "may the connected user see province X" (for ad-hoc SQL; the policies inline its two calls)
    "CREATE OR REPLACE FUNCTION sd_may_see(province text) RETURNS boolean LANGUAGE sql STABLE AS $$"
    "SELECT sd_team_sees_all(current_user::text) OR province = ANY (sd_team_provinces(current_user::text))$$",
    # who made a customer, and who wrote an audit entry: the connected user, whatever was sent
    "CREATE OR REPLACE FUNCTION sd_created_by() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
    "IF TG_OP = 'INSERT' THEN NEW.created_by := current_user; ELSE NEW.created_by := OLD.created_by; END IF; "
    "RETURN NEW; END$$",
    'CREATE OR REPLACE TRIGGER "customer_created_by" BEFORE INSERT OR UPDATE OF "created_by" ON "customer" '
    "FOR EACH ROW EXECUTE FUNCTION sd_created_by()",
    "CREATE OR REPLACE FUNCTION sd_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
    "NEW.actor := current_user; RETURN NEW; END$$",
    'CREATE OR REPLACE TRIGGER "audit_entry_actor" BEFORE INSERT OR UPDATE ON "audit_entry" '
    "FOR EACH ROW EXECUTE FUNCTION sd_audit_actor()",
    # Row-level security. Not FORCEd: the tables' owner (the owners' group role) sees all anyway.
    'ALTER TABLE "customer" ENABLE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS "sd_team" ON "customer"',
    f'CREATE POLICY "sd_team" ON "customer" USING {TEAM_CUSTOMER_VISIBLE} WITH CHECK {TEAM_CUSTOMER_VISIBLE}',
    *(
        sql
        for table, follows in TEAM_CHILD_TABLES.items()
        for sql in (
            f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
            f'DROP POLICY IF EXISTS "sd_team" ON "{table}"',
            f'CREATE POLICY "sd_team" ON "{table}" USING ((SELECT sd_team_sees_all(current_user::text)) OR {follows})',
        )
    ),
    # the audit log: a helper reads their own entries; anyone who may write adds entries
    'ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS "sd_team_read" ON "audit_entry"',
    'CREATE POLICY "sd_team_read" ON "audit_entry" FOR SELECT '
    "USING ((SELECT sd_team_sees_all(current_user::text)) OR actor = current_user::text)",
    'DROP POLICY IF EXISTS "sd_team_write" ON "audit_entry"',
    'CREATE POLICY "sd_team_write" ON "audit_entry" FOR INSERT WITH CHECK (true)',
]


# Optimistic locking (issue 20, store.customers.save_customer(expected_version=…)): a customer's
# ``version`` moves by one with every write that changes what the editor shows — their own fields
# (not the totals, tier and points the order writes keep) or an address of theirs — whoever wrote
# it (the app, the CLI, the importer, a merge); ``updated_by`` says who ('' in a local file; the
# team user on a server). Nothing writes either by hand: triggers keep them.
VERSIONED_CUSTOMER_COLUMNS = (
    "name",
    "phone",
    "wechat",
    "tags",
    "birthday",
    "gender",
    "source",
    "notes",
    "flags",
    "marketing_consent",
    "birthday_lunar",
    "consent_date",
    "consent_via",
    "deleted_at",
)
VERSIONED_ADDRESS_COLUMNS = (
    "recipient",
    "phone",
    "province",
    "city",
    "district",
    "detail",
    "postal_code",
    "adcode",
    "label",
    "is_default",
    "deleted_at",
    "customer_id",
)


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f'new."{c}" IS NOT old."{c}"' for c in columns)


def _quoted(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


_V15_SQL = [
    'ALTER TABLE "customer" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1',
    'ALTER TABLE "customer" ADD COLUMN "updated_by" VARCHAR(64) NOT NULL DEFAULT \'\'',
]
_BUMP = 'UPDATE "customer" SET "version" = "version" + 1, "updated_by" = \'\' WHERE "id" = {cid};'
CUSTOMER_VERSION_TRIGGERS = [
    # a write that sets the version itself (a peewee save() of an old copy of the row) counts as
    # a change too: the version only ever counts up from the stored one
    f'CREATE TRIGGER IF NOT EXISTS "customer_version_au" AFTER UPDATE OF {_quoted(VERSIONED_CUSTOMER_COLUMNS)}, '
    f'"version" ON "customer" WHEN {_changed((*VERSIONED_CUSTOMER_COLUMNS, "version"))} BEGIN '
    'UPDATE "customer" SET "version" = old."version" + 1, "updated_by" = \'\' WHERE "id" = new."id"; END',
    f'CREATE TRIGGER IF NOT EXISTS "address_version_au" AFTER UPDATE OF {_quoted(VERSIONED_ADDRESS_COLUMNS)} '
    f'ON "address" WHEN {_changed(VERSIONED_ADDRESS_COLUMNS)} BEGIN {_BUMP.format(cid="old.customer_id")} END',
    'CREATE TRIGGER IF NOT EXISTS "address_version_ad" AFTER DELETE ON "address" '
    f"BEGIN {_BUMP.format(cid='old.customer_id')} END",
]

# The same on PostgreSQL, where a BEFORE trigger sets the row itself: the version counts up only
# from the stored one (a writer holding an older copy of the row cannot set it back), and
# ``updated_by`` is the team user who wrote (current_user: one PostgreSQL role per user). An
# address's write counts up its customer's by asking for version + 1, which the customer's
# trigger takes as "changed".
PG_VERSION_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION sd_customer_version() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'INSERT' THEN\n"
    "    NEW.version := 1;\n"
    "    NEW.updated_by := current_user;\n"
    "  ELSIF NEW.version > OLD.version OR ("
    + ", ".join(f"NEW.{c}" for c in VERSIONED_CUSTOMER_COLUMNS)
    + ") IS DISTINCT FROM ("
    + ", ".join(f"OLD.{c}" for c in VERSIONED_CUSTOMER_COLUMNS)
    + ") THEN\n"
    "    NEW.version := OLD.version + 1;\n"
    "    NEW.updated_by := current_user;\n"
    "  ELSE\n"
    "    NEW.version := OLD.version;\n"
    "    NEW.updated_by := OLD.updated_by;\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "customer_version" BEFORE INSERT OR UPDATE ON "customer" '
    "FOR EACH ROW EXECUTE FUNCTION sd_customer_version()",
    "CREATE OR REPLACE FUNCTION sd_address_version() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'DELETE' OR ("
    + ", ".join(f"NEW.{c}" for c in VERSIONED_ADDRESS_COLUMNS)
    + ") IS DISTINCT FROM ("
    + ", ".join(f"OLD.{c}" for c in VERSIONED_ADDRESS_COLUMNS)
    + ") THEN\n"
    '    UPDATE "customer" SET "version" = "version" + 1 WHERE "id" = OLD.customer_id;\n'
    "  END IF;\n"
    "  RETURN NULL;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "address_version" AFTER UPDATE OR DELETE ON "address" '
    "FOR EACH ROW EXECUTE FUNCTION sd_address_version()",
]

# Others' changes without a restart (store/notify.py): on a team server every statement that
# writes customers, addresses or orders tells the listeners on CHANGES_CHANNEL which rows
# ({"table": …, "ids": […]}; "ids" null when more than NOTIFY_MAX_IDS, i.e. "reload it all").
# Step 17 replaced the function: {"table": …} only (PG_NOTIFY_V17); this is step 15 as it was.
# PostgreSQL delivers it at commit, once per identical payload in a transaction, and not at all
# after a rollback. A local file has one user: nothing is sent.
CHANGES_CHANNEL = "sellerdesk_changes"
NOTIFY_MAX_IDS = 200
NOTIFY_TABLES = ("customer", "address", "orders")
PG_NOTIFY_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION sd_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "DECLARE ids bigint[];\n"
    "BEGIN\n"
    "  IF TG_OP = 'DELETE' THEN\n"
    f"    SELECT array_agg(id) INTO ids FROM (SELECT id FROM old_rows LIMIT {NOTIFY_MAX_IDS + 1}) AS r;\n"
    "  ELSE\n"
    f"    SELECT array_agg(id) INTO ids FROM (SELECT id FROM new_rows LIMIT {NOTIFY_MAX_IDS + 1}) AS r;\n"
    "  END IF;\n"
    "  IF ids IS NULL THEN RETURN NULL; END IF;\n"
    f"  IF cardinality(ids) > {NOTIFY_MAX_IDS} THEN ids := NULL; END IF;\n"
    f"  PERFORM pg_notify('{CHANGES_CHANNEL}', json_build_object('table', TG_TABLE_NAME, 'ids', ids)::text);\n"
    "  RETURN NULL;\n"
    "END$$",
    *(
        f'CREATE OR REPLACE TRIGGER "{table}_notify_{op[0].lower()}" AFTER {op} ON "{table}" '
        f"REFERENCING {'OLD' if op == 'DELETE' else 'NEW'} TABLE AS {'old_rows' if op == 'DELETE' else 'new_rows'} "
        "FOR EACH STATEMENT EXECUTE FUNCTION sd_notify_changes()"
        for table in NOTIFY_TABLES
        for op in ("INSERT", "UPDATE", "DELETE")
    ),
]


# The customer columns the table sorts by and the search ranks by prefix (a range up to
# U+10FFFF, store.search) compare by code point on a team server as on SQLite, whatever the
# database's own collation (a server's default is often en_US.UTF-8, which ignores the spaces
# and the U+0001 of the pinyin keys): "C" on each. Before the policies below, which would pin
# address_key's type.
PG_SORTED_COLUMNS = ("name", "name_pinyin", "name_initials", "phone", "wechat", "tags", "tier", "address_key")
PG_BYTE_ORDER_SQL = [
    "DO $$DECLARE r record; BEGIN "
    "FOR r IN SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS t FROM pg_attribute a "
    "WHERE a.attrelid = 'customer'::regclass AND a.attname = ANY (ARRAY["
    + ", ".join(f"'{c}'" for c in PG_SORTED_COLUMNS)
    + "]) LOOP "
    "EXECUTE format('ALTER TABLE customer ALTER COLUMN %%I TYPE %%s COLLATE \"C\"', r.attname, r.t); "
    "END LOOP; END$$",
]


def _step_14(db: pw.Database) -> None:
    """Version 14 (issue 20): team users, their regions and region owners, who made each
    customer and who wrote each audit entry; on PostgreSQL the row-level security by region."""
    for sql in _V14_SQL:
        db.execute_sql(sql)
    if is_postgres(db):
        from sellerdesk.store.postgres import native

        for sql in (*PG_BYTE_ORDER_SQL, *PG_TEAM_SQL):
            native(db, sql)


def _step_15(db: pw.Database) -> None:
    """Version 15 (issue 20, team mode): the customer's version and who last changed it, kept by
    triggers; on a team server also the change notifications (store/notify.py)."""
    for sql in _V15_SQL:
        db.execute_sql(sql)
    if is_postgres(db):
        from sellerdesk.store.postgres import native

        for sql in (*PG_VERSION_TRIGGERS, *PG_NOTIFY_TRIGGERS):
            native(db, sql)
    else:
        for sql in CUSTOMER_VERSION_TRIGGERS:
            db.execute_sql(sql)


def _step_16(db: pw.Database) -> None:
    """Version 16 (issue 20): the customer search on a team server — pg_trgm and GIN indexes over
    a search table kept by triggers, as FTS5 serves it on SQLite (store.search_pg). Nothing on
    SQLite, whose FTS5 tables came with steps 3, 4 and 7."""
    from sellerdesk.store import search

    search.create_pg_index(db)
    if is_postgres(db):
        _sort_indexes_with_id(db)
        from sellerdesk.store.postgres import native

        for sql in PG_SEARCH_POLICY:
            native(db, sql)


# The search table holds names and phones: a team member reads the rows of the customers they
# may see (step 14's policy on customer decides), like the other tables that follow a customer.
# Its triggers write it as its owner (SECURITY DEFINER), so helpers need no right to delete.
PG_SEARCH_POLICY = [
    'ALTER TABLE "customer_fts" ENABLE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS "sd_team" ON "customer_fts"',
    'CREATE POLICY "sd_team" ON "customer_fts" USING ((SELECT sd_team_sees_all(current_user::text)) '
    "OR EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_fts.rowid))",
]


def _step_18(db: pw.Database) -> None:
    """Version 18 (issue 20): phones masked by the team server for a helper without the phones
    permission — the views of schema sd_masked, the triggers that keep a stored phone from its
    mask, the search table's masked copies (store.masking_pg); on a team made already, its
    users' privileges (store.team.apply_phones). Nothing on SQLite: one user, who sees all."""
    if not is_postgres(db):
        return
    from sellerdesk.store import masking_pg, team

    masking_pg.create(db)
    team.apply_phones(db)


def _sort_indexes_with_id(db: pw.Database) -> None:
    """PostgreSQL: the customer table's sort indexes (deleted_at, key) end with the id, which breaks
    ties (SQLite's indexes end with the rowid anyway), NULLs first as SQLite sorts them: the view's
    whole order is then read from the index (store.queries.ordered_ids)."""
    from sellerdesk.store.postgres import native

    sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customer' AND indexname LIKE %s"
    rows = native(db, sql, ("customer_live_%",)).fetchall()
    for name, definition in rows:
        match = re.fullmatch(r"(CREATE INDEX \S+ ON \S+ USING btree) \(deleted_at, (\w+)\)", definition)
        if match:
            native(db, f'DROP INDEX "{name}"')
            native(db, f"{match.group(1)} (deleted_at, {match.group(2)} NULLS FIRST, id)")


# Step 17 (issue 20, what a helper can learn outside their regions). Each of the team functions
# the policies call answers only about the user who asks (the session's login, or a role they
# may become) or to someone who may read team_user / team_grant anyway (an owner): before,
# ``SELECT sd_team_provinces('someone')`` told any helper another user's regions. SECURITY
# DEFINER functions see their owner as current_user, so "who asks" is session_user.
_TEAM_ASKER_CHECK = (
    "  IF who IS DISTINCT FROM session_user::text AND NOT ("
    "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
    "OR has_table_privilege(session_user, 'public.team_grant', 'SELECT') "
    "OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) AND pg_has_role(session_user, who, 'MEMBER'))) THEN\n"
    "    RAISE EXCEPTION 'sd_team: a team member may only ask about themselves' "
    "USING ERRCODE = 'insufficient_privilege';\n"
    "  END IF;\n"
)


def _asker_only(name: str, returns: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}(who text) RETURNS {returns} LANGUAGE plpgsql STABLE "
        "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\nBEGIN\n"
        f"{_TEAM_ASKER_CHECK}  RETURN ({body});\nEND$$"
    )


_OWNS_CUSTOMERS = (
    "coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = who), false) "
    "OR pg_has_role(who, (SELECT relowner FROM pg_class WHERE oid = 'public.customer'::regclass), 'USAGE')"
)
PG_TEAM_FUNCTIONS_V17 = [
    _asker_only(
        "sd_team_sees_all",
        "boolean",
        f"SELECT {_OWNS_CUSTOMERS} "
        "OR EXISTS (SELECT 1 FROM team_user WHERE name = who AND role IN ('owner', 'viewer'))",
    ),
    _asker_only(
        "sd_team_provinces",
        "text[]",
        "SELECT coalesce(array_agg(province::text), '{}') FROM team_grant WHERE user_name = who",
    ),
    _asker_only(
        "sd_team_role",
        "text",
        "SELECT coalesce((SELECT role::text FROM team_user WHERE name = who), "
        f"CASE WHEN {_OWNS_CUSTOMERS} THEN 'owner' ELSE '' END)",
    ),
    _asker_only(
        "sd_team_phones",
        "boolean",
        "SELECT coalesce((SELECT role <> 'helper' OR phones = 1 FROM team_user WHERE name = who), true)",
    ),
    # the search table's refresher is for its triggers (they run as its owner): nobody calls it
    "REVOKE EXECUTE ON FUNCTION sd_search_refresh(integer) FROM PUBLIC",
    # 专人负责: a team member who may not read team_user reads only their own assignments; which
    # regions are someone else's (not whose) comes from sd_team_taken_provinces()
    'ALTER TABLE "team_region_owner" ENABLE ROW LEVEL SECURITY',
    'DROP POLICY IF EXISTS "sd_team" ON "team_region_owner"',
    'CREATE POLICY "sd_team" ON "team_region_owner" USING ((SELECT sd_team_sees_all(current_user::text)) '
    "OR user_name = current_user::text)",
    "CREATE OR REPLACE FUNCTION sd_team_taken_provinces() RETURNS text[] LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_catalog AS $$"
    "SELECT coalesce(array_agg(region::text), '{}') FROM team_region_owner WHERE user_name <> session_user::text$$",
]

# The change notifications name no rows any more: {"table": …} only. Ids told every listener
# (a helper with psql: LISTEN sellerdesk_changes) which customers changed in other regions.
# A listener re-reads what it can see (store/notify.py). PostgreSQL sends one identical payload
# once per transaction, so a burst of statements is one notification per table.
PG_NOTIFY_V17 = [
    "CREATE OR REPLACE FUNCTION sd_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'DELETE' THEN\n"
    "    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;\n"
    "  ELSIF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL;\n"
    "  END IF;\n"
    f"  PERFORM pg_notify('{CHANGES_CHANNEL}', json_build_object('table', TG_TABLE_NAME)::text);\n"
    "  RETURN NULL;\n"
    "END$$",
]


def sequence_grants_sql(helper_g: str, viewer_g: str) -> list[str]:
    """Helpers take ids from the sequences (nextval: USAGE) but do not read them (SELECT would
    show ``last_value``: how many rows the whole team made); viewers write nothing. Helpers may
    also have a customer's search row made anew (``sd_search_refresh``: what a masked helper's
    write into the search table does, store.masking_pg — it only recomputes a row from the
    tables); viewers and other logins may not."""
    return [
        f'REVOKE SELECT ON ALL SEQUENCES IN SCHEMA public FROM "{helper_g}", "{viewer_g}"',
        f'REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM "{viewer_g}"',
        f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{helper_g}"',
        f'GRANT EXECUTE ON FUNCTION sd_search_refresh(integer) TO "{helper_g}"',
    ]


def owners_create_sql(owner_g: str) -> str:
    """The owners' group may create in ``public`` (a later migration's new function or table, run by
    any owner: PostgreSQL 15 gives CREATE there to the database's owner only), granted when the
    connected user may grant it (the schema's owner, a superuser); else left as it is."""
    return (
        "DO $$BEGIN IF has_schema_privilege('public', 'CREATE WITH GRANT OPTION') THEN "
        f'GRANT CREATE ON SCHEMA public TO "{owner_g}"; END IF; END$$'
    )


def _step_17(db: pw.Database) -> None:
    """Version 17 (issue 20): what a helper can learn outside their regions, closed where the
    server allows it — the team functions answer about the asker only, the change notifications
    carry no ids, team_region_owner rows by user, no SELECT on the id sequences. PostgreSQL only
    (a local file has one user)."""
    if not is_postgres(db):
        return
    from sellerdesk.store.postgres import native

    for sql in (*PG_TEAM_FUNCTIONS_V17, *PG_NOTIFY_V17):
        native(db, sql)
    from sellerdesk.store import team

    groups = {kind: team.group_role(kind, db) for kind in team.ROLES}
    found = native(db, "SELECT count(*) FROM pg_roles WHERE rolname = ANY(%s)", (list(groups.values()),))
    if found.fetchone()[0] == len(groups):  # `team init` done: fix the grants it gave
        for sql in sequence_grants_sql(groups[team.HELPER], groups[team.VIEWER]):
            native(db, sql)
        # the new function is the owners' group's, as `team init` left every other one
        native(db, f'ALTER FUNCTION sd_team_taken_provinces() OWNER TO "{groups[team.OWNER]}"')
        native(db, owners_create_sql(groups[team.OWNER]))


# Schema 19 (issue 20, a team server's bulk import): the per-row AFTER INSERT triggers a bulk load
# does set-based itself are skipped by the trigger's own WHEN while the load's setting is on (for
# its transaction only), so PostgreSQL does not even queue the trigger event (a check inside the
# function still costs the queued call: at 100k addresses 2.5 s of the server's CPU). The search
# triggers stand aside while search_pg.BULK_SETTING is on (store.search.bulk_load then makes the
# rows), the address-key one while BULK_KEYS_SETTING is on (store.bulk_import then writes the keys).
# The BEFORE triggers (version, created_by) stay: they say who wrote a row, which no writer may skip.
BULK_KEYS_SETTING = "sellerdesk.bulk_keys"


def _unless(setting: str) -> str:
    """The trigger stands aside while ``setting`` is on, and only for who may delete the table's
    rows anyway (an owner; step 20: a helper or viewer may SET it too, which would leave their rows
    without an address key or a search row). A trigger's WHEN runs as the writer, so
    has_table_privilege asks about them (~1 µs a row, search_pg.BULK_SETTING_SQL)."""
    from sellerdesk.store import search_pg

    return f"WHEN (current_setting('{setting}', true) IS DISTINCT FROM 'on' OR NOT {search_pg.may_bulk_load_sql()})"


def _pg_bulk_triggers() -> list[str]:
    from sellerdesk.store import search_pg

    search_off = _unless(search_pg.BULK_SETTING)
    return [
        'CREATE OR REPLACE TRIGGER "address_key" AFTER DELETE OR UPDATE OF "province", "city", "district", '
        '"detail", "is_default", "deleted_at", "customer_id" ON "address" FOR EACH ROW '
        "EXECUTE FUNCTION sd_address_key()",
        f'CREATE OR REPLACE TRIGGER "address_key_insert" AFTER INSERT ON "address" FOR EACH ROW '
        f"{_unless(BULK_KEYS_SETTING)} EXECUTE FUNCTION sd_address_key()",
        "CREATE OR REPLACE TRIGGER customer_search AFTER DELETE OR UPDATE OF name, name_pinyin, "
        "name_initials, wechat, phone ON customer FOR EACH ROW EXECUTE FUNCTION sd_customer_search()",
        f"CREATE OR REPLACE TRIGGER customer_search_insert AFTER INSERT ON customer FOR EACH ROW {search_off} "
        "EXECUTE FUNCTION sd_customer_search()",
        "CREATE OR REPLACE TRIGGER address_search AFTER DELETE OR UPDATE OF recipient, phone, province, "
        "city, district, detail, deleted_at, customer_id ON address FOR EACH ROW EXECUTE FUNCTION sd_address_search()",
        f"CREATE OR REPLACE TRIGGER address_search_insert AFTER INSERT ON address FOR EACH ROW {search_off} "
        "EXECUTE FUNCTION sd_address_search()",
    ]


def _step_19(db: pw.Database) -> None:
    """Version 19 (issue 20): on a team server, the per-row insert triggers a bulk import does
    itself skipped by their WHEN during the import (see above). Nothing on SQLite."""
    if is_postgres(db):
        from sellerdesk.store.postgres import native

        for sql in _pg_bulk_triggers():
            native(db, sql)


# Step 20: what a helper could still write with psql outside what the app does (issue 20, team
# mode, PostgreSQL only).
#
# * Order lines: DELETE on order_item is granted because the app rewrites an order's lines on
#   edit (store.orders._write_lines). Every deleted line of an order that still exists (not a
#   cascade of the order's own removal) is kept in the audit log, one entry per order
#   (action ORDER_LINES_ACTION, entity 'order', detail {"count": n, "lines": [[position,
#   product, quantity, unit_price_fen], …]}), written as the deleting user — the way back.
#   Helpers lose UPDATE on order_item (the app never updates a line, it replaces them).
# * Cross-row references that foreign keys check without row-level security: a helper's order
#   may take its address only from its own customer's addresses, a points entry's order and an
#   address history's address must be rows the helper sees. Statement-level AFTER triggers over
#   the statement's new rows (one query per statement, nothing per row); an owner or viewer
#   skips them (the tables' owner could drop them anyway).
# * The search's bulk setting (search_pg.BULK_SETTING) is honoured for owners only: anyone may
#   SET it, and a helper's rows left unindexed would be missing from every search.
# * A helper's audit entries carry the server's time, not what the client sent.
ORDER_LINES_ACTION = "delete_order_lines"
_HELPER_ONLY = "  IF (SELECT sd_team_sees_all(current_user::text)) THEN RETURN NULL; END IF;\n"
_REFUSE = (
    "RAISE EXCEPTION {what} USING ERRCODE = 'foreign_key_violation', "
    "HINT = 'a team member refers only to rows they see';\n"
)
# (table, trigger function, the referencing columns, "n" refers outside the helper's rows, why)
_TEAM_REFS = (
    (
        "orders",
        "sd_team_order_refs",
        ("address_id", "customer_id"),
        "n.address_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM address AS a WHERE a.id = n.address_id AND a.customer_id = n.customer_id)",
        "an order''s address must be one of its customer''s addresses",
    ),
    (
        "points_entry",
        "sd_team_points_refs",
        ("order_id",),
        "n.order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.id = n.order_id)",
        "a points entry''s order must be an order the team member sees",
    ),
    (
        "address_change",
        "sd_team_change_refs",
        ("address_id",),
        "NOT EXISTS (SELECT 1 FROM address AS a WHERE a.id = n.address_id)",
        "an address change''s address must be an address the team member sees",
    ),
)


def _refs_function(name: str, columns: tuple[str, ...], bad: str, message: str) -> str:
    """A statement trigger's function refusing a helper's new rows that refer outside her rows; on
    UPDATE only the rows whose references changed (a status change of an old order whose address
    went home with an unmerge stays possible)."""
    changed = f"({', '.join('n.' + c for c in columns)}) IS DISTINCT FROM ({', '.join('o.' + c for c in columns)})"
    refuse = _REFUSE.format(what=f"'sd_team: {message}'")
    # two statements: old_rows exists only in an UPDATE's call (an expression naming it in an
    # INSERT's would fail to plan)
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        + _HELPER_ONLY
        + "  IF TG_OP = 'INSERT' THEN\n"
        + f"    IF EXISTS (SELECT 1 FROM new_rows AS n WHERE {bad}) THEN\n      "
        + refuse
        + "    END IF;\n"
        + "  ELSIF EXISTS (SELECT 1 FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id "
        + f"WHERE {changed} AND {bad}) THEN\n    "
        + refuse
        + "  END IF;\n  RETURN NULL;\nEND$$"
    )


PG_HOLES_SQL = [
    "CREATE OR REPLACE FUNCTION sd_order_lines_deleted() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    '  INSERT INTO "audit_entry" ("at", "action", "entity", "entity_id", "detail")\n'
    f"  SELECT (now() AT TIME ZONE 'utc'), '{ORDER_LINES_ACTION}', 'order', l.order_id,\n"
    "    json_build_object('count', count(*), 'lines', json_agg(json_build_array(l.position, l.product, "
    "l.quantity, l.unit_price_fen) ORDER BY l.position))::text\n"
    "  FROM old_lines AS l WHERE EXISTS (SELECT 1 FROM orders AS o WHERE o.id = l.order_id)\n"
    "  GROUP BY l.order_id;\n"
    "  RETURN NULL;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "order_item_deleted" AFTER DELETE ON "order_item" '
    "REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION sd_order_lines_deleted()",
    *(_refs_function(function, columns, bad, message) for _table, function, columns, bad, message in _TEAM_REFS),
    *(
        f'CREATE OR REPLACE TRIGGER "{table}_team_refs_{op[0].lower()}" AFTER {op} ON "{table}" '
        f"REFERENCING {'OLD TABLE AS old_rows ' if op == 'UPDATE' else ''}NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        for table, function, *_rest in _TEAM_REFS
        for op in ("INSERT", "UPDATE")
    ),
    # who wrote an audit entry is the connected user; when, for a helper, the server's clock
    "CREATE OR REPLACE FUNCTION sd_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
    "NEW.actor := current_user; "
    "IF TG_OP = 'INSERT' AND NOT (SELECT sd_team_sees_all(current_user::text)) THEN "
    "NEW.at := now() AT TIME ZONE 'utc'; END IF; "
    "RETURN NEW; END$$",
]


def _step_20(db: pw.Database) -> None:
    """Version 20 (issue 20): order lines deleted are kept in
    the audit log, a helper's cross-row references stay within their rows, the search's bulk
    setting is an owner's, a helper's audit entries are dated by the server. PostgreSQL only."""
    if not is_postgres(db):
        return
    from sellerdesk.store import search_pg
    from sellerdesk.store.postgres import native

    for sql in PG_HOLES_SQL:
        native(db, sql)
    if search_pg.has_index(db):  # the two trigger functions, with the owners-only bulk setting
        for sql in search_pg.trigger_functions_sql():
            native(db, sql)
    from sellerdesk.store import team

    helper_g = team.group_role(team.HELPER, db)
    if native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (helper_g,)).fetchone():
        native(db, f'REVOKE UPDATE ON "order_item" FROM "{helper_g}"')


# Step 21 (issue 20, team mode): a helper's or viewer's search served by the trigram and pair
# indexes, as an owner's is. ILIKE and @> are not leakproof: under the policies PostgreSQL scanned
# the whole search table with the policy per row (2-3 s at 100k customers). search_pg.function_sql:
# a SECURITY DEFINER function runs the index lookup as the table's owner and keeps the rows the
# search table's policy would show the caller (team_customer_visible, the policy's own condition).
# Also: every SECURITY DEFINER function of ours searches pg_temp last. Left unsaid, PostgreSQL
# searches the caller's temporary schema FIRST for tables: a helper's
#   CREATE TEMP TABLE team_user (name text, role text); INSERT … (current_user, 'owner');
#   GRANT SELECT ON team_user TO PUBLIC
# made sd_team_sees_all read their table, and the policies showed them every customer.
DEFINER_SEARCH_PATH = "public, pg_catalog, pg_temp"


def pin_definer_functions(db: pw.Database) -> None:
    """Every SECURITY DEFINER function of ``public`` (not an extension's) searches ``pg_temp`` last
    (again after every later step: a function made anew with the old path is pinned again)."""
    from sellerdesk.store.postgres import native

    functions = native(
        db,
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' AND p.prosecdef AND NOT EXISTS "
        "(SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') "
        "AND NOT coalesce(%s = ANY (p.proconfig), false)",
        (f"search_path={DEFINER_SEARCH_PATH}",),
    ).fetchall()
    for (signature,) in functions:
        native(db, f"ALTER FUNCTION {signature} SET search_path = {DEFINER_SEARCH_PATH}")


def _step_21(db: pw.Database) -> None:
    """Version 21 (issue 20): a team member under the policies searches through the indexes
    (``sd_search``, store.search_pg), and no SECURITY DEFINER function of ours reads a table of
    the caller's pg_temp. PostgreSQL only."""
    if not is_postgres(db):
        return
    from sellerdesk.store import search_pg, team
    from sellerdesk.store.postgres import native

    if search_pg.has_index(db):
        native(db, search_pg.function_sql(team_customer_visible, scoped=False))
        native(db, f"REVOKE EXECUTE ON FUNCTION {search_pg.SIGNATURE} FROM PUBLIC")
        groups = {kind: team.group_role(kind, db) for kind in team.ROLES}
        found = native(db, "SELECT count(*) FROM pg_roles WHERE rolname = ANY(%s)", (list(groups.values()),))
        if found.fetchone()[0] == len(groups):  # `team init` done: the owners' group's, as every function
            native(db, f'ALTER FUNCTION {search_pg.SIGNATURE} OWNER TO "{groups[team.OWNER]}"')
            for sql in search_pg.function_grants_sql(groups[team.OWNER], groups[team.HELPER], groups[team.VIEWER]):
                native(db, sql)
    pin_definer_functions(db)


# Step 22 (PostgreSQL only): what a helper's writes keep for an owner.
#
# * Merge snapshots hold the stored phones (store.merges): a masked helper reads the customers
#   through the masked views, so the snapshot the app writes holds ``139****1118``. A trigger on
#   customer_merge (SECURITY DEFINER, no one may EXECUTE it) puts the stored phone of each
#   customer of the merge the writer may see in place of its mask as the snapshot is written
#   (``before``: merges.merge writes the record before it changes any customer) or completed
#   (``after``: the survivor's phone the merge set); a trigger on customer gives a masked
#   writer's phone that is the mask of a phone in a live merge snapshot of that customer the
#   stored phone (the survivor taking another's phone, an undo putting the old one back). The
#   phones stay unreadable to the helper (the masked view of customer_merge).
# * A helper's UPDATE of customer or address rows (the app's or psql's) keeps the old values: an
#   AFTER UPDATE statement trigger writes an audit entry per changed row (HELPER_UPDATE_ACTION,
#   entity 'customer'/'address', detail {"customer", "old": {column: value}, "new": {column:
#   value}} of the columns that changed, bookkeeping left out) as the helper; store.audit.put_back
#   writes the old values back. The audit log joins the masked tables (a phone in a detail is
#   masked for a masked helper).
HELPER_UPDATE_ACTION = "helper_update"
# columns a helper's update record leaves out: kept by triggers or recomputed from the orders
HELPER_UPDATE_SKIPPED = (
    "version",
    "updated_at",
    "updated_by",
    "address_key",
    "name_pinyin",
    "name_initials",
    "last_order_at",
    "order_count",
    "total_spent_fen",
    "first_order_at",
    "points",
    "created_by",
    "created_at",
)
_VISIBLE_TO_SESSION = TEAM_CUSTOMER_VISIBLE.replace("current_user", "session_user")
PG_STEP22_SQL = [
    # the stored phone for a mask in a merge snapshot (customers of the merge the writer sees)
    "CREATE OR REPLACE FUNCTION sd_merge_real_phones() RETURNS trigger LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp AS $$\n"
    "DECLARE doc jsonb; k text; v jsonb; raw text; ids bigint[]; changed boolean := false;\n"
    "BEGIN\n"
    "  ids := ARRAY[NEW.keep_id::bigint] || coalesce((SELECT array_agg(e::bigint) "
    "FROM jsonb_array_elements_text(NEW.other_ids::jsonb) AS e), '{}');\n"
    "  IF NEW.before IS NOT NULL AND position('*' in NEW.before) > 0 THEN\n"
    "    doc := NEW.before::jsonb;\n"
    "    FOR k, v IN SELECT * FROM jsonb_each(doc) LOOP\n"
    "      IF jsonb_typeof(v) = 'object' AND position('*' in coalesce(v ->> 'phone', '')) > 0 THEN\n"
    "        raw := NULL;\n"
    "        IF TG_OP = 'UPDATE' AND OLD.before IS NOT NULL THEN raw := OLD.before::jsonb -> k ->> 'phone'; END IF;\n"
    "        IF (raw IS NULL OR sd_mask_phone(raw) <> v ->> 'phone') AND k ~ '^[0-9]+$' "
    "AND k::bigint = ANY (ids) THEN\n"
    f"          raw := (SELECT phone FROM customer WHERE id = k::bigint AND {_VISIBLE_TO_SESSION});\n"
    "        END IF;\n"
    "        IF raw IS NOT NULL AND position('*' in raw) = 0 AND sd_mask_phone(raw) = v ->> 'phone' THEN\n"
    "          doc := jsonb_set(doc, ARRAY[k, 'phone'], to_jsonb(raw)); changed := true;\n"
    "        END IF;\n"
    "      END IF;\n"
    "    END LOOP;\n"
    "    IF changed THEN NEW.before := doc::text; END IF;\n"
    "  END IF;\n"
    "  IF NEW.after IS NOT NULL AND position('*' in coalesce(NEW.after::jsonb ->> 'phone', '')) > 0 THEN\n"
    "    raw := NULL;\n"
    "    IF TG_OP = 'UPDATE' AND OLD.after IS NOT NULL THEN raw := OLD.after::jsonb ->> 'phone'; END IF;\n"
    "    IF raw IS NULL OR sd_mask_phone(raw) <> NEW.after::jsonb ->> 'phone' THEN\n"
    f"      raw := (SELECT phone FROM customer WHERE id = NEW.keep_id AND {_VISIBLE_TO_SESSION});\n"
    "    END IF;\n"
    "    IF raw IS NOT NULL AND position('*' in raw) = 0 AND sd_mask_phone(raw) = NEW.after::jsonb ->> 'phone' THEN\n"
    "      NEW.after := (NEW.after::jsonb || jsonb_build_object('phone', raw))::text;\n"
    "    END IF;\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END$$",
    'CREATE OR REPLACE TRIGGER "customer_merge_real_phones" BEFORE INSERT OR UPDATE OF "before", "after" '
    'ON "customer_merge" FOR EACH ROW EXECUTE FUNCTION sd_merge_real_phones()',
    # a masked writer's phone that is the mask of a phone in a live merge snapshot of this customer
    "CREATE OR REPLACE FUNCTION sd_merge_phone() RETURNS trigger LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp AS $$\n"
    "DECLARE raw text;\n"
    "BEGIN\n"
    "  IF NEW.phone IS NOT DISTINCT FROM OLD.phone OR position('*' in coalesce(NEW.phone, '')) = 0 "
    "OR sd_team_phones(session_user::text) THEN RETURN NEW; END IF;\n"
    "  raw := (SELECT e.value ->> 'phone' FROM customer_merge m, jsonb_each(m.before::jsonb) AS e "
    "WHERE m.undone_at IS NULL AND m.before IS NOT NULL "
    "AND (m.keep_id = NEW.id OR m.other_ids::jsonb @> to_jsonb(NEW.id)) "
    "AND jsonb_typeof(e.value) = 'object' AND position('*' in coalesce(e.value ->> 'phone', '*')) = 0 "
    "AND sd_mask_phone(e.value ->> 'phone') = NEW.phone ORDER BY m.id DESC LIMIT 1);\n"
    "  IF raw IS NOT NULL THEN NEW.phone := raw; END IF;\n"
    "  RETURN NEW;\n"
    "END$$",
    # (its name sorts after customer_keep_phone's and before customer_version's)
    'CREATE OR REPLACE TRIGGER "customer_merge_phone" BEFORE UPDATE OF "phone" ON "customer" '
    "FOR EACH ROW EXECUTE FUNCTION sd_merge_phone()",
    "REVOKE EXECUTE ON FUNCTION sd_merge_real_phones(), sd_merge_phone() FROM PUBLIC",
    # a helper's UPDATE of a customer or an address: the old values into the audit log, as the helper.
    # A statement trigger over the transition tables: one role check per statement (an owner's
    # UPDATE of every customer pays nothing per row), one set-based INSERT for a helper's rows.
    "CREATE OR REPLACE FUNCTION sd_helper_update() RETURNS trigger LANGUAGE plpgsql "
    "SET search_path = public, pg_catalog AS $$\n"
    "BEGIN\n"
    "  IF sd_team_role(current_user::text) <> 'helper' THEN RETURN NULL; END IF;\n"
    "  INSERT INTO audit_entry (at, action, entity, entity_id, detail, actor) "
    f"SELECT now() AT TIME ZONE 'utc', '{HELPER_UPDATE_ACTION}', TG_TABLE_NAME, d.id, "
    "jsonb_build_object('customer', d.customer, 'old', d.old_v, 'new', d.new_v)::text, current_user "
    "FROM (SELECT n.id, CASE WHEN TG_TABLE_NAME = 'customer' THEN n.id "
    "ELSE (to_jsonb(n) ->> 'customer_id')::bigint END AS customer, c.old_v, c.new_v "
    "FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id, LATERAL ("
    "SELECT jsonb_object_agg(a.key, a.value) AS old_v, jsonb_object_agg(a.key, b.value) AS new_v "
    "FROM jsonb_each(to_jsonb(o)) AS a JOIN jsonb_each(to_jsonb(n)) AS b ON b.key = a.key "
    "WHERE a.value IS DISTINCT FROM b.value AND NOT (a.key = ANY (TG_ARGV))) AS c) AS d "
    "WHERE d.old_v IS NOT NULL ORDER BY d.id;\n"
    "  RETURN NULL;\n"
    "END$$",
    *(
        sql
        for table in ("customer", "address")
        for sql in (
            f'DROP TRIGGER IF EXISTS "{table}_helper_update" ON "{table}"',
            f'CREATE TRIGGER "{table}_helper_update" AFTER UPDATE ON "{table}" '
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION sd_helper_update({', '.join(repr(c) for c in HELPER_UPDATE_SKIPPED)})",
        )
    ),
]


def _step_22(db: pw.Database) -> None:
    """Version 22 (issue 20): merge snapshots of a masked helper hold the stored phones, and a
    helper's updates of customers and addresses keep the old values in the audit log (above).
    PostgreSQL only."""
    if not is_postgres(db):
        return
    from sellerdesk.store import masking_pg, team
    from sellerdesk.store.postgres import native

    for sql in PG_STEP22_SQL:
        native(db, sql)
    if masking_pg.has_views(db):  # the audit log's masked view, and the helpers' privileges on it
        masking_pg.create_views(db)
        team.apply_phones(db)


# Step 23 (PostgreSQL only): a helper merges away a customer someone else made in the helper's own
# region, and undoes the merge. The merge moves the merged-away customer's addresses to the
# survivor; the address-key trigger then read its key again from what was left — nothing — and the
# customer lost its province: the policy's WITH CHECK refused the write (only its maker would
# still see it), so a helper could merge only customers they had made. Now a customer in the
# Trash keeps its key when its default address leaves it (store.merges puts the merged-away
# customers in the Trash first), so the policy (team_customer_visible, unchanged) still shows it
# to the helper and the undo finds it; and a customer leaving the Trash has its key read again
# from its addresses (an undo has put them back by then; a merged customer restored without
# the undo has none), so no live customer keeps a province it has no address in. Who may touch a
# customer is still the policy's alone: a customer outside the helper's regions stays unseen.
# On SQLite (no policies) the merged-away customer's key is emptied as before.
_PG_KEY_LEAVES = ' WHERE "id" = OLD.customer_id;\n'
assert PG_ADDRESS_KEY_TRIGGERS[0].count(_PG_KEY_LEAVES) == 1
PG_STEP23_SQL = [
    PG_ADDRESS_KEY_TRIGGERS[0].replace(_PG_KEY_LEAVES, ' WHERE "id" = OLD.customer_id AND "deleted_at" IS NULL;\n'),
    "CREATE OR REPLACE FUNCTION sd_address_key_restored() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
    "NEW.address_key := " + ADDRESS_KEY_SQL.format(cid="NEW.id").replace("char(1)", "chr(1)") + "; RETURN NEW; END$$",
    'CREATE OR REPLACE TRIGGER "customer_address_key_restored" BEFORE UPDATE OF "deleted_at" ON "customer" '
    "FOR EACH ROW WHEN (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL) "
    "EXECUTE FUNCTION sd_address_key_restored()",
]


def _step_23(db: pw.Database) -> None:
    """Version 23 (issue 20): a customer in the Trash keeps its address key when its default
    address leaves it (a helper's merge, above); it is read again when it leaves the Trash.
    PostgreSQL only."""
    if not is_postgres(db):
        return
    from sellerdesk.store.postgres import native

    for sql in PG_STEP23_SQL:
        native(db, sql)


def _step_24(db: pw.Database) -> None:
    """Version 24 (issue 20): the search table's masked copies (schema 18) are kept only while the
    team has a helper whose phones are masked — plain columns filled by a trigger that is switched
    on when such a helper is added (store.masking_pg.keep_copies); a first import into a team
    without one skips them (they were ~80% of the server's work). (It also made the text grams'
    indexes anew in collation "C", their build a quarter cheaper; step 28 makes the grams integer
    codes, and their indexes anew.) PostgreSQL only."""
    if not is_postgres(db):
        return
    from sellerdesk.store import masking_pg, search_pg
    from sellerdesk.store.postgres import native

    masking_pg.make_copies_kept(db)
    # its grams way reads the "C" index (search_pg.grams_sql); owner and grants stay (CREATE OR REPLACE)
    if native(db, "SELECT to_regprocedure(%s) IS NOT NULL", (search_pg.SIGNATURE,)).fetchone()[0]:
        native(db, search_pg.function_sql(team_customer_visible, scoped=False))


def _step_25(db: pw.Database) -> None:
    """Version 25: on PostgreSQL 16 and later CREATEROLE alone no longer administers another's
    roles (ADMIN OPTION does): a team made before gets the grants with which any owner administers
    its helpers and viewers (store.team.share_administration; nothing on 14/15 or SQLite). Run by
    a user who may not grant them, what may be granted is and a warning says to run ``team init``
    again as the team's first owner."""
    if not is_postgres(db):
        return
    from sellerdesk.store import team

    team.share_administration(db)


# Step 26: a customer in the Trash keeps its address key when its default address leaves it on
# SQLite too, as on PostgreSQL since step 23 (where the row-level policy needs it: a helper's merge
# and its undo). Both backends agree: the Trash's region filter and address sort find a
# merged-away customer where it was, and a customer leaving the Trash has its key read again from
# its addresses. And an erased customer keeps no key at all — its key held the street address (an
# erase deletes the addresses of a customer that may already be in the Trash, which kept the key
# since step 23 on PostgreSQL; store.privacy now clears it, and this step clears earlier ones).
_SQLITE_KEY_LEAVES = f"BEGIN {_address_key_update('old.customer_id')} END"
_SQLITE_KEY_LEAVES_LIVE = (
    "BEGIN "
    + _address_key_update("old.customer_id").replace(
        'WHERE "id" = old.customer_id;', 'WHERE "id" = old.customer_id AND "deleted_at" IS NULL;'
    )
    + " END"
)
assert _address_key_update("old.customer_id").count('WHERE "id" = old.customer_id;') == 1
assert [sql.count(_SQLITE_KEY_LEAVES) for sql in ADDRESS_KEY_TRIGGERS] == [0, 0, 1, 1]
SQLITE_STEP26_SQL = [
    'DROP TRIGGER IF EXISTS "address_key_au_left"',
    'DROP TRIGGER IF EXISTS "address_key_ad"',
    *(sql.replace(_SQLITE_KEY_LEAVES, _SQLITE_KEY_LEAVES_LIVE) for sql in ADDRESS_KEY_TRIGGERS[2:]),
    'CREATE TRIGGER IF NOT EXISTS "customer_address_key_restored" AFTER UPDATE OF "deleted_at" ON "customer" '
    "WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL "
    f"BEGIN {_address_key_update('new.id')} END",
]
ERASED_KEYS_SQL = 'UPDATE "customer" SET "address_key" = NULL WHERE "flags" = ? AND "address_key" IS NOT NULL'


def _step_26(db: pw.Database) -> None:
    """Version 26: a customer in the Trash keeps its address key on SQLite too (PostgreSQL: step 23);
    an erased customer's key (its street address) is cleared on both."""
    from sellerdesk.store.customers import FLAG_ERASED

    if not is_postgres(db):
        for sql in SQLITE_STEP26_SQL:
            db.execute_sql(sql)
    db.execute_sql(ERASED_KEYS_SQL, (FLAG_ERASED,))


def _step_27(db: pw.Database) -> None:
    """Version 27 (issue 20): a helper's search costs what they may see, not the whole table's hits
    (its time told how many customers of other regions match a term): each search row carries its
    customer's scope and sd_search restricts a helper to theirs in the index scan
    (store.search_pg.create_scope; the GIN indexes led by it where btree_gin may be created).
    PostgreSQL only."""
    if not is_postgres(db):
        return
    from sellerdesk.store import search, search_pg
    from sellerdesk.store.postgres import native

    if not search_pg.has_index(db):
        return
    search_pg.create_scope(db, search.pg_row_sql("cid"))
    # owner and grants stay (CREATE OR REPLACE)
    if native(db, "SELECT to_regprocedure(%s) IS NOT NULL", (search_pg.SIGNATURE,)).fetchone()[0]:
        native(db, search_pg.function_sql(team_customer_visible))


def _step_28(db: pw.Database) -> None:
    """Version 28 (issue 20): the search table's 1-2 character pieces as integer codes (int8[],
    search_pg.make_gram_codes): its grams GIN index, built after a big first import's commit on
    the import's critical path, builds in half the time (GIN compares pass-by-value integers, not
    text). The same answers. PostgreSQL only: SQLite's customer_grams table is untouched."""
    if not is_postgres(db):
        return
    from sellerdesk.store import search_pg
    from sellerdesk.store.postgres import native

    if not search_pg.has_index(db):
        return
    search_pg.make_gram_codes(db)
    # its grams way asks the codes; owner and grants stay (CREATE OR REPLACE)
    if native(db, "SELECT to_regprocedure(%s) IS NOT NULL", (search_pg.SIGNATURE,)).fetchone()[0]:
        native(db, search_pg.function_sql(team_customer_visible))


STEPS: dict[int, Callable[[pw.Database], None]] = {
    1: _step_1,
    2: _step_2,
    3: _step_3,
    4: _step_4,
    5: _step_5,
    6: _step_6,
    7: _step_7,
    8: _step_8,
    9: _step_9,
    10: _step_10,
    11: _step_11,
    12: _step_12,
    13: _step_13,
    14: _step_14,
    15: _step_15,
    16: _step_16,
    17: _step_17,
    18: _step_18,
    19: _step_19,
    20: _step_20,
    21: _step_21,
    22: _step_22,
    23: _step_23,
    24: _step_24,
    25: _step_25,
    26: _step_26,
    27: _step_27,
    28: _step_28,
}
assert sorted(STEPS) == list(range(1, SCHEMA_VERSION + 1))


def current_version(db: pw.Database) -> int:
    """The schema version recorded in the file; 0 for an empty database."""
    if "meta" not in db.get_tables():
        return 0
    row = db.execute_sql('SELECT "value" FROM "meta" WHERE "key" = ?', ("schema_version",)).fetchone()
    return int(row[0]) if row else 0


def migrate(
    db: pw.Database, target: int = SCHEMA_VERSION, before_first_step: Callable[[int], object] | None = None
) -> int:
    """Run the missing steps up to ``target``; return the version the file is at afterwards.

    ``before_first_step(old_version)`` is called once, before anything changes, when at
    least one step will run on a database that already holds data (version >= 1).
    """
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(version, SCHEMA_VERSION)
    if version < target and version >= 1 and before_first_step is not None:
        before_first_step(version)
    if is_postgres(db) and version < target:
        from sellerdesk.store.postgres import install_compat

        with db.atomic():
            install_compat(db)
    for step in range(version + 1, target + 1):
        with db.atomic():  # IMMEDIATE: a second process opening the file meanwhile waits here…
            if current_version(db) >= step:
                continue  # …and finds the step done by the first
            STEPS[step](db)
            db.execute_sql(
                'INSERT OR REPLACE INTO "meta" ("key", "value") VALUES (?, ?)', ("schema_version", str(step))
            )
    if is_postgres(db) and target > 18 and version < target:
        # a later step may have changed a masked table: its view follows (store.masking_pg)
        from sellerdesk.store import masking_pg

        with db.atomic():
            masking_pg.create_views(db)
            if target >= 21:
                pin_definer_functions(db)
    return max(version, target)
