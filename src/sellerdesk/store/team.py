"""Team mode's users, roles and regions (issue 20), enforced by the PostgreSQL server itself.

Each team user is a PostgreSQL LOGIN role of the same name, member of one of three group roles
of this database (roles are cluster-wide, so their names carry the database's:
``sd_<database>_owner`` / ``_helper`` / ``_viewer``, :func:`group_role`):

* **owner**: the group owns every table, sequence and function of the schema (:func:`setup`
  hands them over), so its members may do anything, migrations included, and see every row.
* **helper**: SELECT (the phone columns only with the phones permission), INSERT, UPDATE on the
  data (DELETE only on ``order_item``: an order's lines are rewritten when it is edited); no
  DELETE of customers, addresses or orders (the erase-for-good), nothing on ``team_user`` /
  ``team_grant``; and only the rows of their regions.
* **viewer**: SELECT only, every row.

Rows: the row-level security policies of schema 14 (``migrations.PG_TEAM_SQL``) let a helper see
a customer when the province of its live default address (the first part of the maintained
``customer.address_key``) is one of theirs (``team_grant``: a 大区 is stored as its provinces);
addresses, orders and the other tables follow their customer. A customer without a province
yet is seen only by the user who made it (``customer.created_by``, set by a trigger): the store
writes a new customer before its address, and the address's trigger that writes the key is
then checked by the policy (WITH CHECK), so a helper's new customer outside their regions is
refused as a whole, in the one transaction of ``save_customer``.

The audit log's ``actor`` is the connected user (a trigger; '' in a local database).
Phones: :func:`may_see_phones` says whether the app and the CLI show them unmasked, and the server
masks them itself for a helper without the phones permission (schema 18, store.masking_pg): such a
helper's role reads through the masked views (``search_path``) and may not read the phone columns
of the tables; :func:`set_phones` switches a user between the two (:func:`apply_phones`).

Locally (SQLCipher) the tables exist but are empty: one user, who may do everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from sellerdesk.store.errors import StoreError
from sellerdesk.store.models import DB, Address, TeamGrant, TeamRegionOwner, TeamUser, utcnow
from sellerdesk.store.postgres import is_postgres, native

OWNER, HELPER, VIEWER = "owner", "helper", "viewer"
ROLES = (OWNER, HELPER, VIEWER)

# What a helper may not do (the CLI's commands of these names, the app's menu entries).
EXPORT, ERASE, BACKUP, RESTORE = "export", "erase", "backup", "restore"
USERS = "users"  # the team's users and 专人负责 (team user …, team region …; the app's 团队成员)
HELPER_FORBIDDEN = frozenset({EXPORT, ERASE, BACKUP, RESTORE, USERS})
# Waybills (the courier's bulk-order file of orders to ship): a helper who packs and ships needs
# them, so they are not ``export``; but the file holds each recipient's full phone (couriers
# refuse a masked one), so only a helper allowed to see phones may write it.
WAYBILLS = "waybills"
# A viewer reads; what leaves the server as a file (an export, waybills, a backup) is an owner's
# decision, and its audit entry is one a viewer could not write: refused before anything is read.
VIEWER_FORBIDDEN = frozenset({EXPORT, WAYBILLS, ERASE, BACKUP, RESTORE, USERS})

# Tables no helper or viewer may touch (who is who, and who may see what).
PRIVATE_TABLES = ("team_user", "team_grant")
PASSWORD_BYTES = 18  # 24 characters of base64url

_SEPARATORS = re.compile(r"[,，、;；\s]+")


class TeamError(StoreError):
    """A team-mode request refused; ``code`` is one of :data:`MESSAGES`, ``params`` its fields."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(MESSAGES[code].format(**params))
        self.code = code
        self.params = params


MESSAGES = {
    "not_team": "This is a local database; users and regions are for a team server (sellerdesk-cli team init).",
    "bad_role": "{role!r} is not a role; use owner, helper or viewer.",
    "bad_name": (
        "{name!r} cannot be a user name: 1 to 63 bytes, no quotes or control characters, not starting with pg_."
    ),
    "user_exists": "A user {name!r} already exists on this server.",
    "no_user": "No team user {name!r}.",
    "unknown_region": "{region!r} is neither a 大区 nor a province.",
    "owner_only": "Only an owner of the team may do this.",
    "forbidden": "A {role} of the team may not {action}.",
    "short_password": "A team user's password needs at least {n} characters.",
    "last_owner": "{name} is the team's last owner; add another owner before removing them.",
    "remove_self": "You cannot remove yourself ({name}); another owner can.",
    "role_self": "You cannot change your own role ({name}); another owner can.",
    "last_owner_role": "{name} is the team's last owner; add another owner before giving them another role.",
    "owner_keeps_power": (
        "{name} owns the team's database (or is a superuser of the server) and would keep an owner's power in any "
        "role; first make another owner the database's owner (ALTER DATABASE … OWNER TO …)."
    ),
    "maker_keeps_admin": (
        "{name} made the logins {logins} and PostgreSQL 16 lets a role's maker administer it (and act as it) in "
        "any role; only a superuser may take that back: have a superuser of the server run this change; nothing "
        "was changed."
    ),
    "dependent_grants": (
        "{name} granted others their membership of {group}, which the server will not take back with them; "
        "nothing was changed."
    ),
    "phones_helpers": "{name!r} is a {role}, who always sees phones; only a helper's phones can be masked.",
    "regions_helpers": "{name!r} is a {role}, who sees every customer; only a helper has regions.",
}


@dataclass(frozen=True)
class User:
    name: str
    role: str
    regions: tuple[str, ...]  # as given: 大区 or full province names
    provinces: tuple[str, ...]  # what the policies read (大区 expanded)
    phones: bool
    responsible_for: tuple[str, ...] = field(default=())  # 专人负责: regions given to them

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "regions": list(self.regions),
            "provinces": list(self.provinces),
            "phones": self.phones,
            "responsible_for": list(self.responsible_for),
        }


# --------------------------------------------------------------------------------- who am I


def is_team(db: Any = None) -> bool:
    """Whether the bound store (or ``db``) is a team server."""
    return is_postgres(DB if db is None else db)


def current_user() -> str:
    """The connected team user ('' in a local database)."""
    if not is_team():
        return ""
    row = native(DB, "SELECT current_user::text").fetchone()
    return str(row[0])


def current_role() -> str:
    """owner, helper or viewer ('' for a login the team does not know); locally always owner."""
    if not is_team():
        return OWNER
    row = native(DB, "SELECT sd_team_role(current_user::text)").fetchone()
    return str(row[0] or "")


def may_see_phones() -> bool:
    """Whether phones are shown unmasked to the connected user (helpers only when allowed)."""
    if not is_team():
        return True
    row = native(DB, "SELECT sd_team_phones(current_user::text)").fetchone()
    return bool(row[0])


@dataclass(frozen=True)
class Standing:
    """What the app asks the server about the connected user as it starts: role and phones."""

    role: str
    phones: bool


