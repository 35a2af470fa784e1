"""The plain intermediate every form is read into: a sequence of blocks, each a paragraph or a table row.

Each form has its own step that makes blocks (``Line``): .docx (``docx_reader``), a saved web page
(``html_reader``: spans resolved), a PDF (``pdf_reader``: its text), and text (``lines_from_text``
here: tabs of a browser's copy, Markdown's pipes, spaced PDF rows; ``oneline`` cuts a text without
line breaks by the official wording first). A row of a real grid (.docx, web page, Markdown) is
``exact``: an empty cell there is a blank cell. Guesswork about tabs, pipes and spaces stays in
those steps; the reader (``reader``, ``structure``, ``tables``, ``part4``) sees only blocks, and
``tokens`` gives it a table region's cells with markers saying where a row read whole ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.prose import CN_NUMERALS
from .normalise import drop_url_brackets, has_cjk, is_junk, is_number, plain_spaces


@dataclass
class Line:
    text: str  # the paragraph (with `**…**` bold markup), or the row's cells joined by tabs
    cells: tuple[str, ...] | None = None  # a table row
    exact: bool = False  # cells are a real table's grid (docx): empty cells are blank cells
    auto_numbered: bool = False  # a Word list paragraph: its `一、` is generated, not in the text

    @property
    def is_row(self) -> bool:
        return self.cells is not None


# Page numbers left in text copied from a PDF: `— 3 —`, `- 3 -`, `第 3 页`, `第3页 共10页`.
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)\s*$")


# A table row whose cells a PDF tool or web page separated by spaces, not tabs: labels (or
# none) and numbers at the end. Only lines inside a table region are read so.
_NUMBER_CELL = re.compile(r"[+-]?\d[\d,.]*(?:万元|元)?")
_SPACED_ROW = re.compile(r"^(?:(?P<label>.*?\S)\s+)?(?P<numbers>[+-]?\d[\d,.]*(?:万元|元)?(?:\s+[+-]?\d[\d,.]*(?:万元|元)?)*)$")
# where a second label starts inside the label text: `三、本年度办理结果 （一）予以公开`
_LABEL_START = re.compile(rf"\s+(?=[（(][{CN_NUMERALS}]{{1,3}}[)）]|\d{{1,2}}\s*[.．、]\s*\D|[{CN_NUMERALS}]{{1,3}}、)")


def spaced_cells(text: str) -> list[str] | None:
    """The cells of a table row printed with spaces between them, or None if it is not one."""
    text = text.strip()
    parts = text.split()
    if parts and all(_NUMBER_CELL.fullmatch(p) for p in parts):
        return parts
    m = _SPACED_ROW.match(text)
    if m is None:
        return None
    label = m.group("label")
    if not has_cjk(label) or label.endswith(("年", "月", "日", "第", "共", "约")):
        return None
    return [x for x in _LABEL_START.split(label) if x] + m.group("numbers").split()


# A Markdown table row (`| a | b |`) and the rule below its header (`|---|:--:|`).
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# A page's text as some converters and portals give it: cells closed by a pipe, none before the first
# (`规章 | 0 | 0 | 0 |`, `第二十条第(一)项 |`): a row too, however short.
_OPEN_PIPE_ROW = re.compile(r"^\s*[^|\s][^|]{0,80}\|(?:[^|]{0,80}\|)*\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def lines_from_text(text: str) -> list[Line]:
    """Text -> lines: paragraphs, and table rows from tabs (a browser's copy) or pipes (Markdown).
    A text whose lines hold several parts of the report is cut by the official wording first."""
    from .oneline import cut_by_wording  # lazy: saves ~10 ms; only a text on one line needs it

    out = []
    for raw in cut_by_wording(plain_spaces(text)):
        line = drop_url_brackets(raw).rstrip()
        if _PAGE_NUMBER.match(line):
            continue
        if (_PIPE_ROW.match(line) and line.count("|") >= 3) or _OPEN_PIPE_ROW.match(line):
            if _PIPE_RULE.match(line):
                continue
            cells = tuple(c.strip() for c in line.strip().strip("|").split("|"))
            out.append(Line("\t".join(cells), cells, exact=True))  # a full grid: an empty cell is blank
        elif "\t" in raw:
            out.append(Line(line, tuple(c.strip() for c in drop_url_brackets(raw).rstrip(" \r\n").split("\t"))))
        else:
            out.append(Line(line.strip()))
    return out


# Put after the cells of a row read whole (a real table's row, a browser's tab-separated row): the
# cells before it are all of that row, so blank cells at its start or end can be placed.
ROW_END = "\x00"  # after a real table's row (.docx, web page, Markdown)
TAB_ROW_END = "\x01"  # after a tab-separated row of text (a browser's copy, or a PDF's)


# Put before a real table's row that has no label cell at all (a converter moved its label
# elsewhere): the numbers cannot be said to belong to the label read before them.
ORPHAN = "\x02"


# After a tab-separated row of a table whose rows show blank cells as empty fields between numbers
# (a browser's copy): such a row can only have lost blank cells at its end (when line ends were
# trimmed), never one in the middle.
BLANKS_KEPT_ROW_END = "\x03"
_INTERIOR_BLANK = re.compile(r"\d\t\t+[-+]?\d")


def is_end(token: str) -> bool:
    """A marker, not a cell."""
    return token in (ROW_END, TAB_ROW_END, ORPHAN, BLANKS_KEPT_ROW_END)


def tokens(lines: list[Line]) -> list[str]:
    """The cells of a table region in reading order, ``ROW_END`` after a row read whole.

    Text copied from a PDF puts a tab before cells that stand one to a line, and tabs for merged
    cells: a row with a single filled cell is that cell. Rows of a real table keep every cell,
    since there an empty cell is a blank cell; so do tab-separated rows holding numbers (a
    browser's copy of a web table, whose last cell may be blank).
    """
    out: list[str] = []
    tab_end = TAB_ROW_END
    if any(line.cells is not None and not line.exact and _INTERIOR_BLANK.search(line.text) for line in lines):
        tab_end = BLANKS_KEPT_ROW_END
    for line in lines:
        if line.cells is None:
            spaced = spaced_cells(line.text) if line.text else None
            if spaced is None:
                if line.text and not is_junk(line.text):
                    out.append(line.text)
                    if tab_end == BLANKS_KEPT_ROW_END:
                        out.append(tab_end)  # a label alone: its row's blank cells were trimmed away
                continue
            cells = spaced
        else:
            cells = list(line.cells)
        if all(not c for c in cells) and line.cells is not None and len(cells) >= 3:
            out.extend(cells)  # a row of blank cells
            out.append(ROW_END if line.exact else tab_end)
            continue
        if all(not c or is_junk(c) for c in cells):
            continue
        first_label = next((i for i, c in enumerate(cells) if has_cjk(c) and not is_number(c)), 0)
        if not any(cells[:first_label]):
            del cells[:first_label]  # merged label columns before the row's label
        if line.exact:
            if not any(has_cjk(c) and not is_number(c) for c in cells):
                out.append(ORPHAN)
            out.extend(cells)
            out.append(ROW_END)
            continue
        filled = [c for c in cells if c]
        if len(filled) == 1:
            if line.cells is not None and cells[0] == filled[0] and has_cjk(filled[0]) and len(cells) >= 3:
                out.extend(cells)  # a label and its row of blank cells (a browser's copy)
                out.append(tab_end)
            else:
                out.append(filled[0])
            continue
        if line.cells is not None and any(is_number(c) for c in filled):
            out.extend(cells)
            out.append(tab_end)
            continue
        while cells and not cells[-1]:
            cells.pop()
        out.extend(cells)
    return out
