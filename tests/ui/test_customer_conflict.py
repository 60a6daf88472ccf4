"""The editor when someone else saved the customer meanwhile (issue 20): 此客户已被 X 修改 —
重新载入 or 合并; and the same check against a concurrent sellerdesk-cli run on the local file."""

from __future__ import annotations

import pytest

from sellerdesk.store import customers
from sellerdesk.store.errors import ConflictError
from sellerdesk.store.models import Customer
from sellerdesk.ui.customers.conflict import MERGE, RELOAD, ConflictDialog, changed_by_text
from sellerdesk.ui.customers.editor import CustomerEditor


@pytest.fixture
def editor(qtbot, store):
    customer = customers.create_customer(
        {"name": "张三", "phone": "13812345678", "notes": "原来的备注"},
        [{"province": "广东省", "city": "深圳市", "district": "南山区", "detail": "科技园1号"}],
    )
    widget = CustomerEditor()
    qtbot.addWidget(widget)
    widget.load(customer.id)
    return widget


def _choose(choice):
    def handler(dialog: ConflictDialog) -> None:
        dialog.buttons[choice].click()

    return handler


def test_a_save_after_someone_elses_is_refused_and_asks(editor, modals):
    customers.save_customer(editor.customer_id, {"notes": "别人的备注", "wechat": "zs_wx"})  # meanwhile
    editor.notes.setPlainText("我的备注")
    assert editor.save() is None
    [dialog] = modals.of(ConflictDialog)
    assert "another program" in dialog.label.text()
    assert "Notes" in dialog.detail.text()  # both changed the notes
    assert "别人的备注" in dialog.detail.text()
    # cancelled: nothing written, the edit still in the form
    assert Customer.get_by_id(editor.customer_id).notes == "别人的备注"
    assert editor.notes.toPlainText() == "我的备注" and editor.dirty


def test_reload_drops_my_edits_after_asking(editor, modals):
    customers.save_customer(editor.customer_id, {"wechat": "zs_wx"})
    editor.notes.setPlainText("我的备注")
    modals.on(ConflictDialog, _choose(RELOAD))
    modals.confirm = False
    editor.save()
    assert editor.notes.toPlainText() == "我的备注"  # "No": kept
    modals.confirm = True
    editor.save()
    assert editor.notes.toPlainText() == "原来的备注" and editor.wechat.text() == "zs_wx"
    assert not editor.dirty


def test_merge_keeps_my_fields_on_top_of_theirs_and_saves_against_their_version(editor, modals):
    address_id = customers.live_addresses(editor.customer_id)[0].id
    customers.save_customer(editor.customer_id, {"wechat": "zs_wx", "notes": "别人的备注"})
    customers.update_address(address_id, {"detail": "科技园2号"})
    editor.name.setText("张三丰")
    editor.notes.setPlainText("我的备注")
    editor.add_address()
    editor.detail.setText("朝阳路8号")
    editor.province.setCurrentText("北京市")
    modals.on(ConflictDialog, _choose(MERGE))
    assert editor.save() is None
    [dialog] = modals.of(ConflictDialog)
    assert "Notes" in dialog.detail.text() and "Name" in dialog.detail.text()
    # the form: theirs (WeChat ID, the street they changed) with mine on top (name, notes, new address)
    assert editor.name.text() == "张三丰" and editor.notes.toPlainText() == "我的备注"
    assert editor.wechat.text() == "zs_wx"
    assert "Both changed: Notes" in editor.status.text()
    assert "Their Notes: 别人的备注" in editor.status.text()  # theirs, for the user to weigh
    assert editor.dirty
    saved = editor.save()
    assert saved == editor.customer_id
    stored = Customer.get_by_id(saved)
    assert (stored.name, stored.notes, stored.wechat) == ("张三丰", "我的备注", "zs_wx")
    details = sorted(a.detail for a in customers.live_addresses(saved))
    assert set(details) == {"科技园2号", "朝阳路8号"}


def test_the_question_names_who_and_when(qtbot, chinese):
    import datetime as dt

    exc = ConflictError(entity="customer", entity_id=1, by="wangfang", at=dt.datetime(2026, 12, 4, 7, 2), version=3)
    dialog = ConflictDialog(exc, ["备注"], ["备注"])
    qtbot.addWidget(dialog)
    assert "此客户已被 wangfang 修改" in dialog.label.text()
    assert changed_by_text(ConflictError(entity="customer", entity_id=1)).startswith("此客户已被")


def test_the_question_gives_no_stale_time_and_the_year_of_another_year(chinese):
    """QA: 此客户已被 boss 修改（03-02 14:04） named the customer's old updated_at, which the other
    write had not moved, and no year. A time before the form read the customer is not said; a
    time of another year says its year."""
    import datetime as dt

    from sellerdesk.store.models import utcnow

    read_at = utcnow()
    stale = ConflictError(entity="customer", entity_id=1, by="boss", at=dt.datetime(2026, 3, 2, 6, 4), version=3)
    assert changed_by_text(stale, not_before=read_at) == "此客户已被 boss 修改。"
    fresh = ConflictError(entity="customer", entity_id=1, by="boss", at=read_at + dt.timedelta(seconds=5))
    assert "（" in changed_by_text(fresh, not_before=read_at)
    old = ConflictError(entity="customer", entity_id=1, by="boss", at=dt.datetime(2019, 3, 2, 6, 4))
    assert "2019-03-02" in changed_by_text(old)


def test_an_address_write_elsewhere_is_not_dated_by_the_customers_old_time(editor, modals):
    """The other write changed only the version (an address's trigger): the question names no time."""
    import datetime as dt

    from sellerdesk.store.models import DB

    saved = customers.save_customer(None, {"name": "张三"})
    Customer.update(updated_at=dt.datetime(2026, 3, 2, 6, 4)).where(Customer.id == saved.id).execute()
    editor.load(saved.id)
    DB.execute_sql('UPDATE "customer" SET "notes" = ? WHERE "id" = ?', ("别处写的", saved.id))  # updated_at kept
    editor.notes.setPlainText("我的")
    assert editor.save() is None
    [dialog] = modals.of(ConflictDialog)
    text = dialog.label.text()
    assert "changed by another program" in text and "03-02" not in text and "(" not in text, text


def test_a_concurrent_cli_run_on_the_local_file_is_caught(editor, modals, cli, tmp_path, data_dir):
    """The app holds the customer in its editor; sellerdesk-cli (another process) imports a sheet
    that updates them; the app's save is refused instead of overwriting it."""
    sheet = tmp_path / "update.csv"
    sheet.write_text("姓名,手机,备注\n张三,13812345678,表格里的备注\n", encoding="utf-8")
    cli.process("import", str(sheet), "--on-duplicate", "update", env={"SELLERDESK_PASSPHRASE": data_dir.code})
    theirs = Customer.get_by_id(editor.customer_id).notes
    assert "表格里的备注" in theirs
    editor.notes.setPlainText("我的备注")
    assert editor.save() is None
    assert modals.of(ConflictDialog)
    assert Customer.get_by_id(editor.customer_id).notes == theirs
