"""CLI commands ``import`` and ``export`` (Excel/CSV), the same code the wizard runs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sellerdesk.cli import CliError, Subcommands, masking
from sellerdesk.cli.messages import N_, _, language

if TYPE_CHECKING:
    from sellerdesk.progress import ProgressCallback

PHASES = {
    "reading": N_("Reading"),
    "checking": N_("Checking rows"),
    "planning": N_("Finding duplicates"),
    "writing": N_("Writing"),
    "exporting": N_("Exporting"),
}


def register(sub: Subcommands) -> None:
    from sellerdesk.cli.store_cmds import _filter_args

    p = sub.add_parser(
        "import",
        help=N_(
            "import customers, and orders when the file has order columns, from .xlsx/.xls/.ods/.csv (all or nothing)"
        ),
    )
    p.add_argument("file", metavar="FILE", help=N_("the spreadsheet"))
    p.add_argument("--sheet", default=None, help=N_("sheet name (default: the visible sheet that holds customers)"))
    p.add_argument("--header-row", type=int, default=None, help=N_("row number of the header (default: found)"))
    p.add_argument(
        "--on-duplicate",
        choices=("merge", "skip", "update", "new"),
        default="merge",
        help=N_(
            "a row whose phone/WeChat ID is already known: merge (default; adds a differing address "
            "as another address), skip it, update the customer, or always add a new customer"
        ),
    )
    p.add_argument(
        "--same-phone-different-name",
        choices=("merge", "separate"),
        default="separate",
        help=N_(
            "a row whose phone belongs to a customer with another name (not 张先生/张三, not the same "
            "pinyin): keep it as a separate customer (default) or merge it; either way it is listed in the "
            "report as a possible duplicate (可能重复)"
        ),
    )
    p.add_argument("--dry-run", action="store_true", help=N_("show the plan and write the report, change nothing"))
    p.add_argument(
        "--customers-only",
        action="store_true",
        help=N_("ignore the order columns (订单号, 实付金额 …): add customers only"),
    )
    p.add_argument("--report", default=None, help=N_("where to write the problem report (.xlsx; default: beside FILE)"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.add_argument("--progress", action="store_true", help=N_("print progress lines on stderr"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help=N_("export customers (or a courier template) to .xlsx"))
    p.add_argument("file", metavar="FILE", nargs="?", help=N_("the .xlsx file to write"))
    _filter_args(p)
    p.add_argument("--template", default=None, help=N_("courier template name (see --list-templates)"))
    p.add_argument("--list-templates", action="store_true", help=N_("print the courier templates and exit"))
    rows = p.add_mutually_exclusive_group()
    rows.add_argument(
        "--per-address",
        dest="per_address",
        action="store_true",
        default=None,  # (a spreadsheet: per address; a courier template: per customer)
        help=N_("one row per address, every address kept (the default: re-imports as the same data)"),
    )
    rows.add_argument(
        "--per-customer",
        dest="per_address",
        action="store_false",
        help=N_("one row per customer, with the default address only (a list to read)"),
    )
    p.add_argument("--full-address", action="store_true", help=N_("one address column instead of 省/市/区/详细地址"))
    p.add_argument(
        "--columns", default=None, help=N_("comma-separated columns, e.g. name,phone,province,city,district,detail")
    )
    p.add_argument(
        "--orders",
        default=None,
        metavar="pending|ID,…",
        help=N_(
            "export waybills of orders instead of customers: the orders to ship (pending) or order ids; "
            "FILE may be .xlsx or .csv"
        ),
    )
    p.add_argument(
        "--sender", default=None, help=N_("waybills: the sender's label or name (default: the default sender)")
    )
    p.add_argument(
        "--encoding",
        choices=("gbk", "utf-8"),
        default="gbk",
        help=N_("waybills as .csv: GBK (default; characters GBK lacks are written as ?) or UTF-8 with BOM"),
    )
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.add_argument("--progress", action="store_true", help=N_("print progress lines on stderr"))
    masking.add_option(p)
    p.set_defaults(func=cmd_export)


def remote_summary(*, orders: int = 0, customers: int = 0) -> str:
    """The export summary's line: "3 个订单发往偏远地区" (orders), or of customers."""
    if orders:
        return _("{n} order(s) ship to a remote area (偏远地区)", n=orders)
    return _("{n} customer(s) in a remote area (偏远地区)", n=customers)


