"""Backup and restore of a large database: seconds and file size.

    python benchmarks/bench_backup.py [--customers 100000] [--keep DIR]

Builds a throw-away encrypted data dir in a temp folder (never the user's), fills it with
realistic rows by bulk inserts in one transaction (customers, 1.3 addresses each with their
history rows, one order each), then times:

* backup  — snapshot + encrypt + safe write (``backup_datadir``, what the button and the CLI do);
* verify  — full authenticated check (``verify_backup``, what ``sellerdesk-cli verify`` does);
* restore — decrypt, check, back up the replaced data first, swap in, open (``restore_into`` +
  open, into an existing data dir, as on the same machine) and into an empty data dir.

Target: backup and restore under 3 s each for 100k customers.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"  # noqa: E501 (one table)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳悦晨曦"
PLACES = [
    ("广东省", "深圳市", "南山区"),
    ("浙江省", "杭州市", "西湖区"),
    ("北京市", "北京市", "朝阳区"),
    ("四川省", "成都市", "武侯区"),
    ("江苏省", "苏州市", "昆山市"),
    ("上海市", "上海市", "浦东新区"),
    ("湖北省", "武汉市", "洪山区"),
    ("广西壮族自治区", "南宁市", "青秀区"),
]


def fill(n: int) -> None:
    from sellerdesk.core.pinyin import initials, sort_key
    from sellerdesk.store.models import DB

    rng = random.Random(42)
    now = "2026-01-01 00:00:00"
    customers, addresses, changes, orders = [], [], [], []
    address_id = 0
    for cid in range(1, n + 1):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        customers.append(
            (
                cid,
                name,
                sort_key(name),
                initials(name),
                phone,
                f"wx_{cid}",
                "老客户,VIP" if cid % 7 == 0 else "",
                "",
                "",
                "微信",
                "",
                "",
                0,
                None,
                now,
                now,
                None,
            )
        )
        for k in range(2 if cid % 10 < 3 else 1):
            address_id += 1
            province, city, district = rng.choice(PLACES)
            street = rng.choice("科技园人民路中山路解放路建设路")
            detail = f"{street}{rng.randrange(1, 999)}号{rng.randrange(1, 30)}栋{rng.randrange(101, 2999)}室"
            addresses.append(
                (
                    address_id,
                    cid,
                    name,
                    phone,
                    province,
                    city,
                    district,
                    detail,
                    "",
                    "",
                    "家" if k == 0 else "公司",
                    1 if k == 0 else 0,
                    None,
                    now,
                    now,
                    None,
                )
            )
            changes.append((address_id, cid, "create", None, '{"detail": "' + detail + '"}', "created", now))
        orders.append(
            (
                cid,
                "2025-12-01",
                rng.randrange(1000, 99900),
                "面膜 x2",
                "顺丰",
                f"SF{cid:012d}",
                None,
                "shipped",
                now,
                now,
            )
        )
    db = DB.obj
    with db.atomic():
        cur = db.cursor()
        cur.executemany(
            "INSERT INTO customer (id, name, name_pinyin, name_initials, phone, wechat, tags, tier, gender, source,"
            " notes, flags, marketing_consent, birthday, created_at, updated_at, deleted_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            customers,
        )
        cur.executemany(
            "INSERT INTO address (id, customer_id, recipient, phone, province, city, district, detail, postal_code,"
            " adcode, label, is_default, verified_at, created_at, updated_at, deleted_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            addresses,
        )
        cur.executemany(
            "INSERT INTO address_change (address_id, customer_id, action, old_values, new_values, reason, changed_at)"
            " VALUES (?,?,?,?,?,?,?)",
            changes,
        )
        cur.executemany(
            "INSERT INTO orders (customer_id, order_date, amount_fen, items, courier, tracking_no, address_snapshot,"
            " status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            orders,
        )
    print(
        f"rows: {len(customers)} customers, {len(addresses)} addresses, {len(changes)} address changes, "
        f"{len(orders)} orders"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args()

    from sellerdesk.backup import backup_datadir, read_info, restore_into, unlock_backup, verify_backup
    from sellerdesk.store.session import DataDir

    with tempfile.TemporaryDirectory(prefix="sellerdesk-bench-") as tmp:
        tmp = Path(tmp)
        os.environ["SELLERDESK_HOME"] = str(tmp / "home")  # nothing may touch the real data dir
        password = "benchmark password"
        datadir = DataDir(tmp / "home", None)
        key, _code = datadir.initialize("password", password)
        t0 = time.perf_counter()
        fill(args.customers)
        datadir.close()
        db_mb = datadir.db_path.stat().st_size / 1e6
        print(f"filled in {time.perf_counter() - t0:.1f} s; database file {db_mb:.1f} MB")

        dest = tmp / "backups"
        dest.mkdir()
        t0, c0 = time.perf_counter(), time.process_time()
        result = backup_datadir(datadir, key, [dest])
        backup_s, backup_cpu = time.perf_counter() - t0, time.process_time() - c0
        size_mb = result.path.stat().st_size / 1e6

        t0 = time.perf_counter()
        verify_backup(result.path, key)
        verify_s = time.perf_counter() - t0

        t0, c0 = time.perf_counter(), time.process_time()
        info = read_info(result.path)
        restore_key = unlock_backup(info, secret=password)  # scrypt, as a user typing the password
        restored = restore_into(result.path, restore_key, datadir, current_key=key)
        datadir.open(restored.key)
        datadir.close()
        restore_s, restore_cpu = time.perf_counter() - t0, time.process_time() - c0

        empty = DataDir(tmp / "new-machine", None)
        t0, c0 = time.perf_counter(), time.process_time()
        restored = restore_into(result.path, unlock_backup(info, secret=password), empty)
        empty.open(restored.key)
        empty.close()
        restore_empty_s, restore_empty_cpu = time.perf_counter() - t0, time.process_time() - c0

    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time suffers on a busy machine)")
    print(f"customers:              {args.customers}")
    print(f"backup file:            {size_mb:.1f} MB")
    print(f"backup:                 {backup_s:.2f} s wall, {backup_cpu:.2f} s CPU   (target < 3 s)")
    print(f"verify:                 {verify_s:.2f} s wall")
    print(f"restore (empty dir):    {restore_empty_s:.2f} s wall, {restore_empty_cpu:.2f} s CPU   (target < 3 s)")
    print(
        f"restore (replace):      {restore_s:.2f} s wall, {restore_cpu:.2f} s CPU   "
        "(includes a full backup of the replaced data first)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
