"""Reading benchmark (issues #11, #12 item 3): each form of a published report, and large texts.

Goals: each form of a report under 0.3 s; a 3.6 MB text of 36,000 lines read or refused in under 2 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(Path(__file__).resolve().parent)]

from tests.helpers import demo  # noqa: E402
from tests.importers import published_forms as pf  # noqa: E402
from tests.importers.big_texts import write_big_texts  # noqa: E402
from tests.importers.conftest import seeds_path  # noqa: E402
from timing import median_seconds, report  # noqa: E402

from reportdesk.errors import LoadError  # noqa: E402
from reportdesk.importers import import_document  # noqa: E402


def _read(path: Path) -> None:
    try:
        import_document(path)
    except LoadError:
        pass  # refused with a message: also an answer


def main() -> None:
    print("reading: the forms a report is found in (issue #11)")
    forms = {
        "saved web page (.html, portal furniture)": ("page.html", pf.html_page),
        "browser copy (tabs)": ("copy.txt", lambda r: pf.browser_copy(r).encode("utf-8")),
        "Markdown tables": ("tables.md", lambda r: pf.markdown(r).encode("utf-8")),
        "one line (no line breaks)": ("line.txt", lambda r: pf.one_line(pf.browser_copy(r)).encode("utf-8")),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, (file, make) in forms.items():
            path = Path(tmp) / file
            path.write_bytes(make(demo()))
            report(f"import the demo as {name}", median_seconds(lambda p=path: import_document(p), 20), goal=0.3)
        real = sorted((ROOT / "tests" / "fixtures" / "real").glob("*/original.*"))
        if real:
            times = sorted((median_seconds(lambda p=path: _read(p), 5), path.parent.name) for path in real)
            report(f"slowest of {len(real)} real published files ({times[-1][1]})", times[-1][0], goal=0.3)
            report(f"median of {len(real)} real published files", times[len(times) // 2][0], goal=0.3)
        seeds = seeds_path()
        if seeds is None:
            print("  (seeds not found: large texts skipped)")
            return
        print("reading: large texts (issue #12 item 3)")
        for name, path in write_big_texts(seeds / "000_730c80e139d75b64.txt", Path(tmp)).items():
            report(f"{name} ({path.stat().st_size / 1e6:.1f} MB)", median_seconds(lambda p=path: _read(p), 3), goal=2.0)


if __name__ == "__main__":
    main()
