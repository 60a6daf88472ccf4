import pytest

from sellerdesk.core.remote import DEFAULT_ENTRIES
from sellerdesk.store import customers, orders, remote_areas
from sellerdesk.store.customers import AddressEdit
from sellerdesk.store.errors import ValidationError


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


def _customer(name, province, city, district, detail="某路 1 号"):
    values = {"province": province, "city": city, "district": district, "detail": detail}
    return customers.save_customer(None, {"name": name}, [AddressEdit(values, is_default=True)]).id


@pytest.fixture
def people(store):
    return {
        "xj": _customer("新疆客户", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
        "gz": _customer("甘孜客户", "四川省", "甘孜藏族自治州", "理塘县"),
        "cd": _customer("成都客户", "四川省", "成都市", "武侯区"),
        "hk": _customer("香港客户", "香港特别行政区", "", ""),
        "sz": _customer("深圳客户", "广东省", "深圳市", "南山区"),
    }


def test_default_list_until_saved(store):
    assert remote_areas.entries() == list(DEFAULT_ENTRIES)


def test_save_cleans_and_refuses_unknown_entries(store):
    assert remote_areas.save_entries(["新疆", " ", "新疆维吾尔自治区", "甘孜州", "港澳台"]) == [
        "新疆维吾尔自治区",
        "四川省甘孜藏族自治州",
        "港澳台",
    ]
    with pytest.raises(ValidationError) as info:
        remote_areas.save_entries(["西藏", "火星"])
    assert info.value.code == "unknown_region" and info.value.field == "火星"
    assert remote_areas.entries() == ["新疆维吾尔自治区", "四川省甘孜藏族自治州", "港澳台"]
    remote_areas.save_entries([])
    assert remote_areas.entries() == [] and remote_areas.customer_ids() == set()


def test_customer_ids_follow_the_list(people):
    assert remote_areas.customer_ids() == {people["xj"]}
    remote_areas.save_entries(["新疆", "甘孜州", "港澳台"])
    assert remote_areas.customer_ids() == {people["xj"], people["gz"], people["hk"]}
    remote_areas.save_entries(["四川理塘县"])
    assert remote_areas.customer_ids() == {people["gz"]}


def test_trashed_customers_are_counted_apart(people):
    customers.trash_customers([people["xj"]])
    assert remote_areas.customer_ids() == set()
    assert remote_areas.customer_ids(trashed=True) == {people["xj"]}


def test_orders_follow_their_ship_to_snapshot(people):
    remote_areas.save_entries(["新疆", "西藏", "甘孜州"])
    o1 = orders.add_order(people["xj"], amount_fen=100).id
    o2 = orders.add_order(people["gz"], amount_fen=100).id
    o3 = orders.add_order(people["cd"], amount_fen=100).id
    shipped_far = orders.add_order(
        people["sz"], amount_fen=100, ship_to={"recipient": "x", "province": "西藏自治区", "city": "拉萨市"}
    ).id
    assert remote_areas.order_ids() == {o1, o2, shipped_far}
    assert remote_areas.count_orders([o1, o2, o3]) == 2
    assert remote_areas.count_orders([]) == 0
    orders.delete_orders([o1])
    assert remote_areas.order_ids() == {o2, shipped_far}
    assert remote_areas.order_ids(deleted=True) == {o1}


def test_customer_filter_and_view_counts(people):
    from sellerdesk.store import queries

    remote_areas.save_entries(["新疆", "甘孜州"])
    assert set(queries.customer_ids(queries.CustomerFilter(remote=True))) == {people["xj"], people["gz"]}
    both = queries.CustomerFilter(remote=True, provinces=("广东省",))
    assert set(queries.customer_ids(both)) == {people["xj"], people["gz"], people["sz"]}
    assert queries.count_customers(queries.CustomerFilter(remote=True)) == 2
    counts = queries.view_counts(queries.CustomerFilter())
    assert counts.remote == 2 and counts.shown_remote is None
    counts = queries.view_counts(queries.CustomerFilter(search="甘孜"))
    assert counts.remote == 2 and counts.shown_remote == 1
