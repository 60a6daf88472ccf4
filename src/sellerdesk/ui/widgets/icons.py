"""The bundled SVG icons (resources/icons/*.svg), drawn for SellerDesk: simple line icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from sellerdesk.paths import resource


@cache
def icon(name: str) -> QIcon:
    """``icon("trash")`` → the QIcon of resources/icons/trash.svg (an empty icon if missing)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
