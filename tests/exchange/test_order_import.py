"""Importing orders: shop exports (one row per order or per order line), never twice, all or nothing."""

import datetime as dt

import pytest

from sellerdesk.core import clock, tiers
from sellerdesk.core import orders as core
from sellerdesk.exchange import headers, importer
from sellerdesk.store import orders as store_orders
from sellerdesk.store.models import Customer, Order, OrderItem

TAOBAO = [
    "订单编号",
    "买家会员名",
    "买家实际支付金额",
    "订单状态",
    "收货人姓名",
    "收货地址",
    "联系手机",
    "订单创建时间",
    "订单付款时间",
    "宝贝标题",
    "宝贝总数量",
    "物流单号",
    "物流公司",
    "订单备注",
]


def taobao_row(no, nick, amount, status, name, address, phone, created, title, qty, tracking="", courier="", note=""):
    return [no, nick, amount, status, name, address, phone, created, created, title, qty, tracking, courier, note]


def counts(result):
    c = result.counts
    return c.get("orders_added", c.get("orders_new")), c["orders_existing"], c["orders_rejected"]


def test_order_columns_are_recognised():
    mapping = headers.guess_mapping(TAOBAO)
    assert mapping == [
        "order_no",
        "buyer",
        "amount",
        "status",
        "name",
        "address",
        "phone",
        None,  # 订单创建时间: the date is taken once, from 订单付款时间 (ranked first: the day it was paid)
        "order_date",
        "product",
        "quantity",
        "tracking_no",
        "courier",
        "order_notes",
    ]
    assert headers.has_orders(mapping)
    assert not headers.has_orders(headers.customers_only(mapping))
    # line-per-row (拼多多-like) and 有赞-like headers
    pdd = headers.guess_mapping(
        [
            "订单号",
            "商品",
            "商品数量(件)",
            "商品总价(元)",
            "用户实付金额(元)",
            "商家实收金额(元)",
            "收货人",
            "手机",
            "省",
            "市",
            "区",
            "街道",
            "订单状态",
            "支付时间",
            "快递单号",
            "快递公司",
        ]
    )
    assert pdd[:6] == ["order_no", "product", "quantity", "line_amount", "amount", None]
    # a plain 备注 is the order's in an order file, the customer's otherwise
    assert headers.guess_mapping(["订单号", "姓名", "备注"])[2] == "order_notes"
    assert headers.guess_mapping(["手机", "姓名", "备注"])[2] == "notes"


def test_shop_statuses_map():
    assert core.shop_status("交易成功") == core.DELIVERED
    assert core.shop_status("卖家已发货，等待买家确认") == core.SHIPPED
    assert core.shop_status("买家已付款，等待卖家发货") == core.PENDING
    assert core.shop_status("交易关闭") == core.CANCELLED
    assert core.shop_status("退款成功") == core.REFUNDED
    assert core.shop_status("火星状态") is None
    assert core.is_unpaid("等待买家付款")


@pytest.mark.parametrize(
    "text",
    ["2024-03-05 14:22:10", "2024/3/5", "2024年3月5日", "２０２４－０３－０５", "20240305", "2024.03.05", "3/5/2024"],
)
def test_order_dates(text):
    assert core.date_of(text) == dt.date(2024, 3, 5)


@pytest.mark.parametrize("text", ["2024-13-01", "昨天", "05/2024", "2024-02-30"])
def test_bad_order_dates(text):
    with pytest.raises(core.OrderError):
        core.date_of(text)


