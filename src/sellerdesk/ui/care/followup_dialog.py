"""Record or edit a follow-up (回访) or feedback (反馈): date, channel, what was said, the outcome
and an optional next date. OK writes it (``store.followups``) or says in one red line why not."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.care import CHANNELS
from sellerdesk.store import followups
from sellerdesk.store.errors import StoreError, ValidationError
from sellerdesk.store.models import FollowUp
from sellerdesk.ui.care import texts
from sellerdesk.ui.widgets.dates import pydate, qdate, qtoday
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel


class FollowUpDialog(QDialog):
    """A new follow-up on ``customer_id`` (``feedback``: a new piece of feedback), or an edit of
    ``existing``. ``saved`` holds the written row after OK."""

    def __init__(
        self,
        customer_id: int,
        name: str,
        parent: QWidget | None = None,
        *,
        existing: FollowUp | None = None,
        feedback: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.customer_id = customer_id
        self.existing = existing
        kind = existing.kind if existing is not None else ("feedback" if feedback else "followup")
        title = {
            ("followup", False): self.tr("Follow-up with %1"),
            ("feedback", False): self.tr("Feedback from %1"),
            ("followup", True): self.tr("Edit follow-up with %1"),
            ("feedback", True): self.tr("Edit feedback from %1"),
        }[(kind, existing is not None)]
        self.setWindowTitle(title.replace("%1", name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("followUpKind")
        for code, label in texts.kind_names().items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.setEnabled(existing is None)
        form.addRow(self.tr("Kind"), self.kind)
        self.on_date = QDateEdit()
        self.on_date.setObjectName("followUpDate")
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_date.setCalendarPopup(True)
        self.on_date.setDate(qtoday())
        form.addRow(self.tr("Date"), self.on_date)
        self.channel = QComboBox()
        self.channel.setObjectName("followUpChannel")
        names = texts.channel_names()
        for code in CHANNELS:
            self.channel.addItem(names[code], code)
        self.channel.addItem(names[""], "")
        form.addRow(self.tr("Channel"), self.channel)
        self.note = QPlainTextEdit()
        self.note.setObjectName("followUpNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What was said, e.g. 问面膜用得怎么样"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("What was said"), self.note)
        self.outcome = QLineEdit()
        self.outcome.setObjectName("followUpOutcome")
        self.outcome.setPlaceholderText(self.tr("e.g. 很满意，想再买两盒"))
        form.addRow(self.tr("Outcome"), self.outcome)
        row = QHBoxLayout()
        self.has_next = QCheckBox(self.tr("Follow up again on"))
        self.has_next.setObjectName("followUpHasNext")
        self.next_date = QDateEdit()
        self.next_date.setObjectName("followUpNext")
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setCalendarPopup(True)
        self.next_date.setDate(qtoday().addDays(14))
        self.next_date.setEnabled(False)
        self.has_next.toggled.connect(self.next_date.setEnabled)
        row.addWidget(self.has_next)
        row.addWidget(self.next_date, 1)
        form.addRow("", row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject, ok_text=self.tr("Save")))
        self.note.textChanged.connect(lambda: self.error.setText(""))
        if existing is not None:
            self.on_date.setDate(qdate(existing.on_date))
            self.channel.setCurrentIndex(max(0, self.channel.findData(existing.channel)))
            self.note.setPlainText(existing.note)
            self.outcome.setText(existing.outcome)
            if existing.next_date is not None:
                self.has_next.setChecked(True)
                self.next_date.setDate(qdate(existing.next_date))
        self.saved: FollowUp | None = None
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict[str, object]:
        return {
            "note": self.note.toPlainText().strip(),
            "channel": self.channel.currentData(),
            "on_date": pydate(self.on_date.date()),
            "outcome": self.outcome.text().strip(),
            "next_date": pydate(self.next_date.date()) if self.has_next.isChecked() else None,
        }

    def accept(self) -> None:
        values = self.values()
        if not values["note"]:
            self.error.setText(self.tr("Write what was said."))
            self.note.setFocus()
            return
        try:
            if self.existing is not None:
                self.saved = followups.update_follow_up(self.existing.id, values)
            else:
                note = str(values.pop("note"))
                self.saved = followups.add_follow_up(
                    self.customer_id, note, feedback=self.kind.currentData() == "feedback", **values
                )
        except ValidationError as exc:
            self.error.setText(self._refusal(exc))
            return
        except StoreError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()

    def _refusal(self, exc: ValidationError) -> str:
        if exc.code == "customer_gone":
            return self.tr("The customer is in the Trash: restore them first. Nothing was saved.")
        if exc.code == "next_before":
            return self.tr("The next follow-up cannot be before this one. Nothing was saved.")
        if exc.code == "too_long":
            return self.tr("The note is too long (at most %1 characters).").replace("%1", str(followups.MAX_NOTE))
        return str(exc)
