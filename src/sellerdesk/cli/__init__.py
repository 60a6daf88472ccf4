"""``sellerdesk-cli``: SellerDesk's jobs, headless, for scripts and the OS scheduler.

Never imports Qt. Each command group lives in its own module with a ``register(sub)``
function; errors are one line on stderr and a non-zero exit, never a traceback (the
traceback of an unexpected error goes to the log file in the data dir).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from sellerdesk import __version__
from sellerdesk.cli.messages import N_, _, argparse_in_language, help_formatter, set_language

if TYPE_CHECKING:
    from sellerdesk.store.errors import StorageError

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = [
    "sellerdesk.cli.store_cmds",
    "sellerdesk.cli.order_cmds",
    "sellerdesk.cli.duplicates_cmds",
    "sellerdesk.cli.parse_cmds",
    "sellerdesk.cli.demo_cmds",
    "sellerdesk.cli.exchange_cmds",
    "sellerdesk.cli.shipping_cmds",
    "sellerdesk.cli.backup_cmds",
    "sellerdesk.cli.keys_cmds",
    "sellerdesk.cli.privacy_cmds",
    "sellerdesk.cli.stats_cmds",
    "sellerdesk.cli.labels_cmds",
    "sellerdesk.cli.remote_cmds",
    "sellerdesk.cli.recheck_cmds",
    "sellerdesk.cli.care_cmds",
    "sellerdesk.cli.team_cmds",
]

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What each command module's ``register(sub)`` adds its commands to."""

LANGUAGES = ("zh_CN", "en")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WARNINGS = 3  # the file was written, but some entries cannot be shipped as they are (named on stderr)
EXIT_INTERNAL = 70


class CliError(Exception):
    """A failure to report as one line; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


class _Version(argparse.Action):
    """``--version``: the version line as it is (argparse's own passes it through the help
    formatter, which would load the translations for a line that has none)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # type: ignore[no-untyped-def]
        print(f"sellerdesk-cli {__version__}")
        parser.exit()


class _Subcommands(argparse._SubParsersAction):
    """A command's one-line help is also the description its own ``--help`` shows."""

    def add_parser(self, name, **kwargs):  # type: ignore[no-untyped-def]
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        return super().add_parser(name, **kwargs)


