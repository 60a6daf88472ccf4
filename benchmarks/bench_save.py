"""The UI thread's share of saving a customer in the main window (issue 21: at 300k customers
the counts and the table's id list after each save ran on the UI thread).

    python benchmarks/bench_save.py --home DIR [--customers 300000] [--saves 8]

Opens the window on DIR (made once with that many demo customers when it has fewer), selects
a customer and saves it ``--saves`` times (the notes, then the name too every other time, so
the customer moves in the name order), each from the Save action until the new id list is
shown. It prints, per save (median and max):

- ``save call``: the UI thread inside the Save action (the editor's store write, then what the
  window does at once);
- ``swap``: the UI thread putting the new id list in (after the worker read it; 0 when the
  code reads it inside the save call);
- ``UI thread``: the two together; ``longest stall``: the longest gap between the ticks of a
  5 ms timer on the UI thread from the click until the list is swapped in (what the user feels);
- ``until shown``: wall time from the click to the new list in the table.

Anchor: the store call that reads the name order (``queries.ordered_ids``), timed alone on the
calling thread; the machine's load average is printed before and after (2 shared cores).
The window runs offscreen unless a display is set. Point PYTHONPATH at another checkout's
``src`` to measure the code before a change the same way.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_home import open_home  # noqa: E402


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _status(field: str) -> str:
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith(field + ":"):
                return f"{int(row.split()[1]) / 1024:.0f}"
    return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", required=True, help="data dir to reuse (or create once)")
    parser.add_argument("--customers", type=int, default=300_000)
    parser.add_argument("--saves", type=int, default=8)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    print(_load())
    datadir = open_home(Path(args.home), args.customers)
    datadir.close()

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    import sellerdesk.ui.main_window as main_window
    from sellerdesk.i18n import install_translations
    from sellerdesk.store import queries
    from sellerdesk.store.session import DataDir
    from sellerdesk.ui.context import AppContext, settings_for

    install_translations(app, "zh_CN")
    datadir = DataDir.default()
    key = datadir.unlock_headless()
    datadir.open(key)
    print(f"code: {Path(main_window.__file__).resolve().parents[2]}")

    anchor = []
    for _ in range(3):
        t = time.perf_counter()
        rows = len(queries.ordered_ids("name"))
        anchor.append((time.perf_counter() - t) * 1000)
    print(f"anchor: queries.ordered_ids('name') of {rows:,} customers: {statistics.median(anchor):.0f} ms median")

    window = main_window.MainWindow(AppContext(datadir, key, settings_for(datadir)))
    window.reminded = True
    window.resize(1366, 738)
    window.show()
    reader = getattr(window, "view_reader", None)
    started = time.perf_counter()
    while not window.counts_ready and time.perf_counter() - started < 120:
        app.processEvents()
    while window.tier_job is not None and window.tier_job.running:
        app.processEvents()

    swaps: list[float] = []
    arrived = getattr(window, "_view_arrived", None)
    if arrived is not None:

        def timed_arrival(answer) -> None:
            t = time.perf_counter()
            arrived(answer)
            swaps.append((time.perf_counter() - t) * 1000)

        reader.ready.disconnect(window._view_arrived)
        reader.ready.connect(timed_arrival)

    ticks = QElapsedTimer()
    gaps: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def tick() -> None:
        gaps.append(ticks.restart())

    heartbeat.timeout.connect(tick)

    window.table.selectRow(window.model.rowCount() // 2)
    customer_id = window.editor.customer_id
    name = window.editor.name.text()
    results = []
    for i in range(args.saves):
        window.editor.notes.setPlainText(f"bench_save {i} {time.time()}")
        if i % 2:
            window.editor.name.setText(name + "甲" if window.editor.name.text() == name else name)
        window.editor._customer_edited()
        swaps.clear()
        gaps.clear()
        ticks.start()
        heartbeat.start()
        t = time.perf_counter()
        window.save_action.trigger()
        call = (time.perf_counter() - t) * 1000
        gaps.append(ticks.restart())  # (the save call itself, as a stall)
        while reader is not None and reader.busy:
            app.processEvents()
        shown = (time.perf_counter() - t) * 1000
        heartbeat.stop()
        app.processEvents()
        assert window.editor.customer_id == customer_id and window.selected_ids() == [customer_id]
        results.append((call, sum(swaps), max(gaps), shown))
    window.editor.notes.setPlainText("")
    window.editor.name.setText(name)
    window.editor._customer_edited()
    window.save_action.trigger()
    while reader is not None and reader.busy:
        app.processEvents()

    def line(label: str, values: list[float]) -> None:
        print(f"  {label:<16} {statistics.median(values):7.0f} ms median   (max {max(values):.0f})")

    print(f"{args.saves} saves of one customer among {window.model.rowCount():,}:")
    line("save call", [r[0] for r in results])
    line("swap", [r[1] for r in results])
    line("UI thread", [r[0] + r[1] for r in results])
    line("longest stall", [r[2] for r in results])
    line("until shown", [r[3] for r in results])
    print(f"memory: peak {_status('VmHWM')} MB, now {_status('VmRSS')} MB (the window's start included)")
    window.editor._set_dirty(False)
    window.counter.stop()
    if reader is not None:
        reader.stop()
    window._finish_tier_check()
    datadir.close()
    print(_load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
