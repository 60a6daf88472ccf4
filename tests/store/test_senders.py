import pytest

from sellerdesk.store import senders, settings
from sellerdesk.store.errors import TooLongError, ValidationError


def test_none_until_saved(backend_store):
    assert senders.senders() == []
    assert senders.default_sender() is None


def test_two_warehouses_one_default(backend_store):
    saved = senders.save_senders(
        [
            {
                "label": "杭州仓",
                "name": "王小二",
                "phone": "138 1234 5678",
                "province": "浙江省",
                "city": "杭州市",
                "district": "余杭区",
                "detail": "仓前街道 1 号",
            },
            {
                "label": "广州仓",
                "name": "李姐",
                "phone": "020-8888 6666",
                "detail": "白云区某路 2 号",
                "is_default": True,
            },
        ]
    )
    assert [s.label for s in saved] == ["广州仓", "杭州仓"]
    first = senders.default_sender()
    assert first is not None and first.label == "广州仓" and first.phone == "020-88886666"
    hz = senders.senders()[1]
    assert hz.phone == "13812345678" and hz.address == "浙江省杭州市余杭区仓前街道 1 号" and not hz.is_default


def test_first_becomes_default_when_none_is_marked(backend_store):
    senders.save_senders([{"name": "甲", "phone": "13800000001"}, {"name": "乙", "phone": "13800000002"}])
    assert [s.is_default for s in senders.senders()] == [True, False]


@pytest.mark.parametrize(
    ("item", "error"),
    [
        ({"name": "", "phone": "13800000001"}, ValidationError),
        ({"name": "甲", "phone": " "}, ValidationError),
        ({"name": "甲" * 101, "phone": "13800000001"}, TooLongError),
        ({"name": "甲", "phone": "abc12345"}, ValidationError),  # not a number a courier can call
    ],
)
def test_a_bad_sender_changes_nothing(backend_store, item, error):
    senders.save_senders([{"name": "旧", "phone": "13800000009"}])
    with pytest.raises(error):
        senders.save_senders([{"name": "新", "phone": "13800000008"}, item])
    assert [s.name for s in senders.senders()] == ["旧"]


def test_damaged_stored_rows_are_skipped(backend_store):
    from sellerdesk.store.models import DB

    with DB.obj.atomic():
        settings.write(senders.SENDERS, [{"name": "好", "phone": "13800000001"}, {"name": ""}, "junk"])
    assert [s.name for s in senders.senders()] == ["好"]