def standing(db: Any = None) -> Standing:
    """:func:`current_role` and :func:`may_see_phones` in one round trip, on ``db`` (not yet bound:
    the app reads them in the worker that connects, ``ui/startup/team.py``) or the bound store."""
    db = DB if db is None else db
    if not is_team(db):
        return Standing(OWNER, True)
    row = native(db, "SELECT sd_team_role(current_user::text), sd_team_phones(current_user::text)").fetchone()
    return Standing(str(row[0] or ""), bool(row[1]))


def may(action: str, role: str | None = None, phones: bool | None = None) -> bool:
    """Whether the connected user (or ``role``; ``phones``: whether they see phones, asked when
    needed) may do ``action`` (:data:`HELPER_FORBIDDEN`…)."""
    role = current_role() if role is None else role
    if role == OWNER:
        return True
    if role == HELPER and action == WAYBILLS:
        return may_see_phones() if phones is None else phones
    if role == HELPER:
        return action not in HELPER_FORBIDDEN
    if role == VIEWER:
        return action not in VIEWER_FORBIDDEN
    return False


def check_allowed(action: str) -> None:
    """Raise :class:`TeamError` ``forbidden`` when the connected user may not do ``action``."""
    role = current_role()
    if not may(action, role):
        raise TeamError("forbidden", role=role or "guest", action=action)


# ----------------------------------------------------------------------------------- regions


def _provinces() -> dict[str, str]:
    """Every province's full and short name → its full name."""
    from sellerdesk.core import regions

    out: dict[str, str] = {}
    for region in regions.provinces():
        out[region.name] = region.name
        out[region.short] = region.name
    return out


def parse_regions(text: str | Iterable[str]) -> tuple[list[str], list[str]]:
    """``"华东,广东省"`` → (the regions as stored: 大区 names and full province names; the
    provinces they stand for). An unknown name is refused by name."""
    from sellerdesk.core.big_regions import big_regions

    parts = _SEPARATORS.split(text) if isinstance(text, str) else list(text)
    names = _provinces()
    big = big_regions()
    regions: list[str] = []
    provinces: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if part in big:
            region = part
            members = [names[m] for m in big[part] if m in names]
        elif part in names:
            region = names[part]
            members = [region]
        else:
            raise TeamError("unknown_region", region=part)
        if region not in regions:
            regions.append(region)
        provinces.extend(m for m in members if m not in provinces)
    return regions, provinces


def region_provinces(region: str) -> list[str]:
    """The provinces (full names) of one stored region: a 大区 or a province."""
    return parse_regions([region])[1]


# ------------------------------------------------------------------------------- administration


def group_role(kind: str, db: Any = None) -> str:
    """The cluster-wide name of this database's group role ``kind`` (owner, helper, viewer)."""
    obj = getattr(DB if db is None else db, "obj", None) or db or DB.obj
    name = f"sd_{obj.database}_{kind}"
    if len(name.encode()) > 63:
        digest = hashlib.sha256(obj.database.encode()).hexdigest()[:12]
        name = f"sd_{digest}_{kind}"
    return name


def _conn() -> Any:
    return DB.obj.connection()


def _run(statement: Any) -> None:
    """A composed utility statement (CREATE ROLE, GRANT…) on the bound connection, in its transaction."""
    _conn().execute(statement)


def _require_team() -> None:
    if not is_team():
        raise TeamError("not_team")


def _require_owner() -> None:
    _require_team()
    if current_role() != OWNER:
        raise TeamError("owner_only")


def setup() -> str:
    """Make this database a team's (``sellerdesk-cli team init``; idempotent): the three group
    roles, the tables and functions handed to the owners' group, the privileges, the connected
    user as an owner, and every user of ``team_user`` whose login exists on the server made a
    member of their role's group again (a database restored from a team backup: :func:`repair`).
    Needs CREATEROLE and ownership of the database and of the schema's objects (the user that
    created them): the database owner of the README's setup, no superuser. A privilege missing
    raises :class:`MissingPrivilegeError` naming it, and nothing is changed. Returns the owner's name."""
    from psycopg import sql

    _require_team()
    me = current_user()
    owner_g, helper_g, viewer_g = (group_role(k) for k in ROLES)
    dbname = DB.obj.database
    with DB.atomic():
        for role in (owner_g, helper_g, viewer_g):
            exists = native(DB, "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if not exists:
                _need("CREATEROLE", sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
        _grant_membership(owner_g, me)
        _need(
            f"CONNECT ON DATABASE {dbname} WITH GRANT OPTION",
            sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}, {}, {}").format(
                sql.Identifier(dbname), *(sql.Identifier(r) for r in (owner_g, helper_g, viewer_g))
            ),
        )
        grant_usage = sql.SQL("GRANT USAGE ON SCHEMA public TO {}, {}")
        _need(
            "USAGE ON SCHEMA public WITH GRANT OPTION", grant_usage.format(*map(sql.Identifier, (helper_g, viewer_g)))
        )
        # PostgreSQL 15: only the database's owner may create in public; the owners' group must
        # (it owns the tables, and a table's new owner needs CREATE on its schema)
        if not native(DB, "SELECT has_schema_privilege(%s, 'public', 'CREATE')", (owner_g,)).fetchone()[0]:
            _need(
                "CREATE ON SCHEMA public WITH GRANT OPTION",
                sql.SQL("GRANT CREATE ON SCHEMA public TO {}").format(sql.Identifier(owner_g)),
            )
        # the masked views' schema goes to the owners' group (store.masking_pg): a schema's new owner
        # needs CREATE on the database, which only its owner has
        if not native(DB, "SELECT has_database_privilege(%s, current_database(), 'CREATE')", (owner_g,)).fetchone()[0]:
            _need(
                f"CREATE ON DATABASE {dbname} WITH GRANT OPTION",
                sql.SQL("GRANT CREATE ON DATABASE {} TO {}").format(sql.Identifier(dbname), sql.Identifier(owner_g)),
            )
        _hand_over(owner_g)
        _grant_all(owner_g, helper_g, viewer_g)
        _default_privileges(me)
        apply_phones(DB.obj, strict=True)
        TeamUser.insert(name=me, role=OWNER, regions="", phones=True, created_at=utcnow()).on_conflict(
            conflict_target=[TeamUser.name], update={TeamUser.role: OWNER}
        ).execute()
        share_administration(DB.obj, strict=True)
        repair()
    return me


def _who() -> str:
    return str(getattr(DB.obj, "user_name", "") or "")


@contextlib.contextmanager
def _needing(privilege: str) -> Iterator[None]:
    """The server's refusal of what runs inside as :class:`MissingPrivilegeError` naming
    ``privilege`` (inside a transaction, nothing was changed)."""
    from psycopg import errors

    from sellerdesk.store.errors import MissingPrivilegeError

    try:
        yield
    except errors.InsufficientPrivilege as exc:
        raise MissingPrivilegeError(_who(), privilege) from exc


