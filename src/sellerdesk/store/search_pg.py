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
  SQLite's ``customer_grams`` table (which holds the same pairs). Each piece is held as its
  integer code (:data:`GRAM_CODE_SQL`, schema 28), the term asked as its code: the same
  equality as the text's, and a GIN index of pass-by-value integers builds in half the time.
* Pinyin initials: the same range on the indexed ``name_initials`` column as on SQLite.
* Punctuation of one or two characters: a scan of the index text (as on SQLite).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw

TABLE = "customer_fts"


# The text the trigram index holds (the query repeats the expression, so the index serves it).
# Columns are joined with a space: a term never holds whitespace, so it matches within one
# column, as an FTS5 phrase does.
def doc_sql(phones: str = "phones", row: str = "") -> str:
    """The indexed text of a row, with its phones from column ``phones`` (``masked_phones``: the
    masked copy's index, store.masking_pg); ``row``: the columns' qualifier (``f.``)."""
    return f"({row}name || ' ' || {row}pinyin || ' ' || {row}wechat || ' ' || {row}{phones} || ' ' || {row}address)"


DOC = doc_sql()


def grams_sql(column: str = "grams", row: str = "") -> str:
    """The indexed array of the 1-2 character pieces' codes (``masked_grams``: the masked copy's
    index). Schema 24 had the text pieces in collation "C" (a bytewise compare: its build a quarter
    cheaper than under C.UTF-8); schema 28 holds them as integer codes (:data:`GRAM_CODE_SQL`), whose
    GIN index compares pass-by-value integers: at 100k rows its build 2.1-2.3 s instead of 3.7-3.9 s.
    The query repeats the expression, so the index serves it."""
    return f"({row}{column})"


# The code of a piece of one or two characters (lower case already), as ``sd_grams`` makes them:
# a character c is its code point; a pair (a, b) is (a + 1) * 2^21 + b. Code points are below
# 2^21 (0x10FFFF), so a character's code is below 2^21 and a pair's above it, and a pair's two
# code points are read back from it: one code per piece, no two pieces alike, in an int8 (the
# largest, 0x110000 * 2^21 + 0x10FFFF, is below 2^42). ASCII case, digits, punctuation, CJK and
# characters beyond the BMP (emoji, 𠀋: one character each in a UTF-8 database) alike.
GRAM_PAIR_BASE = 1 << 21
GRAM_CODE = "sd_gram_code"


def gram_code(piece: str) -> int | None:
    """:data:`GRAM_CODE_SQL` in Python (the tests hold them to the same numbers): None for a term
    of another length (it matches nothing: no piece is longer)."""
    if len(piece) == 1:
        return ord(piece)
    if len(piece) == 2:
        return (ord(piece[0]) + 1) * GRAM_PAIR_BASE + ord(piece[1])
    return None


# PL/pgSQL, IMMUTABLE: called with the term (a constant, or sd_search's parameter) the planner
# evaluates it once and the index scan gets the code as a constant. (As a SQL function it was
# inlined, its body parsed again at every planning: +37 µs a query, against +7 µs.) NULL for NULL
# or a term of another length, which then matches nothing.
GRAM_CODE_SQL = (
    f"CREATE OR REPLACE FUNCTION public.{GRAM_CODE}(term text) RETURNS int8 LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$BEGIN RETURN CASE pg_catalog.length(term) WHEN 1 THEN pg_catalog.ascii(term)::int8 "
    f"WHEN 2 THEN (pg_catalog.ascii(term)::int8 + 1) * {GRAM_PAIR_BASE} "
    "+ pg_catalog.ascii(pg_catalog.substr(term, 2)) END; END$$"
)

# every character and pair of neighbours of the texts (joined by spaces), lower case, as codes
# (GRAM_CODE_SQL); pairs with a space left out (no term holds one). Repeats stay: GIN keeps each
# key once per row. A loop: 10x faster than a set-returning SQL version (an import of 100k rows
# makes them all); string_to_array(t, NULL) splits into characters as regexp_split_to_array(t, '')
# did (the same time within the load's swing: benchmarks/bench_exchange.py).
GRAMS_FUNCTION_SQL = (
    "CREATE OR REPLACE FUNCTION sd_grams(VARIADIC parts text[]) RETURNS int8[] LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$\n"
    "DECLARE\n"
    "  a text[] := string_to_array(lower(array_to_string(parts, ' ')), NULL);\n"
    "  out int8[] := '{}';\n"
    "  prev int8 := 32;\n"
    "  c int8;\n"
    "BEGIN\n"
    "  FOR i IN 1 .. coalesce(cardinality(a), 0) LOOP\n"
    "    c := ascii(a[i]);\n"
    "    out := out || c;\n"
    f"    IF c <> 32 AND prev <> 32 THEN out := out || ((prev + 1) * {GRAM_PAIR_BASE} + c); END IF;\n"
    "    prev := c;\n"
    "  END LOOP;\n"
    "  RETURN out;\n"
    "END$$"
)

