"""The 客户关怀 pieces in the GUI: the editor's birthday (solar/lunar) and consent fields, the
回访 tab and its dialog, the birthdays / holidays / 待回访 page, and the messages they copy."""

import datetime as dt

import pytest
from PySide6.QtGui import QGuiApplication

from sellerdesk.core import clock, lunar
from sellerdesk.core.lunar import LunarDay
from sellerdesk.store import customers, followups
from sellerdesk.store.models import Customer, FollowUp
from sellerdesk.ui.care.followup_dialog import FollowUpDialog
from sellerdesk.ui.care.view import CareView

TODAY = clock.today()


def _open(window, cid, tab="details"):
    window.on_customers_changed()
    window.select_customer(cid)
    editor = window.editor
    editor.tabs.setCurrentWidget(getattr(editor, tab))
    return editor


def test_editor_saves_a_lunar_birthday_with_a_leap_month(laptop_window):
    cid = customers.create_customer({"name": "张三", "phone": "13812345678"}).id
    editor = _open(laptop_window, cid)
    field = editor.birthday
    assert field.kind.currentIndex() == field.NONE and not field.month.isVisible()
    field.kind.setCurrentIndex(field.LUNAR)
    assert field.month.isVisible() and not field.solar.isVisible()
    field.month.setCurrentIndex(3)
    field.day.setCurrentIndex(7)
    field.leap.setChecked(True)
    assert field.text() == "lunar leap 4/8" and editor.dirty
    assert field.note.text().startswith("next: ")
    assert editor.save() == cid
    assert Customer.get_by_id(cid).birthday_lunar == LunarDay(4, 8, True).code
    editor.load(cid)
    assert editor.birthday.lunar_day() == LunarDay(4, 8, True)


def test_editor_solar_birthday_and_consent(laptop_window):
    cid = customers.create_customer({"name": "李四"}).id
    editor = _open(laptop_window, cid)
    editor.birthday.kind.setCurrentIndex(editor.birthday.SOLAR)
    editor.birthday.solar.setDate(dt.date(1990, 3, 5))
    assert not editor.consent.date.isEnabled()
    editor.consent.given.setChecked(True)
    editor.consent.way.setCurrentIndex(editor.consent.way.findData("paper"))
    assert editor.save() == cid
    row = Customer.get_by_id(cid)
    assert row.birthday == dt.date(1990, 3, 5) and row.birthday_lunar is None
    assert row.marketing_consent and row.consent_date == TODAY and row.consent_via == "paper"
    editor.load(cid)
    assert editor.consent.given.isChecked() and editor.consent.way.currentData() == "paper"
    editor.consent.given.setChecked(False)
    editor.save()
    assert not Customer.get_by_id(cid).marketing_consent


def test_editor_fields_are_chinese(chinese, laptop_window):
    cid = customers.create_customer({"name": "王五", "birthday_lunar": "农历八月十五"}).id
    editor = _open(laptop_window, cid)
    assert editor.birthday.text() == "农历八月十五"
    assert editor.birthday.kind.currentText() == "农历" and editor.birthday.month.currentText() == "八月"
    assert editor.consent.given.text() == "已同意"


def test_follow_up_tab_add_solve_delete_and_undo(laptop_window, modals):
    cid = customers.create_customer({"name": "张三"}).id
    editor = _open(laptop_window, cid, "followups_tab")
    tab = editor.followups_tab
    assert tab.empty.isVisible() and not tab.edit_button.isEnabled()

    def answer(dialog):
        dialog.note.setPlainText("快递太慢")
        dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
        dialog.accept()

    modals.on(FollowUpDialog, answer)
    tab.add(feedback=True)
    (row,) = followups.for_customer(cid)
    assert row.kind == "feedback" and row.status == "open" and row.channel == "phone"
    assert tab.list.topLevelItemCount() == 1 and tab.list.topLevelItem(0).text(1) == "Feedback (Open)".replace(
        " (", "（"
    ).replace(")", "）")
    assert tab.solve_button.isEnabled()
    tab.toggle_solved()
    assert FollowUp.get_by_id(row.id).status == "solved" and tab.solve_button.text() == "Open again"
    tab.delete()
    assert followups.for_customer(cid) == [] and tab.undo_note.isVisible()
    tab.undo_delete()
    assert [f.id for f in followups.for_customer(cid)] == [row.id]


def test_follow_up_dialog_refuses_an_empty_note_in_one_line(store, qtbot):
    cid = customers.create_customer({"name": "张三"}).id
    dialog = FollowUpDialog(cid, "张三")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error.text() == "Write what was said." and FollowUp.select().count() == 0
    dialog.note.setPlainText("回访")
    dialog.has_next.setChecked(True)
    dialog.next_date.setDate(TODAY + dt.timedelta(days=3))
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.next_date == TODAY + dt.timedelta(days=3)


@pytest.fixture
def care_view(store, qtbot, modals):
    view = CareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    return view


