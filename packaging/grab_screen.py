"""Save a screenshot of the whole X screen ($DISPLAY) as PNG: used by the bundle smoke test."""

import sys

from PySide6.QtGui import QGuiApplication

app = QGuiApplication(sys.argv[:1])
pixmap = QGuiApplication.primaryScreen().grabWindow(0)
if pixmap.isNull() or not pixmap.save(sys.argv[1], "PNG"):
    sys.exit(f"could not grab the screen into {sys.argv[1]}")
print(f"screenshot: {sys.argv[1]} ({pixmap.width()}x{pixmap.height()})")
