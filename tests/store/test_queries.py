import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sellerdesk.store import customers, queries, search
from sellerdesk.store.models import Customer
from sellerdesk.store.postgres import is_postgres
from sellerdesk.store.queries import CustomerFilter


@pytest.fixture
def store(backend_store):
    """The tests here that need only the models run on both backends (the SQLCipher file, a team server)."""
    return backend_store


def _addr(province, city, district="", detail="某路1号"):
    return {"province": province, "city": city, "district": district, "detail": detail}


def _seed():
    ids = {}
    ids["zs"] = customers.create_customer(
        {"name": "张三", "phone": "13812345678", "wechat": "zhangsan_wx", "tags": "VIP", "tier": "金卡"},
        [_addr("广东省", "深圳市", "南山区", "科技园1号")],
    ).id
    ids["ls"] = customers.create_customer(
        {"name": "李四", "phone": "13987654321", "tags": "新客"}, [_addr("浙江省", "杭州市", "西湖区", "文三路2号")]
    ).id
    ids["ww"] = customers.create_customer(
        {"name": "王五", "phone": "15011112222", "tier": "金卡"}, [_addr("广东省", "广州市", "天河区", "体育西路3号")]
    ).id
    ids["al"] = customers.create_customer({"name": "阿亮", "wechat": "aliang"}).id  # no address
    ids["zl"] = customers.create_customer({"name": "赵六"}, [_addr("北京市", "", "", "")]).id  # incomplete
    return ids


def test_sort_by_pinyin(store):
    ids = _seed()
    assert queries.customer_ids(sort="name") == [ids[k] for k in ("al", "ls", "ww", "zs", "zl")]
    assert queries.customer_ids(sort="name", descending=True) == [ids[k] for k in ("zl", "zs", "ww", "ls", "al")]


def test_search_fields(store):
    ids = _seed()
    assert queries.customer_ids(CustomerFilter(search="张")) == [ids["zs"]]
    assert queries.customer_ids(CustomerFilter(search="5678")) == [ids["zs"]]
    assert queries.customer_ids(CustomerFilter(search="zs")) == [ids["zs"]]
    assert queries.customer_ids(CustomerFilter(search="aliang")) == [ids["al"]]
    assert queries.customer_ids(CustomerFilter(search="文三路")) == [ids["ls"]]
    assert queries.customer_ids(CustomerFilter(search="深圳南山")) == []  # not contiguous in the text
    assert queries.customer_ids(CustomerFilter(search="深圳市南山")) == [ids["zs"]]
    assert queries.customer_ids(CustomerFilter(search="100%")) == []


def test_filters_combine(store):
    ids = _seed()
    gd = CustomerFilter(provinces=("广东省",))
    assert set(queries.customer_ids(gd)) == {ids["zs"], ids["ww"]}
    assert queries.customer_ids(CustomerFilter(provinces=("广东省",), search="王")) == [ids["ww"]]
    assert queries.customer_ids(CustomerFilter(cities=(("广东省", "深圳市"),))) == [ids["zs"]]
    assert set(queries.customer_ids(CustomerFilter(tiers=("金卡",)))) == {ids["zs"], ids["ww"]}
    assert queries.customer_ids(CustomerFilter(tags=("VIP",), tiers=("金卡",))) == [ids["zs"]]
    assert set(queries.customer_ids(CustomerFilter(incomplete_address=True))) == {ids["al"], ids["zl"]}
    assert queries.count_customers(gd) == 2


def test_region_counts_follow_deletes(store):
    ids = _seed()
    counts = queries.region_counts()
    assert counts[("广东省", "深圳市")] == 1
    assert counts[("广东省", "广州市")] == 1
    assert counts[("", "")] == 1
    assert queries.count_incomplete() == 2
    customers.trash_customers([ids["zs"]])
    assert ("广东省", "深圳市") not in queries.region_counts()


def test_rows_for_ids_and_dict(store):
    ids = _seed()
    rows = queries.rows_for_ids([ids["zs"], ids["al"]])
    assert rows[ids["zs"]].address_text == "广东省深圳市南山区科技园1号"
    assert rows[ids["al"]].province == ""
    customer = customers.get_customer(ids["zs"])
    doc = queries.customer_to_dict(customer, queries.addresses_of([ids["zs"]])[ids["zs"]])
    assert doc["tags"] == ["VIP"]
    assert doc["addresses"][0]["is_default"] is True
    assert [c.id for c, _ in queries.iter_customers(batch=2)] == queries.customer_ids()


