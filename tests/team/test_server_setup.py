"""The README's team server, exactly: a CREATEROLE login that is no superuser (``boss``) owning an
empty database (``pg_boss``). The other team tests run as the superuser, which may do anything."""

from __future__ import annotations

import json

import pytest

from pg_roles import pg_database_url, user_url

ZJ = ["--province", "浙江省", "--city", "杭州市", "--district", "西湖区", "--detail", "1号"]


def names(boss, *who):
    suffix = boss.name.split("_", 1)[1]
    out = [f"{w}_{suffix}" for w in who]
    boss.roles.extend(out)
    return out


def add_user(cli, url, name, role, *extra):
    env = {"SELLERDESK_DATABASE_URL": url, "SELLERDESK_NEW_PASSWORD": "pw-" + name}
    cli("team", "user", "add", name, "--role", role, *extra, env=env)
    return user_url(url, name, "pw-" + name)


def as_(url):
    return {"SELLERDESK_DATABASE_URL": url}


def _owner_and_helper(boss) -> tuple[str, str, str]:
    """``team init`` by the README's owner, a second owner own2 and a helper alice of 华东 (their
    password "pw-" + name); returns (own2, alice, walt), walt's name free. The store is left bound."""
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import open_team

    own2, alice, walt = names(boss, "own2", "alice", "walt")
    open_team(boss.url)
    store_team.setup()
    store_team.add_user(own2, "owner", password="pw-" + own2)
    store_team.add_user(alice, "helper", "华东", password="pw-" + alice)
    return own2, alice, walt


def test_init_and_every_role_work_for_a_database_owner_with_createrole(cli, pg_boss):
    own2, alice, vera, late = names(pg_boss, "own2", "alice", "vera", "late")
    out = cli("--lang", "zh_CN", "team", "init", "--url", pg_boss.url)
    assert "是所有者" in out.stdout
    # a second owner (ALTER DEFAULT PRIVILEGES FOR ROLE own2 needs membership in own2)
    own2_url = add_user(cli, pg_boss.url, own2, "owner")
    alice_url = add_user(cli, pg_boss.url, alice, "helper", "--regions", "华东")
    vera_url = add_user(cli, pg_boss.url, vera, "viewer")
    # boss is not left with own2's privileges (USAGE: since PostgreSQL 16 a role's maker is always a
    # member of it, holding the ADMIN OPTION the server gives, without its privileges)
    import psycopg

    with psycopg.connect(pg_boss.url) as conn:
        member = conn.execute("SELECT pg_has_role(current_user, %s, 'USAGE')", (own2,)).fetchone()[0]
        assert member is False
        # json_group_array, made without a superuser, answers as SQLite's
        got = conn.execute("SELECT json_group_array(x) FROM (VALUES (3), (1), (2)) AS t(x)").fetchone()[0]
        assert json.loads(got) == [3, 1, 2]
        assert conn.execute("SELECT json_group_array(x) FROM (VALUES ('a')) AS t(x)").fetchone()[0] == '["a"]'
    add_user(cli, own2_url, late, "viewer")  # the second owner administers too
    cli("add", "--name", "张三", "--phone", "13812345678", *ZJ, env=as_(own2_url))
    assert [c["name"] for c in cli.json_lines("list", "--json", env=as_(alice_url))] == ["张三"]
    assert [c["name"] for c in cli.json_lines("list", "--json", env=as_(vera_url))] == ["张三"]
    cli("add", "--name", "李四", "--phone", "13912345678", *ZJ, env=as_(alice_url))
    # team init again changes nothing and keeps everyone working
    cli("team", "init", "--url", pg_boss.url)
    assert len(cli.json_lines("list", "--json", env=as_(alice_url))) == 2
    # the helper's and the viewer's searches go through sd_search (schema 21), made by boss, the
    # owners' group's after team init, which may call it
    with psycopg.connect(pg_boss.url) as conn:
        owner = conn.execute("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'sd_search'")
        assert owner.fetchone()[0] == f"sd_{pg_boss.database}_owner"
    for url in (alice_url, vera_url):
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT * FROM sd_search(current_user, 'trigram', '浙江省')").fetchall()
        found = cli.json_lines("list", "--json", "--search", "李四", env=as_(url))
        assert [c["name"] for c in found] == ["李四"]


