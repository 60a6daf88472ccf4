import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sellerdesk.core import clock
from sellerdesk.core.tiers import DEFAULT_THRESHOLDS, LEVELS, Threshold, TierRules
from sellerdesk.store import customers, orders, tiers
from sellerdesk.store import settings as store_settings
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.models import DB, AuditEntry, Customer

TODAY = clock.today()


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


def new_customer(name="张三", **fields):
    return customers.create_customer({"name": name, **fields}).id


def tier(cid):
    return Customer.get_by_id(cid).tier


def test_orders_move_the_tier_both_ways(backend_store):
    cid = new_customer()
    first = orders.add_order(cid, amount_fen=49_999, order_date=days_ago(3))
    assert tier(cid) == "normal"
    second = orders.add_order(cid, amount_fen=1, order_date=days_ago(2))
    assert tier(cid) == "silver"  # ¥500 in 12 months
    orders.add_order(cid, amount_fen=150_000, order_date=days_ago(1))
    assert tier(cid) == "gold"  # ¥2,000
    orders.update_order(second.id, {"status": "cancelled"})
    assert tier(cid) == "silver"  # ¥1,999.99
    orders.delete_orders([first.id])
    assert tier(cid) == "silver"  # ¥1,500
    for _ in range(8):
        orders.add_order(cid, amount_fen=1, order_date=days_ago(5))
    assert tier(cid) == "gold"  # 9 orders


def test_only_the_last_12_months_count(backend_store):
    cid = new_customer()
    orders.add_order(cid, amount_fen=600_000, order_date=days_ago(400))
    assert tier(cid) == "normal"
    assert Customer.get_by_id(cid).total_spent_fen == 600_000  # all time
    orders.add_order(cid, amount_fen=60_000, order_date=days_ago(364))
    assert tier(cid) == "silver"
    # a year later the window has moved on: only a recompute for that day sees it
    assert tiers.recompute_tiers(TODAY + dt.timedelta(days=2)) == 1
    assert tier(cid) == "normal"
    assert tiers.last_recomputed() == TODAY + dt.timedelta(days=2)


def test_recompute_if_stale_runs_once_a_day(backend_store):
    assert tiers.last_recomputed() == TODAY  # a new database: computed when it was made
    cid = new_customer()
    orders.add_order(cid, amount_fen=60_000, order_date=days_ago(1))
    Customer.update(tier="diamond").where(Customer.id == cid).execute()  # out of date
    assert tiers.recompute_if_stale(TODAY) is False
    store_settings.write(store_settings.TIERS_RECOMPUTED_ON, days_ago(1).isoformat())
    assert tiers.recompute_if_stale(TODAY) is True
    assert tier(cid) == "silver"
    Customer.update(tier="diamond").where(Customer.id == cid).execute()
    assert tiers.recompute_if_stale(TODAY) is False  # already done today: one meta read
    assert tier(cid) == "diamond"
    assert tiers.recompute_if_stale(TODAY + dt.timedelta(days=1)) is True
    assert tier(cid) == "silver"


def test_hand_set_tier_wins_until_cleared(backend_store):
    cid = new_customer()
    orders.add_order(cid, amount_fen=60_000, order_date=days_ago(1))
    assert tier(cid) == "silver"
    tiers.set_manual_tier(cid, "钻石")
    assert (tier(cid), Customer.get_by_id(cid).tier_manual) == ("diamond", True)
    orders.add_order(cid, amount_fen=1, order_date=days_ago(1))
    tiers.recompute_tiers()
    assert tier(cid) == "diamond"
    info = tiers.tier_info(Customer.get_by_id(cid))
    assert (info.level, info.name, info.manual) == ("diamond", "钻石", True)
    assert orders.customer_summary(cid).computed_tier == "silver"
    tiers.set_manual_tier(cid, None)
    assert (tier(cid), Customer.get_by_id(cid).tier_manual) == ("silver", False)
    with pytest.raises(ValidationError, match="Unknown tier"):
        tiers.set_manual_tier(cid, "VIP")
    with pytest.raises(NotFoundError):
        tiers.set_manual_tier(4242, "gold")
    actions = [a.action for a in AuditEntry.select().where(AuditEntry.action.startswith("tier"))]
    assert actions == ["tier_set", "tier_clear"]


