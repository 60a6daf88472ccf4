from sellerdesk.single_instance import SingleInstance


def test_second_instance_is_refused_and_raises_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path)
    assert first.acquire()
    second = SingleInstance(tmp_path)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert second.notify_running()
    finally:
        first.release()
    third = SingleInstance(tmp_path)
    assert third.acquire(), "the lock is free again once the first instance is gone"
    third.release()