@pytest.mark.parametrize("order", ["init_first", "move_first"])
def test_init_and_move_local_work_in_either_order(cli, pg_boss, order):
    (alice,) = names(pg_boss, "alice")
    cli("init", "--json")
    cli("demo", "--customers", "12", "--seed", "4")
    cli("add", "--name", "浙江客户", "--phone", "13812345678", *ZJ)
    if order == "init_first":
        cli("team", "init", "--url", pg_boss.url)
    moved = json.loads(cli("team", "move-local", "--url", pg_boss.url, "--json").stdout)
    assert moved["customers"] == 13
    if order == "move_first":
        cli("team", "init", "--url", pg_boss.url)
    alice_url = add_user(cli, pg_boss.url, alice, "helper", "--regions", "华东")
    seen = {c["name"] for c in cli.json_lines("list", "--json", env=as_(alice_url))}
    assert "浙江客户" in seen
    assert len(cli.json_lines("list", "--json", env=as_(pg_boss.url))) == 13
    users = cli.json_lines("team", "user", "list", "--json", env=as_(pg_boss.url))
    assert {u["name"] for u in users} == {pg_boss.name, alice}


def test_a_team_backup_restored_into_a_new_database_lets_its_users_log_in(cli, pg_boss, tmp_path):
    alice, gone = names(pg_boss, "alice", "gone")
    cli("init", "--json")
    cli("team", "init", "--url", pg_boss.url)
    alice_url = add_user(cli, pg_boss.url, alice, "helper", "--regions", "华东")
    add_user(cli, pg_boss.url, gone, "viewer")
    cli("add", "--name", "浙江客户", "--phone", "13812345678", *ZJ, env=as_(pg_boss.url))
    cli("backup", "--to", str(tmp_path), env=as_(pg_boss.url))
    (made,) = (tmp_path / "team").glob("*.sdbackup")
    import psycopg
    from psycopg import sql

    with psycopg.connect(pg_boss.admin_url, autocommit=True) as conn:  # a login gone from this server
        conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(gone)))
        conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(gone)))
    shop3 = pg_boss.new_database("3")
    out = cli("--lang", "zh_CN", "restore", str(made), env=as_(shop3))
    assert "1 位客户已全部恢复" in out.stdout
    assert f"sellerdesk-cli team user add {gone} --role" in out.stdout
    alice3 = user_url(shop3, alice, "pw-" + alice)
    assert [c["name"] for c in cli.json_lines("list", "--json", env=as_(alice3))] == ["浙江客户"]
    cli("add", "--name", "又一个", "--phone", "13912345678", *ZJ, env=as_(alice3))
    # the user without a login is made again by the command the restore named
    gone3 = add_user(cli, shop3, gone, "viewer")
    assert len(cli.json_lines("list", "--json", env=as_(gone3))) == 2
    assert len(cli.json_lines("list", "--json", env=as_(alice_url))) == 1  # the old database: as it was


def test_a_missing_privilege_is_one_translated_line_naming_it(cli, pg_boss, pg_admin_url):
    import psycopg

    (plain,) = names(pg_boss, "plain")
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{plain}\" LOGIN PASSWORD 'pw1'")  # no CREATEROLE
        conn.execute(f'ALTER DATABASE "{pg_boss.database}" OWNER TO "{plain}"')
    url = user_url(pg_boss.url, plain, "pw1")
    out = cli("--lang", "zh_CN", "team", "init", "--url", url, check=False)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "CREATEROLE" in lines[0] and "权限" in lines[0], out.stderr
    assert "内部错误" not in out.stderr


