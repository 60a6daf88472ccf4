"""Waybill export: shipped layouts, user templates (blank workbook kept), CSV encodings."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from sellerdesk.exchange import headers as hdr
from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.template_mapping import add_template, parse_map, propose
from sellerdesk.exchange.templates import list_templates, load_template, remove_user_template, user_templates_dir
from sellerdesk.exchange.waybills import export_waybills
from sellerdesk.store.senders import Sender, save_senders
from sellerdesk.store.shipping import order_ids_for
from shipping_data import BLANK_HEADERS, blank_template, make_orders

SENDER = Sender(
    name="小美", phone="13600000000", province="广东省", city="广州市", district="天河区", detail="体育西路1号"
)


def _rows(path, sheet=None):
    book = openpyxl.load_workbook(path)
    ws = book[sheet] if sheet else book.active
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_shipped_layouts_are_valid_and_sf_has_44_columns(store):
    names = {t.name: t for t in list_templates()}
    assert {"sf", "split_region", "full_address", "generic"} <= set(names)
    sf = names["sf"]
    assert len(sf.columns) == 44
    assert [c.header for c in sf.columns[:5]] == ["用户订单号", "寄件公司", "寄件人", "寄件电话", "寄件详细地址"]
    assert sf.columns[-1].header == "扩展字段5"
    split = [c.header for c in names["split_region"].columns]
    assert split == ["收件人姓名", "收件人手机", "收件省", "收件市", "收件区", "收件详细地址", "品名", "数量", "备注"]
    for tpl in names.values():  # no shipped layout puts the customer's private notes on a waybill
        assert "notes" not in [c.value for c in tpl.columns]


def test_sf_export_of_pending_orders_fills_items_quantities_and_sender(store, tmp_path):
    ids = make_orders()
    pending = order_ids_for("pending")
    assert set(pending) == {ids["sz"], ids["bj"], ids["hz1"], ids["hz2"]}
    out = tmp_path / "sf.xlsx"
    result = export_waybills(out, pending, "sf", sender=SENDER)
    assert result.orders == 4
    rows = _rows(out)
    header, first = rows[0], dict(zip(rows[0], rows[1]))
    assert len(header) == 44
    assert first["用户订单号"] == "A001"
    assert first["收件人"] == "张三" and first["收件手机"] == "13812345678"
    assert first["收件详细地址"] == "广东省深圳市南山区科技园南区1栋101"
    assert first["托寄物内容"] == "面膜×2, 护手霜" and first["托寄物数量"] == "3"
    assert first["寄件人"] == "小美" and first["寄件详细地址"] == "广东省广州市天河区体育西路1号"
    assert first["件数"] == "1"
    flat = [c for row in rows for c in row if c]
    assert not any("爱砍价" in str(c) for c in flat)  # the customer's private note is not on it


def test_generic_layout_no_longer_carries_private_notes(store, tmp_path):
    ids = make_orders()
    out = tmp_path / "g.xlsx"
    export_waybills(out, [ids["sz"]], "generic")
    rows = _rows(out)
    row = dict(zip(rows[0], rows[1]))
    assert row["备注"] is None and row["品名"] == "面膜×2, 护手霜" and row["数量"] == "3"


def test_header_synonyms_propose_a_waybill_mapping():
    mapping = hdr.guess_waybill_mapping(BLANK_HEADERS)
    got = dict(zip(BLANK_HEADERS, mapping))
    assert got["收件人姓名(必填)"] == "recipient"
    assert got["收件人手机"] == "mobile"
    assert (got["收件（省）"], got["收件（市）"], got["收件（区/县）"]) == ("province", "city", "district")
    assert got["物品名称"] == "items" and got["数量"] == "quantity" and got["订单号"] == "order_no"
    assert got["备注"] is None  # private notes only on purpose
    assert got["寄件人"] == "sender_name" and got["寄件人手机"] == "sender_phone"
    assert got["寄件地址"] == "sender_address"
    assert got["付款方式"] is None


def test_user_template_finds_header_under_a_title_row_and_keeps_the_workbook(store, tmp_path):
    make_orders()
    blank = blank_template(tmp_path / "zto.xlsx")
    proposal = propose(blank)
    assert proposal.header_row == 2 and proposal.sheet == "批量下单"
    tpl, _ = add_template("中通", blank, mapping=parse_map("付款方式=", proposal.headers), courier="中通")
    assert tpl.is_user and (user_templates_dir() / "中通.xlsx").is_file()
    assert load_template("中通").header_row == 2
    out = tmp_path / "out.xlsx"
    export_waybills(out, order_ids_for("pending"), "中通", sender=SENDER)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["批量下单", "填写说明"]  # the second sheet survives
    ws = book["批量下单"]
    assert ws["A1"].value == "中通批量下单模板（请勿修改表头）"
    assert ws.cell(2, 2).font.bold  # the header's format
    assert ws.column_dimensions["G"].width == 40
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1 and validations[0].formula1 == '"寄付,到付,月结"'  # the drop-down list
    assert "N3:N5000" in str(validations[0].sqref)
    row3 = [c.value for c in ws[3]]
    assert row3[:7] == ["A001", "张三", "13812345678", "广东省", "深圳市", "南山区", "科技园南区1栋101"]
    assert row3[7] == "面膜×2, 护手霜" and row3[9] is None and row3[10] == "小美"
    assert ws.max_row == 6
    assert openpyxl.load_workbook(blank)["批量下单"].max_row == 2  # the saved blank is untouched


def test_private_notes_go_on_the_waybill_only_when_mapped_on_purpose(store, tmp_path):
    ids = make_orders()
    blank = blank_template(tmp_path / "b.xlsx")
    headers = propose(blank).headers
    add_template("带备注", blank, mapping=parse_map("备注=notes", headers))
    out = tmp_path / "n.xlsx"
    export_waybills(out, [ids["sz"]], "带备注")
    assert openpyxl.load_workbook(out)["批量下单"].cell(3, 10).value == "私人：爱砍价"


def test_user_template_refusals_and_remove_keeps_a_way_back(store, tmp_path):
    blank = blank_template(tmp_path / "b.xlsx")
    add_template("yt", blank)
    with pytest.raises(ExchangeError) as err:
        add_template("yt", blank)
    assert err.value.code == "template_exists"
    with pytest.raises(ExchangeError) as err:
        add_template("sf", blank)  # a shipped layout's name
    assert err.value.code == "template_exists"
    with pytest.raises(ExchangeError) as err:
        add_template("a/b", blank)
    assert err.value.code == "bad_template_name"
    with pytest.raises(ValueError, match="no column"):
        parse_map("不存在=recipient", propose(blank).headers)
    with pytest.raises(ValueError, match="not a value"):
        parse_map("备注=secret", propose(blank).headers)
    with pytest.raises(ExchangeError) as err:
        remove_user_template("sf")
    assert err.value.code == "shipped_template"
    folder = remove_user_template("yt")
    assert (folder / "yt.json").is_file() and (folder / "yt.xlsx").is_file()
    assert "yt" not in [t.name for t in list_templates()]


def test_csv_utf8_with_bom_and_gbk(store, tmp_path):
    ids = make_orders()
    out = tmp_path / "w.csv"
    export_waybills(out, [ids["sz"]], "split_region", encoding="utf-8")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "收件人姓名" and rows[1][6] == "面膜×2, 护手霜"
    out2 = tmp_path / "g.csv"
    export_waybills(out2, [ids["sz"]], "split_region")
    rows = list(csv.reader(out2.read_bytes().decode("gbk").splitlines()))
    assert rows[1][0] == "张三"


def test_gbk_csv_replaces_what_gbk_cannot_encode_and_says_so(store, tmp_path):
    from sellerdesk.store import customers, orders

    cid = customers.create_customer({"name": "𠮷野家😀", "phone": "13500000000"}, []).id
    oid = orders.add_order(
        cid,
        amount_fen=1,
        ship_to={
            "recipient": "𠮷野家😀",
            "phone": "13500000000",
            "province": "上海市",
            "city": "上海市",
            "detail": "路1号",
        },
    ).id
    out = tmp_path / "rare.csv"
    result = export_waybills(out, [oid], "split_region")
    text = out.read_bytes().decode("gbk")
    assert "?野家?" in text
    assert [(w.row, w.column, w.code) for w in result.warnings if w.code == "replaced"] == [
        (2, "收件人姓名", "replaced")
    ]


def test_bad_targets_and_empty_selection_change_nothing(store, tmp_path):
    make_orders()
    with pytest.raises(ExchangeError) as err:
        export_waybills(tmp_path / "x.pdf", [1], "sf")
    assert err.value.code == "bad_waybill_target"
    with pytest.raises(ExchangeError) as err:
        export_waybills(tmp_path / "x.xlsx", [], "sf")
    assert err.value.code == "no_orders"
    with pytest.raises(ExchangeError) as err:
        export_waybills(tmp_path / "none" / "x.xlsx", [1], "sf")
    assert err.value.code == "no_folder"
    with pytest.raises(ExchangeError) as err:
        export_waybills(tmp_path / "x.xlsx", [1], "nope")
    assert err.value.code == "unknown_template"
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_export_leaves_no_file(store, tmp_path):
    from sellerdesk.progress import Cancelled, CancelToken

    ids = make_orders()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_waybills(tmp_path / "c.xlsx", list(ids.values()), "sf", token=token)
    assert list(tmp_path.iterdir()) == []


def test_senders_saved_default_is_the_one_used(store):
    save_senders([SENDER, Sender(name="仓库二", phone="13700000000", label="二仓", is_default=True)])
    from sellerdesk.store.senders import default_sender

    assert default_sender().label == "二仓"


def test_a_courier_header_in_two_languages_is_read_by_its_parts():
    blank = ["Name(收件人)", "Phone/收件电话", "Province/省", "Address-详细地址", "Goods/物品名称"]
    got = dict(zip(blank, hdr.guess_waybill_mapping(blank)))
    assert got["Name(收件人)"] == "recipient" and got["Phone/收件电话"] == "phone"
    assert hdr.waybill_value("Mobile/手机号码?") == "phone"
    assert got["Province/省"] == "province" and got["Address-详细地址"] in ("detail", "address")
    assert got["Goods/物品名称"] == "items"
    assert hdr.waybill_value("号码?") is None and hdr.waybill_value("2024年 客户名单") is None
