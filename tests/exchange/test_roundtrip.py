"""A SellerDesk export (one row per address) re-imported into an empty database is the same data
(issue 15): customers, every address with its 地址类型 and default, tags, tiers, notes, WeChat IDs,
港澳台 places; customers who share a phone or a WeChat ID stay apart (the export's 客户编号)."""

from __future__ import annotations

import collections
import time

import pytest

from sellerdesk.exchange import importer
from sellerdesk.exchange.export import export_customers
from sellerdesk.store import customers, demo
from sellerdesk.store.models import DB, Address
from sellerdesk.store.secrets import MemorySecretStore
from sellerdesk.store.session import DataDir
from sellerdesk.store.tiers import set_manual_tier, tier_info_of, tier_rules


def snapshot() -> list[tuple]:
    """Every live customer as comparable values (ids left out), sorted: a multiset of customers."""
    rules = tier_rules()
    places: dict[int, list[tuple]] = collections.defaultdict(list)
    for row in DB.execute_sql(
        'SELECT "customer_id", "recipient", "phone", "province", "city", "district", "detail", "postal_code", '
        '"adcode", "label", "is_default" FROM "address" WHERE "deleted_at" IS NULL '
        'ORDER BY "customer_id", "is_default" DESC, "id"'
    ):
        places[row[0]].append(tuple(row[1:]))
    out = []
    for row in DB.execute_sql(
        'SELECT "id", "name", "phone", "wechat", "tags", "tier", "tier_manual", "birthday", "gender", "source", '
        '"notes", "flags", "birthday_lunar", "marketing_consent", "consent_date", "consent_via" '
        'FROM "customer" WHERE "deleted_at" IS NULL'
    ):
        cid, name, phone, wechat, tags, tier, manual, birthday, gender, source, notes, flags, *care = row
        out.append(
            (
                name,
                phone,
                wechat,
                tuple(sorted(t for t in tags.split(",") if t)),
                tier_info_of(tier, manual, rules).name,
                str(birthday or ""),
                gender,
                source,
                notes,
                tuple(sorted(f for f in flags.split(",") if f)),
                tuple(places.get(cid, ())),
                tuple(care),  # the lunar birthday, consent with its date and way (issue 18)
            )
        )
    return sorted(out)


def assert_same(before: list[tuple], after: list[tuple]) -> None:
    """``after == before``, saying which customers differ (a few of each side) when not."""
    lost = collections.Counter(before) - collections.Counter(after)
    gained = collections.Counter(after) - collections.Counter(before)
    assert not lost and not gained, f"lost {list(lost)[:3]}\ngained {list(gained)[:3]}"


def empty_database(tmp_path, name: str = "target") -> DataDir:
    """Close the bound store and bind a new, empty one (another data folder)."""
    DataDir.close()
    other = DataDir(tmp_path / name, MemorySecretStore())
    other.initialize("keyring")
    return other


def place(province, city, district, detail, label="", **kw):
    return {"province": province, "city": city, "district": district, "detail": detail, "label": label, **kw}


def every_kind_of_customer() -> dict[str, int]:
    made = {}
    made["full"] = customers.create_customer(
        {
            "name": "张三",
            "phone": "13812345678",
            "wechat": "zhangsan_88",
            "tags": "VIP,老客户",
            "birthday": "1990-05-01",
            "gender": "M",
            "source": "朋友圈",
            "notes": "要发票\n周末不在家",
        },
        [
            place("广东省", "深圳市", "南山区", "科技园南区1栋101", "公司"),
            place("浙江省", "杭州市", "西湖区", "文三路90号", "家", is_default=True),  # not the first: the default
            place("北京市", "北京市", "朝阳区", "建国路1号", recipient="张三的妈妈", phone="13900001111"),
        ],
    ).id
    made["hong_kong"] = customers.create_customer(
        {
            "name": "陈大文",
            "phone": "13600000001",
            "birthday_lunar": "农历闰四月初八",
            "marketing_consent": True,
            "consent_date": "2024-05-01",
            "consent_via": "paper",
        },
        [place("香港特别行政区", "九龙", "九龙城区", "太子道1号", "家")],
    ).id
    made["macau"] = customers.create_customer(
        {"name": "何小姐", "wechat": "ho_macau"}, [place("澳门特别行政区", "", "", "新马路1号")]
    ).id
    made["taiwan"] = customers.create_customer(
        {"name": "林志明", "phone": "13600000002", "tags": "台湾"},
        [place("台湾省", "台北市", "大安区", "忠孝东路100号"), place("台湾省", "高雄市", "", "中正路2号", "公司")],
    ).id
    made["hand_tier"] = customers.create_customer({"name": "王五", "phone": "13700000003"}).id
    set_manual_tier(made["hand_tier"], "diamond")
    made["name_only"] = customers.create_customer(
        {"name": "只有名字", "birthday": "1992-02-29", "birthday_lunar": "农历腊月廿三", "marketing_consent": True}
    ).id
    made["phone_only"] = customers.create_customer({"phone": "13700000004"}).id
    # a family on one phone (incompatible names), and two compatible names on one phone: the
    # export's 客户编号 keeps each apart
    made["family_a"] = customers.create_customer(
        {"name": "李四", "phone": "13500000005"}, [place("江苏省", "南京市", "鼓楼区", "中山路1号")]
    ).id
    made["family_b"] = customers.create_customer(
        {"name": "赵六", "phone": "13500000005"}, [place("江苏省", "南京市", "鼓楼区", "中山路1号")]
    ).id
    made["same_a"] = customers.create_customer({"name": "刘一", "phone": "13500000006", "wechat": "liu_same"}).id
    made["same_b"] = customers.create_customer({"name": "刘先生", "phone": "13500000006", "wechat": "liu_same"}).id
    made["landline"] = customers.create_customer(
        {"name": "周记商行", "phone": "021-64641234", "tags": "批发"},
        [place("上海市", "上海市", "徐汇区", "漕溪北路1号")],
    ).id
    return made


