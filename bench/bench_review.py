"""Review benchmark: batch review and 汇总 of 1,000 generated reports (issue #7)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent), str(ROOT / "tests" / "review")]

from review_gen import DEFECTS, inject, write_set, year_pair  # noqa: E402
from timing import median_seconds, report  # noqa: E402

from reportdesk.review import batch  # noqa: E402
from reportdesk.review.aggregate import aggregate, load_sources  # noqa: E402
from reportdesk.review.html_page import write_html  # noqa: E402
from reportdesk.review.table import write_csv  # noqa: E402

N = 1000


def main() -> None:
    print(f"review (issue #7): {N} generated reports, 1 in 10 with a known defect")
    last, now = year_pair(N, 2025)
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp) / "clean"
        write_set(clean, now)  # one year, one format: can be summed
        for i in range(0, N, 10):
            inject(now[i], DEFECTS[(i // 10) % len(DEFECTS)])
        here, there = Path(tmp) / "2025", Path(tmp) / "2024"
        write_set(there, last)
        write_set(here, now[: N // 2])
        write_set(here / "json", now[N // 2 :], ".json")
        rows = batch.review_paths([here], workers=1)
        assert len(rows) == N
        report(f"review {N} reports, one process", median_seconds(lambda: batch.review_paths([here], workers=1), 3))
        report(f"review {N} reports, two processes", median_seconds(lambda: batch.review_paths([here]), 5), goal=5.0)
        report(
            f"review {N} reports with last year's {N} (--previous)",
            median_seconds(lambda: batch.review_paths([here], previous=[there]), 5),
            goal=5.0,
        )
        files = batch.find_files([clean])
        report(
            f"aggregate {len(files)} reports (load + sum)",
            median_seconds(lambda: aggregate(load_sources(files)), 5),
            goal=2.0,
        )
        command = [sys.executable, "-m", "reportdesk", "review", "-q", str(here), "--previous", str(there)]
        command += ["--html", str(Path(tmp) / "cli.html"), "--csv", str(Path(tmp) / "cli.csv")]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        report(
            "`reportdesk review --previous --html --csv`, whole command",
            median_seconds(lambda: subprocess.run(command, env=env, capture_output=True, check=False), 3, warmup=0),
            goal=5.0,
        )
        report(f"write HTML page of {N} rows", median_seconds(lambda: write_html(rows, Path(tmp) / "r.html"), 5))
        report(f"write CSV of {N} rows", median_seconds(lambda: write_csv(rows, Path(tmp) / "r.csv"), 5))


if __name__ == "__main__":
    main()
