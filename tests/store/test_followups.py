"""Follow-ups and feedback: due logic, status, trash/restore, merge, erase, purge."""

import datetime as dt

import pytest

from sellerdesk.store import customers, followups, merges, privacy
from sellerdesk.store.errors import NotFoundError, ValidationError
from sellerdesk.store.followups import FollowUpRefused
from sellerdesk.store.models import AuditEntry, FollowUp

TODAY = dt.date(2026, 3, 10)


def _add(name="张三", **fields):
    return customers.save_customer(None, {"name": name, **fields}).id


def test_next_date_is_due_from_its_day_until_done(backend_store):
    cid = _add()
    row = followups.add_follow_up(
        cid, "问用得怎么样", channel="wechat", on_date="2026-03-01", next_date="2026-03-10", today=TODAY
    )
    assert row.channel == "wechat" and row.kind == "followup" and row.status == ""
    assert followups.due_count(TODAY - dt.timedelta(days=1)) == 0
    assert followups.due_count(TODAY) == 1
    assert [r.follow_up_id for r in followups.due(TODAY)] == [row.id]
    followups.set_next_done(row.id)
    assert followups.due_count(TODAY) == 0
    followups.set_next_done(row.id, False)
    assert followups.due_count(TODAY) == 1


def test_a_later_follow_up_closes_the_earlier_next_date(backend_store):
    cid = _add()
    first = followups.add_follow_up(cid, "第一次", on_date="2026-03-01", next_date="2026-03-08")
    followups.add_follow_up(cid, "第二次", on_date="2026-03-09", next_date="2026-04-09")
    assert FollowUp.get_by_id(first.id).next_done_at is not None
    assert followups.due_count(TODAY) == 0
    assert followups.due_count(dt.date(2026, 4, 9)) == 1


def test_feedback_is_open_until_solved(backend_store):
    cid = _add()
    fb = followups.add_follow_up(cid, "快递太慢", channel="phone", feedback=True)
    assert fb.kind == "feedback" and fb.status == "open"
    assert followups.open_feedback_count() == 1
    assert [r.kind for r in followups.open_feedback()] == ["feedback"]
    followups.set_solved(fb.id)
    assert followups.open_feedback_count() == 0 and FollowUp.get_by_id(fb.id).solved_at is not None
    followups.set_solved(fb.id, False)
    assert followups.open_feedback_count() == 1
    plain = followups.add_follow_up(cid, "回访")
    with pytest.raises(FollowUpRefused, match="not feedback"):
        followups.set_solved(plain.id)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"note": "  "}, "needs a note"),
        ({"note": "x", "channel": "fax"}, "Unknown channel"),
        ({"note": "x", "next_date": "2026-13-01"}, "Not a date"),
        ({"note": "x" * 3000}, "at most"),
    ],
)
def test_bad_input_changes_nothing(backend_store, kwargs, match):
    cid = _add()
    with pytest.raises(ValidationError, match=match):
        followups.add_follow_up(cid, **kwargs)
    assert FollowUp.select().count() == 0


def test_customer_in_the_trash_or_unknown_is_refused(backend_store):
    cid = _add()
    customers.trash_customers([cid])
    with pytest.raises(FollowUpRefused, match="Trash"):
        followups.add_follow_up(cid, "x")
    with pytest.raises(NotFoundError):
        followups.add_follow_up(999, "x")


def test_trashed_customers_leave_the_lists_and_come_back(backend_store):
    cid = _add()
    followups.add_follow_up(cid, "x", next_date=TODAY, feedback=True, on_date="2026-02-20")
    customers.trash_customers([cid])
    assert followups.due_count(TODAY) == 0 and followups.open_feedback_count() == 0
    customers.restore_customers([cid])
    assert followups.due_count(TODAY) == 1 and followups.open_feedback_count() == 1