def test_taobao_export_lands_and_never_twice(store, sheets):
    rows = [
        TAOBAO,
        taobao_row(
            "T1001",
            "nick_a",
            "¥128.50",
            "交易成功",
            "张三",
            "广东省 深圳市 南山区 科技园1栋",
            "13812345678",
            "2024-03-05 10:00:00",
            "面膜",
            2,
            "SF123",
            "顺丰速运",
        ),
        taobao_row(
            "T1002",
            "nick_a",
            "99",
            "卖家已发货，等待买家确认",
            "张三",
            "广东省 深圳市 南山区 科技园1栋",
            "13812345678",
            "2024/3/6",
            "护手霜",
            1,
            "YT9",
            "圆通",
        ),
        taobao_row(
            "T1003",
            "nick_b",
            "５０元",
            "交易关闭",
            "李**",
            "北京市 北京市 朝阳区 建国路88号",
            "139****5678",
            "2024年3月7日",
            "口红",
            1,
        ),
        taobao_row(
            "T1004",
            "nick_c",
            "abc",
            "交易成功",
            "王五",
            "浙江省 杭州市 西湖区 文三路90号",
            "13700001111",
            "2024-03-08",
            "面霜",
            1,
        ),
        taobao_row(
            "T1005",
            "nick_d",
            "10",
            "等待买家付款",
            "赵六",
            "浙江省 杭州市 西湖区 文三路91号",
            "13700002222",
            "2024-03-08",
            "面霜",
            1,
        ),
    ]
    path = sheets.xlsx("淘宝订单.xlsx", {"订单": rows})
    result = importer.import_file(path)
    assert counts(result) == (3, 0, 2)
    assert result.counts["masked_phones"] == 1
    assert Order.select().count() == 3
    t1 = Order.get(Order.order_no == "T1001")
    assert (t1.amount_fen, t1.status, t1.order_date, t1.courier, t1.tracking_no) == (
        12850,
        "delivered",
        dt.date(2024, 3, 5),
        "顺丰速运",
        "SF123",
    )
    assert t1.items == "面膜 x2" and t1.address_snapshot["district"] == "南山区"
    assert [(i.product, i.quantity) for i in OrderItem.select().where(OrderItem.order == t1.id)] == [("面膜", 2)]
    zs = Customer.get(Customer.phone == "13812345678")
    assert (zs.order_count, zs.total_spent_fen) == (2, 12850 + 9900)
    # the masked buyer: no phone stored, the order's ship-to keeps what the shop showed
    t3 = Order.get(Order.order_no == "T1003")
    assert t3.status == "cancelled" and t3.customer.phone == "" and t3.address_snapshot["phone"] == "139****5678"
    # the bad amount and the unpaid order are in the report, naming the column
    assert result.report_path is not None
    import openpyxl

    report = list(openpyxl.load_workbook(result.report_path).active.iter_rows(values_only=True))
    reasons = {r[0]: r[1] for r in report[1:]}
    assert "买家实际支付金额" in reasons[5] and "金额" in reasons[5]
    assert "未付款" in reasons[6]
    assert "打码" in reasons[4]  # the masked phone: what was done with it
    customers_before = Customer.select().count()
    again = importer.import_file(path)
    assert counts(again)[:2] == (0, 3)
    assert Order.select().count() == 3 and Customer.select().count() == customers_before


def test_line_per_row_export_groups_lines(store, sheets):
    header = ["订单号", "下单时间", "商品名称", "数量", "单价", "实付金额", "收货人", "手机", "收货地址", "订单状态"]
    rows = [
        header,
        [
            "A1",
            "2024-05-01 09:00",
            "面膜",
            "2",
            "39.90",
            "100.00",
            "张三",
            "13812345678",
            "广东省深圳市南山区科技园1栋",
            "已发货",
        ],
        [
            "A1",
            "2024-05-01 09:00",
            "护手霜",
            "1",
            "25",
            "100.00",
            "张三",
            "13812345678",
            "广东省深圳市南山区科技园1栋",
            "已发货",
        ],
        ["A2", "2024-05-02", "口红", "3", "10", "", "李四", "13900000000", "北京市朝阳区建国路88号", "待发货"],
        ["A2", "2024-05-02", "眼霜", "1", "12.5", "", "李四", "13900000000", "北京市朝阳区建国路88号", "待发货"],
    ]
    path = sheets.xlsx("orders.xlsx", {"S": rows})
    result = importer.import_file(path)
    assert counts(result) == (2, 0, 0)
    a1 = Order.get(Order.order_no == "A1")
    assert a1.amount_fen == 10000 and a1.items == "面膜 x2 @39.90, 护手霜 @25.00"
    a2 = Order.get(Order.order_no == "A2")
    assert a2.amount_fen == 3 * 1000 + 1250  # no order-level amount: the sum of the lines
    assert result.counts["new"] == 2


