"""Import and export of 100,000 (or 300,000) customers: rows per second and peak RSS.

    python benchmarks/bench_exchange.py [--rows 100000 [300000 ...]] [--repeat N] [--layout split|full]
                                        [--compare-readers] [--source FILE.xlsx | --sheets DIR]
    python benchmarks/bench_exchange.py --orders 100000 [30000 300000 ...] [--db-orders 300000] [--sheets DIR]
    python benchmarks/bench_exchange.py --rows 100000 --postgres postgresql://admin:pw@127.0.0.1:5432/postgres
    python benchmarks/bench_exchange.py --rows 100000 --postgres URL --masked-copies   (a team with a masked helper)

``--postgres URL`` (issue 20) imports the same sheet into a team database too, beside SQLite's
number: a fresh database made on that server (the URL's user must be allowed CREATE DATABASE;
dropped afterwards), migrated, then the import in a child process as for SQLite (rows through
COPY, store.bulk). The server's settings count: say whether it runs with fsync off.
Where the server's time goes at 100k (PostgreSQL 15, fsync off, load 5-9 on 2 cores; each phase
timed with log_min_duration_statement): the ids 2 x 1.0 s before the sequence was looked up
once (now 2 x 0.1 s); 20 customer COPYs of 5,000 rows 0.5-1.1 s each (~15 s: the table's 19
indexes; the same COPY with no index and no trigger 1 s in all); 20 address COPYs 0.3-0.7 s
each (~9 s; ~3 s of it the per-row insert triggers address_key and the suspended search
trigger, measured by disabling them); and the search rows in one statement at the end, ~25 s:
the rows' SELECT 1.3 s, sd_grams 4 s, the rest the two GIN indexes (without the trigram one
20 s, without the grams one 17 s; a bigger gin_pending_list_limit or work_mem did not help).

The PostgreSQL line is followed by the CPU seconds of the importer and of the server process
(read from /proc when the server runs on this machine) and each phase's wall / server CPU
seconds: on a machine shared by other work the wall time says little, and the server's
single process (one transaction, so one backend) is the floor of the import's time.
Measured at 100k on 2 cores at load 8-10 (issue 20's bulk-import work; PostgreSQL 15, fsync
off), server CPU before -> after: the search table 23.8 -> 18.6 s (its rows 6.0 s, then its two
GIN indexes built 12.6 s; that phase alone, 5 interleaved runs: 23.3 -> 19.2 s), COPY customer
6.8 -> 5.6 s, COPY address 5.2 -> 1.7 s (its address-key and search insert triggers skipped by
their WHEN, schema 19), history rows 2.7 -> 2.2 s; the server's total 38.7 -> 28.3 s, the
importer's CPU 20.3 -> 17.1 s; wall 189.9 s beside SQLite's 152.1 s -> 125.8 s beside 117.3 s.
Three runs each (the machine's load swings): server CPU 38.7 / 40.2 / 43.9 s before, 28.3 /
33.5 / 37.9 s after (about a fifth less); PostgreSQL's wall over SQLite's 1.25-1.9x before,
1.07-1.26x after.
What is left is the indexes: the 12 sort indexes of customer (~5 s; without them the view's
order of 100k takes 0.3-1.1 s instead of 0.12-0.2 s, even sorted in memory) and the search
table's GIN indexes. Under 20 s at 100k needs the server's process below 20 s, which this
machine's shared cores did not give (the importer's own CPU: ~17-21 s, shared with SQLite's).

Schema 24 (issue 20, the masked search copies kept only while a helper reads masked phones). The
search table's work, measured step by step (statements timed alone, each rolled back; seeded
customers, so shorter texts than the sheet's) at 30k / 100k, server CPU s: the rows' SELECT 0.5 /
1.0; sd_grams 0.8 / 2.7; sd_mask_phones 0.3 / 1.1; the masked grams (mask + sd_grams) 1.3 / 4.0;
the INSERT without GIN indexes 2.9 (with the masked copies) / 4.1 (without them, 100k); the GIN
builds 30k: grams 1.5, masked grams 1.5, masked trigram 0.7, trigram 0.7 (100k without the
copies: grams 4.9, trigram 2.3, the two empty masked ones 0.4); maintenance_work_mem 256 MB
instead of 64 MB: the same CPU (8.05 / 8.14 s). So the masked copies were half of the search
table's work. Cheaper functions did not pay: sd_mask_phones with a regexp fast path for mobiles
1.0 s vs 1.1 s at 30k; sd_grams as two regexp passes 10 s vs 3.3 s at 100k (the loop stays). A
trigger function with a SET search_path cost ~175 µs a row more (the copies' trigger is left
unpinned: masking_pg.UNPINNED); the pinned BEFORE triggers of customer (version, created_by) cost
~4 µs a row each for it, ~0.8 s at 100k, left as they are. The importer's own Python (cProfile at
30k, ~4 s of CPU unprofiled): checking rows (prepare_row: cleaning 3.5, pinyin 2.1, validation
0.8 of its 8.0 profiled s), planning 2.9, writing 1.7, reading 1.4; no round trip per row (32
statements and the COPYs in all); while the search table is made at the end it waits (7.4 s).
Before -> after, a fresh team database without a masked helper (load 3-6 on 2 shared cores;
PostgreSQL 15, fsync off): 30k: wall 22.3 -> 17.9 s (SQLite 11.0 / 11.6 s), server CPU 11.5 ->
7.1 s, importer CPU 3.6 -> 3.6 s, search rows + GIN builds 8.6 -> 4.4 s; 100k: wall 103.1 -> 62.8
s (SQLite 42.0 / 36.1 s), server CPU 42.5 -> 25.5 s, importer 16.0 -> 16.3 s, search rows + GIN
builds 32.5 -> 15.3 s. With ``--masked-copies`` (a team with a masked helper; load 5-7), as before: 30k server CPU
12.3 s (search rows 3.2, GIN builds 6.0), 100k 40.4 s (10.5, 20.4), wall 30.8 / 105.6 s. Then
the grams indexes on ``grams COLLATE "C"`` (search_pg.grams_sql; this server's collation is
C.UTF-8, whose comparisons go through strcoll): the grams build at 100k 4.9 -> 3.6 s of server
CPU, all four 8.1 -> 6.9 s (the column's own collation would need the masked view made anew).
With both, no masked helper (load 9-10: the wall times say little): 30k server CPU 6.3 s (GIN
builds 2.2, search rows 1.4, COPY customer 1.5), importer 3.7 s, wall 23.9 s beside SQLite's
19.0 s; 100k server CPU 21.5 s (GIN builds 7.2, COPY customer 5.4, search rows 4.9, history rows
2.4, COPY address 1.5), importer 15.7 s, wall 94.9 s beside SQLite's 89.9 s. What is left is
about even: the importer's Python (~16 s at 100k, as SQLite's import has it) and the server's
one process (~21 s); under 20 s at 100k is not reachable on these shared cores this way.

Since then (issue 20, a big first import into an empty team database with no one else connected):
each batch's search rows go in by COPY (the rows the importer makes, search.index_row, as SQLite's
import does) while the importer reads on; the search table's GIN indexes and customer's sort
indexes are dropped at the start and built after the commit, up to 3 at once (store.index_builds,
as pg_restore --jobs); COPY's text comes from psycopg's C dumper (~2 s of the importer's CPU at
100k); the cycle collector runs rarely during any import (~1.4 s). The PostgreSQL line's server CPU
now counts the index builders' processes too ("index builds after the commit"). 100k, load ~1:
before 36.9 s (importer CPU 17.1 s, server 22.7 s) beside SQLite's 29.6 s; after 22.1 s (importer
14.9 s, server 16.9 s, of it the builds after the commit 4.7 s wall / 6.0 s CPU) beside SQLite's
21.5 s. Where the 22 s go: the importer's loop 15.8 s (reading the sheet's XML 30% of its CPU,
checking rows 29%, planning 15%), the last batches and address's indexes 0.7 s, the commit 0.2 s,
the builds 4.8 s: the grams GIN index alone takes 4.1 s and the trigram one 3.3 s (the 12 sort
indexes 0.02-0.14 s each), so 2 or 4 builders at once take the same ~5 s on these 2 cores.
Schema 28 (the grams as int8 codes, search_pg.gram_code): on one 100k import database (PostgreSQL
15, one core, load 1.6-2.3) CREATE INDEX … USING gin (scope, grams) took 3.66 / 3.87 / 3.81 s over
the text grams in collation "C", 2.07 / 2.07 / 2.31 s over the codes (the same 8,764,982 pieces;
sd_grams over the 100k rows 1.60-1.68 s as text, 1.66-1.94 s as codes: the same within the load's
swing); the step itself on that database (27 -> 28: the table rewritten, two GIN indexes made
again) 12.2 s. This script at 100k, before -> after, two rounds (the second at load 3.5-3.9):
index builds after the commit 8.4 / 6.0 -> 5.9 / 4.4 s and 9.9 / 7.2 -> 6.6 / 4.6 s (wall / server
CPU); COPY customer_fts (sd_grams runs there) 7.6 / 4.8 -> 7.1 / 4.3 s and 11.6 / 5.4 -> 8.7 / 4.8
s; the server's CPU 16.5 -> 14.3 s and 19.2 -> 15.4 s; wall 30.3 -> 26.8 s and 44.3 -> 31.7 s.
Then (the plain rows read by regular expressions, the planner's Bloom filter, foreign keys and the
search rows' scope off the server's per-row work, two builders of one process each, the longest
first; load 0.9-1.6, 7 runs): the importer's CPU 15-19 -> 11.9-16.7 s, the server's 15-20 ->
12.0-17.2 s (COPY customer_fts 6.0 -> 3.6-5.4, history rows 3.4 -> 1.2-2.0, the builds after the
commit 4.9-6.1 -> 4.2-4.4 s wall, the trigram index 3.2 s of it alone on a core); PostgreSQL 19.3 /
19.9 / 20.9 / 20.9 / 21.0 / 22.1 / 26.5 s beside SQLite's 16.3 / 16.5 / 16.7 / 20.8 / 18.0 / 19.2 /
25.5 s in the same runs (SQLite's own CPU 19.8-31.6 s: these 2 shared cores' speed swings by half
within minutes). Timeline of one in-process import at 17.8 s: the loop 12.9 s (the importer blocked
on the writer's queue 0.2 s; 3.3 s before the foreign keys went), the last batches and address's
indexes 0.7 s, the builds 3.9 s. Kept live, the trigram index would cost the server ~5 s in the loop
(it then waited for the server 3.5 s) for 2 s less at the end: the same total.

``--orders N`` measures the order import instead: a generated shop-style export of N orders
(tests/exchange/order_sheets.py: messy headers, ¥/元/full-width amounts, several date
formats, masked phones, some orders on two rows) imported into a database already holding
``--db-orders`` demo orders, once with its orders and once with ``--customers-only`` (the
same rows as a customer import), each in a child process of its own (time and peak RSS
side by side), then once more with its orders (every 订单号 already there: 0 added).

Generates an .xlsx (split 省/市/区 columns, or one whole-address column with --layout full),
imports it with ``sellerdesk-cli import`` into a fresh data dir (SELLERDESK_HOME in a temp
dir, SELLERDESK_PASSPHRASE set), exports everything again with ``sellerdesk-cli export``,
and prints the times. Targets (issue 5): import < 20 s, export < 10 s, peak RSS < 500 MB at
100k; issue 21: the import's peak RSS flat in rows (``--rows 30000 100000 300000``, or
``--orders 30000 100000 300000``: a table of peak RSS by size and the KB each row beyond the
smallest size costs, ~0 when flat, is printed at the end). Each import
runs in a child process of its own (``--repeat N`` times: the machine may be shared); its
peak RSS is that process's VmHWM, "before import" the same after start-up, and (an import
with orders) "before the orders" the same when the orders start to go in.
The exports run in this process (peak RSS: its ru_maxrss).

Measured ``--orders 30000 100000`` (a database of 300k demo orders; 2 cores shared with other
work, load average 2-12, so the times are CPU seconds): peak RSS of the import with orders
405 MB / 780 MB (5.5 KB an order) when it kept its rows, 336 MB / 440 MB since it reads the
file three times (issue 21: orders decided in a compact ledger, rows written, then the
orders); the same rows as a customer import 258 / 302 MB. CPU 14 s / 48 s before, 30 s /
111 s after (rows checked twice, order rows a third time). What still grew past the rows'
share was SQLite's page cache while the orders went in (store.bulk.bigger_cache: bounded at
256 MB). Since a first load of orders is appended without the order tables' indexes (built at
the end, BulkImport.orders_load), 30k orders into an empty database (``--db-orders 0``, load
13-19): peak RSS 261 -> 252 MB, the orders' phase 211 -> 257 MB before, 211 -> 248 MB after,
SQLite's own memory at most 38.8 MB (``sqlite`` in the printed line: sqlite3_memory_highwater).
Customer imports (load 7-17): 203 / 229 / 253 MB at 30k / 100k / 300k; at 100k the peak came
while the rows were written (237 MB), not in the index builds at the end (227 MB).
Then (issue 21: a 4 MB page cache while a first import appends, memory given back after each
index build, one scratch database for the planner's maps, batches of 2,000; load 1-2):
187 / 190 / 199 MB, 163 / 183 / 192 MB while writing, SQLite's own peak 41 / 47 / 60 -> 10 /
19 / 37 MB; 6.6 / 19.7 / 62.2 s, CPU 6.4 / 22.8 / 73.7 s (before, same load: 202 / 233 MB,
6.3 / 22.5 s, CPU 6.0 / 22.0 s). The 300k peak is the index builds'
(their sorts stay in memory). ``--orders 100000 --db-orders 0``: peak 281 -> 274 MB, before the orders 280 -> 251 MB,
customers only 257 -> 227 MB; CPU 137 s (load 9) -> 140 s (load 9), 115 s (load 2).

The default sheet has split 省/市/区 columns; ``--layout full`` puts the whole address in
one column, so every row also goes through the smart-paste parser (~35 µs a row here).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501 (one table)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪雨婷子涵梓轩"
PLACES = [
    ("广东", "深圳", "南山区"),
    ("广东", "广州", "天河区"),
    ("浙江", "杭州", "西湖区"),
    ("江苏", "南京", "鼓楼区"),
    ("北京", "", "朝阳区"),
    ("上海", "上海", "浦东新区"),
    ("四川", "成都", "武侯区"),
    ("湖北", "武汉", "洪山区"),
    ("山东", "青岛", "市南区"),
    ("福建", "厦门", "思明区"),
    ("河南", "郑州", "金水区"),
    ("陕西", "西安", "雁塔区"),
]
STREETS = ["科技园南区", "文三路", "中山路", "人民路", "建国路", "解放大道", "长江路", "和平街"]


# (rows, peak RSS MB, seconds, peak RSS while writing MB) of each size
Peaks = list[tuple[int, float, float, float]]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, rows: int, layout: str, seed: int = 5) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(["2024 客户名单"])
    sheet.append([])
    if layout == "split":
        sheet.append(["姓名", "手机", "微信", "省份", "城市", "区县", "详细地址", "标签", "备注"])
    else:
        sheet.append(["姓名", "手机", "微信", "收货地址", "标签", "备注"])
    for i in range(rows):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        phone = 13000000000 + rng.randrange(10**9)  # a number cell, as Excel keeps phones
        province, city, district = rng.choice(PLACES)
        detail = f"{rng.choice(STREETS)}{rng.randrange(1, 999)}号{rng.randrange(1, 30)}栋{rng.randrange(101, 2999)}"
        tags = rng.choice(["", "", "VIP", "老客户", "VIP,老客户"])
        if layout == "split":
            sheet.append([name, phone, f"wx_{i}", province, city, district, detail, tags, ""])
        else:
            sheet.append([name, phone, f"wx_{i}", f"{province}{city}{district}{detail}", tags, ""])
    book.save(path)


def compare_readers(path: Path) -> None:
    import openpyxl
    import python_calamine

    started = time.perf_counter()
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    count = sum(1 for _ in book.get_sheet_by_name("客户").iter_rows())
    calamine = time.perf_counter() - started
    started = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count2 = sum(1 for _ in wb["客户"].iter_rows(values_only=True))
    wb.close()
    opx = time.perf_counter() - started
    print(f"read {count} rows: python-calamine {calamine:.1f} s, openpyxl read-only {opx:.1f} s ({count2} rows)")


def hwm_mb() -> float:
    """This process's peak RSS since its exec (VmHWM; ru_maxrss would include the parent's at fork)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return peak_mb()


