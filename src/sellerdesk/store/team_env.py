"""Team mode from the environment, read once for ``sellerdesk-cli`` and the app.

``SELLERDESK_DATABASE_URL`` (a ``postgresql://`` URL) names the team server and puts both the
CLI and the app on it instead of the local data folder (it wins over the app's settings);
``SELLERDESK_USER`` wins over the URL's user, ``SELLERDESK_PASSWORD`` over the URL's password.
When neither gives a password the caller looks in the OS keyring (``team_server.load_password``
under the server's ``TeamServer.secret_name``, the entry 文件 › 团队服务器… writes) and then asks:
the CLI on the terminal, the app in a dialog (``ui/startup/team.py``).

Light on purpose: the CLI reads :func:`team_url` before deciding whether to load the store.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellerdesk.store.team_server import TeamServer

URL_ENV = "SELLERDESK_DATABASE_URL"
USER_ENV = "SELLERDESK_USER"
PASSWORD_ENV = "SELLERDESK_PASSWORD"


def team_url(environ: Mapping[str, str] | None = None) -> str:
    """The team server's URL from the environment ('' in local mode)."""
    return (os.environ if environ is None else environ).get(URL_ENV, "").strip()


@dataclass(frozen=True)
class EnvLogin:
    """Who logs in to which server, as the environment says."""

    url: str  # as given (it may carry a password: never show it, see postgres.redact)
    user: str  # SELLERDESK_USER, else the URL's ('': the driver's default)
    password: str | None  # SELLERDESK_PASSWORD, else the URL's; None: the keyring's, else asked

    def server(self) -> TeamServer:
        """The server as the app names it and keys its password in the keyring."""
        from sellerdesk.store.team_server import TeamServer

        return TeamServer.from_url(self.url, self.user)


def from_environment(environ: Mapping[str, str] | None = None) -> EnvLogin | None:
    """The environment's team login; None in local mode. Raises ``BadServerUrlError`` for a URL
    that is not a PostgreSQL server's."""
    env = os.environ if environ is None else environ
    url = team_url(env)
    if not url:
        return None
    from sellerdesk.store.postgres import parse_url

    params = parse_url(url)
    url_user = str(params.get("user") or "")
    user = env.get(USER_ENV, "").strip() or url_user
    # the URL's password is its own user's: not tried for another one
    url_password = str(params.get("password") or "") if user == url_user else ""
    return EnvLogin(url, user, env.get(PASSWORD_ENV) or url_password or None)