def _need(privilege: str, statement: Any) -> None:
    """Run ``statement``; a refusal as :class:`MissingPrivilegeError` naming ``privilege``."""
    with _needing(privilege):
        _run(statement)


def _team_user(name: str) -> Any:
    """The ``team_user`` row of ``name`` (a :class:`TeamError` ``no_user`` when there is none)."""
    user = TeamUser.get_or_none(TeamUser.name == name)
    if user is None:
        raise TeamError("no_user", name=name)
    return user


# PostgreSQL 16 (its release notes: "CREATEROLE … no longer"): CREATEROLE alone no longer lets a
# role ALTER, DROP or GRANT roles; that needs ADMIN OPTION on them, which a role's creator gets
# implicitly (the team's first owner, or the one who added a user) and nobody else. So that any
# owner administers the team's helpers and viewers, as on 14/15, on 16 and later:
# * the owners' group holds ADMIN OPTION on the helpers' and viewers' groups and on each helper's
#   and viewer's login — a grant WITH INHERIT FALSE, SET FALSE: no privilege of theirs, only the
#   right to administer them (ADMIN OPTION counts through membership: every owner has it);
# * each owner holds ADMIN OPTION on the owners' group (to add an owner);
# * a helper's or viewer's membership in their group is granted BY the owners' group: since 16 a
#   REVOKE undoes only the grants of the role it names (GRANTED BY) or, without one, of the revoker
#   — and says so only in a notice — so any owner may take them out (:func:`_revoke_group`).
# An owner's login stays administered by whoever made (or promoted) it: a role that administers
# another is a member of it, and PostgreSQL refuses circles, so two owners cannot each administer
# the other; changing or removing an owner one did not make needs its maker or a superuser, and
# the refusal names the ADMIN OPTION missing. A maker's own ADMIN OPTION (granted by the bootstrap
# superuser) only a superuser may take back: an owner who made logins is demoted or removed only by
# one (:func:`_made_logins`). On 14 and 15 none of this is granted (CREATEROLE
# suffices there, and an ADMIN grant would be a membership with privileges).
PG_ADMIN_OPTION = 160000


def _admin_roles(db: Any = None) -> bool:
    """Whether this server wants ADMIN OPTION to administer a role (PostgreSQL 16 and later)."""
    conn = (DB.obj if db is None else db).connection()
    return bool(conn.info.server_version >= PG_ADMIN_OPTION)


def _has_row(db: Any, group: str, member: str, *, admin: bool = False) -> bool:
    """Whether ``member`` is directly a member of ``group``: with ``admin``, one holding ADMIN
    OPTION; else one with its privileges (on 16 a maker's implicit ADMIN OPTION alone is not)."""
    if admin:
        condition = " AND m.admin_option"
    elif _admin_roles(db):
        condition = " AND (m.inherit_option OR m.set_option)"
    else:
        condition = ""
    row = native(
        db,
        "SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = %s AND u.rolname = %s" + condition + ")",
        (group, member),
    ).fetchone()
    return bool(row and row[0])


def _grant_membership(group: str, member: str) -> None:
    """``member`` into ``group`` (nothing when they are in it already). On 16 and later a helper's
    or viewer's group is granted BY the owners' group, so that any owner may revoke it."""
    from psycopg import sql

    if _has_row(DB, group, member):
        return
    statement = sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(member))
    owner_g = group_role(OWNER)
    if _admin_roles() and group != owner_g:
        statement = sql.SQL("{} GRANTED BY {}").format(statement, sql.Identifier(owner_g))
    _need(f"CREATEROLE (to grant {group})", statement)


def _revoke_group(group: str, member: str) -> None:
    """``member`` out of ``group``. On 16 and later every grant of it, whoever made it (each
    REVOKE … GRANTED BY its grantor): a plain REVOKE would undo only the revoker's own grant and,
    for another's, change nothing but a notice. A grant this user may not undo raises
    :class:`MissingPrivilegeError` naming it (inside the caller's transaction: nothing changed)."""
    from psycopg import errors, sql

    ident, member_ident = sql.Identifier(group), sql.Identifier(member)
    if not _admin_roles():
        _run(sql.SQL("REVOKE {} FROM {}").format(ident, member_ident))
        return
    grantors = native(
        DB,
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.grantor "
        "WHERE r.rolname = %s AND u.rolname = %s ORDER BY g.rolname",
        (group, member),
    ).fetchall()
    if group == group_role(OWNER):  # (an owner's grants of it to owners they added)
        _take_over_grants(group, member)
    for (grantor,) in grantors:
        try:
            _need(
                f"ADMIN OPTION on {group} (granted to {member} by {grantor})",
                sql.SQL("REVOKE {} FROM {} GRANTED BY {}").format(ident, member_ident, sql.Identifier(grantor)),
            )
        except errors.DependentObjectsStillExist as exc:  # (never CASCADE: it would take others out)
            raise TeamError("dependent_grants", name=member, group=group) from exc


def _take_over_grants(group: str, member: str) -> None:
    """On 16 and later, the memberships of ``group`` that ``member`` granted (an owner who added an
    owner granted them the owners' group with the ADMIN OPTION they hold on it) granted again by
    this user, as they were, and ``member``'s grants undone: else the server refuses to revoke
    ``member``'s own membership (dependent privileges) — and CASCADE would take the others out."""
    from psycopg import sql

    rows = native(
        DB,
        "SELECT u.rolname, m.admin_option, m.inherit_option, m.set_option FROM pg_auth_members m "
        "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "JOIN pg_roles g ON g.oid = m.grantor WHERE r.rolname = %s AND g.rolname = %s "
        "AND u.rolname <> current_user ORDER BY 1",  # (one's own: not to be granted back to oneself)
        (group, member),
    ).fetchall()
    if not rows:
        return
    ident, by_member = sql.Identifier(group), sql.Identifier(member)
    # REVOKE … GRANTED BY x needs x's privileges: borrowed for the moment, as _default_privileges
    # does (whoever may demote or remove ``member`` administers their login), and given back
    borrowed = not native(DB, "SELECT pg_has_role(current_user, %s, 'USAGE')", (member,)).fetchone()[0]
    if borrowed:
        _need(f"ADMIN OPTION on {member}", sql.SQL("GRANT {} TO CURRENT_USER").format(by_member))
    for other, admin, inherit, set_ in rows:
        options = sql.SQL("ADMIN {}, INHERIT {}, SET {}").format(
            *(sql.SQL("TRUE" if flag else "FALSE") for flag in (admin, inherit, set_))
        )
        who = sql.Identifier(other)
        privilege = f"ADMIN OPTION on {group} (to grant it to {other} in place of {member})"
        _need(privilege, sql.SQL("GRANT {} TO {} WITH {} GRANTED BY CURRENT_USER").format(ident, who, options))
        _need(privilege, sql.SQL("REVOKE {} FROM {} GRANTED BY {}").format(ident, who, by_member))
    if borrowed:
        _run(sql.SQL("REVOKE {} FROM CURRENT_USER").format(by_member))


