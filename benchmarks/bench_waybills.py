"""Waybill export at shipping-day scale: prints numbers, asserts nothing.

    python benchmarks/bench_waybills.py                  # temp store, demo data, 10,000 orders exported
    python benchmarks/bench_waybills.py --orders 20000   # more
    python benchmarks/bench_waybills.py --home DIR       # reuse (or create once) a data dir in DIR

Exports the same N orders three ways and prints each beside the anchor, a plain openpyxl
write of the same rows (the values already in memory, no database, no template):

* the 顺丰 layout (44 columns, streamed: exchange/xlsx.SheetWriter),
* a user template (a blank workbook with a title row, a second sheet and a drop-down list,
  filled in a copy with openpyxl's normal mode: what keeps its formats),
* CSV in GBK.

Also reads a result sheet of the same orders back (tracking import: a dry run, then once for
real; with --home the real run changes that data folder's orders). Times are the median
(and max) of a few runs, in seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "benchmark passphrase 123"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def open_home(home: Path, orders: int) -> None:
    os.environ["SELLERDESK_HOME"] = str(home)
    os.environ["SELLERDESK_PASSPHRASE"] = PASSPHRASE
    from sellerdesk.store import demo
    from sellerdesk.store.keys import MODE_PASSWORD
    from sellerdesk.store.models import Order
    from sellerdesk.store.session import DataDir

    datadir = DataDir.default()
    if datadir.is_initialized():
        datadir.open(datadir.unlock_headless())
    else:
        datadir.initialize(MODE_PASSWORD, PASSPHRASE)
    have = Order.select().count()
    if have < orders:
        started = time.perf_counter()
        demo.generate(max((orders - have) // 2, 100), seed=7)
        print(f"demo data in {time.perf_counter() - started:.1f} s")
    print(f"orders in the database: {Order.select().count():,}")


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def line(label: str, result: tuple[float, float], anchor: float | None = None) -> None:
    median, worst = result
    ratio = f"  ×{median / anchor:.1f} the anchor" if anchor else ""
    print(f"  {label:<52} {median:6.2f} s  (max {worst:.2f}){ratio}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        open_home(home, args.orders)
        run(Path(tmp), args.orders, args.runs)


def run(tmp: Path, count: int, runs: int) -> None:
    import openpyxl

    from sellerdesk.exchange.template_mapping import add_template
    from sellerdesk.exchange.templates import load_template
    from sellerdesk.exchange.tracking import read_result_sheet
    from sellerdesk.exchange.waybills import GETTERS, export_waybills, iter_orders
    from sellerdesk.store.models import Order
    from sellerdesk.store.senders import Sender
    from sellerdesk.store.shipping import record_tracking
    from shipping_data import blank_template

    ids = [o.id for o in Order.select(Order.id).where(Order.deleted_at.is_null()).order_by(Order.id).limit(count)]
    print(f"exporting {len(ids):,} orders; machine load {os.getloadavg()[0]:.1f} (1 min)")
    sender = Sender(name="小美", phone="13600000000", province="广东省", city="广州市", detail="体育西路1号")
    sf = load_template("sf")
    started = time.perf_counter()
    orders = list(iter_orders(ids))
    rows = [[GETTERS[c.value](o, sender) if c.value else (c.const or "") for c in sf.columns] for o in orders]
    print(f"  (reading the orders and computing the cells alone: {time.perf_counter() - started:.2f} s)")

    def anchor() -> None:
        book = openpyxl.Workbook()
        ws = book.active
        ws.append([c.header for c in sf.columns])
        for row in rows:
            ws.append(row)
        book.save(tmp / "anchor.xlsx")

    base = timed(anchor, runs)
    line("anchor: plain openpyxl write of the same 44-col rows", base)
    line(
        "顺丰 layout (44 columns, streamed)",
        timed(lambda: export_waybills(tmp / "sf.xlsx", ids, sf, sender=sender), runs),
        base[0],
    )
    if not _has("bench_zto"):
        add_template("bench_zto", blank_template(tmp / "blank.xlsx"))
    user = load_template("bench_zto")
    line(
        "user template (copy of the blank workbook, 14 columns)",
        timed(lambda: export_waybills(tmp / "zto.xlsx", ids, user, sender=sender), runs),
        base[0],
    )
    line("CSV GBK (split_region)", timed(lambda: export_waybills(tmp / "w.csv", ids, "split_region"), runs), base[0])

    result = openpyxl.Workbook()
    ws = result.active
    ws.append(["运单号", "订单号", "收件人手机"])
    for o in orders:
        ws.append([f"SF9{o.id:011d}", o.order_no, o.ship_to.get("phone", "") if not o.order_no else ""])
    result.save(tmp / "result.xlsx")
    line("tracking import: read the result sheet", timed(lambda: read_result_sheet(tmp / "result.xlsx"), runs))
    rows_back = read_result_sheet(tmp / "result.xlsx")
    line("tracking import: match (dry run)", timed(lambda: record_tracking(rows_back, dry_run=True), runs))
    started = time.perf_counter()
    written = record_tracking(rows_back)
    took = time.perf_counter() - started
    print(f"  tracking import: match + write, once ({written.changed:,} orders changed){'':<6} {took:6.2f} s")


def _has(name: str) -> bool:
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.templates import load_template

    try:
        load_template(name)
        return True
    except ExchangeError:
        return False


if __name__ == "__main__":
    main()
