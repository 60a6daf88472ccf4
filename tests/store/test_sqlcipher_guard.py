import sys

import sqlcipher3

from sellerdesk.store import sqlcipher_guard


def test_none_survives_many_null_queries():
    """Hundreds of thousands of NULL-binding queries must not bring None near a zero count."""
    assert sqlcipher_guard.apply() is False  # already applied when sellerdesk.store was imported
    conn = sqlcipher3.connect(":memory:")
    conn.execute("CREATE TABLE t (a, b)")
    for _ in range(50_000):
        conn.execute("INSERT INTO t VALUES (?, ?)", (None, 1))
        conn.execute("SELECT b, ? FROM t WHERE rowid = last_insert_rowid()", (None,)).fetchall()
    conn.close()
    assert sys.getrefcount(None) > 2**31  # immortal on 3.12+ (4294967295 there), guarded on 3.11


def test_guard_only_where_needed():
    assert sqlcipher_guard.needed() == (sys.implementation.name == "cpython" and sys.version_info < (3, 12))
