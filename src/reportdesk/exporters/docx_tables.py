"""The official tables in the .docx: real Word tables, merged cells as gridSpan / vMerge, header rows
marked to repeat, built as WordprocessingML text (10× faster than element by element).

A table breaks where the PDF's does, as a typesetter breaks it in Word: each piece is a table of its
own on a new page, with the header rows and the merged side labels it cuts (三、本年度办理结果, （三）…)
repeated. Word alone would repeat only the header rows and leave the labels' cells empty.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from . import document, layout, tablewidths

TWIPS_PER_PT = 20


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _tc(width: int, span: int, merge: str | None, style_id: str, text: str, size: float, keep: bool = False) -> str:
    """One table cell."""
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        pr += "<w:vMerge/>"
    pr += '<w:vAlign w:val="center"/>'
    run = ""
    if text:
        rpr = ""
        if size != layout.SIZE_5HAO:
            half = round(size * 2)
            rpr = f'<w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
        run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    ppr = f'<w:pStyle w:val="{_attr(style_id)}"/>' + ("<w:keepNext/>" if keep else "")
    if size != layout.SIZE_5HAO:
        ppr += f'<w:spacing w:line="{round(size * layout.TABLE_LINE * TWIPS_PER_PT)}" w:lineRule="exact"/>'
    return f'<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>{run}</w:p></w:tc>'


def _cell_margins() -> str:
    """The PDF's cell padding (2 pt, 3 pt below) instead of the Table Grid style's 5.4 pt sides. A word
    processor adds the 0.5 pt rule to the row's height where the PDF draws it over the row's edge: the
    bottom padding gives that back, so rows are as tall as in the PDF."""
    pad = round(layout.TABLE_PADDING * TWIPS_PER_PT)
    sides = {"top": pad, "left": pad, "bottom": pad + TWIPS_PER_PT - TWIPS_PER_PT // 2, "right": pad}
    return "<w:tblCellMar>" + "".join(f'<w:{s} w:w="{w}" w:type="dxa"/>' for s, w in sides.items()) + "</w:tblCellMar>"


def _rows(block: document.Table, rows: Sequence[int], widths: list[int], style_id: str, keep: set[int]) -> str:
    """Rows ``rows`` of ``block`` as w:tr elements. A merged cell is merged over the rows of it shown, its
    text in the first of them: a label cut by a page break is printed again on the next page."""
    index = {r: i for i, r in enumerate(rows)}
    slots: dict[tuple[int, int], tuple[document.TableCell, str | None, bool]] = {}  # -> cell, vMerge, text
    for cell in block.cells:
        shown = [index[r] for r in range(cell.row, cell.row + cell.rowspan) if r in index]
        for n, i in enumerate(shown):
            slots[(i, cell.col)] = (cell, None if len(shown) == 1 else "continue" if n else "restart", n == 0)
    out = []
    for i, r in enumerate(rows):
        header = '<w:tblHeader w:val="true"/>' if r < block.header_rows else ""
        cells = []
        c = 0
        while c < block.cols:
            slot = slots.get((i, c))
            if slot is None:  # not expected from a grid; keep the table rectangular
                cells.append(_tc(widths[c], 1, None, style_id, "", block.size))
                c += 1
                continue
            cell, merge, first = slot
            width = sum(widths[c : c + cell.colspan])
            cells.append(_tc(width, cell.colspan, merge, style_id, cell.text if first else "", block.size, r in keep))
            c += cell.colspan
        out.append(f'<w:tr><w:trPr><w:cantSplit w:val="true"/>{header}</w:trPr>{"".join(cells)}</w:tr>')
    return "".join(out)


# Between two pieces of a table: an empty paragraph that starts the next page (a table cannot carry
# pageBreakBefore) and takes 1 pt there, not a line. Two tables with nothing between them would be one.
_NEXT_PAGE = ('<w:p><w:pPr><w:pStyle w:val="{style}"/><w:pageBreakBefore/><w:snapToGrid w:val="0"/>'
              '<w:spacing w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
              "</w:pPr></w:p>")
_LOOK = ('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" '
         'w:noVBand="1"/>')


def elements(block: document.Table, starts: Sequence[int], text_style: str, grid_style: str) -> list:
    """The table as body elements: one w:tbl, or, where ``starts`` (rows that begin a new page) break it,
    a w:tbl per piece with a page-starting paragraph before each but the first. Each piece has the header
    rows (marked to repeat: harmless, and right if a word processor breaks a piece itself). A table in one
    piece keeps rows with the next as a typesetter keeps them. A piece of a broken table keeps every row
    but its last with the next: should the word processor's layout drift from ours (other fonts, a line
    added in Word before the table), the piece moves on whole instead of leaving the header and a row or
    two on a page of their own before the next piece's page."""
    widths = [round(w * layout.TEXT_WIDTH * TWIPS_PER_PT) for w in block.widths]
    bounds = [block.header_rows, *starts, block.rows]
    piece_ends = {end - 1 for end in bounds[1:]}
    keep = set(range(block.rows)) - piece_ends if starts else tablewidths.kept_with_next(block)
    pr = (f'<w:tblPr><w:tblStyle w:val="{_attr(grid_style)}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
          f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>{_cell_margins()}{_LOOK}</w:tblPr>'
          "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>")
    xml = []
    for n, (start, end) in enumerate(itertools.pairwise(bounds)):
        if n:
            xml.append(_NEXT_PAGE.format(style=_attr(text_style)))
        rows = _rows(block, [*range(block.header_rows), *range(start, end)], widths, text_style, keep)
        xml.append(f"<w:tbl>{pr}{rows}</w:tbl>")
    return list(parse_xml(f'<w:body {nsdecls("w")}>{"".join(xml)}</w:body>'))


def page_starts(pieces: Sequence, block: document.Table) -> list[int]:
    """The rows of ``block`` that begin a page, from the PDF's pieces (``pdf_tables.Piece``) of it."""
    starts = [p.start for p in pieces if p.part == block.part][1:]
    bounds = [block.header_rows, *starts, block.rows]
    if any(a >= b for a, b in itertools.pairwise(bounds)):
        return []  # not pieces of this table as it is now: let the word processor break it
    return starts