def _administered(name: str, role: str) -> None:
    """On 16 and later: a helper's or viewer's login administered by the owners' group (ADMIN
    OPTION only, no privilege), an owner's login given ADMIN OPTION on the owners' group."""
    from psycopg import sql

    if not _admin_roles():
        return
    owner_g = group_role(OWNER)
    if role == OWNER:
        if not _has_row(DB, owner_g, name, admin=True):
            _need(
                f"ADMIN OPTION on {owner_g}",
                sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(sql.Identifier(owner_g), sql.Identifier(name)),
            )
    elif not _has_row(DB, name, owner_g, admin=True):
        _need(
            f"ADMIN OPTION on {name}",
            sql.SQL("GRANT {} TO {} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE").format(
                sql.Identifier(name), sql.Identifier(owner_g)
            ),
        )


def _to_alter(name: str) -> str:
    """The privilege that ALTER ROLE ``name`` needs and this user may lack: CREATEROLE (and on 16
    and later ADMIN OPTION on ``name``, when CREATEROLE is there)."""
    if not _admin_roles():
        return "CREATEROLE"
    row = native(DB, "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    return f"ADMIN OPTION on {name}" if row and row[0] else "CREATEROLE"


def _kept_admin_warning(name: str) -> None:
    """On 16 and later, an owner no longer one keeps the ADMIN OPTION the server gave them on the
    roles they made (granted by the bootstrap superuser: only a superuser may take it back) —
    with it they could grant themselves one: a warning names them."""
    if not _admin_roles():
        return
    kept = native(
        DB,
        "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s AND m.admin_option ORDER BY 1",
        (name,),
    ).fetchall()
    if kept:
        import logging

        logging.getLogger(__name__).warning(
            "%s keeps ADMIN OPTION on %s (PostgreSQL gives it to a role's maker): a superuser may take it back "
            "with REVOKE ADMIN OPTION FOR … FROM %s GRANTED BY the bootstrap superuser",
            name,
            ", ".join(r[0] for r in kept),
            name,
        )


def _made_logins(name: str) -> None:
    """On 16 and later, an owner who made logins keeps, in any role and removed, the ADMIN OPTION the
    server gave them on those (granted by the bootstrap superuser: only a superuser may take it back)
    — with it they could grant themselves a login they made and act as it (review). So before an
    owner is demoted or removed, the ADMIN OPTION they hold on any role but the owners' group: taken
    back when this user is a superuser (what they granted with it granted again by the superuser);
    else a :class:`TeamError` ``maker_keeps_admin`` naming those roles, nothing changed."""
    from psycopg import errors, sql

    if not _admin_roles():
        return
    kept = native(
        DB,
        "SELECT r.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.grantor "
        "WHERE u.rolname = %s AND m.admin_option AND r.rolname <> %s ORDER BY 1, 2",
        (name, group_role(OWNER)),
    ).fetchall()
    if not kept:
        return
    if not native(DB, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
        raise TeamError("maker_keeps_admin", name=name, logins=", ".join(sorted({r for r, _ in kept})))
    for role, grantor in kept:
        _take_over_grants(role, name)
        try:
            _run(
                sql.SQL("REVOKE {} FROM {} GRANTED BY {}").format(
                    sql.Identifier(role), sql.Identifier(name), sql.Identifier(grantor)
                )
            )
        except errors.DependentObjectsStillExist as exc:  # (never CASCADE)
            raise TeamError("dependent_grants", name=name, group=role) from exc


def _promoted(name: str) -> None:
    """On 16 and later, a login about to join the owners' group (a helper or viewer made an owner):
    the owners' group may no longer administer it (it would be a member of its own member: a circle
    PostgreSQL refuses); whoever promotes it does from now on (unless they made it: they do already)."""
    from psycopg import sql

    owner_g = group_role(OWNER)
    if not _admin_roles() or not _has_row(DB, name, owner_g, admin=True):
        return
    me = current_user()
    superuser = native(DB, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    if not superuser and not _has_row(DB, name, me, admin=True):
        _need(
            f"ADMIN OPTION on {name}",
            sql.SQL("GRANT {} TO CURRENT_USER WITH ADMIN OPTION, INHERIT FALSE, SET FALSE").format(
                sql.Identifier(name)
            ),
        )
    _revoke_group(name, owner_g)


def share_administration(db: Any, *, strict: bool = False) -> None:
    """Every owner able to administer the team's helpers and viewers on PostgreSQL 16 and later
    (see :data:`PG_ADMIN_OPTION`'s comment): ``team init`` (``strict``: a privilege missing raises
    :class:`MissingPrivilegeError`) and schema step 25 for a team made before (a privilege missing:
    what may be granted is, a warning says to run ``team init`` again as the team's first owner).
    Idempotent; nothing on 14/15 or before ``team init``."""
    from psycopg import errors, sql

    from sellerdesk.store.errors import MissingPrivilegeError

    if not _admin_roles(db):
        return
    owner_g = group_role(OWNER, db)
    if not native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (owner_g,)).fetchone():
        return
    grants: list[tuple[str, Any]] = []

    def administer(role: str) -> tuple[str, Any]:
        """ADMIN OPTION on ``role`` for the owners' group, with none of its privileges."""
        return (
            f"ADMIN OPTION on {role}",
            sql.SQL("GRANT {} TO {} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE").format(
                sql.Identifier(role), sql.Identifier(owner_g)
            ),
        )

    for kind in (HELPER, VIEWER):
        group = group_role(kind, db)
        if not _has_row(db, group, owner_g, admin=True):
            grants.append(administer(group))
    people = native(
        db,
        "SELECT t.name, t.role FROM team_user t JOIN pg_roles r ON r.rolname = t.name "
        "WHERE NOT r.rolsuper ORDER BY t.name",
    ).fetchall()
    for name, role in people:
        if role == OWNER:
            if _has_row(db, owner_g, name) and not _has_row(db, owner_g, name, admin=True):
                grants.append(
                    (
                        f"ADMIN OPTION on {owner_g}",
                        sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
                            sql.Identifier(owner_g), sql.Identifier(name)
                        ),
                    )
                )
        elif role in ROLES and not _has_row(db, name, owner_g, admin=True):
            grants.append(administer(name))
    # a helper's or viewer's group granted by someone else (a team made before): granted again BY
    # the owners' group, the old grant undone (by its grantor: the first owner's ``team init``)
    others = native(
        db,
        "SELECT t.name, r.rolname, g.rolname FROM team_user t JOIN pg_roles u ON u.rolname = t.name "
        "JOIN pg_auth_members m ON m.member = u.oid JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles g ON g.oid = m.grantor WHERE (t.role, r.rolname) IN ((%s, %s), (%s, %s)) "
        "AND (m.inherit_option OR m.set_option) AND g.rolname <> %s ORDER BY 1, 2, 3",
        (HELPER, group_role(HELPER, db), VIEWER, group_role(VIEWER, db), owner_g),
    ).fetchall()
    for name, group, grantor in others:
        member, ident = sql.Identifier(name), sql.Identifier(group)
        privilege = f"ADMIN OPTION on {group} (granted to {name} by {grantor})"
        by_owners, by_grantor = sql.Identifier(owner_g), sql.Identifier(grantor)
        grants.append((privilege, sql.SQL("GRANT {} TO {} GRANTED BY {}").format(ident, member, by_owners)))
        grants.append((privilege, sql.SQL("REVOKE {} FROM {} GRANTED BY {}").format(ident, member, by_grantor)))
    missing = []
    for privilege, statement in grants:
        try:
            with db.atomic():  # (a savepoint: one refused grant leaves the others)
                db.connection().execute(statement)
        except errors.InsufficientPrivilege as exc:
            if strict:
                raise MissingPrivilegeError(str(getattr(db, "user_name", "") or ""), privilege) from exc
            missing.append(privilege)
    if missing:
        import logging

        logging.getLogger(__name__).warning(
            "owners other than the one who made them may not administer every team user yet (%s): "
            "run `sellerdesk-cli team init` again as the team's first owner",
            ", ".join(missing),
        )


def repair() -> list[str]:
    """Every user of ``team_user`` whose login exists on the server a member of their role's
    group (and an owner's later tables granted as :func:`setup` grants them): after a restore
    of a team backup into a new database the rows came but the groups were another database's.
    Returns the users without a login on this server (``team user add`` makes them again)."""
    missing = []
    me = current_user()
    for user in TeamUser.select().order_by(TeamUser.name):
        if user.role not in ROLES:
            continue
        if not native(DB, "SELECT 1 FROM pg_roles WHERE rolname = %s", (user.name,)).fetchone():
            missing.append(user.name)
            continue
        _grant_membership(group_role(user.role), user.name)
        _administered(user.name, user.role)
        if user.role == OWNER and user.name != me:
            _default_privileges(user.name, optional=True)
    return missing


def missing_logins() -> list[str]:
    """The users of ``team_user`` without a login on this server (a restore from another server)."""
    rows = native(
        DB, "SELECT name FROM team_user WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def _hand_over(owner_g: str) -> None:
    """Every table, sequence and function of ours in ``public`` owned by the owners' group."""
    from psycopg import sql

    tables = native(
        DB,
        "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a' AND c.relkind = 'S')",
    ).fetchall()
    for name, kind in tables:
        what = "SEQUENCE" if kind == "S" else "TABLE"
        _need(
            f"OWNER OF {what} {name}",
            sql.SQL("ALTER " + what + " {} OWNER TO {}").format(sql.Identifier(name), sql.Identifier(owner_g)),
        )
    functions = native(
        DB,
        "SELECT p.oid::regprocedure::text, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' AND NOT EXISTS "
        "(SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')",
    ).fetchall()
    for signature, kind in functions:
        what = "AGGREGATE" if kind == "a" else "FUNCTION"
        _need(
            f"OWNER OF {what} {signature}",
            sql.SQL("ALTER " + what + " " + signature + " OWNER TO {}").format(sql.Identifier(owner_g)),
        )


def _grant_all(owner_g: str, helper_g: str, viewer_g: str) -> None:
    from psycopg import sql

    helper, viewer = sql.Identifier(helper_g), sql.Identifier(viewer_g)
    for statement in (
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {h}, {v}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {h}, {v}",
        "GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {h}",
        "GRANT DELETE ON order_item TO {h}",  # the app replaces an order's lines (audit keeps them)
        "REVOKE UPDATE ON order_item FROM {h}",  # …and never updates one
        "REVOKE ALL ON team_user, team_grant FROM {h}, {v}",
        "REVOKE INSERT, UPDATE ON team_region_owner, meta FROM {h}",
        "REVOKE UPDATE ON audit_entry FROM {h}",
    ):
        _run(sql.SQL(statement).format(h=helper, v=viewer))
    from sellerdesk.store.migrations import owners_create_sql, sequence_grants_sql

    for statement in (*sequence_grants_sql(helper_g, viewer_g), owners_create_sql(owner_g)):
        native(DB, statement)
    from sellerdesk.store import search_pg

    if native(DB, "SELECT to_regprocedure(%s) IS NOT NULL", (search_pg.SIGNATURE,)).fetchone()[0]:
        for statement in search_pg.function_grants_sql(owner_g, helper_g, viewer_g):
            native(DB, statement)


MASKED = "masked"  # the group role owning the masked views (store.masking_pg)


def _hand_over_masked(db: Any) -> None:
    """The masked views (schema 18) owned by a group role of their own, ``sd_<database>_masked``:
    NOLOGIN, nobody's but the owners' group (so any owner may make the views again in a later
    migration), SELECT and UPDATE on the phone-bearing tables (a view reads and locks — FOR
    UPDATE — as its owner) and held by the row-level security policies, whose ``current_user`` is
    the view's reader: the policies choose the rows a view shows (masking_pg). Their schema and
    write functions belong to the owners' group, as everything else."""
    from psycopg import sql

    from sellerdesk.store import masking_pg

    conn = db.connection()
    owner, schema = sql.Identifier(group_role(OWNER, db)), sql.Identifier(masking_pg.SCHEMA)
    masked_g = group_role(MASKED, db)
    if not native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (masked_g,)).fetchone():
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(masked_g)))
    masked = sql.Identifier(masked_g)
    tables = sql.SQL(", ").join(sql.Identifier(t) for t in masking_pg.MASKED)
    conn.execute(sql.SQL("GRANT SELECT, UPDATE ON {} TO {}").format(tables, masked))
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(masked))
    if not _has_row(db, masked_g, group_role(OWNER, db)):  # (16: only its maker may grant it again)
        conn.execute(sql.SQL("GRANT {} TO {}").format(masked, owner))
    conn.execute(sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(schema, owner))
    # a view's new owner needs CREATE on its schema (a superuser running this never noticed)
    conn.execute(sql.SQL("GRANT USAGE, CREATE ON SCHEMA {} TO {}").format(schema, masked))
    views = native(
        db,
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s",
        (masking_pg.SCHEMA,),
    ).fetchall()
    for (name,) in views:
        conn.execute(sql.SQL("ALTER VIEW {}.{} OWNER TO {}").format(schema, sql.Identifier(name), masked))
    routines = native(
        db,
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = %s",
        (masking_pg.SCHEMA,),
    ).fetchall()
    for (signature,) in routines:
        conn.execute(sql.SQL("ALTER FUNCTION " + signature + " OWNER TO {}").format(owner))