def test_orders_without_number_dedupe(store, sheets):
    header = ["日期", "姓名", "手机", "商品", "金额"]
    rows = [
        header,
        ["2024-05-01", "张三", "13812345678", "面膜", "50"],
        ["2024-05-01", "张三", "13812345678", "面膜", "50"],  # the same order twice in the file
        ["2024-05-02", "张三", "13812345678", "面膜", "50"],
    ]
    path = sheets.xlsx("own.xlsx", {"S": rows})
    result = importer.import_file(path)
    assert counts(result) == (2, 1, 0)
    again = importer.import_file(path)
    assert counts(again) == (0, 3, 0)
    assert Order.select().count() == 2
    # own sheets without a status: pending (no tracking number)
    assert {o.status for o in Order.select()} == {"pending"}


def test_customers_only_ignores_orders(store, sheets):
    rows = [
        TAOBAO,
        taobao_row(
            "T1", "n", "10", "交易成功", "张三", "广东省深圳市南山区科技园1栋", "13812345678", "2024-03-05", "面膜", 1
        ),
    ]
    path = sheets.xlsx("o.xlsx", {"S": rows})
    result = importer.import_file(path, customers_only=True)
    assert result.counts["new"] == 1 and "orders_existing" not in result.counts
    assert Order.select().count() == 0


def test_a_failing_write_changes_nothing(store, sheets, monkeypatch):
    rows = [
        TAOBAO,
        taobao_row(
            "T1", "n", "10", "交易成功", "张三", "广东省深圳市南山区科技园1栋", "13812345678", "2024-03-05", "面膜", 1
        ),
    ]
    path = sheets.xlsx("o.xlsx", {"S": rows})
    from sellerdesk.store import bulk_import

    def broken(self, orders, **options):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bulk_import.BulkImport, "add_orders", broken)
    with pytest.raises(RuntimeError):
        importer.import_file(path)
    assert Order.select().count() == 0 and Customer.select().count() == 0


def test_tiers_recomputed(store, sheets):
    today = clock.today().isoformat()
    rows = [["订单号", "下单时间", "实付金额", "姓名", "手机"]] + [
        [f"N{i}", today, "800", "张三", "13812345678"] for i in range(3)
    ]
    path = sheets.xlsx("t.xlsx", {"S": rows})
    importer.import_file(path)
    customer = Customer.get(Customer.phone == "13812345678")
    assert customer.tier == tiers.GOLD and not customer.tier_manual  # ¥2,400 in the window
    summary = store_orders.customer_summary(customer.id)
    assert (summary.order_count, summary.total_spent_fen) == (3, 240000)


def test_20000_order_shop_export_lands_whole_and_never_twice(store, tmp_path):
    from order_sheets import write_shop_export

    path = tmp_path / "店铺订单.xlsx"
    written = write_shop_export(path, 20_000)
    result = importer.import_file(path)
    c = result.counts
    assert (c["orders_added"], c["orders_existing"], c["orders_rejected"]) == (written.orders, 0, 0)
    assert c["rejected"] == 0
    assert Order.select().count() == written.orders
    # one customer per buyer account (masked phones grouped by 买家会员名)
    assert Customer.select().count() == len(written.buyers)
    stored = {
        o.order_no: (o.amount_fen, o.status) for o in Order.select(Order.order_no, Order.amount_fen, Order.status)
    }
    assert stored == written.by_no
    spent = sum(c.total_spent_fen for c in Customer.select(Customer.total_spent_fen))
    assert spent == written.counting_fen
    again = importer.import_file(path)
    assert (again.counts["orders_added"], again.counts["orders_existing"]) == (0, written.orders)
    assert Order.select().count() == written.orders and Customer.select().count() == len(written.buyers)


