import datetime as dt

import openpyxl
import pytest
from messy_sheets import HEADER

from sellerdesk.core import clock
from sellerdesk.core.fields import ADDRESS_FIELDS
from sellerdesk.exchange import headers, importer
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.importer import write
from sellerdesk.progress import Cancelled, CancelToken
from sellerdesk.store import bulk, customers, queries, search
from sellerdesk.store.models import DB, Address, AddressChange, AuditEntry, Customer


def search_index():
    """The search index rows and the names of its triggers (the import suspends the insert ones;
    on a team server the search table and its triggers of schema 16)."""
    from sellerdesk.store.postgres import is_postgres

    if not search.fts_enabled():
        return None
    rows = DB.execute_sql(f"SELECT rowid, * FROM {search.FTS_TABLE} ORDER BY rowid").fetchall()
    if is_postgres(DB):
        listed = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
    else:
        listed = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    triggers = [r[0] for r in DB.execute_sql(listed)]
    return rows, triggers


def snapshot():
    """Everything an import may touch, comparable before/after."""
    return (
        list(Customer.select().order_by(Customer.id).dicts()),
        list(Address.select().order_by(Address.id).dicts()),
        AddressChange.select().count(),
        AuditEntry.select().count(),
        Address.select().count(),
        search_index(),
    )


def by_phone(phone):
    (customer,) = queries.find_by_phone(phone)
    return queries.customer_to_dict(customer, queries.addresses_of([customer.id])[customer.id])


def test_messy_sheet_lands_right(backend_store, sheets):
    rows = [
        HEADER,
        ["张三", 13812345678, "zs_wx", "广东", "深圳", "南山", "科技园南区1栋101", "老客户"],
        ["李四", 1.3987654321e10, "", "北京", "", "朝阳区", "建国路88号", ""],
        ["王五", "+86 137-0000-1111", "", "浙江省", "杭州市", "西湖区", "文三路90号", ""],
        ["赵六", "12345", "", "广东省", "深圳市", "南山区", "后海大道1号", ""],
        [None, None, None, "上海", "", "", "人民广场", "没有名字"],
        ["钱七", "13600000000", "", "火星省", "", "", "基地1号", ""],
    ]
    path = sheets.xlsx("客户.xlsx", {"客户": rows}, title="客户名单", trailing_formatted=10_000)
    result = importer.import_file(path)
    c = result.counts
    assert (c["new"], c["merged"], c["rejected"], c["flagged"]) == (5, 0, 1, 2)
    zs = by_phone("13812345678")
    assert zs["wechat"] == "zs_wx" and zs["notes"] == "老客户"
    (a,) = zs["addresses"]
    assert (a["province"], a["city"], a["district"], a["detail"], a["adcode"]) == (
        "广东省",
        "深圳市",
        "南山区",
        "科技园南区1栋101",
        "440305",
    )
    assert a["recipient"] == "张三" and a["is_default"]
    ls = by_phone("13987654321")
    assert [ls["addresses"][0][k] for k in ("province", "city", "district")] == ["北京市", "北京市", "朝阳区"]
    assert by_phone("13700001111")["name"] == "王五"
    bad = by_phone("12345")
    assert bad["flags"] == ["needs_check"]  # invalid phone kept as typed and flagged
    mars = by_phone("13600000000")
    assert mars["flags"] == ["needs_check"] and mars["addresses"][0]["province"] == "火星省"
    # history and audit
    assert AddressChange.select().where(AddressChange.reason == "import", AddressChange.action == "create").count() == 5
    (entry,) = AuditEntry.select().where(AuditEntry.action == "import")
    assert entry.detail["new"] == 5 and entry.detail["rejected"] == 1
    assert "13812345678" not in str(entry.detail)
    # the report: original row + reason, for rejected and flagged rows
    report = openpyxl.load_workbook(result.report_path)
    lines = list(report.active.iter_rows(values_only=True))
    assert lines[0][:3] == ("行号", "原因", "姓名")
    assert [line[0] for line in lines[1:]] == [7, 8, 9]
    assert "手机号无法识别" in lines[1][1]
    assert "无法识别客户" in lines[2][1] and lines[2][8] == "人民广场"
    assert "省/市/区无法识别" in lines[3][1]


