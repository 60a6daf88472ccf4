"""等级与积分: the settings dialog (refusals, save and recompute in a job) and the start-up
recompute of the 12-month window (in a worker, the table redrawn only when tiers moved)."""

import datetime as dt
from pathlib import Path

import pytest
import test_main_window
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QDialog

from sellerdesk.core import clock
from sellerdesk.core.points import PointsRule
from sellerdesk.core.tiers import TierRules
from sellerdesk.jobs import runner
from sellerdesk.store import customers, orders, tiers
from sellerdesk.store import points as store_points
from sellerdesk.store import settings as store_settings
from sellerdesk.store.errors import DiskFullError
from sellerdesk.store.models import Customer
from sellerdesk.ui.context import AppContext
from sellerdesk.ui.customers.table_model import COLUMNS
from sellerdesk.ui.customers.tier_settings import TierSettingsDialog
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.widgets import dialogs

TODAY = clock.today()
launched = test_main_window.launched  # the main window's fixtures
window = test_main_window.window


def days_ago(n):
    return TODAY - dt.timedelta(days=n)


def _tier_shown(win, cid):
    row = win.model.row_of(cid)
    return win.model.data(win.model.index(row, COLUMNS.index("tier")))


@pytest.fixture
def dialog(store, qtbot):
    d = TierSettingsDialog()
    qtbot.addWidget(d)
    return d


def test_the_dialog_shows_the_saved_rules(dialog):
    assert [dialog.names[k].text() for k in ("normal", "silver", "gold", "diamond")] == ["普通", "银卡", "金卡", "钻石"]
    assert dialog.spend["silver"].text() == "500.00" and dialog.orders["gold"].value() == 8
    assert not dialog.points_on.isChecked() and not dialog.rate.isEnabled() and dialog.rate.text() == "1"


@pytest.mark.parametrize(
    ("edit", "line"),
    [
        (lambda d: d.spend["gold"].setText("400"), "The spend for 金卡 must be higher than for 银卡."),
        (lambda d: d.orders["diamond"].setValue(8), "The order count for 钻石 must be higher than for 金卡."),
        (
            lambda d: d.spend["silver"].setText("五百"),
            "The spend for 银卡 is not an amount: 五百 (e.g. 500 or 2000.50).",
        ),
        (lambda d: d.spend["silver"].setText("0"), "The spend for 银卡 must be more than ¥0."),
        (
            lambda d: (d.spend["gold"].setText(""), d.orders["gold"].setValue(0)),
            "金卡 needs a spend or an order count.",
        ),
        (lambda d: d.names["gold"].setText("  "), "Every level needs a name."),
        (lambda d: d.names["gold"].setText("银卡"), "Two levels are both called 银卡."),
        (
            lambda d: (d.points_on.setChecked(True), d.rate.setText("0")),
            "Points per ¥1 must be a number from 0.01 to 1000.",
        ),
    ],
)
def test_refusals_are_one_red_line_and_save_nothing(dialog, edit, line):
    before = (tiers.tier_rules(), store_points.points_rule())
    edit(dialog)
    dialog.accept()
    assert dialog.error.text() == line and "\n" not in line
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.rules is None
    assert (tiers.tier_rules(), store_points.points_rule()) == before


def test_the_focus_goes_to_the_field_at_fault(dialog, qtbot):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.spend["gold"].setText("400")
    dialog.accept()
    assert dialog.focusWidget() is dialog.spend["gold"]


