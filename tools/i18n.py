"""Build the translations: lupdate → fill zh_CN from the .tsv files → lrelease.

    python tools/i18n.py            # rewrite resources/translations/sellerdesk_{zh_CN,en}.{ts,qm}
    python tools/i18n.py --check    # exit 1 if a tr() string has no zh_CN translation or a
                                    # committed .ts/.qm differs from what this would write

Chinese translations are data: ``resources/translations/zh_CN/<area>.tsv`` with lines
``context<TAB>source<TAB>translation`` (``\\n`` and ``\\t`` escaped; ``%n``/``%1`` kept).
English needs no table: the sources are English; plural forms come from ``(s)``
("%n customer(s)" → "%n customer" / "%n customers").

lupdate runs with ``-locations none`` and the messages of each context are sorted, so that the
.ts (and so the .qm) only change when a string changes, not when code moves. lupdate's Python
parser differs between PySide6 releases (6.11's misses ``translate(ctx, "…%n…", "", n)`` as a
plural and some ``translate()`` calls inside another call altogether), so :func:`repair` reads
the sources itself (``ast``) and marks every call with a count as plural and adds a literal
``translate()`` call lupdate missed: the same .ts from every supported PySide6.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # a checkout without the package installed

from sellerdesk import translation_tables  # noqa: E402

SOURCES = ROOT / "src" / "sellerdesk"
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, else from the PySide6 package dir."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (package / name, package / "Qt" / "libexec" / name, package / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"cannot find {name}: install PySide6 (pyside6-essentials)")


def load_tables(directory: Path = OUT / "zh_CN") -> dict[tuple[str, str], str]:
    try:
        return translation_tables.load_tables(directory)
    except translation_tables.TableError as exc:
        raise SystemExit(str(exc)) from exc


CLI_SOURCES = SOURCES / "cli"
CLI_CONTEXT = "cli"


def cli_messages(directory: Path = CLI_SOURCES) -> set[tuple[str, str]]:
    """(``cli``, source) of every literal in ``_("…")`` or ``N_("…")`` of the CLI's modules, and
    of the lower layers' English tables it translates (``sellerdesk.cli.messages.ENGLISH_TABLES``):
    the CLI reads its Chinese from the same .tsv tables, without Qt."""
    found: set[tuple[str, str]] = set()
    for path in sorted(directory.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add((CLI_CONTEXT, node.args[0].value))
    import importlib

    from sellerdesk.cli.messages import ENGLISH_TABLES

    for name in ENGLISH_TABLES:
        module, attribute = name.split(":")
        found.update((CLI_CONTEXT, text) for text in getattr(importlib.import_module(module), attribute).values())
    return found


def _fields(text: str) -> set[str]:
    import string

    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def cli_problems(table: dict[tuple[str, str], str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """The CLI messages without a zh_CN row, the ``cli`` rows no code uses, and the rows whose
    translation names other {fields} than its English (it would print English instead)."""
    messages = cli_messages()
    missing = sorted(key for key in messages if key not in table)
    unused = sorted(key for key in table if key[0] == CLI_CONTEXT and key not in messages)
    fields = [
        f"{source!r}: {sorted(_fields(source))} vs {sorted(_fields(text))}"
        for (context, source), text in table.items()
        if context == CLI_CONTEXT and _fields(source) != _fields(text)
    ]
    return missing, unused, fields


def python_files() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def run_lupdate(ts_path: Path, language: str) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            language,
            *python_files(),
            "-ts",
            str(ts_path),
        ],
        check=True,
        capture_output=True,
    )


Key = tuple[str, str, str]  # (context, source, disambiguation)


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def source_messages(files: list[str] | None = None) -> tuple[set[Key], set[Key]]:
    """The messages of the ``translate(context, source[, disambiguation[, n]])`` calls with literal
    context and source (and of the ``QT_TRANSLATE_NOOP(context, source)`` markers of ``core.labels``),
    and the keys of every ``translate()``/``tr()`` call given a count ``n`` (``tr``'s context is its
    enclosing class, as lupdate takes it)."""
    found: set[Key] = set()
    plural: set[Key] = set()

    def visit(node: ast.AST, klass: str) -> None:
        if isinstance(node, ast.ClassDef):
            klass = node.name
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            args = node.args
            has_n = any(k.arg == "n" for k in node.keywords)
            key: Key | None = None
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                context, source = _literal(args[0]), _literal(args[1])
                if context is not None and source is not None:
                    key = (context, source, (_literal(args[2]) if len(args) > 2 else None) or "")
                    found.add(key)
                    has_n = has_n or len(args) >= 4
            elif name == "tr" and isinstance(func, ast.Attribute) and args and klass:
                source = _literal(args[0])
                if source is not None:
                    key = (klass, source, (_literal(args[1]) if len(args) > 1 else None) or "")
                    has_n = has_n or len(args) >= 3
            if key is not None and has_n:
                plural.add(key)
        for child in ast.iter_child_nodes(node):
            visit(child, klass)

    for path in files if files is not None else python_files():
        visit(ast.parse(Path(path).read_text("utf-8"), path), "")
    return found, plural


def repair(ts_path: Path) -> None:
    """Make lupdate's .ts the same whichever PySide6 wrote it: plural flags and ``translate()``
    messages from :func:`source_messages`, messages sorted by source within each context."""
    found, plural = source_messages()
    tree = ET.parse(ts_path)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    seen: set[Key] = set()
    for name, context in contexts.items():
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            seen.add(key)
            if key in plural:
                message.set("numerus", "yes")
    for name, source, comment in sorted(found - seen):
        context = contexts.get(name)
        if context is None:
            context = contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        message = ET.SubElement(context, "message")
        if (name, source, comment) in plural:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        if comment:
            ET.SubElement(message, "comment").text = comment
        ET.SubElement(message, "translation").set("type", "unfinished")
    for context in root.findall("context"):
        root.remove(context)
    for name in sorted(contexts):
        context = contexts[name]
        messages = context.findall("message")
        for message in messages:
            context.remove(message)
        messages.sort(key=lambda m: (m.findtext("source") or "", m.findtext("comment") or ""))
        context.extend(messages)
        root.append(context)
    tree.write(ts_path, encoding="utf-8")


def fill(ts_path: Path, language: str, table: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Write the translations into the .ts; return (context, source) pairs still missing."""
    tree = ET.parse(ts_path)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            plural = message.get("numerus") == "yes"
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            translation.attrib.pop("type", None)
            if language == "en":
                if plural:
                    for form in translation_tables.english_plurals(source):
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.set("type", "unfinished")  # untranslated: the English source is shown
                continue
            text = table.get((name, source))
            if text is None:
                missing.append((name, source))
                translation.set("type", "unfinished")
            elif plural:
                ET.SubElement(translation, "numerusform").text = text  # Chinese has one plural form
            else:
                translation.text = text
    ET.indent(tree, space="    ")
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(tree.getroot(), encoding="unicode")
        + "\n",
        "utf-8",
    )
    return missing


