"""An export's file is put in place only with its audit entry: an entry that cannot be written
(a team viewer without INSERT on audit_entry, the server gone) leaves no file behind."""

from __future__ import annotations

import pytest

from sellerdesk.store import audit
from sellerdesk.store.errors import NoPermissionError
from shipping_data import make_orders


@pytest.fixture
def refused_audit(store, monkeypatch):
    make_orders()

    def refuse(*args, **kwargs):
        raise NoPermissionError("vera", "permission denied for table audit_entry")

    monkeypatch.setattr(audit, "record", refuse)


def entries() -> int:
    from sellerdesk.store.models import AuditEntry

    return AuditEntry.select().where(AuditEntry.action.in_(["export", "export_person"])).count()


def test_customers_export_leaves_no_file_when_its_audit_entry_fails(refused_audit, tmp_path):
    from sellerdesk.exchange.export import export_customers

    with pytest.raises(NoPermissionError):
        export_customers(tmp_path / "客户.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_person_export_leaves_no_file_when_its_audit_entry_fails(refused_audit, tmp_path):
    from sellerdesk.exchange.person import export_person

    for name in ("张三.json", "张三.xlsx"):
        with pytest.raises(NoPermissionError):
            export_person(1, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_waybill_export_leaves_no_file_when_its_audit_entry_fails(refused_audit, tmp_path):
    from sellerdesk.exchange.waybills import export_waybills
    from sellerdesk.store.shipping import order_ids_for

    ids = order_ids_for("pending")
    for name in ("运单.xlsx", "运单.csv"):
        with pytest.raises(NoPermissionError):
            export_waybills(tmp_path / name, ids, "generic")
    assert list(tmp_path.iterdir()) == []


def test_an_export_with_its_entry_keeps_both(store, tmp_path):
    from sellerdesk.exchange.export import export_customers

    make_orders()
    before = entries()
    export_customers(tmp_path / "客户.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["客户.xlsx"]
    assert entries() == before + 1
