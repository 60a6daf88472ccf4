"""A seller's first week (issue 21, finding and editing): a paste into an existing customer
adds an address, another customer's phone is pointed out, the first screen's layout, the
地址类型 field, the shortcuts and About dialogs."""

import pytest

from sellerdesk.core import regions
from sellerdesk.store import customers
from sellerdesk.store.models import Address
from sellerdesk.ui.customers.columns import ADDRESS_MIN, NARROW_HIDDEN
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.main_window import AboutDialog, MainWindow, ShortcutsDialog

PASTE = "李四 13900001111 浙江省杭州市西湖区文三路100号"


@pytest.fixture
def window(laptop_window):
    return laptop_window


def _customer_with_address() -> int:
    return customers.save_customer(
        None,
        {"name": "张三", "phone": "13812345678"},
        [
            customers.AddressEdit(
                {"label": "公司", "province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园1号"},
                is_default=True,
            )
        ],
    ).id


def _open(window, customer_id: int):
    window.on_customers_changed()
    window.select_customer(customer_id)
    assert window.editor.customer_id == customer_id
    return window.editor


def _live(customer_id: int) -> list[Address]:
    return customers.live_addresses(customer_id)


def test_a_paste_into_a_customer_adds_a_new_address_and_keeps_the_old(window):
    cid = _customer_with_address()
    editor = _open(window, cid)
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    assert [d.values["detail"] for d in editor.drafts] == ["科技园1号", "文三路100号"]
    assert [d.is_default for d in editor.drafts] == [True, False]
    assert editor.address_list.count() == 2 and editor.address_list.currentRow() == 1
    assert editor.detail.text() == "文三路100号" and editor.recipient.text() == "李四"
    assert editor.name.text() == "张三" and editor.phone.text() == "13812345678"  # the customer's own stay
    assert not editor.undo_paste_button.isHidden() and not editor.replace_button.isHidden()
    assert editor.save() == cid
    stored = {a.detail: a for a in _live(cid)}
    assert set(stored) == {"科技园1号", "文三路100号"}
    assert stored["科技园1号"].is_default and stored["科技园1号"].label == "公司"
    assert stored["文三路100号"].city == "杭州市" and not stored["文三路100号"].is_default


def test_undo_paste_puts_the_form_back_before_save(window):
    cid = _customer_with_address()
    editor = _open(window, cid)
    editor.notes.setPlainText("只收顺丰")
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    editor.undo_paste()
    assert len(editor.drafts) == 1 and editor.detail.text() == "科技园1号" and editor.label.currentText() == "公司"
    assert editor.notes.toPlainText() == "只收顺丰" and editor.dirty  # the edit before the paste stays
    assert editor.undo_paste_button.isHidden() and editor.replace_button.isHidden()
    editor.cancel()
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    editor.undo_paste()
    assert not editor.dirty  # nothing was edited before that paste: nothing to save
    assert [a.detail for a in _live(cid)] == ["科技园1号"]


def test_replace_instead_puts_the_paste_into_the_selected_address(window):
    cid = _customer_with_address()
    editor = _open(window, cid)
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    editor.paste_into_selected()
    assert len(editor.drafts) == 1 and editor.detail.text() == "文三路100号"
    assert editor.undo_paste_button.isVisibleTo(editor) and editor.replace_button.isHidden()
    editor.save()
    (address,) = _live(cid)
    assert address.detail == "文三路100号" and address.is_default and address.label == "公司"


def test_a_paste_fills_an_empty_or_new_address_instead_of_adding_one(window):
    editor = window.editor
    window.new_customer()
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    editor.paste_edit.setPlainText("李四 13900001111 浙江省杭州市西湖区文三路200号")
    editor.apply_paste()  # a second try on the unsaved address corrects it
    assert [d.values["detail"] for d in editor.drafts] == ["文三路200号"]
    assert editor.replace_button.isHidden()
    bare = customers.create_customer({"name": "王五"}).id
    editor = _open(window, bare)
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    assert len(editor.drafts) == 1 and editor.drafts[0].is_default


def test_a_paste_without_a_place_leaves_the_addresses_alone(window):
    cid = _customer_with_address()
    editor = _open(window, cid)
    editor.paste_edit.setPlainText("微信 lisi_2020")
    editor.apply_paste()
    assert len(editor.drafts) == 1 and editor.detail.text() == "科技园1号"
    assert editor.wechat.text() == "lisi_2020"  # the customer had none


