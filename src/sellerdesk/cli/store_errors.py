"""The store's errors in the CLI's language, chosen by type (the store's text is English)."""

from __future__ import annotations

import re
from functools import lru_cache

from sellerdesk.cli.messages import N_, _, lookup

# store.secrets.KeyringUnavailable's details the user can act on (the others name a keyring
# backend's class, or are the backend's own English: left out)
KEYRING_DETAILS = (N_("SELLERDESK_PASSPHRASE is set."), N_("It did not keep the key."))


def keyring_text(exc: BaseException) -> str:
    """Why the OS keyring cannot be used (``store.secrets.KeyringUnavailable``), translated;
    without the backend's class name (``keyring.backends.fail.Keyring``) or its English."""
    from sellerdesk.sentences import sentences
    from sellerdesk.store.secrets import KeyringUnavailable

    reason = getattr(exc, "reason", KeyringUnavailable.ERROR)
    texts = {
        KeyringUnavailable.NO_BACKEND: _("No usable OS keyring was found on this system."),
        KeyringUnavailable.INSECURE: _(
            "The only keyring available would store the key in plain text; SellerDesk refuses it."
        ),
        KeyringUnavailable.LOCKED: _(
            "The OS keyring is locked. Unlock it (log in to your desktop session) and try again."
        ),
        KeyringUnavailable.ERROR: _("The OS keyring reported an error."),
    }
    detail = str(getattr(exc, "detail", ""))
    return sentences(texts.get(reason, texts[KeyringUnavailable.ERROR]), _(detail) if detail in KEYRING_DETAILS else "")


