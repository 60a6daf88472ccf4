"""What the benchmarks share: a data folder holding N demo customers (made once, reused with
``--home``), and timing helpers that print a median beside the worst run."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark passphrase 123"


def open_home(home: Path, customers: int, seed: int = 42) -> Any:
    """Open (or create) the data folder ``home`` with at least ``customers`` demo customers;
    returns the open ``DataDir``. The environment points SellerDesk at it, so the CLI does too."""
    os.environ["SELLERDESK_HOME"] = str(home)
    os.environ["SELLERDESK_PASSPHRASE"] = PASSPHRASE
    from sellerdesk.store import demo, queries
    from sellerdesk.store.keys import MODE_PASSWORD
    from sellerdesk.store.models import Order
    from sellerdesk.store.session import DataDir

    datadir = DataDir.default()
    if datadir.is_initialized():
        datadir.open(datadir.unlock_headless())
    else:
        datadir.initialize(MODE_PASSWORD, PASSPHRASE)
    have = queries.count_customers()
    if have < customers:
        started = time.perf_counter()
        demo.generate(customers - have, seed=seed)
        print(f"demo data: {customers - have:,} customers in {time.perf_counter() - started:.1f} s")
    else:
        print(f"demo data: reusing {have:,} customers in {home}")
    print(f"orders in the database: {Order.select().count():,}")
    return datadir


def open_server(url: str, customers: int, seed: int = 42) -> Any:
    """Bind a team server (``url``: a ``postgresql://`` URL of an existing database, migrated on
    first use) holding at least ``customers`` demo customers; returns the database."""
    from sellerdesk.store import demo, queries
    from sellerdesk.store.database import open_team
    from sellerdesk.store.models import Order

    db = open_team(url)
    have = queries.count_customers()
    if have < customers:
        started = time.perf_counter()
        demo.generate(customers - have, seed=seed)
        print(f"demo data: {customers - have:,} customers in {time.perf_counter() - started:.1f} s")
        db.execute_sql("ANALYZE")
    else:
        print(f"demo data: reusing {have:,} customers on the team server")
    print(f"orders in the database: {Order.select().count():,}")
    return db


def timed(action: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """(median, max) of ``runs`` calls, in ms."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def report(label: str, numbers: tuple[float, float]) -> None:
    print(f"  {label:<58} {numbers[0]:9.1f} ms  (max {numbers[1]:.1f})")
