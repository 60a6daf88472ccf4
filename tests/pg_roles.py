"""Team-mode test helpers: another user's URL, and roles dropped after a test (roles are cluster-wide)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit


def pg_database_url(admin_url: str, dbname: str) -> str:
    """``admin_url`` pointed at database ``dbname``."""
    return urlsplit(admin_url)._replace(path="/" + dbname).geturl()


def user_url(url: str, user: str, password: str) -> str:
    """``url`` with another user and password."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return parts._replace(netloc=f"{quote(user, safe='')}:{quote(password, safe='')}@{host}").geturl()


def drop_roles(url: str, users) -> None:
    """Drop ``users`` and the database's group roles (roles outlive the database: cluster-wide)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        pattern = f"sd_{conn.info.dbname}_%"
        groups = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (pattern,))]
        exists = "SELECT 1 FROM pg_roles WHERE rolname = %s"
        names = [n for n in [*users, *groups] if conn.execute(exists, (n,)).fetchone()]
        # the masked views (the viewers' group's) stand on the owners' tables: neither group's
        # objects can go first (DROP OWNED BY of both at once trips over their default privileges)
        conn.execute("DROP SCHEMA IF EXISTS sd_masked CASCADE")
        for name in names:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(name)))
        for name in names:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))


@dataclass
class Boss:
    """A CREATEROLE login (no superuser) owning an empty database: the README's team server."""

    admin_url: str
    name: str
    database: str
    password: str
    roles: list[str] = field(default_factory=list)  # the logins a test made (dropped after)
    databases: list[str] = field(default_factory=list)  # more databases of boss's (dropped after)

    @property
    def url(self) -> str:
        return self.url_to(self.database)

    def url_to(self, database: str) -> str:
        return user_url(pg_database_url(self.admin_url, database), self.name, self.password)

    def new_database(self, suffix: str) -> str:
        """Another empty database of boss's (``create database … owner boss``); its URL as boss."""
        import psycopg

        name = f"{self.database}_{suffix}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" OWNER "{self.name}"')
        self.databases.append(name)
        return self.url_to(name)


def drop_boss(boss: Boss) -> None:
    """Boss's databases, the group roles of each, the test's logins and boss, dropped."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(boss.admin_url, autocommit=True) as conn:
        groups: list[str] = []
        for database in [boss.database, *boss.databases]:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
            rows = conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"sd_{database}_%",))
            groups += [r[0] for r in rows]
        exists = "SELECT 1 FROM pg_roles WHERE rolname = %s"
        candidates = dict.fromkeys([*boss.roles, *groups, boss.name])
        names = [n for n in candidates if conn.execute(exists, (n,)).fetchone()]
        for name in names:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(name)))
        for name in names:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))


def seed_bench_customers(conn, n: int) -> None:
    """The team benchmarks' customers: 客户1…客户n with phones 138…, each with one default address in
    one of the first 31 provinces, evenly (``conn``: the database owner's, autocommit)."""
    from sellerdesk.core.regions import provinces

    conn.execute(
        "INSERT INTO customer (name, name_pinyin, name_initials, phone, wechat, tags, tier, gender, source, "
        "notes, flags, marketing_consent, created_at, updated_at, order_count, total_spent_fen, tier_manual, "
        "points, consent_via) SELECT '客户' || i, 'kehu', 'kh', '138' || lpad(i::text, 8, '0'), '', '', '', "
        "'', '', '', '', 0, now(), now(), 0, 0, 0, 0, '' FROM generate_series(1, %s) i",
        (n,),
    )
    conn.execute(
        "INSERT INTO address (customer_id, recipient, phone, province, city, district, detail, postal_code, "
        "adcode, label, is_default, created_at, updated_at) SELECT id, name, phone, "
        "(%s::text[])[1 + id %% 31], '某市', '某区', '某路' || id, '', '', '', 1, now(), now() FROM customer",
        ([r.name for r in provinces()][:31],),
    )


def bench_database(prefix: str = "sd_bench") -> tuple[str, str, str]:
    """A benchmark's own empty database on the server SELLERDESK_TEST_PG_URL names (a superuser
    URL: scripts/pg_test_server.sh start): (that admin URL, the new database's name, its URL)."""
    import os
    import sys
    import uuid

    import psycopg

    admin = os.environ.get("SELLERDESK_TEST_PG_URL")
    if not admin:
        sys.exit("set SELLERDESK_TEST_PG_URL to a superuser URL (scripts/pg_test_server.sh start)")
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin, name, pg_database_url(admin, name)
