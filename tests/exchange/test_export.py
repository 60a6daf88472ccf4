import json

import openpyxl
import pytest

from sellerdesk.exchange import importer
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.export import check_cell, default_columns, export_customers
from sellerdesk.exchange.templates import list_templates, load_template
from sellerdesk.progress import Cancelled, CancelToken
from sellerdesk.store import customers, queries
from sellerdesk.store.models import DB, Customer


def rows_of(path):
    book = openpyxl.load_workbook(path)
    return [list(r) for r in book.active.iter_rows(values_only=True)]


def sample_customers():
    a = customers.create_customer(
        {
            "name": "张三",
            "phone": "13812345678",
            "wechat": "zs_wx",
            "tags": "VIP,老客户",
            "tier": "金卡",
            "birthday": "1990-01-02",
            "gender": "F",
            "source": "朋友圈",
            "notes": '=HYPERLINK("http://x")\n第二行',
        },
        [
            {
                "recipient": "张三",
                "phone": "13812345678",
                "province": "广东省",
                "city": "深圳市",
                "district": "南山区",
                "detail": "科技园南区1栋101",
                "postal_code": "518000",
                "label": "家",
                "adcode": "440305",
            },
            {
                "recipient": "张三同事",
                "phone": "021-64641234",
                "province": "上海市",
                "city": "上海市",
                "district": "徐汇区",
                "detail": "漕溪北路1号",
                "label": "公司",
                "adcode": "310104",
            },
        ],
    )
    b = customers.create_customer(
        {"name": "-李四", "phone": "+85291234567", "wechat": "@ls"},
        [{"province": "北京市", "city": "北京市", "district": "朝阳区", "detail": "建国路88号", "adcode": "110105"}],
    )
    c = customers.create_customer({"name": "王五", "wechat": "ww"}, [])
    d = customers.create_customer(
        {"name": "王五"},
        [{"province": "浙江省", "city": "杭州市", "district": "西湖区", "detail": "文三路90号", "adcode": "330106"}],
    )
    return a, b, c, d


def test_export_per_customer_and_formula_escaping(store, tmp_path):
    sample_customers()
    result = export_customers(tmp_path / "out.xlsx")
    assert (result.rows, result.customers) == (4, 4)
    rows = rows_of(tmp_path / "out.xlsx")
    assert rows[0][:8] == ["客户编号", "姓名", "手机", "微信", "省", "市", "区", "详细地址"]
    by_name = {r[1]: r for r in rows[1:] if r[1] != "王五"}
    assert by_name["'-李四"][3] == "'@ls"
    assert by_name["'-李四"][2] == "'+85291234567"
    zs = by_name["张三"]
    assert zs[4:9] == ["广东省", "深圳市", "南山区", "科技园南区1栋101", "518000"]
    notes = zs[rows[0].index("备注")]
    assert notes.startswith("'=HYPERLINK")
    # no cell of the file is a formula
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert all(cell.data_type != "f" for row in book.active.iter_rows() for cell in row)


def test_export_per_address_full_address_and_columns(store, tmp_path):
    sample_customers()
    result = export_customers(tmp_path / "a.xlsx", per_address=True, split_region=False)
    assert result.rows == 5
    rows = rows_of(tmp_path / "a.xlsx")
    assert "地址" in rows[0] and "省" not in rows[0] and "地址收件人" in rows[0]
    col = rows[0].index("地址")
    assert "上海市徐汇区漕溪北路1号" in [r[col] for r in rows]
    export_customers(tmp_path / "c.xlsx", columns=["name", "phone"])
    assert rows_of(tmp_path / "c.xlsx")[0] == ["姓名", "手机"]
    assert default_columns(True)[:3] == ["ref", "name", "phone"]


def test_export_of_a_filtered_view(store, tmp_path):
    sample_customers()
    result = export_customers(tmp_path / "f.xlsx", queries.CustomerFilter(provinces=("北京市",)))
    assert result.customers == 1
    assert rows_of(tmp_path / "f.xlsx")[1][1] == "'-李四"
    with pytest.raises(ExchangeError) as info:
        export_customers(tmp_path / "n.xlsx", queries.CustomerFilter(search="没有这个人"))
    assert info.value.code == "nothing_to_export"
    with pytest.raises(ExchangeError) as info:
        export_customers(tmp_path / "n.csv")
    assert info.value.code == "bad_target"


