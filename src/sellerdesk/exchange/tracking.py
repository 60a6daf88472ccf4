"""Tracking numbers back (回填运单号): read a courier's result sheet and hand its rows to
:func:`sellerdesk.store.shipping.record_tracking`, which matches and writes them.

The columns are found by the header synonyms (``exchange/headers.py``): 运单号 (tracking),
订单号 / 用户订单号 (the order), 收件人手机 (the phone, when there is no order number),
快递公司 (optional). A tracking number's letters name some couriers (SF… 顺丰); otherwise the
caller says which courier the sheet is from.
"""

from __future__ import annotations

from pathlib import Path

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.cells import FORMULA_WITHOUT_VALUE
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer.read import HEADER_SCAN_ROWS, choose_sheet, find_header_row
from sellerdesk.exchange.readers import open_workbook
from sellerdesk.progress import CancelToken, ProgressCallback, no_progress
from sellerdesk.store.shipping import TrackingResult, TrackingRow, record_tracking

# tracking-number prefixes that name their courier
COURIER_PREFIXES = (("SF", "顺丰"), ("JDV", "京东"), ("JD", "京东"), ("YT", "圆通"), ("JT", "极兔"), ("EMS", "EMS"))


def courier_of(tracking_no: str) -> str:
    upper = tracking_no.strip().upper()
    for prefix, name in COURIER_PREFIXES:
        if upper.startswith(prefix) and upper[len(prefix) : len(prefix) + 1].isdigit():
            return name
    return ""


def read_result_sheet(path: str | Path, sheet: str | None = None, header_row: int | None = None) -> list[TrackingRow]:
    """The rows of a courier's result sheet, under ``header_row`` (found under title rows when
    None); :class:`ExchangeError` when its columns are missing."""
    path = Path(path)
    with open_workbook(path) as book:
        name = choose_sheet(book, sheet)
        rows = list(book.rows(name))
    if header_row is None:
        header_row = find_header_row(rows[:HEADER_SCAN_ROWS])
        if header_row is None:
            raise ExchangeError("no_header", name=path.name, sheet=name)
    elif header_row not in dict(rows):
        raise ExchangeError("bad_header_row", row=header_row, sheet=name)
    headers = dict(rows)[header_row]
    hdr.check_header_lengths(headers, name=path.name, row=header_row)
    # a sender's columns (寄件人手机) are not the recipient's
    usable = [h if not (hdr.waybill_value(h) or "").startswith("sender_") else "" for h in headers]
    mapping = hdr.guess_mapping(usable)
    col = {f: i for i, f in enumerate(mapping) if f in ("tracking_no", "order_no", "phone", "courier")}
    if "tracking_no" not in col:
        raise ExchangeError("no_tracking_column", name=path.name)
    if "order_no" not in col and "phone" not in col:
        raise ExchangeError("no_match_column", name=path.name)

    def cell(cells: list[str], field: str) -> str:
        at = col.get(field)
        value = cells[at].strip() if at is not None and at < len(cells) else ""
        return "" if value.startswith(FORMULA_WITHOUT_VALUE) else value  # (no value: as an empty cell)

    out = []
    for number, cells in rows:
        if number <= header_row or not any(c.strip() for c in cells):
            continue
        tracking = cell(cells, "tracking_no")
        courier = cell(cells, "courier") or courier_of(tracking)
        out.append(TrackingRow(number, tracking, cell(cells, "order_no"), cell(cells, "phone"), courier))
    return out


def import_tracking(
    path: str | Path,
    *,
    courier: str = "",
    sheet: str | None = None,
    header_row: int | None = None,
    dry_run: bool = False,
    progress: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> TrackingResult:
    """Read ``path`` and write its tracking numbers back (one transaction)."""
    progress(0, 0, "reading")
    rows = read_result_sheet(path, sheet, header_row)
    if token is not None:
        token.check()
    progress(0, len(rows), "writing")
    result = record_tracking(rows, courier=courier, dry_run=dry_run)
    progress(len(rows), len(rows), "writing")
    return result
