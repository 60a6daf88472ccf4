"""Reading a PDF back in tests with poppler's command-line tools (installed by scripts/bootstrap.sh)."""

import os
import shutil
import subprocess

import pytest

from sellerdesk.core.text import normalize


def need_poppler() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("poppler-utils (pdftotext) is missing: scripts/bootstrap.sh installs it")
        pytest.skip("poppler-utils (pdftotext) is not installed")


def pdf_text(path) -> list[str]:
    """The text of each page (NFKC: … reads as ...). Qt writes Noto CJK's shared glyphs with a Kangxi-radical code
    point in the PDF's ToUnicode map (⼴ for 广); core.text.normalize maps them back."""
    need_poppler()
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
    return [normalize(page) for page in out.decode("utf-8").split("\f")[:-1]]


def pdf_fonts(path) -> str:
    need_poppler()
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
