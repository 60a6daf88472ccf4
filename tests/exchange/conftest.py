"""Fixtures for the exchange tests; the sheet builders live in messy_sheets.py."""

from __future__ import annotations

import pytest
from messy_sheets import write_xlsx


@pytest.fixture
def sheets(tmp_path):
    class Builder:
        folder = tmp_path

        def xlsx(self, name, sheets, **kw):
            return write_xlsx(tmp_path / name, sheets, **kw)

        def csv(self, name, rows, encoding="utf-8", bom=False):
            text = "\r\n".join(",".join(str(c) for c in row) for row in rows) + "\r\n"
            data = text.encode(encoding)
            if bom:
                data = b"\xef\xbb\xbf" + data
            path = tmp_path / name
            path.write_bytes(data)
            return path

    return Builder()
