"""Erasing one person for good, exporting everything about them, and the retention list."""

import datetime as dt
import json

import pytest

from sellerdesk.store import customers, orders, points, privacy, queries, search
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.models import DB, Address, AddressChange, AuditEntry, Customer, Order, PointsEntry
from sellerdesk.store.postgres import is_postgres


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


NAME, PHONE, WECHAT = "欧阳娜娜", "13912345678", "nana_oy88"
DETAIL, OTHER_DETAIL = "粤海街道科兴科学园B栋1201", "望京SOHO塔3-1808"
ADDRESS = {"recipient": "欧阳娜娜", "phone": PHONE, "province": "广东省", "city": "深圳市", "district": "南山区"}


def _person():
    c = customers.create_customer(
        {"name": NAME, "phone": PHONE, "wechat": WECHAT, "notes": "喜欢玫瑰味", "tags": "VIP"},
        [
            ADDRESS | {"detail": DETAIL},
            ADDRESS
            | {
                "province": "北京市",
                "city": "北京市",
                "district": "朝阳区",
                "detail": OTHER_DETAIL,
                "phone": "13800001111",
            },
        ],
    )
    address = customers.live_addresses(c.id)[0]
    customers.update_address(address.id, {"detail": DETAIL + "室"})
    o = orders.add_order(
        c.id,
        order_date=dt.date(2025, 3, 1),
        amount_fen=12850,
        items="面膜 x2",
        notes="周末送到",
        tracking_no="SF1234567890",
        address_id=address.id,
    )
    other = customers.create_customer(
        {"name": "李四", "phone": "13700000000"},
        [ADDRESS | {"recipient": "李四", "phone": "13700000000", "detail": "别处1号"}],
    )
    orders.add_order(other.id, order_date=dt.date(2025, 3, 2), amount_fen=5000, items="口红")
    return c, o, other


def _everything_text() -> str:
    """Every row of every table as text (the search index's shadow tables included)."""
    out = []
    if is_postgres(DB):
        names = DB.obj.get_tables()
    else:
        names = [r[0] for r in DB.execute_sql("SELECT name FROM sqlite_master WHERE type IN ('table')")]
    for name in names:
        for row in DB.execute_sql(f'SELECT * FROM "{name}"'):
            # blobs (the FTS5 segments) as text too, so a token left in one shows
            out.append(repr([v.decode("utf-8", "ignore") if isinstance(v, bytes) else v for v in row]))
    return "\n".join(out)


def test_erase_removes_every_personal_detail_and_keeps_the_orders(store):
    c, o, other = _person()
    assert NAME in _everything_text()
    result = privacy.erase_customer(c.id)
    assert result.erased == [c.id] and result.orders_kept == 1
    text = _everything_text()
    for trace in (NAME, PHONE, WECHAT, DETAIL, OTHER_DETAIL, "13800001111", "喜欢玫瑰味", "周末送到", "SF1234567890"):
        assert trace not in text, trace
    assert not Address.select().where(Address.customer == c.id).exists()
    assert not AddressChange.select().where(AddressChange.customer == c.id).exists()
    kept = Order.get_by_id(o.id)
    assert kept.amount_fen == 12850 and kept.items == "面膜 x2"
    assert kept.address_snapshot == {"province": "广东省", "city": "深圳市"}
    assert kept.notes == "" and kept.tracking_no == "" and kept.address_id is None
    tomb = Customer.get_by_id(c.id)
    assert tomb.name == "" and tomb.phone == "" and tomb.flags == "erased" and tomb.deleted_at is not None
    assert tomb.total_spent_fen == 12850  # sales totals stay
    # the other customer is untouched
    assert Customer.get_by_id(other.id).name == "李四"


def test_erased_customer_is_in_no_list_and_no_search(store):
    c, _, other = _person()
    customers.trash_customers([other.id])
    privacy.erase_customer(c.id)
    assert queries.ordered_ids() == []
    assert queries.ordered_ids(trashed=True) == [other.id]
    assert queries.count_customers(queries.CustomerFilter(trashed=True)) == 1
    for term in (NAME[:2], PHONE[-4:], WECHAT, "科兴"):
        assert not search.matching_ids(term), term
    assert customers.restore_customers([c.id]) == []
    assert customers.purge_customers([c.id]) == 0  # the tombstone keeps the orders: never purged


def test_erase_audit_keeps_only_that_it_happened(store):
    c, o, _ = _person()
    privacy.erase_customer(c.id)
    entry = AuditEntry.select().where(AuditEntry.action == "erase").get()
    assert (entry.entity, entry.entity_id, entry.detail) == ("customer", c.id, None)
    about = AuditEntry.select().where(
        ((AuditEntry.entity == "customer") & (AuditEntry.entity_id == c.id))
        | ((AuditEntry.entity == "order") & (AuditEntry.entity_id == o.id))
    )
    assert all(e.detail is None for e in about)


def test_erase_leaves_points_without_notes(store):
    c, _, _ = _person()
    points.award(c.id, 5, "生日礼 欧阳娜娜")
    privacy.erase_customer(c.id)
    notes = [e.note for e in PointsEntry.select().where(PointsEntry.customer == c.id)]
    assert notes == [""]
    assert Customer.get_by_id(c.id).points == 5


