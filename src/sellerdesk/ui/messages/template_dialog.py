"""消息模板: the wording of every message the app copies for WeChat, edited by the seller.

Each kind (``core.messages.KINDS``) has its text; buttons insert the placeholders, a preview
fills them with a sample customer, a placeholder no message fills is warned about, and
恢复默认 puts the bundled wording back. OK saves every kind at once
(``store.messages.save_templates``: one transaction; a text equal to the default is stored as
"the default", so a later update of the default reaches it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock, messages
from sellerdesk.store import messages as store_messages
from sellerdesk.store.errors import StoreError
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import ERROR_COLOUR, error_label, ok_cancel


def kind_name(kind: str) -> str:
    return {
        "shipped": QCoreApplication.translate("MessageKind", "Shipped notice"),
        "recheck": QCoreApplication.translate("MessageKind", "Address re-check"),
        "birthday": QCoreApplication.translate("MessageKind", "Birthday greeting"),
        "holiday": QCoreApplication.translate("MessageKind", "Holiday greeting"),
        "followup": QCoreApplication.translate("MessageKind", "Follow-up"),
    }.get(kind, kind)


def placeholder_name(name: str) -> str:
    return {
        "name": QCoreApplication.translate("MessageKind", "Name"),
        "address": QCoreApplication.translate("MessageKind", "Address"),
        "courier": QCoreApplication.translate("MessageKind", "Courier"),
        "tracking": QCoreApplication.translate("MessageKind", "Tracking No."),
        "phone": QCoreApplication.translate("MessageKind", "Phone"),
        "items": QCoreApplication.translate("MessageKind", "Items"),
        "date": QCoreApplication.translate("MessageKind", "Date"),
        "holiday": QCoreApplication.translate("MessageKind", "Holiday"),
    }.get(name, name)


def sample_values() -> dict[str, str]:
    """The sample customer of the preview."""
    return {
        "name": "张三",
        "holiday": "中秋节",
        "address": "张三 13812345678 广东省深圳市南山区科技园科苑路15号",
        "courier": "顺丰",
        "tracking": "SF1234567890123",
        "phone": "13812345678",
        "items": "面膜 x2, 护手霜",
        "date": clock.today().isoformat(),
    }


class _Bubble(QPlainTextEdit):
    """The preview: read-only text that wraps anywhere, so a long word (a pasted link, 2,500
    letters without a space) wraps inside the dialog instead of widening it (a QLabel cannot
    break a word, and its size hint grows with it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMaximumHeight(160)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, kept for the callers)
        self.setPlainText(text)


MAX_SHOWN_NAME = 40  # an unknown placeholder longer than this is shown cut, with "…"


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Message templates"))
        self.resize(760, 520)
        self.saved = False
        self.texts = store_messages.templates()
        self.defaults = messages.default_templates()
        self.kind = messages.KINDS[0]
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The texts SellerDesk copies for you to paste into WeChat. Click a placeholder to insert it; "
                "it is filled in for each customer."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.kinds = QListWidget()
        self.kinds.setObjectName("kinds")
        self.kinds.setMaximumWidth(150)
        for kind in messages.KINDS:
            self.kinds.addItem(kind_name(kind))
        body.addWidget(self.kinds)
        right = QVBoxLayout()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("templateText")
        self.editor.setTabChangesFocus(True)
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        right.addWidget(self.editor, 1)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.placeholder_buttons: dict[str, QPushButton] = {}
        for position, name in enumerate(messages.PLACEHOLDERS):
            button = QPushButton(f"{placeholder_name(name)} {{{name}}}")
            button.setObjectName(f"insert_{name}")
            button.setToolTip(self.tr("Insert %1").replace("%1", "{" + name + "}"))
            button.clicked.connect(lambda _c=False, name=name: self.insert(name))
            grid.addWidget(button, position // 4, position % 4)
            self.placeholder_buttons[name] = button
        right.addLayout(grid)
        self.warning = QLabel()
        self.warning.setObjectName("unknownPlaceholders")
        self.warning.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.warning.setWordWrap(True)
        right.addWidget(self.warning)
        right.addWidget(QLabel(self.tr("Preview, for a sample customer:")))
        self.preview = _Bubble()
        self.preview.setObjectName("preview")
        self.preview.setStyleSheet(
            "QPlainTextEdit { background: #dcf8c6; color: #111; border: none; border-radius: 6px; padding: 4px; }"
        )
        right.addWidget(self.preview)
        reset_row = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("Reset to default"))
        self.reset_button.setObjectName("resetTemplate")
        self.reset_button.clicked.connect(self.reset)
        reset_row.addWidget(self.reset_button)
        reset_row.addStretch(1)
        right.addLayout(reset_row)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject))
        self.editor.textChanged.connect(self._edited)
        self.kinds.currentRowChanged.connect(self._kind_chosen)
        self.kinds.setCurrentRow(0)

    def select_kind(self, kind: str) -> None:
        self.kinds.setCurrentRow(messages.KINDS.index(kind))

    def _kind_chosen(self, row: int) -> None:
        if not 0 <= row < len(messages.KINDS):
            return
        self.kind = messages.KINDS[row]
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts[self.kind])
        self.editor.blockSignals(False)
        self._edited()

    def _edited(self) -> None:
        text = self.editor.toPlainText()
        self.texts[self.kind] = text
        unknown = messages.unknown_placeholders(text)
        self.warning.setText(
            self.tr("Not a placeholder: %1. It will be copied as typed.").replace(
                "%1",
                " ".join(
                    "{" + (name if len(name) <= MAX_SHOWN_NAME else name[:MAX_SHOWN_NAME] + "…") + "}"
                    for name in unknown
                ),
            )
            if unknown
            else ""
        )
        self.warning.setVisible(bool(unknown))
        shown = text if text.strip() else self.defaults[self.kind]
        self.preview.setText(messages.render(shown, sample_values()))
        self.reset_button.setEnabled(text != self.defaults[self.kind])
        for row, kind in enumerate(messages.KINDS):
            changed = self.texts[kind] != self.defaults[kind]
            self.kinds.item(row).setText(kind_name(kind) + (" *" if changed else ""))

    def insert(self, name: str) -> None:
        self.editor.insertPlainText("{" + name + "}")
        self.editor.setFocus()

    def reset(self) -> None:
        self.editor.setPlainText(self.defaults[self.kind])

    def accept(self) -> None:
        too_long = [k for k, t in self.texts.items() if len(t) > messages.MAX_TEMPLATE_CHARS]
        if too_long:
            self.select_kind(too_long[0])
            self.error.setText(
                self.tr("A message may be at most %1 characters long.").replace("%1", str(messages.MAX_TEMPLATE_CHARS))
            )
            return
        try:
            store_messages.save_templates(self.texts)
        except StoreError as exc:
            self.error.setText(error_text(exc))
            return
        self.saved = True
        super().accept()


def edit_templates(parent: QWidget, kind: str | None = None) -> bool:
    """Show the dialog (at ``kind``); True when the wording was saved."""
    dialog = TemplateDialog(parent)
    if kind is not None:
        dialog.select_kind(kind)
    dialogs.launch(dialog)
    return dialog.saved
