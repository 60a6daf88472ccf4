; Inno Setup script: a per-user installer for the one-folder bundle in dist\SellerDesk.
; Built by packaging\build_windows.ps1 (ISCC /DAppVersion=x.y.z).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0F3C3E-5D8A-4C21-9E0B-5E11D3E5C0DE}
AppName=SellerDesk 客户地址管家
AppVersion={#AppVersion}
AppPublisher=SellerDesk developers
DefaultDirName={autopf}\SellerDesk
DefaultGroupName=SellerDesk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=SellerDesk-{#AppVersion}-setup
SetupIconFile=sellerdesk.ico
UninstallDisplayIcon={app}\sellerdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\SellerDesk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\SellerDesk 客户地址管家"; Filename: "{app}\sellerdesk.exe"
Name: "{autodesktop}\SellerDesk 客户地址管家"; Filename: "{app}\sellerdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sellerdesk.exe"; Description: "{cm:LaunchProgram,SellerDesk}"; Flags: nowait postinstall skipifsilent

; The customer data lives in %APPDATA%\SellerDesk and is never removed by the uninstaller.
