"""Opening the data directory (or the team server) for a CLI command, without any dialog.

The store (peewee, SQLCipher, cryptography) is imported when a command opens it, not when
the command modules import this one to build the argument parser: ``--version``, ``--help``
and ``parse-address`` never load it.

Team mode: with ``SELLERDESK_DATABASE_URL`` (a ``postgresql://`` URL) every command works on
that server instead of the local data folder (which is then neither unlocked nor opened).
The environment is read by ``store.team_env`` (the app reads it there too): the user is
``SELLERDESK_USER``, else the URL's; the password ``SELLERDESK_PASSWORD``, else the URL's (for
the URL's own user), else
the OS keyring's entry for that user and server (the one the app's 文件 › 团队服务器… keeps),
else asked on a terminal. A user whose phones are masked gets masking mode
(``cli.masking``), and commands a team role may not run are refused (:func:`check_command`) as
soon as the command connects, on that one connection, before it reads or writes anything.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sellerdesk.cli import CliError
from sellerdesk.cli.messages import _
from sellerdesk.cli.store_errors import english_text
from sellerdesk.store import team_env

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sellerdesk.store.session import DataDir


def data_dir() -> DataDir:
    from sellerdesk.store.session import DataDir

    return DataDir.default()


def unlock(datadir: DataDir) -> bytes:
    from sellerdesk.store.session import NeedsSecretError

    if not datadir.is_initialized():
        raise CliError(
            _(
                "no SellerDesk database in {home}; run 'sellerdesk-cli init' (or start the app) first",
                home=datadir.home,
            )
        )
    try:
        return datadir.unlock_headless()
    except NeedsSecretError as exc:
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            secret = getpass.getpass(_("Master password or recovery code: "))
            return datadir.unlock_with_secret(secret)
        from sellerdesk.sentences import sentences

        raise CliError(
            sentences(
                english_text(str(exc)), _("Set SELLERDESK_PASSPHRASE to the master password or the recovery code.")
            )
        ) from exc


# Commands that are one of store.team's restricted actions (refused to a helper: export, erase,
# backup, restore; to a viewer: erase, restore). ``export --orders`` is the waybills' own action.
COMMAND_ACTIONS = {
    "export": "export",
    "export-person": "export",
    "erase": "erase",
    "backup": "backup",
    "restore": "restore",
}


@dataclass
class TeamStore:
    """What ``open_store()`` yields in team mode (commands use the bound models, not this)."""

    db: Any
    url: str  # without the password
    user: str


def _team_password(login: team_env.EnvLogin) -> str | None:
    if login.password:
        return login.password
    from sellerdesk.store import team_server
    from sellerdesk.store.secrets import KeyringUnavailable

    try:
        stored = team_server.load_password(login.server())
    except KeyringUnavailable:
        stored = None
    if stored:
        return stored
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(_("Password of {user} on the team server: ", user=login.user or "?"))
    return None  # the server may not ask for one (a unix socket with peer authentication)


def open_team_store(url: str, *, create: bool = False) -> TeamStore:
    """Connect to the team server at ``url`` as the environment's user, migrated and bound."""
    from sellerdesk.store.database import open_team
    from sellerdesk.store.postgres import redact

    login = team_env.from_environment({**os.environ, team_env.URL_ENV: url})
    assert login is not None  # url is not empty
    db = open_team(url, user=login.user or None, password=_team_password(login), create=create)
    from sellerdesk.cli import masking
    from sellerdesk.store import team

    if not team.may_see_phones():
        masking.set_masking(True)
    try:
        _check_pending()
    except CliError:
        from sellerdesk.store.database import close_store

        close_store()
        raise
    return TeamStore(db, redact(url), str(getattr(db, "user_name", "")))


# (command, action) that the next team connection must check first (check_command).
_pending: list[tuple[str, str]] = []


def command_action(command: str, args: Any = None) -> str | None:
    """The restricted action (``store.team``) a command is, if any."""
    if command == "export" and getattr(args, "orders", None) is not None:
        from sellerdesk.store import team

        return team.WAYBILLS
    return COMMAND_ACTIONS.get(command)


def check_command(command: str, args: Any = None) -> None:
    """In team mode, have a command the connected user's role may not run refused in one line:
    :func:`open_team_store` asks the server right after it connects (one connection per command),
    before the command reads or writes anything."""
    _pending.clear()
    if not team_env.team_url():
        return  # (and nothing of the store is imported: parse-address, --help)
    action = command_action(command, args)
    if action:
        _pending.append((command, action))


def _check_pending() -> None:
    if not _pending:
        return
    command, action = _pending.pop()
    from sellerdesk.store import team

    role = team.current_role()
    if team.may(action, role):
        return
    from sellerdesk.cli.team_cmds import role_name

    if action == team.WAYBILLS and role == team.HELPER:
        raise CliError(
            _(
                "Waybills carry the recipients' full phone numbers, which couriers need, and your phones are "
                "masked; ask an owner of the team to export the waybills, or to let you see phones."
            )
        )
    raise CliError(
        _(
            "A {role} of the team may not run '{command}'; ask an owner of the team.",
            role=role_name(role),
            command=command,
        )
    )


@contextlib.contextmanager
def open_store(*, create_team: bool = False) -> Iterator[DataDir | TeamStore]:
    """``with open_store() as datadir:`` — unlocked, migrated, bound; closed afterwards. In team
    mode (``SELLERDESK_DATABASE_URL``) the team server instead, as a :class:`TeamStore`; a
    database without SellerDesk's schema is refused unless ``create_team`` (a restore into it)."""
    url = team_env.team_url()
    if url:
        from sellerdesk.store.database import close_store

        store = open_team_store(url, create=create_team)
        try:
            yield store
        finally:
            close_store()
        return
    datadir = data_dir()
    key = unlock(datadir)
    datadir.open(key)
    try:
        yield datadir
    finally:
        with _ctrl_c_held():
            datadir.close()


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Closing checkpoints the WAL (~1 s after a big import). A Ctrl-C then would report an
    import that is already committed as 'interrupted' (exit 130), and a re-run could add it
    twice: the close finishes first and the key press is dropped (if the command itself was
    interrupted, its KeyboardInterrupt is already on its way)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
