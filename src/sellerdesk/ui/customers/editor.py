"""The detail pane: one customer's fields, addresses, smart paste, orders, points and address history.

Tabs: 资料 (the form), 订单 (客户画像 and the orders: ``orders_tab``), 积分 (while points
are on: ``points_tab``) and 地址变更记录. Edits of the form stay there until Save (Ctrl+S);
Cancel (Esc) reloads what is stored. Saving writes the customer and every address change in
one transaction through ``store.customers`` (which records address history). Smart paste
only fills the form — low-confidence fields are highlighted, other readings of an ambiguous
region are offered — and the user confirms by saving. It never overwrites a saved address:
into an existing customer the pasted address comes as a new one (撤销粘贴 and
改为覆盖原来选中的地址 undo or redirect it before Save), and a phone or WeChat ID that is
another customer's is pointed out with a link to them (``open_customer``).

The layout fits a 1366×768 screen without scrolling: two fields to a row, four address rows,
one row of address buttons, the history in its own tab.

What is not a form edit is written at once by its own store call and never by Save: the
tier set by hand (``tier_field``), a points redemption, an order (the order dialog). Save
does not send the tier, so a hand-set tier survives an edit of the other fields.
"""

from __future__ import annotations

import copy
import datetime as _dt
import html
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import regions
from sellerdesk.core.address import format_one_line, parse
from sellerdesk.core.fields import ADDRESS_FIELDS, has_place
from sellerdesk.core.order_paste import split
from sellerdesk.core.phones import is_mask, mask_phone
from sellerdesk.core.validate import validate
from sellerdesk.store import customers, queries, recheck
from sellerdesk.store import points as store_points
from sellerdesk.store.customers import phone_of
from sellerdesk.store.errors import ConflictError, NotFoundError, StoreError, ValidationError
from sellerdesk.store.models import Address, Customer, utcnow
from sellerdesk.ui.care.fields import BirthdayField, ConsentField
from sellerdesk.ui.care.followups_tab import CustomerFollowUpsTab
from sellerdesk.ui.customers.orders_tab import CustomerOrdersTab
from sellerdesk.ui.customers.points_tab import CustomerPointsTab
from sellerdesk.ui.customers.table_model import local_time
from sellerdesk.ui.customers.tier_field import TierField
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, unreachable_server
from sellerdesk.ui.widgets.forms import ERROR_COLOUR
from sellerdesk.ui.widgets.icons import icon
from sellerdesk.ui.widgets.phone_edit import PhoneEdit

LOW_CONFIDENCE = 0.7
LOW_STYLE = "background-color: #fff4c2;"
ADDRESS_ROWS = 4  # the address list shows this many without scrolling


# The customer's fields of keeping in touch the form shows (ui/care/fields.py).
CARE_FIELDS = ("birthday", "birthday_lunar", "marketing_consent", "consent_date", "consent_via")


@dataclass
class AddressDraft:
    """An address as edited in the form; ``id`` None until saved."""

    id: int | None = None
    values: dict = field(default_factory=lambda: {k: "" for k in ADDRESS_FIELDS})
    is_default: bool = False
    deleted: bool = False
    verified_at: object = None
    original: dict | None = None  # stored values, to know what changed

    @classmethod
    def from_model(cls, address: Address) -> AddressDraft:
        values = {k: getattr(address, k) or "" for k in ADDRESS_FIELDS}
        return cls(address.id, dict(values), bool(address.is_default), False, address.verified_at, dict(values))

    def changed(self) -> bool:
        return self.original is None or self.values != self.original

    def one_line(self) -> str:
        return format_one_line(self.values)


@dataclass
class _Snapshot:
    """The form before a paste: Undo paste and "Replace … instead" put it back."""

    drafts: list[AddressDraft]
    current: int
    customer: dict
    dirty: bool


