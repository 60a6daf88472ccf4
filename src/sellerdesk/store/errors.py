"""Errors the store raises. Each carries a plain message; the UI and CLI translate by type."""

from __future__ import annotations


class StoreError(Exception):
    """Base class for every failure the user should see as a clear one-line message."""


class DatabaseMissingError(StoreError):
    def __init__(self, path) -> None:
        super().__init__(f"No SellerDesk database at {path}. Run 'sellerdesk-cli init' or start the app to create one.")
        self.path = path


class DatabaseExistsError(StoreError):
    def __init__(self, path) -> None:
        super().__init__(f"A SellerDesk database already exists at {path}.")
        self.path = path


class WrongKeyError(StoreError):
    """The key, password or recovery code does not open this database."""

    def __init__(self, what: str = "key") -> None:
        super().__init__(f"Wrong {what}: it does not unlock this SellerDesk database. Nothing was changed.")
        self.what = what


class NotADatabaseError(StoreError):
    def __init__(self, path) -> None:
        super().__init__(f"{path} is not a SellerDesk database, or it is damaged.")
        self.path = path


class SchemaTooNewError(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This database was written by a newer SellerDesk (schema {found}; this version understands up to "
            f"{supported}). Please update SellerDesk; the file was not changed."
        )
        self.found = found
        self.supported = supported


class NotFoundError(StoreError):
    pass


class ValidationError(StoreError):
    """Refused input. ``code`` names the rule for callers that show their own translated text
    (e.g. ``no_identity``); ``field`` names the field at fault when there is one."""

    def __init__(self, message: str, code: str = "", field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


class ConflictError(StoreError):
    """Someone else changed the record since it was read (optimistic locking); nothing was written."""
