"""Import benchmark: a seed text copied from a PDF, and a 10-page .docx with the three tables (issue #5)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(Path(__file__).resolve().parent)]

from tests.helpers import demo  # noqa: E402
from tests.importers.conftest import seeds_path  # noqa: E402
from tests.importers.docx_builder import build_docx  # noqa: E402
from timing import median_seconds, report  # noqa: E402

from reportdesk.importers import import_document  # noqa: E402
from reportdesk.model.carry import next_year_report  # noqa: E402


def main() -> None:
    print("import (issue #5)")
    seeds = seeds_path()
    if seeds is not None:
        seed = seeds / "000_730c80e139d75b64.txt"
        report("import a seed text file (000, 2019 format)", median_seconds(lambda: import_document(seed), 50), goal=0.3)
        seed = seeds / "001_082ea42f41a4a5d8.txt"
        report("import a seed text file (001, 2021 format)", median_seconds(lambda: import_document(seed), 50), goal=0.3)
    else:
        print("  (seeds not found beside the checkout: text import skipped)")
    with tempfile.TemporaryDirectory() as tmp:
        path = build_docx(demo(), Path(tmp) / "ten-pages.docx", pages_of_prose=8)
        report("import a 10-page .docx (tables with merged cells)", median_seconds(lambda: import_document(path), 20), goal=0.3)
        from reportdesk.exporters import write_pdf

        pdf = Path(tmp) / "exported.pdf"
        write_pdf(demo(), pdf)
        report("import an exported PDF (QtPdf text)", median_seconds(lambda: import_document(pdf), 20))
    last = demo()
    report("next year's report from last year's", median_seconds(lambda: next_year_report(last), 200))


if __name__ == "__main__":
    main()
