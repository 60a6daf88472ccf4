"""设置 ▸ 偏远地区: the seller's remote-area list.

The ready options (the six default provinces, 海南, 港澳台) are check boxes; anything finer
(a city or a county: 四川省甘孜藏族自治州) is a free entry, one per line, checked against the
region table (``core.remote``) before anything is saved. The list is saved by one store
call (``store.remote_areas.save_entries``); the views then recount.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import remote
from sellerdesk.store import remote_areas
from sellerdesk.store.errors import StorageError, ValidationError
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel

_SEPARATORS = re.compile(r"[\n,，、;；]+")


class RemoteAreasDialog(QDialog):
    """After OK, ``entries`` holds the cleaned list to save."""

    def __init__(self, current: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remoteAreasDialog")
        self.setWindowTitle(self.tr("Remote areas"))
        self.entries: list[str] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Orders and customers in these places are marked 偏远地区 in the tables, the region tree, "
                "the order filter and the export summary. There is no official list: set it to match your "
                "freight rules."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Common choices"))
        grid = QGridLayout(box)
        self.options: dict[str, QCheckBox] = {}
        for i, entry in enumerate(remote.READY_OPTIONS):
            check = QCheckBox(entry)
            check.setObjectName(f"option_{i}")
            check.setChecked(entry in current)
            if entry == remote.GROUP_HMT:
                check.setToolTip(self.tr("香港, 澳门 and 台湾"))
            self.options[entry] = check
            grid.addWidget(check, i // 4, i % 4)
        layout.addWidget(box)

        layout.addWidget(QLabel(self.tr("More places, one per line (a province, a city or a county):")))
        self.free = QPlainTextEdit()
        self.free.setObjectName("freeEntries")
        self.free.setPlaceholderText(self.tr("e.g. 四川省甘孜藏族自治州\n阿坝州\n青海省玉树藏族自治州"))
        self.free.setPlainText("\n".join(e for e in current if e not in self.options))
        self.free.setMinimumHeight(110)
        layout.addWidget(self.free, 1)

        defaults = QPushButton(self.tr("Restore the default list"))
        defaults.setObjectName("restoreDefaults")
        defaults.clicked.connect(self.restore_defaults)
        row = QHBoxLayout()
        row.addWidget(defaults)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject))
        self.resize(560, 440)

    def typed(self) -> list[str]:
        chosen = [entry for entry, check in self.options.items() if check.isChecked()]
        free = [part.strip() for part in _SEPARATORS.split(self.free.toPlainText()) if part.strip()]
        return chosen + free

    def restore_defaults(self) -> None:
        for entry, check in self.options.items():
            check.setChecked(entry in remote.DEFAULT_ENTRIES)
        self.free.clear()
        self.error.clear()

    def accept(self) -> None:
        try:
            self.entries = remote_areas.check_entries(self.typed())
        except ValidationError as exc:
            if exc.code == "ambiguous_region":
                text = self.tr("“%1” names several places; add its province or city (e.g. 北京市朝阳区).")
            elif exc.code == "unknown_region":
                text = self.tr("“%1” is not a province, city or county we know.")
            else:
                text = self.tr("Too many entries (at most %1).").replace("%1", str(remote.MAX_ENTRIES))
            self.error.setText(text.replace("%1", exc.field or ""))
            return
        super().accept()


def edit_remote_areas(parent: QWidget, context) -> bool:
    """Show the dialog; after OK save the list and tell the views. True when saved."""
    dialog = RemoteAreasDialog(remote_areas.entries(), parent)
    if dialogs.launch(dialog) != QDialog.DialogCode.Accepted or dialog.entries is None:
        return False
    try:
        remote_areas.save_entries(dialog.entries)
    except (StorageError, ValidationError) as exc:  # a full disk, a read-only folder: one translated line
        dialogs.error(parent, dialog.windowTitle(), error_text(exc))
        return False
    context.customers_changed.emit()
    context.orders_changed.emit()
    return True
