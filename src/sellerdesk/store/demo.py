"""Demo data: realistic, clearly fake customers for trying the app and for benchmarks.

Every demo customer carries the ``demo`` flag (:data:`customers.FLAG_DEMO`), so
:func:`remove_demo` takes them all out again in one step. They are fake on purpose:

* phones are real-looking mobiles whose middle block is ``0000`` (``138-0000-1234``);
* WeChat IDs start with ``demo_``; notes say 演示数据;
* addresses are real 省/市/区 from the bundled region table with invented streets.

:func:`generate` writes everything with ``insert_many`` in one transaction (100,000
customers take seconds, not minutes); it reports progress and stops on cancel, leaving
nothing behind.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import random
from collections.abc import Callable
from functools import cache

from sellerdesk.core import regions
from sellerdesk.core.pinyin import initials, sort_key
from sellerdesk.progress import CancelToken
from sellerdesk.store import search
from sellerdesk.store.customers import FLAG_DEMO, audit
from sellerdesk.store.models import DB, Address, Customer, Order

Progress = Callable[[int, int, str], None]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万覃武钱戴严莫孔向常汤"
)
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕梅鹏飞宇浩然子轩欣怡梓涵思雨佳琪"
    "雪婷婷晓东海波建国文博志强春花秋月晨曦一诺雨桐诗涵俊杰嘉怡梦琪子豪佳怡心怡欣然宇航振华丽娟凤英"
)
STREETS = (
    "幸福路",
    "建设路",
    "人民路",
    "解放路",
    "中山路",
    "文化路",
    "和平路",
    "新华路",
    "长江路",
    "黄河路",
    "光明街",
    "朝阳街",
    "学府路",
    "创业大道",
    "科技路",
    "滨江大道",
    "花园路",
    "青年路",
    "胜利街",
    "友谊路",
    "迎宾大道",
    "东风路",
    "西湖路",
    "南京路",
    "北京路",
    "金桥路",
    "银河路",
    "书院街",
    "工业大道",
    "体育路",
)
ESTATES = (
    "阳光花园",
    "锦绣家园",
    "翠苑小区",
    "金色港湾",
    "碧桂园",
    "万科城",
    "绿城小区",
    "幸福里",
    "新城国际",
    "龙湖天街",
    "世纪华庭",
    "海悦名都",
    "御景湾",
    "星河湾",
    "丽景苑",
    "文华苑",
    "恒大名都",
    "春风里",
    "和园",
    "嘉园",
)
COMPANIES = ("科技园", "创意产业园", "商务中心", "写字楼", "大厦", "工业园", "电商产业园")
TAGS = ("VIP", "回头客", "新客", "代理", "批发", "团购", "朋友圈", "待回访", "老客户", "宝妈")
TIERS = (("", 40), ("普通", 30), ("银卡", 15), ("金卡", 10), ("钻石", 5))
SOURCES = ("微信", "朋友圈", "小红书", "抖音", "老客介绍", "淘宝", "")
ITEMS = ("面膜×2", "洗发水", "护手霜套装", "蜂蜜 500g", "茶叶礼盒", "红枣 2 斤", "精华液", "坚果大礼包", "香皂×6")
COURIERS = ("顺丰", "中通", "圆通", "韵达", "申通", "邮政", "京东")
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "185",
    "186",
    "187",
    "188",
    "189",
    "199",
)
# Rough weights so the region tree looks like a real seller's (many in 广东/浙江/江苏…).
PROVINCE_WEIGHTS = {
    "44": 12,
    "33": 8,
    "32": 8,
    "37": 7,
    "41": 6,
    "51": 6,
    "31": 5,
    "11": 5,
    "42": 5,
    "43": 5,
    "35": 4,
    "34": 4,
    "13": 4,
    "36": 3,
    "50": 3,
    "45": 3,
    "21": 3,
    "61": 3,
    "53": 3,
    "52": 2,
    "12": 2,
    "14": 2,
    "22": 2,
    "23": 2,
    "15": 1,
    "46": 1,
    "62": 1,
    "65": 1,
    "64": 1,
    "63": 1,
    "54": 1,
    "81": 1,
    "82": 1,
    "71": 1,
}
DEMO_NOTE = "演示数据 demo"
_BATCH = 500


def fake_phone(rng: random.Random) -> str:
    """A mobile-shaped number with the middle block 0000: obviously not a real customer's."""
    return rng.choice(MOBILE_PREFIXES) + "0000" + f"{rng.randrange(10000):04d}"