def test_delete_and_restore_a_follow_up(backend_store):
    cid = _add()
    row = followups.add_follow_up(cid, "x", next_date=TODAY, on_date="2026-02-20")
    followups.delete_follow_up(row.id)
    assert followups.for_customer(cid) == [] and followups.due_count(TODAY) == 0
    assert [f.id for f in followups.for_customer(cid, include_deleted=True)] == [row.id]
    followups.restore_follow_up(row.id)
    assert followups.due_count(TODAY) == 1
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.entity == "follow_up")]
    assert actions == ["add_follow_up", "delete_follow_up", "restore_follow_up"]


def test_update_sets_a_new_next_date_due_again(backend_store):
    cid = _add()
    row = followups.add_follow_up(cid, "x", next_date="2026-03-01", on_date="2026-02-20")
    followups.set_next_done(row.id)
    followups.update_follow_up(row.id, {"next_date": "2026-03-05", "outcome": "说下周再聊"})
    assert followups.due_count(TODAY) == 1 and FollowUp.get_by_id(row.id).outcome == "说下周再聊"


def test_merge_moves_follow_ups_and_unmerge_brings_them_back(backend_store):
    keep = _add("张三", phone="13800000001")
    other = _add("张三", phone="13800000002")
    row = followups.add_follow_up(other, "x", feedback=True)
    merge_id = merges.merge(keep, [other])
    assert FollowUp.get_by_id(row.id).customer_id == keep
    assert followups.open_feedback_count() == 1  # (the other is in the Trash: it moved, so it still counts)
    merges.unmerge(merge_id)
    assert FollowUp.get_by_id(row.id).customer_id == other


def test_erase_for_good_deletes_follow_ups_and_their_audit_details(backend_store):
    cid = _add()
    row = followups.add_follow_up(cid, "她说地址换了", feedback=True)
    assert privacy.person_data(cid)["follow_ups"][0]["note"] == "她说地址换了"
    privacy.erase_customers([cid])
    assert FollowUp.select().count() == 0
    entry = AuditEntry.get((AuditEntry.entity == "follow_up") & (AuditEntry.entity_id == row.id))
    assert entry.detail is None


def test_purge_from_the_trash_takes_follow_ups_along(backend_store):
    cid = _add()
    followups.add_follow_up(cid, "x")
    customers.trash_customers([cid])
    customers.purge_customers([cid])
    assert FollowUp.select().count() == 0


def test_the_counts_read_the_follow_up_indexes_first(store):
    """Due and open feedback are found through follow_up's partial indexes, then each customer by
    id — never every live customer (which SQLite chose on a 100k demo database: 25 ms)."""
    from sellerdesk.store.models import DB

    cid = _add()
    followups.add_follow_up(cid, "x", next_date=TODAY, feedback=True, on_date="2026-02-20")
    for sql, params, index in (
        (f"SELECT count(*) {followups._JOIN} WHERE {followups._DUE_WHERE}", [TODAY.isoformat()], "follow_up_next_date"),
        (f"SELECT count(*) {followups._JOIN} WHERE {followups._OPEN_WHERE}", [], "follow_up_open"),
    ):
        plan = [row[3] for row in DB.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
        assert index in plan[0] and "PRIMARY KEY" in plan[1], plan


def test_a_next_date_before_the_follow_up_is_refused(backend_store):
    import datetime as _dt

    from sellerdesk.store import customers, followups

    cid = customers.create_customer({"name": "张三"}).id
    today = _dt.date(2026, 12, 4)
    with pytest.raises(followups.FollowUpRefused) as err:
        followups.add_follow_up(cid, "问问", on_date=today, next_date=_dt.date(2026, 1, 1))
    assert err.value.code == "next_before" and followups.for_customer(cid) == []
    row = followups.add_follow_up(cid, "问问", on_date=today, next_date=today)  # the same day is fine
    with pytest.raises(followups.FollowUpRefused):
        followups.update_follow_up(row.id, {"on_date": _dt.date(2026, 12, 10)})  # now after its next date
    assert followups.for_customer(cid)[0].on_date == today