PREFIX = f"SELECT rowid FROM {TABLE} WHERE "
TRIGRAM_SQL = PREFIX + f"({DOC} ILIKE ? ESCAPE '\\')"
GRAMS_SQL = PREFIX + f"({grams_sql()} @> ARRAY[public.{GRAM_CODE}(?)])"
PINYIN_SQL = PREFIX + "(pinyin ILIKE ? ESCAPE '\\')"


def scan_sql(columns: Sequence[str]) -> str:
    """Punctuation terms: a scan of the index text's ``columns`` (one ``%term%`` parameter each)."""
    return PREFIX + "(" + " OR ".join(f"{col} ILIKE ? ESCAPE '\\'" for col in columns) + ")"


# --- a search by a user under the row-level security policies (schema 21) ---------------------------------------
#
# ILIKE and @> are not leakproof, so PostgreSQL applies a policy before them, row by row: a helper's
# (or viewer's) search was a scan of the whole table with the policy's EXISTS per row (2-3 s at 100k
# customers) where an owner's is an index lookup. ``sd_search(who, way, term)`` runs the index
# lookup as the table's owner (SECURITY DEFINER) and keeps the rows the search table's policy would
# show ``who``: the customer policy's own condition (migrations.team_customer_visible, its one
# definition), asked about ``who``. It answers ids only.
# * ``who`` is the caller's current_user (the store passes it); sd_team_sees_all(who), called first
#   whatever the term, refuses anyone else (insufficient_privilege) but a role the caller may
#   become (schema 17) — what SET ROLE would show them anyway. So nothing depends on a match
#   before that check: a refusal is never an oracle of whether a term exists somewhere.
# * It escapes the term itself (the LIKE pattern is its own): a pattern ILIKE refuses (a trailing
#   escape) would fail on a matching row of any region, telling that there is one.
# * The phones it matches: the raw ones only for a user who may read the search table's
#   ``phones`` column (owners, viewers, helpers with phones); else the masked copies, as the
#   masked view shows them (store.masking_pg): the digits the mask shows.
# * Its search path is pinned, pg_temp last (a helper's temporary table named like ours must not
#   stand in for it), and it is no one's but the team groups' (revoked from PUBLIC).
FUNCTION = "sd_search"
SIGNATURE = "public.sd_search(text, text, text, integer)"
WAYS = ("trigram", "grams", "pinyin", "scan", "scan_phones")


def function_query(way: str, raw_phones: bool, visible: str, scoped: bool = False) -> str:
    """The query ``sd_search`` runs for ``way`` ($1 the term's ``%…%`` pattern, $2 the term, $3
    who, $4 the most rows wanted: NULL for all, $5 the scopes $3 may see: :func:`scopes_sql`);
    ``visible``: the search table's row ``f`` may be shown to $3 (see :func:`function_sql`);
    ``scoped``: only rows of the scopes $5 are looked at (schema 27), in the same index scan."""
    phones, grams = ("phones", "grams") if raw_phones else ("masked_phones", "masked_grams")
    like = " ILIKE $1 ESCAPE '\\'"
    columns = ("name", "wechat", "address") + ((phones,) if way == "scan_phones" else ())
    test = {
        "trigram": doc_sql(phones, "f.") + like,
        "grams": f"{grams_sql(grams, 'f.')} @> ARRAY[public.{GRAM_CODE}($2)]",
        "pinyin": "f.pinyin" + like,
        "scan": " OR ".join(f"f.{c}{like}" for c in columns),
        "scan_phones": " OR ".join(f"f.{c}{like}" for c in columns),
    }[way]
    scope = f" AND f.{SCOPE_COLUMN} = ANY ($5)" if scoped else ""
    return f"SELECT f.rowid FROM public.{TABLE} AS f WHERE ({test}){scope} AND ({visible}) LIMIT $4"


