"""定期核对 and 今日待办 at scale: prints numbers, asserts nothing.

    python benchmarks/bench_recheck.py                    # temp store: 100k demo customers
    python benchmarks/bench_recheck.py --customers 300000
    python benchmarks/bench_recheck.py --home DIR         # reuse (or create once) a data dir in DIR

Beside each number, its anchor: a plain ``SELECT count(*)`` of live addresses (the least any
look at every address costs). Times are the median (and max) of a few runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from demo_home import open_home, report, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        open_home(args.home or Path(temp), args.customers)
        from sellerdesk.store import recheck, today
        from sellerdesk.store.models import DB

        db = DB.obj
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        addresses = db.execute_sql('SELECT count(*) FROM "address" WHERE "deleted_at" IS NULL').fetchone()[0]
        due = recheck.count_due()
        print(f"{addresses:,} live addresses, {due:,} due")
        print("anchor:")
        report(
            "SELECT count(*) FROM address (live)",
            timed(
                lambda: db.execute_sql('SELECT count(*) FROM "address" WHERE "deleted_at" IS NULL').fetchone(),
                args.runs,
            ),
        )
        print("re-check:")
        report("count_due() (今日待办's 待核对 card)", timed(recheck.count_due, args.runs))
        report("orders_to_ship() (今日待办's 待发货 card)", timed(lambda: today.orders_to_ship(db), args.runs))
        report("due_addresses() (the whole 待核对 list)", timed(recheck.due_addresses, args.runs))
        report("due_addresses(limit=200)", timed(lambda: recheck.due_addresses(limit=200), args.runs))
        some = db.execute_sql('SELECT "customer_id" FROM "address" ORDER BY "id" DESC LIMIT 1').fetchone()[0]
        report("freshness(one customer) (the editor)", timed(lambda: recheck.freshness(some), args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
