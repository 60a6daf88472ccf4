"""The 概览 page (issue 19): empty states, the figures shown, click-to-filter, save as PNG/PDF."""

import subprocess

import pytest
from PySide6.QtCore import Qt

from sellerdesk.core import clock
from sellerdesk.store import stats
from sellerdesk.ui.dashboard import figures
from sellerdesk.ui.dashboard.charts import BarChart, MonthChart


@pytest.fixture
def demo_store(store):
    from sellerdesk.store import demo

    demo.generate(80, seed=7)
    return store


def _charts(view):
    return view.findChildren(BarChart) + view.findChildren(MonthChart)


def test_a_new_database_shows_every_chart_empty(laptop_window, qtbot):
    laptop_window.show_dashboard()
    view = laptop_window.dashboard
    assert view.result is not None  # read when shown (jobs run synchronously in tests)
    charts = _charts(view)
    assert len(charts) >= 8
    assert all(chart.is_empty() for chart in charts)
    assert view.map.is_empty()
    for spec in figures.TILES:  # every registered tile has a text for an empty database
        assert view.tiles[spec.key].value.text() not in ("", "…")
    assert view.tiles["customers"].value.text() == "0"
    assert view.tiles["last_backup"].value.text() == "Never"
    view.content.grab()  # paints the empty states


def test_the_recheck_and_remote_tiles_count_as_their_rooms_do(demo_store, laptop_window):
    from sellerdesk.store import recheck, remote_areas

    laptop_window.show_dashboard()
    view = laptop_window.dashboard
    due, remote, total = recheck.count_due(), remote_areas.count_customers(), stats.customer_count()
    assert due and remote and total  # (demo data has some of each)
    assert view.tiles["recheck_due"].value.text() == f"{due:,}"
    assert view.tiles["remote_share"].value.text() == f"{100 * remote / total:.1f}%"
    assert f"{remote:,}" in view.tiles["remote_share"].note.text()


def test_figures_and_clicks_filter_the_customer_table(demo_store, laptop_window, qtbot):
    laptop_window.show_dashboard()
    view = laptop_window.dashboard
    by_province = stats.customers_by_province()
    assert view.tiles["customers"].value.text() == f"{sum(by_province.values()):,}"
    assert not view.map.is_empty()
    province = next(p for p in by_province if p)
    point = view.map.center_of(province).toPoint()
    assert view.map.province_at(point.toPointF()) == province
    qtbot.mouseClick(view.map, Qt.MouseButton.LeftButton, pos=point)
    assert not laptop_window.dashboard_page_shown()
    assert laptop_window.current_filter().provinces == (province,)
    assert laptop_window.model.rowCount() == by_province[province]

    laptop_window.show_dashboard()
    tiers = stats.customers_by_tier()
    chart = view.tiers_chart
    row = next(i for i, bar in enumerate(chart.bars) if bar.value)
    bar = chart.bars[row]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().topLeft() + _row_point(chart, row))
    assert laptop_window.tier_filter.currentData() == bar.key
    assert laptop_window.model.rowCount() == tiers[bar.label]

    laptop_window.show_dashboard()
    chart = view.regions_chart
    row = next(i for i, bar in enumerate(chart.bars) if bar.key)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_row_point(chart, row))
    assert laptop_window.tier_filter.currentData() in (None, "")
    assert laptop_window.model.rowCount() == stats.customers_by_region()[chart.bars[row].key]

    laptop_window.show_dashboard()
    chart = view.provinces_chart
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_row_point(chart, 1))
    assert laptop_window.current_filter().provinces == (chart.bars[1].key,)
    assert laptop_window.model.rowCount() == by_province[chart.bars[1].key]


def _row_point(chart, row):
    from PySide6.QtCore import QPoint

    return QPoint(chart.width() // 2, 4 + row * chart.ROW + chart.ROW // 2)


def test_the_map_reads_darker_where_more_customers_are():
    from sellerdesk.ui.dashboard.china_map import NONE, SHADES, shade

    assert shade(8885, 8885) == SHADES[-1]
    assert shade(0, 8885) == NONE
    assert SHADES.index(shade(120, 8885)) < SHADES.index(shade(3000, 8885))


def test_save_as_png_and_pdf(demo_store, laptop_window, tmp_path):
    laptop_window.show_dashboard()
    view = laptop_window.dashboard
    png = view.save(str(tmp_path / "overview"))
    assert png.suffix == ".png" and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (png.stat().st_mode & 0o777) == 0o600
    pdf = view.save(str(tmp_path / "overview.pdf"))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    if fonts.returncode == 0:  # poppler-utils: the CJK font is embedded
        rows = fonts.stdout.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows)
    from sellerdesk.ui.widgets import dialogs  # noqa: F401 (save refuses through dialogs.error)

    assert view.save(str(tmp_path / "missing" / "x.png")) is None


def test_the_map_by_sales_reads_sales_when_asked(demo_store, laptop_window):
    laptop_window.show_dashboard()
    view = laptop_window.dashboard
    assert "sales_by_province" not in view.result  # not read until the map shows sales
    view.by_sales.setChecked(True)
    assert view.result["sales_by_province"] == stats.sales_by_province()
    best = max(view.map.values, key=view.map.values.get)
    assert view.map.texts[best].startswith("¥")


def test_the_save_button_and_the_care_page_open_from_their_buttons(laptop_window, qtbot, monkeypatch, tmp_path):
    """Clicked and triggered signals carry a bool: it must not land in a slot's path or tab."""
    from PySide6.QtWidgets import QFileDialog

    window = laptop_window
    window.care_page_action.trigger()  # the rail button, Ctrl+5
    assert window.pages.currentWidget() is window.care_view
    window.dashboard_page_action.trigger()
    target = tmp_path / "overview.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    qtbot.mouseClick(window.dashboard.save_button, Qt.MouseButton.LeftButton)
    assert target.is_file() and target.stat().st_size > 1000


def test_the_remote_share_tile_uses_the_customer_tiles_count(demo_store, monkeypatch, tmp_path):
    import datetime as dt

    from sellerdesk.store import remote_areas

    calls = []
    real = stats.customer_count
    monkeypatch.setattr(stats, "customer_count", lambda today=None: calls.append(today) or real(today))
    ctx = figures.FigureContext(today=clock.today(), home=tmp_path, now=dt.datetime.now(dt.UTC))
    out = figures.compute_all(ctx)
    assert len(calls) == 1  # counted once, for both tiles
    assert out["remote_share"] == (remote_areas.count_customers(), out["customers"]) and out["customers"]


def test_saving_on_a_full_disk_names_the_file_and_the_reason(laptop_window, modals, monkeypatch, tmp_path):
    """Stranger QA: a full disk said 无法保存：[Errno 28] No space left on device (Python's English)."""
    import errno

    from PySide6.QtWidgets import QMessageBox

    from sellerdesk.ui.dashboard import save

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(save, "write_atomic", full)
    laptop_window.show_dashboard()
    target = tmp_path / "overview.pdf"
    assert laptop_window.dashboard.save(str(target)) is None
    (box,) = modals.of(QMessageBox)
    assert box.text() == f"Could not save {target}: No space left on device"
    assert list(tmp_path.iterdir()) == []
