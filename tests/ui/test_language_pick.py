from PySide6.QtCore import QCoreApplication, QLocale

from sellerdesk.i18n import install_translations, pick_language


def test_pick_language_follows_locale_and_setting():
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert pick_language("auto", chinese) == "zh_CN"
    assert pick_language(None, english) == "en"
    assert pick_language("en", chinese) == "en"
    assert pick_language("zh_CN", english) == "zh_CN"


def test_install_both_languages(qapp):
    try:
        assert install_translations(qapp, "zh_CN") == "zh_CN"
        assert QLocale().language() == QLocale.Language.Chinese
        assert install_translations(qapp, "en") == "en"
        assert QLocale().language() == QLocale.Language.English
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        install_translations(qapp, "en")
