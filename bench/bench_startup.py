"""Start-up ratios (issue #15 item 5), each pair measured side by side in one run:

- the window with the demo report against a bare PySide6 window (goal: within 2×);
- a frozen ``check`` of the demo against the same ``check`` from this Python (goal: within 1.2×), when a
  bundle exists ($REPORTDESK_FROZEN_DIST or dist/ReportDesk; installer/prove_linux.sh builds one).

Whole processes, started the way a clerk or a script starts them; medians of alternating runs, so a busy
machine slows both sides alike. Our modules run from cached bytecode, as they do for a clerk (pip compiles
them at install, the bundle holds them compiled): with PYTHONDONTWRITEBYTECODE=1 (as in some shells here)
an editable install would compile every module of ours at each start, which no clerk's start does. The
cache is a folder of its own (PYTHONPYCACHEPREFIX), filled by the warm-up run; ``--no-bytecode`` measures
the compiling start instead.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "installer"), str(ROOT / "src")]

import frozen_run as fr  # noqa: E402

RUNS = 11
BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QMainWindow(); w.resize(1024, 700); w.show()\n"
    "QTimer.singleShot(0, lambda: app.exit(0))\n"
    "sys.exit(app.exec())\n"
)


def _seconds(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # check exits 1 when the report has errors
        raise RuntimeError(f"{cmd[:3]} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return elapsed


def _pair(name: str, ours: list[str], base: list[str], env: dict[str, str], goal: float) -> None:
    _seconds(ours, env), _seconds(base, env)  # warm the file cache for both
    a, b = [], []
    for _ in range(RUNS):
        a.append(_seconds(ours, env))
        b.append(_seconds(base, env))
    ours_s, base_s = statistics.median(a), statistics.median(b)
    ratio = ours_s / base_s
    verdict = "ok" if ratio <= goal else "MISSED"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(
        f"  {name:<52} {ours_s * 1000:7.0f} ms / {base_s * 1000:5.0f} ms = {ratio:4.2f}×  goal ≤ {goal:g}×  {verdict}"
        f"  (load {load})",
        flush=True,
    )


def main() -> int:
    compiling = "--no-bytecode" in sys.argv[1:]
    print("start-up ratios (issue #15)" + (", our modules compiled at each start" if compiling else ""))
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), REPORTDESK_HOME=home)
        if compiling:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        window_env = dict(env, REPORTDESK_QUIT_AFTER_SHOWN="1")
        entry = str(ROOT / "installer" / "reportdesk_main.py")
        _pair(
            "window with the demo / bare PySide6 window",
            [sys.executable, entry, "--demo"],
            [sys.executable, "-c", BARE_WINDOW],
            dict(window_env, PYTHONPATH=str(ROOT / "src")),
            2.0,
        )
        dist = fr.dist_dir() or ROOT / "dist" / "ReportDesk"
        if not fr.exe(dist).is_file():
            print("  frozen check: no bundle (installer/prove_linux.sh builds one)")
            return 0
        demo = str(fr.demo_project(dist))
        _pair(
            "check of the demo: frozen / this Python",
            [str(fr.exe(dist)), "check", demo],
            [sys.executable, "-m", "reportdesk", "check", demo],
            fr.frozen_env(Path(home)),
            1.2,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
