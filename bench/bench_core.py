"""Core benchmark: load and check one report, check 1,000 reports, save one report (issue #2)."""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).resolve().parent)]

from timing import median_seconds, report  # noqa: E402

from reportdesk.checks import check_report  # noqa: E402
from reportdesk.formats import PART3, CellRef  # noqa: E402
from reportdesk.model.project import load_project, save_project  # noqa: E402
from reportdesk.paths import demo_report_path  # noqa: E402


def main() -> None:
    print("core (issue #2)")
    path = demo_report_path()
    demo = load_project(path)
    report("load + check the demo report", median_seconds(lambda: check_report(load_project(path)), 50))
    report("full check of one report", median_seconds(lambda: check_report(demo), 200), goal=0.002)
    reports = []
    for i in range(1000):
        r = copy.deepcopy(demo)
        r.values[CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")] = 40 + i % 13  # some break the identity
        reports.append(r)
    report("check 1,000 reports in one process", median_seconds(lambda: [check_report(r) for r in reports], 5), goal=2.0)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "demo.rdproj"
        report("save one report (atomic, fsync, backup)", median_seconds(lambda: save_project(demo, target), 30))


if __name__ == "__main__":
    main()
