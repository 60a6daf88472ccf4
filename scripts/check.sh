#!/usr/bin/env bash
# Everything CI checks, in order: lint, format, types, then the test suite (which also checks translations).
#   bash scripts/check.sh                 # all of it (README's test command runs this)
#   bash scripts/check.sh -k import -x    # extra arguments go to pytest
# Run scripts/bootstrap.sh first; it installs the tools into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
step() { printf '\n== %s\n' "$*"; }

step "ruff check (lint)"
$PY -m ruff check src tests benchmarks tools packaging
step "ruff format --check"
$PY -m ruff format --check src tests benchmarks tools packaging
step "mypy (types: src/sellerdesk as pyproject.toml configures it; ui/ is not reported until it is typed)"
$PY -m mypy
step "pytest"
# Team mode's tests need a real PostgreSQL: a throwaway server for this run (scripts/pg_test_server.sh),
# unless SELLERDESK_TEST_PG_URL already names one. Without PostgreSQL they are skipped, never in CI.
if [ -z "${SELLERDESK_TEST_PG_URL:-}" ]; then
  if pg_env=$(bash scripts/pg_test_server.sh start); then
    eval "$pg_env"
    trap 'bash scripts/pg_test_server.sh stop "$SELLERDESK_TEST_PG_DIR"' EXIT
  elif [ -n "${CI:-}" ]; then
    echo "check.sh: CI needs PostgreSQL for the team-mode tests (scripts/bootstrap.sh installs it)" >&2
    exit 1
  else
    echo "check.sh: no PostgreSQL here; the team-mode tests will be skipped" >&2
  fi
fi
$PY -m pytest "$@"
