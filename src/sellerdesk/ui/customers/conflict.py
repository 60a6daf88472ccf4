"""The question asked when a save finds the customer changed by someone else since it was read
(optimistic locking, issue 20): "此客户已被 王芳 修改" — 重新载入 / 合并 / 取消.

The store refused the save (:class:`~sellerdesk.store.errors.ConflictError`) and wrote nothing;
the editor still holds the user's edits. 重新载入 drops them (after a confirmation) and shows the
stored customer; 合并 shows the stored customer with the user's changed fields on top and names
the fields both changed, for the user to check and save again.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from sellerdesk.store.errors import ConflictError
from sellerdesk.ui.customers.table_model import local_time

RELOAD = "reload"
MERGE = "merge"


def changed_by_text(exc: ConflictError, *, not_before: _dt.datetime | None = None) -> str:
    """此客户已被 王芳 修改（12-04 15:02）; 本机的另一个程序 when nobody is named (a local file).

    ``exc.at`` is the customer's ``updated_at``, which some writes leave as it was (an address
    write of another program, a version moved by a trigger): a time before ``not_before`` (naive
    UTC: when the form read the customer) is not when the other change happened, so no time is
    said then rather than a wrong one. The year is said when it is not this year's."""
    at = exc.at
    if at is not None and not_before is not None and at < not_before:
        at = None
    shown = local_time(at) if at is not None else None
    if shown is None:
        when = ""
    elif shown.year != _dt.datetime.now().year:
        when = shown.strftime("%Y-%m-%d %H:%M")
    else:
        when = shown.strftime("%m-%d %H:%M")
    if exc.by and when:
        text = QCoreApplication.translate("ConflictDialog", "This customer was changed by %1 (%2).")
        return text.replace("%1", exc.by).replace("%2", when)
    if exc.by:
        return QCoreApplication.translate("ConflictDialog", "This customer was changed by %1.").replace("%1", exc.by)
    if when:
        text = QCoreApplication.translate(
            "ConflictDialog", "This customer was changed by another program on this computer (%1)."
        )
        return text.replace("%1", when)
    return QCoreApplication.translate(
        "ConflictDialog", "This customer was changed by another program on this computer."
    )


class ConflictDialog(QDialog):
    """``choice`` after it closes: :data:`RELOAD`, :data:`MERGE` or None (cancelled: keep editing).

    ``mine``: the labels of the fields this edit changed; ``both``: those the other change
    touched too; ``theirs``: lines with what they wrote in those (a merge keeps the user's)."""

    def __init__(
        self,
        exc: ConflictError,
        mine: list[str],
        both: list[str],
        theirs: list[str] = (),
        parent=None,
        *,
        not_before: _dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        self.label = QLabel(f"<b>{html.escape(changed_by_text(exc, not_before=not_before))}</b>")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        lines = [self.tr("Your changes were not saved.")]
        if mine:
            lines.append(self.tr("You changed: %1").replace("%1", "、".join(mine)))
        if both:
            marked = f"<span style='color:#b91c1c'>{'、'.join(both)}</span>"
            lines.append(self.tr("Both of you changed: %1").replace("%1", marked))
            lines.extend(html.escape(line) for line in theirs)
        lines.append(
            self.tr(
                "Reload shows their version and drops your changes. Merge keeps your changed fields on top of "
                "theirs; check the form and save again."
            )
        )
        self.detail = QLabel("<br>".join(lines))
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        box = QDialogButtonBox()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in ((RELOAD, self.tr("Reload")), (MERGE, self.tr("Merge"))):
            button = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            self.buttons[key] = button
        self.buttons[MERGE].setDefault(True)
        box.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(box)
        self.resize(480, self.sizeHint().height())

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
