"""The key changes: a new master password, keyring ↔ master password, a new recovery code.

Each dialog asks for what the change needs (in master-password mode: the current password,
or the recovery code), then runs the store's re-wrap (:class:`~sellerdesk.store.keys.Vault`)
in a job — scrypt takes about a second — and either closes or shows one red line that says
why nothing was changed. The database itself is never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.sentences import sentences
from sellerdesk.store.errors import StoreError, WrongKeyError
from sellerdesk.store.keys import (
    MODE_PASSWORD,
    KeyFileChangedError,
    KeyModeError,
    SameSecretError,
    WeakPasswordError,
)
from sellerdesk.store.secrets import KeyringUnavailable
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.startup import keyring_text
from sellerdesk.ui.widgets.errors import error_text
from sellerdesk.ui.widgets.forms import error_label, ok_button, ok_cancel
from sellerdesk.ui.widgets.strength import StrengthMeter


def _password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def keyring_problem(exc: KeyringUnavailable) -> str:
    """Why the key cannot go into the keyring now, as one translated line."""
    if exc.reason == KeyringUnavailable.LOCKED:
        return QCoreApplication.translate(
            "KeyChangeDialog",
            "The system keyring is locked. Unlock it (log in to your desktop session) and try again. "
            "Nothing was changed.",
        )
    return sentences(keyring_text.describe(exc), QCoreApplication.translate("KeyChangeDialog", "Nothing was changed."))


class KeyChangeDialog(QDialog):
    """What the three changes share: an intro, the current-password field (master-password
    mode), the red line, OK/Cancel, and the job that re-wraps the key."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.mode = context.datadir.mode()
        self.job: Job | None = None
        self.result_value: Any = None
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.fields = QFormLayout()
        self.layout_.addLayout(self.fields)
        self.current = _password_field(self.tr("or the recovery code"))
        if self.mode == MODE_PASSWORD:
            self.fields.addRow(self.tr("Current master password:"), self.current)
        else:
            self.current.hide()
        self.error = error_label()
        self.layout_.addWidget(self.error)
        self.buttons = ok_cancel(self.accept, self.reject)
        self.layout_.addWidget(self.buttons)
        # OK stays greyed until the change has what it needs: in master-password mode the current
        # password (or the recovery code) — keyring mode needs none, the keyring gives the key (QA L7)
        # (each dialog calls update_ok once its own fields exist)
        self.current.textChanged.connect(self.update_ok)

    def ready(self) -> bool:
        """Whether OK can be pressed: everything the change needs has been typed."""
        return self.mode != MODE_PASSWORD or bool(self.current.text())

    def update_ok(self) -> None:
        ok_button(self.buttons).setEnabled(self.ready())

    def set_texts(self, title: str, intro: str, ok_text: str) -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)
        ok_button(self.buttons).setText(ok_text)

    # subclasses: what to check first (a translated line, or ""), and the change itself
    def problem(self) -> str:
        if self.mode == MODE_PASSWORD and not self.current.text():
            return self.tr("Type your current master password (or your recovery code).")
        return ""

    def change(self) -> Callable[[], Any]:
        raise NotImplementedError

    def accept(self) -> None:
        if self.job is not None:
            return
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        self.error.setText(self.tr("Working…"))
        self.buttons.setEnabled(False)
        run = self.change()

        def work(_progress, _token) -> tuple[bool, Any]:
            try:
                return True, run()
            except (StoreError, KeyringUnavailable, OSError) as exc:  # every refusal leaves the key file as it was
                return False, exc

        job = Job(work, "keys")
        job.succeeded.connect(self._done)
        job.failed.connect(lambda message: self._done((False, RuntimeError(message))))
        self.job = job
        start(job)

    def _done(self, outcome: tuple[bool, Any]) -> None:
        self.job = None
        self.buttons.setEnabled(True)
        ok, value = outcome
        if ok:
            self.error.setText("")
            self.result_value = value
            super().accept()
            return
        self.error.setText(self.explain(value))
        if isinstance(value, WrongKeyError):
            self.current.selectAll()
            self.current.setFocus()

    def explain(self, exc: BaseException) -> str:
        """The one translated line for a refused change (nothing was changed)."""
        if isinstance(exc, WrongKeyError):
            return self.tr("Wrong password or recovery code. Nothing was changed.")
        if isinstance(exc, KeyringUnavailable):
            return keyring_problem(exc)
        if isinstance(exc, KeyFileChangedError):
            return self.tr("Another SellerDesk program changed the key file meanwhile. Nothing was changed; try again.")
        if isinstance(exc, KeyModeError):
            return {
                KeyModeError.NO_PASSWORD: self.tr(
                    "The key is kept in the system keyring: there is no password to change."
                ),
                KeyModeError.ALREADY_KEYRING: self.tr("The key is already kept in the system keyring."),
                KeyModeError.ALREADY_PASSWORD: self.tr("SellerDesk already uses a master password."),
            }[exc.reason]
        return error_text(exc)


