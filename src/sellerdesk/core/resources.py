"""Locate the bundled ``resources/`` folder without importing anything outside ``core``."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/sellerdesk or site-packages/sellerdesk


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The resources folder of a frozen bundle, an installed wheel or a source checkout."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates += [Path(frozen_root) / "sellerdesk" / "resources", Path(frozen_root) / "resources"]
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent.parent / "resources"]
    for candidate in candidates:
        if (candidate / "regions").is_dir():
            return candidate
    raise FileNotFoundError("SellerDesk resources folder not found; looked in " + ", ".join(map(str, candidates)))
