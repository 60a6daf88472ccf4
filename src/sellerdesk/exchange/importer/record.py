"""One data row of an import, the problems found in it and what the plan does with it
(shared by every stage)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sellerdesk.core.orders import OrderLine

CHUNK = 500  # rows between two progress reports (and cancel checks) of every stage

ISSUES: dict[str, tuple[str, str, str]] = {
    "no_identity": (
        "没有姓名、手机或微信号，无法识别客户，未导入",
        "no name, phone or WeChat ID: not imported",
        "reject",
    ),
    "invalid_phone": (
        "手机号无法识别，已按原样保存并标记需核对",
        "phone not recognised: kept as typed, marked needs check",
        "flag",
    ),
    "unknown_region": (
        "省/市/区无法识别，已按原样保存并标记需核对",
        "province/city/district not recognised: kept as typed, marked needs check",
        "flag",
    ),
    "region_mismatch": (
        "省/市/区不匹配（如广东省杭州市），已按原样保存并标记需核对",
        "province, city and district do not belong together (e.g. 广东省 with 杭州市): kept as typed, "
        "marked needs check",
        "flag",
    ),
    "invalid_postal_code": (
        "邮编不是6位数字，已按原样保存并标记需核对",
        "postal code is not 6 digits: kept as typed, marked needs check",
        "flag",
    ),
    "ambiguous_region": ("省/市/区有多种可能，请核对", "province/city/district is ambiguous: please check", "flag"),
    "address_unparsed": (
        "地址中没有找到省市区，整段保存为详细地址并标记需核对",
        "no province/city found in the address: kept as detail, marked needs check",
        "flag",
    ),
    "bad_date": ("生日不是日期，已原样写入备注", "birthday is not a date: kept in the notes", "flag"),
    "bad_lunar_date": (
        "农历生日看不懂（例如 农历8月15），已原样写入备注",
        "lunar birthday not understood (e.g. 农历8月15): kept in the notes",
        "flag",
    ),
    "bad_consent": (
        "营销同意一栏看不懂（是/否、日期、微信聊天/口头/纸质），已原样写入备注，未记为同意",
        "marketing consent not understood (是/否, a date, 微信聊天/口头/纸质): kept in the notes, "
        "not counted as consent",
        "flag",
    ),
    "too_long": (
        "内容过长，已截断到该栏的长度上限并标记需核对",
        "a value was too long: cut to its field's limit, marked needs check",
        "flag",
    ),
    "formula_no_value": (
        "是公式，但文件里没有它的计算结果（请在 Excel 或 WPS 里打开并保存后再导入），这一行未导入",
        "a formula whose result is not in the file (open and save the file in Excel or WPS, then import it "
        "again): row not imported",
        "reject",
    ),
    "too_long_id": (
        "手机号、微信号或客户编号过长，不可能正确，未导入",
        "phone, WeChat ID or customer No. too long to be right: not imported",
        "reject",
    ),
    # same phone as a customer (of the database or the file) whose name is not compatible
    # (core.same_person.names_compatible): {name} is that customer's name
    "possible_duplicate": (
        "可能重复：与「{name}」电话相同、姓名不同，已另建客户，请核对",
        "possible duplicate: same phone as {name!r}, different name: kept as a separate customer, please check",
        "info",
    ),
    "merged_other_name": (
        "电话与「{name}」相同、姓名不同，按设置已合并",
        "same phone as {name!r}, different name: merged as chosen",
        "info",
    ),
    "skipped_duplicate": ("与已有客户重复，按设置跳过", "duplicate of an existing customer: skipped as chosen", "info"),
    "masked_phone": (
        "手机号已打码（如138****1234），不作为客户手机、不用来匹配客户；只保存在订单的收货信息里",
        "masked phone (e.g. 138****1234): not stored as the customer's phone nor used to match; "
        "kept on the order's ship-to only",
        "info",
    ),
    # --- orders: level "order" drops the row's order (every line of it), never its customer ----
    "bad_amount": ("金额无法识别，订单未导入", "amount not readable: order not imported", "order"),
    "no_amount": (
        "没有实付金额，也没有可相加的商品金额，订单未导入",
        "no amount paid and no line prices to add up: order not imported",
        "order",
    ),
    "bad_order_date": ("日期无法识别，订单未导入", "date not readable: order not imported", "order"),
    "no_order_date": ("没有下单日期，订单未导入", "no order date: order not imported", "order"),
    "date_out_of_range": (
        "日期早于2000年或晚于明天，订单未导入",
        "date before 2000 or after tomorrow: order not imported",
        "order",
    ),
    "bad_quantity": (
        "数量不是1到100000的整数，订单未导入",
        "quantity is not a whole number 1-100000: order not imported",
        "order",
    ),
    "bad_product": ("商品名称无法使用，订单未导入", "product name unusable: order not imported", "order"),
    "unknown_status": ("订单状态无法识别，订单未导入", "order status not recognised: order not imported", "order"),
    "unpaid_order": ("未付款的订单，不导入", "order not paid: not imported", "order"),
    "too_long_order": (
        "订单号、快递单号或快递公司过长，不可能正确，订单未导入",
        "order No., tracking No. or courier too long to be right: order not imported",
        "order",
    ),
    "too_many_lines": (
        "一个订单最多100行商品，订单未导入",
        "an order has at most 100 lines: order not imported",
        "order",
    ),
    "no_customer": (
        "这一行没有可导入的客户，订单未导入",
        "no customer could be imported from the row: order not imported",
        "order",
    ),
    "order_line_problem": (
        "同一订单号的另一行有问题，整单未导入",
        "another row of the same order has a problem: order not imported",
        "order",
    ),
}

# Order problems (level "order") name the column they come from: row, column and reason.
ORDER_LEVEL = "order"


def issue_text(code: str, language: str = "zh_CN") -> str:
    zh, en, _ = ISSUES.get(code, (code, code, "flag"))
    return zh if language.startswith("zh") else en


@dataclass(slots=True)
class OrderPart:
    """The order a row holds (or one line of it): values read, checked and converted."""

    order_no: str = ""
    order_date: _dt.date | None = None
    amount_fen: int | None = None  # the order-level amount paid, when the row has it
    line: OrderLine | None = None
    line_fen: int | None = None  # what this line was paid (line amount, else quantity x unit price)
    status: str = ""  # a core.orders status key; "" when the file has no status column
    courier: str = ""
    tracking_no: str = ""
    shipped_on: _dt.date | None = None
    notes: str = ""
    ship_phone: str = ""  # a masked phone as the shop showed it (kept on the ship-to only)


class Action(StrEnum):
    """What the plan does with a row."""

    NEW = "new"  # creates a customer
    MERGE = "merge"  # fills the blanks of the customer it matches, adds a differing address
    UPDATE = "update"  # overwrites the customer it matches, replaces its default address
    SKIP = "skip"  # matches a customer and is left out, as chosen
    REJECT = "reject"  # cannot be imported (see its issues)


@dataclass(frozen=True, slots=True)
class Existing:
    """The customer a row joins is in the database already."""

    customer_id: int


@dataclass(frozen=True, slots=True)
class InFile:
    """The customer a row joins is created by an earlier row of the file: that row's
    position in the plan."""

    index: int


Match = Existing | InFile


class Record:
    """One data row: what it says (cleaned) and what the plan does with it."""

    __slots__ = (
        "row",
        "_values",
        "customer",
        "address",
        "issues",
        "action",
        "match",
        "phone_key",
        "order",
        "owner",
        "columns",
        "masked",
        "twin",
        "twin_name",
    )

    def __init__(self, row: int, values: list[str]) -> None:
        self.row = row
        self._values: list[str] | str = values
        self.customer: dict[str, Any] = {}
        self.address: dict[str, Any] | None = None
        self.issues: list[str] = []
        self.action: Action | None = None  # None until planned (a row without identity: REJECT at once)
        self.match: Match | None = None  # the customer a MERGE or UPDATE row joins
        self.phone_key = ""
        self.order: OrderPart | None = None  # the row's order (or order line), when the file has orders
        self.owner: Match | None = None  # the customer the row belongs to, whatever its action
        self.columns: dict[str, str] | None = None  # issue code -> the column header it comes from
        self.masked = ""  # "phone", "name" or "phone,name": what the shop masked in this row
        # possible_duplicate / merged_other_name: the customer with the same phone and another name
        self.twin: Match | None = None
        self.twin_name = ""

    @property
    def values(self) -> list[str]:
        """The row's cells as read (for the problem report and the wizard's preview)."""
        values = self._values
        return values.split(_CELL_SEP) if isinstance(values, str) else values

    def pack(self) -> None:
        """Keep the cells as one string: a row held to the end of an import (its orders are
        decided from every row) costs one object instead of one a cell (~1 KB less a row)."""
        values = self._values
        if isinstance(values, list) and not any(_CELL_SEP in v for v in values):
            self._values = _CELL_SEP.join(values)

    @property
    def rejected(self) -> bool:
        return any(ISSUES.get(code, ("", "", ""))[2] == "reject" for code in self.issues)

    @property
    def order_rejected(self) -> bool:
        """The row's order is not imported (a problem with it or another line of it)."""
        return any(ISSUES.get(code, ("", "", ""))[2] == ORDER_LEVEL for code in self.issues)

    def add_order_issue(self, code: str, column: str = "") -> None:
        if code not in self.issues:
            self.issues.append(code)
        if column:
            if self.columns is None:
                self.columns = {}
            self.columns[code] = column

    @property
    def flagged(self) -> bool:
        return any(ISSUES.get(code, ("", "", ""))[2] == "flag" for code in self.issues)

    def reason(self, language: str = "zh_CN") -> str:
        columns = self.columns or {}
        return "；".join(
            (f"{columns[code]}：" if code in columns else "") + self._issue_text(code, language)
            for code in self.issues
            if code != "order_exists"
        )

    def _issue_text(self, code: str, language: str) -> str:
        text = issue_text(code, language)
        if code in _NAMED:
            text = text.replace("{name!r}", repr(self.twin_name)).replace("{name}", self.twin_name)
        return text


_NAMED = frozenset({"possible_duplicate", "merged_other_name"})
_CELL_SEP = "\x1f"  # (the unit separator: a cell holding one stays a list)
