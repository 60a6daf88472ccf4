"""CLI commands on orders, tiers and points: ``order …``, ``orders``, ``tier set``, ``tiers …``, ``points …``.

The contract scripts rely on (issue 14):

* ``order add CUSTOMER_ID --amount 128.50 [--date YYYY-MM-DD] [--items TEXT] [--order-no NO]
  [--status S] [--courier NAME] [--tracking NO] [--address ADDRESS_ID]`` prints the new
  order's id alone; the default ship-to is the customer's default address;
* ``order update ORDER_ID [--status S] [--courier NAME] [--tracking NO]``;
* ``orders [--customer ID] [--status S] [--since DATE] [--until DATE] [--json]``, with
  ``--json`` one object per line: ``id``, ``customer_id``, ``order_no``, ``date``, ``amount``
  (a string, "128.50"), ``status``, ``items``, ``courier``, ``tracking``, ``ship_to``
  {recipient, phone, province, city, district, detail};
* an unknown customer or order id, a negative or malformed amount, or a date not written
  YYYY-MM-DD: one line on stderr, exit code 1, nothing written.

Values are checked before the database is opened; the store checks them again. Heavy modules
are imported inside the commands (the CLI starts without peewee or the store).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import re
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from sellerdesk.cli import CliError, Subcommands, masking
from sellerdesk.cli.messages import N_, _, lookup
from sellerdesk.cli.store_errors import english_text

if TYPE_CHECKING:
    from sellerdesk.core.tiers import TierRules
    from sellerdesk.store.orders import OrderRow

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def register(sub: Subcommands) -> None:
    order = sub.add_parser("order", help=N_("add, change, show, delete or restore one order"))
    actions = order.add_subparsers(dest="order_command", metavar="ACTION")
    order.set_defaults(func=lambda args: _usage(order))

    p = actions.add_parser("add", help=N_("record an order; prints its id"))
    p.add_argument("customer", metavar="CUSTOMER_ID", help=N_("customer id"))
    p.add_argument("--amount", required=True, help=N_("amount paid, e.g. 128.50 or ¥1,234.50"))
    p.add_argument("--date", default=None, help=N_("order date YYYY-MM-DD (default: today)"))
    p.add_argument("--items", default="", help=N_("e.g. '面膜 x2 @39.9, 护手霜' (product [xN] [@unit price], …)"))
    p.add_argument("--order-no", default="", help=N_("订单号 (unique when given)"))
    p.add_argument(
        "--status",
        default="pending",
        help=N_(
            "pending|shipped|delivered|cancelled|refunded (or 待发货, 已发货, 已签收, 已取消, 已退款; default: pending)"
        ),
    )
    p.add_argument("--courier", default="", help=N_("快递公司, e.g. 顺丰"))
    p.add_argument("--tracking", default="", help=N_("tracking number 运单号"))
    p.add_argument("--shipped-on", default=None, help=N_("ship date YYYY-MM-DD (default for shipped: the order date)"))
    p.add_argument("--address", default=None, metavar="ADDRESS_ID", help=N_("ship to this address of the customer"))
    p.add_argument("--notes", default="")
    p.add_argument("--json", action="store_true", help=N_("print the order as JSON instead of its id"))
    p.set_defaults(func=cmd_order_add)

    p = actions.add_parser("update", help=N_("change an order (status, courier, tracking number, …)"))
    p.add_argument("order", metavar="ORDER_ID", help=N_("order id"))
    p.add_argument(
        "--status",
        default=None,
        help=N_("pending|shipped|delivered|cancelled|refunded (or 待发货, 已发货, 已签收, 已取消, 已退款)"),
    )
    p.add_argument("--courier", default=None)
    p.add_argument("--tracking", default=None)
    p.add_argument("--shipped-on", default=None, help=N_("ship date YYYY-MM-DD"))
    p.add_argument("--amount", default=None)
    p.add_argument("--date", default=None, help=N_("order date YYYY-MM-DD"))
    p.add_argument("--items", default=None)
    p.add_argument("--order-no", default=None)
    p.add_argument("--address", default=None, metavar="ADDRESS_ID", help=N_("ship to this address instead"))
    p.add_argument("--notes", default=None)
    p.add_argument("--json", action="store_true", help=N_("print the order as JSON"))
    p.set_defaults(func=cmd_order_update)

    p = actions.add_parser("show", help=N_("one order with its lines"))
    p.add_argument("order", metavar="ORDER_ID", help=N_("order id"))
    p.add_argument("--json", action="store_true")
    masking.add_option(p)
    p.set_defaults(func=cmd_order_show)

    p = actions.add_parser("delete", help=N_("move orders to the deleted orders ('order restore' brings them back)"))
    p.add_argument("orders", metavar="ORDER_ID", nargs="+", help=N_("order ids"))
    p.set_defaults(func=cmd_order_delete)

    p = actions.add_parser("restore", help=N_("bring deleted orders back"))
    p.add_argument("orders", metavar="ORDER_ID", nargs="+", help=N_("order ids"))
    p.set_defaults(func=cmd_order_restore)

    p = sub.add_parser("orders", help=N_("list orders (a table, or JSON Lines with --json)"))
    p.add_argument("--customer", default=None, metavar="ID")
    p.add_argument(
        "--status",
        action="append",
        default=[],
        help=N_("pending|shipped|delivered|cancelled|refunded (or 待发货, 已发货, 已签收, 已取消, 已退款; repeatable)"),
    )
    p.add_argument("--since", default=None, help=N_("order date on or after YYYY-MM-DD"))
    p.add_argument("--until", default=None, help=N_("order date on or before YYYY-MM-DD"))
    p.add_argument("--courier", action="append", default=[], help=N_("(repeatable)"))
    p.add_argument("--region", action="append", default=[], help=N_("大区 of the ship-to, e.g. 华东 (repeatable)"))
    p.add_argument("--province", action="append", default=[], help=N_("province of the ship-to (repeatable)"))
    p.add_argument("--search", default="", help=N_("order number, tracking number, items, ship-to or customer"))
    p.add_argument("--deleted", action="store_true", help=N_("list the deleted orders instead"))
    p.add_argument("--limit", type=int, default=0, help=N_("at most this many (0: all)"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per order per line"))
    masking.add_option(p)
    p.set_defaults(func=cmd_orders)

    p = sub.add_parser("tier", help=N_("set a customer's tier by hand, or clear it"))
    tier_actions = p.add_subparsers(dest="tier_command", metavar="ACTION")
    p.set_defaults(func=lambda args, parser=p: _usage(parser))
    q = tier_actions.add_parser(
        "set", help=N_("tier set ID LEVEL (普通/银卡/金卡/钻石 or normal/silver/gold/diamond), or tier set ID --clear")
    )
    q.add_argument("customer", metavar="ID", help=N_("customer id"))
    q.add_argument(
        "level", nargs="?", default=None, metavar="LEVEL", help=N_("普通/银卡/金卡/钻石 or normal/silver/gold/diamond")
    )
    q.add_argument("--clear", action="store_true", help=N_("computed from orders again"))
    q.set_defaults(func=cmd_tier_set)

    p = sub.add_parser("tiers", help=N_("tier rules and names; 'tiers recompute', 'tiers rule LEVEL …'"))
    tiers_actions = p.add_subparsers(dest="tiers_command", metavar="ACTION")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tiers_show)
    q = tiers_actions.add_parser("recompute", help=N_("recompute every tier not set by hand (the last 12 months)"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_tiers_recompute)
    q = tiers_actions.add_parser("rule", help=N_("change a level's thresholds or name, e.g. 'rule silver --spend 500'"))
    q.add_argument("level", metavar="LEVEL", help=N_("普通/银卡/金卡/钻石 or normal/silver/gold/diamond"))
    q.add_argument("--spend", default=None, help=N_("12-month spend that reaches it, e.g. 500 (or 'off')"))
    q.add_argument("--orders", default=None, help=N_("12-month order count that reaches it (or 'off')"))
    q.add_argument("--name", default=None, help=N_("the name people see"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_tiers_rule)

    p = sub.add_parser("points", help=N_("积分: show, redeem, award; 'points settings' turns them on"))
    points_actions = p.add_subparsers(dest="points_command", metavar="ACTION")
    p.set_defaults(func=lambda args, parser=p: _usage(parser))
    q = points_actions.add_parser("show", help=N_("a customer's balance and history"))
    q.add_argument("customer", metavar="ID", help=N_("customer id"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_points_show)
    for name, text in (
        ("redeem", N_("take points off (needs --note)")),
        ("award", N_("give points by hand (needs --note)")),
    ):
        q = points_actions.add_parser(name, help=text)
        q.add_argument("customer", metavar="ID", help=N_("customer id"))
        q.add_argument("points", metavar="N", help=N_("how many points"))
        q.add_argument("--note", required=True, help=N_("what for, e.g. 兑换护手霜"))
        q.set_defaults(func=cmd_points_change, action=name)
    q = points_actions.add_parser("settings", help=N_("show or change the points rule (off by default)"))
    switch = q.add_mutually_exclusive_group()
    switch.add_argument("--on", action="store_true", help=N_("orders earn points from now on"))
    switch.add_argument("--off", action="store_true")
    q.add_argument("--per-yuan", default=None, help=N_("points per ¥1 paid, e.g. 1 or 0.1"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_points_settings)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# --- reading arguments ---------------------------------------------------------------------------------------------


def parse_id(text: str, what: str = N_("id")) -> int:
    from sellerdesk.cli.ids import valid_id

    number = valid_id(text)
    if number is None:
        raise CliError(_("not a valid {what}: {text!r} (a positive whole number)", what=lookup(what), text=text))
    return number


def parse_date(text: str, what: str = "date") -> _dt.date:
    value = str(text).strip()
    if not _DATE.fullmatch(value):
        raise CliError(_("{what} {text!r} is not a date written YYYY-MM-DD", what=what, text=text))
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(_("{what} {text!r} is not a day of the calendar", what=what, text=text)) from None


def parse_amount(text: str, option: str = "--amount") -> int:
    from sellerdesk.core.money import MoneyError, parse_fen

    try:
        return parse_fen(text)
    except MoneyError as exc:
        raise CliError(_("{option}: {problem}", option=option, problem=english_text(str(exc)))) from exc


def parse_status(text: str) -> str:
    from sellerdesk.core.orders import OrderError, status_of

    try:
        return status_of(text)
    except OrderError as exc:
        raise CliError(english_text(str(exc))) from exc


def parse_items(text: str) -> None:
    """Check the items text before anything is opened (the store parses it again)."""
    from sellerdesk.core.orders import OrderError
    from sellerdesk.core.orders import parse_items as parse

    try:
        parse(text)
    except OrderError as exc:
        raise CliError(_("{option}: {problem}", option="--items", problem=english_text(str(exc)))) from exc


# --- output --------------------------------------------------------------------------------------------------------


def _print_json(doc: Any) -> None:
    from sellerdesk.cli import masking

    sys.stdout.write(json.dumps(masking.doc(doc), ensure_ascii=False) + "\n")


def _ship_to_text(ship_to: Mapping[str, str] | None) -> str:
    if not ship_to:
        return ""
    city = ship_to.get("city", "") if ship_to.get("city") != ship_to.get("province") else ""
    place = f"{ship_to.get('province', '')}{city}{ship_to.get('district', '')}"
    return f"{ship_to.get('recipient', '')} {place}".strip()


def order_table(rows: Iterable[OrderRow]) -> str:
    from sellerdesk.cli.textout import table
    from sellerdesk.core.money import format_yuan

    headers = [_("ID"), _("Date"), _("Customer"), _("Amount"), _("Status"), _("Items"), _("Courier"), _("Ship to")]
    return table(
        headers,
        [
            [
                str(r.id),
                r.order_date.isoformat(),
                f"{r.customer_name} ({r.customer_id})",
                format_yuan(r.amount_fen),
                r.status_name,
                r.items,
                f"{r.courier} {r.tracking_no}".strip(),
                _ship_to_text(r.ship_to),
            ]
            for r in rows
        ],
        max_width=30,
    )


def customer_orders(customer_id: int) -> list[dict]:
    """The ``orders`` of ``show --json``: the customer's live orders, oldest first (cancelled
    and refunded ones included; their status says so)."""
    from sellerdesk.store import orders, remote_areas

    far = remote_areas.places()
    return [
        {**orders.order_to_dict(r), "remote": remote_areas.is_remote_address(r.ship_to, far)}
        for r in orders.list_orders(orders.OrderFilter(customer_id=customer_id))
    ]


def customer_orders_text(customer_id: int) -> str:
    """What ``show`` (without --json) prints under the customer: the totals, then the orders."""
    from sellerdesk.core.money import format_yuan
    from sellerdesk.store import orders

    summary = orders.customer_summary(customer_id)
    rows = orders.list_orders(orders.OrderFilter(customer_id=customer_id))
    tier = _("{tier} (set by hand)", tier=summary.tier_name) if summary.tier_manual else summary.tier_name
    lines = [
        _("Orders: {n}   Spent: {spent}", n=summary.order_count, spent=format_yuan(summary.total_spent_fen))
        + (
            _("   Average: {amount}", amount=format_yuan(summary.average_fen))
            if summary.average_fen is not None
            else ""
        )
        + (_("   Last: {date}", date=summary.last_order.isoformat()) if summary.last_order else ""),
        _("Tier: {tier}   Points: {points}", tier=tier, points=summary.points),
    ]
    if summary.top_products:
        products = ", ".join(f"{p.product} ×{p.quantity}" for p in summary.top_products)
        lines.append(_("Buys most: {products}", products=products))
    if rows:
        lines.append(order_table(rows))
    return "\n".join(lines)


# --- commands ------------------------------------------------------------------------------------------------------


def cmd_order_add(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store

    customer_id = parse_id(args.customer, N_("customer id"))
    amount = parse_amount(args.amount)
    when = parse_date(args.date, "--date") if args.date is not None else None
    shipped = parse_date(args.shipped_on, "--shipped-on") if args.shipped_on is not None else None
    status = parse_status(args.status)
    address_id = parse_id(args.address, N_("address id")) if args.address is not None else None
    parse_items(args.items)
    with open_store():
        from sellerdesk.store import orders

        order = orders.add_order(
            customer_id,
            amount_fen=amount,
            order_date=when,
            items=args.items,
            order_no=args.order_no,
            notes=args.notes,
            status=status,
            courier=args.courier,
            tracking_no=args.tracking,
            shipped_on=shipped,
            address_id=address_id,
        )
        if args.json:
            _print_json(orders.order_to_dict(orders.rows_for_ids([order.id])[order.id]))
        else:
            print(order.id)


def cmd_order_update(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store

    order_id = parse_id(args.order, N_("order id"))
    changes: dict[str, Any] = {}
    if args.status is not None:
        changes["status"] = parse_status(args.status)
    if args.courier is not None:
        changes["courier"] = args.courier
    if args.tracking is not None:
        changes["tracking_no"] = args.tracking
    if args.shipped_on is not None:
        changes["shipped_on"] = parse_date(args.shipped_on, "--shipped-on")
    if args.amount is not None:
        changes["amount_fen"] = parse_amount(args.amount)
    if args.date is not None:
        changes["order_date"] = parse_date(args.date, "--date")
    if args.items is not None:
        parse_items(args.items)
        changes["items"] = args.items
    if args.order_no is not None:
        changes["order_no"] = args.order_no
    if args.address is not None:
        changes["address_id"] = parse_id(args.address, N_("address id"))
    if args.notes is not None:
        changes["notes"] = args.notes
    with open_store():
        from sellerdesk.store import orders

        order = orders.update_order(order_id, changes)
        if args.json:
            _print_json(orders.order_to_dict(orders.rows_for_ids([order.id])[order.id]))


def cmd_order_show(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.core.money import format_yuan

    order_id = parse_id(args.order, N_("order id"))
    with open_store():
        from sellerdesk.store import orders

        orders.get_order(order_id)
        row = orders.rows_for_ids([order_id])[order_id]
        lines = orders.order_lines(order_id)
        doc = orders.order_to_dict(row)
        if args.json:
            doc |= {
                "notes": row.notes,
                "shipped_on": row.shipped_on.isoformat() if row.shipped_on else "",
                "deleted": row.deleted_at is not None,
                "version": row.version,
                "lines": [
                    {
                        "product": line.product,
                        "quantity": line.quantity,
                        "unit_price": None if line.unit_price_fen is None else _plain(line.unit_price_fen),
                    }
                    for line in lines
                ],
            }
            _print_json(doc)
            return
        print(order_table([row]))
        for line in lines:
            price = "" if line.unit_price_fen is None else f" @ {format_yuan(line.unit_price_fen)}"
            print(f"  {line.product} ×{line.quantity}{price}")
        if row.shipped_on:
            print(_("Shipped: {date}", date=row.shipped_on.isoformat()))
        if row.notes:
            print(_("Notes: {notes}", notes=row.notes))
        if row.deleted_at is not None:
            print(_("Deleted ('sellerdesk-cli order restore ID' brings it back)"))


def _plain(fen: int) -> str:
    from sellerdesk.core.money import format_plain

    return format_plain(fen)


def _move(args: argparse.Namespace, deleting: bool) -> None:
    """Delete or restore the orders all together, or none of them: the ids that could not move
    (unknown, or already deleted / not deleted) are named in the one error line."""
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.ids import id_list

    ids = list(dict.fromkeys(parse_id(text, N_("order id")) for text in args.orders))
    missing: list[int] = []
    with open_store():
        from sellerdesk.store import orders
        from sellerdesk.store.models import DB

        with contextlib.suppress(_RolledBack), DB.atomic():
            moved = orders.delete_orders(ids) if deleting else orders.restore_orders(ids)
            missing = sorted(set(ids) - set(moved))
            if missing:
                raise _RolledBack  # what did move goes back
    if missing:
        shown = id_list(missing, N_("{ids} and {n} more orders"))
        raise CliError(
            _("order {ids} not found or already deleted; nothing was changed", ids=shown)
            if deleting
            else _("order {ids} not found or not deleted; nothing was changed", ids=shown)
        )
    if deleting:
        print(_("Deleted {n} order(s); 'sellerdesk-cli order restore ID…' brings them back.", n=len(moved)))
    else:
        print(_("Restored {n} order(s).", n=len(moved)))


class _RolledBack(Exception):
    """Raised inside a transaction to roll it back."""


def cmd_order_delete(args: argparse.Namespace) -> None:
    _move(args, deleting=True)


def cmd_order_restore(args: argparse.Namespace) -> None:
    _move(args, deleting=False)


def _ship_to_provinces(args: argparse.Namespace) -> list[str]:
    from sellerdesk.core import regions

    provinces: list[str] = []
    for name in args.region:
        members = regions.big_regions().get(name)
        if not members:
            raise CliError(
                _("unknown region {name!r}; one of: {names}", name=name, names=", ".join(regions.big_regions()))
            )
        provinces.extend(regions.find(short, level=1)[0].name for short in members)
    for name in args.province:
        found = regions.find(name, level=1)
        if not found:
            raise CliError(_("unknown province {name!r}", name=name))
        provinces.append(found[0].name)
    return list(dict.fromkeys(provinces))


def cmd_orders(args: argparse.Namespace) -> None:
    from sellerdesk.cli import masking
    from sellerdesk.cli.context import open_store

    customer_id = parse_id(args.customer, N_("customer id")) if args.customer is not None else None
    statuses = [parse_status(s) for s in args.status]
    since = parse_date(args.since, "--since") if args.since is not None else None
    until = parse_date(args.until, "--until") if args.until is not None else None
    provinces = _ship_to_provinces(args)
    if args.limit < 0:
        raise CliError(_("--limit must be 0 or more"))
    with open_store():
        from sellerdesk.store import customers, orders

        if customer_id is not None:
            customers.get_customer(customer_id)  # an unknown id is an error, not an empty list
        flt = orders.OrderFilter(
            customer_id=customer_id,
            statuses=tuple(statuses),
            since=since,
            until=until,
            provinces=tuple(provinces),
            couriers=tuple(c.strip() for c in args.courier if c.strip()),
            search=args.search,
            deleted=args.deleted,
        )
        ids = orders.order_ids(flt)
        if args.limit:
            ids = ids[: args.limit]
        if args.json:
            from sellerdesk.store import remote_areas

            far = remote_areas.places()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                chunk_rows = orders.rows_for_ids(chunk)
                sys.stdout.write(
                    "".join(
                        json.dumps(
                            masking.doc(
                                {
                                    **orders.order_to_dict(chunk_rows[i]),
                                    "remote": remote_areas.is_remote_address(chunk_rows[i].ship_to, far),
                                }
                            ),
                            ensure_ascii=False,
                        )
                        + "\n"
                        for i in chunk
                    )
                )
            return
        rows_by_id = orders.rows_for_ids(ids)
        rows = [rows_by_id[i] for i in ids]
        if rows:
            print(order_table(rows))
        print(_("{n} order(s)", n=len(rows)))


def cmd_tier_set(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store

    customer_id = parse_id(args.customer, N_("customer id"))
    if args.clear == (args.level is not None):
        raise CliError(_("give either a LEVEL or --clear"))
    with open_store():
        from sellerdesk.store import tiers

        customer = tiers.set_manual_tier(customer_id, None if args.clear else args.level)
        info = tiers.tier_info(customer)
    print(
        _("Customer {id}: {tier} (set by hand)", id=customer_id, tier=info.name)
        if info.manual
        else _("Customer {id}: {tier} (from their orders)", id=customer_id, tier=info.name)
    )


class _LevelDoc(TypedDict):
    name: str
    spend: str | None  # yuan, as a string
    orders: int | None
    customers: NotRequired[int]


def _rules_doc(rules: TierRules, counts: dict[str, int] | None = None) -> dict[str, _LevelDoc]:
    from sellerdesk.core.tiers import LEVELS

    out: dict[str, _LevelDoc] = {}
    for key in LEVELS:
        threshold = rules.thresholds.get(key)
        out[key] = {
            "name": rules.names[key],
            "spend": None if threshold is None or threshold.spend_fen is None else _plain(threshold.spend_fen),
            "orders": None if threshold is None else threshold.orders,
        }
        if counts is not None:
            out[key]["customers"] = counts.get(key, 0)
    return out


def _print_rules(
    rules: TierRules, counts: dict[str, int] | None, as_json: bool, extra: dict[str, object] | None = None
) -> None:
    from sellerdesk.cli.textout import table
    from sellerdesk.core.money import format_yuan

    doc = _rules_doc(rules, counts)
    if as_json:
        _print_json({"levels": doc, **(extra or {})})
        return
    rows = []
    for key, level in doc.items():
        threshold = rules.thresholds.get(key)
        spend = "" if threshold is None or threshold.spend_fen is None else f"≥ {format_yuan(threshold.spend_fen)}"
        count = "" if threshold is None or threshold.orders is None else f"≥ {threshold.orders}"
        rows.append([key, level["name"], spend, count, str(level.get("customers", ""))])
    print(table([_("Level"), _("Level name"), _("Spend (12 mo.)"), _("Orders (12 mo.)"), _("Customers")], rows))
    print(_("A customer reaches a level by spend OR order count in the last 12 months; a tier set by hand wins."))


def cmd_tiers_show(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store

    with open_store():
        from sellerdesk.store import tiers

        rules = tiers.tier_rules()
        counts = tiers.tier_counts()
        last = tiers.last_recomputed()
    _print_rules(rules, counts, args.json, {"recomputed_on": last.isoformat() if last else ""})


def cmd_tiers_recompute(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store

    with open_store():
        from sellerdesk.store import tiers

        changed = tiers.recompute_tiers()
    if args.json:
        _print_json({"changed": changed})
    else:
        print(_("Recomputed the tiers: {n} customer(s) changed tier.", n=changed))


def cmd_tiers_rule(args: argparse.Namespace) -> None:
    from dataclasses import replace

    from sellerdesk.cli.context import open_store
    from sellerdesk.core.tiers import NORMAL, TierRules

    if args.spend is None and args.orders is None and args.name is None:
        raise CliError(_("give --spend, --orders or --name"))
    spend: int | str | None = None
    if args.spend is not None:
        spend = "off" if args.spend.strip().lower() == "off" else parse_amount(args.spend, "--spend")
    count: int | str | None = None
    if args.orders is not None:
        count = "off" if args.orders.strip().lower() == "off" else parse_id(args.orders, N_("--orders count"))
    with open_store():
        from sellerdesk.store import tiers

        rules = tiers.tier_rules()
        key = rules.level_of(args.level)
        if key is None:
            raise CliError(
                _("unknown level {name!r}; one of: {names}", name=args.level, names=", ".join(rules.names.values()))
            )
        thresholds = dict(rules.thresholds)
        if spend is not None or count is not None:
            if key == NORMAL:
                raise CliError(_("{level} is where everyone starts; it has no thresholds", level=rules.names[NORMAL]))
            threshold = thresholds[key]
            if spend is not None:
                threshold = replace(threshold, spend_fen=spend if isinstance(spend, int) else None)  # or "off"
            if count is not None:
                threshold = replace(threshold, orders=count if isinstance(count, int) else None)  # or "off"
            thresholds[key] = threshold
        names = dict(rules.names)
        if args.name is not None:
            names[key] = args.name.strip()
        new = TierRules(thresholds, names)
        changed = tiers.save_tier_rules(new)
        counts = tiers.tier_counts()
    _print_rules(new, counts, args.json, {"changed": changed})
    if not args.json:
        print(_("Saved; {n} customer(s) changed tier.", n=changed))


def cmd_points_show(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.cli.textout import table

    customer_id = parse_id(args.customer, N_("customer id"))
    with open_store():
        from sellerdesk.store import customers, points

        customers.get_customer(customer_id)
        balance = points.balance(customer_id)
        history = points.history(customer_id)
        rule = points.points_rule()
    if args.json:
        _print_json(
            {
                "customer_id": customer_id,
                "points": balance,
                "enabled": rule.enabled,
                "history": [
                    {"at": e.at.isoformat(), "delta": e.delta, "order_id": e.order_id, "note": e.note} for e in history
                ],
            }
        )
        return
    print(_("积分 Points: {n}", n=balance) + ("" if rule.enabled else _("   (points are off: 'points settings --on')")))
    if history:
        from sellerdesk.cli.messages import app_text
        from sellerdesk.core.labels import POINTS_NOTES

        # the ledger's own notes as the app's 积分 tab shows them; --json keeps them as stored
        rows = [
            [e.at.isoformat(" "), f"{e.delta:+d}", str(e.order_id or ""), POINTS_NOTES.name(e.note, app_text)]
            for e in history
        ]
        print(table([_("At (UTC)"), _("Points"), _("Order"), _("Note")], rows))


def cmd_points_change(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store

    customer_id = parse_id(args.customer, N_("customer id"))
    amount = parse_id(args.points, N_("number of points"))
    with open_store():
        from sellerdesk.store import points

        if args.action == "redeem":
            points.redeem(customer_id, amount, args.note)
        else:
            points.award(customer_id, amount, args.note)
        balance = points.balance(customer_id)
    print(_("Customer {id}: {n} point(s)", id=customer_id, n=balance))


def cmd_points_settings(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import open_store
    from sellerdesk.core.points import PointsError, PointsRule, parse_rate

    rate = None
    if args.per_yuan is not None:
        try:
            rate = parse_rate(args.per_yuan)
        except PointsError as exc:
            raise CliError(_("{option}: {problem}", option="--per-yuan", problem=english_text(str(exc)))) from exc
    with open_store():
        from sellerdesk.store import points

        rule = points.points_rule()
        if args.on or args.off or rate is not None:
            rule = PointsRule(
                enabled=args.on or (rule.enabled and not args.off),
                per_yuan_hundredths=rate if rate is not None else rule.per_yuan_hundredths,
            )
            points.save_points_rule(rule)
    if args.json:
        _print_json({"enabled": rule.enabled, "per_yuan": rule.per_yuan_text})
    else:
        text = (
            N_("Points are on: {rate} point(s) per ¥1 paid.")
            if rule.enabled
            else N_("Points are off: {rate} point(s) per ¥1 paid.")
        )
        print(_(text, rate=rule.per_yuan_text))
