"""Painting shipping labels with QPainter onto a QPdfWriter (save as PDF) or a QPrinter (print).

The texts come from ``exchange.labels`` (:class:`LabelData`), the geometry from its
``LAYOUTS`` (millimetres). Every label: the recipient and phone, the whole address in a large
font that shrinks to fit its box (down to a floor; below that it is cut with "…" and the
label is reported in :attr:`PaintReport.cut`, never cut silently), the items, the sender,
and a QR code of the order number (segno's matrix drawn as rectangles: sharp at any
resolution, no image library). Fonts: the first CJK family installed (the PDF embeds a
subset of it), else the application's own font.

Painting runs in a job (QPdfWriter and QPrinter may be painted off the GUI thread);
``progress(done, total, message)`` after each label, and the cancel token stops it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from sellerdesk.exchange.labels import LAYOUTS, LabelData, LabelLayout
from sellerdesk.progress import CancelToken
from sellerdesk.store.files import write_atomic

Progress = Callable[[int, int, str], None]

# Families tried in order for the labels' Chinese text (the app itself uses the platform's
# default font, which fontconfig / Windows / macOS resolve to one of these).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "SimHei",
)
# Latin letters and digits come from a Latin family when one is installed: with Noto CJK
# alone Qt writes no ToUnicode entry for digits, so a PDF's order numbers and phones could
# not be searched or copied (pdftotext drops them).
LATIN_FAMILIES = ("DejaVu Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI", "Liberation Sans")
PDF_DPI = 300
DEFAULT_CAPTIONS = {"to": "收", "from": "寄", "items": "商品", "no_sender": ""}


@dataclass
class PaintReport:
    pages: int = 0
    labels: int = 0
    cut: list[str] = field(default_factory=list)  # refs of labels whose address did not fit whole
    no_address: list[str] = field(default_factory=list)  # refs of labels printed without an address


@cache
def label_families() -> tuple[str, ...]:
    """The font families the labels use: a Latin one for digits and letters, then the first
    installed CJK family (else the app's own font) for the rest."""
    available = set(QFontDatabase.families())
    latin = next((f for f in LATIN_FAMILIES if f in available), None)
    cjk = next((f for f in CJK_FAMILIES if f in available), QGuiApplication.font().family())
    return (latin, cjk) if latin else (cjk,)


def page_layout(layout: LabelLayout) -> QPageLayout:
    size = QPageSize(
        QSizeF(layout.page_w, layout.page_h), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


class _Painter:
    """Draws labels in millimetres on one device."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, captions: Mapping[str, str]) -> None:
        self.p = painter
        self.device = device
        self.dpi = device.logicalDpiX()
        self.captions = {**DEFAULT_CAPTIONS, **captions}
        self.families = list(label_families())

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(self.families)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def line(self, rect: QRectF, text: str, font: QFont, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        """One line, elided at the right when too long."""
        shown = self.metrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.setFont(font)
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    def name_and_phone(self, rect: QRectF, prefix: str, name: str, phone: str, font: QFont) -> None:
        """The recipient and the phone on one line: the phone always whole (the courier calls it),
        the name cut with "…" to the room left."""
        metrics = self.metrics(font)
        head = f"{prefix}  " if prefix else ""
        tail = f"  {phone}" if phone else ""
        room = rect.width() - metrics.horizontalAdvance(head + tail)
        if room < metrics.horizontalAdvance("……"):
            self.line(rect, f"{head}{phone or name}".strip(), font)  # (no room for a name at all)
            return
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        self.p.setFont(font)
        self.p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), f"{head}{shown}{tail}")

    def fit(self, rect: QRectF, text: str, biggest: float, smallest: float, bold: bool = False) -> bool:
        """``text`` wrapped into ``rect`` at the biggest size that fits; at ``smallest`` still too
        long, cut with "…". Returns False when it was cut."""
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWrapAnywhere)
        size = biggest
        while True:
            font = self.font(size, bold)
            box = self.metrics(font).boundingRect(rect, flags, text)
            if box.height() <= rect.height() and box.width() <= rect.width() + 0.5:
                self.p.setFont(font)
                self.p.drawText(rect, flags, text)
                return True
            if size <= smallest:
                break
            size = max(smallest, size - 0.5)
        metrics = self.metrics(font)
        lo, hi = 0, len(text)
        while lo < hi:  # the longest prefix that fits with "…"
            mid = (lo + hi + 1) // 2
            if metrics.boundingRect(rect, flags, text[:mid] + "…").height() <= rect.height():
                lo = mid
            else:
                hi = mid - 1
        self.p.setFont(font)
        self.p.drawText(rect, flags, text[:lo] + "…")
        return False

    def qr(self, rect: QRectF, code: str) -> None:
        """The QR code of ``code`` in the square ``rect`` (runs of dark modules as rectangles)."""
        if not code:
            return
        matrix = segno.make(code, error="m", micro=False).matrix
        n = len(matrix) + 2  # a quiet zone of one module each side inside the square (labels have margins too)
        side = min(rect.width(), rect.height())
        module = side / n
        x0, y0 = rect.x() + (rect.width() - side) / 2 + module, rect.y() + module
        self.p.save()
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor("black"))
        for r, row in enumerate(matrix):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    self.p.drawRect(QRectF(x0 + start * module, y0 + r * module, (c - start) * module, module))
                else:
                    c += 1
        self.p.restore()

    def rule(self, x: float, y: float, w: float) -> None:
        self.p.save()
        self.p.setPen(QPen(QColor("black"), self.mm(0.25)))
        self.p.drawLine(QPointF(self.mm(x), self.mm(y)), QPointF(self.mm(x + w), self.mm(y)))
        self.p.restore()

    def sender_text(self, label: LabelData) -> str:
        parts = [label.sender_company, label.sender_name, label.sender_phone, label.sender_address]
        text = " ".join(p for p in parts if p)
        return text or self.captions["no_sender"]

    # --- the two layouts ----------------------------------------------------------------------------------------

    def sheet_label(self, label: LabelData, x: float, y: float, layout: LabelLayout) -> bool:
        """One 99 × 38 mm label of an A4 sheet; True when the address fitted whole."""
        pad = layout.padding
        x, y = x + pad, y + pad
        w, h = layout.label_w - 2 * pad, layout.label_h - 2 * pad
        qr_side = 0.0
        if label.code:
            qr_side = min(h - 3.2, 24.0)
            self.qr(self.rect(x + w - qr_side, y, qr_side, qr_side), label.code)
            self.line(
                self.rect(x + w - qr_side - 4, y + qr_side, qr_side + 4, 3.2),
                label.code,
                self.font(6),
                Qt.AlignmentFlag.AlignHCenter,
            )
        text_w = w - (qr_side + 1.5 if qr_side else 0)
        self.name_and_phone(
            self.rect(x, y, text_w, 5.2), self.captions["to"], label.recipient, label.phone, self.font(10.5, bold=True)
        )
        bottom = 3.2 * 2  # items + sender lines
        fitted = self.fit(self.rect(x, y + 5.6, text_w, h - 5.6 - bottom), label.address, 12, 7, bold=False)
        if label.items:
            items = f"{self.captions['items']}: " + "，".join(label.items)
            self.line(self.rect(x, y + h - 6.4, text_w, 3.2), items, self.font(7))
        sender = self.sender_text(label)
        if sender:
            self.line(self.rect(x, y + h - 3.2, text_w, 3.2), f"{self.captions['from']}  {sender}", self.font(7))
        return fitted

    def thermal_label(self, label: LabelData, layout: LabelLayout) -> bool:
        """One 100 × 150 mm label; True when the address fitted whole."""
        pad = layout.padding
        x, y, w = pad, pad, layout.label_w - 2 * pad
        bottom = layout.label_h - pad
        sender = self.sender_text(label)
        self.line(self.rect(x, y, 8, 6), self.captions["from"], self.font(11, bold=True))
        self.fit(self.rect(x + 8, y, w - 8, 12), sender, 9, 6.5)
        y += 13
        self.rule(x, y, w)
        y += 2
        self.line(self.rect(x, y, 10, 9), self.captions["to"], self.font(16, bold=True))
        self.name_and_phone(self.rect(x + 10, y, w - 10, 9), "", label.recipient, label.phone, self.font(16, bold=True))
        y += 10
        code_h = 34.0 if label.code else 0.0
        address_h = bottom - y - code_h - 2
        if not label.code:
            address_h -= 30  # room for the items
        fitted = self.fit(self.rect(x, y, w, address_h), label.address, 22, 9, bold=True)
        y += address_h + 1
        self.rule(x, y, w)
        y += 2
        if label.code:
            side = bottom - y - 4
            self.qr(self.rect(x + w - side, y, side, side), label.code)
            self.line(
                self.rect(x + w - side - 6, y + side, side + 6, 4),
                label.code,
                self.font(8),
                Qt.AlignmentFlag.AlignHCenter,
            )
            items_w = w - side - 2
        else:
            items_w = w
        if label.items:
            items = f"{self.captions['items']}: " + "，".join(label.items)
            self.fit(self.rect(x, y, items_w, bottom - y), items, 10, 6.5)
        return fitted


def paint_labels(
    device: QPagedPaintDevice,
    labels: Sequence[LabelData],
    layout: LabelLayout,
    captions: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    token: CancelToken | None = None,
) -> PaintReport:
    """Paint ``labels`` onto ``device`` (a QPdfWriter or QPrinter already set up with ``page_layout``)."""
    report = PaintReport()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The label file or printer could not be opened for writing.")
    try:
        draw = _Painter(painter, device, captions or {})
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        total = len(labels)
        for i, label in enumerate(labels):
            if token is not None:
                token.check()
            slot = i % layout.per_page
            if slot == 0:
                if i:
                    device.newPage()
                report.pages += 1
            if layout.per_page == 1:
                fitted = draw.thermal_label(label, layout)
            else:
                fitted = draw.sheet_label(label, *layout.origin(slot), layout)
            if not fitted:
                report.cut.append(label.ref)
            if not label.address.strip():
                report.no_address.append(label.ref)
            report.labels += 1
            if progress is not None and (i % 20 == 19 or i == total - 1):
                progress(i + 1, total, "labels")
    finally:
        painter.end()
    return report


def write_pdf(
    path: str,
    labels: Sequence[LabelData],
    layout_name: str,
    captions: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    token: CancelToken | None = None,
) -> PaintReport:
    """Save ``labels`` as a PDF at ``path`` (written next to it, then renamed: a Cancel or an
    error leaves no half file).

    The PDF is painted into memory and written by Python: QPdfWriter says nothing when the disk
    fills, and a full disk left an empty file reported as saved (stranger QA). A failed write
    raises the OS's error (``ENOSPC``, ``EROFS`` …)."""
    from pathlib import Path

    layout = LAYOUTS[layout_name]
    target = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(layout))
    writer.setCreator("SellerDesk")
    writer.setTitle(target.stem)
    report = paint_labels(writer, labels, layout, captions, progress, token)
    del writer  # ends the document
    buffer.close()
    pdf = bytes(data.data())
    if not pdf:
        raise OSError("The labels could not be painted into a PDF.")
    # names, phones and addresses: readable by this user only, as every export; a failed write (a
    # full disk) leaves no .part behind
    write_atomic(target, pdf, suffix=".part")
    return report
