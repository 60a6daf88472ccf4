"""Erase for good at scale: one customer, then 100, on a demo database (FTS optimize, secure_delete,
WAL checkpoint). Prints numbers beside an anchor (a one-customer trash + restore); asserts nothing.

    .venv/bin/python benchmarks/bench_erase.py [--customers 100000] [--home DIR]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", default=None, help="an existing demo data folder (kept)")
    args = parser.parse_args()
    home = Path(args.home or tempfile.mkdtemp(prefix="bench-erase-"))
    os.environ["SELLERDESK_HOME"] = str(home)
    os.environ.setdefault("SELLERDESK_PASSPHRASE", "amber kettle orbit 71")
    from sellerdesk.store import customers, demo, privacy, queries
    from sellerdesk.store.session import DataDir

    datadir = DataDir.default()
    key = (
        datadir.initialize("password", os.environ["SELLERDESK_PASSPHRASE"])[0]
        if not datadir.is_initialized()
        else datadir.unlock_headless()
    )
    datadir.open(key)
    try:
        if queries.count_customers(queries.CustomerFilter()) < args.customers:
            t = time.perf_counter()
            demo.generate(args.customers)
            print(f"demo {args.customers}: {time.perf_counter() - t:.1f} s")
        ids = queries.ordered_ids()
        t = time.perf_counter()
        customers.trash_customers([ids[0]])
        customers.restore_customers([ids[0]])
        print(f"anchor: trash + restore one customer: {(time.perf_counter() - t) * 1000:.0f} ms")
        t = time.perf_counter()
        privacy.erase_customer(ids[1])
        print(f"erase one customer: {(time.perf_counter() - t) * 1000:.0f} ms")
        t = time.perf_counter()
        privacy.erase_customers(ids[2:102])
        print(f"erase 100 customers (one transaction): {(time.perf_counter() - t) * 1000:.0f} ms")
        t = time.perf_counter()
        found = privacy.inactive_customers(1)
        print(f"inactive_customers(1 year): {len(found)} in {(time.perf_counter() - t) * 1000:.0f} ms")
    finally:
        datadir.close()


if __name__ == "__main__":
    main()