def test_round_trip_export_then_import_loses_nothing(store, tmp_path, data_dir):
    sample_customers()
    export_customers(tmp_path / "all.xlsx", per_address=True)

    def canonical():
        out = []
        for c, addresses in queries.iter_customers(sort="id"):
            doc = queries.customer_to_dict(c, addresses)
            for key in ("id", "created_at", "updated_at"):
                doc.pop(key)
            for a in doc["addresses"]:
                a.pop("id")
            out.append(doc)
        return sorted(out, key=lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True))

    before = canonical()
    with DB.atomic() as txn:  # import into an emptied store, then compare
        Customer.delete().execute()
        assert Customer.select().count() == 0
        result = importer.import_file(tmp_path / "all.xlsx", write_report_file=False)
        assert result.counts["rejected"] == 0
        after = canonical()
        txn.rollback()
    assert after == before


def test_cancel_leaves_no_file(store, tmp_path):
    for i in range(600):
        customers.create_customer({"name": f"客户{i}", "phone": f"1370000{i:04d}"})
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_customers(tmp_path / "x.xlsx", token=token)
    assert list(tmp_path.iterdir()) == []


def test_courier_template_flags_what_couriers_reject(store, tmp_path):
    customers.create_customer(
        {"name": "张三🌸", "phone": "13812345678", "notes": "门口放" * 30},
        [{"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园𠮷号"}],
    )
    customers.create_customer({"name": "李四", "phone": "021-64641234"}, [])
    result = export_customers(tmp_path / "t.xlsx", template="generic")
    rows = rows_of(tmp_path / "t.xlsx")
    assert rows[0] == [
        "收件人姓名",
        "收件人手机",
        "收件人电话",
        "收件省",
        "收件市",
        "收件区",
        "收件详细地址",
        "品名",
        "数量",
        "备注",
    ]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["张三🌸"][1] == "13812345678" and by_name["张三🌸"][2] is None
    assert by_name["李四"][2] == "021-64641234" and by_name["李四"][1] is None
    codes = {(w.column, w.code) for w in result.warnings}
    assert ("收件人姓名", "emoji") in codes
    assert ("收件详细地址", "rare_char") in codes
    assert ("收件省", "missing") in codes
    assert by_name["张三🌸"][9] is None  # 备注: a customer's private notes are not put on a waybill


def test_templates_are_data(tmp_path):
    names = [t.name for t in list_templates()]
    assert "generic" in names
    assert load_template("generic").display_title("zh_CN") == "通用快递批量下单"
    with pytest.raises(ExchangeError) as info:
        load_template("no-such-courier")
    assert info.value.code == "unknown_template" and "generic" in str(info.value)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"columns": [{"header": "x", "value": "shoe_size"}]}), encoding="utf-8")
    with pytest.raises(ExchangeError) as info:
        load_template("bad", bad)
    assert info.value.code == "bad_template"
    assert check_cell("好", "gbk", 0, False) == []
    assert check_cell("", "gbk", 0, True) == ["missing"]


def test_export_gives_the_tiers_name(store, tmp_path):
    from sellerdesk.store import orders, tiers

    computed = customers.create_customer({"name": "甲"}).id
    orders.add_order(computed, amount_fen=60_000)  # 银卡 by spend: stored as the key 'silver'
    by_hand = customers.create_customer({"name": "乙"}).id
    tiers.set_manual_tier(by_hand, "gold")
    customers.create_customer({"name": "丙", "tier": "VIP"})  # typed text stays as typed
    customers.create_customer({"name": "丁"})  # not computed yet: the lowest level, as the table shows it
    export_customers(tmp_path / "t.xlsx", columns=["name", "tier"])
    assert sorted(rows_of(tmp_path / "t.xlsx")[1:]) == [["丁", "普通"], ["丙", "VIP"], ["乙", "金卡"], ["甲", "银卡"]]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (IsADirectoryError, "a folder has that name"),
        (FileNotFoundError, "the folder exists but no file can be made in it"),  # /proc answers ENOENT
        (PermissionError, "the folder is read-only or belongs to another user"),
    ],
)
def test_a_file_that_cannot_be_made_is_one_refusal_naming_why(store, tmp_path, monkeypatch, error, reason):
    from sellerdesk.exchange import export

    customers.create_customer({"name": "张三", "phone": "13812345678"})

    def cannot(path, *args, **kwargs):
        raise error(2, "os words", str(path))

    monkeypatch.setattr(export, "SheetWriter", cannot)
    with pytest.raises(ExchangeError) as err:
        export_customers(tmp_path / "out.xlsx")
    assert err.value.code == "cannot_write" and err.value.params["reason"] == reason
    assert not list(tmp_path.iterdir())
