"""The key dialogs (pytest-qt, offscreen): new master password, keyring ↔ password, new
recovery code, and the recovery code's copy / print / save."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QPdfWriter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget, QWizard

from sellerdesk.store.errors import WrongKeyError
from sellerdesk.store.keys import MODE_KEYRING, MODE_PASSWORD
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.keys.actions import KeysController
from sellerdesk.ui.keys.change_dialogs import NewPasswordDialog, NewRecoveryCodeDialog, UseKeyringDialog
from sellerdesk.ui.keys.recovery import RecoveryCodeBox, RecoveryCodeDialog, paint_sheet
from sellerdesk.ui.startup.first_run import PAGE_RECOVERY, FirstRunWizard
from sellerdesk.ui.widgets.forms import ok_button

OLD = "amber kettle orbit seventy"
NEW = "quiet walnut ferry lantern"


def make_context(home: Path, mode: str, keyring: MemorySecretStore) -> AppContext:
    datadir = DataDir(home, keyring)
    key, code = datadir.initialize(mode, OLD if mode == MODE_PASSWORD else None)
    datadir.code = code  # type: ignore[attr-defined]
    return AppContext(datadir, key, QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def keyring():
    return MemorySecretStore()


@pytest.fixture
def password_context(isolated_environment, fast_kdf, keyring, qapp):
    context = make_context(isolated_environment, MODE_PASSWORD, keyring)
    yield context
    context.datadir.close()


@pytest.fixture
def keyring_context(isolated_environment, fast_kdf, keyring, qapp):
    context = make_context(isolated_environment, MODE_KEYRING, keyring)
    yield context
    context.datadir.close()


def db_digest(context: AppContext) -> str:
    return hashlib.sha256(context.datadir.db_path.read_bytes()).hexdigest()


def opens(context: AppContext, secret: str) -> bool:
    try:
        return context.datadir.unlock_with_secret(secret) == context.key
    except WrongKeyError:
        return False


def test_change_password_dialog(qtbot, password_context, sync_jobs):
    context = password_context
    keyfile, db = context.datadir.keyfile_path.read_bytes(), db_digest(context)
    dialog = NewPasswordDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.current.isVisibleTo(dialog)
    dialog.current.setText("not my password at all")
    dialog.password.setText("woaini1314")
    dialog.confirm.setText("woaini1314")
    assert not ok_button(dialog.buttons).isEnabled()
    assert "common passwords" in dialog.error.text()
    dialog.confirm.setText("")
    dialog.password.setText(NEW)
    assert dialog.error.text() == "" and not ok_button(dialog.buttons).isEnabled()  # not typed again yet
    dialog.confirm.setText(NEW + "x")
    assert "differ" in dialog.error.text() and not ok_button(dialog.buttons).isEnabled()
    dialog.confirm.setText(NEW)
    assert ok_button(dialog.buttons).isEnabled() and dialog.error.text() == ""
    dialog.accept()  # wrong current password
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "Wrong password or recovery code. Nothing was changed."
    assert context.datadir.keyfile_path.read_bytes() == keyfile
    dialog.current.setText(OLD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert opens(context, NEW) and not opens(context, OLD)
    assert db_digest(context) == db


def test_use_password_dialog_from_keyring_mode(qtbot, keyring_context, keyring, sync_jobs):
    dialog = NewPasswordDialog(keyring_context)
    qtbot.addWidget(dialog)
    assert not dialog.current.isVisibleTo(dialog), "keyring mode has no current password"
    assert "keyring" in dialog.intro.text()
    dialog.password.setText(NEW)
    dialog.confirm.setText(NEW)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert keyring_context.datadir.mode() == MODE_PASSWORD and keyring.data == {}
    assert opens(keyring_context, NEW)


def test_use_keyring_dialog_refuses_a_locked_keyring(qtbot, password_context, keyring, sync_jobs):
    keyring.locked = True
    keyfile = password_context.datadir.keyfile_path.read_bytes()
    dialog = UseKeyringDialog(password_context)
    qtbot.addWidget(dialog)
    # said as the dialog opens, before a password is typed for nothing (QA)
    assert "locked" in dialog.error.text() and not dialog.current.isEnabled()
    dialog.current.setText(OLD)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "locked" in dialog.error.text() and "Nothing was changed" in dialog.error.text()
    assert "\n" not in dialog.error.text()
    assert password_context.datadir.keyfile_path.read_bytes() == keyfile
    keyring.locked = False
    dialog.current.setText("a wrong password here")
    dialog.accept()
    assert "Wrong password" in dialog.error.text() and keyring.data == {}
    dialog.current.setText(OLD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert password_context.datadir.mode() == MODE_KEYRING
    assert password_context.datadir.unlock_headless() == password_context.key


def test_new_recovery_code_through_the_menu(qtbot, password_context, modals, sync_jobs):
    context = password_context
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = KeysController(context, parent)
    assert controller.change_password_action.isVisible() and not controller.use_password_action.isVisible()
    db = db_digest(context)

    def fill(dialog: NewRecoveryCodeDialog) -> None:
        dialog.current.setText(OLD)
        dialog.accept()

    modals.on(NewRecoveryCodeDialog, fill)
    controller.new_code_action.trigger()
    shown = modals.of(RecoveryCodeDialog)
    assert len(shown) == 1
    code = shown[0].box.code
    assert code != context.datadir.code
    assert "new recovery code" in shown[0].windowTitle().lower()
    assert not opens(context, context.datadir.code), "the old code stops working"
    assert opens(context, code) and opens(context, OLD)
    assert db_digest(context) == db
    controller.show_code_action.trigger()  # Help → Show recovery code shows the new one
    assert modals.of(RecoveryCodeDialog)[-1].box.code == code


def test_mode_switches_through_the_menu(qtbot, password_context, keyring, modals, sync_jobs):
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = KeysController(password_context, parent)

    def use_keyring(dialog: UseKeyringDialog) -> None:
        dialog.current.setText(OLD)
        dialog.accept()

    modals.on(UseKeyringDialog, use_keyring)
    controller.use_keyring_action.trigger()
    assert keyring.data and password_context.datadir.mode() == MODE_KEYRING
    assert controller.use_password_action.isVisible() and not controller.use_keyring_action.isVisible()
    assert any(isinstance(d, QMessageBox) and "without asking" in d.text() for d in modals)

    def use_password(dialog: NewPasswordDialog) -> None:
        dialog.password.setText(NEW)
        dialog.confirm.setText(NEW)
        dialog.accept()

    modals.on(NewPasswordDialog, use_password)
    controller.use_password_action.trigger()
    assert password_context.datadir.mode() == MODE_PASSWORD and keyring.data == {}
    assert controller.change_password_action.isVisible()


# --- the recovery code: copy, print, save -----------------------------------------------------------------


@pytest.fixture
def box(qtbot, tmp_path):
    widget = RecoveryCodeBox([tmp_path / "data", tmp_path / "backups"])
    qtbot.addWidget(widget)
    widget.set_code("7K2QM-ABCDE-FGHJK-MNPQR-STVWX", "0123456789abcdef")
    (tmp_path / "data").mkdir()
    (tmp_path / "backups").mkdir()
    return widget


def test_save_the_code_as_a_text_file(box, tmp_path):
    target = tmp_path / "usb" / "code"
    target.parent.mkdir()
    assert box.save_to(target)
    saved = target.with_name("code.txt")
    text = saved.read_text(encoding="utf-8")
    assert "7K2QM-ABCDE-FGHJK-MNPQR-STVWX" in text and "0123456789abcdef" in text
    assert "Not in the data folder" in text
    assert saved.stat().st_mode & 0o777 == 0o600
    assert str(saved) in box.status.text() and box.error.text() == ""


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("data/code.txt", "whoever gets that folder"),
        ("backups/sub/code.txt", "whoever gets that folder"),
        ("OneDrive/code.txt", "synced folder OneDrive"),
        ("missing/code.txt", "does not exist"),
    ],
)
def test_save_refuses_a_bad_place(box, tmp_path, where, says):
    target = tmp_path / where
    if "OneDrive" in where or "sub" in where:
        target.parent.mkdir(parents=True)
    assert not box.save_to(target)
    assert says in box.error.text() and "\n" not in box.error.text()
    assert not target.exists()


def test_save_through_the_file_dialog(box, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "safe.txt"), ""))
    box.save_button.click()
    assert "7K2QM" in (tmp_path / "safe.txt").read_text(encoding="utf-8")


def test_copy(box):
    box.copy_button.click()
    assert QGuiApplication.clipboard().text() == "7K2QM-ABCDE-FGHJK-MNPQR-STVWX"


def test_the_printed_sheet_as_a_pdf(box, tmp_path):
    path = tmp_path / "sheet.pdf"
    writer = QPdfWriter(str(path))
    paint_sheet(writer, box.code, box.key_id)
    del writer
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_print_through_the_print_dialog(box, tmp_path, modals):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    pdf = tmp_path / "printed.pdf"

    def to_pdf(dialog: QPrintDialog) -> None:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(pdf))
        dialog.setResult(QDialog.DialogCode.Accepted)

    modals.on(QPrintDialog, to_pdf)
    box.print_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in box.status.text()

    refused = tmp_path / "data" / "printed.pdf"

    def into_data(dialog: QPrintDialog) -> None:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(refused))
        dialog.setResult(QDialog.DialogCode.Accepted)

    modals.on(QPrintDialog, into_data)
    box.print_button.click()
    assert not refused.exists() and "whoever gets that folder" in box.error.text()


def test_recovery_code_dialog_says_it_can_be_shown_again(qtbot, tmp_path):
    dialog = RecoveryCodeDialog("7K2QM-ABCDE-FGHJK-MNPQR-STVWX", "0123456789abcdef", [tmp_path])
    qtbot.addWidget(dialog)
    assert dialog.box.code_label.text() == "7K2QM-ABCDE-FGHJK-MNPQR-STVWX"


# --- the first-run wizard's texts agree with the app --------------------------------------------------------


@pytest.mark.parametrize("mode", [MODE_PASSWORD, MODE_KEYRING])
def test_wizard_texts_agree_with_the_app(qtbot, mode, tmp_path):
    wizard = FirstRunWizard(lambda m, p: "ABCDE-FGHJK-MNPQR-STVWX-YZ012", None, [tmp_path])
    qtbot.addWidget(wizard)
    wizard.show()
    if mode == MODE_PASSWORD:
        wizard.mode_page.password_radio.setChecked(True)
        wizard.next()
        wizard.password_page.password.setText(NEW)
        wizard.password_page.confirm.setText(NEW)
    wizard.next()
    assert wizard.currentId() == PAGE_RECOVERY
    page = wizard.recovery_page
    texts = " ".join([page.subTitle(), page.explain.text()])
    assert "only now" not in texts and "Show recovery code" in texts  # it can be shown again, and says where
    assert ("keyring" in texts) == (mode == MODE_KEYRING)
    assert page.box.print_button.isVisibleTo(wizard) and page.box.save_button.isVisibleTo(wizard)
    page.confirm.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_keyring_problem_and_nothing_changed_read_as_two_chinese_sentences(chinese):
    from sellerdesk.store.secrets import KeyringUnavailable
    from sellerdesk.ui.keys.change_dialogs import keyring_problem

    text = keyring_problem(KeyringUnavailable(KeyringUnavailable.NO_BACKEND))
    assert text == "这台电脑上没有可用的系统钥匙串。没有做任何更改。"  # no space after 。


def test_change_password_dialog_refuses_the_password_in_use(qtbot, password_context, sync_jobs):
    context = password_context
    keyfile = context.datadir.keyfile_path.read_bytes()
    dialog = NewPasswordDialog(context)
    qtbot.addWidget(dialog)
    dialog.current.setText(OLD)
    dialog.password.setText(OLD)
    dialog.confirm.setText(OLD)
    assert not ok_button(dialog.buttons).isEnabled()
    assert dialog.error.text() == "The new password is the one in use now: type a different one."
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    # proved with the recovery code: the store finds the new password is the old one
    dialog.current.setText(context.datadir.code)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "The new password is the one in use now. Nothing was changed."
    assert context.datadir.keyfile_path.read_bytes() == keyfile


def test_use_password_dialog_refuses_the_recovery_code(qtbot, keyring_context, keyring, sync_jobs):
    dialog = NewPasswordDialog(keyring_context)
    qtbot.addWidget(dialog)
    code = keyring_context.datadir.code
    dialog.password.setText(code)
    dialog.confirm.setText(code)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == (
        "The new password is your recovery code: choose a password of your own. Nothing was changed."
    )
    assert keyring_context.datadir.mode() == MODE_KEYRING


def test_save_to_a_refused_place_names_the_reason_in_chinese(box, tmp_path, monkeypatch, qapp):
    """Writing the code where the OS refuses (chattr +i, a root-owned folder) said "无法保存 …：
    Operation not permitted" in zh_CN: the OS's reason is translated too."""
    import errno

    from sellerdesk.i18n import install_translations, remove_translations
    from sellerdesk.ui.keys import recovery

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(recovery, "write_atomic", refuse)
    try:
        install_translations(qapp, "zh_CN")
        assert not box.save_to(tmp_path / "usb.txt")
        assert "没有权限" in box.error.text() and "Operation" not in box.error.text()
    finally:
        remove_translations(qapp)


