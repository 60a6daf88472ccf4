"""Team mode's backend: the same peewee models on a PostgreSQL server, through psycopg 3.

Nothing above ``store/`` knows which backend it talks to. The store's SQL is written once, in
SQLite's dialect (``?`` parameters, ``INSERT OR IGNORE``, ``char(1)``, ``INDEXED BY`` hints);
:func:`to_postgres` turns a raw statement into PostgreSQL's, and the few SQLite functions the
store calls that PostgreSQL lacks (``instr``, ``json_extract``, ``group_concat``) are created on
the server by :data:`COMPAT_SQL` (schema step 0 of a team database). Where the two engines need
different statements (search, triggers, expression indexes) the store module asks
:func:`is_postgres` and says so next to the SQLite version.

Peewee's own queries are built for PostgreSQL by peewee and bypass the translation.
Booleans are stored as integers on both backends (the schema's first version declared them
INTEGER), so the connection sends Python ``True``/``False`` as ``1``/``0``.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

import peewee as pw

from sellerdesk.store.errors import (  # noqa: F401 (the team errors are raised here and imported from here too)
    BadServerUrlError,
    NoPermissionError,
    ServerLoginError,
    ServerTooOldError,
    ServerUnreachableError,
    StoreError,
)

log = logging.getLogger(__name__)

URL_SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT_S = 10
# How long a statement waits for a row or table lock another session holds (an edit left open
# in psql, a long move) before giving up with DatabaseBusyError: as long as a local writer
# waits for SQLite's write lock (store.database.WRITE_WAIT_SECONDS). Tests shorten it.
LOCK_TIMEOUT_S = 120.0


# ----------------------------------------------------------------------------------- the dialect

# The SQLite functions the store's SQL uses that PostgreSQL has not, made on the server once.
# IMMUTABLE where an index expression uses them (json_extract on the order's ship-to snapshot).
COMPAT_SQL = [
    "CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS 'SELECT strpos($1, $2)'",
    # json_extract(doc, '$.a.b') of a text column holding JSON; NULL for a missing path or NULL doc
    "CREATE OR REPLACE FUNCTION json_extract(text, text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS $$SELECT CASE WHEN $1 IS NULL OR $1 = '' THEN NULL "
    "ELSE ($1::jsonb) #>> string_to_array(substr($2, 3), '.') END$$",
    "CREATE OR REPLACE FUNCTION sd_concat_sep(acc text, item text, sep text) RETURNS text LANGUAGE sql "
    "IMMUTABLE AS $$SELECT CASE WHEN item IS NULL THEN acc WHEN acc IS NULL THEN item ELSE acc || sep || item END$$",
    "CREATE OR REPLACE FUNCTION sd_concat(acc text, item text) RETURNS text LANGUAGE sql IMMUTABLE "
    "AS $$SELECT sd_concat_sep(acc, item, ',')$$",
    "DO $$BEGIN CREATE AGGREGATE group_concat(text) (SFUNC = sd_concat, STYPE = text); "
    "EXCEPTION WHEN duplicate_function THEN NULL; END$$",
    "DO $$BEGIN CREATE AGGREGATE group_concat(text, text) (SFUNC = sd_concat_sep, STYPE = text); "
    "EXCEPTION WHEN duplicate_function THEN NULL; END$$",
    "CREATE OR REPLACE FUNCTION ifnull(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE "
    "AS 'SELECT coalesce($1, $2)'",
    # json_group_array(x) as SQLite's: the JSON array as text. array_append's own C transition
    # over an array state (linear: PostgreSQL hands the state on as an expanded array; 300k ids
    # in 0.3 s, json_agg 0.2 s), made JSON once at the end. Not json_agg's own transition
    # (STYPE internal): only a superuser may create that, and a team's owner usually is none.
    # An older database has that one already: it is kept (two would make calls ambiguous).
    "CREATE OR REPLACE FUNCTION sd_json_array(anycompatiblearray) RETURNS text LANGUAGE sql IMMUTABLE "
    "AS 'SELECT array_to_json($1)::text'",
    "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'json_group_array' "
    "AND pronamespace = 'public'::regnamespace) THEN CREATE AGGREGATE json_group_array(anycompatible) "
    "(SFUNC = array_append, STYPE = anycompatiblearray, FINALFUNC = sd_json_array); END IF; END$$",
]

_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\$\$.*?\$\$|\?|%", re.S)
_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!I)\bLIKE\b"), "ILIKE"),  # SQLite's LIKE ignores the case of ASCII letters
    (re.compile(r"\s+NOT\s+INDEXED\b", re.I), ""),
    (re.compile(r"\bchar\(0\)", re.I), "chr(1)"),
    (re.compile(r"\bchar\(", re.I), "chr("),
    (re.compile(r"\bDATETIME\b"), "TIMESTAMP"),
    (re.compile(r"\bINTEGER NOT NULL PRIMARY KEY\b"), "SERIAL PRIMARY KEY"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
]
# Whole expressions whose SQLite form has no PostgreSQL twin (applied before the literals are
# set aside: they contain quoted names): the last character; a date's month and day as MMDD
# (immutable, so the birthday index of schema 13 can use it).
_EXPRESSIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\b(?:AND|OR|WHERE|ON|NOT)\s+|\()\+(?=[\"\w])", re.I), r"\1"),  # SQLite's unary + index hint
    # SQLite's join-order hint: CROSS JOIN … ON is an inner join there (PostgreSQL's CROSS JOIN takes no ON)
    (re.compile(r"\bCROSS\s+JOIN\s+((?:\"\w+\"|\w+)(?:\s+(?:AS\s+)?\w+)?\s+ON)\b", re.I), r"JOIN \1"),
    (re.compile(r"\bsubstr\((\"\w+\"|\w+(?:\.\w+)?), -1\)", re.I), r"right(\1, 1)"),
    # a JSON array of ids handed over as one parameter: ``id IN (SELECT value FROM json_each(?))``
    (
        re.compile(r"\bSELECT value FROM json_each\(\?\)", re.I),
        "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json)) AS value",
    ),
    (
        re.compile(r"CAST\(replace\(substr\((\"\w+\"|\w+(?:\.\w+)?), 6, 5\), '-', ''\) AS INTEGER\)"),
        r"CAST(EXTRACT(MONTH FROM \1) * 100 + EXTRACT(DAY FROM \1) AS INTEGER)",
    ),
]
_INDEXED_BY = re.compile(r"\s+INDEXED\s+BY\s+(?:\"\w+\"|\w+)", re.I)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\"?\w+\"?)\s*\(([^)]*)\)", re.I)


def _outside_literals(sql: str, fn: Any) -> str:
    """Apply ``fn`` to the parts of ``sql`` outside string literals and quoted identifiers."""
    out: list[str] = []
    pos = 0
    for match in re.finditer(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\$\$.*?\$\$", sql, re.S):
        out.append(fn(sql[pos : match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(fn(sql[pos:]))
    return "".join(out)


def _has_native_placeholder(sql: str) -> bool:
    found = False

    def look(part: str) -> str:
        nonlocal found
        found = found or "%s" in part or "%(" in part
        return part

    _outside_literals(sql, look)
    return found


def _plain_rewrites(part: str) -> str:
    for pattern, replacement in _REWRITES:
        part = pattern.sub(replacement, part)
    return part


def to_postgres(sql: str) -> str:
    """A raw statement of the store (SQLite's dialect) as PostgreSQL's: ``?`` → ``%s``, a literal
    ``%`` doubled, SQLite-only hints dropped, ``INSERT OR IGNORE/REPLACE`` as ``ON CONFLICT``."""
    if _has_native_placeholder(sql):
        return sql  # peewee's own SQL for PostgreSQL (get_tables, the migrator…)
    conflict = ""
    match = _INSERT_OR.match(sql)
    if match:
        kind, table, columns = match.groups()
        sql = f"INSERT INTO {table} ({columns})" + sql[match.end() :]
        if kind.upper() == "IGNORE":
            conflict = " ON CONFLICT DO NOTHING"
        else:
            cols = [c.strip() for c in columns.split(",")]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols[1:])
            conflict = f" ON CONFLICT ({cols[0]}) DO " + (f"UPDATE SET {sets}" if sets else "NOTHING")
    sql = _INDEXED_BY.sub("", sql)
    for pattern, replacement in _EXPRESSIONS:
        sql = pattern.sub(replacement, sql)
    sql = _outside_literals(sql, _plain_rewrites)

    def placeholder(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%") if token.startswith("'") else token

    sql = _TOKEN.sub(placeholder, sql)
    return sql.rstrip().rstrip(";") + conflict if conflict else sql


def is_postgres(db: Any) -> bool:
    """Whether ``db`` (a peewee database, or the bound ``DB`` proxy) is a team server."""
    obj = getattr(db, "obj", db)
    return isinstance(obj, pw.PostgresqlDatabase)


# --------------------------------------------------------------------------------- the database


def _adapt(conn: Any) -> None:
    """Booleans as the integers the schema declares; the NUL that ends a pinyin sort key's
    reading (``core.pinyin.sort_key``: ``"zhang san\\x00张三"``) as U+0001, which sorts the same
    and which PostgreSQL's text can hold (``char(0)`` in the store's SQL reads ``chr(1)``).
    JSON results (``json_group_array``) as their text, as SQLite gives them: the store parses them.
    A ``numeric`` (what ``sum()`` of an integer column is on PostgreSQL) as SQLite's answer: an
    int when whole, else a float, so totals in 分 stay ints (and JSON-able) on both backends."""
    from psycopg.adapt import Loader
    from psycopg.types.numeric import IntDumper
    from psycopg.types.string import StrDumperUnknown, TextLoader

    class BoolAsInt(IntDumper):
        def dump(self, obj: Any) -> bytes:
            return b"1" if obj else b"0"

    class TextWithoutNul(StrDumperUnknown):
        def dump(self, obj: str) -> Any:
            return super().dump(obj.replace("\x00", "\x01") if "\x00" in obj else obj)

    class NumericAsSqlite(Loader):
        def load(self, data: Any) -> int | float:
            text = bytes(data).decode("ascii")
            return int(text) if text.lstrip("-").isdigit() else float(text)

    conn.adapters.register_dumper(bool, BoolAsInt)
    conn.adapters.register_loader("numeric", NumericAsSqlite)
    conn.adapters.register_dumper(str, TextWithoutNul)
    for json_type in ("json", "jsonb"):
        conn.adapters.register_loader(json_type, TextLoader)


# An UPDATE of a table a masked helper reads through a view (store.masking_pg): its target.
_MASKED_UPDATE = re.compile(r'^\s*UPDATE\s+"?(customer|address|orders|address_change|customer_merge)"?(?=\s)', re.I)


def direct_update(sql: str) -> str:
    """For a helper whose phones are masked: an UPDATE of a masked table that names none of its
    masked columns goes to the table itself (``public.``), under the same policies and triggers,
    instead of row by row through the view's INSTEAD OF trigger (500 customers tagged: 3.1 s
    through the view, 0.2 s on the table). One that names a masked column stays on the view,
    which keeps a stored phone from its mask."""
    match = _MASKED_UPDATE.match(sql)
    if not match:
        return sql
    from sellerdesk.store.masking_pg import MASKED

    table = match.group(1).lower()
    if any(re.search(rf"\b{column}\b", sql) for column in MASKED[table]):
        return sql
    return f'UPDATE public."{table}"' + sql[match.end() :]


class TeamDatabase(pw.PostgresqlDatabase):
    """A PostgreSQL database as the store uses it: raw SQL translated, failures named."""

    where: str = ""
    user_name: str = ""
    masked: bool = False  # the connected user reads phones masked (the masked views first)
    standing: Any = None  # store.team.Standing read as the app connected (ui/startup/team.py), used once

    def __init__(self, database: str, **kwargs: Any) -> None:
        kwargs.setdefault("prefer_psycopg3", True)
        kwargs.setdefault("autorollback", False)
        super().__init__(database, **kwargs)
        # the server processes of this program's connections (one per thread): change
        # notifications they caused are this program's own (store/notify.py)
        self.backend_pids: set[int] = set()

    def _connect(self) -> Any:
        import psycopg

        try:
            conn = super()._connect()  # type: ignore[misc]
        except psycopg.OperationalError as exc:
            raise connection_error(exc, self.where, self.user_name) from exc
        _adapt(conn)
        conn.execute("SELECT set_config('lock_timeout', %s, false)", (f"{int(LOCK_TIMEOUT_S * 1000)}ms",))
        self.backend_pids.add(conn.info.backend_pid)
        from sellerdesk.store.masking_pg import SCHEMA

        path = conn.execute("SELECT current_setting('search_path')").fetchone()[0]
        conn.commit()
        self.masked = path.split(",")[0].strip() == SCHEMA
        return conn

    # The schema's tables are in ``public``; peewee's introspection asks the current schema, which
    # for a helper whose phones are masked is the views' (store.masking_pg).
    def get_tables(self, schema: str | None = None) -> Any:
        return super().get_tables(schema or "public")

    def get_indexes(self, table: str, schema: str | None = None) -> Any:
        return super().get_indexes(table, schema or "public")

    def get_columns(self, table: str, schema: str | None = None) -> Any:
        return super().get_columns(table, schema or "public")

    def get_primary_keys(self, table: str, schema: str | None = None) -> Any:
        return super().get_primary_keys(table, schema or "public")

    def get_foreign_keys(self, table: str, schema: str | None = None) -> Any:
        return super().get_foreign_keys(table, schema or "public")

    # --- a connection the server dropped (restarted, pg_terminate_backend, network gone) ---------------------
    # peewee keeps a connection until close(): one the server ended stays "open" to it, and every
    # later statement of that thread failed with "the connection is closed" until the app was
    # restarted. Outside a transaction a broken connection is forgotten, so the next statement
    # connects anew; a BEGIN or a read at transaction depth 0 that finds the connection dead (nothing
    # of it ran on the server) is tried once more on a new one. A write or a statement inside a
    # transaction is never repeated: its error reaches the caller (lost_connection recognises it).

    def cursor(self, named_cursor: Any = None) -> Any:
        self._forget_broken()
        return super().cursor(named_cursor)  # type: ignore[no-untyped-call]

    def _forget_broken(self) -> bool:
        """Drop this thread's connection when the server ended it and no transaction is open."""
        state = self._state  # type: ignore[attr-defined]
        if state.closed or state.transactions or not self._conn_broken():
            return False
        conn = state.conn
        state.reset()
        with contextlib.suppress(Exception):
            conn.close()
        return True

    def begin(self, *args: Any, **kwargs: Any) -> None:
        import psycopg

        try:
            super().begin(*args, **kwargs)
        except (pw.OperationalError, pw.InterfaceError) as exc:
            cause = _driver_error(exc)
            if not isinstance(cause, (psycopg.OperationalError, psycopg.InterfaceError)) or not self._forget_broken():
                raise
            try:
                super().begin(*args, **kwargs)
            except (pw.OperationalError, pw.InterfaceError) as again:
                raise connection_error(_driver_error(again), self.where, self.user_name) from again

    def rollback(self) -> None:
        if self._state.transactions or not self._conn_broken():  # type: ignore[attr-defined]
            super().rollback()
        else:  # the server ended the transaction with the connection: nothing to roll back
            self._forget_broken()

    def execute_sql(self, sql: str, params: Sequence[Any] | None = None, *args: Any, **kwargs: Any) -> Any:
        """Raw SQL of the store, in SQLite's dialect."""
        sql = to_postgres(sql)
        return self._run(direct_update(sql) if self.masked else sql, params)

    def execute(self, query: Any, **context_options: Any) -> Any:
        ctx = self.get_sql_context(**context_options)
        sql, params = ctx.sql(query).query()
        return self._run(direct_update(sql) if self.masked else sql, params)

    def native_sql(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """PostgreSQL's own SQL, untranslated (``%s`` parameters)."""
        return self._run(sql, params)

    def _run(self, sql: str, params: Sequence[Any] | None) -> Any:
        import psycopg

        try:
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        except pw.OperationalError as exc:
            cause = _driver_error(exc)
            if isinstance(cause, psycopg.errors.LockNotAvailable):  # lock_timeout: another session's lock
                from sellerdesk.store.errors import DatabaseBusyError

                raise DatabaseBusyError(self.where) from exc
            if isinstance(cause, psycopg.OperationalError) and self._conn_broken():
                if _READ.match(sql) and self._forget_broken():  # a read outside a transaction: once more
                    try:
                        return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
                    except pw.OperationalError as again:
                        if not self._conn_broken():
                            raise
                        raise connection_error(_driver_error(again), self.where, self.user_name) from again
                raise connection_error(cause, self.where, self.user_name) from exc
            raise
        except pw.ProgrammingError as exc:
            cause = _driver_error(exc)
            if isinstance(cause, psycopg.errors.InsufficientPrivilege):  # a privilege, or a row-level policy
                raise NoPermissionError(self.user_name, str(cause)) from exc
            raise

    def release_connection(self) -> Any:
        """This thread's connection, let go of without closing it, for another thread to
        :meth:`adopt_connection` (the app connects in a worker at start and works on the UI thread:
        no second login there). psycopg's connections may change threads, one at a time."""
        state = self._state  # type: ignore[attr-defined]
        if state.transactions:
            raise RuntimeError("a connection inside a transaction cannot change threads")
        conn = state.conn
        state.reset()
        return conn

    def adopt_connection(self, conn: Any) -> None:
        """Use ``conn`` (from :meth:`release_connection`) as this thread's connection."""
        state = self._state  # type: ignore[attr-defined]
        if not state.closed and state.conn is not None and state.conn is not conn:
            with contextlib.suppress(Exception):
                state.conn.close()
        state.set_connection(conn)

    def _conn_broken(self) -> bool:
        conn = self._state.conn  # type: ignore[attr-defined]
        return conn is None or bool(getattr(conn, "closed", False)) or getattr(conn, "broken", False)

    def sqlite_in_transaction(self) -> bool:
        return self.in_transaction()


_READ = re.compile(r"\s*SELECT\b", re.IGNORECASE)
"""A statement that only reads (repeated once on a new connection when the old one was dead)."""


def _driver_error(exc: BaseException) -> BaseException:
    """psycopg's own exception behind peewee's (peewee re-raises it as the implicit context)."""
    return exc.__cause__ or exc.__context__ or exc


def connection_error(exc: BaseException, where: str, user: str) -> StoreError:
    """A psycopg connection failure as one of ours, naming the server."""
    text = first_line(exc)
    low = text.lower()
    if (
        "password authentication failed" in low
        or "no password supplied" in low
        or "role" in low
        and "does not exist" in low
    ):
        return ServerLoginError(user, where)
    return ServerUnreachableError(where, text)


def first_line(exc: BaseException) -> str:
    """The driver's first line of ``exc`` (libpq adds DETAIL/HINT lines), or its type's name."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def lost_connection(exc: BaseException) -> ServerUnreachableError | None:
    """``exc`` as :class:`ServerUnreachableError` when it is the team server going away in the
    middle of the work (stopped, network gone: a closed connection, SQLSTATE 08…/57P…), from
    any thread's statement; None for anything else (a deadlock or a refused row is not)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover (psycopg is a dependency)
        return None
    seen: BaseException | None = exc
    for _depth in range(10):
        if seen is None:
            return None
        if isinstance(seen, ServerUnreachableError):
            return seen
        if isinstance(seen, (psycopg.OperationalError, psycopg.InterfaceError)):
            state = getattr(seen, "sqlstate", None) or ""
            if state.startswith(("08", "57P")) or not state:
                from sellerdesk.store.models import DB

                where = getattr(DB.obj, "where", "") or "?"
                text = first_line(seen)
                return ServerUnreachableError(where, text)
            return None
        seen = seen.__cause__ or seen.__context__
    return None


def parse_url(url: str) -> dict[str, Any]:
    """The connection parameters of a ``postgresql://user:password@host:port/db?sslmode=…`` URL."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "Invalid IPv6 URL": an unclosed [
        raise BadServerUrlError(redact(url)) from exc
    if parts.scheme not in URL_SCHEMES:
        raise BadServerUrlError(redact(url))
    try:
        parts.port  # noqa: B018 (a port that is not a number raises here)
        params = conninfo_to_dict(url)
    except Exception as exc:  # psycopg.ProgrammingError for a malformed URL
        raise BadServerUrlError(redact(url)) from exc
    if not params.get("dbname"):
        params["dbname"] = unquote(parts.path.lstrip("/")) or "sellerdesk"
    return dict(params)


def redact(url: str) -> str:
    """The URL without its password (for messages and logs), even one that does not parse."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return re.sub(r"(://[^/@:]*:)[^/@]*@", r"\1***@", url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def describe(params: dict[str, Any]) -> str:
    host = params.get("host") or "localhost"
    port = params.get("port") or 5432
    return f"{params.get('dbname')} @ {host}:{port}"


MIN_SERVER_VERSION = 140000  # CREATE OR REPLACE TRIGGER (the migrations), PostgreSQL 14


def connect(url: str, *, user: str | None = None, password: str | None = None) -> TeamDatabase:
    """Connect to the team database at ``url`` (a ``user``/``password`` given here win over the URL's)."""
    params = parse_url(url)
    if user:
        params["user"] = user
    if password is not None:
        params["password"] = password
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", "SellerDesk")
    dbname = params.pop("dbname")
    db = TeamDatabase(dbname, **params)
    db.where = describe({**params, "dbname": dbname})
    db.user_name = str(params.get("user") or "")
    db.connect()
    version = db.connection().info.server_version  # type: ignore[no-untyped-call]  # (150004: 15.4)
    if version < MIN_SERVER_VERSION:  # said before the migrations meet syntax it lacks
        db.close()
        raise ServerTooOldError(db.where, f"{version // 10000}.{version % 10000}")
    return db


def alone(db: Any) -> bool:
    """Whether no one else is connected to this team database now (no client connection but this
    program's own). A big first load drops indexes only then: DROP INDEX holds the table's ACCESS
    EXCLUSIVE lock until the load commits, which would make every other member wait for it even to
    read, and give up after their lock timeout."""
    obj = getattr(db, "obj", db)
    own = sorted(getattr(obj, "backend_pids", set()))
    sql = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND pid <> ALL(%s::integer[])"
    )
    return int(native(db, sql, (own,)).fetchone()[0]) == 0


def owns(db: Any, table: str) -> bool:
    """Whether the connected user owns ``public.table`` (is a member of its owner: the owners' group)."""
    sql = "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = %s::regclass"
    row = native(db, sql, (f'public."{table}"',)).fetchone()
    return bool(row and row[0])


def big_first_load(db: Any, table: str, incoming: int, least: int) -> bool:
    """Whether a load of ``incoming`` rows into ``public.table`` may drop its indexes for the load:
    at least ``least`` rows, no fewer than the table holds (a first load), by its owner, and no one
    else connected (:func:`alone`)."""
    if incoming < least or not alone(db) or not owns(db, table):
        return False
    return int(native(db, f'SELECT count(*) FROM public."{table}"').fetchone()[0]) <= incoming


def lock_if_free(db: Any, table: str, wait: str) -> bool:
    """Take ``public.table``'s ACCESS EXCLUSIVE lock, held to the end of the caller's transaction,
    if it is free within ``wait`` (a PostgreSQL interval: '2s'); False, the transaction still
    usable and nothing changed, when another session holds it (a savepoint undoes only the wait).
    What a big load takes before it drops a table's indexes."""
    from sellerdesk.store.errors import DatabaseBusyError

    try:
        with db.atomic():
            before = native(db, "SELECT current_setting('lock_timeout')").fetchone()[0]
            native(db, f"SET LOCAL lock_timeout = '{wait}'")
            native(db, f'LOCK TABLE public."{table}" IN ACCESS EXCLUSIVE MODE')
            native(db, "SELECT set_config('lock_timeout', %s, true)", (before,))
    except (pw.OperationalError, DatabaseBusyError):  # (a team connection's lock timeout is "busy")
        return False
    return True


def install_compat(db: pw.Database) -> None:
    """The SQLite functions the store's SQL uses, on the server (idempotent)."""
    for sql in COMPAT_SQL:
        native(db, sql)


def native(db: Any, sql: str, params: Sequence[Any] | None = None) -> Any:
    """Run PostgreSQL's own SQL (``%s`` parameters) on ``db``."""
    obj = getattr(db, "obj", db)
    return obj.native_sql(sql, params)
