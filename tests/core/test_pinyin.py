"""Pinyin helpers."""

from __future__ import annotations

import pytest

from sellerdesk.core.pinyin import full, initials, name_keys, sort_key


def test_full_and_initials() -> None:
    assert full("张三") == "zhangsan"
    assert initials("张三") == "zs"
    assert initials("欧阳娜娜") == "oynn"
    assert full("重庆") == "chongqing"
    assert initials("Tom 李") == "tl"
    assert full("") == initials("") == ""


@pytest.mark.parametrize("name", ["张三", " 曾小贤 ", "欧阳娜娜", "重庆火锅", "Tom 李", "乐乐", "", "  ", "😀王"])
def test_name_keys_are_the_sort_key_and_the_initials(name: str) -> None:
    assert name_keys(name) == (sort_key(name), initials(name))


def test_sort_key_orders_by_pinyin() -> None:
    names = ["张三", "李四", "王五", "阿明", "Bob"]
    assert sorted(names, key=sort_key) == ["阿明", "Bob", "李四", "王五", "张三"]


def test_sort_key_keeps_its_format() -> None:
    # spaced syllables, then NUL and the stripped text as the tie-breaker (stored in name_pinyin)
    assert sort_key(" 张三 ") == "zhang san\x00张三"
    assert sort_key("Tom 李") == "tom  li\x00Tom 李"
    assert sort_key("") == "\x00"


def test_dictionary_phrases_keep_their_reading() -> None:
    # pypinyin's segmentation still decides: a phrase reads in context, other characters alone
    assert full("银行行长") == "yinhanghangzhang"
    assert full("长城宽带") == "changchengkuandai"
    assert initials("张重庆") == "zcq"


@pytest.mark.parametrize(
    ("name", "spelled"),
    [
        ("曾伟", "zeng wei"),
        ("单芳", "shan fang"),
        ("解明", "xie ming"),
        ("仇敏", "qiu min"),
        ("朴槿惠", "piao jin hui"),
        ("区明", "ou ming"),
        ("查伟", "zha wei"),
        ("盖伟", "ge wei"),
        ("乐嘉", "yue jia"),
        ("覃丽", "qin li"),
        ("尉迟恭", "yu chi gong"),
        ("万俟卨", "mo qi xie"),
        ("长孙无忌", "zhang sun wu ji"),
        ("单于明", "chan yu ming"),
        ("曾经理", "zeng jing li"),
        ("曾", "zeng"),
    ],
)
def test_polyphonic_surnames_take_their_surname_reading(name: str, spelled: str) -> None:
    assert sort_key(name) == f"{spelled}\x00{name}"
    assert full(name) == spelled.replace(" ", "")
    assert initials(name) == "".join(s[0] for s in spelled.split())


def test_surname_reading_only_at_the_start() -> None:
    assert full("王曾") == "wangceng"  # 曾 inside a name keeps the ordinary reading
    assert full("乐乐") == "lele"  # a reduplicated nickname is not a surname
    assert full("Tom 曾") == "tom ceng"
    assert initials("曾伟") == "zw" and initials("欧阳娜娜") == "oynn"


def test_surnames_sort_where_they_are_spelled() -> None:
    names = ["张三", "曾伟", "单芳", "邓超", "沙明"]
    assert sorted(names, key=sort_key) == ["邓超", "沙明", "单芳", "曾伟", "张三"]


def test_same_as_pypinyin_without_a_surname() -> None:
    # the cached per-character path gives exactly what lazy_pinyin gives
    from pypinyin import Style, lazy_pinyin

    for text in [
        "张三",
        "重庆火锅店",
        "Mary Lee 李",
        "银行行长",
        "王😀小明",
        "１２３号",
        "〇",
        "黄河-长江",
        "阿里巴巴",
    ]:
        expected = "".join(s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="default") if s.strip())
        assert full(text) == expected, text


def test_phrase_free_shortcut_reads_like_the_segmenter() -> None:
    # names without a dictionary phrase skip pypinyin's segmenter; the reading must not change
    import random

    from pypinyin.constants import PHRASES_DICT

    from sellerdesk.core.pinyin import _phrase_starts, _plain, _segmented

    rng = random.Random(3)
    chars = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐长重行乐和朝都会调为强伟芳娜秀英敏静丽"
    phrases = [p for p in PHRASES_DICT if 2 <= len(p) <= 3][:2000]
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
    texts += [rng.choice(chars) + rng.choice(phrases) + rng.choice(chars) for _ in range(1000)]
    shortcut = 0
    for text in texts:
        assert _plain(text) == _segmented(text), text
        shortcut += not any(text[i : i + 2] in _phrase_starts() for i in range(len(text) - 1))
    assert 0 < shortcut < len(texts)  # both paths were compared