def test_full_address_column_is_split_with_the_parser(backend_store, sheets):
    rows = [
        ["客户", "收货地址"],
        ["张三", "广东省深圳市南山区科技园南区1栋101 13812345678"],
        [None, "李四 13987654321 浙江杭州西湖区文三路90号"],
        ["王五", "不知道哪里"],
    ]
    result = importer.import_file(sheets.xlsx("a.xlsx", {"S": rows}))
    assert result.counts["new"] == 3
    zs = by_phone("13812345678")
    assert zs["name"] == "张三"
    assert zs["addresses"][0]["district"] == "南山区" and zs["addresses"][0]["detail"] == "科技园南区1栋101"
    ls = by_phone("13987654321")
    assert ls["name"] == "李四" and ls["addresses"][0]["city"] == "杭州市"
    ww = Customer.get(Customer.name == "王五")
    assert ww.flags == "needs_check"
    assert queries.addresses_of([ww.id])[ww.id][0].detail == "不知道哪里"


def existing_customer():
    return customers.create_customer(
        {"name": "张三", "phone": "13812345678", "wechat": "", "tags": "VIP"},
        [
            {
                "recipient": "张三",
                "phone": "13812345678",
                "province": "广东省",
                "city": "深圳市",
                "district": "南山区",
                "detail": "科技园南区1栋101",
            }
        ],
    )


DUP_ROWS = [
    HEADER,
    ["张先生", "138 1234 5678", "zs_wx", "浙江", "杭州", "西湖区", "文三路90号", "换了地址"],  # same phone as DB
    ["张三", "13812345678", "", "广东", "深圳", "南山", "科技园南区1栋101", ""],  # same address as DB
    ["", "", "zs_wx", "江苏", "南京", "鼓楼区", "中山路1号", ""],  # same WeChat as row 1 → same customer
    ["新人", "13700000000", "xr", "上海", "", "浦东新区", "世纪大道1号", ""],
    ["新人", "137-0000-0000", "", "上海", "", "浦东新区", "世纪大道1号", ""],  # within-file duplicate
]


def test_merge_adds_differing_addresses_and_never_overwrites(backend_store, sheets):
    old = existing_customer()
    result = importer.import_file(sheets.xlsx("d.xlsx", {"S": DUP_ROWS}))
    c = result.counts
    assert (c["new"], c["merged"], c["rejected"]) == (1, 4, 0)
    assert Customer.select().count() == 2
    zs = by_phone("13812345678")
    assert zs["id"] == old.id
    assert zs["name"] == "张三"  # merge fills blanks, never overwrites
    assert zs["wechat"] == "zs_wx"  # blank filled
    assert zs["notes"] == "换了地址"
    places = [(a["city"], a["detail"], a["is_default"]) for a in zs["addresses"]]
    assert places == [
        ("深圳市", "科技园南区1栋101", True),
        ("杭州市", "文三路90号", False),
        ("南京市", "中山路1号", False),
    ]
    history = customers.address_history(old.id)
    assert sorted(h.reason for h in history) == ["created", "import", "import"]
    assert len(by_phone("13700000000")["addresses"]) == 1


@pytest.mark.parametrize("on_duplicate", ["merge", "update", "new"])
def test_search_index_is_the_same_as_a_rebuild(store, sheets, on_duplicate):
    # the import fills the index in one statement instead of per-row triggers: same rows
    old = existing_customer()
    importer.import_file(sheets.xlsx("d.xlsx", {"S": DUP_ROWS}), on_duplicate=on_duplicate)
    rows, triggers = search_index()
    assert len(rows) == Customer.select().count()
    search.rebuild(DB.obj)
    assert search_index() == (rows, triggers)
    assert {"customer_fts_ai", "address_fts_ai", "address_fts_au"} <= set(triggers)
    for term in ("中山路1", "zs_wx"):  # an added or updated address, a filled-in WeChat ID
        found = queries.customer_ids(queries.CustomerFilter(search=term), "name")
        assert found and (found == [old.id]) == (on_duplicate != "new")
    # the triggers work again after the import
    customers.add_address(old.id, {"province": "江苏省", "city": "南京市", "district": "鼓楼区", "detail": "新街口9号"})
    assert queries.customer_ids(queries.CustomerFilter(search="新街口9"), "name") == [old.id]


