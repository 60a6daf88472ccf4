"""``python -m sellerdesk.ui.shipping.render_pdf``: paint labels to a PDF for ``sellerdesk-cli labels``.

The CLI never loads Qt (startup time, headless servers without Qt's libraries in its
process); it reads the labels from the store and hands them here on stdin as JSON
``{"out", "layout", "captions", "labels"}``. This process paints them offscreen and prints
the report as one JSON line: ``{"pages", "labels", "cut"}``. Exit 1 when the file cannot be
written, with the error on stderr and, last, ``{"errno": N}`` (None when the OS gave none).
"""

from __future__ import annotations

import json
import os
import sys


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from sellerdesk.exchange.labels import LabelData
    from sellerdesk.ui.shipping.label_painter import write_pdf

    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need an application)
    labels = [LabelData(**item) for item in request["labels"]]
    try:
        report = write_pdf(request["out"], labels, request["layout"], request.get("captions") or {})
    except OSError as exc:  # the last line: the errno, for the CLI to name the cause (a full disk …)
        print(str(exc), file=sys.stderr)
        print(json.dumps({"errno": exc.errno}), file=sys.stderr)
        return 1
    doc = {"pages": report.pages, "labels": report.labels, "cut": report.cut, "no_address": report.no_address}
    print(json.dumps(doc, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
