"""CLI commands of shipping day: ``template add|list|show|remove`` (the user's courier
templates), ``tracking import`` (回填运单号), ``courier-rules`` (preferred courier per 大区 or
province). Waybill export itself is ``export FILE --orders pending|ID,…`` (exchange_cmds)."""

from __future__ import annotations

import argparse
import json

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.messages import N_, _, language

REASON_TEXT = {
    "no_tracking": N_("no tracking number"),
    "no_order": N_("no matching order"),
    "ambiguous": N_("several orders to ship go to this phone: not guessed, fill in by hand (orders {orders})"),
    "other_tracking": N_("the order already has another tracking number (order {orders})"),
    "not_pending": N_("the order is not waiting to ship (order {orders})"),
    "twice": N_("a second row for the same order (order {orders})"),
    "no_courier": N_("which courier? no 快递公司 column: import again with --courier NAME (order {orders})"),
    "too_long": N_("tracking number too long to be right"),
    "same_number": N_("another order in the sheet has this number too (orders {orders})"),
}


def register(sub: Subcommands) -> None:
    tpl = sub.add_parser("template", help=N_("courier templates: add a blank template from a courier, list, remove"))
    tsub = tpl.add_subparsers(dest="template_command", metavar="COMMAND", required=True)
    p = tsub.add_parser("add", help=N_("add a courier's blank .xlsx template, with its columns mapped to our values"))
    p.add_argument("blank", metavar="BLANK.xlsx", help=N_("the blank template downloaded from the courier"))
    p.add_argument("--name", required=True, help=N_("the template's name (what export --template takes)"))
    p.add_argument(
        "--map",
        default="",
        help=N_("HEADER=VALUE pairs, comma-separated, over the proposed mapping (HEADER= leaves a column empty)"),
    )
    p.add_argument("--only-map", action="store_true", help=N_("use --map alone, without the proposed mapping"))
    p.add_argument("--courier", default="", help=N_("the courier's name written on orders (e.g. 中通)"))
    p.add_argument("--sheet", default=None, help=N_("sheet name (default: found)"))
    p.add_argument("--header-row", type=int, default=None, help=N_("row number of the header (default: found)"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_template_add)
    p = tsub.add_parser("list", help=N_("list the courier templates (shipped and yours)"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_template_list)
    p = tsub.add_parser("show", help=N_("show a template's columns and what fills them"))
    p.add_argument("name", metavar="NAME", help=N_("the template's name"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_template_show)
    p = tsub.add_parser("remove", help=N_("remove one of your templates (moved to templates/removed/)"))
    p.add_argument("name", metavar="NAME", help=N_("the template's name"))
    p.set_defaults(func=cmd_template_remove)
    p = tsub.add_parser("values", help=N_("list the values a template column can take"))
    p.set_defaults(func=cmd_template_values)

    tracking = sub.add_parser("tracking", help=N_("tracking numbers back from a courier's result sheet"))
    ksub = tracking.add_subparsers(dest="tracking_command", metavar="COMMAND", required=True)
    p = ksub.add_parser(
        "import",
        help=N_("import a result sheet (运单号 with 订单号 or 收件人手机): matched orders become 已发货"),
    )
    p.add_argument("file", metavar="FILE", help=N_("the courier's result sheet (.xlsx/.xls/.csv)"))
    p.add_argument("--courier", default="", help=N_("the courier, for rows that do not name one (e.g. 中通)"))
    p.add_argument("--sheet", default=None, help=N_("sheet name (default: found)"))
    p.add_argument("--header-row", type=int, default=None, help=N_("row number of the header (default: found)"))
    p.add_argument("--dry-run", action="store_true", help=N_("show what would change, change nothing"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_tracking_import)

    p = sub.add_parser("senders", help=N_("list the senders (寄件人) printed on waybills, or add one"))
    p.add_argument(
        "--add", metavar="ADDRESS", default=None, help=N_("add a sender with this address (省市区 + 详细地址)")
    )
    p.add_argument("--name", default="", help=N_("the sender's name (with --add)"))
    p.add_argument("--phone", default="", help=N_("the sender's phone (with --add)"))
    p.add_argument("--label", default="", help=N_("a short label to pick the sender by, e.g. 一号仓 (with --add)"))
    p.add_argument("--company", default="", help=N_("the sender's company (with --add)"))
    p.add_argument("--default", action="store_true", help=N_("make the new sender the default (with --add)"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_senders)

    p = sub.add_parser(
        "courier-rules",
        help=N_("the preferred courier template per 大区 or province (the default when exporting waybills)"),
    )
    p.add_argument(
        "--set",
        dest="rules",
        action="append",
        default=None,
        metavar="AREA=TEMPLATE",
        help=N_("replace the rules, e.g. --set 华南=sf --set '*=中通' (AREA: a 大区, a province or *)"),
    )
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_courier_rules)


def _template_dict(tpl) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "name": tpl.name,
        "title": tpl.display_title("zh_CN"),
        "user": tpl.is_user,
        "courier": tpl.courier,
        "sheet": tpl.sheet,
        "header_row": tpl.header_row,
        "columns": [{"header": c.header, "value": c.value, "const": c.const} for c in tpl.columns],
    }


def _exchange(exc: BaseException) -> CliError:
    from sellerdesk.cli.store_errors import exchange_text

    return CliError(exchange_text(exc))


def _value_text(value: str) -> str:
    from sellerdesk.exchange.waybills import value_text

    return value_text(value, language())


def cmd_template_add(args: argparse.Namespace) -> int:
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.template_mapping import add_template, parse_map, propose

    if args.header_row is not None and args.header_row < 1:
        raise CliError(_("--header-row must be 1 or more"))
    try:
        proposal = propose(args.blank, args.sheet, args.header_row)
        try:
            mapping = parse_map(args.map, proposal.headers)
        except ValueError as exc:
            raise CliError(_("--map: {reason}", reason=str(exc))) from exc
        tpl, _proposal = add_template(
            args.name,
            args.blank,
            mapping=mapping,
            use_proposal=not args.only_map,
            sheet=args.sheet,
            header_row=args.header_row,
            courier=args.courier,
        )
    except ExchangeError as exc:
        raise _exchange(exc) from exc
    if args.json:
        print(json.dumps(_template_dict(tpl), ensure_ascii=False))
        return 0
    print(
        _(
            "Saved template {name} (sheet {sheet!r}, header row {row}).",
            name=tpl.name,
            sheet=tpl.sheet,
            row=tpl.header_row,
        )
    )
    _print_columns(tpl)
    return 0


def _print_columns(tpl) -> None:  # type: ignore[no-untyped-def]
    for col in tpl.columns:
        if col.value:
            what = _value_text(col.value)
        elif col.const:
            what = _("fixed text {text!r}", text=col.const)
        else:
            what = _("(left empty)")
        print(f"  {col.header}\t{what}")


def cmd_template_list(args: argparse.Namespace) -> int:
    from sellerdesk.exchange.templates import list_templates

    templates = list_templates()
    if args.json:
        for tpl in templates:
            print(json.dumps(_template_dict(tpl), ensure_ascii=False))
        return 0
    for tpl in templates:
        kind = _("yours") if tpl.is_user else _("shipped")
        print(f"{tpl.name}\t{tpl.display_title(language())}\t{kind}")
    return 0


def cmd_template_show(args: argparse.Namespace) -> int:
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.templates import load_template

    try:
        tpl = load_template(args.name)
    except ExchangeError as exc:
        raise _exchange(exc) from exc
    if args.json:
        print(json.dumps(_template_dict(tpl), ensure_ascii=False))
        return 0
    print(f"{tpl.name}\t{tpl.display_title(language())}")
    _print_columns(tpl)
    return 0


def cmd_template_remove(args: argparse.Namespace) -> int:
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.templates import remove_user_template

    try:
        folder = remove_user_template(args.name)
    except ExchangeError as exc:
        raise _exchange(exc) from exc
    print(_("Removed template {name}; its files were moved to {folder}.", name=args.name, folder=folder))
    return 0


def cmd_template_values(args: argparse.Namespace) -> int:
    from sellerdesk.exchange.waybills import MAPPABLE

    for value in MAPPABLE:
        print(f"{value}\t{_value_text(value)}")
    return 0


def cmd_tracking_import(args: argparse.Namespace) -> int:
    from sellerdesk.cli.context import open_store
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.tracking import import_tracking

    with open_store():
        try:
            result = import_tracking(
                args.file,
                courier=args.courier.strip(),
                sheet=args.sheet,
                header_row=args.header_row,
                dry_run=args.dry_run,
            )
        except ExchangeError as exc:
            raise _exchange(exc) from exc
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return 0
    line = (
        N_("Would mark {shipped} order(s) shipped and fill {filled} tracking number(s); {already} already there.")
        if result.dry_run
        else N_("Marked {shipped} order(s) shipped and filled {filled} tracking number(s); {already} already there.")
    )
    print(_(line, shipped=len(result.shipped), filled=len(result.filled), already=len(result.already)))
    if result.unmatched:
        print(_("{n} row(s) not matched:", n=len(result.unmatched)))
        for u in result.unmatched:
            reason = _(REASON_TEXT[u.reason], orders=", ".join(str(i) for i in u.order_ids))
            print(
                _("  row {row} ({tracking}): {reason}", row=u.row.row, tracking=u.row.tracking_no or "-", reason=reason)
            )
    return 0


def cmd_courier_rules(args: argparse.Namespace) -> int:
    from sellerdesk.cli.context import open_store
    from sellerdesk.store import shipping

    new: dict[str, str] | None = None
    if args.rules is not None:
        new = {}
        for item in args.rules:
            if "=" not in item:
                raise CliError(_("--set takes AREA=TEMPLATE, not {item!r}", item=item))
            area, name = (x.strip() for x in item.split("=", 1))
            new[area] = name
    with open_store():
        if new is not None:
            from sellerdesk.exchange.errors import ExchangeError
            from sellerdesk.exchange.templates import load_template

            for name in new.values():
                if name:
                    try:
                        load_template(name)
                    except ExchangeError as exc:
                        raise _exchange(exc) from exc
            shipping.save_preferred_couriers(new)
        rules = shipping.preferred_couriers()
    if args.json:
        print(json.dumps(rules, ensure_ascii=False))
        return 0
    if not rules:
        print(_("No preferred couriers: waybill exports use the template you give."))
    for area, name in rules.items():
        print(f"{_('everywhere else') if area == shipping.ELSEWHERE else area}\t{name}")
    return 0


def cmd_senders(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from sellerdesk.cli.context import open_store
    from sellerdesk.store import senders as store_senders

    with open_store():
        if args.add is not None:
            from sellerdesk.core.address import parse

            fields = parse(args.add).address_fields()
            new = store_senders.Sender(
                name=args.name,
                phone=args.phone,
                province=fields.get("province", ""),
                city=fields.get("city", ""),
                district=fields.get("district", ""),
                detail=fields.get("detail", "") or args.add.strip(),
                company=args.company,
                label=args.label,
                is_default=args.default,
            )
            current = store_senders.senders()
            if args.default:
                current = [store_senders.Sender(**{**asdict(s), "is_default": False}) for s in current]
            store_senders.save_senders([*current, new])
        found = store_senders.senders()
    if args.json:
        for sender in found:
            print(json.dumps(asdict(sender), ensure_ascii=False))
        return 0
    if not found:
        print(_("No sender yet: add one with --add ADDRESS --name NAME --phone PHONE."))
    for sender in found:
        mark = "\t" + _("default") if sender.is_default else ""
        print(f"{sender.title}\t{sender.name}\t{sender.phone}\t{sender.address}{mark}")
    return 0
