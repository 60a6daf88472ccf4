"""CLI commands on keeping in touch (issue 18): ``birthdays``, ``followups``, ``followup add``.

* ``birthdays [--today|--week|--month|--days N] [--json]``: consenting customers whose birthday
  (solar or lunar) falls in those days, by default today to Sunday as the app's 本周 does
  (store.care.range_of); ``--json`` one object per line: ``id``, ``name``, ``phone``,
  ``date`` (this year's solar date), ``birthday`` (农历八月十五 / 3月5日), ``lunar``;
* ``followups [--due] [--json]``: the latest follow-ups, or (``--due``) the next dates due and
  the open feedback;
* ``followup add CUSTOMER_ID --note TEXT [--channel wechat|phone|sms] [--next YYYY-MM-DD]
  [--feedback]``: record one; prints its id alone.

A refusal is one translated line on stderr, exit 1, nothing changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.ids import record_id
from sellerdesk.cli.messages import N_, _
from sellerdesk.core import clock

CHANNEL_TEXTS = {"wechat": N_("WeChat"), "phone": N_("phone call"), "sms": N_("SMS"), "other": N_("other")}


def register(sub: Subcommands) -> None:
    p = sub.add_parser("birthdays", help=N_("customers with a birthday soon (only those who consented to marketing)"))
    span = p.add_mutually_exclusive_group()
    span.add_argument("--days", type=int, metavar="N", help=N_("today and the days after, N in all"))
    for flag, what in (
        ("today", N_("only today")),
        ("week", N_("today to Sunday, like the app's “This week” (the default)")),
        ("month", N_("today to the end of the month")),
    ):
        span.add_argument(f"--{flag}", dest="span", action="store_const", const=flag, help=what)
    p.add_argument("--json", action="store_true", help=N_("one JSON object per customer per line"))
    p.set_defaults(func=cmd_birthdays)

    p = sub.add_parser("followups", help=N_("the latest follow-ups, or those due"))
    p.add_argument("--due", action="store_true", help=N_("only next dates due today or before, and open feedback"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per follow-up per line"))
    p.set_defaults(func=cmd_followups)

    p = sub.add_parser("followup", help=N_("record a follow-up or feedback"))
    inner = p.add_subparsers(dest="followup_command", metavar="add", required=True)
    add = inner.add_parser("add", help=N_("record a follow-up on a customer; prints its id"))
    add.add_argument("customer", type=record_id, metavar="CUSTOMER_ID", help=N_("the customer's id"))
    add.add_argument("--note", required=True, help=N_("what was said"))
    add.add_argument("--channel", choices=("wechat", "phone", "sms"), help=N_("how: wechat, phone or sms"))
    add.add_argument("--next", metavar="YYYY-MM-DD", help=N_("the date of the next follow-up"))
    add.add_argument("--outcome", default="", help=N_("what came of it"))
    add.add_argument("--feedback", action="store_true", help=N_("it is feedback: open until solved"))
    add.set_defaults(func=cmd_followup_add)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(_("Not a date: {text} (e.g. 2024-03-05).", text=text)) from None


def cmd_birthdays(args: argparse.Namespace) -> None:
    from sellerdesk.cli import masking
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.textout import table
    from sellerdesk.store import care

    if args.days is not None and not 1 <= args.days <= 366:
        raise CliError(_("--days takes a number from 1 to 366"), code=2)
    start, end = care.range_of(clock.today(), args.days if args.days is not None else args.span or "week")
    with open_store():
        rows = care.birthdays(start, end)
    if args.json:
        for r in rows:
            doc = {
                "id": r.customer_id,
                "name": r.name,
                "phone": masking.phone(r.phone),
                "wechat": r.wechat,
                "date": r.when.isoformat(),
                "birthday": r.birthday_text,
                "lunar": r.lunar is not None,
            }
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return
    if rows:
        print(
            table(
                [_("Date"), _("Birthday"), "ID", _("Name"), _("Phone")],
                [
                    [r.when.isoformat(), r.birthday_text, str(r.customer_id), r.name, masking.phone(r.phone)]
                    for r in rows
                ],
            )
        )
    print(
        _(
            "{n} birthday(s) from {start} to {end} (customers who consented to marketing)",
            n=len(rows),
            start=start,
            end=end,
        )
    )


def _follow_up_doc(r: object) -> dict[str, object]:
    from sellerdesk.store.followups import DueRow

    assert isinstance(r, DueRow)
    return {
        "id": r.follow_up_id,
        "customer_id": r.customer_id,
        "name": r.name,
        "kind": r.kind,
        "date": r.on_date.isoformat(),
        "due": r.when.isoformat(),
        "channel": r.channel,
        "note": r.note,
        "outcome": r.outcome,
    }


def cmd_followups(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.textout import table
    from sellerdesk.store import followups

    today = clock.today()
    with open_store():
        if args.due:
            due = followups.due(today)
            listed = {r.follow_up_id for r in due}  # (feedback with a next date due is listed once)
            rows = due + [r for r in followups.open_feedback() if r.follow_up_id not in listed]
        else:
            rows = followups.recent()
    if args.json:
        for r in rows:
            sys.stdout.write(json.dumps(_follow_up_doc(r), ensure_ascii=False) + "\n")
        return
    kinds = {"followup": _("follow-up"), "feedback": _("feedback")}
    lines = [
        [
            str(r.follow_up_id),
            (r.when if args.due else r.on_date).isoformat(),
            kinds.get(r.kind, r.kind),
            str(r.customer_id),
            r.name,
            _(CHANNEL_TEXTS[r.channel]) if r.channel in CHANNEL_TEXTS else r.channel,
            r.note.replace("\n", " ")[:40],
        ]
        for r in rows
    ]
    if lines:
        print(table(["#", _("Date"), _("Kind"), "ID", _("Name"), _("Channel"), _("Note")], lines))
    if args.due:
        print(_("{n} follow-up(s) due or open", n=len(rows)))
    else:
        print(_("{n} follow-up(s)", n=len(rows)))


def cmd_followup_add(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.messages import lookup
    from sellerdesk.store import followups

    next_date = _date(args.next)
    if not args.note.strip():
        raise CliError(_(followups.MESSAGES["empty"]))
    with open_store():
        try:
            row = followups.add_follow_up(
                args.customer,
                args.note,
                channel=args.channel or "",
                next_date=next_date,
                outcome=args.outcome,
                feedback=args.feedback,
            )
        except followups.FollowUpRefused as exc:
            raise CliError(lookup(followups.MESSAGES[exc.code]).format(**exc.params)) from exc
    print(row.id)
