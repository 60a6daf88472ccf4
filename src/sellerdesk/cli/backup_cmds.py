"""``sellerdesk-cli backup | restore | verify``: encrypted backups, headless (cron, Task Scheduler)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from sellerdesk.cli import EXIT_ERROR, CliError, Subcommands, store_error_text
from sellerdesk.cli.context import data_dir, unlock
from sellerdesk.cli.messages import N_, _

if TYPE_CHECKING:  # the rest is imported by the command that runs (the parser is built for every command)
    import datetime as dt
    from pathlib import Path

    from sellerdesk.backup.create import BackupResult
    from sellerdesk.backup.fileformat import BackupInfo
    from sellerdesk.store.session import DataDir


def register(sub: Subcommands) -> None:
    p = sub.add_parser("backup", help=N_("write an encrypted backup and print the path of the file written"))
    p.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="DIR",
        help=N_(
            "folder to write to (repeatable; default: the folders chosen in the app, else Documents/SellerDesk Backups)"
        ),
    )
    p.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("verify", help=N_("check a backup file: checksum, authenticity, schema version, counts"))
    p.add_argument("file", metavar="FILE", help=N_("the backup file (.sdbackup)"))
    p.add_argument(
        "--no-key",
        action="store_true",
        help=N_("only check the checksum and header (finds damage, not tampering; needs no password)"),
    )
    p.add_argument("--json", action="store_true", help=N_("print the backup's facts as JSON"))
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser(
        "restore",
        help=N_("replace the database in $SELLERDESK_HOME with a backup (the current one is backed up first)"),
    )
    p.add_argument("file", metavar="FILE", help=N_("the backup file (.sdbackup)"))
    p.set_defaults(func=cmd_restore)


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _describe(info: BackupInfo) -> str:
    c = info.counts
    return _(
        "backup of {at}: customers {customers}, addresses {addresses}, orders {orders} "
        "(SellerDesk {version}, schema {schema})",
        at=_local(info.created_at),
        customers=c["customers"],
        addresses=c["addresses"],
        orders=c["orders"],
        version=info.header.app_version,
        schema=info.schema_version,
    )


def _facts(info: BackupInfo) -> dict[str, object]:
    return {
        "file": str(info.path),
        "created_at": info.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "app_version": info.header.app_version,
        "schema_version": info.schema_version,
        "counts": info.counts,
        "key_id": info.key_id,
    }


def _backup_key(info: BackupInfo, datadir: DataDir) -> bytes:
    """Unlock a backup: keyring (same key id), $SELLERDESK_PASSPHRASE, else a typed secret."""
    from sellerdesk.backup import BackupNeedsSecretError, unlock_backup
    from sellerdesk.store.session import passphrase_from_env

    try:
        return unlock_backup(info, secret=passphrase_from_env(), secret_store=datadir.secret_store)
    except BackupNeedsSecretError as exc:
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            return unlock_backup(info, secret=getpass.getpass(_("Master password or recovery code of the backup: ")))
        from sellerdesk.sentences import sentences

        raise CliError(sentences(store_error_text(exc), _("Set SELLERDESK_PASSPHRASE to it."))) from exc


def _app_running(home: Path) -> bool:
    """True if the SellerDesk app holds the data dir's lock (a QLockFile: pid on the first line)."""
    lock = home / "sellerdesk.lock"
    try:
        text = lock.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if os.name == "nt":  # the owner keeps it open without write sharing; signal 0 would kill there
        try:
            with open(lock, "a"):
                return False
        except OSError:
            return True
    try:
        pid = int(text.splitlines()[0])
        os.kill(pid, 0)
    except (ValueError, IndexError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return pid != os.getpid()


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sellerdesk.backup import backup_datadir
    from sellerdesk.store.team_env import team_url

    datadir = data_dir()
    targets = [Path(d).expanduser() for d in args.to] or None
    if team_url():
        result = _team_backup(datadir, targets)
    else:
        result = backup_datadir(datadir, unlock(datadir), targets)
    if args.json:
        print(
            json.dumps(
                {
                    "written": [str(p) for p in result.written],
                    "failed": [{"folder": str(f.folder), "error": str(f)} for f in result.failures],
                    "counts": result.header.counts,
                },
                ensure_ascii=False,
            )
        )
    else:
        for path in result.written:
            print(path)
    for failure in result.failures:
        print(_("sellerdesk-cli: error: {message}", message=store_error_text(failure)), file=sys.stderr)
    return EXIT_ERROR if result.failures else 0


def _team_backup(datadir: DataDir, targets: list[Path] | None) -> BackupResult:
    """In team mode: a logical export of the team database, in the same .sdbackup format and
    encrypted with this computer's data key (its recovery code opens it too), in a ``team``
    folder (backup.team.TEAM_FOLDER) of each backup folder so the two kinds rotate apart. Any backend can restore it.
    The server first (a role that may not back up is refused before anything local is asked);
    a computer without a local SellerDesk key is told how to make one."""
    from sellerdesk.backup import settings as backup_settings
    from sellerdesk.backup.create import split_destinations
    from sellerdesk.backup.team import create_team_backup, team_destinations
    from sellerdesk.cli.context import open_store
    from sellerdesk.store.models import DB

    with open_store():
        if not datadir.is_initialized():
            raise CliError(
                _(
                    "A team backup is encrypted with this computer's SellerDesk key (its recovery code opens it), "
                    "and {home} has none yet. Run 'sellerdesk-cli init' once on this computer (it makes the key "
                    "and an empty local database; the team's data stays on the server), then back up again.",
                    home=datadir.home,
                )
            )
        key = unlock(datadir)
        settings = backup_settings.load(datadir.home)
        folders, refused = split_destinations(
            targets if targets is not None else settings.destination_paths(), datadir.home, explicit=targets is not None
        )
        return create_team_backup(
            DB.obj,
            key,
            datadir.vault.load(),
            team_destinations(folders),
            work_dir=datadir.home,
            keep_last=settings.keep_last,
            keep_months=settings.keep_months,
            refused=refused,
        )


def cmd_verify(args: argparse.Namespace) -> None:
    from pathlib import Path

    from sellerdesk.backup import check_file, verify_backup

    info = check_file(Path(args.file))
    if args.no_key:
        checked = _("checksum OK (authenticity not checked: run without --no-key)")
    else:
        key = _backup_key(info, data_dir())
        info = verify_backup(Path(args.file), key)
        checked = _("authentic and complete")
    if args.json:
        print(json.dumps(dict(_facts(info), checked="checksum" if args.no_key else "full"), ensure_ascii=False))
    else:
        print(_("OK: {checked}; {what}", checked=checked, what=_describe(info)))


def cmd_restore(args: argparse.Namespace) -> None:
    from pathlib import Path

    from sellerdesk.backup import check_file, finish_restore, restore_into
    from sellerdesk.store.queries import CustomerFilter, count_customers
    from sellerdesk.store.team_env import team_url

    datadir = data_dir()
    if team_url():
        _team_restore(Path(args.file), datadir)
        return
    if _app_running(datadir.home):
        raise CliError(
            _(
                "SellerDesk is running on {home}; close it first (or restore in the app: File › Restore from backup…)",
                home=datadir.home,
            )
        )
    info = check_file(Path(args.file))  # the same check as verify, before asking for any password
    key = _backup_key(info, datadir)
    result = restore_into(Path(args.file), key, datadir)
    finish_restore(datadir, result)  # the database opens with the key file now beside it
    datadir.open(result.key)
    try:
        active = count_customers(CustomerFilter())
    finally:
        datadir.close()
    c = result.counts
    print(_("Restored the {what} into {home}.", what=_describe(info), home=datadir.home))
    print(
        _("{n} customer(s) active (the others are in the Trash).", n=active)
        if active != c["customers"]
        else _("All {n} customer(s) restored.", n=active)
    )
    if result.migrated_from is not None:
        print(_("The data was updated from schema {schema} to this version's schema.", schema=result.migrated_from))
    if result.safety_backup is not None:
        print(_("The data it replaced was saved first to {path}", path=result.safety_backup))


def _team_restore(path: Path, datadir: DataDir) -> None:
    """In team mode: the backup's rows into the EMPTY team database, in one transaction, checked
    (a local backup or a team one alike); a team database with data is refused, unchanged."""
    from sellerdesk.backup import check_file
    from sellerdesk.backup.team import restore_to_team
    from sellerdesk.cli.context import open_store
    from sellerdesk.store.models import DB

    with open_store(create_team=True):  # a role that may not restore is refused first
        info = check_file(path)
        key = _backup_key(info, datadir)
        result = restore_to_team(path, key, DB.obj, work_dir=datadir.home if datadir.home.is_dir() else None)
        print(_("Restored the {what} into the team database.", what=_describe(info)))
        print(_("All {n} customer(s) restored.", n=result.customers))
        _team_after_restore()


def _team_after_restore() -> None:
    """The team's users who came with the backup made members of this database's groups
    (``team init``, idempotent): without it only the owner could work. A user lacking the
    privileges for it is told which command an owner with them runs next."""
    from sellerdesk.cli.store_errors import translated
    from sellerdesk.store import team
    from sellerdesk.store.errors import MissingPrivilegeError

    try:
        team.setup()
        missing = team.missing_logins()
    except MissingPrivilegeError as exc:
        print(translated(exc), file=sys.stderr)
        print(
            _("The team's users work again once a user with that privilege runs: sellerdesk-cli team init"),
            file=sys.stderr,
        )
        return
    print(_("The team's users of the backup may log in to this database again (team init was run)."))
    for name in missing:
        print(
            _(
                "{name} has no login on this server: sellerdesk-cli team user add {name} --role ROLE makes one.",
                name=name,
            )
        )
