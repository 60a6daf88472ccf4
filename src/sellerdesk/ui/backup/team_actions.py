"""Team mode's 文件 › 立即备份 in the app: the team database into the same ``.sdbackup`` as
``sellerdesk-cli backup`` makes in team mode (:func:`sellerdesk.backup.team.create_team_backup`).

:class:`TeamBackupController` is the local :class:`BackupController` with three differences:

* ``backup_now`` writes a team backup (a logical export, in a job with progress and Cancel) into
  the ``team`` folder of each backup folder (the backup settings), encrypted with this computer's
  data key: the window of a team has no key open (``context.key`` is empty), so the local data
  folder is unlocked for it (the keyring, else the unlock dialog; asked once per window). A computer
  with no key yet (an owner who only ever used the team) is offered to make it there and then, with the
  first start's wizard, the window staying on the team. The owner is told where it was written.
* ``restore`` puts a backup (the restore dialog picks, checks and unlocks it) into the team's EMPTY
  database for everyone (``backup.team.restore_to_team``, as ``sellerdesk-cli restore`` in team mode),
  after a warning naming the server and database with Cancel the default; then ``team init``
  (``store.team.setup``) so the backup's users work again. A database with data is refused unchanged.
* no status-bar age, reminder or backup on exit (those are the local file's).

Who sees the actions: the main window hides them from a role that may not back up or restore
(``store.team.may(BACKUP/RESTORE)``: helpers and viewers); the database refuses them anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from sellerdesk.backup import settings as backup_settings
from sellerdesk.backup.create import BackupResult, split_destinations
from sellerdesk.backup.team import TEAM_FOLDER, create_team_backup, restore_to_team, team_destinations
from sellerdesk.jobs.worker import Job
from sellerdesk.store import team_move
from sellerdesk.store.errors import StoreError
from sellerdesk.store.team_move import MoveResult
from sellerdesk.ui.backup.actions import BackupController
from sellerdesk.ui.widgets import dialogs
from sellerdesk.ui.widgets.errors import storage_text

log = logging.getLogger(__name__)

COPY_PREFIX = team_move.MSG_COPY.split("{", 1)[0]


class TeamBackupController(BackupController):
    def __init__(self, context, parent_widget) -> None:
        self._team_key: bytes | None = None
        super().__init__(context, parent_widget)
        self._phases[team_move.MSG_CHECK] = self.tr("Checking the copy of the team's data…")
        self.backup_action.setToolTip(
            self.tr("Write an encrypted backup of the team database to your backup folders (Ctrl+B)")
        )
        self.backup_action.setStatusTip(self.backup_action.toolTip())
        self.restore_action.setToolTip(
            self.tr("Restore a backup into this team's EMPTY database, for the whole team (owners only)")
        )
        self.restore_action.setStatusTip(self.restore_action.toolTip())
        self._timer.stop()
        self.status_widget.hide()

    def restore_folders(self) -> list[Path]:
        """The team backups first (the ``team`` folder of each backup folder), then the local ones."""
        folders = self.settings().destination_paths()
        return [folder / TEAM_FOLDER for folder in folders] + folders

    # the local file's status, reminder and backup on exit are not the team's
    def refresh_status(self) -> None:
        self.status_widget.setText("")

    def maybe_remind(self) -> bool:
        return False

    def on_close(self) -> bool:  # no backup on exit: only the wait for a running one
        return not self.refused_while_busy()

    def _set_busy(self, job: Job | None) -> None:
        self._job = job
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(job is None and action.isVisible())

    def describe_error(self, exc: BaseException) -> str:
        if isinstance(exc, team_move.TargetNotEmptyError):
            return (
                self.tr(
                    "The team database already holds data (its table %1 has %2 rows). A backup is restored only "
                    "into an empty team database, so nothing was changed."
                )
                .replace("%1", exc.table)
                .replace("%2", str(exc.rows))
            )
        text = super().describe_error(exc)
        if isinstance(exc, StoreError) and text == str(exc):  # a team server's error: its own line
            return storage_text(exc) or text
        return text

    def make_job(self, fn: Callable, name: str) -> Job:
        copying = self.tr("Copying the team's data…")

        def with_copy_phase(progress, token):
            def report(done: int, total: int, message: str = "") -> None:
                progress(done, total, copying if message.startswith(COPY_PREFIX) else message)

            return fn(report, token)

        return super().make_job(with_copy_phase, name)

    def _key(self) -> bytes | None:
        """This computer's data key (a team backup is encrypted with it), None if the user quit."""
        if self._team_key is None:
            from sellerdesk.app import unlock

            self._team_key = self.context.key or unlock(self.context.datadir)
        return self._team_key

    def _make_local_key(self) -> bool:
        """This computer has no SellerDesk key yet: offer to make it here, with the first start's
        wizard (keyring or master password, the recovery code), leaving the window on the team
        database. False when the user declines or quits the wizard (nothing is made then)."""
        from sellerdesk.app import first_run

        home = str(self.context.datadir.home)
        if not dialogs.confirm(
            self.parent_widget,
            self.tr("Back up the team"),
            self.tr(
                "A team backup is encrypted with this computer's SellerDesk key (its recovery code opens it), "
                "and this computer has none yet (%1).\n\nMake it now? You choose how it is kept and get its "
                "recovery code, as at a first start; this computer's own customer list stays empty."
            ).replace("%1", home),
        ):
            return False
        key = first_run(self.context.datadir, bind=False, team=True)
        if key is None:
            return False
        self._team_key = key
        return True

    def backup_now(self, *, on_finished: Callable[[bool], None] | None = None) -> Job | None:
        if self.busy:
            return None
        datadir = self.context.datadir
        if not datadir.is_initialized() and not self._make_local_key():
            return None
        try:
            key = self._key()
        except (StoreError, OSError) as exc:
            dialogs.error(self.parent_widget, self.tr("Backup failed"), self.describe_error(exc))
            return None
        if not key:
            return None
        settings = backup_settings.load(datadir.home)
        try:
            folders, refused = split_destinations(settings.destination_paths(), Path(datadir.home))
            destinations = team_destinations(folders)
            keyfile = datadir.vault.load()
        except (StoreError, OSError) as exc:
            dialogs.error(self.parent_widget, self.tr("Backup failed"), self.describe_error(exc))
            return None
        from sellerdesk.store.models import DB

        team_db = DB.obj
        job = self.make_job(
            lambda progress, token: create_team_backup(
                team_db,
                key,
                keyfile,
                destinations,
                work_dir=Path(datadir.home),
                keep_last=settings.keep_last,
                keep_months=settings.keep_months,
                progress=progress,
                token=token,
                refused=refused,
            ),
            "team-backup",
        )
        outcome = {"ok": False}

        def succeeded(result: BackupResult) -> None:
            outcome["ok"] = not result.failures
            log.info("team backup written: %d file(s)", len(result.written))
            if self.say_failed_folders(result):
                return
            counts = result.header.counts
            dialogs.information(
                self.parent_widget,
                self.tr("Team backup complete"),
                self.tr("The team backup (%1 customers, %2 orders) was written to:\n%3")
                .replace("%1", str(counts.get("customers", 0)))
                .replace("%2", str(counts.get("orders", 0)))
                .replace("%3", "\n".join(str(p) for p in result.written)),
            )

        return self.start_backup_job(job, succeeded, self.tr("Backing up the team database…"), outcome, on_finished)

    # ----- restore into the team's EMPTY database ----------------------------------------------------------------

    def confirm_restore(self, what: str) -> bool:
        """The strong question: which server and database, that it is for everyone, Cancel the default."""
        server = self.context.team
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore into the team database?"),
            self.tr(
                "Restore %1 into the team database %2 on %3?\n\nEveryone in the team will work with the backup's "
                "data from then on. The team database must be empty: one that holds customers is refused and "
                "left as it is."
            )
            .replace("%1", what)
            .replace("%2", server.database if server is not None else "")
            .replace("%3", f"{server.host}:{server.port}" if server is not None else ""),
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        restore_button = box.addButton(self.tr("Restore for the whole team"), QMessageBox.ButtonRole.DestructiveRole)
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        dialogs.launch(box)
        return box.clickedButton() is restore_button

    def restore(self) -> None:
        """Pick, check and unlock a backup (the restore dialog), ask, then copy it into the EMPTY
        team database in a job (``backup.team.restore_to_team``: one transaction, checked)."""
        if self.busy:
            return
        from sellerdesk.ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self, self.parent_widget)
        dialog.asks_to_replace = False  # nothing is replaced: confirm_restore asks, naming the server
        if dialogs.launch(dialog) != QDialog.DialogCode.Accepted or dialog.info is None or dialog.key is None:
            return
        info, key = dialog.info, dialog.key
        what = self.tr("the backup of %1 (%2 customers)").replace("%1", self.local_text(info.created_at))
        what = what.replace("%2", str(info.counts.get("customers", 0)))
        if not self.confirm_restore(what):
            return
        from sellerdesk.store.models import DB

        team_db = DB.obj
        home = Path(self.context.datadir.home)
        job = self.make_job(
            lambda progress, token: restore_to_team(
                info.path, key, team_db, work_dir=home if home.is_dir() else None, progress=progress, token=token
            ),
            "team-restore",
        )
        job.succeeded.connect(self._team_restored)
        job.failed.connect(lambda message: dialogs.error(self.parent_widget, self.tr("Restore failed"), message))
        job.finished.connect(lambda: self._set_busy(None))
        self._set_busy(job)
        self.run_progress(job, self.tr("Restoring into the team database…"))

    def _team_restored(self, result: MoveResult) -> None:
        """The backup's users made members of this database's groups again (``team init``), then every view reloads."""
        from sellerdesk.store import team as team_store

        text = self.tr("Restored %1 customers into the team database.").replace("%1", str(result.customers))
        try:
            team_store.setup()
            missing = team_store.missing_logins()
        except StoreError as exc:
            log.warning("team init after the restore failed: %s", type(exc).__name__)
            text += "\n\n" + self.tr(
                "The team's users work again once a user with the privilege runs: sellerdesk-cli team init"
            )
            text += "\n" + self.describe_error(exc)
        else:
            if missing:
                text += "\n\n" + self.tr("These users of the backup have no login on this server yet: %1").replace(
                    "%1", ", ".join(missing)
                )
        self.context.customers_changed.emit()
        dialogs.information(self.parent_widget, self.tr("Restore complete"), text)
