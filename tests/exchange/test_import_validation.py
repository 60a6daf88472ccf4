"""The importer applies the editor's and the CLI's rule (core.validate.wrong_values): a row
whose region levels do not belong together, or whose postal code is not one, is imported
as the other region problems are — marked 需核对 (needs_check), its reason in the report."""

from __future__ import annotations

import openpyxl

from sellerdesk.exchange import importer
from sellerdesk.exchange.importer.record import issue_text
from sellerdesk.store import queries

HEADER = ["姓名", "手机号", "省份", "城市", "区县", "详细地址", "邮编"]


def _customer(phone: str) -> dict:
    (customer,) = queries.find_by_phone(phone)
    return queries.customer_to_dict(customer, queries.addresses_of([customer.id])[customer.id])


def test_wrong_region_and_postal_code_are_flagged_in_the_report(backend_store, sheets):
    rows = [
        HEADER,
        ["张三", "13812345678", "广东省", "深圳市", "南山区", "科技园南区1栋101", "518057"],
        ["李四", "13987654321", "广东省", "杭州市", "", "文三路90号", ""],
        ["王五", "13700001111", "广东省", "杭州市", "南山区", "后海大道1号", ""],  # the resolver would pick 深圳
        ["赵六", "13600000000", "广东省", "深圳市", "西湖区", "科技园1号", ""],
        ["钱七", "13500000000", "广东", "深圳", "南山", "科技园2号", "12"],
        ["孙八", "13400000000", "浙江省", "杭州市", "下城区", "环城北路1号", "310006"],  # today's 拱墅区: right
    ]
    result = importer.import_file(sheets.xlsx("客户.xlsx", {"客户": rows}))
    c = result.counts
    assert (c["new"], c["rejected"], c["flagged"]) == (6, 0, 4)

    assert _customer("13812345678")["flags"] == [] and _customer("13400000000")["flags"] == []
    for phone in ("13987654321", "13700001111", "13600000000", "13500000000"):
        assert _customer(phone)["flags"] == ["needs_check"], phone
    ls = _customer("13987654321")["addresses"][0]
    assert (ls["province"], ls["city"]) == ("广东省", "杭州市")  # kept as typed
    assert _customer("13500000000")["addresses"][0]["postal_code"] == "12"

    report = openpyxl.load_workbook(result.report_path)
    reasons = {line[0]: line[1] for line in list(report.active.iter_rows(values_only=True))[1:]}
    mismatch = issue_text("region_mismatch")
    assert reasons == {3: mismatch, 4: mismatch, 5: mismatch, 6: issue_text("invalid_postal_code")}
    assert "需核对" in mismatch and "邮编" in reasons[6]


def test_a_whole_address_cell_and_a_wrong_postal_code(backend_store, sheets):
    rows = [["姓名", "手机号", "地址", "邮编"], ["张三", "13812345678", "广东省深圳市南山区科技园1号", "5180"]]
    result = importer.import_file(sheets.xlsx("客户.xlsx", {"客户": rows}))
    assert result.counts["flagged"] == 1
    assert _customer("13812345678")["flags"] == ["needs_check"]


def test_a_whole_address_cell_that_contradicts_itself_is_flagged_and_its_remark_kept(backend_store, sheets):
    # QA2 H2/H3: smart paste reads 浙江省杭州市 and warns; the row is 需核对 like split columns
    rows = [
        ["姓名", "手机号", "地址"],
        ["钱七", "13600004444", "广东省杭州市西湖区文三路1号"],
        ["韩梅梅", "13700001234", "河北省石家庄市长安区中山东路1号 备注：不要放门口"],
    ]
    result = importer.import_file(sheets.xlsx("客户.xlsx", {"客户": rows}))
    assert result.counts["flagged"] == 1
    assert _customer("13600004444")["flags"] == ["needs_check"]
    han = _customer("13700001234")
    assert han["flags"] == [] and han["addresses"][0]["detail"] == "中山东路1号"
    assert "不要放门口" in han["notes"]
