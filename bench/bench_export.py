"""Export benchmark (issue #4): the demo report to .docx and PDF, fresh process and warm.

Fresh: a new Python process imports everything, loads the fonts (unpacked ones from the cache, as
after the first export on a machine) and writes both files. First after installing: the same with an
empty cache (the role fonts unpacked from the bundle; issue #14 wants it within 1.2x of the former).
Warm: the same in a running process.
The .docx alone: its tables break where the PDF's do, so it lays the report out as the PDF would
(drawing nothing) unless a PDF of the same text was made before: measured both ways, and fresh.
Where LibreOffice is installed, its .docx -> PDF conversion is measured beside it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path[:0] = [str(SRC), str(Path(__file__).resolve().parent)]

from timing import median_seconds, report  # noqa: E402

from reportdesk.exporters import export_report  # noqa: E402
from reportdesk.loading import load_report  # noqa: E402
from reportdesk.paths import demo_report_path  # noqa: E402

FRESH = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {src!r})
from reportdesk.exporters import export_report
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path
export_report(load_report(demo_report_path()), docx={docx!r}, pdf={pdf!r})
print(time.perf_counter() - start)
"""


DOCX_ALONE = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {src!r})
from reportdesk.exporters import export_report
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path
export_report(load_report(demo_report_path()), docx={docx!r})
print(time.perf_counter() - start)
"""


def _fresh_run(code: str, home: Path | None = None) -> float:
    env = None if home is None else {**os.environ, "REPORTDESK_HOME": str(home)}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return float(out.stdout.strip())


def fresh_seconds(tmp: Path, runs: int = 7) -> tuple[float, float]:
    """Medians of a new process exporting the demo: with the fonts in the cache, and on a fresh install
    (empty cache). The two alternate, so that a busy machine weighs on both alike."""
    code = FRESH.format(src=str(SRC), docx=str(tmp / "f.docx"), pdf=str(tmp / "f.pdf"))
    _fresh_run(code)  # unpack the fonts into the cache once
    later, first = [], []
    for i in range(runs):
        later.append(_fresh_run(code))
        first.append(_fresh_run(code, tmp / "fresh-installs" / str(i)))  # nothing unpacked yet
    return statistics.median(later), statistics.median(first)


def main() -> None:
    print("export (issue #4)")
    demo = load_report(demo_report_path())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        warm_process, first = fresh_seconds(tmp)
        report("demo -> .docx + PDF, fresh process (imports, fonts)", warm_process, goal=0.5)
        report("demo -> .docx + PDF, first after installing (empty cache)", first)
        print(f"  first export after installing / later ones: {first / warm_process:.2f}x (goal <= 1.2x)",
              flush=True)
        report("demo -> .docx + PDF, warm", median_seconds(
            lambda: export_report(demo, docx=tmp / "w.docx", pdf=tmp / "w.pdf"), 10), goal=0.15)
        report("demo -> .docx, warm (its PDF made before)", median_seconds(
            lambda: export_report(demo, docx=tmp / "d.docx"), 10))
        edits = itertools.count()
        base_title = demo.title

        def edited_docx() -> None:  # an edit since the last export: the breaks are laid out again
            demo.title = f"{base_title}{next(edits)}"
            export_report(demo, docx=tmp / "e.docx")

        report("demo -> .docx, warm, text edited since (layout pass)", median_seconds(edited_docx, 10))
        demo.title = base_title
        code = DOCX_ALONE.format(src=str(SRC), docx=str(tmp / "a.docx"))
        report("demo -> .docx alone, fresh process", statistics.median(_fresh_run(code) for _ in range(7)))
        from reportdesk.exporters import layout
        from reportdesk.exporters.pdf_fonts import FontSet

        def fonts_again() -> None:  # a later export in a running window: nothing parsed again
            fonts = FontSet()
            for role in layout.ROLES:
                fonts.role(role)

        report("fonts of a later export in a running window", median_seconds(fonts_again, 20))
        report("demo -> PDF, warm", median_seconds(lambda: export_report(demo, pdf=tmp / "p.pdf"), 10))
        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office:
            def convert() -> None:
                subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"),
                                str(tmp / "w.docx")], check=True, capture_output=True)

            convert()
            times = []
            for _ in range(3):
                start = time.perf_counter()
                convert()
                times.append(time.perf_counter() - start)
            report("LibreOffice: our .docx -> PDF (for comparison)", statistics.median(times))


if __name__ == "__main__":
    main()