def function_sql(customer_visible: Callable[[str], str], scoped: bool = True) -> str:
    """``sd_search`` (schema 21), for ``postgres.native``; ``customer_visible(who)``: the customer
    policy's condition about ``who`` (migrations.team_customer_visible). The search table's own
    policy shows a row to whoever sees all, or sees its customer (PG_SEARCH_POLICY); so does this.
    ``scoped`` (schema 27): for a caller who does not see all, the lookup is restricted to the
    search rows of their scopes (:data:`SCOPE_COLUMN`) in the index scan itself, before the policy's
    condition is asked per hit: its cost follows what they may see, not the whole table's hits."""
    # the hit's customer looked up by its key, once per hit (a scalar subquery): an EXISTS, as the
    # policy reads, was planned as a hash of every customer (0.2-0.45 s at 100k for 3k hits), a
    # join likewise
    visible = (
        "(SELECT sd_team_sees_all($3)) OR coalesce((SELECT "
        f"{customer_visible('$3')} FROM public.customer AS c WHERE c.id = f.rowid), false)"
    )

    def pick(raw: bool, restricted: bool) -> str:
        cases = " ".join(f"WHEN '{way}' THEN {_literal(function_query(way, raw, visible, restricted))}" for way in WAYS)
        return f"CASE way {cases} END"

    if scoped:
        # who sees all (a viewer): every row; else the scopes, or NULL when a grant's province is
        # empty (then every customer without a province matches the policy: no scope says so)
        choose = (
            "  IF NOT sd_team_sees_all(who) THEN\n"
            f"    scopes := {scopes_sql('who')};\n"
            "    IF '' = ANY (scopes) THEN scopes := NULL; END IF;\n"
            "  END IF;\n"
            "  raw := has_column_privilege(who, 'public.{TABLE}', 'phones', 'SELECT');\n"
            "  IF scopes IS NOT NULL AND raw THEN query := {pick(True, True)};\n"
            "  ELSIF scopes IS NOT NULL THEN query := {pick(False, True)};\n"
            "  ELSIF raw THEN query := {pick(True, False)};\n"
            "  ELSE query := {pick(False, False)};\n"
            "  END IF;\n"
        )
        choose = choose.replace("{TABLE}", TABLE)
        for raw in (True, False):
            for restricted in (True, False):
                choose = choose.replace(f"{{pick({raw}, {restricted})}}", pick(raw, restricted))
    else:
        choose = (
            f"  IF has_column_privilege(who, 'public.{TABLE}', 'phones', 'SELECT') THEN query := {pick(True, False)};\n"
            f"  ELSE query := {pick(False, False)};\n"
            "  END IF;\n"
        )
    sql = (
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(who text, way text, term text, most integer DEFAULT NULL) "
        "RETURNS SETOF integer "
        "LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp AS $$\n"
        "DECLARE\n"
        "  query text;\n"
        "  scopes text[];\n"
        "  raw boolean;\n"
        "BEGIN\n"
        "  PERFORM sd_team_sees_all(who);\n"  # first: about the caller only, else refused
        f"{choose}"
        "  IF query IS NULL THEN\n"
        "    RAISE EXCEPTION 'sd_search: no such way: %', way USING ERRCODE = 'invalid_parameter_value';\n"
        "  END IF;\n"
        "  RETURN QUERY EXECUTE query USING\n"
        "    '%' || replace(replace(replace(term, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%', term, who, most,\n"
        "    scopes;\n"
        "END$$"
    )
    return sql.replace("%", "%%")  # (for postgres.native: a parameter marker otherwise)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def function_grants_sql(owner_g: str, helper_g: str, viewer_g: str) -> list[str]:
    """Who may call ``sd_search``: the team's groups (the store calls it for helpers and viewers)."""
    return [
        f"REVOKE EXECUTE ON FUNCTION {SIGNATURE} FROM PUBLIC",
        f'GRANT EXECUTE ON FUNCTION {SIGNATURE} TO "{owner_g}", "{helper_g}", "{viewer_g}"',
    ]


_CALL_END = ") AS s(rowid)"


def _call(way: str) -> str:
    return f"SELECT s.rowid FROM public.{FUNCTION}(current_user::text, '{way}', ?{_CALL_END}"


def limited(sql: str, params: Sequence[object], most: int) -> tuple[str, list[object]]:
    """``sql`` (a way of :class:`Ways`) answering at most ``most`` ids: a LIMIT, which for
    ``sd_search`` goes inside (else it would find every hit to hand over the first few)."""
    if sql.startswith(f"SELECT s.rowid FROM public.{FUNCTION}(") and sql.endswith(_CALL_END):
        return sql[: -len(_CALL_END)] + ", ?" + _CALL_END, [*params, most]
    return f"{sql} LIMIT ?", [*params, most]


