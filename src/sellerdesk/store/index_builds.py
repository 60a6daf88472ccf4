"""Indexes a team server's big first load dropped, built after its rows commit, several at once.

A big first import into a team database (store.bulk.deferred_indexes, search_pg.drop_gin_indexes)
writes its rows with most indexes dropped. Built inside the import's own transaction they take
one server process, one after the other, after the importer is done: at 100k customers ~10 s of
the server's CPU (the search table's two GIN indexes ~6 s of it; PostgreSQL builds a GIN index
in one process). Instead the import records each dropped index in ``meta`` (key
``pending_index:<name>``, value its CREATE statement) in the same transaction as its rows, and
after the commit :func:`build_pending` builds them in connections of their own at once, as
``pg_restore --jobs`` builds a dump's indexes. Each build and the removal of its record commit
together, so every moment leaves either the index or its record:

- ``kill -9`` (or a lost server) after the commit leaves records; the next connection of someone
  who may build them (a table's owner: ``open_team`` → :func:`build_pending`) builds them;
- until then the rows are all there and found: a search or a sort without its index reads the
  table instead (slower at 100k, the same answers).

Only a team server; SQLite builds its dropped indexes inside the import's transaction.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence

import peewee as pw

from sellerdesk.store.postgres import is_postgres, native, owns

log = logging.getLogger(__name__)

PREFIX = "pending_index:"
# Connections building at once: the server's CPUs are unknown here (a small team's server may have
# two); each builds in one process (no parallel workers: see _build_pending). Two, with the longest
# build first: at 100k on this 2-core machine three builders made the trigram index (the last to
# end) share its core, 5.9 s; with two it has one to itself (~3.2 s), the grams index and then the
# B-tree ones the other.
JOBS = 2
# How long a build waits for its table (CREATE INDEX blocks writes, so waits for the writers of
# others' open transactions): not granted, it is left for a later try rather than holding up the
# import's end or the app's start for the connection's usual lock timeout (minutes).
LOCK_WAIT = "5s"

_RECORD_SQL = (
    'INSERT INTO "meta" ("key", "value") VALUES (%s, %s) ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value"'
)
_LIKE = PREFIX.replace("_", "\\_") + "%"  # (the key's "_" taken as itself)
# the next record nobody else is building, the longest builds first (the trigram indexes, then the
# other GIN ones, then the B-tree ones: at 100k rows ~3.2 s, ~2 s, 0.02-0.5 s each), so the last
# to finish is not one started late
_NEXT_SQL = (
    'SELECT "key", "value" FROM "meta" WHERE "key" LIKE %s '
    'ORDER BY ("value" LIKE %s) DESC, ("value" LIKE %s) DESC, "key" FOR UPDATE SKIP LOCKED LIMIT 1'
)
_ANY_SQL = 'SELECT count(*) FROM "meta" WHERE "key" LIKE %s'


def records(indexes: Sequence[tuple[str, str]]) -> list[tuple[str, tuple[str, str]]]:
    """The statements (PostgreSQL's own SQL, parameters) recording ``indexes`` ((name, CREATE INDEX
    statement), already dropped) for :func:`build_pending`: to run in the transaction that dropped
    them (a rollback takes the records back with the drops)."""
    return [(_RECORD_SQL, (PREFIX + name, _if_not_exists(sql))) for name, sql in indexes]


def defer(db: pw.Database, indexes: Sequence[tuple[str, str]]) -> None:
    """Run :func:`records` of ``indexes`` on ``db``, in the caller's transaction."""
    for sql, params in records(indexes):
        native(db, sql, params)


def _if_not_exists(sql: str) -> str:
    """``sql`` (pg_get_indexdef's CREATE INDEX …) made to do nothing when the index is there."""
    head = "CREATE INDEX "
    if sql.startswith(head) and not sql.startswith(head + "IF NOT EXISTS "):
        return head + "IF NOT EXISTS " + sql[len(head) :]
    return sql


