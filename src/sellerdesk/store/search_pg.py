"""The customer search on a team server (PostgreSQL): pg_trgm, answering as the FTS5 index does.

:mod:`sellerdesk.store.search` is the search; this module holds what differs on PostgreSQL.
The index is a plain table under the FTS5 table's name, ``customer_fts`` — one row per customer,
``rowid`` = customer id, the same columns (name, pinyin, wechat, phones, address) holding the
very text ``search._ROW_SQL`` makes — kept by PL/pgSQL triggers on ``customer`` and ``address``
as the FTS5 triggers keep SQLite's (schema step 16). So every writer keeps it in sync without
knowing, and the store's SQL that reads or deletes index rows runs on both backends.

* Terms of three characters or more: ``ILIKE '%term%'`` over the row's text, served by a GIN
  ``gin_trgm_ops`` index on that text (pg_trgm; trigrams of Chinese text too, the databases
  being UTF-8). Like FTS5's trigram tokenizer: any substring, ASCII case ignored.
* Terms of one or two characters, which no trigram index can serve: the generated ``grams``
  column holds every character and pair of neighbours of the name, WeChat ID, phones
  and address text (lower case), with a GIN index: one array lookup, as one token lookup of
  SQLite's ``customer_grams`` table (which holds the same pairs).
* Pinyin initials: the same range on the indexed ``name_initials`` column as on SQLite.
* Punctuation of one or two characters: a scan of the index text (as on SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import peewee as pw

TABLE = "customer_fts"

# The text the trigram index holds (the query repeats the expression, so the index serves it).
# Columns are joined with a space: a term never holds whitespace, so it matches within one
# column, as an FTS5 phrase does.
DOC = "(name || ' ' || pinyin || ' ' || wechat || ' ' || phones || ' ' || address)"

PREFIX = f"SELECT rowid FROM {TABLE} WHERE "
TRIGRAM_SQL = PREFIX + f"({DOC} ILIKE ? ESCAPE '\\')"
GRAMS_SQL = PREFIX + "(grams @> CAST(ARRAY[?] AS TEXT[]))"
PINYIN_SQL = PREFIX + "(pinyin ILIKE ? ESCAPE '\\')"


def scan_sql(columns: Sequence[str]) -> str:
    """Punctuation terms: a scan of the index text's ``columns`` (one ``%term%`` parameter each)."""
    return PREFIX + "(" + " OR ".join(f"{col} ILIKE ? ESCAPE '\\'" for col in columns) + ")"


def narrowed_out_sql(sql: str) -> str | None:
    """For one way of matching (``sql`` of this module, a term's parameters): who the old
    parameters find and the new ones do not (old parameters, then new); None for another SQL."""
    if not sql.startswith(PREFIX):
        return None
    return f"{sql} AND NOT {sql[len(PREFIX) :]}"


# --- the schema (step 16, PostgreSQL only) -----------------------------------------------------------------------


# A bulk load (search.bulk_load) sets this for its transaction: the insert triggers then leave
# the rows to the load, which indexes them in one statement at its end (as SQLite's bulk_load
# drops its insert triggers for the block). A setting, not ALTER TABLE … DISABLE TRIGGER: that
# needs the table's owner and locks the table against the whole team.
# Honoured only for who may delete the index's rows anyway (schema step 21): the table's owner
# (the owners' group after `team init`) and superusers — not a helper or viewer, who could SET it
# too and leave their rows out of every search. The trigger functions run as the table's owner,
# so "who asks" is session_user. has_table_privilege on a constant regclass: ~1 µs a row (a
# pg_has_role on the owner looked up per row cost 20 µs: +2 s for 100k rows). A helper's bulk load
# is indexed row by row (its final statement then finds nothing left to add).
BULK_SETTING = "sellerdesk.search_bulk"
BULK_SETTING_SQL = (
    f"current_setting('{BULK_SETTING}', true) = 'on' "
    f"AND has_table_privilege(session_user, 'public.{TABLE}'::regclass, 'DELETE')"
)
SET_BULK_SQL = f"SELECT set_config('{BULK_SETTING}', %s, true)"


