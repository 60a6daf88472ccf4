"""The compact in-file match index (exchange/importer/keys.py)."""

from sellerdesk.exchange.importer.keys import KeyIndex, OwnerText, Scratch
from sellerdesk.exchange.importer.record import Existing


def test_it_answers_as_a_dict_before_and_after_it_spills():
    index = KeyIndex(spill_from=3)
    expected: dict = {}
    for n, key in enumerate(["13800000000", "zs", "13800000001", "客户-7", "13800000000", "ls"]):
        value = Existing(n * 10) if n % 2 else n
        assert index.setdefault(key, value) == expected.setdefault(key, value)
        assert len(index) == len(expected)
    assert index._db is not None  # (past three keys: in the table)
    for key, value in expected.items():
        assert key in index and index[key] == value and index.get(key) == value
    assert "13900000000" not in index and index.get("13900000000") is None
    assert index.get("", 5) == 5
    index.close()
    assert len(index) == 0


def test_assignment_replaces_before_and_after_it_spills():
    index = KeyIndex(spill_from=2)
    index["a"] = 1
    index["a"] = 2
    assert index["a"] == 2 and len(index) == 1
    for n, key in enumerate("bcd"):
        index[key] = n
    index["a"] = 7  # (now in the table)
    assert index["a"] == 7 and index.get("d") == 2 and len(index) == 4


def test_maps_given_one_scratch_share_its_database_until_the_last_closes():
    scratch = Scratch()
    phones, names = KeyIndex(spill_from=1, scratch=scratch), OwnerText(spill_from=1, scratch=scratch)
    private = KeyIndex(spill_from=1)
    for n in range(3):
        phones[f"1380000000{n}"] = n
        names[n] = f"客户{n}"
        private[f"wx{n}"] = n
    assert phones._db is not None and phones._db is names._db  # (one database, one page cache)
    assert private._db is not None and private._db is not phones._db
    assert phones["13800000002"] == 2 and names.get(1) == "客户1" and len(phones) == len(names) == 3
    shared = phones._db
    phones.close()
    assert names.get(2) == "客户2"  # (still open for the other map)
    names.close()
    assert scratch._db is None
    try:
        shared.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - the closed connection refuses, whatever the driver's class
        assert "closed" in str(exc).lower()
    else:
        raise AssertionError("the shared scratch database is still open after its last map closed")
    private.close()
