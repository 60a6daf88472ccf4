"""Which backups a folder keeps: the newest N, plus the newest of each month for a year.

Only files named by SellerDesk (``sellerdesk-YYYYMMDD-HHMMSS[-n].sdbackup``) are ever
considered; anything else in the folder is left alone. Times come from the file name
(local time, as the user sees it), not from modification times that copying changes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"^sellerdesk-(\d{8})-(\d{6})(?:-(\d+))?\.sdbackup$")
DEFAULT_KEEP_LAST = 10
DEFAULT_KEEP_MONTHS = 12


@dataclass(frozen=True, order=True)
class BackupFile:
    taken_at: dt.datetime
    serial: int
    name: str


def backup_name(moment: dt.datetime, serial: int = 0) -> str:
    """``sellerdesk-20261122-153000.sdbackup`` (local time), ``…-2.sdbackup`` on a clash."""
    stem = "sellerdesk-" + moment.strftime("%Y%m%d-%H%M%S")
    return f"{stem}-{serial}.sdbackup" if serial else f"{stem}.sdbackup"


def parse_name(name: str) -> BackupFile | None:
    match = NAME_RE.match(name)
    if not match:
        return None
    try:
        moment = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return BackupFile(moment, int(match.group(3) or 0), name)


def select_to_keep(
    files: list[BackupFile],
    now: dt.datetime,
    keep_last: int = DEFAULT_KEEP_LAST,
    keep_months: int = DEFAULT_KEEP_MONTHS,
) -> set[str]:
    """The names to keep: the ``keep_last`` newest, and the newest one of each of the
    ``keep_months`` calendar months up to and including ``now``'s month."""
    ordered = sorted(files, reverse=True)
    keep = {f.name for f in ordered[: max(keep_last, 0)]}
    if keep_months > 0:
        this_month = now.year * 12 + now.month - 1
        seen_months: set[int] = set()
        for f in ordered:  # newest first, so the first one seen in a month is its newest
            month = f.taken_at.year * 12 + f.taken_at.month - 1
            if this_month - keep_months < month <= this_month and month not in seen_months:
                seen_months.add(month)
                keep.add(f.name)
    if ordered:
        keep.add(ordered[0].name)  # never delete the newest backup, whatever the settings
    return keep


def list_backups(folder: Path) -> list[BackupFile]:
    found = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        parsed = parse_name(name)
        if parsed is not None and (Path(folder) / name).is_file():
            found.append(parsed)
    return sorted(found)


def rotate(
    folder: Path, now: dt.datetime, keep_last: int = DEFAULT_KEEP_LAST, keep_months: int = DEFAULT_KEEP_MONTHS
) -> list[Path]:
    """Delete the backups in ``folder`` that the policy does not keep; return what was deleted."""
    files = list_backups(folder)
    keep = select_to_keep(files, now, keep_last, keep_months)
    deleted = []
    for f in files:
        if f.name in keep:
            continue
        path = Path(folder) / f.name
        try:
            path.unlink()
            deleted.append(path)
        except OSError as exc:
            log.warning("could not delete the old backup %s: %s", path, exc)
    return deleted