@dataclass(frozen=True)
class Ways:
    """How the bound user's search reads the index: the plain SQL (an owner: no policy applies),
    or through ``sd_search`` (a user under the policies). The SQL of each way, and its parameters
    for a term (``contains``: the term as a ``%…%`` LIKE pattern, for the plain SQL)."""

    through_function: bool

    @property
    def trigram_sql(self) -> str:
        return _call("trigram") if self.through_function else TRIGRAM_SQL

    @property
    def grams_sql(self) -> str:
        return _call("grams") if self.through_function else GRAMS_SQL

    @property
    def pinyin_sql(self) -> str:
        """Takes the trigram way's parameters."""
        return _call("pinyin") if self.through_function else PINYIN_SQL

    def trigram(self, term: str, contains: str) -> tuple[str, list[str]]:
        return self.trigram_sql, [term if self.through_function else contains]

    def grams(self, lowered: str) -> tuple[str, list[str]]:
        return self.grams_sql, [lowered]

    def scan(self, term: str, contains: str, phones: bool) -> tuple[str, list[str]]:
        if self.through_function:
            return _call("scan_phones" if phones else "scan"), [term]
        columns = ("name", "wechat", "address") + (("phones",) if phones else ())
        return scan_sql(columns), [contains] * len(columns)


_THROUGH: weakref.WeakKeyDictionary[Any, Ways] = weakref.WeakKeyDictionary()


def ways(db: Any) -> Ways:
    """The bound user's :class:`Ways`, asked once per connection: through ``sd_search`` when the
    search table's policy applies to them (or it is a masked view for them) and they may call it."""
    from sellerdesk.store import bulk
    from sellerdesk.store.postgres import native

    conn = db.connection()
    known = _THROUGH.get(conn)
    if known is None:
        through = bulk.row_security_active(conn, TABLE) and bool(
            native(
                db,
                "SELECT CASE WHEN to_regprocedure(%s) IS NULL THEN false "
                "ELSE has_function_privilege(%s, 'EXECUTE') END",
                (SIGNATURE, SIGNATURE),
            ).fetchone()[0]
        )
        known = _THROUGH[conn] = Ways(through)
    return known


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
# Honoured only for who may delete the index's rows anyway (schema step 20): the table's owner
# (the owners' group after `team init`) and superusers — not a helper or viewer, who could SET it
# too and leave their rows out of every search. The trigger functions run as the table's owner,
# so "who asks" is session_user. has_table_privilege on a constant regclass: ~1 µs a row (a
# pg_has_role on the owner looked up per row cost 20 µs: +2 s for 100k rows). A helper's bulk load
# is indexed row by row (its final statement then finds nothing left to add).
BULK_SETTING = "sellerdesk.search_bulk"


def may_bulk_load_sql(who: str = "") -> str:
    """SQL: whether ``who`` (an SQL expression; '' the current user) may have the insert triggers
    stand aside — who may delete the search table's rows anyway. Also the WHEN of schema 19's
    insert triggers (migrations._unless), which run as the writer."""
    return f"has_table_privilege({who + ', ' if who else ''}'public.{TABLE}'::regclass, 'DELETE')"


BULK_SETTING_SQL = f"current_setting('{BULK_SETTING}', true) = 'on' AND {may_bulk_load_sql('session_user')}"
SET_BULK_SQL = f"SELECT set_config('{BULK_SETTING}', %s, true)"


# the grams column's type and generation (schema 28: int8[], made by GRAMS_FUNCTION_SQL)
GRAMS_COLUMN_SQL = "int8[] GENERATED ALWAYS AS (sd_grams(name, wechat, phones, address)) STORED"

# The two GIN indexes of the search table, as step 16 makes them now (name, CREATE statement; step
# 27 leads them with the scope where btree_gin may be created).
GIN_INDEXES = (
    ("customer_fts_trgm", f"CREATE INDEX IF NOT EXISTS customer_fts_trgm ON {TABLE} USING gin ({DOC} gin_trgm_ops)"),
    ("customer_fts_grams", f"CREATE INDEX IF NOT EXISTS customer_fts_grams ON {TABLE} USING gin ({grams_sql()})"),
)