def run_lrelease(ts_path: Path, qm_path: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts_path), "-qm", str(qm_path)],
        check=True,
        capture_output=True,
    )


def extracted(ts_path: Path) -> set[tuple[str, str]]:
    """(context, source) of every message lupdate found."""
    root = ET.parse(ts_path).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context") for m in c.iter("message")
    }


def build(target: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Write the .ts and .qm files into ``target``; return the missing zh_CN translations and
    the translations of texts lupdate never found (a text passed through a helper instead of
    as a literal to tr()/translate() is shown untranslated: the .tsv row is dead)."""
    table = load_tables()
    missing: list[tuple[str, str]] = []
    unused: list[tuple[str, str]] = []
    target.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = target / f"sellerdesk_{language}.ts"
        ts.unlink(missing_ok=True)
        run_lupdate(ts, language)
        repair(ts)
        gaps = fill(ts, language, table)
        if language == "zh_CN":
            missing = gaps
            found = extracted(ts)
            unused = [key for key in table if key not in found and key[0] != CLI_CONTEXT]
        run_lrelease(ts, target / f"sellerdesk_{language}.qm")
    return missing, unused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            missing, unused = build(Path(tmp))
            stale = [
                name
                for language in LANGUAGES
                for name in (f"sellerdesk_{language}.ts", f"sellerdesk_{language}.qm")
                if not (OUT / name).exists() or not filecmp.cmp(Path(tmp) / name, OUT / name, shallow=False)
            ]
    else:
        missing, unused = build(OUT)
        stale = []
    cli_missing, cli_unused, cli_fields = cli_problems(load_tables())
    for context, source in missing + cli_missing:
        print(f"missing zh_CN translation: {context}\t{source!r}")
    for context, source in cli_unused:
        print(f"translation of a CLI text no _()/N_() in src/sellerdesk/cli uses: {context}\t{source!r}")
    for problem in cli_fields:
        print(f"cli.tsv translation with other {{fields}} than its English: {problem}")
    for context, source in unused:
        print(f"translation of a text lupdate does not see (not a literal in tr()/translate()?): {context}\t{source!r}")
    for name in stale:
        print(f"stale: resources/translations/{name} (run: python tools/i18n.py)")
    return 1 if (missing or unused or stale or cli_missing or cli_unused or cli_fields) else 0


if __name__ == "__main__":
    sys.exit(main())