def _places() -> tuple[list[tuple[str, str, str, str]], list[int]]:
    """Every (province, city, district, adcode) leaf of the region table, with weights."""
    places: list[tuple[str, str, str, str]] = []
    weights: list[int] = []
    for province in regions.provinces():
        pw_ = PROVINCE_WEIGHTS.get(province.adcode[:2], 1)
        cities = regions.children(province.adcode) or [province]
        leaves: list[tuple[str, str, str, str]] = []
        for city in cities:
            counties = regions.children(city.adcode) if city is not province else []
            city_name = city.name if city is not province else province.name
            if counties:
                leaves.extend((province.name, city_name, c.name, c.adcode) for c in counties)
            else:
                leaves.append((province.name, city_name, "", city.adcode))
        for leaf in leaves:
            places.append(leaf)
            weights.append(max(1, round(1000 * pw_ / len(leaves))))
    return places, weights


def _name(rng: random.Random) -> tuple[str, str]:
    """(surname, given name)."""
    surname = rng.choice(DOUBLE_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return surname, given


@cache
def _syllables(part: str) -> tuple[str, str]:
    """(spaced pinyin, initials) of a surname or a given name; cached, as the parts repeat."""
    return sort_key(part).split("\x00", 1)[0], initials(part)


def _pinyin_columns(surname: str, given: str) -> tuple[str, str]:
    """name_pinyin and name_initials as store.customers computes them (surname read on its own,
    as pypinyin does for names), from cached parts instead of one pypinyin call per customer."""
    s_pinyin, s_initials = _syllables(surname)
    g_pinyin, g_initials = _syllables(given)
    return f"{s_pinyin} {g_pinyin}\x00{surname}{given}", s_initials + g_initials


def _detail(rng: random.Random, label: str) -> str:
    street = f"{rng.choice(STREETS)}{rng.randint(1, 999)}号"
    if label == "公司":
        return f"{street}{rng.choice(COMPANIES)}{rng.choice('ABCDEF')}座{rng.randint(1, 30)}{rng.randint(1, 20):02d}室"
    unit = f"{rng.randint(1, 3)}单元{rng.randint(1, 33)}{rng.randint(1, 8):02d}"
    return f"{street}{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{unit}"


_CUSTOMER_COLUMNS = (
    "id",
    "name",
    "name_pinyin",
    "name_initials",
    "phone",
    "wechat",
    "tags",
    "tier",
    "birthday",
    "gender",
    "source",
    "notes",
    "flags",
    "marketing_consent",
    "last_order_at",
    "created_at",
    "updated_at",
    "deleted_at",
)
_ADDRESS_COLUMNS = (
    "id",
    "customer_id",
    "recipient",
    "phone",
    "province",
    "city",
    "district",
    "detail",
    "postal_code",
    "adcode",
    "label",
    "is_default",
    "verified_at",
    "created_at",
    "updated_at",
    "deleted_at",
)
_ORDER_COLUMNS = (
    "customer_id",
    "order_date",
    "amount_fen",
    "items",
    "courier",
    "tracking_no",
    "address_snapshot",
    "status",
    "created_at",
    "updated_at",
)


def generate(
    count: int,
    *,
    seed: int | None = None,
    progress: Progress | None = None,
    token: CancelToken | None = None,
    now: _dt.datetime | None = None,
) -> int:
    """Add ``count`` demo customers (with addresses and orders); return how many were added.

    One transaction: a cancel (``token``) or an error leaves the database as it was.
    Rows are written with plain ``executemany`` (peewee's per-value SQL building would be
    ten times slower at 100k); values are in the form the ORM stores (text timestamps,
    0/1 booleans), and the search index is filled in one statement at the end.
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    rng = random.Random(seed)
    report = progress or (lambda done, total, message="": None)
    # A bigger page cache for the load: the rows go into a dozen indexes in random order, and
    # with the usual 32 MiB pages were evicted (encrypted, spilled) and read back over and over.
    db = DB.obj
    cache_size = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    if count >= 10_000:
        db.execute_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        added = _generate(count, rng, report, token, now)
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")
    return added


BULK_CACHE_KIB = 256 * 1024


def _generate(
    count: int, rng: random.Random, report: Progress, token: CancelToken | None, now: _dt.datetime | None
) -> int:
    places, weights = _places()
    cum_weights = list(itertools.accumulate(weights))
    now = now or _dt.datetime.now(_dt.UTC).replace(tzinfo=None, microsecond=0)
    stamp_now = str(now)
    tier_names = [t for t, _ in TIERS]
    tier_cum = list(itertools.accumulate(w for _, w in TIERS))
    added = 0
    with DB.atomic(), search.bulk_load():
        next_customer = (Customer.select(Customer.id).order_by(Customer.id.desc()).scalar() or 0) + 1
        next_address = (Address.select(Address.id).order_by(Address.id.desc()).scalar() or 0) + 1
        report(0, count, "")
        for start in range(0, count, _BATCH):
            if token is not None:
                token.check()
            size = min(_BATCH, count - start)
            customer_rows, address_rows, order_rows = [], [], []
            for offset in range(size):
                cid = next_customer + start + offset
                surname, given = _name(rng)
                name = surname + given
                name_pinyin, name_initials = _pinyin_columns(surname, given)
                phone = fake_phone(rng)
                created = now - _dt.timedelta(days=rng.randint(30, 1100), seconds=rng.randrange(86400))
                updated = str(created + _dt.timedelta(days=rng.randint(0, (now - created).days)))
                created = str(created)
                tags = ",".join(rng.sample(TAGS, k=rng.choice((0, 0, 1, 1, 1, 2, 3))))
                last_order = None
                for _ in range(rng.choice((0, 0, 1, 1, 2, 3, 5, 8))):
                    day = (now - _dt.timedelta(days=rng.randint(0, 720))).date()
                    last_order = max(last_order, day) if last_order else day
                    order_rows.append(
                        (
                            cid,
                            day.isoformat(),
                            rng.randint(19, 1999) * 100 + rng.choice((0, 0, 50, 90)),
                            rng.choice(ITEMS),
                            rng.choice(COURIERS),
                            "",
                            None,
                            rng.choice(("delivered", "delivered", "shipped", "pending")),
                            stamp_now,
                            stamp_now,
                        )
                    )
                customer_rows.append(
                    (
                        cid,
                        name,
                        name_pinyin,
                        name_initials,
                        phone,
                        f"demo_{name_initials}{rng.randint(100, 99999)}" if rng.random() < 0.75 else "",
                        tags,
                        rng.choices(tier_names, cum_weights=tier_cum)[0],
                        None,
                        rng.choice(("F", "F", "M", "")),
                        rng.choice(SOURCES),
                        DEMO_NOTE,
                        FLAG_DEMO,
                        int(rng.random() < 0.3),
                        f"{last_order.isoformat()} 00:00:00" if last_order else None,
                        created,
                        updated,
                        None,
                    )
                )
                n_addresses = rng.choice((0, 1, 1, 1, 1, 2, 2, 3)) if rng.random() > 0.01 else 0
                for index in range(n_addresses):
                    province, city, district, adcode = rng.choices(places, cum_weights=cum_weights)[0]
                    label = rng.choice(("家", "家", "公司", "")) if index else rng.choice(("家", "家", "", "公司"))
                    detail = _detail(rng, label)
                    if rng.random() < 0.03:  # some incomplete ones, as real data has
                        if rng.random() < 0.5:
                            detail = ""
                        else:
                            district, adcode = "", adcode[:4] + "00"
                    address_rows.append(
                        (
                            next_address,
                            cid,
                            name if rng.random() < 0.85 else "".join(_name(rng)),
                            phone if rng.random() < 0.8 else fake_phone(rng),
                            province,
                            city,
                            district,
                            detail,
                            "",
                            adcode,
                            label,
                            int(index == 0),
                            updated if rng.random() < 0.2 else None,
                            created,
                            updated,
                            None,
                        )
                    )
                    next_address += 1
            _insert(Customer, _CUSTOMER_COLUMNS, customer_rows)
            _insert(Address, _ADDRESS_COLUMNS, address_rows)
            _insert(Order, _ORDER_COLUMNS, order_rows)
            added += size
            report(added, count, "")
        audit("demo_generate", "customer", None, count=added)
    return added


def _insert(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    DB.obj.cursor().executemany(f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({marks})', rows)


def count_demo() -> int:
    from sellerdesk.store.queries import CustomerFilter, count_customers

    return count_customers(CustomerFilter(flags=(FLAG_DEMO,))) + count_customers(
        CustomerFilter(flags=(FLAG_DEMO,), trashed=True)
    )


def remove_demo() -> int:
    """Delete every demo customer for good (they are generated, nothing of the user's); return the count."""
    from sellerdesk.store.queries import _list_contains

    with DB.atomic():
        removed = Customer.delete().where(_list_contains(Customer.flags, FLAG_DEMO)).execute()
        if removed:
            audit("demo_remove", "customer", None, count=removed)
    return removed


__all__ = ["DEMO_NOTE", "count_demo", "fake_phone", "generate", "remove_demo"]
