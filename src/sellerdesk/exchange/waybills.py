"""Waybill export: orders into a courier's bulk-order sheet (a shipped layout or the user's
own blank template), as .xlsx or CSV (GBK or UTF-8 with BOM).

Which orders: :func:`sellerdesk.store.shipping.order_ids_for` (the 待发货 orders, chosen ids
or the orders view's filter). What goes in each column: :data:`GETTERS`, from the order's
ship-to snapshot, its lines (品名 and 数量), its customer and the chosen sender. The
customer's private notes (``notes``) appear only in a column a template maps to them on
purpose: no shipped layout does, and the mapping proposal never does.

GBK CSV: a character GBK cannot encode (an emoji, a rare character) is written as ``?`` and
listed in the result's warnings (code ``replaced``); the export never fails on it.

A user template is filled in a copy of its blank workbook (openpyxl, not write-only): other
sheets, styles, column widths and data validations (drop-down lists) are kept. A shipped
layout is streamed (:class:`~sellerdesk.exchange.xlsx.SheetWriter`). Both are written under a
``.part`` name and renamed, so a cancelled export leaves no half file.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sellerdesk import private_files
from sellerdesk.core.fields import place_text, region_text
from sellerdesk.core.money import format_plain
from sellerdesk.core.orders import OrderLine
from sellerdesk.exchange.cells import escape_cell
from sellerdesk.exchange.errors import UNWRITABLE, ExchangeError, naming_the_target, os_reason, require_folder
from sellerdesk.exchange.export import ExportWarning, check_cell
from sellerdesk.exchange.templates import Template, load_template
from sellerdesk.progress import CancelToken, no_progress
from sellerdesk.store import audit
from sellerdesk.store.models import DB
from sellerdesk.store.senders import Sender

ProgressFn = Callable[[int, int, str], None]
FORMATS = ("xlsx", "csv-gbk", "csv-utf8")
BATCH = 500
_MOBILE = re.compile(r"^1\d{10}$")
ID_PREFIX = "SD"
"""An order without a 订单号 goes on a waybill as ``SD<id>``, which tracking import reads back."""


@dataclass(frozen=True, slots=True)
class WaybillOrder:
    """What a waybill reads of one order."""

    id: int
    order_no: str
    order_date: str
    amount_fen: int
    items_text: str
    order_notes: str
    ship_to: Mapping[str, str]
    customer_name: str
    customer_phone: str
    customer_notes: str
    wechat: str
    lines: tuple[OrderLine, ...]


def items_of(order: WaybillOrder) -> str:
    """品名: the order's lines (``面膜×2, 护手霜``), else its items text as typed."""
    if not order.lines:
        return order.items_text
    return ", ".join(f"{ln.product}×{ln.quantity}" if ln.quantity != 1 else ln.product for ln in order.lines)


def quantity_of(order: WaybillOrder) -> str:
    """数量: the sum of the lines' quantities (1 when the order has no lines)."""
    return str(sum(ln.quantity for ln in order.lines) if order.lines else 1)


def _phone(o: WaybillOrder) -> str:
    return o.ship_to.get("phone") or o.customer_phone


def _mobile(o: WaybillOrder, s: Sender | None) -> str:
    phone = _phone(o)
    return phone if _MOBILE.match(phone) else ""


def _landline(o: WaybillOrder, s: Sender | None) -> str:
    phone = _phone(o)
    return phone if phone and not _MOBILE.match(phone) else ""


def _place(name: str) -> Callable[[WaybillOrder, Sender | None], str]:
    return lambda o, s: o.ship_to.get(name, "")


def _sender(name: str) -> Callable[[WaybillOrder, Sender | None], str]:
    return lambda o, s: str(getattr(s, name)) if s is not None else ""


