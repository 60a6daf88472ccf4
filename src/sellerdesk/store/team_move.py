"""Every row of one store copied into another, EMPTY one, in one transaction, then checked.

Team mode's "move my data to the team server" (the local SQLCipher file into a team database)
and its backups (a team database into a fresh SQLCipher file, the ``.sdbackup`` payload; a
backup's file into a team database, a restore) are the same operation in two directions:
:func:`copy_database`. Nothing above this module copies rows; ``backup/team.py`` adds the
way back (an encrypted copy of the local file first) and the ``.sdbackup`` around it.

* Which tables: those of the SQLite side that the other side has too, in foreign-key order
  (parents first). The SQLite-only search tables (FTS5 and its shadow tables) are left out:
  a SQLite target builds its index from the rows, a team server has its own indexes. A table
  or column the target lacks is refused, never dropped silently.
* The target must hold no rows (``meta`` aside: its keys that the source has too are left as
  the target has them, the schema version first; both sides must be at the same version).
  Into a team server the team's own tables (:data:`MERGED_TABLES`: its users, their regions,
  who is in charge of what) are no customer data either: ``team init`` fills them, and a move
  or a restore may come before or after it. Their rows are merged: the source's users the
  target has not are added (a user of the same name keeps the target's row), and they are not
  checked as the other tables are. A team database's groups and grants for the users who came
  with a restore are made by ``team init`` (``store.team.setup``; the restore runs it).
* Into PostgreSQL: one ``COPY … FROM STDIN`` per table with the rows' own ids, the tables'
  own triggers switched off for the copy where the user owns them (the rows come with their
  maintained columns already: ``address_key``, totals) and its foreign keys and secondary
  indexes dropped and made again at the end (one pass over each table instead of a lookup per
  row), then every id sequence set past the highest id. Out of PostgreSQL: ``COPY (SELECT …)
  TO STDOUT`` as text (timestamps read back in the form SQLite stores them) into
  ``executemany``; the search index is built at the end.
* Checked before the commit: per table the row count, the sum of every integer column (ids,
  amounts in 分, points, flags) and of the length of every text column, the same SQL on both
  sides. Any difference raises :class:`MoveCheckError` and rolls everything back.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store import bulk, index_builds
from sellerdesk.store.errors import StoreError
from sellerdesk.store.postgres import is_postgres, native

log = logging.getLogger(__name__)

MSG_COPY = "Copying {table}…"
MSG_CHECK = "Checking the copy…"
BATCH = 5000

# (table, column) of a pinyin sort key: "zhang san\x00张三" on SQLite, U+0001 on a team server
# (PostgreSQL's text holds no NUL; store.postgres sends it so): put back when copied out of it.
NUL_COLUMNS = {("customer", "name_pinyin")}

# The team's own tables: filled by ``team init`` as well, merged into a team server (module doc).
# table → the columns it is merged on (its primary or unique key; team_grant's id is the target's).
MERGED_TABLES = {"team_user": ("name",), "team_grant": ("user_name", "province"), "team_region_owner": ("region",)}


class TargetNotEmptyError(StoreError):
    def __init__(self, table: str, rows: int) -> None:
        super().__init__(
            f"The target database is not empty: its table {table} holds {rows} rows. "
            "Moving needs an empty team database; nothing was changed."
        )
        self.table = table
        self.rows = rows


class SchemaMismatchError(StoreError):
    def __init__(self, what: str) -> None:
        super().__init__(f"The two databases do not have the same tables: {what}. Nothing was changed.")
        self.what = what


class MoveCheckError(StoreError):
    """The copy did not arrive whole; everything was rolled back."""

    def __init__(self, table: str, what: str, source: Any, target: Any) -> None:
        super().__init__(
            f"The copy of {table} does not match ({what}: {source} here, {target} there); "
            "it was rolled back and nothing was changed."
        )
        self.table = table
        self.what = what


@dataclass
class MoveResult:
    counts: dict[str, int] = field(default_factory=dict)  # table → rows copied
    seconds: float = 0.0

    @property
    def customers(self) -> int:
        return self.counts.get("customer", 0)


# ------------------------------------------------------------------------------------ the schema


def _is_search_table(name: str) -> bool:
    from sellerdesk.store.search import FTS_TABLE, GRAMS_TABLE

    return name.startswith((FTS_TABLE, GRAMS_TABLE))


def _sqlite_tables(db: pw.Database) -> list[str]:
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows if not _is_search_table(r[0])]


def _sqlite_columns(db: pw.Database, table: str) -> list[str]:
    return [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]


def _sqlite_parents(db: pw.Database, table: str) -> set[str]:
    return {row[2] for row in db.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()} - {table}


def _pg_columns(db: pw.Database) -> dict[str, dict[str, str]]:
    """table → {column: data type} of the team database's own tables."""
    found: dict[str, dict[str, str]] = {}
    rows = native(
        db,
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
    ).fetchall()
    for table, column, kind in rows:
        found.setdefault(table, {})[column] = kind
    return found