def schema_sql(row_sql: str) -> list[str]:
    """PostgreSQL's own SQL (for ``postgres.native``) creating the index table, its indexes and the
    triggers that keep it; ``row_sql``: the index row of customer ``{cid}`` in PostgreSQL's dialect."""
    row = row_sql.format(cid="cid")
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        GRAMS_FUNCTION_SQL,
        GRAM_CODE_SQL,
        f"CREATE TABLE IF NOT EXISTS {TABLE} (rowid INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', "
        "pinyin TEXT NOT NULL DEFAULT '', wechat TEXT NOT NULL DEFAULT '', phones TEXT NOT NULL DEFAULT '', "
        "address TEXT NOT NULL DEFAULT '', "
        f"grams {GRAMS_COLUMN_SQL})",
        *(sql for _name, sql in GIN_INDEXES),
        refresh_function_sql(row),
        *trigger_functions_sql(),
        "CREATE OR REPLACE TRIGGER customer_search AFTER INSERT OR DELETE OR UPDATE OF name, name_pinyin, "
        "name_initials, wechat, phone ON customer FOR EACH ROW EXECUTE FUNCTION sd_customer_search()",
        "CREATE OR REPLACE TRIGGER address_search AFTER INSERT OR DELETE OR UPDATE OF recipient, phone, province, "
        "city, district, detail, deleted_at, customer_id ON address FOR EACH ROW EXECUTE FUNCTION sd_address_search()",
    ]


def refresh_function_sql(row: str, scoped: bool = False) -> str:
    """``sd_search_refresh(cid)``: customer ``cid``'s search row made anew from ``row`` (its SQL,
    PostgreSQL's dialect, about ``cid``); ``scoped`` (schema 27): with its scope."""
    columns = f"rowid, name, pinyin, wechat, phones, address{', ' + SCOPE_COLUMN if scoped else ''}"
    return (
        "CREATE OR REPLACE FUNCTION sd_search_refresh(cid integer) RETURNS void LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_catalog AS $$\n"
        "BEGIN\n"
        f"  DELETE FROM {TABLE} WHERE rowid = cid;\n"
        f"  INSERT INTO {TABLE} ({columns}) {with_scope(row) if scoped else row};\n"
        "END$$"
    )


def with_scope(row_sql: str) -> str:
    """``row_sql`` (a search row's SELECT over ``customer c``) with the customer's scope as its last
    column (schema 27)."""
    head, sep, tail = row_sql.rpartition(" FROM customer c")
    if not sep:
        raise ValueError("not a search row's SQL")
    return f"{head}, {scope_sql('c.address_key', 'c.created_by')}{sep}{tail}"


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


# A big load (at least REBUILD_MIN_ROWS new rows, and at least as many as the table holds: the
# first import into a team database) fills the search table without its GIN indexes and builds
# them after: at 100k rows 16 s of the server's CPU instead of 22 s (benchmarks/bench_exchange.py).
# DROP INDEX takes the table's ACCESS EXCLUSIVE lock until the load commits: others' searches,
# and their writes of customers (whose triggers write this table), wait for the last seconds
# of the load. Taken only if free within REBUILD_LOCK_WAIT (else the indexes stay and are kept
# row by row), so the load never queues behind a long search of someone else.
REBUILD_MIN_ROWS = 10_000
REBUILD_LOCK_WAIT = "2s"


def rebuild_worth_it(db: Any, incoming: int | None = None) -> bool:
    """Whether the rows to add to the search table (customers without a row; or ``incoming``, the
    rows a load is about to add, when no one else is connected: postgres.alone) are many enough,
    compared with the rows it holds, to drop and build its GIN indexes; only its owner may."""
    from sellerdesk.store.postgres import big_first_load, native, owns

    if incoming is not None:  # (dropped at a load's start: not while others would wait for the whole load)
        return big_first_load(db, TABLE, incoming, REBUILD_MIN_ROWS)
    if not owns(db, TABLE):
        return False
    sql = (
        f"SELECT (SELECT count(*) FROM {TABLE}), (SELECT count(*) FROM customer cu "
        f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} f WHERE f.rowid = cu.id))"
    )
    held, adding = (int(n) for n in native(db, sql).fetchone())
    return adding >= REBUILD_MIN_ROWS and adding >= held


def drop_gin_indexes(db: Any) -> list[tuple[str, str]] | None:
    """Drop every GIN index of the search table (its own two, and store.masking_pg's masked
    copies) inside the caller's transaction, if its lock is free within REBUILD_LOCK_WAIT; returns
    (name, definition) of each for :func:`create_gin_indexes` or store.index_builds.defer (None:
    left as they are; the transaction is still usable)."""
    from sellerdesk.store.postgres import lock_if_free, native

    if not lock_if_free(db, TABLE, REBUILD_LOCK_WAIT):
        return None
    found = native(
        db,
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s "
        "AND indexdef LIKE '%% USING gin %%' ORDER BY indexname",
        (TABLE,),
    ).fetchall()
    for name, _definition in found:
        native(db, f'DROP INDEX "{name}"')
    return [(name, definition) for name, definition in found]


def create_gin_indexes(db: Any, dropped: Sequence[tuple[str, str]]) -> None:
    """Build again the indexes :func:`drop_gin_indexes` dropped."""
    from sellerdesk.store.postgres import native

    for _name, sql in dropped:
        native(db, sql)


