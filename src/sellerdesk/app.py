"""The application: single-instance lock, first run or unlock, migrate, main window.

``main()`` is the ``sellerdesk`` entry point. Start-up order:

1. one instance per data dir (a second launch raises the first window and exits);
2. finish or undo a restore that was interrupted, and remove what killed backups left
   (``DataDir.is_initialized`` and ``backup.clean_leftovers``);
   no database yet → the first-run wizard (keyring or master password, recovery code);
   otherwise unlock: ``SELLERDESK_PASSPHRASE``, the keyring, or the unlock dialog;
3. open the store (migrating, with a copy taken first) — or, when ``SELLERDESK_DATABASE_URL``
   (``store.team_env``, as for ``sellerdesk-cli``; it wins over the settings) or 文件 › 团队服务器…
   says so, the team database (``ui/startup/team.py``: the password from the environment, the
   keyring or a dialog; an unreachable server or a cancelled password is said plainly, with
   retry / open this computer's data / quit);
4. the main window.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from sellerdesk import APP_NAME, __version__
from sellerdesk.i18n import install_translations, pick_language
from sellerdesk.logsetup import setup_logging
from sellerdesk.paths import log_dir, resource
from sellerdesk.store import team_env
from sellerdesk.store.errors import BadServerUrlError, StoreError
from sellerdesk.store.keys import MODE_KEYRING
from sellerdesk.store.secrets import KeyringUnavailable
from sellerdesk.store.session import DataDir, NeedsSecretError
from sellerdesk.ui import data_files
from sellerdesk.ui.context import AppContext, settings_for
from sellerdesk.ui.startup import keyring_text
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, storage_text

if TYPE_CHECKING:
    from sellerdesk.store.team_server import TeamServer
    from sellerdesk.ui.main_window import MainWindow  # imported when the store is open (start-up time)

log = logging.getLogger("sellerdesk.app")


def app_icon() -> QIcon:
    """The app icon in every rendered size (window, taskbar, Alt+Tab)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource("appicon", f"sellerdesk-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def follow_system_theme(app: QApplication) -> None:
    """Re-apply the style's palette when the OS switches between light and dark."""
    hints = app.styleHints()
    if hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(lambda _scheme: app.setPalette(app.style().standardPalette()))


def _cannot_start(exc: OSError) -> None:
    """The data folder cannot be used (read-only, a full disk, a file in its place): said in one line."""
    dialogs.error(
        None,
        QCoreApplication.translate("App", "SellerDesk cannot start"),
        storage_text(exc)
        or QCoreApplication.translate("App", "The data folder cannot be used: %1").replace("%1", str(exc)),
    )


def first_run(datadir: DataDir, *, bind: bool = True, team: bool = False) -> bytes | None:
    """Run the first-run wizard; return the new key, or None if the user quit (``bind``: as
    ``DataDir.initialize``'s; ``team``: run from a team window, whose Help menu has no Show
    recovery code, so the wizard's last page says where the code shows again)."""
    from sellerdesk.store.keys import key_id
    from sellerdesk.ui.keys.recovery import keep_apart_folders
    from sellerdesk.ui.startup.first_run import FirstRunWizard

    problem = datadir.keyring_usable()
    created: dict[str, bytes] = {}

    def create(mode: str, password: str | None) -> str:
        key, code = datadir.initialize(mode, password, bind=bind)
        created["key"] = key
        wizard.key_id = key_id(key)
        return code

    wizard = FirstRunWizard(create, keyring_text.describe(problem) or None, keep_apart_folders(datadir.home), team=team)
    dialogs.launch(wizard)
    return created.get("key")


def unlock(datadir: DataDir) -> bytes | None:
    """Unlock without asking if possible, else with the unlock dialog; None if the user quit."""
    from sellerdesk.ui.startup.unlock import UnlockDialog

    try:
        return datadir.unlock_headless()
    except NeedsSecretError as exc:
        reason = keyring_text.describe(exc) if exc.mode == MODE_KEYRING else ""
        dialog = UnlockDialog(datadir.unlock_with_secret, exc.mode, reason)
        if dialogs.launch(dialog) != QDialog.DialogCode.Accepted or dialog.key is None:
            return None
        key = dialog.key
        if exc.mode == MODE_KEYRING and datadir.keyring_usable() is None:
            try:
                datadir.vault.save_to_keyring(key)  # new machine: remember the key from now on
            except KeyringUnavailable:
                log.warning("could not put the recovered key back into the keyring")
        return key


def start(app: QApplication, datadir: DataDir) -> MainWindow | None:
    """Everything after the lock: returns the main window, or None to quit."""
    from sellerdesk.backup import clean_leftovers
    from sellerdesk.ui.startup.team import LOCAL, OPENED, open_team_database
    from sellerdesk.ui.team.settings import asks_password, team_at_start

    settings = settings_for(datadir)
    server: TeamServer | None = None
    try:
        login = team_env.from_environment()
    except BadServerUrlError as exc:  # SELLERDESK_DATABASE_URL is no server's: said, never ignored
        login = None
        if team_url_refused(exc) != LOCAL:
            return None
    else:  # the environment wins over the settings (文件 › 团队服务器…)
        server = login.server() if login is not None else team_at_start(settings)
    if server is not None:  # the team database instead of this computer's
        outcome = open_team_database(
            server,
            datadir.secret_store,
            password=login.password if login is not None else None,
            ask_always=login is None and asks_password(settings),
            settings=settings if login is None else None,
        )
        if outcome == OPENED:
            return _main_window(app, AppContext(datadir, b"", settings, parent=app), server)
        if outcome != LOCAL:
            return None
    try:
        clean_leftovers(datadir.home)  # what a killed backup left (the restore's: is_initialized)
        if not datadir.is_initialized():
            key = first_run(datadir)
            if key is None:
                return None
        else:
            key = unlock(datadir)
            if key is None:
                return None
            datadir.open(key)
    except (StoreError, KeyringUnavailable, OSError) as exc:
        log.error("start-up failed: %s", exc)
        dialogs.error(None, QCoreApplication.translate("App", "SellerDesk cannot start"), error_text(exc))
        return None
    return _main_window(app, AppContext(datadir, key, settings, parent=app))


def team_url_refused(exc: BadServerUrlError) -> str:
    """``SELLERDESK_DATABASE_URL`` is not a server address: said, with 打开本机数据 / 退出."""
    from sellerdesk.ui.startup.team import choose

    text = QCoreApplication.translate("App", "%1 is not a PostgreSQL server address SellerDesk can use: %2").replace(
        "%1", team_env.URL_ENV
    )
    return choose(None, text.replace("%2", exc.url), can_retry=False)


def _main_window(app: QApplication, context: AppContext, team: TeamServer | None = None) -> MainWindow:
    from sellerdesk.ui.main_window import MainWindow

    context.team = team
    window = MainWindow(context)
    # the start-up objects leave the garbage collector's way (issue 21): this window's, not the class's
    # (a test that opened the app's window left every later test's windows freezing)
    window.FREEZE_GC = True
    window.context = context
    window.show_start_page()  # 今日待办
    return window


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    data_files.guard()  # before any file dialog can open the database's files (ui/data_files.py)
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)
    existing = QApplication.instance()  # a QCoreApplication to the type checker
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("sellerdesk")
    app.setWindowIcon(app_icon())
    follow_system_theme(app)
    try:
        datadir = DataDir.default()
        setup_logging(log_dir())
    except OSError as exc:
        _cannot_start(exc)
        return 1
    install_translations(app, pick_language(settings_for(datadir).value("ui/language", "auto")))

    from sellerdesk.single_instance import SingleInstance

    instance = SingleInstance(datadir.home)
    try:
        acquired = instance.acquire()
    except OSError as exc:  # the lock file cannot be made (a full disk …): said, not "already running"
        log.warning("the data folder cannot be written: %s", exc)
        _cannot_start(exc)
        return 1
    if not acquired:
        raised = instance.notify_running()
        log.info("another SellerDesk is running on %s (raised: %s)", datadir.home, raised)
        if not raised:
            dialogs.information(None, APP_NAME, QCoreApplication.translate("App", "SellerDesk is already running."))
        return 0
    try:
        window = start(app, datadir)
        if window is None:
            return 0

        def bring_to_front() -> None:  # a second launch asked for this window
            window.showNormal()
            window.raise_()
            window.activateWindow()

        instance.activation_requested.connect(bring_to_front)
        window.show()
        return app.exec()
    finally:
        datadir.close()
        instance.release()


if __name__ == "__main__":
    sys.exit(main())
