"""CLI commands for a person's rights and the audit log: erase, export-person, inactive, audit."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.context import open_store
from sellerdesk.cli.messages import N_, _
from sellerdesk.cli.order_cmds import parse_date, parse_id


def register(sub: Subcommands) -> None:
    p = sub.add_parser(
        "erase",
        help=N_("erase customers for good: personal data gone, orders kept without it (asks first)"),
    )
    p.add_argument("ids", nargs="+", metavar="ID", help=N_("customer ids"))
    p.add_argument("--yes", action="store_true", help=N_("do not ask (needed when not run in a terminal)"))
    p.set_defaults(func=cmd_erase)

    p = sub.add_parser("export-person", help=N_("everything held about one customer to FILE.json or FILE.xlsx"))
    p.add_argument("id", metavar="ID", help=N_("customer id"))
    p.add_argument("file", metavar="FILE", help=N_("the file to write: .json or .xlsx"))
    p.set_defaults(func=cmd_export_person)

    p = sub.add_parser("inactive", help=N_("customers with no order for N years (to offer for erasure)"))
    p.add_argument("--years", type=int, default=3, help=N_("years without an order (default 3)"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per customer per line"))
    p.set_defaults(func=cmd_inactive)

    p = sub.add_parser("audit", help=N_("the audit log: who did what and when (no personal details)"))
    p.add_argument("--since", default=None, help=N_("YYYY-MM-DD (local date)"))
    p.add_argument("--until", default=None, help=N_("YYYY-MM-DD (local date, included)"))
    p.add_argument("--action", action="append", default=[], help=N_("e.g. erase, export, backup (repeatable)"))
    p.add_argument("--limit", type=int, default=0, help=N_("at most this many (0: all)"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per entry per line"))
    p.set_defaults(func=cmd_audit)


def interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _confirm(prompt: str, expected: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip() == expected


def cmd_erase(args: argparse.Namespace) -> None:
    ids = list(dict.fromkeys(parse_id(i, N_("customer id")) for i in args.ids))
    if not args.yes and not interactive():
        raise CliError(_("erasing cannot be undone: add --yes to erase without a terminal to ask in"))
    with open_store():
        from sellerdesk.store import customers, privacy

        found = [customers.get_customer(i) for i in ids]  # an unknown id: one line, nothing erased
        if not args.yes:
            for c in found:
                print(_("Customer {id}: {name}", id=c.id, name=c.name or c.wechat or "-"))
            print(
                _(
                    "Their personal data, addresses and address history will be erased for good; their orders "
                    "stay for the sales totals without name, phone or address. Backups made before keep them."
                )
            )
            if not _confirm(_("Type ERASE to go on: "), "ERASE"):
                raise CliError(_("not confirmed; nothing was changed"))
        result = privacy.erase_customers(ids)
    print(
        _(
            "Erased {n} customer(s); {orders} order(s) kept without personal data.",
            n=len(result.erased),
            orders=result.orders_kept,
        )
    )
    skipped = len(ids) - len(result.erased)
    if skipped:
        print(_("{n} customer(s) had been erased already.", n=skipped))
    print(_("Make a new backup now: only backups made from now on are free of them."))


def cmd_export_person(args: argparse.Namespace) -> None:
    from pathlib import Path

    customer_id = parse_id(args.id, N_("customer id"))
    path = Path(args.file).expanduser()
    if path.suffix.lower() not in (".json", ".xlsx"):
        raise CliError(_("Cannot write {name}: a person's data is written as .json or .xlsx.", name=path.name))
    with open_store():
        from sellerdesk.exchange.person import export_person

        written = export_person(customer_id, path)
    print(_("Wrote everything held about customer {id} to {path}", id=customer_id, path=written))


def cmd_inactive(args: argparse.Namespace) -> None:
    if args.years < 1:
        raise CliError(_("--years must be 1 or more"))
    with open_store():
        from sellerdesk.store import privacy

        ids = privacy.inactive_customers(args.years)
    if args.json:
        print(json.dumps({"years": args.years, "ids": ids}))
        return
    if ids:
        print(" ".join(map(str, ids)))
    print(
        _(
            "{n} customer(s) with no order for {years} year(s); 'sellerdesk-cli erase ID…' erases them.",
            n=len(ids),
            years=args.years,
        )
    )


def _utc_midnight(day: _dt.date) -> _dt.datetime:
    """Local midnight of ``day`` as the naive UTC time the log stores."""
    local = _dt.datetime.combine(day, _dt.time()).astimezone()
    return local.astimezone(_dt.UTC).replace(tzinfo=None)


def cmd_audit(args: argparse.Namespace) -> None:
    since = _utc_midnight(parse_date(args.since, "--since")) if args.since else None
    until = _utc_midnight(parse_date(args.until, "--until") + _dt.timedelta(days=1)) if args.until else None
    if args.limit < 0:
        raise CliError(_("--limit must be 0 or more"))
    with open_store():
        from sellerdesk.store import audit

        rows = audit.entries(since=since, until=until, actions=args.action, limit=args.limit)
    if args.json:
        sys.stdout.write("".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in rows))
        return
    from sellerdesk.cli.messages import app_text
    from sellerdesk.cli.textout import table
    from sellerdesk.core import labels
    from sellerdesk.exchange.audit_file import detail_text, local_text

    def detail(d: dict | None) -> str:  # the app's 操作记录 words (core.labels), ids as their count
        return detail_text(
            d,
            lambda key: labels.AUDIT_KEYS.name(key, app_text),
            lambda key, value: labels.detail_value(key, value, app_text),
        )

    def by(r: audit.AuditRow) -> str:
        # the team user on a team server (the database's own record), else the computer's user
        return r.actor or str((r.detail or {}).get("by", ""))

    if rows:
        print(
            table(
                [_("Time"), _("Action"), _("Entity"), "ID", _("By"), _("Detail")],
                [
                    [
                        local_text(r.at),
                        labels.AUDIT_ACTIONS.name(r.action, app_text),
                        labels.AUDIT_ENTITIES.name(r.entity, app_text),
                        "" if r.entity_id is None else str(r.entity_id),
                        by(r),
                        detail(r.detail),
                    ]
                    for r in rows
                ],
                max_width=40,
            )
        )
    print(_("{n} record(s)", n=len(rows)))