def test_the_app_and_the_cli_word_the_same_os_errors():
    import errno as errno_module

    from sellerdesk.os_errors import OS_ERRORS
    from sellerdesk.ui.widgets.errors import os_reason

    for code, english in OS_ERRORS.items():
        assert os_reason(OSError(code, "strerror")) == english  # English: the source words
    assert os_reason(OSError(errno_module.EBUSY, "Device or resource busy")) == "Device or resource busy"


def test_team_mode_hides_the_keys_and_says_why_instead_of_reading_a_key_file(tmp_path, qtbot, modals, chinese):
    """QA (H4): in team mode 修改主密码… logged FileNotFoundError on sellerdesk.keys.json and 显示恢复码…
    showed the raw [Errno 2]. A team window's data folder has no key file: the entries are hidden and
    disabled with a tooltip naming the server's login password, and a slot reached anyway says so."""
    from sellerdesk.store.team_server import TeamServer

    datadir = DataDir(tmp_path, MemorySecretStore())  # never initialised: no sellerdesk.keys.json
    context = AppContext(datadir, b"", QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    context.team = TeamServer(host="db.example.com", user="ann")
    window = QWidget()
    qtbot.addWidget(window)
    keys = KeysController(context, window)
    keys.menu.aboutToShow.emit()
    actions = (keys.show_code_action, keys.new_code_action, keys.change_password_action, keys.use_keyring_action)
    assert not keys.menu.menuAction().isVisible() and not keys.show_code_action.isVisible()
    for action in (*actions, keys.use_password_action):
        assert not action.isEnabled()
        assert "团队数据库的密码由服务器管理" in action.toolTip() and "文件 › 团队服务器…" in action.toolTip()
    for slot in (keys.change_password, keys.show_recovery_code, keys.new_recovery_code, keys.use_keyring):
        slot()
    assert len(modals) == 4
    for box in modals:
        assert isinstance(box, QMessageBox) and box.text().startswith("团队数据库的密码由服务器管理")
        assert "Errno" not in box.text()
    assert not (tmp_path / "sellerdesk.keys.json").exists()


def test_new_recovery_code_waits_for_the_current_password(qtbot, password_context):
    """QA L7: in master-password mode 生成新恢复码 stays greyed until the current password (or the
    recovery code) is typed; keyring mode asks for nothing, so it is ready at once."""
    dialog = NewRecoveryCodeDialog(password_context)
    qtbot.addWidget(dialog)
    assert dialog.current.isVisibleTo(dialog)
    assert not ok_button(dialog.buttons).isEnabled()
    dialog.current.setText(OLD)
    assert ok_button(dialog.buttons).isEnabled()
    dialog.current.setText("")
    assert not ok_button(dialog.buttons).isEnabled()
    for other in (UseKeyringDialog(password_context), NewPasswordDialog(password_context)):
        qtbot.addWidget(other)
        if isinstance(other, NewPasswordDialog):
            other.password.setText(NEW)
            other.confirm.setText(NEW)
        assert not ok_button(other.buttons).isEnabled(), type(other).__name__
        other.current.setText(OLD)
        assert ok_button(other.buttons).isEnabled(), type(other).__name__


def test_new_recovery_code_in_keyring_mode_needs_no_password(qtbot, keyring_context):
    dialog = NewRecoveryCodeDialog(keyring_context)
    qtbot.addWidget(dialog)
    assert not dialog.current.isVisibleTo(dialog)
    assert ok_button(dialog.buttons).isEnabled()


@pytest.mark.parametrize("team", [False, True])
def test_wizard_says_where_the_code_shows_again_in_a_local_and_a_team_window(qtbot, team, tmp_path):
    """The team window hides Help → Show recovery code: the wizard run from it (the team backup's
    local key) must not promise that entry there."""
    wizard = FirstRunWizard(lambda m, p: "ABCDE-FGHJK-MNPQR-STVWX-YZ012", None, [tmp_path], team=team)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == PAGE_RECOVERY
    text = wizard.recovery_page.explain.text()
    assert "Help → Show recovery code" in text
    assert ("A team window has no Show recovery code" in text) == team
    assert ("data on this computer" in text) == team