def apply_phones(db: Any, *, strict: bool = False) -> None:
    """The phones permission as privileges (schema 18, store.masking_pg), for every helper of a
    team database (nothing before ``team init``): the views' owner (:func:`_hand_over_masked`);
    the helpers' group may read every column of the phone-bearing tables but their phones, and
    the masked views; a helper with phones may read the tables whole; one without reads through
    the views (their role's search path). Idempotent (``team init`` again, schema step 18 on a
    team made before it). It needs CREATEROLE, as ``team init``: without it (an owner who may not
    manage roles migrating) nothing changes — the helpers read as before — and a warning says to
    run ``team init`` again; ``strict`` (``team init`` itself) raises :class:`MissingPrivilegeError`
    instead: a team must never start with helpers reading phones the app says are masked."""
    from psycopg import errors, sql

    from sellerdesk.store import masking_pg

    helper_g = group_role(HELPER, db)
    if not native(db, "SELECT 1 FROM pg_roles WHERE rolname = %s", (helper_g,)).fetchone():
        return
    if not masking_pg.has_views(db):
        return
    conn = db.connection()
    helper = sql.Identifier(helper_g)
    helpers = native(db, "SELECT name, phones FROM team_user WHERE role = %s ORDER BY name", (HELPER,)).fetchall()
    try:
        with db.atomic():
            _hand_over_masked(db)
            for table in masking_pg.MASKED:
                columns = sql.SQL(", ").join(sql.Identifier(c) for c in masking_pg.readable_columns(db, table))
                conn.execute(sql.SQL("REVOKE SELECT ON {} FROM {}").format(sql.Identifier(table), helper))
                conn.execute(sql.SQL("GRANT SELECT ({}) ON {} TO {}").format(columns, sql.Identifier(table), helper))
            schema = sql.Identifier(masking_pg.SCHEMA)
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, helper))
            grant = sql.SQL("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {} TO {}")
            conn.execute(grant.format(schema, helper))
            # the audit log is added to, never changed (schema 22's view: as on the table itself)
            conn.execute(sql.SQL("REVOKE UPDATE ON {}.audit_entry FROM {}").format(schema, helper))
            for name, phones in helpers:
                _user_phones(conn, name, bool(phones))
    except errors.InsufficientPrivilege as exc:
        if strict:
            from sellerdesk.store.errors import MissingPrivilegeError

            raise MissingPrivilegeError(_who(), "CREATEROLE, CREATE ON DATABASE") from exc
        import logging

        logging.getLogger(__name__).warning(
            "phones are not masked by the server yet: run `sellerdesk-cli team init` again as a role manager"
        )


