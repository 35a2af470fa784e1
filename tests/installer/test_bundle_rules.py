"""The trimming rules of the frozen bundle: what stays, what goes, and that nothing the app imports goes."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_rules as rules  # noqa: E402


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",  # libQt6Pdf links to it
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt6PdfWidgets.dll",
        "PySide6/QtPdf.abi3.so",
        "PySide6/QtPrintSupport.pyd",
        "resources/fonts/SourceHanSerifSC-Regular.otf",
        "ui/mainwindow.ui",
    ],
)
def test_kept(dest):
    assert rules.keep(dest)
    assert rules.keep(dest.replace("/", "\\"))


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/imageformats/libqgif.so",
        "PySide6/plugins/imageformats/qsvg.dll",  # the program draws no SVG
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/networkinformation/libqglib.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm",
        "PySide6/translations/qtdeclarative_zh_CN.qm",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QmlModels.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt6Quick.dll",
        "PySide6/opengl32sw.dll",
        "PySide6/QtQml.abi3.so",
        "PySide6/QtNetwork.pyd",
    ],
)
def test_dropped(dest):
    assert not rules.keep(dest)


def test_trim_keeps_toc_shape():
    toc = [("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"), ("resources/demo/demo.rdproj", "/r", "DATA")]
    assert rules.trim(toc) == [toc[1]]


def _pyside_imports() -> set[str]:
    found = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                found.add(".".join(node.module.split(".")[:2]))
            elif isinstance(node, ast.Import):
                found |= {".".join(a.name.split(".")[:2]) for a in node.names if a.name.startswith("PySide6.")}
    return found


def test_nothing_the_app_imports_is_excluded():
    imported = _pyside_imports()
    assert "PySide6.QtWidgets" in imported or not (ROOT / "src" / "reportdesk" / "app.py").exists()
    assert not imported & set(rules.EXCLUDED_MODULES), "bundle_rules.EXCLUDED_MODULES drops a module the app imports"
    for module in imported:
        lib = module.replace("PySide6.", "PySide6/Qt/lib/libQt6") + ".so.6"
        assert rules.keep(lib), f"the Qt library of {module} would be dropped"


def test_nothing_the_app_needs_at_run_time_is_excluded():
    third_party = {"docx", "reportlab", "platformdirs", "lxml", "PySide6", "shiboken6", "PIL", "lzma", "_lzma", "hashlib"}
    assert not third_party & {m for m in rules.EXCLUDED_MODULES if "." not in m}
    assert "lxml.etree" not in rules.EXCLUDED_MODULES and "PIL.Image" not in rules.EXCLUDED_MODULES


def test_prune_follows_link_time_dependencies():
    toc = [
        ("PySide6/QtWidgets.abi3.so", "/s/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/s/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/s/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/s/libgtk-3.so.0", "BINARY"),  # needed only by the dropped GTK theme plugin
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ]
    deps = {
        "/s/QtWidgets.abi3.so": [("libQt6Widgets.so.6", None)],
        "/s/libQt6Widgets.so.6": [("libQt6Core.so.6", None), ("libc.so.6", "/lib/libc.so.6")],
        "/s/libqxcb.so": [("libxcb-cursor.so.0", None)],
    }
    kept = rules.prune_unreachable(toc, get_imports=lambda src: deps.get(src, []))
    names = [e[0] for e in kept]
    assert "libgtk-3.so.0" not in names
    assert {"PySide6/Qt/lib/libQt6Core.so.6", "libxcb-cursor.so.0", "libQt6Core.so.6"} <= set(names)


def test_dangling_symlinks_are_dropped():
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
        ("resources/demo/demo.rdproj", "/r/demo.rdproj", "DATA"),
    ]
    assert [d[0] for d in rules.drop_dangling_symlinks(datas, binaries)] == ["libQt6Core.so.6", "resources/demo/demo.rdproj"]


def test_version_written_once():
    import tomllib
    from importlib.metadata import version

    import reportdesk

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "reportdesk.__version__"}
    assert rules.project_version() == reportdesk.__version__ == version("reportdesk")
    assert rules.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert rules.version_tuple("0.1.0+source") == (0, 1, 0, 0)
    assert rules.version_tuple("2026.1") == (2026, 1, 0, 0)


def test_dist_info_gives_importlib_metadata_the_version(tmp_path):
    from importlib.metadata import PathDistribution

    folder = rules.write_dist_info(tmp_path, "3.4.5")
    assert folder.name == "reportdesk-3.4.5.dist-info"
    assert PathDistribution(folder).version == "3.4.5"


@pytest.mark.skipif(not sys.platform.startswith("win"), reason="PyInstaller's version resource module loads only on Windows")
def test_windows_version_info():
    info = rules.windows_version_info("0.1.0")
    text = str(info)
    assert "filevers=(0, 1, 0, 0)" in text
    assert "政府信息公开工作年度报告编制工具" in text
    assert "ReportDesk.exe" in text


def test_windows_version_info_fields(monkeypatch):
    """The same on any system, with PyInstaller's version classes replaced by recorders."""
    import types

    fake = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct"):
        setattr(fake, name, lambda *args, _n=name, **kwargs: (_n, args, kwargs))
    pytest.importorskip("PyInstaller.utils.win32")
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.win32.versioninfo", fake)
    monkeypatch.delattr(sys.modules["PyInstaller.utils.win32"], "versioninfo", raising=False)
    kind, _args, kwargs = rules.windows_version_info("1.2.3")
    assert kind == "VSVersionInfo"
    assert kwargs["ffi"][2]["filevers"] == (1, 2, 3, 0) and kwargs["ffi"][2]["prodvers"] == (1, 2, 3, 0)
    string_table = kwargs["kids"][0][1][0][0]
    assert string_table[1][0] == "080404B0"  # Chinese (PRC), Unicode
    fields = dict(s[1] for s in string_table[1][1])
    assert fields["ProductVersion"] == "1.2.3" and fields["OriginalFilename"] == "ReportDesk.exe"
    assert fields["FileDescription"] == "政府信息公开工作年度报告编制工具"
    cli_table = rules.windows_version_info("1.2.3", rules.CLI_NAME)[2]["kids"][0][1][0][0]
    cli = dict(s[1] for s in cli_table[1][1])
    assert cli["OriginalFilename"] == "reportdesk-cli.exe" and cli["InternalName"] == "reportdesk-cli"


@pytest.mark.parametrize(
    ("dest", "system"),
    [
        ("libX11.so.6", True),
        ("libxcb-cursor.so.0", True),
        ("libxkbcommon-x11.so.0", True),
        ("libfontconfig.so.1", True),
        ("libglib-2.0.so.0", True),
        ("libcups.so.2", True),
        ("libgnutls.so.30", True),
        ("libdbus-1.so.3", True),
        ("libstdc++.so.6", False),  # Qt needs a newer one than old distributions have
        ("libpython3.11.so.1.0", False),
        ("libz.so.1", False),
        ("liblzma.so.5", False),
        ("libffi.so.8", False),
        ("libicudata.so.73", False),
        ("libQt6Gui.so.6", False),
        ("pillow.libs/libxcb-9065bb12.so.1.1.0", False),  # vendored by Pillow, not the system's
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", False),
    ],
)
def test_linux_system_libraries(dest, system):
    assert rules.is_linux_system_lib(dest) is system