def _sqlite_highwater_mb() -> float:
    """SQLite's own peak memory in this process (page caches, sorts of index builds), in MB;
    0 when the library's symbol cannot be reached."""
    import ctypes
    import glob

    try:
        import sqlcipher3

        lib = ctypes.CDLL(glob.glob(os.path.join(os.path.dirname(sqlcipher3.__file__), "_sqlite3*.so"))[0])
        lib.sqlite3_memory_highwater.restype = ctypes.c_int64
        lib.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
        return float(lib.sqlite3_memory_highwater(0)) / 2**20
    except (OSError, IndexError, AttributeError, ImportError):
        return 0.0


def child_import(home: str, source: str, extra: list[str]) -> int:
    """One import in this (child) process; prints its time, peak RSS and summary as JSON."""
    import json

    os.environ["SELLERDESK_HOME"] = home
    from sellerdesk.cli import main as cli

    base = hwm_mb()
    started, cpu = time.perf_counter(), time.process_time()
    import contextlib
    import io

    # the peak before the orders go in (an import with orders): what the rows cost, apart from
    # SQLite's page cache filling with the orders written (bounded: store.bulk.BULK_CACHE_KIB)
    from sellerdesk.exchange.importer import write

    before_orders: list[float] = []
    add_orders = write.add_orders

    def measured(*args: object, **kwargs: object) -> int:
        before_orders.append(hwm_mb())
        return add_orders(*args, **kwargs)  # type: ignore[arg-type]

    write.add_orders = measured  # type: ignore[assignment]

    # the import's own peak: VmRSS sampled from the first row written on. The process's peak
    # (VmHWM) also holds the unlock's scrypt (128 MiB, store/keys.py), ~200 MB in all, which
    # a small import never goes above: the same at every size, it hid what the rows cost.
    import threading

    sampled: list[float] = []
    sampling = threading.Event()
    write_records = write.write_records

    def rss_mb() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def sample() -> None:
        while not sampling.wait(0.05):
            sampled.append(rss_mb())

    def writing(*args: object, **kwargs: object) -> object:
        threading.Thread(target=sample, daemon=True).start()
        return write_records(*args, **kwargs)  # type: ignore[arg-type]

    write.write_records = writing  # type: ignore[assignment]
    import sellerdesk.exchange.importer.run as run_module

    run_module.write_records = writing  # type: ignore[assignment]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(["import", source, "--json", *extra])
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    sampling.set()
    sqlite_mb = _sqlite_highwater_mb()
    result = json.loads(out.getvalue())
    before = before_orders[0] if before_orders else None
    own = max(sampled, default=0.0)
    print(
        json.dumps(
            {
                "code": code,
                "took": took,
                "cpu": cpu,
                "peak": hwm_mb(),
                "own": own,
                "base": base,
                "orders": before,
                "sqlite": sqlite_mb,
                "result": result,
            }
        )
    )
    return code


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of server process ``pid`` so far; 0 when it is not on this machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reaped_cpu(pid: int) -> float:
    """CPU seconds of the ended children of ``pid``'s parent (the server's postmaster: its other
    backends, such as the connections building indexes after the commit, once they have ended)."""
    try:
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        fields = Path(f"/proc/{parent}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError, IndexError):
        return 0.0
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def _phase(sql: object) -> str:
    """The phase of the import a statement belongs to (bench_postgres' breakdown)."""
    from sellerdesk.store import bulk

    if isinstance(sql, bulk.Copy):
        return f"COPY {sql.table}"
    text = " ".join(str(sql).split())
    for start, name in (
        ('INSERT INTO "address_change"', "address history rows"),
        ("INSERT INTO customer_fts", "search rows"),
        ("CREATE INDEX", "index builds in the import"),
        ('UPDATE "customer" c SET "address_key"', "address keys"),
    ):
        if text.startswith(start):
            return name
    return "other statements"


def child_import_pg(url: str, source: str) -> int:
    """One import into the team database at ``url`` in this (child) process, as child_import; with
    the wall time and server CPU of each phase (statements timed as they run: the COPYs run in
    the writer's thread while this one reads and checks the next rows)."""
    import json

    from sellerdesk.exchange import importer
    from sellerdesk.store import bulk, index_builds, postgres
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.models import DB

    open_team(url)
    pid = DB.obj.connection().info.backend_pid
    phases: dict[str, list[float]] = {}

    def timed(run):  # type: ignore[no-untyped-def]
        def wrapper(self, sql, *args, **kwargs):  # type: ignore[no-untyped-def]
            wall, cpu = time.perf_counter(), server_cpu(pid)
            try:
                return run(self, sql, *args, **kwargs)
            finally:
                phase = phases.setdefault(_phase(sql), [0.0, 0.0])
                phase[0] += time.perf_counter() - wall
                phase[1] += server_cpu(pid) - cpu

        return wrapper

    bulk.Writer._execute = timed(bulk.Writer._execute)  # type: ignore[method-assign]
    postgres.TeamDatabase._run = timed(postgres.TeamDatabase._run)  # type: ignore[method-assign]
    build_pending = index_builds.build_pending

    def builds(db, jobs=index_builds.JOBS):  # type: ignore[no-untyped-def]
        wall, reaped = time.perf_counter(), reaped_cpu(pid)
        try:
            return build_pending(db, jobs)
        finally:
            if db is DB.obj:
                phase = phases.setdefault("index builds after the commit", [0.0, 0.0])
                phase[0] += time.perf_counter() - wall
                phase[1] += reaped_cpu(pid) - reaped

    index_builds.build_pending = builds  # type: ignore[assignment]
    base = hwm_mb()
    server_before, reaped_before = server_cpu(pid), reaped_cpu(pid)
    started, cpu = time.perf_counter(), time.process_time()
    result = importer.import_file(source, write_report_file=False)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    server = server_cpu(pid) - server_before + reaped_cpu(pid) - reaped_before
    close_store()
    out = {"took": took, "cpu": cpu, "server": server, "phases": phases}
    print(json.dumps({**out, "peak": hwm_mb(), "base": base, "counts": result.counts}))
    return 0


def bench_postgres(args: argparse.Namespace, source: Path, rows: int, sqlite_took: float | None = None) -> None:
    """The same sheet into a fresh team database on ``args.postgres``, each import in a child process."""
    import json
    import subprocess
    import uuid
    from urllib.parse import urlsplit

    import psycopg

    with psycopg.connect(args.postgres, autocommit=True) as conn:
        settings = dict(
            conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'server_version')"
            ).fetchall()
        )
    for attempt in range(args.repeat):
        name = f"sd_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = urlsplit(args.postgres)._replace(path="/" + name).geturl()
        try:
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"import sys; sys.path.insert(0, {str(ROOT / 'src')!r}); "
                    "from sellerdesk.store.database import open_team, close_store; "
                    f"open_team({url!r}); close_store()",
                ],
                check=True,
            )
            migrated = time.perf_counter() - started
            if args.masked_copies:  # as a team with a masked helper has them (schema 24)
                from sellerdesk.store import masking_pg

                with psycopg.connect(url) as conn:
                    masking_pg.keep_copies(conn, True)
            cmd = [sys.executable, __file__, "--child-import-pg", url, str(source)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=os.environ)
            out = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"IMPORT {rows} rows into PostgreSQL #{attempt + 1}: {out['took']:.1f} s = {rows / out['took']:,.0f} "
                f"rows/s (target < 20 s at 100k; CPU of the importer {out['cpu']:.1f} s; new {out['counts']['new']}); "
                f"peak RSS {out['peak']:.0f} MB; load {os.getloadavg()[0]:.1f} "
                f"(schema made first in {migrated:.1f} s; masked copies "
                f"{'kept' if args.masked_copies else 'not kept'}; PostgreSQL {settings.get('server_version')}, "
                f"fsync {settings.get('fsync')}, synchronous_commit {settings.get('synchronous_commit')})"
            )
            if out["server"]:
                print(
                    f"  CPU: importer {out['cpu']:.1f} s (reading, checking, COPY's text), server processes "
                    f"{out['server']:.1f} s (the import's and the index builders'); the server's phases "
                    "(wall s / server CPU s):"
                )
                for phase, (wall, cpu) in sorted(out["phases"].items(), key=lambda kv: -kv[1][1]):
                    if wall >= 0.05:
                        print(f"    {phase:<26} {wall:6.1f} / {cpu:5.1f}")
            if sqlite_took is not None:
                print(
                    f"  beside SQLite: {sqlite_took:.1f} s (SQLite) / {out['took']:.1f} s (PostgreSQL) at load "
                    f"{os.getloadavg()[0]:.1f}"
                )
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_orders(args: argparse.Namespace, orders: int, peaks: Peaks) -> int:
    import json
    import shutil
    import subprocess

    sys.path.insert(0, str(ROOT / "tests" / "exchange"))
    from order_sheets import write_shop_export

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["SELLERDESK_PASSPHRASE"] = "benchmark passphrase 123"
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        if args.sheets is not None:
            args.sheets.mkdir(parents=True, exist_ok=True)
            source = args.sheets / f"orders-{orders}.xlsx"
        else:
            source = args.source or tmp_path / "orders.xlsx"
        if source.exists():
            print(f"reusing {source} ({source.stat().st_size / 1e6:.1f} MB; made with the same --orders?)")
        else:
            started = time.perf_counter()
            written = write_shop_export(source, orders)
            print(
                f"generated {written.orders} orders on {written.rows} rows ({len(written.buyers)} buyers) in "
                f"{time.perf_counter() - started:.1f} s, {source.stat().st_size / 1e6:.1f} MB"
            )
        seed_home = tmp_path / "seed"
        os.environ["SELLERDESK_HOME"] = str(seed_home)
        from sellerdesk.cli import main as cli

        assert cli(["init", "--json"]) == 0
        if args.db_orders:
            started = time.perf_counter()
            assert cli(["demo", "--customers", str(max(1, args.db_orders // 3))]) == 0
            print(f"demo database: ~{args.db_orders} orders in {time.perf_counter() - started:.1f} s")

        def run(label: str, home: Path, extra: list[str]) -> dict:
            cmd = [sys.executable, __file__, "--child-import", str(home), str(source), *extra]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=os.environ)
            out = json.loads(done.stdout.strip().splitlines()[-1])
            r = out["result"]
            print(
                f"{label:<28} {out['took']:6.1f} s (CPU {out['cpu']:.1f} s), peak RSS {out['peak']:.0f} MB "
                f"(before {out['base']:.0f} MB"
                + (f", before the orders {out['orders']:.0f} MB" if out.get("orders") else "")
                + f", sqlite {out.get('sqlite', 0.0):.0f} MB"
                + f"); customers new {r['counts']['new']}, merged "
                f"{r['counts']['merged']}; orders_added {r['orders_added']}, orders_existing {r['orders_existing']}"
            )
            return out

        for name, label, extra in (
            ("only", "customers only (same rows)", ["--customers-only"]),
            ("orders", "customers + orders", []),
        ):
            home = tmp_path / name
            shutil.copytree(seed_home, home)
            out = run(f"IMPORT {label}", home, extra)
            if not extra:
                peaks.append((orders, out["peak"], out["took"], out["own"]))
            if not extra:
                run("IMPORT again (all there)", home, [])
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


def print_memory_table(label: str, peaks: Peaks) -> None:
    """Peak RSS (VmHWM of the import's own process) by size, and what each row beyond the
    smallest size costs: ~0 KB/row is an import flat in rows (issue 21)."""
    if len(peaks) < 2:
        return
    print(f"\n{label}: peak RSS by rows (flat in rows = the same MB at every size)")
    print(
        f"{'rows':>10} {'peak RSS':>10} {'writing':>10} {'time':>8} {'rows/s':>8} "
        f"{'KB/row beyond the first':>24} {'(writing)':>10}"
    )
    first_rows, first_peak, _, first_own = peaks[0]
    for rows, peak, took, own in peaks:
        slope = "" if rows == first_rows else f"{(peak - first_peak) * 1024 / (rows - first_rows):.2f}"
        own_slope = "" if rows == first_rows else f"{(own - first_own) * 1024 / (rows - first_rows):.2f}"
        print(
            f"{rows:>10,} {peak:>7.0f} MB {own:>7.0f} MB {took:>6.1f} s {rows / took:>8,.0f} "
            f"{slope:>24} {own_slope:>10}"
        )
    print("(peak RSS: the process's, the unlock's scrypt included; writing: sampled from the first row written on)")
    print(f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def bench_customers(args: argparse.Namespace, rows: int, peaks: Peaks | None = None) -> None:
    """Import ``rows`` generated customers, each import in a child process of its own (its time
    and peak RSS alone), then export them in this process."""
    import json
    import shutil
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["SELLERDESK_PASSPHRASE"] = "benchmark passphrase 123"
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        if args.sheets is not None:
            args.sheets.mkdir(parents=True, exist_ok=True)
            source = args.sheets / f"customers-{rows}-{args.layout}.xlsx"
        else:
            source = args.source or tmp_path / "customers.xlsx"
        if source.exists():
            print(f"reusing {source} ({source.stat().st_size / 1e6:.1f} MB; made with the same --rows/--layout?)")
        else:
            started = time.perf_counter()
            generate(source, rows, args.layout)
            print(
                f"generated {rows} rows ({args.layout} address columns) in "
                f"{time.perf_counter() - started:.1f} s, {source.stat().st_size / 1e6:.1f} MB"
            )
        if args.compare_readers:
            compare_readers(source)

        seed = tmp_path / "seed"
        os.environ["SELLERDESK_HOME"] = str(seed)
        from sellerdesk.cli import main as cli

        assert cli(["init", "--json"]) == 0
        home = tmp_path / "home"
        sqlite_took: float | None = None
        for attempt in range(args.repeat):
            shutil.rmtree(home, ignore_errors=True)
            shutil.copytree(seed, home)
            cmd = [sys.executable, __file__, "--child-import", str(home), str(source)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=os.environ)
            out = json.loads(done.stdout.strip().splitlines()[-1])
            # CPU time exceeds the wall time: SQLite stores the rows (store.bulk.Writer) in a
            # helper thread while the importer checks the next ones
            print(
                f"IMPORT {rows} rows #{attempt + 1}: {out['took']:.1f} s = {rows / out['took']:,.0f} rows/s "
                f"(target < 20 s at 100k; CPU {out['cpu']:.1f} s); peak RSS {out['peak']:.0f} MB, "
                f"{out['own']:.0f} MB while writing "
                f"(before import {out['base']:.0f} MB; SQLite's own peak {out.get('sqlite', 0.0):.0f} MB; "
                f"target: flat in rows); load {os.getloadavg()[0]:.1f}"
            )
            sqlite_took = out["took"]
            if peaks is not None and attempt == 0:
                peaks.append((rows, out["peak"], out["took"], out["own"]))
        if args.postgres:
            bench_postgres(args, source, rows, sqlite_took)

        os.environ["SELLERDESK_HOME"] = str(home)
        target = tmp_path / "export.xlsx"
        started = time.perf_counter()
        assert cli(["export", str(target)]) == 0
        took = time.perf_counter() - started
        print(
            f"EXPORT {rows} customers: {took:.1f} s = {rows / took:,.0f} rows/s (target < 10 s at 100k); "
            f"peak RSS {peak_mb():.0f} MB"
        )
        started = time.perf_counter()
        assert cli(["export", str(tmp_path / "courier.xlsx"), "--template", "generic"]) == 0
        took = time.perf_counter() - started
        print(f"EXPORT courier template: {took:.1f} s = {rows / took:,.0f} rows/s; peak RSS {peak_mb():.0f} MB")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-import":
        return child_import(sys.argv[2], sys.argv[3], sys.argv[4:])
    if len(sys.argv) > 1 and sys.argv[1] == "--child-import-pg":
        return child_import_pg(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, nargs="+", default=[100_000], help="customer rows; several sizes: 100000 300000"
    )
    parser.add_argument("--repeat", type=int, default=1, help="imports per size (the machine may be shared)")
    parser.add_argument(
        "--orders", type=int, nargs="+", default=[], help="benchmark the order import; several sizes: 30000 300000"
    )
    parser.add_argument("--db-orders", type=int, default=300_000, help="orders in the database first (--orders)")
    parser.add_argument("--layout", choices=("split", "full"), default="split")
    parser.add_argument("--compare-readers", action="store_true")
    parser.add_argument(
        "--source",
        type=Path,
        default=None,
        help="keep the generated sheet here and reuse it when it exists (generating takes ~35 s)",
    )
    parser.add_argument(
        "--sheets",
        type=Path,
        default=None,
        help="a folder to keep the generated sheets in (customers-N-LAYOUT.xlsx, orders-N.xlsx) and reuse",
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        default=None,
        help="also import into a fresh database on this PostgreSQL server (a URL allowed to CREATE DATABASE)",
    )
    parser.add_argument(
        "--masked-copies",
        action="store_true",
        help="with --postgres: the search table's masked copies kept, as in a team with a masked helper",
    )
    args = parser.parse_args()
    if args.orders:
        peaks: Peaks = []
        for orders in args.orders:
            bench_orders(args, orders, peaks)
        print_memory_table("order import (customers + orders)", peaks)
        return 0

    peaks: Peaks = []
    for rows in args.rows:
        bench_customers(args, rows, peaks)
    print_memory_table("customer import", peaks)
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
