"""What goes into the frozen bundle and what is trimmed: plain data, so tests can check it.

The spec (installer/reportdesk.spec) imports this module; nothing here imports PyInstaller at module
level, so the rules can be tested without a build.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "ReportDesk"
EXE_NAME = "ReportDesk"
CLI_NAME = "reportdesk-cli"  # Windows only: the console twin of the windowed ReportDesk.exe

# Python modules that must never be bundled. The Qt bindings listed here are ones ReportDesk does not
# import (tests/installer/test_rules.py checks this against every import in src/). Note: the *library*
# libQt6Network stays, because libQt6Pdf links against it; only the Python binding is left out.
EXCLUDED_MODULES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "turtle",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "pdfplumber",
    "pdfminer",
    "pypdf",
    "ruff",
    "PyInstaller",
    "numpy",
    # ReportDesk works offline: no TLS (libssl + libcrypto, 5 MB); hashlib falls back to its built-in hashes
    "ssl",
    "_ssl",
    "_hashlib",
    # reportlab imports PIL.Image (so _imaging stays) but ReportDesk puts no pictures in reports: the
    # other image codecs and their libraries (AVIF alone is 5 MB) are left out
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PIL._imagingmath",
    "PIL._imagingmorph",
    # a window program has no interactive prompt; East Asian codecs other than Chinese (gb18030 stays)
    "readline",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_codecs_hk",
    "_codecs_iso2022",
    # python-docx uses lxml.etree only, the web-page reader lxml.html (not its diff/clean/soup extras)
    "lxml.objectify",
    "lxml.isoschematron",
    "lxml.html.diff",
    "lxml.html.clean",
    "lxml.html.soupparser",
    "lxml.html.ElementSoup",
    "lxml.html.html5parser",
    "lxml.html.formfill",
    "lxml.html.usedoctest",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    "PySide6.QtCharts",
)

# Qt shared libraries (Linux .so / Windows .dll, matched by stem) that no kept module or plugin needs.
# libQt6Network is NOT here: libQt6Pdf needs it (ldd libQt6Pdf.so.6).
EXCLUDED_QT_LIB_PATTERNS: tuple[str, ...] = (
    r"Qt6Qml",
    r"Qt6Quick",
    r"Qt6Labs",
    r"Qt6Lottie",
    r"Qt6Designer",
    r"Qt6Help",
    r"Qt6Sql",
    r"Qt6Test",
    r"Qt6Wayland",
    r"Qt6EglFs",
    r"Qt6EglFS",
    r"Qt6OpenGLWidgets",
    r"Qt6PdfQuick",
    r"Qt6VirtualKeyboard",
    r"Qt6ShaderTools",
    r"Qt6Svg",
)

# Plugin folders kept, and within some of them only certain plugins (by file stem without "lib"/"q").
KEPT_PLUGIN_DIRS: dict[str, tuple[str, ...] | None] = {
    # offscreen for the headless proof and tests, xcb for a Linux desktop, windows on Windows
    "platforms": ("offscreen", "xcb", "windows", "minimal"),
    # the app icon (ico), the logo and pictures (png is built into QtGui), jpeg for pictures. No SVG: the
    # program draws no SVG icon (its icons are .ico/.png), so neither the svg plugins nor libQt6Svg ship.
    "imageformats": ("ico", "jpeg"),
    "printsupport": None,
    "styles": None,  # Windows: qmodernwindowsstyle, the native look
    "platforminputcontexts": ("compose", "ibus"),  # Chinese input methods on Linux
    "platformthemes": ("xdgdesktopportal",),
}

# Of Qt's translations only the Chinese one for Qt's own dialogs (file dialog, print dialog) is kept.
KEPT_TRANSLATIONS: tuple[str, ...] = ("qtbase_zh_CN.qm",)

# Windows: Qt's software OpenGL renderer (20 MB); ReportDesk draws only widgets.
EXCLUDED_FILES: tuple[str, ...] = ("opengl32sw.dll",)

_LIB_RE = re.compile("|".join(EXCLUDED_QT_LIB_PATTERNS))

# Linux only: the desktop session's own libraries (X11/xcb client, fonts, D-Bus, GLib, the CUPS print client
# and what they pull in). They must match the machine's X server, font configuration and print server, the
# PySide6 wheel needs them from the system anyway (.ci/apt-packages.txt), and Windows has no counterpart, so
# the Linux bundle leaves them to the system (19 MB). Python's own libraries (libz, liblzma, libffi ...),
# libstdc++ and Qt/ICU stay in the bundle.
LINUX_SYSTEM_LIBS = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xi|xcb(-[a-z-]+)?|xkbcommon(-x11)?|fontconfig|freetype|png16|harfbuzz"
    r"|graphite2|brotli(common|dec|enc)|expat|glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|pcre2-8"
    r"|dbus-1|systemd|gcrypt|gpg-error|lz4|cap|cups|gnutls|p11-kit|unistring|nettle|hogweed|gmp|tasn1|idn2"
    r"|avahi-[a-z]+|krb5|krb5support|gssapi_krb5|k5crypto|com_err|keyutils|bsd|md|selinux|mount|blkid|tinfo|zstd)\.so"
)


def is_linux_system_lib(dest: str) -> bool:
    """A library at the top of the bundle that the Linux build takes from the system (see LINUX_SYSTEM_LIBS)."""
    parts = _parts(dest)
    return len(parts) == 1 and LINUX_SYSTEM_LIBS.match(parts[0]) is not None


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    for prefix in ("lib", "q"):
        if stem.startswith(prefix):
            stem = stem[len(prefix) :]
    return stem


def keep(dest: str) -> bool:
    """Whether the file at ``dest`` (its path inside the bundle) stays in the bundle."""
    parts = _parts(dest)
    name = parts[-1] if parts else dest
    if name.lower() in EXCLUDED_FILES:
        return False
    if "translations" in parts and ("PySide6" in parts or "Qt" in parts):
        return name in KEPT_TRANSLATIONS
    if "plugins" in parts and ("PySide6" in parts or "Qt" in parts):
        i = parts.index("plugins")
        if len(parts) < i + 3:  # a file directly in plugins/
            return True
        folder = parts[i + 1]
        if folder not in KEPT_PLUGIN_DIRS:
            return False
        wanted = KEPT_PLUGIN_DIRS[folder]
        if wanted is None:
            return True
        plugin = _plugin_name(name)
        return any(plugin == w or plugin.startswith(w + "-") or plugin.startswith(w + "platform") for w in wanted)
    if ("Qt6" in name or "Qt6" in dest) and _LIB_RE.search(name):
        return False
    # Qt's binding modules excluded above can still arrive as .abi3.so / .pyd through a hook
    mod = name.split(".")[0]
    return not (mod.startswith("Qt") and f"PySide6.{mod}" in EXCLUDED_MODULES and "PySide6" in parts)


def trim(toc):
    """The TOC (list of (dest, src, typecode)) without the entries ``keep`` refuses."""
    return [entry for entry in toc if keep(entry[0])]


def _is_root(entry) -> bool:
    dest, _src, kind = entry
    name = PurePath(dest).name
    return kind == "EXTENSION" or "plugins" in _parts(dest) or name.startswith(("libpython", "python3"))


def prune_unreachable(binaries, get_imports=None):
    """The binaries without shared libraries that no extension module or kept plugin needs.

    PyInstaller analyses the dependencies of every Qt plugin *before* ``trim`` drops plugins, so libraries
    only a dropped plugin needed (GTK, cairo, pango for the GTK theme) would stay. This walks the link-time
    dependencies again from what is kept. Linux only: on Windows the Qt DLLs are needed anyway.
    """
    if get_imports is None:
        from PyInstaller.depend.bindepend import get_imports
    by_name: dict[str, list] = {}
    for entry in binaries:
        by_name.setdefault(PurePath(entry[0]).name, []).append(entry)
    reached = {PurePath(e[0]).name for e in binaries if _is_root(e)}
    todo = [e[1] for e in binaries if _is_root(e) and e[2] != "SYMLINK"]
    seen: set[str] = set()
    while todo:
        src = todo.pop()
        if src in seen:
            continue
        seen.add(src)
        for name, _full in get_imports(src):
            base = PurePath(name).name
            if base in by_name and base not in reached:
                reached.add(base)
                todo += [e[1] for e in by_name[base] if e[2] != "SYMLINK"]
    return [e for e in binaries if PurePath(e[0]).name in reached]


def drop_dangling_symlinks(toc, binaries):
    """``toc`` without symbolic links whose target was pruned from ``binaries``."""
    present = {PurePath(e[0]).as_posix() for e in binaries}
    return [e for e in toc if e[2] != "SYMLINK" or PurePath(e[1]).as_posix() in present]


def project_version(root: Path = ROOT) -> str:
    """The version, as ``reportdesk.__version__`` writes it (pyproject.toml takes it from there too)."""
    text = (root / "src" / "reportdesk" / "__init__.py").read_text("utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def dist_info_name(version: str) -> str:
    return f"reportdesk-{version}.dist-info"


def write_dist_info(folder: Path, version: str) -> Path:
    """A minimal dist-info folder (METADATA) for the bundle, from pyproject.toml, installed or not."""
    target = folder / dist_info_name(version)
    target.mkdir(parents=True, exist_ok=True)
    (target / "METADATA").write_text(f"Metadata-Version: 2.1\nName: reportdesk\nVersion: {version}\n", "utf-8")
    return target


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def windows_version_info(version: str, exe_name: str = EXE_NAME):
    """A PyInstaller VSVersionInfo for the .exe's Properties → Details page (of ``exe_name``.exe)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple(version)
    description = "政府信息公开工作年度报告编制工具" + ("（命令行）" if exe_name == CLI_NAME else "")
    strings = [
        vi.StringStruct("CompanyName", "ReportDesk"),
        vi.StringStruct("FileDescription", description),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", exe_name),
        vi.StringStruct("LegalCopyright", "ReportDesk"),
        vi.StringStruct("OriginalFilename", f"{exe_name}.exe"),
        vi.StringStruct("ProductName", APP_NAME),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004, fileType=0x1),
        kids=[
            vi.StringFileInfo([vi.StringTable("080404B0", strings)]),  # zh-CN, Unicode
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0804, 1200])]),
        ],
    )


# ---------------------------------------------------------------- fonts (issue #14)
# The Windows one-folder bundle must stay under 150 MB; it was 144 MB with 19.3 MB of fonts before the
# title face (Noto Serif SC Bold, 1.7 MB) was added and the role fonts were packed with gzip (+2.0 MB).
BUNDLE_BUDGET_MB = 150
FONT_BUDGET_MB = 25
FONTS = ROOT / "resources" / "fonts"


def font_problems(folder: Path = FONTS) -> list[str]:
    """What is wrong with the shipped fonts: over the budget, or a font without its licence beside it."""
    problems = []
    total = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    if total > FONT_BUDGET_MB * 1e6:
        problems.append(f"resources/fonts is {total / 1e6:.1f} MB, over the {FONT_BUDGET_MB} MB budget")
    for font in sorted(folder.glob("*.ttf.*")):
        name = font.name.split(".")[0]
        if not (folder / f"{name}.LICENSE.txt").is_file():
            problems.append(f"{font.name} has no {name}.LICENSE.txt")
    return problems