def test_tier_text_from_older_paths_is_kept_as_set_by_hand(backend_store):
    silver = new_customer("甲", tier="银卡")
    vip = new_customer("乙", tier="VIP")
    plain = new_customer("丙", tier="普通")
    nothing = new_customer("丁")
    for cid in (silver, vip, plain, nothing):
        orders.add_order(cid, amount_fen=600_000, order_date=days_ago(1))
    assert (tier(silver), Customer.get_by_id(silver).tier_manual) == ("silver", True)
    assert (tier(vip), Customer.get_by_id(vip).tier_manual) == ("VIP", True)
    assert (tier(plain), Customer.get_by_id(plain).tier_manual) == ("diamond", False)  # 普通 means "nothing special"
    assert tier(nothing) == "diamond"
    vip_info = tiers.tier_info(Customer.get_by_id(vip))
    assert (vip_info.level, vip_info.name, vip_info.manual) == (None, "VIP", True)
    later = new_customer("戊", tier="金卡")  # the same through the all-customer recompute
    tiers.recompute_tiers()
    assert (tier(later), Customer.get_by_id(later).tier_manual) == ("gold", True)


def test_saved_rules_and_names(backend_store):
    cid = new_customer()
    orders.add_order(cid, amount_fen=30_000, order_date=days_ago(1))
    assert tier(cid) == "normal"
    rules = TierRules(
        {**DEFAULT_THRESHOLDS, "silver": Threshold(30_000, None)},
        {"normal": "会员", "silver": "白银", "gold": "黄金", "diamond": "黑钻"},
    )
    assert tiers.save_tier_rules(rules) == 1
    assert tier(cid) == "silver"
    assert tiers.tier_rules() == rules
    assert tiers.display_name("silver") == "白银" and tiers.display_name("") == "会员"
    assert tiers.level_of("黄金") == "gold" and tiers.level_of("金卡") == "gold"
    bad = TierRules({**DEFAULT_THRESHOLDS, "gold": Threshold(10_000, 8)})
    with pytest.raises(ValidationError, match="higher"):
        tiers.save_tier_rules(bad)
    assert tiers.tier_rules() == rules
    # damaged settings fall back to the defaults instead of stopping every order write
    store_settings.write(store_settings.TIER_RULES, {"thresholds": {"silver": 5}})
    assert tiers.tier_rules() == TierRules()
    assert tiers.tier_counts() == {"silver": 1}


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.one_of(st.none(), st.integers(1, 10**7)), min_size=3, max_size=3),
    st.lists(st.one_of(st.none(), st.integers(1, 50)), min_size=3, max_size=3),
    st.data(),
)
def test_sql_case_agrees_with_tier_for(backend_store, spends, counts, data):
    # make the random thresholds valid: increasing where set, one criterion at least
    thresholds = {}
    last_spend = last_count = 0
    for key, s, c in zip(LEVELS[1:], spends, counts):
        if s is None and c is None:
            c = 1
        if s is not None:
            s = last_spend = last_spend + s
        if c is not None:
            c = last_count = last_count + c
        thresholds[key] = Threshold(s, c)
    rules = TierRules(thresholds)
    rules.validate()
    # anywhere, and right at the edges (a threshold met exactly reaches the level)
    edges_spend = [t.spend_fen + d for t in thresholds.values() if t.spend_fen for d in (-1, 0, 1)]
    edges_count = [t.orders + d for t in thresholds.values() if t.orders for d in (-1, 0, 1)]
    spend = data.draw(st.one_of(st.integers(0, 2 * 10**7), st.sampled_from(edges_spend or [0])))
    count = data.draw(st.one_of(st.integers(0, 60), st.sampled_from(edges_count or [0])))
    case, params = tiers._tier_case(rules, "v.s", "v.n")
    sql = f"WITH v(s, n) AS (VALUES (?, ?)) SELECT {case} FROM v"
    assert DB.obj.execute_sql(sql, [spend, count, *params]).fetchone()[0] == rules.tier_for(spend, count)


def test_recompute_of_everyone_is_the_per_customer_result(backend_store):
    import random

    rng = random.Random(7)
    ids = [new_customer(f"客户{i}") for i in range(40)]
    for cid in ids:
        for _ in range(rng.randint(0, 16)):
            orders.add_order(cid, amount_fen=rng.randint(0, 150_000), order_date=days_ago(rng.randint(0, 500)))
    expected = {cid: tier(cid) or "normal" for cid in ids}  # '' for those without orders yet
    Customer.update(tier="").execute()
    store_settings.write(store_settings.TIERS_RECOMPUTED_ON, "2000-01-01")
    assert tiers.recompute_tiers() == len(ids)
    assert {cid: tier(cid) for cid in ids} == expected
    assert tiers.recompute_tiers() == 0  # nothing changed, nothing written
    assert len(set(expected.values())) >= 3


