from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from sellerdesk.i18n import install_translations, pick_language, remove_translations


def test_pick_language_follows_locale_and_setting():
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert pick_language("auto", chinese) == "zh_CN"
    assert pick_language(None, english) == "en"
    assert pick_language("en", chinese) == "en"
    assert pick_language("zh_CN", english) == "zh_CN"


def test_a_hand_edited_language_setting_falls_back_to_the_locale(tmp_path):
    """settings.ini is a text file a user may edit: "language=zh_CN, en" reads back as a list
    (QSettings splits at commas), and a number as whatever INI gives; neither may stop the app."""
    ini = tmp_path / "settings.ini"
    ini.write_text("[ui]\nlanguage=zh_CN, en\n", encoding="utf-8")
    value = QSettings(str(ini), QSettings.Format.IniFormat).value("ui/language", "auto")
    assert value == ["zh_CN", "en"]
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert pick_language(value, english) == "en"
    assert pick_language(7, english) == "en"


def test_install_both_languages(qapp):
    try:
        assert install_translations(qapp, "zh_CN") == "zh_CN"
        assert QLocale().language() == QLocale.Language.Chinese
        assert install_translations(qapp, "en") == "en"
        assert QLocale().language() == QLocale.Language.English
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        # the English plurals (QA: "13 minute(s) ago")
        assert QCoreApplication.translate("BackupController", "Last backup %n minute(s) ago", "", 13) == (
            "Last backup 13 minutes ago"
        )
        assert QCoreApplication.translate("BackupController", "Last backup %n minute(s) ago", "", 1) == (
            "Last backup 1 minute ago"
        )
    finally:
        remove_translations(qapp)


def test_the_texts_stay_chinese_when_the_translation_file_is_replaced(qapp, tmp_path, monkeypatch):
    """The .qm is read into memory: replacing the file while the app runs (an update) changes nothing."""
    import shutil

    from PySide6.QtCore import QCoreApplication

    from sellerdesk import i18n

    folder = tmp_path / "translations"
    shutil.copytree(i18n.resource("translations"), folder)
    monkeypatch.setattr(i18n, "resource", lambda name: folder if name == "translations" else None)
    try:
        i18n.install_translations(qapp, "zh_CN")
        assert QCoreApplication.translate("MainWindow", "Orders") == "订单"
        (folder / "sellerdesk_zh_CN.qm").write_bytes(b"\0" * 64)  # rewritten in place
        assert QCoreApplication.translate("MainWindow", "Orders") == "订单"
    finally:
        i18n.remove_translations(qapp)


def test_qt_file_dialog_has_no_english_label_in_zh_cn(qapp, qtbot):
    """qtbase_zh_CN.qm leaves "&Look in:" and "Files of &type:" English (a seller saw them in
    保存恢复码); our translation fills Qt's gaps (sellerdesk/qt_gaps.py)."""
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel

    try:
        install_translations(qapp, "zh_CN")
        for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
            dialog = QFileDialog(None, "t", "", "文本文件 (*.txt)")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(mode)
            qtbot.addWidget(dialog)
            labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
            assert any("查找范围" in text for text in labels)
            assert [text for text in labels if re.search("[A-Za-z]{3,}", text)] == []
        # the 类型 column of the file list (Qt 6 asks another context than its zh_CN file has)
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    finally:
        remove_translations(qapp)
