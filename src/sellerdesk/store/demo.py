"""Demo data: realistic, clearly fake customers for trying the app and for benchmarks.

Every demo customer carries the ``demo`` flag (:data:`customers.FLAG_DEMO`), so
:func:`remove_demo` takes them all out again in one step. They are fake on purpose:

* phones are real-looking mobiles whose middle block is ``0000`` (``138-0000-1234``);
* WeChat IDs start with ``demo_``; notes are what a seller jots down (只收顺丰, 对芒果过敏…), in Chinese;
* addresses are real 省/市/区 from the bundled region table with invented streets.

:func:`generate` writes everything with ``insert_many`` in one transaction (100,000
customers take seconds, not minutes); it reports progress and stops on cancel, leaving
nothing behind.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import random
from collections.abc import Callable
from functools import cache

from sellerdesk.core import clock, regions
from sellerdesk.core import orders as orders_core
from sellerdesk.core import tiers as core_tiers
from sellerdesk.core.pinyin import initials, sort_key
from sellerdesk.progress import CancelToken, no_progress
from sellerdesk.store import bulk, search, settings
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.customers import FLAG_DEMO, audit
from sellerdesk.store.models import DB, Customer, FollowUp, Order, OrderItem, PointsEntry, dump_json

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
SOURCES = ("微信", "朋友圈", "小红书", "抖音", "老客介绍", "淘宝", "")
# What a 微商 sells: (product, unit price in 分, weight).
PRODUCTS = (
    ("补水面膜 5片装", 3990, 12),
    ("蚕丝面膜 10片", 6900, 6),
    ("护手霜", 2900, 10),
    ("护手霜套装", 5900, 4),
    ("铁观音 250g", 12800, 5),
    ("普洱茶饼 357g", 16800, 3),
    ("明前龙井 100g", 19800, 3),
    ("土蜂蜜 500g", 6800, 6),
    ("新疆红枣 2斤", 4500, 6),
    ("宁夏枸杞 500g", 5800, 4),
    ("坚果大礼包", 8900, 5),
    ("手工香皂", 1990, 6),
    ("腊肉 1斤", 5900, 3),
    ("东北小米 5斤", 3900, 3),
    ("五常大米 10斤", 7900, 3),
    ("手工辣椒酱", 2500, 4),
    ("精华液 30ml", 19900, 3),
    ("防晒霜", 8900, 4),
    ("洗发水", 4900, 4),
    ("口红", 13900, 2),
)
COURIERS = (
    ("顺丰", "SF"),
    ("中通", "ZTO"),
    ("圆通", "YT"),
    ("韵达", "YD"),
    ("申通", "STO"),
    ("邮政", "EMS"),
    ("京东", "JD"),
)
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
# what sellers write in 备注, most customers none: Chinese only, like a real shop's
DEMO_NOTES = (
    *("",) * 40,
    "只收顺丰",
    "工作日白天不在家，放门卫",
    "快递放丰巢柜",
    "周末才能收件",
    "老客户介绍来的",
    "对芒果过敏，别送含芒果的试吃",
    "需要开发票，抬头见聊天记录",
    "宝妈，常买婴儿用品",
    "上次漏发一件，已补发",
    "喜欢包装精致一点，要送人",
    "不要放小票",
    "收件前先打电话",
    "代理，按代理价",
    "生日在十月，记得送小礼物",
    "偏远地区，运费另算",
    "只在晚上回消息",
)
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
    "order_count",
    "total_spent_fen",
    "first_order_at",
    "tier_manual",
    "points",
    "created_at",
    "updated_at",
    "deleted_at",
    "birthday_lunar",
    "consent_date",
    "consent_via",
)
_FOLLOW_UP_COLUMNS = (
    "customer_id",
    "kind",
    "on_date",
    "channel",
    "note",
    "outcome",
    "next_date",
    "status",
    "created_at",
    "updated_at",
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
MEAN_ORDERS = 3.0  # per customer; 0 to MAX_ORDERS, most have a few, some many
MAX_ORDERS = 20


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
    report = progress or no_progress
    with bulk.bigger_cache(count):
        added = _generate(count, rng, report, token, now)
    return added


def _generate(
    count: int, rng: random.Random, report: Progress, token: CancelToken | None, now: _dt.datetime | None
) -> int:
    places, weights = _places()
    cum_weights = list(itertools.accumulate(weights))
    if now is None:
        now, today = _dt.datetime.now(_dt.UTC).replace(tzinfo=None, microsecond=0), clock.today()
    else:
        today = (now.replace(tzinfo=_dt.UTC).astimezone() if now.tzinfo is None else now).date()
    rules = store_tiers.tier_rules()
    added = 0
    with DB.atomic():
        # ids of the rows written here (an order refers to its address, a customer's numbers to
        # their orders): on from the highest on SQLite, from the id sequences on a team server
        customer_ids = bulk.Numbers("customer", count)
        address_ids = bulk.Numbers("address", count * 3 // 2)
        orders = _OrderMaker(rng, today, rules, bulk.Numbers("orders", int(count * MEAN_ORDERS * 1.2)))
        with (
            bulk.Writer() as writer,
            search.bulk_load(writer=writer),
            bulk.deferred_indexes(("customer", "address"), count),
            bulk.deferred_indexes(("orders", "order_item"), count * 3),
        ):
            report(0, count, "")
            for start in range(0, count, _BATCH):
                if token is not None:
                    token.check()
                size = min(_BATCH, count - start)
                customer_rows, address_rows = [], []
                follow_ups: list[tuple[object, ...]] = []
                orders.start_batch()
                for _ in range(size):
                    cid = customer_ids.take()
                    surname, given = _name(rng)
                    name = surname + given
                    name_pinyin, name_initials = _pinyin_columns(surname, given)
                    phone = fake_phone(rng)
                    created_dt = now - _dt.timedelta(days=rng.randint(30, 1100), seconds=rng.randrange(86400))
                    updated = str(created_dt + _dt.timedelta(days=rng.randint(0, (now - created_dt).days)))
                    created = str(created_dt)
                    tags = ",".join(rng.sample(TAGS, k=rng.choice((0, 0, 1, 1, 1, 2, 3))))
                    default_address: tuple[int, dict[str, str]] | None = None
                    n_addresses = rng.choice((0, 1, 1, 1, 1, 2, 2, 3)) if rng.random() > 0.01 else 0
                    for index in range(n_addresses):
                        next_address = address_ids.take()
                        province, city, district, adcode = rng.choices(places, cum_weights=cum_weights)[0]
                        label = rng.choice(("家", "家", "公司", "")) if index else rng.choice(("家", "家", "", "公司"))
                        detail = _detail(rng, label)
                        if rng.random() < 0.03:  # some incomplete ones, as real data has
                            if rng.random() < 0.5:
                                detail = ""
                            else:
                                # (the city's own code, as a save derives it: 天门市 is 429006, not 429000)
                                district, adcode = "", regions.resolve_cached(province, city, "").adcode
                        row = (
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
                            updated if rng.random() < 0.2 else _recent_check(next_address, created_dt, now),
                            created,
                            updated,
                            None,
                        )
                        address_rows.append(row)
                        if index == 0:
                            default_address = (next_address, dict(zip(_ADDRESS_COLUMNS[2:11], row[2:11])))
                    history = orders.make(cid, (today - created_dt.date()).days, default_address)
                    level, manual = history.tier, 0
                    if rng.random() < 0.01:  # a few chosen by hand (a 代理, a friend)
                        level, manual = rng.choice(core_tiers.LEVELS[1:]), 1
                    wechat = f"demo_{name_initials}{rng.randint(100, 99999)}" if rng.random() < 0.75 else ""
                    gender, source = rng.choice(("F", "F", "M", "")), rng.choice(SOURCES)
                    consent = int(rng.random() < 0.3)  # (drawn in this order, as before: seeded data stays)
                    care = _care(cid, consent, created_dt.date(), today)
                    follow_ups.extend(care.follow_ups)
                    customer_rows.append(
                        (
                            cid,
                            name,
                            name_pinyin,
                            name_initials,
                            phone,
                            wechat,
                            tags,
                            level,
                            care.birthday,
                            gender,
                            source,
                            DEMO_NOTES[cid * 7919 % len(DEMO_NOTES)],  # no draw: seeded data stays as it was
                            FLAG_DEMO,
                            consent,
                            _midnight(history.last),
                            history.count,
                            history.spent,
                            _midnight(history.first),
                            manual,
                            0,
                            created,
                            updated,
                            None,
                            care.lunar,
                            care.consent_date,
                            care.consent_via,
                        )
                    )
                writer.insert("customer", _CUSTOMER_COLUMNS, customer_rows)
                writer.insert("follow_up", _FOLLOW_UP_COLUMNS, follow_ups)
                writer.insert("address", _ADDRESS_COLUMNS, address_rows)
                writer.insert("orders", bulk.ORDER_COLUMNS, orders.order_rows)
                writer.insert("order_item", bulk.ORDER_ITEM_COLUMNS, orders.item_rows)
                added += size
                report(added, count, "")
            writer.wait()
        audit("demo_generate", "customer", None, count=added, orders=orders.made)
        settings.write(settings.TIERS_RECOMPUTED_ON, today.isoformat())
    return added


def _recent_check(address_id: int, created: _dt.datetime, now: _dt.datetime) -> str | None:
    """A verified stamp of the last five months on about half the addresses, so the 待核对 list
    holds some addresses and not nearly all (定期核对). From the id, not a draw: seeded demo data
    stays as it was."""
    mixed = address_id * 2654435761 % 4294967296
    if mixed % 100 >= 50:
        return None
    return str(max(created, now - _dt.timedelta(days=mixed // 100 % 150, seconds=mixed % 86400)))


# Follow-up texts of the demo (what was said, the outcome), and the ways consent was given.
_FOLLOW_UP_NOTES = (
    ("问面膜用得怎么样", "说很好用，想再买两盒"),
    ("提醒护手霜快用完了", "下周再联系"),
    ("回访上次的快递", "已收到，很满意"),
    ("问要不要新品试用装", "要一份，地址不变"),
)
_FEEDBACK_NOTES = (("快递太慢，等了五天", ""), ("收到的面霜盖子裂了", "答应补发一个"), ("颜色和图片不一样", ""))
_CONSENT_WAYS = ("wechat", "wechat", "verbal", "paper", "import")


class _Care:
    """A demo customer's birthday (a third lunar), consent details and follow-ups, drawn from a
    hash of the id (no draw from the main generator: seeded data stays as it was)."""

    __slots__ = ("birthday", "lunar", "consent_date", "consent_via", "follow_ups")

    def __init__(self) -> None:
        self.birthday: str | None = None
        self.lunar: int | None = None
        self.consent_date: str | None = None
        self.consent_via = ""
        self.follow_ups: list[tuple[object, ...]] = []


def _care(cid: int, consent: int, created: _dt.date, today: _dt.date) -> _Care:
    h = (cid * 2654435761) & 0xFFFFFFFF
    out = _Care()
    if h % 10 < 6:  # six in ten have a birthday
        month, day = h // 10 % 12 + 1, h // 120 % 28 + 1
        if h // 3360 % 3 == 0:
            out.lunar = month * 100 + day + (5000 if h // 10080 % 40 == 0 and month == 6 else 0)
        else:
            out.birthday = f"{1960 + h // 10080 % 44}-{month:02d}-{day:02d}"
    if consent:
        out.consent_date = created.isoformat()
        out.consent_via = _CONSENT_WAYS[h // 7 % len(_CONSENT_WAYS)]
    pick = h // 13 % 100
    stamp = f"{today.isoformat()} 08:00:00"
    if pick < 6:  # a follow-up, some with a next date around today
        note, outcome = _FOLLOW_UP_NOTES[pick % len(_FOLLOW_UP_NOTES)]
        on = today - _dt.timedelta(days=h // 17 % 60 + 1)
        later = on + _dt.timedelta(days=h // 19 % 45 + 7) if pick < 4 else None
        channel = ("wechat", "phone", "sms")[h // 23 % 3]
        follow_up = (cid, "followup", on.isoformat(), channel, note, outcome, later and later.isoformat(), "")
        out.follow_ups.append((*follow_up, stamp, stamp))
    elif pick < 8:  # feedback, mostly solved
        note, outcome = _FEEDBACK_NOTES[pick % len(_FEEDBACK_NOTES)]
        on = today - _dt.timedelta(days=h // 17 % 30)
        status = "open" if h // 29 % 3 == 0 else "solved"
        out.follow_ups.append((cid, "feedback", on.isoformat(), "wechat", note, outcome, None, status, stamp, stamp))
    return out


def _midnight(day: _dt.date | None) -> str | None:
    return f"{day.isoformat()} 00:00:00" if day else None


class _History:
    """One customer's orders in numbers, as store.orders maintains them."""

    __slots__ = ("count", "first", "last", "spent", "tier")

    def __init__(self) -> None:
        self.count = self.spent = 0
        self.first: _dt.date | None = None
        self.last: _dt.date | None = None
        self.tier = core_tiers.NORMAL


