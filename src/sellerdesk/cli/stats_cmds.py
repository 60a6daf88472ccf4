"""``sellerdesk-cli stats [--json]``: the dashboard's aggregates, for scripts (issue 19).

``--json`` prints one object: ``customers_by_region``, ``customers_by_province``,
``customers_by_tier``, ``new_customers_by_month``, ``sales_by_month`` (amounts as strings,
"1234.50") and ``orders_by_status``, each an object label → number (``""``: no known province
or 大区). Without ``--json`` the same figures as readable sections.
"""

from __future__ import annotations

import argparse
import json
import sys

from sellerdesk.cli import Subcommands
from sellerdesk.cli.messages import N_, _
from sellerdesk.core import clock


def register(sub: Subcommands) -> None:
    p = sub.add_parser("stats", help=N_("the dashboard's figures: customers by region, tier, month; sales; orders"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object, each figure an object label → number"))
    p.set_defaults(func=cmd_stats)


def cmd_stats(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.core.money import format_plain, format_yuan
    from sellerdesk.core.orders import STATUS_NAMES
    from sellerdesk.store import stats

    with open_store():
        figures = stats.collect(clock.today(), stats.CLI_FIGURES)
    if args.json:
        doc = dict(figures)
        doc["sales_by_month"] = {m: format_plain(fen) for m, fen in figures["sales_by_month"].items()}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return
    unknown = _("(unknown)")
    sections = [
        (_("Customers by region"), {k or unknown: str(v) for k, v in figures["customers_by_region"].items()}),
        (_("Customers by province"), {k or unknown: str(v) for k, v in figures["customers_by_province"].items()}),
        (_("Customers by tier"), {k: str(v) for k, v in figures["customers_by_tier"].items()}),
        (_("New customers by month"), {k: str(v) for k, v in figures["new_customers_by_month"].items()}),
        (_("Sales by month"), {k: format_yuan(v) for k, v in figures["sales_by_month"].items()}),
        (
            _("Orders by status"),
            {STATUS_NAMES.get(k, k): str(v) for k, v in figures["orders_by_status"].items()},
        ),
    ]
    from sellerdesk.cli.textout import width

    out = []
    for title, values in sections:
        out.append(title)
        label_width = max((width(k) for k in values), default=0)
        for label, value in values.items():
            out.append(f"  {label}{' ' * (label_width - width(label))}  {value}")
        if not values:
            out.append("  " + _("(none yet)"))
        out.append("")
    sys.stdout.write("\n".join(out))