def test_skip_update_and_new(backend_store, sheets):
    old = existing_customer()
    path = sheets.xlsx("d.xlsx", {"S": DUP_ROWS})
    before = snapshot()
    plan_skip = importer.import_file(path, on_duplicate="skip", dry_run=True)
    assert snapshot() == before  # dry run changes nothing
    assert plan_skip.counts["skipped"] == 4 and plan_skip.counts["new"] == 1

    result = importer.import_file(path, on_duplicate="update")
    assert result.counts["updated"] == 4
    zs = by_phone("13812345678")
    assert zs["name"] == "张三"  # the last update row (row 2) says 张三 again
    assert zs["wechat"] == "zs_wx"
    (default,) = [a for a in zs["addresses"] if a["is_default"]]
    assert default["city"] == "南京市"  # the default address was updated in place, with history
    updates = [h for h in customers.address_history(old.id) if h.action == "update"]
    assert updates and all(h.reason == "import" for h in updates)
    assert updates[-1].old_values["city"] == "深圳市"

    count = Customer.select().count()
    result = importer.import_file(path, on_duplicate="new")
    assert result.counts["new"] == 5 and Customer.select().count() == count + 5


def test_skip_writes_nothing_for_known_customers(backend_store, sheets):
    existing_customer()
    before_addresses = Address.select().count()
    result = importer.import_file(sheets.xlsx("d.xlsx", {"S": DUP_ROWS}), on_duplicate="skip")
    assert result.counts["skipped"] == 4
    assert Address.select().count() == before_addresses + 1  # only 新人's address
    report = openpyxl.load_workbook(result.report_path)
    reasons = [row[1] for row in report.active.iter_rows(min_row=2, values_only=True)]
    assert reasons and all("跳过" in r for r in reasons)


def test_trashed_customers_are_not_merged_into(backend_store, sheets):
    old = existing_customer()
    customers.trash_customers([old.id])
    result = importer.import_file(sheets.xlsx("d.xlsx", {"S": DUP_ROWS[:2]}))
    assert result.counts["new"] == 1


def test_cancel_leaves_the_database_unchanged(backend_store, sheets):
    existing_customer()
    rows = [HEADER] + [[f"客户{i}", f"1370000{i:04d}", "", "广东", "深圳", "南山", f"路{i}号", ""] for i in range(3000)]
    rows.append(["张三", "13812345678", "", "浙江", "杭州", "西湖区", "文三路90号", ""])
    path = sheets.xlsx("big.xlsx", {"S": rows})
    table = importer.read_table(path)
    plan = importer.make_plan(importer.prepare(table))
    before = snapshot()
    token = CancelToken()

    def progress(done, total, message):
        if message == "writing" and done > total // 2:
            token.cancel()

    with pytest.raises(Cancelled):
        importer.write_plan(table, None, plan, write_report_file=False, progress=progress, token=token)
    assert snapshot() == before


@pytest.mark.parametrize("share", [0.3, 0.55])  # among the rows (batches already written), then finishing
def test_cancel_while_checking_and_writing_leaves_the_database_unchanged(backend_store, sheets, monkeypatch, share):
    import threading

    existing_customer()
    rows = [HEADER] + [[f"客户{i}", f"1370000{i:04d}", "", "广东", "深圳", "南山", f"路{i}号", ""] for i in range(3000)]
    path = sheets.xlsx("big.xlsx", {"S": rows})
    monkeypatch.setattr(write, "BATCH", 400)
    before = snapshot()
    token = CancelToken()
    seen = []

    def progress(done, total, message):
        if message == "writing" and done > total * share:
            seen.append(done)
            token.cancel()

    with pytest.raises(Cancelled):
        importer.import_file(path, progress=progress, token=token)
    assert seen
    assert snapshot() == before
    assert not [t for t in threading.enumerate() if t.name == "sellerdesk-bulk-writer"]


