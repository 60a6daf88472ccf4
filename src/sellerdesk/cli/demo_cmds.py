"""``sellerdesk-cli demo``: fill the database with clearly fake customers, or take them out again."""

from __future__ import annotations

import argparse
import json
import sys
import time

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.context import open_store
from sellerdesk.cli.messages import N_, _

MAX_DEMO = 1_000_000


def register(sub: Subcommands) -> None:
    p = sub.add_parser(
        "demo",
        help=N_("add clearly fake demo customers (phones 1xx-0000-xxxx, flagged 'demo'), or remove them"),
        description=N_(
            "Add demo customers made from the region table: names, fake phones (middle block 0000), "
            "addresses, tags, tiers and orders. Every one is flagged 'demo'; --remove deletes them all again."
        ),
    )
    p.add_argument("--customers", type=int, default=None, metavar="N", help=N_("how many to add (e.g. 100000)"))
    p.add_argument("--seed", type=int, default=None, help=N_("random seed, for the same data every time"))
    p.add_argument("--remove", action="store_true", help=N_("delete every demo customer (nothing else is touched)"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> None:
    from sellerdesk.store import demo

    if args.remove == (args.customers is not None):
        raise CliError(_("give either --customers N or --remove"))
    if args.customers is not None and not 0 < args.customers <= MAX_DEMO:
        raise CliError(_("--customers must be between 1 and {max}", max=MAX_DEMO))
    with open_store():
        started = time.perf_counter()
        if args.remove:
            count = demo.remove_demo()
            result = {"removed": count}
            text = _("Removed {n} demo customer(s).", n=count)
        else:
            interactive = sys.stderr.isatty()

            def progress(done: int, total: int, message: str = "") -> None:
                if interactive and total:
                    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

            count = demo.generate(args.customers, seed=args.seed, progress=progress)
            if interactive:
                print(file=sys.stderr)
            result = {"added": count}
            text = _("Added {n} demo customer(s) in {seconds:.1f} s.", n=count, seconds=time.perf_counter() - started)
    if args.json:
        print(json.dumps(result | {"seconds": round(time.perf_counter() - started, 2)}))
    else:
        print(text)
