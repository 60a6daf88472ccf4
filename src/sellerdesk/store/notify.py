"""Others' changes, as they happen (team mode, issue 20).

On a team server, triggers of schema step 15 (``migrations.PG_NOTIFY_TRIGGERS``) tell the
channel :data:`~sellerdesk.store.migrations.CHANGES_CHANNEL` that a committed statement wrote
rows of ``customer``, ``address`` or ``orders`` — since step 17 (``migrations.PG_NOTIFY_V17``) the
table only, no ids: anyone may LISTEN, and a helper must not learn which customers changed in
others' regions. A listener re-reads what it can see (the server's row-level security decides).
:class:`ChangeListener` listens on a connection of its own (autocommit, ``LISTEN``) and hands
each batch of :class:`Change` to a plain callback, leaving out the ones this program's own
connections made (their server process ids, ``TeamDatabase.backend_pids``): those views are
already refreshed by the write itself.

:meth:`ChangeListener.run` blocks until its cancel token is set (it looks every
``timeout`` seconds); the caller runs it on a thread of its own (the app: ``ui/team/live.py``).
A dropped connection is opened again after a pause, and ``on_state(False)`` / ``on_state(True)``
say so. A local file has one user: :func:`listener_for` gives None and nothing listens.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sellerdesk.progress import CancelToken
from sellerdesk.store.migrations import CHANGES_CHANNEL
from sellerdesk.store.postgres import TeamDatabase, is_postgres

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


@dataclass(frozen=True)
class Change:
    """Rows of ``table`` written by someone else; ``ids`` None: not named (re-read what is shown).
    The server names none since schema 17; a payload of an older server may still carry them."""

    table: str
    ids: tuple[int, ...] | None


def parse_payload(payload: str) -> Change | None:
    """A notification's text as a :class:`Change` (None when it is not one of ours)."""
    try:
        doc = json.loads(payload)
        table = str(doc["table"])
        ids = doc.get("ids")
        return Change(table, None if ids is None else tuple(int(i) for i in ids))
    except (ValueError, KeyError, TypeError):
        return None


class ChangeListener:
    """Listens for others' changes on ``db``'s server; ``callback(changes)`` on the listening thread."""

    def __init__(
        self,
        db: TeamDatabase,
        callback: Callable[[Sequence[Change]], None],
        *,
        timeout: float = 1.0,
        on_state: Callable[[bool], None] | None = None,
    ) -> None:
        self.db = db
        self.callback = callback
        self.timeout = timeout
        self.on_state = on_state
        self.own_pids = db.backend_pids  # the set itself: connections opened later count too

    def _connect(self) -> Any:
        import psycopg

        conn = psycopg.connect(dbname=self.db.database, autocommit=True, **self.db.connect_params)
        conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        return conn

    def run(self, token: CancelToken) -> None:
        """Listen until ``token`` is cancelled."""
        import psycopg

        conn = None
        connected: bool | None = None
        while not token.cancelled:
            try:
                if conn is None:
                    conn = self._connect()
                    if connected is not True and self.on_state is not None:
                        self.on_state(True)
                    connected = True
                changes = self.wait(conn)
                if changes:
                    self.callback(changes)
            except psycopg.OperationalError as exc:
                log.warning("change notifications: connection lost (%s); trying again", str(exc).strip()[:200])
                if conn is not None:
                    conn.close()
                conn = None
                if connected is not False and self.on_state is not None:
                    self.on_state(False)
                connected = False
                token_wait(token, RETRY_SECONDS)
        if conn is not None:
            conn.close()

    def wait(self, conn: Any) -> list[Change]:
        """The others' changes that arrive within ``timeout`` seconds (a burst read whole)."""
        notes = list(conn.notifies(timeout=self.timeout, stop_after=1))
        if notes:
            notes += conn.notifies(timeout=0.05)  # the rest of a burst, handed over together
        found: list[Change] = []
        for note in notes:
            if note.channel != CHANGES_CHANNEL or note.pid in self.own_pids:
                continue
            change = parse_payload(note.payload)
            if change is not None:
                found.append(change)
        return found


def token_wait(token: CancelToken, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not token.cancelled and time.monotonic() < deadline:
        time.sleep(0.1)


def listener_for(
    db: Any, callback: Callable[[Sequence[Change]], None], *, on_state: Callable[[bool], None] | None = None
) -> ChangeListener | None:
    """A listener for the bound database (``DB`` or a database): None for a local file."""
    obj = getattr(db, "obj", db)
    if not is_postgres(obj) or not isinstance(obj, TeamDatabase):
        return None
    return ChangeListener(obj, callback, on_state=on_state)
