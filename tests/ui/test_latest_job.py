"""jobs.latest.Latest: one job at a time, only the newest request runs next and is delivered."""

import threading

from sellerdesk.jobs.latest import Latest


def test_requests_while_running_coalesce_to_the_newest(qtbot):
    gate = threading.Event()
    seen_args = []

    def work(argument):
        seen_args.append(argument)
        if argument == "first":
            gate.wait(5)  # hold the first job until the others are asked for
        return argument.upper()

    latest = Latest(work, "test")
    results = []
    latest.ready.connect(results.append)
    latest.request("first")  # on the thread pool
    qtbot.waitUntil(lambda: seen_args == ["first"])
    for argument in ("second", "third", "fourth"):
        latest.request(argument)
    assert latest.busy
    gate.set()
    qtbot.waitUntil(lambda: not latest.busy, timeout=5000)
    assert seen_args == ["first", "fourth"]  # second and third were replaced while waiting
    assert results == ["FOURTH"]  # the first answer was stale when it came: not delivered
    assert latest.started == 2


def test_failure_is_reported_and_the_next_request_runs(qtbot, sync_jobs):
    def work(argument):
        if argument == "bad":
            raise ValueError("no such place")
        return argument

    latest = Latest(work)
    failures, results = [], []
    latest.failed.connect(failures.append)
    latest.ready.connect(results.append)
    latest.request("bad")
    latest.request("good")
    assert failures == ["no such place"] and results == ["good"] and not latest.busy


def test_stop_drops_the_waiting_request(qtbot):
    gate = threading.Event()
    seen_args = []

    def work(argument):
        seen_args.append(argument)
        gate.wait(5)
        return argument

    latest = Latest(work)
    latest.request(1)
    qtbot.waitUntil(lambda: seen_args == [1])
    latest.request(2)
    gate.set()
    latest.stop()  # waits for job 1; request 2 never starts
    qtbot.wait(50)
    assert seen_args == [1]


def test_an_answer_queued_when_stop_is_called_is_dropped(qtbot):
    """The job ended just before the window closed; its answer reaches the GUI thread after
    stop() (the database closed meanwhile): not delivered, and no request runs after it."""
    import time

    entered = threading.Event()

    def work(argument):
        entered.set()
        return argument

    latest = Latest(work)
    results = []
    latest.ready.connect(results.append)
    latest.request("late")
    job = latest.job
    assert job is not None and entered.wait(5)
    while job.running:  # (it emits before it stops running; no event is processed meanwhile)
        time.sleep(0.005)
    latest.stop()
    qtbot.wait(50)  # the queued answer arrives now
    latest.request("after")
    qtbot.wait(50)
    assert results == [] and latest.started == 1


def test_a_newer_request_cancels_the_running_cancellable_job(qtbot):
    """Issue 21: a search's whole answer being read when the next keystroke comes is stopped at
    its next step (its token), its answer never delivered; the newest request runs after it."""
    from sellerdesk.progress import Cancelled

    entered, gate = threading.Event(), threading.Event()
    seen_args, stopped = [], []

    def work(argument, token):
        seen_args.append(argument)
        if argument == "d":
            entered.set()
            gate.wait(5)
        try:
            token.check()
        except Cancelled:
            stopped.append(argument)
            raise
        return argument

    latest = Latest(work, "test", cancellable=True)
    results = []
    latest.ready.connect(results.append)
    latest.request("d")
    assert entered.wait(5)
    latest.request("1")
    assert latest.cancelled == 1
    gate.set()
    qtbot.waitUntil(lambda: not latest.busy, timeout=5000)
    assert seen_args == ["d", "1"] and stopped == ["d"] and results == ["1"]


def test_cancel_drops_the_answer_of_the_running_job(qtbot):
    """cancel(): nothing asked so far is wanted; a job that ends without looking at its token
    still delivers nothing, and a later request is delivered as usual."""
    entered, gate = threading.Event(), threading.Event()

    def work(argument, _token):
        if argument == "old":
            entered.set()
            gate.wait(5)
        return argument

    latest = Latest(work, "test", cancellable=True)
    results = []
    latest.ready.connect(results.append)
    latest.request("old")
    assert entered.wait(5)
    latest.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not latest.busy, timeout=5000)
    assert results == []
    latest.request("new")
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
