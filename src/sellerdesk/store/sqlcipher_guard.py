"""Guard against a reference-count leak of ``None`` in the sqlcipher3 extension.

sqlcipher3 (0.5.x–0.6.x wheels, measured here with 0.6.4) drops one reference to ``None``
now and then while running statements that bind or return NULL — about 1 in 30 such
queries here; ``True``, ``False``, small ints and the empty tuple are unaffected, and the
standard ``sqlite3`` module shows no leak. On CPython 3.12+ ``None`` is immortal and the
stray decrement is ignored. On 3.11 the count keeps falling, and after enough queries
(an import or a long day in the app) the interpreter aborts with "deallocating None".

:func:`apply` gives ``None`` 2**40 extra references on CPython < 3.12: effectively the
immortality 3.12 gives it. ``None`` is never freed anyway, so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 40
_applied = False


def needed() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def apply() -> bool:
    """Make ``None`` effectively immortal where the interpreter does not; True if it did."""
    global _applied
    if _applied or not needed():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += EXTRA_REFERENCES
    _applied = True
    return True