def test_birthdays_page_lists_consenting_customers_and_copies_the_greeting(care_view):
    _year, born = lunar.lunar_of(TODAY)
    yes = customers.create_customer({"name": "丁", "birthday_lunar": born.code, "marketing_consent": True}).id
    customers.create_customer({"name": "乙", "birthday": TODAY.replace(year=1990), "marketing_consent": False})
    care_view.show()
    care_view.span.setCurrentIndex(0)  # today
    table = care_view.birthdays.table
    assert table.rowCount() == 1 and table.item(0, 2).text() == "丁"
    assert "1 birthday" in care_view.birthdays.count.text()
    care_view.copy_birthday()
    assert QGuiApplication.clipboard().text().startswith("丁，生日快乐")
    opened = []
    care_view.open_customer.connect(opened.append)
    care_view._open(care_view.birthdays)
    assert opened == [yes]


def test_holidays_page_by_tier(care_view):
    customers.create_customer({"name": "金", "tier": "gold", "marketing_consent": True})
    customers.create_customer({"name": "普", "tier": "normal", "marketing_consent": True})
    customers.create_customer({"name": "不", "tier": "gold"})
    care_view.show()
    care_view.tabs.setCurrentWidget(care_view.holidays_page)
    assert care_view.holiday.count() >= 15
    assert care_view.holidays_page.table.rowCount() == 2
    care_view.tier.setCurrentIndex(care_view.tier.findData("gold"))
    assert [care_view.holidays_page.table.item(r, 0).text() for r in range(1)] == ["金"]
    care_view.copy_holiday()
    assert QGuiApplication.clipboard().text().startswith("金您好，") and "快乐" in QGuiApplication.clipboard().text()
    assert (
        "{holiday}" not in QGuiApplication.clipboard().text() and "您好，快乐" not in QGuiApplication.clipboard().text()
    )


def test_follow_ups_due_page_done_and_record(care_view, modals):
    cid = customers.create_customer({"name": "张三"}).id
    due = followups.add_follow_up(
        cid, "问用得怎么样", next_date=TODAY - dt.timedelta(days=1), on_date=TODAY - dt.timedelta(days=9)
    )
    followups.add_follow_up(cid, "盖子裂了", feedback=True, on_date=TODAY - dt.timedelta(days=3))
    care_view.show()
    care_view.tabs.setCurrentWidget(care_view.follow_ups)
    table = care_view.follow_ups.table
    assert table.rowCount() == 2 and care_view.follow_ups.count.text() == "1 follow-up(s) due, 1 open feedback."
    table.selectRow(1)
    assert care_view.done_button.text() == "Solved"
    care_view.mark_done()
    assert followups.open_feedback_count() == 0 and table.rowCount() == 1
    table.selectRow(0)

    def answer(dialog):
        dialog.note.setPlainText("说很好用")
        dialog.accept()

    modals.on(FollowUpDialog, answer)
    care_view.record_follow_up()
    assert FollowUp.get_by_id(due.id).next_done_at is not None
    assert table.rowCount() == 0 and care_view.follow_ups.empty.isVisible()


def test_care_page_in_the_window(laptop_window):
    laptop_window.show_care()
    assert laptop_window.pages.currentWidget() is laptop_window.care_view
    laptop_window.show_customers()
    assert laptop_window.pages.currentWidget() is laptop_window.splitter


def test_at_1366_the_birthday_and_consent_rows_fit_the_pane(chinese, laptop_window):
    cid = customers.create_customer(
        {"name": "白波强", "birthday_lunar": "农历闰四月廿九", "marketing_consent": True, "consent_via": "verbal"}
    ).id
    editor = _open(laptop_window, cid)
    body = editor.details.widget()
    assert body.minimumSizeHint().width() <= editor.details.viewport().width()
    assert editor.birthday.leap.isVisible() and editor.consent.way.currentText() == "口头"


def test_the_window_opens_a_care_tab_for_the_today_page(laptop_window):
    cid = customers.create_customer({"name": "张三", "birthday": TODAY, "marketing_consent": True}).id
    laptop_window.show_care("birthdays", "today")
    view = laptop_window.care_view
    assert view.tabs.currentWidget() is view.birthdays and view.span.currentData() == "today"
    assert view.birthdays.table.rowCount() == 1
    followups.add_follow_up(cid, "x", next_date=TODAY)
    laptop_window.show_care("follow_ups")
    assert view.tabs.currentWidget() is view.follow_ups and view.follow_ups.table.rowCount() == 1


def test_a_follow_up_written_on_one_page_shows_on_the_others(laptop_window, modals):
    window = laptop_window
    cid = customers.create_customer({"name": "张三"}).id
    feedback = followups.add_follow_up(cid, "盖子裂了", feedback=True)
    editor = _open(window, cid, "followups_tab")
    assert editor.followups_tab.list.topLevelItemCount() == 1
    window.show_today()
    assert window.today_page.cards["feedback"].count == 1
    # solved on 关怀's 待回访 list: the open customer's 回访 tab and the Today count follow
    window.show_care("follow_ups")
    window.care_view.follow_ups.table.selectRow(0)
    window.care_view.mark_done()
    assert FollowUp.get_by_id(feedback.id).status == "solved"
    assert "Open" not in editor.followups_tab.list.topLevelItem(0).text(1)  # (read again: no longer open)
    window.show_today()
    assert window.today_page.cards["feedback"].count == 0
    # and one added in the 回访 tab is counted on 今日待办

    def answer(dialog):
        dialog.note.setPlainText("快递慢")
        dialog.accept()

    modals.on(FollowUpDialog, answer)
    window.show_customers()
    editor.followups_tab.add(feedback=True)
    window.show_today()
    assert window.today_page.cards["feedback"].count == 1


