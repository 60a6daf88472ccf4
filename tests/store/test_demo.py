import datetime as dt
import json

import pytest

from sellerdesk.core import clock
from sellerdesk.core.orders import COUNTING, STATUSES, parse_items
from sellerdesk.progress import Cancelled, CancelToken
from sellerdesk.store import customers, demo, orders, tiers
from sellerdesk.store.customers import address_values
from sellerdesk.store.models import DB, Address, Customer, Order, OrderItem
from sellerdesk.store.orders import OrderFilter


def _maintained():
    return {
        c.id: (c.order_count, c.total_spent_fen, c.first_order_at, c.last_order_at, c.tier, c.tier_manual)
        for c in Customer.select()
    }


def test_demo_orders_are_realistic_and_consistent(backend_store):
    assert demo.generate(400, seed=11) == 400
    total = Order.select().count()
    assert 2.5 * 400 <= total <= 3.5 * 400  # ~3 per customer
    per_customer = [c.order_count for c in Customer.select()]
    assert max(per_customer) <= 20 and per_customer.count(0) > 20
    statuses = {s: Order.select().where(Order.status == s).count() for s in STATUSES}
    assert all(statuses.values()), statuses  # every status appears
    assert statuses["delivered"] > total / 2
    today = clock.today()
    recent = Order.select().where(Order.order_date >= today - dt.timedelta(days=2))
    assert {o.status for o in recent} <= {"pending", "shipped", "cancelled"}
    assert min(o.order_date for o in Order.select()) >= today - dt.timedelta(days=730)
    for order in Order.select().where(Order.status == "shipped"):
        assert order.courier and order.tracking_no and order.shipped_on >= order.order_date
    # each order ships to a snapshot of its customer's default address, and its lines match its text
    defaults = {a.customer_id: a for a in Address.select().where(Address.is_default == True)}  # noqa: E712
    lines = orders.lines_of([o.id for o in Order.select()])
    for order in Order.select():
        address = defaults.get(order.customer_id)
        assert order.address_snapshot == (address_values(address) if address else None)
        assert order.address_id == (address.id if address else None)
        parsed = parse_items(order.items)
        assert [(x.product, x.quantity) for x in parsed] == [(x.product, x.quantity) for x in lines[order.id]]
    numbers = [o.order_no for o in Order.select() if o.order_no]
    assert numbers and len(numbers) == len(set(numbers))
    # the maintained columns and tiers are what the store computes itself
    before = _maintained()
    assert tiers.recompute_tiers() == 0
    with DB.atomic():
        orders.refresh_customers([c.id for c in Customer.select(Customer.id)])
    assert _maintained() == before
    assert len({c.tier for c in Customer.select()}) == 4
    spent = sum(o.amount_fen for o in Order.select() if o.status in COUNTING)
    assert spent == sum(c.total_spent_fen for c in Customer.select())
    summary = orders.customer_summary(max(Customer.select(), key=lambda c: c.order_count).id)
    assert summary.top_products and summary.order_count >= 5


def test_demo_is_repeatable_and_adds_to_existing_data(backend_store):
    real = customers.create_customer({"name": "真实客户"}).id
    mine = orders.add_order(real, amount_fen=100, items="面膜").id

    def demo_orders():
        # by the customer's name, not their id: a team server never hands out an id twice
        query = Order.select(Order, Customer.name).join(Customer).where(Order.id != mine).order_by(Order.id)
        return [(o.customer.name, o.order_date, o.amount_fen, o.items) for o in query]

    demo.generate(50, seed=3)
    first = demo_orders()
    assert demo.remove_demo() == 50
    assert [o.id for o in Order.select()] == [mine]  # demo orders went with their customers
    assert OrderItem.select().count() == 1
    demo.generate(50, seed=3)
    assert demo_orders() == first
    assert orders.count_orders(OrderFilter(customer_id=real)) == 1


def test_cancelled_demo_leaves_nothing(backend_store):
    token = CancelToken()

    def progress(done, total, message=""):
        if done >= 1000:
            token.cancel()

    with pytest.raises(Cancelled):
        demo.generate(3000, seed=1, progress=progress, token=token)
    assert Customer.select().count() == 0 and Order.select().count() == 0 and OrderItem.select().count() == 0


def test_audit_counts_orders(backend_store):
    demo.generate(20, seed=4)
    from sellerdesk.store.models import AuditEntry

    entry = AuditEntry.get(AuditEntry.action == "demo_generate")
    assert entry.detail == {"count": 20, "orders": Order.select().count()}
    assert json.dumps(entry.detail)


def test_demo_notes_are_chinese_and_varied(backend_store):
    """Notes read like a seller's own (只收顺丰…): no English word, no "演示数据", most empty."""
    demo.generate(300, seed=3)
    notes = [c.notes for c in Customer.select()]
    written = [n for n in notes if n]
    assert written and len(written) < len(notes) / 2
    assert len(set(written)) > 5
    assert not any("demo" in n.lower() or "演示" in n for n in notes)
    assert all(not any("a" <= ch.lower() <= "z" for ch in n) for n in written)
