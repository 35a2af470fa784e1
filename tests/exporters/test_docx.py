"""The .docx read back: merges, fonts, margins, footers, repeated headers, every number."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from reportdesk.exporters import (
    ExportError,
    document,
    docx_bytes,
    export_report,
    layout,
    pdf_bytes,
    table_pieces,
    tablewidths,
)
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(path, name="word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def test_page_margins_grid_and_footers(exported):
    d = docx.Document(exported["demo_docx"])
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    margins = [round(v.mm) for v in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert margins == [37, 35, 28, 26]
    body = _xml(exported["demo_docx"])
    assert 'w:type="lines"' in body and 'w:linePitch="579"' in body
    assert d.settings.odd_and_even_pages_header_footer
    odd, even = s.footer, s.even_page_footer
    for footer, align in ((odd, "right"), (even, "left")):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in footer.paragraphs[0].text and " —" in footer.paragraphs[0].text
        assert f'w:jc w:val="{align}"' in xml
        assert 'w:eastAsia="宋体"' in xml


def test_styles_name_the_official_fonts(exported):
    styles = _xml(exported["demo_docx"], "word/styles.xml")
    for name in layout.OFFICIAL_FONTS.values():
        assert f'w:eastAsia="{name}"' in styles, name
    d = docx.Document(exported["demo_docx"])
    paras = d.paragraphs
    assert paras[0].style.name == "公文标题"
    assert paras[0].style.font.size.pt == 22
    assert d.styles["Normal"].font.size.pt == 16
    assert d.styles["Normal"].paragraph_format.first_line_indent.pt > 31
    headings = {p.text: p.style.name for p in paras}
    assert headings["一、总体情况"] == "Heading 1"
    assert headings["（一）主动公开"] == "Heading 2"
    bold = [r.text for p in paras for r in p.runs if r.bold]
    assert "一是聚焦重点领域公开。" in bold


def test_tables_merges_and_repeating_headers(exported):
    """Each table piece (where the PDF breaks the table) is a table of its own: the header rows, marked to
    repeat, then its rows; a merged label cut by the break is merged again, with its text, in the next."""
    body = _xml(exported["demo_docx"])
    assert "w:gridSpan" in body and 'w:vMerge w:val="restart"' in body
    d = docx.Document(exported["demo_docx"])
    report = load_report(demo_report_path())
    pieces = table_pieces(report)
    assert [p.part for p in pieces] == ["二", "三", "三", "四"]  # the demo's part 三 breaks once
    assert len(d.tables) == len(pieces)
    for table, piece in zip(d.tables, pieces, strict=True):
        block = document.table_block(report, piece.part)
        rows = [*range(block.header_rows), *range(piece.start, piece.end)]
        assert len(table.rows) == len(rows)
        header_rows = [r for r in table.rows if r._tr.trPr is not None and r._tr.trPr.find(f"{W}tblHeader") is not None]
        assert len(header_rows) == block.header_rows
        for cell in block.cells:
            shown = [i for i, r in enumerate(rows) if cell.row <= r < cell.row + cell.rowspan]
            if not shown:
                continue
            got = table.cell(shown[0], cell.col)
            assert got.text == cell.text, (piece, cell)
            # a merged cell is one cell over the rows it has in this piece: its far corner is the same object
            assert table.cell(shown[-1], cell.col + cell.colspan - 1)._tc is got._tc
    second = d.tables[2]
    assert second.cell(3, 0).text == "三、本年度办理结果"  # the label of the first data row, printed again


def test_a_new_page_before_each_continuation_and_no_extra_line(exported):
    """Between two pieces of a table: one empty paragraph that starts the next page, 1 pt high (exact),
    no page break run (which Word and LibreOffice place differently)."""
    body = docx.Document(exported["demo_docx"]).element.body
    kids = list(body)
    tables = [i for i, el in enumerate(kids) if el.tag == f"{W}tbl"]
    between = kids[tables[1] + 1]
    assert tables[2] == tables[1] + 2 and between.tag == f"{W}p"
    ppr = between.find(f"{W}pPr")
    assert ppr.find(f"{W}pageBreakBefore") is not None
    spacing = ppr.find(f"{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("20", "exact")
    assert ppr.find(f"{W}snapToGrid").get(f"{W}val") == "0"  # off the 22-line grid
    assert not list(between.iter(f"{W}br")) and not list(between.iter(f"{W}t"))
    assert sum(1 for el in kids if el.find(f"{W}pPr/{W}pageBreakBefore") is not None) == 1


def test_the_pieces_of_a_broken_table_keep_their_rows_together(exported):
    """A piece of a broken table keeps every row but its last with the next (should Word's layout drift
    from ours, the piece moves on whole rather than leaving its header and a row or two on a page of their
    own); a piece's last row has none (its page ends there)."""
    d = docx.Document(exported["demo_docx"])
    first, second = d.tables[1], d.tables[2]
    for piece in (first, second):
        rows = piece._tbl.tr_lst
        kept = [i for i, tr in enumerate(rows) if tr.find(f".//{W}keepNext") is not None]
        assert kept == list(range(len(rows) - 1))