def _user_phones(conn: Any, name: str, phones: bool) -> None:
    """One helper's phones: the phone-bearing tables whole, or the masked views."""
    from psycopg import sql

    from sellerdesk.store import masking_pg

    tables = sql.SQL(", ").join(sql.Identifier(t) for t in masking_pg.MASKED)
    user = sql.Identifier(name)
    if phones:
        conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(tables, user))
        conn.execute(sql.SQL("ALTER ROLE {} RESET search_path").format(user))
    else:
        conn.execute(sql.SQL("REVOKE SELECT ON {} FROM {}").format(tables, user))
        conn.execute(
            sql.SQL("ALTER ROLE {} SET search_path = {}, public").format(user, sql.Identifier(masking_pg.SCHEMA))
        )
        # their search reads the masked copies: kept from now on (made for every row, schema 24)
        masking_pg.keep_copies(conn, True)


def set_phones(name: str, phones: bool) -> None:
    """Allow a helper to see phones, or mask them again (from their next connection on; an owner
    or viewer always sees them). One transaction; needs CREATEROLE, as :func:`add_user`."""
    _require_owner()
    with _needing("CREATEROLE"), DB.atomic():  # no CREATEROLE: nothing changed, the privilege named
        user = _team_user(name)
        if user.role != HELPER:
            raise TeamError("phones_helpers", name=name, role=user.role)
        TeamUser.update(phones=phones).where(TeamUser.name == name).execute()
        _user_phones(_conn(), name, phones)
        _audit("team_user_phones", phones=phones)


def _default_privileges(creator: str, *, optional: bool = False) -> None:
    """Tables a later migration creates (run by ``creator``, an owner) get the same rights.
    ``optional`` (:func:`repair` for another owner): on 16 and later an owner this user may not
    administer (see :data:`PG_ADMIN_OPTION`) is left as they are, with a warning."""
    from psycopg import sql

    owner_g, helper_g, viewer_g = (sql.Identifier(group_role(k)) for k in ROLES)
    who = sql.Identifier(creator)
    # ALTER DEFAULT PRIVILEGES FOR ROLE x needs x's privileges: an owner who is no superuser (the
    # README's CREATEROLE database owner) adding another owner is made a member for the moment
    # (CREATEROLE — on 16, ADMIN OPTION — may grant it) and not left one. USAGE, not MEMBER: on
    # 16 the maker's implicit ADMIN OPTION is a membership without privileges
    borrowed = not native(DB, "SELECT pg_has_role(current_user, %s, 'USAGE')", (creator,)).fetchone()[0]
    if borrowed and optional and _admin_roles():
        may = native(DB, "SELECT pg_has_role(current_user, %s, 'MEMBER WITH ADMIN OPTION')", (creator,))
        if not may.fetchone()[0]:
            import logging

            logging.getLogger(__name__).warning(
                "default privileges of %s left as they are: %s may not administer that owner", creator, _who()
            )
            return
    if borrowed:
        _need(f"CREATEROLE (to grant {creator})", sql.SQL("GRANT {} TO CURRENT_USER").format(who))
    for statement in (
        "ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT ALL ON TABLES TO {o}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT ALL ON SEQUENCES TO {o}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT SELECT ON TABLES TO {h}, {v}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT INSERT, UPDATE ON TABLES TO {h}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {c} IN SCHEMA public GRANT USAGE ON SEQUENCES TO {h}",
    ):
        _need(f"membership in {creator}", sql.SQL(statement).format(c=who, o=owner_g, h=helper_g, v=viewer_g))
    if borrowed:
        _run(sql.SQL("REVOKE {} FROM CURRENT_USER").format(who))


_NAME = re.compile(r"^[^\x00-\x1f\x7f\"']+$")


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not _NAME.match(name) or len(name.encode()) > 63 or name.lower().startswith("pg_"):
        raise TeamError("bad_name", name=name)
    return name


def new_password() -> str:
    return secrets.token_urlsafe(PASSWORD_BYTES)


def check_password(password: str | None) -> None:
    """A password chosen for a team user (None: one is generated) has the app's minimum length
    (``core.passwords.MIN_LENGTH``, as a master password)."""
    from sellerdesk.core.passwords import MIN_LENGTH

    if password is not None and len(password) < MIN_LENGTH:
        raise TeamError("short_password", n=MIN_LENGTH)


