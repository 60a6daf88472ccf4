"""``remote-areas``: the 偏远地区 list, shown and edited headless (the app's 编辑 › 偏远地区…).

remote-areas [--json]          the list, one entry a line (港澳台 stands for 香港, 澳门, 台湾)
remote-areas set ENTRY…        replace it (a province, city or county; checked first, nothing saved on a bad one)
remote-areas reset             back to the shipped default (新疆 西藏 青海 内蒙古 甘肃 宁夏)
"""

from __future__ import annotations

import argparse
import json

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.context import open_store
from sellerdesk.cli.messages import N_, _


def register(sub: Subcommands) -> None:
    p = sub.add_parser("remote-areas", help=N_("the 偏远地区 list: show it, 'set ENTRY…' or 'reset'"))
    p.add_argument("--json", action="store_true", help=N_("print the list as JSON"))
    actions = p.add_subparsers(dest="remote_command", metavar="ACTION")
    p.set_defaults(func=cmd_show)
    q = actions.add_parser("set", help=N_("replace the list: provinces, cities or counties (e.g. 新疆 甘孜州 港澳台)"))
    q.add_argument("entries", nargs="+", metavar="ENTRY", help=N_("a province, city or county, or 港澳台"))
    q.set_defaults(func=cmd_set)
    q = actions.add_parser("reset", help=N_("back to the default list (新疆 西藏 青海 内蒙古 甘肃 宁夏)"))
    q.set_defaults(func=cmd_reset)


def _print(entries: list[str], as_json: bool) -> None:
    if as_json:
        print(json.dumps({"entries": entries}, ensure_ascii=False))
    elif entries:
        print("\n".join(entries))
    else:
        print(_("The list is empty: no place is treated as remote."))


def cmd_show(args: argparse.Namespace) -> None:
    with open_store():
        from sellerdesk.store import remote_areas

        _print(remote_areas.entries(), args.json)


def cmd_set(args: argparse.Namespace) -> None:
    from sellerdesk.store.errors import ValidationError

    if any(not entry.strip() for entry in args.entries):  # (an unset shell variable: not "no remote areas")
        raise CliError(_("an empty entry; name a province, city or county (or use 'reset')"))

    with open_store():
        from sellerdesk.store import remote_areas

        try:
            saved = remote_areas.save_entries(args.entries)
        except ValidationError as exc:
            if exc.code == "ambiguous_region":
                raise CliError(_("{entry!r} names several places; add its province or city", entry=exc.field)) from exc
            if exc.code == "unknown_region":
                raise CliError(_("{entry!r} is not a province, city or county", entry=exc.field)) from exc
            raise
        _print(saved, False)


def cmd_reset(args: argparse.Namespace) -> None:
    from sellerdesk.core.remote import DEFAULT_ENTRIES

    with open_store():
        from sellerdesk.store import remote_areas

        _print(remote_areas.save_entries(DEFAULT_ENTRIES), False)
