"""Render the app icon (resources/appicon/sellerdesk.svg) to every size and format the OS bundles need.

    .venv/bin/python packaging/make_icons.py

Writes resources/appicon/sellerdesk-<N>.png (16…512, used for the window/taskbar icon and
the Linux hicolor theme), packaging/windows/sellerdesk.ico and packaging/macos/sellerdesk.icns.
Needs the `packaging` extra (Pillow writes the multi-size .ico and .icns).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "appicon" / "sellerdesk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    pngs = {}
    for size in SIZES:
        path = SVG.with_name(f"sellerdesk-{size}.png")
        render(renderer, size).save(str(path))
        pngs[size] = path
    biggest = Image.open(pngs[512])
    biggest.save(
        ROOT / "packaging" / "windows" / "sellerdesk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    biggest.save(ROOT / "packaging" / "macos" / "sellerdesk.icns")
    print("icons written:", ", ".join(str(p.relative_to(ROOT)) for p in pngs.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