class NewPasswordDialog(KeyChangeDialog):
    """Change the master password, or (keyring mode) protect the key with one instead."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        if self.mode != MODE_PASSWORD:
            self.set_texts(
                self.tr("Use a master password"),
                self.tr(
                    "SellerDesk will ask for this password at every start, and the key will be removed from the "
                    "system keyring. Backups made from now on need this password (or the recovery code)."
                ),
                self.tr("Use password"),
            )
        else:
            self.set_texts(
                self.tr("Change the master password"),
                self.tr(
                    "The old password stops opening your data. Backups made before keep opening with the old "
                    "password (or the recovery code): make a new backup afterwards."
                ),
                self.tr("Change password"),
            )
        self.password = _password_field()
        self.meter = StrengthMeter()
        self.confirm = _password_field()
        hint = QLabel(
            self.tr(
                "Three or four words that have nothing to do with you or your shop are strong and easy to "
                "remember; names, birthdays, phone numbers and 5201314-style numbers are guessed first."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid)")
        self.fields.addRow(self.tr("New master password:"), self.password)
        self.fields.addRow("", self.meter)
        self.fields.addRow(self.tr("Type it again:"), self.confirm)
        self.fields.addRow(hint)
        self._strength = self.meter.update_for("")
        self.password.textChanged.connect(self._password_changed)
        self.confirm.textChanged.connect(self._check)
        self._check()
        self.resize(520, self.sizeHint().height())

    def _password_changed(self, text: str) -> None:
        self._strength = self.meter.update_for(text)
        self._check()

    def _check(self) -> None:
        # as the wizard: nothing before the password can be judged, no "differ" before it is typed again
        password, confirm = self.password.text(), self.confirm.text()
        judged = self.meter.judged(password, confirm) and (bool(confirm) or not self._strength.acceptable)
        if self.job is None:
            self.error.setText(self._new_problem() if judged else "")
        self.update_ok()

    def ready(self) -> bool:
        return super().ready() and not self._new_problem()

    def problem(self) -> str:
        return super().problem() or self._new_problem()

    def change(self) -> Callable[[], Any]:
        vault, key = self.context.datadir.vault, self.context.key
        current, new = self.current.text(), self.password.text()
        if self.mode == MODE_PASSWORD:
            return lambda: vault.change_password(key, current, new)
        return lambda: vault.use_password(key, new)

    def _new_problem(self) -> str:
        problem = self.meter.new_password_problem(self._strength, self.password.text(), self.confirm.text())
        if not problem and self.mode == MODE_PASSWORD and self.password.text() == self.current.text():
            return self.tr("The new password is the one in use now: type a different one.")
        return problem

    def explain(self, exc: BaseException) -> str:
        if isinstance(exc, WeakPasswordError):
            return self.meter.refusal(exc.strength)
        if isinstance(exc, SameSecretError):
            if exc.reason == SameSecretError.RECOVERY_CODE:
                return self.tr(
                    "The new password is your recovery code: choose a password of your own. Nothing was changed."
                )
            return self.tr("The new password is the one in use now. Nothing was changed.")
        return super().explain(exc)


class UseKeyringDialog(KeyChangeDialog):
    """Master-password mode → keep the key in the system keyring."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Keep the key in the system keyring"),
            self.tr(
                "SellerDesk will start without asking for a password: the system keyring, opened when you log "
                "in, keeps the key. The master password will no longer open your data; the recovery code still "
                "does. Anyone who can log in to this computer as you can then open SellerDesk."
            ),
            self.tr("Use the keyring"),
        )
        self.unusable = self.context.datadir.keyring_usable()
        if self.unusable is not None:  # said now, before a password is typed for nothing (QA)
            self.error.setText(keyring_problem(self.unusable))
            self.current.setEnabled(False)
        self.update_ok()
        self.resize(520, self.sizeHint().height())

    def ready(self) -> bool:
        return self.unusable is None and super().ready()

    def problem(self) -> str:
        problem = self.context.datadir.keyring_usable()
        if problem is not None:
            return keyring_problem(problem)
        return super().problem()

    def change(self) -> Callable[[], Any]:
        vault, key, current = self.context.datadir.vault, self.context.key, self.current.text()
        return lambda: vault.use_keyring(key, current)


class NewRecoveryCodeDialog(KeyChangeDialog):
    """Make a new recovery code; the old one stops opening the data (``result_value``: the new code)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Make a new recovery code"),
            self.tr(
                "Do this when the old code may have been seen by someone else. The old code stops opening your "
                "data at once. Backups made before keep opening with the old code (they carry the key as it was "
                "then): make a new backup afterwards, and delete old backups you no longer trust."
            ),
            self.tr("Make a new code"),
        )
        self.update_ok()
        self.resize(520, self.sizeHint().height())

    def change(self) -> Callable[[], Any]:
        vault, key = self.context.datadir.vault, self.context.key
        current = self.current.text() if self.mode == MODE_PASSWORD else None
        return lambda: vault.replace_recovery_code(key, current)
