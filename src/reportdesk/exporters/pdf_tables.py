"""The official tables in the PDF: merged cells, all borders, centred, header rows on every page.

reportlab cannot break a table inside a merged (row-spanning) cell without odd results, so a table
here breaks itself: at the last row that fits, with the header rows repeated on the next page and a
merged label cut in two carrying its text into both halves. Each piece says where it was drawn
(``Piece``): the .docx breaks its tables at the same rows.
"""

from __future__ import annotations

from typing import NamedTuple
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus import Table as RLTable

from . import document, layout, linebreak
from .pdf_fonts import FontSet
from .tablewidths import break_before


def _cell_markup(fonts: FontSet, text: str) -> str:
    pieces = fonts.split(layout.TABLE, text)
    if len(pieces) == 1 and pieces[0][0] is fonts.role(layout.TABLE):
        return escape(text)
    return "".join(f'<font name="{f.name}">{escape(t)}</font>' for f, t in pieces)


class Piece(NamedTuple):
    """Rows ``start``..``end`` of the table of ``part`` (under its header rows) were drawn on ``page``."""

    part: str
    start: int
    end: int
    page: int


class OfficialTable(Flowable):
    """Rows ``start``..``end`` of a table block (plus its header rows), breakable between any rows."""

    def __init__(self, fonts: FontSet, block: document.Table, start: int | None = None, end: int | None = None,
                 paragraphs: dict | None = None, drawn: list[Piece] | None = None):
        super().__init__()
        self.fonts, self.block = fonts, block
        self.paragraphs = {} if paragraphs is None else paragraphs  # cell -> Paragraph, shared by the parts
        self.drawn = drawn  # where the pieces went, shared by the parts
        self.start = block.header_rows if start is None else start
        self.end = block.rows if end is None else end
        self.hAlign = "CENTER"
        self._table: RLTable | None = None

    def _rows(self) -> list[int]:
        return list(range(self.block.header_rows)) + list(range(self.start, self.end))

    def table(self) -> RLTable:
        if self._table is not None:
            return self._table
        block, fonts = self.block, self.fonts
        style = ParagraphStyle("cell", fontName=fonts.role(layout.TABLE).name, fontSize=block.size,
                               leading=block.size * layout.TABLE_LINE, alignment=TA_CENTER)  # lines broken by us
        rows = self._rows()
        index = {r: i for i, r in enumerate(rows)}
        data: list[list] = [["" for _ in range(block.cols)] for _ in rows]
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), layout.TABLE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), layout.TABLE_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), layout.TABLE_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), layout.TABLE_PADDING + 1),
            ("FONTNAME", (0, 0), (-1, -1), fonts.role(layout.TABLE).name),
            ("FONTSIZE", (0, 0), (-1, -1), block.size),
            ("LEADING", (0, 0), (-1, -1), block.size * layout.TABLE_LINE),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ]
        widths = [w * layout.TEXT_WIDTH for w in block.widths]
        for cell in block.cells:
            shown = [r for r in range(cell.row, cell.row + cell.rowspan) if r in index]
            if not shown:
                continue
            top, bottom = index[shown[0]], index[shown[-1]]
            if cell.text:
                key = (cell.row, cell.col)
                para = self.paragraphs.get(key)
                if para is None:
                    room = sum(widths[cell.col : cell.col + cell.colspan]) - 2 * layout.TABLE_PADDING
                    para = self.paragraphs[key] = self._content(cell.text, style, room)
                if isinstance(para, tuple):  # one line in one font: a plain string (fast)
                    commands.append(("FONTNAME", (cell.col, top), (cell.col, top), para[1]))
                    para = para[0]
                data[top][cell.col] = para
            if bottom > top or cell.colspan > 1:
                commands.append(("SPAN", (cell.col, top), (cell.col + cell.colspan - 1, bottom)))
        self._table = RLTable(data, colWidths=widths, style=TableStyle(commands))
        self._table.hAlign = "CENTER"
        return self._table

    def _content(self, text: str, style: ParagraphStyle, room: float):
        """A one-line cell in one font as (text, font name) (fast); else a wrapping Paragraph."""
        fonts = self.fonts
        pieces = fonts.split(layout.TABLE, text)
        if len(pieces) == 1 and fonts.width(pieces[0][0], text, self.block.size) <= room:
            return text, pieces[0][0].name
        # Break the lines here, with the Chinese rules (reportlab's own CJK wrapping lets a closing
        # quote start a line), and let the Paragraph only draw them.
        size = self.block.size
        widths = [fonts.width(fonts.for_char(layout.TABLE, ch), ch, size) for ch in text]
        lines = linebreak.fill(text, widths, room, room)
        return Paragraph("<br/>".join(_cell_markup(fonts, text[a:b]) for a, b in lines), style)

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.table().wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        table = self.table()
        _, height = table.wrap(avail_width, avail_height)
        heights = table._rowHeights  # None beyond the rows reportlab sized before running out of room
        header = self.block.header_rows
        if None in heights[:header]:
            return []  # not even the header rows fit here
        used = sum(heights[:header])
        last = self.start
        for i, h in enumerate(heights[header:]):
            if h is None or used + h > avail_height:
                break
            used += h
            last = self.start + i + 1
        if last >= self.end and height <= avail_height:
            return [self]
        fits = min(last, self.end - 1)
        choices = [(break_before(self.block, self.start, self.end, fits), True)]
        if avail_height > 0.8 * layout.TEXT_HEIGHT:  # a page of its own: a plain break rather than none
            choices.append((fits, False))
        for last, by_rule in choices:
            # A merged label cut in two can make the first part taller than its rows were: give rows back.
            while last > self.start:
                first = OfficialTable(self.fonts, self.block, self.start, last, self.paragraphs, self.drawn)
                if first.wrap(avail_width, avail_height)[1] <= avail_height:
                    return [first, OfficialTable(self.fonts, self.block, last, self.end, self.paragraphs, self.drawn)]
                last = break_before(self.block, self.start, self.end, last - 1) if by_rule else last - 1
        return []

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (reportlab's names)
        if self.drawn is not None:
            self.drawn.append(Piece(self.block.part, self.start, self.end, canvas.getPageNumber()))
        if not getattr(canvas, "measuring", False):  # a layout pass only wants to know where things go
            self.table().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:  # drawOn does the work
        pass
