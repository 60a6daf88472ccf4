"""查找重复客户: the groups of likely duplicates, found in a job (progress + Cancel), and the
merges made so far with 撤销合并 (issue 15).

The groups come from ``store.duplicates.find_duplicates`` with the members' table rows
(``store.queries.rows_for_ids``), both read in the job. Each group is one line (the reasons,
what they share, the names); its customers are shown when it is opened. 合并… opens the
side-by-side :class:`~sellerdesk.ui.duplicates.merge_dialog.MergeDialog`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.core.money import format_yuan
from sellerdesk.jobs.worker import Job
from sellerdesk.store import duplicates, merges, queries
from sellerdesk.store.duplicates import DuplicateGroup
from sellerdesk.store.errors import StoreError
from sellerdesk.store.merges import MergeInfo, MergeRefused
from sellerdesk.ui.customers.table_model import local_time
from sellerdesk.ui.duplicates.texts import reason_text, reasons_text, refusal_text
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import error_text, with_error_text
from sellerdesk.ui.widgets.progress import run_job

GROUP_ROLE = Qt.ItemDataRole.UserRole
SHOWN_NAMES = 4  # names on a group's line before "…"


def find_job_function(progress, token) -> tuple[list[DuplicateGroup], dict[int, queries.CustomerRow]]:
    """The job: the groups and their members' rows (in the worker: thousands at 100k customers)."""
    groups = duplicates.find_duplicates(progress, token)
    ids = sorted({i for g in groups for i in g.ids})
    return groups, queries.rows_for_ids(ids)


