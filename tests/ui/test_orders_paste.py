"""An order from a pasted message: the customer found (by phone or WeChat ID) or created."""

import pytest
from PySide6.QtWidgets import QDialog

from sellerdesk.store import customers, queries
from sellerdesk.store import orders as store_orders
from sellerdesk.ui.orders.order_dialog import OrderDialog, ShipTo, record_order
from sellerdesk.ui.orders.paste import add_pasted_address, look_up

HOME = {"recipient": "张三", "phone": "13812345678", "province": "广东省", "city": "深圳市", "district": "南山区"}
NEW_PLACE = "浙江省杭州市西湖区文三路100号"


@pytest.fixture
def zhang(store):
    return customers.create_customer({"name": "张三", "phone": "13812345678"}, [HOME | {"detail": "科技园1号"}]).id


@pytest.fixture
def signals(app_context):
    seen = {"orders": 0, "customers": 0}
    app_context.orders_changed.connect(lambda: seen.__setitem__("orders", seen["orders"] + 1))
    app_context.customers_changed.connect(lambda: seen.__setitem__("customers", seen["customers"] + 1))
    return seen


def _dialog(app_context, qtbot, text):
    dialog = OrderDialog(app_context, paste_text=text)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_found_by_phone_with_a_new_address(app_context, qtbot, zhang, signals):
    text = f"张三 +86 138-1234-5678 {NEW_PLACE} 微信：zs_8899\n面膜 x2 @39.9\n实付：79.8"
    dialog = _dialog(app_context, qtbot, text)
    assert dialog.paste_result.text().startswith("Found customer 张三 (13812345678): the order is recorded for them.")
    assert "Their WeChat ID zs_8899 is added" in dialog.paste_result.text()
    assert "Filled in: the items, the amount paid." in dialog.paste_result.text()
    assert not dialog.create_check.isVisible()
    assert dialog.ship_to.currentData() == ShipTo("paste")  # the pasted place is new to them
    assert dialog.add_address_check.isVisible() and dialog.add_address_check.isChecked()
    assert dialog.amount.text() == "79.80" and dialog.items.rowCount() == 1
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    order = store_orders.get_order(dialog.order_id)
    assert order.customer_id == zhang and order.amount_fen == 7980
    live = customers.live_addresses(zhang)
    assert [a.detail for a in live] == ["科技园1号", "文三路100号"]  # added, the default kept
    assert order.address_id == live[1].id and order.address_snapshot["district"] == "西湖区"
    assert customers.get_customer(zhang).wechat == "zs_8899"
    assert queries.count_customers() == 1
    assert signals == {"orders": 1, "customers": 1}


def test_found_by_wechat_and_the_pasted_address_only_for_this_order(app_context, qtbot, signals):
    cid = customers.create_customer({"name": "李四", "wechat": "lisi2020"}).id
    dialog = _dialog(app_context, qtbot, f"李四 13900001111 {NEW_PLACE}\nvx: lisi2020")
    assert "Found customer 李四 (WeChat lisi2020)" in dialog.paste_result.text()
    dialog.add_address_check.setChecked(False)
    dialog.amount.setText("10")
    dialog.accept()
    order = store_orders.get_order(dialog.order_id)
    assert order.customer_id == cid
    assert order.address_snapshot["detail"] == "文三路100号" and order.address_id is None
    assert customers.live_addresses(cid) == []  # not saved to the customer
    assert signals == {"orders": 1, "customers": 0}


def test_an_address_they_already_have_is_chosen_not_added(app_context, qtbot, zhang):
    dialog = _dialog(app_context, qtbot, "张三 13812345678 广东省深圳市南山区科技园1号")
    address_id = customers.live_addresses(zhang)[0].id
    assert dialog.ship_to.currentData() == ShipTo("address", address_id)
    assert not dialog.add_address_check.isVisible()
    assert look_up("张三 13812345678 广东深圳南山科技园1号").known_address_id == address_id  # short names too
    dialog.amount.setText("1")
    dialog.accept()
    assert len(customers.live_addresses(zhang)) == 1
    assert store_orders.get_order(dialog.order_id).address_id == address_id


