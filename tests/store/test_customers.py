import datetime as dt

import pytest

from sellerdesk.store import customers, queries
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.models import Address, AddressChange, AuditEntry, Customer


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


SZ = {
    "recipient": "张三",
    "phone": "13812345678",
    "province": "广东省",
    "city": "深圳市",
    "district": "南山区",
    "detail": "科技园南区1栋101",
    "label": "家",
}


def test_create_and_get(store):
    c = customers.create_customer({"name": "张三", "phone": "+86 138-1234-5678", "tags": "老客户，VIP"}, [SZ])
    got = customers.get_customer(c.id)
    assert got.name == "张三"
    assert got.phone == "13812345678"
    assert got.name_pinyin.startswith("zhang san")
    assert got.name_initials == "zs"
    assert customers.split_list(got.tags) == ["老客户", "VIP"]
    (address,) = customers.live_addresses(c.id)
    assert address.is_default
    assert address.province == "广东省"
    assert AddressChange.select().where(AddressChange.address == address, AddressChange.action == "create").count() == 1
    assert AuditEntry.select().where(AuditEntry.action == "create").count() == 1


def test_customer_needs_identity(store):
    with pytest.raises(ValidationError):
        customers.create_customer({"notes": "nobody"})
    assert Customer.select().count() == 0


def test_invalid_phone_is_kept_and_flagged(store):
    c = customers.create_customer({"name": "李四", "phone": "12345"})
    got = customers.get_customer(c.id)
    assert got.phone == "12345"
    assert "needs_check" in customers.split_list(got.flags)


def test_address_edit_writes_history(store):
    c = customers.create_customer({"name": "张三"}, [SZ])
    (address,) = customers.live_addresses(c.id)
    change = customers.update_address(address.id, {"district": "福田区", "detail": "华强北1号"}, reason="moved")
    assert change.old_values == {"district": "南山区", "detail": "科技园南区1栋101"}
    assert change.new_values == {"district": "福田区", "detail": "华强北1号"}
    assert change.reason == "moved"
    assert customers.update_address(address.id, {"district": "福田区"}) is None  # no change, no row
    history = customers.address_history(c.id)
    assert [h.action for h in history] == ["update", "create"]
    assert Address.get_by_id(address.id).district == "福田区"


def test_verify_stamps_and_edit_clears(store):
    c = customers.create_customer({"name": "张三"}, [SZ])
    (address,) = customers.live_addresses(c.id)
    stamp = customers.mark_verified(address.id)
    assert Address.get_by_id(address.id).verified_at == stamp
    customers.update_address(address.id, {"detail": "新地址88号"})
    assert Address.get_by_id(address.id).verified_at is None


def test_default_address_moves_and_delete_is_soft(store):
    c = customers.create_customer({"name": "张三"}, [SZ, dict(SZ, label="公司", detail="公司路2号")])
    first, second = customers.live_addresses(c.id)
    assert first.is_default and not second.is_default
    customers.set_default_address(second.id)
    assert [a.id for a in customers.live_addresses(c.id)][0] == second.id
    customers.delete_address(second.id)
    remaining = customers.live_addresses(c.id)
    assert [a.id for a in remaining] == [first.id] and remaining[0].is_default
    assert Address.get_by_id(second.id).deleted_at is not None
    customers.restore_address(second.id)
    assert {a.id for a in customers.live_addresses(c.id)} == {first.id, second.id}


def test_trash_restore_purge(store):
    a = customers.create_customer({"name": "甲"}, [SZ])
    b = customers.create_customer({"name": "乙"})
    assert customers.trash_customers([a.id, a.id]) == [a.id]
    assert queries.customer_ids() == [b.id]
    assert queries.customer_ids(queries.CustomerFilter(trashed=True)) == [a.id]
    assert customers.purge_customers([b.id]) == 0  # not in the Trash: refused
    assert customers.restore_customers([a.id]) == [a.id]
    assert set(queries.customer_ids()) == {a.id, b.id}
    customers.trash_customers([a.id])
    assert customers.purge_customers([a.id]) == 1
    assert Customer.get_or_none(Customer.id == a.id) is None
    assert Address.select().where(Address.customer == a.id).count() == 0


