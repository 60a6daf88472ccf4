"""Optimistic locking of customers (issue 20): the version column, who changed it, and the refusal."""

from __future__ import annotations

import pytest

from sellerdesk.store import customers, orders
from sellerdesk.store.customers import AddressEdit
from sellerdesk.store.errors import ConflictError
from sellerdesk.store.models import Customer


def _version(customer_id: int) -> int:
    return Customer.get_by_id(customer_id).version


def _one(backend_store) -> Customer:
    return customers.create_customer(
        {"name": "张三", "phone": "13812345678"},
        [{"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园1号"}],
    )


def test_a_new_customer_starts_at_version_1_and_each_edit_counts(backend_store):
    customer = _one(backend_store)
    assert _version(customer.id) == 1
    customers.save_customer(customer.id, {"notes": "老客户"}, expected_version=1)
    assert _version(customer.id) == 2
    customers.save_customer(customer.id, {"notes": "老客户"}, expected_version=2)  # nothing changed
    assert _version(customer.id) == 2


def test_an_address_edit_counts_and_order_totals_do_not(backend_store):
    customer = _one(backend_store)
    address = customers.live_addresses(customer.id)[0]
    customers.update_address(address.id, {"detail": "科技园2号"})
    assert _version(customer.id) == 2
    # what an order's write keeps (totals, tier, points) is not the editor's: no conflict
    Customer.update(total_spent_fen=12800, order_count=1, tier="silver", points=128).where(
        Customer.id == customer.id
    ).execute()
    assert _version(customer.id) == 2
    customers.delete_address(address.id)
    assert _version(customer.id) == 3


def test_a_save_on_an_old_version_is_refused_and_writes_nothing(backend_store):
    customer = _one(backend_store)
    customers.save_customer(customer.id, {"wechat": "zs_wx"})  # someone else, meanwhile
    with pytest.raises(ConflictError) as caught:
        customers.save_customer(
            customer.id,
            {"notes": "我的修改"},
            [AddressEdit({"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "x"})],
            expected_version=1,
        )
    exc = caught.value
    assert (exc.entity, exc.entity_id, exc.version, exc.expected) == ("customer", customer.id, 2, 1)
    assert exc.at is not None
    stored = Customer.get_by_id(customer.id)
    assert stored.notes == "" and stored.wechat == "zs_wx" and stored.version == 2
    assert len(customers.live_addresses(customer.id)) == 1


def test_trash_counts_as_a_change(backend_store):
    customer = _one(backend_store)
    customers.trash_customers([customer.id])
    with pytest.raises(ConflictError):
        customers.save_customer(customer.id, {"notes": "x"}, expected_version=1)


def test_a_writer_with_an_old_copy_cannot_set_the_version_back(backend_store):
    customer = _one(backend_store)
    stale = Customer.get_by_id(customer.id)
    customers.save_customer(customer.id, {"notes": "a"})
    stale.name = "李四"
    stale.save()  # every column, the version 1 it read included
    assert _version(customer.id) == 3
    stale = Customer.get_by_id(customer.id)
    customers.save_customer(customer.id, {"notes": "b"})
    stale.points = 5
    stale.save()  # no field of the editor's changed, but version 3 written over 4
    assert _version(customer.id) >= 4


def test_recording_an_order_is_no_conflict(store):
    customer = _one(store)
    orders.add_order(customer.id, amount_fen=12800, items="面霜 x1")
    assert _version(customer.id) == 1


def test_locally_nobody_is_named(store):
    customer = _one(store)
    customers.save_customer(customer.id, {"notes": "a"})
    assert Customer.get_by_id(customer.id).updated_by == ""


def test_on_a_team_server_the_writer_is_named(team_store, pg_admin_url):
    """Two connections: another team member (a role of their own) edits; our save is refused
    naming them."""
    import uuid

    import psycopg

    from sellerdesk.store.postgres import parse_url

    customer = _one(team_store)
    assert Customer.get_by_id(customer.id).updated_by == parse_url(pg_admin_url)["user"]
    role = f"sd_ann_{uuid.uuid4().hex[:8]}"
    params = parse_url(pg_admin_url)
    params["dbname"] = team_store.database
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute(f'CREATE ROLE "{role}" BYPASSRLS')  # not a team user: past the region policies
        try:
            other.execute(f'GRANT SELECT, UPDATE ON "customer", "address" TO "{role}"')
            other.execute(f'SET ROLE "{role}"')
            other.execute('UPDATE "customer" SET "notes" = %s WHERE "id" = %s', ("她改的", customer.id))
            other.execute("RESET ROLE")
            with pytest.raises(ConflictError) as caught:
                customers.save_customer(customer.id, {"notes": "我改的"}, expected_version=1)
            assert caught.value.by == role
            assert role in str(caught.value)
            assert Customer.get_by_id(customer.id).notes == "她改的"
        finally:
            other.execute(f'REVOKE ALL ON "customer", "address" FROM "{role}"')
            other.execute(f'DROP ROLE "{role}"')