def test_damaged_files_change_nothing(store, sheets, tmp_path):
    from order_sheets import write_shop_export

    from sellerdesk.exchange.errors import ExchangeError

    good = tmp_path / "good.xlsx"
    write_shop_export(good, 300)
    importer.import_file(good)
    before = (Order.select().count(), Customer.select().count(), OrderItem.select().count())
    truncated = tmp_path / "cut.xlsx"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ExchangeError):
        importer.import_file(truncated)
    # a CSV whose quoting breaks in a row is refused whole
    broken = tmp_path / "broken.csv"
    broken.write_text(
        '订单号,下单时间,实付金额,姓名,手机\nX1,2024-01-01,10,张三,13812345678\nX2,"2024-01-02,10,李四,13900000000\n'
    )
    with pytest.raises(ExchangeError):
        importer.import_file(broken)
    assert (Order.select().count(), Customer.select().count(), OrderItem.select().count()) == before


# --- the stages one by one ------------------------------------------------------------------------


def prepared(header, *rows):
    from sellerdesk.exchange.importer.prepare import mapped_columns, prepare_row

    mapping = headers.guess_mapping(header)
    columns = mapped_columns(mapping, "t.xlsx", header)
    return [prepare_row(n + 2, list(r), columns) for n, r in enumerate(rows)]


def test_prepare_reads_the_order_cells():
    header = [
        "订单号",
        "付款时间",
        "实付金额",
        "商品名称",
        "数量",
        "单价",
        "订单状态",
        "收货人",
        "手机",
        "快递公司",
        "运单号",
        "买家留言",
    ]
    (rec,) = prepared(
        header,
        [
            "X1",
            "2024年3月5日 10:00",
            "￥１,２８0.50",
            "面膜",
            "２",
            "39.9元",
            "已签收",
            "张三",
            "138****1234",
            "顺丰",
            "SF1",
            "快点",
        ],
    )
    part = rec.order
    assert (part.order_no, part.order_date, part.amount_fen, part.status) == (
        "X1",
        dt.date(2024, 3, 5),
        128050,
        "delivered",
    )
    assert (part.line, part.line_fen) == (core.OrderLine("面膜", 2, 3990), 7980)
    assert (part.courier, part.tracking_no, part.notes, part.ship_phone) == ("顺丰", "SF1", "快点", "138****1234")
    # the masked phone is not the customer's phone: nothing to match on
    assert rec.customer["phone"] == "" and rec.phone_key == "" and rec.masked == "phone"
    assert rec.issues == ["masked_phone"] and not rec.flagged and not rec.rejected  # said, in the report


def test_prepare_names_the_column_of_a_bad_cell():
    header = ["订单号", "下单时间", "实付金额", "数量", "姓名", "订单状态"]
    bad_amount, bad_date, bad_qty, bad_status, future = prepared(
        header,
        ["1", "2024-01-01", "12.345", "1", "张三", "交易成功"],
        ["2", "32/13/2024", "10", "1", "张三", "交易成功"],
        ["3", "2024-01-01", "10", "1.5", "张三", "交易成功"],
        ["4", "2024-01-01", "10", "1", "张三", "火星"],
        ["5", (clock.today() + dt.timedelta(days=5)).isoformat(), "10", "1", "张三", "交易成功"],
    )
    assert bad_amount.issues == ["bad_amount"] and bad_amount.reason().startswith("实付金额：")
    assert bad_date.issues == ["bad_order_date"] and "下单时间" in bad_date.reason()
    assert bad_qty.issues == ["bad_quantity"] and "数量" in bad_qty.reason("en")
    assert bad_status.issues == ["unknown_status"]
    assert future.issues == ["date_out_of_range"]
    for rec in (bad_amount, bad_date, bad_qty, bad_status, future):
        assert rec.order_rejected and not rec.rejected  # the order is dropped, not the customer