def translated(exc: BaseException) -> str | None:
    """The translated line for ``exc``, or None when its English text is all there is."""
    from sellerdesk.backup import errors as backup
    from sellerdesk.backup import unlock as backup_unlock
    from sellerdesk.store import errors as store
    from sellerdesk.store.orders import NotShippedError
    from sellerdesk.store.secrets import KeyringUnavailable

    if isinstance(exc, KeyringUnavailable):
        return keyring_text(exc)
    from sellerdesk.store.keys import SameSecretError

    if isinstance(exc, SameSecretError):
        if exc.reason == SameSecretError.RECOVERY_CODE:
            return _(
                "The new master password is the recovery code; choose a password of your own. Nothing was changed."
            )
        return _("The new master password is the one in use now. Nothing was changed.")
    if isinstance(exc, NotShippedError):
        words = {"cancelled": _("cancelled"), "refunded": _("refunded")}
        listed = ", ".join(f"{i} ({words.get(status, status)})" for i, status in exc.refused.items())
        return _("Cancelled or refunded orders are not shipped: {orders}. Nothing was written.", orders=listed)
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
    team = _team_text(exc)
    if team is not None:
        return team
    if isinstance(exc, backup.NotABackupError):
        return _("{path} is not a SellerDesk backup file.", path=exc.path)
    if isinstance(exc, backup.BackupDamagedError):
        return _(
            "The backup {path} is damaged or was modified ({detail}). It was not used; nothing was changed.",
            path=exc.path,
            detail=exc.detail,
        )
    if isinstance(exc, backup.AllDestinationsFailedError):
        return "\n".join(translated(f) or str(f) for f in exc.failures)
    if isinstance(exc, backup.DestinationError) and exc.reason == exc.IN_DATA_FOLDER:
        return _(
            "Not backed up to {folder}: it is in the data folder {home}, where a backup is lost with the data. "
            "Choose another folder in the app's File › Backup settings… (or pass --to DIR).",
            folder=exc.folder,
            home=exc.detail,
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


def _team_text(exc: BaseException) -> str | None:
    """A team server's refusal (store.postgres, store.team) in the CLI's language."""
    from sellerdesk.store import postgres, team

    if isinstance(exc, postgres.ServerUnreachableError):
        if exc.reason:
            return _(
                "The team server {where} cannot be reached: {reason}. Check the network and the server address; "
                "nothing was changed, and nothing was saved locally instead.",
                where=exc.where,
                reason=server_reason(exc.where, exc.reason),
            )
        return _(
            "The team server {where} cannot be reached. Check the network and the server address; "
            "nothing was changed, and nothing was saved locally instead.",
            where=exc.where,
        )
    if isinstance(exc, postgres.ServerLoginError):
        return _(
            "The team server {where} refused the login of {user!r}: wrong user name or password.",
            where=exc.where,
            user=exc.user,
        )
    if isinstance(exc, postgres.BadServerUrlError):
        return _(
            "{url!r} is not a PostgreSQL address; it looks like postgresql://user@host:5432/database.", url=exc.url
        )
    from sellerdesk.store.errors import NotATeamDatabaseError, ServerTooOldError

    if isinstance(exc, ServerTooOldError):
        return _(
            "The team server {where} runs PostgreSQL {version}; SellerDesk needs PostgreSQL 14 or newer. "
            "Nothing was changed.",
            where=exc.where,
            version=exc.version,
        )
    from sellerdesk.store.team_move import TargetNotEmptyError

    if isinstance(exc, NotATeamDatabaseError):
        return _(
            "{where} is not a SellerDesk team database yet; nothing was changed. Make it one with "
            "'sellerdesk-cli team init --url URL' (or move your data there with 'team move-local').",
            where=exc.where,
        )
    if isinstance(exc, TargetNotEmptyError):
        return _(
            "The team database is not empty (its table {table} holds {rows} rows); moving or restoring needs "
            "an empty one. Nothing was changed.",
            table=exc.table,
            rows=exc.rows,
        )
    from sellerdesk.store.errors import MissingPrivilegeError
    from sellerdesk.store.team_move import SchemaMismatchError

    if isinstance(exc, MissingPrivilegeError):
        return _(
            "{user} lacks the PostgreSQL privilege {privilege} on the team server; ask the server's "
            "administrator to grant it. Nothing was changed.",
            user=exc.user or "?",
            privilege=exc.privilege,
        )
    if isinstance(exc, SchemaMismatchError):
        return _(
            "The two databases do not have the same tables ({what}); nothing was changed.",
            what=exc.what,
        )
    if isinstance(exc, postgres.NoPermissionError):
        if exc.outside_regions:
            return _(
                "This customer is not in the regions of {user} (a helper writes only the customers of their "
                "regions); nothing was changed.",
                user=exc.user or "?",
            )
        return _("{user} is not allowed to do this on the team server; nothing was changed.", user=exc.user or "?")
    if isinstance(exc, team.TeamError):
        params = dict(exc.params)
        if "role" in params and exc.code in ("forbidden", "phones_helpers", "regions_helpers"):
            from sellerdesk.cli.team_cmds import role_name

            params["role"] = role_name(params["role"])
        return lookup(team.MESSAGES[exc.code]).format(**params)
    return None


# The driver's (libpq's) English reasons for a failed connection a seller meets most, by words
# of theirs; the English itself goes to the log only.
SERVER_REASONS = (
    (("connection refused",), N_("nothing answers at that address and port (is the server running?)")),
    (("timeout", "timed out"), N_("the server did not answer in time")),
    (("password authentication failed", "no password supplied"), N_("wrong user name or password")),
    (
        ("ssl", "certificate", "tls"),
        N_("the secure connection (TLS) failed: check the CA file and the server's certificate"),
    ),
    (
        ("could not translate host name", "name or service not known", "nodename nor servname"),
        N_("the server's name is unknown"),
    ),
    (("no route to host", "network is unreachable"), N_("there is no network path to the server")),
)


def server_reason(where: str, reason: str) -> str:
    """The driver's English ``reason`` for a failed connection, as a translated phrase; the English
    itself is logged, and a reason not known here becomes "see the log"."""
    import logging

    logging.getLogger("sellerdesk.cli").warning("team server %s: %s", where, reason)
    low = reason.lower()
    if "database" in low and "does not exist" in low:
        return _("there is no such database on the server")
    for words, text in SERVER_REASONS:
        if any(word in low for word in words):
            return _(text)
    return _("the connection failed (the server's own words are in the log)")


def exchange_text(exc: BaseException) -> str:
    """A refused file (:class:`~sellerdesk.exchange.errors.ExchangeError`) in the CLI's language."""
    from sellerdesk.exchange.errors import MESSAGES

    code = getattr(exc, "code", None)
    params = getattr(exc, "params", {})
    if code not in MESSAGES:
        return str(exc)
    from sellerdesk.exchange.errors import CORRUPT_REASONS, OS_REASONS

    if params.get("reason") in (*OS_REASONS.values(), *CORRUPT_REASONS.values()):
        params = {**params, "reason": lookup(params["reason"])}
    try:
        return lookup(MESSAGES[code]).format(**params)
    except (KeyError, IndexError, ValueError):
        return str(exc)


# The English refusals of the store and of core (money, order items, statuses, tier rules,
# points, the address checks) the CLI passes on, as templates of the text they raise: a
# message is matched against them (the template with the most fixed text wins) and its
# fields, translated in turn, are put into the template's cli row. The lower layers stay
# English and Qt-free; the app words the same refusals through tr() (ui/orders/texts.py,
# the editor). A text no template matches is printed as it is.
OS_REASON_TEXTS = (  # (exchange.errors.OS_REASONS, for the translation table)
    N_("a folder has that name"),
    N_("part of the path is a file, not a folder"),
    N_("the folder is read-only or belongs to another user"),
    N_("the folder does not exist"),
    N_("the folder exists but no file can be made in it"),
)

ENGLISH_TEXTS = (
    # store: customers, addresses, orders, points, tiers
    N_("No customer with id {id}."),
    N_("No address with id {id}."),
    N_("No order with id {id}."),
    N_("No order with id {id} (and {n} more)."),
    N_("Address {id} belongs to another customer."),
    N_("A customer needs at least a name, a phone or a WeChat ID."),
    N_("An order amount cannot be negative."),
    N_("The order amount is too large."),
    N_("The {what} must be a date."),
    N_("The {what} {date} is too early."),
    N_("The {what} {date} is in the future."),
    N_("The {what} has at most {limit} characters."),
    N_("Order number {number} is already used by order {id}."),
    N_("Order number {number} is already used by order {id} (in the deleted orders)."),
    N_("Customer {id} is in the Trash; restore them first."),
    N_("Address {address} is not an address of customer {customer}."),
    N_("Address {id} is deleted; restore it or choose another."),
    N_("An order cannot be shipped before it was ordered."),
    N_("Order {id} is deleted; restore it first."),
    N_("Order {id}: {problem}"),
    N_("Order {id} belongs to customer {customer}, who is in the Trash; restore the customer first."),
    N_("An order has at most {n} lines."),
    N_("Redeeming points needs a note (what they were exchanged for)."),
    N_("A points note has at most {n} characters."),
    N_("Points must be a whole number from 1 to {n}."),
    N_("Customer {id} has {balance} points; cannot redeem {points}."),
    N_("Unknown tier {name}; one of: {names} (or {keys})."),
    N_("Unknown region or province: {area}."),
    N_("A sender needs a name."),
    N_("A sender needs a phone number."),
    N_("A sender's phone must be a mobile or a landline number."),
    # core: money, statuses, order items, tier rules, points rule
    N_("Not an amount: {text}."),
    N_("Not an amount: {text} (e.g. 128.50 or ¥1,234.50)."),
    N_("The amount is empty."),
    N_("The amount cannot be negative: {text}."),
    N_("The amount is too large: {text} (at most {max})."),
    N_("An amount has at most two decimals (分): {text}."),
    N_("Unknown order status {text}; one of: {names}."),
    N_("An order cannot go from {old} to {new} (from {old2}: {allowed})."),
    N_("Not a date: {text} (e.g. 2024-03-05)."),
    N_("An order line needs a product name."),
    N_("A product name has at most {n} characters."),
    N_("The quantity of {product} must be a whole number from 1 to {n}."),
    N_("The unit price of {product} must be whole 分, not negative."),
    N_("{piece}: put the price last, after @ (e.g. 面膜 x2 @39.90)."),
    N_("{piece}: {problem}"),
    N_("The name {name} must be 1 to {n} characters, without spaces at the ends."),
    N_("Two levels are both called {name}."),
    N_("{level} needs a spend or an order-count threshold."),
    N_("The {criterion} threshold of {level} must be a positive whole number."),
    N_("The {criterion} threshold of {level} is too large."),
    N_("The {criterion} threshold of {level} must be higher than that of {lower}."),
    N_("Points per ¥1 must be from 0.01 to 1000."),
    N_("Not a number of points per ¥1: {text}."),
    # core.validate: the wrong values `add` refuses (or keeps with --force)
    N_("{value} is not a mainland mobile or landline number."),
    N_("{value} is not a 6-digit postal code."),
    N_("{value} is not a known province."),
    N_("{value} is not a known city."),
    N_("{value} is not a known district."),
    N_("{city} is not in {province}."),
    # the words some of them name
    N_("order date"),
    N_("ship date"),
    N_("items text"),
    N_("order number"),
    N_("notes"),
    N_("courier"),
    N_("tracking number"),
    N_("spend"),
    N_("orders"),
    N_("nothing"),
    # the fields a TooLongError names
    N_("name"),
    N_("phone"),
    N_("wechat"),
    N_("tags"),
    N_("recipient"),
    N_("detail"),
    N_("postal code"),
    N_("label"),
    # store.session, store.secrets: unlocking without a dialog
    N_("This database is protected by a master password."),
    N_("No usable OS keyring was found on this system."),
    N_("The only keyring available would store the key in plain text; SellerDesk refuses it."),
    N_("The OS keyring is locked. Unlock it (log in to your desktop session) and try again."),
    N_("The OS keyring reported an error."),
    N_("The OS keyring reported an error. {detail}"),
    N_("No usable OS keyring was found on this system. {detail}"),
    # core.passwords.ADVICE (its ENGLISH weaknesses are in messages.ENGLISH_TABLES)
    N_("Use three or four words that have nothing to do with you or your shop."),
)

_FIELD = re.compile(r"\{(\w+)\}")
_ONE_WORD = frozenset({"id", "n", "date", "limit", "balance", "points", "customer", "address", "old", "new", "old2"})
"""Fields that are one word (an id, a count, a date, a status): "The order date 2099-01-01"
is what="order date", date="2099-01-01", not what="order"."""


def _field_pattern(name: str) -> str:
    return f"(?P<{name}>" + (r"\S+" if name in _ONE_WORD else ".+?") + ")"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[int, re.Pattern[str], str]]:
    """(fixed characters, pattern, template) of every template, most fixed text first."""
    out = []
    for template in ENGLISH_TEXTS:
        pieces = _FIELD.split(template)  # literal, field, literal, field, …
        regex = "".join(re.escape(piece) if i % 2 == 0 else _field_pattern(piece) for i, piece in enumerate(pieces))
        fixed = sum(len(piece) for piece in pieces[::2])
        out.append((fixed, re.compile(regex, re.DOTALL), template))
    out.sort(key=lambda item: -item[0])
    return out


