"""A small interface over the OS keyring, and an in-memory stand-in for tests.

``SystemKeyring`` wraps the ``keyring`` package. It refuses backends that cannot keep a
secret safely — the ``fail`` and ``null`` backends, and the ``keyrings.alt`` file
backends that would write the key to disk — and it turns a locked keyring into a
:class:`KeyringUnavailable` that says so. It never falls back to a plain-text store.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, TypeVarTuple

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend  # imported when first used (start-up time)

_T = TypeVar("_T")
_Args = TypeVarTuple("_Args")

SERVICE = "sellerdesk"


class KeyringUnavailable(Exception):
    """The OS keyring cannot be used; ``reason`` is one of ``REASONS``."""

    NO_BACKEND = "no_backend"
    INSECURE = "insecure_backend"
    LOCKED = "locked"
    ERROR = "error"
    REASONS = (NO_BACKEND, INSECURE, LOCKED, ERROR)

    def __init__(self, reason: str, detail: str = "") -> None:
        messages = {
            self.NO_BACKEND: "No usable OS keyring was found on this system.",
            self.INSECURE: "The only keyring available would store the key in plain text; SellerDesk refuses it.",
            self.LOCKED: "The OS keyring is locked. Unlock it (log in to your desktop session) and try again.",
            self.ERROR: "The OS keyring reported an error.",
        }
        text = messages[reason]
        super().__init__(f"{text} {detail}".strip())
        self.reason = reason
        self.detail = detail


class SecretStore(abc.ABC):
    """Where the database key is kept between runs."""

    @abc.abstractmethod
    def get(self, name: str) -> str | None:
        """The secret stored under ``name``, or None if there is none."""

    @abc.abstractmethod
    def set(self, name: str, value: str) -> None: ...

    @abc.abstractmethod
    def delete(self, name: str) -> None: ...

    @abc.abstractmethod
    def describe(self) -> str:
        """A short human-readable name of the backend (for the About box and logs)."""

    def check(self) -> None:
        """Raise :class:`KeyringUnavailable` if this store cannot be used right now (usable by default)."""
        return None


class MemorySecretStore(SecretStore):
    """Keeps secrets in a dict. For tests, and never selected by the app on its own."""

    def __init__(self, locked: bool = False) -> None:
        self.data: dict[str, str] = {}
        self.locked = locked

    def check(self) -> None:
        if self.locked:
            raise KeyringUnavailable(KeyringUnavailable.LOCKED)

    def get(self, name: str) -> str | None:
        self.check()
        return self.data.get(name)

    def set(self, name: str, value: str) -> None:
        self.check()
        self.data[name] = value

    def delete(self, name: str) -> None:
        self.check()
        self.data.pop(name, None)

    def describe(self) -> str:
        return "memory"


_INSECURE_MODULE_PREFIXES = ("keyrings.alt",)
_UNUSABLE_MODULES = ("keyring.backends.fail", "keyring.backends.null")


class SystemKeyring(SecretStore):
    """The OS keyring through the ``keyring`` package (Secret Service, macOS Keychain, Windows)."""

    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def _usable_backends(self) -> list[KeyringBackend]:
        backend = self.backend
        inner = getattr(backend, "backends", None)
        return list(inner) if inner is not None else [backend]

    def check(self) -> None:
        backends = self._usable_backends()
        if not backends or all(type(b).__module__ in _UNUSABLE_MODULES for b in backends):
            raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND, self.describe())
        if all(
            type(b).__module__.startswith(_INSECURE_MODULE_PREFIXES) or type(b).__module__ in _UNUSABLE_MODULES
            for b in backends
        ):
            raise KeyringUnavailable(KeyringUnavailable.INSECURE, self.describe())

    def _call(self, func: Callable[[*_Args], _T], *args: *_Args) -> _T:
        from keyring.errors import InitError, KeyringError, KeyringLocked, NoKeyringError

        self.check()
        try:
            return func(*args)
        except KeyringLocked as exc:
            raise KeyringUnavailable(KeyringUnavailable.LOCKED, str(exc)) from exc
        except NoKeyringError as exc:
            raise KeyringUnavailable(KeyringUnavailable.NO_BACKEND, str(exc)) from exc
        except (InitError, KeyringError) as exc:
            message = str(exc)
            reason = KeyringUnavailable.LOCKED if "lock" in message.lower() else KeyringUnavailable.ERROR
            raise KeyringUnavailable(reason, message) from exc
        except Exception as exc:  # D-Bus and OS errors surface as many types
            raise KeyringUnavailable(KeyringUnavailable.ERROR, f"{type(exc).__name__}: {exc}") from exc

    def get(self, name: str) -> str | None:
        return self._call(self.backend.get_password, self.service, name)

    def set(self, name: str, value: str) -> None:
        self._call(self.backend.set_password, self.service, name, value)

    def delete(self, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self._call(self.backend.delete_password, self.service, name)
        except KeyringUnavailable as exc:
            if isinstance(exc.__cause__, PasswordDeleteError):
                return
            raise

    def describe(self) -> str:
        backend = self.backend
        return f"{type(backend).__module__}.{type(backend).__name__}"