def test_a_new_customer_is_offered_and_created(app_context, qtbot, zhang, signals):
    text = "收货人：李小龙\n电话：13912345678\n地址：广东省深圳市南山区科苑路15号\n微信号 lxl_2024\n商品：辣椒酱 x3 @18"
    dialog = _dialog(app_context, qtbot, text)
    assert dialog.paste_result.text().startswith("No customer has 13912345678 or WeChat lxl_2024 yet.")
    assert dialog.create_check.isVisible() and dialog.create_check.isChecked()
    assert "李小龙" in dialog.create_check.text()
    assert dialog.ship_to.currentData() == ShipTo("paste")
    dialog.create_check.setChecked(False)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Tick “Create the customer”")
    assert queries.count_customers() == 1
    dialog.create_check.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    created = queries.find_by_phone_or_wechat("13912345678")
    assert (created.name, created.wechat) == ("李小龙", "lxl_2024")
    live = customers.live_addresses(created.id)
    assert len(live) == 1 and live[0].is_default and live[0].adcode == "440305"
    order = store_orders.get_order(dialog.order_id)
    assert order.customer_id == created.id and order.address_id == live[0].id and order.amount_fen == 5400
    assert signals == {"orders": 1, "customers": 1}


def test_a_failed_order_after_the_customer_was_made_does_not_make_them_twice(app_context, qtbot, zhang):
    other = store_orders.add_order(zhang, amount_fen=1, order_no="TAKEN")
    dialog = _dialog(app_context, qtbot, "王五 13700001111 北京市朝阳区建国路1号\n订单号：TAKEN")
    dialog.amount.setText("5")
    dialog.accept()
    assert dialog.error.text() == f"Order number TAKEN is already used by order #{other.id}."
    assert queries.count_customers() == 2  # 王五 was created …
    assert dialog.customer_label.text().startswith("王五")  # … and the dialog now records for them
    dialog.order_no.setText("")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert queries.count_customers() == 2


def test_a_failed_order_after_the_address_was_added_does_not_add_it_twice(app_context, qtbot, zhang):
    other = store_orders.add_order(zhang, amount_fen=1, order_no="TAKEN")
    dialog = _dialog(app_context, qtbot, f"张三 13812345678 {NEW_PLACE}\n订单号：TAKEN")
    dialog.amount.setText("5")
    dialog.accept()
    assert dialog.error.text() == f"Order number TAKEN is already used by order #{other.id}."
    added = customers.live_addresses(zhang)[1]
    assert added.detail == "文三路100号"
    assert dialog.ship_to.currentData() == ShipTo("address", added.id)  # the address just saved
    dialog.order_no.setText("")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(customers.live_addresses(zhang)) == 2
    assert store_orders.get_order(dialog.order_id).address_id == added.id


def test_a_lone_phone_or_wechat_id_finds_the_customer(app_context, qtbot, zhang):
    customers.update_customer(zhang, {"wechat": "zs_8899"})
    for text in ("13812345678", "zs_8899"):
        dialog = _dialog(app_context, qtbot, text)
        assert dialog.paste_result.text().startswith("Found customer 张三")
        assert dialog.ship_to.currentData() == ShipTo("address", customers.live_addresses(zhang)[0].id)


def test_text_naming_nobody_cannot_be_saved(app_context, qtbot):
    dialog = _dialog(app_context, qtbot, "科技园1号 @@@")
    assert dialog.paste_result.text() == "No name, phone number or WeChat ID was recognised in the text."
    dialog.amount.setText("1")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "No name, phone number or WeChat ID was recognised in the text."
    empty = _dialog(app_context, qtbot, "")
    empty.amount.setText("1")
    empty.accept()
    assert empty.error.text() == "Paste the customer's message, or a phone number or WeChat ID, first."
    assert store_orders.count_orders() == 0 and queries.count_customers() == 0


