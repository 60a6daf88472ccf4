"""Two people writing one order on a team server: neither write is lost."""

from __future__ import annotations

import datetime as dt
import threading
import time

import psycopg

from sellerdesk.store import customers, orders
from sellerdesk.store.models import DB


def test_a_concurrent_write_of_an_order_is_waited_for_and_kept(team_store, pg_database):
    """Another user sets the tracking number while this one marks the order shipped: this save
    waits for theirs and keeps it (it used to write its stale copy of every column back)."""
    cid = customers.save_customer(None, {"name": "张三", "phone": "13812345678"}).id
    order = orders.add_order(cid, amount_fen=1000, order_date=dt.date(2026, 1, 5), items="茶叶 x1")
    with psycopg.connect(pg_database) as other:  # a transaction of another user, holding the row
        other.execute('UPDATE "orders" SET "tracking_no" = %s WHERE "id" = %s', ("SF1", order.id))
        done = threading.Event()
        errors: list[BaseException] = []

        def ship() -> None:
            try:
                orders.update_order(order.id, {"status": "shipped", "courier": "顺丰"})
            except Exception as exc:  # noqa: BLE001 (reported below, on the test thread)
                errors.append(exc)
            finally:
                DB.close()  # this thread's own connection
                done.set()

        worker = threading.Thread(target=ship)
        worker.start()
        time.sleep(0.5)
        assert not done.is_set()  # waiting for the other user's transaction
        other.commit()
    worker.join(30)
    assert not errors
    stored = orders.get_order(order.id)
    assert (stored.status, stored.courier, stored.tracking_no) == ("shipped", "顺丰", "SF1")
