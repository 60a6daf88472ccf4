"""The team server in the app's settings (``settings.ini`` of the data folder): where it is, who
logs in, whether the app opens it at start, and whether it asks for the password at each start
(每次启动时询问密码: no keyring here, or the user would rather type it). The password is never
here: it is in the OS keyring (``store.team_server.save_password``) or typed at start."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sellerdesk.store.team_server import DEFAULT_DATABASE, DEFAULT_PORT, TeamServer

GROUP = "team"


def read_server(settings: QSettings) -> TeamServer | None:
    """The team server set in ``settings`` (None: none set)."""
    host = str(settings.value(f"{GROUP}/host", "") or "")
    user = str(settings.value(f"{GROUP}/user", "") or "")
    if not host or not user:
        return None
    try:
        port = int(settings.value(f"{GROUP}/port", DEFAULT_PORT))
    except (TypeError, ValueError):
        port = DEFAULT_PORT
    return TeamServer(
        host=host,
        user=user,
        port=port,
        database=str(settings.value(f"{GROUP}/database", DEFAULT_DATABASE) or DEFAULT_DATABASE),
        tls=_flag(settings.value(f"{GROUP}/tls", False)),
        ca_file=str(settings.value(f"{GROUP}/ca_file", "") or ""),
    )


def opens_at_start(settings: QSettings) -> bool:
    return _flag(settings.value(f"{GROUP}/open_at_start", False))


def asks_password(settings: QSettings) -> bool:
    """The password is asked for at each start, never taken from (or kept in) the keyring."""
    return _flag(settings.value(f"{GROUP}/ask_password", False))


def set_asks_password(settings: QSettings, ask: bool) -> None:
    settings.setValue(f"{GROUP}/ask_password", ask)
    settings.sync()


def write_server(settings: QSettings, server: TeamServer, *, open_at_start: bool, ask_password: bool = False) -> None:
    for key, value in (
        ("host", server.host),
        ("port", server.port),
        ("database", server.database),
        ("user", server.user),
        ("tls", server.tls),
        ("ca_file", server.ca_file),
        ("open_at_start", open_at_start),
        ("ask_password", ask_password),
    ):
        settings.setValue(f"{GROUP}/{key}", value)
    settings.sync()


def team_at_start(settings: QSettings) -> TeamServer | None:
    """The server the app opens instead of the local data, if the user chose that."""
    return read_server(settings) if opens_at_start(settings) else None


def _flag(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1", "yes")