class Parser(argparse.ArgumentParser):
    """argparse with help texts translated when printed (its subcommands' parsers too)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", help_formatter())
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Subcommands)

    def error(self, message: str) -> NoReturn:
        """A usage error: the usage, then one line in the CLI's language (argparse's own
        words come translated through :func:`~sellerdesk.cli.messages.argparse_in_language`)."""
        self.print_usage(sys.stderr)
        hint = _dash_value_hint(message)
        message = f"{message}; {hint}" if hint else message
        self.exit(EXIT_USAGE, _("{prog}: error: {message}", prog=self.prog, message=message) + "\n")

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        # argparse would say "invalid int value: 'x'", naming a Python type
        if action.type is int:
            try:
                return int(arg_string)
            except ValueError:
                raise argparse.ArgumentError(action, _("{value!r} is not a whole number", value=arg_string)) from None
        return super()._get_value(action, arg_string)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="sellerdesk-cli",
        description=N_(
            "SellerDesk 客户地址管家 — headless commands. The data directory is $SELLERDESK_HOME "
            "(or the platform default); $SELLERDESK_PASSPHRASE supplies the master password or recovery code."
        ),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=N_("show program's version number and exit"))
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=N_("language of messages (default: $SELLERDESK_LANG, the locale, then the app's setting)"),
    )
    parser.add_argument(
        "--mask", action="store_true", help=N_("masking mode: phones shown as 138****5678 in lists, show and JSON")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _setup_logging() -> None:
    try:
        from sellerdesk.logsetup import setup_logging
        from sellerdesk.paths import log_dir

        setup_logging(log_dir())
    except OSError:
        import logging

        # an unwritable data dir is reported by the command itself, in one line: no log
        # record may reach the screen through logging's last-resort handler
        logging.getLogger("sellerdesk").addHandler(logging.NullHandler())


_argv: list[str] = []  # the command line being parsed (for _dash_value_hint)


def _dash_value_hint(message: str) -> str:
    """argparse takes ``--name -李`` for two options, so --name "needs a value": when the option the
    error names is followed by a word that starts with '-', say how to give it (``--name=-李``)."""
    for i, arg in enumerate(_argv[:-1]):
        value = _argv[i + 1]
        if arg.startswith("--") and "=" not in arg and arg in message and value.startswith("-") and value != "--":
            return _("to give a value that starts with '-', write {option}={value}", option=arg, value=value)
    return ""


def _language_option(argv: list[str]) -> str | None:
    """``--lang X`` / ``--lang=X`` before the command, read ahead so that --help and usage
    errors already speak it (a wrong X is refused by argparse in the environment's language)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value is not None:
            return value if value in LANGUAGES else None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    set_language(_language_option(argv))
    parser = build_parser()  # argparse's words there (headings) are translated when --help prints them
    _argv[:] = argv
    with argparse_in_language():
        args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    _setup_logging()
    from sellerdesk.cli import masking

    masking.set_masking(bool(getattr(args, "mask", False)))
    from sellerdesk.exchange.errors import ExchangeError
    from sellerdesk.store.errors import StoreError
    from sellerdesk.store.secrets import KeyringUnavailable

    try:
        from sellerdesk.cli.context import check_command

        check_command(args.command, args)
        result = args.func(args)
        return EXIT_OK if result is None else int(result)
    except CliError as exc:
        _error(str(exc))
        return exc.code
    except (StoreError, KeyringUnavailable) as exc:
        _error(store_error_text(exc))
        return EXIT_ERROR
    except ExchangeError as exc:  # a refused file a command did not word itself (export-person's)
        from sellerdesk.cli.store_errors import exchange_text

        _error(exchange_text(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("sellerdesk-cli: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback on screen
        import logging  # not at the top: building the parser (--version, --help) needs none of it

        log = logging.getLogger("sellerdesk.cli")
        from sellerdesk.store.postgres import lost_connection

        gone = lost_connection(exc)
        if gone is not None:  # the team server went away mid-command: nothing half-saved (one transaction)
            log.warning("%s failed: the team server went away (%s)", args.command, exc)
            _error(store_error_text(gone))
            return EXIT_ERROR
        problem = _storage_problem(exc)
        if problem is not None:  # a full disk, a read-only folder…: the one line that says so
            log.warning("%s failed: %s (%s)", args.command, type(problem).__name__, exc)
            _error(store_error_text(problem))
            return EXIT_ERROR
        if isinstance(exc, OSError):
            _error(os_error_text(exc))
            return EXIT_ERROR
        log.exception("unexpected error in %s", args.command)
        print(
            _(
                "sellerdesk-cli: internal error: {kind}: {message} (details in the log)",
                kind=type(exc).__name__,
                message=exc,
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _error(message: str) -> None:
    print(_("sellerdesk-cli: error: {message}", message=message), file=sys.stderr)


def store_error_text(exc: BaseException) -> str:
    """The one line for an error of the store, in the user's language where it is known."""
    from sellerdesk.cli.store_errors import refusal

    return refusal(exc)


def os_error_text(exc: OSError) -> str:
    """``No such file or directory: /x`` in the CLI's language."""
    from sellerdesk.os_errors import OS_ERRORS

    words = OS_ERRORS.get(exc.errno or 0)
    text = _(words) if words else (exc.strerror or str(exc))
    return _("{problem}: {path}", problem=text, path=exc.filename) if exc.filename else text


def _storage_problem(exc: BaseException) -> StorageError | None:
    """A failure of the disk or the file system (SQLite's or the OS's) as the store's
    :class:`~sellerdesk.store.errors.StorageError`, naming the data folder when SQLite
    does not say which file; None for anything else."""
    from sellerdesk.paths import data_dir
    from sellerdesk.store.errors import storage_error

    return storage_error(exc, data_dir(create=False))
