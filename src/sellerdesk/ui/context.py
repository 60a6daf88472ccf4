"""What every window shares once the store is unlocked: the data dir, settings, app-wide signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from sellerdesk import private_files
from sellerdesk.store.session import DataDir
from sellerdesk.store.team_server import TeamServer


class AppContext(QObject):
    """Owned by the application object; passed to the main window and dialogs.

    Signals are the app-wide events: views refresh on ``customers_changed`` and the status
    bar follows ``backup_finished``. ``orders_changed`` follows every order write (the
    orders view reloads, the customer table's counts and tiers are read again).
    ``mask_phones`` is the window's Ctrl+M switch, which dialogs follow too; ``mask_forced``: the
    team role masks phones (a helper without the phones permission), nothing may unmask them.
    ``team`` is the team server the store is bound to (``store.team_server.TeamServer``), None
    for the data on this computer (then ``datadir``/``key`` are the open file's).
    """

    customers_changed = Signal()
    orders_changed = Signal()
    backup_finished = Signal(str)

    def __init__(self, datadir: DataDir, key: bytes, settings: QSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.datadir = datadir
        self.key = key
        self.settings = settings if settings is not None else settings_for(datadir)
        self.mask_phones = False
        self.mask_forced = False
        self.team: TeamServer | None = None


def settings_for(datadir: DataDir) -> QSettings:
    """Settings live in the data dir (an INI file), so a data dir carries its own preferences.
    The file is made private (0600) first: QSettings keeps the mode of the file it replaces."""
    path = datadir.home / "settings.ini"
    try:
        private_files.touch(path)
    except OSError:
        pass  # a read-only data folder: QSettings cannot write it either, and says nothing
    return QSettings(str(path), QSettings.Format.IniFormat)
