"""Shipping settings: the senders (寄件人, several allowed, one default) and the preferred
courier template per 大区 or province (物流合作). Saved with one store call each."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import big_regions, regions
from sellerdesk.exchange.templates import list_templates
from sellerdesk.store import senders as store_senders
from sellerdesk.store import shipping
from sellerdesk.store.errors import StoreError
from sellerdesk.store.senders import Sender
from sellerdesk.ui.exchange.import_wizard import ExchangeText
from sellerdesk.ui.widgets.forms import error_label, ok_cancel

SENDER_FIELDS = ("label", "name", "phone", "company", "province", "city", "district", "detail")


class ShippingSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shippingSettingsDialog")
        self.setWindowTitle(self.tr("Shipping settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._senders_tab(), self.tr("Senders (寄件人)"))
        self.tabs.addTab(self._rules_tab(), self.tr("Preferred couriers (物流合作)"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.save, self.reject, ok_text=self.tr("Save")))
        self.resize(760, 520)

    # --- senders -------------------------------------------------------------------------------------------

    def _senders_tab(self) -> QWidget:
        page = QWidget()
        self.sender_list = QListWidget()
        self.sender_list.setObjectName("senderList")
        self.sender_list.currentRowChanged.connect(self._show_sender)
        self.sender_data: list[dict[str, object]] = [
            {**{f: getattr(s, f) for f in SENDER_FIELDS}, "is_default": s.is_default} for s in store_senders.senders()
        ]
        add = QPushButton(self.tr("Add sender"))
        add.clicked.connect(self.add_sender)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_sender)
        left = QVBoxLayout()
        left.addWidget(self.sender_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        left.addLayout(buttons)
        labels = {
            "label": self.tr("Label (e.g. 一号仓)"),
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "company": self.tr("Company"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "district": self.tr("District"),
            "detail": self.tr("Street address"),
        }
        self.sender_edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in SENDER_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"sender_{name}")
            edit.textEdited.connect(self._edited)
            self.sender_edits[name] = edit
            form.addRow(labels[name], edit)
        self.default_box = QCheckBox(self.tr("Default sender"))
        self.default_box.toggled.connect(self._default_toggled)
        form.addRow("", self.default_box)
        self.empty_senders = QLabel(self.tr("No sender yet. Add the name, phone and address printed on your waybills."))
        self.empty_senders.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.empty_senders)
        right.addLayout(form)
        right.addStretch(1)
        row = QHBoxLayout(page)
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        self._fill_senders()
        return page

    def _fill_senders(self, select: int = 0) -> None:
        self.sender_list.blockSignals(True)
        self.sender_list.clear()
        for data in self.sender_data:
            title = str(data.get("label") or data.get("name") or self.tr("(new sender)"))
            if data.get("is_default"):
                title += self.tr(" (default)")
            self.sender_list.addItem(QListWidgetItem(title))
        self.sender_list.blockSignals(False)
        has = bool(self.sender_data)
        self.empty_senders.setVisible(not has)
        for edit in self.sender_edits.values():
            edit.setEnabled(has)
        self.default_box.setEnabled(has)
        if has:
            self.sender_list.setCurrentRow(min(select, len(self.sender_data) - 1))
            self._show_sender(self.sender_list.currentRow())

    def _show_sender(self, row: int) -> None:
        if not 0 <= row < len(self.sender_data):
            return
        data = self.sender_data[row]
        for name, edit in self.sender_edits.items():
            edit.setText(str(data.get(name, "")))
        self.default_box.blockSignals(True)
        self.default_box.setChecked(bool(data.get("is_default")))
        self.default_box.blockSignals(False)

    def _edited(self) -> None:
        row = self.sender_list.currentRow()
        if not 0 <= row < len(self.sender_data):
            return
        for name, edit in self.sender_edits.items():
            self.sender_data[row][name] = edit.text()
        item = self.sender_list.item(row)
        data = self.sender_data[row]
        title = str(data.get("label") or data.get("name") or self.tr("(new sender)"))
        item.setText(title + (self.tr(" (default)") if data.get("is_default") else ""))

    def _default_toggled(self, on: bool) -> None:
        row = self.sender_list.currentRow()
        if not 0 <= row < len(self.sender_data):
            return
        for i, data in enumerate(self.sender_data):
            data["is_default"] = on and i == row
        self._fill_senders(row)

    def add_sender(self) -> None:
        self.sender_data.append({f: "" for f in SENDER_FIELDS} | {"is_default": not self.sender_data})
        self._fill_senders(len(self.sender_data) - 1)
        self.sender_edits["name"].setFocus()

    def remove_sender(self) -> None:
        row = self.sender_list.currentRow()
        if 0 <= row < len(self.sender_data):
            del self.sender_data[row]
            self._fill_senders(max(row - 1, 0))

    # --- preferred couriers --------------------------------------------------------------------------------

    def _rules_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Which courier template each region ships with (e.g. 顺丰 for 华南, 中通 elsewhere). A province "
                "wins over its region; 其他地区 covers the rest. The waybill export uses these by default and "
                "writes one file per courier."
            )
        )
        intro.setWordWrap(True)
        self.rules_table = QTableWidget(0, 2)
        self.rules_table.setObjectName("rulesTable")
        self.rules_table.setHorizontalHeaderLabels([self.tr("Region or province"), self.tr("Courier template")])
        self.rules_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rules_table.verticalHeader().setVisible(False)
        language = ExchangeText.language()
        self.template_choices = [(t.display_title(language), t.name) for t in list_templates()]
        self.area_choices = [(self.tr("Everywhere else"), shipping.ELSEWHERE)]
        self.area_choices += [(name, name) for name in big_regions.big_regions()]
        self.area_choices += [(p.name, p.name) for p in regions.provinces()]
        for area, name in shipping.preferred_couriers().items():
            self.add_rule(area, name)
        add = QPushButton(self.tr("Add rule"))
        add.clicked.connect(lambda: self.add_rule())
        remove = QPushButton(self.tr("Remove rule"))
        remove.clicked.connect(self.remove_rule)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.rules_table, 1)
        layout.addLayout(buttons)
        return page

    def add_rule(self, area: str = "", template: str = "") -> None:
        row = self.rules_table.rowCount()
        self.rules_table.insertRow(row)
        areas = QComboBox()
        for text, key in self.area_choices:
            areas.addItem(text, key)
        areas.setCurrentIndex(max(areas.findData(area or shipping.ELSEWHERE), 0))
        names = QComboBox()
        for text, key in self.template_choices:
            names.addItem(text, key)
        if template and names.findData(template) < 0:
            names.addItem(template, template)  # a template removed since: kept visible
        names.setCurrentIndex(max(names.findData(template), 0))
        self.rules_table.setCellWidget(row, 0, areas)
        self.rules_table.setCellWidget(row, 1, names)

    def remove_rule(self) -> None:
        row = self.rules_table.currentRow()
        if row < 0:
            row = self.rules_table.rowCount() - 1
        if row >= 0:
            self.rules_table.removeRow(row)

    def rules(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in range(self.rules_table.rowCount()):
            area = self.rules_table.cellWidget(row, 0)
            name = self.rules_table.cellWidget(row, 1)
            assert isinstance(area, QComboBox) and isinstance(name, QComboBox)
            out[area.currentData()] = name.currentData()
        return out

    # --- save ----------------------------------------------------------------------------------------------

    def save(self) -> None:
        from sellerdesk.ui.widgets.errors import storage_text

        senders = [
            Sender(**{f: str(d.get(f, "")) for f in SENDER_FIELDS}, is_default=bool(d.get("is_default")))
            for d in self.sender_data
        ]
        try:
            store_senders.save_senders(senders)
            shipping.save_preferred_couriers(self.rules())
        except StoreError as exc:
            self.error.setText(self._refusal(exc) or storage_text(exc) or str(exc))
            return
        self.accept()

    def _refusal(self, exc: Exception) -> str:
        code = getattr(exc, "code", "")
        field = getattr(exc, "field", "")
        if code == "no_name":
            return self.tr("Each sender needs a name.")
        if code == "no_phone":
            return self.tr("Each sender needs a phone number.")
        if code == "bad_phone":
            return self.tr("A sender's phone must be a mobile or a landline number.")
        if code == "unknown_area":
            return self.tr("Unknown region or province in the preferred couriers.")
        if code == "too_many":
            return self.tr("Too many senders or rules.")
        if code == "too_long":
            return self.tr("A sender's %1 is too long.").replace("%1", str(field))
        return ""


__all__ = ["ShippingSettingsDialog"]