def test_a_write_waiting_on_another_sessions_lock_gives_up_as_busy(cli, pg_boss, monkeypatch):
    import psycopg

    from sellerdesk.store import postgres

    cli("team", "init", "--url", pg_boss.url)
    added = json.loads(cli("add", "--name", "张三", "--phone", "13812345678", "--json", env=as_(pg_boss.url)).stdout)
    monkeypatch.setattr(postgres, "LOCK_TIMEOUT_S", 0.3)
    with psycopg.connect(pg_boss.url) as other:  # psql: begin; select … for update (and left open)
        other.execute("SELECT 1 FROM customer WHERE id = %s FOR UPDATE", (added["id"],))
        out = cli("--lang", "zh_CN", "trash", str(added["id"]), env=as_(pg_boss.url), check=False)
        other.rollback()
    assert out.returncode == 1
    assert "占用数据库太久" in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert len(cli.json_lines("list", "--json", env=as_(pg_boss.url))) == 1  # nothing changed


def test_a_viewer_is_refused_exports_and_backups_up_front_in_one_translated_line(cli, team, tmp_path):
    cli("init", "--json")  # a data folder (a backup's key) on this computer
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = as_(team.url_of("viewer"))
    for args in (
        ["export", str(out_dir / "客户.xlsx")],
        ["export-person", str(team.customers["广东"]), str(out_dir / "p.json")],
        ["export", str(out_dir / "运单.xlsx"), "--orders", "pending"],
        ["backup", "--to", str(out_dir)],
    ):
        out = cli("--lang", "zh_CN", *args, env=env, check=False)
        assert out.returncode == 1, args
        assert len(out.stderr.strip().splitlines()) == 1 and "只读成员不能运行" in out.stderr, out.stderr
    assert list(out_dir.iterdir()) == []
    # an owner still may
    cli("export", str(out_dir / "客户.xlsx"), env=as_(team.url))
    assert [p.name for p in out_dir.iterdir()] == ["客户.xlsx"]


