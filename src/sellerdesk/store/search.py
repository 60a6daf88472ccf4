"""Text search over customers, behind one small interface.

``matches(query)`` returns a peewee expression selecting the customers whose name, phone
digits, WeChat ID, pinyin (initials or full) or any address fragment contain every
whitespace-separated term of the query.

Two implementations sit behind it:

* **FTS5** (SQLite/SQLCipher): the ``customer_fts`` table (trigram tokenizer, so any
  substring of Chinese text is found) holds one row per customer — rowid = customer id —
  with its name, pinyin, WeChat ID, phones (customer's and addresses') and every live
  address. Triggers on ``customer`` and ``address`` keep it in sync (schema step 3, SQL
  below), so every writer — UI, CLI, importer, demo — updates it without knowing.
  Trigram needs three characters; shorter terms use the indexed columns instead (pinyin
  initials prefix, name prefix) plus a scan of the compact FTS content table.
* **LIKE** (any database Peewee speaks to, e.g. PostgreSQL): the portable fallback.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from typing import Sequence

import peewee as pw

from sellerdesk.store.models import DB, Address, Customer

FTS_TABLE = "customer_fts"

_ASCII_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^\d+$")
_PHONE_LIKE = re.compile(r"^\d+(?:-\d+)+$")

# --- the FTS5 index -----------------------------------------------------------------------------------------------

# The indexed text of one customer ``{cid}`` (an SQL expression for the customer id).
_PINYIN_SQL = (
    "replace(CASE WHEN instr(c.name_pinyin, char(0)) > 0 "
    "THEN substr(c.name_pinyin, 1, instr(c.name_pinyin, char(0)) - 1) ELSE c.name_pinyin END, ' ', '')"
)
_ROW_SQL = (
    "SELECT c.id, c.name, " + _PINYIN_SQL + " || ' ' || c.name_initials, c.wechat, "
    "replace(c.phone, '-', '') || ' ' || coalesce((SELECT group_concat(replace(a.phone, '-', ''), ' ') "
    "FROM address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND a.phone != ''), ''), "
    "coalesce((SELECT group_concat(a.province || CASE WHEN a.city = a.province THEN '' ELSE a.city END "
    "|| a.district || a.detail || ' ' || a.recipient, ' | ') "
    "FROM address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL), '') "
    "FROM customer c WHERE c.id = {cid}"
)
_COLUMNS = "rowid, name, pinyin, wechat, phones, address"


def _refresh(cid: str) -> str:
    return (
        f"DELETE FROM {FTS_TABLE} WHERE rowid = {cid}; "
        f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + _ROW_SQL.format(cid=cid) + ";"
    )


FTS_SCHEMA_SQL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "name, pinyin, wechat, phones, address, tokenize = 'trigram')",
    f"CREATE TRIGGER IF NOT EXISTS customer_fts_ai AFTER INSERT ON customer BEGIN {_refresh('new.id')} END",
    f"CREATE TRIGGER IF NOT EXISTS customer_fts_au AFTER UPDATE OF name, name_pinyin, name_initials, wechat, phone "
    f"ON customer BEGIN {_refresh('new.id')} END",
    f"CREATE TRIGGER IF NOT EXISTS customer_fts_ad AFTER DELETE ON customer BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS address_fts_ai AFTER INSERT ON address BEGIN {_refresh('new.customer_id')} END",
    "CREATE TRIGGER IF NOT EXISTS address_fts_au AFTER UPDATE OF recipient, phone, province, city, district, detail, "
    f"deleted_at, customer_id ON address BEGIN {_refresh('old.customer_id')} {_refresh('new.customer_id')} END",
    f"CREATE TRIGGER IF NOT EXISTS address_fts_ad AFTER DELETE ON address BEGIN {_refresh('old.customer_id')} END",
]


def create_index(db: pw.Database) -> bool:
    """Create the FTS table and its triggers and fill it (schema step 3); False when not SQLite."""
    if not supports_fts(db):
        return False
    for sql in FTS_SCHEMA_SQL:
        db.execute_sql(sql)
    rebuild(db)
    return True


def rebuild(db: pw.Database) -> None:
    """Refill the index from the tables in one statement (migration, repair, bulk loads)."""
    db.execute_sql(f"DELETE FROM {FTS_TABLE}")
    db.execute_sql(f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + _ROW_SQL.replace(" WHERE c.id = {cid}", ""))


_INSERT_TRIGGERS = ("customer_fts_ai", "address_fts_ai")


@contextlib.contextmanager
def bulk_load(db: pw.Database | None = None, refresh_ids: Sequence[int] = ()):
    """For loading many rows at once (demo data, big imports), inside the caller's transaction.

    Row-by-row index upkeep costs a delete and re-insert of the customer's index row for
    every address; instead the insert triggers are suspended for the block and, at the
    end, the index rows of new customers (and of ``refresh_ids``) are written in one
    statement. Updates and deletes keep their triggers. The trigger DDL is part of the
    caller's transaction, so a rollback restores it too.
    """
    db = db if db is not None else DB.obj
    if not fts_enabled(db):
        yield
        return
    for name in _INSERT_TRIGGERS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield
    finally:
        for sql in FTS_SCHEMA_SQL:
            if any(f" {name} " in sql for name in _INSERT_TRIGGERS):
                db.execute_sql(sql)
    all_rows = _ROW_SQL.replace(" WHERE c.id = {cid}", "")
    db.execute_sql(f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + all_rows
                   + f" WHERE c.id NOT IN (SELECT rowid FROM {FTS_TABLE})")
    ids = list(refresh_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        db.execute_sql(f"INSERT INTO {FTS_TABLE} ({_COLUMNS}) " + all_rows + f" WHERE c.id IN ({marks})", chunk)


def supports_fts(db: pw.Database) -> bool:
    if not isinstance(db, pw.SqliteDatabase):
        return False
    try:
        options = {row[0] for row in db.execute_sql("PRAGMA compile_options").fetchall()}
    except pw.DatabaseError:
        return False
    return "ENABLE_FTS5" in options


_fts_cache: "weakref.WeakKeyDictionary[pw.Database, bool]" = weakref.WeakKeyDictionary()


def fts_enabled(db: pw.Database | None = None) -> bool:
    """Whether the bound database has the FTS index (checked once per database object)."""
    db = db if db is not None else DB.obj
    if db is None or not isinstance(db, pw.SqliteDatabase):
        return False
    if db not in _fts_cache:
        row = db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)).fetchone()
        _fts_cache[db] = row is not None
    return _fts_cache[db]


def forget(db: pw.Database) -> None:
    """Drop the cached answer of :func:`fts_enabled` (after migrating or closing ``db``)."""
    _fts_cache.pop(db, None)


# --- query expressions ---------------------------------------------------------------------------------------------

def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(field, pattern: str):
    # Spelled out: peewee maps its LIKE operator to GLOB on SQLite, which takes no ESCAPE.
    return pw.NodeList((field, pw.SQL("LIKE"), pw.Value(pattern), pw.SQL("ESCAPE '\\'")))


def _contains(field, text: str):
    return _like(field, f"%{_escape_like(text)}%")


def _term_like(term: str):
    """The portable version of one term."""
    lowered = term.lower()
    clauses = [_contains(Customer.name, term), _contains(Customer.wechat, term)]
    if _DIGITS.match(term):
        clauses.append(_contains(Customer.phone, term))
    if _ASCII_LETTERS.match(lowered):
        clauses.append(_like(Customer.name_initials, f"{_escape_like(lowered)}%"))
        clauses.append(_contains(Customer.name_pinyin, lowered))
    address_hit = (
        Address.select(pw.SQL("1"))
        .where(
            (Address.customer == Customer.id)
            & Address.deleted_at.is_null()
            & (
                _contains(Address.province.concat(Address.city).concat(Address.district).concat(Address.detail), term)
                | _contains(Address.recipient, term)
                | (_contains(Address.phone, term) if _DIGITS.match(term) else pw.SQL("0"))
            )
        )
    )
    clauses.append(pw.fn.EXISTS(address_hit))
    return _any(clauses)


def _any(clauses):
    expr = clauses[0]
    for clause in clauses[1:]:
        expr = expr | clause
    return expr


def _term_fts(term: str):
    """One term against the FTS index (trigram MATCH for ≥ 3 characters).

    Every way a term can match is an id subquery, joined with UNION into one ``id IN (…)``:
    an OR of different access paths would make SQLite read every customer row instead.
    """
    if _PHONE_LIKE.match(term):
        term = term.replace("-", "")  # phones are indexed without dashes (021-6464… → 0216464…)
    lowered = term.lower()
    parts: list[str] = []
    params: list[str] = []
    if _ASCII_LETTERS.match(lowered):
        # Initials are matched as a prefix (zs → 张三, 张世杰), as a range on the indexed column.
        parts.append('SELECT "id" FROM "customer" WHERE "name_initials" >= ? AND "name_initials" < ?')
        params += [lowered, lowered[:-1] + chr(ord(lowered[-1]) + 1)]
    if len(term) >= 3:
        parts.append(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?")
        params.append('"' + term.replace('"', '""') + '"')
    else:
        # Too short for trigrams: a scan of the compact index text (one table, no join).
        columns = ("name", "wechat", "address") + (("phones",) if _DIGITS.match(term) else ())
        parts.append(f"SELECT rowid FROM {FTS_TABLE} WHERE "
                     + " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in columns))
        params += [f"%{_escape_like(term)}%"] * len(columns)
    return Customer.id.in_(pw.SQL("(" + " UNION ".join(parts) + ")", params))


def matches(query: str):
    """An expression for customers matching every whitespace-separated term of ``query``."""
    terms = [t for t in re.split(r"\s+", query.strip()) if t]
    if not terms:
        return None
    term_expr = _term_fts if fts_enabled() else _term_like
    expr = term_expr(terms[0])
    for term in terms[1:]:
        expr = expr & term_expr(term)
    return expr
