"""The installed PySide6 itself: bugs of a release that would take the app down.

PySide6 6.12.0 drops one reference to ``True`` on every ``Signal.emit()`` from Python. On
Python 3.11 ``True`` is not immortal, so after enough emits (every search, every job's progress)
the interpreter aborts with "Fatal Python error: bool_dealloc: deallocating True or False",
mid-session or at exit. pyproject.toml keeps 6.12.0 out; this test says so if it comes back.
(On Python 3.12+ ``True`` is immortal: its count never moves and the test passes.)
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal

EMITS = 2000

# References to True that repay what a buggy PySide6 took, so that a failing run reports the
# failure instead of aborting the whole test session when True's count reaches zero.
_repaid: list[bool] = []


class _Emitter(QObject):
    bare = Signal()
    number = Signal(int)
    text = Signal(str)

    def slot(self) -> None:
        pass


def test_emitting_a_signal_keeps_the_reference_count_of_true(qapp):
    sender, relay = _Emitter(), _Emitter()
    sender.bare.connect(sender.slot)
    sender.number.connect(lambda value: None)
    sender.text.connect(relay.text)  # signal to signal
    emits = [sender.bare.emit, lambda: sender.number.emit(7), lambda: sender.text.emit("x"), relay.bare.emit]
    guard = [True] * (len(emits) * EMITS)  # True cannot reach zero while we count
    before = sys.getrefcount(True)
    for emit in emits:
        for _ in range(EMITS):
            emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _repaid.extend([True] * lost)
    del guard
    assert lost < EMITS // 2, (
        f"PySide6 {PySide6.__version__}: {len(emits) * EMITS} Signal.emit() calls lost {lost} references "
        "to True (the 6.12.0 refcount bug: on Python 3.11 the app aborts with 'bool_dealloc: deallocating "
        "True or False'); keep this release out in pyproject.toml"
    )
