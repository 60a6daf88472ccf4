"""The first-run wizard's master-password page: a strength meter and one clear refusal."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from sellerdesk.i18n import install_translations, remove_translations
from sellerdesk.ui.startup.first_run import PAGE_PASSWORD, FirstRunWizard


@pytest.fixture
def password_page(qtbot):
    calls = []
    wizard = FirstRunWizard(lambda mode, pw: calls.append(pw) or "ABCDE-FGHJK-MNPQR-STVWX-YZ012", "no keyring")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == PAGE_PASSWORD
    wizard.calls = calls
    return wizard


def _type(wizard, password, confirm=None):
    page = wizard.password_page
    page.password.setText(password)
    page.confirm.setText(password if confirm is None else confirm)
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("woaini1314", "most common passwords"),
        ("zhangsan1990", "names in pinyin"),
        ("13812345678", "phone"),
        ("qwertyuiop", "most common passwords"),
    ],
)
def test_weak_passwords_are_refused_with_one_line(password_page, password, reason):
    page = password_page.password_page
    assert not _type(password_page, password)
    assert reason in page.problem.text() and "\n" not in page.problem.text()
    assert page.meter.label.text() in ("Strength: Very weak", "Strength: Weak", "Strength: Still weak")
    assert page.meter.bar.value() <= 3
    password_page.next()  # refused: stays on the page, creates nothing
    assert password_page.currentId() == PAGE_PASSWORD and password_page.calls == []


def test_strong_password_is_accepted_and_the_meter_says_so(password_page):
    page = password_page.password_page
    assert _type(password_page, "hidden kettle morning river")
    assert page.problem.text() == ""
    assert page.meter.label.text() == "Strength: Strong" and page.meter.bar.value() == page.meter.bar.maximum()
    password_page.next()
    assert password_page.calls == ["hidden kettle morning river"]


def test_reason_shows_while_typing_once_long_enough(password_page):
    page = password_page.password_page
    page.password.setText("zhang")
    assert page.problem.text() == ""  # not yet: still typing the first characters
    assert page.meter.label.text() == "Strength: Very weak"
    page.password.setText("zhangsan1990")
    assert "names in pinyin" in page.problem.text()  # before the confirmation is typed
    page.password.setText("")
    assert page.meter.label.text() == "" and page.meter.bar.value() == 0


def test_refusals_are_translated(qapp, qtbot):
    install_translations(qapp, "zh_CN")
    try:
        wizard = FirstRunWizard(lambda mode, pw: "ABCDE-FGHJK-MNPQR-STVWX-YZ012", "no keyring")
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.next()
        assert not _type(wizard, "woaini1314")
        assert wizard.password_page.problem.text() == "太容易被猜到：它本身就是（或基于）最常见的密码之一。"
        assert wizard.password_page.meter.label.text() == "强度：非常弱"
        assert _type(wizard, "hidden kettle morning river")
        assert wizard.password_page.meter.label.text() == "强度：强"
    finally:
        remove_translations(qapp)
        assert QCoreApplication.translate("StrengthMeter", "Strong") == "Strong"
