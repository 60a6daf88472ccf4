"""One person's data to a file (a 个人信息保护法 access request): JSON, or .xlsx with one sheet
per kind (客户, 地址, 地址历史, 订单, 订单明细, 积分, 操作记录). The data is
``store.privacy.person_data``; amounts are strings ("128.50"). Written under a ``.part`` name,
0600, and renamed; the export itself is an audit entry (the id, not the file name)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sellerdesk import private_files
from sellerdesk.exchange.cells import escape_cell
from sellerdesk.exchange.errors import UNWRITABLE, ExchangeError, os_reason, require_folder

FORMATS = (".json", ".xlsx")

_CUSTOMER_HEADERS = {
    "id": "客户编号",
    "name": "姓名",
    "phone": "手机",
    "wechat": "微信号",
    "tags": "标签",
    "tier": "等级",
    "birthday": "生日",
    "gender": "性别",
    "source": "来源",
    "notes": "备注",
    "marketing_consent": "同意营销",
    "points": "积分",
    "order_count": "订单数",
    "total_spent": "累计消费",
    "first_order_at": "首次下单",
    "last_order_at": "最近下单",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "deleted_at": "删除时间",
}
_ADDRESS_HEADERS = {
    "id": "地址编号",
    "recipient": "收件人",
    "phone": "电话",
    "province": "省",
    "city": "市",
    "district": "区县",
    "detail": "详细地址",
    "postal_code": "邮编",
    "label": "标签",
    "is_default": "默认",
    "created_at": "创建时间",
    "deleted_at": "删除时间",
}
_ORDER_HEADERS = {
    "id": "订单编号",
    "order_no": "订单号",
    "order_date": "日期",
    "amount": "实付金额",
    "status": "状态",
    "items": "商品",
    "courier": "快递",
    "tracking_no": "运单号",
    "shipped_on": "发货日期",
    "ship_to": "收货地址",
    "notes": "备注",
}


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return escape_cell(str(value))


def _sheet(wb: Any, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(headers))
    for row in rows:
        ws.append([_text(v) for v in row])


def _write_xlsx(path: Path, data: dict[str, Any]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    c = data["customer"]
    _sheet(wb, "客户", ["项目", "内容"], [[h, c.get(k)] for k, h in _CUSTOMER_HEADERS.items()])
    _sheet(
        wb,
        "地址",
        list(_ADDRESS_HEADERS.values()),
        [[a.get(k) for k in _ADDRESS_HEADERS] for a in data["addresses"]],
    )
    _sheet(
        wb,
        "地址历史",
        ["地址编号", "操作", "原内容", "新内容", "原因", "时间"],
        [
            [a["id"], h["action"], h["old"], h["new"], h["reason"], h["at"]]
            for a in data["addresses"]
            for h in a["history"]
        ],
    )
    _sheet(wb, "订单", list(_ORDER_HEADERS.values()), [[o.get(k) for k in _ORDER_HEADERS] for o in data["orders"]])
    _sheet(
        wb,
        "订单明细",
        ["订单编号", "商品", "数量", "单价"],
        [[o["id"], li["product"], li["quantity"], li["unit_price"]] for o in data["orders"] for li in o["lines"]],
    )
    _sheet(
        wb,
        "积分",
        ["变动", "说明", "订单编号", "时间"],
        [[p["delta"], p["note"], p["order_id"], p["at"]] for p in data["points"]],
    )
    _sheet(
        wb,
        "操作记录",
        ["时间", "操作", "对象", "对象编号", "详情"],
        [[e["at"], e["action"], e["entity"], e["entity_id"], e["detail"]] for e in data["audit"]],
    )
    wb.save(path)


def write_person(path: str | Path, data: dict[str, Any], audit_entry: dict[str, Any] | None = None) -> Path:
    """Write ``data`` (``store.privacy.person_data``) to ``path`` (.json or .xlsx); with
    ``audit_entry`` (``audit.record_file``'s arguments) the file is put in place only with it."""
    from sellerdesk.store import audit

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExchangeError("bad_person_target", name=path.name)
    require_folder(path)
    tmp = path.with_name(path.name + ".part")
    try:
        private_files.touch(tmp)
        if suffix == ".json":
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            _write_xlsx(tmp, data)
        if audit_entry is None:
            os.replace(tmp, path)
        else:
            audit.record_file(tmp, path, **audit_entry)
    except UNWRITABLE as exc:
        raise ExchangeError("cannot_write", name=path, reason=os_reason(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def export_person(customer_id: int, path: str | Path) -> Path:
    """Everything about customer ``customer_id`` to ``path``, put in place with an audit entry that it was done."""
    from sellerdesk.store import privacy

    data = privacy.person_data(customer_id)
    fmt = Path(path).suffix.lower().lstrip(".")
    entry = {"action": "export_person", "entity": "customer", "entity_id": customer_id, "format": fmt}
    return write_person(path, data, entry)
