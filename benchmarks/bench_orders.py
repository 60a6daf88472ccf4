"""Orders and tiers at scale: prints numbers, asserts nothing.

    python benchmarks/bench_orders.py                    # temp store: 100k demo customers, ~300k orders
    python benchmarks/bench_orders.py --customers 33000  # ~100k orders
    python benchmarks/bench_orders.py --home DIR         # reuse (or create once) a data dir in DIR
    python benchmarks/bench_orders.py --postgres URL     # a team server's database (demo data made once)

Measures the store functions the orders view, the customer pane and the customer table
call: the demo load itself, recompute_tiers over everyone (and the daily "already done"
check), one order write (with its customer's aggregates, tier and points), a status change
of 200 orders, customer_summary, the orders view's id lists per filter, and the customer
table's sort orders by 订单数 / 累计消费 / 最近下单 (store.queries.ordered_ids, what the table
model asks for). Times are the median (and max) of a few runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_home import open_home, open_server, timed  # noqa: E402

EAST = ("上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省")


def line(label: str, result: tuple[float, float], extra: str = "") -> None:
    median, worst = result
    print(f"  {label:<44} {median:8.1f} ms  (max {worst:.1f}){extra}")


def attempt(label: str, action: object) -> None:
    """Run one measurement; a part that fails on this backend is reported, not fatal."""
    try:
        action()  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 - printed beside its label
        from sellerdesk.store.models import DB

        if DB.obj.in_transaction():
            DB.obj.rollback()
        print(f"  {label:<44} not measured: {type(exc).__name__}: {str(exc).splitlines()[0][:80]}")


def measure() -> None:
    from sellerdesk.store import orders, queries, tiers
    from sellerdesk.store import settings as store_settings
    from sellerdesk.store.models import DB, Customer, Order
    from sellerdesk.store.orders import OrderFilter
    from sellerdesk.store.postgres import is_postgres

    rng = random.Random(1)
    today = dt.date.today()
    ids = [c for (c,) in Customer.select(Customer.id).tuples()]
    print("tiers")

    def full_recompute() -> None:
        store_settings.write(store_settings.TIERS_RECOMPUTED_ON, "2000-01-01")
        tiers.recompute_tiers(today)

    line("recompute_tiers (everyone, nothing changes)", timed(full_recompute, 3))
    Customer.update(tier="").where(Customer.id.in_(ids[::2]) & (Customer.tier_manual == False)).execute()  # noqa: E712
    started = time.perf_counter()
    changed = tiers.recompute_tiers(today)
    once = (time.perf_counter() - started) * 1000
    line("recompute_tiers (half the customers change)", (once, once), f"  {changed:,} changed")
    line("recompute_if_stale (already done today)", timed(lambda: tiers.recompute_if_stale(today), 20))
    tomorrow = today + dt.timedelta(days=1)
    line("recompute_tiers one day later (window moves)", timed(lambda: tiers.recompute_tiers(tomorrow), 1))
    tiers.recompute_tiers(today)

    print("customer pane")
    heavy = [c for (c,) in Customer.select(Customer.id).order_by(Customer.order_count.desc()).limit(20).tuples()]
    line("customer_summary (random customers)", timed(lambda: orders.customer_summary(rng.choice(ids)), 50))
    line("customer_summary (20 biggest buyers)", timed(lambda: orders.customer_summary(rng.choice(heavy)), 20))

    def their_orders() -> None:
        orders.list_orders(OrderFilter(customer_id=rng.choice(heavy)), descending=True)

    line("their order list (list_orders, one customer)", timed(their_orders, 20))

    print(f"orders view ({Order.select().count():,} orders): ids in display order, then a page of rows")
    since = today - dt.timedelta(days=30)
    tracked = Order.select(Order.tracking_no).where(Order.tracking_no != "")
    tracking = tracked.order_by(Order.id.desc()).scalar() or "SF1"
    name = Customer.get_by_id(rng.choice(heavy)).name
    filters = {
        "all, newest first": (OrderFilter(), True),
        "待发货 (pending)": (OrderFilter(statuses=("pending",)), False),
        "last 30 days": (OrderFilter(since=since), True),
        "courier 顺丰": (OrderFilter(couriers=("顺丰",)), True),
        "ship-to 广东省": (OrderFilter(provinces=("广东省",)), True),
        "华东 (7 provinces)": (OrderFilter(provinces=EAST), True),
        "search '面膜'": (OrderFilter(search="面膜"), True),
        f"search a customer's name '{name}'": (OrderFilter(search=name), True),
        "search a tracking number": (OrderFilter(search=tracking), True),
        "pending + 顺丰 + last 30 days": (OrderFilter(statuses=("pending",), couriers=("顺丰",), since=since), True),
    }
    kept = orders.ordered_order_ids("date", True)  # a view keeps its sort order until the data changes

    def with_kept_order(flt: OrderFilter) -> list[int]:
        return queries.apply_allowed(kept, orders.allowed_order_ids(flt))

    def one_filter(label: str, flt: OrderFilter, descending: bool) -> None:
        count = len(orders.order_ids(flt, "date", descending))
        line(label, timed(lambda: orders.order_ids(flt, "date", descending), 5), f"  {count:,} orders")
        if flt != OrderFilter():
            line("  … with the sort order kept", timed(lambda: with_kept_order(flt), 5))

    for label, (flt, descending) in filters.items():
        attempt(label, lambda label=label, flt=flt, d=descending: one_filter(label, flt, d))
    all_ids = orders.order_ids(OrderFilter(), "date", True)

    def a_page() -> None:
        start = rng.randrange(0, len(all_ids) - 50)
        orders.rows_for_ids(all_ids[start : start + 50])

    line("rows_for_ids (a page of 50)", timed(a_page, 20))
    line("status_counts (the view's tabs)", timed(lambda: orders.status_counts(), 5))
    line("sort by amount", timed(lambda: orders.order_ids(OrderFilter(), "amount", True), 5))

    print("customer table sort orders (ordered_ids: what the table model asks for)")
    for sort in ("name", "order_count", "total_spent", "last_order", "tier"):
        attempt(sort, lambda sort=sort: line(sort, timed(lambda: queries.ordered_ids(sort), 5)))
    by_spend = Customer.select(Customer.id).where(Customer.deleted_at.is_null())
    sql, params = by_spend.order_by(Customer.total_spent_fen, Customer.id).sql()
    if not is_postgres(DB):
        plan = DB.obj.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        print("  plan of the 累计消费 sort:", "; ".join(str(r[-1]) for r in plan))

    print("writes (one transaction each: order, customer aggregates, tier, points, audit)")
    sample = rng.sample(ids, 50)
    made: list[int] = []

    def add_one() -> None:
        made.append(orders.add_order(rng.choice(sample), amount_fen=rng.randint(100, 50_000), items="面膜 x2 @39.9").id)

    line("add_order", timed(add_one, 20))
    shipped = {"status": "shipped", "courier": "顺丰"}
    line("update_order (status → shipped)", timed(lambda: orders.update_order(made.pop(), shipped), 10))
    pending = orders.order_ids(OrderFilter(statuses=("pending",)))[:200]
    line(f"set_status of {len(pending)} orders → shipped", timed(lambda: orders.set_status(pending, "shipped"), 1))

    def delete_and_restore() -> None:
        orders.restore_orders(orders.delete_orders(made[:10]))

    line("delete_orders + restore_orders (10 orders)", timed(delete_and_restore, 3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", type=Path, default=None, help="data dir to reuse (default: a temp dir)")
    parser.add_argument("--postgres", metavar="URL", help="a postgresql:// URL of a database to fill and measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        if args.postgres:
            open_server(args.postgres, args.customers)
        else:
            open_home(home, args.customers)
        from sellerdesk.store.database import close_store

        print(f"{'PostgreSQL' if args.postgres else 'SQLite'}; load average {os.getloadavg()[0]:.2f}")
        try:
            measure()
        finally:
            close_store()
    return 0


if __name__ == "__main__":
    sys.exit(main())
