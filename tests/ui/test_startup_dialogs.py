"""First-run wizard, unlock dialog and the start-up sequence, offscreen."""

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

from sellerdesk import app as app_module
from sellerdesk.store import customers
from sellerdesk.store.errors import WrongKeyError
from sellerdesk.store.keys import MODE_KEYRING, MODE_PASSWORD
from sellerdesk.store.session import DataDir
from sellerdesk.ui.startup.first_run import PAGE_PASSWORD, PAGE_RECOVERY, FirstRunWizard
from sellerdesk.ui.startup.unlock import UnlockDialog
from sellerdesk.ui.widgets import dialogs


def test_wizard_password_mode(qtbot):
    calls = []

    def create(mode, password):
        calls.append((mode, password))
        return "ABCDE-FGHJK-MNPQR-STVWX-YZ012"

    wizard = FirstRunWizard(create, keyring_problem="No usable OS keyring was found.")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.mode_page
    assert not page.keyring_radio.isEnabled() and page.password_radio.isChecked()
    assert "No usable OS keyring" in page.keyring_note.text()
    wizard.next()
    assert wizard.currentId() == PAGE_PASSWORD
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    wizard.password_page.password.setText("short")
    wizard.password_page.confirm.setText("short")
    assert not next_button.isEnabled()
    wizard.password_page.confirm.setText("")
    wizard.password_page.password.setText("long enough 1")
    # not typed again yet: no red "differ" (stranger QA), and Next waits
    assert wizard.password_page.problem.text() == "" and not next_button.isEnabled()
    wizard.password_page.confirm.setText("long enough 2")
    assert not next_button.isEnabled()
    assert "differ" in wizard.password_page.problem.text()
    wizard.password_page.confirm.setText("long enough 1")
    assert next_button.isEnabled()
    wizard.next()
    assert calls == [(MODE_PASSWORD, "long enough 1")]
    assert wizard.currentId() == PAGE_RECOVERY
    assert wizard.recovery_page.code_label.text() == "ABCDE-FGHJK-MNPQR-STVWX-YZ012"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # cannot skip the code once the database exists
    assert wizard.isVisible()
    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()


def test_wizard_keyring_mode_and_creation_error(qtbot, monkeypatch):
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: errors.append(a[2]))
    attempts = []

    def create(mode, password):
        attempts.append(mode)
        if len(attempts) == 1:
            raise RuntimeError("The OS keyring is locked.")
        return "ABCDE-FGHJK-MNPQR-STVWX-YZ012"

    wizard = FirstRunWizard(create, keyring_problem=None)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.mode_page.keyring_radio.isChecked()
    wizard.next()
    assert errors == ["The OS keyring is locked."] and wizard.currentId() == 0
    wizard.next()
    assert attempts == [MODE_KEYRING, MODE_KEYRING]
    assert wizard.currentId() == PAGE_RECOVERY


def test_unlock_dialog_wrong_then_right(qtbot):
    def try_unlock(text):
        if text != "right password":
            raise WrongKeyError()
        return b"k" * 32

    dialog = UnlockDialog(try_unlock, MODE_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert "type" in dialog.error.text()
    dialog.secret.setText("wrong")
    dialog.accept()
    assert dialog.isVisible() and "Wrong" in dialog.error.text()
    dialog.secret.setText("right password")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key == b"k" * 32


@pytest.fixture
def scripted(monkeypatch):
    """Replace dialogs.launch with a script of callables, one per modal shown."""
    script = []
    shown = []

    def fake_launch(dialog):
        shown.append(type(dialog).__name__)
        return script.pop(0)(dialog)

    monkeypatch.setattr(dialogs, "launch", fake_launch)
    return script, shown


def test_start_first_run_then_unlock(qtbot, scripted, isolated_environment, memory_keyring, fast_kdf, qapp):
    script, shown = scripted
    datadir = DataDir(isolated_environment, memory_keyring)

    def run_wizard(wizard):
        wizard.show()
        wizard.next()  # keyring mode creates the database
        wizard.recovery_page.confirm.setChecked(True)
        wizard.next()
        return 1

    script.append(run_wizard)
    window = app_module.start(qapp, datadir)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("SellerDesk")
    customers.create_customer({"name": "张三"})
    datadir.close()

    # Second start: the keyring has the key, so no dialog at all.
    window2 = app_module.start(qapp, datadir)
    qtbot.addWidget(window2)
    assert shown == ["FirstRunWizard"]
    assert window2.pages.currentWidget() is window2.today_page  # the start page: 今日待办
    window2.show_customers()
    assert "1" in window2.summary.text()
    datadir.close()

    # The keyring forgot the key (new machine): the unlock dialog takes the recovery code.
    code = window2.context.datadir.vault.recovery_code(window2.context.key)
    memory_keyring.data.clear()

    def type_code(dialog):
        dialog.secret.setText(code)
        dialog.accept()
        return dialog.result()

    script.append(type_code)
    window3 = app_module.start(qapp, datadir)
    qtbot.addWidget(window3)
    assert shown == ["FirstRunWizard", "UnlockDialog"]
    assert memory_keyring.data, "the recovered key goes back into the keyring"
    datadir.close()


def test_start_quits_when_unlock_cancelled(qtbot, scripted, isolated_environment, fast_kdf, qapp):
    script, _ = scripted
    datadir = DataDir(isolated_environment, None)
    datadir.initialize(MODE_PASSWORD, "long enough pw")
    datadir.close()
    before = datadir.db_path.read_bytes()
    script.append(lambda dialog: QDialog.DialogCode.Rejected)
    assert app_module.start(qapp, datadir) is None
    assert datadir.db_path.read_bytes() == before


def test_start_reports_newer_schema(qtbot, scripted, isolated_environment, memory_keyring, fast_kdf, qapp):
    script, shown = scripted
    datadir = DataDir(isolated_environment, memory_keyring)
    datadir.initialize(MODE_KEYRING)
    from sellerdesk.store.models import DB

    DB.execute_sql("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    datadir.close()
    messages = []
    script.append(lambda box: messages.append(box.text()) or 0)
    assert app_module.start(qapp, datadir) is None
    assert shown == ["QMessageBox"] and "newer SellerDesk" in messages[0]
