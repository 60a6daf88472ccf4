"""Where the team server is, as the app keeps it (team mode, issue 20).

:class:`TeamServer` is the connection as the settings hold it — host, port, database, user, TLS —
never the password: that lives in the OS keyring (:mod:`store.secrets`, :func:`save_password` /
:func:`load_password`, one entry per user and server). :func:`check_connection` is the settings
dialog's 测试连接: it logs in, counts the live customers, and changes nothing (no migration).
:func:`reason_of` names why a connection failed, as a code the UI and CLI word themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from sellerdesk.store.postgres import (
    BadServerUrlError,
    ServerLoginError,
    ServerUnreachableError,
    connect,
    native,
    parse_url,
)
from sellerdesk.store.secrets import KeyringUnavailable, SecretStore, SystemKeyring

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "sellerdesk"

# why a connection failed (reason_of)
UNREACHABLE = "unreachable"
LOGIN = "login"
TLS = "tls"
NO_DATABASE = "no_database"
BAD_ADDRESS = "bad_address"
OTHER = "other"


@dataclass(frozen=True)
class TeamServer:
    """A team server and who logs in to it. ``tls``: ``sslmode=verify-full`` (the server's
    certificate must be signed by ``ca_file``, or the system's CAs when empty, and name ``host``)."""

    host: str
    user: str
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    tls: bool = False
    ca_file: str = ""
    given_url: str = field(default="", compare=False)  # SELLERDESK_DATABASE_URL's, without its password

    @classmethod
    def from_url(cls, url: str, user: str = "") -> TeamServer:
        """The server a ``postgresql://`` URL names (``SELLERDESK_DATABASE_URL``), ``user`` winning
        over the URL's; :meth:`url` is then that URL without its password (every other parameter
        kept). Raises ``BadServerUrlError``."""
        params = parse_url(url)
        return cls(
            host=str(params.get("host") or "localhost"),
            user=user or str(params.get("user") or ""),
            port=int(params.get("port") or DEFAULT_PORT),
            database=str(params["dbname"]),
            tls=params.get("sslmode") == "verify-full",
            ca_file=str(params.get("sslrootcert") or ""),
            given_url=_without_password(url),
        )

    def url(self) -> str:
        """The ``postgresql://`` URL, without the password."""
        if self.given_url:
            return self.given_url
        host = f"[{self.host}]" if ":" in self.host else self.host
        url = f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.database, safe='')}"
        query = {}
        if self.tls:
            query["sslmode"] = "verify-full"
            if self.ca_file:
                query["sslrootcert"] = self.ca_file
        return url + ("?" + urlencode(query) if query else "")

    def where(self) -> str:
        """host:port (the port left out when it is the default)."""
        return self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"

    def secret_name(self) -> str:
        """The keyring entry of this user's password on this server."""
        return f"team-password:{self.user}@{self.host}:{self.port}/{self.database}"


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if parts.password is None and all(key != "password" for key, _ in query):
        return url  # as given (urlunsplit would turn postgresql:///db into postgresql:/db)
    userinfo, _, hostport = parts.netloc.rpartition("@")
    netloc = userinfo.partition(":")[0] + "@" + hostport if userinfo else hostport
    query = [(key, value) for key, value in query if key != "password"]
    return parts._replace(netloc=netloc, query=urlencode(query)).geturl()


def keyring_problem(store: SecretStore | None = None) -> KeyringUnavailable | None:
    """Why the OS keyring cannot keep a team password now (None: it can)."""
    try:
        (store or SystemKeyring()).check()
    except KeyringUnavailable as exc:
        return exc
    return None


def save_password(server: TeamServer, password: str, store: SecretStore | None = None) -> None:
    """Keep ``password`` in the OS keyring (raises ``KeyringUnavailable``; never written anywhere else)."""
    (store or SystemKeyring()).set(server.secret_name(), password)


def load_password(server: TeamServer, store: SecretStore | None = None) -> str | None:
    """The password kept for ``server`` (None: none kept)."""
    return (store or SystemKeyring()).get(server.secret_name())


def forget_password(server: TeamServer, store: SecretStore | None = None) -> None:
    (store or SystemKeyring()).delete(server.secret_name())


def check_connection(server: TeamServer, password: str | None) -> int | None:
    """Log in to ``server`` and count its live customers; None when the database has no
    SellerDesk tables yet (they are made when it is first opened). Writes nothing.
    Raises the connection's error (:func:`reason_of` names it)."""
    db = connect(server.url(), password=password)
    try:
        found = native(db, "SELECT to_regclass('customer') IS NOT NULL").fetchone()[0]
        if not found:
            return None
        return int(native(db, 'SELECT count(*) FROM "customer" WHERE "deleted_at" IS NULL').fetchone()[0])
    finally:
        db.close()


def reason_of(exc: BaseException) -> str:
    """Why a connection failed: :data:`LOGIN`, :data:`TLS`, :data:`NO_DATABASE`,
    :data:`UNREACHABLE`, :data:`BAD_ADDRESS` or :data:`OTHER`."""
    if isinstance(exc, ServerLoginError):
        return LOGIN
    if isinstance(exc, BadServerUrlError):
        return BAD_ADDRESS
    if isinstance(exc, ServerUnreachableError):
        text = exc.reason.lower()
        if any(word in text for word in ("ssl", "certificate", "tls", "sslrootcert")):
            return TLS
        if "database" in text and "does not exist" in text:
            return NO_DATABASE
        return UNREACHABLE
    return OTHER
