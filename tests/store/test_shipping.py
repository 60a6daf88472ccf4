"""Tracking numbers back and preferred couriers (store.shipping), and reading a result sheet."""

from __future__ import annotations

import openpyxl
import pytest

from sellerdesk.exchange.errors import ExchangeError
from sellerdesk.exchange.tracking import courier_of, import_tracking
from sellerdesk.store import shipping
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import AuditEntry, Order
from sellerdesk.store.shipping import TrackingRow, record_tracking
from shipping_data import make_orders


def result_sheet(path, rows, headers=("运单号", "订单号", "收件人手机")):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["顺丰批量下单结果"])
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_tracking_round_trip_matches_by_order_no_and_phone_and_is_idempotent(backend_store, tmp_path):
    ids = make_orders()
    sheet = result_sheet(
        tmp_path / "r.xlsx",
        [
            ("SF2001", "A001", ""),  # by 订单号
            ("SF2002", "", "139 1234 5678"),  # by phone: one pending order
            ("SF2003", "", "13712345678"),  # two pending orders on this phone: not guessed
            ("SF2004", "NOPE", ""),  # no such order
            ("SF1000", "A000", ""),  # already on the shipped order
        ],
    )
    result = import_tracking(sheet)
    assert sorted(result.shipped) == sorted([ids["sz"], ids["bj"]])
    assert result.already == [ids["old"]]
    reasons = {u.row.tracking_no: (u.reason, u.order_ids) for u in result.unmatched}
    assert reasons["SF2003"] == (shipping.AMBIGUOUS, (ids["hz1"], ids["hz2"]))
    assert reasons["SF2004"][0] == shipping.NO_ORDER
    sz = Order.get_by_id(ids["sz"])
    assert (sz.status, sz.courier, sz.tracking_no) == ("shipped", "顺丰", "SF2001")
    assert sz.shipped_on is not None
    assert Order.get_by_id(ids["hz1"]).status == "pending"
    before = [(o.id, o.status, o.tracking_no, o.version) for o in Order.select().order_by(Order.id)]
    audits = AuditEntry.select().count()
    again = import_tracking(sheet)  # the same sheet again: nothing changes
    assert again.changed == 0 and sorted(again.already) == sorted([ids["sz"], ids["bj"], ids["old"]])
    assert [(o.id, o.status, o.tracking_no, o.version) for o in Order.select().order_by(Order.id)] == before
    assert AuditEntry.select().count() == audits


def test_dry_run_writes_nothing_and_courier_default(backend_store):
    ids = make_orders()
    rows = [TrackingRow(3, "7312345", order_no="A002")]
    dry = record_tracking(rows, courier="中通", dry_run=True)
    assert dry.shipped == [ids["bj"]] and Order.get_by_id(ids["bj"]).status == "pending"
    record_tracking(rows, courier="中通")
    bj = Order.get_by_id(ids["bj"])
    assert (bj.status, bj.courier) == ("shipped", "中通")


def test_an_order_with_another_tracking_number_or_a_second_row_is_listed(backend_store):
    ids = make_orders()
    res = record_tracking(
        [
            TrackingRow(2, "SF9", order_no="A000"),
            TrackingRow(3, ""),
            TrackingRow(4, "X1", order_no="A001"),
            TrackingRow(5, "X2", order_no="A001"),
        ],
        courier="中通",
    )
    assert [u.reason for u in res.unmatched] == [shipping.OTHER_TRACKING, shipping.NO_TRACKING, shipping.TWICE]
    assert res.shipped == [ids["sz"]]


def test_no_courier_a_too_long_number_or_one_number_for_two_orders_is_listed_not_written(backend_store):
    ids = make_orders()
    res = record_tracking(
        [
            TrackingRow(2, "ZT1", order_no="A001"),  # no courier anywhere: a 发货通知 would read 快递：，
            TrackingRow(3, "7" * 500, order_no="A002"),
            TrackingRow(4, "ZT3", order_no=f"SD{ids['hz1']}", courier="中通"),
            TrackingRow(5, "ZT3", order_no=f"SD{ids['hz2']}", courier="中通"),
        ]
    )
    assert [(u.reason, u.order_ids) for u in res.unmatched] == [
        (shipping.TOO_LONG, ()),
        (shipping.SAME_NUMBER, (ids["hz1"], ids["hz2"])),
        (shipping.NO_COURIER, (ids["sz"],)),
    ] or sorted(u.reason for u in res.unmatched) == sorted(
        [shipping.TOO_LONG, shipping.SAME_NUMBER, shipping.NO_COURIER]
    )
    assert res.shipped == [ids["hz1"]]
    assert Order.get_by_id(ids["sz"]).tracking_no == "" and Order.get_by_id(ids["bj"]).tracking_no == ""


def test_result_sheet_without_needed_columns_is_refused(backend_store, tmp_path):
    make_orders()
    with pytest.raises(ExchangeError) as err:
        import_tracking(result_sheet(tmp_path / "a.xlsx", [("x", "y")], headers=("姓名", "订单号")))
    assert err.value.code == "no_tracking_column"
    with pytest.raises(ExchangeError) as err:
        import_tracking(result_sheet(tmp_path / "b.xlsx", [("SF1", "张三")], headers=("运单号", "姓名")))
    assert err.value.code == "no_match_column"


def test_courier_from_tracking_prefix():
    assert courier_of("SF1234567") == "顺丰" and courier_of("JDVA123") == "" and courier_of("JD0012") == "京东"
    assert courier_of("75123") == ""


def test_preferred_couriers_by_region_and_province(backend_store):
    ids = make_orders()
    rules = shipping.save_preferred_couriers({"华南": "sf", "*": "split_region", "浙江省": "中通", "华北": ""})
    assert rules == {"华南": "sf", "*": "split_region", "浙江省": "中通"}
    assert shipping.preferred_couriers() == rules
    assert shipping.template_for("广东省", rules) == "sf"
    assert shipping.template_for("浙江", rules) == "中通"
    assert shipping.template_for("北京市", rules) == "split_region"
    groups = shipping.split_by_courier(shipping.order_ids_for("pending"), rules, "generic")
    assert groups == {"sf": [ids["sz"]], "split_region": [ids["bj"]], "中通": [ids["hz1"], ids["hz2"]]}
    with pytest.raises(ValidationError):
        shipping.save_preferred_couriers({"火星": "sf"})
    assert shipping.preferred_couriers() == rules


def test_an_order_exported_without_order_no_comes_back_by_its_sd_number(backend_store):
    ids = make_orders()
    res = record_tracking(
        [TrackingRow(2, "YT1", order_no=f"SD{ids['hz1']}"), TrackingRow(3, "YT2", order_no="SD99999")], courier="圆通"
    )
    assert res.shipped == [ids["hz1"]] and [u.reason for u in res.unmatched] == [shipping.NO_ORDER]


def test_courier_names_are_kept_short_so_one_courier_is_one_name(backend_store):
    assert [
        shipping.courier_name(n) for n in ("中通快递", "顺丰速运", "京东物流", " 极兔速递 ", "EMS", "快递", "德邦")
    ] == [
        "中通",
        "顺丰",
        "京东",
        "极兔",
        "EMS",
        "快递",
        "德邦",
    ]
    ids = make_orders()
    record_tracking([TrackingRow(2, "ZT100", order_no="A001", courier="中通快递")])
    assert Order.get_by_id(ids["sz"]).courier == "中通"
