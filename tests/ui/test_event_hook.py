"""ui.widgets.event_hook: a filter that lives and dies with what it watches."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from sellerdesk.ui.widgets.event_hook import EventHook


def test_the_handler_sees_the_events_and_can_eat_them(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    seen = []

    def handler(event):
        seen.append(event.type())
        return event.type() == QEvent.Type.KeyPress  # eat key presses

    EventHook(edit, handler)
    edit.show()
    qtbot.waitExposed(edit)
    qtbot.keyClicks(edit, "ab")
    assert QEvent.Type.KeyPress in seen
    assert edit.text() == ""  # eaten


def test_a_handler_whose_object_is_gone_does_not_break_the_event_loop(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    edit = QLineEdit(holder)
    inner = QWidget()

    def handler(_event):
        inner.isVisible()  # raises RuntimeError once inner's C++ object is deleted
        return False

    EventHook(edit, handler)
    inner.deleteLater()
    qtbot.wait(10)
    holder.show()  # events reach the hook: no exception escapes, the edit works
    qtbot.waitExposed(holder)
    qtbot.keyClicks(edit, "ok")
    assert edit.text() == "ok"


def test_the_hook_goes_with_the_watched_widget(qtbot):
    edit = QLineEdit()
    hook = EventHook(edit, lambda _e: False)
    assert hook.parent() is edit
    destroyed = []
    hook.destroyed.connect(lambda: destroyed.append(True))
    edit.deleteLater()
    qtbot.waitUntil(lambda: bool(destroyed))


def test_a_detached_or_destroyed_hook_calls_nothing(qtbot):
    from sellerdesk.ui.widgets import event_hook

    seen = []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    hook = EventHook(edit, lambda e: seen.append(e.type()) or False)
    edit.setText("a")
    edit.resize(50, 20)
    edit.show()
    assert seen
    hook.detach()
    seen.clear()
    edit.resize(80, 20)
    edit.hide()
    assert seen == [] and id(hook) not in event_hook._HANDLERS
    other = EventHook(edit, lambda _e: False)
    key = id(other)
    assert key in event_hook._HANDLERS
    other.deleteLater()
    qtbot.waitUntil(lambda: key not in event_hook._HANDLERS)
