"""Birthday and holiday lists (consenting customers only), marketing consent and its history."""

import datetime as dt

import pytest

from sellerdesk.core import clock
from sellerdesk.core.lunar import LunarDay
from sellerdesk.store import care, customers, merges, privacy
from sellerdesk.store.errors import ValidationError
from sellerdesk.store.models import AuditEntry, Customer


def _add(name, **fields):
    return customers.save_customer(None, {"name": name, **fields}).id


def test_consent_given_gets_a_date_and_its_history_is_audited(backend_store):
    cid = _add("张三")
    assert Customer.get_by_id(cid).consent_date is None
    customers.save_customer(cid, {"marketing_consent": True, "consent_via": "微信聊天"})
    row = Customer.get_by_id(cid)
    assert row.marketing_consent and row.consent_date == clock.today() and row.consent_via == "wechat"
    customers.save_customer(cid, {"marketing_consent": False})
    row = Customer.get_by_id(cid)
    assert not row.marketing_consent and row.consent_date is None and row.consent_via == ""
    history = [e.detail for e in AuditEntry.select().where(AuditEntry.action == "consent").order_by(AuditEntry.id)]
    assert [h["given"] for h in history] == [True, False]
    assert history[0]["via"] == "wechat" and history[0]["date"] == clock.today().isoformat()


def test_consent_with_its_own_date_and_a_bad_way(backend_store):
    cid = _add("李四", marketing_consent=True, consent_date="2024-05-01", consent_via="paper")
    row = Customer.get_by_id(cid)
    assert row.consent_date == dt.date(2024, 5, 1) and row.consent_via == "paper"
    with pytest.raises(ValidationError, match="way of consent"):
        customers.save_customer(cid, {"consent_via": "飞鸽传书"})
    assert Customer.get_by_id(cid).consent_via == "paper"


def test_lunar_birthday_is_stored_as_its_code_and_refused_when_wrong(backend_store):
    cid = _add("王五", birthday_lunar="农历八月十五")
    assert Customer.get_by_id(cid).birthday_lunar == LunarDay(8, 15).code
    with pytest.raises(ValidationError, match="lunar"):
        customers.save_customer(cid, {"birthday_lunar": "农历13月1"})
    assert Customer.get_by_id(cid).birthday_lunar == 815


def test_birthday_lists_only_name_consenting_live_customers(backend_store):
    today = dt.date(2026, 1, 20)
    yes = _add("甲", birthday="1990-01-20", marketing_consent=True)
    _add("乙", birthday="1991-01-20")  # no consent
    trashed = _add("丙", birthday="1992-01-20", marketing_consent=True)
    customers.trash_customers([trashed])
    lunar_yes = _add("丁", birthday_lunar="农历腊月初二", marketing_consent=True)  # 2026-01-20
    rows = care.birthdays(today)
    assert [r.customer_id for r in rows] == [lunar_yes, yes] or [r.customer_id for r in rows] == [yes, lunar_yes]
    assert {r.birthday_text for r in rows} == {"1月20日", "农历腊月初二"}
    assert care.birthday_count(today) == 2
    assert care.birthday_count(today + dt.timedelta(days=1)) == 0


def test_birthdays_of_a_day_sort_by_pinyin_without_the_pinyin_dictionary(store, monkeypatch):
    """Issue 21 (GUI memory): 关怀 lists birthdays when the window opens; sorting them by the
    stored pinyin key instead of reading each name again keeps pypinyin's ~50 MB unloaded."""
    from sellerdesk.core import pinyin

    zhang = _add("张三", birthday="1990-01-20", marketing_consent=True)
    li = _add("李四", birthday="1991-01-20", marketing_consent=True)
    an = _add("安娜", birthday="1992-01-20", marketing_consent=True)

    def no_dictionary():
        raise AssertionError("the pinyin dictionary was loaded")

    monkeypatch.setattr(pinyin, "_pypinyin", no_dictionary)
    for cached in (pinyin._syllables, pinyin._char, pinyin._word, pinyin._phrase_starts):
        cached.cache_clear()  # (the saves above read these names)
    assert [r.customer_id for r in care.birthdays(dt.date(2026, 1, 20))] == [an, li, zhang]


def test_lunar_wins_over_solar_and_the_week_and_month_ranges(backend_store):
    cid = _add("戊", birthday="1990-03-05", birthday_lunar="农历8月15", marketing_consent=True)
    assert care.birthday_count(dt.date(2026, 3, 5)) == 0
    assert [r.customer_id for r in care.birthdays(dt.date(2026, 9, 25))] == [cid]  # 中秋 2026
    assert care.range_of(dt.date(2026, 9, 23), "week") == (dt.date(2026, 9, 23), dt.date(2026, 9, 27))
    assert care.range_of(dt.date(2026, 2, 10), "month") == (dt.date(2026, 2, 10), dt.date(2026, 2, 28))
    assert care.range_of(dt.date(2026, 12, 20), 30) == (dt.date(2026, 12, 20), dt.date(2027, 1, 18))
    assert care.birthday_count(*care.range_of(dt.date(2026, 9, 1), 30)) == 1


def test_next_30_days_across_the_new_year_finds_la_yue_and_january(backend_store):
    a = _add("腊月", birthday_lunar="农历腊月初八", marketing_consent=True)  # 2026-01-26
    b = _add("元旦", birthday="2000-01-01", marketing_consent=True)
    c = _add("闰月", birthday_lunar="农历闰六月初十", marketing_consent=True)
    start, end = care.range_of(dt.date(2025, 12, 28), 30)
    rows = care.birthdays(start, end)
    assert [(r.customer_id, r.when) for r in rows] == [(b, dt.date(2026, 1, 1)), (a, dt.date(2026, 1, 26))]
    # 2026 has no 闰六月: the leap-month birthday is on 六月初十 (2026-07-23)
    assert [r.customer_id for r in care.birthdays(dt.date(2026, 7, 23))] == [c]


