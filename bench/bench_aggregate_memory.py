"""汇总 of 10,000 reports: peak memory when every report is loaded first (the old way, kept as
``load_sources`` + ``aggregate``) against summing while loading (``aggregate_files``), issue #15 item 6.

Each measurement runs in a fresh process and prints its peak RSS (ru_maxrss); the process that only
imports the modules and lists the files is the floor.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent), str(ROOT / "tests" / "review")]

from review_gen import agency_name, make_report  # noqa: E402

from reportdesk.model.project import report_to_project  # noqa: E402

N = int(os.environ.get("BENCH_AGGREGATE_N", "10000"))
DISTINCT = 50  # distinct figures; each file gets its own agency name

CHILD = """
import resource, sys, time
from reportdesk.review.aggregate import aggregate, aggregate_files, load_sources
from reportdesk.review.folder import find_files
files = find_files([sys.argv[2]])
start = time.perf_counter()
if sys.argv[1] == "load-then-sum":
    summary = aggregate(load_sources(files))
elif sys.argv[1] == "sum-while-loading":
    summary = aggregate_files(files)
else:
    summary = None
seconds = time.perf_counter() - start
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, seconds, len(summary.sources) if summary else 0)
"""


def write_folder(folder: Path) -> None:
    folder.mkdir()
    bases = [report_to_project(make_report(agency_name(i), 2025, seed=i)) for i in range(DISTINCT)]
    for i in range(N):
        data = bases[i % DISTINCT]
        data["report"]["agency"] = f"{agency_name(i)}{i}"
        (folder / f"{i:05d}.rdproj").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def measure(mode: str, folder: Path) -> tuple[float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder)], env=env, capture_output=True, text=True, check=True
    )
    mb, seconds, n = out.stdout.split()
    return float(mb), float(seconds), int(n)


def main() -> None:
    print(f"aggregate memory (issue #15 item 6): {N} generated reports, peak RSS of a fresh process")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        start = time.perf_counter()
        write_folder(folder)
        print(f"  (wrote {N} project files in {time.perf_counter() - start:.1f} s)")
        floor, _, _ = measure("floor", folder)
        print(f"  {'imports + file list only':<40} peak {floor:8.1f} MB")
        for mode in ("load-then-sum", "sum-while-loading"):
            mb, seconds, n = measure(mode, folder)
            assert n == N
            print(f"  {mode:<40} peak {mb:8.1f} MB  (+{mb - floor:7.1f} MB)  {seconds:6.2f} s", flush=True)


if __name__ == "__main__":
    main()
