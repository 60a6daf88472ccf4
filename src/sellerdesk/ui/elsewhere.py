"""Another program's changes to this computer's database refresh the window (stranger QA: a
scheduled ``sellerdesk-cli`` job's import, or a tier set in a terminal, showed only after
视图 › 刷新).

SQLite counts the commits of other connections: ``PRAGMA data_version`` answers a different
number once one has committed. :class:`LocalChanges` asks it every :data:`POLL_MS` on the UI
thread (it reads the WAL header, no table), and on a change the views read again through the
context's ``customers_changed`` / ``orders_changed`` and the editor its customer (``touched``),
as team mode's notifications do (``ui/team/live.py``). The app's own workers write through
connections of their own, so their commits move the number too: the window refreshes after
those already, so a change seen right after one of the app's own refreshes is taken as that one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from sellerdesk.store.models import DB

log = logging.getLogger(__name__)

POLL_MS = 2000


class LocalChanges(QObject):
    touched = Signal(object)  # None: any customer

    def __init__(self, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last: int | None = None
        self.own = False  # the app refreshed itself since the last poll
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        context.customers_changed.connect(self._own_refresh)
        context.orders_changed.connect(self._own_refresh)

    def start(self) -> None:
        self.last = self._version()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _own_refresh(self) -> None:
        self.own = True

    def _version(self) -> int | None:
        try:
            return int(DB.obj.execute_sql("PRAGMA data_version").fetchone()[0])
        except Exception:  # a closed or busy database: asked again at the next poll
            log.debug("data_version not read", exc_info=True)
            return None

    def poll(self) -> None:
        version = self._version()
        if version is None:
            return
        changed = self.last is not None and version != self.last
        self.last = version
        if self.own:  # the window read everything again itself since the last poll
            self.own = False
            return
        if changed:
            log.info("the database was changed by another program: the views read again")
            self.context.customers_changed.emit()
            self.context.orders_changed.emit()
            self.own = False  # (our own signals just set it)
            self.touched.emit(None)
