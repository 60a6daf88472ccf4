"""Phones masked by the team server (schema 18, store.masking_pg): what the masked views cost a
helper, at 100k customers (31 provinces, evenly; a default address and an order each). Two
helpers of the same region (华南), one with the phones permission (the tables under row-level
security: the anchor) and one without (the masked views), and an owner (no policy: the anchor of
the searches); the store's own calls as the app makes them, wall-clock medians of --repeat.
Then what the search table's masked copies cost a write (an owner renaming customers one
statement each, with the copies and after dropping them).
Asserts nothing.

    SELLERDESK_TEST_PG_URL=postgresql://superuser:pw@host:port/postgres \\
        .venv/bin/python benchmarks/bench_team_masking.py [--customers 100000] [--repeat 5]

(``eval "$(bash scripts/pg_test_server.sh start)"`` gives a throwaway server.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pg_roles import bench_database, drop_roles, seed_bench_customers, user_url  # noqa: E402


def median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def seed(url: str, n: int) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        # the search rows in one statement at the end, as a bulk load makes them (search_pg.BULK_SETTING)
        conn.execute("SELECT set_config('sellerdesk.search_bulk', 'on', false)")
        seed_bench_customers(conn, n)
        conn.execute(
            "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, status, "
            "created_at, updated_at, order_no, notes, version, address_snapshot) SELECT id, current_date, 1000, '', "
            "'', '', 'pending', now(), now(), '', '', 1, json_build_object('phone', phone)::text FROM customer"
        )
    from sellerdesk.store import search
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import DB

    open_team(url)
    try:
        with DB.atomic():
            search.rebuild(DB.obj)
    finally:
        close_store()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def as_store(url: str, repeat: int) -> dict[str, tuple[float, Any]]:
    from sellerdesk.store import queries, search
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import Customer, Order

    def found(text: str) -> Callable[[], int]:
        return lambda: Customer.select().where(search.matches(text)).count()

    open_team(url)
    try:
        ids = queries.ordered_ids("name")
        page = ids[len(ids) // 2 : len(ids) // 2 + 200]
        out = {
            "list: ordered_ids by name": median_ms(lambda: len(queries.ordered_ids("name")), repeat),
            "list: ordered_ids by phone": median_ms(lambda: len(queries.ordered_ids("phone")), repeat),
            "list: rows_for_ids, a page of 200": median_ms(lambda: len(queries.rows_for_ids(page)), repeat),
            "search 12345 (trigram, digits)": median_ms(found("12345"), repeat),
            "search 客户1234 (trigram, name)": median_ms(found("客户1234"), repeat),
            "search 56 (pairs)": median_ms(found("56"), repeat),
            "search ids 客户1234 (matching_ids)": median_ms(lambda: len(search.matching_ids("客户1234") or ()), repeat),
            "search ids 5678 (matching_ids)": median_ms(lambda: len(search.matching_ids("5678") or ()), repeat),
            "search ids 56 (matching_ids)": median_ms(lambda: len(search.matching_ids("56") or ()), repeat),
            # what a helper's search time says of other regions: a term only they hold, one nobody does
            "search ids 北京市 (only in other regions)": median_ms(
                lambda: len(search.matching_ids("北京市") or ()), repeat
            ),
            "search ids 无此地址 (nowhere)": median_ms(lambda: len(search.matching_ids("无此地址") or ()), repeat),
            "orders: 200 with their snapshots": median_ms(
                lambda: len(list(Order.select().where(Order.customer.in_(ids[:200])))), repeat
            ),
        }
        first = ids[:500]
        out["write: tag 500 customers (one UPDATE)"] = median_ms(
            lambda: Customer.update(tags=Customer.tags.concat("x")).where(Customer.id.in_(first)).execute(), repeat
        )
    finally:
        close_store()
    return out


def renames_ms(url: str, ids: list[int]) -> float:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        start = time.perf_counter()
        for cid in ids:
            conn.execute("UPDATE customer SET name = name || 'x' WHERE id = %s", (cid,))
        return (time.perf_counter() - start) * 1000 / max(len(ids), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    admin, name, url = bench_database()
    import psycopg

    suffix = uuid.uuid4().hex[:6]
    users = {"phones": f"bench_phones_{suffix}", "masked": f"bench_masked_{suffix}", "owner": f"bench_owner_{suffix}"}
    try:
        from sellerdesk.store import masking_pg, team
        from sellerdesk.store.database import close_store, open_team

        open_team(url)
        team.setup()
        passwords = {
            kind: team.add_user(user, "helper", "华南", phones=kind == "phones")
            for kind, user in users.items()
            if kind != "owner"
        }
        passwords["owner"] = team.add_user(users["owner"], "owner", "")
        close_store()
        start = time.perf_counter()
        seed(url, args.customers)
        print(f"customers: {args.customers}; seeding: {time.perf_counter() - start:.1f} s")
        results = {kind: as_store(user_url(url, users[kind], passwords[kind]), args.repeat) for kind in users}
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        for label, (anchor, rows) in results["phones"].items():
            masked, masked_rows = results["masked"][label]
            owner, owner_rows = results["owner"][label]
            print(
                f"{label}: with phones (anchor) {anchor:.1f} ms, {rows} rows; "
                f"masked {masked:.1f} ms, {masked_rows} rows; an owner {owner:.1f} ms, {owner_rows} rows"
            )
        with psycopg.connect(url, autocommit=True) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM customer ORDER BY id LIMIT 600")]
        with_copies = renames_ms(url, ids[:300])
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP VIEW sd_masked.customer_fts")
            # (schema 24: the trigger that keeps them goes first)
            conn.execute(f'DROP TRIGGER IF EXISTS "{masking_pg.COPIES_TRIGGER}" ON customer_fts')
            conn.execute("ALTER TABLE customer_fts DROP COLUMN masked_grams, DROP COLUMN masked_phones")
        without = renames_ms(url, ids[300:])
        print(
            f"an owner's rename (search row made again): {with_copies:.2f} ms with the masked copies, "
            f"{without:.2f} ms without"
        )
    finally:
        from sellerdesk.store.database import close_store

        close_store()
        drop_roles(url, users.values())
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
