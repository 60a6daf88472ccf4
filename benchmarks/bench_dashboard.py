"""The 概览 page's figures at scale: prints numbers, asserts nothing.

    python benchmarks/bench_dashboard.py                   # temp store: 100k demo customers (~300k orders)
    python benchmarks/bench_dashboard.py --home DIR        # reuse (or create once) a data dir in DIR
    python benchmarks/bench_dashboard.py --postgres URL    # a team server's database (demo data made once)

Each figure of ``store.stats.FIGURES`` (one SQL aggregate each) and the whole job the page runs
(``ui.dashboard.figures.compute_all``: every figure, the tiles, the tier names), beside the
anchors: a bare ``SELECT count(*) FROM orders`` (an index) and a read of every order row.
Times are the median (and max) of a few runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_home import open_home, open_server, report, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", metavar="URL", help="a postgresql:// URL of a database to fill and measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp)
        if args.postgres:
            open_server(args.postgres, args.customers)
        else:
            open_home(home, args.customers)
        from sellerdesk.store import stats
        from sellerdesk.store.models import DB
        from sellerdesk.ui.dashboard.figures import FigureContext, compute_all

        orders = DB.obj.execute_sql('SELECT count(*) FROM "orders"').fetchone()[0]
        customers = stats.customer_count()
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"{backend}: {customers:,} customers, {orders:,} orders; load average {os.getloadavg()[0]:.2f}")
        today = dt.date.today()
        for label, sql in (
            ("anchor: SELECT count(*) FROM orders", 'SELECT count(*) FROM "orders"'),
            ("anchor: a read of every order row (sum(length(items)))", 'SELECT sum(length("items")) FROM "orders"'),
        ):
            report(label, timed(lambda sql=sql: DB.obj.execute_sql(sql).fetchone(), args.runs))
        for key, fn in stats.FIGURES.items():
            report(key, timed(lambda fn=fn: fn(today), args.runs))
        ctx = FigureContext(today, home, dt.datetime.now(dt.UTC))
        report("whole dashboard (compute_all: every figure and tile)", timed(lambda: compute_all(ctx), args.runs))
        ctx = FigureContext(today, home, dt.datetime.now(dt.UTC), sales_map=True)
        report("whole dashboard, map by sales (+ sales_by_province)", timed(lambda: compute_all(ctx), args.runs))


if __name__ == "__main__":
    main()
