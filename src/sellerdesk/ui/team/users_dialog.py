"""文件 › 团队成员…: the team's users and 专人负责 in the app, for an owner (issue 20), what
``sellerdesk-cli team user …`` / ``team region …`` do, through the same ``store.team`` calls.

* 成员: every user with role, regions, phones and the regions they are in charge of; 添加成员…
  (name, role, a helper's regions ticked in the 大区 → 省 tree, may see phones, a password — empty:
  one is generated and shown once with 复制), 修改… (role, regions, phones: ``team.update_user``,
  one transaction), 移除… (asked first, Cancel the default; ``team.remove_user``: the login
  disabled, the data kept, audited; adding the name again gives the login back).
* 专人负责: who is in charge of each 大区 or province; 指定负责人… (``team.assign_region``),
  取消指定 (``team.unassign_region``).

Every call to the server runs in a job (:class:`ServerCall`: the call, then the list read again,
on a worker thread's own connection); the window stays responsive and its buttons wait. A refusal
— no CREATEROLE, the server gone, a name taken, a bad region, oneself, the last owner — is one
translated line (``texts.team_error_text``, ``ui.widgets.errors.storage_text``) under the form or
the list, and the store's transaction changed nothing. Only an owner gets the menu entry
(``TeamController.apply_role``); the store refuses anyone else anyway (``owner_only``, and the
server's grants on ``team_user``/``team_grant``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.jobs import runner
from sellerdesk.jobs.worker import Job
from sellerdesk.store import team
from sellerdesk.store.errors import StoreError
from sellerdesk.ui.team.texts import role_text, team_error_text
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import storage_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel

log = logging.getLogger(__name__)

PROVINCE_ROLE = Qt.ItemDataRole.UserRole + 1  # a tree item's region: a 大区 or a province's full name


@dataclass(frozen=True)
class Outcome:
    """What a :class:`ServerCall` brings back: the call's value and the team as it now is, or the error."""

    value: Any = None
    users: tuple[team.User, ...] = ()
    owners: dict[str, str] = field(default_factory=dict)
    me: str = ""
    error: BaseException | None = None
    done: bool = False  # the call itself went through (an error is then the list's read after it)


def error_text(exc: BaseException) -> str:
    """One translated line for a failed call to the team server."""
    text = team_error_text(exc) or storage_text(exc)
    if text is not None:
        return text
    from PySide6.QtCore import QCoreApplication

    from sellerdesk.store.postgres import first_line

    return QCoreApplication.translate("TeamUsers", "The team server refused this (%1); nothing was changed.").replace(
        "%1", first_line(exc) if not isinstance(exc, StoreError) else str(exc)
    )


def _server_errors() -> tuple[type[BaseException], ...]:
    import peewee
    import psycopg

    return (StoreError, peewee.PeeweeException, psycopg.Error, OSError)


SERVER_ERRORS = _server_errors()  # a refusal, a privilege missing, the server gone: said, never raised


def _work(call: Callable[[], Any] | None) -> Callable[[Any, Any], Outcome]:
    """The job: ``call`` (a ``store.team`` function, one transaction of its own), then the users and
    region owners read again; an error comes back as the :class:`Outcome`'s, for the UI thread to word."""

    def work(_progress, _token) -> Outcome:
        try:
            value = call() if call is not None else None
        except SERVER_ERRORS as exc:  # said in one line by the window; logged without data
            if not isinstance(exc, StoreError):
                log.warning("team administration failed: %s", type(exc).__name__)
            return Outcome(error=exc)
        try:
            return Outcome(value, tuple(team.users()), team.region_owners(), team.current_user(), done=True)
        except SERVER_ERRORS as exc:  # the change is made; only the new list could not be read
            log.warning("team list after a change failed: %s", type(exc).__name__)
            return Outcome(value, error=exc, done=call is not None)

    return work


class ServerCall(QObject):
    """Runs one ``store.team`` call in a job and says when it is done (``done(Outcome)``)."""

    done = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.job: Job | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, call: Callable[[], Any] | None, name: str) -> None:
        self.job = Job(_work(call), name, self)
        self.job.succeeded.connect(self._finished)
        self.job.failed.connect(lambda message: self._finished(Outcome(error=RuntimeError(message))))
        runner.start(self.job)

    def _finished(self, outcome: Outcome) -> None:
        self.job = None
        self.done.emit(outcome)


