"""Orders and courier blank templates for the shipping tests (store, exchange, CLI, UI)."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation

from sellerdesk.core import clock
from sellerdesk.core.orders import OrderLine

SZ = {
    "recipient": "张三",
    "phone": "13812345678",
    "province": "广东省",
    "city": "深圳市",
    "district": "南山区",
    "detail": "科技园南区1栋101",
}
BJ = {
    "recipient": "李四",
    "phone": "13912345678",
    "province": "北京市",
    "city": "北京市",
    "district": "朝阳区",
    "detail": "建国路88号",
}
HZ = {
    "recipient": "王五",
    "phone": "13712345678",
    "province": "浙江省",
    "city": "杭州市",
    "district": "西湖区",
    "detail": "文三路1号",
}

BLANK_HEADERS = [
    "订单号",
    "收件人姓名(必填)",
    "收件人手机",
    "收件（省）",
    "收件（市）",
    "收件（区/县）",
    "收件详细地址",
    "物品名称",
    "数量",
    "备注",
    "寄件人",
    "寄件人手机",
    "寄件地址",
    "付款方式",
]


def make_orders(today: dt.date | None = None) -> dict[str, int]:
    """Three customers, four 待发货 orders (two to one phone), one shipped; name → order id."""
    from sellerdesk.store import customers, orders

    today = today or clock.today()
    a = customers.create_customer({"name": "张三", "phone": "13812345678", "notes": "私人：爱砍价"}, [SZ]).id
    b = customers.create_customer({"name": "李四", "phone": "13912345678"}, [BJ]).id
    c = customers.create_customer({"name": "王五", "phone": "13712345678"}, [HZ]).id
    ids = {
        "sz": orders.add_order(
            a,
            amount_fen=9900,
            order_date=today,
            order_no="A001",
            items=[OrderLine("面膜", 2, 3900), OrderLine("护手霜", 1, 2100)],
        ).id,
        "bj": orders.add_order(b, amount_fen=5000, order_date=today, order_no="A002", items="茶叶 x3").id,
        "hz1": orders.add_order(c, amount_fen=100, order_date=today, items=[OrderLine("口红", 1, 100)]).id,
        "hz2": orders.add_order(c, amount_fen=200, order_date=today, items=[OrderLine("眼霜", 1, 200)]).id,
        "old": orders.add_order(
            a, amount_fen=300, order_date=today, order_no="A000", status="shipped", courier="顺丰", tracking_no="SF1000"
        ).id,
    }
    return ids


def blank_template(path, *, headers=BLANK_HEADERS, title="中通批量下单模板（请勿修改表头）") -> str:
    """A courier's blank bulk-order workbook: a title row above the header (row 2), a styled header,
    a drop-down list (data validation) on 付款方式, a second sheet of instructions."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "批量下单"
    ws["A1"] = title
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    for i, h in enumerate(headers, 1):
        cell = ws.cell(row=2, column=i, value=h)
        cell.font = openpyxl.styles.Font(bold=True, color="FF0000")
    ws.column_dimensions["G"].width = 40
    dv = DataValidation(type="list", formula1='"寄付,到付,月结"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("N3:N5000")
    notes = book.create_sheet("填写说明")
    notes["A1"] = "带（必填）的列必须填写"
    book.save(path)
    return str(path)
