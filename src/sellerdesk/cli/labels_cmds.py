"""``labels OUT.pdf --layout a4|thermal [--status pending | --orders ID,… | --customers ID,…]``
``[--mask] [--sender LABEL]``.

The labels' texts are read here (``exchange.labels``); the painting needs Qt, which the CLI
never loads, so it runs in a child process (``sellerdesk.ui.shipping.render_pdf``) that gets
the labels as JSON on stdin. Without a saved sender the labels have none (said on stderr).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys

from sellerdesk.cli import CliError, Subcommands, masking
from sellerdesk.cli.context import open_store
from sellerdesk.cli.messages import N_, _, language
from sellerdesk.cli.order_cmds import parse_id

LAYOUT_NAMES = ("a4", "thermal")


log = logging.getLogger(__name__)


def register(sub: Subcommands) -> None:
    p = sub.add_parser("labels", help=N_("shipping labels as a PDF: an A4 sheet of 2 x 7, or 100 x 150 mm thermal"))
    p.add_argument("out", metavar="OUT.pdf", help=N_("the PDF file to write"))
    p.add_argument("--layout", choices=LAYOUT_NAMES, default="a4", help=N_("a4 (2 x 7 labels a sheet) or thermal"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--status", choices=("pending",), default=None, help=N_("the orders to ship (the default)"))
    which.add_argument("--orders", default=None, metavar="ID,…", help=N_("these orders, by id"))
    which.add_argument("--customers", default=None, metavar="ID,…", help=N_("these customers (their default address)"))
    masking.add_option(p)
    p.add_argument(
        "--sender",
        default=None,
        metavar="LABEL",
        help=N_("the sender by its label or name (default: the default sender)"),
    )
    p.set_defaults(func=cmd_labels)


def _ids(text: str, what: str) -> list[int]:
    parts = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
    if not parts:
        raise CliError(_("give at least one id"))
    return list(dict.fromkeys(parse_id(part, what) for part in parts))


RENDER_ARG = "--render-labels-pdf"  # packaging/launcher.py runs the painter for it


def painter_command() -> list[str]:
    """The child that paints: ``python -m …render_pdf``, or the frozen bundle's own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, RENDER_ARG]
    return [sys.executable, "-m", "sellerdesk.ui.shipping.render_pdf"]


ADD_SENDER = N_(
    "add one with: sellerdesk-cli senders --add 'ADDRESS' --name NAME --phone PHONE (or in the app: 订单 › 发货设置)"
)


def captions() -> dict[str, str]:
    """The words printed on a label, in the CLI's language."""
    return {"to": _("To"), "from": _("From"), "items": _("Items")}


def cmd_labels(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".pdf"):
        raise CliError(_("the labels file must end in .pdf"))
    from pathlib import Path

    from sellerdesk.cli.store_errors import exchange_text
    from sellerdesk.exchange.errors import ExchangeError, require_folder

    target = Path(os.path.abspath(args.out))
    try:
        require_folder(target)  # (the painter is a child process: its failure would be Qt's English)
    except ExchangeError as exc:
        raise CliError(exchange_text(exc)) from exc
    if not os.access(target.parent, os.W_OK):
        raise CliError(_("Cannot write {name}: {reason}.", name=target.name, reason=_("read-only folder")))
    with open_store():
        from sellerdesk.exchange import labels
        from sellerdesk.store import customers as store_customers
        from sellerdesk.store import orders as store_orders
        from sellerdesk.store import senders

        # the ids first: an unknown id is the one line said, not after a warning about the sender
        if args.customers is not None:
            wanted = _ids(args.customers, N_("customer id"))
            store_customers.check_live(wanted)
        elif args.orders is not None:
            wanted = _ids(args.orders, N_("order id"))
            store_orders.check_shippable(wanted)
        else:
            wanted = labels.pending_order_ids()
            if not wanted:
                raise CliError(_("no labels to make: no such orders or customers"))
        saved = senders.senders()
        sender = saved[0] if saved else None
        if args.sender is not None:
            name = args.sender.strip()
            sender = next((s for s in saved if name in (s.label, s.name)), None)
            if sender is None:
                if not saved:
                    raise CliError(
                        _("no sender called {name!r}: no sender is saved yet; {how}", name=name, how=_(ADD_SENDER))
                    )
                names = ", ".join(s.title for s in saved)
                raise CliError(_("no sender called {name!r}; saved senders: {names}", name=name, names=names))
        mask = masking.masking()
        if args.customers is not None:
            found = labels.customer_labels(wanted, mask=mask, sender=sender)
        else:
            found = labels.order_labels(wanted, mask=mask, sender=sender)
    if not found:
        raise CliError(_("no labels to make: no such orders or customers"))
    request = {
        "out": os.path.abspath(args.out),
        "layout": args.layout,
        "captions": captions(),
        "labels": json.loads(labels.to_json(found)),
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        painter_command(),
        input=json.dumps(request, ensure_ascii=False).encode("utf-8"),
        capture_output=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        log.warning("label painter failed: %s", detail[-1] if detail else "?")
        raise CliError(_("could not write {path}: {reason}", path=args.out, reason=_painter_reason(detail)))
    report = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    if sender is None:  # (said once written: a failure is its own one line — QA L9)
        print(_("No sender is saved: the labels have no sender."), file=sys.stderr)
    print(
        _("Wrote {n} label(s) on {pages} page(s) to {path}", n=report["labels"], pages=report["pages"], path=args.out)
    )
    if report["no_address"]:
        print(
            _(
                "{n} label(s) have no address (write it by hand, or fix the order): {refs}",
                n=len(report["no_address"]),
                refs=", ".join(report["no_address"][:20]),
            )
        )
    if report["cut"]:
        print(
            _(
                "{n} address(es) too long to fit were cut with '…' (try --layout thermal): {refs}",
                n=len(report["cut"]),
                refs=", ".join(report["cut"][:20]),
            )
        )
    return warn_unshippable(found)


def _painter_reason(stderr_lines: list[str]) -> str:
    """Why the painter could not write the PDF: the OS's reason from its last line (a full disk,
    a read-only folder …) in the CLI's language, else the general one."""
    from sellerdesk.os_errors import OS_ERRORS

    try:
        code = json.loads(stderr_lines[-1]).get("errno") if stderr_lines else None
    except (ValueError, AttributeError):
        code = None
    words = OS_ERRORS.get(code) if isinstance(code, int) else None
    return _(words) if words else _("the file cannot be made there")


def warn_unshippable(found: list) -> int:
    """One line on stderr per label a courier would refuse (no 省/市, a phone that is none),
    naming what is missing; EXIT_WARNINGS when there was any (the PDF holds them all the same)."""
    from sellerdesk.cli import EXIT_OK, EXIT_WARNINGS

    words = {"province": _("province (收件省)"), "city": _("city (收件市)"), "phone": _("a valid phone")}
    bad = [label for label in found if label.missing]
    for label in bad:
        print(
            _(
                "{ref}: cannot be shipped as it is, it lacks {what}; fix the address, then print its label again",
                ref=label.ref,
                what=("、" if language() == "zh_CN" else ", ").join(words[m] for m in label.missing),
            ),
            file=sys.stderr,
        )
    return EXIT_WARNINGS if bad else EXIT_OK