def test_a_failure_mid_import_rolls_back(backend_store, sheets, monkeypatch):
    existing_customer()
    rows = [HEADER] + [[f"客户{i}", f"1370000{i:04d}", "", "广东", "深圳", "南山", f"路{i}号", ""] for i in range(1200)]
    path = sheets.xlsx("big.xlsx", {"S": rows})
    before = snapshot()
    calls = {"n": 0}
    real = bulk.Writer._execute

    def failing(self, sql, params):  # the database work runs in the writer's thread
        calls["n"] += 1
        if calls["n"] == 7:
            raise OSError("disk full")
        real(self, sql, params)

    monkeypatch.setattr(bulk.Writer, "_execute", failing)
    monkeypatch.setattr(write, "BATCH", 500)
    with pytest.raises(OSError):
        importer.import_file(path)
    assert calls["n"] == 7
    assert snapshot() == before


def test_mapping_can_be_adjusted_and_must_identify(backend_store, sheets):
    path = sheets.xlsx("m.xlsx", {"S": [["甲", "乙"], ["张三", "13812345678"]]})
    table = importer.read_table(path, header_row=1)
    with pytest.raises(ExchangeError) as info:
        importer.prepare(table)
    assert info.value.code == "no_identity_column"
    records = importer.prepare(table, ["name", "phone"])
    plan = importer.make_plan(records)
    assert plan.counts["new"] == 1
    importer.write_plan(table, ["name", "phone"], plan, write_report_file=False)
    assert by_phone("13812345678")["name"] == "张三"


def test_birthday_gender_tags_and_second_phone(backend_store, sheets):
    rows = [
        ["姓名", "手机", "电话", "生日", "性别", "标签", "等级"],
        ["张三", "13812345678", "021-64641234", "1990/01/02", "女", "VIP，老客户", "金卡"],
        ["李四", "13900000000", "", "某天", "未知", "", ""],
    ]
    result = importer.import_file(sheets.xlsx("b.xlsx", {"S": rows}))
    assert result.counts["flagged"] == 1
    zs = by_phone("13812345678")
    assert zs["birthday"] == "1990-01-02" and zs["gender"] == "F" and zs["tags"] == ["VIP", "老客户"]
    assert zs["tier"] == "金卡" and "021-64641234" in zs["notes"]
    ls = by_phone("13900000000")
    assert ls["birthday"] == "" and "生日: 某天" in ls["notes"] and "性别: 未知" in ls["notes"]


def test_gbk_csv_import(backend_store, sheets):
    path = sheets.csv(
        "客户.csv",
        [["收货人", "联系电话", "收货地址"], ["张三", "13812345678", "广东省深圳市南山区科技园1号"]],
        encoding="gbk",
    )
    assert importer.import_file(path).counts["new"] == 1
    assert by_phone("13812345678")["addresses"][0]["district"] == "南山区"


def test_history_rows_hold_each_added_address_as_written(backend_store, sheets):
    """SQLite makes the 'create' history rows of an import from the rows just written."""
    awkward = '引号"和\\反斜杠 emoji😀 制表\t末尾'
    path = sheets.xlsx(
        "客户.xlsx",
        {
            "S": [
                ["姓名", "手机", "省", "市", "区", "详细地址", "邮编"],
                ["张三", "13812345678", "广东", "深圳", "南山区", awkward, "518000"],
                ["李四", "13912345678", "浙江", "杭州", "西湖区", "文三路1号", ""],
            ]
        },
    )
    importer.import_file(path)
    changes = {c.address_id: c for c in AddressChange.select()}
    assert len(changes) == 2
    for address in Address.select():
        change = changes[address.id]
        assert (change.action, change.reason, change.customer_id) == ("create", "import", address.customer_id)
        assert change.new_values == {f: getattr(address, f) for f in ADDRESS_FIELDS}
    assert {a.detail for a in Address.select()} == {awkward, "文三路1号"}


