"""``sellerdesk-cli parse-address``: smart paste, headless."""

from __future__ import annotations

import argparse
import json
import sys

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.messages import N_, _


def register(sub: Subcommands) -> None:
    p = sub.add_parser(
        "parse-address",
        help=N_("split a pasted address into name, phone, province, city, district and detail (JSON)"),
    )
    p.add_argument(
        "text",
        nargs="?",
        metavar="TEXT",
        help=N_("the text a customer sent, e.g. '张三 13812345678 广东省深圳市南山区…'"),
    )
    p.add_argument(
        "--batch",
        action="store_true",
        help=N_("read JSON Lines from stdin (each line a JSON string); write one JSON object per line"),
    )
    p.set_defaults(func=cmd_parse)


def cmd_parse(args: argparse.Namespace) -> None:
    from sellerdesk.core.address import parse_to_json_dict

    if args.batch:
        if args.text:
            raise CliError(_("give either TEXT or --batch, not both"))
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CliError(
                    _("line {number} of stdin is not JSON: {problem}", number=number, problem=exc.msg)
                ) from exc
            if not isinstance(text, str):
                raise CliError(_("line {number} of stdin is not a JSON string", number=number))
            sys.stdout.write(json.dumps(parse_to_json_dict(text), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    if args.text is None:
        raise CliError(_("give the text to parse, or --batch to read JSON Lines from stdin"), code=2)
    print(json.dumps(parse_to_json_dict(args.text), ensure_ascii=False))
