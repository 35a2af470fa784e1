"""Editor benchmark (issue #3): start-up to a shown window, one edit to updated totals and findings, memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent)]

from timing import median_seconds, report  # noqa: E402

STARTUP = """
import sys, time
t0 = float(sys.argv[1])
from reportdesk.app import make_app, open_window
app = make_app()
w = open_window(demo=True)
app.processEvents()
shown = time.time()
rss = 0
try:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) * 1024
except OSError:
    pass
print(shown - t0, rss)
"""


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORTDESK_HOME=home)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def startup(runs: int = 7) -> tuple[float, float]:
    times, rss = [], []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(runs + 1):
            t0 = time.time()
            out = subprocess.run(
                [sys.executable, "-c", STARTUP, str(t0)], env=_env(home), capture_output=True, text=True, check=True
            )
            seconds, memory = out.stdout.split()
            times.append(float(seconds))
            rss.append(int(memory))
    return statistics.median(times[1:]), statistics.median(rss[1:])  # the first run warms the disk cache


def edit_timings() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp()
    os.environ["REPORTDESK_HOME"] = home
    from PySide6.QtCore import Qt

    from reportdesk.app import make_app, open_window
    from reportdesk.formats import PART3, CellRef

    app = make_app()
    w = open_window(demo=True)
    w.show_section("part3")
    app.processEvents()
    page = w.pages["part3"]
    p3 = w.report.format.part3
    ref = CellRef(PART3, p3.input_rows[0], p3.input_columns[0])
    idx = page.model.index_of(ref)
    values = iter(range(10**9))

    def edit() -> None:  # alternates between a balanced and an unbalanced table
        page.model.setData(idx, str(46 + next(values) % 2), Qt.ItemDataRole.EditRole)

    def edit_and_paint() -> None:
        edit()
        app.processEvents()

    report("one cell edit -> totals, highlights, findings", median_seconds(edit, 300), goal=0.005)
    report("  … and the repaint of the window", median_seconds(edit_and_paint, 100), goal=0.016)
    report(
        "switch to part 三 and back",
        median_seconds(lambda: (w.show_section("part4"), w.show_section("part3"), app.processEvents()), 30),
    )
    w.doc.undo_stack.setClean()
    w.close()


def main() -> None:
    print("editor (issue #3)")
    seconds, rss = startup()
    report("start-up to shown window with the demo (offscreen)", seconds, goal=0.6)
    print(
        f"  {'resident memory with the demo open':<52} median {rss / 2**20:9.1f} MB  goal < 200 MB  {'ok' if rss < 200 * 2**20 else 'MISSED'}"
    )
    edit_timings()


if __name__ == "__main__":
    main()
