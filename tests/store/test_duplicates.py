"""The duplicate finder: which live customers it groups, and why."""

import pytest

from sellerdesk.store import customers, duplicates
from sellerdesk.store.duplicates import NAME_ADDRESS, PHONE, SIMILAR_NAME_ADDRESS, SIMILAR_NAME_PHONE, WECHAT


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


SZ = {"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园南区1栋101"}


def add(name="", phone="", wechat="", *addresses):
    return customers.create_customer({"name": name, "phone": phone, "wechat": wechat}, list(addresses)).id


def groups():
    return {g.ids: g for g in duplicates.find_duplicates()}


def test_same_phone_similar_names_and_families(store):
    a = add("王小明", "13800001234")
    b = add("王小民", "+86 138-0000-1234")  # normalised on save: the same phone
    c = add("张三", "13900001111")
    d = add("李四", "13900001111")  # a family: same phone, different names
    found = groups()
    assert found[(a, b)].reasons == [SIMILAR_NAME_PHONE, PHONE]
    assert found[(a, b)].keys[PHONE] == "13800001234"
    assert found[(c, d)].reasons == [PHONE]
    # strongest first
    assert list(found) == [(a, b), (c, d)]


def test_an_address_phone_counts_and_masked_phones_do_not(store):
    a = add("王一", "13800001234")
    b = add("王一一", "", "", {**SZ, "detail": "别处2号", "phone": "13800001234"})
    c = add("赵六", "138****1234")
    d = add("钱七", "138****1234")
    found = groups()
    assert (a, b) in found
    assert (c, d) not in found


def test_same_wechat_and_same_name_at_one_address(store):
    a = add("张三", "", "zhang3")
    b = add("章三丰", "", "zhang3")
    c = add("刘备", "13811110001", "", SZ)
    d = add("刘备", "13811110002", "", {**SZ, "detail": "科技园南区 1栋101"})  # spaces ignored
    e = add("孙权", "13811110003", "", SZ)  # another person at that address: not a duplicate
    f = add("刘 备备", "13811110004", "", SZ)  # one edit from 刘备: similar
    found = groups()
    assert found[(a, b)].reasons == [WECHAT]
    assert found[(c, d)].reasons == [NAME_ADDRESS]
    assert found[(c, d)].keys[NAME_ADDRESS] == "广东省深圳市南山区科技园南区1栋101"
    assert found[(c, d, f)].reasons == [SIMILAR_NAME_ADDRESS]
    assert not any(e in ids for ids in found)


def test_trashed_customers_and_deleted_addresses_are_left_out(store):
    a = add("王一", "13800001234")
    b = add("王一", "13800001234")
    customers.trash_customers([b])
    assert groups() == {}
    customers.restore_customers([b])
    assert (a, b) in groups()


def test_cancel_stops_the_search(store):
    import pytest

    from sellerdesk.progress import Cancelled, CancelToken

    add("王一", "13800001234")
    add("王一", "13800001234")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        duplicates.find_duplicates(token=token)
    seen = []
    duplicates.find_duplicates(lambda done, total, _m: seen.append((done, total)))
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)
