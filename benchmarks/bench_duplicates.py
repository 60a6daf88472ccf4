"""The duplicate finder and a merge + undo at scale: prints numbers, asserts nothing.

    python benchmarks/bench_duplicates.py                    # temp store: 100k demo customers
    python benchmarks/bench_duplicates.py --customers 300000
    python benchmarks/bench_duplicates.py --home DIR         # reuse (or create once) a data dir in DIR

Beside each number, its anchors: a bare ``SELECT count(*) … GROUP BY phone`` over live
customers (the least any grouping by phone costs) and the same over live address phones.
The demo generator draws phones from ~300k fake numbers, so 100k customers share many.
Times are the median (and max) of a few runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_home import open_home, report, timed  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        open_home(args.home or Path(temp), args.customers)
        from sellerdesk.store import duplicates, merges
        from sellerdesk.store.models import DB

        db = DB.obj

        def sql(text: str) -> Callable[[], object]:
            return lambda: db.execute_sql(text).fetchall()

        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print("anchors:")
        report(
            "SELECT count(*) FROM customer GROUP BY phone (live)",
            timed(sql('SELECT count(*) FROM "customer" WHERE "deleted_at" IS NULL GROUP BY "phone"'), args.runs),
        )
        report(
            "SELECT count(*) FROM address GROUP BY phone (live)",
            timed(sql('SELECT count(*) FROM "address" WHERE "deleted_at" IS NULL GROUP BY "phone"'), args.runs),
        )
        print("duplicate finder (store.duplicates):")
        report("phone groups (customer + address phones)", timed(sql(duplicates._PHONE_SQL), args.runs))
        report("WeChat ID groups", timed(sql(duplicates._WECHAT_SQL), args.runs))
        report("address groups", timed(sql(duplicates._ADDRESS_SQL), args.runs))
        groups: list[duplicates.DuplicateGroup] = []

        def find() -> None:
            groups[:] = duplicates.find_duplicates()

        report("find_duplicates() whole (SQL + name comparisons)", timed(find, args.runs))
        counts: dict[str, int] = {}
        for group in groups:
            counts[group.reasons[0]] = counts.get(group.reasons[0], 0) + 1
        print(f"  groups: {len(groups):,} ({', '.join(f'{k} {v:,}' for k, v in counts.items())})")
        biggest = max(groups, key=lambda g: len(g.ids)) if groups else None
        if biggest is not None:
            ids = list(biggest.ids)
            started = time.perf_counter()
            merge_id = merges.merge(ids[0], ids[1:])
            merged = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            merges.unmerge(merge_id)
            undone = (time.perf_counter() - started) * 1000
            print(f"  merge of the biggest group ({len(ids)} customers): {merged:.1f} ms, unmerge {undone:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