Getter = Callable[[WaybillOrder, "Sender | None"], str]
GETTERS: dict[str, Getter] = {
    "id": lambda o, s: str(o.id),
    "order_no": lambda o, s: o.order_no or f"{ID_PREFIX}{o.id}",
    "name": lambda o, s: o.customer_name,
    "recipient": lambda o, s: o.ship_to.get("recipient") or o.customer_name,
    "phone": lambda o, s: _phone(o),
    "mobile": _mobile,
    "landline": _landline,
    "wechat": lambda o, s: o.wechat,
    **{k: _place(k) for k in ("province", "city", "district", "detail", "postal_code")},
    "address": lambda o, s: place_text(
        o.ship_to.get("province", ""),
        o.ship_to.get("city", ""),
        o.ship_to.get("district", ""),
        o.ship_to.get("detail", ""),
    ),
    "region": lambda o, s: region_text(
        o.ship_to.get("province", ""), o.ship_to.get("city", ""), o.ship_to.get("district", "")
    ),
    "label": lambda o, s: "",
    "tags": lambda o, s: "",
    "tier": lambda o, s: "",
    "notes": lambda o, s: o.customer_notes,  # private: only when a template maps it on purpose
    "items": lambda o, s: items_of(o),
    "quantity": lambda o, s: quantity_of(o),
    "parcels": lambda o, s: "1",
    "order_notes": lambda o, s: o.order_notes,
    "order_date": lambda o, s: o.order_date,
    "amount": lambda o, s: format_plain(o.amount_fen),
    "sender_name": _sender("name"),
    "sender_phone": _sender("phone"),
    "sender_company": _sender("company"),
    "sender_address": _sender("address"),
    "sender_province": _sender("province"),
    "sender_city": _sender("city"),
    "sender_district": _sender("district"),
    "sender_detail": _sender("detail"),
}

# What the mapping dialog and the CLI call each value: (中文, English).
VALUE_TEXT: dict[str, tuple[str, str]] = {
    "order_no": ("订单号", "Order No."),
    "recipient": ("收件人", "Recipient"),
    "mobile": ("收件手机", "Mobile"),
    "landline": ("收件座机", "Landline"),
    "phone": ("收件电话（手机或座机）", "Phone (mobile or landline)"),
    "province": ("收件省", "Province"),
    "city": ("收件市", "City"),
    "district": ("收件区/县", "District"),
    "detail": ("详细地址（不含省市区）", "Street address"),
    "address": ("完整地址（省市区+详细）", "Full address"),
    "region": ("省市区", "Province, city, district"),
    "postal_code": ("邮编", "Postal code"),
    "items": ("品名（订单商品）", "Items"),
    "quantity": ("数量（商品件数合计）", "Quantity"),
    "parcels": ("包裹数（1）", "Parcels (1)"),
    "order_notes": ("订单备注", "Order notes"),
    "order_date": ("下单日期", "Order date"),
    "amount": ("订单金额", "Order amount"),
    "name": ("客户姓名", "Customer name"),
    "wechat": ("微信号", "WeChat ID"),
    "notes": ("客户备注（私人，慎用）", "Customer notes (private)"),
    "id": ("订单ID", "Order id"),
    "sender_name": ("寄件人", "Sender"),
    "sender_phone": ("寄件电话", "Sender phone"),
    "sender_company": ("寄件公司", "Sender company"),
    "sender_address": ("寄件地址（完整）", "Sender address"),
    "sender_province": ("寄件省", "Sender province"),
    "sender_city": ("寄件市", "Sender city"),
    "sender_district": ("寄件区/县", "Sender district"),
    "sender_detail": ("寄件详细地址", "Sender street address"),
}
MAPPABLE = tuple(VALUE_TEXT)


def value_text(value: str, language: str = "zh_CN") -> str:
    pair = VALUE_TEXT.get(value)
    if pair is None:
        return value
    return pair[0] if language.startswith("zh") else pair[1]


# ------------------------------------------------------------------------------------------ reading orders

_ORDER_SQL = (
    'SELECT o."id", o."order_no", o."order_date", o."amount_fen", o."items", o."notes", o."address_snapshot", '
    'c."name", c."phone", c."notes", c."wechat" FROM "orders" AS o JOIN "customer" AS c ON c."id" = o."customer_id" '
    'WHERE o."id" IN ({marks}) AND o."deleted_at" IS NULL'
)


