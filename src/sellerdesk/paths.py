"""Where things live: the data directory and the bundled resources.

:func:`resource` finds resource files whether SellerDesk runs from a source checkout, from
an installed wheel (resources are copied into ``sellerdesk/resources``) or from a frozen
PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from sellerdesk import private_files

# The one place that knows where resources/ is (source checkout, wheel, frozen bundle);
# it lives in core so that core needs nothing from above it.
from sellerdesk.core.resources import resources_dir

HOME_ENV = "SELLERDESK_HOME"
PASSPHRASE_ENV = "SELLERDESK_PASSPHRASE"


def data_dir(create: bool = True) -> Path:
    """The data directory: ``$SELLERDESK_HOME`` or the platform's user data dir (created
    private, 0700, with ``create``)."""
    override = os.environ.get(HOME_ENV)
    path = (
        Path(override).expanduser()
        if override
        else Path(platformdirs.user_data_dir("SellerDesk", appauthor=False, roaming=True))
    )
    if create:
        private_files.make_dir(path)
    return path


def keyfile_path() -> Path:
    return data_dir() / "sellerdesk.keys.json"


def log_dir() -> Path:
    return private_files.make_dir(data_dir() / "logs")


def resource(*parts: str) -> Path:
    """Path to one bundled resource file, e.g. ``resource("regions", "regions.json")``."""
    return resources_dir().joinpath(*parts)
