#!/usr/bin/env bash
# The benchmark's own environment with cpca (bench_parse.py runs it beside SellerDesk's
# parser). Not a project dependency: cpca pulls in pandas and numpy.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv-cpca
.venv-cpca/bin/pip install --quiet "cpca==0.5.5"
echo "cpca installed in benchmarks/.venv-cpca"
