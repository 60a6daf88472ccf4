"""A team database with users of each role, and customers in three regions, for the RLS tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pytest

from pg_roles import drop_roles, user_url


@dataclass
class Team:
    url: str  # the superuser's URL to the team database
    passwords: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # helper/south… → the role's real (unique) name
    customers: dict[str, int] = field(default_factory=dict)  # province → customer id

    def url_of(self, who: str) -> str:
        return user_url(self.url, self.names[who], self.passwords[who])

    def connect(self, who: str):
        import psycopg

        return psycopg.connect(self.url_of(who), autocommit=True)


def seed_customers() -> dict[str, int]:
    """One customer (with an order) in 广东, 浙江 and 北京, and one without an address."""
    import datetime as dt

    from sellerdesk.store import customers
    from sellerdesk.store.models import Order, OrderItem

    out = {}
    for province, city, district in (("广东", "深圳", "南山"), ("浙江", "杭州", "西湖"), ("北京", "北京", "朝阳")):
        saved = customers.save_customer(
            None,
            {"name": f"{province}客户", "phone": "13812345678"},
            [customers.AddressEdit({"province": province, "city": city, "district": district, "detail": "1号"})],
        )
        # (the models directly: store.orders is ported to PostgreSQL elsewhere)
        order = Order.create(customer=saved.id, order_date=dt.date(2026, 1, 5), amount_fen=1000, items="茶叶 x1")
        OrderItem.create(order=order.id, position=1, product="茶叶")
        out[province] = saved.id
    out[""] = customers.save_customer(None, {"name": "无地址", "phone": "13900000000"}).id
    return out


@pytest.fixture
def team(pg_database):
    """A team database: the superuser as its first owner (``team init``), a helper of 华南
    (phones masked), a helper of 华东 with phones, a viewer and a second owner; customers in 广东,
    浙江 and 北京. Bound as the superuser while the test runs; the roles are dropped after."""
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    open_team(pg_database)
    store_team.setup()
    suffix = uuid.uuid4().hex[:8]
    result = Team(url=pg_database)
    for who, role, regions, phones in (
        ("south", "helper", "华南", False),
        ("east", "helper", "华东", True),
        ("viewer", "viewer", "", False),
        ("boss", "owner", "", False),
    ):
        name = f"{who}_{suffix}"
        result.names[who] = name
        result.passwords[who] = store_team.add_user(name, role, regions, phones=phones)
    result.customers = seed_customers()
    close_store()
    yield result
    close_store()
    drop_roles(pg_database, result.names.values())
