"""Same phone, different name (issue 15): a phone joins a customer only when the names are
compatible (core.same_person.names_compatible); otherwise the row is a possible duplicate (可能重复),
kept apart (the default) or merged as chosen, never silently."""

import openpyxl
import pytest

from sellerdesk.exchange import importer
from sellerdesk.exchange.importer import Action, Existing, InFile
from sellerdesk.exchange.importer.prepare import mapped_columns, prepare_row
from sellerdesk.store import customers
from sellerdesk.store.models import Customer

pytestmark = pytest.mark.usefixtures("key_index")  # the in-file keys in a dict, and spilled

MAPPING = ["name", "phone", "wechat", "ref"]
PHONE = "13800000001"


def records(rows):
    columns = mapped_columns(MAPPING, "t.xlsx")
    return [prepare_row(n, cells, columns) for n, cells in enumerate(rows, start=2)]


def plan(rows, on_duplicate="merge", **kw):
    return importer.make_plan(records(rows), on_duplicate, refs=[r[3] for r in rows], **kw)


@pytest.fixture
def zhang(backend_store):
    return customers.create_customer({"name": "张三", "phone": PHONE}).id


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("张三", id="equal"),
        pytest.param("", id="row name empty"),
        pytest.param("张先生", id="surname and title"),
        pytest.param("老张", id="surname with prefix"),
        pytest.param("章三", id="same pinyin"),
        pytest.param("Zhang San", id="same pinyin in latin letters"),
        pytest.param("張三", id="traditional characters"),
    ],
)
def test_a_compatible_name_merges(zhang, name):
    (rec,) = plan([[name, PHONE, "", ""]]).records
    assert (rec.action, rec.match, rec.issues) == (Action.MERGE, Existing(zhang), [])


def test_a_stored_customer_without_a_name_takes_any_name(backend_store):
    cid = customers.create_customer({"phone": PHONE, "wechat": "w1"}).id
    (rec,) = plan([["李四", PHONE, "", ""]]).records
    assert (rec.action, rec.match) == (Action.MERGE, Existing(cid))


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("李四", id="another person"),
        pytest.param("张三丰", id="one character more"),
    ],
)
def test_an_incompatible_name_is_a_possible_duplicate_kept_apart(zhang, name):
    result = plan([[name, PHONE, "", ""]])
    (rec,) = result.records
    assert (rec.action, rec.match, rec.owner) == (Action.NEW, None, InFile(0))
    assert rec.issues == ["possible_duplicate"]
    assert (rec.twin, rec.twin_name) == (Existing(zhang), "张三")
    assert "可能重复" in rec.reason() and "张三" in rec.reason()
    assert "possible duplicate" in rec.reason("en")
    assert (result.counts["new"], result.counts["merged"], result.counts["possible_duplicates"]) == (1, 0, 1)
    assert not rec.flagged  # (imported as it is: a question for the user, not a wrong value)


def test_titles_on_both_sides_are_a_couple(backend_store):
    customers.create_customer({"name": "张先生", "phone": PHONE})
    (rec,) = plan([["张女士", PHONE, "", ""]]).records
    assert rec.action is Action.NEW and rec.issues == ["possible_duplicate"]


def test_merge_chosen_merges_and_still_lists_the_row(zhang):
    result = plan([["李四", PHONE, "", ""]], same_phone="merge")
    (rec,) = result.records
    assert (rec.action, rec.match) == (Action.MERGE, Existing(zhang))
    assert rec.issues == ["merged_other_name"] and "已合并" in rec.reason()
    assert result.counts["possible_duplicates"] == 1 and result.same_phone == "merge"


def test_a_second_row_of_the_other_person_joins_the_first(zhang):
    result = plan([["李四", PHONE, "", ""], ["李先生", PHONE, "", ""], ["张三", PHONE, "", ""]])
    assert [(r.action, r.match) for r in result.records] == [
        (Action.NEW, None),
        (Action.MERGE, InFile(0)),
        (Action.MERGE, Existing(zhang)),
    ]
    assert result.counts["possible_duplicates"] == 1


