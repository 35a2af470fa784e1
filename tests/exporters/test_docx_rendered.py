"""Our .docx as LibreOffice lays it out (rendered to PDF once for the module), measured against the
official layout and against our own PDF: lines per page, part 三's header, the signature block."""

from __future__ import annotations

import copy
import itertools
import statistics
from pathlib import Path

import pdfplumber
import pytest

from reportdesk.exporters import layout
from reportdesk.exporters.docx_writer import _docx_width
from reportdesk.loading import load_report
from reportdesk.model.report import chinese_date
from reportdesk.paths import demo_report_path

from .conftest import OFFICE, export_and_render, long_report
from .test_typesetting import _cell_lines

pytestmark = pytest.mark.skipif(not OFFICE, reason="LibreOffice not installed")
# Agency names of 4 to 20 characters: the short ones give a date longer than the name + 2 characters.
AGENCIES = ["青禾市局", "青禾市统计局", "青禾市市场监督管理局", "青禾市人民政府办公室政务公开科",
            "青禾市清河区人民政府办公室政务公开办公室"]
TOP = layout.TOP_MM * layout.MM
RIGHT_EDGE = layout.LEFT + layout.TEXT_WIDTH


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """name -> (LibreOffice's rendering of our .docx, our PDF); one soffice run for all of them."""
    out = tmp_path_factory.mktemp("rendered")
    reports = {"demo": load_report(demo_report_path()), "long": long_report()}
    for i, agency in enumerate(AGENCIES):
        report = copy.deepcopy(reports["demo"])
        report.signature_agency = agency
        reports[f"sig{i}"] = report
    lo = export_and_render(reports, out)
    return {n: (lo / f"{n}.pdf", out / f"{n}.pdf") for n in reports}


def _lines(page, size: float) -> list[float]:
    """Baselines (from the top of the page) of the text lines set in ``size`` points on ``page``."""
    return sorted({round(page.height - c["matrix"][5], 1) for c in page.chars
                   if abs(c["size"] - size) < 0.6 and c["text"].strip()})


def test_22_lines_fit_a_page_of_body_text(rendered):
    """Every page that text fills to its foot holds 22 lines on a 28.95 pt pitch (579 twips)."""
    theirs, ours = rendered["long"]
    for path in (theirs, ours):
        with pdfplumber.open(path) as pdf:
            pages = [_lines(p, layout.BODY_SIZE) for p in pdf.pages]
        full = [tops for tops in pages if len(tops) > 1 and tops[-1] > TOP + layout.TEXT_HEIGHT - 1.5 * layout.LINE_PITCH
                and tops[0] < TOP + layout.LINE_PITCH  # text from the head to the foot, nothing else between
                and all(b - a < 1.5 * layout.LINE_PITCH for a, b in itertools.pairwise(tops))]
        assert len(full) >= 2, path.name
        for tops in full:
            assert len(tops) == layout.LINES_PER_PAGE, (path.name, len(tops))
            pitch = statistics.median(b - a for a, b in itertools.pairwise(tops))
            assert abs(pitch - layout.LINE_PITCH) < 0.1, pitch


def _part3_header(path: Path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.find_tables():
                rows = table.extract()
                if rows and any("申请人情况" in (c or "") for c in rows[0]):
                    first_data = next(i for i, r in enumerate(table.rows) if "本年新收" in "".join(
                        c or "" for c in rows[i]))
                    height = table.rows[first_data].bbox[1] - table.bbox[1]
                    return height, _cell_lines(page, table)
    raise AssertionError("no part 三 table")


def test_part3_header_has_no_one_character_lines_and_the_pdf_height(rendered):
    theirs, ours = rendered["demo"]
    their_height, their_cells = _part3_header(theirs)
    our_height, our_cells = _part3_header(ours)
    for cells in (their_cells, our_cells):
        lone = [lines for lines in cells if len(lines) > 1 and any(len(line.strip()) == 1 for line in lines)]
        assert lone == []
    assert abs(their_height - our_height) < 0.03 * our_height, (their_height, our_height)  # measured: 0.2%


def _signature(path: Path, agency: str):
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[-1]
        chars = sorted((c for c in page.chars if abs(c["size"] - layout.BODY_SIZE) < 0.6),
                       key=lambda c: (round(c["top"]), c["x0"]))
    text = "".join(c["text"] for c in chars)
    i = text.rindex(agency)
    name = chars[i : i + len(agency)]
    date = [c for c in chars[i + len(agency):] if round(c["top"]) > round(name[0]["top"])]
    return name, date


@pytest.mark.parametrize("index", range(len(AGENCIES)), ids=[f"{len(a)}chars" for a in AGENCIES])
def test_signature_per_gb9704(rendered, index):
    """The longer of name and date ends 2 characters from the right margin; the date starts 2 characters
    right of the name; each on one line."""
    agency = AGENCIES[index]
    ch = layout.CHAR_PITCH
    date_text = chinese_date(load_report(demo_report_path()).date)
    for which, path in zip(("LibreOffice", "ours"), rendered[f"sig{index}"], strict=True):
        name, date = _signature(path, agency)
        assert len({round(c["top"]) for c in name}) == 1, which  # the name on one line
        assert len({round(c["top"]) for c in date}) == 1, which
        right = max(name[-1]["x1"], date[-1]["x1"])
        name_longer = name[-1]["x1"] >= date[-1]["x1"] - 1
        if which == "LibreOffice":  # the line set at the right-aligned tab stop, as the .docx says
            name_longer = _docx_width(agency) >= _docx_width(date_text) + 2 * ch - 0.5
        shift = date[0]["x0"] - name[0]["x0"]
        if which == "LibreOffice" and not name_longer:
            # LibreOffice here draws 仿宋_GB2312 in a substitute with digits wider than half a character
            # and adds CJK-Latin spacing (it ignores w:autoSpaceDE): the name's stop, computed for the
            # official font's half-width digits, cannot know. The date still ends at its stop.
            assert abs(date[-1]["x1"] - (RIGHT_EDGE - 2 * ch)) < 2.5
            assert 0 < shift < 2 * ch + 2.5, shift
            continue
        assert abs((name[-1]["x1"] if name_longer else right) - (RIGHT_EDGE - 2 * ch)) < 2.5, (which, right)
        assert abs(shift - 2 * ch) < 2.5, (which, shift)
        if which == "ours":
            assert abs(right - (RIGHT_EDGE - 2 * ch)) < 2.5