def test_tags_and_tiers(store):
    _seed()
    assert queries.all_tags() == ["VIP", "新客"]
    assert queries.all_tiers() == ["金卡"]


def test_id_lists_match_the_sql_filters(store):
    ids = _seed()
    customers.trash_customers([ids["ww"]])
    filters = [
        CustomerFilter(),
        CustomerFilter(search="张"),
        CustomerFilter(provinces=("广东省",)),
        CustomerFilter(incomplete_address=True),
        CustomerFilter(tags=("VIP",), search="13"),
        CustomerFilter(trashed=True),
        CustomerFilter(tiers=("金卡",), trashed=True),
        CustomerFilter(cities=(("浙江省", "杭州市"),), incomplete_address=True),
        CustomerFilter(ids=[ids["zs"], ids["al"]], search="a"),
    ]
    for flt in filters:
        for sort in queries.SORT_KEYS:
            ascending = queries.customer_ids(flt, sort)
            descending = queries.customer_ids(flt, sort, descending=True)
            if flt.search:  # the exact and prefix matches come first either way (test_search_rank)
                assert sorted(descending) == sorted(ascending)
            else:
                assert descending == ascending[::-1]
            assert len(ascending) == queries.count_customers(flt), (flt, sort)
    assert set(queries.customer_ids(CustomerFilter(incomplete_address=True))) == {ids["al"], ids["zl"]}
    assert queries.incomplete_ids() == {ids["al"], ids["zl"]}
    assert queries.incomplete_ids(trashed=True) == set()
    assert queries.allowed_ids(CustomerFilter()) is None
    assert queries.apply_allowed([3, 1, 2], {2, 3}) == [3, 2] and queries.apply_allowed([1], set()) == []


def test_id_list_keeps_the_order(store):
    names = ["张三", "阿亮", "李四", "Bob", "王五", "赵六"]
    made = {n: customers.create_customer({"name": n}).id for n in names}
    assert queries.ordered_ids("name") == [made[n] for n in ("阿亮", "Bob", "李四", "王五", "张三", "赵六")]
    assert queries.ordered_ids("name", descending=True) == queries.ordered_ids("name")[::-1]


def test_apply_allowed_by_position_keeps_the_order():
    order = list(range(1000, 0, -1))
    position = {cid: i for i, cid in enumerate(order)}
    allowed = {5, 999, 17, 4242}  # 4242: not in this view (e.g. in the Trash)
    assert queries.apply_allowed(order, allowed, position) == [999, 17, 5]
    assert queries.apply_allowed(order, allowed) == [999, 17, 5]
    big = set(range(1, 1001, 2))
    assert queries.apply_allowed(order, big, position) == [c for c in order if c % 2]


def test_iter_customers_records_read_as_the_models_do(store):
    """The listing reads plain records, not model objects: every kind of value (dates,
    timestamps, flags, the default address first, deleted addresses left out, the Trash)
    must come out as customer_to_dict gives it for the models."""
    ids = _seed()
    qian = customers.create_customer(
        {
            "name": "钱七",
            "phone": "13600001111",
            "wechat": "qian7",
            "tags": "VIP,老客户",
            "tier": "银卡",
            "birthday": "1990-05-04",
            "gender": "F",
            "source": "微信",
            "notes": "只收顺丰",
            "flags": "needs_check",
            "marketing_consent": True,
        },
        [_addr("上海市", "上海市", "浦东新区", "世纪大道1号"), _addr("江苏省", "南京市", "鼓楼区", "中山路2号")],
    ).id
    home, office = customers.live_addresses(qian)
    customers.mark_verified(office.id)
    customers.set_default_address(office.id)
    gone = customers.add_address(qian, _addr("浙江省", "宁波市", "海曙区", "旧址3号"))
    customers.delete_address(gone.id)
    customers.trash_customers([ids["ls"]])

    for flt in (CustomerFilter(), CustomerFilter(trashed=True), CustomerFilter(search="钱七")):
        expected = [
            queries.customer_to_dict(customers.get_customer(cid), queries.addresses_of([cid])[cid])
            for cid in queries.customer_ids(flt)
        ]
        assert [queries.customer_to_dict(c, a) for c, a in queries.iter_customers(flt, batch=2)] == expected
    (doc,) = [queries.customer_to_dict(c, a) for c, a in queries.iter_customers(CustomerFilter(search="钱七"))]
    assert doc["birthday"] == "1990-05-04" and doc["marketing_consent"] is True and doc["deleted"] is False
    assert [a["id"] for a in doc["addresses"]] == [office.id, home.id]
    assert doc["addresses"][0]["is_default"] is True and doc["addresses"][0]["verified_at"]
    assert doc["addresses"][1]["is_default"] is False and doc["addresses"][1]["verified_at"] == ""