def test_another_customers_phone_or_wechat_is_pointed_out_with_a_link(window, modals):
    cid = _customer_with_address()
    other = customers.create_customer({"name": "李四", "phone": "13900001111", "wechat": "lisi_2020"}).id
    editor = _open(window, cid)
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    note = editor.match_note
    assert note.isVisibleTo(editor) and "13900001111" in note.text() and "李四" in note.text()
    assert f'href="{other}"' in note.text()
    window.search.setText("张三")
    window.apply_filter()
    assert window.model.row_of(other) is None
    modals.confirm = False
    note.linkActivated.emit(str(other))  # unsaved paste: the seller says no
    assert window.editor.customer_id == cid and window.editor.dirty
    modals.confirm = True
    note.linkActivated.emit(str(other))
    assert window.editor.customer_id == other and not window.editor.dirty
    assert window.search.text() == ""  # the search hid them
    assert [a.detail for a in _live(cid)] == ["科技园1号"]  # the paste was not saved
    # by WeChat ID; and the customer's own phone is no "other customer"
    editor = _open(window, cid)
    editor.paste_edit.setPlainText("微信号: lisi_2020\n张三 13812345678 浙江省杭州市西湖区文三路100号")
    editor.apply_paste()
    assert "lisi_2020" in editor.match_note.text() and f'href="{other}"' in editor.match_note.text()
    editor.paste_edit.setPlainText("张三 13812345678 浙江省杭州市西湖区文三路100号")
    editor.apply_paste()
    assert editor.match_note.isHidden()


def test_a_new_customer_pasted_with_a_known_phone_is_pointed_out(window):
    known = customers.create_customer({"name": "李四", "phone": "13900001111"}).id
    window.new_customer()
    window.editor.paste_edit.setPlainText(PASTE)
    window.editor.apply_paste()
    assert f'href="{known}"' in window.editor.match_note.text()


def test_the_address_type_is_named_so_and_empty_shows_empty(chinese, window):
    cid = customers.save_customer(
        None,
        {"name": "张三"},
        [customers.AddressEdit({"province": "广东省", "city": "深圳市", "detail": "科技园1号"}, is_default=True)],
    ).id
    editor = _open(window, cid)
    assert editor.label.currentText() == "" and editor.label.lineEdit().placeholderText() == ""
    assert editor._field_label("label") == "地址类型" and editor._field_label("tags") == "标签"
    texts = {w.text() for w in editor.address_form.findChildren(type(editor.verified_label))}
    assert "地址类型" in texts and "标签" not in texts


def test_the_first_screen_at_1366_shows_the_columns_a_seller_needs(app_context, qtbot, modals, sync_jobs):
    """No saved layout, a 1366-px window: 等级 and 最近下单 are on screen, the address fills what
    is left, the less needed columns wait in the header's menu; the layout is remembered."""
    _customer_with_address()
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    win.resize(1366, 738)
    win.show()
    qtbot.waitExposed(win)
    header = win.table.horizontalHeader()
    viewport = win.table.viewport().width()
    hidden = {COLUMNS[c] for c in range(len(COLUMNS)) if header.isSectionHidden(c)}
    assert hidden == set(NARROW_HIDDEN)
    for key in ("name", "phone", "tier", "order_count", "total_spent", "last_order"):
        column = COLUMNS.index(key)
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= viewport, key
    address = COLUMNS.index("address")
    assert header.sectionSize(address) >= ADDRESS_MIN
    assert header.length() <= viewport
    editor = win.splitter.sizes()[2]
    assert 320 <= editor <= 380
    # the header's menu shows a hidden column again; Reset columns hides it again
    menu = win.columns.menu()
    updated = next(a for a in menu.actions() if a.text() == win.model.header_text("updated"))
    assert not updated.isChecked()
    updated.trigger()
    assert not header.isSectionHidden(COLUMNS.index("updated"))
    win.splitter.setSizes([160, 500, 600])
    header.resizeSection(address, 333)  # the user's width wins from now on
    win.save_state()
    again = MainWindow(app_context)
    qtbot.addWidget(again)
    again.resize(1366, 738)
    again.show()
    qtbot.waitExposed(again)
    assert not again.table.horizontalHeader().isSectionHidden(COLUMNS.index("updated"))
    assert again.table.horizontalHeader().sectionSize(address) == 333
    assert not again.columns.fit_address
    again.reset_columns()
    assert again.table.horizontalHeader().isSectionHidden(COLUMNS.index("updated")) and again.columns.fit_address
    again.close()
    win.close()