def test_update_customer(store):
    c = customers.create_customer({"name": "张三", "phone": "13812345678"})
    customers.update_customer(c.id, {"name": "张叁", "tier": "VIP", "birthday": "1990/5/4"})
    got = customers.get_customer(c.id)
    assert (got.name, got.tier, got.birthday) == ("张叁", "VIP", dt.date(1990, 5, 4))
    with pytest.raises(ValidationError):
        customers.update_customer(c.id, {"name": "", "phone": ""})
    with pytest.raises(NotFoundError):
        customers.update_customer(999, {"name": "x"})


def test_transaction_rolls_back_whole_customer(store):
    with pytest.raises(ValidationError):
        customers.create_customer({"name": "张三"}, [SZ, {"bogus_field": "x"}])
    assert Customer.select().count() == 0
    assert Address.select().count() == 0


def test_phone_of_is_normalize_phone() -> None:
    # the bulk writers' cached phone normaliser, with its shortcut for plain mobiles
    import random

    from sellerdesk.core.phones import normalize_phone
    from sellerdesk.store.customers import phone_of

    rng = random.Random(5)
    texts = [
        "13812345678",
        "12812345678",
        "1381234567",
        "138123456789",
        "１３８１２３４５６７８",
        "13812345678 ",
        "+8613812345678",
        "021-64641234",
        "",
        None,
        13812345678,
        "1.3812345678E10",
        "13812345678.0",
    ]
    texts += ["".join(rng.choice("0123456789") for _ in range(11)) for _ in range(2000)]
    texts += ["1" + rng.choice("3456789") + "".join(rng.choice("0123456789 -") for _ in range(9)) for _ in range(500)]
    for text in texts:
        assert phone_of(text) == normalize_phone(text), text


def test_clean_list_caches_text_and_takes_lists() -> None:
    from sellerdesk.store.customers import clean_list

    assert clean_list("VIP；老客户| VIP /新客") == "VIP,老客户,新客"
    assert clean_list(["a/b", " a/b ", "c"]) == "a/b,c"
    assert clean_list(None) == "" and clean_list("") == ""


def test_save_customer_is_the_one_path_for_new_and_edited(store):
    made = customers.save_customer(
        None,
        {"name": "王五", "phone": "13900001111"},
        [
            customers.AddressEdit({"province": "广东", "city": "深圳", "district": "南山", "detail": "科技园1号"}),
            customers.AddressEdit({"label": "空"}),  # a form row without a place is skipped
            customers.AddressEdit({"province": "北京", "district": "朝阳", "detail": "建国路2号"}, is_default=True),
        ],
    )
    first, second = sorted(customers.live_addresses(made.id), key=lambda a: a.id)
    # official names and the adcode of the most precise level, resolved inside the store
    assert (first.province, first.city, first.district, first.adcode) == ("广东省", "深圳市", "南山区", "440305")
    assert (second.province, second.city, second.district) == ("北京市", "北京市", "朝阳区")
    assert second.is_default and not first.is_default

    third = customers.save_customer(
        made.id,
        {"notes": "老客户"},
        [
            customers.AddressEdit(None, id=first.id, is_default=True),  # unchanged, now the default
            customers.AddressEdit({"detail": "建国路3号"}, id=second.id),
            customers.AddressEdit({"province": "浙江省", "city": "杭州市", "district": "萧山区", "detail": "1号"}),
        ],
    )
    assert third.notes == "老客户"
    live = {a.id: a for a in customers.live_addresses(made.id)}
    assert len(live) == 3 and live[first.id].is_default and not live[second.id].is_default
    assert live[second.id].detail == "建国路3号"
    assert sum(a.is_default for a in live.values()) == 1
    actions = [h.action for h in customers.address_history(made.id)]
    assert actions.count("create") == 3 and actions.count("update") == 1

    customers.save_customer(made.id, {}, [customers.AddressEdit(None, id=first.id, deleted=True)])
    remaining = customers.live_addresses(made.id)
    assert first.id not in [a.id for a in remaining] and sum(a.is_default for a in remaining) == 1


