#!/usr/bin/env bash
# Install everything SellerDesk needs on a fresh Debian/Ubuntu machine, then a venv in .venv.
#   bash scripts/bootstrap.sh          # system libraries (when root or with sudo) + .venv
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt (PySide6) offscreen and on X11/Xvfb
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
  xvfb xauth
  # Chinese text on screen
  fonts-noto-cjk
  # the real OS keyring (Secret Service) for the keyring round-trip test
  gnome-keyring dbus
  # finding the window in the bundle smoke test
  xdotool
  # team mode's tests: a throwaway PostgreSQL server (scripts/pg_test_server.sh) with pg_trgm and btree_gin
  postgresql postgresql-contrib
  # reading label PDFs back in the tests (pdftotext, pdffonts) and looking at them (pdftoppm)
  poppler-utils
)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "bootstrap: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "bootstrap: no apt-get here; install Qt's X11/EGL libraries, a CJK font and a Secret Service yourself" >&2
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
