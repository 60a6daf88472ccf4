"""Saving the 概览 page as a picture (PNG) or a document (PDF).

The page's content is painted whole (also what is scrolled out of view): PNG through
``QWidget.grab``; PDF through ``QPdfWriter`` as vectors with the text as text (Qt embeds the
subset of the CJK font used), one page in the page's own orientation. The file holds customer
names (the top 20), so it is written private (0600) and atomically
(:func:`sellerdesk.store.files.write_atomic`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPoint, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QWidget

from sellerdesk.store.files import write_atomic

PDF_DPI = 150


def png_bytes(widget: QWidget) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def pdf_bytes(widget: QWidget, title: str = "") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("SellerDesk")
    writer.setResolution(PDF_DPI)
    landscape = widget.width() > widget.height()
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(10, 10, 10, 10)))
    painter = QPainter(writer)
    page = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
    scale = min(page.width() / max(1, widget.width()), page.height() / max(1, widget.height()))
    painter.scale(scale, scale)
    flags = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren
    widget.render(painter, QPoint(), QRegion(), flags)
    painter.end()
    buffer.close()
    return bytes(data.data())


def save_widget(widget: QWidget, path: str | Path, title: str = "") -> Path:
    """Write ``widget`` to ``path``: PDF when it ends in .pdf, else PNG (.png added if missing)."""
    target = Path(path)
    if target.suffix.lower() == ".pdf":
        data = pdf_bytes(widget, title)
    else:
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        data = png_bytes(widget)
    write_atomic(target, data)
    return target
