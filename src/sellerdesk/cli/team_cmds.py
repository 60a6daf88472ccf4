"""``team``: a shared PostgreSQL server for several people (issue 20): the team, its users and regions.

team init [--url URL]                                   the schema, the roles, the URL's user as owner
                                                        (before or after move-local; again after a restore)
team user add NAME --role owner|helper|viewer [--regions 华东,广东省] [--phones]
                                                        a PostgreSQL login; its password printed once
team user list [--json]                                 who, which role, which regions
team user regions NAME REGIONS                          replace a user's regions
team user remove NAME                                   off the team: login disabled, data kept
team user phones NAME on|off                            a helper sees phones whole, or masked by the server
team user role NAME owner|helper|viewer [--regions R]   another role (a new helper: regions, phones masked)
team region assign REGION USER                          专人负责: a 大区 or province given to a user
team region unassign REGION                             nobody in charge of it any more
team region list [--json]                               who is in charge of what

Every other command works on the server when ``SELLERDESK_DATABASE_URL`` is set (cli/context.py).
"""

from __future__ import annotations

import argparse
import json
import os

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.messages import N_, _

ROLE_NAMES = {"owner": N_("owner"), "helper": N_("helper"), "viewer": N_("viewer")}


def role_name(role: str) -> str:
    """A team role in the CLI's language."""
    return _(ROLE_NAMES[role]) if role in ROLE_NAMES else (role or _("guest"))


