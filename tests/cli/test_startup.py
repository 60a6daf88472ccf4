"""What a real ``sellerdesk-cli`` process loads. A scheduled backup or a script's ``list``
pays for every import at each start: the store (peewee, SQLCipher, cryptography) only when a
command opens it, and the pinyin dictionaries (~0.4 s) only when a name is written."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sellerdesk import __version__

HEAVY = ("peewee", "sqlcipher3", "cryptography", "keyring", "pypinyin", "openpyxl", "python_calamine", "PySide6")


def _loaded_after(argv, env=None):
    """Run ``main(argv)`` in a new interpreter; its exit code, stdout and the HEAVY modules it loaded."""
    code = (
        "import json, sys\nfrom sellerdesk.cli import main\n"
        "try:\n    status = main(sys.argv[1:])\nexcept SystemExit as exc:\n    status = exc.code\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, input="", timeout=120
    )
    return proc.returncode, proc.stdout, json.loads(proc.stderr.strip().splitlines()[-1])


def test_the_installed_entry_point_runs():
    script = shutil.which("sellerdesk-cli", path=str(Path(sys.executable).parent))
    assert script, "sellerdesk-cli is not installed beside this Python (pip install -e .)"
    proc = subprocess.run([script, "--version"], capture_output=True, text=True, input="", timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == f"sellerdesk-cli {__version__}"


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["list", "--bogus-option"], ["parse-address", "张三 13812345678 广东深圳南山区1号"]],
)
def test_commands_that_need_no_store_load_none_of_it(argv):
    status, _out, loaded = _loaded_after(argv)
    assert status in (0, 2)
    assert loaded == []


def test_listing_and_searching_load_no_pinyin_dictionary(initialized_cli):
    initialized_cli("add", "--name", "张三", "--phone", "13812345678", "--address", "广东省深圳市南山区科技园1号")
    status, out, loaded = _loaded_after(["list", "--json", "--search", "张"], env=initialized_cli.env)
    assert status == 0 and [json.loads(line)["name"] for line in out.splitlines()] == ["张三"]
    assert "pypinyin" not in loaded and "sqlcipher3" in loaded
