"""The customer search on SQLite (FTS5) beside a team server (PostgreSQL, pg_trgm): prints numbers,
asserts nothing.

    SELLERDESK_TEST_PG_URL=postgresql://… python benchmarks/bench_team_search.py
    python benchmarks/bench_team_search.py --customers 100000 --pg-url postgresql://admin@host/postgres

Makes N demo customers in a temp SQLite store, copies the customers and their addresses into a
fresh team database (``--pg-url``: a superuser URL; a database ``sd_bench_search`` is made, and
left for a look) with COPY inside ``search.bulk_load`` (as an import loads), and times the same searches
on both: ``search.matching_ids`` (the id set of a query) and ``queries.customer_ids`` (the
table's whole answer: hits in the view's order, ranked). The anchor on each backend: a bare
``SELECT count(*) FROM customer``. Times are the median (and max) of a few runs, in ms; the
first run of each query is not counted (caches warm).

``--helpers``: then ``team init`` on the team database and two helpers of 华南 (one with the
phones permission, one masked) time the same searches, under the row-level security policies:
through the server's ``sd_search`` (schema 21) as the store does, and — the helper with phones,
one run each — with the plain SQL the policies made a scan of (as before schema 21). The owner's
(the superuser's) column is the anchor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_home import open_home  # noqa: E402

QUERIES = [
    "张",  # one character, common
    "伟",
    "王伟",  # two characters
    "南山",
    "zs",  # pinyin initials (+ two-character pieces)
    "zhang",  # full pinyin
    "1",  # one digit: nearly everybody
    "56",
    "138",  # three digits: a trigram
    "5678",
    "南山区",
    "科技园",
    "深圳市南山区",
    "demo",  # nearly every WeChat ID
    "张 南山",  # two terms
    "lx 杭州",
]


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    action()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def measure(runs: int) -> dict[str, tuple[int, tuple[float, float], tuple[float, float]]]:
    """query → (hits, matching_ids ms, customer_ids ms) on the bound store."""
    from sellerdesk.store import queries, search
    from sellerdesk.store.models import DB
    from sellerdesk.store.queries import CustomerFilter

    out: dict[str, Any] = {}
    out["(anchor) SELECT count(*) FROM customer"] = (
        DB.obj.execute_sql("SELECT count(*) FROM customer").fetchone()[0],
        timed(lambda: DB.obj.execute_sql("SELECT count(*) FROM customer").fetchone(), runs),
        (0.0, 0.0),
    )
    for text in QUERIES:
        hits = len(search.matching_ids(text) or ())
        out[text] = (
            hits,
            timed(lambda text=text: search.matching_ids(text), runs),
            timed(lambda text=text: queries.customer_ids(CustomerFilter(search=text)), runs),
        )
    return out


def measure_helpers(admin_url: str, runs: int) -> dict[str, dict[str, Any]]:
    """kind → the :func:`measure` of a helper of 华南: "plain" (the policies' scan, as before schema
    21: one run each), "helper" (through sd_search), "masked" (through sd_search, phones masked)."""
    import uuid

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pg_roles import drop_roles, user_url
    from sellerdesk.store import search_pg, team
    from sellerdesk.store.database import close_store, open_team

    url = urlsplit(admin_url)._replace(path="/sd_bench_search").geturl()
    suffix = uuid.uuid4().hex[:6]
    users = {"helper": f"bench_helper_{suffix}", "masked": f"bench_masked_{suffix}"}
    open_team(url)
    try:
        team.setup()
        passwords = {
            kind: team.add_user(name, "helper", "华南", phones=kind == "helper") for kind, name in users.items()
        }
    finally:
        close_store()
    out = {}
    try:
        real_ways = search_pg.ways
        for kind, user, plain in (("plain", "helper", True), ("helper", "helper", False), ("masked", "masked", False)):
            open_team(user_url(url, users[user], passwords[user]))
            if plain:
                search_pg.ways = lambda db: search_pg.Ways(through_function=False)  # type: ignore[assignment]
            try:
                out[kind] = measure(1 if plain else runs)
            finally:
                search_pg.ways = real_ways  # type: ignore[assignment]
                close_store()
    finally:
        drop_roles(url, users.values())
    return out


def copy_to_team(
    admin_url: str, customer_rows: list[tuple[Any, ...]], address_rows: list[tuple[Any, ...]], cols: Any
) -> None:
    import psycopg

    from sellerdesk.store import search
    from sellerdesk.store.database import open_team
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import native

    name = "sd_bench_search"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    open_team(urlsplit(admin_url)._replace(path="/" + name).geturl())
    conn = DB.obj.connection()
    started = time.perf_counter()
    with DB.atomic(), search.bulk_load():
        for table, columns, rows in (("customer", cols[0], customer_rows), ("address", cols[1], address_rows)):
            quoted = ", ".join(f'"{c}"' for c in columns)
            with conn.cursor().copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([v.replace("\x00", "\x01") if isinstance(v, str) else v for v in row])
            native(DB, f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM \"{table}\"))")
    took = time.perf_counter() - started
    print(
        f"team server: {len(customer_rows):,} customers + {len(address_rows):,} addresses copied in {took:.1f} s "
        "(search.bulk_load: the index rows made in one statement at the end)"
    )
    started = time.perf_counter()
    native(DB, "ANALYZE")
    size = native(DB, "SELECT pg_size_pretty(pg_total_relation_size('customer_fts'))").fetchone()[0]
    print(f"  ANALYZE {time.perf_counter() - started:.1f} s; search table with its indexes: {size}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg-url", default=os.environ.get("SELLERDESK_TEST_PG_URL", ""))
    parser.add_argument("--helpers", action="store_true", help="also time two helpers' searches (team init)")
    args = parser.parse_args()
    if not args.pg_url:
        parser.error("give --pg-url (a superuser URL of a PostgreSQL server) or set SELLERDESK_TEST_PG_URL")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as temp:
        datadir = open_home(Path(temp), args.customers)
        from sellerdesk.store.database import close_store
        from sellerdesk.store.models import DB

        sqlite = measure(args.runs)
        db = DB.obj
        cols = []
        rows = []
        for table in ("customer", "address"):
            cursor = db.execute_sql(f'SELECT * FROM "{table}" ORDER BY "id"')
            cols.append([d[0] for d in cursor.description])
            rows.append(cursor.fetchall())
        datadir.close()
        close_store()
    copy_to_team(args.pg_url, rows[0], rows[1], cols)
    team = measure(args.runs)
    from sellerdesk.store.database import close_store

    close_store()
    helpers = measure_helpers(args.pg_url, args.runs) if args.helpers else {}
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(
        f"\n{'query':<40} {'hits':>7} | {'SQLite ids':>10} {'PG ids':>9} | {'SQLite table':>12} {'PG table':>9}  (ms)"
    )
    for text, (hits, s_ids, s_all) in sqlite.items():
        t_hits, t_ids, t_all = team[text]
        same = "" if hits == t_hits else f"  (PG: {t_hits:,} hits!)"
        print(f"{text:<40} {hits:>7,} | {s_ids[0]:>10.1f} {t_ids[0]:>9.1f} | {s_all[0]:>12.1f} {t_all[0]:>9.1f}{same}")
    if helpers:
        print(
            "\nA helper of 华南 on the team server, ids | table (ms): the owner (anchor); the policies' scan "
            "(before schema 21); through sd_search; the same, phones masked"
        )
        print(
            f"{'query':<40} {'hits':>7} | {'owner':>7} {'scan':>7} {'sd_search':>9} {'masked':>7} | "
            f"{'owner':>7} {'scan':>7} {'sd_search':>9} {'masked':>7}"
        )
        for text, (_hits, t_ids, t_all) in team.items():
            row = [helpers[k][text] for k in ("plain", "helper", "masked")]
            hits = f"{row[1][0]:,}" + ("" if row[0][0] == row[1][0] else f" (scan: {row[0][0]:,}!)")
            ids = " ".join(f"{r[1][0]:>{w}.1f}" for r, w in zip(row, (7, 9, 7), strict=True))
            table = " ".join(f"{r[2][0]:>{w}.1f}" for r, w in zip(row, (7, 9, 7), strict=True))
            print(f"{text:<40} {hits:>7} | {t_ids[0]:>7.1f} {ids} | {t_all[0]:>7.1f} {table}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
