"""The merge dialog: the customers side by side, one radio button per field and customer (issue 15).

The first row chooses who is kept (their id stays; the others go to the Trash, marked merged
into them). Each field row chooses whose value the kept customer takes; tags and notes may also
take everyone's (the default). The defaults are the store's (``store.merges.default_choices``).
Merge writes once (``store.merges.merge``, one transaction); 撤销合并 undoes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.lunar import LunarDay
from sellerdesk.core.money import format_yuan
from sellerdesk.store import customers, merges
from sellerdesk.store import tiers as store_tiers
from sellerdesk.store.errors import StoreError
from sellerdesk.store.merges import JOIN, MERGE_FIELDS, UNION, MergeRefused
from sellerdesk.store.models import Customer
from sellerdesk.ui.care.texts import lunar_text
from sellerdesk.ui.duplicates.texts import refusal_text
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text

VALUE_WIDTH = 30  # characters of a value shown beside its radio button (the whole value in its tooltip)


class MergeDialog(QDialog):
    """Merge ``customer_ids`` (two or more live customers); ``keep_id`` is kept by default (the
    first otherwise). ``merge_id`` is set once merged."""

    def __init__(self, customer_ids: Sequence[int], keep_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge customers"))
        self.merge_id: int | None = None
        self.people: list[Customer] = [customers.get_customer(i) for i in dict.fromkeys(customer_ids)]
        self.addresses = {c.id: customers.live_addresses(c.id) for c in self.people}
        self.rules = store_tiers.tier_rules()
        keep = keep_id if keep_id in {c.id for c in self.people} else self.people[0].id
        self.keep_group = QButtonGroup(self)
        self.field_groups: dict[str, QButtonGroup] = {}
        self._build(keep)
        self._apply_defaults()
        self.keep_group.idToggled.connect(lambda _id, on: on and self._apply_defaults())

    # --- layout ---------------------------------------------------------------------------------------------------

    def _build(self, keep: int) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose who is kept and, for each field, whose value they keep. Addresses, orders, points and "
                "history of the others move to the one kept; the others go to the Trash. You can undo the merge."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        self.grid = grid
        columns = len(self.people)
        bold = self.font()
        bold.setBold(True)
        for col, person in enumerate(self.people, 1):
            head = QLabel(f"#{person.id} {person.name or person.phone or person.wechat}")
            head.setFont(bold)
            grid.addWidget(head, 0, col)
            radio = QRadioButton(self.tr("Keep this one"))
            radio.setObjectName(f"keep_{person.id}")
            self.keep_group.addButton(radio, person.id)
            radio.setChecked(person.id == keep)
            grid.addWidget(radio, 1, col)
        grid.addWidget(self._label(self.tr("Kept")), 1, 0)
        row = 2
        for text, values in (
            (self.tr("Orders"), [self._orders(p) for p in self.people]),
            (self.tr("Addresses"), [self._addresses(p) for p in self.people]),
        ):
            grid.addWidget(self._label(text), row, 0)
            for col, value in enumerate(values, 1):
                label = QLabel(value)
                label.setWordWrap(True)
                label.setStyleSheet("color: #555;")
                grid.addWidget(label, row, col)
            row += 1
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, row, 0, 1, columns + 2)
        row += 1
        for field in MERGE_FIELDS:
            grid.addWidget(self._label(self._field_name(field)), row, 0)
            group = QButtonGroup(self)
            self.field_groups[field] = group
            for col, person in enumerate(self.people, 1):
                shown = self._value(person, field)
                radio = QRadioButton(_clip(shown) if shown else self.tr("(empty)"))
                radio.setObjectName(f"{field}_{person.id}")
                radio.setToolTip(shown)
                group.addButton(radio, person.id)
                grid.addWidget(radio, row, col)
            if field in ("tags", "notes"):
                radio = QRadioButton(self.tr("All of them") if field == "tags" else self.tr("All, one after another"))
                radio.setObjectName(f"{field}_all")
                group.addButton(radio, 0)
                grid.addWidget(radio, row, columns + 1)
            row += 1
        grid.setColumnStretch(columns + 2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(min(1100, 260 + 260 * len(self.people)), 620)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _field_name(self, field: str) -> str:
        return {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "wechat": self.tr("WeChat ID"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
            "tier": self.tr("Tier"),
            "birthday": self.tr("Birthday"),
            "gender": self.tr("Gender"),
            "source": self.tr("Source"),
            "marketing_consent": self.tr("Marketing consent"),
        }[field]

    def _value(self, person: Customer, field: str) -> str:
        value = getattr(person, field)
        if field == "tier":
            name = store_tiers.tier_info(person, self.rules).name
            return self.tr("%1 (set by hand)").replace("%1", name) if person.tier_manual else name
        if field == "birthday":  # the lunar one (the one celebrated) goes with it
            if person.birthday_lunar is not None:
                return lunar_text(LunarDay.from_code(person.birthday_lunar))
            return value.isoformat() if value else ""
        if field == "gender":
            return {"F": self.tr("Female"), "M": self.tr("Male")}.get(value, value or "")
        if field == "marketing_consent":
            return self.tr("Given") if value else self.tr("Not given")
        if field == "tags":
            return (value or "").replace(",", "，")
        return str(value or "").replace("\n", " / ")

    def _orders(self, person: Customer) -> str:
        return (
            self.tr("%1 orders, %2")
            .replace("%1", str(person.order_count))
            .replace("%2", format_yuan(person.total_spent_fen))
        )

    def _addresses(self, person: Customer) -> str:
        found = self.addresses[person.id]
        if not found:
            return self.tr("No address")
        first = found[0]
        text = _clip(
            first.province + ("" if first.city == first.province else first.city) + first.district + first.detail, 40
        )
        if len(found) > 1:
            text += "\n" + self.tr("and %1 more").replace("%1", str(len(found) - 1))
        return text

    # --- choices --------------------------------------------------------------------------------------------------

    def keep_id(self) -> int:
        return self.keep_group.checkedId()

    def _row(self, person: Customer) -> dict:
        return {"id": person.id, "tier_manual": person.tier_manual, **{f: getattr(person, f) for f in MERGE_FIELDS}}

    def _apply_defaults(self) -> None:
        keep = self.keep_id()
        rows = {p.id: self._row(p) for p in self.people}
        chosen = merges.default_choices(rows[keep], [r for i, r in rows.items() if i != keep])
        for field, choice in chosen.items():
            button = self.field_groups[field].button(0 if choice in (UNION, JOIN) else int(choice))
            if button is not None:
                button.setChecked(True)

    def choices(self) -> dict[str, int | str]:
        out: dict[str, int | str] = {}
        for field, group in self.field_groups.items():
            checked = group.checkedId()
            if checked == 0:
                out[field] = UNION if field == "tags" else JOIN
            elif checked > 0:
                out[field] = checked
        return out

    def accept(self) -> None:
        keep = self.keep_id()
        others = [p.id for p in self.people if p.id != keep]
        try:
            self.merge_id = merges.merge(keep, others, self.choices())
        except MergeRefused as exc:
            dialogs.error(self, self.tr("Not merged"), refusal_text(exc))
            return
        except StoreError as exc:
            dialogs.error(self, self.tr("Not merged"), error_text(exc))
            return
        super().accept()


def _clip(text: str, limit: int = VALUE_WIDTH) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
