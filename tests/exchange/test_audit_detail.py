"""The audit view's detail line: counts, never the ids or the deleted order lines it holds."""

from __future__ import annotations

from sellerdesk.exchange.audit_file import detail_text


def test_deleted_order_lines_show_as_their_count():
    detail = {"count": 2, "lines": [[0, "茶叶", 1, None], [1, "红茶", 2, 1500]]}
    assert detail_text(detail) == "count=2"


def test_other_details_still_show():
    assert detail_text({"fields": ["items", "notes"], "ids": [1, 2], "count": 2}) == "count=2, fields=items,notes"
