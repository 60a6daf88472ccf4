"""Search ranking: exact name/initials/phone/WeChat matches first, then prefixes, then the rest."""

import pytest

from sellerdesk.store import customers, queries, search
from sellerdesk.store.queries import CustomerFilter


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


def _addr(detail="某路1号", province="广东省", city="深圳市"):
    return {"province": province, "city": city, "district": "", "detail": detail}


def ids(text, **kw):
    return queries.customer_ids(CustomerFilter(search=text), **kw)


@pytest.fixture
def people(store):
    def add(key, name, wechat="", phone="", detail="某路1号"):
        return key, customers.create_customer({"name": name, "wechat": wechat, "phone": phone}, [_addr(detail)]).id

    return dict(
        [
            add("czs", "常振思", wechat="demo_czs123"),  # initials contain zs (via the WeChat ID)
            add("dzs", "邓子思", wechat="demo_dzs42"),
            add("zsj", "张世杰"),  # initials start with zs
            add("zs", "张三", phone="13812345678"),  # initials are zs
            add("ls", "李四", detail="张家港路5号", phone="13912345678"),  # 张 only in the address
            add("zsw", "赵顺", wechat="zs"),  # WeChat ID is exactly zs, initials zs too
            add("wx", "王霞", wechat="zsx_shop"),  # WeChat ID starts with zs
        ]
    )


def test_initials_exact_then_prefix_then_the_rest(people):
    p = people
    # pinyin order inside each group: 张 zhang before 赵 zhao, 王 wang before 张, 常 chang before 邓 deng
    assert ids("zs") == [p["zs"], p["zsw"], p["wx"], p["zsj"], p["czs"], p["dzs"]]
    assert ids("zs", descending=True) == [p["zsw"], p["zs"], p["zsj"], p["wx"], p["dzs"], p["czs"]]


def test_name_exact_then_name_prefix_then_address(people):
    p = people
    assert ids("张三") == [p["zs"]]
    assert ids("张") == [p["zs"], p["zsj"], p["ls"]]  # pinyin: zhang san < zhang shi jie
    assert ids("张世杰") == [p["zsj"]]


def test_phone_exact_then_prefix(people, store):
    p = people
    other = customers.create_customer({"name": "孙七", "phone": "13712345678"}, [_addr()]).id
    assert ids("12345678") == [p["ls"], other, p["zs"]]  # no phone starts with it: pinyin order
    assert ids("13812345678") == [p["zs"]]
    assert ids("139") == [p["ls"]]
    assert ids("3812") == [p["zs"]]
    assert ids("1381234") == [p["zs"]]


def test_wechat_exact_any_case(people):
    p = people
    assert ids("ZS")[:2] == [p["zs"], p["zsw"]]  # initials and WeChat ID both exactly zs (lower-cased)
    assert ids("zsx_shop") == [p["wx"]]


def test_rank_respects_filters_and_trash(people):
    p = people
    customers.trash_customers([p["zs"]])
    assert ids("zs") == [p["zsw"], p["wx"], p["zsj"], p["czs"], p["dzs"]]
    assert queries.customer_ids(CustomerFilter(search="zs", trashed=True)) == [p["zs"]]
    assert queries.customer_ids(CustomerFilter(search="zs", provinces=("北京市",))) == []


def test_prefix_shared_by_too_many_ranks_nobody(people, monkeypatch):
    p = people
    monkeypatch.setattr(search, "RANK_PREFIX_LIMIT", 1)
    # the initials prefix zs* is shared by 2+ customers: only the exact matches come first
    assert ids("zs")[:2] == [p["zs"], p["zsw"]]
    assert set(ids("zs")[2:]) == {p["zsj"], p["wx"], p["czs"], p["dzs"]}
    assert ids("zs")[2:] == [p["czs"], p["dzs"], p["wx"], p["zsj"]]  # pinyin: chang deng wang zhang


def test_apply_rank_keeps_order_inside_tiers():
    assert queries.apply_rank([5, 4, 3, 2, 1], [{2, 9}, {4, 1}]) == [2, 4, 1, 5, 3]
    assert queries.apply_rank([5, 4, 3], [set(), set()]) == [5, 4, 3]
    assert queries.apply_rank([5, 4, 3], [{7}]) == [5, 4, 3]
    assert queries.apply_rank([], [{1}]) == []


def test_empty_query_has_no_tiers(store):
    assert search.rank_tiers("  ") == []
