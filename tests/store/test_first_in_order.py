"""search.first_in_order: the one chunk walk of a search's and a region's first screen."""

from __future__ import annotations

from sellerdesk.store.search import first_in_order


def test_the_first_hits_in_the_orders_order_a_chunk_at_a_time():
    asked: list[list[int]] = []

    def evens(chunk: list[int]) -> set[int]:
        asked.append(chunk)
        return {i for i in chunk if i % 2 == 0}

    order = list(range(100, 0, -1))
    assert first_in_order(order, 5, 4, 10, evens) == [100, 98, 96, 94, 92]
    assert len(asked) == 3  # stops as soon as the screen is full


def test_too_few_within_the_chunks_is_none_and_a_short_order_is_answered_whole():
    def rare(chunk: list[int]) -> set[int]:
        return {i for i in chunk if i % 50 == 0}

    assert first_in_order(list(range(1, 101)), 5, 4, 3, rare) is None  # 12 of 100 tested: read whole
    assert first_in_order(list(range(1, 101)), 5, 50, 2, rare) == [50, 100]  # every id tested


def test_a_thin_rate_gives_up_after_the_first_chunk():
    asked: list[list[int]] = []

    def rare(chunk: list[int]) -> set[int]:
        asked.append(chunk)
        return {i for i in chunk if i % 7 == 0}

    order = list(range(1, 1001))
    assert first_in_order(order, 60, 10, 6, rare, thin_gives_up=True) is None
    assert len(asked) == 1
    asked.clear()
    assert first_in_order(order, 60, 10, 6, rare) is None
    assert len(asked) == 6  # without it: every chunk allowed is tried
