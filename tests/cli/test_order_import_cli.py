"""`sellerdesk-cli import FILE` with order columns: orders added, the --json keys, --customers-only."""

import json

import openpyxl

HEADER = ["订单号", "下单时间", "实付金额", "商品名称", "数量", "订单状态", "收货人", "手机", "收货地址", "快递单号"]
ROWS = [
    [
        "D1",
        "2024-03-05 10:00:00",
        "¥128.50",
        "面膜",
        "2",
        "交易成功",
        "张三",
        "13812345678",
        "广东省深圳市南山区科技园1栋",
        "SF1",
    ],
    ["D2", "2024/3/6", "99元", "护手霜", "1", "待发货", "张三", "13812345678", "广东省深圳市南山区科技园1栋", ""],
    ["D3", "2024年3月7日", "50", "口红", "1", "已退款", "李**", "139****5678", "北京市朝阳区建国路88号", ""],
    ["D4", "not a date", "50", "口红", "1", "交易成功", "王五", "13700001111", "浙江省杭州市西湖区文三路90号", ""],
]


def xlsx(path, rows):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("订单")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_adds_orders_once(initialized_cli, tmp_path):
    cli = initialized_cli
    path = xlsx(tmp_path / "订单.xlsx", [HEADER, *ROWS])
    dry = json.loads(cli("import", str(path), "--dry-run", "--json").stdout)
    assert (dry["orders_added"], dry["orders_existing"]) == (3, 0)
    assert cli.json_lines("orders", "--json") == []
    out = json.loads(cli("import", str(path), "--json").stdout)
    assert (out["orders_added"], out["orders_existing"]) == (3, 0)
    assert out["counts"]["orders_rejected"] == 1 and out["counts"]["masked_phones"] == 1
    orders = {o["order_no"]: o for o in cli.json_lines("orders", "--json")}
    assert sorted(orders) == ["D1", "D2", "D3"]
    d1 = orders["D1"]
    assert (d1["amount"], d1["date"], d1["status"], d1["tracking"]) == ("128.50", "2024-03-05", "delivered", "SF1")
    assert d1["ship_to"]["district"] == "南山区" and d1["ship_to"]["phone"] == "13812345678"
    assert orders["D3"]["status"] == "refunded" and orders["D3"]["ship_to"]["phone"] == "139****5678"
    shown = json.loads(cli("show", str(d1["customer_id"]), "--json").stdout)
    assert (shown["order_count"], shown["total_spent"]) == (2, "227.50")
    # the problem report names the row and the column
    report = tmp_path / "订单-导入问题.xlsx"
    rows = {r[0]: r[1] for r in list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))[1:]}
    assert "下单时间" in rows[5] and "打码" in rows[4]
    again = json.loads(cli("import", str(path), "--json").stdout)
    assert (again["orders_added"], again["orders_existing"]) == (0, 3)
    assert len(cli.json_lines("orders", "--json")) == 3
    text = cli("import", str(path)).stdout
    assert "Orders added: 0, already there: 3" in text


def test_customers_only(initialized_cli, tmp_path):
    cli = initialized_cli
    path = xlsx(tmp_path / "订单.xlsx", [HEADER, *ROWS])
    out = json.loads(cli("import", str(path), "--customers-only", "--json").stdout)
    assert (out["orders_added"], out["orders_existing"]) == (0, 0)
    assert (out["counts"]["new"], out["counts"]["merged"]) == (3, 1)
    assert cli.json_lines("orders", "--json") == []
    assert "订单号" not in out["mapping"]
