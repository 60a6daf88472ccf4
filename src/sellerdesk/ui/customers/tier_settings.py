"""等级与积分: the tier names and thresholds and the points rule, and the tier recomputes.

The dialog reads :func:`store.tiers.tier_rules` and :func:`store.points.points_rule`, checks
what was typed with :meth:`core.tiers.TierRules.validate` (a refusal is one red line in the
user's language, from the error's ``code``), and hands the rules back; saving them
recomputes every computed tier, which takes about a second at 100k customers, so it runs
in a worker behind a progress dialog (:func:`save_in_background`).

:func:`check_rolling_window` is the start-up check: the 12-month window moves a day at a
time, so once a day the tiers are recomputed, in a worker, without a dialog.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core import clock
from sellerdesk.core.money import MoneyError, format_plain, parse_fen
from sellerdesk.core.points import PointsError, PointsRule, parse_rate
from sellerdesk.core.tiers import (
    LEVELS,
    MAX_NAME_LENGTH,
    MAX_ORDERS_THRESHOLD,
    WINDOW_MONTHS,
    Threshold,
    TierRules,
    TierRulesError,
)
from sellerdesk.jobs import runner
from sellerdesk.jobs.worker import Job
from sellerdesk.store import points as store_points
from sellerdesk.store import tiers as store_tiers
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import with_error_text
from sellerdesk.ui.widgets.forms import error_label, ok_cancel
from sellerdesk.ui.widgets.progress import run_job


class TierSettingsDialog(QDialog):
    """After OK (:meth:`accept` passed), ``rules`` and ``points`` hold what to save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tiers and points"))
        self.rules: TierRules | None = None
        self.points: PointsRule | None = None
        current = store_tiers.tier_rules()
        rule = store_points.points_rule()
        layout = QVBoxLayout(self)

        tiers_box = QGroupBox(self.tr("Member tiers"))
        box = QVBoxLayout(tiers_box)
        intro = QLabel(
            self.tr(
                "A customer reaches a level when the last %1 months of orders reach its spend or its "
                "order count (cancelled and refunded orders do not count). A tier set by hand stays as it is."
            ).replace("%1", str(WINDOW_MONTHS))
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for column, text in enumerate(("", self.tr("Name"), self.tr("Spend from (¥)"), self.tr("or orders from"))):
            grid.addWidget(QLabel(f"<b>{text}</b>" if text else ""), 0, column)
        self.names: dict[str, QLineEdit] = {}
        self.spend: dict[str, QLineEdit] = {}
        self.orders: dict[str, QSpinBox] = {}
        positions = {
            LEVELS[0]: self.tr("Lowest"),
            LEVELS[1]: self.tr("Level 2"),
            LEVELS[2]: self.tr("Level 3"),
            LEVELS[3]: self.tr("Highest"),
        }
        for row, key in enumerate(LEVELS, 1):
            grid.addWidget(QLabel(positions[key]), row, 0)
            name = QLineEdit(current.names[key])
            name.setMaxLength(MAX_NAME_LENGTH)
            name.setObjectName(f"name_{key}")
            self.names[key] = name
            grid.addWidget(name, row, 1)
            if key == LEVELS[0]:
                grid.addWidget(QLabel(self.tr("everyone else")), row, 2, 1, 2)
                continue
            threshold = current.thresholds[key]
            spend = QLineEdit(format_plain(threshold.spend_fen) if threshold.spend_fen is not None else "")
            spend.setPlaceholderText(self.tr("off"))
            spend.setObjectName(f"spend_{key}")
            self.spend[key] = spend
            grid.addWidget(spend, row, 2)
            orders = QSpinBox()
            orders.setObjectName(f"orders_{key}")
            orders.setRange(0, MAX_ORDERS_THRESHOLD)
            orders.setSpecialValueText(self.tr("off"))
            orders.setValue(threshold.orders or 0)
            self.orders[key] = orders
            grid.addWidget(orders, row, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        box.addLayout(grid)
        hint = QLabel(self.tr("Leave a spend empty (or an order count at off) to not use it for that level."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        layout.addWidget(tiers_box)

        points_box = QGroupBox(self.tr("Points"))
        pbox = QVBoxLayout(points_box)
        self.points_on = QCheckBox(self.tr("Customers earn points with their orders"))
        self.points_on.setChecked(rule.enabled)
        pbox.addWidget(self.points_on)
        row_layout = QHBoxLayout()
        row_layout.addWidget(QLabel(self.tr("Points per ¥1 paid")))
        self.rate = QLineEdit(rule.per_yuan_text)
        self.rate.setObjectName("pointsRate")
        self.rate.setMaximumWidth(90)
        row_layout.addWidget(self.rate)
        row_layout.addStretch(1)
        pbox.addLayout(row_layout)
        note = QLabel(self.tr("A new rule counts for orders written from now on; points already earned stay."))
        note.setWordWrap(True)
        pbox.addWidget(note)
        self.points_on.toggled.connect(self.rate.setEnabled)
        self.rate.setEnabled(rule.enabled)
        layout.addWidget(points_box)

        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.accept, self.reject, ok_text=self.tr("Save and recompute")))
        for edit in [*self.names.values(), *self.spend.values(), self.rate]:
            edit.textEdited.connect(lambda _t: self.error.setText(""))
        self.resize(560, self.sizeHint().height())

    # --- reading and checking -------------------------------------------------------------------------------------

    def _refuse(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        if field is not None:
            field.setFocus()

    def read(self) -> tuple[TierRules, PointsRule] | None:
        """The rules as typed, checked; None after saying in the red line what is wrong."""
        names = {key: edit.text().strip() for key, edit in self.names.items()}
        thresholds: dict[str, Threshold] = {}
        for key in LEVELS[1:]:
            text = self.spend[key].text().strip()
            try:
                spend = parse_fen(text) if text else None
            except MoneyError:
                self._refuse(
                    self.tr("The spend for %1 is not an amount: %2 (e.g. 500 or 2000.50).")
                    .replace("%1", names[key] or key)
                    .replace("%2", text),
                    self.spend[key],
                )
                return None
            orders = self.orders[key].value() or None
            thresholds[key] = Threshold(spend, orders)
        rules = TierRules(thresholds, names)
        try:
            rules.validate()
        except TierRulesError as exc:
            self._refuse(self.refusal_text(exc, rules), self._field_of(exc))
            return None
        enabled = self.points_on.isChecked()
        try:
            rate = parse_rate(self.rate.text().strip()) if enabled else store_points.points_rule().per_yuan_hundredths
        except PointsError:
            self._refuse(self.tr("Points per ¥1 must be a number from 0.01 to 1000."), self.rate)
            return None
        return rules, PointsRule(enabled, rate)

    def refusal_text(self, exc: TierRulesError, rules: TierRules) -> str:
        """The refusal of ``TierRules.validate`` in the user's language."""
        level = rules.names.get(exc.level or "", exc.level or "") or (exc.level or "")
        lower = rules.names.get(exc.lower or "", exc.lower or "")
        spend = exc.criterion == "spend"
        texts = {
            "name_empty": self.tr("Every level needs a name."),
            "name_form": self.tr("A level's name has 1 to %1 characters.").replace("%1", str(MAX_NAME_LENGTH)),
            "name_twice": self.tr("Two levels are both called %1.").replace("%1", level),
            "no_threshold": self.tr("%1 needs a spend or an order count.").replace("%1", level),
            "not_positive": (
                self.tr("The spend for %1 must be more than ¥0.")
                if spend
                else self.tr("The order count for %1 must be at least 1.")
            ).replace("%1", level),
            "too_large": self.tr("The threshold of %1 is too large.").replace("%1", level),
            "not_higher": (
                self.tr("The spend for %1 must be higher than for %2.")
                if spend
                else self.tr("The order count for %1 must be higher than for %2.")
            )
            .replace("%1", level)
            .replace("%2", lower),
        }
        return texts.get(exc.code, str(exc))

    def _field_of(self, exc: TierRulesError) -> QWidget | None:
        key = exc.level or ""
        if exc.code.startswith("name"):
            return self.names.get(key)
        if exc.criterion == "orders":
            return self.orders.get(key)
        return self.spend.get(key)

    def accept(self) -> None:
        read = self.read()
        if read is None:
            return
        self.rules, self.points = read
        super().accept()


# --- the work in a worker ---------------------------------------------------------------------------------------------


def save_in_background(parent: QWidget, rules: TierRules, points: PointsRule, on_saved: Callable[[int], Any]) -> Job:
    """Save both rules and recompute every tier in a worker, behind a progress dialog;
    ``on_saved(changed)`` follows on the GUI thread. A failure is one translated message."""

    def work(_progress: Callable[[int, int, str], None], token: Any) -> int:
        token.check()  # Cancel before it started: nothing written
        return store_tiers.save_tier_and_points_rules(rules, points)

    job = Job(with_error_text(work), "tier-settings")
    job.succeeded.connect(on_saved)
    job.failed.connect(
        lambda message: dialogs.error(
            parent,
            QCoreApplication.translate("TierSettingsDialog", "Tiers and points"),
            QCoreApplication.translate("TierSettingsDialog", "The settings were not saved: %1").replace("%1", message),
        )
    )
    run_job(job, QCoreApplication.translate("TierSettingsDialog", "Recomputing the tiers…"), parent)
    return job


def edit_tier_settings(parent: QWidget, on_saved: Callable[[int], Any]) -> Job | None:
    """The 等级与积分 dialog; after OK the save-and-recompute job (None when cancelled)."""
    dialog = TierSettingsDialog(parent)
    dialogs.launch(dialog)
    if dialog.rules is None or dialog.points is None:
        return None
    return save_in_background(parent, dialog.rules, dialog.points, on_saved)


def check_rolling_window(
    on_changed: Callable[[int], Any], on_failed: Callable[[str], Any], today: _dt.date | None = None
) -> Job:
    """Recompute the tiers for today's 12-month window unless done today, in a worker with
    no dialog (the window stays usable); ``on_changed(n)`` when n > 0 tiers moved."""
    day = today or clock.today()

    def work(_progress: Callable[[int, int, str], None], token: Any) -> int | None:
        token.check()  # the window closed before the worker started: nothing to do
        return store_tiers.refresh_rolling_window(day)

    job = Job(with_error_text(work), "tiers-window")
    job.succeeded.connect(lambda changed: on_changed(changed) if changed else None)
    job.failed.connect(on_failed)
    runner.start(job)
    return job


__all__ = ["TierSettingsDialog", "check_rolling_window", "edit_tier_settings", "save_in_background"]
