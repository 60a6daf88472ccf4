"""Loading translations: ours (resources/translations/*.qm) and Qt's own dialogs'.

zh_CN is chosen by default on a Chinese system locale, English otherwise; the
``ui/language`` setting (``auto``, ``zh_CN``, ``en``) overrides it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sellerdesk.paths import resource

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []


def pick_language(setting: object, locale: QLocale | None = None) -> str:
    """``setting`` is what QSettings read: any type, since settings.ini is a file a user may
    edit ("zh_CN, en" reads back as a list); only a known language code is obeyed."""
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translations(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` (replacing earlier ones); return it."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase_" + language, qt_dir), ("sellerdesk_" + language, str(resource("translations")))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.info("no translation %s in %s", name, directory)
    return language