_INTEGER_TYPES = ("integer", "bigint", "smallint")
_TEXT_TYPES = ("text", "character varying", "character")


@dataclass
class _Table:
    name: str
    columns: list[str]
    integers: list[str]
    texts: list[str]


def plan_tables(sqlite_db: pw.Database, team_db: pw.Database) -> list[_Table]:
    """The tables both sides share, parents first, with the columns to copy and to check."""
    pg = _pg_columns(team_db)
    names = _sqlite_tables(sqlite_db)
    missing = [n for n in names if n not in pg]
    if missing:
        raise SchemaMismatchError("no table " + ", ".join(missing) + " on the team server")
    tables: dict[str, _Table] = {}
    for name in names:
        columns = _sqlite_columns(sqlite_db, name)
        lacking = [c for c in columns if c not in pg[name]]
        if lacking:
            raise SchemaMismatchError(f"no column {', '.join(lacking)} in {name} on the team server")
        kinds = pg[name]
        tables[name] = _Table(
            name,
            columns,
            [c for c in columns if kinds[c] in _INTEGER_TYPES],
            [c for c in columns if kinds[c] in _TEXT_TYPES],
        )
    ordered: list[str] = []
    parents = {name: _sqlite_parents(sqlite_db, name) & set(tables) for name in tables}
    while len(ordered) < len(tables):
        ready = sorted(n for n in tables if n not in ordered and parents[n] <= set(ordered))
        if not ready:  # a cycle: the rest in name order (foreign keys checked at the end of each COPY)
            ready = sorted(n for n in tables if n not in ordered)
        ordered.extend(ready)
    return [tables[n] for n in ordered]


# ------------------------------------------------------------------------------------- the checks


def _facts_sql(table: _Table, postgres: bool) -> str:
    # bytes, not characters: SQLite's length() of a text stops at a NUL (the pinyin sort keys)
    size = "octet_length({})" if postgres else "length(CAST({} AS BLOB))"
    parts = ["count(*)"]
    parts += [f'coalesce(sum("{c}"), 0)' for c in table.integers]
    parts += [f"coalesce(sum({size.format(chr(34) + c + chr(34))}), 0)" for c in table.texts]
    return f'SELECT {", ".join(parts)} FROM "{table.name}"'


def _facts(db: pw.Database, table: _Table) -> list[int]:
    postgres = is_postgres(db)
    sql = _facts_sql(table, postgres)
    row = (native(db, sql) if postgres else db.execute_sql(sql)).fetchone()
    return [int(v or 0) for v in row]