def _address_order_by_join(trashed=False):
    """The address sort as a join of the default address would give it (the reference)."""
    sql = (
        'SELECT c."id" FROM "customer" c LEFT JOIN "address" a ON a."customer_id" = c."id" AND a."is_default" = 1 '
        'AND a."deleted_at" IS NULL WHERE c."deleted_at" IS ' + ("NOT NULL" if trashed else "NULL") + " "
        # (NULLs first, as SQLite sorts them and the store asks PostgreSQL to)
        'ORDER BY a."province" NULLS FIRST, a."city" NULLS FIRST, a."district" NULLS FIRST, '
        'a."detail" NULLS FIRST, c."id"'
    )
    return queries.id_list(sql)


def test_address_sort_key_follows_every_address_write(store):
    ids = _seed()
    assert queries.ordered_ids("address") == _address_order_by_join()
    # the default's fields change; a second address becomes the default; one is deleted
    zs_home = customers.live_addresses(ids["zs"])[0]
    customers.update_address(zs_home.id, {"province": "北京市", "city": "北京市", "detail": "长安街1号"})
    assert queries.ordered_ids("address") == _address_order_by_join()
    other = customers.add_address(ids["ls"], _addr("安徽省", "合肥市", "蜀山区", "长江西路9号"), make_default=True)
    assert queries.ordered_ids("address") == _address_order_by_join()
    assert Customer.get_by_id(ids["ls"]).address_key == "安徽省\x01合肥市\x01蜀山区\x01长江西路9号"
    customers.delete_address(other.id)
    assert queries.ordered_ids("address") == _address_order_by_join()
    customers.add_address(ids["al"], _addr("上海市", "上海市", "浦东新区", "世纪大道1号"))  # 阿亮's first address
    assert queries.ordered_ids("address") == _address_order_by_join()
    customers.save_customer(
        ids["ww"],
        {"name": "王五"},
        [customers.AddressEdit(None, id=customers.live_addresses(ids["ww"])[0].id, deleted=True)],
    )
    assert queries.ordered_ids("address") == _address_order_by_join()
    customers.trash_customers([ids["zl"]])
    assert queries.ordered_ids("address", trashed=True) == _address_order_by_join(trashed=True) == [ids["zl"]]
    assert queries.ordered_ids("address", descending=True) == _address_order_by_join()[::-1]
    # the key itself: NULL without a live default address
    keys = dict(Customer.select(Customer.id, Customer.address_key).tuples())
    assert keys[ids["ww"]] is None and keys[ids["al"]] == "上海市\x01上海市\x01浦东新区\x01世纪大道1号"


@given(
    order=st.permutations(list(range(1, 40))),
    allowed=st.sets(st.integers(1, 45)),
    tiers=st.lists(st.sets(st.integers(1, 45)), max_size=3),
    reverse=st.booleans(),
    small=st.sampled_from([0, 10**9, queries.OrderGather.SMALL_SHARE]),
    slices=st.sampled_from([1, 2, 3, search.ID_SLICE]),
)
@settings(deadline=None)  # (no timing: an example took over 200 ms on the shared machine at load 18)
def test_order_gather_equals_filter_reverse_and_rank(order, allowed, tiers, reverse, small, slices):
    """Both ways of :meth:`OrderGather.keep` (``small``: 0 sorts every answer by position, 10**9
    none) give what filtering, reversing and ranking give; also when the mask is marked, gathered
    and read back a slice at a time (``slices``: ids a slice, so 4, 8, 12 of this order's 39: a
    last slice of 3, 7 or 1 id)."""
    expected = queries.apply_allowed(order, allowed)
    if reverse:
        expected.reverse()
    expected = queries.apply_rank(expected, tiers)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "ID_SLICE", slices)
        if allowed:
            gather = queries.OrderGather(list(order))
            gather.SMALL_SHARE = small
            gather.PREPARE_CHUNK = 7  # (several chunks)
            gather.prepare()
            assert gather.keep(allowed, tiers, reverse) == expected
        assert queries.OrderGather([7]).keep({7}, [{7}], reverse) == [7]
        assert queries.OrderGather([7, 3]).keep({3}, [], reverse) == [3]


