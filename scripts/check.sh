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
exec $PY -m pytest "$@"