def _check(source: pw.Database, target: pw.Database, table: _Table) -> None:
    if table.name == "meta" or (is_postgres(target) and table.name in MERGED_TABLES):
        return  # its rows are merged, not copied whole (see the module doc)
    mine, theirs = _facts(source, table), _facts(target, table)
    names = ["rows", *(f"sum of {c}" for c in table.integers), *(f"length of {c}" for c in table.texts)]
    for what, a, b in zip(names, mine, theirs, strict=True):
        if a != b:
            raise MoveCheckError(table.name, what, a, b)


def _require_empty(db: pw.Database, tables: Sequence[_Table]) -> None:
    merged = is_postgres(db)
    for table in tables:
        if table.name == "meta" or (merged and table.name in MERGED_TABLES):
            continue
        if db.execute_sql(f'SELECT 1 FROM "{table.name}" LIMIT 1').fetchone() is not None:
            rows = db.execute_sql(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
            raise TargetNotEmptyError(table.name, int(rows))


def is_empty(sqlite_db: pw.Database, team_db: pw.Database) -> bool:
    """Whether the team database holds none of the rows a copy would bring."""
    try:
        _require_empty(team_db, plan_tables(sqlite_db, team_db))
    except TargetNotEmptyError:
        return False
    return True


# -------------------------------------------------------------------------------------- the copy


def _meta_rows(db: pw.Database) -> dict[str, str]:
    return dict(db.execute_sql('SELECT "key", "value" FROM "meta"').fetchall())


def _copy_meta(source: pw.Database, target: pw.Database) -> int:
    """The source's settings the target has not (the target keeps its own, the schema version first)."""
    theirs = _meta_rows(target)
    # (not an index a big import left for after its commit: the target's own are built there)
    mine = {k: v for k, v in _meta_rows(source).items() if not k.startswith(index_builds.PREFIX)}
    if mine.get("schema_version") != theirs.get("schema_version"):
        raise SchemaMismatchError(
            f"schema version {mine.get('schema_version')} here, {theirs.get('schema_version')} there"
        )
    rows = [(k, v) for k, v in mine.items() if k not in theirs]
    for key, value in rows:
        target.execute_sql('INSERT INTO "meta" ("key", "value") VALUES (?, ?)', (key, value))
    return len(rows)


def _sqlite_rows(db: pw.Database, table: _Table, token: CancelToken | None) -> Iterator[Sequence[Any]]:
    names = ", ".join(f'"{c}"' for c in table.columns)
    order = ' ORDER BY "id"' if "id" in table.columns else ""
    cursor = db.execute_sql(f'SELECT {names} FROM "{table.name}"{order}')
    while True:
        rows = cursor.fetchmany(BATCH)
        if not rows:
            return
        if token is not None:
            token.check()
        yield from rows


@contextlib.contextmanager
def _triggers_off(db: pw.Database, tables: Sequence[_Table]) -> Iterator[None]:
    """The team tables' own triggers off during the copy (the rows bring their maintained
    columns), when this user owns the tables; else they run (same result, slower)."""
    switched: list[str] = []
    for table in tables:
        try:
            with db.atomic():  # a savepoint: a refusal leaves the transaction usable
                native(db, f'ALTER TABLE "{table.name}" DISABLE TRIGGER USER')
            switched.append(table.name)
        except (pw.DatabaseError, StoreError) as exc:
            log.info("triggers of %s stay on during the copy: %s", table.name, type(exc).__name__)
    yield
    for name in switched:
        native(db, f'ALTER TABLE "{name}" ENABLE TRIGGER USER')


# The indexes of the team tables that no constraint owns (the primary keys and unique
# constraints stay: they check the rows as they come).
_PG_INDEXES_SQL = (
    "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = %s "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
    "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) ORDER BY i.indexname"
)


_PG_FOREIGN_KEYS_SQL = (
    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' "
    "AND conrelid = (quote_ident(current_schema()) || '.' || quote_ident(%s))::regclass ORDER BY conname"
)


def _try(db: pw.Database, sql: str) -> bool:
    try:
        with db.atomic():  # a savepoint: a refusal (not the tables' owner) leaves the transaction usable
            native(db, sql)
    except (pw.DatabaseError, StoreError) as exc:
        log.info("kept during the copy (%s): %s", type(exc).__name__, sql[:80])
        return False
    return True


@contextlib.contextmanager
def _checks_later(db: pw.Database, tables: Sequence[_Table]) -> Iterator[None]:
    """The team tables' foreign keys and secondary indexes dropped for the copy, then built and
    checked once over the whole tables at the end: row by row they were most of a move's time
    (a key lookup in the parent table for every row). In the same transaction: a rollback brings
    them back. Only where this user owns the tables; the target is empty and its tables are
    locked by the copy anyway (:func:`_triggers_off`)."""
    again: list[str] = []
    keys: list[str] = []
    for table in tables:
        for name, definition in native(db, _PG_FOREIGN_KEYS_SQL, (table.name,)).fetchall():
            if _try(db, f'ALTER TABLE "{table.name}" DROP CONSTRAINT "{name}"'):
                keys.append(f'ALTER TABLE "{table.name}" ADD CONSTRAINT "{name}" {definition}')
    for table in tables:
        for name, sql in native(db, _PG_INDEXES_SQL, (table.name,)).fetchall():
            if _try(db, f'DROP INDEX "{name}"'):
                again.append(sql)
    yield
    for sql in again + keys:  # (adding a foreign key checks every row against its parent: one join)
        native(db, sql)


def _into_postgres(
    source: pw.Database, target: pw.Database, tables: Sequence[_Table], progress: ProgressCallback, token: Any
) -> dict[str, int]:
    counts: dict[str, int] = {}
    conn = target.connection()
    totals = {t.name: source.execute_sql(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in tables}
    grand, done = max(1, sum(totals.values())), 0
    for table in tables:  # before _checks_later drops team_grant's unique index, which the merge needs
        if table.name in MERGED_TABLES:
            counts[table.name] = _merge_rows(source, target, table)
    with _triggers_off(target, tables), _checks_later(target, tables):
        for table in tables:
            if table.name in MERGED_TABLES:
                continue
            if table.name == "meta":
                counts["meta"] = _copy_meta(source, target)
                continue
            progress(done, grand, MSG_COPY.format(table=table.name))
            counts[table.name] = bulk.copy_rows(
                conn, table.name, table.columns, _sqlite_rows(source, table, token), getattr(target, "user_name", "")
            )
            done += counts[table.name]
    bulk.fix_sequences([t.name for t in tables if "id" in t.columns], target)
    _refill_search(target)
    return counts


def _merge_rows(source: pw.Database, target: pw.Database, table: _Table) -> int:
    """The source's rows of a team table that the target lacks (by its key), added; returns how many."""
    columns = [c for c in table.columns if not (c == "id" and table.name == "team_grant")]
    names = ", ".join(f'"{c}"' for c in columns)
    key = ", ".join(f'"{c}"' for c in MERGED_TABLES[table.name])
    rows = source.execute_sql(f'SELECT {names} FROM "{table.name}"').fetchall()
    added = 0
    for row in rows:
        marks = ", ".join(["%s"] * len(columns))
        cursor = native(
            target, f'INSERT INTO "{table.name}" ({names}) VALUES ({marks}) ON CONFLICT ({key}) DO NOTHING', row
        )
        added += max(cursor.rowcount, 0)
    return added


def _refill_search(target: pw.Database) -> None:
    """The team server's search table made from the copied rows (its triggers were off, and
    SQLite's FTS5 tables are not copied: they are SQLite's own)."""
    from sellerdesk.store import masking_pg, search, search_pg

    if search_pg.has_index(target):
        # the copied team may have a helper whose phones are masked: their search's copies (schema 24)
        masking_pg.keep_copies_as_needed(target.connection())
        search.rebuild(target)


def _pg_rows(db: pw.Database, table: _Table, token: CancelToken | None) -> Iterator[tuple[Any, ...]]:
    names = ", ".join(f'"{c}"' for c in table.columns)
    order = ' ORDER BY "id"' if "id" in table.columns else ""
    fix = [i for i, c in enumerate(table.columns) if (table.name, c) in NUL_COLUMNS]
    conn = db.connection()
    with conn.cursor() as cursor, cursor.copy(f'COPY (SELECT {names} FROM "{table.name}"{order}) TO STDOUT') as copy:
        for count, row in enumerate(copy.rows()):
            if fix:
                row = list(row)
                for i in fix:
                    if row[i] is not None:
                        row[i] = row[i].replace("\x01", "\x00")
            if token is not None and count % BATCH == 0:
                token.check()
            yield tuple(row)


def _into_sqlite(
    source: pw.Database, target: pw.Database, tables: Sequence[_Table], progress: ProgressCallback, token: Any
) -> dict[str, int]:
    from sellerdesk.store import search

    counts: dict[str, int] = {}
    native(source, "SET LOCAL DateStyle = 'ISO, YMD'")  # timestamps as SQLite keeps them: 2024-05-01 09:30:00
    totals = {t.name: source.execute_sql(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in tables}
    grand, done = max(1, sum(totals.values())), 0
    with search.bulk_load(target):  # the search index from the rows at the end, not row by row
        for table in tables:
            if table.name == "meta":
                counts["meta"] = _copy_meta(source, target)
                continue
            progress(done, grand, MSG_COPY.format(table=table.name))
            names = ", ".join(f'"{c}"' for c in table.columns)
            marks = ", ".join("?" * len(table.columns))
            sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
            rows = _pg_rows(source, table, token)
            cursor = target.cursor()
            count = 0
            while True:
                chunk = [row for _, row in zip(range(BATCH), rows)]
                if not chunk:
                    break
                cursor.executemany(sql, chunk)
                count += len(chunk)
            counts[table.name] = count
            done += count
    return counts


def copy_database(
    source: pw.Database,
    target: pw.Database,
    *,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
    note: str | None = None,
) -> MoveResult:
    """Copy every row of ``source`` into the empty ``target`` (one is SQLite, the other a team
    server) in one transaction of the target's, checked before the commit (see the module doc).

    Refuses (changing nothing) a target that holds rows (:class:`TargetNotEmptyError`), tables
    or columns it lacks, another schema version (:class:`SchemaMismatchError`); a copy that
    does not match its source is rolled back (:class:`MoveCheckError`). ``note``: the action of
    an audit entry written in the target after the check (counts only), e.g. ``move_local``.
    """
    started = time.perf_counter()
    into_pg = is_postgres(target)
    if into_pg == is_postgres(source):
        raise ValueError("copy_database copies between SQLite and a team server")
    sqlite_db, team_db = (source, target) if into_pg else (target, source)
    tables = plan_tables(sqlite_db, team_db)
    read = team_db.atomic() if not into_pg else contextlib.nullcontext()
    with read, target.atomic():
        if not into_pg:
            native(source, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one consistent view of the team
        _require_empty(target, tables)
        if into_pg:
            counts = _into_postgres(source, target, tables, progress, token)
        else:
            counts = _into_sqlite(source, target, tables, progress, token)
        progress(0, 0, MSG_CHECK)
        for table in tables:
            if token is not None:
                token.check()
            _check(source, target, table)
        if note:
            from sellerdesk.store.models import dump_json, utcnow

            detail = {k: v for k, v in counts.items() if k in ("customer", "address", "orders")}
            target.execute_sql(
                'INSERT INTO "audit_entry" ("at", "action", "entity", "entity_id", "detail") VALUES (?, ?, ?, ?, ?)',
                (str(utcnow()), note, "database", None, dump_json(detail)),
            )
    result = MoveResult(counts, time.perf_counter() - started)
    log.info("copied %d customers in %.1f s", result.customers, result.seconds)
    return result
