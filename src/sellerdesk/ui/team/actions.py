"""The team server in the main window: 文件 › 团队服务器…, 文件 › 团队成员… (an owner's: the users
and 专人负责, ``users_dialog``), 团队：user @ server in the title and the status bar, and others'
changes refreshing the views (``live.LiveRefresh``) while connected."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from sellerdesk.store import team as team_store
from sellerdesk.ui.team.live import LiveRefresh
from sellerdesk.ui.team.settings_dialog import TeamServerDialog
from sellerdesk.ui.team.texts import connected_text
from sellerdesk.ui.widgets import dialogs


class TeamController(QObject):
    def __init__(self, context, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.server = getattr(context, "team", None)
        self.settings_action = QAction(self.tr("&Team server…"), window)
        self.settings_action.triggered.connect(self.edit_settings)
        # the team's users and 专人负责: an owner's, on a team server only (apply_role shows it)
        self.users_action = QAction(self.tr("Team &members…"), window)
        self.users_action.setObjectName("teamUsersAction")
        self.users_action.triggered.connect(self.edit_users)
        self.users_action.setVisible(False)
        self.users_action.setEnabled(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("teamStatus")
        self.live = LiveRefresh(context, self)
        self._was_down = False
        if self.server is not None:
            self.status_label.setText(connected_text(self.server))
            self.live.connected.connect(self._connection_state)
            # once the window is built and the event loop runs: the listener's thread emitting while
            # the window was still making its toolbars deadlocked (it held Qt's connection lock and
            # waited for Python's, the UI thread the other way round: a CI run hung there)
            self.live.start_soon()
        self.status_label.setVisible(self.server is not None)

    def apply_role(self, forbidden_actions: dict[str, list[QAction]], mask_action: QAction) -> str:
        """Hide what the connected user's role may not do (a helper: export, erase, backup,
        restore) and mask phones for a helper not allowed to see them; the database refuses
        these anyway (row-level security and grants), this keeps the menus honest. Returns the role."""
        if self.server is None:
            return team_store.OWNER
        from sellerdesk.store.models import DB

        # read by the worker that connected at start (ui/startup/team.py): no round trip on the UI thread
        standing = getattr(DB.obj, "standing", None) or team_store.standing()
        if DB.obj is not None:
            DB.obj.standing = None  # once: a later window asks the server again
        role = standing.role
        forbidden_actions = {**forbidden_actions, team_store.USERS: [self.users_action]}
        for action_name, actions in forbidden_actions.items():
            allowed = team_store.may(action_name, role, standing.phones)
            for action in actions:
                action.setVisible(allowed)
                action.setEnabled(allowed)
        if not standing.phones:
            self.context.mask_forced = True
            mask_action.setChecked(True)
            mask_action.setEnabled(False)
            mask_action.setToolTip(self.tr("Your team role shows phones masked"))
        return role

    def window_title(self, title: str) -> str:
        """The window's title, naming the team connection when there is one."""
        return title if self.server is None else f"{title} — {connected_text(self.server)}"

    def _connection_state(self, up: bool) -> None:
        text = connected_text(self.server)
        if not up:
            text += self.tr(" (connection lost; reconnecting…)")
        self.status_label.setText(text)
        if up and self._was_down:
            # back after a loss: what others wrote meanwhile was never heard, so every view reads
            # again (the store connects anew on its next statement, store.postgres.TeamDatabase)
            self.context.customers_changed.emit()
            self.context.orders_changed.emit()
            self.live.touched.emit(None)
        self._was_down = not up

    def edit_settings(self) -> None:
        dialog = TeamServerDialog(
            self.context.settings, getattr(self.context.datadir, "secret_store", None), self.window
        )
        dialogs.launch(dialog)

    def edit_users(self) -> None:
        from sellerdesk.ui.team.users_dialog import TeamUsersDialog

        if self.server is None:
            return
        dialogs.launch(TeamUsersDialog(self.window))

    def stop(self) -> None:
        self.live.stop()
