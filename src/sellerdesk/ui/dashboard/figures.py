"""The dashboard's number tiles, as a registry: one :class:`Tile` a figure.

A tile's ``compute`` runs in the dashboard's job (off the UI thread, never Qt) with a
:class:`FigureContext`; its ``show`` runs on the UI thread and turns the value into the big text
and the line under it. The charts' figures come from :data:`sellerdesk.store.stats.FIGURES`.

Adding a figure (e.g. the remote-area share, or the addresses due for re-checking) is one entry
appended to :data:`TILES` in this module, with its English title in ``QT_TRANSLATE_NOOP`` and a row
in ``resources/translations/zh_CN/dashboard.tsv``::

    def _remote_share(ctx: FigureContext, done: Mapping[str, Any]) -> tuple[int, int]:
        from sellerdesk.store import remote_areas      # (the feature's own store room)
        return remote_areas.count_customers(), done["customers"]   # (a tile before it: not counted again)

    def _show_share(value, ctx: FigureContext) -> tuple[str, str]:
        remote, total = value
        note = QCoreApplication.translate("Dashboard", "%1 of %2 customers")  # a literal: lupdate finds it
        return percent(remote, total), note.replace("%1", f"{remote:,}").replace("%2", f"{total:,}")

    TILES.append(Tile("remote_share", QT_TRANSLATE_NOOP("Dashboard", "Remote-area share"),
                      _remote_share, _show_share))

A tile's ``compute`` gets the figures and the values of the tiles before it (``done``), so a
figure another tile shows is read once. The view builds one tile per entry, in order; tests in
``tests/ui/test_dashboard.py`` cover every registered tile's empty state.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def tr_(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Dashboard", text, None, n)


@dataclass(frozen=True)
class FigureContext:
    today: _dt.date  # the local date the months count back from
    home: Path  # the data folder (backup settings live there)
    now: _dt.datetime  # UTC, aware: the backup's age counts from it
    sales_map: bool = False  # read sales by province too (only when the map shows sales: it is the costliest)


@dataclass(frozen=True)
class Tile:
    key: str
    title: str  # English, marked with QT_TRANSLATE_NOOP("Dashboard", …); shown translated
    compute: Callable[[FigureContext, Mapping[str, Any]], Any]  # in the job, no Qt; with what was read before it
    show: Callable[[Any, FigureContext], tuple[str, str]]  # on the UI thread: (big text, the line under it)


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


# --- the tiles of this issue ----------------------------------------------------------------------------------------


def _customers(ctx: FigureContext, done: Mapping[str, Any]) -> int:
    from sellerdesk.store import stats

    return int(stats.customer_count(ctx.today))


def _show_customers(value: int, ctx: FigureContext) -> tuple[str, str]:
    if not value:
        return "0", QCoreApplication.translate("Dashboard", "No customers yet: add or import some.")
    return f"{value:,}", QCoreApplication.translate("Dashboard", "customers (not in the Trash)")


def _repeat(ctx: FigureContext, done: Mapping[str, Any]) -> Any:
    from sellerdesk.store import stats

    return stats.repeat_rate(ctx.today)


def _show_repeat(value: Any, ctx: FigureContext) -> tuple[str, str]:
    if not value.buyers:
        return "—", QCoreApplication.translate("Dashboard", "No orders yet.")
    return percent(value.repeat, value.buyers), QCoreApplication.translate(
        "Dashboard", "%1 of %2 buyers ordered twice or more"
    ).replace("%1", f"{value.repeat:,}").replace("%2", f"{value.buyers:,}")


def _last_backup(ctx: FigureContext, done: Mapping[str, Any]) -> _dt.datetime | None:
    from sellerdesk.backup import settings as backup_settings

    return backup_settings.load(ctx.home).last_backup_time()


def _show_last_backup(value: _dt.datetime | None, ctx: FigureContext) -> tuple[str, str]:
    if value is None:
        return QCoreApplication.translate("Dashboard", "Never"), QCoreApplication.translate(
            "Dashboard", "No backup yet: press Ctrl+B."
        )
    days = max(0, (ctx.now - value).days)
    if days == 0:
        big = QCoreApplication.translate("Dashboard", "Today")
    else:
        big = QCoreApplication.translate("Dashboard", "%n day(s) ago", None, days)
    return big, QCoreApplication.translate("Dashboard", "Last backup %1").replace(
        "%1", value.astimezone().strftime("%Y-%m-%d %H:%M")
    )


def _remote_share(ctx: FigureContext, done: Mapping[str, Any]) -> tuple[int, int]:
    from sellerdesk.store import remote_areas

    return remote_areas.count_customers(), int(done["customers"])  # the customers tile's count, read once


def _show_remote_share(value: tuple[int, int], ctx: FigureContext) -> tuple[str, str]:
    remote, total = value
    if not total:
        return "—", QCoreApplication.translate("Dashboard", "No customers yet.")
    return percent(remote, total), QCoreApplication.translate(
        "Dashboard", "%1 of %2 customers ship to a remote area"
    ).replace("%1", f"{remote:,}").replace("%2", f"{total:,}")


def _recheck_due(ctx: FigureContext, done: Mapping[str, Any]) -> int:
    from sellerdesk.store import recheck

    return recheck.count_due(today=ctx.today)


def _show_recheck_due(value: int, ctx: FigureContext) -> tuple[str, str]:
    if not value:
        return "0", QCoreApplication.translate("Dashboard", "Every address is fresh.")
    return f"{value:,}", QCoreApplication.translate("Dashboard", "addresses due for a re-check (Ctrl+4)")


TILES: list[Tile] = [
    Tile("customers", QT_TRANSLATE_NOOP("Dashboard", "Customers"), _customers, _show_customers),
    Tile("repeat_rate", QT_TRANSLATE_NOOP("Dashboard", "Repeat-purchase rate"), _repeat, _show_repeat),
    Tile("recheck_due", QT_TRANSLATE_NOOP("Dashboard", "To re-check"), _recheck_due, _show_recheck_due),
    Tile("remote_share", QT_TRANSLATE_NOOP("Dashboard", "Remote-area share"), _remote_share, _show_remote_share),
    Tile("last_backup", QT_TRANSLATE_NOOP("Dashboard", "Last backup"), _last_backup, _show_last_backup),
]
"""The number tiles, in the order shown (a feature's figure joins here: see the module's docstring)."""


def compute_all(ctx: FigureContext) -> dict[str, Any]:
    """Everything the dashboard shows, by key: the store's figures and every tile's value (in
    the job; sales by province only with ``ctx.sales_map``). ``tier_levels``: each tier name
    of ``customers_by_tier`` → its level key (the customer table's tier filter), or None for
    a hand-typed tier."""
    from sellerdesk.store import stats
    from sellerdesk.store import tiers as store_tiers

    skip = {t.key for t in TILES} | (set() if ctx.sales_map else {"sales_by_province"})
    out = stats.collect(ctx.today, [k for k in stats.FIGURES if k not in skip])
    for tile in TILES:
        out[tile.key] = tile.compute(ctx, out)
    rules = store_tiers.tier_rules()
    out["tier_levels"] = {name: rules.level_of(name) for name in out["customers_by_tier"]}
    return out
