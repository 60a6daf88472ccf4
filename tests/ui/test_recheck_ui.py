"""今日待办, 待核对 (list, walk-through), the cycle settings, the message templates, and each
address's freshness in the editor (issue 18)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from sellerdesk.core import clock
from sellerdesk.store import customers, orders, recheck, tiers
from sellerdesk.store import messages as store_messages
from sellerdesk.store.models import DB, AuditEntry

TODAY = clock.today()


def customer(name, detail, *, age_days=400, phone="13812345678"):
    saved = customers.save_customer(
        None,
        {"name": name, "phone": phone},
        [
            customers.AddressEdit(
                {
                    "recipient": name,
                    "phone": phone,
                    "province": "广东省",
                    "city": "深圳市",
                    "district": "南山区",
                    "detail": detail,
                },
                is_default=True,
            )
        ],
    )
    address = customers.live_addresses(saved.id)[0]
    stamp = f"{(TODAY - dt.timedelta(days=age_days)).isoformat()} 08:00:00"
    DB.obj.execute_sql(
        'UPDATE "address" SET "created_at" = ?, "updated_at" = ? WHERE "id" = ?', (stamp, stamp, address.id)
    )
    return saved.id, address.id


@pytest.fixture
def data(store):
    """Three customers due (钻石 王五 first), one fresh, and two orders to ship."""
    ids = {
        "张三": customer("张三", "科技园1号"),
        "李四": customer("李四", "科技园2号", phone="13900001111"),
        "王五": customer("王五", "科技园3号", phone="13700002222"),
        "赵六": customer("赵六", "科技园4号", age_days=5, phone="13600003333"),
    }
    tiers.set_manual_tier(ids["王五"][0], "钻石")
    orders.add_order(ids["李四"][0], amount_fen=30_000, order_date=TODAY - dt.timedelta(days=300), status="cancelled")
    orders.add_order(ids["张三"][0], amount_fen=100)
    orders.add_order(ids["赵六"][0], amount_fen=100)
    return ids


@pytest.fixture
def window(data, laptop_window, qtbot):
    qtbot.waitExposed(laptop_window)
    return laptop_window


def test_today_counts_each_section_and_clicks_through(window, qtbot):
    window.show_today()
    page = window.today_page
    assert window.pages.currentWidget() is page and window.today_page_action.isChecked()
    assert page.cards["to_ship"].count == 2 and page.cards["recheck"].count == 3
    assert page.cards["recheck"].count_label.text() == "3"
    assert "3" in window.summary.text()

    qtbot.mouseClick(page.cards["to_ship"], Qt.MouseButton.LeftButton)
    assert window.orders_page_shown()
    assert window.orders_view.tabs.tabData(window.orders_view.tabs.currentIndex()) == "pending"

    window.show_today()
    qtbot.mouseClick(page.cards["recheck"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.recheck_view
    assert [d.name for d in window.recheck_view.model.rows] == ["王五", "张三", "李四"]


def test_today_shows_the_care_counts_and_opens_the_care_page(window, qtbot):

    from sellerdesk.store import customers, followups

    today = clock.today()
    fan = customers.create_customer(
        {"name": "寿星", "birthday": today.replace(year=1992).isoformat(), "marketing_consent": True}
    ).id
    customers.create_customer({"name": "不同意", "birthday": today.replace(year=1988).isoformat()})
    followups.add_follow_up(fan, "问面膜用得怎么样", next_date=today)
    followups.add_follow_up(fan, "盖子裂了", feedback=True)
    window.context.customers_changed.emit()
    window.show_today()
    cards = window.today_page.cards
    assert cards["birthdays"].count == 1  # consenting customers only
    assert cards["follow_ups"].count == 1 and cards["feedback"].count == 1
    qtbot.mouseClick(cards["birthdays"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.care_view and window.care_page_action.isChecked()
    assert window.care_view.tabs.currentWidget() is window.care_view.birthdays
    window.show_today()
    qtbot.mouseClick(cards["follow_ups"], Qt.MouseButton.LeftButton)
    assert window.care_view.tabs.currentWidget() is window.care_view.follow_ups


def test_the_list_is_most_valuable_first(window):
    window.show_recheck()
    # 王五 is 钻石; 张三's pending ¥1 counts, 李四's only order was cancelled
    assert [d.name for d in window.recheck_view.model.rows] == ["王五", "张三", "李四"]


def test_a_count_is_read_again_after_a_change(window):
    window.show_today()
    assert window.today_page.cards["recheck"].count == 3
    _cid, aid = recheck.due_addresses()[0].customer_id, recheck.due_addresses()[0].address_id
    recheck.mark_verified(aid)
    window.context.customers_changed.emit()
    assert window.today_page.cards["recheck"].count == 2


def test_mark_verified_and_copy_message(window, data):
    window.show_recheck()
    view = window.recheck_view
    view.table.selectRow(1)  # 张三
    view.copy_selected()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("张三您好") and "地址：张三 13812345678 广东省深圳市南山区科技园1号。" in text
    view.verify_selected()
    assert [d.name for d in view.model.rows] == ["王五", "李四"]
    assert customers.live_addresses(data["张三"][0])[0].verified_at is not None
    assert AuditEntry.select().where(AuditEntry.action == "verify_address").count() == 1
    assert recheck.count_due() == 2


def test_walk_through_one_customer_at_a_time(window, data, qtbot):
    window.show_recheck()
    view = window.recheck_view
    qtbot.mouseClick(view.walk_button, Qt.MouseButton.LeftButton)
    walk = view.walk
    assert view.stack.currentWidget() is walk
    assert walk.position.text() == "1 of 3" and walk.who.text().startswith("王五")
    assert "科技园3号" in QGuiApplication.clipboard().text()  # the message, copied as the customer comes up
    assert "科技园3号" in walk.message.toPlainText()

    qtbot.mouseClick(walk.verified_button, Qt.MouseButton.LeftButton)  # 已核对 → the next
    assert customers.live_addresses(data["王五"][0])[0].verified_at is not None
    assert walk.who.text().startswith("张三") and walk.position.text() == "1 of 2"
    assert window.summary.text() == "Addresses to re-check: 2"
    assert "科技园1号" in QGuiApplication.clipboard().text()

    qtbot.mouseClick(walk.edit_button, Qt.MouseButton.LeftButton)  # 修改地址: the editor, at that address
    assert window.customers_page_shown() and window.editor.customer_id == data["张三"][0]
    assert window.editor.detail.text() == "科技园1号"
    window.editor.detail.end(False)
    qtbot.keyClicks(window.editor.detail, "B")
    assert window.editor.save() == data["张三"][0]
    assert customers.live_addresses(data["张三"][0])[0].detail == "科技园1号B"
    assert recheck.count_due() == 1  # the edit confirmed it

    window.show_recheck()  # back: the walk goes on with the next one
    assert view.stack.currentWidget() is walk and walk.who.text().startswith("李四")
    assert "科技园2号" in QGuiApplication.clipboard().text()
    qtbot.mouseClick(walk.skip_button, Qt.MouseButton.LeftButton)
    assert walk.done.isVisible() and not walk.verified_button.isEnabled()
    qtbot.mouseClick(walk.stop_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.table
    assert [d.name for d in view.model.rows] == ["李四"]  # read again after the walk


def test_walk_in_chinese(data, chinese, laptop_window, qtbot):
    window = laptop_window
    window.show_recheck()
    window.recheck_view.start_walk()
    walk = window.recheck_view.walk
    assert walk.position.text() == "第 1 / 3 位"
    assert walk.verified_button.text() == "已核对，下一位"
    assert window.recheck_page_action.text() == "核对" and window.today_page_action.text() == "今日"


def test_cycle_settings_move_the_due_list(window, modals, data):
    from sellerdesk.ui.recheck.cycle_settings import CycleSettingsDialog

    def fill(dialog):
        assert dialog.spins["diamond"].value() == 1 and dialog.spins["normal"].value() == 6
        dialog.spins["normal"].setValue(24)
        dialog.accept()

    modals.on(CycleSettingsDialog, fill)
    window.show_recheck()
    window.edit_recheck_cycles()
    assert recheck.cycles()["normal"] == 24
    assert [d.name for d in window.recheck_view.model.rows] == ["王五"]


def test_message_templates_dialog(store, qtbot, modals):
    from sellerdesk.ui.messages.template_dialog import TemplateDialog, edit_templates

    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    dialog.select_kind("recheck")
    assert "{address}" in dialog.editor.toPlainText()
    assert "张三 13812345678 广东省深圳市南山区" in dialog.preview.text()
    assert not dialog.reset_button.isEnabled()
    dialog.editor.setPlainText("{name}，地址是 ")
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    qtbot.mouseClick(dialog.placeholder_buttons["address"], Qt.MouseButton.LeftButton)
    assert dialog.editor.toPlainText() == "{name}，地址是 {address}"
    assert dialog.preview.text().startswith("张三，地址是 张三 13812345678")
    assert dialog.reset_button.isEnabled() and dialog.kinds.item(1).text().endswith("*")
    dialog.editor.setPlainText("{name} {地址} {adress}")
    assert dialog.warning.isVisibleTo(dialog) and "{adress}" in dialog.warning.text()
    dialog.reset_button.click()
    assert dialog.editor.toPlainText() == store_messages.messages.default_templates()["recheck"]
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.select_kind("shipped")
    dialog.editor.setPlainText("{name}，已发{courier} {tracking}")
    dialog.accept()
    assert dialog.saved
    assert store_messages.template("shipped") == "{name}，已发{courier} {tracking}"
    assert store_messages.template("recheck") == store_messages.messages.default_templates()["recheck"]

    def refuse(d):
        d.editor.setPlainText("x" * 2001)
        d.accept()  # refused: too long, the dialog stays
        assert "2000" in d.error.text() and not d.saved

    modals.on(TemplateDialog, refuse)
    assert edit_templates(None, "birthday") is False
    assert store_messages.template("birthday") == store_messages.messages.default_templates()["birthday"]


def test_the_editor_shows_how_fresh_each_address_is(window, data):
    cid, aid = data["张三"]
    orders.add_order(cid, amount_fen=100, order_date=TODAY - dt.timedelta(days=250), status="shipped", address_id=aid)
    window.on_customers_changed()
    window.select_customer(cid)
    editor = window.editor
    text = editor.verified_label.text()
    assert "Last shipped " + (TODAY - dt.timedelta(days=250)).isoformat() in text
    assert "Due for a re-check" in text
    assert editor.address_list.item(0).text().endswith(" · re-check due")  # (the list says so too)
    editor.mark_verified()
    text = editor.verified_label.text()
    assert "Verified on" in text and "Due for a re-check" not in text and "Next re-check" in text
    assert not editor.address_list.item(0).text().endswith(" · re-check due")


def test_masking_mode_masks_the_screen_not_the_copied_message(window):
    window.show_recheck()
    view = window.recheck_view
    view.start_walk()
    window.mask_action.trigger()
    assert "137****2222" in view.walk.address.text() and "13700002222" not in view.walk.message.toPlainText()
    assert view.model.data(view.model.index(0, 3)) == "王五 137****2222 广东省深圳市南山区科技园3号"
    view.walk_copy()
    assert "13700002222" in QGuiApplication.clipboard().text()


def test_the_start_page_is_today_and_the_customer_counts_still_come(data, app_context, qtbot, modals, sync_jobs):
    from sellerdesk.ui.main_window import MainWindow

    win = MainWindow(app_context)
    win.reminded = True
    qtbot.addWidget(win)
    win.show_start_page()
    win.resize(1366, 738)
    win.show()
    qtbot.waitExposed(win)
    assert win.pages.currentWidget() is win.today_page
    qtbot.waitUntil(lambda: win.counts_ready)  # the region tree's counts, without the table painted
    assert win.today_page.cards["recheck"].count == 3
    win.close()


def test_a_section_that_fails_to_count_does_not_hide_the_others(store, qtbot, sync_jobs):
    """The registry is open to other features: one broken count shows —, the rest their numbers."""
    from sellerdesk.ui.today.page import TodayPage
    from sellerdesk.ui.today.sections import SECTIONS, TodaySection

    opened = []

    def broken(_db):
        raise RuntimeError("no such table: follow_up")

    extra = TodaySection("followups", lambda: "Follow-ups due", lambda: "hint", broken, opened.append)
    page = TodayPage(sections=[*SECTIONS, extra])
    qtbot.addWidget(page)
    page.refresh()
    assert page.cards["followups"].count_label.text() == "—"
    assert page.cards["recheck"].count == 0 and page.cards["to_ship"].count == 0
    assert page.status.text() == "Nothing needs doing today."
    page.open_section.connect(lambda key: page.section(key).open("window"))
    qtbot.mouseClick(page.cards["followups"], Qt.MouseButton.LeftButton)
    assert opened == ["window"]


def test_mark_verified_can_be_undone_from_the_list(window, data):
    window.show_recheck()
    view = window.recheck_view
    view.table.selectAll()
    view.verify_selected()
    assert view.model.rows == [] and recheck.count_due() == 0
    assert view.undo_note.isVisible() and "3" in view.undo_note.text()
    view.undo_note.linkActivated.emit("undo")
    assert recheck.count_due() == 3 and not view.undo_note.isVisible()
    assert [d.name for d in view.model.rows] == ["王五", "张三", "李四"]  # read again
    assert AuditEntry.select().where(AuditEntry.action == "unverify_address").count() == 3


def test_mark_verified_can_be_undone_in_the_walk(window, data, qtbot):
    window.show_recheck()
    view = window.recheck_view
    qtbot.mouseClick(view.walk_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.walk.verified_button, Qt.MouseButton.LeftButton)
    assert view.walk.who.text().startswith("张三") and recheck.count_due() == 2
    assert "王五" in view.undo_note.text()
    view.undo_note.undo()
    assert recheck.count_due() == 3 and customers.live_addresses(data["王五"][0])[0].verified_at is None
    assert view.walk.who.text().startswith("王五") and view.walk.position.text() == "1 of 3"


def test_message_templates_dialog_keeps_its_width_with_a_very_long_word(store, qtbot):
    from PySide6.QtWidgets import QApplication

    from sellerdesk.ui.messages.template_dialog import TemplateDialog

    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    width = dialog.width()
    dialog.editor.setPlainText("{name} " + "x" * 2500 + " {" + "y" * 2500 + "}")
    QApplication.processEvents()
    assert dialog.width() == width and dialog.minimumSizeHint().width() < 1000
    assert dialog.preview.text().startswith("张三 xxxx") and len(dialog.preview.text()) > 2500
    assert "{" + "y" * 40 + "…}" in dialog.warning.text() and len(dialog.warning.text()) < 200
