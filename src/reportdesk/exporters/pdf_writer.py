"""Report -> PDF (reportlab), on the GB/T 9704 grid, with every font embedded.

The layout also tells where the tables break (``table_pieces``): the .docx breaks its tables there.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from dataclasses import replace

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
)

from ..model.report import Report
from . import document, layout, linebreak
from .pdf_fonts import Font, FontSet, find_official
from .pdf_tables import OfficialTable, Piece

rl_config.useA85 = 0  # binary streams: smaller files, no ASCII85 encoding time

MIN_LINES = 2  # lines of a paragraph kept together at the foot and at the head of a page
ASCENT = 0.88  # ideographic em box: baseline 0.12 em above its bottom
BOLD_STROKE = 0.035  # synthetic bold: outline stroke as a fraction of the size


def _advance(fonts: FontSet, role: str, ch: str, size: float, pitch: float) -> float:
    if unicodedata.east_asian_width(ch) in "WF":
        return pitch
    return fonts.width(fonts.for_char(role, ch), ch, size)


def draw_chars(canvas, fonts: FontSet, role: str, size: float, x: float, y: float, chars) -> None:
    """Draw (char, x offset, bold) triples on one baseline, each in a font that has it.

    Characters in one font and weight whose gaps are equal go out as one string with a character
    spacing (Tc), so a justified line is a few PDF operators rather than one per character.
    """
    weight = fonts.role(role).weight  # a fallback character takes the weight of its role's font
    runs: list[list] = []  # [font, bold, start dx, text, spacing, last dx]
    for ch, dx, bold in chars:
        font: Font = fonts.for_char(role, ch)
        run = runs[-1] if runs else None
        if run is not None and run[0] is font and run[1] == bold:
            natural = fonts.width(font, run[3][-1], size)
            spacing = dx - run[5] - natural
            if len(run[3]) == 1 or abs(spacing - run[4]) < 0.005:
                run[3] += ch
                run[4] = spacing
                run[5] = dx
                continue
        runs.append([font, bold, dx, ch, 0.0, dx])
    for font, bold, dx, text_, spacing, _last in runs:
        stroke = size * (weight + (BOLD_STROKE if bold else 0.0))
        canvas.saveState()  # Tc, Tr and the line width are graphics state: keep them to this run
        text = canvas.beginText(x + dx, y)
        text.setFont(font.name, size)
        text.setCharSpace(spacing)  # Tc and Tr are graphics state: always set, never inherited
        if stroke:
            canvas.setLineWidth(stroke)
        text.setTextRenderMode(2 if stroke else 0)
        text.textOut(text_)
        canvas.drawText(text)
        canvas.restoreState()


class Drawn(Flowable):
    """A flowable that draws nothing on a measuring canvas (a layout pass: only where things go counts)."""

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 (reportlab's names)
        if not getattr(canvas, "measuring", False):
            super().drawOn(canvas, x, y, _sW)


class GridText(Drawn):
    """A paragraph on the 28 × 22 grid: first-line indent, justified, Chinese line breaking."""

    def __init__(self, fonts: FontSet, role: str, runs, size: float = layout.BODY_SIZE,
                 indent: float = layout.INDENT_CHARS, lines=None, lead: int = 0, lead_role: str = "") -> None:
        super().__init__()
        self.fonts, self.role, self.size = fonts, role, size
        self.text = "".join(t for t, _ in runs)
        self.bold = [b for t, b in runs for _ in t]
        # each character's role: a run-in heading's first runs are in the heading's font
        self.roles = [lead_role if i < lead else role for i, (t, _) in enumerate(runs) for _ in t]
        self.widths = [_advance(fonts, r, ch, size, layout.CHAR_PITCH)
                       for ch, r in zip(self.text, self.roles, strict=True)]
        self.indent = indent * layout.CHAR_PITCH
        if lines is None:
            width = layout.TEXT_WIDTH
            lines = [(s, e, i == 0) for i, (s, e) in enumerate(linebreak.no_lone_last(
                self.text, linebreak.fill(self.text, self.widths, width - self.indent, width)))]
            self.last = lines[-1][1] if lines else 0
        self.lines = lines

    _OWN = ("fonts", "role", "size", "text", "bold", "roles", "widths", "indent", "last")

    def _part(self, lines) -> GridText:
        """The lines ``lines`` of this paragraph as a flowable of their own: a fresh one with this one's
        fields only. (Copying reportlab's state too carried its ``_postponed`` mark into the part, and a
        paragraph longer than a page, split a second time, failed the whole PDF with LayoutError.)"""
        part = GridText.__new__(GridText)
        Drawn.__init__(part)
        part.__dict__.update({k: v for k, v in self.__dict__.items() if k in self._OWN})
        part.lines = lines
        return part

    def wrap(self, avail_width, avail_height):
        return layout.TEXT_WIDTH, len(self.lines) * layout.LINE_PITCH

    def split(self, avail_width, avail_height):
        """Break between lines, as Word's widow and orphan control does: never one line of a paragraph
        alone at the foot of a page or at the head of the next."""
        n = int((avail_height + 0.01) // layout.LINE_PITCH)
        if n >= len(self.lines):
            return [self]
        if len(self.lines) - n < MIN_LINES:
            n = len(self.lines) - MIN_LINES
        if n < MIN_LINES:
            return []
        return [self._part(self.lines[:n]), self._part(self.lines[n:])]

    def draw(self) -> None:
        pitch, size = layout.LINE_PITCH, self.size
        top = len(self.lines) * pitch
        for i, (start, end, first) in enumerate(self.lines):
            baseline = top - i * pitch - (pitch - size) / 2 - ASCENT * size
            x0 = self.indent if first else 0.0
            extra = 0.0
            gaps: set[int] = set()
            if end < self.last and self.role != layout.TITLE:
                room = layout.TEXT_WIDTH - x0 - sum(self.widths[start:end])
                gap_list = linebreak.stretchable_gaps(self.text, start, end)
                if gap_list and room > 0:
                    extra, gaps = room / len(gap_list), set(gap_list)
            chars, dx, role = [], 0.0, self.roles[start] if start < end else self.role
            for k in range(start, end):
                if k in gaps:
                    dx += extra
                if self.roles[k] != role:
                    draw_chars(self.canv, self.fonts, role, size, x0, baseline, chars)
                    chars, role = [], self.roles[k]
                chars.append((self.text[k], dx, self.bold[k]))
                dx += self.widths[k]
            draw_chars(self.canv, self.fonts, role, size, x0, baseline, chars)


class CentredLines(Drawn):
    """The title: centred lines of 2号, on the grid."""

    def __init__(self, fonts: FontSet, lines: list[str]) -> None:
        super().__init__()
        self.fonts, self.lines = fonts, lines

    def wrap(self, avail_width, avail_height):
        return layout.TEXT_WIDTH, len(self.lines) * layout.LINE_PITCH

    def draw(self) -> None:
        size, pitch = layout.TITLE_SIZE, layout.LINE_PITCH
        top = len(self.lines) * pitch
        for i, line in enumerate(self.lines):
            widths = [_advance(self.fonts, layout.TITLE, ch, size, size) for ch in line]
            x = (layout.TEXT_WIDTH - sum(widths)) / 2
            baseline = top - i * pitch - (pitch - size) / 2 - ASCENT * size
            chars, dx = [], 0.0
            for ch, w in zip(line, widths, strict=True):
                chars.append((ch, dx, False))
                dx += w
            draw_chars(self.canv, self.fonts, layout.TITLE, size, x, baseline, chars)


class SignatureBlock(Drawn):
    """After one empty line: the agency 2 characters from the right; the date 2 characters right of it."""

    def __init__(self, fonts: FontSet, sig: document.Signature) -> None:
        super().__init__()
        self.fonts, self.sig = fonts, sig

    def wrap(self, avail_width, avail_height):
        return layout.TEXT_WIDTH, 3 * layout.LINE_PITCH

    def _width(self, text: str) -> float:
        return sum(_advance(self.fonts, layout.BODY, ch, layout.BODY_SIZE, layout.CHAR_PITCH) for ch in text)

    def draw(self) -> None:
        size, pitch, ch = layout.BODY_SIZE, layout.LINE_PITCH, layout.CHAR_PITCH
        right = layout.TEXT_WIDTH - 2 * ch
        name_x = min(right - self._width(self.sig.agency), right - self._width(self.sig.date) - 2 * ch)
        for i, (text, x) in enumerate(((self.sig.agency, name_x), (self.sig.date, name_x + 2 * ch))):
            baseline = 3 * pitch - (i + 1) * pitch - (pitch - size) / 2 - ASCENT * size
            chars, dx = [], 0.0
            for c in text:
                chars.append((c, dx, False))
                dx += _advance(self.fonts, layout.BODY, c, size, ch)
            draw_chars(self.canv, self.fonts, layout.BODY, size, x, baseline, chars)


def _page_number(fonts: FontSet):
    def on_page(canvas, doc) -> None:
        if getattr(canvas, "measuring", False):
            return
        n = canvas.getPageNumber()
        text = f"— {n} —"
        size = layout.PAGE_NUMBER_SIZE
        width = sum(fonts.width(f, t, size) for f, t in fonts.split(layout.PAGE_NUMBER, text))
        # odd pages: right, one character in; even pages: left, one character in
        x = layout.PAGE_WIDTH - layout.RIGHT - size - width if n % 2 else layout.LEFT + size
        baseline = layout.BOTTOM - layout.mm(layout.PAGE_NUMBER_GAP_MM) - ASCENT * size
        canvas.saveState()
        dx = 0.0
        for f, t in fonts.split(layout.PAGE_NUMBER, text):
            canvas.setFont(f.name, size)
            canvas.drawString(x + dx, baseline, t)
            dx += fonts.width(f, t, size)
        canvas.restoreState()

    return on_page


def printable(block: document.Block, fonts: FontSet) -> document.Block:
    """``block`` with every character one the fonts can draw (see ``FontSet.visible``)."""
    if isinstance(block, document.Title):
        return replace(block, lines=[fonts.visible(layout.TITLE, t) for t in block.lines])
    if isinstance(block, document.Text):
        return replace(block, runs=[(fonts.visible(block.lead_role if i < block.lead else block.role, t), b)
                                    for i, (t, b) in enumerate(block.runs)])
    if isinstance(block, document.Table):
        return replace(block, cells=[replace(c, text=fonts.visible(layout.TABLE, c.text)) for c in block.cells])
    return replace(block, agency=fonts.visible(layout.BODY, block.agency),
                   date=fonts.visible(layout.BODY, block.date))


def _is_heading(block) -> bool:
    return isinstance(block, document.Text) and block.role != layout.BODY


def story_of(report: Report, fonts: FontSet, drawn: list[Piece] | None = None,
             blocks: list[document.Block] | None = None) -> list[Flowable]:
    """The flowables of the PDF; each table piece drawn is added to ``drawn``."""
    blocks = [printable(b, fonts) for b in (document.blocks_of(report) if blocks is None else blocks)]
    flows: list[list[Flowable]] = []
    for block in blocks:
        if isinstance(block, document.Title):
            flows.append([CentredLines(fonts, block.lines), Spacer(0, layout.LINE_PITCH)])
        elif isinstance(block, document.Text):
            flows.append([GridText(fonts, block.role, block.runs, lead=block.lead, lead_role=block.lead_role)])
        elif isinstance(block, document.Table):
            flows.append([OfficialTable(fonts, block, drawn=drawn), Spacer(0, layout.LINE_PITCH / 2)])
        else:
            flows.append([SignatureBlock(fonts, block)])
    # A heading never ends a page: it keeps room for itself, the headings right after it and what the
    # next paragraph must start with on this page (two lines, or all of a paragraph of three or fewer,
    # as widow control lets it split), or a table's head.
    needed = [0.0] * len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        first = flows[i][0]
        if _is_heading(blocks[i]):
            own = len(first.lines)
            after = 2
            if i + 1 < len(blocks):
                nxt = flows[i + 1][0]
                if _is_heading(blocks[i + 1]):
                    after = needed[i + 1]
                elif isinstance(nxt, GridText):
                    after = len(nxt.lines) if len(nxt.lines) < 2 * MIN_LINES else MIN_LINES
                elif isinstance(nxt, OfficialTable):
                    after = 4
            needed[i] = own + after
    story: list[Flowable] = []
    for i, flow in enumerate(flows):
        if needed[i]:
            story.append(CondPageBreak(needed[i] * layout.LINE_PITCH - 0.01))  # whole lines: after a table the room
            # left is not a whole number of lines, and a paragraph splits only at whole ones
        story += flow
    return story


class Measuring(Canvas):
    """A canvas for a layout pass: the pages are counted, nothing is drawn and nothing written."""

    measuring = True

    def save(self) -> None:
        pass


def _build(report: Report, fonts: FontSet, blocks: list[document.Block], canvasmaker=Canvas) -> tuple[bytes, list[Piece]]:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT),
        leftMargin=layout.LEFT, rightMargin=layout.RIGHT, topMargin=layout.TOP, bottomMargin=layout.BOTTOM,
        title=document.clean(report.title), author=document.clean(report.signature_agency or report.agency),
        creator="ReportDesk",
        subject="政府信息公开工作年度报告",
        initialFontName=fonts.role(layout.BODY).name,  # no stray, unembedded Helvetica on the pages
    )
    frame = Frame(layout.LEFT, layout.BOTTOM, layout.TEXT_WIDTH, layout.TEXT_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number(fonts))])
    drawn: list[Piece] = []
    doc.build(story_of(report, fonts, drawn, blocks), canvasmaker=canvasmaker)
    return buffer.getvalue(), drawn


# Where the tables of the last few layouts broke: (the blocks, the fonts asked for) -> pieces drawn. The
# layout is a function of these alone, so a .docx made after the PDF of the same report (or before it,
# or again) takes the breaks from here instead of laying the report out again.
_PIECES: dict[tuple, list[Piece]] = {}
_REMEMBERED = 4
_PIECES_LOCK = threading.Lock()  # the window exports in a worker thread while a preview may lay out too


def _key(blocks: list[document.Block], font_overrides: dict[str, str] | None) -> tuple:
    """The layout's inputs: the printed blocks, the fonts chosen, and the official fonts found on this
    machine (installing 仿宋_GB2312 during a session changes the widths, so the breaks)."""
    chosen = tuple(sorted((k, v) for k, v in (font_overrides or {}).items() if v))
    return repr(blocks), chosen, tuple(str(find_official(role)) for role in layout.ROLES)


def _recall(key: tuple) -> list[Piece] | None:
    with _PIECES_LOCK:
        return _PIECES.get(key)


def _remember(key: tuple, pieces: list[Piece]) -> None:
    with _PIECES_LOCK:
        _PIECES.pop(key, None)
        _PIECES[key] = pieces
        while len(_PIECES) > _REMEMBERED:
            del _PIECES[next(iter(_PIECES))]


def table_pieces(report: Report, font_overrides: dict[str, str] | None = None) -> list[Piece]:
    """The table pieces the PDF of ``report`` has, in order: from the last PDF or layout of the same text
    with the same fonts, else from a layout pass that draws nothing (a quarter of making the PDF)."""
    blocks = document.blocks_of(report)
    key = _key(blocks, font_overrides)
    pieces = _recall(key)
    if pieces is None:  # (a FontSet only now: making one starts unpacking fonts not in the cache yet)
        pieces = _build(report, FontSet(font_overrides), blocks, Measuring)[1]
    _remember(key, pieces)
    return list(pieces)


def pdf_and_pieces(report: Report, font_overrides: dict[str, str] | None = None) -> tuple[bytes, list[Piece]]:
    """The PDF, and where its tables broke (remembered for a .docx of the same text)."""
    fonts = FontSet(font_overrides)
    blocks = document.blocks_of(report)
    data, pieces = _build(report, fonts, blocks)
    _remember(_key(blocks, font_overrides), pieces)
    return data, list(pieces)


def pdf_bytes(report: Report, font_overrides: dict[str, str] | None = None) -> bytes:
    return pdf_and_pieces(report, font_overrides)[0]
