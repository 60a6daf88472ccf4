"""The team mode's words the app shows: why a connection failed, who is connected."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sellerdesk.store import team_server
from sellerdesk.store.team_server import TeamServer


def translate(context: str, text: str) -> str:
    # called as translate("TeamText", "…") at each use: lupdate reads the literals there
    return QCoreApplication.translate(context, text)


def reason_text(reason: str, server: TeamServer) -> str:
    """One line naming why ``server`` could not be used (``team_server.reason_of``)."""
    where = server.where()
    if reason == team_server.LOGIN:
        return (
            translate("TeamText", "The server %1 refused user %2: wrong user name or password.")
            .replace("%1", where)
            .replace("%2", server.user)
        )
    if reason == team_server.TLS:
        return translate(
            "TeamText",
            "The secure (TLS) connection to %1 failed: the server does not offer TLS, or its certificate "
            "is not signed by the CA file or does not name this server.",
        ).replace("%1", where)
    if reason == team_server.NO_DATABASE:
        return (
            translate("TeamText", "The server %1 has no database named %2.")
            .replace("%1", where)
            .replace("%2", server.database)
        )
    if reason == team_server.BAD_ADDRESS:
        return translate("TeamText", "%1 is not a server address SellerDesk can use.").replace("%1", where)
    if reason == team_server.UNREACHABLE:
        return translate(
            "TeamText",
            "The server %1 cannot be reached: it is off, the address or port is wrong, or the network is down.",
        ).replace("%1", where)
    return translate("TeamText", "The server %1 could not be used.").replace("%1", where)


def connected_text(server: TeamServer) -> str:
    """团队：ann @ db.example"""
    return translate("TeamText", "Team: %1 @ %2").replace("%1", server.user).replace("%2", server.where())