def test_tier_filter_and_list(backend_store):
    from sellerdesk.store import queries
    from sellerdesk.store.queries import CustomerFilter

    fresh = new_customer("甲")  # no order yet: tier '' until computed, the lowest level
    gold = new_customer("乙")
    orders.add_order(gold, amount_fen=200_000)
    vip = new_customer("丙", tier="VIP")
    computed = new_customer("丁")
    orders.add_order(computed, amount_fen=1)
    assert tier(fresh) == "" and tier(computed) == "normal"
    assert set(queries.customer_ids(CustomerFilter(tiers=("normal",)))) == {fresh, computed}
    assert queries.customer_ids(CustomerFilter(tiers=("gold",))) == [gold]
    assert queries.customer_ids(CustomerFilter(tiers=("VIP",))) == [vip]
    assert queries.all_tiers() == ["normal", "gold", "VIP"]  # levels by rank, then typed text


def test_tier_info_reads_text_as_it_will_be_adopted(backend_store):
    rules = TierRules(names={"normal": "普通", "silver": "白银", "gold": "金卡", "diamond": "钻石"})
    typed_silver = Customer.get_by_id(new_customer("甲", tier="银卡"))  # the default name, before a rename
    typed_plain = Customer.get_by_id(new_customer("乙", tier="普通"))
    typed_vip = Customer.get_by_id(new_customer("丙", tier="VIP"))
    assert tiers.tier_info(typed_silver, rules) == tiers.TierInfo("银卡", "silver", "白银", True)
    assert tiers.tier_info(typed_plain, rules) == tiers.TierInfo("普通", "normal", "普通", False)
    assert tiers.tier_info(typed_vip, rules) == tiers.TierInfo("VIP", None, "VIP", True)


def test_the_rolling_window_says_how_many_moved(backend_store):
    """What the app runs at start: None when done today, else how many changed (its table
    redraws only then)."""
    cid = new_customer()
    orders.add_order(cid, amount_fen=60_000, order_date=days_ago(1))
    assert tiers.refresh_rolling_window(TODAY) is None  # a new database: done today
    store_settings.write(store_settings.TIERS_RECOMPUTED_ON, days_ago(1).isoformat())
    assert tiers.refresh_rolling_window(TODAY) == 0  # recomputed, nothing moved
    assert tiers.refresh_rolling_window(TODAY + dt.timedelta(days=365)) == 1  # the order left the window
    assert tier(cid) == "normal"


def test_tier_and_points_settings_land_together_or_not_at_all(backend_store):
    from sellerdesk.core.points import PointsRule
    from sellerdesk.store import points

    cid = new_customer()
    orders.add_order(cid, amount_fen=30_000, order_date=days_ago(1))
    cheaper = TierRules({**DEFAULT_THRESHOLDS, "silver": Threshold(30_000, None)})
    assert tiers.save_tier_and_points_rules(cheaper, PointsRule(True, 200)) == 1
    assert tier(cid) == "silver" and points.points_rule() == PointsRule(True, 200)
    broken = TierRules({**DEFAULT_THRESHOLDS, "gold": Threshold(10_000, 8)})
    with pytest.raises(ValidationError, match="higher"):
        tiers.save_tier_and_points_rules(broken, PointsRule(False, 100))
    assert points.points_rule() == PointsRule(True, 200)  # the points rule was not saved either
    assert tiers.tier_rules() == cheaper


def test_the_tier_sort_is_by_level_not_by_spelling(backend_store):
    from sellerdesk.store import queries

    ids = {}
    for name, level in (("甲", "diamond"), ("乙", "silver"), ("丙", None), ("丁", "gold"), ("戊", "normal")):
        ids[name] = new_customer(name)
        if level is not None:
            tiers.set_manual_tier(ids[name], level)
    vip = new_customer("己", tier="VIP")
    order = queries.customer_ids(sort="tier")
    assert order[-2:] == [ids["甲"], vip]  # 钻石, then hand-typed text
    assert order[2:4] == [ids["乙"], ids["丁"]]  # 银卡 before 金卡
    assert set(order[:2]) == {ids["丙"], ids["戊"]}  # 普通, computed or not
