"""CLI commands on duplicate customers (issue 15): ``duplicates``, ``merge``, ``unmerge``.

* ``duplicates [--json]``: the groups of likely duplicates among live customers, strongest
  first; ``--json`` one object per line: ``ids``, ``reasons`` (codes: name_address,
  similar_name_phone, similar_name_address, wechat, phone), ``keys`` (the phone, WeChat ID
  or address each reason found them by) and ``customers`` [{id, name, phone, wechat}];
* ``merge KEEP_ID OTHER_ID… [--field NAME=ID|union|join …]`` prints the merge's id alone;
  the others go to the Trash, their addresses, orders, points and history move to KEEP_ID;
* ``unmerge MERGE_ID`` undoes it (until one of the customers is deleted for good).

A refusal is one translated line on stderr, exit 1, nothing changed.
"""

from __future__ import annotations

import argparse
import json
import sys

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.ids import record_id
from sellerdesk.cli.messages import N_, _

# The reasons as the table shows them (--json gives the codes).
REASON_TEXTS = {
    "name_address": N_("same name at the same address"),
    "similar_name_phone": N_("similar names, same phone"),
    "similar_name_address": N_("similar names, same address"),
    "wechat": N_("same WeChat ID"),
    "phone": N_("same phone"),
}


def register(sub: Subcommands) -> None:
    p = sub.add_parser("duplicates", help=N_("list groups of customers who are likely one person"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per group per line"))
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("merge", help=N_("merge customers into the one kept; prints the merge id"))
    p.add_argument("keep", type=record_id, metavar="KEEP_ID", help=N_("the customer who stays"))
    p.add_argument("others", type=record_id, nargs="+", metavar="OTHER_ID", help=N_("the customers merged into them"))
    p.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=ID",
        help=N_(
            "take this field from customer ID (tags=union, notes=join: all of them); "
            "fields: name, phone, wechat, tags, notes, tier, birthday, gender, source, marketing_consent"
        ),
    )
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("unmerge", help=N_("undo a merge (until a customer in it is deleted for good)"))
    p.add_argument("merge_id", type=record_id, metavar="MERGE_ID", help=N_("the merge id that merge printed"))
    p.set_defaults(func=cmd_unmerge)


def _choices(fields: list[str]) -> dict[str, int | str]:
    """``--field name=12 --field tags=union`` → {"name": 12, "tags": "union"} (checked before opening)."""
    from sellerdesk.store.merges import MERGE_FIELDS

    out: dict[str, int | str] = {}
    for text in fields:
        name, sep, value = text.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or name not in MERGE_FIELDS:
            raise CliError(
                _("--field takes NAME=ID with NAME one of: {fields}", fields=", ".join(MERGE_FIELDS)),
                code=2,
            )
        if value in ("union", "join"):
            out[name] = value
        elif value.isdigit():
            out[name] = int(value)
        else:
            raise CliError(_("--field {name}= takes a customer id", name=name), code=2)
    return out


def _refusal(exc: Exception) -> CliError:
    """A merge refusal (store.merges.MergeRefused) as one translated line."""
    from sellerdesk.cli.messages import lookup
    from sellerdesk.store.merges import MESSAGES

    code = getattr(exc, "code", "")
    params = getattr(exc, "params", {})
    if code in MESSAGES:
        try:
            return CliError(lookup(MESSAGES[code]).format(**params))
        except (KeyError, IndexError, ValueError):
            pass
    return CliError(str(exc))


def cmd_duplicates(args: argparse.Namespace) -> None:
    from sellerdesk.cli import masking
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.textout import table
    from sellerdesk.store import duplicates
    from sellerdesk.store.models import Customer

    with open_store():
        groups = duplicates.find_duplicates()
        ids = sorted({i for g in groups for i in g.ids})
        people: dict[int, Customer] = {}
        for start in range(0, len(ids), 900):
            for c in Customer.select().where(Customer.id.in_(ids[start : start + 900])):
                people[c.id] = c
    if args.json:
        for group in groups:
            doc = group.to_dict()
            doc["customers"] = [
                {"id": i, "name": people[i].name, "phone": people[i].phone, "wechat": people[i].wechat}
                for i in group.ids
            ]
            if masking.masking():
                doc["keys"] = {k: masking.phone(v) if "phone" in k else v for k, v in group.keys.items()}
            sys.stdout.write(json.dumps(masking.doc(doc), ensure_ascii=False) + "\n")
        return
    rows = []
    for number, group in enumerate(groups, 1):
        why = "; ".join(_(REASON_TEXTS[r]) for r in group.reasons)
        key = group.keys[group.reasons[0]]
        if "phone" in group.reasons[0]:
            key = masking.phone(key)
        for position, i in enumerate(group.ids):
            c = people[i]
            rows.append(
                [
                    str(number) if position == 0 else "",
                    why if position == 0 else "",
                    key if position == 0 else "",
                    str(i),
                    c.name,
                    masking.phone(c.phone),
                    c.wechat,
                ]
            )
    if rows:
        print(table(["#", _("Why"), _("Found by"), "ID", _("Name"), _("Phone"), _("WeChat ID")], rows))
    print(_("{n} group(s) of likely duplicates", n=len(groups)))


def cmd_merge(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.store import merges

    choices = _choices(args.field)
    if args.keep in args.others:
        raise CliError(_("customer {id} cannot be merged into themselves", id=args.keep))
    with open_store():
        try:
            merge_id = merges.merge(args.keep, args.others, choices)
        except merges.MergeRefused as exc:
            raise _refusal(exc) from exc
    print(merge_id)
    print(
        _(
            "Merged {n} customer(s) into {id}; 'sellerdesk-cli unmerge {merge}' undoes it.",
            n=len(set(args.others)),
            id=args.keep,
            merge=merge_id,
        ),
        file=sys.stderr,
    )


def cmd_unmerge(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.store import merges

    with open_store():
        try:
            info = merges.unmerge(args.merge_id)
        except merges.MergeRefused as exc:
            raise _refusal(exc) from exc
    others = ", ".join(map(str, info.other_ids))
    print(
        _(
            "Undid merge {merge}: customers {ids} are back, separate from {id}.",
            merge=info.id,
            ids=others,
            id=info.keep_id,
        )
    )