def schema_sql(row_sql: str) -> list[str]:
    """PostgreSQL's own SQL (for ``postgres.native``) creating the index table, its indexes and the
    triggers that keep it; ``row_sql``: the index row of customer ``{cid}`` in PostgreSQL's dialect."""
    row = row_sql.format(cid="cid")
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        # every character and pair of neighbours of the texts (joined by spaces), lower case; pairs
        # with a space left out (no term holds one). Repeats stay: GIN keeps each key once per row.
        # A loop: 10x faster than a set-returning SQL version (an import of 100k rows makes them all).
        "CREATE OR REPLACE FUNCTION sd_grams(VARIADIC parts text[]) RETURNS text[] LANGUAGE plpgsql IMMUTABLE "
        "PARALLEL SAFE AS $$\n"
        "DECLARE\n"
        "  t text := lower(array_to_string(parts, ' '));\n"
        "  a text[] := regexp_split_to_array(t, '');\n"
        "  out text[] := a;\n"
        "BEGIN\n"
        "  FOR i IN 1 .. cardinality(a) - 1 LOOP\n"
        "    IF a[i] <> ' ' AND a[i + 1] <> ' ' THEN out := out || (a[i] || a[i + 1]); END IF;\n"
        "  END LOOP;\n"
        "  RETURN out;\n"
        "END$$",
        f"CREATE TABLE IF NOT EXISTS {TABLE} (rowid INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', "
        "pinyin TEXT NOT NULL DEFAULT '', wechat TEXT NOT NULL DEFAULT '', phones TEXT NOT NULL DEFAULT '', "
        "address TEXT NOT NULL DEFAULT '', "
        "grams TEXT[] GENERATED ALWAYS AS (sd_grams(name, wechat, phones, address)) STORED)",
        f"CREATE INDEX IF NOT EXISTS customer_fts_trgm ON {TABLE} USING gin ({DOC} gin_trgm_ops)",
        f"CREATE INDEX IF NOT EXISTS customer_fts_grams ON {TABLE} USING gin (grams)",
        "CREATE OR REPLACE FUNCTION sd_search_refresh(cid integer) RETURNS void LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\n"
        "BEGIN\n"
        f"  DELETE FROM {TABLE} WHERE rowid = cid;\n"
        f"  INSERT INTO {TABLE} (rowid, name, pinyin, wechat, phones, address) {row};\n"
        "END$$",
        *trigger_functions_sql(),
        "CREATE OR REPLACE TRIGGER customer_search AFTER INSERT OR DELETE OR UPDATE OF name, name_pinyin, "
        "name_initials, wechat, phone ON customer FOR EACH ROW EXECUTE FUNCTION sd_customer_search()",
        "CREATE OR REPLACE TRIGGER address_search AFTER INSERT OR DELETE OR UPDATE OF recipient, phone, province, "
        "city, district, detail, deleted_at, customer_id ON address FOR EACH ROW EXECUTE FUNCTION sd_address_search()",
    ]


def trigger_functions_sql() -> list[str]:
    """The functions of the index's triggers (SECURITY DEFINER: they write the table as its owner)."""
    return [
        "CREATE OR REPLACE FUNCTION sd_customer_search() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\n"
        "BEGIN\n"
        f"  IF TG_OP = 'INSERT' AND {BULK_SETTING_SQL} THEN RETURN NULL; END IF;\n"
        f"  IF TG_OP = 'DELETE' THEN DELETE FROM {TABLE} WHERE rowid = OLD.id;\n"
        "  ELSE PERFORM sd_search_refresh(NEW.id); END IF;\n"
        "  RETURN NULL;\n"
        "END$$",
        "CREATE OR REPLACE FUNCTION sd_address_search() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\n"
        "BEGIN\n"
        f"  IF TG_OP = 'INSERT' AND {BULK_SETTING_SQL} THEN RETURN NULL; END IF;\n"
        "  IF TG_OP <> 'INSERT' THEN PERFORM sd_search_refresh(OLD.customer_id); END IF;\n"
        "  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' AND NEW.customer_id <> OLD.customer_id THEN\n"
        "    PERFORM sd_search_refresh(NEW.customer_id);\n"
        "  END IF;\n"
        "  RETURN NULL;\n"
        "END$$",
    ]


def has_index(db: pw.Database) -> bool:
    row = db.execute_sql("SELECT to_regclass('customer_fts') IS NOT NULL").fetchone()
    return bool(row and row[0])


def read_ids(db: Any, sql: str, params: Sequence[Any]) -> set[int]:
    """The ids ``sql`` (SQLite's dialect) finds, as one array."""
    row = db.execute_sql(f"SELECT array_agg(q.c) FROM ({sql}) AS q(c)", params).fetchone()
    return set(row[0]) if row and row[0] else set()