def english_text(message: str) -> str:
    """``message`` (an English refusal of a lower layer) in the CLI's language: the first
    template that matches, its fields translated the same way; else the message itself."""
    message = str(message)
    exact = lookup(message)
    if exact != message:  # a whole text of a table ("too short: at least 8 characters")
        return exact
    for _fixed, pattern, template in _patterns():
        match = pattern.fullmatch(message)
        if match:
            fields = {name: _field_text(template, name, value) for name, value in match.groupdict().items()}
            return _(template, **fields)
    return message


_STATUS_MOVE = "An order cannot go from {old} to {new} (from {old2}: {allowed})."


def _field_text(template: str, name: str, value: str) -> str:
    """A matched field in the CLI's language: in Chinese the order statuses of a refused move by
    the names the app shows (``core.labels``: 待发货 …; in English the codes ``--status`` takes read
    as words already), any other field as a text of its own."""
    from sellerdesk.cli.messages import app_text, language

    if template == _STATUS_MOVE and language() == "zh_CN":
        from sellerdesk.core.labels import ORDER_STATUSES

        codes = value.split(", ") if name == "allowed" else [value]
        if all(code in ORDER_STATUSES.texts for code in codes):
            return "、".join(ORDER_STATUSES.name(code, app_text) for code in codes)
    return english_text(value)


def refusal(exc: BaseException) -> str:
    """The one line for a refusal of the store or of core, in the CLI's language."""
    from sellerdesk.store.errors import TooLongError

    if isinstance(exc, TooLongError):
        return _(
            "The {field} is too long: {length} characters; at most {limit} are kept.",
            field=lookup(exc.field.replace("_", " ")),
            length=exc.length,
            limit=exc.limit,
        )
    return translated(exc) or english_text(str(exc))
