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


def role_text(role: str) -> str:
    """A team role as the app names it (所有者, 助手, 只读成员)."""
    from sellerdesk.store import team

    if role == team.OWNER:
        return translate("TeamText", "Owner")
    if role == team.HELPER:
        return translate("TeamText", "Helper")
    if role == team.VIEWER:
        return translate("TeamText", "Viewer")
    return role or translate("TeamText", "Guest")


def team_error_text(exc: BaseException) -> str | None:
    """The one translated line for a refusal of the team's administration (``store.team.TeamError``,
    a PostgreSQL privilege missing), else None (``ui.widgets.errors.storage_text`` says a server gone)."""
    from sellerdesk.store import team
    from sellerdesk.store.errors import MissingPrivilegeError

    if isinstance(exc, MissingPrivilegeError):
        return (
            translate(
                "TeamText",
                "%1 lacks the PostgreSQL privilege %2 on the team server, so nothing was changed; ask the "
                "server's administrator to grant it.",
            )
            .replace("%1", exc.user or "?")
            .replace("%2", exc.privilege)
        )
    if not isinstance(exc, team.TeamError):
        return None
    p = {k: str(v) for k, v in exc.params.items()}
    name, role, region = p.get("name", ""), role_text(p.get("role", "")), p.get("region", "")
    texts = {
        "not_team": lambda: translate("TeamText", "This is the data on this computer: users are for a team server."),
        "bad_role": lambda: translate("TeamText", "“%1” is not a team role.").replace("%1", p.get("role", "")),
        "bad_name": lambda: translate(
            "TeamText",
            "“%1” cannot be a user name: 1 to 63 bytes, no quotes or control characters, not starting with pg_.",
        ).replace("%1", name),
        "user_exists": lambda: translate(
            "TeamText", "A user “%1” already exists on this server; nothing was changed."
        ).replace("%1", name),
        "no_user": lambda: translate("TeamText", "There is no team user “%1” (any more).").replace("%1", name),
        "unknown_region": lambda: translate(
            "TeamText", "“%1” is neither a 大区 nor a province; nothing was changed."
        ).replace("%1", region),
        "owner_only": lambda: translate("TeamText", "Only an owner of the team may do this."),
        "short_password": lambda: translate("TeamText", "The password needs at least %1 characters.").replace(
            "%1", p.get("n", "")
        ),
        "last_owner": lambda: translate(
            "TeamText", "%1 is the team's last owner; add another owner before removing them."
        ).replace("%1", name),
        "remove_self": lambda: translate("TeamText", "You cannot remove yourself (%1); another owner can.").replace(
            "%1", name
        ),
        "role_self": lambda: translate("TeamText", "You cannot change your own role (%1); another owner can.").replace(
            "%1", name
        ),
        "last_owner_role": lambda: translate(
            "TeamText", "%1 is the team's last owner; add another owner before giving them another role."
        ).replace("%1", name),
        "owner_keeps_power": lambda: translate(
            "TeamText",
            "%1 owns the team's database (or is a superuser of the server) and would keep an owner's power in any "
            "role; first make another owner the database's owner (ALTER DATABASE … OWNER TO …).",
        ).replace("%1", name),
        "maker_keeps_admin": lambda: (
            translate(
                "TeamText",
                "%1 made the logins %2 and PostgreSQL 16 lets a role's maker administer it (and act as it) in any "
                "role; only a superuser may take that back: have a superuser of the server run this change; nothing "
                "was changed.",
            )
            .replace("%1", name)
            .replace("%2", p.get("logins", ""))
        ),
        "dependent_grants": lambda: (
            translate(
                "TeamText",
                "%1 granted others their membership of %2, which the server will not take back with them; "
                "nothing was changed.",
            )
            .replace("%1", name)
            .replace("%2", p.get("group", ""))
        ),
        "phones_helpers": lambda: (
            translate("TeamText", "%1 is a %2, who always sees phones; only a helper's phones can be masked.")
            .replace("%1", name)
            .replace("%2", role)
        ),
        "regions_helpers": lambda: (
            translate("TeamText", "%1 is a %2, who sees every customer; only a helper has regions.")
            .replace("%1", name)
            .replace("%2", role)
        ),
    }
    text = texts.get(exc.code)
    return text() if text is not None else str(exc)
