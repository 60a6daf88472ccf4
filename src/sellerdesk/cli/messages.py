"""The CLI's words in the user's language, without Qt.

Write a message in English inside ``_()`` and give it a row ``cli<TAB>English<TAB>中文`` in
``resources/translations/zh_CN/cli.tsv``; ``tools/i18n.py --check`` fails when one has none::

    raise CliError(_("unknown province {name!r}", name=name))
    print(_("Moved {n} customer(s) to the Trash.", n=len(moved)))   # "(s)": English plural by n

Fields are ``str.format`` fields and keep their names in the translation; ``n`` also picks
the English plural. A text shown later (an argparse help) is marked with ``N_()`` and
translated when it is printed. The table is read the first time a Chinese message is
printed: ``--version`` reads nothing.

The language, first that says one:

1. ``--lang zh_CN|en`` on the command line;
2. ``$SELLERDESK_LANG`` (``zh_CN``, ``zh``, ``en``…);
3. the locale, as gettext reads it: ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``
   (``C``/``POSIX`` is English), with ``LANGUAGE`` before them unless that locale is C;
4. the app's 语言 setting (``ui/language`` in ``settings.ini`` of the data folder), when
   no locale variable is set (a scheduled job's bare environment);
5. English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

CONTEXT = "cli"
LANG_ENV = "SELLERDESK_LANG"
LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None  # --lang

# English tables of the layers below that the CLI prints translated, as "module:NAME" of a
# dict whose values are messages: each value needs a cli row too (tools/i18n.py --check).
ENGLISH_TABLES = (
    "sellerdesk.exchange.errors:MESSAGES",
    "sellerdesk.exchange.errors:CORRUPT_REASONS",
    "sellerdesk.core.passwords:ENGLISH",
    "sellerdesk.store.merges:MESSAGES",
    "sellerdesk.store.followups:MESSAGES",
    "sellerdesk.store.team:MESSAGES",
    "sellerdesk.os_errors:OS_ERRORS",
)


def set_language(code: str | None) -> None:
    """The language ``--lang`` asked for (None: decide from the environment)."""
    global _chosen
    _chosen = _normalize(code) if code else None


def _normalize(value: str) -> str | None:
    """``zh_CN`` for a Chinese locale name (``zh_CN.UTF-8``, ``zh``, ``zh-Hans``), ``en``
    for any other real one, None for an empty one."""
    value = value.strip()
    if not value:
        return None
    return "zh_CN" if value.lower().replace("-", "_").split("_")[0].split(".")[0] == "zh" else "en"


def _from_environment(env: os._Environ[str] | dict[str, str]) -> str | None:
    explicit = _normalize(env.get(LANG_ENV, ""))
    if explicit:
        return explicit
    locale = next((env[name] for name in LOCALE_ENVS if env.get(name, "").strip()), "")
    if locale.split(".")[0] in ("C", "POSIX"):
        return "en"  # gettext ignores LANGUAGE under the C locale, and so do we
    for entry in env.get("LANGUAGE", "").split(":"):
        if entry.strip():
            return _normalize(entry)
    return _normalize(locale)


def _from_settings() -> str | None:
    import configparser

    from sellerdesk.paths import data_dir

    parser = configparser.RawConfigParser()
    try:
        parser.read(data_dir(create=False) / "settings.ini", encoding="utf-8")
        value = parser.get("ui", "language", fallback="")
    except (OSError, UnicodeError, configparser.Error):
        return None
    return value if value in ("zh_CN", "en") else None


def language() -> str:
    """``zh_CN`` or ``en``: the language of what the CLI prints now."""
    return _chosen or _from_environment(os.environ) or _from_settings() or "en"


@lru_cache(maxsize=2)
def _zh_tables(everything: bool = False) -> dict[tuple[str, str], str]:
    """The zh_CN rows: ``cli.tsv`` alone, or every table (for a row of the app's own context)."""
    from sellerdesk.core.resources import resources_dir
    from sellerdesk.translation_tables import TableError, load_tables, read_table

    directory = resources_dir() / "translations" / "zh_CN"
    try:
        return load_tables(directory) if everything else read_table(directory / "cli.tsv")
    except (OSError, TableError):
        return {}  # a broken install prints English rather than nothing


def lookup(source: str, n: int | None = None, context: str = CONTEXT) -> str:
    """``source`` in the current language, fields not filled in. ``context`` other than
    ``cli``: a text the app translates too (the StorageError lines), the same row."""
    if language() == "zh_CN":
        text = _zh_tables(context != CONTEXT).get((context, source))
        if text is not None:
            return text
    if n is not None:
        from sellerdesk.translation_tables import english_plural

        return english_plural(source, n)
    return source


def app_text(context: str, source: str) -> str:
    """A text of the app's own ``context`` (``core.labels``: audit actions, order statuses …) in
    the CLI's language, from the same row the app reads."""
    return lookup(source, context=context)


def _(source: str, /, **fields: object) -> str:
    """``source`` translated, its ``{fields}`` filled in; ``n=`` also picks the English plural."""
    n = fields.get("n")
    text = lookup(source, n if isinstance(n, int) else None)
    if not fields:
        return text
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English line, never a crash
        return source.format(**fields)


def N_(source: str) -> str:  # noqa: N802 — gettext's name for "translated where it is shown"
    """Mark ``source`` as a CLI message translated later (argparse help texts)."""
    return source


# argparse's own words: the --help headings, and the usage errors argparse writes itself
# (its module-level gettext ``_``/``ngettext``, routed here while the CLI parses: see
# :func:`argparse_in_language`). %-fields as argparse fills them.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """argparse's own messages (usage errors, headings) in the CLI's language while inside.

    argparse words them with the ``gettext``/``ngettext`` it imported into its module; they
    are replaced by :func:`lookup` (the same ``cli`` rows) for the time the CLI builds and
    runs its parser, and put back afterwards (tests run many commands in one process)."""
    import argparse

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lookup  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: lookup(singular if n == 1 else plural)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def help_formatter() -> type:
    """An argparse formatter class that translates help texts and titles as it prints them."""
    import argparse

    class Formatter(argparse.HelpFormatter):
        def _get_help_string(self, action: argparse.Action) -> str | None:
            return lookup(action.help) if action.help else action.help

        def _format_text(self, text: str) -> str:
            return super()._format_text(lookup(text))

        def start_section(self, heading: str | None) -> None:
            super().start_section(lookup(heading) if heading else heading)

        def format_help(self) -> str:
            text = super().format_help()
            if language() == "zh_CN":  # argparse puts an ASCII ':' after a heading: 位置参数： like 用法：
                text = re.sub(r"(?m)^(\S[^\n]*[^\x00-\x7f]):$", r"\1：", text)
            return text

        def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
            super().add_usage(usage, actions, groups, lookup("usage: ") if prefix is None else prefix)

    return Formatter