def test_the_readme_s_owner_gets_phones_masked_by_the_server(cli, pg_boss):
    """Masking (store.masking_pg) needs privileges a superuser never lacks: the views' schema handed
    to the owners' group (CREATE on the database) and the views to their own group (CREATE on that
    schema). Under the README's boss a helper without phones once read every raw phone with psql."""
    import psycopg

    (south,) = names(pg_boss, "south")
    cli("team", "init", "--url", pg_boss.url)
    south_url = add_user(cli, pg_boss.url, south, "helper", "--regions", "华南")
    cli(
        "add",
        "--name",
        "广东客户",
        "--phone",
        "13812345678",
        "--address",
        "广东省深圳市南山区1号",
        env=as_(pg_boss.url),
    )
    with psycopg.connect(south_url) as conn:
        assert conn.execute("SELECT phone FROM customer").fetchall() == [("138****5678",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT phone FROM public.customer")
    assert [c["phone"] for c in cli.json_lines("list", "--json", env=as_(south_url))] == ["138****5678"]


def test_remove_and_phones_by_an_owner_without_createrole_name_the_privilege(cli, pg_boss, pg_admin_url):
    import psycopg

    own2, alice = names(pg_boss, "own2", "alice")
    cli("team", "init", "--url", pg_boss.url)
    own2_url = add_user(cli, pg_boss.url, own2, "owner")
    add_user(cli, pg_boss.url, alice, "helper", "--regions", "华东")
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'ALTER ROLE "{own2}" NOCREATEROLE')  # an owner who may not manage roles
    for args in (("remove", alice), ("phones", alice, "on")):
        out = cli("--lang", "zh_CN", "team", "user", *args, env=as_(own2_url), check=False)
        assert out.returncode == 1
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1, out.stderr
        assert "CREATEROLE" in lines[0] and "缺少 PostgreSQL 权限" in lines[0] and own2 in lines[0], out.stderr
    users = {u["name"]: u for u in cli.json_lines("team", "user", "list", "--json", env=as_(pg_boss.url))}
    assert alice in users and users[alice]["phones"] is False  # nothing changed


def test_a_second_owner_changes_and_removes_a_user_the_first_one_made(pg_boss, pg_admin_url):
    """PostgreSQL 16 lets CREATEROLE administer only roles one holds ADMIN OPTION on (a role's
    maker gets it): boss makes own2 (an owner) and alice (a helper); own2 changes alice's role,
    regions and phones, removes her, adds her back with a new password and removes her again; and
    boss changes a helper own2 made. Each checked as the server has it (on 16 a REVOKE of another's
    grant would change nothing but print a notice)."""
    import psycopg

    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    own2, alice, walt = _owner_and_helper(pg_boss)
    helper_g, viewer_g = store_team.group_role("helper"), store_team.group_role("viewer")
    close_store()

    def server(who: str) -> tuple[bool, bool, bool, list[str] | None]:
        """(may log in, helper's privileges, viewer's privileges, per-role settings)."""
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT rolcanlogin, pg_has_role(oid, %s, 'USAGE'), pg_has_role(oid, %s, 'USAGE'), rolconfig "
                "FROM pg_roles WHERE rolname = %s",
                (helper_g, viewer_g, who),
            ).fetchone()
        return row[0], row[1], row[2], row[3]

    own2_url = user_url(pg_boss.url, own2, "pw-" + own2)
    open_team(own2_url)
    try:
        assert store_team.update_user(alice, role="viewer").role == "viewer"
        assert server(alice) == (True, False, True, None)
        changed = store_team.update_user(alice, role="helper", regions="华南", phones=False)
        assert (changed.role, changed.regions, changed.phones) == ("helper", ("华南",), False)
        assert server(alice)[:3] == (True, True, False) and server(alice)[3]  # the masked views' search path
        store_team.set_phones(alice, True)
        assert server(alice) == (True, True, False, None)
        store_team.remove_user(alice)
        assert server(alice)[:3] == (False, False, False)
        password = store_team.add_user(alice, "viewer")  # the same login back, a new password
        assert server(alice)[:3] == (True, False, True)
        with psycopg.connect(user_url(pg_boss.url, alice, password)) as conn:
            assert conn.execute("SELECT sd_team_role(current_user::text)").fetchone()[0] == "viewer"
        store_team.remove_user(alice)
        assert server(alice)[:3] == (False, False, False)
        store_team.add_user(walt, "helper", "华东", password="pw-" + walt)
    finally:
        close_store()
    open_team(pg_boss.url)  # and the other way round: the first owner changes own2's helper
    try:
        store_team.update_user(walt, role="viewer")
        assert server(walt) == (True, False, True, None)
        store_team.remove_user(walt)
        assert server(walt)[:3] == (False, False, False)
        assert {u.name for u in store_team.users()} == {pg_boss.name, own2}
    finally:
        close_store()


def test_schema_step_25_lets_a_second_owner_remove_a_user_of_a_team_made_before(pg_boss, pg_admin_url):
    """A team made on PostgreSQL 16 before step 25: a helper's group granted by the first owner,
    the owners' group without ADMIN OPTION on her. The first owner's next connection migrates (on
    14/15 nothing is granted: CREATEROLE administers every role there); then own2 may remove her."""
    import psycopg

    from sellerdesk.store import migrations
    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    own2, alice = names(pg_boss, "own2", "alice")
    open_team(pg_boss.url)
    store_team.setup()
    store_team.add_user(own2, "owner", password="pw-" + own2)
    store_team.add_user(alice, "helper", "华东", password="pw-" + alice)
    helper_g, owner_g = store_team.group_role("helper"), store_team.group_role("owner")
    close_store()
    with psycopg.connect(pg_boss.url, autocommit=True) as conn:
        if conn.info.server_version >= 160000:  # as the code before step 25 left it
            conn.execute(f'REVOKE "{alice}" FROM "{owner_g}"')
            conn.execute(f'GRANT "{helper_g}" TO "{alice}" GRANTED BY "{pg_boss.name}"')
            conn.execute(f'REVOKE "{helper_g}" FROM "{alice}" GRANTED BY "{owner_g}"')
        conn.execute("UPDATE meta SET value = '24' WHERE key = 'schema_version'")
    db = open_team(pg_boss.url)
    assert migrations.current_version(db) == migrations.SCHEMA_VERSION
    close_store()
    open_team(user_url(pg_boss.url, own2, "pw-" + own2))
    try:
        store_team.remove_user(alice)
    finally:
        close_store()
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT rolcanlogin, pg_has_role(oid, %s, 'USAGE') FROM pg_roles WHERE rolname = %s", (helper_g, alice)
        ).fetchone()
    assert row == (False, False)


