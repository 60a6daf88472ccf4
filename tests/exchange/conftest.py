"""Fixtures for the exchange tests; the sheet builders live in messy_sheets.py."""

from __future__ import annotations

import pytest
from messy_sheets import write_xlsx

from sellerdesk.exchange.importer import keys as importer_keys


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


@pytest.fixture(params=["dict", "spilled"])
def key_index(request, monkeypatch):
    """Every test twice: the in-file keys in a dict, and in the compact table a big file's keys
    move into (importer/keys.py)."""
    if request.param == "spilled":
        monkeypatch.setattr(importer_keys, "SPILL_FROM", 0)
    return request.param
