"""A report as a neutral list of blocks, the one reading of the report both writers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats import PART2, PART3, PART4, PROSE_PARTS, TABLE_PARTS, Role, cells_of, grid_of
from ..model.prose import LEVEL_1, LEVEL_2, Paragraph
from ..model.report import Report, chinese_date
from ..model.values import format_value
from . import layout, tablewidths


@dataclass
class Text:
    """A paragraph: runs of (text, bold), set in one role's font."""

    role: str  # layout.BODY, HEADING1 or HEADING2
    runs: list[tuple[str, bool]]
    # A run-in heading (（一）加强学习，提高认识。认真学习……): its first ``lead`` runs, the heading up to
    # its 。, are set in ``lead_role`` (楷体/黑体), the rest of the paragraph in ``role`` (正文 仿宋).
    lead: int = 0
    lead_role: str = ""

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass
class Title:
    lines: list[str]


@dataclass
class TableCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    header: bool  # a header or label cell (as opposed to a number)


@dataclass
class Table:
    part: str
    rows: int
    cols: int
    header_rows: int
    widths: list[float]  # fractions of the text width, summing to 1
    size: float
    cells: list[TableCell] = field(default_factory=list)


@dataclass
class Signature:
    agency: str
    date: str


Block = Title | Text | Table | Signature


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without control characters (a .docx cannot hold them; on paper they are nothing)."""
    return _CONTROL.sub("", text).replace("\t", " ")


def title_lines(title: str, limit: int = layout.TITLE_CHARS_PER_LINE) -> list[str]:
    """The title in lines of at most ``limit`` characters, broken where the meaning breaks."""
    if len(title) <= limit:
        return [title]
    for mark in ("年政府信息公开", "年度政府信息公开", "政府信息公开"):
        found = title.find(mark)
        if found > 0:
            cut = found + mark.index("政")  # the first line ends with 年 or 年度, the second starts with 政府
            head, tail = title[:cut], title[cut:]
            if len(head) <= limit and len(tail) <= limit:
                return [head, tail]
    lines, rest = [], title
    count = -(-len(title) // limit)
    size = -(-len(title) // count)
    while rest:
        lines.append(rest[:size])
        rest = rest[size:]
    return lines


def _role(paragraph: Paragraph) -> str:
    return {LEVEL_1: layout.HEADING1, LEVEL_2: layout.HEADING2}.get(paragraph.level, layout.BODY)


RUN_IN_LIMIT = 40  # a heading longer than this before its 。 is taken as a whole-paragraph heading


def _run_in(role: str, runs: list[tuple[str, bool]]) -> tuple[str, list[tuple[str, bool]], int, str]:
    """Split a heading paragraph that goes on with body text after its first 。 (see ``Text.lead``)."""
    text = "".join(t for t, _ in runs)
    end = text.find("。") + 1
    if role == layout.BODY or not 0 < end <= RUN_IN_LIMIT or not text[end:].strip():
        return role, runs, 0, ""
    head: list[tuple[str, bool]] = []
    tail: list[tuple[str, bool]] = []
    pos = 0
    for t, bold in runs:
        cut = min(max(end - pos, 0), len(t))
        if t[:cut]:
            head.append((t[:cut], bold))
        if t[cut:]:
            tail.append((t[cut:], bold))
        pos += len(t)
    return layout.BODY, head + tail, len(head), role


def _widths(part: str, cols: int, label_cols: int) -> list[float]:
    if part == PART2:
        return [0.34] + [0.22] * (cols - 1)
    return [1 / cols] * cols


def table_block(report: Report, part: str) -> Table:
    grid = grid_of(report.format, part)
    kinds = cells_of(report.format).kinds
    size = layout.SIZE_XIAO5 if part == PART4 else layout.SIZE_5HAO
    table = Table(part, grid.rows, grid.cols, grid.header_rows, _widths(part, grid.cols, grid.label_cols), size)
    for cell in grid.cells:
        if cell.ref is not None:
            text, header = clean(format_value(kinds[cell.ref], report.value(cell.ref))), False
        else:
            text, header = ("" if cell.role is Role.EMPTY else clean(cell.text)), True
        table.cells.append(TableCell(cell.row, cell.col, cell.rowspan, cell.colspan, text, header))
    if part == PART3:
        points = tablewidths.label_widths(table.cells, grid.cols, grid.label_cols, size)
        table.widths = [w / layout.TEXT_WIDTH for w in points]
    return table


def date_text(report: Report) -> str:
    return chinese_date(report.date) if report.date else ""


def _lines_of(runs: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    """Runs cut at line breaks (text pasted from a web page or PDF), one list per paragraph, none empty.

    A line break inside a paragraph has no glyph: left in, it would print as a box.
    """
    out: list[list[tuple[str, bool]]] = [[]]
    for text, bold in runs:
        for i, piece in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if i:
                out.append([])
            if piece:
                out[-1].append((piece, bold))
    return [r for r in out if "".join(t for t, _ in r).strip()]


def blocks_of(report: Report) -> list[Block]:
    """Title, opening, each part (heading, prose or table), signature."""
    blocks: list[Block] = [Title(title_lines(clean(report.title or "").replace("\n", "")))]
    for runs in _lines_of([(clean(report.opening.strip()), False)]):
        blocks.append(Text(layout.BODY, runs))
    for part, heading in report.format.part_headings:
        blocks.append(Text(layout.HEADING1, [(heading, False)]))
        if part in PROSE_PARTS:
            for para in report.parts.get(part, []):
                for runs in _lines_of([(clean(r.text), r.bold) for r in para.runs]):
                    blocks.append(Text(*_run_in(_role(para), runs)))
        elif part in TABLE_PARTS:
            blocks.append(table_block(report, part))
    agency = clean(report.signature_agency or report.agency)
    if agency or report.date:
        blocks.append(Signature(agency, date_text(report)))
    return blocks


def all_text(report: Report) -> list[str]:
    """Every paragraph's text in order (tests compare the outputs against it)."""
    out: list[str] = []
    for block in blocks_of(report):
        if isinstance(block, Title):
            out.append("".join(block.lines))
        elif isinstance(block, Text):
            out.append(block.text)
        elif isinstance(block, Signature):
            out.extend(t for t in (block.agency, block.date) if t)
    return out