def test_an_owner_promotes_whom_they_made_and_on_16_not_anothers_user(pg_boss, pg_admin_url):
    """An owner is administered by whoever made or promoted them (the owners' group may not: a
    circle). own2 makes walt a helper, then an owner, then a viewer again — and boss, who made
    neither, may change walt once he is a viewer. own2 making boss's alice an owner: on 16+ refused
    naming the ADMIN OPTION (nothing changed), on 14/15 as any change (CREATEROLE suffices)."""
    import psycopg

    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team
    from sellerdesk.store.errors import MissingPrivilegeError

    own2, alice, walt = _owner_and_helper(pg_boss)
    owner_g, helper_g = store_team.group_role("owner"), store_team.group_role("helper")
    close_store()

    def groups(who: str) -> tuple[bool, bool, bool]:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT pg_has_role(oid, %s, 'USAGE'), pg_has_role(oid, %s, 'USAGE'), rolcreaterole "
                "FROM pg_roles WHERE rolname = %s",
                (owner_g, helper_g, who),
            ).fetchone()
        return row[0], row[1], row[2]

    open_team(user_url(pg_boss.url, own2, "pw-" + own2))
    try:
        store_team.add_user(walt, "helper", "华东", password="pw-" + walt)
        store_team.update_user(walt, role="owner")
        assert groups(walt) == (True, False, True)
        with psycopg.connect(user_url(pg_boss.url, walt, "pw-" + walt)) as conn:
            assert conn.execute("SELECT sd_team_role(current_user::text)").fetchone()[0] == "owner"
        store_team.update_user(walt, role="viewer")
        assert groups(walt) == (False, False, False)
        with psycopg.connect(pg_admin_url) as conn:
            sixteen = conn.info.server_version >= 160000
        if sixteen:
            with pytest.raises(MissingPrivilegeError, match=f"ADMIN OPTION on {alice}"):
                store_team.update_user(alice, role="owner")
            assert groups(alice) == (False, True, False)
            assert {u.name: u.role for u in store_team.users()}[alice] == "helper"
        else:
            store_team.update_user(alice, role="owner")
            assert groups(alice) == (True, False, True)
    finally:
        close_store()
    open_team(pg_boss.url)
    try:
        store_team.update_user(walt, role="helper", regions="华南")
        assert groups(walt) == (False, True, False)
        store_team.remove_user(walt)
    finally:
        close_store()


def _take_back_made(pg_admin_url, maker, made):
    """As a superuser: ``maker``'s ADMIN OPTION on ``made`` (PostgreSQL 16's grant to a role's maker,
    by the bootstrap superuser) taken back, as the refusal tells the server's administrator to."""
    import psycopg

    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        bootstrap = conn.execute("SELECT rolname FROM pg_roles WHERE oid = 10").fetchone()[0]
        conn.execute(f'REVOKE "{made}" FROM "{maker}" GRANTED BY "{bootstrap}"')


def _sixteen(pg_admin_url):
    import psycopg

    with psycopg.connect(pg_admin_url) as conn:
        return conn.info.server_version >= 160000


