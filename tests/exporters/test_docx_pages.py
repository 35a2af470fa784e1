"""Our .docx as LibreOffice lays it out, page by page, against our PDF: the same number of pages, no
blank page, the same table rows on the same pages, and every continuation page of a split table
starting with the header rows and the side labels of its first data row (三、本年度办理结果, and the
group label, （三）不予公开, when the break falls inside the group), as the PDF prints them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from reportdesk.exporters import document, layout, table_pieces
from reportdesk.importers import import_document
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path

from .conftest import CUTS, OFFICE, export_and_render, long_report, with_lines

pytestmark = pytest.mark.skipif(not (OFFICE and shutil.which("pdftotext")), reason="LibreOffice or pdftotext missing")
SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "published").glob("*.txt"))
TOP = layout.TOP_MM * layout.MM
PAGE_NUMBER = re.compile(r"—\s*\d+\s*—")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple]:
    """name -> (report, LibreOffice's rendering of our .docx, our PDF); one soffice run for all."""
    out = tmp_path_factory.mktemp("pages")
    reports = {"demo": load_report(demo_report_path()), "long": long_report()}
    reports |= {seed.stem[:3]: import_document(seed).report for seed in SEEDS}
    reports |= {name: with_lines(lines) for name, lines, _label in CUTS}
    lo = export_and_render(reports, out)
    return {n: (r, lo / f"{n}.pdf", out / f"{n}.pdf") for n, r in reports.items()}


def _page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext -layout gives it."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return out.stdout.split("\f")[:-1]


def _tables(path: Path) -> list[list[list[list[str]]]]:
    """Per page, its tables top to bottom, as rows of cell texts without white space (a merged cell's text
    in its first row and column, None elsewhere)."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            pages.append([[[None if c is None else "".join(c.split()) for c in row] for row in t.extract()]
                          for t in found])
    return pages


def _top_table(path: Path, page: int):
    with pdfplumber.open(path) as pdf:
        found = sorted(pdf.pages[page - 1].find_tables(), key=lambda t: t.bbox[1])
        return found[0].bbox[1] if found else None


def test_same_pages_no_blank_page_same_rows_as_the_pdf(rendered):
    for name, (_report, theirs, ours) in rendered.items():
        their_text, our_text = _page_texts(theirs), _page_texts(ours)
        assert len(their_text) == len(our_text), name
        blank = [i + 1 for i, text in enumerate(their_text) if not PAGE_NUMBER.sub("", text).strip()]
        assert blank == [], name
        their_tables, our_tables = _tables(theirs), _tables(ours)
        for page, (a, b) in enumerate(zip(their_tables, our_tables, strict=True), 1):
            assert a == b, (name, page)


def test_continuation_pages_repeat_the_header_rows_and_the_cut_side_labels(rendered):
    seen, cut = 0, set()
    for name, (report, theirs, ours) in rendered.items():
        pieces = table_pieces(report)
        for piece, before in zip(pieces[1:], pieces, strict=False):
            if piece.part != before.part:
                continue  # the first piece of a table
            block = document.table_block(report, piece.part)
            if not block.header_rows:
                continue  # part 二: blocks under full-width titles, no header to repeat
            header = [c.text for c in block.cells if c.row < block.header_rows and c.text]
            labels = [c for c in block.cells
                      if c.header and c.text and c.row <= piece.start < c.row + c.rowspan and c.col < block.cols]
            cut |= {c.text for c in labels if c.row < piece.start}
            for path in (theirs, ours):
                assert _top_table(path, piece.page) < TOP + 3, (name, piece)  # the page begins with it
                table = _tables(path)[piece.page - 1][0]
                head = "".join(c or "" for row in table[: block.header_rows] for c in row)
                assert all("".join(t.split()) in head for t in header), (name, path.name, piece)
                first = table[block.header_rows]
                for cell in labels:
                    assert first[cell.col] == "".join(cell.text.split()), (name, path.name, piece, cell.text)
                seen += 1
    assert seen >= 2 * 7  # both renderings of each continuation page: the demo's, the long one's, 3 seeds', 2 cuts
    assert {"三、本年度办理结果"} | {label for _n, _l, label in CUTS} <= cut


def test_the_cut_variants_still_cut_their_group():
    """The variants above exist to break part 三 inside a group: if the layout changes so that they no
    longer do, the test above would test less; say so here."""
    for _name, lines, label in CUTS:
        report = with_lines(lines)
        block = document.table_block(report, "三")
        group = next(c for c in block.cells if c.text == label)
        starts = [p.start for p in table_pieces(report) if p.part == "三"][1:]
        assert any(group.row < s < group.row + group.rowspan for s in starts), (label, starts)
