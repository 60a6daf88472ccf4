"""Import and export of 100,000 customers: rows per second and peak RSS.

    python benchmarks/bench_exchange.py [--rows 100000] [--layout split|full] [--compare-readers]
                                        [--source FILE.xlsx]

Generates an .xlsx (split 省/市/区 columns, or one whole-address column with --layout full),
imports it with ``sellerdesk-cli import`` into a fresh data dir (SELLERDESK_HOME in a temp
dir, SELLERDESK_PASSPHRASE set), exports everything again with ``sellerdesk-cli export``,
and prints the times. Targets (issue 5): import < 20 s, export < 10 s, peak RSS < 500 MB.
Peak RSS is this process's ru_maxrss (the CLI runs in-process).

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--layout", choices=("split", "full"), default="split")
    parser.add_argument("--compare-readers", action="store_true")
    parser.add_argument(
        "--source",
        type=Path,
        default=None,
        help="keep the generated sheet here and reuse it when it exists (generating takes ~35 s)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ["SELLERDESK_HOME"] = str(tmp_path / "home")
        os.environ["SELLERDESK_PASSPHRASE"] = "benchmark passphrase 123"
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        source = args.source or tmp_path / "customers.xlsx"
        if source.exists():
            print(f"reusing {source} ({source.stat().st_size / 1e6:.1f} MB; made with the same --rows/--layout?)")
        else:
            started = time.perf_counter()
            generate(source, args.rows, args.layout)
            print(
                f"generated {args.rows} rows ({args.layout} address columns) in "
                f"{time.perf_counter() - started:.1f} s, {source.stat().st_size / 1e6:.1f} MB"
            )
        if args.compare_readers:
            compare_readers(source)

        from sellerdesk.cli import main as cli

        assert cli(["init", "--json"]) == 0
        base = peak_mb()
        started, cpu = time.perf_counter(), time.process_time()
        assert cli(["import", str(source)]) == 0
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        # CPU time exceeds the wall time: SQLite stores the rows (store.bulk.Writer) in a helper
        # thread while this one checks the next ones
        print(
            f"IMPORT {args.rows} rows: {took:.1f} s = {args.rows / took:,.0f} rows/s (target < 20 s; "
            f"CPU {cpu:.1f} s); peak RSS {peak_mb():.0f} MB (before import {base:.0f} MB)"
        )

        target = tmp_path / "export.xlsx"
        started = time.perf_counter()
        assert cli(["export", str(target)]) == 0
        took = time.perf_counter() - started
        print(
            f"EXPORT {args.rows} customers: {took:.1f} s = {args.rows / took:,.0f} rows/s (target < 10 s); "
            f"peak RSS {peak_mb():.0f} MB"
        )
        started = time.perf_counter()
        assert cli(["export", str(tmp_path / "courier.xlsx"), "--template", "generic"]) == 0
        took = time.perf_counter() - started
        print(f"EXPORT courier template: {took:.1f} s = {args.rows / took:,.0f} rows/s; peak RSS {peak_mb():.0f} MB")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