# --- the search table's scope (schema 27) ------------------------------------------------------------------------
#
# A helper's search through ``sd_search`` found every hit of the term in the whole table and then
# asked the policy's condition about each: its time grew by ~3 µs per matching customer of ANY
# region (benchmarks/bench_team_search_leak.py), so timing a term told how many customers the
# helper may not see match it. Each search row now carries its customer's scope — the province
# of its address key, or for a customer without one chr(1) || who made it — the very two things
# the policy asks (migrations.team_customer_visible), and sd_search restricts a caller who does
# not see all to the rows of their scopes in the same index scan. With btree_gin (PostgreSQL's
# contrib, as pg_trgm, and as pg_trgm a trusted extension) each GIN index of the table leads with
# the scope: one scan intersects the scope's rows with the term's, skipping through the term's
# posting list; without it, a btree index on the scope, which the planner ANDs with the GIN
# index's bitmap (the term's whole posting list is still read: ~0.1 µs a hit instead of ~3).
# The policy's condition is still asked per hit: the scope only narrows what is looked at.
SCOPE_COLUMN = "scope"
SCOPE_FUNCTION = "sd_search_scope"
# the insert trigger's function: no SET search_path (a SET clause costs ~175 µs a row,
# masking_pg.COPIES_TRIGGER), so masking_pg._pin_trigger_functions leaves it out
SCOPE_ROW_FUNCTION = "sd_search_scope_row"
SCOPE_INDEX = "customer_fts_scope"


def scope_sql(key: str, maker: str) -> str:
    """SQL: the scope of a customer whose address key is ``key`` and maker ``maker``."""
    return f"public.{SCOPE_FUNCTION}({key}, {maker})"


def scopes_sql(who: str) -> str:
    """SQL: the scopes whose customers the policy may show ``who`` (a helper): their provinces, and
    the customers without a province they made."""
    return f"(sd_team_provinces({who}) || (chr(1) || {who}))"