def test_an_export_reimports_as_the_same_data(store, tmp_path):
    every_kind_of_customer()
    before = snapshot()
    path = tmp_path / "客户.xlsx"
    export_customers(path, per_address=True)

    empty_database(tmp_path)
    result = importer.import_file(path, write_report_file=False)

    assert result.counts["rejected"] == result.counts["flagged"] == result.counts["possible_duplicates"] == 0
    after = snapshot()
    assert_same(before, after)
    assert len(after) == 12
    hand = next(c for c in after if c[0] == "王五")
    assert hand[4] == tier_rules().names["diamond"]


def test_a_hand_set_tier_stays_hand_set(store, tmp_path):
    made = every_kind_of_customer()
    path = tmp_path / "客户.xlsx"
    export_customers(path, per_address=True)
    empty_database(tmp_path)
    importer.import_file(path, write_report_file=False)
    (tier, manual), *_ = DB.execute_sql('SELECT "tier", "tier_manual" FROM "customer" WHERE "name" = ?', ("王五",))
    info = tier_info_of(tier, manual)
    assert (info.level, info.manual) == ("diamond", True)
    assert made  # (the source had it hand-set too)


def test_a_sar_row_that_repeats_the_province_as_city_is_read_as_no_city(store, tmp_path):
    """Rows stored before 香港/澳门/台湾 had cities in the region table say 澳门特别行政区 /
    澳门特别行政区: they re-import, not marked 需核对, with no city (as the editor stores them now)."""
    cid = customers.create_customer(
        {"name": "何小姐", "phone": "13600000009"}, [place("澳门特别行政区", "", "", "新马路1号")]
    ).id
    Address.update(city="澳门特别行政区").where(Address.customer == cid).execute()  # the old form
    customers.create_customer(
        {"name": "陈生", "phone": "13600000008"}, [place("香港", "香港", "湾仔区", "轩尼诗道1号")]
    )
    path = tmp_path / "客户.xlsx"
    export_customers(path, per_address=True)
    empty_database(tmp_path)

    result = importer.import_file(path, write_report_file=False)

    assert result.counts["flagged"] == 0
    rows = sorted(Address.select(Address.province, Address.city, Address.district, Address.adcode).tuples())
    assert rows == [("澳门特别行政区", "", "", "820000"), ("香港特别行政区", "香港岛", "湾仔区", "810102")]
    assert DB.execute_sql("SELECT COUNT(*) FROM customer WHERE flags LIKE '%needs_check%'").fetchone()[0] == 0


@pytest.mark.slow
def test_100k_demo_customers_round_trip(store, tmp_path, capsys):
    """Issue 15's check: 100,000 demo customers (shared phones and WeChat IDs, 港澳台, hand-set
    tiers, several addresses) exported and imported into an empty database give equal data.
    Prints its timings (not asserted: see benchmarks/ for speed)."""
    times = {}
    start = time.perf_counter()
    demo.generate(100_000, seed=15)
    times["demo"] = time.perf_counter() - start
    before = snapshot()
    path = tmp_path / "客户.xlsx"
    start = time.perf_counter()
    export_customers(path, per_address=True)
    times["export"] = time.perf_counter() - start

    empty_database(tmp_path)
    start = time.perf_counter()
    result = importer.import_file(path, write_report_file=False)
    times["import"] = time.perf_counter() - start

    after = snapshot()
    assert result.counts["new"] == len(before) == 100_000
    assert result.counts["rejected"] == result.counts["flagged"] == 0
    assert_same(before, after)
    with capsys.disabled():
        print("\n100k round trip: " + ", ".join(f"{k} {v:.1f} s" for k, v in times.items()))


def test_an_export_reimported_into_the_same_database_changes_nothing(store, tmp_path):
    """Each row finds its own customer (the family on one phone too, by name and 客户编号); only
    a customer with neither phone nor WeChat ID has nothing to be found by (a 客户编号 is not
    matched against the database: another database's export has the same numbers)."""
    every_kind_of_customer()
    before = snapshot()
    path = tmp_path / "客户.xlsx"
    export_customers(path, per_address=True)

    result = importer.import_file(path, write_report_file=False)

    assert (result.counts["new"], result.counts["possible_duplicates"]) == (1, 0)
    assert result.counts["addresses_added"] == 0
    # (customers_changed counts the tiers never computed, '' before, that the sheet's 普通 fills)
    after = snapshot()
    assert [c for c in after if c[0] == "只有名字"] == [c for c in before if c[0] == "只有名字"] * 2
    assert_same(before, [c for c in after if c[0] != "只有名字"] + [c for c in before if c[0] == "只有名字"])
