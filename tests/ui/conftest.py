import pytest


@pytest.fixture
def sync_jobs(monkeypatch):
    """Jobs run on the calling thread: finished, their signals delivered, when started."""
    from sellerdesk.jobs import runner

    monkeypatch.setattr(runner, "synchronous", True)


@pytest.fixture
def modals(monkeypatch, qtbot):
    """Every modal goes through dialogs.launch: record each one and answer it. A handler set
    with ``modals.on(DialogClass, fn)`` runs ``fn(dialog)`` (it may fill the dialog in and
    call ``dialog.accept()``) and returns the dialog's result; questions are answered Yes
    (``modals.confirm = False``: No); any other dialog is cancelled."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from sellerdesk.ui.widgets import dialogs

    class Modals(list):
        confirm = True

        def __init__(self) -> None:
            super().__init__()
            self.handlers: dict[type, object] = {}

        def on(self, kind: type, handler) -> None:
            self.handlers[kind] = handler

        def of(self, kind: type) -> list:
            return [d for d in self if isinstance(d, kind)]

    seen = Modals()

    def fake_launch(dialog):
        seen.append(dialog)
        if dialog.parent() is None:
            qtbot.addWidget(dialog)  # closed and deleted before the QApplication goes
        for kind, handler in seen.handlers.items():
            if isinstance(dialog, kind):
                handler(dialog)
                return dialog.result()
        if isinstance(dialog, QMessageBox):
            if dialog.icon() == QMessageBox.Icon.Question:
                return QMessageBox.StandardButton.Yes if seen.confirm else QMessageBox.StandardButton.No
            return QMessageBox.StandardButton.Ok
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs, "launch", fake_launch)
    return seen


@pytest.fixture
def app_context(store, qapp):
    """The AppContext of a window, on the test's store (settings in its data dir)."""
    from PySide6.QtCore import QSettings

    from sellerdesk.ui.context import AppContext

    return AppContext(store, store.key, QSettings(str(store.home / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def laptop_window(app_context, qtbot, modals, sync_jobs):
    """The main window on demo-free test data, sized as on a 1366×768 laptop screen."""
    from sellerdesk.ui.main_window import MainWindow

    win = MainWindow(app_context)
    win.reminded = True  # the backup reminder has its own tests
    qtbot.addWidget(win)
    win.resize(1366, 738)
    win.show()
    yield win
    if win.backup is not None:
        win.backup.on_close = lambda: True  # no backup-on-exit prompts in tests
    win.editor._set_dirty(False)
    win.close()


@pytest.fixture
def chinese(qapp):
    """The app's zh_CN translation installed for the test."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    folder = Path(__file__).resolve().parents[2] / "resources" / "translations"
    assert translator.load("sellerdesk_zh_CN", str(folder))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
