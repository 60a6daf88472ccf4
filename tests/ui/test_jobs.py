import pytest

from sellerdesk.jobs.runner import start
from sellerdesk.jobs.worker import Job
from sellerdesk.progress import Cancelled, CancelToken


def test_job_reports_progress_and_result(qtbot):
    def work(progress, token):
        for i in range(3):
            progress(i + 1, 3, f"step {i + 1}")
        return "done"

    job = Job(work)
    seen = []
    job.progress.connect(lambda d, t, m: seen.append((d, t, m)))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        start(job)
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3, "step 3")


def test_job_cancel_and_failure(qtbot):
    def endless(progress, token):
        while True:
            progress(0, 0, "")

    job = Job(endless)
    job.cancel()
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.run_here()

    def broken(progress, token):
        raise ValueError("the file is not a spreadsheet")

    job = Job(broken)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.run_here()
    assert blocker.args == ["the file is not a spreadsheet"]


def test_cancel_token():
    token = CancelToken()
    token.check()
    token.cancel()
    with pytest.raises(Cancelled):
        token.check()


def test_a_non_exception_error_still_reports_failure(qtbot):
    # pyo3 turns a Rust panic into a BaseException subclass: the window must not wait forever
    class Panic(BaseException):
        pass

    def panics(progress, token):
        raise Panic("rust panicked")

    job = Job(panics)
    finished = []
    job.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.run_here()
    assert blocker.args == ["Panic"] and finished == [True]


def test_start_uses_the_pool_unless_switched_to_the_calling_thread(qtbot):
    import threading

    from sellerdesk.jobs import runner

    threads = []

    def work(progress, token):
        threads.append(threading.current_thread())
        return "ok"

    job = Job(work)
    with qtbot.waitSignal(job.succeeded, timeout=5000):
        start(job)
    assert threads[-1] is not threading.current_thread()

    job = Job(work)
    results = []
    job.succeeded.connect(results.append)
    with runner.on_calling_thread():
        start(job)
        assert threads[-1] is threading.current_thread() and results == ["ok"]  # done when start returns
    assert runner.synchronous is False
