; Inno Setup script: a per-user installer for Medido (no administrator rights), with a Start-menu
; entry and an uninstaller. Built by .github/workflows/windows.yml after packaging/build.py:
;   ISCC.exe /DAppVersion=0.1.0 packaging\medido.iss   ->  dist\installer\Medido-<version>-setup.exe

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{7C3E1B52-6E0B-4F0B-9F0E-2D1B8C6A4E11}
AppName=Medido
AppVersion={#AppVersion}
AppPublisher=Medido
DefaultDirName={localappdata}\Programs\Medido
DefaultGroupName=Medido
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=Medido-{#AppVersion}-setup
SetupIconFile=medido.ico
UninstallDisplayIcon={app}\Medido.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\Medido\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Medido"; Filename: "{app}\Medido.exe"
Name: "{userprograms}\Medido (demo)"; Filename: "{app}\Medido.exe"; Parameters: "--demo"
Name: "{userdesktop}\Medido"; Filename: "{app}\Medido.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Medido.exe"; Description: "{cm:LaunchProgram,Medido}"; Flags: nowait postinstall skipifsilent