LATE_DUPLICATES = [
    HEADER + ["客户编号", "标签", "生日"],
    ["张一", "13800000001", "wx1", "广东", "深圳", "南山", "科技园1号", "", "R1", "", ""],
    ["张二", "13800000002", "wx2", "浙江", "杭州", "西湖区", "文三路2号", "", "R2", "VIP", ""],
    ["张三", "13800000003", "", "北京", "", "朝阳区", "建国路3号", "", "R3", "", ""],
    ["张四", "13800000004", "wx4", "四川", "成都", "武侯区", "人民路4号", "", "", "", ""],
    ["张五", "13800000006", "", "", "", "", "", "还没有地址", "", "", ""],
    ["", "", "", "", "", "", "", "", "", "", ""],
    # rows after the first batches were written, joining their customers
    ["张一", "13800000001", "", "江苏", "南京", "鼓楼区", "中山路9号", "第二个地址", "", "老客户", ""],
    ["别名", "", "wx2", "广东", "广州", "天河区", "体育西路8号", "", "", "", "1990-03-04"],
    ["张三", "", "", "上海", "", "浦东新区", "世纪大道7号", "", "R3", "", ""],
    ["张四", "13800000004", "", "四川", "成都", "武侯区", "人民路4号", "同一个地址", "", "", ""],
    ["新人", "13800000005", "", "湖北", "武汉", "洪山区", "珞喻路5号", "", "", "", ""],
    ["张一", "13800000001", "wx1", "福建", "厦门", "思明区", "环岛路6号", "", "", "", ""],
    ["张五", "13800000006", "", "广东", "深圳", "南山", "前海1号", "", "", "", ""],  # its first address
]


def content():
    """Customers with their addresses (without the address ids, which depend on write order),
    the history rows and what searches find."""
    people = []
    for customer, addresses in queries.iter_customers(queries.CustomerFilter(), sort="id"):
        person = queries.customer_to_dict(customer, addresses)
        person.pop("created_at"), person.pop("updated_at")
        person["addresses"] = sorted(
            (a["recipient"], a["phone"], a["province"], a["city"], a["district"], a["detail"], a["is_default"])
            for a in person["addresses"]
        )
        people.append(person)
    history = sorted((h.customer_id, h.action, h.reason, sorted(h.new_values.items())) for h in AddressChange.select())
    found = {term: sorted(search.matching_ids(term)) for term in ("张", "中山路", "别名", "wx2", "广州", "厦门", "zs")}
    return people, history, found


def wipe():
    for table in ("address_change", "address", "audit_entry", "customer", search.FTS_TABLE, search.GRAMS_TABLE):
        DB.execute_sql(f'DELETE FROM "{table}"')


@pytest.mark.parametrize("on_duplicate", ["merge", "update"])
def test_rows_joining_customers_already_written_give_what_writing_at_the_end_gives(
    store, sheets, monkeypatch, on_duplicate
):
    """import_file writes batches while it checks the next rows; a later row merging into a
    customer of an earlier batch must end as the plan-then-write path (the wizard's) ends."""
    path = sheets.xlsx("late.xlsx", {"S": LATE_DUPLICATES})
    monkeypatch.setattr(write, "BATCH", 2)
    streamed = importer.import_file(path, on_duplicate=on_duplicate).counts
    after_streaming = content()
    wipe()
    monkeypatch.setattr(write, "BATCH", 10_000)
    table = importer.read_table(path)
    refs = importer.refs_of(table, headers.guess_mapping(table.headers))
    plan = importer.make_plan(importer.prepare(table), on_duplicate, refs=refs)
    assert importer.write_plan(table, None, plan, write_report_file=False).counts == streamed
    assert content() == after_streaming
    people = {p["phone"]: p for p in after_streaming[0]}
    first = people["13800000001"]
    if on_duplicate == "merge":
        assert [a[5] for a in sorted(first["addresses"], key=lambda a: not a[6])][0] == "科技园1号"
        assert len(first["addresses"]) == 3 and "老客户" in first["tags"]
    else:  # an update row's address replaces the first one
        assert {a[5] for a in first["addresses"]} == {"环岛路6号"}
    assert people["13800000002"]["birthday"] == "1990-03-04"
    assert len(people["13800000004"]["addresses"]) == 1
    assert [a[5:] for a in people["13800000006"]["addresses"]] == [("前海1号", True)]  # the default
    assert streamed["new"] == 6 and streamed["merged" if on_duplicate == "merge" else "updated"] == 6


