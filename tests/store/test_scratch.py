"""The private scratch database of a big job (store/scratch.py): encrypted, gone when closed."""

from pathlib import Path

from sellerdesk.store import scratch


def test_it_answers_as_sqlite_and_leaves_nothing(monkeypatch):
    monkeypatch.setattr(scratch, "REMOVE_WHEN_OPEN", True)
    db = scratch.ScratchDb()
    folder = db._folder
    db.execute("CREATE TABLE k (key TEXT PRIMARY KEY, v INTEGER)")
    db.executemany("INSERT INTO k VALUES (?, ?)", [(f"138{i:08d}", i) for i in range(1000)])
    assert db.execute("SELECT v FROM k WHERE key = ?", ("13800000007",)).fetchone() == (7,)
    assert not folder.exists()  # (POSIX: removed once open, the open handle keeps the file)
    db.close()
    assert not folder.exists()


def test_what_reaches_the_disk_is_encrypted(monkeypatch):
    monkeypatch.setattr(scratch, "REMOVE_WHEN_OPEN", False)  # (kept until close, as on Windows)
    monkeypatch.setattr(scratch, "CACHE_KIB", 64)  # (pages spill to the file)
    db = scratch.ScratchDb()
    path = Path(db._folder) / "scratch.db"
    db.execute("CREATE TABLE k (key TEXT PRIMARY KEY, v TEXT)")
    db.executemany("INSERT INTO k VALUES (?, ?)", [(f"1380013{i:04d}", "张三丰") for i in range(5000)])
    data = path.read_bytes()
    assert len(data) > 100_000
    assert b"13800131234" not in data and "张三丰".encode() not in data
    assert not data.startswith(b"SQLite format 3")
    assert oct(db._folder.stat().st_mode & 0o777) == oct(0o700)
    db.close()
    assert not path.exists() and not db._folder.exists()