def test_a_refusal_in_chinese(dialog):
    translator = QTranslator()
    assert translator.load("sellerdesk_zh_CN", str(Path(__file__).resolve().parents[2] / "resources" / "translations"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog.spend["gold"].setText("400")
        dialog.accept()
        assert dialog.error.text() == "金卡的消费额门槛须高于银卡。"
    finally:
        QCoreApplication.removeTranslator(translator)


def _answer_settings(monkeypatch, edit):
    """dialogs.launch as a user editing the 等级与积分 dialog and pressing Save."""
    shown = []

    def fake(d):
        shown.append(d)
        if isinstance(d, TierSettingsDialog):
            edit(d)
            d.accept()
            return d.result()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "launch", fake)
    return shown


def test_saving_recomputes_in_a_job_and_refreshes_the_table(window, monkeypatch):
    cid = customers.create_customer({"name": "张三"}).id
    orders.add_order(cid, amount_fen=30_000, order_date=days_ago(2))  # ¥300: 普通 by default
    window.on_customers_changed()
    assert _tier_shown(window, cid) == "普通"
    from sellerdesk.ui.widgets import progress

    started = []
    original = progress.start
    monkeypatch.setattr(progress, "start", lambda job, pool=None: started.append(job.name) or original(job, pool))

    def edit(d):
        d.spend["silver"].setText("300")
        d.names["silver"].setText("白银")
        d.points_on.setChecked(True)
        d.rate.setText("2")

    _answer_settings(monkeypatch, edit)
    window.tier_settings_action.trigger()
    assert started == ["tier-settings"]  # the recompute ran as a job behind a progress dialog (a worker in the app)
    assert tiers.tier_rules().names["silver"] == "白银"
    assert store_points.points_rule() == PointsRule(True, 200)
    assert Customer.get_by_id(cid).tier == "silver"
    assert _tier_shown(window, cid) == "白银"  # the table shows the new tier and name
    combo = window.tier_filter
    assert combo.itemText(combo.findData("silver")) == "白银"
    assert window.statusBar().currentMessage() == "Tiers recomputed: 1 customer(s) changed tier."
    window.select_customer(cid)
    assert window.editor.tabs.isTabVisible(window.editor.tabs.indexOf(window.editor.points_tab))


def test_cancel_saves_nothing(window, monkeypatch):
    monkeypatch.setattr(dialogs, "launch", lambda d: QDialog.DialogCode.Rejected)
    window.tier_settings_action.trigger()
    assert window._tier_settings_job is None
    assert tiers.tier_rules() == TierRules()


def test_a_full_disk_while_saving_is_one_message(window, monkeypatch):
    errors = []

    def fake(d):
        if isinstance(d, TierSettingsDialog):
            d.spend["silver"].setText("300")
            d.accept()
            return d.result()
        errors.append(d.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "launch", fake)
    monkeypatch.setattr(tiers, "save_tier_and_points_rules", lambda *a, **k: (_ for _ in ()).throw(DiskFullError()))
    window.tier_settings_action.trigger()
    (text,) = errors
    assert text.startswith("The settings were not saved: The disk holding the SellerDesk data folder is full")
    assert "\n" not in text and tiers.tier_rules() == TierRules()


# --- the start-up recompute -------------------------------------------------------------------------------------------


@pytest.fixture
def stale(store):
    """A customer whose 银卡 came from an order that has since left the 12-month window, and a
    store whose last recompute was days ago (the app was not opened since)."""
    cid = customers.create_customer({"name": "张三"}).id
    orders.add_order(cid, amount_fen=60_000, order_date=days_ago(367), today=days_ago(5))
    store_settings.write(store_settings.TIERS_RECOMPUTED_ON, days_ago(5).isoformat())
    assert Customer.get_by_id(cid).tier == "silver"
    return cid


def _window(store, qtbot):
    context = AppContext(store, store.key, QSettings(str(store.home / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(context)
    win.reminded = True
    qtbot.addWidget(win)
    return win


def _queue_tier_jobs(jobs):
    """A runner.start that keeps jobs for the test to run, except the region counts (the
    first screen's, which the tier check waits for) and the customer list read after a
    change, run at once."""

    def start(job, pool=None):
        if job.name in ("region-counts", "customer-view"):
            job.run_here()
        else:
            jobs.append(job)
        return job

    return start


def _show(win, qtbot):
    """Show the window and let its first screen complete (rows painted, region counts read):
    the tier check starts after that."""
    win.show()
    qtbot.waitUntil(lambda: win.tier_job is not None)


def test_start_up_recomputes_the_window_and_redraws(stale, store, qtbot, launched, sync_jobs):
    win = _window(store, qtbot)
    assert _tier_shown(win, stale) == "银卡"
    _show(win, qtbot)
    assert Customer.get_by_id(stale).tier == "normal"
    assert _tier_shown(win, stale) == "普通"
    assert tiers.last_recomputed() == TODAY


def test_start_up_recompute_runs_in_a_job_and_the_window_does_not_wait(stale, store, qtbot, launched, monkeypatch):
    jobs = []
    monkeypatch.setattr(runner, "start", _queue_tier_jobs(jobs))  # queued, not run yet
    win = _window(store, qtbot)
    _show(win, qtbot)
    (job,) = jobs
    assert job.name == "tiers-window"
    assert _tier_shown(win, stale) == "银卡"  # the window is up and usable meanwhile
    job.run_here()  # what the worker thread does
    assert _tier_shown(win, stale) == "普通"
    win.show()  # shown again (restored from minimised): no second check
    assert len(jobs) == 1


def test_no_redraw_when_nothing_moved(store, qtbot, launched, sync_jobs, monkeypatch):
    redraws = []
    monkeypatch.setattr(MainWindow, "on_orders_changed", lambda self: redraws.append(1))
    win = _window(store, qtbot)
    _show(win, qtbot)  # a new database: recomputed today already
    assert redraws == []
    store_settings.write(store_settings.TIERS_RECOMPUTED_ON, days_ago(1).isoformat())
    again = _window(store, qtbot)
    _show(again, qtbot)  # recomputed, but no customer moved
    assert redraws == [] and tiers.last_recomputed() == TODAY


def test_closing_before_the_check_started_calls_it_off(stale, store, qtbot, launched, monkeypatch):
    jobs = []
    monkeypatch.setattr(runner, "start", _queue_tier_jobs(jobs))
    win = _window(store, qtbot)
    _show(win, qtbot)
    if win.backup is not None:
        win.backup.on_close = lambda: True
    win.close()
    outcomes = []
    jobs[0].cancelled.connect(lambda: outcomes.append("cancelled"))
    jobs[0].succeeded.connect(lambda _n: outcomes.append("ran"))
    jobs[0].run_here()  # the worker picks it up after the window closed
    assert outcomes == ["cancelled"]
    assert tiers.last_recomputed() == days_ago(5) and Customer.get_by_id(stale).tier == "silver"


def test_a_failed_check_is_a_line_in_the_status_bar(stale, store, qtbot, launched, sync_jobs, monkeypatch):
    def full(*_a, **_k):
        raise DiskFullError()

    monkeypatch.setattr(tiers, "refresh_rolling_window", full)
    win = _window(store, qtbot)
    _show(win, qtbot)
    message = win.statusBar().currentMessage()
    assert message.startswith("The tiers could not be brought up to date: The disk holding")
    assert _tier_shown(win, stale) == "银卡"
