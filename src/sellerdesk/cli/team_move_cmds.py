"""``sellerdesk-cli team move-local --url URL``: this computer's data into an EMPTY team database.

:func:`add_move_local` adds the ``move-local`` command to the ``team`` group's subcommands
(``cli/team_cmds.py`` calls it); :func:`register` makes a ``team`` group holding only it, for
as long as that group lives elsewhere. The work is ``backup.team.move_local``: an encrypted
backup of the local file first (the way back), then every row in one checked transaction.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.messages import N_, _

if TYPE_CHECKING:
    from sellerdesk.store.team_move import MoveResult


def add_move_local(team_sub: Subcommands) -> None:
    p = team_sub.add_parser(
        "move-local",
        help=N_(
            "copy all of this computer's data into a team database without customer data (new, or just made "
            "with 'team init': either order works), in one transaction, checked; an encrypted copy of the local "
            "data is kept first and the local data is left as it is"
        ),
    )
    p.add_argument(
        "--url",
        required=True,
        metavar="URL",
        help=N_("the team database, postgresql://user@host:5432/database (password: in the URL or $PGPASSWORD)"),
    )
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_move_local)


def _refusal(exc: Exception) -> str | None:
    from sellerdesk.store import team_move

    if isinstance(exc, team_move.TargetNotEmptyError):
        return _(
            "the team database already holds data ({table}: {rows} rows); moving needs an empty one. "
            "Nothing was changed.",
            table=exc.table,
            rows=exc.rows,
        )
    if isinstance(exc, team_move.MoveCheckError):
        return _(
            "the copy of {table} did not arrive whole ({what}); it was rolled back and nothing was changed "
            "on the team server.",
            table=exc.table,
            what=exc.what,
        )
    if isinstance(exc, team_move.SchemaMismatchError):
        return _(
            "the team database does not have the same tables as this computer's ({what}). Nothing was changed.",
            what=exc.what,
        )
    return None


def _summary(result: MoveResult) -> dict[str, Any]:
    counts = result.counts
    return {
        "customers": counts.get("customer", 0),
        "addresses": counts.get("address", 0),
        "orders": counts.get("orders", 0),
        "tables": {k: v for k, v in counts.items() if k != "meta"},
        "seconds": round(result.seconds, 1),
    }


def cmd_move_local(args: argparse.Namespace) -> None:
    from sellerdesk.backup import team as team_backup
    from sellerdesk.cli.context import data_dir, unlock
    from sellerdesk.store import migrations, postgres, team_move
    from sellerdesk.store.database import close_store

    postgres.parse_url(args.url)  # a wrong URL: one line before anything is opened
    datadir = data_dir()
    key = unlock(datadir)
    local = datadir.open(key)
    try:
        team_db = postgres.connect(args.url)
        try:
            migrations.migrate(team_db)  # a new database gets the schema; a team one is at it already
            outcome = team_backup.move_local(datadir, key, local, team_db)
        except (team_move.TargetNotEmptyError, team_move.MoveCheckError, team_move.SchemaMismatchError) as exc:
            raise CliError(_refusal(exc) or str(exc)) from exc
        finally:
            team_db.close()
    finally:
        close_store()
    summary = _summary(outcome.result)
    if args.json:
        print(
            json.dumps({**summary, "server": team_db.where, "local_copy": str(outcome.local_copy)}, ensure_ascii=False)
        )
        return
    print(
        _(
            "Moved {customers} customers, {addresses} addresses and {orders} orders to {server} in {seconds} s; "
            "the counts and sums of every table were checked.",
            customers=summary["customers"],
            addresses=summary["addresses"],
            orders=summary["orders"],
            server=team_db.where,
            seconds=summary["seconds"],
        )
    )
    print(
        _(
            "The local data is unchanged. An encrypted copy of it, taken before the move, is at {path} "
            "(restore it with 'sellerdesk-cli restore' to go back).",
            path=outcome.local_copy,
        )
    )
