"""查找重复客户, the side-by-side merge dialog, 撤销合并, and the question asked when a customer is
saved with another customer's phone or WeChat ID (issue 15)."""

import pytest

from sellerdesk.progress import Cancelled
from sellerdesk.store import customers, duplicates, merges, orders
from sellerdesk.store.models import Customer
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.duplicates.existing import ExistingCustomerDialog
from sellerdesk.ui.duplicates.finder import DuplicatesDialog
from sellerdesk.ui.duplicates.merge_dialog import MergeDialog
from sellerdesk.ui.widgets.dialogs import QMessageBox

SZ = {"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园南区1栋101"}
PASTE = "王小民 13800001234 浙江省杭州市西湖区文三路100号"


@pytest.fixture
def window(laptop_window):
    return laptop_window


def _pair():
    keep = customers.create_customer({"name": "王小明", "phone": "13800001234", "tags": "VIP"}, [SZ]).id
    other = customers.create_customer(
        {"name": "王小民", "phone": "13800001234", "wechat": "wxm", "tags": "回头客"},
        [{**SZ, "detail": "科技园2号"}],
    ).id
    orders.add_order(other, amount_fen=12800)
    return keep, other


def _live():
    return {c.id: c.name for c in Customer.select().where(Customer.deleted_at.is_null())}


def test_finder_groups_merge_and_undo(window, modals):
    keep, other = _pair()
    alone = customers.create_customer({"name": "李四", "phone": "13900002222"}).id
    window.duplicates.find_action.trigger()
    finder = window.duplicates.finder
    assert isinstance(finder, DuplicatesDialog) and finder.isVisible()
    assert finder.tree.topLevelItemCount() == 1
    group = finder.tree.topLevelItem(0)
    assert "王小明" in group.text(0) and "王小民" in group.text(0)
    assert "Similar names, same phone" in group.text(0) and group.text(1) == "13800001234"
    assert "1 group" in finder.summary.text()
    group.setExpanded(True)
    assert [group.child(i).text(1) for i in range(group.childCount())] == ["13800001234", "13800001234"]
    # the second customer selected: kept by default; the dialog takes the other's name
    finder.tree.setCurrentItem(group.child(1))

    def choose(dialog: MergeDialog):
        assert dialog.keep_id() == other
        dialog.findChild(type(dialog.keep_group.button(keep)), f"name_{keep}").setChecked(True)
        dialog.accept()

    modals.on(MergeDialog, choose)
    finder.merge_selected()
    assert _live() == {other: "王小明", alone: "李四"}
    assert finder.tree.topLevelItemCount() == 0
    assert finder.summary.text() == "No duplicates found."  # it said "1 group" with none left (QA)
    assert finder.merged.topLevelItemCount() == 1
    assert window.editor.customer_id == other and "王小明" in window.editor.merge_note.text()
    # 撤销合并 from the 已合并 list
    finder.merged.setCurrentItem(finder.merged.topLevelItem(0))
    assert finder.unmerge_button.isEnabled()
    finder.unmerge_selected()
    assert _live() == {keep: "王小明", other: "王小民", alone: "李四"}
    assert finder.merged.topLevelItemCount() == 0


def test_finder_cancel_and_nothing_found(window, monkeypatch):
    dialog = DuplicatesDialog(window)
    dialog.find()
    assert dialog.summary.text() == "No duplicates found."

    def cancelled(progress, token):
        raise Cancelled()

    monkeypatch.setattr(duplicates, "find_duplicates", cancelled)
    dialog.find()
    assert dialog.summary.text() == "Search cancelled."
    assert dialog.find_button.isEnabled()
    dialog.close()


def test_merge_dialog_side_by_side_defaults_and_choices(qtbot, store, chinese):
    keep, other = _pair()
    dialog = MergeDialog([keep, other])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "合并客户"
    assert dialog.keep_id() == keep
    # defaults: the kept one's values, the other's WeChat ID (the kept has none), tags and notes of all
    assert dialog.choices()["name"] == keep and dialog.choices()["wechat"] == other
    assert dialog.choices()["tags"] == merges.UNION and dialog.choices()["notes"] == merges.JOIN
    assert dialog.findChild(type(dialog.keep_group.button(keep)), f"wechat_{keep}").text() == "（空）"
    # keeping the other one: the defaults follow
    dialog.keep_group.button(other).setChecked(True)
    assert dialog.choices()["name"] == other and dialog.choices()["wechat"] == other
    dialog.accept()
    assert dialog.merge_id is not None
    assert customers.get_customer(keep).deleted_at is not None
    assert customers.get_customer(other).tags == "回头客,VIP"


def test_merge_dialog_refusal_is_one_line(qtbot, store, modals):
    keep, other = _pair()
    dialog = MergeDialog([keep, other])
    qtbot.addWidget(dialog)
    customers.trash_customers([other])  # meanwhile, elsewhere
    dialog.accept()
    assert dialog.merge_id is None and dialog.result() == 0
    (box,) = modals.of(QMessageBox)
    assert f"Customer {other} is in the Trash" in box.text()


# --- saving over an existing phone or WeChat ID -------------------------------------------------------------------