def register(sub: Subcommands) -> None:
    team = sub.add_parser("team", help=N_("team mode: a shared PostgreSQL server, its users and regions"))
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    p = actions.add_parser(
        "init",
        help=N_(
            "make a PostgreSQL database a team's: the schema, the roles, and the URL's user as its owner "
            "(the database's owner, with CREATEROLE; no superuser needed). Before or after 'team move-local'; "
            "run again, it gives the users of a restored team backup their groups back"
        ),
    )
    p.add_argument("--url", help=N_("postgresql://user@host:5432/database (default: $SELLERDESK_DATABASE_URL)"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_init)

    users = actions.add_parser("user", help=N_("the team's users: add, list, regions, phones, remove"))
    user_actions = users.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = user_actions.add_parser("add", help=N_("add a user (a PostgreSQL login); the password is printed once"))
    p.add_argument("name", metavar="NAME", help=N_("the user's login name"))
    p.add_argument("--role", required=True, choices=list(ROLE_NAMES), help=N_("owner, helper or viewer"))
    p.add_argument("--regions", default="", help=N_("a helper's regions: 大区 or provinces, e.g. 华东,广东省"))
    p.add_argument("--phones", action="store_true", help=N_("a helper sees phones unmasked"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_user_add)
    p = user_actions.add_parser("list", help=N_("list the team's users"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per user per line"))
    p.set_defaults(func=cmd_user_list)
    p = user_actions.add_parser("regions", help=N_("replace a helper's regions"))
    p.add_argument("name", metavar="NAME", help=N_("the user's login name"))
    p.add_argument("regions", metavar="REGIONS", help=N_("大区 or provinces, e.g. 华东,广东省 (empty: none)"))
    p.set_defaults(func=cmd_user_regions)
    p = user_actions.add_parser(
        "remove",
        help=N_(
            "take a user off the team: their login is disabled and their regions freed; the customers, "
            "orders and history they wrote stay (adding the name again gives the login back)"
        ),
    )
    p.add_argument("name", metavar="NAME", help=N_("the user's login name"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_user_remove)
    p = user_actions.add_parser("phones", help=N_("let a helper see phones whole (on) or masked (off)"))
    p.add_argument("name", metavar="NAME", help=N_("the user's login name"))
    p.add_argument("phones", metavar="on|off", choices=("on", "off"), help=N_("on: phones shown; off: masked"))
    p.set_defaults(func=cmd_user_phones)
    p = user_actions.add_parser(
        "role",
        help=N_(
            "give a user another role (an owner gets CREATEROLE; a helper's regions and phones go when they stop "
            "being one)"
        ),
    )
    p.add_argument("name", metavar="NAME", help=N_("the user's login name"))
    p.add_argument("role", metavar="ROLE", choices=list(ROLE_NAMES), help=N_("owner, helper or viewer"))
    p.add_argument("--regions", help=N_("a helper's regions: 大区 or provinces, e.g. 华东,广东省"))
    p.set_defaults(func=cmd_user_role)

    regions = actions.add_parser("region", help=N_("专人负责: who is in charge of each 大区 or province"))
    region_actions = regions.add_subparsers(dest="region_command", metavar="ACTION", required=True)
    p = region_actions.add_parser("assign", help=N_("give a 大区 or a province to a user"))
    p.add_argument("region", metavar="REGION", help=N_("a 大区 (华东) or a province (广东省)"))
    p.add_argument("user", metavar="USER", help=N_("the user's login name"))
    p.set_defaults(func=cmd_region_assign)
    p = region_actions.add_parser("unassign", help=N_("nobody in charge of a 大区 or a province any more"))
    p.add_argument("region", metavar="REGION", help=N_("a 大区 (华东) or a province (广东省)"))
    p.set_defaults(func=cmd_region_unassign)
    p = region_actions.add_parser("list", help=N_("who is in charge of each region"))
    p.add_argument("--json", action="store_true", help=N_("print the list as JSON"))
    p.set_defaults(func=cmd_region_list)

    from sellerdesk.cli.team_move_cmds import add_move_local

    add_move_local(actions)


def _team_store():  # type: ignore[no-untyped-def]
    """The team server of $SELLERDESK_DATABASE_URL (a local database has no users)."""
    from sellerdesk.cli.context import open_store
    from sellerdesk.store.team_env import URL_ENV, team_url

    if not team_url():
        raise CliError(_("Not in team mode: set {env} to the team server's postgresql:// URL.", env=URL_ENV))
    return open_store()


def cmd_init(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_team_store
    from sellerdesk.store.database import close_store
    from sellerdesk.store.team_env import URL_ENV, team_url

    url = (args.url or team_url()).strip()
    if not url:
        raise CliError(
            _("Give the server with --url postgresql://user@host:5432/database (or set {env}).", env=URL_ENV)
        )
    store = open_team_store(url, create=True)  # creates the schema (the migration chain) when the database is empty
    try:
        from sellerdesk.store import team

        owner = team.setup()
    finally:
        close_store()
    if args.json:
        print(json.dumps({"url": store.url, "owner": owner}, ensure_ascii=False))
        return
    print(_("{url} is a team database now; {user} is its owner.", url=store.url, user=owner))
    print(_("Add users with: sellerdesk-cli team user add NAME --role helper --regions 华东"))


def cmd_user_add(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    regions = args.regions
    if regions and args.role != team.HELPER:
        raise CliError(_("Only a helper has regions; an owner or a viewer sees every customer."))
    team.parse_regions(regions)  # a wrong region is refused before connecting
    password = os.environ.get("SELLERDESK_NEW_PASSWORD") or None
    team.check_password(password)  # as is a password too short
    with _team_store():
        password = team.add_user(args.name, args.role, regions, phones=args.phones, password=password)
    if args.json:
        print(json.dumps({"name": args.name, "role": args.role, "password": password}, ensure_ascii=False))
        return
    print(_("Added {name} as {role}.", name=args.name, role=role_name(args.role)))
    print(_("Password (shown only this once; give it to {name}): {password}", name=args.name, password=password))
    if args.role == team.HELPER and not regions:
        print(
            _(
                "{name} has no regions yet and sees no customer: sellerdesk-cli team user regions {name} 华东",
                name=args.name,
            )
        )


def cmd_user_list(args: argparse.Namespace) -> None:
    with _team_store():
        from sellerdesk.store import team

        users = team.users()
    if args.json:
        for user in users:
            print(json.dumps(user.as_dict(), ensure_ascii=False))
        return
    for user in users:
        regions = ",".join(user.regions) if user.role == "helper" else _("all")
        role = role_name(user.role)
        line = _("{name}  {role}  regions: {regions}", name=user.name, role=role, regions=regions or "—")
        if user.role == "helper":
            line += "  " + (_("phones shown") if user.phones else _("phones masked"))
        if user.responsible_for:
            line += "  " + _("in charge of: {regions}", regions=",".join(user.responsible_for))
        print(line)


def cmd_user_regions(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    team.parse_regions(args.regions)
    with _team_store():
        provinces = team.set_regions(args.name, args.regions)
    print(_("{name} now sees the customers of {n} provinces.", name=args.name, n=len(provinces)))


def cmd_user_remove(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    with _team_store():
        removed = team.remove_user(args.name)
    if args.json:
        print(
            json.dumps(
                {"name": removed.name, "role": removed.role, "unassigned": list(removed.unassigned)},
                ensure_ascii=False,
            )
        )
        return
    print(
        _(
            "Removed {name} ({role}) from the team: their login is disabled; the customers and history they "
            "wrote are kept.",
            name=removed.name,
            role=role_name(removed.role),
        )
    )
    if removed.unassigned:
        print(
            _(
                "Nobody is in charge of {regions} now: sellerdesk-cli team region assign REGION USER",
                regions=",".join(removed.unassigned),
            )
        )


def cmd_user_phones(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    with _team_store():
        team.set_phones(args.name, args.phones == "on")
    if args.phones == "on":
        print(_("{name} sees phones whole from their next connection.", name=args.name))
    else:
        print(_("{name} sees phones masked from their next connection, also with psql.", name=args.name))


def cmd_region_assign(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    team.parse_regions([args.region])
    with _team_store():
        region = team.assign_region(args.region, args.user)
    print(_("{user} is in charge of {region}.", user=args.user, region=region))


def cmd_user_role(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    if args.regions and args.role != team.HELPER:
        raise CliError(_("Only a helper has regions; an owner or a viewer sees every customer."))
    if args.regions is not None:
        team.parse_regions(args.regions)
    with _team_store():  # (no --regions: a helper's stay as they are)
        team.update_user(args.name, role=args.role, regions=args.regions if args.role == team.HELPER else None)
    print(_("{name} is {role} now, from their next connection.", name=args.name, role=role_name(args.role)))


def cmd_region_unassign(args: argparse.Namespace) -> None:
    from sellerdesk.store import team

    team.parse_regions([args.region])
    with _team_store():
        was = team.unassign_region(args.region)
    if was is None:
        print(_("Nobody was in charge of {region}.", region=args.region))
    else:
        print(_("{user} is no longer in charge of {region}.", user=was, region=args.region))


def cmd_region_list(args: argparse.Namespace) -> None:
    with _team_store():
        from sellerdesk.store import team

        owners = team.region_owners()
    if args.json:
        print(json.dumps(owners, ensure_ascii=False))
        return
    if not owners:
        print(_("No region has anyone in charge yet: sellerdesk-cli team region assign REGION USER"))
    for region, user in owners.items():
        print(f"{region}\t{user}")
