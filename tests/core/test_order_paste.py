"""core.order_paste: what a pasted order message carries besides the address."""

import pytest

from sellerdesk.core.address import parse
from sellerdesk.core.order_paste import OrderPaste, split


def test_a_full_message_splits_into_its_parts():
    text = (
        "收货人：李四\n电话：13912345678\n地址：浙江省杭州市西湖区文三路100号\n"
        "微信号 lisi2020\n面膜 x2 @39.9, 护手霜 @25\n实付：104.8元\n订单号: WD20240501001"
    )
    parts = split(text)
    assert parts.wechat == "lisi2020"
    assert parts.items == "面膜 x2 @39.9, 护手霜 @25"
    assert parts.amount_fen == 10480
    assert parts.order_no == "WD20240501001"
    fields = parse(parts.address_text).address_fields()
    assert (fields["recipient"], fields["phone"], fields["district"]) == ("李四", "13912345678", "西湖区")
    assert fields["detail"] == "文三路100号"  # nothing of the WeChat ID, goods or amount left in it


def test_wechat_label_inside_an_address_line_is_taken_out():
    parts = split("张三 13812345678 广东省深圳市南山区科技园1号 微信：zs_8899")
    assert parts.wechat == "zs_8899"
    assert "zs_8899" not in parts.address_text and "微信" not in parts.address_text
    assert parse(parts.address_text).detail == "科技园1号"


@pytest.mark.parametrize(
    ("text", "wechat"),
    [
        ("zs_8899", "zs_8899"),
        ("wx: abc_123", "abc_123"),
        ("VX：Lily-2020", "Lily-2020"),
        ("微信 13812345678", "13812345678"),
    ],
)
def test_wechat_ids(text, wechat):
    assert split(text).wechat == wechat


@pytest.mark.parametrize("text", ["13812345678", "张三", "abc", "科技园1号"])
def test_what_is_not_a_wechat_id(text):
    assert split(text).wechat == ""


def test_a_labelled_goods_line_needs_no_prices():
    parts = split("商品：面膜×2、精华\n王五 13800001111 北京市朝阳区建国路1号")
    assert parts.items == "面膜×2、精华"
    assert "面膜" not in parts.address_text


def test_an_unlabelled_line_is_goods_only_when_every_item_has_a_price():
    assert split("面膜 x2 @39.9\n王五 13800001111").items == "面膜 x2 @39.9"
    parts = split("3栋x2\n王五 13800001111")  # a quantity mark alone: still address text
    assert parts.items == "" and "3栋x2" in parts.address_text


def test_counts_and_courier_numbers_are_not_amounts_or_order_numbers():
    parts = split("合计3件\n运单号 SF1234567890\n北京市朝阳区建国路1号 王五 13800001111")
    assert parts.amount_fen is None
    assert parts.order_no == ""
    assert "合计3件" in parts.address_text


def test_an_amount_it_cannot_read_exactly_is_left_alone():
    parts = split("实付 12.345\n王五 13800001111")
    assert parts.amount_fen is None


def test_empty_and_odd_input():
    assert split("") == OrderPaste()
    assert split(None) == OrderPaste()  # type: ignore[arg-type]
    assert split("   \n  ").address_text == ""


@pytest.mark.parametrize(
    ("text", "address", "items"),
    [
        (
            "白涵勇 15700009652 重庆市江津区人民路703号嘉园8栋3单元2406 蜂蜜 x2 @68 实付 136",
            "白涵勇 15700009652 重庆市江津区人民路703号嘉园8栋3单元2406",
            "蜂蜜 x2 @68",
        ),
        (
            "张三 13812345678 广东省深圳市南山区科技园1号 补水面膜 5片装 x2 @39.9, 护手霜 @25",
            "张三 13812345678 广东省深圳市南山区科技园1号",
            "补水面膜 5片装 x2 @39.9, 护手霜 @25",
        ),
        ("李四 13900001111 蜂蜜@68", "李四 13900001111", "蜂蜜@68"),
        # the goods before the phone on the same line stay a whole-line reading
        ("蜂蜜 x2 @68\n王五 13800001111 北京市朝阳区1号", "王五 13800001111 北京市朝阳区1号", "蜂蜜 x2 @68"),
    ],
)
def test_goods_on_the_address_line_are_split_off(text, address, items):
    # A one-line WeChat message: name, phone, address, then the goods with prices. The goods
    # start after the address: the first item's name holds no address word (市, 路, 号 …).
    parts = split(text)
    assert (parts.address_text, parts.items) == (address, items)


def test_an_address_line_whose_only_at_sign_is_no_price_stays_address():
    parts = split("王五 13800001111 北京市朝阳区建国路1号 邮箱 a@b")
    assert parts.items == "" and "建国路1号" in parts.address_text


def test_an_order_said_the_chat_way_is_read():
    # QA2 H1: goods with counts and 每盒 prices, 一共…元 and 已转账, after a greeting
    text = (
        "亲，下单：面膜2盒 每盒39.9，护手霜1支\n收件人 李小红 13900002222\n"
        "北京市朝阳区建国路88号SOHO现代城A座1203\n一共99元 已转账"
    )
    parts = split(text)
    assert parts.items == "面膜 x2 @39.9, 护手霜 x1"
    assert parts.amount_fen == 9900
    assert parts.address_text == "收件人 李小红 13900002222\n北京市朝阳区建国路88号SOHO现代城A座1203"
    result = parse(parts.address_text)
    assert (result.name, result.detail, result.notes) == ("李小红", "建国路88号SOHO现代城A座1203", [])


@pytest.mark.parametrize(
    ("text", "amount"),
    [("一共99元", 9900), ("总共：128.5", 12850), ("共计 ¥36", 3600), ("合计3件", None)],
)
def test_amount_words_of_a_chat(text, amount):
    assert split(f"{text}\n王五 13800001111").amount_fen == amount


def test_goods_in_the_written_form_are_left_as_they_are():
    assert split("下单：面膜×2、精华").items == "面膜×2、精华"
    assert split("购买：精华x2瓶 单价128元").items == "精华 x2 @128"
