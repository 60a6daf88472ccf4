"""A generated shop-style order export with messy columns, for the tests and the import benchmark.

``write_shop_export(path, orders)`` writes an .xlsx like a 淘宝/千牛 or 拼多多 download that went
through a seller's hands: a title row and a blank row above the header, header names mixed
from several shops (with bracketed hints such as ``(元)``), extra columns the importer does
not use, blank rows, amounts with ¥ and 元 and full-width digits, dates in several formats,
some phones masked, and some orders on two rows (one per order line, the order-level
amount repeated). Returns what it wrote, to check the import against.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.core import clock

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬斌宇浩凯健俊帆"
PLACES = [
    "广东省 深圳市 南山区",
    "浙江省 杭州市 西湖区",
    "北京市 北京市 朝阳区",
    "江苏省 南京市 鼓楼区",
    "四川省 成都市 武侯区",
    "上海市 上海市 浦东新区",
    "湖北省 武汉市 洪山区",
    "福建省 厦门市 思明区",
]
PRODUCTS = ["玻尿酸面膜", "护手霜", "口红", "精华液", "洗面奶", "眼霜", "防晒霜", "身体乳"]
STATUSES = [
    ("交易成功", "delivered"),
    ("卖家已发货，等待买家确认", "shipped"),
    ("买家已付款，等待卖家发货", "pending"),
    ("交易关闭", "cancelled"),
    ("退款成功", "refunded"),
    ("已签收", "delivered"),
]
HEADER = [
    "订单编号",
    "买家会员名",
    "店铺名称",  # extra
    "买家实际支付金额(元)",
    "优惠金额",  # extra
    "订单状态",
    "收货人姓名",
    "收货地址 ",
    "联系手机",
    "订单付款时间",
    "宝贝标题",
    "宝贝总数量",
    "商品单价",
    "物流单号",
    "物流公司",
    "买家留言",
    "备用字段",  # extra
]
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass
class Written:
    orders: int = 0
    rows: int = 0
    buyers: set[str] = field(default_factory=set)
    counting_fen: int = 0  # the amount of the orders that count (not cancelled/refunded)
    by_no: dict[str, tuple[int, str]] = field(default_factory=dict)  # 订单号 -> (amount 分, status)


def _money_text(rng: random.Random, fen: int) -> str:
    yuan = f"{fen // 100}.{fen % 100:02d}"
    style = rng.random()
    if style < 0.2:
        return f"¥{yuan}"
    if style < 0.35:
        return f"{yuan}元"
    if style < 0.45:
        return yuan.translate(FULL_WIDTH)
    if style < 0.5:
        return f"￥{int(fen // 100):,}.{fen % 100:02d}"
    return yuan


def _date_text(rng: random.Random, day: dt.date) -> str:
    style = rng.random()
    if style < 0.4:
        return f"{day.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if style < 0.6:
        return f"{day.year}/{day.month}/{day.day}"
    if style < 0.75:
        return f"{day.year}年{day.month}月{day.day}日"
    if style < 0.85:
        return day.strftime("%Y%m%d")
    return f"{day.year}.{day.month:02d}.{day.day:02d} {rng.randint(0, 23)}:{rng.randint(0, 59):02d}"


def write_shop_export(path: Path, orders: int, seed: int = 14, today: dt.date | None = None) -> Written:
    from openpyxl import Workbook

    rng = random.Random(seed)
    today = today or clock.today()
    buyers = []
    for i in range(max(1, orders // 3)):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        place = rng.choice(PLACES)
        detail = f"{rng.choice(['科技园', '文三路', '中山路', '人民路'])}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋"
        buyers.append((f"buyer{i}", name, phone, f"{place} {detail}"))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("订单列表")
    sheet.append(["店铺订单导出"])
    sheet.append([])
    sheet.append(HEADER)
    written = Written()
    for n in range(orders):
        nick, name, phone, address = rng.choice(buyers)
        masked = rng.random() < 0.1
        shown_phone = f"{phone[:3]}****{phone[-4:]}" if masked else phone
        if rng.random() < 0.05:
            shown_phone = f"{phone[:3]} {phone[3:7]} {phone[7:]}"  # spaced
        day = today - dt.timedelta(days=rng.randint(0, 700))
        status_text, status = rng.choice(STATUSES)
        lines = [
            (rng.choice(PRODUCTS), rng.randint(1, 3), rng.randint(990, 29900)) for _ in range(rng.choice((1, 1, 1, 2)))
        ]
        amount = sum(q * p for _, q, p in lines)
        if rng.random() < 0.2:
            amount = max(100, amount - 1000)  # a discount
        order_no = f"{3_000_000_000_000 + n * 7919}"
        tracking = f"SF{rng.randrange(10**11, 10**12)}" if status in ("shipped", "delivered") else ""
        for position, (product, quantity, price) in enumerate(lines):
            row = [
                order_no,
                nick,
                "小店",
                _money_text(rng, amount),
                "0",
                status_text,
                name,
                address,
                shown_phone,
                _date_text(rng, day),
                product,
                str(quantity).translate(FULL_WIDTH) if rng.random() < 0.05 else quantity,
                _money_text(rng, price),
                tracking,
                "顺丰速运" if tracking else "",
                "请尽快发货" if position == 0 and rng.random() < 0.1 else "",
                "",
            ]
            sheet.append(row)
            written.rows += 1
        if rng.random() < 0.02:
            sheet.append([])  # blank rows between orders
        written.orders += 1
        written.buyers.add(nick)
        written.by_no[order_no] = (amount, status)
        if status not in ("cancelled", "refunded"):
            written.counting_fen += amount
    for _ in range(50):
        sheet.append([None] * len(HEADER))  # trailing empty rows
    book.save(path)
    return written