def scope_schema_sql() -> list[str]:
    """The scope's function, column and triggers (schema 27; for ``postgres.native``)."""
    return [
        f"CREATE OR REPLACE FUNCTION public.{SCOPE_FUNCTION}(key text, maker text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$"
        "SELECT CASE WHEN pg_catalog.split_part(coalesce(key, ''), pg_catalog.chr(1), 1) <> '' "
        "THEN pg_catalog.split_part(key, pg_catalog.chr(1), 1) "
        "ELSE pg_catalog.chr(1) || coalesce(maker, '') END$$",
        f'ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {SCOPE_COLUMN} TEXT COLLATE "C"',
        # our writers of search rows (sd_search_refresh, search.rebuild, bulk loads) write the scope
        # with the row, set-based (search_pg.with_scope); a row written without one (another
        # writer's) takes its customer's as it is written, as the writer: a safety net, not the way
        # (a lookup per row of a bulk load)
        f"CREATE OR REPLACE FUNCTION public.{SCOPE_ROW_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        f"  NEW.{SCOPE_COLUMN} := (SELECT {scope_sql('c.address_key', 'c.created_by')} FROM public.customer AS c "
        "WHERE c.id = NEW.rowid);\n"
        "  RETURN NEW;\n"
        "END$$",
        f"CREATE OR REPLACE TRIGGER {SCOPE_ROW_FUNCTION} BEFORE INSERT ON {TABLE} "
        f"FOR EACH ROW WHEN (NEW.{SCOPE_COLUMN} IS NULL) EXECUTE FUNCTION public.{SCOPE_ROW_FUNCTION}()",
        # a customer whose key (its default address's province) or maker changes: its row follows.
        # A row trigger whose WHEN asks first: no call at all for the other updates of a customer (a
        # statement trigger over the transition tables cost every single-row UPDATE ~0.6 ms more)
        "CREATE OR REPLACE FUNCTION sd_customer_search_scope() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp AS $$\n"
        "BEGIN\n"
        f"  UPDATE public.{TABLE} SET {SCOPE_COLUMN} = {scope_sql('NEW.address_key', 'NEW.created_by')} "
        f"WHERE rowid = NEW.id AND {SCOPE_COLUMN} IS DISTINCT FROM {scope_sql('NEW.address_key', 'NEW.created_by')};\n"
        "  RETURN NULL;\n"
        "END$$",
        "REVOKE EXECUTE ON FUNCTION sd_customer_search_scope() FROM PUBLIC",
        'CREATE OR REPLACE TRIGGER "customer_search_scope" AFTER UPDATE ON "customer" FOR EACH ROW '
        "WHEN (OLD.address_key IS DISTINCT FROM NEW.address_key OR OLD.created_by IS DISTINCT FROM NEW.created_by) "
        "EXECUTE FUNCTION sd_customer_search_scope()",
    ]


FILL_SCOPE_SQL = (
    f"UPDATE {TABLE} AS f SET {SCOPE_COLUMN} = {scope_sql('c.address_key', 'c.created_by')} "
    f"FROM customer AS c WHERE c.id = f.rowid AND f.{SCOPE_COLUMN} IS DISTINCT FROM "
    f"{scope_sql('c.address_key', 'c.created_by')}"
)


def scoped_index_sql(definition: str) -> str | None:
    """A GIN index definition of the search table (pg_indexes.indexdef) led by the scope; None when
    it is led by it already."""
    head = " USING gin ("
    at = definition.index(head) + len(head)
    if definition[at:].startswith(f"{SCOPE_COLUMN},"):
        return None
    return f"{definition[:at]}{SCOPE_COLUMN}, {definition[at:]}"


def create_scope(db: Any, row: str) -> bool:
    """Schema step 27 on PostgreSQL: the scope column, filled, its triggers, and its indexes
    (``row``: the search row of customer ``cid`` in PostgreSQL's dialect, for ``sd_search_refresh``);
    True when the GIN indexes lead with it (btree_gin), False when a btree index serves it instead
    (the extension is not on the server, or the migrating owner may not create it)."""
    from sellerdesk.store.postgres import native

    for sql in (*scope_schema_sql(), refresh_function_sql(row, scoped=True)):
        native(db, sql)
    try:
        with db.atomic():  # a savepoint: a refusal undoes only this
            native(db, "CREATE EXTENSION IF NOT EXISTS btree_gin")
        gin_scoped = True
    except pw.DatabaseError:
        gin_scoped = False
    # the fill rewrites every row: without the GIN indexes (made again after, led by the scope),
    # at 100k rows ~5 s instead of ~26 s
    found = native(
        db,
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s "
        "AND indexdef LIKE '%% USING gin (%%' ORDER BY indexname",
        (TABLE,),
    ).fetchall()
    for name, _definition in found:
        native(db, f'DROP INDEX "{name}"')
    filled = native(db, FILL_SCOPE_SQL).rowcount
    for _name, definition in found:
        native(db, (scoped_index_sql(definition) or definition) if gin_scoped else definition)
    if gin_scoped:
        native(db, f"DROP INDEX IF EXISTS {SCOPE_INDEX}")
    else:
        native(db, f"CREATE INDEX IF NOT EXISTS {SCOPE_INDEX} ON {TABLE} ({SCOPE_COLUMN})")
    if filled:  # (not an empty table: analyzed empty, it was planned as such — a scan per refresh)
        native(db, f"ANALYZE {TABLE}")
    from sellerdesk.store import team

    group = team.group_role(team.OWNER, db)
    if native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone() is not None:
        # the owners' group's, as `team init` leaves every function (an owner migrating later
        # makes them anew: CREATE OR REPLACE needs their owner)
        for signature in SCOPE_FUNCTIONS:
            native(db, f'ALTER FUNCTION {signature} OWNER TO "{group}"')
    return gin_scoped


SCOPE_FUNCTIONS = (
    f"public.{SCOPE_FUNCTION}(text, text)",
    f"public.{SCOPE_ROW_FUNCTION}()",
    "public.sd_customer_search_scope()",
)


def has_index(db: pw.Database) -> bool:
    row = db.execute_sql("SELECT to_regclass('customer_fts') IS NOT NULL").fetchone()
    return bool(row and row[0])


def read_ids(db: Any, sql: str, params: Sequence[Any]) -> set[int]:
    """The ids ``sql`` (SQLite's dialect) finds, as one array."""
    row = db.execute_sql(f"SELECT array_agg(q.c) FROM ({sql}) AS q(c)", params).fetchone()
    return set(row[0]) if row and row[0] else set()


# --- the grams as integer codes (schema 28) ----------------------------------------------------------------------
#
# A big first import builds the search table's GIN indexes after its commit (store.index_builds),
# on the import's critical path; the grams index was the longest of them: 3.7-3.9 s at 100k rows
# over text[] (GIN compares its keys as text), 2.1-2.3 s over the same pieces as int8 codes
# (benchmarks/bench_exchange.py). A team made before has its grams (and the masked copy's) as
# text: step 28 makes them codes.
_TEXT_GRAMS_INDEX = re.compile(r'\b((?:masked_)?grams) COLLATE "C"')


def gram_codes_index_sql(definition: str) -> str:
    """A GIN index definition over the text grams (pg_indexes.indexdef, or a ``pending_index:``
    record of store.index_builds) made over their codes: the same index, led by the scope or not,
    without the text's collation."""
    return _TEXT_GRAMS_INDEX.sub(r"\1", definition)


def has_text_grams(db: Any) -> bool:
    """Whether the search table's grams are text still (a team made before schema 28)."""
    from sellerdesk.store.postgres import native

    sql = (
        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = to_regclass(%s) AND attname = 'grams' AND NOT attisdropped"
    )
    row = native(db, sql, (f"public.{TABLE}",)).fetchone()
    return bool(row and row[0] == "text[]")


def make_gram_codes(db: Any) -> bool:
    """Schema step 28 on PostgreSQL: the search table's ``grams`` (a generated column: dropped and
    added again, the table rewritten once) and the masked copy ``masked_grams`` (kept by
    store.masking_pg's trigger: made again in the same rewrite when it holds them) become int8[]
    gram codes; their GIN indexes are made again as they were (led by the scope or not), and a
    ``pending_index:`` record of an import stopped before its builds names the new index. The
    masked view of the table (whose ``grams`` is the copy) is made again with its owner and grants.
    False when there was nothing to change (a database made at 28)."""
    from sellerdesk.store import masking_pg
    from sellerdesk.store.postgres import native

    if not has_text_grams(db):
        return False
    view = f"{masking_pg.SCHEMA}.{TABLE}"
    owner = native(db, "SELECT relowner::regrole::text FROM pg_class WHERE oid = to_regclass(%s)", (view,)).fetchone()
    grants = native(
        db,
        "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, a.privilege_type "
        "FROM pg_class c, aclexplode(c.relacl) AS a WHERE c.oid = to_regclass(%s) AND a.grantee <> c.relowner",
        (view,),
    ).fetchall()
    if owner is not None:
        native(db, f"DROP VIEW {view}")  # (its write trigger with it; made again below)
    indexes = native(
        db,
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = %s "
        "AND indexdef LIKE '%% USING gin (%%grams%%' ORDER BY indexname",
        (TABLE,),
    ).fetchall()
    for name, _definition in indexes:
        native(db, f'DROP INDEX "{name}"')
    masked = native(
        db,
        "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attname = 'masked_grams' AND NOT attisdropped",
        (f"public.{TABLE}",),
    ).fetchone()
    native(db, f"ALTER TABLE {TABLE} DROP COLUMN grams")
    native(db, "DROP FUNCTION IF EXISTS sd_grams(VARIADIC text[])")
    native(db, GRAMS_FUNCTION_SQL)
    native(db, GRAM_CODE_SQL)
    # one rewrite of the table: the codes made, and the masked copy's too where it is kept (the
    # trigger's own expression, masking_pg.COPIES_FUNCTION_SQL); NULL where it is not
    alter = f"ALTER TABLE {TABLE} ADD COLUMN grams {GRAMS_COLUMN_SQL}"
    if masked:
        alter += (
            ", ALTER COLUMN masked_grams TYPE int8[] USING (CASE WHEN masked_grams IS NULL THEN NULL "
            "ELSE sd_grams(name, wechat, masked_phones, address) END)"
        )
    native(db, alter)
    for _name, definition in indexes:
        native(db, gram_codes_index_sql(definition))
    # an import stopped before its builds (store.index_builds): its record builds the new index
    records = native(
        db,
        "SELECT key, value FROM meta WHERE key LIKE %s AND value LIKE '%% USING gin (%%grams%%'",
        ("pending\\_index:%",),
    ).fetchall()
    for key, value in records:
        native(db, "UPDATE meta SET value = %s WHERE key = %s", (gram_codes_index_sql(value), key))
    if native(db, f"SELECT EXISTS (SELECT 1 FROM {TABLE})").fetchone()[0]:
        native(db, f"ANALYZE {TABLE}")
    from sellerdesk.store import team

    group = team.group_role(team.OWNER, db)
    if native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone() is not None:
        for signature in GRAMS_FUNCTIONS:
            native(db, f'ALTER FUNCTION {signature} OWNER TO "{group}"')
    if owner is not None:
        masking_pg.create_views(db)
        native(db, f"ALTER VIEW {view} OWNER TO {owner[0]}")
        for grantee, privilege in grants:
            native(db, f"GRANT {privilege} ON {view} TO {grantee}")
    return True


GRAMS_FUNCTIONS = ("public.sd_grams(text[])", f"public.{GRAM_CODE}(text)")