class _OrderMaker:
    """Orders of demo customers: 0 to MAX_ORDERS each (~MEAN_ORDERS), over the last two years,
    with lines, snapshots of the default address, couriers and statuses by age (recent ones
    pending or shipped, a few cancelled or refunded), and the customer's numbers and tier
    computed as the store does (core.tiers.TierRules.tier_for over the 12-month window)."""

    def __init__(self, rng: random.Random, today: _dt.date, rules: core_tiers.TierRules, ids: bulk.Numbers) -> None:
        self.rng = rng
        self.today = today
        self.rules = rules
        self.since = core_tiers.window_start(today)
        self.ids = ids
        self.made = 0
        self.order_rows: list[tuple[object, ...]] = []
        self.item_rows: list[tuple[object, ...]] = []
        # Per-order Python work is most of the load's time: draws are bisections of one
        # random(), day texts and line texts (as core.orders.format_items writes them) are made once.
        self._days = [today - _dt.timedelta(days=d) for d in range(731)]
        self._day_texts = [d.isoformat() for d in self._days]
        self._product_cum = list(itertools.accumulate(p[2] for p in PRODUCTS))
        self._piece: dict[tuple[int, int, bool], str] = {}

    def start_batch(self) -> None:
        self.order_rows = []
        self.item_rows = []

    def _text(self, index: int, quantity: int, priced: bool) -> str:
        key = (index, quantity, priced)
        piece = self._piece.get(key)
        if piece is None:
            product, price, _ = PRODUCTS[index]
            line = orders_core.OrderLine(product, quantity, price if priced else None)
            piece = self._piece[key] = orders_core.format_items([line])
        return piece

    def make(self, cid: int, age_days: int, address: tuple[int, dict[str, str]] | None) -> _History:
        rng = self.rng
        random_ = rng.random
        history = _History()
        n = min(MAX_ORDERS, int(rng.expovariate(1 / (MEAN_ORDERS + 0.5))))
        if not n:
            return history
        span = max(0, min(729, age_days))
        snapshot = dump_json(address[1]) if address is not None else None
        address_id = address[0] if address is not None else None
        window_spent = window_count = 0
        product_cum, product_total = self._product_cum, self._product_cum[-1]
        take = self.ids.take
        for _ in range(n):
            oid = take()
            self.made += 1
            age = min(span, int(rng.triangular(0, span + 1, 0)))
            day, day_text = self._days[age], self._day_texts[age]
            # lines: 1 to 3 products, mostly one piece each
            r = random_()
            k = 1 if r < 0.70 else (2 if r < 0.92 else 3)
            picked: list[int] = []
            while len(picked) < k:
                index = bisect.bisect(product_cum, random_() * product_total)
                if index not in picked:
                    picked.append(index)
            priced = random_() >= 0.2  # some sellers write no prices
            pieces = []
            subtotal = 0
            for position, index in enumerate(picked):
                r = random_()
                quantity = 1 if r < 0.75 else (2 if r < 0.93 else (3 if r < 0.97 else (4 if r < 0.99 else 5)))
                product, price, _ = PRODUCTS[index]
                self.item_rows.append((oid, position, product, quantity, price))
                pieces.append(self._text(index, quantity, priced))
                subtotal += price * quantity
            amount = subtotal
            r = random_()
            if r < 0.15:  # a discount, never below ¥1
                amount = max(100, subtotal - (500, 1000, 2000)[int(r * 20) % 3])
            elif r > 0.95:  # shipping to a remote place
                amount += 1000
            status = self._status(age)
            courier = tracking = ""
            shipped_on = None
            if status in (orders_core.SHIPPED, orders_core.DELIVERED) or (
                status == orders_core.REFUNDED and age > 3 and random_() < 0.7
            ):
                courier, prefix = COURIERS[int(random_() * len(COURIERS))]
                tracking = f"{prefix}{rng.randrange(10**11, 10**12)}"
                shipped_on = self._day_texts[max(0, age - (0, 1, 1, 2)[int(random_() * 4)])]
            stamp = f"{day_text} {8 + int(random_() * 15):02d}:{int(random_() * 60):02d}:00"
            self.order_rows.append(
                (
                    oid,
                    cid,
                    day_text,
                    amount,
                    ", ".join(pieces),
                    courier,
                    tracking,
                    snapshot,
                    status,
                    stamp,
                    stamp,
                    f"DEMO{day_text[2:4]}{day_text[5:7]}{day_text[8:10]}{oid:07d}" if random_() < 0.4 else "",
                    "",
                    shipped_on,
                    address_id,
                    None,
                    1,
                )
            )
            if status in orders_core.COUNTING:
                history.count += 1
                history.spent += amount
                history.first = min(history.first, day) if history.first else day
                history.last = max(history.last, day) if history.last else day
                if day >= self.since:
                    window_count += 1
                    window_spent += amount
        history.tier = self.rules.tier_for(window_spent, window_count)
        return history

    def _status(self, age: int) -> str:
        r = self.rng.random()
        if age <= 2:
            return orders_core.PENDING if r < 0.6 else (orders_core.SHIPPED if r < 0.97 else orders_core.CANCELLED)
        if age <= 7:
            return orders_core.SHIPPED if r < 0.45 else (orders_core.DELIVERED if r < 0.97 else orders_core.REFUNDED)
        if r < 0.03:
            return orders_core.CANCELLED
        if r < 0.05:
            return orders_core.REFUNDED
        return orders_core.DELIVERED


