"""The import wizard with a shop's order export: order columns in the mapping, order states in
the preview, order counts in the summaries; screenshots of both when SELLERDESK_SHOTS is set."""

import os
from pathlib import Path

import openpyxl
import pytest

from sellerdesk.store.models import Customer, Order
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.exchange.import_wizard import ImportWizard, RecordModel
from sellerdesk.ui.widgets import dialogs

HEADER = [
    "订单编号",
    "买家会员名",
    "订单付款时间",
    "买家实际支付金额",
    "宝贝标题",
    "宝贝总数量",
    "订单状态",
    "收货人姓名",
    "联系手机",
    "收货地址",
    "物流单号",
]
ROWS = [
    [
        "T1",
        "nick_a",
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
    [
        "T1",
        "nick_a",
        "2024-03-05 10:00:00",
        "¥128.50",
        "护手霜",
        "1",
        "交易成功",
        "张三",
        "13812345678",
        "广东省深圳市南山区科技园1栋",
        "SF1",
    ],
    [
        "T2",
        "nick_b",
        "2024/3/6",
        "99元",
        "口红",
        "1",
        "买家已付款，等待卖家发货",
        "李**",
        "139****5678",
        "北京市朝阳区建国路88号",
        "",
    ],
    ["T3", "nick_c", "昨天", "50", "眼霜", "1", "交易成功", "王五", "13700001111", "浙江省杭州市西湖区文三路90号", ""],
]


@pytest.fixture
def launched(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "launch", lambda dialog: shown.append(dialog) or 0)
    return shown


@pytest.fixture
def context(data_dir, qtbot):
    return AppContext(data_dir, data_dir.key)


def shot(widget, name):
    folder = os.environ.get("SELLERDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def test_wizard_imports_an_order_export(qtbot, context, launched, tmp_path, sync_jobs):
    book = openpyxl.Workbook()
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    path = tmp_path / "淘宝订单.xlsx"
    book.save(path)
    wizard = ImportWizard(context, path)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 640)
    wizard.show()
    wizard.restart()
    wizard.next()
    assert wizard.currentId() == ImportWizard.PAGE_SHEET
    wizard.next()
    mapping = wizard.mapping_page.current_mapping()
    assert mapping == [
        "order_no",
        "buyer",
        "order_date",
        "amount",
        "product",
        "quantity",
        "status",
        "name",
        "phone",
        "address",
        "tracking_no",
    ]
    combo = wizard.mapping_page.combos[0]
    assert "Order: order No." in combo.currentText()
    wizard.next()
    preview = wizard.preview_page
    assert wizard.plan is not None
    text = preview.summary.text()
    assert "Orders: 2 new, 0 already there (not added again), 1 with problems." in text
    assert "Masked phones (138****1234) in 1 rows" in text
    model = preview.view.model()
    assert [model.index(r, 1).data() for r in range(2)] == ["New", ""]  # a further line leaves the customer
    assert isinstance(model, RecordModel) and model.columnCount() == 4 + len(HEADER)
    assert [model.index(r, 3).data() for r in range(4)] == [
        "New order",
        "Line of the order above",
        "New order",
        "Not imported",
    ]
    assert "订单付款时间" in model.index(3, 2).data() and model.index(3, 0).data(8) is not None
    assert "→ Order: amount paid" in model.headerData(4 + 3, 1)
    assert preview.isComplete()
    shot(wizard, "wizard-orders-preview.png")
    wizard.next()
    run = wizard.import_page
    assert run.state == "done"
    assert "Orders: 2 added, 0 already there (not added again), 1 with problems." in run.summary.text()
    shot(wizard, "wizard-orders-summary.png")
    assert Order.select().count() == 2 and Customer.select().count() == 3
    t1 = Order.get(Order.order_no == "T1")
    assert (t1.amount_fen, t1.items) == (12850, "面膜 x2, 护手霜")

    # the same file again: nothing to add, and the preview says why
    again = ImportWizard(context, path)
    qtbot.addWidget(again)
    again.restart()
    again.next()
    again.next()
    again.next()
    assert "Orders: 0 new, 2 already there" in again.preview_page.summary.text()
    model = again.preview_page.view.model()
    assert [model.index(r, 3).data() for r in range(3)] == ["Already there"] * 3
