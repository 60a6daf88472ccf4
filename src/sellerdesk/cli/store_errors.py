"""The store's errors in the CLI's language, chosen by type (the store's text is English)."""

from __future__ import annotations

from sellerdesk.cli.messages import N_, _, lookup


def translated(exc: BaseException) -> str | None:
    """The translated line for ``exc``, or None when its English text is all there is."""
    from sellerdesk.backup import errors as backup
    from sellerdesk.backup import unlock as backup_unlock
    from sellerdesk.store import errors as store

    if isinstance(exc, store.StorageError):
        # the app's own rows (context StorageError, %1 for the place): one translation for both
        english = store.STORAGE_MESSAGES[exc.reason].replace("{where}", "%1")
        text = lookup(english, context="StorageError")
        where = (
            str(exc.where) if exc.where is not None else lookup("the SellerDesk data folder", context="StorageError")
        )
        return text.replace("%1", where)
    if isinstance(exc, store.DatabaseMissingError):
        return _(
            "No SellerDesk database at {path}. Run 'sellerdesk-cli init' or start the app to create one.",
            path=exc.path,
        )
    if isinstance(exc, store.DatabaseExistsError):
        return _("A SellerDesk database already exists at {path}.", path=exc.path)
    if isinstance(exc, backup_unlock.WrongBackupSecretError):
        return (
            _("Wrong password or recovery code: it does not unlock this backup. Nothing was changed.")
            if exc.what == "password or recovery code"
            else _("Wrong recovery code: it does not unlock this backup. Nothing was changed.")
        )
    if isinstance(exc, backup_unlock.BackupNeedsSecretError):
        return (
            _("This backup needs the master password or the recovery code it was made with.")
            if "master password" in str(exc)
            else _("This backup needs the recovery code it was made with.")
        )
    if isinstance(exc, store.WrongKeyError):
        texts = {
            "key": N_("Wrong key: it does not unlock this SellerDesk database. Nothing was changed."),
            "recovery code": N_(
                "Wrong recovery code: it does not unlock this SellerDesk database. Nothing was changed."
            ),
            "password or recovery code": N_(
                "Wrong password or recovery code: it does not unlock this SellerDesk database. Nothing was changed."
            ),
        }
        wrong = texts.get(exc.what)
        return _(wrong) if wrong else None
    if isinstance(exc, store.NotADatabaseError):
        return _("{path} is not a SellerDesk database, or it is damaged.", path=exc.path)
    if isinstance(exc, store.SchemaTooNewError):
        return _(
            "This database was written by a newer SellerDesk (schema {found}; this version understands up to "
            "{supported}). Please update SellerDesk; the file was not changed.",
            found=exc.found,
            supported=exc.supported,
        )
    if isinstance(exc, backup.NotABackupError):
        return _("{path} is not a SellerDesk backup file.", path=exc.path)
    if isinstance(exc, backup.BackupDamagedError):
        return _(
            "The backup {path} is damaged or was modified ({detail}). It was not used; nothing was changed.",
            path=exc.path,
            detail=exc.detail,
        )
    if isinstance(exc, backup.DestinationError):
        reasons = {
            exc.MISSING: _("the folder does not exist (is the drive plugged in?)"),
            exc.NO_SPACE: _("there is not enough free space"),
            exc.READ_ONLY: _("the folder cannot be written (read-only or no permission)"),
            exc.DEVICE_GONE: _("the drive was removed or failed while writing"),
            exc.OTHER: _("the file could not be written"),
        }
        return _(
            "Backup to {folder} failed: {reason}. No partial file was left and older backups are untouched.",
            folder=exc.folder,
            reason=reasons.get(exc.reason, reasons[exc.OTHER]),
        )
    return None


def exchange_text(exc: BaseException) -> str:
    """A refused file (:class:`~sellerdesk.exchange.errors.ExchangeError`) in the CLI's language."""
    from sellerdesk.exchange.errors import MESSAGES

    code = getattr(exc, "code", None)
    params = getattr(exc, "params", {})
    if code not in MESSAGES:
        return str(exc)
    try:
        return lookup(MESSAGES[code]).format(**params)
    except (KeyError, IndexError, ValueError):
        return str(exc)
