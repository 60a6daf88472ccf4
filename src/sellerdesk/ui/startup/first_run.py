"""The first-run wizard: choose where the key lives, then see (copy, print, save) the recovery code."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from sellerdesk.store.keys import MODE_KEYRING, MODE_PASSWORD
from sellerdesk.ui.keys.recovery import RecoveryCodeBox
from sellerdesk.ui.widgets.forms import error_label
from sellerdesk.ui.widgets.strength import StrengthMeter

# create(mode, password) makes the key and the database and returns the recovery code;
# it raises with a user-readable message when it cannot.
Creator = Callable[[str, "str | None"], str]

PAGE_MODE, PAGE_PASSWORD, PAGE_RECOVERY = range(3)


class ModePage(QWizardPage):
    def __init__(self, keyring_problem: str | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to SellerDesk"))
        self.setSubTitle(self.tr("Your customers' data is encrypted on this computer. Choose how to unlock it."))
        layout = QVBoxLayout(self)
        self.keyring_radio = QRadioButton(
            self.tr("Keep the key in the system keyring (recommended: no password to type)")
        )
        self.password_radio = QRadioButton(self.tr("Use a master password (typed at every start)"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.keyring_radio)
        self.group.addButton(self.password_radio)
        layout.addWidget(self.keyring_radio)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setIndent(24)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.password_radio)
        hint = QLabel(
            self.tr("Either way you will get a recovery code that opens your data and your backups on a new computer.")
        )
        hint.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)
        if keyring_problem:
            self.keyring_radio.setEnabled(False)
            self.keyring_note.setText(self.tr("Not available here: %1").replace("%1", keyring_problem))
            self.password_radio.setChecked(True)
        else:
            self.keyring_note.hide()
            self.keyring_radio.setChecked(True)

    def mode(self) -> str:
        return MODE_KEYRING if self.keyring_radio.isChecked() else MODE_PASSWORD

    def nextId(self) -> int:
        return PAGE_PASSWORD if self.mode() == MODE_PASSWORD else PAGE_RECOVERY

    def validatePage(self) -> bool:
        if self.mode() == MODE_KEYRING:
            return self.wizard().create_database(MODE_KEYRING, None)
        return True


class PasswordPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a master password"))
        self.setSubTitle(self.tr("It protects your data and every backup. SellerDesk cannot read them without it."))
        layout = QVBoxLayout(self)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Master password"))
        self.meter = StrengthMeter()
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setPlaceholderText(self.tr("Type it again"))
        self.problem = error_label()
        hint = QLabel(
            self.tr(
                "Whoever gets hold of a backup can try passwords on it for as long as they like. Three or four "
                "words that have nothing to do with you or your shop are strong and easy to remember; names, "
                "birthdays, phone numbers and 5201314-style numbers are guessed first."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(self.password)
        layout.addWidget(self.meter)
        layout.addWidget(self.confirm)
        layout.addWidget(self.problem)
        layout.addSpacing(8)
        layout.addWidget(hint)
        layout.addStretch(1)
        self._strength = self.meter.update_for("")
        self.password.textChanged.connect(self._password_changed)
        self.confirm.textChanged.connect(self._check)

    def _password_changed(self, text: str) -> None:
        self._strength = self.meter.update_for(text)
        self._check()

    def _problem_text(self) -> str:
        return self.meter.new_password_problem(self._strength, self.password.text(), self.confirm.text())

    def _check(self) -> None:
        self.problem.setText(self.meter.shown_problem(self._strength, self.password.text(), self.confirm.text()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._problem_text()

    def nextId(self) -> int:
        return PAGE_RECOVERY

    def validatePage(self) -> bool:
        if self._problem_text():  # Next is disabled then, but next() can still be called
            self.problem.setText(self._problem_text())
            return False
        return self.wizard().create_database(MODE_PASSWORD, self.password.text())


class RecoveryPage(QWizardPage):
    """``team``: the wizard runs from a team window (the team backup's local key), which has no
    Help → Show recovery code; the page then says where the code shows again."""

    def __init__(self, keep_apart: Iterable[Path] = (), team: bool = False) -> None:
        super().__init__()
        self.team = team
        self.setTitle(self.tr("Your recovery code"))
        self.setSubTitle(self.tr("Write it down, print it or save it, and keep it somewhere safe."))
        layout = QVBoxLayout(self)
        self.box = RecoveryCodeBox(keep_apart)
        self.code_label = self.box.code_label
        self.copy_button = self.box.copy_button
        layout.addWidget(self.box)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.confirm = QCheckBox(self.tr("I have written down the recovery code"))
        self.confirm.toggled.connect(self.completeChanged)
        layout.addWidget(self.confirm)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        self.box.set_code(wizard.recovery_code or "", wizard.key_id)
        if wizard.mode == MODE_PASSWORD:
            text = self.tr(
                "If you forget the master password or this computer breaks, this code unlocks your data and "
                "every backup on a new computer. Without the password and without this code, nobody — not "
                "even us — can recover the data."
            )
        else:
            text = self.tr(
                "If this computer breaks or the keyring forgets the key, this code unlocks "
                "your data and every backup on a new computer. Without it and without the "
                "password, nobody — not even us — can recover the data."
            )
        if self.team:
            again = self.tr(
                "A team window has no Show recovery code. To see this code again, open the data on this "
                "computer (File › Team server…: untick opening the team database at start, then restart "
                "SellerDesk) and use Help → Show recovery code there."
            )
        else:
            again = self.tr("While SellerDesk is unlocked, Help → Show recovery code shows it again.")
        self.explain.setText(text + "\n\n" + again)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    """Shown when the data dir has no database yet. ``create`` does the real work."""

    def __init__(
        self,
        create: Creator,
        keyring_problem: str | None = None,
        keep_apart: Iterable[Path] = (),
        parent=None,
        *,
        team: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SellerDesk — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self._create = create
        self.recovery_code: str | None = None
        self.key_id = ""  # of the new key, printed with the code (set by the creator's caller)
        self.mode: str | None = None
        self.mode_page = ModePage(keyring_problem)
        self.password_page = PasswordPage()
        self.recovery_page = RecoveryPage(keep_apart, team=team)
        self.setPage(PAGE_MODE, self.mode_page)
        self.setPage(PAGE_PASSWORD, self.password_page)
        self.setPage(PAGE_RECOVERY, self.recovery_page)
        self.setStartId(PAGE_MODE)
        self.resize(620, 440)

    def create_database(self, mode: str, password: str | None) -> bool:
        if self.recovery_code is not None:
            return True
        try:
            self.recovery_code = self._create(mode, password)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the creator leaves nothing half-made
            QMessageBox.critical(self, self.tr("Could not create the database"), str(exc))
            return False
        self.mode = mode
        # No going back once the database exists.
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        return True

    def reject(self) -> None:
        if self.recovery_code is not None:  # created: the code must be confirmed, not skipped
            return
        super().reject()