# ------------------------------------------------------------------------------------------- the region tree


class RegionPicker(QTreeWidget):
    """大区 → 省 with checkboxes (a 大区 ticks all its provinces). :meth:`regions` gives what the store
    keeps: a 大区 whose provinces are all ticked by its name, else the provinces ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sellerdesk.core import regions
        from sellerdesk.core.big_regions import big_regions

        self.setObjectName("teamRegionPicker")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        names = {p.short: p.name for p in regions.provinces()}
        names.update({p.name: p.name for p in regions.provinces()})
        self.big: dict[str, QTreeWidgetItem] = {}
        self.provinces: dict[str, QTreeWidgetItem] = {}
        for big, members in big_regions().items():
            parent_item = QTreeWidgetItem(self, [big])
            parent_item.setData(0, PROVINCE_ROLE, big)
            parent_item.setFlags(parent_item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            parent_item.setCheckState(0, Qt.CheckState.Unchecked)
            self.big[big] = parent_item
            for member in members:
                full = names.get(member, member)
                child = QTreeWidgetItem(parent_item, [full])
                child.setData(0, PROVINCE_ROLE, full)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                self.provinces[full] = child

    def set_regions(self, stored: tuple[str, ...] | list[str]) -> None:
        for item in self.provinces.values():
            item.setCheckState(0, Qt.CheckState.Unchecked)
        for region in stored:
            if region in self.big:
                self.big[region].setCheckState(0, Qt.CheckState.Checked)
            elif region in self.provinces:
                self.provinces[region].setCheckState(0, Qt.CheckState.Checked)
                self.provinces[region].parent().setExpanded(True)

    def regions(self) -> list[str]:
        out: list[str] = []
        for big, item in self.big.items():
            state = item.checkState(0)
            if state == Qt.CheckState.Checked:
                out.append(big)
            elif state == Qt.CheckState.PartiallyChecked:
                for row in range(item.childCount()):
                    child = item.child(row)
                    if child.checkState(0) == Qt.CheckState.Checked:
                        out.append(str(child.data(0, PROVINCE_ROLE)))
        return out


# ------------------------------------------------------------------------------------------- one user's form


class UserDialog(QDialog):
    """添加成员 / 修改成员: the form; OK runs the store's call in a job and the dialog stays open,
    with the refusal under the form, until the server has said yes."""

    def __init__(self, me: str, user: team.User | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamUserDialog")
        self.me = me
        self.user = user
        self.outcome: Outcome | None = None
        self.password_given = False
        self.setWindowTitle(
            self.tr("Add a team member") if user is None else self.tr("Change %1").replace("%1", user.name)
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("teamUserName")
        if user is None:
            self.name.setPlaceholderText(self.tr("the login name, e.g. alice"))
            form.addRow(self.tr("User name"), self.name)
        else:
            self.name.setText(user.name)
            form.addRow(self.tr("User name"), QLabel(user.name))
        self.role = QComboBox()
        self.role.setObjectName("teamUserRole")
        for role in (team.HELPER, team.VIEWER, team.OWNER):
            self.role.addItem(role_text(role), role)
        self.role_note = QLabel()
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("color: #555;")
        form.addRow(self.tr("Role"), self.role)
        form.addRow("", self.role_note)
        self.picker = RegionPicker()
        self.picker.setMinimumHeight(200)
        form.addRow(self.tr("Regions"), self.picker)
        self.phones = QCheckBox(self.tr("May see phones whole (else masked, as 138****5678)"))
        self.phones.setObjectName("teamUserPhones")
        form.addRow("", self.phones)
        self.password = QLineEdit()
        self.password.setObjectName("teamUserPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: SellerDesk makes one and shows it once"))
        if user is None:
            form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self.submit, self.reject, ok_text=self.tr("Add") if user is None else self.tr("Save"))
        layout.addWidget(self.buttons)
        self.call = ServerCall(self)
        self.call.done.connect(self._done)
        self.role.currentIndexChanged.connect(self._role_changed)
        if user is not None:
            self.role.setCurrentIndex(self.role.findData(user.role))
            self.picker.set_regions(user.regions)
            self.phones.setChecked(user.phones)
            if user.name == me:  # one's own role is another owner's to change (the store refuses it too)
                self.role.setEnabled(False)
        self._role_changed()
        self.resize(520, 620)

    def _role_changed(self) -> None:
        role = self.role.currentData()
        helper = role == team.HELPER
        self.picker.setEnabled(helper)
        self.phones.setEnabled(helper)
        if not helper:
            self.phones.setChecked(True)
        elif self.user is None or self.user.role != team.HELPER:
            self.phones.setChecked(False)
        self.role_note.setText(
            {
                team.HELPER: self.tr(
                    "Sees and edits the customers of the regions ticked below; no export, backup or erase."
                ),
                team.VIEWER: self.tr("Reads every customer and order; changes nothing."),
                team.OWNER: self.tr("May do everything, add and remove users too."),
            }[role]
        )

    def values(self) -> tuple[str, str, list[str], bool, str | None]:
        role = self.role.currentData()
        helper = role == team.HELPER
        regions = self.picker.regions() if helper else []
        return (
            self.name.text().strip(),
            role,
            regions,
            self.phones.isChecked() or not helper,
            self.password.text() or None,
        )

    def submit(self) -> None:
        if self.call.busy:
            return
        name, role, regions, phones, password = self.values()
        try:  # what can be said without the server, at once (the store checks it again)
            if self.user is None:
                team.check_name(name)
                team.check_password(password)
            team.parse_regions(regions)
        except team.TeamError as exc:
            self.error.setText(error_text(exc))
            return
        if self.user is None:
            self.password_given = password is not None

            def call() -> Any:
                return team.add_user(name, role, regions, phones=phones, password=password)
        else:
            user = self.user

            def call() -> Any:
                changed_role = role if role != user.role else None
                return team.update_user(
                    user.name,
                    role=changed_role,
                    regions=regions if role == team.HELPER else None,
                    phones=phones if role == team.HELPER else None,
                )

        self.error.setText(self.tr("Asking the team server…"))
        self.error.setStyleSheet("color: #555;")
        self.buttons.setEnabled(False)  # sent: the server's answer is awaited, not cancelled
        self.call.start(call, "team-user")

    def reject(self) -> None:
        if not self.call.busy:
            super().reject()

    def _done(self, outcome: Outcome) -> None:
        self.buttons.setEnabled(True)
        self.error.setStyleSheet("color: #b3261e;")
        if outcome.error is not None and not outcome.done:
            self.error.setText(error_text(outcome.error))
            return
        self.error.setText("")
        self.outcome = outcome
        self.accept()


class PasswordShownDialog(QDialog):
    """A new user's generated password, shown this once, with 复制."""

    def __init__(self, name: str, role: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPasswordShown")
        self.setWindowTitle(self.tr("Team member added"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "%1 is on the team now (%2). Their password is shown only this once: copy it and give it to %1. "
                "They type it in 文件 › 团队服务器… on their computer."
            )
            .replace("%1", name)
            .replace("%2", role_text(role))
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.password = QLineEdit(password)
        self.password.setObjectName("teamNewPassword")
        self.password.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.password, 1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self.copied = QLabel()
        self.copied.setStyleSheet("color: #15803d;")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def copy(self) -> None:
        QApplication.clipboard().setText(self.password.text())
        self.copied.setText(self.tr("Copied."))


class AssignDialog(QDialog):
    """指定负责人: a 大区 or a province, and the user in charge of it."""

    def __init__(self, users: tuple[team.User, ...], region: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sellerdesk.core import regions
        from sellerdesk.core.big_regions import big_regions

        self.setObjectName("teamAssignDialog")
        self.setWindowTitle(self.tr("Who is in charge of a region"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.region = QComboBox()
        for name in [*big_regions(), *(p.name for p in regions.provinces())]:
            self.region.addItem(name, name)
        if region:
            self.region.setCurrentIndex(max(self.region.findData(region), 0))
        self.user = QComboBox()
        for user in users:
            self.user.addItem(f"{user.name}（{role_text(user.role)}）", user.name)
        form.addRow(self.tr("大区 or province"), self.region)
        form.addRow(self.tr("In charge"), self.user)
        layout.addLayout(form)
        note = QLabel(
            self.tr("A province given to someone wins over its 大区. Their 我负责的 box shows these customers.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addWidget(ok_cancel(self.accept, self.reject, ok_text=self.tr("Assign")))
        self.resize(420, self.sizeHint().height())

    def choice(self) -> tuple[str, str]:
        return str(self.region.currentData()), str(self.user.currentData() or "")


# ------------------------------------------------------------------------------------------- the window


class TeamUsersDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamUsersDialog")
        self.setWindowTitle(self.tr("Team members"))
        self.users: tuple[team.User, ...] = ()
        self.owners: dict[str, str] = {}
        self.me = ""
        self.call = ServerCall(self)
        self.call.done.connect(self._loaded)
        self._after: Callable[[Outcome], None] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Who works on the team server and what each may see. Changes apply from each member's next connection."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._members_tab(), self.tr("Members"))
        self.tabs.addTab(self._owners_tab(), self.tr("Regions in charge (专人负责)"))
        layout.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setObjectName("teamUsersStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 520)
        self.reload()

    # --- the two tabs ---------------------------------------------------------------------------------------

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    def _members_tab(self) -> QWidget:
        page = QWidget()
        self.table = self._table(
            [self.tr("User"), self.tr("Role"), self.tr("Regions"), self.tr("Phones"), self.tr("In charge of")]
        )
        self.table.setObjectName("teamUsersTable")
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.add_button = QPushButton(self.tr("Add member…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.clicked.connect(self.edit_user)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove_user)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        return page

    def _owners_tab(self) -> QWidget:
        page = QWidget()
        self.owners_table = self._table([self.tr("大区 or province"), self.tr("In charge")])
        self.owners_table.setObjectName("teamOwnersTable")
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.clicked.connect(self.assign_region)
        self.unassign_button = QPushButton(self.tr("Nobody in charge"))
        self.unassign_button.clicked.connect(self.unassign_region)
        row = QHBoxLayout()
        row.addWidget(self.assign_button)
        row.addWidget(self.unassign_button)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "专人负责: the member in charge of a 大区 or province sees its customers under 我负责的. "
                "A province given to someone wins over its 大区."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.owners_table, 1)
        layout.addLayout(row)
        return page

    # --- talking to the server ------------------------------------------------------------------------------

    def run(self, call: Callable[[], Any] | None, waiting: str, after: Callable[[Outcome], None] | None = None) -> None:
        """``call`` in a job, then the lists shown anew and ``after(outcome)``; the buttons wait meanwhile."""
        if self.call.busy:
            return
        self._after = after
        self.status.setStyleSheet("color: #555;")
        self.status.setText(waiting)
        self._set_busy(True)
        self.call.start(call, "team-users")

    def reload(self) -> None:
        self.run(None, self.tr("Reading the team from the server…"))

    def _loaded(self, outcome: Outcome) -> None:
        self._set_busy(False)
        after, self._after = self._after, None
        if outcome.users or outcome.error is None:
            self.users, self.owners, self.me = outcome.users, outcome.owners, outcome.me
            self._fill()
        self.status.setStyleSheet("")
        self.status.setText("")
        if outcome.error is not None and not outcome.done:
            self.status.setStyleSheet("color: #b3261e;")
            self.status.setText(error_text(outcome.error))
            return
        if after is not None:
            after(outcome)
        self._list_unread(outcome)

    def _list_unread(self, outcome: Outcome) -> None:
        """A change made, but the list not read again after it (the server gone just then): said after
        what was done, so nobody takes the old list for the new one."""
        if outcome.done and outcome.error is not None:
            self.status.setStyleSheet("color: #b3261e;")
            text = self.tr("Done, but the list could not be read again (%1). Close and open this window to see it.")
            self.status.setText((self.status.text() + " " + text.replace("%1", error_text(outcome.error))).strip())

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = getattr(self, "busy", False)
        user = self.selected_user()
        self.add_button.setEnabled(not busy)
        self.edit_button.setEnabled(not busy and user is not None)
        self.remove_button.setEnabled(not busy and user is not None and user.name != self.me)
        self.assign_button.setEnabled(not busy and bool(self.users))
        self.unassign_button.setEnabled(not busy and self.selected_region() is not None)

    def _fill(self) -> None:
        selected = self.selected_user()
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            helper = user.role == team.HELPER
            regions = "、".join(user.regions) if helper else self.tr("all")
            if helper and not user.regions:
                regions = self.tr("none yet: sees no customer")
            phones = (self.tr("shown") if user.phones else self.tr("masked")) if helper else self.tr("shown")
            name = user.name + (self.tr(" (you)") if user.name == self.me else "")
            cells = [name, role_text(user.role), regions, phones, "、".join(user.responsible_for) or "—"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.name)
                self.table.setItem(row, column, item)
            if selected is not None and selected.name == user.name:
                self.table.selectRow(row)
        self.owners_table.setRowCount(len(self.owners))
        for row, (region, name) in enumerate(sorted(self.owners.items(), key=_region_order)):
            for column, text in enumerate((region, name)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, region)
                self.owners_table.setItem(row, column, item)
        self._update_buttons()

    def selected_user(self) -> team.User | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((u for u in self.users if u.name == name), None)

    def select_user(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == name:
                self.table.selectRow(row)
                return

    def selected_region(self) -> str | None:
        rows = {i.row() for i in self.owners_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.owners_table.item(rows.pop(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("color: #15803d;")
        self.status.setText(text)

    # --- the actions ----------------------------------------------------------------------------------------

    def _show(self, outcome: Outcome | None) -> None:
        if outcome is not None and outcome.users:
            self.users, self.owners, self.me = outcome.users, outcome.owners, outcome.me
            self._fill()

    def add_user(self) -> None:
        form = UserDialog(self.me, None, self)
        if dialogs.launch(form) != QDialog.DialogCode.Accepted or form.outcome is None:
            return
        self._show(form.outcome)
        name, role = form.values()[:2]
        self.select_user(name)
        self._say(self.tr("%1 was added as %2.").replace("%1", name).replace("%2", role_text(role)))
        self._list_unread(form.outcome)
        if not form.password_given and form.outcome.value:
            dialogs.launch(PasswordShownDialog(name, role, str(form.outcome.value), self))

    def edit_user(self) -> None:
        user = self.selected_user()
        if user is None or self.call.busy:
            return
        form = UserDialog(self.me, user, self)
        if dialogs.launch(form) != QDialog.DialogCode.Accepted or form.outcome is None:
            return
        self._show(form.outcome)
        self.select_user(user.name)
        self._say(self.tr("%1 was changed; it applies from their next connection.").replace("%1", user.name))
        self._list_unread(form.outcome)

    def remove_user(self) -> None:
        user = self.selected_user()
        if user is None or self.call.busy:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Remove %1 from the team?").replace("%1", user.name),
            self.tr(
                "Remove %1 (%2) from the team?\n\nTheir login is disabled and the regions they are in charge of "
                "are freed. The customers, orders and history they wrote are kept, and the removal is in 操作记录. "
                "Adding the same name again gives the login back, with a new password."
            )
            .replace("%1", user.name)
            .replace("%2", role_text(user.role)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        remove = box.addButton(self.tr("Remove from the team"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        dialogs.launch(box)
        if box.clickedButton() is not remove:
            return
        name = user.name

        def removed(outcome: Outcome) -> None:
            text = self.tr("%1 was removed from the team: their login is disabled; what they wrote is kept.")
            text = text.replace("%1", name)
            unassigned = getattr(outcome.value, "unassigned", ())
            if unassigned:
                text += " " + self.tr("Nobody is in charge of %1 now.").replace("%1", "、".join(unassigned))
            self._say(text)

        self.run(lambda: team.remove_user(name), self.tr("Removing %1…").replace("%1", name), removed)

    def assign_region(self) -> None:
        if self.call.busy or not self.users:
            return
        form = AssignDialog(self.users, self.selected_region() or "", self)
        if dialogs.launch(form) != QDialog.DialogCode.Accepted:
            return
        region, name = form.choice()
        if not name:
            return

        def assigned(outcome: Outcome) -> None:
            self._say(self.tr("%1 is in charge of %2 now.").replace("%1", name).replace("%2", str(outcome.value)))

        self.run(lambda: team.assign_region(region, name), self.tr("Saving…"), assigned)

    def unassign_region(self) -> None:
        region = self.selected_region()
        if region is None or self.call.busy:
            return

        def unassigned(_outcome: Outcome) -> None:
            self._say(self.tr("Nobody is in charge of %1 now.").replace("%1", region))

        self.run(lambda: team.unassign_region(region), self.tr("Saving…"), unassigned)


def _region_order(pair: tuple[str, str]) -> tuple[int, int]:
    """大区 in their order first, then the provinces in the country's order."""
    from sellerdesk.core import regions
    from sellerdesk.core.big_regions import big_regions

    bigs = list(big_regions())
    if pair[0] in bigs:
        return (0, bigs.index(pair[0]))
    names = [p.name for p in regions.provinces()]
    return (1, names.index(pair[0]) if pair[0] in names else len(names))