def test_a_wide_window_shows_every_column(app_context, qtbot, modals, sync_jobs):
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    win.resize(1920, 1050)
    win.columns.reset(1200)
    assert not any(win.table.horizontalHeader().isSectionHidden(c) for c in range(len(COLUMNS)))


def test_the_editor_fits_a_1366x768_screen_without_scrolling(window, qtbot):
    """Paste box, customer, address list and the address form all above the fold."""
    cid = _customer_with_address()
    editor = _open(window, cid)
    qtbot.waitExposed(window)
    scroll = editor.details
    assert scroll.widget().sizeHint().height() <= scroll.viewport().height()
    assert not scroll.verticalScrollBar().isVisible()
    assert editor.address_list.maximumHeight() >= 4 * editor.address_list.fontMetrics().height()


def test_the_shortcuts_dialog_shows_every_row(window, qtbot):
    """Its last row was cut off: the dialog asks for the table's whole height and shows it."""
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    table = dialog.table
    whole = table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
    assert dialog.sizeHint().height() > whole
    dialog.show()
    qtbot.waitExposed(dialog)
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert not table.verticalScrollBar().isVisible()


def test_the_about_box_is_chinese_in_chinese(window, chinese):
    about = AboutDialog(window.context, window)
    text = about.info.text()
    source = regions.data_source()
    assert "国家统计局" in text and source["version"] in text and "MIT / WTFPL" in text
    for english in ("supplement", "package.json", "LICENSE", "(npm)", "Region data"):
        assert english not in text
    about.deleteLater()


def test_tags_read_as_the_table_shows_them_and_save_either_way(window):
    cid = customers.save_customer(None, {"name": "王五", "tags": "代理,新客"}, []).id
    editor = _open(window, cid)
    assert editor.tags.text() == "代理、新客"
    editor.tags.setText("代理、新客，VIP")
    editor._customer_edited()
    assert editor.save() is not None
    from sellerdesk.store.models import Customer

    assert Customer.get_by_id(cid).tags == "代理,新客,VIP"


def test_pasting_an_address_the_customer_has_selects_it_and_adds_none(window):
    """Stranger QA: pasting the address 张三 had sent before made 地址 3 beside 地址 2."""
    cid = _customer_with_address()
    editor = _open(window, cid)
    editor.paste_edit.setPlainText(PASTE)
    editor.apply_paste()
    assert editor.save() == cid
    editor = _open(window, cid)
    for text in (PASTE, "李四，13900001111，浙江 杭州 西湖区 文三路 100 号"):  # also written another way
        editor.paste_edit.setPlainText(text)
        editor.apply_paste()
        assert [d.values["detail"] for d in editor.drafts] == ["科技园1号", "文三路100号"]
        assert editor.address_list.currentRow() == 1 and editor.detail.text() == "文三路100号"
        assert editor.replace_button.isHidden()
        assert editor.status.text() == "The customer already has this address: it is selected, none was added."
    editor.paste_edit.setPlainText("张三 13812345678 广东省深圳市南山区科技园1号")  # the first one, shown second
    editor.apply_paste()
    assert len(editor.drafts) == 2 and editor.address_list.currentRow() == 0
    assert editor.save() == cid
    assert sorted(a.detail for a in _live(cid)) == ["文三路100号", "科技园1号"]


def test_pasting_an_address_the_customer_has_leaves_save_as_it_was(window):
    """QA L8: after 客户已经有这个地址 nothing was changed, so 保存 stays greyed; a paste that
    does bring something new (a delivery remark) still enables it."""
    cid = _customer_with_address()
    editor = _open(window, cid)
    assert not editor.save_button.isEnabled() and not editor.dirty
    editor.paste_edit.setPlainText("张三 13812345678 广东省深圳市南山区科技园1号")
    editor.apply_paste()
    assert editor.status.text() == "The customer already has this address: it is selected, none was added."
    assert not editor.save_button.isEnabled() and not editor.dirty
    editor.paste_edit.setPlainText("张三 13812345678 广东省深圳市南山区科技园1号 备注：放门卫")
    editor.apply_paste()
    assert editor.save_button.isEnabled() and editor.dirty
    assert "放门卫" in editor.notes.toPlainText()