def test_a_table_in_one_piece_keeps_the_typesetters_rows_with_the_next(exported):
    """A table that does not break keeps only the typesetter's keep-with-next rows (groups, the last rows)."""
    d = docx.Document(exported["demo_docx"])
    report = load_report(demo_report_path())
    assert len(d.tables) == 4  # 二 whole, 三 in two pieces, 四 whole
    for table, part in ((d.tables[0], "二"), (d.tables[3], "四")):
        block = document.table_block(report, part)
        kept = [i for i, tr in enumerate(table._tbl.tr_lst) if tr.find(f".//{W}keepNext") is not None]
        assert kept == sorted(tablewidths.kept_with_next(block))


def test_without_its_fonts_the_docx_leaves_breaking_to_the_word_processor(tmp_path):
    """The PDF's layout needs fonts; when a chosen font cannot be read, the .docx is still made, its tables
    whole (Word repeats the header rows), and the PDF says what is wrong."""
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    report = load_report(demo_report_path())
    data = docx_bytes(report, {layout.TABLE: str(bad)})
    d = docx.Document(io.BytesIO(data))
    assert len(d.tables) == 3
    with pytest.raises(ExportError):
        pdf_bytes(report, {layout.TABLE: str(bad)})
    with pytest.raises(ExportError):  # both at once: the .docx is written as before, the PDF is not
        export_report(report, docx=tmp_path / "r.docx", pdf=tmp_path / "r.pdf", font_overrides={layout.TABLE: str(bad)})
    assert len(docx.Document(tmp_path / "r.docx").tables) == 3
    assert not (tmp_path / "r.pdf").exists()


def test_every_paragraph_and_the_signature(exported):
    d = docx.Document(exported["demo_docx"])
    texts = [p.text.lstrip("\t") for p in d.paragraphs]
    report = load_report(demo_report_path())
    for para in document.all_text(report)[1:]:
        assert para in texts
    assert "".join(document.title_lines(report.title)) == d.paragraphs[0].text.replace("\n", "")
    agency = next(p for p in d.paragraphs if p.text == "\t" + report.signature_agency)
    date = next(p for p in d.paragraphs if p.text == "\t2026年1月20日")
    # the name ends at a right tab stop 2 characters from the right margin; the date starts at a left
    # tab stop 2 characters right of the name's first character (a tab stop cannot wrap)
    (name_stop,), (date_stop,) = agency.paragraph_format.tab_stops, date.paragraph_format.tab_stops
    assert str(name_stop.alignment) .startswith("RIGHT") and str(date_stop.alignment).startswith("LEFT")
    assert abs(name_stop.position.pt - (layout.TEXT_WIDTH - 2 * layout.CHAR_PITCH)) < 0.1
    name_start = name_stop.position.pt - len(report.signature_agency) * layout.CHAR_PITCH
    assert abs(date_stop.position.pt - name_start - 2 * layout.CHAR_PITCH) < 0.1


def test_long_report_keeps_rare_characters(exported):
    d = docx.Document(exported["long_docx"])
    assert "堃𬭚" in d.paragraphs[0].text


def test_long_titles_break_before_政府信息公开():
    from reportdesk.exporters.document import title_lines

    assert title_lines("银川市西夏区审批服务管理局2020年度政府信息公开工作年度报告") == [
        "银川市西夏区审批服务管理局2020年度",
        "政府信息公开工作年度报告",
    ]
    assert title_lines("青禾市市场监督管理局2025年政府信息公开工作年度报告") == [
        "青禾市市场监督管理局2025年",
        "政府信息公开工作年度报告",
    ]


def test_the_measuring_pass_breaks_the_tables_as_the_pdf_does():
    """A .docx made alone lays the report out without drawing it: the pieces must be those of the PDF."""
    from reportlab.pdfgen.canvas import Canvas

    from reportdesk.exporters.pdf_fonts import FontSet
    from reportdesk.exporters.pdf_writer import Measuring, _build

    from .conftest import CUTS, long_report, with_lines

    reports = [load_report(demo_report_path()), long_report(), *(with_lines(n) for _name, n, _label in CUTS)]
    for report in reports:
        blocks = document.blocks_of(report)
        drawn = _build(report, FontSet(), blocks, Canvas)[1]
        measured = _build(report, FontSet(), blocks, Measuring)[1]
        assert measured == drawn
        assert len({p.page for p in drawn}) >= 2
