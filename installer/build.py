"""Build ReportDesk: run the tests, freeze with PyInstaller, then (on Windows) compile the installer.

    python installer/build.py                 # tests → dist/ReportDesk → dist/ReportDesk-Setup-<version>.exe
    python installer/build.py --skip-tests    # when CI has just run them
    python installer/build.py --no-installer  # stop after PyInstaller (always the case off Windows)

The one-folder bundle is dist/ReportDesk; its size is printed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_rules as rules  # noqa: E402

WINDOWS = sys.platform.startswith("win")


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"), os.environ.get("LOCALAPPDATA")):
        if not base:
            continue
        # Inno Setup 6 installs in "Inno Setup 6" (a per-user install: %LOCALAPPDATA%\Programs\Inno Setup 6)
        for folder in (Path(base), Path(base) / "Programs"):
            found = sorted(folder.glob("Inno Setup */ISCC.exe"), reverse=True) if folder.is_dir() else []
            if found:
                return str(found[0])
    return None


def run_tests() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], env=env)


def freeze(dist: Path, work: Path) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(work), str(ROOT / "installer" / "reportdesk.spec")]
    run(cmd)
    bundle = dist / rules.APP_NAME
    if not (bundle / (rules.EXE_NAME + (".exe" if WINDOWS else ""))).is_file():
        raise SystemExit(f"PyInstaller did not produce {bundle}")
    return bundle


def compile_installer(bundle: Path, dist: Path, version: str) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("Inno Setup (iscc) not found: install it (choco install innosetup) or pass --no-installer")
    script = ROOT / "installer" / "reportdesk.iss"
    numeric = ".".join(str(n) for n in rules.version_tuple(version))
    run([iscc, f"/DAppVersion={version}", f"/DAppVersionNumeric={numeric}", f"/DBundleDir={bundle}", f"/O{dist}", str(script)])
    setup = dist / f"ReportDesk-Setup-{version}.exe"
    if not setup.is_file():
        raise SystemExit(f"Inno Setup did not produce {setup}")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true")
    parser.add_argument("--no-installer", action="store_true")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    version = rules.project_version()
    started = time.perf_counter()
    if not args.skip_tests:
        run_tests()
    bundle = freeze(args.dist.resolve(), args.work.resolve())
    size = folder_size(bundle)
    fonts = folder_size(bundle / "_internal" / "resources" / "fonts") if (bundle / "_internal").is_dir() else 0
    print(f"bundle {bundle}: {size / 1e6:.1f} MB (fonts {fonts / 1e6:.1f} MB, without fonts {(size - fonts) / 1e6:.1f} MB)")
    if WINDOWS and not args.no_installer:
        setup = compile_installer(bundle, args.dist.resolve(), version)
        print(f"installer {setup}: {setup.stat().st_size / 1e6:.1f} MB")
    elif not WINDOWS:
        print("not on Windows: the installer (Inno Setup) is built by .github/workflows/windows.yml")
    print(f"built ReportDesk {version} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
