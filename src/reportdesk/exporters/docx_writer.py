"""Report -> .docx (python-docx): an ordinary, editable document with styles and real tables.

The styles name the official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) as East Asian
fonts, so the document looks right on an agency machine that has them.

The tables are made in ``docx_tables``, last, once the PDF's layout has said where they break.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Callable, Sequence

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from ..model.report import Report
from . import document, docx_package, docx_tables, layout

TWIPS_PER_PT = docx_tables.TWIPS_PER_PT
STYLE_TITLE, STYLE_TABLE, STYLE_SIGNATURE = "公文标题", "表格文字", "落款"
HEADING_STYLES = {layout.HEADING1: "Heading 1", layout.HEADING2: "Heading 2"}


def _fonts(style_or_run, role: str) -> None:
    """Name the official font of ``role`` for Latin and East Asian text alike."""
    name = layout.OFFICIAL_FONTS[role]
    font = style_or_run.font
    font.name = name
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)


def _paragraph_style(style, role: str, size: float, indent: bool = True, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
    _fonts(style, role)
    style.font.size = Pt(size)
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = None
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Twips(layout.LINE_PITCH_TWIPS)
    pf.first_line_indent = Pt(layout.INDENT_CHARS * layout.CHAR_PITCH) if indent else Pt(0)
    pf.left_indent = Pt(0)
    pf.keep_with_next = role in HEADING_STYLES
    ppr = style.element.get_or_add_pPr()  # no CJK-Latin spacing added by Word (docDefaults say so too)
    _set(ppr, "w:autoSpaceDE", val="0")
    _set(ppr, "w:autoSpaceDN", val="0")


# Elements that must follow a given one in its parent (the schema fixes the order; Word checks it).
_AFTER = {
    "w:spacing": ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                  "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath"),
    "w:snapToGrid": ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                     "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                     "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:autoSpaceDE": ("w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                      "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                      "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                      "w:sectPr", "w:pPrChange"),
    "w:autoSpaceDN": ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                      "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                      "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                      "w:pPrChange"),
    "w:outlineLvl": ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
}


def _set(parent, tag: str, **attrs: str):
    """Set attributes of ``parent``'s child ``tag``, adding it in its schema position if missing."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.insert_element_before(el, *_AFTER.get(tag, ()))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _pitch(style) -> None:
    """3号 characters 28 a line: a character spacing of (156 mm / 28) - 16 pt in whole twips, rounded
    down so that 28 characters always fit (-0.25 pt; justification spreads the rest)."""
    twips = math.floor((layout.CHAR_PITCH - layout.BODY_SIZE) * 20)
    _set(style.element.get_or_add_rPr(), "w:spacing", val=str(twips))


def _off_grid(style) -> None:
    _set(style.element.get_or_add_pPr(), "w:snapToGrid", val="0")


