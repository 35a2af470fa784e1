"""The spec, the Inno Setup script, the workflow and the runtime hook say what the issue asks for."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def _read(name: str) -> str:
    return (INSTALLER / name).read_text("utf-8")


def test_spec_collects_what_paths_finds_in_a_bundle():
    spec = _read("reportdesk.spec")
    # reportdesk.paths looks for sys._MEIPASS/resources and sys._MEIPASS/ui
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '(str(ROOT / "ui"), "ui")' in spec
    paths_src = (ROOT / "src" / "reportdesk" / "paths.py").read_text("utf-8")
    assert '"resources")' in paths_src and '"ui")' in paths_src
    assert 'collect_submodules("reportdesk")' in spec
    assert "rthook_reportdesk.py" in spec and (INSTALLER / "hooks" / "rthook_reportdesk.py").is_file()
    assert "_multiprocessing_child()" in (INSTALLER / "reportdesk_main.py").read_text("utf-8")  # the pool's workers (test_frozen runs them)
    assert "reportdesk_main.py" in spec and (INSTALLER / "reportdesk_main.py").is_file()


def test_spec_is_one_folder_windowed_with_icon_and_version():
    spec = _read("reportdesk.spec")
    assert "COLLECT(" in spec and "exclude_binaries=True" in spec  # one folder, not one file
    assert re.search(r"console=not WINDOWS", spec)  # windowed on Windows
    assert "reportdesk.ico" in spec and (ROOT / "resources" / "icons" / "reportdesk.ico").is_file()
    assert "windows_version_info(VERSION, name)" in spec and "project_version(ROOT)" in spec
    assert "version=version_info(rules.EXE_NAME)" in spec and "version=version_info(rules.CLI_NAME)" in spec
    assert "rules.trim(a.binaries)" in spec and "rules.trim(a.datas)" in spec
    assert "excludes=list(rules.EXCLUDED_MODULES)" in spec


def test_icons_are_multi_size_ico_files():
    import struct

    for name in ("reportdesk.ico", "rdproj.ico"):
        data = (ROOT / "resources" / "icons" / name).read_bytes()
        reserved, kind, count = struct.unpack("<HHH", data[:6])
        assert (reserved, kind) == (0, 1) and count >= 4
        sizes = {data[6 + 16 * i] or 256 for i in range(count)}
        assert {16, 32, 48, 256} <= sizes


def test_inno_setup_script():
    # Inno Setup reads a script as UTF-8 only with a byte-order mark (else the Windows code page)
    assert (INSTALLER / "reportdesk.iss").read_bytes().startswith(b"\xef\xbb\xbf")
    iss = _read("reportdesk.iss")
    assert "PrivilegesRequired=lowest" in iss
    assert "PrivilegesRequiredOverridesAllowed" not in iss  # never asks to elevate
    assert "OutputBaseFilename=ReportDesk-Setup-{#AppVersion}" in iss
    assert "{localappdata}\\Programs\\ReportDesk" in iss
    # Start menu, and a desktop shortcut that is offered unticked
    assert re.search(r'^Name: "\{group\}\\', iss, re.M)
    assert re.search(r'^Name: "\{userdesktop\}.*Tasks: desktopicon', iss, re.M)
    assert re.search(r'^Name: "desktopicon".*Flags: unchecked', iss, re.M)
    # .rdproj association with its own icon, per user
    assert 'Root: HKCU; Subkey: "Software\\Classes\\.rdproj"' in iss
    assert "rdproj.ico,0" in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss
    assert "HKLM" not in iss and "HKA" not in iss
    # uninstall removes only what was installed: user data stays
    assert "[UninstallDelete]" not in iss
    assert "{localappdata}\\ReportDesk'" in iss
    # Chinese installer text
    assert "ChineseSimplified.isl" in iss and "ShowLanguageDialog=no" in iss
    assert "chs.UserDataKept=" in iss


def test_inno_version_and_bundle_come_from_the_build_script():
    build = _read("build.py")
    for define in ("/DAppVersion=", "/DAppVersionNumeric=", "/DBundleDir=", "/O"):
        assert define in build
    assert "#ifndef AppVersion" in _read("reportdesk.iss")


def test_windows_workflow():
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text("utf-8")
    yaml = pytest.importorskip("yaml")
    flow = yaml.safe_load(text)
    job = flow["jobs"]["installer"]
    assert job["runs-on"] == "windows-latest"
    steps = job["steps"]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["python-version"] == "3.12"
    runs = "\n".join(s.get("run", "") for s in steps)
    assert 'pip install -e ".[test,build]"' in runs
    assert "pytest" in runs and "installer/build.py" in runs and "innosetup" in runs
    assert "-m slow tests/installer" in runs  # the same frozen tests as the Linux proof
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "ReportDesk-Setup-" in upload["with"]["path"]


def test_runtime_hook_in_a_windowed_process(tmp_path):
    """No console (stdout None): output goes to the log file; the hook imports nothing of Qt or of the review."""
    code = (
        "import sys, runpy; sys.stdout = None; sys.stderr = None\n"
        f"runpy.run_path({str(INSTALLER / 'hooks' / 'rthook_reportdesk.py')!r})\n"
        "print('after the hook')\n"
        "assert 'PySide6.QtCore' not in sys.modules and 'reportdesk.review.batch' not in sys.modules\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), REPORTDESK_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "after the hook" in (tmp_path / "logs" / "console.log").read_text("utf-8")


def test_entry_shows_the_demo_window_and_leaves(tmp_path):
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src"),
        QT_QPA_PLATFORM="offscreen",
        REPORTDESK_QUIT_AFTER_SHOWN="1",
        REPORTDESK_HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, str(INSTALLER / "reportdesk_main.py"), "--demo"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    shown = [line for line in done.stdout.splitlines() if line.startswith("REPORTDESK_SHOWN ")]
    assert len(shown) == 1
    assert "政府信息公开工作年度报告编制工具" in shown[0] or "ReportDesk" in shown[0]


def test_entry_runs_cli_commands(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), REPORTDESK_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(INSTALLER / "reportdesk_main.py"), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.startswith("ReportDesk ")


def test_user_guide_covers_the_clerks_tasks_with_screenshots():
    guide = (ROOT / "docs" / "user-guide.md").read_text("utf-8")
    headings = ("## 一、安装", "## 二、编写第一份报告", "## 三、导入上年的报告", "## 四、检查", "## 五、导出和打印", "## 六、批量审阅")
    for heading in headings:
        assert heading in guide
    images = re.findall(r"!\[[^\]]*\]\((images/[^)]+)\)", guide)
    assert len(images) >= 6
    for image in images:
        path = ROOT / "docs" / image
        assert path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image
    shots = (ROOT / "tools" / "take_screenshots.py").read_text("utf-8")
    assert all(Path(image).name in shots for image in images if "export-pdf" not in image)


def test_entry_self_test_from_source(tmp_path):
    sys.path.insert(0, str(INSTALLER))
    import frozen_run

    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src"),
        QT_QPA_PLATFORM="offscreen",
        REPORTDESK_FROZEN_SELFTEST="1",
        REPORTDESK_HOME=str(tmp_path),
    )
    done = subprocess.run([sys.executable, str(INSTALLER / "reportdesk_main.py")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f" modules={frozen_run.source_module_count()} failed=0 pdf_pages=1 blank=0 translation=1" in done.stdout


def test_readme_set_up_commands_and_system_packages():
    """The README's two commands, and its Linux packages are exactly the ones CI installs."""
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    assert "python3 -m pip install -e . && reportdesk --demo\n" in blocks
    assert 'python3 -m pip install -e ".[test]" && python3 -m pytest\n' in blocks
    listed = (ROOT / ".ci" / "apt-packages.txt").read_text("utf-8").splitlines()
    apt = {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    section = readme[readme.index("On Linux these system packages") : readme.index("Windows needs nothing")]
    named = {w for code in re.findall(r"`([^`]+)`", section) for w in code.split() if "/" not in w}
    assert named == apt


def test_windows_user_data_is_where_the_installer_says_it_is_kept(monkeypatch, tmp_path):
    """platformdirs on Windows puts settings, recovery files, logs and cache under %LOCALAPPDATA%\\ReportDesk,
    the folder the uninstaller keeps and names (reportdesk.iss), and nothing under the roaming %APPDATA%."""
    import platformdirs
    import platformdirs.windows
    from platformdirs.windows import Windows

    from reportdesk import paths

    local, roaming = tmp_path / "Local", tmp_path / "Roaming"
    folders = {"CSIDL_LOCAL_APPDATA": str(local), "CSIDL_APPDATA": str(roaming)}
    monkeypatch.delenv("REPORTDESK_HOME", raising=False)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    for kind in ("config", "data", "log", "cache"):
        name = f"user_{kind}_dir"
        monkeypatch.setattr(platformdirs, name, lambda *a, _n=name, **k: getattr(Windows(*a, **k), _n))
    found = [paths.config_dir(), paths.settings_file(), paths.recovery_dir(), paths.log_dir(), paths.lock_dir(), paths.cache_dir()]
    for path in found:
        assert path.is_relative_to(local / "ReportDesk"), path
    assert not roaming.exists()
    iss = _read("reportdesk.iss")
    assert "ExpandConstant('{localappdata}\\ReportDesk')" in iss
    assert "%LOCALAPPDATA%\\ReportDesk" in (ROOT / "docs" / "user-guide.md").read_text("utf-8")


def test_open_with_entry_is_removed_whole_on_uninstall():
    iss = _read("reportdesk.iss")
    app_key = 'Subkey: "Software\\Classes\\Applications\\{#AppExe}";'
    line = next(x for x in iss.splitlines() if app_key in x)
    assert "uninsdeletekey" in line
    flow = (ROOT / ".github" / "workflows" / "windows.yml").read_text("utf-8")
    assert "Applications\\ReportDesk.exe" in flow and "ReportDesk.Project" in flow


def test_build_script_finds_inno_setup_where_it_installs(monkeypatch, tmp_path):
    import importlib.util

    # by path: "build" is also the name of PyPA's build package
    spec = importlib.util.spec_from_file_location("reportdesk_installer_build", INSTALLER / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    iscc = tmp_path / "x86" / "Inno Setup 6" / "ISCC.exe"
    iscc.parent.mkdir(parents=True)
    iscc.write_bytes(b"")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    monkeypatch.setenv("PROGRAMFILES(X86)", str(tmp_path / "x86"))
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert build.find_iscc() == str(iscc)
    monkeypatch.setenv("PROGRAMFILES(X86)", str(tmp_path / "none"))
    assert build.find_iscc() is None


def test_user_guide_names_the_real_menus_and_formats():
    """What the guide tells the clerk to click exists in the window, and the format years are the formats' own."""
    from reportdesk.formats import FORMAT_2019, FORMAT_2021

    guide = (ROOT / "docs" / "user-guide.md").read_text("utf-8")
    ui = "\n".join(p.read_text("utf-8") for p in (ROOT / "src" / "reportdesk" / "ui").glob("*.py"))
    for menu, item in re.findall(r"\*\*(文件|编辑|检查|导出|帮助) → ([^*（]+?)\*\*", guide):
        assert f'tr("{menu}(&' in ui and f'"{item}"' in ui, (menu, item)
    for quoted in ("新建…", "打开…", "保存", "批量审阅…", "导出 Word(.docx)…", "导出 PDF…", "打印预览…", "打印…", "导出字体…",
                   "打开文件夹…", "上年报告文件夹…", "导出网页…", "导出表格…", "只看有错误的报告", "填写说明"):
        assert quoted in guide and f'"{quoted}"' in ui, quoted
    assert (FORMAT_2019.first_year, FORMAT_2019.last_year, FORMAT_2021.first_year) == (2019, 2020, 2021)
    assert "〔2021〕30号\n（2021 年度及以后的报告）" in guide and "〔2019〕60号（2019、2020 年度报告）" in guide


def test_inno_setup_script_names_files_that_exist():
    """Every file the .iss takes from the checkout exists, and the program it registers is the spec's windowed .exe."""
    sys.path.insert(0, str(INSTALLER))
    import bundle_rules as rules

    iss = _read("reportdesk.iss")
    relative = re.findall(r'^(?:Source: "|SetupIconFile=)(\.\.\\[^"\r\n]+)', iss, re.M)
    assert len(relative) >= 2
    for name in relative:
        assert (INSTALLER / name.replace("\\", "/")).is_file(), name
    assert f'#define AppExe "{rules.EXE_NAME}.exe"' in iss
    assert '#define BundleDir AddBackslash(SourcePath) + "..\\dist\\' + rules.APP_NAME + '"' in iss
    assert 'Source: "{#BundleDir}\\*"' in iss and "recursesubdirs" in iss
