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


def test_a_lock_file_that_cannot_be_made_is_an_error_not_another_instance(qtbot, tmp_path):
    """Stranger QA: with the data folder on a full disk the app said 客户地址管家已经在运行。"""
    import pytest

    home = tmp_path / "home"
    instance = SingleInstance(home)
    home.rmdir()  # (a full disk gives Qt the same kind of failure: no lock file, nobody holding it)
    with pytest.raises(OSError) as caught:
        instance.acquire()
    assert caught.value.filename == str(home)
    assert not home.exists()  # nothing made there by the check
