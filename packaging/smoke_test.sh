#!/usr/bin/env bash
# Smoke-test a built Linux bundle: the CLI inside answers, and the app shows its main window
# under Xvfb with a temporary data dir. Prints the cold-start time and the bundle size.
#   bash packaging/smoke_test.sh [dist/SellerDesk] [screenshot.png]
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="$(cd "${1:-dist/SellerDesk}" && pwd)"
shot="${2:-build/smoke-screenshot.png}"
mkdir -p "$(dirname "$shot")"

"$bundle/sellerdesk-cli" --version
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SELLERDESK_HOME="$tmp/data" SELLERDESK_PASSPHRASE="smoke test passphrase"
"$bundle/sellerdesk-cli" init > /dev/null
"$bundle/sellerdesk-cli" add --name 张三 --phone 13812345678 --address '广东省深圳市南山区科技园南区1栋' > /dev/null
"$bundle/sellerdesk-cli" list --json | grep -q '"广东省"'
"$bundle/sellerdesk-cli" labels "$tmp/labels.pdf" --customers 1 > /dev/null 2>&1  # the frozen painter child
test -s "$tmp/labels.pdf"
echo "cli: ok"

export BUNDLE="$bundle" SHOT="$shot" PY="$PWD/.venv/bin/python" GRAB="$PWD/packaging/grab_screen.py"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  start=$(date +%s.%N)
  "$BUNDLE/sellerdesk" > "$SELLERDESK_HOME/gui.log" 2>&1 &
  pid=$!
  if ! timeout 60 xdotool search --sync --onlyvisible --name "^SellerDesk" > /dev/null; then
    echo "the main window did not appear within 60 s" >&2
    cat "$SELLERDESK_HOME/gui.log" >&2 || true
    kill $pid 2>/dev/null || true
    exit 1
  fi
  end=$(date +%s.%N)
  title=$(xdotool search --onlyvisible --name "^SellerDesk" getwindowname | head -n1)
  echo "window: $title"
  awk -v s="$start" -v e="$end" "BEGIN { printf \"cold start: %.2f s\n\", e - s }"
  sleep 2
  QT_QPA_PLATFORM=xcb "$PY" "$GRAB" "$SHOT"
  # a second launch must not open a second window
  "$BUNDLE/sellerdesk" > /dev/null 2>&1 || true
  count=$(xdotool search --onlyvisible --name "^SellerDesk" | wc -l)
  echo "windows after a second launch: $count"
  if [ "$count" -ne 1 ]; then echo "a second launch opened another window" >&2; exit 1; fi
  kill $pid
  wait $pid 2>/dev/null || true
'
echo "bundle size: $(du -sh "$bundle" | cut -f1)"