def test_erase_refuses_unknown_and_is_idempotent(store):
    with pytest.raises(NotFoundError):
        privacy.erase_customer(999)
    with pytest.raises(ValidationError):
        privacy.erase_customers([])
    c, _, _ = _person()
    privacy.erase_customer(c.id)
    assert privacy.erase_customer(c.id).erased == []
    assert AuditEntry.select().where(AuditEntry.action == "erase").count() == 1


def test_erase_on_a_team_server_vacuums_the_old_row_versions(team_store):
    """On PostgreSQL an UPDATE/DELETE leaves the old row version (the erased values) until VACUUM: the
    erase runs it at once on every table it touched. pgstattuple reads the pages (statistics lag)."""
    c, _, _ = _person()
    privacy.erase_customer(c.id)
    DB.execute_sql("CREATE EXTENSION IF NOT EXISTS pgstattuple")
    for table in ("customer", "address", "address_change", "orders", "customer_fts", "audit_entry"):
        dead = DB.execute_sql("SELECT dead_tuple_count FROM pgstattuple(%s)", (table,)).fetchone()
        assert dead == (0,), table


def test_erase_of_several_is_one_transaction(store):
    from sellerdesk.progress import Cancelled, CancelToken

    c, _, other = _person()
    token = CancelToken()

    def cancel_after_first(done, total, message):
        if done == 1:
            token.cancel()

    with pytest.raises(Cancelled):
        privacy.erase_customers([c.id, other.id, c.id + 100], progress=cancel_after_first, token=token)
    assert Customer.get_by_id(c.id).name == NAME
    with pytest.raises(NotFoundError):  # one unknown id: nobody is erased
        privacy.erase_customers([c.id, 12345])
    assert Customer.get_by_id(c.id).name == NAME


def test_person_data_holds_everything_about_them(store):
    c, o, _ = _person()
    data = privacy.person_data(c.id)
    assert data["customer"]["name"] == NAME and data["customer"]["total_spent"] == "128.50"
    assert len(data["addresses"]) == 2
    assert [h["action"] for h in data["addresses"][0]["history"]] == ["create", "update"]
    assert data["orders"][0]["amount"] == "128.50" and data["orders"][0]["id"] == o.id
    assert data["orders"][0]["lines"][0]["product"] == "面膜"
    actions = {e["action"] for e in data["audit"]}
    assert {"create", "add_order"} <= actions
    json.dumps(data, ensure_ascii=False)  # plain values only
    assert "李四" not in json.dumps(data, ensure_ascii=False)
    with pytest.raises(NotFoundError):
        privacy.person_data(999)


def test_inactive_customers(store):
    old, _, recent = _person()
    never = customers.create_customer({"name": "王五"})
    Customer.update(created_at=dt.datetime(2019, 1, 1)).where(Customer.id == never.id).execute()
    today = dt.date(2028, 3, 2)
    assert privacy.inactive_customers(3, today) == [old.id, never.id]
    assert privacy.inactive_customers(3, dt.date(2027, 1, 1)) == [never.id]
    privacy.erase_customer(never.id)
    assert privacy.inactive_customers(3, today) == [old.id]
    with pytest.raises(ValidationError):
        privacy.inactive_customers(0)


def test_notice_and_retention_settings(store):
    assert "隐私告知" in privacy.notice() and "彻底删除" in privacy.notice()
    privacy.save_notice("  我的告知  ")
    assert privacy.notice() == "我的告知"
    privacy.save_notice("")
    assert privacy.notice() == privacy.default_notice()
    with pytest.raises(ValidationError):
        privacy.save_notice("字" * (privacy.MAX_NOTICE + 1))
    assert privacy.retention_years() == 3
    privacy.save_retention_years(0)
    assert privacy.retention_years() == 0
    with pytest.raises(ValidationError):
        privacy.save_retention_years(-1)
    assert {"privacy_notice", "retention_years"} <= {e.action for e in AuditEntry.select()}


def test_emptying_the_trash_leaves_no_trace_in_any_table(store, monkeypatch):
    c = customers.create_customer(
        {"name": "司马懿", "phone": "13955556666", "notes": "暗号青龙"}, [ADDRESS | {"detail": "仲达路9号"}]
    )
    customers.create_customer({"name": "诸葛亮", "phone": "13811112222"})
    customers.trash_customers([c.id])
    modes = []
    real = privacy._secure_delete
    monkeypatch.setattr(privacy, "_secure_delete", lambda on: (modes.append(on), real(on)))
    assert customers.purge_customers([c.id]) == 1
    # freed bytes overwritten while the rows went (SQLite's secure_delete; a team server has none)
    assert modes == ([] if is_postgres(DB) else [True, False])
    text = _everything_text()
    for trace in ("司马懿", "13955556666", "暗号青龙", "仲达路9号", "simayi"):
        assert trace not in text
    assert "诸葛亮" in text
    assert search.matching_ids("诸葛") and not search.matching_ids("司马")
