"""What a typesetter would check in our PDF, read back from the PDF itself: the title's weight, digits
in their CJK face's style, tables without lone characters, table breaks, line starts and long runs."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reportdesk.exporters import layout, linebreak, pdf_bytes
from reportdesk.exporters.document import Text, blocks_of
from reportdesk.importers import import_document

from .conftest import with_lines

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "published").glob("*.txt"))
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture(scope="module")
def pdfs(exported, tmp_path_factory) -> dict[str, Path]:
    """The demo, the long report and every seed as PDFs (made once for the module)."""
    out = tmp_path_factory.mktemp("typeset")
    found = {"demo": exported["demo_pdf"], "long": exported["long_pdf"]}
    for seed in SEEDS:
        path = out / f"{seed.stem[:3]}.pdf"
        path.write_bytes(pdf_bytes(import_document(seed).report))
        found[seed.stem[:3]] = path
    return found


def _embedded(path: Path, name_part: str) -> TTFont:
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if name_part not in str(font["/BaseFont"]):
                continue
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            data = descendant["/FontDescriptor"]["/FontFile2"].get_data()
            return TTFont(io.BytesIO(data))
    raise AssertionError(f"no embedded font named *{name_part}*")


def test_the_title_is_set_in_a_heavy_serif(exported):
    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        title = [c for c in pdf.pages[0].chars if round(c["size"]) == 22]
    names = {c["fontname"].split("+")[-1] for c in title}
    assert len(names) == 1, names  # one face for the whole title, digits included
    face = _embedded(exported["demo_pdf"], names.pop())
    assert face["OS/2"].usWeightClass >= 700  # bold, like 小标宋; not a thin 宋体
    assert "Serif" in face["name"].getDebugName(4)


def test_digits_in_body_text_are_serif_not_sans_or_typewriter(exported):
    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        chars = [c for p in pdf.pages for c in p.chars if round(c["size"]) == 16 and c["text"].isdigit()]
        table = [c for p in pdf.pages for c in p.chars if round(c["size"]) == 10 and c["text"].isdigit()]
    assert chars and table
    for c in chars + table:  # no WenQuanYi (sans), no AR PL (typewriter-like)
        assert "NotoSerif" in c["fontname"], c["fontname"]


def _cell_lines(page, table) -> list[list[str]]:
    """The text lines of each cell of a pdfplumber table (chars grouped by baseline)."""
    out = []
    for row in table.rows:
        for box in row.cells:
            if box is None:
                continue
            inside = [c for c in page.chars if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2]
                      and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]]
            lines: dict[int, str] = {}
            for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])):
                lines[round(c["top"])] = lines.get(round(c["top"]), "") + c["text"]
            out.append(list(lines.values()))
    return out


def test_no_table_cell_leaves_a_character_alone_on_a_line(pdfs):
    lone = []
    for name, path in pdfs.items():
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.find_tables():
                    for lines in _cell_lines(page, table):
                        if len(lines) > 1 and any(len(line.strip()) == 1 for line in lines):
                            lone.append((name, page.page_number, lines))
    assert lone == []


def test_continuation_pages_carry_at_least_three_rows(pdfs):
    """A table piece at the top of a page under a repeated header has three data rows or more."""
    seen = 0
    for name, path in pdfs.items():
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.find_tables():
                    rows = table.extract()
                    at_top = table.bbox[1] < 37 / 25.4 * 72 + 3
                    repeated = any("申请人情况" in (c or "") or "行政复议" in (c or "") for c in rows[0])
                    if at_top and repeated:
                        seen += 1
                        data = [r for r in rows if r[-1] and NUMBER.match(r[-1].strip())]
                        assert len(data) >= 3, (name, page.page_number, len(data))
    assert seen >= 3  # the demo's part 三 and several seeds' break across pages


def test_a_group_is_not_cut_after_its_first_row():
    from reportdesk.exporters.document import table_block
    from reportdesk.exporters.tablewidths import break_before, groups
    from reportdesk.loading import load_report
    from reportdesk.paths import demo_report_path

    block = table_block(load_report(demo_report_path()), "三")
    first, _after, keep = next(g for g in groups(block) if g[1] - g[0] >= 4)
    assert break_before(block, block.header_rows, block.rows, first + 1) == first  # moved to the group's start
    assert break_before(block, block.header_rows, block.rows, first + keep) == first + keep  # a fair cut stays
    assert break_before(block, block.header_rows, block.rows, block.rows - 1) <= block.rows - 3


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_a_heading_never_ends_a_page(tmp_path):
    """Part 三 moved down line by line (0 to 25 lines more in part 一): no page ends with a heading, also
    where a table above it leaves room that is not a whole number of lines (with 19, 五、 was left alone)."""
    for lines in range(26):
        report = with_lines(lines)
        headings = {b.text for b in blocks_of(report) if isinstance(b, Text) and b.role != layout.BODY}
        path = tmp_path / f"{lines}.pdf"
        path.write_bytes(pdf_bytes(report))
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
        for n, page in enumerate(text.split("\f")[:-2], 1):  # every page but the last
            body = [line.strip() for line in page.splitlines() if line.strip()][:-1]  # less the page number
            assert body[-1] not in headings, (lines, n, body[-1])


def test_a_space_at_the_start_of_a_line_is_dropped():
    text = "甲" * 10 + " abc"
    widths = [16.0] * 10 + [8.0] * 4
    lines = linebreak.fill(text, widths, 160, 160)
    assert [text[a:b] for a, b in lines] == ["甲" * 10, "abc"]


def test_long_runs_break_at_their_punctuation_and_short_numbers_stay_whole():
    text = "请发邮件至gk@scjg.qinghe.gov.cn或致电0000-12345678，合计12.35万元。"
    widths = [16.0 if ord(ch) > 0x2000 else 8.0 for ch in text]
    lines = [text[a:b] for a, b in linebreak.fill(text, widths, 160, 160)]
    assert "".join(lines) == text
    assert any(line.endswith(("@", ".", "-")) for line in lines)  # broken after punctuation
    assert all(sum(16 if ord(c) > 0x2000 else 8 for c in line) <= 160 for line in lines)
    assert not any(line.endswith("12.") or line.startswith("35") for line in lines)
    assert linebreak.check_lines(lines) == []


def test_a_paragraph_does_not_end_with_one_character_alone():
    text = "甲" * 27 + "完成。"
    lines = linebreak.fill(text, [16.0] * len(text), 16 * 28, 16 * 28)
    assert [text[a:b] for a, b in lines][-1] == "成。"
    fixed = [text[a:b] for a, b in linebreak.no_lone_last(text, lines)]
    assert fixed == ["甲" * 27, "完成。"]


def test_a_paragraph_never_leaves_one_line_alone_at_a_page_break():
    """Widow and orphan control, as Word's (the .docx asks Word for it too)."""
    from reportdesk.exporters import layout
    from reportdesk.exporters.pdf_fonts import FontSet
    from reportdesk.exporters.pdf_writer import GridText

    para = GridText(FontSet(), layout.BODY, [("甲" * 26 + "乙" * 28 * 3, False)])  # 4 lines
    assert len(para.lines) == 4
    pitch = layout.LINE_PITCH
    assert para.split(layout.TEXT_WIDTH, 1.5 * pitch) == []  # one line here: the paragraph moves on
    first, rest = para.split(layout.TEXT_WIDTH, 3.5 * pitch)  # three would leave one: two and two
    assert (len(first.lines), len(rest.lines)) == (2, 2)
    first, rest = para.split(layout.TEXT_WIDTH, 2.2 * pitch)
    assert (len(first.lines), len(rest.lines)) == (2, 2)