def test_big_answers_are_read_a_slice_at_a_time():
    """Issue 21: a whole answer of 300k ids is parsed, gathered into a set and united a slice at a
    time (a worker's one C call of 40-90 ms held the GIL and froze the UI thread): the same ids,
    in the same order, as one json.loads."""
    ids = [1, 22, 333, 4444, 55555, 666666, 7, 88, 999, 10, 300000]
    text = json.dumps(ids, separators=(",", ":"))
    for chars in (1, 2, 5, 9, 10_000):
        slices = list(search.json_id_slices(text, chars))
        assert [cid for part in slices for cid in part] == ids, chars
        assert (len(slices) > 1) == (chars < 40), chars
    assert list(search.json_id_slices("[]")) == [] and list(search.json_id_slices(None)) == []
    assert list(search.json_id_slices("[7]", 1)) == [[7]]
    assert search.json_id_set(json.dumps(ids)) == set(ids) and search.json_id_set(None) == set()
    assert list(search.id_slices(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    parts = [set(range(0, 50_000, 2)), {1, 3, 49_999}, set(), set(range(40_000, 60_000))]
    assert search.union_of(parts) == set().union(*parts) and search.union_of([]) == set()


def test_first_region_hits_are_the_region_sets_first_ids_in_order(store, monkeypatch):
    """Issue 21 (a big region at 300k): the first screen of a region, read a chunk of the order at
    a time, is the head of the whole answer in that order; a region too small for the chunks read
    gives None (read whole), and so does a filter without a place."""
    ids = _seed()
    more = [
        customers.create_customer({"name": f"客户{n}"}, [_addr("广东省" if n % 2 else "浙江省", "杭州市")]).id
        for n in range(12)
    ]
    fj = customers.create_customer({"name": "福州"}, [_addr("福建省", "福州市")]).id
    monkeypatch.setattr(queries, "REGION_CHUNK", 4)
    for sort, descending in (("name", False), ("updated", True)):
        order = queries.ordered_ids(sort, descending)
        for flt in (
            CustomerFilter(provinces=("广东省",)),
            CustomerFilter(provinces=("广东省", "福建省")),
            CustomerFilter(cities=(("浙江省", "杭州市"), ("广东省", "深圳市"))),
            CustomerFilter(incomplete_address=True),
            CustomerFilter(provinces=("福建省",), incomplete_address=True),
        ):
            whole = [cid for cid in order if cid in queries.region_ids(flt)]
            monkeypatch.setattr(queries, "REGION_CHUNKS", 10)  # (the whole order: tested to the end)
            if flt.incomplete_address and is_postgres(Customer._meta.database):
                assert queries.first_region_hits(flt, order, 3) is None  # (a team server reads it whole)
                continue
            assert queries.first_region_hits(flt, order, 3) == whole[:3], (sort, flt)
            monkeypatch.setattr(queries, "REGION_CHUNKS", 2)  # (its first 8 ids: a screen, or read whole)
            assert queries.first_region_hits(flt, order, 3) in (whole[:3], None), (sort, flt)
        monkeypatch.setattr(queries, "REGION_CHUNKS", 2)
        small = CustomerFilter(provinces=("四川省",))
        assert queries.first_region_hits(small, order, 3) is None  # (none in the first 8 ids: read whole)
    # a short order is tested whole: fewer hits than wanted is the whole answer
    assert queries.first_region_hits(CustomerFilter(provinces=("福建省",)), [ids["zs"], fj, more[0]], 3) == [fj]
    assert queries.first_region_hits(CustomerFilter(remote=True), order, 3) is None  # (偏远地区: not SQL)
    assert queries.first_region_hits(CustomerFilter(), order, 3) is None
