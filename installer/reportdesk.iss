; Inno Setup 6 script: ReportDesk-Setup-<version>.exe, a per-user install without administrator rights.
; Built by installer/build.py (iscc /DAppVersion=... /DAppVersionNumeric=... /DBundleDir=... /O<dist> reportdesk.iss)
; after PyInstaller has made the one-folder bundle (dist\ReportDesk).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\ReportDesk"
#endif
#define AppExe "ReportDesk.exe"
#define AppTitle "政府信息公开工作年度报告编制工具"
#define ProgId "ReportDesk.Project"

[Setup]
AppId={{6F1C2B7A-3E59-4B8D-A0C4-9D2E71F5B3A8}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=ReportDesk
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName=ReportDesk
VersionInfoDescription={#AppTitle} 安装程序
; per-user: no UAC prompt, installs under %LOCALAPPDATA%\Programs, writes only HKCU
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ReportDesk
DefaultGroupName=ReportDesk
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=ReportDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\reportdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppTitle}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
; Inno Setup 6.5+ ships ChineseSimplified.isl; older versions have it only among the unofficial translations
; (jrsoftware/issrc Files/Languages/Unofficial/ChineseSimplified.isl), which the Windows workflow puts here.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\SimplifiedChinese.isl")
Name: "chs"; MessagesFile: "compiler:Languages\SimplifiedChinese.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chs"; MessagesFile: "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: install Inno Setup 6.5 or later, or put the file next to reportdesk.iss
#endif

[CustomMessages]
chs.ProjectFileType=年度报告项目
chs.LaunchApp=启动年度报告编制工具
chs.UninstallApp=卸载年度报告编制工具
chs.UserDataKept=已卸载程序。您的报告项目和设置没有删除：项目文件仍在您保存它们的位置，设置和自动恢复文件在 %1。

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\resources\icons\rdproj.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallApp}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .rdproj opens in ReportDesk, with its own icon (per user: HKCU\Software\Classes)
Root: HKCU; Subkey: "Software\Classes\.rdproj"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.rdproj\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFileType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\rdproj.ico,0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with": the program's own entry, removed whole on uninstall
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppTitle}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".rdproj"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

; Uninstall removes only what Setup installed. The user's projects (wherever they saved them) and
; %LOCALAPPDATA%\ReportDesk (settings, recovery files, logs) are kept: there is no UninstallDelete section.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('UserDataKept'), [ExpandConstant('{localappdata}\ReportDesk')]), mbInformation, MB_OK);
end;
