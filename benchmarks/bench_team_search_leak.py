"""Does a helper's search cost depend on customers they cannot see? (issue 20, the search's timing
side channel). Prints numbers, asserts nothing.

    SELLERDESK_TEST_PG_URL=postgresql://superuser@host/postgres \\
        .venv/bin/python benchmarks/bench_team_search_leak.py [--customers 100000] [--visible 100] [--runs 7]

(``eval "$(bash scripts/pg_test_server.sh start)"`` gives a throwaway server.)

A team database of N customers (tests/pg_roles.seed_bench_customers: 31 provinces, evenly), two
helpers of 华南 (one with the phones permission, one masked). ``--visible`` customers of 华南 get
the marker ``zqx7`` in their WeChat ID (and ``zqx`` as their pinyin initials); then, step by step,
0, 1k, 10k and 50k customers OUTSIDE 华南 get it too (the hidden matches). At each step, after
VACUUM ANALYZE, the median time (ms, client round trip, first run not counted) of:

* the helper's and the masked helper's search through ``sd_search`` (schema 21) as the store
  calls it: ``zq`` (the pair index), ``zqx7`` (the trigram index), ``x7#`` (punctuation: a scan)
  and the pinyin-initials range (``zqx``) on ``customer`` under the policy;
* the owner's (a superuser's, no policy) plain SQL of the same ways: the anchor.

A helper's column that grows with the hidden matches is the side channel: each step's hits (the
helper's answer) stay the visible count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pg_roles import bench_database, drop_roles, seed_bench_customers, user_url  # noqa: E402

MARK = "zqx7"
HIDDEN_STEPS = (0, 1_000, 10_000, 50_000)
INITIALS = "SELECT count(*) FROM customer WHERE name_initials >= 'zqx' AND name_initials < 'zqy'"


def helper_queries() -> dict[str, str]:
    call = "SELECT count(*) FROM public.sd_search(current_user::text, '{way}', '{term}')"
    return {
        "zq (pairs)": call.format(way="grams", term="zq"),
        "zqx7 (trigrams)": call.format(way="trigram", term=MARK),
        "x7# (scan)": call.format(way="scan", term="x7#"),
        "zqx (initials, policy)": INITIALS,
    }


def owner_queries() -> dict[str, str]:
    from sellerdesk.store import search_pg

    grams = search_pg.GRAMS_SQL.replace("?", "'zq'")
    trigram = search_pg.TRIGRAM_SQL.replace("?", f"'%{MARK}%'")
    scan = search_pg.scan_sql(("name", "wechat", "address")).replace("?", "'%x7#%'")
    return {
        "zq (pairs)": f"SELECT count(*) FROM ({grams}) q",
        "zqx7 (trigrams)": f"SELECT count(*) FROM ({trigram}) q",
        "x7# (scan)": f"SELECT count(*) FROM ({scan}) q",
        "zqx (initials, policy)": INITIALS,
    }


def timed(conn, sql: str, runs: int) -> tuple[float, int]:
    hits = conn.execute(sql).fetchone()[0]  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        conn.execute(sql).fetchone()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), hits


def mark(conn, where: str, count: int) -> None:
    """``count`` more unmarked customers matching ``where`` get the marker."""
    if count <= 0:
        return
    conn.execute(
        f"UPDATE customer SET wechat = '{MARK}#', name_initials = 'zqx' WHERE id IN (SELECT id FROM customer "
        f"WHERE wechat <> '{MARK}#' AND {where} ORDER BY id LIMIT {count})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--visible", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="leave the database and the helpers for a look")
    args = parser.parse_args()
    import psycopg

    from sellerdesk.store import team
    from sellerdesk.store.database import close_store, open_team

    admin, name, url = bench_database("sd_bench_leak")
    suffix = uuid.uuid4().hex[:6]
    users = {"helper": f"bench_helper_{suffix}", "masked": f"bench_masked_{suffix}"}
    try:
        open_team(url)
        team.setup()
        passwords = {
            kind: team.add_user(user, "helper", "华南", phones=kind == "helper") for kind, user in users.items()
        }
        close_store()
        with psycopg.connect(url, autocommit=True) as conn:
            seed_bench_customers(conn, args.customers)
            provinces = conn.execute("SELECT sd_team_provinces(%s)", (users["helper"],)).fetchone()[0]
            inside = f"split_part(address_key, chr(1), 1) = ANY ('{{{','.join(provinces)}}}'::text[])"
            mark(conn, inside, args.visible)
            conn.execute("VACUUM ANALYZE")
            seen = conn.execute(f"SELECT count(*) FROM customer WHERE {inside}").fetchone()[0]
        load = os.getloadavg()
        print(
            f"customers: {args.customers}; the helpers (华南: {len(provinces)} provinces) see {seen}; "
            f"visible matches: {args.visible}; load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
        )
        conns = {
            "owner": psycopg.connect(url, autocommit=True),
            **{k: psycopg.connect(user_url(url, u, passwords[k]), autocommit=True) for k, u in users.items()},
        }
        try:
            done = 0
            print(f"{'hidden':>7} | {'query':<24} | {'owner ms':>9} | {'helper ms':>9} | {'masked ms':>9} | hits")
            for hidden in HIDDEN_STEPS:
                mark(conns["owner"], f"NOT {inside}", hidden - done)
                done = hidden
                conns["owner"].execute("VACUUM ANALYZE customer")
                conns["owner"].execute("VACUUM ANALYZE customer_fts")
                for label, sql in helper_queries().items():
                    owner_ms, owner_hits = timed(conns["owner"], owner_queries()[label], args.runs)
                    helper_ms, hits = timed(conns["helper"], sql, args.runs)
                    masked_ms, masked_hits = timed(conns["masked"], sql, args.runs)
                    print(
                        f"{hidden:>7} | {label:<24} | {owner_ms:>9.2f} | {helper_ms:>9.2f} | {masked_ms:>9.2f} | "
                        f"{hits}/{masked_hits} of {owner_hits}"
                    )
        finally:
            for conn in conns.values():
                conn.close()
        load = os.getloadavg()
        print(f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    finally:
        close_store()
        if args.keep:
            print(f"kept: {url}; helpers: {users} {passwords}")
        else:
            drop_roles(url, users.values())
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
