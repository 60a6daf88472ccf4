"""Loading translations: ours (resources/translations/*.qm) and Qt's own dialogs'.

zh_CN is chosen by default on a Chinese system locale, English otherwise; the
``ui/language`` setting (``auto``, ``zh_CN``, ``en``) overrides it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sellerdesk.paths import resource

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []
_loaded: list[bytes] = []  # the .qm data our translators read from (alive as long as they are)


def pick_language(setting: object, locale: QLocale | None = None) -> str:
    """``setting`` is what QSettings read: any type, since settings.ini is a file a user may
    edit ("zh_CN, en" reads back as a list); only a known language code is obeyed."""
    if isinstance(setting, str) and setting in LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def remove_translations(app: QCoreApplication) -> None:
    """Remove the translators :func:`install_translations` installed (the texts as written: tests)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def install_translations(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` (replacing earlier ones); return it."""
    remove_translations(app)
    _loaded.clear()
    ours = ("sellerdesk_" + language, str(resource("translations")))
    if language == "en":
        # Qt's dialogs are English already; ours brings the English plurals ("%n minute(s) ago"
        # → "13 minutes ago": without it the app said "13 minute(s) ago", QA)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        wanted = [ours]
    else:
        QLocale.setDefault(QLocale(language))
        wanted = [("qtbase_" + language, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), ours]
    for name, directory in wanted:
        translator = QTranslator(app)
        if _load(translator, name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.info("no translation %s in %s", name, directory)
    return language


def _load(translator: QTranslator, name: str, directory: str) -> bool:
    """Our own .qm is read into memory (kept in ``_loaded``: Qt does not copy it) rather than
    mapped: a file replaced while the app runs (an update, a rebuild) then leaves the texts as
    they were, where a mapped file turned the whole window English."""
    path = Path(directory) / f"{name}.qm"
    if name.startswith("sellerdesk_") and path.is_file():
        data = path.read_bytes()
        if translator.load(data):
            _loaded.append(data)
            return True
        return False
    return translator.load(name, directory)
