import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.core.points import PointsError, PointsRule, parse_rate
from sellerdesk.core.tiers import (
    DEFAULT_THRESHOLDS,
    LEVELS,
    RANK,
    Threshold,
    TierRules,
    TierRulesError,
    window_start,
)


@pytest.mark.parametrize(
    ("spend", "count", "level"),
    [
        (0, 0, "normal"),
        (49_999, 2, "normal"),
        (50_000, 0, "silver"),  # ¥500
        (0, 3, "silver"),  # 3 orders
        (199_999, 7, "silver"),
        (200_000, 1, "gold"),
        (100, 8, "gold"),
        (499_999, 14, "gold"),
        (500_000, 0, "diamond"),
        (0, 15, "diamond"),
        (10**12, 10**6, "diamond"),
    ],
)
def test_default_rules(spend, count, level):
    assert TierRules().tier_for(spend, count) == level


def test_names_and_levels():
    rules = TierRules()
    assert [rules.name(k) for k in LEVELS] == ["普通", "银卡", "金卡", "钻石"]
    assert rules.name("") == "普通"
    assert rules.name("VIP") == "VIP"  # hand-typed text is shown as typed
    renamed = TierRules(names={"normal": "会员", "silver": "白银", "gold": "黄金", "diamond": "黑钻"})
    renamed.validate()
    assert renamed.name("gold") == "黄金"
    named = (("白银", "silver"), ("银卡", "silver"), ("Gold", "gold"), ("diamond", "diamond"), (" 会员 ", "normal"))
    for text, key in named:
        assert renamed.level_of(text) == key
    assert renamed.level_of("VIP") is None and renamed.level_of("") is None
    assert [renamed.display(v) for v in ("silver", "银卡", "", "VIP")] == ["白银", "白银", "会员", "VIP"]


def test_rules_are_immutable_even_through_their_mappings():
    rules = TierRules()
    with pytest.raises(TypeError):
        rules.names["gold"] = "x"  # type: ignore[index]


@pytest.mark.parametrize(
    ("thresholds", "names", "message"),
    [
        ({"gold": Threshold(40_000, 8)}, {}, "spend threshold of 金卡 must be higher than that of 银卡"),
        ({"diamond": Threshold(500_000, 8)}, {}, "orders threshold of 钻石 must be higher"),
        ({"silver": Threshold(None, None)}, {}, "needs a spend or an order-count"),
        ({"silver": Threshold(0, 3)}, {}, "positive"),
        ({"silver": Threshold(-5, 3)}, {}, "positive"),
        ({"silver": Threshold(50_000, 10**9)}, {}, "too large"),
        ({}, {"gold": ""}, "empty"),
        ({}, {"gold": "银卡"}, "both called"),
        ({}, {"gold": " 金卡"}, "spaces"),
        ({}, {"gold": "金" * 21}, "characters"),
    ],
)
def test_validation_refuses(thresholds, names, message):
    rules = TierRules({**DEFAULT_THRESHOLDS, **thresholds}, {**TierRules().names, **names})
    with pytest.raises(TierRulesError, match=message):
        rules.validate()


@pytest.mark.parametrize(
    ("thresholds", "names", "code", "level", "criterion", "lower"),
    [
        ({"gold": Threshold(40_000, 8)}, {}, "not_higher", "gold", "spend", "silver"),
        ({"diamond": Threshold(500_000, 8)}, {}, "not_higher", "diamond", "orders", "gold"),
        ({"silver": Threshold(None, None)}, {}, "no_threshold", "silver", None, None),
        ({"silver": Threshold(0, 3)}, {}, "not_positive", "silver", "spend", None),
        ({"silver": Threshold(50_000, 10**9)}, {}, "too_large", "silver", "orders", None),
        ({}, {"gold": ""}, "name_empty", "gold", None, None),
        ({}, {"gold": "银卡"}, "name_twice", "gold", None, "silver"),
        ({}, {"gold": " 金卡"}, "name_form", "gold", None, None),
    ],
)
def test_a_refusal_names_its_rule_for_a_translated_line(thresholds, names, code, level, criterion, lower):
    rules = TierRules({**DEFAULT_THRESHOLDS, **thresholds}, {**TierRules().names, **names})
    with pytest.raises(TierRulesError) as caught:
        rules.validate()
    assert (caught.value.code, caught.value.level, caught.value.criterion, caught.value.lower) == (
        code,
        level,
        criterion,
        lower,
    )


def test_a_criterion_can_be_off_and_skipped_in_the_order_check():
    rules = TierRules(
        {"silver": Threshold(None, 3), "gold": Threshold(200_000, None), "diamond": Threshold(500_000, 10)}
    )
    rules.validate()
    assert rules.tier_for(10**9, 0) == "diamond" and rules.tier_for(199_999, 9) == "silver"


def test_json_round_trip_and_damage():
    rules = TierRules({**DEFAULT_THRESHOLDS, "silver": Threshold(30_000, None)}, {**TierRules().names, "gold": "黄金"})
    assert TierRules.from_json(rules.to_json()) == rules
    assert TierRules.from_json({}) == TierRules()
    for doc in ({"thresholds": {"silver": "x"}}, {"thresholds": {"gold": {"spend_fen": 1, "orders": 1}}}):
        with pytest.raises(TierRulesError):
            TierRules.from_json(doc)


@given(
    st.lists(st.integers(min_value=1, max_value=10**9), min_size=3, max_size=3, unique=True),
    st.lists(st.integers(min_value=1, max_value=1000), min_size=3, max_size=3, unique=True),
    st.integers(min_value=0, max_value=2 * 10**9),
    st.integers(min_value=0, max_value=2000),
)
def test_tiers_are_monotone(spends, counts, spend, count):
    spends.sort()
    counts.sort()
    rules = TierRules({k: Threshold(s, c) for k, s, c in zip(LEVELS[1:], spends, counts)})
    rules.validate()
    level = rules.tier_for(spend, count)
    # more spend or more orders never lowers the tier
    assert RANK[rules.tier_for(spend + 1, count)] >= RANK[level]
    assert RANK[rules.tier_for(spend, count + 1)] >= RANK[level]


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (dt.date(2026, 5, 10), dt.date(2025, 5, 11)),
        (dt.date(2026, 1, 1), dt.date(2025, 1, 2)),
        (dt.date(2024, 2, 29), dt.date(2023, 3, 1)),  # no 29 February in 2023: the 28th, a day on
        (dt.date(2025, 3, 1), dt.date(2024, 3, 2)),
        (dt.date(2026, 12, 31), dt.date(2026, 1, 1)),
    ],
)
def test_window_is_one_year_of_days(today, start):
    assert window_start(today) == start


def test_points_rule():
    assert PointsRule().points_for(12850) == 0  # off by default
    on = PointsRule(True, 100)
    assert on.points_for(12850) == 128  # floor(128.50)
    assert on.points_for(99) == 0
    assert PointsRule(True, 10).points_for(12850) == 12  # 0.1 per ¥1
    assert PointsRule(True, 250).points_for(100) == 2  # 2.5 per ¥1 on ¥1.00
    assert parse_rate("1") == 100 and parse_rate("0.5") == 50 and parse_rate("2.25") == 225
    assert PointsRule(True, 250).per_yuan_text == "2.5" and PointsRule(True, 100).per_yuan_text == "1"
    for text in ("0", "-1", "abc", "1.001", "100000"):
        with pytest.raises(PointsError):
            parse_rate(text)
    assert PointsRule.from_json(on.to_json()) == on
    with pytest.raises(PointsError):
        PointsRule.from_json({"per_yuan_hundredths": "lots"})