def test_save_customer_refuses_whole_and_changes_nothing(store):
    made = customers.create_customer({"name": "张三"}, [SZ])
    (address,) = customers.live_addresses(made.id)
    other = customers.create_customer({"name": "李四"}, [SZ])
    (foreign,) = customers.live_addresses(other.id)
    before = customers.address_history(made.id)
    with pytest.raises(ValidationError):  # another customer's address
        customers.save_customer(made.id, {"name": "张三丰"}, [customers.AddressEdit({"detail": "x"}, id=foreign.id)])
    with pytest.raises(ValidationError) as refused:  # the identity rule, with a code for translated text
        customers.save_customer(made.id, {"name": ""}, [customers.AddressEdit({"detail": "y"}, id=address.id)])
    assert refused.value.code == "no_identity"
    with pytest.raises(ValidationError):  # a bad field in the last address rolls back the rest
        customers.save_customer(
            made.id,
            {"name": "张三丰"},
            [
                customers.AddressEdit({"detail": "z"}, id=address.id),
                customers.AddressEdit({"bogus": "1", "detail": "w"}),
            ],
        )
    assert customers.get_customer(made.id).name == "张三"
    assert customers.live_addresses(made.id)[0].detail == SZ["detail"]
    assert len(customers.address_history(made.id)) == len(before)


def _wrong_address(**changes: str) -> customers.AddressEdit:
    return customers.AddressEdit({**SZ, **changes})


def test_check_values_names_each_wrong_value_once(store):
    assert customers.check_values({"name": "张三", "phone": "13812345678"}, [customers.AddressEdit(SZ)]) == []
    problems = customers.check_values(
        {"name": "张三", "phone": "1234"}, [_wrong_address(phone="1234", city="杭州市", district="", postal_code="12")]
    )
    assert [p.code for p in problems] == ["invalid_phone", "city_not_in_province", "invalid_postal_code"]
    # an address left as it is, deleted or an empty form row is not the save's business
    unchanged = customers.AddressEdit(None, id=1)
    deleted = customers.AddressEdit({**SZ, "postal_code": "12"}, id=1, deleted=True)
    assert customers.check_values({"name": "张三"}, [unchanged, deleted, customers.AddressEdit({})]) == []
    assert Customer.select().count() == 0


def test_save_customer_refuses_wrong_values_when_asked(store):
    with pytest.raises(ValidationError) as caught:
        customers.save_customer(None, {"name": "张三"}, [_wrong_address(city="杭州市", district="")], wrong="refuse")
    assert caught.value.code == "city_not_in_province" and caught.value.field == "city"
    assert "杭州市 is not in 广东省." in str(caught.value)
    assert Customer.select().count() == 0 and Address.select().count() == 0


def test_save_customer_flags_wrong_values_when_asked(store):
    c = customers.save_customer(None, {"name": "张三", "tags": "VIP"}, [_wrong_address(postal_code="12")], wrong="flag")
    got = customers.get_customer(c.id)
    assert customers.split_list(got.flags) == [customers.FLAG_NEEDS_CHECK]
    assert customers.live_addresses(c.id)[0].postal_code == "12"  # kept as typed
    # an edit of a customer keeps its other flags
    customers.update_customer(c.id, {"flags": "demo"})
    (address,) = customers.live_addresses(c.id)
    customers.save_customer(
        c.id, {}, [customers.AddressEdit({**SZ, "district": "西湖区"}, id=address.id)], wrong="flag"
    )
    assert customers.split_list(customers.get_customer(c.id).flags) == ["demo", customers.FLAG_NEEDS_CHECK]


def test_save_customer_keeps_wrong_values_unflagged_by_default(store):
    # the editor's save: it shows every problem under the form while typing, and saves as typed
    c = customers.save_customer(None, {"name": "张三"}, [_wrong_address(postal_code="12", city="杭州市")])
    assert customers.get_customer(c.id).flags == ""
    right = customers.save_customer(None, {"name": "李四"}, [customers.AddressEdit(SZ)], wrong="flag")
    assert customers.get_customer(right.id).flags == ""
