"""Screenshots of the main window with demo customers, for reviewing a layout change.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py OUT_DIR [--size 1366x768]

Makes a throw-away data folder (master-password mode, demo customers), opens the main window
in Chinese as a first start would (no saved layout) on a screen of ``--size``, selects a customer
with more than one address and saves ``OUT_DIR/<prefix>-<size>-<what>.png``: the window, the
editor after a paste into that customer, and the shortcuts and About dialogs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--prefix", default="shot")
    ap.add_argument("--customers", type=int, default=2000)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sd-shots-"))
    os.environ["SELLERDESK_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication

    from sellerdesk.i18n import install_translations
    from sellerdesk.store import demo
    from sellerdesk.store.keys import MODE_PASSWORD
    from sellerdesk.store.models import Address, Customer
    from sellerdesk.store.session import DataDir
    from sellerdesk.ui.context import AppContext, settings_for
    from sellerdesk.ui.main_window import AboutDialog, MainWindow, ShortcutsDialog

    app = QApplication(sys.argv)
    install_translations(app, "zh_CN")
    datadir = DataDir.default()
    key, _code = datadir.initialize(MODE_PASSWORD, "amber kettle orbit 71 screenshots")
    demo.generate(args.customers)
    window = MainWindow(AppContext(datadir, key, settings_for(datadir)))
    window.reminded = True
    screen = app.primaryScreen().availableGeometry()
    print("screen", screen.width(), screen.height(), "window", window.width(), window.height())
    if window.width() > screen.width() or window.height() > screen.height():  # what a window manager does
        window.setGeometry(screen)
    window.show()
    app.processEvents()
    window.refresh_counts()
    many = (
        Customer.select(Customer.id)
        .join(Address)
        .where(Address.deleted_at.is_null())
        .group_by(Customer.id)
        .having(__import__("peewee").fn.COUNT(Address.id) > 1)
        .first()
    )
    window.select_customer(many.id if many else Customer.select().first().id)
    for _ in range(5):
        app.processEvents()
    size = args.size

    def save(widget, what: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = args.out / f"{args.prefix}-{size}-{what}.png"
        widget.grab().save(str(path))
        print("saved", path, widget.width(), widget.height())

    save(window, "window")
    editor = window.editor
    other = Customer.select().where((Customer.id != editor.customer_id) & (Customer.phone != "")).first()
    editor.paste_edit.setPlainText(f"李四 {other.phone} 浙江省杭州市西湖区文三路100号")
    editor.apply_paste()
    save(window, "paste")
    for dialog, what in ((ShortcutsDialog(window), "shortcuts"), (AboutDialog(window.context, window), "about")):
        dialog.show()
        save(dialog, what)
        dialog.close()
    screen_size = (screen.width(), screen.height())
    if screen_size != (window.width(), window.height()):  # the window maximised by the user
        window.setGeometry(screen)
        save(window, "full")
    window.editor.cancel()
    window.close()
    datadir.close()


if __name__ == "__main__":
    main()
