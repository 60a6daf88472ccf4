"""What schema 14's triggers cost a team server: COPY of 100k customers and an UPDATE of all of
them, with the triggers (version + who, change notifications) on, beside the same with them off.

    export SELLERDESK_TEST_PG_URL=postgresql://admin:pw@127.0.0.1:5432/postgres
    python benchmarks/bench_team_triggers.py [--rows N] [--repeat N]

Makes a throwaway database on that server (a superuser URL), migrates it, and drops it after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import psycopg  # noqa: E402

from sellerdesk.store.database import close_store, open_team  # noqa: E402

COLUMNS = (
    "name", "name_pinyin", "name_initials", "phone", "wechat", "tags", "tier", "gender", "source", "notes", "flags",
    "marketing_consent", "order_count", "total_spent_fen", "tier_manual", "points", "created_at", "updated_at",
    "consent_via",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    admin = os.environ["SELLERDESK_TEST_PG_URL"]
    name = f"sd_bench_triggers_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin.rsplit("/", 1)[0] + "/" + name
    try:
        open_team(url)
        close_store()
        rows = [
            (
                f"客户{i}",
                "",
                "",
                f"138{i:08d}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                0,
                0,
                0,
                0,
                0,
                "2026-01-01",
                "2026-01-01",
                "",
            )
            for i in range(args.rows)
        ]
        times: dict[tuple[str, str], list[float]] = {}
        with psycopg.connect(url) as conn:
            for _ in range(args.repeat):
                for label, switch in (("off", "DISABLE"), ("on", "ENABLE")):
                    conn.execute(f'ALTER TABLE "customer" {switch} TRIGGER USER')
                    conn.execute('TRUNCATE "customer" CASCADE')
                    conn.commit()
                    started = time.perf_counter()
                    with conn.cursor().copy(f'COPY "customer" ({", ".join(COLUMNS)}) FROM STDIN') as copy:
                        for row in rows:
                            copy.write_row(row)
                    conn.commit()
                    times.setdefault(("COPY", label), []).append(time.perf_counter() - started)
                    started = time.perf_counter()
                    conn.execute('UPDATE "customer" SET "notes" = \'x\'')
                    conn.commit()
                    times.setdefault(("UPDATE all", label), []).append(time.perf_counter() - started)
        print(f"{args.rows:,} customers, {args.repeat} runs; load {os.getloadavg()[0]:.1f}")
        for what in ("COPY", "UPDATE all"):
            off, on = times[(what, "off")], times[(what, "on")]
            print(
                f"{what:>10}: triggers on {statistics.median(on):.2f} s (max {max(on):.2f})   "
                f"beside triggers off {statistics.median(off):.2f} s (max {max(off):.2f})"
            )
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