def test_masking_mode_masks_the_care_lists(laptop_window):
    window = laptop_window
    today = clock.today()
    customers.create_customer(
        {
            "name": "寿星",
            "phone": "13812345678",
            "birthday": today.replace(year=1992).isoformat(),
            "marketing_consent": True,
        }
    )
    window.show_care("birthdays", "today")
    table = window.care_view.birthdays.table

    def phones():
        return [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]

    assert "13812345678" in phones()
    window.mask_action.trigger()
    assert "138****5678" in phones() and "13812345678" not in phones()
    window.mask_action.trigger()
    assert "13812345678" in phones()


def test_follow_up_done_and_feedback_solved_can_be_undone(care_view):
    cid = customers.create_customer({"name": "张三"}).id
    due = followups.add_follow_up(
        cid, "问用得怎么样", next_date=TODAY - dt.timedelta(days=1), on_date=TODAY - dt.timedelta(days=9)
    )
    feedback = followups.add_follow_up(cid, "盖子裂了", feedback=True, on_date=TODAY - dt.timedelta(days=3))
    care_view.show()
    care_view.tabs.setCurrentWidget(care_view.follow_ups)
    table = care_view.follow_ups.table
    changed = []
    care_view.follow_ups_changed.connect(changed.append)
    table.selectRow(0)
    assert care_view.done_button.text() == "Done"
    care_view.mark_done()  # 已回访
    assert FollowUp.get_by_id(due.id).next_done_at is not None and table.rowCount() == 1
    note = care_view.followup_undo
    assert note.isVisible() and "张三" in note.text() and 'href="undo"' in note.text()
    note.linkActivated.emit("undo")  # 撤销
    assert FollowUp.get_by_id(due.id).next_done_at is None and table.rowCount() == 2
    assert not note.isVisible() and changed == [cid, cid]
    table.selectRow(1)
    care_view.mark_done()  # 已解决
    assert followups.open_feedback_count() == 0
    note.undo()
    assert followups.open_feedback_count() == 1 and FollowUp.get_by_id(feedback.id).status == "open"
    note.undo()  # once only
    assert followups.open_feedback_count() == 1


def test_choosing_solar_leaves_the_date_empty_until_one_is_picked(laptop_window):
    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QApplication

    old = customers.create_customer({"name": "赵六", "birthday": dt.date(1985, 6, 1)}).id
    cid = customers.create_customer({"name": "李四"}).id
    editor = _open(laptop_window, old)
    assert editor.birthday.text() == "1985-06-01"
    editor = _open(laptop_window, cid)  # the previous customer's date is not left in the field
    field = editor.birthday
    field.kind.setCurrentIndex(field.SOLAR)
    assert field.solar.isVisible() and field.solar.text() == "Choose a date"
    assert field.text() == "" and field.values() == {"birthday": None, "birthday_lunar": None}
    assert field.note.text() == ""
    editor.save()
    assert Customer.get_by_id(cid).birthday is None  # nothing was chosen: no 1990-01-01
    field.kind.setCurrentIndex(field.SOLAR)  # (saved without a birthday: the field reads 无 again)
    calendar = field.solar.calendarWidget()
    calendar.setCurrentPage(1899, 12)  # (where the popup puts it: the "no date" value)
    QApplication.sendEvent(calendar, QShowEvent())  # the popup shows: near the years people are born in
    assert (calendar.yearShown(), calendar.monthShown()) == (1990, 1)
    field.solar.setDate(dt.date(1992, 7, 8))
    editor.save()
    assert Customer.get_by_id(cid).birthday == dt.date(1992, 7, 8)


def test_a_solar_birthday_beside_a_lunar_one_is_shown_and_kept(laptop_window):
    cid = customers.create_customer(
        {"name": "王五", "birthday": dt.date(1988, 9, 1), "birthday_lunar": "农历八月十五"}
    ).id
    editor = _open(laptop_window, cid)
    field = editor.birthday
    assert field.kind.currentIndex() == field.LUNAR
    assert field.other.isVisible() and "1988-09-01" in field.other.text() and "lunar" in field.other.text()
    editor.consent.given.setChecked(True)
    editor.save()
    row = Customer.get_by_id(cid)
    assert row.birthday == dt.date(1988, 9, 1) and row.birthday_lunar == LunarDay(8, 15).code
    field.kind.setCurrentIndex(field.SOLAR)  # the seller switches: the stored solar date is there
    assert not field.other.isVisible() and field.text() == "1988-09-01"