def test_a_small_file_into_a_bigger_store_keeps_the_indexes_and_lands_right(backend_store, sheets):
    for i in range(5):
        customers.create_customer({"name": f"老客户{i}", "phone": f"1370000000{i}"})
    indexes = bulk.index_sql(DB.obj, "customer")
    path = sheets.xlsx(
        "two.xlsx",
        {
            "S": [
                HEADER,
                ["新客户", "13900000000", "", "广东", "深圳", "南山", "科技园1号", ""],
                ["老客户1", "13700000001", "", "浙江", "杭州", "西湖区", "文三路1号", "又来了"],
            ]
        },
    )
    counts = importer.import_file(path).counts
    assert (counts["new"], counts["merged"], counts["addresses_added"]) == (1, 1, 2)
    assert bulk.index_sql(DB.obj, "customer") == indexes
    assert by_phone("13700000001")["notes"] == "又来了"
    assert by_phone("13900000000")["addresses"][0]["detail"] == "科技园1号"
    (entry,) = AuditEntry.select().where(AuditEntry.action == "import")
    assert entry.detail["new"] == 1 and entry.detail["addresses_added"] == 2
    if backend_store.__class__.__name__ != "TeamDatabase":  # (PostgreSQL's search: its own module's tests)
        assert sorted(search.matching_ids("文三路")) == [by_phone("13700000001")["id"]]


def test_import_without_a_search_index(store, sheets):
    """An SQLite without FTS5 searches with LIKE: the import must not write index rows."""
    for name in search._TRIGGER_NAMES:
        DB.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    DB.execute_sql(f"DROP TABLE {search.GRAMS_TABLE}")
    DB.execute_sql(f"DROP TABLE {search.FTS_TABLE}")
    search.forget(DB.obj)
    assert not search.fts_enabled()
    path = sheets.xlsx("a.xlsx", {"S": [HEADER, ["张一", "13800000001", "", "广东", "深圳", "南山", "科技园1号", ""]]})
    assert importer.import_file(path).counts["new"] == 1
    assert by_phone("13800000001")["addresses"][0]["detail"] == "科技园1号"
    assert sorted(search.matching_ids("科技园")) == [by_phone("13800000001")["id"]]


def test_lunar_birthdays_and_consent_columns(backend_store, sheets):
    """生日 / 农历生日 / 同意营销 / 同意营销日期 / 同意营销方式 (issue 18): a cell that cannot be read
    is kept in the notes and flagged, one line per row in the report; the row is still imported."""
    rows = [
        ["姓名", "手机", "生日", "农历生日", "是否同意营销", "同意日期", "同意方式"],
        ["张三", "13800000001", "农历8月15", "", "是", "2024-05-01", "微信"],
        ["李四", "13800000002", "1990-03-05", "闰四月初八", "同意", "", "纸质"],
        ["王五", "13800000003", "", "农历13月1", "也许", "", ""],
        ["赵六", "13800000004", "", "", "否", "", ""],
        ["钱七", "13800000005", "", "", "是", "", "飞鸽传书"],
    ]
    result = importer.import_file(sheets.xlsx("c.xlsx", {"S": rows}), write_report_file=False)
    assert result.counts["new"] == 5 and result.counts["flagged"] == 2
    people = {c.phone: c for c in Customer.select()}
    zs = people["13800000001"]
    assert zs.birthday is None and zs.birthday_lunar == 815
    assert zs.marketing_consent and zs.consent_date == dt.date(2024, 5, 1) and zs.consent_via == "wechat"
    ls = people["13800000002"]
    assert ls.birthday == dt.date(1990, 3, 5) and ls.birthday_lunar == 5408 and ls.consent_via == "paper"
    assert ls.consent_date == clock.today()
    ww = people["13800000003"]
    assert ww.birthday_lunar is None and not ww.marketing_consent
    assert "农历生日: 农历13月1" in ww.notes and "同意营销: 也许" in ww.notes
    assert not people["13800000004"].marketing_consent
    qq = people["13800000005"]
    assert qq.marketing_consent and qq.consent_via == "" and "同意营销方式: 飞鸽传书" in qq.notes
