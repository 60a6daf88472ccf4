"""Interactive saves refuse an over-long value naming the field, and store no invisible characters."""

import pytest

from sellerdesk.core.fields import ADDRESS_FIELDS, MAX_LENGTH
from sellerdesk.store import customers
from sellerdesk.store.errors import TooLongError, ValidationError
from sellerdesk.store.models import Address, AuditEntry, Customer


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


TEXT_CUSTOMER_FIELDS = ("name", "wechat", "tags", "tier", "source", "notes", "flags")
TEXT_ADDRESS_FIELDS = ("recipient", "province", "city", "district", "detail", "label")


@pytest.mark.parametrize("field", TEXT_CUSTOMER_FIELDS + ("phone",))
def test_a_too_long_customer_field_is_refused_and_nothing_is_written(store, field):
    value = "1" * (MAX_LENGTH[field] + 1) if field == "phone" else "长" * (MAX_LENGTH[field] + 1)
    data = {"name": "张三", field: value}
    with pytest.raises(TooLongError) as info:
        customers.create_customer(data)
    assert info.value.field == field and isinstance(info.value, ValidationError)
    assert field.replace("_", " ") in str(info.value) and str(MAX_LENGTH[field]) in str(info.value)
    assert Customer.select().count() == 0 and AuditEntry.select().count() == 0


def test_updates_and_addresses_are_held_to_the_same_limits(store):
    customer = customers.create_customer({"name": "张三"})
    with pytest.raises(TooLongError) as info:
        customers.update_customer(customer.id, {"name": "张" * 101})
    assert info.value.field == "name"
    assert customers.get_customer(customer.id).name == "张三"
    with pytest.raises(TooLongError) as info:
        customers.add_address(customer.id, {"province": "广东省", "detail": "路" * 501})
    assert info.value.field == "detail" and Address.select().count() == 0
    address = customers.add_address(customer.id, {"province": "广东省", "detail": "科技园1号"})
    with pytest.raises(TooLongError):
        customers.update_address(address.id, {"label": "家" * 21})
    assert Address.get_by_id(address.id).label == ""


@pytest.mark.parametrize("field", TEXT_CUSTOMER_FIELDS)
def test_invisible_characters_leave_every_customer_field(store, field):
    customer = customers.create_customer({"name": "张三", field: "\u202e值\u200b\ufeff"})
    assert getattr(customers.get_customer(customer.id), field) == "值"


@pytest.mark.parametrize("field", TEXT_ADDRESS_FIELDS)
def test_invisible_characters_leave_every_address_field(store, field):
    assert field in ADDRESS_FIELDS
    customer = customers.create_customer({"name": "张三"})
    address = customers.add_address(customer.id, {"province": "广东省", field: "\u2066值\u2069\u200b"})
    assert getattr(Address.get_by_id(address.id), field) == "值"


def test_a_phone_with_invisible_characters_is_normalised(store):
    customer = customers.create_customer({"phone": "\u202d138\u200b1234\ufeff5678\u202c"})
    assert customers.get_customer(customer.id).phone == "13812345678"
