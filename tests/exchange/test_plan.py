"""The planner: each row's action (an Action) and whom it joins (Existing or InFile)."""

import pytest

from sellerdesk.exchange import importer
from sellerdesk.exchange.importer import Action, Existing, InFile
from sellerdesk.exchange.importer.prepare import mapped_columns, prepare_row
from sellerdesk.store import customers
from sellerdesk.store.models import Customer

MAPPING = ["name", "phone", "wechat", "ref"]


pytestmark = pytest.mark.usefixtures("key_index")


def records(rows):
    columns = mapped_columns(MAPPING, "t.xlsx")
    return [prepare_row(n, cells, columns) for n, cells in enumerate(rows, start=2)]


def plan(rows, on_duplicate="merge"):
    return importer.make_plan(records(rows), on_duplicate, refs=[r[3] for r in rows])


def test_rows_join_database_customers_and_earlier_rows(backend_store):
    known = customers.create_customer({"name": "老王", "phone": "13900000001", "wechat": "lw"})
    rows = [
        ["老王", "13900000001", "", "R1"],  # the database customer, by phone
        ["王先生", "13700000002", "", "R1"],  # shares R1 with that row: the database customer too
        ["王", "137 0000 0002", "", ""],  # shares the phone of the row above: still the database customer
        ["新人", "13600000003", "xr", "R2"],  # new
        ["", "", "xr", ""],  # the new customer, by WeChat ID
        ["又一个", "", "", "R2"],  # the new customer, by 客户编号
        ["", "", "lw", ""],  # the database customer, by WeChat ID
        ["", "", "", ""],  # nobody: rejected
    ]
    result = plan(rows)
    assert [r.action for r in result.records] == [
        Action.MERGE,
        Action.MERGE,
        Action.MERGE,
        Action.NEW,
        Action.MERGE,
        Action.MERGE,
        Action.MERGE,
        Action.REJECT,
    ]
    assert [r.match for r in result.records] == [
        Existing(known.id),
        Existing(known.id),
        Existing(known.id),
        None,
        InFile(3),
        InFile(3),
        Existing(known.id),
        None,
    ]
    assert (result.counts["new"], result.counts["merged"], result.counts["rejected"]) == (1, 6, 1)


def test_written_plan_lands_where_the_matches_say(backend_store, tmp_path):
    known = customers.create_customer({"name": "老王", "phone": "13900000001"})
    rows = [["老王", "13900000001", "", "R1"], ["王先生", "13700000002", "", "R1"], ["新人", "13600000003", "", ""]]
    result = plan(rows)
    table = importer.Table(tmp_path / "t.xlsx", "xlsx", "S", [], 1, ["姓名", "手机", "微信", "客户编号"], [])
    counts = importer.write_plan(table, MAPPING, result, write_report_file=False).counts
    assert counts["new"] == 1 and counts["customers_changed"] == 1
    assert Customer.select().count() == 2
    assert "13700000002" not in [c.phone for c in Customer.select()]  # merged, not created
    assert customers.get_customer(known.id).name == "老王"


@pytest.mark.parametrize(
    ("on_duplicate", "action"), [("merge", Action.MERGE), ("update", Action.UPDATE), ("skip", Action.SKIP)]
)
def test_a_duplicate_row_takes_the_chosen_action(backend_store, on_duplicate, action):
    known = customers.create_customer({"name": "老王", "phone": "13900000001"})
    result = plan([["老王", "13900000001", "", ""], ["新人", "13600000003", "", ""]], on_duplicate)
    assert [r.action for r in result.records] == [action, Action.NEW]
    assert result.records[0].match == (None if action is Action.SKIP else Existing(known.id))


def test_replanning_the_same_records_forgets_the_last_plan(backend_store):
    customers.create_customer({"name": "老王", "phone": "13900000001"})
    recs = records([["老王", "13900000001", "", ""]])
    assert importer.make_plan(recs, "merge").records[0].match is not None
    again = importer.make_plan(recs, "skip").records[0]
    assert again.action is Action.SKIP and again.match is None and again.issues == ["skipped_duplicate"]
    new = importer.make_plan(recs, "new").records[0]
    assert new.action is Action.NEW and new.match is None and new.issues == []
