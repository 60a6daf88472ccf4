"""Backup settings, shared by the app and ``sellerdesk-cli``: a small JSON file in the data dir.

``<data dir>/backup-settings.json`` holds the destinations, how many backups to keep, the
reminder interval, backup-on-exit, and when the last backup was made (so a backup run by
cron or Task Scheduler shows in the app's status bar too). It is plain JSON rather than a
QSettings key so the CLI reads it without Qt; it is written atomically.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from sellerdesk import private_files
from sellerdesk.backup.rotation import DEFAULT_KEEP_LAST, DEFAULT_KEEP_MONTHS
from sellerdesk.store.files import write_atomic

log = logging.getLogger(__name__)

FILE_NAME = "backup-settings.json"
DEFAULT_REMIND_DAYS = 7
DEFAULT_FOLDER_NAME = "SellerDesk Backups"


def default_destination() -> Path:
    """``<Documents>/SellerDesk Backups``."""
    return Path(platformdirs.user_documents_dir()) / DEFAULT_FOLDER_NAME


@dataclass
class BackupSettings:
    destinations: list[str] = field(default_factory=list)
    keep_last: int = DEFAULT_KEEP_LAST
    keep_monthly: bool = True
    remind_days: int = DEFAULT_REMIND_DAYS  # 0: never remind
    backup_on_exit: bool = False
    last_backup_at: str = ""  # ISO UTC, e.g. 2026-11-22T15:30:00Z
    last_backup_path: str = ""

    @property
    def keep_months(self) -> int:
        return DEFAULT_KEEP_MONTHS if self.keep_monthly else 0

    def destination_paths(self) -> list[Path]:
        """The chosen folders, or the default folder under Documents when none is chosen."""
        chosen = [Path(d).expanduser() for d in self.destinations if str(d).strip()]
        return chosen or [default_destination()]

    def last_backup_time(self) -> dt.datetime | None:
        if not self.last_backup_at:
            return None
        try:
            return dt.datetime.strptime(self.last_backup_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        except ValueError:
            return None

    def mark_backup(self, moment: dt.datetime, path: Path) -> None:
        self.last_backup_at = moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.last_backup_path = str(path)


def in_data_folder(folder: Path, home: Path) -> bool:
    """``folder`` is the data folder ``home`` or a folder inside it: a backup there is lost with the
    data (the backup settings' picker refuses it; a saved one is skipped by every backup)."""
    try:
        folder, home = Path(folder).expanduser().resolve(), Path(home).resolve()
    except OSError:
        return False
    return folder == home or home in folder.parents


def refused_destinations(folders: list[Path], home: Path, *, explicit: bool = False) -> list[Path]:
    """Of ``folders``, those no backup is written to: from the settings, the data folder and any
    folder inside it; given explicitly (``sellerdesk-cli backup --to``), only the data folder itself
    (a folder inside it is the user's own choice there)."""
    if explicit:
        refused = []
        for folder in folders:
            try:
                if Path(folder).expanduser().resolve() == Path(home).resolve():
                    refused.append(folder)
            except OSError:
                continue
        return refused
    return [folder for folder in folders if in_data_folder(folder, home)]


def settings_path(home: Path) -> Path:
    return Path(home) / FILE_NAME


def load(home: Path) -> BackupSettings:
    """The settings of data dir ``home``; defaults when the file is missing or unreadable."""
    path = settings_path(home)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return BackupSettings()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable backup settings %s: %s", path, exc)
        return BackupSettings()
    settings = BackupSettings()
    if not isinstance(doc, dict):
        return settings
    if isinstance(doc.get("destinations"), list):
        settings.destinations = [str(d) for d in doc["destinations"] if isinstance(d, str) and d.strip()]
    for name in ("keep_last", "remind_days"):
        value = doc.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            setattr(settings, name, value)
    for name in ("keep_monthly", "backup_on_exit"):
        if isinstance(doc.get(name), bool):
            setattr(settings, name, doc[name])
    for name in ("last_backup_at", "last_backup_path"):
        if isinstance(doc.get(name), str):
            setattr(settings, name, doc[name])
    settings.keep_last = max(1, settings.keep_last)
    return settings


def save(home: Path, settings: BackupSettings) -> None:
    private_files.make_dir(home)
    data = json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8")
    write_atomic(settings_path(home), data)