def _progress_printer(enabled: bool) -> ProgressCallback:
    last: dict[str, str | int | None] = {"phase": None, "step": -1}

    def report(done: int, total: int, message: str = "") -> None:
        if not enabled:
            return
        step = int(done * 20 / total) if total else 0
        if message != last["phase"] or step != last["step"]:
            last.update(phase=message, step=step)
            label = _(PHASES[message]) if message in PHASES else message
            print(
                _("{phase}: {done}/{total}", phase=label, done=done, total=total) if total else label,
                file=sys.stderr,
                flush=True,
            )

    return report


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.store_errors import exchange_text
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.importer import import_file

    path = Path(args.file)
    if args.header_row is not None and args.header_row < 1:
        raise CliError(_("--header-row must be 1 or more"))
    with open_store():
        try:
            result = import_file(
                path,
                sheet=args.sheet,
                header_row=args.header_row,
                on_duplicate=args.on_duplicate,
                same_phone=args.same_phone_different_name,
                dry_run=args.dry_run,
                customers_only=args.customers_only,
                report_path=Path(args.report) if args.report else None,
                write_report_file=not args.dry_run,  # a dry run writes nothing, not even the report
                progress=_progress_printer(args.progress),
            )
        except ExchangeError as exc:
            raise CliError(exchange_text(exc)) from exc
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return 0
    c = result.counts
    summary = (
        N_(
            "Would import {file} (sheet {sheet!r}, header row {row}): {new} new, {merged} merged, "
            "{updated} updated, {skipped} skipped, {rejected} rejected, {flagged} flagged."
        )
        if result.dry_run
        else N_(
            "Imported {file} (sheet {sheet!r}, header row {row}): {new} new, {merged} merged, "
            "{updated} updated, {skipped} skipped, {rejected} rejected, {flagged} flagged."
        )
    )
    print(_(summary, file=path.name, sheet=result.sheet, row=result.header_row, **c))
    if not result.dry_run:
        print(
            _(
                "Addresses added: {added}, updated: {updated}.",
                added=c["addresses_added"],
                updated=c["addresses_updated"],
            )
        )
    if "orders_existing" in c:
        added = c.get("orders_added", c.get("orders_new", 0))
        orders = (
            N_("Orders to add: {added}, already there: {existing}, with problems (not imported): {rejected}.")
            if result.dry_run
            else N_("Orders added: {added}, already there: {existing}, with problems (not imported): {rejected}.")
        )
        print(_(orders, added=added, existing=c["orders_existing"], rejected=c["orders_rejected"]))
    same_phone = (
        N_("Same phone, different name: kept as separate customers; possible duplicates to check: {n}.")
        if args.same_phone_different_name == "separate"
        else N_("Same phone, different name: merged as chosen; possible duplicates to check: {n}.")
    )
    print(_(same_phone, n=c.get("possible_duplicates", 0)))
    ignored = result.ignored_columns()
    if ignored:
        print(_("Columns not imported (no field goes by their header): {names}", names=", ".join(ignored)))
    if c.get("masked_phones"):
        print(_("Masked phones (138****1234) not used to match customers: {n} row(s).", n=c["masked_phones"]))
    if result.report_path:
        print(_("Problem report: {path}", path=result.report_path))
    elif result.dry_run and (c.get("rejected") or c.get("flagged")):
        from sellerdesk.exchange.importer.report import default_report_path

        where = Path(args.report) if args.report else default_report_path(path)
        print(_("Nothing was written; the import itself would list these rows in {path}.", path=where))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from sellerdesk.cli.store_errors import exchange_text
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.templates import list_templates

    if args.list_templates:
        for tpl in list_templates():
            mark = "\t" + _("yours") if tpl.is_user else ""
            print(f"{tpl.name}\t{tpl.display_title('zh_CN')}\t{tpl.display_title('en')}{mark}")
        return 0
    if args.file is None:
        raise CliError(_("give the .xlsx file to write (or --list-templates)"), code=2)
    if args.orders is not None:
        return _export_waybills(args)
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.store_cmds import build_filter
    from sellerdesk.exchange.export import ALL_COLUMNS, export_customers

    columns = None
    if args.columns:
        columns = [c.strip() for c in args.columns.split(",") if c.strip()]
        unknown = [c for c in columns if c not in ALL_COLUMNS]
        if unknown:
            raise CliError(
                _(
                    "unknown column(s) {columns}; choose from {choices}",
                    n=len(unknown),
                    columns=", ".join(unknown),
                    choices=", ".join(ALL_COLUMNS),
                )
            )
    flt = build_filter(args)
    with open_store():
        try:
            result = export_customers(
                args.file,
                flt,
                per_address=args.per_address if args.per_address is not None else args.template is None,
                split_region=not args.full_address,
                columns=columns,
                template=args.template,
                mask=masking.masking(),
                progress=_progress_printer(args.progress),
            )
        except ExchangeError as exc:
            raise CliError(exchange_text(exc)) from exc
        from sellerdesk.store import remote_areas

        far = remote_areas.count_in_view(flt)
    if args.json:
        print(json.dumps({**result.to_dict(), "remote_customers": far}, ensure_ascii=False))
        return 0
    print(_("Exported {rows} row(s) to {path}", n=result.rows, rows=result.rows, path=result.path))
    print(_("{n} customer(s) exported.", n=result.customers))
    if far:
        print(remote_summary(customers=far))
    if result.warnings:
        print(_("{n} field(s) the courier may reject:", n=len(result.warnings)))
        _print_warnings(result.warnings)
    return 0