def test_typing_in_the_paste_box_looks_up_after_a_pause(app_context, qtbot, zhang):
    dialog = _dialog(app_context, qtbot, "")
    dialog.paste_edit.setPlainText("13812345678")
    assert dialog.paste_timer.isActive() and dialog.paste_result.text() == ""
    qtbot.waitUntil(lambda: dialog.paste_result.text().startswith("Found customer"))


def test_record_order_from_paste_returns_the_id(app_context, modals, zhang):
    modals.on(OrderDialog, lambda d: (d.amount.setText("3"), d.accept()))
    order_id = record_order(app_context, None, None, "13812345678")
    assert store_orders.get_order(order_id).customer_id == zhang


def test_the_found_line_masks_the_phone_when_asked(app_context, qtbot, zhang):
    app_context.mask_phones = True
    dialog = _dialog(app_context, qtbot, "13812345678")
    assert "138****5678" in dialog.paste_result.text() and "13812345678" not in dialog.paste_result.text()


ORDER_CHAT = (
    "亲，下单：面膜2盒 每盒39.9，护手霜1支\n收件人 李小红 13900002222\n"
    "北京市朝阳区建国路88号SOHO现代城A座1203\n一共99元 已转账"
)


def test_an_order_from_chat_fills_goods_and_amount_and_keeps_the_address_clean(app_context, qtbot):
    # QA2 H1: the customer has this address already, written a little differently
    li = customers.create_customer(
        {"name": "李小红", "phone": "13900002222"},
        [{"recipient": "李小红", "phone": "13900002222", "province": "北京市", "city": "北京市", "district": "朝阳区",
          "detail": "建国路88号 SOHO现代城 A座1203"}],
    ).id  # fmt: skip
    dialog = _dialog(app_context, qtbot, ORDER_CHAT)
    assert "Filled in: the items, the amount paid." in dialog.paste_result.text()
    assert dialog.amount.text() == "99.00" and dialog.items.rowCount() == 2
    (stored,) = customers.live_addresses(li)
    assert dialog.ship_to.currentData() == ShipTo("address", stored.id)  # the same place: chosen, not added
    assert not dialog.add_address_check.isVisible()
    dialog.accept()
    assert len(customers.live_addresses(li)) == 1
    assert store_orders.get_order(dialog.order_id).address_id == stored.id


def test_a_pasted_delivery_remark_goes_to_the_order_notes(app_context, qtbot, zhang):
    dialog = _dialog(app_context, qtbot, f"张三 13812345678 {NEW_PLACE} 备注：不要放门口")
    assert dialog.notes.toPlainText() == "不要放门口"
    assert dialog.lookup is not None and dialog.lookup.address["detail"] == "文三路100号"
    assert "the notes" in dialog.paste_result.text()


def test_a_new_address_equal_after_normalisation_is_never_added(app_context, zhang):
    lookup = look_up("张三 13812345678 广东省深圳市南山区科技园 1 号")
    assert lookup.known_address_id == customers.live_addresses(zhang)[0].id
    assert add_pasted_address(lookup) is None
    assert len(customers.live_addresses(zhang)) == 1


def test_goods_the_split_does_not_read_are_no_address(app_context, qtbot, zhang):
    """QA: 张三 138… 面膜两盒 198元 (goods without a label) left 面膜两盒 as the "pasted address": it was
    the ship-to and offered as a new address of the customer. With no region read it is no place:
    the customer's own address is chosen and nothing is offered."""
    lookup = look_up("张三 13812345678 面膜两盒 198元")
    assert lookup.customer is not None and not lookup.has_place and lookup.address == {}
    dialog = _dialog(app_context, qtbot, "张三 13812345678 面膜两盒 198元")
    assert dialog.ship_to.currentData() == ShipTo("address", customers.live_addresses(zhang)[0].id)
    assert not dialog.add_address_check.isVisible()
    assert not look_up("李四 13900001111 面膜两盒").has_place  # a new customer gets no such address either
    assert look_up(f"张三 13812345678 {NEW_PLACE}").has_place
