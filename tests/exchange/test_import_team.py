"""The importer on a team server: rows through COPY, ids from the sequences."""

from __future__ import annotations

from sellerdesk.exchange import importer
from sellerdesk.store import bulk, customers
from sellerdesk.store.models import DB, Address, AddressChange, Customer


def test_imported_rows_take_ids_from_the_sequences_and_saving_goes_on_after_them(team_store, sheets):
    first = customers.save_customer(None, {"name": "先来的"}, [])
    # another user's id taken meanwhile: the import must not collide with it
    taken = bulk.Numbers("customer").take()
    rows = [["姓名", "手机", "省份", "城市", "区县", "详细地址"]]
    rows += [[f"客户{i}", f"1380000{i:04d}", "广东", "深圳", "南山", f"科技园{i}号"] for i in range(30)]
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": rows}))
    assert result.counts["new"] == 30
    ids = [c.id for c in Customer.select().where(Customer.id != first.id)]
    assert taken not in ids and len(set(ids)) == 30
    later = customers.save_customer(None, {"name": "后来的"}, [])
    assert later.id > max(ids)
    # each added address has its history row and its customer its address key (written with the row)
    assert AddressChange.select().where(AddressChange.action == "create").count() == Address.select().count() == 30
    keyed = Customer.select().where(Customer.address_key.startswith("广东省\x01深圳市\x01南山区\x01科技园"))
    assert keyed.count() == 30


def test_fix_sequences_goes_past_rows_written_with_their_own_ids(team_store):
    DB.execute_sql(
        "INSERT INTO customer (id, name, name_pinyin, name_initials, phone, wechat, tags, tier, gender, source, "
        "notes, flags, marketing_consent, order_count, total_spent_fen, tier_manual, points, created_at, updated_at, "
        "consent_via) VALUES (500, '甲', 'jia', 'j', '', '', '', '', '', '', '', '', 0, 0, 0, 0, 0, "
        "'2024-01-01 00:00:00', '2024-01-01 00:00:00', '')"
    )
    bulk.fix_sequences(["customer"])
    assert customers.save_customer(None, {"name": "乙"}, []).id == 501
