#!/usr/bin/env bash
# Build dist/SellerDesk.app (run on macOS with Python 3.11+).
#   bash packaging/build_macos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[packaging]'
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/sellerdesk.spec
echo "built dist/SellerDesk.app"