def iter_orders(order_ids: Sequence[int], batch: int = BATCH) -> Iterator[WaybillOrder]:
    """The orders of ``order_ids`` in that order (deleted ones left out), with their lines."""
    from sellerdesk.store.orders import lines_of

    for start in range(0, len(order_ids), batch):
        chunk = list(order_ids[start : start + batch])
        marks = ", ".join("?" * len(chunk))
        found: dict[int, tuple[Any, ...]] = {r[0]: r for r in DB.obj.execute_sql(_ORDER_SQL.format(marks=marks), chunk)}
        lines = lines_of(chunk)
        for oid in chunk:
            r = found.get(oid)
            if r is None:
                continue
            snap = json.loads(r[6]) if r[6] else {}
            ship_to = {k: str(v or "") for k, v in snap.items()} if isinstance(snap, dict) else {}
            yield WaybillOrder(
                id=r[0],
                order_no=r[1] or "",
                order_date=str(r[2] or "")[:10],
                amount_fen=int(r[3] or 0),
                items_text=r[4] or "",
                order_notes=r[5] or "",
                ship_to=ship_to,
                customer_name=r[7] or "",
                customer_phone=r[8] or "",
                customer_notes=r[9] or "",
                wechat=r[10] or "",
                lines=tuple(lines.get(oid, ())),
            )


# ------------------------------------------------------------------------------------------ writing


@dataclass
class WaybillResult:
    path: Path
    template: str
    orders: int
    order_ids: list[int] = field(default_factory=list)
    warnings: list[ExportWarning] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "template": self.template,
            "orders": self.orders,
            "warnings": [w.__dict__ for w in self.warnings],
        }


def file_part(template: str) -> str:
    """What a file per courier is called after: the template's courier (顺丰), else its name."""
    try:
        tpl = load_template(template)
    except ExchangeError:
        return template
    return tpl.courier or tpl.name


