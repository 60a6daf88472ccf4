"""Where things live: the data directory and the bundled resources.

One helper finds resource files whether SellerDesk runs from a source checkout, from an
installed wheel (resources are copied into ``sellerdesk/resources``) or from a frozen
PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

import platformdirs

HOME_ENV = "SELLERDESK_HOME"
PASSPHRASE_ENV = "SELLERDESK_PASSPHRASE"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(create: bool = True) -> Path:
    """The data directory: ``$SELLERDESK_HOME`` or the platform's user data dir."""
    override = os.environ.get(HOME_ENV)
    path = Path(override).expanduser() if override else Path(
        platformdirs.user_data_dir("SellerDesk", appauthor=False, roaming=True)
    )
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "sellerdesk.db"


def keyfile_path() -> Path:
    return data_dir() / "sellerdesk.keys.json"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The folder holding icons, translations, region data and courier templates."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "sellerdesk" / "resources")
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")  # installed wheel
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")  # source checkout (src layout)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("SellerDesk resources not found; looked in: " + ", ".join(map(str, candidates)))


def resource(*parts: str) -> Path:
    """Path to one bundled resource file, e.g. ``resource("regions", "regions.json")``."""
    return resources_dir().joinpath(*parts)