def _styles(doc) -> None:
    styles = doc.styles
    _paragraph_style(styles["Normal"], layout.BODY, layout.BODY_SIZE)
    _pitch(styles["Normal"])
    # No extra space between Chinese and Latin/digits: on the 28-character grid, as in the PDF.
    normal_ppr = styles["Normal"].element.get_or_add_pPr()
    _set(normal_ppr, "w:autoSpaceDE", val="0")
    _set(normal_ppr, "w:autoSpaceDN", val="0")
    for role, name in HEADING_STYLES.items():
        _paragraph_style(styles[name], role, layout.BODY_SIZE)
        _pitch(styles[name])
        _set(styles[name].element.get_or_add_pPr(), "w:outlineLvl", val=str(list(HEADING_STYLES).index(role)))
    title = styles.add_style(STYLE_TITLE, 1)
    _paragraph_style(title, layout.TITLE, layout.TITLE_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    table = styles.add_style(STYLE_TABLE, 1)
    _paragraph_style(table, layout.TABLE, layout.SIZE_5HAO, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    table.paragraph_format.line_spacing = Twips(round(layout.SIZE_5HAO * layout.TABLE_LINE * TWIPS_PER_PT))
    _off_grid(table)
    _set(table.element.get_or_add_rPr(), "w:spacing", val="0")
    _off_grid(title)
    _set(title.element.get_or_add_rPr(), "w:spacing", val="0")
    sig = styles.add_style(STYLE_SIGNATURE, 1)
    _paragraph_style(sig, layout.BODY, layout.BODY_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    _pitch(sig)  # the body's character pitch: the tab stops are computed with it


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(layout.PAGE_WIDTH_MM), Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(layout.TOP_MM), Mm(layout.BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(layout.LEFT_MM), Mm(layout.RIGHT_MM)
    section.header_distance = Mm(15)
    # Page number 7 mm below the 版心: the footer's bottom is that far up from the page's edge.
    section.footer_distance = Mm(layout.BOTTOM_MM - layout.PAGE_NUMBER_GAP_MM) - Pt(layout.PAGE_NUMBER_SIZE)
    section.start_type = WD_SECTION.NEW_PAGE
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    # 22 lines a page. The 28 characters a line come from the body style's character spacing (a
    # character grid makes LibreOffice give each 3号 character two cells).
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(layout.LINE_PITCH_TWIPS))
    grid.attrib.pop(qn("w:charSpace"), None)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_numbers(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, odd=True)
    _page_numbers(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, odd=False)


def _field(paragraph, code: str) -> None:
    """A field as Word writes it: begin, instruction, separate, cached result, end, each in its own run."""
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        _fonts(run, layout.PAGE_NUMBER)
        run.font.size = Pt(layout.PAGE_NUMBER_SIZE)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _page_numbers(footer, align, odd: bool) -> None:
    """``— N —`` in 4号 宋体, one character in from the right (odd) or the left (even)."""
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.style = footer.part.document.styles["Footer"] if hasattr(footer.part, "document") else p.style
    pf = p.paragraph_format
    pf.alignment = align
    pf.first_line_indent = Pt(0)
    one = Pt(layout.PAGE_NUMBER_SIZE)
    pf.right_indent, pf.left_indent = (one, Pt(0)) if odd else (Pt(0), one)
    for text in ("— ", None, " —"):
        if text is None:
            _field(p, "PAGE")
            continue
        run = p.add_run(text)
        _fonts(run, layout.PAGE_NUMBER)
        run.font.size = Pt(layout.PAGE_NUMBER_SIZE)


def signature_stops(sig: document.Signature) -> tuple[float, float]:
    """Where the agency name and the date start (points from the left margin), GB/T 9704 §7.3.5.1:
    the name right-aligned 2 characters from the right; the date on the next line, its first character
    2 characters right of the name's; a date longer than that is right-aligned 2 characters from the
    right and the name moves left with it. Widths as the body font sets them: a hanzi 1 em (plus the
    style's character spacing), a digit or Latin letter half of it."""
    ch = layout.CHAR_PITCH
    right = layout.TEXT_WIDTH - 2 * ch
    name_x = min(right - _docx_width(sig.agency), right - _docx_width(sig.date) - 2 * ch)
    return name_x, name_x + 2 * ch


def _signature(doc, sig: document.Signature) -> None:
    """Each line one tab stop: the longer line at a right-aligned stop 2 characters from the right
    margin, the other at a left stop found from it. A tab stop cannot wrap, whatever the font."""
    right = layout.TEXT_WIDTH - 2 * layout.CHAR_PITCH
    name_x, date_x = signature_stops(sig)
    name_longer = name_x + _docx_width(sig.agency) >= right - 0.5
    _para(doc, STYLE_SIGNATURE)  # one empty line after the body
    for text, x, longer in ((sig.agency, name_x, name_longer), (sig.date, date_x, not name_longer)):
        p = _para(doc, STYLE_SIGNATURE)
        if longer:
            p.paragraph_format.tab_stops.add_tab_stop(Pt(right), WD_TAB_ALIGNMENT.RIGHT)
        else:
            p.paragraph_format.tab_stops.add_tab_stop(Pt(max(0.0, x)), WD_TAB_ALIGNMENT.LEFT)
        p.add_run("\t" + text)


def _docx_width(text: str) -> float:
    ch = layout.CHAR_PITCH
    return sum(ch if unicodedata.east_asian_width(c) in "WF" else ch / 2 for c in text)


def _para(doc, style: str, text: str = ""):
    """A paragraph of a style (python-docx's style lookup by name is slow: set the id directly)."""
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().style = _style_ids(doc)[style]
    return p


def _style_ids(doc) -> dict[str, str]:
    ids = getattr(doc, "_rd_style_ids", None)
    if ids is None:
        ids = {s.name: s.style_id for s in doc.styles}
        doc._rd_style_ids = ids
    return ids


def build_document(report: Report, pieces: Callable[[], Sequence] | None = None):
    """The document; ``pieces`` gives the PDF's table pieces (``pdf_tables.Piece``). It is asked for once
    all but the tables is made (the fonts its layout needs unpack meanwhile); the tables go in then."""
    doc = Document()
    _styles(doc)
    _page(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    docx_package.clean(doc, document.clean(report.title), document.clean(report.signature_agency or report.agency))
    tables: list[tuple[object, document.Table]] = []  # the empty line after each table, its block
    for block in document.blocks_of(report):
        if isinstance(block, document.Title):
            p = _para(doc, STYLE_TITLE)
            for i, line in enumerate(block.lines):
                run = p.add_run(line)
                if i < len(block.lines) - 1:
                    run.add_break()
            _para(doc, "Normal")  # one empty line below the title
        elif isinstance(block, document.Text):
            p = _para(doc, HEADING_STYLES.get(block.role, "Normal"))
            for i, (text, bold) in enumerate(block.runs):
                run = p.add_run(text)
                if bold:
                    run.bold = True
                if i < block.lead:  # a run-in heading: its own font, the paragraph stays 正文
                    _fonts(run, block.lead_role)
        elif isinstance(block, document.Table):
            tables.append((_para(doc, STYLE_TABLE)._p, block))
        elif isinstance(block, document.Signature):
            _signature(doc, block)
    laid_out = pieces() if tables and pieces else ()
    ids = _style_ids(doc)
    for after, block in tables:
        for el in docx_tables.elements(block, docx_tables.page_starts(laid_out, block), ids[STYLE_TABLE],
                                       ids["Table Grid"]):
            after.addprevious(el)
    return doc


def docx_bytes(report: Report, pieces: Callable[[], Sequence] | None = None) -> bytes:
    buffer = io.BytesIO()
    build_document(report, pieces).save(buffer)
    return buffer.getvalue()
