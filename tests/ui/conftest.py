import pytest


@pytest.fixture
def sync_jobs(monkeypatch):
    """Jobs run on the calling thread: finished, their signals delivered, when started."""
    from sellerdesk.jobs import runner

    monkeypatch.setattr(runner, "synchronous", True)
