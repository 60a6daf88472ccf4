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


def test_once_spilled_it_answers_as_a_dict_whatever_its_filter_and_buffer_say(monkeypatch):
    """New entries wait in a small buffer and a Bloom filter decides which lookups ask the table:
    with a buffer of 2 and a filter of 64 bits (so full of false "maybe"s), a long run of mixed
    operations answers exactly as a dict."""
    import random

    from sellerdesk.exchange.importer import keys

    monkeypatch.setattr(keys, "FLUSH_AT", 2)
    monkeypatch.setattr(keys, "SEEN_BITS", 64)
    rnd = random.Random(7)
    index, names = KeyIndex(spill_from=3), OwnerText(spill_from=3)
    expected_keys: dict = {}
    expected_names: dict = {}
    for step in range(2_000):
        key = f"k{rnd.randrange(300)}"
        owner = rnd.randrange(200)
        target = Existing(step) if step % 3 == 0 else step
        op = rnd.randrange(5)
        if op == 0:
            assert index.setdefault(key, target) == expected_keys.setdefault(key, target)
        elif op == 1:
            index[key] = target
            expected_keys[key] = target
        elif op == 2:
            assert index.get(key) == expected_keys.get(key) and (key in index) == (key in expected_keys)
        elif op == 3:
            text = rnd.choice(["", "张三", "李四"])
            names[owner] = text
            if text:
                expected_names[owner] = text
            else:
                expected_names.pop(owner, None)
        else:
            assert names.setdefault(owner, "王五") == expected_names.setdefault(owner, "王五")
        assert names.get(owner) == expected_names.get(owner, "")
    assert index._db is not None and names._db is not None
    assert len(index) == len(expected_keys) and len(names) == len(expected_names)
    assert all(index[k] == v for k, v in expected_keys.items())
    index.close()
    names.close()


def test_a_key_never_put_is_not_looked_up_in_the_table():
    """The filter keeps a new row's lookups of new keys away from the table (one statement each was
    most of the planner's cost at 100k rows)."""
    index = KeyIndex(spill_from=1)
    for n in range(5_000):
        index[f"1380000{n:04d}"] = n
    asked = []
    db = index._db
    assert db is not None
    real = db.execute
    db.execute = lambda sql, params=(): asked.append(sql) or real(sql, params)  # type: ignore[method-assign]
    misses = sum(index.get(f"1390000{n:04d}") is None for n in range(5_000))
    assert misses == 5_000 and len(asked) < 25  # (a false "maybe" asks: ~0 in 5,000 at this size)
    db.execute = real  # type: ignore[method-assign]
    index.close()