def test_february_29_birthday_in_2026(backend_store):
    cid = _add("闰日", birthday="1992-02-29", marketing_consent=True)
    assert [r.customer_id for r in care.birthdays(dt.date(2026, 2, 28))] == [cid]
    assert care.birthday_count(dt.date(2028, 2, 28)) == 0
    assert care.birthday_count(dt.date(2028, 2, 29)) == 1


def test_holiday_list_by_tier_consenting_only(backend_store):
    a = _add("甲", marketing_consent=True, tier="gold")
    _add("乙", marketing_consent=True, tier="normal")
    _add("丙", tier="gold")
    assert care.holiday_count() == 2 and care.holiday_count("gold") == 1
    assert [r.customer_id for r in care.holiday_customers("gold")] == [a]


def test_merge_takes_the_lunar_birthday_and_consent_details_with_their_field(backend_store):
    keep = _add("张三", phone="13800000001")
    other = _add("张三", phone="13800000002", birthday_lunar="农历8月15", marketing_consent=True, consent_via="paper")
    merges.merge(keep, [other], {"marketing_consent": other})
    row = Customer.get_by_id(keep)
    assert row.birthday_lunar == 815  # the keeper had no birthday: the other's, lunar included
    assert row.marketing_consent and row.consent_via == "paper" and row.consent_date == clock.today()


def test_erase_clears_birthday_and_consent(backend_store):
    cid = _add("赵六", birthday_lunar="农历8月15", marketing_consent=True, consent_via="wechat")
    privacy.erase_customers([cid])
    row = Customer.get_by_id(cid)
    assert row.birthday_lunar is None and not row.marketing_consent and row.consent_via == ""
    assert row.consent_date is None


def test_the_lists_read_their_indexes_not_every_customer(store):
    """The birthday keys and the holiday counts go through schema 13's partial indexes (SQLite
    would otherwise walk every live customer through the deleted_at index)."""
    from sellerdesk.core import lunar
    from sellerdesk.store.migrations import BIRTHDAY_KEY_SQL, CONSENTED_SQL
    from sellerdesk.store.models import DB

    for i in range(50):
        _add(f"客户{i}", birthday=f"1990-01-{i % 28 + 1:02d}", marketing_consent=i % 2 == 0)
    keys = list(lunar.keys_between(dt.date(2026, 1, 1), dt.date(2026, 1, 7)))
    marks = ", ".join("?" * len(keys))
    plans = {
        "customer_birthday_key": (
            f'SELECT "id" FROM customer WHERE {BIRTHDAY_KEY_SQL} IN ({marks}) AND {CONSENTED_SQL}',
            keys,
        ),
        "customer_consented_tier": (f'SELECT count(*) FROM customer WHERE {CONSENTED_SQL} AND "tier" = ?', ["gold"]),
    }
    for index, (sql, params) in plans.items():
        plan = " ".join(str(row) for row in DB.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert index in plan, plan
    assert care.birthday_count(dt.date(2026, 1, 1), dt.date(2026, 1, 7)) == 8  # 1/1, 1/3, 1/5, 1/7, twice each


def test_today_counts_for_the_today_page(backend_store):
    from sellerdesk.store import followups

    today = dt.date(2026, 9, 23)  # a Wednesday
    a = _add("甲", birthday="1990-09-23", marketing_consent=True)
    _add("乙", birthday="1990-09-23")  # no consent
    _add("丙", birthday_lunar="农历8月15", marketing_consent=True)  # 2026-09-25, this week
    followups.add_follow_up(a, "x", next_date=today, on_date=today)
    followups.add_follow_up(a, "y", feedback=True)
    assert care.today_counts(today) == {
        "birthdays_today": 1,
        "birthdays_week": 2,
        "follow_ups_due": 1,
        "open_feedback": 1,
    }


def test_on_a_team_server_the_birthday_keys_match_their_index(team_store):
    """The birthday key is translated for PostgreSQL (EXTRACT, not SQLite's text of the date): the
    lists' expression must still be the index's, or every count reads every customer."""
    from sellerdesk.core import lunar
    from sellerdesk.store.migrations import BIRTHDAY_KEY_SQL, CONSENTED_SQL
    from sellerdesk.store.models import DB
    from sellerdesk.store.postgres import native

    start = dt.date(1990, 1, 1)  # 3,650 consenting customers, a birthday on each day of the year ten times
    rows = [
        {"name": f"c{n}", "birthday": start + dt.timedelta(days=n % 365), "marketing_consent": True}
        for n in range(3650)
    ]
    for i in range(0, len(rows), 500):
        Customer.insert_many(rows[i : i + 500]).execute()
    native(DB, "ANALYZE customer")
    keys = list(lunar.keys_between(dt.date(2026, 1, 1), dt.date(2026, 1, 7)))
    marks = ", ".join("?" * len(keys))
    sql = f"SELECT count(*) FROM customer WHERE {BIRTHDAY_KEY_SQL} IN ({marks}) AND {CONSENTED_SQL}"
    plan = " ".join(row[0] for row in DB.execute_sql("EXPLAIN " + sql, keys).fetchall())
    assert "customer_birthday_key" in plan, plan
    assert care.birthday_count(dt.date(2026, 1, 1), dt.date(2026, 1, 7)) == 70
