import pytest

from sellerdesk.core.same_person import edit_distance, names_compatible, names_similar, split_title


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("张三", "张三"),
        ("张三", ""),
        ("", "李四"),
        ("张先生", "张三"),
        ("张三", "张女士"),
        ("欧阳先生", "欧阳娜娜"),
        ("张三先生", "张三"),
        ("老王", "王五"),
        ("小张", "张三"),
        ("张三", "章三"),
        ("張三", "张三"),
        ("Zhang San", "张三"),
        (" 张 三 ", "张三"),
        ("王小明", "王晓明"),
    ],
)
def test_compatible_names_merge_without_asking(a: str, b: str) -> None:
    assert names_compatible(a, b)
    assert names_compatible(b, a)
    assert names_similar(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("张三", "李四"),
        ("张先生", "张女士"),  # a couple, usually
        ("张先生", "李四"),
        ("王小明", "王小民"),
        ("张三", "张三丰"),
        ("王五", "王芳"),
        ("科技园", "张三"),
    ],
)
def test_other_names_are_kept_apart(a: str, b: str) -> None:
    assert not names_compatible(a, b)
    assert not names_compatible(b, a)


@pytest.mark.parametrize(("a", "b"), [("王小明", "王小民"), ("张三", "张三丰")])
def test_one_edit_apart_is_similar(a: str, b: str) -> None:
    assert names_similar(a, b)


@pytest.mark.parametrize(("a", "b"), [("张三", "李四"), ("", ""), ("王五", "赵六"), ("张", "李"), ("张先生", "张女士")])
def test_unrelated_names_are_not_similar(a: str, b: str) -> None:
    assert not names_similar(a, b)


def test_split_title() -> None:
    assert split_title("张先生") == ("张", "先生")
    assert split_title("张三先生") == ("张三", "先生")
    assert split_title("老王") == ("王", "老")
    assert split_title("张三") == ("张三", "")
    assert split_title("小芳") == ("小芳", "")  # 小 + a non-surname: a given name, not a title
    assert split_title("李姐") == ("李", "姐")


def test_edit_distance_stops_at_the_limit() -> None:
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("abc", "abd") == 1
    assert edit_distance("abc", "xyz", 1) == 2
    assert edit_distance("a", "abcd", 1) == 2
