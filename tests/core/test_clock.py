"""The one clock: every "today" in SellerDesk comes from core.clock."""

from __future__ import annotations

import datetime as dt
import pathlib
import re

from sellerdesk.core import clock

SRC = pathlib.Path(__file__).resolve().parents[2] / "src" / "sellerdesk"
SYSTEM_DAY = re.compile(r"\bdate\.today\(\)|QDate\.currentDate\(\)")


def test_a_pinned_day_holds(monkeypatch):
    monkeypatch.setenv(clock.PIN_ENV, "2031-02-28")
    assert clock.today() == dt.date(2031, 2, 28)


def test_unpinned_it_is_the_local_day(monkeypatch):
    monkeypatch.delenv(clock.PIN_ENV, raising=False)
    before = dt.date.today()
    day = clock.today()
    assert before <= day <= dt.date.today()


def test_a_pin_that_is_no_date_is_ignored(monkeypatch, caplog):
    monkeypatch.setenv(clock.PIN_ENV, "garbage")
    before = dt.date.today()
    assert before <= clock.today() <= dt.date.today()
    assert "no date" in caplog.text


def test_nothing_else_asks_the_system_for_the_day():
    askers = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        if path.name != "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SYSTEM_DAY.search(line)
    ]
    assert askers == []


def test_the_store_dates_a_new_order_by_the_clock(monkeypatch, store):
    from sellerdesk.store import customers, orders

    monkeypatch.setenv(clock.PIN_ENV, "2030-06-15")
    cid = customers.create_customer({"name": "王五"}).id
    assert orders.add_order(cid, amount_fen=990).order_date == dt.date(2030, 6, 15)
