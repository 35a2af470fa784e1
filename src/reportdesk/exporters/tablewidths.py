"""The official tables as a typesetter sets them (shared by the .docx and the PDF): column widths, and
where a table may break across pages.

Part 三 has three label columns and seven numeric ones. The numeric columns need little: their header
two (or three) characters a line and the widest number; the label columns get the rest. No label or
header may leave a single character on a line (“5.属于三类内部事务信/息”, “自然/人”): a column is made wide
enough for that, and the widest label column gives way to the numeric ones until no cell does.

Widths are measured with the em-box widths of the text (a hanzi is one em, digits and Latin letters a
conservative 0.55 em), so they do not depend on which fonts end up drawing the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from . import layout, linebreak

SLACK = 1.0  # pt beyond the text and the padding, so a rounding in Word or LibreOffice does not wrap it
STEP = 0.5  # widths are tried in steps of half a character


def char_width(ch: str, size: float) -> float:
    return size if unicodedata.east_asian_width(ch) in "WFA" and ord(ch) > 0x2000 else 0.55 * size


def lines(text: str, room: float, size: float) -> list[str]:
    """``text`` broken into lines ``room`` wide (Chinese line-breaking rules)."""
    widths = [char_width(ch, size) for ch in text]
    return [text[a:b] for a, b in linebreak.fill(text, widths, room, room)]


def orphan(text: str, room: float, size: float) -> bool:
    """``text`` would leave a single character alone on a line."""
    text = text.strip()
    return len(text) > 1 and any(len(line.strip()) == 1 for line in lines(text, room, size))


def room(widths: Sequence[float], col: int, span: int) -> float:
    return sum(widths[col : col + span]) - 2 * layout.TABLE_PADDING


def _column_minimum(texts: list[str], numbers: list[str], size: float) -> float:
    """The narrowest width (two characters at least) that sets ``texts`` without a lone character and
    ``numbers`` on one line."""
    pad = 2 * layout.TABLE_PADDING + SLACK
    widest_number = max((sum(char_width(c, size) for c in n) for n in numbers), default=0.0)
    chars = 2.0
    while chars < 40:
        width = chars * size + pad
        if width >= widest_number + pad and not any(orphan(t, width - 2 * layout.TABLE_PADDING, size)
                                                     for t in texts):
            return width
        chars += STEP
    return chars * size + pad


def orphans(cells, widths: Sequence[float], size: float) -> int:
    """How many text cells of the table leave a character alone on a line at ``widths`` (points)."""
    return sum(1 for c in cells if c.text and orphan(c.text, room(widths, c.col, c.colspan), size))


def label_widths(cells, cols: int, label_cols: int, size: float, total: float = layout.TEXT_WIDTH) -> list[float]:
    """Widths (points) of a table whose first ``label_cols`` columns hold the labels: every column at its
    minimum, the last label column the rest, then that column giving way until no cell has a lone
    character. ``cells`` are the table's cells (``row, col, colspan, text, header``)."""
    texts: list[list[str]] = [[] for _ in range(cols)]
    numbers: list[list[str]] = [[] for _ in range(cols)]
    for c in cells:
        if c.colspan == 1 and c.text:
            (texts if c.header else numbers)[c.col].append(c.text)
    minimum = [_column_minimum(texts[i], numbers[i], size) for i in range(cols)]
    wide = label_cols - 1
    numeric = list(range(label_cols, cols))
    best: list[float] | None = None
    best_count = -1
    give = 0.0
    while True:
        widths = list(minimum)
        rest = total - sum(minimum[i] for i in range(cols) if i != wide)
        widths[wide] = rest - give
        for i in numeric:
            widths[i] += give / len(numeric)
        if widths[wide] < minimum[wide]:
            break
        count = orphans(cells, widths, size)
        if best is None or count < best_count:
            best, best_count = widths, count
        if count == 0:
            break
        give += STEP * size
    return best if best is not None else [total / cols] * cols


MIN_ROWS = 3  # data rows a continuation page carries at least
GROUP_MIN = 2  # rows a cut group keeps on each side of the break (else it moves whole)
GROUP_ROWS = 12  # a merged label spanning more rows than this (三、本年度办理结果) is no group to keep whole


def groups(block) -> list[tuple[int, int, int]]:
    """(first row, row after, rows kept on each side of a break) of each group of rows: those under one
    merged label (（三）不予公开 and its items: GROUP_MIN a side) and a part 二 block from its full-width
    title row (第二十条第（五）项) to the next (whole: never cut)."""
    found = {(c.row, c.row + c.rowspan, GROUP_MIN) for c in block.cells
             if c.header and 1 < c.rowspan <= GROUP_ROWS and c.row >= block.header_rows}
    titles = sorted(c.row for c in block.cells if c.header and c.colspan == block.cols and c.row >= block.header_rows)
    for first, after in zip(titles, [*titles[1:], block.rows], strict=False):
        if 1 < after - first <= GROUP_ROWS:
            found.add((first, after, after - first))
    return sorted(found)


def break_before(block, start: int, end: int, last: int) -> int:
    """Where a typesetter breaks rows ``start``..``end`` that fit up to ``last``: the row that begins
    the next page. It moves up so that the next page carries at least MIN_ROWS rows, and to the start
    of a group that it would cut with fewer rows on a side than the group keeps. ``start`` (nothing
    fits: the whole table moves on) is returned when no break is left."""
    if end - last < MIN_ROWS:
        last = end - MIN_ROWS
    spans = groups(block)
    for _ in range(block.rows):  # moving up can land in another group: look again
        moved = last
        for first, after, keep in spans:
            if first < last < after and (last - first < keep or after - last < keep):
                moved = min(moved, first)
        if moved == last:
            break
        last = moved
    return max(last, start)


def kept_with_next(block) -> set[int]:
    """Rows to keep on the page of the row after them (for a word processor that breaks the table
    itself): the rows a group keeps together at its start and its end, and the table's last MIN_ROWS."""
    rows = set(range(max(block.header_rows, block.rows - MIN_ROWS), block.rows - 1))
    for first, after, keep in groups(block):
        rows.update(range(first, min(first + keep - 1, after - 1)))
        rows.update(range(max(first, after - keep), after - 1))
    return rows
