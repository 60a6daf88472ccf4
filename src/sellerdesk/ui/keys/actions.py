"""The menu entries of the keys: show the recovery code, make a new one, change the master
password, switch between the system keyring and a master password.

The main window builds one ``KeysController(context, window)`` and puts ``menu`` in its
File menu and ``show_code_action`` in Help. Which switch is offered follows the key's mode
(read from the key file each time the menu opens).

In team mode (the window works on a team server) there is no key file, master password or
recovery code: the menu and the Help entry are hidden, every action is disabled with a tooltip
naming the server's login password (文件 › 团队服务器…), and a slot reached anyway says so in one
line instead of reading a key file that is not there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from sellerdesk.store.keys import MODE_PASSWORD, KeyFileError
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.keys.change_dialogs import NewPasswordDialog, NewRecoveryCodeDialog, UseKeyringDialog
from sellerdesk.ui.keys.recovery import RecoveryCodeDialog, keep_apart_folders
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text


class KeysController(QObject):
    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.show_code_action = self._action(self.tr("Show &recovery code…"), self.show_recovery_code)
        self.new_code_action = self._action(self.tr("Make a &new recovery code…"), self.new_recovery_code)
        self.change_password_action = self._action(self.tr("&Change master password…"), self.change_password)
        self.use_password_action = self._action(
            self.tr("Use a &master password instead of the keyring…"), self.use_password
        )
        self.use_keyring_action = self._action(self.tr("Keep the key in the system &keyring…"), self.use_keyring)
        self.menu = QMenu(self.tr("Pass&word and recovery code"), window)
        for action in (self.show_code_action, self.new_code_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.change_password_action, self.use_password_action, self.use_keyring_action):
            self.menu.addAction(action)
        self.menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    @property
    def team_mode(self) -> bool:
        return getattr(self.context, "team", None) is not None

    def team_text(self) -> str:
        return self.tr(
            "The team database's password is managed by the server: in team mode there is no master password "
            "or recovery code, only your login password on the team server (File › Team server…), which the "
            "server's administrator changes."
        )

    def _refused_in_team_mode(self) -> bool:
        if not self.team_mode:
            return False
        dialogs.information(self.window, self.tr("Password and recovery code"), self.team_text())
        return True

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    def mode(self) -> str | None:
        try:
            return self.context.datadir.mode()
        except (OSError, KeyFileError):
            return None

    def update_actions(self) -> None:
        if self.team_mode:
            self.menu.menuAction().setVisible(False)
            self.show_code_action.setVisible(False)
            for action in (*self.menu.actions(), self.menu.menuAction()):
                action.setEnabled(False)
                action.setToolTip(self.team_text())
                action.setStatusTip(self.team_text())
            return
        password = self.mode() == MODE_PASSWORD
        self.change_password_action.setVisible(password)
        self.use_keyring_action.setVisible(password)
        self.use_password_action.setVisible(not password)

    def _keep_apart(self):
        return keep_apart_folders(self.context.datadir.home)

    def show_recovery_code(self, code: str | None = None, new: bool = False) -> None:
        if self._refused_in_team_mode():
            return
        try:
            vault = self.context.datadir.vault
            key_id = vault.load().key_id
            code = code or vault.recovery_code(self.context.key)
        except (OSError, KeyFileError) as exc:
            dialogs.error(self.window, self.tr("Recovery code"), error_text(exc))
            return
        dialogs.launch(RecoveryCodeDialog(code, key_id, self._keep_apart(), new=new, parent=self.window))

    def _run(self, dialog) -> bool:
        accepted = dialogs.launch(dialog) == QDialog.DialogCode.Accepted
        self.update_actions()
        return accepted

    def new_recovery_code(self) -> None:
        if self._refused_in_team_mode():
            return
        dialog = NewRecoveryCodeDialog(self.context, self.window)
        if self._run(dialog) and dialog.result_value:
            self.show_recovery_code(dialog.result_value, new=True)

    def change_password(self) -> None:
        if self._refused_in_team_mode():
            return
        if self._run(NewPasswordDialog(self.context, self.window)):
            dialogs.information(
                self.window,
                self.tr("Master password changed"),
                self.tr(
                    "The new master password opens your data from now on. Backups made before still open with "
                    "the old one: make a new backup now."
                ),
            )

    def use_password(self) -> None:
        if self._refused_in_team_mode():
            return
        if self._run(NewPasswordDialog(self.context, self.window)):
            dialogs.information(
                self.window,
                self.tr("Master password set"),
                self.tr(
                    "SellerDesk will ask for the master password at every start. "
                    "The key was removed from the system keyring."
                ),
            )

    def use_keyring(self) -> None:
        if self._refused_in_team_mode():
            return
        if self._run(UseKeyringDialog(self.context, self.window)):
            dialogs.information(
                self.window,
                self.tr("Key kept in the system keyring"),
                self.tr(
                    "SellerDesk will start without asking for a password. The master password no longer opens "
                    "your data; the recovery code still does."
                ),
            )
