# Build dist\SellerDesk (one folder) and, when Inno Setup 6 is installed, the installer.
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q -e ".[packaging]"
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\sellerdesk.spec
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $iscc) {
  $version = .venv\Scripts\python -c "import sellerdesk; print(sellerdesk.__version__)"
  & $iscc "/DAppVersion=$version" packaging\windows\sellerdesk.iss
} else {
  Write-Host "Inno Setup 6 not found: skipped the installer (dist\SellerDesk is ready to zip)."
}
