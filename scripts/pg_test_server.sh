#!/usr/bin/env bash
# A throwaway PostgreSQL for the team-mode tests: initdb into a temp folder as a non-root user,
# listening on a unix socket in that folder and on 127.0.0.1 only.
#   eval "$(bash scripts/pg_test_server.sh start)"   # prints: export SELLERDESK_TEST_PG_URL=… SELLERDESK_TEST_PG_DIR=…
#   bash scripts/pg_test_server.sh stop "$SELLERDESK_TEST_PG_DIR"
# The server's superuser is "sd_admin" with a random password; the URL carries it. Nothing of
# the machine's own PostgreSQL (a packaged cluster, port 5432) is used or changed.
# PG_BIN_DIR=/path/to/bin picks initdb/pg_ctl from that folder (another major version, e.g. to run
# the team suite on PostgreSQL 16 or 17; docs/ARCHITECTURE.md says how); stop needs the same value.
set -euo pipefail

find_bin() {
  local name=$1 found
  if [ -n "${PG_BIN_DIR:-}" ]; then
    [ -x "$PG_BIN_DIR/$name" ] || { echo "pg_test_server: no $name in PG_BIN_DIR=$PG_BIN_DIR" >&2; return 1; }
    echo "$PG_BIN_DIR/$name"
    return
  fi
  found=$(command -v "$name" 2>/dev/null || true)
  if [ -z "$found" ]; then
    found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)
  fi
  [ -n "$found" ] && echo "$found"
}

as_owner() {
  # initdb and postgres refuse to run as root: run them as the packaged "postgres" user (or nobody)
  if [ "$(id -u)" -eq 0 ]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

start() {
  local initdb pg_ctl dir port password
  initdb=$(find_bin initdb) || { echo "pg_test_server: no initdb (install the postgresql package)" >&2; exit 2; }
  pg_ctl=$(find_bin pg_ctl)
  dir=$(mktemp -d /tmp/sellerdesk-pg.XXXXXX)
  chmod 0755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 && chown postgres: "$dir" || chown nobody: "$dir"
  fi
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  port=$(free_port)
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -ne 0 ] || chown --reference="$dir" "$dir/pwfile"
  as_owner "$initdb" -D "$dir/data" -U sd_admin --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "export SELLERDESK_TEST_PG_URL='postgresql://sd_admin:$password@127.0.0.1:$port/postgres'"
  echo "export SELLERDESK_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${SELLERDESK_TEST_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
  as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