def add_user(
    name: str, role: str, regions: str | Sequence[str] = "", *, phones: bool = False, password: str | None = None
) -> str:
    """A new team user: a LOGIN role with ``password`` (a generated one when None, returned: the
    caller shows it once; only its SCRAM hash reaches the server), member of the ``role``
    group, with its regions (a helper's rows) and the phones flag. One transaction."""
    from psycopg import errors, sql

    if role not in ROLES:
        raise TeamError("bad_role", role=role)
    name = check_name(name)
    stored, provinces = parse_regions(regions)
    check_password(password)
    _require_owner()
    password = new_password() if password is None else password
    conn = _conn()
    hashed = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
    try:
        with _needing("CREATEROLE"), DB.atomic():  # no CREATEROLE: nothing changed
            if name in missing_logins():  # a user restored from another server's backup: made again
                TeamGrant.delete().where(TeamGrant.user_name == name).execute()
                TeamUser.delete().where(TeamUser.name == name).execute()
            # an owner administers the team's users too: CREATEROLE, as the first owner has
            createrole = sql.SQL(" CREATEROLE" if role == OWNER else "")
            if _disabled_login(name):  # removed earlier: the same login back, with a new password
                _need(
                    _to_alter(name),
                    sql.SQL("ALTER ROLE {} LOGIN{} PASSWORD {}").format(
                        sql.Identifier(name), createrole, sql.Literal(hashed)
                    ),
                )
            else:
                _run(
                    sql.SQL("CREATE ROLE {} LOGIN{} PASSWORD {}").format(
                        sql.Identifier(name), createrole, sql.Literal(hashed)
                    )
                )
            if role != OWNER:  # (16: by then administered by every owner, who may take it back)
                _administered(name, role)
            else:
                _promoted(name)  # (a helper or viewer removed earlier, back as an owner)
            _grant_membership(group_role(role), name)
            if role == OWNER:
                _administered(name, role)
                _default_privileges(name)
            TeamUser.create(name=name, role=role, regions=",".join(stored), phones=phones or role != HELPER)
            if role == HELPER:
                _user_phones(conn, name, phones)
            _write_grants(name, provinces)
            _audit("team_user_add", role=role, regions=len(stored))
    except (pw.IntegrityError, errors.DuplicateObject) as exc:
        raise TeamError("user_exists", name=name) from exc
    return password


@dataclass(frozen=True)
class Removed:
    """What :func:`remove_user` did: the user's role, and the regions given to them (专人负责)
    that now have nobody in charge."""

    name: str
    role: str
    unassigned: tuple[str, ...]


def remove_user(name: str) -> Removed:
    """Take a user off the team, in one transaction: their login is disabled (NOLOGIN, out of the
    team's group role: they can do nothing on this database from their next statement on), their
    ``team_user`` row, regions and 专人负责 regions go. Nothing of the data changes: the customers
    they made or changed and their audit entries keep their name. Adding the same name again
    (:func:`add_user`) gives the login back with a new password. Refused for oneself and for the
    team's last owner."""
    from psycopg import errors, sql

    _require_owner()
    me = current_user()
    with DB.atomic():
        user = _team_user(name)
        if name == me:
            raise TeamError("remove_self", name=name)
        if user.role == OWNER and not TeamUser.select().where(TeamUser.role == OWNER, TeamUser.name != name).exists():
            raise TeamError("last_owner", name=name)
        if user.role == OWNER:
            _made_logins(name)
        unassigned = tuple(r.region for r in TeamRegionOwner.select().where(TeamRegionOwner.user_name == name))
        try:
            with _needing("CREATEROLE"):  # (an owner added later without it: the first one may)
                _revoke_group(group_role(user.role), name)
                _need(_to_alter(name), sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(name)))
        except errors.UndefinedObject:
            pass  # the login was dropped on the server already: the team's rows still go
        TeamRegionOwner.delete().where(TeamRegionOwner.user_name == name).execute()
        TeamGrant.delete().where(TeamGrant.user_name == name).execute()
        TeamUser.delete().where(TeamUser.name == name).execute()
        _audit("team_user_remove", role=user.role, unassigned=len(unassigned))
    return Removed(name, user.role, unassigned)


