"""Smart paste in the editor (QA2 H2, H3, M10): a customer's remarks go to Notes, never into
the street address; a region that contradicts itself and a non-mainland phone are said."""

from __future__ import annotations

import pytest

from sellerdesk.store import customers
from sellerdesk.ui.customers.editor import CustomerEditor


@pytest.fixture
def editor(qtbot, store):
    widget = CustomerEditor()
    qtbot.addWidget(widget)
    widget.new_customer()
    return widget


def _paste(editor: CustomerEditor, text: str) -> None:
    editor.paste_edit.setPlainText(text)
    editor.apply_paste()


def test_a_remark_goes_to_notes_and_the_detail_stays_clean(editor):
    _paste(editor, "韩梅梅 13700001234 河北省石家庄市长安区中山东路1号 备注：不要放门口")
    assert editor.detail.text() == "中山东路1号"
    assert editor.notes.toPlainText() == "不要放门口"
    assert "added to Notes" in editor.paste_note.text() and "不要放门口" in editor.paste_note.text()
    customer_id = editor.save()
    assert customer_id is not None
    assert customers.get_customer(customer_id).notes == "不要放门口"
    assert customers.live_addresses(customer_id)[0].detail == "中山东路1号"


def test_undo_paste_takes_the_remark_back_out_of_notes(editor):
    editor.notes.setPlainText("老客户")
    _paste(editor, "韩梅梅 13700001234 河北省石家庄市长安区中山东路1号 放门口就行")
    assert editor.notes.toPlainText() == "老客户\n放门口就行"
    editor.undo_paste()
    assert editor.notes.toPlainText() == "老客户"


def test_a_contradicting_region_is_warned_about_and_highlighted(editor):
    _paste(editor, "钱七 13600004444 广东省杭州市西湖区文三路1号")
    assert "do not belong together" in editor.paste_note.text()
    assert "广东省 ≠ 浙江省杭州市西湖区" in editor.paste_note.text()
    assert editor.province.styleSheet() != ""  # highlighted: not sure


def test_a_hong_kong_number_fills_the_phone_not_the_street(editor):
    _paste(editor, "香港九龍尖沙咀彌敦道100號 陳大文 +852 91234567")
    assert editor.phone.text() == "+852 91234567"
    assert editor.detail.text() == "尖沙咀彌敦道100號"
    assert "outside the mainland" in editor.paste_note.text()


def test_the_paste_note_lists_each_piece_under_its_own_heading(editor):
    """A remark under "added to Notes", the order talk under "left out": the order talk's heading
    ended the note and every piece taken out was listed under it, the remarks too."""
    _paste(editor, "陈晓雨 13800001111 广东省深圳市南山区科苑路15号\n周六18:00前送到\n我要两盒面膜")
    lines = editor.paste_note.text().splitlines()
    remark_head = next(i for i, line in enumerate(lines) if "added to Notes" in line)
    goods_head = next(i for i, line in enumerate(lines) if "left out of the address" in line)
    assert lines[remark_head + 1] == "· 周六18:00前送到"
    assert lines[goods_head + 1] == "· 我要两盒面膜"
    assert sum("周六18:00前送到" in line for line in lines) == 1