def _print_warnings(warnings: Sequence[Any], shown: int = 50) -> None:
    """The cells a courier may reject, one line each (the first ``shown``), in the CLI's language."""
    from sellerdesk.exchange.export import WARNING_TEXT

    zh = language() == "zh_CN"
    for w in warnings[:shown]:
        print(
            _(
                "  row {row}, {column}: {problem}",
                row=w.row,
                column=" ".join(w.column.split()),  # (a header cell of two lines: one line each still)
                problem=WARNING_TEXT[w.code][0 if zh else 1],
            )
        )
    if len(warnings) > shown:
        print(_("  … and {n} more", n=len(warnings) - shown))


def _order_ids_arg(text: str) -> tuple[str, list[int]]:
    text = text.strip()
    if text == "pending":
        return "pending", []
    from sellerdesk.cli.ids import valid_id

    found = [valid_id(part) for part in text.replace("，", ",").split(",") if part.strip()]
    ids = [i for i in found if i is not None]
    if len(ids) < len(found) or not ids:  # (not digits, 0, or too big for the database)
        raise CliError(_("--orders takes pending or order ids like 12,15,20, not {text!r}", text=text), code=2)
    return "ids", ids


def _export_waybills(args: argparse.Namespace) -> int:
    """``export FILE --orders …``: waybills into a template; without ``--template`` each order
    takes its preferred courier's template (``courier-rules``; else split_region), one file per
    template (FILE's name + the template's)."""
    from pathlib import Path

    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.store_errors import exchange_text
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.exchange.templates import load_template
    from sellerdesk.exchange.waybills import export_waybills, file_part, format_for
    from sellerdesk.store import senders as store_senders
    from sellerdesk.store import shipping

    source, ids = _order_ids_arg(args.orders)
    path = Path(args.file)
    try:
        format_for(path, args.encoding)
        if args.template:
            load_template(args.template)
    except ExchangeError as exc:
        raise CliError(exchange_text(exc)) from exc
    results = []
    with open_store():
        sender = store_senders.default_sender()
        if args.sender is not None:
            wanted = args.sender.strip()
            found = [s for s in store_senders.senders() if wanted in (s.label, s.name)]
            if not found:
                from sellerdesk.cli.labels_cmds import ADD_SENDER

                names = ", ".join(s.title for s in store_senders.senders())
                if not names:
                    raise CliError(
                        _("no sender called {name!r}: no sender is saved yet; {how}", name=wanted, how=_(ADD_SENDER))
                    )
                raise CliError(_("no sender {name!r}; senders: {names}", name=wanted, names=names))
            sender = found[0]
        order_ids = shipping.order_ids_for(source, ids)
        if source == "ids":
            from sellerdesk.store import orders as store_orders

            store_orders.check_shippable(order_ids)
        if args.template:
            groups = {args.template: order_ids}
        else:
            groups = shipping.split_by_courier(order_ids, shipping.preferred_couriers(), DEFAULT_WAYBILL_TEMPLATE)
        try:
            if not order_ids:
                raise ExchangeError("no_orders")
            for name, group in groups.items():
                target = path if len(groups) == 1 else path.with_name(f"{path.stem}-{file_part(name)}{path.suffix}")
                results.append(
                    export_waybills(
                        target,
                        group,
                        name,
                        sender=sender,
                        encoding=args.encoding,
                        progress=_progress_printer(args.progress),
                    )
                )
        except ExchangeError as exc:
            raise CliError(exchange_text(exc)) from exc
        from sellerdesk.store import remote_areas

        far = remote_areas.count_orders(i for result in results for i in result.order_ids)
    from sellerdesk.cli import EXIT_OK, EXIT_WARNINGS

    # a courier refuses a sheet with empty required cells (寄件人, 收件省/市 …): written, exit 3
    missing = any(w.code == "missing" for result in results for w in result.warnings)
    done = EXIT_WARNINGS if sender is None or missing else EXIT_OK
    if args.json:
        for result in results:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        return done
    if sender is None:
        print(_("No sender is set, so the sender columns are empty: add one in the app (订单 › 发货设置)."))
    for result in results:
        print(
            _("Wrote {n} order(s) to {path} ({template}).", n=result.orders, path=result.path, template=result.template)
        )
        _print_warnings(result.warnings)
    if far:
        print(remote_summary(orders=far))
    return done


DEFAULT_WAYBILL_TEMPLATE = "split_region"
"""The template of orders no courier rule covers, when ``--template`` is not given."""