def _disabled_login(name: str) -> bool:
    """Whether ``name`` is a login :func:`remove_user` disabled (NOLOGIN, no team_user row)."""
    row = native(DB, "SELECT NOT rolcanlogin FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    return bool(row and row[0]) and not TeamUser.select().where(TeamUser.name == name).exists()


def set_regions(name: str, regions: str | Sequence[str]) -> list[str]:
    """Replace a user's regions; returns the provinces they now stand for."""
    stored, provinces = parse_regions(regions)
    _require_owner()
    with DB.atomic():
        user = _team_user(name)
        if user.role != HELPER:  # an owner or viewer sees every customer: regions would say otherwise
            raise TeamError("regions_helpers", name=name, role=user.role)
        TeamUser.update(regions=",".join(stored)).where(TeamUser.name == name).execute()
        _write_grants(name, provinces)
        _audit("team_user_regions", regions=len(stored))
    return provinces


def update_user(
    name: str,
    *,
    role: str | None = None,
    regions: str | Sequence[str] | None = None,
    phones: bool | None = None,
) -> User:
    """Change a user's role, regions and phones permission at once (the app's 团队成员 dialog), in
    one transaction: everything, or — a refusal, a privilege missing, the server gone — nothing.
    ``None`` leaves that part as it is. A new role: the login moves to that role's group (an owner
    gets CREATEROLE, as :func:`add_user` gives it; one who stops being an owner loses it); a
    helper's regions and phones go when they stop being a helper (an owner or viewer sees every
    customer and every phone), and a user who becomes a helper starts with the ``regions`` and
    ``phones`` given (none, masked: by default). Refused for one's own role and for the team's last
    owner. Needs CREATEROLE for a new role or phones, as :func:`add_user`. Returns the user as now."""
    if role is not None and role not in ROLES:
        raise TeamError("bad_role", role=role)
    parsed = parse_regions(regions) if regions is not None else None
    _require_owner()
    with _needing("CREATEROLE"), DB.atomic():  # no CREATEROLE: nothing changed, the privilege named
        user = _team_user(name)
        old_role = user.role
        if role is not None and role != old_role:
            _change_role(user, role, phones=bool(phones))
        new_role = role or old_role
        if new_role != HELPER:  # an owner or viewer sees every customer and every phone
            if parsed is not None and parsed[0]:
                raise TeamError("regions_helpers", name=name, role=new_role)
            if phones is False:
                raise TeamError("phones_helpers", name=name, role=new_role)
        else:
            unchanged = role is None and parsed is not None and parsed[0] == [r for r in user.regions.split(",") if r]
            if parsed is not None and not unchanged:  # (no audit entry for regions as they were)
                set_regions(name, parsed[0])
            if phones is not None and new_role == old_role and bool(phones) != bool(user.phones):
                set_phones(name, phones)
    return next(u for u in users() if u.name == name)


# A role that keeps an owner's power whatever group it is in: a superuser, the database's owner (who
# also owns its `public` schema through pg_database_owner, and may drop and make any object there:
# the masking functions a masked helper's copies are made with), or an owner of anything in it.
_KEEPS_POWER_SQL = (
    "SELECT r.rolsuper OR EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = current_database() "
    "AND d.datdba = r.oid) OR EXISTS (SELECT 1 FROM pg_shdepend s WHERE s.refobjid = r.oid AND s.deptype = 'o' "
    "AND s.classid <> 'pg_default_acl'::regclass "  # (an owner's default privileges: no object)
    "AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())) "
    "FROM pg_roles r WHERE r.rolname = %s"
)


def _keeps_power(name: str) -> bool:
    row = native(DB, _KEEPS_POWER_SQL, (name,)).fetchone()
    return bool(row and row[0])


def _change_role(user: Any, role: str, *, phones: bool) -> None:
    """``user`` (a ``TeamUser`` row) from their role to ``role``, inside the caller's transaction."""
    from psycopg import sql

    name = user.name
    if name == current_user():
        raise TeamError("role_self", name=name)
    if user.role == OWNER and not TeamUser.select().where(TeamUser.role == OWNER, TeamUser.name != name).exists():
        raise TeamError("last_owner_role", name=name)
    if user.role == OWNER and _keeps_power(name):  # (review: demoted, they still owned the database)
        raise TeamError("owner_keeps_power", name=name)
    if user.role == OWNER and role != OWNER:
        _made_logins(name)
    ident = sql.Identifier(name)
    if user.role == HELPER and role != HELPER:  # an owner or viewer reads the tables whole, through their group
        _leave_phones(name)
        _write_grants(name, [])
    if role == OWNER:
        _need(_to_alter(name), sql.SQL("ALTER ROLE {} CREATEROLE").format(ident))
    elif user.role == OWNER:
        _need(_to_alter(name), sql.SQL("ALTER ROLE {} NOCREATEROLE").format(ident))
    _revoke_group(group_role(user.role), name)
    if role == OWNER:
        _promoted(name)
    _grant_membership(group_role(role), name)
    _administered(name, role)
    if role == OWNER:
        _default_privileges(name)
    elif user.role == OWNER:
        _kept_admin_warning(name)
    if role == HELPER:
        _user_phones(_conn(), name, phones)
    TeamUser.update(role=role, phones=phones if role == HELPER else True, regions="").where(
        TeamUser.name == name
    ).execute()
    _audit("team_user_role", role=role, was=user.role)


def _leave_phones(name: str) -> None:
    """A helper's own phones privileges gone (their group's apply to what they become)."""
    from psycopg import sql

    from sellerdesk.store import masking_pg

    if not masking_pg.has_views(DB.obj):
        return
    tables = sql.SQL(", ").join(sql.Identifier(t) for t in masking_pg.MASKED)
    user = sql.Identifier(name)
    _run(sql.SQL("REVOKE SELECT ON {} FROM {}").format(tables, user))
    _run(sql.SQL("ALTER ROLE {} RESET search_path").format(user))


def _write_grants(name: str, provinces: Sequence[str]) -> None:
    TeamGrant.delete().where(TeamGrant.user_name == name).execute()
    if provinces:
        TeamGrant.insert_many([{"user_name": name, "province": p} for p in provinces]).execute()


def _audit(action: str, **detail: object) -> None:
    from sellerdesk.store.customers import audit

    audit(action, "team", None, **detail)


def users() -> list[User]:
    """Every team user, by name, with the regions given to them (owners only)."""
    _require_owner()
    owners = region_owners()
    grants: dict[str, list[str]] = {}
    for grant in TeamGrant.select().order_by(TeamGrant.id):
        grants.setdefault(grant.user_name, []).append(grant.province)
    out = []
    for user in TeamUser.select().order_by(TeamUser.name):
        out.append(
            User(
                name=user.name,
                role=user.role,
                regions=tuple(r for r in user.regions.split(",") if r),
                provinces=tuple(grants.get(user.name, ())),
                phones=bool(user.phones),
                responsible_for=tuple(r for r, u in owners.items() if u == user.name),
            )
        )
    return out


# ---------------------------------------------------------------------- region owners (专人负责)


def assign_region(region: str, user: str) -> str:
    """Give a 大区 or a province to ``user`` (one user per region; a later call replaces the
    earlier one). Returns the region as stored (a province by its full name)."""
    stored, _provinces_ = parse_regions([region])
    if len(stored) != 1:
        raise TeamError("unknown_region", region=region)
    _require_owner()
    with DB.atomic():
        if not TeamUser.select().where(TeamUser.name == user).exists():
            raise TeamError("no_user", name=user)
        TeamRegionOwner.insert(region=stored[0], user_name=user).on_conflict(
            conflict_target=[TeamRegionOwner.region], update={TeamRegionOwner.user_name: user}
        ).execute()
        _audit("team_region_assign")
    return stored[0]


def unassign_region(region: str) -> str | None:
    """Nobody in charge of ``region`` any more (its 专人负责 entry goes; the user and the customers
    stay). Returns who was in charge (None: nobody was). Audited."""
    stored, _provinces_ = parse_regions([region])
    if len(stored) != 1:
        raise TeamError("unknown_region", region=region)
    _require_owner()
    with DB.atomic():
        row = TeamRegionOwner.get_or_none(TeamRegionOwner.region == stored[0])
        if row is None:
            return None
        TeamRegionOwner.delete().where(TeamRegionOwner.region == stored[0]).execute()
        _audit("team_region_unassign")
    return str(row.user_name)


def region_owners() -> dict[str, str]:
    """Region (大区 or full province name) → the user in charge of it."""
    return {r.region: r.user_name for r in TeamRegionOwner.select()}


def responsible_provinces(user: str | None = None) -> list[str]:
    """The provinces ``user`` (the connected one by default) is in charge of: those given to
    them by name, and those of a 大区 given to them unless the province itself is someone else's."""
    from sellerdesk.core.big_regions import big_region

    user = current_user() if user is None else user
    owners = region_owners()
    if is_team() and user == current_user() and current_role() == HELPER:
        # a helper reads only their own rows of team_region_owner; the regions given to others
        # come without their names (migrations.PG_TEAM_FUNCTIONS_V17)
        taken = native(DB, "SELECT sd_team_taken_provinces()").fetchone()[0] or []
        owners = {**dict.fromkeys(taken, "\x00someone else"), **owners}
    if not user or not owners:
        return []
    out = []
    for province in dict.fromkeys(_provinces().values()):
        owner = owners.get(province) or owners.get(big_region(province))
        if owner == user:
            out.append(province)
    return out


def mine_condition() -> pw.ColumnBase:
    """``Customer.id IN (…)``: the customers whose live default address is in a province the
    connected user is in charge of (the table's 我负责的; none locally: no regions are given)."""
    from sellerdesk.store.models import Customer

    provinces = responsible_provinces()
    live = (Address.is_default == True) & Address.deleted_at.is_null()  # noqa: E712 (peewee expression)
    return Customer.id.in_(Address.select(Address.customer).where(live & Address.province.in_(provinces)))
