"""``sellerdesk-cli keys …``: a new master password, keyring ↔ master password, a new recovery code.

Each re-wraps the database key in the key file (:mod:`sellerdesk.store.keys`); the database
itself is not opened. Passwords never come from the command line (it shows in ``ps`` and in
the shell's history):

* the *current* master password (or the recovery code) comes from ``SELLERDESK_PASSPHRASE``,
  else from a prompt on a terminal;
* a *new* master password comes from a prompt on a terminal (typed twice), else from the
  first line of stdin (``printf '%s\\n' "$NEW" | sellerdesk-cli keys change-password``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from sellerdesk.cli import CliError, Subcommands
from sellerdesk.cli.messages import N_, _
from sellerdesk.cli.store_errors import english_text
from sellerdesk.store import team_env

if TYPE_CHECKING:
    from sellerdesk.store.session import DataDir


def register(sub: Subcommands) -> None:
    keys = sub.add_parser(
        "keys",
        help=N_("change the master password, switch keyring / master password, make a new recovery code"),
        description=N_(
            "Re-wrap the database key without touching the data. The current master password comes from "
            "$SELLERDESK_PASSPHRASE or a prompt; a new one from a prompt, or the first line of stdin."
        ),
    )
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION")
    keys.set_defaults(func=lambda args: _usage(keys))

    p = actions.add_parser("change-password", help=N_("set a new master password (the old one stops working)"))
    p.set_defaults(func=cmd_change_password)
    p = actions.add_parser("use-password", help=N_("keep the key under a master password instead of the OS keyring"))
    p.set_defaults(func=cmd_use_password)
    p = actions.add_parser("use-keyring", help=N_("keep the key in the OS keyring instead of under a master password"))
    p.set_defaults(func=cmd_use_keyring)
    p = actions.add_parser("new-recovery-code", help=N_("make a new recovery code (the old one stops working)"))
    p.add_argument("--json", action="store_true", help=N_("print the new code as JSON"))
    p.set_defaults(func=cmd_new_recovery_code)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def refuse_in_team_mode() -> None:
    """In team mode (``SELLERDESK_DATABASE_URL``) there is no key file, master password or
    recovery code: the server's login password guards the team database. Said in one line
    before anything is read (the local data folder may not even exist there)."""
    url = team_env.team_url()
    if not url:
        return
    from sellerdesk.store.postgres import redact

    raise CliError(
        _(
            "the team database's password is managed by the server: in team mode ({env}={url}) there is no "
            "master password, key file or recovery code, only your login password on the team server "
            "($SELLERDESK_PASSWORD, or the app's File › Team server…), which the server's administrator "
            "changes; nothing was changed",
            env=team_env.URL_ENV,
            url=redact(url),
        )
    )


def _open(need_current: bool) -> tuple[DataDir, bytes, str | None]:
    """The data folder (with the OS keyring even when SELLERDESK_PASSPHRASE is set), its key,
    and, in master-password mode, the current password or recovery code that opened it."""
    from sellerdesk.cli.context import unlock
    from sellerdesk.store.keys import MODE_PASSWORD
    from sellerdesk.store.session import DataDir, passphrase_from_env

    refuse_in_team_mode()
    datadir = DataDir.default(use_env=False)
    if not datadir.is_initialized():
        raise CliError(
            _(
                "no SellerDesk database in {home}; run 'sellerdesk-cli init' (or start the app) first",
                home=datadir.home,
            )
        )
    if datadir.mode() != MODE_PASSWORD or not need_current:
        return datadir, unlock(datadir), None
    current = passphrase_from_env()
    if current is None:
        if not _interactive():
            raise CliError(
                _(
                    "this database is protected by a master password: set SELLERDESK_PASSPHRASE to the current "
                    "master password (or the recovery code); nothing was changed"
                )
            )
        import getpass

        current = getpass.getpass(_("Current master password (or recovery code): "))
    return datadir, datadir.unlock_with_secret(current), current


def read_new_password() -> str:
    """The new master password: typed twice at a prompt, or the first line of stdin; judged by
    the one rule (:func:`sellerdesk.core.passwords.estimate`) before anything changes."""
    from sellerdesk.core.passwords import ADVICE, estimate

    if _interactive():
        import getpass

        password = getpass.getpass(_("New master password: "))
        if getpass.getpass(_("Type it again: ")) != password:
            raise CliError(_("the two passwords differ; nothing was changed"))
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n")
        if not password:
            raise CliError(_("no new master password: type it at the prompt, or give it on stdin; nothing was changed"))
    strength = estimate(password)
    if not strength.acceptable:
        raise CliError(
            _(
                "the new master password is {weakness}; nothing was changed. {advice}",
                weakness=english_text(strength.english()),
                advice=english_text(ADVICE),
            )
        )
    return password


BACKUPS_NOTE = {
    "password": N_(
        "Backups made before this change still open with the old password: make a new backup now "
        "('sellerdesk-cli backup')."
    ),
    "recovery code": N_(
        "Backups made before this change still open with the old recovery code: make a new backup now "
        "('sellerdesk-cli backup')."
    ),
}


def cmd_change_password(args: argparse.Namespace) -> None:
    from sellerdesk.store.keys import MODE_PASSWORD

    datadir, key, current = _open(need_current=True)
    if datadir.mode() != MODE_PASSWORD:
        raise CliError(
            _(
                "this database's key is kept in the OS keyring: there is no master password to change "
                "('sellerdesk-cli keys use-password' sets one)"
            )
        )
    new = read_new_password()
    datadir.vault.change_password(key, current or "", new)
    print(_("The master password was changed. The old one no longer opens this database."))
    print(_(BACKUPS_NOTE["password"]))


def cmd_use_password(args: argparse.Namespace) -> None:
    from sellerdesk.store.keys import MODE_PASSWORD

    datadir, key, _current = _open(need_current=False)
    if datadir.mode() == MODE_PASSWORD:
        raise CliError(_("this database already uses a master password ('keys change-password' changes it)"))
    new = read_new_password()
    datadir.vault.use_password(key, new)
    print(_("The key is now protected by your master password and was removed from the OS keyring."))
    print(_("SellerDesk asks for the password at every start; scripts set SELLERDESK_PASSPHRASE."))


def cmd_use_keyring(args: argparse.Namespace) -> None:
    from sellerdesk.store.keys import MODE_KEYRING
    from sellerdesk.store.secrets import KeyringUnavailable

    datadir, key, current = _open(need_current=True)
    if datadir.mode() == MODE_KEYRING:
        raise CliError(_("this database's key is already kept in the OS keyring; nothing was changed"))
    from sellerdesk.cli.store_errors import keyring_text
    from sellerdesk.sentences import sentences

    unchanged = _("Nothing was changed: the master password still opens the database.")
    problem = datadir.keyring_usable()
    if problem is not None:
        raise CliError(sentences(keyring_text(problem), unchanged))
    try:
        datadir.vault.use_keyring(key, current or "")
    except KeyringUnavailable as exc:
        raise CliError(sentences(keyring_text(exc), unchanged)) from exc
    print(_("The key is now kept in the OS keyring: SellerDesk starts without asking for a password."))
    print(_("The master password no longer opens this database; the recovery code still does."))


def cmd_new_recovery_code(args: argparse.Namespace) -> None:
    datadir, key, current = _open(need_current=True)
    code = datadir.vault.replace_recovery_code(key, current)
    if args.json:
        print(json.dumps({"recovery_code": code}))
        return
    print(_("NEW RECOVERY CODE — write it down and keep it away from this computer:"))
    print()
    print(f"    {code}")
    print()
    print(
        _("The old recovery code no longer opens this database. 'sellerdesk-cli recovery-code' shows this one again.")
    )
    print(_(BACKUPS_NOTE["recovery code"]))
