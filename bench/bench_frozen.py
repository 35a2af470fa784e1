"""Frozen-app benchmark (issue #6): bundle size, cold start to a shown window, export of the demo report.

Runs against the one-folder bundle in $REPORTDESK_FROZEN_DIST (default dist/ReportDesk); build it first
with `python installer/build.py --skip-tests` (installer/prove_linux.sh does both). Without a bundle it
says so and exits 0, so `python bench/run.py` still runs the other benchmarks.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "installer"), str(ROOT / "src"), str(Path(__file__).resolve().parent)]

import frozen_run as fr  # noqa: E402
from timing import report  # noqa: E402

GOAL_MB, GOAL_START, GOAL_EXPORT = 150.0, 1.5, 1.0
RUNS = 5


def _has_exporter() -> bool:
    try:
        return hasattr(importlib.import_module("reportdesk.exporters"), "export_report")
    except ImportError:
        return False


def main() -> int:
    dist = fr.dist_dir() or ROOT / "dist" / "ReportDesk"
    print(f"frozen app (issue #6): {dist}")
    if not fr.exe(dist).is_file():
        print("  no frozen bundle: build it with `python installer/build.py --skip-tests`")
        return 0
    size = fr.sizes(dist)
    verdict = "ok" if size["total"] < GOAL_MB else "MISSED"
    print(
        f"  {'one-folder bundle size':<52} {size['total']:9.1f} MB  goal < {GOAL_MB:g} MB  {verdict}"
        f"  (fonts {size['fonts']:.1f} MB, ICU {size['icu']:.1f} MB, without fonts {size['without_fonts']:.1f} MB)"
    )
    for mb, name in fr.biggest(dist, 6):
        print(f"      {mb:6.1f} MB  {name}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        starts = []
        first = None
        for i in range(RUNS + 1):
            seconds, line, code, err = fr.start_window(dist, ["--demo"], home)
            if not line or code != 0:
                print(f"  the window did not start (exit {code}): {err.strip()[-400:]}")
                return 1
            if i == 0:
                first = seconds
            else:
                starts.append(seconds)
        report(f"cold start to shown window (first run {first:.2f} s)", statistics.median(starts), goal=GOAL_START)
        if _has_exporter():
            times = []
            for i in range(RUNS):
                docx, pdf = home / f"d{i}.docx", home / f"d{i}.pdf"
                started = time.perf_counter()
                done = fr.run_cli(dist, ["export", str(fr.demo_project(dist)), "--docx", str(docx), "--pdf", str(pdf)], home)
                times.append(time.perf_counter() - started)
                if done.returncode != 0:
                    print(f"  export failed: {done.stderr.strip()[-400:]}")
                    return 1
            report("export of the demo report, .docx + PDF (whole process)", statistics.median(times), goal=GOAL_EXPORT)
        else:
            print("  export: reportdesk.exporters.export_report is not in this tree yet")
        started = time.perf_counter()
        fr.run_cli(dist, ["check", str(fr.demo_project(dist))], home)
        report("check of the demo report (whole process, one run)", time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