def _new_from_paste(window, modals, choice):
    keep, other = _pair()
    window.context.customers_changed.emit()  # (written behind the window's back)
    if choice is not None:
        modals.on(ExistingCustomerDialog, lambda d: d.buttons[choice].click())
    window.new_customer()
    window.editor.paste_edit.setPlainText(PASTE)
    window.editor.apply_paste()
    return keep, other, window.editor.save()


def test_new_customer_with_a_known_phone_asks_first(window, modals, chinese):
    keep, other, saved = _new_from_paste(window, modals, None)  # closed: nothing written
    (dialog,) = modals.of(ExistingCustomerDialog)
    assert dialog.label.text().startswith("这个电话属于 <b>王小明</b>：")
    assert [dialog.buttons[k].text() for k in ("open", "merge", "save")] == ["打开", "合并", "仍然新建"]
    assert saved is None and len(_live()) == 2 and window.editor.dirty


def test_open_shows_the_existing_customer(window, modals):
    keep, other, saved = _new_from_paste(window, modals, "open")
    assert saved is None and len(_live()) == 2
    assert window.editor.customer_id == keep  # the unsaved new one was let go (asked: Yes)


def test_merge_adds_the_address_to_the_existing_customer(window, modals):
    keep, other, saved = _new_from_paste(window, modals, "merge")
    assert saved == keep and len(_live()) == 2
    assert [a.detail for a in customers.live_addresses(keep)] == [SZ["detail"], "文三路100号"]
    assert window.editor.customer_id == keep and not window.editor.dirty


def test_create_anyway(window, modals):
    keep, other, saved = _new_from_paste(window, modals, "save")
    assert saved not in (None, keep, other) and len(_live()) == 3


def test_a_known_wechat_id_asks_too(window, modals):
    _pair()
    window.new_customer()
    window.editor.name.setText("新客户")
    window.editor.wechat.setText("wxm")
    window.editor._set_dirty(True)
    assert window.editor.save() is None
    (dialog,) = modals.of(ExistingCustomerDialog)
    assert "WeChat ID" in dialog.label.text() and "王小民" in dialog.label.text()


def test_editing_a_phone_to_another_customers_asks_and_merge_opens_the_dialog(window, modals):
    keep, other = _pair()
    third = customers.create_customer({"name": "赵六", "phone": "13700000000"}).id
    window.context.customers_changed.emit()
    window.open_customer(third)
    editor = window.editor
    editor.phone.setText("13800001234")
    editor.phone.editingFinished.emit()  # leaving the field points it out at once
    assert f'href="{keep}"' in editor.match_note.text()
    editor._set_dirty(True)
    modals.on(ExistingCustomerDialog, lambda d: d.buttons["merge"].click())
    seen = []
    modals.on(MergeDialog, lambda d: seen.append(d.people))
    assert editor.save() == third
    (dialog,) = modals.of(ExistingCustomerDialog)
    assert dialog.buttons["save"].text() == "Save anyway"
    assert [[p.id for p in people] for people in seen] == [[keep, third]]
    assert customers.get_customer(third).phone == "13800001234"  # the edit was saved first
    # unchanged phone: no question on the next save
    editor.notes.setPlainText("x")
    assert editor.save() == third and len(modals.of(ExistingCustomerDialog)) == 1


def test_undo_merge_from_the_survivors_pane(window, modals):
    keep, other = _pair()
    merge_id = merges.merge(keep, [other])
    window.context.customers_changed.emit()
    window.open_customer(keep)
    note = window.editor.merge_note
    assert note.isVisible() and "王小民" in note.text() and f'href="{merge_id}"' in note.text()
    note.linkActivated.emit(str(merge_id))
    assert _live() == {keep: "王小明", other: "王小民"}
    assert window.editor.merge_note.isHidden()


def test_the_finder_is_in_the_edit_menu_with_its_shortcut(window):
    action = window.duplicates.find_action
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    edit_menu = [a.menu() for a in window.menuBar().actions() if a.menu() is not None][1]
    assert action in edit_menu.actions()


def test_the_trash_shows_who_was_merged(window):
    keep, other = _pair()
    merges.merge(keep, [other])
    assert "merged" in customers.get_customer(other).flags
    window.trash_view_action.setChecked(True)
    window.toggle_trash_view()
    model = window.model
    row = model.row_of(other)
    address = model.index(row, COLUMNS.index("address"))
    assert model.data(address) == "(merged into another customer)"
    window.editor.load(other)
    assert "Merged into 王小明." in window.editor.merge_note.text()


def test_a_group_with_several_reasons_says_them_in_one_phrase(chinese):
    """QA: "姓名相近、电话相同 · 姓名相近、地址相同 · 电话相同：王…" was cut off in the list."""
    from sellerdesk.ui.duplicates.texts import reasons_text

    assert reasons_text(["similar_name_phone", "similar_name_address", "phone"]) == "姓名相近，电话、地址相同"
    assert reasons_text(["name_address", "phone", "wechat"]) == "同名，电话、地址、微信号相同"
    assert reasons_text(["wechat", "phone"]) == "电话、微信号相同"
    assert reasons_text(["phone"]) == "电话相同"
