"""Labels and 偏远地区 at scale. Prints numbers beside anchors; asserts nothing.

    .venv/bin/python benchmarks/bench_labels.py [--labels 1000] [--customers 100000] [--home DIR]

Labels: reading N orders' labels (exchange.labels) and painting them to a PDF in both
layouts, beside QPdfWriter writing the same number of pages of one line of Chinese text
each (the floor any PDF of N pages pays). 偏远地区: the remote customer and order id sets,
the remote count of the region tree, and the filter `list --json` pays, at --customers
demo customers (~3 orders each), beside a province filter of the same view.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def _ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--home", default=None, help="an existing demo data folder (kept)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(args.home or tempfile.mkdtemp(prefix="bench-labels-"))
    os.environ["SELLERDESK_HOME"] = str(home)
    os.environ.setdefault("SELLERDESK_PASSPHRASE", "amber kettle orbit 71")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPdfWriter

    from sellerdesk.exchange import labels
    from sellerdesk.store import demo, orders, queries, remote_areas
    from sellerdesk.store.session import DataDir
    from sellerdesk.ui.shipping.label_painter import label_families, write_pdf

    app = QGuiApplication([])  # noqa: F841
    datadir = DataDir.default()
    key = (
        datadir.initialize("password", os.environ["SELLERDESK_PASSPHRASE"])[0]
        if not datadir.is_initialized()
        else datadir.unlock_headless()
    )
    datadir.open(key)
    out = Path(tempfile.mkdtemp(prefix="bench-labels-pdf-"))
    try:
        if queries.count_customers(queries.CustomerFilter()) < args.customers:
            t = time.perf_counter()
            demo.generate(args.customers)
            print(f"demo {args.customers}: {time.perf_counter() - t:.1f} s")
        ids = orders.order_ids(orders.OrderFilter(), "date")[: args.labels]
        n = len(ids)

        t = time.perf_counter()
        writer = QPdfWriter(str(out / "anchor.pdf"))
        writer.setResolution(300)
        painter = QPainter(writer)
        font = QFont()
        font.setFamilies(list(label_families()))
        font.setPointSizeF(12)
        painter.setFont(font)
        for i in range(n):
            if i:
                writer.newPage()
            painter.drawText(QRectF(100, 100, 2000, 200), 0, f"第 {i} 页 广东省深圳市南山区科技园1号")
        painter.end()
        del writer
        print(f"anchor: QPdfWriter, {n} pages of one text line: {_ms(t)}")

        t = time.perf_counter()
        data = labels.order_labels(ids, mask=True)
        print(f"read {n} orders' labels: {_ms(t)}")
        for layout in ("a4", "thermal"):
            t = time.perf_counter()
            report = write_pdf(str(out / f"{layout}.pdf"), data, layout)
            size = (out / f"{layout}.pdf").stat().st_size / 1e6
            print(f"paint {n} labels, {layout}: {_ms(t)} ({report.pages} pages, {size:.1f} MB)")

        print(
            f"--- 偏远地区 at {queries.count_customers(queries.CustomerFilter()):,} customers, "
            f"{orders.count_orders():,} orders"
        )
        t = time.perf_counter()
        province = queries.customer_ids(queries.CustomerFilter(provinces=("甘肃省", "青海省")), "id")
        print(f"anchor: province filter (2 provinces) ids: {len(province)} in {_ms(t)}")
        t = time.perf_counter()
        found = remote_areas.customer_ids()
        print(f"remote customer ids (default list): {len(found)} in {_ms(t)}")
        t = time.perf_counter()
        count = queries.count_remote()
        print(f"count_remote (the region tree's node): {count} in {_ms(t)}")
        t = time.perf_counter()
        ids_remote = queries.customer_ids(queries.CustomerFilter(remote=True), "name")
        print(f"customer view filtered to 偏远地区, sorted by name: {len(ids_remote)} in {_ms(t)}")
        t = time.perf_counter()
        found_orders = remote_areas.order_ids()
        print(f"remote order ids: {len(found_orders)} in {_ms(t)}")
        remote_areas.save_entries([*remote_areas.entries(), "四川省甘孜藏族自治州", "阿坝州", "港澳台", "海南"])
        t = time.perf_counter()
        found = remote_areas.customer_ids()
        print(f"remote customer ids (list + 2 cities, 港澳台, 海南): {len(found)} in {_ms(t)}")
        t = time.perf_counter()
        found_orders = remote_areas.order_ids()
        print(f"remote order ids (same list): {len(found_orders)} in {_ms(t)}")
    finally:
        datadir.close()


if __name__ == "__main__":
    main()
