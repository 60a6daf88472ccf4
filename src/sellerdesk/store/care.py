"""Marketing lists: birthdays (solar or lunar) and holidays, consenting customers only.

Only customers with recorded marketing consent (``Customer.marketing_consent``) and not in the
Trash appear here (DESIGN: marketing lists include only customers with consent). A birthday is
found by its recurring key (``core.lunar``: month * 100 + day, or 10000 + the lunar code),
through the expression index of schema 13 (``migrations.BIRTHDAY_KEY_SQL``): a range of days is
at most a few hundred keys, so a list or a count reads only the customers it shows.

The counts for the 今日待办 page (:func:`birthday_count`) take the database like the other read
functions of the store (``db``: the bound one when None).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee as pw

from sellerdesk.core import clock, lunar
from sellerdesk.store.migrations import BIRTHDAY_KEY_SQL, CONSENTED_SQL
from sellerdesk.store.models import DB


@dataclass(frozen=True)
class BirthdayRow:
    customer_id: int
    name: str
    phone: str
    wechat: str
    tier: str
    when: _dt.date  # the day it is celebrated in the range
    solar: _dt.date | None  # the solar birthday as stored (its year may be unknown: 1900)
    lunar: lunar.LunarDay | None

    @property
    def birthday_text(self) -> str:
        """农历八月十五, or 3月5日."""
        if self.lunar is not None:
            return self.lunar.text()
        return f"{self.solar.month}月{self.solar.day}日" if self.solar is not None else ""


def _db(db: pw.Database | None) -> pw.Database:
    return db if db is not None else DB.obj


def range_of(today: _dt.date, span: str | int) -> tuple[_dt.date, _dt.date]:
    """The days of a list: ``"today"``, ``"week"`` (today to Sunday), ``"month"`` (today to the
    month's end), or a number of days from today (``30``: today and the 29 after)."""
    if span == "today":
        return today, today
    if span == "week":
        return today, today + _dt.timedelta(days=6 - today.weekday())
    if span == "month":
        following = (today.replace(day=1) + _dt.timedelta(days=32)).replace(day=1)
        return today, following - _dt.timedelta(days=1)
    days = int(span)
    if days < 1:
        raise ValueError("a number of days is at least 1")
    return today, today + _dt.timedelta(days=days - 1)


def _key_query(keys: Sequence[int], columns: str, db: pw.Database) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        sql = f'SELECT {columns} FROM "customer" WHERE {BIRTHDAY_KEY_SQL} IN ({marks}) AND {CONSENTED_SQL}'
        out.extend(db.execute_sql(sql, chunk).fetchall())
    return out


def birthday_count(start: _dt.date, end: _dt.date | None = None, db: pw.Database | None = None) -> int:
    """How many consenting customers celebrate a birthday from ``start`` to ``end`` (inclusive)."""
    keys = list(lunar.keys_between(start, end or start))
    return sum(int(str(row[0])) for row in _key_query(keys, "count(*)", _db(db)))


def birthdays(start: _dt.date, end: _dt.date | None = None, db: pw.Database | None = None) -> list[BirthdayRow]:
    """The consenting customers whose birthday falls from ``start`` to ``end``, by date then
    name (pinyin: the stored sort key, so listing them never loads the pinyin dictionary, ~50 MB)."""
    found = lunar.keys_between(start, end or start)
    rows = _key_query(
        list(found),
        f'"id", "name", "phone", "wechat", "tier", "birthday", "birthday_lunar", {BIRTHDAY_KEY_SQL}, "name_pinyin"',
        _db(db),
    )
    keyed: list[tuple[tuple[_dt.date, str, int], BirthdayRow]] = []
    for cid, name, phone, wechat, tier, solar, code, key, pinyin in rows:
        row = BirthdayRow(
            int(str(cid)),
            str(name),
            str(phone),
            str(wechat),
            str(tier),
            found[int(str(key))],
            _dt.date.fromisoformat(str(solar)) if solar else None,
            lunar.LunarDay.from_code(int(str(code))) if code is not None else None,
        )
        keyed.append(((row.when, str(pinyin or ""), row.customer_id), row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _key, row in keyed]


@dataclass(frozen=True)
class HolidayRow:
    customer_id: int
    name: str
    phone: str
    wechat: str
    tier: str


def holiday_count(tier: str | None = None, db: pw.Database | None = None) -> int:
    """How many consenting customers a holiday greeting goes to (of ``tier``, a level key; None: all)."""
    where, params = _tier_where(tier)
    row = _db(db).execute_sql(f'SELECT count(*) FROM "customer" WHERE {CONSENTED_SQL}{where}', params).fetchone()
    return int(row[0])


def holiday_customers(
    tier: str | None = None, *, limit: int = 1000, offset: int = 0, db: pw.Database | None = None
) -> list[HolidayRow]:
    """The consenting customers of ``tier`` (None: all), best customers first (spend, then name)."""
    where, params = _tier_where(tier)
    sql = (
        f'SELECT "id", "name", "phone", "wechat", "tier" FROM "customer" WHERE {CONSENTED_SQL}{where} '
        'ORDER BY "total_spent_fen" DESC, "name_pinyin", "id" LIMIT ? OFFSET ?'
    )
    return [HolidayRow(*row) for row in _db(db).execute_sql(sql, [*params, limit, offset]).fetchall()]


def _tier_where(tier: str | None) -> tuple[str, list[object]]:
    if tier is None:
        return "", []
    return ' AND "tier" = ?', [tier]


def consent_count(db: pw.Database | None = None) -> int:
    """How many live customers consented to marketing."""
    return int(_db(db).execute_sql(f'SELECT count(*) FROM "customer" WHERE {CONSENTED_SQL}').fetchone()[0])


def today_counts(today: _dt.date | None = None, db: pw.Database | None = None) -> dict[str, int]:
    """The 今日待办 numbers of keeping in touch, each an index read (about 1 ms at 100k customers,
    ``benchmarks/bench_care.py``): birthdays today and this week (consenting customers only),
    follow-ups due, open feedback."""
    from sellerdesk.store import followups  # noqa: PLC0415  (it imports store.customers; this module does not)

    day = today or clock.today()
    return {
        "birthdays_today": birthday_count(day, day, db),
        "birthdays_week": birthday_count(*range_of(day, "week"), db=db),
        "follow_ups_due": followups.due_count(day, db),
        "open_feedback": followups.open_feedback_count(db),
    }
