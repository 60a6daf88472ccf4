"""Row-level security's cost (issue 20): filtered counts as a helper against the owner's, at 100k
customers with a default address each (31 provinces, evenly) and one order each, on a team
server. Prints EXPLAIN ANALYZE's execution times (median of --repeat) beside the anchor (the
owner's bare count, no policy: the tables' owner bypasses RLS), and the same count through a
policy that calls ``sd_may_see(province)`` per row, the form the policies avoid. Asserts nothing.

    SELLERDESK_TEST_PG_URL=postgresql://superuser:pw@host:port/postgres \\
        .venv/bin/python benchmarks/bench_team_rls.py [--customers 100000] [--repeat 5]

(``eval "$(bash scripts/pg_test_server.sh start)"`` gives a throwaway server.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pg_roles import bench_database, drop_roles, seed_bench_customers, user_url  # noqa: E402

# one customer the helper may see (the subquery is filtered by the policy too)
ONE_CUSTOMER = "SELECT count(*) FROM address WHERE customer_id = (SELECT min(id) FROM customer)"


def explain_ms(conn, sql: str, repeat: int) -> tuple[float, int]:
    times = []
    for _ in range(repeat):
        plan = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).fetchone()[0][0]
        times.append(plan["Execution Time"])
    rows = conn.execute(sql).fetchone()[0]
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    admin, name, url = bench_database()
    import psycopg

    helper = f"bench_helper_{uuid.uuid4().hex[:6]}"
    try:
        from sellerdesk.store import team
        from sellerdesk.store.database import close_store, open_team

        open_team(url)
        team.setup()
        password = team.add_user(helper, "helper", "华南")
        close_store()
        n = args.customers
        with psycopg.connect(url, autocommit=True) as conn:
            seed_bench_customers(conn, n)
            conn.execute(
                "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, status, "
                "created_at, updated_at, order_no, notes, version) SELECT id, current_date, 1000, '', '', '', "
                "'pending', now(), now(), '', '', 1 FROM customer"
            )
            conn.execute("VACUUM ANALYZE")
            anchor, total = explain_ms(conn, "SELECT count(*) FROM customer", args.repeat)
            print(f"customers: {total}; anchor: the owner's count(*) of customer (no policy): {anchor:.1f} ms")
        who = user_url(url, helper, password)
        with psycopg.connect(who, autocommit=True) as conn:
            for label, sql in (
                ("helper (华南): count(*) of customer", "SELECT count(*) FROM customer"),
                ("helper (华南): count(*) of address (follows customer)", "SELECT count(*) FROM address"),
                ("helper (华南): count(*) of orders (follows customer)", "SELECT count(*) FROM orders"),
                ("helper (华南): one customer's addresses", ONE_CUSTOMER),
            ):
                ms, rows = explain_ms(conn, sql, args.repeat)
                print(f"{label}: {rows} rows, {ms:.1f} ms")
        with psycopg.connect(url, autocommit=True) as conn:  # addresses through IN, for comparison
            conn.execute('DROP POLICY "sd_team" ON address')
            conn.execute(
                'CREATE POLICY "sd_team" ON address USING ((SELECT sd_team_sees_all(current_user::text)) '
                "OR customer_id IN (SELECT id FROM customer))"
            )
        with psycopg.connect(who, autocommit=True) as conn:
            for label, sql in (
                ("helper, address policy as IN (not used): all addresses", "SELECT count(*) FROM address"),
                ("helper, address policy as IN (not used): one customer's", ONE_CUSTOMER),
            ):
                ms, rows = explain_ms(conn, sql, args.repeat)
                print(f"{label}: {rows} rows, {ms:.1f} ms")
        with psycopg.connect(url, autocommit=True) as conn:  # the per-row form, for comparison
            conn.execute('DROP POLICY "sd_team" ON customer')
            conn.execute(
                'CREATE POLICY "sd_team" ON customer USING (sd_may_see(split_part(address_key, chr(1), 1)) '
                "OR (created_by = current_user::text AND coalesce(split_part(address_key, chr(1), 1), '') = ''))"
            )
        with psycopg.connect(who, autocommit=True) as conn:
            ms, rows = explain_ms(conn, "SELECT count(*) FROM customer", args.repeat)
            print(f"helper, policy calling sd_may_see() per row (not used): {rows} rows, {ms:.1f} ms")
    finally:
        from sellerdesk.store.database import close_store

        close_store()
        drop_roles(url, [helper])
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
