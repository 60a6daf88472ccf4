"""CLI commands on the customer store: init, add, list, show, trash, untrash, recovery-code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from sellerdesk.cli import CliError, Subcommands, masking
from sellerdesk.cli.context import data_dir, open_store
from sellerdesk.cli.ids import id_list, record_id
from sellerdesk.cli.messages import N_, _
from sellerdesk.cli.store_errors import english_text
from sellerdesk.cli.textout import table
from sellerdesk.sentences import sentences

if TYPE_CHECKING:
    from sellerdesk.store.queries import CustomerFilter


def register(sub: Subcommands) -> None:
    p = sub.add_parser("init", help=N_("create an empty encrypted database and print its recovery code"))
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("add", help=N_("add a customer (with an address)"))
    p.add_argument("--name", default="", help=N_("the customer's name"))
    p.add_argument("--phone", default="", help=N_("the customer's phone"))
    p.add_argument("--wechat", default="", help=N_("WeChat ID"))
    p.add_argument("--tags", default="", help=N_("comma-separated"))
    p.add_argument("--tier", default="", help=N_("tier set by hand: 普通, 银卡, 金卡 or 钻石"))
    p.add_argument("--notes", default="", help=N_("notes"))
    p.add_argument("--address", default="", help=N_("a whole address to parse, e.g. '广东省深圳市南山区科技园1号'"))
    p.add_argument("--province", default="", help=N_("province, e.g. 广东省"))
    p.add_argument("--city", default="", help=N_("city, e.g. 深圳市"))
    p.add_argument("--district", default="", help=N_("district or county, e.g. 南山区"))
    p.add_argument("--detail", default="", help=N_("street, building and room"))
    p.add_argument("--postal-code", default="", help=N_("6-digit postal code"))
    p.add_argument("--recipient", default="", help=N_("recipient name (default: the customer's name)"))
    p.add_argument("--address-phone", default="", help=N_("recipient phone (default: the customer's phone)"))
    p.add_argument("--label", default="", help=N_("家, 公司, …"))
    p.add_argument(
        "--force",
        action="store_true",
        help=N_("store a wrong phone, postal code or region (广东省 with 杭州市) anyway, marked 需核对 (needs_check)"),
    )
    p.add_argument("--json", action="store_true", help=N_("print the new customer as JSON"))
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("list", help=N_("list customers (a table, or JSON Lines with --json)"))
    _filter_args(p)
    p.add_argument("--trash", action="store_true", help=N_("list the Trash instead"))
    p.add_argument("--limit", type=int, default=0, help=N_("at most this many (0: all)"))
    p.add_argument("--json", action="store_true", help=N_("one JSON object per customer per line"))
    masking.add_option(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help=N_("show one customer with addresses and address history"))
    p.add_argument("id", type=record_id, metavar="ID", help=N_("customer id"))
    p.add_argument("--json", action="store_true", help=N_("print the customer as JSON"))
    masking.add_option(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("trash", help=N_("move customers to the Trash"))
    p.add_argument("ids", type=record_id, nargs="+", metavar="ID", help=N_("customer ids"))
    p.set_defaults(func=cmd_trash)

    p = sub.add_parser("untrash", help=N_("bring customers back from the Trash"))
    p.add_argument("ids", type=record_id, nargs="+", metavar="ID", help=N_("customer ids"))
    p.set_defaults(func=cmd_untrash)

    p = sub.add_parser("recovery-code", help=N_("show the recovery code again (needs the database unlocked)"))
    p.set_defaults(func=cmd_recovery_code)


def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--search", default="", help=N_("name, phone digits, WeChat ID, pinyin initials or address text"))
    p.add_argument("--region", action="append", default=[], help=N_("大区, e.g. 华东 (repeatable)"))
    p.add_argument("--province", action="append", default=[], help=N_("e.g. 广东省 or 广东 (repeatable)"))
    p.add_argument("--tag", action="append", default=[], help=N_("(repeatable; all must match)"))
    p.add_argument("--tier", action="append", default=[], help=N_("(repeatable)"))


def build_filter(args: argparse.Namespace, *, trashed: bool = False) -> CustomerFilter:
    """The CustomerFilter the ``--search/--region/--province/--tag/--tier`` options describe."""
    from sellerdesk.store.queries import CustomerFilter

    named_regions = getattr(args, "region", []) or []
    named_provinces = getattr(args, "province", []) or []
    provinces = _provinces(named_regions, named_provinces) if named_regions or named_provinces else []
    return CustomerFilter(
        search=getattr(args, "search", "") or "",
        provinces=tuple(dict.fromkeys(provinces)),
        tags=tuple(getattr(args, "tag", []) or []),
        tiers=tuple(getattr(args, "tier", []) or []),
        trashed=trashed,
    )


def _provinces(named_regions: list[str], named_provinces: list[str]) -> list[str]:
    """The official province names of ``--region`` and ``--province`` (reads the region table)."""
    from sellerdesk.core import regions

    provinces: list[str] = []
    for name in named_regions:
        members = regions.big_regions().get(name)
        if not members:
            raise CliError(
                _("unknown region {name!r}; one of: {names}", name=name, names=", ".join(regions.big_regions()))
            )
        provinces.extend(regions.find(short, level=1)[0].name for short in members)
    for name in named_provinces:
        found = regions.find(name, level=1)
        if not found:
            raise CliError(_("unknown province {name!r}", name=name))
        provinces.append(found[0].name)
    return provinces


def cmd_init(args: argparse.Namespace) -> None:
    from sellerdesk.core.passwords import ADVICE, estimate
    from sellerdesk.store.keys import MODE_KEYRING, MODE_PASSWORD
    from sellerdesk.store.session import passphrase_from_env

    datadir = data_dir()
    passphrase = passphrase_from_env()
    if passphrase is not None:
        strength = estimate(passphrase)  # the rule DataDir.initialize applies, worded for the CLI
        if not strength.acceptable:
            raise CliError(
                _(
                    "SELLERDESK_PASSPHRASE is {weakness}; nothing was created. {advice}",
                    weakness=english_text(strength.english()),
                    advice=english_text(ADVICE),
                )
            )
        mode = MODE_PASSWORD
    else:
        problem = datadir.keyring_usable()
        if problem is not None:
            from sellerdesk.cli.store_errors import keyring_text

            raise CliError(
                sentences(
                    keyring_text(problem),
                    _("Set SELLERDESK_PASSPHRASE to create the database with a master password instead."),
                )
            )
        mode = MODE_KEYRING
    _key, code = datadir.initialize(mode, passphrase)
    datadir.close()  # created, migrated and checkpointed; no command runs after it
    if args.json:
        print(json.dumps({"data_dir": str(datadir.home), "mode": mode, "recovery_code": code}, ensure_ascii=False))
        return
    print(_("Created an encrypted SellerDesk database in {home}", home=datadir.home))
    if mode == MODE_PASSWORD:
        print(_("Its key is protected by your master password (SELLERDESK_PASSPHRASE)."))
    else:
        print(_("Its key is protected by the OS keyring."))
    print()
    print(_("RECOVERY CODE — write it down and keep it away from this computer:"))
    print()
    print(f"    {code}")
    print()
    print(_("It unlocks this database and every backup on a new machine if the password or keyring is lost."))
    print(_("'sellerdesk-cli recovery-code' shows it again while the database can be unlocked."))


def _address_from_args(args: argparse.Namespace) -> dict | None:
    """The address of ``add``: smart paste of --address, then the split flags over it."""
    fields: dict = {}
    if args.address:
        from sellerdesk.core.address import parse

        parsed = parse(args.address)
        fields = parsed.address_fields()
        # 广东省杭州市西湖区: parse reads 浙江省 and warns (region_mismatch); add checks and
        # stores what was typed, so the contradiction is refused (or, with --force, flagged)
        fields.update(parsed.as_typed)
        if parsed.remarks:  # 备注：不要放门口 is the customer's wish, not the address: kept in the notes
            args.notes = "\n".join(part for part in (args.notes, *parsed.remarks) if part)
        args.name = args.name or fields["recipient"]
        args.phone = args.phone or fields["phone"]
    from sellerdesk.core.fields import PLACE_FIELDS, has_place

    for name in (*PLACE_FIELDS, "postal_code"):
        value = getattr(args, name)
        if value:
            fields[name] = value
    if not has_place(fields):
        return None
    fields["recipient"] = args.recipient or args.name
    fields["phone"] = args.address_phone or args.phone
    fields["label"] = args.label
    return fields


def cmd_add(args: argparse.Namespace) -> None:
    from sellerdesk.store import customers, queries
    from sellerdesk.store.errors import ValidationError

    address = _address_from_args(args)
    data = {
        "name": args.name,
        "phone": args.phone,
        "wechat": args.wechat,
        "tags": args.tags,
        "tier": args.tier,
        "notes": args.notes,
    }
    edits = [customers.AddressEdit(address)] if address else []
    try:
        customers.validate_identifying(data)  # before unlocking: the store's rules, asked early
    except ValidationError as exc:
        raise CliError(_("a customer needs at least --name, --phone or --wechat")) from exc
    problems = customers.check_values(data, edits)
    wrong = sentences(*(english_text(p.message) for p in problems))  # the store's lines, translated
    if problems and not args.force:
        raise CliError(_("{problems} Nothing was saved; --force saves it marked 需核对 (needs_check).", problems=wrong))
    with open_store():
        customer = customers.save_customer(None, data, edits, wrong="flag" if args.force else "refuse")
        if problems:
            print(_("sellerdesk-cli: warning: {problems} Saved marked 需核对.", problems=wrong), file=sys.stderr)
        if args.json:
            addresses = queries.addresses_of([customer.id])[customer.id]
            print(
                json.dumps(queries.customer_to_dict(customers.get_customer(customer.id), addresses), ensure_ascii=False)
            )
        else:
            print(
                _(
                    "Added customer {id}: {name}",
                    id=customer.id,
                    name=customer.name or customer.phone or customer.wechat,
                )
            )


def cmd_list(args: argparse.Namespace) -> None:
    from sellerdesk.core.fields import place_text
    from sellerdesk.core.remote import is_remote
    from sellerdesk.store import queries, remote_areas, tiers

    flt = build_filter(args, trashed=args.trash)
    with open_store():
        rules = tiers.tier_rules()
        far = remote_areas.places()
        count = 0
        rows = []
        for customer, addresses in queries.iter_customers(flt):
            if args.limit and count >= args.limit:
                break
            count += 1
            if args.json:
                doc = queries.customer_to_dict(customer, addresses, rules)
                default = next((a for a in addresses if a.is_default), None)
                doc["remote"] = default is not None and is_remote(default.province, default.city, default.district, far)
                doc = masking.doc(doc)
                sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
            else:
                default = addresses[0] if addresses else None
                where = ""
                if default is not None:
                    where = place_text(default.province, default.city, default.district, default.detail)
                rows.append(
                    [
                        str(customer.id),
                        customer.name,
                        masking.phone(customer.phone),
                        customer.wechat,
                        where,
                        customer.tags,
                    ]
                )
        if not args.json:
            if rows:
                headers = [_("ID"), _("Name"), _("Phone"), _("WeChat"), _("Default address"), _("Tags")]
                print(table(headers, rows))
            print(_("{n} customer(s)", n=count))


def cmd_show(args: argparse.Namespace) -> None:
    from sellerdesk.cli.order_cmds import customer_orders, customer_orders_text
    from sellerdesk.store import customers, queries

    with open_store():
        customer = customers.get_customer(args.id)
        addresses = queries.addresses_of([customer.id])[customer.id]
        doc = queries.customer_to_dict(customer, addresses)
        doc["address_history"] = [
            {
                "at": ch.changed_at.isoformat(),
                "action": ch.action,
                "old": ch.old_values,
                "new": ch.new_values,
                "reason": ch.reason,
            }
            for ch in customers.address_history(customer.id)
        ]
        if args.json:
            doc["orders"] = customer_orders(customer.id)
            print(json.dumps(masking.doc(doc), ensure_ascii=False))
            return
        print(json.dumps(masking.doc(doc), ensure_ascii=False, indent=2))
        print(customer_orders_text(customer.id))


class _Unknown(Exception):
    """Some of the ids were not there to move: the transaction is rolled back."""

    def __init__(self, ids: list[int]) -> None:
        super().__init__(ids)
        self.ids = ids


def _move(ids: Sequence[int], action: Callable[[Iterable[int]], list[int]], done_text: str, missing_text: str) -> None:
    """Trash or untrash ``ids`` all together, or none of them: an id that could not move (unknown,
    or already where it was sent) is named in the one error line, and nothing is changed."""
    from sellerdesk.store.models import DB

    wanted = list(dict.fromkeys(ids))
    try:
        with open_store(), DB.atomic():
            moved = action(wanted)
            missing = sorted(set(wanted) - set(moved))
            if missing:
                raise _Unknown(missing)  # rolls back what did move
    except _Unknown as exc:
        shown = id_list(exc.ids, N_("{ids} and {n} more"))
        raise CliError(_(missing_text, ids=shown) + _("; nothing was changed")) from None
    print(_(done_text, n=len(moved)))


def cmd_trash(args: argparse.Namespace) -> None:
    from sellerdesk.store import customers

    _move(
        args.ids,
        customers.trash_customers,
        N_("Moved {n} customer(s) to the Trash; 'sellerdesk-cli untrash ID…' brings them back."),
        N_("customer {ids} not found or already in the Trash"),
    )


def cmd_untrash(args: argparse.Namespace) -> None:
    from sellerdesk.store import customers

    _move(
        args.ids,
        customers.restore_customers,
        N_("Restored {n} customer(s) from the Trash."),
        N_("customer {ids} not in the Trash"),
    )


def cmd_recovery_code(args: argparse.Namespace) -> None:
    from sellerdesk.cli.context import unlock
    from sellerdesk.cli.keys_cmds import refuse_in_team_mode

    refuse_in_team_mode()

    datadir = data_dir()
    key = unlock(datadir)
    print(datadir.vault.recovery_code(key))