class DuplicatesDialog(QDialog):
    """Non-modal: it stays open beside the main window while groups are merged one by one.

    ``open_customer(id)`` asks the window to show a customer; ``changed`` says customers were
    merged or brought back (the window reloads)."""

    open_customer = Signal(int)
    changed = Signal()

    def __init__(self, parent=None, merge_launcher: Callable[[list[int]], int | None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicate customers"))
        self.groups: list[DuplicateGroup] = []
        self.rows: dict[int, queries.CustomerRow] = {}
        self.job: Job | None = None
        self.merge_launcher = merge_launcher
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        page = QWidget()
        box = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicateGroups")
        self.tree.setHeaderLabels(
            [
                self.tr("Why / name"),
                self.tr("Phone"),
                self.tr("WeChat ID"),
                self.tr("Default address"),
                self.tr("Orders"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemExpanded.connect(self._fill_group)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        box.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find again"))
        self.find_button.clicked.connect(self.find)
        self.open_button = QPushButton(self.tr("Open customer"))
        self.open_button.clicked.connect(self._open_selected)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setToolTip(self.tr("Compare the group's customers side by side and merge them"))
        self.merge_button.clicked.connect(self.merge_selected)
        row.addWidget(self.find_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addWidget(self.merge_button)
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Possible duplicates"))

        page = QWidget()
        box = QVBoxLayout(page)
        self.merged = QTreeWidget()
        self.merged.setObjectName("mergedList")
        self.merged.setRootIsDecorated(False)
        self.merged.setHeaderLabels([self.tr("When"), self.tr("Kept"), self.tr("Merged into them"), self.tr("Undo")])
        self.merged.currentItemChanged.connect(lambda *_a: self._update_buttons())
        box.addWidget(self.merged, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.unmerge_button = QPushButton(self.tr("Undo merge"))
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        row.addWidget(self.unmerge_button)
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Merged"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 600)
        self._update_buttons()

    # --- finding --------------------------------------------------------------------------------------------------

    def find(self) -> None:
        """Look for duplicates in a job behind a progress dialog with Cancel."""
        if self.job is not None and self.job.running:
            return
        job = Job(with_error_text(find_job_function), "duplicates")
        job.succeeded.connect(self._found)
        job.failed.connect(lambda message: dialogs.error(self, self.tr("Find duplicate customers"), message))
        job.cancelled.connect(lambda: self.summary.setText(self.tr("Search cancelled.")))
        self.job = job
        self.summary.setText(self.tr("Looking for duplicates…"))
        self.find_button.setEnabled(False)
        job.finished.connect(lambda: self.find_button.setEnabled(True))
        run_job(job, self.tr("Looking for duplicate customers…"), self)

    def _found(self, result) -> None:
        self.groups, self.rows = result
        self.tree.clear()
        items = []
        for group in self.groups:
            reason = group.reasons[0]
            names = [self._name(i) for i in group.ids]
            shown = "、".join(names[:SHOWN_NAMES]) + ("…" if len(names) > SHOWN_NAMES else "")
            why = reasons_text(group.reasons)
            # what they share, in its own column: the phone, the WeChat ID or the address
            column = {"phone": 1, "similar_name_phone": 1, "wechat": 2}.get(reason, 3)
            texts = [f"{why}：{shown}", "", "", "", ""]
            texts[column] = group.keys[reason]
            item = QTreeWidgetItem(texts)
            item.setToolTip(0, why)
            item.setToolTip(column, group.keys[reason])
            item.setData(0, GROUP_ROLE, group)
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self._show_summary()
        if items:
            self.tree.setCurrentItem(items[0])
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 110)
        self.tree.setColumnWidth(2, 120)
        self.tree.setColumnWidth(3, 280)
        self._update_buttons()

    def _show_summary(self) -> None:
        """How many groups are left and why, counted from :attr:`groups` (after a merge too: the
        count said 2 with 1 group left, QA)."""
        counts: dict[str, int] = {}
        for group in self.groups:
            counts[group.reasons[0]] = counts.get(group.reasons[0], 0) + 1
        if not self.groups:
            self.summary.setText(self.tr("No duplicates found."))
            return
        parts = [
            self.tr("%1: %2").replace("%1", reason_text(code)).replace("%2", str(n))
            for code, n in sorted(counts.items(), key=lambda kv: duplicates.REASONS.index(kv[0]))
        ]
        self.summary.setText(
            self.tr("%n group(s) of customers who may be one person, the likeliest first.", "", len(self.groups))
            + "  "
            + "，".join(parts)
        )

    def _name(self, customer_id: int) -> str:
        row = self.rows.get(customer_id)
        return (row.name or row.phone or row.wechat) if row is not None else f"#{customer_id}"

    def _fill_group(self, item: QTreeWidgetItem) -> None:
        group = item.data(0, GROUP_ROLE)
        if group is None or item.childCount():
            return
        for cid in group.ids:
            row = self.rows.get(cid)
            if row is None:
                continue
            child = QTreeWidgetItem(
                [
                    f"#{cid} {row.name}",
                    row.phone,
                    row.wechat,
                    row.address_text,
                    self.tr("%1 orders, %2")
                    .replace("%1", str(row.order_count))
                    .replace("%2", format_yuan(row.total_spent_fen)),
                ]
            )
            child.setToolTip(3, row.address_text)
            child.setData(0, GROUP_ROLE + 1, cid)
            item.addChild(child)

    def _selected_group(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.merge_button.setEnabled(self._selected_group() is not None)
        self.open_button.setEnabled(item is not None and item.parent() is not None)
        current = self.merged.currentItem()
        info = current.data(0, GROUP_ROLE) if current is not None else None
        self.unmerge_button.setEnabled(isinstance(info, MergeInfo) and info.problem is None)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None:
            self._open_selected()

    def _open_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            self.open_customer.emit(int(item.data(0, GROUP_ROLE + 1)))

    # --- merging --------------------------------------------------------------------------------------------------

    def merge_selected(self) -> None:
        item = self._selected_group()
        if item is None:
            return
        group: DuplicateGroup = item.data(0, GROUP_ROLE)
        ids = list(group.ids)
        current = self.tree.currentItem()
        if current is not None and current.parent() is not None:  # the selected customer is kept by default
            chosen = int(current.data(0, GROUP_ROLE + 1))
            ids = [chosen, *[i for i in ids if i != chosen]]
        merged = self.merge_launcher(ids) if self.merge_launcher is not None else None
        if merged is None:
            return
        index = self.tree.indexOfTopLevelItem(item)
        self.tree.takeTopLevelItem(index)  # its customers changed: found again on "Find again"
        self.groups = [g for g in self.groups if g is not group]
        self._show_summary()
        self.load_merges()
        self.changed.emit()
        self._update_buttons()

    def load_merges(self) -> None:
        """The 已合并 list (merges not undone), newest first."""
        self.merged.clear()
        try:
            infos = merges.list_merges()
        except StoreError as exc:
            dialogs.error(self, self.tr("Merged"), error_text(exc))
            return
        for info in infos:
            names = merges.names_before(info.id)
            kept = f"#{info.keep_id} {names.get(info.keep_id, '')}"
            others = "、".join(f"#{i} {names.get(i, '')}" for i in info.other_ids)
            when = local_time(info.at)
            status = self.tr("Possible") if info.problem is None else refusal_text(info.problem)
            item = QTreeWidgetItem([when.strftime("%Y-%m-%d %H:%M") if when else "", kept, others, status])
            item.setToolTip(3, status)
            item.setData(0, GROUP_ROLE, info)
            self.merged.addTopLevelItem(item)
        for column in range(3):
            self.merged.resizeColumnToContents(column)
        self._update_buttons()

    def unmerge_selected(self) -> None:
        item = self.merged.currentItem()
        info = item.data(0, GROUP_ROLE) if item is not None else None
        if not isinstance(info, MergeInfo):
            return
        if unmerge(self, info.id):
            self.load_merges()
            self.changed.emit()


def unmerge(parent: QWidget, merge_id: int) -> bool:
    """Ask, then undo merge ``merge_id``; True when undone (a refusal is said in one line)."""

    if not dialogs.confirm(
        parent,
        QCoreApplication.translate("Duplicates", "Undo merge"),
        QCoreApplication.translate(
            "Duplicates",
            "Undo this merge? The merged customers come back as they were, with their addresses and orders.",
        ),
    ):
        return False
    not_undone = QCoreApplication.translate("Duplicates", "Not undone")
    try:
        merges.unmerge(merge_id)
    except MergeRefused as exc:
        dialogs.error(parent, not_undone, refusal_text(exc))
        return False
    except StoreError as exc:
        dialogs.error(parent, not_undone, error_text(exc))
        return False
    return True
