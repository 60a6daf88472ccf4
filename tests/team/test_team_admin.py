"""Changing a team user after they were added (the app's 团队成员 dialog): role, regions and phones
in one transaction (store.team.update_user), and 专人负责 taken back (unassign_region). Checked as
psql would see it: connected AS the changed user."""

from __future__ import annotations

import psycopg
import pytest


def _names(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM customer")}


def _login(team, who: str) -> tuple[bool, bool, list[str] | None]:
    """(may log in, CREATEROLE, per-role settings) of a user, as the server has them."""
    with psycopg.connect(team.url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT rolcanlogin, rolcreaterole, rolconfig FROM pg_roles WHERE rolname = %s", (team.names[who],)
        ).fetchone()
    return row[0], row[1], row[2]


@pytest.fixture
def owner(team):
    """Bound as the team's first owner (the superuser of team init)."""
    from sellerdesk.store.database import close_store, open_team

    open_team(team.url)
    yield team
    close_store()


def _users(store_team) -> dict:
    return {u.name: u for u in store_team.users()}


def test_a_helper_made_viewer_sees_everything_and_back_to_helper_only_their_region(owner):
    from sellerdesk.store import team as store_team

    team = owner
    south = team.names["south"]
    changed = store_team.update_user(south, role="viewer")
    assert (changed.role, changed.regions, changed.provinces, changed.phones) == ("viewer", (), (), True)
    assert _login(team, "south")[2] is None  # the masked views' search path is gone with the helper
    with team.connect("south") as conn:
        assert len(_names(conn)) == 4
        assert conn.execute("SELECT phone FROM customer LIMIT 1").fetchone()[0] == "13812345678"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE customer SET name = 'x'")
    changed = store_team.update_user(south, role="helper", regions=["华东"], phones=False)
    assert (changed.role, changed.regions, changed.phones) == ("helper", ("华东",), False)
    with team.connect("south") as conn:
        assert _names(conn) == {"浙江客户"}
        assert conn.execute("SELECT phone FROM customer").fetchone()[0] == "138****5678"


def test_regions_and_phones_of_a_helper_change_together(owner):
    from sellerdesk.store import team as store_team

    team = owner
    south = team.names["south"]
    changed = store_team.update_user(south, regions="华南,北京", phones=True)
    assert changed.regions == ("华南", "北京市") and changed.phones
    with team.connect("south") as conn:
        assert _names(conn) == {"广东客户", "北京客户"}
        assert {r[0] for r in conn.execute("SELECT phone FROM customer")} == {"13812345678"}


def test_an_owner_made_and_unmade_gets_and_loses_createrole(owner):
    from sellerdesk.store import team as store_team

    team = owner
    store_team.update_user(team.names["viewer"], role="owner")
    assert _login(team, "viewer")[1] is True
    with team.connect("viewer") as conn:
        assert conn.execute("SELECT sd_team_role(current_user::text)").fetchone()[0] == "owner"
    store_team.update_user(team.names["viewer"], role="viewer")
    assert _login(team, "viewer")[1] is False
    assert _users(store_team)[team.names["viewer"]].role == "viewer"


def test_an_owner_who_owns_the_database_or_is_a_superuser_keeps_the_role(team):
    """Made helper or viewer, the database's owner (or a superuser) would keep an owner's power: drop
    and make any object in `public`, the masking functions among them (review). Refused in one line,
    nothing changed; allowed once another owner owns the database."""
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    database = team.url.rsplit("/", 1)[1]
    boss = team.names["boss"]
    open_team(team.url_of("boss"))
    try:
        admin = next(u.name for u in store_team.users() if u.role == "owner" and u.name != boss)
        with pytest.raises(store_team.TeamError, match="superuser"):
            store_team.update_user(admin, role="viewer")
    finally:
        close_store()
    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{database}" OWNER TO "{boss}"')
    open_team(team.url)
    try:
        with pytest.raises(store_team.TeamError, match="owns the team's database"):
            store_team.update_user(boss, role="helper", regions="华南")
        assert _users(store_team)[boss].role == "owner" and _login(team, "boss")[1] is True
        with psycopg.connect(team.url, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{database}" OWNER TO CURRENT_USER')
        assert store_team.update_user(boss, role="viewer").role == "viewer"
    finally:
        close_store()


def test_refusals_change_nothing(owner):
    from sellerdesk.store import team as store_team

    team = owner
    before = _users(store_team)
    me = store_team.current_user()
    with pytest.raises(store_team.TeamError, match="your own role"):
        store_team.update_user(me, role="viewer")
    with pytest.raises(store_team.TeamError, match="neither"):
        store_team.update_user(team.names["south"], role="viewer", regions="月球")
    with pytest.raises(store_team.TeamError, match="only a helper has regions"):
        store_team.update_user(team.names["south"], role="viewer", regions="华东")  # the role not changed either
    with pytest.raises(store_team.TeamError, match="No team user"):
        store_team.update_user("nobody_here", role="viewer")
    assert _users(store_team) == before
    with team.connect("south") as conn:
        assert _names(conn) == {"广东客户"}


def test_the_last_owner_keeps_the_role(owner):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.models import TeamUser

    team = owner
    # boss the only owner in the team's table (the superuser connected still passes as an owner)
    TeamUser.delete().where(TeamUser.name == store_team.current_user()).execute()
    with pytest.raises(store_team.TeamError, match="last owner"):
        store_team.update_user(team.names["boss"], role="viewer")
    assert _users(store_team)[team.names["boss"]].role == "owner"
    assert _login(team, "boss")[1] is True


def test_an_owner_without_createrole_changes_no_role(team):
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.errors import MissingPrivilegeError

    with psycopg.connect(team.url, autocommit=True) as conn:
        conn.execute(f'ALTER ROLE "{team.names["boss"]}" NOCREATEROLE')
    open_team(team.url_of("boss"))
    try:
        before = _users(store_team)
        with pytest.raises(MissingPrivilegeError, match="CREATEROLE"):
            store_team.update_user(team.names["south"], role="viewer", regions="")
        with pytest.raises(MissingPrivilegeError, match="CREATEROLE"):
            store_team.update_user(team.names["south"], regions="华北", phones=True)
        assert _users(store_team) == before
    finally:
        close_store()


def test_a_region_taken_back_has_nobody_in_charge(owner):
    from sellerdesk.store import audit
    from sellerdesk.store import team as store_team

    team = owner
    store_team.assign_region("华南", team.names["south"])
    assert store_team.unassign_region("华南") == team.names["south"]
    assert store_team.unassign_region("华南") is None
    assert store_team.region_owners() == {}
    with pytest.raises(store_team.TeamError, match="neither"):
        store_team.unassign_region("月球")
    assert "team_region_unassign" in audit.action_names()


def test_the_cli_changes_a_role_and_takes_a_region_back(cli, team):
    """``team user role`` and ``team region unassign``: the same store calls as the app's dialog."""
    owner = {"SELLERDESK_DATABASE_URL": team.url}
    south = team.names["south"]
    out = cli("--lang", "zh_CN", "team", "user", "role", south, "viewer", env=owner).stdout
    assert south in out and "只读成员" in out
    refused = cli("team", "user", "role", south, "viewer", "--regions", "华东", env=owner, check=False)
    assert refused.returncode == 1 and "Only a helper has regions" in refused.stderr
    cli("team", "user", "role", south, "helper", "--regions", "华东", env=owner)
    users = {u["name"]: u for u in cli.json_lines("team", "user", "list", "--json", env=owner)}
    assert (users[south]["role"], users[south]["regions"], users[south]["phones"]) == ("helper", ["华东"], False)
    cli("team", "user", "role", south, "helper", env=owner)  # no --regions: theirs stay (review)
    users = {u["name"]: u for u in cli.json_lines("team", "user", "list", "--json", env=owner)}
    assert users[south]["regions"] == ["华东"]
    cli("team", "region", "assign", "华东", south, env=owner)
    out = cli("--lang", "zh_CN", "team", "region", "unassign", "华东", env=owner).stdout
    assert out.strip() == f"{south} 不再负责 华东。"
    assert cli.json_lines("team", "region", "list", "--json", env=owner) == [{}]
    out = cli("--lang", "zh_CN", "team", "region", "unassign", "华东", env=owner).stdout
    assert "本来就无人负责" in out


def test_regions_given_as_they_were_write_no_audit_entry(owner):
    from sellerdesk.store import audit
    from sellerdesk.store import team as store_team

    store_team.update_user(owner.names["south"], regions=["华南"], phones=False)  # the form saved unchanged
    assert "team_user_regions" not in audit.action_names()
    store_team.update_user(owner.names["south"], regions=["华南", "北京"])
    assert "team_user_regions" in audit.action_names()
