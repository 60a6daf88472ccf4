"""One data row of an import, the problems found in it and what the plan does with it
(shared by every stage)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

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
    "ambiguous_region": ("省/市/区有多种可能，请核对", "province/city/district is ambiguous: please check", "flag"),
    "address_unparsed": (
        "地址中没有找到省市区，整段保存为详细地址并标记需核对",
        "no province/city found in the address: kept as detail, marked needs check",
        "flag",
    ),
    "bad_date": ("生日不是日期，已原样写入备注", "birthday is not a date: kept in the notes", "flag"),
    "too_long": (
        "内容过长，已截断到该栏的长度上限并标记需核对",
        "a value was too long: cut to its field's limit, marked needs check",
        "flag",
    ),
    "too_long_id": (
        "手机号、微信号或客户编号过长，不可能正确，未导入",
        "phone, WeChat ID or customer No. too long to be right: not imported",
        "reject",
    ),
    "skipped_duplicate": ("与已有客户重复，按设置跳过", "duplicate of an existing customer: skipped as chosen", "info"),
}


def issue_text(code: str, language: str = "zh_CN") -> str:
    zh, en, _ = ISSUES.get(code, (code, code, "flag"))
    return zh if language.startswith("zh") else en


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

    __slots__ = ("row", "values", "customer", "address", "issues", "action", "match", "phone_key")

    def __init__(self, row: int, values: list[str]) -> None:
        self.row = row
        self.values = values
        self.customer: dict[str, Any] = {}
        self.address: dict[str, Any] | None = None
        self.issues: list[str] = []
        self.action: Action | None = None  # None until planned (a row without identity: REJECT at once)
        self.match: Match | None = None  # the customer a MERGE or UPDATE row joins
        self.phone_key = ""

    @property
    def rejected(self) -> bool:
        return any(ISSUES.get(code, ("", "", ""))[2] == "reject" for code in self.issues)

    @property
    def flagged(self) -> bool:
        return any(ISSUES.get(code, ("", "", ""))[2] == "flag" for code in self.issues)

    def reason(self, language: str = "zh_CN") -> str:
        return "；".join(issue_text(code, language) for code in self.issues)