def count_demo() -> int:
    from sellerdesk.store.queries import CustomerFilter, count_customers

    return count_customers(CustomerFilter(flags=(FLAG_DEMO,))) + count_customers(
        CustomerFilter(flags=(FLAG_DEMO,), trashed=True)
    )


def remove_demo() -> int:
    """Delete every demo customer for good, with their orders (they are generated, nothing of
    the user's); return the count."""
    from sellerdesk.store.queries import _list_contains

    with DB.atomic():
        demo_ids = Customer.select(Customer.id).where(_list_contains(Customer.flags, FLAG_DEMO))
        # Their orders first, set by set: left to the cascade, deleting each address would first
        # point its orders' address_id at nothing (ON DELETE SET NULL) just before they go.
        demo_orders = Order.select(Order.id).where(Order.customer.in_(demo_ids))
        OrderItem.delete().where(OrderItem.order.in_(demo_orders)).execute()
        FollowUp.delete().where(FollowUp.customer.in_(demo_ids)).execute()
        PointsEntry.delete().where(PointsEntry.customer.in_(demo_ids)).execute()
        Order.delete().where(Order.customer.in_(demo_ids)).execute()
        removed = Customer.delete().where(_list_contains(Customer.flags, FLAG_DEMO)).execute()
        if removed:
            audit("demo_remove", "customer", None, count=removed)
    return removed


__all__ = ["DEMO_NOTES", "count_demo", "fake_phone", "generate", "remove_demo"]