def test_rows_of_one_file_sharing_a_phone(backend_store):
    result = plan([["王一", PHONE, "", ""], ["赵二", PHONE, "", ""], ["王先生", PHONE, "", ""], ["", PHONE, "", ""]])
    assert [(r.action, r.match) for r in result.records] == [
        (Action.NEW, None),
        (Action.NEW, None),
        (Action.MERGE, InFile(0)),
        (Action.MERGE, InFile(0)),
    ]
    second = result.records[1]
    assert (second.issues, second.twin, second.twin_name) == (["possible_duplicate"], InFile(0), "王一")


def test_each_of_several_stored_customers_on_one_phone_is_found(backend_store):
    first = customers.create_customer({"name": "王一", "phone": PHONE}).id
    second = customers.create_customer({"name": "赵二", "phone": PHONE}).id
    result = plan([["赵二", PHONE, "", ""], ["王一", PHONE, "", ""], ["孙三", PHONE, "", ""]])
    assert [r.match for r in result.records] == [Existing(second), Existing(first), None]
    assert result.records[2].twin == Existing(first)


def test_a_masked_name_is_no_name(zhang):
    (rec,) = plan([["张**", PHONE, "", ""]]).records
    assert (rec.action, rec.match) == (Action.MERGE, Existing(zhang))


def test_skip_skips_the_same_person_only(zhang):
    result = plan([["张先生", PHONE, "", ""], ["李四", PHONE, "", ""]], "skip")
    assert [r.action for r in result.records] == [Action.SKIP, Action.NEW]
    assert result.records[1].issues == ["possible_duplicate"]


def test_different_refs_are_different_customers_when_the_file_says_so(backend_store):
    rows = [["张三", PHONE, "zs", "1"], ["张三", PHONE, "zs", "2"], ["张先生", PHONE, "", "1"], ["", "", "zs2", "2"]]
    result = plan(rows, distinct_refs=True)
    assert [(r.action, r.match) for r in result.records] == [
        (Action.NEW, None),
        (Action.NEW, None),
        (Action.MERGE, InFile(0)),
        (Action.MERGE, InFile(1)),
    ]
    assert result.counts["possible_duplicates"] == 0
    # without it (a 客户编号 that is not ours, e.g. 买家会员名) the phone joins them
    assert [r.action for r in plan(rows).records] == [Action.NEW, Action.MERGE, Action.MERGE, Action.MERGE]


def test_refs_find_each_stored_customer_on_a_re_import(backend_store):
    """Re-importing our own export into the same database: each row finds its own customer."""
    first = customers.create_customer({"name": "张三", "phone": PHONE}).id
    second = customers.create_customer({"name": "张三", "phone": PHONE}).id
    result = plan([["张三", PHONE, "", "1"], ["张三", PHONE, "", "2"]], distinct_refs=True)
    assert [r.match for r in result.records] == [Existing(first), Existing(second)]


def test_the_written_import_keeps_both_and_reports_the_row(backend_store, tmp_path):
    customers.create_customer({"name": "张三", "phone": PHONE})
    path = tmp_path / "客户.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["姓名", "手机"], ["李四", PHONE], ["张先生", PHONE]):
        sheet.append(row)
    book.save(path)

    result = importer.import_file(path)

    assert sorted(Customer.select(Customer.name).where(Customer.phone == PHONE).tuples()) == [("张三",), ("李四",)]
    assert (result.counts["new"], result.counts["merged"], result.counts["possible_duplicates"]) == (1, 1, 1)
    rows = list(openpyxl.load_workbook(result.report_path).active.iter_rows(values_only=True))
    assert rows[1][:2] == (2, "可能重复：与「张三」电话相同、姓名不同，已另建客户，请核对")
    assert len(rows) == 2


def test_an_unknown_choice_is_refused(backend_store):
    with pytest.raises(ValueError):
        plan([["张三", PHONE, "", ""]], same_phone="ask")
