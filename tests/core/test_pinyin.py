"""Pinyin helpers."""

from __future__ import annotations

from sellerdesk.core.pinyin import full, initials, sort_key


def test_full_and_initials() -> None:
    assert full("张三") == "zhangsan"
    assert initials("张三") == "zs"
    assert initials("欧阳娜娜") == "oynn"
    assert full("重庆") == "chongqing"
    assert initials("Tom 李") == "tl"
    assert full("") == initials("") == ""


def test_sort_key_orders_by_pinyin() -> None:
    names = ["张三", "李四", "王五", "阿明", "Bob"]
    assert sorted(names, key=sort_key) == ["阿明", "Bob", "李四", "王五", "张三"]
