"""store.queries.find_by_phone_or_wechat: the customer a pasted message names."""

import pytest

from sellerdesk.store import customers
from sellerdesk.store.queries import find_by_phone_or_wechat


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


def test_phone_is_normalised_and_comes_before_wechat(store):
    by_phone = customers.create_customer({"name": "张三", "phone": "13812345678"}).id
    by_wechat = customers.create_customer({"name": "李四", "wechat": "lisi2020"}).id
    assert find_by_phone_or_wechat("+86 138-1234-5678").id == by_phone
    assert find_by_phone_or_wechat("", "lisi2020").id == by_wechat
    assert find_by_phone_or_wechat("13812345678", "lisi2020").id == by_phone
    assert find_by_phone_or_wechat("13900000000", "lisi2020").id == by_wechat
    assert find_by_phone_or_wechat("13900000000", "nobody") is None
    assert find_by_phone_or_wechat("", "") is None


def test_trash_is_skipped_and_the_oldest_wins(store):
    first = customers.create_customer({"name": "甲", "phone": "13812345678"}).id
    second = customers.create_customer({"name": "乙", "phone": "13812345678"}).id
    assert find_by_phone_or_wechat("13812345678").id == first
    customers.trash_customers([first])
    assert find_by_phone_or_wechat("13812345678").id == second
    customers.trash_customers([second])
    assert find_by_phone_or_wechat("13812345678") is None