def test_an_owner_who_made_logins_is_not_demoted_on_16_until_a_superuser_takes_them_back(pg_boss, pg_admin_url):
    """PostgreSQL 16 gives a role's maker ADMIN OPTION on it, granted by the bootstrap superuser: no
    owner may take it back, and with it a demoted owner could GRANT the login to themselves and
    act as it (review). own2 makes hank; boss demoting or removing own2: on 16+ refused naming hank,
    nothing changed; a superuser's run of the change takes it back. On 14/15 no refusal."""
    import psycopg

    from sellerdesk.store import team as store_team
    from sellerdesk.store.database import close_store, open_team

    own2, hank = names(pg_boss, "own2", "hank")
    open_team(pg_boss.url)
    store_team.setup()
    store_team.add_user(own2, "owner", password="pw-" + own2)
    owner_g = store_team.group_role("owner")
    close_store()
    open_team(user_url(pg_boss.url, own2, "pw-" + own2))
    try:
        store_team.add_user(hank, "helper", "华东", password="pw-" + hank)
    finally:
        close_store()
    open_team(pg_boss.url)
    try:
        if _sixteen(pg_admin_url):
            for change in (lambda: store_team.update_user(own2, role="viewer"), lambda: store_team.remove_user(own2)):
                with pytest.raises(store_team.TeamError, match=hank) as refused:
                    change()
                assert refused.value.code == "maker_keeps_admin"
                assert {u.name: u.role for u in store_team.users()}[own2] == "owner"
    finally:
        close_store()
    # a superuser runs the change: what own2 holds on hank is taken back (and what own2 granted with
    # it — hank administered by the owners' group — granted again by the superuser)
    open_team(pg_database_url(pg_admin_url, pg_boss.database))
    try:
        assert store_team.update_user(own2, role="viewer").role == "viewer"
    finally:
        close_store()
    open_team(pg_boss.url)  # and boss still administers hank (through the owners' group)
    try:
        assert store_team.update_user(hank, role="viewer").role == "viewer"
        store_team.remove_user(hank)
    finally:
        close_store()
    with psycopg.connect(user_url(pg_boss.url, own2, "pw-" + own2), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the review's way back: closed
            conn.execute(f'GRANT "{hank}" TO "{own2}"')
        assert not conn.execute("SELECT pg_has_role(current_user, %s, 'MEMBER')", (owner_g,)).fetchone()[0]


def test_an_owner_who_added_an_owner_is_removed_and_demoted_keeping_the_other(cli, pg_boss, pg_admin_url):
    """The review's sequence: boss adds own2 (owner), own2 adds own3 (owner); boss demotes, then
    removes own2. own3's membership of the owners' group was granted by own2 (with the ADMIN
    OPTION own2 holds on it on 16+): granted again by boss, never CASCADEd away. On 16+ own2 made
    own3's login: first refused in one translated line naming own3 until a superuser takes it back."""
    import psycopg

    own2, own3 = names(pg_boss, "own2", "own3")
    cli("team", "init", "--url", pg_boss.url)
    own2_url = add_user(cli, pg_boss.url, own2, "owner")
    add_user(cli, own2_url, own3, "owner")
    boss = as_(pg_boss.url)
    owner_g = f"sd_{pg_boss.database}_owner"

    def owner(who: str) -> tuple[bool, bool]:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT pg_has_role(%s, %s, 'USAGE'), pg_has_role(%s, %s, 'MEMBER WITH ADMIN OPTION')",
                (who, owner_g, who, owner_g),
            ).fetchone()
        return row[0], row[1]

    sixteen = _sixteen(pg_admin_url)  # (on 14/15 no owner holds ADMIN OPTION on the owners' group)
    if sixteen:
        for args in (("remove", own2), ("role", own2, "viewer")):
            out = cli("--lang", "zh_CN", "team", "user", *args, env=boss, check=False)
            assert out.returncode == 1, out.stderr
            lines = out.stderr.strip().splitlines()
            assert len(lines) == 1 and own3 in lines[0] and "超级用户" in lines[0], out.stderr
            assert "内部错误" not in out.stderr
        assert owner(own2) == (True, True)
        _take_back_made(pg_admin_url, own2, own3)
    out = cli("--lang", "zh_CN", "team", "user", "role", own2, "viewer", env=boss, check=False)
    assert out.returncode == 0, out.stderr
    assert owner(own2) == (False, False) and owner(own3) == (True, sixteen)
    out = cli("--lang", "zh_CN", "team", "user", "remove", own2, env=boss, check=False)
    assert out.returncode == 0, out.stderr
    assert owner(own3) == (True, sixteen)
    own3_url = user_url(pg_boss.url, own3, "pw-" + own3)
    assert {u["name"] for u in cli.json_lines("team", "user", "list", "--json", env=as_(own3_url))} == {
        pg_boss.name,
        own3,
    }