def test_plan_groups_lines_and_skips_stored_orders(store):
    from sellerdesk.store import customers

    customer = customers.create_customer({"name": "老王", "phone": "13900000001"}, [])
    store_orders.add_order(customer.id, amount_fen=100, order_date=dt.date(2024, 1, 1), order_no="OLD1")
    header = ["订单号", "下单时间", "实付金额", "商品名称", "姓名", "手机"]
    records = prepared(
        header,
        ["OLD1", "2024-01-01", "1", "面膜", "老王", "13900000001"],
        ["N1", "2024-01-02", "30", "面膜", "李**", "139****0000"],
        ["N1", "", "", "护手霜", "李**", "139****0000"],  # a further line, order cells blank
        ["N2", "2024-01-03", "", "", "张三", "13812345678"],  # no amount anywhere
    )
    plan = importer.make_plan(records)
    c = plan.counts
    assert (c["orders_new"], c["orders_existing"], c["orders_rejected"]) == (1, 1, 1)
    assert [r.action for r in records] == [
        importer.Action.SKIP,
        importer.Action.NEW,
        importer.Action.SKIP,
        importer.Action.NEW,
    ]
    assert c["new"] == 2 and c["skipped"] == 0  # the skipped rows are order rows, not duplicate customers
    (order,) = plan.orders.to_add()
    assert (order.amount(), order.items_text(), order.rows) == (3000, "面膜, 护手霜", [1, 2])
    assert records[3].issues == ["no_amount"]
    assert plan.orders.row_state == {0: "existing", 1: "new", 2: "line", 3: "problem"}
    # planned again (the wizard's duplicate choice): the same, no issue twice
    again = importer.make_plan(records, "skip")
    assert again.counts["orders_new"] == 1 and records[3].issues == ["no_amount"]


def test_points_are_earned_by_imported_orders(store, sheets):
    from sellerdesk.core.points import PointsRule
    from sellerdesk.store import points

    points.save_points_rule(PointsRule(enabled=True, per_yuan_hundredths=100))
    rows = [["订单号", "下单时间", "实付金额", "姓名", "手机", "订单状态"]]
    rows += [["P1", "2024-03-01", "120.50", "张三", "13812345678", "交易成功"]]
    rows += [["P2", "2024-03-02", "80", "张三", "13812345678", "退款成功"]]
    importer.import_file(sheets.xlsx("p.xlsx", {"S": rows}))
    customer = Customer.get(Customer.phone == "13812345678")
    assert customer.points == 120 and points.balance(customer.id) == 120


