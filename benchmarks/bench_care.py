"""Keeping in touch at scale (issue 18): the 今日待办 counts and the marketing lists on a demo
database of 100k customers. Prints numbers beside an anchor (a bare ``count(*)`` of live
customers) and the demo's own time; asserts nothing.

    .venv/bin/python benchmarks/bench_care.py [--customers 100000] [--home DIR] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_home import open_home  # noqa: E402


def _ms(fn, repeat: int) -> tuple[object, str]:
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return result, f"{min(times):.1f}–{max(times):.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", default=None, help="an existing demo data folder (kept)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    home = Path(args.home or tempfile.mkdtemp(prefix="bench-care-"))
    datadir = open_home(home, args.customers, seed=18)
    from sellerdesk.store import care, followups
    from sellerdesk.store.models import DB

    try:
        db = DB.obj
        today = dt.date.today()
        n, took = _ms(
            lambda: db.execute_sql("SELECT count(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0], args.repeat
        )
        print(f"anchor: count(*) of {n} live customers: {took}")
        week = care.range_of(today, "week")
        month30 = care.range_of(today, 30)
        for label, fn in (
            ("birthday_count(today)", lambda: care.birthday_count(today, db=db)),
            ("birthday_count(this week)", lambda: care.birthday_count(*week, db=db)),
            ("birthdays(next 30 days) list", lambda: len(care.birthdays(*month30, db=db))),
            ("due_count(today)", lambda: followups.due_count(today, db=db)),
            ("open_feedback_count()", lambda: followups.open_feedback_count(db=db)),
            ("due(today) + open_feedback() lists", lambda: len(followups.due(today)) + len(followups.open_feedback())),
            ("holiday_count(all tiers)", lambda: care.holiday_count(db=db)),
            ("holiday_customers(first 1000)", lambda: len(care.holiday_customers())),
        ):
            value, took = _ms(fn, args.repeat)
            print(f"{label}: {value} in {took}")
    finally:
        datadir.close()


if __name__ == "__main__":
    main()
