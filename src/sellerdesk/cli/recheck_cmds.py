"""CLI command of 定期核对 (issue 18): ``due [--json]``.

Lists the addresses due for a re-check (their last confirmation is older than the cycle of
the customer's tier; see ``core/recheck.py``), the most valuable customers first. ``--json``:
one object per line: ``address_id``, ``customer_id``, ``name``, ``tier`` (level key or the text
typed), ``tier_name``, ``total_spent`` ("1234.50"), ``recipient``, ``phone``, ``province``,
``city``, ``district``, ``detail``, ``confirmed`` and ``due_on`` (YYYY-MM-DD).
"""

from __future__ import annotations

import argparse
import json
import sys

from sellerdesk.cli import Subcommands, masking
from sellerdesk.cli.messages import N_, _


def register(sub: Subcommands) -> None:
    p = sub.add_parser("due", help=N_("list the addresses due for a re-check with the customer, most valuable first"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per address per line"))
    masking.add_option(p)
    p.set_defaults(func=cmd_due)


def cmd_due(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.textout import table
    from sellerdesk.core.address import format_one_line
    from sellerdesk.core.money import format_plain
    from sellerdesk.store import recheck, tiers

    with open_store():
        due = recheck.due_addresses()
        rules = tiers.tier_rules()
    if args.json:
        for d in due:
            doc = {
                "address_id": d.address_id,
                "customer_id": d.customer_id,
                "name": d.name,
                "tier": d.tier,
                "tier_name": rules.display(d.tier),
                "total_spent": format_plain(d.total_spent_fen),
                "recipient": d.recipient,
                "phone": d.phone,
                "province": d.province,
                "city": d.city,
                "district": d.district,
                "detail": d.detail,
                "confirmed": d.confirmed.isoformat(),
                "due_on": d.due_on.isoformat(),
            }
            sys.stdout.write(json.dumps(masking.doc(doc), ensure_ascii=False) + "\n")
        return
    rows = [
        [
            str(d.customer_id),
            d.name,
            rules.display(d.tier),
            format_one_line({**d.values(), "phone": masking.phone(d.phone)}),
            d.confirmed.isoformat(),
            d.due_on.isoformat(),
        ]
        for d in due
    ]
    if rows:
        headers = ["ID", _("Name"), _("Tier"), _("Address"), _("Last confirmed"), _("Due since")]
        print(table(headers, rows))
    print(_("Addresses due for a re-check: {n}", n=len(due)))
