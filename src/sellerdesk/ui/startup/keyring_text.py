"""Translated explanations of why the OS keyring cannot be used or lost the key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sellerdesk.store.keys import KeyMissingError
from sellerdesk.store.secrets import KeyringUnavailable


def describe(problem: BaseException | None) -> str:
    """A sentence for the user (no backend class names); '' when there is no problem."""
    if problem is None:
        return ""
    cause = problem if isinstance(problem, (KeyringUnavailable, KeyMissingError)) else problem.__cause__
    if isinstance(cause, KeyMissingError):
        return QCoreApplication.translate(
            "KeyringText", "The system keyring does not hold this database's key (for example on a new computer)."
        )
    reason = getattr(cause, "reason", KeyringUnavailable.ERROR)
    if reason == KeyringUnavailable.NO_BACKEND:
        return QCoreApplication.translate("KeyringText", "No system keyring was found on this computer.")
    if reason == KeyringUnavailable.INSECURE:
        return QCoreApplication.translate(
            "KeyringText", "The only keyring here would store the key unencrypted, so SellerDesk does not use it."
        )
    if reason == KeyringUnavailable.LOCKED:
        return QCoreApplication.translate(
            "KeyringText", "The system keyring is locked. Log in to your desktop session and start SellerDesk again."
        )
    return QCoreApplication.translate("KeyringText", "The system keyring reported an error.")