def format_for(path: Path, encoding: str = "gbk") -> str:
    """The output format of ``path``: ``xlsx``, ``csv-gbk`` or ``csv-utf8``."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return "xlsx"
    if suffix == ".csv":
        return "csv-utf8" if encoding.lower().replace("-", "") in ("utf8", "utf8sig", "utf8bom") else "csv-gbk"
    raise ExchangeError("bad_waybill_target", name=path.name)


def _cells(
    tpl: Template, order: WaybillOrder, sender: Sender | None, row: int, warnings: list[ExportWarning]
) -> list[str]:
    out = []
    for col in tpl.columns:
        text = GETTERS[col.value](order, sender) if col.value else (col.const or "")
        for code in check_cell(text, tpl.charset, col.max_length, col.required):
            warnings.append(ExportWarning(row, col.header, code))
        out.append(text)
    return out


def export_waybills(
    path: str | Path,
    order_ids: Sequence[int],
    template: str | Template,
    *,
    sender: Sender | None = None,
    encoding: str = "gbk",
    progress: ProgressFn = no_progress,
    token: CancelToken | None = None,
) -> WaybillResult:
    """Write the orders ``order_ids`` (in that order) into ``template`` at ``path``.

    ``.xlsx`` or ``.csv``; a CSV is GBK (``encoding="gbk"``, the default: what couriers'
    systems read) or UTF-8 with BOM (``"utf-8"``)."""
    token = token or CancelToken()
    path = Path(path)
    fmt = format_for(path, encoding)
    require_folder(path)
    tpl = load_template(template) if isinstance(template, str) else template
    ids = list(dict.fromkeys(int(i) for i in order_ids))
    if not ids:
        raise ExchangeError("no_orders")
    tmp = path.with_name(path.name + ".part")
    warnings: list[ExportWarning] = []
    written: list[int] = []
    total = len(ids)
    progress(0, total, "exporting")
    with naming_the_target(path, tmp):  # a full disk names the file, not the data folder
        try:
            if fmt == "xlsx" and tpl.blank is not None:
                _write_into_blank(tmp, tpl, ids, sender, warnings, written, progress, token)
            elif fmt == "xlsx":
                _write_new_xlsx(tmp, tpl, ids, sender, warnings, written, progress, token)
            else:
                _write_csv(tmp, tpl, ids, sender, fmt, warnings, written, progress, token)
            token.check()
            if not written:
                raise ExchangeError("no_orders")
            audit.record_file(tmp, path, "export", "order", None, count=len(written), template=tpl.name, format=fmt)
        except UNWRITABLE as exc:
            raise ExchangeError("cannot_write", name=path, reason=os_reason(exc)) from exc
        finally:
            tmp.unlink(missing_ok=True)
    progress(total, total, "exporting")
    return WaybillResult(path, tpl.name, len(written), written, warnings)


def _header_row_number(tpl: Template) -> int:
    return tpl.header_row if tpl.blank is not None else 1


def _each(
    ids: list[int], written: list[int], progress: ProgressFn, token: CancelToken
) -> Iterator[tuple[int, WaybillOrder]]:
    total = len(ids)
    for n, order in enumerate(iter_orders(ids), 1):
        if n % BATCH == 0:
            token.check()
            progress(n, total, "exporting")
        written.append(order.id)
        yield n, order


def _write_new_xlsx(
    tmp: Path,
    tpl: Template,
    ids: list[int],
    sender: Sender | None,
    warnings: list[ExportWarning],
    written: list[int],
    progress: ProgressFn,
    token: CancelToken,
) -> None:
    from sellerdesk.exchange.xlsx import SheetWriter

    sheet = SheetWriter(tmp, tpl.sheet, [c.header for c in tpl.columns])
    saved = False
    try:
        for n, order in _each(ids, written, progress, token):
            sheet.append([escape_cell(t) or None for t in _cells(tpl, order, sender, n + 1, warnings)])
        token.check()
        sheet.save()
        saved = True
    finally:
        if not saved:
            sheet.close()


def _write_into_blank(
    tmp: Path,
    tpl: Template,
    ids: list[int],
    sender: Sender | None,
    warnings: list[ExportWarning],
    written: list[int],
    progress: ProgressFn,
    token: CancelToken,
) -> None:
    """Fill a copy of the blank workbook below its header row; everything else stays."""
    import openpyxl

    assert tpl.blank is not None
    try:
        book = openpyxl.load_workbook(tpl.blank)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ExchangeError("bad_template", template=tpl.name, reason=f"{type(exc).__name__}: {exc}") from exc
    if tpl.sheet not in book.sheetnames:
        raise ExchangeError("bad_template", template=tpl.name, reason=f"no sheet {tpl.sheet!r}")
    ws = book[tpl.sheet]
    first = tpl.header_row + 1
    positions = [c.column or i + 1 for i, c in enumerate(tpl.columns)]
    # rows the blank already holds below the header (an example row): cleared, styles kept
    for row in ws.iter_rows(min_row=first, max_row=ws.max_row):
        for cell in row:
            if cell.value is not None and not isinstance(cell, openpyxl.cell.cell.MergedCell):
                cell.value = None
    for n, order in _each(ids, written, progress, token):
        r = first + n - 1
        for column, text in zip(positions, _cells(tpl, order, sender, r, warnings)):
            if text:
                ws.cell(row=r, column=column, value=escape_cell(text))
    token.check()
    private_files.touch(tmp)
    book.save(tmp)


def _write_csv(
    tmp: Path,
    tpl: Template,
    ids: list[int],
    sender: Sender | None,
    fmt: str,
    warnings: list[ExportWarning],
    written: list[int],
    progress: ProgressFn,
    token: CancelToken,
) -> None:
    """CSV with the template's header row; GBK replaces what it cannot encode with ``?``."""
    gbk = fmt == "csv-gbk"
    encoding = "gbk" if gbk else "utf-8-sig"
    headers = [c.header for c in tpl.columns]
    with open(tmp, "w", encoding=encoding, errors="replace", newline="", opener=private_files.opener) as fh:
        out = csv.writer(fh)
        out.writerow(headers)
        for n, order in _each(ids, written, progress, token):
            cells = _cells(tpl, order, sender, n + 1, warnings)
            if gbk:
                for header, text in zip(headers, cells):
                    if not _gbk_ok(text):
                        warnings.append(ExportWarning(n + 1, header, "replaced"))
            out.writerow([escape_cell(t) for t in cells])


def _gbk_ok(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False
