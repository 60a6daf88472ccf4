"""A team window as the app opens one, for the team UI tests."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sellerdesk.store.team_server import TeamServer


def team_window(qtbot, data_dir, user: str):
    """The main window of a team database as ``user`` (already bound by the test). The app opens a
    team with no local key (app.py: ``AppContext(datadir, b"", …)``); the backup unlocks it."""
    from sellerdesk.ui.context import AppContext
    from sellerdesk.ui.main_window import MainWindow

    context = AppContext(data_dir, b"", QSettings(str(data_dir.home / "team.ini"), QSettings.Format.IniFormat))
    context.team = TeamServer(host="127.0.0.1", user=user)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.reminded = True
    return win
