"""The audit log to a file (.csv, UTF-8 with BOM so Excel reads the Chinese, or .xlsx): what the
audit view's Export writes. The entries hold no personal details; the file is 0600 anyway."""

from __future__ import annotations

import csv
import datetime as _dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sellerdesk import private_files
from sellerdesk.exchange.cells import escape_cell
from sellerdesk.exchange.errors import UNWRITABLE, ExchangeError, os_reason, require_folder
from sellerdesk.store.audit import AuditRow

HEADER = ["时间", "操作", "操作代码", "对象", "对象编号", "操作人", "详情"]


def _same(key: str, value: str) -> str:
    return value


def detail_text(
    detail: dict[str, object] | None,
    key_name: Callable[[str], str] = str,
    value_name: Callable[[str, str], str] = _same,
) -> str:
    """The detail as one line, without the id lists (their count says enough) and the user;
    ``value_name(key, value)`` names a value that is a code (an order status, a follow-up kind)."""
    if not detail:
        return ""
    parts = []
    for key, value in sorted(detail.items()):
        # the ids' count is ``count``; so is the deleted order lines' (kept for the way back)
        # a helper's update (schema 22) keeps old and new values for the way back: the view and
        # the file name the columns, never the values
        if key in ("by", "ids", "lines", "new") or value in ("", None, False):
            continue
        if isinstance(value, dict):
            value = sorted(value)
        if value is True:
            parts.append(key_name(key))
            continue
        if isinstance(value, list):
            value = ",".join(value_name(key, str(item)) for item in value)
        elif isinstance(value, str):
            value = value_name(key, value)
        parts.append(f"{key_name(key)}={value}")
    return ", ".join(parts)


def local_text(at: _dt.datetime) -> str:
    return at.replace(tzinfo=_dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def row_values(row: AuditRow, names: Names | None = None) -> list[str]:
    names = names or Names()
    by = row.actor or str((row.detail or {}).get("by", ""))  # the team user, else the OS user
    entity_id = "" if row.entity_id is None else str(row.entity_id)
    return [
        local_text(row.at),
        names.action(row.action),
        row.action,
        names.entity(row.entity),
        entity_id,
        by,
        detail_text(row.detail, names.key, names.value),
    ]


@dataclass(frozen=True)
class Names:
    """How codes are shown (the GUI passes translated ones; the codes themselves by default)."""

    action: Callable[[str], str] = str
    entity: Callable[[str], str] = str
    key: Callable[[str], str] = str
    value: Callable[[str, str], str] = _same


def write_audit(path: str | Path, rows: Sequence[AuditRow], names: Names | None = None) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExchangeError("bad_audit_target", name=path.name)
    require_folder(path)
    tmp = path.with_name(path.name + ".part")
    try:
        private_files.touch(tmp)
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADER)
                writer.writerows([escape_cell(v) for v in row_values(r, names)] for r in rows)
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("操作记录")
            ws.append(HEADER)
            for r in rows:
                ws.append([escape_cell(v) or None for v in row_values(r, names)])
            wb.save(tmp)
        os.replace(tmp, path)
    except UNWRITABLE as exc:
        raise ExchangeError("cannot_write", name=path, reason=os_reason(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path