# What a record may hold: an index of one of the tables a big load drops indexes of, as
# pg_get_indexdef writes it, one statement. Only the team's owners may write ``meta`` (helpers and
# viewers read it: store.team._grant_all), and every owner's connection runs these records, so
# anything else is not run, and dropped with a warning.
TABLES = ("customer", "address", "customer_fts")
_VALID = re.compile(
    r'CREATE INDEX IF NOT EXISTS (?:"(?P<quoted>[^"]+)"|(?P<name>[a-z_][a-z0-9_$]*)) '
    r'ON public\.(?:"(?P<qtable>[^"]+)"|(?P<table>[a-z_]+)) USING [^;]+\Z'
)


def _valid(key: str, sql: str) -> bool:
    match = _VALID.match(sql)
    if not match:
        return False
    name = match["quoted"] or match["name"]
    return (match["qtable"] or match["table"]) in TABLES and key == PREFIX + name


def pending(db: pw.Database) -> int:
    """How many recorded indexes wait to be built (0 on SQLite)."""
    if not is_postgres(db):
        return 0
    return int(native(db, _ANY_SQL, (_LIKE,)).fetchone()[0])


def build_pending(db: pw.Database, jobs: int = JOBS) -> int:
    """Build every recorded index, up to ``jobs`` at once, each on a connection of its own (made
    as ``db``'s are) in a transaction that also removes its record; returns how many were built.

    Called by whoever dropped them, right after their commit, and at each connection of a
    tables' owner (an earlier process stopped before it was done). An index someone else is
    building is skipped (its record is locked). A build that fails (a lock not granted within
    :data:`LOCK_WAIT`, the server gone) is left recorded, logged, for a later try; this never
    raises: the rows themselves are committed already."""
    if not is_postgres(db):
        return 0
    try:
        return _build_pending(db, jobs)
    except Exception as exc:  # noqa: BLE001 (the rows are committed: a build left for later is no failure)
        log.warning("index builds: left for later: %s", exc)
        return 0


def _build_pending(db: pw.Database, jobs: int) -> int:
    if not pending(db) or not owns(db, "customer"):
        return 0  # (a helper or a viewer: the next owner's connection builds them; owners own all of TABLES)
    built: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        try:
            conn = db._connect()  # type: ignore[attr-defined]  # (store.postgres.TeamDatabase: adapted, lock timeout)
        except Exception as exc:  # noqa: BLE001 (left recorded: the next connection tries again)
            log.warning("index builds: no connection: %s", exc)
            return
        try:
            conn.execute("SELECT set_config('lock_timeout', %s, false)", (LOCK_WAIT,))
            # one process a builder: a B-tree build's parallel workers took the cores the trigram
            # index (the longest, started first) was building on
            conn.execute("SELECT set_config('max_parallel_maintenance_workers', '0', false)")
            conn.commit()  # (each build below in a transaction of its own)
            while True:
                with conn.transaction():
                    row = conn.execute(_NEXT_SQL, (_LIKE, "% gin_trgm_ops%", "% USING gin %")).fetchone()
                    if row is None:
                        return
                    ok = _valid(row[0], row[1])
                    if ok:
                        conn.execute(row[1])
                    else:
                        log.warning("index builds: not an index of ours, dropped: %s = %r", row[0], row[1][:200])
                    conn.execute('DELETE FROM "meta" WHERE "key" = %s', (row[0],))
                if ok:
                    with lock:
                        built.append(row[0][len(PREFIX) :])
        except Exception as exc:  # noqa: BLE001 (see the docstring)
            log.warning("index builds: left for later: %s", exc)
        finally:
            conn.close()

    count = max(1, min(jobs, pending(db)))
    threads = [threading.Thread(target=work, name=f"sellerdesk-index-build-{i}", daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if built:
        log.info("built %d index(es) after a big load: %s", len(built), ", ".join(sorted(built)))
    return len(built)
