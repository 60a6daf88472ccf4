"""Every tr() string of the backup UI has a zh_CN row in resources/translations/zh_CN/backup.tsv."""

import ast
from pathlib import Path

from sellerdesk.paths import resource

UI = Path(__file__).resolve().parents[2] / "src" / "sellerdesk" / "ui"


def _tr_strings():
    found = set()
    for path in sorted((UI / "backup").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    text = node.args[0].value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                    found.add((cls.name, text))
    return found


def test_every_backup_string_is_translated():
    rows = {}
    for line in resource("translations", "zh_CN", "backup.tsv").read_text(encoding="utf-8").splitlines():
        context, source, translation = line.split("\t")
        assert translation.strip(), line
        assert source.count("%1") == translation.count("%1") and source.count("%n") == translation.count("%n")
        rows[(context, source)] = translation
    strings = _tr_strings()
    assert len(strings) > 50
    assert sorted(strings - set(rows)) == []
