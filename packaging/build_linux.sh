#!/usr/bin/env bash
# Build the Linux one-folder bundle: dist/SellerDesk/{sellerdesk,sellerdesk-cli,share/…}
# and dist/SellerDesk-<version>-linux-<arch>.tar.gz.
#   bash packaging/build_linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/python -m pip install -q -e '.[packaging]'
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/sellerdesk.spec

out=dist/SellerDesk
install -Dm644 packaging/linux/sellerdesk.desktop "$out/share/applications/sellerdesk.desktop"
install -Dm644 packaging/linux/io.github.sellerdesk.SellerDesk.metainfo.xml \
  "$out/share/metainfo/io.github.sellerdesk.SellerDesk.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "resources/appicon/sellerdesk-$size.png" \
    "$out/share/icons/hicolor/${size}x${size}/apps/io.github.sellerdesk.SellerDesk.png"
done
install -Dm644 resources/appicon/sellerdesk.svg "$out/share/icons/hicolor/scalable/apps/io.github.sellerdesk.SellerDesk.svg"
cat > "$out/install-desktop-entry.sh" <<'INNER'
#!/usr/bin/env bash
# Add SellerDesk to the desktop menu of the current user (run from the unpacked folder).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications"
sed "s|^Exec=sellerdesk|Exec=$here/sellerdesk|" "$here/share/applications/sellerdesk.desktop" > "$data/applications/sellerdesk.desktop"
cp -r "$here/share/icons" "$data/"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "SellerDesk added to the menu."
INNER
chmod +x "$out/install-desktop-entry.sh"

version=$(.venv/bin/python -c "import sellerdesk; print(sellerdesk.__version__)")
tarball="dist/SellerDesk-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" SellerDesk
echo "bundle: $out ($(du -sh "$out" | cut -f1)), archive: $tarball ($(du -sh "$tarball" | cut -f1))"
