import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.core.orders import (
    STATUS_NAMES,
    STATUSES,
    OrderError,
    OrderLine,
    can_move,
    check_move,
    format_items,
    lines_total,
    parse_items,
    status_of,
)


def test_status_moves():
    assert can_move("pending", "shipped") and can_move("shipped", "delivered")
    for old in ("pending", "shipped"):
        assert can_move(old, "cancelled")
    for old in ("pending", "shipped", "delivered"):
        assert can_move(old, "refunded")
    # corrections
    assert can_move("shipped", "pending") and can_move("delivered", "shipped")
    assert can_move("cancelled", "pending") and can_move("refunded", "pending")
    refused = (("delivered", "cancelled"), ("pending", "delivered"), ("refunded", "shipped"), ("cancelled", "refunded"))
    for old, new in refused:
        assert not can_move(old, new)
        with pytest.raises(OrderError, match=f"from {old} to {new}"):
            check_move(old, new)
    for status in STATUSES:
        assert can_move(status, status)
    with pytest.raises(OrderError, match="Unknown"):
        check_move("pending", "lost")


def test_status_names():
    assert [STATUS_NAMES[s] for s in STATUSES] == ["待发货", "已发货", "已签收", "已取消", "已退款"]
    assert status_of("已发货") == "shipped" and status_of(" Shipped ") == "shipped"
    with pytest.raises(OrderError, match="one of: pending"):
        status_of("returned")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("面膜 x2 @39.9, 护手霜", [OrderLine("面膜", 2, 3990), OrderLine("护手霜")]),
        ("面膜×2，护手霜*3件；茶叶", [OrderLine("面膜", 2), OrderLine("护手霜", 3), OrderLine("茶叶")]),
        ("茶叶礼盒 @¥1,280 x2", [OrderLine("茶叶礼盒", 2, 128000)]),
        ("红枣 2斤\n核桃 X 3 @ 45元", [OrderLine("红枣 2斤"), OrderLine("核桃", 3, 4500)]),
        ("面膜 5片装 ×2、香皂", [OrderLine("面膜 5片装", 2), OrderLine("香皂")]),
        ("Mix3, iPhone X, 4x4 车 x2", [OrderLine("Mix3"), OrderLine("iPhone X"), OrderLine("4x4 车", 2)]),
        ("面膜 ＠３９.９", [OrderLine("面膜", 1, 3990)]),
        (" , ,", []),
        ("", []),
    ],
)
def test_parse_items(text, lines):
    assert parse_items(text) == lines


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("面膜 x0", "quantity"),
        ("面膜 x200000", "quantity"),
        ("面膜 @abc", "Not an amount"),
        ("面膜 @-5", "negative"),
        ("面膜 @1.999", "two decimals"),
        ("@5", "product name"),
        ("面" * 201, "at most 200"),
        (",".join(["a"] * 101), "at most 100 lines"),
    ],
)
def test_parse_items_refuses(text, message):
    with pytest.raises(OrderError, match=message):
        parse_items(text)


def test_format_reads_back_and_totals():
    lines = [OrderLine("面膜", 2, 3990), OrderLine("护手霜")]
    assert format_items(lines) == "面膜 x2 @39.90, 护手霜"
    assert parse_items(format_items(lines)) == lines
    assert lines_total(lines) is None
    assert lines_total([OrderLine("面膜", 2, 3990), OrderLine("香皂", 1, 1990)]) == 9970
    assert lines_total([]) is None


_products = st.text(
    alphabet=st.sampled_from(list("面膜护手霜茶叶土特产礼盒红枣ab 12")), min_size=1, max_size=12
).filter(lambda s: s.strip() and not s.strip()[-1].isdigit())


@given(
    st.lists(
        st.builds(
            OrderLine,
            _products,
            st.integers(min_value=1, max_value=999),
            st.one_of(st.none(), st.integers(min_value=0, max_value=10**8)),
        ),
        max_size=8,
    )
)
def test_format_parse_round_trip(lines):
    assert parse_items(format_items(lines)) == lines


def test_order_line_checks():
    with pytest.raises(OrderError):
        OrderLine("  ")
    with pytest.raises(OrderError):
        OrderLine("面膜", 1, -1)
    with pytest.raises(OrderError):
        OrderLine("面膜", True)
    assert OrderLine(" 面膜 ").product == "面膜"