def test_a_row_without_address_ships_to_the_default_address(store, sheets):
    from sellerdesk.store import customers

    customer = customers.create_customer(
        {"name": "老王", "phone": "13900000001"},
        [{"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "建国路1号"}],
    )
    rows = [["订单号", "下单时间", "实付金额", "手机"], ["W1", "2024-03-01", "10", "13900000001"]]
    importer.import_file(sheets.xlsx("w.xlsx", {"S": rows}))
    order = Order.get(Order.order_no == "W1")
    assert order.customer_id == customer.id
    assert order.address_snapshot["detail"] == "建国路1号" and order.address_id is not None
    # editing the address later never changes the order's ship-to
    customers.update_address(order.address_id, {"detail": "新地址2号"})
    customers.delete_address(order.address_id)
    assert Order.get(Order.order_no == "W1").address_snapshot["detail"] == "建国路1号"


def test_the_ship_to_links_the_address_the_import_added(store, sheets):
    rows = [["订单号", "下单时间", "实付金额", "姓名", "手机", "收货地址"]]
    rows += [["L1", "2024-03-01", "10", "张三", "13812345678", "广东省深圳市南山区科技园1栋"]]
    rows += [["L2", "2024-03-02", "10", "张三", "13812345678", "浙江省杭州市西湖区文三路90号"]]
    importer.import_file(sheets.xlsx("l.xlsx", {"S": rows}))
    l1, l2 = Order.get(Order.order_no == "L1"), Order.get(Order.order_no == "L2")
    assert l1.address_id != l2.address_id
    assert l1.address.detail == l1.address_snapshot["detail"] == "科技园1栋"
    assert l2.address.district == "西湖区"


def test_a_customer_sheet_with_a_date_or_amount_column_stays_a_customer_sheet(store, sheets):
    assert not headers.has_orders(headers.guess_mapping(["姓名", "手机", "日期"]))
    assert not headers.has_orders(headers.guess_mapping(["姓名", "手机", "金额"]))
    assert headers.has_orders(headers.guess_mapping(["姓名", "手机", "日期", "金额"]))
    assert headers.has_orders(headers.guess_mapping(["姓名", "订单号"]))
    rows = [["姓名", "手机", "日期"], ["张三", "13812345678", "2024-01-01"], ["李四", "13900000000", ""]]
    result = importer.import_file(sheets.xlsx("c.xlsx", {"S": rows}))
    assert result.counts["new"] == 2 and "orders_existing" not in result.counts and result.report_path is None


def test_cancel_before_the_orders_changes_nothing(store, sheets, monkeypatch):
    from sellerdesk.exchange.importer import write
    from sellerdesk.progress import Cancelled, CancelToken

    rows = [TAOBAO] + [
        taobao_row(
            f"C{i}",
            f"n{i}",
            "10",
            "交易成功",
            f"客户{i}",
            "广东省深圳市南山区科技园1栋",
            f"1380000{i:04d}",
            "2024-03-05",
            "面膜",
            1,
        )
        for i in range(50)
    ]
    path = sheets.xlsx("c.xlsx", {"S": rows})
    token = CancelToken()
    original = write._Loader._apply_targets

    def then_cancel(self, progress):
        original(self, progress)
        token.cancel()  # the customers are written; Cancel comes before the orders

    monkeypatch.setattr(write._Loader, "_apply_targets", then_cancel)
    with pytest.raises(Cancelled):
        importer.import_file(path, token=token)
    assert Order.select().count() == 0 and Customer.select().count() == 0


def _order_indexes(tables=None):
    from sellerdesk.store.bulk_import import ORDER_TABLES
    from sellerdesk.store.models import DB

    tables = tables or ORDER_TABLES
    marks = ", ".join("?" * len(tables))
    sql = f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
    return sorted(DB.obj.execute_sql(sql, tables).fetchall())


def test_a_first_load_of_orders_builds_their_indexes_at_the_end(store, sheets, monkeypatch):
    """Issue 21: orders going into an order table no bigger than the load are appended without its
    indexes, which are built once at the end (the page cache grew with the orders, up to 256 MB);
    the indexes are the same after, the customers' totals read through them; a smaller load into
    a bigger table keeps them and gets the bigger page cache instead. A failing write keeps them."""
    from sellerdesk.store import bulk

    before = _order_indexes()
    assert before  # (the schema has them)
    seen = []
    from sellerdesk.store import bulk_import

    real_add = bulk_import.BulkImport._add_orders

    def add(self, orders, refresh=True):
        seen.append(len(_order_indexes(("orders",))))
        return real_add(self, orders, refresh)

    monkeypatch.setattr(bulk_import.BulkImport, "_add_orders", add)
    caches = []
    real_cache = bulk.bigger_cache
    monkeypatch.setattr(bulk, "bigger_cache", lambda rows: caches.append(rows) or real_cache(rows))
    today = clock.today().isoformat()
    rows = [["订单号", "下单时间", "实付金额", "姓名", "手机", "商品"]] + [
        [f"N{i}", today, "800", f"客户{i % 3}", f"1381234567{i % 3}", "面膜"] for i in range(6)
    ]
    importer.import_file(sheets.xlsx("a.xlsx", {"S": rows}))
    assert seen and seen[0] == 0 and caches == []  # (appended without the indexes)
    assert _order_indexes() == before
    assert sum(c.total_spent_fen for c in Customer.select()) == 6 * 80000
    assert Customer.get(Customer.phone == "13812345670").order_count == 2

    seen.clear()
    more = [rows[0], [f"M{1}", today, "500", "客户0", "13812345670", "面膜"]]
    importer.import_file(sheets.xlsx("b.xlsx", {"S": more}))
    # (kept: the table holds more than the load; the empty points table's are built at the end)
    assert seen == [len(_order_indexes(("orders",)))] and caches == [1]
    assert _order_indexes() == before and Order.select().count() == 7

    def broken(self, orders, refresh=True):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bulk_import.BulkImport, "_add_orders", broken)
    bigger = [rows[0]] + [[f"K{i}", today, "800", "客户1", "13812345671", "面膜"] for i in range(10)]
    with pytest.raises(RuntimeError):  # (10 orders into a table of 7: its indexes dropped, then given back)
        importer.import_file(sheets.xlsx("c.xlsx", {"S": bigger}))
    assert _order_indexes() == before and Order.select().count() == 7
