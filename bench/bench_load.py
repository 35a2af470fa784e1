"""Loading 1,000 reports (issue #15 item 6): project files and interchange JSON, from text and from disk.

Every number of a report is read by ``values.from_json``; a fast path for plain counts is what this
measures (the issue's trial cut loading 1,000 reports by a third).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent), str(ROOT / "tests" / "review")]

from review_gen import write_set, year_pair  # noqa: E402
from timing import median_seconds, report  # noqa: E402

from reportdesk.loading import load_report  # noqa: E402
from reportdesk.model.project import load_project, loads_project  # noqa: E402

N = 1000


def main() -> None:
    print(f"load (issue #15 item 6): {N} generated reports")
    _, now = year_pair(N, 2025)
    with tempfile.TemporaryDirectory() as tmp:
        projects = write_set(Path(tmp) / "rdproj", now)
        jsons = write_set(Path(tmp) / "json", now, ".json")
        project_texts = [p.read_text("utf-8") for p in projects]
        report(
            f"parse {N} project texts (loads_project)",
            median_seconds(lambda: [loads_project(t) for t in project_texts], 5),
        )
        report(f"load {N} project files (load_project)", median_seconds(lambda: [load_project(p) for p in projects], 5))
        report(f"load {N} interchange files (load_report)", median_seconds(lambda: [load_report(p) for p in jsons], 5))


if __name__ == "__main__":
    main()
