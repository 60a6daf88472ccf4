"""One SellerDesk per data directory: a lock file, and a local socket to raise the first window."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from sellerdesk import private_files


def server_name(data_dir: Path) -> str:
    return "sellerdesk-" + hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    """``acquire()`` is True for the first instance; later ones call ``notify_running()``."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        private_files.make_dir(data_dir)
        self._folder = data_dir
        self._lock = QLockFile(str(data_dir / "sellerdesk.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone
        self._name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True for the first instance, False while another holds the lock. A lock file that
        cannot be made at all (a full disk, a read-only or vanished folder) is no other
        SellerDesk: it raises the OSError that says why, naming the data folder (stranger QA:
        a full disk was said as 客户地址管家已经在运行)."""
        if not self._lock.tryLock(200):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise self._why_no_lock()
        QLocalServer.removeServer(self._name)  # left over from a crash
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self._name)
        return True

    def _why_no_lock(self) -> OSError:
        """The OS's reason the lock file cannot be written (Qt's QLockFile gives none): a small
        file written and removed beside it."""
        probe = self._folder / "sellerdesk.lock.probe"
        try:
            with os.fdopen(private_files.create_file(probe), "wb") as fh:
                fh.write(b"sellerdesk")
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            return type(exc)(exc.errno, exc.strerror, str(self._folder))
        finally:
            try:
                probe.unlink(missing_ok=True)
            except OSError:
                pass
        return OSError(errno.EIO, os.strerror(errno.EIO), str(self._folder))

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(b"raise"):
            self.activation_requested.emit()
        socket.disconnectFromServer()

    def notify_running(self) -> bool:
        """Ask the running instance to raise its window; True if it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(1000):
            return False
        socket.write(b"raise\n")
        socket.flush()
        socket.waitForBytesWritten(1000)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