class CustomerEditor(QWidget):
    """Emits ``saved(customer_id)`` after a save, ``dirty_changed(bool)`` as edits come and go,
    ``data_changed(customer_id)`` after a write outside Save (tier, points).

    ``context`` (the app's :class:`~sellerdesk.ui.context.AppContext`) is what the order
    dialog needs; without it (an editor on its own) orders can be seen but not recorded.
    """

    saved = Signal(int)
    dirty_changed = Signal(bool)
    cancelled = Signal()
    data_changed = Signal(int)
    open_customer = Signal(int)  # the "open" link of another customer with the pasted phone/WeChat ID
    merge_requested = Signal(list)  # customer ids to merge, the one kept first (ui.duplicates opens the dialog)
    unmerge_requested = Signal(int)  # a merge's id (the 撤销合并 link)

    def __init__(self, parent=None, context=None) -> None:
        super().__init__(parent)
        self.setObjectName("customerEditor")
        self.context = context
        self.customer_id: int | None = None
        self.in_trash = False
        # optimistic locking (issue 20): the stored customer's version when the form was filled, and
        # the form as filled then (what "my changes" are measured against when a save conflicts)
        self.loaded_version: int | None = None
        self._loaded_form: dict = {}
        self._loaded_addresses: dict[int, tuple[dict, bool]] = {}
        self.drafts: list[AddressDraft] = []
        self._current = -1
        self._loading = False
        self._dirty = False
        self._before_paste: _Snapshot | None = None  # what Undo paste puts back
        self._parsed = None
        self._masking = False
        self._loaded_at: _dt.datetime | None = None  # (naive UTC) when load() read the customer
        self._build()
        self.clear()

    # --- layout -----------------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.title, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Discard the changes (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(icon("save"), self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the customer (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        top.addWidget(self.cancel_button)
        top.addWidget(self.save_button)
        outer.addLayout(top)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("editorStatus")
        outer.addWidget(self.status)
        self.merge_note = QLabel()
        self.merge_note.setObjectName("mergeNote")
        self.merge_note.setWordWrap(True)
        self.merge_note.setTextFormat(Qt.TextFormat.RichText)
        self.merge_note.setStyleSheet("QLabel { background: #e0f2fe; color: #075985; padding: 3px; }")
        self.merge_note.linkActivated.connect(self._merge_link)
        self.merge_note.setVisible(False)
        outer.addWidget(self.merge_note)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 4, 4, 0)
        scroll.setWidget(body)
        self.details = scroll
        self.tabs.addTab(scroll, self.tr("Details"))

        # Smart paste: the text box with its button beside it (two lines tall), then what the paste said
        paste_box = QGroupBox(self.tr("Smart paste"))
        paste_layout = QVBoxLayout(paste_box)
        paste_layout.setContentsMargins(6, 4, 6, 4)
        paste_layout.setSpacing(4)
        row = QHBoxLayout()
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setTabChangesFocus(True)  # Tab goes on to 识别填入, never into the text
        self.paste_edit.setPlaceholderText(
            self.tr("Paste what the customer sent, e.g. 张三 13812345678 广东省深圳市南山区科技园1号")
        )
        self.paste_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        row.addWidget(self.paste_edit, 1)
        self.parse_button = QPushButton(icon("wand"), self.tr("Fill in"))
        self.parse_button.setToolTip(self.tr("Fill in from text"))
        self.parse_button.clicked.connect(lambda: self.apply_paste())
        row.addWidget(self.parse_button)
        paste_layout.addLayout(row)
        self.candidates = QComboBox()
        self.candidates.setVisible(False)
        self.candidates.setToolTip(self.tr("The text fits several places; pick the right one"))
        self.candidates.activated.connect(self._pick_candidate)
        paste_layout.addWidget(self.candidates)
        self.paste_note = QLabel()
        self.paste_note.setWordWrap(True)
        self.paste_note.setVisible(False)
        paste_layout.addWidget(self.paste_note)
        self.match_note = QLabel()
        self.match_note.setObjectName("pasteMatch")
        self.match_note.setWordWrap(True)
        self.match_note.setTextFormat(Qt.TextFormat.RichText)
        self.match_note.setStyleSheet("QLabel { background: #fef3c7; color: #92400e; padding: 3px; }")
        self.match_note.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.match_note.linkActivated.connect(self._open_link)
        self.match_note.setVisible(False)
        paste_layout.addWidget(self.match_note)
        row = QHBoxLayout()
        self.undo_paste_button = QPushButton(icon("undo"), self.tr("Undo paste"))
        self.undo_paste_button.setToolTip(self.tr("Put the form back as it was before the paste"))
        self.undo_paste_button.clicked.connect(self.undo_paste)
        self.undo_paste_button.setVisible(False)
        self.replace_button = QPushButton(self.tr("Replace the selected address instead"))
        self.replace_button.setToolTip(
            self.tr("The paste corrects the address that was selected: put it there instead of adding a new one")
        )
        self.replace_button.clicked.connect(self.paste_into_selected)
        self.replace_button.setVisible(False)
        row.addWidget(self.undo_paste_button)
        row.addWidget(self.replace_button)
        row.addStretch(1)
        paste_layout.addLayout(row)
        layout.addWidget(paste_box)

        # Customer fields, two to a row
        who = QGroupBox(self.tr("Customer"))
        form = QGridLayout(who)
        form.setContentsMargins(6, 3, 6, 3)
        form.setVerticalSpacing(3)  # (3, not 4: with 生日 and 营销同意 the pane still fits 1366×768 unscrolled)
        self.name = QLineEdit()
        self.phone = PhoneEdit()
        self.wechat = QLineEdit()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Separate with 、 or commas, e.g. VIP、回头客"))
        self.tier_field = TierField()
        self.tier_field.changed.connect(self._tier_written)
        self.tier_field.failed.connect(self._show_failure)
        self.source = QLineEdit()
        self.birthday = BirthdayField()
        self.consent = ConsentField()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab goes on to the address, as in every other field
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self._grid_rows(
            form,
            [
                [(self.tr("Name"), self.name), (self.tr("Phone"), self.phone)],
                [(self.tr("WeChat ID"), self.wechat), (self.tr("Tier"), self.tier_field)],
                [(self.tr("Tags"), self.tags), (self.tr("Source"), self.source)],
                [(self.tr("Birthday"), self.birthday)],
                [(self.tr("Marketing"), self.consent)],
                [(self.tr("Notes"), self.notes)],
            ],
        )
        layout.addWidget(who)

        # Addresses: the list (four rows), one row of buttons, the form of the selected one
        where = QGroupBox(self.tr("Addresses"))
        where_layout = QVBoxLayout(where)
        where_layout.setContentsMargins(6, 4, 6, 4)
        where_layout.setSpacing(4)
        self.address_list = QListWidget()
        self.address_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.address_list.setMaximumHeight(ADDRESS_ROWS * (self.fontMetrics().height() + 8) + 6)
        self.address_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.address_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.address_list.currentRowChanged.connect(self._show_address)
        where_layout.addWidget(self.address_list)
        buttons = QHBoxLayout()
        self.add_address_button = self._tool("address-add", self.tr("Add"), self.add_address)
        self.delete_address_button = self._tool("remove", self.tr("Delete"), self.delete_address)
        self.default_button = self._tool("star", self.tr("Set default"), self.set_default)
        self.verify_button = self._tool("verified", self.tr("Mark verified"), self.mark_verified)
        self.copy_button = self._tool("copy", self.tr("Copy one line"), self.copy_address)
        self.copy_button.setToolTip(self.tr("Copy the address as one line, ready for a courier's form"))
        self.verify_button.setToolTip(self.tr("Mark verified"))
        for button in (self.verify_button, self.copy_button):  # icons only: one row fits the pane
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for button in (self.add_address_button, self.delete_address_button, self.default_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.verify_button, self.copy_button):
            buttons.addWidget(button)
        where_layout.addLayout(buttons)

        self.address_form = QWidget()
        aform = QGridLayout(self.address_form)
        aform.setContentsMargins(0, 0, 0, 0)
        aform.setVerticalSpacing(4)
        self.label = QComboBox()
        self.label.setEditable(True)
        self.label.addItems(["", "家", "公司"])  # empty means none: no placeholder that reads like a value
        self.label.setToolTip(self.tr("Home, office or a word of your own; may stay empty"))
        self.recipient = QLineEdit()
        self.address_phone = PhoneEdit()
        self.province = QComboBox()
        self.city = QComboBox()
        self.district = QComboBox()
        for combo in (self.province, self.city, self.district):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setMinimumContentsLength(3)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        place = QHBoxLayout()
        place.addWidget(self.province, 1)
        place.addWidget(self.city, 1)
        place.addWidget(self.district, 1)
        self.detail = QLineEdit()
        self.postal_code = QLineEdit()
        self.postal_code.setMaxLength(6)
        self.verified_label = QLabel()
        self.verified_label.setObjectName("freshness")
        self.verified_label.setWordWrap(True)
        self.freshness: dict[int, recheck.Freshness] = {}  # address id → how fresh (定期核对)
        self._grid_rows(
            aform,
            [
                [(self.tr("Address type"), self.label), (self.tr("Recipient"), self.recipient)],
                [(self.tr("Phone"), self.address_phone), (self.tr("Postal code"), self.postal_code)],
                [(self.tr("Region"), place)],
                [(self.tr("Street address"), self.detail)],
                [("", self.verified_label)],
            ],
        )
        where_layout.addWidget(self.address_form)
        self.problems = QLabel()
        self.problems.setObjectName("validation")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        where_layout.addWidget(self.problems)
        layout.addWidget(where)

        layout.addStretch(1)

        self.orders_tab = CustomerOrdersTab(self.context)
        self.orders_tab.orders_changed.connect(self._orders_written)
        self.orders_tab.failed.connect(self._show_failure)
        self.tabs.addTab(self.orders_tab, self.tr("Orders"))
        self.points_tab = CustomerPointsTab()
        self.points_tab.points_changed.connect(self._points_written)
        self.tabs.addTab(self.points_tab, self.tr("Points"))
        self.followups_tab = CustomerFollowUpsTab()
        self.tabs.addTab(self.followups_tab, self.tr("Follow-ups"))
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("When"), self.tr("Change"), self.tr("Before → after")])
        self.history.setRootIsDecorated(False)
        self.tabs.addTab(self.history, self.tr("Address history"))
        if self.context is not None and hasattr(self.context, "orders_changed"):
            self.context.orders_changed.connect(self.refresh_orders)

        self._fill_provinces()
        self.province.currentTextChanged.connect(self._province_changed)
        self.city.currentTextChanged.connect(self._city_changed)
        for widget in (self.name, self.phone, self.wechat, self.tags, self.source):
            widget.textEdited.connect(self._customer_edited)
        self.notes.textChanged.connect(self._customer_edited)
        self.birthday.changed.connect(self._customer_edited)
        self.consent.changed.connect(self._customer_edited)
        # another customer's phone or WeChat ID is pointed out once the field is left (an
        # index lookup; nothing while typing)
        self.phone.editingFinished.connect(self._typed_identity)
        self.wechat.editingFinished.connect(self._typed_identity)
        for widget in (self.recipient, self.address_phone, self.detail, self.postal_code):
            widget.textEdited.connect(self._address_edited)
        self.label.currentTextChanged.connect(self._address_edited)
        self.district.currentTextChanged.connect(self._address_edited)

    @staticmethod
    def _grid_rows(grid: QGridLayout, rows: list) -> None:
        """Label/field pairs, two to a row; a row with one pair spans the width."""
        for r, pairs in enumerate(rows):
            for i, (text, field_) in enumerate(pairs):
                if text:
                    grid.addWidget(QLabel(text), r, i * 2)
                span = 1 if len(pairs) > 1 else 3
                if isinstance(field_, QHBoxLayout):
                    grid.addLayout(field_, r, i * 2 + 1, 1, span)
                else:
                    grid.addWidget(field_, r, i * 2 + 1, 1, span)
        # the left fields (姓名, 微信号, 标签) get the room the right ones (电话, 等级, 来源) leave
        # beyond their own: a WeChat ID like o_bjy32014 was cut at 1366 px
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

    def _tool(self, icon_name: str, text: str, slot) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(slot)
        return button

    # --- loading ----------------------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty or self.customer_id is None)

    def clear(self) -> None:
        """Nothing selected: an empty, disabled form."""
        self.customer_id = None
        self.loaded_version = None
        self.freshness = {}
        self.in_trash = False
        self._load_fields({}, [], [])
        self._show_extras(None, read_points_rule=False)
        self.merge_note.setVisible(False)
        self.title.setText(self.tr("No customer selected"))
        self.setEnabled(False)
        self._set_dirty(False)

    def new_customer(self, paste_text: str = "") -> None:
        """Start a new customer (Ctrl+N); with ``paste_text`` the smart paste fills it in."""
        self.setEnabled(True)
        self.customer_id = None
        self.loaded_version = None
        self.in_trash = False
        self.status.setText("")
        self.status.setStyleSheet("")
        self._lock_phones()
        for phone_field in (self.phone, self.address_phone):
            phone_field.clear()  # the last customer's number is not this one's (and, locked, not unmasked)
            phone_field.set_masked(False)  # a new customer's numbers are being typed: nothing to hide yet
        self._load_fields({}, [AddressDraft(is_default=True)], [])
        self._show_extras(None)
        self.merge_note.setVisible(False)
        self.tabs.setCurrentWidget(self.details)
        self.title.setText(self.tr("New customer"))
        self._set_dirty(True)
        if paste_text:
            self.paste_edit.setPlainText(paste_text)
            self.apply_paste()
        self.name.setFocus()

    def load(self, customer_id: int) -> None:
        try:
            customer = customers.get_customer(customer_id)
        except NotFoundError:  # deleted meanwhile (purged, another window)
            self.clear()
            return
        self.setEnabled(True)
        if customer_id != self.customer_id:
            self.status.setText("")  # "Saved." or "Tier saved." was about the one before
            self.status.setStyleSheet("")
        self.customer_id = customer_id
        self.in_trash = customer.deleted_at is not None
        values = {f: getattr(customer, f) for f in ("name", "phone", "wechat", "tags", "source", "notes", *CARE_FIELDS)}
        drafts = [AddressDraft.from_model(a) for a in customers.live_addresses(customer_id)]
        self.freshness = recheck.freshness(customer_id)
        self._lock_phones()
        self.phone.set_masked(self.masking())  # a field unmasked by its eye button is masked again
        self.address_phone.set_masked(self.masking())
        self._load_fields(values, drafts, customers.address_history(customer_id))
        self.loaded_version = customer.version
        self._loaded_at = utcnow()  # the other change of a conflict came after it (conflict.changed_by_text)
        self._loaded_form = self.customer_values()
        self._loaded_addresses = {d.id: (dict(d.values), d.is_default) for d in drafts if d.id is not None}
        self._show_extras(customer)
        self.title.setText(customer.name or self._shown({"phone": customer.phone})["phone"] or customer.wechat)
        if customer.deleted_at is not None:
            self.title.setText(self.tr("%1 (in the Trash)").replace("%1", self.title.text()))
        self._show_merges(customer)
        self._set_dirty(False)

    def _show_extras(self, customer: Customer | None, *, read_points_rule: bool = True) -> None:
        """The tier row and the 订单/积分 tabs for ``customer`` (None: nobody, or not saved yet).
        The tabs read the store when they are showing."""
        self.tier_field.show_customer(customer)
        customer_id = customer.id if customer is not None else None
        self.orders_tab.show_customer(customer_id, in_trash=self.in_trash)
        if read_points_rule:
            on = store_points.points_rule().enabled
            self.tabs.setTabVisible(self.tabs.indexOf(self.points_tab), on)
        name = (customer.name or customer.phone or customer.wechat) if customer is not None else ""
        self.points_tab.show_customer(customer_id, name)
        self.followups_tab.show_customer(customer_id, name, in_trash=self.in_trash)

    def refresh_orders(self) -> None:
        """Orders changed (here or elsewhere): the 订单 and 积分 tabs and the tier are read again;
        the form and its unsaved edits are left alone."""
        if self.customer_id is None:
            return
        try:
            customer = customers.get_customer(self.customer_id)
        except NotFoundError:
            return
        except Exception as exc:
            if unreachable_server(exc) is None:
                raise
            return  # the team server is away: read again when it is back (TeamController)
        self.tier_field.show_customer(customer)
        self.orders_tab.show_customer(customer.id, in_trash=customer.deleted_at is not None)
        self.points_tab.show_customer(customer.id, self.points_tab.name)

    def _orders_written(self, customer_id: int) -> None:
        """The order dialog recorded or changed an order of this customer."""
        if self.context is not None and hasattr(self.context, "orders_changed"):
            self.context.orders_changed.emit()  # every view, this pane included (refresh_orders)
        else:
            self.refresh_orders()
            self.data_changed.emit(customer_id)

    def _tier_written(self, customer_id: int) -> None:
        self.status.setText(self.tr("Tier saved."))
        self.data_changed.emit(customer_id)

    def _points_written(self, customer_id: int) -> None:
        self.status.setText(self.tr("Points redeemed."))
        self.data_changed.emit(customer_id)

    def _show_failure(self, text: str) -> None:
        dialogs.error(self, self.tr("Not saved"), text)

    def _load_fields(self, values: dict, drafts: list[AddressDraft], history) -> None:
        self._loading = True
        try:
            self.name.setText(values.get("name", ""))
            self.phone.setText(values.get("phone", ""))
            self.wechat.setText(values.get("wechat", ""))
            self.tags.setText("、".join(customers.split_list(values.get("tags", ""))))  # as the table shows them
            self.source.setText(values.get("source", ""))
            for line in (self.name, self.wechat, self.tags, self.source):
                line.setCursorPosition(0)  # a long value shows its start (the first tags), not its end
            self.notes.setPlainText(values.get("notes", ""))
            self.birthday.set_values(values.get("birthday"), values.get("birthday_lunar"))
            self.consent.set_values(
                bool(values.get("marketing_consent")), values.get("consent_date"), values.get("consent_via", "")
            )
            self.paste_edit.clear()
            self._before_paste = None
            self._hide_paste_extras()
            self.drafts = drafts
            self._current = -1
            self._refresh_list(select=0 if drafts else -1)
            self._fill_history(history)
        finally:
            self._loading = False
        self._show_problems()

    # --- masking mode ---------------------------------------------------------------------------------------------

    def masking(self) -> bool:
        return bool(getattr(self.context, "mask_phones", False)) if self.context is not None else self._masking

    def masking_forced(self) -> bool:
        """The team role masks phones (``AppContext.mask_forced``): no eye button, nothing unmasks them."""
        return bool(getattr(self.context, "mask_forced", False))

    def _lock_phones(self) -> None:
        for phone_field in (self.phone, self.address_phone):
            phone_field.set_locked(self.masking_forced())

    def set_masking(self, on: bool) -> None:
        """Masking mode (Ctrl+M): both phone fields masked and read-only, the address list and
        history with masked phones. Unmasking one field (its eye button) lasts until the next load."""
        self._masking = on
        self._lock_phones()
        self.phone.set_masked(on)
        self.address_phone.set_masked(on)
        if self._current >= 0 or self.drafts:
            self._store_current_quietly()
            self._refresh_list(self._current)
        if self.customer_id is not None:
            self._fill_history(customers.address_history(self.customer_id))

    def _store_current_quietly(self) -> None:
        dirty = self._dirty
        self._store_current()
        self._set_dirty(dirty)

    def _shown(self, values: dict) -> dict:
        """``values`` as the screen shows them: the phone masked in masking mode."""
        if not self.masking() or not values.get("phone"):
            return values
        return {**values, "phone": mask_phone(str(values["phone"]))}

    def _fill_history(self, history) -> None:
        self.history.clear()
        names = {
            "create": self.tr("Added"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "restore": self.tr("Restored"),
            "verify": self.tr("Verified"),
            "unverify": self.tr("Verification undone"),
        }
        for change in history:
            when = local_time(change.changed_at)
            if change.action == "update":
                old, new = self._shown(change.old_values or {}), self._shown(change.new_values or {})
                text = "; ".join(f"{old.get(k, '')} → {new.get(k, '')}" for k in new)
            else:
                text = format_one_line(self._shown(change.new_values or change.old_values or {}))
            item = QTreeWidgetItem(
                [when.strftime("%Y-%m-%d %H:%M") if when else "", names.get(change.action, change.action), text]
            )
            item.setToolTip(2, text)
            self.history.addTopLevelItem(item)
        for column in range(2):
            self.history.resizeColumnToContents(column)

    # --- addresses ------------------------------------------------------------------------------------------------

    def _visible(self) -> list[int]:
        return [i for i, d in enumerate(self.drafts) if not d.deleted]

    def _address_item_text(self, label: str, draft: AddressDraft) -> str:
        """``家：张三 138… 广东省…`` (the colon of the language: 地址 1：…, not 地址 1: …)."""
        shown = format_one_line(self._shown(draft.values)) or self.tr("(empty)")
        return self.tr("%1: %2").replace("%2", shown).replace("%1", label)

    def _refresh_list(self, select: int | None = None) -> None:
        keep = self._current if select is None else select
        self.address_list.blockSignals(True)
        self.address_list.clear()
        visible = self._visible()
        for position, index in enumerate(visible):
            draft = self.drafts[index]
            label = draft.values.get("label") or self.tr("Address %1").replace("%1", str(position + 1))
            text = self._address_item_text(label, draft)
            fresh = self.freshness.get(draft.id) if draft.id is not None and not draft.changed() else None
            due = fresh is not None and fresh.due
            if due:  # 定期核对: this address is due for a re-check with the customer
                text = self.tr("%1 · re-check due").replace("%1", text)
            item = QListWidgetItem(
                icon("recheck") if due else icon("star") if draft.is_default else icon("address-add"), text
            )
            tips = [self.tr("Default address")] if draft.is_default else []
            if due:
                tips.append(self.tr("Not confirmed within the tier's re-check cycle: check it with the customer"))
            item.setToolTip("\n".join(tips))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.address_list.addItem(item)
        self.address_list.blockSignals(False)
        row = visible.index(keep) if keep in visible else (0 if visible else -1)
        self.address_list.setCurrentRow(row)
        self._show_address(row)

    def _show_address(self, row: int) -> None:
        visible = self._visible()
        self._current = visible[row] if 0 <= row < len(visible) else -1
        has = self._current >= 0
        self.address_form.setEnabled(has)
        for button in (self.delete_address_button, self.default_button, self.verify_button, self.copy_button):
            button.setEnabled(has)
        draft = self.drafts[self._current] if has else AddressDraft()
        was_loading, self._loading = self._loading, True
        try:
            values = draft.values
            self.label.setCurrentText(values.get("label", ""))
            self.recipient.setText(values.get("recipient", ""))
            self.address_phone.setText(values.get("phone", ""))
            self._set_region(values.get("province", ""), values.get("city", ""), values.get("district", ""))
            self.detail.setText(values.get("detail", ""))
            self.postal_code.setText(values.get("postal_code", ""))
            self.verified_label.setText(self.freshness_text(draft))
            self.default_button.setEnabled(has and not draft.is_default)
            self.verify_button.setEnabled(has and draft.id is not None and not draft.changed())
        finally:
            self._loading = was_loading
        self._show_problems()

    def select_address(self, address_id: int) -> None:
        """Show the saved address ``address_id`` in the form (when it is one of this customer's)."""
        visible = self._visible()
        for row, index in enumerate(visible):
            if self.drafts[index].id == address_id:
                self.address_list.setCurrentRow(row)
                return

    def freshness_text(self, draft: AddressDraft) -> str:
        """How fresh the address is: verified date, last shipped date, and a due badge (定期核对)."""
        parts = []
        when = local_time(draft.verified_at)
        if when:
            parts.append(html.escape(self.tr("✔ Verified on %1").replace("%1", when.strftime("%Y-%m-%d"))))
        fresh = self.freshness.get(draft.id) if draft.id is not None and not draft.changed() else None
        if fresh is not None:
            if fresh.last_shipped is not None:
                parts.append(html.escape(self.tr("Last shipped %1").replace("%1", fresh.last_shipped.isoformat())))
            if fresh.due:
                badge = self.tr("Due for a re-check")
                style = "background:#fef3c7; color:#92400e; font-weight:bold"
                parts.append(f'<span style="{style}">&nbsp;{html.escape(badge)}&nbsp;</span>')
            else:
                parts.append(html.escape(self.tr("Next re-check %1").replace("%1", fresh.due_on.isoformat())))
        return " · ".join(parts)

    def add_address(self) -> None:
        self._store_current()
        draft = AddressDraft(is_default=not self._visible())
        draft.values["recipient"] = self.name.text().strip()
        draft.values["phone"] = self.phone.text().strip()
        self.drafts.append(draft)
        self._refresh_list(select=len(self.drafts) - 1)
        self._set_dirty(True)
        self.province.setFocus()

    def delete_address(self) -> None:
        if self._current < 0:
            return
        draft = self.drafts[self._current]
        draft.deleted = True
        if draft.is_default:
            draft.is_default = False
            rest = self._visible()
            if rest:
                self.drafts[rest[0]].is_default = True
        self._refresh_list(select=-1)
        self._set_dirty(True)

    def set_default(self) -> None:
        if self._current < 0:
            return
        for draft in self.drafts:
            draft.is_default = False
        self.drafts[self._current].is_default = True
        self._refresh_list()
        self._set_dirty(True)

    def mark_verified(self) -> None:
        """Stamp today's date on the (saved, unchanged) address — written at once, it is a fact."""
        if self._current < 0 or self.drafts[self._current].id is None:
            return
        draft = self.drafts[self._current]
        try:
            draft.verified_at = customers.mark_verified(draft.id)
            if self.customer_id is not None:
                self.freshness = recheck.freshness(self.customer_id)
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return
        self._show_address(self.address_list.currentRow())
        if self.customer_id is not None:
            self._fill_history(customers.address_history(self.customer_id))
            self.saved.emit(self.customer_id)

    def copy_address(self) -> None:
        if self._current < 0:
            return
        self._store_current()
        draft = self.drafts[self._current]
        values = dict(draft.values)
        values.setdefault("recipient", "")
        values["recipient"] = values["recipient"] or self.name.text().strip()
        values["phone"] = values["phone"] or self.phone.text().strip()
        if self.masking_forced():  # the role may not see phones: not on the clipboard either
            values["phone"] = mask_phone(values["phone"])
        text = format_one_line(values)
        QGuiApplication.clipboard().setText(text)
        self.status.setText(self.tr("Copied: %1").replace("%1", text))

    def _address_edited(self, *_args) -> None:
        if self._loading or self._current < 0:
            return
        self._store_current()
        item = self.address_list.currentItem()
        if item is not None:
            draft = self.drafts[self._current]
            label = draft.values.get("label") or self.tr("Address %1").replace(
                "%1", str(self.address_list.currentRow() + 1)
            )
            item.setText(self._address_item_text(label, draft))
        self._set_dirty(True)
        self._show_problems()

    def _customer_edited(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)
            self._show_problems()

    def _store_current(self) -> None:
        if self._current < 0:
            return
        draft = self.drafts[self._current]
        province, city, district = (
            self.province.currentText().strip(),
            self.city.currentText().strip(),
            self.district.currentText().strip(),
        )
        resolved = regions.resolve(province, city, district) if province or city or district else None
        draft.values.update(
            label=self.label.currentText().strip(),
            recipient=self.recipient.text().strip(),
            phone=self.address_phone.text().strip(),
            province=province,
            city=city,
            district=district,
            detail=self.detail.text().strip(),
            postal_code=self.postal_code.text().strip(),
            adcode=resolved.adcode if resolved else "",
        )

    # --- cascading region combos ----------------------------------------------------------------------------------

    def _fill_provinces(self) -> None:
        self.province.blockSignals(True)
        self.province.clear()
        self.province.addItem("")
        for region in regions.provinces():
            self.province.addItem(region.name, region.adcode)
        self.province.blockSignals(False)

    @staticmethod
    def _fill(combo: QComboBox, items: list, current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("")
        for region in items:
            combo.addItem(region.name, region.adcode)
        combo.setCurrentText(current)
        combo.blockSignals(False)

    def _code_of(self, combo: QComboBox) -> str | None:
        index = combo.findText(combo.currentText())
        return combo.itemData(index) if index > 0 else None

    def _province_changed(self, _text: str) -> None:
        code = self._code_of(self.province)
        cities = regions.children(code) if code else []
        keep = self.city.currentText() if any(c.name == self.city.currentText() for c in cities) else ""
        if not keep and len(cities) == 1:  # municipalities: 北京市 / 北京市
            keep = cities[0].name
        self._fill(self.city, cities, keep)
        self._city_changed(keep)

    def _city_changed(self, _text: str) -> None:
        code = self._code_of(self.city)
        districts = regions.children(code) if code else []
        keep = self.district.currentText() if any(d.name == self.district.currentText() for d in districts) else ""
        self._fill(self.district, districts, keep)
        self._address_edited()

    def _set_region(self, province: str, city: str, district: str) -> None:
        self.province.blockSignals(True)
        self.province.setCurrentText(province)
        self.province.blockSignals(False)
        code = self._code_of(self.province)
        self._fill(self.city, regions.children(code) if code else [], city)
        code = self._code_of(self.city)
        self._fill(self.district, regions.children(code) if code else [], district)

    # --- smart paste ----------------------------------------------------------------------------------------------

    def apply_paste(self, *, into: str = "auto") -> None:
        """Fill the form from the paste box; nothing is written until Save.

        ``into="auto"``: a saved address of the customer is never overwritten — a pasted
        address becomes a new (not default) address, since a customer who sends an address
        says where to ship next, and the old one stays for the orders and history; an empty
        or not yet saved address is filled. ``into="replace"``: the selected address is filled
        (the "Replace the selected address instead" button). Undo paste puts the form back as
        it was before the paste.
        """
        text = self.paste_edit.toPlainText().strip()
        if not text:
            return
        if not self.isEnabled():
            self.new_customer()
            self.paste_edit.setPlainText(text)
        self._store_current()
        snapshot = _Snapshot(copy.deepcopy(self.drafts), self._current, self.customer_values(), self._dirty)
        parts = split(text)
        result = parse(parts.address_text if parts.wechat else text)
        self._parsed = result
        fields = result.address_fields()
        # an address the customer has already (pasted again, or the one sent before) is chosen,
        # never added twice (stranger QA: the same paste made 地址 2 and 地址 3)
        existing = self._draft_with_place(fields) if into == "auto" else None
        if existing is not None and existing != self._current:
            self._refresh_list(select=existing)
        current = self.drafts[self._current] if self._current >= 0 else None
        keep_current = into == "auto" and current is not None and current.id is not None and has_place(current.values)
        added = False
        if current is None or (keep_current and has_place(fields) and existing is None):
            added = current is not None
            self.add_address()
        fill_address = not keep_current or added
        self._loading = True
        try:
            if fields["recipient"] and not self.name.text().strip():
                self.name.setText(fields["recipient"])
            if fields["phone"] and not self.phone.text().strip():
                self.phone.setText(fields["phone"])
            if parts.wechat and not self.wechat.text().strip():
                self.wechat.setText(parts.wechat)
            remarks = [r for r in result.remarks if r not in self.notes.toPlainText()]
            if remarks:  # the customer's delivery remarks: never in the address, never lost
                self.notes.setPlainText("\n".join([self.notes.toPlainText().strip(), *remarks]).strip())
            if fill_address:
                self._set_region(fields["province"], fields["city"], fields["district"])
                for key, widget in (
                    ("recipient", self.recipient),
                    ("phone", self.address_phone),
                    ("detail", self.detail),
                    ("postal_code", self.postal_code),
                ):
                    if fields[key]:
                        widget.setText(fields[key])
        finally:
            self._loading = False
        if fill_address:
            self._address_edited()
        # 保存 says whether anything is unsaved: a paste that only selected an address the customer
        # has (and found the name, phone and remarks already there) changed nothing (QA L8)
        self._store_current_quietly()
        changed = self.customer_values() != snapshot.customer or self.drafts != snapshot.drafts
        self._set_dirty(snapshot.dirty or changed)
        if fill_address:
            self._highlight(result)
        else:  # the addresses were left alone: nothing of theirs to check
            self._clear_highlights()
        self.candidates.clear()
        if len(result.candidates) > 1 and fill_address:
            for candidate in result.candidates:
                self.candidates.addItem(
                    format_one_line({k: candidate.get(k, "") for k in ("province", "city", "district")}), candidate
                )
            self.candidates.setVisible(True)
        else:
            self.candidates.setVisible(False)
        # each heading with its own pieces (the remarks under theirs, the order talk under its own),
        # then what else the parser noted (an old region name, an extension …)
        listed = {*result.remarks, *result.aside}
        notes: list[str] = []
        for code in result.warnings:
            text = self._warning_text(code)
            if text:
                notes.append(text)
            if code == "delivery_remark":
                notes += [f"· {remark}" for remark in result.remarks]
            elif code == "order_text":
                notes += [f"· {piece}" for piece in result.aside]
        notes += [note for note in result.notes if note not in listed]
        self.paste_note.setText("\n".join(notes))
        self.paste_note.setVisible(bool(notes))
        self._show_match(fields["phone"], parts.wechat)
        self._before_paste = snapshot
        self.undo_paste_button.setVisible(True)
        self.replace_button.setVisible(added)
        if added:
            self.status.setText(
                self.tr("The pasted address was added as a new address; the others are kept. Check it, then Save.")
            )
        elif existing is not None:
            self.status.setText(self.tr("The customer already has this address: it is selected, none was added."))
        else:
            self.status.setText(self.tr("Check the highlighted fields, then Save."))

    def _draft_with_place(self, fields: dict) -> int | None:
        """The index of the form's address (not deleted) that is the pasted place, if any."""
        if not has_place(fields):
            return None
        given = customers.resolved_place(fields)
        for index in self._visible():
            stored = dict(self.drafts[index].values)
            # an address without its own recipient or phone is shipped to the customer's
            stored["recipient"] = stored.get("recipient") or self.name.text().strip()
            stored["phone"] = stored.get("phone") or self.phone.text().strip()
            if customers.same_place(stored, given):
                return index
        return None

    def undo_paste(self) -> None:
        """Put the form back as it was before the last paste (edits made since go too)."""
        snapshot, self._before_paste = self._before_paste, None
        if snapshot is None:
            return
        self._loading = True
        try:
            values = snapshot.customer
            self.name.setText(values["name"])
            self.phone.setText(values["phone"])
            self.wechat.setText(values["wechat"])
            self.tags.setText(values["tags"])
            self.source.setText(values["source"])
            self.notes.setPlainText(values["notes"])
            self.drafts = snapshot.drafts
            self._current = -1
            self._refresh_list(select=snapshot.current)
        finally:
            self._loading = False
        self._hide_paste_extras()
        self._set_dirty(snapshot.dirty)
        self._show_problems()
        self.status.setText(self.tr("The paste was undone."))

    def paste_into_selected(self) -> None:
        """The seller meant a correction: the paste goes into the address that was selected."""
        if self._before_paste is None:
            return
        self.undo_paste()
        self.apply_paste(into="replace")

    def _hide_paste_extras(self) -> None:
        self._clear_highlights()
        self.candidates.setVisible(False)
        self.paste_note.setVisible(False)
        self.match_note.setVisible(False)
        self.undo_paste_button.setVisible(False)
        self.replace_button.setVisible(False)

    def _show_match(self, phone: str, wechat: str) -> None:
        """One line when the pasted phone or WeChat ID is another customer's, with a link to open them."""
        number = phone_of(phone).value if phone else ""
        found = [("phone", c) for c in (queries.find_by_phone(number) if number else [])]
        found += [("wechat", c) for c in (queries.find_by_wechat(wechat) if wechat else [])]
        others = [(how, c) for how, c in found if c.id != self.customer_id]
        if not others:
            self.match_note.setVisible(False)
            return
        how, other = others[0]
        who = html.escape(other.name or self._shown({"phone": other.phone})["phone"] or other.wechat)
        if how == "phone":
            text = self.tr("%1 is also the phone of %2, another customer.").replace("%1", html.escape(number))
        else:
            text = self.tr("WeChat ID %1 is also that of %2, another customer.").replace("%1", html.escape(wechat))
        open_text = self.tr("Open %1").replace("%1", who)
        link = f'<a href="{other.id}">{open_text}</a>'
        self.match_note.setText(text.replace("%2", f"<b>{who}</b>") + " " + link)
        self.match_note.setToolTip(self.tr("Open the other customer (this form's unsaved changes are asked about)"))
        self.match_note.setVisible(True)

    def _open_link(self, href: str) -> None:
        if href.isdigit():
            self.open_customer.emit(int(href))

    def _pick_candidate(self, index: int) -> None:
        candidate = self.candidates.itemData(index)
        if not candidate:
            return
        self._set_region(candidate.get("province", ""), candidate.get("city", ""), candidate.get("district", ""))
        for widget in (self.province, self.city, self.district):
            widget.setStyleSheet("")
        self._address_edited()

    def _highlight(self, result) -> None:
        self._clear_highlights()
        fields = {
            "name": [self.name, self.recipient],
            "phone": [self.phone, self.address_phone],
            "province": [self.province],
            "city": [self.city],
            "district": [self.district],
            "detail": [self.detail],
        }
        for key, widgets in fields.items():
            if result.confidence.get(key, 0.0) < LOW_CONFIDENCE:
                for widget in widgets:
                    widget.setStyleSheet(LOW_STYLE)
                    widget.setToolTip(self.tr("Not sure about this one — please check"))

    def _clear_highlights(self) -> None:
        for widget in (
            self.name,
            self.recipient,
            self.phone,
            self.address_phone,
            self.province,
            self.city,
            self.district,
            self.detail,
        ):
            widget.setStyleSheet("")
            widget.setToolTip("")

    def _warning_text(self, code: str) -> str:
        return {
            "ambiguous_region": self.tr("The place name fits several regions: pick the right one above."),
            "no_region": self.tr("No province, city or district was recognised."),
            "no_phone": self.tr("No phone number was found."),
            "multiple_phones": self.tr("Several phone numbers were found; the first one was used."),
            "no_name": self.tr("No name was found."),
            "invalid_phone": self.tr("The phone number does not look right."),
            "region_filled_from_code": "",
            "input_truncated": self.tr("The text was very long; only its beginning was read."),
            "former_name": self.tr("An old or everyday place name was read as today's region."),
            "region_typo": self.tr("A place name looks mistyped; check the region."),
            "phone_extension": self.tr("The phone had an extension; it is not in the phone field."),
            "buried_mobile": self.tr("A mobile number inside a longer number was left alone; check the phone."),
            "traditional_converted": "",
            "delivery_remark": self.tr("The customer's remarks were kept out of the address and added to Notes."),
            "order_text": self.tr("Goods, prices or payment words were left out of the address:"),
            "region_mismatch": self.tr(
                "The places named do not belong together; the region was read from the most precise one. Check it."
            ),
            "foreign_phone": self.tr("The phone is a number outside the mainland; it is kept with its country code."),
        }.get(code, "")

    # --- validation -----------------------------------------------------------------------------------------------

    def problem_text(self, problem) -> str:
        return {
            "missing_recipient": self.tr("The recipient's name is missing."),
            "missing_phone": self.tr("The phone number is missing."),
            "invalid_phone": self.tr("This is not a mainland mobile or landline number."),
            "missing_province": self.tr("The province is missing."),
            "unknown_province": self.tr("This province is not known."),
            "missing_city": self.tr("The city is missing."),
            "unknown_city": self.tr("This city is not known."),
            "city_not_in_province": self.tr("The city is not in this province."),
            "unknown_district": self.tr("This district is not known."),
            "district_not_in_city": self.tr("The district is not in this city."),
            "missing_district": self.tr("The district/county is missing."),
            "missing_detail": self.tr("The street address is missing."),
            "detail_too_short": self.tr("The street address looks too short."),
            "invalid_postal_code": self.tr("A postal code has 6 digits."),
            "adcode_mismatch": self.tr("The region code does not match the names."),
            "not_official_name": self.tr("Use the official name of the region."),
        }.get(problem.code, problem.message)

    def current_problems(self) -> list:
        if self._current < 0:
            return []
        draft = self.drafts[self._current]
        if draft.id is None and not has_place(draft.values):
            return []  # a new address nobody has typed into yet is not saved: nothing to scold
        values = dict(draft.values)
        values["recipient"] = values.get("recipient") or self.name.text().strip()
        values["phone"] = values.get("phone") or self.phone.text().strip()
        problems = validate(values)
        if self.masking_forced() and is_mask(values["phone"]):
            # a team server hands a helper without phones the mask of the stored number, which a
            # save keeps as it is: not a number typed wrong
            problems = [p for p in problems if p.code != "invalid_phone"]
        return problems

    def _show_problems(self) -> None:
        problems = self.current_problems()
        if not problems:
            self.problems.setText("")
            self.problems.setVisible(False)
            return
        lines = []
        for problem in problems:
            colour = "#b91c1c" if problem.severity == "error" else "#b45309"
            lines.append(f'<span style="color:{colour}">● {self.problem_text(problem)}</span>')
        self.problems.setText("<br>".join(lines))
        self.problems.setVisible(True)

    # --- save / cancel --------------------------------------------------------------------------------------------

    def customer_values(self) -> dict:
        return {
            "name": self.name.text().strip(),
            "phone": self.phone.text().strip(),
            "wechat": self.wechat.text().strip(),
            "tags": self.tags.text(),
            "source": self.source.text().strip(),
            "notes": self.notes.toPlainText().strip(),
            **self.birthday.values(),
            **self.consent.values(),
        }

    def save(self) -> int | None:
        """Hand the form to the store's one save path; returns the customer id (None if refused).
        With the team server gone (stopped, restarted, network lost) one red line says so and the
        form keeps every edit, still unsaved: the next Save, once the server is back, writes it."""
        if not self.isEnabled() or not self._dirty:
            return self.customer_id
        try:
            return self._save()
        except Exception as exc:
            where = unreachable_server(exc)
            if where is None:
                raise
            self._server_gone(where)
            return None

    def _server_gone(self, where: str) -> None:
        self.status.setText(
            self.tr(
                "Not saved: the team server %1 cannot be reached. Your changes are still here; "
                "save again when it is back."
            ).replace("%1", where)
        )
        self.status.setStyleSheet(f"QLabel {{ color: {ERROR_COLOUR}; }}")
        self._set_dirty(True)

    def _save(self) -> int | None:
        self._store_current()
        clash = self._identity_clash()
        if clash is not None:
            how, value, other = clash
            choice = self._ask_existing(how, value, other)
            if choice is None:
                return None
            if choice == "open":
                self.open_customer.emit(other.id)
                return None
            if choice == "merge" and self.customer_id is None:
                return self._add_to_existing(other)
            if choice == "merge":
                saved = self._write_form()
                if saved is not None:
                    self.merge_requested.emit([other.id, saved])
                return saved
        return self._write_form()

    def _write_form(self) -> int | None:
        edits = [
            customers.AddressEdit(
                None if draft.id is not None and not draft.changed() else dict(draft.values),
                id=draft.id,
                is_default=draft.is_default,
                deleted=draft.deleted,
            )
            for draft in self.drafts
        ]
        try:
            customer_id = customers.save_customer(
                self.customer_id,
                self.customer_values(),
                edits,
                expected_version=self.loaded_version if self.customer_id is not None else None,
            ).id
        except ValidationError as exc:
            self.status.setText(self._validation_text(exc))
            self.name.setFocus()
            return None
        except ConflictError as exc:
            self._resolve_conflict(exc)
            return None
        except StoreError as exc:
            if unreachable_server(exc) is not None:
                raise  # save() says it in the form
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return None
        self.load(customer_id)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved."))
        self.saved.emit(customer_id)
        return customer_id

    # --- changed by someone else meanwhile (issue 20) ------------------------------------------------------------

    def _my_changes(self) -> tuple[set[str], set[int], bool]:
        """What this edit changed against the form as loaded: customer fields, stored addresses
        (by id), and whether it adds an address."""
        form = self.customer_values()
        fields = {k for k, v in form.items() if self._loaded_form.get(k) != v}
        addresses = set()
        for draft in self.drafts:
            if draft.id is None:
                continue
            values, was_default = self._loaded_addresses.get(draft.id, ({}, False))
            if draft.deleted or draft.values != values or draft.is_default != was_default:
                addresses.add(draft.id)
        added = any(d.id is None and not d.deleted and has_place(d.values) for d in self.drafts)
        return fields, addresses, added

    def _change_labels(self, fields: set[str], addresses: set[int], added: bool, drafts: list[AddressDraft]) -> list:
        labels: list[str] = []
        for name in self._loaded_form:
            if name in fields:
                label = self._field_label(name)
                if label not in labels:
                    labels.append(label)
        for draft in drafts:
            if draft.id in addresses:
                labels.append(self.tr("address %1").replace("%1", draft.one_line() or f"#{draft.id}"))
        if added:
            labels.append(self.tr("a new address"))
        return labels

    def _resolve_conflict(self, exc: ConflictError) -> None:
        """The save was refused because the customer changed since it was loaded: ask 重新载入 or
        合并 (or keep editing). What they changed is read by loading the stored customer into the
        form and comparing it with the form as first loaded; the user's edits are put back unless
        they choose to reload."""
        from sellerdesk.ui.customers.conflict import MERGE, RELOAD, ConflictDialog

        self._store_current_quietly()
        customer_id = self.customer_id
        mine_fields, mine_addresses, added = self._my_changes()
        mine_form, mine_drafts = self.customer_values(), copy.deepcopy(self.drafts)
        loaded_form, loaded_addresses = self._loaded_form, self._loaded_addresses
        before = (self.loaded_version, loaded_form, loaded_addresses)
        read_at = self._loaded_at  # the other change came after this (load() below moves it)
        if customer_id is None:
            return
        self.load(customer_id)  # theirs (and their version: a merge is saved against it)
        if self.customer_id != customer_id:  # purged meanwhile: load() cleared the form
            dialogs.error(self, self.tr("Not saved"), self.tr("This customer was deleted meanwhile."))
            return
        theirs_form, theirs_drafts = self.customer_values(), copy.deepcopy(self.drafts)
        theirs_after = (self.loaded_version, self._loaded_form, self._loaded_addresses)
        their_fields = {k for k, v in theirs_form.items() if loaded_form.get(k) != v}
        theirs_by_id = {d.id: d for d in theirs_drafts}
        their_addresses = {
            i
            for i, (values, was_default) in loaded_addresses.items()
            if i not in theirs_by_id or theirs_by_id[i].values != values or theirs_by_id[i].is_default != was_default
        }
        both = self._change_labels(mine_fields & their_fields, mine_addresses & their_addresses, False, mine_drafts)
        mine = self._change_labels(mine_fields, mine_addresses, added, mine_drafts)
        # what they wrote in a text field both changed: a merge keeps mine, so theirs is shown
        theirs = [
            self.tr("Their %1: %2").replace("%1", self._field_label(k)).replace("%2", v)
            for k, v in theirs_form.items()
            if k in mine_fields & their_fields and isinstance(v, str) and v
        ]
        history = customers.address_history(customer_id)
        # the user's edits back in the form while they decide
        self._load_fields(mine_form, mine_drafts, history)
        self.loaded_version, self._loaded_form, self._loaded_addresses = before
        self._set_dirty(True)
        dialog = ConflictDialog(exc, mine, both, theirs, parent=self, not_before=read_at)
        dialogs.launch(dialog)
        if dialog.choice == RELOAD:
            if dialogs.confirm(
                self, self.tr("Reload"), self.tr("Drop your changes to this customer and show the stored version?")
            ):
                self.load(customer_id)
                self.status.setText(self.tr("Reloaded: your changes were dropped."))
            return
        if dialog.choice != MERGE:
            return
        merged = dict(theirs_form)
        for name in mine_fields:
            merged[name] = mine_form[name]
        if mine_fields & {"birthday", "birthday_lunar"}:  # one birthday, solar or lunar: taken whole
            merged["birthday"], merged["birthday_lunar"] = mine_form["birthday"], mine_form["birthday_lunar"]
        drafts = theirs_drafts
        by_id = {d.id: d for d in drafts}
        for draft in mine_drafts:
            if draft.id is None:
                if not draft.deleted and has_place(draft.values):
                    drafts.append(draft)
            elif draft.id in mine_addresses and draft.id in by_id:
                kept = by_id[draft.id]
                kept.values, kept.deleted = dict(draft.values), draft.deleted
                if draft.is_default:
                    for other in drafts:
                        other.is_default = other is kept
        self._load_fields(merged, drafts, history)
        self.loaded_version, self._loaded_form, self._loaded_addresses = theirs_after
        self._set_dirty(True)
        text = self.tr("Merged: your changes are on top of the stored version. Check and save.")
        if both:
            text += " " + self.tr("Both changed: %1.").replace("%1", "、".join(both))
        if theirs:
            text += " " + "；".join(theirs)
        self.status.setText(text)

    # --- another customer with this phone or WeChat ID (issue 15) --------------------------------------------

    def _identity_clash(self) -> tuple[str, str, Customer] | None:
        """("phone" | "wechat", the value, the other customer) when the form gives a phone or
        WeChat ID that another live customer has and that is new here (a new customer, or a
        value changed by this edit); None otherwise."""
        values = self.customer_values()
        stored = customers.get_customer(self.customer_id) if self.customer_id is not None else None
        number = phone_of(values["phone"]).value if values["phone"] else ""
        for how, value, find in (
            ("phone", number, queries.find_by_phone),
            ("wechat", values["wechat"], queries.find_by_wechat),
        ):
            if not value or (stored is not None and getattr(stored, how) == value):
                continue
            others = [c for c in find(value) if c.id != self.customer_id]
            if others:
                return how, value, others[0]
        return None

    def _ask_existing(self, how: str, value: str, other: Customer) -> str | None:
        from sellerdesk.ui.duplicates.existing import ExistingCustomerDialog

        dialog = ExistingCustomerDialog(how, value, other, new=self.customer_id is None, parent=self)
        dialogs.launch(dialog)
        return dialog.choice

    def _add_to_existing(self, other: Customer) -> int | None:
        """合并 for a new customer: the form's addresses go to ``other`` as new addresses, and
        the fields ``other`` lacks (name, WeChat ID…) are filled from the form; one save."""
        values = self.customer_values()
        fill = {k: v for k, v in values.items() if v and k != "tags" and not getattr(other, k)}
        tags = customers.split_list(other.tags) + customers.split_list(values["tags"])
        if customers.join_list(tags) != other.tags:
            fill["tags"] = customers.join_list(tags)
        edits = [
            customers.AddressEdit(dict(d.values))
            for d in self.drafts
            if not d.deleted and d.id is None and has_place(d.values)
        ]
        try:
            customer_id = customers.save_customer(other.id, fill, edits, reason="added from a new customer").id
        except ValidationError as exc:
            self.status.setText(self._validation_text(exc))
            return None
        except StoreError as exc:
            dialogs.error(self, self.tr("Not saved"), error_text(exc))
            return None
        self.load(customer_id)
        self.status.setText(self.tr("Added to %1 instead of a new customer.").replace("%1", self.title.text()))
        self.saved.emit(customer_id)
        return customer_id

    def _typed_identity(self) -> None:
        if self._loading or not self.isEnabled():
            return
        self._show_match(self.phone.text().strip(), self.wechat.text().strip())

    def _show_merges(self, customer: Customer) -> None:
        """A survivor: who was merged into them, with 撤销合并; a merged-away customer (in the
        Trash): into whom, with 撤销合并."""
        from sellerdesk.store import merges

        parts = []
        undo = self.tr("Undo merge")
        if customer.deleted_at is not None:
            into = merges.merged_into(customer.id)
            if into is not None:
                found = [m for m in merges.list_merges(keep_id=into) if customer.id in m.other_ids]
                keep = customers.get_customer(into)
                text = self.tr("Merged into %1.").replace("%1", html.escape(keep.name or f"#{keep.id}"))
                if found and found[0].problem is None:
                    text += f' <a href="{found[0].id}">{undo}</a>'
                parts.append(text)
        else:
            for info in merges.list_merges(keep_id=customer.id):
                names = merges.names_before(info.id)
                who = "、".join(html.escape(names.get(i) or f"#{i}") for i in info.other_ids)
                text = self.tr("%1 was merged into this customer.").replace("%1", who)
                if info.problem is None:
                    text += f' <a href="{info.id}">{undo}</a>'
                parts.append(text)
        self.merge_note.setText("<br>".join(parts))
        self.merge_note.setVisible(bool(parts))

    def _merge_link(self, href: str) -> None:
        if href.isdigit():
            self.unmerge_requested.emit(int(href))

    def _validation_text(self, exc: ValidationError) -> str:
        if exc.code == "no_identity":
            return self.tr("A customer needs at least a name, a phone or a WeChat ID.")
        if exc.code == "too_long":
            label = self._field_label(exc.field)
            limit = str(getattr(exc, "limit", ""))
            return (
                self.tr("%1 is too long: at most %2 characters. Nothing was saved.")
                .replace("%1", label)
                .replace("%2", limit)
            )
        return str(exc)

    def _field_label(self, name: str) -> str:
        """The form's own label of a customer or address field (for a refusal that names it)."""
        return {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "wechat": self.tr("WeChat ID"),
            "tags": self.tr("Tags"),
            "tier": self.tr("Tier"),
            "source": self.tr("Source"),
            "notes": self.tr("Notes"),
            "birthday": self.tr("Birthday"),
            "birthday_lunar": self.tr("Birthday"),
            "marketing_consent": self.tr("Marketing"),
            "consent_date": self.tr("Marketing"),
            "consent_via": self.tr("Marketing"),
            "label": self.tr("Address type"),
            "recipient": self.tr("Recipient"),
            "province": self.tr("Region"),
            "city": self.tr("Region"),
            "district": self.tr("Region"),
            "detail": self.tr("Street address"),
            "postal_code": self.tr("Postal code"),
        }.get(name, name)

    def cancel(self) -> None:
        """Esc: forget the edits (a new customer is dropped)."""
        if self.customer_id is not None:
            self.load(self.customer_id)
        else:
            self.clear()
        self.status.setText("")
        self.cancelled.emit()
