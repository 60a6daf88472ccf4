"""The zh_CN translation tables, read without Qt.

``resources/translations/zh_CN/<area>.tsv`` holds ``context<TAB>English<TAB>中文`` lines
(``\\n`` and ``\\t`` escaped). They are the one source of the Chinese text:
``tools/i18n.py`` builds the app's .ts/.qm from them, and ``sellerdesk-cli`` looks its
messages up in them directly (context ``cli``), so the CLI never needs Qt.
English needs no table; a plural is written ``customer(s)`` and :func:`english_plural`
picks the form.
"""

from __future__ import annotations

from pathlib import Path


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in "nt\\":
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class TableError(ValueError):
    """A line of a .tsv file that is not ``context<TAB>source<TAB>translation``."""


def read_table(path: Path, contexts: frozenset[str] | None = None) -> dict[tuple[str, str], str]:
    """The rows of one .tsv file (only those of ``contexts`` when given)."""
    table: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise TableError(f"{path.name}:{number}: expected context<TAB>source<TAB>translation")
        context, source, translation = (unescape(p) for p in parts)
        if contexts is None or context in contexts:
            table[(context, source)] = translation
    return table


def load_tables(directory: Path, contexts: frozenset[str] | None = None) -> dict[tuple[str, str], str]:
    """Every row of every ``*.tsv`` in ``directory``."""
    table: dict[tuple[str, str], str] = {}
    for path in sorted(directory.glob("*.tsv")):
        table.update(read_table(path, contexts))
    return table


def english_plurals(source: str) -> tuple[str, str]:
    """The singular and plural English forms of ``source`` ("%n customer(s)")."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def english_plural(source: str, n: int) -> str:
    singular, plural = english_plurals(source)
    return singular if n == 1 else plural
