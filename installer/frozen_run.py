"""Run the frozen program and measure it: shared by tests/installer/test_frozen.py, bench/bench_frozen.py
and installer/prove_linux.sh. Standard library only (pypdf is used if present)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST_ENV = "REPORTDESK_FROZEN_DIST"
WINDOWS = sys.platform.startswith("win")
APP_TITLE = "政府信息公开工作年度报告编制工具"


def dist_dir() -> Path | None:
    """The one-folder bundle to test: $REPORTDESK_FROZEN_DIST, else None."""
    value = os.environ.get(DIST_ENV)
    return Path(value) if value else None


def exe(dist: Path, name: str | None = None) -> Path:
    """The program; by default the one with a console: reportdesk-cli.exe on Windows, ReportDesk on Linux."""
    if name is None:
        name = "reportdesk-cli" if WINDOWS else "ReportDesk"
    return dist / (name + (".exe" if WINDOWS else ""))


def internal(dist: Path) -> Path:
    return dist / "_internal"


def demo_project(dist: Path) -> Path:
    return internal(dist) / "resources" / "demo" / "demo.rdproj"


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_PLUGIN"))}
    env.update(REPORTDESK_HOME=str(home), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.update(extra)
    return env


def run_cli(dist: Path, args: list[str], home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(exe(dist)), *args],
        env=frozen_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def start_window(dist: Path, args: list[str], home: Path, timeout: float = 120) -> tuple[float, str, int, str]:
    """Start the window program offscreen until its first window is shown; it then leaves by itself.

    Returns (seconds from start to the window shown, the REPORTDESK_SHOWN line, exit code, stderr).
    """
    env = frozen_env(home, REPORTDESK_QUIT_AFTER_SHOWN="1")
    program = exe(dist)  # on Windows the console twin: the windowed .exe has no stdout
    started = time.time()
    proc = subprocess.Popen(
        [str(program), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    line = next((x for x in out.splitlines() if x.startswith("REPORTDESK_SHOWN ")), "")
    seconds = float(line.split()[1]) - started if line else float("nan")
    return seconds, line, proc.returncode, err


def folder_bytes(path: Path) -> int:
    if not path.is_dir():
        return 0
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def sizes(dist: Path) -> dict[str, float]:
    """Bundle sizes in MB (10^6 bytes): total, fonts, without fonts, and the biggest parts."""
    total = folder_bytes(dist)
    fonts = folder_bytes(internal(dist) / "resources" / "fonts")
    icu = sum(p.stat().st_size for p in internal(dist).rglob("libicu*") if p.is_file() and not p.is_symlink())
    return {"total": total / 1e6, "fonts": fonts / 1e6, "without_fonts": (total - fonts) / 1e6, "icu": icu / 1e6}


def biggest(dist: Path, count: int = 8) -> list[tuple[float, str]]:
    files = [p for p in dist.rglob("*") if p.is_file() and not p.is_symlink()]
    files.sort(key=lambda p: p.stat().st_size, reverse=True)
    return [(p.stat().st_size / 1e6, str(p.relative_to(dist))) for p in files[:count]]


def pdf_font_report(path: Path) -> list[tuple[str, bool, bool]]:
    """(font name, embedded?, used by any character?) for every font in the PDF pages' resources.

    "Used" comes from pdfplumber's characters when it is installed (else every font counts as used):
    a font that is only listed (reportlab lists Helvetica on every page) prints nothing.
    """
    from pypdf import PdfReader

    used: set[str] | None = None
    try:
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            used = {c["fontname"] for page in pdf.pages for c in page.chars}
    except ImportError:
        pass

    found: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?"))
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[name] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return sorted((name, embedded, used is None or name.lstrip("/") in used) for name, embedded in found.items())


def selftest(dist: Path, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """The frozen program's self-test (installer/reportdesk_main.py): every module, Qt PDF and print support."""
    return subprocess.run(
        [str(exe(dist))],
        env=frozen_env(home, REPORTDESK_FROZEN_SELFTEST="1"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def source_module_count(root: Path = ROOT) -> int:
    """How many reportdesk modules the source tree has, counted as the self-test walks them."""
    package = root / "src" / "reportdesk"
    count = 0
    for path in package.rglob("*.py"):
        if path.stem == "__main__":
            continue
        if path.name == "__init__.py":
            count += path.parent != package  # a subpackage counts; the top package is not walked
        else:
            count += 1
    return count
