"""Others' changes on the team server refresh this window without a restart (issue 20).

``store.notify.ChangeListener.run`` blocks on a connection of its own; :class:`LiveRefresh`
runs it on a QThread of its own (not the job pool: it never ends, and the pool's threads are
for work that does). Each batch crosses to the UI thread as a queued signal; batches are
collected for :data:`COALESCE_MS` and then become one ``customers_changed`` (customers or
addresses written) or ``orders_changed`` (orders only) of the app's context, so a burst of
writes (an import on another computer) reloads the table once. ``touched`` names the customers
whose own row changed (None: not named — the server sends no ids since schema 17 — so the
editor reads its one customer again), for the editor.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from sellerdesk.progress import CancelToken
from sellerdesk.store import notify
from sellerdesk.store.models import DB

log = logging.getLogger(__name__)

COALESCE_MS = 700


class _ListenThread(QThread):
    arrived = Signal(list)
    state = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.listener = notify.listener_for(DB, self.arrived.emit, on_state=self.state.emit)

    def run(self) -> None:
        if self.listener is not None:
            try:
                self.listener.run(self.token)
            except Exception:  # never take the app down: the window keeps its own refreshes
                log.exception("change notifications stopped")


class LiveRefresh(QObject):
    touched = Signal(object)  # a set of customer ids, or None: any
    connected = Signal(bool)

    def __init__(self, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pending: list[notify.Change] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COALESCE_MS)
        self.timer.timeout.connect(self.flush)
        self.thread: _ListenThread | None = None
        self.stopped = False

    def start(self) -> bool:
        """Listen (a team server only); False when there is nothing to listen to."""
        thread = _ListenThread(self)
        if thread.listener is None:
            return False
        thread.arrived.connect(self.receive)
        thread.state.connect(self.connected)
        self.thread = thread
        thread.start()
        return True

    def start_soon(self) -> None:
        """:meth:`start` once the event loop runs (not while the window is still being built);
        never after :meth:`stop`."""
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(lambda: None if self.stopped else self.start())
        self._soon.start(0)

    def stop(self) -> None:
        self.stopped = True
        if self.thread is not None:
            self.thread.token.cancel()
            self.thread.wait()
            self.thread = None

    def receive(self, changes: list) -> None:
        self.pending.extend(changes)
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        changes, self.pending = self.pending, []
        if not changes:
            return
        tables = {c.table for c in changes}
        if tables & {"customer", "address"}:
            self.context.customers_changed.emit()
        elif "orders" in tables:
            self.context.orders_changed.emit()
        ids: set[int] | None = set()
        for change in changes:
            if change.table == "customer":
                if change.ids is None:
                    ids = None
                    break
                ids.update(change.ids)
        if ids is None or ids:
            self.touched.emit(ids)
